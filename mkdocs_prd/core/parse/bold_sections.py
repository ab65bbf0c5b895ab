"""Sections written as bold lines: ``**1. Problem**`` alone on its line instead of ``## 1. Problem``.

Documents exported from a word processor often title their sections with bold numbered
lines and use headings only below them (or not at all).  When a page's headings name
fewer than two template sections, but bold numbered lines alone on their line name at
least three, those lines are its sections (level 2).  A bold label inside a section
(``**Primary Personas**``, ``**Current state:**``, ``**FR-1: Export**``) carries no
section number and is never one; ``**Appendix**``, the template's one unnumbered
section, is one.
"""

from __future__ import annotations

from mkdocs_prd.core.parse.lines import HEADING, TEXT, Source, strip_bold
from mkdocs_prd.core.parse.sections import normalise_title, section_key, split_number, title_key

__all__ = ["promote_bold_sections"]

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
