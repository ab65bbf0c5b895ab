"""Which Markdown extensions a site enables, as the normalisation needs to know."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Features:
    """Which Markdown extensions the site enables (then their syntax is left to them)."""

    tasklist: bool = False
    footnotes: bool = False
    admonition: bool = False
    superfences: bool = False
    details: bool = False  # pymdownx.details: ``??? note`` blocks
    tabbed: bool = False  # pymdownx.tabbed: ``=== "Tab"`` blocks
    md_in_html: bool = False  # a ``markdown`` attribute on an HTML block is this extension's


_TASKLIST = {"pymdownx.tasklist", "markdown_checklist.extension", "mdx_tasklist"}
_EXTRA = {"extra", "markdown.extensions.extra", "pymdownx.extra"}  # bundles holding the ones below
_FOOTNOTES = {"footnotes", "markdown.extensions.footnotes", *_EXTRA}
_ADMONITION = {"admonition", "markdown.extensions.admonition"}
_SUPERFENCES = {"pymdownx.superfences", "pymdownx.extra"}
_DETAILS = {"pymdownx.details"}
_TABBED = {"pymdownx.tabbed"}
_MD_IN_HTML = {"md_in_html", "markdown.extensions.md_in_html", *_EXTRA}


def features_from_extensions(names: Iterable[object]) -> Features:
    """:class:`Features` from a site's ``markdown_extensions`` (names or extension objects)."""
    found: set[str] = set()
    for name in names:
        text = name if isinstance(name, str) else f"{type(name).__module__}"
        found.add(text.strip())
    mods = {n.rsplit(".", 1)[0] if n.startswith("pymdownx.") and n.count(".") > 1 else n for n in found}
    return Features(
        tasklist=bool(mods & _TASKLIST),
        footnotes=bool(mods & _FOOTNOTES),
        admonition=bool(mods & _ADMONITION),
        superfences=bool(mods & _SUPERFENCES),
        details=bool(mods & _DETAILS),
        tabbed=bool(mods & _TABBED),
        md_in_html=bool(mods & _MD_IN_HTML),
    )
