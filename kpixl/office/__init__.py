"""LibreOffice adapters: PDF export and a real spreadsheet engine for kpixl's worksheet functions.

Everything here drives a headless LibreOffice (``soffice``) in a child process with a private,
throwaway user profile, so parallel runs and root accounts do not clash with a desktop session.

>>> from kpixl.office.pdf import to_pdf                  # doctest: +SKIP
>>> to_pdf("pack.xlsx", "pack.pdf")                      # doctest: +SKIP
PosixPath('pack.pdf')
"""

from __future__ import annotations

from ..core.errors import KpixlError

__all__ = ["OfficeError"]


class OfficeError(KpixlError):
    """LibreOffice is missing, timed out, or produced nothing usable.

    The message names the command or file concerned and what LibreOffice printed, if anything.
    """

    exit_code = 10
