"""What a value holds that the page does not show as the value is not the value (values6).

An HTML comment (``Implemented <!-- CAB 2026-03-14 -->``, ``<!-- was Review --> Implemented``,
``Must<!---->``) is hidden by Python-Markdown; a code span as a link's text
(``[`2.1`](#log)``) shows as that text.  Each form, in every field, table cell and bullet
where a value is read, must read into the clean PRD's model, give no finding, and show
nothing of its markup on the card, in the index or in the JSON export; a fix keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_index_titles import material_titles
from timing import GROWTH, assert_linear

from mkdocs_prd.adapters.markdown.titles import title_markup
from mkdocs_prd.core.decoration import without_emoji
from mkdocs_prd.core.fix import fix_text
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.inline import inline_pieces, plain_value, without_comments
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.report import parse_report
from mkdocs_prd.core.rules.content import risk_level
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.core.sitewide.export import export_entry
from mkdocs_prd.core.sitewide.index import index_row
from mkdocs_prd.core.sitewide.listing import ListingSpec
from mkdocs_prd.html.index_html import IndexOptions, render_listing
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.titles import Titles

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")
# Definitions for the reference links of the cases (Markdown removes them from the page).
REFERENCES = "\n[jira]: https://jira.example/browse/PAY-1\n[log]: #change-log\n"


def read(prd: Prd) -> dict[str, object]:
    """What the rules, the card, the index and the export read of a PRD."""
    idx = prd.iosm.index
    return {
        "title": prd.title,
        "meta": {k: prd.metadata.value(k) for k in ("version", "date", "track_id", "owner")},
        "status": prd.status,
        "levels": [(r.id, r.name, r.level) for r in (*prd.functional, *prd.non_functional)],
        "risks": [(r.risk, risk_level(r.impact), risk_level(r.probability)) for r in prd.risks],
        "index": [(n.raw, n.value) if n else None for n in (idx.baseline, idx.target, idx.delta)],
        "targets": [(t.metric, t.raw, t.operator, t.value, t.unit) for t in prd.iosm.targets],
    }


def shown(prd: Prd) -> str:
    """The card, the index listing and the JSON export of ``prd``, as one text."""
    row = index_row(prd, "prd/")
    listing = render_listing([row], ListingSpec(), IndexOptions(), link=lambda r: r.url)
    return "\n".join((str(Renderer().card(prd)), str(listing), json.dumps(export_entry(row))))


def check(text: str) -> list[str]:
    return [f.rule for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


def variant(old: str, new: str) -> str:
    assert old in CLEAN
    return CLEAN.replace(old, new, 1) + REFERENCES


COMMENTED = [
    ("**Status:** Approved", "**Status:** Approved <!-- CAB 2026-03-14 -->"),
    ("**Status:** Approved", "**Status:** Approved<!---->"),
    ("**Status:** Approved", "**Status:** <!-- was Review --> Approved"),
    ("**Status:** Approved", "**Status:** **Approved** <!-- signed: CFO -->"),
    ("**Status:** Approved", "**Status:** [Approved](#) <!-- x -->"),
    ("**Version:** 1.2", "**Version:** 1.2 <!-- bump on scope change -->"),
    ("**Date:** 2026-02-03", "**Date:** 2026-02-03 <!-- approval date -->"),
    ("**Date:** 2026-02-03", "**Date:** <!-- approval: -->2026-02-03"),
    ("**Track ID:** saved-payment-methods", "**Track ID:** saved-payment-methods <!-- jira PAY-1 -->"),
    ("**Track ID:** saved-payment-methods", "**Track ID:** `saved-payment-methods` <!-- jira PAY-1 -->"),
    ("**Owner:** Payments Team", "**Owner:** Payments Team <!-- backup: Tom -->"),
    ("**Owner:** Payments Team", "**Owner:** Payments <!-- and Risk --> Team"),
    ("**Owner:** Payments Team", "**Owner:** [Payments Team](mailto:pay@example.com) <!-- x -->"),
    ("**Owner:** Payments Team", "**Owner <!-- or DRI -->:** Payments Team"),
    ("- Priority: Must", "- Priority: Must <!-- agreed with CFO -->"),
    ("- Priority: Must", "- **Priority:** Must <!-- agreed with CFO -->"),
    ("- Priority: Should", "- Priority: <!-- was Must --> Should"),
    ("| Vault API latency at peak | H | M |", "| Vault API latency at peak | H <!-- was M --> | M |"),
    ("| Vault API latency at peak | H | M |", "| Vault API latency at peak <!-- PAY-9 --> | H | M<!---->|"),
    ("**Current baseline:** 0.68", "**Current baseline:** 0.68 <!-- measured 2026-01 -->"),
    ("**Target post-implementation:** 0.86", "**Target post-implementation:** 0.86 <!-- agreed -->"),
    ("**Delta:** +0.18", "**Delta:** +0.18 <!-- x -->"),
    ("- Code duplication: ≤5%", "- Code duplication: ≤5% <!-- from Sonar -->"),
    ("- Coupling: Low", "- Coupling: Low <!-- was Medium -->"),
    # A requirement's name is a value too (the trace, the review diff and the index read it).
    ("**FR-1: Save a card**", "**FR-1: Save a card** <!-- PAY-7 -->"),
    ("**FR-1: Save a card**", "**FR-1: Save a card <!-- PAY-7 -->**"),
    ("**NFR-1: Performance**", "**NFR-1: <!-- was Speed --> Performance**"),
    ("# PRD: Saved Payment Methods", "# PRD: Saved Payment Methods <!-- v2: rename -->"),
]


@pytest.mark.parametrize(("old", "new"), COMMENTED)
def test_a_comment_in_a_value_is_not_the_value(old: str, new: str) -> None:
    text = variant(old, new)
    prd = parse_prd(text, "prd.md")
    assert read(prd) == read(BASE)
    assert check(text) == []
    assert "!--" not in shown(prd)  # the card, index and JSON never show the hidden note


def test_comments_in_a_header_table_and_front_matter() -> None:
    head = "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    head += "**Owner:** Payments Team\n**Status:** Approved\n"
    table = (
        "| Field | Value |\n|---|---|\n| **Version** | 1.2 <!-- x --> |\n"
        "| **Date** | 2026-02-03<!-- y --> |\n| **Track ID** | <!-- z --> saved-payment-methods |\n"
        "| **Owner** | Payments Team <!-- backup: Tom --> |\n| **Status** | Approved <!-- CAB --> |\n"
    )
    front = (
        "---\nversion: '1.2 <!-- x -->'\ndate: 2026-02-03\ntrack_id: saved-payment-methods\n"
        "owner: Payments Team <!-- backup -->\nstatus: Approved <!-- CAB -->\n---\n"
    )
    for text in (CLEAN.replace(head, table), front + CLEAN.replace(head, "")):
        prd = parse_prd(text, "prd.md")
        assert read(prd) == read(BASE)
        assert check(text) == []
        assert "!--" not in shown(prd)


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [  # a wrong value beside a comment is still reported, the comment not quoted
        ("**Status:** Approved", "**Status:** Aproved <!-- CAB -->", "PRD102"),
        ("**Date:** 2026-02-03", "**Date:** 2026-02-31 <!-- approval -->", "PRD103"),
        ("**Version:** 1.2", "**Version:** one <!-- x -->", "PRD104"),
        ("**Track ID:** saved-payment-methods", "**Track ID:** saved payment <!-- x -->", "PRD105"),
        ("- Priority: Must", "- Priority: Urgent <!-- Must -->", "PRD302"),
        ("| Vault API latency at peak | H |", "| Vault API latency at peak | Huge <!-- H --> |", "PRD305"),
    ],
)
def test_a_wrong_value_beside_a_comment_is_still_reported(old: str, new: str, rule: str) -> None:
    text = variant(old, new)
    findings = check_page(parse_prd(text, "prd.md"), text, Settings())
    assert [f.rule for f in findings] == [rule]
    assert "!--" not in findings[0].message + findings[0].hint


@pytest.mark.parametrize(
    ("old", "new", "fixed"),
    [  # the fix rewrites the value and keeps the author's note
        ("**Date:** 2026-02-03", "**Date:** Feb 3, 2026 <!-- ok -->", "**Date:** 2026-02-03 <!-- ok -->"),
        ("**Version:** 1.2", "**Version:** v1.2 <!-- bump -->", "**Version:** 1.2 <!-- bump -->"),
        ("**Status:** Approved", "**Status:** Signed-off <!-- CAB -->", "**Status:** Approved <!-- CAB -->"),
    ],
)
def test_a_fix_keeps_the_comment(old: str, new: str, fixed: str) -> None:
    result = fix_text(variant(old, new), "prd.md", Settings(status_aliases={"Signed off": "Approved"}))
    assert fixed in result.text.splitlines()


@pytest.mark.parametrize(
    "status", ["Shiped <!-- x -->", "*Shipped", "Shipped <span", "Shipped #2", "{Shipped}", "Shipped: yes"]
)
def test_the_status_alias_hint_holds_no_markup(status: str) -> None:
    text = variant("**Status:** Approved", f"**Status:** {status}")
    findings = check_page(parse_prd(text, "prd.md"), text, Settings())
    hints = [f.hint for f in findings if f.rule == "PRD102"]
    for hint in hints:
        alias = hint.partition("`status_aliases`")[2]
        assert not any(mark in alias for mark in ("<", "*", "#", "{{", "!--", "[")), hint
        if "(`{" in alias:  # the key offered is a plain word
            key = alias.split("(`{", 1)[1].split(":", 1)[0]
            assert key.replace(" ", "").isalnum(), hint


def test_the_status_alias_hint_names_a_plain_word() -> None:
    text = variant("**Status:** Approved", "**Status:** Shipped <!-- CAB -->")
    (finding,) = check_page(parse_prd(text, "prd.md"), text, Settings())
    assert "`{Shipped: Implemented}`" in finding.hint


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Implemented <!-- CAB 2026-03-14 -->", "Implemented"),
        ("Implemented<!---->", "Implemented"),
        ("<!-- was Review --> Implemented", "Implemented"),
        ("Ann <!-- x --> Bo", "Ann Bo"),
        ("x<!--a-->y", "xy"),
        ("a <!-- x --- y --> b", "a b"),
        # As Python-Markdown reads them: no comment inside a comment, none in a code span,
        # "<!-->" and "<!--->" are no comment, an unclosed one is text.
        ("<!-- a <!-- b --> c", "<!-- a c"),
        ("<!-- <!--> x", "<!-- <!--> x"),
        ("`<!-- x -->` y", "`<!-- x -->` y"),
        ("<!-- `-->` --> z", "z"),
        ("<!--> x", "<!--> x"),
        ("<!---> x", "<!---> x"),
        ("a <!-- open", "a <!-- open"),
    ],
)
def test_without_comments(written: str, plain: str) -> None:
    assert without_comments(written) == plain


LINKED_CODE = [
    ("**Version:** 1.2", "**Version:** [`1.2`](#change-log)"),
    ("**Version:** 1.2", "**Version:** **[`1.2`](#change-log)**"),
    ("**Date:** 2026-02-03", "**Date:** [`2026-02-03`](#change-log)"),
    ("**Date:** 2026-02-03", "**Date:** [`2026-02-03`][log]"),
    (
        "**Track ID:** saved-payment-methods",
        "**Track ID:** [`saved-payment-methods`](https://jira.example/PAY-1)",
    ),
    ("**Track ID:** saved-payment-methods", "**Track ID:** [`saved-payment-methods`][jira]"),
    ("**Owner:** Payments Team", "**Owner:** [`Payments Team`](https://github.com/payments)"),
    ("**Status:** Approved", "**Status:** [`Approved`](#change-log)"),
    ("- Priority: Must", "- Priority: [`Must`](#moscow)"),
    ("**Version:** 1.2", '**Version:** <a href="#change-log"><code>1.2</code></a>'),
    ("**Owner:** Payments Team", '**Owner:** <a href="https://e.example/pay"><b>Payments</b> Team</a>'),
]


@pytest.mark.parametrize(("old", "new"), LINKED_CODE)
def test_a_code_span_as_a_links_text_is_the_value(old: str, new: str) -> None:
    text = variant(old, new)
    prd = parse_prd(text, "prd.md")
    assert read(prd) == read(BASE)
    assert check(text) == []
    out = shown(prd)
    assert "](" not in out and "`" not in out and "][" not in out  # no literal Markdown shown


def test_a_code_span_in_a_links_text_shows_as_the_link() -> None:
    assert inline_pieces("[`@priya`](https://github.com/priya)") == [
        ("link", "@priya", "https://github.com/priya")
    ]
    assert inline_pieces("`a` [b `c`](https://e.example/) `d`") == [
        ("code", "a", ""),
        ("text", " ", ""),
        ("link", "b c", "https://e.example/"),
        ("text", " ", ""),
        ("code", "d", ""),
    ]
    assert plain_value("**`0.86`**") == "0.86"
    assert plain_value("`[a](b)`") == "[a](b)"  # a link inside code is code


@pytest.mark.parametrize(
    "line",
    ["- FR-9: Export a month (Must) <!-- PAY-7 -->", "- FR-9: Export a month <!-- PAY-7 --> — Must"],
)
def test_a_comment_after_a_one_line_requirement(line: str) -> None:
    text = CLEAN.replace("### Non-Functional Requirements", f"{line}\n\n### Non-Functional Requirements", 1)
    (req,) = [r for r in parse_prd(text, "prd.md").functional if r.id == "FR-9"]
    assert (req.name, req.level) == ("Export a month", "Must")


STRUCK = [
    ("**Status:** Approved", "**Status:** ~~Review~~ Approved"),
    ("**Status:** Approved", "**Status:** <del>Review</del> Approved"),
    ("**Date:** 2026-02-03", "**Date:** ~~2026-02-01~~ 2026-02-03"),
    ("**Date:** 2026-02-03", "**Date:** <s>2026-02-01</s> 2026-02-03"),
    ("**Date:** 2026-02-03", "**Date:** 2026-02-03 ~~2026-02-01~~"),
    ("**Version:** 1.2", "**Version:** ~~1.1~~ 1.2"),
    ("**Version:** 1.2", "**Version:** <del>1.1</del> `1.2`"),
    ("**Track ID:** saved-payment-methods", "**Track ID:** ~~saved-cards~~ saved-payment-methods"),
    ("**Owner:** Payments Team", "**Owner:** ~~Ana Costa~~ Payments Team"),
    ("**Owner:** Payments Team", "**Owner:** <strike>Ana</strike> [Payments Team](mailto:pay@example.com)"),
    ("- Priority: Must", "- Priority: ~~Should~~ Must"),
    ("| Vault API latency at peak | H |", "| Vault API latency at peak | ~~M~~ H |"),
    ("**Target post-implementation:** 0.86", "**Target post-implementation:** ~~0.80~~ 0.86"),
    ("**Date:** 2026-02-03", "**Date:** ~~2026-02-01~~ → 2026-02-03"),
    ("**Status:** Approved", "**Status:** ~~Draft~~ -> ~~Review~~ -> Approved"),
    ("**Version:** 1.2", "**Version:** ~~1.1~~ — 1.2"),
]


@pytest.mark.parametrize(("old", "new"), STRUCK)
def test_a_struck_out_old_value_is_not_the_value(old: str, new: str) -> None:
    text = variant(old, new)
    prd = parse_prd(text, "prd.md")
    assert read(prd) == read(BASE)
    assert check(text) == []
    out = shown(prd)
    assert "~~" not in out and "2026-02-01" not in out and "Ana" not in out


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [  # struck out whole, or a wrong value after the struck one: still reported
        ("**Date:** 2026-02-03", "**Date:** ~~2026-02-03~~", "PRD103"),
        ("**Date:** 2026-02-03", "**Date:** ~~2026-02-03~~ soon", "PRD103"),
        ("**Version:** 1.2", "**Version:** ~~1.2~~ next", "PRD104"),
    ],
)
def test_a_wrong_value_beside_a_struck_one_is_still_reported(old: str, new: str, rule: str) -> None:
    assert check(variant(old, new)) == [rule]


def test_a_struck_out_value_keeps_the_authors_lines() -> None:
    """The card shows the value only; the author's lines with the struck-out history stay."""
    assert BASE.metadata.header_replaceable
    for old, new in (
        c for c in STRUCK if c[0].startswith(("**Status", "**Date", "**Version", "**Track", "**Owner"))
    ):
        assert not parse_prd(variant(old, new), "prd.md").metadata.header_replaceable


