"""Requirement ids in their drifted forms, and references in any case.

Requirements written as headings (``### FR-2: Title``, ``#### FR-2 - Title``,
``### [FR-2] Title``) are requirements of the model with a site-wide id and an anchor;
references written in lower or mixed case (``track:fr-2``, ``Track:FR-2``) resolve
like ``track:FR-2``, in the model, a real build (anchors, links, matrix), ``mkdocs-prd
trace`` and the language server.  A lower-case id whose Track ID is no PRD's is not
taken for one (``lang:fr-2``), and ``locale:fr-CA`` is never an id.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_site
from test_lsp import run_session, write_site

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.context import SiteContext
from mkdocs_prd.core.trace.ids import find_ids, requirement_ids

HEADINGS = """\
# PRD: Payments

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** pay
**Owner:** Payments Team
**Status:** Draft

## 3. Users & Use Cases

### Personas

- **Shopper**

### UC-1: Pay by card
- Actor: shopper

#### [UC-2] Refund
- Actor: agent

## 5. Requirements

### FR-1: Card payment
- Priority: Must

### FR-2 - Saved cards
- Priority: Should

### [FR-3] Receipts

#### NFR-1 — Latency
- Priority: Must

## 8. Acceptance Criteria

- [ ] AC-1: a card payment succeeds
- [ ] [AC-2] a receipt is sent
"""

REFS = """\
# PRD: Checkout

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** checkout
**Owner:** Web Team
**Status:** Draft

## 1. Problem

Builds on pay:fr-2 and Pay:FR-3 (see also PAY:nfr-1 and pay:uc-2).
Not ids: lang:fr-CA and http://example.com:fr-2; unknown:fr-9 names no PRD of ours.
"""

EXPECTED = [
    ("pay:UC-1", "Pay by card"),
    ("pay:UC-2", "Refund"),
    ("pay:FR-1", "Card payment"),
    ("pay:FR-2", "Saved cards"),
    ("pay:FR-3", "Receipts"),
    ("pay:NFR-1", "Latency"),
    ("pay:AC-1", "a card payment succeeds"),
    ("pay:AC-2", "a receipt is sent"),
]


def model(text: str, path: str = "pay.md") -> list[tuple[str, str]]:
    prd = parse_prd(text, path, split_lines(text))
    return [(r.qualified, r.name) for r in requirement_ids(prd)]


def test_headings_and_bracketed_ids_are_requirements_of_the_model() -> None:
    assert model(HEADINGS) == EXPECTED
    prd = parse_prd(HEADINGS, "pay.md", split_lines(HEADINGS))
    priorities = [(r.id, r.priority) for r in prd.functional]
    assert priorities == [("FR-1", "Must"), ("FR-2", "Should"), ("FR-3", None)]
    assert [(r.id, r.kind) for r in prd.non_functional] == [("NFR-1", "non-functional")]


@pytest.mark.parametrize(
    "form",
    [
        "### FR-7: Title",
        "### FR-7 - Title",
        "### FR-7. Title",
        "#### FR-7 — Title",
        "### [FR-7] Title",
        "**[FR-7] Title**",
        "1. **[FR-7]** Title",
        "- [FR-7]: Title",
        "### FR 7: Title",
        "**FR7: Title**",
        "__FR-7: Title__",
    ],
)
def test_every_form_of_a_requirement_gives_its_id(form: str) -> None:
    text = HEADINGS[: HEADINGS.index("## 3.")] + f"## 5. Requirements\n\n{form}\n"
    assert model(text) == [("pay:FR-7", "Title")]


@pytest.mark.parametrize(
    "form", ["### [FR-7](#fr-7) Title", "### FRS 7: other word", "### FR 7 is a sentence"]
)
def test_a_link_or_a_longer_word_is_not_a_requirement_id(form: str) -> None:
    text = HEADINGS[: HEADINGS.index("## 3.")] + f"## 5. Requirements\n\n{form}\n"
    assert model(text) == []


def test_references_in_any_case_are_found_but_locales_are_not() -> None:
    hits = [h.text for h in find_ids(REFS)]
    assert hits == ["pay:fr-2", "Pay:FR-3", "PAY:nfr-1", "pay:uc-2", "unknown:fr-9"]


def test_lower_case_references_resolve_and_only_known_tracks_are_checked() -> None:
    context = SiteContext(Settings(), "/site")
    context.update("pay.md", HEADINGS)
    findings = context.check("checkout.md", REFS)
    assert [f.rule for f in findings if f.rule == "PRD601"] == []  # unknown:fr-9 is no one's
    wrong = REFS.replace("pay:uc-2", "pay:fr-9")
    messages = [f.message for f in context.check("checkout.md", wrong) if f.rule == "PRD601"]
    assert messages == ["Reference `pay:fr-9` names no requirement: PRD `pay` has no FR-9"]


def test_build_anchors_links_and_matrix(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"index.md": "# Home\n", "prds/pay.md": HEADINGS, "prds/checkout.md": REFS},
        {"trace": {}},
        theme="mkdocs",
    )
    pay = site.html("prds/pay/index.html")
    for anchor in ("fr-1", "fr-2", "fr-3", "nfr-1", "uc-1", "uc-2", "ac-1", "ac-2"):
        assert len(re.findall(f'id="{anchor}"', pay)) == 1, anchor
    checkout = site.html("prds/checkout/index.html")
    assert re.search(r'<a class="prd-ref" href="\.\./pay/#fr-2" title="Saved cards">pay:fr-2</a>', checkout)
    assert re.search(r'<a class="prd-ref" href="\.\./pay/#fr-3" title="Receipts">Pay:FR-3</a>', checkout)
    assert "fr-CA" in checkout and 'href="../pay/#fr-ca"' not in checkout
    assert not [m for m in site.messages() if "PRD601" in m]
    matrix = site.html("prds/traceability/index.html")
    for qualified, name in EXPECTED:
        if not qualified.startswith("pay:AC"):
            assert qualified in matrix and name in matrix, qualified


def test_trace_command_counts_lower_case_references(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"prds/pay.md": HEADINGS, "prds/checkout.md": REFS})
    monkeypatch.chdir(tmp_path)
    assert main(["trace", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in data["requirements"]}
    assert {q for q, _ in EXPECTED} <= set(by_id)
    for q in ("pay:FR-2", "pay:FR-3", "pay:NFR-1", "pay:UC-2"):
        assert by_id[q]["referenced_by"] == ["prds/checkout.md"], q
    assert by_id["pay:FR-1"]["referenced_by"] == []


def test_language_server_reports_lower_case_references_as_the_build_does(tmp_path: Path) -> None:
    write_site(tmp_path, {"prds/pay.md": HEADINGS})

    async def body(s: object) -> list[str]:
        from test_lsp import Session, version

        assert isinstance(s, Session)
        uri = s.open("prds/checkout.md", REFS.replace("pay:uc-2", "pay:fr-9"))
        found = await s.wait_for(uri, version(1))
        return [d.message.split("\n")[0] for d in found if d.code == "PRD601"]

    assert run_session(tmp_path, body) == ["Reference `pay:fr-9` names no requirement: PRD `pay` has no FR-9"]
