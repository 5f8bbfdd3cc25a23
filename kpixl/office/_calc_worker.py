"""Run by LibreOffice's Python (``python3 _calc_worker.py job.json``): recalculate a workbook
whose cells call Python worksheet functions, with a real spreadsheet engine.

How the bridge works, in the order it happens:

1. Import the target module (``kpixl.udfs`` by default) and find its worksheet functions:
   public functions whose names are upper case, such as ``KPI_RAG``.
2. Start ``soffice --headless`` on a throwaway profile, listening on a private pipe, and
   connect to it over UNO.
3. Load the workbook (macros allowed: ``MacroExecutionMode`` 4) and add a Basic module to it
   with one function per worksheet function. Calc calls a document's Basic functions by name
   from cell formulas, which is how ``=KPI_RAG(B2;C2)`` reaches Basic at all.
4. Hand Basic a Python object (a ``com.sun.star.script.provider.XScript`` implemented here):
   each Basic function calls its ``invoke`` with the function's name and arguments, which
   crosses back over the UNO pipe into this process and calls the real Python function.
   (LibreOffice's own Python script provider is a separate Debian package,
   libreoffice-script-provider-python, often not installed; this route needs only
   python3-uno, and the Python code runs here, where its errors can be reported.)
5. Re-enter every formula that calls one of the functions: at import Calc had no Basic
   function of that name and compiled the cell to ``#NAME?``; a recalculation alone does not
   recompile it.
6. Recalculate everything, read every formula cell's value, optionally save a copy.

Values crossing the bridge: Calc gives Basic a Double or a String per cell (an empty single
cell arrives empty, i.e. None) and a 1-based 2-D array for a range; Basic hands UNO integral
doubles as integers and 2-D arrays as tuples of row tuples. ``from_basic`` turns them back
into floats and lists of rows, with None for empty cells. A list of rows returned by Python
goes back as a matrix: an array formula (``{=KPI_RAG(B2:B9;C2:C9)}``) shows all of it, a
plain formula its top-left value (LibreOffice 7.4 has no dynamic-array spill).

This file must import nothing outside the standard library at module level (``uno`` is
imported where the office is driven) so that kpixl's tests import its helpers from any Python.

>>> from_basic(((1, "90%"), (None, 2.5)))
[[1.0, '90%'], [None, 2.5]]
"""

from __future__ import annotations

import contextlib
import enum
import importlib
import inspect
import json
import numbers
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASIC_MODULE = "KpixlBridge"
ERROR_PREFIX = "#KPIXL! "
MAX_EXTRA_ARGS = 16  # Basic has no ParamArray with Optional: *args get this many slots
_WORKSHEET_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")


@dataclass(frozen=True)
class WorksheetFunction:
    """A Python function as Calc sees it: a name and how many arguments Basic declares.

    >>> WorksheetFunction.of("KPI_VALUE", lambda text: text).arity
    1
    """

    name: str
    func: Callable[..., Any]
    params: tuple[inspect.Parameter, ...]
    varargs: bool

    @classmethod
    def of(cls, name: str, func: Callable[..., Any]) -> WorksheetFunction:
        parameters = inspect.signature(func).parameters.values()
        kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        positional = tuple(p for p in parameters if p.kind in kinds)
        varargs = any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters)
        return cls(name, func, positional, varargs)

    @property
    def arity(self) -> int:
        return len(self.params) + (MAX_EXTRA_ARGS if self.varargs else 0)

    def call(self, given: Sequence[bool], args: Sequence[Any]) -> Any:
        """Call the function with the arguments the cell gave; omitted ones take defaults.

        >>> f = WorksheetFunction.of("F", lambda a, b=7: (a, b))
        >>> f.call((True, False), (((2, None),), None))
        ([[2.0, None]], 7)
        """
        values: list[Any] = [
            from_basic(a) if g else _MISSING for g, a in zip(given, args, strict=False)
        ]
        while values and values[-1] is _MISSING:
            values.pop()
        bound = []
        for param, value in zip(self.params, values, strict=False):
            if value is _MISSING:
                value = None if param.default is inspect.Parameter.empty else param.default
            bound.append(value)
        extra = [None if v is _MISSING else v for v in values[len(self.params) :]]
        return self.func(*bound, *extra)


_MISSING = object()


