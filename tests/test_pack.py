"""The committee pack of the bundled tracker, read back as a user's Excel would."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import kpixl
from kpixl.cli import main
from kpixl.committee import make_pack
from kpixl.core.model import NOT_RATED, rate_tracker
from kpixl.pack import FIRST_TABLE_ROW, PALETTES
from kpixl.reader import read_tracker
from kpixl.samples import tracker_from_source
from tests.conftest import soffice_or_skip

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"
SNAPSHOT = ROOT / "tests" / "snapshots" / "sample_pack.txt"
DAY = dt.date(2025, 4, 14)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack") / "pack.xlsx"
    result = make_pack(TRACKER, out, produced=DAY)
    return result, openpyxl.load_workbook(out)


def _rows_by_ref(ws) -> dict[str, list]:
    header = [c.value for c in ws[FIRST_TABLE_ROW]]
    out = {}
    for row in ws.iter_rows(min_row=FIRST_TABLE_ROW + 1):
        values = [c for c in row]
        if values[0].value and values[1].value and header[0] == "Ref":
            out[values[0].value] = dict(zip(header, values, strict=False))
    return out


def test_reader_gives_the_source_rows(built):
    tracker = read_tracker(TRACKER)
    source = tracker_from_source()
    assert [i.ref for i in tracker.indicators] == [i.ref for i in source.indicators]

    def figure(x):  # the reader knows each number's format: 0.902 in a % cell is a Value
        return x.value if isinstance(x, kpixl.Value) else x

    for got, want in zip(tracker.indicators, source.indicators, strict=True):
        assert [figure(v) for v in got.values] == list(want.values), got.ref
        assert (figure(got.target), figure(got.tolerance), got.polarity, got.method) == (
            want.target,
            want.tolerance,
            want.polarity,
            want.method,
        ), got.ref
        percent = [isinstance(v, kpixl.Value) and v.percent for v in got.values]
        typed = [isinstance(v, float) and v <= 1.5 for v in want.values]
        if got.unit == "%" and any(typed):  # the sample's percentages arrive as percentages
            assert any(percent), got.ref


def test_statuses_arrows_and_ytds_are_the_cores(built):
    _, wb = built
    core = {r.indicator.ref: r for r in rate_tracker(tracker_from_source())}
    seen = 0
    for ws in wb.worksheets[3:]:
        for ref, cells in _rows_by_ref(ws).items():
            r = core[ref]
            assert cells["Status"].value == (str(r.status) if r.status else NOT_RATED), ref
            assert (cells["Direction of travel"].value or "") == (str(r.direction or "")), ref
            ytd = cells["Year to date 2024/25"].value
            if r.ytd is None:
                assert ytd in (None, ""), ref
            else:
                assert ytd == pytest.approx(r.ytd), ref
            seen += 1
    assert seen == len(core) == 101
    afl13 = _rows_by_ref(wb["Housing & Communities OSC"])["AFL13"]
    assert afl13["Year to date 2024/25"].value == 260  # the sum of its twelve months


def test_formats_fills_print_settings_and_panes(built):
    _, wb = built
    assert wb.sheetnames[:3] == ["Summary", "Exceptions", "Trend data"]
    assert wb["Trend data"].sheet_state == "hidden"
    ws = wb["Housing & Communities OSC"]
    rows = _rows_by_ref(ws)
    green = PALETTES["standard"][kpixl.Status.GREEN][0].lstrip("#")
    red = PALETTES["standard"][kpixl.Status.RED][0].lstrip("#")
    assert rows["AFL13"]["Status"].fill.fgColor.rgb.endswith(green)
    assert rows["HME04"]["Status"].fill.fgColor.rgb.endswith(red)
    assert rows["HME06"]["Mar-25"].number_format == "0.0%"
    assert rows["STP37a"]["Mar-25"].number_format == '#,##0.00" days"'
    assert rows["AFL13"]["Mar-25"].number_format == "#,##0"
    assert rows["AFL13"]["Direction of travel"].font.color.rgb.endswith("00863D")  # ↑G green
    assert ws.freeze_panes == f"C{FIRST_TABLE_ROW + 1}"
    assert ws.page_setup.orientation == "landscape"
    # a fixed scale, not Fit-to (which would ignore the manual breaks between sections)
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert 10 <= int(ws.page_setup.scale) < 100
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "a 39-indicator sheet prints on several pages"
    # each break falls just above a section title (openpyxl's ids count rows from 1, 0-based)
    assert all(ws.cell(b + 1, 1).value and ws.cell(b + 1, 2).value is None for b in breaks), breaks
    assert ws.print_title_rows == f"${FIRST_TABLE_ROW}:${FIRST_TABLE_ROW}"
    assert "Page &P of &N" in ws.oddFooter.center.text
    for sheet in wb.worksheets:
        if sheet.title != "Trend data":
            assert sheet.page_setup.orientation == "landscape", sheet.title


def test_last_years_ytd_is_a_figure_in_its_own_format(built):
    """The tracker's own "Year to Date 2023/24" cells, formatted as Excel formats them,
    print as figures (97.4%, 241); text is kept as typed (59.5 days)."""
    _, wb = built
    rows = _rows_by_ref(wb["Housing & Communities OSC"])
    source = {r.ref: r for r in tracker_from_source().indicators}
    for ref, shown, fmt in (
        ("HME01", 0.974, "0.0%"),
        ("HME04", 0.049, "0.0%"),
        ("AFL13", 241, "#,##0"),
    ):
        cell = rows[ref]["Year to date 2023/24"]
        assert cell.value == pytest.approx(shown), (ref, cell.value, source[ref].last_year_ytd)
        assert cell.number_format == fmt, ref
    assert rows["STP37a"]["Year to date 2023/24"].value == "59.5 days"
    for ws in wb.worksheets:  # no object's repr ever reaches a cell
        for row in ws.iter_rows():
            for c in row:
                assert not (isinstance(c.value, str) and "Value(" in c.value), (ws.title, c)


def test_x_out_of_y_under_percentages(built):
    _, wb = built
    ws = wb["Housing & Communities OSC"]
    header = [c.value for c in ws[FIRST_TABLE_ROW]]
    col = header.index("Mar-25")
    for row in ws.iter_rows(min_row=FIRST_TABLE_ROW + 1):
        if row[0].value == "STP08":
            below = ws.cell(row=row[0].row + 1, column=col + 1).value
            assert below == "7,901 out of 7,915"
            return
    pytest.fail("STP08 not found")


def test_values_only_and_commentary_stays_text(built):
    result, wb = built
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula"
    gse07 = _rows_by_ref(wb["Strategic Planning & Env OSC"])["GSE07"]
    assert gse07["Comments"].value.startswith("- awaiting validated figures")
    import zipfile

    with zipfile.ZipFile(result.xlsx) as z:
        names = z.namelist()
    assert not any("vbaProject" in n or "externalLink" in n for n in names)


def test_summary_counts_as_003_writes_them(built):
    result, wb = built
    ws = wb["Summary"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    s = result.pack.summary
    assert f"{s.share('Green'):.0%} ({s.count('Green')}) of {s.total}" in texts
    assert any(t.startswith("All committees:") and "were rated Green" in t for t in texts)
    assert ws._charts, "the summary has a chart"


def test_exceptions_list_every_red_with_commentary(built):
    result, wb = built
    ws = wb["Exceptions"]
    refs = [ws.cell(row=r, column=2).value for r in range(7, ws.max_row + 1)]
    reds = [r.indicator.ref for r in result.ratings if r.status is kpixl.Status.RED]
    assert reds and all(ref in refs for ref in reds)
    problems = [r.indicator.ref for r in result.ratings if r.status is None]
    assert set(problems) == {"HME01", "AM07", "CS01", "KI 20"}
    assert all(ref in refs for ref in problems)


def test_snapshot_of_the_table_model():
    tracker = read_tracker(TRACKER)
    result_lines = []
    from kpixl.core.tables import build_pack

    pack = build_pack(tracker, rate_tracker(tracker), produced="14 April 2025")
    for table in pack.tables:
        result_lines.append(f"== {table.sheet} ({table.meeting}) {table.summary.text('Green')}")
        for row in table.rows:
            if row.kind == "section":
                result_lines.append(f"-- {row.label}")
            else:
                cells = dict(zip((c.key for c in table.columns), row.cells, strict=True))
                shown = [
                    cells[k].value
                    for k in ("ref", "p11", "ytd", "direction", "target", "tolerance", "status")
                ]
                result_lines.append(
                    " | ".join(f"{v:.6g}" if isinstance(v, float) else str(v) for v in shown)
                )
    # the other sheets, as the model words them: every label, share and colour key
    for sheet, listings in (
        ("Summary", pack.summary_sheet),
        ("Exceptions", pack.exceptions_sheet),
        ("Delivery plan", pack.plan),
    ):
        for listing in listings:
            result_lines.append(f"== {sheet}: {listing.title} [{listing.note}]")
            result_lines.append(" | ".join(c.header for c in listing.columns))
            for row in listing.rows:
                result_lines.append(
                    " | ".join(
                        (f"{c.value:.6g}" if isinstance(c.value, float) else str(c.value or ""))
                        + (f" <{c.status or c.fill}>" if (c.status or c.fill) else "")
                        for c in row.cells
                    )[:300]
                )
            result_lines.extend(f"   {line}" for line in listing.lines)
            if listing.chart is not None:
                result_lines.append(
                    f"   chart {listing.chart.title}: "
                    + "; ".join(f"{s.name} {s.values}" for s in listing.chart.series)
                )
    text = "\n".join(result_lines) + "\n"
    if os.environ.get("KPIXL_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), (
        "the pack model changed; if on purpose, run: make snapshots"
    )


def test_colour_blind_palette(tmp_path):
    result = make_pack(TRACKER, tmp_path / "cb.xlsx", palette="colour-blind", produced=DAY)
    wb = openpyxl.load_workbook(result.xlsx)
    rows = _rows_by_ref(wb["Housing & Communities OSC"])
    assert rows["AFL13"]["Status"].fill.fgColor.rgb.endswith("009E73")
    assert rows["AFL13"]["Status"].value == "Green"  # the word is always there


def test_never_touches_the_tracker_and_refuses_to_overwrite(tmp_path):
    tracker = tmp_path / "tracker.xlsx"
    shutil.copyfile(TRACKER, tracker)
    before = (tracker.read_bytes(), tracker.stat().st_mtime_ns)
    assert main(["pack", str(tracker), "-o", str(tracker), "-q"]) == 9
    other = tmp_path / "someone_elses.xlsx"
    other.write_bytes(b"not kpixl's")
    assert main(["pack", str(tracker), "-o", str(other), "-q"]) == 9
    assert other.read_bytes() == b"not kpixl's"
    assert main(["pack", str(tracker), "-q"]) == 0  # default: beside the tracker
    assert main(["pack", str(tracker), "-q"]) == 0  # a pack kpixl wrote may be replaced
    assert (tracker.read_bytes(), tracker.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kpixl")] == []


def test_a_failed_run_leaves_no_file(tmp_path, monkeypatch):
    import kpixl.pack as pack_module

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pack_module, "_listings_sheet", broken)
    out = tmp_path / "pack.xlsx"
    with pytest.raises(RuntimeError):
        make_pack(TRACKER, out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.xlsx", None, 2),
        ("old.xls", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, 3),
        ("data.csv", b"Ref,Target\nA,90%\n", 7),  # read, but no KPI table in it
        ("data.csv", b"\x00\x01binary", 3),
        ("broken.xlsx", b"PK\x03\x04 truncated", 5),
    ],
)
def test_file_problems_have_exit_codes(tmp_path, capsys, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["pack", str(path), "-o", str(tmp_path / "out.xlsx")]) == code
    err = capsys.readouterr().err
    assert err.startswith("kpixl: ") and "Traceback" not in err
    assert not (tmp_path / "out.xlsx").exists()


def test_unreadable_row_does_not_stop_the_pack(built):
    _, wb = built
    row = _rows_by_ref(wb["Corporate O&S Committee"])["KI 20"]
    assert row["Status"].value == NOT_RATED
    assert row["Comments"].value.startswith('Data problem: Check tolerance: cannot read "85-"')


def test_pdf_of_the_pack(tmp_path):
    soffice_or_skip()
    result = make_pack(TRACKER, tmp_path / "pack.xlsx", pdf=True, produced=DAY)
    assert result.pdf is not None and result.pdf.exists()
    info = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True, check=True)
    pages = int(next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages:")).split()[1])
    sheets = len(result.pack.tables) + 2
    assert sheets <= pages <= 3 * sheets  # every sheet fits one page wide
    assert "841.89 x 595.3" in info.stdout  # A4 landscape
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(result.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Northwold Council" in first and "Summary of performance" in first
    assert "Reporting period: Mar-25" in first
    assert "All committees" in first


def test_quarterly_indicators_report_their_latest_quarter(tmp_path):
    result = make_pack(TRACKER, tmp_path / "aug.xlsx", period="Aug-24", produced=DAY)
    by_ref = {r.indicator.ref: r for r in result.ratings}
    afl21 = by_ref["AFL21"]  # quarterly: in an August pack it reports the June quarter
    assert afl21.indicator.frequency == "Quarterly"
    assert afl21.period is not None and result.pack.period == "Aug-24"
    assert afl21.status is not None and afl21.status.rated
    assert afl21.value.value is not None
    assert by_ref["AFL13"].value.value == 18  # monthly: August itself


def test_the_key_follows_the_acceptable_range_setting(tmp_path):
    from dataclasses import replace

    tracker = read_tracker(TRACKER)
    wider = replace(tracker, settings=tracker.settings.updated(acceptable_range="10%"))
    for t, words in ((tracker, "within 5% of the last period"), (wider, "within 10% of")):
        result = make_pack(t, tmp_path / f"{words[7:9]}.xlsx", produced=DAY)
        ws = openpyxl.load_workbook(result.xlsx, rich_text=True)["Summary"]
        arrows = "".join(str(part) for part in ws.cell(row=5, column=1).value)
        scheme = str(ws.cell(row=6, column=1).value)  # the scheme's own words
        assert "↑G" in arrows and words in scheme