@pytest.mark.parametrize(
    "written",
    [
        '<time datetime="2026-02-03">3 Feb 2026</time>',
        "<time datetime='2026-02-03'>February 3rd</time>",
        '<time class="confluence" datetime=2026-02-03>03/02/2026</time>',
        '<time datetime="2026-02-03T09:30:00Z">3 Feb, 09:30</time>',
        '<time datetime="2026-02-03">3 Feb 2026</time> <!-- approval -->',
        'Last updated:** <time datetime="2026-02-03">3 Feb 2026</time>',  # the Date's other names too
        'Datum:** <time datetime="2026-02-03">3. Februar 2026</time>',
    ],
)
def test_a_time_elements_datetime_is_the_date(written: str) -> None:
    label, _, written = written.rpartition("** ") if "** " in written else ("Date:", "", written)
    text = variant("**Date:** 2026-02-03", f"**{label}** {written}")
    prd = parse_prd(text, "prd.md")
    assert check(text) == []
    assert prd.metadata.value("date") in ("2026-02-03", "2026-02-03T09:30:00Z")
    row = index_row(prd, "prd/")
    assert row.date == "2026-02-03"  # the index sorts and the JSON exports the day
    assert "<time" not in shown(prd) and "datetime" not in json.dumps(export_entry(row))


