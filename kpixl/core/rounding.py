"""Shares that add up: percentages rounded by largest remainder (rules.md section 9).

>>> largest_remainder([16, 8, 6, 4], 34)
[47, 23, 18, 12]
"""

from __future__ import annotations

from collections.abc import Sequence


def largest_remainder(counts: Sequence[int], total: int) -> list[int]:
    """Whole percentages of ``total``, one per count, that add to 100 when the counts cover
    ``total`` (Hamilton's method: round down, then give the points left over to the largest
    remainders).

    Plain rounding of Dacorum's 16/8/6/4 of 34 gives 47 + 24 + 18 + 12 = 101; this gives
    47, 23, 18, 12. When the counts cover only part of ``total``, the rest is shared out as
    one more, unlisted, count: the listed shares are what they would be beside it. Ties go
    to the larger count, then to the earlier one, so the result never depends on chance.

    >>> largest_remainder([1, 1, 1], 3)
    [34, 33, 33]
    >>> largest_remainder([2, 1], 4)  # a quarter not listed
    [50, 25]
    >>> largest_remainder([0, 0], 0)
    [0, 0]
    """
    if total < 0 or any(c < 0 for c in counts):
        raise ValueError(f"counts and total must not be negative: {list(counts)} of {total}")
    covered = sum(counts)
    if covered > total:
        raise ValueError(f"counts {list(counts)} add to {covered}, more than the total {total}")
    if total == 0:
        return [0 for _ in counts]
    parts = [*counts, total - covered]  # the unlisted rest takes part in the rounding
    # Integer arithmetic: 100 * c / total is exact as quotient and remainder.
    shares = [100 * c // total for c in parts]
    remainders = [100 * c % total for c in parts]
    left = 100 - sum(shares)
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], -parts[i], i))
    for i in order[:left]:
        shares[i] += 1
    return shares[: len(counts)]
