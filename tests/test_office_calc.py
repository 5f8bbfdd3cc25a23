"""kpixl's worksheet functions computed by a real spreadsheet engine (LibreOffice Calc).

Each workbook here is written with XlsxWriter, as a tracker would be; LibreOffice recalculates
it with the KPI_* cells running the real Python functions; every computed cell must equal what
calling the same function directly gives.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol

import kpixl.udfs as udfs
from kpixl.office import OfficeError
from kpixl.office.calc import compute, error_text, recalculate
from kpixl.office.pdf import find_soffice

needs_soffice = pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)

# The tracker's inputs, as officers type them (cases from kpixl's KPI rules and council reports).
HEADER = ["Ref", "Actual", "Target", "Polarity", "Tolerance", "Previous",
          "P1", "P2", "P3", "P4", "Method", "W1", "W2", "W3", "W4",
          "Target text", "Period", "Periods", "Value text"]  # fmt: skip
ROWS: list[list[Any]] = [
    ["AFL21", "9.1%", "10%", "Higher is better", "5%", "9.8%",
     75, 24, None, None, "sum", None, None, None, None,
     "252 (21 per month)", 3, 12, "90.2%"],
    ["BBF02", 0.916, 0.95, "High", "5% points", 0.956,
     12, 3, None, None, "ratio", 13, 4, None, None,
     "Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828", 2, 4, "15 Days"],
    ["STP29", 13, 0, "Lower is better", "No tolerance", 0,
     5, 7, 9, None, "last", None, None, None, None,
     "92%", 6, 12, "£21,449,387.58"],
    ["NEW01", "TBC", "92%", None, None, None,
     0.8, 0.9, 0.85, 0.95, "rolling:2", None, None, None, None,
     "40 per quarter", 2, 4, "92 out of 99"],
    ["MBC07", 112, 112.5, "Higher is better", None, 110,
     None, None, None, None, "mean", None, None, None, None,
     "Target under review", 1, 12, "TBC"],
    ["STP15", "90.2%", "92%", "Higher is better", "85% - 90%", "91%",
     10, 20, None, None, "weighted", 1, 3, None, None,
     "No target - tracking indicator only", 1, 12, "n/a"],
    ["DEM01", 5, "No target - tracking indicator only", "No polarity", None, 7,
     4, 9, 2, None, "max", None, None, None, None,
     "Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2", 3, 4, "19,378"],
    ["GRN01", "95.6%", "92%", "Higher is better", "5%", "91.6%",
     30, 31, 29, 33, "min", None, None, None, None,
     "Year-end target: 564 Monthly target: 47", 4, 12, "-3.5"],
    ["REV01", 0.7, "Target under review", "Lower is better", None, 0.75,
     None, 2, None, 4, "sum", None, None, None, None,
     "25% (100% annual target)", 2, 4, "−3.5"],
    ["BAD01", 0.5, 0.6, "Higher is better", "85-", 0.5,
     1, None, 3, None, "bogus", None, None, None, None,
     "TBC", 1, 12, "87.5%%"],
]  # fmt: skip
FIRST, LAST = 2, 1 + len(ROWS)  # spreadsheet rows of the data
OTHER_SHEET = [["92%"]]  # Targets!A1, for a cross-sheet reference


@dataclass(frozen=True)
class Ref:
    """A reference in a formula (``B2``, ``B2:B9``, ``Targets!A1``) and the value it passes."""

    text: str

    def value(self) -> Any:
        sheet, _, cells = self.text.rpartition("!")
        grid = OTHER_SHEET if sheet else [HEADER, *ROWS]
        start, _, end = cells.partition(":")
        (r0, c0), (r1, c1) = xl_cell_to_rowcol(start), xl_cell_to_rowcol(end or start)
        rows = [[_cell(grid, r, c) for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]
        return rows if end else rows[0][0]  # a range passes rows of cells, a cell its value


def _cell(grid: list[list[Any]], r: int, c: int) -> Any:
    value = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
    return float(value) if isinstance(value, int) else value  # Calc numbers are doubles


def formula(name: str, *args: Any) -> str:
    """``=NAME(arg,...)`` in Excel's syntax, as XlsxWriter expects it."""
    rendered = [
        a.text if isinstance(a, Ref) else f'"{a}"' if isinstance(a, str) else repr(a) for a in args
    ]
    return f"={name}({','.join(rendered)})"


def direct(name: str, *args: Any) -> Any:
    """What the Python function gives for the same arguments, called directly."""
    values = [a.value() if isinstance(a, Ref) else a for a in args]
    try:
        return getattr(udfs, name)(*values)
    except Exception as exc:  # the bridge shows a raised error as text
        return error_text(exc)


