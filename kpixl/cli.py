"""The command line: ``kpixl pack TRACKER``, ``kpixl rate``, ``kpixl check``, ``kpixl addin``,
``kpixl lite``.

Exit codes (:class:`kpixl.core.errors.ExitCode`): 0 done; 1 a value or setting kpixl could
not read (the message says which); 2 missing file; 3 not a workbook; 4 encrypted;
5 corrupt; 6 oversized; 7 no KPI table, or nothing in it to rate; 8 unusable kpixl.toml or
kpixl.conf; 9 output refused or not writable; 10 PDF not written; 11 output closed (a closed
pipe, a full disk); 12 a part of kpixl not installed (the message names the extra);
64 wrong usage; 130 stopped.
"""

from __future__ import annotations

import argparse
import csv
import errno
import json
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from . import __version__
from .core import KpixlError
from .core.errors import ExitCode

EXIT_USAGE = ExitCode.USAGE
# The optional packages behind the commands, and the extra of kpixl that installs each.
EXTRAS = {
    "openpyxl": "app",
    "xlsxwriter": "app",
    "defusedxml": "app",
    "xlwings": "excel",
    "pandas": "pandas",
    "numpy": "pandas",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own 2 is kpixl's "missing file"
        # two lines, not the usage (which wraps to several): the problem, and where to look
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nRun '{self.prog} --help' for usage.\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kpixl", description="KPI ratings and committee packs from a tracker.")
    p.add_argument("--version", action="version", version=f"kpixl {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    pack = sub.add_parser("pack", help="write the committee pack (and PDF) from a tracker")
    pack.add_argument("tracker", type=Path, help="the council's tracker (.xlsx); never modified")
    pack.add_argument("-o", "--out", type=Path, help="pack file or folder (default: beside it)")
    pack.add_argument("--pdf", action="store_true", help="also write a PDF (needs LibreOffice)")
    pack.add_argument("--period", help='reporting period as headed, e.g. "Sep-24"')
    pack.add_argument("--palette", choices=["standard", "colour-blind"], help="status colours")
    pack.add_argument("--codes", action="store_true", help="show G/A/R codes instead of words")
    pack.add_argument("--config", type=Path, help="a kpixl.toml (default: the one beside it)")
    pack.add_argument("--force", action="store_true", help="replace an existing file")
    pack.add_argument("-q", "--quiet", action="store_true", help="only the closing line")

    rate = sub.add_parser("rate", help="print each indicator's status, arrow and YTD")
    rate.add_argument("tracker", type=Path)
    rate.add_argument("--period", help='reporting period as headed, e.g. "Sep-24"')
    rate.add_argument("--config", type=Path)
    rate.add_argument(
        "--format",
        choices=["text", "json", "csv"],
        default="text",
        help="text (default), or json / csv for scripts",
    )

    check = sub.add_parser("check", help="list data problems in a tracker, by row")
    check.add_argument("tracker", type=Path)
    check.add_argument("--period", help='reporting period as headed, e.g. "Sep-24"')
    check.add_argument("--config", type=Path)
    check.add_argument(
        "--scheme", action="store_true", help="also print how the tracker is rated, in words"
    )

    addin = sub.add_parser("addin", help="build or install the Excel add-in")
    addin_sub = addin.add_subparsers(dest="action", required=True, parser_class=_Parser)
    build = addin_sub.add_parser("build", help="write kpixl.xlam from macros/")
    build.add_argument("-o", "--out", type=Path, default=Path("kpixl.xlam"))
    addin_sub.add_parser("install", help="install the add-in for Excel (Windows)")

    lite = sub.add_parser("lite", help="write main.py and requirements.txt for xlwings Lite")
    lite.add_argument(
        "-o", "--out", "--dir", dest="out", type=Path, default=Path("."), help="folder (default: .)"
    )
    lite.add_argument("--force", action="store_true", help="replace main.py, requirements.txt")

    sample = sub.add_parser("sample", help="write the bundled tracker and the functions workbook")
    sample.add_argument(
        "-o", "--out", "--dir", dest="out", type=Path, default=Path("."), help="folder (default: .)"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = int(_run(args))
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as Python exits
        return code
    except KpixlError as e:
        return _fail(str(e), getattr(e, "exit_code", ExitCode.BAD_VALUE))
    except ModuleNotFoundError as e:
        extra = EXTRAS.get((e.name or "").partition(".")[0])
        if extra is None:
            return _fail(
                f"{args.command} needs {e.name}, which is not installed: reinstall kpixl",
                ExitCode.NOT_INSTALLED,
            )
        return _fail(
            f'{args.command} needs {e.name}, which is not installed: pip install "kpixl[{extra}]"',
            ExitCode.NOT_INSTALLED,
        )
    except BrokenPipeError:
        return _closed()
    except OSError as e:
        if e.errno == errno.EPIPE:  # kpixl rate … | head: the reader has had enough
            return _closed()
        if e.errno == errno.ENOSPC:
            _fail("cannot write to standard output: no space left on the device.", 0)
            return _closed()
        where = f" ({e.filename})" if e.filename else ""
        return _fail(
            f"the system refused: {e.strerror or e}{where}. Nothing was written.",
            ExitCode.UNEXPECTED,
        )
    except KeyboardInterrupt:
        return _fail("stopped; nothing was written.", ExitCode.INTERRUPTED)
    except Exception as e:  # a fault in kpixl: words, not a traceback (KPIXL_DEBUG shows it)
        if os.environ.get("KPIXL_DEBUG"):
            raise
        return _fail(
            f"an unexpected problem in kpixl ({type(e).__name__}: {' '.join(str(e).split())[:200]})"
            ". Nothing was written. Please report it with the command you ran; set "
            "KPIXL_DEBUG=1 to see where it happened.",
            ExitCode.UNEXPECTED,
        )


def _fail(message: str, code: int) -> int:
    with suppress(OSError):
        print(f"kpixl: {message}", file=sys.stderr)
    return int(code)


def _closed() -> int:
    """The output was closed before kpixl finished (``kpixl rate … | head``): end quietly.
    Python would otherwise complain again when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return int(ExitCode.OUTPUT_CLOSED)


def _run(args: argparse.Namespace) -> int:
    if args.command == "pack":
        from .committee import make_pack

        say = (lambda _: None) if args.quiet else (lambda m: print(m, flush=True))
        result = make_pack(
            args.tracker,
            args.out,
            pdf=args.pdf,
            period=args.period,
            palette=args.palette,
            status_codes=True if args.codes else None,
            config=args.config,
            force=args.force,
            progress=say,
        )
        print(result.closing_line())
        return 0
    if args.command == "rate":
        return _rate(args)
    if args.command == "check":
        return _check(args)
    if args.command == "addin":
        return _addin(args)
    if args.command == "lite":
        from .lite import write_lite

        for path in write_lite(args.out, force=args.force):
            print(path)
        print("Paste main.py and requirements.txt into xlwings Lite's tabs of the same names.")
        return 0
    if args.command == "sample":
        from .samples import TRACKER_NAME, build_functions_workbook, build_tracker

        print(build_tracker(args.out / TRACKER_NAME))
        print(build_functions_workbook(args.out / "kpi_functions.xlsx"))
        return 0
    return EXIT_USAGE


def _tracker(args: argparse.Namespace):
    from dataclasses import replace

    from .core.model import require_periods
    from .reader import read_tracker

    tracker = read_tracker(args.tracker, config=args.config)
    if getattr(args, "period", None):
        tracker = replace(tracker, settings=tracker.settings.updated(reporting_period=args.period))
    require_periods(tracker)
    return tracker


def _rate(args: argparse.Namespace) -> int:
    from .core import summary
    from .core.actions import summarise
    from .core.model import action_date, rate_actions, rate_tracker

    tracker = _tracker(args)
    ratings = rate_tracker(tracker)
    out = sys.stdout
    if args.format == "json":
        json.dump([r.as_dict() for r in ratings], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if args.format == "csv":
        fields = list(ratings[0].as_dict()) if ratings else ["ref"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in ratings:
            row = r.as_dict()
            row["basis"] = "; ".join(row["basis"])  # type: ignore[arg-type]
            writer.writerow(row)
        return 0
    period = tracker.reporting_period
    label = period.label if period is not None else "no period"
    print(f"{tracker.source}: {len(ratings)} indicators, reporting period {label}")
    print(f"{'Ref':<10} {'Status':<13} {'DoT':<4} {'YTD':>14}  Indicator")
    for r in ratings:
        print(
            f"{r.indicator.ref[:10]:<10} {r.label:<13} {r.direction or ''!s:<4} "
            f"{_ytd(r):>14}  {r.indicator.name[:60]}"
        )
        if r.problem:
            print(f"{'':<10} {r.problem}")
    s = summary([lab for r in ratings if (lab := r.counted)])
    print("Summary: " + "; ".join(f"{label} {s.text(label)}" for label in s.labels()))
    judged = rate_actions(tracker)
    if judged:
        a = summarise(judged)
        shares = a.shares()
        counts = "; ".join(f"{c} {a.count(c)} ({shares[c]}%)" for c in a.labels() if a.count(c))
        print(f"Delivery plan: {a.total} actions at {action_date(tracker).label}: {counts}")
    for notice in tracker.notices:
        print(notice)
    return 0


def _ytd(r: object) -> str:
    value = getattr(r, "ytd", None)
    unit = getattr(r, "unit", "")
    if value is None:
        return "n/a" if getattr(r, "method", "") == "none" else ""
    if unit == "%":
        return f"{value:.1%}"
    if unit == "£":
        return f"£{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _check(args: argparse.Namespace) -> int:
    from .core.checks import check_tracker, findings_text, scheme_text

    tracker = _tracker(args)
    findings = check_tracker(tracker)
    print(findings_text(findings, tracker))
    if args.scheme:
        print(scheme_text(tracker))
    return 0


def _addin(args: argparse.Namespace) -> int:
    if args.action == "build":
        from .addin.build import build_addin

        print(f"Wrote {build_addin(args.out)}")
        return 0
    from .addin.install import install_addin

    print(install_addin())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
