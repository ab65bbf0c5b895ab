"""Property tests: the parser never raises, keeps its line numbers inside the page,
and runs in time linear in the input, on adversarial inputs too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timing import GROWTH, assert_linear, cpu_seconds

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd

# Lines a PRD is made of, to build Markdown-ish pages from (plus arbitrary text).
FRAGMENTS = [
    "# PRD: Checkout",
    "---",
    "version: 1.10",
    "type: prd",
    "prd_ignore: [PRD101]",
    "owner: [a, b",
    "**Version:** 1.0",
    "**Track ID:** t-1",
    "**Status**: Draft",
    "## 1. Problem",
    "## 2. Goals / Non-goals",
    "### Goals",
    "### Non-Goals",
    "## 3. Users & Use-cases",
    "### Primary Personas",
    "1. **API Consumer** (e.g. partner)",
    "   - Role: integrates",
    "### Use Cases",
    "2. **UC-1: Pay**",
    "## 4. Scope (MVP / Later)",
    "### MVP (Must-Have)",
    "**Later:**",
    "## 5. Requirements",
    "### Functional Requirements",
    "### Non-functional",
    "**FR-1: Export**",
    "**NFR-2: Security**",
    "- Description: does it",
    "- Priority: Must / Should / Could",
    "3. Stores the list (Must)",
    "## 7. Risks & Mitigations",
    "| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |",
    "|------|----|----|----|",
    "| Latency | H | M | cache \\| retry |",
    "| only one cell",
    "## 8. Acceptance Criteria",
    "- [ ] open",
    "* [X] done",
    "## 10. IOSM Targets",
    "### Gate-I (Improve) Targets",
    "### Gate-Q (Bogus) Targets",
    "- Semantic clarity: ≥0.95",
    "- Dependency count: Stable or reduced by [X]%",
    "| Gate | Baseline | Target | Expected Δ |",
    "| **Gate-O** | 0.6 | ≥0.7 | +0.1 |",
    "### Expected IOSM-Index",
    "**Current baseline:** 0.65",
    "**IOSM-Index target:** ≥0.80",
    "**Delta:** +0.17",
    "## Appendix: Related Links",
    "### Change Log",
    "| Version | Date | Author | Changes |",
    "```",
    "~~~~",
    "<!-- prd-ignore PRD401",
    "-->",
    "\t- tabbed item",
    "",
    "   ",
]

markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)),
    max_size=60,
).flatmap(lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda eol: eol.join(lines)))


def check_model(prd: Prd) -> None:
    """Every line the model records lies inside the page."""
    last = prd.line_count

    def inside(n: int) -> None:
        assert 0 <= n <= last, (n, last)

    inside(prd.title_line)
    for f in prd.metadata.fields:
        assert 1 <= f.line <= last
    for sec in prd.sections:
        assert 1 <= sec.line <= sec.end_line <= last
        for sub in sec.subsections:
            assert sec.line < sub.line <= sub.end_line <= sec.end_line
    records = [
        *prd.goals,
        *prd.non_goals,
        *prd.personas,
        *prd.use_cases,
        *prd.scope,
        *prd.functional,
        *prd.non_functional,
        *prd.risks,
        *prd.criteria,
        *prd.iosm.targets,
        *prd.references,
        *prd.open_questions,
        *prd.changelog,
        *prd.problems,
    ]
    for record in records:
        assert 1 <= record.line <= last
    for req in (*prd.functional, *prd.non_functional):
        inside(req.priority_line)
    if prd.iosm.body_start:
        assert prd.iosm.line < prd.iosm.body_start <= prd.iosm.body_end <= last


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    is_prd(text)
    check_model(parse_prd(text, "any.md"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_markdownish_pages_never_raise(text: str) -> None:
    is_prd(text)
    check_model(parse_prd(text, "page.md"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_and_parse(data: bytes) -> None:
    text, problem = decode_source(data)
    if problem is not None:
        assert problem.code == "encoding"
        assert problem.line >= 1
    check_model(parse_prd(text, "bytes.md"))


# --- linear time ------------------------------------------------------------------

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "open brackets on one line": lambda n: "# PRD: x\n## 10. IOSM Targets\n- M: " + "[ " * n + "\n",
    "unclosed bold markers": lambda n: "# PRD: x\n" + "**" * n + "\n**Key:** " + "** " * n + "\n",
    "empty table cells": lambda n: (
        "# PRD: x\n## 7. Risks\n| Risk | Impact |\n|---|---|\n" + "| | | |\n" * (n // 8)
    ),
    "one huge table row": lambda n: "# PRD: x\n## 7. Risks\n| a | b |\n|---|---|\n" + "| " * n + "\n",
    "inline priority brackets": lambda n: "# PRD: x\n## 5. Requirements\n- FR-1: " + "(Must [x " * (n // 8),
    "plain key lines under a requirement": lambda n: (
        "# PRD: x\n## 5. Requirements\n### FR-1: X\n" + "a b c d e " * (n // 10) + "\nKey: v" * (n // 8)
    ),
    "given without then": lambda n: "# PRD: x\n## 8. Acceptance Criteria\n- Given " + "when " * (n // 5),
    "quote marks under a requirement": lambda n: (
        "# PRD: x\n## 5. Requirements\n**FR-1: a**\n" + "> " * (n // 2) + "- b\n" + ">" * n + "\n"
    ),
    "gherkin steps": lambda n: "# PRD: x\n## 8. Acceptance Criteria\n- Given a\n" + "- When b\n" * (n // 9),
    "many check boxes": lambda n: "# PRD: x\n## 8. Acceptance Criteria\n" + "- [ ] " * (n // 8) + "\n",
    "check box lines": lambda n: "# PRD: x\n## 8. Acceptance\n" + "- [ ] a\n" * (n // 8),
    "many subsections": lambda n: "# PRD: x\n## 2. Goals\n" + "### Goals\n- g\n" * (n // 14),
    "many requirements": lambda n: (
        "# PRD: x\n## 5. Requirements\n" + "**FR-1: a**\n- Priority: Must\n" * (n // 30)
    ),
    "continuation lines": lambda n: "# PRD: x\n## 2. Goals\n- g\n" + "  more text\n" * (n // 12),
    "ignore markers": lambda n: "# PRD: x\n" + "<!-- prd-ignore " * (n // 16) + "\n",
    "unclosed comment": lambda n: "# PRD: x\n<!--\n" + "text line\n" * (n // 10),
    "hashes": lambda n: "# PRD: x\n" + "#" * n + "\n" + "## " + "#" * n + " #\n",
    "tabs and blanks": lambda n: "# PRD: x\n" + " \t" * n + "-\n",
    "iosm lines": lambda n: (
        "# PRD: x\n## 10. IOSM\n### Gate-I\n" + "- Metric ≥≥≤≤ : at least [x]\n" * (n // 30)
    ),
    "yaml flow nesting": lambda n: "---\na: " + "[" * (n // 100) + "\n---\n# PRD: x\n",
}


def _parse(text: str) -> None:
    parse_prd(text, "adversarial.md")
    is_prd(text)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_parse_time_is_linear(name: str) -> None:
    """Making an adversarial input 4x longer makes the parse at most about 4x slower, not 16x."""
    make = ADVERSARIAL[name]
    n, small = 50_000, make(50_000)
    # Grow the input until one parse of it takes long enough to time reliably (an input
    # parsed several times in a row would sit in the CPU cache, the 4x larger one not).
    while n < 3_200_000 and cpu_seconds(functools.partial(_parse, small)) < 0.02:
        n *= 2
        small = make(n)
    large = make(GROWTH * n)
    assert_linear(f"{name} (n={n})", functools.partial(_parse, small), functools.partial(_parse, large))
