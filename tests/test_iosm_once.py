"""Section 10 written its own way: every IOSM value on the page once, and no author text lost.

When the parser understands only part of section 10 (gate lines without the template's
``### Gate-…`` headings, a note between them, a sub-item, an extra table column), the
plugin's IOSM block shows the values of the blocks it understood, in their place, and
the blocks holding a line it did not understand stay as written, their values not
repeated in the block (tester report fresh2, item 18).  Checked on real builds: each
value's count on the page, and every word of the section still there.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import Site, build_site
from render_sites import prd_text
from timing import GROWTH, assert_linear

from mkdocs_prd.core.parse.iosm import shown_in_block
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer

INDEX = "**Current baseline:** 0.61\n**Target post-implementation:** 0.83\n**Delta:** +0.22\n"
GATES = (
    "- Gate-I: naming review done\n- Gate-O: p99 < 7 ms\n- Gate-S: 0 new endpoints\n"
    "- Gate-M: limiter is its own module\n"
)

VARIANTS = {
    # The terse form of the report: gates as items, index lines after them (understood whole).
    "terse": GATES + "\n" + INDEX,
    # ... with a note between them, a sub-item, or a sentence after the index lines.
    "note": GATES + "\nMeasured nightly in staging.\n\n" + INDEX,
    "sub-item": GATES.replace("review done\n", "review done\n  - owner: Ana Lima\n") + "\n" + INDEX,
    "after": GATES + "\n" + INDEX + "\nFinance signs the index off each quarter.\n",
    # Gate labels over their metrics, and a heading whose block holds a sentence.
    "labels": "**Gate-I:**\n- Clarity: ≥0.93\n\n**Gate-O:**\n- P99: < 7 ms\n\n" + INDEX,
    "headings": (
        "### Gate-I (Improve) Targets\n- Clarity: ≥0.93\n\n### Gate-O (Optimize) Targets\n"
        "We measure p99 in staging only.\n- P99: < 7 ms\n\n### Expected IOSM-Index\n" + INDEX
    ),
    # A gate table with a column the plugin's table has no place for, then the index lines.
    "table": (
        "| Gate | Baseline | Target | Owner |\n|---|---|---|---|\n| **Gate-I** | 0.72 | ≥0.77 | Ana |\n"
        "| **Gate-O** | 0.60 | ≥0.74 | Raj |\n\n" + INDEX
    ),
}


def page_text(variant: str) -> str:
    return prd_text(f"Iosm {variant}", track=f"iosm-{variant}", iosm=VARIANTS[variant])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files: dict[str, str | bytes] = {f"prds/{name}.md": page_text(name) for name in VARIANTS}
    return build_site(tmp_path_factory.mktemp("iosm-once"), files, {})


def section_10(site: Site, variant: str) -> str:
    page = site.html(f"prds/{variant}/index.html")
    start = page.index('id="10-iosm-targets"')
    return page[start : page.index("</article>", start)]


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}|\d+(?:\.\d+)?", text)}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_value_is_shown_once(site: Site, variant: str) -> None:
    body = section_10(site, variant)
    visible = html.unescape(re.sub(r"<[^>]+>", " ", body))
    numbers = re.findall(r"\d+\.\d+|\d+ ms", VARIANTS[variant])
    assert len(numbers) >= 4
    for number in numbers:  # each target and index figure (all distinct in VARIANTS)
        assert visible.count(number) == 1, (number, visible)


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_author_text_is_lost(site: Site, variant: str) -> None:
    visible = html.unescape(re.sub(r"<[^>]+>", " ", section_10(site, variant)))
    # Markup words (Gate, Current, post, implementation…) may be the block's own words.
    lost = words(VARIANTS[variant]) - words(visible)
    assert lost <= {"current", "post", "implementation"}, lost


def test_the_kept_blocks_and_what_the_block_shows() -> None:
    prd = parse_prd(page_text("note"), "x.md")
    lines = page_text("note").split("\n")
    assert not prd.iosm.understood
    assert [lines[a - 1 : b] for a, b in prd.iosm.kept] == [["Measured nightly in staging."]]
    assert shown_in_block(prd.iosm) == prd.iosm  # nothing of the block's is on a kept line
    sub = parse_prd(page_text("sub-item"), "x.md").iosm
    shown = shown_in_block(sub)
    assert {t.gate for t in sub.targets} == {"I", "O", "S", "M"}
    assert shown.targets == () and shown.gates == ()  # the gate list stays as written
    assert shown.index == sub.index  # the index lines are the block's


def test_a_wholly_understood_section_is_replaced_as_before(site: Site) -> None:
    body = section_10(site, "terse")
    assert "<li>Gate-I" not in body and "Current baseline" not in body
    assert body.count('<table class="prd-iosm') == 1


def test_without_a_block_value_the_section_stays_whole(tmp_path: Path) -> None:
    text = prd_text("Prose only", track="prose", iosm="We will set targets after the pilot.\n")
    built = build_site(tmp_path, {"prds/prose.md": text}, {})
    body = built.html("prds/prose/index.html")
    assert "We will set targets after the pilot." in body and "prd-iosm-block" not in body


def test_a_long_section_understood_in_part_is_rewritten_in_linear_time() -> None:
    def page(n: int) -> str:
        # Every other gate item has a note under it, so half the blocks stay as written.
        items = "".join(f"- Gate-I: m{i} >= 0.{i % 9}\n" + "  - a note\n" * (i % 2) + "\n" for i in range(n))
        return prd_text("Long", iosm=items + INDEX)

    def render(text: str) -> None:
        catalog = build_catalog([("p.md", text.encode())], Settings())
        PageRenderer(catalog, Renderer(), show_findings=False).markdown("p.md", text, text)

    small, large = page(600), page(GROWTH * 600)
    assert_linear("section 10 in part", lambda: render(small), lambda: render(large))
