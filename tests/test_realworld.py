"""Real files as public bodies publish them (../shared/realworld, none written for kpixl):
each is read as published, with at most a few kpixl.toml lines, and where a file states its
own status kpixl's rating is compared with it. Every agreement is computed here from the
file, never copied; where kpixl's rating differs, the test names the row and why."""

from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpixl.cli import main
from kpixl.core.benchmark import Comparison, ordinal, position
from kpixl.core.checks import Reason, check_tracker
from kpixl.core.model import rate_tracker
from kpixl.core.polarity import Polarity
from kpixl.core.rules import Status
from kpixl.core.tables import build_pack
from kpixl.reader import read_tracker
from tests.conftest import IN_CI

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
HART = REAL / "hart_dc_kpi_tiles_q2_2014-15.xlsx"
NHS_OP = REAL / "nhse_se_Operational_priorities.csv"
NHS_BSC = REAL / "nhse_se_balanced_scorecard_2.csv"
NHS_LOOKUP = REAL / "nhse_se_measure_lookup_final.csv"
LGBF = REAL / "is_lgbf_ScotDataReal_ISSpatialHub.csv"
LGBF_INFO = REAL / "sctpp_lgbf_Indicator_Information.csv"
TRAFFORD = REAL / "trafford_prompt_payment.csv"
RSH = REAL / "rsh_2025_TSM_Full_Data_v1.0.xlsx"


@pytest.fixture(autouse=True)
def _real_files() -> None:
    if REAL.is_dir():
        return
    if IN_CI:
        pytest.fail(f"{REAL} is missing; the real-file tests need ../shared/realworld")
    pytest.skip(f"the real files are not here ({REAL} is absent)")


def _toml(tmp_path: Path, text: str, most: int | None = 5) -> Path:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    if most is not None:
        assert len(lines) <= most, f"a kpixl.toml of {len(lines)} lines; at most {most}"
    p = tmp_path / "kpixl.toml"
    p.write_text("\n".join(lines) + "\n", "utf-8")
    return p


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- Hart District Council's KPI tiles ------------------------------------------------------

# The periods the dashboard's Previous and Current columns are (its Q1 and Q2 2014/15), and
# the polarity of the rows whose name says lower is better or that Hart shows as Info only.
HART_TOML = """
[columns]
"Previous" = "Q1 2014/15"
"Current" = "Q2 2014/15"
[indicators]
ETS01 = { polarity = "Lower is better" }
HR11 = { polarity = "Lower is better" }
HS01 = { polarity = "Lower is better" }
RB07 = { polarity = "Lower is better" }
RB08 = { polarity = "Lower is better" }
RB09 = { polarity = "none" }
SNH03 = { polarity = "none" }
SNH04 = { polarity = "none" }
SNH06 = { polarity = "none" }
"""
# Where kpixl's own rating differs from Hart's Status, and why.
HART_DIFFERENCES = {
    # a 0 standing for "not reported" (Hart keeps its tile's colour; the note on ETS01 says
    # its Q1 figures "have yet to be agreed"): kpixl rates the 0 as written
    "ETS01": "0 missed collections, lower is better: Green by the rules; Hart Red",
    "IT06": "0% uptime: Red by the rules; Hart Green",
    "PS05": "0% of applications: Red by the rules; Hart Green",
    # a profiled target: Hart rates against its own profile to date, which the file lacks
    "HS08": "(Values are cumulative): kpixl halves the 50% for Q2 and rates 25% Green; Hart Red",
    "HS16": "40 homes for the year: kpixl rates Q2's 28 against 40, Red; Hart Green",
    # exactly on target, which the rules count as met; Hart shows Amber
    "FI06": "97% against 97%: Green by the rules (on target is met); Hart Amber",
}
HART_ZERO_NOT_REPORTED = {"IT06", "PS05"}  # 0 between figures far from it: kpixl check says so


def _hart(tmp_path: Path):
    # Hart's file is read as it is: kpixl.toml says only which periods Previous and Current
    # are, and a polarity per indicator
    for line in HART_TOML.strip().splitlines():
        assert (
            line in ("[columns]", "[indicators]")
            or " = { polarity = " in line
            or (line.startswith(('"Previous" = ', '"Current" = ')))
        )
    _toml(tmp_path, HART_TOML, most=None)
    return read_tracker(HART, config=tmp_path / "kpixl.toml")


