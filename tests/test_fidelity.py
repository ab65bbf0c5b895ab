"""Markdown fidelity of PRD pages: the block structure MkDocs renders is the one CommonMark/GFM renders.

The oracle is markdown-it-py (tests/block_oracle.py).  A property test compares the
list/table tree of both over the template, the sample PRDs and generated variants,
with MkDocs' default extensions (the quick start) and the sample site's.  Golden
tests pin the HTML of each construct of issue 13; a real build checks the plugin
wiring, non-PRD pages and the line numbers of findings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from block_oracle import MKDOCS_DEFAULT, SAMPLE, block_tree, mkdocs_html, oracle_html
from conftest import build_site
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_prd.core.fidelity import (
    Features,
    features_from_extensions,
    fences_in_list_items,
    fences_in_paragraphs,
    normalise,
)
from mkdocs_prd.core.fidelity.quotes import _container

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = (Path(__file__).parent / "fixtures" / "prd-template.md").read_text(encoding="utf-8")
SAMPLES = sorted((ROOT / "sample_site" / "docs").rglob("*.md"))
CONFIGS = {"quick-start": MKDOCS_DEFAULT, "sample": SAMPLE}


def same_blocks(text: str, extensions: list[str]) -> None:
    expected = block_tree(oracle_html(text))
    assert block_tree(mkdocs_html(text, extensions)) == expected


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", [None, *SAMPLES], ids=lambda p: "template" if p is None else p.name)
def test_template_and_samples_match_the_oracle(path: Path | None, config: str) -> None:
    text = TEMPLATE if path is None else path.read_text(encoding="utf-8")
    same_blocks(text, CONFIGS[config])


def test_the_oracle_sees_what_python_markdown_gets_wrong() -> None:
    # Without the normalisation the template's nested personas come out flat: the test can fail.
    tree = block_tree(oracle_html(TEMPLATE))
    assert block_tree(mkdocs_html(TEMPLATE, MKDOCS_DEFAULT, fidelity=False)) != tree
    assert any(item[2] for lst in tree if lst[0] == "ol" for item in lst[2])  # nested lists exist


# --- generated variants --------------------------------------------------------------

WORD = st.sampled_from(["alpha", "**Role:** owner", "`code`", "[link](x.md)", "P95 < 200ms", "value_1"])
TEXT = st.lists(WORD, min_size=1, max_size=3).map(" ".join)


@st.composite
def a_list(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """A list as a PRD author writes it: bullets or numbers, 2-4 space nesting, task items."""
    ordered = draw(st.booleans())
    start = draw(st.sampled_from([1, 1, 1, 3])) if ordered else 1
    delim = draw(st.sampled_from([".", ".", ")"]))
    bullet = draw(st.sampled_from(["-", "-", "*"]))
    loose = draw(st.booleans())
    lines: list[str] = []
    for n in range(draw(st.integers(1, 3))):
        marker = f"{start + n}{delim}" if ordered else bullet
        task = draw(st.sampled_from(["", "", "[ ] ", "[x] "])) if not ordered else ""
        lines.append(f"{marker} {task}{draw(TEXT)}")
        width = len(marker) + 1
        if draw(st.booleans()):
            lines.append(" " * width + draw(TEXT))  # continuation line
        if depth < 2 and draw(st.booleans()):
            extra = draw(st.sampled_from([0, 0, 1, 4 - width if width < 4 else 0]))
            child = draw(a_list(depth + 1))
            if loose:
                lines.append("")
            lines += [" " * (width + extra) + c if c else "" for c in child]
        if loose:
            lines.append("")
    return lines


@st.composite
def a_block(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(["label-list", "list", "heading", "para", "table", "label-table"]))
    if kind == "heading":
        return [f"### {draw(TEXT)}"]
    if kind == "para":
        return [draw(TEXT), draw(TEXT)]
    table = ["| Gate | Target |", "|------|--------|", "| I | 0.9 |"]
    if kind == "table":
        return table
    if kind == "label-table":
        return [f"**{draw(TEXT)}:**", *table]
    items = draw(a_list())
    return [f"**{draw(TEXT)}:**", *items] if kind == "label-list" else items


@st.composite
def a_document(draw: st.DrawFn) -> str:
    lines = ["# PRD: Generated"]
    for block in draw(st.lists(a_block(), min_size=1, max_size=5)):
        lines += [""] * draw(st.sampled_from([1, 1, 2])) + block
    return "\n".join(lines) + "\n"


@st.composite
def a_template_variant(draw: st.DrawFn) -> str:
    """The template or a sample PRD as authors change it: nesting re-indented, blank lines dropped."""
    text = draw(st.sampled_from([TEMPLATE, *(p.read_text(encoding="utf-8") for p in SAMPLES)]))
    indent = draw(st.sampled_from([2, 3, 4]))
    text = re.sub(r"(?m)^ {2,4}(?=[-*] )", " " * indent, text)
    if draw(st.booleans()):
        text = re.sub(r"\n\n(?=\d+\. )", "\n", text)  # items no longer separated by blank lines
    if draw(st.booleans()):
        text = re.sub(r"(\*\*[^*\n]+:\*\*)\n\n(?=- )", r"\1\n", text)  # label line right above a list
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=a_document(), config=st.sampled_from(list(CONFIGS)))
def test_generated_documents_match_the_oracle(doc: str, config: str) -> None:
    same_blocks(doc, CONFIGS[config])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=a_template_variant(), config=st.sampled_from(list(CONFIGS)))
def test_template_variants_match_the_oracle(doc: str, config: str) -> None:
    same_blocks(doc, CONFIGS[config])


# --- golden HTML of the constructs of issue 13 -----------------------------------------

GOLDEN: dict[str, tuple[str, list[str], str]] = {
    "nested-3-spaces-under-numbers": (
        "1. **Support Agent**\n   - Role: triage\n   - Value: time\n\n2. **Admin**\n   - Role: setup\n",
        MKDOCS_DEFAULT,
        "<ol>\n<li>\n<p><strong>Support Agent</strong></p>\n<ul>\n<li>Role: triage</li>\n"
        "<li>Value: time</li>\n"
        "</ul>\n</li>\n<li>\n<p><strong>Admin</strong></p>\n<ul>\n<li>Role: setup</li>\n</ul>\n</li>\n</ol>",
    ),
    "nested-2-spaces": (
        "- Phase 1\n  - build\n    - test\n- Phase 2\n",
        MKDOCS_DEFAULT,
        "<ul>\n<li>Phase 1<ul>\n<li>build<ul>\n<li>test</li>\n</ul>\n</li>\n</ul>\n</li>\n"
        "<li>Phase 2</li>\n</ul>",
    ),
    "list-under-a-label-line": (
        "**Error handling:**\n- 400: bad request\n- 403: forbidden\n",
        MKDOCS_DEFAULT,
        "<p><strong>Error handling:</strong></p>\n<ul>\n<li>400: bad request</li>\n"
        "<li>403: forbidden</li>\n</ul>",
    ),
    "task-items-without-extension": (
        "- [x] done\n- [ ] open\n",
        MKDOCS_DEFAULT,
        '<ul>\n<li><input type="checkbox" class="task-list-item-checkbox" disabled checked> done</li>\n'
        '<li><input type="checkbox" class="task-list-item-checkbox" disabled> open</li>\n</ul>',
    ),
    "task-items-left-to-pymdownx": (
        "- [x] done\n",
        SAMPLE,
        '<ul class="task-list">\n<li class="task-list-item">'
        '<input type="checkbox" disabled checked/> done</li>\n</ul>',
    ),
    "footnote-without-extension": (
        "Refunds[^1] <b>x</b>.\n\n[^1]: Within 14 days & <i>so</i>.\n",
        MKDOCS_DEFAULT,
        '<p>Refunds<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> <b>x</b>.</p>\n'
        '<div class="footnote prd-footnotes"><hr><ol>\n'
        '<li id="fn:1"><p>Within 14 days &amp; &lt;i&gt;so&lt;/i&gt;.&#160;'
        '<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li>\n</ol></div>',
    ),
    "alert-without-admonition": (
        "> [!WARNING]\n> Check **this**.\n",
        MKDOCS_DEFAULT,
        '<blockquote>\n<p><strong class="prd-alert__title prd-alert__title--warning">Warning</strong></p>\n'
        "<p>Check <strong>this</strong>.</p>\n</blockquote>",
    ),
    "alert-as-admonition": (
        "> [!NOTE]\n> Check:\n> - a\n>   - b\n",
        SAMPLE,
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Check:</p>\n'
        "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n</div>",
    ),
    "ordered-start-and-parenthesis": (
        "3) three\n4) four\n",
        MKDOCS_DEFAULT,
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>',
    ),
    "bullets-then-numbers-are-two-lists": (
        "- a\n1. b\n",
        MKDOCS_DEFAULT,
        "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>",
    ),
    "requirement-block-with-its-anchor": (
        '<span class="prd-anchor" id="fr-1"></span>**FR-1: Alpha**\n- Description: does a\n'
        "- Priority: Must\n",
        MKDOCS_DEFAULT,
        '<p><span class="prd-anchor" id="fr-1"></span><strong>FR-1: Alpha</strong></p>\n<ul>\n'
        "<li>Description: does a</li>\n<li>Priority: Must</li>\n</ul>",
    ),
    "paragraph-starting-with-inline-html": (
        '<b>Goals</b>\n- Fast\n\n<abbr title="x">NG</abbr>: skip\n- Slow\n',
        MKDOCS_DEFAULT,
        "<p><b>Goals</b></p>\n<ul>\n<li>Fast</li>\n</ul>\n"
        '<p><abbr title="x">NG</abbr>: skip</p>\n<ul>\n<li>Slow</li>\n</ul>',
    ),
    "list-inside-details": (
        "<details><summary>More</summary>\n\n- hidden\n- list\n\n</details>\n",
        MKDOCS_DEFAULT,
        "<details><summary>More</summary>\n\n<ul>\n<li>hidden</li>\n<li>list</li>\n</ul>\n</details>",
    ),
    "html-block-ends-at-a-blank-line": (
        '<div class="note">\n**not Markdown** here\n</div>\n\n1. a\n2. b\n',
        MKDOCS_DEFAULT,
        '<div class="note">\n**not Markdown** here\n</div>\n\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>',
    ),
    "backslash-hard-break": (
        "**Impact:**\\\nrefunds take days\\\\\nno break after an escaped backslash\n",
        MKDOCS_DEFAULT,
        "<p><strong>Impact:</strong><br />\nrefunds take days\\\nno break after an escaped backslash</p>",
    ),
    "fence-right-under-a-label-line": (
        "**Endpoints:**\n```\nPOST /api/v1/refunds\n```\n",
        SAMPLE,
        "<p><strong>Endpoints:</strong></p>\n"
        '<div class="highlight"><pre><span></span><code>POST /api/v1/refunds\n</code></pre></div>',
    ),
    "text-right-under-a-closing-fence": (
        "Intro text\n~~~\n{}\n~~~\nafter\n",
        SAMPLE,
        '<p>Intro text</p>\n<div class="highlight"><pre><span></span><code>{}\n</code></pre></div>\n'
        "<p>after</p>",
    ),
    "fence-right-under-item-text": (
        "1. **FR-2: CSV export** (Must)\n   ```csv\n   a,b\n   ```\n   Acceptance: opens.\n2. next\n",
        SAMPLE,
        "<ol>\n<li>\n<p><strong>FR-2: CSV export</strong> (Must)</p>\n"
        '<div class="highlight"><pre><span></span><code>a,b\n</code></pre></div>\n'
        "<p>Acceptance: opens.</p>\n</li>\n<li>\n<p>next</p>\n</li>\n</ol>",
    ),
    "table-under-a-label-line": (
        "**Gates:**\n| Gate | Target |\n|---|---|\n| I | 0.9 |\n",
        MKDOCS_DEFAULT,
        "<p><strong>Gates:</strong></p>\n<table>\n<thead>\n<tr>\n<th>Gate</th>\n<th>Target</th>\n</tr>\n"
        "</thead>\n<tbody>\n<tr>\n<td>I</td>\n<td>0.9</td>\n</tr>\n</tbody>\n</table>",
    ),
    "heading-in-an-item": (
        "1. item\n   ## Scope\n   text\n",
        MKDOCS_DEFAULT,
        '<ol>\n<li>\n<p>item</p>\n<h2 id="scope">Scope</h2>\n<p>text</p>\n</li>\n</ol>',
    ),
    "setext-in-an-item": (
        "- Rollout\n  ---\n- Later\n",
        MKDOCS_DEFAULT,
        '<ul>\n<li>\n<h2 id="rollout">Rollout</h2>\n</li>\n<li>Later</li>\n</ul>',
    ),
    "two-quotes": (
        "> one\n\n> two\n",
        MKDOCS_DEFAULT,
        "<blockquote>\n<p>one</p>\n</blockquote>\n<!-- -->\n\n<blockquote>\n<p>two</p>\n</blockquote>",
    ),
    "unclosed-fence-in-an-item": (
        "- a\n  ```\n  code\n- b\n",
        SAMPLE,
        '<ul>\n<li>\n<p>a</p>\n<div class="highlight"><pre><span></span><code>code\n</code></pre></div>\n'
        "</li>\n<li>\n<p>b</p>\n</li>\n</ul>",
    ),
}


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_html(name: str) -> None:
    text, extensions, expected = GOLDEN[name]
    assert mkdocs_html(text, extensions) == expected
    assert block_tree(expected) == block_tree(oracle_html(text))


def test_text_python_markdown_already_reads_right_is_left_alone() -> None:
    text = "# PRD: X\n\n- a\n    - b\n\n| a |\n|---|\n| 1 |\n\n```\n- [ ] in code\n  - x\n```\n"
    assert normalise(text) == text


def test_no_author_text_is_lost() -> None:
    words = set(re.findall(r"[A-Za-z]{3,}", TEMPLATE))
    out = normalise(TEMPLATE, Features())
    assert words <= set(re.findall(r"[A-Za-z]{3,}", out))


def test_features_from_extension_names_and_objects() -> None:
    from markdown.extensions.footnotes import FootnoteExtension

    found = features_from_extensions(["pymdownx.tasklist", FootnoteExtension(), "admonition"])
    assert found == Features(tasklist=True, footnotes=True, admonition=True)
    assert features_from_extensions(["toc", "tables"]) == Features()


# --- the plugin ---------------------------------------------------------------------

PRD = """# PRD: Refunds

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** refunds
**Owner:** Payments
**Status:** Sometimes

