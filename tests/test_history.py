"""``history: true`` on real builds of a git-backed site: status dates, last author, timeline,
renames followed, the index's "approved on", git asked a fixed number of times per build,
and builds without git or in a shallow clone that work and say why once.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site
from git_repos import Git, prd
from test_readme import MAX_PNG_BYTES, SCREENSHOTS, save

from mkdocs_prd.core.review import git as git_module

HOSTILE_AUTHOR = 'Dave & "Hacker" {date}'  # git itself drops < and > from names
OPTIONS = {"history": True, "sort_by": "approved_on", "show_findings": "never"}


def _with_status(text: str, status: str) -> str:
    return re.sub(r"\*\*Status:\*\* \w+", f"**Status:** {status}", text, count=1)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Git:
    git = Git(tmp_path_factory.mktemp("history") / "repo").init()
    a, b = prd("Alpha", "t-alpha", status="Draft"), prd("Beta", "t-beta", status="Draft")
    git.write({".gitignore": "site/\nmkdocs.yml\n", "docs/index.md": "# Home\n", "docs/prds/a.md": a})
    git.write({"docs/prds/b.md": b})
    git.commit("Drafts", when="2026-01-05T09:00:00+00:00", author="Alice Admin")
    git.write({"docs/prds/a.md": _with_status(a, "Review")})
    git.commit("Alpha for review", when="2026-01-12T09:00:00+00:00", author="Bob Builder")
    git.write({"docs/prds/a.md": _with_status(a, "Approved")})
    git("mv", "docs/prds/b.md", "docs/prds/renamed-b.md")
    git.write({"docs/prds/renamed-b.md": _with_status(b, "Review")})
    git.commit(
        "Alpha approved; Beta moved, for review", when="2026-01-20T09:00:00+00:00", author="Carol Chief"
    )
    git.write({"docs/prds/a.md": _with_status(a, "Approved") + "\nA closing remark.\n"})
    git.commit("Remark", when="2026-02-02T09:00:00+00:00", author="Dave Park")
    git.write({"docs/prds/c.md": prd("Gamma", "t-gamma", status="Approved")})
    git.commit("Gamma", when="2026-02-03T09:00:00+00:00", author=HOSTILE_AUTHOR)
    return git


@pytest.fixture(scope="module")
def built(repo: Git) -> Site:
    return build_site(repo.root, {}, OPTIONS, theme="mkdocs")


def card(site: Site, page: str) -> str:
    html = site.html(page)
    start = html.index('<div class="prd-card">')
    return (
        html[start : html.index('<div class="prd-card__stats">', start)]
        + html[html.index('<div class="prd-card__history">', start) : html.index("</ol>", start)]
    )


def steps(card_html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<li class="prd-timeline__step">.*?>([^<>]+)</span>\s*<time datetime="([^"]+)">', card_html
    )


def test_status_dates_last_author_and_timeline(built: Site) -> None:
    alpha = card(built, "prds/a/index.html")
    assert "Approved since 2026-01-20" in alpha
    # The last change was only a remark: the status date stays, the last author is the remark's.
    assert "Last changed on 2026-02-02 by Dave Park" in alpha
    assert steps(alpha) == [("Draft", "2026-01-05"), ("Review", "2026-01-12"), ("Approved", "2026-01-20")]


def test_a_renamed_prd_keeps_its_history(built: Site) -> None:
    beta = card(built, "prds/renamed-b/index.html")
    assert steps(beta) == [("Draft", "2026-01-05"), ("Review", "2026-01-20")]
    assert "Review since 2026-01-20" in beta and "by Carol Chief" in beta


def test_a_new_prd_has_one_step(built: Site) -> None:
    gamma = card(built, "prds/c/index.html")
    assert steps(gamma) == [("Approved", "2026-02-03")]
    # Author names are untrusted text: escaped, and never read as a label placeholder.
    assert "Last changed on 2026-02-03 by Dave &amp; &#34;Hacker&#34; {date}" in gamma


def test_the_index_sorts_by_approved_on(built: Site) -> None:
    index = built.html("prds/index.html")
    assert ">Approved on<" in index
    order = [t for t in re.findall(r'<a href="[^"]*"[^>]*>(Alpha|Beta|Gamma)</a>', index)]
    assert order == ["Alpha", "Gamma", "Beta"]  # Beta is not approved: last
    assert 'data-prd-sort="2026-01-20"' in index and 'data-prd-sort="2026-02-03"' in index


def test_git_runs_a_fixed_number_of_times_per_build(
    repo: Git, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real: Callable[..., Any] = git_module.subprocess.run

    def counting(args: list[str], **kwargs: Any) -> Any:
        calls.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(git_module.subprocess, "run", counting)
    build_site(repo.root, {}, OPTIONS, theme="mkdocs")
    # rev-parse, one log over docs_dir, one cat-file for the older versions: not one per page.
    assert [c[5] for c in calls] == ["rev-parse", "log", "cat-file"]
    calls.clear()
    build_site(repo.root, {}, {**OPTIONS, "history": False}, theme="mkdocs")
    assert calls == []


def test_without_git_or_in_a_shallow_clone_the_build_says_why_once(
    repo: Git, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    plain = tmp_path / "plain"
    shutil.copytree(repo.root / "docs", plain / "docs")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    site = build_site(plain, {}, OPTIONS, theme="mkdocs")
    said = [m for m in site.messages() if "history" in m.lower()]
    assert [r.levelno for r in caplog.records if "history" in r.getMessage()] == [logging.INFO]
    assert len(said) == 1 and "not inside a git repository" in said[0]
    assert "prd-card__history" not in site.html("prds/a/index.html")
    assert 'class="prd-card"' in site.html("prds/a/index.html")

    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)],
        check=True,
        capture_output=True,
    )
    site = build_site(shallow, {}, OPTIONS, theme="mkdocs")
    said = [m for m in site.messages() if "history" in m.lower()]
    assert len(said) == 1 and "shallow" in said[0] and "fetch-depth: 0" in said[0]


@pytest.mark.browser
def test_timeline_screenshot(chromium: Any, repo: Git, tmp_path: Path) -> None:
    material = build_site(repo.root, {}, OPTIONS)  # Material, as the screenshots of the docs
    page = chromium.new_page(viewport={"width": 1100, "height": 560}, color_scheme="light")
    page.goto((material.site_dir / "prds/a/index.html").as_uri())
    card_box = page.locator(".prd-card").first
    card_box.wait_for(state="visible")
    assert "Approved since 2026-01-20" in card_box.inner_text()
    shot = tmp_path / "prd-history.png"
    page.screenshot(path=str(shot))
    page.close()
    save(shot)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and 10_000 < len(data) < MAX_PNG_BYTES


def test_committed_timeline_screenshot_is_a_small_png() -> None:
    data = (SCREENSHOTS / "prd-history.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < MAX_PNG_BYTES


def test_history_of_versions_without_git() -> None:
    from mkdocs_prd.core.review.history import Version, history_of

    versions = [  # newest first, as git log lists them
        Version("c5", "2026-03-01", "Eve", "b5"),
        Version("c4", "2026-02-01", "Dan", "b4"),
        Version("c3", "2026-01-20", "Cy", "b3"),
        Version("c2", "2026-01-10", "Bo", "b2"),
        Version("c1", "2026-01-01", "Al", "b1"),
    ]
    statuses = {"b1": "Draft", "b2": "Approved", "b3": "Draft", "b4": "**approved**", "b5": "Implemented"}

    def status_at(v: Version) -> str | None:
        return statuses[v.blob]

    h = history_of("p.md", versions, status_at, "Implemented")
    assert [(s.status, s.date) for s in h.steps] == [
        ("Draft", "2026-01-01"),
        ("Approved", "2026-01-10"),
        ("Draft", "2026-01-20"),
        ("**approved**", "2026-02-01"),
        ("Implemented", "2026-03-01"),
    ]
    # Approved for good since its second approval; Implemented counts as approved.
    assert (h.since, h.approved_on, h.last_author) == ("2026-03-01", "2026-02-01", "Eve")
    # A status changed in the working tree but not committed has no "since" and no approval date.
    h = history_of("p.md", versions, status_at, "Review")
    assert (h.since, h.approved_on, h.last_date) == (None, None, "2026-03-01")
    assert history_of("p.md", [], status_at, "Draft").steps == ()
