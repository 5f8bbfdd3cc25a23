"""The two xlwings Lite scripts, Committee tables and Check tracker, on the open workbook.

Both read the workbook's values as Lite hands them to a script, build the tracker with the
reader the command line uses (:func:`kpixl.core.layout.tracker_from_sheets`), and write
their result into a NEW sheet of that workbook with only what a Lite script can set:
values, fills, fonts, number formats, autofit and a frozen header (no borders, merges,
column widths, wrap, conditional formats or charts). The tracker's own sheets are only
read. The new sheet's first cell says kpixl wrote it; a second run replaces that sheet, and
never a sheet kpixl did not write.

``book`` is duck-typed: xlwings Lite's ``xw.Book`` (``book.sheets``, ``sheet["A1"]``,
``used_range``), or the recorded stand-in of the tests. The scripts are coroutines because
Lite reads formulas only through its async API (``await rng.get_formula()``, xlwings 0.37).

>>> address(1, 1, 2, 3), address(5, 28)
('A1:C2', 'AB5')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import __version__
from .core import KpixlError
from .core.a1 import column_letters
from .core.checks import check_tracker as _check_tracker
from .core.checks import findings_table
from .core.layout import tracker_from_sheets
from .core.listings import summary_sentence
from .core.model import NOT_RATED, PARENT, Tracker, rate_tracker, require_periods
from .core.rules import Status
from .core.scan import SheetData
from .core.tables import Pack, build_pack
from .reader import visible
from .styles import ARROW_COLOURS, HEADER_FILL, PALETTES, SECTION_FILL, number_format

MARK = "Written by kpixl"  # the first words of a sheet's first cell: kpixl's own sheet
TABLES_SHEET = "KPI committee tables"
CHECK_SHEET = "KPI data check"
HEADER_ROWS = 2  # the title line and the column headers: frozen, so always in view
TEXT = "@"  # Excel's text format: a ref such as "01", or "=..." in commentary, stays text
NOTE_COLOUR = "#595959"
NO_FORMULAS = (
    "This version of xlwings Lite did not tell kpixl which cells hold formulas, so results "
    "of KPI_* formulas in the tracker were read as statuses the tracker states; with "
    "xlwings 0.37 or later in requirements.txt kpixl reads its own formulas as such."
)


@dataclass(frozen=True)
class Style:
    """How one cell looks: a fill, a font and a number format (what Lite can set)."""

    fill: str | None = None
    color: str | None = None
    bold: bool = False
    italic: bool = False
    size: float | None = None
    number_format: str = TEXT


@dataclass
class Grid:
    """A block of cells from A1, built before anything is written: values and styles."""

    width: int
    values: list[list[object]]
    styles: list[list[Style]]

    def row(self, values: Sequence[object] = (), styles: Sequence[Style] | Style = Style()) -> None:
        """Append a row, padded to the grid's width; one style for all its cells, or one each."""
        vals = [*values, *[None] * (self.width - len(values))]
        if isinstance(styles, Style):
            stys = [styles] * self.width
        else:
            stys = [*styles, *[Style()] * (self.width - len(styles))]
        self.values.append(vals)
        self.styles.append(stys)


# --- reading the open workbook --------------------------------------------------------------


def written_by_kpixl(sheet: Any) -> bool:
    """True for a sheet one of these scripts wrote: its first cell starts with MARK."""
    try:
        first = sheet["A1"].value
    except Exception:  # a chart sheet, or a sheet Lite cannot read: not kpixl's
        return False
    return isinstance(first, str) and first.startswith(MARK)


async def book_tracker(book: Any) -> Tracker:
    """The tracker in the open workbook, from its values as Lite gives them (unsaved edits
    included); kpixl's own sheets are left out, hidden sheets too (with a notice)."""
    sheets: dict[str, SheetData] = {}
    unknown = False
    for sheet in book.sheets:
        if written_by_kpixl(sheet):
            continue
        used = sheet.used_range
        values = used.options(ndim=2).value or []
        top, left = used.row - 1, used.column - 1
        rows: list[list[object]] = [[None] for _ in range(top)]
        rows += [[None] * left + list(r) for r in values]
        formulas = await formula_cells(used, top, left)
        unknown = unknown or formulas is None
        sheets[sheet.name] = SheetData(
            sheet.name, rows, hidden=_hidden(sheet), formulas=formulas or frozenset()
        )
    read, notices = visible(sheets)
    if unknown:
        notices.append(NO_FORMULAS)
    return tracker_from_sheets(read, source=str(book.name), notices=notices)


