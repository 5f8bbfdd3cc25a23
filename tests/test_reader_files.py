"""Every file problem gets its own exit code and a message that says what to do; the tracker
is never changed; kpixl.toml and the kpixl.conf sheet change the settings; it is fast."""

from __future__ import annotations

import doctest
import io
import os
import shutil
import time
import zipfile
from pathlib import Path

import olefile
import pytest
from openpyxl import Workbook

import kpixl.reader
from kpixl.addin.cfb import write_compound_file
from kpixl.core.errors import FileProblem, KpixlError
from kpixl.core.layout import BadConfig, NoTableFound, tracker_from_sheets
from kpixl.reader import (
    CorruptWorkbook,
    EncryptedWorkbook,
    NotAWorkbook,
    TrackerNotFound,
    WorkbookTooLarge,
    _ole_stream_names,
    load_config,
    read_sheets,
    read_tracker,
    xml_is_defused,
)
from tests.trackers import SAMPLE_TOML, write_housing_plan, write_nnc, write_sample_like

HEADER = ["Ref No.", "Indicator", "Polarity", "Target", "Tolerance", "Apr-24", "May-24"]


def _workbook(path: Path, *sheets: tuple[str, list[list[object]]], hidden: str = "") -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title == hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def _small(path: Path) -> Path:
    return _workbook(path, ("KPIs", [HEADER, ["A1", "Voids", "Lower is better", 10, "", 9, 12]]))


def _problem(path: Path, kind: type[FileProblem], code: int) -> str:
    with pytest.raises(kind) as e:
        read_tracker(path)
    assert e.value.exit_code == code
    assert isinstance(e.value, FileProblem)
    return str(e.value)


def test_reader_doctests():
    assert doctest.testmod(kpixl.reader).failed == 0


def test_defusedxml_guards_openpyxl():
    assert xml_is_defused()


# --- the checks before loading ------------------------------------------------------------


def test_missing_file_and_folder_exit_2(tmp_path: Path):
    msg = _problem(tmp_path / "nope.xlsx", TrackerNotFound, 2)
    assert "Cannot find the tracker" in msg and "nope.xlsx" in msg
    msg = _problem(tmp_path, TrackerNotFound, 2)
    assert "is a folder" in msg


def test_a_csv_tracker_is_read_and_a_binary_csv_is_exit_3(tmp_path: Path):
    p = tmp_path / "tracker.csv"
    p.write_text("Ref No.,Indicator,Target,Apr-24\nA1,Voids,10,12\n", encoding="utf-8")
    t = read_tracker(p)
    assert [(i.ref, i.name, i.target, i.values) for i in t.indicators] == [
        ("A1", "Voids", 10, (12,))
    ]
    p.write_bytes(b"Ref\x00No.\x00\x01\x02")
    msg = _problem(p, NotAWorkbook, 3)
    assert "not a text CSV" in msg and "save as .xlsx" in msg


def test_text_named_xlsx_exit_3(tmp_path: Path):
    p = tmp_path / "tracker.xlsx"
    p.write_text("Ref No.,Indicator\n", encoding="utf-8")
    msg = _problem(p, NotAWorkbook, 3)
    assert "not an Excel workbook" in msg and "save as .xlsx" in msg


def test_empty_file_exit_3(tmp_path: Path):
    p = tmp_path / "tracker.xlsx"
    p.write_bytes(b"")
    assert "empty" in _problem(p, NotAWorkbook, 3)


def test_xls_exit_3(tmp_path: Path):
    # an Excel 97-2003 file is an OLE compound file with a Workbook stream
    data = write_compound_file({"Workbook": b"\x09\x08\x10\x00" + bytes(600)})
    p = tmp_path / "tracker.xls"
    p.write_bytes(data)
    msg = _problem(p, NotAWorkbook, 3)
    assert "Excel 97-2003 workbook (.xls)" in msg and "save as .xlsx" in msg
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_bytes(data)
    assert "renamed to .xlsx" in _problem(renamed, NotAWorkbook, 3)


