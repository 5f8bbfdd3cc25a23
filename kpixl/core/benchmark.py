"""Where one organisation stands among others on a measure: its rank and quartile per
period, and the averages the data gives (Scotland, its family group), for the pack's
Benchmark column.

Benchmark data (the LGBF's 32 councils per indicator and year, the housing regulator's
landlords per satisfaction measure) is read by :mod:`kpixl.core.long` into a
:class:`Comparison` per indicator; which way is better comes from the indicator's polarity
when the pack is built, so a polarity from kpixl.toml or a side file counts.

>>> from kpixl.core.periods import parse_period
>>> from kpixl.core.polarity import Polarity
>>> c = Comparison("Glasgow City", (Peers(parse_period("2022-23"), 0.24, (0.24, 0.39, 0.5, 0.3),
...                 (("Scotland", 0.39),)),))
>>> position(0.24, c.peers[0].values, Polarity.HIGHER)
Position(rank=4, of=4, quartile=4)
>>> describe(c, parse_period("2022-23"), Polarity.HIGHER, lambda x: f"{x:.0%}")
'4th of 4 (4th quartile); Scotland 39%'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .periods import Period
from .polarity import Polarity, in_range_words, lower_is_better_words


@dataclass(frozen=True, slots=True)
class Peers:
    """One measure in one period: the organisation's figure and every organisation's
    (its own included), with the averages the data gives beside it."""

    period: Period
    value: float | None
    values: tuple[float, ...]
    averages: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """An indicator's benchmarks: one :class:`Peers` per period, in period order."""

    organisation: str
    peers: tuple[Peers, ...]
    source: str = ""  # where the others' figures came from, for notes

    def at(self, period: Period | None) -> Peers | None:
        """The peers of ``period``, else of the latest earlier period (a benchmark file
        a year behind the tracker), else None.

        >>> from kpixl.core.periods import parse_period as p
        >>> c = Comparison("X", (Peers(p("2023/24"), 1.0, (1.0, 2.0)),))
        >>> c.at(p("2024/25")).period.label, c.at(p("2022/23"))
        ('2023/24', None)
        """
        if period is None:
            return self.peers[-1] if self.peers else None
        end = period.ordinal()
        key = (period.year, period.start, period.months)
        for p in self.peers:
            if (p.period.year, p.period.start, p.period.months) == key:
                return p
        if end is None:
            return None
        earlier = [p for p in self.peers if (p.period.ordinal() or 0) <= end]
        return earlier[-1] if earlier else None


@dataclass(frozen=True, slots=True)
class Position:
    """A rank among ``of`` figures (1 is best; ties share the better rank) and its
    quartile (1 is the best quarter); None where there is no better direction."""

    rank: int | None
    of: int
    quartile: int | None


def position(value: float, values: Sequence[float], polarity: Polarity | None) -> Position:
    """Rank ``value`` among ``values`` (which hold it): ranks 1 to n/4 are the first
    quartile, as the LGBF's 32 councils fall eight to a quartile (no quartile below four).

    >>> from kpixl.core.polarity import Polarity
    >>> position(5.0, [9.0, 5.0, 5.0, 1.0], Polarity.LOWER)
    Position(rank=2, of=4, quartile=2)
    """
    n = len(values)
    if polarity not in (Polarity.HIGHER, Polarity.LOWER) or n == 0:
        return Position(None, n, None)
    if polarity is Polarity.HIGHER:
        better = sum(1 for v in values if v > value)
    else:
        better = sum(1 for v in values if v < value)
    rank = better + 1
    # fewer than four figures have no quarters to fall into
    return Position(rank, n, min(4, math.ceil(4 * rank / n)) if n >= 4 else None)


def rank_polarity(
    polarity: Polarity | None, given: bool, name: str, default: Polarity = Polarity.HIGHER
) -> tuple[Polarity | None, bool]:
    """Which way ranks first, and whether it is assumed. A tracking indicator with no
    polarity written (the housing regulator's satisfaction measures) is rated by no
    direction, but a rank needs one: the name's (lower is better for "time taken"), else
    the scheme's default; a polarity written (or from a side file) is used as it is.

    >>> rank_polarity(Polarity.NONE, False, "% of tenants satisfied")
    (<Polarity.HIGHER: 'higher'>, True)
    >>> rank_polarity(Polarity.NONE, False, "Average time taken to re-let")
    (<Polarity.LOWER: 'lower'>, True)
    """
    if given or polarity in (Polarity.HIGHER, Polarity.LOWER):
        return polarity, False
    if in_range_words(name):
        return None, False
    return (Polarity.LOWER if lower_is_better_words(name) else default), True


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def describe(
    comparison: Comparison,
    period: Period | None,
    polarity: Polarity | None,
    shown: Callable[[float], str],
    assumed: bool = False,
) -> str:
    """The Benchmark column's text for the figure rated at ``period``: rank, quartile and
    averages (``shown`` formats a figure in the indicator's unit); the period is named
    when the benchmark is of an earlier one, and an ``assumed`` direction is said."""
    peers = comparison.at(period)
    if peers is None:
        return ""
    parts: list[str] = []
    if peers.value is not None and peers.values:
        pos = position(peers.value, peers.values, polarity)
        if pos.rank is not None:
            rank = f"{ordinal(pos.rank)} of {pos.of}"
            if pos.quartile is not None:
                rank += f" ({ordinal(pos.quartile)} quartile)"
            if assumed and polarity is not None:
                rank += f", ranked {polarity.words.lower()}"
            parts.append(rank)
        else:
            parts.append(f"one of {pos.of} (no better direction to rank by)")
    parts.extend(f"{label} {shown(v)}" for label, v in peers.averages)
    text = "; ".join(parts)
    if text and period is not None and peers.period.label != period.label:
        text = f"{peers.period.label}: {text}"
    return text
