"""What readers see (issue 13, parts 2-4), in a real build: findings panel, card, IOSM table, index.

One module-scoped build (serve mode, so findings show) of tests/readable_sites.py.
"""

from __future__ import annotations

import html
import re

import markdown
import pytest
from conftest import Site, build_site
from readable_sites import readable_files
from render_sites import prd_text

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.parse.inline import code_spans
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.base import quote
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.index import IndexRow, IosmValues, StatusCount, Summary
from mkdocs_prd.html.charts import MAX_IOSM_ROWS, iosm_chart, status_chart
from mkdocs_prd.html.render import Renderer, inline_code


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


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("a `x` b", [(2, 3, 4, 5)]),
        ("``a ` b``", [(0, 2, 7, 9)]),  # a shorter run inside is text
        ("``a`", [(0, 1, 3, 4)]),  # as Python-Markdown: the opener's longest part that closes
        ("`a", []),
        ("`" * 12 + "x" + "`" * 12, []),  # runs over 10 backticks close nothing
        ("`" + "x" * 300 + "`", [(0, 1, 301, 302)]),
        ("`" + "x" * 301 + "`", []),  # over 300 characters: no code span
        ("`a\nb`", []),  # not across a line
        ("`a` `b` ``c``", [(0, 1, 2, 3), (4, 5, 6, 7), (8, 10, 11, 13)]),
    ],
)
def test_code_spans_as_python_markdown_reads_them(text: str, spans: list[tuple[int, int, int, int]]) -> None:
    assert code_spans(text) == spans


def test_inline_code_escapes_everything_else() -> None:
    assert str(inline_code("a `<b>` & `x`")) == "a <code>&lt;b&gt;</code> &amp; <code>x</code>"
    assert str(inline_code("no `closing <i>")) == "no `closing &lt;i&gt;"


# A document value quoted in a message keeps its own backticks: the span around it is one
# backtick longer than its longest run (the panel once showed `a`b` as code "a", text "b"
# and the rest of the message as code).
BACKTICKED = [
    "a`b",
    "`",
    "``v`1`` <img src=x onerror=alert(1)>",
    "`Appr`oved` <script>x</script>",
    "x`",
    "```",
]


@pytest.mark.parametrize("value", [*BACKTICKED, "plain", "<b>&amp;</b>"])
def test_a_quoted_value_is_one_code_span_as_markdown_reads_it(value: str) -> None:
    message = f"Status {quote(value)} is not a status"
    expected = f"Status <code>{html.escape(value, quote=False)}</code> is not a status"
    assert str(inline_code(message)) == expected
    assert markdown.markdown(message) == f"<p>{expected}</p>"  # Python-Markdown reads it the same way


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("Track ID", "a`b", "PRD105"),
        ("Status", "`Appr`oved` <i>x</i>", "PRD102"),
        ("Version", "v`1`", "PRD104"),
        ("Date", "`17/01/2026`", "PRD103"),
        ("Date", "2026`01", "PRD103"),
    ],
)
def test_findings_on_backticked_values_render_them_as_code(field: str, value: str, rule: str) -> None:
    text = re.sub(rf"(?m)^\*\*{field}:\*\* .*$", lambda _: f"**{field}:** {value}", prd_text())
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == rule]
    assert found, (field, value)
    for f in found:
        for said in (f.message, f.hint or ""):
            shown = str(inline_code(said))
            # Every backtick is inside code: none is left over as text around the spans.
            assert "`" not in re.sub(r"<code>.*?</code>", "", shown), (said, shown)
            as_markdown_reads_it = "<p>" + shown.replace("&#39;", "'") + "</p>"  # it leaves ' as is
            assert markdown.markdown(said) == as_markdown_reads_it, said


