"""PRDs titled in other words than ``# PRD: X`` are PRDs when a PRD header stands under the title
(reading5, from the new-user report, item 1): ``# PRD - X``, ``# X — PRD``, ``# [PRD] X``,
``# Product Requirements: X``, front matter ``title: "PRD: X"`` without a heading.  Pages about
PRDs (a guide) have no such header and stay pages.  ``mkdocs-prd lint FILE`` names a file it
was given that is no PRD instead of a silent "0 PRD pages".
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
from conftest import build_site
from timing import GROWTH, assert_linear

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.parse.prd import is_prd, parse_prd
from mkdocs_prd.core.parse.prd_titles import has_prd_header, prd_name
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
H1 = "# PRD: Saved Payment Methods"
assert CLEAN.startswith(H1)

TITLES = [
    "# PRD - Saved Payment Methods",
    "# PRD – Saved Payment Methods",
    "# PRD — Saved Payment Methods",
    "# PRD：Saved Payment Methods",
    "# [PRD] Saved Payment Methods",
    "# Saved Payment Methods — PRD",
    "# Saved Payment Methods - PRD",
    "# Saved Payment Methods (PRD)",
    "# Product Requirements: Saved Payment Methods",
    "# Product Requirements Document - Saved Payment Methods",
    "Saved Payment Methods — PRD\n===========================",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_prd_titled_in_other_words_is_a_prd(title: str) -> None:
    text = CLEAN.replace(H1, title, 1)
    assert is_prd(text)
    prd = parse_prd(text, "prd.md")
    assert prd.title == "Saved Payment Methods"
    assert [f.rule for f in check_page(prd, text, Settings())] == []


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("# 🚀 PRD: Saved Payment Methods", "🚀 Saved Payment Methods"),
        ("# 🛠️ PRD: Saved Payment Methods", "🛠️ Saved Payment Methods"),
        ("# 📄 PRD · Saved Payment Methods", "📄 Saved Payment Methods"),
        ("# 💳 [PRD] Saved Payment Methods", "💳 Saved Payment Methods"),
        ("# ✨ Saved Payment Methods — PRD", "✨ Saved Payment Methods"),
    ],
)
def test_an_emoji_before_the_prd_label_stays_before_the_name(title: str, shown: str) -> None:
    """Notion titles open with the page's icon: ``# 🚀 PRD: X`` is a PRD named ``🚀 X`` (was: named
    ``🚀 PRD: X`` on the card and in the index, and with ``PRD:`` no PRD without a header)."""
    text = CLEAN.replace(H1, title, 1)
    assert is_prd(text)
    prd = parse_prd(text, "prd.md")
    assert prd.title == shown
    assert [f.rule for f in check_page(prd, text, Settings())] == []
    if ": " in title:  # the PRD: label alone makes a page a PRD, emoji or not
        assert is_prd(f"{title}\n\nSome text.\n")


@pytest.mark.parametrize(
    "title",
    ["PRD Tooling", "PRD Checkout Redesign", "**PRD Tooling**", "Checkout Redesign PRD", "The Checkout PRD"],
)
def test_without_a_separator_prd_is_part_of_the_title(title: str) -> None:
    text = CLEAN.replace(H1, f"# {title}", 1)
    assert is_prd(text)  # a PRD header stands under it
    prd = parse_prd(text, "prd.md")
    assert prd.title == title.strip("*")  # the card and the index lose no word
    assert [f.rule for f in check_page(prd, text, Settings())] == []
    bare = title.strip("*")
    if bare.startswith("PRD "):  # with a separator the PRD word is a label: the name follows it
        assert parse_prd(CLEAN.replace(H1, f"# PRD — {bare[4:]}", 1), "prd.md").title == bare[4:]


@pytest.mark.parametrize(
    "header",
    [
        "**Status:** Draft\n**Owner:** Ana\n",
        "Status: Draft\nTrack ID: refunds\n",
        "| Field | Value |\n|---|---|\n| **Status** | Draft |\n| **Owner** | Ana |\n",
        "- **Status:** Draft\n- **Track ID:** refunds\n",
        "**Estado:** Borrador\n**Responsable:** Ana\n",
        # Every form the header is read in (attack6: these titled PRDs were silently no PRD).
        "**Version:** 1.2 | **Owner:** Ana | **Status:** Draft\n",  # several fields on one line
        "Version: 1.2 · State: Draft · Owner: Ana\n",
        "> **Track ID:** refunds\n> **Status:** Draft\n",  # a blockquote
        # a horizontal table
        "| Version | Date | Owner | Status |\n|---|---|---|---|\n| 1.0 | 2026-02-03 | Ana | Draft |\n",
        # Every spelling the parser reads the fields in (FIELD_SYNONYMS): was only a few.
        "**Estado:** Borrador\n**Propietario:** Ana\n",
        "**Status:** Entwurf\n**Eigentümer:** Ana\n",
        "**Document Status:** Draft\n**Document Owner:** Ana\n",
    ],
)
def test_the_header_under_the_title_confirms_it(header: str) -> None:
    assert is_prd(f"# PRD - Refunds\n\n{header}\n## 1. Problem\n")
    assert not is_prd(f"# Refunds\n\n{header}\n## 1. Problem\n")  # no PRD title: a page


@pytest.mark.parametrize(
    "text",
    [
        "# Writing a PRD - a guide\n\nEvery PRD has a **Status:** line and an **Owner:** line.\n",
        "# PRD - template guide\n\n**Status:** explained below\n",  # a Status alone
        "# PRD review checklist\n\n- Owner named?\n- Status set?\n",
        "# PRD - Refunds\n\nProse first.\n\n## 1. Problem\n\n**Status:** Draft\n**Owner:** Ana\n",
        "# Products\n\n**Status:** Draft\n**Owner:** Ana\n",
        "# Writing a PRD\n\n**Status:** Draft\n**Owner:** Ana\n",  # a guide with a header of its own
        "# Anatomy of a great PRD\n\n**Status:** Draft\n**Owner:** Ana\n",
        "# PRD - template guide\n\nWrite the Status: and the Owner: of each PRD.\n",
        "# PRD - review process\n\n| Step | Owner | Status |\n|---|---|---|\n| Draft | PM | Open |\n",
    ],
    ids=[
        "guide",
        "status-alone",
        "checklist",
        "header-after-a-section",
        "no-prd-words",
        "writing-a",
        "a-great",
        "labels-in-a-sentence",
        "a-table-naming-owner-and-status",
    ],
)
def test_a_page_about_prds_is_no_prd(text: str) -> None:
    assert not is_prd(text)


HANDBOOK_HEAD = "**Owner:** PM guild\n**Status:** {status}\n"


@pytest.mark.parametrize(
    "text",
    [
        "# PRD Review Checklist\n\n"
        + HANDBOOK_HEAD.format(status="Living document")
        + "\nUse this checklist.\n",
        "# PRD Process\n\n" + HANDBOOK_HEAD.format(status="Approved") + "\n## Stages\n",
        "# PRD Template Guide\n\n" + HANDBOOK_HEAD.format(status="Draft") + "\n## 1. Problem\n",
        "# PRD Guidelines\n\n**Version:** 3\n" + HANDBOOK_HEAD.format(status="Approved"),
        "# **PRD FAQ**\n\n- **Owner:** PM guild\n- **Status:** Draft\n",
        "# PRD Writing Playbook\n\n| **Status** | Draft |\n|---|---|\n| **Owner** | Ana |\n",
        "---\ntitle: PRD Review Workflow\nstatus: Draft\nowner: Ana\n---\nText.\n",
        "# PRD Checklist for Reviewers\n\n**Version:** 2\n" + HANDBOOK_HEAD.format(status="Approved"),
        "# PRD Tips and Tricks\n\n" + HANDBOOK_HEAD.format(status="Draft") + "\n## 1. Problem\n",
        "# Product Requirements Writing Guide\n\n" + HANDBOOK_HEAD.format(status="Draft"),
        "# PRD 101\n\n**Version:** 1.0\n" + HANDBOOK_HEAD.format(status="Draft"),
        "# Sample PRD\n\n**Version:** 1.0\n" + HANDBOOK_HEAD.format(status="Draft"),  # the words last
        "# Annotated Product Requirements Document\n\n" + HANDBOOK_HEAD.format(status="Draft"),
        # A name that could be a feature, but nothing beyond Owner and Status says PRD.
        "# PRD Checkout Redesign\n\n" + HANDBOOK_HEAD.format(status="Draft") + "\n## Notes\n",
        "# Checkout Redesign PRD\n\n" + HANDBOOK_HEAD.format(status="Draft") + "\n## Notes\n",
    ],
    ids=[
        "checklist",
        "process",
        "template-guide",
        "guidelines-versioned",
        "faq",
        "playbook-table",
        "front",
        "checklist-for",
        "tips-and-tricks",
        "product-requirements-guide",
        "101",
        "sample-prd",
        "annotated-prd",
        "bare",
        "bare-last",
    ],
)
def test_a_handbook_page_titled_prd_noun_is_no_prd(text: str) -> None:
    """``# PRD <Noun>`` without a separator over only Owner and Status (fresh6 item 1): a page about PRDs."""
    assert not is_prd(text)


