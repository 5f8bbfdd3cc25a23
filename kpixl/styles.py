"""Colours and number formats of kpixl's tables, shared by every writer: the committee
pack (XlsxWriter) and the xlwings Lite scripts (cells set in the open workbook). Plain
Python, so that Lite (Pyodide) can use them without XlsxWriter.

>>> PALETTES["standard"][Status.AMBER], number_format("%", 1)
(('#FFC000', '#000000'), '0.0%')
"""

from __future__ import annotations

from .core.model import NOT_RATED, PARENT
from .core.rules import Status

# Fills and font colours per status (004's key: green, amber, red, dark grey, grey,
# turquoise) and a colour-blind-safe alternative (Okabe-Ito hues). The word is always
# written too: colour alone never carries the meaning.
PALETTES: dict[str, dict[Status | str, tuple[str, str]]] = {
    "standard": {
        Status.GREEN: ("#00B050", "#000000"),
        Status.AMBER: ("#FFC000", "#000000"),
        Status.RED: ("#FF0000", "#FFFFFF"),
        Status.NO_DATA: ("#595959", "#FFFFFF"),
        Status.UNDER_REVIEW: ("#BFBFBF", "#000000"),
        Status.TRACKING: ("#40E0D0", "#000000"),
        Status.EXCEEDED: ("#0070C0", "#FFFFFF"),
        Status.NOT_YET_DUE: ("#F2F2F2", "#000000"),
        NOT_RATED: ("#FFFFFF", "#C00000"),
        PARENT: ("#FFFFFF", "#404040"),
        # delivery-plan actions counted apart from the colours (001's boxes)
        "Completed": ("#9BC2E6", "#000000"),
        "Not started": ("#D9D9D9", "#000000"),
    },
    "colour-blind": {
        Status.GREEN: ("#009E73", "#FFFFFF"),
        Status.AMBER: ("#E69F00", "#000000"),
        Status.RED: ("#D55E00", "#FFFFFF"),
        Status.NO_DATA: ("#000000", "#FFFFFF"),
        Status.UNDER_REVIEW: ("#BFBFBF", "#000000"),
        Status.TRACKING: ("#56B4E9", "#000000"),
        Status.EXCEEDED: ("#0072B2", "#FFFFFF"),
        Status.NOT_YET_DUE: ("#F2F2F2", "#000000"),
        NOT_RATED: ("#FFFFFF", "#D55E00"),
        PARENT: ("#FFFFFF", "#404040"),
        "Completed": ("#CC79A7", "#000000"),
        "Not started": ("#D9D9D9", "#000000"),
    },
}
ARROW_COLOURS = {
    "standard": {"green": "#00863D", "amber": "#C55A11", "red": "#C00000", "none": "#1F3864"},
    "colour-blind": {"green": "#007A5A", "amber": "#B07800", "red": "#B34700", "none": "#000000"},
}
HEADER_FILL = "#1F3864"
SECTION_FILL = "#D9E1F2"


def number_format(unit: str, decimals: int) -> str:
    """Excel number format for a unit: 0.0%, #,##0 "days", £#,##0.00 …

    >>> number_format("%", 1), number_format("days", 1), number_format("£", 0)
    ('0.0%', '#,##0.0" days"', '£#,##0')
    """
    places = "." + "0" * decimals if decimals else ""
    if unit == "%":
        return f"0{places}%"
    if unit == "£":
        return f"£#,##0{places}"
    if unit in ("days", "kg"):
        return f'#,##0{places}" {unit}"'
    return f"#,##0{places}"


__all__ = ["ARROW_COLOURS", "HEADER_FILL", "PALETTES", "SECTION_FILL", "number_format"]
