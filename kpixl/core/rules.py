"""RAG status and direction of travel (rules.md sections 1, 4 and 5).

>>> str(rag("90.2%", "92%", "Higher is better", "85% - 90%"))
'Amber'
>>> str(direction("9.1%", "9.8%", "Higher is better", "15%"))
'↓R'
"""

from __future__ import annotations

from enum import StrEnum

from . import settings as _settings
from .errors import TargetError, ValueTextError
from .polarity import Polarity, parse_polarity
from .targets import TargetKind, parse_target
from .tolerance import parse_tolerance
from .values import Value, read_value

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

    def __str__(self) -> str:
        return self.value

    @property
    def code(self) -> str:
        """A short code for narrow columns: G, A, R, ND, UR, T."""
        return _STATUS_CODES[self]

    @property
    def rated(self) -> bool:
        """True for Green, Amber and Red: a comparison with a target was made."""
        return self in (Status.GREEN, Status.AMBER, Status.RED)


_STATUS_CODES = {
    Status.GREEN: "G",
    Status.AMBER: "A",
    Status.RED: "R",
    Status.NO_DATA: "ND",
    Status.UNDER_REVIEW: "UR",
    Status.TRACKING: "T",
}
_STATUS_WORDS = (
    {s.value.lower(): s for s in Status}
    | {c.lower(): s for s, c in _STATUS_CODES.items()}
    | {
        "no rag": Status.UNDER_REVIEW,
        "missing": Status.NO_DATA,
        "tracking indicator": Status.TRACKING,
    }
)


def parse_status(x: object) -> Status | None:
    """A status word or code as written in a tracker (Green, G, amber…); None if not one.

    >>> parse_status(" green ")
    <Status.GREEN: 'Green'>
    """
    if isinstance(x, Status):
        return x
    if not isinstance(x, str):
        return None
    return _STATUS_WORDS.get(" ".join(x.lower().split()))


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
        last = self.value[-1]
        return {"G": "green", "A": "amber", "R": "red"}.get(last, "none")

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

