"""Installing the add-in: paths, the conf file, and the Windows steps run on fake folders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpixl.addin.install import (
    addins_dir,
    conf_path,
    conf_text,
    install_addin,
    kpixl_settings,
    read_conf,
)


def xlwings_reads(text: str) -> dict[str, str]:
    """Read conf text the way xlwings.utils.read_user_config does (lower-cased keys)."""
    config = {}
    for line in text.splitlines():
        values = re.findall(r'"[^"]*"', line)
        if values:
            config[values[0].strip('"').lower()] = values[1].strip('"')
    return config


def test_windows_locations() -> None:
    appdata = Path("C:/Users/officer/AppData/Roaming")
    assert addins_dir(appdata) == appdata / "Microsoft" / "AddIns"
    # the VBA reads Environ("USERPROFILE") & "\.kpixl\kpixl.conf"
    assert conf_path(Path("C:/Users/officer")) == Path("C:/Users/officer/.kpixl/kpixl.conf")


def test_conf_text_is_what_xlwings_writes_and_reads() -> None:
    text = conf_text(kpixl_settings(r"C:\Users\officer\kpixl\.venv\Scripts\python.exe"))
    assert text == (
        '"INTERPRETER_WIN","C:\\Users\\officer\\kpixl\\.venv\\Scripts\\python.exe"\n'
        '"UDF MODULES","kpixl.udfs"\n'
    )
    assert xlwings_reads(text) == {
        "interpreter_win": r"C:\Users\officer\kpixl\.venv\Scripts\python.exe",
        "udf modules": "kpixl.udfs",
    }


def test_other_settings_in_the_conf_file_are_kept() -> None:
    existing = '"PYTHONPATH","C:\\shared\\kpi"\n"interpreter_win","C:\\old\\python.exe"\n'
    text = conf_text(kpixl_settings(r"C:\new\python.exe"), existing)
    assert read_conf(text) == {
        "PYTHONPATH": r"C:\shared\kpi",
        "INTERPRETER_WIN": r"C:\new\python.exe",  # replaced, whatever case it had
        "UDF MODULES": "kpixl.udfs",
    }


@pytest.mark.parametrize("value", ['C:\\a "b"\\python.exe', "C:\\a\nb"])
def test_values_vba_cannot_read_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="quotes or line breaks"):
        conf_text({"INTERPRETER_WIN": value})


def test_elsewhere_than_windows_nothing_is_written(tmp_path: Path) -> None:
    message = install_addin(platform="linux", appdata=tmp_path / "a", home=tmp_path / "h")
    assert "Excel for Windows" in message
    assert "%APPDATA%\\Microsoft\\AddIns" in message
    assert '"UDF MODULES","kpixl.udfs"' in message
    assert list(tmp_path.iterdir()) == []


def test_windows_install_copies_the_addin_and_writes_the_conf(tmp_path: Path) -> None:
    built = tmp_path / "dist" / "kpixl.xlam"
    built.parent.mkdir()
    built.write_bytes(b"PK fake add-in")
    home = tmp_path / "home"
    (home / ".kpixl").mkdir(parents=True)
    (home / ".kpixl" / "kpixl.conf").write_bytes(b'"SHOW CONSOLE","True"\r\n')
    message = install_addin(
        built,
        interpreter=r"C:\kpixl\python.exe",
        platform="win32",
        appdata=tmp_path / "Roaming",
        home=home,
    )
    target = tmp_path / "Roaming" / "Microsoft" / "AddIns" / "kpixl.xlam"
    assert target.read_bytes() == b"PK fake add-in"
    conf = (home / ".kpixl" / "kpixl.conf").read_bytes()
    # CRLF: VBA's Input # reads it on Windows
    assert conf == (
        b'"SHOW CONSOLE","True"\r\n"INTERPRETER_WIN","C:\\kpixl\\python.exe"\r\n'
        b'"UDF MODULES","kpixl.udfs"\r\n'
    )
    assert str(target) in message and "tick kpixl" in message


def test_windows_install_without_a_file_builds_into_the_addins_folder(tmp_path: Path) -> None:
    install_addin(platform="win32", appdata=tmp_path / "Roaming", home=tmp_path / "home")
    target = tmp_path / "Roaming" / "Microsoft" / "AddIns" / "kpixl.xlam"
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in target.parent.iterdir()) == ["kpixl.xlam"]
    assert "kpixl.udfs" in (tmp_path / "home" / ".kpixl" / "kpixl.conf").read_text()


def test_a_locked_addin_asks_to_close_excel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: object, **kwargs: object) -> None:
        raise PermissionError("in use")

    monkeypatch.setattr("kpixl.addin.install.shutil.copyfile", locked)
    built = tmp_path / "kpixl.xlam"
    built.write_bytes(b"PK")
    message = install_addin(built, platform="win32", appdata=tmp_path, home=tmp_path / "h")
    assert "close Excel" in message
    assert not (tmp_path / "h").exists()  # nothing half-done
