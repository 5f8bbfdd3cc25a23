"""Write the committee pack workbook (XlsxWriter, a new file) from the pack model.

Values only: no formulas, no macros, no external links, so it opens on a councillor's
machine with no kpixl. Written to a temporary file beside the target and renamed into
place, so a failure leaves nothing half-written.

>>> write_pack(pack_model, "out/pack.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .core.cells import Column
from .core.listings import Chart, Listing
from .core.model import NOT_RATED, PARENT
from .core.rules import Direction, Status
from .core.tables import Pack, Table
from .styles import ARROW_COLOURS, HEADER_FILL, PALETTES, SECTION_FILL, number_format

FIRST_TABLE_ROW = 7  # rows 0-5: title block, key and scheme; row 6: column headers


class _Formats:
    """XlsxWriter formats made once and shared: a pack of 5,000 rows uses a few dozen."""

    def __init__(self, wb: Any, palette: str) -> None:
        self.wb = wb
        self.palette = PALETTES[palette]
        self.arrows = ARROW_COLOURS[palette]
        self.cache: dict[tuple[Any, ...], Any] = {}

    def get(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        fmt = self.cache.get(key)
        if fmt is None:
            fmt = self.cache[key] = self.wb.add_format(
                {
                    "valign": "top",
                    "font_name": "Arial",
                    "font_size": 9,
                    "border": 1,
                    "border_color": "#BFBFBF",
                    **props,
                }
            )
        return fmt

    def number(self, unit: str, decimals: int, **extra: Any) -> Any:
        return self.get(num_format=number_format(unit, decimals), align="right", **extra)

    def header(self) -> Any:
        return self.get(
            bold=True,
            bg_color=HEADER_FILL,
            font_color="#FFFFFF",
            text_wrap=True,
            align="center",
            valign="vcenter",
        )

    def status(self, status: Status | str) -> Any:
        fill, font = self.palette.get(status, _OTHER)
        return self.get(bg_color=fill, font_color=font, bold=True, align="center")

    def arrow(self, colour: str) -> Any:
        return self.get(font_color=self.arrows[colour], bold=True, align="center", font_size=11)


def write_pack(
    pack: Pack,
    out_path: str | Path,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the pack to ``out_path`` atomically; ``progress`` hears of each sheet."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".kpixl-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _write(pack, tmp, progress or (lambda _: None))
        _readable(tmp)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _readable(path: Path) -> None:
    """Give the finished file the usual permissions: a temporary file is private (0600),
    but a pack is for circulation."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _write(pack: Pack, path: Path, progress: Callable[[str], None]) -> None:
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    wb.set_properties(
        {
            "title": f"{pack.title} – {pack.period}",
            "company": pack.council,
            "comments": "Written by kpixl: values only",
        }
    )
    fmt = _Formats(wb, pack.palette)
    summary_ws = wb.add_worksheet("Summary")
    exceptions_ws = wb.add_worksheet("Exceptions")
    trend_ws = wb.add_worksheet("Trend data")
    trend_row = 0
    for i, table in enumerate(pack.tables, 1):
        progress(
            f"sheet {i} of {len(pack.tables)}: {table.sheet} ({_count_rows(table)} indicators)"
        )
        trend_row = _table_sheet(wb, fmt, pack, table, trend_ws, trend_row)
    if pack.plan:
        plan_ws = wb.add_worksheet("Delivery plan")
        _listings_sheet(
            wb,
            fmt,
            pack,
            plan_ws,
            f"Delivery plan at {pack.period}",
            pack.plan,
            key=False,
        )
    _listings_sheet(wb, fmt, pack, summary_ws, "Summary of performance", pack.summary_sheet)
    _listings_sheet(
        wb, fmt, pack, exceptions_ws, "Exceptions: indicators rated Red", pack.exceptions_sheet
    )
    trend_ws.hide()
    wb.close()