@pytest.mark.parametrize(
    "header",
    [
        "**Track ID:** checkout-redesign\n**Owner:** Ana\n**Status:** Draft\n",
        "**Version:** 1.0\n**Owner:** Ana\n**Status:** Draft\n",
        "**Owner:** Ana\n**Status:** Draft\n\n## 1. Problem\n",
        "**Responsable:** Ana\n**Estado:** Borrador\n\n## 1. Problema\n",
        "**Revision:** 3\n**Owner:** Ana\n**Status:** Draft\n",
        "**Owner:** Ana\n**Status:** Draft\n\n## Problem\n",
    ],
    ids=["track-id", "version", "template-section", "template-section-es", "revision", "unnumbered-section"],
)
def test_a_prd_titled_prd_name_with_more_than_owner_and_status_is_a_prd(header: str) -> None:
    assert is_prd(f"# PRD Checkout Redesign\n\n{header}")
    assert is_prd(f"# PRD Template Editor for Admins\n\n{header}")  # the head noun is Editor
    assert is_prd(f"# Checkout Redesign PRD\n\n{header}")  # the PRD words last: the same
    # A separator marks PRD off as a label: Owner and Status are enough, whatever the noun.
    assert is_prd("# PRD - Review Checklist\n\n**Owner:** Ana\n**Status:** Draft\n")
    # A Track ID is a PRD's own: even a handbook noun is then a PRD's name.
    assert is_prd("# PRD Review Workflow\n\n**Track ID:** prd-review\n**Owner:** Ana\n**Status:** Draft\n")


