"""Reading a tracker as the council means it: kpixl.toml per indicator, the default polarity,
the output for scripts, a data row that looks like a header, sub-measures from merged cells."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from kpixl.cli import main
from kpixl.core.layout import tracker_from_sheets
from kpixl.core.model import rate_tracker
from kpixl.core.scan import SheetData
from kpixl.core.scheme import Settings

HEADER = ["Ref", "Indicator", "Target", "Q1 2024/25", "Q2 2024/25"]


def _book(path: Path, rows: list[list[object]], percent: set[tuple[int, int]] = frozenset()):
    wb = Workbook()
    ws = wb.active
    ws.title = "KPIs"
    for r in rows:
        ws.append(r)
    for r, c in percent:
        ws.cell(r, c).number_format = "0.0%"
    wb.save(path)
    return path


def _rows(path: Path, capsys, *extra: str) -> dict[str, dict]:
    assert main(["rate", str(path), "--format", "json", *extra]) == 0
    return {r["ref"]: r for r in json.loads(capsys.readouterr().out)}


def test_kpixl_toml_states_one_indicators_polarity_target_tolerance_method(tmp_path, capsys):
    path = _book(
        tmp_path / "t.xlsx",
        [HEADER, ["V1", "Void rent loss", 0.04, 0.05, 0.045], ["C1", "Calls", "TBC", 10, 30]],
        {(2, 3), (2, 4), (2, 5)},
    )
    assert _rows(tmp_path / "t.xlsx", capsys)["V1"]["status"] == "Check data"  # "void"
    (tmp_path / "kpixl.toml").write_text(
        '[indicators."V1"]\npolarity = "Lower is better"\ntolerance = "10%"\n\n'
        '[indicators."C1"]\ntarget = "15 per quarter"\nmethod = "sum"\npolarity = "High"\n',
        "utf-8",
    )
    r = _rows(path, capsys)
    # 4.5% against 4%, lower is better, 10% of the target: Amber up to 4.4%, so Red
    assert (r["V1"]["status"], r["V1"]["arrow"]) == ("Red", "↓G")
    assert (r["C1"]["status"], r["C1"]["target"], r["C1"]["ytd"]) == ("Green", 15, 40)
    assert main(["check", str(path)]) == 0
    assert "V1" not in capsys.readouterr().out.split("Rated on")[0]  # no problem left


def test_a_toml_entry_that_cannot_be_read_says_where(tmp_path, capsys):
    path = _book(tmp_path / "t.xlsx", [HEADER, ["A1", "Calls", 10, 11, 12]])
    (tmp_path / "kpixl.toml").write_text('[indicators."A1"]\npolarity = "sideways"\n', "utf-8")
    assert main(["rate", str(path)]) == 8
    err = capsys.readouterr().err
    assert '[indicators."A1"] polarity: Check polarity: cannot read "sideways"' in err


def test_the_default_polarity_is_a_setting(tmp_path, capsys):
    path = _book(tmp_path / "t.xlsx", [HEADER, ["A1", "Calls waiting", 10, 9, 12]])
    assert _rows(path, capsys)["A1"]["status"] == "Green"  # higher is better: 12 against 10
    (tmp_path / "kpixl.toml").write_text('default_polarity = "Lower is better"\n', "utf-8")
    r = _rows(path, capsys)["A1"]
    assert (
        r["status"] == "Red"
        and "polarity: none given, so the default (lower is better)" in (r["basis"])
    )


def test_csv_for_scripts(tmp_path, capsys):
    path = _book(tmp_path / "t.xlsx", [HEADER, ["A1", "Calls", 0.9, 0.91, 0.95]], {(2, 3)})
    assert main(["rate", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["ref"], r["period"], r["status"], r["arrow"]) for r in rows] == [
        ("A1", "Q2 2024/25", "Green", "↑G")
    ]
    assert set(rows[0]) >= {"ref", "name", "period", "status", "arrow", "ytd", "problem"}


def test_a_repeated_header_must_look_like_the_first_and_a_data_row_never_becomes_one():
    rows = [
        ["Service", "Type", "Measure Name", "Target", "Q1 2024/25"],
        ["People", "KPI", "Turnover of staff", "15%", 0.04],
        # a data row with a name heading word, a "target" name and a period-like target
        [None, "KPI", "Average days lost per FTE - profiled target", "Q1 – 2.86 Q2 –2.88", 2.9],
        [None, "KPI", "Time to employ", "120 Days", 100],
    ]
    t = tracker_from_sheets({"S": rows})
    names = [i.name for i in t.indicators]
    assert names == [
        "Turnover of staff",
        "Average days lost per FTE - profiled target",
        "Time to employ",
    ]
    assert t.indicators[1].target == "Q1 – 2.86 Q2 –2.88"
    # a real repeat of the header (after a blank row) starts the next part of the table
    t = tracker_from_sheets({"S": [rows[0], rows[1], [], rows[0], rows[3]]})
    assert [i.name for i in t.indicators] == ["Turnover of staff", "Time to employ"]


def test_sub_measures_from_a_merged_parent():
    rows = [
        ["Ref No.", "Description", "June 2023/24", "July 2023/24", "Polarity", "Target"],
        [
            "STP31",
            "Defects responded to in time",
            "95.41%",
            "97.15%",
            "Higher is better",
            "P1 and P2 97.5% P3 and P4 90%",
        ],
        [None, "P1 (24 hours)", "100%", "100%", None, None],
        [None, "P3 (28 days)", "95.32%", "89%", None, None],
    ]
    merges = [(1, 0, 3, 0), (1, 4, 3, 4), (1, 5, 3, 5)]  # Ref, Polarity, Target merged down
    t = tracker_from_sheets({"S": SheetData("S", rows, merges=merges)})
    assert [(i.ref, i.parent, i.part) for i in t.indicators] == [
        ("STP31", "", ""),
        ("STP31 P1", "STP31", "P1"),
        ("STP31 P3", "STP31", "P3"),
    ]
    r = {x.indicator.ref: x for x in rate_tracker(t)}
    assert (r["STP31 P1"].target, str(r["STP31 P1"].status)) == (0.975, "Green")
    assert (r["STP31 P3"].target, str(r["STP31 P3"].status)) == (0.9, "Amber")  # 89% v 90%
    assert r["STP31"].status is None and not r["STP31"].problem  # rated by its parts
    assert r["STP31"].label == "See below"


def test_a_stated_status_is_shown_and_kpixls_can_win(capsys, tmp_path):
    path = _book(
        tmp_path / "t.xlsx",
        [[*HEADER, "RAG"], ["A1", "Calls", 0.9, 0.8, 0.88, "Red"]],
        {(2, 3), (2, 4), (2, 5)},
    )
    r = _rows(path, capsys)["A1"]
    assert (r["status"], r["kpixl_status"], r["stated_status"]) == ("Red", "Amber", "Red")
    (tmp_path / "kpixl.toml").write_text('stated_status = "kpixl"\n', "utf-8")
    assert _rows(path, capsys)["A1"]["status"] == "Amber"


@pytest.mark.parametrize(
    ("setting", "value"),
    [("default_polarity", "sideways"), ("stated_status", "mine"), ("direction_style", "up")],
)
def test_scheme_settings_say_how_to_write_them(setting, value):
    with pytest.raises(Exception, match=f"Check {setting.replace('_', ' ')}"):
        Settings().updated(**{setting: value})


def test_a_duration_or_an_average_is_never_summed_into_a_year_to_date():
    # Hart's RB07: 19.94 days to process a claim in each quarter is 19.94 days for the year
    from kpixl.core.model import Indicator, Tracker, rate_tracker
    from kpixl.core.periods import parse_period

    periods = (parse_period("Q1 2014/15"), parse_period("Q2 2014/15"))
    rows = [
        ("RB07", "Time taken to process Housing Benefit/Council Tax Benefit new claims.", 19.94),
        ("X1", "Average days to complete a repair", 6.0),
        ("X2", "Number of claims processed", 300.0),
    ]
    t = Tracker(
        periods=periods,
        indicators=[
            Indicator(
                row=i, ref=ref, name=name, target=23, polarity="Lower is better", values=(v, v)
            )
            for i, (ref, name, v) in enumerate(rows, 2)
        ],
    )
    ytd = {r.indicator.ref: (r.ytd, r.method) for r in rate_tracker(t)}
    assert ytd == {"RB07": (19.94, "mean"), "X1": (6.0, "mean"), "X2": (600.0, "sum")}
