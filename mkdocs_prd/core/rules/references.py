"""PRD311: a local requirement id the page refers to (``see FR-7``) that nothing on the page defines.

A PRD's own ids (``FR-n``, ``NFR-n``, ``UC-n``) are the ones :func:`~mkdocs_prd.core.trace.ids.local_ids`
reads from its requirements and use cases, plus ids struck out on the page (withdrawn: ``~~FR-4~~``).
A reference is such an id written in the text of the sections whose references must resolve
(Problem, Users & Use Cases, Requirements, UX / API / Data, Risks, Acceptance, Rollout, IOSM).
Not references, never reported:

* another PRD's id, qualified with its Track ID (``payments:FR-7``, PRD601's business) or a link
  to another page (``[FR-7](payments.md#fr-7)``); an id inside a word, path or URL
  (``PAY-FR-7``, ``/FR-7``, ``FR-7.2``);
* ids in code, HTML comments, front matter and struck text; the ends of a range of ids (``FR-1 to
  FR-5``: a range names "all of them" loosely);
* where the page tells history or plans: Goals / Non-goals, Scope, the Appendix (change log, open
  questions), sections of the page's own (``## Decision log``), a subsection titled so (``###
  Deferred``, ``### Out of scope``), and a line saying the id was removed, renamed or replaced;
* an id standing where it would be defined (the start of a line, item or heading, a whole table
  cell, ``(FR-7, Must)``) in its own section: a requirement in a form the parser does not read is
  not a dangling reference;
* a kind of id the page defines none of (requirements written without ids), does not number
  plainly throughout (``REQ-PAY-001``, ``FR-PAY-1`` or no id beside ``FR-2``: ``FR-1`` may be the
  author's short name for one), or gives twice (PRD303: the numbering is being changed);
* an id in a range or list of ids that sums up the page's own (``FR-1 to FR-5``, ``UC-1 and UC-2``
  beside a page with UC-1 only: a summary left from the template, not a pointer).

Cheap: two regex passes that skip to each ``FR`` and ``UC`` find the ids (0.03 ms for a 7 kB page);
a page whose ids are all defined (nearly every page) costs nothing more.  Only the lines of
undefined ids are looked at closely.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from mkdocs_prd.core.model import Prd, Section, Severity
from mkdocs_prd.core.parse.lines import CODE, COMMENT, front_matter_end, scan
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote
from mkdocs_prd.core.rules.placeholders import code_spans

_TAIL = r"[-\u2010\u2011\u2013]?0*([0-9]{1,4})(?![\w\-]|\.[0-9])"
_PATTERNS = (
    ("FR", re.compile(r"FR(?<!NFR)" + _TAIL)),
    ("NFR", re.compile(r"NFR" + _TAIL)),
    ("UC", re.compile(r"UC" + _TAIL)),
)
"""A local id as written in prose, in capitals: ``FR-7``, ``FR7``, ``NFR-2``, ``UC-3``, ``FR‑7``.  Each
pattern opens with letters, so the engine skips to each ``FR``, ``NFR`` and ``UC`` as ``str.find``
does (a pattern opening with a choice or a lookbehind is tried at every position of the page)."""
_NOT_BEFORE = frozenset(":/#.-_\u2010\u2011\u2013")
"""Before an id, what makes it part of a qualified id, path, URL or word (so do letters and digits)."""


class _Ref(NamedTuple):
    """An id written in the text: offsets, kind (``FR``, ``NFR``, ``UC``), number, as written."""

    start: int
    end: int
    kind: str
    number: int
    text: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.number)


_OWN_ID = re.compile(r"(NFR|FR|UC)-(?:[A-Z]{1,12}-){0,3}0*([0-9]{1,4})")
"""A defined id's kind and number, through a category: ``FR-1`` may be ``FR-PAY-1``'s short form."""
_RANGE_JOIN = re.compile(
    r"[ \t]*(?:\.\.\.?|[-\u2013\u2014\u2026]|(?:to|through|thru|until|bis|a|hasta|à|até|au)\b)[ \t]*$",
    re.IGNORECASE,
)
"""What joins the ends of a range of ids (``FR-1 to FR-5``, ``FR-1..FR-5``, ``FR-1–FR-5``)."""
_LIST_JOIN = re.compile(
    r"[ \t]*(?:[,;/&+][ \t]*(?:(?:and|or)\b)?|\b(?:and|or|und|oder|y|o|et|ou|e)\b)[ \t]*$", re.IGNORECASE
)
"""What joins the ids of a list (``UC-1 and UC-2``, ``(FR-1, FR-2)``), in the languages read."""
_CHECKED = frozenset({"problem", "users", "requirements", "ux", "risks", "acceptance", "rollout", "iosm"})
"""Template sections whose references must resolve (the rest tell history, plans or questions)."""
_DEFINED_IN = {"FR": "requirements", "NFR": "requirements", "UC": "users"}
_PLAN_TITLES = re.compile(
    r"defer|out of scope|future|later|backlog|removed|dropped|won.?t|history|change|supersed|deprecat"
    r"|question|decision|parking|next step|follow.?up|alternative|rejected",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:removed|dropped|deleted|withdrawn|renamed|renumbered|merged|superseded|replaced|formerly"
    r"|previously|deprecated|obsolete|retired|no longer|split into|moved to|was (?:N?FR|UC)"
    r"|entfernt|gestrichen|ersetzt|eliminad[oa]|suprimid[oa]|supprimée?|remplacée?|removid[oa]|substituíd[oa])",
    re.IGNORECASE,
)
"""Words saying a line tells an id's history (``FR-7 was merged into FR-3``), in the languages read."""
_DEFINITION_LEAD = re.compile(r"[ \t>]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?[#*_\[`~ \t]*")
_STRUCK = re.compile(r"~~.+?~~|<(del|s|strike)>(?:(?!</?\1>).)*</\1>", re.IGNORECASE)
"""Struck text; an open tag's search stops at the next tag of its name, so a line of unclosed
``<s>`` is read once, not once per tag."""
_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
_LINK = re.compile(r"\[([^\[\]]*)\](?:\(([^()\s]*)(?:\s[^()]*)?\)|\[[^\[\]]*\])")


