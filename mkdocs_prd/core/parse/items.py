"""The content of sections 2-8 and the appendix: goals, personas, use cases, scope,
requirements, risks, acceptance criteria, references, open questions, change log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from mkdocs_prd.core.decoration import without_struck
from mkdocs_prd.core.model import (
    ChangeLogRow,
    Criterion,
    Item,
    Persona,
    Problem,
    Requirement,
    Risk,
    ScopeBucket,
    Section,
    UseCase,
)
from mkdocs_prd.core.moscow import moscow
from mkdocs_prd.core.parse.blocks import (
    REQ_ID,
    Record,
    cell,
    entries,
    item_column,
    leading_id,
    records,
    tables,
    without_outline,
)
from mkdocs_prd.core.parse.criteria import criteria
from mkdocs_prd.core.parse.goals import goal_items, goal_tables, part_named, scope_tables
from mkdocs_prd.core.parse.inline import without_comments
from mkdocs_prd.core.parse.lines import Source, bold_label, strip_bold
from mkdocs_prd.core.parse.priority import inline_id, inline_priority, leading_level
from mkdocs_prd.core.parse.req_parts import PRIORITY_NAMES, REQUIREMENT_LABELS
from mkdocs_prd.core.parse.req_tables import table_requirements
from mkdocs_prd.core.parse.risks import pick, risks, template_columns
from mkdocs_prd.core.parse.sections import label_lines, normalise_title, subsection_key
from mkdocs_prd.core.parse.users import parse_users

_REQ_ID = re.compile(REQ_ID, re.IGNORECASE)
# A tracker's key opening a requirement under a requirements heading ("- SF-101: Save filter"):
# its id, as in a requirements table's ID column; not another item's id (UC-, US-, AC-).
_TRACKER_KEY = re.compile(r"(?!(?:UC|US|AC)-)[A-Z][A-Z0-9]{1,9}-[0-9]{1,6}(?![0-9A-Za-z])")
# What a heading under an empty "Non-Functional Requirements" heading names when it is an NFR.
_NFR_TOPIC = re.compile(
    r"perform|latenc|speed|throughput|secur|privacy|reliab|availab|resilien|durab|scal|capacity|maintain"
    r"|usabil|accessib|a11y|complian|observab|monitor|portab|compatib|locali|i18n|recover|backup",
    re.IGNORECASE,
)
_NAME_END = " \t:.-–—,;"


@dataclass(slots=True)
class Items:
    """What :func:`parse_items` found; the fields mirror :class:`~mkdocs_prd.core.model.Prd`.

    Lists while collecting (appending to tuples would be quadratic on huge pages).
    """

    goals: list[Item] = field(default_factory=list)
    non_goals: list[Item] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    use_cases: list[UseCase] = field(default_factory=list)
    scope: list[ScopeBucket] = field(default_factory=list)
    functional: list[Requirement] = field(default_factory=list)
    non_functional: list[Requirement] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    references: list[Item] = field(default_factory=list)
    open_questions: list[Item] = field(default_factory=list)
    changelog: list[ChangeLogRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_items(src: Source, sections: tuple[Section, ...]) -> Items:
    """Read the items of every template section found in ``sections``."""
    items = Items()
    for sec in sections:
        key = sec.key
        if key == "goals":
            _goals(src, sec, items)
        elif key == "users":
            _users(src, sec, items)
        elif key == "scope":
            items.scope.extend(_scope(src, sec))
        elif key == "requirements":
            _requirements(src, sec, items)
        elif key == "risks":
            items.risks.extend(risks(src, sec))
        elif key == "acceptance":
            items.criteria.extend(criteria(src, sec))
        elif key == "appendix" or key is None:
            _appendix(src, sec, items)
    return items


def _own_end(sec: Section) -> int:
    """The last line of a section's text before its first subsection."""
    return sec.subsections[0].line - 1 if sec.subsections else sec.end_line


def _as_items(src: Source, start: int, end: int) -> tuple[Item, ...]:
    return tuple(entries(src, start, end))


