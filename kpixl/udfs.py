"""KPI_* worksheet functions for Excel through xlwings (classic add-in and xlwings Lite).

Each function takes one cell or a whole range and then spills one result per row (one call
per column is the fast path: every call costs Excel a round trip). Blanks and Excel error
values are data (No data), not failures. Unreadable input gives a message in that cell,
such as ``Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%``, never a
traceback. Only the portable subset of xlwings options is used (docstring, ``doc=``,
``ndim``), so the same module serves xlwings Lite.

One boundary (:func:`cells`) turns whatever Excel, xlwings, Pyodide or a script passes
(ragged or mixed lists, tuples, numpy arrays, Decimal, huge ints, ±inf, NaN, dates,
JavaScript's null) into rows of plain cells; every result is a finite number, a status, an
arrow, a blank or a message, and a range answers exactly what its cells answer alone.

>>> KPI_RAG([[0.902]], [["92%"]], [["Higher is better"]], [["85% - 90%"]])
'Amber'
>>> KPI_RAG([[0.95], [0.8]], 0.9)
[['Green'], ['Red']]
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from itertools import chain
from typing import Any

from .core import (
    KpixlError,
    Status,
    direction,
    parse_target,
    parse_value,
    summary,
    target_to_date,
    ytd,
)
from .core.actions import ActionRules, action_status, lookup_action_status
from .core.gc_pause import paused
from .core.model import action_rules
from .core.rules import parse_status, rag, rate_rows
from .core.scheme import default_scheme, get_settings
from .core.targets import TargetKind

try:
    import xlwings as xw
except ImportError:  # plain Python (LibreOffice's, Pyodide's, a script): metadata only

    class _NoXlwings:
        @staticmethod
        def func(f: Callable[..., Any] | None = None, **_: Any) -> Any:
            return f if f is not None else (lambda g: g)

        @staticmethod
        def arg(*_: Any, **__: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
            return lambda g: g

    xw = _NoXlwings()  # type: ignore[assignment]

Grid = list[list[Any]]
NA = "#N/A"  # the add-in's VBA wrapper turns this marker into a real #N/A error

# In xlwings Lite (Pyodide), a blank cell can reach Python as JavaScript's null, which
# Pyodide converts to its own ``jsnull`` rather than None: the boundary reads it as None.
_JSNULL: Any = object()
if sys.platform == "emscripten":  # pragma: no cover - only inside Pyodide
    from pyodide.ffi import jsnull as _JSNULL
MAX_CELLS = 1_048_576 * 4  # a range larger than this is refused with a message

__all__ = [
    "KPI_ACTION",
    "KPI_DOT",
    "KPI_RAG",
    "KPI_SUMMARY",
    "KPI_TARGET",
    "KPI_VALUE",
    "KPI_YTD",
]


# --- the boundary ---------------------------------------------------------------------------


class Unreadable:
    """A cell the core cannot read (a dict, bytes, an object whose str() fails…), carried as
    itself: each core parser refuses it with its own argument named, so one such cell gives
    a message in its own row and the other rows are answered as they would be alone."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __str__(self) -> str:
        return f"an object of type {self.kind}"

    __repr__ = __str__


# What the core reads as it is; subclasses (a numpy float, a StrEnum) become their base.
_CORE_TYPES = (Decimal, Fraction, dt.datetime, dt.date, dt.time)