@page_rule(
    "PRD311",
    Severity.WARNING,
    "a local requirement id (`FR-7`, `NFR-2`, `UC-3`) is referred to in the text (`see FR-7`, an "
    "acceptance criterion, a risk) but no requirement or use case on the page defines it; ids of other "
    "PRDs are qualified with their Track ID (`payments:FR-7`, PRD601) and are not reported here",
)
def undefined_reference(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    text = ctx.text if "\r" not in ctx.text else "\n".join(ctx.lines)
    defined = _defined(prd)
    kinds = {kind for kind, _ in defined}
    undefined = _undefined_refs(text, defined, kinds)
    if not undefined:
        return  # (nearly every page: each id it names is defined)
    kinds -= _renumbered(prd) | _irregular(prd)
    withdrawn = _struck_ids(text) if "~~" in text or "<" in text else set()
    undefined = [r for r in undefined if r.kind in kinds and r.key not in withdrawn]
    if not undefined:
        return
    lines = list(ctx.lines)
    line_kinds = scan(lines, front_matter_end(lines) + 1).kinds
    starts = _line_starts(text)
    reported: set[tuple[str, int]] = set()
    seen: dict[int, _Line | None] = {}  # each line is looked at once, however many ids it holds
    section_starts = [sec.line for sec in prd.sections]
    sub_starts: dict[int, list[int]] = {}
    for ref in undefined:
        if ref.key in reported:
            continue
        n = _line_of(starts, ref.start)
        if not 1 <= n <= len(lines) or line_kinds[n - 1] in (CODE, COMMENT):
            continue
        if n not in seen:
            seen[n] = _line(prd.sections, section_starts, sub_starts, lines[n - 1], n, defined)
        info = seen[n]
        if info is None or not info.reference(ref.start - starts[n - 1], ref):
            continue
        reported.add(ref.key)
        kind, number = ref.key
        own = sorted(num for k, num in defined if k == kind)
        yield Hit(
            n,
            f"{quote(ref.text)} is referred to, but no {_WHAT[kind]} on this page defines "
            f"{kind}-{number} (it defines {_span(kind, own)})",
            f"Define {kind}-{number}, correct the id, or qualify another PRD's id with its Track ID "
            f"(`track-id:{kind}-{number}`)",
        )


_WHAT = {"FR": "functional requirement", "NFR": "non-functional requirement", "UC": "use case"}


def _undefined_refs(text: str, defined: set[tuple[str, int]], kinds: set[str]) -> list[_Ref]:
    """:func:`_refs` of a kind in ``kinds`` and not ``defined``.  This runs on every page, and every
    page names its own ids many times: the numbers of each kind are compared as a set first (one
    C-level ``findall``), and only a kind with a number that is not the page's is walked."""
    out: list[_Ref] = []
    for kind, pattern in _PATTERNS:
        if kind not in kinds:
            continue
        own = {str(number) for k, number in defined if k == kind}
        if set(pattern.findall(text)) <= own:
            continue
        out.extend(ref for ref in _matches(text, kind, pattern) if str(ref.number) not in own)
    out.sort()
    return out


def _matches(text: str, kind: str, pattern: re.Pattern[str]) -> Iterator[_Ref]:
    for m in pattern.finditer(text):
        at = m.start()
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _NOT_BEFORE):
            yield _Ref(at, m.end(), kind, int(m.group(1)), m.group())


