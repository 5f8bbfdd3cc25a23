"""Seed 004: North Northamptonshire Council, performance report, July 2023.

One sheet per directorate table, in the report's order, each table as printed: the
directorate title row (merged across the table), its own header row (the column sets
differ: Finance has ``July 2022/23 | Year to Date 2022/23 | Quarter 1 | …``, Public Health
``Quarter 4 22-23 | Year to Date 2022-23 | Quarter 1 23-24``, Customer & Governance
``… | Apr-23 | May-23 | Jun-23``), service section rows ("Growth & Regeneration", …), and
where the report starts a new page of the same table, the title and header again with the
page's own spelling ("Year to Date 2023- 24", "Year to Date 2023 24").

Where the report puts "x out of y" on a line under a value, the tracker has a second row
under the indicator with the counts under their values, and the indicator's other cells
merged down over both rows; where the counts are inside the cell ("95.41% (16579 out of
17377)") they stay in the cell. STP29, STP30 and STP31 are a parent row and P1..P4 rows
whose Key Commitment, Ref No., Statutory, Benchmark, Polarity, Target (not STP31, whose P
rows print their own targets), Tolerance and Comments cells are merged over the five rows.
The Infographic / Chart column (images) is left empty.

Days are numbers with a "days" number format ("60.9 days" is 60.9 with ``0.0 "days"``);
sums collected are numbers with a £ format whose note is part of the format
(``"£"#,##0.00" (collected in July)"``); everything else is stored as Excel reads typed
text. The direction-of-travel cells hold the arrows decoded from the extracted glyphs
(``arrow`` below); ``arrow_printed`` keeps the glyphs as extracted.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ._cells import excel_value, header_row, money_value, put, section_row, title_row, unit_value

# Period keys used in PRINTED, per table; the sheet's headings are in CHUNKS below.
P_MAIN = ("YTD 2022-23", "Q1 2023-24", "YTD 2023-24", "June 2023", "July 2023")
P_FINANCE = ("July 2022", "YTD 2022-23", "Q1 2023-24", "YTD 2023-24", "June 2023", "July 2023")
P_HEALTH = ("Q4 2022-23", "YTD 2022-23", "Q1 2023-24")
P_GOVERNANCE = ("Q4 2022-23", "YTD 2022-23", "YTD 2023-24", "April 2023", "May 2023", "June 2023")

PLACE = "Place & Economy"
FINANCE = "Finance Services"
HEALTH = "Communities & Public Health"
CHILDREN = "Children's Services"
GOVERNANCE = "Customer & Governance"
ADULTS = "Adults & Housing"
SHEETS = (PLACE, FINANCE, HEALTH, CHILDREN, GOVERNANCE, ADULTS)
PERIODS = {
    PLACE: P_MAIN,
    FINANCE: P_FINANCE,
    HEALTH: P_HEALTH,
    CHILDREN: P_MAIN,
    GOVERNANCE: P_GOVERNANCE,
    ADULTS: P_MAIN,
}


def _heading(
    periods: tuple[str, ...],
    ref: str | None = "Ref No.",
    kc: str = "Key Commitment",
    polarity: str | None = "Polarity",
) -> tuple[tuple[str | None, str], ...]:
    """A header row: (heading as printed, field); period headings are given in order."""
    return (
        (kc, "commitment"),
        (ref, "ref"),
        ("Description of Performance Indicator", "name"),
        ("Infographic / Chart", "chart"),
        ("Statutory Reporting Required? (Yes / No)", "statutory"),
        ("Benchmark", "benchmark"),
        *periods,
        ("Direction of Travel (since previous period)", "arrow"),
        (polarity, "polarity"),
        ("Target", "target"),
        ("Tolerance", "tolerance"),
        ("Comments", "comment"),
    )


def _main(
    ytd: str = "Year to Date 2023-24",
    q1: str = "Quarter 1 23-24",
    ytd_last: str = "Year to Date 2022-23",
) -> tuple[tuple[str, str], ...]:
    return (
        (ytd_last, "YTD 2022-23"),
        (q1, "Q1 2023-24"),
        (ytd, "YTD 2023-24"),
        ("June 2023/24", "June 2023"),
        ("July 2023/24", "July 2023"),
    )


H_PLACE = _heading(_main())
H_FINANCE = _heading(
    (
        ("July 2022/23", "July 2022"),
        ("Year to Date 2022/23", "YTD 2022-23"),
        ("Quarter 1", "Q1 2023-24"),
        ("Year to Date 2023/24", "YTD 2023-24"),  # printed "<u>Year to Date</u> 2023/24"
        ("June 2023/24", "June 2023"),
        ("July 2023/24", "July 2023"),
    ),
    ref=None,  # the Finance table's Ref No. heading is blank as printed
)
H_HEALTH = _heading(
    (
        ("Quarter 4 22-23", "Q4 2022-23"),
        ("Year to Date 2022-23", "YTD 2022-23"),
        ("Quarter 1 23-24", "Q1 2023-24"),
    ),
    kc="Key Commitme nt",
)
H_CHILDREN = _heading(_main(q1="Quarter 1 2023-24"))  # "<u>June</u> 2023/24" as June 2023/24
H_GOVERNANCE = _heading(
    (
        ("Quarter 4 22-23", "Q4 2022-23"),
        ("Year to Date 2022-23", "YTD 2022-23"),
        ("Year to Date 2023-24 (Quarter 1)", "YTD 2023-24"),
        ("Apr-23", "April 2023"),
        ("May-23", "May 2023"),
        ("Jun-23", "June 2023"),
    ),
    kc="Key Commitme nt",
    polarity=None,  # the Polarity heading is blank in this table, as printed
)
H_ADULTS_HYPHEN = _heading(_main(ytd="Year to Date 2023- 24"), kc="Key Commitme nt")
H_ADULTS_SPACE = _heading(_main(ytd="Year to Date 2023 24"), kc="Key Commitme nt")

# Each printed table (a page of a directorate): sheet, title, header, section row, rows.
# A ref that heads a group in GROUPS brings its member rows, merged, with it.
CHUNKS: tuple[tuple[str, str, tuple, str | None, tuple], ...] = (
    (PLACE, PLACE, H_PLACE, "Growth & Regeneration", ("STP15", "STP16", "STP17")),
    (PLACE, PLACE, H_PLACE, "Highways & Waste", ("STP29", "STP30", "STP31", "GSE06", "GSE07")),
    (FINANCE, FINANCE, H_FINANCE, None, ("MPS05", "MPS04")),
    (
        HEALTH,
        HEALTH,
        H_HEALTH,
        "Public Health",
        ("AFL22", "BBF02", "AFL20", "AFL21", "BBF01", "BBF03", "BBF04", "AFL23"),
    ),
    (
        CHILDREN,
        CHILDREN,
        H_CHILDREN,
        None,
        ("BBF05", "BBF06", "BBF07", "BBF08", "BBF09", "BBF27", "BBF28", "BBF29"),
    ),
    (
        CHILDREN,
        CHILDREN,
        H_CHILDREN,
        "Learning, Skiils & Education",
        ("BBF12", "BBF13", "BBF15", "BBF16", "BBF17", "BBF18b"),
    ),
    (
        CHILDREN,
        CHILDREN,
        H_CHILDREN,
        None,
        ("BBF19", "BBF34", "BBF35", "BBF22", "BBF32", "BBF33", "BBF36"),
    ),
    (GOVERNANCE, GOVERNANCE, H_GOVERNANCE, "Information Governance", ("MPS21",)),
    (
        ADULTS,
        ADULTS,
        H_ADULTS_HYPHEN,
        "Adult Social Care",
        ("ST-MAX", "AFL04", "AFL05", "AFL06", "AFL07", "AFL08"),
    ),
    (
        ADULTS,
        ADULTS,
        H_ADULTS_SPACE,
        "Housing Services",
        ("rough sleepers", "AFL13", "AFL14", "AFL15", "AFL17", "AFL18"),
    ),
    (ADULTS, ADULTS, H_ADULTS_HYPHEN, None, ("AFL24", "STP38", "STP12", "STP36")),
    (
        ADULTS,
        ADULTS,
        H_ADULTS_SPACE,
        None,
        ("STP37a", "STP37b", "STP08", "STP04", "STP05", "STP39", "STP40"),
    ),
)

_TREE = (
    "commitment",
    "ref",
    "statutory",
    "benchmark",
    "polarity",
    "target",
    "tolerance",
    "comment",
)
# Merged groups: the rows, and the fields merged down over all of them (taken from the
# first row). STP31's targets are per row, so its Target cells are not merged.
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "STP29": (("STP29", "STP29 P1", "STP29 P2", "STP29 P3", "STP29 P4"), _TREE),
    "STP30": (("STP30", "STP30 P1", "STP30 P2", "STP30 P3", "STP30 P4"), _TREE),
    "STP31": (
        ("STP31", "STP31 P1", "STP31 P2", "STP31 P3", "STP31 P4"),
        tuple(f for f in _TREE if f != "target"),
    ),
    # Kettering and Corby voids share one Ref, polarity, target and comment cell.
    "STP36": (
        ("STP36", "STP36 Corby"),
        ("commitment", "ref", "polarity", "target", "tolerance", "comment"),
    ),
}
# AFL20's comment runs on into AFL21's row: one comment cell over both rows.
MERGED_UP = {"AFL21": ("comment",)}
_ABOVE = {"AFL21": "AFL20"}

# What the report prints, per indicator. "values" and "second_line" are given here in the
# order of the sheet's periods (PERIODS) and turned into {period: text} below; None is a
# blank cell. "read_as" is what the tracker holds where the extracted text is garbled.
PRINTED: dict[str, dict] = {
    # --- Place & Economy: Growth & Regeneration ---------------------------------------
    "STP15": {
        "source": "Percentage of major planning applications determined within 13",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP15",
        "name": "Percentage of major planning applications determined within 13 weeks "
        "(or within agreed extension of time)",
        "statutory": "Yes (we have set the target higher than statutory level)",
        "benchmark": "94% (Mean Average CIPFA Near Neighbours - LG Inform Q4 2022/23)",
        "values": ("92.93%", "92.31%", "88.24%", "100%", "75%"),
        "second_line": ("92 out of 99", "12 out of 13", "15 out of 17", "6 out of 6", "3 out of 4"),
        "arrow_printed": "⊎R / ▼K",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "90%",
        "tolerance": "85% - 90%",
        "stated": (
            {
                "says": "slightly below target but within tolerance",
                "of": "YTD 2023-24",
                "source": "Year to date performance is slightly below target but within tolerance",
            },
            {
                "says": "Performance this month has dropped",
                "of": "July 2023",
                "source": "Performance this month has dropped",
            },
        ),
    },
    "STP16": {
        "source": "Percentage of minor planning applications determined within 8",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP16",
        "name": "Percentage of minor planning applications determined within 8 weeks "
        "(or within agreed extension of time)",
        "statutory": "Yes (we have set the target nigner than statutory level)",
        "benchmark": "87% (Mean Average CIPFA Near Neighbours - LG Inform Q4 2022/23)",
        "values": ("83.04%", "73.91%", "76.00%", "65.00%", "81.82%"),
        "second_line": (
            "377 out of 454",
            "68 out of 92",
            "95 out of 125",
            "26 out of 40",
            "27 out of 33",
        ),
        "arrow_printed": "4.0 / ∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "85%",
        "tolerance": "80% - 85%",
        "read_as": {"statutory": "Yes (we have set the target higher than statutory level)"},
        "stated": (
            {
                "says": "although slightly below target, is within tolerance",
                "of": "July 2023",
                "source": "slightly below target, is within tolerance",
            },
            {
                "says": "Performance against the target has improved this month",
                "of": "July 2023",
                "source": "Performance against the target has improved this month",
            },
        ),
    },
    "STP17": {
        "source": "Percentage of other (including householder applications) planning",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP17",
        "name": "Percentage of other (including householder applications) planning "
        "applications determined within 8 weeks (or within agreed extension of time)",
        "statutory": "Yes (we have set the target higher the target nigner than statutory level)",
        "benchmark": "88% (Mean Average CIPFA Near Neighbours - LG Inform Q4 2022/23)",
        "values": ("85.67%", "83.81%", "85.00%", "80.85%", "89.02%"),
        "second_line": (
            "1082 out of 1263",
            "233 out of 278",
            "306 out of 360",
            "76 out of 94",
            "73 out of 82",
        ),
        "arrow_printed": "♠G / ₩G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "88%",
        "tolerance": "83% - 88%",
        "read_as": {"statutory": "Yes (we have set the target higher than statutory level)"},
        "stated": (
            {
                "says": "Performance has improved this month and is above target",
                "of": "July 2023",
                "source": "Performance has improved this month and is above target",
            },
        ),
    },
    # --- Place & Economy: Highways & Waste --------------------------------------------
    "STP29": {
        "source": "Number of Defects Outstanding on the network (at end of period)",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP29",
        "name": "Number of Defects Outstanding on the network (at end of period), split by "
        "category",
        "statutory": "No - Contractural",
        "benchmark": "n/a",
        "values": ("N/A", "4069", "17064", "4069", "3533"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
        "stated": (
            {
                "says": "has fallen slightly again in July",
                "of": "July 2023",
                "source": "fallen slightly again in July",
            },
        ),
    },
    "STP29 P1": {
        "source": "P1 (Target response time within 24 hours)",
        "sheet": PLACE,
        "parent": "STP29",
        "name": "P1 (Target response time within 24 hours)",
        "values": ("N/A", "0", "0", "0", "0"),
        "arrow_printed": "<b>→</b>",
        "arrow": "→",
    },
    "STP29 P2": {
        "source": "P2 (Target response time within 7 days)",
        "sheet": PLACE,
        "parent": "STP29",
        "name": "P2 (Target response time within 7 days)",
        "values": ("N/A", "0", "54", "0", "13"),
        "arrow_printed": "♠R",
        "arrow": "↑R",
    },
    "STP29 P3": {
        "source": "P3 (Target response time within 28 days)",
        "sheet": PLACE,
        "parent": "STP29",
        "name": "P3 (Target response time within 28 days)",
        "values": ("N/A", "608", "3097", "608", "398"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
    },
    "STP29 P4": {
        "source": "P4 (Target response time within 26 weeks)",
        "sheet": PLACE,
        "parent": "STP29",
        "name": "P4 (Target response time within 26 weeks)",
        "values": ("N/A", "3461", "13913", "3461", "3122"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
    },
    "STP30": {
        "source": "Number of Defects Repaired in the network in period, split by category",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP30",
        "name": "Number of Defects Repaired in the network in period, split by category",
        "statutory": "No - Contractural",
        "benchmark": "n/a",
        "values": ("17376", "4953", "6528", "1783", "1575"),
        "arrow_printed": "<b>⊎</b> R",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
        "stated": (
            {
                "says": "has fallen slightly in three out of four cases when compared to the "
                "June figures",
                "of": "July 2023",
                "source": "has fallen slightly in three out of four cases",
            },
        ),
    },
    "STP30 P1": {
        "source": "P1 (Target response time within 24 hours)",
        "sheet": PLACE,
        "parent": "STP30",
        "name": "P1 (Target response time within 24 hours)",
        "values": ("30", "6", "6", "1", "0"),
        "arrow_printed": "<b>₩</b> R",
        "arrow": "↓R",
    },
    "STP30 P2": {
        "source": "P2 (Target response time within 7 days)",
        "sheet": PLACE,
        "parent": "STP30",
        "name": "P2 (Target response time within 7 days)",
        "values": ("1045", "217", "271", "72", "54"),
        "arrow_printed": "<b>⊎</b> R",
        "arrow": "↓R",
    },
    "STP30 P3": {
        "source": "P3 (Target response time within 28 days)",
        "sheet": PLACE,
        "parent": "STP30",
        "name": "P3 (Target response time within 28 days)",
        "values": ("9100", "2863", "3393", "881", "530"),
        "arrow_printed": "<b>⊎</b> R",
        "arrow": "↓R",
    },
    "STP30 P4": {
        "source": "P4 (Target response time within 26 weeks)",
        "sheet": PLACE,
        "parent": "STP30",
        "name": "P4 (Target response time within 26 weeks)",
        "values": ("7201", "1867", "2858", "829", "991"),
        "arrow_printed": "∱G",
        "arrow": "↑G",
    },
    "STP31": {
        "source": "Percentage of defects responded to within the timeframes specified",
        "sheet": PLACE,
        "commitment": "Safe and thriving places",
        "ref": "STP31",
        "name": "Percentage of defects responded to within the timeframes specified, split "
        "by category",
        "statutory": "No - Contractural",
        "benchmark": "n/a",
        "values": (
            "95.41% (16579 out of 17377)",
            "86.81% (3737 out of 4305)",
            "91.25% (8367 out of 9169)",
            "95.41% (1082 out of 1134)",
            "97.15% (1090 out of 1122)",
        ),
        "arrow_printed": "<b>↑</b> G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "P1 and P2 97.5% P3 and P4 90%",
        "tolerance": "No Tolerance",
        "stated": (
            {
                "says": "All targets have been met again this month.",
                "of": "July 2023",
                "source": "All targets have been met again this month.",
            },
        ),
    },
    "STP31 P1": {
        "source": "100% (30 out of 30)",
        "sheet": PLACE,
        "parent": "STP31",
        "name": "P1 (Target response time within 24 hours)",
        "values": (
            "100% (30 out of 30)",
            "100% (6 out of 6)",
            "100% (6 out of 6)",
            "100% (1 out of 1)",
            "N/A (0 out of 0)",
        ),
        "arrow_printed": "<b>→</b>",
        "arrow": "→",
        "target": "97.5%",
    },
    "STP31 P2": {
        "source": "99.62% (1041 out of 1045)",
        "sheet": PLACE,
        "parent": "STP31",
        "name": "P2 (Target response time within 7 days)",
        "values": (
            "99.62% (1041 out of 1045)",
            "99.09% (217 out of 219)",
            "99.28% (274 out of 276)",
            "100%(73 out of 73)",
            "100% (57 out of 57)",
        ),
        "arrow_printed": "<b>→</b>",
        "arrow": "→",
        "target": "97.5%",
    },
    "STP31 P3": {
        "source": "93.54% (8512 out of 9100)",
        "sheet": PLACE,
        "parent": "STP31",
        "name": "P3 (Target response time within 28 days)",
        "values": (
            "93.54% (8512 out of 9100)",
            "86.72% (2293 out of 2644)",
            "88.1% (2738 out of 3108)",
            "95.32% (631 out of 662)",
            "95.91% (445 out of 464)",
        ),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "target": "90%",
    },
    "STP31 P4": {
        "source": "97.15% (6996 out of 7201)",
        "sheet": PLACE,
        "parent": "STP31",
        "name": "P4 (Target response time within 26 weeks)",
        "values": (
            "97.15% (6996 out of 7201)",
            "85.03% (1221 out of 1436)",
            "76.07% (1809 out of 2037)",
            "95.32% (377 out of 398)",
            "97.84% (588 out of 601)",
        ),
        "arrow_printed": "<b>∱</b> G",
        "arrow": "↑G",
        "target": "90%",
    },
    "GSE06": {
        "source": "Fly tipping: number of fly tips reported",
        "sheet": PLACE,
        "commitment": "Greener, sustainable environment",
        "ref": "GSE06",
        "name": "Fly tipping: number of fly tips reported",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("2784", "886", "886", "358", "n/a reported Quarterly"),
        "arrow_printed": "<b>∱</b> R",
        "arrow": "↑R",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
    },
    "GSE07": {
        "source": "Percentage of waste diverted from landfill",
        "sheet": PLACE,
        "commitment": "Greener, sustainable environment",
        "ref": "GSE07",
        "name": "Percentage of waste diverted from landfill",
        "statutory": "No (Nationally measured, so able to benchmark)",
        "benchmark": "95.32% (Mean Average CIPFA Near Neighbours - LG Inform Q4 2021/22)",
        "values": (
            "92.22%",
            "97.48% (Q1 23-24)",
            "97.48% (Q1 23-24)",
            "97.48% (Q1 23-24)",
            "n/a reported Quarterly",
        ),
        "arrow_printed": "<b>∱</b> G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "88%",
        "tolerance": "3% (85.36% - 88%)",
    },
    # --- Finance Services -------------------------------------------------------------
    "MPS05": {
        "source": "38.70% (YTD) 101.84% achieved of the monthly target (38.00%)",
        "sheet": FINANCE,
        "commitment": "Modern Public Services",
        "ref": "MPS05",
        "name": "",  # not printed
        "statutory": "Yes, reported on a quarterly basis but no target set by government",
        "benchmark": "95.97% (Mean Average CIPFA Near Neighbours - LG Inform 2022/23)",
        "values": (
            "38.70% (YTD) 101.84% achieved of the monthly target (38.00%)",
            "96.80% (YTD) 98.78% achieved of the monthly target (98.00%)",
            "29.39% (YTD) 104.96% achieved of the target (28.00%)",
            "38.60% (YTD) 101.58% achieved of the target (38.00%)",
            "29.39% (YTD) 104.96% achieved of the monthly target (28.00%)",
            "38.60% (YTD) 101.58% achieved of the monthly target (38.00%)",
        ),
        "second_line": (
            "£21,449,387.58 (collected in July)",
            "£221,225,238.98 (collected in year)",
            "£71,233,944.18 (collected YTD)",
            "£93,574,209.02 (cdllected in year)",
            "£22,338,496.92 (collected in June)",
            "£22,340,264.84 (collected in July)",
        ),
        "arrow_printed": "<b>4</b>",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "98% (Annual target)",
        "tolerance": "No tolerance",
        "stated": (
            {
                "says": "Performance is above target",
                "of": "July 2023",
                "source": "Performance is above target, however it is slightly below",
            },
            {
                "says": "slightly below compared to the same point in time last year",
                "of": "July 2023",
                "source": "slightly below compared to the same point in time last year",
            },
        ),
    },
    "MPS04": {
        "source": "% of business rates collected in the year debit raised",
        "sheet": FINANCE,
        "commitment": "Modern Public Services",
        "ref": "MPS04",
        "name": "% of business rates collected in the year debit raised",
        "statutory": "Yes, reported on a quarterly basis but no target set by government",
        "benchmark": "97.13% (Mean Average CIPFA Near Neighbours - LG Inform 2022/23)",
        "values": (
            "37.44% (YTD) 98.53% achieved of the monthly target (38.00%)",
            "97.05% (YTD) 99.03% achieved of the monthly target (98.00%)",
            "28.92% (YTD) 103.29% achieved of the target (28.00%)",
            "38.79% (YTD) 102.08% achieved of the target (38.00%)",
            "28.92% (YTD) 103.29% achieved of the monthly target (28.00%)",
            "38.79% (YTD) 102.08% achieved of the monthly target (38.00%)",
        ),
        "second_line": (
            "£12,538,675.61 (collected in July)",
            "£138,936,152.07 (collected in year)",
            "£47,126,437,48 (collected YTD)",
            "£62,846,984.90 (collected in year)",
            "£14,617,435.18 (collected in June)",
            "£15,720,547.42 (collected in July)",
        ),
        "read_as": {"second_line": {"Q1 2023-24": "£47,126,437.48 (collected YTD)"}},
        "arrow_printed": "<b>.</b>",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "98% (Annual target)",
        "tolerance": "No tolerance",
        "stated": (
            {
                "says": "above target and above last year's collection at the same point in time",
                "of": "July 2023",
                "source": "Performance is above target and above last year's collection",
            },
        ),
    },
    # --- Communities & Public Health (the Statutory column holds a near-neighbour
    # benchmark in this table, as printed) ----------------------------------------------
    "AFL22": {
        "source": "Smoking quit rate at 4 weeks",
        "sheet": HEALTH,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL22",
        "name": "Smoking quit rate at 4 weeks",
        "statutory": "2,225 per 100,000 (Mean average CIPFA near neighbours 2019/20)",
        "benchmark": "n/a",
        "values": (
            "64.5% (Jan-Mar 2023) 300 out of 465",
            "62.86% (Apr 2022-Mar 2023) 792 out of 1260",
            "64.8% (Apr-Jun 2023) 223 out of 344",
        ),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "60%",
        "tolerance": "5%",
        "stated": (
            {
                "says": "consistently achieving our 60% target",
                "of": "Q1 2023-24",
                "source": "we are consistently achieving our 60% target",
            },
        ),
    },
    "BBF02": {
        "source": "% of infants due a new birth visit that received a new birth visit",
        "sheet": HEALTH,
        "commitment": "Better, Brighter Futures",
        "ref": "BBF02",
        "name": "% of infants due a new birth visit that received a new birth visit within 14 "
        "days of birth",
        "statutory": "75.7% (Mean average CIPFA near neighbours 2020/21)",
        "benchmark": "88.2% (England 2020/21 - LG Inform)",
        "values": (
            "95.6% (Jan-Mar 2023) 759 out of 794",
            "96.2% (Apr 2022-Mar 2023) 3348 out of 3483",
            "91.6% (Apr-Jun 2023) 754 out of 823",
        ),
        "arrow_printed": "•",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "90%",
        "tolerance": "5%",
        "stated": (
            {
                "says": "they are above the English average of 88.2 %",
                "of": "Q1 2023-24",
                "source": "they are above the English average of 88.2 %",
            },
        ),
    },
    "AFL20": {
        "source": "% of in-year eligible population offered an NHS Health Check",
        "sheet": HEALTH,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL20",
        "name": "% of in-year eligible population offered an NHS Health Check",
        "statutory": "4.9% (Mean average CIPFA near neighbours Q4 2022/23)",
        "benchmark": "n/a",
        "values": (
            "24.4% (Jan-Mar 2023) 5690 out of 23347",
            "61.9% (Apr 2022-Mar 2023) 14442 out of 23347",
            "25.8% (Apr-Jun 2023) 6020 out of 23338",
        ),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "25% (100% annual target)",
        "tolerance": "5%",
        "stated": (
            {
                "says": "recovered to - and exceeded - pre-Covid-19 performance",
                "of": "Q1 2023-24",
                "source": "has now recovered to - and exceeded - pre-Covid-19 performance",
            },
        ),
    },
    "AFL21": {
        "source": "% of in-year eligible population who received an NHS Health Check",
        "sheet": HEALTH,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL21",
        "name": "% of in-year eligible population who received an NHS Health Check",
        "statutory": "2.2% (Mean average CIPFA near neighbours Q4 2022/23)",
        "benchmark": "n/a",
        "values": (
            "9.8% (Jan-Mar 2023) 2298 out of 23347",
            "25.2% (Apr 2022-Mar 2023) 5880 out of 23347",
            "9.1% (Apr-Jun 2023) 2115 out of 23338",
        ),
        "arrow_printed": "<b>↓</b> R",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "15% (60% annual target)",
        "tolerance": "5%",
    },
    "BBF01": {
        "source": "Breastfeeding rate at 6-8 weeks",
        "sheet": HEALTH,
        "commitment": "Better, Brighter Futures",
        "ref": "BBF01",
        "name": "Breastfeeding rate at 6-8 weeks",
        "statutory": "49% (Mean average CIPFA near neighbours 2021/22)",
        "benchmark": "49.3% (England - 2021/22 - PHOF)",
        "values": (
            "48.5% (Jan-Mar 2023) 362 out of 746",
            "47.1% (Apr 2022-Mar 2023) 1537 out of 3263",
            "48.3% (Apr-Jun 2023) 379 out of 784",
        ),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "arrow_by_figures": "↓A",
        "polarity": "Higher is better",
        "target": "55%",
        "tolerance": "52.25% - 55%",
        "stated": (
            {
                "says": "an increase in the breastfeeding rates from 47.1% to 48.3%",
                "of": "Q1 2023-24",
                "source": "an increase in the breastfeeding rates from 47.1% to 48.3%",
            },
        ),
    },
    "BBF03": {
        "source": "% of children who received a 6-8 week view by the time they were 8 weeks",
        "sheet": HEALTH,
        "commitment": "Better, Brighter Futures",
        "ref": "BBF03",
        "name": "% of children who received a 6-8 week view by the time they were 8 weeks",
        "statutory": "",
        "benchmark": "81.2% (England - Q2 2021/22)",
        "values": (
            "93.0% (Jan-Mar 2023) 746 out of 802",
            "93.4% (Apr 2022-Mar 2023) 3263 out of 3459",
            "94.2% (Apr-Jun 2023) 786 out of 834",
        ),
        "arrow_printed": "<b>∱</b> G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "90%",
        "tolerance": "5%",
        "stated": (
            {
                "says": "remains above the England average achieving 94.3%",
                "of": "Q1 2023-24",
                "source": "the service remains above the England average achieving 94.3%",
            },
        ),
    },
    "BBF04": {
        "source": "% mothers known to be smokers at the time of delivery",
        "sheet": HEALTH,
        "commitment": "Better, Brighter Futures",
        "ref": "BBF04",
        "name": "% mothers known to be smokers at the time of delivery",
        "statutory": "10.8% (Mean average CIPFA near neighbours 2021/22)",
        "benchmark": "9.1% (England 2021/22 - PHOF)",
        "values": ("10.6% (Q4 2022/23)", "11.1% (Q1-4 2022/23)", "9.7% (Q1 2023/24)"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "11%",
        "tolerance": "11% - 12%",
        "stated": (
            {
                "says": "SATOD rates are dropping",
                "of": "Q1 2023-24",
                "source": "it is very good to see that that SATOD rates are dropping",
            },
        ),
    },
    "AFL23": {
        "source": "% substance misuse clients waiting more than 3 weeks for their first",
        "sheet": HEALTH,
        "commitment": "Better, Brighter Futures",
        "ref": "AFL23",
        "name": "% substance misuse clients waiting more than 3 weeks for their first intervention",
        "statutory": "",
        "benchmark": "9.3% (England Q2 2022/23 - NDTMS)",
        "values": (
            "1.1% (Q4 2023) 2 out of 184",
            "0.3% (Q1-4 2023) 2 out of 613",
            "0% (April & May",
        ),
        "read_as": {"values": {"Q1 2023-24": "0% (April & May)"}},
        "arrow_printed": "N/A (data for Q1 is only April and May at this stage)",
        "arrow": "n/a",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "National target will be available in April 2024",
        "stated": (
            {
                "says": "continues to meet all demands for waiting times",
                "of": "Q1 2023-24",
                "source": "continues to meet all demands for waiting times",
            },
        ),
    },
    # --- Children's Services -----------------------------------------------------------
    "BBF05": {
        "source": "BBF05 (KPI 2)",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF05 (KPI 2)",
        "name": "",  # not printed (re-referrals, by the comment)
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "21.9% Mean for Northamptonshire Children's Services LAIT near "
        "neighbours 2021/22",
        "values": ("29% (8,922)", "26% (2,467)", "24.80%", "25.4% (840)", "22.6% (690)"),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Lower is better",
        "target": "29%",
        "tolerance": "25% - 40%",
        "stated": (
            {
                "says": "Re-referrals have improved this month and remain better than target",
                "of": "July 2023",
                "source": "Re-referrals have improved this month and remain better than target",
            },
        ),
    },
    "BBF06": {
        "source": "% of single assessments authorised within 45 working days",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF06 (KPI 3)",
        "name": "% of single assessments authorised within 45 working days",
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "88% We are in the process of identifying more up to date benchmark data "
        "for this PI.",
        "values": ("94% (9,704)", "95% (2,792)", "93.60%", "92.7% (1090)", "95.3% (1032)"),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "85%",
        "tolerance": "85% - 95%",
        "stated": (
            {
                "says": "remain consistently above target and national average",
                "of": "July 2023",
                "source": "Assessment timescales remain consistently above target",
            },
        ),
    },
    "BBF07": {
        "source": "% Children in care with three or more placements in the previous 12",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF07 (KPI 8)",
        "name": "% Children in care with three or more placements in the previous 12 months",
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "10% Mean for Northamptonshire Children's Services LAIT near neighbours "
        "2021/22",
        "values": ("11.0% (1,231)", "11.1% (1,191)", "11.3%", "11.1% (1,191)", "11.3% (1,191)"),
        "arrow_printed": "VA",
        "arrow": "↓A",
        "polarity": "Lower is better",
        "target": "10%",
        "tolerance": "5% - 15%",
        "stated": (
            {
                "says": "Performance has declined to 11.3% this month",
                "of": "July 2023",
                "source": "Performance has declined to 11.3% this month",
            },
        ),
    },
    "BBF08": {
        "source": "% of young people now aged 17 - 21 and in employment, education",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF08 (KPI 9)",
        "name": "% of young people now aged 17 - 21 and in employment, education or training "
        "who were looked after when aged 16",
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "56.95% Mean for Northamptonshire Children's Services LAIT near "
        "neighbours 2021/22",
        "values": ("63% (694)", "62.7% (684)", "62.9% (685)", "62.7% (684)", "62.9% (685)"),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "55%",
        "tolerance": "50% - 60%",
        "stated": (
            {
                "says": "performance increase slightly to 62.9%",
                "of": "July 2023",
                "source": "This month has seen performance increase slightly to 62.9%",
            },
        ),
    },
    "BBF09": {
        "source": "% of young people now aged 17 - 21 and living in suitable accommodation",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF09 (KPI 10)",
        "name": "% of young people now aged 17 - 21 and living in suitable accommodation who "
        "were looked after when aged 16",
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "89% (All English Authorities 2020/21 - LG Inform)",
        "values": ("95% (694)", "95.5% (684)", "94.7% (684)", "95.5% (684)", "94.7% (684)"),
        "arrow_printed": "VA",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "90%",
        "tolerance": "85% - 95%",
        "stated": (
            {
                "says": "decreased to 94.7%, still above the target of 90%",
                "of": "July 2023",
                "source": "Performance for this month decreased to 94.7%, still above the target",
            },
        ),
    },
    "BBF27": {
        "source": "% of initial child protection conferences held within 15 days",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF27 (KPI 5)",
        "name": "% of initial child protection conferences held within 15 days of a strategy "
        "discussion being initiated",
        "statutory": "Yes (also contractural) - target is contractural but not statutory",
        "benchmark": "84.3% Mean for Northamptonshire Children's Services LAIT near neighbours "
        "2021/22",
        "values": (
            "New as corporate KPI for 2023-24",
            "36% (343)",
            "33.50%",
            "56.2% (105)",
            "21.8% (87)",
        ),
        "arrow_printed": "VA",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "81%",
        "tolerance": "66% - 86%",
        "stated": (
            {
                "says": "Performance declined this month, well below where we need it to be",
                "of": "July 2023",
                "source": "Performance declined this month, well below where we need it to be",
            },
        ),
    },
    "BBF28": {
        "source": "Number of children with a Child Protection Plan",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF28",
        "name": "Number of children with a Child Protection Plan",
        "statutory": "Yes",
        "benchmark": "565 Mean for Northamptonshire Children's Services LAIT near neighbours "
        "2021/22",
        "values": ("New as corporate KPI for 2023-24", "714", "702", "714", "702"),
        "arrow_printed": "Û",
        "arrow": "⇩",
        "polarity": "No polarity",
        "target": "TBD",
        "tolerance": "",
    },
    "BBF29": {
        "source": "1,050 Mean for Northamptonshire Children's Services",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF29",
        "name": "",  # not printed (children in care, by the comment)
        "statutory": "Yes",
        "benchmark": "1,050 Mean for Northamptonshire Children's Services LAIT near neighbours "
        "2021/22",
        "values": ("New as corporate KPI for 2023-24", "1,191", "1,191", "1,191", "1,191"),
        "arrow_printed": "₽",
        "arrow": "⇩",
        "arrow_by_figures": "⇨",
        "polarity": "No polarity",
        "target": "TBD",
        "tolerance": "",
    },
    "BBF12": {
        "source": "BBF12 (LS3a)",
        "sheet": CHILDREN,
        "commitment": "TBC",
        "ref": "BBF12 (LS3a)",
        "name": "",  # not printed (primary schools judged good or outstanding, by the comment)
        "statutory": "",
        "benchmark": "87% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("82.0%", "82.0%", "84.7%", "n/a Termly reported", "84.7%"),
        "second_line": ("91 out of 111", "91 out of 111", "94 out of 111", None, "94 out of 111"),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "Target under review",
        "tolerance": "n/a",
        "stated": (
            {
                "says": "the total remains below the national average of 89%",
                "of": "July 2023",
                "source": "the total remains below the national average of 89%",
            },
        ),
    },
    "BBF13": {
        "source": "% of secondary schools judged as good or outstanding by Ofsted",
        "sheet": CHILDREN,
        "commitment": "TBC",
        "ref": "BBF13 (LS4a)",
        "name": "% of secondary schools judged as good or outstanding by Ofsted",
        "statutory": "",
        "benchmark": "80% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("75%", "80.0%", "80.0%", "n/a Termly reported", "80.0%"),
        "second_line": ("15 out of 20", "16 out of 20", "16 out of 20", None, "16 out of 20"),
        "arrow_printed": "<b>↑</b> G",
        "arrow": "↑G",
        "arrow_by_figures": "→",
        "polarity": "Higher is better",
        "target": "Target under review",
        "tolerance": "n/a",
        "stated": (
            {
                "says": "now in line with the national average of 80%",
                "of": "July 2023",
                "source": "This is now in line with the national average of 80%",
            },
        ),
    },
    "BBF15": {
        "source": "Rate of suspensions in primary aged pupils",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF15 (LS6a)",
        "name": "Rate of suspensions in primary aged pupils",
        "statutory": "",
        "benchmark": "1.69% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("1.53%", "0.33%", "0.45%", "n/a Termly reported", "0.45%"),
        "second_line": (
            "487 out of 31862",
            "104 out of 31862",
            "146 out of 32252",
            None,
            "146 out of 32252",
        ),
        "arrow_printed": "₩G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "Target under review",
        "tolerance": "n/a",
    },
    "BBF16": {
        "source": "Rate of suspensions in secondary aged pupils",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF16 (LS7a)",
        "name": "Rate of suspensions in secondary aged pupils",
        "statutory": "",
        "benchmark": "13.22% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("12.37%", "4.55%", "5.57%", "n/a Termly reported", "5.57%"),
        "second_line": (
            "3030 out of 24494",
            "1114 out of 24494",
            "1361 out of 24434",
            None,
            "1361 out of 24434",
        ),
        "arrow_printed": "<b>∱</b> R",
        "arrow": "↑R",
        "polarity": "Lower is better",
        "target": "Target under review",
        "tolerance": "n/a",
    },
    "BBF17": {
        "source": "Rate of Permanent exclusions",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF17 (NI 114a)",
        "name": "Rate of Permanent exclusions from school - Total",
        "statutory": "",
        "benchmark": "0.09% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("0.103%", "0.035%", "0.048%", "n/a Termly", "0.048%"),
        "second_line": (
            "58 out of 56356",
            "20 out of 56356",
            "27 out of 56686",
            None,
            "27 out of 56686",
        ),
        "read_as": {"values": {"June 2023": "n/a Termly reported"}},
        "arrow_printed": "Vg",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "Target under review",
        "tolerance": "n/a",
    },
    "BBF18b": {
        "source": "care) plans completed in month issued within 20 weeks",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF18b",
        "name": "% of EHC (education health care) plans completed in month issued within 20 "
        "weeks (including exceptions)",
        "statutory": "Yes (part of SEN 2 return)",
        "benchmark": "37.8% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": ("51.8%", "66.7%", "68.8%", "83.7%", "74.1%"),
        "second_line": (
            "369 out of 712",
            "96 out of 144",
            "139 out of 202",
            "36 out of 43",
            "43 out of 58",
        ),
        "arrow_printed": "<b>₩</b> R",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "Target under review",
        "tolerance": "n/a",
        "stated": (
            {
                "says": "a slight decline from last month performance of 83.7%",
                "of": "July 2023",
                "source": "This marks a slight decline from last month performance of 83.7%",
            },
        ),
    },
    "BBF19": {
        "source": "Percentage of school age Child/Children in Care (CiC) who had a PEP",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF19 (E1)",
        "name": "Percentage of school age Child/Children in Care (CiC) who had a PEP in the "
        "previous academic term.",
        "statutory": "",
        "benchmark": "n/a",
        "values": (
            "98%",
            "n/a Termly reported",
            "n/a Termly reported",
            "n/a Termly reported",
            "n/a Termly reported",
        ),
        "second_line": ("324 out of 332", None, None, None, None),
        "arrow_printed": "<b>*</b>",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "95%",
        "tolerance": "90% - 95%",
        "stated": (
            {
                "says": "Performance for this measure has declined since the previous school "
                "term when 98%",
                "of": "Spring Term 2023",
                "source": "Performance for this measure has declined since the previous school",
            },
        ),
    },
    "BBF34": {
        "source": "Percentage of persistently absent pupils - Primary",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF34",
        "name": "Percentage of persistently absent pupils - Primary",
        "statutory": "",
        "benchmark": "17.4% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": (
            "New as corporate KPI for 2023-24",
            "n/a Termly reported",
            "n/a Termly reported",
            "n/a Termly reported",
            "17%",
        ),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "Tracking",
        "tolerance": "N/A",
    },
    "BBF35": {
        "source": "Percentage of persistently absent pupils - Secondary",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF35",
        "name": "Percentage of persistently absent pupils - Secondary",
        "statutory": "",
        "benchmark": "29.1% Mean for NNC Children's Services LAIT near neighbours 2021/22",
        "values": (
            "New as corporate KPI for 2023-24",
            "n/a Termly reported",
            "n/a Termly reported",
            "n/a Termly reported",
            "26%",
        ),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "Tracking",
        "tolerance": "N/A",
    },
    "BBF22": {
        "source": "Number of children without a school place",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF22",
        "name": "Number of children without a school place",
        "statutory": "No",
        "benchmark": "",
        "values": (
            "n/a Not reported until Nov 22 - Monthly thereafter",
            "274",
            "274",
            "274",
            "291",
        ),
        "arrow_printed": "<b>→</b> R",
        "arrow": "↑R",
        "polarity": "Lower is better",
        "target": "Target under review",
        "tolerance": "n/a",
        "stated": (
            {
                "says": "a higher volume than last month",
                "of": "July 2023",
                "source": "a higher volume than last month",
            },
        ),
    },
    "BBF32": {
        "source": "Current number of home educated children",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF32",
        "name": "Current number of home educated children",
        "statutory": "Not yet statutory but reported as part of \"Elective Home Education' "
        'Children missing in education" data return to DfE.',
        "benchmark": "",
        "values": ("New as corporate KPI for 2023-24", "855", "783", "855", "783"),
        "arrow_printed": "Φ",
        "arrow": "⇩",
        "polarity": "No polarity",
        "target": "N/A - Tracking",
        "tolerance": "n/a",
    },
    "BBF33": {
        "source": "Number of children currently missing from education (Year 1-11)",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF33",
        "name": "Number of children currently missing from education (Year 1-11)",
        "statutory": 'Not yet statutory but reported as part of "Elective Home Education/ '
        'Children missing in education" data return to DfE.',
        "benchmark": "",
        "values": ("New as corporate KPI for 2023-24", "103", "165", "103", "165"),
        "arrow_printed": "<b>↑</b> R",
        "arrow": "↑R",
        "polarity": "Lower is better",
        "target": "N/A - Tracking",
        "tolerance": "n/a",
    },
    "BBF36": {
        "source": "% Education Health Care Plan Annual Reviews completed",
        "sheet": CHILDREN,
        "commitment": "Better, brighter futures",
        "ref": "BBF36",
        "name": "% Education Health Care Plan Annual Reviews completed within 4 weeks of meeting",
        "statutory": "Statutory Duty but not reported",
        "benchmark": "",
        "values": (
            "New as corporate KPI for 2023-24",
            "62.8%",
            "62.8%",
            "45.7%",
            "N/A reported arrears",
        ),
        "second_line": (None, "466 out of 742", "466 out of 742", "145 out of 317", None),
        "arrow_printed": "₽R / • 11",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "N/A - Tracking",
        "tolerance": "n/a",
        "stated": (
            {
                "says": "a slight decline from last month's performance of 77.6%",
                "of": "June 2023",
                "source": "a slight decline from last month's performance of 77.6%",
            },
        ),
    },
    # --- Customer & Governance ---------------------------------------------------------
    "MPS21": {
        "source": "% Transparency publications completed on time.",
        "sheet": GOVERNANCE,
        "commitment": "Modern Public Services",
        "ref": "MPS21",
        "name": "% Transparency publications completed on time.",
        "statutory": "Statutory duty",
        "benchmark": "n/a",
        "values": (
            "75.00%",
            "N/A",
            "87.5%%",
            "(Reported quarterly)",
            "(Reported quarterly)",
            "(Reported quarterly)",
        ),
        "second_line": ("12 out of 16", None, "14 out of 16", None, None, None),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "100%",
        "tolerance": "No variation",
    },
    # --- Adults & Housing: Adult Social Care -------------------------------------------
    "ST-MAX": {
        "source": "Percentage of New (Requests for Services (all ages) where Route of Access",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "",  # none printed
        "name": "Percentage of New (Requests for Services (all ages) where Route of Access was "
        "Discharge from Hospital, that had a sequel of short term services to maximise "
        "independence (ST-MAX i.e. reablement)",
        "statutory": "No The source data is from the SALT (Statutory) return. There are no gov "
        "targets. This indicator is included in our regional benchmarking.",
        "benchmark": "2021/22 SALT Report: - England: 37%",
        "values": (
            "34% 752 out of 2191",
            "38% 229 out of 602",
            "38% 310 out of 811",
            "38% 229 out of 602",
            "38% 310 out of 811",
        ),
        "arrow_printed": "<b>→</b>",
        "arrow": "→",
        "polarity": "Higher is better",
        "target": "35%",
        "tolerance": "5% points",
        "stated": (
            {
                "says": "the rate higher than those reported throughout 2022/23 and above year "
                "end target",
                "of": "YTD 2023-24",
                "source": "and above year end target",
            },
        ),
    },
    "AFL04": {
        "source": "Number of new safeguarding concerns received per month",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL04",
        "name": "Number of new safeguarding concerns received per month",
        "statutory": "Yes (Annually in the SAC (Safeguarding Adults Collection) return)",
        "benchmark": "n/a - there are differences in what authorities record as a 'concern'",
        "values": (
            "3810",
            "N/A Reporting one month in arrears",
            "1103",
            "392",
            "N/A Reporting one month in arrears",
        ),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
    },
    "AFL05": {
        "source": "New safeguarding concerns determined to be enquiries (both s42 and other)",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL05",
        "name": "New safeguarding concerns determined to be enquiries (both s42 and other) *(A "
        "S42 enquiry must take place if there is reason to believe that abuse or neglect is "
        "taking place)",
        "statutory": "Yes (Annually in the SAC (Safeguarding Adults Collection) return)",
        "benchmark": "n/a",
        "values": (
            "832",
            "N/A Reporting one month in arrears",
            "162",
            "57",
            "N/A Reporting one month in arrears",
        ),
        "arrow_printed": "Û",
        "arrow": "⇩",
        "arrow_by_figures": "⇧",
        "polarity": "No polarity",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
        "stated": (
            {
                "says": "a notable increase in the number of concerns determined to be "
                "enquiries (+9)",
                "of": "June 2023",
                "source": "There was a notable increase in the number of concerns determined",
            },
        ),
    },
    "AFL06": {
        "source": "Total number of open Deprivation of liberty Safeguard (DoLS) cases",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL06",
        "name": "Total number of open Deprivation of liberty Safeguard (DoLS) cases",
        "statutory": "Yes (Annually)",
        "benchmark": "n/a",
        "values": ("1250", "1267", "1292", "1267", "1292"),
        "arrow_printed": "<b>^</b>",
        "arrow": "↑A",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
        "stated": (
            {
                "says": "increased slightly this period (+25)",
                "of": "July 2023",
                "source": "The number of open DoLS cases increased slightly this period (+25)",
            },
        ),
    },
    "AFL07": {
        "source": "Long-term support needs met by admission to residential and nursing care",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL07",
        "name": "Long-term support needs met by admission to residential and nursing care "
        "homes, per 100,000 population (older people 65 years +)",
        "statutory": "No The source data is from the SALT (Statutory) return. There are no gov "
        "targets. This indicator is included in ASCOF. (Adult Social Care Outcomes Framework) "
        "regional benchmarking and BCF (Better Care Fund) returns.",
        "benchmark": "546.17 (Mean Average CIPFA Near Neighnbours - LG Inform) 2021/22 SALT "
        "Report: - East Midlands: 562 - England: 539",
        "values": ("667.18", "170.7", "214.9", "170.7", "214.9"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "Year-end target: 564 Monthly target: 47",
        "tolerance": "TBD - for now applied standard 5%",
    },
    "AFL08": {
        "source": "Number of people who were prevented from requiring statutory care",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL08",
        "name": "Number of people who were prevented from requiring statutory care, or whose "
        "need was reduced Delaying and reducing the need for care and support having received "
        "short term services to maximise independence (ST-MAX) services*",
        "statutory": "No The source data is from the SALT (Statutory) return. There are no gov "
        "targets. This indicator is included in ASCOF and regional benchmarking.",
        "benchmark": "84.6% East Midlands Average, we are in the process of identifying more up "
        "to date benchmark data for this PI. This is an 'Office for Local Government' OFLOG "
        "Metric",
        "values": (
            "76.50% 624 out of 816",
            "71.40% 152 out of 213",
            "70.29% 511 out of 727",
            "71.4% 152 out of 213",
            "72.1% 217 out of 301",
        ),
        "arrow_printed": "∱G",
        "arrow": "↑G",
        "polarity": "Higher is better",
        "target": "80%",
        "tolerance": "5% points",
        "stated": (
            {
                "says": "positive growth year to date but remains lower than expected",
                "of": "YTD 2023-24",
                "source": "The rate shows positive growth year to date but remains lower",
            },
        ),
    },
    # --- Adults & Housing: Housing Services --------------------------------------------
    "rough sleepers": {
        "source": "Number of rough sleepers - single night snapshot",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "",  # none printed
        "name": "Number of rough sleepers - single night snapshot",
        "statutory": "Yes (DLUHC monthly rough sleeping survey, and target agreed with our "
        "fall adviser from DLUHC)",
        "benchmark": "7 (Mean Average CIPFA Near Neighnbours - LG Inform)",
        "values": ("n/a", "16", "n/a", "16", "13"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "9",
        "tolerance": "9 to 12",
        "stated": (
            {
                "says": "a further reduction in numbers (13 single night)",
                "of": "July 2023",
                "source": "there has been a further reduction in numbers (13 single night)",
            },
        ),
    },
    "AFL13": {
        "source": "Number of households whose homelessness was prevented",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL13",
        "name": "Number of households whose homelessness was prevented",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "101 (Mean Average CIPFA Near Neighnbours - LG Inform) Demand in some "
        "areas must be much higher.",
        "values": ("255", "75", "99", "30", "24"),
        "arrow_printed": "•",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "252 (21 per month)",
        "tolerance": "18-21",
    },
    "AFL14": {
        "source": "Number of households whose homelessness was relieved",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL14",
        "name": "Number of households whose homelessness was relieved",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "75 (Mean Average CIPFA Near Neighnbours - LG Inform) Demand in some "
        "areas must be much higher.",
        "values": ("314", "86", "108", "30", "22"),
        "arrow_printed": "<b>↓</b> R",
        "arrow": "↓R",
        "polarity": "Higher is better",
        "target": "300 (25 per month)",
        "tolerance": "22-25",
    },
    "AFL15": {
        "source": "Total number of homeless approaches",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL15",
        "name": "Total number of homeless approaches",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "n/a",
        "values": ("4778", "1468", "1993", "539", "525"),
        "arrow_printed": "Û",
        "arrow": "⇩",
        "polarity": "N/A",
        "target": "Tracking - monitoring levels of demand only",
        "tolerance": "N/A",
    },
    "AFL17": {
        "source": "Total number of households living in temporary accommodation",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL17",
        "name": "Total number of households living in temporary accommodation",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "202 (Mean Average CIPFA Near Neighnbours - LG Inform)",
        "values": ("n/a", "237", "n/a", "237", "233"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "245",
        "tolerance": "No tolerance",
        "stated": (
            {
                "says": "has reduced slightly since peaking in May",
                "of": "July 2023",
                "source": "has reduced slightly since peaking in May",
            },
        ),
    },
    "AFL18": {
        "source": "Number of households with family commitments* living in bed and breakfast",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL18",
        "name": "Number of households with family commitments* living in bed and breakfast "
        "accommodation",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "11 (Mean Average CIPFA Near Neighnbours - LG Inform)",
        "values": ("n/a", "6", "n/a", "6", "5"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "5",
        "tolerance": "No tolerance",
    },
    # --- Adults & Housing: housing, continued ------------------------------------------
    "AFL24": {
        "source": "Number of Temporary Accommodation placements out of NN area",
        "sheet": ADULTS,
        "commitment": "Active, fulfilled lives",
        "ref": "AFL24",
        "name": "Number of Temporary Accommodation placements out of NN area",
        "statutory": "Yes (DLUHC - quarterly H-CLIC returns, no target set)",
        "benchmark": "TBD",
        "values": ("New for 2023-24", "n/a", "n/a", "1", "1"),
        "arrow_printed": "<b>→</b>",
        "arrow": "→",
        "polarity": "Lower is better",
        "target": "0",
        "tolerance": "No tolerance",
    },
    "STP38": {
        "source": "Percentage of rent collected",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP38",
        "name": "Percentage of rent collected",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("92.54%", "96.37", "95.09%", "96.37%", "96.08%"),
        # The count line runs into STP12's row in the text; only this pair is complete.
        "second_line": (None, None, "47970832 out of 50450164", None, None),
        "arrow_printed": "•",
        "arrow": "↓A",
        "polarity": "Higher is better",
        "target": "97%",
        "tolerance": "5%",
        "stated": (
            {
                "says": "the July collection rate shows slight discrease",
                "of": "July 2023",
                "source": "the July collection rate shows slight discrease",
            },
        ),
    },
    "STP12": {
        "source": "Number of (council house) dwellings vacant and ready to let at month end",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP12",
        "name": "Number of (council house) dwellings vacant and ready to let at month end",
        "statutory": "Yes (Annual LAHS return to DLUHC, no target set)",
        "benchmark": "n/a",
        "values": (None, None, None, None, None),  # its cells hold STP38's count line
        "read_as": {"values": {"July 2023": "10"}},  # "there were 10 properties Ready to Let"
        "arrow_printed": "<b>1</b>",
        "arrow": "↑A",
        "polarity": "Lower is better",
        "target": "10",
        "tolerance": "10 to 15",
        "stated": (
            {
                "says": "At the end of July there were 10 properties Ready to Let",
                "of": "July 2023",
                "source": "At the end of July there were 10 properties Ready to Let.",
            },
        ),
    },
    "STP36": {
        "source": "Number of voids - Kettering Area",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP36",
        "name": "Number of voids - Kettering Area",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("n/a", "n/a", "n/a", "64", "60"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "No target - indicator only",
        "read_as": {"target": "No target - tracking indicator only"},
        "tolerance": "N/A",
        "stated": (
            {
                "says": "has reduced from 143 to 125 from June to July",
                "of": "July 2023",
                "source": "has reduced from 143 to 125 from June to July",
            },
        ),
    },
    "STP36 Corby": {
        "source": "Number of voids - Corby Area",
        "sheet": ADULTS,
        "parent": "STP36",
        "name": "Number of voids - Corby Area",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("n/a", "n/a", "n/a", "79", "65"),
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
    },
    "STP37a": {
        "source": "8 weeks (56 days) HouseMark",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP37a",
        "name": "",  # not printed (standard void re-let time, by the comment and STP37b)
        "statutory": "Yes (Annual LAHS return to DLUHC, no target set)",
        "benchmark": "8 weeks (56 days) HouseMark",
        "values": ("New KPI for 2023- 24", "60.9 days", "59.5 days", "60.9 days", "59.5 days"),
        "read_as": {"values": {"YTD 2022-23": "New KPI for 2023-24"}},
        "arrow_printed": "<b>↓</b> G",
        "arrow": "↓G",
        "polarity": "Lower is better",
        "target": "56 days",
        "tolerance": "56 to 60 days",
        "stated": (
            {
                "says": "which is within the target tolerance",
                "of": "YTD 2023-24",
                "source": "which is within the target tolerance",
            },
        ),
    },
    "STP37b": {
        "source": "Average time taken to re-let NNC major void properties",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP37b",
        "name": "Average time taken to re-let NNC major void properties",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("New KPI for 2023- 24", "217 days", "301 days", "217 days", "301 days"),
        "read_as": {"values": {"YTD 2022-23": "New KPI for 2023-24"}},
        "arrow_printed": "♠R",
        "arrow": "↑R",
        "polarity": "Lower is better",
        "target": "No target - tracking indicator only",
        "tolerance": "N/A",
    },
    "STP08": {
        "source": "gas safety certificate",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP08",
        "name": "% of properties with a valid gas safety certificate",
        "statutory": "Yes (Regulator of Social Housing - TSM, no target set)",
        "benchmark": "n/a",
        "values": ("n/a", "99.8%", "n/a", "99.8%", "99.8%"),
        "second_line": (None, "7884 out of 7903", None, "7884 out of 7903", "7883 out of 7901"),
        "arrow_printed": "_ / <b>→</b>",
        "arrow": "→",
        "polarity": "Higher is better",
        "target": "100%",
        "tolerance": "99.5% and above is green, 99% and above is amber",
    },
    "STP04": {
        "source": "Number of active households on Keyways (as at 1st month)",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP04",
        "name": "Number of active households on Keyways (as at 1st month)",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("n/a", "5263", "n/a", "5263", "5349"),
        "arrow_printed": "仓",
        "arrow": "⇧",
        "polarity": "N/A - Tracking",
        "target": "N/A - monitoring levels of demand",
        "tolerance": "N/A",
    },
    "STP05": {
        "source": "Number of new Keyways applications received",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP05",
        "name": "Number of new Keyways applications received",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("6675", "1850", "2493", "642", "643"),
        "arrow_printed": "Û",
        "arrow": "⇩",
        "arrow_by_figures": "⇧",
        "polarity": "N/A - Tracking",
        "target": "N/A - monitoring levels of demand",
        "tolerance": "N/A",
    },
    "STP39": {
        "source": "Number of repair jobs awaiting completion",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP39",
        "name": "Number of repair jobs awaiting completion",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("New KPI for 2023- 24", "1,188", "n∕a", "1,188", "1,266"),
        "read_as": {"values": {"YTD 2022-23": "New KPI for 2023-24", "YTD 2023-24": "n/a"}},
        "arrow_printed": "Û",
        "arrow": "⇩",
        "arrow_by_figures": "⇧",
        "polarity": "N/A - Tracking",
        "target": "N/A - monitoring levels of demand",
        "tolerance": "N/A",
        "stated": (
            {
                "says": "an increase of 78 jobs awaiting completion compared with the snapshot "
                "at the end of June 23",
                "of": "July 2023",
                "source": "This is an increase of 78 jobs awaiting completion",
            },
        ),
    },
    "STP40": {
        "source": "Number of repair jobs awaiting completion which are outside of target",
        "sheet": ADULTS,
        "commitment": "Safe and thriving places",
        "ref": "STP40",
        "name": "Number of repair jobs awaiting completion which are outside of target timescale",
        "statutory": "No",
        "benchmark": "n/a",
        "values": ("New KPI for 2023- 24", "762", "n/a", "762", "844"),
        "read_as": {"values": {"YTD 2022-23": "New KPI for 2023-24"}},
        "arrow_printed": "Û",
        "arrow": "⇩",
        "arrow_by_figures": "⇧",
        "polarity": "N/A - Tracking",
        "target": "N/A - monitoring levels of demand",
        "tolerance": "N/A",
    },
}

_COMMENTS = {
    "STP15": (
        "Performance this month has dropped, but because case numbers for major applications is "
        "relatively low, this is the result of a single application deing determined outside of "
        "the the interfarme, Year to date performance is slightly below target but within "
        "tolerance. At this point in the year as the applications numbers are relatively low they "
        "remain sensitive to individual case performance."
    ),
    "STP16": (
        "Performance against the target has improved this month and although slightly below "
        "target, is within tolerance. Planning officer capacity remains challenging but "
        "recruitment is ongoing."
    ),
    "STP17": (
        "Performance has improved this month and is above target. Planning officer capacity "
        "remains challenging but recruitment is ongoing."
    ),
    "STP29": (
        "The total number of carriageway defects left at the end of the month has fallen slightly "
        "again in July. This is to be expected in the summer."
    ),
    "STP30": (
        "The overall number of carriageway defects, needing to be repaired by category, has "
        "fallen slightly in three out of four cases when compared to the June figures. This is to "
        "be expected in the summer and has allowed the contractor to accelerate P4 repairs. This "
        "means more of the works identified as requiring a 26 week repair will have been "
        "completed before pothole numbers increase again next winter"
    ),
    "STP31": "All targets have been met again this month.",
    "GSE06": (
        "Reported quarterly - monthly breakdown is available. Q1 2023-24 is currently unvalidated."
    ),
    "GSE07": (
        "Q1 2023-24 is currently unvalidated - it will be submitted to Waste Data Flow by 31st "
        "Sept 2023, and validated in October."
    ),
    "MPS05": (
        "Performance is above target, however it is slightly below compared to the same point in "
        "time last year. This is likely to be due to the cost of living crisis and we will "
        "continue to monitor the situation closely."
    ),
    "MPS04": (
        "Performance is above target and above last year's collection at the same point in time, "
        "which represents a strong start to the year. Close monitoring will continue due to the "
        "impact of the cost of bring crisis."
    ),
    "AFL22": (
        "This indicator represents North Northamptonshire.  The service is very pleased to see "
        "that we are consistently achieving our 60% target. We had a vacant Stop Smoking Advisor "
        "position for the majority of quarter one which explains why the volume of people setting "
        "quit rates was less than Q4. Thankfully, after a difficult few months, this position has "
        "been filled, and we expect to increase the number of service users engaging with the "
        "team."
    ),
    "BBF02": (
        "This indicator represents North Northamptonshire.  Benchmark updated: England 2020/21.  "
        "The Health Visiting Service is working hard to achieve their targets. Activity continues "
        "to improve, This quarter they have achieved a rate of 91.6 % of the NBV mandated target, "
        "whilst than last quarter's 96.2% they are above the English average of 88.2 % The "
        "service is seeing the most of the remaining children by 28 days. The service has "
        "recently recruited a skill mix of staff in the 0-19 service to enable the team to "
        "increase their capacity and ability to see every child for their mandated health checks"
    ),
    "AFL20": (
        "Further detail on ALF20 and ALF21:- The NHS Health Check porgramme has now recovered to "
        "- and exceeded - pre-Covid-19 performance. North Northants is seeing much better "
        "engagement from SSixty Care Partnership (federation of 25 GP practices, and from "
        "Lakeside Healthcare (3 GP practices including large Corby site).  The NHS Health Check "
        "programme is about to be re-commissioned and is on the agenda for Executive Committee "
        "17th August 2023, for the new contract to go live 1st April 2024. The next few months "
        "will see a robust engagement process followed by a mobilisation period inclusive of "
        "training and information sessions to treaunch' the programme and address some remaining "
        "quality issues, e.g. making sure second and third invites are sent to non-responders, "
        "that invites are accessible and engaging and that health checks delivered are complaint "
        "with the specification. This will all help ensure a more consistent and better "
        "performing NHS Health Check programme."
    ),
    "BBF01": (
        "This indicator represents North Northamptonshire.  Benchmark updated: England 2021/22. "
        "This quarter has seen an increase in the breastfeeding rates from 47.1% to 48.3%. The "
        "breastfeeding pers support service continues to support this work across the country. "
        "Public Health are developing an emergency Infant feeding pathway to support parents in "
        "poverty unable to afford Infant formula & provide essential nutrition to their babies "
        "under one. Local insight is indicating that poverty is contributing to an increase in "
        "breastfeeding."
    ),
    "BBF03": (
        "This indicator represents North Northamptonshire.  Benchmark updated: Q2 England "
        "2021/22.  The Health Visiting Service continues to work through this challenging period, "
        "the service remains above the England average achieving 94.3% of the 6-8 week mandated "
        "target. The service has recently recruited a skill mix of staff in the 0-19 service to "
        "enable the team to increase their capacity and ability to see every child for their "
        "mandated health checks"
    ),
    "BBF04": (
        "This indicator represents North Northamptonshire, it is very good to see that that SATOD "
        "rates are dropping, however it is clear that they are not dropping quickly enough. We "
        "are hopeful that the rollout of the NHS maternity tobacco dependency offer will help "
        "speed up the decline."
    ),
    "AFL23": (
        "June data is not yet available so the result for April & May has so far been included "
        "for 'Q1'. This will be updated within the next performance update.  North "
        "Northamptonshire's Substance Misuse Programme continues to meet all demands for waiting "
        "times for patients starting treatment."
    ),
    "BBF05": (
        "Re-referrals have improved this month and remain better than target. It remains an area "
        "of ongoing focus with audit and review for learning.  The dedicated education roles in "
        "MASH are working positively with schools to ensure appropriate referrals and compliments "
        "from schools about their roles are increasing. Work with all pertners continues to "
        "ensure appropriate and robust application of thresholds.  Steps have been taken to "
        "strengthen the Early Help partnerships with Partnership Support Team (Early Help MASH) "
        "being placed in the MASH gods and a leaner step down process. It is anticipated that the "
        "strengthened model in MASH and developments in CFSE/arly Help will continue to support "
        "appropriate reduction going forward in addition to the external MASH review. The high "
        "number of cases stepping down is presenting challenges in regards to capacity in Family "
        "Support Early help partnership."
    ),
    "BBF06": (
        "Assessment timescales remain consistently above target and national average, improving "
        "to 95.3% this month.  All managers monitor this very closely via daily reports. A "
        "narrative is provided for cases that go beyond 45 days and this remains a very small "
        "minority. Whilst staffing has presented challenges due to vacandes and staff performance "
        "issues in DAAT, there is now a positive move towards more appropriate staffing levels "
        "being achieved and sustained.  In addition to timeliness, we work on increasing the "
        "quality of assessments and more effective use of SofS in our interventions. (Trust "
        "commentary)"
    ),
    "BBF07": (
        "Performance has declined to 11.3% this month. Consideration of various options to "
        "improve sufficiency is continuing, including exploration of capital investment, "
        "additional in house resources, as well as improved engagement with the market. Planning "
        "permission granted for two new emergency homes and valuing care project has commenced.  "
        "Through improved edge of care arrangements, the close oversight on admissions to care, "
        "and the developments within placement sufficiency, we are confident we can reduce the "
        "need for child to move home as frequently. Positively, Childrens Home Capital Programme "
        "application with the DIE has been successful, and that should also support progress in "
        "this area.  COVID: Placement sufficiency remains a challenge, sustained performance in "
        "this work should also have a positive impact on KPI?"
    ),
    "BBF08": (
        "This month has seen performance increase slightly to 62.9%, continuing to compare "
        "favourably with 58% across England. Focus in this area continues to be driven through "
        "arrangements with local colleges, the virtual school and the senior personal advisor. "
        "(Education and Employment) with urther review of contracted arrangements (Prospects) to "
        "be undertaken to ensure we have the best approach's support for young people. Work with "
        "councils to ensure EET opportunities and support is in place for our care leavers.  "
        "COVID: has had a significant impact on the mental health wellbeing of care leavers, "
        "targeted work support care leavers to access EET"
    ),
    "BBF09": (
        "Performance for this month decreased to 94.7%, still above the target of 90%. We know "
        "that we have some young people in unsuitable accommodation, including a number of young "
        "people sentenced to custody, and some who have no accommodation at all. We work hard to "
        "address this, tenaciously seeking to engage with young people who may see our attempts "
        "at support as interference.  The care leavers housing protocol is in place and work is "
        "being progressed under the governance of a strategic group; this includes a review of "
        "the housing panels and engagement with the housing associations. Helpful discussions "
        "with colleagues in the Councils is placing the housing sufficiency needs of care leavers "
        "as central to their housing strategies. The Accommodation Transitions Panel is now in "
        "operation and ensures all young people have a comprehensive, accommodation-from the "
        "process of"
    ),
    "BBF27": (
        "Performance declined this month, well below where we need it to be. High volumes of ICPC "
        "demand continues (July - 87; 85% conversion to CP Plans - positive). June and July "
        "impacted by high number of review conferences following record high number of ICPCs in "
        "month. ICPC his most in CP CPC is a month of ICPC in a month of ICPC in month of ICPC in "
        "month of ICPC in month of ICPC in a month of ICPC in month of ICPC"
    ),
    "BBF28": (
        "1702 children were subject to a Child Protection Plan in July 2023. Following the peak "
        "of 714 children with a CPP in June 2023, the population of children with CPPs has "
        "decreased by 12 children. Lass than 700 children were registered in the cohort between "
        "April 2021 – May 2023. However, the last two months have registered at least 702 "
        "children with CPPs.  There are 90 more children subject to plans now than one year ago "
        "and 58 more children than two years ago. The cohort has increased by a net 26 children "
        "since the beginning of the academic year 2022-23. By comparison, the corresponding "
        "period in the last two years awd decreases instead."
    ),
    "BBF29": (
        "The number of children in care was 1,191 at the end of July 2022. An average of 1,219 "
        "children have been reported to be in care in the last I months. Since the alt-lime peak "
        "of 1,241 children in care in November 2022, the size of the cohort has decreased by 50 "
        "children. There are now 26 children less in care than a year ago, in July 2022. Yet, the "
        "number of children in care was 1123 in July 2021. This indicates that the population of "
        "children in care has increased by a net of 68 children in two years.  Prior to July "
        "2022, the cohort had never exceeded 1,200. However, between July 2022 and May 2023, the "
        "number of children in care ranged from 1,205 to 1,241. July 2023 marks the second "
        "consecutive month where less than 1,200 children were reported to be in care. So far in "
        "2023-24, an average of 1200 children have been reported to be in care."
    ),
    "BBF12": (
        "The number of primary schools in North Northamptonshire judged by OFSTED to be Good or "
        "Outstanding continues to increase. However, the total remains below the national average "
        "of 89%. It is anticpated further progress will be made as more schools are inspected in "
        "the coming term"
    ),
    "BBF13": (
        "The number of secondary schools in North Northamptonshire judged by OFSTED to be Good or "
        "Outstanding continues to increase. This is now in line with the national average of 80%. "
        "It is anticpated further progress will be made as more schools are inspected in the "
        "coming term"
    ),
    "BBF15": (
        "42 suspensions were issued at the end of July 2023. So far in Summer Term 2023, 130 "
        "suspensions were known to have been issued. 34 less suspensions were issued during the "
        "same period of Summer Term 2022. In Spring Term 2023, 226 suspensions were known to have "
        "been issued.  282 suspensions were issued in Autumn Term 2022, 5% more than were issued "
        "during in Autumn Term 2021. 202 suspensions were issued in Addition Ferm 2022, 5% more "
        "than were issued during in Addition Ferm 2021.  174 suspensions are known to have been "
        "issued in the Summer Term 2022, 32% more than were issued in the Summer Term 2021.  229 "
        "suspensions were issued in the Spring Term 2022, almost double the volume that were "
        "issued in the covid-affected Spring Term 2021. The rate of suspension in primary aged "
        "pupils has decreased from 0.7% in Spring Term 2023 to 0.4% in Summer Term"
    ),
    "BBF16": (
        "247 suspensions were issued for secondary aged pupils at the end of July 2023. So far in "
        "Summer Term 2023, a total of 1173 suspension have been issued. This is a better outcome "
        "than the volume reported during the same period of Summer Term 2022 (1337).  1455 "
        "suspensions were known to have been issued in Spring Term 2023, a slightly worst "
        "performance compared to Spring Term 2022 for which 1211 suspension were reported. The "
        "lowest volume of suspensions in secondary aged pupils occurred in cowid-affected Spring "
        "Term 2021, with only 319 issued suspensions. 1878 suspensions were issued in Autumn Term "
        "2022, 44% less than were issued during in Autumn Term 2021. 1337 suspensions are known "
        "to have been issued in the Summer Term 2022, 51% less than were issued in the Summer "
        "Term 2021. (Children's Performance Team commentary)"
    ),
    "BBF17": (
        "7 permanent exclusions were issued at the end of July 2023, 4 exclusions more than last "
        "month. So far in Summer Term 2023, a total of 24 permanent exclusions have been issued. "
        "A similar outcome was achieved in Summer Term 2022 (23 permanent exclusions) 33 "
        "permanent exclusions were known to have been issued in Spring Term 2023, a higher "
        "proportion compared to the same period last year. Only 14 suspensions were issued in "
        "January-March 2022 combined, 58% more than have been issued so far in Spring Term 2023. "
        "A total of 14 permanent exclusions were issued in Spring Term 2022, 14% less than were "
        "issued during covid-affected Spring Term 2021. 30 permanent exclusions were known to be "
        "issued during Autumn Term 2022, 27% less than were issued in Autumn Term 2021"
    ),
    "BBF18b": (
        "74.1% of EHC plans (including exceptions) were issued within 20 weeks in July 2023. This "
        "marks a slight decline from last month performance of 83.7%. The highest performance was "
        "recorded between January-April 2023, with an average of 71.9% EHC plans issued on time "
        "during that period. The last seven months (January-July) registered an average of 70.3% "
        "of plans issued on time per month, compared with an average of 48.9% of plans issued on "
        "time during the same period of last year. The overall performance for this measure "
        "compares favourably with one year ago. 59.7% of EHC plans were issued on time in the "
        "last 12 months whereas 35.3% of EHC plans were issued on time during the corresponding "
        "months of last year. (Children's Performance Team commentary)"
    ),
    "BBF19": (
        "95% of children in care had a PEP in the Spring Term 2023. Performance for this measure "
        "has declined since the previous school term when 98% of children in care had a PEP. The "
        "latest record in Spring Term 2023 is the lowest performance recorded so far.  Spring "
        "Term 2022 produced a slightly higher result compared (96% of children with an up-to-date "
        "PEP). Performance gradually increased to 97% during the subsequent school term and to "
        "98% in Autumn 2022.  At the end of April 2023, 76% of Early Years CIC had an up to date "
        "PEP and 84% of post-16 children in care had an up to date PEP. While the volume of "
        "post-16 children with an up to date PEP remained the same as January 2023 (84%), the "
        "volume of Early Years CIC with an up to date PEP evidous record in January 2023 (84%). "
        "(Children) Performance Team commentary)"
    ),
    "BBF34": (
        "20.7% of primary aged pupils qualified as pensistently absence during Auturnn Term 2022, "
        "0.9 percentage points higher than Auturnn Term 2021. The rate for the Summer Term 2021.  "
        "17.3% of primary aged pupils qualified as pensistently absent in the Summer Term 2022. "
        "The rate for the Summer Term 2022 is slightly lower than both previous post-covid school "
        "terms. Even so, the rate of absences in primary schools is almost double of Summer Term "
        "2021 (19%).  Best performance of 9% was recorded in Spring Term 2021 and Summer Term "
        "2021.  Overall, local rates have been slightly lower than the East Midlands and England "
        "averages in each of the last seven school terms."
    ),
    "BBF35": (
        "28.1% of secondary aged pupils qualified as persistently absent in Autumn Term 2022, "
        "8.1% less than the recording in Autumn Term 2021 and 3.5% less than the recording in "
        "Summer Term 2022.  31.6% of secondary aged pupils qualified as persistently absent in "
        "the Summer Term 2022. The rate for the Summer Term 2022 is slightly lower than both "
        "previous school terms (32.0% in Spring 2022 and 36.2% in Autumn 2021). Albeit the rate "
        "of absences in primary schools is almost double of Summer Term 2021 (16.3%).  Best "
        "performance of 9% was recorded in Spring Term 2021 and Summer Term 2021. However, the "
        "last term of the year saw a steep in performance as the rate of absences increased by "
        "eleven percentage points.  Overall, local rates have been slightly higher than the East "
        "Midlands and England averages in each of the last seven school terms. The margin to the "
        "East Midlands and England averages is 0.4 percentage points respectively in the Autumn "
        "Term 2022. (Children's Performance Team commentary, Mey 2023)."
    ),
    "BBF22": (
        "291 children were reported to be without a school place at the end of July 2023, a "
        "higher volume than last month. School Admissions registered the highest number of "
        "children without a school place and accounted for 53% of children without a school "
        "place. The EIP registered 21% of children without school place while the SEN Support & "
        "EIC services reported 25% of children without a school place.  Previously, there were "
        "274 children without a school place in June and 198 children without school place in "
        "May, the only other months for which figure are available. SEN Support EIO services "
        "registered the highest number of children without a school place during both months. "
        "(Children's Performance Team commentary)"
    ),
    "BBF32": (
        "The electively home educated population decreased to 783 children at the end of July "
        "2023. Over 800 children were home educated between March 2023-June 2023. July 2023 marks "
        "the first occasion in five months that volume of home educated children in belief 800.  "
        "Earlier, May 2023 had registered the ninth consecutive month-o-month increase along the "
        "way to posting the highest number of electively home educated children so far.  This "
        "time last year there were 636 electively home educated children, so the cohort is 19% "
        "greater than it was at the end of July 2022.  34% of electively home educated children "
        "have been educated a home for more than two years (264) and a further 18% have been "
        "educated at home for 1-2 years (138). (Children's Performance Team commentary)"
    ),
    "BBF33": (
        "165 children were missing from education at the end of July 2023, 62 children less were "
        "recorded in June 2023. By comparison, last five months (February-June) produced lower "
        "volumes of CMEs, with an average of 122 children missing from education. There were 9 "
        "children less in the cohort during the same month last year and 27 children less during "
        "the same month two years ago. Even so, July marks the second consecutive month that no "
        "children missing for +2 years were reported. 83% of CMEs in July 2023 have been missing "
        "between 0-3 months.  There are now 53.9% fewer children missing from education than "
        "there were at the beginning of the academic year 2022-23. So far in academic year "
        "2022-23. So far in academic year 2022-23. So far in academic year 2022-23."
    ),
    "BBF36": (
        "45.7% of annual reviews were completed within 4 weeks of meeting in June 2023; a slight "
        "decline from last month's performance of 77.6% which was marked the highest volume of "
        "Annual Reviews completed within 4 weeks of meeting. Nevertheless, performance in June "
        "2023 is ahead of the same month last year (2.6%).  April 2023 and May 2023 reported "
        "exceptionally high volumes for the annual reviews completed within 4 weeks of meeting. "
        "By comparison, 0.0% and 1.0% of annual reviews were completed on time during April 2022 "
        "and May 2022. The most recent months have produced the best performances in the last two "
        "years: An average of 42.5% of annual reviews were completed on time between September "
        "2022-June 2023 compared with an average of 2.3% of annual reviews completed on time "
        "during the same period in 2021-22 (under the old method). In the last 12 months, an "
        "average of 37.4% of annual reviews were completed within 4 weeks of meeting. (Children's "
        "Performance Team commentary)"
    ),
    "MPS21": (
        "The outstanding publications required under the Local Government Transparency code are:  "
        "The Social Housing Assets for the yie 31.03.23 (which is in progress and is due to be "
        "published by the end of September), and the Parking Account (for the yie 31.03.23), "
        "which has recently been finalised and is in the process of being uploaded to our website."
    ),
    "ST-MAX": (
        "Bl comments: There were 18 new requests for people aged 18-64 and 202 for people aged 65 "
        "and over. There is positive growth year to date, with the rate higher than those "
        "reported throughout 2022/23 and above year end target."
    ),
    "AFL04": (
        "Bl comments: There was a slight decrease in the number of new concerns received (-4). "
        "This is 96 more than was received in the same period last financial year. This is second "
        "highest number of concerns recorded over the previous and current financial year to date."
    ),
    "AFL05": (
        "Bit comments: There was a notable increase in the number of concerns determined to be "
        "enquiries (+9). The proportion seen (15%) remains lower than the average seen over the "
        "previous financial year (22%)."
    ),
    "AFL06": (
        "Bl comments: The number of open DoLS cases increased slightly this period (+25). This "
        "remains notably lower than the average observed across the previous financial year (343 "
        "fewer).  SM Comments: As stated above by the BL there has been a slight increase in the "
        "number of open cases. This has been mainly due to reduced staffing levels and annual "
        "leave. A BSS obtanted with the service on 07/08/23 and there is continuous recruitment "
        "drive for another BSO. As stated in the previous report, the service carried out a data "
        "cleanising exercise since last year (June 2022) and we are at a plateau stage now "
        "whereby we can no longer close any further historic cases in order to decrease the "
        "number of open cases. It is however anticipated that the service will begin to see an "
        "improvement in this tragetory once staffing capacity improves."
    ),
    "AFL07": (
        "Bl comments: This is a cumulative measure which increases throughout the financial year; "
        "resetting each April.  A year-end data review was carried out and found some potential "
        "issues with reported admissions. As a result, the actual admissions rate is likely to be "
        "lower. The Business Intelligence team will viol's with Adult Social Care colleagues to "
        "review the date encorring process.  To review the date encorring process made any "
        "necessary changes and of suggest additional guidance for recording in order to "
        "accurately reflect actual admissions.  141 admissions have been recorded to date: 104 "
        "admissions following an assessment for new people and 37 as a result of change in "
        "setting following a review.  The average monthly growth in 2022/23 was 55 per 100k which "
        "is slightly higher than our current rate of 53.  NNC Manager comments: The increase rate "
        "is cumulative. We also had care home closure in the last two months which resulted in a "
        "change in residential and nursing settings."
    ),
    "AFL08": (
        "Bit comments: The rate shows positive growth year to date but remains lower than "
        "expected compared to 2022/23 trends, which typically ranged between 74-77%.  There is a "
        "higher proportion of people accessing reablement support as a result of hospital "
        "discharge when compared to the same period previous year, along with higher proportions "
        "of these requiring long term support following thier reablement spinods, contributing to "
        "lower than expected performance."
    ),
    "rough sleepers": (
        "During the month of July, there has been a further reduction in numbers (13 single "
        "night), this is due to the team securing accommodation for Rough Sleepers direct from "
        "the streets that supports their needs. The monthly figure has increased but due to the "
        "teams proactiveness they are readving that situations quickly. The long-term rough "
        "sleepers, cases which have reduced offers of responsing some cases which have reduced "
        "offers of responsing some ones of the point of the situation of the situat"
    ),
    "AFL13": (
        "Performance continues to fluctuate between months due to a variety of factors. This "
        "reflects the difficulties the Housing Options Team are having trying to secure "
        "accommodation solutions, particularly in the private sector in order to prevent or "
        "relieve households homelessness locally. There is a recognised need for the team to move "
        "its focus further upstream to maximise homelessness prevention opportunities and action "
        "plan is being developed in this regard."
    ),
    "AFL14": (
        "Performance continues to fluctuate between months due to a variety of factors. This "
        "reflects the difficulties the Housing Options Team are having trying to secure "
        "accommodation solutions, particularly in the private sector in order to prevent or "
        "relieve households homelessness locally. There is a recognised need for the team to move "
        "its focus further upstream to maximise homelessness prevention opportunities and action "
        "plan is being developed in this regard."
    ),
    "AFL15": (
        "3,863 households approached the Council as homeless during 2021/22, which is an average "
        "of 320 approaches per month. 4778 households approached the Council as homeless during "
        "2022/23. This is an increase of just over 900, and an average of 400 approaches per "
        "month.  Currently the Housing Options Team have a live casesack of 1128 cases. During "
        "June there was a slight decrease in the number of approaches from 539 to 525."
    ),
    "AFL17": (
        "The number of households living in temporary accommodation has reduced slightly since "
        "peaking in May. We are starting to see the delivery of units through the Local Authority "
        "Housing Fund (LAHF) programme for hometers. Afginate caseloads because of "
        "teranscyletting issues at riss in the number of households living in temporary "
        "accommodation should be expected (LAHF round 1 should deliver 26 homes by November 2023, "
        'and a further 11 homes will follow).  "This figure is for statutory duty placements only '
        "and does not include the additional cohort of rough sleepers accommodated using "
        'discretionary powers."'
    ),
    "AFL18": (
        "While there are 5 households with family commitments living in B8B, the household with "
        "the longest stay is a couple with a pregnant woman who were placed on 18 July (14 nights "
        "as at 31 07 2023). A move on plan for this household is already in place. The temporary "
        "accommodation team keep these cases under daily review to ensure households with family "
        "commitments spend as little time in B&B as possible.  * Households with family "
        "commitments are a) a pregnant woman; (b) with whom a pregnant woman resides or might "
        "reasonably be expected to reside; or (c) with whom dependent children reside or might "
        "reasonably be expected to reside."
    ),
    "AFL24": (
        "The household that is living out of area in the neighbouring area of West "
        "Northamptonshire was placed there in November 2021 (prior to the temporary accommodation "
        "service review and while teams were working on a locality basis). They have recently had "
        "a \\$202 review decision in their flavour and have since accepted an offer of temporary "
        "accommodation in North Northamptonshire, it is hoped that this will be ready for "
        "occupation week commencing 7 August 2023."
    ),
    "STP38": (
        "This is a cumulative rent collected as a percentage of rent owed figure. In the "
        "Kettering area the July collection rate shows slight discrease due to lack of payments "
        "from bands over £1,000. Enforcement action is pending on several accounts but ballifs "
        "executing varies is a 3 morth wall period. In the Corby ware there is also a decrease, "
        "the Monthly direct debits have not been included which may have contributed to this "
        "decrease. Despite this the Corby area are showing an increase in collection rates for "
        "the same time last year."
    ),
    "STP12": (
        "At the end of July there were 10 properties Ready to Let. The weekly void meetings are "
        "helping to ensure that this number is kept to a minimum."
    ),
    "STP36": (
        "This indicator provides a snapshot at the month end of the number of live HRA voids. At "
        "the end of July there was a reduction in the number of voids in both the Kettering and "
        "Corby area. The overall NNC snapshot has been reducing each month and has reduced from "
        "143 to 125 from June to July, Note: The figures in the Kettering area for March 2023 to "
        "date have been updated to include HRA temps, therefore the figures now include all HRA "
        "voids."
    ),
    "STP37a": (
        "From April 2023 onwards void turnaround time is reported by standard and major "
        "properties for NNC. The figure reported is the cumulative average turnaround time for "
        "those properties in the month. This will help remove the impact a long term major void "
        "has when been empty for a long time and provide a more accurate reflection of void "
        "turnaround for standard properties. In July 23 there were 45 standard void properties "
        "let. The total number of void days for these 45 properties was 2527 which provides a "
        "monthly average turnaround for July of 56.15 days. This has brough the cumulative "
        "average turnaround me down to 99.5 days which is within the target tolerance. Whils the "
        "team have adopted he new ways of teporting from 114 April, there is still a number of "
        "standard voids coming through for reletting that were not being processed in line with "
        "the new target lines that have been adopted. It will therefore take a few months to get "
        "all of these legs/standard volds through to refer the force of the province of the pr"
    ),
    "STP37b": (
        "In July 2023 there were 11 major void properties let. These 11 properties had a total "
        "number of void days of 3313. The number of void days for these properties meant there "
        "was an increase in the overall cumulative average void days to 031 days. Using "
        "jurnaround days for major voids at the present time is not the best indicator as there "
        "is no set approach to how major voids are resourced has been agreed. Number of major "
        "voids may be a more appropriate indicator to monitor."
    ),
    "STP08": (
        "Only 18 properties out of total 7.901 properties did not have a valid gas certificate as "
        "at 31/07/2023. Of the 10 properties within the Kettering figures, eight are acquisition "
        "properties. The remaining properties have now been completed. Of the 8 properties in the "
        "Corby area figures, 4 have had legal letters and court dates are being booked. 1 "
        "property (a mutual exchange) is booked, and one property is a void and has been "
        "scheduled. There is a limit in the number of properties we can take to court each "
        "fortnight to obtain right of entry warrants, so this is impacting compliance."
    ),
    "STP04": (
        "This provides a snapshot of the number of applicants active on the Council's housing "
        "Register (Keyways).  Total housing applications active have increased and new "
        "applications remain high.  Please note that as applications are made active, previously "
        "active applications have the status changed to pending, suspended, closed, and housed. "
        "This figure therefore is not how many applications are being assessed in total. Annual "
        "renewals are currently suspended due to staff resources. Once in place this will reduce "
        "the active total due to applicants non-contact and change of circumstants."
    ),
    "STP05": (
        "643 new applications in July 23 in comparison to 457 in July 2022, with an average for "
        "the year to date of 623.25 new applications."
    ),
    "STP39": (
        "This is a new measure to help monitor the current repairs jobs awaiting completion "
        "outside of the backlog jobs listed at the 1/323. A snapshot at the end of July shows "
        "there was a total of 1/266 repair jobs across Kettering and Corby that are awaiting "
        "completion. This is an increase of 78 jobs awaiting completion compared with the "
        "snapshot at the end of June 23. The team continue to monitor closely whether the "
        "responsive repairs team are staffed to be able to manage the level of new jobs received "
        "each month."
    ),
    "STP40": (
        "This is also a new measure to help monitor the current repairs jobs that are outside of "
        "target times. Again the lag between shifting backlog work off of the regular responsive "
        "repairs teams and onto the newly created backlog team is seen as the main reason why "
        "there are already a number of jobs post 1st March 2023 that are out of target time. The "
        "team will monitor closely from now on whether the responsive repairs team are staffed to "
        "be able to manage the level of new jobs received each month or not."
    ),
}
SEED_ERRORS: tuple[dict, ...] = (
    {
        "where": "STP31 P4 Year to Date 2023-24",
        "printed": "76.07% (1809 out of 2037)",
        "check": "1809 / 2037 = 88.81%",
        "source": "76.07% (1809 out of 2037)",
    },
    {
        "where": "STP31 P4 June 2023/24",
        "printed": "95.32% (377 out of 398)",
        "check": "377 / 398 = 94.72%; 95.32% is P3's June figure (631 / 662) repeated",
        "source": "95.32% (377 out of 398)",
    },
    {
        "where": "STP31 Year to Date 2023-24",
        "printed": "91.25% (8367 out of 9169)",
        "check": "P1..P4's own YTDs add to 6 + 274 + 2738 + 1809 = 4827 out of 6 + 276 + 3108 "
        "+ 2037 = 5427 (88.94%), which is also Quarter 1 + July (3737 + 1090 out of 4305 + "
        "1122); the parent's 8367 out of 9169 matches neither",
        "source": "91.25% (8367 out of 9169)",
    },
    {
        "where": "STP31 Year to Date 2022-23",
        "printed": "95.41% (16579 out of 17377)",
        "check": "the P rows' denominators add to 30 + 1045 + 9100 + 7201 = 17376 (STP30's "
        "YTD), one less than 17377; the numerators do add to 16579",
        "source": "95.41% (16579 out of 17377)",
    },
    {
        "where": "BBF02 Year to Date 2022-23",
        "printed": "96.2% (Apr 2022-Mar 2023) 3348 out of 3483",
        "check": "3348 / 3483 = 96.12%, which is 96.1%",
        "source": "3348 out of 3483",
    },
    {
        "where": "BBF02 comment",
        "printed": "whilst than last quarter's 96.2%",
        "check": "last quarter (Quarter 4 22-23) prints 95.6%; 96.2% is the 2022-23 year",
        "source": "whilst than last quarter's 96.2%",
    },
    {
        "where": "BBF03 Year to Date 2022-23",
        "printed": "93.4% (Apr 2022-Mar 2023) 3263 out of 3459",
        "check": "3263 / 3459 = 94.33%, which is 94.3% (the digits look swapped); the comment's "
        "'achieving 94.3%' then matches the year, not Quarter 1's 94.2% (786 / 834 = 94.24%)",
        "source": "3263 out of 3459",
    },
    {
        "where": "AFL08 Year to Date 2022-23",
        "printed": "76.50% 624 out of 816",
        "check": "624 / 816 = 76.47%",
        "source": "624 out of 816",
    },
    {
        "where": "AFL08 Quarter 1 23-24",
        "printed": "71.40% 152 out of 213",
        "check": "152 / 213 = 71.36%: two decimals printed, one decimal's rounding (71.4%)",
        "source": "71.40% 152 out of 213",
    },
    {
        "where": "BBF06 Year to Date 2023-24",
        "printed": "93.60% beside Quarter 1 95% (2,792) and July 95.3% (1032)",
        "check": "April to July is Quarter 1 plus July, so its rate lies between them: with Q1 "
        "at least 94.5% of 2,792 and July 95.25% of 1032 it is at least 94.7%; 93.60% is "
        "below both",
        "source": "93.60%",
    },
    {
        "where": "BBF01 Direction of Travel",
        "printed": "∱G (↑G) with Quarter 4 22-23 48.5% and Quarter 1 23-24 48.3%",
        "check": "48.3% is below the previous period's 48.5%; the comment's 'increase … from "
        "47.1% to 48.3%' compares with the 2022-23 year, not the previous period the column "
        "names",
        "source": "an increase in the breastfeeding rates from 47.1% to 48.3%",
    },
    {
        "where": "BBF29 Direction of Travel",
        "printed": "₽ (⇩, decreased) with June 1,191 and July 1,191",
        "check": "the same figure both months: the key's ⇨ (stayed the same)",
        "source": "1,050 Mean for Northamptonshire Children's Services",
    },
    {
        "where": "BBF29 comment",
        "printed": "The number of children in care was 1,191 at the end of July 2022",
        "check": "the July 2023 figure; the comment itself goes on 'There are now 26 children "
        "less in care than a year ago, in July 2022'",
        "source": "The number of children in care was 1,191 at the end of July 2022",
    },
    {
        "where": "BBF22 Direction of Travel",
        "printed": "→ R with June 274 and July 291",
        "check": "→ is 'stayed the same', but 274 -> 291 is 6.2% worse (lower is better), "
        "which the R and the comment ('a higher volume than last month') say",
        "source": "a higher volume than last month",
    },
    {
        "where": "AFL05 Direction of Travel",
        "printed": "Û (⇩, 'Actual decreased')",
        "check": "the comment says 'a notable increase in the number of concerns determined to "
        "be enquiries (+9)': ⇧",
        "source": "There was a notable increase in the number of concerns determined",
    },
    {
        "where": "STP05 Direction of Travel",
        "printed": "Û (⇩, 'Actual decreased') with June 642 and July 643",
        "check": "642 -> 643 is an increase: ⇧ (the key prints û for increased)",
        "source": "Number of new Keyways applications received",
    },
    {
        "where": "STP39 Direction of Travel",
        "printed": "Û (⇩, 'Actual decreased') with June 1,188 and July 1,266",
        "check": "an increase of 78 (the comment says so): ⇧",
        "source": "This is an increase of 78 jobs awaiting completion",
    },
    {
        "where": "STP40 Direction of Travel",
        "printed": "Û (⇩, 'Actual decreased') with June 762 and July 844",
        "check": "762 -> 844 is an increase: ⇧",
        "source": "Number of repair jobs awaiting completion which are outside of target",
    },
    {
        "where": "AFL15 comment",
        "printed": "During June there was a slight decrease in the number of approaches from "
        "539 to 525",
        "check": "539 is June's figure and 525 July's: the decrease is in July",
        "source": "During June there was a slight decrease in the number of approaches",
    },
    {
        "where": "STP37a comment",
        "printed": "45 properties … 2527 … monthly average turnaround for July of 56.15 days … "
        "down to 99.5 days",
        "check": "2527 / 45 = 56.16 days; the cumulative average in the table is 59.5 days, "
        "not 99.5",
        "source": "This has brough the cumulative average turnaround me down to 99.5 days",
    },
    {
        "where": "STP37b",
        "printed": "cumulative average 217 days (June) then 301 days (July); July: 11 "
        "properties, 3313 void days",
        "check": "July's own average is 3313 / 11 = 301.2 days; a cumulative average of "
        "April-July can only equal it if almost no major voids were let before July, yet "
        "June's cumulative average (217 days) says some were",
        "source": "These 11 properties had a total number of void days of 3313.",
    },
    {
        "where": "STP38",
        "printed": '"a cumulative rent collected as a percentage of rent owed figure": Year to '
        "Date 2023-24 95.09%, July 96.08%; Quarter 1 printed 96.37 (no %)",
        "check": "for a cumulative figure the year to date is July's; 95.09% is not 96.08%; "
        "and Quarter 1's 96.37 lacks its % beside June's 96.37%",
        "source": "This is a cumulative rent collected as a percentage of rent owed figure.",
    },
    {
        "where": "MPS21 Year to Date 2023-24 (Quarter 1)",
        "printed": "87.5%%",
        "check": "a doubled % (14 out of 16 is 87.5%, so only the sign is wrong)",
        "source": "87.5%%",
    },
    {
        "where": "MPS04 Quarter 1 collected",
        "printed": "£47,126,437,48 (collected YTD)",
        "check": "a comma for the decimal point: £47,126,437.48, which with July's "
        "£15,720,547.42 gives the printed year to date £62,846,984.90",
        "source": "£47,126,437,48 (collected YTD)",
    },
)

NOTES: dict[str, tuple[str, ...]] = {
    "workbook": (
        'Headings are kept as each page prints them: "Key Commitme nt", "Year to Date '
        '2023- 24", "Year to Date 2023 24"; markup is dropped ("<u>June</u> 2023/24" is '
        '"June 2023/24").',
        "Finance's header prints no \"Ref No.\" heading and Customer & Governance's no "
        '"Polarity" heading (their cells are blank), though the rows carry a ref and a '
        "polarity.",
        'The Housing Services page\'s header is extracted as "Key Commitme Ref No. nt" with '
        'refs inside the Key Commitment cells ("Active, AFL13 fulfilled lives"): read as '
        "two columns, Key Commitment and Ref No., as on every other page.",
        'Section rows read from garbled text: "Growth & Regenera ition" is Growth & '
        'Regeneration; "Learning, Skiils & E uucation" is "Learning, Skiils & Education" '
        '(the council\'s "Skiils" kept); the header cell "Key Commitme nt Adult Social" '
        'carries the section, read as "Adult Social Care".',
        "A partial Children's Services header (\"Ref No | Description of Performance | … | "
        'June | I") between two pages has no rows under it and is left out.',
        "In the Communities & Public Health table the Statutory Reporting column holds a "
        'near-neighbour benchmark ("2,225 per 100,000 (Mean average CIPFA near neighbours '
        '2019/20)") and Benchmark an England figure, as printed.',
        "Arrows are decoded with the report's key: ↑G/↓G improved, ↓A/↑A worse but on target "
        "or within 5% of the last period, ↓R/↑R worse beyond it, → same; ⇧ ⇨ ⇩ for no "
        "polarity. Unreadable glyphs (•, <b>4</b>, <b>.</b>, <b>*</b>, <b>^</b>, _) are "
        "decided from the figures and the key; each is noted under its row. Where the glyph "
        "decodes cleanly but the figures disagree, 'arrow_by_figures' gives the other "
        "reading and SEED_ERRORS the sum.",
        "The Infographic / Chart column holds charts in the report and is left empty.",
    ),
    "STP15": (
        'The extracted text has a second layer under the first line: Ref "311 13", arrow '
        '"▼K", target "30%", tolerance "0376 - 3076": OCR of the same cells, ignored.',
        "⊎R on a higher-is-better row, June 100% -> July 75% (25% down): ↓R.",
        "YTD 2023-24 88.24% = 15 out of 17 = Quarter 1 (12 of 13) + July (3 of 4): a ratio.",
    ),
    "STP16": (
        'Arrow layers "4.0" and "∱G": ↑G (65.00% -> 81.82%).',
        'Second-layer target "83%" is OCR of 85%, which the tolerance 80% - 85% supports.',
        '"the target nigner than statutory level": read as "higher".',
        "YTD 2023-24 76.00% = 95 out of 125 = 68 of 92 + 27 of 33.",
    ),
    "STP17": (
        'Arrow layers "♠G" and "₩G": decided ↑G from the figures (80.85% -> 89.02%) and '
        'the comment ("Performance has improved this month").',
        'Second-layer target "00%" and tolerance "63% · 88%" are OCR of 88% and 83% - 88%.',
        "YTD 2023-24 85.00% = 306 out of 360 = 233 of 278 + 73 of 82.",
    ),
    "STP29": (
        '"(at end of period)": a snapshot. Quarter 1 equals June\'s figure (4069), and the '
        "Year to Date 2023-24 (17064) is the sum of the four month-end snapshots (P2: 54 with "
        "June 0 and July 13), not a meaningful total.",
        "P1..P4 add up to the parent in every column (0 + 0 + 608 + 3461 = 4069).",
        'A line "Number of Balanta Contraction on" above the table is garbled chart text, ignored.',
    ),
    "STP30": (
        "P1..P4 add up to the parent in every column (e.g. July 0 + 54 + 530 + 991 = 1575); "
        "each YTD 2023-24 is Quarter 1 + July (4953 + 1575 = 6528): a sum.",
        "The comment's last sentence is repeated in the extracted text; kept once.",
    ),
    "STP31": (
        "Targets are per P row (97.5%, 97.5%, 90%, 90%) and the parent's is \"P1 and P2 97.5% "
        'P3 and P4 90%": Target is not merged over the five rows, the other cells are.',
        'Tolerance "No Tolerance" (a stray "1" on P1\'s line is ignored).',
        'P1 July "N/A (0 out of 0)": no P1 defects in July.',
    ),
    "GSE06": (
        '"Reported quarterly - monthly breakdown is available": July is "n/a reported '
        'Quarterly"; Quarter 1 = YTD 886.',
        "↑R with no previous quarter printed (2022-23's 2784 is 696 a quarter; 886 is more).",
    ),
    "GSE07": (
        'Reported quarterly; June carries Quarter 1\'s 97.48% "(Q1 23-24)".',
        '"3% (85.36% - 88%)": 88% x 0.97 = 85.36%.',
    ),
    "MPS05": (
        "The description is not printed (council tax collected, by MPS04 beside it).",
        "Cumulative: each figure is collected to date in the year against a monthly profile "
        "of the 98% annual target (38.00% by July); YTD 2023-24 = July.",
        'Arrow "<b>4</b>" is unreadable: ↓A, from the comment ("slightly below compared to '
        'the same point in time last year": 38.70% -> 38.60%, on target): the comparison is '
        "the same month last year.",
        'Money lines are numbers with the note in the format; "(cdllected in year)" kept as '
        "printed.",
    ),
    "MPS04": (
        'Arrow "<b>.</b>" is unreadable: ↑G, from the comment ("above last year\'s '
        'collection at the same point in time": 37.44% -> 38.79%).',
        '"£47,126,437,48" read as £47,126,437.48.',
    ),
    "AFL22": ("Quarterly; YTD 2022-23 62.86% = 792 out of 1260.",),
    "BBF02": (
        'Arrow "•" is unreadable: ↓A (95.6% -> 91.6% is 4.2% down, within 5%, and above the '
        "90% target).",
    ),
    "AFL20": (
        '"25% (100% annual target)": a quarter\'s share of the annual target; the '
        "denominators are the year's eligible population (23347, 23338).",
        "The comment runs on into AFL21's row: one comment cell merged over both rows.",
    ),
    "AFL21": ('"15% (60% annual target)"; 9.8% -> 9.1% is 7.1% down: ↓R.',),
    "BBF01": (
        '"52.25% - 55%": 55% x 0.95 = 52.25%, the 5% corporate tolerance.',
        "↑G compares with 2022-23 (47.1%), not Quarter 4 (48.5%): see SEED_ERRORS.",
    ),
    "BBF04": ("Lower is better; 10.6% -> 9.7%: ↓G.",),
    "AFL23": (
        'Quarter 1 is extracted as "0% (April & May": read as "0% (April & May)"; the '
        'direction cell says "N/A (data for Q1 is only April and May at this stage)".',
        '"No target - tracking indicator only"; tolerance "National target will be '
        'available in April 2024".',
    ),
    "BBF05": (
        'Children\'s Trust key: ↑G is "improved", here 25.4% -> 22.6% with lower is better '
        "(the corporate key would print ↓G).",
        "The description is not printed (re-referrals, by the comment).",
        '"25% - 40%" is a band around the 29% target, not a tolerance below it.',
    ),
    "BBF06": (
        "Children's Trust key: ↑G (92.7% -> 95.3%).",
        '"85% - 95%" runs above the 85% target (higher is better).',
    ),
    "BBF07": (
        'Children\'s Trust key: "VA" is ↓A, declined (11.1% -> 11.3%, lower is better); the '
        "corporate key would print ↑A.",
        "A rolling 12-month measure: YTD 2023-24 = July (11.3%).",
    ),
    "BBF08": ("Children's Trust key: ↑G (62.7% -> 62.9%).",),
    "BBF09": ('Children\'s Trust key: "VA" is ↓A (95.5% -> 94.7%).',),
    "BBF27": (
        'Children\'s Trust key: "VA" is ↓A, declined (56.2% -> 21.8%, far below target: the '
        "corporate key would print ↓R).",
    ),
    "BBF28": (
        'A month-end count: YTD 2023-24 = July (702). The comment\'s "1702 children" is a '
        "garbled 702.",
    ),
    "BBF29": ("The description is not printed (children in care, by the comment).",),
    "BBF12": (
        'Termly: June "n/a Termly reported"; YTD 2023-24 = July (94 out of 111), the latest '
        "term's figure.",
        "The description is not printed (primary schools judged good or outstanding, by the "
        'comment); Key Commitment "TBC" as printed.',
    ),
    "BBF13": (
        'Termly; Key Commitment "TBC".',
        "↑G: July (16 of 20) equals Quarter 1 (16 of 20); the rise is from 2022-23 (15 of "
        '20), as the comment\'s "continues to increase" says.',
    ),
    "BBF15": (
        "Termly and cumulative over the school year (104 -> 146 suspensions of 32252); ₩G = "
        '↓G compares terms: "decreased from 0.7% in Spring Term 2023 to 0.4% in Summer '
        'Term".',
        "Values are printed on the line above the ref line (the cells are vertically centred).",
    ),
    "BBF16": ("Termly and cumulative over the school year; ↑R (4.55% -> 5.57%).",),
    "BBF17": (
        'Arrow "Vg" read as ↓G: V is ↓ as in the Children\'s Trust rows\' "VA"; the terms '
        "compare Summer 2023 (24 so far) with Spring 2023 (33). The table's 0.035% -> 0.048% "
        "is the school year's running total.",
        'June "n/a Termly" + "roportou" read as "n/a Termly reported".',
    ),
    "BBF18b": (
        "YTD 2023-24 139 out of 202 = Quarter 1 (96 of 144) + July (43 of 58): a ratio.",
        "83.7% -> 74.1% is 11.5% down: ↓R.",
    ),
    "BBF19": (
        'Termly: all of 2023-24 "n/a Termly reported"; the comment gives Spring 2023 95%.',
        'Arrow "<b>*</b>" is unreadable: ↓A (98% -> 95%, on the 95% target).',
    ),
    "BBF34": ('Termly; "Tracking" target; July 17%.',),
    "BBF35": ('Termly; "Tracking" target; July 26%.',),
    "BBF22": (
        "A month-end count; YTD 2023-24 274 is Quarter 1's, not July's 291.",
        'Arrow "→ R" decided ↑R from the figures and the R: see SEED_ERRORS.',
    ),
    "BBF32": ("Φ is ⇩ (855 -> 783); no polarity.",),
    "BBF33": ("↑R: 103 -> 165, lower is better.",),
    "BBF36": (
        'July "N/A reported" / "arrears" (two lines) kept as "N/A reported arrears": '
        'reported in arrears, as AFL04\'s "N/A Reporting one month in arrears".',
        'Arrow "₽R" (second layer "• 11") read as ↓R: May 77.6% (comment) -> June 45.7%, '
        "higher is better.",
    ),
    "MPS21": (
        'Reported quarterly: April, May and June "(Reported quarterly)"; the 2023-24 '
        'figure sits under "Year to Date 2023-24 (Quarter 1)".',
        '"No variation": no tolerance.',
    ),
    "ST-MAX": (
        'No ref is printed: key "ST-MAX" from the description.',
        "Cumulative: Quarter 1 = June (229 of 602) and YTD 2023-24 = July (310 of 811).",
        '"5% points": an absolute tolerance of 5 percentage points.',
    ),
    "AFL04": (
        '"N/A Reporting one month in arrears": the latest is June (392); YTD 2023-24 1103 '
        "is April-June.",
    ),
    "AFL05": ("Reported one month in arrears; no polarity.",),
    "AFL06": (
        'Arrow "<b>^</b>" read as ↑A: 1267 -> 1292 is 2.0% up (lower is better), within '
        "5% of the last period.",
    ),
    "AFL07": (
        '"This is a cumulative measure which increases throughout the financial year; '
        'resetting each April": YTD 2023-24 = July (214.9).',
        '"Year-end target: 564 Monthly target: 47": to July the target is 4 x 47 = 188.',
        'Tolerance "TBD - for now applied standard 5%".',
        "↓G although the cumulative figure rose (170.7 -> 214.9): the comment compares "
        "monthly growth (53 now against 55 a month in 2022/23).",
    ),
    "AFL08": (
        '"5% points": absolute.',
        "YTD 2023-24 511 out of 727 is not Quarter 1 + July (369 out of 514), and Quarter 1 "
        "equals June (152 of 213): the periods are rolling, not additive.",
    ),
    "rough sleepers": (
        'No ref is printed: key "rough sleepers".',
        '"single night snapshot": YTD 2022-23 and 2023-24 print n/a.',
        '"9 to 12": an amber band above the target 9 (lower is better).',
    ),
    "AFL13": (
        '"252 (21 per month)" with tolerance "18-21" per month; YTD 2023-24 99 = 75 + 24.',
        'Arrow "•" is unreadable: ↓A (30 -> 24 but still above 21 a month).',
    ),
    "AFL14": ('"300 (25 per month)", tolerance "22-25"; YTD 2023-24 108 = 86 + 22.',),
    "AFL15": ('"Tracking - monitoring levels of demand only"; YTD 2023-24 1993 = 1468 + 525.',),
    "AFL17": ('A snapshot (YTDs n/a); target 245, "No tolerance".',),
    "AFL18": ('A snapshot (YTDs n/a); "(14 nights as at 31 07 2023)".',),
    "AFL24": ('"New for 2023-24"; target 0, "No tolerance".',),
    "STP38": (
        '"This is a cumulative rent collected as a percentage of rent owed figure".',
        "Quarter 1 is printed as the bare number 96.37 beside June's 96.37%: kept bare (the "
        "seed's mixed scale).",
        'Its count line runs into STP12\'s row in the text: YTD 2022-23 "of 152707189.83", '
        'Quarter 1 and June "out of 15112272.58", YTD 2023-24 "47970832 out of" + '
        '"50450164", July "out of 23825936.00". Only the YTD pair is whole and is written.',
        'Arrow "•" is unreadable: ↓A (96.37% -> 96.08%, 0.3% down).',
    ),
    "STP12": (
        "Its value cells hold STP38's count line (see STP38): none of its own figures is "
        'printed. July is read from the comment ("At the end of July there were 10 '
        'properties Ready to Let"); the rest are left blank.',
        'Arrow "<b>1</b>" on a lower-is-better row is the key\'s ↑A.',
        '"10 to 15": an amber band above the target 10.',
    ),
    "STP36": (
        '"a snapshot at the month end". The Kettering and Corby rows share one Ref cell '
        '(extracted as "thriving STP36" and "S"): no STP37 is printed, so both rows are '
        "STP36, merged, with one polarity, target and comment.",
        'Target extracted as "No target -" / "indicator only": read as "No target - '
        'tracking indicator only".',
        "Kettering + Corby: 64 + 79 = 143 and 60 + 65 = 125, as the comment says.",
    ),
    "STP37a": (
        "The description is not printed (standard void re-let time, by the comment).",
        '"The figure reported is the cumulative average turnaround time": YTD 2023-24 = '
        "July (59.5 days).",
        '"New KPI for 2023- 24" (a line break) read as "New KPI for 2023-24".',
        'Days stored as numbers with a "days" format.',
    ),
    "STP37b": ('"the overall cumulative average void days to 031 days": a garbled 301.',),
    "STP08": (
        '"as at 31/07/2023": a snapshot. Tolerance "99.5% and above is green, 99% and '
        'above is amber": explicit thresholds; target 100%.',
        '"Only 18 properties out of total 7.901": 7901 - 7883 = 18 (10 Kettering + 8 Corby).',
        'Arrow layers "_" and "<b>→</b>": → (99.76% -> 99.77%).',
    ),
    "STP04": ('"(as at 1st month)", "a snapshot"; tracking (N/A - monitoring levels of demand).',),
    "STP05": (
        'YTD 2023-24 2493 = 1850 + 643; "average for the year to date of 623.25" = 2493 / 4.',
    ),
    "STP39": (
        '"A snapshot at the end of July"; YTD 2023-24 printed "n∕a" (a division slash), '
        "read as n/a.",
    ),
    "STP40": ("A snapshot; YTD 2023-24 n/a.",),
}

# The rows that follow the Children's Trust Direction of Travel Key (their Ref carries
# "(KPI n)"): ↑G improved, → the same, ↓A declined, whatever the polarity.
CHILDRENS_TRUST = ("BBF05", "BBF06", "BBF07", "BBF08", "BBF09", "BBF27")


def _complete() -> None:
    """Turn the period tuples into {period: text}, fill in what merged cells print for
    member rows, the arrow key each row follows, the printed YTDs and the comments."""
    for key, entry in PRINTED.items():  # a group's first row comes before its members
        if key in _COMMENTS:
            entry["comment"] = _COMMENTS[key]
        periods = PERIODS[entry["sheet"]]
        for field in ("values", "second_line"):
            if field in entry:
                cells = zip(periods, entry[field], strict=True)
                entry[field] = {p: text for p, text in cells if text is not None}
        group = GROUPS.get(entry.get("parent", ""))
        if group:
            first = PRINTED[group[0][0]]
            for field in group[1]:
                if field not in entry and field in first:
                    entry[field] = first[field]  # printed once, in the cell merged over them
        for field in MERGED_UP.get(key, ()):
            entry.setdefault(field, PRINTED[_ABOVE[key]][field])
        entry["arrow_key"] = "children's trust" if key in CHILDRENS_TRUST else "corporate"
        ytd = {
            year: entry["values"][f"YTD {year}"]
            for year in ("2022-23", "2023-24")
            if f"YTD {year}" in entry["values"]
        }
        if ytd:
            entry["ytd"] = ytd
        entry.setdefault("comment", "")
        entry.setdefault("stated", ())


_complete()

COUNTS: dict[str, dict] = {}  # the report prints no count boxes

COUNCIL_WIDE = """\
reporting_period = "July 2023"  # "North Northamptonshire Council Performance Report - July 2023"
# "Amber - Under-performing against target but within 5% corporate tolerance (or other
# agreed tolerance as specified)"; BBF01's band 52.25% - 55% shows it is 5% of the target.
default_tolerance = "5%"
# "An acceptable range = within 5% of the last period's performance"
acceptable_range = "5%"
# Note, not a setting: the Children's Trust rows (BBF05-BBF09, BBF27, "(KPI n)") follow
# their own keys. Children's Trust Progress Status Key: "Green - At target or better",
# "Amber - Below target - within tolerance", "Red - Below target - outside tolerance",
# "Grey - No RAG". Children's Trust Direction of Travel Key: "↑G Performance improved
# since last month", "→ Performance the same as last month", "↓A Performance declined
# since last month" (no polarity in it, and no red arrow).
"""


def _store(text: str) -> tuple[object, str]:
    """A cell as the council's tracker holds it (see the module docstring)."""
    if re.fullmatch(r"\d+(?:\.\d+)? days", text):
        return unit_value(text)
    if text.lstrip("-").startswith("£"):
        return money_value(text)
    return excel_value(text)


