"""Delivery-plan actions: statuses, starts and ends, overdue from dates, counts by theme
(rules.md sections 9 and 10).

Councils report actions beside their KPIs: a theme or outcome, the action, progress, a
status, a start and an end (quarters, months or dates) and a RAG. Charnwood (001) prints
boxes per theme: "Number of Actions 23, Red 3, Amber 2, Green 10, Completed 8".

>>> a = Action.read("Adopt the Local Plan", "In Progress", end="Q2", start="Q1")
>>> r = assess(a, "Q3 2023/24")
>>> str(r.status), str(r.rag), r.findings
('Overdue', 'Red', ('Status In Progress, but its end (Q2) has passed at Q3 2023/24',))

The rules (:class:`ActionRules`):

* an action not closed (Completed, Cancelled, Superseded) whose end has passed at the
  reporting date is **Overdue**. "Passed" means the end of its span is on or before the
  reporting date: Q3 ends on 31 December (April year), so in a Q3 report an action due by
  Q3 and not completed is overdue;
* one whose status is Not started after its start has passed (by the same test) is **Late
  to start**;
* the officer's RAG, where given, is kept; where blank it is derived: Completed apart
  (counted as Completed, not as a colour), Overdue Red, Late to start Amber, otherwise
  Green (Delayed and On hold included, while their end is still to come). Cancelled and
  Superseded are closed like Completed and counted under their own words; an action with
  a blank status is Overdue once its end has passed, and otherwise "No status", uncoloured;
* the boxes count each action once: Completed (and the other closed statuses), Not started
  (not started and not yet late, whatever its RAG), else its RAG colour;
* a stated status or RAG that the dates contradict gives a finding, in words such as
  "Status In Progress, but its end (Q2) has passed at Q3".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import InputError
from .periods import MONTHS
from .rounding import largest_remainder
from .rules import Status
from .values import EXCEL_ERRORS, is_empty
from .vocabulary import ACTION_RAG_WORDS, ACTION_STATUS_WORDS, NO_DATE_WORDS

WHEN_HINT = "write Q3, Q3 2023/24, Mar-24, March 2024, 2023/24 or 31/03/2024"


class ActionStatus(StrEnum):
    """An action's status; ``str()`` gives the word shown in a report."""

    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    ON_TRACK = "On track"
    COMPLETED = "Completed"
    OVERDUE = "Overdue"
    DELAYED = "Delayed"
    ON_HOLD = "On hold"
    DEFERRED = "Deferred"
    CANCELLED = "Cancelled"
    SUPERSEDED = "Superseded"
    LATE_TO_START = "Late to start"
    NO_STATUS = "No status"  # the status cell is blank: no word maps to it

    def __str__(self) -> str:
        return self.value


_STATUS_BY_WORD = {w: ActionStatus(s) for s, words in ACTION_STATUS_WORDS.items() for w in words}
_RAG_BY_WORD = {w: label for label, words in ACTION_RAG_WORDS.items() for w in words}
_COLOURS = {"Red": Status.RED, "Amber": Status.AMBER, "Green": Status.GREEN}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[-_.]+", " ", text.lower()).split())


def _blank(x: object) -> bool:
    """None, blank text, an Excel error, or a NaN (a blank cell through pandas)."""
    return is_empty(x) or (isinstance(x, str) and x.strip() in EXCEL_ERRORS)


def lookup_action_status(x: object) -> ActionStatus | None:
    """The status a word names, or None (blank, or not a status word): never raises.

    >>> lookup_action_status("In-Progress"), lookup_action_status("Green")
    (<ActionStatus.IN_PROGRESS: 'In progress'>, None)
    """
    if isinstance(x, ActionStatus):
        return x
    if not isinstance(x, str):
        return None
    return _STATUS_BY_WORD.get(_norm(x))


