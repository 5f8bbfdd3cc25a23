"""RAG status and direction of travel (rules.md sections 1, 4 and 5): the one place the
comparison is made.

A row's target, polarity and tolerance are compiled once into a :class:`Rule` under a
:class:`~kpixl.core.scheme.Scheme`; the rule then rates any number of actuals. ``rag`` (one
cell), the KPI_* column functions and the pandas path all rate through rules, and keep the
rules of the distinct (target, polarity, tolerance) they meet, since those repeat down a
column.

>>> str(rag("90.2%", "92%", "Higher is better", "85% - 90%"))
'Amber'
>>> str(direction("9.1%", "9.8%", "Higher is better", "15%"))
'↓R'
>>> compile_rule("92%", "Higher is better", "85% - 90%").describe()
'Green from 92%; Amber from 85%; Red below 85%'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from . import scheme as _schemes
from .errors import KpixlError, TargetError, ValueTextError
from .polarity import Polarity, parse_polarity
from .scheme import DirectionStyle, Scheme, default_scheme, parse_fraction
from .targets import Target, TargetKind, parse_target
from .tolerance import Tolerance, ToleranceKind, parse_tolerance
from .values import (
    FRACTION_LIMIT,
    MAX_FIGURE,
    Value,
    is_empty,
    on_fraction_scale,
    percent_scale,
    read_value,
    short_text,
)
from .vocabulary import STATUS_WORDS, words

# Comparisons use a relative epsilon so that 52.25 against 55 x 0.95 (52.249999…) is Amber.
EPS = 1e-9


class Status(StrEnum):
    """A RAG status; ``str()`` gives the word shown in a report."""

    GREEN = "Green"
    AMBER = "Amber"
    RED = "Red"
    NO_DATA = "No data"
    UNDER_REVIEW = "Under review"
    TRACKING = "Tracking"
    EXCEEDED = "Exceeded"  # only where a scheme asks for a level beyond Green
    NOT_YET_DUE = "Not yet due"  # an annual measure before its year end (001's box)

    def __str__(self) -> str:
        return self.value

    @property
    def code(self) -> str:
        """A short code for narrow columns: G, A, R, ND, UR, T, E, NYD."""
        return _STATUS_CODES[self]

    @property
    def rated(self) -> bool:
        """True where a comparison with a target was made."""
        return self in (Status.GREEN, Status.AMBER, Status.RED, Status.EXCEEDED)


_STATUS_CODES = {
    Status.GREEN: "G",
    Status.AMBER: "A",
    Status.RED: "R",
    Status.NO_DATA: "ND",
    Status.UNDER_REVIEW: "UR",
    Status.TRACKING: "T",
    Status.EXCEEDED: "E",
    Status.NOT_YET_DUE: "NYD",
}
_STATUS_BY_WORD = {w: Status(s) for w, s in STATUS_WORDS.items()} | {
    s.value.lower(): s for s in Status
}


def parse_status(x: object) -> Status | None:
    """A status word or code as written in a tracker (Green, G, amber…); None if not one.

    >>> parse_status(" green "), parse_status("Info")
    (<Status.GREEN: 'Green'>, <Status.TRACKING: 'Tracking'>)
    """
    if isinstance(x, Status):
        return x
    if not isinstance(x, str) or len(x) > 60:
        return None
    return _STATUS_BY_WORD.get(words(x))


class Direction(StrEnum):
    """A direction-of-travel arrow code as in 004's key; ``str()`` gives the code."""

    UP_GREEN = "↑G"  # improved, higher is better
    DOWN_GREEN = "↓G"  # improved, lower is better
    UP_AMBER = "↑A"  # worse (lower is better) but on target or within the acceptable range
    DOWN_AMBER = "↓A"
    UP_RED = "↑R"  # worse beyond both
    DOWN_RED = "↓R"
    SAME = "→"
    INCREASED = "⇧"  # no polarity
    UNCHANGED = "⇨"
    DECREASED = "⇩"
    NOT_AVAILABLE = "n/a"

    def __str__(self) -> str:
        return self.value

    @property
    def colour(self) -> str:
        """The colour letter's meaning: green, amber, red or none."""
        return {"G": "green", "A": "amber", "R": "red"}.get(self.value[-1], "none")

    @property
    def meaning(self) -> str:
        """Words for a report's key."""
        return _DIRECTION_MEANING[self]


