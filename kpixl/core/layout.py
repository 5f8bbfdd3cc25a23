"""Find the KPI tables in a council's own tracker and read them into a :class:`Tracker`.

Pure: the input is each sheet's cell VALUES as a list of rows (``rows[0]`` is sheet row 1),
exactly what a workbook reader or xlwings' ``.value`` give, or a
:class:`~kpixl.core.scan.SheetData` that also carries number-format units and merged
ranges. The workbook reader (``kpixl.reader``) and the Excel ribbon button both call
:func:`tracker_from_sheets`; nothing here touches a file.

>>> t = tracker_from_sheets({"KPIs": [
...     ["Ref No.", "Indicator", "Polarity", "Target", "Apr-24", "May-24"],
...     ["AFL13", "Homelessness prevented", "Higher is better", "252 (21 per month)", 19, 23],
... ]})
>>> [p.label for p in t.periods], t.indicators[0].ref, t.indicators[0].values
(['Apr-24', 'May-24'], 'AFL13', (19, 23))

What it understands (the seed reports' layouts), in three steps:

* :mod:`~kpixl.core.headings`: a row is a header when it holds an indicator name column
  (KPI Description, Description of Performance Indicator, Indicator, Measure…) and at least
  two other known headings (Ref No., Target, Polarity, Tolerance, Apr-24, Q1 2024/25,
  Year to Date 2023-24, Status, Comments…), and no figures.
* :mod:`~kpixl.core.scan`: tables one below the other, repeated headers (a data row that
  merely looks like a header is not one), a two-row header with Value | Target under each
  period (Charnwood), title rows that name the directorate, section rows that name the
  service, second lines ("92 out of 99" under the values), merged cells (004's STP29 and its
  P1..P4 sub-measures).
* :mod:`~kpixl.core.build`: the grid of this year's periods (months where any table has
  them), other periods' figures with their own periods (a Quarter 1 column beside months,
  last year's Q4), years to date, and the rows as indicators.

A table exported rather than kept (one row per indicator per period, periods as rows,
organisations as rows) is seen first, or named by kpixl.toml's ``[table] shape``, and read
by :mod:`~kpixl.core.long` into the same Tracker. A sheet named ``kpixl.conf`` is settings,
not data (see :mod:`~kpixl.core.config`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .action_table import find_action_tables
from .actions import Action
from .build import grid_kind, grid_periods, indicators, latest_fy, slots
from .config import CONF_SHEETS, Conf, apply_conf, conf_from_sheet
from .errors import BadConfig, InputError, KpixlError, NoTableFound, rows_beyond
from .headings import HeadingKind, Headings, display
from .long import (
    no_shape_found,
    refuse_one_value_rows,
    shape_of,
    table_spec,
    tracker_from_table,
)
from .model import Indicator, Tracker, action_rules
from .periods import fy_label
from .scan import Rows, SheetData, Table, blank, scan_sheet
from .scheme import Settings, get_settings

__all__ = [
    "BadConfig",
    "Conf",
    "NoTableFound",
    "SheetData",
    "read_tables",
    "tracker_from_sheets",
]


def _sheet(name: str, data: Rows | SheetData) -> SheetData:
    return data if isinstance(data, SheetData) else SheetData(name, data)


def read_tables(sheets: Mapping[str, SheetData], kinds: Headings) -> list[Table]:
    """Every KPI table of the sheets, in order."""
    tables: list[Table] = []
    for sheet in sheets.values():
        tables.extend(scan_sheet(sheet, kinds))
    return tables


def tracker_from_sheets(
    sheets: Mapping[str, Rows | SheetData],
    settings: Settings | None = None,
    source: str = "",
    columns: Mapping[str, str] | None = None,
    *,
    overrides: Conf | None = None,
    notices: Sequence[str] = (),
) -> Tracker:
    """Read every KPI table of a workbook's sheets into a Tracker.

    ``settings`` defaults to the settings in force; a ``kpixl.conf`` sheet updates them, and
    ``overrides`` (what a kpixl.toml says) updates them last. ``columns`` maps a header as
    written to a field name (``ref``, ``name``, ``target``, ``status``…, ``ignore``) or to a
    period (``Apr-24``) and wins over the automatic mapping and the sheet's ``[columns]``.
    ``notices`` are the reader's own remarks (hidden sheets skipped…), kept on the tracker.

    Raises :class:`NoTableFound` when no sheet holds a KPI table (its message lists the
    sheets and the headings seen), :class:`BadConfig` for a setting or column mapping kpixl
    cannot use.

    >>> t = tracker_from_sheets({"Sheet1": [
    ...     ["Place & Economy"],
    ...     ["Ref No.", "Description of Performance Indicator", "June 2023/24", "July 2023/24",
    ...      "Polarity", "Target", "Tolerance"],
    ...     ["Growth & Regeneration"],
    ...     ["STP15", "Major applications in time", 1.0, 0.75, "Higher is better", "90%",
    ...      "85% - 90%"],
    ...     [None, None, "6 out of 6", "3 out of 4"],
    ... ]})
    >>> i = t.indicators[0]
    >>> i.directorate, i.service, i.values
    ('Place & Economy', 'Growth & Regeneration', ('100% (6 out of 6)', '75% (3 out of 4)'))
    """
    base = settings if settings is not None else get_settings()
    conf = Conf(where="kpixl.conf sheet")
    data: dict[str, SheetData] = {}
    for name, rows in sheets.items():
        if name.strip().lower() in CONF_SHEETS:
            conf = conf_from_sheet(_sheet(name, rows).rows)
        else:
            data[name] = _sheet(name, rows)
    s = apply_conf(base, conf, "kpixl.conf sheet")
    mapping = dict(conf.columns)
    if overrides is not None:
        s = apply_conf(s, overrides, overrides.where)
        mapping.update(overrides.columns)
    mapping.update(columns or {})
    if "max_rows" in conf.settings:  # a kpixl.conf sheet's own limit, known only now
        for name, sheet in data.items():
            last = max((i for i, row in enumerate(sheet.rows, 1) if not blank_row(row)), default=0)
            if last > s.max_rows:
                raise rows_beyond(name, last, s.max_rows)
    try:
        kinds = Headings(mapping, s.fy_start_month)
    except InputError as e:
        raise BadConfig(f"column mapping: {e}") from None
    # a long table, periods as rows or organisations as rows: stated in [table], or seen
    where = overrides.where if overrides is not None else conf.where
    spec = table_spec(
        {**conf.table, **(overrides.table if overrides else {})},
        {**conf.benchmark, **(overrides.benchmark if overrides else {})},
        where,
    )
    shape, cols = shape_of(data, kinds, spec, s.fy_start_month)
    if shape != "wide":
        if cols is None:
            raise no_shape_found(data, kinds, spec, source)
        return tracker_from_table(
            cols.sheet,
            spec,
            s,
            kinds=kinds,
            shape=shape,
            cols=cols,
            source=source,
            notices=notices,
        )
    tables = read_tables(data, kinds)
    actions, action_problems = _actions(data, s)
    said = list(notices)
    unused = kinds.unused()
    if not tables and not actions:
        raise no_table(source, data, kinds, overrides is not None, unused, said)
    if unused:
        said.append(
            "kpixl.toml [columns] names headings that no table has: "
            + ", ".join(f'"{u}"' for u in unused)
        )
    fy = _fy(s.financial_year) or latest_fy(tables)
    if fy is not None and s.financial_year != fy:
        s = replace(s, financial_year=fy)
    kind = grid_kind(tables, fy)
    grid = grid_periods(tables, fy, kind, s.fy_start_month)
    found: list[Indicator] = []
    for t in tables:
        found.extend(indicators(t, slots(t, fy, grid), len(grid), s))
    if tables:
        first = tables[0]
        refuse_one_value_rows(
            found,
            len(grid),
            data.get(first.sheet),
            first.header_row - 1,
            s.fy_start_month,
            first.labels.get(first.fields.get("ref", first.fields["name"]), ""),
        )
    unmapped = tuple(dict.fromkeys(u for t in tables for u in t.unmapped if u))
    said_period = next(
        (c.where for c in (overrides, conf) if c is not None and "reporting_period" in c.settings),
        None,
    )
    try:
        return Tracker(
            periods=tuple(grid),
            indicators=found,
            settings=s,
            source=source,
            unmapped=unmapped,
            notices=tuple(said),
            actions=actions,
            action_problems=action_problems,
        )
    except KpixlError as e:
        if said_period is not None and str(e).startswith("Check reporting period"):
            raise BadConfig(f"{said_period}, reporting_period: {e}") from None
        raise


def _actions(
    data: Mapping[str, SheetData], s: Settings
) -> tuple[tuple[Action, ...], tuple[tuple[str, int, str], ...]]:
    """The delivery-plan actions of every sheet, beside or below the KPI tables, and the
    rows of their tables that could not be read as actions."""
    rules = action_rules(s)
    found: list[Action] = []
    problems: list[tuple[str, int, str]] = []
    for name, sheet in data.items():
        for table in find_action_tables(sheet.rows, name, rules):
            found.extend(table.actions)
            problems.extend((name, row, message) for row, message in table.problems)
    return tuple(found), tuple(problems)


def _fy(text: object) -> str | None:
    import re

    if text is None:
        return None
    m = re.search(r"(20\d\d|\d\d)\s*[/\-–]\s*(\d\d(?:\d\d)?)\b", str(text))
    if not m:
        return None
    return fy_label(int(m[1]) + (2000 if len(m[1]) == 2 else 0))


# --- when no table is found: say what was seen and what to add ---------------------------

_NAME_EXAMPLES = (
    "KPI Description, Description of Performance Indicator, Indicator, Measure, "
    "Key Performance Indicator"
)


def _likely_header(rows: Rows, kinds: Headings) -> tuple[int, list[str]] | None:
    """The row among the first 40 with the most text cells that look like headings."""
    best: tuple[int, int, list[str]] | None = None
    for r, row in enumerate(rows[:40]):
        texts = [display(c) for c in row if isinstance(c, str) and c.strip() and len(c) <= 120]
        figures = sum(1 for c in row if isinstance(c, (int, float)) and not isinstance(c, bool))
        if len(texts) < 2 or figures > len(texts):
            continue
        known = sum(1 for c in row if isinstance(c, str) and kinds.classify(c) is not None)
        score = known * 3 + len(texts)
        if best is None or score > best[1]:
            best = (r, score, texts)
    return None if best is None else (best[0], best[2])


def no_table(
    source: str,
    sheets: Mapping[str, SheetData],
    kinds: Headings,
    has_toml: bool,
    unused: Sequence[str],
    notices: Sequence[str],
) -> NoTableFound:
    """The exit-7 message: the sheets searched, the headings seen in each likely header row,
    which kpixl recognised as what, what is missing, and the kpixl.toml lines to add."""
    where = f" in {source}" if source else ""
    lines = [f"No KPI table found{where}."]
    if not sheets:
        lines.append("The workbook has no sheets with data.")
    suggestion: list[str] = []
    for name, sheet in sheets.items():
        hidden = " (hidden)" if sheet.hidden else ""
        found = _likely_header(sheet.rows, kinds)
        if found is None:
            lines.append(f'Sheet "{name}"{hidden}: no row of headings.')
            continue
        r, texts = found
        seen = []
        has_name = False
        for t in texts[:14]:
            h = kinds.classify(t)
            if h is None:
                seen.append(f'"{t}" (not known)')
            elif h.kind is HeadingKind.FIELD:
                seen.append(f'"{t}" = {h.field}')
                has_name = has_name or h.field == "name"
            elif h.kind is HeadingKind.PERIOD and h.period is not None:
                seen.append(f'"{t}" = period {h.period.label}')
            else:
                seen.append(f'"{t}" = {h.kind.value}')
        more = f" and {len(texts) - 14} more" if len(texts) > 14 else ""
        lines.append(f'Sheet "{name}"{hidden}, row {r + 1}: ' + ", ".join(seen) + more + ".")
        if not has_name and not suggestion:
            unknown = [t for t in texts if kinds.classify(t) is None]
            if unknown:
                suggestion = [
                    "[columns]",
                    f'"{unknown[0]}" = "name"     # the column naming each indicator',
                ]
                if len(unknown) > 1:
                    suggestion.append(f'"{unknown[1]}" = "ref"      # if it is a reference')
    lines.append(
        "kpixl needs a header row with an indicator name column ("
        + _NAME_EXAMPLES
        + "…) and two other known headings (Ref No., Polarity, Target, Tolerance, periods "
        "such as Apr-24, Q1 2024/25 or 2023/24, Year to Date 2024/25, Status, Comments)."
    )
    if unused:
        lines.append(
            "kpixl.toml [columns] names headings no sheet has: "
            + ", ".join(f'"{u}"' for u in unused)
            + "."
        )
    if suggestion:
        lines.append(
            "Add to the kpixl.toml beside the tracker:" if not has_toml else "Add to kpixl.toml:"
        )
        lines.extend("    " + s for s in suggestion)
    for n in notices:
        lines.append(n)
    return NoTableFound("\n".join(lines))


def blank_row(row: Sequence[object]) -> bool:
    return all(blank(v) for v in row)
