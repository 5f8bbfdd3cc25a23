"""Polarity: is higher better, lower better, or neither (rules.md section 2).

>>> parse_polarity("Higher is better")
<Polarity.HIGHER: 'higher'>
"""

from __future__ import annotations

from enum import StrEnum

from .errors import PolarityError


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


_SPELLINGS: dict[str, Polarity] = {}
for _p, _words in {
    Polarity.HIGHER: (
        "higher",
        "higher is better",
        "high",
        "h",
        "up",
        "+",
        "higher better",
        "high is good",
        "higher is good",
        "bigger is better",
        "increase",
        "maximise",
    ),
    Polarity.LOWER: (
        "lower",
        "lower is better",
        "low",
        "l",
        "down",
        "-",
        "lower better",
        "low is good",
        "lower is good",
        "smaller is better",
        "decrease",
        "minimise",
    ),
    Polarity.NONE: (
        "none",
        "no polarity",
        "n/a",
        "na",
        "n/a - tracking",
        "n/a - tracking only",
        "neutral",
        "neither",
        "tracking",
        "tracking only",
        "tracking indicator",
        "",
        "data only",
        "no polarity - tracking",
    ),
}.items():
    for _w in _words:
        _SPELLINGS[_w] = _p

POLARITY_HINT = (
    "write Higher is better (High, H, Up, +), Lower is better (Low, L, Down, -) "
    "or No polarity (N/A, Neutral) for a tracking indicator"
)


def _key(text: str) -> str:
    return " ".join(text.replace("\u2212", "-").replace("–", "-").lower().split())


def parse_polarity(x: object, default: Polarity | None = None) -> Polarity:
    """Read a polarity as councils write it, case- and space-insensitive.

    Blank gives ``default`` when one is given (a blank polarity with a tracking target is
    "none"), otherwise it is an error.

    >>> parse_polarity("  LOWER is   better ")
    <Polarity.LOWER: 'lower'>
    >>> parse_polarity("N/A - Tracking")
    <Polarity.NONE: 'none'>
    """
    if isinstance(x, Polarity):
        return x
    if x is None or (isinstance(x, str) and not x.strip()):
        if default is not None:
            return default
        raise PolarityError("polarity", "" if x is None else x, POLARITY_HINT, "it is blank")
    if not isinstance(x, str):
        raise PolarityError("polarity", x, POLARITY_HINT)
    found = _SPELLINGS.get(_key(x))
    if found is None or (found is Polarity.NONE and not _key(x)):
        raise PolarityError("polarity", x, POLARITY_HINT)
    return found
