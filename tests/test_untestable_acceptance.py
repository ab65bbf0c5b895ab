"""PRD310: a requirement of an Approved (or Implemented) PRD whose Acceptance is filler (`TBD`,
`TODO`, `?`, `N/A`, `none`, `-`, a nested list of them), in every form a requirement's acceptance is
written (a field, a bold label, a table cell, other languages).  A Draft's is PRD110's info, and the
approved one is reported once, not also as PRD110.  In process: parse and check one page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
_ACCEPTANCE = '- Acceptance: after a paid order with "Save this card" ticked, the wallet lists the card'
_FR1 = (
    "**FR-1: Save a card**\n"
    "- Description: a shopper can save the card they pay with, after an explicit opt-in\n"
)


def rules_on(text: str, status: str = "Approved") -> list[tuple[str, str]]:
    text = text.replace("**Status:** Approved", f"**Status:** {status}", 1)
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    lines = text.splitlines()
    return [(f.rule, lines[f.line - 1].strip()) for f in found if f.rule in ("PRD310", "PRD110", "PRD301")]


def with_acceptance(acceptance: str) -> str:
    assert _ACCEPTANCE in CLEAN
    return CLEAN.replace(_ACCEPTANCE, acceptance, 1)


@pytest.mark.parametrize(
    "acceptance",
    [
        "- Acceptance: TBD",
        "- Acceptance: TODO",
        "- Acceptance: ?",
        "- Acceptance: ???",
        "- Acceptance: n/a",
        "- Acceptance: N/A",
        "- Acceptance: none",
        "- Acceptance: -",
        "- Acceptance: TBD (QA to define)",
        "- Acceptance: *TBD*",
        "- **Acceptance:** TBD",
        "- Acceptance criteria: to be defined",
        "Acceptance: TBD",
        "- Abnahmekriterien: TBD",
        "- Criterios de aceptación: TBD",
        "- Critères d’acceptation : TBD",
        "- Acceptance: pending",
        "- Abnahmekriterien: offen",
        "- Criterios de aceptación: por definir",
        "- Critères d’acceptation : à définir",
        "- Critérios de aceitação: a definir",
    ],
)
def test_filler_acceptance_of_an_approved_prd_is_prd310_once(acceptance: str) -> None:
    found = rules_on(with_acceptance(acceptance))
    assert found == [("PRD310", acceptance.strip())], found


@pytest.mark.parametrize(
    "item",
    [
        "- FR-1: Save a card — Priority: Must — Acceptance: TBD",
        "- FR-1: Save a card (Must) — Acceptance: n/a",
        "- **FR-1: Save a card** (Must) | **Acceptance:** ???",
    ],
)
def test_an_acceptance_on_a_list_requirement_s_line(item: str) -> None:
    text = CLEAN.replace(_FR1 + _ACCEPTANCE + "\n- Priority: Must", item, 1)
    assert item in text
    assert [rule for rule, _ in rules_on(text)] == ["PRD310"]
    written = text.replace("Acceptance:** ???", "Acceptance:** the wallet lists it").replace(
        "Acceptance: TBD", "Acceptance: the wallet lists it"
    )
    assert [rule for rule, _ in rules_on(written.replace("Acceptance: n/a", "Acceptance: listed"))] == []


def test_a_nested_list_of_filler_is_no_acceptance() -> None:
    text = with_acceptance("- Acceptance:\n  - TBD\n  - ?")
    assert rules_on(text) == [("PRD310", "- Acceptance:")]


@pytest.mark.parametrize("status", ["Implemented", "approved"])
def test_later_statuses_count_too(status: str) -> None:
    assert rules_on(with_acceptance("- Acceptance: TBD"), status) == [("PRD310", "- Acceptance: TBD")]


@pytest.mark.parametrize("status", ["Draft", "Review"])
def test_before_approval_it_stays_prd110_info(status: str) -> None:
    assert rules_on(with_acceptance("- Acceptance: TBD"), status) == [("PRD110", "- Acceptance: TBD")]


def test_a_table_cell_and_a_heading_requirement() -> None:
    table = (
        "### Functional Requirements\n\n| ID | Requirement | Acceptance | Priority |\n|---|---|---|---|\n"
        "| FR-1 | Save a card | TBD | Must |\n| FR-2 | Pay with it | CVC asked once | Must |\n"
    )
    start = CLEAN.index("### Functional Requirements")
    end = CLEAN.index("### Non-Functional Requirements")
    text = CLEAN[:start] + table + "\n" + CLEAN[end:]
    assert rules_on(text) == [("PRD310", "| FR-1 | Save a card | TBD | Must |")]
    heading = CLEAN.replace(
        _FR1 + _ACCEPTANCE,
        "#### FR-1: Save a card (Must)\n\nA shopper saves a card.\n\n**Acceptance:** TBD",
        1,
    )
    assert "#### FR-1" in heading
    assert rules_on(heading) == [("PRD310", "**Acceptance:** TBD")]


@pytest.mark.parametrize(
    "acceptance",
    [
        '- Acceptance: after a paid order with "Save this card" ticked, the wallet lists the card',
        "- Acceptance: TBD: rough target 95% of saves succeed",  # a value after all
        "- Acceptance: the wallet shows `TBD` for a card with no name",
        "- Acceptance: pricing is TBD, but the card is listed after a paid order",
        "- Acceptance:\n  - the wallet lists the card\n  - TBD: the email",
    ],
)
def test_testable_acceptance_is_silent(acceptance: str) -> None:
    assert [r for r in rules_on(with_acceptance(acceptance)) if r[0] == "PRD310"] == []


def test_an_empty_acceptance_is_prd301_not_prd310() -> None:
    assert rules_on(with_acceptance("- Acceptance:")) == [("PRD301", "- Acceptance:")]


def test_with_prd310_off_the_filler_stays_prd110() -> None:
    text = with_acceptance("- Acceptance: TBD")
    off = Settings(severities={"PRD310": "off"})
    assert [
        f.rule for f in check_page(parse_prd(text, "prd.md"), text, off) if f.rule in ("PRD110", "PRD310")
    ] == ["PRD110"]
    ignored = text + "\n<!-- prd-ignore PRD310 -->\n"
    assert rules_on(ignored) == [("PRD110", "- Acceptance: TBD")]