def discover(module: Any, names: Iterable[str] | None = None) -> dict[str, WorksheetFunction]:
    """The worksheet functions of ``module``: ``names``, or every public upper-case function.

    >>> import types
    >>> m = types.SimpleNamespace(KPI_X=lambda v: v, helper=len, NA="#N/A")
    >>> list(discover(m))
    ['KPI_X']
    """
    if names is None:
        names = [
            n for n, v in vars(module).items() if _WORKSHEET_NAME.match(n) and inspect.isfunction(v)
        ]
    found = {}
    for name in names:
        func = getattr(module, name, None)
        if not callable(func) or not _WORKSHEET_NAME.match(name):
            raise ValueError(
                f"{name!r} is not an upper-case function of {getattr(module, '__name__', module)}"
            )
        found[name] = WorksheetFunction.of(name, func)
    return found


def basic_source(functions: Iterable[WorksheetFunction]) -> str:
    """The Basic module that forwards each worksheet function to the Python bridge.

    >>> "Function KPI_VALUE(Optional a1)" in basic_source(
    ...     [WorksheetFunction.of("KPI_VALUE", lambda text: text)])
    True
    """
    lines = [
        "REM Generated by kpixl: worksheet functions that forward to Python.",
        "Option Explicit",
        "",
        "Global oKpixlBridge As Object",
        "",
        "Sub KpixlSetBridge(oBridge As Object)",
        "    oKpixlBridge = oBridge",
        "End Sub",
        "",
        "Function KpixlCall(sName As String, aGiven, aArgs)",
        "    On Error GoTo Failed",
        "    If IsNull(oKpixlBridge) Then",
        f'        KpixlCall = "{ERROR_PREFIX}no Python bridge is attached to this document"',
        "        Exit Function",
        "    End If",
        "    KpixlCall = KpixlMatrix(oKpixlBridge.invoke(Array(sName, aGiven, aArgs), _",
        "        Array(), Array()))",
        "    Exit Function",
        "Failed:",
        f'    KpixlCall = "{ERROR_PREFIX}" & Error$',
        "End Function",
        "",
        "REM UNO hands a list of rows to Basic as an array of arrays; Calc takes a result",
        "REM range only from a 2-D array.",
        "Function KpixlMatrix(vResult)",
        "    Dim nRows As Long, nCols As Long, i As Long, j As Long, vRow",
        "    If Not IsArray(vResult) Then",
        "        KpixlMatrix = vResult",
        "        Exit Function",
        "    End If",
        "    nRows = UBound(vResult) - LBound(vResult) + 1",
        "    If nRows < 1 Then",
        '        KpixlMatrix = ""',
        "        Exit Function",
        "    End If",
        "    If Not IsArray(vResult(LBound(vResult))) Then",
        "        KpixlMatrix = vResult",
        "        Exit Function",
        "    End If",
        "    nCols = UBound(vResult(LBound(vResult))) - LBound(vResult(LBound(vResult))) + 1",
        "    Dim aOut(1 To nRows, 1 To nCols)",
        "    For i = 1 To nRows",
        "        vRow = vResult(LBound(vResult) + i - 1)",
        "        For j = 1 To nCols",
        "            aOut(i, j) = vRow(LBound(vRow) + j - 1)",
        "        Next j",
        "    Next i",
        "    KpixlMatrix = aOut",
        "End Function",
    ]
    for fn in functions:
        n = fn.arity
        params = ", ".join(f"Optional a{i}" for i in range(1, n + 1))
        lines += ["", f"Function {fn.name}({params})"]
        if n == 0:
            lines.append(f'    {fn.name} = KpixlCall("{fn.name}", Array(), Array())')
        else:
            lines.append(f"    Dim aGiven({n - 1}) As Boolean, aArgs({n - 1})")
            for i in range(n):
                lines += [
                    f"    If Not IsMissing(a{i + 1}) Then",
                    f"        aGiven({i}) = True",
                    f"        aArgs({i}) = a{i + 1}",
                    "    End If",
                ]
            lines.append(f'    {fn.name} = KpixlCall("{fn.name}", aGiven, aArgs)')
        lines.append("End Function")
    return "\n".join(lines) + "\n"


def from_basic(value: Any) -> Any:
    """A Basic argument as Python: floats for numbers, lists of rows for ranges, None blank.

    >>> from_basic(3), from_basic("TBC"), from_basic(None)
    (3.0, 'TBC', None)
    >>> from_basic((("a", 1),))
    [['a', 1.0]]
    """
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, numbers.Real):
        return float(value)  # Basic turns integral doubles into integers on the way to UNO
    if isinstance(value, (tuple, list)):
        if value and all(isinstance(row, (tuple, list)) for row in value):
            return [[from_basic(v) for v in row] for row in value]
        return [[from_basic(v) for v in value]]  # a 1-D array (an inline {1,2,3}): one row
    return value


