"""What a column's heading means: one of kpixl's fields, a period (and its role: a value,
a target…), a year to date, or nothing kpixl uses.

>>> h = classify("Direction of Travel (since previous period)")
>>> (h.kind, h.field)
(<HeadingKind.FIELD: 'field'>, 'stated_direction')
>>> classify("Q1 2023/24 Target").role
<Role.TARGET: 'target'>
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .errors import InputError
from .periods import Period, is_ytd_header, parse_period, ytd_through
from .values import Value
from .vocabulary import FIELD_WORDS, HEADING_WORDS, LONG_FIELDS

# Indicator fields a column can fill (Indicator's own attribute names, and a long table's).
FIELDS = (
    "ref",
    "name",
    "committee",
    "directorate",
    "service",
    "polarity",
    "target",
    "tolerance",
    "method",
    "unit",
    "frequency",
    "benchmark",
    "last_year_ytd",
    "stated_ytd",
    "stated_status",
    "stated_direction",
    "comments",
    "owner",
    *LONG_FIELDS,
)
IGNORE = "ignore"


class HeadingKind(StrEnum):
    FIELD = "field"
    PERIOD = "period"
    YTD = "ytd"
    IGNORE = "ignore"


class Role(StrEnum):
    """What a period column holds."""

    VALUE = "value"
    TARGET = "target"
    STATUS = "status"
    COMMENT = "comment"
    DIRECTION = "direction"


_HEADINGS: dict[str, str] = {alias: f for f, names in HEADING_WORDS.items() for alias in names}
_ROLE_WORDS = (
    (Role.TARGET, re.compile(r"\btargets?\b")),
    (Role.STATUS, re.compile(r"\b(?:status|rag|rating)\b")),
    (Role.COMMENT, re.compile(r"\b(?:comments?|commentary|narrative|update)\b")),
    (Role.DIRECTION, re.compile(r"\b(?:direction|dot|travel|trend)\b")),
)
_TAG_RE = re.compile(r"<[^>]*>")
_PAREN_RE = re.compile(r"\([^)]*\)")
_PUNCT_RE = re.compile(r"[^a-z0-9/%£ ]+")
_FY_RE = re.compile(r"\b(?:fy\s*)?(?:20)?\d\d\s*[/\-–]\s*\d\d(?:\d\d)?\b|\b20\d\d\b")


def heading_key(text: str) -> str:
    """A header as kpixl compares it: lower case, no markup, no notes in brackets.

    >>> heading_key("Direction of Travel (since previous period)")
    'direction of travel'
    >>> heading_key("<u>Ref No.</u>"), heading_key("planning_ref")
    ('ref no', 'planning ref')
    """
    s = _PAREN_RE.sub(" ", _TAG_RE.sub(" ", text[:200])).lower().replace("&", " and ")
    return " ".join(_PUNCT_RE.sub(" ", s.replace("_", " ")).split())


def display(text: object) -> str:
    """A header as shown in messages: markup and extra spaces removed."""
    if isinstance(text, (dt.datetime, dt.date)):
        return text.strftime("%b-%y")
    return " ".join(_TAG_RE.sub(" ", str(text)).split())


@dataclass(frozen=True, slots=True)
class Heading:
    """What one header cell means: a field, a period column (value, target…) or a YTD."""

    kind: HeadingKind
    field: str = ""
    period: Period | None = None
    role: Role = Role.VALUE
    fy: str = ""  # for a YTD: its financial year ('' when the header names none)
    through: Period | None = None  # for a YTD: the period it runs to, where it says
    mapped: bool = False  # from the officer's `columns` mapping: the period's label wins

    @property
    def is_value(self) -> bool:
        return self.kind is HeadingKind.PERIOD and self.role is Role.VALUE


def field_name(word: object) -> str:
    """The Indicator field a `columns` mapping names, as officers may write it.

    >>> field_name("Status"), field_name("ytd method")
    ('stated_status', 'method')
    """
    key = heading_key(str(word))
    if key.replace(" ", "_") in FIELDS:
        return key.replace(" ", "_")
    found = FIELD_WORDS.get(key)
    if found is None:
        raise InputError(
            "column mapping",
            word,
            "map a header to one of: " + ", ".join((*FIELDS, IGNORE)) + " or a period (Apr-24)",
        )
    return found


@lru_cache(maxsize=8192)
def classify(text: str, fy_start: int = 4) -> Heading | None:
    """A header cell's meaning, or None when kpixl does not know it."""
    key = heading_key(text)
    if key in _HEADINGS:  # an exact known heading first: "YTD Method" is not a YTD column
        return Heading(HeadingKind.FIELD, field=_HEADINGS[key])
    ytd = is_ytd_header(text)
    if ytd is not None:
        return Heading(HeadingKind.YTD, fy=ytd, through=ytd_through(text, fy_start))
    period = parse_period(text, fy_start)
    if period is not None:
        for role, pattern in _ROLE_WORDS:
            if pattern.search(key):
                return Heading(HeadingKind.PERIOD, period=period, role=role)
        return Heading(HeadingKind.PERIOD, period=period)
    bare = " ".join(_FY_RE.sub(" ", key).split())  # "Annual Target 2024/25"
    found = _HEADINGS.get(bare)
    if found is None and bare.endswith(" target") and len(bare) <= 30:
        found = "target"  # "2024/25 Target", "Council target"
    return Heading(HeadingKind.FIELD, field=found) if found else None