@dataclass(frozen=True)
class Case:
    cell: str
    formula: str
    expected: Any  # one value, or rows of values for an array formula from ``cell``
    array: bool = False


def call(cell: str, name: str, *args: Any) -> Case:
    return Case(cell, formula(name, *args), direct(name, *args))


def array(cell: str, name: str, *args: Any) -> Case:
    return Case(cell, formula(name, *args), direct(name, *args), array=True)


def tracker_cases() -> list[Case]:
    cases = []
    for r in range(FIRST, LAST + 1):
        cases += [
            call(f"U{r}", "KPI_RAG", Ref(f"B{r}"), Ref(f"C{r}"), Ref(f"D{r}"), Ref(f"E{r}")),
            call(f"V{r}", "KPI_DOT", Ref(f"B{r}"), Ref(f"F{r}"), Ref(f"D{r}"), Ref(f"C{r}")),
            call(f"W{r}", "KPI_YTD", Ref(f"G{r}:J{r}"), Ref(f"K{r}"), Ref(f"L{r}:O{r}")),
            call(f"X{r}", "KPI_TARGET", Ref(f"P{r}"), Ref(f"Q{r}"), Ref(f"R{r}")),
            call(f"Y{r}", "KPI_VALUE", Ref(f"S{r}")),
            call(f"Z{r}", "KPI_RAG", Ref(f"B{r}"), Ref(f"C{r}")),  # defaults for the rest
        ]
    by_cell = {c.cell: c.expected for c in cases}
    rag_b2 = direct("KPI_RAG", Ref("B2"), Ref("C2"))
    green_count = sum(c.expected == "Green" for c in cases if c.cell.startswith("U"))
    cases += [
        # Literal arguments.
        call("AB2", "KPI_RAG", 0.95, 0.9),
        call("AB3", "KPI_RAG", "90.2%", "92%", "Higher is better", "85% - 90%"),
        call("AB4", "KPI_VALUE", "19,378"),
        call("AB5", "KPI_DOT", 0.091, 0.098),
        call("AB6", "KPI_TARGET", "252 (21 per month)", 3),
        call("AB7", "KPI_YTD", Ref("G3:J3"), "ratio", Ref("L3:O3")),
        # Inside other formulas, and across sheets.
        Case(
            "AB8",
            '=IF(KPI_RAG(B2,C2)="Green","on target","off target")',
            "on target" if rag_b2 == "Green" else "off target",
        ),
        call("AB9", "KPI_RAG", Ref("B7"), Ref("Targets!A1"), Ref("D7"), Ref("E7")),
        # One KPI function feeding another: the target to date as KPI_RAG's target.
        *(
            Case(
                f"AC{r}",
                f"=KPI_RAG(W{r},KPI_TARGET(P{r},Q{r},R{r}))",
                direct(
                    "KPI_RAG",
                    as_calc_shows(by_cell[f"W{r}"]),  # the YTD, as the cell holds it
                    as_calc_shows(direct("KPI_TARGET", Ref(f"P{r}"), Ref(f"Q{r}"), Ref(f"R{r}"))),
                ),
            )
            for r in range(FIRST, LAST + 1)
        ),
        Case("AB10", f'=COUNTIF(U{FIRST}:U{LAST},"Green")', float(green_count)),
        # A range in a plain formula: Calc shows the top-left value of the result.
        Case(
            "AB11",
            formula("KPI_RAG", Ref(f"B{FIRST}:B{LAST}"), Ref(f"C{FIRST}:C{LAST}")),
            direct("KPI_RAG", Ref(f"B{FIRST}:B{LAST}"), Ref(f"C{FIRST}:C{LAST}"))[0][0],
        ),
        # Whole columns in one call: array formulas fill their range with the rows returned.
        array("AD2", "KPI_RAG", *(Ref(f"{c}{FIRST}:{c}{LAST}") for c in "BCDE")),
        array("AE2", "KPI_DOT", *(Ref(f"{c}{FIRST}:{c}{LAST}") for c in "BFDC")),
        array("AF2", "KPI_VALUE", Ref(f"S{FIRST}:S{LAST}")),
        array("AG2", "KPI_TARGET", *(Ref(f"{c}{FIRST}:{c}{LAST}") for c in "PQR")),
        array("AH2", "KPI_YTD", Ref(f"G{FIRST}:J{LAST}"), "mean"),
    ]
    return cases