def _hidden(sheet: Any) -> bool:
    try:
        return sheet.visible is False
    except Exception:  # a Lite version that does not say: read the sheet
        return False


async def formula_cells(
    used: Any, top: int = 0, left: int = 0
) -> frozenset[tuple[int, int]] | None:
    """The cells of ``used`` holding kpixl's own KPI_* formulas, 0-based on the sheet; None
    when Lite gave no formulas. Their values are kpixl's ratings of one cell, not statuses
    the council stated, and the reader must know which they are.

    xlwings Lite reads formulas on demand with ``await rng.get_formula()`` (xlwings 0.37,
    docs/whatsnew: "Reading properties usually requires the async API"); an older one may
    offer ``rng.formula`` or nothing at all.
    """
    grid: Any = None
    get = getattr(used, "get_formula", None)
    if callable(get):
        try:
            grid = await get()
        except Exception:
            grid = None
    if grid is None:
        try:
            grid = used.formula
        except Exception:
            return None
    if isinstance(grid, str):
        grid = [[grid]]
    if not isinstance(grid, (list, tuple)):
        return None
    if grid and not isinstance(grid[0], (list, tuple)):
        grid = [grid]  # one row
    return frozenset(
        (top + r, left + c)
        for r, row in enumerate(grid)
        for c, f in enumerate(row)
        if isinstance(f, str) and f.startswith("=") and "KPI_" in f.upper()
    )


# --- the two scripts ------------------------------------------------------------------------


async def committee_tables(book: Any, today: dt.date | None = None) -> str:
    """Committee tables: the committee pack's tables for the reporting period, with status
    colours and arrows, in a new sheet of this workbook; your own sheets are not changed."""
    try:
        tracker = await book_tracker(book)
        require_periods(tracker)
        ratings = rate_tracker(tracker)
    except KpixlError as e:
        return f"kpixl: {e}"
    day = today or dt.date.today()
    pack = build_pack(tracker, ratings, produced=f"{day.day} {day:%B %Y}")
    sheet, skipped = write_sheet(book, TABLES_SHEET, tables_grid(pack, tracker))
    s = pack.summary
    counts = ", ".join(f"{s.count(label)} {label}" for label in s.labels())
    return (
        f'Wrote sheet "{sheet.name}": {len(pack.tables)} committee tables, {s.total} '
        f"indicators for {pack.period} ({counts}).{_skipped(skipped)}"
    )


async def check_tracker(book: Any, today: dt.date | None = None) -> str:
    """Check tracker: the tracker's data problems by row, and how kpixl rated rows on a
    default, in a new sheet of this workbook; your own sheets are not changed."""
    try:
        tracker = await book_tracker(book)
        findings = _check_tracker(tracker)
    except KpixlError as e:
        return f"kpixl: {e}"
    day = today or dt.date.today()
    rows = findings_table(findings)
    problems = sum(1 for f in findings if f.severity != "Note")
    title = (
        f"{MARK} {__version__} on {day.day} {day:%B %Y}: data check of {book.name}, "
        f"{problems or 'no'} problems in {len(tracker.indicators)} indicators"
    )
    sheet, skipped = write_sheet(book, CHECK_SHEET, check_grid(title, rows, tracker))
    return (
        f'Wrote sheet "{sheet.name}": {problems} problems and {len(findings) - problems} '
        f"notes in {len(tracker.indicators)} indicators.{_skipped(skipped)}"
    )


def _skipped(skipped: list[str]) -> str:
    if not skipped:
        return ""
    return f" This version of xlwings Lite could not set: {', '.join(skipped)}."


# --- what the sheets hold -------------------------------------------------------------------