## 3. Users & Use Cases

### Primary Personas
1. **Support Agent**
   - Role: triage
   - Value: time

2. **Admin**
   - Role: setup

**Error handling:**
- 400: bad request
- 403: forbidden

## 5. Requirements

### Functional Requirements

**FR-1: Partial refunds**
- Description: refund part of an order
- Acceptance: the customer gets the part back
- Priority: Must

<b>Notes</b>
- kept short

<details><summary>Rejected options</summary>

- manual refunds

</details>

## 9. Acceptance Criteria
- [x] Refunds are issued[^1]
- [ ] Audit trail kept

> [!NOTE]
> Reviewed by finance.

[^1]: Within 14 days.
"""

ORDINARY = "# Guide\n\n1. **Step**\n   - detail\n\n3. later\n\n- a\n1. b\n\n- [ ] literal\n"


@pytest.fixture(scope="module")
def quick_start(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, list[str]]:
    built = build_site(
        tmp_path_factory.mktemp("fidelity"),
        {"prds/refunds.md": PRD, "guide.md": ORDINARY},
        {},
        config={"markdown_extensions": []},
    )
    return built.html("prds/refunds/index.html"), built.html("guide/index.html"), built.messages()


def _article(page: str) -> str:
    start = page.index("<h1")
    return page[start : page.index("</article>", start) if "</article>" in page else None]


def test_quick_start_build_renders_the_prd_as_commonmark(quick_start: tuple[str, str, list[str]]) -> None:
    page = _article(quick_start[0])
    assert "<li>Role: triage</li>" in page and "<p><strong>Error handling:</strong></p>" in page
    assert 'type="checkbox" class="task-list-item-checkbox" disabled checked' in page
    assert 'class="footnote-ref" href="#fn:1"' in page and "Within 14 days." in page
    assert "prd-alert__title--note" in page and "[!NOTE]" not in page
    # The template's requirement block keeps its list under the anchored title line.
    assert 'class="prd-anchor"' in page
    assert "<li>Description: refund part of an order</li>" in page and "- Description" not in page
    assert "<li>kept short</li>" in page and "<li>manual refunds</li>" in page
    lists = [n for n in block_tree(page) if n[0] in ("ul", "ol")]
    oracle = [n for n in block_tree(oracle_html(PRD)) if n[0] in ("ul", "ol")]
    assert lists == oracle


def test_quick_start_build_leaves_ordinary_pages_alone(quick_start: tuple[str, str, list[str]]) -> None:
    guide = _article(quick_start[1])
    # Python-Markdown's own reading, unchanged: one flat numbered list, no start number, literal [ ].
    assert block_tree(guide) == (("ol", 1, (("li", None, ()),) * 6),)
    assert "<p>[ ] literal</p>" in guide and "checkbox" not in guide


def test_finding_lines_still_point_at_the_source(quick_start: tuple[str, str, list[str]]) -> None:
    status = [m for m in quick_start[2] if "PRD102" in m or "Sometimes" in m]
    assert status and all("prds/refunds.md:7" in m for m in status)


# --- what cannot be rendered faithfully: PRD801 ------------------------------------

FENCED_IN_ITEM = (
    "# PRD: X\n\n1. Call the API:\n   ```json\n   {}\n   ```\n2. Done\n\n```\n- top-level fence\n```\n"
)


def _rule_lines(text: str, extensions: tuple[str, ...] | None) -> list[int]:
    from mkdocs_prd.core.parse.prd import parse_prd
    from mkdocs_prd.core.rules.validate import check_page
    from mkdocs_prd.core.settings import Settings

    settings = Settings(markdown_extensions=extensions)
    return [f.line for f in check_page(parse_prd(text, "x.md"), text, settings) if f.rule == "PRD801"]


def test_prd801_fence_in_a_list_item_without_superfences() -> None:
    assert _rule_lines(FENCED_IN_ITEM, ("toc", "tables", "fenced_code")) == [4]
    # The site renders it (superfences), or the extensions are unknown: no finding.
    assert _rule_lines(FENCED_IN_ITEM, ("toc", "pymdownx.superfences")) == []
    assert _rule_lines(FENCED_IN_ITEM, None) == []
    assert _rule_lines(TEMPLATE, ("toc", "tables", "fenced_code")) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=a_document(),
    fences=st.lists(
        st.tuples(
            st.integers(0, 40),
            st.sampled_from(["", " ", "  ", "   ", "    ", "\t", " \t", "      "]),
            st.sampled_from(["```", "~~~", "````", "> ```", "```js"]),
        ),
        max_size=4,
    ),
)
@example(doc="- item", fences=[(1, "\t", "```"), (2, "\t", "```")])
@example(doc="1. item", fences=[(1, " \t", "~~~")])
@example(doc="- item", fences=[(1, "  ", "```js")])
@example(doc="alpha\nalpha\n\n- alpha\n", fences=[(1, "    ", "```")])  # paragraph text (PRD804)
@example(doc="# PRD: Generated\n\n**alpha:**\n- alpha\n", fences=[(3, "    ", "```")])  # REPORT-fresh10
def test_prd801_quick_check_skips_only_pages_without_fences_in_items(
    doc: str, fences: list[tuple[int, str, str]]
) -> None:
    """The pre-check that spares most pages the scan never hides a fence in a list item."""
    lines = doc.split("\n")
    for at, indent, mark in fences:
        lines.insert(min(at, len(lines)), indent + mark)
    found: list[int] = []
    _container(lines, Features(), at=(found, 0))
    # (negative numbers: fences that are paragraph text, PRD804's)
    assert fences_in_list_items(lines) == sorted({n for n in found if n > 0})
    assert fences_in_paragraphs(lines) == sorted(-n for n in set(found) if n < 0)[::2]


EMPHASIS_PRD = """# PRD: Anchors

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** anchors
**Owner:** Payments
**Status:** Draft

