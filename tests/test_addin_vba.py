"""vbaProject.bin from module text: MS-OVBA streams read back by olevba in strict mode."""

from __future__ import annotations

import importlib.util
import io
import re
import struct
import zipfile
from pathlib import Path

import olefile
import pytest
from oletools.olevba import VBA_Project

from kpixl.addin.ovba import decompress
from kpixl.addin.vbaproject import (
    CLASS_BASE,
    WORKBOOK_BASE,
    VbaModule,
    build_vba_project,
    decrypt,
    encrypt,
    project_id_for,
)

STANDARD = 'Attribute VB_Name = "Tools"\nOption Explicit\n\nSub Hello()\n    MsgBox "£5"\nEnd Sub\n'
CLASS = (
    "VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  'True\r\nEND\r\n"
    'Attribute VB_Name = "Counter"\r\nAttribute VB_GlobalNameSpace = False\r\n'
    "Attribute VB_Creatable = False\r\nAttribute VB_PredeclaredId = False\r\n"
    'Attribute VB_Exposed = True\r\nAttribute VB_Description = "Counts"\r\n'
    "Private n As Long\r\nPublic Sub Add()\r\n    n = n + 1\r\nEnd Sub\r\n"
)


def xlwings_dir() -> Path:
    spec = importlib.util.find_spec("xlwings")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def modules() -> list[VbaModule]:
    return [
        VbaModule.document("ThisWorkbook", WORKBOOK_BASE, "Private Sub Workbook_Open()\nEnd Sub\n"),
        VbaModule.parse(STANDARD, "Tools.bas"),
        VbaModule.parse(CLASS, "Counter.cls"),
        # a module far over the ~600 bytes that break the PyPI compressor, over 4096 too
        VbaModule.parse((xlwings_dir() / "xlwings_custom_addin.bas").read_text("cp1252"), "x.bas"),
    ]


def open_project(data: bytes) -> tuple[olefile.OleFileIO, VBA_Project]:
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    # relaxed=False: olevba raises on any value the spec does not allow
    project = VBA_Project(ole, "", "PROJECT", "VBA/dir", relaxed=False)
    project.parse_project_stream()
    return ole, project


def test_standard_module_source_is_stored_with_crlf() -> None:
    module = VbaModule.parse(STANDARD, "Tools.bas")
    assert module.kind == "standard"
    assert module.name == "Tools"
    assert module.source == STANDARD.replace("\n", "\r\n")
    assert module.code.startswith("Option Explicit\r\n")


def test_exported_class_gets_the_header_excel_stores() -> None:
    module = VbaModule.parse(CLASS, "Counter.cls")
    assert module.kind == "class"
    head = module.source.split("\r\n")[:9]
    assert head == [
        'Attribute VB_Name = "Counter"',
        f'Attribute VB_Base = "{CLASS_BASE}"',
        "Attribute VB_GlobalNameSpace = False",
        "Attribute VB_Creatable = False",
        "Attribute VB_PredeclaredId = False",
        "Attribute VB_Exposed = True",
        "Attribute VB_TemplateDerived = False",
        "Attribute VB_Customizable = False",
        'Attribute VB_Description = "Counts"',
    ]
    assert "VERSION" not in module.source and "MultiUse" not in module.source


def test_xlwings_dictionary_class_matches_what_excel_stored_in_the_quickstart() -> None:
    # xlwings' quickstart add-in holds Dictionary as Excel saved it: same header and code
    ours = VbaModule.parse((xlwings_dir() / "addin" / "Dictionary.cls").read_text(), "D.cls")
    with zipfile.ZipFile(xlwings_dir() / "quickstart_addin_ribbon.xlam") as archive:
        ole = olefile.OleFileIO(io.BytesIO(archive.read("xl/vbaProject.bin")))
    project = VBA_Project(ole, "", "PROJECT", "VBA/dir")
    project.parse_project_stream()
    stored = {name: code for _, name, code in project.parse_modules()}["Dictionary.cls"]
    assert ours.source.split("\r\n")[:9] == stored.split("\r\n")[:9]
    # the same code; the VBA editor re-cases identifiers as it saves (err.Raise -> Err.Raise)
    theirs = VbaModule("Dictionary", "class", stored).code
    assert ours.code.rstrip("\r\n").lower() == theirs.rstrip("\r\n").lower()


