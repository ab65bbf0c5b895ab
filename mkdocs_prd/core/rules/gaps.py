"""Rules about content a PRD leaves out: PRD307 (a risk with no mitigation), PRD308 (an approved
PRD with no functional requirement), PRD309 (an acceptance criterion written as a check box that
is none, so no reader sees a box and the card may not count it), PRD310 (an approved requirement
whose acceptance is filler, so it cannot be tested)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mkdocs_prd.core.model import Attribute, Edit, Fix, Prd, Requirement, Risk, Severity
from mkdocs_prd.core.parse.lines import CODE, COMMENT, front_matter_end, indent_of, scan
from mkdocs_prd.core.parse.req_parts import ATTRIBUTE_NAMES
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote
from mkdocs_prd.core.rules.content import attribute_key, is_nfr_heading
from mkdocs_prd.core.rules.filler import is_filler, not_applicable
from mkdocs_prd.core.settings import Settings

_NO_MITIGATION = frozenset({"", "-", "\u2013", "\u2014"})
# What a requirement not read as one still looks like: an id, a list item, a table row.
_REQUIREMENT_TRACE = re.compile(r"\b(?:FR|REQ|R)-?\d|^\s*(?:[-*+]|\d{1,9}[.)])\s|^\s*\|", re.IGNORECASE)


@page_rule(
    "PRD307",
    Severity.WARNING,
    "a risk has no mitigation (its Mitigation cell is empty, `-`, or filler such as `TBD` or `TODO`)",
)
def unmitigated_risk(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    bare = [r for r in prd.risks if unmitigated(r)]
    if len(bare) > 1 and len(bare) == len(prd.risks):
        hint = "Add a Mitigation column saying how each risk is handled"
        yield Hit(bare[0].line, "No risk has a mitigation", hint)
        return
    for risk in bare:
        yield Hit(
            risk.line,
            f"Risk {quote(risk.risk, 40)} has no mitigation",
            "Say how the risk is avoided, reduced or accepted in its Mitigation cell",
        )


def unmitigated(risk: Risk) -> bool:
    """Whether a risk's Mitigation cell says nothing: empty, ``-``, or filler (``TBD``, ``TODO: ask ops``)."""
    text = risk.mitigation.strip(" \t*_")
    return text in _NO_MITIGATION or is_filler(text)


