"""A large generated tracker for the benchmarks, and the bare XlsxWriter baseline."""

from __future__ import annotations

import random
from pathlib import Path

MONTHS = [
    "Apr-24",
    "May-24",
    "Jun-24",
    "Jul-24",
    "Aug-24",
    "Sep-24",
    "Oct-24",
    "Nov-24",
    "Dec-24",
    "Jan-25",
    "Feb-25",
    "Mar-25",
]
HEADER = [
    "Committee",
    "Directorate",
    "Service",
    "Ref No.",
    "Indicator",
    "Polarity",
    "Target",
    "Tolerance",
    "YTD Method",
    "Unit",
    "Benchmark",
    "Year to Date 2023/24",
    *MONTHS,
    "Comments",
]


def write_big_tracker(path: Path, n: int, seed: int = 5) -> Path:
    """A tracker of ``n`` indicators x 12 months in the bundled tracker's layout."""
    import xlsxwriter

    rng = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    ws = wb.add_worksheet("KPI Tracker")
    ws.write_row(0, 0, ["Large council tracker"])
    ws.write_row(2, 0, HEADER)
    committees = [f"Committee {c}" for c in "ABCDEFGHIJ"]
    for i in range(n):
        pct = i % 3 != 2
        target = round(rng.uniform(0.6, 0.98), 2) if pct else rng.randint(20, 400)
        values = [round(rng.uniform(0.5, 1), 3) if pct else rng.randint(10, 500) for _ in MONTHS]
        row = [
            committees[i % 10],
            f"Directorate {i % 7}",
            f"Service {i % 23}",
            f"K{i:05d}",
            f"Indicator number {i} measuring something a council reports",
            rng.choice(["Higher is better", "Lower is better"]),
            f"{target:.0%}" if pct else target,
            rng.choice(["5%", "85% - 90%", "5 pts", None]),
            "mean" if pct else "sum",
            "%" if pct else "count",
            None,
            None,
            *values,
            "Commentary on performance this period and the actions being taken. " * 2,
        ]
        ws.write_row(3 + i, 0, row)
    wb.close()
    return path


def bare_xlsxwriter(tracker: Path, out: Path) -> Path:
    """The baseline: read the same tracker and write the same cells, unformatted."""
    import openpyxl
    import xlsxwriter

    wb = openpyxl.load_workbook(tracker, read_only=True, data_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    out_wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False})
    ws = out_wb.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    out_wb.close()
    return out
