"""How a council rates (the scheme) and how its report is titled (the settings).

A :class:`Scheme` is one frozen object holding every rating choice a council makes: the
default tolerance, how a bare % tolerance on a percentage target reads, a green band below
the target, a level for exceeding it, the default polarity, the direction-of-travel style
and acceptable range, the financial year's start, the comparison. It is passed explicitly
to every rule; it describes itself in words for the pack's key.

:class:`Settings` carries a scheme and the report's own settings (council, title, reporting
period, committees, palette), and per-indicator and per-group overrides read from kpixl.toml
or a kpixl.conf sheet.

>>> print(Scheme().describe()[0])  # doctest: +NORMALIZE_WHITESPACE
Green: at or better than target. Amber: missed by up to 5% of the target. Red: missed by more
than 5% of the target.
>>> s = Scheme().updated(green_within="5%", default_tolerance="10%")
>>> print(s.describe()[0])  # doctest: +NORMALIZE_WHITESPACE
Green: at target or missed by up to 5% of the target. Amber: missed by more than 5% and up to
10% of the target. Red: missed by more than 10% of the target.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from .errors import InputError
from .polarity import Polarity, parse_polarity
from .tolerance import Tolerance, ToleranceKind, parse_tolerance
from .values import read_value


class PercentTolerance(StrEnum):
    """How a bare % tolerance on a percentage target reads."""

    RELATIVE = "relative"  # 5% of a 90% target is 4.5 points (004's key)
    POINTS = "points"  # 1.00% on 7.50% is one point (Cheshire West)


class Comparison(StrEnum):
    """What the arrow compares this period with."""

    PREVIOUS = "previous"  # the period before
    LAST_YEAR = "last_year"  # the same period a year before


class StatedStatus(StrEnum):
    """Whose status the pack shows where the tracker states one."""

    TRACKER = "tracker"  # the council's own
    KPIXL = "kpixl"  # the rules'


class DirectionStyle(StrEnum):
    """How arrows are drawn (rules.md section 5)."""

    ACCEPTABLE = "acceptable"  # 004's key: worse within the acceptable range is amber
    BETTER_WORSE = "better-worse"  # improved green, worse red, no amber (Bracknell, Rotherham)
    IMPROVED_DECLINED = "improved-declined"  # 004's Children's Trust: ↑G, →, ↓A

    def __str__(self) -> str:
        return self.value


_STYLE_WORDS = {
    "acceptable": DirectionStyle.ACCEPTABLE,
    "acceptable range": DirectionStyle.ACCEPTABLE,
    "standard": DirectionStyle.ACCEPTABLE,
    "better-worse": DirectionStyle.BETTER_WORSE,
    "better worse": DirectionStyle.BETTER_WORSE,
    "better/same/worse": DirectionStyle.BETTER_WORSE,
    "better same worse": DirectionStyle.BETTER_WORSE,
    "no amber": DirectionStyle.BETTER_WORSE,
    "improved-declined": DirectionStyle.IMPROVED_DECLINED,
    "improved declined": DirectionStyle.IMPROVED_DECLINED,
    "improved/declined": DirectionStyle.IMPROVED_DECLINED,
    "children's trust": DirectionStyle.IMPROVED_DECLINED,
    "childrens trust": DirectionStyle.IMPROVED_DECLINED,
}


def _relative(text: str) -> Tolerance:
    return parse_tolerance(text)


@dataclass(frozen=True)
class Scheme:
    """Every rating choice a council makes; the defaults are 004's key (rules.md).

    ``default_tolerance`` applies where a row's tolerance is blank; ``percent_tolerance``
    is ``relative`` (a bare 5% on a 90% target is 4.5 points: 004) or ``points`` (Cheshire
    West's 1.00% on 7.50% is one point); ``green_within`` lets Green reach below the target
    (Bracknell Forest: within 5%); ``exceed_by`` adds a level beyond Green (off by default);
    ``default_polarity`` holds where none is written, unless the name points the other way
    and ``polarity_from_name`` is on; ``stated_status`` says whose status the pack shows
    where the tracker states one: ``tracker`` (the council's) or ``kpixl`` (the rules').
    ``action_overdue``, ``action_late_to_start`` and ``action_on_course`` are the colours a
    delivery-plan action with a blank RAG is given (Completed is counted apart).
    """

    default_tolerance: Tolerance = field(default_factory=lambda: _relative("5%"))
    percent_tolerance: PercentTolerance = PercentTolerance.RELATIVE
    green_within: Tolerance | None = None
    exceed_by: Tolerance | None = None
    default_polarity: Polarity = Polarity.HIGHER
    polarity_from_name: bool = True
    direction_style: DirectionStyle = DirectionStyle.ACCEPTABLE
    acceptable_range: float = 0.05
    long_trend: int = 0  # N > 0: an extra arrow against the mean of the last N periods
    fy_start_month: int = 4
    compare_with: Comparison = Comparison.PREVIOUS
    stated_status: StatedStatus = StatedStatus.TRACKER
    action_overdue: str = "Red"
    action_late_to_start: str = "Amber"
    action_on_course: str = "Green"
    # the rules and widths met under this scheme (rules.rule_for): not part of its value
    memo: dict[tuple[object, ...], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Scheme(percent_tolerance="points") as a caller writes it: the choices as enums
        for name, kind in (
            ("percent_tolerance", PercentTolerance),
            ("compare_with", Comparison),
            ("stated_status", StatedStatus),
            ("direction_style", DirectionStyle),
        ):
            value = getattr(self, name)
            if not isinstance(value, kind):
                object.__setattr__(self, name, _coerce(name, value))

    @property
    def points(self) -> bool:
        """True when a bare % tolerance on a percentage target means percentage points."""
        return self.percent_tolerance is PercentTolerance.POINTS

    def updated(self, **changes: object) -> Scheme:
        """A copy with changes read from text as officers write them.

        >>> Scheme().updated(default_tolerance="10%").default_tolerance.amount
        0.1
        """
        clean = {name: _coerce(name, value) for name, value in _named(self, changes).items()}
        return replace(self, **clean)  # type: ignore[arg-type]

    def describe(self) -> list[str]:
        """The scheme in words, built from its fields: the RAG rule, then the arrows."""
        tol = _words(self.default_tolerance)
        if self.green_within is not None:
            green = _words(self.green_within)
            lines = [
                f"Green: at target or missed by up to {green}. Amber: missed by more than "
                f"{_amount(self.green_within)} and up to {tol}. Red: missed by more than {tol}."
            ]
        elif self.default_tolerance.kind is ToleranceKind.NONE:
            lines = ["Green: at or better than target. Red: any miss (no tolerance)."]
        else:
            lines = [
                "Green: at or better than target. Amber: missed by up to "
                f"{tol}. Red: missed by more than {tol}."
            ]
        if self.exceed_by is not None:
            lines[0] += f" Exceeded: better than target by more than {_words(self.exceed_by)}."
        if self.points:
            lines.append("A % tolerance on a percentage target is in percentage points.")
        lines.append(
            "Where a row gives its own tolerance, it replaces the default. Where no polarity "
            f"is given, {self.default_polarity.words.lower()}"
            + (
                ", unless the indicator's name points the other way (then it is not rated)."
                if self.polarity_from_name
                else "."
            )
        )
        acc = f"{self.acceptable_range * 100:g}%"
        compared = (
            "the same period last year" if self.compare_with == "last_year" else ("the last period")
        )
        if self.direction_style is DirectionStyle.ACCEPTABLE:
            arrows = (
                f"Direction of travel against {compared}: improved is green; worse but still "
                f"on target or within {acc} of {compared}'s figure is amber; worse beyond both "
                "is red."
            )
        elif self.direction_style is DirectionStyle.BETTER_WORSE:
            arrows = f"Direction of travel against {compared}: better is green, worse is red."
        else:
            arrows = (
                f"Direction of travel against {compared}: ↑G improved, → the same, ↓A declined, "
                "whatever the polarity."
            )
        if self.long_trend:
            arrows += f" Long trend: against the mean of the last {self.long_trend} periods."
        lines.append(arrows)
        return lines


def _amount(t: Tolerance) -> str:
    return _words(t).removesuffix(" of the target")


def _words(t: Tolerance) -> str:
    if t.kind is ToleranceKind.RELATIVE:
        return f"{t.amount * 100:g}% of the target"
    if t.kind is ToleranceKind.NONE:
        return "nothing"
    return t.describe()


_TRUE = ("1", "true", "yes", "y", "on")


def _coerce(name: str, value: object) -> object:
    """One scheme field from text as officers write it; InputError says how to write it."""
    if name in ("default_tolerance", "green_within", "exceed_by"):
        tol = parse_tolerance(value)
        if tol.kind is ToleranceKind.DEFAULT:
            if name != "default_tolerance":
                return None  # blank: off
            raise InputError("default tolerance", value, "write 5%, 5 pts or 3 abs", "blank")
        if tol.kind in (ToleranceKind.BAND, ToleranceKind.THRESHOLDS):
            raise InputError(
                name.replace("_", " "),
                value,
                "write one width for the whole tracker: 5%, 5 pts or 3 abs",
                "a band or thresholds belong to one row, not",
            )
        return tol
    if name == "percent_tolerance":
        text = str(value).strip().lower()
        if text in ("relative", "of target", "% of target", "share"):
            return PercentTolerance.RELATIVE
        if text in ("points", "percentage points", "pts", "pp"):
            return PercentTolerance.POINTS
        raise InputError("percent tolerance", value, "write relative or points")
    if name == "default_polarity":
        try:
            pol = parse_polarity(value)
        except InputError as e:
            raise InputError("default polarity", value, e.hint) from None
        if pol is Polarity.IN_RANGE:
            raise InputError("default polarity", value, "write Higher is better or Lower is better")
        return pol
    if name in ("polarity_from_name",):
        return str(value).strip().lower() in _TRUE
    if name == "direction_style":
        style = _STYLE_WORDS.get(" ".join(str(value).strip().lower().replace("_", " ").split()))
        if style is None:
            raise InputError(
                "direction style", value, "write acceptable, better-worse or improved-declined"
            )
        return style
    if name == "acceptable_range":
        return parse_fraction(value, "acceptable range")
    if name == "long_trend":
        return _whole(value, "long trend", 0, 36, "write the number of periods, e.g. 12, or 0")
    if name == "fy_start_month":
        return _whole(value, "financial year start month", 1, 12, "write 4 for April")
    if name == "compare_with":
        text = str(value).strip().lower().replace(" ", "_")
        if text not in ("previous", "last_year", "previous_period", "same_period_last_year"):
            raise InputError("compare with", value, "write previous or last year")
        return Comparison.PREVIOUS if text.startswith("previous") else Comparison.LAST_YEAR
    if name == "stated_status":
        text = str(value).strip().lower()
        if text in ("tracker", "council", "stated", "published"):
            return StatedStatus.TRACKER
        if text in ("kpixl", "rules", "computed"):
            return StatedStatus.KPIXL
        raise InputError("stated status", value, "write tracker (the council's wins) or kpixl")
    if name in ("action_overdue", "action_late_to_start", "action_on_course"):
        colour = _COLOURS.get(" ".join(str(value).strip().lower().split()))
        if colour is None:
            raise InputError(name.replace("_", " "), value, "write Red, Amber or Green")
        return colour
    raise AssertionError(name)


_COLOURS = {
    "red": "Red",
    "r": "Red",
    "amber": "Amber",
    "a": "Amber",
    "green": "Green",
    "g": "Green",
}


def _whole(value: object, argument: str, low: int, high: int, hint: str) -> int:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        f = math.nan
    if not math.isfinite(f) or f != int(f) or not low <= f <= high:
        raise InputError(argument, value, hint)
    return int(f)


def parse_fraction(value: object, argument: str) -> float:
    """A share written as 5%, 0.05 or "5 %" (a bare 5 is refused: 5% or 500%?).

    >>> parse_fraction("5%", "acceptable range")
    0.05
    """
    try:
        v = read_value(value, argument)
    except InputError:
        raise InputError(argument, value, "write a share such as 5% or 0.05") from None
    if v.value is None or v.value < 0 or (v.value >= 1 and not v.percent):
        raise InputError(argument, value, "write a share such as 5% or 0.05")
    return v.value


_SCHEME_FIELDS = frozenset(f.name for f in fields(Scheme) if f.init)


def _named(obj: object, changes: Mapping[str, object]) -> dict[str, object]:
    """Keys as officers write them ("Default tolerance") to field names; unknown ones refused."""
    known = {f.name for f in fields(obj) if f.init}  # type: ignore[arg-type]
    out: dict[str, object] = {}
    for key, value in changes.items():
        name = key.strip().lower().replace(" ", "_").replace("-", "_")
        if name not in known:
            raise InputError("setting", key, "use one of: " + ", ".join(sorted(known)), "unknown")
        out[name] = value
    return out


@dataclass(frozen=True)
class Override:
    """What kpixl.toml says about one indicator, by its reference (or its name): its
    polarity, target, tolerance, year-to-date method, frequency, unit, or that it is
    cumulative, so an officer need not add columns to the council's workbook."""

    polarity: object = None
    target: object = None
    tolerance: object = None
    method: object = None
    frequency: object = None
    unit: object = None
    cumulative: bool | None = None

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


OVERRIDE_FIELDS = tuple(f.name for f in fields(Override))

_EMPTY: Mapping[str, object] = MappingProxyType({})
_NONE_STR: Mapping[str, str] = MappingProxyType({})
_NO_OVERRIDES: Mapping[str, Override] = MappingProxyType({})
_NO_GROUPS: Mapping[str, Scheme] = MappingProxyType({})


@dataclass(frozen=True)
class Settings:
    """The scheme and the report's settings, for one tracker.

    ``indicators`` maps a reference (or an indicator's name) to its :class:`Override`;
    ``groups`` maps a directorate, committee or sheet name to the scheme its rows use
    (004's Children's Trust rows draw their arrows by their own key).
    """

    scheme: Scheme = field(default_factory=Scheme)
    financial_year: str | None = None
    reporting_period: str | None = None
    council: str = ""
    title: str = "Performance report"
    committees: Mapping[str, str] = field(default_factory=lambda: _NONE_STR)
    palette: str = "standard"  # or "colour-blind"
    status_codes: bool = False  # show G/A/R letters instead of words
    indicators: Mapping[str, Override] = field(default_factory=lambda: _NO_OVERRIDES)
    groups: Mapping[str, Scheme] = field(default_factory=lambda: _NO_GROUPS)
    members: Mapping[str, str] = field(default_factory=lambda: _NONE_STR)
    # Rows read from one sheet; more is refused at that row, naming this setting. 20,000
    # rows (4x the largest tracker seen) rate in about 10 s on a slow machine; 200,000 took
    # over a minute, so a sheet that long is refused in about a second instead.
    max_rows: int = 20_000

    # Scheme fields read through the settings, for callers that predate the scheme.
    @property
    def default_tolerance(self) -> Tolerance:
        return self.scheme.default_tolerance

    @property
    def acceptable_range(self) -> float:
        return self.scheme.acceptable_range

    @property
    def fy_start_month(self) -> int:
        return self.scheme.fy_start_month

    @property
    def compare_with(self) -> Comparison:
        return self.scheme.compare_with

    def updated(self, **changes: object) -> Settings:
        """A copy with changes (scheme fields included) read from text as officers write them.

        >>> Settings().updated(default_tolerance="10%").scheme.default_tolerance.amount
        0.1
        """
        mine: dict[str, object] = {}
        theirs: dict[str, object] = {}
        known = {f.name for f in fields(self) if f.init} - {
            "scheme",
            "indicators",
            "groups",
            "members",
        }
        for key, value in changes.items():
            name = key.strip().lower().replace(" ", "_").replace("-", "_")
            if name in _SCHEME_FIELDS:
                theirs[name] = value
            elif name in known:
                mine[name] = _coerce_setting(name, value)
            else:
                raise InputError(
                    "setting",
                    key,
                    "use one of: " + ", ".join(sorted(known | _SCHEME_FIELDS)),
                    "unknown",
                )
        scheme = self.scheme.updated(**theirs) if theirs else self.scheme
        groups = self.groups
        if theirs and groups:  # a council-wide change reaches every group's scheme too
            groups = MappingProxyType({k: g.updated(**theirs) for k, g in groups.items()})
        return replace(self, scheme=scheme, groups=groups, **mine)  # type: ignore[arg-type]

    def scheme_for(self, *names: str, ref: str = "") -> Scheme:
        """The scheme for a row: the group that names its reference (a group's ``refs``),
        else the first of its groups (service, directorate, committee, sheet) with its own
        scheme, else the tracker's."""
        if ref and self.members:
            key = ref.split("(")[0].strip().lower()
            for candidate in (ref.strip().lower(), key):
                group = self.members.get(candidate)
                if group is not None and group in self.groups:
                    return self.groups[group]
        for name in names:
            if name and name in self.groups:
                return self.groups[name]
        return self.scheme

    def override(self, ref: str, name: str = "") -> Override | None:
        """kpixl.toml's [indicators] entry for a row, by reference, else by name."""
        if not self.indicators:
            return None
        for key in (ref, name):
            if key:
                found = self.indicators.get(" ".join(key.split()).lower())
                if found is not None:
                    return found
        return None


def _coerce_setting(name: str, value: object) -> object:
    if name == "status_codes":
        return str(value).strip().lower() in (*_TRUE, "codes", "letters")
    if name == "committees":
        if not isinstance(value, Mapping):
            raise InputError("committees", value, "give a table of committee = meeting date")
        return MappingProxyType({str(k): str(v) for k, v in value.items()})
    if name == "palette":
        text = str(value).strip().lower().replace("_", "-")
        if text in ("colour-blind", "color-blind", "colourblind", "colorblind", "cvd"):
            return "colour-blind"
        if text != "standard":
            raise InputError("palette", value, "write standard or colour-blind")
        return text
    if name == "max_rows":
        return _whole(value, "max rows", 1, 10_000_000, "write a number of rows, e.g. 500000")
    return None if value is None else str(value)


# --- the default for calls that pass no scheme -------------------------------------------

DEFAULT_SCHEME = Scheme()
_default = Settings()


def get_settings() -> Settings:
    """The settings used where a call names none (a worksheet function, ``kpixl.rag``)."""
    return _default


def default_scheme() -> Scheme:
    """The scheme used where a call names none; read once at a call's entry, then passed."""
    return _default.scheme


def configure(**changes: object) -> Settings:
    """Change the default settings for this process (trackers carry their own).

    >>> _ = configure(default_tolerance="5%")
    """
    global _default
    _default = _default.updated(**changes)
    return _default


def use_settings(new: Settings) -> Settings:
    """Put whole default settings in force; returns the previous ones (for restoring)."""
    global _default
    previous, _default = _default, new
    return previous


@contextmanager
def settings(**changes: object) -> Iterator[Settings]:
    """Default settings changed only inside a ``with`` block.

    >>> with settings(acceptable_range="10%") as s:
    ...     s.scheme.acceptable_range
    0.1
    """
    previous = use_settings(_default.updated(**changes))
    try:
        yield _default
    finally:
        use_settings(previous)