def _head(ws: Any, fmt: _Formats, columns: list[tuple[str, float]]) -> int:
    """The column headers under the title block, with their widths; returns their row."""
    row = FIRST_TABLE_ROW - 1
    for c, (name, width) in enumerate(columns):
        ws.write_string(row, c, name, fmt.header())
        ws.set_column(c, c, width)
    ws.set_row(row, 30)
    return row


def _count_rows(table: Table) -> int:
    return sum(1 for r in table.rows if r.kind == "indicator")


def _print_setup(ws: Any, header_row: int | None, last_row: int, widths: Sequence[float]) -> float:
    """A4 landscape, one page wide: a fixed scale that fits the columns' `widths`, not
    Excel's Fit-to, which would ignore the sheet's manual page breaks. Returns how much
    sheet, in pixels, a printed page holds at that scale."""
    scale = _scale_to_fit(widths)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_print_scale(scale)
    if header_row is not None:  # a sheet of one table repeats its header on every page
        ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&8&A&C&8Page &P of &N&R&8kpixl")
    ws.print_area(0, 0, max(last_row, header_row or 0), len(widths) - 1)
    return _page_pixels(scale)


def _scale_to_fit(widths: Sequence[float]) -> int:
    """The print scale (10..100 %) that fits columns of these widths across A4 landscape.

    A column of width w characters is w * 7 + 5 pixels at 96 per inch (Calibri 11); the
    page is 11.69 in less the 0.8 in of margins, of which a tenth is left spare, because
    LibreOffice and printers' fonts run a little wider than Excel's.

    >>> _scale_to_fit([10.0] * 5)
    100
    >>> _scale_to_fit([50.0] * 5)
    53
    """
    inches = sum(w * 7 + 5 for w in widths) / 96
    return max(10, min(100, int(90 * (11.69 - 0.8) / inches)))


def _title_block(
    ws: Any, fmt: _Formats, pack: Pack, heading: str, meeting: str, last: int, key: bool = True
) -> None:
    title = fmt.get(bold=True, font_size=14, border=0)
    plain = fmt.get(border=0, font_size=10)
    ws.merge_range(0, 0, 0, last, pack.council or pack.title, title)
    meeting_text = f" – meeting of {meeting}" if meeting else ""
    ws.merge_range(
        1, 0, 1, last, f"{heading}{meeting_text}", fmt.get(bold=True, font_size=12, border=0)
    )
    ws.merge_range(
        2,
        0,
        2,
        last,
        f"{pack.title}. Reporting period: {pack.period}. Produced {pack.produced}.",
        plain,
    )
    if key:  # the KPI key; a sheet of actions has its own rule under each theme
        _key_row(ws, fmt, pack, 3, last)


def _key_row(ws: Any, fmt: _Formats, pack: Pack, row: int, last: int) -> None:
    """The key: each status as its word in its own fill, then the arrows in their colours.

    Fills are cell fills (rich-text runs cannot carry a background), so each status gets
    its own cell, or pair of cells on wide sheets."""
    statuses = pack.key_statuses
    span = 2 if last + 1 >= 2 * len(statuses) else 1
    for i, (status, meaning) in enumerate(statuses):
        fill, font = fmt.palette[status]
        style = fmt.get(
            bg_color=fill,
            font_color=font,
            bold=True,
            text_wrap=True,
            align="center",
            valign="vcenter",
            font_size=8,
        )
        first = i * span
        text = f"{status.value}: {meaning}"
        if span == 2:
            ws.merge_range(row, first, row, first + 1, text, style)
        else:
            ws.write_string(row, first, text, style)
    ws.set_row(row, 24 if span == 2 else 34)  # a narrow cell wraps its words to three lines
    parts: list[Any] = [fmt.get(bold=True, border=0, font_size=8), "Direction of travel: "]
    for arrow, meaning in pack.key_arrows:
        if arrow is Direction.NOT_AVAILABLE:
            continue
        parts += [
            fmt.get(font_color=fmt.arrows[arrow.colour], bold=True, border=0, font_size=9),
            f"{arrow.value} ",
            fmt.get(border=0, font_size=8),
            f"{meaning};  ",
        ]
    parts[-1] = parts[-1].rstrip("; ") + "."
    cell = fmt.get(text_wrap=True, border=0, valign="top", font_size=8)
    ws.merge_range(row + 1, 0, row + 1, last, "", cell)
    ws.write_rich_string(row + 1, 0, *parts, cell)
    ws.set_row(row + 1, 24)
    # how this tracker is rated, in the words the scheme gives of itself
    ws.merge_range(row + 2, 0, row + 2, last, " ".join(pack.scheme_words), cell)
    ws.set_row(row + 2, 36)


