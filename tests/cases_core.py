"""The case tables of the core's rules (seed reports 000-004, rules.md), as plain data.

tests/test_core_cases.py runs them under pytest; tests/pyodide/probe.py runs the same rows
inside Pyodide, which has no pytest, so this module imports only kpixl.
"""

from __future__ import annotations

import kpixl
from kpixl import Direction, Polarity, Status, ToleranceKind

# --- rules.md section 3: every tolerance form of 004 (and the table's own examples) -------

TOLERANCES = [
    # (written, kind, amount, band low, band high)
    ("5%", ToleranceKind.RELATIVE, 0.05, None, None),  # BBF02
    (0.05, ToleranceKind.RELATIVE, 0.05, None, None),
    ("5% points", ToleranceKind.POINTS, 0.05, None, None),  # AFL08
    ("5 pts", ToleranceKind.POINTS, 0.05, None, None),
    ("5pp", ToleranceKind.POINTS, 0.05, None, None),
    ("5 percentage points", ToleranceKind.POINTS, 0.05, None, None),
    ("3 days", ToleranceKind.ABSOLUTE, 3.0, None, None),
    ("+/- 3", ToleranceKind.ABSOLUTE, 3.0, None, None),
    ("3 abs", ToleranceKind.ABSOLUTE, 3.0, None, None),
    ("85% - 90%", ToleranceKind.BAND, 0.0, 0.85, 0.90),  # STP15
    ("80% - 85%", ToleranceKind.BAND, 0.0, 0.80, 0.85),  # STP16
    ("9 to 12", ToleranceKind.BAND, 0.0, 9.0, 12.0),  # rough sleepers
    ("56 to 60 days", ToleranceKind.BAND, 0.0, 56.0, 60.0),  # STP37a
    ("18-21", ToleranceKind.BAND, 0.0, 18.0, 21.0),  # AFL13
    ("22-25", ToleranceKind.BAND, 0.0, 22.0, 25.0),  # AFL14
    ("10 to 15", ToleranceKind.BAND, 0.0, 10.0, 15.0),  # STP12
    ("52.25% - 55%", ToleranceKind.BAND, 0.0, 0.5225, 0.55),  # BBF01
    ("11% - 12%", ToleranceKind.BAND, 0.0, 0.11, 0.12),  # BBF04
    ("25% - 40%", ToleranceKind.BAND, 0.0, 0.25, 0.40),  # BBF05
    ("85% - 95%", ToleranceKind.BAND, 0.0, 0.85, 0.95),  # BBF06
    ("3% (85.36% - 88%)", ToleranceKind.RELATIVE, 0.03, 0.8536, 0.88),  # GSE07
    ("No tolerance", ToleranceKind.NONE, 0.0, None, None),  # MPS04, AFL17
    ("No Tolerance", ToleranceKind.NONE, 0.0, None, None),  # STP31
    ("No variation", ToleranceKind.NONE, 0.0, None, None),  # MPS21
    ("None", ToleranceKind.NONE, 0.0, None, None),
    ("0", ToleranceKind.NONE, 0.0, None, None),
    ("0%", ToleranceKind.NONE, 0.0, None, None),
    (0, ToleranceKind.NONE, 0.0, None, None),
    ("TBD - for now applied standard 5%", ToleranceKind.RELATIVE, 0.05, None, None),  # AFL07
    (None, ToleranceKind.DEFAULT, 0.0, None, None),
    ("", ToleranceKind.DEFAULT, 0.0, None, None),
    ("N/A", ToleranceKind.DEFAULT, 0.0, None, None),  # tracking rows
    ("n/a", ToleranceKind.DEFAULT, 0.0, None, None),
]

# (written, words the message contains)
TOLERANCE_ERRORS = [
    ("85-", 'Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%'),
    (5, 'ambiguous "5"; write 5% (of the target), 5 pts'),
    ("5", 'ambiguous "5"'),
    ("12", 'ambiguous "12"'),
    ("about right", 'cannot read "about right"'),
    (-0.05, "negative"),
    ("99.5% and above is green", "write both levels"),
]

