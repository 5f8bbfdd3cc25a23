"""What kind of measure a row is, from what it says about itself: its unit, whether it is
cumulative or a snapshot, how often it reports, and how its year to date adds up
(rules.md sections 6 and 7). Each answer comes with the words that gave it, so that
``kpixl check`` can say which rule a row was rated by.

>>> cumulative_words("% of Council Tax collected (Cumulative Target)", None, "")
'cumulative'
>>> snapshot_words("Number of rough sleepers - single night snapshot")
'snapshot'
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .periods import Period
from .polarity import neutral
from .targets import Target
from .values import Value, on_fraction_scale
from .vocabulary import (
    ANNUAL_MARKERS,
    ARREARS_MARKERS,
    CUMULATIVE_COMMENT_WORDS,
    CUMULATIVE_WORDS,
    FREQUENCY_WORDS,
    QUARTERLY_MARKERS,
    SNAPSHOT_COMMENT_WORDS,
    SNAPSHOT_WORDS,
    TERMLY_MARKERS,
    UNIT_COLUMN_WORDS,
    words,
)

UNITS = ("%", "days", "£", "count", "rate", "kg", "score", "weeks", "hours", "minutes")


def _has(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` at word boundaries."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() and phrase[0].isalnum()) and not (
            after.isalnum() and phrase[-1].isalnum()
        ):
            return True
        start = text.find(phrase, start + 1)
    return False


def cumulative_words(name: str, target: Target | None, comments: str) -> str:
    """The words saying a measure accumulates over the year ("cumulative", "in the year",
    "(YTD)"), from its name, its target or a statement in its commentary; "" if none.

    >>> cumulative_words("% of business rates collected in the year debit raised", None, "")
    'in the year'
    >>> cumulative_words("Homelessness prevention cases", None, "Cumulative figure pending")
    ''
    """
    low = words(name[:2000])
    for w in CUMULATIVE_WORDS:
        if _has(low, w):
            return w.strip("()")
    if target is not None and target.cumulative:
        return "cumulative target"
    text = words(comments[:4000])
    for w in CUMULATIVE_COMMENT_WORDS:
        if w in text:
            return w
    return ""


_YEAR_SHARE = ("in the year", "in year", "of the year", "annual", "year debit", "for the year")
_LEVEL_WORDS = ("average", "mean", "rate of", "ratio")


def accumulates(
    name: str, unit: str, figures: Sequence[float] = (), target: float | None = None
) -> bool:
    """True for a cumulative measure that builds up to a year's total (admissions so far, %
    of the year's council tax collected), so its target to date is the year's target pro
    rata; False for a running level (a cumulative average of days, % of rent owed so far),
    rated against the target as written. A percentage whose name says neither is read from
    its figures: rising from far below the year's target, it builds.

    >>> accumulates("% of council tax collected in the year debit raised", "%")
    True
    >>> accumulates("Average time taken to re-let standard voids", "days")
    False
    >>> accumulates("", "%", [0.2939, 0.386], 0.98), accumulates("", "%", [0.9685, 0.9742], 0.99)
    (True, False)
    """
    low = words(name[:2000])
    if unit in ("days", "weeks", "hours", "minutes", "score", "rate"):
        return False
    if any(w in low for w in _LEVEL_WORDS):
        return False
    if unit == "%":
        if any(_has(low, w) for w in _YEAR_SHARE):
            return True
        if target and figures:
            rising = all(b >= a for a, b in pairwise(figures))
            return rising and max(figures) < 0.7 * abs(target)
        return False
    return True


def snapshot_words(name: str, comments: str = "") -> str:
    """The words saying a measure counts what stands at a moment ("as at", "single night
    snapshot", "outstanding"…, or commentary saying it "provides a snapshot"): never summed
    into a year to date; "" if none.

    >>> snapshot_words("Total number of households living in temporary accommodation")
    'living in'
    >>> snapshot_words("Number of voids - Kettering Area", "This indicator provides a snapshot")
    'a snapshot'
    """
    low = neutral(words(name[:2000]))
    for w in SNAPSHOT_WORDS:
        if _has(low, w):
            return w
    text = words(comments[:4000])
    for w in SNAPSHOT_COMMENT_WORDS:
        if w in text:
            return w
    return ""


def unit_of(unit: object, values: Sequence[Value], texts: Sequence[str]) -> str:
    """The unit to show numbers in: the tracker's Unit column, else what the cells' formats
    and texts say (90.2%, "15 Days", £…), else a count.

    >>> unit_of(None, [Value(0.9, percent=True)], [])
    '%'
    """
    if isinstance(unit, str) and unit.strip():
        found = UNIT_COLUMN_WORDS.get(words(unit[:40]))
        if found is not None:
            return found
    kinds = [v.unit for v in values if v.value is not None and v.unit]
    if any(v.percent for v in values if v.value is not None) or "%" in kinds:
        return "%"
    for u in ("£", "days", "kg", "weeks", "hours", "minutes"):
        if u in kinds:
            return u
    if any(k.startswith("per ") for k in kinds):
        return "rate"
    low = [words(t[:200]) for t in texts if t]
    if any(t.endswith("%") for t in low):
        return "%"
    if any("day" in t for t in low):
        return "days"
    if any("£" in t for t in low):
        return "£"
    if any(t.endswith("kg") for t in low):
        return "kg"
    return "count"


def marker_frequency(texts: Sequence[str]) -> str:
    """A frequency that a missing-data marker states: "n/a reported Quarterly" is quarterly.

    >>> marker_frequency(["n/a reported Quarterly"]), marker_frequency(["TBC"])
    ('quarter', '')
    """
    for t in texts:
        low = words(t[:200])
        if any(m in low for m in QUARTERLY_MARKERS):
            return "quarter"
        if any(m in low for m in TERMLY_MARKERS):
            return "term"
        if any(m in low for m in ANNUAL_MARKERS):
            return "year"
    return ""


def is_arrears(value: Value) -> bool:
    """ "Reporting one month in arrears": the figure is the month before's."""
    return value.missing is not None and any(m in words(value.missing) for m in ARREARS_MARKERS)


def frequency_word(x: object) -> str:
    """A Frequency cell (Monthly, Quarterly, Annual…) as month, quarter, year or term."""
    if not isinstance(x, str) or not x.strip():
        return ""
    return FREQUENCY_WORDS.get(words(x[:40]), "")


def figures_frequency(present: Sequence[Period], blank_months: Sequence[Period]) -> str:
    """How often a row reports, from where its figures are: quarter columns, or only
    quarter-end months filled while other months stand blank; else monthly.

    >>> from kpixl.core.periods import parse_period as p
    >>> figures_frequency([p("Jun-24")], [p("Apr-24"), p("May-24"), p("Jul-24")])
    'quarter'
    """
    kinds = {p.kind for p in present}
    months = [p for p in present if p.kind == "month"]
    if months:
        quarter_ends = all(p.last % 3 == 0 for p in months)
        others_blank = any(p.last % 3 for p in blank_months)
        return "quarter" if quarter_ends and others_blank else "month"
    for kind in ("quarter", "term", "year"):
        if kind in kinds:
            return kind
    return ""


def mixed_scales(values: Sequence[Value], target: float | None, unit: str) -> str:
    """Why a percentage row cannot be trusted, or "": 000 row 01 writes Q1 as 83 beside
    90.2% against 92% and would otherwise be rated on the wrong scale (rules.md section 8).
    A 0 is on both scales and is left out.

    >>> mixed_scales([Value(83.0), Value(0.902, percent=True)], 0.92, "%")[:40]
    'Check values: mixed scales (83 beside 90'
    """
    if unit != "%":
        return ""
    numbers = [v.value for v in values if v.value is not None and v.numerator is None]
    numbers = [x for x in numbers if x != 0]
    big = [x for x in numbers if not on_fraction_scale(x)]
    small = [x for x in numbers if on_fraction_scale(x)]
    if big and small:
        return (
            f"Check values: mixed scales ({_num(big[0])} beside {small[0]:.1%}); write every "
            f"value as a percentage, e.g. {_num(big[0])}%"
        )
    if target is not None and target != 0 and numbers:
        if not on_fraction_scale(target) and not big:
            return (
                f"Check target: {_num(target)} is on a 0-100 scale but the values are "
                f"percentages (e.g. {small[0]:.1%}); write the target as {_num(target)}%"
            )
        if on_fraction_scale(target) and not small:
            return (
                f"Check values: {_num(big[0])} is on a 0-100 scale but the target is "
                f"{target:.1%}; write the values as percentages, e.g. {_num(big[0])}%"
            )
    return ""


def _num(x: float) -> str:
    return f"{x:,.6g}"
