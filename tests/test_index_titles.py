"""Titles in the index read as on the page (issue 13): the site's Markdown renders them.

``# PRD: 🚀 Launch :rocket:`` shows an emoji in the index where the page's H1 does (the
site lists ``pymdownx.emoji``) and ``:rocket:`` where it does not; inline HTML is read,
made safe by an allow-list (never a script, an event handler or a ``javascript:`` URL);
the charts' SVG labels get the same text; the JSON export keeps the source text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_site
from index_sites import prd_text

from mkdocs_prd.adapters.markdown.titles import title_markup
from mkdocs_prd.core.parse.prd import shown_title
from mkdocs_prd.html.titles import Titles

EMOJI = ["pymdownx.emoji", "tables", "attr_list"]


def material_titles() -> Titles:
    from material.extensions import emoji

    configs = {"pymdownx.emoji": {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg}}
    return Titles(title_markup(["toc", "tables", "attr_list", "pymdownx.emoji"], configs))


@pytest.mark.parametrize(
    ("title", "shown", "text"),
    [
        # An emoji image is its alt text, the emoji itself: never fetched from the index.
        ("🚀 Launch :rocket:", r"🚀 Launch 🚀", "🚀 Launch 🚀"),
        # An inline SVG icon stays, in the emoji extension's span.
        (
            ":material-rocket: Go",
            r'<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            r'<path d="[^"]+"></path></svg></span> Go',
            "Go",
        ),
        ("<b>Bold</b> move", r"<b>Bold</b> move", "Bold move"),
        ("The `pay` API", r"The <code>pay</code> API", "The pay API"),
        ("An *em* word", r"An <em>em</em> word", "An em word"),
        ("Fish &amp; chips", r"Fish &amp; chips", "Fish & chips"),
        ("A & B <i>x</i>", r"A &amp; B <i>x</i>", "A & B x"),
        ('<script>alert("t")</script> X', r'alert\("t"\) X', 'alert("t") X'),
        ("[x](javascript:alert(1)) y", r"x y", "x y"),
        ("<img src=x onerror=alert(1)>Z", r"Z", "Z"),
        ('<img src="https://t.example/p.png" alt="a<b>">Z', r"a&lt;b&gt;Z", "a<b>Z"),
        ("![logo](https://t.example/logo.png) Z", r"logo Z", "logo Z"),
        (
            '<span class="twemoji md-header">A</span><span class="md-button">B</span>',
            r'<span class="twemoji">A</span><span>B</span>',
            "AB",
        ),
        (
            '<svg width="9999" class="x"><image href="https://t.example/i.png"/>'
            '<path fill="url(https://t.example/f)" d="M0"/></svg>Z',
            r'<svg><path d="M0"></path></svg>Z',
            "Z",
        ),
        ('<span onclick="alert(1)" style="color:red">Red</span>', r"<span>Red</span>", "Red"),
        ("Plain title", r"Plain title", "Plain title"),
    ],
)
def test_titles_render_with_the_sites_extensions_and_stay_safe(title: str, shown: str, text: str) -> None:
    titles = material_titles()
    html = str(titles.html(title))
    assert re.fullmatch(shown, html), html
    assert titles.text(title) == text
    assert not re.search(r"<script|onerror|onclick|javascript:|style=|<a\b|<img|src=|href=|url\(", html)


def test_without_the_emoji_extension_a_shortcode_stays_text() -> None:
    titles = Titles(title_markup(["toc", "tables"]))
    assert str(titles.html("Launch :rocket: <b>now</b>")) == "Launch :rocket: <b>now</b>"
    plain = Titles()  # no Markdown at all: inline HTML read as text, as before
    assert str(plain.html("Launch :rocket: <b>now</b>")) == "Launch :rocket: now"


def title_cell(index_html: str, href: str) -> str:
    m = re.search(rf'<a href="{re.escape(href)}" dir="auto">(.*?)</a></td>', index_html)
    assert m is not None, href
    return m.group(1)


def h1(page: str) -> str:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    assert m is not None
    return re.sub(r'<a class="headerlink".*?</a>', "", m.group(1)).strip()


@pytest.mark.parametrize(("theme", "extensions"), [("material", EMOJI), ("mkdocs", ["tables", "attr_list"])])
def test_index_and_chart_show_the_title_as_the_h1_does(
    tmp_path: Path, theme: str, extensions: list[str]
) -> None:
    files = {
        "index.md": "# Home\n",
        "prds/launch.md": prd_text("🚀 Launch :rocket: `v2` <b>now</b>", track="launch"),
        "prds/other.md": prd_text("Other <script>alert(1)</script>", track="other"),
    }
    site = build_site(tmp_path, files, {}, theme=theme, config={"markdown_extensions": extensions})
    page_h1 = h1(site.html("prds/launch/index.html"))
    index = site.html("prds/index.html")
    cell = title_cell(index, "launch/")
    emoji = "pymdownx.emoji" in extensions
    # The H1 reads "PRD: " + the title; the index shows the title the same way, an emoji
    # image as its own character (the index fetches no image).
    as_text = re.sub(r'<img alt="([^"]*)"[^>]*>', r"\1", page_h1)
    assert as_text.endswith(cell) and "<img" not in cell, (page_h1, cell)
    assert ("<img" in page_h1) is emoji and (":rocket:" in re.sub("<[^>]+>", "", cell)) is not emoji
    assert "<code>v2</code>" in cell and "<b>now</b>" in cell
    assert "<script>alert" not in index and "Other alert(1)" in index
    # The IOSM chart's label is text: the emoji's own character where the H1 shows one.
    labels = re.findall(r'<span class="prd-chart__name" dir="auto">([^<]*)</span>', index)
    assert any(label.startswith("🚀 Launch " + ("🚀" if emoji else ":rocket:")) for label in labels), labels
    # The JSON export keeps the title as written.
    export = json.loads((site.site_dir / "prd-index.json").read_text(encoding="utf-8"))
    titles = {p["track_id"]: p["title"] for p in export["prds"]}
    assert titles["launch"] == "🚀 Launch :rocket: `v2` <b>now</b>"


def test_an_extension_that_does_not_load_leaves_titles_as_text() -> None:
    titles = Titles(title_markup(["tables", "no_such_extension_here"]))
    assert str(titles.html("Launch :rocket: <b>now</b> *x*")) == "Launch :rocket: now *x*"
    assert titles.text("Plain") == "Plain"


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        ("Export {#custom-id}", "Export"),
        ("Export { #custom-id .beta }", "Export"),
        ("Export {: .beta data-x=1 }", "Export"),
        ("Export[^1]", "Export"),
        ("Export[^why] for *finance* {#x}", "Export for *finance*"),
        ("Export{#x}", "Export{#x}"),  # attr_list needs a blank before the block: the H1 shows it
        ("Export {#x}[^1]", "Export {#x}"),  # not at the end: not an attribute list
        ("A {set} of ![^x] things", "A {set} of ![^x] things"),
    ],
)
def test_shown_title_drops_what_the_h1_does_not_show(heading: str, shown: str) -> None:
    assert shown_title(heading) == shown


def test_index_and_json_title_leave_out_attribute_lists_and_footnote_marks(tmp_path: Path) -> None:
    files = {
        "prds/ids.md": prd_text("Export {#custom-id}", track="ids"),
        "prds/cls.md": prd_text("Totals {: .beta }", track="cls"),
        "prds/note.md": prd_text("Refunds[^1]", track="note") + "\n[^1]: Finance asked for it.\n",
    }
    site = build_site(
        tmp_path, files, {}, config={"markdown_extensions": ["tables", "attr_list", "footnotes"]}
    )
    assert h1(site.html("prds/ids/index.html")) == "PRD: Export"
    assert h1(site.html("prds/note/index.html")).startswith("PRD: Refunds<sup")
    index = site.html("prds/index.html")
    assert [title_cell(index, f"{p}/") for p in ("ids", "cls", "note")] == ["Export", "Totals", "Refunds"]
    assert "{#" not in index and "[^" not in index
    export = json.loads((site.site_dir / "prd-index.json").read_text(encoding="utf-8"))
    assert {p["track_id"]: p["title"] for p in export["prds"]} == {
        "ids": "Export",
        "cls": "Totals",
        "note": "Refunds",
    }
