"""Seed 002: Dacorum Borough Council, proposed KPIs by committee (February 2024).

The three appendices as the council would keep them in one workbook: one sheet per
committee, the appendix title rows, each sub-heading the appendix prints (People and
Transformation, Corporate and Commercial Services, Neighbourhood Operations, Place) as a
title row above its own table, and the columns ``Service | Measure Name | Target``. The
Service cell is written once per group and merged down over its rows, as the Word table
merges it. Every target is kept exactly as printed (``Q1 – 2.86 Q2 –2.88 …``, ``Profiled
Target``, ``0``, a blank).

The report proposes measures and prints no actuals. The ``Q1 2024/25 | Q2 2024/25`` columns
hold INVENTED figures (``INVENTED`` below, marked as such), plausible for each measure, so
that the workbook looks like the tracker in use: percentages as fractions with ``%``
formats, days as numbers with a "Days" format, money as numbers with a £ format, and a
TBC or two. There is no Polarity column: the appendices have none.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ._cells import excel_value, header_row, money_value, put, put_text, section_row, unit_value

HEADER = ("Service", "Measure Name", "Target", "Q1 2024/25", "Q2 2024/25")
HEADER_WITH_TYPE = ("Service", "Type", "Measure Name", "Target", "Q1 2024/25", "Q2 2024/25")
PERIODS = ("Q1 2024/25", "Q2 2024/25")

# Sheet name (Excel allows 31 characters, so Appendix 3's committee is shortened), the
# appendix title rows as printed, then each table: its sub-heading (None for Appendix 1,
# which has none) and the measures in it.
SHEETS: tuple[tuple[str, tuple[str, str], tuple[tuple[str | None, tuple[str, ...]], ...]], ...] = (
    (
        "Housing & Communities OSC",
        ("Appendix 1:", "Proposed KPIs reported to Housing & Communities OSC"),
        ((None, tuple(f"HC{n:02d}" for n in range(1, 39))),),
    ),
    (
        "Finance & Resources OSC",
        ("Appendix 2:", "Proposed KPIs reported to Finance & Resource OSC"),
        (
            ("People and Transformation", tuple(f"FR{n:02d}" for n in range(1, 11))),
            ("Corporate and Commercial Services", tuple(f"FR{n:02d}" for n in range(11, 22))),
        ),
    ),
    (
        "Strategic Planning & Env OSC",
        ("Appendix 3:", "Proposed KPIs reported to Strategic Planning and Communities OSC"),
        (
            ("Neighbourhood Operations", tuple(f"SP{n:02d}" for n in range(1, 12))),
            ("Place", tuple(f"SP{n:02d}" for n in range(12, 18))),
        ),
    ),
)

# What the appendices print, per measure (keys are the appendix and the row's number in it:
# the report gives no codes). "committee" is the sheet the measure is on.
PRINTED: dict[str, dict] = {
    "HC01": {
        "source": "Average re-let time in days (all re-lets, including time spe",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": (
            "Average re-let time in days (all re-lets, including time spent in works) to 2 "
            "decimal points"
        ),
        "target": "40 Days",
    },
    "HC02": {
        "source": "Percentage of repairs completed at first visit",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Percentage of repairs completed at first visit",
        "target": "86%",
    },
    "HC03": {
        "source": "Percentage of responsive repairs completed within target tim",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Percentage of responsive repairs completed within target timescale",
        "target": "97%",
    },
    "HC04": {
        "source": "Percentage of emergency repairs completed within target time",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Percentage of emergency repairs completed within target timescale",
        "target": "99%",
    },
    "HC05": {
        "source": "Non-decent dwellings at 31st March 2023",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Non-decent dwellings at 31st March 2023",
        "target": "0",
    },
    "HC06": {
        "source": "Satisfaction with Lettings during the period",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Satisfaction with Lettings during the period",
        "target": "65%",
    },
    "HC07": {
        "source": "Percentage of respondents satisfied with the overall repairs",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Percentage of respondents satisfied with the overall repairs service",
        "target": "80%",
    },
    "HC08": {
        "source": "Percentage of respondents satisfied with the overall letting",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Percentage of respondents satisfied with the overall lettings process",
        "target": "65%",
    },
    "HC09": {
        "source": "Number of live damp and mould cases",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": "Number of live damp and mould cases",
        "target": "200",
    },
    "HC10": {
        "source": "Percentage of HRA homes that have had a stock condition surv",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Asset Management",
        "name": (
            "Percentage of HRA homes that have had a stock condition survey within the last five "
            "years."
        ),
        "target": "20/40/60/80/100 increments over the next 5 years",
    },
    "HC11": {
        "source": "Percentage of non-complaint gold contracts",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Commercial Housing Contracts",
        "name": "Percentage of non-complaint gold contracts",
        "target": "0",
    },
    "HC12": {
        "source": "Satisfaction with how we keep the communal areas clean and t",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Housing Operations",
        "name": "Satisfaction with how we keep the communal areas clean and tidy during the period",
        "target": "65%",
    },
    "HC13": {
        "source": "Current arrears as a percentage of annual debit",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Housing Operations",
        "name": "Current arrears as a percentage of annual debit",
        "target": "4%",
    },
    "HC14": {
        "source": "Rent collected as a Percentage of rent owed (excluding curre",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Housing Operations",
        "name": (
            "Rent collected as a Percentage of rent owed (excluding current arrears brought "
            "forward)."
        ),
        "target": "99%",
    },
    "HC15": {
        "source": "Percentage of estate inspections completed that were due to",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Housing Operations",
        "name": (
            "Percentage of estate inspections completed that were due to be completed during the "
            "period"
        ),
        "target": "100%",
    },
    "HC16": {
        "source": "Total number of Households in temporary accommodation",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Housing Operations",
        "name": "Total number of Households in temporary accommodation",
        "target": "Profiled Target",
    },
    "HC17": {
        "source": "Number of affordable housing units completed during the peri",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Investment and Delivery",
        "name": "Number of affordable housing units completed during the period",
        "target": "Q4 23/24 : 23 Q4 24/25: 38",
    },
    "HC18": {
        "source": "Satisfaction with New Build homes received during Quarter",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Investment and Delivery",
        "name": "Satisfaction with New Build homes received during Quarter",
        "target": "95%",
    },
    "HC19": {
        "source": "Percentage of arrears on commercial property rents",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Property Services",
        "name": "Percentage of arrears on commercial property rents",
        "target": "18%",
    },
    "HC20": {
        "source": "Percentage of commercial property occupation",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Property Services",
        "name": "Percentage of commercial property occupation",
        "target": "90%",
    },
    "HC21": {
        "source": "Investment Property Income ytd budget against ytd actual",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Property Services",
        "name": "Investment Property Income ytd budget against ytd actual",
        "target": (
            "Will be approved by Full Council ahead of the next Financial Year as this is the "
            "budget figure."
        ),
    },
    "HC22": {
        "source": "Satisfaction with ASB case handling (closed cases during the",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": "Satisfaction with ASB case handling (closed cases during the period)",
        "target": "65%",
    },
    "HC23": {
        "source": "Percentage of all safeguarding enquiries within DBC that met",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": (
            "Percentage of all safeguarding enquiries within DBC that met the threshold resolved "
            "in time during the period"
        ),
        "target": "100%",
    },
    "HC24": {
        "source": "Percentage of all external Safeguarding requests that met th",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": (
            "Percentage of all external Safeguarding requests that met the threshold resolved in "
            "time during the period"
        ),
        "target": "100%",
    },
    "HC25": {
        "source": "Percentage of ASB reports acknowledged within policy timesca",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": "Percentage of ASB reports acknowledged within policy timescales in the period",
        "target": "100%",
    },
    "HC26": {
        "source": "Number of enforcement notices served in respect of the Housi",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": (
            "Number of enforcement notices served in respect of the Housing Act 2004 of which "
            "lead to successful prosecution"
        ),
        "target": "",
    },
    "HC27": {
        "source": "Percentage of Final Notice of Civil Penalty served of which",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": (
            "Percentage of Final Notice of Civil Penalty served of which civil penalties were "
            "recovered"
        ),
        "target": "100%",
    },
    "HC28": {
        "source": "Number of Empty Homes brought back into use",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Communities",
        "name": "Number of Empty Homes brought back into use",
        "target": "1",
    },
    "HC29": {
        "source": "Percentage of all High risk FRA actions outstanding",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": "Percentage of all High risk FRA actions outstanding",
        "target": "0%",
    },
    "HC30": {
        "source": "Percentage of homes with a valid gas safety certificate",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": "Percentage of homes with a valid gas safety certificate",
        "target": "100%",
    },
    "HC31": {
        "source": "Percentage of domestic properties with a satisfactory Electr",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Percentage of domestic properties with a satisfactory Electrical Installation "
            "Condition Report (EICR) up to five years old"
        ),
        "target": "100%",
    },
    "HC32": {
        "source": "Percentage of non-domestic properties with a satisfactory El",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Percentage of non-domestic properties with a satisfactory Electrical Installation "
            "Condition Report (EICR) up to five years old"
        ),
        "target": "100%",
    },
    "HC33": {
        "source": "Proportion of homes for which all required fire risk assessm",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Proportion of homes for which all required fire risk assessments have been carried out"
        ),
        "target": "100%",
    },
    "HC34": {
        "source": "Proportion of homes for which all required asbestos manageme",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Proportion of homes for which all required asbestos management surveys or "
            "re-inspections have been carried out"
        ),
        "target": "100%",
    },
    "HC35": {
        "source": "Proportion of homes for which all required legionella risk a",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Proportion of homes for which all required legionella risk assessments have been "
            "carried out"
        ),
        "target": "100%",
    },
    "HC36": {
        "source": "Proportion of homes for which all required communal passenge",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Safe Homes",
        "name": (
            "Proportion of homes for which all required communal passenger lift safety checks "
            "have been carried out"
        ),
        "target": "100%",
    },
    "HC37": {
        "source": "Percentage of respondents satisfied with complaint handling",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Strategy, Quality and Assurance",
        "name": "Percentage of respondents satisfied with complaint handling",
        "target": "67%",
    },
    "HC38": {
        "source": "Percentage of Stage 1 and Stage 2 complaints resolved within",
        "committee": "Housing & Communities OSC",
        "section": None,
        "service": "Strategy, Quality and Assurance",
        "name": "Percentage of Stage 1 and Stage 2 complaints resolved within timescale in month",
        "target": "100%",
    },
    "FR01": {
        "source": "Staff satisfaction with Internal comms",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Communication",
        "name": "Staff satisfaction with Internal comms",
        "target": "55%",
    },
    "FR02": {
        "source": "Percentage of priority 1 & priority 2 incidents resolved in",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Digital",
        "name": "Percentage of priority 1 & priority 2 incidents resolved in less than 2 days",
        "target": "90%",
    },
    "FR03": {
        "source": "Average days lost due to sickness absence per FTE - profiled",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "People",
        "name": "Average days lost due to sickness absence per FTE - profiled target",
        "target": "Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2",
    },
    "FR04": {
        "source": "Turnover of staff",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "People",
        "name": "Turnover of staff",
        "target": "15%",
    },
    "FR05": {
        "source": "Average time to employ staff following vacancy.",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "People",
        "name": "Average time to employ staff following vacancy.",
        "target": "120 Days",
    },
    "FR06": {
        "source": "Percentage of calls answered within 420 seconds in the perio",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Transformation",
        "name": "Percentage of calls answered within 420 seconds in the period",
        "target": "85%",
    },
    "FR07": {
        "source": "Percentage of stage 1 complaints escalated to stage 2 within",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Transformation",
        "name": "Percentage of stage 1 complaints escalated to stage 2 within the period",
        "target": "10%",
    },
    "FR08": {
        "source": "Percentage of stage 1 complaints due and resolved within pol",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Transformation",
        "name": (
            "Percentage of stage 1 complaints due and resolved within policy standards during the "
            "period"
        ),
        "target": "100%",
    },
    "FR09": {
        "source": "Percentage of stage 2 complaints due and resolved within pol",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Transformation",
        "name": (
            "Percentage of stage 2 complaints due and resolved within policy standards during the "
            "period"
        ),
        "target": "100%",
    },
    "FR10": {
        "source": "Percentage change in council's own carbon emissions (Scope 1",
        "committee": "Finance & Resources OSC",
        "section": "People and Transformation",
        "service": "Transformation",
        "name": "Percentage change in council's own carbon emissions (Scope 1 and 2)",
        "target": "12.50% (annually)",
    },
    "FR11": {
        "source": "Percentage of creditor trade invoices paid within 30 days du",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "Percentage of creditor trade invoices paid within 30 days during the period",
        "target": "96%",
    },
    "FR12": {
        "source": "General Fund Budget Variance against the forecast for the pe",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "General Fund Budget Variance against the forecast for the period",
        "target": "0",
    },
    "FR13": {
        "source": "Housing Revenue Account Budget Variance against the forecast",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "Housing Revenue Account Budget Variance against the forecast for the period",
        "target": "0",
    },
    "FR14": {
        "source": "Capital variance against the forecast for the period",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "Capital variance against the forecast for the period",
        "target": "0",
    },
    "FR15": {
        "source": "Investment income: outturn forecast against the budget for t",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "Investment income: outturn forecast against the budget for the period",
        "target": "Will be approved by Full Council ahead of the next Financial Year",
    },
    "FR16": {
        "source": "Time taken for debtors to pay in a Quarter",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": "Time taken for debtors to pay in a Quarter",
        "target": "55",
    },
    "FR17": {
        "source": "Percentage of internal audit recommendations implemented in",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Financial Services",
        "name": (
            "Percentage of internal audit recommendations implemented in line with the due date"
        ),
        "target": "100%",
    },
    "FR18": {
        "source": "Average days taken to respond to a benefits-related contact",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Revenues and Benefits",
        "name": "Average days taken to respond to a benefits-related contact from a resident",
        "target": "14 Days",
    },
    "FR19": {
        "source": "Average days taken to respond to council tax related contact",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Revenues and Benefits",
        "name": "Average days taken to respond to council tax related contact from resident",
        "target": "16 Days",
    },
    "FR20": {
        "source": "Percentage of Data Protection Act requests resolved within 3",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Legal and Democratic Services",
        "name": "Percentage of Data Protection Act requests resolved within 31 days in the Quarter",
        "target": "100%",
    },
    "FR21": {
        "source": "Percentage of FOI requests satisfied in 20 days in the Quart",
        "committee": "Finance & Resources OSC",
        "section": "Corporate and Commercial Services",
        "service": "Legal and Democratic Services",
        "name": "Percentage of FOI requests satisfied in 20 days in the Quarter",
        "target": "90%",
    },
    "SP01": {
        "source": "Reports of all missed bins per 100,000 collected",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Environmental Services",
        "name": "Reports of all missed bins per 100,000 collected",
        "target": "125",
    },
    "SP02": {
        "source": "Recycling rate of the waste collected during the quarter",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Environmental Services",
        "name": "Recycling rate of the waste collected during the quarter",
        "target": "52%",
    },
    "SP03": {
        "source": "Amount in Kilogram per household of residual waste collected",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Environmental Services",
        "name": "Amount in Kilogram per household of residual waste collected during the period",
        "target": "400",
    },
    "SP04": {
        "source": "Percentage of fly tips collected within the set timescale of",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Neighbourhood Management",
        "name": (
            "Percentage of fly tips collected within the set timescale of 7 days during the period"
        ),
        "target": "95%",
    },
    "SP05": {
        "source": "Percentage of Graffiti removed within 7 days",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Neighbourhood Management",
        "name": "Percentage of Graffiti removed within 7 days",
        "target": "95%",
    },
    "SP06": {
        "source": "Percentage of Garages of total stock rented",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Neighbourhood Management",
        "name": "Percentage of Garages of total stock rented",
        "target": "77.5%",
    },
    "SP07": {
        "source": "Percentage of Parking income achieved against forecast for t",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Neighbourhood Management",
        "name": "Percentage of Parking income achieved against forecast for the period",
        "target": "100%",
    },
    "SP08": {
        "source": "Percentage of high risk (A-D) food inspections/interventions",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Regulatory Services",
        "name": (
            "Percentage of high risk (A-D) food inspections/interventions achieved during the "
            "period"
        ),
        "target": "95%",
    },
    "SP09": {
        "source": "Percentage of Environmental Health requests responded to wit",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Regulatory Services",
        "name": (
            "Percentage of Environmental Health requests responded to within 3 working days "
            "during the period"
        ),
        "target": "90%",
    },
    "SP10": {
        "source": "Percentage of noise nuisance cases closed within 60 days in",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Regulatory Services",
        "name": "Percentage of noise nuisance cases closed within 60 days in the period",
        "target": "90%",
    },
    "SP11": {
        "source": "Percentage of fly-tips reported assessed by an enforcement o",
        "committee": "Strategic Planning & Env OSC",
        "section": "Neighbourhood Operations",
        "service": "Regulatory Services",
        "name": (
            "Percentage of fly-tips reported assessed by an enforcement officer within 3 working "
            "days"
        ),
        "target": "90%",
    },
    "SP12": {
        "source": "Occupancy rate at the Maylands and Kylna Business Centres",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Place, Communities and Enterprise",
        "name": "Occupancy rate at the Maylands and Kylna Business Centres",
        "target": "90%",
    },
    "SP13": {
        "source": "Number of Business Engagements",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Place, Communities and Enterprise",
        "name": "Number of Business Engagements",
        "target": "120",
    },
    "SP14": {
        "source": "Number of young people attending Adventure Playgrounds",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Place, Communities and Enterprise",
        "name": "Number of young people attending Adventure Playgrounds",
        "target": "Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828",
    },
    "SP15": {
        "source": "Old Town Hall Customer Satisfaction",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Place, Communities and Enterprise",
        "name": "Old Town Hall Customer Satisfaction",
        "target": "90%",
    },
    "SP16": {
        "source": "Percentage of all planning enforcement priority site visits",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Planning",
        "name": (
            "Percentage of all planning enforcement priority site visits completed within target"
        ),
        "target": "100%",
    },
    "SP17": {
        "source": "Percentage of all planning applications determined within ta",
        "committee": "Strategic Planning & Env OSC",
        "section": "Place",
        "service": "Planning",
        "name": "Percentage of all planning applications determined within target",
        "target": "70%",
    },
}

# INVENTED actuals, not in the report: (Q1 2024/25, Q2 2024/25) as an officer would type
# them. None are printed anywhere; they only make the workbook look like a tracker in use.
# HC Q1 figures are the same numbers seed 003's summary uses for that quarter.
INVENTED: dict[str, tuple[str, str]] = {
    "HC01": ("41.62 Days", "39.87 Days"),
    "HC02": ("83.1%", "85.4%"),
    "HC03": ("93.4%", "94.8%"),
    "HC04": ("97.2%", "98.9%"),
    "HC05": ("0", "0"),
    "HC06": ("71%", "68%"),
    "HC07": ("77%", "79%"),
    "HC08": ("68%", "70%"),
    "HC09": ("214", "187"),
    "HC10": ("21.4%", "27.9%"),
    "HC11": ("0%", "0%"),
    "HC12": ("TBC", "62%"),
    "HC13": ("4.15%", "3.98%"),
    "HC14": ("97.90%", "98.64%"),
    "HC15": ("78%", "84%"),
    "HC16": ("142", "151"),
    "HC17": ("4", "9"),
    "HC18": ("91%", "96%"),
    "HC19": ("16.2%", "17.5%"),
    "HC20": ("92.3%", "91.8%"),
    "HC21": ("£1,184,233.00", "£2,402,915.00"),
    "HC22": ("48%", "57%"),
    "HC23": ("100%", "100%"),
    "HC24": ("100%", "96%"),
    "HC25": ("100%", "98%"),
    "HC26": ("2", "1"),
    "HC27": ("100%", "TBC"),
    "HC28": ("0", "2"),
    "HC29": ("0%", "0%"),
    "HC30": ("100%", "99.7%"),
    "HC31": ("100%", "99.9%"),
    "HC32": ("100%", "100%"),
    "HC33": ("100%", "100%"),
    "HC34": ("100%", "100%"),
    "HC35": ("100%", "100%"),
    "HC36": ("100%", "100%"),
    "HC37": ("33%", "41%"),
    "HC38": ("95.4%", "96.8%"),
    "FR01": ("TBC", "61%"),
    "FR02": ("92.5%", "88.9%"),
    "FR03": ("2.91", "2.74"),
    "FR04": ("3.8%", "4.2%"),
    "FR05": ("97 Days", "112 Days"),
    "FR06": ("81.3%", "86.0%"),
    "FR07": ("10.75%", "8.9%"),
    "FR08": ("87%", "91%"),
    "FR09": ("76%", "83%"),
    "FR10": ("TBC", "TBC"),
    "FR11": ("97.1%", "95.6%"),
    "FR12": ("-£125,400.00", "£48,250.00"),
    "FR13": ("£0.00", "-£12,900.00"),
    "FR14": ("-£1,250,000.00", "-£980,500.00"),
    "FR15": ("£312,480.00", "£640,112.00"),
    "FR16": ("61", "52"),
    "FR17": ("88%", "92%"),
    "FR18": ("11.6 Days", "13.2 Days"),
    "FR19": ("18.4 Days", "15.1 Days"),
    "FR20": ("94%", "100%"),
    "FR21": ("91.7%", "86.2%"),
    "SP01": ("118", "131"),
    "SP02": ("53.6%", "51.2%"),
    "SP03": ("104.2", "101.7"),
    "SP04": ("96.8%", "93.1%"),
    "SP05": ("100%", "97.5%"),
    "SP06": ("76.9%", "77.8%"),
    "SP07": ("94.2%", "101.3%"),
    "SP08": ("97%", "94%"),
    "SP09": ("88.5%", "91.2%"),
    "SP10": ("84%", "89%"),
    "SP11": ("92.6%", "90.4%"),
    "SP12": ("93.5%", "94.1%"),
    "SP13": ("34", "29"),
    "SP14": ("4,612", "5,390"),
    "SP15": ("94%", "92%"),
    "SP16": ("100%", "96%"),
    "SP17": ("82%", "79%"),
}

COUNTS: dict[str, dict] = {}  # the report prints no counts of statuses

# A proposal: no reporting period, no tolerance. It says KPIs go to SLT monthly and to the
# committees quarterly (§1.1, §11.1), which is no setting of kpixl's.
COUNCIL_WIDE = ""

SEED_ERRORS: tuple[dict, ...] = (
    {
        "where": "Appendix 3 title",
        "printed": "Proposed KPIs reported to Strategic Planning and Communities OSC",
        "check": "the report is for the Strategic Planning & Environment Overview and "
        "Scrutiny Committee, and the appendix list names it so",
        "source": "Proposed KPIs reported to Strategic Planning and Communities OSC",
    },
    {
        "where": "Appendix 2 title",
        "printed": "Proposed KPIs reported to Finance & Resource OSC",
        "check": "the committee is Finance & Resources elsewhere in the report",
        "source": "Proposed KPIs reported to Finance & Resource OSC",
    },
    {
        "where": "HC11",
        "printed": "Percentage of non-complaint gold contracts",
        "check": "'non-complaint' reads as 'non-compliant' (target 0)",
        "source": "Percentage of non-complaint gold contracts",
    },
    {
        "where": "HC05",
        "printed": "Non-decent dwellings at 31st March 2023",
        "check": "a date before the proposed framework starts (February 2024 report, "
        "2024/25 measures)",
        "source": "Non-decent dwellings at 31st March 2023",
    },
)

NOTES: dict[str, tuple[str, ...]] = {
    "workbook": (
        "§1.4.1: the framework has 'Service Performance Indicator's' (SPIs), 'KPIs' and "
        "'Trackers'; every row in the appendices is proposed as a KPI.",
        "§1.1: KPIs are reported monthly to the Strategic Leadership Team; §11.1: quarterly "
        "to the committees.",
        "HC26's target is blank in the appendix (the line after it is empty in the text: a "
        "row break of the Word table, not a new group).",
        "Appendix 3's sheet is named 'Strategic Planning & Env OSC': Excel sheet names stop "
        "at 31 characters.",
    ),
    "HC01": ('"to 2 decimal points": the actuals carry two decimals (0.00 "Days").',),
    "HC05": ('"at 31st March": a snapshot at year end, target 0.',),
    "HC09": ("Target 200 cases: a count where fewer is better by the measure.",),
    "HC10": (
        '"20/40/60/80/100 increments over the next 5 years": a multi-year target, 20% by '
        "the end of 2024/25.",
    ),
    "HC11": ("Target 0 for a percentage of non-compliant contracts: lower is better.",),
    "HC16": ('"Profiled Target" with no profile printed.',),
    "HC17": ('"Q4 23/24 : 23 Q4 24/25: 38": a target at each year\'s Q4 only.',),
    "HC21": ('Target: "Will be approved by Full Council … as this is the budget figure".',),
    "HC26": ("Target blank as printed.",),
    "HC29": ("Target 0% of high-risk actions outstanding: lower is better.",),
    "FR03": (
        '"profiled target": Q1 – 2.86, Q2 – 2.88, Q3 – 2.89, Q4 – 3.2, each quarter\'s own '
        "(a cumulative profile would grow by about 2.9 a quarter).",
    ),
    "FR07": ("Target 10% of complaints escalated: lower is better.",),
    "FR10": ('"12.50% (annually)"; §9.1: "reported on an annual basis".',),
    "FR12": ("Target 0 for a variance: neither higher nor lower is better.",),
    "FR13": ("Target 0 for a variance: neither higher nor lower is better.",),
    "FR14": ("Target 0 for a variance: neither higher nor lower is better.",),
    "FR15": ('Target: "Will be approved by Full Council ahead of the next Financial Year".',),
    "FR16": ("Target 55 with no unit (days to pay, by the measure): lower is better.",),
    "SP01": ("Target 125 missed bins per 100,000: lower is better.",),
    "SP03": ("Target 400 (kg per household, annual by its size): lower is better.",),
    "SP14": ('"Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828": a target per quarter.',),
}


def _store(text: str) -> tuple[object, str]:
    """An invented actual as Excel keeps it: money and days as formatted numbers."""
    if "£" in text:
        return money_value(text)
    if text.endswith(" Days"):
        return unit_value(text)
    return excel_value(text)


def _write_sheet(ws: Worksheet, titles: tuple[str, str], tables, with_type: bool) -> None:
    header = HEADER_WITH_TYPE if with_type else HEADER
    shift = 1 if with_type else 0
    row = 0
    for text in titles:
        row += 1
        section_row(ws, row, text)
    for heading, keys in tables:
        row += 1  # a blank row between tables, as the appendix spaces them
        if heading:
            row += 1
            section_row(ws, row, heading)
        row += 1
        header_row(ws, row, header)
        first = row + 1
        for key in keys:
            row += 1
            entry = PRINTED[key]
            if row == first or entry["service"] != PRINTED[keys[row - first - 1]]["service"]:
                put(ws, row, 1, entry["service"])
            if with_type:
                put(ws, row, 2, "KPI")
            put(ws, row, 2 + shift, entry["name"])
            put_text(ws, row, 3 + shift, entry["target"])
            for col, text in enumerate(INVENTED[key], start=4 + shift):
                put(ws, row, col, *_store(text))
        _merge_services(ws, first, row)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B" if not with_type else "C"].width = 70


def _merge_services(ws: Worksheet, first: int, last: int) -> None:
    """Merge each Service cell down over the rows of its group (the blank cells below it)."""
    start = first
    for row in range(first + 1, last + 2):
        if row > last or ws.cell(row=row, column=1).value is not None:
            if row - 1 > start:
                ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
            start = row


def _write(path: Path, with_type: bool) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, titles, tables in SHEETS:
        _write_sheet(wb.create_sheet(name), titles, tables, with_type)
    wb.save(path)
    return path


def write(path: Path) -> Path:
    """Write the three appendices, one sheet per committee, to ``path`` (.xlsx).

    >>> import tempfile, openpyxl
    >>> wb = openpyxl.load_workbook(write(Path(tempfile.mkdtemp()) / "s002.xlsx"))
    >>> ws = wb["Housing & Communities OSC"]
    >>> ws["A4"].value, ws["C5"].value, ws["D5"].value, ws["D5"].number_format
    ('Service', '40 Days', 41.62, '0.00 "Days"')
    """
    return _write(path, with_type=False)


def write_with_type(path: Path) -> Path:
    """The same workbook with a ``Type`` column after Service holding KPI on every row.

    In this layout a data row ("People | KPI | Average days lost due to sickness absence per
    FTE - profiled target | Q1 – 2.86 …") reads like a header to a naive reader.

    >>> import tempfile, openpyxl
    >>> wb = openpyxl.load_workbook(write_with_type(Path(tempfile.mkdtemp()) / "t.xlsx"))
    >>> [c.value for c in wb["Housing & Communities OSC"][5]][:2]
    ['Asset Management', 'KPI']
    """
    return _write(path, with_type=True)
