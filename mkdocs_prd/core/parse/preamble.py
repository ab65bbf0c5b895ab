"""What may stand before a PRD's title and shows no text of the page's own.

A page is a PRD when it opens with its title (see :func:`~mkdocs_prd.core.parse.prd.is_prd`);
before the title a page may hold blank lines and what the reader sees as no text of the
page: HTML comments, decoration lines (badges, images, HTML tags without text, the ``[TOC]``
marker, link reference and abbreviation definitions: :func:`decoration`) and notes set off
from the page (admonitions ``!!! warning "Draft"`` with their indented body, pymdownx blocks
``/// warning`` … ``///``: :class:`Preamble`).  Linear: anchored patterns with bounded
repeats, one look per line.
"""

from __future__ import annotations

import re

__all__ = ["Preamble", "decoration"]

# ![alt](src), [![alt](src)](href), <img …>, <p align="center">: what a badge line holds.
_DECORATION = re.compile(
    r"\[?!\[[^\[\]\n]{0,200}\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,200}\")?\)(?:\]\([^()\s]{0,2000}\))?|<[^<>\n]{0,2000}>"
)
# "[jira]: https://…" (a link reference definition), "*[API]: Application…" (an abbreviation).
_DEFINITION = re.compile(r"\*?\[(?!\^)[^\[\]\n]{1,999}\]:[ \t]*\S")
# "!!! warning", '!!! note "Draft"', "??? info", "???+ tip": an admonition's first line.
_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]+\S")
# "/// warning | Draft", "//// details": a pymdownx block, closed by a line of as many slashes.
_BLOCK = re.compile(r"(/{3,})[ \t]*[A-Za-z]")


def decoration(line: str) -> bool:
    """Whether ``line`` shows no text of its own: badges and images (``![build](…)``,
    ``[![build](…)](…)``), HTML tags (``<p align="center">``, ``<img …>``), the table of
    contents marker ``[TOC]``, link reference and abbreviation definitions (``[jira]: https://…``,
    ``*[API]: Application Programming Interface``) and blanks only."""
    s = line.strip()
    if s[:1] not in ("!", "[", "<", "*"):
        return False
    if s == "[TOC]" or _DEFINITION.match(s):
        return True
    return s[:1] != "*" and not _DECORATION.sub("", s).strip()


class Preamble:
    """Follows the lines before a title, one at a time: :meth:`hidden` says whether a line is
    part of an HTML comment, an admonition or a pymdownx block (the reader sees no text of the
    page in it)."""

    def __init__(self) -> None:
        self._comment = False
        self._admonition = False
        self._block = ""  # the slashes that close the open pymdownx block

    def hidden(self, line: str) -> bool:
        s = line.strip()
        if self._comment:
            self._comment = "-->" not in s
            return True
        if self._block:
            self._block = "" if s == self._block else self._block
            return True
        if self._admonition and (not s or line[:1] == "\t" or line[:4] == "    "):
            return True
        self._admonition = False
        if s.startswith("<!--"):
            self._comment = "-->" not in s[4:]
            return True
        if _ADMONITION.match(line):
            self._admonition = True
            return True
        block = _BLOCK.match(line)
        if block is not None:
            self._block = block.group(1)
            return True
        return False