def _table_sheet(
    wb: Any, fmt: _Formats, pack: Pack, table: Table, trend_ws: Any, trend_row: int
) -> int:
    ws = wb.add_worksheet(table.sheet)
    cols = table.columns
    last = len(cols) - 1
    _title_block(ws, fmt, pack, table.heading, table.meeting, last)
    head_row = _head(ws, fmt, [(c.header, c.width) for c in cols])
    ws.freeze_panes(head_row + 1, 2)
    section = fmt.get(bold=True, bg_color=SECTION_FILL, font_size=10)
    note = fmt.get(font_color="#595959", font_size=8, italic=True, align="right")
    note_left = fmt.get(font_color="#595959", font_size=8, italic=True)
    text = fmt.get()
    wrap = fmt.get(text_wrap=True)
    centre = fmt.get(align="center")
    trend_col = next((i for i, c in enumerate(cols) if c.kind == "trend"), None)
    r = head_row + 1
    spark_cells: list[str] = []
    spark_ranges: list[str] = []
    n_trend = len(pack.trend_labels)
    if trend_row == 0 and n_trend:
        trend_ws.write_row(0, 0, ["Sheet", "Ref", *pack.trend_labels])
        trend_row = 1
    starts = [r]  # the blocks a printed page keeps whole: each section with its rows
    for row in table.rows:
        if row.kind == "section":
            if r > starts[0]:
                starts.append(r)
            ws.merge_range(r, 0, r, last, row.label, section)
            r += 1
            continue
        for c, (column, cell) in enumerate(zip(cols, row.cells, strict=True)):
            kind = column.kind
            if kind == "status":
                style = fmt.status(
                    cell.status if cell.status else (PARENT if cell.value == PARENT else NOT_RATED)
                )
                shown = cell.status.code if (cell.status and pack.status_codes) else cell.value
                ws.write_string(r, c, str(shown), style)
            elif kind == "arrow":
                colour = cell.arrow.colour if cell.arrow else "none"
                ws.write_string(
                    r, c, str(cell.value or ""), fmt.arrow(colour) if cell.value else centre
                )
            elif isinstance(cell.value, float):
                ws.write_number(r, c, cell.value, fmt.number(cell.unit or "count", cell.decimals))
            elif kind == "trend":
                ws.write_blank(r, c, None, text)
            else:
                ws.write_string(r, c, str(cell.value or ""), wrap if kind == "wrap" else text)
        numbers = [v for v in row.trend if v is not None]
        if trend_col is not None and len(numbers) >= 3:
            rating = row.rating
            trend_ws.write_string(trend_row, 0, table.sheet)
            trend_ws.write_string(trend_row, 1, rating.indicator.ref if rating else "")
            for j, v in enumerate(row.trend):
                if v is not None:
                    trend_ws.write_number(trend_row, 2 + j, v)
            data = (
                f"'Trend data'!{xl_rowcol_to_cell(trend_row, 2, True, True)}:"
                + xl_rowcol_to_cell(trend_row, 1 + len(row.trend), True, True)
            )
            spark_cells.append(xl_rowcol_to_cell(r, trend_col))
            spark_ranges.append(data)
            trend_row += 1
        lines = max(
            1,
            *(
                len(str(cell.value or "")) // max(int(column.width * 1.25), 1) + 1
                for column, cell in zip(cols, row.cells, strict=True)
                if column.kind == "wrap"
            ),
        )
        ws.set_row(r, min(11.5 * lines + 3, 160))
        r += 1
        if row.has_notes:  # "x out of y" under the percentages, as 004 shows them
            for c, cell in enumerate(row.cells):
                if cell.note:
                    ws.write_string(
                        r, c, cell.note, note if isinstance(cell.value, float) else note_left
                    )
            r += 1
    if spark_cells:  # one sparkline group per sheet: one style, and far faster to write
        ws.add_sparkline(
            spark_cells[0],
            {
                "location": spark_cells,
                "range": spark_ranges,
                "markers": True,
                "series_color": "#1F3864",
                "last_color": "#C00000",
                "empty_cells": "connect",
            },
        )
    widths = [c.width for c in cols]
    page = _print_setup(ws, head_row, r - 1, widths)
    _paginate(ws, starts, r, page, ws.row_sizes.get(head_row, [20])[0])
    ws.autofilter(head_row, 0, r - 1, last)
    return trend_row


