"""The error tree: every message names the argument, the value received and how to write it.

>>> try:
...     raise ToleranceError("tolerance", "85-", "write 5%, 5 pts or 85% - 90%")
... except KpixlError as e:
...     print(e)
Check tolerance: cannot read "85-"; write 5%, 5 pts or 85% - 90%
"""

from __future__ import annotations


class KpixlError(Exception):
    """Base of every error kpixl raises on purpose."""


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
        super().__init__(f'Check {argument}: {problem} "{_show(value)}"; {hint}')


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


class FileProblem(KpixlError):
    """A tracker file that cannot be read: missing, not a workbook, encrypted, corrupt…

    ``exit_code`` is the command line's exit status for this kind of problem.
    """

    exit_code = 10


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel sends 5 as 5.0; show it as typed
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
