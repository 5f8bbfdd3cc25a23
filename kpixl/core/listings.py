"""The pack's other sheets as a model: the Summary (counts by committee, in words, and the
delivery plan's boxes), the Exceptions (Red indicators, rows that could not be rated,
overdue actions) and the Delivery plan (001's action tables, a table per theme). Every
label, word, share and colour is decided here; writers only draw them.

>>> from kpixl.core.summary import summary
>>> sheet = summary_listings(summary(["G", "R", "G"], ["Housing", "Housing", "Finance"]), "Q1")
>>> [c.value for c in sheet[0].rows[-1].cells][:4]
['All committees', 3.0, '67% (2) of 3', '0% (0) of 3']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actions import BOX, NO_THEME, ActionStatus, ActionSummary, Assessment
from .cells import Cell, Column, ColumnKind, Row, RowKind
from .model import NOT_RATED, Rating
from .rules import Status
from .summary import Summary

# Colour keys of the action categories that are not RAG statuses (the writer's palette).
COMPLETED = ActionStatus.COMPLETED.value
NOT_STARTED = ActionStatus.NOT_STARTED.value


@dataclass(frozen=True)
class Series:
    """One bar of a stacked chart: its label, a count per category, its colour key."""

    name: str
    values: tuple[int, ...]
    fill: str


@dataclass(frozen=True)
class Chart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class Listing:
    """A titled table on a pack sheet, with what is said under it and an optional chart.

    ``empty`` is said instead of the rows when there are none; ``lines`` are sentences
    under the table ("In words"); ``note`` a line above it (how a blank RAG is derived).
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    empty: str = ""
    lines: tuple[str, ...] = ()
    note: str = ""
    chart: Chart | None = None


def _share(text: str, count: int, fill: str) -> Cell:
    """A count shown as a share, filled with its status colour where it is not nought."""
    return Cell(text, fill=fill if count else "")


# --- the Summary sheet ---------------------------------------------------------------------


def summary_sentence(g: Summary, exceptions_sheet: bool = True) -> str:
    """Dacorum's wording (003), with shares that add up: "47% (16) of 34 indicators were
    rated Green, 23% (8) Amber, 18% (6) Red." Rows that could not be rated are sent to
    the Exceptions sheet where there is one (the pack's, not Lite's).

    >>> from kpixl.core.summary import summary
    >>> summary_sentence(summary(["G"] * 16 + ["A"] * 8 + ["R"] * 6 + ["No data"] * 4))
    '47% (16) of 34 indicators were rated Green, 23% (8) Amber, 18% (6) Red. Not rated: 4 no data.'
    """
    parts: list[str] = []
    for status in (Status.GREEN, Status.AMBER, Status.RED):
        share = f"{g.percent(status)}% ({g.count(status)})"
        parts.append(
            share if parts else f"{share} of {g.total} indicators were rated {status.value}"
        )
        if len(parts) > 1:
            parts[-1] += f" {status.value}"
    rest = [
        f"{g.count(x)} {x.value.lower()}"
        for x in (
            Status.EXCEEDED,
            Status.NO_DATA,
            Status.UNDER_REVIEW,
            Status.TRACKING,
            Status.NOT_YET_DUE,
        )
        if g.count(x)
    ]
    text = ", ".join(parts) + "."
    if rest:
        text += " Not rated: " + ", ".join(rest) + "."
    if g.count(NOT_RATED):
        see = " (see Exceptions)" if exceptions_sheet else ""
        text += f" {g.count(NOT_RATED)} could not be rated{see}."
    return text


def summary_labels(s: Summary) -> list[str]:
    """The columns of the summary: the statuses of 004's key (Exceeded and Not yet due only
    where used), then Check data where some row could not be rated."""
    return [
        st.value for st in Status if st not in (Status.EXCEEDED, Status.NOT_YET_DUE) or s.count(st)
    ] + ([NOT_RATED] if s.count(NOT_RATED) else [])


def summary_listings(
    s: Summary | None,
    period: str,
    unmapped: Sequence[str] = (),
    actions: ActionSummary | None = None,
) -> tuple[Listing, ...]:
    """The Summary sheet: counts and shares by committee ("47% (16) of 34", as 003 writes
    them) with a chart, the same in words, and the delivery plan's boxes where there are
    actions (a tracker of actions alone has only those)."""
    out: list[Listing] = []
    if s is not None:
        out.append(_indicator_summary(s, period, unmapped))
    if actions is not None and actions.total:
        out.append(action_boxes(actions))
    return tuple(out)


