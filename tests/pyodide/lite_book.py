"""A recorded stand-in for the ``book`` that xlwings Lite hands a script (``book: xw.Book``),
for running kpixl's Lite scripts here, in CPython and inside Pyodide.

It offers what a Lite script can do, in xlwings' own names (xlwings docs, api/sheet.md and
api/range.md; Lite's changelog for ``font``): ``book.sheets`` (iterate, index by name or
position, ``add(name, before, after)``), ``sheet["A1:C3"]``, ``sheet.used_range``,
``sheet.clear()``, ``sheet.delete()``, ``sheet.activate()``,
``sheet.freeze_panes.freeze_at("1:2")`` (Office.js ``freezeAt``: the range given stays
frozen), and on a range ``.value``, ``.options(ndim=2).value``, ``.color`` (a hex string),
``.font.bold/.italic/.color/.size/.name``, ``.number_format``, ``.autofit()``. Anything else
set on a range (column width, wrap, borders, merges) raises AttributeError, as such a
script would fail in Lite. Formulas are offered as Lite 0.37 offers them
(``await rng.get_formula()``), as a classic ``rng.formula``, or not at all.

Every write is recorded in ``book.log`` as (sheet, address, what, value), in order; each
cell's resulting state is in ``sheet.cells[(row, col)]`` (1-based). Nothing here comes from
xlwings itself, whose ``pro`` code, which runs Lite, has another licence.

>>> book = Book({"Data": [["Ref", "Value"], ["A1", 0.5]]})
>>> sheet = book.sheets.add(name="Out", after=book.sheets[0])
>>> sheet["A1:B1"].value = [["x", 2.0]]
>>> sheet["B1"].color = "#FF0000"
>>> sheet["B1"].font.bold = True
>>> book.sheets["Data"].used_range.options(ndim=2).value
[['Ref', 'Value'], ['A1', 0.5]]
>>> sheet.cells[(1, 2)]
CellState(value=2.0, fill='#FF0000', font={'bold': True}, number_format=None)
>>> [(w.sheet, w.address, w.what) for w in book.log]
[('Out', '', 'add'), ('Out', 'A1:B1', 'value'), ('Out', 'B1', 'color'), ('Out', 'B1', 'font.bold')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kpixl.core.a1 import column_letters, column_number

Rows = Sequence[Sequence[Any]]
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
FONT = ("bold", "italic", "color", "size", "name")


@dataclass(frozen=True)
class Write:
    """One thing a script did to the workbook."""

    sheet: str
    address: str
    what: str  # value, color, number_format, font.bold…, autofit, freeze_at, add, clear…
    value: Any = None


@dataclass
class CellState:
    value: Any = None
    fill: str | None = None
    font: dict[str, Any] = field(default_factory=dict)
    number_format: str | None = None


_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def parse(address: str) -> tuple[int, int, int, int]:
    """``"B2:C5"`` as (first row, first column, last row, last column), 1-based."""
    parts = address.split(":")
    if len(parts) > 2:
        raise ValueError(f"not an address: {address!r}")
    cells = []
    for p in parts:
        m = _CELL.match(p)
        if not m:
            raise ValueError(f"not a cell address: {p!r} (in {address!r})")
        cells.append((int(m[2]), column_number(m[1].upper())))
    (r0, c0), (r1, c1) = cells[0], cells[-1]
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


class Book:
    """The workbook a Lite script is given: ``sheets`` of values (rows from A1).

    ``formulas`` maps a sheet to its formula grid (rows from A1, "" or the value where a
    cell holds no formula); ``formula_api`` says how a script may read it: "async" (Lite
    0.37, ``await rng.get_formula()``), "sync" (``rng.formula``) or None (not offered).
    ``lacks`` names finishing steps this Lite refuses with NotImplementedError
    ("autofit", "freeze_at"), as an older Lite might."""

    def __init__(
        self,
        sheets: Mapping[str, Rows],
        name: str = "tracker.xlsx",
        formulas: Mapping[str, Rows] | None = None,
        formula_api: str | None = "async",
        hidden: Sequence[str] = (),
        lacks: Sequence[str] = (),
    ) -> None:
        self.name = name
        self.log: list[Write] = []
        self.formula_api = formula_api
        self.lacks = set(lacks)
        self._sheets: list[Sheet] = []
        for sheet_name, rows in sheets.items():
            sheet = Sheet(self, sheet_name, visible=sheet_name not in hidden)
            for r, row in enumerate(rows, 1):
                for c, v in enumerate(row, 1):
                    if v is not None:
                        sheet.cells[(r, c)] = CellState(v)
            for r, row in enumerate((formulas or {}).get(sheet_name, ()), 1):
                for c, f in enumerate(row, 1):
                    if isinstance(f, str) and f.startswith("="):
                        sheet.formulas[(r, c)] = f
            self._sheets.append(sheet)
        self.sheets = Sheets(self)

    def record(self, sheet: Sheet, address: str, what: str, value: Any = None) -> None:
        self.log.append(Write(sheet.name, address, what, value))

    def written(self) -> set[str]:
        """The sheets the script changed in any way."""
        return {w.sheet for w in self.log}


class Sheets:
    def __init__(self, book: Book) -> None:
        self.book = book

    def __iter__(self) -> Iterator[Sheet]:
        return iter(list(self.book._sheets))

    def __len__(self) -> int:
        return len(self.book._sheets)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self.book._sheets[key]
        for s in self.book._sheets:
            if s.name.lower() == key.lower():
                return s
        raise KeyError(key)

    @property
    def active(self) -> Sheet:
        return self.book._sheets[0]

    def add(
        self, name: str | None = None, before: Sheet | None = None, after: Sheet | None = None
    ) -> Sheet:
        name = name or f"Sheet{len(self.book._sheets) + 1}"
        if any(s.name.lower() == name.lower() for s in self.book._sheets):
            raise ValueError(f"a sheet named {name!r} exists already")  # as Excel refuses
        if len(name) > 31 or any(ch in name for ch in "[]:*?/\\"):
            raise ValueError(f"Excel refuses the sheet name {name!r}")
        sheet = Sheet(self.book, name)
        sheets = self.book._sheets
        if after is not None:
            sheets.insert(sheets.index(after) + 1, sheet)
        elif before is not None:
            sheets.insert(sheets.index(before), sheet)
        else:  # xlwings: before the active sheet
            sheets.insert(0, sheet)
        self.book.record(sheet, "", "add", {"after": after and after.name})
        return sheet


class Sheet:
    def __init__(self, book: Book, name: str, visible: bool = True) -> None:
        self.book = book
        self.name = name
        self.visible = visible
        self.cells: dict[tuple[int, int], CellState] = {}
        self.formulas: dict[tuple[int, int], str] = {}
        self.frozen: str | None = None
        self.freeze_panes = FreezePanes(self)

    def __repr__(self) -> str:
        return f"<Sheet [{self.book.name}]{self.name}>"

    def __getitem__(self, address: str) -> Range:
        return Range(self, *parse(address))

    def range(self, first: str | tuple[int, int], last: tuple[int, int] | None = None) -> Range:
        if isinstance(first, str):
            return self[first]
        r1, c1 = last if last is not None else first
        return Range(self, first[0], first[1], r1, c1)

    @property
    def used_range(self) -> Range:
        """As Excel's UsedRange: from the first to the last cell holding a value."""
        used = [k for k, s in self.cells.items() if s.value is not None]
        if not used:
            return Range(self, 1, 1, 1, 1)
        rows = [r for r, _ in used]
        cols = [c for _, c in used]
        return Range(self, min(rows), min(cols), max(rows), max(cols))

    def clear(self) -> None:
        self.cells.clear()
        self.formulas.clear()
        self.book.record(self, "", "clear")

    def delete(self) -> None:
        self.book._sheets.remove(self)
        self.book.record(self, "", "delete")

    def activate(self) -> Sheet:
        self.book.record(self, "", "activate")
        return self

    def cell(self, row: int, col: int) -> CellState:
        return self.cells.setdefault((row, col), CellState())

    def values(self) -> list[list[Any]]:
        """The sheet's values from A1 to its last used cell, as rows."""
        if not self.cells:
            return []
        used = self.used_range
        return [
            [self.cells.get((r, c), CellState()).value for c in range(1, used.last_column + 1)]
            for r in range(1, used.last_row + 1)
        ]