def _own_part(sec: Section, *keys: str) -> str | None:
    """The part a section's own title names when it is one half of a split section (``## Non-Goals``)."""
    key = subsection_key(sec.title)
    return key if key in keys else None


def _goals(src: Source, sec: Section, items: Items) -> None:
    """Goals and non-goals: list items under their parts (the section's own list is its
    own part, or goals), and table columns named by a part (see :mod:`.goals`)."""
    parts = {"goals": items.goals, "non_goals": items.non_goals}
    own = part_named(sec.title) if not sec.subsections else None
    regions = [(own, sec.line + 1, _own_end(sec))]
    goals, non_goals = goal_items(
        src, sec.line + 1, _own_end(sec), "non_goals" if own == "non_goals" else "goals"
    )
    items.goals += goals
    items.non_goals += non_goals
    for sub in sec.subsections:
        part = part_named(sub.title)
        if part is not None:
            parts[part].extend(_as_items(src, sub.line + 1, sub.end_line))
        regions.append((part, sub.line + 1, sub.end_line))
    for part, start, end in regions:
        goals, non_goals = goal_tables(src, start, end, part)
        items.goals += goals
        items.non_goals += non_goals


def _users(src: Source, sec: Section, items: Items) -> None:
    personas, use_cases = parse_users(src, sec, _own_part(sec, "personas", "use_cases"))
    items.personas += personas
    items.use_cases += use_cases


@lru_cache(maxsize=1024)
def bucket_name(title: str) -> str:
    """``MVP (Must-Have)`` -> ``MVP``; ``V1.1 (Should-Have)`` -> ``V1.1``; others as written."""
    norm = normalise_title(title)
    first = norm.split(" ", 1)[0] if norm else ""
    if first == "mvp":
        return "MVP"
    if norm.startswith("v1 1"):
        return "V1.1"
    if first in ("future", "later"):
        return first.capitalize()
    return strip_bold(title).strip()


def _scope(src: Source, sec: Section) -> tuple[ScopeBucket, ...]:
    buckets: list[ScopeBucket] = []
    # Bold labels (``**MVP:**``) in the section's own text open buckets too.
    label_lines = [
        (n, pair[0])
        for n, line in src.visible(sec.line + 1, _own_end(sec))
        if line.startswith("**") and (pair := bold_label(line)) is not None and not pair[1]
    ]
    ends = [n - 1 for n, _ in label_lines[1:]] + [_own_end(sec)]
    # A table before any label or subsection: its columns or phase column give the buckets.
    first = label_lines[0][0] - 1 if label_lines else _own_end(sec)
    buckets += scope_tables(src, sec.line + 1, first, bucket_name)
    parts = [(n, label, end) for (n, label), end in zip(label_lines, ends, strict=False)]
    parts += [(sub.line, sub.title, sub.end_line) for sub in sec.subsections]
    for n, title, end in parts:
        bucket = ScopeBucket(name=bucket_name(title), title=title, line=n, items=_as_items(src, n + 1, end))
        rows = [i for b in scope_tables(src, n + 1, end, bucket_name, bucket) for i in b.items]
        buckets.append(replace(bucket, items=tuple(sorted((*bucket.items, *rows), key=lambda i: i.line))))
    return tuple(buckets)