def _scalar(x: Any) -> Any:
    """One cell as the core reads it: None, text, a number, a date, or :class:`Unreadable`.

    Numpy scalars become Python numbers; JavaScript's null (Pyodide's ``jsnull``) and
    other null-likes become None.

    >>> _scalar(Decimal("0.9")), _scalar(b"92%"), _scalar(True)
    (Decimal('0.9'), an object of type bytes, True)
    """
    t = type(x)
    if x is None or t is str or t is float or t is bool or t is int:
        return x
    if x is _JSNULL:
        return None
    if isinstance(x, _CORE_TYPES) or t.__module__.startswith("kpixl."):
        return x  # kpixl's own values (a Status, a Value) too
    # subclasses, read through the base type's own method (theirs may be overridden)
    if isinstance(x, int):  # bool cannot be subclassed; an IntEnum can
        return int.__index__(x)
    if isinstance(x, float):
        return float.__float__(x)
    if isinstance(x, str):
        return str.__str__(x)
    kind = t.__name__
    if kind in ("JsNull", "JsUndefined"):
        return None
    try:
        if repr(x) in ("jsnull", "undefined"):
            return None
        if kind == "datetime64":  # in nanoseconds item() gives an int: a date as a figure
            x = x.astype("datetime64[us]")
        item = getattr(x, "item", None)  # numpy scalars
        if callable(item) and (not hasattr(x, "__len__") or getattr(x, "ndim", None) == 0):
            value = item()
            if kind in ("datetime64", "timedelta64") and isinstance(value, int):
                return Unreadable(kind)  # beyond the calendar, or a duration in units
            if value is None or type(value) in (str, float, bool, int):
                return value
            if isinstance(value, _CORE_TYPES):
                return value
    except Exception:  # an object that fails when asked: unreadable, not a traceback
        pass
    return Unreadable(kind)


def _sequence(x: Any) -> list[Any] | None:
    """A list from a list, tuple or array-like (numpy's tolist), else None."""
    if isinstance(x, (list, tuple)):
        return list(x)
    if isinstance(x, (str, bytes)):
        return None
    tolist = getattr(x, "tolist", None)
    if callable(tolist):
        try:
            out = tolist()
        except (TypeError, ValueError):
            return None
        return out if isinstance(out, list) else None
    return None


def cells(x: Any) -> Grid:
    """Whatever a caller passed, as a rectangular list of rows of plain cells.

    A row of a range may be a list or a single cell; ragged rows are padded with blanks.

    >>> cells(0.5), cells([0.9, 0.8]), cells([[0.9], 0.8]), cells([[1, 2], [3]])
    ([[0.5]], [[0.9, 0.8]], [[0.9], [0.8]], [[1, 2], [3, None]])
    """
    if type(x) is list and x and _plain_grid(x):
        return x  # xlwings' usual list of rows of plain cells: nothing to convert
    seq = _sequence(x)
    if seq is None:
        return [[_scalar(x)]]
    if not seq:
        return [[None]]
    rows: Grid = []
    if all(_sequence(item) is None for item in seq):
        rows = [[_scalar(item) for item in seq]]  # one row of cells
    else:
        for item in seq:
            inner = _sequence(item)
            if inner is None:
                rows.append([_scalar(item)])
            else:
                rows.append([_flat(c) for c in inner] or [None])
    width = max(len(r) for r in rows)
    if width * len(rows) > MAX_CELLS:
        raise KpixlError(
            f"Check ranges: {len(rows):,} x {width:,} cells is more than a worksheet holds"
        )
    for r in rows:
        if len(r) < width:
            r.extend([None] * (width - len(r)))
    return rows


_PLAIN = frozenset({str, float, int, bool, type(None)})
_LIST = {list}


def _plain_grid(x: list[Any]) -> bool:
    """True for a non-empty list of equal rows of plain cells (the grid is used as given,
    and only read)."""
    # map and set keep the loops in C: this check must cost less than the rating
    return (
        set(map(type, x)) == _LIST
        and len(set(map(len, x))) == 1
        and 0 < len(x[0]) * len(x) <= MAX_CELLS
        and set(map(type, chain.from_iterable(x))) <= _PLAIN
    )


def _flat(c: Any) -> Any:
    """A cell inside a row; a list there (one level too deep) is its first cell."""
    inner = _sequence(c)
    if inner is None:
        return _scalar(c)
    return _scalar(inner[0]) if inner else None