def tables_grid(pack: Pack, tracker: Tracker) -> Grid:
    """The committee tables of the pack model as one block: a title line, the column
    headers (the same for every table), then each committee's heading, sections and rows,
    the "x out of y" notes under them, and the key."""
    palette = PALETTES[pack.palette]
    arrows = ARROW_COLOURS[pack.palette]
    first = pack.tables[0].columns if pack.tables else ()  # every table has the same columns
    keep = [i for i, c in enumerate(first) if c.kind != "trend"]  # no sparklines in Lite
    columns = [first[i] for i in keep]
    grid = Grid(max(len(columns), 2), [], [])
    council = " – ".join(x for x in (pack.council, pack.title) if x)
    grid.row(
        [
            f"{MARK} {__version__} on {pack.produced}: {council}, committee tables for "
            f"{pack.period or 'no period'}, from this workbook's values. Run Committee "
            "tables again to refresh this sheet."
        ],
        Style(bold=True),
    )
    grid.row([c.header for c in columns], Style(HEADER_FILL, "#FFFFFF", bold=True))
    for table in pack.tables:
        meeting = f" – meeting of {table.meeting}" if table.meeting else ""
        # this sheet has no Exceptions sheet beside it: such rows say Check data themselves
        counts = summary_sentence(table.summary, exceptions_sheet=False)
        grid.row(
            [f"{table.heading}{meeting}. {counts}"],
            Style(bold=True, size=12),
        )
        for row in table.rows:
            if row.kind == "section":
                grid.row([row.label], Style(SECTION_FILL, bold=True))
                continue
            values: list[object] = []
            styles: list[Style] = []
            for i in keep:
                column, cell = table.columns[i], row.cells[i]
                if column.kind == "status":
                    key: Status | str = cell.status or (
                        PARENT if cell.value == PARENT else NOT_RATED
                    )
                    fill, font = palette[key]
                    shown = cell.status.code if cell.status and pack.status_codes else cell.value
                    values.append(shown)
                    styles.append(Style(fill, font, bold=True))
                elif column.kind == "arrow":
                    values.append(cell.value or None)
                    colour = arrows[cell.arrow.colour] if cell.arrow else None
                    styles.append(Style(color=colour, bold=bool(cell.value)))
                elif isinstance(cell.value, float):
                    values.append(cell.value)
                    styles.append(
                        Style(number_format=number_format(cell.unit or "count", cell.decimals))
                    )
                else:
                    values.append(cell.value if cell.value not in ("", None) else None)
                    styles.append(Style())
            grid.row(values, styles)
            if row.has_notes:  # "3 out of 4" under the figure, as 004 shows it
                grid.row(
                    [row.cells[i].note or None for i in keep],
                    Style(color=NOTE_COLOUR, italic=True),
                )
    grid.row()
    grid.row(["Key"], Style(bold=True))
    for status, meaning in pack.key_statuses:
        fill, font = palette[status]
        shown = status.code if pack.status_codes else status.value
        grid.row([shown, meaning], [Style(fill, font, bold=True), Style()])
    for arrow, meaning in pack.key_arrows:
        grid.row([arrow.value, meaning], [Style(color=arrows[arrow.colour], bold=True), Style()])
    for line in _remarks(tracker):
        grid.row([line], Style(color=NOTE_COLOUR, italic=True))
    return grid


def check_grid(title: str, rows: list[list[object]], tracker: Tracker) -> Grid:
    """The checker's rows (:func:`kpixl.core.checks.findings_table`) under a title line:
    severity in colour (Error red, Warning amber), row numbers as numbers."""
    palette = PALETTES["standard"]
    fills = {"Error": palette[Status.RED], "Warning": palette[Status.AMBER]}
    grid = Grid(len(rows[0]), [], [])
    grid.row([title], Style(bold=True))
    grid.row(rows[0], Style(HEADER_FILL, "#FFFFFF", bold=True))
    severity = rows[0].index("Severity")
    for r in rows[1:]:
        styles = [
            Style(number_format="0") if isinstance(v, int) and not isinstance(v, bool) else Style()
            for v in r
        ]
        fill = fills.get(str(r[severity]))
        if fill is not None:
            styles[severity] = Style(fill[0], fill[1], bold=True)
        grid.row(r, styles)
    if len(rows) == 1:
        grid.row(["No problems found."])
    for line in _remarks(tracker):
        grid.row([line], Style(color=NOTE_COLOUR, italic=True))
    return grid