def _requirements(src: Source, sec: Section, items: Items) -> None:
    own = _own_part(sec, "functional", "non_functional")
    regions: list[tuple[str | None, int, int]] = [(own, sec.line + 1, _own_end(sec))]
    group: str | None = None  # an empty "### Non-Functional Requirements" over sibling headings
    for sub in sec.subsections:
        if leading_id(_REQ_ID, without_outline(sub.title)) is not None:
            # "### FR-2: Title": the subsection is the requirement, its bullets its attributes.
            regions.append((None, sub.line, sub.end_line))
        elif sub.key in ("functional", "non_functional"):
            group = None if sub.has_content else sub.key
            regions.append((sub.key, sub.line + 1, sub.end_line))
        elif group == "non_functional" and _NFR_TOPIC.search(sub.title) is not None:
            # "### Performance" after an empty "### Non-Functional Requirements": one of its
            # requirements, titled by the heading.
            regions.append((group, sub.line, sub.end_line))
        else:
            regions.append((sub.key, sub.line + 1, sub.end_line))
    for key, start, end in regions:
        if start == sec.line + 1 and sec.subsections and start > end:
            continue
        found = _grouped(records(src, start, end, REQUIREMENT_LABELS), key, bool(sec.subsections))
        ids = {r.id.upper() for r in found if r is not None and r.id}
        # A table row that repeats an id read above (a traceability or summary table) is not a
        # second requirement.
        found += [r for r in table_requirements(src, start, end, key) if not r.id or r.id.upper() not in ids]
        with_ids = any(r is not None and r.id for r in found)
        for req in sorted((r for r in found if r is not None), key=lambda r: r.line):
            if (
                req.form == "list"
                and req.id
                and not req.attributes
                and req.priority is None
                and _seen(items, req.id)
            ):
                continue  # "- FR-1: the month is the invoice month." under notes: about FR-1
            # (a bold title or heading repeating an id defines it again: PRD303 names it)
            bare = not req.attributes and req.priority is None
            if with_ids and bare and not req.id and req.form != "table":
                continue  # "#### Dependencies", "**Notes:**", a note among FR-n blocks: not one
            if req.kind == "functional":
                items.functional.append(req)
            else:
                items.non_functional.append(req)


def _grouped(recs: list[Record], region: str | None, has_subsections: bool) -> list[Requirement | None]:
    """The requirements of ``recs``; a heading or label that is only a MoSCoW level
    (``#### Must have``, ``**Should:**``) groups the requirements after it: it is their
    priority where they give none, and not a requirement itself."""
    out: list[Requirement | None] = []
    group: str | None = None
    for rec in recs:
        if rec.form == "block" and not rec.attrs:
            level = moscow(rec.head.rstrip(":").strip(" *_:"))
            if level is not None:
                group = rec.head.strip(" *_:")
                continue
        req = _requirement(rec, region, has_subsections)
        if req is not None and req.priority is None and group is not None:
            # The level stands on the group heading: no badge goes on the requirement's own line.
            req = replace(req, priority=group, priority_line=req.line)
        out.append(req)
    return out


def _seen(items: Items, req_id: str) -> bool:
    """Whether a requirement with ``req_id`` (any case) was read above."""
    key = req_id.upper()
    return any(r.id and r.id.upper() == key for r in (*items.functional, *items.non_functional))


# A head that opens struck out: "~~FR-4: Store credit~~", "<del>FR-4</del>", inside emphasis or not.
_STRUCK_HEAD = re.compile(
    r"[*_]*(?:~~([^~]+)~~|<(del|s|strike)>([^<>]+)</\2>)[*_]*(.*)", re.IGNORECASE | re.DOTALL
)


def _withdrawn(head: str, *, named: bool = False) -> bool:
    """Whether a requirement's head is struck out: its id (``~~FR-4~~: Store credit``) or
    its whole title, perhaps with a remark (``**~~FR-4: Store credit~~** (dropped)``,
    ``~~**FR-4: Store credit**~~``, ``<del>…</del>``).  Struck words beside others
    (``FR-4: ~~Store~~ Wallet credit``, ``**~~Old~~ New**``) keep it; so does a struck id
    before a new one (``~~FR-4~~ FR-5: …``)."""
    m = _STRUCK_HEAD.match(head.strip())
    if m is None:
        # "**FR-4: ~~Store credit~~**": the id, then its whole name struck out.
        found = None if named else leading_id(_REQ_ID, strip_bold(head))
        return found is not None and bool(found[1]) and _withdrawn(found[1], named=True)
    struck = m.group(1) or m.group(3)
    rest = m.group(4).strip(" \t*_")
    if leading_id(_REQ_ID, struck.strip(" \t*_")) is not None:
        return not _renumbered_to(rest)  # "~~FR-4~~ FR-5: …" is a new number
    return not rest or rest[0] in "([–—:;,-"