@pytest.mark.parametrize(
    "written",
    [
        '<time datetime="2026-02-30">30 Feb 2026</time>',  # the element's date is checked
        '<time datetime="soon">3 Feb 2026</time>',
        "<time>3 Feb 2026</time>",  # no datetime: the words are the date
    ],
)
def test_a_time_element_with_no_real_date_is_reported(written: str) -> None:
    assert check(variant("**Date:** 2026-02-03", f"**Date:** {written}")) == ["PRD103"]


@pytest.mark.parametrize(
    "owner",
    [
        ":bust_in_silhouette: Payments Team",
        "Payments Team :rocket:",
        "🧑‍💻 Payments Team",
        "[:bust_in_silhouette: Payments Team](mailto:pay@example.com)",
        ":material-account: Payments Team",
    ],
)
def test_an_emoji_beside_the_owner_is_not_the_owner(owner: str) -> None:
    """The Owner (index, filters, groups, JSON) is the name; the card shows the emoji as the
    page does: the site's emoji extension's icon, or the shortcode as text without one."""
    text = variant("**Owner:** Payments Team", f"**Owner:** {owner}")
    prd = parse_prd(text, "prd.md")
    assert read(prd) == read(BASE)
    assert check(text) == []
    row = index_row(prd, "prd/")
    assert row.owner == "Payments Team" and export_entry(row)["owner"] == "Payments Team"
    card = str(Renderer(titles=material_titles()).card(prd))
    dd = card[card.index("prd-card__field--owner") :].split("</dd>", 1)[0]
    assert ":bust_in_silhouette:" not in dd and ":rocket:" not in dd and ":material" not in dd
    if "material" in owner:
        assert '<span class="twemoji"><svg' in dd  # Material's inline icon, sanitised as titles are
    if ":" in owner:
        assert "👤" in dd or "🚀" in dd or "<svg" in dd  # the emoji, as the page's twemoji image's alt text
    plain = str(Renderer().card(prd))  # no site Markdown: the page shows the shortcode as text too
    assert "Payments Team" in plain


