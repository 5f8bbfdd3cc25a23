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

from typing import Any

import numpy as np
import pandas as pd

from .core import Direction, KpixlError, Polarity, Status, TargetKind, parse_target
from .core.polarity import parse_polarity
from .core.rules import EPS, Family, arrow_point, family, rule_for
from .core.scheme import DirectionStyle, Scheme, default_scheme, parse_fraction
from .core.tolerance import parse_tolerance
from .core.values import FRACTION_LIMIT, read_value

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


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, float) and x != x) or (isinstance(x, str) and not x.strip())


def _distinct(series: pd.Series) -> tuple[np.ndarray, list[Any]]:
    """Codes per row and the distinct values (code -1: a missing value, None)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, list(uniques)


def _figures(
    series: pd.Series | None, argument: str, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(values with NaN where missing, written as a percentage, has counts, error message or
    "") per row; each distinct cell read once by the core."""
    errors = np.full(n, "", dtype=object)
    if series is None:
        return np.full(n, np.nan), np.zeros(n, bool), np.zeros(n, bool), errors
    if pd.api.types.is_float_dtype(series) or pd.api.types.is_integer_dtype(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        huge = np.abs(values) > 1e300
        if huge.any():
            for i in np.flatnonzero(huge):
                errors[i] = _message(read_value, series.iloc[i], argument)
            values = np.where(huge, np.nan, values)
        return values, np.zeros(n, bool), np.zeros(n, bool), errors
    codes, uniques = _distinct(series.astype(object))
    read = [_read(u, argument) for u in uniques] + [(np.nan, False, False, "")]
    values = np.array([r[0] for r in read])[codes]
    pct = np.array([r[1] for r in read])[codes]
    counts = np.array([r[2] for r in read])[codes]
    errors = np.array([r[3] for r in read], dtype=object)[codes]
    return values, pct, counts, errors


def _read(x: Any, argument: str) -> tuple[float, bool, bool, str]:
    try:
        v = read_value(x, argument)
    except KpixlError as e:
        return np.nan, False, False, str(e)
    value = np.nan if v.value is None else v.value
    return value, v.percent, v.numerator is not None, ""


def _message(fn: Any, *args: Any) -> str:
    try:
        fn(*args)
    except KpixlError as e:
        return str(e)
    return ""


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
    a_col = _column(df, actual, n)
    a, a_pct, a_counts, a_err = _figures(a_col, "actual", n)
    t_col = _column(df, target, n)
    p_col = _column(df, polarity, n)
    tol_col = _column(df, tolerance, n)
    status, problem = _statuses(
        (a_col, t_col, p_col, tol_col), n, s, a, a_pct, a_counts, a_err
    )
    prev, _, _, prev_err = _figures(_column(df, previous, n), "previous", n)
    arrows, arrow_err = _directions(
        n, s, a, a_err, prev, prev_err, t_col, p_col, _column(df, acceptable, n)
    )
    problem = np.where(problem == "", arrow_err, problem)
    return pd.DataFrame(
        {
            "status": pd.Categorical.from_codes(status, dtype=STATUS_TYPE),
            "direction": pd.Categorical.from_codes(arrows, dtype=DIRECTION_TYPE),
            "problem": problem,
        },
        index=df.index,
    )


# --- status -------------------------------------------------------------------------------

_RATE, _TRACK, _REVIEW = 0, 1, 2


def _target_facts(t: Any) -> tuple[int, float, bool, str, str]:
    """(kind, point, percent, early error, late error) of one distinct target, by the core."""
    try:
        parsed = parse_target(t)
    except KpixlError as e:
        return _RATE, np.nan, False, str(e), ""
    if parsed.kind is TargetKind.TRACKING:
        return _TRACK, np.nan, False, "", ""
    if parsed.kind is TargetKind.REVIEW:
        return _REVIEW, np.nan, parsed.percent, "", ""
    try:
        return _RATE, parsed.point(), parsed.percent, "", ""
    except KpixlError as e:
        return _RATE, np.nan, parsed.percent, "", str(e)


def _statuses(
    cols: tuple[pd.Series | None, ...],
    n: int,
    s: Scheme,
    a: np.ndarray,
    a_pct: np.ndarray,
    a_counts: np.ndarray,
    a_err: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    t_col, p_col, tol_col = cols[1], cols[2], cols[3]
    status = np.full(n, _NO_STATUS, dtype=np.int8)
    problem = np.full(n, "", dtype=object)
    # targets
    if t_col is None:
        t_codes, t_facts = np.full(n, -1), []
    elif pd.api.types.is_float_dtype(t_col) or pd.api.types.is_integer_dtype(t_col):
        t_codes, t_facts = None, []
    else:
        t_codes, uniques = _distinct(t_col.astype(object))
        t_facts = [_target_facts(u) for u in uniques]
    if t_codes is None:  # numbers: each its own figure (huge ones refused by the core)
        point = t_col.to_numpy(dtype=float, na_value=np.nan)  # type: ignore[union-attr]
        kind = np.where(np.isnan(point), _REVIEW, _RATE).astype(np.int8)
        t_pct = np.zeros(n, bool)
        t_early = np.full(n, "", dtype=object)
        t_late = np.full(n, "", dtype=object)
        huge = np.abs(point) > 1e300
        for i in np.flatnonzero(huge):
            t_early[i] = _message(parse_target, t_col.iloc[i])  # type: ignore[union-attr]
    else:
        facts = [*t_facts, (_REVIEW, np.nan, False, "", "")]  # -1: no target
        kind = np.array([f[0] for f in facts], dtype=np.int8)[t_codes]
        point = np.array([f[1] for f in facts])[t_codes]
        t_pct = np.array([f[2] for f in facts])[t_codes]
        t_early = np.array([f[3] for f in facts], dtype=object)[t_codes]
        t_late = np.array([f[4] for f in facts], dtype=object)[t_codes]
    # polarities: None for blank (the default depends on the target), -1 unreadable
    pols: list[Polarity | None] = [None]
    p_err_texts = [""]
    if p_col is None:
        p_codes = np.zeros(n, dtype=np.intp)
    else:
        codes, uniques = _distinct(p_col.astype(object))
        for u in uniques:
            if _blank(u):
                pols.append(None)
                p_err_texts.append("")
                continue
            try:
                pols.append(parse_polarity(u))
                p_err_texts.append("")
            except KpixlError as e:
                pols.append(None)
                p_err_texts.append(str(e))
        p_codes = np.where(codes < 0, 0, codes + 1)
    p_err = np.array(p_err_texts, dtype=object)[p_codes]
    # tolerances
    tols: list[Any] = [parse_tolerance(None)]
    tol_err_texts = [""]
    if tol_col is None:
        tol_codes = np.zeros(n, dtype=np.intp)
    else:
        codes, uniques = _distinct(tol_col.astype(object))
        for u in uniques:
            try:
                tols.append(parse_tolerance(u))
                tol_err_texts.append("")
            except KpixlError as e:
                tols.append(None)
                tol_err_texts.append(str(e))
        tol_codes = np.where(codes < 0, 0, codes + 1)
    tol_err = np.array(tol_err_texts, dtype=object)[tol_codes]

    # the polarity each row is rated by: blank is none for a tracking target, else the
    # scheme's default (rules.md section 2)
    pol_of = np.array([{None: 9, **_POL}[p] for p in pols], dtype=np.int8)[p_codes]
    blank_pol = pol_of == 9
    default = _POL[s.default_polarity]
    pol_of = np.where(blank_pol, np.where(kind == _TRACK, _POL[Polarity.NONE], default), pol_of)
    unreadable_pol = p_err != ""

    # the precedence of rules.md section 1, with the core's order of problems
    early = np.where(t_early != "", t_early, np.where(unreadable_pol, p_err, ""))
    has_early = early != ""
    problem[has_early] = early[has_early]
    tracking = ~has_early & ((kind == _TRACK) | (pol_of == _POL[Polarity.NONE]))
    status[tracking] = _STATUS[Status.TRACKING]
    rest = ~has_early & ~tracking
    bad_actual = rest & (a_err != "")
    problem[bad_actual] = a_err[bad_actual]
    rest &= ~bad_actual
    no_data = rest & np.isnan(a)
    status[no_data] = _STATUS[Status.NO_DATA]
    rest &= ~no_data
    review = rest & (kind == _REVIEW)
    status[review] = _STATUS[Status.UNDER_REVIEW]
    rest &= ~review
    late = np.where(t_late != "", t_late, tol_err)
    has_late = rest & (late != "")
    problem[has_late] = late[has_late]
    rest &= ~has_late
    # 83 against "92%" (000 row 01): the core's message, row by row (rare rows only)
    small_a, small_t = np.abs(a) <= FRACTION_LIMIT, np.abs(point) <= FRACTION_LIMIT
    scale = rest & ~a_counts & (a_pct != t_pct)
    scale &= np.where(t_pct, ~small_a & small_t, ~small_t & small_a)
    for i in np.flatnonzero(scale):
        problem[i] = _core_message(cols, i, s)
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


def _core_message(cols: tuple[pd.Series | None, ...], i: int, s: Scheme) -> str:
    """The core's own message for row ``i`` (a Python call: rare rows only)."""
    args = []
    for col in cols:
        value = None if col is None else col.iloc[i]
        args.append(None if isinstance(value, float) and value != value else value)
    try:
        rule_for(args[1], args[2], args[3], s).rate(args[0])
    except KpixlError as e:
        return str(e)
    return ""


def _scale(t: np.ndarray) -> np.ndarray:
    return np.where(np.abs(t) > 1.5, 100.0, 1.0)


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
    g_, a_, r_, e_ = (_STATUS[Status.GREEN], _STATUS[Status.AMBER], _STATUS[Status.RED],
                      _STATUS[Status.EXCEEDED])
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
    cur: np.ndarray,
    cur_err: np.ndarray,
    prev: np.ndarray,
    prev_err: np.ndarray,
    t_col: pd.Series | None,
    p_col: pd.Series | None,
    acc_col: pd.Series | None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`kpixl.core.rules.direction` on arrays: the arrow codes and each row's problem."""
    err = np.full(n, "", dtype=object)
    # polarity as direction() reads it: blank is the scheme's default
    pol = np.full(n, _POL[s.default_polarity], dtype=np.int8)
    if p_col is not None:
        codes, uniques = _distinct(p_col.astype(object))
        read: list[tuple[int, str]] = []
        for u in uniques:
            try:
                read.append((_POL[parse_polarity(u, default=s.default_polarity)], ""))
            except KpixlError as e:
                read.append((9, str(e)))
        read.append((_POL[s.default_polarity], ""))
        pol = np.array([r[0] for r in read], dtype=np.int8)[codes]
        err = np.array([r[1] for r in read], dtype=object)[codes]
    err = np.where(err != "", err, np.where(cur_err != "", cur_err, prev_err))
    # the target figure, for "worse but still on target"
    point = np.full(n, np.nan)
    if t_col is not None:
        if pd.api.types.is_float_dtype(t_col) or pd.api.types.is_integer_dtype(t_col):
            point = t_col.to_numpy(dtype=float, na_value=np.nan)
            point = np.where(np.abs(point) > 1e300, np.nan, point)
        else:
            codes, uniques = _distinct(t_col.astype(object))
            facts: list[tuple[float, str]] = []
            for u in uniques:
                try:
                    p = arrow_point(u)
                    facts.append((np.nan if p is None else p, ""))
                except KpixlError as e:
                    facts.append((np.nan, str(e)))
            facts.append((np.nan, ""))
            point = np.array([f[0] for f in facts])[codes]
            t_err = np.array([f[1] for f in facts], dtype=object)[codes]
            err = np.where(err != "", err, t_err)
    if acc_col is None:
        acc = np.full(n, s.acceptable_range)
    else:
        read_acc = {}
        values = []
        for x in acc_col:
            key = (type(x), x) if not (isinstance(x, float) and x != x) else (float, "nan")
            if key not in read_acc:
                try:
                    read_acc[key] = (
                        s.acceptable_range if _blank(x) else (x if type(x) is float else
                                                               parse_fraction(x, "acceptable")),
                        "",
                    )
                except KpixlError as e:
                    read_acc[key] = (np.nan, str(e))
            values.append(read_acc[key])
        acc = np.array([v[0] for v in values], dtype=float)
        err = np.where(err != "", err, np.array([v[1] for v in values], dtype=object))
    code = _arrow(cur, prev, pol, point, acc, s.direction_style)
    code = np.where(err != "", _NO_STATUS, code)
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
