"""What tests/test_lite.py runs inside Pyodide, and again in CPython to compare: the main.py
that ``kpixl lite`` writes, imported through the xlwings stand-in; its KPI_* functions
called as Lite calls them (2-D lists, JavaScript's null for a blank, the text "#N/A" for
Excel's error); and its two scripts run on a recorded book holding a tracker's values.

The book travels as JSON text and is parsed in Python, as xlwings Lite parses the workbook
it sends a script; the functions' arguments go through pyodide.toPy, as Lite's do.

>>> plain({"a": (1, 2)})
{'a': [1, 2]}
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.pyodide.lite_book import Book, run
from tests.pyodide.lite_xlwings import import_lite_main
from tests.pyodide.probe import encode, outcome

NA = "#N/A"
CALLS: list[tuple[str, tuple[Any, ...]]] = [
    ("KPI_RAG", ([[0.902]], [["92%"]], [["Higher is better"]], [["85% - 90%"]])),
    ("KPI_RAG", ([[None]], [[0.9]])),
    ("KPI_RAG", ([[NA]], [[0.9]])),
    ("KPI_RAG", ([[0.95], [None], [NA], [0.8], ["TBC"], [0.86]], [[0.9]])),
    ("KPI_RAG", ([[0.9, 0.8, None]], [[0.85, 0.9, 0.9]])),
    ("KPI_DOT", ([[0.9]], [[1.0]], [[None]], [[None]], [["10%"]])),
    ("KPI_DOT", ([[None]], [[5.0]])),
    ("KPI_YTD", ([[30.0, 21.0, 24.0, None, "TBC", 24.0]],)),
    ("KPI_YTD", ([["12 out of 13", "3 out of 4"]], [["ratio"]])),
    ("KPI_TARGET", ([["252 (21 per month)"]], [[1.0], [2.0], [None], [12.0]])),
    ("KPI_VALUE", ([["90.2%"], ["TBC"], [None], [NA], ["92 out of 99"]],)),
    ("KPI_SUMMARY", ([["Green"], ["Amber"], [None], ["Red"], [NA]],)),
    ("KPI_ACTION", ([["In progress"]], [["Q2"]], [["Q1"]], [["Q3 2023/24"]])),
]


def plain(x: Any) -> Any:
    """``x`` as JSON gives it back: what two interpreters can compare."""
    return json.loads(json.dumps(x))


def given(main_source: str, book: dict[str, Any]) -> dict[str, Any]:
    """The probe's input: main.py's text, the calls, and the book (values, formulas and
    hidden sheets, as :func:`tests.pyodide.lite_book.sheets_from_xlsx` gives them)."""
    return {
        "main_py": main_source,
        "calls": [{"fn": fn, "args": list(args)} for fn, args in CALLS],
        "book": json.dumps(book),
    }


def sheet_state(sheet: Any) -> list[list[Any]]:
    """Every cell kpixl set: where, value, fill, font and number format; today's date,
    written in the title, masked (two runs may straddle midnight)."""
    today = dt.date.today()
    shown = f"{today.day} {today:%B %Y}"
    out = []
    for (r, c), cell in sorted(sheet.cells.items()):
        value = cell.value.replace(shown, "<today>") if isinstance(cell.value, str) else cell.value
        font = sorted(cell.font.items())
        out.append([r, c, encode(value), cell.fill, encode(font), cell.number_format])
    return out


def scripts_run(module: Any, book_json: str) -> dict[str, Any]:
    data = json.loads(book_json)
    book = Book(data["values"], "sample_tracker.xlsx", formulas=data["formulas"],
                hidden=data["hidden"])  # fmt: skip
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        run(module.committee_tables(book))
        run(module.check_tracker(book))
    written = sorted(book.written())
    return {
        "printed": printed.getvalue().splitlines(),
        "written": written,
        "writes": len(book.log),
        "sheets": {name: sheet_state(book.sheets[name]) for name in written},
    }


def main(given: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "main.py"
        path.write_text(given["main_py"], encoding="utf-8")
        module, registry = import_lite_main(path, name="kpixl_lite_main_probe")
    # kpixl.udfs, first imported here in Pyodide, decorates its own functions too: only
    # main.py's are Lite's custom functions (Lite registers the members of main.py)
    mine = module.__name__
    return {
        "platform": sys.platform,
        "functions": plain([f for f in registry.functions() if f["module"] == mine]),
        "scripts": plain([s for s in registry.scripts() if s["module"] == mine]),
        "calls": [outcome(getattr(module, c["fn"]), *c["args"]) for c in given["calls"]],
        "scripts_run": scripts_run(module, given["book"]),
    }


if __name__ == "__main__":  # inside Pyodide, through run.mjs: INPUT in, RESULT out
    RESULT = main(globals()["INPUT"])