def _refs(text: str) -> list[_Ref]:
    """The ids written in ``text``, in order, that are not part of a word, path, URL or qualified id."""
    return sorted(ref for kind, pattern in _PATTERNS for ref in _matches(text, kind, pattern))


def _defined(prd: Prd) -> set[tuple[str, int]]:
    """The page's ids (its requirements' and use cases', as :func:`~mkdocs_prd.core.trace.ids.local_ids`
    reads them) as (kind, number); a category is read through (``FR-PAY-1`` is FR 1)."""
    out: set[tuple[str, int]] = set()
    idents = [r.id for r in (*prd.functional, *prd.non_functional)] + [u.id for u in prd.use_cases]
    for ident in idents:
        if ident:
            head, _, number = ident.upper().rpartition("-")
            kind = head.partition("-")[0]
            if kind in _DEFINED_IN and number.isdigit() and len(number) <= 4:
                out.add((kind, int(number)))
    return out


_PLAIN_ID = re.compile(r"(NFR|FR|UC)-[0-9]{1,4}")


def _irregular(prd: Prd) -> set[str]:
    """Kinds of item the page does not all number plainly (``FR-n``): with one named ``REQ-PAY-001``,
    ``FR-PAY-1`` or not numbered at all, a bare ``FR-1`` may be the author's short name for it."""
    out: set[str] = set()
    for kind, items in (
        ("FR", [r.id for r in prd.functional]),
        ("NFR", [r.id for r in prd.non_functional]),
        ("UC", [u.id for u in prd.use_cases]),
    ):
        if any(_plain_kind(ident) != kind for ident in items):
            out.add(kind)
    return out


def _plain_kind(ident: str | None) -> str | None:
    m = _PLAIN_ID.fullmatch((ident or "").upper())
    return m.group(1) if m is not None else None


def _renumbered(prd: Prd) -> set[str]:
    """Kinds of id the page gives twice (PRD303): their numbering is being changed, so a reference
    to the id one of them should have (``FR-1 to FR-3`` when FR-2 is written twice) is that fault."""
    seen: set[tuple[str, int]] = set()
    twice: set[str] = set()
    items = [r.id for r in (*prd.functional, *prd.non_functional)] + [u.id for u in prd.use_cases]
    for ident in items:
        m = _OWN_ID.fullmatch((ident or "").upper())
        if m is not None:
            key = (m.group(1), int(m.group(2)))
            if key in seen:
                twice.add(key[0])
            seen.add(key)
    return twice


def _struck_ids(text: str) -> set[tuple[str, int]]:
    """Ids named in struck text: withdrawn or renumbered (``~~FR-4~~ FR-5``), still known to readers."""
    return {ref.key for ref in _refs(" ".join(m.group() for m in _STRUCK.finditer(text)))}


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _line_of(starts: Sequence[int], offset: int) -> int:
    return bisect_right(starts, offset)


class _Line:
    """What PRD311 needs to know of one line that names an undefined id: where references cannot be
    (code, comments, struck text, links to other pages), the ids that sum up the page's own, and
    whether an id opening the line or a cell is defined there.  Built once per line, in linear time."""

    def __init__(self, line: str, own_section: str | None, defined: set[tuple[str, int]]) -> None:
        self.line = line
        self.own_section = own_section
        self.masked = _merged(sorted(_masked(line)))
        self.summed = _summed(line, defined)

    def reference(self, column: int, ref: _Ref) -> bool:
        """Whether the id ``ref`` at ``column`` is a reference that must resolve on this page."""
        at = bisect_right(self.masked, (column, len(self.line) + 1)) - 1
        if at >= 0 and self.masked[at][0] <= column < self.masked[at][1]:
            return False
        if column in self.summed:
            return False
        own = self.own_section == _DEFINED_IN[ref.kind]
        return not (own and _definition_place(self.line, column, len(ref.text)))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans joined where they overlap (a link holding code), so one bisect finds a column's."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _line(
    sections: Sequence[Section],
    starts: Sequence[int],
    sub_starts: dict[int, list[int]],
    line: str,
    n: int,
    defined: set[tuple[str, int]],
) -> _Line | None:
    """The line ``n`` as :class:`_Line`, or None where no reference on it is checked: outside the
    sections whose references must resolve, on a section heading, under a subsection about plans or
    history, or on a line telling an id's history (``starts``: the sections' first lines)."""
    section = _at(sections, starts, n)
    if section is None or section.key not in _CHECKED or n == section.line:
        return None
    sub = _innermost(section, n, sub_starts)
    if sub is not None and _PLAN_TITLES.search(sub.title):
        return None
    if _HISTORY.search(line) is not None:
        return None
    return _Line(line, section.key, defined)


