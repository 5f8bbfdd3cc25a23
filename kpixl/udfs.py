"""KPI_* worksheet functions for Excel through xlwings (classic add-in and xlwings Lite).

Each function takes one cell or a whole range and then spills one result per row (one call
per column is the fast path: every call costs Excel a round trip). Blanks and Excel error
values are data (No data), not failures. Unreadable input gives a message in that cell,
such as ``Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%``, never a
traceback. Only the portable subset of xlwings options is used (docstring, ``doc=``,
``ndim``), so the same module serves xlwings Lite.

>>> KPI_RAG([[0.902]], [["92%"]], [["Higher is better"]], [["85% - 90%"]])
'Amber'
>>> KPI_RAG([[0.95], [0.8]], 0.9)
[['Green'], ['Red']]
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .core import (
    KpixlError,
    Polarity,
    Status,
    direction,
    get_settings,
    parse_polarity,
    parse_target,
    parse_tolerance,
    parse_value,
    rag,
    summary,
    target_to_date,
    ytd,
)
from .core.actions import ActionRules, action_status, lookup_action_status
from .core.rules import compare, parse_status
from .core.targets import TargetKind

try:
    import xlwings as xw
except ImportError:  # plain Python (LibreOffice's, a script): the decorators are only metadata

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

__all__ = [
    "KPI_ACTION",
    "KPI_DOT",
    "KPI_RAG",
    "KPI_SUMMARY",
    "KPI_TARGET",
    "KPI_VALUE",
    "KPI_YTD",
]


def _grid(x: Any) -> Grid:
    """Whatever Excel or a caller passed, as a list of rows."""
    if isinstance(x, (list, tuple)):
        if not x:
            return [[None]]
        if isinstance(x[0], list) and isinstance(x, list):
            return x  # already a list of rows (xlwings' ndim=2): read, never changed
        if isinstance(x[0], (list, tuple)):
            return [list(r) for r in x]
        return [list(x)]
    return [[x]]


def _blank(x: Any) -> bool:
    """An omitted argument, or a reference to one empty cell."""
    return x is None or _grid(x) == [[None]]


def _cell(fn: Callable[..., Any], *args: Any) -> Any:
    if all(a is None for a in args):
        return ""  # a wholly blank row of the range: leave it blank
    try:
        out = fn(*args)
    except KpixlError as e:
        return str(e)
    except Exception as e:  # never a traceback in a cell
        return f"Check inputs: {e}" if str(e) else f"Check inputs: {type(e).__name__}"
    return NA if out is None else out


def _each(fn: Callable[..., Any], *args: Any) -> Any:
    """Apply ``fn`` cell by cell; single cells broadcast against ranges (as Excel does)."""
    grids = [_grid(a) for a in args]
    for g in grids:
        if len({len(r) for r in g}) > 1:
            return "Check ranges: rows of different lengths; give a rectangular range"
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


def _status(actual: Any, target: Any, polarity: Any, tolerance: Any) -> str:
    return rag(actual, target, polarity, tolerance).value


@xw.func
@xw.arg("actual", ndim=2, doc="The actual for the period: a cell or a column (90.2%, TBC…)")
@xw.arg("target", ndim=2, doc="Target: 92%, 15 per quarter, TBC, No target - tracking")
@xw.arg("polarity", ndim=2, doc="Higher is better (default), Lower is better or No polarity")
@xw.arg("tolerance", ndim=2, doc="5%, 5 pts, 3 days, 85% - 90%, No tolerance; blank: 5%")
def KPI_RAG(actual, target, polarity=None, tolerance=None):
    """RAG status (Green, Amber, Red, No data, Under review, Tracking) of an actual against
    its target, polarity and tolerance. Takes a cell or a column; spills one status per row."""
    with _gc_paused():
        fast = _rag_column(actual, target, polarity, tolerance)
        if fast is not None:
            return fast
        return _each(_status, actual, target, polarity, tolerance)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector over a column: the loop makes no cycles, and with 100,000
    rows alive each collection it triggers would rescan them all (the bulk of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_UNSET = object()
Rule = tuple[float, float, float, float, bool, float] | None


def _rule(target: Any, polarity: Any, tolerance: Any) -> Rule:
    """(green, green_eps, amber, amber_eps, higher, guard) for a numeric comparison, or None
    when the row needs the full path (tracking, review, a profile, unreadable text).

    An actual beyond ``guard`` also takes the full path: against a target written as a
    percentage, 83 is a 0-100 figure that the core refuses to rate (000 row 01)."""
    try:
        t = parse_target(target)
        if t.kind not in (TargetKind.VALUE, TargetKind.PER_PERIOD):
            return None
        pol = parse_polarity("higher" if polarity is None else polarity)
        if pol is Polarity.NONE:
            return None
        green, amber = parse_tolerance(tolerance).thresholds(
            t.point(), pol, get_settings().default_tolerance
        )
    except KpixlError:
        return None
    # Inside these margins the relative-epsilon comparison decides (rules.md section 4).
    g_eps = 2e-9 * max(abs(green), 1e-300)
    a_eps = 2e-9 * max(abs(amber), 1e-300)
    higher = pol is Polarity.HIGHER
    guard = 1.5 if t.percent and abs(t.point()) <= 1.5 else float("inf")
    if higher:
        return green, green - g_eps, amber, amber - a_eps, True, guard
    return green, green + g_eps, amber, amber + a_eps, False, guard


def _rag_column(actual: Any, target: Any, polarity: Any, tolerance: Any) -> Grid | None:
    """The fast path for columns: each distinct (target, polarity, tolerance) is read once
    and each number is compared inline. None when the shapes are not all single columns.

    Rows with the same status share one list object: the result is only read (by Excel or
    a caller), and not allocating 100,000 small lists is most of the speed.
    """
    grids = [_grid(x) for x in (actual, target, polarity, tolerance)]
    rows = len(grids[0])
    if rows < 2 or any(len(g[0]) != 1 or len(g) not in (1, rows) for g in grids):
        return None
    words = {s: [s.value] for s in Status}
    green_row, amber_row, red_row = words[Status.GREEN], words[Status.AMBER], words[Status.RED]
    out: Grid = []
    append = out.append

    def slow(a: Any, t: Any, p: Any, tol: Any) -> None:
        if a is None and t is None and p is None and tol is None:
            append([""])
            return
        try:
            append(words[rag(a, t, p, tol)])
        except KpixlError as e:
            append([str(e)])

    actual_col = [r[0] for r in grids[0]]
    try:  # each distinct (target, polarity, tolerance) is read once…
        if all(len(g) == 1 for g in grids[1:]):  # one for the whole column
            key = (grids[1][0][0], grids[2][0][0], grids[3][0][0])
            rule = _rule(*key)
            keys, rules = [key] * rows, [rule] * rows
        else:
            cols = [[r[0] for r in g] * (rows if len(g) == 1 else 1) for g in grids[1:]]
            keys = list(zip(*cols, strict=True))
            memo = {key: _rule(*key) for key in set(keys)}
            rules = list(map(memo.__getitem__, keys))  # …and found per row at C speed
    except TypeError:  # an unhashable cell: the general path explains it
        return None
    for a, rule, key in zip(actual_col, rules, keys, strict=True):
        if rule is None or type(a) is not float or abs(a) > rule[5]:
            slow(a, *key)
            continue
        g, g_eps, am, am_eps, higher, _ = rule
        if higher:
            if a >= g:
                append(green_row)
            elif a < g_eps and a >= am:
                append(amber_row)
            elif a < am_eps:
                append(red_row)
            else:
                append(words[compare(a, g, am, Polarity.HIGHER)])
        elif a <= g:
            append(green_row)
        elif a > g_eps and a <= am:
            append(amber_row)
        elif a > am_eps:
            append(red_row)
        else:
            append(words[compare(a, g, am, Polarity.LOWER)])
    return out


@xw.func
@xw.arg("current", ndim=2, doc="This period's value: a cell or a column")
@xw.arg("previous", ndim=2, doc="The comparison value: last period, or the same period last year")
@xw.arg("polarity", ndim=2, doc="Higher is better (default), Lower is better or No polarity")
@xw.arg("target", ndim=2, doc="Optional target: worse but still on target is amber")
@xw.arg("acceptable", ndim=2, doc="Acceptable range, default 5% of the comparison value")
def KPI_DOT(current, previous, polarity=None, target=None, acceptable=None):
    """Direction-of-travel arrow: ↑G ↓G improved, → same, ↓A ↑A worse but on target or
    within the acceptable range, ↓R ↑R worse, ⇧ ⇨ ⇩ for no polarity, n/a if missing."""
    return _each(
        lambda c, p, pol, t, a: direction(c, p, pol, t, a).value,
        current, previous, polarity, target, acceptable,
    )


@xw.func
@xw.arg("values", ndim=2, doc="The period values: one row per indicator, or one column")
@xw.arg("method", ndim=2, doc="sum (default), ratio, mean, weighted, last, max, min, rolling:N")
@xw.arg("weights", ndim=2, doc="Denominators for ratio, weights for weighted; same size")
def KPI_YTD(values, method=None, weights=None):
    """Year-to-date figure of period values by method (sum, ratio, mean, weighted, last, max,
    min, rolling:N). Missing periods are skipped. A block of rows spills one YTD per row."""
    grid = _grid(values)
    w = None if _blank(weights) else _grid(weights)
    methods = _grid(method)
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
    table (status, count, share; or a row per group). Action statuses count too."""
    try:
        s = summary(_action_words(_grid(statuses)), None if _blank(groups) else _grid(groups))
    except KpixlError as e:
        return str(e)
    if s.groups:
        return s.rows()
    table: Grid = [["Status", "Count", "Share"]]
    table += [[label, s.count(label), s.share(label)] for label in s.labels()]
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
    s = get_settings()
    rules = ActionRules(fy_start_month=s.fy_start_month, financial_year=s.financial_year)
    return _each(lambda st, e, b, p: _action(st, e, b, p, rules), status, due, start, period)


def _action(status: Any, end: Any, start: Any, period: Any, rules: ActionRules) -> str:
    if status is None and end is None and start is None:
        return ""  # a blank row of the range, beside a single reporting period
    return action_status(status, end, start, period, rules).value