@pytest.mark.parametrize(("count", "same"), [(10, True), (11, True), (300, True), (300, False)])
def test_a_rule_firing_hundreds_of_times_names_ten_lines_and_keeps_the_rest(count: int, same: bool) -> None:
    # 300 line numbers in an entry's heading filled a phone screen before the card.
    findings = [
        Finding("PRD107", Severity.WARNING, "p.md", 3 * i + 1, "Placeholder" if same else f"Placeholder {i}")
        for i in range(count)
    ]
    panel = str(Renderer().findings(findings))
    heading = re.search(r'<span class="prd-finding__line">lines ([^<]*)</span>', panel)
    assert heading is not None and f"PRD findings ({count})" in panel
    listed = re.findall(r"\d+", heading.group(1).split("…")[0])
    assert listed == [str(3 * i + 1) for i in range(min(count, 10))]
    assert ("… and" in heading.group(1)) == (count > 10)
    if count > 10:
        assert f"and {count - 10} more" in heading.group(1)
    # Every line is still on the page: in the entry's details (all lines, or each message's).
    body = panel[panel.index("</span>", heading.end()) :]
    assert all(re.search(rf"\b{3 * i + 1}\b", body) for i in range(count)) or count <= 10


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
    assert "The charts show all 5 PRDs; the filters apply to the table." in index
    # The IOSM chart: a labelled image whose description is its visible note, the data as a table.
    iosm = index[index.index("prd-chart--iosm") : index.index("</figure>", index.index("prd-chart--iosm"))]
    labelled = re.search(r'class="prd-chart__plot" role="img"[^>]* aria-labelledby="([^"]+)"', iosm)
    assert labelled is not None
    for ref in labelled.group(1).split():
        assert re.search(rf'id="{ref}">[^<]+<', index), ref
    assert "<details" in iosm and iosm.count("<tr><td>") == 5


def test_index_titles_read_as_on_the_page_and_empty_state_is_ready(site: Site) -> None:
    index = article(site.html("prds/index.html"))
    # As the H1 shows it: the emphasis is emphasis, never its source.
    assert "🚀 Launch <em>now</em></a>" in index and "&lt;em&gt;" not in index
    # Author text keeps its own direction (a right-to-left title on a left-to-right page,
    # an emoji at its end): the title link and the owner are isolated with dir="auto".
    assert re.search(r'<a href="[^"]*launch/" dir="auto">🚀 Launch <em>now</em></a>', index)
    assert '<span dir="auto">Payments Team</span></td>' in index
    assert '<p class="prd-index__empty" data-prd-empty hidden>No PRDs match.</p>' in index
    # Same progress bar as the card; no empty code box without a Track ID.
    assert 'class="prd-progress prd-progress--small"' in index and "<code></code>" not in index


def test_status_chart_escapes_and_sizes_segments() -> None:
    summary = Summary(3, (StatusCount("<x>", 2), StatusCount(None, 1)), None, 0, 0, 0.8)  # type: ignore[arg-type]
    svg = str(status_chart(summary, Labels(), "t"))
    assert "&lt;x&gt;" in svg and "<x>" not in svg
    # Geometry in percent of the column (no viewBox: the counts are never scaled down).
    assert "viewBox" not in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)%"', svg)]
    assert widths == [66.67, 33.33]
    assert re.findall(r'<text x="([\d.]+)%"', svg) == ["33.33", "83.33"]


@pytest.mark.parametrize(
    ("counts", "labelled"),
    [
        ((1, 1), [True, True]),
        ((39, 1), [True, False]),  # 1 of 40 is too narrow for its count on a phone
        ((20, 2), [True, True]),
        ((95, 5), [True, True]),
        ((880, 120), [True, True]),
        ((970, 30), [True, False]),  # three digits need more room than one
    ],
)
def test_status_chart_counts_only_where_they_fit(counts: tuple[int, int], labelled: list[bool]) -> None:
    summary = Summary(
        sum(counts), (StatusCount("Draft", counts[0]), StatusCount("Review", counts[1])), None, 0, 0, 0.8
    )  # type: ignore[arg-type]
    svg = str(status_chart(summary, Labels(), "t"))
    segments = svg.split('<g class="prd-chart__seg')[1:]
    assert ["<text" in seg for seg in segments] == labelled


def test_iosm_chart_legend_names_what_is_drawn() -> None:
    def row(title: str, target: str | None, actual: str | None) -> IndexRow:
        return IndexRow(title, None, f"{title}.md", iosm=IosmValues(target=target, actual=actual))

    def keys(rows: list[IndexRow]) -> list[str]:
        return re.findall(r"prd-chart__key--([\w-]+)", str(iosm_chart(rows, Labels(), 0.8, "t")))

    assert keys([row("A", "0.8", None)]) == ["target", "threshold"]
    assert keys([row("A", "0.8", "0.9")]) == ["target", "met", "threshold"]
    assert keys([row("A", "0.8", "0.5"), row("B", None, "0.3")]) == ["target", "met", "not-met", "threshold"]
    html_text = str(iosm_chart([row("A", "0.8", "0.5")], Labels(), 0.75, "t"))
    assert "Achieved, below target" in html_text and "Threshold 0.75" in html_text
    assert "--prd-threshold: 75.00%" in html_text
    assert 'class="prd-chart__actual prd-chart__actual--not-met" style="width: 50.00%"' in html_text
    assert 'class="prd-chart__target" style="width: 80.00%"' in html_text
    # The row's tooltip says whether the target is met, in words.
    assert 'title="A: Target 0.80, Achieved 0.50 (Not met)"' in html_text
    assert 'title="A: Target 0.80, Achieved 0.90 (Met)"' in str(
        iosm_chart([row("A", "0.8", "0.9")], Labels(), 0.8, "t")
    )


