"""Write a source-only vbaProject.bin (MS-OVBA) from VBA module text.

Source-only means no compiled cache: the _VBA_PROJECT stream carries version 0xFFFF and every
module stream starts with its compressed source (MODULEOFFSET 0), so Excel compiles the
project itself when it opens the add-in, as it does with the add-ins xlwings ships.

>>> module = VbaModule.parse("Attribute VB_Name = \\"Hello\\"\\nSub Hi()\\nEnd Sub\\n", "Hello.bas")
>>> module.kind, module.source.splitlines()[0]
('standard', 'Attribute VB_Name = "Hello"')
>>> build_vba_project("kpixl", [module])[:4].hex()
'd0cf11e0'
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .cfb import write_compound_file
from .ovba import compress, decompress

CODEPAGE = 1252
ENCODING = "cp1252"
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"  # a plain class module
WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"  # Excel's Workbook document
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"  # Excel's Worksheet document
DOCUMENT_BASES = {WORKBOOK_BASE, WORKSHEET_BASE}

# Project references, as Excel writes them (2.3.4.2.2). VBA and Excel themselves are the
# host's and never listed. Office is needed for IRibbonControl in ribbon callbacks; the path
# is only a hint, Excel resolves a registered type library by its GUID and version.
REFERENCES = (
    (
        "stdole",
        "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#"
        "C:\\Windows\\System32\\stdole2.tlb#OLE Automation",
    ),
    (
        "Office",
        "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
        "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL#"
        "Microsoft Office 16.0 Object Library",
    ),
)

_ATTRIBUTE = re.compile(r"^Attribute (VB_\w+) = (.*)$")
# Order and defaults of the header attributes Excel stores for class and document modules.
_CLASS_HEADER = (
    ("VB_Name", None),
    ("VB_Base", None),
    ("VB_GlobalNameSpace", "False"),
    ("VB_Creatable", "False"),
    ("VB_PredeclaredId", "False"),
    ("VB_Exposed", "False"),
    ("VB_TemplateDerived", "False"),
    ("VB_Customizable", "False"),
)

Kind = Literal["standard", "class", "document"]


@dataclass(frozen=True)
class VbaModule:
    """One module as stored in the project: name, kind, and source text with CRLF endings.

    ``source`` is exactly what Excel keeps (and olevba reads back): Attribute lines first,
    then the code. Build one with :meth:`parse` from an exported .bas/.cls file, or
    :meth:`document` for ThisWorkbook and sheet modules.
    """

    name: str
    kind: Kind
    source: str

    @classmethod
    def parse(cls, text: str, filename: str) -> VbaModule:
        """Read a module exported by the VBA editor (.bas standard, .cls class or document).

        Example: ``VbaModule.parse(Path("macros/KpixlRibbon.bas").read_text(), "KpixlRibbon.bas")``
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if filename.lower().endswith(".cls"):
            # drop the VERSION/BEGIN..END block the editor writes on export; it is not stored
            if lines and lines[0].startswith("VERSION "):
                end = lines.index("END")
                lines = lines[end + 1 :]
            header, code = _split_header(lines)
            base = header.get("VB_Base", f'"{CLASS_BASE}"').strip('"')
            kind: Kind = "document" if base in DOCUMENT_BASES else "class"
            header.setdefault("VB_Base", f'"{base}"')
            if kind == "document":
                header.setdefault("VB_PredeclaredId", "True")
                header.setdefault("VB_Exposed", "True")
                header.setdefault("VB_Customizable", "True")
            name = _name_of(header, filename)
            ordered = [(key, header.pop(key, default)) for key, default in _CLASS_HEADER]
            attributes = [*ordered, *header.items()]
        elif filename.lower().endswith(".bas"):
            header, code = _split_header(lines)
            kind = "standard"
            name = _name_of(header, filename)
            attributes = [("VB_Name", header.pop("VB_Name")), *header.items()]
        else:
            raise ValueError(f"{filename}: expected a .bas or .cls file")
        head = [f"Attribute {key} = {value}" for key, value in attributes]
        return cls(name, kind, "\r\n".join([*head, *code]) + "\r\n")

    @classmethod
    def document(cls, name: str, base: str, code: str = "") -> VbaModule:
        """A document module (ThisWorkbook: WORKBOOK_BASE, a sheet: WORKSHEET_BASE)."""
        text = f'Attribute VB_Name = "{name}"\nAttribute VB_Base = "{base}"\n' + code
        return cls.parse(text, name + ".cls")

    @property
    def code(self) -> str:
        """The source without its leading Attribute lines, as the VBA editor shows it."""
        lines = self.source.split("\r\n")
        while lines and _ATTRIBUTE.match(lines[0]):
            lines.pop(0)
        return "\r\n".join(lines)


