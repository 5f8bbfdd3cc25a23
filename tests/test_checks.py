"""The tracker checker: each data problem of the add-in issue, found by row."""

from __future__ import annotations

from kpixl.cli import main
from kpixl.core.checks import Reason, check_tracker, findings_table
from kpixl.core.model import Indicator, Tracker
from kpixl.core.periods import parse_period
from kpixl.core.scheme import Settings

QUARTERS = tuple(parse_period(f"Q{q} 2024/25") for q in (1, 2))


def _codes(**fields) -> list[Reason]:
    base = {
        "row": 9,
        "ref": "X",
        "polarity": "Higher is better",
        "target": "90%",
        "values": ("91%", "92%"),
    }
    base.update(fields)
    settings = Settings().updated(reporting_period="Q2 2024/25")
    tracker = Tracker(periods=QUARTERS, indicators=[Indicator(**base)], settings=settings)
    return [f.code for f in check_tracker(tracker) if f.severity != "Note"]


def _notes(**fields) -> list[str]:
    base = {"row": 9, "ref": "X", "target": "90%", "values": ("91%", "92%")}
    base.update(fields)
    settings = Settings().updated(reporting_period="Q2 2024/25")
    tracker = Tracker(periods=QUARTERS, indicators=[Indicator(**base)], settings=settings)
    return [f.message for f in check_tracker(tracker) if f.severity == "Note"]


def test_a_clean_row_has_no_findings():
    assert _codes() == []


def test_mixed_scales_of_000_row_01():
    assert _codes(values=(83, "90.2%"), target="92%") == [Reason.MIXED_SCALES]
    assert _codes(values=(83, 90.2), target="92%") == [Reason.MIXED_SCALES]  # values on 0-100


def test_band_that_does_not_meet_the_target_004_bbf06():
    assert _codes(target="85%", tolerance="85% - 95%", values=("95%", "92.7%")) == [
        Reason.BAND_OFF_TARGET
    ]
    assert _codes(
        target="29%", polarity="Lower is better", tolerance="25% - 40%", values=("24.8%", "22.6%")
    ) == [Reason.BAND_OFF_TARGET]  # BBF05
    assert _codes(target="90%", tolerance="85% - 90%") == []  # STP15: fine


def test_band_disagreeing_with_its_relative_tolerance():
    assert _codes(target="88%", tolerance="3% (85.36% - 88%)") == []  # GSE07: consistent
    assert _codes(target="88%", tolerance="3% (80% - 88%)") == [Reason.BAND_DISAGREES]


def test_unreadable_targets_tolerances_polarities_and_values():
    assert _codes(tolerance="85-") == [Reason.UNREADABLE_TOLERANCE]
    assert _codes(tolerance=5) == [Reason.UNREADABLE_TOLERANCE]
    assert _codes(target="lots") == [Reason.UNREADABLE_TARGET]
    assert _codes(polarity="Bigger") == [Reason.UNREADABLE_POLARITY]
    # no polarity: the scheme's default, unless the name points the other way
    assert _codes(polarity=None) == []
    assert _codes(polarity=None, name="Former tenants arrears as a % of rent due") == [
        Reason.POLARITY_FROM_NAME
    ]
    assert _codes(values=("91%", "ninety")) == [Reason.UNREADABLE_VALUE]


def test_missing_periods():
    assert _codes(values=("91%", "TBC")) == [Reason.MISSING_PERIODS]
    assert _codes(values=(None, "92%")) == [Reason.MISSING_PERIODS]


def test_percentages_averaged_where_numerators_exist():
    assert _codes(values=("12 out of 13", "3 out of 4"), method="mean") == [
        Reason.AVERAGED_PERCENTAGES
    ]
    assert _codes(values=("12 out of 13", "3 out of 4"), method="ratio") == []


def test_notes_say_which_default_or_inference_rated_a_row():
    notes = _notes(polarity=None)
    assert notes == [
        "Rated by: polarity: none given, so the default (higher is better); tolerance: none "
        "given, so the default (5% of the target)"
    ]
    assert _notes(polarity="Higher is better", tolerance="5%") == []


def test_stale_typed_status():
    assert _codes(stated_status="Red") == [Reason.STATUS_DIFFERS]
    assert _codes(stated_status="Green") == []


def test_findings_table_and_command(capsys):
    tracker = Tracker(
        periods=QUARTERS,
        indicators=[Indicator(row=4, ref="01", polarity="H", target="92%", values=(83, "90.2%"))],
    )
    rows = findings_table(check_tracker(tracker))
    assert rows[0] == ["Sheet", "Row", "Ref", "Severity", "Problem", "What to do"]
    assert rows[1][1:4] == [4, "01", "Error"]
    assert rows[1][5].startswith("write every value as a percentage")
    assert main(["check", "workbooks/sample_tracker.xlsx"]) == 0
    out = capsys.readouterr().out
    for ref in ("HME01", "AM07", "CS01", "KI 20", "BBF06"):
        assert ref in out
