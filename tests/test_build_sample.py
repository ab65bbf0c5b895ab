"""A real ``mkdocs build --strict`` of the sample site, as ``make serve`` serves it."""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
DOCS = SAMPLE / "docs"

# The PRDs of the sample site, by source path.  The other pages (home, guides, the
# IOSM report beside the track PRD) talk about PRDs but are not PRDs.
SAMPLE_PRDS = {
    "prds/data/warehouse-cost-dashboard.md",
    "prds/growth/referral-program.md",
    "prds/mobile/offline-shopping-list.md",
    "prds/payments/refund-automation.md",
    "prds/platform/audit-log-export.md",
    "prds/search/typo-tolerant-search.md",
    "tracks/2026-03-notification-digest/PRD.md",
}


Built = tuple[subprocess.CompletedProcess[str], Path, dict[str, str]]
"""(the build's result, its site_dir, the docs_dir snapshot taken before it)."""


def docs_snapshot(docs: Path) -> dict[str, str]:
    """Every file under ``docs`` with a hash of its content."""
    return {
        p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(docs.rglob("*"))
        if p.is_file()
    }


def run_build(config: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` in a subprocess, as a user runs it; output captured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = tmp_path_factory.mktemp("sample") / "site"
    before = docs_snapshot(DOCS)
    result = run_build(SAMPLE / "mkdocs.yml", site)
    return result, site, before


def test_sample_site_builds_strict(sample_build: Built) -> None:
    result, site, _ = sample_build
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()


def test_logs_the_number_of_prd_pages(
    sample_build: Built,
) -> None:
    result, _, _ = sample_build
    counts = re.findall(r"mkdocs_prd: (\d+) PRD pages found", result.stderr)
    # Exactly one line per build, with the sample site's PRD count.
    assert counts == [str(len(SAMPLE_PRDS))], result.stderr


def test_every_sample_prd_is_rendered(
    sample_build: Built,
) -> None:
    _, site, _ = sample_build
    for src in SAMPLE_PRDS:
        page = site / (src[: -len(".md")] + "/index.html")
        assert page.is_file(), src
        title = first_h1(DOCS / src).removeprefix("# PRD:").strip()
        assert html.escape(title, quote=False) in page.read_text(encoding="utf-8"), src


def test_the_build_writes_nothing_into_docs_dir(
    sample_build: Built,
) -> None:
    _, _, before = sample_build
    assert docs_snapshot(DOCS) == before


def test_sample_prds_are_all_real_prds_and_nothing_else() -> None:
    """The list above matches the files: every PRD-looking page is listed, no other."""
    found = {
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if first_h1(p).lower().startswith("# prd:")
    }
    assert found == SAMPLE_PRDS


def first_h1(path: Path) -> str:
    """The first ``# `` heading of a Markdown file, after any front matter."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return next((line for line in body.splitlines() if line.startswith("# ")), "")


def test_home_page_lists_the_approved_prds(sample_build: Built) -> None:
    _, site, _ = sample_build
    page = (site / "index.html").read_text(encoding="utf-8")
    article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page, re.S)
    assert article  # the page body, without the navigation (which names every page)
    home = article.group(1)
    assert "<!-- prd-index" not in home  # the marker was replaced by the listing
    # The two Approved PRDs, oldest first (sort=date), and no PRD of another status.
    refunds = home.index("Automated Refunds for Card Payments")
    warehouse = home.index("Warehouse Cost Attribution Dashboard")
    assert refunds < warehouse
    for other in ("Typo-Tolerant Product Search", "Audit Log Export", "Customer Referral Program"):
        assert other not in home
    assert 'href="prds/"' in home  # the link to the generated index page resolves
