"""kpixl for xlwings Lite: the ``main.py`` and ``requirements.txt`` that ``kpixl lite -o DIR``
writes, to paste into Lite's two tabs.

xlwings Lite runs Python inside Excel (Pyodide, from the Office add-in store): custom
functions are declared with ``from xlwings import func, arg`` and ``@func`` /
``@arg(name, doc=...)``, scripts with ``@script`` and a ``book: xw.Book`` argument
(lite.xlwings.org: Custom Functions, Custom Scripts), and packages come from the
requirements.txt tab (pure-Python wheels from PyPI).

main.py is generated, not kept as a file: its functions are thin declarations of
:mod:`kpixl.udfs` (the one implementation), and their Function Wizard help is read from
udfs' own docstrings and ``@xw.arg(..., doc=...)`` texts, so the help lives in one place.
The arguments' docs are read from udfs' source (``ast``), since the decorators keep no
metadata outside Excel. The scripts delegate to :mod:`kpixl.lite_scripts`.

>>> [f.name for f in functions()][:3]
['KPI_RAG', 'KPI_DOT', 'KPI_YTD']
>>> "kpixl==" in requirements_txt()
True
"""

from __future__ import annotations

import ast
import inspect
import json
from dataclasses import dataclass
from pathlib import Path

from . import __version__, lite_scripts, udfs
from .core.errors import OutputProblem

MAIN = "main.py"
REQUIREMENTS = "requirements.txt"
# The scripts main.py declares: its name there, and the lite_scripts coroutine behind it.
SCRIPTS = (
    ("committee_tables", lite_scripts.committee_tables),
    ("check_tracker", lite_scripts.check_tracker),
)
# Lite reads formulas (kpixl's own KPI_* cells) through its async API from xlwings 0.37.
XLWINGS = "xlwings>=0.37"


@dataclass(frozen=True)
class Argument:
    """One argument of a KPI_* function: its default (Python source; None when required),
    and the options of its ``@xw.arg`` (doc, ndim)."""

    name: str
    default: str | None
    doc: str
    ndim: int | None


@dataclass(frozen=True)
class Function:
    name: str
    doc: str
    args: tuple[Argument, ...]

    def declaration(self) -> str:
        """The function as main.py declares it: decorators, signature, doc, one call."""
        lines = ["@func"]
        for a in self.args:
            ndim = f"ndim={a.ndim}, " if a.ndim is not None else ""
            lines.append(f"@arg({_literal(a.name)}, {ndim}doc={_literal(a.doc)})")
        params = ", ".join(
            a.name if a.default is None else f"{a.name}={a.default}" for a in self.args
        )
        lines.append(f"def {self.name}({params}):")
        lines.append(_docstring(self.doc))
        lines.append(f"    return udfs.{self.name}({', '.join(a.name for a in self.args)})")
        return "\n".join(lines)


def functions() -> list[Function]:
    """Every KPI_* worksheet function of kpixl.udfs, as its source declares it.

    Refuses (ValueError) a function whose arguments are not all documented, or that has
    ``*args`` or keyword-only arguments: the generator would have to invent them."""
    tree = ast.parse(inspect.getsource(udfs))
    nodes = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in udfs.__all__]
    missing = sorted(set(udfs.__all__) - {n.name for n in nodes})
    if missing:
        raise ValueError(f"kpixl.udfs: {missing} are not plain functions of the module")
    # in the order udfs defines them (KPI_RAG first), as the README lists them
    return [_function(n, inspect.getdoc(getattr(udfs, n.name)) or "") for n in nodes]


