"""A side file of indicator information (names, polarity, unit), joined to a tracker by
code: the LGBF's Indicator_Information (``Title``, ``Ranking_Type`` Ascending = lower is
better, Descending = higher is better), NHS England's measure lookup (``measure_name``).

kpixl.toml names it::

    [info]
    file = "Indicator_Information.csv"
    key = "Code"        # optional: else the column whose codes match most references

What the tracker itself says wins: the side file fills only a blank name (or one that is
just the reference), polarity or unit.

>>> from kpixl.core.model import Indicator
>>> table = information(SheetData("info", [["Title", "Code", "Ranking_Type", "NumberFormat"],
...     ["Cost per Library Visit", "C&L02", "Ascending", "'£ '0.00"]]), [Indicator(1, "C&L02")])
>>> ind = join([Indicator(1, "C&L02", "C&L02")], table)[0][0]
>>> ind.name, ind.polarity, ind.unit
('Cost per Library Visit', 'Ascending', '£')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .errors import BadConfig
from .headings import HeadingKind, classify, display, heading_key
from .model import Indicator, Tracker
from .scan import SheetData, blank, text
from .values import is_missing_text

FIELDS = ("name", "polarity", "unit")
_HEADER_ROWS = 40


@dataclass(frozen=True)
class Information:
    """The side file read: per code (lower case), its name, polarity and unit."""

    key: str  # the heading of its code column
    by_code: Mapping[str, Mapping[str, object]]
    where: str = "[info] file"


def _norm(code: object) -> str:
    return " ".join(text(code).split()).lower()


def _unit(fmt: object) -> object:
    """A unit from a number format the side file gives ("0.0%", "'£ '0.00"), else as is."""
    if not isinstance(fmt, str):
        return fmt
    bare = fmt.replace('"', "")
    if "%" in bare:
        return "%"
    if "£" in bare:
        return "£"
    return fmt


def information(
    sheet: SheetData, indicators: Sequence[Indicator], key: str = "", where: str = "[info] file"
) -> Information:
    """Read a side file: its header (the first row with a name or polarity heading), and
    its code column: ``key`` when given, else the column whose cells match the most of the
    indicators' references."""
    header = None
    for r, row in enumerate(sheet.rows[:_HEADER_ROWS]):
        kinds = [classify(c) for c in row if isinstance(c, str) and c.strip()]
        fields = {h.field for h in kinds if h is not None and h.kind is HeadingKind.FIELD}
        if key and any(isinstance(c, str) and heading_key(c) == heading_key(key) for c in row):
            header = r
            break
        if fields & {"name", "polarity"} and len(kinds) >= 2:
            header = r
            break
    if header is None:
        raise BadConfig(
            f"{where}: no row of headings with a name or polarity column (Title, Measure name, "
            "Polarity, Ranking_Type) in its first rows"
        )
    labels = {c: display(v) for c, v in enumerate(sheet.rows[header]) if isinstance(v, str)}
    rows = [r for r in sheet.rows[header + 1 :] if any(not blank(v) for v in r)]
    refs = {_norm(i.ref) for i in indicators if i.ref}
    if key:
        col = next((c for c, lab in labels.items() if heading_key(lab) == heading_key(key)), None)
        if col is None:
            raise BadConfig(
                f'{where}: key = "{key}" is no heading of the file; its headings: '
                + ", ".join(f'"{h}"' for h in labels.values())
            )
    else:
        counts = {c: sum(1 for r in rows if c < len(r) and _norm(r[c]) in refs) for c in labels}
        col = max(counts, key=lambda c: counts[c]) if counts else None
        if col is None or counts[col] == 0:
            raise BadConfig(
                f"{where}: none of its columns holds the tracker's references (such as "
                + ", ".join(f'"{r}"' for r in sorted(refs)[:3])
                + '); say which column is the code: [info] key = "Code"'
            )
    columns: dict[str, int] = {}
    for c, lab in sorted(labels.items()):
        h = classify(lab)
        if c != col and h is not None and h.kind is HeadingKind.FIELD and h.field in FIELDS:
            columns.setdefault(h.field, c)
    by_code: dict[str, dict[str, object]] = {}
    for line in rows:
        code = _norm(line[col]) if col < len(line) else ""
        if not code:
            continue
        entry = by_code.setdefault(code, {})
        for f, c in columns.items():
            v = line[c] if c < len(line) else None
            if f in entry or blank(v) or (isinstance(v, str) and is_missing_text(v.strip())):
                continue  # the first row with a value of each code wins
            entry[f] = _unit(v) if f == "unit" else (" ".join(str(v).split()) if f == "name" else v)
    return Information(labels[col], by_code, where)


def join(indicators: Sequence[Indicator], info: Information) -> tuple[list[Indicator], int]:
    """The indicators with what the side file says filled in where they say nothing; and
    how many it matched."""
    out: list[Indicator] = []
    matched = 0
    for ind in indicators:
        entry = info.by_code.get(_norm(ind.ref))
        if entry is None:
            out.append(ind)
            continue
        matched += 1
        changes: dict[str, object] = {}
        name = entry.get("name")
        if name and (not ind.name.strip() or _norm(ind.name) == _norm(ind.ref)):
            changes["name"] = name
        for f in ("polarity", "unit"):
            if f in entry and blank(getattr(ind, f)):
                changes[f] = entry[f]
        out.append(replace(ind, **changes) if changes else ind)  # type: ignore[arg-type]
    return out, matched


def with_info(tracker: Tracker, info: Information) -> Tracker:
    """The tracker with the side file joined, and a notice saying how many rows it named."""
    rows, matched = join(tracker.indicators, info)
    note = (
        f'Indicator information from {info.where} (by "{info.key}") for {matched} of '
        f"{len(rows)} indicators."
    )
    return replace(tracker, indicators=rows, notices=(*tracker.notices, note))
