"""Reporting periods as councils head their columns: Apr-24, Q1 2024/25, June 2023/24.

>>> parse_period("Q1 2024/25")
Period(kind='quarter', number=1, year='2024/25', label='Q1 2024/25')
>>> parse_period("Apr-24").number, parse_period("Apr-24").year
(1, '2024/25')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a financial year: ``number`` counts from the year's first period."""

    kind: str  # "month" or "quarter"
    number: int
    year: str | None  # the financial year, "2024/25"
    label: str

    @property
    def periods(self) -> int:
        """Periods in a year of this kind: 12 or 4."""
        return 12 if self.kind == "month" else 4

    @property
    def quarter(self) -> int:
        return self.number if self.kind == "quarter" else (self.number - 1) // 3 + 1


def fy_label(start_year: int) -> str:
    """``2024`` -> ``2024/25``."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def _fy_from_text(text: str) -> str | None:
    m = re.search(r"(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)\b", text)
    if not m:
        return None
    first = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
    second = int(m[2][-2:])
    if (first + 1) % 100 != second:
        return None
    return fy_label(first)


def month_period(month: int, year: int, fy_start: int = 4, label: str | None = None) -> Period:
    """The period of a calendar month.

    >>> month_period(1, 2025).number
    10
    """
    number = (month - fy_start) % 12 + 1
    start_year = year if month >= fy_start else year - 1
    return Period(
        "month", number, fy_label(start_year), label or f"{MONTH_ABBR[month - 1]}-{year % 100:02d}"
    )


_QUARTER_RE = re.compile(r"^(?:q|quarter|qtr)\s*([1-4])\b(.*)$")
_MONTH_RE = re.compile(r"^([a-z]+)\.?[\s\-/]*(\d{2}(?:\d{2})?)?\b(.*)$")


def parse_period(header: object, fy_start: int = 4) -> Period | None:
    """A period column's header, or None when the header is not a single period.

    Year-to-date headers ("Year to Date 2023-24") are not periods.

    >>> parse_period("Quarter 1 23-24").year
    '2023/24'
    >>> parse_period("June 2023/24").number
    3
    >>> parse_period("Year to Date 2023-24") is None
    True
    """
    if isinstance(header, (dt.datetime, dt.date)):
        return month_period(header.month, header.year, fy_start)
    if not isinstance(header, str):
        return None
    label = " ".join(header.split())
    text = re.sub(r"<[^>]*>|[*_]|\(.*?\)", " ", label.lower()).strip()
    text = " ".join(text.split())
    if not text or "to date" in text or "ytd" in text.split():
        return None
    m = _QUARTER_RE.match(text)
    if m:
        return Period("quarter", int(m[1]), _fy_from_text(m[2]), label)
    m = _MONTH_RE.match(text)
    if m and m[1] in MONTHS:
        month = MONTHS[m[1]]
        rest = (m[2] or "") + (m[3] or "")
        fy = _fy_from_text(rest)
        if fy is None and m[2] and not m[3].strip().startswith(("/", "-")):
            year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
            return month_period(month, year, fy_start, label)
        number = (month - fy_start) % 12 + 1
        return Period("month", number, fy, label)
    return None


def is_ytd_header(header: object) -> str | None:
    """The financial year of a "Year to Date 2023-24" header ('' when it names none)."""
    if not isinstance(header, str):
        return None
    text = " ".join(re.sub(r"<[^>]*>|[*_]", " ", header.lower()).split())
    if "year to date" in text or re.search(r"\bytd\b", text):
        return _fy_from_text(text) or ""
    return None