def _summed(line: str, defined: set[tuple[str, int]]) -> set[int]:
    """Columns of the ids of ``line`` that are one of a range or list of ids summing up the page's
    own (``FR-1 to FR-5``, ``UC-1 and UC-2`` left from the template beside UC-1): a range names the
    ids between loosely, and a list with a defined id in it names the set; only an id on its own
    (``see FR-7``) or among other undefined ones points at something that must exist.  One pass."""
    ids = _refs(line)
    out: set[int] = set()
    lo = 0
    while lo < len(ids):
        hi, ranged = lo, False
        while hi + 1 < len(ids) and (join := _joined(line, ids[hi], ids[hi + 1])):
            ranged |= join == "range"
            hi += 1
        group = ids[lo : hi + 1]
        if len(group) > 1 and (ranged or any(ref.key in defined for ref in group)):
            out.update(ref.start for ref in group)
        lo = hi + 1
    return out


def _joined(line: str, left: _Ref, right: _Ref) -> str | None:
    """``range`` or ``list`` when only a joiner stands between two ids, else None."""
    between = line[left.end : right.start]
    if len(between) > 16:
        return None
    if _RANGE_JOIN.fullmatch(between) is not None:
        return "range"
    return "list" if _LIST_JOIN.fullmatch(between) is not None else None


def _at(sections: Sequence[Section], starts: Sequence[int], n: int) -> Section | None:
    """The section (of ``sections``, first lines ``starts``) that line ``n`` is in, by bisection."""
    at = bisect_right(starts, n) - 1
    return sections[at] if at >= 0 and n <= sections[at].end_line else None


def _innermost(section: Section, n: int, starts: dict[int, list[int]]) -> Section | None:
    """The deepest subsection of ``section`` that line ``n`` is in (``starts`` keeps each level's
    first lines, by the section's ``id``, so a page of many subsections is bisected, not scanned)."""
    found: Section | None = None
    current = section
    while current.subsections:
        subs = current.subsections
        if id(current) not in starts:
            starts[id(current)] = [s.line for s in subs]
        inner = _at(subs, starts[id(current)], n)
        if inner is None:
            return found
        found = current = inner
    return found


def _masked(line: str) -> Iterator[tuple[int, int]]:
    """Spans of ``line`` that hold no reference: code, comments, struck text, links to other pages."""
    if "`" in line:
        yield from code_spans(line)
    for mark, pattern in (("<!--", _COMMENT), ("~~", _STRUCK), ("<", _STRUCK)):
        if mark in line:
            yield from (m.span() for m in pattern.finditer(line))
    if "[" in line:
        for m in _LINK.finditer(line):
            target = m.group(2)
            if target is None or not target.startswith("#"):
                yield m.span()  # a link to another page (or a reference link) names that page's id


def _definition_place(line: str, column: int, length: int) -> bool:
    """Whether the id stands where a requirement or use case is defined: it opens the line (after a
    list marker, a box, heading marks, emphasis), fills a table cell, or opens a bracket after a title
    (``**Export** (FR-7, Must)``)."""
    lead = _DEFINITION_LEAD.match(line)
    if lead is not None and lead.end() >= column:
        return True
    before, after = line[:column].rstrip(" \t*_`[~"), line[column + length :].lstrip(" \t*_`]~")
    if before.endswith("|") and after.startswith("|"):
        return True
    return before.endswith("(") and after[:1] in (",", ")", ";", ":")


def _span(kind: str, numbers: Sequence[int]) -> str:
    """``FR-1 to FR-5`` for a run, else the ids (the first five)."""
    if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and len(numbers) > 2:
        return f"{kind}-{numbers[0]} to {kind}-{numbers[-1]}"
    shown = ", ".join(f"{kind}-{n}" for n in numbers[:5])
    return shown + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")


RULES = (undefined_reference,)
