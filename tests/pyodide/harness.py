"""Run a Python file inside Pyodide from CPython: Node runs tests/pyodide/run.mjs, which
loads the pinned Pyodide from tests/pyodide/node_modules (``make pyodide`` installs both).

>>> all(part.isdigit() for part in PINNED.split("."))  # exact, as package.json pins it
True
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "run.mjs"
NODE_MODULES = HERE / "node_modules"
PINNED: str = json.loads((HERE / "package.json").read_text(encoding="utf-8"))["dependencies"][
    "pyodide"
]


class PyodideFailed(RuntimeError):
    """The script failed inside Pyodide (or Pyodide did not start); the text is its stderr."""


def node() -> str | None:
    """The node executable, or None."""
    return shutil.which("node")


def missing() -> str | None:
    """Why Pyodide cannot run here, or None when it can."""
    if node() is None:
        return "Node is not installed"
    if not (NODE_MODULES / "pyodide" / "package.json").is_file():
        return f"{NODE_MODULES.relative_to(HERE.parents[1])} is missing (npm ci not run)"
    return None


def run(script: Path, given: Any = None, timeout: float = 600) -> Any:
    """Run ``script`` inside Pyodide with ``given`` as its INPUT; its RESULT, from JSON.

    ``given`` goes through JSON to JavaScript (so None arrives as null) and then through
    pyodide.toPy, which is how a Lite function's arguments reach Python."""
    why = missing()
    if why:
        raise PyodideFailed(f"{why}: run `make pyodide`")
    with tempfile.TemporaryDirectory() as tmp:
        args = [node(), str(RUNNER), str(script)]
        if given is not None:
            path = Path(tmp) / "input.json"
            # allow_nan=False: JavaScript's JSON.parse refuses NaN, so refuse it here first.
            path.write_text(json.dumps(given, allow_nan=False), encoding="utf-8")
            args.append(str(path))
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise PyodideFailed(
            f"{script.name} failed inside Pyodide (exit {done.returncode}):\n{done.stderr}"
        )
    return json.loads(done.stdout)
