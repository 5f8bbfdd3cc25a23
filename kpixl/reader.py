"""Read a council's own tracker workbook (.xlsx), or a CSV export, into a
:class:`~kpixl.core.model.Tracker`.

The adapter around :func:`kpixl.core.layout.tracker_from_sheets`: it checks the file BEFORE
loading it (missing, not a workbook, encrypted, corrupt, too large), reads the values Excel
last calculated with their number formats and merged cells (:mod:`kpixl.xlsx`), or a CSV
file's text (UTF-8 with or without BOM, or Windows-1252), and never writes to the tracker
or its folder. The side files kpixl.toml names (``[info] file``, ``[benchmark] file``) are
read the same way and joined by :mod:`kpixl.core.info` and :mod:`kpixl.core.long`.

>>> from kpixl.reader import read_tracker
>>> tracker = read_tracker("tracker.xlsx")  # doctest: +SKIP
>>> [i.ref for i in tracker.indicators][:3]  # doctest: +SKIP
['AFL12', 'AFL13', 'AFL14']

Exit codes of the problems (``FileProblem.exit_code``, from :mod:`kpixl.core.errors`):
2 missing file, 3 not a workbook, 4 encrypted, 5 corrupt, 6 too large, 7 no KPI table,
8 bad kpixl.toml or kpixl.conf sheet.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import struct
import tomllib
import zipfile
from dataclasses import replace
from pathlib import Path

from .core.config import CONF_SHEETS, Conf, conf_from_toml
from .core.errors import (
    BadConfig,
    CorruptWorkbook,
    EncryptedWorkbook,
    FileProblem,
    KpixlError,
    NoTableFound,
    NotAWorkbook,
    TrackerNotFound,
    WorkbookTooLarge,
)
from .core.gc_pause import paused
from .core.info import information, with_info
from .core.layout import tracker_from_sheets
from .core.long import comparisons, table_spec, with_comparisons
from .core.model import Tracker
from .core.scan import SheetData
from .core.scheme import Settings, get_settings

# Limits checked before loading. A generated 5,050-indicator tracker (30 columns, commentary
# in every row) is 1.4 MB on disk and 8.6 MB unpacked, its sheet XML compressed 6 to 1: these
# limits leave such a file a margin of 30 times or more, yet refuse a zip bomb (deflate reaches
# about 1,000 to 1) before anything is inflated, and keep the rows read within memory.
MAX_FILE_BYTES = 100 * 1024 * 1024  # on disk (pictures count)
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024  # all members together, as the zip declares them
MAX_MEMBERS = 10_000  # files inside the zip; real workbooks hold tens to a few hundred
MAX_RATIO = 200  # uncompressed / compressed, for any member larger than RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1024 * 1024  # small members may compress far better harmlessly

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_PARTS = ("xl/workbook.xml",)
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".tsv")


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "BadConfig",
    "CorruptWorkbook",
    "EncryptedWorkbook",
    "NoTableFound",
    "NotAWorkbook",
    "TrackerNotFound",
    "WorkbookTooLarge",
    "check_workbook",
    "load_config",
    "read_csv",
    "read_sheets",
    "read_tracker",
    "xml_is_defused",
]

_SAVE_AS = "Open it in Excel and save as .xlsx (File > Save As > Excel Workbook), then try again."
_FORMATS = {
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".csv": "a CSV text file (.csv)",
    ".txt": "a text file (.txt)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".numbers": "a Numbers spreadsheet (.numbers)",
    ".xml": "an XML file (.xml)",
    ".docx": "a Word document (.docx)",
    ".pdf": "a PDF file (.pdf)",
}


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


# --- OLE compound files: is it an .xls or an encrypted .xlsx? -----------------------------


class _NoHeader(ValueError):
    """The magic bytes, but no compound-file header after them: nothing to go on."""


def _ole_stream_names(data: bytes) -> list[str]:
    """The names in an OLE compound file's directory (MS-CFB), read without any library.

    Follows the header's DIFAT (and DIFAT sectors) to the FAT, then the directory's chain.
    Raises ValueError on a malformed file.
    """
    if len(data) < 512 or data[:8] != OLE_MAGIC:
        raise _NoHeader("not a compound file")
    sector_shift = struct.unpack_from("<H", data, 30)[0]
    if sector_shift not in (9, 12):
        raise _NoHeader("bad sector size")
    size = 1 << sector_shift
    n_fat, first_dir = struct.unpack_from("<II", data, 44)
    first_difat, n_difat = struct.unpack_from("<II", data, 68)
    n_sectors = (len(data) - size) // size + 1

    def sector(i: int) -> bytes:
        if i >= n_sectors:
            raise ValueError("sector out of range")
        start = size + i * size
        return data[start : start + size]

    # Every chain is bounded by the file's sector count and may not visit a sector twice:
    # a DIFAT or directory chain that points at itself must not hang or grow memory.
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s < 0xFFFFFFFA]
    nxt, seen = first_difat, set()
    while nxt < 0xFFFFFFFA and len(seen) < min(n_difat, n_sectors):
        if nxt in seen:
            raise ValueError("a DIFAT chain that loops")
        seen.add(nxt)
        entries = struct.unpack(f"<{size // 4}I", sector(nxt))
        fat_sectors.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
        nxt = entries[-1]
    if len(fat_sectors) > n_sectors:
        raise ValueError("more FAT sectors than the file holds")
    fat: list[int] = []
    for s in fat_sectors[: max(n_fat, len(fat_sectors))]:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))
    names: list[str] = []
    s, visited = first_dir, set()
    while s < 0xFFFFFFFA:
        if s in visited or len(visited) > n_sectors:
            raise ValueError("a directory chain that loops")
        visited.add(s)
        block = sector(s)
        for off in range(0, size, 128):
            length = struct.unpack_from("<H", block, off + 64)[0]
            if 2 <= length <= 64:
                names.append(block[off : off + length - 2].decode("utf-16-le", "replace"))
        if s >= len(fat):
            raise ValueError("broken directory chain")
        s = fat[s]
    return names


def _check_ole(p: Path, size: int) -> None:
    """Say what an OLE compound file is: encrypted (4), damaged (5) or another Office file
    (3). Its chains are bounded before anything follows them (:func:`_ole_stream_names`)."""
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLarge(
            f'"{p.name}" is {_size(size)}, over kpixl\'s limit of {_size(MAX_FILE_BYTES)}.'
        )
    data = p.read_bytes()
    marker = "EncryptedPackage".encode("utf-16-le")
    try:
        names = _ole_stream_names(data)
    except (ValueError, struct.error) as e:
        if marker in data:  # a damaged directory, but the encrypted stream's name is there
            names = ["EncryptedPackage"]
        elif isinstance(e, _NoHeader):
            names = []  # not even a header: what it claims to be, by its name, below
        else:  # a header whose chains loop or run off the end: damaged
            why = str(e) if isinstance(e, ValueError) else "a sector beyond its end"
            raise CorruptWorkbook(
                f'"{p.name}" is a damaged Office file ({why}). Open it in Excel (which may '
                "offer to repair it) and save it as .xlsx."
            ) from None
    if "EncryptedPackage" in names:
        raise EncryptedWorkbook(
            f'"{p.name}" is protected with a password (an encrypted workbook), so kpixl '
            "cannot read it. Open it in Excel, remove the password (File > Info > Protect "
            "Workbook > Encrypt with Password, clear it), save, and try again."
        )
    suffix = p.suffix.lower()
    what = _FORMATS.get(suffix, "an Excel 97-2003 workbook (.xls) or another Office file")
    if suffix in XLSX_SUFFIXES:
        what = "an Excel 97-2003 workbook (.xls) renamed to " + suffix
    raise NotAWorkbook(f'"{p.name}" is {what}, not an .xlsx workbook. {_SAVE_AS}')


def _special(mode: int) -> str:
    """Words for a path that is neither a file nor a folder."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# --- the checks ---------------------------------------------------------------------------