_RENUMBER_MARKS = " \t*_→⇒➔>-–—"
"""What may stand between a struck-out id and the new one: ``~~FR-4~~ → FR-5``, ``-> FR-5``."""


def _renumbered_to(rest: str) -> str:
    """The head after a struck-out id when it starts with a new id (``→ FR-5: Bulk`` ->
    ``FR-5: Bulk``), else ""."""
    new = rest.lstrip(_RENUMBER_MARKS)
    return new if leading_id(_REQ_ID, new) is not None else ""


def _renumbered(head: str) -> str:
    """A head whose struck-out id stands before a new one is titled by the new one:
    ``~~FR-4~~ FR-5: Bulk refunds`` -> ``FR-5: Bulk refunds``; any other head as it is."""
    m = _STRUCK_HEAD.match(head.strip())
    if m is None or leading_id(_REQ_ID, (m.group(1) or m.group(3)).strip(" \t*_")) is None:
        return head
    return _renumbered_to(m.group(4).strip(" \t*_")) or head


def _requirement(rec: Record, region: str | None, has_subsections: bool) -> Requirement | None:
    head = without_comments(rec.head)  # "**FR-1: Export <!-- PAY-7 -->**": the page hides the note
    if _withdrawn(head):
        return None  # "**~~FR-4: Store credit~~** (dropped)": withdrawn, not a requirement
    head = _renumbered(head)
    opening = leading_level(head)
    if opening is not None:
        head = opening[1]  # "[Must] FR-2: Export": the level first, then the requirement
    found = leading_id(_REQ_ID, head)
    kind: Literal["functional", "non-functional"]
    text = without_comments(rec.text) or head
    in_brackets = inline_id(text) if found is None else None
    if found is not None:
        req_id: str | None = found[0]
        name = found[1]
    elif in_brackets is not None:
        # "1. **Export** (FR-1, Must): …": the id in brackets after the title.
        req_id = in_brackets[0]
        name = strip_bold(head.replace(text[in_brackets[1] : in_brackets[2]], " ")).strip(_NAME_END)
    elif region in ("functional", "non_functional") and (tracked := leading_id(_TRACKER_KEY, head)):
        req_id, name = tracked  # its kind is its region's, whatever its letters
    elif region in ("functional", "non_functional") or (region is None and not has_subsections):
        req_id = None
        name = head
    else:
        return None
    if req_id is not None and found is None and in_brackets is None:
        kind = "non-functional" if region == "non_functional" else "functional"
    elif req_id is not None and req_id[:1] in "fFnN":
        # "NFR-…" (any case) is the only id starting with N.
        kind = "non-functional" if req_id[0] in "nN" else "functional"
    else:  # no id, or a "REQ-…" id: functional or not by its region
        kind = "non-functional" if region == "non_functional" else "functional"
    attrs = rec.attributes()
    priority: str | None = opening[0] if opening is not None else None
    priority_line = rec.line if opening is not None else 0
    for a in attrs:
        if a.key.strip("*_ ").lower() in PRIORITY_NAMES:
            priority, priority_line = a.value, a.line
            break
    statement = " ".join((text, *rec.body) if rec.form == "list" else rec.body)
    if priority is None:
        inline = inline_priority(text)
        if inline is not None:
            # "… (Must)", "… — Priority: Must —": the marker is the priority, not part of the name.
            priority, priority_line = inline[0], rec.line
            marker = text[inline[1] : inline[2]]
            at = name.find(marker)
            if at > 0:
                name = name[:at].rstrip(_NAME_END)
            elif at == 0:
                name = name[len(marker) :].strip(_NAME_END)  # "**FR-5 (Must):** Archive"
            statement = statement.replace(marker, " ", 1)
    if name[:1] == "(" and name[-1:] == ")" and name.count("(") == 1:
        name = name[1:-1].strip()  # "**FR-1 (Export a month)**"
    if "~~" in name or "<" in name:
        name = without_struck(name)  # "FR-4: ~~Store~~ Wallet credit": renamed, the old name struck
    statement = " ".join(statement.split())
    return Requirement(kind, req_id, name, rec.line, rec.form, attrs, priority, priority_line, statement)