def test_front_matter_title_without_a_heading() -> None:
    body = CLEAN.replace(H1 + "\n", "", 1)
    text = f'---\ntitle: "PRD: Saved Payment Methods"\n---\n{body}'
    assert is_prd(text)
    assert parse_prd(text, "prd.md").title == "Saved Payment Methods"
    assert is_prd('---\ntitle: "Refunds — PRD"\nstatus: Draft\nowner: Ana\n---\nText.\n')
    assert not is_prd('---\ntitle: "Refunds — PRD"\n---\nText.\n')


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("PRD: Refunds", "Refunds"),
        ("**PRD:** Refunds", "Refunds"),
        ("PRD | Refunds", "Refunds"),
        ("Refunds: PRD", "Refunds"),
        # Without a separator, PRD is part of the name (a PRD about PRD tooling keeps it).
        ("PRD Tooling", "PRD Tooling"),
        ("PRD Checkout Redesign", "PRD Checkout Redesign"),
        ("**PRD Tooling**", "PRD Tooling"),
        ("Product Requirements Document Tooling", "Product Requirements Document Tooling"),
        ("PRD for Checkout", "Checkout"),
        ("[PRD] Tooling", "Tooling"),
        ("(PRD) Tooling", "Tooling"),
        ("PRD - Tooling", "Tooling"),
        ("Checkout Redesign PRD", None),  # no separator: no name to take out (titled_prd: a PRD title)
        ("PRD", None),
        ("PRDs we shipped", None),
        ("Product requirements", None),
        ("Writing a PRD", None),
    ],
)
def test_prd_name(title: str, name: str | None) -> None:
    assert prd_name(title) == name


def test_has_prd_header_stops_at_the_first_section() -> None:
    lines = ["", "## 1. Problem", "**Status:** Draft", "**Owner:** Ana"]
    assert not has_prd_header(lines, 0)
    assert has_prd_header(lines[2:], 0)