def test_a_shortcode_the_site_does_not_know_stays_text() -> None:
    titles = material_titles()
    assert str(titles.with_emoji("Ana :no_such_emoji_here: <b>")) == "Ana :no_such_emoji_here: &lt;b&gt;"
    assert str(Titles(title_markup(["attr_list"])).with_emoji(":rocket: Ana")) == ":rocket: Ana"
    assert without_emoji("Payments Inc. 🚀") == "Payments Inc."
    assert without_emoji("🚀") == "🚀"


@pytest.mark.parametrize(
    "written", ["`≤5%`", "~~10%~~ ≤5%", "[≤5%](#sonar)", "≤5% <!-- from Sonar -->", "**[`≤5%`](#sonar)**"]
)
def test_the_iosm_table_shows_a_target_as_the_page_does(written: str) -> None:
    text = variant("- Code duplication: ≤5%", f"- Code duplication: {written}")
    table = str(Renderer().iosm_table(parse_prd(text, "prd.md")))
    cell = table[table.index("Code duplication") :].split("</tr>", 1)[0]
    assert ">≤5%</td>" in cell and "`" not in cell and "~" not in cell and "](" not in cell


@pytest.mark.parametrize("level", ["[H](#scale)", "<b>H</b>", "`H`", "~~M~~ **H**", "[H](#scale) – revenue"])
def test_a_decorated_risk_level_is_the_level(level: str) -> None:
    text = variant("| Vault API latency at peak | H |", f"| Vault API latency at peak | {level} |")
    assert read(parse_prd(text, "prd.md")) == read(BASE)
    assert check(text) == []


