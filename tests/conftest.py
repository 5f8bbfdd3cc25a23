"""Shared test set-up: LibreOffice tests run in CI and skip elsewhere only with a reason."""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

IN_CI = bool(os.environ.get("CI"))

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