class FreezePanes:
    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet

    def freeze_at(self, reference: str) -> None:
        if "freeze_at" in self._sheet.book.lacks:
            raise NotImplementedError("freeze_panes is not supported by this xlwings Lite")
        self._sheet.frozen = reference
        self._sheet.book.record(self._sheet, reference, "freeze_at")

    def unfreeze(self) -> None:
        self._sheet.frozen = None
        self._sheet.book.record(self._sheet, "", "unfreeze")


class Font:
    def __init__(self, rng: Range) -> None:
        object.__setattr__(self, "_range", rng)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in FONT:
            raise AttributeError(f"xlwings Lite cannot set Font.{name}")
        if name == "color" and not (isinstance(value, str) and HEX.match(value)):
            raise ValueError(f"font colour {value!r}: Lite takes a hex string such as '#FF0000'")
        rng = self._range
        for cell in rng._cells():
            cell.font[name] = value
        rng.sheet.book.record(rng.sheet, rng.address, f"font.{name}", value)

    def __getattr__(self, name: str) -> Any:
        if name not in FONT:
            raise AttributeError(name)
        return self._range.sheet.cell(self._range.row, self._range.column).font.get(name)


class Range:
    _SETTABLE = ("value", "color", "number_format")

    def __init__(
        self, sheet: Sheet, row: int, column: int, last_row: int, last_column: int, ndim: int = 0
    ) -> None:
        for k, v in (
            ("sheet", sheet),
            ("row", row),
            ("column", column),
            ("last_row", last_row),
            ("last_column", last_column),
            ("_ndim", ndim),
        ):
            object.__setattr__(self, k, v)

    def __repr__(self) -> str:
        return f"<Range [{self.sheet.book.name}]{self.sheet.name}!{self.address}>"

    @property
    def address(self) -> str:
        first = f"{column_letters(self.column)}{self.row}"
        if (self.row, self.column) == (self.last_row, self.last_column):
            return first
        return f"{first}:{column_letters(self.last_column)}{self.last_row}"

    @property
    def shape(self) -> tuple[int, int]:
        return self.last_row - self.row + 1, self.last_column - self.column + 1

    def _keys(self) -> Iterator[tuple[int, int]]:
        for r in range(self.row, self.last_row + 1):
            for c in range(self.column, self.last_column + 1):
                yield r, c

    def _cells(self) -> Iterator[CellState]:
        for k in self._keys():
            yield self.sheet.cell(*k)

    def options(self, ndim: int | None = None, **_: Any) -> Range:
        return Range(self.sheet, self.row, self.column, self.last_row, self.last_column, ndim or 0)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._SETTABLE:
            raise AttributeError(f"xlwings Lite cannot set Range.{name} from a script here")
        if name == "value":
            self._write(value)
            return
        if name == "color" and not (isinstance(value, str) and HEX.match(value)):
            raise ValueError(f"fill {value!r}: Lite takes a hex string such as '#FF0000'")
        for cell in self._cells():
            setattr(cell, "fill" if name == "color" else name, value)
        self.sheet.book.record(self.sheet, self.address, name, value)

    def _write(self, value: Any) -> None:
        """As xlwings writes: a list of rows from the top-left cell in its own shape; one
        value into every cell of the range."""
        if isinstance(value, (list, tuple)):
            rows = value if value and isinstance(value[0], (list, tuple)) else [value]
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    _check_cell_value(v)
                    self.sheet.cell(self.row + i, self.column + j).value = v
        else:
            _check_cell_value(value)
            for cell in self._cells():
                cell.value = value
        self.sheet.book.record(self.sheet, self.address, "value", value)

    @property
    def value(self) -> Any:
        grid = [
            [
                self.sheet.cells.get((r, c), CellState()).value
                for c in range(self.column, self.last_column + 1)
            ]
            for r in range(self.row, self.last_row + 1)
        ]
        if self._ndim == 2:
            return grid
        if len(grid) == 1 and len(grid[0]) == 1:
            return grid[0][0]
        if len(grid) == 1:
            return grid[0]
        if all(len(r) == 1 for r in grid):
            return [r[0] for r in grid]
        return grid

    @property
    def number_format(self) -> str | None:
        return self.sheet.cell(self.row, self.column).number_format

    @property
    def color(self) -> str | None:
        return self.sheet.cell(self.row, self.column).fill

    @property
    def font(self) -> Font:
        return Font(self)

    def _formula_grid(self) -> list[list[str]]:
        return [
            [
                self.sheet.formulas.get((r, c))
                or _as_text(self.sheet.cells.get((r, c), CellState()).value)
                for c in range(self.column, self.last_column + 1)
            ]
            for r in range(self.row, self.last_row + 1)
        ]

    @property
    def formula(self) -> list[list[str]]:
        if self.sheet.book.formula_api != "sync":
            raise NotImplementedError("reading formulas needs xlwings Lite's async API")
        return self._formula_grid()

    def __getattr__(self, name: str) -> Any:
        if name == "get_formula" and self.sheet.book.formula_api == "async":

            async def get_formula() -> list[list[str]]:
                return self._formula_grid()

            return get_formula
        raise AttributeError(name)

    def autofit(self) -> None:
        if "autofit" in self.sheet.book.lacks:
            raise NotImplementedError("autofit is not supported by this xlwings Lite")
        self.sheet.book.record(self.sheet, self.address, "autofit")

    def clear(self) -> None:
        for k in list(self._keys()):
            self.sheet.cells.pop(k, None)
        self.sheet.book.record(self.sheet, self.address, "clear")