def test_a_comment_in_an_iosm_report_value_is_not_the_value() -> None:
    report = parse_report(
        "**Baseline Index:** 0.72 <!-- rerun 2026-02 -->\n**Final Index:** <!-- was 0.80 --> 0.85\n\n"
        "| Gate | Final | Status |\n|---|---|---|\n| Gate-I | 0.78 <!-- x --> | ✅ PASS <!-- CI --> |\n"
    )
    assert report.baseline_index is not None and report.baseline_index.raw == "0.72"
    assert report.final_index is not None and report.final_index.value == 0.85
    assert (report.gates["I"].final, report.gates["I"].status) == ("0.78", "✅ PASS")
    assert report.problems == ()


TITLES = material_titles()
HOSTILE = {  # one value of n pieces each: unclosed and nested comments, strikes, code links, tags
    "unclosed comments": "<!-- ",
    "comment openers closed by their own dashes": "<!-- <!-->",
    "comments in code spans": "`<!--` -->",
    "strikes": "~~a~~ ",
    "code links": "[`x`](y) ",
    "tags in a link": "<a href='x'><b>",
    "shortcodes": ":a: ",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_reading_a_hostile_value_is_linear(name: str) -> None:
    def run(n: int) -> Callable[[], object]:
        value = HOSTILE[name] * n
        text = variant("**Owner:** Payments Team", f"**Owner:** {value}")
        return lambda: (without_comments(value), str(Renderer(titles=TITLES).card(parse_prd(text, "prd.md"))))

    assert_linear(name, run(2000), run(2000 * GROWTH))


@pytest.mark.parametrize(
    "written",
    [
        "1.2 (approved)",
        "1.2 [after the security review]",
        "**1.2** (approved)",
        "1.2\t(signed off 2026-02-03)",
    ],
)
def test_a_version_with_a_remark_in_brackets_is_the_version(written: str) -> None:
    """As a Status or Date may carry a remark, so may the Version: no PRD104, and PRD402 compares
    the version itself with the change log's newest row (1.2 in the clean PRD)."""
    assert check(variant("**Version:** 1.2", f"**Version:** {written}")) == []


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        ("1.3 (approved)", "PRD402"),  # the version itself still differs from the change log
        ("1.2 beta", "PRD104"),  # a word after the number is no remark in brackets
        ("one (approved)", "PRD104"),
        ("1.2 (approved) (again)", "PRD104"),
    ],
)
def test_a_wrong_version_beside_a_remark_is_still_reported(written: str, rule: str) -> None:
    assert check(variant("**Version:** 1.2", f"**Version:** {written}")) == [rule]


