"""A tracker's own settings, from a kpixl.toml beside it or a kpixl.conf sheet inside it,
read into the one :class:`~kpixl.core.scheme.Settings` that rates it.

Both say the same things: settings (top-level keys or ``[settings]``), ``[committees]``
(committee = meeting date), ``[columns]`` (header = field or period), ``[indicators."REF"]``
(one indicator's polarity, target, tolerance, method, frequency, unit or cumulative),
``[groups."Directorate"]`` (scheme settings for one directorate, committee or sheet),
``[table]`` (how to read a long table: shape, key, period…), ``[benchmark]`` (the
organisation to place among the others, and the file of their figures) and ``[info]`` (a
side file of indicator names and polarities, joined by code). The files themselves are read
by the adapter (:mod:`kpixl.reader`); everything here is pure.

>>> conf = conf_from_toml({"default_tolerance": "10%",
...                        "indicators": {"KI 7a": {"polarity": "Lower is better"}}})
>>> s = apply_conf(Settings(), conf)
>>> s.scheme.default_tolerance.amount, s.override("KI 7a").polarity
(0.1, 'Lower is better')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from .errors import BadConfig, KpixlError
from .periods import MONTH_ABBR, MONTHS
from .polarity import parse_polarity
from .scheme import OVERRIDE_FIELDS, Override, Settings
from .targets import parse_target
from .tolerance import parse_tolerance
from .vocabulary import FREQUENCY_WORDS, words
from .ytd import parse_method

CONF_SHEETS = ("kpixl.conf", "_kpixl.conf")
SECTIONS = (
    "settings",
    "committees",
    "columns",
    "indicators",
    "groups",
    "table",
    "benchmark",
    "info",
)
TABLE_KEYS = (
    "shape",  # wide (a tracker), long, wide_periods (periods as rows) or organisations
    "key",  # the column(s) naming an indicator in a long table
    "period",  # the period column's heading, or the one period of data that names none
    "organisation",  # the organisation to report, in data with several
    "sheet",  # the sheet to read
)
BENCHMARK_KEYS = (
    "organisation",  # the organisation placed among the others (its name or code)
    "file",  # the others' figures, when not in the tracker itself
    "sheet",  # the sheet of that file
    "period",  # the period of that file's figures, when it names none
    "averages",  # {label = "column heading"}: comparators the file gives per row
)
INFO_KEYS = (
    "file",  # the side file of indicator information
    "key",  # its column of codes (default: the tracker's reference heading, else Code)
    "sheet",  # the sheet of that file
)

# Settings as officers write their names, to kpixl's.
_KEYS = {
    "tolerance": "default_tolerance",
    "financial year start": "fy_start_month",
    "financial year start month": "fy_start_month",
    "fy start": "fy_start_month",
    "start month": "fy_start_month",
    "year": "financial_year",
    "fy": "financial_year",
    "period": "reporting_period",
    "report title": "title",
    "council name": "council",
    "colours": "palette",
    "colors": "palette",
    "polarity": "default_polarity",
    "dot style": "direction_style",
    "arrows": "direction_style",
}


@dataclass
class Conf:
    """What a kpixl.conf sheet or kpixl.toml file says, before it is checked."""

    settings: dict[str, object] = field(default_factory=dict)
    committees: dict[str, str] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, dict[str, object]] = field(default_factory=dict)
    groups: dict[str, dict[str, object]] = field(default_factory=dict)
    table: dict[str, object] = field(default_factory=dict)
    benchmark: dict[str, object] = field(default_factory=dict)
    info: dict[str, object] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # setting name -> key as written
    where: str = "kpixl.toml"


def setting_name(key: object) -> str:
    """A settings key as written in a kpixl.conf sheet or kpixl.toml ("Default tolerance").

    >>> setting_name("Financial year start"), setting_name("Reporting period")
    ('fy_start_month', 'reporting_period')
    """
    text = " ".join(str(key).replace("_", " ").replace("-", " ").lower().split())
    return _KEYS.get(text, text.replace(" ", "_"))


def _value(name: str, value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date)):
        if name == "reporting_period":  # Excel turns a typed "Mar-25" into a date
            return f"{MONTH_ABBR[value.month - 1]}-{value.year % 100:02d}"
        return value.strftime("%Y-%m-%d")
    if name == "fy_start_month" and isinstance(value, str):
        month = MONTHS.get(value.strip().lower().rstrip("."))
        if month:
            return month
    if isinstance(value, float) and value.is_integer() and name != "default_tolerance":
        return int(value) if abs(value) < 1e15 else value
    return value


def conf_from_toml(data: Mapping[str, object], name: str = "kpixl.toml") -> Conf:
    """A parsed kpixl.toml (a dict, as ``tomllib`` gives it) as a Conf; BadConfig for a
    table kpixl does not know, naming it and the tables it does."""
    conf = Conf(where=name)
    for key, value in data.items():
        if key == "settings":
            for k, v in _table(value, name, "[settings]", 'key = "value"').items():
                conf.settings[setting_name(k)] = _value(setting_name(k), v)
                conf.written[setting_name(k)] = f"[settings] {k}"
        elif key == "committees":
            table = _table(value, name, "[committees]", '"Name" = "meeting date"')
            conf.committees.update({str(k): str(_value("", v)) for k, v in table.items()})
        elif key == "columns":
            table = _table(value, name, "[columns]", '"Header" = "field"')
            conf.columns.update({str(k): str(v) for k, v in table.items()})
        elif key == "indicators":
            for ref, fields_ in _table(value, name, "[indicators]", '"REF" = { ... }').items():
                what = f'[indicators."{ref}"]'
                conf.indicators[str(ref)] = dict(_table(fields_, name, what, 'polarity = "..."'))
        elif key == "groups":
            for group, fields_ in _table(value, name, "[groups]", '"Name" = { ... }').items():
                what = f'[groups."{group}"]'
                conf.groups[str(group)] = {
                    setting_name(k): _value(setting_name(k), v)
                    for k, v in _table(fields_, name, what, 'key = "value"').items()
                }
        elif key == "table":
            conf.table.update(_table(value, name, "[table]", 'shape = "long"'))
        elif key == "benchmark":
            conf.benchmark.update(_table(value, name, "[benchmark]", 'organisation = "..."'))
        elif key == "info":
            conf.info.update(_table(value, name, "[info]", 'file = "..."'))
        elif isinstance(value, Mapping):
            raise BadConfig(
                f"{name}: unknown table [{key}]; use " + ", ".join(f"[{s}]" for s in SECTIONS)
            )
        else:
            conf.settings[setting_name(key)] = _value(setting_name(key), value)
            conf.written[setting_name(key)] = str(key)
    return conf


def _table(value: object, name: str, what: str, example: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise BadConfig(f"{name}: {what} must be a table: write {what} then {example}")
    return value


def conf_from_sheet(rows: Sequence[Sequence[object]]) -> Conf:
    """Read a kpixl.conf sheet: two columns, setting and value.

    A row ``[committees]`` starts a list of committee | meeting date; ``[columns]`` a list
    of header | field (or a period such as Apr-24); ``[indicators]`` rows of reference |
    field | value; ``[groups]`` rows of group | setting | value; ``[settings]`` returns to
    settings. A first row "Setting | Value" is a heading. A row ``Committee | name | date``
    adds one committee.

    >>> c = conf_from_sheet([["Setting", "Value"], ["Default tolerance", "10%"],
    ...                      ["[columns]"], ["Measure Ref", "ref"]])
    >>> c.settings, c.columns
    ({'default_tolerance': '10%'}, {'Measure Ref': 'ref'})
    """
    section = "settings"
    conf = Conf(where="kpixl.conf sheet")
    for row in rows:
        cells = list(row)
        if not cells or all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        key = cells[0]
        value = cells[1] if len(cells) > 1 else None
        third = cells[2] if len(cells) > 2 else None
        if not isinstance(key, str) or not key.strip():
            continue
        text = key.strip().lower()
        if text.startswith("[") and text.endswith("]"):
            section = text[1:-1].strip()
            if section not in SECTIONS:
                raise BadConfig(
                    f'kpixl.conf: unknown section "{key.strip()}"; use '
                    + ", ".join(f"[{s}]" for s in SECTIONS)
                )
            continue
        if text in ("setting", "settings", "key", "name") and section == "settings":
            continue  # the sheet's own heading row
        if section == "committees":
            conf.committees[key.strip()] = "" if value is None else str(_value("", value))
        elif section == "columns":
            if value is not None and str(value).strip():
                conf.columns[key.strip()] = str(value).strip()
        elif section == "indicators":
            if value is not None and third is not None:
                conf.indicators.setdefault(key.strip(), {})[str(value).strip()] = third
        elif section == "groups":
            if value is not None and third is not None:
                name = setting_name(value)
                conf.groups.setdefault(key.strip(), {})[name] = _value(name, third)
        elif section in ("table", "benchmark", "info"):
            if value is not None:
                name = "_".join(key.strip().lower().replace("-", " ").split())
                getattr(conf, section)[name] = value
        elif setting_name(key) in ("committee", "committees"):
            if value is not None and str(value).strip():
                conf.committees[str(value).strip()] = (
                    "" if third is None else str(_value("", third))
                )
        else:
            name = setting_name(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            conf.settings[name] = _value(name, value)
            conf.written[name] = key.strip()
    return conf


def apply_conf(settings: Settings, conf: Conf, where: str | None = None) -> Settings:
    """``settings`` updated from a kpixl.conf sheet or kpixl.toml; every problem is a
    BadConfig naming where it was written."""
    place = where or conf.where
    changes: dict[str, object] = dict(conf.settings)
    if conf.committees:
        changes["committees"] = {**settings.committees, **conf.committees}
    for name, value in changes.items():
        try:
            settings = settings.updated(**{name: value})
        except KpixlError as e:
            raise BadConfig(f'{place}, "{conf.written.get(name, name)}": {e}') from None
    if conf.indicators:
        merged = dict(settings.indicators)
        for ref, given in conf.indicators.items():
            merged[" ".join(ref.split()).lower()] = _override(ref, given, place)
        settings = _replace(settings, indicators=MappingProxyType(merged))
    if conf.groups:
        groups = dict(settings.groups)
        members = dict(settings.members)
        for group, given in conf.groups.items():
            given = dict(given)
            refs = given.pop("refs", None)
            if refs is not None:
                if isinstance(refs, str):
                    refs = [r for r in refs.replace(";", ",").split(",") if r.strip()]
                if not isinstance(refs, (list, tuple)):
                    raise BadConfig(
                        f'{place}, [groups."{group}"] refs: write a list, e.g. refs = ["BBF05"]'
                    )
                members.update({str(r).strip().lower(): group for r in refs})
            try:
                groups[group] = settings.scheme.updated(**given)
            except KpixlError as e:
                raise BadConfig(f'{place}, [groups."{group}"]: {e}') from None
        settings = _replace(
            settings, groups=MappingProxyType(groups), members=MappingProxyType(members)
        )
    for section, known in (
        ("table", TABLE_KEYS),
        ("benchmark", BENCHMARK_KEYS),
        ("info", INFO_KEYS),
    ):
        for key in getattr(conf, section):
            if key not in known:
                raise BadConfig(
                    f'{place}, [{section}] "{key}": unknown; use one of: ' + ", ".join(known)
                )
    return settings


def _replace(settings: Settings, **changes: object) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)  # type: ignore[arg-type]


def _override(ref: str, given: Mapping[str, object], place: str) -> Override:
    """One [indicators."REF"] entry, each field checked as it will be read."""
    clean: dict[str, object] = {}
    for key, value in given.items():
        name = " ".join(str(key).replace("-", " ").lower().split()).replace(" ", "_")
        if name not in OVERRIDE_FIELDS:
            raise BadConfig(
                f'{place}, [indicators."{ref}"] "{key}": unknown; use one of: '
                + ", ".join(OVERRIDE_FIELDS)
            )
        try:
            if name == "polarity":
                parse_polarity(value)
            elif name == "target":
                parse_target(value)
            elif name == "tolerance":
                parse_tolerance(value)
            elif name == "method":
                parse_method(value)
            elif name == "frequency" and words(str(value)) not in FREQUENCY_WORDS:
                raise BadConfig(f"write Monthly, Quarterly, Termly or Annual, not {value!r}")
            elif name == "cumulative":
                value = (
                    value
                    if isinstance(value, bool)
                    else str(value).strip().lower()
                    in (
                        "1",
                        "true",
                        "yes",
                    )
                )
        except KpixlError as e:
            raise BadConfig(f'{place}, [indicators."{ref}"] {key}: {e}') from None
        clean[name] = value
    return Override(**clean)  # type: ignore[arg-type]