def test_hart_read_as_it_is_and_rated_as_hart_does_except_named_rows(tmp_path):
    t = _hart(tmp_path)
    assert len(t.indicators) == 45
    assert [p.label for p in t.periods] == ["Q1 2014/15", "Q2 2014/15"]
    ratings = rate_tracker(t)
    assert all(r.stated is not None for r in ratings)  # every Status read, Info only too
    differ = {r.indicator.ref: r.own_status for r in ratings if r.own_status is not r.stated}
    assert set(differ) == set(HART_DIFFERENCES)
    # and kpixl's own status is the one each reason states ("Green by the rules", "Red")
    for ref, why in HART_DIFFERENCES.items():
        own = differ[ref].value  # type: ignore[union-attr]
        assert f"{own} by the rules" in why or f"rates 25% {own}" in why or f", {own};" in why, (
            ref,
            own,
        )
    # the 0s kpixl's checker reports as perhaps "not reported"
    findings = check_tracker(t)
    zeros = {f.ref for f in findings if f.code is Reason.ZERO_NOT_REPORTED}
    assert zeros == HART_ZERO_NOT_REPORTED
    said = {f.ref for f in findings if f.code is Reason.STATUS_DIFFERS}
    assert said == set(HART_DIFFERENCES)  # kpixl check lists each difference
    # Hart's Info only tiles are Tracking, as kpixl rates them
    info = {r.indicator.ref for r in ratings if r.stated is Status.TRACKING}
    assert info == {"RB09", "SNH03", "SNH04", "SNH06"}


def test_hart_percentages_typed_as_whole_numbers_print_as_percentages(tmp_path):
    t = _hart(tmp_path)
    ratings = rate_tracker(t)
    pack = build_pack(t, ratings, produced="today")
    table = pack.tables[0]
    keys = [c.key for c in table.columns]
    row = next(r for r in table.rows if r.rating and r.rating.indicator.ref == "CS01")
    current = row.cells[keys.index(f"p{t.reporting_index()}")]
    assert (current.value, current.unit) == (pytest.approx(0.955), "%")  # 95.5%, not 9550%
    target = row.cells[keys.index("target")]
    assert (target.value, target.unit) == (pytest.approx(0.9), "%")


def test_hart_without_its_periods_says_which_headings_to_map(capsys):
    assert main(["rate", str(HART)]) == 7
    err = capsys.readouterr().err
    assert '"Previous", "Current"' in err and "[columns]" in err
    assert '"Previous" = "Q1 2024/25"' in err  # the lines to add, with its own headings


# --- NHS England's operational planning extracts -----------------------------------------

NHS_TOML = f"""
[table]
shape = "long"
key = ["org_code", "planning_ref"]
[info]
file = "{NHS_LOOKUP}"
"""


@pytest.mark.parametrize(
    ("path", "goal", "with_goal"), [(NHS_OP, "goal", 198), (NHS_BSC, "plan", 110)]
)
def test_nhs_statuses_match_rag_status_on_every_row_with_a_goal(tmp_path, path, goal, with_goal):
    _toml(tmp_path, NHS_TOML)
    t = read_tracker(path, config=tmp_path / "kpixl.toml")
    source = _rows(path)
    assert len(t.indicators) == len(source)  # one indicator per organisation and measure
    published = {(r["org_code"], r["planning_ref"]): r for r in source}
    letters = {Status.GREEN: "G", Status.AMBER: "A", Status.RED: "R"}
    compared = 0
    for r in rate_tracker(t):
        row = published[(r.indicator.directorate, r.indicator.ref)]
        if row[goal] in ("", "NA"):
            continue
        compared += 1
        assert r.own_status in letters, (r.indicator.ref, r.problem)
        assert letters[r.own_status] == row["rag_status"], (r.indicator.ref, row)
        assert r.at is not None and r.at.label == row["dimension_name"]  # its own month
    assert compared == with_goal
    # names from the measure lookup, joined by planning_ref
    lookup: dict[str, str] = {}
    for r in _rows(NHS_LOOKUP):  # the first row of each planning_ref that names it
        if r["measure_name"] not in ("", "NA"):
            lookup.setdefault(r["planning_ref"], " ".join(r["measure_name"].split()))
    named = [i for i in t.indicators if i.ref in lookup]
    assert named and all(i.name == lookup[i.ref] for i in named)


