"""A generated workbook whose cells call KPI_* functions, evaluated with `formulas`."""

from __future__ import annotations

from pathlib import Path

import pytest

import kpixl
from kpixl.evaluate import evaluate_workbook, normalise_prefixes
from kpixl.samples import FUNCTION_CASES, build_functions_workbook

ROOT = Path(__file__).resolve().parents[1]


def _python_api(fn: str, args: tuple) -> object:
    """The same case through the Python API, shown as the cell shows it."""
    try:
        if fn == "KPI_RAG":
            out = str(kpixl.rag(*args))
        elif fn == "KPI_DOT":
            out = str(kpixl.direction(*args))
        elif fn == "KPI_YTD":
            values, method, weights = args
            out = kpixl.ytd(list(values), method, None if weights is None else list(weights))
        elif fn == "KPI_TARGET":
            out = kpixl.target_to_date(*args)
            if out is None:  # the cell says why there is no figure
                kind = kpixl.parse_target(args[0]).kind
                out = "Tracking" if kind is kpixl.TargetKind.TRACKING else "Under review"
        else:
            out = kpixl.parse_value(*args)
    except kpixl.KpixlError as e:
        return str(e)
    return "#N/A" if out is None else out


@pytest.fixture(scope="module", params=["committed", "rebuilt"])
def evaluated(request, tmp_path_factory):
    if request.param == "committed":
        path = ROOT / "workbooks" / "kpi_functions.xlsx"
    else:
        path = build_functions_workbook(tmp_path_factory.mktemp("wb") / "kpi_functions.xlsx")
    return evaluate_workbook(path)


def test_every_computed_cell_equals_the_python_api(evaluated):
    for row, (case, fn, args) in enumerate(FUNCTION_CASES, start=2):
        got = evaluated[("CASES", f"K{row}")]
        want = _python_api(fn, args)
        if isinstance(want, float):
            assert got == pytest.approx(want, rel=1e-12), case
        else:
            assert got == want, case


def test_the_column_call_spills_the_same_statuses(evaluated):
    rag_cases = [args for _, fn, args in FUNCTION_CASES if fn == "KPI_RAG"]
    start = len(FUNCTION_CASES) + 3
    for i, args in enumerate(rag_cases):
        want = _python_api("KPI_RAG", args)
        assert evaluated[("CASES", f"K{start + i}")] == want


def test_add_in_prefixes_are_normalised(tmp_path):
    import zipfile

    src = ROOT / "workbooks" / "kpi_functions.xlsx"
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(prefixed, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>KPI_RAG(C2", b"<f>[1]!KPI_RAG(C2")
                data = data.replace(b"<f>KPI_RAG(C3", b"<f>'C:\\kpixl\\kpixl.xlam'!KPI_RAG(C3")
            zout.writestr(item, data)
    assert normalise_prefixes(prefixed, tmp_path / "plain.xlsx")
    values = evaluate_workbook(prefixed)
    assert values[("CASES", "K2")] == "Amber"
    assert values[("CASES", "K3")] == "Red"
