"""Councils' rating schemes, stated once, from their own published rules.

Bracknell Forest: "Green: within 5% of target; Amber: between 5% and 10%; Red: more than 10%
from target". Cheshire West prints a tolerance of 1.00% on a 7.50% target, lower is better:
one percentage point. Pentana's "Goldilocks" and Camms' "Goal Post" measures are in range;
002's budget lines are variances around 0. Camms offers levels beyond Green. The arrows follow
004's key, the better/same/worse style of Northumberland, Bracknell Forest and Rotherham, and
004's Children's Trust key (improved or declined, whatever the polarity).
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

import kpixl
from kpixl import Scheme, cli, direction, rag
from kpixl.committee import make_pack
from kpixl.pack import FIRST_TABLE_ROW

BRACKNELL = Scheme().updated(green_within="5%", default_tolerance="10%")

# (share of the target missed by, status): 5% and 10% are inclusive, as "within" says
BRACKNELL_EDGES = [(0.0, "Green"), (0.049, "Green"), (0.05, "Green"), (0.051, "Amber"),
                   (0.10, "Amber"), (0.101, "Red"), (0.5, "Red")]  # fmt: skip


@pytest.mark.parametrize("polarity", ["Higher is better", "Lower is better"])
@pytest.mark.parametrize(("miss", "status"), BRACKNELL_EDGES)
@pytest.mark.parametrize("target", [200.0, 0.85, 12.5])
def test_bracknell_forest_boundaries(polarity, miss, status, target):
    actual = target * (1 - miss) if polarity.startswith("Higher") else target * (1 + miss)
    assert rag(actual, target, polarity, scheme=BRACKNELL).value == status


@pytest.mark.parametrize(
    ("actual", "polarity", "status"),
    [
        (0.0, "Higher is better", "Green"),
        (0.0, "Lower is better", "Green"),
        (1.0, "Higher is better", "Green"),  # better than a target of 0
        (-1.0, "Higher is better", "Red"),  # 5% of 0 is 0: any miss of 0 is beyond it
        (-1.0, "Lower is better", "Green"),
        (1.0, "Lower is better", "Red"),
    ],
)
def test_bracknell_forest_target_of_zero(actual, polarity, status):
    assert rag(actual, 0.0, polarity, scheme=BRACKNELL).value == status


def _tracker(path: Path, rows: list[tuple[object, ...]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Ref", "Indicator", "Polarity", "Target", "Apr 2024", "May 2024"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_bracknell_forest_rule_stated_once_rates_a_whole_tracker(tmp_path):
    # the rule in kpixl.toml, no tolerance on any row: every row rated by it
    rows = []
    want = {}
    for i, (miss, status) in enumerate(BRACKNELL_EDGES):
        for pol in ("Higher is better", "Lower is better"):
            ref = f"B{i}{pol[0]}"
            actual = 80 * (1 - miss) if pol[0] == "H" else 80 * (1 + miss)
            rows.append((ref, f"Measure {ref}", pol, 80, 80, actual))
            want[ref] = status
    _tracker(tmp_path / "tracker.xlsx", rows)
    (tmp_path / "kpixl.toml").write_text(
        "# Bracknell Forest: Green within 5% of target, Amber 5% to 10%, Red beyond 10%\n"
        'green_within = "5%"\ndefault_tolerance = "10%"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["rate", str(tmp_path / "tracker.xlsx"), "--format", "json"]) == 0
    got = {r["ref"]: r["status"] for r in json.loads(out.getvalue())}
    assert got == want
    # and the pack's key says so, in the scheme's own words
    pack = make_pack(tmp_path / "tracker.xlsx", tmp_path / "pack.xlsx").pack
    assert pack.scheme_words[0] == (
        "Green: at target or missed by up to 5% of the target. Amber: missed by more than 5% "
        "and up to 10% of the target. Red: missed by more than 10% of the target."
    )
    ws = openpyxl.load_workbook(tmp_path / "pack.xlsx").worksheets[0]
    key = [str(c.value) for row in ws.iter_rows(max_row=FIRST_TABLE_ROW - 1) for c in row]
    assert " ".join(pack.scheme_words) in key


def test_cheshire_west_points():
    # 1.00% on a 7.50% target, lower is better: Amber to 8.50%, Red beyond
    points = Scheme().updated(percent_tolerance="points")
    seen = [rag(a, "7.50%", "Lower is better", "1.00%", scheme=points).value
            for a in ("7.40%", "7.50%", "8.40%", "8.50%", "8.51%")]  # fmt: skip
    assert seen == ["Green", "Green", "Amber", "Amber", "Red"]
    # read relatively (004's key, the default) the same 1% is 0.075 points
    assert rag("7.6%", "7.50%", "Lower is better", "1.00%").value == "Red"
    assert rag("7.55%", "7.50%", "Lower is better", "1.00%").value == "Amber"
    assert "percentage points" in " ".join(points.describe())


@pytest.mark.parametrize("polarity", ["In range", "Goldilocks", "Two-sided"])
def test_in_range_band_a_miss_either_way_counts(polarity):
    # Green inside the band; Amber within the default 5% of the target beyond it; Red beyond
    seen = [rag(a, "50%", polarity, "45% - 55%").value
            for a in (0.50, 0.45, 0.55, 0.44, 0.56, 0.42, 0.58)]  # fmt: skip
    assert seen == ["Green", "Green", "Green", "Amber", "Amber", "Red", "Red"]


def test_budget_variance_around_zero():
    # 002: a variance of 0 is the target; an overspend and an underspend beyond the band
    # both miss, and with a target of 0 there is no relative amber
    seen = [rag(a, 0, "In range", "+/- 2").value for a in (0, 1.9, -2, 2, 2.5, -2.5)]
    assert seen == ["Green", "Green", "Green", "Green", "Red", "Red"]


def test_exceeded_is_off_by_default_and_a_level_when_set():
    assert rag(150, 100, "higher").value == "Green"
    e = Scheme().updated(exceed_by="10%")
    assert [rag(a, 100, "higher", scheme=e).value for a in (100, 110, 110.5, 96)] == [
        "Green",
        "Green",  # exactly 10% better: not beyond the level
        "Exceeded",
        "Amber",
    ]
    assert [rag(a, 100, "lower", scheme=e).value for a in (90, 89.5)] == ["Green", "Exceeded"]
    assert "Exceeded: better than target by more than 10%" in e.describe()[0]


ARROW_ROWS = [
    # current, previous, polarity, target: BBF02 4.2% worse but within; AFL21 7% worse
    ("91.6%", "95.6%", "Higher is better", "90%"),
    ("9.1%", "9.8%", "Higher is better", "15%"),
    (20, 10, "Lower is better", None),
    (10, 20, "Lower is better", None),
    (5, 5, "Higher is better", None),
]


@pytest.mark.parametrize(
    ("style", "arrows"),
    [
        ("acceptable", ["↓A", "↓R", "↑R", "↓G", "→"]),  # 004's key
        ("better_same_worse", ["↓R", "↓R", "↑R", "↓G", "→"]),  # no amber
        ("improved_declined", ["↓A", "↓A", "↓A", "↑G", "→"]),  # 004's Children's Trust key
    ],
)
def test_direction_styles(style, arrows):
    s = Scheme().updated(direction_style=style)
    assert [direction(*row, scheme=s).value for row in ARROW_ROWS] == arrows


def test_long_trend_against_the_mean_of_the_last_periods():
    s = Scheme().updated(long_trend=3)
    from kpixl.core.rules import trend

    assert trend(12.0, [10.0, 11.0, 9.0], kpixl.Polarity.HIGHER, s).value == "↑G"
    assert trend(9.0, [10.0, 11.0, 9.0], kpixl.Polarity.HIGHER, s).value == "↓R"
    assert trend(9.0, [10.0, 11.0], kpixl.Polarity.HIGHER, s).value == "n/a"  # too few
    assert "mean of the last 3 periods" in " ".join(s.describe())


def test_a_scheme_describes_itself_from_its_fields():
    default = Scheme().describe()
    assert default[0] == (
        "Green: at or better than target. Amber: missed by up to 5% of the target. "
        "Red: missed by more than 5% of the target."
    )
    assert Scheme().updated(default_tolerance="10%").describe()[0] == default[0].replace(
        "5%", "10%"
    )
    arrows = Scheme().updated(acceptable_range="10%").describe()[-1]
    assert "within 10% of the last period" in arrows
    assert Scheme() == Scheme() and hash(Scheme()) == hash(Scheme())  # a value, not a cache
