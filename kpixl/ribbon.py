"""The Python side of the KPI ribbon tab: one handler per button, keyed by its id.

The add-in's single VBA dispatcher runs ``kpixl.ribbon.dispatch("<button id>")``; a new
button is one ``<button>`` in macros/customUI.xml and one entry in :data:`HANDLERS`.
Handlers touch only a few xlwings objects (``Book.caller()``, its sheets' used ranges,
``app.books.open``, ``app.calculate``, ``app.alert``), so tests drive them with stand-ins.
The council's workbook is only read: packs and checks are new files beside it.

>>> sorted(HANDLERS)
['kpixl_check', 'kpixl_help', 'kpixl_pack', 'kpixl_pdf', 'kpixl_refresh']
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core import KpixlError
from .core.checks import check_tracker, findings_table
from .core.layout import tracker_from_sheets
from .core.model import Tracker
from .core.scan import SheetData
from .reader import check_workbook

Handler = Callable[[Any], str]


def live_sheets(book: Any) -> dict[str, SheetData]:
    """Every sheet's values as Excel holds them now (unsaved edits included), padded so that
    row 1 / column A line up with the sheet's own; hidden sheets marked.

    Number formats and merged cells are not read cell by cell through Excel (a round trip
    each): they come from the workbook as last saved, which holds them unless the officer
    changed a format since. A book never saved is read without them.
    """
    saved = _saved_layout(book)
    sheets: dict[str, SheetData] = {}
    for sheet in book.sheets:
        hidden = getattr(sheet, "visible", True) is False
        used = sheet.used_range
        values = used.options(ndim=2).value or []
        left = [None] * (used.column - 1)
        rows: list[list[object]] = [[None] for _ in range(used.row - 1)]
        rows += [left + list(r) for r in values]
        units, merges, formulas = saved.get(sheet.name, ({}, (), frozenset()))
        formulas = _kpi_formulas(used) or formulas
        numeric = {
            k: u
            for k, u in units.items()
            if k[0] < len(rows)
            and k[1] < len(rows[k[0]])
            and isinstance(rows[k[0]][k[1]], (int, float))
        }
        sheets[sheet.name] = SheetData(sheet.name, rows, numeric, merges, hidden, formulas)
    return sheets


def _kpi_formulas(used: Any) -> frozenset[tuple[int, int]]:
    """Cells holding kpixl's own KPI_* formulas, from Excel in one call where it can."""
    try:
        grid = used.formula
    except Exception:
        return frozenset()
    if not isinstance(grid, (list, tuple)):
        return frozenset()
    top, left = used.row - 1, used.column - 1
    return frozenset(
        (top + r, left + c)
        for r, row in enumerate(grid)
        if isinstance(row, (list, tuple))
        for c, f in enumerate(row)
        if isinstance(f, str) and "KPI_" in f.upper()
    )


def _saved_layout(book: Any) -> dict[str, tuple[Any, Any, frozenset[tuple[int, int]]]]:
    """Units, merges and kpixl's own formula cells per sheet from the saved workbook."""
    full = Path(str(getattr(book, "fullname", "") or ""))
    if not full.is_file() or full.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    try:
        from .xlsx import read_book

        return {
            s.name: (dict(s.units), tuple(s.merges), s.formulas)
            for s in read_book(check_workbook(full)).sheets
        }
    except KpixlError:
        return {}


def _folder(book: Any) -> Path:
    """Where the pack goes: beside the tracker, or the home folder for an unsaved book."""
    full = Path(str(getattr(book, "fullname", "") or ""))
    return full.parent if full.parent != Path() and full.parent.is_dir() else Path.home()


def live_tracker(book: Any) -> Tracker:
    """The open workbook read into a Tracker, with a kpixl.toml beside it if there is one."""
    conf = None
    toml = _folder(book) / "kpixl.toml"
    if toml.is_file():
        from .reader import load_config

        conf = load_config(toml)
    from .reader import visible

    sheets, notices = visible(live_sheets(book))
    return tracker_from_sheets(sheets, source=book.name, overrides=conf, notices=notices)


