"""kpixl: KPI ratings, direction of travel, year to date and committee packs.

>>> import kpixl
>>> str(kpixl.rag("90.2%", "92%", "Higher is better", "85% - 90%"))
'Amber'

The pandas path (``kpixl.rate_frame``) is imported on first use, so ``import kpixl``
stays plain Python.
"""

from __future__ import annotations

from typing import Any

from .core import *  # noqa: F403  (the public API is the core's)
from .core import __all__ as _core_all

__version__ = "0.1.0"
__all__ = [*_core_all, "rate_frame"]  # noqa: F405  (rate_frame comes from __getattr__)


def __getattr__(name: str) -> Any:
    if name == "rate_frame":
        from .frame import rate_frame

        return rate_frame
    raise AttributeError(f"module 'kpixl' has no attribute {name!r}")
