"""Each setting, in a kpixl.toml beside a tracker or in its kpixl.conf sheet, changes what it
should in ``kpixl rate``, ``kpixl check``, ``kpixl pack`` and the ribbon's handlers, for that
tracker only: a second tracker without it, read in the same process right after, is rated by
the defaults.

One tracker (``write``) holds a row for each setting, built so that the setting changes that
row's status, arrow or year to date; the table below says what each surface shows with the
setting and without it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from kpixl import cli, ribbon
from kpixl.committee import make_pack
from kpixl.core.tables import Pack
from tests.test_ribbon import FakeBook

HEAD = [
    "Ref",
    "Indicator",
    "Directorate",
    "Polarity",
    "Target",
    "Tolerance",
    "Status",
    *("Jun 2023", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"),
    "Comments",
]
_ = None
ROWS = [
    # ref, name, directorate, polarity, target, tolerance, stated status, Jun 23, Jan..Jun 24
    (
        "T01",
        "Customer satisfaction",
        "Resources",
        "Higher is better",
        0.9,
        _,
        _,
        _,
        _,
        _,
        _,
        0.9,
        0.95,
        0.85,
    ),  # 5.6% short: Red at 5%, Amber at 10%, Green in May
    (
        "T02",
        "Pupils achieving the standard",
        "People",
        "Higher is better",
        0.8,
        0.05,
        _,
        _,
        _,
        _,
        _,
        0.8,
        0.8,
        0.755,
    ),  # 4.5 points short: Red relative (4), Amber in points (5)
    (
        "T03",
        "Calls answered",
        "People",
        "Higher is better",
        0.9,
        _,
        _,
        _,
        _,
        _,
        _,
        0.9,
        0.9,
        0.88,
    ),  # 2.2% short: Amber, Green within a 5% green band
    (
        "T04",
        "Recycling rate",
        "Place",
        "Higher is better",
        0.8,
        _,
        _,
        _,
        _,
        _,
        _,
        0.8,
        0.8,
        1.0,
    ),  # 25% better: Green, Exceeded beyond 10%
    (
        "T05",
        "Visits recorded",
        "Place",
        _,
        12,
        _,
        _,
        _,
        _,
        _,
        _,
        12,
        12,
        10,
    ),  # no polarity: Red as higher, Green as lower is better
    (
        "T06",
        "Average days to process claims",
        "Resources",
        _,
        10,
        _,
        _,
        _,
        _,
        _,
        _,
        10,
        10,
        12,
    ),  # the name says lower is better: asked, or the default
    (
        "T07",
        "Homes improved",
        "Place",
        "Higher is better",
        100,
        "No tolerance",
        _,
        _,
        _,
        _,
        _,
        100,
        100,
        94,
    ),  # 6% worse, off target: ↓R; within 10%, or "declined": ↓A
    (
        "T08",
        "Homes let",
        "Place",
        "Higher is better",
        100,
        "No tolerance",
        _,
        _,
        _,
        _,
        _,
        100,
        100,
        97,
    ),  # 3% worse: ↓A; ↓R where the style has no amber
    (
        "T09",
        "New businesses supported",
        "Place",
        "Higher is better",
        10,
        _,
        _,
        20,
        10,
        10,
        10,
        10,
        10,
        10,
    ),  # year to date 30 from April, 60 from January
    (
        "T10",
        "Library loans",
        "People",
        "Higher is better",
        55,
        _,
        _,
        50,
        60,
        60,
        60,
        60,
        70,
        60,
    ),  # against May ↓A (on target); against June 2023 ↑G
    (
        "T11",
        "Council tax collected",
        "Resources",
        "Higher is better",
        0.9,
        _,
        "Green",
        _,
        _,
        _,
        _,
        0.9,
        0.9,
        0.8,
    ),  # the tracker says Green; kpixl's rule says Red
    (
        "T12",
        "Benefit claims paid",
        "People",
        "Higher is better",
        0.9,
        _,
        _,
        _,
        _,
        _,
        _,
        0.9,
        0.9,
        0.85,
    ),  # as T01, in another directorate
]


def write(path: Path, conf: list[tuple[object, ...]] | None = None, aim: bool = False) -> Path:
    """The tracker, as Excel stores it; ``conf`` rows make a kpixl.conf sheet; ``aim``
    names the target column "Aim" (a heading kpixl does not know)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPIs"
    ws.append([("Aim" if aim and h == "Target" else h) for h in HEAD])
    for r in ROWS:
        ws.append([*r, ""])
    for row in ws.iter_rows(min_row=2):
        for c in (row[4], row[5], *row[7:14]):
            if isinstance(c.value, float) and c.value <= 1.5:
                c.number_format = "0.0%"
    if conf:
        sheet = wb.create_sheet("kpixl.conf")
        for r in conf:
            sheet.append(list(r))
    wb.save(path)
    return path


