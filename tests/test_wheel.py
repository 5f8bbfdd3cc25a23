"""kpixl as officers and their IT get it: built into a wheel, installed in a fresh virtual
environment outside the checkout, and run from another folder, it does what the checkout does.
With no extras it installs nothing but itself, as xlwings Lite needs (no numpy, no pandas).

The environments install the pinned versions of constraints.txt, from pip's cache after the
first run; the whole module takes about a minute.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kpixl
from kpixl import udfs
from kpixl.addin.build import addin_bytes
from kpixl.cli import main
from kpixl.committee import make_pack
from kpixl.core import Status
from kpixl.lite import main_py, requirements_txt
from kpixl.samples import TRACKER_NAME, build_functions_workbook, build_tracker
from tests.conftest import soffice_or_skip

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
COMPILED = {"numpy", "pandas", "openpyxl", "xlsxwriter", "xlwings"}


def run(command: list[str | Path], cwd: Path, expect: int = 0) -> subprocess.CompletedProcess:
    # nothing leads the environment's Python back to the checkout
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == expect, (command, result.stdout[-3000:], result.stderr[-3000:])
    return result


def fresh_venv(where: Path, requirement: str) -> Path:
    """A new virtual environment at `where` with `requirement` installed; its bin folder."""
    run([sys.executable, "-m", "venv", where], cwd=where.parent)
    bin_dir = where / "bin"
    pip = [bin_dir / "python", "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS]
    run([*pip, requirement], cwd=where.parent)
    return bin_dir


@pytest.fixture(scope="module")
def full(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of an environment with kpixl[all] installed from the wheel."""
    return fresh_venv(tmp_path_factory.mktemp("full") / "venv", f"{wheel}[all]")


