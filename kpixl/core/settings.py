"""Settings a caller or a workbook can change: defaults are the NNC/Dacorum practice.

>>> get_settings().acceptable_range
0.05
>>> with settings(acceptable_range=0.1):
...     get_settings().acceptable_range
0.1
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace

from .errors import InputError
from .tolerance import Tolerance, ToleranceKind, parse_tolerance
from .values import read_value


@dataclass(frozen=True)
class Settings:
    """Everything kpixl assumes that a council may do differently.

    ``default_tolerance`` applies where a row's tolerance is blank or N/A (5% of target,
    004's corporate tolerance); ``acceptable_range`` is direction of travel's "within 5% of
    the last period"; ``fy_start_month`` 4 is April.
    """

    default_tolerance: Tolerance = field(default_factory=lambda: parse_tolerance("5%"))
    acceptable_range: float = 0.05
    fy_start_month: int = 4
    financial_year: str | None = None
    reporting_period: str | None = None
    compare_with: str = "previous"  # or "last_year": the same period a year before
    council: str = ""
    title: str = "Performance report"
    committees: dict[str, str] = field(default_factory=dict)  # committee -> meeting date
    palette: str = "standard"  # or "colour-blind"
    status_codes: bool = False  # show G/A/R letters instead of words

    # The default tolerance as a share of the target (None if not relative), kept ready
    # for rag()'s fast path on plain numbers.
    relative_default: float | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tol = self.default_tolerance
        relative = tol.amount if tol.kind is ToleranceKind.RELATIVE else None
        object.__setattr__(self, "relative_default", relative)

    def updated(self, **changes: object) -> Settings:
        """A copy with changes read from text as officers write them.

        >>> Settings().updated(default_tolerance="10%").default_tolerance.amount
        0.1
        """
        known = {f.name for f in fields(self) if f.init}
        clean: dict[str, object] = {}
        for key, value in changes.items():
            name = key.strip().lower().replace(" ", "_").replace("-", "_")
            if name not in known:
                raise InputError(
                    "setting", key, "use one of: " + ", ".join(sorted(known)), "unknown"
                )
            clean[name] = _coerce(name, value)
        return replace(self, **clean)  # type: ignore[arg-type]


def _coerce(name: str, value: object) -> object:
    if name == "default_tolerance":
        tol = parse_tolerance(value)
        if tol.kind is ToleranceKind.DEFAULT:
            raise InputError("default tolerance", value, "write 5%, 5 pts or 3 abs", "blank")
        return tol
    if name == "acceptable_range":
        return parse_fraction(value, "acceptable range")
    if name == "fy_start_month":
        try:
            month = int(float(value))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            month = 0
        if not 1 <= month <= 12:
            raise InputError("financial year start month", value, "write 4 for April")
        return month
    if name == "compare_with":
        text = str(value).strip().lower().replace(" ", "_")
        if text not in ("previous", "last_year"):
            raise InputError("compare with", value, "write previous or last year")
        return text
    if name == "status_codes":
        return str(value).strip().lower() in ("1", "true", "yes", "y", "codes", "letters")
    if name == "committees":
        if not isinstance(value, dict):
            raise InputError("committees", value, "give a table of committee = meeting date")
        return {str(k): str(v) for k, v in value.items()}
    if name == "palette":
        text = str(value).strip().lower().replace("_", "-")
        if text in ("colour-blind", "color-blind", "colourblind", "colorblind", "cvd"):
            return "colour-blind"
        if text != "standard":
            raise InputError("palette", value, "write standard or colour-blind")
        return text
    return None if value is None else str(value)


def parse_fraction(value: object, argument: str) -> float:
    """A share written as 5%, 0.05 or "5 %" (a bare 5 is refused: 5% or 500%?).

    >>> parse_fraction("5%", "acceptable range")
    0.05
    """
    v = read_value(value, argument)
    if v.value is None or v.value < 0 or (v.value >= 1 and not v.percent):
        raise InputError(argument, value, "write a share such as 5% or 0.05")
    return v.value


_current = Settings()


def get_settings() -> Settings:
    """The settings in force."""
    return _current


def configure(**changes: object) -> Settings:
    """Change the settings in force for this process; returns the new settings.

    >>> _ = configure(default_tolerance="5%")
    """
    global _current
    _current = _current.updated(**changes)
    return _current


def use_settings(new: Settings) -> Settings:
    """Put a whole Settings in force; returns the previous one (for restoring)."""
    global _current
    previous, _current = _current, new
    return previous


@contextmanager
def settings(**changes: object) -> Iterator[Settings]:
    """Settings changed only inside a ``with`` block."""
    previous = use_settings(_current.updated(**changes))
    try:
        yield _current
    finally:
        use_settings(previous)