def test_iosm_chart_escapes_and_isolates_names() -> None:
    rows = [
        # Another site's index holds text: shown as text, escaped.
        IndexRow('<b>x</b> "q"', None, "a.md", iosm=IosmValues(target="0.8", actual="1.4"), site="other"),
        IndexRow("מערכת תשלומים", None, "b.md", iosm=IosmValues(target="-1", actual=None)),
    ]
    out = str(iosm_chart(rows, Labels(), 0.8, "t"))
    assert "<b>x</b>" not in out and "&lt;b&gt;x&lt;/b&gt; &#34;q&#34;" in out
    assert '<span class="prd-chart__name" dir="auto">מערכת תשלומים</span>' in out  # in its own direction
    # Values beyond 0-1 (PRD502's errors) get no bar and no met / not met colour, as the card
    # gives them no band; the row's figure and the data table keep them as written.
    assert "prd-chart__actual" not in out.split("prd-chart__legend")[0]
    assert out.count('prd-chart__target" style') == 1  # 0.8 is drawn, -1 is not
    assert "(Met)" not in out and "(Not met)" not in out
    assert "<td>1.40</td>" in out and '<span class="prd-chart__value">1.40</span>' in out


def test_iosm_chart_draws_values_in_range_beside_rejected_ones() -> None:
    rows = [
        IndexRow("In", None, "a.md", iosm=IosmValues(target="0.8", actual="0.9")),
        IndexRow("Out", None, "b.md", iosm=IosmValues(target="0.8", actual="1.4")),
        IndexRow("Pct", None, "c.md", iosm=IosmValues(target="84", actual=None)),
    ]
    out = str(iosm_chart(rows, Labels(), 0.8, "t"))
    assert out.count('class="prd-chart__actual prd-chart__actual--met"') == 1  # only "In" is drawn met
    assert out.count('class="prd-chart__target"') == 2  # "In" and "Out" have a target in 0-1; not 84
    assert 'title="Out: Target 0.80, Achieved 1.40"' in out


def test_iosm_chart_draws_at_most_the_cap_and_lists_all() -> None:
    rows = [
        IndexRow(f"P{i}", None, f"p{i}.md", iosm=IosmValues(target="0.8", actual=f"0.{i % 9 + 1}"))
        for i in range(60)
    ]
    svg = str(iosm_chart(rows, Labels(), 0.8, "t"))
    assert svg.count('<div class="prd-chart__row"') == MAX_IOSM_ROWS
    assert svg.count("<tr><td>P") == 60


def test_iosm_chart_tells_prds_of_one_title_apart() -> None:
    # A merged portfolio: "Automated Refunds" from two sites and twice on this one.
    rows = [
        IndexRow("Automated Refunds", None, "a.md", track_id="pay-1", iosm=IosmValues(target="0.8")),
        IndexRow("Automated Refunds", None, "b.md", track_id="pay-2", iosm=IosmValues(target="0.8")),
        IndexRow("Automated Refunds", None, "c.md", iosm=IosmValues(target="0.8"), site="Handbook"),
        IndexRow("Dark mode", None, "d.md", track_id="dm", iosm=IosmValues(target="0.8")),
    ]
    out = str(iosm_chart(rows, Labels(), 0.8, "t"))
    names = re.findall(r'<span class="prd-chart__name" dir="auto">([^<]*)</span>', out)
    assert sorted(names) == [
        "Automated Refunds (Handbook)",
        "Automated Refunds (pay-1)",
        "Automated Refunds (pay-2)",
        "Dark mode",
    ]
    assert "<td>Automated Refunds (pay-2)</td>" in out  # the data table names them alike
