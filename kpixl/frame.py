"""The pandas path: rate a whole DataFrame of indicators (one row each), on arrays.

The rules are the core's: each distinct target, polarity, tolerance and value text is read
once by the core; each distinct (polarity, tolerance) gives the core's rule
:class:`~kpixl.core.rules.Family`, whose thresholds this module applies to every target
figure of its rows at once, and the comparison and the arrow are the core's, written on
arrays (the kernels below). Rows that cannot be read are data: their status is empty and
``problem`` carries the core's own message. A test runs every case through ``kpixl.rag``,
KPI_RAG and this path and requires the same answer of each.

>>> import pandas as pd
>>> df = pd.DataFrame({"actual": ["90.2%", 0.95], "target": ["92%", "90%"],
...                    "tolerance": ["85% - 90%", None], "previous": [0.95, 0.9]})
>>> rate_frame(df)["status"].tolist()
['Amber', 'Green']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .core import Direction, KpixlError, Polarity, Status, TargetKind, parse_target
from .core.polarity import parse_polarity
from .core.rules import EPS, Family, acceptable_range, arrow_point, family, rule_for
from .core.scheme import DirectionStyle, Scheme, default_scheme
from .core.tolerance import parse_tolerance
from .core.values import FRACTION_LIMIT, is_empty, read_value

STATUS_TYPE = pd.CategoricalDtype([s.value for s in Status])
DIRECTION_TYPE = pd.CategoricalDtype([d.value for d in Direction])
_STATUS = {s: i for i, s in enumerate(Status)}
_ARROW = {d: i for i, d in enumerate(Direction)}
_NO_STATUS = -1

_DEFAULT_NAMES = ("actual", "target", "polarity", "tolerance", "previous")


def _column(df: pd.DataFrame, spec: Any, n: int) -> pd.Series | None:
    """A column named by ``spec``, or ``spec`` itself repeated (a scalar), or None when
    ``spec`` is None or a default column name the frame does not have."""
    if spec is None:
        return None
    if isinstance(spec, str) and spec in df.columns:
        return df[spec].reset_index(drop=True)
    if isinstance(spec, str) and spec in _DEFAULT_NAMES:
        return None
    if isinstance(spec, pd.Series):
        return spec.reset_index(drop=True)
    return pd.Series([spec] * n, dtype=object)


class _Messages:
    """The core's messages met in one call, each held once; rows carry its number (0:
    none), so that precedence between problems is integer work, not string work."""

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def code(self, text: str) -> int:
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.texts)
            self.texts.append(text)
        return found

    def of(self, fn: Any, *args: Any) -> int:
        """The code of the message ``fn(*args)`` raises, or 0."""
        try:
            fn(*args)
        except KpixlError as e:
            return self.code(str(e))
        return 0

    def strings(self, codes: np.ndarray) -> np.ndarray:
        return np.array(self.texts, dtype=object)[codes]


def _first(*codes: np.ndarray) -> np.ndarray:
    """Per row, the first problem of ``codes`` in order (0 where none)."""
    out = codes[-1]
    for c in reversed(codes[:-1]):
        out = np.where(c != 0, c, out)
    return out


def _distinct(series: pd.Series) -> tuple[np.ndarray, list[Any]]:
    """Codes per row and the distinct values (code -1: a missing value, None).

    TRUE equals 1 in a hash table, and 5 equals 5.0, but the core reads them apart (TRUE is
    refused where 1 is a figure, and a message quotes the cell as written): where a value
    other than text and floats is present, each is told apart by its type too.
    """
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # an unhashable cell (a list, a signalling NaN): one by one
        return _distinct_slowly(series)
    found = list(uniques)
    if not all(type(u) is str or type(u) is float for u in found) or any(
        type(u) is float and (u == 0 or u == 1 or u in (_INF, -_INF)) for u in found
    ):
        kinds = set(map(type, series))
        if not kinds <= {str, float, type(None)}:
            return _distinct_slowly(series)
    return codes, found


_INF = float("inf")


def _distinct_slowly(series: pd.Series) -> tuple[np.ndarray, list[Any]]:
    index: dict[Any, int] = {}
    found: list[Any] = []
    codes = np.empty(len(series), dtype=np.intp)
    for i, x in enumerate(series):
        if _na(x):
            codes[i] = -1
            continue
        try:
            key: Any = (type(x), x)
            hash(key)
        except TypeError:
            key = ("unhashable", id(x))
        if key not in index:
            index[key] = len(found)
            found.append(x)
        codes[i] = index[key]
    return codes, found


def _na(x: Any) -> bool:
    # what pandas counts as missing, and a Decimal NaN beside: blank to the core too
    return not isinstance(x, str) and is_empty(x)


class _Column:
    """One argument column, its distinct cells found once (shared by status and arrow)."""

    def __init__(self, series: pd.Series) -> None:
        self.series = series
        self.numeric = pd.api.types.is_float_dtype(series) or pd.api.types.is_integer_dtype(series)
        self._distinct: tuple[np.ndarray, list[Any]] | None = None

    def distinct(self) -> tuple[np.ndarray, list[Any]]:
        if self._distinct is None:
            self._distinct = _distinct(self.series.astype(object))
        return self._distinct


def _each_distinct(
    col: _Column | None, n: int, read: Callable[[Any], Any], blank: Any, m: _Messages
) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """``read`` (a core parser) applied once to each distinct cell of a column: the values
    read (``blank`` first, for missing cells and for no column), each row's index into
    them, and each row's problem code (what ``read`` raised, else 0)."""
    values: list[Any] = [blank]
    problems = [0]
    if col is None:
        return values, np.zeros(n, dtype=np.intp), np.zeros(n, np.int32)
    codes, uniques = col.distinct()
    for u in uniques:
        try:
            values.append(read(u))
            problems.append(0)
        except KpixlError as e:
            values.append(blank)
            problems.append(m.code(str(e)))
    index = np.where(codes < 0, 0, codes + 1)
    return values, index, np.array(problems, dtype=np.int32)[index]