_GREEN, _AMBER, _RED = Status.GREEN, Status.AMBER, Status.RED
_FAST_POLARITY = {
    "higher": Polarity.HIGHER,
    "lower": Polarity.LOWER,
    "Higher is better": Polarity.HIGHER,
    "Lower is better": Polarity.LOWER,
    None: Polarity.HIGHER,
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


def rag(
    actual: object, target: object, polarity: object = "higher", tolerance: object = None
) -> Status:
    """Rate an actual against its target: Green, Amber, Red, or why it cannot be rated.

    Precedence: Tracking (no polarity or a tracking target), then No data (the actual is
    missing), then Under review (the target is missing), then the comparison. A blank
    tolerance means the default setting (5% of target). Text that cannot be read raises
    KpixlError naming the argument.

    >>> rag(112, 112.5)
    <Status.AMBER: 'Amber'>
    >>> rag("TBC", "92%")
    <Status.NO_DATA: 'No data'>
    """
    # Fast path for plain numbers with a relative default tolerance: the common Python
    # case, kept within a few times the cost of a bare if-chain (see benchmarks/).
    if tolerance is None:
        rel = _settings._current.relative_default
        ta, tt = type(actual), type(target)
        if rel is not None and (ta is float or ta is int) and (tt is float or tt is int):
            if polarity == "higher" or polarity is None or polarity == "Higher is better":
                if actual >= target:
                    return _GREEN
                gap = target - actual
                if gap == gap:  # neither is NaN
                    if gap <= EPS * (abs(actual) if abs(actual) > abs(target) else abs(target)):
                        return _GREEN
                    limit = target - rel * abs(target)
                    if actual >= limit or limit - actual <= EPS * max(abs(actual), abs(limit)):
                        return _AMBER
                    return _RED
            elif polarity == "lower" or polarity == "Lower is better":
                if actual <= target:
                    return _GREEN
                if actual == actual and target == target:
                    return compare(actual, target, target + rel * abs(target), Polarity.LOWER)
    return _rag(actual, target, polarity, tolerance)


def _rag(actual: object, target: object, polarity: object, tolerance: object) -> Status:
    t = parse_target(target)
    tracking = t.kind is TargetKind.TRACKING
    pol = parse_polarity(
        "higher" if polarity is None else polarity,
        default=Polarity.NONE if tracking else Polarity.HIGHER,
    )
    if tracking or pol is Polarity.NONE:
        return Status.TRACKING
    a = read_value(actual, "actual")
    if a.value is None:
        return Status.NO_DATA
    if t.kind is TargetKind.REVIEW:
        return Status.UNDER_REVIEW
    point = t.point()
    _same_scale(a, actual, point, t.percent, target)
    tol = parse_tolerance(tolerance)
    green_from, amber_limit = tol.thresholds(point, pol, _settings._current.default_tolerance)
    return compare(a.value, green_from, amber_limit, pol)


def _same_scale(
    a: Value, actual: object, point: float, target_percent: bool, target: object
) -> None:
    """Refuse 83 against "92%" (000 row 01): a 0-100 figure against a percentage would be
    rated Green silently. Only text says which scale was meant, so only text is checked."""
    if a.value is None or a.numerator is not None:
        return
    if target_percent and not a.percent and abs(a.value) > 1.5 and abs(point) <= 1.5:
        raise ValueTextError(
            "actual",
            actual,
            f"the target is {point:.4g} as a share ({point * 100:.4g}%); write the actual as "
            f"{a.value:.4g}% (a cell showing {a.value:.4g}% holds {a.value / 100:.4g})",
            "a 0-100 figure against a percentage target:",
        )
    if a.percent and not target_percent and abs(point) > 1.5 and abs(a.value) <= 1.5:
        raise TargetError(
            "target",
            target,
            f"the actual is a percentage ({a.value * 100:.4g}%); write the target as {point:.4g}%",
            "a 0-100 target against a percentage actual:",
        )


def direction(
    current: object,
    previous: object,
    polarity: object = "higher",
    target: object = None,
    acceptable: object = None,
) -> Direction:
    """The direction-of-travel arrow from ``previous`` to ``current`` (rules.md section 5).

    Worse but still on target, or within ``acceptable`` (default: the setting, 5% of the
    comparison value) gives amber; worse beyond both gives red. A comparison value of 0
    has no relative range. Either value missing gives ``n/a``.

    >>> str(direction("91.6%", "95.6%", "Higher is better"))
    '↓A'
    >>> str(direction(13, 0, "Lower is better"))
    '↑R'
    """
    pol = _FAST_POLARITY.get(polarity) if isinstance(polarity, str) or polarity is None else None
    if pol is None:
        pol = parse_polarity(polarity)
    cur = current if type(current) is float else read_value(current, "current").value
    prev = previous if type(previous) is float else read_value(previous, "previous").value
    if cur is None or prev is None or cur != cur or prev != prev:
        return Direction.NOT_AVAILABLE
    if pol is Polarity.NONE:
        if _same(cur, prev):
            return Direction.UNCHANGED
        return Direction.INCREASED if cur > prev else Direction.DECREASED
    if _same(cur, prev):
        return Direction.SAME
    higher = pol is Polarity.HIGHER
    if cur > prev if higher else cur < prev:
        return Direction.UP_GREEN if higher else Direction.DOWN_GREEN
    if acceptable is None:
        acc = _settings._current.acceptable_range
    elif type(acceptable) is float:
        acc = acceptable
    else:
        acc = _settings.parse_fraction(acceptable, "acceptable")
    worse_amber = Direction.DOWN_AMBER if higher else Direction.UP_AMBER
    if target is not None:
        t = parse_target(target)
        if t.kind not in (TargetKind.TRACKING, TargetKind.REVIEW):
            point = t.point()
            if _ge(cur, point) if higher else _le(cur, point):
                return worse_amber
    if prev != 0 and abs(cur - prev) <= acc * abs(prev) * (1 + EPS):
        return worse_amber
    return Direction.DOWN_RED if higher else Direction.UP_RED
