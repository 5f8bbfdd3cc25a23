"""Hostile files and paths through every command, run as a council's machine runs them: a
``kpixl`` process. For every case: the exit code, one to three lines that name the file and
the problem, no traceback, every input byte-identical afterwards and nothing partial left
behind. Every exit code of :class:`kpixl.core.errors.ExitCode` is reached by some case, and
the README's list of codes is the errors module's.

The files are built here, by code, in a temporary folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import stat
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import xlsxwriter

from kpixl.addin.cfb import write_compound_file
from kpixl.core.errors import EXIT_CODES, ExitCode

ROOT = Path(__file__).resolve().parents[1]
KPIXL = [sys.executable, "-m", "kpixl"]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_SKIP = "running as root: chmod 000 does not stop root reading or writing"
SECRET = "kpixl-secret-3f9c1e"  # in a file an external entity points at: must never leak

HEADER = [
    "Ref No.",
    "Indicator",
    "Polarity",
    "Target",
    "Tolerance",
    "Apr-24",
    "May-24",
    "Jun-24",
    "Comments",
]
ROWS: list[list[object]] = [
    ["A1", "Voids", "Lower is better", 10, "", 9, 12, 11, "Improving"],
    ["A2", "Rent collected", "Higher is better", 0.97, "5%", 0.95, 0.96, 0.98, ""],
]


def tracker(path: Path, rows: list[list[object]] | None = None, header: list[str] = HEADER):
    """A small tracker as Excel would save it: text as strings, never as formulas."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    ws = wb.add_worksheet("KPIs")
    ws.write_row(0, 0, header)
    for r, row in enumerate(ROWS if rows is None else rows, 1):
        for c, v in enumerate(row):
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif v is not None:
                ws.write_number(r, c, v)
    wb.close()
    return path


def _with_part(good: Path, out: Path, part: str, data: bytes) -> Path:
    """A copy of a workbook with one part replaced (or added)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info, src.read(info))
        dst.writestr(part, data)
    return out


# --- OLE compound files built by hand (MS-CFB), each hostile in one way --------------------

FREE, END, FATSECT, DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC


def _ole(sectors: list[bytes], fat_at: list[int], first_dir: int, difat: tuple[int, int]):
    """A compound file of 512-byte sectors; ``difat`` is (first DIFAT sector, count)."""
    head = bytearray(512)
    head[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHHH", head, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<II", head, 44, len(fat_at), first_dir)
    struct.pack_into("<I", head, 56, 4096)
    struct.pack_into("<II", head, 60, END, 0)
    struct.pack_into("<II", head, 68, *difat)
    entries = fat_at + [FREE] * (109 - len(fat_at))
    struct.pack_into("<109I", head, 76, *entries)
    return bytes(head) + b"".join(s.ljust(512, b"\0") for s in sectors)


def _sector(*entries: int) -> bytes:
    return struct.pack(f"<{len(entries)}I", *entries).ljust(512, b"\xff")


def _root_entry() -> bytes:
    name = "Root Entry".encode("utf-16-le") + b"\0\0"
    entry = bytearray(128)
    entry[: len(name)] = name
    struct.pack_into("<HBB", entry, 64, len(name), 5, 1)
    return bytes(entry).ljust(512, b"\0")


def ole_difat_loop() -> bytes:
    """The DIFAT sector's next-sector link points at itself; the header claims 2**32 - 1."""
    fat = _sector(FATSECT, DIFSECT, END)
    difat = struct.pack("<127I", *[FREE] * 127) + struct.pack("<I", 1)
    return _ole([fat, difat, _root_entry()], [0], 2, (1, 0xFFFFFFFF))


def ole_difat_growing() -> bytes:
    """Two DIFAT sectors that name each other, every entry the FAT sector again: a reader
    that follows the chain keeps adding FAT sectors until memory runs out."""
    fat = _sector(FATSECT, DIFSECT, DIFSECT, END)
    one = struct.pack("<127I", *[0] * 127) + struct.pack("<I", 2)
    two = struct.pack("<127I", *[0] * 127) + struct.pack("<I", 1)
    return _ole([fat, one, two, _root_entry()], [0], 3, (1, 0xFFFFFFFF))


