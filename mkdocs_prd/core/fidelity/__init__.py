"""Markdown fidelity: a PRD page's Markdown rewritten so Python-Markdown reads it as CommonMark/GFM does.

Host-free (no MkDocs, no Python-Markdown): a text -> text normalisation that the MkDocs
plugin and the Python-Markdown extension for other hosts both run on a PRD page after
the fragments are in place.  Authors write PRDs against GitHub or their editor
(CommonMark/GFM); Python-Markdown differs on a few constructs the template itself uses:

* nested list items need 4 spaces per level (CommonMark: the parent's content column,
  2 or 3 spaces after ``-`` or ``1.``), so 2- and 3-space nesting came out flat;
* a list or table directly under a paragraph line (``**Error handling:**`` then
  ``- 400: ...``) needs a blank line in between, else it is run into the paragraph;
* a list or block that ends a list without a blank line needs one;
* ``1)`` ordered items are not list items to Python-Markdown;
* task items, footnotes and ``> [!NOTE]`` alerts need extensions a site may not enable
  (:class:`Features`): without them they become inline HTML, a footnote list and a
  titled quote, with the extension they are left to it (alerts become admonitions when
  ``admonition`` is on).

Only lines are re-indented, blank lines inserted and markers rewritten: no author text
is dropped.  Line numbers of findings refer to the source and are not affected (this
runs on the page after the findings were made).  Ordered-list start numbers and the
separation of a bullet list from an ordered list need the sane-list behaviour that the
Python-Markdown extension piece (:mod:`mkdocs_prd.adapters.markdown.lists`) switches on for PRD pages.
"""

from __future__ import annotations

import re

from mkdocs_prd.core.fidelity.features import Features, features_from_extensions
from mkdocs_prd.core.fidelity.footnotes import _footnotes
from mkdocs_prd.core.fidelity.lists import _Hold, _Tag
from mkdocs_prd.core.fidelity.quotes import _container
from mkdocs_prd.core.fidelity.syntax import html_block_kind

__all__ = [
    "Features",
    "features_from_extensions",
    "fences_in_list_items",
    "fences_in_paragraphs",
    "html_block_kind",
    "normalise",
]


def normalise(markdown: str, features: Features | None = None, hold: _Hold = None, tag: _Tag = None) -> str:
    """``markdown`` (a PRD page) rewritten so Python-Markdown renders its CommonMark/GFM block structure.

    ``features`` says which extensions the site enables (default: none, MkDocs'
    built-in set).  ``hold``, when given, takes the raw text of each HTML block that
    starts with a block-level tag (or is a tag alone on its line) and returns a
    one-line placeholder (an HTML comment) to put in its place; the caller swaps the
    text back after Markdown.  Python-Markdown would otherwise run such a block on to
    its closing tag, reading the Markdown between (a list inside ``<details>``) as
    raw HTML.  ``tag``, when given, does the same for the small inline elements the
    pass writes itself (a task item's checkbox on a site without a task-list
    extension): a word in the text costs Python-Markdown nothing, where each raw tag
    goes through its HTML parsers twice.  Returns the text unchanged where nothing differs.
    """
    features = features or Features()
    lines = markdown.split("\n")
    if not features.footnotes and "[^" in markdown:  # one search of the page, not one per line
        lines = _footnotes(lines)
    out = _container(lines, features, hold, tag)
    return "\n".join(out)


def fences_in_list_items(lines: list[str], features: Features | None = None) -> list[int]:
    """1-based numbers of the lines that open a fenced code block inside a container: a list
    item, a quote (an alert too), or the body of an admonition, details block or tab that
    ``features`` enables.

    Python-Markdown's ``fenced_code`` only sees fences at the start of a line: inside a
    container such a block renders as indented code or inline code with its fence marks
    showing, unless the site enables ``pymdownx.superfences``.
    """
    return [n for n in _fence_lines(lines, features) if n > 0]


def fences_in_paragraphs(lines: list[str], features: Features | None = None) -> list[int]:
    """1-based numbers of the lines that open a fence (in pairs: the first of each two) where
    CommonMark reads them as paragraph text: indented 4 or more columns past the paragraph or
    item text right above (``**Request:**`` then ```` ```json```` indented 4).  GitHub shows
    the lines as the text's continuation (inline code); ``pymdownx.superfences`` puts a code
    block inside the paragraph."""
    found = sorted(-n for n in _fence_lines(lines, features) if n < 0)
    return found[::2]


def _fence_lines(lines: list[str], features: Features | None) -> list[int]:
    """The container pass's record of fence lines: in containers (positive), as paragraph
    text (negative)."""
    # Such a fence is indented, quoted or on an item's line: a page without such a line has
    # none, and most pages are skipped without the scan.
    if not _may_open_fence("\n".join(lines)):
        return []
    found: list[int] = []
    _container(lines, features or Features(), at=(found, 0))
    return sorted(set(found))


_MAY_OPEN_FENCE = re.compile(
    r"^(?:[ \t>]+(?:```|~~~)|[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]+(?:```|~~~))", re.MULTILINE
)
"""A line that may open a fence in a container: indented or quoted, or after an item's marker
(most pages have none)."""


def _may_open_fence(text: str) -> bool:
    """Whether a line of ``text`` matches :data:`_MAY_OPEN_FENCE`: only the lines with a fence
    mark are tested (substring searches find them; most pages have a few fences or none)."""
    for mark in ("```", "~~~"):
        at = text.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            if _MAY_OPEN_FENCE.match(text, start) is not None:
                return True
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(mark, end)
    return False