@pytest.fixture(scope="module")
def bare(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of an environment with kpixl installed from the wheel, no extras."""
    return fresh_venv(tmp_path_factory.mktemp("bare") / "venv", str(wheel))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder far from the checkout, where the commands run."""
    return tmp_path_factory.mktemp("work")


@pytest.fixture(scope="module")
def samples(full: Path, work: Path) -> Path:
    run([full / "kpixl", "sample", "-o", "samples"], cwd=work)
    return work / "samples"


def test_the_installed_package_is_the_one_that_runs(full: Path, work: Path) -> None:
    assert run([full / "kpixl", "--version"], cwd=work).stdout == f"kpixl {kpixl.__version__}\n"
    code = "import kpixl.bundled as b; print(b.__file__); print(b.macros_dir())"
    package, macros = run([full / "python", "-c", code], cwd=work).stdout.splitlines()
    venv = full.parent
    assert Path(package).is_relative_to(venv) and not Path(package).is_relative_to(ROOT)
    # the macros came with the wheel, not from the repository's folder
    assert Path(macros).is_relative_to(venv)
    assert Path(macros).parts[-2:] == ("_bundled", "macros")


def test_sample_writes_what_the_checkout_builds(samples: Path, tmp_path: Path) -> None:
    assert sorted(p.name for p in samples.iterdir()) == ["kpi_functions.xlsx", TRACKER_NAME]
    ours = build_tracker(tmp_path / TRACKER_NAME)
    functions = build_functions_workbook(tmp_path / "kpi_functions.xlsx")
    assert (samples / TRACKER_NAME).read_bytes() == ours.read_bytes()
    assert (samples / "kpi_functions.xlsx").read_bytes() == functions.read_bytes()


@pytest.mark.parametrize("command", ["rate", "check"])
def test_rate_and_check_say_what_they_say_in_the_checkout(
    command: str, full: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = samples / TRACKER_NAME
    installed = run([full / "kpixl", command, tracker], cwd=samples.parent).stdout
    assert main([command, str(tracker)]) == 0
    assert installed == capsys.readouterr().out
    assert "101 indicators" in installed.splitlines()[0]


def test_pack_is_the_checkout_pack(full: Path, samples: Path, tmp_path: Path) -> None:
    result = run([full / "kpixl", "pack", TRACKER_NAME, "-o", "pack.xlsx"], cwd=samples)
    assert result.stdout.splitlines()[-1].startswith("Wrote pack.xlsx: ")
    ours = make_pack(samples / TRACKER_NAME, tmp_path / "pack.xlsx").xlsx
    assert pack_parts(samples / "pack.xlsx") == pack_parts(ours)


def pack_parts(path: Path) -> dict[str, bytes]:
    """Every part of a pack, its creation time masked: the one thing that differs run to run."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    stamp = rb"(<dcterms:(created|modified)[^>]*>)[^<]+"
    parts["docProps/core.xml"] = re.sub(stamp, rb"\1TIME", parts["docProps/core.xml"])
    return parts


def test_pack_with_pdf(full: Path, samples: Path) -> None:
    soffice_or_skip()
    run([full / "kpixl", "pack", TRACKER_NAME, "-o", "pdf-pack.xlsx", "--pdf", "-q"], cwd=samples)
    assert (samples / "pdf-pack.pdf").read_bytes()[:5] == b"%PDF-"


def test_addin_is_byte_for_byte_the_checkout_addin(full: Path, work: Path) -> None:
    run([full / "kpixl", "addin", "build", "-o", "kpixl.xlam"], cwd=work)
    assert (work / "kpixl.xlam").read_bytes() == addin_bytes()


def test_lite_writes_what_the_checkout_writes(full: Path, work: Path) -> None:
    # main.py is generated from kpixl.udfs' own source: the installed package carries it
    result = run([full / "kpixl", "lite", "-o", "lite"], cwd=work)
    assert result.stdout.splitlines()[:2] == [
        str(Path("lite") / "main.py"),
        str(Path("lite") / "requirements.txt"),
    ]
    assert (work / "lite" / "main.py").read_text(encoding="utf-8") == main_py()
    assert (work / "lite" / "requirements.txt").read_text(encoding="utf-8") == requirements_txt()
    again = run([full / "kpixl", "lite", "-o", "lite"], cwd=work, expect=9)
    assert "exists" in again.stderr and "--force" in again.stderr


def test_with_no_extras_only_kpixl_is_installed(bare: Path, work: Path) -> None:
    listed = run([bare / "python", "-m", "pip", "list", "--format=json"], cwd=work).stdout
    names = {p["name"].lower() for p in json.loads(listed)}
    assert names - {"pip", "setuptools"} == {"kpixl"}
    assert not names & COMPILED


def test_with_no_extras_the_worksheet_functions_answer(bare: Path, work: Path) -> None:
    code = "import kpixl, kpixl.udfs; print(kpixl.udfs.KPI_RAG(0.902, '92%'))"
    expected = udfs.KPI_RAG(0.902, "92%")
    assert expected in {s.value for s in Status}
    assert run([bare / "python", "-c", code], cwd=work).stdout == f"{expected}\n"


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (["pack", ROOT / "workbooks" / TRACKER_NAME, "-o", "nowhere"], "app"),
        (["sample", "-o", "nowhere"], "app"),
        (["addin", "build", "-o", "nowhere.xlam"], "excel"),
    ],
)
def test_a_command_without_its_extra_names_it(
    command: list[str | Path], extra: str, bare: Path, work: Path
) -> None:
    result = run([bare / "kpixl", *command], cwd=work, expect=12)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1  # one line, no traceback
    assert result.stderr.startswith(f"kpixl: {command[0]} needs ")
    assert result.stderr.endswith(f'pip install "kpixl[{extra}]"\n')
    assert not (work / "nowhere").exists() and not (work / "nowhere.xlam").exists()


def test_reading_and_rating_need_no_extra(bare: Path, work: Path) -> None:
    # kpixl reads workbooks with the standard library alone: rate and check work anywhere
    tracker = ROOT / "workbooks" / TRACKER_NAME
    rated = run([bare / "kpixl", "rate", tracker], cwd=work)
    assert "101 indicators, reporting period Mar-25" in rated.stdout
    checked = run([bare / "kpixl", "check", tracker], cwd=work)
    assert "problems in 101 indicators" in checked.stdout