def write_workbook(path: Path, cases: Sequence[Case], rows: Sequence[Sequence[Any]]) -> Path:
    """Inputs from A1 (text always as text), then each case's formula; array formulas span
    as many rows and columns as the direct call returned."""
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("KPIs")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif value is not None:
                sheet.write_number(r, c, value)
    for case in cases:
        if case.array:
            r, c = xl_cell_to_rowcol(case.cell)
            height, width = len(case.expected), len(case.expected[0])
            sheet.write_array_formula(r, c, r + height - 1, c + width - 1, case.formula)
        else:
            sheet.write_formula(case.cell, case.formula)
    other = workbook.add_worksheet("Targets")
    other.write_string("A1", OTHER_SHEET[0][0])
    workbook.close()
    return path


def as_calc_shows(value: Any) -> Any:
    """A Python result as a Calc cell holds it: numbers as floats, None as empty text."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return float(value)
    return value


def assert_cells_match(computed: dict[str, Any], cases: Sequence[Case]) -> None:
    mismatches = []
    for case in cases:
        r0, c0 = xl_cell_to_rowcol(case.cell)
        grid = case.expected if case.array else [[case.expected]]
        for dr, row in enumerate(grid):
            for dc, expected in enumerate(row):
                address = xlsxwriter.utility.xl_rowcol_to_cell(r0 + dr, c0 + dc)
                got, want = computed.get(address), as_calc_shows(expected)
                same = (
                    math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-15)
                    if isinstance(got, float) and isinstance(want, float)
                    else got == want
                )
                if not same:
                    mismatches.append(f"{address} {case.formula}: Calc {got!r}, Python {want!r}")
    assert not mismatches, "\n".join(mismatches)


def office_processes() -> list[str]:
    """Command lines of running soffice processes started by this test process.

    compute names its pipe kpixl-<pid of the caller>-...: other test runs on the machine
    (and their offices) are not this one's business.
    """
    mine = f"pipe,name=kpixl-{os.getpid()}-"
    found: list[str] = []
    if not Path("/proc").is_dir():
        return found  # not Linux: nothing to look at
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "soffice" in cmdline and mine in cmdline:
            found.append(cmdline)
    return found


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    cases = tracker_cases()
    path = tmp_path_factory.mktemp("calc") / "tracker.xlsx"
    return write_workbook(path, cases, [HEADER, *ROWS]), cases


@pytest.fixture(scope="module")
def computed(tracker: tuple[Path, list[Case]]) -> dict[str, dict[str, Any]]:
    return compute(tracker[0])


@needs_soffice
def test_every_kpi_cell_equals_the_python_function(
    computed: dict[str, dict[str, Any]], tracker: tuple[Path, list[Case]]
) -> None:
    assert_cells_match(computed["KPIs"], tracker[1])


@needs_soffice
def test_the_cases_cover_every_status_and_message(tracker: tuple[Path, list[Case]]) -> None:
    # Guards the test itself: the inputs must reach real rules, not only blanks and errors.
    rags = {c.expected for c in tracker[1] if c.cell[0] == "U"}
    assert {"Green", "Amber", "Red", "No data", "Under review", "Tracking"} <= rags
    assert any("cannot read" in str(c.expected) for c in tracker[1])
    dots = {c.expected for c in tracker[1] if c.cell[0] == "V"}
    assert {"↓R", "↑R"} <= dots


@needs_soffice
def test_parallel_runs_do_not_clash(
    computed: dict[str, dict[str, Any]], tracker: tuple[Path, list[Case]]
) -> None:
    # Each run has its own profile and pipe: two offices at once must not hand work over.
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: compute(tracker[0]), range(2)))
    assert results == [computed, computed]


@needs_soffice
def test_no_office_process_is_left_running(computed: dict[str, dict[str, Any]]) -> None:
    assert office_processes() == []


STAND_IN = '''
"""A stand-in worksheet module: shows exactly what crosses the bridge."""


def ECHO(a=None, b="dflt", c=None):
    return repr((a, b, c))


def GRID(n):
    return [[i, f"r{i}"] for i in range(int(n))]


def NOTHING():
    return None


def BOOM(x=None):
    raise ValueError("boom")


def ARROW():
    return "\u2191G"


def MANY(a, *rest):
    return repr((a, rest))


def helper():
    """Lower case: not a worksheet function."""


# Names of Calc's own functions (ROWS, VAR, ...) cannot be bridged: Calc's function wins.
'''

STAND_IN_CASES = [
    # A range arrives as rows of cells, blanks as None, numbers as floats; omitted trailing
    # arguments take the Python defaults.
    ("B3", "=ECHO(A1:D1)", "([['x', 1.5, None, 'txt']], 'dflt', None)"),
    ("B4", "=ECHO(C1)", "(None, 'dflt', None)"),  # an empty cell
    ("B5", "=ECHO(3)", "(3.0, 'dflt', None)"),
    ("B6", "=ECHO({1,2;3,4})", "([[1.0, 2.0], [3.0, 4.0]], 'dflt', None)"),
    ("B7", '=ECHO("")', "('', 'dflt', None)"),
    ("B8", "=NOTHING()", ""),
    ("B9", "=BOOM()", error_text(ValueError("boom"))),
    ("B10", "=ARROW()", "↑G"),
    ("B11", "=LEN(ARROW())", 2.0),
    ("B12", "=MANY(1,2,3)", "(1.0, (2.0, 3.0))"),
    ("B13", "=GRID(3)", 0.0),  # a plain formula shows the top-left of a returned range
    # LibreOffice 7.4 limits, pinned so that a change shows up: an empty argument in the
    # middle arrives as 0, and an error argument short-circuits without calling Python.
    ("B14", "=ECHO(A1,,B1)", "('x', 0.0, 1.5)"),
    ("B15", "=ECHO(F1)", "#N/A"),
]


@needs_soffice
def test_the_bridge_target_module_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "standin_udfs.py").write_text(STAND_IN, "utf-8")
    workbook = xlsxwriter.Workbook(tmp_path / "standin.xlsx")
    sheet = workbook.add_worksheet("S")
    sheet.write_string("A1", "x")
    sheet.write_number("B1", 1.5)
    sheet.write_string("D1", "txt")
    sheet.write_formula("F1", "=NA()")
    for cell, text, _ in STAND_IN_CASES:
        sheet.write_formula(cell, text)
    sheet.write_array_formula("D3:E5", "{=GRID(3)}")
    workbook.close()

    values = compute(tmp_path / "standin.xlsx", module="standin_udfs", pythonpath=[tmp_path])["S"]

    assert {cell: values[cell] for cell, *_ in STAND_IN_CASES} == {
        cell: expected for cell, _, expected in STAND_IN_CASES
    }
    assert [[values[f"{c}{r}"] for c in "DE"] for r in (3, 4, 5)] == [
        [0.0, "r0"],
        [1.0, "r1"],
        [2.0, "r2"],
    ]


@needs_soffice
def test_recalculate_saves_formulas_with_computed_values(
    tmp_path: Path, tracker: tuple[Path, list[Case]], computed: dict[str, dict[str, Any]]
) -> None:
    out = recalculate(tracker[0], tmp_path / "out" / "tracker-calc.xlsx")

    assert out == tmp_path / "out" / "tracker-calc.xlsx"
    assert sorted(p.name for p in out.parent.iterdir()) == ["tracker-calc.xlsx"]
    with_values = openpyxl.load_workbook(out, data_only=True)["KPIs"]
    with_formulas = openpyxl.load_workbook(out)["KPIs"]
    for address, value in computed["KPIs"].items():
        cached = with_values[address].value
        if isinstance(value, float):  # LibreOffice writes 15 significant digits
            assert math.isclose(cached, value, rel_tol=1e-14), address
        else:
            assert cached == value or (cached is None and value == ""), address
    assert str(with_formulas["U2"].value).upper().startswith("=KPI_RAG(")


@needs_soffice
def test_a_failing_run_raises_and_saves_nothing(
    tmp_path: Path, tracker: tuple[Path, list[Case]]
) -> None:
    out = tmp_path / "never.xlsx"
    with pytest.raises(OfficeError, match="No module named 'no_such_udfs'"):
        recalculate(tracker[0], out, module="no_such_udfs")
    assert list(tmp_path.iterdir()) == []


@needs_soffice
def test_a_timeout_kills_everything_and_saves_nothing(
    tmp_path: Path, tracker: tuple[Path, list[Case]]
) -> None:
    out = tmp_path / "late.xlsx"
    with pytest.raises(OfficeError, match="did not finish within"):
        recalculate(tracker[0], out, timeout=0.2)
    assert list(tmp_path.iterdir()) == []
    assert office_processes() == []


def test_missing_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPIXL_SOFFICE", str(tmp_path / "no-such-soffice"))
    workbook = tmp_path / "t.xlsx"
    workbook.write_bytes(b"")
    with pytest.raises(OfficeError, match="LibreOffice is not installed"):
        compute(workbook)


def test_output_must_be_xlsx(tmp_path: Path) -> None:
    # An .ods would carry the generated Basic module, useless without the bridge.
    workbook = tmp_path / "t.xlsx"
    workbook.write_bytes(b"")
    for name in ("t.csv", "t.ods"):
        with pytest.raises(ValueError, match=rf"cannot save as '{name}'"):
            recalculate(workbook, tmp_path / name)
