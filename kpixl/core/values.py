"""Reading values as officers type them (rules.md section 8).

Text is read by a small scanner, not by regular expressions that can backtrack, so any cell
(up to Excel's 32,767 characters) is answered in linear time.

>>> parse_value("90.2%")
0.902
>>> read_value("92 out of 99").numerator
92.0
>>> v = read_value("64.5% (Jan-Mar 2023) 300 out of 465")
>>> v.value, v.numerator, v.note
(0.645, 300.0, 'Jan-Mar 2023')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from numbers import Real

from .errors import ValueTextError
from .vocabulary import (
    EXCEL_ERRORS,
    MISSING_MARKERS,
    MISSING_PREFIXES,
    UNIT_WORDS,
    words,
)

VALUE_HINT = 'write a number such as 90.2%, 15 Days, 19,378, £21,449.58 or "92 out of 99"'
MAX_FIGURE = 1e300  # beyond this a figure is a typing slip, and sums of it overflow
# A percentage stored as a fraction (Excel's 90% is 0.9) is at most this; a larger figure
# against a percentage is on a 0-100 scale. The one place this limit is written.
FRACTION_LIMIT = 1.5
# Longest text read as a tolerance, target or polarity: real ones are a few words, and a
# cap keeps every parser's time bounded whatever a cell holds.
MAX_RULE_TEXT = 300


def on_fraction_scale(x: float) -> bool:
    """True for a figure that reads as a percentage stored as a fraction.

    >>> on_fraction_scale(0.92), on_fraction_scale(92.0)
    (True, False)
    """
    return abs(x) <= FRACTION_LIMIT


def percent_scale(target: float) -> float:
    """1 when a percentage is stored as a fraction (Excel's 90% is 0.9), 100 when stored
    as 90: percentage points follow the target's scale.

    >>> percent_scale(0.9), percent_scale(90.0)
    (1.0, 100.0)
    """
    return 1.0 if on_fraction_scale(target) else 100.0


@dataclass(frozen=True, slots=True)
class Value:
    """A value read from a cell: the number, an optional numerator/denominator, or why missing.

    ``percent`` is true for a value written with a % sign, shown in a percentage format, or
    written "x out of y"; ``unit`` is what the text or the cell's format says ("%", "£",
    "days", "kg"… or ""); ``note`` keeps a bracketed note such as "Jan-Mar 2023" or "YTD".

    >>> read_value("15 out of 17").value
    0.8823529411764706
    """

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    missing: str | None = None  # the reason text when value is None (e.g. "TBC")
    percent: bool = False
    unit: str = ""
    note: str = ""

    @property
    def is_missing(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        """The value as an officer would type it, for messages and cells shown as text.

        >>> [str(read_value(x)) for x in ("97.4%", "15 out of 17", "£1,250.5", "3 days", "TBC")]
        ['97.4%', '15 out of 17', '£1,250.5', '3 days', 'TBC']
        """
        if self.value is None:
            return "" if self.missing in (None, "blank") else str(self.missing)
        if self.numerator is not None and self.denominator is not None:
            return f"{_typed(self.numerator)} out of {_typed(self.denominator)}"
        if self.percent:
            return f"{_typed(self.value * 100)}%"
        if self.unit == "£":
            return f"£{_typed(self.value)}"
        return f"{_typed(self.value)} {self.unit}" if self.unit else _typed(self.value)


def _typed(x: float) -> str:
    # twelve significant figures hide binary noise (0.974 x 100) and keep pence
    return f"{x:,.12g}"


BLANK = Value(None, missing="blank")


def is_empty(x: object) -> bool:
    """A cell with nothing in it: None, blank text, or a NaN (how pandas and numpy carry an
    empty cell, as a float or a Decimal).

    >>> is_empty("  "), is_empty(float("nan")), is_empty(Decimal("NaN")), is_empty(0)
    (True, True, True, False)
    """
    if x is None:
        return True
    if isinstance(x, str):
        return not x.strip()
    if isinstance(x, float):
        return x != x
    if isinstance(x, Decimal):
        return x.is_nan()
    return False


def is_missing_text(text: str) -> bool:
    """True for the words councils write instead of a figure (TBC, n/a, New KPI…).

    >>> is_missing_text("n/a reported Quarterly"), is_missing_text("12")
    (True, False)
    """
    low = words(text[:200])
    if low in MISSING_MARKERS or low.upper() in EXCEL_ERRORS:
        return True
    return low.startswith(MISSING_PREFIXES)


# --- the scanner ----------------------------------------------------------------------------

_NUM, _PCT, _CUR, _LP, _RP, _OUT, _WORD, _SLASH, _OTHER = range(9)
_CURRENCIES = "£$€"


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """Numbers, %, currency signs, brackets, words and other characters, in one pass."""
    i, n = 0, len(text)
    last = -1  # the kind of the token before: a sign after "(" or "£" belongs to a number
    while i < n:
        ch = text[i]
        if ch == " ":
            i += 1
            continue
        start = i
        signed = ch in "+-" and i + 1 < n and (text[i + 1].isdigit() or text[i + 1] == ".")
        if (
            (signed and last in (-1, _LP, _CUR))
            or ch.isdigit()
            or (ch == "." and i + 1 < n and text[i + 1].isdigit())
        ):
            i += 1 if signed else 0
            i = _scan_number(text, i)
            last = _NUM
            yield _NUM, text[start:i]
            continue
        if ch.isalpha():  # a word may carry digits after its first letter: "Q1", "P2"
            while i < n and (text[i].isalnum() or text[i] in "'’"):
                i += 1
            last = _WORD
            yield _WORD, text[start:i]
            continue
        if ch == "%":  # a run of signs is one token: "87.5%%" (004 MPS21)
            while i < n and text[i] == "%":
                i += 1
            last = _PCT
            yield _PCT, text[start:i]
            continue
        kind = {"(": _LP, ")": _RP, "/": _SLASH}.get(ch)
        if kind is None:
            kind = _CUR if ch in _CURRENCIES else _OTHER
        last = kind
        yield kind, ch
        i += 1


class _Tokens:
    """A text's tokens, scanned only as far as the parse asks: a cell that cannot be read
    is refused at its first wrong token, not after scanning all 32,767 characters.

    >>> t = _Tokens("92% (YTD)")
    >>> t.has(1), t.items
    (True, [(0, '92'), (1, '%')])
    """

    __slots__ = ("_more", "items")

    def __init__(self, text: str) -> None:
        self._more: Iterator[tuple[int, str]] | None = _scan(text)
        self.items: list[tuple[int, str]] = []

    def has(self, j: int) -> bool:
        """True when there is a ``j``-th token (scanning up to it)."""
        items = self.items
        while j >= len(items):
            if self._more is None:
                return False
            found = next(self._more, None)
            if found is None:
                self._more = None
                return False
            items.append(found)
        return True

    def all(self) -> list[tuple[int, str]]:
        """Every token, scanning to the end."""
        while self.has(len(self.items)):
            pass
        return self.items


def _scan_number(text: str, i: int) -> int:
    """The end of a number starting at ``i``: digits with 3-digit comma groups, a decimal part."""
    n = len(text)
    j = i
    while j < n and text[j].isdigit():
        j += 1
    # thousands groups: ",ddd" not followed by another digit
    while (
        j + 3 < n + 0
        and text[j] == ","
        and text[j + 1 : j + 4].isdigit()
        and (j + 4 == n or not text[j + 4].isdigit())
        and j > i
    ):
        j += 4
    if j < n and text[j] == "." and j + 1 < n and text[j + 1].isdigit():
        j += 1
        while j < n and text[j].isdigit():
            j += 1
    return j


def _number(token: str) -> float:
    return float(token.replace(",", ""))


def _percent(token: str) -> float:
    """ "11.8" % as the float nearest 0.118, as Excel stores it (11.8 / 100 is not)."""
    digits = token.replace(",", "")
    sign = -1.0 if digits.startswith("-") else 1.0
    return sign * float(digits.lstrip("+-") + "e-2")


class _Parse:
    """One pass over the tokens of a value cell (see :func:`read_value`), from ``start`` up
    to ``end`` (a bracket's inside) or to the text's end."""

    def __init__(self, tokens: _Tokens, start: int = 0, end: int | None = None):
        self.t = tokens
        self.i = start
        self.end = end

    def _has(self, j: int) -> bool:
        return (self.end is None or j < self.end) and self.t.has(j)

    def peek(self, k: int = 0) -> tuple[int, str]:
        j = self.i + k
        return self.t.items[j] if self._has(j) else (-1, "")

    def take(self, kind: int, text: str | None = None) -> str | None:
        k, s = self.peek()
        if k == kind and (text is None or s.lower() == text):
            self.i += 1
            return s
        return None

    def done(self) -> bool:
        return not self._has(self.i)

    def counts(self) -> tuple[float, float] | None:
        """ "300 out of 465", "148 out 162", "16579/17377", "92 of 99"."""
        save = self.i
        n = self.take(_NUM)
        if n is not None:
            if self.take(_WORD, "out") is not None:
                self.take(_WORD, "of")
            elif self.take(_SLASH) is None and self.take(_WORD, "of") is None:
                self.i = save
                return None
            d = self.take(_NUM)
            if d is not None and self.peek()[0] != _PCT:
                return _number(n), _number(d)
        self.i = save
        return None

    def bracket(self) -> tuple[int, int] | None:
        """A bracketed group (one level), as token positions inside it."""
        if self.peek()[0] != _LP:
            return None
        start = self.i + 1
        j = start
        while self._has(j) and self.t.items[j][0] != _RP:
            if self.t.items[j][0] == _LP:
                return None
            j += 1
        if not self._has(j):
            return None
        self.i = j + 1
        return start, j


def _join(tokens: list[tuple[int, str]]) -> str:
    """Tokens back into text as written: "Jan-Mar 2023", "Q1 23-24", "38.00%"."""
    parts: list[str] = []
    for kind, s in tokens:
        if parts and (kind in (_PCT, _RP) or s == "-" or parts[-1][-1] in "(£$€-"):
            parts[-1] += s
        else:
            parts.append(s)
    return " ".join(parts)


def read_value(x: object, argument: str = "value") -> Value:
    """Read one cell's content as typed by an officer; raise ValueTextError if unreadable.

    Numbers pass through (Excel's 90% arrives as 0.9). Blanks, missing markers and Excel
    error values give a missing Value that keeps the reason. A figure may carry bracketed
    notes and counts after it; commentary after a note is left out.

    >>> read_value("95.41% (16579 out of 17377)").numerator
    16579.0
    >>> read_value("TBC").missing
    'TBC'
    >>> read_value("38% 310 out of 811").denominator
    811.0
    >>> read_value("130 per 100,000").unit
    'per 100,000'
    """
    t = type(x)
    if t is str:  # the usual cases first: reading a cell's type costs less than isinstance
        return _text(x, argument)  # type: ignore[arg-type]
    if t is float:
        return _float(x, argument, x)  # type: ignore[arg-type]
    if x is None:
        return BLANK
    if isinstance(x, Value):
        return x
    if isinstance(x, bool):
        raise ValueTextError(argument, x, VALUE_HINT, "a TRUE/FALSE cell, not a figure:")
    if isinstance(x, float):
        return _float(x, argument, x)
    if isinstance(x, Decimal) and x.is_nan():
        return BLANK  # a NaN through pandas, as a float NaN is
    if isinstance(x, (int, Decimal, Fraction)) or (isinstance(x, Real) and not isinstance(x, str)):
        try:
            f = float(x)
        except (OverflowError, ValueError, TypeError):
            raise ValueTextError(argument, x, VALUE_HINT, "too large to be a figure:") from None
        return _float(f, argument, x)
    if isinstance(x, (dt.date, dt.datetime, dt.time)):
        raise ValueTextError(argument, x, VALUE_HINT, "a date, not a figure:")
    if not isinstance(x, str):
        raise ValueTextError(argument, x, VALUE_HINT)
    return _text(x, argument)


def _float(f: float, argument: str, raw: object) -> Value:
    if f != f:
        return BLANK  # NaN: an empty cell through pandas or numpy
    if abs(f) > MAX_FIGURE:
        raise ValueTextError(argument, raw, VALUE_HINT, "too large to be a figure:")
    return Value(f)


def _text(raw: str, argument: str) -> Value:
    if len(raw) <= 200:  # cell texts repeat down a tracker ("TBC", "n/a"): read each once
        found = short_text(raw)
        if found is not None:
            return found
    return _read_text(raw, argument)


@lru_cache(maxsize=8192)
def short_text(raw: str) -> Value | None:
    """The Value of a short cell text, remembered (texts repeat down a tracker), or None
    where it cannot be read (:func:`read_value` then says why).

    >>> short_text("92%").value, short_text("ninety")
    (0.92, None)
    """
    try:
        return _read_text(raw, "value")
    except ValueTextError:
        return None  # read again with the caller's argument name, for its message


def _read_text(raw: str, argument: str) -> Value:
    text = " ".join(raw.translate(_CLEAN).split())
    if not text:
        return BLANK
    if is_missing_text(text):
        # counts come with the marker, "N/A (0 out of 0)": looked for near it, not in pages
        # of commentary after it
        counts = _trailing_counts(text[:MAX_RULE_TEXT])
        if counts is not None:  # "N/A (0 out of 0)": no figure, but the counts are kept
            return Value(None, counts[0], counts[1], missing=text, percent=True)
        return Value(None, missing=text)
    try:
        found = _parse(_Tokens(text))
    except (OverflowError, ValueError):
        found = None
    if found is None:
        raise ValueTextError(argument, raw, VALUE_HINT)
    if found.value is not None and (
        not math.isfinite(found.value) or abs(found.value) > MAX_FIGURE
    ):
        raise ValueTextError(argument, raw, VALUE_HINT, "too large to be a figure:")
    return found


# minus, dashes, spaces and slashes as PDFs and typesetting write them ("n∕a" in 004)
_CLEAN = str.maketrans(
    {
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\n": " ",
        "\u2215": "/",
        "\u2044": "/",
    }
)


def _trailing_counts(text: str) -> tuple[float, float] | None:
    tokens = _Tokens(text)
    j = 0
    while tokens.has(j):
        if tokens.items[j][0] == _NUM:
            found = _Parse(tokens, j).counts()  # from each number on, without copying
            if found is not None:
                return found
        j += 1
    return None


def _parse(tokens: _Tokens) -> Value | None:
    """The scanner's grammar: a lead figure (or counts alone), then notes, counts and a rate
    unit; commentary may follow once a note has been read."""
    p = _Parse(tokens)
    only = p.counts()
    if only is not None:
        n, d = only
        if not p.done():
            return None
        if d == 0:
            return Value(None, n, d, missing=_join(tokens.all()), percent=True)
        return Value(n / d, n, d, percent=True)
    negative = False
    if p.peek()[0] == _LP and p.peek(1)[0] in (_NUM, _CUR):
        p.take(_LP)
        negative = True  # accountants' (1,234.00)
    currency = p.take(_CUR) or ""
    number = p.take(_NUM)
    if number is None:
        return None
    value, percent, unit = _number(number), False, "£" if currency else ""
    if p.take(_PCT) is not None:
        value, percent, unit = _percent(number), True, "%"
    if negative:
        if p.take(_RP) is None:
            return None
        value = -value
    unit = _unit_words(p) or unit
    if unit == "%" and not percent:  # "90 per cent"
        value, percent = _percent(number), True
    numerator = denominator = None
    notes: list[str] = []
    while not p.done():
        span = p.bracket()
        if span is not None:
            inner = _Parse(tokens, *span)
            counts = inner.counts()
            if counts is not None and inner.done():
                numerator, denominator = counts
            elif len(notes) < 4:
                notes.append(_join(tokens.items[span[0] : span[1]]))
            continue
        counts = p.counts()
        if counts is not None:
            numerator, denominator = counts
            continue
        if notes or numerator is not None:
            break  # commentary after a note: "38.60% (YTD) 101.58% achieved of the target"
        return None
    if numerator is not None and not percent and unit == "":
        percent = True  # "29 (8 out of 28)" is a share
    return Value(value, numerator, denominator, percent=percent, unit=unit, note="; ".join(notes))


def _unit_words(p: _Parse) -> str:
    """Units after the figure: "15 Days", "107 Kg", "130 per 100,000", "90 per cent"."""
    kind, word = p.peek()
    if kind != _WORD:
        return ""
    word = word.lower()
    two = f"{word} {p.peek(1)[1].lower()}" if p.peek(1)[0] == _WORD else ""
    if two in UNIT_WORDS:
        p.i += 2
        return UNIT_WORDS[two]
    if word in UNIT_WORDS:
        p.i += 1
        return UNIT_WORDS[word]
    if word == "per" and p.peek(1)[0] == _NUM:  # a rate: "130 per 100,000"
        base = p.peek(1)[1]
        p.i += 2
        return f"per {base}"
    return ""


def read_cell(x: object, unit: str = "", argument: str = "value") -> Value:
    """A cell read with what its number format says: a number in a percentage format is a
    percentage (Excel stores 90.2% as 0.902), in a currency format money, in a "Days"
    format days.

    >>> read_cell(0.902, "%").percent, read_cell(15.1, "days").unit
    (True, 'days')
    """
    v = read_value(x, argument)
    if not unit or v.value is None or isinstance(x, str):
        return v
    if unit == "%":
        return replace(v, percent=True, unit="%")
    return replace(v, unit=unit)


def parse_value(x: object) -> float | None:
    """The number in a cell as officers type it, or None when there is no figure.

    >>> parse_value("£21,449,387.58")
    21449387.58
    >>> parse_value("TBC") is None
    True
    """
    if type(x) is float:  # the common case from Excel, kept fast
        if x != x:
            return None
        if abs(x) > MAX_FIGURE:
            raise ValueTextError("value", x, VALUE_HINT, "too large to be a figure:")
        return x
    return read_value(x).value