def test_nhs_without_kpixl_toml_says_what_to_add(capsys):
    assert main(["rate", str(NHS_OP)]) == 7
    err = capsys.readouterr().err
    assert "16 indicators" in err and "27 organisations" in err
    assert 'key = ["org_code", "planning_ref"]' in err and "[benchmark]" in err


# --- the Local Government Benchmarking Framework -----------------------------------------

LGBF_TOML = f"""
[columns]
"LA_IndicatorReal" = "actual"
[benchmark]
organisation = "Glasgow City"
[info]
file = "{LGBF_INFO}"
"""


@pytest.fixture(scope="module")
def lgbf_source() -> list[dict[str, str]]:
    return [r for r in _rows(LGBF) if r["Code"]]


def test_lgbf_is_one_councils_indicators_over_the_years(tmp_path, lgbf_source):
    _toml(tmp_path, LGBF_TOML, most=6)
    t = read_tracker(LGBF, config=tmp_path / "kpixl.toml")
    glasgow = [r for r in lgbf_source if r["LocalAuthority"] == "Glasgow City"]
    assert len(t.indicators) == len({r["Code"] for r in glasgow})  # not 35,466
    assert len(lgbf_source) == 35_466
    by_code = {i.ref: i for i in t.indicators}
    # every Glasgow figure is in its indicator, at its own year
    for r in glasgow:
        ind = by_code[r["Code"]]
        figures = {p.label: v for p, v in zip(t.periods, ind.values, strict=True)}
        figures.update({p.label: v for p, v in ind.extra})
        assert figures[r["Year"]] == pytest.approx(float(r["LA_IndicatorReal"]))
    # names and polarity from the indicator information file
    info = {r["Code"]: r for r in _rows(LGBF_INFO)}
    ratings = {r.indicator.ref: r for r in rate_tracker(t)}
    way = {"Ascending": Polarity.LOWER, "Descending": Polarity.HIGHER}
    for code, r in ratings.items():
        assert r.indicator.name == " ".join(info[code]["Title"].split())
        if info[code]["Ranking_Type"] in way:
            assert r.polarity is way[info[code]["Ranking_Type"]], code
        assert r.status is Status.TRACKING  # no targets
    assert t.settings.council == "Glasgow City"


def _benchmarks(t, ratings) -> dict[str, str]:
    """The pack's Benchmark cell of each indicator, by reference."""
    pack = build_pack(t, ratings, produced="today")
    out = {}
    for table in pack.tables:
        keys = [c.key for c in table.columns]
        for row in table.rows:
            if row.rating:
                out[row.rating.indicator.ref] = row.cells[keys.index("benchmark")].value
    return out


def _rank(values: list[float], mine: float, higher: bool) -> int:
    return 1 + sum(1 for v in values if (v > mine if higher else v < mine))


def test_lgbf_benchmarks_rank_quartile_and_averages(tmp_path, lgbf_source):
    _toml(tmp_path, LGBF_TOML, most=6)
    t = read_tracker(LGBF, config=tmp_path / "kpixl.toml")
    ratings = rate_tracker(t)
    shown = _benchmarks(t, ratings)
    info = {r["Code"]: r["Ranking_Type"] for r in _rows(LGBF_INFO)}
    checked = 0
    for r in ratings:
        code, year = r.indicator.ref, r.at.label
        if info[code] not in ("Ascending", "Descending"):
            assert "no better direction" in shown[code]
            continue
        same = [x for x in lgbf_source if x["Code"] == code and x["Year"] == year]
        values = [float(x["LA_IndicatorReal"]) for x in same if x["LA_IndicatorReal"]]
        mine = next(x for x in same if x["LocalAuthority"] == "Glasgow City")
        rank = _rank(values, float(mine["LA_IndicatorReal"]), info[code] == "Descending")
        quartile = math.ceil(4 * rank / len(values))
        assert shown[code].startswith(
            f"{ordinal(rank)} of {len(values)} ({ordinal(quartile)} quartile); Scotland "
        ), (code, shown[code])
        assert "Family group" in shown[code]
        comparison = r.indicator.benchmark
        assert isinstance(comparison, Comparison)
        peers = comparison.at(r.at)
        assert dict(peers.averages)["Scotland"] == pytest.approx(
            float(mine["Scotland_Indicator_Real"])
        )
        checked += 1
    assert checked >= 90


