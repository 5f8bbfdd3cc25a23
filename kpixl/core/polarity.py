"""Polarity: is higher better, lower better, neither, or is a band around the target best
(rules.md section 2).

>>> parse_polarity("Higher is better")
<Polarity.HIGHER: 'higher'>
>>> parse_polarity("Ascending")  # a ranking aim: the lowest ranks first
<Polarity.LOWER: 'lower'>
>>> lower_is_better_words("Current tenants arrears as a % of rent due")
('arrears',)
"""

from __future__ import annotations

from enum import StrEnum

from .errors import PolarityError
from .values import is_empty
from .vocabulary import (
    HIGHER_DESPITE_HINTS,
    IN_RANGE_HINTS,
    LOWER_IS_BETTER_HINTS,
    NEUTRAL_PHRASES,
    POLARITY_WORDS,
    words,
)


def neutral(text: str) -> str:
    """Normalised text without the phrases that use a hint word in another sense.

    >>> neutral("% of schools judged good or outstanding")
    '% of schools judged '
    """
    for phrase in NEUTRAL_PHRASES:
        text = text.replace(phrase, "")
    return text


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"
    IN_RANGE = "in_range"  # two-sided: a miss either way counts (Goldilocks, Goal Post)

    def __str__(self) -> str:
        return self.value

    @property
    def words(self) -> str:
        """As a report writes it."""
        return _WORDS[self]


_WORDS = {
    Polarity.HIGHER: "Higher is better",
    Polarity.LOWER: "Lower is better",
    Polarity.NONE: "No polarity",
    Polarity.IN_RANGE: "In range",
}
_SPELLINGS: dict[str, Polarity] = {
    w: Polarity(kind) for kind, spellings in POLARITY_WORDS.items() for w in spellings
}

POLARITY_HINT = (
    "write Higher is better (High, H, Up, +), Lower is better (Low, L, Down, -), "
    "In range for a band around the target, or No polarity (N/A, Neutral) for a tracking "
    "indicator"
)


def parse_polarity(x: object, default: Polarity | None = None) -> Polarity:
    """Read a polarity as councils and systems write it, case- and space-insensitive.

    Blank gives ``default`` when one is given (the scheme's default polarity, or "none" for
    a tracking target), otherwise it is an error.

    >>> parse_polarity("  LOWER is   better ")
    <Polarity.LOWER: 'lower'>
    >>> parse_polarity("N/A - Tracking")
    <Polarity.NONE: 'none'>
    >>> parse_polarity("over")  # NHS planning: over the goal is good
    <Polarity.HIGHER: 'higher'>
    """
    if isinstance(x, Polarity):
        return x
    if is_empty(x):
        if default is not None:
            return default
        raise PolarityError("polarity", "", POLARITY_HINT, "it is blank")
    if not isinstance(x, str):
        raise PolarityError("polarity", x, POLARITY_HINT)
    found = _SPELLINGS.get(words(x[:100]))
    if found is None:
        raise PolarityError("polarity", x, POLARITY_HINT)
    return found


def lower_is_better_words(name: str) -> tuple[str, ...]:
    """The words in an indicator's name that say lower is better ("arrears", "time taken"…),
    or () when none does. Notes in brackets do not count: "% rent collected (including
    arrears brought forward)" is about rent collected.

    >>> lower_is_better_words("% of Stage 1 complaints responded to within 10 working days")
    ()
    >>> lower_is_better_words("Average time taken to re-let NNC standard void properties")
    ('void', 'time taken', 'average time', 'to re-let')
    >>> lower_is_better_words("KI 6 % rent collected (including arrears brough forward)")
    ()
    """
    low = neutral(words(_outside_brackets(name[:2000])))
    if not low or any(w in low for w in HIGHER_DESPITE_HINTS):
        return ()
    found = tuple(w for w in LOWER_IS_BETTER_HINTS if w in low)
    # keep the most specific: "working days lost" over "days lost"
    return tuple(w for w in found if not any(w != o and w in o for o in found))


def in_range_words(name: str) -> tuple[str, ...]:
    """The words in a name that say a miss either way counts ("variance").

    >>> in_range_words("General Fund Budget Variance against the forecast")
    ('variance',)
    """
    low = words(_outside_brackets(name[:2000]))
    return tuple(w for w in IN_RANGE_HINTS if w in low)


def _outside_brackets(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return "".join(out)
