"""Pages saved with ``\\r\\n`` or lone ``\\r`` line ends (Windows, classic Mac) are read as
MkDocs reads them: with universal newlines, every one of them ends a line.

A lone ``\\r`` page was one line to the checks that read the text whole: a PRD whose front
matter says ``type: prd`` or gives the title (or opens the page before its ``# PRD:``
title) was no PRD, so ``mkdocs-prd lint`` said "0 PRD pages" and the build showed the page
without its card and checks, while MkDocs read its front matter and H1; the line-start
pre-scans (PRD803's) never matched.  Every golden case now gives the same findings, on the
same lines, with any of the three line ends, and ``--fix`` keeps the file's own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import build_site
from test_rules_golden import CASES, GOLDEN, lint_folder

from mkdocs_prd.core.fix import fix_bytes
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.context import SiteContext

ENDS = {"crlf": b"\r\n", "cr": b"\r"}


def _copy_with(folder: Path, to: Path, end: bytes) -> Path:
    shutil.copytree(folder, to)
    for page in to.rglob("*.md"):
        page.write_bytes(page.read_bytes().replace(b"\n", end))
    return to


@pytest.mark.parametrize("case", CASES)
def test_every_line_end_gives_the_same_findings(case: str, tmp_path: Path) -> None:
    folder = GOLDEN / "cases" / case
    # (The messages too, but a byte offset: PRD001 names the bad byte's offset in the file.)
    expected = [(f.path, f.line, f.rule, f.message.split(" at offset")[0]) for f in lint_folder(folder)]
    for name, end in ENDS.items():
        copy = _copy_with(folder, tmp_path / name, end)
        found = [(f.path, f.line, f.rule, f.message.split(" at offset")[0]) for f in lint_folder(copy)]
        assert found == expected, name


FRONT = (GOLDEN / "cases" / "silent-front-matter-metadata" / "prd.md").read_text(encoding="utf-8")
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_the_language_server_reads_an_editors_line_ends_as_the_build(end: str) -> None:
    page = CLEAN.replace("## 2. Goals", "##2. Goals")  # one PRD805, found by a pre-scan
    context = SiteContext(Settings())
    expected = [(f.line, f.rule) for f in context.check("a.md", page)]
    assert expected and {rule for _, rule in expected} == {"PRD805"}
    assert [(f.line, f.rule) for f in context.check("a.md", page.replace("\n", end))] == expected
    assert context.update("f.md", FRONT.replace("\n", end)) is not None  # a PRD by its front matter


def test_fix_finds_and_keeps_lone_cr_line_ends() -> None:
    page = CLEAN.replace("## 2. Goals", "##2. Goals").replace("\n", "\r").encode()
    fixed, applied = fix_bytes(page, "a.md", Settings())
    assert len(applied) == 1
    assert fixed == CLEAN.replace("\n", "\r").encode()


def test_a_build_shows_the_card_of_a_prd_with_lone_cr_line_ends(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "prds/front.md": FRONT.replace("\n", "\r").encode(),
        "prds/plain.md": CLEAN.replace("saved-payment-methods", "plain").replace("\n", "\r").encode(),
    }
    site = build_site(tmp_path, files, {"paths": ["prds/**"]}, theme="mkdocs")
    for name in ("front", "plain"):
        page = (site.site_dir / "prds" / name / "index.html").read_text(encoding="utf-8")
        assert "prd-card" in page, name