## 1. Problem
Refunds are manual.

## 5. Requirements
### Functional Requirements
**FR-1: Bold title**
- Description: as the author wrote it
- Acceptance: bold stays bold
- Priority: Must

<div class="note">
**FR-2: Inside raw HTML**
</div>

#### FR-3: Heading title
- Description: a heading keeps its own slug
- Priority: Should

As FR-1 requires, and `FR-2` in code.

## 8. Acceptance Criteria
- [ ] AC-1: a task item without a task-list extension
"""


def test_anchors_and_links_go_in_as_words_and_come_back_as_html(tmp_path: Path) -> None:
    """Anchors, reference links and checkboxes are held as words during Markdown (no raw
    HTML for its two HTML parsers) and come back as HTML; emphasis that needs a non-word
    character before it (smart emphasis) still opens; headings keep their TOC slug; an
    anchor written into a raw HTML block is restored too."""
    built = build_site(
        tmp_path,
        {"prds/a.md": EMPHASIS_PRD},
        {},
        config={"markdown_extensions": ["toc", {"pymdownx.betterem": {"smart_enable": "all"}}]},
    )
    page = _article(built.html("prds/a/index.html"))
    assert "prdtag" not in page and "prdinline" not in page
    # Smart emphasis opens only after a non-word character: the word goes inside the mark.
    assert '<strong><span class="prd-anchor" id="fr-1"></span>FR-1: Bold title</strong>' in page
    assert '<span class="prd-anchor" id="fr-2"></span>FR-2: Inside raw HTML' in page
    assert re.search(r'<h4 id="fr-3-heading-title">', page)
    assert 'type="checkbox" class="task-list-item-checkbox" disabled> ' in page
    assert "**FR-1" not in page


HEADING_PRIORITY_PRD = """# PRD: Carts

