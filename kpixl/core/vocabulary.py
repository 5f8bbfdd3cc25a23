"""Every word list kpixl reads councils' text with, defined once (rules.md sections 1-8).

Words are kept lower case and with single spaces: callers compare a normalised form
(:func:`words`). Nothing here computes; the modules that read values, polarities, targets,
periods, headings and statuses take their lists from here, so a new spelling is added in one
place.

>>> words("  Higher   IS better ") in POLARITY_WORDS["higher"]
True
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2009": " "})


def words(text: str) -> str:
    """Text as the lists below hold it: lower case, one space, plain hyphens.

    >>> words("N/A –  Tracking")
    'n/a - tracking'
    """
    return _SPACES.sub(" ", text.translate(_DASHES)).strip().lower()


# --- values (rules.md sections 1 and 8) ----------------------------------------------------

# Text that means "no figure this period", matched whole.
MISSING_MARKERS = frozenset(
    {
        "tbc",
        "tbd",
        "n/a",
        "na",
        "n.a.",
        "-",
        "no data",
        "not available",
        "awaiting data",
        "awaiting",
        "pending",
        "not reported",
        "nil return",
        "[x]",  # the housing regulator's data: left blank by the landlord
        "[c]",
        "[z]",  # not required
        "[s]",  # removed: fewer than 50 surveys by that method
        "[e]",  # excluded by the regulator
        "[u]",  # a percentage of a zero denominator
        "inf",  # an R export's division by zero
        "-inf",
        "nan",
        "..",
        "*",
    }
)
# Longer phrases councils write in a value cell instead of a figure; matched as prefixes.
MISSING_PREFIXES = (
    "n/a ",
    "n/a(",
    "na ",
    "new kpi",
    "new for",
    "new as corporate",
    "new measure",
    "new indicator",
    "reporting one month in arrears",
    "reported one month in arrears",
    "not reported",
    "reported quarterly",
    "(reported quarterly)",
    "reported annually",
    "(reported annually)",
    "termly reported",
    "not yet reported",
    "not yet available",
    "data not available",
    "data not yet available",
    "to be confirmed",
    "to be determined",
    "awaiting ",
    "figure pending",
    "data pending",
)
# Markers that say WHY a figure is missing, with what follows from each (frequency, arrears).
QUARTERLY_MARKERS = ("reported quarterly", "(reported quarterly)", "quarterly")
TERMLY_MARKERS = ("termly reported", "reported termly", "termly")
ANNUAL_MARKERS = ("reported annually", "(reported annually)", "annual kpi", "annual measure")
ARREARS_MARKERS = ("reporting one month in arrears", "reported one month in arrears")

EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#VALUE!",
        "#DIV/0!",
        "#NUM!",
        "#REF!",
        "#NAME?",
        "#NULL!",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)
# Units written after a number ("15 Days", "107 Kg"): kept for display, ignored for the value.
UNIT_WORDS = {
    "day": "days",
    "days": "days",
    "working day": "days",
    "working days": "days",
    "wd": "days",
    "week": "weeks",
    "weeks": "weeks",
    "hour": "hours",
    "hours": "hours",
    "hrs": "hours",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "second": "seconds",
    "seconds": "seconds",
    "secs": "seconds",
    "kg": "kg",
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "tonnes": "tonnes",
    "people": "count",
    "households": "count",
    "cases": "count",
    "visits": "count",
    "pupils": "count",
    "children": "count",
    "properties": "count",
    "homes": "count",
    "per cent": "%",
    "percent": "%",
    "pts": "points",
    "points": "points",
}
# The Unit column's words, to kpixl's units.
UNIT_COLUMN_WORDS = {
    "%": "%",
    "percent": "%",
    "percentage": "%",
    "per cent": "%",
    "pct": "%",
    "days": "days",
    "day": "days",
    "working days": "days",
    "£": "£",
    "gbp": "£",
    "pounds": "£",
    "£k": "£",
    "count": "count",
    "number": "count",
    "no.": "count",
    "no": "count",
    "num": "count",
    "#": "count",
    "rate": "rate",
    "kg": "kg",
    "kgs": "kg",
    "score": "score",
    "weeks": "weeks",
    "hours": "hours",
    "minutes": "minutes",
    "ratio": "rate",
}

# --- polarity (rules.md section 2) ---------------------------------------------------------

POLARITY_WORDS: dict[str, tuple[str, ...]] = {
    "higher": (
        "higher",
        "higher is better",
        "high",
        "h",
        "up",
        "+",
        "higher better",
        "high is good",
        "high is better",
        "higher is good",
        "bigger is better",
        "more is better",
        "increase",
        "increase is good",
        "increasing is good",
        "up is good",
        "maximise",
        "maximize",
        "aim to maximise",
        "aim to maximize",
        "descending",  # a ranking aim: the highest value ranks first (LGBF Ranking_Type)
        "over",  # NHS planning: over the goal is good
        "above",
        "greater is better",
    ),
    "lower": (
        "lower",
        "lower is better",
        "low",
        "l",
        "down",
        "-",
        "lower better",
        "low is good",
        "low is better",
        "lower is good",
        "smaller is better",
        "less is better",
        "decrease",
        "decrease is good",
        "decreasing is good",
        "down is good",
        "minimise",
        "minimize",
        "aim to minimise",
        "aim to minimize",
        "ascending",  # the lowest value ranks first
        "under",  # NHS planning: under the goal is good
        "below",
    ),
    "none": (
        "none",
        "no polarity",
        "n/a",
        "na",
        "n/a - tracking",
        "n/a - tracking only",
        "neutral",
        "neither",
        "tracking",
        "tracking only",
        "tracking indicator",
        "data only",
        "no polarity - tracking",
        "not applicable",
        "contextual",
        "context",
    ),
    "in_range": (
        "in range",
        "within range",
        "range",
        "two-sided",
        "two sided",
        "goldilocks",
        "goal post",
        "goalpost",
        "on target is best",
        "close to target",
    ),
}
# Words in an indicator's name that point to lower is better. A row without a polarity whose
# name holds one is not coloured on the default (higher is better): it is reported instead.
LOWER_IS_BETTER_HINTS = (
    "arrears",
    "rent lost",
    "rent loss",
    "lost through",
    "lost due to",
    "void",
    "days taken",
    "time taken",
    "average time",
    "average days",
    "re-let time",
    "relet time",
    "to relet",
    "to re-let",
    "turnaround time",
    "waiting time",
    "waiting more than",
    "waiting list",
    "time to employ",
    "days lost",
    "shifts lost",
    "working days lost",
    "sickness",
    "absence",
    "absent",
    "missed",
    "outstanding",
    "overdue",
    "backlog",
    "escalated",
    "rough sleep",
    "temporary accommodation",
    "bed and breakfast",
    "b&b",
    "damp and mould",
    "damp & mould",
    "residual waste",
    "residual household waste",
    "landfill",
    "complaints received",
    "number of complaints",
    "turnover of staff",
    "staff turnover",
    "non-decent",
    "non decent",
    "non-compliant",
    "non-complaint",  # sic, as 002 writes it
    "not compliant",
    "emissions",
    "fly tips reported",
    "fly-tips reported",
    "number of fly tips",
    "re-referral",
    "rereferral",
    "repeat referral",
    "three or more placements",
    "more than one placement",
    "persistently absent",
    "without a school place",
    "missing from education",
    "smokers",
    "delayed transfer",
    "vacant",
    "vacancy rate",
    "exceeding 100 days",
    "exceeding",
    "cost per",
    "net cost",
    "gross cost",
    "accidents",
    "killed or seriously injured",
    "fatalities",
    "injuries",
    "deaths",
    "mortality",
    "re-offending",
    "reoffending",
    "anti-social behaviour incidents",
    "crime",
    "noise complaints",
    "defects",
    "awaiting completion",
    "awaiting",
    "placements out of",
    "out of area",
    "days to pay",
    "debtors to pay",
)
# Words in a name that say a miss either way counts (a budget variance around 0): a row
# without a polarity is not rated on the default; it is reported, asking for In range.
IN_RANGE_HINTS = ("variance", "variation from", "deviation from")

# Phrases that hold a hint word in another sense ("good or outstanding" is an Ofsted grade,
# not what is left to do): taken out before the lists above and below are matched.
NEUTRAL_PHRASES = ("good or outstanding", "outstanding by ofsted", "rated outstanding")

# Names that hold a hint above but are about the good outcome ("satisfaction with how we
# handle damp and mould"): checked first.
HIGHER_DESPITE_HINTS = (
    "satisfied",
    "satisfaction",
    "prevented",
    "prevention",
    "relieved",
)

# --- tolerances (rules.md section 3) -------------------------------------------------------

TOLERANCE_DEFAULT_WORDS = frozenset(
    {"", "n/a", "na", "tbc", "tbd", "-", "default", "standard", "corporate", "corporate standard"}
)
TOLERANCE_NONE_WORDS = frozenset(
    {
        "no tolerance",
        "no variation",
        "none",
        "nil",
        "zero",
        "0",
        "0%",
        "0.0",
        "no amber",
        "no tolerance set",
    }
)

# --- targets (rules.md sections 1 and 7) ---------------------------------------------------

TARGET_REVIEW_WORDS = (
    "tbc",
    "tbd",
    "to be confirmed",
    "to be determined",
    "to be agreed",
    "to be set",
    "under review",
    "target under review",
    "profiled target",
    "will be approved",
    "will be set",
    "awaiting",
    "not set",
    "pending",
    "no rag",
)
TARGET_TRACKING_WORDS = (
    "no target",
    "tracking",
    "tracker",
    "operational tracker",
    "data only",
    "monitoring",
    "n/a",
    "na",
    "none",
    "not applicable",
    "trend only",
    "contextual",
    "benchmark only",
)
TARGET_TRACKING_PREFIXES = ("no target", "n/a", "tracking", "tracker", "operational tracker")

# --- measures: cumulative, snapshot (rules.md sections 6 and 7) --------------------------

# In a name or a target: the figure accumulates over the year (YTD is the latest figure, the
# target is the target to date).
CUMULATIVE_WORDS = (
    "cumulative",
    "(ytd)",
    "year to date",
    "year-to-date",
    "ytd",
    "in the year",
    "in year",
    "so far this year",
)
# In commentary, only a statement about the measure counts ("Cumulative figure pending" does
# not say the measure is cumulative).
CUMULATIVE_COMMENT_WORDS = (
    "is a cumulative",
    "cumulative average",
    "cumulative measure",
    "cumulative figure for the year",
    "this is cumulative",
)
# A count of what stands at a moment: never summed into a year to date.
SNAPSHOT_WORDS = (
    "as at",
    "at the end of",
    "at end of",
    "end of period",
    "end of the period",
    "at month end",
    "month end",
    "at year end",
    "snapshot",
    "single night",
    "current number",
    "currently",
    "outstanding",
    "on the register",
    "on the housing register",
    "active households",
    "living in",
    "in temporary accommodation",
    "awaiting",
    "open cases",
    "live cases",
    "number of live",
    "total number of open",
    "stock",
    "caseload",
    "open deprivation",
    "children with a child protection plan",
    "children in care",
    "looked after children",
    "children looked after",
    "placements out of",
    "home educated",
    "without a school place",
    "missing from education",
)

# In commentary: a statement that the figure stands at a moment.
SNAPSHOT_COMMENT_WORDS = ("a snapshot", "snapshot of", "snapshot at", "as at ")

# --- year-to-date methods (rules.md section 6) ---------------------------------------------

METHOD_ALIASES = {
    "": "sum",
    "total": "sum",
    "sum": "sum",
    "add": "sum",
    "additive": "sum",
    "ratio": "ratio",
    "x out of y": "ratio",
    "rate": "ratio",
    "mean": "mean",
    "average": "mean",
    "avg": "mean",
    "weighted": "weighted",
    "weighted mean": "weighted",
    "weighted average": "weighted",
    "last": "last",
    "latest": "last",
    "cumulative": "last",  # an already-cumulative figure: the latest is the year so far
    "cumulative total": "last",
    "max": "max",
    "maximum": "max",
    "highest": "max",
    "peak": "max",
    "min": "min",
    "minimum": "min",
    "lowest": "min",
    "snapshot": "none",
    "none": "none",
    "n/a": "none",
}

# --- statuses (rules.md section 1) and what a tracker states -----------------------------

STATUS_WORDS = {
    "green": "Green",
    "g": "Green",
    "on target": "Green",
    "met": "Green",
    "achieved": "Green",
    "on track": "Green",
    "amber": "Amber",
    "a": "Amber",
    "within tolerance": "Amber",
    "red": "Red",
    "r": "Red",
    "off target": "Red",
    "not met": "Red",
    "missed": "Red",
    "no data": "No data",
    "nd": "No data",
    "missing": "No data",
    "data missing": "No data",
    "under review": "Under review",
    "ur": "Under review",
    "no rag": "Under review",
    "target under review": "Under review",
    "tracking": "Tracking",
    "t": "Tracking",
    "tracking indicator": "Tracking",
    "info": "Tracking",  # Hart's dashboard: an information-only tile
    "info only": "Tracking",
    "information only": "Tracking",
    "information": "Tracking",
    "data only": "Tracking",
    "not yet due": "Not yet due",
    "not due": "Not yet due",
    "nyd": "Not yet due",
    "not started (annual kpis)": "Not yet due",
    "annual": "Not yet due",
}

# --- frequency -----------------------------------------------------------------------------

FREQUENCY_WORDS = {
    "monthly": "month",
    "month": "month",
    "m": "month",
    "quarterly": "quarter",
    "quarter": "quarter",
    "q": "quarter",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "year": "year",
    "termly": "term",
    "term": "term",
    "weekly": "week",
}

# --- periods (headings) --------------------------------------------------------------------

MONTH_WORDS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
# School terms, by the calendar months they cover (first month, last month).
TERM_MONTHS = {"autumn": (9, 12), "spring": (1, 3), "summer": (4, 7)}
RELATIVE_PERIOD_WORDS = {"previous": -1, "last period": -1, "prior": -1, "current": 0, "latest": 0}

# --- headings: a column's heading as councils write it, to kpixl's field ---------------------

HEADING_WORDS: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref no",
        "ref",
        "ref number",
        "reference",
        "indicator no",
        "indicator number",
        "indicator ref",
        "indicator code",
        "pi ref",
        "pi no",
        "pi number",
        "kpi ref",
        "kpi no",
        "kpi number",
        "kpi id",
        "kpi code",
        "pi code",
        "kpi reference",
        "measure ref",
        "measure id",
        "measure code",
        "planning ref",
        "code",
        "id",
    ),
    "name": (
        "kpi description",
        "description of performance indicator",
        "description of indicator",
        "indicator description",
        "measure name",
        "measure description",
        "indicator",
        "indicator name",
        "indicator title",
        "key performance indicator",
        "key performance indicators",
        "performance indicator",
        "performance measure",
        "measure",
        "kpi",
        "kpi name",
        "kpi title",
        "description",
        "title",
        "metric",
        "metric name",
    ),
    "polarity": (
        "polarity",
        "higher or lower is better",
        "good performance is",
        "directionality",
        "ranking type",
        "direction of improvement",
        "good is",
        "aim",
        "better if",
    ),
    "target": (
        "target",
        "annual target",
        "year end target",
        "yearly target",
        "target for the year",
        "full year target",
        "goal",
        "plan",
        "target value",
    ),
    "tolerance": ("tolerance", "amber tolerance", "tolerance threshold", "tolerances"),
    "benchmark": ("benchmark", "comparator", "benchmark data"),
    "stated_status": (
        "status",
        "rag",
        "rag status",
        "rag rating",
        "rating",
        "performance status",
        "current status",
    ),
    "stated_direction": ("direction of travel", "dot", "travel", "direction", "trend"),
    "comments": (
        "comments",
        "comment",
        "commentary",
        "update",
        "updates",
        "narrative",
        "notes",
        "officer commentary",
        "performance commentary",
        "progress update",
    ),
    "directorate": ("directorate",),
    "service": ("service", "service area", "team"),
    "committee": ("committee", "scrutiny committee", "reporting committee"),
    "owner": ("owner", "kpi owner", "responsible officer", "lead officer", "accountable officer"),
    "method": ("ytd method", "method", "aggregation", "ytd calculation", "year to date method"),
    "unit": ("unit", "units", "unit of measure", "measure type", "number format", "numberformat"),
    "frequency": ("frequency", "reporting frequency"),
    # long tables: one row per indicator (and organisation) per period
    "period": (
        "period",
        "month",
        "year",
        "date",
        "dimension name",  # NHS England's planning extracts: "Nov-24"
        "reporting period",
        "quarter",
        "time period",
        "financial year",
    ),
    "actual": (
        "actual",
        "actuals",
        "value",
        "latest position",
        "current actuals",
        "outturn",
        "result",
        "performance",
        "figure",
    ),
    "organisation": (
        "org code",
        "organisation",
        "organisation code",
        "organisation name",
        "org",
        "org name",
        "local authority",
        "localauthority",  # the LGBF export's LocalAuthority
        "la name",
        "council",
        "council name",
        "landlord",
        "landlord name",  # the housing regulator's TSM data
        "landlord code",
        "provider",
        "provider name",
        "trust",
        "trust name",
    ),
    "numerator": ("numerator",),
    "denominator": ("denominator",),
}
# Fields only a long table has.
LONG_FIELDS = ("period", "actual", "organisation", "numerator", "denominator")

# --- long tables and benchmark data ------------------------------------------------------

# kpixl.toml [table] shape, as officers may write it.
SHAPE_WORDS = {
    "wide": "wide",
    "tracker": "wide",
    "long": "long",
    "tidy": "long",
    "rows": "long",
    "wide periods": "wide_periods",
    "wide_periods": "wide_periods",
    "periods as rows": "wide_periods",
    "measures as columns": "wide_periods",
    "organisations": "organisations",
    "organisations as rows": "organisations",
    "organizations": "organisations",
}
# Headings of a long table's comparator columns (words in the heading key) and the label
# each gives in the pack's Benchmark column; a heading with a count word is not one.
AVERAGE_WORDS = (
    ("scotland", "Scotland"),
    ("fg avg", "Family group"),
    ("family group avg", "Family group"),
    ("family group average", "Family group"),
    ("england average", "England"),
    ("england", "England"),
    ("wales average", "Wales"),
    ("national average", "National"),
    ("national", "National"),
    ("region average", "Region"),
    ("regional average", "Region"),
    ("nearest neighbours", "Nearest neighbours"),
    ("comparator average", "Comparators"),
)
AVERAGE_EXCLUDE_WORDS = ("num", "numerator", "den", "denominator", "count", "rank")
# The column naming each row's comparison group (the LGBF's FamilyGroup: Urban, Rural…).
GROUP_HEADINGS = ("familygroup", "family group", "comparator group", "benchmark group")
# Words a kpixl.toml `columns` mapping may use for a field, beyond the field names.
FIELD_WORDS: dict[str, str] = {
    "indicator": "name",
    "description": "name",
    "status": "stated_status",
    "rag": "stated_status",
    "direction": "stated_direction",
    "direction of travel": "stated_direction",
    "dot": "stated_direction",
    "ytd": "stated_ytd",
    "year to date": "stated_ytd",
    "last year ytd": "last_year_ytd",
    "ytd method": "method",
    "commentary": "comments",
    "comment": "comments",
    "value": "actual",
    "org": "organisation",
    "organization": "organisation",
    "ignore": "ignore",
    "skip": "ignore",
    "none": "ignore",
}


# --- delivery-plan actions --------------------------------------------------------------
# Status words as written in a tracker's Status column, matched on a normalised form (lower
# case, single spaces, hyphens and full stops dropped: "In-Progress.", "NOT  STARTED").
# Choices: "Done", "Achieved" and "Delivered" are Completed; "Ongoing" and "Underway" are In
# progress; "On target" and "On schedule" are On track; "Behind schedule" and "Off track" are
# Delayed; "Paused" is On hold; "Postponed" is Deferred; "Withdrawn" is Cancelled. Words with
# two readings are refused rather than guessed: "Closed" (delivered, or stopped?), "Late"
# (overdue, or late to start?), "At risk".
ACTION_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "Not started": (
        "not started",
        "not yet started",
        "not commenced",
        "yet to start",
        "not due to start",
    ),
    "In progress": (
        "in progress",
        "inprogress",
        "work in progress",
        "wip",
        "ongoing",
        "on going",
        "underway",
        "under way",
        "started",
    ),
    "On track": ("on track", "on target", "on schedule"),
    "Completed": ("completed", "complete", "done", "achieved", "delivered", "finished"),
    "Overdue": ("overdue", "over due", "past due"),
    "Delayed": ("delayed", "behind schedule", "off track"),
    "On hold": ("on hold", "paused", "suspended"),
    "Deferred": ("deferred", "postponed"),
    "Cancelled": ("cancelled", "canceled", "withdrawn"),
    "Superseded": ("superseded", "superceded"),
    "Late to start": ("late to start", "late start"),
}
# Words in a RAG column. Blue (BRAG) or Complete marks a completed action: not a colour.
ACTION_RAG_WORDS: dict[str, tuple[str, ...]] = {
    "Red": ("red", "r"),
    "Amber": ("amber", "a"),
    "Green": ("green", "g"),
    "Completed": ("blue", "b", "complete", "completed"),
}
# An end written as one of these has no date: the action is never overdue.
NO_DATE_WORDS = (
    "ongoing",
    "on going",
    "n/a",
    "na",
    "tbc",
    "tbd",
    "-",
    "–",
    "none",
    "not applicable",
)

# Action fields and the headings councils write for them, compared by heading_key().
ACTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "theme": ("theme", "themes", "corporate theme", "strategic theme"),
    "outcome": (
        "outcome",
        "outcomes",
        "corporate strategy outcome",
        "strategic outcome",
        "priority",
        "priorities",
        "corporate priority",
        "strategic priority",
        "objective",
        "strategic objective",
    ),
    "text": (
        "action",
        "actions",
        "corporate delivery plan action",
        "delivery plan action",
        "key action",
        "key actions",
        "action description",
        "project",
        "projects",
        "milestone",
        "milestones",
        "key milestone",
    ),
    "progress": (
        "progress",
        "progress update",
        "progress to date",
        "update",
        "updates",
        "commentary",
        "comments",
        "comment",
        "narrative",
    ),
    "status": ("status", "action status", "current status", "progress status"),
    "start": ("start date", "start", "start quarter", "planned start"),
    "end": (
        "end date",
        "end",
        "end quarter",
        "due",
        "due date",
        "due by",
        "deadline",
        "target date",
        "completion date",
        "target completion date",
        "planned end",
    ),
    "owner": ("owner", "action owner", "lead", "lead officer", "responsible officer", "officer"),
    "rag": ("rag", "rag status", "rag rating", "rating"),
}


# Words in a name that say each period's figure is an average or a duration (days to process
# a claim, time taken to re-let): the year to date is their mean, never their sum (Hart's
# RB07, 19.94 days in each quarter, is 19.94 days for the year, not 39.88).
MEAN_WORDS = (
    "average",
    "mean",
    "time taken",
    "days taken",
    "days to",
    "weeks to",
    "waiting time",
    "turnaround time",
    "length of stay",
)
