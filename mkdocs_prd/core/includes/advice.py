"""The hint of a finding whose section an included file's own heading ends on the page.

MkDocs-free.  An included file with a title of its own (``# Compliance NFRs``) or a
``## History`` ends the section it is included into: on the page, what the file holds
below that heading stands outside the section.  So a rule can find the section lacking
what the file holds (PRD304 "do not cover Security" with ``**NFR-2: Security**`` in the
file).  The finding stands (the page's outline is as read), but the rule's usual hint (add
a requirement) would be wrong: for the rules about missing content the hint names the
included heading and says how to include only the part needed.  A heading that starts a
template section (``## 10. IOSM Targets``: a whole section included) is no such cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from mkdocs_prd.core.includes import Expanded
from mkdocs_prd.core.model import Finding, Prd, Section
from mkdocs_prd.core.parse.lines import is_blank
from mkdocs_prd.core.rules.base import quote

MISSING_CONTENT = frozenset({"PRD203", "PRD204", "PRD304", "PRD501"})
"""The rules whose findings say a section lacks something (empty, a missing subsection, an NFR
category, an IOSM gate): an included heading that cuts the section short may be why."""


def explain_cuts(findings: Iterable[Finding], prd: Prd, expanded: Expanded) -> list[Finding]:
    """``findings`` of ``prd`` (parsed from ``expanded.text``, lines not yet mapped back), the
    hint of each missing-content finding in a section an included heading cuts short replaced."""
    found = list(findings)
    if not any(f.rule in MISSING_CONTENT for f in found):
        return found
    lines = expanded.text.split("\n")
    cuts = [(s, cut) for s in _sections(prd.sections) if (cut := _cut(s, prd, lines, expanded)) is not None]
    out = []
    for f in found:
        if f.rule in MISSING_CONTENT:
            inner = [(s, cut) for s, cut in cuts if s.line <= f.line <= s.end_line]
            if inner:
                section, (heading, (file, line)) = max(inner, key=lambda item: item[0].line)
                f = replace(f, hint=_hint(section, heading, file, line, f.hint))
        out.append(f)
    return out


def _sections(sections: Iterable[Section]) -> Iterator[Section]:
    for s in sections:
        yield s
        yield from _sections(s.subsections)


def _cut(
    section: Section, prd: Prd, lines: list[str], expanded: Expanded
) -> tuple[str, tuple[str, int]] | None:
    """``(heading, (file, line))`` of the included heading that ends ``section``, if one does."""
    n = section.end_line + 1
    while n <= len(lines) and is_blank(lines[n - 1]):
        n += 1
    if n > len(lines) or not lines[n - 1].lstrip().startswith("#"):
        return None
    origin = expanded.origin[n - 1] if n <= len(expanded.origin) else None
    if origin is None:
        return None
    started = next((s for s in _sections(prd.sections) if s.line == n), None)
    if started is not None and started.key is not None:
        return None  # a template section included whole: meant to start there
    return lines[n - 1].strip(), origin


def _hint(section: Section, heading: str, file: str, line: int, usual: str) -> str:
    then = f". For what is still missing then: {usual[:1].lower()}{usual[1:]}" if usual else ""
    return (
        f"On the page, {quote(section.title)} ends at {quote(heading)}, line {line} of the included "
        f"{quote(file)}: "
        "what the file holds below that heading is outside the section. Include only the part "
        "you need (include-markdown's `start`/`end` arguments, a snippets section `file.md:name` "
        f"or a line range), or drop that heading from {quote(file)}{then}"
    )