def ole_directory_loop() -> bytes:
    """The directory's chain comes back to its own sector."""
    fat = _sector(FATSECT, 1)
    return _ole([fat, _root_entry()], [0], 1, (END, 0))


def encrypted() -> bytes:
    """What Excel writes for a password-protected .xlsx: EncryptionInfo, EncryptedPackage."""
    return write_compound_file(
        {
            "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + bytes(200),
            "EncryptedPackage": (5000).to_bytes(8, "little") + os.urandom(5008),
        }
    )


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One command and what it must do."""

    args: list[str]
    code: int
    names: tuple[str, ...]  # the message names one of these (the file, the setting)
    words: tuple[str, ...] = ()  # and says these (the problem)
    quiet: bool = False  # ends with no message at all (a closed pipe)
    stdout: str = "pipe"  # "pipe", "closed" (a pipe whose reader has gone) or a path
    makes: tuple[str, ...] = ()  # files it may leave (a pack written), relative to the case
    replaces: tuple[str, ...] = ()  # files it may change (a pack kpixl wrote, replaced)
    bound: float = 60.0  # seconds: a hang guard
    lines: int = 3  # the most lines the message may take
    env: dict[str, str] = field(default_factory=dict)
    launcher: tuple[str, ...] = tuple(KPIXL)


CASES: dict[str, Callable[[Path], list[Run]]] = {}


def case(fn: Callable[[Path], list[Run]]) -> Callable[[Path], list[Run]]:
    CASES[fn.__name__] = fn
    return fn


def every(path: Path, code: int, words: tuple[str, ...], *names: str, **kw) -> list[Run]:
    """rate, check and pack on one tracker, each to be refused the same way."""
    shown = names or (path.name,)
    return [Run([cmd, str(path)], code, shown, words, **kw) for cmd in ("rate", "check", "pack")]


PACK = "t - committee pack Jun-24.xlsx"


@case
def a_tracker_that_reads(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [
        Run(["rate", str(t)], 0, ()),
        Run(["check", str(t)], 0, ()),
        Run(["pack", str(t)], 0, (), makes=(PACK,)),
        Run(["pack", str(t)], 0, (), replaces=(PACK,)),  # its own pack: replaced in place
    ]


@case
def missing_tracker(d: Path) -> list[Run]:
    return every(d / "nope.xlsx", 2, ("Cannot find",))


@case
def a_folder_where_the_tracker_should_be(d: Path) -> list[Run]:
    (d / "t.xlsx").mkdir()
    return every(d / "t.xlsx", 2, ("is a folder",))


@case
def a_tracker_under_a_file(d: Path) -> list[Run]:
    (d / "notes.txt").write_text("a file, not a folder\n")
    return every(d / "notes.txt" / "t.xlsx", 2, ("Cannot find",), "t.xlsx")


@case
def unreadable_tracker(d: Path) -> list[Run]:
    if AS_ROOT:
        pytest.skip(ROOT_SKIP)
    t = tracker(d / "t.xlsx")
    t.chmod(0)
    return every(t, 5, ("permission",))


@case
def a_fifo_named_xlsx(d: Path) -> list[Run]:
    os.mkfifo(d / "q.xlsx")
    return every(d / "q.xlsx", 3, ("named pipe",), bound=20)


@case
def a_device_named_xlsx(d: Path) -> list[Run]:
    (d / "z.xlsx").symlink_to("/dev/zero")
    return every(d / "z.xlsx", 3, ("device",), bound=20)


@case
def empty_file(d: Path) -> list[Run]:
    (d / "t.xlsx").write_bytes(b"")
    return every(d / "t.xlsx", 3, ("empty",))


@case
def csv_renamed_xlsx(d: Path) -> list[Run]:
    (d / "t.xlsx").write_text("Ref,Indicator,Target\nA1,Voids,10\n")
    return every(d / "t.xlsx", 3, ("not an Excel workbook",))


@case
def xls_workbook(d: Path) -> list[Run]:
    (d / "t.xls").write_bytes(write_compound_file({"Workbook": b"\x09\x08\x10\x00" + bytes(600)}))
    return every(d / "t.xls", 3, (".xls",))


@case
def xlsb_workbook(d: Path) -> list[Run]:
    with zipfile.ZipFile(d / "t.xlsb", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return every(d / "t.xlsb", 3, (".xlsb",))


@case
def encrypted_workbook(d: Path) -> list[Run]:
    (d / "t.xlsx").write_bytes(encrypted())
    return every(d / "t.xlsx", 4, ("password",))


@case
def ole_whose_difat_points_at_itself(d: Path) -> list[Run]:
    (d / "t.xlsx").write_bytes(ole_difat_loop())
    return every(d / "t.xlsx", 5, ("damaged",), bound=10)


@case
def ole_whose_difat_would_grow_memory(d: Path) -> list[Run]:
    (d / "t.xlsx").write_bytes(ole_difat_growing())
    return every(d / "t.xlsx", 5, ("damaged",), bound=10)


@case
def ole_whose_directory_loops(d: Path) -> list[Run]:
    (d / "t.xls").write_bytes(ole_directory_loop())
    return every(d / "t.xls", 5, ("damaged",), bound=10)


@case
def truncated_zip(d: Path) -> list[Run]:
    whole = tracker(d / "whole.xlsx").read_bytes()
    (d / "whole.xlsx").unlink()
    (d / "t.xlsx").write_bytes(whole[: len(whole) // 2])
    return every(d / "t.xlsx", 5, ("damaged",))


@case
def billion_laughs(d: Path) -> list[Run]:
    good = tracker(d / "good.xlsx")
    laughs = "".join(
        f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    part = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{laughs}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    _with_part(good, d / "t.xlsx", "xl/worksheets/sheet1.xml", part)
    good.unlink()
    return every(d / "t.xlsx", 5, ("document type",), bound=20)


@case
def external_entity(d: Path) -> list[Run]:
    secret = d / "secret.txt"
    secret.write_text(SECRET)
    good = tracker(d / "good.xlsx")
    part = (
        f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&x;</t></si></sst>'
    ).encode()
    _with_part(good, d / "t.xlsx", "xl/sharedStrings.xml", part)
    good.unlink()
    return every(d / "t.xlsx", 5, ("document type",))


@case
def zip_bomb(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    with zipfile.ZipFile(t, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/media/image1.bin", bytes(20 * 1024 * 1024))
    return every(t, 6, ("zip bomb",))


@case
def ten_thousand_and_one_parts(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    with zipfile.ZipFile(t, "a") as z:
        for i in range(10_001 - len(z.namelist())):
            z.writestr(f"xl/media/p{i}.bin", b"")
    return every(t, 6, ("10,001 files inside",))


@case
def oversized_file(d: Path) -> list[Run]:
    t = d / "t.xlsx"
    with t.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(101 * 1024 * 1024)  # sparse: no disk is used
    return every(t, 6, ("over kpixl's limit",))


@case
def no_kpi_table(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx", [["Meeting notes"], ["Action", "Owner", "Due"]], ["Notes"])
    # the one long message, by design: each sheet's headings as read, and the [columns]
    # lines to add to kpixl.toml (tests/test_reader_files.py checks its words)
    return every(t, 7, ("KPI",), lines=8)


@case
def huge_figures_in_three_months(d: Path) -> list[Run]:
    # 1E308 as Excel stores it, beside the largest, smallest and subnormal figures: a pack
    # must still be written (XlsxWriter refuses NaN and infinity), every number finite
    rows = [
        ["H1", "Huge", "Higher is better", 10, "", 1e308, 1e308, 1e308, "x"],
        ["H2", "Near the limit", "Higher is better", 1e300, "5%", 1e300, 1e300, 1e300, ""],
        ["H3", "Both ways", "Lower is better", 1e-300, "", -1e300, 1e300, 5e-324, ""],
        ["H4", "Tiny target", "Higher is better", 5e-324, "", 1e-320, 1e300, 1e-320, ""],
        *ROWS,
    ]
    t = tracker(d / "t.xlsx", rows)
    return [
        Run(["rate", str(t)], 0, ()),
        Run(["rate", str(t), "--format", "json"], 0, ()),
        Run(["check", str(t)], 0, ()),
        Run(["pack", str(t), "-o", str(d / "pack.xlsx")], 0, (), makes=("pack.xlsx",)),
    ]


INJECTIONS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example","Click")', "+1+1", "@SUM(1)"]


@case
def formula_injection_in_commentary(d: Path) -> list[Run]:
    rows = [
        [f"F{i}", f"Indicator {i}", "Higher is better", 10, "", 9, 9, 9, text]
        for i, text in enumerate(INJECTIONS)
    ]
    t = tracker(d / "t.xlsx", rows)
    return [Run(["pack", str(t), "-o", str(d / "pack.xlsx")], 0, (), makes=("pack.xlsx",))]


# --- settings files ----------------------------------------------------------------------------


@case
def config_is_a_folder(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    (d / "settings").mkdir()
    return [
        Run([cmd, str(t), "--config", str(d / "settings")], 8, ("settings",), ("folder",))
        for cmd in ("rate", "check", "pack")
    ]


@case
def config_is_missing(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [Run(["rate", str(t), "--config", str(d / "none.toml")], 8, ("none.toml",))]


@case
def config_is_a_fifo(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    os.mkfifo(d / "k.toml")
    return [
        Run([cmd, str(t), "--config", str(d / "k.toml")], 8, ("k.toml",), ("named pipe",), bound=20)
        for cmd in ("rate", "check", "pack")
    ]


@case
def kpixl_toml_beside_is_a_folder(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").mkdir()
    return every(d / "t.xlsx", 8, ("folder",), "kpixl.toml")


@case
def unreadable_kpixl_toml(d: Path) -> list[Run]:
    if AS_ROOT:
        pytest.skip(ROOT_SKIP)
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text('council = "Northwold"\n')
    (d / "kpixl.toml").chmod(0)
    return every(d / "t.xlsx", 8, ("permission",), "kpixl.toml")


@case
def kpixl_toml_nested_50000_deep(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text("council = " + "[" * 50_000 + "]" * 50_000 + "\n")
    return every(d / "t.xlsx", 8, ("too deeply",), "kpixl.toml")


@case
def kpixl_toml_tables_50000_deep(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text("[settings." + ".".join(["a"] * 50_000) + "]\nx = 1\n")
    return every(d / "t.xlsx", 8, ("too deeply",), "kpixl.toml")


@case
def kpixl_toml_not_utf8(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_bytes(b'council = "Northw\xf6ld"\n')
    return every(d / "t.xlsx", 8, ("UTF-8",), "kpixl.toml")


@case
def fy_start_month_1e400(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text("fy_start_month = 1e400\n")
    return every(d / "t.xlsx", 8, ("fy_start_month",), "kpixl.toml")


@case
def max_rows_raised_enough(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text("max_rows = 3\n")  # the header and two indicators
    return [Run(["rate", str(d / "t.xlsx")], 0, ())]


@case
def max_rows_too_low(d: Path) -> list[Run]:
    tracker(d / "t.xlsx")
    (d / "kpixl.toml").write_text("max_rows = 2\n")
    return every(d / "t.xlsx", 6, ("max_rows", "kpixl.toml"))


# --- the output ------------------------------------------------------------------------------


@case
def pack_onto_the_tracker(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [Run(["pack", str(t), "-o", str(t), "--force"], 9, ("t.xlsx",), ("tracker itself",))]


@case
def pack_onto_a_foreign_file(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    tracker(d / "budget.xlsx")
    return [Run(["pack", str(t), "-o", str(d / "budget.xlsx")], 9, ("budget.xlsx",), ("--force",))]


@case
def pack_under_a_file(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    (d / "notes.txt").write_text("a file\n")
    out = d / "notes.txt" / "pack.xlsx"
    return [Run(["pack", str(t), "-o", str(out)], 9, ("notes.txt",), ("not a folder",))]


@case
def pack_onto_a_folder_named_pack_xlsx(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    (d / "pack.xlsx").mkdir()
    out = str(d / "pack.xlsx")
    return [
        Run(["pack", str(t), "-o", out], 9, ("pack.xlsx",), ("folder",)),
        Run(["pack", str(t), "-o", out, "--force"], 9, ("pack.xlsx",), ("folder",)),
    ]


@case
def pack_onto_a_fifo(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    os.mkfifo(d / "pack.xlsx")
    out = str(d / "pack.xlsx")
    return [
        Run(["pack", str(t), "-o", out], 9, ("pack.xlsx",), ("named pipe",), bound=20),
        Run(["pack", str(t), "-o", out, "--force"], 9, ("pack.xlsx",), ("named pipe",), bound=20),
    ]


@case
def pack_into_dev_full(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [Run(["pack", str(t), "-o", "/dev/full"], 9, ("/dev/full",))]


@case
def pack_into_a_read_only_folder(d: Path) -> list[Run]:
    if AS_ROOT:
        pytest.skip(ROOT_SKIP)
    t = tracker(d / "t.xlsx")
    (d / "ro").mkdir()
    (d / "ro").chmod(0o555)
    return [Run(["pack", str(t), "-o", str(d / "ro" / "pack.xlsx")], 9, ("ro",), ("permission",))]


@case
def output_into_a_closed_pipe(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [
        Run([cmd, str(t)], 11, (), quiet=True, stdout="closed") for cmd in ("rate", "check")
    ] + [Run(["pack", str(t), "-o", str(d / "p.xlsx")], 11, (), quiet=True, stdout="closed")]


@case
def output_onto_a_full_disk(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    full = ("standard output", "no space")
    return [
        Run([cmd, str(t)], 11, full[:1], full[1:], stdout="/dev/full") for cmd in ("rate", "check")
    ] + [Run(["pack", str(t), "-o", str(d / "p.xlsx")], 11, full[:1], full[1:], stdout="/dev/full")]


@case
def pdf_not_written(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    fake = d / "soffice"
    fake.write_text("#!/bin/sh\necho 'cannot convert' >&2\nexit 1\n")
    fake.chmod(0o755)
    env = {"KPIXL_SOFFICE": str(fake)}
    out = str(d / "pack.xlsx")
    return [Run(["pack", str(t), "-o", out, "--pdf"], 10, ("PDF",), env=env, bound=120)]


# --- the command line itself -----------------------------------------------------------------


@case
def a_period_that_is_not_a_column(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    return [Run([cmd, str(t), "--period", "Foo-99"], 1, ("Foo-99",)) for cmd in ("rate", "check")]


@case
def wrong_usage(d: Path) -> list[Run]:
    return [
        Run(["rate"], 64, ("kpixl rate",), ("tracker", "--help")),
        Run(["frobnicate", "x.xlsx"], 64, ("frobnicate",), ("--help",)),
    ]


@case
def a_part_not_installed(d: Path) -> list[Run]:
    t = tracker(d / "t.xlsx")
    # xlsxwriter (the [app] extra) made unimportable, as on an install without the extra
    launcher = (
        sys.executable,
        "-c",
        "import sys; sys.modules['xlsxwriter'] = None; from kpixl.cli import main; "
        "raise SystemExit(main(sys.argv[1:]))",
    )
    return [Run(["pack", str(t)], 12, ("kpixl[app]",), launcher=launcher)]


# --- running the table -----------------------------------------------------------------------


def _snapshot(top: Path) -> dict[str, str]:
    """Every path under ``top`` and what it is: a file's digest, a folder, a FIFO, a link."""
    out: dict[str, str] = {}
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            p = Path(folder) / name
            rel = str(p.relative_to(top))
            st = p.lstat()
            if stat.S_ISLNK(st.st_mode):
                out[rel] = f"link to {os.readlink(p)}"
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = "folder"
            elif stat.S_ISREG(st.st_mode):
                if st.st_size > 50 * 1024 * 1024:  # the sparse 101 MB file: its first bytes
                    with p.open("rb") as f:
                        head = f.read(1 << 16)
                    out[rel] = f"{st.st_size} {hashlib.sha256(head).hexdigest()}"
                else:
                    out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[rel] = f"special {stat.S_IFMT(st.st_mode)}"
    return out