def _empty(c: Any) -> bool:
    """An empty cell: None, or NaN (how pandas and numpy carry one)."""
    return c is None or (type(c) is float and c != c) or (type(c) is Decimal and c.is_nan())


def _blank(x: Any) -> bool:
    """An omitted argument, or a reference to one empty cell."""
    if x is None:
        return True
    try:
        g = cells(x)
    except KpixlError:
        return False
    return len(g) == 1 and len(g[0]) == 1 and _empty(g[0][0])


def _message(e: BaseException) -> str:
    """An error as a cell shows it: kpixl's own words, never Python's."""
    if isinstance(e, KpixlError):
        return str(e)
    if isinstance(e, (OverflowError, MemoryError)):
        return "Check inputs: a number here is too large; write figures as numbers or text"
    if isinstance(e, RecursionError):
        return "Check inputs: a value nested too deeply; give plain cells"
    return "Check inputs: one of these cells cannot be read; give numbers or text"


def _cell(fn: Callable[..., Any], *args: Any) -> Any:
    if all(a is None for a in args):
        return ""  # a wholly blank row of the range: leave it blank
    try:
        out = fn(*args)
    except Exception as e:
        return _message(e)
    if out is None:
        return NA
    if isinstance(out, float) and not math.isfinite(out):
        return "Check inputs: the result is not a finite number"
    return out


def _grids(args: tuple[Any, ...]) -> list[Grid] | str:
    try:
        return [cells(a) for a in args]
    except Exception as e:
        return _message(e)


def _each(fn: Callable[..., Any], *args: Any) -> Any:
    """Apply ``fn`` cell by cell; single cells broadcast against ranges (as Excel does)."""
    grids = _grids(args)
    if isinstance(grids, str):
        return grids
    rows = max(len(g) for g in grids)
    cols = max(len(g[0]) for g in grids)
    for g in grids:
        if len(g) not in (1, rows) or len(g[0]) not in (1, cols):
            return (
                f"Check ranges: one has {len(g)} x {len(g[0])} cells and another {rows} x "
                f"{cols}; give ranges of the same size, or single cells"
            )
    if rows == 1 and cols == 1:
        return _cell(fn, *(g[0][0] for g in grids))
    out = []
    for r in range(rows):
        picked = [g[r] if len(g) > 1 else g[0] for g in grids]
        out.append(
            [_cell(fn, *(p[c] if len(p) > 1 else p[0] for p in picked)) for c in range(cols)]
        )
    return out


# --- the functions ----------------------------------------------------------------------------


@xw.func
@xw.arg("actual", ndim=2, doc="The actual for the period: a cell or a column (90.2%, TBC…)")
@xw.arg("target", ndim=2, doc="Target: 92%, 15 per quarter, TBC, No target - tracking")
@xw.arg("polarity", ndim=2, doc="Higher is better (default), Lower is better or No polarity")
@xw.arg("tolerance", ndim=2, doc="5%, 5 pts, 3 days, 85% - 90%, No tolerance; blank: 5%")
def KPI_RAG(actual, target, polarity=None, tolerance=None):
    """RAG status (Green, Amber, Red, No data, Under review, Tracking) of an actual against
    its target, polarity and tolerance. Takes a cell or a column; spills one status per row."""
    with paused():
        cols = _columns((actual, target, polarity, tolerance))
        if cols is not None:
            words: dict[object, list[str]] = {s: [s.value] for s in Status}
            words[None] = [""]
            get = words.get
            # rows with the same status share one list: the result is only read (by Excel
            # or a caller), and not allocating 100,000 small lists is much of the speed
            return [get(x) or [_message(x)] for x in rate_rows(*cols, default_scheme())]  # type: ignore[arg-type]
        scheme = default_scheme()
        return _each(
            lambda a, t, p, tol: rag(a, t, p, tol, scheme=scheme).value,
            actual,
            target,
            polarity,
            tolerance,
        )