def to_basic(value: Any) -> Any:
    """A Python result as UNO can carry it: a scalar, or a tuple of equally long row tuples.

    >>> to_basic([["Green"], ["Red", 2]])
    (('Green', ''), ('Red', 2.0))
    >>> to_basic(["a", "b"])
    (('a', 'b'),)
    """
    if isinstance(value, (list, tuple)):
        if not value:
            return ""
        rows = (
            [list(r) for r in value]
            if all(isinstance(r, (list, tuple)) for r in value)
            else [list(value)]
        )
        width = max(len(r) for r in rows) or 1
        return tuple(tuple(_scalar(v) for v in row) + ("",) * (width - len(row)) for row in rows)
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)  # a str-based Enum's text, not "Status.GREEN"
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)


def error_text(exc: BaseException) -> str:
    """What a cell shows when the Python function raised (as xlwings shows the message).

    >>> error_text(ValueError("bad polarity"))
    '#KPIXL! ValueError: bad polarity'
    """
    return f"{ERROR_PREFIX}{type(exc).__name__}: {exc}"


def calls_any(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds a call of any of ``names`` in a formula, in any letter case.

    >>> bool(calls_any(["KPI_RAG"]).search("=IF(A1;kpi_rag(B2;C2);0)"))
    True
    >>> bool(calls_any(["KPI_RAG"]).search("=MY_KPI_RAG(B2)"))
    False
    """
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})\s*\(", re.IGNORECASE)


def workbook_prefixes(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern for the workbook part of an add-in call as Excel saves it, to be dropped.

    Excel stores a call of an add-in's function as ``[1]!KPI_RAG(...)`` (an external link)
    or with the add-in's path; LibreOffice keeps that text, and only a bare name reaches the
    Basic function.

    >>> p = workbook_prefixes(["KPI_RAG"])
    >>> p.sub("", "=[1]!KPI_RAG(A1;B1)&'C:/AddIns/kpixl.xlam'!kpi_rag(A2;B2)")
    '=KPI_RAG(A1;B1)&kpi_rag(A2;B2)'
    """
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:\[\d+\]|'(?:[^']|'')*'|[^\s'\"(),;=+\-*/&^<>!{{}}]+)!(?=(?:{alternatives})\s*\()",
        re.IGNORECASE,
    )


