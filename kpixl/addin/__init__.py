"""Build and install kpixl.xlam, the Excel add-in, from text sources without Excel.

>>> from kpixl.addin import build_addin
>>> build_addin("kpixl.xlam")  # doctest: +SKIP
PosixPath('kpixl.xlam')
"""

from __future__ import annotations

from .build import build_addin
from .customui import button_ids
from .install import install_addin

__all__ = ["build_addin", "button_ids", "install_addin"]
