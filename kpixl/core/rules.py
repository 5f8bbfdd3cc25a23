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

from dataclasses import dataclass
from enum import StrEnum

from .errors import KpixlError, TargetError, ValueTextError
from .polarity import Polarity, parse_polarity
from .scheme import DirectionStyle, Scheme, default_scheme, parse_fraction
from .targets import Target, TargetKind, parse_target
from .tolerance import Tolerance, ToleranceKind, parse_tolerance
from .values import Value, on_fraction_scale, read_value
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
    if polarity is Polarity.LOWER:
        if _le(actual, green_from):
            return Status.GREEN
        return Status.AMBER if _le(actual, amber_limit) else Status.RED
    if _ge(actual, green_from):
        return Status.GREEN
    return Status.AMBER if _ge(actual, amber_limit) else Status.RED


_RATE, _TRACKING, _REVIEW = 0, 1, 2


@dataclass(frozen=True, slots=True)
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

    def rate(self, actual: object) -> Status:
        """The status of one actual under this rule; raises the row's problem if any.

        >>> compile_rule(0.9, "lower").rate(0.93)
        <Status.AMBER: 'Amber'>
        """
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


def _thresholds(value: float, pol: Polarity, tol: Tolerance, s: Scheme, t: Target) -> Rule:
    own = tol if tol.kind is not ToleranceKind.DEFAULT else s.default_tolerance
    pct = t.percent
    if pol is Polarity.IN_RANGE:
        if own.kind is ToleranceKind.BAND:
            lo, hi = own.band(value)
        else:
            w = own.width(value, s.points and pct)
            lo, hi = value - w, value + w
        amber = s.default_tolerance.width(value, s.points and pct)
        return Rule(
            polarity=pol,
            target=value,
            green_from=value,
            amber_limit=value - amber,
            band=(min(lo, hi), max(lo, hi)),
            target_percent=pct,
        )
    green, amber = own.thresholds(value, pol, s.default_tolerance, points=s.points and pct)
    lower = pol is Polarity.LOWER
    if s.green_within is not None and own.kind is not ToleranceKind.THRESHOLDS:
        g = s.green_within.width(value, s.points and pct)
        green = value + g if lower else value - g
        amber = max(amber, green) if lower else min(amber, green)
    exceed = None
    if s.exceed_by is not None and own.kind is not ToleranceKind.THRESHOLDS:
        e = s.exceed_by.width(value, s.points and pct)
        exceed = value - e if lower else value + e
    return Rule(
        polarity=pol,
        target=value,
        green_from=green,
        amber_limit=amber,
        exceed_from=exceed,
        target_percent=pct,
    )


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


# Rules compiled for (target, polarity, tolerance, scheme) keys seen before: down a column
# and across calls the same few repeat. Bounded: cleared when full.
_RULES: dict[tuple[object, ...], Rule] = {}
_RULES_MAX = 16_384


def rule_for(
    target: object, polarity: object, tolerance: object, scheme: Scheme | None = None
) -> Rule:
    """:func:`compile_rule`, remembered for hashable arguments."""
    s = scheme if scheme is not None else default_scheme()
    try:
        key = (type(target), target, type(polarity), polarity, type(tolerance), tolerance, s)
        found = _RULES.get(key)
    except TypeError:  # an unhashable argument (a list): compile afresh
        return compile_rule(target, polarity, tolerance, s)
    if found is None:
        if len(_RULES) >= _RULES_MAX:
            _RULES.clear()
        found = _RULES[key] = compile_rule(target, polarity, tolerance, s)
    return found


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
    rule = rule_for(target, polarity, tolerance, scheme)
    if type(actual) is float and rule.fast:  # the common case from Excel and scripts
        status = rule.quick(actual)
        if status is not None:
            return status
    return rule.rate(actual)


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
    point = None
    if target is not None:
        t = parse_target(target)
        if t.kind not in (TargetKind.TRACKING, TargetKind.REVIEW, TargetKind.SPLIT):
            point = t.point() if t.kind is not TargetKind.PROFILE else None
    if acceptable is None:
        acc = s.acceptable_range
    elif type(acceptable) is float:
        acc = acceptable
    else:
        acc = parse_fraction(acceptable, "acceptable")
    return arrow(cur, prev, pol, point, acc, s.direction_style)


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
    mean = sum(history[-n:]) / n
    return arrow(current, mean, pol, None, scheme.acceptable_range, scheme.direction_style)