def test_the_v_prefix_fix_keeps_the_remark() -> None:
    text = variant("**Version:** 1.2", "**Version:** v1.2 (approved)")
    fixes = [f.fix for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD104"]
    assert len(fixes) == 1 and fixes[0] is not None
    fixed = text.splitlines()
    edit = fixes[0].edits[0]
    line = fixed[edit.line - 1]
    assert line[: edit.start] + edit.text + line[edit.end :] == "**Version:** 1.2 (approved)"


@pytest.mark.parametrize(
    "written",
    [
        "saved-payment-methods ([PAY-1](https://jira.example/browse/PAY-1))",
        "saved-payment-methods (PAY-1)",
        "`saved-payment-methods` (Jira: [PAY-1][jira])",
        "saved-payment-methods [epic PAY-1]",
        "saved-payment-methods — see PAY-1",
        "saved-payment-methods - renamed from pay-t8",
        "saved-payment-methods (was `pay-t8` (2025))",
    ],
)
def test_a_track_id_with_a_remark_is_the_track_id(written: str) -> None:
    """As a Status, Date or Version may carry a remark, so may the Track ID: no PRD105, and the
    PRD's identity (PRD106, trace ids, the index, the JSON export) is the slug; the card keeps
    the remark the author wrote."""
    text = variant("**Track ID:** saved-payment-methods", f"**Track ID:** {written}")
    prd = parse_prd(text, "prd.md")
    assert check(text) == []
    assert prd.track_id == "saved-payment-methods"
    row = index_row(prd, "prd/")
    assert row.track_id == "saved-payment-methods"
    assert export_entry(row)["track_id"] == "saved-payment-methods"
    card = str(Renderer().card(prd))
    assert ("PAY-1" in card) or ("pay-t8" in card)


def test_a_track_id_with_a_remark_in_front_matter_is_the_track_id() -> None:
    text = "---\ntrack_id: saved-payment-methods (PAY-1)\n---\n" + CLEAN.replace(
        "**Track ID:** saved-payment-methods\n", ""
    )
    prd = parse_prd(text, "prd.md")
    assert check(text) == [] and prd.track_id == "saved-payment-methods"


@pytest.mark.parametrize(
    "written",
    [
        "saved payment methods (PAY-1)",  # the Track ID itself is no slug
        "saved/payment (PAY-1)",
        "saved-payment-methods PAY-1",  # a word after it is no remark in brackets or after a dash
        "saved-payment-methods (PAY-1) (again)",
    ],
)
def test_a_wrong_track_id_beside_a_remark_is_still_reported(written: str) -> None:
    text = variant("**Track ID:** saved-payment-methods", f"**Track ID:** {written}")
    assert check(text) == ["PRD105"]


def test_two_track_ids_with_remarks_are_the_same_track() -> None:
    """PRD106 compares the slugs: a remark does not make a copied Track ID a new one."""
    one = variant("**Track ID:** saved-payment-methods", "**Track ID:** saved-payment-methods (PAY-1)")
    two = variant("**Track ID:** saved-payment-methods", "**Track ID:** saved-payment-methods — copy")
    catalog = build_catalog([("a.md", one.encode()), ("b.md", two.encode())], Settings())
    assert sorted(f.rule for fs in catalog.findings.values() for f in fs) == ["PRD106", "PRD106"]