def test_lgbf_without_kpixl_toml_says_what_to_add(capsys):
    assert main(["rate", str(LGBF)]) == 7
    assert '"LA_IndicatorReal" = "actual"' in capsys.readouterr().err


def test_lgbf_read_as_a_tracker_is_refused_as_thousands_of_one_value_rows(tmp_path, capsys):
    toml = _toml(tmp_path, '[table]\nshape = "wide"\n[columns]\n"Code" = "name"')
    assert main(["pack", str(LGBF), "--config", str(toml), "-o", str(tmp_path)]) == 7
    err = capsys.readouterr().err
    assert "35,466 indicators" in err and "long table" in err
    assert 'shape = "long"' in err and 'period = "Year"' in err
    assert '"LA_IndicatorReal" = "actual"' in err
    assert not list(tmp_path.glob("*.xlsx"))  # no pack of nothing


# --- Trafford's prompt payment: periods as rows ------------------------------------------


def test_trafford_periods_as_rows_four_measures_rated_as_tracking():
    t = read_tracker(TRAFFORD)
    source = _rows(TRAFFORD)
    assert [p.label for p in t.periods] == [r["period"] for r in source]
    measures = [h for h in source[0] if h != "period"]
    assert [i.ref for i in t.indicators] == measures
    for ind in t.indicators:
        assert [float(v) for v in ind.values] == [float(r[ind.ref]) for r in source]
    ratings = rate_tracker(t)
    assert {r.status for r in ratings} == {Status.TRACKING}
    assert all(r.at == t.periods[-1] for r in ratings)
    assert ratings[0].indicator.name == "Proportion paid on time"


# --- the Regulator of Social Housing's Tenant Satisfaction Measures ----------------------

RSH_SHEET = "TSM25_LCRA_Perception"
LANDLORD = "Stockport Metropolitan Borough Council"


@pytest.fixture(scope="module")
def rsh_sheet() -> tuple[list[object], list[tuple[object, ...]]]:
    wb = load_workbook(RSH, read_only=True, data_only=True)
    rows = list(wb[RSH_SHEET].iter_rows(values_only=True))
    wb.close()
    header = next(i for i, r in enumerate(rows) if r[0] == "Landlord name")
    return list(rows[header]), [r for r in rows[header + 1 :] if r[0]]


def _tsm_columns(header: list[object]) -> dict[str, int]:
    """The first column headed with each satisfaction measure's code (TP01…TP12)."""
    out: dict[str, int] = {}
    for c, h in enumerate(header):
        for n in range(1, 13):
            code = f"TP{n:02d}"
            if isinstance(h, str) and h.rstrip("0123456789 ").endswith(f"({code})"):
                out.setdefault(code, c)
    return out


def _expected_position(header, body, code: str) -> tuple[float, int, int, int]:
    c = _tsm_columns(header)[code]
    values = [float(r[c]) for r in body if isinstance(r[c], (int, float))]
    mine = float(next(r[c] for r in body if r[0] == LANDLORD))
    rank = _rank(values, mine, higher=True)  # satisfaction: higher is better
    return mine, rank, len(values), math.ceil(4 * rank / len(values))