# --- rules.md section 2: polarity spellings -----------------------------------------------

# (written, polarity)
POLARITIES = [
    ("Higher is better", Polarity.HIGHER),
    ("higher", Polarity.HIGHER),
    ("High", Polarity.HIGHER),
    ("H", Polarity.HIGHER),
    ("Up", Polarity.HIGHER),
    ("+", Polarity.HIGHER),
    ("  HIGHER   is better ", Polarity.HIGHER),
    ("Lower is better", Polarity.LOWER),
    ("Low", Polarity.LOWER),
    ("l", Polarity.LOWER),
    ("Down", Polarity.LOWER),
    ("-", Polarity.LOWER),
    ("−", Polarity.LOWER),
    ("No polarity", Polarity.NONE),
    ("N/A", Polarity.NONE),
    ("N/A - Tracking", Polarity.NONE),
    ("Neutral", Polarity.NONE),
    ("neither", Polarity.NONE),
    # the words other systems write (rules.md section 2)
    ("More is better", Polarity.HIGHER),
    ("Less is better", Polarity.LOWER),
    ("Aim to maximise", Polarity.HIGHER),
    ("Aim to minimise", Polarity.LOWER),
    ("Ascending", Polarity.LOWER),  # LGBF Ranking_Type: the lowest value ranks first
    ("Descending", Polarity.HIGHER),
    ("Increase is good", Polarity.HIGHER),
    ("Decrease is good", Polarity.LOWER),
    ("High is good", Polarity.HIGHER),
    ("Low is good", Polarity.LOWER),
    ("Bigger is better", Polarity.HIGHER),
    ("Smaller is better", Polarity.LOWER),
    ("Up is good", Polarity.HIGHER),
    ("Down is good", Polarity.LOWER),
    ("over", Polarity.HIGHER),  # NHS planning: over the goal is good
    ("under", Polarity.LOWER),
    ("In range", Polarity.IN_RANGE),
    ("Goldilocks", Polarity.IN_RANGE),
    ("Two-sided", Polarity.IN_RANGE),
]

# --- rules.md section 8: values as officers type them ---------------------------------------

# (written, value)
VALUES = [
    ("90.2%", 0.902),
    ("15 Days", 15.0),
    ("107 Kg", 107.0),
    ("19,378", 19378.0),
    ("£21,449,387.58", 21449387.58),
    ("92 out of 99", 92 / 99),
    ("95.41% (16579 out of 17377)", 0.9541),
    ("87.5%%", 0.875),
    ("−5", -5.0),
    ("60.9 days", 60.9),
    ("1,188", 1188.0),
    (0.9, 0.9),
    (12, 12.0),
    ("100%(73 out of 73)", 1.0),
    ("29% (8,922)", 0.29),
    ("14.09 Days", 14.09),
    (" 3.2% ", 0.032),
    # as 001 and 004 print them
    ("148 out 162", 148 / 162),  # 001 KI 20's commentary
    ("38% 310 out of 811", 0.38),  # 004 ST-MAX
    ("97.48% (Q1 23-24)", 0.9748),  # 004 GSE07
    ("64.5% (Jan-Mar 2023) 300 out of 465", 0.645),  # 004 AFL22
    ("130 per 100,000", 130.0),
    ("£1,200,000 (ytd budget)", 1_200_000.0),
    ("38.60% (YTD) 101.58% achieved of the target (38.00%)", 0.386),  # 004 MPS05
]

# (written, numerator, denominator, note, unit): what a value keeps beside its figure
VALUE_PARTS = [
    ("148 out 162", 148.0, 162.0, "", ""),
    ("38% 310 out of 811", 310.0, 811.0, "", "%"),
    ("97.48% (Q1 23-24)", None, None, "Q1 23-24", "%"),
    ("64.5% (Jan-Mar 2023) 300 out of 465", 300.0, 465.0, "Jan-Mar 2023", "%"),
    ("130 per 100,000", None, None, "", "per 100,000"),
    ("£1,200,000 (ytd budget)", None, None, "ytd budget", "£"),
    ("38.60% (YTD) 101.58% achieved of the target (38.00%)", None, None, "YTD", "%"),
]

