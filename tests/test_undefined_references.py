"""PRD311: a local requirement id referred to on a PRD page (``- [ ] FR-7 verified``) that no
requirement or use case on the page defines.  The page (``golden/rules/clean.md``) defines FR-1 to
FR-3, NFR-1 to NFR-5, UC-1 and UC-2.  Other PRDs' ids (qualified, or a link to another page), code,
comments, struck text, history and plans (non-goals, scope, the appendix, a line saying the id was
removed), a place where an id would be defined, and sub-ids stay silent.  In process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
_CRITERION = "- [ ] API endpoints return the documented responses"
_RISK = (
    "| Vault API latency at peak | H | M | Cache the card list per session; circuit breaker to manual entry |"
)
_FLOW = "   - Flow: picks the card, confirms the CVC, order completes"
_DESCRIPTION = "- Description: the payment step offers saved cards first"
_PHASE = "  2. 5% of returning shoppers"
_NON_GOAL_HEADING = "### Non-Goals (explicitly out of scope for MVP)"
_FUTURE = "- Network tokens for better authorisation rates"
_QUESTION = "- Should the CVC be skipped for low-value orders once the issuer allows it?"
_LOG_ROW = "| 1.1 | 2026-01-26 | Dana Whitfield | Added delete flow and NFRs |"


def prd311(old: str, new: str, text: str = CLEAN) -> list[str]:
    assert old in text
    text = text.replace(old, new, 1)
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    lines = text.splitlines()
    return [lines[f.line - 1] for f in found if f.rule == "PRD311"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (_CRITERION, "- [ ] FR-7 verified in staging"),
        (_CRITERION, "- [ ] NFR-9: load test at twice the peak"),
        (_CRITERION, "- [ ] UC-5 walked through by support"),
        (_CRITERION, "- [ ] FR7 verified in staging"),
        (_CRITERION, "- [ ] FR\u20117 verified in staging"),
        (_CRITERION, "- [ ] FR-07 verified in staging"),
        (_CRITERION, "- [ ] FR-2 depends on FR-7"),
        (_CRITERION, "- [ ] [FR-7](#fr-7) verified"),
        (_CRITERION, "### FR-7 checks\n- [ ] exports open in Excel"),
        (_CRITERION, "| Criterion | Met |\n|---|---|\n| FR-7 works offline | no |"),
        (_RISK, "| FR-7 export is slow at peak | H | M | Cache the card list per session |"),
        (_FLOW, "   - Flow: picks the card as FR-7 describes, confirms the CVC"),
        (_DESCRIPTION, "- Description: the payment step offers saved cards first (see FR-7)"),
        (_DESCRIPTION, "- Description: offers saved cards first, as in UC-4"),
        (_PHASE, "  2. 5% of returning shoppers, with FR-7 on"),
    ],
)
def test_an_undefined_local_id_is_prd311(old: str, new: str) -> None:
    found = prd311(old, new)
    assert len(found) == 1, found
    assert found[0] in new.splitlines()


def test_each_undefined_id_is_reported_once() -> None:
    found = prd311(_CRITERION, "- [ ] FR-7 verified\n- [ ] FR-7 load tested\n- [ ] FR-8 verified")
    assert found == ["- [ ] FR-7 verified", "- [ ] FR-8 verified"]


def test_a_list_of_undefined_ids_is_reported() -> None:
    assert prd311(_CRITERION, "- [ ] FR-7 and FR-8 verified") == ["- [ ] FR-7 and FR-8 verified"] * 2


def test_a_page_that_does_not_number_all_its_requirements_plainly_is_silent() -> None:
    text = CLEAN.replace("**FR-1: Save a card**", "**REQ-PAY-001: Save a card**", 1)
    assert prd311(_CRITERION, "- [ ] FR-1 verified with a real order", text) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (_CRITERION, "- [ ] payments-refunds:FR-7 still passes"),  # another PRD's, qualified (PRD601)
        (_CRITERION, "- [ ] [FR-7](refunds.md#fr-7) of the refunds PRD still passes"),
        (_CRITERION, "- [ ] [FR-7][refunds] of the refunds PRD still passes"),
        (_CRITERION, "- [ ] the `FR-7` flag is off"),
        (_CRITERION, "- [ ] exports verified <!-- FR-7 later -->"),
        (_CRITERION, "- [ ] ~~FR-7 verified~~ (dropped)"),
        (_CRITERION, "- [ ] FR-7 was merged into FR-2: verified with it"),
        (_CRITERION, "- [ ] exports verified (FR-7 removed in 1.1)"),
        (_CRITERION, "- [ ] PAY-FR-7, FR-1.2, FR-1a, FR-PERF-1 and https://jira.example.com/FR-7 closed"),
        (_CRITERION, "- [ ] fr-7 is the French locale"),
        (_CRITERION, "- [ ] All FR-1 through FR-N requirements met"),
        (_CRITERION, "- [x] FR-1 to FR-5 met in staging"),  # a range sums up the page's ids
        (_CRITERION, "- [x] FR-1..FR-5 and UC-1 to UC-4 met"),
        (
            _CRITERION,
            "- [ ] All use cases (UC-1, UC-2, UC-3) executable and verified",
        ),  # a list with defined ids
        (_CRITERION, "- [ ] FR-2 and FR-7 verified together"),
        (_NON_GOAL_HEADING, f"{_NON_GOAL_HEADING}\n- FR-9 bulk export waits for v2"),
        (_FUTURE, "- FR-9: network tokens"),
        (_QUESTION, "- Should FR-9 cover refunds?"),
        (_LOG_ROW, "| 1.1 | 2026-01-26 | Dana Whitfield | Added FR-9 and NFRs |"),
        (
            _DESCRIPTION,
            _DESCRIPTION + "\n\nFR-7 — export all saved cards (Must)",
        ),
        (
            "### Non-Functional Requirements",
            "### Deferred\n- Gift cards, see FR-9\n\n### Non-Functional Requirements",
        ),
    ],
)
def test_other_prds_ids_code_history_and_plans_are_silent(old: str, new: str) -> None:
    assert prd311(old, new) == []


def test_a_withdrawn_requirement_is_known() -> None:
    text = CLEAN.replace(
        "**FR-3: Remove a saved card**",
        "**~~FR-4: Store credit~~** (dropped)\n\n**FR-3: Remove a saved card**",
        1,
    )
    assert prd311(_CRITERION, "- [ ] FR-4 left out of the release notes", text) == []


def test_a_page_without_ids_of_a_kind_is_silent() -> None:
    start, end = CLEAN.index("**FR-1: Save a card**"), CLEAN.index("### Non-Functional Requirements")
    prose = "- Save a card at checkout (Must)\n- Pay with a saved card (Must)\n\n"
    text = CLEAN[:start] + prose + CLEAN[end:]
    assert prd311(_CRITERION, "- [ ] FR-7 verified in staging", text) == []


def test_an_id_given_twice_leaves_its_kind_to_prd303() -> None:
    text = CLEAN.replace("**FR-3: Remove a saved card**", "**FR-2: Remove a saved card**", 1)
    assert prd311(_CRITERION, "- [ ] FR-3 verified", text) == []