def test_document_modules_are_recognised_by_their_base() -> None:
    module = VbaModule.document("ThisWorkbook", WORKBOOK_BASE)
    assert module.kind == "document"
    assert 'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in module.source
    assert "Attribute VB_PredeclaredId = True" in module.source


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("Sub X()\nEnd Sub\n", "X.bas", "VB_Name"),
        ('Attribute VB_Name = "1bad"\n', "X.bas", "not a valid VBA module name"),
        ('Attribute VB_Name = "X"\n', "X.frm", "expected a .bas or .cls"),
    ],
)
def test_bad_module_files_are_refused(text: str, name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        VbaModule.parse(text, name)


def test_every_module_reads_back_exactly_with_olevba() -> None:
    ours = modules()
    _, project = open_project(build_vba_project("kpixl", ours))
    read = {name.rsplit(".", 1)[0]: code for _, name, code in project.parse_modules()}
    assert read == {m.name: m.source for m in ours}
    assert project.projectname == "kpixl"
    assert project.codepage == 1252
    kinds = {m.name: (m.type, m.textoffset) for m in project.modules}
    # 0x21 procedural, 0x22 class/document; offset 0: no compiled code before the source
    assert kinds == {
        "ThisWorkbook": (0x22, 0),
        "Tools": (0x21, 0),
        "Counter": (0x22, 0),
        "xlwings": (0x21, 0),
    }


def test_source_only_project_has_no_compiled_cache() -> None:
    ole, _ = open_project(build_vba_project("kpixl", modules()))
    vba_project = ole.openstream("VBA/_VBA_PROJECT").read()
    assert len(vba_project) == 7
    assert struct.unpack_from("<HH", vba_project) == (0x61CC, 0xFFFF)  # version: not compiled
    # each module stream is its compressed source and nothing else
    for module in modules():
        stream = ole.openstream(f"VBA/{module.name}").read()
        assert decompress(stream) == module.source.encode("cp1252")


def test_project_stream_lists_the_modules_and_an_unprotected_visible_project() -> None:
    ole, project = open_project(build_vba_project("kpixl", modules()))
    text = ole.openstream("PROJECT").read().decode("cp1252")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == f'ID="{project_id_for("kpixl")}"'
    assert lines[1:5] == [
        "Document=ThisWorkbook/&H00000000",
        "Module=Tools",
        "Class=Counter",
        "Module=xlwings",
    ]
    assert 'Name="kpixl"' in lines
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"\r$', text, re.M))
    assert decrypt(bytes.fromhex(values["CMG"])) == b"\x00\x00\x00\x00"  # not protected
    assert decrypt(bytes.fromhex(values["DPB"])) == b"\x00"  # no password
    assert decrypt(bytes.fromhex(values["GC"])) == b"\xff"  # visible
    assert project.module_ext == {
        "thisworkbook": "cls",
        "tools": "bas",
        "counter": "cls",
        "xlwings": "bas",
    }
    names = [m.name for m in modules()]
    # PROJECTwm: each name in MBCS and UTF-16, NUL-terminated, then a final 0x0000
    expected = b"".join(n.encode() + b"\x00" + n.encode("utf-16-le") + b"\x00\x00" for n in names)
    assert ole.openstream("PROJECTwm").read() == expected + b"\x00\x00"


def test_decrypt_reads_the_protection_fields_excel_wrote() -> None:
    # the quickstart add-in's PROJECT stream was written by Excel: our decryption, the
    # inverse of our encryption, must read its CMG, DPB and GC as unprotected and visible
    with zipfile.ZipFile(xlwings_dir() / "quickstart_addin_ribbon.xlam") as archive:
        ole = olefile.OleFileIO(io.BytesIO(archive.read("xl/vbaProject.bin")))
    text = ole.openstream("PROJECT").read().decode("cp1252")
    values = dict(re.findall(r'^(CMG|DPB|GC|ID)="([^"]+)"', text, re.M))
    assert decrypt(bytes.fromhex(values["CMG"])) == b"\x00\x00\x00\x00"
    assert decrypt(bytes.fromhex(values["DPB"])) == b"\x00"
    assert decrypt(bytes.fromhex(values["GC"])) == b"\xff"
    # ProjKey (2.4.3.2) is the byte sum of the project id with its braces
    proj_key = bytes.fromhex(values["CMG"])[0] ^ bytes.fromhex(values["CMG"])[2]
    assert proj_key == sum(values["ID"].encode()) & 0xFF


@pytest.mark.parametrize("seed", [0x00, 0x02, 0x04, 0x06, 0x5D, 0xFF])
def test_encryption_round_trips(seed: int) -> None:
    data = b"\x00\x01\x02\xfe\xff"
    encrypted = encrypt(data, "{00000000-0000-0000-0000-000000000000}", seed, b"\x11\x22\x33")
    assert encrypted[0] == seed
    assert encrypted[1] == seed ^ 2  # version 2
    assert len(encrypted) == 3 + (seed & 6) // 2 + 4 + len(data)
    assert decrypt(encrypted) == data


def test_same_modules_give_the_same_bytes() -> None:
    assert build_vba_project("kpixl", modules()) == build_vba_project("kpixl", modules())


def test_duplicate_module_names_are_refused() -> None:
    one = VbaModule.parse(STANDARD, "Tools.bas")
    other = VbaModule.parse(STANDARD.replace('"Tools"', '"TOOLS"'), "TOOLS.bas")
    with pytest.raises(ValueError, match="unique"):
        build_vba_project("kpixl", [one, other])