def _listings_sheet(
    wb: Any,
    fmt: _Formats,
    pack: Pack,
    ws: Any,
    heading: str,
    listings: Sequence[Listing],
    key: bool = True,
) -> None:
    """A sheet of the model's listings, one under another: each its title (but the first,
    which the sheet's heading gives), note, header, rows, the sentences under it and its
    chart. A listing or a chart that would not fit on what is left of a
    printed page starts the next one, so that no chart is cut in two and no theme's title
    is left at the foot of a page. The KPI `key` is left off a sheet of actions, which
    states its own rule under each theme."""
    last = max((sum(c.span for c in li.columns) for li in listings), default=1) - 1
    _title_block(ws, fmt, pack, heading, "", last, key=key)
    widths: dict[int, float] = {}
    r = FIRST_TABLE_ROW - 1
    starts: list[int] = []  # the rows where a block to keep on one page begins
    for i, listing in enumerate(listings):
        if i:
            r += 1
        starts.append(r)
        r = _listing(
            wb,
            fmt,
            pack,
            ws,
            listing,
            r,
            widths,
            titled=i > 0 or heading != listing.title,
            blocks=starts,
        )
    for c, width in widths.items():
        ws.set_column(c, c, width)
    sheet_widths = [widths.get(c, 8.43) for c in range(last + 1)]
    header = FIRST_TABLE_ROW - 1 if len(listings) == 1 else None
    page = _print_setup(ws, header, r - 1, sheet_widths)
    _paginate(ws, starts, r, page, 0.0)


def _page_pixels(scale: int) -> float:
    """The height of sheet one printed A4 landscape page holds at this scale, in pixels:
    8.27 in less 1.1 in of margins, at 96 per inch, with a twentieth spare."""
    return (8.27 - 1.1) * 96 * 0.95 * 100 / scale


def _page_breaks(
    heights: Sequence[float], starts: Sequence[int], page: float, repeat: float = 0.0
) -> list[int]:
    """The rows to break before, so that a block (from one of `starts` to the next: a
    section, a theme, a chart) is not split where it could be kept whole. A block that does
    not fit on what is left of the page starts the next one, unless it is taller than a
    page and a good part of this one is left: then it runs on and the printer breaks it.
    `heights` are the rows' in pixels; `repeat` the header printed atop every page.

    >>> _page_breaks([10.0] * 10, [0, 4, 8], page=50)
    [4, 8]
    >>> _page_breaks([10.0] * 10, [0, 2, 4], page=50)
    [4]
    >>> _page_breaks([10.0] * 20, [0, 2], page=50)  # a long block runs on
    []
    """
    repeat = min(repeat, page / 2)
    breaks: list[int] = []
    bounds = [*starts, len(heights)]
    used = sum(heights[: bounds[0]])  # the title block and header above the first
    for start, end in pairwise(bounds):
        block = sum(heights[start:end])
        left = page - used
        if used > repeat and block > left and (block <= page - repeat or left < page / 4):
            breaks.append(start)
            used = repeat
        while used + block > page:  # what runs on to the next page
            block -= page - used
            used = repeat
        used += block
    return breaks


