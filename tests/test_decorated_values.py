"""Values decorated the way real PRDs decorate them read as their words (reading5).

Inline HTML (``<b>Approved</b>``, Confluence's ``<span class="status-macro">``, ``Ana<br>Bo``),
emoji and symbols (``🔴 Must``, ``Must ✅``, ``:red_circle: Must``) and code or emphasis round a
figure (`` `0.86` ``, ``*0.86*``) are what the page shows round the value, not the value; a
date with its time as people write it (``2026-02-03 14:00 CET``, ``at 2:30 PM``) is that day;
``5 percent`` is 5 %.  Each form must read into the clean PRD's model and give no finding; a
value that is wrong under its decoration is still reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from html_safety import unsafe_markup

from mkdocs_prd.core.decoration import without_link, without_symbols, without_tags
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import status_remark
from mkdocs_prd.core.moscow import priority_level
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.targets import parse_target
from mkdocs_prd.core.rules.dates import calendar_day
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.html.render import inline_value
from mkdocs_prd.html.views import card_view

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")


def rules(text: str) -> list[str]:
    return [f.rule for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


@pytest.mark.parametrize(
    "priority",
    ["🔴 Must", "Must ✅", ":red_circle: Must", "<b>Must</b>", "🟥 MUST", "Must 🔥", "Must!", "P0 / Must"],
)
def test_a_decorated_priority_is_its_level(priority: str) -> None:
    text = CLEAN.replace("- Priority: Must", f"- Priority: {priority}")
    prd = parse_prd(text, "prd.md")
    assert [r.level for r in prd.functional] == [r.level for r in BASE.functional]
    assert rules(text) == []


@pytest.mark.parametrize("priority", ["🔴 High", "<b>P1</b>", "✅", "Urgent 🔥"])
def test_a_decorated_priority_that_is_no_level_is_still_reported(priority: str) -> None:
    text = CLEAN.replace("- Priority: Should", f"- Priority: {priority}")
    assert rules(text) == ["PRD302"]


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("**Status:** Approved", '**Status:** <span class="status-macro">APPROVED</span>'),
        ("**Status:** Approved", "**Status:** <mark>Approved</mark>"),
        ("**Version:** 1.2", "**Version:** <b>1.2</b>"),
        ("**Date:** 2026-02-03", "**Date:** <time>2026-02-03</time>"),
        ("**Track ID:** saved-payment-methods", "**Track ID:** <code>saved-payment-methods</code>"),
        ("**Owner:** Payments Team", "**Owner:** <strong>Payments Team</strong>"),
        # What another plugin renders a {{ variable }} into: git-revision-date-localized's span,
        # git-authors' links.
        (
            "**Date:** 2026-02-03",
            '**Date:** <span class="git-revision-date-localized-plugin'
            ' git-revision-date-localized-plugin-iso_date"'
            ' title="February 3, 2026 03:00:35 UTC">2026-02-03</span>',
        ),
        ("**Owner:** Payments Team", "**Owner:** <a href='mailto:pay@example.com'>Payments Team</a>"),
        ("**Owner:** Payments Team", '**Owner:** <a href="https://e.example/t" title="">Payments Team</a>'),
    ],
)
def test_inline_html_round_a_value_is_not_the_value(field: str, written: str) -> None:
    text = CLEAN.replace(field, written)
    prd = parse_prd(text, "prd.md")
    for key in ("version", "date", "track_id", "owner"):
        assert prd.metadata.value(key) == BASE.metadata.value(key)
    assert (prd.status or "").casefold() == "approved"
    assert rules(text) == []
    shown = {f.key: f.value for f in card_view(prd, Labels()).fields}
    assert not any("<" in value for value in shown.values())  # the card shows the words


# Definitions for the reference links below (Markdown removes them from the page).
_REFERENCES = (
    "\n[status]: https://jira.example/browse/PAY-1\n[team]: mailto:pay@example.com\n[log]: #change-log\n"
)


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("**Status:** Approved", "**Status:** [Approved](#)"),
        ("**Status:** Approved", '**Status:** [Approved](#status "Signed off by the CFO")'),
        ("**Status:** Approved", "**Status:** [Approved](<https://jira.example/browse/PAY-1> 'Jira')"),
        ("**Status:** Approved", "**Status:** [Approved][status]"),
        ("**Status:** Approved", "**Status:** [Approved][]"),
        ("**Status:** Approved", "**Status:** **[Approved](#)**"),
        ("**Status:** Approved", "**Status:** [**Approved**](https://jira.example/browse/PAY-1)"),
        ("**Status:** Approved", '**Status:** <a href="#">Approved</a>'),
        ("**Status:** Approved", "**Status:** ✅ [Approved](#)"),
        ("**Status:** Approved", "**Status:** [Approved](#) (since 2026-02-03)"),
        ("**Owner:** Payments Team", "**Owner:** [Payments Team](mailto:pay@example.com)"),
        ("**Owner:** Payments Team", "**Owner:** [Payments Team](https://people.example/pay 'Profile')"),
        ("**Owner:** Payments Team", "**Owner:** [Payments Team][team]"),
        ("**Version:** 1.2", "**Version:** [1.2](#change-log)"),
        ("**Date:** 2026-02-03", "**Date:** [2026-02-03][log]"),
        ("**Track ID:** saved-payment-methods", "**Track ID:** [saved-payment-methods](#)"),
    ],
)
def test_a_link_round_a_value_is_not_the_value(field: str, written: str) -> None:
    text = CLEAN.replace(field, written) + _REFERENCES
    prd = parse_prd(text, "prd.md")
    for key in ("version", "date", "track_id", "owner"):
        assert prd.metadata.value(key) == BASE.metadata.value(key)
    assert prd.status == "Approved"
    remark = status_remark(prd.metadata.value("status") or "")
    assert remark in ("", "since 2026-02-03")  # a link's target or title is no remark
    assert rules(text) == []
    shown = {f.key: f.value for f in card_view(prd, Labels()).fields}
    assert not any("[" in value or "](" in value for value in shown.values())  # the card shows the words


@pytest.mark.parametrize(
    "priority", ["[Must](#moscow)", "[Must][moscow]", "**[Must](#moscow)**", "[**Must**](#m)"]
)
def test_a_link_round_a_priority_is_not_the_priority(priority: str) -> None:
    text = CLEAN.replace("- Priority: Must", f"- Priority: {priority}", 1) + "\n[moscow]: #moscow\n"
    prd = parse_prd(text, "prd.md")
    assert priority_level(prd.functional[0].priority or "") == "Must"
    assert rules(text) == []


def test_links_round_the_values_of_a_header_table() -> None:
    head = "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    head += "**Owner:** Payments Team\n**Status:** Approved\n"
    table = (
        "| Field | Value |\n|---|---|\n| **Version** | [1.2](#log) |\n| **Date** | [2026-02-03][log] |\n"
        "| **Track ID** | saved-payment-methods |\n| **Owner** | [Payments Team](mailto:p@example.com) |\n"
        "| **Status** | [Approved](#) |\n"
    )
    text = CLEAN.replace(head, table) + _REFERENCES
    prd = parse_prd(text, "prd.md")
    assert prd.status == "Approved"
    for key in ("version", "date", "track_id", "owner"):
        assert prd.metadata.value(key) == BASE.metadata.value(key)
    assert rules(text) == []


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        ("[Aproved](#)", "PRD102"),  # a wrong status under its link is still reported
        ("[Shipped][status]", "PRD102"),
    ],
)
def test_a_wrong_status_in_a_link_is_still_reported(written: str, rule: str) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {written}") + _REFERENCES
    assert rules(text) == [rule]


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("[Approved](#)", "Approved"),
        ('[Approved](#s "t")', "Approved"),
        ("[Approved][s]", "Approved"),
        ("[Approved][]", "Approved"),
        ('<a href="#">Approved</a>', "Approved"),
        ("[Approved]", "[Approved]"),  # no link without a target: the template's placeholder
        ("[Draft | Review]", "[Draft | Review]"),
        ("[Approved](#) by the CFO", "[Approved](#) by the CFO"),  # not round the whole value
        ("[a] [b]", "[a] [b]"),
    ],
)
def test_without_link(written: str, plain: str) -> None:
    assert without_link(written) == plain


def test_a_line_break_in_an_owner_cell_separates_people() -> None:
    text = CLEAN.replace("**Owner:** Payments Team", "**Owner:** Payments Team<br>Ravi Shah")
    assert parse_prd(text, "prd.md").metadata.value("owner") == "Payments Team, Ravi Shah"
    assert rules(text) == []


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("<b>Approved</b>", "Approved"),
        ('<span class="a">1.2</span>', "1.2"),
        ("Ana<br>Bo<br/>", "Ana, Bo"),
        ("<TBD>", "<TBD>"),  # no HTML element: a placeholder
        ("< 200 ms", "< 200 ms"),
        ("<script>x</script>", "<script>x</script>"),  # not inline decoration; escaped where shown
    ],
)
def test_without_tags(written: str, plain: str) -> None:
    assert without_tags(written) == plain


@pytest.mark.parametrize(
    ("written", "plain"),
    [("✅ Approved", "Approved"), ("Must 🔥", "Must"), (":red_circle: Must", "Must"), ("✅", "✅")],
)
def test_without_symbols(written: str, plain: str) -> None:
    assert without_symbols(written) == plain


def test_priority_level_reads_decoration_only_round_the_level() -> None:
    assert priority_level("🔴 M") == "Must"  # MoSCoW's letter in a priority field
    assert priority_level("🔴 Urgent") is None


@pytest.mark.parametrize("figure", ["`0.86`", "*0.86*", "<b>0.86</b>", "_0.86_", "**`0.86`**"])
def test_a_decorated_iosm_figure_is_the_figure(figure: str) -> None:
    text = CLEAN.replace("**Target post-implementation:** 0.86", f"**Target post-implementation:** {figure}")
    target = parse_prd(text, "prd.md").iosm.index.target
    assert target is not None and target.value == 0.86
    assert rules(text) == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("`≤5%`", ("<=", 5.0, "%")),
        ("*≤ 5 %*", ("<=", 5.0, "%")),
        ("<b>≤5%</b>", ("<=", 5.0, "%")),
        ("≤ `5` %", ("<=", 5.0, "%")),
        ("≤ 5 percent", ("<=", 5.0, "%")),
        ("at most 20 per cent", ("<=", 20.0, "%")),
        ("95 pct", (None, 95.0, "%")),
        ("≥ 80 Prozent", (">=", 80.0, "%")),
        ("≤ 5 por ciento", ("<=", 5.0, "%")),
        ("≤ 5 pour cent", ("<=", 5.0, "%")),
        ("≤ 5 por día", ("<=", 5.0, "")),  # "por" alone is no per cent
        ("≤ 5 portions", ("<=", 5.0, "")),
    ],
)
def test_iosm_targets_as_written(written: str, expected: tuple[str | None, float, str]) -> None:
    assert parse_target(written)[:3] == expected


def test_a_target_in_percent_words_reads_like_the_sign() -> None:
    text = CLEAN.replace("- Code duplication: ≤5%", "- Code duplication: ≤ 5 percent")
    targets = [(t.metric, t.operator, t.value, t.unit) for t in parse_prd(text, "prd.md").iosm.targets]
    assert targets == [(t.metric, t.operator, t.value, t.unit) for t in BASE.iosm.targets]


@pytest.mark.parametrize(
    "written",
    [
        "2026-02-03 14:00 CET",
        "2026-02-03 14:00 PST",
        "2026-02-03 at 14:00",
        "2026-02-03 2:30 PM",
        "2026-02-03 9:05 a.m.",
        "2026-02-03, 09:00 UTC+1",
        "2026-02-03 09:00 GMT+01:00",
    ],
)
def test_a_date_with_its_time_as_people_write_it_is_the_day(written: str) -> None:
    assert calendar_day(written) == "2026-02-03"
    assert rules(CLEAN.replace("**Date:** 2026-02-03", f"**Date:** {written}")) == []


@pytest.mark.parametrize(
    "written", ["2026-02-03 13:30 PM", "2026-02-03 24:00 CET", "2026-02-30 14:00 CET", "2026-02-03 14:00 cet"]
)
def test_an_impossible_or_unclear_date_time_is_still_reported(written: str) -> None:
    assert calendar_day(written) is None
    assert rules(CLEAN.replace("**Date:** 2026-02-03", f"**Date:** {written}")) == ["PRD103"]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("<a href='mailto:jo@example.com'>Jo</a>", '<a href="mailto:jo@example.com">Jo</a>'),
        (
            '<a href="https://e.example/?a=1&amp;b=2">A &amp; B</a>, Cy',
            '<a href="https://e.example/?a=1&amp;b=2">A &amp; B</a>, Cy',
        ),
        # A link the card may not make is its text; the attributes never reach the page.
        ('<a href="javascript:alert(1)" onclick="alert(2)">Jo</a>', "Jo"),
        ('<a href="data:text/html,x">Jo</a>', "Jo"),
        ('<a href=" JaVa\tScript:alert(1)">Jo</a>', "Jo"),
        ('<a href="x" onmouseover="alert(1)">Jo</a>', "Jo"),  # relative: not a link on the card
        (  # a quote inside the URL stays inside the attribute
            "<a href='https://e.example/\"onmouseover=\"alert(1)'>Jo</a>",
            '<a href="https://e.example/&#34;onmouseover=&#34;alert(1)">Jo</a>',
        ),
        ("<a name=x>Jo</a>", "&lt;a name=x&gt;Jo&lt;/a&gt;"),  # no link: shown as written
    ],
)
def test_an_html_link_in_a_value_is_read_as_a_link(written: str, shown: str) -> None:
    assert str(inline_value(written)) == shown
    assert unsafe_markup(shown) == []


@pytest.mark.parametrize(
    "priority", ["Nice to have", "nice-to-have", "Nice-to-have (v2)", "Nice to have — later"]
)
def test_nice_to_have_is_could(priority: str) -> None:
    text = CLEAN.replace("- Priority: Should", f"- Priority: {priority}")
    assert parse_prd(text, "prd.md").functional[2].level == "Could"
    assert rules(text) == []


# drift10: a date in another form with a time after it, as Notion ("April 2, 2026 9:15 AM"),
# Confluence and Google Docs write one: PRD103 (not ISO) with a fix that keeps the time.
@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("February 3, 2026 9:15 AM", "2026-02-03 9:15 AM"),
        ("Feb 3, 2026 at 10:30 CET", "2026-02-03 10:30 CET"),
        ("3 February 2026, 14:30", "2026-02-03 14:30"),
        ("2026/02/03 09:00", "2026-02-03 09:00"),
        # a time ISO 8601 does not write: the finding, but no fix (it would drop the time)
        ("3. Februar 2026 um 14:30 Uhr", None),
        ("3 février 2026 à 14h30", None),
    ],
)
def test_a_date_in_another_form_with_a_time_is_fixed_keeping_the_time(
    written: str, fixed: str | None
) -> None:
    text = CLEAN.replace("**Date:** 2026-02-03", f"**Date:** {written}")
    (finding,) = check_page(parse_prd(text, "prd.md"), text, Settings())
    assert finding.rule == "PRD103"
    if fixed is None:
        assert finding.fix is None
    else:
        assert finding.fix is not None and [e.text for e in finding.fix.edits] == [fixed]
        assert calendar_day(fixed) == "2026-02-03"


@pytest.mark.parametrize("written", ["February 3, 2026 9:15 AM", "3 February 2026, 14:30"])
def test_the_index_sorts_a_date_with_a_time_by_its_day(written: str) -> None:
    from mkdocs_prd.core.sitewide.index import sortable_day

    assert sortable_day(written) == "2026-02-03"
