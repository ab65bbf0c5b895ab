"""Personas and use cases in their drifted forms: the model and PRD204 agree on them.

A persona PRD204 counts is one the parser puts in ``Prd.personas`` (and the other way
round), whether it is written under ``### Primary Personas``, under a bold label
(``**Target users:**``), named as one (``**Persona: Support Agent**``) or as a heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.fix import page_findings
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.users import named_persona, users_part
from mkdocs_prd.core.settings import Settings

HEAD = (
    "# PRD: Support inbox\n\n**Version:** 1.0\n**Date:** 2026-01-17\n**Track ID:** inbox\n"
    "**Owner:** Support Team\n**Status:** Draft\n\n## 1. Problem\n\nAgents lose tickets.\n\n"
    "## 3. Users & Use Cases\n\n"
)
USE_CASES = "**Use Cases:**\n\n1. **UC-1: Reply**\n   - Actor: agent\n   - Outcome: ticket closed\n"
AGENT = "- Role: answers tickets\n- Pain point: loses context\n"
ADMIN = "- Role: manages the team\n"

FORMS = {
    "bold 'Persona:' labels": (
        f"**Persona: Support Agent**\n{AGENT}\n**Persona: Admin**\n{ADMIN}\n{USE_CASES}"
    ),
    "bold names under a bold part label": (
        f"**Primary Personas**\n\n**Support Agent**\n{AGENT}\n**Admin**\n{ADMIN}\n{USE_CASES}"
    ),
    "bold names, no part label": f"**Support Agent**\n{AGENT}\n**Admin:**\n{ADMIN}\n{USE_CASES}",
    "numbered list under 'Target users:'": (
        "**Target users:**\n\n1. **Support Agent**\n   - Role: answers tickets\n"
        "   - Pain point: loses context\n2. **Admin**\n   - Role: manages the team\n\n" + USE_CASES
    ),
    "bold names under ### Primary Personas": (
        f"### Primary Personas\n\n**Support Agent**\n{AGENT}\n**Admin**\n{ADMIN}\n"
        "### Use Cases\n\n1. **UC-1: Reply**\n   - Actor: agent\n"
    ),
    "#### Persona: headings": (
        f"#### Persona: Support Agent\n{AGENT}\n#### Persona 2 - Admin\n{ADMIN}\n{USE_CASES}"
    ),
    "### Persona: subsections": (
        f"### Persona: Support Agent\n\n{AGENT}\n### Persona — Admin\n\n{ADMIN}\n"
        "### Use Cases\n\n- UC-1: Reply\n"
    ),
    "list items named 'Persona N:'": (
        "- **Persona 1: Support Agent**\n  - Role: answers tickets\n  - Pain point: loses context\n"
        "- **Persona 2: Admin**\n  - Role: manages the team\n\n" + USE_CASES
    ),
}


def parse(body: str) -> tuple[Prd, list[str]]:
    text = HEAD + body
    prd = parse_prd(text, "p.md", split_lines(text))
    return prd, [f.message for f in page_findings(text, "p.md", Settings()) if f.rule == "PRD204"]


@pytest.mark.parametrize("body", FORMS.values(), ids=FORMS.keys())
def test_persona_forms_are_in_the_model_and_satisfy_prd204(body: str) -> None:
    prd, prd204 = parse(body)
    assert [p.name for p in prd.personas] == ["Support Agent", "Admin"]
    agent = {a.key: a.value for a in prd.personas[0].attributes}
    assert agent["Role"] == "answers tickets"
    assert [a.key for a in prd.personas[1].attributes] == ["Role"]
    assert [(u.id, u.name) for u in prd.use_cases] == [("UC-1", "Reply")]
    assert prd204 == []


@pytest.mark.parametrize(
    "body",
    [
        USE_CASES,  # a label naming use cases: its list is use cases, not personas
        "### Use Cases\n\n1. **UC-1: Reply**\n   - Actor: agent\n",
        "**User stories**\n\n- As an agent I reply to a ticket\n",
    ],
)
def test_no_persona_in_the_model_is_what_prd204_reports(body: str) -> None:
    prd, prd204 = parse(body)
    assert prd.personas == ()
    assert prd204 == ["Section `Users & Use Cases` has no Primary Personas subsection"]


def test_the_model_and_prd204_agree_on_every_form() -> None:
    cases = [*FORMS.values(), USE_CASES, f"**Support Agent**\n{AGENT}", "Prose only, no list.\n"]
    for body in cases:
        prd, prd204 = parse(body)
        missing = any("Primary Personas" in m for m in prd204)
        assert missing == (not prd.personas), body


@pytest.mark.parametrize(
    ("title", "name", "part"),
    [
        ("Persona: Support Agent", "Support Agent", None),
        ("**Persona 2 — Admin**", "Admin", None),
        ("Persona #1: **Maria**", "Maria", None),
        ("Personas", None, "personas"),
        ("Primary users:", None, "personas"),
        ("Target audience", None, "personas"),
        ("Use Cases", None, "use_cases"),
        ("User stories", None, "use_cases"),
        ("Personal data: kept 30 days", None, None),
        ("Support Agent", None, None),
    ],
)
def test_titles_name_a_persona_or_a_part(title: str, name: str | None, part: str | None) -> None:
    assert named_persona(title) == name
    assert users_part(title) == part


def test_lint_does_not_report_personas_written_under_bold_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(HEAD + FORMS["bold 'Persona:' labels"], encoding="utf-8")
    (docs / "b.md").write_text(HEAD.replace("inbox", "inbox-b") + USE_CASES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["lint"])
    out = capsys.readouterr().out
    assert "docs/b.md:13: warning PRD204 Section `Users & Use Cases` has no Primary Personas" in out
    assert "docs/a.md:13: warning PRD204" not in out


# drift10: user stories as teams write them: their ids, and their subsection titles in other languages.
PERSONAS = "### Personas\n\n- **Support Agent**: answers tickets\n\n"
STORIES = {
    "US ids in a table": "| ID | Story | Priority |\n|---|---|---|\n| US-12 | As an agent I reply | Must |\n"
    "| US-13 | As an admin I assign | Should |\n",
    "tracker keys in a table": "| Key | Story |\n|---|---|\n| PAY-101 | As an agent I reply |\n"
    "| PAY-102 | As an admin I assign |\n",
    "US ids in a list": "- **US-12**: As an agent I reply\n- **US-13**: As an admin I assign\n",
    "US ids in a list, plain": "1. US-12 - As an agent I reply\n2. US-13: As an admin I assign\n",
    "US ids as headings": "#### US-12: As an agent I reply\n\n#### US-13: As an admin I assign\n",
}


@pytest.mark.parametrize(
    "title",
    [
        "User Stories",
        "Historias de usuario",
        "Nutzergeschichten",
        "Szenarien",
        "Récits utilisateur",
        "Histórias de usuário",
        "Escenarios",
    ],
)
@pytest.mark.parametrize("stories", STORIES.values(), ids=STORIES.keys())
def test_user_stories_are_use_cases_with_their_ids(title: str, stories: str) -> None:
    prd, prd204 = parse(f"{PERSONAS}### {title}\n\n{stories}")
    assert [(u.id, u.name) for u in prd.use_cases] == [
        (ident, name)
        for ident, name in zip(
            ["PAY-101", "PAY-102"] if "PAY" in stories else ["US-12", "US-13"],
            ["As an agent I reply", "As an admin I assign"],
            strict=True,
        )
    ]
    assert prd204 == []


def test_a_story_id_used_twice_is_reported_and_is_no_trace_id() -> None:
    from mkdocs_prd.core.trace.ids import local_ids

    text = HEAD + PERSONAS + "### User Stories\n\n" + STORIES["US ids in a table"].replace("US-13", "US-12")
    found = [f.message for f in page_findings(text, "p.md", Settings()) if f.rule == "PRD303"]
    assert found == ["US-12 is already used on line 23"]
    assert [r.local for r in local_ids(parse_prd(text, "p.md"))] == []


@pytest.mark.parametrize(
    "table",
    [
        "| ID | Requirement |\n|---|---|\n| FR-1 | Reply |\n",  # a requirement's id is no story's
        "| Persona | Role |\n|---|---|\n| Support Agent | answers tickets |\n",
    ],
)
def test_other_tables_of_section_3_are_no_stories(table: str) -> None:
    prd, _ = parse(table)
    assert prd.use_cases == ()


@pytest.mark.parametrize("title", ["Zielgruppe", "Público objetivo", "Public cible", "Público-alvo"])
def test_personas_under_a_translated_title(title: str) -> None:
    prd, prd204 = parse(
        f"### {title}\n\n- **Support Agent**: answers tickets\n\n### Use Cases\n\n- UC-1: Reply\n"
    )
    assert [p.name for p in prd.personas] == ["Support Agent"]
    assert prd204 == []
