"""Tolerances as officers write them, and the amber limit they give (rules.md section 3).

>>> parse_tolerance("85% - 90%").describe()
'band 85% to 90%'
>>> parse_tolerance("5% points").amount
0.05

What a tolerance does to a target (the amber limit, a band's ends) is the rules' business:
:func:`kpixl.core.rules.family`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from .errors import ToleranceError
from .values import MAX_RULE_TEXT, Value, is_empty, percent_scale
from .vocabulary import TOLERANCE_DEFAULT_WORDS, TOLERANCE_NONE_WORDS, words

TOLERANCE_HINT = "write 5%, 5 pts or 85% - 90%"
AMBIGUOUS_HINT = (
    "write 5% (of the target), 5 pts (percentage points) or +/- 5 (in the target's unit)"
)


class ToleranceKind(StrEnum):
    RELATIVE = "relative"  # a share of the target: 5% of 90% is 4.5 points
    POINTS = "points"  # percentage points, on the target's scale
    ABSOLUTE = "absolute"  # in the target's own unit: 3 days
    BAND = "band"  # an amber band such as 85% - 90%
    THRESHOLDS = "thresholds"  # "99.5% and above is green, 99% and above is amber"
    NONE = "none"  # no amber: any miss is Red
    DEFAULT = "default"  # blank or N/A: the setting applies

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Tolerance:
    """A parsed tolerance. Percentages are stored as fractions (5% is 0.05).

    >>> parse_tolerance("3% (85.36% - 88%)").kind
    <ToleranceKind.RELATIVE: 'relative'>
    """

    kind: ToleranceKind
    amount: float = 0.0
    low: float | None = None  # band ends (or the cross-check band of "3% (85.36% - 88%)")
    high: float | None = None
    percent: bool = False  # band or thresholds written with %
    green: float | None = None  # explicit thresholds
    amber: float | None = None
    text: str = ""

    def describe(self) -> str:
        """Words for a report's key, e.g. ``within 5% of target``."""
        k = self.kind
        if k is ToleranceKind.RELATIVE:
            return f"{_pct(self.amount)} of target"
        if k is ToleranceKind.POINTS:
            return f"{_num(self.amount * 100)} percentage points"
        if k is ToleranceKind.ABSOLUTE:
            return f"+/- {_num(self.amount)}"
        if k is ToleranceKind.BAND:
            show = _pct if self.percent else _num
            return f"band {show(self.low)} to {show(self.high)}"
        if k is ToleranceKind.THRESHOLDS:
            show = _pct if self.percent else _num
            return f"Green from {show(self.green)}, Amber from {show(self.amber)}"
        if k is ToleranceKind.NONE:
            return "no tolerance"
        return "default tolerance"

    def band(self, target: float) -> tuple[float, float]:
        """A band's ends on the target's scale (85% - 90% against 90 is 85 to 90)."""
        scale = percent_scale(target) if self.percent else 1.0
        return self.low * scale, self.high * scale  # type: ignore[operator]


DEFAULT_TOLERANCE = Tolerance(ToleranceKind.RELATIVE, 0.05, text="5%")
_DEFAULT = Tolerance(ToleranceKind.DEFAULT)
_NO_TOLERANCE = Tolerance(ToleranceKind.NONE, text="No tolerance")


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:,.6g}"


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x * 100:.6g}%"


_N = r"(\d+(?:\.\d+)?|\.\d+)"
_THRESH_RE = re.compile(
    _N + r"\s*(%?)\s*(and above|or above|or more|and over|or over|or higher|and higher|\+|"
    r"and below|or below|or less|or under|and under|or lower|and lower)?\s*(?:is|=|:)?\s*"
    r"(green|amber)"
)
_POINTS_RE = re.compile(
    _N + r"\s*%?\s*(?:percentage points?|percent points?|% points?|points?|pts?|pp|ppts?)\b"
)
_PLUSMINUS_RE = re.compile(r"^(?:\+/-|±|\+-|plus or minus)\s*" + _N + r"\s*(%?)\s*([a-z]*)$")
_ABS_RE = re.compile(
    "^" + _N + r"\s*(abs|absolute|days?|working days|weeks?|hours?|mins?|minutes?|units?|kg|"
    r"people|cases|households)$"
)
_BAND_RE = re.compile(
    "^" + _N + r"\s*(%?)\s*(?:-|to|and)\s*" + _N + r"\s*(%?)\s*(days?|weeks?|hours?|kg)?$"
)
_REL_RE = re.compile("^" + _N + r"\s*%$")
_REL_BAND_RE = re.compile("^" + _N + r"\s*%\s*\((.*)\)$")
_ANY_TOL_RE = re.compile(_N + r"\s*(?:%\s*(?:points?|pts?|pp)?|\s*(?:points?|pts?|pp)\b)")


