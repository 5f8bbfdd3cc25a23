"""Read the ribbon XML (macros/customUI.xml): its buttons and the callbacks they name.

Every button must call the one dispatcher, which sends the button id to
``kpixl.ribbon.dispatch``; a test checks each id has a handler in ``kpixl.ribbon.HANDLERS``.

>>> xml = '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"><ribbon>'
>>> xml += '<tabs><tab id="t" label="KPI"><group id="g" label="G">'
>>> xml += '<button id="kpixl_help" label="Help" onAction="KpixlRibbon.OnAction"/>'
>>> xml += '</group></tab></tabs></ribbon></customUI>'
>>> button_ids(xml)
['kpixl_help']
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..bundled import macros_dir

NAMESPACE = "http://schemas.microsoft.com/office/2006/01/customui"
DISPATCHER = "KpixlRibbon.OnAction"


def _root(xml: str | bytes | Path | None) -> ET.Element:
    if xml is None:
        xml = macros_dir() / "customUI.xml"
    if isinstance(xml, Path):
        xml = xml.read_bytes()
    root = ET.fromstring(xml)  # raises ParseError if the XML is not well formed
    if root.tag != f"{{{NAMESPACE}}}customUI":
        raise ValueError(f"root element must be customUI in {NAMESPACE}")
    return root


def on_actions(xml: str | bytes | Path | None = None) -> dict[str, str]:
    """Map each control id that has an onAction to that callback, in document order.

    Reads macros/customUI.xml unless given XML text or a path.
    """
    actions: dict[str, str] = {}
    for element in _root(xml).iter():
        action = element.get("onAction")
        if action is not None:
            control = element.get("id")
            if not control:
                raise ValueError(f"a {element.tag} with onAction={action!r} has no id")
            if control in actions:
                raise ValueError(f"duplicate control id {control!r}")
            actions[control] = action
    return actions


def button_ids(xml: str | bytes | Path | None = None) -> list[str]:
    """The ids of the ribbon's buttons, in document order: the keys kpixl.ribbon must handle."""
    return [element.get("id", "") for element in _root(xml).iter(f"{{{NAMESPACE}}}button")]


def check_dispatch(xml: str | bytes | Path | None = None) -> list[str]:
    """Return the button ids after checking every callback is the one dispatcher.

    Raises ValueError naming any control that calls something else.
    """
    stray = {c: a for c, a in on_actions(xml).items() if a != DISPATCHER}
    if stray:
        raise ValueError(f"controls not calling {DISPATCHER}: {stray}")
    return button_ids(xml)