def parse_action_status(x: object) -> ActionStatus | None:
    """A status as written (case and spaces do not matter); None when blank.

    >>> parse_action_status("  NOT   Started "), parse_action_status("Done")
    (<ActionStatus.NOT_STARTED: 'Not started'>, <ActionStatus.COMPLETED: 'Completed'>)
    >>> parse_action_status("Closed")
    Traceback (most recent call last):
    ...
    kpixl.core.errors.InputError: Check status: cannot read "Closed"; write one of: Not started, \
In progress, On track, Completed, Overdue, Delayed, On hold, Deferred, Cancelled, Superseded
    """
    if _blank(x):
        return None
    found = lookup_action_status(x)
    if found is None or found is ActionStatus.NO_STATUS:
        words = [s.value for s in ActionStatus][:10]  # the ones an officer writes
        raise InputError("status", x, "write one of: " + ", ".join(words))
    return found


def parse_action_rag(x: object) -> Status | None:
    """An officer's RAG: Red, Amber or Green (or R, A, G); None when blank or when it marks
    the action completed (Blue, Complete), which is not a colour.

    >>> parse_action_rag(" g "), parse_action_rag("Blue")
    (<Status.GREEN: 'Green'>, None)
    """
    if isinstance(x, Status) and x.rated:
        return x
    if _blank(x):
        return None
    label = _RAG_BY_WORD.get(_norm(x)) if isinstance(x, str) else None
    if label is None:
        raise InputError("RAG", x, "write Red, Amber or Green (or R, A, G), or leave it blank")
    return _COLOURS.get(label)


# --- starts and ends -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class When:
    """A start, an end or a reporting period as written: a quarter, a month, a financial
    year or a day. Quarters and months written without a year belong to the tracker's
    financial year, given when the span is needed.

    >>> parse_when("Q3").span(2023)
    (datetime.date(2023, 10, 1), datetime.date(2023, 12, 31))
    """

    kind: str  # "quarter", "month", "year" (a whole financial year) or "day"
    label: str  # as written, for messages: "Q3", "Mar-24", "31/03/2024"
    number: int = 0  # the quarter (1-4) or the month of the financial year (1-12)
    fy: int | None = None  # the first calendar year of its financial year; None: not written
    day: dt.date | None = None
    fy_start: int = 4  # the month the financial year starts in

    def span(self, fy: int | None = None) -> tuple[dt.date, dt.date]:
        """First and last day; ``fy`` is the financial year of one written without a year.

        >>> parse_when("Mar-24").span()
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
        >>> parse_when("2023/24").span()
        (datetime.date(2023, 4, 1), datetime.date(2024, 3, 31))
        """
        if self.day is not None:
            return self.day, self.day
        year = self.fy if self.fy is not None else fy
        if year is None:
            raise ValueError(f"{self.label!r} names no year: give the financial year")
        first, last = {
            "quarter": (3 * self.number - 2, 3 * self.number),
            "month": (self.number, self.number),
        }.get(self.kind, (1, 12))
        return _month_start(year, first, self.fy_start), month_end(year, last, self.fy_start)


def _calendar(fy: int, number: int, fy_start: int) -> tuple[int, int]:
    """(year, month) of month ``number`` (1 = the first) of the year starting in ``fy``."""
    offset = fy_start - 1 + number - 1
    return fy + offset // 12, offset % 12 + 1


def _month_start(fy: int, number: int, fy_start: int) -> dt.date:
    year, month = _calendar(fy, number, fy_start)
    return dt.date(year, month, 1)


def month_end(fy: int, number: int, fy_start: int) -> dt.date:
    """The last day of month ``number`` (1 = the first) of the year starting in ``fy``.

    >>> month_end(2023, 9, 4)
    datetime.date(2023, 12, 31)
    """
    year, month = _calendar(fy, number + 1, fy_start)
    return dt.date(year, month, 1) - dt.timedelta(days=1)


def fy_of(day: dt.date, fy_start: int = 4) -> int:
    """The first calendar year of the financial year holding ``day``.

    >>> fy_of(dt.date(2024, 2, 1)), fy_of(dt.date(2024, 4, 1))
    (2023, 2024)
    """
    return day.year if day.month >= fy_start else day.year - 1


