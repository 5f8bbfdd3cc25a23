"""Finding LibreOffice, throwaway profiles, and running it without leaving processes behind.

>>> find_soffice()                                       # doctest: +SKIP
'/usr/bin/soffice'
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from kpixl.office import OfficeError

# Where installers put soffice when it is not on PATH (Windows, macOS, the LibreOffice.org
# tarballs for Linux). PATH wins; these are only the fallbacks.
_SOFFICE_CANDIDATES = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

# A profile setting: (configuration node path, property name) -> value.
Settings = Mapping[tuple[str, str], str | int | bool]


def find_soffice() -> str | None:
    """Return the path of LibreOffice's ``soffice``, or None when it is not installed.

    ``KPIXL_SOFFICE`` in the environment overrides the search.

    >>> find_soffice()                                   # doctest: +SKIP
    '/usr/bin/soffice'
    """
    override = os.environ.get("KPIXL_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        *_SOFFICE_CANDIDATES,
        *sorted(Path("/opt").glob("libreoffice*/program/soffice")),
    ):
        if Path(candidate).is_file():
            return str(candidate)
    return None


def find_uno_python(soffice: str | None = None) -> str | None:
    """Return a Python interpreter that can ``import uno`` (LibreOffice's Python), or None.

    Debian's LibreOffice uses the system ``python3`` (package python3-uno), never a venv;
    Windows and macOS builds bundle their own. ``KPIXL_UNO_PYTHON`` overrides the search.

    >>> find_uno_python()                                # doctest: +SKIP
    '/usr/bin/python3'
    """
    override = os.environ.get("KPIXL_UNO_PYTHON")
    candidates: list[str] = [override] if override else []
    if not override:
        soffice = soffice or find_soffice()
        if soffice:
            program = Path(soffice).resolve().parent
            candidates += [
                str(program / "python.exe"),  # Windows bundle
                str(program / "python"),  # LibreOffice.org Linux tarballs
                str(program.parent / "Resources" / "python"),  # macOS bundle
            ]
        candidates += ["/usr/bin/python3", shutil.which("python3") or "", sys.executable]
    for candidate in dict.fromkeys(c for c in candidates if c):
        if Path(candidate).is_file() and _imports_uno(candidate):
            return candidate
    return None


@functools.cache
def _imports_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def profile_xcu(settings: Settings) -> str:
    """Return a ``registrymodifications.xcu`` that presets ``settings`` in a new profile.

    >>> "OOXMLRecalcMode" in profile_xcu({(RECALC_NODE, "OOXMLRecalcMode"): 0})
    True
    """
    items = []
    for (node, name), value in settings.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        items.append(
            f"<item oor:path={quoteattr(node)}><prop oor:name={quoteattr(name)} "
            f'oor:op="fuse"><value>{escape(text)}</value></prop></item>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + "\n".join(items)
        + "\n</oor:items>\n"
    )


# Calc's "Recalculation on file load" settings; OOXMLRecalcMode 0 = always, 1 = never (default),
# 2 = prompt. Files written by XlsxWriter or Excel carry cached values that LibreOffice keeps
# unless told to recalculate.
RECALC_NODE = "/org.openoffice.Office.Calc/Formula/Load"


@contextlib.contextmanager
def throwaway_profile(settings: Settings | None = None) -> Iterator[str]:
    """Yield the ``file://`` URL of a fresh LibreOffice user profile, deleted afterwards.

    Each run gets its own profile: two soffice processes on one profile hand work to each
    other or refuse to start, and root's real profile stays untouched.

    >>> with throwaway_profile() as url:                 # doctest: +SKIP
    ...     url.startswith("file:///")
    True
    """
    root = Path(tempfile.mkdtemp(prefix="kpixl-lo-profile-"))
    try:
        if settings:
            user = root / "user"
            user.mkdir()
            (user / "registrymodifications.xcu").write_text(profile_xcu(settings), "utf-8")
        yield root.as_uri()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_killing_group(
    command: Sequence[str],
    *,
    timeout: float,
    what: str,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in its own process group; kill the whole group on timeout and at the end.

    ``soffice`` is a shell script that starts ``oosplash``, which starts ``soffice.bin``:
    killing only the direct child would leave the office running, so the group goes.

    >>> run_killing_group(["true"], timeout=5, what="true").returncode   # doctest: +SKIP
    0
    """
    popen_args: dict[str, object] = {}
    if os.name == "nt":
        popen_args["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        popen_args["start_new_session"] = True
    try:
        proc = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env=dict(env) if env is not None else None,
            **popen_args,  # type: ignore[call-overload]
        )
    except OSError as exc:
        raise OfficeError(f"{what}: could not start {command[0]!r}: {exc}") from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, err = proc.communicate()
        raise OfficeError(
            f"{what}: LibreOffice did not finish within {timeout:g} s and was killed"
            + output_tail(out, err)
        ) from None
    except BaseException:  # KeyboardInterrupt included: never leave an office behind
        _kill_group(proc)
        proc.communicate()
        raise
    _kill_group(proc)  # a stray soffice.bin that outlived its parent
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _kill_group(proc: subprocess.Popen[str], wait: float = 10.0) -> None:
    """Kill the process group and wait (up to ``wait`` s) until none of it is still running.

    SIGKILL is asynchronous and a big process such as soffice.bin takes a moment to go: the
    caller may remove its profile or report success only once it has gone.
    """
    if os.name == "nt":
        with contextlib.suppress(OSError):
            proc.kill()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and _group_alive(proc.pid):
        time.sleep(0.02)


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` is still running (zombies wait for init to reap)."""
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        return False  # no way to tell zombies apart: the signal was sent, that has to do
    for stat in proc_dir.glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after ")".
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def output_tail(out: str | None, err: str | None, limit: int = 2000) -> str:
    """The end of what the process printed, for error messages (javaldx noise dropped)."""
    lines = [
        line
        for line in f"{out or ''}\n{err or ''}".splitlines()
        if line.strip() and "javaldx" not in line
    ]
    text = "\n".join(lines)[-limit:]
    return f"\n{text}" if text else ""
