"""Install kpixl.xlam for the current Windows user, and write its xlwings configuration.

The add-in goes to %APPDATA%\\Microsoft\\AddIns, the folder Excel's Add-ins dialog lists. Its
xlwings VBA (PROJECT_NAME "kpixl") reads ~/.kpixl/kpixl.conf, a file of quoted pairs that
xlwings writes and reads with VBA's Write # and Input #:

>>> print(conf_text({"INTERPRETER_WIN": r"C:\\py\\python.exe"}), end="")
"INTERPRETER_WIN","C:\\py\\python.exe"

Everything but the copy is a pure function of its arguments, so it is tested on Linux.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from .build import PROJECT_NAME, build_addin

ADDIN_FILE = f"{PROJECT_NAME}.xlam"
UDF_MODULES = "kpixl.udfs"
_PAIR = re.compile(r'"([^"]*)"')


def addins_dir(appdata: str | os.PathLike[str]) -> Path:
    """Excel's per-user add-in folder under %APPDATA% (…\\Roaming)."""
    return Path(appdata) / "Microsoft" / "AddIns"


def conf_path(home: str | os.PathLike[str]) -> Path:
    """Where the add-in's VBA looks: %USERPROFILE%\\.kpixl\\kpixl.conf (GetConfigFilePath)."""
    return Path(home) / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf"


def read_conf(text: str) -> dict[str, str]:
    """Parse xlwings conf text into {KEY: value}; keys are compared without case by xlwings."""
    settings: dict[str, str] = {}
    for line in text.splitlines():
        values = _PAIR.findall(line)
        if len(values) >= 2:
            settings[values[0]] = values[1]
    return settings


def conf_text(settings: Mapping[str, str], existing: str = "") -> str:
    """Conf file text with `settings` set and every other line of `existing` kept.

    VBA's Input # cannot read a double quote inside a value, so such values are refused.
    """
    merged: dict[str, tuple[str, str]] = {
        key.lower(): (key, value) for key, value in read_conf(existing).items()
    }
    for key, value in settings.items():
        if '"' in key + value or "\n" in key + value or "\r" in key + value:
            raise ValueError(f"conf entries cannot hold quotes or line breaks: {key}={value!r}")
        merged[key.lower()] = (key, value)
    return "".join(f'"{key}","{value}"\n' for key, value in merged.values())


def kpixl_settings(interpreter: str) -> dict[str, str]:
    """The entries kpixl needs: the Python that has kpixl, and the module with the functions.

    UDF Modules only matters if someone re-imports functions from xlwings' ribbon: the add-in
    ships its wrappers already generated.
    """
    return {"INTERPRETER_WIN": interpreter, "UDF MODULES": UDF_MODULES}


def manual_steps(addin: str = ADDIN_FILE) -> str:
    """What to do on a Windows PC when this one cannot install the add-in itself."""
    return (
        "kpixl's Excel add-in runs in Excel for Windows only (xlwings' classic functions use "
        "COM).\n"
        "On the Windows PC, with kpixl installed in its Python:\n"
        "  1. run: kpixl addin install\n"
        f"     or copy {addin} to %APPDATA%\\Microsoft\\AddIns and write "
        "%USERPROFILE%\\.kpixl\\kpixl.conf with the lines\n"
        '       "INTERPRETER_WIN","C:\\path\\to\\python.exe"\n'
        f'       "UDF MODULES","{UDF_MODULES}"\n'
        "  2. in Excel: File > Options > Add-ins > Manage: Excel Add-ins > Go..., tick kpixl.\n"
        "See docs/excel-checklist.md for the checks to make once it is loaded."
    )


def install_addin(
    addin: str | os.PathLike[str] | None = None,
    *,
    interpreter: str | None = None,
    platform: str | None = None,
    appdata: str | os.PathLike[str] | None = None,
    home: str | os.PathLike[str] | None = None,
) -> str:
    """Install the add-in for this Windows user and return a message saying what was done.

    `addin` is a built kpixl.xlam; without one, the add-in is built straight into the
    AddIns folder. Elsewhere than Windows nothing is written and the message says what to do
    on Windows. Example: ``print(install_addin())``.
    """
    platform = platform or sys.platform
    if not platform.startswith("win"):
        return manual_steps()
    appdata = appdata or os.environ.get("APPDATA")
    if not appdata:
        return "APPDATA is not set, so Excel's add-in folder is unknown.\n" + manual_steps()
    target = addins_dir(appdata) / ADDIN_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if addin is None:
            build_addin(target)
        else:
            shutil.copyfile(addin, target)
    except PermissionError:
        # Excel keeps a loaded add-in open
        return f"Could not replace {target}: close Excel and run this again."
    conf = conf_path(home or Path.home())
    conf.parent.mkdir(parents=True, exist_ok=True)
    existing = conf.read_text(encoding="cp1252", errors="replace") if conf.exists() else ""
    settings = kpixl_settings(interpreter or sys.executable)
    # cp1252 and CRLF: the file is read by VBA's Input # on Windows
    conf.write_text(conf_text(settings, existing), encoding="cp1252", newline="\r\n")
    return (
        f"Installed {target}\n"
        f"Wrote {conf} (Python: {settings['INTERPRETER_WIN']})\n"
        "In Excel: File > Options > Add-ins > Manage: Excel Add-ins > Go..., tick kpixl "
        "(once); then the KPI tab and the KPI_* functions are there in every workbook."
    )