# (heading, kind, number, financial year, first month of the year, months)
PERIODS = [
    ("Summer 22", "term", 3, "2022/23", 1, 4),  # 004 BBF12's chart labels
    ("Autumn term 2023", "term", 1, "2023/24", 6, 4),
    ("Spring 23", "term", 2, "2022/23", 10, 3),
    ("Jan-Mar 2023", "quarter", 4, "2022/23", 10, 3),  # a quarter, not January
    ("Apr-Jun 2023", "quarter", 1, "2023/24", 1, 3),
    ("Apr 2022-Mar 2023", "year", 1, "2022/23", 1, 12),
    ("Q1-4 2022/23", "year", 1, "2022/23", 1, 12),
    ("2023/24", "year", 1, "2023/24", 1, 12),  # a year
    ("2010-11", "year", 1, "2010/11", 1, 12),  # LGBF
    ("2017/18", "year", 1, "2017/18", 1, 12),  # Trafford
    ("Quarter 4 22-23", "quarter", 4, "2022/23", 10, 3),
    ("July 2023/24", "month", 4, "2023/24", 4, 1),
    ("Apr-23", "month", 1, "2023/24", 1, 1),
]

# written: each is missing, with its reason kept
MISSING_MARKERS = [
    None,
    "",
    "TBC",
    "TBD",
    "n/a",
    "N/A",
    "-",
    "New KPI for 2023-24",
    "n/a reported Quarterly",
    "N/A Reporting one month in arrears",
    "#N/A",
    "#DIV/0!",
    "New as corporate KPI for 2023-24",
    "n/a Termly reported",
    "(Reported quarterly)",
    float("nan"),
    "N/A (0 out of 0)",
    "n\u2215a",  # with a division slash, as 004's PDF prints it
]

# --- rules.md section 4: the RAG rule and its boundaries ------------------------------------

