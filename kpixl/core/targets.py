"""Targets as councils write them, and targets to date (rules.md section 7).

>>> parse_target("252 (21 per month)").per_period
21.0
>>> target_to_date("252 (21 per month)", 4)
84.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from .errors import MethodError, TargetError
from .values import MAX_RULE_TEXT, Value, ValueTextError, is_empty, read_value
from .vocabulary import (
    CUMULATIVE_WORDS,
    TARGET_REVIEW_WORDS,
    TARGET_TRACKING_PREFIXES,
    TARGET_TRACKING_WORDS,
    words,
)

TARGET_HINT = (
    "write a number (92%, 40 Days), a rate per period (15 per quarter, 252 (21 per month)), "
    "a profile (Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828), TBC or No target - tracking indicator only"
)


class TargetKind(StrEnum):
    VALUE = "value"  # one figure: 92%, 40 Days, 98% (Annual target)
    PER_PERIOD = "per_period"  # 15 per quarter; 252 (21 per month); 25% (100% annual target)
    PROFILE = "profile"  # Q1 – 2.86 Q2 – 2.88 Q3 – 2.89 Q4 – 3.2
    MULTI_YEAR = "multi_year"  # 20/40/60/80/100 increments over the next 5 years
    TRACKING = "tracking"  # No target - tracking indicator only
    REVIEW = "review"  # TBC, Target under review, Profiled Target (with no numbers)
    SPLIT = "split"  # one per sub-measure: P1 and P2 97.5% P3 and P4 90%

    def __str__(self) -> str:
        return self.value


_UNITS_PER_YEAR = {"week": 52, "month": 12, "quarter": 4, "term": 3, "year": 1}


@dataclass(frozen=True, slots=True)
class Target:
    """One target model for every way a target is written.

    ``value`` is the single or annual figure, ``per_period`` the figure per ``per`` (month,
    quarter…), ``profile`` the figures by quarter (or by period), ``years`` the figures by
    year of a multi-year target. Percentages are fractions (92% is 0.92).
    """

    kind: TargetKind
    value: float | None = None
    per_period: float | None = None
    per: str | None = None
    profile: tuple[float, ...] = ()
    years: tuple[tuple[str, float], ...] = ()
    percent: bool = False
    text: str = ""
    parts: tuple[tuple[str, Target], ...] = ()  # SPLIT: sub-measure label -> its target
    cumulative: bool = False  # the text says the target is to date ("Cumulative Target")
    per_cell: bool = False  # a profile read from a target cell beside each period's figure

    def part(self, label: str) -> Target | None:
        """A sub-measure's own target from a split target, by its label ("P2").

        >>> parse_target("P1 and P2 97.5% P3 and P4 90%").part("P3").value
        0.9
        """
        key = label.strip().lower()
        for name, t in self.parts:
            if name == key:
                return t
        return None

    def point(self) -> float:
        """The figure to rate one period against when no period is named.

        >>> parse_target("15 per quarter").point()
        15.0
        """
        if self.per_period is not None:
            return self.per_period
        if self.value is not None:
            return self.value
        if self.kind is TargetKind.SPLIT:
            raise TargetError(
                "target",
                self.text,
                "it gives each sub-measure its own target; rate the sub-measures",
                "one target per sub-measure in",
            )
        if self.kind is TargetKind.PROFILE:
            raise TargetError(
                "target",
                self.text,
                "a profile needs the period: use KPI_TARGET(target, period)",
                "this is a profile by period",
            )
        raise TargetError(
            "target",
            self.text,
            "a multi-year target needs the year: use KPI_TARGET",
            "no single figure in",
        )

    def describe(self) -> str:
        """Short words for the pack, e.g. ``21 per month``."""
        show = _pct if self.percent else _num
        k = self.kind
        if k is TargetKind.VALUE:
            return show(self.value)
        if k is TargetKind.PER_PERIOD:
            return f"{show(self.per_period)} per {self.per}"
        if k is TargetKind.PROFILE:
            return " ".join(f"Q{i}: {show(v)}" for i, v in enumerate(self.profile, 1))
        if k is TargetKind.MULTI_YEAR:
            return " ".join(f"{y}: {show(v)}" for y, v in self.years)
        if k is TargetKind.SPLIT:
            return " ".join(f"{name.upper()} {t.describe()}" for name, t in self.parts)
        return "Tracking" if k is TargetKind.TRACKING else "Under review"


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:,.6g}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x * 100:.6g}%"


_REVIEW = Target(TargetKind.REVIEW, text="")
_REVIEW_RE = re.compile(r"\b(?:" + "|".join(TARGET_REVIEW_WORDS) + r")\b")
_TRACK_RE = re.compile(
    r"(?:^|\b)(?:" + "|".join(re.escape(w) for w in TARGET_TRACKING_WORDS) + r")(?:\b|$)"
)
_CUMULATIVE_RE = re.compile(
    r"(?:^|\b|\()(?:" + "|".join(re.escape(w.strip("()")) for w in CUMULATIVE_WORDS) + r")\b"
)
_SPLIT_RE = re.compile(r"\b([a-z]{1,3}\d{1,2})\b")
_N = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%*"
_PER_RE = re.compile(
    rf"({_N})\s*(?:days?\s*|kg\s*)?(?:per|a|each|every|/)\s*(week|month|quarter|term|year|annum)\b"
)
_LABELLED_RE = re.compile(
    rf"(year[- ]end|annual|monthly|quarterly|weekly)\s*(?:target)?\s*[:=-]?\s*({_N})"
)
_ANNUAL_PAREN_RE = re.compile(rf"^({_N})\s*\(\s*({_N})\s*annual(?:ly)?(?: target)?\s*\)$")
_QUARTER_RE = re.compile(rf"\bq([1-4])\s*(?:[:=]|[-–—])?\s*({_N})(?!\s*/)")
_YEAR_RE = re.compile(rf"q4\s*(\d\d(?:\d\d)?/\d\d)\s*[:=-]?\s*({_N})")
_INCREMENTS_RE = re.compile(rf"^((?:{_N}\s*/\s*)+{_N})\s*(?:increments?|over|by|%|$)")
_QUALIFIER_RE = re.compile(
    rf"^({_N}(?:\s*(?:days?|working days|weeks?|kg|hours?))?)\s*(?:\(?\s*(?:annual(?:ly)?|"
    r"per annum|annual target|year[- ]end|by year end|target|cumulative|cumulative target)"
    r"\s*\)?)?\s*$"
)


def parse_target(x: object) -> Target:
    """Read a target as councils write it into the one target model.

    >>> parse_target("No target - tracking indicator only").kind
    <TargetKind.TRACKING: 'tracking'>
    >>> parse_target("Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828").profile
    (4505.0, 5603.0, 2720.0, 2828.0)
    """
    if isinstance(x, Target):
        return x
    if x is None:
        return _REVIEW
    if isinstance(x, (list, tuple)):
        return _sequence(x)
    if isinstance(x, Value):  # a figure whose cell format the reader knew (80% is 0.8)
        if x.value is None:
            return _REVIEW
        text = _pct(x.value) if x.percent else _num(x.value)
        return Target(TargetKind.VALUE, x.value, percent=x.percent, text=text)
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        try:
            v = read_value(x, "target")
        except ValueTextError:
            raise TargetError("target", x, TARGET_HINT) from None
        if v.value is None:
            return _REVIEW
        return Target(TargetKind.VALUE, v.value, text=str(x))
    if isinstance(x, (int, float)):
        try:
            f = float(x)
        except OverflowError:
            raise TargetError("target", x, TARGET_HINT, "too large to be a target:") from None
        if f != f:
            return _REVIEW
        if math.isinf(f) or abs(f) > 1e300:
            raise TargetError("target", x, TARGET_HINT, "too large to be a target:")
        return Target(TargetKind.VALUE, f, text=str(x))
    if len(x) > MAX_RULE_TEXT:
        raise TargetError("target", x, TARGET_HINT, "too long to be a target:")
    return _parse_text(x)


def _sequence(items: list[object] | tuple[object, ...]) -> Target:
    """A profile given as plain numbers, one per period: ``[4505, 5603, 2720, 2828]``."""
    figures: list[float] = []
    percent = False
    for item in items:
        try:
            v = read_value(item, "target")
        except ValueTextError:
            raise TargetError("target", item, "give a profile as numbers, one per period") from None
        if v.value is None:
            raise TargetError(
                "target", item, "give every period of a profile a figure", "a blank in the profile:"
            )
        figures.append(v.value)
        percent = percent or v.percent
    if not figures:
        return _REVIEW
    if len(figures) == 1:
        return Target(TargetKind.VALUE, figures[0], percent=percent, text=str(items[0]))
    text = " ".join(f"P{i}: {f:g}" for i, f in enumerate(figures, 1))
    return Target(TargetKind.PROFILE, profile=tuple(figures), percent=percent, text=text)


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Target:
    found = _parse_words(raw)
    if found.kind in (TargetKind.TRACKING, TargetKind.REVIEW):
        return found
    cumulative = bool(_CUMULATIVE_RE.search(words(raw)))
    return replace(found, cumulative=True) if cumulative and not found.cumulative else found


def _parse_words(raw: str) -> Target:
    t = words(raw)
    if not t or t == "-":
        return Target(TargetKind.REVIEW, text=raw)
    has_digit = any(c.isdigit() for c in t)
    if t.startswith(TARGET_TRACKING_PREFIXES):
        return Target(TargetKind.TRACKING, text=raw)
    if _REVIEW_RE.search(t) and not _QUARTER_RE.search(t):
        return Target(TargetKind.REVIEW, text=raw)
    if not has_digit and _TRACK_RE.search(t):
        return Target(TargetKind.TRACKING, text=raw)
    try:  # the common case: one figure as typed, "92%", "40 Days", "19,378"
        v = read_value(raw, "target")
        if v.value is not None and v.numerator is None and not v.note:
            return Target(TargetKind.VALUE, v.value, percent=v.percent, text=raw)
    except ValueTextError:
        pass
    found = _parse_forms(t, raw)
    if found is None:
        raise TargetError("target", raw, TARGET_HINT)
    return found


def _fig(s: str) -> tuple[float, bool]:
    v = read_value(s, "target")
    assert v.value is not None
    return v.value, v.percent


def _split(t: str, raw: str) -> Target | None:
    """ "P1 and P2 97.5% P3 and P4 90%": labels, then the figure they share."""
    parts: list[tuple[str, Target]] = []
    labels: list[str] = []
    rest = t
    for token in rest.replace(",", " ").split():
        if _SPLIT_RE.fullmatch(token) and not token.startswith("q"):
            labels.append(token)
        elif token in ("and", "&", "+"):
            continue
        elif labels:
            try:
                v = read_value(token, "target")
            except ValueTextError:
                return None
            if v.value is None:
                return None
            figure = Target(TargetKind.VALUE, v.value, percent=v.percent, text=token)
            parts.extend((label, figure) for label in labels)
            labels = []
        else:
            return None
    if labels or len(parts) < 2:
        return None
    return Target(
        TargetKind.SPLIT,
        parts=tuple(parts),
        percent=any(p.percent for _, p in parts),
        text=raw,
    )


def _parse_forms(t: str, raw: str) -> Target | None:
    split = _split(t, raw)
    if split is not None:
        return split
    years = _YEAR_RE.findall(t)
    if len(years) >= 2:
        return Target(
            TargetKind.MULTI_YEAR,
            years=tuple((_fy(y), _fig(v)[0]) for y, v in years),
            percent=any(_fig(v)[1] for _, v in years),
            text=raw,
        )
    quarters = _QUARTER_RE.findall(t)
    if len(quarters) >= 2:
        by_q = {int(q): _fig(v) for q, v in quarters}
        if sorted(by_q) != list(range(1, len(by_q) + 1)):
            raise TargetError("target", raw, "give the quarters in order: Q1: 10 Q2: 12 …")
        return Target(
            TargetKind.PROFILE,
            profile=tuple(by_q[q][0] for q in sorted(by_q)),
            percent=any(p for _, p in by_q.values()),
            text=raw,
        )
    m = _INCREMENTS_RE.match(t)
    if m and "year" in t:
        figs = [_fig(p.strip()) for p in m[1].split("/")]
        return Target(
            TargetKind.MULTI_YEAR,
            years=tuple((f"year {i}", v) for i, (v, _) in enumerate(figs, 1)),
            percent=any(p for _, p in figs),
            text=raw,
        )
    m = _ANNUAL_PAREN_RE.match(t)
    if m:  # "25% (100% annual target)": the figure per period, and the year's total
        per, pct = _fig(m[1])
        year_total, _ = _fig(m[2])
        per_name = _unit_from_ratio(year_total, per)
        if per_name is None:
            return None
        return Target(TargetKind.PER_PERIOD, year_total, per, per_name, percent=pct, text=raw)
    labelled = dict((k, v) for k, v in _LABELLED_RE.findall(t))
    per_match = _PER_RE.search(t)
    if per_match or labelled:
        annual: float | None = None
        per_value = per_name = None
        pct = False
        if per_match:
            per_value, pct = _fig(per_match[1])
            per_name = "year" if per_match[2] == "annum" else per_match[2]
        for label, fig in labelled.items():
            v, p = _fig(fig)
            pct = pct or p
            if label in ("year-end", "year end", "annual"):
                annual = v
            else:
                per_value, per_name = v, label.removesuffix("ly").replace("month", "month")
        if per_name == "year":
            return Target(TargetKind.VALUE, per_value, percent=pct, text=raw)
        lead = re.match(rf"^({_N})\s*\(", t)
        if lead and annual is None:  # "252 (21 per month)"
            annual = _fig(lead[1])[0]
        if per_value is None:
            return Target(TargetKind.VALUE, annual, percent=pct, text=raw)
        return Target(TargetKind.PER_PERIOD, annual, per_value, per_name, percent=pct, text=raw)
    m = _QUALIFIER_RE.match(t)
    if m:  # "98% (Annual target)", "12.50% (annually)"
        v, p = _fig(m[1])
        return Target(TargetKind.VALUE, v, percent=p, text=raw)
    numbers = re.findall(_N, t)
    if len(numbers) > 1:
        raise TargetError(
            "target",
            raw,
            "give each sub-measure its own row with one target",
            "several targets in",
        )
    return None


def _unit_from_ratio(annual: float, per: float) -> str | None:
    if per == 0:
        return None
    ratio = annual / per
    for name, n in _UNITS_PER_YEAR.items():
        if abs(ratio - n) < 1e-6:
            return name
    return None


def _fy(text: str) -> str:
    # "23/24" and "2023/24" both become "2023/24"
    first, second = text.split("/")
    if len(first) == 2:
        first = "20" + first
    return f"{first}/{second}"


TARGET_METHOD_HINT = "write sum, ratio, mean, weighted, last, max, min, rolling:N or period"
TARGET_METHODS = ("sum", "ratio", "mean", "weighted", "last", "max", "min", "rolling", "period")


def target_to_date(
    target: object,
    period: object,
    periods: int = 12,
    method: str = "sum",
    year: str | None = None,
) -> float | None:
    """The target for the year so far at ``period`` (1 = first period of the year).

    For additive measures (``method="sum"``) the target accumulates: an annual figure is
    shared evenly (annual x k/n), a rate per period is multiplied, a profile is summed.
    For other methods (``ratio``, ``mean``, ``last``…) the target to date is the figure
    that applies at that period: the single figure, the rate, or the profile's entry
    (cumulative profiles such as 001 KI 8 are written that way). ``method="period"`` gives
    the target for that one period alone. Tracking and review targets give None.

    >>> target_to_date("Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2", 2, periods=4)
    5.74
    >>> target_to_date("15 per quarter", 6)
    30.0
    >>> target_to_date("Q1: 1.8 Q2: 3.4 Q3: 5.3", 3, periods=4, method="last")
    5.3
    """
    t = parse_target(target)
    if t.kind in (TargetKind.TRACKING, TargetKind.REVIEW):
        return None
    n = _periods(periods)
    k = _period_number(period, n)
    m = _method_name(method)
    if t.kind is TargetKind.MULTI_YEAR:
        annual = _year_value(t, year)
        return annual * k / n if m == "sum" else annual
    if t.kind is TargetKind.VALUE:
        return t.value * k / n if m == "sum" else t.value  # type: ignore[operator]
    if t.kind is TargetKind.PER_PERIOD:
        # the rate converted to this tracker's period length: 15 per quarter is 5 a month
        per_tracker_period = t.per_period * _UNITS_PER_YEAR[t.per] / n  # type: ignore[operator,index]
        if m == "sum":
            return _clean(per_tracker_period * k)
        return _clean(per_tracker_period) if m == "period" else t.per_period
    # a profile: its entries cover equal slices of the year
    profile = t.profile
    slots = len(profile) if len(profile) in (4, 12) else 4
    if m == "sum":
        pos = k * slots / n
        whole = int(pos + 1e-9)
        total = math.fsum(profile[: min(whole, len(profile))])  # exact in every Python
        if whole < len(profile) and pos - whole > 1e-9:
            total += profile[whole] * (pos - whole)
        return _clean(total)
    index = min(math.ceil(k * slots / n - 1e-9), len(profile)) - 1
    return profile[max(index, 0)]


def _clean(x: float) -> float:
    """Undo float noise only: 2.86 + 2.88 reads 5.74, not 5.739999999999999."""
    r = round(x, 9)
    return r if abs(x - r) <= 1e-12 * abs(x) else x


def _year_value(t: Target, year: str | None) -> float:
    if year is not None:
        for label, v in t.years:
            if label == year:
                return v
    return t.years[0][1]


def _number(x: object) -> float | None:
    """A finite number from a number or ASCII text ("4", "4.0"), else None. Text in other
    digits ("٣", "²") is not read, as everywhere else in kpixl.

    >>> _number("4"), _number(4.0), _number(float("inf")), _number("٣"), _number(10**400)
    (4.0, 4.0, None, None, None)
    """
    if isinstance(x, bool):
        return None
    if isinstance(x, str):
        text = x.strip()
        if not text.isascii() or len(text) > 30:
            return None
        x = text
    elif not isinstance(x, (int, float, Decimal, Fraction)):
        return None
    try:
        f = float(x)
    except (OverflowError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _periods(periods: object) -> int:
    if is_empty(periods):
        return 12  # monthly, as when the argument is left out
    f = _number(periods)
    if f is None or not 1 <= f <= 366:
        raise TargetError("periods", periods, "write 12 for monthly or 4 for quarterly")
    return int(f)


def _period_number(period: object, n: int) -> int:
    text = period.strip().upper() if isinstance(period, str) else None
    if text and re.fullmatch(r"Q[1-4]", text):
        q = int(text[1])
        k = q if n == 4 else q * n // 4
    elif text and re.fullmatch(r"[PM][0-9]{1,2}", text):
        k = int(text[1:])
    else:
        if is_empty(period):
            raise TargetError("period", "", f"write a number from 1 to {n}", "it is blank")
        f = _number(period)
        if f is None:
            raise TargetError(
                "period",
                period,
                f"write the period of the year as a number from 1 to {n}, or Q1-Q4",
            )
        if not 1 <= f <= n:
            raise TargetError("period", period, f"write a number from 1 to {n}", "out of range")
        if f != int(f):
            raise TargetError("period", period, f"write a whole number from 1 to {n}")
        k = int(f)
    if not 1 <= k <= n:
        raise TargetError("period", period, f"write a number from 1 to {n}", "out of range")
    return k


def _method_name(method: object) -> str:
    if is_empty(method):  # blank, or NaN (a blank cell through pandas)
        return "sum"
    if not isinstance(method, str):  # a number is never a method (str() of a huge int fails)
        raise MethodError("method", method, TARGET_METHOD_HINT)
    m = method[:40].strip().lower()
    base = m.split(":")[0].split(" ")[0]
    if base in ("average", "avg"):
        base = "mean"
    if base in ("latest", "snapshot", "cumulative"):
        base = "last"
    if base not in TARGET_METHODS:
        raise MethodError("method", method, TARGET_METHOD_HINT)
    return base
