"""Achieved IOSM values in the front matter are checked like the targets, in lint and build alike,
and no page rates a figure the linter rejects (reading5, from the new-user report).

``iosm_actuals: {index: 1.4}`` and ``index: "82%"`` are outside 0-1 (PRD502, with ``0.82`` as
the hint for a percentage); a scalar ``iosm_actuals: 0.82`` or an unknown key is PRD505 on the
front-matter line (the build used to log it without a rule id, lint said nothing).  A target or
actual outside 0-1 gets no band and no "Met" on the card, and counts for nothing in the index summary.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.core.sitewide.index import IndexRow, IosmValues, summarize
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.views import band, card_view

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


def with_front(front: str) -> str:
    return f"---\n{front}---\n{CLEAN}"


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


@pytest.mark.parametrize(
    ("front", "rule", "words", "line"),
    [
        # A value out of range: on its own entry's line (the key holding it), not on iosm_actuals:.
        ("iosm_actuals:\n  index: 1.4\n", "PRD502", "`1.4` is outside 0-1", 4),
        ('iosm_actuals:\n  index: "82%"\n', "PRD502", "`82%` is outside 0-1", 4),
        ("iosm_actuals:\n  index: 0.8\n  I: 81\n", "PRD502", "Gate-I actual (iosm_actuals I) `81`", 5),
        ("iosm_actuals:\n  O: 0.7\n  M: '1.5'\n  S: 0.9\n", "PRD502", "`1.5` is outside 0-1", 5),
        ("iosm_actuals: {I: 81}\n", "PRD502", "`81` is outside 0-1", 3),  # one line: that line
        # The mapping itself is wrong: the iosm_actuals: line.
        ("iosm_actuals: 0.82\n", "PRD505", "expected a mapping", 3),
        ("iosm_actuals:\n  Gate-X: 0.9\n", "PRD505", "unknown key 'Gate-X'", 3),
        ("iosm_actuals:\n  metrics: fast\n", "PRD505", "metrics: expected a mapping", 3),
    ],
)
def test_a_bad_actual_is_a_finding_on_its_front_matter_line(
    front: str, rule: str, words: str, line: int
) -> None:
    found = findings(with_front("title: x\n" + front))
    assert [(n, r) for n, r, _ in found] == [(line, rule)]
    assert words in found[0][2]


def test_two_entries_with_the_same_bad_value_are_found_at_iosm_actuals() -> None:
    found = findings(with_front("title: x\niosm_actuals:\n  I: 81\n  O: 81\n"))
    assert [(n, r) for n, r, _ in found] == [(3, "PRD502"), (3, "PRD502")]


def test_a_percentage_is_hinted_as_its_score() -> None:
    text = with_front('iosm_actuals:\n  index: "82%"\n')
    (finding,) = check_page(parse_prd(text, "prd.md"), text, Settings())
    assert "`0.82`" in finding.hint


@pytest.mark.parametrize("front", ["iosm_actuals:\n  index: 0.82\n  I: 0.9\n", "iosm_actuals:\n  index: 0\n"])
def test_good_actuals_give_no_finding(front: str) -> None:
    assert findings(with_front(front)) == []


def test_the_build_logs_the_finding_once_with_its_rule() -> None:
    text = with_front("iosm_actuals: 0.82\n")
    pages = PageRenderer(
        build_catalog([("prds/a.md", text.encode())], Settings()), Renderer(), show_findings=True
    )
    assert not any("iosm_actuals" in p for p in pages.problems)  # no second, rule-less message
    assert [f.rule for f in check_page(parse_prd(text, "prds/a.md"), text, Settings())] == ["PRD505"]


@pytest.mark.parametrize("value", [1.2, 82.0, -0.1])
def test_no_band_for_a_figure_outside_0_1(value: float) -> None:
    assert band(value) is None and band(0.9) == "excellent"


def test_the_index_summary_counts_no_rejected_figure() -> None:
    rows = [
        IndexRow("a", None, "a.md", iosm=IosmValues(target="1.2", actual="1.4", target_value=1.2)),
        IndexRow("b", None, "b.md", iosm=IosmValues(target="0.8", actual="0.85", target_value=0.8)),
    ]
    summary = summarize(rows)
    assert (summary.with_target, summary.meets_threshold, summary.with_actual, summary.reached) == (
        1,
        1,
        1,
        1,
    )


def test_the_card_rates_no_rejected_target_or_actual() -> None:
    text = with_front("iosm_actuals:\n  index: 1.4\n").replace(
        "**Target post-implementation:** 0.86", "**Target post-implementation:** 1.2"
    )
    catalog = build_catalog([("prds/a.md", text.encode())], Settings())
    pages = PageRenderer(catalog, Renderer(), show_findings=False)
    view = card_view(parse_prd(text, "prds/a.md"), Labels(), pages.actuals["prds/a.md"])
    assert (view.index_band, view.index_actual_band, view.index_actual_mark) == (None, None, None)
    html = pages.output(
        "prds/a.md", "<html>" + pages.html("prds/a.md", pages.markdown("prds/a.md", text, text))
    )
    shown = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert re.search(r"\b(?:Excellent|Good|Met)\b", shown) is None
