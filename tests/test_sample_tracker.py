"""The bundled tracker: generated from its readable source, formulas with cached values."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kpixl.evaluate import evaluate_workbook
from kpixl.samples import build_tracker, load_source

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"


def test_source_is_a_tracker_a_council_would_recognise():
    rows, conf = load_source()
    assert len(rows) >= 60
    assert len({r["Committee"] for r in rows}) >= 5
    assert len({r["Ref No."] for r in rows}) == len(rows)
    assert set(conf["committees"]) == {r["Committee"] for r in rows}
    refs = {r["Ref No."] for r in rows}
    assert {"STP15", "AFL13", "BBF02", "KI 4", "HME01"} <= refs  # 004, 001 and 000 rows
    assert any(r["Target"].startswith("No target") for r in rows)  # tracking indicators
    assert any(r["Target"] in ("TBC", "Target under review") for r in rows)
    assert sum(" out of " in r["Mar-25"] for r in rows) >= 20  # numerators, denominators
    assert any(r["Mar-25"] in ("TBC", "") for r in rows)  # missing data


def test_committed_tracker_is_what_the_source_builds(tmp_path):
    fresh = build_tracker(tmp_path / "t.xlsx")

    def cells(path):
        wb = openpyxl.load_workbook(path)
        out = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}
        wb.close()
        return out

    assert cells(fresh) == cells(TRACKER), "rebuild it: make sample"


@pytest.fixture(scope="module")
def computed():
    return evaluate_workbook(TRACKER)


def test_cached_values_are_what_the_formulas_compute(computed):
    wb = openpyxl.load_workbook(TRACKER)
    cached = openpyxl.load_workbook(TRACKER, data_only=True)
    checked = 0
    for row in wb["KPI Tracker"].iter_rows():
        for cell in row:
            if cell.data_type == "f":
                assert cell.value.startswith(("=KPI_RAG(", "=KPI_DOT(", "=KPI_YTD("))
                want = cached["KPI Tracker"][cell.coordinate].value
                got = computed[("KPI TRACKER", cell.coordinate)]
                if isinstance(want, float):
                    assert got == pytest.approx(want, rel=1e-12), cell.coordinate
                else:
                    assert got == want, cell.coordinate
                checked += 1
    assert checked == 3 * 101
