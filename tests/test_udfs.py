"""The KPI_* worksheet functions, called directly (xlwings' decorators are no-ops here)."""

from __future__ import annotations

import inspect

import pytest

import kpixl
from kpixl import udfs


def test_cell_and_column_forms():
    assert udfs.KPI_RAG([[0.902]], [["92%"]], [["Higher is better"]], [["85% - 90%"]]) == "Amber"
    assert udfs.KPI_RAG([[0.95], [0.8], [None], ["TBC"]], 0.9) == [
        ["Green"],
        ["Red"],
        ["No data"],
        ["No data"],
    ]


def test_unreadable_input_is_a_message_in_the_cell():
    assert udfs.KPI_RAG(0.88, "90%", "Higher is better", "85-") == (
        'Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%'
    )
    column = udfs.KPI_RAG([[0.88], [0.95]], [["90%"], ["90%"]], "higher", [["85-"], ["5%"]])
    assert column[0][0].startswith("Check tolerance") and column[1] == ["Green"]
    assert udfs.KPI_RAG(0.88, "90%", "sideways").startswith(
        'Check polarity: cannot read "sideways"'
    )


def test_blanks_and_excel_errors_are_data():
    assert udfs.KPI_RAG(None, "90%") == "No data"
    assert udfs.KPI_RAG("#N/A", "90%") == "No data"
    assert udfs.KPI_DOT("#DIV/0!", 0.5) == "n/a"
    assert udfs.KPI_RAG([[None], [0.95]], [[None], [0.9]]) == [[""], ["Green"]]  # blank rows


def test_mismatched_ranges_say_so():
    out = udfs.KPI_RAG([[1.0], [2.0], [3.0]], [[1.0], [2.0]])
    assert out.startswith("Check ranges")


def test_ytd_one_per_row_and_one_series_per_column():
    assert udfs.KPI_YTD([[75, 24, None], [1, 2, 3]]) == [[99.0], [6.0]]
    assert udfs.KPI_YTD([["12 out of 13"], ["3 out of 4"]], "ratio") == 15 / 17
    assert udfs.KPI_YTD([[1, 2], [3, 4]], [["sum"], ["mean"]]) == [[3.0], [3.5]]
    assert udfs.KPI_YTD([[None, None]]) == ""
    assert udfs.KPI_YTD([["TBC", "n/a"]]) == udfs.NA


def test_target_value_and_summary():
    assert udfs.KPI_TARGET("252 (21 per month)", [[1], [4]]) == [[21.0], [84.0]]
    assert udfs.KPI_TARGET("TBC", 3) == "Under review"
    assert udfs.KPI_TARGET("No target - tracking indicator only", 3) == "Tracking"
    # nested, the words keep their meaning
    assert (
        udfs.KPI_RAG(
            5,
            udfs.KPI_TARGET("N/A - monitoring levels of demand", 3, 12, "period"),
            "Lower is better",
        )
        == "Tracking"
    )
    assert udfs.KPI_RAG(0.95, udfs.KPI_TARGET("Q1: 90% Q2: 92%", 2, 4, "period")) == "Green"
    assert udfs.KPI_VALUE([["90.2%"], ["TBC"]]) == [[0.902], [udfs.NA]]
    table = udfs.KPI_SUMMARY([["Green"], ["Red"], ["Green"], [None]])
    assert table[0] == ["Status", "Count", "Share"]
    # shares rounded by largest remainder, as councils print them: they add to 100%
    assert table[1] == ["Green", 2, 0.67]
    assert sum(row[2] for row in table[1:-1]) == pytest.approx(1.0)
    assert table[-1] == ["Total", 3, 1.0]
    by_group = udfs.KPI_SUMMARY([["Green"], ["Red"]], [["Housing"], ["Finance"]])
    assert by_group[0] == ["Group", "Green", "Red", "Total", "Green share", "Red share"]
    assert by_group[1] == ["Housing", 1, 0, 1, 1.0, 0.0]
    assert by_group[-1] == ["Total", 1, 1, 2, 0.5, 0.5]
    # three of seven in one group: whole shares that still add to 100% (43 + 29 + 28)
    shared = udfs.KPI_SUMMARY([["G"]] * 3 + [["A"]] * 2 + [["R"]] * 2, [["Housing"]] * 7)
    assert shared[1][-3:] == [0.43, 0.29, 0.28] and sum(shared[1][-3:]) == pytest.approx(1)


def test_cells_agree_with_the_python_api():
    cases = [(0.902, "92%", "Higher is better", "85% - 90%"), (13, 9, "Lower is better", "9 to 12")]
    for args in cases:
        assert udfs.KPI_RAG(*args) == str(kpixl.rag(*args))
    assert udfs.KPI_DOT("9.1%", "9.8%", "Higher is better", "15%") == "↓R"


@pytest.mark.parametrize("name", udfs.__all__)
def test_function_wizard_texts(name):
    fn = getattr(udfs, name)
    doc = inspect.getdoc(fn)
    assert doc and len(doc) <= 255  # Excel cuts the Function Wizard text at 255 characters
    params = inspect.signature(fn).parameters
    assert not any(p.kind is p.KEYWORD_ONLY for p in params.values())  # xlwings refuses them
    assert name.startswith("KPI_")
