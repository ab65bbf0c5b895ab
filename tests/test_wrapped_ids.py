"""Requirement ids written as links, code or plain title lines are the requirement (reading5).

Enterprise PRDs link each id to its ticket (``**[FR-1](https://jira…/PAY-1): Save a card**``),
engineers write ids as code (```FR-1` **Save a card**``, ``#### `FR-1`: Save a card``), a
hurried author writes the title as a plain line (``FR-1: Save a card`` over its bullets), and
an italic heading (``#### *FR-1: Save a card*``) is a title too.  Each form must read into the
clean PRD's requirements (ids, names, priorities, parts) with no finding, and the page must
put the id's anchor where it shows (before a code span, never inside it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.blocks import unwrapped_id
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")
TITLE = "**FR-1: Save a card**"
JIRA = "https://jira.example.com/browse/PAY-1"


def requirements(text: str) -> list[tuple[str | None, str, str | None, tuple[str, ...]]]:
    prd = parse_prd(text, "prd.md")
    return [(r.id, r.name, r.level, tuple(a.key for a in r.attributes)) for r in prd.functional]


def rules(text: str) -> list[str]:
    return [f.rule for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


@pytest.mark.parametrize(
    "title",
    [
        f"**[FR-1]({JIRA}): Save a card**",
        f"**[FR-1]({JIRA})** Save a card",
        f'**[FR-1]({JIRA} "PAY-1")**: Save a card',
        f"[**FR-1**]({JIRA}): **Save a card**",
        "**[FR-1][pay-1]: Save a card**",
        "**`FR-1`: Save a card**",
        "**`FR-1`** Save a card",
        "`FR-1` **Save a card**",
        "#### `FR-1` Save a card",
        "#### `FR-1`: Save a card",
        f"#### [FR-1]({JIRA}) Save a card",
        "#### *FR-1: Save a card*",
        "#### _FR-1: Save a card_",
        "FR-1: Save a card",
        "FR-1 **Save a card**",
        f"[FR-1]({JIRA}) **Save a card**",
    ],
)
def test_a_wrapped_or_plain_id_title_is_the_requirement(title: str) -> None:
    text = CLEAN.replace(TITLE, title)
    if "[pay-1]" in title:
        text += f"\n[pay-1]: {JIRA}\n"
    assert requirements(text) == requirements(CLEAN)
    assert rules(text) == []


@pytest.mark.parametrize(
    "item",
    [
        f"- [FR-4]({JIRA}): Export cards (Could)",
        "- `FR-4`: Export cards (Could)",
        "- **`FR-4`** Export cards (Could)",
    ],
)
def test_a_wrapped_id_opens_a_list_requirement(item: str) -> None:
    text = CLEAN.replace("### Non-Functional Requirements", f"{item}\n\n### Non-Functional Requirements")
    assert [(r.id, r.name, r.level) for r in parse_prd(text, "prd.md").functional][3:] == [
        ("FR-4", "Export cards", "Could")
    ]


def test_wrapped_ids_in_a_requirements_table() -> None:
    table = (
        "| ID | Requirement | Description | Acceptance | Priority |\n|---|---|---|---|---|\n"
        "| [FR-1](#fr-1) | Save a card | saves it | wallet lists it | Must |\n"
        "| `FR-2` | Pay with a saved card | pays | only the CVC | Must |\n"
        f"| [**FR-3**]({JIRA}) | Remove a saved card | deletes | token revoked | Should |\n\n"
    )
    start, end = CLEAN.index(TITLE), CLEAN.index("### Non-Functional")
    prd = parse_prd(CLEAN[:start] + table + CLEAN[end:], "prd.md")
    assert [(r.id, r.name, r.level) for r in prd.functional] == [
        (r.id, r.name, r.level) for r in BASE.functional
    ]


@pytest.mark.parametrize(
    "line",
    [
        "FR-1 and FR-2 share one vault.",  # a sentence about ids opens no requirement
        "See [FR-1](#fr-1) for the vault.",
        "[FR-1](#fr-1): see above.",  # a link into the page refers to the definition
        "`FR-1` is the first one we ship.",
    ],
)
def test_a_sentence_about_an_id_is_no_title(line: str) -> None:
    text = CLEAN.replace("### Non-Functional Requirements", f"{line}\n\n### Non-Functional Requirements")
    assert requirements(text) == requirements(CLEAN)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (f"[FR-1]({JIRA}): Export", "FR-1: Export"),
        ("**`FR-1`**: Export", "**FR-1**: Export"),
        ("[`UC-2`][uc] Pay", "UC-2 Pay"),
        (f"[Jira]({JIRA}): Export", f"[Jira]({JIRA}): Export"),  # the link says no id
        ("[FR-1](#fr-1): Export", "[FR-1](#fr-1): Export"),  # a reference to the id's definition
        ("[FR-1](pay.md#fr-1) Export", "[FR-1](pay.md#fr-1) Export"),
        ("`code` FR-1", "`code` FR-1"),
        ("FR-1: Export", "FR-1: Export"),
    ],
)
def test_unwrapped_id(written: str, read: str) -> None:
    assert unwrapped_id(written) == read


def test_the_anchor_stands_before_a_code_span_and_inside_a_link() -> None:
    text = (
        CLEAN.replace(TITLE, "`FR-1` **Save a card**")
        .replace("**FR-2: Pay with a saved card**", f"**[FR-2]({JIRA}): Pay with a saved card**")
        .replace("**FR-3: Remove a saved card**", "#### `FR-3`: Remove a saved card")
    )
    catalog = build_catalog([("prds/a.md", text.encode())], Settings())
    markdown = PageRenderer(catalog, Renderer(), show_findings=False).markdown("prds/a.md", text, text)
    lines = markdown.split("\n")
    fr1 = next(line for line in lines if "`FR-1`" in line)
    fr2 = next(line for line in lines if JIRA in line and "Pay with" in line)
    fr3 = next(line for line in lines if "`FR-3`" in line)
    # An anchor goes in as a placeholder word (replaced after Markdown), on a heading as HTML.
    assert fr1.index("prdtag") < fr1.index("`FR-1`")
    assert fr2.index("[") < fr2.index("prdtag") < fr2.index("](")
    assert fr3.index('id="fr-3"') < fr3.index("`FR-3`")