def check_workbook(path: str | Path) -> Path:
    """Check a tracker file before loading it; return its path or raise a FileProblem.

    >>> try:
    ...     check_workbook("no-such-tracker.xlsx")
    ... except TrackerNotFound as e:
    ...     print(e.exit_code, e)
    2 Cannot find the tracker "no-such-tracker.xlsx": check the name and the folder.
    """
    p = Path(path)
    try:
        mode = p.stat().st_mode  # stat, never open: opening a named pipe waits for a writer
    except PermissionError:
        raise TrackerNotFound(
            f'Cannot open the tracker "{path}": permission denied on its folder.'
        ) from None
    except (OSError, ValueError):  # missing, under a file, a link loop, a name too long
        raise TrackerNotFound(
            f'Cannot find the tracker "{path}": check the name and the folder.'
        ) from None
    if stat.S_ISDIR(mode):
        raise TrackerNotFound(f'"{path}" is a folder, not a tracker file: give the .xlsx file.')
    if not stat.S_ISREG(mode):
        raise NotAWorkbook(
            f'"{p.name}" is {_special(mode)}, not a workbook file: give the .xlsx file itself.'
        )
    try:
        with p.open("rb") as f:
            head = f.read(8)
            size = os.fstat(f.fileno()).st_size
    except PermissionError:
        raise TrackerNotFound(
            f'Cannot open the tracker "{p.name}": permission denied. Check that you may read '
            "it, or copy it to a folder of your own."
        ) from None
    except OSError as e:
        raise CorruptWorkbook(f'"{p.name}" could not be read ({e.strerror or e}).') from None
    if size == 0:
        raise NotAWorkbook(f'"{p.name}" is empty (0 bytes), not a workbook. {_SAVE_AS}')
    suffix = p.suffix.lower()
    if head == OLE_MAGIC:
        _check_ole(p, size)
    if head[:4] != ZIP_MAGIC:
        what = _FORMATS.get(suffix)
        if what is None:
            what = "not an Excel workbook" if suffix in XLSX_SUFFIXES else "not a workbook"
            what = f"{what} (its contents are not an .xlsx file)"
        raise NotAWorkbook(f'"{p.name}" is {what}. {_SAVE_AS}')
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLarge(
            f'"{p.name}" is {_size(size)}, over kpixl\'s limit of {_size(MAX_FILE_BYTES)}. '
            "Remove pictures or unused sheets, or split the tracker."
        )
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise CorruptWorkbook(
            f'"{p.name}" is damaged: it cannot be opened as a zip ({e}). Open it in Excel '
            "(which may offer to repair it) and save a fresh copy."
        ) from None
    _check_members(p, infos)
    names = {i.filename for i in infos}
    if not any(part in names for part in WORKBOOK_PARTS):
        if "xl/workbook.bin" in names:
            raise NotAWorkbook(f'"{p.name}" is {_FORMATS[".xlsb"]}, not an .xlsx. {_SAVE_AS}')
        if "content.xml" in names or "mimetype" in names:
            raise NotAWorkbook(f'"{p.name}" is {_FORMATS[".ods"]}, not an .xlsx. {_SAVE_AS}')
        if "word/document.xml" in names:
            raise NotAWorkbook(f'"{p.name}" is {_FORMATS[".docx"]}, not a workbook.')
        raise CorruptWorkbook(
            f'"{p.name}" is a zip without a workbook part (xl/workbook.xml): it is damaged '
            "or not an Excel file. Open it in Excel and save a fresh copy as .xlsx."
        )
    return p


