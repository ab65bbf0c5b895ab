"""Headings not written with ``#``: bold section lines, and which setext headings are structure.

Sections written as bold lines: ``**1. Problem**`` alone on its line instead of ``## 1. Problem``.

Documents exported from a word processor often title their sections with bold numbered
lines and use headings only below them (or not at all).  When a page's headings name
fewer than two template sections, but bold numbered lines alone on their line name at
least three, those lines are its sections (level 2).  A bold label inside a section
(``**Primary Personas**``, ``**Current state:**``, ``**FR-1: Export**``) carries no
section number and is never one; ``**Appendix**``, the template's one unnumbered
section, is one.
"""

from __future__ import annotations

from mkdocs_prd.core.parse.blocks import head_of, titled_by_id
from mkdocs_prd.core.parse.header import names_header
from mkdocs_prd.core.parse.lines import BLANK, HEADING, ITEM, RULE, TEXT, Source, is_rule, strip_bold
from mkdocs_prd.core.parse.sections import normalise_title, section_key, split_number, title_key

__all__ = ["promote_bold_sections", "setext_as_written"]


def setext_as_written(src: Source) -> None:
    """Keep as headings only the setext headings (text over ``---`` / ``===``) titled like
    one, in place: a title (level 1), a requirement or use-case id (``FR-2: Export (Should)``),
    a section number (``1. Problem``) or a template section's title (``Goals``).  Any other
    line over ``---`` (``Clerks copy invoices by hand.`` closing a section) stays text over
    a rule, as its author meant it, although Python-Markdown renders it as a heading."""
    kept = []
    kinds = src.kinds
    levels = {line: level for level, _, line in src.headings}
    for head in src.headings:
        level, text, line = head
        under = src.line(line + 1).strip()
        setext = line < len(kinds) and kinds[line] == BLANK and under[:1] in ("-", "=")
        if not setext or level == 1 or (_titled(text) and not _item_over_separator(src, head, levels)):
            kept.append(head)
            continue
        kinds[line - 1] = ITEM if line in src.items else TEXT
        kinds[line] = RULE if is_rule(under) else TEXT
    src.headings[:] = kept


_TITLE_WORDS = 6
"""The most words a section title over ``---`` has (the template's longest has four)."""


def _item_over_separator(src: Source, head: tuple[int, str, int], levels: dict[int, int]) -> bool:
    """Whether the setext heading ``head`` is a numbered list item over the template's ``---``
    separator: its line starts a list item, its title reads as a sentence (more than six
    words, or a full stop: ``5. Maintainability: the team changes rules without a deploy.``),
    and the next line that is not blank is a heading of its level or above (``## 7. Risks``),
    so as a heading it would title an empty section.  GitHub and the site show the item and a
    rule.  A section title over ``---`` (``1. Problem``, ``5. Open Questions``) stays one."""
    level, text, line = head
    title = split_number(text)[1].strip()
    if line not in src.items or (len(title.split()) <= _TITLE_WORDS and not title.endswith(".")):
        return False
    kinds = src.kinds
    n = line + 1  # (0-based) the line after the underline
    while n < len(kinds) and kinds[n] == BLANK:
        n += 1
    return 0 < levels.get(n + 1, 7) <= level


def _titled(text: str) -> bool:
    number, title = split_number(text)
    return (
        number is not None
        or titled_by_id(head_of(text))
        or title_key(title) is not None
        or names_header(title)
    )


_ENOUGH = 3


def promote_bold_sections(src: Source) -> None:
    """Make the bold section lines of ``src`` level-2 headings, in place (see the module)."""
    named = {title_key(split_number(text)[1]) for level, text, _ in src.headings if level <= 2} - {None}
    if len(named) >= 2:
        return
    found: list[tuple[int, str]] = []
    keys: set[str] = set()
    lines, kinds = src.lines, src.kinds
    for n in range(src.body_start, len(lines) + 1):
        line = lines[n - 1]
        if kinds[n - 1] != TEXT or line[:2] not in ("**", "__"):
            continue
        s = line.strip()
        inner = strip_bold(s)
        if inner == s or "**" in inner or "__" in inner:
            continue
        number, title = split_number(inner.rstrip(":").rstrip())
        key = section_key(number, title) if number is not None else None
        if key is None and normalise_title(title).startswith("appendix"):
            key = "appendix"  # the template's one unnumbered section
        if key is not None:
            found.append((n, inner.rstrip(":").rstrip()))
            keys.add(key)
    if len(keys) < _ENOUGH:
        return
    for n, text in found:
        kinds[n - 1] = HEADING
        src.headings.append((2, text, n))
    src.headings.sort(key=lambda h: h[2])
