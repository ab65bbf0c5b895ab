"""Which Markdown extensions a site enables, as the normalisation needs to know."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


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
    blocks: bool = False  # pymdownx.blocks: ``/// note`` ... ``///`` blocks
    math: bool = False  # pymdownx.arithmatex / mdx_math: ``$$`` ... ``$$`` blocks are TeX, not Markdown
    list_indent: int = 4  # spaces per level of nested lists the site's list parser reads


_TASKLIST = {"pymdownx.tasklist", "markdown_checklist.extension", "mdx_tasklist"}
_EXTRA = {"extra", "markdown.extensions.extra", "pymdownx.extra"}  # bundles holding the ones below
_FOOTNOTES = {"footnotes", "markdown.extensions.footnotes", *_EXTRA}
_ADMONITION = {"admonition", "markdown.extensions.admonition"}
_SUPERFENCES = {"pymdownx.superfences", "pymdownx.extra"}
_DETAILS = {"pymdownx.details"}
_TABBED = {"pymdownx.tabbed"}
_MD_IN_HTML = {"md_in_html", "markdown.extensions.md_in_html", *_EXTRA}
_MATH = {"pymdownx.arithmatex", "mdx_math"}


_TRULY_SANE = "mdx_truly_sane_lists"
"""Reads nested list items at ``nested_indent`` spaces (default 2), not Python-Markdown's 4
(TechDocs' techdocs-core adds it to every site)."""


def features_from_extensions(names: Iterable[object], configs: Mapping[str, Any] | None = None) -> Features:
    """:class:`Features` from a site's ``markdown_extensions`` (names or extension objects) and
    their options by name (MkDocs' ``mdx_configs``; an object carries its own)."""
    found: set[str] = set()
    list_indent = 4
    for name in names:
        text = name if isinstance(name, str) else f"{type(name).__module__}"
        found.add(text.strip())
        if text.strip().startswith(_TRULY_SANE):
            list_indent = _nested_indent(name, configs)
    mods = {n.rsplit(".", 1)[0] if n.startswith("pymdownx.") and n.count(".") > 1 else n for n in found}
    return Features(
        tasklist=bool(mods & _TASKLIST),
        footnotes=bool(mods & _FOOTNOTES),
        admonition=bool(mods & _ADMONITION),
        superfences=bool(mods & _SUPERFENCES),
        details=bool(mods & _DETAILS),
        tabbed=bool(mods & _TABBED),
        md_in_html=bool(mods & _MD_IN_HTML),
        math=bool(mods & _MATH),
        blocks=any(n.startswith("pymdownx.blocks") for n in found),
        list_indent=list_indent,
    )


def _nested_indent(extension: object, configs: Mapping[str, Any] | None) -> int:
    """mdx_truly_sane_lists' ``nested_indent`` (2 unless set; 1 to 8 taken, else 2)."""
    value: object = 2
    if isinstance(extension, str):
        options = (configs or {}).get(extension)
        if isinstance(options, Mapping):
            value = options.get("nested_indent", 2)
    else:
        get = getattr(extension, "getConfigs", None)
        value = get().get("nested_indent", 2) if callable(get) else 2
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 8 else 2
