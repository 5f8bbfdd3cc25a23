"""Delivery-plan actions: status words, starts and ends, the rules, findings, summaries, the
table reader (with Charnwood's 001 tables rebuilt as a workbook) and KPI_ACTION."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpixl import udfs
from kpixl.core import InputError, Status
from kpixl.core.action_table import find_action_tables, heading_key, read_actions
from kpixl.core.actions import (
    Action,
    ActionRules,
    ActionStatus,
    assess,
    assess_all,
    parse_action_rag,
    parse_action_status,
    parse_when,
    reporting,
    summarise,
)
from kpixl.core.rounding import largest_remainder
from kpixl.core.summary import summary
from tests.seeds import s001_actions as s001

D = dt.date
S = ActionStatus

# --- status words --------------------------------------------------------------------------------

STATUS_CASES = [
    ("In Progress", S.IN_PROGRESS),  # 001's spelling
    ("in progress", S.IN_PROGRESS),
    ("IN-PROGRESS", S.IN_PROGRESS),
    (" in   progress ", S.IN_PROGRESS),
    ("Ongoing", S.IN_PROGRESS),
    ("Not Started", S.NOT_STARTED),
    ("not started", S.NOT_STARTED),
    ("Not yet started", S.NOT_STARTED),
    ("On Track", S.ON_TRACK),
    ("Completed", S.COMPLETED),
    ("Complete", S.COMPLETED),
    ("Done", S.COMPLETED),
    ("Completed.", S.COMPLETED),
    ("Overdue", S.OVERDUE),
    ("Delayed", S.DELAYED),
    ("On hold", S.ON_HOLD),
    ("ON HOLD", S.ON_HOLD),
    ("Deferred", S.DEFERRED),
    ("Cancelled", S.CANCELLED),
    ("Canceled", S.CANCELLED),
    ("Superseded", S.SUPERSEDED),
    ("Superceded", S.SUPERSEDED),
    (None, None),
    ("", None),
    ("   ", None),
    ("#N/A", None),  # an Excel error in the cell: no status
]


@pytest.mark.parametrize(("written", "expected"), STATUS_CASES)
def test_status_words(written: object, expected: ActionStatus | None) -> None:
    assert parse_action_status(written) is expected


@pytest.mark.parametrize("written", ["Closed", "Late", "At risk", "Green", "No status", 3])
def test_words_with_two_readings_or_none_are_refused_with_the_accepted_words(
    written: object,
) -> None:
    with pytest.raises(InputError) as e:
        parse_action_status(written)
    message = str(e.value)
    assert message.startswith(f'Check status: cannot read "{written}"')
    assert "In progress" in message and "Completed" in message and "Not started" in message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Red", Status.RED),
        ("r", Status.RED),
        ("AMBER", Status.AMBER),
        (" g ", Status.GREEN),
        (None, None),
        ("", None),
        ("Blue", None),
        ("Complete", None),
    ],
)
def test_rag_words(written: object, expected: Status | None) -> None:
    assert parse_action_rag(written) is expected


def test_an_unreadable_rag_names_what_to_write() -> None:
    with pytest.raises(InputError, match='Check RAG: cannot read "purple"; write Red, Amber'):
        parse_action_rag("purple")


# --- starts and ends -----------------------------------------------------------------------------

SPAN_CASES = [
    # written, financial year of undated spans, first day, last day
    ("Q1", 2023, D(2023, 4, 1), D(2023, 6, 30)),
    ("Q2", 2023, D(2023, 7, 1), D(2023, 9, 30)),
    ("Q3", 2023, D(2023, 10, 1), D(2023, 12, 31)),  # Q3 ends 31 December (April year)
    ("Q4", 2023, D(2024, 1, 1), D(2024, 3, 31)),
    ("q4", 2030, D(2031, 1, 1), D(2031, 3, 31)),
    ("Q3 2023/24", 1999, D(2023, 10, 1), D(2023, 12, 31)),  # its own year wins
    ("Q3 2023-24", None, D(2023, 10, 1), D(2023, 12, 31)),
    ("Quarter 4 23-24", None, D(2024, 1, 1), D(2024, 3, 31)),
    ("Q1 FY24/25", None, D(2024, 4, 1), D(2024, 6, 30)),
    ("Mar-24", None, D(2024, 3, 1), D(2024, 3, 31)),
    ("March 2024", None, D(2024, 3, 1), D(2024, 3, 31)),
    ("Sept 2023", None, D(2023, 9, 1), D(2023, 9, 30)),
    ("March", 2023, D(2024, 3, 1), D(2024, 3, 31)),  # March of the 2023/24 year
    ("April", 2023, D(2023, 4, 1), D(2023, 4, 30)),
    ("June 2023/24", None, D(2023, 6, 1), D(2023, 6, 30)),
    ("Feb 2023/24", None, D(2024, 2, 1), D(2024, 2, 29)),
    ("2023/24", None, D(2023, 4, 1), D(2024, 3, 31)),
    ("31/03/2024", None, D(2024, 3, 31), D(2024, 3, 31)),  # day/month/year, as UK councils
    ("1/4/24", None, D(2024, 4, 1), D(2024, 4, 1)),
    ("2024-03-31", None, D(2024, 3, 31), D(2024, 3, 31)),
    ("31 March 2024", None, D(2024, 3, 31), D(2024, 3, 31)),
    ("31st Mar 2024", None, D(2024, 3, 31), D(2024, 3, 31)),
    ("End of March 2024", None, D(2024, 3, 1), D(2024, 3, 31)),
    ("by Q4", 2023, D(2024, 1, 1), D(2024, 3, 31)),
    (D(2024, 3, 31), None, D(2024, 3, 31), D(2024, 3, 31)),
    (dt.datetime(2024, 3, 31, 17, 0), None, D(2024, 3, 31), D(2024, 3, 31)),
    (45382.0, None, D(2024, 3, 31), D(2024, 3, 31)),  # Excel's day number for 31/03/2024
]


@pytest.mark.parametrize(("written", "fy", "first", "last"), SPAN_CASES)
def test_spans(written: object, fy: int | None, first: dt.date, last: dt.date) -> None:
    when = parse_when(written)
    assert when is not None
    assert when.span(fy) == (first, last)


def test_quarters_follow_the_financial_year_start() -> None:
    assert parse_when("Q1", fy_start=1).span(2024) == (D(2024, 1, 1), D(2024, 3, 31))
    assert parse_when("Q4", fy_start=7).span(2023) == (D(2024, 4, 1), D(2024, 6, 30))
    assert parse_when("March 2024", fy_start=1).span() == (D(2024, 3, 1), D(2024, 3, 31))


@pytest.mark.parametrize("written", [None, "", "Ongoing", "TBC", "n/a", "-"])
def test_no_end(written: object) -> None:
    assert parse_when(written) is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Q3 2023", 'Check end: cannot tell the year of "Q3 2023"; write Q3 2023/24'),
        ("Spring 2024", 'Check end: cannot read "Spring 2024"; write Q3, Q3 2023/24, Mar-24'),
        ("31/02/2024", 'Check end: cannot read "31/02/2024"; no such day'),
        ("2023/25", 'Check end: cannot read "2023/25"'),
        ("Q5", 'Check end: cannot read "Q5"'),
        (2024, 'Check end: cannot read "2024"'),  # a year, not a day number
        (True, 'Check end: cannot read "True"'),
    ],
)
def test_unreadable_spans_say_how_to_write_them(written: object, message: str) -> None:
    with pytest.raises(InputError) as e:
        parse_when(written)
    assert str(e.value).startswith(message)


def test_the_reporting_date_is_the_end_of_its_period() -> None:
    assert reporting("Q3 2023/24").date == D(2023, 12, 31)
    assert reporting("Dec-23").date == D(2023, 12, 31)
    assert reporting(D(2024, 1, 15)) == reporting(D(2024, 1, 15), today=D(2030, 1, 1))
    at = reporting(D(2024, 1, 15))
    assert (at.date, at.label, at.fy) == (D(2024, 1, 15), "15/01/2024", 2023)
    assert reporting(None, today=D(2024, 5, 2)).date == D(2024, 5, 2)
    # a quarter written without a year is of the tracker's year, else of today's
    assert reporting("Q3", ActionRules(financial_year="2022/23")).date == D(2022, 12, 31)
    assert reporting("Q3", today=D(2025, 2, 1)).date == D(2024, 12, 31)


# --- the rules -----------------------------------------------------------------------------------

RULE_CASES = [
    # status, start, end, period, judged status, RAG (derived: the RAG cell is blank), box
    ("In Progress", "Q1", "Q2", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("In Progress", "Q1", "Q3", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),  # due by Q3
    ("In Progress", "Q1", "Q4", "Q3 2023/24", S.IN_PROGRESS, Status.GREEN, "Green"),
    ("In Progress", "Q1", "Q3", "Nov-23", S.IN_PROGRESS, Status.GREEN, "Green"),
    ("On track", "Q1", "Q4", "Q3 2023/24", S.ON_TRACK, Status.GREEN, "Green"),
    ("Delayed", "Q1", "Q4", "Q3 2023/24", S.DELAYED, Status.GREEN, "Green"),
    ("Completed", "Q1", "Q2", "Q3 2023/24", S.COMPLETED, None, "Completed"),
    ("Done", "Q1", "Q4", "Q3 2023/24", S.COMPLETED, None, "Completed"),
    ("Cancelled", "Q1", "Q2", "Q3 2023/24", S.CANCELLED, None, "Cancelled"),
    ("Superseded", "Q1", "Q2", "Q3 2023/24", S.SUPERSEDED, None, "Superseded"),
    ("Not started", "Q1", "Q4", "Q3 2023/24", S.LATE_TO_START, Status.AMBER, "Amber"),
    ("Not started", "Q3", "Q4", "Q3 2023/24", S.LATE_TO_START, Status.AMBER, "Amber"),
    ("Not started", "Q3", "Q4", "Nov-23", S.NOT_STARTED, Status.GREEN, "Not started"),
    ("Not started", "Q4", "Q4", "Q3 2023/24", S.NOT_STARTED, Status.GREEN, "Not started"),
    ("Not started", "Q1", "Q2", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("Overdue", "Q1", "Q3", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("Overdue", "Q1", "Q4", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),  # the officer's word
    ("On hold", "Q1", "Q2", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    (None, "Q1", "Q2", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    (None, "Q1", "Q4", "Q3 2023/24", S.NO_STATUS, None, "No status"),
    ("In progress", None, "Ongoing", "Q4 2030/31", S.IN_PROGRESS, Status.GREEN, "Green"),
    ("In progress", "01/04/2023", "31/12/2023", D(2023, 12, 31), S.OVERDUE, Status.RED, "Red"),
    (
        "In progress",
        "01/04/2023",
        "31/12/2023",
        D(2023, 12, 30),
        S.IN_PROGRESS,
        Status.GREEN,
        "Green",
    ),
    ("In progress", "Q1", "Dec-23", "Q3 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("In progress", "Q1", "Jan-24", "Q3 2023/24", S.IN_PROGRESS, Status.GREEN, "Green"),
    ("In progress", "Q1", "Q4 2022/23", "Q1 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("In progress", "Q1", "2023/24", "Q4 2023/24", S.OVERDUE, Status.RED, "Red"),
    ("In progress", "Q1", "2023/24", "Q3 2023/24", S.IN_PROGRESS, Status.GREEN, "Green"),
]


@pytest.mark.parametrize(("status", "start", "end", "period", "judged", "rag", "box"), RULE_CASES)
def test_rules(
    status: object,
    start: object,
    end: object,
    period: object,
    judged: ActionStatus,
    rag: Status | None,
    box: str,
) -> None:
    result = assess(Action.read("An action", status, end=end, start=start), period)
    assert (result.status, result.rag, result.category) == (judged, rag, box)
    assert result.derived


def test_the_officers_rag_is_kept() -> None:
    action = Action.read("An action", "In progress", end="Q4", start="Q1", rag="Amber")
    result = assess(action, "Q3 2023/24")
    assert (result.rag, result.derived, result.category) == (Status.AMBER, False, "Amber")
    done = assess(Action.read("Done", "Completed", end="Q4", rag="G"), "Q3 2023/24")
    assert (done.rag, done.category) == (Status.GREEN, "Completed")  # Completed is apart


def test_the_options_say_how_a_blank_rag_is_derived() -> None:
    strict = ActionRules(late_to_start=Status.RED, otherwise=Status.AMBER)
    late = Action.read("An action", "Not started", end="Q4", start="Q1")
    assert assess(late, "Q3 2023/24", strict).rag is Status.RED
    on_time = Action.read("An action", "In progress", end="Q4", start="Q1")
    assert assess(on_time, "Q3 2023/24", strict).rag is Status.AMBER
    assert strict.describe() == (
        "Blank RAG: Overdue Red, Late to start Red, otherwise Amber; Completed counted apart"
    )
    # a January financial year: Q3 ends on 30 September
    january = ActionRules(fy_start_month=1)
    action = Action.read("An action", "In progress", end="Q3", fy_start=1)
    assert assess(action, D(2024, 9, 30), january).status is S.OVERDUE
    assert assess(action, D(2024, 9, 29), january).status is S.IN_PROGRESS


# --- findings ------------------------------------------------------------------------------------

FINDING_CASES = [
    # status, start, end, RAG, period, findings
    (
        "In Progress",
        "Q1",
        "Q2",
        None,
        "Q3",
        ["Status In Progress, but its end (Q2) has passed at Q3"],
    ),
    (
        "On Track",
        None,
        "Mar-23",
        None,
        "Q3 2023/24",
        ["Status On Track, but its end (Mar-23) has passed at Q3 2023/24"],
    ),
    ("Overdue", "Q1", "Q4", None, "Q3", ["Status Overdue, but its end (Q4) has not passed at Q3"]),
    ("Overdue", "Q1", None, None, "Q3", ["Status Overdue, but no end is given"]),
    (
        "Not started",
        "Q1",
        "Q4",
        None,
        "Q3",
        ["Status Not started, but its start (Q1) has passed at Q3"],
    ),
    (
        "In progress",
        "Q1",
        "Q2",
        "Green",
        "Q3",
        [
            "Status In progress, but its end (Q2) has passed at Q3",
            "RAG Green, but its end (Q2) has passed at Q3",
        ],
    ),
    (
        "Not started",
        "Q1",
        "Q4",
        "G",
        "Q3",
        [
            "Status Not started, but its start (Q1) has passed at Q3",
            "RAG Green, but its start (Q1) has passed at Q3",
        ],
    ),
    ("Overdue", "Q1", "Q3", "Amber", "Q3", ["RAG Amber, but its end (Q3) has passed at Q3"]),
    (None, "Q1", "Q2", None, "Q3", ["No status given, and its end (Q2) has passed at Q3"]),
    (None, "Q1", "Q4", None, "Q3", ["No status given"]),
    ("In progress", "Q3", "Q1", None, "Apr-23", ["Its end (Q1) is before its start (Q3)"]),
    # what the dates agree with gives no finding
    ("Overdue", "Q1", "Q3", "Red", "Q3", []),
    ("In progress", "Q1", "Q2", "Red", "Q1", []),
    ("Completed", "Q1", "Q2", None, "Q3", []),
    ("In progress", "Q1", "Q4", "Red", "Q3", []),  # worse than the dates: the officer's call
    ("Not started", "Q4", "Q4", None, "Q3", []),
]


@pytest.mark.parametrize(("status", "start", "end", "rag", "period", "findings"), FINDING_CASES)
def test_findings_when_status_or_rag_disagree_with_the_dates(
    status: object, start: object, end: object, rag: object, period: str, findings: list[str]
) -> None:
    action = Action.read("An action", status, end=end, start=start, rag=rag)
    assert list(assess(action, period).findings) == findings


def test_unreadable_cells_are_findings_and_read_as_blank() -> None:
    action = Action.read("An action", "Closed", end="Spring", start="Q1", rag="purple")
    assert action.status is None and action.end is None and action.rag is None
    findings = assess(action, "Q3 2023/24").findings
    assert [f.split(":")[0] for f in findings] == ["Check status", "Check end", "Check RAG"]
    assert "No status given" not in findings  # the status was written, only not readable


# --- largest remainder ---------------------------------------------------------------------------


def test_largest_remainder_on_dacorums_34() -> None:
    # 003: 16 Green, 8 Amber, 6 Red, 4 other of 34; plain rounding gives 47+24+18+12 = 101
    assert [round(100 * c / 34) for c in (16, 8, 6, 4)] == [47, 24, 18, 12]
    assert largest_remainder([16, 8, 6, 4], 34) == [47, 23, 18, 12]


def test_largest_remainder_always_adds_to_100_and_stays_within_one_point() -> None:
    for counts in itertools.product(range(8), repeat=3):
        total = sum(counts)
        shares = largest_remainder(counts, total)
        if total == 0:
            assert shares == [0, 0, 0]
            continue
        assert sum(shares) == 100
        for c, share in zip(counts, shares, strict=True):
            assert abs(share - 100 * c / total) < 1


def test_largest_remainder_of_part_of_a_total() -> None:
    assert largest_remainder([2, 1], 4) == [50, 25]
    assert largest_remainder([1], 3) == [33]
    with pytest.raises(ValueError, match="more than the total"):
        largest_remainder([3, 2], 4)
    with pytest.raises(ValueError, match="negative"):
        largest_remainder([-1, 2], 1)


def test_summary_shares_add_to_100() -> None:
    actions = [
        Action.read(f"A{i}", s, end="Q4", start="Q1")
        for i, s in enumerate(["Completed", "In progress", "In progress", "Not started"] * 3)
    ]
    s = summarise(assess_all(actions, "May-23"))  # nothing is late to start yet
    assert s.total == 12 and sum(s.shares().values()) == 100
    assert s.count("Completed") == 3 and s.count("Green") == 6 and s.count("Not started") == 3
    assert s.themes["(no theme)"].total == 12


# --- 001: the workbook rebuilt from the report, read back ----------------------------------------


@pytest.fixture(scope="module")
def charnwood(tmp_path_factory: pytest.TempPathFactory) -> list[list[object]]:
    path = s001.write(Path(tmp_path_factory.mktemp("s001")) / "charnwood_actions.xlsx")
    book = load_workbook(path, read_only=True)
    try:
        return [list(r) for r in book[s001.SHEET].iter_rows(values_only=True)]
    finally:
        book.close()


def test_the_transcription_holds_every_action_once() -> None:
    assert len(s001.ACTIONS) == len(s001.PROGRESS) == 78
    assert len({a[2] for a in s001.ACTIONS}) == 78
    assert {a[3] for a in s001.ACTIONS} == {"In Progress", "Completed", "Overdue"}
    assert all(p.strip() for p in s001.PROGRESS)


def test_charnwood_tables_are_found_with_their_themes(charnwood: list[list[object]]) -> None:
    tables = find_action_tables(charnwood, s001.SHEET)
    assert [t.theme for t in tables] == list(s001.THEMES)
    assert all(not t.problems for t in tables)
    assert all(
        set(t.columns) == {"outcome", "text", "progress", "status", "start", "end", "rag"}
        for t in tables
    )


def test_charnwood_counts_match_the_printed_boxes(charnwood: list[list[object]]) -> None:
    actions = read_actions({s001.SHEET: charnwood})
    s = summarise(assess_all(actions, s001.PERIOD))
    for theme in s001.THEMES:
        box = s001.BOXES[theme]
        assert s.themes[theme].total == box["Number of Actions"], theme
        assert s.themes[theme].count("Completed") == box["Completed"], theme
    overall = s001.BOXES["Overall"]
    assert (s.total, s.count("Completed")) == (overall["Number of Actions"], overall["Completed"])
    assert s.themes[s001.YOUR_COUNCIL].count("Not started") == 0  # as printed
    assert sum(s.shares().values()) == 100


def test_charnwood_actions_are_read_as_written(charnwood: list[list[object]]) -> None:
    actions = read_actions({s001.SHEET: charnwood})
    read = [
        (a.theme, a.outcome, a.text, a.written_status, a.start.label, a.end.label) for a in actions
    ]  # type: ignore[union-attr]
    assert read == [
        (t, o, " ".join(text.split()), st, b, e) for t, o, text, st, b, e in s001.ACTIONS
    ]
    assert [a.progress for a in actions] == s001.PROGRESS
    for a in actions:  # each row number points at its action's row in the sheet
        cell = charnwood[a.row - 1][1]  # type: ignore[operator]
        assert a.sheet == s001.SHEET and " ".join(str(cell).split()) == a.text


def test_charnwood_overdue_actions_follow_from_their_end_quarter(
    charnwood: list[list[object]],
) -> None:
    actions = read_actions({s001.SHEET: charnwood})
    printed = {a.text for a in actions if a.written_status == "Overdue"}
    assert len(printed) == 8
    # with the printed status replaced by In progress, the dates alone make them overdue
    by_dates = {
        a.text
        for a in actions
        if assess(
            Action.read(a.text, "In progress", end=a.end.label, start=a.start.label),  # type: ignore[union-attr]
            s001.PERIOD,
        ).status
        is S.OVERDUE
        and a.written_status != "Completed"
    }
    assert by_dates == printed
    judged = assess_all(actions, s001.PERIOD)
    assert {r.action.text for r in judged if r.status is S.OVERDUE} == printed
    assert not [r.findings for r in judged if r.findings]  # 001's statuses agree with its dates


def test_charnwood_derived_rag(charnwood: list[list[object]]) -> None:
    """The RAG column was an image: every RAG is derived. Red is then exactly the overdue
    actions, and everything else not completed is Green (nothing is Not started)."""
    actions = read_actions({s001.SHEET: charnwood})
    s = summarise(assess_all(actions, s001.PERIOD))
    overdue = Counter(a.theme for a in actions if a.written_status == "Overdue")
    for theme in s001.THEMES:
        t, box = s.themes[theme], s001.BOXES[theme]
        assert t.count("Red") == overdue[theme]
        assert t.count("Amber") == 0
        assert t.count("Green") == box["Number of Actions"] - overdue[theme] - box["Completed"]
    # A Thriving Economy's officers rated as the dates do: its box is reproduced whole
    economy, box = s.themes[s001.ECONOMY], s001.BOXES[s001.ECONOMY]
    assert [economy.count(k) for k in ("Red", "Amber", "Green", "Completed")] == [
        box[k] for k in ("Red", "Amber", "Green", "Completed")
    ]


# --- the table reader on other layouts -----------------------------------------------------------

HEAD = ["Outcome", "Action", "Progress update", "Status", "Start", "Due", "Lead", "RAG"]


def test_headings_as_councils_write_them() -> None:
    assert heading_key("Corporate Delivery Plan Action\n(2023-2024)") == (
        "corporate delivery plan action"
    )
    assert heading_key("END DATE") == "end date"
    rows = [
        [
            "THEME",
            "Priority",
            "Project",
            "Update",
            "STATUS",
            "Start Date (planned)",
            "Due date",
            "Owner",
        ],
        ["Place", "Homes", "Build 100 homes", "On site", "In progress", "Q1", "Q4", "Head of X"],
        [None, None, "Milestone two", None, "Not started", "Q2", "Q3", None],
    ]
    (table,) = find_action_tables(rows, "Plan")
    assert table.columns == {
        "theme": 0,
        "outcome": 1,
        "text": 2,
        "progress": 3,
        "status": 4,
        "start": 5,
        "end": 6,
        "owner": 7,
    }
    first, second = table.actions
    assert (first.theme, first.outcome, first.owner) == ("Place", "Homes", "Head of X")
    assert first.row == 2
    assert (second.theme, second.outcome, second.row) == ("Place", "Homes", 3)


def test_outcomes_hold_until_the_next_and_theme_rows_between_groups() -> None:
    rows = [
        ["Corporate Plan 2023-24: Quarter 3 report"],  # a title, not a theme
        [],
        ["Place"],
        HEAD,
        ["Homes: more of them", "Build homes", "On site", "In progress", "Q1", "Q4", "AB", None],
        [None, "Buy land", "Bought", "Completed", "Q1", "Q2", None, None],  # merged outcome cell
        [None, None, "Second line of the update", None, None, None, None, None],
        ["Roads: fewer holes", "Fill holes", None, "Overdue", "Q1", "Q2", "CD", "Red"],
        ["People"],
        [None, "Open a hub", None, "Not started", "Q4", "Q4", None, None],
    ]
    (table,) = find_action_tables(rows)
    got = [(a.row, a.theme, a.outcome, a.text) for a in table.actions]
    assert got == [
        (5, "Place", "Homes: more of them", "Build homes"),
        (6, "Place", "Homes: more of them", "Buy land"),
        (8, "Place", "Roads: fewer holes", "Fill holes"),
        (10, "People", "", "Open a hub"),
    ]
    assert table.actions[1].progress == "Bought\nSecond line of the update"
    assert table.actions[2].rag is Status.RED and table.actions[2].owner == "CD"


def test_an_action_table_beside_and_below_a_kpi_table() -> None:
    kpi = ["Ref", "Indicator", "Target", "Q1 2023/24", "Status"]
    rows = [
        [*kpi, None, "Action", "Status", "End Date"],
        ["KI 3", "Food hygiene", "92%", "97%", "Green", None, "Inspect cafes", "Completed", "Q2"],
        ["KI 4", "Recycling", "25%", "23%", "Red", None, "Leaflet drop", "In progress", "Q1"],
        [],
        ["Your Council"],
        ["Action", "Progress", "Status", "Start Date", "End Date"],
        ["Adopt the strategy", "Drafted", "In progress", "Q1", "Q4"],
        [],
        ["Key Performance Indicator", "Q1 2023/24", "Q2 2023/24", "Gauge", "Update"],  # ends it
        ["KI 10 Sickness", "1.18", "2.71", None, "Within target"],
    ]
    beside, below = find_action_tables(rows, "Mixed")
    assert [(a.row, a.text, str(a.status)) for a in beside.actions] == [
        (2, "Inspect cafes", "Completed"),
        (3, "Leaflet drop", "In progress"),
    ]
    assert beside.columns == {"text": 6, "status": 7, "end": 8}
    assert below.theme == "Your Council"
    assert [a.text for a in below.actions] == ["Adopt the strategy"]


def test_a_kpi_table_with_an_action_column_is_not_an_action_table() -> None:
    rows = [
        ["Indicator", "Target", "Actual", "Status", "Action", "Comments"],
        ["Recycling", "25%", "23%", "Red", "Leaflet drop", "Planned"],
    ]
    assert find_action_tables(rows) == []


def test_rows_that_cannot_be_placed_and_cells_that_cannot_be_read() -> None:
    rows = [
        ["Action", "Status", "Start", "End"],
        ["Adopt the plan", "Sort of", "Q1", "Spring"],
        [None, "In progress", "Q1", "Q4"],
    ]
    (table,) = find_action_tables(rows, "Plan")
    (action,) = table.actions
    assert action.status is None and action.end is None and action.start is not None
    assert [p.split(":")[0] for p in action.problems] == ["Check status", "Check end"]
    assert table.problems == ((3, "Row 3: cells filled but no action in its column"),)


def test_a_header_repeated_after_its_table_keeps_the_theme() -> None:
    head = ["Action", "Status", "End"]
    rows = [
        ["Healthy Communities"],
        head,
        ["A", "In progress", "Q4"],
        head,
        ["B", "Completed", "Q2"],
    ]
    first, second = find_action_tables(rows)
    assert (first.theme, second.theme) == ("Healthy Communities", "Healthy Communities")
    assert [a.theme for a in read_actions(rows)] == ["Healthy Communities"] * 2


# --- worksheet functions -------------------------------------------------------------------------


def test_kpi_action_in_a_cell_and_a_column() -> None:
    assert udfs.KPI_ACTION("In Progress", "Q2", "Q1", "Q3 2023/24") == "Overdue"
    assert udfs.KPI_ACTION([["Completed"]], [["Q2"]], [["Q1"]], [["Q3 2023/24"]]) == "Completed"
    column = udfs.KPI_ACTION(
        [["In Progress"], ["Completed"], [None], ["Not started"], ["Not started"], ["Closed"]],
        [["Q4"], ["Q2"], [None], ["Q4"], ["Q4"], ["Q3 2023"]],
        [["Q1"], ["Q1"], [None], ["Q1"], ["Q4"], ["Q1"]],
        "Q3 2023/24",
    )
    assert column[:5] == [["In progress"], ["Completed"], [""], ["Late to start"], ["Not started"]]
    assert column[5][0].startswith('Check status: cannot read "Closed"')
    assert udfs.KPI_ACTION("In progress", "Q4", None, "Spring").startswith(
        'Check period: cannot read "Spring"'
    )


def test_kpi_action_takes_dates_and_today_when_no_period() -> None:
    assert udfs.KPI_ACTION("In progress", D(2023, 12, 31), None, D(2023, 12, 31)) == "Overdue"
    assert udfs.KPI_ACTION("In progress", 45291.0, None, 45290.0) == "In progress"  # day numbers
    assert udfs.KPI_ACTION("In progress", "Q1 2020/21") == "Overdue"
    assert udfs.KPI_ACTION("In progress", "Q4 2098/99") == "In progress"


def test_kpi_summary_counts_action_statuses_and_leaves_kpi_statuses_alone() -> None:
    kpi = [["Green"], ["G"], ["Red"], ["No data"], [None]]
    assert udfs.KPI_SUMMARY(kpi) == [
        ["Status", "Count", "Share"],
        *[[lab, summary(kpi).count(lab), summary(kpi).share(lab)] for lab in summary(kpi).labels()],
        ["Total", 4, 1.0],
    ]
    table = udfs.KPI_SUMMARY(
        [["In Progress"], ["in progress"], ["Complete"], ["Completed"], ["Green"]]
    )
    assert table[1:-1] == [["Green", 1, 0.2], ["In progress", 2, 0.4], ["Completed", 2, 0.4]]
