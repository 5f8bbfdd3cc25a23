"""Where kpixl finds the files it ships beside its code: the add-in's VBA and ribbon, and the
source of the bundled tracker.

In the repository they are read and edited at the top (``macros/``, ``workbooks/source/``).
A wheel carries copies inside the package, in ``kpixl/_bundled/``, made when the wheel is
built (``setup.py``). An installed kpixl finds them there through importlib.resources; a
checkout or an editable install, which has no copies, falls back to the repository's folders.

>>> (macros_dir() / "customUI.xml").is_file()
True
>>> (sample_source_dir() / "indicators.csv").is_file()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# The folder inside the package, and each of its folders with the repository folder that
# setup.py copies into it. This module imports only the standard library: setup.py loads it.
PACKAGED = "_bundled"
FOLDERS = {"macros": "macros", "sample": "workbooks/source"}
_REPOSITORY = Path(__file__).resolve().parents[1]


def bundled_dir(name: str) -> Path:
    """The folder of bundled files called `name` ("macros" or "sample").

    Example: ``bundled_dir("macros") / "customUI.xml"``.
    """
    packaged = resources.files(__package__) / PACKAGED / name
    # kpixl is installed as files (pip never zips a package), so this is a real folder
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = _REPOSITORY / FOLDERS[name]
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"kpixl's {name} files are missing: not in {packaged} (an installed kpixl) nor in "
        f"{checkout} (a checkout); reinstall kpixl"
    )


def macros_dir() -> Path:
    """The add-in's ribbon XML and VBA modules (``macros/`` in the repository)."""
    return bundled_dir("macros")


def sample_source_dir() -> Path:
    """The bundled tracker's CSV and TOML (``workbooks/source/`` in the repository)."""
    return bundled_dir("sample")
