"""The pandas path: rate a whole DataFrame of indicators (one row each), vectorised.

Same rules as ``kpixl.rag`` and ``kpixl.direction``: each distinct text (target,
polarity, tolerance, value) is read once by the core, then the comparison runs on arrays.
Rows that cannot be read are data: their status is empty and ``problem`` says why.

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

from .core import (
    Direction,
    KpixlError,
    Polarity,
    Status,
    TargetKind,
    ToleranceKind,
    get_settings,
    parse_polarity,
    parse_target,
    parse_tolerance,
    rag,
    read_value,
)
from .core.rules import EPS

STATUS_TYPE = pd.CategoricalDtype([s.value for s in Status])
DIRECTION_TYPE = pd.CategoricalDtype([d.value for d in Direction])
_TOL_CODES = {k: i for i, k in enumerate(ToleranceKind)}


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


def _distinct(series: pd.Series, read: Any) -> tuple[np.ndarray, list[Any]]:
    """Read each distinct value once: (codes per row, parsed per distinct; -1 is blank)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, [read(u) for u in uniques]


def _numbers(
    series: pd.Series | None, name: str, problems: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Float values (NaN where missing) and how each was written: 0 a plain number, 1 with a
    % sign, 2 as "x out of y". Unreadable text records a problem."""
    n = len(problems)
    if series is None:
        return np.full(n, np.nan), np.zeros(n, dtype=np.int8)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.to_numpy(dtype=float, na_value=np.nan), np.zeros(n, dtype=np.int8)

    def read(u: Any) -> tuple[float, int] | str:
        try:
            v = read_value(u, name)
        except KpixlError as e:
            return str(e)
        form = 2 if v.numerator is not None else int(v.percent)
        return (np.nan if v.value is None else v.value), form

    codes, parsed = _distinct(series, read)
    ok = [p if not isinstance(p, str) else (np.nan, 0) for p in parsed]
    values = np.array([p[0] for p in ok] + [np.nan])[codes]  # code -1 takes the last
    forms = np.array([p[1] for p in ok] + [0], dtype=np.int8)[codes]
    _note(problems, codes, [p if isinstance(p, str) else "" for p in parsed])
    return values, forms


def rate_frame(
    df: pd.DataFrame,
    actual: Any = "actual",
    target: Any = "target",
    polarity: Any = "polarity",
    tolerance: Any = "tolerance",
    previous: Any = "previous",
    acceptable: Any = None,
) -> pd.DataFrame:
    """Status and direction for every row; arguments name columns (or give one value).

    Returns a DataFrame on ``df``'s index with ``status`` and ``direction`` (categoricals
    of the words and arrow codes) and ``problem`` (the message for a row that could not be
    read, else empty). Missing polarity means higher is better; missing tolerance, the
    default setting; a missing ``previous`` column gives no direction (``n/a``).
    """
    n = len(df)
    problems = np.full(n, "", dtype=object)
    a, a_form = _numbers(_column(df, actual, n), "actual", problems)
    prev, _ = _numbers(_column(df, previous, n), "previous", problems)

    # Targets: 0 a figure, 1 tracking, 2 under review, 3 unreadable.
    t_col = _column(df, target, n)
    kind = np.full(n, 2, dtype=np.int8)
    point = np.full(n, np.nan)
    t_pct = np.zeros(n, dtype=bool)
    if t_col is not None:
        if pd.api.types.is_numeric_dtype(t_col):
            point = t_col.to_numpy(dtype=float, na_value=np.nan)
            kind = np.where(np.isnan(point), 2, 0).astype(np.int8)
        else:
            codes, parsed = _distinct(t_col, _read_target)
            kinds = np.array([p[0] for p in parsed] + [2], dtype=np.int8)
            points = np.array([p[1] for p in parsed] + [np.nan])
            kind, point = kinds[codes], points[codes]
            t_pct = np.array([p[3] for p in parsed] + [False])[codes]
            _note(problems, codes, [p[2] for p in parsed])

    # Polarity: 1 higher, -1 lower, 0 none, 9 unreadable. Blank is higher, or none when
    # the target is a tracking one (rules.md section 2).
    p_col = _column(df, polarity, n)
    pol = np.ones(n, dtype=np.int8)
    if p_col is not None:
        codes, parsed = _distinct(p_col, _read_polarity)
        pol = np.array([p[0] for p in parsed] + [1], dtype=np.int8)[codes]
        _note(problems, codes, [p[1] for p in parsed])
    tracking = (kind == 1) | (pol == 0)

    green, amber = _thresholds(_column(df, tolerance, n), point, pol, problems)

    higher = pol == 1
    scale = np.maximum(np.abs(a), np.abs(green))
    meets = np.where(higher, a >= green - EPS * scale, a <= green + EPS * scale)
    scale = np.maximum(np.abs(a), np.abs(amber))
    within = np.where(higher, a >= amber - EPS * scale, a <= amber + EPS * scale)
    bad_tolerance = (np.isnan(green) | np.isnan(amber)) & (kind == 0)
    # 83 against "92%" (000 row 01) is not rated; the core says why (rules.md section 8)
    mixed = (
        (kind == 0)
        & ~np.isnan(a)
        & (
            (t_pct & (a_form == 0) & (np.abs(a) > 1.5) & (np.abs(point) <= 1.5))
            | (~t_pct & (a_form == 1) & (np.abs(point) > 1.5) & (np.abs(a) <= 1.5))
        )
    )
    for i in np.flatnonzero(mixed & (problems == "")):
        problems[i] = _core_message(df, i, actual, target, polarity, tolerance)
    unreadable = (kind == 3) | (pol == 9) | bad_tolerance | mixed
    status_code = np.select(
        [tracking, np.isnan(a), kind == 2, unreadable, meets, within],
        [5, 3, 4, -1, 0, 1],
        default=2,
    )
    status = pd.Categorical.from_codes(
        np.where(status_code == -1, -1, status_code), dtype=STATUS_TYPE
    )
    direction = _directions(a, prev, pol, point, kind, acceptable, _column(df, acceptable, n))
    return pd.DataFrame(
        {"status": status, "direction": direction, "problem": problems}, index=df.index
    )


def _core_message(df: pd.DataFrame, i: int, *specs: Any) -> str:
    """The core's own message for row ``i`` (rare rows only: it is a Python call)."""
    args = []
    for spec in specs:
        col = _column(df, spec, len(df))
        value = None if col is None else col.iloc[i]
        args.append(None if isinstance(value, float) and value != value else value)
    try:
        rag(*args)
    except KpixlError as e:
        return str(e)
    return ""


