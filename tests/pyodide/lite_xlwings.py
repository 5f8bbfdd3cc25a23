"""A stand-in ``xlwings`` module for importing an xlwings Lite ``main.py`` without xlwings
(inside Pyodide under Node, or in plain CPython).

Its ``func``, ``arg``, ``ret`` and ``script`` decorators record what they were given (name,
docstring, argument docs, ndim and other options) and return the function unchanged, as
the real decorators do outside Excel. Nothing here comes from xlwings itself: its ``pro``
code, which runs Lite's functions, has another licence and is never imported.

>>> xw = stand_in()
>>> @xw.func
... @xw.arg("x", ndim=2, doc="A column")
... def TWICE(x, scale=2):
...     '''Each cell times two.'''
...     return [[scale * c for c in row] for row in x]
>>> TWICE([[1.5], [2.0]])
[[3.0], [4.0]]
>>> info = xw.registry.function("TWICE")
>>> info["doc"], [(a["name"], a["doc"], a["ndim"], a["optional"]) for a in info["args"]]
('Each cell times two.', [('x', 'A column', 2, False), ('scale', None, None, True)])
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Function = Callable[..., Any]


class Registry:
    """What the decorators were told, per function, in the order the functions were made."""

    def __init__(self) -> None:
        self._funcs: dict[Function, dict[str, Any]] = {}
        self._scripts: dict[Function, dict[str, Any]] = {}
        # @arg and @ret sit below @func, so they run first: their options wait here.
        self._args: dict[Function, dict[str, dict[str, Any]]] = {}
        self._rets: dict[Function, dict[str, Any]] = {}

    def functions(self) -> list[dict[str, Any]]:
        """One description per ``@func`` function (see ``describe``)."""
        return [self.describe(f) for f in self._funcs]

    def scripts(self) -> list[dict[str, Any]]:
        """One description per ``@script`` function."""
        return [self.describe(f) for f in self._scripts]

    def function(self, name: str) -> dict[str, Any]:
        """The description of the ``@func`` function called ``name``."""
        for f in self._funcs:
            if f.__name__ == name:
                return self.describe(f)
        raise KeyError(f"no @func function named {name!r}")

    def describe(self, f: Function) -> dict[str, Any]:
        """Name, docstring, options and arguments (in signature order) of ``f``, as JSON."""
        kind = "func" if f in self._funcs else "script" if f in self._scripts else None
        options = self._funcs.get(f) or self._scripts.get(f) or {}
        documented = self._args.get(f, {})
        args = []
        for p in inspect.signature(f).parameters.values():
            given = dict(documented.get(p.name, {}))
            args.append(
                {
                    "name": p.name,
                    "doc": given.pop("doc", None),
                    "ndim": given.pop("ndim", None),
                    "options": _plain(given),
                    "optional": p.default is not p.empty or p.kind is p.VAR_POSITIONAL,
                    "varargs": p.kind is p.VAR_POSITIONAL,
                }
            )
        unknown = sorted(set(documented) - {a["name"] for a in args})
        return {
            "kind": kind,
            "name": f.__name__,
            "module": f.__module__,
            "doc": inspect.getdoc(f),
            "options": _plain(options),
            "args": args,
            "ret": _plain(self._rets.get(f, {})),
            "documented_but_not_in_signature": unknown,
        }


def _plain(options: dict[str, Any]) -> dict[str, Any]:
    """Options as JSON: a converter class or other object by its repr."""
    simple = (str, int, float, bool, type(None))
    return {k: v if isinstance(v, simple) else repr(v) for k, v in options.items()}


def stand_in() -> types.ModuleType:
    """A fresh module named ``xlwings`` with recording ``func``, ``arg``, ``ret``, ``script``.

    Any other capitalised name (``xw.Book``, ``xw.Range`` in a script's type hints) is a
    placeholder class, so a main.py that only names them imports."""
    registry = Registry()
    xw = types.ModuleType("xlwings", "Stand-in for xlwings: decorators record metadata only.")

    def decorator(store: dict[Function, dict[str, Any]]) -> Function:
        def decorate(f: Function | None = None, **options: Any) -> Any:
            def record(g: Function) -> Function:
                store[g] = options
                return g

            return record(f) if f is not None else record

        return decorate

    def arg(name: str, convert: Any = None, **options: Any) -> Function:
        def record(f: Function) -> Function:
            given = {"convert": convert, **options} if convert is not None else options
            registry._args.setdefault(f, {})[name.lstrip("*")] = given
            return f

        return record

    def ret(convert: Any = None, **options: Any) -> Function:
        def record(f: Function) -> Function:
            registry._rets[f] = {"convert": convert, **options} if convert is not None else options
            return f

        return record

    placeholders: dict[str, type] = {}

    def __getattr__(name: str) -> type:
        if not name[:1].isupper():
            raise AttributeError(f"the xlwings stand-in has no {name!r}")
        return placeholders.setdefault(name, type(name, (), {"__module__": "xlwings"}))

    xw.func = decorator(registry._funcs)
    xw.script = decorator(registry._scripts)
    xw.arg = arg
    xw.ret = ret
    xw.registry = registry
    xw.__getattr__ = __getattr__
    return xw


@contextmanager
def installed(xw: types.ModuleType | None = None) -> Iterator[types.ModuleType]:
    """``import xlwings`` gives the stand-in inside the block; what was there comes back
    after it (a module imported inside keeps the stand-in it was given)."""
    xw = xw or stand_in()
    missing = object()
    before = sys.modules.get("xlwings", missing)
    sys.modules["xlwings"] = xw
    try:
        yield xw
    finally:
        if before is missing:
            sys.modules.pop("xlwings", None)
        else:
            sys.modules["xlwings"] = before


def import_lite_main(path: str | Path, name: str = "main") -> tuple[types.ModuleType, Registry]:
    """Import the Lite ``main.py`` at ``path`` through the stand-in; its module and what its
    decorators recorded."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    with installed() as xw:
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
    return module, xw.registry
