"""PDF export through headless LibreOffice: print settings honoured, failures leave no file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import xlsxwriter

from kpixl.office import OfficeError
from kpixl.office.pdf import find_soffice, to_pdf

needs_soffice = pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdfinfo, pdftotext) is not installed",
)

COLUMNS = 22  # too wide for one landscape A4 page at 100%: fit-to-width has to shrink it
ROWS = 140  # about 2.5 pages at the scale that fit-to-width gives: 3 pages, with margin


def write_tracker(path: Path, *, print_settings: bool) -> Path:
    """A wide, long sheet; with ``print_settings`` it asks for landscape, 1 page wide, titles."""
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("KPIs")
    sheet.set_paper(9)  # A4, so page sizes do not depend on the locale's default paper
    if print_settings:
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
    sheet.write_row(0, 0, ["Ref", "Indicator", *(f"Col {i}" for i in range(COLUMNS - 2))])
    for row in range(1, ROWS + 1):
        sheet.write_row(row, 0, [f"K{row:03d}", f"Indicator {row}", *range(COLUMNS - 2)])
    workbook.close()
    return path


def pdf_pages(pdf: Path) -> list[tuple[float, float, str]]:
    """(width, height, text) of each page, from poppler's pdfinfo and pdftotext."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), pdf], capture_output=True, text=True, check=True
    ).stdout
    dims = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes, re.M)
    ]
    texts = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", pdf, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]
    assert len(dims) == count
    return [(w, h, text) for (w, h), text in zip(dims, texts, strict=True)]


@needs_soffice
@needs_poppler
def test_pdf_honours_landscape_fit_to_width_and_print_titles(tmp_path: Path) -> None:
    xlsx = write_tracker(tmp_path / "tracker.xlsx", print_settings=True)
    pdf = to_pdf(xlsx, tmp_path / "out" / "tracker.pdf")

    assert pdf == tmp_path / "out" / "tracker.pdf"
    pages = pdf_pages(pdf)
    assert len(pages) == 3
    for number, (width, height, text) in enumerate(pages, start=1):
        assert width > height, f"page {number} is not landscape"
        assert re.search(r"^\s*Ref\s+Indicator", text, re.M), f"no title row on page {number}"
        assert f"Col {COLUMNS - 3}" in text, f"page {number} lost columns: not 1 page wide"
    refs = [ref for *_, text in pages for ref in re.findall(r"^\s*(K\d{3})\b", text, re.M)]
    assert refs == [f"K{row:03d}" for row in range(1, ROWS + 1)]  # every row once, in order


@needs_soffice
@needs_poppler
def test_without_print_settings_the_same_sheet_prints_differently(tmp_path: Path) -> None:
    # The contrast shows the settings above came from the workbook, not from defaults.
    xlsx = write_tracker(tmp_path / "plain.xlsx", print_settings=False)
    pages = pdf_pages(to_pdf(xlsx, tmp_path / "plain.pdf"))
    assert len(pages) > 3
    assert all(height > width for width, height, _ in pages)
    assert not all(f"Col {COLUMNS - 3}" in text for *_, text in pages)


@needs_soffice
def test_unreadable_input_raises_and_leaves_no_pdf(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-workbook.xlsx"
    bogus.write_bytes(b"PK\x03\x04 this is no zip")
    target = tmp_path / "out.pdf"
    with pytest.raises(OfficeError, match="wrote no PDF"):
        to_pdf(bogus, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-workbook.xlsx"]


@needs_soffice
def test_timeout_kills_and_leaves_no_pdf(tmp_path: Path) -> None:
    xlsx = write_tracker(tmp_path / "tracker.xlsx", print_settings=True)
    with pytest.raises(OfficeError, match="did not finish within"):
        to_pdf(xlsx, tmp_path / "tracker.pdf", timeout=0.2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_missing_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPIXL_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert find_soffice() is None
    xlsx = tmp_path / "tracker.xlsx"
    xlsx.write_bytes(b"")
    with pytest.raises(OfficeError, match="not installed"):
        to_pdf(xlsx, tmp_path / "tracker.pdf")
    assert not (tmp_path / "tracker.pdf").exists()


def test_missing_workbook_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no workbook"):
        to_pdf(tmp_path / "absent.xlsx", tmp_path / "absent.pdf")
