"""Cells as Excel stores what an officer types, and the few openpyxl steps every seed needs.

Excel keeps a typed percentage as a fraction with a percent format, a count typed with
separators as a number with ``#,##0``, and anything it cannot read as a number as text. The
seed trackers are written through these functions, so every module stores values one way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

GENERAL = "General"

_PERCENT = re.compile(r"^(-?\d+)(?:\.(\d+))?%$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$")
_INTEGER = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_UNIT = re.compile(r"^(\d+)(?:\.(\d+))? ?([A-Za-z]+)$")
_MONEY = re.compile(r"^(-?)£(\d{1,3}(?:,\d{3})*)\.(\d{2})(?: (\(.+\)))?$")


def _decimals(digits: str | None) -> str:
    return "." + "0" * len(digits) if digits else ""


def excel_value(text: str) -> tuple[object, str]:
    """The value and number format Excel keeps for ``text`` typed into a General cell.

    The format shows as many decimals as were typed, so the cell displays what was typed.

    >>> excel_value("90.2%")
    (0.902, '0.0%')
    >>> excel_value("3.27%")
    (0.0327, '0.00%')
    >>> excel_value("19,378")
    (19378, '#,##0')
    >>> excel_value("83")
    (83, 'General')
    >>> excel_value("n/a reported Quarterly")
    ('n/a reported Quarterly', 'General')
    """
    text = text.strip()
    m = _PERCENT.match(text)
    if m:
        # Decimal first: 90.2 / 100 in binary floats is 0.9020000000000001.
        value = float(Decimal(text[:-1]) / 100)
        return value, "0" + _decimals(m.group(2)) + "%"
    m = _THOUSANDS.match(text)
    if m:
        plain = text.replace(",", "")
        number: object = float(plain) if m.group(1) else int(plain)
        return number, "#,##0" + _decimals(m.group(1))
    if _INTEGER.match(text):
        return int(text), GENERAL
    if _DECIMAL.match(text):
        return float(text), GENERAL
    return text, GENERAL


def unit_value(text: str) -> tuple[object, str]:
    """A number with its unit in a custom format, as an officer formats a days column.

    >>> unit_value("60.9 days")
    (60.9, '0.0 "days"')
    >>> unit_value("107 Kg")
    (107, '0 "Kg"')
    """
    m = _UNIT.match(text.strip())
    if not m:
        raise ValueError(f"not a number with a unit: {text!r}")
    whole, digits, unit = m.groups()
    number: object = float(f"{whole}.{digits}") if digits else int(whole)
    return number, "0" + _decimals(digits) + f' "{unit}"'


def money_value(text: str) -> tuple[object, str]:
    """A sum of money as a number with a currency format; a bracketed note joins the format.

    >>> money_value("£21,449,387.58 (collected in July)")
    (21449387.58, '"£"#,##0.00" (collected in July)"')
    >>> money_value("-£120.50")
    (-120.5, '"£"#,##0.00')
    """
    m = _MONEY.match(text.strip())
    if not m:
        raise ValueError(f"not a sum of money: {text!r}")
    # One format section: Excel puts the minus in front of a negative sum by itself.
    sign, pounds, pence, note = m.groups()
    fmt = '"£"#,##0.00' + (f'" {note}"' if note else "")
    return float(sign + pounds.replace(",", "") + "." + pence), fmt


def put(ws: Worksheet, row: int, col: int, value: object, fmt: str = GENERAL) -> None:
    """Write one cell; text stays text even when it starts with ``=``, and wraps if long."""
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if "\n" in value or len(value) > 40:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    if fmt != GENERAL:
        cell.number_format = fmt


def put_text(ws: Worksheet, row: int, col: int, text: str | None) -> None:
    """Write ``text`` as Excel would store it typed into a General cell."""
    if text is None or text == "":
        return
    value, fmt = excel_value(text)
    put(ws, row, col, value, fmt)


def header_row(ws: Worksheet, row: int, headings: Iterable[str | None]) -> None:
    """A bold, wrapped header row; a blank heading stays an empty cell."""
    for col, heading in enumerate(headings, start=1):
        if heading:
            cell = ws.cell(row=row, column=col, value=heading)
            cell.data_type = "s"
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def title_row(ws: Worksheet, row: int, text: str, width: int, size: int = 12) -> None:
    """A title across the table: merged over ``width`` columns, as councils head a table."""
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = Font(bold=True, size=size)
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def section_row(ws: Worksheet, row: int, text: str) -> None:
    """A service or sub-heading row: one bold cell at the left, the rest empty."""
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = Font(bold=True, italic=True)
