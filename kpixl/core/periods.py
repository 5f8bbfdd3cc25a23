"""Reporting periods as councils head their columns and label their figures: Apr-24,
Q1 2024/25, June 2023/24, Jan-Mar 2023, 2023/24, Summer 22, Autumn term 2023.

A period belongs to a financial year (``year``, "2024/25") and covers ``months`` months
from the year's ``start``-th month (1 = the year's first month, April by default), so
periods of different lengths can be ordered and nested: Quarter 1 holds April to June.

>>> p = parse_period("Q1 2024/25")
>>> p.kind, p.number, p.year, p.start, p.months
(<PeriodKind.QUARTER: 'quarter'>, 1, '2024/25', 1, 3)
>>> parse_period("Apr-24").number, parse_period("Apr-24").year
(1, '2024/25')
>>> p = parse_period("Jan-Mar 2023")
>>> (str(p.kind), p.number, p.year)
('quarter', 4, '2022/23')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .vocabulary import MONTH_WORDS, TERM_MONTHS

MONTHS = MONTH_WORDS
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PER_YEAR = {"month": 12, "quarter": 4, "term": 3, "year": 1}


class PeriodKind(StrEnum):
    """What a period column covers."""

    MONTH = "month"
    QUARTER = "quarter"
    TERM = "term"  # a school term (004's BBF12: Autumn, Spring, Summer)
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a financial year: ``number`` counts periods of its kind from the year's
    start; ``start`` and ``months`` say which months of the year it covers."""

    kind: PeriodKind
    number: int
    year: str | None  # the financial year, "2024/25"
    label: str
    start: int = 0  # first month of the year it covers (1 = April); 0: from kind and number
    months: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PeriodKind):
            object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not self.start:
            first, length = _default_span(self.kind, self.number)
            object.__setattr__(self, "start", first)
            object.__setattr__(self, "months", length)

    @property
    def periods(self) -> int:
        """Periods in a year of this kind: 12, 4, 3 or 1."""
        return _PER_YEAR.get(self.kind, 12)

    @property
    def quarter(self) -> int:
        """The quarter this period ends in."""
        return (self.last - 1) // 3 + 1

    @property
    def last(self) -> int:
        """The last month of the year it covers (12 for a whole year)."""
        return self.start + self.months - 1

    def ordinal(self) -> int | None:
        """Its last month counted from a fixed origin, to order periods of any length; None
        when the period names no year."""
        if self.year is None:
            return None
        return int(self.year[:4]) * 12 + self.last

    def first_ordinal(self) -> int | None:
        """Its first month, on the same scale as :meth:`ordinal`."""
        end = self.ordinal()
        return None if end is None else end - self.months + 1

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies within this period (June is within Quarter 1)."""
        a, b, c, d = self.first_ordinal(), self.ordinal(), other.first_ordinal(), other.ordinal()
        if None in (a, b, c, d):
            return False
        return a <= c and d <= b  # type: ignore[operator]

    def with_year(self, year: str | None) -> Period:
        """The same period in another financial year (a label to match)."""
        return Period(self.kind, self.number, year, self.label, self.start, self.months)


def _default_span(kind: str, number: int) -> tuple[int, int]:
    if kind == "quarter":
        return 3 * number - 2, 3
    if kind == "year":
        return 1, 12
    return number, 1


def fy_label(start_year: int) -> str:
    """``2024`` -> ``2024/25``."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def previous_fy(fy: str) -> str:
    """The financial year before: ``2024/25`` -> ``2023/24``."""
    return fy_label(int(fy[:4]) - 1)


def year_label(fy: str, fy_start: int = 4) -> str:
    """A reporting year as a report prints it: ``2024/25``, or ``2024`` where the year is
    the calendar year (it starts in January).

    >>> year_label("2024/25"), year_label("2024/25", fy_start=1)
    ('2024/25', '2024')
    """
    return fy[:4] if fy_start == 1 and len(fy) >= 4 and fy[:4].isdigit() else fy


def fy_of(month: int, year: int, fy_start: int = 4) -> str:
    """The financial year holding a calendar month.

    >>> fy_of(1, 2025), fy_of(4, 2025)
    ('2024/25', '2025/26')
    """
    return fy_label(year if month >= fy_start else year - 1)


def _fy_from_text(text: str) -> str | None:
    m = _FY_RE.search(text)
    if not m:
        return None
    first = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
    second = int(m[2][-2:])
    if (first + 1) % 100 != second:
        return None
    return fy_label(first)


