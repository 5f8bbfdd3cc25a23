"""Pause Python's cycle collector over work that allocates many objects and makes no
cycles: reading a tracker, rating a column. Each collection it would trigger rescans every
object alive (tens of thousands of cells), which is most of the time otherwise.

>>> with paused():
...     rows = [[i] for i in range(1000)]
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (as it was, after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