# Words one of which every indicator-name heading holds: rows without any are skipped fast.
_NAME_WORDS = ("indicator", "descr", "measure", "kpi", "title", "metric")


class Headings:
    """Classifies header cells, with the officer's own `columns` mapping first."""

    def __init__(self, columns: Mapping[str, str] | None, fy_start: int):
        self.fy_start = fy_start
        self.mapped: dict[str, Heading] = {}
        self.written: dict[str, str] = {}  # heading key -> the mapping's key as written
        for header, target in (columns or {}).items():
            period = parse_period(str(target), fy_start) if isinstance(target, str) else None
            if period is not None:
                heading = Heading(HeadingKind.PERIOD, period=period, mapped=True)
            else:
                f = field_name(target)
                heading = (
                    Heading(HeadingKind.IGNORE)
                    if f == IGNORE
                    else Heading(HeadingKind.FIELD, field=f)
                )
            self.mapped[heading_key(str(header))] = heading
            self.written[heading_key(str(header))] = str(header)
        self.used: set[str] = set()  # mapping keys that met a heading
        self.name_mapped = any(h.field == "name" for h in self.mapped.values())

    def classify(self, cell: object) -> Heading | None:
        if isinstance(cell, (dt.datetime, dt.date)):
            return Heading(HeadingKind.PERIOD, period=parse_period(cell, self.fy_start))
        if not isinstance(cell, str) or len(cell) > 120 or not cell.strip():
            return None
        if self.mapped:
            key = heading_key(cell)
            found = self.mapped.get(key)
            if found is not None:
                self.used.add(key)
                return found
        return classify(cell, self.fy_start)

    def header(self, row: Sequence[object]) -> dict[int, Heading] | None:
        """The headings of a header row, or None when ``row`` is not one: it needs a name
        column and two other known headings, and no figures."""
        if not self.name_mapped:
            # fast path for data rows: every name heading holds one of these words
            blob = "\n".join(c for c in row if type(c) is str and len(c) <= 120).lower()
            if not any(w in blob for w in _NAME_WORDS):
                return None
        found: dict[int, Heading] = {}
        name = False
        for col, cell in enumerate(row):
            if isinstance(cell, (int, float, Value)) and not isinstance(cell, bool):
                return None  # a header holds no figures
            h = self.classify(cell)
            if h is not None:
                found[col] = h
                name = name or (h.kind is HeadingKind.FIELD and h.field == "name")
        if name and len(found) >= 3:
            return found
        return None

    def unused(self) -> list[str]:
        """Mapping keys (as written in kpixl.toml) that met no heading."""
        return [w for k, w in self.written.items() if k not in self.used]
