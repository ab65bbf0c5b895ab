"""Requirements and acceptance criteria in every form real PRDs write them.

Each form is read into the model (id, name, line, priority and its MoSCoW level,
attributes), and the rules that read the model (PRD203, PRD204, PRD301, PRD302,
PRD306, PRD401) agree with it.  The real-world PRDs in ``fixtures/reqs`` come from a
new user's handbook site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.model import Finding, Prd, Requirement
from mkdocs_prd.core.moscow import moscow
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.priority import inline_id, inline_priority
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "reqs"

HEAD = """# PRD: X

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** x
**Owner:** Ana
**Status:** {status}

"""


def parse(body: str, status: str = "Draft") -> Prd:
    return parse_prd(HEAD.format(status=status) + body, "x.md")


def findings(body: str, status: str = "Draft") -> list[Finding]:
    text = HEAD.format(status=status) + body
    return check_page(parse_prd(text, "x.md"), text, Settings())


def rows(reqs: tuple[Requirement, ...]) -> list[tuple[str | None, str, str | None]]:
    return [(r.id, r.name, r.level) for r in reqs]


def attrs(req: Requirement) -> dict[str, str]:
    return {a.key: a.value for a in req.attributes}


# --- priorities ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Must", "Must"),
        ("**MUST**", "Must"),
        ("Must have", "Must"),
        ("must-have", "Must"),
        ("Should Have.", "Should"),
        ("could have", "Could"),
        ("Won't have", "Won't"),
        ("Won’t", "Won't"),
        ("WONT", "Won't"),
        ("Must / Should / Could", None),
        ("Urgent", None),
        ("P1", None),
        ("Must do it", None),
        ("", None),
        # A remark after the level, or a numbered priority naming its level (fresh2 #15).
        ("Should — nice for v1", "Should"),
        ("Must (launch blocker)", "Must"),
        ("Could, if time allows", "Could"),
        ("Won't have (this time)", "Won't"),
        ("P0 (Must)", "Must"),
        ("P1 - Should", "Should"),
        ("p2: could", "Could"),
        ("**Must** (P0)", "Must"),
        ("Must, Should or Could", None),  # the choice left unmade
        ("Should or Could", None),
        ("Could be nice", None),  # a sentence
        ("P0", None),  # P0 or P1 first: the number alone is no level
    ],
)
def test_moscow_reads_the_level_in_any_case_and_form(text: str, level: str | None) -> None:
    assert moscow(text) == level


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("**FR-2: Saved filters** (Could)", "Could"),
        ("**FR-3**: Export (Must)", "Must"),
        ("FR-4: Share (Must) — with a link", "Must"),
        ("**Export** (FR-1, Must): exports a CSV", "Must"),
        ("FR-5: Reward — Priority: Must — Acceptance: both credited.", "Must"),
        ("FR-6: Reward. **Priority:** Should have", "Should"),
        ("Export [Should]", "Should"),
        ("Export (must have)", "must have"),
        ("Export (see FR-2)", None),
        ("Users must export data", None),
        ("Export (mostly)", None),
        ("Export (Must / Should / Could)", "Must / Should / Could"),
        ("FR-3: Import (Priority: Should)", "Should"),
        ("FR-4: Share (MoSCoW: Could)", "Could"),
        ("FR-1: Saved filters — Must", "Must"),
        ("FR-6: Tag — *Should have*", "Should have"),
        ("FR-8: Merge, Must", "Must"),
        ("FR-11: Split - Could", "Could"),
        ("FR-9: Users must", None),
        ("FR-7: Bulk (P1)", None),
        # A bare level set off right after the bold title (fresh7 item 8).
        ("**FR-1: Policy per dataset** — Must. Acceptance: a policy for 100 % of datasets.", "Must"),
        ("**FR-1: Policy** - Must - Acceptance: a policy", "Must"),
        ("**FR-1: Policy** | Must | Acceptance: a policy", "Must"),
        ("**FR-1: Policy** – *Should have*; for every dataset", "Should have"),
        ("__FR-1: Policy__ — Could, later", "Could"),
        ("**FR-1: Policy**: Must. Acceptance: a policy", "Must"),
        ("**FR-1:** Policy — Must. Acceptance: a policy", "Must"),  # the bold part is the id only
        ("**[FR-1]** Policy | Should | for every dataset", "Should"),
        ("**FR-1:** Policy — must be kept for a year", None),
        ("**FR-1: Policy** — Mustang support", None),
        ("**FR-1: Policy** — must be kept for a year", None),
        # drift10: tags or a remark set off after a closing level
        ("FR-1: Save filter — Must #mvp", "Must"),
        ("FR-1: Save filter - Must `@frontend` #mvp", "Must"),
        ("FR-1: Save filter | Should | [UX]", "Should"),
        ("FR-1: Save filter — Must — JIRA: SF-12", "Must"),
        ("FR-1: Save filter, Could 🏷️ mvp", "Could"),
        ("FR-1: Export — Must (see FR-2)", "Must"),
        ("FR-1: Export — could be CSV #mvp", None),
        ("FR-1: Users — should they export? #q", None),
        ("FR-1: Export, must work offline — v2", None),
    ],
)
def test_inline_priority_forms(text: str, priority: str | None) -> None:
    found = inline_priority(text)
    assert (found[0] if found else None) == priority


def test_inline_id_only_opens_a_bracket() -> None:
    assert inline_id("**Export** (FR-1, Must): x") == ("FR-1", 11, 23)
    assert inline_id("Export [NFR-2]")[0] == "NFR-2"  # type: ignore[index]
    assert inline_id("Export (see FR-2)") is None
    assert inline_id("Export (FR-) and (NFR)") is None


# --- requirement forms -----------------------------------------------------------------

SIBLING_HEADINGS = """## 5. Requirements

