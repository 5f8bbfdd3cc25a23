"""The cells of kpixl's tables: what a writer needs to show a value (its unit and
decimals, its status or arrow colour, a note under it), and the rows and columns that hold
them. Shared by the committee tables and the pack's other sheets.

>>> Cell(0.902, "%", 1).value, ColumnKind("status")
(0.902, <ColumnKind.STATUS: 'status'>)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Rating
from .rules import Direction, Status


class RowKind(StrEnum):
    SECTION = "section"  # a directorate or service heading across the table
    INDICATOR = "indicator"
    TOTAL = "total"  # a total row, in bold


class ColumnKind(StrEnum):
    """How a writer renders a column's cells."""

    TEXT = "text"
    WRAP = "wrap"
    VALUE = "value"
    ARROW = "arrow"
    STATUS = "status"
    TREND = "trend"
    SHARE = "share"  # a count or share, filled with its category's colour where not nought


@dataclass(frozen=True)
class Column:
    """A pack column: ``kind`` tells the writer how to render its cells."""

    key: str
    header: str
    width: float
    kind: ColumnKind = ColumnKind.TEXT
    span: int = 1  # sheet columns it covers (merged), where tables share a sheet's columns

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ColumnKind(self.kind))


@dataclass(frozen=True)
class Cell:
    """A value with what a writer needs to show it: unit and decimals for numbers, the
    status or arrow for colour, and a note shown under it ("3 out of 4")."""

    value: float | str | None
    unit: str = ""
    decimals: int = 0
    note: str = ""
    status: Status | None = None
    arrow: Direction | None = None
    fill: str = ""  # a colour key that is not a status (Completed, Not started)


@dataclass(frozen=True)
class Row:
    kind: RowKind
    label: str = ""
    cells: tuple[Cell, ...] = ()
    trend: tuple[float | None, ...] = ()
    rating: Rating | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RowKind(self.kind))

    @property
    def has_notes(self) -> bool:
        return any(c.note for c in self.cells)
