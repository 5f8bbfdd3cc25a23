"""tests/pyodide/run.mjs keeps its contract when Python fails: exit 1, the traceback on
stderr, nothing on stdout (where only a result's JSON may go). One Pyodide start."""

from __future__ import annotations

import subprocess

from tests.conftest import pyodide_or_skip
from tests.pyodide import harness

BROKEN = """\
print("a line the script prints")
raise ValueError("broken on purpose")
"""


def run_node(*args: str) -> subprocess.CompletedProcess[str]:
    node = harness.node()
    assert node is not None
    return subprocess.run(
        [node, str(harness.RUNNER), *args], capture_output=True, text=True, timeout=600
    )


def test_a_python_error_is_exit_1_with_the_traceback(tmp_path):
    pyodide_or_skip()
    script = tmp_path / "broken.py"
    script.write_text(BROKEN, encoding="utf-8")
    done = run_node(str(script))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback (most recent call last)" in done.stderr
    assert 'File "/script/broken.py", line 2' in done.stderr
    assert "ValueError: broken on purpose" in done.stderr
    assert "a line the script prints" in done.stderr  # the script's prints go to stderr


def test_wrong_usage_is_exit_64():
    pyodide_or_skip()
    done = run_node()
    assert done.returncode == 64
    assert "usage:" in done.stderr
