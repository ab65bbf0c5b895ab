"""The PRD index as data and HTML, without a build: order, filters, groups, summary,
URLs, listing markers, escaping."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from mkdocs_prd.core.model import Finding, Requirement, Severity
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.sitewide.index import (
    FindingCounts,
    IndexRow,
    IosmValues,
    filter_rows,
    finding_counts,
    group_rows,
    index_rows,
    page_url,
    relative_url,
    requirement_counts,
    sort_rows,
    summarize,
)
from mkdocs_prd.core.sitewide.listing import ListingSpec, find_markers, parse_arguments, replace_markers
from mkdocs_prd.html.index_html import IndexOptions, render_listing

STATUSES = ("Draft", "Review", "Approved", "Implemented")


def row(src: str, **kw: object) -> IndexRow:
    values: dict[str, object] = {"title": src.upper(), "url": src.replace(".md", "/")}
    values.update(kw)
    return IndexRow(src_path=src, **values)  # type: ignore[arg-type]


ROWS = [
    row("d.md", track_id="prd-10", status="Approved", date="2026-03-01", title="delta", owner="Zed"),
    row("a.md", track_id="prd-2", status="draft", date="2026-01-05", title="Alpha", owner="amy"),
    row("c.md", track_id="prd-2", status="Implemented", date=None, title="charlie", owner="Amy"),
    row("b.md", track_id=None, status="In Progress", date="2026-03-01", title="Bravo 10", owner=None),
    row("e.md", track_id="PRD-1", status=None, date="2025-12-31", title="Bravo 9", owner="Zed"),
]


def order(rows: list[IndexRow]) -> list[str]:
    return [r.src_path for r in rows]


class TestSort:
    def test_track_id_natural_missing_last_ties_by_src_path(self) -> None:
        assert order(sort_rows(ROWS, "track_id")) == ["e.md", "a.md", "c.md", "d.md", "b.md"]

    def test_track_id_reverse_keeps_missing_last_and_tie_order(self) -> None:
        assert order(sort_rows(ROWS, "track_id", reverse=True)) == ["d.md", "a.md", "c.md", "e.md", "b.md"]

    def test_date(self) -> None:
        assert order(sort_rows(ROWS, "date")) == ["e.md", "a.md", "b.md", "d.md", "c.md"]
        assert order(sort_rows(ROWS, "date", reverse=True)) == ["b.md", "d.md", "a.md", "e.md", "c.md"]

    @pytest.mark.parametrize(
        "written",
        ["{{ git_revision_date_localized }}", "TBD", "2026-02-30", "05/01/2026", "soon", "Feb 30, 2026"],
    )
    def test_a_date_that_is_no_iso_day_sorts_with_the_missing(self, written: str) -> None:
        # Last in either direction, on the server and in the browser (its sort value is empty),
        # as for a PRD without a date; an ISO date-time sorts by its day.
        rows = [*ROWS, row("f.md", date=written), row("g.md", date="2026-01-05T23:00:00Z")]
        assert order(sort_rows(rows, "date")) == ["e.md", "a.md", "g.md", "b.md", "d.md", "c.md", "f.md"]
        assert order(sort_rows(rows, "date", reverse=True))[-2:] == ["c.md", "f.md"]
        out = render_listing(rows, ListingSpec(), IndexOptions(), link=lambda r: r.url)
        sorts = re.findall(r'data-label="Date" class="prd-index__nowrap" data-prd-sort="([^"]*)"', out)
        assert sorted(sorts) == ["", "", "2025-12-31", "2026-01-05", "2026-01-05", "2026-03-01", "2026-03-01"]

    @pytest.mark.parametrize(
        ("written", "day"),
        [("Jan 5, 2026", "2026-01-05"), ("December 1, 2026", "2026-12-01"), ("5 January 2026", "2026-01-05")],
    )
    def test_a_date_in_words_sorts_as_its_day(self, written: str, day: str) -> None:
        # An unambiguous date in words is read as lint --fix reads it, here and in the browser.
        rows = [*ROWS, row("f.md", date=written)]
        ordered = order(sort_rows(rows, "date"))
        days = {"e.md": "2025-12-31", "a.md": "2026-01-05", "b.md": "2026-03-01", "d.md": "2026-03-01"}
        assert ordered.index("f.md") == sorted([*days.values(), day]).index(day) + (day == "2026-01-05")
        out = render_listing(rows, ListingSpec(), IndexOptions(), link=lambda r: r.url)
        assert f'data-label="Date" class="prd-index__nowrap" data-prd-sort="{day}">{written}<' in out

    def test_status_follows_the_workflow_then_unknown_then_missing(self) -> None:
        assert order(sort_rows(ROWS, "status", statuses=STATUSES)) == ["a.md", "d.md", "c.md", "b.md", "e.md"]

    def test_title_natural_and_case_insensitive(self) -> None:
        assert order(sort_rows(ROWS, "title")) == ["a.md", "e.md", "b.md", "c.md", "d.md"]

    def test_title_sorts_by_the_text_the_reader_sees(self) -> None:
        """``**Bravo** 11``, ``_Ace_``, `` `charlie` x``: marks round a word do not move the row."""
        rows = [
            *ROWS,
            row("f.md", title="**Bravo** 11"),
            row("g.md", title="_Ace_"),
            row("h.md", title="`cz` x"),
        ]
        assert order(sort_rows(rows, "title")) == [
            "g.md",
            "a.md",
            "e.md",
            "b.md",
            "f.md",
            "c.md",
            "h.md",
            "d.md",
        ]

    def test_unknown_key_is_an_error(self) -> None:
        with pytest.raises(ValueError, match="owner"):
            sort_rows(ROWS, "owner")

    @settings(max_examples=60, deadline=None)
    @given(st.permutations(ROWS), st.sampled_from(["track_id", "date", "status", "title"]), st.booleans())
    def test_input_order_never_matters(self, rows: list[IndexRow], key: str, reverse: bool) -> None:
        assert sort_rows(rows, key, reverse, STATUSES) == sort_rows(ROWS, key, reverse, STATUSES)


def test_filter_is_case_insensitive_and_combines() -> None:
    assert order(filter_rows(ROWS, statuses=["APPROVED", "draft"])) == ["d.md", "a.md"]
    assert order(filter_rows(ROWS, owners=["amy"])) == ["a.md", "c.md"]
    assert order(filter_rows(ROWS, statuses=["Implemented"], owners=["AMY"])) == ["c.md"]
    assert filter_rows(ROWS) == ROWS


def test_group_by_status_and_owner() -> None:
    by_status = group_rows(sort_rows(ROWS, "title"), "status", STATUSES)
    assert [(g.key, order(list(g.rows))) for g in by_status] == [
        ("Draft", ["a.md"]),
        ("Approved", ["d.md"]),
        ("Implemented", ["c.md"]),
        ("In Progress", ["b.md"]),
        (None, ["e.md"]),
    ]
    by_owner = group_rows(ROWS, "owner")
    assert [(g.key, order(list(g.rows))) for g in by_owner] == [
        ("amy", ["a.md", "c.md"]),
        ("Zed", ["d.md", "e.md"]),
        (None, ["b.md"]),
    ]
    assert group_rows(ROWS, None)[0].rows == tuple(ROWS)


def test_summary_counts_statuses_findings_and_threshold() -> None:
    def target(text: str, value: float) -> IosmValues:
        return IosmValues(target=text, target_value=value)

    rows = [
        row("a.md", status="Approved", iosm=target("0.80", 0.80), findings=FindingCounts(1, 2)),
        row("b.md", status="approved", iosm=target("≥0.9", 0.9), findings=FindingCounts(0, 1, 3)),
        row("c.md", status="Draft", iosm=target("0.7", 0.7)),
        row("d.md", status=None),
    ]
    s = summarize(rows, STATUSES, 0.8)
    assert [(c.status, c.count) for c in s.statuses] == [("Draft", 1), ("Approved", 2), (None, 1)]
    assert (s.findings.error, s.findings.warning, s.findings.info) == (1, 3, 3)
    assert (s.meets_threshold, s.with_target, s.total) == (2, 3, 4)


def _iosm_total(rows: list[IndexRow]) -> str:
    out = render_listing(rows, ListingSpec(), IndexOptions(statuses=STATUSES), link=lambda r: r.url)
    m = re.search(r'<span class="prd-index__iosm-total">(.*?)</span>', out, re.S)
    assert m is not None
    return m.group(1)


def test_summary_counts_achieved_values_not_targets() -> None:
    def iosm(target: float, actual: str | None = None) -> IosmValues:
        return IosmValues(target=f"{target:.2f}", target_value=target, actual=actual)

    rows = [
        row("a.md", iosm=iosm(0.80, "0.71")),  # target reaches 0.80, achieved does not
        row("b.md", iosm=iosm(0.85, "≥0.86")),
        row("c.md", iosm=iosm(0.90)),  # no achieved value yet
        row("d.md", iosm=iosm(0.82, "pending")),  # not a number: not known
    ]
    s = summarize(rows, STATUSES, 0.8)
    assert (s.reached, s.with_actual, s.without_actual) == (1, 2, 2)
    assert (s.meets_threshold, s.with_target) == (4, 4)
    text = _iosm_total(rows)
    assert text == "1 of 4 PRDs reached the IOSM-Index threshold (0.80); 2 have no achieved value yet"
    all_known = _iosm_total(rows[:2])
    assert all_known == "1 of 2 PRDs reached the IOSM-Index threshold (0.80)"
    # No achieved value anywhere: the count is plainly about targets.
    targets = _iosm_total([row("c.md", iosm=iosm(0.90)), row("e.md", iosm=iosm(0.7))])
    assert targets == "No PRD has an achieved IOSM-Index yet; 1 of 2 target the threshold (0.80) or more"


def test_finding_and_requirement_counts() -> None:
    found = [
        Finding("PRD101", Severity.ERROR, "a.md", 1, "m"),
        Finding("PRD104", Severity.WARNING, "a.md", 2, "m"),
        Finding("PRD504", Severity.INFO, "b.md", 3, "m"),
    ]
    assert finding_counts(found) == {"a.md": FindingCounts(1, 1, 0), "b.md": FindingCounts(0, 0, 1)}
    reqs = [
        Requirement("functional", f"FR-{i}", "n", i, "block", priority=p)
        for i, p in enumerate(["Must", "must ", "Should", "Could", None, "Maybe"])
    ]
    counts = requirement_counts(reqs)
    assert (counts.must, counts.should, counts.could, counts.other) == (2, 1, 1, 2)


PATHS = ["index.md", "README.md", "a.md", "prds/index.md", "prds/x y.md", "prds/sub/README.md", "d/a/b/c.md"]


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("src", PATHS)
def test_page_url_is_what_mkdocs_computes(src: str, use_directory_urls: bool) -> None:
    file = File(src, src_dir=None, dest_dir="/site", use_directory_urls=use_directory_urls)
    assert page_url(src, use_directory_urls) == file.url


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "..", ".", "x.html", "c"]), max_size=5).map("/".join),
    st.lists(st.sampled_from(["a", "b", "..", "index.html", "c", ""]), max_size=5).map("/".join),
)
def test_relative_url_matches_mkdocs(url: str, other: str) -> None:
    assert relative_url(url, other) == get_relative_url(url, other)


class TestMarkers:
    def test_full_marker_and_arguments(self) -> None:
        text = 'intro\n\n<!-- prd-index -->\n\n<!--   prd-index status=Approved,Review owner="Platform Team" '
        text += "sort=date reverse columns=title,status,owner group=owner -->\n"
        first, second = find_markers(text)
        assert first.spec.is_full_index and first.line == 3 and not first.problems
        assert second.line == 5 and not second.problems
        assert second.spec == ListingSpec(
            statuses=("Approved", "Review"),
            owners=("Platform Team",),
            sort_by="date",
            reverse=True,
            columns=("title", "status", "owner"),
            group_by="owner",
            group_set=True,
            arguments=True,
        )

    def test_bad_arguments_are_problems_with_lines_and_the_rest_applies(self) -> None:
        text = "a\nb\n<!-- prd-index sort=owner colour=red columns=title,bogus status=Draft reverse=maybe -->"
        (marker,) = find_markers(text)
        messages = [p.message for p in marker.problems]
        assert all(p.line == 3 for p in marker.problems)
        assert any("sort='owner'" in m for m in messages)
        assert any("unknown argument 'colour'" in m for m in messages)
        assert any("'bogus'" in m for m in messages)
        assert any("reverse='maybe'" in m for m in messages)
        assert marker.spec.columns == ("title",) and marker.spec.statuses == ("Draft",)

    def test_unterminated_quote(self) -> None:
        spec, problems = parse_arguments(' owner="Platform', 7)
        assert problems and problems[0].line == 7 and "unterminated" in problems[0].message
        assert spec.owners == ("Platform",)

    def test_markers_in_fenced_code_are_examples(self) -> None:
        text = "```md\n<!-- prd-index -->\n```\n\n~~~~\n<!-- prd-index status=X -->\n~~~~\n"
        text += "<!-- prd-index-not -->\n"
        assert find_markers(text) == []
        assert len(find_markers(text, skip_code=False)) == 2

    @pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
    def test_fences_end_at_line_breaks_markdown_sees(self, brk: str) -> None:
        # Python-Markdown ends lines at "\n" only: after another break, ``` is no fence.
        inside = f"```\n<!-- prd-index -->\nx{brk}```\n<!-- prd-index status=X -->\n```\n"
        assert find_markers(inside) == []
        outside = f"x{brk}```\n<!-- prd-index -->\n"
        assert len(find_markers(outside)) == 1

    def test_other_comments_and_lookalikes_are_ignored(self) -> None:
        assert find_markers("<!-- prd-ignore PRD101 --> <!-- prd-indexes --> <!-- x prd-index -->") == []

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("<!->prd-index =\"',\n`~ab")), max_size=200))
    def test_never_raises(self, text: str) -> None:
        for marker in find_markers(text):
            assert 1 <= marker.line <= text.count("\n") + 1
        replace_markers(text, lambda m: "X")

    def test_replace_swallows_a_wrapping_paragraph(self) -> None:
        text = "<p><!-- prd-index --></p>\n<p>a <!-- prd-index x=1 --> b</p>"
        out = replace_markers(text, lambda m: "<T/>")
        assert out == "<T/>\n<p>a </p><T/><p> b</p>"

    @pytest.mark.parametrize(
        "text,expected",
        [
            # A marker in a paragraph's text splits it: the listing is never inside a <p>.
            ("<p>See <!-- prd-index status=Review --></p>", "<p>See </p><T/>"),
            ("<p><!-- prd-index --> below</p>", "<T/><p> below</p>"),
            ('<p class="x">a\n<!-- prd-index -->\nb</p>', '<p class="x">a\n</p><T/><p>\nb</p>'),
            ("<p>a <!-- prd-index --> <!-- prd-index --> b</p>", "<p>a </p><T/><T/><p> b</p>"),
            ("<div><!-- prd-index --></div><p>x</p>", "<div><T/></div><p>x</p>"),
        ],
    )
    def test_a_marker_inside_a_paragraph_splits_it(self, text: str, expected: str) -> None:
        assert replace_markers(text, lambda m: "<T/>") == expected


HOSTILE = '<script>alert("x")</script>'
HOSTILE_PRD = f"""# PRD: {HOSTILE} & co

