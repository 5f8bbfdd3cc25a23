"""Seed 001: Charnwood Borough Council, quarter 3 2023-24 performance report (KPI table).

The tracker is the report"s Key Performance Indicator table only (the delivery-plan
actions before it are another table): a two-row header, each quarter"s heading merged
over its Value and Target columns, and the 15 KI rows with the indicator cell written as
the report writes it ("KI 3 % of food establishments …\n\nOwner: Head of …"). The Gauge
and Travel columns hold images in the report and are left empty. There is no Polarity
column and no status column: the report rates with gauge images.

Days are kept as the text the report prints ("15 Days", "15.1 Days", "14.09 Days"): one
number format cannot show those three decimals, so they were typed as text. Kilograms are
numbers with a "Kg" number format, its decimals as printed ("107 Kg" is 107 with
``0 "Kg"``, "105.2 Kg" is 105.2 with ``0.0 "Kg"``).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ._cells import excel_value, header_row, put, unit_value

SHEET = "Q3 KPIs"
QUARTERS = ("Q1 2023/24", "Q2 2023/24", "Q3 2023/24")
# Row 1: the quarter headings (each merged over two columns); row 2: Value | Target.
HEADER_1 = (
    "Key Performance Indicator",
    "Q1 2023/24",
    None,
    "Q2 2023/24",
    None,
    "Q3 2023/24",
    None,
    "Gauge",
    "Update",
    "Travel",
)
HEADER_2 = (None, "Value", "Target", "Value", "Target", "Value", "Target", None, None, None)

# The KPI table as printed, in order. "cell" is the indicator cell; "values" and "targets"
# are the printed Value and Target per quarter; "update" is the Update column; "counts"
# (KI 20) is the "x out y" its Update quotes.
PRINTED: dict[str, dict] = {
    "KI 3": {
        "source": "KI 3 % of food establishments that achieve level 3 (broadly",
        "cell": (
            "KI 3 % of food establishments that achieve level 3 (broadly compliant) within the "
            "Charnwood Food Hygiene Rating System.\n\nOwner: Head of Regulatory and Community "
            "Safety\xa0"
        ),
        "values": {"Q1 2023/24": "97%", "Q2 2023/24": "97%", "Q3 2023/24": "97%"},
        "targets": {"Q1 2023/24": "92%", "Q2 2023/24": "92%", "Q3 2023/24": "92%"},
        "update": (
            "Slight drop in compliance due to several non-compliant food businesses facing a drop "
            "in their food hygiene rating. Figure however remains above target this quarter."
        ),
        "stated": (
            {
                "says": "remains above target",
                "of": "Q3 2023/24",
                "source": "Figure however remains above target this quarter.",
            },
        ),
    },
    "KI 4": {
        "source": "KI 4 % of household waste arisings which have been sent for",
        "cell": (
            "KI 4 % of household waste arisings which have been sent for recycling.\n\nOwner: "
            "Head of Contracts; Leisure, Waste and Environments"
        ),
        "values": {"Q1 2023/24": "25.02%", "Q2 2023/24": "24.28%", "Q3 2023/24": "23.22%"},
        "targets": {"Q1 2023/24": "25%", "Q2 2023/24": "25%", "Q3 2023/24": "25%"},
        "update": (
            "This is based on the rolling average figure from Waste Data Flow, for the last 4 "
            "audited Quarters (up to September 2023)."
        ),
        "stated": (),
    },
    "KI 6": {
        "source": "KI 6 % rent collected (including arrears brough forward) Cum",
        "cell": (
            "KI 6 % rent collected (including arrears brough forward) Cumulative "
            "Target.\n\nOwner: Head of Landlord Services"
        ),
        "values": {"Q1 2023/24": "89.02%", "Q2 2023/24": "93.77%", "Q3 2023/24": "96.13%"},
        "targets": {"Q1 2023/24": "86.75%", "Q2 2023/24": "91.25%", "Q3 2023/24": "95.45%"},
        "update": (
            "Rent Collection, including arrears b/f, % -96.13%. Target achieved and exceeded by "
            "0.68% (Approx. 123K). Target was set @ 95.45% of the current annual actual rent "
            "debit (including arrears b/f)."
        ),
        "stated": (
            {
                "says": "Target achieved and exceeded by 0.68%",
                "of": "Q3 2023/24",
                "source": "Target achieved and exceeded by 0.68% (Approx. 123K)",
            },
        ),
    },
    "KI 7a": {
        "source": "KI 7a Time taken to process Housing Benefit / Council Tax ne",
        "cell": (
            "KI 7a Time taken to process Housing Benefit / Council Tax new claims.\n\nOwner: "
            "Director of Customer Experience\xa0"
        ),
        "values": {"Q1 2023/24": "15 Days", "Q2 2023/24": "15.1 Days", "Q3 2023/24": "14.09 Days"},
        "targets": {"Q1 2023/24": "18 Days", "Q2 2023/24": "18 Days", "Q3 2023/24": "18 Days"},
        "update": "Performance continues to exceed targets.",
        "stated": (
            {
                "says": "Performance continues to exceed targets",
                "of": "Q3 2023/24",
                "source": "Performance continues to exceed targets.",
            },
        ),
    },
    "KI 7b": {
        "source": "KI 7b Time taken to process Housing Benefit / Council Tax ch",
        "cell": (
            "KI 7b Time taken to process Housing Benefit / Council Tax change of "
            "circumstances.\n\nOwner: Director of Customer Experience\xa0"
        ),
        "values": {"Q1 2023/24": "5 Days", "Q2 2023/24": "7 Days", "Q3 2023/24": "7 Days"},
        "targets": {"Q1 2023/24": "8 Days", "Q2 2023/24": "8 Days", "Q3 2023/24": "8 Days"},
        "update": "Performance continues to exceed targets.",
        "stated": (
            {
                "says": "Performance continues to exceed targets",
                "of": "Q3 2023/24",
                "source": "Performance continues to exceed targets.",
            },
        ),
    },
    "KI 8": {
        "source": "KI 8 % of Council Tax collected (Cumulative Target).",
        "cell": (
            "KI 8 % of Council Tax collected (Cumulative Target).\n\nOwner: Director of Customer "
            "Experience\xa0"
        ),
        "values": {"Q1 2023/24": "29.18%", "Q2 2023/24": "57.1%", "Q3 2023/24": "84.88%"},
        "targets": {"Q1 2023/24": "29.32%", "Q2 2023/24": "57.38%", "Q3 2023/24": "85.48%"},
        "update": "At mid-point, the collection rates remain on target.",
        "stated": (
            {
                "says": "remain on target",
                "of": "Q3 2023/24",
                "source": "At mid-point, the collection rates remain on target.",
            },
        ),
    },
    "KI 9": {
        "source": "KI 9 % of non-domestic rates collected (Cumulative Target).",
        "cell": (
            "KI 9 % of non-domestic rates collected (Cumulative Target).\n\nOwner: Director of "
            "Customer Experience\xa0"
        ),
        "values": {"Q1 2023/24": "29.76%", "Q2 2023/24": "57.62%", "Q3 2023/24": "82.68%"},
        "targets": {"Q1 2023/24": "30.24%", "Q2 2023/24": "56.53%", "Q3 2023/24": "84.19%"},
        "update": (
            "Business rates collection rates are slightly lower than anticipated, this is due to "
            "a mid-year change in rateable values, collection rates are expected to recover in "
            "the last quarter."
        ),
        "stated": (
            {
                "says": "slightly lower than anticipated",
                "of": "Q3 2023/24",
                "source": "Business rates collection rates are slightly lower than anticipated",
            },
        ),
    },
    "KI 10": {
        "source": "KI 10 The number of working days / shifts lost to the local",
        "cell": (
            "KI 10 The number of working days / shifts lost to the local authority due to "
            "sickness absence (Cumulative Target).\n\nOwner: Head of Transformation, Strategy and "
            "Performance\xa0"
        ),
        "values": {"Q1 2023/24": "1.18", "Q2 2023/24": "2.71", "Q3 2023/24": "4.79"},
        "targets": {"Q1 2023/24": "1.8", "Q2 2023/24": "3.4", "Q3 2023/24": "5.3"},
        "update": (
            "Q3 sickness remains within target (5.3) and is lower than last year’s Q3 figure "
            "(5.84).\n\nCough, Cold, Flu and Other categories make up around 40% of all illness "
            "this quarter, which is not unusual for the current period.\n\nStomach and "
            "Stress/Depression makes up 22% of total sickness."
        ),
        "stated": (
            {
                "says": "remains within target (5.3)",
                "of": "Q3 2023/24",
                "source": "Q3 sickness remains within target (5.3)",
            },
        ),
    },
    "KI 11 (A)": {
        "source": "KI 11 (A) Percentage rent loss from void properties (Proxy T",
        "cell": (
            "KI 11 (A) Percentage rent loss from void properties (Proxy Target) Age restricted "
            "properties.\n\nOwner: Head of Strategic Housing\xa0"
        ),
        "values": {"Q1 2023/24": "11.76%", "Q2 2023/24": "11.99%", "Q3 2023/24": "12.77%"},
        "targets": {"Q1 2023/24": "11%", "Q2 2023/24": "9%", "Q3 2023/24": "5%"},
        "update": (
            "Performance continues to be impacted by low levels of demand for sheltered and "
            "non-sheltered age restricted properties. A cabinet member briefing was completed 2nd "
            "November 2023 regarding a review of properties with a 45+ age criteria.\nA review of "
            "sheltered schemes\xa0continues, looking at demand for sheltered and similar older "
            "persons accommodation and is considering the options for existing schemes such as: "
            "renovation, redevelopment, or disposal."
        ),
        "stated": (),
    },
    "KI 11 (B)": {
        "source": "KI 11 (B) Percentage rent loss from void properties (Proxy T",
        "cell": (
            "KI 11 (B) Percentage rent loss from void properties (Proxy Target) Non age "
            "restricted properties.\n\nOwner: Head of Strategic Housing\xa0"
        ),
        "values": {"Q1 2023/24": "5.4%", "Q2 2023/24": "5.42%", "Q3 2023/24": "5.78%"},
        "targets": {"Q1 2023/24": "4.75%", "Q2 2023/24": "3.5%", "Q3 2023/24": "2.5%"},
        "update": (
            "Allocations performance has been impacted by a vacancy for the Housing Allocations "
            "Team Leader role. A temporary agency worker is due to start in this role in early "
            "Q4. Housing Allocations Officers are now fully recruited to on a permanent basis and "
            "are currently being trained."
        ),
        "stated": (),
    },
    "KI 20": {
        "source": "KI 20 % of customers not proceeding past stage 1 of the corp",
        "cell": (
            "KI 20 % of customers not proceeding past stage 1 of the corporate complaint "
            "process.\n\nOwner: Director of Customer Experience\xa0"
        ),
        "values": {"Q1 2023/24": "95%", "Q2 2023/24": "95%", "Q3 2023/24": "91%"},
        "targets": {"Q1 2023/24": "90%", "Q2 2023/24": "90%", "Q3 2023/24": "90%"},
        "update": "148 out 162 complaints (91.4%) did not proceed past Stage 1 in Q3.",
        "counts": {"Q3 2023/24": "148 out 162"},
        "stated": (),
    },
    "KI 21": {
        "source": "KI 21 Number of people attending shows and events at the Tow",
        "cell": (
            "KI 21 Number of people attending shows and events at the Town Hall.\n\nOwner: Head "
            "of Contracts; Leisure, Waste and Environments\xa0"
        ),
        "values": {"Q1 2023/24": "19,378", "Q2 2023/24": "12,379", "Q3 2023/24": "40,443"},
        "targets": {"Q1 2023/24": "18,000", "Q2 2023/24": "9,000", "Q3 2023/24": "39,000"},
        "update": (
            "· The Town Hall was the winner of the Best Entertainment Venue award at the "
            "Leicestershire Tourism Awards 2023. \n· This year’s pantomime, Peter Pan – A New "
            "Pantomime Adventure, received critical acclaim. The pantomime is in line to deliver "
            "the highest box office income figure in the building’s history. \n· New EPOS till "
            "system, ensuring quicker service times, greater reliability, and strong "
            "reporting/financial data reports. \n· Loughborough Monopoly launch in October, "
            "helping to promote its arrival in the town. \n· Hosted the International ProGEO "
            "Symposium, welcoming Geologists from around the world.\n· A varied programme "
            "included sell out events, ranging from: Dave Gorman, A Christmas Carol, and the "
            "Loughborough Diwali celebration event."
        ),
        "stated": (),
    },
    "KI 24": {
        "source": "KI 24 Museum – total number of attendees.",
        "cell": (
            "KI 24 Museum – total number of attendees.\n\nOwner: Head of Contracts; Leisure, "
            "Waste and Environments\xa0"
        ),
        "values": {"Q1 2023/24": "12,101", "Q2 2023/24": "14,797", "Q3 2023/24": "5,679"},
        "targets": {"Q1 2023/24": "11,000", "Q2 2023/24": "15,000", "Q3 2023/24": "5,000"},
        "update": (
            "· Loughborough Landmark exhibition is still very popular.\n· Friends of Charnwood "
            "Museum Christmas coffee morning a great success.\n· Chilled Charnwood was launch "
            "with 2 successful sessions. (November and December)\n· Henry Barge (under 18) had a "
            "fossil case on the gallery during October half term. Very popular and his class from "
            "Loughborough Grammer school visited.\n· Khyati Koria-Green – M `other exhibition "
            "ended.\n· BACA Charity -This creative project has involved an art therapist working "
            "alongside young unaccompanied asylum seekers to share their stories."
        ),
        "stated": (),
    },
    "LS10A": {
        "source": "LS10A Leisure Centres - total number of visits.",
        "cell": (
            "LS10A Leisure Centres - total number of visits.\n\nOwner: Head of Contracts; "
            "Leisure, Waste and Environments\xa0"
        ),
        "values": {"Q1 2023/24": "180,017", "Q2 2023/24": "174,865", "Q3 2023/24": "160,823"},
        "targets": {"Q1 2023/24": "170,000", "Q2 2023/24": "170,000", "Q3 2023/24": "170,000"},
        "update": (
            "Attendances were down against target in the quarter but within the tolerance set. "
            "There was some disruption to service at Loughborough and Soar Valley linked to plant "
            "problems with the swimming pool heating systems which will have contributed to the "
            "lower figures. Overall, for the period Q1 to Q3 the leisure centres are 5,705 above "
            "targets."
        ),
        "stated": (
            {
                "says": "down against target in the quarter but within the tolerance set",
                "of": "Q3 2023/24",
                "source": "down against target in the quarter but within the tolerance set",
            },
            {
                "says": "5,705 above targets",
                "of": "Q1 to Q3",
                "source": "for the period Q1 to Q3 the leisure centres are 5,705 above targets",
            },
        ),
    },
    "NI191": {
        "source": "NI191 Residual household waste per household (cumulative).",
        "cell": (
            "NI191 Residual household waste per household (cumulative).\n\nOwner: Head of "
            "Contracts; Leisure, Waste and Environments\xa0"
        ),
        "values": {"Q1 2023/24": "107 Kg", "Q2 2023/24": "105.2 Kg", "Q3 2023/24": "110.5 Kg"},
        "targets": {"Q1 2023/24": "115 Kg", "Q2 2023/24": "115 Kg", "Q3 2023/24": "115 Kg"},
        "update": "This is a predicted figure, as not all data received yet.",
        "stated": (),
    },
}

COUNTS: dict[str, dict] = {
    "Corporate Performance Indicators: Quarter 3 2023-2024": {
        "Number of PI’s": 24,
        "Red": 9,
        "Amber": 3,
        "Green": 3,
        "Not started (annual KPIs)": 9,
        "source": "Corporate Performance Indicators: Quarter 3 2023-2024",
    },
    # The delivery-plan action boxes (their table is not built here); each box adds up,
    # and the four themes add up to the overall box.
    "Overall Corporate Delivery Plan Action Performance: Quarter 3 2023-2024": {
        "Number of Actions": 78,
        "Red": 11,
        "Amber": 8,
        "Green": 39,
        "Completed": 20,
        "source": "Overall Corporate Delivery Plan Action Performance: Quarter 3 2023-2024",
    },
    "Caring for the Environment Actions: Quarter 3 2023-2024": {
        "Number of Actions": 23,
        "Red": 3,
        "Amber": 2,
        "Green": 10,
        "Completed": 8,
        "source": "Caring for the Environment Actions: Quarter 3 2023-2024",
    },
    "Healthy Communities Actions: Quarter 3 2023-2024": {
        "Number of Actions": 21,
        "Red": 0,
        "Amber": 5,
        "Green": 11,
        "Completed": 5,
        "source": "Healthy Communities Actions: Quarter 3 2023-2024",
    },
    "A Thriving Economy Actions: Quarter 3 2023-2024": {
        "Number of Actions": 15,
        "Red": 4,
        "Amber": 0,
        "Green": 10,
        "Completed": 1,
        "source": "A Thriving Economy Actions: Quarter 3 2023-2024",
    },
    "Your Council Actions: Quarter 3 2023-2024": {
        "Number of Actions": 19,
        "Red": 4,
        "Amber": 1,
        "Green": 8,
        "Completed": 6,
        "Not started": 0,
        "source": "Your Council Actions: Quarter 3 2023-2024",
    },
}

# The report says which quarter it reports; it states no council-wide tolerance (LS10A's
# "tolerance set" is that indicator's own, and is not printed).
COUNCIL_WIDE = 'reporting_period = "Q3 2023/24"  # "results for the quarter 3 of 2023-2024"\n'

SEED_ERRORS: tuple[dict, ...] = (
    {
        "where": "Corporate Performance Indicators box",
        "printed": "Number of PI’s 24: Red 9, Amber 3, Green 3, Not started (annual KPIs) 9",
        "check": (
            "the table's 15 rated KPIs at Q3, on the figures printed (lower is better for "
            "KI 7a, KI 7b, KI 10, KI 11 (A), KI 11 (B) and NI191, higher for the rest; Amber "
            "within 5% of target): met 9 (KI 3 97%>=92%, KI 6 96.13%>=95.45%, KI 7a 14.09<=18 "
            "days, KI 7b 7<=8 days, KI 10 4.79<=5.3, KI 20 91%>=90%, KI 21 40,443>=39,000, "
            "KI 24 5,679>=5,000, NI191 110.5<=115 Kg); within 5% 2 (KI 8 84.88% is 0.70% "
            "short of 85.48%, KI 9 82.68% is 1.79% short of 84.19%) plus LS10A, 5.40% short "
            "(160,823 of 170,000) but 'within the tolerance set' by its text; worse 3 (KI 4 "
            "23.22% is 7.12% short of 25%, KI 11 (A) 12.77% against 5%, KI 11 (B) 5.78% "
            "against 2.5%). That is Green 9, Amber 3, Red 3: the box's Red 9 and Green 3 "
            "look swapped (9 + 3 + 3 + 9 = 24 holds either way)"
        ),
        "source": "Corporate Performance Indicators: Quarter 3 2023-2024",
    },
    {
        "where": "KI 8 Update",
        "printed": "At mid-point, the collection rates remain on target.",
        "check": (
            "a quarter 3 report, and every quarter is below its target: 29.18% < 29.32%, "
            "57.1% < 57.38%, 84.88% < 85.48% (0.60 points short at Q3)"
        ),
        "source": "At mid-point, the collection rates remain on target.",
    },
    {
        "where": "KI 3 Update",
        "printed": "Slight drop in compliance",
        "check": "Q1, Q2 and Q3 all print 97%: no drop shows at the printed precision",
        "source": "Slight drop in compliance due to several non-compliant food businesses",
    },
    {
        "where": "NI191",
        "printed": "Residual household waste per household (cumulative): 107, 105.2, 110.5 Kg",
        "check": (
            "a cumulative figure cannot fall from Q1 to Q2 (107 -> 105.2 Kg), and the target "
            "is a flat 115 Kg each quarter: the figures read as per-quarter, not cumulative"
        ),
        "source": "NI191 Residual household waste per household (cumulative).",
    },
)

NOTES: dict[str, tuple[str, ...]] = {
    "table": (
        'The Sundry Debtors row after NI191 ("Sundry Debtors Q3", an image of a collection '
        "rate table) is left out: it has no Value or Target cells, only a screenshot.",
        'The count box\'s 9 "Not started (annual KPIs)" are not in the table and are not '
        "invented here: the table has the 15 rated KPIs (24 = 15 + 9).",
        "No Polarity column: polarity is implied below only where the text implies it.",
    ),
    "KI 3": ('"Figure however remains above target" at 97% against 92%: higher is better.',),
    "KI 4": (
        '"This is based on the rolling average figure from Waste Data Flow, for the last 4 '
        "audited Quarters (up to September 2023)\": each quarter's value is a rolling mean of "
        "4 audited quarters, one quarter behind (Q3 covers up to September).",
    ),
    "KI 6": (
        '"Cumulative Target": targets 86.75%, 91.25%, 95.45% are to date in the year.',
        '"Target achieved and exceeded by 0.68%": 96.13% - 95.45% = 0.68 points.',
    ),
    "KI 7a": (
        '"Performance continues to exceed targets" for 14.09 Days against 18 Days: lower '
        "is better.",
        'Days are text as printed ("15 Days", "15.1 Days", "14.09 Days").',
    ),
    "KI 7b": (
        '"Performance continues to exceed targets" for 7 Days against 8 Days: lower is better.',
    ),
    "KI 8": ('"(Cumulative Target)": 29.32%, 57.38%, 85.48% are targets to date in the year.',),
    "KI 9": ('"(Cumulative Target)": 30.24%, 56.53%, 84.19% are targets to date in the year.',),
    "KI 10": (
        '"(Cumulative Target)": 1.8, 3.4, 5.3 days per FTE to date; the values rise with '
        "them (1.18, 2.71, 4.79).",
        '"remains within target (5.3) and is lower than last year\'s Q3 figure (5.84)": '
        "lower is better; the text compares with the same quarter last year.",
    ),
    "KI 11 (A)": (
        '"(Proxy Target)"; the target falls each quarter (11%, 9%, 5%): a per-quarter target.',
        'Rent loss from voids, "impacted by low levels of demand": lower is better.',
    ),
    "KI 11 (B)": (
        '"(Proxy Target)"; the target falls each quarter (4.75%, 3.5%, 2.5%).',
        "Rent loss from voids: lower is better (the text explains the misses).",
    ),
    "KI 20": ('"148 out 162 complaints (91.4%)": the count behind Q3\'s 91%.',),
    "KI 21": (
        "Targets 18,000, 9,000, 39,000 are each quarter's own (Q3 holds the pantomime), "
        "not cumulative.",
    ),
    "KI 24": ("Targets 11,000, 15,000, 5,000 are each quarter's own.",),
    "LS10A": (
        '"down against target in the quarter but within the tolerance set": the tolerance '
        "is not printed; 160,823 is 5.40% below 170,000, so it is wider than 5% of target.",
        '"for the period Q1 to Q3 the leisure centres are 5,705 above targets": '
        "180,017 + 174,865 + 160,823 - 3 x 170,000 = 5,705 (the YTD is a sum).",
    ),
    "NI191": (
        '"This is a predicted figure, as not all data received yet": Q3 is provisional.',
        "Residual waste per household: lower is better by the measure (the text does not say).",
    ),
}


# Not printed: the polarity the count-box check in SEED_ERRORS assumes, from the text where
# NOTES quote it (KI 3, KI 7a, KI 7b, KI 10, KI 11) and from the measure's meaning otherwise.
IMPLIED_POLARITY: dict[str, str] = {
    "KI 3": "higher",
    "KI 4": "higher",
    "KI 6": "higher",
    "KI 7a": "lower",
    "KI 7b": "lower",
    "KI 8": "higher",
    "KI 9": "higher",
    "KI 10": "lower",
    "KI 11 (A)": "lower",
    "KI 11 (B)": "lower",
    "KI 20": "higher",
    "KI 21": "higher",
    "KI 24": "higher",
    "LS10A": "higher",
    "NI191": "lower",
}


def _store(text: str) -> tuple[object, str]:
    """Kg values become numbers with a Kg format; everything else as Excel reads it."""
    if text.endswith(" Kg"):
        return unit_value(text)
    return excel_value(text)


def write(path: Path) -> Path:
    """Write the KPI table to ``path`` (.xlsx) and return the path.

    >>> import tempfile, openpyxl
    >>> ws = openpyxl.load_workbook(write(Path(tempfile.mkdtemp()) / "s001.xlsx"))[SHEET]
    >>> ws["B1"].value, ws["B2"].value, ws["B3"].value, ws["B3"].number_format
    ('Q1 2023/24', 'Value', 0.97, '0%')
    """
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    header_row(ws, 1, HEADER_1)
    header_row(ws, 2, HEADER_2)
    for col in (2, 4, 6):
        ws.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + 1)
    for row, entry in enumerate(PRINTED.values(), start=3):
        put(ws, row, 1, entry["cell"])
        for k, quarter in enumerate(QUARTERS):
            for col, text in (
                (2 + 2 * k, entry["values"][quarter]),
                (3 + 2 * k, entry["targets"][quarter]),
            ):
                if text.endswith(" Days"):
                    put(ws, row, col, text)  # typed as text: see the module docstring
                else:
                    put(ws, row, col, *_store(text))
        put(ws, row, 9, entry["update"])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["I"].width = 80
    wb.save(path)
    return path