def _run(run: Run, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **run.env, "PYTHONPATH": str(ROOT)}
    if "KPIXL_SOFFICE" not in run.env:
        env.pop("KPIXL_SOFFICE", None)  # the machine's own setting plays no part
    if run.stdout == "closed":
        read, write = os.pipe()
        os.close(read)  # the reader has gone before kpixl writes a line
        stdout: object = write
    elif run.stdout == "pipe":
        stdout = subprocess.PIPE
    else:
        stdout = open(run.stdout, "w")  # noqa: SIM115 - closed below
    try:
        done = subprocess.run(
            [*run.launcher, *run.args],
            cwd=cwd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
            timeout=run.bound,
        )
    finally:
        if run.stdout == "closed":
            os.close(write)
        elif run.stdout != "pipe":
            stdout.close()  # type: ignore[attr-defined]
    return done


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file(name: str, tmp_path: Path):
    d = tmp_path / "case"
    d.mkdir()
    runs = CASES[name](d)
    for run in runs:
        before = _snapshot(tmp_path)
        started = time.perf_counter()
        done = _run(run, d)
        took = time.perf_counter() - started
        what = f"kpixl {' '.join(run.args)} ({took:.1f} s)"
        out, err = done.stdout or "", done.stderr
        assert done.returncode == run.code, f"{what}: exit {done.returncode}\n{err}"
        assert "Traceback" not in err and "Traceback" not in out, f"{what}:\n{err}"
        assert SECRET not in out + err, f"{what}: the secret file leaked"
        lines = [line for line in err.splitlines() if line.strip()]
        if run.quiet:
            assert lines == [], f"{what}: {lines}"
        elif run.code != ExitCode.OK:
            assert 1 <= len(lines) <= run.lines, f"{what}: {len(lines)} lines\n{err}"
            text = " ".join(lines)
            assert any(n in text for n in run.names), f"{what}: names none of {run.names}\n{err}"
            for w in run.words:
                assert w in text, f"{what}: does not say {w!r}\n{err}"
        after = _snapshot(tmp_path)
        allowed = {f"case/{m}" for m in (*run.makes, *run.replaces)}
        for path, digest in before.items():
            if path not in allowed:
                assert after.get(path) == digest, f"{what}: {path} changed"
        left = set(after) - set(before) - allowed
        assert not left, f"{what}: left behind {sorted(left)}"
        for made in run.makes:
            assert (d / made).is_file(), f"{what}: wrote no {made}"


