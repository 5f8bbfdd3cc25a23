"""Rating a tracker for its reporting period: which value, which comparison, which target."""

from __future__ import annotations

import pytest

import kpixl
from kpixl.core.model import Indicator, Tracker, rate_tracker
from kpixl.core.periods import parse_period
from kpixl.core.scheme import Settings

MONTHS = tuple(parse_period(m) for m in ("Apr-24", "May-24", "Jun-24", "Jul-24"))


def _rate(settings: Settings | None = None, **fields):
    base = {
        "row": 7,
        "ref": "X1",
        "polarity": "Higher is better",
        "target": "90%",
        "values": ("88%", "91%", "95%", "93%"),
    }
    base.update(fields)
    tracker = Tracker(
        periods=MONTHS, indicators=[Indicator(**base)], settings=settings or Settings()
    )
    return rate_tracker(tracker)[0]


def test_latest_period_with_data_and_the_one_before():
    r = _rate()
    assert (MONTHS[r.period].label, str(r.status), str(r.direction)) == ("Jul-24", "Green", "↓A")
    assert r.previous_label == "Jun-24"


def test_the_settings_name_the_reporting_period():
    r = _rate(Settings().updated(reporting_period="May-24"))
    assert r.value.value == 0.91 and str(r.direction) == "↑G"
    with pytest.raises(kpixl.KpixlError, match='no column headed "Sep-24"'):
        _rate(Settings().updated(reporting_period="Sep-24"))


def test_same_period_last_year_where_the_settings_say_so():
    r = _rate(Settings().updated(compare_with="last year"), last_year=("80%", "85%", "90%", "97%"))
    assert r.previous.value == 0.97 and r.previous_label == "same period last year"
    assert str(r.direction) == "↓A"  # 93% after 97%: worse, but on target


def test_quarterly_row_in_a_monthly_tracker():
    r = _rate(
        frequency="Quarterly",
        target="15 per quarter",
        values=(None, None, 14, None),
        polarity="Higher is better",
        tolerance="2 abs",
    )
    assert MONTHS[r.period].label == "Jun-24"  # July has no figure: the June quarter reports
    assert r.target == 15 and str(r.status) == "Amber"


def test_additive_target_split_by_period_and_ytd():
    r = _rate(target="252 (21 per month)", values=(30, 21, 24, 24), method="sum", tolerance="18-21")
    assert r.target == 21 and r.ytd == 99 and str(r.status) == "Green"


def test_a_problem_blanks_only_what_depends_on_it():
    r = _rate(tolerance="85-")
    assert r.status is None and r.problem.startswith("Check tolerance")
    assert str(r.direction) == "↓A" and r.ytd is not None


def test_status_codes_on_request(tmp_path):
    from pathlib import Path

    import openpyxl

    from kpixl.committee import make_pack

    tracker = Path(__file__).resolve().parents[1] / "workbooks" / "sample_tracker.xlsx"
    result = make_pack(tracker, tmp_path / "codes.xlsx", status_codes=True)
    ws = openpyxl.load_workbook(result.xlsx)["Housing & Communities OSC"]
    statuses = {row[12].value for row in ws.iter_rows(min_row=7) if row[0].value == "AFL13"}
    assert statuses == {"G"}