def _function(node: ast.FunctionDef, doc: str) -> Function:
    a = node.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise ValueError(f"{node.name}: only plain arguments can be declared for Lite")
    options: dict[str, dict[str, object]] = {}
    for dec in node.decorator_list:
        if (
            isinstance(dec, ast.Call)
            and isinstance(dec.func, ast.Attribute)
            and dec.func.attr == "arg"
        ):
            arg_name = ast.literal_eval(dec.args[0])
            options[arg_name] = {k.arg: ast.literal_eval(k.value) for k in dec.keywords if k.arg}
    names = [x.arg for x in a.args]
    defaults: list[str | None] = [None] * (len(names) - len(a.defaults))
    defaults += [ast.unparse(d) for d in a.defaults]
    extra = sorted(set(options) - set(names))
    undocumented = [n for n in names if not options.get(n, {}).get("doc")]
    if extra or undocumented:
        raise ValueError(
            f"{node.name}: every argument needs one @xw.arg(..., doc=...) "
            f"(undocumented: {undocumented}, not in the signature: {extra})"
        )
    if not doc:
        raise ValueError(f"{node.name}: no docstring for the Function Wizard")
    args = tuple(
        Argument(n, d, str(options[n]["doc"]), options[n].get("ndim"))  # type: ignore[arg-type]
        for n, d in zip(names, defaults, strict=True)
    )
    return Function(node.name, doc, args)


def _literal(text: str) -> str:
    """A Python string literal in double quotes (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def _docstring(text: str, indent: str = "    ") -> str:
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = body.splitlines() or [""]
    out = [f'{indent}"""{lines[0]}']
    out += [f"{indent}{line}" if line else "" for line in lines[1:]]
    if len(lines) > 1:
        out.append(f'{indent}"""')
    else:
        out[0] += '"""'
    return "\n".join(out)


def _script(name: str, coroutine: object) -> str:
    doc = inspect.getdoc(coroutine) or name
    return "\n".join(
        [
            "@script",
            f"async def {name}(book: xw.Book):",
            _docstring(doc),
            f"    print(await lite_scripts.{name}(book))",
        ]
    )


HEADER = f'''"""kpixl in Excel through xlwings Lite: the KPI_* worksheet functions and two scripts.

Written by `kpixl lite` (kpixl {__version__}). Paste this file into xlwings Lite's main.py
tab and requirements.txt into its requirements.txt tab. The functions (=KPI_RAG(...) and
the others) and the scripts (Committee tables, Check tracker) are kpixl's own; this file
only declares them to Excel. After upgrading kpixl, write it again: kpixl lite -o DIR
"""

import xlwings as xw
from xlwings import arg, func, script

import kpixl
from kpixl import lite_scripts, udfs

if kpixl.__version__ != "{__version__}":
    print(
        f"kpixl {{kpixl.__version__}} is installed but this main.py was written for kpixl "
        "{__version__}: run `kpixl lite -o DIR` with the installed kpixl and paste main.py again."
    )
'''


def main_py() -> str:
    """The text of main.py: every KPI_* function of kpixl.udfs and the two scripts."""
    parts = [HEADER.rstrip("\n")]
    parts += [f.declaration() for f in functions()]
    parts += [_script(name, coroutine) for name, coroutine in SCRIPTS]
    return "\n\n\n".join(parts) + "\n"


def requirements_txt() -> str:
    """The text of requirements.txt: kpixl at this version and with no extra, so Lite
    installs kpixl alone (plain Python; no numpy, pandas, openpyxl or XlsxWriter), and the
    xlwings that Lite itself runs."""
    return (
        f"# kpixl for xlwings Lite, written by `kpixl lite` (kpixl {__version__}).\n"
        "# kpixl with no extra is plain Python: nothing compiled, nothing else to install.\n"
        f"{XLWINGS}\n"
        f"kpixl=={__version__}\n"
    )


def write_lite(folder: str | Path, force: bool = False) -> list[Path]:
    """Write main.py and requirements.txt into ``folder`` (made if missing); refuse
    (:class:`OutputProblem`, exit 9) to replace either unless ``force``. Returns the paths."""
    out = Path(folder)
    files = {out / MAIN: main_py(), out / REQUIREMENTS: requirements_txt()}
    if out.exists() and not out.is_dir():
        raise OutputProblem(f"Check output: {out} is a file; give a folder for {MAIN}")
    existing = [p for p in files if p.exists()]
    if existing and not force:
        raise OutputProblem(
            f"Check output: {existing[0]} exists; give another folder, or add --force to "
            "replace it."
        )
    out.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)


__all__ = ["Argument", "Function", "functions", "main_py", "requirements_txt", "write_lite"]
