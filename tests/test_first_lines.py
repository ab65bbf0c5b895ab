"""A PRD's first lines are its text: MkDocs' MultiMarkdown metadata reader must not swallow them.

Without YAML front matter MkDocs and ProperDocs take ``key: value`` lines at the top of
a page as metadata and drop them; a setext title ``PRD: X`` over ``===`` is such a line.
The plugin hands MkDocs the page with a blank line in front (never writing docs_dir).
Unit tests check the decision against MkDocs' own reader; real builds check the pages.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Site, build_site
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from render_sites import prd_text

from mkdocs_prd.adapters.mkdocs.meta_lines import keep_first_lines

SETEXT = prd_text("Setext title", status="Bogus").replace(
    "# PRD: Setext title", "PRD: Setext title\n================="
)
STATUS_LINE = SETEXT.split("\n").index("**Status:** Bogus") + 1


@pytest.mark.parametrize(
    "first",
    ["PRD: Setext title", "prd: lower", "PRD:no space", "Title: Export", "Status: Draft", "  Owner: Ana"],
)
def test_a_meta_like_first_line_is_kept_as_text(first: str) -> None:
    source = f"{first}\n=====\n\nBody.\n"
    kept = keep_first_lines(source)
    assert kept is not None
    assert get_data(source)[1]  # MkDocs alone takes it as metadata: the test can fail
    assert get_data(kept) == (source, {})


@pytest.mark.parametrize(
    "source",
    [
        "# PRD: Atx\n\nText\n",
        "---\ntype: prd\n---\nPRD: X\n===\n",
        "\nPRD: X\n===\n",
        "**Status:** Draft\n",
        "<!-- c -->\nPRD: X\n===\n",
        "",
    ],
)
def test_pages_mkdocs_reads_whole_are_left_to_it(source: str) -> None:
    assert keep_first_lines(source) is None


META_LINE = st.from_regex(r"[A-Za-z0-9_-]{1,8}:[ a-z=]{0,10}", fullmatch=True)
OTHER_LINE = st.sampled_from(["", "=====", "    more", "# H", "text", "---", "\r"])


@settings(max_examples=60, deadline=None)
@given(first=META_LINE, rest=st.lists(st.one_of(META_LINE, OTHER_LINE), max_size=6), crlf=st.booleans())
def test_mkdocs_reads_the_page_back_whole(first: str, rest: list[str], crlf: bool) -> None:
    source = ("\r\n" if crlf else "\n").join([first, *rest])
    kept = keep_first_lines(source)
    assert kept is not None
    markdown, meta = get_data(kept)
    assert meta == {}
    assert markdown == source.replace("\r\n", "\n").replace("\r", "\n")


# --- real builds -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("first-lines")
    files: dict[str, str | bytes] = {
        "prds/setext.md": SETEXT,
        "prds/crlf.md": ("\ufeff" + SETEXT.replace("Setext title", "Windows title"))
        .replace("\n", "\r\n")
        .encode(),
        "prds/atx.md": prd_text("Atx title"),
        "notes.md": "Title: Meta title\nSummary: kept as metadata\n\nOrdinary page.\n",
    }
    return build_site(root, files, {"show_findings": "always"})


def article(site: Site, page: str) -> str:
    text = site.html(f"{page}/index.html")
    m = re.search(r"<article[^>]*>(.*?)</article>", text, re.S)
    assert m is not None
    return m.group(1)


@pytest.mark.parametrize(("page", "title"), [("prds/setext", "Setext title"), ("prds/crlf", "Windows title")])
def test_setext_title_is_the_h1_the_page_title_and_in_the_toc(site: Site, page: str, title: str) -> None:
    body = article(site, page)
    slug = "prd-" + title.lower().replace(" ", "-")
    assert f'<h1 id="{slug}">PRD: {title}</h1>' in body
    assert "====" not in body
    full = site.html(f"{page}/index.html")
    assert f"<title>PRD: {title} - Test site</title>" in full
    assert f'href="#{slug}"' in full  # Material's table of contents links the title
    # The findings panel and the card come under the title, not above it.
    h1 = body.index("<h1")
    assert h1 < body.index("prd-findings") and h1 < body.index('class="prd-card')


def test_findings_of_a_setext_page_keep_their_line_numbers(site: Site) -> None:
    lines = [m for m in site.messages(logging.WARNING) if "setext.md" in m and "PRD102" in m]
    assert lines and all(f"setext.md:{STATUS_LINE}" in m for m in lines), lines


def test_atx_pages_and_ordinary_pages_are_read_as_before(site: Site) -> None:
    assert '<h1 id="prd-atx-title">PRD: Atx title</h1>' in article(site, "prds/atx")
    notes = site.html("notes/index.html")
    assert "<title>Meta title - Test site</title>" in notes  # MultiMarkdown metadata, as MkDocs reads it
    assert "Summary" not in article(site, "notes")


def test_the_extension_without_the_plugin_puts_the_title_back(tmp_path: Path) -> None:
    # MkDocs with `markdown_extensions: [mkdocs_prd.extension]` and no prd plugin.
    site = build_site(
        tmp_path,
        {"prds/setext.md": SETEXT},
        None,
        config={"markdown_extensions": ["tables", "attr_list", "admonition", "mkdocs_prd.extension"]},
    )
    body = article(site, "prds/setext")
    assert '<h1 id="prd-setext-title">PRD: Setext title</h1>' in body
    assert "====" not in body and body.index("<h1") < body.index('class="prd-card')


def test_properdocs_keeps_the_setext_title(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "prds"
    docs.mkdir(parents=True)
    (docs / "setext.md").write_text(SETEXT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme: material\nplugins: [prd]\n", encoding="utf-8")
    properdocs = Path(sys.executable).with_name("properdocs")
    done = subprocess.run(
        [str(properdocs), "build", "-q", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(properdocs.parent)},
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "prds" / "setext" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="prd-setext-title">PRD: Setext title</h1>' in page
    assert "<p>====" not in page