@page_rule(
    "PRD308",
    Severity.WARNING,
    "Status is Approved (or a later status of the site) but section 5 states no functional requirement",
)
def approved_without_requirements(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.metadata.get("status")
    section = prd.section("requirements")
    if prd.functional or status is None or section is None or not approved(status.value, ctx.settings):
        return
    nfr = [(s.line, s.end_line) for s in section.subsections if is_nfr_heading(s.title)]
    for n in range(section.line + 1, min(section.end_line, len(ctx.lines)) + 1):
        if not any(a <= n <= b for a, b in nfr) and _REQUIREMENT_TRACE.search(ctx.lines[n - 1]):
            return  # something is written there, in a form the parser does not read as a requirement
    yield Hit(
        section.line,
        f"Status is {quote(status.value)} but the PRD has no functional requirement",
        "Write the requirements as `**FR-n: Name**` blocks under `### Functional Requirements`, "
        "or set the Status back to Draft",
    )


def approved(status: str, settings: Settings) -> bool:
    """Whether ``status`` is Approved or a status the site lists after it (Implemented), in the
    site's words (``Settings.approved_statuses``: ``Freigegeben``, an ``approved_status``)."""
    return settings.is_approved(status)


@page_rule(
    "PRD310",
    # A warning, as PRD308 and PRD401 are for what an approval promises: an Approved PRD's
    # requirements are signed off to be built and tested, and one whose acceptance is `TBD` cannot
    # be tested, so `--strict` must fail on it. Not an error: the page is valid, and the site may
    # approve on purpose before QA writes the criteria (`rules: {PRD310: info}`).
    Severity.WARNING,
    "a requirement of an Approved (or later) PRD has no testable acceptance: its Acceptance is filler "
    "(`TBD`, `TODO`, `?`, `N/A`, `none`, `-`, `pending`, `offen`, `por definir`, `à définir`, a nested list "
    "of them), in a field, a table cell, on a list requirement's line, in any language the parts are read in "
    "(a Draft's is PRD110's info)",
)
def untestable_acceptance(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.metadata.get("status")
    if status is None or not approved(status.value, ctx.settings):
        return
    for req, attr, value, _ in untestable(prd, ctx.lines):
        name = req.id or req.name
        yield Hit(
            attr.line,
            f"Requirement {quote(name)} of a PRD that is {quote(status.value)} has no testable acceptance: "
            f"{quote(attr.key.strip(' *_'), 30)} is {quote(value)}",
            "Write how to verify it (an observable result, a threshold, a test), or set the Status back "
            "until the acceptance is agreed",
        )


Untestable = tuple[Requirement, Attribute, str, tuple[int, ...]]


def untestable(prd: Prd, lines: Sequence[str]) -> Iterator[Untestable]:
    """Each requirement's Acceptance that is filler: ``(requirement, attribute, the filler, the lines
    the filler is written on)``: the attribute's line, or the lines of the list nested under it."""
    for req in (*prd.functional, *prd.non_functional):
        for attr in req.attributes:
            if attribute_key(attr.key) not in ATTRIBUTE_NAMES["Acceptance"]:
                continue
            value = attr.value.strip(" \t*_")
            if value:
                if _filler(value):
                    yield req, attr, attr.value.strip(), (attr.line,)
            elif (nested := _nested_items(lines, attr.line)) and all(_filler(text) for _, text in nested):
                yield req, attr, " / ".join(text for _, text in nested), tuple(n for n, _ in nested)
        if req.form == "list" and not req.attributes and 1 <= req.line <= len(lines):
            inline = _INLINE_ACCEPTANCE.search(lines[req.line - 1])
            if inline is not None and _filler(inline.group(2)):
                # "- FR-5: Reward — Priority: Must — Acceptance: TBD": the parts on the item's line
                yield req, Attribute(inline.group(1), inline.group(2), req.line), inline.group(2).strip(), ()


_INLINE_ACCEPTANCE = re.compile(
    r"(?:^|[—–|;(]|\s-\s)[ \t]*\**((?:acceptance(?: criteria)?|akzeptanzkriterien|abnahmekriterien"
    r"|criterios? de aceptaci[oó]n|crit[eè]res? d.acceptation|crit[eé]rios? de aceita[cç][aã]o))\**[ \t]*:\**"
    r"[ \t]*([^—–|;()]+?)[ \t]*(?=$|[—–|;)]|\s-\s)",
    re.IGNORECASE,
)
"""An acceptance stated on a list requirement's own line, after a dash, bar or semicolon."""
_OTHER_FILLER = frozenset(
    {
        "pending",
        "open",
        "offen",
        "noch offen",
        "folgt",
        "zu klären",
        "zu definieren",
        "k. a.",
        "k.a.",
        "pendiente",
        "por definir",
        "a definir",
        "à définir",
        "à préciser",
        "à confirmer",
        "por confirmar",
        "a confirmar",
    }
)
"""Words that leave an acceptance unwritten besides PRD110's filler: `pending`, and the usual ones of
German, Spanish, French and Portuguese PRDs (`offen`, `por definir`, `à définir`, `a definir`)."""


def _filler(value: str) -> bool:
    v = value.strip(" \t*_")
    if v in ("?", "\u2753") or v.rstrip(".").casefold() in _OTHER_FILLER:
        return True
    return is_filler(v) or not_applicable(v)


_ITEM_MARK = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")


def _nested_items(lines: Sequence[str], line: int) -> list[tuple[int, str]]:
    """The items (1-based line, text) of the list nested under 1-based ``line`` (``- Acceptance:``
    over ``  - TBD``); empty when the next line with text is not such an item."""
    if not 1 <= line <= len(lines):
        return []
    own = indent_of(lines[line - 1])
    out: list[tuple[int, str]] = []
    for n, text in enumerate(lines[line:], line + 1):
        if not text.strip():
            if out:
                break
            continue
        m = _ITEM_MARK.match(text)
        if indent_of(text) <= own or m is None:
            break
        out.append((n, text[m.end() :].strip()))
    return out


_ALMOST_BOX = re.compile(
    r"(?P<indent>[ \t>]*)(?P<marker>(?:[-*+]|\d{1,9}[.)])?)(?P<gap>[ \t]*)"
    r"\[(?P<mark>[ \t]*[xX]?[ \t]*)\](?![(\[:])(?P<rest>.*)"
)
"""A line that opens with something like a task-list box: ``- []``, ``-[ ]``, ``[x]``, ``- [ x]``."""


@page_rule(
    "PRD309",
    Severity.WARNING,
    "a line of the acceptance criteria looks like a check box but is none (`- [] x`, `-[ ] x`, "
    "`- [ x] x`, `[x] x` without a list marker): GitHub and the site show the brackets as text, "
    "and the card may not count it as a criterion",
    fixable="a box whose state is plain (`[]`, `[ x]`, `[X ]`, `[  ]`, no blank after it) becomes `[ ]` or "
    "`[x]`, a marker without a blank gets one (`-[ ]`, `1.[ ]`), a box alone on a line that starts a "
    "list gets `- ` (after a blank line, a heading or another item); other lines are the author's",
)
def almost_a_check_box(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    sections = [s for s in prd.sections if s.key == "acceptance"]
    if not sections or "[" not in ctx.text:
        return
    lines = ctx.lines
    boxes = [
        (n, box)
        for sec in sections
        for n in range(sec.line + 1, min(sec.end_line, len(lines)) + 1)
        if "[" in lines[n - 1] and (box := _not_a_box(lines[n - 1])) is not None
    ]
    if not boxes:
        return  # (most pages: their boxes are right, no need to look for code blocks)
    kinds = scan(list(lines), front_matter_end(list(lines)) + 1).kinds
    starts: dict[int, bool] = {}  # line -> whether a list may start there (see _list_may_start)
    for n, (written, meant) in boxes:
        if kinds[n - 1] in (CODE, COMMENT):
            continue
        yield Hit(
            n,
            f"{quote(lines[n - 1].strip(), 60)} is not a check box: GitHub and the site show "
            f"{quote(written)} as text, and it may not be counted as an acceptance criterion",
            f"Write it as {quote(meant, 80)} (a list marker, a blank, then `[ ]` or `[x]`)",
            _box_fix(lines, n, kinds, starts),
        )


def _not_a_box(line: str) -> tuple[str, str] | None:
    """(what was written, the check box meant) for a line that almost opens with a task-list box."""
    m = _ALMOST_BOX.match(line)
    if m is None:
        return None
    marker, gap, inner, after = m.group("marker"), m.group("gap"), m.group("mark"), m.group("rest")
    # GFM's task-list item: a list marker, 1-4 blanks, one blank or x in the brackets, a blank after.
    if marker and 1 <= len(gap) <= 4 and inner in (" ", "\t", "x", "X") and after[:1] in ("", " ", "\t"):
        return None
    mark = inner.strip() or " "
    return f"{marker}{gap}[{inner}]".strip(), f"{marker or '-'} [{mark}] {after.strip()}".rstrip()


_LIST_START = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def _box_fix(lines: Sequence[str], n: int, kinds: Sequence[int], starts: dict[int, bool]) -> Fix | None:
    """The safe fix of line ``n``'s almost-box, when what the author meant is certain.

    Certain: the state in the brackets (blanks only is open, one ``x`` among blanks is done, its
    case kept), a missing blank after the marker or after the box, and a missing marker on a line
    where a list may start in every renderer: after a blank line, a heading or another list item
    (or a box that gets its marker too), at the same quote depth.  Not certain, left to the
    author: a marker whose blanks would make code (5 or more), an ``*`` that may open emphasis
    (another ``*`` on the line), a box without a marker that continues a paragraph
    (Python-Markdown keeps the line in it).  The answer never depends on another fix being
    applied first, so ``fixable`` in the JSON says what one ``--fix`` does.
    """
    m = _ALMOST_BOX.match(lines[n - 1])
    if m is None or not _fixable_shape(m):
        return None
    if not m.group("marker") and not _list_may_start(lines, n, m.group("indent"), kinds, starts):
        return None
    marker, gap, after = m.group("marker"), m.group("gap"), m.group("rest")
    mark = m.group("mark").strip() or " "
    blank = "" if after[:1] in (" ", "\t") or not after else " "
    box = f"{marker or '-'}{gap or ' '}[{mark}]{blank}"  # the author's blanks after a marker stay
    return Fix(
        f"Write the check box as `{box.strip()}`", (Edit(n, m.start("marker"), m.end("mark") + 1, box),)
    )


def _fixable_shape(m: re.Match[str]) -> bool:
    """No more than 4 blanks after the marker (5 make code), no ``*`` marker that may open emphasis."""
    return len(m.group("gap").replace("\t", "    ")) <= 4 and not (
        m.group("marker") == "*" and "*" in m.group("rest")
    )


def _list_may_start(
    lines: Sequence[str], n: int, indent: str, kinds: Sequence[int], starts: dict[int, bool]
) -> bool:
    """Whether a list item written on line ``n`` (after ``indent``: blanks and quote marks) starts
    or continues a list: the line above is blank (at the same quote depth), a heading or an item,
    or a box whose fix makes it an item.  ``starts`` keeps the answers for lines of the same quote
    depth, so a run of boxes without markers is walked once, not once per box."""
    depth = indent.count(">")
    walked: list[int] = []
    answer = True
    for k in range(n - 1, 0, -1):
        if k + 1 in starts:
            answer = starts[k + 1]
            break
        walked.append(k + 1)
        above = lines[k - 1]
        rest = above.lstrip(" \t>")
        if above.count(">", 0, len(above) - len(rest)) != depth:
            answer = False
            break
        if not rest.strip():
            break
        if kinds[k - 1] in (CODE, COMMENT):
            answer = False
            break
        if rest.startswith("#") or _LIST_START.match(above) is not None:
            break
        box = _ALMOST_BOX.match(above)
        if box is None or _not_a_box(above) is None or not _fixable_shape(box):
            answer = False
            break
        if box.group("marker"):
            break
    for line in walked:
        starts[line] = answer
    return answer


RULES = (unmitigated_risk, approved_without_requirements, almost_a_check_box, untestable_acceptance)