def _split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _ATTRIBUTE.match(line)
        if not match:
            return header, lines[index:]
        header[match.group(1)] = match.group(2)
    return header, []


def _name_of(header: dict[str, str], filename: str) -> str:
    if "VB_Name" not in header:
        raise ValueError(f'{filename}: first line must be Attribute VB_Name = "..."')
    name = header["VB_Name"].strip('"')
    if not re.fullmatch(r"[A-Za-z]\w{0,30}", name):
        raise ValueError(f"{filename}: {name!r} is not a valid VBA module name")
    return name


def _record(record_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(data)) + data


def _text(record_id: int, text: str, unicode_id: int | None = None) -> bytes:
    """A record with MBCS text, followed by its UTF-16 twin where the spec has one."""
    out = _record(record_id, text.encode(ENCODING))
    if unicode_id is not None:
        out += _record(unicode_id, text.encode("utf-16-le"))
    return out


def dir_stream(project_name: str, modules: Sequence[VbaModule]) -> bytes:
    """The uncompressed dir stream (2.3.4.2): project information, references, modules."""
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: 32-bit Windows
    out += _record(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID
    out += _record(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE
    out += _record(0x0003, struct.pack("<H", CODEPAGE))  # PROJECTCODEPAGE
    out += _text(0x0004, project_name)  # PROJECTNAME
    out += _text(0x0005, "", 0x0040)  # PROJECTDOCSTRING + unicode
    out += _text(0x0006, "", 0x003D)  # PROJECTHELPFILEPATH, twice
    out += _record(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _record(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    # PROJECTVERSION: its "size" field is Reserved = 4 although 6 bytes follow
    out += struct.pack("<HIIH", 0x0009, 4, 0x61EEF783, 3)
    out += _text(0x000C, "", 0x003C)  # PROJECTCONSTANTS + unicode
    for name, libid in REFERENCES:
        out += _text(0x0016, name, 0x003E)  # REFERENCENAME + unicode
        raw = libid.encode(ENCODING)
        # REFERENCEREGISTERED: SizeOfLibid, Libid, Reserved1 (4 bytes), Reserved2 (2 bytes)
        out += _record(0x000D, struct.pack("<I", len(raw)) + raw + struct.pack("<IH", 0, 0))
    out += _record(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES count
    out += _record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for module in modules:
        out += _text(0x0019, module.name, 0x0047)  # MODULENAME + MODULENAMEUNICODE
        out += _text(0x001A, module.name, 0x0032)  # MODULESTREAMNAME + unicode
        out += _text(0x001C, "", 0x0048)  # MODULEDOCSTRING + unicode
        out += _record(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: source starts at once
        out += _record(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _record(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _record(0x0021 if module.kind == "standard" else 0x0022, b"")  # MODULETYPE
        out += _record(0x002B, b"")  # module terminator
    out += _record(0x0010, b"")  # dir terminator
    return bytes(out)


def encrypt(data: bytes, project_id: str, seed: int, ignored: bytes = b"\x00\x00\x00") -> bytes:
    """Data Encryption (2.4.3.2), the obfuscation of the PROJECT stream's CMG, DPB and GC.

    ``seed`` is normally random; kpixl derives it from the data so builds are reproducible.
    """
    version = 2
    proj_key = sum(project_id.encode(ENCODING)) & 0xFF
    version_enc, proj_key_enc = seed ^ version, seed ^ proj_key
    out = bytearray([seed, version_enc, proj_key_enc])
    unencrypted1, encrypted1, encrypted2 = proj_key, proj_key_enc, version_enc
    ignored_length = (seed & 6) // 2
    plain = ignored[:ignored_length].ljust(ignored_length, b"\x00")
    plain += struct.pack("<I", len(data)) + data
    for byte in plain:
        encrypted = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(encrypted)
        encrypted2, encrypted1, unencrypted1 = encrypted1, encrypted, byte
    return bytes(out)


def decrypt(encrypted: bytes) -> bytes:
    """Data Decryption (2.4.3.3): the inverse of :func:`encrypt`, used to check it."""
    seed, version_enc, proj_key_enc = encrypted[:3]
    if seed ^ version_enc != 2:
        raise ValueError("unknown encryption version")
    unencrypted1, encrypted1, encrypted2 = seed ^ proj_key_enc, proj_key_enc, version_enc
    plain = bytearray()
    for byte in encrypted[3:]:
        decrypted = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(decrypted)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte, decrypted
    body = plain[(seed & 6) // 2 :]
    (length,) = struct.unpack_from("<I", body)
    if length != len(body) - 4:
        raise ValueError("encrypted data length does not match")
    return bytes(body[4:])


def _seed(label: str, project_id: str) -> int:
    return hashlib.sha256((label + project_id).encode()).digest()[0]


def project_stream(project_name: str, project_id: str, modules: Sequence[VbaModule]) -> bytes:
    """The PROJECT stream (2.3.1): module list, name, protection state and workspace."""
    lines = [f'ID="{project_id}"']
    for module in modules:
        if module.kind == "document":
            lines.append(f"Document={module.name}/&H00000000")
        elif module.kind == "class":
            lines.append(f"Class={module.name}")
        else:
            lines.append(f"Module={module.name}")
    lines += [f'Name="{project_name}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"']
    # unprotected (4 zero bytes), no password (one zero byte), visible (0xFF)
    for key, data in (("CMG", b"\x00" * 4), ("DPB", b"\x00"), ("GC", b"\xff")):
        lines.append(f'{key}="{encrypt(data, project_id, _seed(key, project_id)).hex().upper()}"')
    lines += [
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    lines += [f"{module.name}=0, 0, 0, 0, C" for module in modules]
    return ("\r\n".join(lines) + "\r\n").encode(ENCODING)


def project_wm_stream(modules: Sequence[VbaModule]) -> bytes:
    """PROJECTwm (2.3.3): each module name in MBCS then UTF-16, NUL-terminated."""
    out = bytearray()
    for module in modules:
        out += module.name.encode(ENCODING) + b"\x00"
        out += module.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def project_id_for(project_name: str) -> str:
    """A stable project GUID, so the same sources always give the same file."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "kpixl:" + project_name)).upper() + "}"


def build_vba_project(
    project_name: str, modules: Sequence[VbaModule], project_id: str | None = None
) -> bytes:
    """Return vbaProject.bin bytes holding `modules` as a source-only project.

    Example: ``build_vba_project("kpixl", [VbaModule.parse(text, "KpixlRibbon.bas")])``
    """
    names = [m.name.lower() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError("module names must be unique (VBA ignores case)")
    project_id = project_id or project_id_for(project_name)
    streams = {
        "PROJECT": project_stream(project_name, project_id, modules),
        "PROJECTwm": project_wm_stream(modules),
        # 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (no compiled cache), Reserved2 0x00, and
        # Reserved3, which is undefined and ignored on read: 0x0000, as EPPlus and LibreOffice
        # write it for a source-only project
        "VBA/_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000),
        "VBA/dir": compress(dir_stream(project_name, modules)),
    }
    for module in modules:
        source = module.source.encode(ENCODING)
        compressed = compress(source)
        # a raw last chunk is zero-padded by the spec; refuse rather than store extra bytes
        if decompress(compressed) != source:
            raise ValueError(f"module {module.name} does not survive compression")
        streams[f"VBA/{module.name}"] = compressed
    return write_compound_file(streams)