def _appendix(src: Source, sec: Section, items: Items) -> None:
    # A top-level "## Open Questions" / "## References" section counts like the subsection.
    own_key = subsection_key(sec.title) if sec.key is None else None
    if sec.key is None and own_key not in ("references", "open_questions", "change_log"):
        return
    regions: list[tuple[str | None, int, int]] = []
    if sec.key == "appendix":
        norm = normalise_title(sec.title)
        # "Appendix: Related Links" holds references directly.
        direct = "references" if ("link" in norm or "reference" in norm) else None
        regions.append((direct, sec.line + 1, _own_end(sec)))
    else:
        regions.append((own_key, sec.line + 1, _own_end(sec)))
    regions = _split_at_labels(src, *regions[0])
    regions += [(sub.key, sub.line + 1, sub.end_line) for sub in sec.subsections]
    for key, start, end in regions:
        if key == "references":
            items.references += _as_items(src, start, end)
        elif key == "open_questions":
            items.open_questions += _open_questions(src, start, end)
        if key == "change_log" or sec.key == "appendix":
            items.changelog += _changelog(src, start, end, strict=key != "change_log")


_APPENDIX_PARTS = frozenset({"references", "open_questions", "change_log"})


def _split_at_labels(src: Source, key: str | None, start: int, end: int) -> list[tuple[str | None, int, int]]:
    """The region ``start``-``end`` of an appendix, split where a bold label line names one of its
    parts, as exports and hurried authors title them: ``**References**``, ``**Open Questions:**``
    over their list (each part then reads as under its ``###`` heading)."""
    out: list[tuple[str | None, int, int]] = []
    for label in label_lines(src, start, end):
        part = subsection_key(label.text)
        if part in _APPENDIX_PARTS:
            out.append((key, start, label.line - 1))
            key, start = part, label.line + 1
    out.append((key, start, end))
    return out


_NO_QUESTIONS = frozenset(
    {
        "none",
        "n a",
        "na",
        "nil",
        "nothing",
        "no",
        "none yet",
        "none so far",
        "none for now",
        "none currently",
        "none at present",
        "none at the moment",
        "none at this time",
        "none at this point",
        "no open questions",
        "no questions",
        "no open questions yet",
        "no open questions at the moment",
        "not applicable",
        "nothing open",
        "none open",
        "no open items",
    }
)


def _open_questions(src: Source, start: int, end: int) -> tuple[Item, ...]:
    """The open questions; a lone ``- None at the moment.`` / ``- n/a`` says there are none.

    A question marked answered is not open: ``- [x] …``, struck through (``~~…~~``), or
    ending ``Resolved`` / ``Answered`` / ``✅``.  A table lists one per row, in its Question
    column (else its first column that is not an id): a Status cell saying it is settled
    (``Resolved``, ``Closed – 90 days``, ``Answered (2026-01-05)``) or an Answer / Decision
    cell with an answer in it leaves the row out."""
    found = _as_items(src, start, end)
    if len(found) == 1 and _says_none(found[0].text):
        return ()
    out = [q for q in found if not _answered(q.text)]
    for table in tables(src, start, end):
        col = table.column("question")
        col = col if col >= 0 else item_column(table)
        if col < 0:
            continue
        status = table.column("status", "resolved", "state")
        answer = table.column("answer", "decision", "resolution", "outcome")
        rows = [(n, cell(cells, col).strip(), cells) for n, cells in table.rows]
        if len(rows) == 1 and _says_none(rows[0][1]):
            continue  # | None | |: there are none
        for n, text, cells in rows:
            if not text or _answered(text) or (status >= 0 and _settled(cell(cells, status))):
                continue
            if answer >= 0 and answer != col and _an_answer(cell(cells, answer)):
                continue
            out.append(Item(text, n))
    return tuple(sorted(out, key=lambda q: q.line))