def _encrypted() -> bytes:
    # what Excel writes for a password-protected .xlsx: EncryptionInfo + EncryptedPackage
    return write_compound_file(
        {
            "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + bytes(200),
            "EncryptedPackage": (5000).to_bytes(8, "little") + os.urandom(5008),
        }
    )


def test_encrypted_exit_4_even_named_xlsx(tmp_path: Path):
    data = _encrypted()
    assert olefile.OleFileIO(io.BytesIO(data)).exists("EncryptedPackage")
    assert "EncryptedPackage" in _ole_stream_names(data)
    for name in ("tracker.xlsx", "tracker.xls"):
        p = tmp_path / name
        p.write_bytes(data)
        msg = _problem(p, EncryptedWorkbook, 4)
        assert "password" in msg and "remove the password" in msg


def test_encrypted_with_a_damaged_directory_still_exit_4(tmp_path: Path):
    data = bytearray(_encrypted())
    data[48:52] = (10_000).to_bytes(4, "little")  # first directory sector: out of range
    p = tmp_path / "tracker.xlsx"
    p.write_bytes(bytes(data))
    _problem(p, EncryptedWorkbook, 4)


def test_xlsb_and_ods_exit_3(tmp_path: Path):
    p = tmp_path / "tracker.xlsb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert ".xlsb" in _problem(p, NotAWorkbook, 3)
    p = tmp_path / "tracker.ods"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in _problem(p, NotAWorkbook, 3)


