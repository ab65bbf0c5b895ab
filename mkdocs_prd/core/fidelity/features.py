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


_TASKLIST = {"pymdownx.tasklist", "markdown_checklist.extension", "mdx_tasklist"}
_FOOTNOTES = {"footnotes", "markdown.extensions.footnotes", "pymdownx.extra", "extra"}
_ADMONITION = {"admonition", "markdown.extensions.admonition"}
_SUPERFENCES = {"pymdownx.superfences"}


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
    )
