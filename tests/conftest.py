"""Shared test set-up: LibreOffice tests run in CI and skip elsewhere only with a reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

IN_CI = bool(os.environ.get("CI"))
ROOT = Path(__file__).resolve().parents[1]
# what a checkout gathers that is not a source: the wheel is built from the rest
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "out",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "node_modules",
)

# In CI the property tests draw the same examples every run: a red build then means a
# change, never the luck of the draw. Locally they keep exploring.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if IN_CI else "dev")


def soffice_or_skip() -> str:
    """The soffice path; in CI a missing LibreOffice fails the test instead of skipping."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path:
        return path
    if IN_CI:
        pytest.fail("LibreOffice (soffice) is not installed; `make test` installs it")
    pytest.skip("LibreOffice (soffice) is not installed: run `make office` to install it")
    raise AssertionError("unreachable")


def pyodide_or_skip() -> None:
    """Pyodide can run (Node and tests/pyodide/node_modules); else the test skips, saying
    what to install, and in CI (where `make test` installs both) it fails instead."""
    from tests.pyodide.harness import missing

    why = missing()
    if why is None:
        return
    if IN_CI:
        pytest.fail(f"{why}; `make test` installs it")
    if why.startswith("Node"):
        pytest.skip(f"{why}: run `make pyodide` to install it (Debian nodejs and npm)")
    pytest.skip(f"{why}: run `make pyodide` (or `make test`), which installs it")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kpixl's wheel, built once a run from a copy of the checkout (which stays as it is)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp), str(source)]
    done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = tmp.glob("kpixl-*.whl")
    return built