def test_every_exit_code_is_reached_by_the_table(tmp_path: Path):
    # each run's code is asserted when its case runs; the table must name every code
    seen = set()
    for name, build in CASES.items():
        d = tmp_path / name
        d.mkdir()
        try:
            seen |= {run.code for run in build(d)}
        except pytest.skip.Exception:
            continue
    # 130: test_ctrl_c_stops_cleanly; 70, a fault in kpixl: test_a_fault_is_words
    assert seen == set(ExitCode) - {ExitCode.INTERRUPTED, ExitCode.UNEXPECTED}


def test_a_fault_is_words_not_a_traceback(monkeypatch, capsys, tmp_path: Path):
    from kpixl import cli

    def fault(args):
        raise RuntimeError("a bug")

    monkeypatch.delenv("KPIXL_DEBUG", raising=False)
    monkeypatch.setattr(cli, "_rate", fault)
    assert cli.main(["rate", str(tmp_path / "t.xlsx")]) == ExitCode.UNEXPECTED
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError: a bug" in err and "report it" in err
    assert len(err.splitlines()) == 1
    monkeypatch.setenv("KPIXL_DEBUG", "1")  # a developer sees where
    with pytest.raises(RuntimeError):
        cli.main(["rate", str(tmp_path / "t.xlsx")])


