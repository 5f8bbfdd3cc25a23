"""What tests/test_pyodide.py runs inside Pyodide, and again in CPython to compare.

One run does it all, since a Pyodide start costs seconds: the core's case tables
(tests/cases_core.py), the doctests of kpixl.core and kpixl.udfs, KPI_* calls whose
arguments were built in JavaScript, and a Lite main.py imported through the xlwings
stand-in. Every outcome is encoded exactly (floats by repr, enums by name, errors by type
and message), so two interpreters agree only if they computed the same thing.

>>> encode(0.1 + 0.2), encode(kpixl.Status.AMBER)
({'float': '0.30000000000000004'}, {'enum': 'Status.AMBER'})
>>> outcome(kpixl.parse_value, "lots")["error"]
'ValueTextError'
"""

from __future__ import annotations

import dataclasses
import doctest
import enum
import importlib
import io
import math
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kpixl
import kpixl.core
from tests import cases_core as cases


def encode(x: Any) -> Any:
    """``x`` as JSON that tells apart what Python tells apart (1 from 1.0, a status from
    its word), with floats exact and NaN comparable."""
    if x is None or isinstance(x, bool):
        return x
    if isinstance(x, enum.Enum):  # before str: the core's enums are StrEnums
        return {"enum": f"{type(x).__name__}.{x.name}"}
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        return {"float": repr(x)}
    if isinstance(x, str):
        return x
    if isinstance(x, (list, tuple)):
        return [encode(v) for v in x]
    if isinstance(x, dict):
        return {"dict": [[encode(k), encode(v)] for k, v in x.items()]}
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        fields = {f.name: encode(getattr(x, f.name)) for f in dataclasses.fields(x)}
        return {"type": type(x).__name__, **fields}
    return {"repr": repr(x), "type": type(x).__name__}


def outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """``{"ok": result}`` or ``{"error": type, "message": text}``, encoded."""
    try:
        return {"ok": encode(fn(*args, **kwargs))}
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}


def core_cases() -> dict[str, list[Any]]:
    """Each case table's rows through the core call it tests."""

    def value(written: Any) -> Any:
        return kpixl.parse_value(written), kpixl.read_value(written)

    def statuses(*calls: tuple[Any, ...]) -> list[Any]:
        return [kpixl.rag(*c) for c in calls]

    def default_tolerance() -> list[Any]:
        with kpixl.settings(default_tolerance="10%"):
            inside = statuses((0.85, 0.9), ("85%", "90%", "higher", "N/A"))
        return [*inside, *statuses((0.85, 0.9))]

    def float_edges() -> list[Any]:
        out = []
        for target in (55.0, 0.55, 1e-6, 1e9, 97.5, 0.975):
            limit = target * 0.95
            out += statuses(
                (limit, target),
                (math.nextafter(limit, 0) * (1 - 1e-7), target),
                (target, target, "lower"),
                (target * 1.05, target, "lower"),
            )
        return out

    def acceptable_range() -> list[Any]:
        with kpixl.settings(acceptable_range="10%"):
            inside = kpixl.direction(0.9, 1.0)
        return [
            kpixl.direction(0.9, 1.0),
            kpixl.direction(0.9, 1.0, acceptable="10%"),
            inside,
            kpixl.direction(1.05, 1.0, "lower", acceptable=0.05),
        ]

    ytd_values = [4, None, 8, "TBC", 6, 2]
    stp08 = "99.5% and above is green, 99% and above is amber"
    dacorum = ["Green"] * 16 + ["Amber"] * 8 + ["Red"] * 6 + ["No data"] * 4
    extras: list[tuple[str, Callable[[], Any]]] = [
        ("thresholds", lambda: statuses((7884 / 7903, "100%", "Higher is better", stp08))),
        ("mixed scales", lambda: kpixl.rag(83, "92%", "Higher is better")),
        ("mixed scales target", lambda: kpixl.rag("90.2%", 92, "Higher is better")),
        ("Excel's 83%", lambda: kpixl.rag(0.83, "92%", "Higher is better")),
        ("default tolerance", default_tolerance),
        ("float edges", float_edges),
        ("acceptable range", acceptable_range),
        ("ytd ratio", lambda: kpixl.ytd(["12 out of 13", "3 out of 4"], "ratio")),
        ("ytd ratio weights", lambda: kpixl.ytd([12, 3], "ratio", [13, 4])),
        ("ytd sum", lambda: kpixl.ytd([30, 21, 24, None, "TBC", 24], "sum")),
        *(
            (f"ytd {m}", lambda m=m: kpixl.ytd(ytd_values, m))
            for m in ("mean", "last", "max", "min", "rolling:2", "Rolling 3")
        ),
        ("ytd weighted", lambda: kpixl.ytd([60.9, 56.15], "weighted", [30, 45])),
        ("ytd weighted cells", lambda: kpixl.ytd(["2527 out of 45", "3313 out of 11"], "weighted")),
        ("ytd median", lambda: kpixl.ytd([1, 2], "median")),
        ("multi-year target", lambda: kpixl.target_to_date("Q4 23/24 : 23 Q4 24/25: 38", 4, 4,
                                                           "last", year="2024/25")),
        ("several targets", lambda: kpixl.parse_target("P1 and P2 97.5% P3 and P4 90%")),
        ("summary", lambda: (lambda s: [s.total, s.text("Green"), s.share("Amber"), s.rows()])(
            kpixl.summary(dacorum))),
        ("summary groups", lambda: kpixl.summary(
            ["Red", "Completed", "Green", "G", None, "Not started"],
            ["Environment", "Environment", "Economy", "Economy", "Economy", "Council"]).rows()),
    ]  # fmt: skip
    return {
        "tolerances": [outcome(kpixl.parse_tolerance, row[0]) for row in cases.TOLERANCES],
        "tolerance errors": [outcome(kpixl.parse_tolerance, w) for w, _ in cases.TOLERANCE_ERRORS],
        "polarities": [outcome(kpixl.parse_polarity, w) for w, _ in cases.POLARITIES],
        "values": [outcome(value, w) for w, _ in cases.VALUES],
        "missing markers": [outcome(value, w) for w in cases.MISSING_MARKERS],
        "rag": [outcome(kpixl.rag, *row[:4]) for row in cases.RAG_CASES],
        "direction": [outcome(kpixl.direction, *row[:4]) for row in cases.DOT_CASES],
        "target to date": [outcome(kpixl.target_to_date, *row[:4]) for row in cases.TTD_CASES],
        "target kinds": [outcome(kpixl.parse_target, t) for t, _ in cases.TARGET_KINDS],
        "extras": [[label, outcome(fn)] for label, fn in extras],
    }