**Version:** 1.0
**Date:** 2026-01-01
**Track ID:** t-<b>1</b>
**Owner:** <img src=x onerror=alert(1)>
**Status:** <i>Approved</i>
"""


def test_rendered_html_escapes_document_values() -> None:
    prd = parse_prd(HOSTILE_PRD, "prds/evil.md")
    rows = index_rows([prd], page_url)
    out = render_listing(rows, ListingSpec(), IndexOptions(statuses=STATUSES), link=lambda r: r.url)
    assert "<script>" not in out and "<img" not in out and "<i>" not in out and "<b>" not in out
    # Inline HTML in a title reads as on the page: its text, never its tags (issue 13).
    assert "alert(&#34;x&#34;) &amp; co</a>" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    # Inline HTML round the status is what the page shows, its word: the badge says Approved.
    assert re.search(r'class="prd-status prd-status--approved"[^>]*>Approved<', out)


def test_listing_filters_columns_and_order() -> None:
    out = render_listing(
        ROWS,
        parse_arguments("status=Approved,draft,Implemented sort=title reverse columns=title,owner")[0],
        IndexOptions(statuses=STATUSES),
        link=lambda r: r.url,
    )
    assert [m for m in re.findall(r'data-prd-col="(\w+)"', out)] == ["title", "owner"]
    titles = re.findall(r'<a href="[^"]+" dir="auto">([^<]+)</a>', out)
    assert titles == ["delta", "charlie", "Alpha"]
    assert 'aria-sort="descending"' in out
    assert "prd-index__summary" not in out  # a listing has no summary unless asked
    assert "3 of 3 PRDs shown" in out


def test_rows_without_status_filter_by_their_own_badge() -> None:
    out = render_listing(ROWS, ListingSpec(), IndexOptions(statuses=STATUSES), link=lambda r: r.url)
    # e.md has no status: its row and the summary's "no status" badge share a filter value.
    assert out.count('data-prd-status="-"') == 1
    assert 'data-prd-filter-status="-"' in out and '<option value="-">' in out
    assert 'data-prd-status="in progress"' in out


def test_a_site_without_prds_says_how_to_start_one() -> None:
    # The full index of a site with no PRD yet: how to start one, not "No PRDs match."
    # under "0 of 0 PRDs shown" and an empty table.
    out = render_listing([], ListingSpec(), IndexOptions(statuses=STATUSES), link=lambda r: r.url)
    assert "No PRDs yet: <code>mkdocs-prd new &#34;Title&#34;</code> starts one." in out
    assert "No PRDs match" not in out and "0 of 0" not in out and "<table" not in out
    # A listing whose marker matches nothing says just that.
    listing = render_listing(
        ROWS, parse_arguments("status=Shipped")[0], IndexOptions(statuses=STATUSES), link=lambda r: r.url
    )
    assert "No PRDs match." in listing and "No PRDs yet" not in listing