def column_letters(col: int) -> str:
    """0-based column index as letters.

    >>> column_letters(0), column_letters(25), column_letters(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# ---------------------------------------------------------------------------------------------
# The LibreOffice side: only runs under a Python that has ``uno``.

# Only .xlsx: an .ods would keep the generated Basic module, which has no bridge once saved.
OUTPUT_FILTERS = {".xlsx": "Calc Office Open XML"}


def main(job_path: str) -> int:
    # Run as a script, this file's directory heads sys.path; the job's path replaces it.
    if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        del sys.path[0]
    job = json.loads(Path(job_path).read_text("utf-8"))
    result_path = Path(job["result"])
    try:
        result = run(job)
    except Exception as exc:
        result = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    result_path.write_text(json.dumps(result), "utf-8")
    return 1 if "error" in result else 0


def run(job: Mapping[str, Any]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    sys.path[:0] = [p for p in job["pythonpath"] if p not in sys.path]
    module = importlib.import_module(job["module"])
    functions = discover(module, job.get("functions"))
    if not functions:
        raise ValueError(f"{job['module']} has no upper-case worksheet functions")
    timings["import"] = time.perf_counter() - started

    import uno  # noqa: F401  (imported here: kpixl's tests import this file without it)

    with Path(job["log"]).open("ab") as log:
        office = _start_office(job, log)
    try:
        context = _connect(job["pipe"], office, deadline=time.monotonic() + job["start_timeout"])
        timings["start"] = time.perf_counter() - started - sum(timings.values())
        result = _recalculate(context, job, functions, timings, started)
        _terminate(context)
        return result
    finally:
        try:
            office.wait(timeout=15)
        except subprocess.TimeoutExpired:
            office.kill()  # the parent kills the rest of the process group


def _start_office(job: Mapping[str, Any], log: Any) -> subprocess.Popen[bytes]:
    """soffice on the job's throwaway profile, listening on a private pipe."""
    return subprocess.Popen(
        [
            job["soffice"],
            f"-env:UserInstallation={job['profile']}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={job['pipe']};urp;StarOffice.ComponentContext",
        ],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _connect(pipe: str, office: subprocess.Popen[bytes], deadline: float) -> Any:
    import uno
    from com.sun.star.connection import NoConnectException

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if office.poll() is not None:
                raise RuntimeError(
                    f"soffice exited with code {office.returncode} before accepting a connection"
                ) from None
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept a connection in time") from None
            time.sleep(0.1)


def _props(**values: Any) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue

    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def _recalculate(
    context: Any,
    job: Mapping[str, Any],
    functions: Mapping[str, WorksheetFunction],
    timings: dict[str, float],
    started: float,
) -> dict[str, Any]:
    import uno
    import unohelper
    from com.sun.star.script.provider import XScript

    def lap(name: str) -> None:
        timings[name] = time.perf_counter() - started - sum(timings.values())

    class Bridge(unohelper.Base, XScript):  # type: ignore[misc]
        """Basic's way back into Python: invoke((name, given, args), (), ())."""

        def __init__(self) -> None:
            self.calls = 0
            self.python_seconds = 0.0
            self.failures: list[str] = []

        def invoke(self, params: Any, _index: Any, _out: Any) -> tuple[Any, tuple, tuple]:
            self.calls += 1
            t0 = time.perf_counter()
            try:
                return self._invoke(params)
            finally:
                self.python_seconds += time.perf_counter() - t0

        def _invoke(self, params: Any) -> tuple[Any, tuple, tuple]:
            try:
                name, given, args = params
                result = to_basic(functions[name].call(given, args))
            except Exception as exc:  # a cell shows the message; the run goes on
                result = error_text(exc)
                if len(self.failures) < 20:
                    self.failures.append(f"{params[0] if params else '?'}: {result}")
            return result, (), ()

    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    url = uno.systemPathToFileUrl(str(Path(job["input"]).resolve()))
    # MacroExecutionMode 4 = ALWAYS_EXECUTE_NO_WARN: Calc refuses to run the document's Basic
    # from cells otherwise. UpdateDocMode 0 = NO_UPDATE: no fetching of external links.
    doc = desktop.loadComponentFromURL(
        url, "_blank", 0, _props(Hidden=True, MacroExecutionMode=4, UpdateDocMode=0)
    )
    if doc is None or not hasattr(doc, "getSheets"):
        raise ValueError("LibreOffice could not open the workbook as a spreadsheet")
    try:
        lap("load")
        libraries = doc.BasicLibraries
        if not libraries.hasByName("Standard"):
            libraries.createLibrary("Standard")
        if not libraries.isLibraryLoaded("Standard"):
            libraries.loadLibrary("Standard")
        library = libraries.getByName("Standard")
        source = basic_source(functions.values())
        if library.hasByName(BASIC_MODULE):
            library.replaceByName(BASIC_MODULE, source)
        else:
            library.insertByName(BASIC_MODULE, source)
        bridge = Bridge()
        setter = doc.getScriptProvider().getScript(
            f"vnd.sun.star.script:Standard.{BASIC_MODULE}.KpixlSetBridge"
            "?language=Basic&location=document"
        )
        setter.invoke((bridge,), (), ())
        lap("basic")
        # Re-entering a formula computes it at once while automatic calculation is on; off,
        # every cell is computed once, by calculateAll.
        doc.enableAutomaticCalculation(False)
        recompiled = _recompile(doc, calls_any(functions), workbook_prefixes(functions))
        lap("recompile")
        doc.calculateAll()
        doc.enableAutomaticCalculation(True)  # as it was, for the saved copy
        lap("calculate")
        values = _formula_values(doc)
        lap("read")
        if job.get("output"):
            suffix = Path(job["output"]).suffix.lower()
            doc.storeToURL(
                uno.systemPathToFileUrl(str(Path(job["output"]).resolve())),
                _props(FilterName=OUTPUT_FILTERS[suffix]),
            )
            lap("save")
    finally:
        doc.close(True)
    return {
        "values": values,
        "functions": sorted(functions),
        "recompiled": recompiled,
        "calls": bridge.calls,
        "python_seconds": bridge.python_seconds,
        "failures": bridge.failures,
        "timings": timings,
    }


def _recompile(doc: Any, pattern: re.Pattern[str], prefixes: re.Pattern[str]) -> int:
    """Re-enter each formula that calls a bridged function; return how many were re-entered.

    Plain formulas are re-entered a block at a time; an array formula has to be re-entered
    over its whole range (setting one of its cells alone would break it). Workbook prefixes
    of add-in calls (``[1]!``) are dropped on the way.
    """
    from com.sun.star.sheet.CellFlags import FORMULA

    count = 0
    sheets = doc.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        blocks = sheet.queryContentCells(FORMULA).getRangeAddresses()
        done_arrays: set[tuple[int, int, int, int]] = set()
        for a in blocks:
            block = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
            formulas = tuple(
                tuple(prefixes.sub("", f) for f in row) for row in block.getFormulaArray()
            )
            hits = [
                (r, c)
                for r, row in enumerate(formulas)
                for c, f in enumerate(row)
                if pattern.search(f)
            ]
            if not hits:
                continue
            if not any(f.startswith("{") for row in formulas for f in row):
                block.setFormulaArray(formulas)  # one call for the block: per cell is slow
                count += len(hits)
                continue
            # A block with array formulas: plain cells go a column run at a time.
            hit_set = set(hits)
            for c, r0, r1 in plain_runs(formulas):
                if any((r, c) in hit_set for r in range(r0, r1 + 1)):
                    sheet.getCellRangeByPosition(
                        a.StartColumn + c, a.StartRow + r0, a.StartColumn + c, a.StartRow + r1
                    ).setFormulaArray(tuple((formulas[r][c],) for r in range(r0, r1 + 1)))
                    count += sum((r, c) in hit_set for r in range(r0, r1 + 1))
            for r, c in hits:
                formula = formulas[r][c]
                col, row = a.StartColumn + c, a.StartRow + r
                if not formula.startswith("{") or any(
                    c0 <= col <= c1 and r0 <= row <= r1 for c0, r0, c1, r1 in done_arrays
                ):
                    continue  # UNO calls cost milliseconds: ask once per array, not per cell
                cursor = sheet.createCursorByRange(sheet.getCellByPosition(col, row))
                cursor.collapseToCurrentArray()
                ra = cursor.getRangeAddress()
                done_arrays.add((ra.StartColumn, ra.StartRow, ra.EndColumn, ra.EndRow))
                cursor.setArrayFormula(formula[1:-1])  # without the {} that marks it
                count += 1
    return count


def plain_runs(formulas: Sequence[Sequence[str]]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each vertical run of cells outside array formulas.

    >>> plain_runs((("=A", "{=X}"), ("=B", "{=X}"), ("{=Y}", "=C")))
    [(0, 0, 1), (1, 2, 2)]
    """
    runs = []
    for c in range(len(formulas[0]) if formulas else 0):
        start = None
        for r in range(len(formulas) + 1):
            plain = r < len(formulas) and not formulas[r][c].startswith("{")
            if plain and start is None:
                start = r
            elif not plain and start is not None:
                runs.append((c, start, r - 1))
                start = None
    return runs


def _formula_values(doc: Any) -> dict[str, dict[str, Any]]:
    """{sheet: {"B2": value}} for every formula cell; errors as Calc shows them (#NAME?)."""
    from com.sun.star.sheet.CellFlags import FORMULA
    from com.sun.star.sheet.FormulaResult import ERROR

    out: dict[str, dict[str, Any]] = {}
    sheets = doc.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        values: dict[str, Any] = {}
        for a in sheet.queryContentCells(FORMULA).getRangeAddresses():
            data = sheet.getCellRangeByPosition(
                a.StartColumn, a.StartRow, a.EndColumn, a.EndRow
            ).getDataArray()
            for r, row in enumerate(data):
                for c, value in enumerate(row):
                    values[f"{column_letters(a.StartColumn + c)}{a.StartRow + r + 1}"] = value
        errors = sheet.queryFormulaCells(ERROR)
        for a in errors.getRangeAddresses():
            for row in range(a.StartRow, a.EndRow + 1):
                for col in range(a.StartColumn, a.EndColumn + 1):
                    cell = sheet.getCellByPosition(col, row)
                    values[f"{column_letters(col)}{row + 1}"] = cell.getString()
        out[sheet.getName()] = dict(sorted(values.items(), key=lambda kv: _cell_order(kv[0])))
    return out


def _cell_order(address: str) -> tuple[int, int]:
    match = re.match(r"([A-Z]+)(\d+)", address)
    assert match
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def _terminate(context: Any) -> None:
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    # The bridge drops as the office exits: an exception here is the expected end.
    with contextlib.suppress(Exception):
        desktop.terminate()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