def _columns(args: tuple[Any, ...]) -> list[list[Any]] | None:
    """The arguments of a column function as lists of cells when the first is a column of
    two or more rows and each other a column as long or a single cell; else None (the
    general path, which also explains a mismatch)."""
    first = _as_column(args[0])
    if first is None:
        return None
    out = [first]
    for x in args[1:]:
        col = _as_column(x)
        if col is None:
            try:
                g = cells(x)
            except Exception:
                return None
            if len(g) != 1 or len(g[0]) != 1:
                return None
            col = g[0]
        elif len(col) != len(first):
            return None
        out.append(col)
    return out


def _as_column(x: Any) -> list[Any] | None:
    """A list of one-cell rows (xlwings' shape for a column) as its list of cells."""
    if type(x) is not list or len(x) < 2:
        return None
    try:
        col = [r[0] for r in x]
    except (TypeError, IndexError, KeyError):
        return None
    # every row holds one cell: their lengths sum to the count and none is empty (a row of
    # one character, "a", reads as the cell "a" here as in cells())
    if sum(map(len, x)) != len(x):
        return None
    if not _PLAIN.issuperset(map(type, col)):
        col = [_flat(c) for c in col]
    return col


@xw.func
@xw.arg("current", ndim=2, doc="This period's value: a cell or a column")
@xw.arg("previous", ndim=2, doc="The comparison value: last period, or the same period last year")
@xw.arg("polarity", ndim=2, doc="Higher is better (default), Lower is better or No polarity")
@xw.arg("target", ndim=2, doc="Optional target: worse but still on target is amber")
@xw.arg("acceptable", ndim=2, doc="Acceptable range, default 5% of the comparison value")
def KPI_DOT(current, previous, polarity=None, target=None, acceptable=None):
    """Direction-of-travel arrow: ↑G ↓G improved, → same, ↓A ↑A worse but on target or
    within the acceptable range, ↓R ↑R worse, ⇧ ⇨ ⇩ for no polarity, n/a if missing."""
    scheme = default_scheme()
    return _each(
        lambda c, p, pol, t, a: direction(c, p, pol, t, a, scheme=scheme).value,
        current,
        previous,
        polarity,
        target,
        acceptable,
    )


@xw.func
@xw.arg("values", ndim=2, doc="The period values: one row per indicator, or one column")
@xw.arg("method", ndim=2, doc="sum (default), ratio, mean, weighted, last, max, min, rolling:N")
@xw.arg("weights", ndim=2, doc="Denominators for ratio, weights for weighted; same size")
def KPI_YTD(values, method=None, weights=None):
    """Year-to-date figure of period values by method (sum, ratio, mean, weighted, last, max,
    min, rolling:N). Missing periods are skipped. A block of rows spills one YTD per row."""
    grids = _grids((values, method, weights))
    if isinstance(grids, str):
        return grids
    grid, methods, w = grids[0], grids[1], None if _blank(weights) else grids[2]
    if len(grid[0]) == 1 and len(grid) > 1:  # one column: a single series laid out downwards
        grid = [[r[0] for r in grid]]
        w = None if w is None else [[r[0] for r in w]]
    if w is not None and (len(w) != len(grid) or len(w[0]) != len(grid[0])):
        return "Check weights: give a range the same size as values"
    if len(methods) not in (1, len(grid)):
        return "Check method: give one method, or one per row of values"
    out = []
    for i, row in enumerate(grid):
        m = methods[i if len(methods) > 1 else 0][0]
        wr = None if w is None else w[i]
        if all(v is None for v in row):
            out.append([""])
            continue
        out.append([_cell(lambda r, mm, ww: ytd(r, mm or "sum", ww), row, m, wr)])
    return out[0][0] if len(out) == 1 else out