def test_housing_regulator_places_one_landlord_among_all(tmp_path, rsh_sheet):
    toml = f'[table]\nsheet = "{RSH_SHEET}"\nperiod = "2024/25"\n'
    toml += f'[benchmark]\norganisation = "{LANDLORD}"'
    _toml(tmp_path, toml)
    t = read_tracker(RSH, config=tmp_path / "kpixl.toml")
    assert [i.ref for i in t.indicators] == [f"TP{n:02d}" for n in range(1, 13)]
    header, body = rsh_sheet
    rated = rate_tracker(t)
    ratings = {r.indicator.ref: r for r in rated}
    shown = _benchmarks(t, rated)
    for code in ("TP01", "TP02", "TP09", "TP12"):
        mine, rank, n, quartile = _expected_position(header, body, code)
        r = ratings[code]
        assert r.value.value == pytest.approx(mine)
        assert r.status is Status.TRACKING  # no targets: where it stands is the news
        peers = r.indicator.benchmark.at(r.at)
        assert len(peers.values) == n  # [X] and other suppressed cells left out
        got = position(peers.value, peers.values, Polarity.HIGHER)
        assert (got.rank, got.of, got.quartile) == (rank, n, quartile)
        # no polarity is written: satisfaction ranks higher is better, and the pack says so
        assert shown[code] == (
            f"{ordinal(rank)} of {n} ({ordinal(quartile)} quartile), ranked higher is better"
        )


def test_housing_regulator_as_the_benchmark_file_of_a_councils_tracker(tmp_path, rsh_sheet):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Indicator", "Target", "2024/25"])
    ws.append(["TP01", "Tenants satisfied with the overall service", 0.9, 0.894])
    ws.append(["TP09", "Tenants satisfied with complaints handling", 0.6, 0.557])
    ws.append(["HB01", "Housing benefit claims in 20 days", 0.9, 0.95])
    for cell in ("C2", "D2", "C3", "D3", "C4", "D4"):
        ws[cell].number_format = "0.0%"
    wb.save(tmp_path / "tracker.xlsx")
    toml = f'[benchmark]\nfile = "{RSH}"\nsheet = "{RSH_SHEET}"\n'
    toml += f'organisation = "{LANDLORD}"\nperiod = "2024/25"'
    _toml(tmp_path, toml)
    t = read_tracker(tmp_path / "tracker.xlsx")
    assert any("Benchmarks from" in n and "2 of 3" in n for n in t.notices)
    ratings = rate_tracker(t)
    shown = _benchmarks(t, ratings)
    header, body = rsh_sheet
    for code in ("TP01", "TP09"):
        _, rank, n, quartile = _expected_position(header, body, code)
        assert shown[code] == f"{ordinal(rank)} of {n} ({ordinal(quartile)} quartile)"
    assert shown["HB01"] == ""
    assert [r.label for r in ratings] == ["Amber", "Red", "Green"]


def test_housing_regulator_without_kpixl_toml_says_what_to_add(capsys):
    assert main(["rate", str(RSH)]) == 7
    err = capsys.readouterr().err
    assert "organisations as rows" in err and "[benchmark]" in err and "organisation = " in err


# --- end to end: rate, check and pack ----------------------------------------------------


@pytest.mark.parametrize("which", ["hart", "nhs"])
def test_rate_check_and_pack_end_to_end(tmp_path, capsys, which):
    if which == "hart":
        path, config = HART, _toml(tmp_path, HART_TOML, most=None)
    else:
        path, config = NHS_OP, _toml(tmp_path, NHS_TOML)
    assert main(["rate", str(path), "--config", str(config), "--format", "json"]) == 0
    rated = json.loads(capsys.readouterr().out)
    assert len(rated) == (45 if which == "hart" else 198)
    assert main(["check", str(path), "--config", str(config)]) == 0
    checked = capsys.readouterr().out
    assert f"in {len(rated)} indicators" in checked
    out = tmp_path / "pack.xlsx"
    assert main(["pack", str(path), "--config", str(config), "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    wb = load_workbook(out, read_only=True)
    words: dict[str, int] = defaultdict(int)
    for ws in wb.worksheets:
        if ws.title in ("Summary", "Exceptions", "Trend data"):
            continue
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v in ("Green", "Amber", "Red", "Tracking"):
                    words[v] += 1
    wb.close()
    shown = defaultdict(int)
    for r in rated:
        shown[r["status"]] += 1
    for status in ("Green", "Amber", "Red"):
        assert words[status] == shown[status], status  # each row's status written once


@pytest.mark.parametrize("path", [NHS_LOOKUP, LGBF_INFO], ids=["nhs-lookup", "lgbf-info"])
def test_a_side_file_read_as_a_tracker_says_where_it_belongs(capsys, path):
    assert main(["rate", str(path)]) == 7
    err = capsys.readouterr().err
    assert "no column is a period" in err and '[info] file = "' in err
