"""The language server sees the build's pages, read as every command reads them.

A real client over stdio on a site with ``exclude_docs``, a FIFO, a symbolic link to a
PRD outside ``docs_dir`` and a dangling one: the server starts (a FIFO never blocks it),
an excluded page is neither part of the site nor checked, a linked page is, and the
diagnostics of a page equal ``mkdocs-prd lint``'s findings for it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_lsp import CLEAN, Session, as_findings, run_session, version

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.context import SiteContext

REFERRING = CLEAN.replace("## 1. Problem", "## 1. Problem\n\nBuilds on linked:FR-1 and drafted:FR-1.\n", 1)


def odd_site(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        "site_name: T\nexclude_docs: |\n  drafts/\nplugins:\n  - prd\n", encoding="utf-8"
    )
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    (docs / "drafts").mkdir()
    (docs / "prds" / "a.md").write_text(REFERRING, encoding="utf-8")
    # Left out of the build: its Track ID duplicates a.md's and its FR-1 is not a site id.
    (docs / "drafts" / "b.md").write_text(CLEAN.replace("saved-payment-methods", "drafted"), encoding="utf-8")
    (docs / "drafts" / "same.md").write_text(CLEAN, encoding="utf-8")
    outside = root / "outside.md"
    outside.write_text(CLEAN.replace("saved-payment-methods", "linked"), encoding="utf-8")
    (docs / "prds" / "linked.md").symlink_to(outside)
    (docs / "prds" / "dangling.md").symlink_to(root / "nowhere.md")
    os.mkfifo(docs / "prds" / "pipe.md")


def test_site_context_reads_the_builds_pages_only(tmp_path: Path) -> None:
    odd_site(tmp_path)
    docs = tmp_path / "docs"
    pages = ["prds/a.md", "prds/linked.md", "prds/dangling.md", "prds/pipe.md"]
    context = SiteContext.load(str(docs), Settings(), pages)  # returns: the FIFO was never opened
    assert sorted(context.prds) == ["prds/a.md", "prds/linked.md"]
    assert context.path_of(str(docs / "drafts" / "b.md")) is None  # on disk, not built
    assert context.path_of(str(docs / "prds" / "new.md")) == "prds/new.md"  # a new unsaved page


def test_diagnostics_are_the_lint_findings_of_the_builds_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    odd_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["lint", "--format", "json", "docs/prds/a.md"])
    expected = sorted((f["line"], f["rule"], f["message"]) for f in json.loads(capsys.readouterr().out))
    # drafted:FR-1 names an excluded page: PRD601, as in the build; linked:FR-1 resolves.
    assert [(rule, message.split(":")[0]) for _, rule, message in expected] == [
        ("PRD601", "Reference `drafted")
    ]

    async def body(s: Session) -> dict[str, list[tuple[int, object, str]]]:
        a = s.open("prds/a.md", REFERRING)
        found_a = await s.wait_for(a, version(1))
        draft = s.open("drafts/same.md", CLEAN)
        found_draft = await s.wait_for(draft, version(1))
        return {"a": as_findings(found_a), "draft": as_findings(found_draft)}

    result = run_session(tmp_path, body)
    assert result["a"] == expected
    assert result["draft"] == []  # not a page of the build: not checked, no PRD106 with a.md
