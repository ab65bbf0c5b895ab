"""PRD detection follows what Python-Markdown renders as the page's first ``<h1>``."""

from __future__ import annotations

import re

import markdown
import pytest

from mkdocs_prd.core.parse.prd import is_prd, parse_prd

BODY = "\n\n**Version:** 1.0\n\n## 1. Problem\n\nText.\n"

HEADINGS = [
    "# PRD: Checkout",
    "#PRD: Checkout",  # no blank needed after the mark
    "#\tPRD: Checkout",
    "# PRD: Checkout #",  # closing marks dropped
    "#PRD: Checkout##",
    "PRD: Checkout\n=============",  # setext
    "PRD: Checkout\n=",
    "PRD: Checkout\n===   ",
    "  PRD: Checkout\n===",
    "prd: Checkout\n===",
    "**PRD:** Checkout\n===",
    "# **PRD:** Checkout",
    "<!-- draft -->\n#PRD: Checkout",
    "# PRD\\: Checkout",  # an exporter's escaped colon shows as a colon
    "# **PRD\\:** Checkout",
    "<h1>PRD: Checkout</h1>",  # one line of HTML
    '<h1 id="top">PRD: Checkout</h1>',
    '<h1 align="center"><img src="logo.png" alt=""> PRD: <em>Checkout</em></h1>',
    "---\ntitle: x\n---\nPRD: Checkout\n===",
    # not an <h1> to Python-Markdown:
    " # PRD: Checkout",  # indented: paragraph text
    "   # PRD: Checkout",
    "    # PRD: Checkout",  # code
    "## PRD: Checkout",
    "##PRD: Checkout",
    "\\# PRD: Checkout",
    "PRD: Checkout\n---",  # setext level 2
    "PRD: Checkout\n    ===",
    "PRD: Checkout\n= =",
    "Intro\n# PRD: Checkout",  # not the first thing on the page
    "PRD: Checkout",
]


def rendered_prd(text: str) -> bool:
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    html = markdown.markdown(body).strip()
    html = re.sub(r"^<!--.*?-->\s*", "", html, flags=re.S)
    first = re.match(r"<h1(?:\s[^>]*)?>(.*?)</h1>", html)
    # Python-Markdown keeps "\\:" as written (":" is none of its escapes): "PRD\\: X" is still
    # a PRD title to the reader, an exporter's way of writing "PRD: X".
    shown = re.sub(r"<[^>]+>", "", first.group(1)).replace("\\:", ":").strip() if first else ""
    return shown.lower().startswith("prd:")


@pytest.mark.parametrize("head", HEADINGS)
def test_detection_agrees_with_python_markdown(head: str) -> None:
    text = head + BODY
    assert is_prd(text) == rendered_prd(text), head
    if is_prd(text):
        prd = parse_prd(text, "p.md")
        assert prd.title == "Checkout"
        lines = text.split("\n")
        assert prd.title_line == 1 + next(i for i, ln in enumerate(lines) if "Checkout" in ln)


def test_a_hash_in_the_first_column_opens_a_section_as_python_markdown_does() -> None:
    prd = parse_prd("#PRD: X\n\n##1. Problem\n\nText.\n\n##2. Goals\n\n###Goals\n- a\n", "p.md")
    assert [s.key for s in prd.sections] == ["problem", "goals"]
    assert [s.title for s in prd.sections[1].subsections] == ["Goals"]


def test_setext_needs_the_start_of_a_paragraph() -> None:
    text = "---\ntype: prd\n---\nIntro line\nPRD: Checkout\n===\n"
    assert parse_prd(text, "p.md").title == ""  # one paragraph: Python-Markdown renders no heading
    assert "<h1>" not in markdown.markdown("Intro line\nPRD: Checkout\n===")


@pytest.mark.parametrize(
    ("head", "prd"),
    [
        ("![build](https://img.shields.io/badge/build-passing-green.svg)\n\n# PRD: Checkout", True),
        ('[![ci](https://ci.example/b.svg)](https://ci.example) ![v](v.svg "1.2")\n# PRD: Checkout', True),
        ('<p align="center"><img src="logo.png" alt=""></p>\n\n# PRD: Checkout', True),
        ("![logo](logo.png)\n\nPRD: Checkout\n===", True),
        ("<!-- owner: payments -->\n![b](b.svg)\n\n\n# PRD: Checkout", True),
        # The first heading decides; prose before it, or another heading first, is no PRD.
        ("![logo](logo.png)\n\n# Overview\n\n# PRD: Checkout", False),
        ("![logo](logo.png) Our checkout\n\n# PRD: Checkout", False),
        ("<p>Draft of the checkout</p>\n\n# PRD: Checkout", False),
        ("![logo](logo.png)\nPRD: Checkout\n===", False),  # one paragraph: no setext heading
        ("![b](b.svg)\n" * 40 + "\n# PRD: Checkout", False),  # the top of a page is short
    ],
)
def test_badges_and_images_before_the_first_heading_do_not_hide_it(head: str, prd: bool) -> None:
    """fresh2 #13: "a page is a PRD when its first heading says so" (rules.md)."""
    text = head + BODY
    assert is_prd(text) is prd
    if prd:
        parsed = parse_prd(text, "p.md")
        assert parsed.title == "Checkout"
        assert parsed.metadata.value("version") == "1.0"


NOTES = [
    ("[TOC]\n\n# PRD: Checkout", True),
    ('!!! warning "Draft"\n    Numbers not final.\n\n# PRD: Checkout', True),
    ("!!! note\n    One.\n\n    Two.\n\n# PRD: Checkout", True),  # a blank line inside the note
    ("??? info\n    Folded.\n# PRD: Checkout", True),
    ("[TOC]\n\n!!! note\n    x\n\n<!-- c -->\n# PRD\\: Checkout", True),
    ("!!! note\nNot indented: a paragraph after the note.\n\n# PRD: Checkout", False),
    ("!!! note\n    x\n\nProse first.\n\n# PRD: Checkout", False),
    ("[TOC] of the page\n\n# PRD: Checkout", False),
    ("[jira]: https://jira.example.com/browse/PAY-1\n\n# PRD: Checkout", True),  # a link reference
    ("*[API]: Application Programming Interface\n\n# PRD: Checkout", True),  # an abbreviation
    ("/// warning | Draft\nNumbers not final.\n///\n\n# PRD: Checkout", True),  # a pymdownx block
    ("/// warning | Draft\nNever closed.\n\n# PRD: Checkout", False),  # the title is in the block
    ("[^1]: A footnote first.\n\n# PRD: Checkout", False),
    ("*[API]:\n\n# PRD: Checkout", False),  # no definition: text
]


@pytest.mark.parametrize(("head", "prd"), NOTES)
def test_a_table_of_contents_or_a_note_before_the_title_does_not_hide_it(head: str, prd: bool) -> None:
    """``[TOC]`` and admonitions show no text of the page's own before its title (fresh6 item 8):
    the title after them is the PRD's, as a reader sees it under the note."""
    text = head + BODY
    html = markdown.markdown(
        text, extensions=["abbr", "admonition", "pymdownx.blocks.admonition", "pymdownx.details", "toc"]
    )
    html = re.sub(
        r'^(?:\s|<div class="(?:toc|admonition[^"]*)">.*?</div>|<details[^>]*>.*?</details>|<!--.*?-->)*',
        "",
        html,
        flags=re.S,
    )
    assert html.startswith("<h1") == prd  # what the reader sees first
    assert is_prd(text) == prd
    if prd:
        assert parse_prd(text, "p.md").title == "Checkout"