# --- the pack's contents for the cases that write one ----------------------------------------


def _pack_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


def test_formula_injection_stays_text_in_the_pack(tmp_path: Path):
    rows = [
        [f"F{i}", f"Indicator {i}", "Higher is better", 10, "", 9, 9, 9, text]
        for i, text in enumerate(INJECTIONS)
    ]
    t = tracker(tmp_path / "t.xlsx", rows)
    done = _run(Run(["pack", str(t), "-o", str(tmp_path / "pack.xlsx")], 0, ()), tmp_path)
    assert done.returncode == 0, done.stderr
    parts = _pack_xml(tmp_path / "pack.xlsx")
    sheets = "".join(v for k, v in parts.items() if k.startswith("xl/worksheets/"))
    assert "<f>" not in sheets and "<f " not in sheets  # no formula anywhere in the pack
    strings = parts["xl/sharedStrings.xml"]
    for text in INJECTIONS:
        escaped = text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        assert escaped in strings or text in strings, text


def test_huge_figures_give_a_pack_of_finite_numbers(tmp_path: Path):
    rows = [
        ["H1", "Huge", "Higher is better", 10, "", 1e308, 1e308, 1e308, "x"],
        ["H3", "Both ways", "Lower is better", 1e-300, "", -1e300, 1e300, 5e-324, ""],
        *ROWS,
    ]
    t = tracker(tmp_path / "t.xlsx", rows)
    done = _run(Run(["pack", str(t), "-o", str(tmp_path / "pack.xlsx")], 0, ()), tmp_path)
    assert done.returncode == 0, done.stderr
    sheets = "".join(
        v for k, v in _pack_xml(tmp_path / "pack.xlsx").items() if k.startswith("xl/worksheets/")
    )
    numbers = re.findall(r"<v>([^<]*)</v>", sheets)
    assert numbers and all(abs(float(n)) < float("inf") for n in numbers)
    assert not re.search(r"<v>(?:nan|inf|-inf)</v>", sheets, re.I)


