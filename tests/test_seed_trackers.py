"""The seed trackers (tests/seeds) agree with what each seed prints.

Each workbook is built into a temporary folder and read back with openpyxl (not kpixl):
cells show the printed text under their number formats, merges are where the reports
merge, no Polarity column is added where a seed has none, and the records' own
arithmetic holds except where SEED_ERRORS says the report's does not.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tests.seeds import s000, s001, s002, s003, s004

SEEDS = {"000": s000, "001": s001, "002": s002, "003": s003, "004": s004}
ARROWS = {"↑G", "↓G", "↑A", "↓A", "↑R", "↓R", "→", "⇧", "⇨", "⇩", "n/a"}
PAIR = re.compile(r"(\d[\d,]*) out (?:of )?(\d[\d,]*)")


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, openpyxl.Workbook]:
    folder = tmp_path_factory.mktemp("seed-trackers")
    built = {n: m.write(folder / f"s{n}.xlsx") for n, m in SEEDS.items()}
    built["002 typed"] = s002.write_with_type(folder / "s002_typed.xlsx")
    return {n: openpyxl.load_workbook(path) for n, path in built.items()}


# --- what Excel shows -------------------------------------------------------------------

_NUMBER = re.compile(r"[#0,]*0(?:\.0+)?%?")


def _literal(part: str) -> str:
    return re.sub(r'"([^"]*)"', r"\1", part)


def shown(cell: Cell) -> str:
    """The text Excel displays for a cell, for the number formats the trackers use.

    >>> from openpyxl import Workbook
    >>> c = Workbook().active["A1"]
    >>> c.value, c.number_format = 0.8824, "0.00%"
    >>> shown(c)
    '88.24%'
    """
    value, fmt = cell.value, cell.number_format
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if fmt == "General":
        return str(value) if isinstance(value, int) else repr(value).removesuffix(".0")
    match = _NUMBER.search(re.sub(r'"[^"]*"', lambda m: "\0" * len(m[0]), fmt))
    assert match, f"format not covered by this test: {fmt!r}"
    core = fmt[match.start() : match.end()]
    number = Decimal(repr(float(value))) * (100 if core.endswith("%") else 1)
    places = len(core.split(".")[1].rstrip("%")) if "." in core else 0
    rounded = abs(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    digits = f"{rounded:,}" if "," in core else f"{rounded}"
    sign = "-" if number < 0 else ""
    pct = "%" if core.endswith("%") else ""
    return sign + _literal(fmt[: match.start()]) + digits + pct + _literal(fmt[match.end() :])


def _rows(ws: Worksheet, col: int, text: str) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, col).value == text]


def _header_cols(ws: Worksheet, row: int) -> dict[str, int]:
    return {ws.cell(row, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(row, c).value}


def _merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


# --- every seed -------------------------------------------------------------------------


@pytest.mark.parametrize("num", SEEDS)
def test_each_seed_has_its_records(num: str) -> None:
    mod = SEEDS[num]
    for name in ("PRINTED", "COUNTS", "COUNCIL_WIDE", "SEED_ERRORS", "NOTES"):
        assert hasattr(mod, name), f"s{num} has no {name}"
    for key, entry in mod.PRINTED.items():
        assert entry["source"].strip(), f"s{num} {key} quotes no source"
        for statement in entry.get("stated", ()):
            assert {"says", "of", "source"} <= statement.keys(), (num, key, statement)
    for error in mod.SEED_ERRORS:
        assert {"where", "printed", "check", "source"} <= error.keys(), (num, error)


@pytest.mark.parametrize("num", SEEDS)
def test_council_wide_text_is_toml_with_kpixl_keys_only(num: str) -> None:
    settings = tomllib.loads(SEEDS[num].COUNCIL_WIDE)
    assert set(settings) <= {"reporting_period", "default_tolerance", "acceptable_range"}
    expected = {
        "000": set(),
        "001": {"reporting_period"},
        "002": set(),
        "003": {"reporting_period"},
        "004": {"reporting_period", "default_tolerance", "acceptable_range"},
    }[num]
    assert set(settings) == expected


@pytest.mark.parametrize("name", ["000", "001", "002", "002 typed", "003"])
def test_no_polarity_column_where_the_seed_has_none(books, name: str) -> None:
    for ws in books[name]:
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and "polarity" in cell.value.lower()), (
                    f"{name} {ws.title}!{cell.coordinate}: {cell.value!r}"
                )


# --- 000 --------------------------------------------------------------------------------


def test_000_groups_under_repeated_headers_after_blank_rows(books) -> None:
    ws = books["000"][s000.SHEET]
    assert ws["A1"].value == s000.TITLE and "A1:I1" in _merged(ws)
    headers = _rows(ws, 1, "Indicator No.")
    assert len(headers) == len(s000.GROUPS)
    for row, group in zip(headers, s000.GROUPS, strict=True):
        assert all(ws.cell(row - 1, c).value is None for c in range(1, 10))  # blank before
        assert [ws.cell(row, c).value for c in range(1, 10)] == list(s000.HEADER)
        assert ws.cell(row + 1, 1).value == group[0]


def test_000_cells_show_what_the_plan_prints(books) -> None:
    ws = books["000"][s000.SHEET]
    cols = _header_cols(ws, _rows(ws, 1, "Indicator No.")[0])
    for ref, entry in s000.PRINTED.items():
        (row,) = _rows(ws, 1, ref)
        assert ws.cell(row, 2).value == entry["name"]
        for period, text in entry["values"].items():
            assert shown(ws.cell(row, cols[period])) == text, (ref, period)
        assert shown(ws.cell(row, cols["Annual Target 2024/25"])) == entry["target"], ref
        assert ws.cell(row, cols["Status"]).value is None  # blank, as printed
        if "second_line" in entry:
            assert ws.cell(row + 1, 1).value is None
            assert ws.cell(row + 1, 2).value == entry["second_line"]["name"]
            assert ws.cell(row + 1, cols["Commentary"]).value == entry["second_line"]["comment"]


def test_000_keeps_row_01_on_its_own_mixed_scale(books) -> None:
    ws = books["000"][s000.SHEET]
    (row,) = _rows(ws, 1, "01")
    q1, q2 = ws.cell(row, 3), ws.cell(row, 4)
    assert (q1.value, q1.number_format) == (83, "General")
    assert (q2.value, q2.number_format) == (0.902, "0.0%")
    (row,) = _rows(ws, 1, "02")
    assert (ws.cell(row, 4).value, ws.cell(row, 4).number_format) == (0.0327, "0.00%")


# --- 001 --------------------------------------------------------------------------------


def test_001_two_row_header_with_merged_quarters(books) -> None:
    ws = books["001"][s001.SHEET]
    assert {"B1:C1", "D1:E1", "F1:G1"} <= _merged(ws)
    assert [ws.cell(1, c).value for c in (1, 2, 4, 6, 8, 9, 10)] == [
        "Key Performance Indicator",
        *s001.QUARTERS,
        "Gauge",
        "Update",
        "Travel",
    ]
    assert [ws.cell(2, c).value for c in range(2, 8)] == ["Value", "Target"] * 3


def test_001_rows_show_what_the_report_prints(books) -> None:
    ws = books["001"][s001.SHEET]
    assert ws.max_row == 2 + len(s001.PRINTED) == 17
    for row, (ref, entry) in enumerate(s001.PRINTED.items(), start=3):
        assert ws.cell(row, 1).value == entry["cell"]
        assert entry["cell"].startswith(ref + " ") and "\n\nOwner: " in entry["cell"]
        for k, quarter in enumerate(s001.QUARTERS):
            for col, record in ((2 + 2 * k, entry["values"]), (3 + 2 * k, entry["targets"])):
                assert shown(ws.cell(row, col)) == record[quarter], (ref, quarter)
        assert ws.cell(row, 9).value == entry["update"]
        assert ws.cell(row, 8).value is None and ws.cell(row, 10).value is None  # images


def test_001_stores_values_as_excel_does(books) -> None:
    ws = books["001"][s001.SHEET]
    by_ref = {ws.cell(r, 1).value.split("\n")[0]: r for r in range(3, ws.max_row + 1)}
    ki3 = ws.cell(next(r for k, r in by_ref.items() if k.startswith("KI 3 ")), 2)
    assert (ki3.value, ki3.number_format) == (0.97, "0%")
    ki21 = ws.cell(next(r for k, r in by_ref.items() if k.startswith("KI 21 ")), 2)
    assert (ki21.value, ki21.number_format) == (19378, "#,##0")
    ki7a = ws.cell(next(r for k, r in by_ref.items() if k.startswith("KI 7a ")), 6)
    assert ki7a.value == "14.09 Days" and ki7a.data_type == "s"
    ni191 = ws.cell(next(r for k, r in by_ref.items() if k.startswith("NI191 ")), 4)
    assert (ni191.value, ni191.number_format) == (105.2, '0.0 "Kg"')


def _rag(actual: float, target: float, polarity: str, tolerance: float = 0.05) -> str:
    """A 5% relative tolerance, written here so the check does not lean on kpixl."""
    gap = (actual - target) if polarity == "higher" else (target - actual)
    if gap >= -1e-12:
        return "Green"
    return "Amber" if target and -gap <= tolerance * abs(target) + 1e-12 else "Red"


def test_001_count_box_red_and_green_look_swapped() -> None:
    def number(text: str) -> float:
        text = text.replace(",", "").replace(" Days", "").replace(" Kg", "")
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)

    q3 = "Q3 2023/24"
    statuses = {
        ref: _rag(number(e["values"][q3]), number(e["targets"][q3]), s001.IMPLIED_POLARITY[ref])
        for ref, e in s001.PRINTED.items()
    }
    assert Counter(statuses.values()) == {"Green": 9, "Amber": 2, "Red": 4}
    assert statuses["LS10A"] == "Red"  # 5.40% short; its text says "within the tolerance set"
    statuses["LS10A"] = "Amber"
    counts = Counter(statuses.values())
    box = s001.COUNTS["Corporate Performance Indicators: Quarter 3 2023-2024"]
    assert (counts["Red"], counts["Amber"], counts["Green"]) == (
        box["Green"],
        box["Amber"],
        box["Red"],
    )
    assert box["Number of PI’s"] == 15 + box["Not started (annual KPIs)"]


def test_001_action_boxes_add_up() -> None:
    boxes = s001.COUNTS
    overall = boxes["Overall Corporate Delivery Plan Action Performance: Quarter 3 2023-2024"]
    themes = [b for name, b in boxes.items() if name.endswith("Actions: Quarter 3 2023-2024")]
    assert len(themes) == 4
    for box in [overall, *themes]:
        parts = sum(v for k, v in box.items() if k not in ("Number of Actions", "source"))
        assert parts == box["Number of Actions"]
    for status in ("Number of Actions", "Red", "Amber", "Green", "Completed"):
        assert sum(t[status] for t in themes) == overall[status]


# --- 002 --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, shift", [("002", 0), ("002 typed", 1)])
def test_002_sheets_tables_and_merged_services(books, name: str, shift: int) -> None:
    wb = books[name]
    assert wb.sheetnames == [sheet for sheet, _, _ in s002.SHEETS]
    for sheet, titles, tables in s002.SHEETS:
        ws = wb[sheet]
        assert [ws["A1"].value, ws["A2"].value] == list(titles)
        headers = _rows(ws, 1, "Service")
        assert len(headers) == len(tables)
        for row, (heading, keys) in zip(headers, tables, strict=True):
            assert ws.cell(row - 1, 1).value == (heading or None)
            if shift:
                assert ws.cell(row, 2).value == "Type"
            groups: list[tuple[int, int]] = []
            for offset, key in enumerate(keys, start=1):
                entry = s002.PRINTED[key]
                r = row + offset
                assert ws.cell(r, 2 + shift).value == entry["name"], key
                assert shown(ws.cell(r, 3 + shift)) == entry["target"], key
                for col, text in enumerate(s002.INVENTED[key], start=4 + shift):
                    assert shown(ws.cell(r, col)) == text, (key, text)
                if shift:
                    assert ws.cell(r, 2).value == "KPI"
                if offset == 1 or entry["service"] != s002.PRINTED[keys[offset - 2]]["service"]:
                    assert ws.cell(r, 1).value == entry["service"]
                    groups.append((r, r))
                else:
                    groups[-1] = (groups[-1][0], r)
            merged = _merged(ws)
            for first, last in groups:
                assert (f"A{first}:A{last}" in merged) == (last > first), (sheet, first, last)


def test_002_targets_kept_exactly_as_printed(books) -> None:
    ws = books["002"]["Finance & Resources OSC"]
    (row,) = _rows(ws, 2, s002.PRINTED["FR03"]["name"])
    assert ws.cell(row, 3).value == "Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2"
    ws = books["002"]["Housing & Communities OSC"]
    for key, stored in (
        ("HC16", "Profiled Target"),
        ("HC26", None),
        ("HC05", 0),
        ("HC17", "Q4 23/24 : 23 Q4 24/25: 38"),
    ):
        (row,) = _rows(ws, 2, s002.PRINTED[key]["name"])
        assert ws.cell(row, 3).value == stored, key


# --- 003 --------------------------------------------------------------------------------


def test_003_summary_statuses_are_the_reports_counts(books) -> None:
    ws = books["003"][s003.SHEET]
    assert [ws.cell(3, c).value for c in range(1, 8)] == list(s003.HEADER)
    statuses = Counter(ws.cell(r, 6).value for r in range(4, ws.max_row + 1))
    box = s003.COUNTS["RAG ratings of the Key Performance Indicators (KPIs) for this quarter"]
    assert ws.max_row - 3 == box["of"] == 34
    for status in ("Green", "Amber", "Red"):
        assert statuses[status] == box[status][0]
    reds = sorted(
        ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 6).value == "Red"
    )
    assert reds == sorted(s003.PRINTED_CODES)
    (communal,) = _rows(ws, 2, s002.PRINTED["HC12"]["name"])
    assert ws.cell(communal, 5).value is None and ws.cell(communal, 6).value == "No Data"


def test_003_printed_figures_are_in_the_summary(books) -> None:
    ws = books["003"][s003.SHEET]
    for code in ("RKK17", "TL02"):
        (row,) = _rows(ws, 1, code)
        assert shown(ws.cell(row, 5)) == s003.PRINTED[code]["values"]["Q1 2024/25"]
    (row,) = _rows(ws, 1, "RKK17")
    assert shown(ws.cell(row, 3)) == s003.PRINTED["RKK17"]["target"] == "10%"
    (row,) = _rows(ws, 1, "TM04")
    assert ws.cell(row, 5).value < ws.cell(row, 4).value  # "decreased from the previous quarter"


def test_003_statuses_follow_a_5_percent_tolerance_except_where_the_council_differs(books):
    ws = books["003"][s003.SHEET]
    by_code = {item["code"]: item for item in s003.SUMMARY}
    rated = 0
    for r in range(4, ws.max_row + 1):
        code, target, actual = ws.cell(r, 1).value, ws.cell(r, 3).value, ws.cell(r, 5).value
        status = ws.cell(r, 6).value
        if status not in ("Green", "Amber", "Red"):
            assert not isinstance(target, (int, float)) or actual is None, code
            continue
        rated += 1
        rule = _rag(actual, target, by_code[code]["polarity"])
        if code in s003.RATING_DIFFERS:
            assert (rule, status) == ("Amber", "Red"), code
        else:
            assert rule == status, (code, actual, target, status)
    assert rated == 30


def test_003_shares_are_the_counts_of_34_to_a_point() -> None:
    box = s003.COUNTS["RAG ratings of the Key Performance Indicators (KPIs) for this quarter"]
    for status in ("Green", "Amber", "Red"):
        count, share = box[status]
        assert abs(100 * count / box["of"] - int(share.rstrip("%"))) < 1, status


# --- 004 --------------------------------------------------------------------------------


def _row_of(ws: Worksheet, key: str) -> int:
    entry = s004.PRINTED[key]
    if "parent" in entry:
        start = _row_of(ws, entry["parent"])
        return next(
            r for r in range(start + 1, ws.max_row + 1) if ws.cell(r, 3).value == entry["name"]
        )
    if entry["ref"]:
        return _rows(ws, 2, entry["ref"])[0]
    return _rows(ws, 3, entry["name"])[0]


def _tracker_text(entry: dict, field: str, period: str | None = None) -> str | None:
    read = entry.get("read_as", {})
    if period is None:
        return read.get(field, entry.get(field))
    return read.get(field, {}).get(period, entry.get(field, {}).get(period))


def _layout(ws: Worksheet, row: int) -> dict[str, int]:
    """Field -> column for the table a row is in (its header is the nearest above)."""
    header = max(r for r in _rows(ws, 3, "Description of Performance Indicator") if r < row)
    chunk = next(
        c
        for c in s004.CHUNKS
        if c[0] == ws.title
        and [h for h, _ in c[2]] == [ws.cell(header, col).value for col in range(1, len(c[2]) + 1)]
    )
    return {field: col for col, (_, field) in enumerate(chunk[2], start=1)}


def test_004_at_least_40_indicators_and_every_one_the_brief_names() -> None:
    rows = [k for k, e in s004.PRINTED.items() if "parent" not in e or k == "STP36 Corby"]
    assert len(rows) >= 40
    named = (
        "STP15",
        "STP16",
        "STP17",
        "STP29",
        "STP30",
        "STP31",
        "GSE06",
        "GSE07",
        "MPS05",
        "MPS04",
        "AFL22",
        "BBF02",
        "AFL20",
        "AFL21",
        "BBF01",
        "BBF03",
        "BBF04",
        "AFL23",
        "AFL13",
        "AFL14",
        "AFL15",
        "AFL17",
        "AFL18",
        "AFL24",
        "STP38",
        "STP12",
        "STP36",
        "STP37a",
        "STP37b",
        "STP08",
        "STP04",
        "STP05",
        "STP39",
        "STP40",
        "BBF05",
        "BBF06",
        "BBF07",
        "BBF08",
        "BBF09",
        "BBF27",
        "BBF28",
        "BBF29",
        "BBF12",
        "BBF13",
        "BBF34",
        "BBF35",
        "BBF22",
        "BBF32",
        "BBF33",
        "BBF36",
        "MPS21",
        "AFL04",
        "AFL05",
        "AFL06",
        "AFL07",
        "AFL08",
    )
    assert set(named) | {"rough sleepers", "ST-MAX", "STP36 Corby"} <= set(s004.PRINTED)
    for parent in ("STP29", "STP30", "STP31"):
        assert [k for k, e in s004.PRINTED.items() if e.get("parent") == parent] == [
            f"{parent} P{n}" for n in range(1, 5)
        ]


def test_004_sheets_titles_and_headers_as_printed(books) -> None:
    wb = books["004"]
    assert wb.sheetnames == list(s004.SHEETS)
    for sheet in s004.SHEETS:
        ws = wb[sheet]
        chunks = [c for c in s004.CHUNKS if c[0] == sheet]
        headers = _rows(ws, 3, "Description of Performance Indicator")
        assert len(headers) == len(chunks)
        for row, (_, title, header, section, _items) in zip(headers, chunks, strict=True):
            assert ws.cell(row - 1, 1).value == title
            assert f"A{row - 1}:{get_column_letter(len(header))}{row - 1}" in (_merged(ws))
            assert [ws.cell(row, c).value for c in range(1, len(header) + 1)] == [
                h for h, _ in header
            ]
            if section:
                assert ws.cell(row + 1, 1).value == section
    finance = _header_cols(wb["Finance Services"], 2)
    assert "Ref No." not in finance and "Quarter 1" in finance and "July 2022/23" in finance
    assert "Polarity" not in _header_cols(wb["Customer & Governance"], 2)


def test_004_cells_show_what_the_report_prints(books) -> None:
    wb = books["004"]
    for key, entry in s004.PRINTED.items():
        ws = wb[entry["sheet"]]
        row = _row_of(ws, key)
        cols = _layout(ws, row)
        for period in s004.PERIODS[entry["sheet"]]:
            assert shown(ws.cell(row, cols[period])) == (
                _tracker_text(entry, "values", period) or ""
            ), (key, period)
            below = _tracker_text(entry, "second_line", period)
            if below:
                assert shown(ws.cell(row + 1, cols[period])) == below, (key, period)
        assert ws.cell(row, cols["arrow"]).value == entry["arrow"], key
        if "parent" not in entry:
            for field in ("ref", "name", "statutory", "benchmark", "polarity", "comment"):
                # a cell merged up into the row above (AFL21's comment) shows that row's text
                up = field in s004.MERGED_UP.get(key, ())
                assert (ws.cell(row - up, cols[field]).value or "") == _tracker_text(
                    entry, field
                ), (key, field)
            for field in ("target", "tolerance"):
                assert shown(ws.cell(row, cols[field])) == _tracker_text(entry, field), (key, field)
        assert ws.cell(row, cols["chart"]).value is None


def test_004_values_stored_as_excel_stores_them(books) -> None:
    wb = books["004"]

    def cell(key: str, period: str, below: bool = False) -> Cell:
        ws = wb[s004.PRINTED[key]["sheet"]]
        row = _row_of(ws, key)
        return ws.cell(row + below, _layout(ws, row)[period])

    stp15 = cell("STP15", "YTD 2023-24")
    assert (stp15.value, stp15.number_format) == (0.8824, "0.00%")
    assert cell("STP15", "YTD 2023-24", below=True).value == "15 out of 17"
    money = cell("MPS05", "July 2022", below=True)
    assert money.value == 21449387.58 and money.number_format.startswith('"£"#,##0.00')
    days = cell("STP37a", "YTD 2023-24")
    assert (days.value, days.number_format) == (59.5, '0.0 "days"')
    assert cell("STP37a", "YTD 2022-23").value == "New KPI for 2023-24"
    assert cell("GSE06", "July 2023").value == "n/a reported Quarterly"
    assert cell("AFL04", "July 2023").value == "N/A Reporting one month in arrears"
    assert cell("STP31 P4", "YTD 2023-24").value == "76.07% (1809 out of 2037)"
    assert cell("AFL22", "Q4 2022-23").value == "64.5% (Jan-Mar 2023) 300 out of 465"
    assert cell("MPS05", "YTD 2023-24").value == (
        "38.60% (YTD) 101.58% achieved of the target (38.00%)"
    )
    stp39 = cell("STP39", "July 2023")
    assert (stp39.value, stp39.number_format) == (1266, "#,##0")
    assert cell("STP38", "Q1 2023-24").value == 96.37  # printed bare beside 96.37%


def test_004_stp29_to_31_merged_over_parent_and_p_rows(books) -> None:
    ws = books["004"]["Place & Economy"]
    merged = _merged(ws)
    for parent, (keys, fields) in s004.GROUPS.items():
        if parent == "STP36":
            continue
        first = _row_of(ws, parent)
        cols = _layout(ws, first)
        assert [_row_of(ws, k) for k in keys] == list(range(first, first + 5))
        expected = {
            "commitment",
            "ref",
            "statutory",
            "benchmark",
            "polarity",
            "tolerance",
            "comment",
        } | ({"target"} if parent != "STP31" else set())
        assert set(fields) == expected
        for field, col in cols.items():
            letter = ws.cell(first, col).column_letter
            assert (f"{letter}{first}:{letter}{first + 4}" in merged) == (field in expected), (
                parent,
                field,
            )
        if parent == "STP31":
            for k, key in enumerate(keys):
                assert shown(ws.cell(first + k, cols["target"])) == s004.PRINTED[key]["target"]
    assert shown(ws.cell(_row_of(ws, "STP31 P1"), _layout(ws, first)["target"])) == "97.5%"


def test_004_kettering_and_corby_voids_share_their_merged_cells(books) -> None:
    ws = books["004"]["Adults & Housing"]
    first = _row_of(ws, "STP36")
    assert _row_of(ws, "STP36 Corby") == first + 1
    cols, merged = _layout(ws, first), _merged(ws)
    for field, col in cols.items():
        letter = get_column_letter(col)
        shared = field in s004.GROUPS["STP36"][1]
        assert (f"{letter}{first}:{letter}{first + 1}" in merged) == shared, field
    assert ws.cell(first + 1, cols["statutory"]).value == "No"  # printed on each row


def test_004_ytd_records_as_printed() -> None:
    p = s004.PRINTED
    assert p["STP15"]["ytd"]["2023-24"] == "88.24%"
    assert p["STP15"]["second_line"]["YTD 2023-24"] == "15 out of 17"
    assert p["STP16"]["ytd"]["2023-24"] == "76.00%"
    assert p["STP16"]["second_line"]["YTD 2023-24"] == "95 out of 125"
    assert p["STP30"]["ytd"]["2023-24"] == "6528"
    assert p["AFL13"]["ytd"] == {"2022-23": "255", "2023-24": "99"}
    assert p["AFL17"]["ytd"] == p["rough sleepers"]["ytd"] == {"2022-23": "n/a", "2023-24": "n/a"}
    for key, entry in p.items():
        for year in ("2022-23", "2023-24"):
            if f"YTD {year}" in entry["values"]:
                assert entry["ytd"][year] == entry["values"][f"YTD {year}"], key


def test_004_arrows_decoded_with_a_key_each() -> None:
    for key, entry in s004.PRINTED.items():
        assert entry["arrow"] in ARROWS, key
        assert entry.get("arrow_by_figures", "↑G") in ARROWS, key
        trust = key in ("BBF05", "BBF06", "BBF07", "BBF08", "BBF09", "BBF27")
        assert entry["arrow_key"] == ("children's trust" if trust else "corporate"), key
        if trust:
            assert "(KPI " in entry["ref"] and entry["arrow"] in {"↑G", "→", "↓A"}, key
        if "arrow_by_figures" in entry:
            assert key in s004.NOTES or any(key in e["where"] for e in s004.SEED_ERRORS), key


# --- the records' arithmetic ------------------------------------------------------------


def _pairs(mod) -> list[tuple[str, str, str]]:
    """(key, period, cell text) for every printed percentage with its "x out of y"."""
    found = []
    for key, entry in mod.PRINTED.items():
        values = entry.get("values", {})
        lines = entry.get("second_line", {}) or entry.get("counts", {})
        for period, text in values.items():
            both = f"{text} {lines.get(period, '')}"
            if PAIR.search(both) and re.search(r"\d%", text):
                found.append((key, period, both.strip()))
    return found


@pytest.mark.parametrize("num", ["000", "001", "004"])
def test_counts_agree_with_their_percentages_except_the_seed_errors(num: str) -> None:
    mod = SEEDS[num]
    pairs = _pairs(mod)
    assert pairs or num == "000"
    for key, period, text in pairs:
        printed = Decimal(re.search(r"(\d+(?:\.\d+)?)%", text)[1])
        top, bottom = (int(x.replace(",", "")) for x in PAIR.search(text).groups())
        if bottom == 0:
            continue
        places = Decimal(1).scaleb(printed.as_tuple().exponent)
        agrees = (Decimal(top) * 100 / bottom).quantize(places, ROUND_HALF_UP) == printed
        # a ratio error is listed with its sum first: "1809 / 2037 = 88.81%"
        sums = [
            e["check"]
            for e in mod.SEED_ERRORS
            if e["check"].startswith(f"{top} / {bottom} = ") and f"{printed}%" in e["printed"]
        ]
        listed = bool(sums)
        for check in sums:
            stated = Decimal(re.match(r"[\d ]+/[\d ]+= ([\d.]+)%", check)[1])
            assert (Decimal(top) * 100 / bottom).quantize(Decimal("0.01"), ROUND_HALF_UP) == stated
        assert agrees != listed, (key, period, text)


# --- the records quote the seeds --------------------------------------------------------

SEED_TEXTS = Path(
    os.environ.get(
        "KPIXL_SEED_REPORTS", Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    )
)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"</?(?:b|u|sup|sub|del)>", "", text)).strip()


@pytest.mark.parametrize("num", SEEDS)
def test_sources_are_quoted_from_the_seed_reports(num: str) -> None:
    files = sorted(SEED_TEXTS.glob(f"{num}_*.txt")) if SEED_TEXTS.is_dir() else []
    if not files:
        pytest.skip(f"seed report {num} not found in {SEED_TEXTS} (set KPIXL_SEED_REPORTS)")
    text = _normal(files[0].read_text(encoding="utf-8"))
    mod = SEEDS[num]
    quotes = [e["source"] for e in mod.PRINTED.values()]
    quotes += [s["source"] for e in mod.PRINTED.values() for s in e.get("stated", ())]
    quotes += [e["source"] for e in mod.SEED_ERRORS]
    for quote in quotes:
        assert _normal(quote) in text, quote
    for key, entry in mod.PRINTED.items():
        at = text.index(_normal(entry["source"]))
        near = text[max(0, at - 3000) : at + 8000]
        for value in (*entry.get("values", {}).values(), *entry.get("second_line", {}).values()):
            # cells split over two lines in the text: every word is there
            assert all(word in near for word in _normal(value).split()), (key, value)
