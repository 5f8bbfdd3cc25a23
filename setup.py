"""One build step beyond pyproject.toml: copy the files kpixl reads at run time (the add-in's
macros/ and the bundled tracker's workbooks/source/) into the package being built, so a wheel
carries them. The repository keeps them at the top, where people read and edit them; which
folders go where is kpixl/bundled.py's FOLDERS."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _bundled() -> ModuleType:
    # loaded from its file: importing the kpixl package is not needed to build it
    spec = importlib.util.spec_from_file_location("kpixl_bundled", ROOT / "kpixl" / "bundled.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithBundledFiles(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository's folders
            return
        bundled = _bundled()
        target = Path(self.build_lib) / "kpixl" / bundled.PACKAGED
        shutil.rmtree(target, ignore_errors=True)  # a file deleted from macros/ stays deleted
        for name, source in bundled.FOLDERS.items():
            shutil.copytree(ROOT / source, target / name)


setup(cmdclass={"build_py": BuildPyWithBundledFiles})
