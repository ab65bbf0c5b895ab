"""What readers see (issue 13, parts 2-4), in a real build: findings panel, card, IOSM table, index.

One module-scoped build (serve mode, so findings show) of tests/readable_sites.py.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import Site, build_site
from readable_sites import readable_files

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.sitewide.index import IndexRow, IosmValues, StatusCount, Summary
from mkdocs_prd.html.charts import MAX_IOSM_ROWS, iosm_chart, status_chart
from mkdocs_prd.html.render import inline_code


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("readable"), readable_files(), {}, command="serve")


def article(text: str) -> str:
    start = text.index("<article")
    return text[start : text.index("</article>", start)]


def words(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# --- findings panel ------------------------------------------------------------------


def test_panel_groups_a_repeated_rule_with_its_lines(site: Site) -> None:
    body = article(site.html("prds/skeleton/index.html"))
    panel = body[body.index("prd-findings") : body.index("</ul>\n</div>", body.index("prd-findings"))]
    entries = re.findall(r'<li class="prd-finding prd-finding--(\w+)">', panel)
    prd107 = [m for m in re.finditer(r"<code class=\"prd-finding__rule\">PRD107</code>", panel)]
    assert len(prd107) == 1  # three placeholders, one entry
    assert re.search(r'<span class="prd-finding__line">lines \d+, \d+, \d+</span>', panel)
    # Three placeholders, three different messages: no one of them is shown as "(3 times)".
    assert "3 different messages" in panel and "times)" not in panel
    assert entries.count("warning") >= 1
    # The title counts findings, not entries.
    assert re.search(r"PRD findings \((\d+)\)", panel)
    total = int(re.search(r"PRD findings \((\d+)\)", panel).group(1))  # type: ignore[union-attr]
    assert total > len(entries)


def test_panel_shows_code_spans_as_code_and_severity_in_words(site: Site) -> None:
    body = article(site.html("prds/skeleton/index.html"))
    assert "<code>[name/team]</code>" in body and "`[name/team]`" not in body
    assert re.search(
        r'prd-finding__severity--warning"><span aria-hidden="true">▲</span> warning</span>', body
    )


def test_inline_code_escapes_everything_else() -> None:
    assert str(inline_code("a `<b>` & `x`")) == "a <code>&lt;b&gt;</code> &amp; <code>x</code>"
    assert str(inline_code("no `closing <i>")) == "no `closing &lt;i&gt;"


# --- card and IOSM table ----------------------------------------------------------------


def test_card_shows_the_achieved_index_with_its_mark(site: Site) -> None:
    body = article(site.html("prds/achieved/index.html"))
    card = body[body.index('<div class="prd-card">') : body.index("prd-iosm-block")]
    text = words(card)
    assert re.search(r"Target IOSM-Index 0\.82 Good Achieved 0\.86 Good ✓ Met", text), text


def test_card_has_no_zero_count_priority_badges(site: Site) -> None:
    card = words(
        article(site.html("prds/achieved/index.html")).split(
            '<div class="prd-card__stat prd-card__stat--questions">'
        )[0]
    )
    assert "Must 1" in card and "Should 1" in card and "Could" not in card


def test_iosm_table_has_no_gate_column_and_draws_gauges(site: Site) -> None:
    body = article(site.html("prds/achieved/index.html"))
    start = body.index('<table class="prd-iosm')
    table = body[start : body.index("</table>", start)]
    heads = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert heads[0] == "Metric" and "Gate" not in heads
    gauges = re.findall(
        r'<span class="prd-gauge prd-gauge--(met|not-met)" role="img" aria-label="([^"]+)"', body
    )
    assert ("met", "Target 0.7 → Actual 0.91") in gauges  # Gate-I score against its pass threshold
    assert ("not-met", "Target 0.6 → Actual 0.5") in gauges
    assert ("met", "Baseline 0.65 → Target 0.82 → Actual 0.86") in gauges  # the index


# --- index ---------------------------------------------------------------------------


def test_index_has_accessible_charts_with_table_fallback(site: Site) -> None:
    index = article(site.html("prds/index.html"))
    status = index[
        index.index("prd-chart--status") : index.index("</figure>", index.index("prd-chart--status"))
    ]
    assert 'role="img"' in status and "<desc" in status
    assert re.search(r"<desc[^>]*>Draft 1, Review 1, Approved 1, Implemented 1, On Hold 1</desc>", status)
    assert "<details" in status and "<td>Draft</td><td>1</td>" in status
    assert "prd-chart--iosm" in index
    assert "The charts show all 5 PRDs; the filters apply to the table." in index


def test_index_titles_read_as_on_the_page_and_empty_state_is_ready(site: Site) -> None:
    index = article(site.html("prds/index.html"))
    # As the H1 shows it: the emphasis is emphasis, never its source.
    assert "🚀 Launch <em>now</em></a>" in index and "&lt;em&gt;" not in index
    assert '<p class="prd-index__empty" data-prd-empty hidden>No PRDs match.</p>' in index
    # Same progress bar as the card; no empty code box without a Track ID.
    assert 'class="prd-progress prd-progress--small"' in index and "<code></code>" not in index


def test_status_chart_escapes_and_sizes_segments() -> None:
    summary = Summary(3, (StatusCount("<x>", 2), StatusCount(None, 1)), None, 0, 0, 0.8)  # type: ignore[arg-type]
    svg = str(status_chart(summary, Labels(), "t"))
    assert "&lt;x&gt;" in svg and "<x>" not in svg
    widths = [float(w) for w in re.findall(r'width="([\d.]+)"', svg)]
    assert widths == [400.0, 200.0]


def test_iosm_chart_draws_at_most_the_cap_and_lists_all() -> None:
    rows = [
        IndexRow(f"P{i}", None, f"p{i}.md", iosm=IosmValues(target="0.8", actual=f"0.{i % 9 + 1}"))
        for i in range(60)
    ]
    svg = str(iosm_chart(rows, Labels(), 0.8, "t"))
    assert svg.count('class="prd-chart__row"') == MAX_IOSM_ROWS
    assert svg.count("<tr><td>P") == 60
