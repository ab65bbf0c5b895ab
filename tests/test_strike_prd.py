"""GFM ``~~struck~~`` text on PRD pages (REPORT-fresh7 item 10).

The parser gives struck text a meaning (a withdrawn criterion, an answered question, a
replaced value); the page must show it struck, as GitHub does, on a site without a
strikethrough extension (the quick start).  A site with ``pymdownx.tilde`` keeps its own
rendering; code keeps its tildes; non-PRD pages render exactly as before.  In-process:
Python-Markdown with the plugin's list piece (as the plugin and the extension register it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from block_oracle import MKDOCS_DEFAULT, SAMPLE, mkdocs_html

from mkdocs_prd.adapters.markdown import sites

STRUCK = [
    ("* [ ] ~~FR-2 verified with readers~~ (dropped)\n", "<del>FR-2 verified with readers</del>"),
    ("- ~~Do we alert on credits?~~ No (decided 2026-07-02).\n", "<del>Do we alert on credits?</del>"),
    ("**Owner:** ~~Ana~~ Bo\n", "<del>Ana</del> Bo"),
    ("- ~~Do we **alert**?~~ No.\n", "<del>Do we <strong>alert</strong>?</del>"),
    ("| FR-1 | ~~Export~~ Import | Must |\n|---|---|---|\n", "<del>Export</del>"),
    ("See [~~the old spec~~](old.md).\n", "<del>the old spec</del>"),
    ("> ~~Quoted~~ text\n", "<del>Quoted</del>"),
]

NOT_STRUCK = [
    "Use `~~x~~` in Markdown.\n",
    "```\n~~fence~~\n```\n",
    "    ~~indented code~~\n",
    "a ~~ b ~~ c\n",  # a blank after the opening tildes, before the closing ones
    "approx. ~5 ms to ~10 ms\n",
    "\\~~escaped~~\n",
]


@pytest.mark.parametrize("extensions", [MKDOCS_DEFAULT, SAMPLE], ids=["quick-start", "sample"])
@pytest.mark.parametrize(("text", "struck"), STRUCK)
def test_struck_text_is_del_on_a_prd_page(text: str, struck: str, extensions: list[str]) -> None:
    html = mkdocs_html(text, extensions)
    assert struck in html
    assert "~~" not in html


@pytest.mark.parametrize("text", NOT_STRUCK)
def test_tildes_in_code_or_without_strike_stay(text: str) -> None:
    html = mkdocs_html(text, MKDOCS_DEFAULT)
    assert "<del>" not in html
    assert "~" in html


@pytest.mark.parametrize(("text", "struck"), STRUCK[:3])
def test_a_non_prd_page_is_unchanged(text: str, struck: str) -> None:
    plain = markdown.markdown(text, extensions=MKDOCS_DEFAULT)
    assert mkdocs_html(text, MKDOCS_DEFAULT, fidelity=False) == plain


def test_a_site_with_pymdownx_tilde_keeps_its_rendering() -> None:
    text = "- ~~gone~~ and H~2~O\n"
    with_tilde = [*MKDOCS_DEFAULT, "pymdownx.tilde"]
    assert mkdocs_html(text, with_tilde) == markdown.markdown(text, extensions=with_tilde)


def test_the_markdown_extension_path_strikes_on_prd_pages_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mkdocs_prd.extension`` (Zensical, MkDocs without the plugin) renders PRD pages the same way."""
    sites.forget()
    root = Path(__file__).resolve().parent.parent / "sample_site"
    shutil.copytree(root, tmp_path / "site", ignore=shutil.ignore_patterns("site"))
    monkeypatch.chdir(tmp_path / "site")
    prd = tmp_path / "site" / "docs" / "prds" / "growth" / "referral-program.md"
    prd.write_text(prd.read_text(encoding="utf-8") + "\nWas ~~a struck plan~~.\n", encoding="utf-8")
    other = "# Guide\n\nWas ~~a struck plan~~.\n"

    def convert(text: str) -> str:
        md = markdown.Markdown(extensions=["mkdocs_prd.extension", "meta", "tables", "toc"])
        return md.convert(text)

    assert "<del>a struck plan</del>" in convert(prd.read_text(encoding="utf-8"))
    assert "~~a struck plan~~" in convert(other)
    sites.forget()