RAG_CASES = [
    # actual, target, polarity, tolerance, status
    ("90.2%", "92%", "Higher is better", "85% - 90%", Status.AMBER),  # the example
    (112, 112.5, "higher", None, Status.AMBER),  # Maidstone: nothing is rounded
    ("100%", "100%", "higher", None, Status.GREEN),  # equal to target is Green
    (1.0, 1.0, "higher", "No tolerance", Status.GREEN),
    (52.25, 55, "higher", None, Status.AMBER),  # 55 x 0.95: float edge must not be Red
    ("52.25%", "55%", "higher", "52.25% - 55%", Status.AMBER),  # BBF01 band end
    ("52.24%", "55%", "higher", "5%", Status.RED),
    ("48.3%", "55%", "Higher is better", "52.25% - 55%", Status.RED),  # BBF01 Q1
    (0, 0, "lower", None, Status.GREEN),  # zero target, relative: no amber band
    (1, 0, "lower", None, Status.RED),
    (1, 0, "lower", "+/- 2", Status.AMBER),  # unless an absolute tolerance is given
    (-0.001, 0, "higher", None, Status.RED),
    (-10.4, -10, "higher", "5%", Status.AMBER),  # negative targets: abs(T) for the width
    (-10.6, -10, "higher", "5%", Status.RED),
    ("75%", "90%", "Higher is better", "85% - 90%", Status.RED),  # STP15 July
    ("81.82%", "85%", "Higher is better", "80% - 85%", Status.AMBER),  # STP16 July
    ("89.02%", "88%", "Higher is better", "83% - 88%", Status.GREEN),  # STP17 July
    (13, 9, "Lower is better", "9 to 12", Status.RED),  # rough sleepers July
    (12, 9, "Lower is better", "9 to 12", Status.AMBER),
    ("59.5 days", "56 days", "Lower is better", "56 to 60 days", Status.AMBER),  # STP37a
    (233, 245, "Lower is better", "No tolerance", Status.GREEN),  # AFL17
    (5, 5, "Lower is better", "No tolerance", Status.GREEN),  # AFL18
    (1, 0, "Lower is better", "No tolerance", Status.RED),  # AFL24
    ("72.1%", "80%", "Higher is better", "5% points", Status.RED),  # AFL08: 75% limit
    ("76%", "80%", "Higher is better", "5% points", Status.AMBER),
    (76, 80, "Higher is better", "5 pts", Status.AMBER),  # points follow a 0-100 scale
    (74, 80, "Higher is better", "5 pts", Status.RED),
    ("91.6%", "90%", "Higher is better", "5%", Status.GREEN),  # BBF02
    ("9.1%", "15% (60% annual target)", "Higher is better", "5%", Status.RED),  # AFL21
    ("97.48%", "88%", "Higher is better", "3% (85.36% - 88%)", Status.GREEN),  # GSE07
    ("86%", "88%", "Higher is better", "3% (85.36% - 88%)", Status.AMBER),
    ("87.5%%", "100%", "Higher is better", "No variation", Status.RED),  # MPS21
    (24, "252 (21 per month)", "Higher is better", "18-21", Status.GREEN),  # AFL13 July
    (22, "300 (25 per month)", "Higher is better", "22-25", Status.AMBER),  # AFL14 July
    (21, "300 (25 per month)", "Higher is better", "22-25", Status.RED),
    ("92.7%", "85%", "Higher is better", "85% - 95%", Status.GREEN),  # BBF06: still Green
    ("84%", "85%", "Higher is better", "85% - 95%", Status.RED),  # band gives no amber
    ("22.6%", "29%", "Lower is better", "25% - 40%", Status.GREEN),  # BBF05
    ("35%", "29%", "Lower is better", "25% - 40%", Status.AMBER),
    # precedence: Tracking, then No data, then Under review
    (525, "Tracking - monitoring levels of demand only", "N/A", "N/A", Status.TRACKING),
    (None, "No target - tracking indicator only", "Lower is better", "N/A", Status.TRACKING),
    (5349, "N/A - monitoring levels of demand", "N/A - Tracking", "N/A", Status.TRACKING),
    (17, 20, "No polarity", None, Status.TRACKING),
    ("TBC", "92%", "higher", None, Status.NO_DATA),
    (None, "Target under review", "higher", None, Status.NO_DATA),
    ("n/a Termly reported", "TBC", "Higher is better", "n/a", Status.NO_DATA),
    ("84.7%", "Target under review", "Higher is better", "n/a", Status.UNDER_REVIEW),  # BBF12
    (0.9, None, "higher", None, Status.UNDER_REVIEW),
    (0.9, "TBD", "higher", None, Status.UNDER_REVIEW),
    (0.9, "Profiled Target", "higher", None, Status.UNDER_REVIEW),
]

# --- rules.md section 5: direction of travel, 004's rows --------------------------------------

DOT_CASES = [
    ("9.1%", "9.8%", "Higher is better", "15%", Direction.DOWN_RED),  # AFL21: 7% down
    ("91.6%", "95.6%", "Higher is better", "90%", Direction.DOWN_AMBER),  # BBF02: 4.2% down
    ("91.6%", "95.6%", "Higher is better", None, Direction.DOWN_AMBER),  # within 5% alone
    (13, 0, "Lower is better", "No target - tracking indicator only", Direction.UP_RED),  # STP29 P2
    ("81.82%", "65.00%", "Higher is better", "85%", Direction.UP_GREEN),  # STP16
    (233, 237, "Lower is better", 245, Direction.DOWN_GREEN),  # AFL17
    (525, 539, "N/A", None, Direction.DECREASED),  # AFL15
    (5349, 5263, "N/A - Tracking", None, Direction.INCREASED),  # STP04
    (1191, 1191, "No polarity", None, Direction.UNCHANGED),  # BBF29
    (1, 1, "Lower is better", 0, Direction.SAME),  # AFL24
    ("75%", "100%", "Higher is better", "90%", Direction.DOWN_RED),  # STP15
    (0, 0, "Lower is better", None, Direction.SAME),  # STP29 P1
    (291, 274, "Lower is better", "Target under review", Direction.UP_RED),  # BBF22: 6.2% worse
    (165, 103, "Lower is better", "N/A - Tracking", Direction.UP_RED),  # BBF33
    (24, 30, "Higher is better", "252 (21 per month)", Direction.DOWN_AMBER),  # on target 21
    ("n/a reported Quarterly", 358, "Lower is better", None, Direction.NOT_AVAILABLE),  # GSE06
    (None, 5, "higher", None, Direction.NOT_AVAILABLE),
    (5, "TBC", "higher", None, Direction.NOT_AVAILABLE),
    (0, 6, "Higher is better", None, Direction.DOWN_RED),  # STP30 P1
]