**Version:** 1.0
**Date:** 2026-01-17
**Owner:** Payments
**Status:** Draft

## 5. Requirements
### Functional Requirements

#### FR-1: Server-side cart (Must)

Stored within 2 s.

FR-2: Merge carts (Should)
--------------------------

Merged on sign-in.

- **FR-3: Share a cart** (Could) — by link.
"""


def test_a_priority_in_a_heading_gets_the_badge_itself_not_a_placeholder(tmp_path: Path) -> None:
    """A placeholder word in a heading would be part of its id, its TOC entry and its search
    title: headings get the badge's HTML, which the TOC reads as its text."""
    built = build_site(
        tmp_path, {"prds/c.md": HEADING_PRIORITY_PRD}, {}, config={"markdown_extensions": ["toc"]}
    )
    page = built.html("prds/c/index.html")
    assert "prdinline" not in page and "prdtag" not in page and "prd-fragment" not in page
    assert '<h4 id="fr-1-server-side-cart-must">' in page
    assert re.search(r'<h2 id="fr-2-merge-carts-should">', page)
    assert page.count('class="prd-priority prd-priority--must"') >= 1
    assert 'href="#fr-1-server-side-cart-must"' in page  # the TOC link matches the id
    index = built.html("search/search_index.json")
    assert "prdinline" not in index and "prd-fragment" not in index
    # No Track ID (no site-wide ids), yet every item has its anchor on the page.
    for local in ("fr-1", "fr-3"):
        assert f'<span class="prd-anchor" id="{local}"></span>' in page, local
