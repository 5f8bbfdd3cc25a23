"""The core must run on plain Python (and in xlwings Lite): no adapter packages."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("xlwings", "openpyxl", "xlsxwriter", "pandas", "numpy")


def test_core_imports_no_adapter_package():
    code = (
        "import sys, kpixl, kpixl.core, kpixl.core.model\n"
        "kpixl.rag(1, 2); kpixl.direction(1, 2); kpixl.ytd([1]); kpixl.summary(['Green'])\n"
        f"bad = [m for m in {FORBIDDEN!r} if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core imported {out.stdout.strip()}"


def test_core_source_names_no_adapter_package():
    from pathlib import Path

    import kpixl.core

    for path in Path(kpixl.core.__file__).parent.glob("*.py"):
        text = path.read_text()
        for name in FORBIDDEN:
            assert f"import {name}" not in text and f"from {name}" not in text, path.name
