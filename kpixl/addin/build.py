"""Build kpixl.xlam from text: macros/, the installed xlwings VBA, and kpixl.udfs.

The add-in is assembled as a zip of XML parts, never through openpyxl (which cannot open an
.xlam and drops the ribbon). Its layout follows xlwings' quickstart_addin_ribbon.xlam: a
customUI part with its package relationship, a workbook with one hidden configuration sheet
and xl/vbaProject.bin holding ThisWorkbook, the sheet's module, the xlwings module, Dictionary,
the ribbon dispatcher and the generated KPI_* wrappers.

>>> from pathlib import Path
>>> import tempfile
>>> path = build_addin(Path(tempfile.mkdtemp()) / "kpixl.xlam")  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import os
import tempfile
import zipfile
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape

from ..bundled import macros_dir
from .customui import check_dispatch
from .udfvba import udf_module_source
from .vbaproject import WORKSHEET_BASE, VbaModule, build_vba_project

PROJECT_NAME = "kpixl"
# xlwings reads settings from a sheet named PROJECT_NAME + ".conf". The leading underscore
# keeps this one inactive, as in xlwings' own template, so ~/.kpixl/kpixl.conf (written by
# install_addin) is what counts; rename the sheet to kpixl.conf to configure the add-in itself.
CONF_SHEET = f"_{PROJECT_NAME}.conf"
CONF_ROWS: tuple[tuple[str, str | bool], ...] = (
    ("Interpreter_Win", ""),
    ("Interpreter_Mac", ""),
    ("PYTHONPATH", ""),
    ("Conda Path", ""),
    ("Conda Env", ""),
    ("UDF Modules", "kpixl.udfs"),
    ("Debug UDFs", False),
    ("Use UDF Server", False),
    ("Show Console", False),
)
SHEET_MODULE = "Sheet1"
UDF_VBA_MODULE = "KpixlFunctions"
# The package-relationship type for a customUI.xml in the 2006/01/customui namespace
# ([MS-CUSTOMUI] 2.1; the 2007 type is for customUI14.xml).
UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xlwings_dir() -> Path:
    """The folder of the installed xlwings package (found without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        # the add-in carries xlwings' own VBA, read from the package: kpixl's "excel" extra
        raise ModuleNotFoundError(
            'xlwings is not installed: pip install "kpixl[excel]"', name="xlwings"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_module(project_name: str = PROJECT_NAME) -> VbaModule:
    """xlwings' VBA for custom add-ins, with PROJECT_NAME set so it reads <name>.conf."""
    path = xlwings_dir() / "xlwings_custom_addin.bas"
    text = path.read_text(encoding="cp1252")
    placeholder = 'Public Const PROJECT_NAME As String = "myaddin"'
    if text.count(placeholder) != 1:
        raise RuntimeError(f"{path}: expected one line {placeholder!r}; has xlwings changed?")
    text = text.replace(placeholder, f'Public Const PROJECT_NAME As String = "{project_name}"')
    return VbaModule.parse(text, path.name)


def dictionary_module() -> VbaModule:
    """The Dictionary class xlwings' VBA uses on macOS (Scripting.Dictionary elsewhere)."""
    path = xlwings_dir() / "addin" / "Dictionary.cls"
    return VbaModule.parse(path.read_text(encoding="cp1252"), path.name)


def macro_modules(macros: Path | None = None) -> list[VbaModule]:
    """The hand-written modules in macros/ (*.bas and *.cls), ThisWorkbook first."""
    macros = macros or macros_dir()
    files = sorted(macros.glob("*.bas")) + sorted(macros.glob("*.cls"))
    modules = [VbaModule.parse(p.read_text(encoding="cp1252"), p.name) for p in files]
    return sorted(modules, key=lambda m: m.name != "ThisWorkbook")


def addin_modules(
    macros: Path | None = None, udf_module: ModuleType | str = "kpixl.udfs"
) -> list[VbaModule]:
    """Every module of the add-in's VBA project, in the order the project lists them."""
    macros = macros or macros_dir()
    if isinstance(udf_module, str):
        udf_module = importlib.import_module(udf_module)
    own = macro_modules(macros)
    if not own or own[0].name != "ThisWorkbook":
        raise ValueError(f"{macros} must hold ThisWorkbook.cls")
    generated = VbaModule.parse(
        udf_module_source(udf_module, vba_name=UDF_VBA_MODULE), UDF_VBA_MODULE + ".bas"
    )
    sheet = VbaModule.document(SHEET_MODULE, WORKSHEET_BASE)
    return [own[0], sheet, xlwings_module(), dictionary_module(), *own[1:], generated]


def _cell(ref: str, value: str | bool, strings: list[str]) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    strings.append(value)
    return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'


def _parts(customui: bytes, vba_project: bytes) -> dict[str, bytes]:
    strings: list[str] = []
    rows = []
    for number, (key, value) in enumerate(CONF_ROWS, start=1):
        cells = _cell(f"A{number}", key, strings)
        if value != "":
            cells += _cell(f"B{number}", value, strings)
        rows.append(f'<row r="{number}">{cells}</row>')
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    ct = "application/vnd.openxmlformats-officedocument"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{ct}.spreadsheetml.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.spreadsheetml.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{ct}.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/vbaProject.bin" '
            'ContentType="application/vnd.ms-office.vbaProject"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
            'Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{UI_RELATIONSHIP}" Target="customUI/customUI.xml"/>'
            "</Relationships>"
        ),
        "docProps/core.xml": (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            # Excel's Add-ins dialog shows the title and, below the list, the description
            "<dc:title>kpixl</dc:title><dc:description>KPI ratings (Red/Amber/Green), direction"
            " of travel, year to date and committee packs for performance trackers."
            "</dc:description><dc:creator>kpixl</dc:creator></cp:coreProperties>"
        ),
        "docProps/app.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>kpixl</Application></Properties>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<workbookPr codeName="ThisWorkbook"/>'
            '<bookViews><workbookView visibility="hidden"/></bookViews>'
            f'<sheets><sheet name="{escape(CONF_SHEET)}" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/'
            'relationships/vbaProject" Target="vbaProject.bin"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{_MAIN}"><sheetPr codeName="{SHEET_MODULE}"/>'
            f'<dimension ref="A1:B{len(CONF_ROWS)}"/>'
            '<cols><col min="1" max="1" width="16" customWidth="1"/>'
            '<col min="2" max="2" width="40" customWidth="1"/></cols>'
            f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{shared}</sst>"
        ),
        "xl/styles.xml": (
            f'<styleSheet xmlns="{_MAIN}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            "</cellXfs>"
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"
        ),
    }
    out = {name: (_XML + text).encode("utf-8") for name, text in parts.items()}
    out["customUI/customUI.xml"] = customui
    out["xl/vbaProject.bin"] = vba_project
    return out


