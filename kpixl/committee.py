"""The committee-pack job: a tracker (a file, or already in memory) to the pack workbook
and, on request, its PDF. The command line and the ribbon button both call this.

>>> result = make_pack("workbooks/sample_tracker.xlsx", "out/pack.xlsx")  # doctest: +SKIP
>>> result.counts["Green"]  # doctest: +SKIP
59
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .core import Settings
from .core.errors import OutputProblem, PdfProblem
from .core.model import Rating, Tracker, rate_tracker, require_periods
from .core.tables import Pack, build_pack
from .pack import write_pack

PACK_MARK = "Written by kpixl"
__all__ = ["PACK_MARK", "OutputProblem", "PackResult", "PdfProblem", "make_pack"]


@dataclass(frozen=True)
class PackResult:
    xlsx: Path
    pdf: Path | None
    pack: Pack
    ratings: list[Rating]

    @property
    def counts(self) -> dict[str, int]:
        return {label: self.pack.summary.count(label) for label in self.pack.summary.labels()}

    def closing_line(self) -> str:
        """What was written and the counts, for the end of a run."""
        s = self.pack.summary
        parts = ", ".join(f"{s.count(label)} {label}" for label in s.labels())
        wrote = str(self.xlsx) + (f" and {self.pdf}" if self.pdf else "")
        a = self.pack.actions
        plan = ""
        if a is not None and a.total:
            counts = ", ".join(f"{a.count(c)} {c}" for c in a.labels() if a.count(c))
            plan = f"; {a.total} delivery-plan actions ({counts})"
        return (
            f"Wrote {wrote}: {len(self.pack.tables)} committee sheets, {s.total} indicators "
            f"for {self.pack.period} ({parts}){plan}."
        )


def default_output(tracker_path: Path, period: str) -> Path:
    """Beside the tracker: ``<tracker> - committee pack <period>.xlsx``."""
    suffix = f" {period}" if period else ""
    return tracker_path.with_name(f"{tracker_path.stem} - committee pack{suffix}.xlsx")


def is_kpixl_pack(path: Path) -> bool:
    """True for a workbook that kpixl wrote (safe to replace with a newer pack)."""
    if not path.is_file():  # a named pipe would wait for a writer; a folder is no pack
        return False
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/core.xml")
            if info.file_size > 1024 * 1024:  # a pack's is a few hundred bytes: not ours
                return False
            return PACK_MARK.encode() in z.read(info)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return False


def make_pack(
    tracker: Tracker | str | Path,
    out: str | Path | None = None,
    *,
    pdf: bool = False,
    period: str | None = None,
    palette: str | None = None,
    status_codes: bool | None = None,
    config: str | Path | None = None,
    force: bool = False,
    produced: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> PackResult:
    """Rate the tracker and write its committee pack (and PDF); return what was written.

    ``tracker`` is a path (read with openpyxl, never modified) or a Tracker already in
    memory (the ribbon passes the open workbook's live values). Both files are written to
    a temporary folder beside the output and moved into place only when both succeeded.
    """
    say = progress or (lambda _: None)
    source: Path | None = None
    if not isinstance(tracker, Tracker):
        from .reader import read_tracker

        source = Path(tracker)
        say(f"Reading {source.name}")
        tracker = read_tracker(source, config=config)
    tracker = _with_options(tracker, period, palette, status_codes)
    require_periods(tracker)
    ratings = rate_tracker(tracker)
    produced = produced or dt.date.today()
    model = build_pack(tracker, ratings, produced=f"{produced.day} {produced:%B %Y}")
    named = source or Path(tracker.source or "tracker.xlsx")
    if out is None:
        if source is None:
            raise OutputProblem("Check output: give a file or folder for the pack")
        out = default_output(source, model.period)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":  # a folder: the pack is named after the tracker
        out = out / default_output(named, model.period).name
    _check_output(out, source, force)
    tell = _heard(say)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".kpixl-", dir=out.parent) as tmp:
            tmp_xlsx = Path(tmp) / out.name
            write_pack(model, tmp_xlsx, progress=tell)
            tmp_pdf = None
            if pdf:
                tell("Writing the PDF with LibreOffice")
                tmp_pdf = _to_pdf(tmp_xlsx)
            os.replace(tmp_xlsx, out)
            pdf_path = None
            if tmp_pdf is not None:
                pdf_path = out.with_suffix(".pdf")
                os.replace(tmp_pdf, pdf_path)
    except _Unheard as e:
        raise e.error from None  # the progress output closed or full: the caller's to handle
    except OSError as e:
        raise OutputProblem(
            f"Check output: cannot write the pack to {out.parent} ({_why(e)}); give a folder "
            "you may write to."
        ) from None
    return PackResult(out, pdf_path, model, ratings)


class _Unheard(Exception):
    """The progress callback failed (stdout closed, disk full): not the pack's folder."""

    def __init__(self, error: OSError) -> None:
        self.error = error


def _heard(say: Callable[[str], None]) -> Callable[[str], None]:
    def tell(message: str) -> None:
        try:
            say(message)
        except OSError as e:
            raise _Unheard(e) from e

    return tell


def _why(e: OSError) -> str:
    """An OSError in words: "permission denied", "the disk is full"…"""
    words = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "a folder is in the way",
        errno.ENOTDIR: "a file is in the way",
    }
    return words.get(e.errno or 0, (e.strerror or "cannot write").lower())


def _with_options(
    tracker: Tracker, period: str | None, palette: str | None, codes: bool | None
) -> Tracker:
    changes: dict[str, object] = {}
    if period:
        changes["reporting_period"] = period
    if palette:
        changes["palette"] = palette
    if codes is not None:
        changes["status_codes"] = "yes" if codes else "no"
    if not changes:
        return tracker
    settings: Settings = tracker.settings.updated(**changes)
    return replace(tracker, settings=settings)


def _check_output(out: Path, source: Path | None, force: bool) -> None:
    """Refuse an output kpixl must not write: the tracker, a file kpixl did not write (unless
    forced), a folder or a named pipe in its place, or a path under a file."""
    if source is not None and out.resolve() == source.resolve():
        raise OutputProblem(
            f"Check output: {out.name} is the tracker itself; kpixl never writes over a "
            "tracker. Give the pack another name."
        )
    try:
        mode: int | None = out.stat().st_mode  # stat, never open (a named pipe would wait)
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        mode = None  # a file where a folder should be: named below
    except OSError as e:
        raise OutputProblem(f"Check output: cannot use {out} ({_why(e)}).") from None
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise OutputProblem(
                f"Check output: {out} is a folder; give the pack a file name, or the folder "
                "without .xlsx to write the pack inside it."
            )
        if not stat.S_ISREG(mode):
            kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "not a regular file"
            raise OutputProblem(f"Check output: {out} is {kind}; give the pack another name.")
        if not force and not is_kpixl_pack(out):
            raise OutputProblem(
                f"Check output: {out} exists and is not a pack kpixl wrote; give another "
                "name, or add --force to replace it."
            )
    folder = out.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest part of the path that is there
    if folder.exists() and not folder.is_dir():
        raise OutputProblem(
            f"Check output: {folder} is not a folder, so the pack cannot be written under "
            "it; give a folder."
        )


def _to_pdf(xlsx: Path) -> Path:
    from .office import OfficeError
    from .office.pdf import to_pdf

    try:
        return to_pdf(xlsx, xlsx.with_suffix(".pdf"))
    except OfficeError as e:
        raise PdfProblem(f"PDF not written: {e}") from e
