"""A tracker's targets, tolerances and polarities are read once, when it is read: rating,
the table model and the writers use the typed fields (issue: the pack once parsed targets
411 times for 101 rows)."""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

import pytest

import kpixl.core.polarity
import kpixl.core.targets
import kpixl.core.tolerance
from kpixl.committee import make_pack

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "workbooks" / "sample_tracker.xlsx"
PARSERS = {
    "parse_target": (kpixl.core.targets, kpixl.core.targets.Target),
    "parse_tolerance": (kpixl.core.tolerance, kpixl.core.tolerance.Tolerance),
    "parse_polarity": (kpixl.core.polarity, kpixl.core.polarity.Polarity),
}


def test_each_rows_cells_are_parsed_once_for_a_pack(monkeypatch, tmp_path):
    counts: Counter[str] = Counter()
    for name, (home, typed) in PARSERS.items():
        original = getattr(home, name)

        def counting(x, *args, _name=name, _typed=typed, _original=original, **kwargs):
            if x is not None and not isinstance(x, _typed):  # a parsed field or a blank
                counts[_name] += 1  # costs nothing; anything else is a parse
            return _original(x, *args, **kwargs)

        for module in list(sys.modules.values()):  # every module that imported the name
            if module is not None and getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, counting)
    result = make_pack(TRACKER, tmp_path / "pack.xlsx")
    rows = len(result.ratings)
    assert rows == 101
    # read once each, when the tracker is read: never again to rate or to write the pack
    assert counts["parse_target"] == rows
    assert 0 < counts["parse_tolerance"] <= rows + 1  # and the kpixl.conf sheet's default
    assert 0 < counts["parse_polarity"] <= rows


@pytest.mark.parametrize("module", ["kpixl/core/tables.py", "kpixl/pack.py"])
def test_the_table_model_and_the_writer_parse_nothing(module):
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert not imported & set(PARSERS), module
