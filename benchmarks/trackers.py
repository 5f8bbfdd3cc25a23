"""The bare XlsxWriter baseline the pack is measured against."""

from __future__ import annotations

from pathlib import Path


def bare_xlsxwriter(tracker: Path, out: Path) -> Path:
    """Read the same tracker and write the same cells, unformatted: the least any pack
    writer must do."""
    import openpyxl
    import xlsxwriter

    wb = openpyxl.load_workbook(tracker, read_only=True, data_only=True)
    rows = [row for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
    wb.close()
    out_wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False})
    ws = out_wb.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    out_wb.close()
    return out
