"""Workbook to PDF with headless LibreOffice, honouring the workbook's own print settings.

Orientation, paper, fit-to-pages, print titles and print areas come from the workbook (as
XlsxWriter's ``set_landscape()``, ``fit_to_pages(1, 0)``, ``repeat_rows(0)`` write them):
nothing here overrides them. Cached formula values are printed as stored, so a pack written
with values beside its ``=KPI_RAG(...)`` formulas prints those values, not ``#NAME?``.

>>> from kpixl.office.pdf import to_pdf                  # doctest: +SKIP
>>> to_pdf("out/pack.xlsx", "out/pack.pdf")              # doctest: +SKIP
PosixPath('out/pack.pdf')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kpixl.office import OfficeError
from kpixl.office._soffice import find_soffice, output_tail, run_killing_group, throwaway_profile

__all__ = ["find_soffice", "to_pdf"]


def to_pdf(
    xlsx_path: str | os.PathLike[str],
    pdf_path: str | os.PathLike[str],
    timeout: float = 120,
) -> Path:
    """Convert a workbook to PDF with LibreOffice and return the PDF's path.

    The PDF appears at ``pdf_path`` all at once or not at all: LibreOffice writes into a
    private directory beside it and the result is renamed into place, so a failure or a
    timeout never leaves a partial or stale-looking file behind (an existing file is only
    replaced on success).

    Raises FileNotFoundError when the workbook does not exist, and OfficeError when soffice
    is not installed, does not finish within ``timeout`` seconds (it is killed), or writes
    no PDF.

    >>> to_pdf("pack.xlsx", "pack.pdf")                  # doctest: +SKIP
    PosixPath('pack.pdf')
    """
    source = Path(xlsx_path)
    target = Path(pdf_path)
    if not source.is_file():
        raise FileNotFoundError(f"to_pdf: no workbook at {source}")
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(
            "to_pdf: LibreOffice is not installed (no soffice on PATH); install it "
            "(Debian: apt-get install libreoffice-calc-nogui) or set KPIXL_SOFFICE"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    # The scratch directory sits beside the target so that the final rename stays on one
    # file system and is atomic.
    with (
        throwaway_profile() as profile,
        tempfile.TemporaryDirectory(dir=target.parent, prefix=".kpixl-pdf-") as scratch,
    ):
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:calc_pdf_Export",
            "--outdir",
            scratch,
            str(source.resolve()),
        ]
        done = run_killing_group(command, timeout=timeout, what=f"to_pdf {source}")
        # soffice exits 0 even when it could not load the file, so the only proof of
        # success is a PDF on disk.
        produced = [p for p in Path(scratch).glob("*.pdf") if _looks_like_pdf(p)]
        if len(produced) != 1:
            raise OfficeError(
                f"to_pdf: LibreOffice wrote no PDF for {source} (exit code {done.returncode})"
                + output_tail(done.stdout, done.stderr)
            )
        os.replace(produced[0], target)
    return target


def _looks_like_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"