_DIRECTION_MEANING = {  # short enough for a report's one-line key
    Direction.UP_GREEN: "improved (higher is better)",
    Direction.DOWN_GREEN: "improved (lower is better)",
    Direction.DOWN_AMBER: "worse, but on target or within the acceptable range",
    Direction.UP_AMBER: "worse, but on target or within the acceptable range (lower is better)",
    Direction.DOWN_RED: "worse",
    Direction.UP_RED: "worse (lower is better)",
    Direction.SAME: "the same",
    Direction.INCREASED: "increased (no polarity)",
    Direction.UNCHANGED: "unchanged (no polarity)",
    Direction.DECREASED: "decreased (no polarity)",
    Direction.NOT_AVAILABLE: "no comparison: a value is missing",
}


def _ge(a: float, b: float) -> bool:
    """a >= b, allowing for float error (relative 1e-9)."""
    return a >= b or b - a <= EPS * max(abs(a), abs(b))


def _le(a: float, b: float) -> bool:
    return a <= b or a - b <= EPS * max(abs(a), abs(b))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= EPS * max(abs(a), abs(b))


def compare(actual: float, green_from: float, amber_limit: float, polarity: Polarity) -> Status:
    """The comparison of rules.md section 4, on plain numbers.

    >>> compare(112.0, 112.5, 106.875, Polarity.HIGHER)
    <Status.AMBER: 'Amber'>
    """
    return _plain(actual, green_from, amber_limit, polarity is Polarity.LOWER)


def _plain(x: float, g: float, lim: float, lower: bool) -> Status:
    # compare() for a plain width rule, written out: the hot path of every rating
    m = -x if x < 0 else x
    if lower:
        if x <= g:
            return _GREEN
        n = -g if g < 0 else g
        if x - g <= EPS * (m if m > n else n):
            return _GREEN
        if x <= lim:
            return _AMBER
        n = -lim if lim < 0 else lim
        return _AMBER if x - lim <= EPS * (m if m > n else n) else _RED
    if x >= g:
        return _GREEN
    n = -g if g < 0 else g
    if g - x <= EPS * (m if m > n else n):
        return _GREEN
    if x >= lim:
        return _AMBER
    n = -lim if lim < 0 else lim
    return _AMBER if lim - x <= EPS * (m if m > n else n) else _RED


# Enum members as module names: reading Status.GREEN costs ten times a global in the hot path
_GREEN, _AMBER, _RED, _NO_DATA = Status.GREEN, Status.AMBER, Status.RED, Status.NO_DATA
_LOWER = Polarity.LOWER