# "None; all resolved at launch review.", "N/A (see FAQ)": the words that say none, then a remark.
_REMARK = re.compile(r"[;,:(—–]|\.(?:\s|$)| - ")
# "All resolved at launch review.", "All open questions were answered", "All questions closed".
_ALL_ANSWERED = re.compile(
    r"all\s+(?:open\s+)?(?:questions\s+)?(?:are\s+|were\s+|have\s+been\s+)?(?:resolved|answered|closed|decided)\b",
    re.IGNORECASE,
)
# An answer after the question: "Partial refunds? — **Resolved:** no", "Q: …? / A: No".
_ANSWER_AFTER = re.compile(
    r"\?[\s/|—–-]*[*_]*(?:A|Answer|Decision|Resolved|Answered|Decided)[*_]*\s*:", re.IGNORECASE
)


def _says_none(text: str) -> bool:
    """Whether the lone item of an Open Questions list says there are none: ``None``, ``N/A``,
    also with a remark (``None; all resolved at launch review.``), or ``All resolved …``."""
    s = text.strip().strip("*_").strip()
    if normalise_title(s) in _NO_QUESTIONS or _ALL_ANSWERED.match(s) is not None:
        return True
    cut = _REMARK.search(s)
    return cut is not None and cut.start() > 0 and normalise_title(s[: cut.start()]) in _NO_QUESTIONS


_ANSWERED = re.compile(r"\b(?:resolved|answered|decided|closed|done)\W*$", re.IGNORECASE)
# A Status cell that opens with a settled state: "Resolved (2026-01-05)", "Closed – 90 days".
_SETTLED = re.compile(r"[\W_]*(?:resolved|answered|decided|closed|done|agreed|fixed)\b", re.IGNORECASE)
# An Answer cell that gives none: "", "-", "TBD", "Pending", "Open", "?".
_NO_ANSWER = re.compile(
    r"[\s*_\-\u2013\u2014?]*(?:(?:tbd|tbc|todo|pending|open|unknown|n/?a|none yet|to be decided)\b.*)?",
    re.IGNORECASE,
)


def _settled(status: str) -> bool:
    """Whether a question's Status cell says it is settled (see :func:`_answered`)."""
    return _answered(status) or _SETTLED.match(status) is not None


def _an_answer(text: str) -> bool:
    """Whether an Answer / Decision cell gives an answer (not empty, ``-``, ``TBD``, ``Pending``)."""
    return _NO_ANSWER.fullmatch(text.strip()) is None


_ANSWERED_MARKS = ("[x]", "[X]", "✅", "✔", "☑")


def _answered(text: str) -> bool:
    """Whether a question (or its Status cell) says it is answered: ``[x]``, ``✅``, struck
    through, ending ``Resolved`` / ``Answered`` / ``Decided`` / ``Closed`` / ``Done``, or with
    its answer after it (``… ? — **Resolved:** no``, ``Q: …? / A: No``)."""
    s = text.strip()
    if s.startswith(_ANSWERED_MARKS) or s.endswith(_ANSWERED_MARKS[2:]):
        return True
    if s.startswith("~~") and s.find("~~", 2) > 2:
        return True  # "~~Do we support Amex?~~ Resolved: yes"
    if "?" in s and _ANSWER_AFTER.search(s) is not None:
        return True  # "Partial refunds? — **Resolved:** no", "Q: Keep passwords? / A: No"
    return _ANSWERED.search(s) is not None


def _changelog(src: Source, start: int, end: int, strict: bool) -> tuple[ChangeLogRow, ...]:
    """Change-log rows; outside a Change Log subsection only a table with a Version column counts."""
    out: list[ChangeLogRow] = []
    for table in tables(src, start, end):
        if strict and table.column("version") < 0:
            continue
        columns = template_columns(
            table,
            ("version", "ver"),
            ("date", "when"),
            ("author", "by", "owner", "who"),
            ("change", "description", "summary", "notes", "what"),
        )
        for n, cells in table.rows:
            if any(cells):
                version, date, author, changes = pick(cells, columns)
                out.append(ChangeLogRow(version, date, author, changes, n))
    return tuple(out)
