"""The Basic-to-Python bridge's pure parts: discovery, generated Basic, value conversion.

These run anywhere; tests/test_office_calc.py runs the bridge inside LibreOffice.
"""

from __future__ import annotations

import types

import pytest

import kpixl.udfs
from kpixl.office._calc_worker import (
    MAX_EXTRA_ARGS,
    WorksheetFunction,
    basic_source,
    calls_any,
    column_letters,
    discover,
    error_text,
    from_basic,
    plain_runs,
    to_basic,
    workbook_prefixes,
)


def test_discover_finds_the_kpi_worksheet_functions() -> None:
    found = discover(kpixl.udfs)
    assert {"KPI_RAG", "KPI_DOT", "KPI_YTD", "KPI_TARGET", "KPI_VALUE"} <= set(found)
    assert "NA" not in found  # an upper-case constant, not a function
    assert found["KPI_RAG"].arity == 4
    assert found["KPI_DOT"].arity == 5
    assert found["KPI_VALUE"].arity == 1


def test_discover_by_name_rejects_what_is_not_a_worksheet_function() -> None:
    module = types.SimpleNamespace(__name__="m", KPI_X=lambda v: v, helper=len)
    assert list(discover(module, ["KPI_X"])) == ["KPI_X"]
    with pytest.raises(ValueError, match="'helper' is not an upper-case function of m"):
        discover(module, ["helper"])


def test_basic_source_declares_every_argument_optional_and_forwards_by_name() -> None:
    source = basic_source(discover(kpixl.udfs).values())
    assert "Function KPI_RAG(Optional a1, Optional a2, Optional a3, Optional a4)" in source
    assert 'KPI_RAG = KpixlCall("KPI_RAG", aGiven, aArgs)' in source
    assert "Sub KpixlSetBridge(oBridge As Object)" in source
    # Every Function has its End Function: a Basic syntax error would silently give #NAME?.
    assert source.count("\nFunction ") == source.count("End Function")


def test_basic_source_gives_varargs_extra_slots_and_handles_no_arguments() -> None:
    def many(a, *rest):  # type: ignore[no-untyped-def]
        return a

    source = basic_source(
        [WorksheetFunction.of("MANY", many), WorksheetFunction.of("NOW_", lambda: 1)]
    )
    assert f"Optional a{1 + MAX_EXTRA_ARGS})" in source
    assert 'NOW_ = KpixlCall("NOW_", Array(), Array())' in source


@pytest.mark.parametrize(
    ("basic", "python"),
    [
        (None, None),  # an empty cell
        ("90.2%", "90.2%"),
        (3, 3.0),  # Basic hands integral doubles to UNO as integers
        (2.5, 2.5),
        (True, True),
        ((("a", 1), (None, 2.5)), [["a", 1.0], [None, 2.5]]),  # a range: rows of cells
        ((1, 2, 3), [[1.0, 2.0, 3.0]]),  # a 1-D array: one row
    ],
)
def test_from_basic(basic: object, python: object) -> None:
    assert from_basic(basic) == python


@pytest.mark.parametrize(
    ("python", "basic"),
    [
        (None, None),
        ("Amber", "Amber"),
        (7, 7.0),
        ([["Green"], ["Red"]], (("Green",), ("Red",))),
        (["a", "b"], (("a", "b"),)),  # a flat list: one row
        ([["a"], ["b", "c"]], (("a", ""), ("b", "c"))),  # ragged rows padded
        ([], ""),
    ],
)
def test_to_basic(python: object, basic: object) -> None:
    assert to_basic(python) == basic


def test_to_basic_gives_the_text_of_str_enums() -> None:
    status = kpixl.udfs.Status.GREEN
    assert to_basic(status) == status.value
    assert type(to_basic(status)) is str


def test_call_applies_python_defaults_for_omitted_arguments() -> None:
    fn = WorksheetFunction.of("F", lambda a, b="dflt", c=None: (a, b, c))
    assert fn.call((True, False, False), (2, None, None)) == (2.0, "dflt", None)
    assert fn.call((True, True, False), ((("x",),), None)) == ([["x"]], None, None)


def test_error_text_names_the_exception() -> None:
    assert error_text(ValueError("boom")) == "#KPIXL! ValueError: boom"


def test_calls_any_matches_calls_in_any_case_but_not_longer_names() -> None:
    pattern = calls_any(["KPI_RAG", "KPI_DOT"])
    assert pattern.search('=IF(kpi_rag(B2;C2)="Green";1;0)')
    assert pattern.search("=[1]!KPI_DOT(A1;B1)")
    assert not pattern.search("=MYKPI_RAG(B2)")
    assert not pattern.search("=KPI_RAGGED(B2)")
    assert not pattern.search("=SUM(KPI_RAG)")  # a name, not a call


@pytest.mark.parametrize(
    ("excel", "bare"),
    [
        ("=[1]!KPI_RAG(A1;B1)", "=KPI_RAG(A1;B1)"),
        ("='c:\\users\\me\\kpixl.xlam'!kpi_rag(A1;B1)", "=kpi_rag(A1;B1)"),
        ("=kpixl.xlam!KPI_RAG(A1)", "=KPI_RAG(A1)"),
        ("=Sheet2!A1&KPI_RAG(A1)", "=Sheet2!A1&KPI_RAG(A1)"),  # a sheet reference stays
    ],
)
def test_workbook_prefixes_of_add_in_calls_are_dropped(excel: str, bare: str) -> None:
    assert workbook_prefixes(["KPI_RAG"]).sub("", excel) == bare


def test_plain_runs_skip_array_formula_cells() -> None:
    formulas = (("=A", "{=X}"), ("=B", "{=X}"), ("{=Y}", "=C"))
    assert plain_runs(formulas) == [(0, 0, 1), (1, 2, 2)]
    assert plain_runs(()) == []


@pytest.mark.parametrize(("col", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letters(col: int, letters: str) -> None:
    assert column_letters(col) == letters
