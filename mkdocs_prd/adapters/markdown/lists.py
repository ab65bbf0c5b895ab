"""Python-Markdown pieces for PRD pages: CommonMark list numbering and list separation, GFM strikethrough.

:func:`mkdocs_prd.core.fidelity.normalise` fixes what can be fixed in the text.  Two
things cannot: an ordered list's start number (``3.`` starts at 3 in CommonMark,
Python-Markdown always starts at 1) and a bullet list directly followed by an ordered
one (two lists in CommonMark, one in Python-Markdown).  :class:`PrdListsExtension`
switches Python-Markdown's own "sane lists" behaviour on while ``active`` is true and
restores the site's behaviour otherwise, so non-PRD pages render exactly as before.

GFM's ``~~struck~~`` text means something in a PRD (a withdrawn criterion, an answered
question, a replaced value): on a PRD page it renders as ``<del>`` when the site has no
extension of its own for it (``pymdownx.tilde``), never inside code (Python-Markdown's code
spans and fenced blocks are set aside before inline patterns run).

The MkDocs plugin sets ``active`` for the page it is rendering; a host without a plugin
(the Zensical extension) can set it from the page's text.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

_SANE = {
    "olist": (False, ["ol"], r"^[ ]{0,%d}((\d+\.))[ ]+(.*)"),
    "ulist": (True, ["ul"], r"^[ ]{0,%d}(([*+-]))[ ]+(.*)"),
}

_ATTRS = ("LAZY_OL", "SIBLING_TAGS", "CHILD_RE", "truly_sane")
"""The list processors' attributes the switch sets on PRD pages (restored on other pages)."""


class _Switch(Preprocessor):
    """Sets the list processors' behaviour for the page before the block parser runs."""

    def __init__(self, md: Markdown, ext: PrdListsExtension) -> None:
        super().__init__(md)
        self.ext = ext
        self.saved: dict[str, tuple[Any, ...]] = {}

    def run(self, lines: list[str]) -> list[str]:
        processors = self.md.parser.blockprocessors
        for name, (lazy, siblings, child) in _SANE.items():
            if name not in processors:
                continue
            proc: Any = processors[name]  # OListProcessor / UListProcessor (attributes set below)
            if name not in self.saved:
                self.saved[name] = tuple(proc.__dict__.get(attr) for attr in _ATTRS)
            if self.ext.active:
                if name == "olist":
                    proc.LAZY_OL = lazy
                proc.SIBLING_TAGS = siblings
                # The processor's own indent (mdx_truly_sane_lists sets 2), else the parser's.
                proc.CHILD_RE = re.compile(child % (getattr(proc, "tab_length", self.md.tab_length) - 1))
                if hasattr(proc, "truly_sane"):
                    # mdx_truly_sane_lists starts a new bullet list after every blank line
                    # (``truly_sane``): CommonMark keeps a loose list's items in one list.
                    proc.truly_sane = False
            else:
                saved = zip(_ATTRS, self.saved[name], strict=True)
                for attr, value in saved:
                    if value is None:
                        proc.__dict__.pop(attr, None)
                    else:
                        setattr(proc, attr, value)
        return lines


_STRIKE = r"(?<![~\\])~~(?=[^\s~])(.+?)(?<=[^\s~])~~(?!~)"
"""GFM strikethrough with two tildes: not opened before a blank, not closed after one."""

_STRIKE_EXTENSIONS = ("pymdownx.tilde", "mdx_del_ins", "markdown_del_ins", "del_ins")
"""Modules of extensions that render ``~~text~~`` themselves (then it is theirs)."""


class _Strike(InlineProcessor):
    """``~~text~~`` -> ``<del>text</del>`` on PRD pages of a site without a strikethrough extension."""

    def __init__(self, md: Markdown, ext: PrdListsExtension) -> None:
        super().__init__(_STRIKE, md)
        self.ext = ext

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[Element | None, int | None, int | None]:
        if not self.ext.active or _renders_strike(self.md):
            return None, None, None
        element = Element("del")
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


def _renders_strike(md: Markdown) -> bool:
    """Whether one of ``md``'s extensions renders ``~~text~~`` (:data:`_STRIKE_EXTENSIONS`)."""
    return any(type(e).__module__.startswith(_STRIKE_EXTENSIONS) for e in md.registeredExtensions)


class PrdListsExtension(Extension):
    """CommonMark list numbering and separation on PRD pages only (``active``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.active = False
        # First of all preprocessors (the block parser reads the attributes later); the
        # Python-Markdown extension runs it after its own page prep, which sets ``active``.
        self.priority = 100

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Switch(md, self), "prd_lists", self.priority)
        # Before emphasis (60), so ``~~**x**~~`` has its bold inside; after code spans,
        # escapes, links and raw HTML, which it leaves alone.
        md.inlinePatterns.register(_Strike(md, self), "prd_strike", 65)