def _paginate(ws: Any, starts: Sequence[int], end: int, page: float, repeat: float) -> None:
    """Set the manual page breaks that keep the sheet's blocks whole (see _page_breaks)."""
    heights = [ws.row_sizes.get(row, [20])[0] for row in range(end)]  # pixels; 20 unset
    breaks = _page_breaks(heights, starts, page, repeat)
    if breaks:
        ws.set_h_pagebreaks(breaks)


def _listing(
    wb: Any,
    fmt: _Formats,
    pack: Pack,
    ws: Any,
    listing: Listing,
    r: int,
    widths: dict[int, float],
    titled: bool,
    blocks: list[int],
) -> int:
    """Draw one listing from row `r`; returns the next free row. Adds to `blocks` the row
    where its chart begins, a block the printed page keeps whole."""
    cols = listing.columns
    starts = [0]  # each column's first sheet column: a column may span several
    for column in cols:
        starts.append(starts[-1] + column.span)
    last = starts[-1] - 1
    wrap = fmt.get(text_wrap=True)
    if titled:
        ws.merge_range(r, 0, r, last, listing.title, fmt.get(bold=True, bg_color=SECTION_FILL))
        r += 1
    if listing.note:
        ws.merge_range(r, 0, r, last, listing.note, fmt.get(italic=True, border=0, font_size=9))
        r += 1
    for column, c in zip(cols, starts, strict=False):
        _spanned(ws, r, c, column.span, column.header, fmt.header())
        if column.span == 1:
            widths[c] = max(widths.get(c, 0), column.width)
    ws.set_row(r, 30)
    r += 1
    if not listing.rows and listing.empty:
        ws.merge_range(r, 0, r, last, listing.empty, wrap)
        r += 1
    for row in listing.rows:
        bold = row.kind == "total"
        for column, c, cell in zip(cols, starts, row.cells, strict=False):
            if column.span > 1:
                text = "" if cell.value is None else str(cell.value)
                _spanned(ws, r, c, column.span, text, fmt.get(text_wrap=True, bold=bold))
            else:
                _cell(ws, fmt, pack, r, c, column.kind, cell, bold)
        lines = max(
            1,
            *(
                len(str(cell.value or "")) // max(int(_width(column, c, widths) * 1.25), 1) + 1
                for column, c, cell in zip(cols, starts, row.cells, strict=False)
                if column.kind == "wrap"
            ),
        )
        ws.set_row(r, min(11.5 * lines + 3, 160))
        r += 1
    for line in listing.lines:
        ws.merge_range(r, 0, r, last, line, fmt.get(text_wrap=True, border=0))
        ws.set_row(r, 28)
        r += 1
    if listing.chart is not None and listing.chart.categories:
        blocks.append(r + 1)
        r = _chart(wb, fmt, ws, listing.chart, r + 1)
    return r


def _spanned(ws: Any, r: int, c: int, span: int, text: str, style: Any) -> None:
    if span > 1:
        ws.merge_range(r, c, r, c + span - 1, text, style)
    else:
        ws.write_string(r, c, text, style)


def _width(column: Column, c: int, widths: dict[int, float]) -> float:
    """A column's width on the sheet: its own, or the sum of the columns it spans."""
    if column.span == 1:
        return float(column.width)
    return sum(widths.get(c + i, 8.43) for i in range(column.span))


