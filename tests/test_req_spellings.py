"""Requirement titles, containers and tables in the other spellings correct PRDs use.

Each form replaces the functional requirements of the clean PRD (0 findings): the page
must still get 0 findings, and the model (ids, priorities, parts) and the site-wide
trace ids must be the ones the ``**FR-n: Name**`` block form gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from git_repos import prd

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.trace.ids import requirement_ids

_START = "**FR-1: Save a card**"
_END = "### Non-Functional Requirements"

TWO = (
    "{fr1}\n- Description: saves the card\n- Acceptance: the wallet lists it\n- Priority: Must\n\n"
    "{fr2}\n- Description: pays with it\n- Acceptance: only the CVC is asked\n- Priority: Should\n"
)
# Title spellings: underscore bold, no hyphen, a blank for the hyphen, a name in brackets.
TITLES = {
    "underscore-bold": ("__FR-1: Save a card__", "__FR-2: Pay with it__"),
    "no-hyphen": ("**FR1: Save a card**", "**FR2: Pay with it**"),
    "blank-for-hyphen": ("**FR 1: Save a card**", "**FR 2: Pay with it**"),
    "mixed": ("__FR1 – Save a card__", "**FR 2. Pay with it**"),
    "bold-italic": ("***FR-1: Save a card***", "***FR-2: Pay with it***"),
    "unicode-hyphen-and-dash": ("**FR\u20111: Save a card**", "#### FR\u20132 \u2013 Pay with it"),
    "name-in-brackets": ("**FR-1 (Save a card)**", "**FR-2 (Pay with it)**"),
}
CONTAINERS = {
    "admonition": (
        "**FR-1: Save a card**\n- Description: saves the card\n- Acceptance: the wallet lists it\n"
        '- Priority: Must\n\n!!! note "Added in 1.2"\n    **FR-2: Pay with it**\n\n'
        "    - Description: pays with it\n    - Acceptance: only the CVC is asked\n    - Priority: Should\n"
    ),
    "collapsible-then-text": (
        '???+ info "Both requirements"\n\n    **FR-1: Save a card**\n    - Description: saves the card\n'
        "    - Acceptance: the wallet lists it\n    - Priority: Must\n\nA paragraph after the box.\n\n"
        "**FR-2: Pay with it**\n- Description: pays with it\n- Acceptance: only the CVC is asked\n"
        "- Priority: Should\n"
    ),
    "tabs": (
        '=== "Saving"\n\n    #### FR-1: Save a card\n    - Description: saves the card\n'
        '    - Acceptance: the wallet lists it\n    - Priority: Must\n\n=== "Paying"\n\n'
        "    #### FR-2: Pay with it\n    - Description: pays with it\n"
        "    - Acceptance: only the CVC is asked\n    - Priority: Should\n"
    ),
    "github-alert": (
        "**FR-1: Save a card**\n- Description: saves the card\n- Acceptance: the wallet lists it\n"
        "- Priority: Must\n\n> [!NOTE]\n> **FR-2: Pay with it**\n> - Description: pays with it\n"
        "> - Acceptance: only the CVC is asked\n> - Priority: Should\n"
    ),
    "heading-with-paragraph-and-label": (
        "#### FR-1: Save a card (Must)\nSaves the card the shopper pays with.\n\n"
        "**Acceptance:** the wallet lists it.\n\n"
        "#### FR-2: Pay with it (Should)\nPays with a saved card.\n\n"
        "**Acceptance criteria:**\n- only the CVC is asked\n\n**Rationale:** fewer steps.\n"
    ),
    "table-ids-in-requirement-cell": (
        "| Requirement | Acceptance | Priority |\n|---|---|---|\n"
        "| FR-1: Save a card | the wallet lists it | Must |\n"
        "| **FR2: Pay with it** | only the CVC is asked | Should |\n"
    ),
}


def _page(requirements: str) -> str:
    text = prd("Spellings", "spell")
    return text[: text.index(_START)] + requirements + "\n" + text[text.index(_END) :]


def _read(requirements: str) -> tuple[Prd, list[str]]:
    text = _page(requirements)
    page = parse_prd(text, "x.md")
    return page, [f"{f.rule} {f.message}" for f in check_page(page, text, Settings())]


@pytest.mark.parametrize(
    "requirements",
    [TWO.format(fr1=a, fr2=b) for a, b in TITLES.values()] + list(CONTAINERS.values()),
    ids=list(TITLES) + list(CONTAINERS),
)
def test_read_as_fr1_and_fr2(requirements: str) -> None:
    page, found = _read(requirements)
    assert found == []
    assert [(r.id, r.name, r.level) for r in page.functional] == [
        ("FR-1", "Save a card", "Must"),
        ("FR-2", "Pay with it", "Should"),
    ]
    # Each keeps its own parts: FR-2's bullets in a box are not FR-1's.
    assert "pays" not in " ".join(a.value for a in page.functional[0].attributes)
    locals_ = [r.local for r in requirement_ids(page) if r.kind == "FR"]
    assert locals_ == ["FR-1", "FR-2"]


def test_heading_paragraph_and_label_are_the_requirement_s_parts() -> None:
    page, _ = _read(CONTAINERS["heading-with-paragraph-and-label"])
    fr1, fr2 = page.functional
    assert fr1.statement == "Saves the card the shopper pays with."
    assert fr1.attribute("Acceptance") is not None
    assert [a.key for a in fr2.attributes] == ["Acceptance criteria", "Rationale"]


def test_labels_and_paragraphs_under_other_headings_stay_prose() -> None:
    """A bold label under a heading that is not titled by an id, a heading or label naming
    requirements in a sentence, and a quote of prose are no requirement (and no part of one)."""
    page, found = _read(
        TWO.format(fr1="**FR-1: Save a card**", fr2="**FR-2: Pay with it**")
        + "\n#### FR-1 and FR-2 together\nBoth run in one job.\n\n**Notes:** the job is nightly.\n"
        + "\n#### Dependencies\n**Rationale:** none yet.\n"
        + "\n> Customer quote:\n> - exports take a day\n> - totals are wrong\n"
        + "\n> **Note:** calendar months.\n"
    )
    assert found == []
    assert [r.id for r in page.functional] == ["FR-1", "FR-2"]
    assert [a.key for a in page.functional[1].attributes] == ["Description", "Acceptance", "Priority"]


def test_a_requirement_without_its_parts_is_still_reported() -> None:
    """The spellings do not hide real gaps: a heading requirement with no text, no label."""
    _, found = _read("#### FR1: Save a card (Must)\n\n#### FR 2: Pay with it (Should)\nPays.\n")
    assert found == [
        "PRD301 Requirement `FR-1` has no Description / Acceptance",
        "PRD301 Requirement `FR-2` has no Acceptance",
    ]


def test_spelled_ids_get_their_anchor_on_the_built_page(tmp_path: Path) -> None:
    """A real build: ``FR1`` / ``FR 2`` / ``FR‑3`` titles carry the ``fr-n`` anchors references link to."""
    text = _page(
        TWO.format(fr1="**FR1: Save a card**", fr2="**FR 2: Pay with it**")
        + "\n**FR\u20113: Remove it**\n- Description: removes\n- Acceptance: gone\n- Priority: Could\n"
    )
    site = build_site(tmp_path, {"prds/spell.md": text}, {"paths": ["prds/**"]})
    page = site.html("prds/spell/index.html")
    for n, title in ((1, "FR1: Save a card"), (2, "FR 2: Pay with it"), (3, "FR\u20113: Remove it")):
        # The anchor stands right before the id, inside or outside the bold around it.
        anchor = f'<span class="prd-anchor" id="fr-{n}"></span>'
        assert f"{anchor}<strong>{title}</strong>" in page or f"<strong>{anchor}{title}</strong>" in page


def test_a_paragraph_after_a_bold_block_s_bullets_is_not_its_description() -> None:
    """Under a heading every paragraph is the requirement's; after a bold block's bullets a
    paragraph may be the section's own, so it does not stand in for a missing Description."""
    block = "**FR-1: Save a card**\n- Acceptance: listed\n- Priority: Must\n"
    _, found = _read(block + "\nAll exports run nightly.\n")
    assert found == ["PRD301 Requirement `FR-1` has no Description"]
    _, found = _read("#### FR-1: Save a card\n- Acceptance: listed\n- Priority: Must\n\nSaves the card.\n")
    assert found == []
