"""End to end in a real spreadsheet engine: LibreOffice computes the bundled tracker's
KPI_* cells through kpixl, and they equal the core's answers for every indicator."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpixl.core.model import rate_tracker
from kpixl.reader import read_tracker
from tests.conftest import soffice_or_skip

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"


@pytest.fixture(scope="module")
def computed():
    soffice_or_skip()
    from kpixl.office.calc import compute

    return compute(TRACKER, pythonpath=[ROOT], timeout=300)["KPI Tracker"]


def test_every_kpi_cell_equals_the_core(computed):
    wb = openpyxl.load_workbook(TRACKER, read_only=True)
    rows = list(wb["KPI Tracker"].iter_rows(values_only=True))
    wb.close()
    header = list(rows[4])
    col = {
        name: openpyxl.utils.get_column_letter(header.index(name) + 1)
        for name in ("Ref No.", "Status", "Direction of Travel", "Year to Date 2024/25")
    }
    row_of = {
        r[header.index("Ref No.")]: i
        for i, r in enumerate(rows, 1)
        if r[header.index("Ref No.")] and i > 5
    }
    ratings = rate_tracker(read_tracker(TRACKER))
    assert len(ratings) == 101
    for r in ratings:
        row = row_of[r.indicator.ref]
        status = computed[f"{col['Status']}{row}"]
        if r.status is None:  # the core refuses to rate: the cell shows why (or the rule)
            assert isinstance(status, str), r.indicator.ref
        else:
            assert status == r.status.value, r.indicator.ref
        assert computed[f"{col['Direction of Travel']}{row}"] == r.direction.value, r.indicator.ref
        ytd = computed[f"{col['Year to Date 2024/25']}{row}"]
        if "mixed scales" in r.problem:
            # one cell's KPI_YTD cannot see that the row mixes 83 with 90.2%; the row does
            assert r.ytd is None and isinstance(ytd, float), r.indicator.ref
        elif r.ytd is None:
            assert ytd in ("#N/A", "", None), r.indicator.ref
        else:
            assert ytd == pytest.approx(r.ytd, rel=1e-12), r.indicator.ref