def _remarks(tracker: Tracker) -> list[str]:
    out = []
    if tracker.unmapped:  # reported by name, never guessed
        out.append("Columns kpixl did not use: " + ", ".join(tracker.unmapped))
    out.extend(tracker.notices)
    return out


# --- writing the new sheet ------------------------------------------------------------------


def write_sheet(book: Any, base: str, grid: Grid) -> tuple[Any, list[str]]:
    """Write ``grid`` from A1 of kpixl's sheet ``base``: the one kpixl wrote last time
    (cleared), else a new sheet after the last; a sheet of that name that kpixl did not
    write is left alone and the new one is named "base (2)". Returns the sheet and what
    this Lite could not set (autofit, freeze panes)."""
    # What a Lite script may set, in xlwings' names: Range.value, .color and .number_format
    # (hex colours, xlwings 0.33.15), Range.font bold/italic/color/size/name (xlwings Lite
    # 1.0.0.0-13), Range.autofit(), Sheet.freeze_panes.freeze_at() (xlwings 0.31.8, Office.js
    # clients), Sheet.clear() and Sheets.add() (xlwings 0.30.15, 0.33.10). Lite queues these
    # and applies them in order when the script ends.
    sheet = _own_sheet(book, base)
    height = len(grid.values)
    # Formats before values: a cell already formatted as text keeps "01" and "=..." text.
    for (r0, c0, r1, c1), fmt in rectangles(grid.styles, lambda s: s.number_format, grid.values):
        sheet[address(r0, c0, r1, c1)].number_format = fmt
    sheet[address(1, 1, height, grid.width)].value = [
        [_text_safe(v) for v in r] for r in grid.values
    ]
    for (r0, c0, r1, c1), fill in rectangles(grid.styles, lambda s: s.fill):
        sheet[address(r0, c0, r1, c1)].color = fill
    for attr in ("color", "bold", "italic", "size"):
        font = rectangles(grid.styles, lambda s, a=attr: getattr(s, a), grid.values)
        for (r0, c0, r1, c1), value in font:
            setattr(sheet[address(r0, c0, r1, c1)].font, attr, value)
    skipped: list[str] = []
    # Long text (indicator names, comments) would make its column as wide as a page: fit the
    # columns from the headers down, leave the last one (comments, what to do) to overflow.
    last = max(grid.width - 1, 1)
    _optional("autofit", lambda: sheet[address(HEADER_ROWS, 2, height, last)].autofit(), skipped)
    _optional(
        "frozen header",
        lambda: sheet.freeze_panes.freeze_at(f"1:{HEADER_ROWS}"),  # Office.js freezeAt: rows 1-2
        skipped,
    )
    _optional("activate", sheet.activate, [])
    return sheet, skipped


def _own_sheet(book: Any, base: str) -> Any:
    """kpixl's sheet called ``base`` (or "base (2)"…), cleared; or a new one at the end."""
    sheets = list(book.sheets)
    by_name = {s.name.lower(): s for s in sheets}
    n = 1
    while True:
        name = base if n == 1 else f"{base} ({n})"
        found = by_name.get(name.lower())
        if found is None:
            return (
                book.sheets.add(name=name, after=sheets[-1])
                if sheets
                else book.sheets.add(name=name)
            )
        if written_by_kpixl(found):
            found.clear()  # content and formats: what kpixl wrote last time
            return found
        n += 1


def _optional(what: str, step: Callable[[], object], skipped: list[str]) -> None:
    """A finishing step that an older xlwings Lite may lack: the sheet stands without it."""
    try:
        step()
    except (NotImplementedError, AttributeError):
        skipped.append(what)


