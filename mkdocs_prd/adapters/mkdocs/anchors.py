"""Tell MkDocs which anchors a PRD page has, so its anchor validation knows them.

The plugin puts a requirement's anchor (``<span class="prd-anchor" id="fr-2">``) and
its fragments' ids on the page after Python-Markdown has run, where MkDocs 1.6 collects
a page's anchors (``Page.present_anchor_ids``).  Without this, a link to
``refund.md#fr-2`` (the documented way to link to a requirement) is reported as a
missing anchor, and fails ``mkdocs build --strict`` under ``validation: {anchors: warn}``.
"""

from __future__ import annotations

import re
from html import unescape

from mkdocs.structure.pages import Page

# Starts with its literal: the regex engine finds candidates with a fast substring search
# (a leading ``\s`` made it test every character of the page).  The space before is checked per hit.
_ID = re.compile(r'id="([^"]*)"')


def note_anchors(page: Page, html: str) -> None:
    """Add every ``id`` attribute of ``html`` (the page's finished content) to the anchors
    MkDocs knows for ``page``; nothing on a host without ``present_anchor_ids``."""
    present = getattr(page, "present_anchor_ids", None)
    if isinstance(present, set):
        found = _ID.finditer(html)
        present.update(unescape(m.group(1)) for m in found if html[m.start() - 1 : m.start()].isspace())


def rename_toc_ids(page: Page, renamed: dict[str, str]) -> None:
    """The page's table of contents follows its headings whose ids changed (``renamed``:
    ``{old: new}``, see :func:`mkdocs_prd.html.trace_html.separate_heading_ids`)."""
    stack = list(getattr(page, "toc", None) or [])
    while stack:
        link = stack.pop()
        new = renamed.get(getattr(link, "id", None) or "")
        if new is not None:
            link.id = new
        stack.extend(getattr(link, "children", None) or [])
