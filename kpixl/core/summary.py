"""Counts and shares of statuses, optionally by group (rules.md section 9).

>>> s = summary(["Green"] * 16 + ["Amber"] * 8 + ["Red"] * 6 + ["No data"] * 4)
>>> s.text("Green")
'47% (16) of 34'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .errors import InputError
from .rounding import largest_remainder
from .rules import Status, parse_status
from .values import is_empty
from .ytd import flatten

ORDER = [s.value for s in Status]


@dataclass(frozen=True)
class Summary:
    """Counts per status label over ``total`` indicators; ``groups`` holds one per group.

    Labels other than the statuses (Charnwood's Completed, Not started) are counted under
    their own words. Shares are of all indicators in the range (Dacorum's 003), as whole
    percentages rounded by largest remainder, so that they add to 100%.
    """

    counts: dict[str, int]
    total: int
    groups: dict[str, Summary] = field(default_factory=dict)

    def count(self, label: str | Status) -> int:
        return self.counts.get(_label(label), 0)

    def share(self, label: str | Status) -> float:
        """The exact share of all indicators, 0 when there are none."""
        return self.count(label) / self.total if self.total else 0.0

    def percent(self, label: str | Status) -> int:
        """The whole percentage, rounded so that the labels' percentages add to 100.

        >>> summary(["G"] * 16 + ["A"] * 8 + ["R"] * 6 + ["ND"] * 4).percent("Amber")
        23
        """
        key = _label(label)
        labels = list(self.counts)
        if key not in self.counts:
            return 0
        shares = largest_remainder([self.counts[k] for k in labels], self.total)
        return shares[labels.index(key)]

    def text(self, label: str | Status) -> str:
        """As Dacorum writes it: ``47% (16) of 34``."""
        return f"{self.percent(label)}% ({self.count(label)}) of {self.total}"

    def labels(self) -> list[str]:
        """Labels present, statuses first in their usual order, then the rest."""
        known = [s for s in ORDER if s in self.counts]
        return known + [k for k in self.counts if k not in ORDER]

    def rows(self, shares: bool = False) -> list[list[object]]:
        """A small table: header, then a row per group (or one row), then Total; with
        ``shares``, each label's share of its row too (whole percentages adding to 100, as
        fractions for a % format).

        >>> summary(["G", "R", "G"], ["A", "A", "B"]).rows(shares=True)[1]
        ['A', 1, 1, 2, 0.5, 0.5]
        """
        labels = sorted(
            {lab for s in [self, *self.groups.values()] for lab in s.labels()},
            key=lambda x: (ORDER.index(x) if x in ORDER else len(ORDER), x),
        )
        head: list[object] = ["Group", *labels, "Total"]
        if shares:
            head += [f"{lab} share" for lab in labels]

        def row(name: str, g: Summary) -> list[object]:
            out: list[object] = [name, *(g.count(lab) for lab in labels), g.total]
            if shares:
                out += [g.percent(lab) / 100 for lab in labels]
            return out

        return [head, *(row(n, g) for n, g in self.groups.items()), row("Total", self)]


STATUS_HINT = "give status words such as Green, Amber, Red or No data"
GROUP_HINT = "give group names as text, such as Housing"


def _label(x: object) -> str:
    """A status cell's label; "" for a blank (None, blank text, NaN)."""
    status = parse_status(x)
    if status is not None:
        return status.value
    return _words(x, "statuses", STATUS_HINT)


def _words(x: object, argument: str, hint: str) -> str:
    """A cell as the words a table shows, or an InputError naming ``argument``: only text,
    numbers and dates have words (str() of a huge int is an error, of an object anything).

    >>> _words(" Not   started ", "statuses", ""), _words(float("nan"), "groups", "")
    ('Not started', '')
    """
    if is_empty(x):
        return ""
    if isinstance(x, str):
        return " ".join(x.split())
    if isinstance(x, int) and not isinstance(x, bool) and abs(x) >= 10**30:
        raise InputError(argument, x, hint, "not a label:")
    if isinstance(x, (int, float, Decimal, Fraction, dt.date, dt.time)):
        return " ".join(str(x).split())
    raise InputError(argument, x, hint, "not a label:")


def summary(statuses: Iterable[object] | object, groups: Iterable[object] | None = None) -> Summary:
    """Count statuses (words, codes or Status values); blanks are not indicators.

    >>> s = summary(["G", "Red", "green"], ["Housing", "Housing", "Finance"])
    >>> s.groups["Housing"].text("Red")
    '50% (1) of 2'
    """
    items = flatten(statuses)
    labels = [_label(x) for x in items]
    if groups is None:
        kept = [lab for lab in labels if lab]
        return Summary(dict(Counter(kept)), len(kept))
    keys = [
        g.strip() if isinstance(g, str) else _words(g, "groups", GROUP_HINT)
        for g in flatten(groups)
    ]
    if len(keys) != len(labels):
        raise InputError(
            "groups",
            f"{len(keys)} cells",
            f"give one group per status ({len(labels)})",
            "wrong size:",
        )
    by: dict[str, list[str]] = {}
    for lab, key in zip(labels, keys, strict=True):
        if lab:
            by.setdefault(key or "(no group)", []).append(lab)
    kept = [lab for lab in labels if lab]
    return Summary(
        dict(Counter(kept)),
        len(kept),
        {k: Summary(dict(Counter(v)), len(v)) for k, v in by.items()},
    )
