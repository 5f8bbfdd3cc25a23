"""kpixl for xlwings Lite: ``kpixl lite -o DIR`` writes main.py and requirements.txt; main.py
declares every KPI_* function of kpixl.udfs with its help and the two scripts; the scripts,
run on the bundled tracker's values through a recorded stand-in of Lite's ``book``, give
what ``kpixl pack`` and ``kpixl check`` give, in a new sheet, and write nothing else.

No real xlwings is imported for main.py (tests/pyodide/lite_xlwings.py stands in for it,
never xlwings' ``pro`` code); the Pyodide runs are at the end of the module.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import kpixl
from kpixl import lite, lite_scripts, udfs
from kpixl.cli import main
from kpixl.committee import make_pack
from kpixl.core.checks import check_tracker, findings_table
from kpixl.core.rules import Direction, Status
from kpixl.reader import read_tracker
from kpixl.styles import ARROW_COLOURS, HEADER_FILL, PALETTES
from tests.conftest import pyodide_or_skip
from tests.pyodide import harness
from tests.pyodide.lite_book import Book, run, sheets_from_xlsx
from tests.pyodide.lite_xlwings import import_lite_main, installed

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"
HEAVY = ("numpy", "pandas", "openpyxl", "xlsxwriter")
DAY = dt.date(2025, 4, 30)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder `kpixl lite -o DIR` wrote."""
    out = tmp_path_factory.mktemp("lite") / "for-lite"
    assert main(["lite", "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def lite_main(written: Path) -> tuple[Any, Any]:
    """The generated main.py imported through the xlwings stand-in: module and registry."""
    return import_lite_main(written / "main.py", name="kpixl_lite_main")


@pytest.fixture(scope="module")
def recorded_udfs() -> list[dict[str, Any]]:
    """kpixl.udfs as its own decorators describe it: a fresh copy of the module executed
    under the recording stand-in, an oracle independent of the generator's reading."""
    spec = importlib.util.spec_from_file_location("kpixl._udfs_recorded", udfs.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with installed() as xw:
        spec.loader.exec_module(module)
    return xw.registry.functions()


# --- kpixl lite -o DIR ------------------------------------------------------------------------


def test_lite_writes_main_and_requirements(written: Path, capsys: pytest.CaptureFixture[str]):
    assert sorted(p.name for p in written.iterdir()) == ["main.py", "requirements.txt"]
    source = (written / "main.py").read_text(encoding="utf-8")
    compile(source, "main.py", "exec")  # a SyntaxError fails the test
    assert source == lite.main_py()
    assert "from xlwings import arg, func, script" in source


def test_lite_refuses_to_replace_files_without_force(tmp_path: Path, capsys):
    assert main(["lite", "-o", str(tmp_path)]) == 0
    (tmp_path / "main.py").write_text("# the officer's own main.py\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["lite", "-o", str(tmp_path)]) == 9
    err = capsys.readouterr().err
    assert err.startswith("kpixl: Check output: ") and "--force" in err
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == "# the officer's own main.py\n"
    assert main(["lite", "-o", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == lite.main_py()


def test_lite_refuses_a_file_as_its_folder(tmp_path: Path, capsys):
    target = tmp_path / "main.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["lite", "-o", str(target)]) == 9
    assert target.read_text(encoding="utf-8") == "x"


def test_requirements_name_kpixl_alone(written: Path):
    lines = (written / "requirements.txt").read_text(encoding="utf-8").splitlines()
    wanted = [ln.split("#")[0].strip() for ln in lines if ln.split("#")[0].strip()]
    assert f"kpixl=={kpixl.__version__}" in wanted  # this version, and no [extra]
    assert not any("[" in ln for ln in wanted)
    names = {ln.split("=")[0].split(">")[0].split("<")[0].strip().lower() for ln in wanted}
    assert names == {"kpixl", "xlwings"}  # xlwings: the package Lite itself runs
    assert not names & set(HEAVY)


# --- main.py as xlwings Lite sees it ----------------------------------------------------------


def test_every_kpi_function_is_declared_with_its_help(lite_main, recorded_udfs):
    _, registry = lite_main
    declared = {f["name"]: f for f in registry.functions()}
    assert sorted(declared) == sorted(udfs.__all__)
    own = {f["name"]: f for f in recorded_udfs}
    assert sorted(own) == sorted(udfs.__all__)
    for name, f in declared.items():
        assert f["kind"] == "func"
        assert f["doc"] == inspect.getdoc(getattr(udfs, name)), name  # the Wizard's text
        shown = [(a["name"], a["doc"], a["ndim"], a["optional"]) for a in f["args"]]
        theirs = [(a["name"], a["doc"], a["ndim"], a["optional"]) for a in own[name]["args"]]
        assert shown == theirs, name
        assert all(a["doc"] for a in f["args"]), name
        assert not f["documented_but_not_in_signature"], name


def test_the_declared_functions_are_kpixl_udfs(lite_main):
    module, _ = lite_main
    column = [[0.95], [None], ["#N/A"], [0.8], ["TBC"], [0.86]]
    cases = [
        ("KPI_RAG", ([[0.902]], [["92%"]], [["Higher is better"]], [["85% - 90%"]])),
        ("KPI_RAG", (column, [[0.9]])),
        ("KPI_DOT", ([[0.9]], [[1.0]], [[None]], [[None]], [["10%"]])),
        ("KPI_YTD", ([["12 out of 13", "3 out of 4"]], [["ratio"]])),
        ("KPI_TARGET", ([["252 (21 per month)"]], [[4.0]])),
        ("KPI_VALUE", ([["TBC"]],)),
        ("KPI_SUMMARY", ([["Green"], ["Red"], [None]],)),
        ("KPI_ACTION", ([["In progress"]], [["Q2"]], [["Q1"]], [["Q3 2023/24"]])),
    ]
    assert {n for n, _ in cases} == set(udfs.__all__)
    for name, args in cases:
        assert getattr(module, name)(*args) == getattr(udfs, name)(*args), name
    assert module.KPI_RAG(column, [[0.9]]) == [
        ["Green"],
        ["No data"],
        ["No data"],
        ["Red"],
        ["No data"],
        ["Amber"],
    ]
    assert module.KPI_VALUE([["TBC"]]) == "#N/A"  # Lite shows this text as a real #N/A


def test_the_two_scripts_take_the_book(lite_main):
    module, registry = lite_main
    scripts = {s["name"]: s for s in registry.scripts()}
    assert sorted(scripts) == ["check_tracker", "committee_tables"]
    for name, s in scripts.items():
        fn = getattr(module, name)
        assert inspect.iscoroutinefunction(fn)
        assert [a["name"] for a in s["args"]] == ["book"]
        assert fn.__annotations__["book"].__name__ == "Book"  # xw.Book: Lite passes the book
        assert s["doc"] == inspect.getdoc(getattr(lite_scripts, name))
    assert scripts["committee_tables"]["doc"].startswith("Committee tables: ")
    assert scripts["check_tracker"]["doc"].startswith("Check tracker: ")


def test_a_function_without_argument_docs_is_refused():
    import ast

    node = ast.parse('@xw.func\n@xw.arg("a", doc="A")\ndef KPI_X(a, b=None):\n    """X."""\n')
    with pytest.raises(ValueError, match="undocumented: \\['b'\\]"):
        lite._function(node.body[0], "X.")  # type: ignore[arg-type]


# --- the scripts on the bundled tracker -------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    return sheets_from_xlsx(TRACKER)


def book_of(sample: dict[str, Any], **options: Any) -> Book:
    return Book(
        sample["values"],
        TRACKER.name,
        formulas=sample["formulas"],
        hidden=sample["hidden"],
        **options,
    )


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory):
    """What `kpixl pack` makes of the same file."""
    return make_pack(TRACKER, tmp_path_factory.mktemp("pack") / "pack.xlsx").pack


def table_rows(sheet) -> tuple[list[Any], list[list[Any]]]:
    """The header row and the indicator rows (those with a status) of kpixl's sheet."""
    values = sheet.values()
    header = values[1]
    status = header.index("Status")
    rows = []
    for row in values[2:]:
        if row[0] == "Key":
            break
        if row[status] is not None:
            rows.append(row)
    return header, rows


def pack_rows(pack) -> list[tuple[Any, ...]]:
    out = []
    for table in pack.tables:
        keys = [c.key for c in table.columns]
        for row in table.rows:
            if row.kind == "indicator":
                by = dict(zip(keys, row.cells, strict=True))
                ytd = by["ytd"].value if isinstance(by["ytd"].value, float) else None
                out.append((by["ref"].value, by["status"].value, by["direction"].value, ytd))
    return out


def sheet_rows(sheet) -> list[tuple[Any, ...]]:
    header, rows = table_rows(sheet)
    ytd = next(i for i, h in enumerate(header) if str(h).startswith("Year to date 2024"))
    col = {h: i for i, h in enumerate(header)}
    return [
        (
            r[col["Ref"]],
            r[col["Status"]],
            r[col["Direction of travel"]] or "",
            r[ytd] if isinstance(r[ytd], float) else None,
        )
        for r in rows
    ]


def test_committee_tables_rate_as_kpixl_pack_does(sample, packed):
    book = book_of(sample)
    before = {s.name: s.values() for s in book.sheets}
    message = run(lite_scripts.committee_tables(book, DAY))
    assert message.startswith('Wrote sheet "KPI committee tables": 6 committee tables, 101 ')
    sheet = book.sheets["KPI committee tables"]
    got, want = sheet_rows(sheet), pack_rows(packed)
    assert len(want) == 101
    assert got == want  # statuses, arrows and YTDs, row by row and in the pack's order
    assert {s for _, s, _, _ in got} >= {"Green", "Amber", "Red", "Check data"}
    # the tracker's own sheets: not one write, the same values
    assert book.written() == {"KPI committee tables"}
    assert {s.name: s.values() for s in book.sheets if s.name in before} == before
    assert [s.name for s in book.sheets] == [*before, "KPI committee tables"]


def test_committee_tables_colour_and_format_as_the_pack(sample, packed):
    book = book_of(sample)
    run(lite_scripts.committee_tables(book, DAY))
    sheet = book.sheets["KPI committee tables"]
    header, _ = table_rows(sheet)
    col = {h: i + 1 for i, h in enumerate(header)}
    palette, arrows = PALETTES[packed.palette], ARROW_COLOURS[packed.palette]
    assert sheet.cells[(1, 1)].value.startswith(f"Written by kpixl {kpixl.__version__} on 30 April")
    assert sheet.cells[(2, 1)].fill == HEADER_FILL and sheet.cells[(2, 1)].font["bold"] is True
    seen = 0
    for (r, c), cell in sheet.cells.items():
        if r <= 2 or cell.value is None:
            continue
        if c == col["Status"] and cell.value in Status._value2member_map_:
            fill, font = palette[Status(cell.value)]
            assert (cell.fill, cell.font.get("color"), cell.font.get("bold")) == (fill, font, True)
            seen += 1
        if c == col["Direction of travel"] and cell.value in Direction._value2member_map_:
            assert cell.font.get("color") == arrows[Direction(cell.value).colour]
    assert seen >= 90
    # number formats as the pack writes them (tests/test_pack.py reads the same cells back)
    refs = {sheet.cells[(r, 1)].value: r for (r, c) in sheet.cells if c == 1}
    march = col["Mar-25"]
    assert sheet.cells[(refs["HME06"], march)].number_format == "0.0%"
    assert sheet.cells[(refs["STP37a"], march)].number_format == '#,##0.00" days"'
    assert sheet.cells[(refs["AFL13"], march)].number_format == "#,##0"
    assert sheet.cells[(refs["AFL13"], col["Ref"])].number_format == "@"  # text stays text
    # header frozen, columns fitted, the sheet shown
    assert sheet.frozen == "1:2"
    whats = [w.what for w in book.log]
    assert "autofit" in whats and whats[-1] == "activate"
    # every format is set before the values, so "01" or "=…" lands in a text cell
    first_value = whats.index("value")
    assert "number_format" not in whats[first_value:]


def test_a_second_run_replaces_its_own_sheet_and_reads_only_the_tracker(sample, packed):
    book = book_of(sample)
    first = run(lite_scripts.committee_tables(book, DAY))
    values = book.sheets["KPI committee tables"].values()
    second = run(lite_scripts.committee_tables(book, DAY))
    assert second == first  # 101 indicators again: kpixl's sheet was not read as a table
    assert [s.name for s in book.sheets] == [
        "KPI Tracker",
        "Delivery Plan",
        "kpixl.conf",
        "KPI committee tables",
    ]
    assert book.sheets["KPI committee tables"].values() == values
    assert [w.what for w in book.log].count("clear") == 1
    assert book.written() == {"KPI committee tables"}


def test_a_sheet_kpixl_did_not_write_is_left_alone(sample):
    values = dict(sample["values"])
    values["KPI committee tables"] = [["My own notes"], ["keep these"]]
    book = Book(values, TRACKER.name, formulas=sample["formulas"])
    message = run(lite_scripts.committee_tables(book, DAY))
    assert message.startswith('Wrote sheet "KPI committee tables (2)"')
    assert book.sheets["KPI committee tables"].values() == [["My own notes"], ["keep these"]]
    assert book.written() == {"KPI committee tables (2)"}


def test_formulas_through_the_sync_api_do_as_well(sample, packed):
    book = book_of(sample, formula_api="sync")
    run(lite_scripts.committee_tables(book, DAY))
    assert sheet_rows(book.sheets["KPI committee tables"]) == pack_rows(packed)


def test_without_formulas_the_sheet_says_what_it_could_not_know(sample, packed):
    # An xlwings Lite that gives a script no formulas: the tracker's KPI_RAG results read
    # as stated statuses. The sheet says so rather than passing it over in silence.
    book = book_of(sample, formula_api=None)
    run(lite_scripts.committee_tables(book, DAY))
    sheet = book.sheets["KPI committee tables"]
    texts = [r[0] for r in sheet.values()]
    assert lite_scripts.NO_FORMULAS in texts
    differ = [(a, b) for a, b in zip(sheet_rows(sheet), pack_rows(packed), strict=True) if a != b]
    assert {a[0] for a, _ in differ} == {"HME01", "AM07"}  # rows the rules cannot rate


def test_an_older_lite_without_autofit_or_freeze_still_gets_its_sheet(sample):
    book = book_of(sample, lacks=("autofit", "freeze_at"))
    message = run(lite_scripts.committee_tables(book, DAY))
    assert message.endswith("could not set: autofit, frozen header.")
    assert len(table_rows(book.sheets["KPI committee tables"])[1]) == 101


def test_a_workbook_with_no_kpi_table_gets_a_message_and_no_sheet():
    book = Book({"Notes": [["Shopping list"], ["milk"]]}, "notes.xlsx")
    message = run(lite_scripts.committee_tables(book, DAY))
    assert message.startswith("kpixl: No KPI table found in notes.xlsx")
    assert book.log == []
    assert run(lite_scripts.check_tracker(book, DAY)).startswith("kpixl: No KPI table found")
    assert book.log == []


def small_tracker(comment: str) -> Book:
    head = ["Ref No.", "Indicator", "Polarity", "Target", "Tolerance", "YTD Method"]
    rows = [
        [*head, "Apr-24", "May-24", "Comments"],
        ["01", "Calls answered", "Higher is better", "90%", "5%", "mean", 0.95, 0.97, comment],
        ["02", "Complaints closed", "Higher is better", "90%", "5%", "mean", 0.91, 0.93, None],
    ]
    return Book({"KPIs": rows}, "small.xlsx")


def test_commentary_that_looks_like_a_formula_stays_text():
    book = small_tracker("=SUM(A1:A9) was the old way; see the note")
    run(lite_scripts.committee_tables(book, DAY))
    sheet = book.sheets["KPI committee tables"]
    header, rows = table_rows(sheet)
    comments = header.index("Comments")
    assert rows[0][comments] == "'=SUM(A1:A9) was the old way; see the note"
    assert rows[0][header.index("Ref")] == "01"
    r = next(r for (r, c), s in sheet.cells.items() if s.value == "01")
    assert sheet.cells[(r, comments + 1)].number_format == "@"


def test_check_tracker_lists_what_kpixl_check_lists(sample):
    book = book_of(sample)
    message = run(lite_scripts.check_tracker(book, DAY))
    want = findings_table(check_tracker(read_tracker(TRACKER)))
    problems = sum(1 for r in want[1:] if r[3] != "Note")
    assert message.startswith(f'Wrote sheet "KPI data check": {problems} problems and ')
    sheet = book.sheets["KPI data check"]
    values = sheet.values()
    assert values[0][0].startswith(f"Written by kpixl {kpixl.__version__} on 30 April 2025: ")
    assert values[1 : len(want) + 1] == want  # header and every finding, in order
    assert {r[2] for r in want[1:]} >= {"HME01", "AM07", "CS01"}
    severity = want[0].index("Severity") + 1
    for r, row in enumerate(values[2 : len(want) + 1], start=3):
        cell = sheet.cells[(r, severity)]
        if row[severity - 1] == "Error":
            assert cell.fill == PALETTES["standard"][Status.RED][0]
        elif row[severity - 1] == "Note":
            assert cell.fill is None
    assert sheet.frozen == "1:2"
    assert book.written() == {"KPI data check"}


def test_check_tracker_on_a_clean_tracker_says_so():
    book = small_tracker("fine")
    message = run(lite_scripts.check_tracker(book, DAY))
    assert message.startswith('Wrote sheet "KPI data check": 0 problems')
    values = book.sheets["KPI data check"].values()
    assert "no problems in 2 indicators" in values[0][0]


def test_the_stand_in_refuses_what_lite_cannot_set():
    # the scripts' good behaviour above means something only if the stand-in would catch
    # a format Lite cannot set
    book = small_tracker("x")
    sheet = book.sheets.add(name="Out")
    with pytest.raises(AttributeError):
        sheet["A1"].column_width = 20
    with pytest.raises(AttributeError):
        sheet["A1"].wrap_text = True
    with pytest.raises(ValueError):
        sheet["A1"].color = (255, 0, 0)


# --- installed as Lite installs it ------------------------------------------------------------


def test_the_lite_requirements_install_offline_with_nothing_else(
    wheel: Path, written: Path, tmp_path: Path
):
    # Offline, from a folder holding only kpixl's wheel: a required dependency would make
    # this install fail; none is declared, so kpixl alone is installed.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=300)
    python = venv / "bin" / "python"
    kpixl_line = [
        ln
        for ln in (written / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if ln.startswith("kpixl")
    ]
    (tmp_path / "req.txt").write_text("\n".join(kpixl_line) + "\n", encoding="utf-8")
    pip = [python, "-m", "pip", "install", "-q", "--no-index", "--find-links", wheel.parent]
    done = subprocess.run([*pip, "-r", tmp_path / "req.txt"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [python, "-m", "pip", "list", "--format=json"], capture_output=True, text=True
    )
    names = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert names - {"pip", "setuptools"} == {"kpixl"}
    code = (
        "import sys, kpixl.lite, kpixl.lite_scripts, kpixl.udfs\n"
        "kpixl.lite.write_lite(sys.argv[1])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [python, "-c", code, tmp_path / "lite"], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == "[]\n"  # none of them imported (none is even installed)
    assert (tmp_path / "lite" / "main.py").read_text(encoding="utf-8") == lite.main_py()


# --- inside Pyodide ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def in_pyodide(written: Path, sample: dict[str, Any]) -> dict[str, Any]:
    """One Pyodide run of tests/pyodide/lite_probe.py (a start costs seconds)."""
    pyodide_or_skip()
    from tests.pyodide import lite_probe

    given = lite_probe.given((written / "main.py").read_text(encoding="utf-8"), sample)
    return {"there": harness.run(harness.HERE / "lite_probe.py", given), "given": given}


@pytest.fixture(scope="module")
def in_cpython(in_pyodide: dict[str, Any]) -> dict[str, Any]:
    """The same probe here, on the same input (through JSON, as Pyodide got it)."""
    from tests.pyodide import lite_probe

    return lite_probe.main(json.loads(json.dumps(in_pyodide["given"])))


def test_main_py_inside_pyodide_declares_what_cpython_declares(in_pyodide, lite_main):
    from tests.pyodide import lite_probe

    there = in_pyodide["there"]
    assert there["platform"] == "emscripten"
    module, registry = lite_main
    here = lite_probe.plain(registry.functions())
    assert {f["module"] for f in here} == {module.__name__}
    strip = [{**f, "module": None} for f in here]
    assert [{**f, "module": None} for f in there["functions"]] == strip
    assert len(there["functions"]) == len(udfs.__all__)
    assert [s["name"] for s in there["scripts"]] == ["committee_tables", "check_tracker"]


def test_functions_inside_pyodide_answer_as_in_cpython(in_pyodide, in_cpython):
    from tests.pyodide import lite_probe

    here = in_cpython
    there = in_pyodide["there"]
    assert len(there["calls"]) == len(lite_probe.CALLS)
    assert there["calls"] == here["calls"]
    assert there["calls"][0] == {"ok": "Amber"}
    blank = [c for c, (_, args) in zip(there["calls"], lite_probe.CALLS, strict=True)
             if args == ([[None]], [[0.9]])]  # fmt: skip
    assert blank == [{"ok": "No data"}]  # a blank cell arrived as JavaScript's null


def test_scripts_inside_pyodide_write_what_they_write_in_cpython(in_pyodide, in_cpython):
    here = in_cpython
    there = in_pyodide["there"]
    assert there["scripts_run"] == here["scripts_run"]
    printed = there["scripts_run"]["printed"]
    assert printed[0].startswith('Wrote sheet "KPI committee tables": 6 committee tables, 101 ')
    assert printed[1].startswith('Wrote sheet "KPI data check": ')
    assert there["scripts_run"]["written"] == ["KPI committee tables", "KPI data check"]