def addin_bytes(macros: Path | None = None, udf_module: ModuleType | str = "kpixl.udfs") -> bytes:
    """The .xlam file as bytes. The same inputs always give the same bytes."""
    macros = macros or macros_dir()
    customui_path = macros / "customUI.xml"
    if not customui_path.is_file():
        raise FileNotFoundError(f"{customui_path} not found: the add-in's ribbon is missing")
    check_dispatch(customui_path)  # well formed, and every button calls the dispatcher
    vba_project = build_vba_project(PROJECT_NAME, addin_modules(macros, udf_module))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _parts(customui_path.read_bytes(), vba_project).items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the same archive from Linux or Windows
            archive.writestr(info, data)
    return buffer.getvalue()


def build_addin(
    out_path: str | os.PathLike[str] = "kpixl.xlam",
    *,
    macros: Path | None = None,
    udf_module: ModuleType | str = "kpixl.udfs",
) -> Path:
    """Write the add-in to `out_path` and return its path.

    The file is written to a temporary name and then renamed, so a failed build never
    leaves half an add-in where Excel would load it. Example: ``build_addin("kpixl.xlam")``.
    """
    out = Path(out_path)
    data = addin_bytes(macros, udf_module)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".kpixl-", suffix=".xlam", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's 0600 would make it private
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
