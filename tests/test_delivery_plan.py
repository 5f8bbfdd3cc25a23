"""Delivery-plan actions through the commands: read with the tracker, judged at its reporting
date, counted as 001's boxes count them, listed in the pack and by ``kpixl check``.

001's own workbook (its delivery plan in its layout, built from the seed's text) must give
its boxes' numbers of actions and of completed ones per theme and overall, and list as
overdue at Q3 every action the report prints as Overdue, from its end quarter alone.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from kpixl import cli
from kpixl.committee import make_pack
from kpixl.reader import read_tracker
from tests.seeds import s001_actions as s001

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "workbooks" / "sample_tracker.xlsx"
SOURCE = ROOT / "workbooks" / "source" / "actions.csv"


def _sheet_rows(path: Path, name: str) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


def _table(rows: list[tuple[object, ...]], first: str) -> list[dict[str, object]]:
    """The rows under the header that starts with ``first``, up to a blank row."""
    start = next(i for i, r in enumerate(rows) if r and r[0] == first)
    header = rows[start]
    out = []
    for r in rows[start + 1 :]:
        if not r or r[0] in (None, ""):
            break
        out.append(dict(zip(header, r, strict=False)))
    return out


@pytest.fixture(scope="module")
def charnwood(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return s001.write(tmp_path_factory.mktemp("s001") / "delivery_plan.xlsx")


def test_001s_boxes_from_its_own_layout(charnwood: Path, tmp_path: Path) -> None:
    # a workbook of actions alone is a tracker; the settings say its reporting period
    (charnwood.parent / "kpixl.toml").write_text(
        f'reporting_period = "{s001.PERIOD}"\nfinancial_year = "2023/24"\n', encoding="utf-8"
    )
    result = make_pack(charnwood, tmp_path / "pack.xlsx")
    boxes = {r["Theme"]: r for r in _table(_sheet_rows(result.xlsx, "Summary"), "Theme")}
    for theme in (*s001.THEMES, "Overall"):
        printed = s001.BOXES[theme]
        row = boxes[theme]
        assert row["Number of actions"] == printed["Number of Actions"], theme
        assert str(row["Completed"]).split()[0] == str(printed["Completed"]), theme
    # every action 001 prints Overdue is listed as overdue at Q3, from its end quarter
    printed_overdue = {" ".join(a[2].split()) for a in s001.ACTIONS if a[3] == "Overdue"}
    listed = {
        r["Action"] for r in _table(_sheet_rows(result.xlsx, "Exceptions"), "Theme") if r["Action"]
    }
    assert listed == printed_overdue and len(listed) == 8
    # the Delivery plan sheet holds every action once, under its theme
    plan = _sheet_rows(result.xlsx, "Delivery plan")
    texts = [r[1] for r in plan if r and r[1] and r[0] != "Outcome"]
    assert sorted(
        t for t in texts if t in {" ".join(a[2].split()) for a in s001.ACTIONS}
    ) == sorted(" ".join(a[2].split()) for a in s001.ACTIONS)
    assert [r[0] for r in plan if r and r[0] in s001.THEMES] == list(s001.THEMES)


def test_001s_overdue_actions_come_from_their_end_quarters(charnwood: Path, tmp_path: Path):
    """The same eight, with every printed "Overdue" rewritten "In Progress": the dates, not
    the tracker's word, make an action overdue."""
    book = openpyxl.load_workbook(charnwood)
    sheet = book[s001.SHEET]
    rewritten = 0
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "Overdue":
                cell.value = "In Progress"
                rewritten += 1
    assert rewritten == 8
    path = tmp_path / "in_progress.xlsx"
    book.save(path)
    (tmp_path / "kpixl.toml").write_text(
        f'reporting_period = "{s001.PERIOD}"\nfinancial_year = "2023/24"\n', encoding="utf-8"
    )
    result = make_pack(path, tmp_path / "pack.xlsx")
    printed_overdue = {" ".join(a[2].split()) for a in s001.ACTIONS if a[3] == "Overdue"}
    listed = {
        r["Action"] for r in _table(_sheet_rows(result.xlsx, "Exceptions"), "Theme") if r["Action"]
    }
    assert listed == printed_overdue


def _source() -> list[dict[str, str]]:
    with open(SOURCE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# The last day of each end the sample writes, in its year 2024/25 (April to March), by hand
END_DAYS = {
    "Q2": "2024-09-30",
    "Q3": "2024-12-31",
    "Q4": "2025-03-31",
    "Q1 2025/26": "2025-06-30",
    "Q2 2025/26": "2025-09-30",
    "Q3 2025/26": "2025-12-31",
}


def _overdue_by_hand() -> set[str]:
    """Independently of kpixl's rules: not completed, and the end quarter's last day on or
    before 31 March 2025 (the sample's reporting period, Mar-25)."""
    return {
        a["Action"]
        for a in _source()
        if a["Status"] != "Completed" and END_DAYS[a["End Date"]] <= "2025-03-31"
    }


def test_the_bundled_pack_shows_the_delivery_plan(tmp_path: Path) -> None:
    result = make_pack(SAMPLE, tmp_path / "pack.xlsx")
    assert "Delivery plan" in openpyxl.load_workbook(result.xlsx, read_only=True).sheetnames
    source = _source()
    plan = _sheet_rows(result.xlsx, "Delivery plan")
    themes = list(dict.fromkeys(a["Theme"] for a in source))
    assert [r[0] for r in plan if r and r[0] in themes] == themes
    boxes = {r["Theme"]: r for r in _table(_sheet_rows(result.xlsx, "Summary"), "Theme")}
    assert boxes["Overall"]["Number of actions"] == len(source) == 20
    completed = sum(a["Status"] == "Completed" for a in source)
    assert str(boxes["Overall"]["Completed"]).startswith(f"{completed} (")
    listed = {r["Action"] for r in _table(_sheet_rows(result.xlsx, "Exceptions"), "Theme")}
    assert listed == _overdue_by_hand() and listed
    # the pack's model says the same as the sheets
    assert result.pack.actions is not None and result.pack.actions.total == 20
    # and the run's last line counts them with the indicators
    assert "; 20 delivery-plan actions (" in result.closing_line()
    assert f"{completed} Completed" in result.closing_line()


def test_check_and_rate_report_the_delivery_plan() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["check", str(SAMPLE)]) == 0
    text = out.getvalue()
    assert "problems in 101 indicators and 20 actions" in text
    # a status the dates contradict, named by the action's first words
    written_in_progress = {
        a["Action"] for a in _source() if a["Status"] == "In Progress"
    } & _overdue_by_hand()
    for action in written_in_progress:
        first = " ".join(action.split()[:8])
        assert f"{first}" in text and "Status In Progress, but its end" in text
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["rate", str(SAMPLE)]) == 0
    assert "Delivery plan: 20 actions at Mar-25:" in out.getvalue()


def test_the_sample_reads_its_actions_as_the_source_gives_them() -> None:
    tracker = read_tracker(SAMPLE)
    source = _source()
    assert [a.text for a in tracker.actions] == [a["Action"] for a in source]
    assert [a.theme for a in tracker.actions] == [a["Theme"] for a in source]
    assert [a.written_status for a in tracker.actions] == [a["Status"] for a in source]
    assert not tracker.action_problems
