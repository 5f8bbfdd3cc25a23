"""Year-to-date figures by method (rules.md section 6).

>>> ytd([75, None, 24])
99.0
>>> round(ytd(["12 out of 13", "3 out of 4"], "ratio"), 4)
0.8824
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from .errors import MethodError, ValueTextError
from .values import Value, is_empty, read_value
from .vocabulary import METHOD_ALIASES, words

METHODS = ("sum", "ratio", "mean", "weighted", "last", "max", "min", "rolling:N", "none")
METHOD_HINT = (
    "write sum, ratio, mean, weighted, last, max, min, rolling:N (e.g. rolling:4), or none "
    "for a snapshot (no year to date)"
)


@dataclass(frozen=True, slots=True)
class Method:
    """A parsed YTD method: a name, and N for rolling."""

    name: str
    window: int = 0

    def __str__(self) -> str:
        return f"rolling:{self.window}" if self.name == "rolling" else self.name


def parse_method(method: object) -> Method:
    """Read a YTD method name.

    >>> parse_method("Rolling 4")
    Method(name='rolling', window=4)
    """
    if isinstance(method, Method):
        return method
    if is_empty(method):  # blank, or NaN (a blank cell through pandas)
        text = ""
    elif isinstance(method, str):
        text = words(method[:40])
    else:  # a number, a date: never a method (and str() of a huge int is an error)
        raise MethodError("method", method, METHOD_HINT)
    name = METHOD_ALIASES.get(text)
    if name is not None:
        return Method(name)
    for sep in (":", " ", "-"):
        head, _, tail = text.partition(sep)
        tail = tail.strip()
        if head == "rolling" and tail.isascii() and tail.isdigit() and 0 < int(tail) <= 120:
            return Method("rolling", int(tail))
    raise MethodError("method", method, METHOD_HINT)


def flatten(values: object) -> list[object]:
    """A cell, a row, a column or a block of cells as one list, in reading order.

    >>> flatten([[1, 2], 3, (4,)])
    [1, 2, 3, 4]
    """
    if isinstance(values, (list, tuple)):
        items: object = values
    elif isinstance(values, (str, bytes, Value)) or not hasattr(values, "__iter__"):
        return [values]
    else:
        items = list(values)
    out: list[object] = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, (list, tuple)):
            out.extend(item)
        else:
            out.append(item)
    return out


def ytd(
    values: Iterable[object] | object, method: object = "sum", weights: object = None
) -> float | None:
    """The year-to-date figure of a row of period values.

    Missing periods are skipped; all missing gives None. ``weights`` are the denominators
    for ``ratio`` (or write the values as "12 out of 13") and the weights for ``weighted``.
    Method ``none`` (a snapshot) gives None. The result is always a finite number or None.

    >>> ytd([60.9, 59.5], "weighted", [30, 45])
    60.06
    >>> ytd(["TBC", None]) is None
    True
    """
    result = _ytd(values, parse_method(method), weights)
    if result is not None and not -1e300 <= result <= 1e300:
        raise ValueTextError(
            "values",
            "the year to date",
            "check the figures: their total is too large",
            "out of range:",
        )
    return result


def _ytd(values: object, m: Method, weights: object) -> float | None:
    if m.name == "none":
        return None  # a snapshot has no year to date
    items = flatten(values)
    if m.name == "sum" and weights is None and items and all(type(v) is float for v in items):
        # the fast path: numbers, none of them blank (NaN) or huge
        total = _sum(cast("list[float]", items))
        if total == total and abs(total) <= 1e300:
            return _clean(total)
    read = [read_value(v, "values") for v in items]
    if m.name in ("ratio", "weighted"):
        return _paired(read, m.name, weights)
    present = [v.value for v in read if v.value is not None]
    if not present:
        return None
    if m.name == "sum":
        return _clean(_sum(present))
    if m.name == "mean":
        return _clean(_sum(present) / len(present))
    if m.name == "last":
        return present[-1]
    if m.name == "max":
        return max(present)
    if m.name == "min":
        return min(present)
    window = present[-m.window :]
    return _clean(_sum(window) / len(window))


def _paired(read: list[Value], name: str, weights: object) -> float | None:
    if weights is None:
        # "2527 out of 45" carries its own weight: a total over a count (STP37a's void
        # days over properties let), so weighted and ratio agree on such cells.
        pairs = []
        for v in read:
            if v.value is None:
                continue
            if v.numerator is None or v.denominator is None:
                if name == "weighted":
                    raise MethodError(
                        "weights",
                        "",
                        'weighted needs weights: KPI_YTD(values, "weighted", weights), '
                        'or values written as "2527 out of 45"',
                        "missing",
                    )
                raise ValueTextError(
                    "values",
                    v.value,
                    'ratio needs numerators and denominators: write "12 out of 13" or pass '
                    "the denominators as weights",
                    "no denominator for",
                )
            pairs.append((v.numerator if name == "ratio" else v.value, v.denominator))
    else:
        ws = [read_value(w, "weights") for w in flatten(weights)]
        if len(ws) != len(read):
            raise MethodError(
                "weights",
                f"{len(ws)} cells",
                f"give one weight per value ({len(read)})",
                "wrong size:",
            )
        pairs = [
            (v.value, w.value)
            for v, w in zip(read, ws, strict=True)
            if v.value is not None and w.value is not None
        ]
    if not pairs:
        return None
    if name == "ratio":
        den = _sum([d for _, d in pairs])
        return None if den == 0 else _clean(_sum([n for n, _ in pairs]) / den)
    total_w = _sum([w for _, w in pairs])
    return None if total_w == 0 else _clean(_sum([v * w for v, w in pairs]) / total_w)


def _sum(xs: list[float]) -> float:
    """The exactly rounded sum, the same in every Python: sum() of floats is compensated
    from Python 3.12 (Pyodide, so xlwings Lite) but not in 3.11, and the two can differ in
    the last digit (230974595.05 against 230974595.05000004).

    >>> _sum([0.1] * 10), _sum([1e308, 1e308])
    (1.0, inf)
    """
    try:
        return math.fsum(xs)
    except (OverflowError, ValueError):  # past the float range, or inf - inf: as sum() is
        return sum(xs)


def _clean(x: float) -> float:
    """Undo float noise only: 0.1 + 0.2 reads 0.3, while 15/17 keeps every digit."""
    r = round(x, 9)
    return r if abs(x - r) <= 1e-12 * abs(x) else x