def parse_tolerance(x: object) -> Tolerance:
    """Read a tolerance as officers type it; blank or N/A means the default setting.

    Raises ToleranceError for text it cannot read and for a bare number of 1 or more
    (5% of the target? 5 points? 5 units?), never guessing.

    >>> parse_tolerance("No tolerance").kind
    <ToleranceKind.NONE: 'none'>
    >>> parse_tolerance(0.05).amount
    0.05
    """
    if x is None or (not isinstance(x, str) and is_empty(x)):  # NaN: an empty cell via pandas
        return _DEFAULT
    if isinstance(x, Tolerance):
        return x
    if isinstance(x, Value):  # a number whose cell format the reader knew (5% is 0.05)
        return _DEFAULT if x.value is None else _from_number(x.value, x.value)
    if isinstance(x, bool):
        raise ToleranceError("tolerance", x, TOLERANCE_HINT)
    if isinstance(x, (int, float, Decimal, Fraction)):
        try:
            f = float(x)
        except (OverflowError, ValueError):
            raise ToleranceError("tolerance", x, AMBIGUOUS_HINT, "ambiguous") from None
        return _from_number(f, x)
    if not isinstance(x, str):
        raise ToleranceError("tolerance", x, TOLERANCE_HINT)
    if len(x) > MAX_RULE_TEXT:
        raise ToleranceError("tolerance", x, TOLERANCE_HINT, "too long to be a tolerance:")
    return _parse_text(x)


def _from_number(t: float, raw: object) -> Tolerance:
    if t != t:  # NaN: an empty cell through pandas
        return _DEFAULT
    if t in (float("inf"), float("-inf")):
        raise ToleranceError("tolerance", raw, TOLERANCE_HINT)
    if t == 0:
        return _NO_TOLERANCE
    if 0 < t < 1:
        return Tolerance(ToleranceKind.RELATIVE, t, text=_pct(t))
    if t < 0:
        raise ToleranceError("tolerance", raw, TOLERANCE_HINT, "a negative tolerance")
    raise ToleranceError("tolerance", raw, AMBIGUOUS_HINT, "ambiguous")


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Tolerance:
    t = words(raw)
    if t in TOLERANCE_DEFAULT_WORDS:
        return _DEFAULT
    if t in TOLERANCE_NONE_WORDS:
        return Tolerance(ToleranceKind.NONE, text=raw)
    found = _parse_form(t, raw)
    if found is not None:
        return found
    # "TBD - for now applied standard 5%": use the one tolerance the text contains.
    hits = _ANY_TOL_RE.findall(t)
    spans = [m.group(0) for m in _ANY_TOL_RE.finditer(t)]
    if len(hits) == 1:
        found = _parse_form(spans[0].strip(), raw)
        if found is not None:
            return found
    try:
        number = float(t)
    except ValueError:
        raise ToleranceError("tolerance", raw, TOLERANCE_HINT) from None
    return _from_number(number, raw)


def _parse_form(t: str, raw: str) -> Tolerance | None:
    hits = _THRESH_RE.findall(t)
    if hits:
        return _thresholds(hits, raw)
    m = _REL_BAND_RE.match(t)
    if m:  # "3% (85.36% - 88%)": relative, the band is only a cross-check
        band = _BAND_RE.match(m[2].strip())
        rel = float(m[1]) / 100
        if band:
            lo, hi = sorted(_band_ends(band))
            return Tolerance(ToleranceKind.RELATIVE, rel, lo, hi, percent=True, text=raw)
        return Tolerance(ToleranceKind.RELATIVE, rel, text=raw)
    m = _REL_RE.match(t)
    if m:
        return _relative(float(m[1]) / 100, raw)
    m = _POINTS_RE.fullmatch(t) or _POINTS_RE.fullmatch(t.replace(" ", ""))
    if m:
        return Tolerance(ToleranceKind.POINTS, float(m[1]) / 100, text=raw)
    m = _PLUSMINUS_RE.match(t)
    if m:
        if m[2]:
            return _relative(float(m[1]) / 100, raw)
        return Tolerance(ToleranceKind.ABSOLUTE, float(m[1]), text=raw)
    m = _ABS_RE.match(t)
    if m:
        return Tolerance(ToleranceKind.ABSOLUTE, float(m[1]), text=raw)
    m = _BAND_RE.match(t)
    if m:
        lo, hi = sorted(_band_ends(m))
        return Tolerance(ToleranceKind.BAND, 0.0, lo, hi, percent=bool(m[2] or m[4]), text=raw)
    return None


def _relative(rel: float, raw: str) -> Tolerance:
    if rel == 0:
        return Tolerance(ToleranceKind.NONE, text=raw)
    return Tolerance(ToleranceKind.RELATIVE, rel, text=raw)


def _band_ends(m: re.Match[str]) -> tuple[float, float]:
    a, b = float(m[1]), float(m[3])
    if m[2] or m[4]:  # "85% - 90%" and "85 - 90%" both mean percentages
        return a / 100, b / 100
    return a, b


def _thresholds(hits: list[tuple[str, str, str, str]], raw: str) -> Tolerance:
    levels: dict[str, float] = {}
    percent = False
    for number, pct, _direction, colour in hits:
        value = float(number)
        if pct:
            value /= 100
            percent = True
        levels[colour] = value
    if set(levels) != {"green", "amber"}:
        raise ToleranceError(
            "tolerance",
            raw,
            'write both levels, e.g. "99.5% and above is green, 99% and above is amber"',
        )
    return Tolerance(
        ToleranceKind.THRESHOLDS,
        green=levels["green"],
        amber=levels["amber"],
        percent=percent,
        text=raw,
    )