def _text(entry: dict, field: str, period: str | None = None) -> str | None:
    """What the tracker holds for a field or a period: the reading where the text is
    garbled, else the printed text."""
    read = entry.get("read_as", {})
    if period is None:
        return read.get(field, entry.get(field))
    return read.get(field, {}).get(period, entry.get(field, {}).get(period))


_AS_TEXT = ("commitment", "ref", "name", "statutory", "benchmark", "polarity", "comment")


def _write_table(ws: Worksheet, row: int, chunk: tuple) -> int:
    sheet, title, header, section, items = chunk
    periods = PERIODS[sheet]
    fields = [field for _, field in header]
    title_row(ws, row, title, len(header))
    row += 1
    header_row(ws, row, [heading for heading, _ in header])
    if section:
        row += 1
        section_row(ws, row, section)
    for item in items:
        keys, merged = GROUPS.get(item, ((item,), ()))
        first = row + 1
        for key in keys:
            entry = PRINTED[key]
            row += 1
            top = row
            two_lines = bool(entry.get("second_line"))
            for col, field in enumerate(fields, start=1):
                if field in merged and key != keys[0]:
                    continue  # under a cell merged from the group's first row
                if field in MERGED_UP.get(key, ()):
                    ws.merge_cells(start_row=row - 1, start_column=col, end_row=row, end_column=col)
                    continue
                if field in periods:
                    text = _text(entry, "values", field)
                    if text:
                        put(ws, row, col, *_store(text))
                    below = _text(entry, "second_line", field)
                    if below:
                        put(ws, row + 1, col, *_store(below))
                elif field == "arrow":
                    put(ws, row, col, entry["arrow"])
                elif field in ("target", "tolerance"):
                    text = _text(entry, field)
                    if text:
                        put(ws, row, col, *_store(text))
                elif field in _AS_TEXT:
                    put(ws, row, col, _text(entry, field))
            if two_lines:
                row += 1
                for col, field in enumerate(fields, start=1):
                    if field not in periods:
                        ws.merge_cells(start_row=top, start_column=col, end_row=row, end_column=col)
        if len(keys) > 1:
            for col, field in enumerate(fields, start=1):
                if field in merged:
                    ws.merge_cells(start_row=first, start_column=col, end_row=row, end_column=col)
    return row


def write(path: Path) -> Path:
    """Write the report's tables, one sheet per directorate, to ``path`` (.xlsx).

    >>> import tempfile, openpyxl
    >>> wb = openpyxl.load_workbook(write(Path(tempfile.mkdtemp()) / "s004.xlsx"))
    >>> wb.sheetnames[:3]
    ['Place & Economy', 'Finance Services', 'Communities & Public Health']
    >>> ws = wb["Place & Economy"]
    >>> ws["B4"].value, ws["I4"].value, ws["I4"].number_format, ws["I5"].value
    ('STP15', 0.8824, '0.00%', '15 out of 17')
    """
    wb = Workbook()
    wb.remove(wb.active)
    last: dict[str, int] = {}
    for chunk in CHUNKS:
        sheet = chunk[0]
        if sheet not in wb.sheetnames:
            ws = wb.create_sheet(sheet)
            ws.column_dimensions["C"].width = 50
            last[sheet] = 0
        ws = wb[sheet]
        start = last[sheet] + (2 if last[sheet] else 1)  # a blank row before a new page
        last[sheet] = _write_table(ws, start, chunk)
    wb.save(path)
    return path