def _as_text(v: Any) -> str:
    return "" if v is None else str(v)


def _check_cell_value(v: Any) -> None:
    """What Office.js can put in a cell: text, a number, a truth value or nothing."""
    if v is not None and not isinstance(v, (str, int, float, bool)):
        raise TypeError(f"a cell cannot hold {type(v).__name__}: {v!r}")


def run(coroutine: Any) -> Any:
    """Run a Lite script's coroutine to its end, here and in Pyodide alike (no event loop):
    the stand-in answers at once, so the script never has to wait."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise RuntimeError("the script waited on something the book stand-in does not offer")


def sheets_from_xlsx(path: Any) -> dict[str, Any]:
    """A workbook's sheets as Lite gives them to a script: the values Excel last calculated
    (every number a double, as Excel holds it), the formulas, and the hidden sheets. CPython
    only (openpyxl); the result is JSON, for Pyodide."""
    import openpyxl

    def excel(v: Any) -> Any:
        return float(v) if isinstance(v, int) and not isinstance(v, bool) else v

    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path)
    return {
        "values": {
            ws.title: [[excel(v) for v in row] for row in ws.iter_rows(values_only=True)]
            for ws in values.worksheets
        },
        "formulas": {
            ws.title: [
                [v if isinstance(v, str) and v.startswith("=") else "" for v in row]
                for row in ws.iter_rows(values_only=True)
            ]
            for ws in formulas.worksheets
        },
        "hidden": [ws.title for ws in values.worksheets if ws.sheet_state != "visible"],
    }