def parse_fy(text: str) -> int | None:
    """The first year of a financial year written 2023/24, 23/24, 2023-2024 or FY23/24.

    >>> parse_fy("FY 2023-24"), parse_fy("2023/25")
    (2023, None)
    """
    m = _FY_RE.match(_norm_when(text))
    if not m:
        return None
    first = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
    return first if (first + 1) % 100 == int(m[2][-2:]) else None


_FY_RE = re.compile(r"^\(?(?:fy\s*)?(20\d\d|\d\d)\s*[/\-–]\s*(\d\d|20\d\d)\)?$")
_QUARTER_RE = re.compile(r"^(?:q|quarter|qtr)\s*([1-4])\b\s*(.*)$")
_MONTH_RE = re.compile(r"^([a-z]+)\.?(?:[\s\-/']+(.*))?$")
_DMY_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DAY_MONTH_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?[\s\-,]+(\d{4}|\d{2})$")
_LEAD_RE = re.compile(r"^(?:by the end of|by end of|the end of|end of|by)\s+")
# Excel keeps dates as day numbers; a number in this range in a date cell is one (1954-2119),
# while a year (2024) or a quarter number (3) is not.
_SERIALS = (20000, 80000)


def _norm_when(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _day(year: int, month: int, day: int, x: object, argument: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(argument, x, "no such day; " + WHEN_HINT) from None


def parse_when(x: object, fy_start: int = 4, argument: str = "end") -> When | None:
    """A start, end or reporting period as written; None when blank or Ongoing/TBC.

    Quarters are of the financial year (Q1 = April to June for an April year); a quarter
    with a calendar year only ("Q3 2023") is refused: Q3 of 2023, or of 2023/24? Dates in
    text are day/month/year, as UK councils write them.

    >>> parse_when("Q3 2023/24").span()
    (datetime.date(2023, 10, 1), datetime.date(2023, 12, 31))
    >>> parse_when("31/03/2024").span()[1], parse_when("March 2024").label
    (datetime.date(2024, 3, 31), 'March 2024')
    """
    if isinstance(x, dt.datetime):
        return When("day", x.strftime("%d/%m/%Y"), day=x.date(), fy_start=fy_start)
    if isinstance(x, dt.date):
        return When("day", x.strftime("%d/%m/%Y"), day=x, fy_start=fy_start)
    if _blank(x):
        return None
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        raise InputError(argument, x, WHEN_HINT)
    if not isinstance(x, str):
        if _SERIALS[0] <= x < _SERIALS[1]:
            day = dt.date(1899, 12, 30) + dt.timedelta(days=int(x))
            return When("day", day.strftime("%d/%m/%Y"), day=day, fy_start=fy_start)
        raise InputError(argument, x, WHEN_HINT)
    label = " ".join(x.split())
    text = _LEAD_RE.sub("", _norm_when(x))
    if text in NO_DATE_WORDS:
        return None
    m = _QUARTER_RE.match(text)
    if m:
        rest = m[2].strip()
        if not rest:
            return When("quarter", label, int(m[1]), fy_start=fy_start)
        fy = parse_fy(rest)
        if fy is None:
            hint = f"write Q{m[1]} 2023/24 (the financial year)"
            raise InputError(argument, x, hint, "cannot tell the year of")
        return When("quarter", label, int(m[1]), fy, fy_start=fy_start)
    fy = parse_fy(text)
    if fy is not None:
        return When("year", label, fy=fy, fy_start=fy_start)
    found = _read_day(text, x, argument)
    if found is not None:
        return When("day", label, day=found, fy_start=fy_start)
    m = _MONTH_RE.match(text)
    if m and m[1] in MONTHS:
        month, rest = MONTHS[m[1]], (m[2] or "").strip()
        number = (month - fy_start) % 12 + 1
        if not rest:
            return When("month", label, number, fy_start=fy_start)
        if re.fullmatch(r"\d{4}|\d{2}", rest):  # a calendar year: March 2024, Mar-24
            year = _year(rest)
            return When(
                "month", label, number, fy_of(dt.date(year, month, 1), fy_start), fy_start=fy_start
            )
        fy = parse_fy(rest)
        if fy is not None:  # June 2023/24
            return When("month", label, number, fy, fy_start=fy_start)
    raise InputError(argument, x, WHEN_HINT)


def _read_day(text: str, x: object, argument: str) -> dt.date | None:
    m = _DMY_RE.match(text)
    if m:
        return _day(_year(m[3]), int(m[2]), int(m[1]), x, argument)
    m = _ISO_RE.match(text)
    if m:
        return _day(int(m[1]), int(m[2]), int(m[3]), x, argument)
    m = _DAY_MONTH_RE.match(text)
    if m and m[2] in MONTHS:
        return _day(_year(m[3]), MONTHS[m[2]], int(m[1]), x, argument)
    return None


# --- the rules -------------------------------------------------------------------------------

_CLOSED = frozenset({ActionStatus.COMPLETED, ActionStatus.CANCELLED, ActionStatus.SUPERSEDED})


@dataclass(frozen=True)
class ActionRules:
    """How actions are judged at a reporting date, and how a blank RAG is derived.

    ``financial_year`` ("2023/24") is the year of quarters and months written without one;
    when it is None, the reporting date's year is used. ``closed`` statuses are never late.

    >>> ActionRules().describe()
    'Blank RAG: Overdue Red, Late to start Amber, otherwise Green; Completed counted apart'
    """

    fy_start_month: int = 4
    financial_year: str | None = None
    closed: frozenset[ActionStatus] = _CLOSED
    overdue: Status = Status.RED
    late_to_start: Status = Status.AMBER
    otherwise: Status = Status.GREEN

    def describe(self) -> str:
        """The rule for a blank RAG, in words for a report's key."""
        closed = ", ".join(s.value for s in ActionStatus if s in self.closed)
        apart = "Completed" if self.closed == _CLOSED else closed
        return (
            f"Blank RAG: Overdue {self.overdue}, Late to start {self.late_to_start}, "
            f"otherwise {self.otherwise}; {apart} counted apart"
        )

    def year(self) -> int | None:
        """The first calendar year of ``financial_year``, or None."""
        if self.financial_year is None:
            return None
        fy = parse_fy(self.financial_year)
        if fy is None:
            raise InputError("financial year", self.financial_year, "write 2023/24")
        return fy


@dataclass(frozen=True)
class Action:
    """One delivery-plan action: what was written and what was read from it.

    ``problems`` holds the messages for cells that could not be read (that cell is then
    treated as blank); ``row`` is the sheet row (1 = the first).
    """

    text: str
    status: ActionStatus | None = None
    start: When | None = None
    end: When | None = None
    rag: Status | None = None
    theme: str = ""
    outcome: str = ""
    progress: str = ""
    owner: str = ""
    sheet: str = ""
    row: int | None = None
    written_status: str = ""
    problems: tuple[str, ...] = ()

    @classmethod
    def read(
        cls,
        text: str,
        status: object = None,
        end: object = None,
        start: object = None,
        rag: object = None,
        fy_start: int = 4,
        **more: object,
    ) -> Action:
        """An action from cells as written; unreadable cells become problems, not errors.

        >>> Action.read("Give away 4,000 trees", "Complete", end="Q3").status
        <ActionStatus.COMPLETED: 'Completed'>
        >>> Action.read("Adopt the plan", "Late-ish", end="Q3").problems
        ('Check status: cannot read "Late-ish"; write one of: Not started, In progress, \
On track, Completed, Overdue, Delayed, On hold, Deferred, Cancelled, Superseded',)
        """
        problems: list[str] = []

        def read(parse: Callable[..., Any], x: object, *args: object) -> Any:
            try:
                return parse(x, *args)
            except InputError as e:
                problems.append(str(e))
                return None

        return cls(
            text=" ".join(str(text).split()),
            status=read(parse_action_status, status),
            start=read(parse_when, start, fy_start, "start"),
            end=read(parse_when, end, fy_start, "end"),
            rag=read(parse_action_rag, rag),
            written_status="" if _blank(status) else " ".join(str(status).split()),
            problems=tuple(problems),
            **more,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Assessment:
    """An action as the rules see it at a reporting date.

    ``status`` is the judged status (Overdue, Late to start, or the stated one); ``rag`` the
    officer's where given (``derived`` False), else the derived one; ``category`` the box it
    counts in (Red, Amber, Green, Completed, Not started, or Cancelled, Superseded, No
    status); ``findings`` what the dates contradict, and cells that could not be read.
    """

    action: Action
    status: ActionStatus
    rag: Status | None
    derived: bool
    category: str
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reporting:
    """The reporting date, the period as written, and the financial year of undated spans."""

    date: dt.date
    label: str
    fy: int


def reporting(
    period: object = None, rules: ActionRules | None = None, today: dt.date | None = None
) -> Reporting:
    """The reporting date of a period: the last day of a quarter or month, or the date
    itself; today when ``period`` is blank.

    >>> reporting("Q3 2023/24")
    Reporting(date=datetime.date(2023, 12, 31), label='Q3 2023/24', fy=2023)
    """
    rules = rules or ActionRules()
    year = rules.year()
    when = parse_when(period, rules.fy_start_month, "period")
    if when is None:
        day = today or dt.date.today()
        label = day.strftime("%d/%m/%Y")
    else:
        if year is None:
            year_of_undated = fy_of(today or dt.date.today(), rules.fy_start_month)
        else:
            year_of_undated = year
        day, label = when.span(year_of_undated)[1], when.label
    return Reporting(day, label, year if year is not None else fy_of(day, rules.fy_start_month))


def assess(
    action: Action,
    period: object = None,
    rules: ActionRules | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Judge one action at the reporting ``period`` (a quarter, month or date; today when
    blank) by ``rules``.

    >>> a = Action.read("Adopt the plan", "Not started", end="Q4", start="Q1")
    >>> r = assess(a, "Q3 2023/24")
    >>> str(r.status), str(r.rag), r.findings
    ('Late to start', 'Amber', ('Status Not started, but its start (Q1) has passed at Q3 2023/24',))
    """
    rules = rules or ActionRules()
    at = period if isinstance(period, Reporting) else reporting(period, rules, today)
    findings = list(action.problems)
    stated, written = action.status, action.written_status
    start = action.start.span(at.fy) if action.start else None
    end = action.end.span(at.fy) if action.end else None
    end_passed = end is not None and end[1] <= at.date
    start_passed = start is not None and start[1] <= at.date
    its_end = f"its end ({action.end.label})" if action.end else ""
    its_start = f"its start ({action.start.label})" if action.start else ""
    if start and end and end[1] < start[0]:
        findings.append(f"Its end ({action.end.label}) is before {its_start}")  # type: ignore[union-attr]

    # What the dates show: the words for a finding, and the colour they call for.
    late: tuple[str, Status] | None = None
    if stated in rules.closed:
        status = stated
    elif end_passed:
        status, late = ActionStatus.OVERDUE, (its_end, rules.overdue)
    elif stated is ActionStatus.NOT_STARTED and start_passed:
        status, late = ActionStatus.LATE_TO_START, (its_start, rules.late_to_start)
    else:
        status = stated or ActionStatus.NO_STATUS

    if stated is None:
        if not any(p.startswith("Check status") for p in action.problems):
            findings.append(
                f"No status given, and {its_end} has passed at {at.label}"
                if end_passed
                else "No status given"
            )
    elif stated is ActionStatus.OVERDUE:
        if not end_passed:
            findings.append(
                f"Status {written}, but {its_end} has not passed at {at.label}"
                if its_end
                else f"Status {written}, but no end is given"
            )
    elif late is not None:
        findings.append(f"Status {written}, but {late[0]} has passed at {at.label}")

    if action.rag is not None:
        rag, derived = action.rag, False
        if late is not None and _SEVERITY.get(rag, 0) < _SEVERITY.get(late[1], 0):
            findings.append(f"RAG {rag}, but {late[0]} has passed at {at.label}")
    elif status in rules.closed or status is ActionStatus.NO_STATUS:
        rag, derived = None, True  # Completed is counted apart, not as a colour
    elif status is ActionStatus.OVERDUE:
        rag, derived = rules.overdue, True
    elif status is ActionStatus.LATE_TO_START:
        rag, derived = rules.late_to_start, True
    else:
        rag, derived = rules.otherwise, True

    if status in rules.closed or status is ActionStatus.NOT_STARTED or rag is None:
        category = status.value
    else:
        category = rag.value
    return Assessment(action, status, rag, derived, category, tuple(findings))


_SEVERITY = {Status.GREEN: 0, Status.AMBER: 1, Status.RED: 2}


def action_status(
    status: object,
    end: object,
    start: object = None,
    period: object = None,
    rules: ActionRules | None = None,
    today: dt.date | None = None,
) -> ActionStatus:
    """The status as the rules see it, from cells as written; unreadable cells raise.

    >>> str(action_status("In Progress", "Q2", "Q1", "Q3 2023/24"))
    'Overdue'
    >>> str(action_status("Not started", "Q4", "Q2", "Q1 2023/24"))
    'Not started'
    """
    rules = rules or ActionRules()
    action = Action(
        text="",
        status=parse_action_status(status),
        start=parse_when(start, rules.fy_start_month, "start"),
        end=parse_when(end, rules.fy_start_month, "end"),
    )
    return assess(action, period, rules, today).status


def assess_all(
    actions: Iterable[Action],
    period: object = None,
    rules: ActionRules | None = None,
    today: dt.date | None = None,
) -> list[Assessment]:
    """:func:`assess` for each action, at one reporting date."""
    rules = rules or ActionRules()
    at = reporting(period, rules, today)
    return [assess(a, at, rules) for a in actions]


# --- summaries -----------------------------------------------------------------------------

# 001's boxes, in its order; other categories (Cancelled…) follow when present.
BOX = ("Red", "Amber", "Green", "Completed", "Not started")
NO_THEME = "(no theme)"


@dataclass(frozen=True)
class ActionSummary:
    """Counts per category over ``total`` actions, with one summary per theme.

    >>> s = summarise(assess_all([Action.read("A", "Completed", end="Q1"),
    ...                           Action.read("B", "In progress", end="Q4")], "Q3 2023/24"))
    >>> s.total, s.count("Completed"), s.shares()
    (2, 1, {'Red': 0, 'Amber': 0, 'Green': 50, 'Completed': 50, 'Not started': 0})
    """

    counts: dict[str, int]
    total: int
    themes: dict[str, ActionSummary] = field(default_factory=dict)

    def count(self, category: str) -> int:
        return self.counts.get(category, 0)

    def labels(self) -> list[str]:
        """001's five boxes, then any other category present."""
        return [*BOX, *(c for c in self.counts if c not in BOX)]

    def shares(self) -> dict[str, int]:
        """Whole percentages of all actions, adding to 100 (largest remainder)."""
        labels = self.labels()
        return dict(
            zip(labels, largest_remainder([self.count(c) for c in labels], self.total), strict=True)
        )

    def rows(self) -> list[list[object]]:
        """A small table as 001's boxes: a row per theme, then Overall.

        >>> summarise([]).rows()
        [['Theme', 'Number of actions', 'Red', 'Amber', 'Green', 'Completed', 'Not started'], \
['Overall', 0, 0, 0, 0, 0, 0]]
        """
        labels = sorted(
            {c for s in (self, *self.themes.values()) for c in s.labels()},
            key=lambda c: (BOX.index(c) if c in BOX else len(BOX), c),
        )
        head: list[object] = ["Theme", "Number of actions", *labels]
        body = [[name, s.total, *(s.count(c) for c in labels)] for name, s in self.themes.items()]
        return [head, *body, ["Overall", self.total, *(self.count(c) for c in labels)]]


def summarise(assessments: Sequence[Assessment]) -> ActionSummary:
    """Counts by category, overall and per theme (in the order themes first appear)."""
    by_theme: dict[str, list[str]] = {}
    for a in assessments:
        by_theme.setdefault(a.action.theme or NO_THEME, []).append(a.category)

    def counted(categories: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in categories:
            out[c] = out.get(c, 0) + 1
        return out

    return ActionSummary(
        counted([a.category for a in assessments]),
        len(assessments),
        {t: ActionSummary(counted(cs), len(cs)) for t, cs in by_theme.items()},
    )