### Functional Requirements

### FR-1: Sibling heading
- Description: a
- Acceptance: b
- Priority: Must

#### FR-2 - One level deeper
- Description: c
- Acceptance: d
- Priority: Should have

### [FR-3] Bracketed id
- Description: e
- Acceptance: f
- Priority: Could

### Non-Functional Requirements

### Performance
- Latency: P95 < 200 ms

### Security
- Data encrypted at rest
"""


def test_requirement_headings_at_any_level_below_the_section() -> None:
    prd = parse(SIBLING_HEADINGS)
    assert rows(prd.functional) == [
        ("FR-1", "Sibling heading", "Must"),
        ("FR-2", "One level deeper", "Should"),
        ("FR-3", "Bracketed id", "Could"),
    ]
    assert [r.line for r in prd.functional] == [13, 18, 23]
    assert attrs(prd.functional[0]) == {"Description": "a", "Acceptance": "b", "Priority": "Must"}
    # Headings under an empty "Non-Functional Requirements" heading are its requirements.
    assert [(r.kind, r.name) for r in prd.non_functional] == [
        ("non-functional", "Performance"),
        ("non-functional", "Security"),
    ]
    rules = [f.rule for f in findings(SIBLING_HEADINGS)]
    # No "Functional Requirements has no content", no missing Description/Acceptance/Priority,
    # no "Should have is not a priority".
    assert not {"PRD203", "PRD301", "PRD302"} & set(rules)


def test_requirement_headings_right_under_the_section_need_no_group_heading() -> None:
    body = "## 5. Requirements\n\n### FR-1: Export\n- Description: a\n- Acceptance: b\n- Priority: Must\n\n"
    body += "### NFR-1: Performance\n- Latency: 1 s\n"
    prd = parse(body)
    assert rows(prd.functional) == [("FR-1", "Export", "Must")]
    assert rows(prd.non_functional) == [("NFR-1", "Performance", None)]
    assert not [f for f in findings(body) if f.rule in ("PRD203", "PRD204", "PRD301")]


def test_an_empty_group_heading_over_other_headings_is_still_empty() -> None:
    body = "## 5. Requirements\n\n### Functional Requirements\n\n### Open Questions\n- Who signs off?\n\n"
    body += "### Non-Functional Requirements\n\n### Rollout notes\n- Ship on Monday\n"
    prd = parse(body)
    assert (prd.functional, prd.non_functional) == ((), ())
    empty = [f.message for f in findings(body) if f.rule == "PRD203"]
    assert empty == [
        "Section `Functional Requirements` has no content",
        "Section `Non-Functional Requirements` has no content",
    ]


def test_an_empty_group_heading_over_ordinary_headings_is_still_empty() -> None:
    body = "## 2. Goals\n\n### Goals\n\n### Non-Goals\n- x\n\n## 5. Requirements\n\n"
    body += "### Functional Requirements\n\n### Non-Functional Requirements\n- Performance: 1 s\n"
    empty = [f.message for f in findings(body) if f.rule == "PRD203"]
    assert empty == ["Section `Goals` has no content", "Section `Functional Requirements` has no content"]


def test_bold_title_with_plain_key_lines() -> None:
    body = "## 5. Requirements\n\n### Functional Requirements\n\n**FR-1: Export**\n\n"
    body += "Description: exports a CSV\nAcceptance: opens in Excel\nPriority: Must\n\n"
    body += "**FR-2: Import**\nDescription: reads a CSV\n\nAcceptance: rows appear\n\nPriority: won't have\n"
    prd = parse(body)
    assert rows(prd.functional) == [("FR-1", "Export", "Must"), ("FR-2", "Import", "Won't")]
    assert attrs(prd.functional[1]) == {
        "Description": "reads a CSV",
        "Acceptance": "rows appear",
        "Priority": "won't have",
    }
    assert not [f for f in findings(body) if f.rule in ("PRD301", "PRD302")]


def test_prose_under_a_requirement_heading_is_not_an_attribute() -> None:
    body = "## 5. Requirements\n\n### FR-1: Export\nThe export runs nightly, see https://x.example/a.\n"
    body += "It is what finance asked for in 2025 for their year-end close: all rows.\n- Priority: Must\n"
    req = parse(body).functional[0]
    assert [a.key for a in req.attributes] == ["Priority"]


INLINE = """## 5. Requirements

