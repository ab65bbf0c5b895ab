"""Keep the first lines of a PRD page that MkDocs would take for MultiMarkdown metadata.

Without YAML front matter, MkDocs (1.6) and ProperDocs read the lines at the top of a
page as MultiMarkdown ``key: value`` metadata up to the first blank line or the first
line of another shape, and drop them from the page.  On a PRD page those lines are the
author's text: a setext title ``PRD: Checkout`` over ``====`` (the key ``prd``), a
``Status: Draft`` or ``Title: …`` line.  MkDocs' reader stops at once at a blank first
line and removes the blank lines it then starts with, so a page given to it with one
blank line in front comes out as its own text, line for line: the parser's line
numbers stay right, and nothing is written to ``docs_dir``.

Zensical reads only YAML front matter, so this is needed on MkDocs and ProperDocs only.
"""

from __future__ import annotations

import re

__all__ = ["keep_first_lines", "without_front_matter"]

# The two patterns of mkdocs/utils/meta.py (the same in ProperDocs).
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")


def keep_first_lines(source: str) -> str | None:
    """``source`` (a page's decoded text) with a blank line in front when MkDocs' metadata
    reader would take its first line as a ``key: value`` pair; None when it would take none.

    A page with YAML front matter is read by the YAML reader instead (None), and so is a
    page whose first line is blank or of another shape (``# PRD: X``, ``**Status:** X``).
    """
    if _YAML_FRONT_MATTER.match(source):
        return None
    first = source.split("\n", 1)[0].rstrip("\r")
    if not first.strip() or _META_LINE.match(first) is None:
        return None
    return "\n" + source


def without_front_matter(source: str) -> str | None:
    """``source`` with its YAML front matter emptied (``---`` / ``{}`` / ``---``), so MkDocs
    reads no metadata from it and gets the same Markdown after it; None without front matter.

    For front matter whose aliases expand too far (PRD001): MkDocs' loader builds it as
    shared references, cheaply, but the theme prints ``title: *a39`` (2**40 values) with
    ``str`` and never finishes."""
    m = _YAML_FRONT_MATTER.match(source)
    return None if m is None else "---\n{}\n---\n" + source[m.end() :]
