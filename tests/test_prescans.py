"""The page-wide pre-scans that let most pages skip a pass agree with the patterns they stand for.

Each pre-scan finds its candidates with substring searches instead of a multi-line regex
(which tests every line start of the page); a page it wrongly passes over would lose
its quotes' normalisation or its PRD801 findings.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_prd.core.fidelity import _MAY_OPEN_FENCE, _may_open_fence
from mkdocs_prd.core.fidelity.quotes import _may_quote
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules import rendering
from mkdocs_prd.core.rules.base import RuleContext
from mkdocs_prd.core.rules.rendering import _NO_BLANK_ATX, _may_lack_blank
from mkdocs_prd.core.settings import Settings

_PRD = parse_prd("# PRD: X\n", "x.md")
_PRD806 = rendering.table_under_item.page
assert _PRD806 is not None

# Pieces that build the lines the patterns care about: indents, quote marks, item markers,
# fence marks, and text around them.
_PIECES = [
    "```",
    "~~~",
    "``",
    "~",
    " ",
    "  ",
    "\t",
    ">",
    "->",
    "-",
    "*",
    "+",
    "1.",
    "12)",
    "a",
    "word ",
    "\n",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)

_QUOTE_SPEC = re.compile(r"^[^\n>]{0,7}>", re.MULTILINE)
"""A ``>`` among a line's first 8 characters, as a regex (what :func:`_may_quote` must find)."""


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_fence_prescan_finds_what_its_pattern_finds(text: str) -> None:
    assert _may_open_fence(text) == (_MAY_OPEN_FENCE.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_quote_prescan_finds_what_its_pattern_finds(text: str) -> None:
    assert _may_quote(text) == (_QUOTE_SPEC.search(text) is not None)


def test_the_prescans_on_the_forms_they_exist_for() -> None:
    assert _may_open_fence("text\n\n- ```python\n  code\n  ```\n")
    assert _may_open_fence("1. step\n\n   ~~~\n   x\n   ~~~\n")
    assert _may_open_fence("> ```\n> x\n")
    assert not _may_open_fence("```\ncode\n```\n\nText with ``` in it.\n")
    assert _may_quote("- item\n  > quoted\n")
    assert _may_quote("> [!NOTE]\n> text\n")
    assert not _may_quote("A flow: A -> B -> C, and the arrow at column 9 ->\n")
    assert not _may_quote("")


_HEADING_PIECES = ["#", "##", "#######", " ", "\t", "a", "1", "\n", "\r\n", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HEADING_PIECES), max_size=30).map("".join))
def test_the_heading_prescan_finds_what_its_pattern_finds(text: str) -> None:
    assert _may_lack_blank(text) == (_NO_BLANK_ATX.search(text) is not None)


# Lines of a page around tables: list items (at several indents), text, headings, blank
# lines, table rows and separator rows, front matter fences.
_TABLE_LINES = [
    "- Main risks:",
    "1. See below",
    "   wrapped text",
    "  Main ones:",
    "      deep text",
    "## 7. Risks",
    "#hashtag prose",
    "",
    "| Risk | Impact |",
    "|---|---|",
    "| --- | :-: |",
    "  |---|---|",
    "| a | b |",
    "Risk | Impact",
    "---|---",
    "| |",
    "---",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TABLE_LINES), max_size=14).map("\n".join))
def test_prd806_skips_only_pages_where_it_finds_nothing(
    text: str,
) -> None:
    """The pre-scan passes over a page only when the whole rule, run without it, finds nothing."""
    page = f"# PRD: X\n\n{text}\n"
    lines = split_lines(page)
    found = list(_PRD806(_PRD, RuleContext(Settings(), page, lines)))
    if found:
        assert rendering._may_sit_under_text(lines)
    original = rendering._may_sit_under_text
    try:
        rendering._may_sit_under_text = lambda lines: True  # type: ignore[assignment]
        whole = list(_PRD806(_PRD, RuleContext(Settings(), page, lines)))
    finally:
        rendering._may_sit_under_text = original
    assert [h.line for h in whole] == [h.line for h in found]