@dataclass
class Run:
    """What each surface showed for one tracker."""

    code: int
    rate: dict[str, dict[str, object]]
    check: str
    pack: Pack | None
    ribbon: dict[str, dict[str, object]]
    ribbon_text: str

    def status(self, ref: str) -> tuple[object, object, object]:
        """The status as rate, pack and the ribbon's pack show it."""
        return (
            self.rate[ref]["status"],
            _pack_cell(self.pack, ref, "status"),
            self.ribbon[ref]["Status"],
        )

    def arrow(self, ref: str) -> tuple[object, object, object]:
        return (
            self.rate[ref]["arrow"],
            _pack_cell(self.pack, ref, "direction"),
            self.ribbon[ref]["Direction of travel"],
        )


def _pack_cell(pack: Pack | None, ref: str, key: str) -> object:
    assert pack is not None
    for table in pack.tables:
        keys = [c.key for c in table.columns]
        for row in table.rows:
            if row.rating is not None and row.rating.indicator.ref == ref:
                return row.cells[keys.index(key)].value
    raise AssertionError(f"{ref} not in the pack")


def _pack_rows(path: Path) -> tuple[dict[str, dict[str, object]], str, dict[str, str]]:
    """A pack read back: each indicator row by its Ref, all the text, the status fills."""
    wb = openpyxl.load_workbook(path)
    rows: dict[str, dict[str, object]] = {}
    fills: dict[str, str] = {}
    text = []
    for ws in wb.worksheets:
        header: list[object] | None = None
        for cells in ws.iter_rows():
            values = [c.value for c in cells]
            text += [str(v) for v in values if v is not None]
            if "Ref" in values and "Status" in values:
                header = values
                continue
            if header and values[header.index("Ref")] in {r[0] for r in ROWS}:
                ref = str(values[header.index("Ref")])
                rows[ref] = dict(zip(header, values, strict=True))  # type: ignore[arg-type]
                fills[ref] = cells[header.index("Status")].fill.fgColor.rgb
    wb.close()
    return rows, "\n".join(text), fills


