"""IOSM-Index figures with a decimal comma (``0,82``, German, Spanish, French and Portuguese
PRDs) count in the index as on the card: the card rated ``0,82`` "Good", while the index's
chart, its data table and the summary left the PRD out ("No PRD has an achieved IOSM-Index
yet").  One reader for card, rows, summary and chart; merged indexes read the same way.
In process: parser, index rows, summary and chart, no build."""

from __future__ import annotations

import pytest
from render_sites import LIST_IOSM, prd_text

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.sitewide.index import index_number, index_rows, summarize
from mkdocs_prd.core.sitewide.portfolio import IndexSource, merge_rows
from mkdocs_prd.html.charts import iosm_chart
from mkdocs_prd.html.views import card_view

FORMS = [("0,82", "0,85"), ("≥0,82", "0,85"), ("≥ 0,82", "~0,85"), ("0.82", "0.85"), ("0,820", "0,850")]


@pytest.mark.parametrize(("target", "actual"), FORMS)
def test_a_decimal_comma_counts_in_the_index_as_on_the_card(target: str, actual: str) -> None:
    iosm = LIST_IOSM.replace(
        "**Target post-implementation:** 0.82", f"**Target post-implementation:** {target}"
    )
    prd = parse_prd(prd_text("Recherche", iosm=iosm), "prds/fr.md")
    card = card_view(prd, Labels())
    assert card.index_band == "good"  # the card's reading
    rows = index_rows([prd], lambda path: path, actuals={prd.path: actual})
    assert rows[0].iosm.target_value == pytest.approx(0.82)
    assert index_number(rows[0].iosm.actual) == pytest.approx(0.85)
    summary = summarize(rows, threshold=0.80)
    assert (summary.with_target, summary.meets_threshold) == (1, 1)
    assert (summary.with_actual, summary.reached) == (1, 1)
    chart = str(iosm_chart(rows, Labels(), 0.80, "t"))
    assert "1 of 1" in chart and "<td>0.82</td><td>0.85</td>" in chart
    assert 'prd-chart__actual prd-chart__actual--met" style="width: 85.00%"' in chart


@pytest.mark.parametrize(("target", "actual"), FORMS)
def test_a_merged_index_with_a_decimal_comma_reads_the_same(target: str, actual: str) -> None:
    entry = {
        "title": "Recherche",
        "url": "fr/",
        "src_path": "fr.md",
        "iosm": {"target": target, "actual": actual},
    }
    loaded = merge_rows({"schema_version": 1, "prds": [entry]}, IndexSource("fr.json"))
    assert loaded.rows and loaded.rows[0].iosm.target_value == pytest.approx(0.82)  # was 0: "0" of "0,82"
    summary = summarize(loaded.rows, threshold=0.80)
    assert (summary.meets_threshold, summary.reached) == (1, 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [("85%", 85.0), ("1,250", 1250.0), ("−0,2", -0.2), ("0.8 (stretch)", None), ("nan", None), ("", None)],
)
def test_index_number_reads_only_a_figure(text: str, value: float | None) -> None:
    assert index_number(text) == (pytest.approx(value) if value is not None else None)
