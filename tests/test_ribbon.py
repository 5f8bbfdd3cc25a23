"""Ribbon handlers against an in-memory stand-in for the xlwings objects they touch."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from kpixl import ribbon
from kpixl.addin.customui import button_ids
from kpixl.committee import make_pack

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"


class FakeRange:
    def __init__(self, rows: list[list[object]], row: int = 1, column: int = 1) -> None:
        self.rows, self.row, self.column = rows, row, column

    def options(self, ndim: int = 2) -> FakeRange:
        assert ndim == 2
        return self

    @property
    def value(self) -> list[list[object]]:
        return [list(r) for r in self.rows]


class FakeSheet:
    def __init__(self, name: str, rows: list[list[object]], visible: bool = True) -> None:
        self.name, self.visible = name, visible
        self.used_range = FakeRange(rows)


class FakePackBook:
    def __init__(self, path: str) -> None:
        self.path = path

    def to_pdf(self, path: str) -> None:  # Excel's export: here a marker file
        Path(path).write_bytes(b"%PDF-1.4 stand-in")


class FakeBooks:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, path: str) -> FakePackBook:
        self.opened.append(path)
        return FakePackBook(path)


class FakeApp:
    def __init__(self) -> None:
        self.books = FakeBooks()
        self.alerts: list[str] = []
        self.calculated = 0
        self.status_bar = ""

    def alert(self, message: str, title: str = "") -> None:
        self.alerts.append(message)

    def calculate(self) -> None:
        self.calculated += 1


class FakeBook:
    """What xw.Book.caller() gives: the open tracker with its live values."""

    def __init__(self, path: Path, edits: dict[tuple[str, int, int], object] | None = None):
        self.name, self.fullname = path.name, str(path)
        self.app = FakeApp()
        wb = openpyxl.load_workbook(path, data_only=True)
        self.sheets = []
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            for (sheet, r, c), value in (edits or {}).items():
                if sheet == ws.title:
                    rows[r - 1][c - 1] = value
            self.sheets.append(FakeSheet(ws.title, rows, ws.sheet_state == "visible"))
        wb.close()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    dst = tmp_path / TRACKER.name
    shutil.copyfile(TRACKER, dst)
    return dst


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path)
    out = {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb}
    wb.close()
    return out


def test_every_button_has_a_handler():
    ids = button_ids()
    assert ids and set(ids) == set(ribbon.HANDLERS)


def test_pack_button_gives_the_command_lines_pack(copy: Path, tmp_path: Path):
    book = FakeBook(copy)
    message = ribbon.dispatch("kpixl_pack", book)
    assert message.startswith("Wrote ")
    opened = Path(book.app.books.opened[0])
    assert opened.parent == copy.parent and opened.exists()
    cli = make_pack(copy, tmp_path / "cli" / "pack.xlsx")
    assert _cells(opened) == _cells(cli.xlsx)
    assert book.app.alerts == [message]


def test_pack_uses_unsaved_edits(copy: Path):
    header_row = 5
    wb = openpyxl.load_workbook(copy, read_only=True)
    rows = list(wb["KPI Tracker"].iter_rows(values_only=True))
    wb.close()
    header = rows[header_row - 1]
    mar = header.index("Mar-25") + 1
    afl13 = next(i for i, r in enumerate(rows, 1) if r[header.index("Ref No.")] == "AFL13")
    saved = ribbon.live_tracker(FakeBook(copy))
    edited = ribbon.live_tracker(FakeBook(copy, {("KPI Tracker", afl13, mar): 5}))
    from kpixl.core.model import rate_tracker

    def status(t):
        return next(str(r.status) for r in rate_tracker(t) if r.indicator.ref == "AFL13")

    assert status(saved) == "Green"  # 26 against 21 a month
    assert status(edited) == "Red"  # the unsaved 5


def test_pdf_button_falls_back_to_excels_export(copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ribbon.shutil, "which", lambda _name: None)
    book = FakeBook(copy)
    message = ribbon.dispatch("kpixl_pdf", book)
    pdfs = list(copy.parent.glob("*.pdf"))
    assert len(pdfs) == 1 and "PDF:" in message


def test_check_button_writes_findings_beside_the_tracker(copy: Path):
    before = copy.read_bytes()
    book = FakeBook(copy)
    message = ribbon.dispatch("kpixl_check", book)
    out = copy.parent / "sample_tracker - data check.xlsx"
    assert out.exists() and str(out) in book.app.books.opened
    rows = _cells(out)["Data check"]
    refs = {r[2] for r in rows[3:]}
    assert {"HME01", "KI 20", "CS01", "BBF06 (KPI 3)"} <= refs
    assert message.split()[0].isdigit()
    assert copy.read_bytes() == before  # the tracker is never changed


def test_refresh_and_help_and_unknown_buttons(copy: Path):
    book = FakeBook(copy)
    ribbon.dispatch("kpixl_refresh", book)
    assert book.app.calculated == 1
    assert "KPI_RAG" in ribbon.dispatch("kpixl_help", book)
    assert "no action" in ribbon.dispatch("kpixl_nothing", book)


def test_problems_come_back_as_a_message(tmp_path: Path):
    empty = tmp_path / "empty.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nothing here"
    wb.save(empty)
    book = FakeBook(empty)
    message = ribbon.dispatch("kpixl_pack", book)
    assert "KPI table" in message or "header" in message.lower()
    assert book.app.alerts == [message]