def run(path: Path, tmp: Path) -> Run:
    """Every surface on one tracker, in this process."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["rate", str(path), "--format", "json"])
    rate = {r["ref"]: r for r in json.loads(out.getvalue())} if code == 0 else {}
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):  # check's words, or why it stopped
        cli.main(["check", str(path), "--scheme"])
    if code != 0:
        return Run(code, {}, out.getvalue(), None, {}, "")
    pack = make_pack(path, tmp / "pack.xlsx", force=True).pack
    book = FakeBook(path)
    ribbon.committee_pack(book)
    rows, text, _ = _pack_rows(Path(book.app.books.opened[-1]))
    return Run(code, rate, out.getvalue(), pack, rows, text)


Observe = Callable[[Run], object]


@dataclass(frozen=True)
class Case:
    name: str
    toml: str  # the kpixl.toml lines
    conf: tuple[tuple[object, ...], ...]  # the same as kpixl.conf sheet rows
    observe: Observe  # what the setting changes, as every surface shows it
    default: object  # seen without the setting
    changed: object  # seen with it
    aim: bool = False


def _all(x: object) -> tuple[object, object, object]:
    return (x, x, x)


CASES = [
    Case(
        "default_tolerance",
        'default_tolerance = "10%"',
        (("Default tolerance", "10%"),),
        lambda r: (r.status("T01"), "missed by up to 10%" in r.check),
        (_all("Red"), False),
        (_all("Amber"), True),
    ),
    Case(
        "percent_tolerance",
        'percent_tolerance = "points"',
        (("Percent tolerance", "points"),),
        lambda r: (r.status("T02"), "percentage points" in r.check),
        (_all("Red"), False),
        (_all("Amber"), True),
    ),
    Case(
        "green_within",  # Bracknell Forest's rule, stated once
        'green_within = "5%"\ndefault_tolerance = "10%"',
        (("Green within", "5%"), ("Default tolerance", "10%")),
        lambda r: (r.status("T03"), "at target or missed by up to 5%" in r.check),
        (_all("Amber"), False),
        (_all("Green"), True),
    ),
    Case(
        "exceed_by",
        'exceed_by = "10%"',
        (("Exceed by", "10%"),),
        lambda r: (r.status("T04"), "Exceeded: better than target by more than 10%" in r.check),
        (_all("Green"), False),
        (_all("Exceeded"), True),
    ),
    Case(
        "default_polarity",
        'default_polarity = "Lower is better"',
        (("Default polarity", "Lower is better"),),
        lambda r: r.status("T05"),
        _all("Red"),
        _all("Green"),
    ),
    Case(
        "polarity_from_name",
        "polarity_from_name = false",
        (("Polarity from name", "no"),),
        lambda r: r.status("T06"),
        _all("Check data"),
        _all("Green"),
    ),
    Case(
        "direction_style better/same/worse",
        'direction_style = "better_same_worse"',
        (("Direction style", "better_same_worse"),),
        lambda r: r.arrow("T08"),
        _all("↓A"),
        _all("↓R"),
    ),
    Case(
        "direction_style improved/declined",
        'direction_style = "improved_declined"',
        (("Direction style", "improved_declined"),),
        lambda r: r.arrow("T07"),
        _all("↓R"),
        _all("↓A"),
    ),
    Case(
        "acceptable_range",
        'acceptable_range = "10%"',
        (("Acceptable range", "10%"),),
        lambda r: (r.arrow("T07"), "10%" in r.check),
        (_all("↓R"), False),
        (_all("↓A"), True),
    ),
    Case(
        "long_trend",
        "long_trend = 3",
        (("Long trend", 3),),
        lambda r: (
            r.rate["T09"]["long_trend"],
            any(c.header == "Long trend (3 periods)" for c in r.pack.tables[0].columns),  # type: ignore[union-attr]
            "Long trend (3 periods)" in r.ribbon_text,
            "mean of the last 3 periods" in r.check,
        ),
        (None, False, False, False),
        ("→", True, True, True),
    ),
    Case(
        "fy_start_month",
        "fy_start_month = 1",
        (("FY start month", 1),),
        lambda r: (
            r.rate["T09"]["ytd"],
            _pack_cell(r.pack, "T09", "ytd"),
            {k: v for k, v in r.ribbon["T09"].items() if str(k).startswith("Year to date")},
        ),
        (30.0, 30.0, {"Year to date 2023/24": "", "Year to date 2024/25": 30}),
        (60.0, 60.0, {"Year to date 2023": "", "Year to date 2024": 60}),
    ),
    Case(
        "compare_with",
        'compare_with = "last_year"',
        (("Compare with", "last_year"),),
        lambda r: r.arrow("T10"),
        _all("↓A"),
        _all("↑G"),
    ),
    Case(
        "stated_status",
        'stated_status = "kpixl"',
        (("Stated status", "kpixl"),),
        lambda r: r.status("T11"),
        _all("Green"),
        _all("Red"),
    ),
    Case(
        "reporting_period",
        'reporting_period = "May 2024"',
        (("Reporting period", "May 2024"),),
        lambda r: r.status("T01"),
        _all("Red"),
        _all("Green"),
    ),
    Case(
        "council and title",
        'council = "Testshire District Council"\ntitle = "Corporate performance"',
        (("Council", "Testshire District Council"), ("Title", "Corporate performance")),
        lambda r: (
            (r.pack.council, r.pack.title),  # type: ignore[union-attr]
            "Testshire District Council" in r.ribbon_text,
            "Corporate performance" in r.ribbon_text,
        ),
        (("", "Performance report"), False, False),
        (("Testshire District Council", "Corporate performance"), True, True),
    ),
    Case(
        "status_codes",
        "status_codes = true",
        (("Status codes", "yes"),),
        lambda r: (r.pack.status_codes, r.ribbon["T01"]["Status"]),  # type: ignore[union-attr]
        (False, "Red"),
        (True, "R"),
    ),
    Case(
        "max_rows",
        "max_rows = 5",
        (("Max rows", 5),),
        lambda r: (r.code, "limit of 5 rows" in r.check and "max_rows" in r.check),
        (0, False),
        (6, True),
    ),
    Case(
        "[indicators]",
        '[indicators."T05"]\npolarity = "Lower is better"',
        (("[indicators]",), ("T05", "polarity", "Lower is better")),
        lambda r: (r.status("T05"), r.status("T01")),
        (_all("Red"), _all("Red")),
        (_all("Green"), _all("Red")),
    ),
    Case(
        "[groups]",
        '[groups."Resources"]\ndefault_tolerance = "10%"',
        (("[groups]",), ("Resources", "default tolerance", "10%")),
        lambda r: (r.status("T01"), r.status("T12")),
        (_all("Red"), _all("Red")),
        (_all("Amber"), _all("Red")),
    ),
    Case(
        "[columns]",
        '[columns]\n"Aim" = "target"',
        (("[columns]",), ("Aim", "target")),
        lambda r: r.status("T01"),
        _all("Under review"),
        _all("Red"),
        aim=True,
    ),
]


@pytest.mark.parametrize("where", ["kpixl.toml", "kpixl.conf sheet"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_setting_changes_its_tracker_only(case: Case, where: str, tmp_path: Path) -> None:
    with_it, without = tmp_path / "with", tmp_path / "without"
    with_it.mkdir()
    without.mkdir()
    if where == "kpixl.toml":
        a = write(with_it / "tracker.xlsx", aim=case.aim)
        (with_it / "kpixl.toml").write_text(case.toml + "\n", encoding="utf-8")
    else:
        a = write(with_it / "tracker.xlsx", conf=list(case.conf), aim=case.aim)
    b = write(without / "tracker.xlsx", aim=case.aim)
    assert case.observe(run(a, with_it)) == case.changed
    assert case.observe(run(b, without)) == case.default  # nothing carried over
    assert case.observe(run(a, with_it)) == case.changed  # nor the other way


def test_palette_reaches_the_pack_and_the_ribbon(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "kpixl.toml").write_text('palette = "colour-blind"\n', encoding="utf-8")
    fills = {}
    for folder in (a, b):
        tracker = write(folder / "tracker.xlsx")
        pack = make_pack(tracker, folder / "pack.xlsx").pack
        book = FakeBook(tracker)
        ribbon.committee_pack(book)
        _, _, ribbon_fills = _pack_rows(Path(book.app.books.opened[-1]))
        _, _, pack_fills = _pack_rows(folder / "pack.xlsx")
        assert ribbon_fills == pack_fills
        fills[folder.name] = (pack.palette, pack_fills["T01"], pack_fills["T04"])
    assert fills["a"][0] == "colour-blind" and fills["b"][0] == "standard"
    assert fills["a"][1:] != fills["b"][1:]  # Red and Green drawn in other colours


def test_committee_meeting_dates_reach_the_pack(tmp_path: Path) -> None:
    # a tracker for one committee: its rows are that committee's, with its meeting date
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "kpixl.toml").write_text(
        '[committees]\n"Corporate Overview" = "1 July 2024"\n', encoding="utf-8"
    )
    seen = {}
    for folder in (a, b):
        pack = make_pack(write(folder / "tracker.xlsx"), folder / "pack.xlsx").pack
        seen[folder.name] = {(t.committee, t.meeting) for t in pack.tables}
    assert seen["a"] == {("Corporate Overview", "1 July 2024")}
    assert seen["b"] == {("KPIs", "")}


def test_the_readmes_settings_are_the_ones_kpixl_reads() -> None:
    import re
    import tomllib
    from dataclasses import fields

    from kpixl.core.config import apply_conf, conf_from_toml
    from kpixl.core.scheme import Scheme, Settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.S)
    assert blocks
    for block in blocks:  # every example applies as written
        apply_conf(Settings(), conf_from_toml(tomllib.loads(block)))
    # the scheme's table names every field of the scheme (the example above it, the rest)
    scheme = {f.name for f in fields(Scheme) if f.init}
    table = set(re.findall(r"`(\w+)`", readme.split("How a council rates")[1].split("###")[0]))
    example = set(re.findall(r"^(\w+) =", blocks[0], flags=re.M))
    assert scheme <= table | example, scheme - table - example