def _read_target(u: Any) -> tuple[int, float, str, bool]:
    try:
        t = parse_target(u)
        if t.kind is TargetKind.TRACKING:
            return 1, np.nan, "", False
        if t.kind is TargetKind.REVIEW:
            return 2, np.nan, "", False
        return 0, t.point(), "", t.percent
    except KpixlError as e:
        return 3, np.nan, str(e), False


def _read_polarity(u: Any) -> tuple[int, str]:
    try:
        p = parse_polarity(u)
    except KpixlError as e:
        return 9, str(e)
    return {Polarity.HIGHER: 1, Polarity.LOWER: -1, Polarity.NONE: 0}[p], ""


def _note(problems: np.ndarray, codes: np.ndarray, messages: list[str]) -> None:
    bad = [i for i, m in enumerate(messages) if m]
    if bad:
        texts = np.array([*messages, ""], dtype=object)
        mask = np.isin(codes, bad) & (problems == "")
        problems[mask] = texts[codes[mask]]


def _thresholds(
    col: pd.Series | None, point: np.ndarray, pol: np.ndarray, problems: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(green_from, amber_limit) per row, by tolerance kind, on arrays."""
    default = get_settings().default_tolerance
    n = len(point)
    if col is None:
        parsed, codes = [default], np.zeros(n, dtype=np.intp)
    else:

        def read(u: Any) -> Any:
            try:
                tol = parse_tolerance(u)
            except KpixlError as e:
                return str(e)
            return default if tol.kind is ToleranceKind.DEFAULT else tol

        codes, parsed = _distinct(col, read)
        parsed = [*parsed, default]  # blank cells (code -1) take the default
        _note(problems, codes, [p if isinstance(p, str) else "" for p in parsed[:-1]])
    ok = [not isinstance(p, str) for p in parsed]
    nan = np.nan

    def attr(get: Any) -> np.ndarray:
        return np.array([get(p) if good else nan for p, good in zip(parsed, ok, strict=True)])[
            codes
        ]

    kind = np.array(
        [_TOL_CODES[p.kind] if good else -1 for p, good in zip(parsed, ok, strict=True)]
    )[codes]
    amount = attr(lambda p: p.amount)
    low, high = (
        attr(lambda p: p.low if p.low is not None else nan),
        attr(lambda p: p.high if p.high is not None else nan),
    )
    g_thr = attr(lambda p: p.green if p.green is not None else nan)
    a_thr = attr(lambda p: p.amber if p.amber is not None else nan)
    percent = attr(lambda p: 1.0 if p.percent else 0.0) == 1.0

    sign = np.where(pol == -1, 1.0, -1.0)  # the amber limit lies on the worse side
    pct_scale = np.where(np.abs(point) > 1.5, 100.0, 1.0)
    own_scale = np.where(percent, pct_scale, 1.0)
    width = np.select(
        [
            kind == _TOL_CODES[ToleranceKind.RELATIVE],
            kind == _TOL_CODES[ToleranceKind.POINTS],
            kind == _TOL_CODES[ToleranceKind.ABSOLUTE],
            kind == _TOL_CODES[ToleranceKind.NONE],
        ],
        [amount * np.abs(point), amount * pct_scale, amount, 0.0],
        default=nan,
    )
    band_limit = np.where(
        pol == -1, np.maximum(high * own_scale, point), np.minimum(low * own_scale, point)
    )
    is_band = kind == _TOL_CODES[ToleranceKind.BAND]
    is_thr = kind == _TOL_CODES[ToleranceKind.THRESHOLDS]
    green = np.where(is_thr, g_thr * own_scale, point)
    amber = np.where(is_thr, a_thr * own_scale, np.where(is_band, band_limit, point + sign * width))
    return green, amber


def _directions(
    cur: np.ndarray,
    prev: np.ndarray,
    pol: np.ndarray,
    point: np.ndarray,
    kind: np.ndarray,
    acceptable: Any,
    acc_col: pd.Series | None,
) -> pd.Categorical:
    if acceptable is None or acc_col is None:
        acc = np.full(len(cur), get_settings().acceptable_range)
    else:
        from .core.settings import parse_fraction

        acc = np.array([parse_fraction(x, "acceptable") for x in acc_col], dtype=float)
    missing = np.isnan(cur) | np.isnan(prev)
    same = np.abs(cur - prev) <= EPS * np.maximum(np.abs(cur), np.abs(prev))
    higher, lower, none = pol == 1, pol == -1, pol == 0
    improved = np.where(higher, cur > prev, cur < prev)
    has_target = (kind == 0) & ~np.isnan(point)
    scale = np.maximum(np.abs(cur), np.abs(point))
    on_target = has_target & np.where(
        higher, cur >= point - EPS * scale, cur <= point + EPS * scale
    )
    within = (prev != 0) & (np.abs(cur - prev) <= acc * np.abs(prev) * (1 + EPS))
    amber = on_target | within
    names = [d.value for d in Direction]
    code = np.select(
        [
            missing | (pol == 9),
            none & same,
            none & (cur > prev),
            none,
            same,
            higher & improved,
            lower & improved,
            higher & amber,
            lower & amber,
            higher,
            lower,
        ],
        [
            names.index("n/a"),
            names.index("⇨"),
            names.index("⇧"),
            names.index("⇩"),
            names.index("→"),
            names.index("↑G"),
            names.index("↓G"),
            names.index("↓A"),
            names.index("↑A"),
            names.index("↓R"),
            names.index("↑R"),
        ],
        default=names.index("n/a"),
    )
    return pd.Categorical.from_codes(code, dtype=DIRECTION_TYPE)