def _check_members(p: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise WorkbookTooLarge(
            f'"{p.name}" holds {len(infos):,} files inside, over kpixl\'s limit of '
            f"{MAX_MEMBERS:,}: it is not a normal workbook (or is a zip bomb)."
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise WorkbookTooLarge(
                    f'"{p.name}" looks like a zip bomb: its part {info.filename} would unpack '
                    f"from {_size(info.compress_size)} to {_size(info.file_size)} "
                    f"({ratio:,.0f} to 1; the limit is {MAX_RATIO} to 1). kpixl will not open it."
                )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise WorkbookTooLarge(
            f'"{p.name}" would unpack to {_size(total)}, over kpixl\'s limit of '
            f"{_size(MAX_UNCOMPRESSED_BYTES)}. Remove unused sheets or ranges, or split it."
        )


def xml_is_defused() -> bool:
    """True when openpyxl parses with defusedxml (it does whenever defusedxml is installed;
    kpixl reads packs back with openpyxl in its tests).

    >>> xml_is_defused()
    True
    """
    from openpyxl.xml import DEFUSEDXML

    return bool(DEFUSEDXML)


# --- loading ------------------------------------------------------------------------------


# --- CSV -----------------------------------------------------------------------------------

CSV_ROWS_PER_ROW = 10

# A plain number as exports write it; a code with a leading zero ("0123") stays text.
_NUMBER_RE = re.compile(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+")
_DELIMITERS = (",", ";", "\t", "|")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in: a BOM says UTF-8 or UTF-16; else
    UTF-8 if it decodes, else Windows-1252 (Excel's "CSV" on a UK machine)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    if b"\x00" in data[:65536]:
        raise NotAWorkbook(f'"{name}" is not a text CSV file (it holds binary data). {_SAVE_AS}')
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _delimiter(text: str) -> str:
    """The delimiter of the first line (outside quotes): comma, semicolon, tab or bar."""
    line = next((x for x in text.splitlines() if x.strip()), "")
    line = re.sub(r'"[^"]*"', "", line)
    counts = {d: line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


_NUMBER_START = frozenset("0123456789+-.")


def _csv_cell(v: str) -> object:
    s = v.strip()
    if not s:
        return None
    if s[0] in _NUMBER_START and _NUMBER_RE.fullmatch(s):
        f = float(s)
        return (
            int(f)
            if f.is_integer() and abs(f) < 1e15 and "." not in s and "e" not in s.lower()
            else f
        )
    return s


def read_csv(path: str | Path, max_rows: int | None = None) -> SheetData:
    """A CSV file as one sheet named after the file: blanks as None, plain numbers as
    numbers, everything else as text.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "kpis.csv"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfCode;Year;Value\\nC1;2023/24;12,5\\n")
    >>> read_csv(p).rows
    [['Code', 'Year', 'Value'], ['C1', '2023/24', '12,5']]
    """
    if max_rows is None:
        max_rows = get_settings().max_rows * CSV_ROWS_PER_ROW
    p = Path(path)
    if not p.exists():
        raise TrackerNotFound(f'Cannot find the file "{path}": check the name and the folder.')
    if not p.is_file():
        raise TrackerNotFound(f'"{path}" is a folder, not a file.')
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookTooLarge(
            f'"{p.name}" is {_size(size)}, over kpixl\'s limit of {_size(MAX_FILE_BYTES)}.'
        )
    if size == 0:
        raise NotAWorkbook(f'"{p.name}" is empty (0 bytes).')
    text, _encoding = _decode(p.read_bytes(), p.name)
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            if len(rows) >= max_rows:
                raise WorkbookTooLarge(
                    f'"{p.name}" has more than {max_rows:,} rows, beyond kpixl\'s limit; raise '
                    "the limit with max_rows in kpixl.toml"
                )
            rows.append([_csv_cell(v) for v in row])
    except csv.Error as e:
        raise CorruptWorkbook(f'"{p.name}" is not a CSV kpixl can read ({e}).') from None
    return SheetData(p.stem, rows)


def _is_csv(p: Path) -> bool:
    if p.suffix.lower() not in CSV_SUFFIXES or not p.is_file():
        return False
    with p.open("rb") as f:
        head = f.read(8)
    return head != OLE_MAGIC and head[:4] != ZIP_MAGIC  # a workbook misnamed .csv is checked


def read_sheets(path: str | Path, max_rows: int | None = None) -> dict[str, SheetData]:
    """Every sheet's cells (values, number-format units, merges), hidden ones marked; a CSV
    file is one sheet. Checks the file first (:func:`check_workbook`); ``max_rows``
    defaults to the setting."""
    if max_rows is None:
        max_rows = get_settings().max_rows
    from .xlsx import read_book

    if _is_csv(Path(path)):
        # an export holds a row per figure, not per indicator (the LGBF's 35,466 rows are 102
        # indicators of one council), and reads fast: ten times the tracker's row limit
        sheet = read_csv(path, max_rows * CSV_ROWS_PER_ROW)
        return {sheet.name: sheet}
    p = check_workbook(path)
    try:
        book = read_book(p, max_rows=max_rows)
    except (KpixlError, OSError) as e:
        if isinstance(e, FileProblem) and not isinstance(e, CorruptWorkbook):
            raise type(e)(f'"{p.name}": {e}') from None
        if isinstance(e, OSError):
            raise CorruptWorkbook(
                f'"{p.name}" could not be read ({e.strerror or e}). Open it in Excel and save '
                "a fresh copy as .xlsx."
            ) from None
        raise CorruptWorkbook(
            f'"{p.name}" is damaged or unsafe and could not be read: {e}. Open it in Excel '
            "and save a fresh copy as .xlsx."
        ) from None
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError) as e:
        raise CorruptWorkbook(
            f'"{p.name}" is damaged and could not be read ({type(e).__name__}: '
            f"{' '.join(str(e).split())[:200]}). Open it in Excel and save a fresh copy."
        ) from None
    return {sheet.name: sheet for sheet in book.sheets}


def visible(sheets: dict[str, SheetData]) -> tuple[dict[str, SheetData], list[str]]:
    """The sheets kpixl reads (visible ones, and a kpixl.conf sheet even when hidden), and a
    notice for each hidden sheet it leaves out."""
    out: dict[str, SheetData] = {}
    notices: list[str] = []
    for name, sheet in sheets.items():
        if sheet.hidden and name.strip().lower() not in CONF_SHEETS:
            notices.append(f'Sheet "{name}" is hidden and was not read; unhide it to include it.')
            continue
        out[name] = sheet
    return out, notices


# --- kpixl.toml ---------------------------------------------------------------------------


def load_config(path: str | Path) -> Conf:
    """Read a kpixl.toml (see :mod:`kpixl.core.config` for what it may say).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "kpixl.toml").write_text('[settings]\\ndefault_tolerance = "10%"\\n')
    >>> load_config(d / "kpixl.toml").settings
    {'default_tolerance': '10%'}
    """
    p = Path(path)
    try:
        st = p.stat()  # stat, never open: opening a named pipe waits for a writer
        if stat.S_ISDIR(st.st_mode):
            raise BadConfig(f'"{path}" is a folder; give the kpixl.toml file itself.')
        if not stat.S_ISREG(st.st_mode):
            raise BadConfig(
                f'"{path}" is {_special(st.st_mode)}, not a settings file; give the kpixl.toml '
                "file itself."
            )
        if st.st_size > MAX_CONFIG_BYTES:
            raise BadConfig(
                f'"{path}" is {_size(st.st_size)}, too large for a kpixl.toml (a few lines of '
                'key = "value").'
            )
        with p.open("rb") as f:
            data = tomllib.load(f)
        return conf_from_toml(_plain(data), p.name)  # type: ignore[arg-type]
    except (FileNotFoundError, NotADirectoryError):
        raise BadConfig(f'Cannot find the settings file "{path}".') from None
    except PermissionError:
        raise BadConfig(f'Cannot open "{path}": permission denied.') from None
    except OSError as e:
        raise BadConfig(f'Cannot read "{path}": {e.strerror or e}.') from None
    except UnicodeDecodeError as e:
        raise BadConfig(
            f"{p.name} is not UTF-8 text (byte {e.start + 1:,} is not); save it as UTF-8."
        ) from None
    except tomllib.TOMLDecodeError as e:
        raise BadConfig(f'{p.name} is not valid TOML: {e}. Write key = "value" lines.') from None
    except RecursionError:
        raise BadConfig(f"{p.name} nests tables or lists too deeply to be a kpixl.toml.") from None


MAX_CONFIG_BYTES = 1024 * 1024  # a kpixl.toml is a few hundred bytes
MAX_CONFIG_DEPTH = 32  # [indicators."A1"] is three tables deep


def _plain(data: object, depth: int = 0) -> object:
    """TOML dates as ISO text; tables and lists as they are, no deeper than a kpixl.toml goes
    (tomllib reads dotted table names 50,000 deep without recursing; this would)."""
    if depth > MAX_CONFIG_DEPTH:
        raise RecursionError("kpixl.toml nested too deeply")
    if isinstance(data, dict):
        return {k: _plain(v, depth + 1) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v, depth + 1) for v in data]
    return data.isoformat() if hasattr(data, "isoformat") else data


def read_tracker(
    path: str | Path, config: str | Path | None = None, settings: Settings | None = None
) -> Tracker:
    """Read a council's tracker workbook into a Tracker, after checking the file.

    Settings, lowest first: ``settings`` (default: those in force), a ``kpixl.conf`` sheet in
    the workbook, then ``config`` or else a ``kpixl.toml`` beside the tracker.
    Raises a :class:`~kpixl.core.errors.FileProblem` subclass whose ``exit_code`` says which
    problem it is (see the module's docstring).
    """
    p = Path(path)
    conf: Conf | None = None
    toml = Path(config) if config is not None else p.parent / "kpixl.toml"
    if config is not None or toml.exists() or toml.is_symlink():  # a folder there is refused
        conf = load_config(toml)
    base = settings if settings is not None else get_settings()
    max_rows = base.max_rows
    if conf is not None and "max_rows" in conf.settings:
        try:
            max_rows = base.updated(max_rows=conf.settings["max_rows"]).max_rows
        except KpixlError as e:
            raise BadConfig(f"{conf.where}, max_rows: {e}") from None
    with paused():  # many objects, no cycles: the collector would only rescan them
        sheets, notices = visible(read_sheets(p, max_rows))
        tracker = tracker_from_sheets(sheets, base, source=p.name, overrides=conf, notices=notices)
        if conf is not None:
            tracker = _side_files(tracker, conf, toml.parent, max_rows)
        return tracker


def _side_file(
    conf: Conf, section: str, folder: Path, max_rows: int
) -> tuple[dict[str, SheetData], str] | None:
    """The file a kpixl.toml section names (relative to the kpixl.toml), read: its sheets
    (only the one the section names, if it names one) and the file's name."""
    given = getattr(conf, section)
    name = given.get("file")
    if name in (None, ""):
        return None
    path = Path(str(name)).expanduser()
    if not path.is_absolute():
        path = folder / path
    if not path.is_file():
        raise BadConfig(
            f'{conf.where}, [{section}] file = "{name}": no such file; write its name '
            "relative to the kpixl.toml, or a full path"
        )
    try:
        sheets, _ = visible(read_sheets(path, max_rows))
    except FileProblem as e:
        raise BadConfig(f"{conf.where}, [{section}] file: {e}") from None
    wanted = str(given.get("sheet") or "").strip().lower()
    if wanted:
        chosen = {n: s for n, s in sheets.items() if n.strip().lower() == wanted}
        if not chosen:
            raise BadConfig(
                f'{conf.where}, [{section}] sheet = "{given["sheet"]}": {path.name} has no '
                "such sheet; its sheets: " + ", ".join(f'"{n}"' for n in sheets)
            )
        sheets = chosen
    return sheets, path.name


def _side_files(tracker: Tracker, conf: Conf, folder: Path, max_rows: int) -> Tracker:
    """Join the side file of indicator information and the benchmark file kpixl.toml names."""
    found = _side_file(conf, "info", folder, max_rows)
    if found is not None:
        sheets, name = found
        key = str(conf.info.get("key") or "")
        tracker = with_info(
            tracker, information(next(iter(sheets.values())), tracker.indicators, key, name)
        )
    found = _side_file(conf, "benchmark", folder, max_rows)
    if found is not None:
        sheets, name = found
        organisation = str(conf.benchmark.get("organisation") or "").strip()
        if not organisation:
            raise BadConfig(
                f'{conf.where}, [benchmark] file: say whose position to show: organisation = "…"'
            )
        spec = replace(
            table_spec({"period": conf.benchmark.get("period")}, conf.benchmark, conf.where),
            organisation=organisation,
            benchmark=True,
        )
        tracker = with_comparisons(
            tracker, comparisons(sheets, spec, tracker.settings), f"{name} ({organisation})"
        )
    return tracker