DOCTEST_MODULES = ["kpixl.udfs"]  # with every module of kpixl.core, found at run time


def doctest_modules() -> list[str]:
    """kpixl.core and its modules (whatever they are today), then kpixl.udfs."""
    found = [m.name for m in pkgutil.walk_packages(kpixl.core.__path__, "kpixl.core.")]
    return ["kpixl.core", *sorted(found), *DOCTEST_MODULES]


def doctests() -> dict[str, dict[str, Any]]:
    """Per module: examples tried, failed, and the failure report (empty when none)."""
    results = {}
    for name in doctest_modules():
        module = importlib.import_module(name)
        runner = doctest.DocTestRunner(verbose=False)
        report = io.StringIO()
        for test in doctest.DocTestFinder().find(module):
            runner.run(test, out=report.write)
        results[name] = {
            "attempted": runner.tries,
            "failed": runner.failures,
            "report": report.getvalue(),
        }
    return results


def _shape(x: Any) -> Any:
    """What a KPI_* argument arrived as: rows of cell type names."""
    if isinstance(x, list):
        return [_shape(v) for v in x]
    return type(x).__name__


def udf_calls(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each ``{"fn": "KPI_RAG", "args": [...]}`` called, with what its arguments were."""
    from kpixl import udfs

    return [
        {"arrived": _shape(c["args"]), "got": outcome(getattr(udfs, c["fn"]), *c["args"])}
        for c in calls
    ]


def lite_main(source: str, folder: str) -> dict[str, Any]:
    """Write a Lite main.py into ``folder``, import it through the xlwings stand-in, and
    describe what its decorators recorded; ``probe(main)`` results if it defines one."""
    from tests.pyodide.lite_xlwings import import_lite_main

    path = Path(folder) / "main.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    module, registry = import_lite_main(path, name="lite_main_under_test")
    checks = getattr(module, "probe", None)
    return {
        "functions": registry.functions(),
        "scripts": registry.scripts(),
        "probe": encode(checks()) if checks else None,
    }


def udfs_under_stand_in() -> list[dict[str, Any]]:
    """Import kpixl.udfs with the xlwings stand-in as its ``xlwings`` (Lite has an xlwings
    module; plain Pyodide does not) and describe its KPI_* functions."""
    from tests.pyodide.lite_xlwings import installed

    if "kpixl.udfs" in sys.modules:  # CPython: imported already, with the real xlwings
        return []
    with installed() as xw:
        importlib.import_module("kpixl.udfs")
    return xw.registry.functions()


def main(given: dict[str, Any] | None) -> dict[str, Any]:
    """Everything, in the order that lets kpixl.udfs meet the stand-in first."""
    given = given or {}
    about = {"platform": sys.platform, "python": sys.version.split()[0], "pyodide": None}
    if sys.platform == "emscripten":
        import pyodide

        about["pyodide"] = pyodide.__version__
    udf_functions = udfs_under_stand_in()
    return {
        "about": about,
        "cases": core_cases(),
        "doctests": doctests(),
        "udf_functions": udf_functions,
        "udf_calls": udf_calls(given.get("calls", [])),
        "lite_main": lite_main(given["lite_main"], "/tmp/lite") if "lite_main" in given else None,
    }


if __name__ == "__main__":  # inside Pyodide, through run.mjs: INPUT in, RESULT out
    RESULT = main(globals().get("INPUT"))