def _figures(
    col: _Column | None, argument: str, n: int, m: _Messages
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(values with NaN where missing, written as a percentage, has counts, problem code) per
    row; each distinct cell read once by the core."""
    if col is None:
        return np.full(n, np.nan), np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, np.int32)
    if col.numeric:
        values = col.series.to_numpy(dtype=float, na_value=np.nan)
        errors = np.zeros(n, np.int32)
        huge = np.abs(values) > 1e300
        if huge.any():
            for i in np.flatnonzero(huge):
                errors[i] = m.of(read_value, col.series.iloc[i], argument)
            values = np.where(huge, np.nan, values)
        return values, np.zeros(n, bool), np.zeros(n, bool), errors
    codes, uniques = col.distinct()
    read = [_read(u, argument, m) for u in uniques] + [(np.nan, False, False, 0)]
    values = np.array([r[0] for r in read])[codes]
    pct = np.array([r[1] for r in read])[codes]
    counts = np.array([r[2] for r in read])[codes]
    errors = np.array([r[3] for r in read], dtype=np.int32)[codes]
    return values, pct, counts, errors


def _read(x: Any, argument: str, m: _Messages) -> tuple[float, bool, bool, int]:
    try:
        v = read_value(x, argument)
    except KpixlError as e:
        return np.nan, False, False, m.code(str(e))
    value = np.nan if v.value is None else v.value
    return value, v.percent, v.numerator is not None, 0


def rate_frame(
    df: pd.DataFrame,
    actual: Any = "actual",
    target: Any = "target",
    polarity: Any = "polarity",
    tolerance: Any = "tolerance",
    previous: Any = "previous",
    acceptable: Any = None,
    scheme: Scheme | None = None,
) -> pd.DataFrame:
    """Status and direction for every row; arguments name columns (or give one value).

    Returns a DataFrame on ``df``'s index with ``status`` and ``direction`` (categoricals
    of the words and arrow codes) and ``problem`` (the core's message for a row that could
    not be rated, else empty). Missing polarity is the scheme's default; missing tolerance,
    its default; a missing ``previous`` column gives no direction (``n/a``).
    """
    s = scheme if scheme is not None else default_scheme()
    n = len(df)
    m = _Messages()

    def col(spec: Any) -> _Column | None:
        series = _column(df, spec, n)
        return None if series is None else _Column(series)

    a_col, t_col, p_col, tol_col = col(actual), col(target), col(polarity), col(tolerance)
    a, a_pct, a_counts, a_err = _figures(a_col, "actual", n, m)
    status, problem = _statuses((a_col, t_col, p_col, tol_col), n, s, m, a, a_pct, a_counts, a_err)
    prev, _, _, prev_err = _figures(col(previous), "previous", n, m)
    cur_err = _renamed(a_err, a_col, "current", m)  # the arrow calls the actual "current"
    arrows, arrow_err = _directions(
        n, s, m, a, cur_err, prev, prev_err, t_col, p_col, col(acceptable)
    )
    return pd.DataFrame(
        {
            "status": pd.Categorical.from_codes(status, dtype=STATUS_TYPE),
            "direction": pd.Categorical.from_codes(arrows, dtype=DIRECTION_TYPE),
            "problem": m.strings(_first(problem, arrow_err)),
        },
        index=df.index,
    )


def _renamed(err: np.ndarray, col: _Column | None, argument: str, m: _Messages) -> np.ndarray:
    """The problems of a column's cells as the core words them for another argument."""
    if col is None or not err.any():
        return err
    out = err.copy()
    for code in np.unique(err[err != 0]):
        rows = err == code
        out[rows] = m.of(read_value, col.series.iloc[int(np.flatnonzero(rows)[0])], argument)
    return out