def _indicator_summary(s: Summary, period: str, unmapped: Sequence[str]) -> Listing:
    labels = summary_labels(s)
    columns = (
        Column("group", "Committee", 42, ColumnKind.WRAP),
        Column("total", "Indicators", 11, ColumnKind.VALUE),
        *(Column(label, label, 17, ColumnKind.SHARE) for label in labels),
    )
    groups = [*s.groups.items(), ("All committees", s)]
    rows = tuple(
        Row(
            RowKind.TOTAL if name == "All committees" else RowKind.INDICATOR,
            cells=(
                Cell(name),
                Cell(float(g.total)),
                *(_share(g.text(label), g.count(label), label) for label in labels),
            ),
        )
        for name, g in groups
    )
    chart = None
    if s.groups:
        chart = Chart(
            f"Indicators by status – {period}",
            tuple(s.groups),
            tuple(
                Series(label, tuple(g.count(label) for g in s.groups.values()), label)
                for label in labels
            ),
        )
    words = tuple(f"{name}: {summary_sentence(g)}" for name, g in groups)
    return Listing(
        "Summary of performance",
        columns,
        rows,
        lines=words,
        note=(
            "Columns of the tracker that kpixl did not use: " + ", ".join(unmapped)
            if unmapped
            else ""
        ),
        chart=chart,
    )


def action_boxes(a: ActionSummary) -> Listing:
    """001's boxes as one table: per theme and overall, the number of actions and how many
    are Red, Amber, Green, Completed and Not started, each with its share."""
    labels = sorted(
        {c for s in (a, *a.themes.values()) for c in s.labels()},
        key=lambda c: (BOX.index(c) if c in BOX else len(BOX), c),
    )
    columns = (
        Column("theme", "Theme", 42, ColumnKind.WRAP),
        Column("total", "Number of actions", 11, ColumnKind.VALUE),
        *(Column(c, c, 14, ColumnKind.SHARE) for c in labels),
    )

    def row(name: str, s: ActionSummary, kind: RowKind) -> Row:
        shares = s.shares()
        return Row(
            kind,
            cells=(
                Cell(name),
                Cell(float(s.total)),
                *(_share(f"{s.count(c)} ({shares.get(c, 0)}%)", s.count(c), c) for c in labels),
            ),
        )

    rows = [row(t, s, RowKind.INDICATOR) for t, s in a.themes.items()]
    rows.append(row("Overall", a, RowKind.TOTAL))
    chart = Chart(
        "Delivery plan actions by theme",
        tuple(a.themes),
        tuple(Series(c, tuple(s.count(c) for s in a.themes.values()), c) for c in labels),
    )
    return Listing("Delivery plan actions", columns, tuple(rows), chart=chart)


# --- the Exceptions sheet -------------------------------------------------------------------


def _figure(x: float | None, unit: str) -> Cell:
    if x is None:
        return Cell(None)
    decimals = 1 if unit in ("%", "days") else (0 if float(x).is_integer() else 2)
    return Cell(x, unit, decimals)


def exceptions_listings(
    period: str,
    exceptions: Sequence[Rating],
    problems: Sequence[Rating],
    overdue: Sequence[Assessment] = (),
) -> tuple[Listing, ...]:
    """The Exceptions sheet: every indicator rated Red with its commentary, the rows that
    could not be rated and why, and the actions overdue at the reporting date."""
    # a long table's rows are rated at their own latest period, which may be earlier
    own = {r.at.label for r in exceptions if r.at is not None}
    figure = (period or "Actual") if own <= {period} else "Latest figure"
    columns = (
        Column("committee", "Committee", 24, ColumnKind.WRAP),
        Column("ref", "Ref", 9, ColumnKind.WRAP),
        Column("name", "Indicator", 40, ColumnKind.WRAP),
        Column("value", figure, 12, ColumnKind.VALUE),
        Column("target", "Target", 14, ColumnKind.VALUE),
        Column("direction", "Direction of travel", 10, ColumnKind.ARROW),
        Column("status", "Status", 11, ColumnKind.STATUS),
        Column("comments", "Commentary", 80, ColumnKind.WRAP),
    )
    rows = []
    for r in exceptions:
        ind = r.indicator
        comment = " ".join(str(ind.comments or "").split()) or "No commentary given."
        if r.at is not None and r.at.label != period:
            comment = f"Figure for {r.at.label}. {comment}"
        rows.append(
            Row(
                RowKind.INDICATOR,
                cells=(
                    Cell(ind.committee or ind.directorate or ind.sheet),
                    Cell(ind.ref),
                    Cell(" ".join(ind.name.split())),
                    _figure(r.value.value, r.unit),
                    _figure(r.target, r.unit),
                    Cell(str(r.direction or ""), arrow=r.direction),
                    Cell(Status.RED.value, status=Status.RED),
                    Cell(comment),
                ),
                rating=r,
            )
        )
    out = [
        Listing(
            "Exceptions: indicators rated Red",
            columns,
            tuple(rows),
            empty="No indicator is rated Red this period.",
        )
    ]
    if problems:
        problem_columns = (
            Column("committee", "Committee", 24, ColumnKind.WRAP),
            Column("ref", "Ref", 9, ColumnKind.WRAP),
            Column("name", "Indicator", 40, ColumnKind.WRAP),
            # across the Red table's figures and commentary: one grid of columns a sheet
            Column("problem", "What kpixl could not read", 127, ColumnKind.WRAP, span=5),
        )
        out.append(
            Listing(
                "Data problems: rows that could not be rated",
                problem_columns,
                tuple(
                    Row(
                        RowKind.INDICATOR,
                        cells=(
                            Cell(
                                r.indicator.committee
                                or r.indicator.directorate
                                or r.indicator.sheet
                            ),
                            Cell(r.indicator.ref),
                            Cell(" ".join(r.indicator.name.split())),
                            Cell(
                                f"Tracker row {r.indicator.row}"
                                + (f" ({r.indicator.sheet})" if r.indicator.sheet else "")
                                + f": {r.problem}"
                            ),
                        ),
                        rating=r,
                    )
                    for r in problems
                ),
            )
        )
    if overdue:
        out.append(overdue_listing(overdue, period))
    return tuple(out)