# --- rules.md section 7: targets and targets to date ----------------------------------------

TTD_CASES = [
    # target, period, periods, method, expected
    ("15 per quarter", 1, 4, "sum", 15.0),  # 000 row 10
    ("40 per quarter", 2, 4, "sum", 80.0),  # 000 row 11
    ("5 per quarter", 6, 12, "sum", 10.0),  # 000 row 12, monthly tracker
    ("40 per quarter", 1, 4, "period", 40.0),
    ("252 (21 per month)", 4, 12, "sum", 84.0),  # 004 AFL13
    ("252 (21 per month)", 12, 12, "sum", 252.0),
    ("252 (21 per month)", 7, 12, "period", 21.0),
    ("Year-end target: 564 Monthly target: 47", 4, 12, "sum", 188.0),  # 004 AFL07
    ("25% (100% annual target)", 2, 4, "sum", 0.5),  # 004 AFL20
    ("25% (100% annual target)", 2, 4, "period", 0.25),
    ("92%", 6, 12, "ratio", 0.92),
    ("40 Days", 3, 12, "mean", 40.0),  # 002
    (252, 6, 12, "sum", 126.0),  # annual only, additive: annual x k/n
    ("Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2", 2, 4, "sum", 5.74),  # 002 sickness profile
    ("Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2", 4, 4, "sum", 11.83),
    ("Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2", 3, 4, "period", 2.89),
    ("Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828", 3, 4, "sum", 12828.0),  # 002 playgrounds
    ("Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828", 6, 12, "sum", 10108.0),
    ("Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828", 4, 12, "sum", 4505 + 5603 / 3),
    # 001 cumulative targets by quarter: KI 10 sickness 1.8, 3.4, 5.3; KI 8 council tax
    ("Q1: 1.8 Q2: 3.4 Q3: 5.3", 2, 4, "last", 3.4),
    ("Q1: 29.32% Q2: 57.38% Q3: 85.48%", 3, 4, "last", 0.8548),
    ("Q1: 86.75% Q2: 91.25% Q3: 95.45%", 1, 4, "last", 0.8675),  # KI 6
    ("Q1: 29.32% Q2: 57.38% Q3: 85.48%", "Q2", 4, "last", 0.5738),
    ("20/40/60/80/100 increments over the next 5 years", 12, 12, "last", 20.0),  # 002
    ("Q4 23/24 : 23 Q4 24/25: 38", 4, 4, "last", 23.0),  # 002 affordable homes
    ("No target - tracking indicator only", 3, 12, "sum", None),
    ("Target under review", 3, 12, "sum", None),
    ("TBC", 3, 12, "sum", None),
    ("Profiled Target", 3, 12, "sum", None),  # 002: no numbers given
]

# (target, kind)
TARGET_KINDS = [
    ("98% (Annual target)", kpixl.TargetKind.VALUE),
    ("12.50% (annually)", kpixl.TargetKind.VALUE),
    ("Tracking", kpixl.TargetKind.TRACKING),
    ("Data only", kpixl.TargetKind.TRACKING),
    ("N/A - monitoring levels of demand", kpixl.TargetKind.TRACKING),
    ("Tracker", kpixl.TargetKind.TRACKING),  # 003's word for a tracking measure
    ("Operational tracker", kpixl.TargetKind.TRACKING),
    ("P1 and P2 97.5% P3 and P4 90%", kpixl.TargetKind.SPLIT),  # 004 STP31's parent
    (
        "Will be approved by Full Council ahead of the next Financial Year",
        kpixl.TargetKind.REVIEW,
    ),
]