def test_truncated_zip_exit_5(tmp_path: Path):
    whole = _small(tmp_path / "whole.xlsx").read_bytes()
    p = tmp_path / "tracker.xlsx"
    p.write_bytes(whole[: len(whole) // 2])
    msg = _problem(p, CorruptWorkbook, 5)
    assert "damaged" in msg and "Excel" in msg


def test_zip_without_workbook_part_exit_5(tmp_path: Path):
    p = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("docProps/core.xml", "<x/>")
    assert "xl/workbook.xml" in _problem(p, CorruptWorkbook, 5)


def test_broken_xml_inside_exit_5(tmp_path: Path):
    good = _small(tmp_path / "good.xlsx")
    p = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(p, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off mid-element
            dst.writestr(info, data)
    msg = _problem(p, CorruptWorkbook, 5)
    assert "could not be read" in msg and "save a fresh copy" in msg


def test_xml_entity_bomb_is_refused(tmp_path: Path):
    # "billion laughs": a document type in a part's prolog is refused before any expansion
    good = _small(tmp_path / "good.xlsx")
    p = tmp_path / "tracker.xlsx"
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(p, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = bomb
            dst.writestr(info, data)
    assert "declares a document type or entities" in _problem(p, CorruptWorkbook, 5)


def test_zip_bomb_exit_6(tmp_path: Path):
    good = _small(tmp_path / "good.xlsx")
    p = tmp_path / "tracker.xlsx"
    shutil.copy(good, p)
    with zipfile.ZipFile(p, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/media/image1.bin", bytes(20 * 1024 * 1024))
    assert p.stat().st_size < 200_000
    msg = _problem(p, WorkbookTooLarge, 6)
    assert "zip bomb" in msg and "xl/media/image1.bin" in msg


def test_size_limits_exit_6(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    p = _small(tmp_path / "tracker.xlsx")
    monkeypatch.setattr(kpixl.reader, "MAX_MEMBERS", 3)
    assert "files inside" in _problem(p, WorkbookTooLarge, 6)
    monkeypatch.undo()
    monkeypatch.setattr(kpixl.reader, "MAX_UNCOMPRESSED_BYTES", 2_000)
    assert "would unpack to" in _problem(p, WorkbookTooLarge, 6)
    monkeypatch.undo()
    monkeypatch.setattr(kpixl.reader, "MAX_FILE_BYTES", 1_000)
    assert "over kpixl's limit" in _problem(p, WorkbookTooLarge, 6)


def test_real_trackers_pass_the_limits_comfortably(tmp_path: Path):
    p = write_sample_like(tmp_path / "big.xlsx", repeat=50)  # 5,050 indicators
    with zipfile.ZipFile(p) as z:
        infos = z.infolist()
    total = sum(i.file_size for i in infos)
    worst = max(i.file_size / max(i.compress_size, 1) for i in infos)
    assert p.stat().st_size * 30 < kpixl.reader.MAX_FILE_BYTES
    assert total * 20 < kpixl.reader.MAX_UNCOMPRESSED_BYTES
    assert worst * 10 < kpixl.reader.MAX_RATIO
    assert len(infos) * 100 < kpixl.reader.MAX_MEMBERS


def test_no_kpi_table_exit_7(tmp_path: Path):
    p = _workbook(
        tmp_path / "notes.xlsx",
        ("Notes", [["Meeting notes"], ["Action", "Owner", "Due"]]),
        ("Lists", [["Red", "Amber", "Green"]]),
    )
    msg = _problem(p, NoTableFound, 7)
    # each sheet searched, the headings seen and what kpixl made of them, and what to add
    assert 'Sheet "Notes", row 2: "Action" (not known), "Owner" = owner, "Due" (not known)' in msg
    assert 'Sheet "Lists"' in msg
    assert '"Action" = "name"' in msg
    assert "notes.xlsx" in msg and "KPI Description" in msg and "Ref No." in msg


# --- reading ---------------------------------------------------------------------------


def test_reading_never_changes_the_tracker_or_its_folder(tmp_path: Path):
    p = write_nnc(tmp_path / "nnc.xlsx")
    os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_size)
    listing = sorted(os.listdir(tmp_path))
    t = read_tracker(p)
    assert len(t.indicators) == 10
    assert (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_size) == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_hidden_sheets_are_skipped_but_a_hidden_conf_sheet_is_read(tmp_path: Path):
    p = _workbook(
        tmp_path / "t.xlsx",
        ("KPIs", [HEADER, ["A1", "Voids", "Lower is better", 10, "", 9, 12]]),
        ("Old", [HEADER, ["Z9", "Old one", "Lower is better", 10, "", 1, 1]]),
        ("kpixl.conf", [["Default tolerance", "10%"]]),
        hidden="Old",
    )
    wb = __import__("openpyxl").load_workbook(p)
    wb["kpixl.conf"].sheet_state = "hidden"
    wb.save(p)
    sheets = read_sheets(p)
    assert [(name, s.hidden) for name, s in sheets.items()] == [
        ("KPIs", False),
        ("Old", True),
        ("kpixl.conf", True),
    ]
    t = read_tracker(p)
    assert [i.ref for i in t.indicators] == ["A1"]
    assert t.settings.default_tolerance.amount == 0.1
    assert t.notices == ('Sheet "Old" is hidden and was not read; unhide it to include it.',)


def test_rows_keep_their_sheet_row_numbers(tmp_path: Path):
    p = _workbook(
        tmp_path / "t.xlsx",
        ("KPIs", [[], [], ["Title"], [], HEADER, [], ["A1", "Voids", "Low", 10, "", 9, 12]]),
    )
    t = read_tracker(p)
    assert t.indicators[0].row == 7
    assert t.indicators[0].directorate == "Title"


# --- kpixl.toml and the kpixl.conf sheet ------------------------------------------------


def test_kpixl_toml_beside_the_tracker(tmp_path: Path):
    p = _small(tmp_path / "t.xlsx")
    (tmp_path / "kpixl.toml").write_text(
        '[settings]\ndefault_tolerance = "10%"\nacceptable_range = "2%"\n'
        'reporting_period = "Apr-24"\ncouncil = "Northwold Council"\n'
        'palette = "colour-blind"\ncompare_with = "previous"\n\n'
        '[committees]\n"Cabinet" = 2025-06-03\n',
        encoding="utf-8",
    )
    t = read_tracker(p)
    s = t.settings
    assert (s.default_tolerance.amount, s.acceptable_range) == (0.1, 0.02)
    assert (s.reporting_period, s.council, s.palette) == (
        "Apr-24",
        "Northwold Council",
        "colour-blind",
    )
    assert s.committees == {"Cabinet": "2025-06-03"}
    assert t.indicators[0].committee == "Cabinet"
    assert t.reporting_index() == 0


def test_sample_tracker_toml_with_top_level_keys(tmp_path: Path):
    p = _small(tmp_path / "t.xlsx")
    conf = load_config(SAMPLE_TOML)
    assert conf.settings["council"] == "Northwold Council"
    assert conf.settings["financial_year"] == "2024/25"
    assert len(conf.committees) == 6
    # its reporting period is the sample's own: another tracker says which periods it has
    with pytest.raises(KpixlError, match='no column headed "Mar-25"; the periods are Apr-24'):
        read_tracker(p, config=SAMPLE_TOML)


def test_toml_wins_over_the_conf_sheet(tmp_path: Path):
    p = _workbook(
        tmp_path / "t.xlsx",
        ("KPIs", [HEADER, ["A1", "Voids", "Lower is better", 10, "", 9, 12]]),
        (
            "kpixl.conf",
            [["Setting", "Value"], ["Default tolerance", "10%"], ["Acceptable range", "3%"]],
        ),
    )
    assert read_tracker(p).settings.default_tolerance.amount == 0.1
    cfg = tmp_path / "other.toml"
    cfg.write_text('default_tolerance = "1%"\n', encoding="utf-8")
    s = read_tracker(p, config=cfg).settings
    assert (s.default_tolerance.amount, s.acceptable_range) == (0.01, 0.03)


def test_toml_columns_map_headers(tmp_path: Path):
    p = _workbook(
        tmp_path / "t.xlsx",
        (
            "KPIs",
            [
                ["Code", "KPI Title", "Aim", "Goal", "Apr-24", "Gauge"],
                ["X1", "Things", "Up", 5, 6, None],
            ],
        ),
    )
    (tmp_path / "kpixl.toml").write_text(
        '[columns]\nCode = "ref"\nAim = "polarity"\nGoal = "target"\nGauge = "ignore"\n',
        encoding="utf-8",
    )
    t = read_tracker(p)
    i = t.indicators[0]
    assert (i.ref, i.name, i.polarity, i.target, i.values) == ("X1", "Things", "Up", 5, (6,))
    assert t.unmapped == ()


def test_bad_config_exit_8(tmp_path: Path):
    p = _small(tmp_path / "t.xlsx")
    cfg = tmp_path / "kpixl.toml"
    cfg.write_text("default_tolerance = 10%\n", encoding="utf-8")
    with pytest.raises(BadConfig, match="not valid TOML") as e:
        read_tracker(p)
    assert e.value.exit_code == 8
    cfg.write_text('[settings]\ncolour = "pink"\n', encoding="utf-8")
    with pytest.raises(BadConfig, match=r'kpixl.toml, "\[settings\] colour"'):
        read_tracker(p)
    cfg.write_text('default_tolerance = "5"\n', encoding="utf-8")
    with pytest.raises(BadConfig, match="Check tolerance"):
        read_tracker(p)
    cfg.write_text("[layout]\nx = 1\n", encoding="utf-8")
    with pytest.raises(BadConfig, match=r"unknown table \[layout\]"):
        read_tracker(p)
    cfg.write_text('[columns]\nCode = "wibble"\n', encoding="utf-8")
    with pytest.raises(BadConfig, match="wibble"):
        read_tracker(p)
    with pytest.raises(BadConfig, match="Cannot find the settings file"):
        read_tracker(p, config=tmp_path / "missing.toml")


# --- speed ------------------------------------------------------------------------------


def test_a_5000_indicator_tracker_reads_in_seconds(tmp_path: Path):
    p = write_sample_like(tmp_path / "big.xlsx", repeat=50)
    start = time.perf_counter()
    sheets = read_sheets(p)
    read = time.perf_counter() - start
    t = tracker_from_sheets(sheets, source=p.name)
    total = time.perf_counter() - start
    print(f"\n5,050 indicators x 30 columns: read {read:.2f} s, read and mapped {total:.2f} s")
    assert len(t.indicators) == 5050 and t.unmapped == ()
    assert total < 5.0


def test_housing_plan_reads_from_file_the_same_as_from_values(tmp_path: Path):
    p = write_housing_plan(tmp_path / "plan.xlsx")
    from_file = read_tracker(p)
    from_values = tracker_from_sheets(read_sheets(p), source="plan.xlsx")
    assert from_file.indicators == from_values.indicators
