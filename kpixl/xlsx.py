"""A small, fast, read-only .xlsx reader: cell values as Excel last calculated them, the
unit each number's format gives (a % format, a currency, "Days"), merged ranges and which
sheets are hidden.

Written for kpixl's reading of trackers: one streaming pass over each sheet's XML, about
three times faster than a general library's read-only mode, and it reads what kpixl needs
that such modes leave out (formats, merges). Every part is refused if its prolog declares a
document type: without one there can be no entity declarations, so no entity expansion and
no external references (the guard defusedxml gives, kept on the C parser for speed). Files
are checked for size and zip bombs before this runs (:func:`kpixl.reader.check_workbook`).

>>> book = read_book("workbooks/sample_tracker.xlsx")  # doctest: +SKIP
>>> book.sheets[0].name  # doctest: +SKIP
'Tracker'
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import XMLPullParser

from .core.a1 import column_number
from .core.errors import CorruptWorkbook, WorkbookTooLarge, rows_beyond
from .core.scan import SheetData

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_COLUMNS = 2_000  # data beyond this column is refused (a setting raises it)

# Built-in number formats (ECMA-376 18.8.30) that carry a unit or a date.
_BUILTIN_PERCENT = {9, 10}
_BUILTIN_DATES = {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57}
_BUILTIN_CURRENCY = {5, 6, 7, 8, 37, 38, 39, 40, 41, 42, 43, 44}


@dataclass
class Book:
    sheets: list[SheetData] = field(default_factory=list)
    date1904: bool = False


def format_unit(code: str) -> str:
    """The unit a number format gives: "%", "£", "days", "kg", "date", or "".

    >>> format_unit("0.0%"), format_unit('£#,##0.00'), format_unit('0 "Days"')
    ('%', '£', 'days')
    >>> format_unit("dd/mm/yyyy"), format_unit("General"), format_unit('[$£-809]#,##0')
    ('date', '', '£')
    """
    literal = " ".join(re.findall(r'"([^"]*)"', code)).lower()
    bare = re.sub(r'"[^"]*"|\\.', "", code)
    if (
        re.search(r"\[\$[£$€]", bare)
        or any(c in bare for c in "£€")
        or re.search(r"(?<!\[)\$", bare)
    ):
        return "£"
    bare_no_brackets = re.sub(r"\[[^\]]*\]", "", bare)
    if "%" in bare_no_brackets:
        return "%"
    if "day" in literal:
        return "days"
    if "kg" in literal:
        return "kg"
    if "week" in literal:
        return "weeks"
    if (
        re.search(r"[dmyhs]", bare_no_brackets.lower())
        and not re.search(r"[0#?]", bare_no_brackets)
        and bare_no_brackets.lower() != "general"
    ):
        return "date"
    return ""


def _builtin_unit(num_fmt: int) -> str:
    if num_fmt in _BUILTIN_PERCENT:
        return "%"
    if num_fmt in _BUILTIN_DATES:
        return "date"
    if num_fmt in _BUILTIN_CURRENCY:
        return "£"
    return ""


def _open(z: zipfile.ZipFile, name: str) -> IO[bytes] | None:
    try:
        return z.open(name)
    except KeyError:
        return None


def iterparse(f: IO[bytes], events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    """Parse events of one XML part, after refusing a document type in its prolog."""
    head = f.read(65536)
    _check_prolog(head)
    parser = XMLPullParser(events=events)
    chunk = head
    try:
        while chunk:
            parser.feed(chunk)
            yield from parser.read_events()
            chunk = f.read(1 << 20)
        parser.close()
    except Exception as e:
        raise CorruptWorkbook(f"its XML is damaged ({type(e).__name__}: {e})") from None
    yield from parser.read_events()


def _elements(f: IO[bytes]) -> Iterator[Any]:
    """The elements of one part as each ends (the fast loop for sheets)."""
    head = f.read(65536)
    _check_prolog(head)
    parser = XMLPullParser(events=("end",))
    chunk = head
    try:
        while chunk:
            parser.feed(chunk)
            for _, el in parser.read_events():
                yield el
            chunk = f.read(1 << 20)
        parser.close()
    except Exception as e:
        raise CorruptWorkbook(f"its XML is damaged ({type(e).__name__}: {e})") from None
    for _, el in parser.read_events():
        yield el


_DOCTYPE = re.compile(rb"<!\s*DOCTYPE", re.I)


def _check_prolog(head: bytes) -> None:
    text = head
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    elif head[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        text = head.decode("utf-32", "ignore").encode("ascii", "ignore")
    if _DOCTYPE.search(text) or b"<!ENTITY" in text.upper():
        raise CorruptWorkbook(
            "its XML declares a document type or entities, which workbooks never need "
            "(a sign of a hostile file); kpixl will not read it"
        )


def _shared_strings(z: zipfile.ZipFile, path: str) -> list[str]:
    f = _open(z, path)
    if f is None:
        return []
    out: list[str] = []
    with f:
        for event, el in iterparse(f, events=("end",)):
            if el.tag == _NS + "si":
                # the text and the runs' text, leaving out phonetic guides (rPh)
                parts = [t.text or "" for t in el.findall(_NS + "t")]
                parts += [
                    t.text or "" for run in el.findall(_NS + "r") for t in run.findall(_NS + "t")
                ]
                out.append("".join(parts))
                el.clear()
            del event
    return out


def _styles(z: zipfile.ZipFile, path: str) -> list[str]:
    """The unit of each cell style (cellXfs index)."""
    f = _open(z, path)
    if f is None:
        return []
    codes: dict[int, str] = {}
    units: list[str] = []
    in_xfs = False
    with f:
        for event, el in iterparse(f, ("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == _NS + "cellXfs":
                    in_xfs = True
                continue
            if tag == _NS + "numFmt":
                with suppress(ValueError):
                    codes[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
            elif tag == _NS + "xf" and in_xfs:
                try:
                    num = int(el.get("numFmtId", "0"))
                except ValueError:
                    num = 0
                units.append(format_unit(codes[num]) if num in codes else _builtin_unit(num))
            elif tag == _NS + "cellXfs":
                in_xfs = False
                el.clear()
    return units


def _workbook(z: zipfile.ZipFile) -> tuple[list[tuple[str, str, str]], bool, str, str]:
    """(name, part path, state) per sheet, the 1904 date system, and the shared strings and
    styles part paths."""
    rels: dict[str, str] = {}
    shared, styles = "xl/sharedStrings.xml", "xl/styles.xml"
    f = _open(z, "xl/_rels/workbook.xml.rels")
    if f is not None:
        with f:
            for _, el in iterparse(f, events=("end",)):
                if el.tag == _PKG_REL + "Relationship":
                    target = el.get("Target", "")
                    path = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target))
                    )
                    rels[el.get("Id", "")] = path
                    kind = el.get("Type", "")
                    if kind.endswith("/sharedStrings"):
                        shared = path
                    elif kind.endswith("/styles"):
                        styles = path
    sheets: list[tuple[str, str, str]] = []
    date1904 = False
    f = _open(z, "xl/workbook.xml")
    if f is None:
        raise CorruptWorkbook("the workbook part (xl/workbook.xml) is missing")
    with f:
        for _, el in iterparse(f, events=("end",)):
            if el.tag == _NS + "workbookPr":
                date1904 = el.get("date1904", "0") in ("1", "true")
            elif el.tag == _NS + "sheet":
                rid = el.get(_REL_NS + "id", "")
                sheets.append((el.get("name", ""), rels.get(rid, ""), el.get("state", "visible")))
    return sheets, date1904, shared, styles


_COLUMNS: dict[str, int] = {}  # "B" -> 1: a sheet's few column letters, worked out once
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _ref(text: str) -> tuple[int, int] | None:
    """ "B12" -> (11, 1), 0-based; None for anything else ("B²", a row past Excel's).

    >>> _ref("B12"), _ref("B²"), _ref("12")
    ((11, 1), None, None)
    """
    digits = text.lstrip(_UPPER)
    n = len(text) - len(digits)
    # isdigit() alone takes "²" and other scripts' digits, which int() refuses
    if not 0 < n <= 3 or not (digits.isascii() and digits.isdigit()) or len(digits) > 7:
        return None
    letters = text[:n]
    c = _COLUMNS.get(letters)
    if c is None:
        c = _COLUMNS[letters] = column_number(letters) - 1
    return int(digits) - 1, c


def _date(serial: float, date1904: bool) -> dt.datetime | float:
    try:
        if date1904:
            return dt.datetime(1904, 1, 1) + dt.timedelta(days=serial)
        if serial < 60:  # Excel's 1900 system counts a 29 February 1900 that never was
            return dt.datetime(1899, 12, 31) + dt.timedelta(days=serial)
        return dt.datetime(1899, 12, 30) + dt.timedelta(days=serial)
    except (OverflowError, ValueError):
        return serial


def _number(text: str) -> float | int:
    whole = text.isdigit() or (text[:1] == "-" and text[1:].isdigit())
    return int(text) if whole and len(text) < 16 else float(text)


def read_sheet(
    z: zipfile.ZipFile,
    name: str,
    path: str,
    hidden: bool,
    strings: list[str],
    styles: list[str],
    date1904: bool,
    max_rows: int,
    max_columns: int = MAX_COLUMNS,
) -> SheetData:
    """One sheet: values by row (row 1 first), units by (row, column), merged ranges."""
    f = _open(z, path)
    if f is None:
        raise CorruptWorkbook(f'the sheet "{name}" has no part ({path})')
    rows: list[list[object]] = []
    units: dict[tuple[int, int], str] = {}
    merges: list[tuple[int, int, int, int]] = []
    r = 0  # the row being read, for a cell written without its reference
    v_tag, t_tag, is_tag, f_tag = _NS + "v", _NS + "t", _NS + "is", _NS + "f"
    kpixl_cells: set[tuple[int, int]] = set()
    c_tag, row_tag, merge_tag = _NS + "c", _NS + "row", _NS + "mergeCell"
    with f:
        for el in _elements(f):
            tag = el.tag
            if tag == c_tag:
                ref = el.get("r")
                pos = _ref(ref) if ref else None
                if pos is None:
                    c = len(rows[r]) if r < len(rows) else 0
                else:
                    r, c = pos
                kind = el.get("t", "n")
                v = el.find(v_tag)
                if kind == "inlineStr":
                    box = el.find(is_tag)
                    cell: object = (
                        "".join(t.text or "" for t in box.iter(t_tag)) if box is not None else None
                    )
                else:
                    cell = None if v is None else _cell(kind, v.text, strings)
                if cell is not None:
                    if r >= max_rows:
                        raise rows_beyond(name, r + 1, max_rows)
                    if c >= max_columns:
                        raise WorkbookTooLarge(
                            f'the sheet "{name}" has data in column {c + 1:,}, beyond kpixl\'s '
                            f"limit of {max_columns:,} columns; remove unused columns"
                        )
                    style = el.get("s")
                    unit = ""
                    if style and type(cell) in (int, float):
                        try:
                            unit = styles[int(style)]
                        except (ValueError, IndexError):
                            unit = ""
                        if unit == "date":
                            cell = _date(float(cell), date1904)  # type: ignore[arg-type]
                            unit = ""
                    while len(rows) <= r:
                        rows.append([])
                    row = rows[r]
                    if len(row) <= c:
                        row.extend([None] * (c + 1 - len(row)))
                    row[c] = cell
                    if unit:
                        units[(r, c)] = unit
                    formula = el.find(f_tag)
                    if formula is not None and "KPI_" in (formula.text or "").upper():
                        kpixl_cells.add((r, c))
                el.clear()
            elif tag == row_tag:
                spot = el.get("r")
                r = int(spot) if spot and spot.isdigit() else r + 1  # the next row's index
                el.clear()
            elif tag == merge_tag:
                a, _, b = el.get("ref", "").partition(":")
                p, q = _ref(a), _ref(b or a)
                if p and q:
                    merges.append((p[0], p[1], q[0], q[1]))
    return SheetData(name, rows, units, merges, hidden, frozenset(kpixl_cells))


def _cell(kind: str, text: str | None, strings: list[str]) -> object:
    if text is None:
        return None
    if kind == "s":
        try:
            return strings[int(text)]
        except (ValueError, IndexError):
            raise CorruptWorkbook(
                f"a cell points at shared string {text[:20]}, which is missing"
            ) from None
    if kind in ("str", "e"):
        return text
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "d":  # an ISO date, as some writers store dates
        try:
            return dt.datetime.fromisoformat(text.strip().rstrip("Z"))
        except ValueError:
            return text
    try:
        return _number(text.strip())
    except ValueError:
        return text


def read_book(path: str | Path, max_rows: int = 1_048_576) -> Book:
    """Every sheet of a workbook, in order (hidden ones marked)."""
    with zipfile.ZipFile(path) as z:
        sheets, date1904, shared, style_path = _workbook(z)
        strings = _shared_strings(z, shared)
        styles = _styles(z, style_path)
        book = Book(date1904=date1904)
        for name, part, state in sheets:
            book.sheets.append(
                read_sheet(z, name, part, state != "visible", strings, styles, date1904, max_rows)
            )
    return book