_FY_RE = re.compile(r"(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)\b")


def month_period(month: int, year: int, fy_start: int = 4, label: str | None = None) -> Period:
    """The period of a calendar month.

    >>> month_period(1, 2025).number
    10
    """
    number = (month - fy_start) % 12 + 1
    return Period(
        PeriodKind.MONTH,
        number,
        fy_of(month, year, fy_start),
        label or f"{MONTH_ABBR[month - 1]}-{year % 100:02d}",
    )


def span_period(
    first: tuple[int, int], last: tuple[int, int], fy_start: int = 4, label: str = ""
) -> Period | None:
    """The period from one (month, year) to another: a month, a quarter, a whole year,
    or None when it is none of those within one financial year.

    >>> span_period((4, 2022), (3, 2023)).kind
    <PeriodKind.YEAR: 'year'>
    """
    a = first[1] * 12 + first[0] - 1
    b = last[1] * 12 + last[0] - 1
    if b < a:
        return None
    fy = fy_of(first[0], first[1], fy_start)
    if fy != fy_of(last[0], last[1], fy_start):
        return None
    start = (first[0] - fy_start) % 12 + 1
    months = b - a + 1
    label = label or f"{MONTH_ABBR[first[0] - 1]}-{MONTH_ABBR[last[0] - 1]} {last[1]}"
    if months == 1:
        return Period(PeriodKind.MONTH, start, fy, label)
    if months == 12:
        return Period(PeriodKind.YEAR, 1, fy, label)
    if months == 3 and start % 3 == 1:
        return Period(PeriodKind.QUARTER, (start + 2) // 3, fy, label)
    return None


_QUARTER_RE = re.compile(r"^(?:q|quarter|qtr)\s*([1-4])\b(.*)$")
_QUARTERS_RE = re.compile(r"^q\s*1\s*-\s*(?:q\s*)?4\b(.*)$")  # "Q1-4 2022/23": the year
_MONTH_RE = re.compile(r"^([a-z]+)\.?[\s\-/]*(\d{2}(?:\d{2})?)?\b(.*)$")
_RANGE_RE = re.compile(
    r"^([a-z]{3,9})\.?\s*(\d{2}(?:\d{2})?)?\s*(?:-|to)\s*([a-z]{3,9})\.?\s*(\d{2}(?:\d{2})?)$"
)
_YEAR_RE = re.compile(
    r"^(?:fy\s*|year\s*|financial year\s*)?(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)$"
)
_TERM_RE = re.compile(r"^(autumn|spring|summer)(?:\s+term)?\s*(\d{2}(?:\d{2})?)$")


def parse_period(header: object, fy_start: int = 4) -> Period | None:
    """A period column's header or a figure's period note, or None when it is not one.

    Year-to-date headers ("Year to Date 2023-24") are not periods.

    >>> parse_period("Quarter 1 23-24").year
    '2023/24'
    >>> parse_period("June 2023/24").number
    3
    >>> parse_period("Year to Date 2023-24") is None
    True
    >>> str(parse_period("2023/24").kind), parse_period("Autumn term 2023").start
    ('year', 6)
    >>> p = parse_period("2010-14")  # a 4-year aggregate, ending 2013/14
    >>> p.year, p.months
    ('2013/14', 48)
    """
    if isinstance(header, (dt.datetime, dt.date)):
        return month_period(header.month, header.year, fy_start)
    if not isinstance(header, str) or len(header) > 80:
        return None
    label = " ".join(header.split())
    text = re.sub(r"<[^>]*>|[*_]|\(.*?\)", " ", label.lower()).strip()
    text = " ".join(text.replace("–", "-").replace("—", "-").split())
    if not text or "to date" in text or "ytd" in text.split():
        return None
    m = _QUARTERS_RE.match(text)
    if m:
        fy = _fy_from_text(m[1])
        return Period(PeriodKind.YEAR, 1, fy, label) if fy else None
    m = _QUARTER_RE.match(text)
    if m:
        return _quarter(int(m[1]), m[2], fy_start, label)
    m = _YEAR_RE.match(text)
    if m:
        first = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
        last = int(m[2][-2:])
        if (first + 1) % 100 == last:
            return Period(PeriodKind.YEAR, 1, fy_label(first), label)
        for years in range(2, 6):
            # "2021-23", "2010-14": an aggregate of several years (the LGBF's 2- and
            # 3-year survey figures), ending with the last of them; three years or more
            # only with the first year in full, so that "16-19" stays an age range
            if (first + years) % 100 == last and (years == 2 or len(m[1]) == 4):
                return Period(
                    PeriodKind.YEAR,
                    1,
                    fy_label(first + years - 1),
                    label,
                    13 - 12 * years,
                    12 * years,
                )
        return None
    m = _TERM_RE.match(text)
    if m:
        return _term(m[1], _full_year(m[2]), fy_start, label)
    m = _RANGE_RE.match(text)
    if m and m[1] in MONTHS and m[3] in MONTHS and m[4]:
        y2 = _full_year(m[4])
        a, b = MONTHS[m[1]], MONTHS[m[3]]
        y1 = _full_year(m[2]) if m[2] else (y2 if a <= b else y2 - 1)
        return span_period((a, y1), (b, y2), fy_start, label)
    m = _MONTH_RE.match(text)
    if m and m[1] in MONTHS:
        month = MONTHS[m[1]]
        rest = (m[2] or "") + (m[3] or "")
        fy = _fy_from_text(rest)
        if fy is None and m[2] and not m[3].strip().startswith(("/", "-")):
            return month_period(month, _full_year(m[2]), fy_start, label)
        if fy is None and not _role_tail(m[3]):
            return None  # "May contain" or other words after a month name
        number = (month - fy_start) % 12 + 1
        return Period(PeriodKind.MONTH, number, fy, label)
    return None


# Words that may follow a period in a header without making it something else.
_ROLE_WORDS = frozenset(
    [
        "target",
        "targets",
        "actual",
        "actuals",
        "value",
        "values",
        "rag",
        "status",
        "comment",
        "comments",
        "commentary",
        "dot",
        "direction",
        "travel",
        "trend",
        "performance",
        "result",
        "outturn",
        "figure",
        "data",
    ]
)


def _role_tail(rest: str) -> bool:
    return all(w in _ROLE_WORDS for w in re.findall(r"[a-z]+", rest))


def _full_year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _quarter(q: int, rest: str, fy_start: int, label: str) -> Period | None:
    fy = _fy_from_text(rest)
    if fy is None:
        m = re.match(r"^\s*(20\d\d)\s*$", rest)
        if m:  # "Q4 2023": the financial quarter whose months fall in that calendar year
            first_month = (fy_start - 1 + 3 * (q - 1)) % 12 + 1
            fy = fy_of(first_month, int(m[1]), fy_start)
        elif not _role_tail(rest):
            return None
    return Period(PeriodKind.QUARTER, q, fy, label)


def _term(name: str, year: int, fy_start: int, label: str) -> Period | None:
    first, last = TERM_MONTHS[name]
    order = ("autumn", "spring", "summer")
    return _months(first, last, year, fy_start, label, PeriodKind.TERM, order, name)


def _months(
    first: int,
    last: int,
    year: int,
    fy_start: int,
    label: str,
    kind: PeriodKind,
    order: tuple[str, ...],
    name: str,
) -> Period | None:
    fy = fy_of(first, year, fy_start)
    if fy != fy_of(last, year, fy_start):
        return None
    start = (first - fy_start) % 12 + 1
    return Period(kind, order.index(name) + 1, fy, label, start, last - first + 1)


def is_ytd_header(header: object) -> str | None:
    """The financial year of a "Year to Date 2023-24" header ('' when it names none).

    >>> is_ytd_header("Year to Date 2023-24 (Quarter 1)")
    '2023/24'
    """
    if not isinstance(header, str) or len(header) > 80:
        return None
    text = " ".join(re.sub(r"<[^>]*>|[*_]", " ", header.lower()).split())
    if "year to date" in text or re.search(r"\bytd\b", text):
        return _fy_from_text(text) or ""
    return None


def ytd_through(header: object, fy_start: int = 4) -> Period | None:
    """The period a year-to-date header says it runs to: "Year to Date 2023-24 (Quarter 1)"
    runs to the end of Q1; None when it does not say.

    >>> ytd_through("Year to Date 2023-24 (Quarter 1)").label
    'Quarter 1'
    """
    if not isinstance(header, str):
        return None
    fy = is_ytd_header(header)
    inner = re.search(r"\(([^)]*)\)", header)
    if fy is None or inner is None:
        return None
    p = parse_period(inner[1].strip(), fy_start)
    if p is None:
        return None
    return p if p.year else p.with_year(fy or None)