def committee_pack(book: Any) -> str:
    """Write the committee pack beside the tracker and open it."""
    from .committee import make_pack

    result = make_pack(live_tracker(book), _folder(book))
    book.app.books.open(str(result.xlsx))
    return result.closing_line()


def pdf_pack(book: Any) -> str:
    """The pack as a PDF: LibreOffice when installed, else Excel's own PDF export."""
    from .committee import make_pack

    tracker = live_tracker(book)
    if shutil.which("soffice") or shutil.which("libreoffice"):
        result = make_pack(tracker, _folder(book), pdf=True)
        return result.closing_line()
    result = make_pack(tracker, _folder(book))
    pack_book = book.app.books.open(str(result.xlsx))
    pdf = result.xlsx.with_suffix(".pdf")
    pack_book.to_pdf(str(pdf))  # every sheet, with the pack's own page set-up
    return f"{result.closing_line()} PDF: {pdf}"


def check(book: Any) -> str:
    """List the tracker's data problems by row in a new workbook beside it, and open it."""
    from .pack import write_table

    tracker = live_tracker(book)
    findings = check_tracker(tracker)
    stem = Path(str(book.name)).stem
    out = _folder(book) / f"{stem} - data check.xlsx"
    write_table(
        findings_table(findings),
        out,
        title=f"Data check of {book.name}",
        empty="No problems found.",
    )
    book.app.books.open(str(out))
    return f"{len(findings)} problems found in {len(tracker.indicators)} indicators: {out.name}"


def refresh(book: Any) -> str:
    """Recalculate every formula, so KPI_* cells follow the latest values and settings."""
    book.app.calculate()
    return "KPI formulas recalculated."


HELP = """kpixl worksheet functions (each takes a cell or a whole column):
KPI_RAG(actual, target, [polarity], [tolerance])  e.g. =KPI_RAG(N7, G7, F7, H7) -> Amber
KPI_DOT(current, previous, [polarity], [target], [acceptable])  e.g. =KPI_DOT(Y7, X7, F7) -> ↑G
KPI_YTD(values, [method], [weights])  e.g. =KPI_YTD(N7:Y7, "ratio")
KPI_TARGET(target, period, [periods], [method])  e.g. =KPI_TARGET("252 (21 per month)", 4) -> 84
KPI_VALUE(text)  e.g. =KPI_VALUE("92 out of 99") -> 0.929
KPI_SUMMARY(statuses, [groups])  spills counts and shares
KPI_ACTION(status, due, [start], [period])  e.g. =KPI_ACTION("In progress", "Q2 2023/24") -> Overdue
Buttons: Committee pack and PDF write new files beside this workbook; Check tracker lists
data problems by row; Refresh recalculates. Your workbook itself is never changed."""


def help_text(book: Any) -> str:
    """What each function does, with an example."""
    return HELP


HANDLERS: dict[str, Handler] = {
    "kpixl_pack": committee_pack,
    "kpixl_pdf": pdf_pack,
    "kpixl_check": check,
    "kpixl_refresh": refresh,
    "kpixl_help": help_text,
}


def dispatch(button_id: str, book: Any = None) -> str:
    """Run the handler of a ribbon button and tell the user what happened.

    Problems kpixl can explain come back as a message box, never a traceback.
    """
    if book is None:
        import xlwings as xw

        try:
            book = xw.Book.caller()
        except Exception:  # pressed with no workbook open
            message = "Open a workbook first: kpixl works on the tracker in front of you."
            if xw.apps.count:
                xw.apps.active.alert(message, title="kpixl")
            return message
    handler = HANDLERS.get(button_id)
    if handler is None:
        message = f'kpixl has no action for the button "{button_id}"; update the add-in.'
    else:
        try:
            message = handler(book)
        except KpixlError as e:
            message = str(e)
    _tell(book, message)
    return message


def _tell(book: Any, message: str) -> None:
    try:
        book.app.alert(message, title="kpixl")
    except Exception:  # an older Excel: the status bar still shows it
        book.app.status_bar = message
