"""kpixl's pure core: rules, periods, parsing and the committee-table model.

Plain Python only: no xlwings, openpyxl, XlsxWriter or pandas, so it also runs inside
xlwings Lite. Every status, arrow and year-to-date figure in kpixl comes from here.
"""

from .errors import (
    ExitCode,
    FileProblem,
    InputError,
    KpixlError,
    MethodError,
    PolarityError,
    TargetError,
    ToleranceError,
    ValueTextError,
)
from .polarity import Polarity, parse_polarity
from .rules import Direction, Rule, Status, compare, compile_rule, direction, parse_status, rag
from .scheme import (
    DirectionStyle,
    Scheme,
    Settings,
    configure,
    get_settings,
    settings,
    use_settings,
)
from .summary import Summary, summary
from .targets import Target, TargetKind, parse_target, target_to_date
from .tolerance import Tolerance, ToleranceKind, parse_tolerance
from .values import Value, parse_value, read_value
from .ytd import Method, parse_method, ytd

__all__ = [
    "Direction",
    "DirectionStyle",
    "ExitCode",
    "FileProblem",
    "InputError",
    "KpixlError",
    "Method",
    "MethodError",
    "Polarity",
    "PolarityError",
    "Rule",
    "Scheme",
    "Settings",
    "Status",
    "Summary",
    "Target",
    "TargetError",
    "TargetKind",
    "Tolerance",
    "ToleranceError",
    "ToleranceKind",
    "Value",
    "ValueTextError",
    "compare",
    "compile_rule",
    "configure",
    "direction",
    "get_settings",
    "parse_method",
    "parse_polarity",
    "parse_status",
    "parse_target",
    "parse_tolerance",
    "parse_value",
    "rag",
    "read_value",
    "settings",
    "summary",
    "target_to_date",
    "use_settings",
    "ytd",
]