def test_lint_names_a_file_it_was_given_that_is_no_prd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - search\n  - prd:\n      paths: [prds/**]\n", encoding="utf-8"
    )
    pages = {
        "prds/refunds.md": CLEAN.replace(H1, "# Saved Payment Methods — PRD", 1),
        "prds/guide.md": "# Writing a PRD - a guide\n\nProse.\n",
        "notes.md": CLEAN,  # a PRD outside the site's paths
    }
    for rel, text in pages.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = [os.path.join("docs", *rel.split("/")) for rel in pages]
    assert main(["lint", *files]) == 0
    out, err = capsys.readouterr()
    assert "0 errors, 0 warnings, 0 infos in 1 PRD page" in out
    assert "skipped docs/prds/guide.md: not a PRD" in err and "skipped docs/notes.md: not a PRD" in err
    assert "refunds.md" not in err
    assert main(["lint", "docs"]) == 0  # through a folder: no note per page
    assert "not a PRD" not in capsys.readouterr().err


def test_a_paths_pattern_that_matches_no_page_is_a_warning_in_lint_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``paths: [prd/**]`` for ``prds/``: a site without PRDs, said by lint and by the build."""
    settings = Settings(paths=("prd/**", "prds/**"))
    assert settings.unmatched_paths(["prds/a.md", "index.md"]) == ["prd/**"]
    assert Settings().unmatched_paths(["index.md"]) == []
    site = build_site(tmp_path / "s", {"prds/a.md": CLEAN, "index.md": "# Home\n"}, {"paths": ["prd/**"]})
    assert any("'prd/**' matches no page" in m for m in site.messages())
    monkeypatch.chdir(site.root)
    assert main(["lint"]) == 0
    assert "paths: the pattern 'prd/**' matches no page" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("PRD: **Automated** Refunds `X8`", "**Automated** Refunds `X8`"),
        ("PRD: *Automated* Refunds", "*Automated* Refunds"),
        ("**PRD: Automated Refunds**", "Automated Refunds"),  # the whole title bold
        ("PRD: _Automated_ refunds", "_Automated_ refunds"),
        ("**PRD:** Automated Refunds", "Automated Refunds"),
        ("**PRD:** **Automated** Refunds", "**Automated** Refunds"),
        ("*PRD: Automated* Refunds", "Automated Refunds"),
        ("**PRD**: Refunds", "Refunds"),
        ("__PRD:__ snake_case_name", "snake_case_name"),
        ("PRD\\: **Automated** Refunds", "**Automated** Refunds"),
        ("PRD : **Paiements** récurrents", "**Paiements** récurrents"),  # French spacing
        ("PRD: `**` Refunds", "`**` Refunds"),
        ("PRD - **Automated** Refunds", "**Automated** Refunds"),
        ("**PRD - Automated Refunds**", "Automated Refunds"),
        ("[PRD] _Automated_ Refunds", "_Automated_ Refunds"),
        ("**Automated** Refunds — PRD", "**Automated** Refunds"),
        ("**Automated Refunds — PRD**", "Automated Refunds"),
    ],
)
def test_taking_the_label_off_leaves_the_titles_emphasis_balanced(heading: str, title: str) -> None:
    """The name is the H1's inline text without the label (fresh6 item 10): a mark the label opened
    closes with it, a mark round the first word stays (was ``Automated** Refunds``)."""
    text = CLEAN.replace(H1, f"# {heading}", 1)
    assert is_prd(text)
    assert parse_prd(text, "prd.md").title == title

    def shown(markdown_text: str) -> str:
        return re.sub(r"<[^>]+>", "", markdown.markdown(markdown_text))

    prose = shown(re.sub(r"`[^`]*`", "", title)).replace("snake_case_name", "")
    assert "*" not in prose and "_" not in prose  # no stray mark shows
    h1 = shown(f"# {heading}").replace("\\", "")
    assert shown(title) in h1 and h1.replace(shown(title), "").strip(" -—:") in (
        "PRD",
        "[PRD]",
    )  # the rest is the label


@pytest.mark.parametrize(
    "title", ["PRD : Paiements", "PRD\u00a0: Paiements", "PRD\u202f: Paiements", "**PRD :** Paiements"]
)
def test_a_french_spaced_colon_is_the_prd_label(title: str) -> None:
    """``# PRD : X`` is ``# PRD: X`` as French typography writes it: a PRD with no header asked."""
    text = f"# {title}\n\nProse.\n"
    assert is_prd(text)
    assert parse_prd(text, "p.md").title == "Paiements"


TOPS = {
    "a note of n lines before the title": lambda n: "!!! note\n" + "    line\n" * n + "\n# PRD: X\n",
    "a block never closed": lambda n: "/// warning\n" + "text\n" * n + "# PRD: X\n",
    "n definitions before the title": lambda n: "[a]: https://x.example\n" * n + "# PRD: X\n",
    "a title of n emphasis marks": lambda n: "# **PRD:** " + "*a* _b_ **c " * n + "\n\n**Status:** Draft\n",
}


@pytest.mark.parametrize("name", sorted(TOPS))
def test_reading_the_top_of_a_page_is_linear(name: str) -> None:
    """What stands before a title, and the marks of a long title, are read in linear time."""
    make = TOPS[name]
    small, large = make(5000), make(GROWTH * 5000)
    assert_linear(
        name,
        lambda: (is_prd(small), parse_prd(small, "p.md")),
        lambda: (is_prd(large), parse_prd(large, "p.md")),
    )
