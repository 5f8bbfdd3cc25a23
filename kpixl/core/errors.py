"""The error tree and the command line's exit codes, in one place.

Every message names the argument, the value received and how to write it. Each kind of
problem with a file, a setting or the output has its own exit code (:class:`ExitCode`); the
README's table is checked against :data:`EXIT_CODES`.

>>> try:
...     raise ToleranceError("tolerance", "85-", "write 5%, 5 pts or 85% - 90%")
... except KpixlError as e:
...     print(e)
Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%
>>> int(NoTableFound("x").exit_code)
7
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What ``kpixl`` returns to the shell."""

    OK = 0
    BAD_VALUE = 1
    MISSING_FILE = 2
    NOT_A_WORKBOOK = 3
    ENCRYPTED = 4
    CORRUPT = 5
    OVERSIZED = 6
    NO_TABLE = 7
    BAD_CONFIG = 8
    OUTPUT_REFUSED = 9
    PDF_FAILED = 10
    OUTPUT_CLOSED = 11
    NOT_INSTALLED = 12
    USAGE = 64
    UNEXPECTED = 70  # a fault in kpixl itself (sysexits' EX_SOFTWARE)
    INTERRUPTED = 130


# What each code means, in the README's words (the README's table is tested against this).
EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "done",
    ExitCode.BAD_VALUE: "unreadable setting or value",
    ExitCode.MISSING_FILE: "missing file",
    ExitCode.NOT_A_WORKBOOK: "not a workbook",
    ExitCode.ENCRYPTED: "encrypted",
    ExitCode.CORRUPT: "corrupt",
    ExitCode.OVERSIZED: "oversized",
    ExitCode.NO_TABLE: "no KPI table, or nothing in it to rate",
    ExitCode.BAD_CONFIG: "unusable kpixl.toml or kpixl.conf",
    ExitCode.OUTPUT_REFUSED: "output refused or not writable",
    ExitCode.PDF_FAILED: "PDF not written",
    ExitCode.OUTPUT_CLOSED: "output closed (a closed pipe, a full disk)",
    ExitCode.NOT_INSTALLED: "a part of kpixl is not installed",
    ExitCode.USAGE: "wrong usage",
    ExitCode.UNEXPECTED: "a fault in kpixl (please report it)",
    ExitCode.INTERRUPTED: "stopped (Ctrl+C)",
}


class KpixlError(Exception):
    """Base of every error kpixl raises on purpose; ``exit_code`` is the shell's code."""

    exit_code: ExitCode = ExitCode.BAD_VALUE


class InputError(KpixlError, ValueError):
    """A value typed by an officer that kpixl cannot read.

    ``argument`` names the argument, ``value`` is what was received and ``hint`` says how
    to write it; ``str(error)`` is the message shown in a worksheet cell.
    """

    def __init__(self, argument: str, value: object, hint: str, problem: str = "cannot read"):
        self.argument = argument
        self.value = value
        self.hint = hint
        self.problem = problem
        # nothing to quote for a blank: "Check period: it is blank; write …"
        shown = (
            "" if value is None or (isinstance(value, str) and not value) else f' "{show(value)}"'
        )
        super().__init__(f"Check {argument}: {problem}{shown}; {hint}")


class ValueTextError(InputError):
    """An actual, a value or a number that cannot be read."""


class PolarityError(InputError):
    """A polarity that is none of the accepted spellings."""


class ToleranceError(InputError):
    """A tolerance that cannot be read, or is ambiguous."""


class TargetError(InputError):
    """A target that cannot be read."""


class MethodError(InputError):
    """An unknown year-to-date method."""


class PeriodError(InputError):
    """A reporting period, start or end that cannot be read."""


class FileProblem(KpixlError):
    """A tracker file that cannot be read: missing, not a workbook, encrypted, corrupt…"""

    exit_code = ExitCode.CORRUPT


class TrackerNotFound(FileProblem):
    """The tracker file does not exist, is a folder, or may not be opened (permission)."""

    exit_code = ExitCode.MISSING_FILE


class NotAWorkbook(FileProblem):
    """A file that is not an .xlsx workbook or a CSV kpixl can read."""

    exit_code = ExitCode.NOT_A_WORKBOOK


class EncryptedWorkbook(FileProblem):
    """A password-protected workbook (an OLE compound file with an EncryptedPackage)."""

    exit_code = ExitCode.ENCRYPTED


class CorruptWorkbook(FileProblem):
    """A zip that cannot be read, one without the workbook part, or damaged XML."""

    exit_code = ExitCode.CORRUPT


class WorkbookTooLarge(FileProblem):
    """A file over the size limits (bytes, parts, rows or columns), or a zip bomb."""

    exit_code = ExitCode.OVERSIZED


def rows_beyond(sheet: str, row: int, limit: int) -> WorkbookTooLarge:
    """The refusal of a sheet with data beyond the row limit (``max_rows``), in one wording.

    >>> print(rows_beyond("KPIs", 13, 5))  # doctest: +ELLIPSIS
    the sheet "KPIs" has data in row 13, beyond kpixl's limit of 5 rows; remove unused ...
    """
    return WorkbookTooLarge(
        f'the sheet "{sheet}" has data in row {row:,}, beyond kpixl\'s limit of {limit:,} '
        "rows; remove unused rows, or raise the limit with max_rows in kpixl.toml or the "
        "kpixl.conf sheet"
    )


class NoTableFound(FileProblem):
    """No sheet holds a KPI table kpixl recognises, or the table holds nothing to rate."""

    exit_code = ExitCode.NO_TABLE


class BadConfig(FileProblem):
    """A kpixl.toml file or kpixl.conf sheet that kpixl cannot use."""

    exit_code = ExitCode.BAD_CONFIG


class OutputProblem(KpixlError):
    """The pack cannot be written where asked (over the tracker, over someone's file, into a
    folder that cannot be written)."""

    exit_code = ExitCode.OUTPUT_REFUSED


class PdfProblem(KpixlError):
    """LibreOffice is missing or could not turn the pack into a PDF."""

    exit_code = ExitCode.PDF_FAILED


class NotInstalled(KpixlError):
    """A command needs a part of kpixl (an extra) that is not installed."""

    exit_code = ExitCode.NOT_INSTALLED


def show(value: object) -> str:
    """A value as an officer typed it, short enough for a message.

    >>> show(5.0), show("x" * 100)[-3:], show(10**5000)
    ('5', '...', 'a number of about 5001 digits')
    """
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)  # Excel sends 5 as 5.0; show it as typed
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        # str() of a huge int is slow and, past 4,300 digits, an error: count from the bits
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = str(value)
    except Exception:  # a script's object whose str() fails (or a Fraction of huge ints)
        return f"a {type(value).__name__} value"
    return text if len(text) <= 60 else text[:57] + "..."
