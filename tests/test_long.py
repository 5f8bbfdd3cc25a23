"""Long tables, periods as rows and organisations as rows, read into the same tracker model;
benchmark positions; CSV files; the side file of indicator information; and the messages
when a table cannot be read. Small tables written here, each shaped like a real export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kpixl.cli import main
from kpixl.core.benchmark import Comparison, Peers, describe, position
from kpixl.core.config import conf_from_toml
from kpixl.core.errors import BadConfig, NoTableFound
from kpixl.core.layout import tracker_from_sheets
from kpixl.core.long import MANY_ROWS
from kpixl.core.model import rate_tracker
from kpixl.core.periods import parse_period
from kpixl.core.polarity import Polarity
from kpixl.core.rules import Status
from kpixl.core.scan import SheetData
from kpixl.core.tables import build_pack
from kpixl.reader import read_csv, read_tracker

LONG = [
    ["Code", "Measure name", "Month", "Value", "Target", "Polarity", "RAG"],
    ["H2", "Homes let", "May-24", 30, 25, "Higher is better", "G"],
    ["H1", "Days to re-let", "Jun-24", 31, 28, "Lower is better", "R"],
    ["H1", "Days to re-let", "Apr-24", 27, 28, "Lower is better", "G"],
    ["H2", "Homes let", "Apr-24", 20, 25, "Higher is better", "R"],
    ["H1", "Days to re-let", "May-24", 29, 28, "Lower is better", "A"],
]


def _read(rows, toml: dict | None = None, name: str = "export"):
    conf = conf_from_toml(toml or {})
    return tracker_from_sheets({name: SheetData(name, rows)}, overrides=conf, source=name)


def test_a_long_table_is_seen_and_pivoted_by_period():
    t = _read(LONG)
    assert [p.label for p in t.periods] == ["Apr-24", "May-24", "Jun-24"]
    by_ref = {i.ref: i for i in t.indicators}
    assert by_ref["H1"].values == (27, 29, 31)  # ordered by period, not by row
    assert by_ref["H2"].values == (20, 30, None)  # no June row: no June figure
    ratings = {r.indicator.ref: r for r in rate_tracker(t)}
    # each is rated at its own latest period: H2's May, not a June it never reported
    assert (ratings["H1"].at.label, ratings["H1"].own_status) == ("Jun-24", Status.RED)
    assert (ratings["H2"].at.label, ratings["H2"].own_status) == ("May-24", Status.GREEN)
    assert ratings["H2"].indicator.name == "Homes let"
    # the stated RAG is the latest row's, so kpixl check compares like with like
    assert all(r.own_status is r.stated for r in ratings.values())
    assert str(ratings["H1"].direction) == "↑R"  # 29 -> 31 days, lower is better


def test_the_same_table_stated_in_kpixl_toml_reads_the_same():
    stated = _read(LONG, {"table": {"shape": "long", "key": "Code", "period": "Month"}})
    assert stated.indicators == _read(LONG).indicators


def test_several_organisations_need_a_choice_and_the_message_gives_both():
    rows = [["org_code", "planning_ref", "dimension_name", "latest_position", "goal"]]
    rows += [[org, "E.B.27", "Oct-24", v, 77] for org, v in (("R1F", 66.8), ("RYE", 80.0))]
    with pytest.raises(NoTableFound) as e:
        _read(rows)
    msg = str(e.value)
    assert re.search(r"\b1 indicators?\b", msg), msg
    assert "2 organisations" in msg
    assert 'organisation = "R1F"' in msg and 'key = ["org_code", "planning_ref"]' in msg
    t = _read(rows, {"table": {"key": ["org_code", "planning_ref"]}})
    assert [(i.directorate, i.ref, i.values) for i in t.indicators] == [
        ("R1F", "E.B.27", (66.8,)),
        ("RYE", "E.B.27", (80.0,)),
    ]


BENCH = [
    ["Code", "LocalAuthority", "Year", "Value", "Scotland_Indicator", "FG_Avg_Num", "FamilyGroup"],
    ["C1", "Angus", "2022-23", 5.0, 6.0, 100, "Rural"],
    ["C1", "Fife", "2022-23", 7.0, 6.0, 100, "Urban"],
    ["C1", "Moray", "2022-23", 4.0, 6.0, 100, "Rural"],
    ["C1", "Angus", "2021-22", 3.0, 5.0, 100, "Rural"],
    ["C1", "Fife", "2021-22", 2.0, 5.0, 100, "Urban"],
    ["C1", "Perth & Kinross", "2022-23", 9.0, 6.0, 100, "Rural"],
    ["C2", "Angus", "2022-23", 0.8, 0.7, 10, "Rural"],
]


def test_one_organisation_among_the_others_rank_quartile_and_averages():
    t = _read(
        BENCH, {"benchmark": {"organisation": "angus"}, "indicators": {"C1": {"polarity": "Lower"}}}
    )
    assert [i.ref for i in t.indicators] == ["C1", "C2"]  # Angus's indicators only
    assert t.settings.council == "Angus"
    c1 = t.indicators[0]
    assert c1.values == (3.0, 5.0)
    assert isinstance(c1.benchmark, Comparison)
    peers = c1.benchmark.at(parse_period("2022-23"))
    assert sorted(peers.values) == [4.0, 5.0, 7.0, 9.0]  # every council's, Angus's too
    assert peers.averages == (("Scotland", 6.0),)  # a count column is no average
    # lower is better: 5.0 is second of four
    pack = build_pack(t, rate_tracker(t), produced="today")
    keys = [c.key for c in pack.tables[0].columns]
    cells = {
        r.rating.indicator.ref: r.cells[keys.index("benchmark")]
        for r in pack.tables[0].rows
        if r.rating
    }
    assert cells["C1"].value == "2nd of 4 (2nd quartile); Scotland 6"
    # C2 has no polarity: ranked on the default, and the pack says so
    assert cells["C2"].value == "1st of 1, ranked higher is better; Scotland 0.7"
    # an organisation the table does not hold is named, with the nearest names
    with pytest.raises(NoTableFound, match="Perth & Kinross"):
        _read(BENCH, {"benchmark": {"organisation": "Perth and Kinros"}})


@pytest.mark.parametrize(
    ("value", "polarity", "expected"),
    [
        (5.0, Polarity.HIGHER, (3, 4, 3)),
        (5.0, Polarity.LOWER, (2, 4, 2)),
        (9.0, Polarity.HIGHER, (1, 4, 1)),
        (1.0, Polarity.HIGHER, (4, 4, 4)),
        (5.0, Polarity.NONE, (None, 4, None)),
    ],
)
def test_positions(value, polarity, expected):
    got = position(value, [9.0, 5.0, 1.0, 6.0], polarity)
    assert (got.rank, got.of, got.quartile) == expected


def test_ties_share_the_better_rank_and_quartiles_fall_eight_to_32():
    values = [float(v) for v in range(1, 33)]
    assert [position(v, values, Polarity.HIGHER).quartile for v in (32.0, 25.0, 24.0, 1.0)] == [
        1,
        1,
        2,
        4,
    ]
    assert position(5.0, [5.0, 5.0, 3.0], Polarity.HIGHER).rank == 1
    c = Comparison("X", (Peers(parse_period("2023/24"), 5.0, (5.0, 5.0, 3.0)),))
    # a benchmark a year behind the period rated says which year it is
    assert describe(c, parse_period("2024/25"), Polarity.HIGHER, str).startswith("2023/24: 1st")


def test_periods_as_rows():
    rows = [
        ["period", "proportion_paid_on_time", "number_not_paid_on_time", "note"],
        ["2021/22", 95.23, 1298, "audited"],
        ["2022/23", 96.43, 1143, ""],
    ]
    t = _read(rows)
    assert [p.label for p in t.periods] == ["2021/22", "2022/23"]
    assert [(i.ref, i.name, i.values) for i in t.indicators] == [
        ("proportion_paid_on_time", "Proportion paid on time", (95.23, 96.43)),
        ("number_not_paid_on_time", "Number not paid on time", (1298, 1143)),
    ]
    assert t.unmapped == ("note",)
    assert {r.status for r in rate_tracker(t)} == {Status.TRACKING}  # no targets


ORGS = [
    ["Title row of the publication"],
    [
        "Landlord name",
        "Landlord code",
        "Satisfied overall (TP01)4",
        "Satisfied (TP01) - Phone",
        "Repairs (TP02)",
    ],
    ["Adur District Council", "45UB", 70.0, 71.0, "[X]"],
    ["Bolton at Home", "L0001", 80.0, 79.0, 75.0],
    ["Camden Council", "00AG", 60.0, "[S]", 65.0],
]


def test_organisations_as_rows_need_the_organisation_and_the_period():
    with pytest.raises(NoTableFound, match='organisation = "Adur District Council"'):
        _read(ORGS)
    with pytest.raises(NoTableFound, match='period = "2024/25"'):
        _read(ORGS, {"benchmark": {"organisation": "00AG"}})
    t = _read(ORGS, {"benchmark": {"organisation": "00AG", "period": "2024/25"}})
    # the first column of each code is the measure; its code is the reference
    assert [(i.ref, i.name, i.values) for i in t.indicators] == [
        ("TP01", "Satisfied overall", (60.0,)),
        ("TP02", "Repairs", (65.0,)),
    ]
    tp02 = t.indicators[1].benchmark.peers[0]
    assert (tp02.value, sorted(tp02.values)) == (65.0, [65.0, 75.0])  # [X] left out


def test_a_key_heading_the_table_lacks_is_named():
    with pytest.raises(NoTableFound, match='key names "Measure Code"') as e:
        _read(LONG, {"table": {"shape": "long", "key": "Measure Code"}})
    assert '"Code"' in str(e.value)  # and the headings it has


def test_a_long_table_without_figures_says_which_column_to_map():
    rows = [["Code", "Period", "LA_IndicatorReal"], ["C1", "2022-23", 4.2], ["C1", "2023-24", 4.4]]
    with pytest.raises(NoTableFound) as e:
        _read(rows)
    assert '"LA_IndicatorReal" = "actual"' in str(e.value)
    t = _read(rows, {"columns": {"LA_IndicatorReal": "actual"}})
    assert t.indicators[0].values == (4.2, 4.4)


def test_a_stated_shape_no_sheet_has_lists_what_each_sheet_holds():
    rows = [["Ref", "Indicator", "Target", "Apr-24"], ["A1", "Calls", 10, 12]]
    with pytest.raises(NoTableFound) as e:
        _read(rows, {"table": {"shape": "organisations"}})
    assert 'shape = "organisations"' in str(e.value) and '"Indicator" = name' in str(e.value)
    with pytest.raises(BadConfig, match="shape"):
        _read(rows, {"table": {"shape": "diagonal"}})


def test_thousands_of_one_value_rows_are_refused_but_a_big_tracker_is_not():
    header = ["Code", "Local Authority", "Year", "Value"]
    rows = [header] + [
        [f"C{i % 50}", f"Council {i // 50}", "2022-23", float(i)] for i in range(MANY_ROWS + 200)
    ]
    with pytest.raises(NoTableFound) as e:
        _read(rows, {"table": {"shape": "wide"}, "columns": {"Code": "name"}})
    msg = str(e.value)
    assert f"{MANY_ROWS + 200:,} indicators" in msg and "long table" in msg
    assert 'key = ["Code"]' in msg and 'period = "Year"' in msg and '"Value" = "actual"' in msg
    # a tracker of as many distinct indicators, each with its month, is read
    big = [["Ref", "Indicator", "Target", "Apr-24"]] + [
        [f"K{i}", f"Indicator {i}", 10, i] for i in range(MANY_ROWS + 200)
    ]
    assert len(_read(big).indicators) == MANY_ROWS + 200


# --- CSV files as exported ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Code,Name,Year,Value\nC1,Cost per visit £,2022/23,4.5\n".encode(), "utf-8"),
        ("\ufeffCode,Name,Year,Value\nC1,Cost per visit £,2022/23,4.5\n".encode(), "utf-8 BOM"),
        ("Code;Name;Year;Value\r\nC1;Cost per visit £;2022/23;4.5\r\n".encode("cp1252"), "1252"),
        ("Code\tName\tYear\tValue\nC1\tCost per visit £\t2022/23\t4.5\n".encode(), "tab"),
    ],
)
def test_csv_in_the_encodings_and_delimiters_exports_use(tmp_path, data, encoding):
    p = tmp_path / "export.csv"
    p.write_bytes(data)
    assert read_csv(p).rows == [
        ["Code", "Name", "Year", "Value"],
        ["C1", "Cost per visit £", "2022/23", 4.5],
    ], encoding


def test_csv_cells_codes_stay_text_numbers_become_numbers(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text('a,b,c,d,e\n007,"1,234",-2.5e3,NA,\n', "utf-8")
    assert read_csv(p).rows[1] == ["007", "1,234", -2500.0, "NA", None]


# --- the side file of indicator information -----------------------------------------------


def _export(tmp_path: Path) -> Path:
    p = tmp_path / "export.csv"
    p.write_text(
        "Code,Year,Value\nENV06,2021-22,0.24\nENV06,2022-23,0.26\nC&L02,2022-23,4.0\n"
        "C&L02,2021-22,4.5\n",
        "utf-8",
    )
    (tmp_path / "info.csv").write_text(
        "\ufeffTitle,Code,Ranking_Type,NumberFormat\n"
        '"% of Household Waste Recycled",ENV06,Descending,0.0%\n'
        "Cost per Library Visit,C&L02,Ascending,'£ '0.00\n",
        "utf-8",
    )
    return p


def test_names_polarity_and_unit_from_a_side_file(tmp_path, capsys):
    p = _export(tmp_path)
    (tmp_path / "kpixl.toml").write_text('[info]\nfile = "info.csv"\n', "utf-8")
    t = read_tracker(p)
    by_ref = {i.ref: i for i in t.indicators}
    assert (by_ref["ENV06"].name, by_ref["ENV06"].polarity, by_ref["ENV06"].unit) == (
        "% of Household Waste Recycled",
        "Descending",
        "%",
    )
    ratings = {r.indicator.ref: r for r in rate_tracker(t)}
    assert ratings["C&L02"].polarity is Polarity.LOWER  # Ascending: lower is better
    assert str(ratings["C&L02"].direction) == "↓G"  # 4.5 -> 4.0, cheaper
    assert str(ratings["ENV06"].direction) == "↑G"
    assert any('by "Code") for 2 of 2' in n for n in t.notices)
    assert main(["rate", str(p), "--format", "json"]) == 0
    assert {r["ref"]: r["unit"] for r in json.loads(capsys.readouterr().out)} == {
        "ENV06": "%",
        "C&L02": "£",
    }


def test_a_side_file_that_cannot_be_joined_says_why(tmp_path, capsys):
    p = _export(tmp_path)
    (tmp_path / "kpixl.toml").write_text('[info]\nfile = "info.csv"\nkey = "Indicator"\n', "utf-8")
    assert main(["rate", str(p)]) == 8
    assert 'key = "Indicator" is no heading' in capsys.readouterr().err
    (tmp_path / "kpixl.toml").write_text('[info]\nfile = "missing.csv"\n', "utf-8")
    assert main(["rate", str(p)]) == 8
    assert '[info] file = "missing.csv": no such file' in capsys.readouterr().err
    (tmp_path / "kpixl.toml").write_text('[benchmark]\norganisation = "X"\nrank = 1\n', "utf-8")
    assert main(["rate", str(p)]) == 8
    assert '[benchmark] "rank": unknown' in capsys.readouterr().err