def _cell(
    ws: Any, fmt: _Formats, pack: Pack, r: int, c: int, kind: str, cell: Any, bold: bool
) -> None:
    """One cell of a listing, drawn by its column's kind."""
    if kind == "status":
        key = cell.status or cell.fill or (NOT_RATED if cell.value else None)
        if key is None:
            ws.write_blank(r, c, None, fmt.get())
            return
        shown = cell.status.code if (cell.status and pack.status_codes) else cell.value
        ws.write_string(r, c, str(shown), fmt.status(key))
    elif kind == "share":
        style = fmt.status(cell.fill) if cell.fill else fmt.get(align="center", bold=bold)
        ws.write_string(r, c, str(cell.value), style)
    elif kind == "arrow":
        colour = cell.arrow.colour if cell.arrow else "none"
        ws.write_string(r, c, str(cell.value or ""), fmt.arrow(colour))
    elif isinstance(cell.value, float):
        ws.write_number(
            r, c, cell.value, fmt.number(cell.unit or "count", cell.decimals, bold=bold)
        )
    elif cell.value is None:
        ws.write_blank(r, c, None, fmt.get())
    else:
        ws.write_string(r, c, str(cell.value), fmt.get(text_wrap=kind == "wrap", bold=bold))


def _chart(wb: Any, fmt: _Formats, ws: Any, chart: Chart, r: int) -> int:
    """The chart's counts as a small table (a chart needs numbers in cells), then the chart:
    a percent-stacked bar per category."""
    header = fmt.header()
    ws.write_string(r, 0, "Counts for the chart", fmt.get(bold=True, border=0))
    r += 1
    top = r
    ws.write_row(r, 0, ["", *(s.name for s in chart.series)], header)
    for j, name in enumerate(chart.categories, 1):
        ws.write_string(r + j, 0, name, fmt.get(text_wrap=True))
        for c, series in enumerate(chart.series, 1):
            ws.write_number(r + j, c, series.values[j - 1], fmt.get(align="center"))
    bottom = r + len(chart.categories)
    bar = wb.add_chart({"type": "bar", "subtype": "percent_stacked"})
    for c, series in enumerate(chart.series, 1):
        fill, _ = fmt.palette.get(series.fill, _OTHER)
        bar.add_series(
            {
                "name": [ws.name, top, c],
                "categories": [ws.name, top + 1, 0, bottom, 0],
                "values": [ws.name, top + 1, c, bottom, c],
                "fill": {"color": fill},
                "border": {"color": "#404040"},
            }
        )
    bar.set_title({"name": chart.title})
    bar.set_y_axis({"reverse": True, "interval_unit": 1, "num_font": {"size": 8}})  # every name
    bar.set_legend({"position": "bottom"})
    height = 60 + 34 * len(chart.categories)
    bar.set_size({"width": 900, "height": height})
    ws.insert_chart(bottom + 2, 0, bar)
    return bottom + 4 + height // 20


_OTHER = ("#F2F2F2", "#000000")  # a category with no colour of its own


def write_table(rows: list[list[object]], out_path: str | Path, title: str, empty: str) -> Path:
    """A plain report sheet (the checker's findings): header row, filters, print set-up.

    Written atomically like the pack; text stays text (a value of "=…" is not a formula).
    """
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".kpixl-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
        fmt = _Formats(wb, "standard")
        ws = wb.add_worksheet("Data check")
        head = fmt.header()
        ws.write_string(0, 0, title, fmt.get(bold=True, font_size=12, border=0))
        widths = [18, 7, 12, 10, 70, 70]
        for c, name in enumerate(rows[0]):
            ws.write_string(2, c, str(name), head)
            ws.set_column(c, c, widths[c] if c < len(widths) else 15)
        wrap = fmt.get(text_wrap=True)
        for r, row in enumerate(rows[1:], start=3):
            for c, value in enumerate(row):
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(r, c, value, fmt.get())
                else:
                    ws.write_string(r, c, "" if value is None else str(value), wrap)
        if len(rows) == 1:
            ws.write_string(3, 0, empty)
        ws.freeze_panes(3, 0)
        ws.autofilter(2, 0, max(2, len(rows) + 1), len(rows[0]) - 1)
        columns = len(rows[0])
        last_row = max(3, len(rows) + 1)  # the rows, or the line that says there are none
        _print_setup(
            ws, 2, last_row, [widths[c] if c < len(widths) else 15 for c in range(columns)]
        )
        wb.close()
        _readable(tmp)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


__all__ = ["PALETTES", "number_format", "write_pack", "write_table"]