@xw.func
@xw.arg("target", ndim=2, doc="Target as written: 252 (21 per month), Q1: 10 Q2: 12 …, 92%")
@xw.arg("period", ndim=2, doc="Period of the year: 1 = April (or Q1); a cell or a column")
@xw.arg("periods", ndim=2, doc="Periods in the year: 12 monthly (default) or 4 quarterly")
@xw.arg("method", ndim=2, doc="The indicator's YTD method (sum default), or period")
def KPI_TARGET(target, period, periods=None, method=None):
    """Target to date at a period: annual x k/n, rates and profiles summed for sum measures;
    the figure in force for others; method period: that period's own target. Tracking or
    Under review when the target has no figure."""
    return _each(_target, target, period, periods, method)


def _target(target: Any, period: Any, periods: Any, method: Any) -> Any:
    value = target_to_date(target, period, 12 if periods is None else periods, method or "sum")
    if value is None:
        # No figure: say why in words that KPI_RAG reads back, so that
        # =KPI_RAG(x, KPI_TARGET(...), ...) still gives Tracking or Under review.
        kind = parse_target(target).kind
        return "Tracking" if kind is TargetKind.TRACKING else "Under review"
    return value


@xw.func
@xw.arg("text", ndim=2, doc="A value as typed: 90.2%, 15 Days, £21,449.58, 92 out of 99")
def KPI_VALUE(text):
    """The number in a value as officers type it (90.2% is 0.902, "92 out of 99" is
    0.929…); #N/A for TBC, n/a and other missing markers. A cell or a column."""
    return _each(parse_value, text)


@xw.func
@xw.arg("statuses", ndim=2, doc="A range of statuses: Green, Amber, Red, No data…")
@xw.arg("groups", ndim=2, doc="Optional: a same-size range of groups (directorate, theme)")
def KPI_SUMMARY(statuses, groups=None):
    """Counts and shares of each status over a range, optionally by group; spills a small
    table (status, count, share; or a row per group). Shares add to 100%. Action statuses
    count too."""
    try:
        s = summary(_action_words(cells(statuses)), None if _blank(groups) else cells(groups))
    except Exception as e:
        return _message(e)
    if s.groups:
        return s.rows(shares=True)
    table: Grid = [["Status", "Count", "Share"]]
    table += [[label, s.count(label), s.percent(label) / 100] for label in s.labels()]
    table.append(["Total", s.total, 1.0 if s.total else 0.0])
    return table


def _action_words(grid: Grid) -> Grid:
    """Action statuses in one spelling ("In Progress", "in-progress": In progress), so that
    they count together; RAG statuses and other words are left exactly as they were."""
    out = []
    for row in grid:
        new = []
        for x in row:
            found = lookup_action_status(x) if parse_status(x) is None else None
            new.append(x if found is None else found.value)
        out.append(new)
    return out


@xw.func
@xw.arg("status", ndim=2, doc="Status as written: In progress, Completed, Not started…")
@xw.arg("due", ndim=2, doc="Its end: Q3, Q3 2023/24, Mar-24, 31/03/2024 or a date")
@xw.arg("start", ndim=2, doc="Optional start, written the same ways")
@xw.arg("period", ndim=2, doc="Reporting quarter or date, such as Q3 2023/24; blank: today")
def KPI_ACTION(status, due, start=None, period=None):
    """Status of a delivery-plan action as the rules see it: Completed, Overdue (not completed
    and its end has passed), Late to start, or the stated one (In progress…). A cell or a
    column; spills one result per row."""
    # The end is called "due": End is a reserved word in VBA, where the wrapper is declared.
    rules = action_rules(get_settings())
    return _each(lambda st, e, b, p: _action(st, e, b, p, rules), status, due, start, period)


def _action(status: Any, end: Any, start: Any, period: Any, rules: ActionRules) -> str:
    if status is None and end is None and start is None:
        return ""  # a blank row of the range, beside a single reporting period
    return action_status(status, end, start, period, rules).value