def _text_safe(v: object) -> object:
    """A value as it must reach the cell: text that Excel would read as a formula keeps an
    apostrophe in front (Excel's own mark for "this is text"), so it is shown, not run."""
    if isinstance(v, str) and v.startswith("="):
        return "'" + v
    return v


def rectangles(
    styles: Sequence[Sequence[Style]],
    key: Callable[[Style], Any],
    values: Sequence[Sequence[object]] | None = None,
) -> list[tuple[tuple[int, int, int, int], Any]]:
    """Ranges (first row, first column, last row, last column; 1-based) of cells that share
    a value of ``key`` (falsy values skipped), as few as runs along the rows joined down, or
    runs down the columns joined across, give: one Lite call per range, not per cell. Where
    ``values`` are given, an empty cell takes whatever its neighbour has (a font or number
    format on an empty cell shows nothing), so runs go on across it.

    >>> s = [[Style(bold=True), Style(bold=True), Style()], [Style(bold=True)] * 2 + [Style()]]
    >>> rectangles(s, lambda x: x.bold)
    [((1, 1, 2, 2), True)]
    >>> rectangles(s, lambda x: x.bold, values=[[1, 2, None], [3, 4, None]])
    [((1, 1, 2, 3), True)]
    """
    grid = [[key(x) for x in row] for row in styles]
    free = [[v is None for v in row] for row in values] if values is not None else None
    by_rows = _runs(_fill(grid, free))
    by_columns = [
        ((c0, r0, c1, r1), v)
        for (r0, c0, r1, c1), v in _runs(
            _fill(_transpose(grid), _transpose(free) if free is not None else None)
        )
    ]
    return sorted(min(by_rows, by_columns, key=len))


def _fill(grid: list[list[Any]], free: list[list[Any]] | None) -> list[list[Any]]:
    """Each free cell given its left neighbour's value (the first ones, the first set one's)."""
    if free is None:
        return grid
    out = []
    for row, loose in zip(grid, free, strict=True):
        set_ = [v for v, f in zip(row, loose, strict=True) if not f]
        last = set_[0] if set_ else None
        new = []
        for v, f in zip(row, loose, strict=True):
            last = last if f else v
            new.append(last)
        out.append(new)
    return out


def _transpose(grid: list[list[Any]]) -> list[list[Any]]:
    width = max((len(r) for r in grid), default=0)
    return [[r[c] if c < len(r) else None for r in grid] for c in range(width)]


def _runs(grid: list[list[Any]]) -> list[tuple[tuple[int, int, int, int], Any]]:
    """Runs of equal values along each row, joined down while the same run repeats."""
    open_: dict[tuple[int, int, Any], int] = {}  # (c0, c1, value) -> first row
    done: list[tuple[tuple[int, int, int, int], Any]] = []
    for r, row in enumerate(grid, 1):
        runs: list[tuple[int, int, Any]] = []
        c = 0
        while c < len(row):
            end = c
            while end + 1 < len(row) and row[end + 1] == row[c]:
                end += 1
            if row[c]:
                runs.append((c + 1, end + 1, row[c]))
            c = end + 1
        for run in [x for x in open_ if x not in runs]:
            done.append(((open_.pop(run), run[0], r - 1, run[1]), run[2]))
        for run in runs:
            open_.setdefault(run, r)
    done += [((first, run[0], len(grid), run[1]), run[2]) for run, first in open_.items()]
    return done


def address(r0: int, c0: int, r1: int | None = None, c1: int | None = None) -> str:
    """An A1 address of a cell, or of a range from (r0, c0) to (r1, c1); 1-based."""
    first = f"{column_letters(c0)}{r0}"
    if r1 is None or c1 is None or (r1, c1) == (r0, c0):
        return first
    return f"{first}:{column_letters(c1)}{r1}"


__all__ = [
    "CHECK_SHEET",
    "MARK",
    "TABLES_SHEET",
    "Grid",
    "Style",
    "book_tracker",
    "check_grid",
    "check_tracker",
    "committee_tables",
    "formula_cells",
    "tables_grid",
    "write_sheet",
    "written_by_kpixl",
]
