"""A real spreadsheet engine for kpixl's worksheet functions: LibreOffice Calc, headless.

``compute`` loads a tracker whose cells call ``=KPI_RAG(...)``, ``=KPI_DOT(...)``,
``=KPI_YTD(...)``, ``=KPI_TARGET(...)``, ``=KPI_VALUE(...)`` (any upper-case function of the
target module), has LibreOffice recalculate it with those functions running as the real
Python code of ``kpixl.udfs``, and returns every formula cell's value; ``recalculate`` saves
the recalculated copy instead. It checks, without Excel, that a workbook's formulas give what
the Python functions give, inside a spreadsheet's own evaluation (references, ranges,
nesting in IF, array formulas).

How: LibreOffice's Python (the system ``python3`` with python3-uno on Debian, never a venv)
runs ``_calc_worker.py`` in a child process; that starts ``soffice --headless`` on a
throwaway profile, adds a Basic module whose functions forward over UNO to the Python
functions, and drives the recalculation. See ``_calc_worker`` for the details.

Differences from Excel with xlwings, all LibreOffice 7.4 behaviour:

- No dynamic arrays: a function that returns a list of rows fills a range only when it is
  entered as an array formula (XlsxWriter ``write_array_formula``); a plain formula shows
  the top-left value.
- An error value in an argument (``#N/A`` in a referenced cell) makes the result that error
  without calling Python; xlwings would pass it in as None.
- An empty argument in the middle (``=KPI_RAG(B2,C2,,"5%")``) arrives as 0, not None;
  omitted trailing arguments are fine and take the Python defaults.
- A returned None shows as an empty string, ``"#N/A"`` as text, True/False as 1/0.
- A function named like one of Calc's own (ROWS, VAR) is Calc's: the bridge cannot reach it.
- A Python exception shows as text starting ``#KPIXL!`` with its message.

>>> compute("tracker.xlsx")["KPIs"]["F2"]                # doctest: +SKIP
'Amber'
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kpixl.office import OfficeError
from kpixl.office._calc_worker import ERROR_PREFIX, OUTPUT_FILTERS, error_text
from kpixl.office._soffice import (
    RECALC_NODE,
    find_soffice,
    find_uno_python,
    output_tail,
    run_killing_group,
    throwaway_profile,
)

__all__ = ["ERROR_PREFIX", "compute", "error_text", "recalculate", "uno_python_available"]

CellValue = float | str | None
Values = dict[str, dict[str, CellValue]]

_WORKER = Path(__file__).with_name("_calc_worker.py")
# The directory that holds the kpixl package, so LibreOffice's Python imports this kpixl.
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def compute(
    xlsx_path: str | os.PathLike[str],
    *,
    module: str = "kpixl.udfs",
    pythonpath: Sequence[str | os.PathLike[str]] = (),
    functions: Iterable[str] | None = None,
    save_as: str | os.PathLike[str] | None = None,
    timeout: float = 120,
) -> Values:
    """Recalculate a workbook in LibreOffice with the Python worksheet functions of ``module``
    and return ``{sheet: {"F2": value}}`` for every formula cell.

    Numbers come back as floats, text as str, errors as Calc shows them (``"#NAME?"``,
    ``"Err:504"``), as openpyxl reads cached errors. ``module`` must be importable by
    LibreOffice's Python from the directory that holds kpixl plus ``pythonpath``;
    ``functions`` limits the bridged names (default: every public upper-case function).
    ``save_as`` (an .xlsx path) also keeps the recalculated workbook, formulas and values.

    Raises OfficeError when LibreOffice or its Python is missing, the run fails, or it takes
    longer than ``timeout`` seconds (everything it started is killed).

    >>> compute("tracker.xlsx")                          # doctest: +SKIP
    {'KPIs': {'F2': 'Amber', 'G2': '↓A'}}
    """
    return _run(xlsx_path, save_as, module, pythonpath, functions, timeout)["values"]


def recalculate(
    xlsx_in: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    module: str = "kpixl.udfs",
    pythonpath: Sequence[str | os.PathLike[str]] = (),
    functions: Iterable[str] | None = None,
    timeout: float = 120,
) -> Path:
    """Save a copy of ``xlsx_in`` recalculated by LibreOffice with the Python worksheet
    functions, formulas kept and each cell's computed value stored (read them with
    ``openpyxl.load_workbook(out, data_only=True)``). The copy is LibreOffice's own
    re-save: fine to check values, not a file to hand back to a council in place of theirs.

    The file appears at ``out_path`` only when the whole run succeeded.

    >>> recalculate("tracker.xlsx", "out/tracker-calc.xlsx")   # doctest: +SKIP
    PosixPath('out/tracker-calc.xlsx')
    """
    _run(xlsx_in, out_path, module, pythonpath, functions, timeout)
    return Path(out_path)


def _run(
    xlsx_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str] | None,
    module: str,
    pythonpath: Sequence[str | os.PathLike[str]],
    functions: Iterable[str] | None,
    timeout: float,
) -> dict[str, Any]:
    source = Path(xlsx_path)
    if not source.is_file():
        raise FileNotFoundError(f"compute: no workbook at {source}")
    target = Path(out_path) if out_path is not None else None
    if target is not None and target.suffix.lower() not in OUTPUT_FILTERS:
        raise ValueError(
            f"compute: cannot save as {target.name!r}; use one of {', '.join(OUTPUT_FILTERS)}"
        )
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(
            "compute: LibreOffice is not installed (no soffice on PATH); install it "
            "(Debian: apt-get install libreoffice-calc-nogui python3-uno) or set KPIXL_SOFFICE"
        )
    python = find_uno_python(soffice)
    if python is None:
        raise OfficeError(
            "compute: no Python can import uno (LibreOffice's Python bridge); install "
            "python3-uno (Debian) or set KPIXL_UNO_PYTHON to LibreOffice's own python"
        )
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    # OOXMLRecalcMode 0: recalculate on load even when the file carries cached values (Excel
    # and XlsxWriter files do), so every formula is LibreOffice's own result.
    settings = {(RECALC_NODE, "OOXMLRecalcMode"): 0}
    with contextlib.ExitStack() as stack:
        profile = stack.enter_context(throwaway_profile(settings))
        scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="kpixl-calc-"))
        job_file = Path(scratch) / "job.json"
        result_file = Path(scratch) / "result.json"
        log_file = Path(scratch) / "soffice.log"
        staged = None
        if target is not None:
            # Saved beside the target first, so that the final rename is atomic.
            out_scratch = stack.enter_context(
                tempfile.TemporaryDirectory(dir=target.parent, prefix=".kpixl-calc-")
            )
            staged = Path(out_scratch) / target.name
        # LibreOffice opens a private copy: a lock file left on the original by someone's
        # open session would make a headless load fail, and the original is never touched.
        private_copy = Path(scratch) / f"input{source.suffix.lower()}"
        shutil.copyfile(source, private_copy)
        job = {
            "input": str(private_copy),
            "output": str(staged) if staged is not None else None,
            "module": module,
            "pythonpath": [str(Path(p).resolve()) for p in pythonpath] + [str(_PACKAGE_ROOT)],
            "functions": list(functions) if functions is not None else None,
            "soffice": soffice,
            "profile": profile,
            "pipe": f"kpixl-{os.getpid()}-{secrets.token_hex(6)}",
            "start_timeout": max(timeout - 5, 1),
            "result": str(result_file),
            "log": str(log_file),
        }
        job_file.write_text(json.dumps(job), "utf-8")
        done = run_killing_group(
            [python, str(_WORKER), str(job_file)], timeout=timeout, what=f"compute {source}"
        )
        if not result_file.is_file():
            raise OfficeError(
                f"compute: the LibreOffice worker for {source} reported nothing "
                f"(exit code {done.returncode})"
                + output_tail(done.stdout, done.stderr)
                + _log(log_file)
            )
        result = json.loads(result_file.read_text("utf-8"))
        if "error" in result:
            raise OfficeError(
                f"compute: {source}: {result['error']}"
                + output_tail(result.get("traceback"), done.stderr)
                + _log(log_file)
            )
        if staged is not None and target is not None:
            if not staged.is_file():
                raise OfficeError(f"compute: LibreOffice did not save {target.name}")
            os.replace(staged, target)
    return result


def _log(path: Path) -> str:
    """The end of soffice's own output, when it said anything useful."""
    if not path.is_file():
        return ""
    return output_tail(path.read_text("utf-8", errors="replace"), None)


def uno_python_available() -> bool:
    """Whether ``compute`` can run here: soffice installed and a Python that imports uno.

    >>> uno_python_available()                           # doctest: +SKIP
    True
    """
    soffice = find_soffice()
    return soffice is not None and find_uno_python(soffice) is not None