_RATE, _TRACKING, _REVIEW = 0, 1, 2


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: a rule is a value once
class Rule:
    """One row's comparison, compiled: what to do with any actual.

    ``early`` is a problem that holds whatever the actual (an unreadable target or
    polarity); ``late`` one that holds only when a figure is compared (an unreadable
    tolerance, a profile with no period), so a No data row with a bad tolerance is still
    No data, as rules.md's precedence says.
    """

    kind: int = _RATE
    polarity: Polarity = Polarity.HIGHER
    target: float = 0.0
    green_from: float = 0.0
    amber_limit: float = 0.0
    exceed_from: float | None = None
    band: tuple[float, float] | None = None  # in range: the green band
    target_percent: bool = False
    early: KpixlError | None = None
    late: KpixlError | None = None
    plain: bool = field(default=False, init=False, compare=False, repr=False)
    lower: bool = field(default=False, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # a rule with nothing to raise and a plain comparison: the fast path's case
        object.__setattr__(
            self,
            "plain",
            self.kind == _RATE
            and self.early is None
            and self.late is None
            and self.band is None
            and self.exceed_from is None,
        )
        object.__setattr__(self, "lower", self.polarity is Polarity.LOWER)

    def rate(self, actual: object) -> Status:
        """The status of one actual under this rule; raises the row's problem if any.

        >>> compile_rule(0.9, "lower").rate(0.93)
        <Status.AMBER: 'Amber'>
        """
        if self.plain:  # the common case, decided in a few operations
            t = type(actual)
            if t is float:
                x: float = actual  # type: ignore[assignment]
                if (
                    x == x
                    and -1e300 <= x <= 1e300
                    and (not self.target_percent or -1.5 <= x <= 1.5)
                ):  # (MAX_FIGURE, FRACTION_LIMIT)
                    return _plain(x, self.green_from, self.amber_limit, self.lower)
            elif t is str:
                text: str = actual  # type: ignore[assignment]
                v = short_text(text) if len(text) <= 200 else None
                # a Value read from text is finite and in range; only its scale is checked
                if v is not None and (v.percent is self.target_percent or v.numerator is not None):
                    if v.value is None:
                        return _NO_DATA
                    return _plain(v.value, self.green_from, self.amber_limit, self.lower)
        return self._rate(actual)

    def _rate(self, actual: object) -> Status:
        if self.early is not None:
            raise self.early
        if self.kind == _TRACKING:
            return Status.TRACKING
        a = actual if isinstance(actual, Value) else read_value(actual, "actual")
        if a.value is None:
            return Status.NO_DATA
        if self.kind == _REVIEW:
            return Status.UNDER_REVIEW
        if self.late is not None:
            raise self.late
        if a.numerator is None and a.percent != self.target_percent:
            _same_scale(a, actual, self.target, self.target_percent)
        return self.compare(a.value)

    @property
    def fast(self) -> bool:
        """True for a rule that compares figures with no problem to raise."""
        return self.kind == _RATE and self.early is None and self.late is None

    def quick(self, x: float) -> Status | None:
        """The status of a plain float under a ``fast`` rule, or None where the full path
        must answer (NaN is No data; a huge figure, or 83 against a percentage, is refused).

        >>> compile_rule("92%").quick(0.9), compile_rule("92%").quick(83.0)
        (<Status.AMBER: 'Amber'>, None)
        """
        if x != x or not -1e300 <= x <= 1e300:
            return None
        if self.target_percent and not on_fraction_scale(x):
            return None
        return self.compare(x)

    def compare(self, x: float) -> Status:
        """The status of a plain number (no scale check): the column paths' kernel."""
        pol = self.polarity
        if self.band is not None:
            lo, hi = self.band
            if _ge(x, lo) and _le(x, hi):
                return Status.GREEN
            beyond = lo - x if x < lo else x - hi
            limit = abs(self.green_from - self.amber_limit)
            return Status.AMBER if beyond <= limit * (1 + EPS) else Status.RED
        status = compare(x, self.green_from, self.amber_limit, pol)
        if status is Status.GREEN and self.exceed_from is not None:
            # "better than target by more than X": strictly beyond the level
            beyond = x > self.exceed_from if pol is Polarity.HIGHER else x < self.exceed_from
            if beyond and not _same(x, self.exceed_from):
                return Status.EXCEEDED
        return status

    def describe(self, show: object = None) -> str:
        """The rule in a line, for a key or a check: "Green from 92%; Amber from 85%…"."""
        if self.early is not None or self.late is not None:
            return str(self.early or self.late)
        if self.kind == _TRACKING:
            return "Tracking: not rated"
        if self.kind == _REVIEW:
            return "Under review: the target is not set"
        fmt = show if callable(show) else (_pct if self.target_percent else _num)
        if self.band is not None:
            return f"Green from {fmt(self.band[0])} to {fmt(self.band[1])}; a miss either way"
        better, worse = ("from", "below") if self.polarity is Polarity.HIGHER else ("to", "above")
        g, a = fmt(self.green_from), fmt(self.amber_limit)
        if g == a:
            return f"Green {better} {g}; Red {worse} {g}"
        return f"Green {better} {g}; Amber {better} {a}; Red {worse} {a}"


def _pct(x: float) -> str:
    return f"{x * 100:.4g}%"


def _num(x: float) -> str:
    return f"{x:,.6g}"


def compile_rule(
    target: object,
    polarity: object = None,
    tolerance: object = None,
    scheme: Scheme | None = None,
    *,
    point: float | None = None,
) -> Rule:
    """Read a row's target, polarity and tolerance once, under a scheme, into a Rule.

    ``point`` is the target for the period being rated where the caller has worked it out
    (a profile's entry, a target to date); otherwise the target's own single figure. A blank
    polarity is the scheme's default, or no polarity for a tracking target.

    >>> compile_rule("92%").amber_limit
    0.874
    """
    s = scheme if scheme is not None else default_scheme()
    try:
        t = parse_target(target)
        tracking = t.kind is TargetKind.TRACKING
        pol = parse_polarity(polarity, default=Polarity.NONE if tracking else s.default_polarity)
    except KpixlError as e:
        return Rule(early=e)
    if tracking or pol is Polarity.NONE:
        return Rule(_TRACKING, polarity=pol)
    if t.kind is TargetKind.REVIEW and point is None:
        return Rule(_REVIEW, polarity=pol)
    try:
        value = t.point() if point is None else point
        tol = parse_tolerance(tolerance)
    except KpixlError as e:
        return Rule(polarity=pol, target_percent=t.percent, late=e)
    return _thresholds(value, pol, tol, s, t)


@dataclass(frozen=True, slots=True)
class Width:
    """A tolerance's width at a target T: ``rel`` x |T| + ``flat`` + ``pts`` x the target's
    percentage scale (1 for a fraction, 100 for a 0-100 figure)."""

    rel: float = 0.0
    flat: float = 0.0
    pts: float = 0.0

    def at(self, t: float) -> float:
        """The width at target ``t``.

        >>> Width(rel=0.05).at(90.0), Width(pts=0.05).at(90.0)
        (4.5, 5.0)
        """
        w = self.rel * abs(t) + self.flat
        return w + self.pts * percent_scale(t) if self.pts else w


def _width(tol: Tolerance, points: bool) -> Width:
    k = tol.kind
    if k is ToleranceKind.RELATIVE:
        return Width(pts=tol.amount) if points else Width(rel=tol.amount)
    if k is ToleranceKind.POINTS:
        return Width(pts=tol.amount)
    if k is ToleranceKind.ABSOLUTE:
        return Width(flat=tol.amount)
    return Width()  # no tolerance: no amber


class Form(StrEnum):
    """The shape of a rule family (see :class:`Family`)."""

    WIDTH = "width"  # the amber limit a width from the target
    BAND = "band"  # an amber band written on the row
    THRESHOLDS = "thresholds"  # Green from one level, Amber from another
    RANGE = "range"  # in range: a miss either way counts


@dataclass(frozen=True, slots=True)
class Family:
    """How any target figure becomes a rule for one polarity and tolerance under a scheme:
    the part of a rule that repeats down a column, so a column works it out once and applies
    it to every target (the pandas path does so on arrays).

    ``form`` is ``width`` (the amber limit lies ``amber`` from the target; ``green`` lets
    Green reach below it; ``exceed`` marks a level beyond it), ``band`` (an amber band
    ``low`` to ``high``), ``thresholds`` (Green from ``low``, Amber from ``high``), or
    ``range`` (two-sided: Green inside the band, Amber within ``amber`` beyond it). ``scaled``
    bands and thresholds were written in % and follow the target's scale.
    """

    polarity: Polarity
    form: Form = Form.WIDTH
    amber: Width = Width()
    green: Width | None = None
    exceed: Width | None = None
    low: float = 0.0
    high: float = 0.0
    scaled: bool = False

    def rule(self, t: float, target_percent: bool = False) -> Rule:
        """The rule for target figure ``t``.

        >>> family(Polarity.HIGHER, parse_tolerance("85% - 90%")).rule(0.9).amber_limit
        0.85
        """
        pol = self.polarity
        lower = pol is Polarity.LOWER
        scale = percent_scale(t) if self.scaled else 1.0
        if self.form is Form.THRESHOLDS:
            return Rule(
                polarity=pol,
                target=t,
                green_from=self.low * scale,
                amber_limit=self.high * scale,
                target_percent=target_percent,
            )
        if self.form is Form.RANGE:
            if self.scaled or self.low or self.high:
                lo, hi = self.low * scale, self.high * scale
            else:
                w = self.green.at(t) if self.green is not None else 0.0
                lo, hi = t - w, t + w
            return Rule(
                polarity=pol,
                target=t,
                green_from=t,
                amber_limit=t - self.amber.at(t),
                band=(min(lo, hi), max(lo, hi)),
                target_percent=target_percent,
            )
        if self.form is Form.BAND:
            lo, hi = self.low * scale, self.high * scale
            # The band's end away from the target is the limit; a band lying wholly on the
            # better side (004 BBF06) gives no amber at all, and the checker reports it.
            green, amber = (t, max(hi, t)) if lower else (t, min(lo, t))
        else:
            w = self.amber.at(t)
            green, amber = (t, t + w) if lower else (t, t - w)
        if self.green is not None:
            g = self.green.at(t)
            green = t + g if lower else t - g
            amber = max(amber, green) if lower else min(amber, green)
        exceed = None
        if self.exceed is not None:
            e = self.exceed.at(t)
            exceed = t - e if lower else t + e
        return Rule(
            polarity=pol,
            target=t,
            green_from=green,
            amber_limit=amber,
            exceed_from=exceed,
            target_percent=target_percent,
        )


def family(
    pol: Polarity, tol: Tolerance, scheme: Scheme | None = None, target_percent: bool = False
) -> Family:
    """The rule family of a polarity and tolerance under a scheme (rules.md sections 3, 4).

    >>> family(Polarity.HIGHER, parse_tolerance("5%")).amber
    Width(rel=0.05, flat=0.0, pts=0.0)
    """
    s = scheme if scheme is not None else default_scheme()
    own = tol if tol.kind is not ToleranceKind.DEFAULT else s.default_tolerance
    points = s.points and target_percent
    if pol is Polarity.IN_RANGE:
        if own.kind is ToleranceKind.BAND:
            return Family(
                pol,
                Form.RANGE,
                amber=_width(s.default_tolerance, points),
                low=own.low or 0.0,
                high=own.high or 0.0,
                scaled=own.percent,
            )
        return Family(
            pol, Form.RANGE, amber=_width(s.default_tolerance, points), green=_width(own, points)
        )
    if own.kind is ToleranceKind.THRESHOLDS:
        return Family(
            pol, Form.THRESHOLDS, low=own.green or 0.0, high=own.amber or 0.0, scaled=own.percent
        )
    green = _width(s.green_within, points) if s.green_within is not None else None
    exceed = _width(s.exceed_by, points) if s.exceed_by is not None else None
    if own.kind is ToleranceKind.BAND:
        return Family(
            pol,
            Form.BAND,
            green=green,
            exceed=exceed,
            low=own.low or 0.0,
            high=own.high or 0.0,
            scaled=own.percent,
        )
    return Family(pol, Form.WIDTH, amber=_width(own, points), green=green, exceed=exceed)


def _thresholds(value: float, pol: Polarity, tol: Tolerance, s: Scheme, t: Target) -> Rule:
    return family(pol, tol, s, t.percent).rule(value, t.percent)


def _same_scale(a: Value, actual: object, point: float, target_percent: bool) -> None:
    """Refuse 83 against "92%" (000 row 01): a 0-100 figure against a percentage would be
    rated Green silently. Only the way a figure was written (or formatted) says which scale
    was meant, so only that is checked."""
    assert a.value is not None
    if (
        target_percent
        and not a.percent
        and not on_fraction_scale(a.value)
        and (on_fraction_scale(point))
    ):
        raise ValueTextError(
            "actual",
            actual if not isinstance(actual, Value) else a.value,
            f"the target is {point:.4g} as a share ({point * 100:.4g}%); write the actual as "
            f"{a.value:.4g}% (a cell showing {a.value:.4g}% holds {a.value / 100:.4g})",
            "a 0-100 figure against a percentage target:",
        )
    if (
        a.percent
        and not target_percent
        and not on_fraction_scale(point)
        and (on_fraction_scale(a.value))
    ):
        raise TargetError(
            "target",
            point,
            f"the actual is a percentage ({a.value * 100:.4g}%); write the target as {point:.4g}%",
            "a 0-100 target against a percentage actual:",
        )


# Each scheme keeps the rules of the (target, polarity, tolerance) it has met, and the
# kernels of the (polarity, tolerance): down a column and across calls the same few repeat,
# so each is read once. Keys hold each cell's type beside it, since TRUE == 1 == 1.0 and
# Decimal("0.5") == 0.5 in a dict, but the core reads them apart (TRUE is refused where 1
# is a figure; a message quotes the cell as written). Bounded: cleared when full.
_MEMO_MAX = 16_384


def rule_for(
    target: object, polarity: object, tolerance: object, scheme: Scheme | None = None
) -> Rule:
    """:func:`compile_rule`, remembered by the scheme for the arguments met before.

    >>> rule_for("92%", None, None) is rule_for("92%", None, None)
    True
    """
    s = scheme if scheme is not None else _schemes._default.scheme
    memo = s.memo
    key = (target, polarity, tolerance, type(target), type(polarity), type(tolerance))
    try:
        return memo[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable argument (a list): compile afresh
        return compile_rule(target, polarity, tolerance, s)
    rule = compile_rule(target, polarity, tolerance, s)
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = rule
    return rule


def width_for(polarity: object, tolerance: object, scheme: Scheme | None = None) -> Kernel | None:
    """For a polarity and tolerance whose rule is a plain width (the usual case), the
    kernel that rates a figure against any target figure; None where the family needs the
    full rule (a band, thresholds, points, a green band, an exceed level, a range, no
    polarity, or an argument that cannot be read). Remembered by the scheme.

    >>> width_for("Lower is better", "10%")(0.95, 0.9)
    <Status.AMBER: 'Amber'>
    """
    s = scheme if scheme is not None else _schemes._default.scheme
    memo = s.memo
    key = (polarity, tolerance, type(polarity), type(tolerance))
    try:
        return memo[key]
    except KeyError:
        pass
    except TypeError:
        return None
    k = _kernel_of(polarity, tolerance, s)
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = k
    return k


Kernel = Callable[[float, float], "Status | None"]


def _kernel_of(polarity: object, tolerance: object, s: Scheme) -> Kernel | None:
    try:
        pol = parse_polarity(polarity, default=s.default_polarity)
        f = family(pol, parse_tolerance(tolerance), s, False)
    except KpixlError:
        return None
    if (
        pol not in (Polarity.HIGHER, Polarity.LOWER)
        or f.form is not Form.WIDTH
        or f.green is not None
        or f.exceed is not None
        or f.amber.pts
    ):
        return None
    return width_kernel(pol is Polarity.HIGHER, f.amber.rel, f.amber.flat)


def width_kernel(higher: bool, rel: float, flat: float) -> Kernel:
    """The rule of a plain width as a function of (figure, target): Green at or better than
    the target, Amber within rel x |target| + flat of it, else Red; None for NaN or a
    figure beyond the largest (the full path says why). It is :func:`compare` with the
    amber limit worked out from the target, written out because it runs once per cell:
    ``tests/test_differential.py`` holds the two, and the pandas kernel, to the same answer.

    >>> width_kernel(True, 0.05, 0.0)(0.9, 0.95)
    <Status.RED: 'Red'>
    """
    if higher:

        def k(x: float, t: float) -> Status | None:
            if not (-1e300 <= x <= 1e300 and -1e300 <= t <= 1e300):  # MAX_FIGURE; NaN fails
                return None
            if x >= t:
                return _GREEN
            m = -x if x < 0 else x
            n = -t if t < 0 else t
            if t - x <= EPS * (m if m > n else n):
                return _GREEN
            lim = t - (rel * n + flat)
            if x >= lim:
                return _AMBER
            n = -lim if lim < 0 else lim
            return _AMBER if lim - x <= EPS * (m if m > n else n) else _RED

    else:

        def k(x: float, t: float) -> Status | None:
            if not (-1e300 <= x <= 1e300 and -1e300 <= t <= 1e300):
                return None
            if x <= t:
                return _GREEN
            m = -x if x < 0 else x
            n = -t if t < 0 else t
            if x - t <= EPS * (m if m > n else n):
                return _GREEN
            lim = t + (rel * n + flat)
            if x <= lim:
                return _AMBER
            n = -lim if lim < 0 else lim
            return _AMBER if x - lim <= EPS * (m if m > n else n) else _RED

    return k


# the kernels write these as literals, which Python reads fastest
assert MAX_FIGURE == 1e300 and FRACTION_LIMIT == 1.5


def rag(
    actual: object,
    target: object,
    polarity: object = None,
    tolerance: object = None,
    *,
    scheme: Scheme | None = None,
) -> Status:
    """Rate an actual against its target: Green, Amber, Red, or why it cannot be rated.

    Precedence: Tracking (no polarity or a tracking target), then No data (the actual is
    missing), then Under review (the target is missing), then the comparison. A blank
    polarity is the scheme's default (higher is better); a blank tolerance its default
    (5% of target). Text that cannot be read raises KpixlError naming the argument.

    >>> rag(112, 112.5)
    <Status.AMBER: 'Amber'>
    >>> rag("TBC", "92%")
    <Status.NO_DATA: 'No data'>
    """
    s = scheme if scheme is not None else _schemes._default.scheme
    ta, tt = type(actual), type(target)
    if (ta is float or ta is int) and (tt is float or tt is int):  # figures: no rule to build
        try:
            k = s.memo[(polarity, tolerance, type(polarity), type(tolerance))]
        except (KeyError, TypeError):
            k = width_for(polarity, tolerance, s)
        if k is not None:
            status = k(actual, target)  # a float or an int
            if status is not None:
                return status
    try:
        rule = s.memo[(target, polarity, tolerance, type(target), type(polarity), type(tolerance))]
    except (KeyError, TypeError):
        rule = rule_for(target, polarity, tolerance, s)
    return rule.rate(actual)


def rate_rows(
    actuals: Sequence[object],
    targets: Sequence[object],
    polarities: Sequence[object],
    tolerances: Sequence[object],
    scheme: Scheme | None = None,
) -> list[Status | Exception | None]:
    """:func:`rag` down a column (a column function's work): each row by the rule of its
    (target, polarity, tolerance), compiled once per distinct triple by the scheme. A target,
    polarity or tolerance given once (a sequence of one) applies to every row, as a single
    cell does in Excel. A wholly blank row gives None; a row that cannot be rated gives the
    error that says why (kept, not raised, so one bad cell leaves the others rated).

    >>> rate_rows([0.9, "TBC", None], ["92%", "92%", None], [None], [None])
    [<Status.AMBER: 'Amber'>, <Status.NO_DATA: 'No data'>, None]
    """
    s = scheme if scheme is not None else _schemes._default.scheme
    n = len(actuals)
    args = (targets, polarities, tolerances)
    if any(len(c) not in (1, n) for c in args):
        raise ValueError("rate_rows: each column has one entry per row, or one for all")
    if all(len(c) == 1 for c in args):  # one rule for the column
        key = (targets[0], polarities[0], tolerances[0])
        rule = rule_for(*key, s)
        out = _rate_each([rule] * n, actuals)
        if key == (None, None, None):
            return [None if a is None else x for a, x in zip(actuals, out, strict=True)]
        return out
    cols = [c if len(c) == n else [c[0]] * n for c in args]
    # Text, floats and blanks never equal one another, so where the columns hold nothing
    # else the cells themselves are the key; otherwise each cell's type goes beside it
    # (TRUE == 1 and Decimal("0.5") == 0.5 in a dict, but are read apart).
    plain = all(_KEYED.issuperset(map(type, c)) for c in cols)
    typed = [] if plain else [list(map(type, c)) for c in cols]
    keys = list(zip(*cols, *typed, strict=True))
    try:
        distinct: dict[tuple[object, ...], Rule | None] = dict.fromkeys(keys)  # loops in C
    except TypeError:  # an unhashable cell: every row compiled in turn
        rules = [rule_for(k[0], k[1], k[2], s) for k in keys]
        blank_rows = any(k[:3] == (None, None, None) for k in keys)
    else:
        for k in distinct:  # the few distinct rules, compiled (or found) once each
            distinct[k] = rule_for(k[0], k[1], k[2], s)
        rules = list(map(distinct.__getitem__, keys))  # type: ignore[arg-type]
        blank_rows = ((None, None, None) if plain else _BLANK_KEY) in distinct
    out = _rate_each(rules, actuals)
    if blank_rows:  # rows with nothing in them stay blank
        for i, k in enumerate(keys):
            if k[:3] == (None, None, None) and actuals[i] is None:
                out[i] = None
    return out


_KEYED = frozenset({str, float, type(None)})


def _rate_each(rules: list[Rule], actuals: Sequence[object]) -> list[Status | Exception | None]:
    try:  # the loop in C while no row raises (the usual case)
        return list(map(Rule.rate, rules, actuals))
    except Exception:
        return [_outcome(r, a) for r, a in zip(rules, actuals, strict=True)]


_NONE = type(None)
_BLANK_KEY = (None, None, None, _NONE, _NONE, _NONE)


def _outcome(rule: Rule, actual: object) -> Status | Exception:
    try:
        return rule.rate(actual)
    except Exception as e:  # a column reports each row's problem in that row
        return e


def direction(
    current: object,
    previous: object,
    polarity: object = None,
    target: object = None,
    acceptable: object = None,
    *,
    scheme: Scheme | None = None,
) -> Direction:
    """The direction-of-travel arrow from ``previous`` to ``current`` (rules.md section 5).

    In the scheme's default style (004's key), worse but still on target, or within
    ``acceptable`` (default: the scheme's range, 5% of the comparison value) gives amber;
    worse beyond both gives red. A comparison value of 0 has no relative range. Either value
    missing gives ``n/a``.

    >>> str(direction("91.6%", "95.6%", "Higher is better"))
    '↓A'
    >>> str(direction(13, 0, "Lower is better"))
    '↑R'
    """
    s = scheme if scheme is not None else default_scheme()
    pol = parse_polarity(polarity, default=s.default_polarity)
    cur = _figure(current, "current")
    prev = _figure(previous, "previous")
    point = arrow_point(target)
    acc = acceptable_range(acceptable, s)
    return arrow(cur, prev, pol, point, acc, s.direction_style)


def acceptable_range(x: object, scheme: Scheme | None = None) -> float:
    """An arrow's acceptable range as a share of the comparison value: the scheme's where
    the cell is empty.

    >>> acceptable_range("10%"), acceptable_range(None)
    (0.1, 0.05)
    """
    if is_empty(x):
        return (scheme if scheme is not None else default_scheme()).acceptable_range
    if type(x) is float and 0 <= x < 1:  # the usual case: a share, as Excel holds 5%
        return x
    return parse_fraction(x, "acceptable")


def arrow_point(target: object) -> float | None:
    """The target figure an arrow compares with ("worse, but still on target" is amber):
    a single figure or a rate per period; None for tracking, review, a profile, a split or
    a multi-year target (raises for one that cannot be read).

    >>> arrow_point("21 per month"), arrow_point("Q1: 10 Q2: 12")
    (21.0, None)
    """
    if target is None:
        return None
    t = parse_target(target)
    if t.kind in (TargetKind.VALUE, TargetKind.PER_PERIOD):
        return t.point()
    return None


def _figure(x: object, argument: str) -> float | None:
    if type(x) is float:
        if x != x:
            return None
        if abs(x) > 1e300:
            read_value(x, argument)  # raises: too large
        return x
    return read_value(x, argument).value


def arrow(
    cur: float | None,
    prev: float | None,
    pol: Polarity,
    point: float | None,
    acceptable: float,
    style: DirectionStyle = DirectionStyle.ACCEPTABLE,
) -> Direction:
    """The arrow on plain numbers (the core of :func:`direction`).

    >>> arrow(0.226, 0.254, Polarity.LOWER, 0.29, 0.05, DirectionStyle.IMPROVED_DECLINED)
    <Direction.UP_GREEN: '↑G'>
    """
    if cur is None or prev is None:
        return Direction.NOT_AVAILABLE
    if pol is Polarity.NONE or (pol is Polarity.IN_RANGE and point is None):
        if _same(cur, prev):
            return Direction.UNCHANGED
        return Direction.INCREASED if cur > prev else Direction.DECREASED
    if _same(cur, prev):
        return Direction.SAME
    up = cur > prev
    if pol is Polarity.IN_RANGE:
        assert point is not None
        improved = abs(cur - point) < abs(prev - point)
        on_target = _same(cur, point)
    else:
        improved = up if pol is Polarity.HIGHER else not up
        on_target = point is not None and (
            _ge(cur, point) if pol is Polarity.HIGHER else _le(cur, point)
        )
    if style is DirectionStyle.IMPROVED_DECLINED:
        return Direction.UP_GREEN if improved else Direction.DOWN_AMBER
    if improved:
        return Direction.UP_GREEN if up else Direction.DOWN_GREEN
    if style is DirectionStyle.ACCEPTABLE and (
        on_target or (prev != 0 and abs(cur - prev) <= acceptable * abs(prev) * (1 + EPS))
    ):
        return Direction.UP_AMBER if up else Direction.DOWN_AMBER
    return Direction.UP_RED if up else Direction.DOWN_RED


def trend(current: float | None, history: list[float], pol: Polarity, scheme: Scheme) -> Direction:
    """Pentana's long trend: the current figure against the mean of the last N periods
    before it (N is the scheme's ``long_trend``); n/a with fewer than N.

    >>> trend(12.0, [10.0, 11.0, 9.0], Polarity.HIGHER, Scheme(long_trend=3))
    <Direction.UP_GREEN: '↑G'>
    """
    n = scheme.long_trend
    if current is None or n <= 0 or len(history) < n:
        return Direction.NOT_AVAILABLE
    mean = math.fsum(history[-n:]) / n  # exact in every Python (3.12 sums differently)
    return arrow(current, mean, pol, None, scheme.acceptable_range, scheme.direction_style)
