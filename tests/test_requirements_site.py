"""Heading-form requirements and Given/When/Then criteria, seen by a real build, `trace` and `review`.

The PRD is a new user's real one (``fixtures/reqs/checkout-v2.md``): ``### FR-1: …``
headings beside ``### Functional Requirements``, criteria as Given/When/Then bullets.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import build_site
from git_repos import Git, line_of, prd

from mkdocs_prd.adapters.cli.main import main

CHECKOUT = (Path(__file__).parent / "fixtures" / "reqs" / "checkout-v2.md").read_text(encoding="utf-8")
SOURCE = "def test_one_page_checkout():\n    # implements checkout-v2:FR-1\n    pass\n"
CONFIG = (
    "site_name: T\nplugins:\n  - prd:\n      trace: {sources: [src/**/*.py]}\n"
    "markdown_extensions: [admonition, footnotes, pymdownx.tasklist, pymdownx.superfences]\n"
)


def test_build_shows_heading_requirements_on_the_card_in_the_json_and_as_anchors(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"index.md": "# Home\n", "prds/checkout-v2.md": CHECKOUT},
        {"trace": {}},
        theme="mkdocs",
        config={
            "markdown_extensions": ["admonition", "footnotes", "pymdownx.tasklist", "pymdownx.superfences"]
        },
    )
    page = site.html("prds/checkout-v2/index.html")
    assert 'id="fr-1"' in page and 'id="fr-2"' in page
    assert "prd-priority--must" in page and "prd-priority--should" in page  # the card's counts
    assert "0 of 2 criteria met" in page
    assert "No acceptance criteria" not in page
    messages = " | ".join(site.messages())
    assert "PRD203" not in messages and "has no content" not in messages
    assert "PRD301" not in messages
    export = json.loads((tmp_path / "site" / "prd-index.json").read_text(encoding="utf-8"))
    row = next(r for r in export["prds"] if r["track_id"] == "checkout-v2")
    assert row["requirements"] == {"must": 1, "should": 1, "could": 0, "other": 0}
    assert row["acceptance"] == {"checked": 0, "total": 2}


def test_trace_resolves_a_reference_to_a_heading_requirement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "src").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs" / "prds" / "checkout-v2.md").write_text(CHECKOUT, encoding="utf-8")
    (tmp_path / "src" / "test_checkout.py").write_text(SOURCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["trace", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in data["requirements"]}
    assert by_id["checkout-v2:FR-1"]["code"] == [{"file": "src/test_checkout.py", "line": 2}]
    assert by_id["checkout-v2:FR-1"]["priority"] == "Must"
    assert by_id["checkout-v2:FR-2"]["priority"] == "Should"
    assert not [f for f in data["findings"] if f["rule"] == "PRD601"]


def test_review_catches_a_changed_heading_requirement_and_scenario_of_an_approved_prd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git = Git(tmp_path / "repo").init()
    git.write(
        {
            "mkdocs.yml": "site_name: T\ndocs_dir: docs\nplugins:\n  - prd\n",
            "docs/prds/checkout-v2.md": CHECKOUT,
        }
    )
    git.commit("Approved", when="2026-01-10T10:00:00+00:00")
    changed = CHECKOUT.replace(
        "- Acceptance: wallet payment succeeds in staging for both wallets",
        "- Acceptance: wallet payment succeeds in staging for Apple Pay",
    ).replace("**then** the card form is shown.", "**then** an error page is shown.")
    assert changed != CHECKOUT and "an error page" in changed
    git.write({"docs/prds/checkout-v2.md": changed})
    git.commit("Edit", when="2026-01-11T10:00:00+00:00")
    monkeypatch.chdir(git.root)
    code = main(["review", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    hits = {(f["rule"], f["line"]) for f in found if f["rule"] == "PRD701"}
    assert ("PRD701", line_of(changed, "### FR-2: Wallet payments")) in hits
    messages = " | ".join(str(f["message"]) for f in found if f["rule"] == "PRD701")
    assert "FR-2 `Wallet payments`: acceptance" in messages
    assert "Given" in messages  # the edited scenario is a removed criterion of the approved PRD


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_links_to_requirement_anchors_pass_mkdocs_anchor_validation(tmp_path: Path, theme: str) -> None:
    # The anchors go on the page after Python-Markdown; MkDocs must still know them, or a
    # `validation: {anchors: warn}` site fails `--strict` on the documented link form.
    # Both forms: `**FR-1: ...**` label lines (clean PRD) and `### FR-1: ...` headings.
    notes = (
        "# Notes\n\nSee [saving](prds/cards.md#fr-1), [FR-2](prds/cards.md#fr-2), "
        "[checkout](prds/checkout-v2.md#fr-1) and [a typo](prds/cards.md#fr-99).\n"
    )
    site = build_site(
        tmp_path,
        {"index.md": notes, "prds/cards.md": prd("Cards", "cards"), "prds/checkout-v2.md": CHECKOUT},
        {},
        theme=theme,
        config={"validation": {"anchors": "warn"}},
    )
    anchors = [m for m in site.messages(logging.WARNING) if "does not contain an anchor" in m]
    assert len(anchors) == 1 and "#fr-99" in anchors[0], anchors
    assert 'id="fr-2"' in site.html("prds/cards/index.html")
