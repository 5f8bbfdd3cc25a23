"""Evaluate a workbook whose cells call KPI_* functions, with the ``formulas`` package.

There is no Excel on a build machine; this computes every formula, KPI_* ones through
kpixl's own worksheet functions, so a generated workbook can be checked cell by cell.

>>> values = evaluate_workbook("workbooks/kpi_functions.xlsx")  # doctest: +SKIP
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from . import udfs
from .core.a1 import column_letters, column_number

KPI_FUNCTIONS = {name: getattr(udfs, name) for name in udfs.__all__}
# Excel stores an add-in's function as [1]!KPI_RAG( or 'C:\...\kpixl.xlam'!KPI_RAG(;
# the formulas package parses neither, so both become a plain KPI_RAG( first.
_PREFIX_RE = re.compile(rb"(?:\[\d+\]!|'[^'<>]*?\.xla[mx]?'!)(?=KPI_[A-Z]+\()", re.IGNORECASE)


def _plain(x: Any) -> Any:
    """One cell from the formulas package as Excel would hand it to xlwings."""
    import numpy as np

    if type(x).__name__ == "Token":  # schedula's EMPTY (a str subclass): a blank cell
        return None
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return float(x)
    if isinstance(x, (float, str)) or x is None:
        return x
    text = str(x)
    return text if text.startswith("#") else None  # formulas' XlError values


def _argument(x: Any) -> Any:
    value = getattr(x, "value", x)
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 2:
        rows = [[_plain(c) for c in row] for row in value]
        return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else rows
    return _plain(value)


def _wrap(fn: Any) -> Any:
    def call(*args: Any) -> Any:
        import numpy as np

        out = fn(*(_argument(a) for a in args))
        if isinstance(out, list):
            return np.array(out, dtype=object)
        return out

    call.__name__ = fn.__name__
    return call


def register() -> None:
    """Make the formulas package compute KPI_* cells through kpixl.udfs."""
    import formulas

    functions = formulas.get_functions()
    for name, fn in KPI_FUNCTIONS.items():
        functions[name] = _wrap(fn)


def normalise_prefixes(src: Path, dst: Path) -> bool:
    """Copy a workbook, turning [1]!KPI_RAG( into KPI_RAG(; True if anything changed."""
    changed = False
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
                new = _PREFIX_RE.sub(b"", data)
                changed |= new != data
                data = new
            zout.writestr(item, data)
    return changed


def evaluate_workbook(path: str | Path) -> dict[tuple[str, str], Any]:
    """Compute every cell; returns {(SHEET, "A1"): value} with sheet names upper-cased.

    Ranges written as array formulas come back cell by cell.
    """
    import formulas

    register()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / Path(path).name
        if not normalise_prefixes(Path(path), copy):
            shutil.copyfile(path, copy)
        model = formulas.ExcelModel().loads(str(copy)).finish()
        solution = model.calculate()
    out: dict[tuple[str, str], Any] = {}
    for ref, ranges in solution.items():
        m = re.match(r"^'\[[^\]]+\](.+)'!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$", ref)
        if not m:
            continue
        sheet, col, row = m[1], m[2], int(m[3])
        value = getattr(ranges, "value", ranges)
        grid = value.tolist() if hasattr(value, "tolist") else [[value]]
        start_col = column_number(col)
        for i, r in enumerate(grid):
            for j, cell in enumerate(r):
                out[(sheet, f"{column_letters(start_col + j)}{row + i}")] = _plain(cell)
    return out
