"""Seed 000: a district council's housing management and enforcement service plan 2024-28.

The tracker is the plan's KPI table as the service keeps it: a title row, then the table in
the groups the plan prints, each group under its own copy of the header row after a blank
row; rows 08 and 09 have a second line (the rest of the description and the Q2 commentary).
There is no Polarity column and the Status column is blank, as printed. Q3 and Q4 are blank.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ._cells import header_row, put, put_text, title_row

TITLE = "Housing Management & Enforcement - Key Performance Indicators – Service Plan 2024-28"
HEADER = (
    "Indicator No.",
    "KPI Description",
    "Q1 2024/25",
    "Q2 2024/25",
    "Q3 2024/25",
    "Q4 2024/25",
    "Annual Target 2024/25",
    "Status",
    "Commentary",
)
PERIODS = HEADER[2:6]
SHEET = "KPIs 2024-25"

# What the plan prints, per indicator number. Values are the printed text; the writer
# stores them as Excel would (90.2% as 0.902 with 0.0%, 83 as the bare number 83).
PRINTED: dict[str, dict] = {
    "01": {
        "source": "Proportion of rent collected as a % of rent due in the financial year",
        "name": "Proportion of rent collected as a % of rent due in the financial year",
        "values": {"Q1 2024/25": "83", "Q2 2024/25": "90.2%"},
        "target": "92%",
        "status": "",
        "comment": (
            "This indicator is always lower at the start of the financial year and the 83% "
            "is in line with the balance at the end of Quarter One in 2023. The team continue "
            "to work hard with tenants to signpost to support agencies and offer appropriate "
            "assistance however the current financial crisis is having an impact on the "
            "rental income."
        ),
        "stated": (),
    },
    "02": {
        "source": "Percentage of rent lost through LA dwellings becoming vacant",
        "name": "Percentage of rent lost through LA dwellings becoming vacant (void rent low)",
        "values": {"Q1 2024/25": "3.2%", "Q2 2024/25": "3.27%"},
        "target": "3.5%",
        "status": "",
        "comment": "",
        "stated": (),
    },
    "03": {
        "source": "Former tenants arrears as a % of rent due in the financial year.",
        "name": "Former tenants arrears as a % of rent due in the financial year.",
        "values": {"Q1 2024/25": "2%", "Q2 2024/25": "2.1%"},
        "target": "2%",
        "status": "",
        "comment": "",
        "stated": (),
    },
    "04": {
        "source": "Current tenants arrears as a % of rent due in the financial year",
        "name": "Current tenants arrears as a % of rent due in the financial year",
        "values": {"Q1 2024/25": "5%", "Q2 2024/25": "5.5%"},
        "target": "4%",
        "status": "",
        "comment": (
            "Although we are still above the target we are still seeing a gradual decrease "
            "in the number of cases. This is in part down to the Mobysoft software which only "
            "prompts the cases that the Income Management Team need to be focussing on rather "
            "than listing all tenancies in arrears. The team continue to work hard with "
            "tenants to signpost to support agencies and offer appropriate assistance and we "
            "continue to be supportive yet but firm in our approach to the arrears. As of end "
            "of Q1, 296 Households recommended for contact in March 2023 are now no longer "
            "being recommended for contact. This tells us that the interventions and support "
            "the team is providing is making a difference."
        ),
        "stated": (
            {
                "says": "still above the target",
                "of": "Q2 2024/25",
                "source": "Although we are still above the target",
            },
        ),
    },
    "05": {
        "source": "Allocations – from Dragonfly handover to relet – 14 working days",
        "name": "Allocations – from Dragonfly handover to relet – 14 working days",
        "values": {"Q1 2024/25": "20", "Q2 2024/25": "TBC"},
        "target": "14",
        "status": "",
        "comment": (
            "Q1 – This is higher than usual due to the implementation of the new Housing "
            "Allocation Policy and the shutdown period in April 24. The allocation of 18 "
            "properties were delayed during this period which has impacted on the figure."
        ),
        "stated": (
            {
                "says": "higher than usual",
                "of": "Q1 2024/25",
                "source": "Q1 – This is higher than usual",
            },
        ),
    },
    "06": {
        "source": "Homelessness successful prevention cases",
        "name": "Homelessness successful prevention cases",
        "values": {"Q1 2024/25": "84%", "Q2 2024/25": "79%"},
        "target": "75%",
        "status": "",
        "comment": (
            "Q1 – 84% of cases closed in Q1 were successful prevention cases. Q2 – 79% of "
            "cases closed in Q2 were successful prevention cases. Cumulative figure pending"
        ),
        "stated": (),
    },
    "07": {
        "source": "Homelessness successful relief cases",
        "name": "Homelessness successful relief cases",
        "values": {"Q1 2024/25": "80%", "Q2 2024/25": "67%"},
        "target": "45%",
        "status": "",
        "comment": (
            "Q1 – 80% of successful outcomes for cases closed between Apr-Jun. Q2 – 67% of "
            "cases Jul-Sept had successful outcomes. Cumulative figure pending"
        ),
        "stated": (),
    },
    "08": {
        "source": "% of Stage 1 housing complaints responded to within 10 working days",
        "name": "% of Stage 1 housing complaints responded to within 10 working days",
        "values": {"Q1 2024/25": "100%", "Q2 2024/25": "100%"},
        "target": "100%",
        "status": "",
        "comment": "Q1 – 32 stage 1s all answered within timescales.",
        "second_line": {
            "name": "Within To Working days",
            "comment": (
                "Q2 – 35 stage one complaints were recorded all of which were answered "
                "within timescales."
            ),
        },
        "stated": (
            {
                "says": "all answered within timescales",
                "of": "Q1 2024/25",
                "source": "Q1 – 32 stage 1s all answered within timescales.",
            },
            {
                "says": "all of which were answered within timescales",
                "of": "Q2 2024/25",
                "source": "Q2 – 35 stage one complaints were recorded",
            },
        ),
    },
    "09": {
        "source": "% of Stage 2 housing complaints responded to",
        "name": "% of Stage 2 housing complaints responded to",
        "values": {"Q1 2024/25": "100%", "Q2 2024/25": "100%"},
        "target": "100%",
        "status": "",
        "comment": "Q1 – 4 stage 2s all answered within timescales.",
        "second_line": {
            "name": "within 20 working days",
            "comment": "Q2 – 6 stage 2s all answered within timescales",
        },
        "stated": (
            {
                "says": "all answered within timescales",
                "of": "Q1 2024/25",
                "source": "Q1 – 4 stage 2s all answered within timescales.",
            },
            {
                "says": "all answered within timescales",
                "of": "Q2 2024/25",
                "source": "Q2 – 6 stage 2s all answered within timescales",
            },
        ),
    },
    "10": {
        "source": "Number of fixed penalty notices issued for, breach of PSPO",
        "name": (
            "Number of fixed penalty notices issued for, breach of PSPO, CPN, litter and dog "
            "fouling offences"
        ),
        "values": {"Q1 2024/25": "29", "Q2 2024/25": "TBC"},
        "target": "15 per quarter",
        "status": "",
        "comment": "",
        "stated": (),
    },
    "11": {
        "source": "Identify, report and resolve 40 fly tipping cases per quarter",
        "name": "Identify, report and resolve 40 fly tipping cases per quarter",
        "values": {"Q1 2024/25": "139", "Q2 2024/25": "TBC"},
        "target": "40 per quarter",
        "status": "",
        "comment": "",
        "stated": (),
    },
    "12": {
        "source": "Attendance at Parish Meeting (or equivalent)",
        "name": "Attendance at Parish Meeting (or equivalent)",
        "values": {"Q1 2024/25": "8", "Q2 2024/25": "TBC"},
        "target": "5 per quarter",
        "status": "",
        "comment": (
            "Q1 – 5 Parish Council, 2 Meetings with Parish, 1 Community Meeting, Total = 8"
        ),
        "stated": (),
    },
    "13": {
        "source": "Lifeline customers satisfied with the way their alarm call was dealt with",
        "name": (
            "Lifeline customers satisfied with the way their alarm call was dealt with – to "
            "be measured monthly dip test of 10 calls"
        ),
        "values": {"Q1 2024/25": "100%", "Q2 2024/25": "TBC"},
        "target": "90%",
        "status": "",
        "comment": "",
        "stated": (),
    },
    "14": {
        "source": "95% falls responded to within 30 minutes",
        "name": "95% falls responded to within 30 minutes",
        "values": {"Q1 2024/25": "98.58%", "Q2 2024/25": "TBC"},
        "target": "95%",
        "status": "",
        "comment": "",
        "stated": (),
    },
}

# The plan's groups: each starts after a blank row under a fresh copy of the header.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("01", "02", "03"),
    ("04",),
    ("05", "06", "07"),
    ("08", "09", "10", "11", "12", "13", "14"),
)

COUNTS: dict[str, dict] = {}  # the plan prints no count box

# Nothing in the plan sets a council-wide rule: no tolerance, no reporting period (the
# table has Q1 and Q2 filled, but the text never says which quarter it reports).
COUNCIL_WIDE = ""

SEED_ERRORS: tuple[dict, ...] = (
    {
        "where": "01 Q1 2024/25",
        "printed": "83 beside Q2 90.2% and the target 92%",
        "check": "the commentary calls it 'the 83%': the cell lost its % (83 is 0.83 on the "
        "row's own scale), so the row mixes 0-100 and percentage values",
        "source": "the 83% is in line with the balance at the end of Quarter One",
    },
    {
        "where": "08 second line",
        "printed": "Within To Working days",
        "check": "the first line already says 'within 10 working days'; 'To' reads as a "
        "garbled 'Ten', repeating the description",
        "source": "Within To Working days",
    },
    {
        "where": "02 description",
        "printed": "(void rent low)",
        "check": "the measure is rent lost: 'low' reads as 'loss'",
        "source": "(void rent low)",
    },
)

NOTES: dict[str, tuple[str, ...]] = {
    "01": (
        "Q1 is the bare number 83 while Q2 is 90.2% and the target 92%: the seed's own mixed "
        "scale, kept in the tracker (83 stored as 83, not 0.83).",
        '"This indicator is always lower at the start of the financial year": the figure '
        "is collected to date in the year, so Q1 sits below the annual target by design.",
        "Polarity not printed; the commentary treats a higher collection as better.",
    ),
    "04": (
        '"Although we are still above the target we are still seeing a gradual decrease": '
        "5.5% against 4% is a miss, so lower is better (no Polarity column prints it).",
    ),
    "05": (
        '"This is higher than usual" (20 against 14 working days): lower is better.',
        "Q2 prints TBC.",
    ),
    "06": ('"Cumulative figure pending": Q1 and Q2 are each quarter\'s own cases.',),
    "07": ('"Cumulative figure pending": Q1 and Q2 are each quarter\'s own cases.',),
    "08": (
        'The description runs onto a second row ("Within To Working days") that also '
        "carries the Q2 commentary; the second row has no figures.",
    ),
    "09": (
        'The description runs onto a second row ("within 20 working days") that also '
        "carries the Q2 commentary; the second row has no figures.",
    ),
    "10": ('Target "15 per quarter": a per-period target, not annual.',),
    "11": ('Target "40 per quarter"; the description repeats it.',),
    "12": ("Target \"5 per quarter\"; the commentary's sum (5 + 2 + 1 = 8) matches Q1's 8.",),
    "13": ('"to be measured monthly dip test of 10 calls".',),
    "14": ('The description carries the target ("95% falls responded to").',),
}


def write(path: Path) -> Path:
    """Write the plan's KPI table to ``path`` (.xlsx) and return the path.

    >>> import tempfile, openpyxl
    >>> out = write(Path(tempfile.mkdtemp()) / "s000.xlsx")
    >>> ws = openpyxl.load_workbook(out)[SHEET]
    >>> ws["C4"].value, ws["D4"].value, ws["D4"].number_format
    (83, 0.902, '0.0%')
    """
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    title_row(ws, 1, TITLE, len(HEADER), size=14)
    row = 1
    for group in GROUPS:
        row += 2  # a blank row, then a copy of the header
        header_row(ws, row, HEADER)
        for ref in group:
            row += 1
            entry = PRINTED[ref]
            put(ws, row, 1, ref)  # "01" stays text, as the plan prints it
            put(ws, row, 2, entry["name"])
            for col, period in enumerate(PERIODS, start=3):
                put_text(ws, row, col, entry["values"].get(period))
            put_text(ws, row, 7, entry["target"])
            put(ws, row, 9, entry["comment"])
            second = entry.get("second_line")
            if second:
                row += 1
                put(ws, row, 2, second["name"])
                put(ws, row, 9, second["comment"])
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["I"].width = 80
    wb.save(path)
    return path
