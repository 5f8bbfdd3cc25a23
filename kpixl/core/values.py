"""Reading values as officers type them (rules.md section 8).

>>> parse_value("90.2%")
0.902
>>> read_value("92 out of 99").numerator
92.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import ValueTextError

# Text that means "no figure this period" (rules.md section 1); matched on a normalised form.
MISSING_MARKERS = (
    "tbc",
    "tbd",
    "n/a",
    "na",
    "-",
    "–",
    "—",
    "no data",
    "not available",
    "awaiting data",
)
# Longer phrases councils write in a value cell instead of a figure; matched as prefixes.
MISSING_PREFIXES = (
    "n/a ",
    "n/a(",
    "new kpi",
    "new for",
    "new as corporate",
    "new measure",
    "reporting one month in arrears",
    "not reported",
    "reported quarterly",
    "(reported quarterly)",
    "not yet reported",
    "data not available",
    "to be confirmed",
    "to be determined",
)
EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#VALUE!",
        "#DIV/0!",
        "#NUM!",
        "#REF!",
        "#NAME?",
        "#NULL!",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
    }
)

VALUE_HINT = 'write a number such as 90.2%, 15 Days, 19,378, £21,449.58 or "92 out of 99"'

_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+"
_NUM_RE = re.compile(
    rf"^(?P<neg>\()?\s*(?P<cur>£|\$|€)?\s*(?P<num>{_NUMBER})\s*(?P<pct>%+)?\s*\)?$"
)
_OUT_OF_RE = re.compile(
    rf"^(?:(?P<head>.*?)\s*\(\s*)?(?P<n>{_NUMBER})\s*(?:out of|/|of)\s*(?P<d>{_NUMBER})\s*\)?\s*$"
)
_COUNT_AFTER_RE = re.compile(rf"^(?P<lead>(?:{_NUMBER})\s*%*)\s*\(\s*(?:{_NUMBER})\s*\)$")
# Units written after a number: kept so the pack can show them, ignored for the value.
_UNIT_RE = re.compile(
    r"^(?P<body>.+?)\s*(?P<unit>days?|working days|weeks?|hours?|mins?|minutes?|kg|kgs|"
    r"per cent|percent|pts|points|people|households|cases)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Value:
    """A value read from a cell: the number, an optional numerator/denominator, or why missing.

    >>> read_value("15 out of 17").value
    0.8823529411764706
    """

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    missing: str | None = None  # the reason text when value is None (e.g. "TBC")
    percent: bool = False  # written with a % sign (or as "x out of y")

    @property
    def is_missing(self) -> bool:
        return self.value is None


_BLANK = Value(None, missing="blank")


def _norm(text: str) -> str:
    # Unicode minus and dashes become "-"; non-breaking spaces become spaces.
    return text.replace("\u2212", "-").replace("\u00a0", " ").replace("\u2009", " ").strip()


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def is_missing_text(text: str) -> bool:
    """True for the words councils write instead of a figure (TBC, n/a, New KPI…).

    >>> is_missing_text("n/a reported Quarterly")
    True
    """
    low = " ".join(_norm(text).lower().split())
    if low in MISSING_MARKERS or low.upper() in EXCEL_ERRORS:
        return True
    return low.startswith(MISSING_PREFIXES)


def read_value(x: object, argument: str = "value") -> Value:
    """Read one cell's content as typed by an officer; raise ValueTextError if unreadable.

    Numbers pass through (Excel's 90% arrives as 0.9). Blanks, missing markers and Excel
    error values give a missing Value that keeps the reason.

    >>> read_value("95.41% (16579 out of 17377)").numerator
    16579.0
    >>> read_value("TBC").missing
    'TBC'
    """
    if x is None:
        return _BLANK
    if isinstance(x, bool):
        raise ValueTextError(argument, x, VALUE_HINT)
    if isinstance(x, (int, float)):
        f = float(x)
        if math.isnan(f):
            return Value(None, missing="blank")
        if math.isinf(f):
            raise ValueTextError(argument, x, VALUE_HINT)
        return Value(f)
    if isinstance(x, Value):
        return x
    text = _norm(str(x))
    if not text:
        return _BLANK
    if is_missing_text(text):
        return Value(None, missing=text)
    m = _NUM_RE.match(text)
    if m:
        return _from_match(m, text)
    m = _OUT_OF_RE.match(text)
    if m:
        n, d = _number(m["n"]), _number(m["d"])
        head = m["head"]
        if head:
            # "95.41% (16579 out of 17377)": the stated figure leads; keep the counts.
            lead = read_value(head, argument)
            if lead.is_missing:
                return Value(None, n, d, missing=lead.missing, percent=True)
            return Value(lead.value, n, d, percent=True)
        if d == 0:
            return Value(None, n, d, missing=text, percent=True)
        return Value(n / d, n, d, percent=True)
    m = _COUNT_AFTER_RE.match(text)
    if m:  # "29% (8,922)": a rate with its count beside it
        return read_value(m["lead"], argument)
    m = _UNIT_RE.match(text)
    if m and m["unit"].lower() not in ("per cent", "percent"):
        inner = _NUM_RE.match(m["body"])
        if inner:
            return _from_match(inner, text)
    if m:  # "90 per cent"
        inner = _NUM_RE.match(m["body"])
        if inner:
            return Value(_number(inner["num"]) / 100, percent=True)
    raise ValueTextError(argument, x, VALUE_HINT)


def _from_match(m: re.Match[str], text: str) -> Value:
    num = _number(m["num"])
    if m["neg"] and text.endswith(")"):
        num = -num  # accountants' (1,234.00) is negative
    if m["pct"]:
        # "11.8%" is the float nearest 0.118, as Excel stores it (11.8 / 100 is not)
        return Value(math.copysign(float(m["num"].replace(",", "").lstrip("+-") + "e-2"), num),
                     percent=True)
    return Value(num)


def parse_value(x: object) -> float | None:
    """The number in a cell as officers type it, or None when there is no figure.

    >>> parse_value("£21,449,387.58")
    21449387.58
    >>> parse_value("TBC") is None
    True
    """
    if type(x) is float:  # the common case from Excel, kept fast
        return None if x != x else x
    return read_value(x).value