### Functional Requirements

- **FR-2: Saved filters** (Could)
- **FR-3**: Export (Must)
- FR-4: Share (Must) — with a link
1. **FR-1: Search by actor** (Must) — filter by user id.
- FR-5: Double-sided reward — Priority: Must — Acceptance: both credited.
1. **Export** (FR-6, Should): exports a CSV
- FR-7: Saved searches (Could)
- FR-8: Archive (Won't have)
- FR-9: Bulk edit
- [Must] FR-10: Merge
- **FR-11 (Should):** Split
- FR-12: Tag — Could
"""


def test_inline_priorities_and_bracketed_ids() -> None:
    prd = parse(INLINE)
    assert rows(prd.functional) == [
        ("FR-2", "Saved filters", "Could"),
        ("FR-3", "Export", "Must"),
        ("FR-4", "Share", "Must"),
        ("FR-1", "Search by actor", "Must"),
        ("FR-5", "Double-sided reward", "Must"),
        ("FR-6", "Export", "Should"),
        ("FR-7", "Saved searches", "Could"),
        ("FR-8", "Archive", "Won't"),
        ("FR-9", "Bulk edit", None),
        ("FR-10", "Merge", "Must"),
        ("FR-11", "Split", "Should"),
        ("FR-12", "Tag", "Could"),
    ]
    found = [(f.rule, f.message) for f in findings(INLINE) if f.rule in ("PRD302", "PRD306")]
    assert found == [("PRD306", "Requirement `FR-9` has no priority")]


def test_an_unmade_inline_choice_is_a_placeholder_not_a_priority() -> None:
    body = "## 5. Requirements\n\n### Functional Requirements\n\n- FR-1: Tag (Must / Should / Could)\n"
    req = parse(body).functional[0]
    assert (req.name, req.priority, req.level) == ("Tag", "Must / Should / Could", None)
    found = [(f.rule, f.line) for f in findings(body) if f.rule in ("PRD107", "PRD302", "PRD306")]
    assert found == [("PRD107", 13)]


TABLE = """## 5. Requirements

### Functional Requirements

| ID | Requirement | Acceptance Criteria | MoSCoW |
|----|-------------|---------------------|--------|
| FR-1 | Export | Opens in Excel | Must |
| **FR-2** | Import | Reads CSV | Should have |
| [FR-3] | Share | Link works | Could |

### Non-Functional Requirements

| Req ID | Description | Target | Priority |
|---|---|---|---|
| NFR-1 | Performance | P95 < 200 ms | Must |

## 7. Risks & Mitigations

| Risk | Impact | Probability | Mitigation |
|---|---|---|---|
| FR-1 slips | H | L | Cut scope |
"""


def test_requirements_as_a_table_with_varying_column_names() -> None:
    prd = parse(TABLE)
    assert rows(prd.functional) == [
        ("FR-1", "Export", "Must"),
        ("FR-2", "Import", "Should"),
        ("FR-3", "Share", "Could"),
    ]
    assert [r.line for r in prd.functional] == [15, 16, 17]
    assert {r.form for r in prd.functional} == {"table"}
    assert attrs(prd.functional[0])["Acceptance Criteria"] == "Opens in Excel"
    assert rows(prd.non_functional) == [("NFR-1", "Performance", "Must")]
    assert attrs(prd.non_functional[0])["Target"] == "P95 < 200 ms"
    quiet = {"PRD203", "PRD204", "PRD301", "PRD302", "PRD303", "PRD306"}
    assert not [f for f in findings(TABLE) if f.rule in quiet]


def test_a_table_that_repeats_ids_read_above_adds_no_requirement() -> None:
    body = "## 5. Requirements\n\n- FR-1: Export (Must)\n\n| ID | Test |\n|---|---|\n| FR-1 | test_export |\n"
    assert rows(parse(body).functional) == [("FR-1", "Export", "Must")]
    assert "PRD303" not in [f.rule for f in findings(body)]


def test_a_table_without_ids_or_a_requirement_column_is_not_requirements() -> None:
    body = "## 5. Requirements\n\n### Functional Requirements\n\n- Export (Must)\n\n"
    body += "| Metric | Target |\n|---|---|\n| Latency | 1 s |\n"
    assert rows(parse(body).functional) == [(None, "Export", "Must")]


# --- acceptance criteria ---------------------------------------------------------------


def test_ordered_task_lists_and_given_when_then_are_criteria() -> None:
    body = """## 8. Acceptance Criteria

1. [ ] Order placed
2. [x] Error shown
- **Given** a cart, **when** I pay, **then** an order exists
- ✅ Given a failed card, when I pay, then I see why
- ~~Given x, when y, then z~~
- Given nothing else (done) then fine (done)
- We were given a deadline.
- Then we ship.
"""
    prd = parse(body)
    assert [(c.line, c.checked) for c in prd.criteria if c.stated] == [
        (11, False),
        (12, True),
        (13, False),
        (14, True),
        (15, True),
        (16, True),
    ]
    # Plain items are listed criteria whose state is not written: counted, never met or open.
    assert [(c.line, c.checked) for c in prd.criteria if not c.stated] == [
        (17, False)
    ]  # "Then we ship." is a step
    unchecked = [f.message for f in findings(body, "Implemented") if f.rule == "PRD401"]
    assert unchecked == ["Status is Implemented but 2 of 6 acceptance criteria are unchecked"]


# --- the real-world PRDs -------------------------------------------------------------------


def test_real_world_heading_requirements_and_scenarios() -> None:
    text = (FIXTURES / "checkout-v2.md").read_text(encoding="utf-8")
    prd = parse_prd(text, "checkout-v2.md")
    assert rows(prd.functional) == [
        ("FR-1", "One-page checkout", "Must"),
        ("FR-2", "Wallet payments", "Should"),
    ]
    assert len(prd.criteria) == 2
    rules = [f.rule for f in check_page(prd, text, Settings())]
    assert "PRD203" not in rules and "PRD301" not in rules


def test_real_world_inline_priorities() -> None:
    text = (FIXTURES / "referrals.md").read_text(encoding="utf-8")
    prd = parse_prd(text, "referrals.md")
    assert rows(prd.functional) == [
        ("FR-1", "Double-sided reward", "Must"),
        ("FR-2", "Fraud check", "Must"),
        ("FR-3", "Share sheet on iOS/Android", "Should"),
    ]
    assert "PRD306" not in [f.rule for f in check_page(prd, text, Settings())]


NOTES_AMONG_REQUIREMENTS = """# PRD: Two

## 5. Requirements
### Functional Requirements
**FR-1: Export a month**
- Description: exports a month as CSV
- Acceptance: opens in Excel
- Priority: Must

**FR-2: Totals row**
- Description: ends with a totals row
- Acceptance: totals match
- Priority: Should

#### FR-1 and FR-2 together
Both run in the same export job.

**Notes:**
- FR-1: the month is the invoice month.
- FR-2 depends on FR-1.

#### FR-2 depends on FR-1
Because the totals need the month.

#### Dependencies
| From | To | Why |
|---|---|---|
| FR-2 | FR-1 | totals |

### Non-Functional Requirements
"""


def test_headings_and_notes_about_requirements_are_not_requirements() -> None:
    """Sentences that start with an id, notes repeating an id, and plain sub-headings among
    ``FR-n`` blocks are about the requirements: no second FR-1, no 'Notes' requirement."""
    prd = parse_prd(NOTES_AMONG_REQUIREMENTS, "x.md")
    assert [(r.id, r.level) for r in prd.functional] == [("FR-1", "Must"), ("FR-2", "Should")]
    rules = {f.rule for f in check_page(prd, NOTES_AMONG_REQUIREMENTS, Settings())}
    assert not rules & {"PRD301", "PRD303", "PRD306"}
    # A real second FR-1 with its own fields is still a duplicate.
    dup = NOTES_AMONG_REQUIREMENTS.replace(
        "### Non-Functional", "**FR-1: Again**\n- Description: d\n- Priority: Must\n\n### Non-Functional"
    )
    assert "PRD303" in {f.rule for f in check_page(parse_prd(dup, "x.md"), dup, Settings())}


GROUPED_BY_PRIORITY = """# PRD: Grouped

## 5. Requirements
### Functional Requirements
#### Must have
- **FR-1: Export a month** — exports all invoices of a month as CSV.

#### Should have
- **FR-2: Totals row** — totals equal the list's totals.
- **FR-3: Archive** (Could) — its own level wins.
"""


def test_requirements_grouped_under_moscow_headings_take_the_group_level() -> None:
    prd = parse_prd(GROUPED_BY_PRIORITY, "x.md")
    assert [(r.id, r.level) for r in prd.functional] == [
        ("FR-1", "Must"),
        ("FR-2", "Should"),
        ("FR-3", "Could"),
    ]
    rules = {f.rule for f in check_page(prd, GROUPED_BY_PRIORITY, Settings())}
    assert not rules & {"PRD301", "PRD306"}


_CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


def _nfr_4_and_5(first: str, second: str) -> str:
    """The clean PRD with its NFR-4 and NFR-5 blocks headed ``first`` and ``second``, each over
    a bullet that is no ``Key: value`` (fresh7's form)."""
    start, end = _CLEAN.index("**NFR-4: Scalability**"), _CLEAN.index("---", _CLEAN.index("**NFR-5"))
    body = f"{first}\n- 3 000 req/s at peak.\n{second}\n- Component has Storybook stories.\n\n"
    return _CLEAN[:start] + body + _CLEAN[end:]


@pytest.mark.parametrize(
    ("first", "second", "ident"),
    [
        ("**NFR-4: Scalability**", "**NFR-4: Maintainability**", "NFR-4"),
        ("#### NFR-4: Scalability", "#### NFR-4: Maintainability", "NFR-4"),
        ("**NFR-SCAL-1: Scalability**", "**NFR-SCAL-1: Maintainability**", "NFR-SCAL-1"),
        ("**REQ-Q-4: Scalability**", "**REQ-Q-4: Maintainability**", "REQ-Q-4"),
        ("**NFR-4: Scalability**", "**nfr-4: Maintainability**", "nfr-4"),
    ],
)
def test_a_duplicate_id_over_bullets_without_fields_is_reported(first: str, second: str, ident: str) -> None:
    """A requirement defined again under an id already used (a bold title or heading) is read, and
    PRD303 names it; its category counts for PRD304 (fresh7 item 4: the second NFR-4 was dropped as
    a note, no PRD303, and a false PRD304 asked for the Maintainability requirement)."""
    text = _nfr_4_and_5(first, second)
    prd = parse_prd(text, "x.md")
    assert [r.name for r in prd.non_functional][-2:] == ["Scalability", "Maintainability"]
    found = [(f.rule, f.message) for f in check_page(prd, text, Settings())]
    assert found == [
        ("PRD303", f"{ident} is already used on line {text.count(chr(10), 0, text.index(first)) + 1}")
    ]


@pytest.mark.parametrize(
    "second",
    ["**FR-2: Pay with a saved card (again)**\n- Works on iOS too.", "#### FR-2: Pay again\n\nOn iOS too."],
)
def test_a_duplicate_functional_id_without_fields_is_reported(second: str) -> None:
    text = _CLEAN.replace("### Non-Functional Requirements", f"{second}\n\n### Non-Functional Requirements")
    assert "PRD303" in {f.rule for f in check_page(parse_prd(text, "x.md"), text, Settings())}


@pytest.mark.parametrize("head", ["**FR-4: Policy per dataset**", "**FR-4:** Policy per dataset"])
@pytest.mark.parametrize("level", ["— Must.", "- Must -", "| Must |", "— **Must** —"])
def test_a_level_after_the_bold_title_is_the_priority(head: str, level: str) -> None:
    """``1. **FR-1: Policy per dataset** — Must. Acceptance: …``: the card counts a Must, trace reads
    it, no PRD306 (fresh7 item 8: 'Other 3' on the card, PRD306 three times)."""
    item = f"1. {head} {level} Acceptance: the catalogue shows a policy."
    text = _CLEAN.replace("### Non-Functional Requirements", f"{item}\n\n### Non-Functional Requirements")
    prd = parse_prd(text, "x.md")
    fr4 = prd.functional[3]
    assert (fr4.id, fr4.name, fr4.level) == ("FR-4", "Policy per dataset", "Must")
    assert check_page(prd, text, Settings()) == []


_TABLE = (
    "| ID | Requirement | Acceptance Criteria | {head} |\n|---|---|---|---|\n"
    "| FR-1 | Save a card | the wallet lists it | Must |\n"
    "| FR-2 | Pay with a saved card | CVC only | {cell} |\n"
)


@pytest.mark.parametrize("head", ["Priority", "MoSCoW", "Prio"])
def test_an_empty_priority_cell_is_an_empty_priority(head: str) -> None:
    """A requirements table with a Priority column and an empty cell in it: PRD302 'is empty', as
    an empty ``- Priority:`` bullet gets (was: no finding, a missed defect)."""
    start, end = _CLEAN.index("**FR-1: Save a card**"), _CLEAN.index("### Non-Functional Requirements")
    text = _CLEAN[:start] + _TABLE.format(head=head, cell=" ") + "\n" + _CLEAN[end:]
    found = [(f.rule, f.message) for f in check_page(parse_prd(text, "x.md"), text, Settings())]
    assert found == [("PRD302", "Priority of `FR-2` is empty")]
    filled = _CLEAN[:start] + _TABLE.format(head=head, cell="Should") + "\n" + _CLEAN[end:]
    assert check_page(parse_prd(filled, "x.md"), filled, Settings()) == []


@pytest.mark.parametrize(
    "head", ["Acceptance Criteria", "Acceptance", "Akzeptanzkriterien", "Criterios de aceptación"]
)
def test_an_empty_acceptance_cell_is_an_empty_acceptance(head: str) -> None:
    """A requirements table with an Acceptance column and an empty cell in it: PRD301 'has an empty
    Acceptance', as an empty ``- Acceptance:`` bullet gets (was: no finding)."""
    start, end = _CLEAN.index("**FR-1: Save a card**"), _CLEAN.index("### Non-Functional Requirements")
    table = _TABLE.format(head="Priority", cell="Should").replace("Acceptance Criteria", head)
    empty = table.replace("| CVC only |", "|  |")
    text = _CLEAN[:start] + empty + "\n" + _CLEAN[end:]
    found = [(f.rule, f.message) for f in check_page(parse_prd(text, "x.md"), text, Settings())]
    assert found == [("PRD301", "Requirement `FR-2` has an empty Acceptance")]
    filled = _CLEAN[:start] + table + "\n" + _CLEAN[end:]
    assert check_page(parse_prd(filled, "x.md"), filled, Settings()) == []


@pytest.mark.parametrize(
    "item",
    [
        "- **FR-1** Save filter — Must #mvp `@web`",
        "- FR-1: Save filter — Must — JIRA: SF-12",
        "- [ ] FR-1: Save filter | Must | [UX]",
    ],
)
def test_a_list_requirement_with_tags_after_its_level_keeps_its_name_and_level(item: str) -> None:
    """drift10: tags after a closing level hid it (PRD306) and became part of the name."""
    text = "# PRD: X\n\n## 5. Requirements\n\n### Functional Requirements\n\n" + item + "\n"
    prd = parse_prd(text, "x.md")
    assert [(r.id, r.name, r.priority) for r in prd.functional] == [("FR-1", "Save filter", "Must")]
    assert "PRD306" not in {f.rule for f in check_page(prd, text, Settings())}


# drift10: a requirements table's ID column holding a tracker's keys, as teams that keep
# requirements in Jira write it: the key is the requirement's id, its kind the subsection's.
TRACKED = (
    "# PRD: X\n\n## 5. Requirements\n\n### Functional Requirements\n\n"
    "| ID | Requirement | Acceptance | Priority |\n|---|---|---|---|\n"
    "| SF-101 | Save filter | Listed | Must |\n| [SF-102] | Rename filter | Renamed | Should |\n\n"
    "### Non-Functional Requirements\n\n| Key | Requirement |\n|---|---|\n| SF-201 | Save < 300 ms |\n"
)


def test_tracker_keys_in_a_requirements_tables_id_column_are_its_ids() -> None:
    prd = parse_prd(TRACKED, "x.md")
    assert [(r.id, r.kind, r.name) for r in (*prd.functional, *prd.non_functional)] == [
        ("SF-101", "functional", "Save filter"),
        ("SF-102", "functional", "Rename filter"),
        ("SF-201", "non-functional", "Save < 300 ms"),
    ]
    assert all(a.key != "ID" for r in prd.functional for a in r.attributes)


def test_a_tracker_key_used_twice_is_prd303() -> None:
    text = TRACKED.replace("[SF-102]", "SF-101")
    found = [f.message for f in check_page(parse_prd(text, "x.md"), text, Settings()) if f.rule == "PRD303"]
    assert found == ["SF-101 is already used on line 9"]


@pytest.mark.parametrize(
    "table",
    [
        # not under a requirements heading, no requirement column: no requirements
        "## 4. Scope\n\n| ID | Ticket |\n|---|---|\n| SF-101 | Epic |\n",
        # another item's id is no requirement's
        "## 5. Requirements\n\n### Functional Requirements\n\n"
        "| ID | Requirement |\n|---|---|\n| UC-1 | Pay |\n",
    ],
)
def test_other_keys_are_no_requirement_ids(table: str) -> None:
    prd = parse_prd("# PRD: X\n\n" + table, "x.md")
    assert all(r.id is None for r in prd.functional)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "### Functional Requirements\n\n- SF-101: Save filter (Must)\n",
            [("SF-101", "functional", "Save filter")],
        ),
        (
            "### Functional Requirements\n\n- **SF-101** Save filter — Must\n",
            [("SF-101", "functional", "Save filter")],
        ),
        (
            "### Functional Requirements\n\n- [SF-101] Save filter (Must)\n",
            [("SF-101", "functional", "Save filter")],
        ),
        (
            "### Functional Requirements\n\n#### SF-101: Save filter\n\n- Priority: Must\n",
            [("SF-101", "functional", "Save filter")],
        ),
        # its kind is its subsection's, whatever its letters
        (
            "### Non-Functional Requirements\n\n- FIN-12: Export in 2 s\n",
            [("FIN-12", "non-functional", "Export in 2 s")],
        ),
        # a sentence about keys, another item's id: no id
        (
            "### Functional Requirements\n\n- SF-101 and SF-102 together (Must)\n",
            [(None, "functional", "SF-101 and SF-102 together")],
        ),
    ],
)
def test_a_tracker_key_opening_a_requirement_is_its_id(
    body: str, expected: list[tuple[str | None, str, str]]
) -> None:
    prd = parse_prd("# PRD: X\n\n## 5. Requirements\n\n" + body, "x.md")
    assert [(r.id, r.kind, r.name) for r in (*prd.functional, *prd.non_functional)] == expected
