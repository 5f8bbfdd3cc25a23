"""kpixl inside Pyodide (WebAssembly CPython under Node, as xlwings Lite runs it) gives what
it gives in CPython: the core's case tables, the doctests, the KPI_* functions called as
Lite calls them, and a Lite main.py imported through the xlwings stand-in.

Pyodide starts once for the module (a start costs seconds): tests/pyodide/probe.py does all
the work there and returns one JSON; the same probe functions run here for CPython's side.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from kpixl import udfs
from tests import cases_core as cases
from tests.conftest import pyodide_or_skip
from tests.pyodide import harness, probe

NA = "#N/A"  # how Excel's #N/A error reaches Python in Lite


def cell(x: Any) -> list[list[Any]]:
    """One cell, as Lite passes it with ndim=2."""
    return [[x]]


def column(*xs: Any) -> list[list[Any]]:
    return [[x] for x in xs]


def excel(x: Any) -> Any:
    """A cell as Excel holds it: every number a double (so a case's 112 is 112.0)."""
    return float(x) if isinstance(x, int) and not isinstance(x, bool) else x


def table_columns(rows: list[tuple[Any, ...]], width: int) -> list[list[list[Any]]]:
    """The first ``width`` fields of a case table as that many columns of cells."""
    return [column(*(excel(r[i]) for r in rows)) for i in range(width)]


VALUE_CELLS = [w for w, _ in cases.VALUES] + [
    w
    for w in cases.MISSING_MARKERS
    if w == w  # not NaN: no Excel cell holds one
]

# (function, arguments, what CPython must give, or None where only the comparison counts)
CALLS: list[tuple[str, list[Any], Any]] = [
    ("KPI_RAG", [cell(0.902), cell("92%"), cell("Higher is better"), cell("85% - 90%")], "Amber"),
    ("KPI_RAG", [cell(None), cell(0.9)], "No data"),  # a blank cell
    ("KPI_RAG", [cell(NA), cell(0.9)], "No data"),  # Excel's #N/A
    ("KPI_RAG", [cell(0.87), cell(0.9), cell(None), cell(None)], "Amber"),  # blank: 5%
    (
        "KPI_RAG",
        [column(0.95, None, NA, 0.8, "TBC", 0.86), cell(0.9)],
        [["Green"], ["No data"], ["No data"], ["Red"], ["No data"], ["Amber"]],
    ),
    ("KPI_RAG", table_columns(cases.RAG_CASES, 4), [[str(r[4])] for r in cases.RAG_CASES]),
    (
        "KPI_RAG",  # a row with a blank tolerance, and a wholly blank row
        [
            column(0.87, 0.94, None),
            column(0.9, "90%", None),
            column("Higher is better", "Lower is better", None),
            column(None, "5%", None),
        ],
        [["Amber"], ["Amber"], [""]],
    ),
    ("KPI_RAG", [column(1.0, 2.0, 3.0), cell(2.0), cell("lower")], None),  # whole numbers
    ("KPI_RAG", [[[0.9, 0.8, None]], [[0.85, 0.9, 0.9]]], None),  # across a row
    ("KPI_RAG", [column(0.9, 0.8), column(0.9, 0.8, 0.7)], None),  # ranges that differ
    ("KPI_RAG", [cell("lots"), cell(0.9)], None),
    ("KPI_DOT", table_columns(cases.DOT_CASES, 4), [[str(r[4])] for r in cases.DOT_CASES]),
    ("KPI_DOT", [cell(None), cell(5.0)], "n/a"),
    ("KPI_DOT", [cell(0.9), cell(1.0), cell(None), cell(None), cell("10%")], "↓A"),
    ("KPI_YTD", [[[30.0, 21.0, 24.0, None, "TBC", 24.0]]], 99.0),
    ("KPI_YTD", [[["12 out of 13", "3 out of 4"]], cell("ratio")], 15 / 17),
    (
        "KPI_YTD",  # a block: one YTD per row, a method per row, a blank row
        [
            [[4.0, None, 8.0], [60.9, 56.15, None], [None, None, None]],
            column("mean", "weighted", "sum"),
            [[1.0, 1.0, 1.0], [30.0, 45.0, 1.0], [1.0, 1.0, 1.0]],
        ],
        None,
    ),
    ("KPI_YTD", [column(4.0, None, 8.0, NA, 2.0), cell("rolling:2")], 5.0),  # a column
    ("KPI_YTD", [[[1.0, 2.0]], cell("median")], None),
    ("KPI_TARGET", table_columns(cases.TTD_CASES, 4), None),
    ("KPI_TARGET", [cell("252 (21 per month)"), cell(4.0)], 84.0),
    ("KPI_TARGET", [cell("252 (21 per month)"), column(1.0, 2.0, None, 12.0)], None),
    ("KPI_VALUE", [column(*VALUE_CELLS)], None),
    ("KPI_VALUE", [cell(None)], ""),
    ("KPI_VALUE", [cell("90.2%")], 0.902),
    ("KPI_SUMMARY", [column("Green", "Amber", None, "Red", "Green", NA, "No data")], None),
    (
        "KPI_SUMMARY",
        [
            column("Red", "Completed", "Green", "G", None, "Not started"),
            column("Environment", "Environment", "Economy", "Economy", "Economy", "Council"),
        ],
        None,
    ),
    ("KPI_SUMMARY", [cell(None)], None),
]

LITE_MAIN = '''
"""A Lite main.py as kpixl's generator might write it: KPI_* wrappers over kpixl.udfs."""

import xlwings as xw

from kpixl import udfs


@xw.func
@xw.arg("actual", ndim=2, doc="The actual: a cell or a column")
@xw.arg("target", ndim=2, doc="The target")
@xw.ret(expand="table")
def KPI_RAG(actual, target, polarity=None, tolerance=None):
    """RAG status of an actual against its target."""
    return udfs.KPI_RAG(actual, target, polarity, tolerance)


def KPI_VALUE(text):
    """The number in a value as typed."""
    return udfs.KPI_VALUE(text)


undecorated = KPI_VALUE
KPI_VALUE = xw.func(xw.arg("text", ndim=2, doc="A value as typed")(KPI_VALUE))


@xw.func(volatile=False)
def KPI_COUNT(*cells):
    """How many cells were given."""
    return len(cells)


@xw.script(button="[pack]Sheet1!B2")
def committee_pack(book: xw.Book):
    """Write the committee pack."""


def probe():
    return {
        "unchanged": KPI_VALUE is undecorated and not vars(KPI_VALUE),
        "rag": KPI_RAG([[0.95], [0.8]], [[0.9]]),
        "value": KPI_VALUE([["90.2%"]]),
        "count": KPI_COUNT(1, 2, 3),
        "book": committee_pack.__annotations__["book"].__name__,
    }
'''


@pytest.fixture(scope="module")
def lite() -> dict[str, Any]:
    """The probe's one JSON from inside Pyodide."""
    pyodide_or_skip()
    calls = [{"fn": fn, "args": args} for fn, args, _ in CALLS]
    return harness.run(harness.HERE / "probe.py", {"calls": calls, "lite_main": LITE_MAIN})


def test_it_ran_inside_the_pinned_pyodide(lite):
    assert lite["about"]["platform"] == "emscripten"
    assert lite["about"]["pyodide"] == harness.PINNED, "run `make pyodide` after a version change"


def test_case_tables_give_exactly_what_cpython_gives(lite):
    here = probe.core_cases()
    assert set(lite["cases"]) == set(here)
    for table, rows in here.items():
        there = lite["cases"][table]
        assert len(there) == len(rows), table
        differ = [(i, a, b) for i, (a, b) in enumerate(zip(rows, there, strict=True)) if a != b]
        assert not differ, f"{table}: CPython, Pyodide differ at {differ}"


def test_the_encoded_outcomes_are_the_tables_expectations():
    # The comparison above means something only if the probe encodes real outcomes.
    here = probe.core_cases()
    assert here["rag"] == [{"ok": probe.encode(r[4])} for r in cases.RAG_CASES]
    assert here["direction"] == [{"ok": probe.encode(r[4])} for r in cases.DOT_CASES]
    assert here["polarities"] == [{"ok": probe.encode(p)} for _, p in cases.POLARITIES]
    assert [o["error"] for o in here["tolerance errors"]] == ["ToleranceError"] * len(
        cases.TOLERANCE_ERRORS
    )
    kinds = [o["ok"]["kind"] for o in here["tolerances"]]
    assert kinds == [probe.encode(r[1]) for r in cases.TOLERANCES]


def test_core_doctests_pass_inside_pyodide(lite):
    here = probe.doctests()
    there = lite["doctests"]
    assert list(there) == list(here)
    failed = {name: r["report"] for name, r in there.items() if r["failed"]}
    assert not failed, "\n".join(failed.values())
    assert {n: r["attempted"] for n, r in there.items()} == {
        n: r["attempted"] for n, r in here.items()
    }
    assert sum(r["attempted"] for n, r in there.items() if n.startswith("kpixl.core")) > 0


def test_kpi_functions_called_as_lite_calls_them(lite):
    # CPython gets the same cells through JSON (numbers as floats, as Excel holds them);
    # Pyodide got them through JavaScript and pyodide.toPy.
    sent = json.loads(json.dumps([args for _, args, _ in CALLS]))
    there = lite["udf_calls"]
    assert len(there) == len(CALLS)
    for (fn, _, expected), args, seen in zip(CALLS, sent, there, strict=True):
        here = probe.outcome(getattr(udfs, fn), *args)
        assert "ok" in here, (fn, here)
        if expected is not None:
            assert here == {"ok": probe.encode(expected)}, fn
        for arg in seen["arrived"]:  # each argument a list of rows, as ndim=2 gives it
            assert isinstance(arg, list) and all(isinstance(r, list) for r in arg), fn
        assert seen["got"] == here, f"{fn}{args}: arrived in Pyodide as {seen['arrived']}"


def test_kpi_functions_under_an_xlwings_module(lite):
    # Lite imports kpixl.udfs with an xlwings module present: its decorators record
    # every KPI_* with its documented arguments, each read as a 2-D range.
    recorded = {f["name"]: f for f in lite["udf_functions"]}
    assert sorted(recorded) == sorted(udfs.__all__)
    for name, f in recorded.items():
        assert f["kind"] == "func" and f["doc"], name
        assert not f["documented_but_not_in_signature"], name
        assert all(a["doc"] and a["ndim"] == 2 for a in f["args"]), name
    rag = recorded["KPI_RAG"]["args"]
    assert [(a["name"], a["optional"]) for a in rag] == [
        ("actual", False),
        ("target", False),
        ("polarity", True),
        ("tolerance", True),
    ]


def test_a_lite_main_imports_through_the_stand_in(lite):
    main = lite["lite_main"]
    funcs = {f["name"]: f for f in main["functions"]}
    assert list(funcs) == ["KPI_RAG", "KPI_VALUE", "KPI_COUNT"]
    rag = funcs["KPI_RAG"]
    assert rag["doc"] == "RAG status of an actual against its target."
    assert [(a["name"], a["doc"], a["ndim"], a["optional"]) for a in rag["args"]] == [
        ("actual", "The actual: a cell or a column", 2, False),
        ("target", "The target", 2, False),
        ("polarity", None, None, True),
        ("tolerance", None, None, True),
    ]
    assert rag["ret"] == {"expand": "table"}
    assert funcs["KPI_VALUE"]["args"][0]["doc"] == "A value as typed"
    count = funcs["KPI_COUNT"]
    assert count["options"] == {"volatile": False}
    assert count["args"][0]["varargs"] is True
    [script] = main["scripts"]
    assert script["name"] == "committee_pack" and script["kind"] == "script"
    assert script["options"] == {"button": "[pack]Sheet1!B2"}
    assert script["doc"] == "Write the committee pack."
    assert main["probe"] == probe.encode(
        {
            "unchanged": True,
            "rag": [["Green"], ["Red"]],
            "value": 0.902,
            "count": 3,
            "book": "Book",
        }
    )