# --- status -------------------------------------------------------------------------------

_RATE, _TRACK, _REVIEW = 0, 1, 2


def _target_facts(t: Any, m: _Messages) -> tuple[int, float, bool, int, int]:
    """(kind, point, percent, early problem, late problem) of one distinct target."""
    try:
        parsed = parse_target(t)
    except KpixlError as e:
        return _RATE, np.nan, False, m.code(str(e)), 0
    if parsed.kind is TargetKind.TRACKING:
        return _TRACK, np.nan, False, 0, 0
    if parsed.kind is TargetKind.REVIEW:
        return _REVIEW, np.nan, parsed.percent, 0, 0
    try:
        return _RATE, parsed.point(), parsed.percent, 0, 0
    except KpixlError as e:
        return _RATE, np.nan, parsed.percent, 0, m.code(str(e))


def _statuses(
    cols: tuple[_Column | None, ...],
    n: int,
    s: Scheme,
    m: _Messages,
    a: np.ndarray,
    a_pct: np.ndarray,
    a_counts: np.ndarray,
    a_err: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    t_col, p_col, tol_col = cols[1], cols[2], cols[3]
    status = np.full(n, _NO_STATUS, dtype=np.int8)
    # targets
    if t_col is not None and t_col.numeric:  # figures: each its own (huge ones refused)
        point = t_col.series.to_numpy(dtype=float, na_value=np.nan)
        kind = np.where(np.isnan(point), _REVIEW, _RATE).astype(np.int8)
        t_pct = np.zeros(n, bool)
        t_early = np.zeros(n, np.int32)
        t_late = np.zeros(n, np.int32)
        for i in np.flatnonzero(np.abs(point) > 1e300):
            t_early[i] = m.of(parse_target, t_col.series.iloc[i])
    else:
        if t_col is None:
            t_codes, t_facts = np.full(n, -1), []
        else:
            t_codes, uniques = t_col.distinct()
            t_facts = [_target_facts(u, m) for u in uniques]
        facts = [*t_facts, (_REVIEW, np.nan, False, 0, 0)]  # -1: no target
        kind = np.array([f[0] for f in facts], dtype=np.int8)[t_codes]
        point = np.array([f[1] for f in facts])[t_codes]
        t_pct = np.array([f[2] for f in facts])[t_codes]
        t_early = np.array([f[3] for f in facts], dtype=np.int32)[t_codes]
        t_late = np.array([f[4] for f in facts], dtype=np.int32)[t_codes]
    # polarities: None for blank (the default depends on the target)
    pols, p_codes, p_err = _each_distinct(
        p_col, n, lambda u: None if is_empty(u) else parse_polarity(u), None, m
    )
    tols, tol_codes, tol_err = _each_distinct(tol_col, n, parse_tolerance, parse_tolerance(None), m)

    # the polarity each row is rated by: blank is none for a tracking target, else the
    # scheme's default (rules.md section 2)
    pol_of = np.array([{None: 9, **_POL}[p] for p in pols], dtype=np.int8)[p_codes]
    blank_pol = pol_of == 9
    default = _POL[s.default_polarity]
    pol_of = np.where(blank_pol, np.where(kind == _TRACK, _POL[Polarity.NONE], default), pol_of)

    # the precedence of rules.md section 1, with the core's order of problems
    early = _first(t_early, p_err)
    problem = early.copy()
    has_early = early != 0
    tracking = ~has_early & ((kind == _TRACK) | (pol_of == _POL[Polarity.NONE]))
    status[tracking] = _STATUS[Status.TRACKING]
    rest = ~has_early & ~tracking
    bad_actual = rest & (a_err != 0)
    problem[bad_actual] = a_err[bad_actual]
    rest &= ~bad_actual
    no_data = rest & np.isnan(a)
    status[no_data] = _STATUS[Status.NO_DATA]
    rest &= ~no_data
    review = rest & (kind == _REVIEW)
    status[review] = _STATUS[Status.UNDER_REVIEW]
    rest &= ~review
    late = _first(t_late, tol_err)
    has_late = rest & (late != 0)
    problem[has_late] = late[has_late]
    rest &= ~has_late
    # 83 against "92%" (000 row 01): the core's message, row by row (rare rows only)
    small_a, small_t = np.abs(a) <= FRACTION_LIMIT, np.abs(point) <= FRACTION_LIMIT
    scale = rest & ~a_counts & (a_pct != t_pct)
    scale &= np.where(t_pct, ~small_a & small_t, ~small_t & small_a)
    for i in np.flatnonzero(scale):
        problem[i] = _core_message(cols, i, s, m)
    rest &= ~scale
    # the comparison, one rule family at a time
    fam_key = pol_of.astype(np.int64) * 1_000_003 + tol_codes * 2 + t_pct.astype(np.int64)
    for key in np.unique(fam_key[rest]):
        rows = rest & (fam_key == key)
        i = int(np.flatnonzero(rows)[0])
        pol = _POLS[int(pol_of[i])]
        f = family(pol, tols[int(tol_codes[i])], s, bool(t_pct[i]))
        status[rows] = _compare(f, a[rows], point[rows])
    return status, problem


_POL = {Polarity.HIGHER: 1, Polarity.LOWER: 2, Polarity.NONE: 0, Polarity.IN_RANGE: 3}
_POLS = {v: k for k, v in _POL.items()}


def _core_message(cols: tuple[_Column | None, ...], i: int, s: Scheme, m: _Messages) -> int:
    """The core's own message for row ``i`` (a Python call: rare rows only)."""
    args = []
    for col in cols:
        value = None if col is None else col.series.iloc[i]
        args.append(None if isinstance(value, float) and value != value else value)
    return m.of(lambda: rule_for(args[1], args[2], args[3], s).rate(args[0]))


def _scale(t: np.ndarray) -> np.ndarray:
    return np.where(np.abs(t) > FRACTION_LIMIT, 100.0, 1.0)  # percent_scale, on arrays


def _width(w: Any, t: np.ndarray) -> np.ndarray:
    out = w.rel * np.abs(t) + w.flat
    return out + w.pts * _scale(t) if w.pts else out


def _ge(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (x >= y) | (y - x <= EPS * np.maximum(np.abs(x), np.abs(y)))


def _le(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (x <= y) | (x - y <= EPS * np.maximum(np.abs(x), np.abs(y)))


def _compare(f: Family, x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """:meth:`Family.rule` then :meth:`Rule.compare`, on arrays of actuals and targets."""
    lower = f.polarity is Polarity.LOWER
    scale = _scale(t) if f.scaled else 1.0
    g_, a_, r_, e_ = (
        _STATUS[Status.GREEN],
        _STATUS[Status.AMBER],
        _STATUS[Status.RED],
        _STATUS[Status.EXCEEDED],
    )
    if f.form == "range":
        if f.scaled or f.low or f.high:
            lo, hi = f.low * scale, f.high * scale
            lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
        else:
            w = _width(f.green, t) if f.green is not None else 0.0
            lo, hi = t - w, t + w
        inside = _ge(x, lo) & _le(x, hi)
        beyond = np.where(x < lo, lo - x, x - hi)
        limit = np.abs(_width(f.amber, t))
        return np.select([inside, beyond <= limit * (1 + EPS)], [g_, a_], r_).astype(np.int8)
    if f.form == "thresholds":
        green = f.low * scale * np.ones_like(t)
        amber = f.high * scale * np.ones_like(t)
        exceed = None
    else:
        if f.form == "band":
            lo, hi = f.low * scale, f.high * scale
            amber = np.maximum(hi, t) if lower else np.minimum(lo, t)
        else:
            w = _width(f.amber, t)
            amber = t + w if lower else t - w
        green = t
        if f.green is not None:
            gw = _width(f.green, t)
            green = t + gw if lower else t - gw
            amber = np.maximum(amber, green) if lower else np.minimum(amber, green)
        exceed = None
        if f.exceed is not None:
            ew = _width(f.exceed, t)
            exceed = t - ew if lower else t + ew
    if lower:
        out = np.select([_le(x, green), _le(x, amber)], [g_, a_], r_)
    else:
        out = np.select([_ge(x, green), _ge(x, amber)], [g_, a_], r_)
    if exceed is not None:
        same = np.abs(x - exceed) <= EPS * np.maximum(np.abs(x), np.abs(exceed))
        beyond = (x < exceed) if lower else (x > exceed)
        out = np.where((out == g_) & beyond & ~same, e_, out)
    return out.astype(np.int8)


# --- direction ----------------------------------------------------------------------------


def _directions(
    n: int,
    s: Scheme,
    m: _Messages,
    cur: np.ndarray,
    cur_err: np.ndarray,
    prev: np.ndarray,
    prev_err: np.ndarray,
    t_col: _Column | None,
    p_col: _Column | None,
    acc_col: _Column | None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`kpixl.core.rules.direction` on arrays: the arrow codes and each row's problem."""
    # polarity as direction() reads it: blank is the scheme's default
    default = _POL[s.default_polarity]
    pols, codes, p_err = _each_distinct(
        p_col, n, lambda u: _POL[parse_polarity(u, default=s.default_polarity)], default, m
    )
    pol = np.array(pols, dtype=np.int8)[codes]
    # the target figure, for "worse but still on target"
    if t_col is not None and t_col.numeric:
        point = t_col.series.to_numpy(dtype=float, na_value=np.nan)
        point = np.where(np.abs(point) > 1e300, np.nan, point)
        t_err = np.zeros(n, np.int32)
    else:
        points, codes, t_err = _each_distinct(
            t_col, n, lambda u: np.nan if (p := arrow_point(u)) is None else p, np.nan, m
        )
        point = np.array(points, dtype=float)[codes]
    accs, codes, acc_err = _each_distinct(
        acc_col, n, lambda u: acceptable_range(u, s), s.acceptable_range, m
    )
    acc = np.array(accs, dtype=float)[codes]
    err = _first(p_err, cur_err, prev_err, t_err, acc_err)
    code = _arrow(cur, prev, pol, point, acc, s.direction_style)
    code = np.where(err != 0, _NO_STATUS, code)
    return code.astype(np.int8), err


def _arrow(
    cur: np.ndarray,
    prev: np.ndarray,
    pol: np.ndarray,
    point: np.ndarray,
    acc: np.ndarray,
    style: DirectionStyle,
) -> np.ndarray:
    """:func:`kpixl.core.rules.arrow` on arrays."""
    d = _ARROW
    missing = np.isnan(cur) | np.isnan(prev)
    same = np.abs(cur - prev) <= EPS * np.maximum(np.abs(cur), np.abs(prev))
    up = cur > prev
    higher, lower = pol == _POL[Polarity.HIGHER], pol == _POL[Polarity.LOWER]
    in_range = pol == _POL[Polarity.IN_RANGE]
    has_point = ~np.isnan(point)
    none = (pol == _POL[Polarity.NONE]) | (in_range & ~has_point)
    improved = np.where(
        in_range, np.abs(cur - point) < np.abs(prev - point), np.where(higher, up, ~up)
    )
    scale_p = np.maximum(np.abs(cur), np.abs(point))
    on_target = has_point & np.where(
        in_range,
        np.abs(cur - point) <= EPS * scale_p,
        np.where(higher, _ge(cur, point), lower & _le(cur, point)),
    )
    within = (prev != 0) & (np.abs(cur - prev) <= acc * np.abs(prev) * (1 + EPS))
    amber_ok = (on_target | within) if style is DirectionStyle.ACCEPTABLE else np.zeros_like(up)
    if style is DirectionStyle.IMPROVED_DECLINED:
        worse = np.full(cur.shape, d[Direction.DOWN_AMBER])
        better = np.full(cur.shape, d[Direction.UP_GREEN])
    else:
        better = np.where(up, d[Direction.UP_GREEN], d[Direction.DOWN_GREEN])
        worse = np.where(
            amber_ok,
            np.where(up, d[Direction.UP_AMBER], d[Direction.DOWN_AMBER]),
            np.where(up, d[Direction.UP_RED], d[Direction.DOWN_RED]),
        )
    return np.select(
        [
            missing,
            none & same,
            none & up,
            none,
            same,
            improved,
        ],
        [
            d[Direction.NOT_AVAILABLE],
            d[Direction.UNCHANGED],
            d[Direction.INCREASED],
            d[Direction.DECREASED],
            d[Direction.SAME],
            better,
        ],
        worse,
    )
