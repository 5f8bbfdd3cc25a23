"""Shares that add up: largest-remainder rounding (rules.md section 9).

>>> largest_remainder([16, 8, 6, 4], 34)
[47, 23, 18, 12]
"""

from __future__ import annotations

from collections.abc import Sequence


def largest_remainder(counts: Sequence[int], total: int) -> list[int]:
    """Whole percentages of ``total`` for each count, adding to 100 when the counts make up
    the total: each share is rounded down, and the points left go to the largest remainders
    (ties to the earlier count). Dacorum (003) prints 47% (16), 23% (8), 18% (6) of 34; each
    share rounded alone gives 24% for the 8 and a total of 101%.

    >>> largest_remainder([1, 1, 1], 3)
    [34, 33, 33]
    >>> largest_remainder([], 0)
    []
    """
    if total <= 0:
        return [0 for _ in counts]
    exact = [100 * c / total for c in counts]
    shares = [int(x) for x in exact]
    left = (100 if sum(counts) == total else round(sum(exact))) - sum(shares)
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: max(left, 0)]:
        shares[i] += 1
    return shares