# --- Ctrl+C ------------------------------------------------------------------------------------


def test_ctrl_c_stops_cleanly(tmp_path: Path):
    """SIGINT to a pack in progress: exit 130, one line, nothing written."""
    from tests.trackers import write_sample_like

    t = write_sample_like(tmp_path / "big.xlsx", repeat=40)  # about 4,000 indicators
    before = _snapshot(tmp_path)
    proc = subprocess.Popen(
        [*KPIXL, "pack", str(t), "-o", str(tmp_path / "pack.xlsx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # "Reading big.xlsx": kpixl is at work
    assert first.startswith("Reading"), first
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.strip()] == [
        "kpixl: stopped; nothing was written."
    ]
    assert _snapshot(tmp_path) == before  # no pack, no temporary folder


# --- the README's exit codes ---------------------------------------------------------------


def test_readme_lists_the_exit_codes_of_the_errors_module():
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    found = re.search(r"Exit codes: (.*?\.)(?: |$)", text)
    assert found, "the README has no 'Exit codes:' list"
    listed = {}
    for item in re.split(r",\s+(?=\d+ )", found[1].rstrip(".")):
        code, _, words = item.partition(" ")
        listed[int(code)] = words
    assert listed == {int(code): words for code, words in EXIT_CODES.items()}


# --- what chmod cannot provoke as root, provoked in the process ------------------------------


def _refused_open(monkeypatch: pytest.MonkeyPatch, target: Path, error: OSError) -> None:
    """Opening ``target`` fails with ``error``, as it would for a file one may not read."""
    real = Path.open

    def fake_open(self: Path, *args, **kwargs):
        if self == target:
            raise error
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)


def _main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from kpixl.cli import main

    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_a_tracker_one_may_not_read(tmp_path, monkeypatch, capsys):
    t = tracker(tmp_path / "t.xlsx")
    _refused_open(monkeypatch, t, PermissionError(13, "Permission denied"))
    code, err = _main(["rate", str(t)], capsys)
    assert code == ExitCode.MISSING_FILE
    assert "t.xlsx" in err and "permission denied" in err and len(err.splitlines()) == 1


def test_a_kpixl_toml_one_may_not_read(tmp_path, monkeypatch, capsys):
    t = tracker(tmp_path / "t.xlsx")
    toml = tmp_path / "kpixl.toml"
    toml.write_text('council = "Northwold"\n')
    _refused_open(monkeypatch, toml, PermissionError(13, "Permission denied"))
    code, err = _main(["check", str(t)], capsys)
    assert code == ExitCode.BAD_CONFIG
    assert "kpixl.toml" in err and "permission denied" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),  # a read-only folder
        (OSError(28, "No space left on device"), "the disk is full"),
        (OSError(30, "Read-only file system"), "the disk is read-only"),
    ],
)
def test_a_pack_folder_that_cannot_be_written(tmp_path, monkeypatch, capsys, error, words):
    import kpixl.committee

    t = tracker(tmp_path / "t.xlsx")
    out = tmp_path / "packs" / "pack.xlsx"
    before = _snapshot(tmp_path)

    def no_room(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(kpixl.committee, "write_pack", no_room)
    code, err = _main(["pack", str(t), "-o", str(out)], capsys)
    assert code == ExitCode.OUTPUT_REFUSED
    assert "packs" in err and words in err and len(err.splitlines()) == 1
    left = set(_snapshot(tmp_path)) - set(before)
    assert left <= {"packs"}, left  # the folder asked for may stay, empty


# --- scale ---------------------------------------------------------------------------------


def test_200000_indicators_are_refused_naming_the_setting(tmp_path: Path):
    """Rating 200,000 indicators took over a minute; the row limit refuses the sheet as soon
    as it is passed, naming max_rows in kpixl.toml (the time is in benchmarks/run.py)."""
    from tests.trackers import write_many

    t = write_many(tmp_path / "t.xlsx", 200_000)
    before = _snapshot(tmp_path)
    run = Run(["rate", str(t)], 6, ("t.xlsx",), ("row 20,001", "max_rows", "kpixl.toml"))
    done = _run(run, tmp_path)
    assert done.returncode == ExitCode.OVERSIZED, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert all(w in lines[0] for w in (*run.words, *run.names)), lines
    assert _snapshot(tmp_path) == before
    # and the setting does raise it: a limit of 200,001 rows lets the sheet be read
    from kpixl.reader import read_tracker

    (tmp_path / "kpixl.toml").write_text("max_rows = 200001\n")
    small = write_many(tmp_path / "s.xlsx", 20_500)  # over the default, under the setting
    assert len(read_tracker(small).indicators) == 20_500


def test_a_cell_reference_in_other_digits_is_read_by_its_place(tmp_path: Path):
    """A cell written r="B²" (a superscript two: a digit to str.isdigit, not to int) is not
    a reference kpixl can use, so the cell is read by its place in the row, as a cell with
    no reference is, and the workbook is not called damaged."""
    from kpixl.reader import read_tracker

    good = tracker(tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert 'r="B2"' in sheet
    odd = _with_part(
        good,
        tmp_path / "t.xlsx",
        "xl/worksheets/sheet1.xml",
        sheet.replace('r="B2"', 'r="B²"').encode(),
    )
    names = {i.ref: i.name for i in read_tracker(odd).indicators}
    assert names == {"A1": "Voids", "A2": "Rent collected"}
