"""Check an add-in's VBA in LibreOffice: a reader and a Basic runtime independent of olevba.

LibreOffice's Python-UNO is the system python3, not a virtual environment, so this file runs
as a script under it, prints JSON, and imports nothing from kpixl::

    /usr/bin/python3 kpixl/addin/lo_basic.py list kpixl.xlam
    {"libraries": {"kpixl": {"KpixlRibbon": "Rem Attribute VBA_ModuleType=VBAModule..."}}}
    /usr/bin/python3 kpixl/addin/lo_basic.py markers kpixl.xlam
    {"codes": {"#N/A": "error 2042", ...}, "grid": [true, "Green", true, 2.0, 1, 2]}

``list`` shows the Basic library LibreOffice makes of the VBA project (named after it; each
module starts with a header such as ``Rem Attribute VBA_ModuleType=VBAModule``). ``markers``
runs KpixlMarkers in LibreOffice's VBA mode, in memory only: xlwings' own modules, which do
not compile in LibreOffice Basic, are dropped first, then a probe module calls ToExcelError
and ToExcelErrors and reports what came back.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from typing import Any

MARKERS = ("#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!", "#n/a", "Red")
# Modules of the project that LibreOffice Basic cannot compile (Windows API declarations);
# one module that does not compile stops the whole library from running there.
FOREIGN = ("xlwings", "Dictionary")
PROBE = """Option VBASupport 1
Function Code(x)
    Dim r As Variant
    r = KpixlMarkers.ToExcelError(x)
    If IsError(r) Then
        Code = "error " & CStr(CLng(r))
    Else
        Code = "value " & CStr(r)
    End If
End Function
Function Grid(a, b, c, d)
    Dim g(1 To 2, 1 To 2) As Variant
    Dim r As Variant
    g(1, 1) = a: g(1, 2) = b: g(2, 1) = c: g(2, 2) = d
    r = KpixlMarkers.ToExcelErrors(g)
    Grid = Array(IsError(r(1, 1)), r(1, 2), IsError(r(2, 1)), r(2, 2), LBound(r, 1), UBound(r, 2))
End Function
"""


@contextlib.contextmanager
def _document(path: str, timeout: float = 120.0) -> Iterator[Any]:
    """Open `path` in a private headless LibreOffice, with macros allowed to run."""
    import uno  # only in LibreOffice's Python
    from com.sun.star.beans import PropertyValue

    def prop(name: str, value: Any) -> Any:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    profile = tempfile.mkdtemp(prefix="kpixl-lo-")
    pipe = f"kpixl_lo_{os.getpid()}"
    soffice = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or soffice.poll() is not None:
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)),
            "_blank",
            0,
            (
                prop("Hidden", True),
                prop("FilterName", "Calc MS Excel 2007 XML"),
                prop("MacroExecutionMode", 4),  # ALWAYS_EXECUTE_NO_WARN: only for the probe
            ),
        )
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        try:
            yield document
        finally:
            document.close(True)  # never stored: the probe module exists in memory only
            with contextlib.suppress(Exception):  # the bridge drops as LibreOffice quits
                desktop.terminate()
    finally:
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            soffice.kill()
            soffice.wait()
        shutil.rmtree(profile, ignore_errors=True)


def _libraries(document: Any) -> dict[str, dict[str, str]]:
    libraries: dict[str, dict[str, str]] = {}
    basic = document.BasicLibraries
    for name in basic.getElementNames():
        if not basic.isLibraryLoaded(name):
            basic.loadLibrary(name)
        library = basic.getByName(name)
        libraries[name] = {m: library.getByName(m) for m in library.getElementNames()}
    return libraries


def list_modules(path: str) -> dict[str, Any]:
    """The Basic libraries LibreOffice imports from `path`: {library: {module: source}}."""
    with _document(path) as document:
        return {"libraries": _libraries(document)}


def run_markers(path: str, library: str = "kpixl") -> dict[str, Any]:
    """Run KpixlMarkers on each marker and on a 2 x 2 array; report what LibreOffice returns."""
    with _document(path) as document:
        basic = document.BasicLibraries.getByName(library)
        for name in FOREIGN:
            if basic.hasByName(name):
                basic.removeByName(name)
        kept = sorted(basic.getElementNames())
        basic.insertByName("KpixlProbe", PROBE)
        provider = document.getScriptProvider()

        def call(function: str, *args: Any) -> Any:
            script = provider.getScript(
                f"vnd.sun.star.script:{library}.KpixlProbe.{function}"
                "?language=Basic&location=document"
            )
            return script.invoke(args, (), ())[0]

        codes = {marker: call("Code", marker) for marker in MARKERS}
        grid = call("Grid", "#N/A", "Green", "#REF!", 2.0)
        return {"modules": kept, "codes": codes, "grid": list(grid) if grid else None}


if __name__ == "__main__":
    command, target = sys.argv[1], sys.argv[2]
    result = list_modules(target) if command == "list" else run_markers(target)
    print(json.dumps(result))
