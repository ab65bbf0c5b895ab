"""PRD502 for a gate target that is a 0-1 score: a gate's own target (``- Gate-I: ≥ 1.2``) and a
score metric's (``Semantic clarity: ≥1.5``, in the languages PRDs are read in), in the list form,
on one line with the gate, and in a metric table.  Metrics that are counts, times or percentages
(``API surface: ≤ 4``, ``P95 latency: 200``, ``Semantic clarity: ≥95%``) are not scores and stay
silent.  In process: parse and check one page.
"""

from __future__ import annotations

import pytest
from render_sites import prd_text

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

_GATE_I = "- Semantic clarity: ≥0.95 (clear naming, no magic numbers)"


def prd502(lines: str, replace: str = _GATE_I) -> list[tuple[int, str]]:
    text = prd_text()
    assert replace in text
    text = text.replace(replace, lines, 1)
    first = text.splitlines().index(lines.splitlines()[0]) + 1
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [(f.line - first, f.message) for f in found if f.rule == "PRD502"]


@pytest.mark.parametrize(
    "line",
    [
        "- Semantic clarity: ≥1.5",
        "- Semantic clarity: 95",
        "- **Semantic clarity:** ≥ 1.2 (clear naming)",
        "- Semantic clarity ≥ 1.5",
        "- Semantische Klarheit: ≥ 1,5",
        "- Claridad semántica: ≥ 2",
        "- Clarté sémantique : ≥ 1.5",
        "- Gate-I score: ≥ 75",
        "- Gate-I: ≥ 1.2",
        "- Gate-I: 80",
        "- Gate-I: −0.2",
    ],
)
def test_a_score_target_outside_0_1_is_prd502(line: str) -> None:
    found = prd502(f"{line}\n- Code duplication: ≤5%")
    assert [at for at, _ in found] == [0], found
    assert "outside 0-1" in found[0][1]


@pytest.mark.parametrize(
    "line",
    [
        "- Semantic clarity: ≥0.95",
        "- Semantic clarity: 1",
        "- Semantic clarity: ≥95%",
        "- Semantic clarity: ≥ 0.95 (was 1.2 on the old scale)",
        "- Code duplication: ≤5",
        "- Invariants documented: 100",
        "- Gate-I: ≥ 0.75",
        "- Gate-I: ≤ 3 new dependencies",
        "- Gate-I: ≤ 200 ms",
        "- Gate-I: ≥ 95%",
        "- API surface: ≤ 4",
        "- Lighthouse score: ≥ 90",
    ],
)
def test_other_targets_are_no_score(line: str) -> None:
    assert prd502(line) == []


def test_a_score_metric_in_a_metric_table_is_checked_and_counts_are_not() -> None:
    table = (
        "| Gate | Metric | Target |\n|---|---|---|\n| Gate-I | Semantic clarity | ≥1.5 |\n"
        "| Gate-O | P95 latency | 200 |\n| Gate-S | API surface | ≤ 4 |\n| Gate-M | Coupling | Low |"
    )
    text = prd_text()
    start, end = text.index("### Gate-I (Improve) Targets"), text.index("### Expected IOSM-Index")
    text = text[:start] + table + "\n\n" + text[end:]
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD502"]
    assert [text.splitlines()[f.line - 1] for f in found] == ["| Gate-I | Semantic clarity | ≥1.5 |"]


# --- PRD508: no IOSM-Index at all ----------------------------------------------------------------

_EXPECTED = (
    "### Expected IOSM-Index\n**Current baseline:** 0.65\n"
    "**Target post-implementation:** 0.82\n**Delta:** +0.17"
)


def prd508(new: str, old: str = _EXPECTED) -> list[str]:
    text = prd_text()
    assert old in text
    text = text.replace(old, new, 1)
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [text.splitlines()[f.line - 1] for f in found if f.rule == "PRD508"]


@pytest.mark.parametrize("new", ["", "### Notes\nThe gates were agreed with the platform team."])
def test_gate_targets_without_any_index_are_prd508(new: str) -> None:
    assert prd508(new) == ["## 10. IOSM Targets"]


@pytest.mark.parametrize(
    "new",
    [
        _EXPECTED,
        "**IOSM-Index target:** ≥0.80",
        "### Expected IOSM-Index\nTo be agreed with the platform team after the baseline run.",
        "### Índice IOSM esperado\nSe acordará con el equipo de plataforma.",
        "The index is computed by the gate runner; see the track's report.",
        "**Target post-implementation:** 0.82",
    ],
)
def test_an_index_named_or_stated_is_silent(new: str) -> None:
    assert prd508(new) == []


def test_no_iosm_section_or_an_unread_one_is_not_prd508() -> None:
    text = prd_text()
    start, end = text.index("## 10. IOSM Targets"), text.index("## Appendix")
    assert prd508("", text[start:end]) == []  # PRD201's
    assert prd508("## 10. IOSM Targets\n\nWe follow the platform's defaults.\n\n", text[start:end]) == []
