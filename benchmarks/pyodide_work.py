"""The work ``make bench`` times in both CPython and Pyodide: the same code on the same data.

benchmarks/run.py makes the data and passes it to Pyodide as JSON, so there it arrives as a
Lite function's arguments do (through JavaScript and pyodide.toPy, blank cells as null).

>>> data = make_data(3)
>>> result = work(data, repeat=1)
>>> sum(result["statuses"].values())
3
"""

from __future__ import annotations

import random
import time
from collections import Counter
from typing import Any


def make_data(n: int = 10_000, seed: int = 5) -> dict[str, Any]:
    """``n`` (actual, target) pairs for kpixl.rag, and an n-row column with a target,
    polarity and tolerance per row for KPI_RAG (blank tolerances among them)."""
    rng = random.Random(seed)
    return {
        "pairs": [[rng.uniform(0, 1), rng.uniform(0.5, 1)] for _ in range(n)],
        "column": [[rng.uniform(0, 1)] for _ in range(n)],
        "targets": [[rng.choice(["90%", "85%", 0.95, "92%"])] for _ in range(n)],
        "polarity": [[rng.choice(["Higher is better", "Lower is better"])] for _ in range(n)],
        "tolerance": [[rng.choice(["5%", "85% - 90%", "5 pts", None])] for _ in range(n)],
    }


def best(fn: Any, repeat: int) -> float:
    """Best wall time of ``repeat`` runs, after a few untimed ones: WebAssembly starts in
    V8's baseline code and is recompiled optimised only once it has run hot."""
    for _ in range(3):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def work(data: dict[str, Any], repeat: int = 21) -> dict[str, Any]:
    """Best seconds for the rag calls and the KPI_RAG column, and the statuses it gave (so
    the two interpreters can be seen to have done the same work)."""
    import kpixl
    from kpixl import udfs

    rag = kpixl.rag
    pairs = data["pairs"]
    args = (data["column"], data["targets"], data["polarity"], data["tolerance"])
    statuses = Counter(row[0] for row in udfs.KPI_RAG(*args))
    return {
        "rag": best(lambda: [rag(a, t) for a, t in pairs], repeat),
        "kpi_rag": best(lambda: udfs.KPI_RAG(*args), repeat),
        "statuses": dict(statuses),
    }


if __name__ == "__main__":  # inside Pyodide, through tests/pyodide/run.mjs
    RESULT = {**work(globals()["INPUT"]), "start_s": globals()["PYODIDE_START_S"]}