def overdue_listing(overdue: Sequence[Assessment], period: str) -> Listing:
    """The actions overdue at the reporting date: their end has passed and they are not
    completed (001 lists them as Overdue)."""
    # on the Exceptions sheet's grid: theme, action over Ref and Indicator, end and RAG under
    # the figures, progress over the arrow, status and commentary
    columns = (
        Column("theme", "Theme", 24, ColumnKind.WRAP),
        Column("action", "Action", 49, ColumnKind.WRAP, span=2),
        Column("end", "End", 12, ColumnKind.TEXT),
        Column("rag", "RAG", 14, ColumnKind.STATUS),
        Column("progress", "Progress", 101, ColumnKind.WRAP, span=3),
    )
    rows = tuple(
        Row(
            RowKind.INDICATOR,
            cells=(
                Cell(a.action.theme),
                Cell(a.action.text),
                Cell(a.action.end.label if a.action.end else ""),
                _rag_cell(a),
                Cell(a.action.progress or "No progress given."),
            ),
        )
        for a in overdue
    )
    return Listing(f"Overdue delivery plan actions at {period}", columns, rows)


# --- the Delivery plan sheet ------------------------------------------------------------------


def _rag_cell(a: Assessment) -> Cell:
    if a.rag is None:
        return Cell(a.category, fill=a.category if a.category in (COMPLETED, NOT_STARTED) else "")
    return Cell(a.rag.value, status=a.rag)


def delivery_plan(assessments: Sequence[Assessment], rules_words: str) -> tuple[Listing, ...]:
    """001's action tables, one per theme: Outcome, Action, Progress, Status (as the rules
    judge it at the reporting date; the tracker's word beside it where it differs), Start
    Date, End Date and RAG (the officer's, or derived from the dates where blank)."""
    columns = (
        Column("outcome", "Outcome", 30, ColumnKind.WRAP),
        Column("action", "Action", 44, ColumnKind.WRAP),
        Column("progress", "Progress", 56, ColumnKind.WRAP),
        Column("status", "Status", 14, ColumnKind.WRAP),
        Column("start", "Start Date", 10, ColumnKind.TEXT),
        Column("end", "End Date", 10, ColumnKind.TEXT),
        Column("rag", "RAG", 11, ColumnKind.STATUS),
        Column("rag_from", "RAG from", 10, ColumnKind.TEXT),
    )
    by_theme: dict[str, list[Assessment]] = {}
    for a in assessments:
        by_theme.setdefault(a.action.theme or NO_THEME, []).append(a)
    out = []
    for theme, items in by_theme.items():
        rows = []
        outcome = None
        for a in items:
            act = a.action
            written = act.written_status
            status = a.status.value
            if written and written.lower() != status.lower():
                status = f"{status} (tracker: {written})"
            rows.append(
                Row(
                    RowKind.INDICATOR,
                    cells=(
                        Cell(act.outcome if act.outcome != outcome else ""),  # once per group
                        Cell(act.text),
                        Cell(act.progress),
                        Cell(status),
                        Cell(act.start.label if act.start else ""),
                        Cell(act.end.label if act.end else ""),
                        _rag_cell(a),
                        Cell("" if a.rag is None else ("the dates" if a.derived else "officer")),
                    ),
                )
            )
            outcome = act.outcome
        out.append(Listing(theme, columns, tuple(rows), note=rules_words))
    return tuple(out)
