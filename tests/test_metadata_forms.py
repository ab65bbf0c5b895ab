"""Metadata, sections and status values in the forms real PRDs use (issues 3, 4, 9, 11, 16 of the
new-user report): every form reads into the same model fields, the card replaces the header only
when that is safe, and none of them gives a false finding."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_site

from mkdocs_prd.adapters.cli.main import main as cli
from mkdocs_prd.core.model import CORE_FIELDS, Prd, site_status, status_word
from mkdocs_prd.core.parse.header import is_header_span, read_line
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.dates import calendar_day
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.index import group_rows, index_rows, page_url
from mkdocs_prd.html.render import inline_value

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
CLEAN_HEADER = (
    "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    "**Owner:** Payments Team\n**Status:** Approved\n"
)
assert CLEAN_HEADER in CLEAN
EXPECTED = {
    "version": "1.2",
    "date": "2026-02-03",
    "track_id": "saved-payment-methods",
    "owner": "Payments Team",
    "status": "Approved",
}

HEADERS: dict[str, str] = {
    "key-value table": "| Field | Value |\n|---|---|\n| Version | 1.2 |\n| Date | 2026-02-03 |\n"
    "| Track ID | saved-payment-methods |\n| Owner | Payments Team |\n| Status | Approved |\n",
    "key-value table, bold keys, no header words": "| **Version** | 1.2 |\n|:--|:--|\n"
    "| **Date** | 2026-02-03 |\n"
    "| **Track ID** | saved-payment-methods |\n| **Owner** | Payments Team |\n| **Status** | Approved |\n",
    "key-value table, three columns": "| Property | Value | Notes |\n| --- | --- | --- |\n"
    "| Version | 1.2 | |\n"
    "| Date | 2026-02-03 | kick-off |\n| Track ID | saved-payment-methods | |\n"
    "| Owner | Payments Team | |\n| Status | Approved | |\n",
    "horizontal table": "| **Version** | **Date** | **Track ID** | **Owner** | **Status** |\n"
    "|---|---|---|---|---|\n"
    "| 1.2 | 2026-02-03 | saved-payment-methods | Payments Team | Approved |\n",
    "horizontal table, plain keys, no borders": "Version | Date | Track ID | Owner | Status\n"
    "--- | --- | --- | --- | ---\n"
    "1.2 | 2026-02-03 | saved-payment-methods | Payments Team | Approved\n",
    "bullet list": "- **Version:** 1.2\n- **Date:** 2026-02-03\n- **Track ID:** saved-payment-methods\n"
    "- **Owner:** Payments Team\n- **Status:** Approved\n",
    "star list, plain keys": "* Version: 1.2\n* Date: 2026-02-03\n* Track ID: saved-payment-methods\n"
    "* Owner: Payments Team\n* Status: Approved\n",
    "plain lines": "Version: 1.2\nDate: 2026-02-03\nTrack ID: saved-payment-methods\n"
    "Owner: Payments Team\nStatus: Approved\n",
    # drift10: a dash between a metadata word and its value, as a blank-free colon is not typed.
    "plain lines, dashes": "Version - 1.2\nDate – 2026-02-03\nTrack ID — saved-payment-methods\n"
    "Owner - Payments Team\nStatus - Approved\n",
    "bullet list, dashes": "- Version - 1.2\n- Date - 2026-02-03\n- Track ID - saved-payment-methods\n"
    "- Owner – Payments Team\n- Status – Approved\n",
    "blockquote, dashes": "> Version - 1.2  \n> Date - 2026-02-03  \n> Track ID - saved-payment-methods  \n"
    "> Owner - Payments Team  \n> Status - Approved\n",
    "two lines, dashes and middle dots": "Version - 1.2 · Date - 2026-02-03 · "
    "Track ID - saved-payment-methods\n"
    "Owner – Payments Team | Status – Approved\n",
    "plain lines with hard breaks": "Version: 1.2  \nDate: 2026-02-03\\\nTrack ID: saved-payment-methods  \n"
    "Owner: Payments Team  \nStatus: Approved\n",
    "blockquote": "> **Version:** 1.2\n> **Date:** 2026-02-03\n>\n> **Track ID:** saved-payment-methods\n"
    "> **Owner:** Payments Team\n> **Status:** Approved\n",
    "blockquote, plain keys": "> Version: 1.2  \n> Date: 2026-02-03  \n> Track ID: saved-payment-methods  \n"
    "> Owner: Payments Team  \n> Status: Approved\n",
    "one line, pipes": "**Version:** 1.2 | **Date:** 2026-02-03 | **Track ID:** saved-payment-methods | "
    "**Owner:** Payments Team | **Status:** Approved\n",
    "two lines, middle dots": "Version: 1.2 · Date: 2026-02-03 · Track ID: saved-payment-methods\n"
    "Owner: Payments Team • Status: Approved\n",
    "one line, <br> and semicolons": "**Version:** 1.2<br>**Date:** 2026-02-03; "
    "**Track ID:** saved-payment-methods"
    "<br/>**Owner:** Payments Team, **Status:** Approved\n",
    "bold keys without a colon": "**Version** 1.2  \n**Date** — 2026-02-03  \n"
    "**Track ID** saved-payment-methods  \n"
    "**Owner** - Payments Team  \n**Status** Approved\n",
    "key-value table, empty header row": "| | |\n|---|---|\n| Version | 1.2 |\n| Date | 2026-02-03 |\n"
    "| Track ID | saved-payment-methods |\n| Owner | Payments Team |\n| Status | Approved |\n",
    "quoted table": "> | Field | Value |\n> |---|---|\n> | Version | 1.2 |\n> | Date | 2026-02-03 |\n"
    "> | Track ID | saved-payment-methods |\n> | Owner | Payments Team |\n> | Status | Approved |\n",
    "italic keys": "*Version:* 1.2\n*Date:* 2026-02-03\n*Track ID:* saved-payment-methods\n"
    "*Owner:* Payments Team\n*Status:* Approved\n",
    "italic keys, colon outside": "*Version*: 1.2\n*Date*: 2026-02-03\n*Track ID*: saved-payment-methods\n"
    "*Owner*: Payments Team\n*Status*: Approved\n",
    "bold keys, fullwidth colons": "**Version**： 1.2\n**Date：** 2026-02-03\n"
    "**Track ID**： saved-payment-methods\n"
    "**Owner**： Payments Team\n**Status**： Approved\n",
    "synonyms": "**Revision:** 1.2\n**Last updated:** 2026-02-03\n**Track:** saved-payment-methods\n"
    "**Product owner:** Payments Team\n**State:** Approved\n",
    "synonyms, plain": "Rev: 1.2\nLast modified: 2026-02-03\nTracking ID: saved-payment-methods\n"
    "Author: Payments Team\nState: Approved\n",
    "under a Document info heading": "## Document info\n\n| Field | Value |\n|---|---|\n"
    "| Version | 1.2 |\n"
    "| Date | 2026-02-03 |\n| Track ID | saved-payment-methods |\n"
    "| Owner | Payments Team |\n| Status | Approved |\n",
}


def with_header(header: str, text: str = CLEAN) -> str:
    return text.replace(CLEAN_HEADER, header)


def lint(text: str, settings: Settings | None = None) -> list[tuple[str, int, str]]:
    prd = parse_prd(text, "prd.md")
    return [(f.rule, f.line, f.message) for f in check_page(prd, text, settings or Settings())]


def values(prd: Prd) -> dict[str, str | None]:
    return {key: prd.metadata.value(key) for key in CORE_FIELDS}


@pytest.mark.parametrize("form", list(HEADERS))
def test_every_header_form_reads_into_the_same_fields(form: str) -> None:
    text = with_header(HEADERS[form])
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    lines = text.splitlines()
    for key in CORE_FIELDS:
        field = prd.metadata.get(key)
        assert field is not None
        assert EXPECTED[key] in lines[field.line - 1], (key, field.line)
    # The card stands for the header unless that would lose text: a Notes column's "kick-off"
    # is on the page and not on the card, so that header stays as written (see test_render).
    assert prd.metadata.header_replaceable == (form != "key-value table, three columns")
    problem = prd.section("problem")
    assert problem is not None
    assert 1 < prd.metadata.header_start <= prd.metadata.header_end < problem.line
    assert lint(text) == lint(CLEAN)  # no finding the template form does not get


@pytest.mark.parametrize(
    "intro",
    [
        "Note: this page replaces the old wiki page.\n",
        "Summary: shoppers keep cards on file; see the date and status below.\n",
        "The owner is the Payments team. Version history is in the Appendix.\n",
        # A bold word without a colon in a sentence is not a field (fresh2 #15d).
        "**Status** quo: clerks copy invoices by hand.\n",
        "**Owner** teams must approve any export format change.\n",
        "Note - this page replaces the old wiki page.\n",
        "Summary – shoppers keep cards on file; see the date and status below.\n",
    ],
)
def test_prose_under_the_title_is_not_metadata(intro: str) -> None:
    text = CLEAN.replace("# PRD: Saved Payment Methods\n", f"# PRD: Saved Payment Methods\n\n{intro}", 1)
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    assert {f.key for f in prd.metadata.fields} == set(CORE_FIELDS)
    assert lint(text) == [(r, line + 2, m) for r, line, m in lint(CLEAN)]


def test_a_metadata_word_deep_in_a_page_without_sections_is_not_the_header() -> None:
    paragraphs = "\n\n".join(f"Paragraph {i} of the story." for i in range(6))
    text = f"---\nstatus: Draft\n---\n# PRD: X\n\n{paragraphs}\n\n**Owner:** the on-call team\n"
    prd = parse_prd(text, "prd.md")
    assert prd.metadata.value("owner") is None and prd.metadata.header_start == 0


def test_a_label_in_prose_further_down_is_not_metadata() -> None:
    text = with_header(HEADERS["plain lines"]).replace(
        "## 1. Problem\n", "## 1. Problem\n\nStatus: the legacy vault is end-of-life.\n", 1
    )
    assert parse_prd(text, "prd.md").status == "Approved"


@pytest.mark.parametrize(
    ("header", "form"),
    [
        ("```yaml\nversion: 1.2\ndate: 2026-02-03\nowner: Payments\nstatus: Approved\n```\n", "a code block"),
        (
            "<table><tr><td>Version</td><td>1.2</td></tr><tr><td>Status</td><td>Approved</td></tr></table>\n",
            "HTML",
        ),
        ("Version\n: 1.2\n\nStatus\n: Approved\n\nOwner\n: Payments\n", "a definition list"),
        ("Version 1.2\nDate 2026-02-03\nStatus Approved\nOwner Payments\n", "a paragraph"),
        (
            "![Status](https://img.shields.io/badge/status-approved-green) "
            "![Version](https://img.shields.io/badge/version-1.2-blue)\n",
            "badge images",
        ),
    ],
)
def test_an_unreadable_header_form_gives_one_finding_naming_it(header: str, form: str) -> None:
    found = [f for f in lint(with_header(header)) if f[0] == "PRD101"]
    assert len(found) == 1
    _, line, message = found[0]
    assert line == 3 and form in message


def test_a_page_without_any_header_still_gets_one_finding_per_field() -> None:
    text = with_header("This PRD describes saved payment methods; its status and date are below.\n")
    found = [m for r, _, m in lint(text) if r == "PRD101"]
    assert len(found) == 5 and all("is missing" in m for m in found)


def test_a_header_with_one_field_missing_still_names_that_field() -> None:
    found = [
        f
        for f in lint(with_header(HEADERS["bullet list"].replace("- **Owner:** Payments Team\n", "")))
        if f[0] == "PRD101"
    ]
    assert [m for _, _, m in found] == ["Required metadata field Owner is missing"]


def test_the_field_of_its_own_name_wins_over_a_synonym() -> None:
    text = with_header(CLEAN_HEADER + "**Author:** Ana\n**Last updated:** 2026-03-01\n**ID:** PRD-042\n")
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    alone = parse_prd(with_header("**Version:** 1.2\n**ID:** PRD-042\n"), "prd.md")
    assert alone.track_id == "PRD-042"


def test_a_header_with_prose_in_it_is_read_but_not_replaced() -> None:
    text = with_header(
        CLEAN_HEADER.replace(
            "**Owner:** Payments Team\n", "**Owner:** Payments Team\nsee the wiki for the RACI\n"
        )
    )
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    assert not prd.metadata.header_replaceable


# --- status and date values -------------------------------------------------


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ("**Approved**", "Approved"),
        ("__Approved__", "Approved"),
        ("*Draft*", "Draft"),
        ("_Draft_", "Draft"),
        ("`Draft`", "Draft"),
        ("**`Review`**", "Review"),
        ("✅ Approved", "Approved"),
        ("Approved ✅", "Approved"),
        ("🟡 In Review", "In Review"),
        (":white_check_mark: Approved", "Approved"),
        ("Draft (awaiting review)", "Draft"),
        ("Review [legal]", "Review"),
        ("Review — waiting for legal", "Review"),
        ("**Approved** (since 2026-02-01)", "Approved"),
        ("Implemented", "Implemented"),
        ("In-Review", "In-Review"),
        ("<i>Approved</i>", "Approved"),  # inline HTML: the page shows the word
        ('<span class="status-macro">APPROVED</span>', "APPROVED"),
        ("<script>Approved</script>", "<script>Approved</script>"),  # no inline element
        ("~~Draft~~ **Approved**", "Approved"),
        ("~~Review~~ Approved ✅", "Approved"),
        ("✅", "✅"),
    ],
)
def test_status_word(written: str, word: str) -> None:
    assert status_word(written) == word


@pytest.mark.parametrize(
    "written", ["**Approved**", "*approved*", "`APPROVED`", "✅ Approved", "Approved (signed off)"]
)
def test_a_decorated_status_is_one_status_everywhere(written: str) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {written}")
    prd = parse_prd(text, "prd.md")
    assert prd.status is not None and prd.status.casefold() == "approved"
    assert lint(text) == lint(CLEAN)  # no PRD102, and the approved-only rules still run
    rows = index_rows([prd, parse_prd(CLEAN, "b.md")], page_url)
    assert {r.status.casefold() for r in rows if r.status} == {"approved"}
    groups = group_rows(rows, "status", Settings().statuses)
    assert [(g.key, len(g.rows)) for g in groups] == [("Approved", 2)]


def test_front_matter_and_a_decorated_header_status_agree() -> None:
    text = "---\nstatus: approved\n---\n" + CLEAN.replace(
        "**Status:** Approved", "**Status:** ✅ **Approved**"
    )
    assert "PRD108" not in [r for r, _, _ in lint(text)]
    other = "---\nstatus: Draft\n---\n" + CLEAN
    assert "PRD108" in [r for r, _, _ in lint(other)]


def test_an_unknown_status_is_still_reported_as_written() -> None:
    text = CLEAN.replace("**Status:** Approved", "**Status:** **Shipped** (v2)")
    assert [m for r, _, m in lint(text) if r == "PRD102"] == [
        "Status `**Shipped** (v2)` is not one of the site's statuses (Draft, Review, Approved, Implemented)"
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026-01-17", "2026-01-17"),
        ("2026-01-17T10:30:00Z", "2026-01-17"),
        ("2026-01-17T10:30", "2026-01-17"),
        ("2026-01-17 10:30", "2026-01-17"),
        ("2026-01-17T10:30:00.123+02:00", "2026-01-17"),
        ("2026-01-17T10:30:00-0500", "2026-01-17"),
        ("2026-01-17 10:30 UTC", "2026-01-17"),
        ("2026-02-30T10:30:00Z", None),
        ("2026-01-17T25:00:00Z", None),
        ("2026-01-17T10:61", None),
        ("2026-01-17T", None),
        ("17/01/2026", None),
        ("2026-01-17 (last edit)", "2026-01-17"),  # a remark, as after a Status
        ("2026-01-17 — approved", "2026-01-17"),
        ("2026-01-17, reviewed 2026-01-20", "2026-01-17"),
        ("2026-01-17T10:30 (CET)", "2026-01-17"),
        ("2026-01-17x", None),
        ("2026-01-170", None),
        ("2026-W03", None),
        ("2026-02-30 (last edit)", None),
    ],
)
def test_calendar_day(written: str, day: str | None) -> None:
    assert calendar_day(written) == day


@pytest.mark.parametrize("written", ["2026-02-03T10:30:00Z", "2026-02-03 10:30", "2026-02-03T10:30:00+01:00"])
def test_an_iso_date_time_is_a_date(written: str) -> None:
    text = CLEAN.replace("**Date:** 2026-02-03", f"**Date:** {written}")
    assert lint(text) == lint(CLEAN)
    (row,) = index_rows([parse_prd(text, "prd.md")], page_url)
    assert row.date == "2026-02-03"


def test_an_impossible_date_time_is_still_an_error() -> None:
    text = CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026-02-30T10:30:00Z")
    assert [r for r, _, _ in lint(text)].count("PRD103") == 1


# --- sections one level deeper ------------------------------------------------


def deeper(text: str) -> str:
    """Every heading below the title one level deeper (``## 1. Problem`` -> ``### 1. Problem``)."""
    return re.sub(r"^(#{2,5}) ", r"#\1 ", text, flags=re.M)


def test_sections_one_level_deeper_are_the_sections() -> None:
    text = deeper(CLEAN)
    assert "\n### 1. Problem\n" in text and "\n#### Goals\n" in text
    prd = parse_prd(text, "prd.md")
    base = parse_prd(CLEAN, "prd.md")
    assert [(s.key, s.line, [c.key for c in s.subsections]) for s in prd.sections] == [
        (s.key, s.line, [c.key for c in s.subsections]) for s in base.sections
    ]
    assert lint(text) == lint(CLEAN)


def test_sections_written_as_level_one_headings_are_the_sections() -> None:
    text = re.sub(r"^#(#{1,4}) ", r"\1 ", CLEAN, flags=re.M)
    assert "\n# 1. Problem\n" in text and "\n## Goals\n" in text
    prd = parse_prd(text, "prd.md")
    assert prd.title == "Saved Payment Methods"
    assert [(s.key, s.line) for s in prd.sections] == [
        (s.key, s.line) for s in parse_prd(CLEAN, "prd.md").sections
    ]
    assert values(prd) == EXPECTED
    assert lint(text) == lint(CLEAN)


def test_subsections_named_like_sections_do_not_become_the_sections() -> None:
    # Goals, Requirements, Risks ... as ### under ## sections that name the template's sections.
    prd = parse_prd(CLEAN, "prd.md")
    assert all(s.level == 2 for s in prd.sections) and prd.section("acceptance") is not None
    assert [s.line for s in prd.sections][:2] == [11, 27]


def test_a_page_with_any_level_two_heading_keeps_level_two_sections() -> None:
    text = CLEAN.replace("### Goals\n", "## Goals\n", 1)
    assert "problem" in {s.key for s in parse_prd(text, "prd.md").sections}
    assert parse_prd(text, "prd.md").section("goals") is not None


def test_missing_sections_point_at_the_title_in_template_order() -> None:
    text = "# PRD: Card placement\n\n**Version:** 1\n\n## 1. Problem\n\nText.\n\n" + "\n".join(
        f"Line {i}." for i in range(40)
    )
    found = [(line, m) for r, line, m in lint(text) if r == "PRD201"]
    assert {line for line, _ in found} == {1}
    numbers = [re.search(r"“(\d+)\.", m) for _, m in found]
    assert [int(n.group(1)) for n in numbers if n] == list(range(2, 11))
    assert "Appendix" in found[-1][1]


# --- a real build ----------------------------------------------------------------

DEEP = """---
version: "0.3"
date: 2026-06-01
track_id: d1
owner: Ana
status: Draft
---

# PRD: Card placement

### 1. Problem
Text.

### 10. IOSM Targets
**Current baseline:** 0.71
**Target post-implementation:** 0.81
**Delta:** +0.10
"""

INTRO = """# PRD: Intro first

An intro paragraph that says what this PRD is about.

**Current state:** shoppers retype their card.
**Impact:** 3% of checkouts abandoned.

## 1. Problem

Text.
"""


def card_position(html: str) -> tuple[int, int, int]:
    """Offsets of the title, the card and the first section heading (``1. Problem``)."""
    title = html.index("<h1")
    card = html.index('class="prd-card"')
    after = re.search(r"<h[2-6][^>]*>1\. Problem", html)
    assert after is not None
    return title, card, after.start()


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory: pytest.TempPathFactory) -> object:
    root = tmp_path_factory.mktemp("forms")
    files = {
        f"prds/form-{i}.md": with_header(HEADERS[form]).replace("saved-payment-methods", f"spm-{i}")
        for i, form in enumerate(HEADERS)
    }
    files["prds/bold-status.md"] = CLEAN.replace("**Status:** Approved", "**Status:** **Approved**").replace(
        "saved-payment-methods", "bold"
    )
    files["prds/deep.md"] = DEEP
    files["prds/intro.md"] = INTRO
    files["index.md"] = "# Home\n\n<!-- prd-index status=approved -->\n"
    return build_site(root, files, {"paths": ["prds/**"]})


def test_build_places_the_card_where_the_header_was(forms_site: object) -> None:
    site = forms_site
    for i, form in enumerate(HEADERS):
        html = site.html(f"prds/form-{i}/index.html")  # type: ignore[attr-defined]
        title, card, first = card_position(html)
        assert title < card < first, form
        body = html[card:first]
        assert "Payments Team" in body and "saved-payment-methods" not in html[first : first + 10]
        # The header was replaced: its values are not shown a second time above the first section.
        assert html[title:first].count("Payments Team") == 1, form
        assert 'prd-status--approved"' in html[card:first], form


def test_build_never_puts_the_card_below_the_title_block(forms_site: object) -> None:
    for page in ("deep", "intro"):
        html = forms_site.html(f"prds/{page}/index.html")  # type: ignore[attr-defined]
        title, card, first = card_position(html)
        assert title < card < first, page
        if page == "intro":
            assert card < html.index("An intro paragraph")
            assert html.index("Current state") > card  # the author's lines stay, below


def test_build_shows_one_status_for_a_bold_one(forms_site: object) -> None:
    html = forms_site.html("prds/bold-status/index.html")  # type: ignore[attr-defined]
    assert "**Approved**" not in html and 'prd-status--approved"' in html
    home = forms_site.html("index.html")  # type: ignore[attr-defined]
    assert 'data-prd-status="**approved**"' not in home
    assert home.count('data-prd-status="approved"') == len(HEADERS) + 1


def test_build_and_lint_agree_and_find_nothing_false(
    forms_site: object, capsys: pytest.CaptureFixture[str]
) -> None:
    site = forms_site
    logged = [m for m in site.messages() if "PRD1" in m or "PRD201" in m or "PRD102" in m]  # type: ignore[attr-defined]
    assert cli(["lint", "--format", "json", "-f", str(site.root / "mkdocs.yml")]) in (0, 1)  # type: ignore[attr-defined]
    data = json.loads(capsys.readouterr().out)
    findings = data["findings"] if isinstance(data, dict) else data
    meta = [f for f in findings if f["rule"] in ("PRD101", "PRD102", "PRD103", "PRD201")]
    assert [(f["path"], f["rule"]) for f in meta if not f["path"].endswith(("deep.md", "intro.md"))] == []
    assert [f for f in meta if f["path"].endswith("deep.md") and f["rule"] != "PRD201"] == []
    deep_missing = [f for f in meta if f["path"].endswith("deep.md")]
    # Where each would go: before the next section present (10. IOSM Targets), else the title.
    assert {(f["line"], "Appendix" in f["message"]) for f in deep_missing} == {(14, False), (9, True)}
    assert len(logged) == len(meta)


OWN_WORDS = """# PRD: Own words

**Version:** 1.0
**Date:** 2026-03-04
**Track ID:** own
**Owner:** Marta
**Status:** Draft

## 1. {one}
Clerks copy invoices by hand.

## 2. {two}
### Goals
1. Export a month in a minute.
### Non-Goals
- No PDF.

## 5. {five}
### Functional Requirements
**FR-1: Export a month**
- Description: exports a month as CSV
- Acceptance: opens in Excel
- Priority: Must

### API Design
- `GET /exports`
"""


@pytest.mark.parametrize(
    "titles",
    [
        ("Why we are doing this", "What success looks like", "What we build"),
        ("Problema", "Objetivos / No objetivos", "Requisitos"),
    ],
    ids=["own-words", "spanish"],
)
def test_template_words_in_subsections_do_not_outvote_numbered_sections(titles: tuple[str, str, str]) -> None:
    """``## 1. Problema`` over English ``### Goals``: the ``##`` headings stay the sections."""
    text = OWN_WORDS.format(one=titles[0], two=titles[1], five=titles[2])
    prd = parse_prd(text, "own.md")
    missing = {m for rule, _, m in lint(text) if rule == "PRD201"}
    assert not any(n in m for m in missing for n in ("1. Problem", "2. Goals", "5. Requirements"))
    assert [r.id for r in prd.functional] == ["FR-1"]


@pytest.mark.parametrize(
    ("extra", "replaceable"),
    [
        ("", True),
        ("**Status:** Approved (by CFO on 2026-03-01)\n", True),  # the badge and the remark beside it
        ("**Status:** ✅ **Approved**\n", True),  # emphasis and emoji: nothing lost
        ("**Status:** Approved\n**Owner:** Ben (backup)\n", True),  # a second owner: "Ana, Ben (backup)"
        ("**Status:** Approved\n**Date:** 2026-02-01\n", False),  # a second Date line
        ("**Status:** Approved\n**Reviewers:** [Ben](mailto:ben@example.com)\n", True),  # shown as a link
        ("**Status:** Approved\n**Reviewers:** [Ben](../people/ben.md)\n", False),  # the card shows text only
        ("**Status:** Approved\n**Reviewers:** ![Ben](ben.png)\n", False),
    ],
)
def test_the_card_replaces_the_header_only_when_no_text_is_lost(extra: str, replaceable: bool) -> None:
    header = "**Version:** 1.0\n**Date:** 2026-01-17\n**Track ID:** t\n**Owner:** Ana\n"
    text = "# PRD: T\n\n" + header + (extra or "**Status:** Approved\n") + "\n## 1. Problem\nText.\n"
    assert parse_prd(text, "t.md").metadata.header_replaceable is replaceable


# --- fresh2 #7, #8, #10, #15, #16: header forms that were still mis-read --------------

ONE_LINE_VALUES = {
    "version": "1.2",
    "date": "2026-02-03",
    "track_id": "saved-payment-methods",
    "owner": "Lopez, Marta / Payments; Billing",
    "status": "Approved",
}


@pytest.mark.parametrize("sep", [" | ", " · ", " • ", "<br>", "<br/> ", "; ", ", ", " ", " — ", " - ", " / "])
def test_one_line_header_splits_at_labels_never_inside_a_value(sep: str) -> None:
    """Values keep their ``/ , ;``: a new field starts only where a label does."""
    fields = [
        "**Version:** 1.2",
        "**Date:** 2026-02-03",
        "**Track ID:** saved-payment-methods",
        "**Owner:** Lopez, Marta / Payments; Billing",
        "**Status:** Approved",
    ]
    text = with_header(sep.join(fields) + "\n")
    prd = parse_prd(text, "prd.md")
    assert values(prd) == ONE_LINE_VALUES
    assert prd.metadata.header_replaceable
    assert lint(text) == lint(CLEAN)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Status:** Draft; **Owner:** Ana, Bob", {"status": "Draft", "owner": "Ana, Bob"}),
        ("**Status:** Draft (awaiting legal, finance) | **Owner:** Ana", {"owner": "Ana"}),
        ("Version: 1.0, Status: Draft, Owner: Ana / Bob", {"version": "1.0", "owner": "Ana / Bob"}),
        ("**Owner:** Marta Lopez / Billing", {"owner": "Marta Lopez / Billing"}),
        ("**Owner** Ana | **Status** Draft", {"owner": "Ana", "status": "Draft"}),
        (
            "Version: 1.2 — Status: Draft — not yet approved",
            {"version": "1.2", "status": "Draft — not yet approved"},
        ),
        ("**Owner / DRI:** Ana", {"owner": "Ana"}),
        ("**Owner:** <ana@example.com>", {"owner": "ana@example.com"}),
        ("**Status** quo: clerks copy invoices by hand.", {"status": None}),
        ("**Owner** teams must approve any export format change.", {"owner": None}),
        # drift10: the colon outside italics, a fullwidth colon
        ("*Status*: Draft", {"status": "Draft"}),
        ("_Owner_ : Ana Lopez", {"owner": "Ana Lopez"}),
        ("**Owner**： Ana", {"owner": "Ana"}),
        ("**Owner：** Ana", {"owner": "Ana"}),
        ("*Status* quo is manual.", {"status": None}),
        ("**Status** = Draft", {"status": "Draft"}),
        ("Status = Draft · Version = 1.2", {"status": "Draft", "version": "1.2"}),
        ("Note = see below", {"status": None}),
    ],
)
def test_a_header_line_reads_each_field_whole(line: str, expected: dict[str, str | None]) -> None:
    got = {f.key: f.value for f in read_line(line, 1)}
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "over",
    [
        "## Overview\n\n",
        "## Summary\n\n",
        "## 0. Metadata\n\n",
        "## Overview\n\nOne-click CSV export of a month of invoices for finance.\n\n",
        "## TL;DR\n\nShoppers keep cards on file.\n\n---\n\n",
    ],
)
def test_the_header_under_a_heading_that_is_no_template_section_is_read(over: str) -> None:
    text = with_header(over + CLEAN_HEADER)
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    assert prd.metadata.header_replaceable
    assert lint(text) == lint(CLEAN)  # no PRD101, no "Metadata is numbered 0"


@pytest.mark.parametrize(
    "over",
    [
        # Lines under an own-words first section that name one field at most are prose.
        "## Why now\n\n**Current state:** shoppers retype their card.\n**Impact:** 3% abandon.\n\n",
        "## Why now\n\n**Status:** shoppers retype their card.\n**Impact:** 3% abandon.\n\n",
    ],
)
def test_lines_under_an_own_words_section_are_not_the_header(over: str) -> None:
    text = CLEAN.replace(CLEAN_HEADER, "", 1).replace("## 1. Problem", over + "## 1. Problem", 1)
    prd = parse_prd(text, "prd.md")
    assert values(prd) == dict.fromkeys(CORE_FIELDS)
    assert sorted(r for r, _, _ in lint(text) if r.startswith("PRD10")) == ["PRD101"] * 5


def test_a_later_header_run_under_overview_does_not_add_to_the_header() -> None:
    text = with_header(CLEAN_HEADER + "\n## Overview\n\n**Status:** Draft\n**Owner:** Someone else\n")
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    assert prd.metadata.header_replaceable


@pytest.mark.parametrize(
    ("owners", "replaceable"),
    [
        ("**Owner(s):** Payments Team\n", True),
        ("**Owner (PM):** Payments Team\n", True),
        ("**Owner (PM):** Payments Team\n**Owner (Eng):** Ravi Shah\n", False),  # both lines stay
        ("| Owner (PM) | Payments Team |\n", None),
    ],
)
def test_an_owner_with_a_qualifier_is_the_owner(owners: str, replaceable: bool | None) -> None:
    if replaceable is None:  # the same in a key/value table
        header = "| Field | Value |\n|---|---|\n| Version | 1.2 |\n| Date | 2026-02-03 |\n"
        header += "| Track ID | saved-payment-methods |\n" + owners + "| Status | Approved |\n"
    else:
        header = CLEAN_HEADER.replace("**Owner:** Payments Team\n", owners)
    text = with_header(header)
    prd = parse_prd(text, "prd.md")
    # Two Owner lines are two owners, both the Owner's value (as on the card and in the export).
    owner = "Payments Team, Ravi Shah" if "Ravi" in owners else "Payments Team"
    assert values(prd) == {**EXPECTED, "owner": owner}
    assert prd.metadata.header_replaceable is (replaceable is not False)
    assert lint(text) == lint(CLEAN)


def test_a_date_with_a_remark_is_its_day() -> None:
    text = CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026-02-03 (last edit)")
    assert lint(text) == lint(CLEAN)
    (row,) = index_rows([parse_prd(text, "prd.md")], page_url)
    assert row.date == "2026-02-03"


@pytest.mark.parametrize("label", ["Last updated", "Last edited", "Updated", "Last modified"])
def test_the_last_update_is_the_date_before_the_creation(label: str) -> None:
    header = CLEAN_HEADER.replace(
        "**Date:** 2026-02-03\n", f"**Created:** 2026-01-10\n**{label}:** 2026-02-03\n"
    )
    prd = parse_prd(with_header(header), "prd.md")
    assert values(prd) == EXPECTED


def test_a_sentence_after_a_bold_word_in_the_header_run_is_kept_as_prose() -> None:
    header = CLEAN_HEADER + "**Owner** teams must approve any export format change.\n"
    prd = parse_prd(with_header(header), "prd.md")
    assert values(prd) == EXPECTED
    assert not prd.metadata.header_replaceable  # the line stays on the page


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("**Track ID:** `saved-payment-methods`", "track_id", "saved-payment-methods"),
        ("**Owner:** [Payments Team](mailto:pay@example.com)", "owner", "Payments Team"),
        ("**Owner:** *Payments Team*", "owner", "Payments Team"),
        ("**Version:** `1.2`", "version", "1.2"),
        ("**Date:** **2026-02-03**", "date", "2026-02-03"),
        ("| Track ID | `saved-payment-methods` |", "track_id", "saved-payment-methods"),
    ],
)
def test_a_value_means_its_text_without_inline_markup(line: str, key: str, value: str) -> None:
    label = {"track_id": "Track ID"}.get(key, key.title())
    if line.startswith("|"):
        header = f"| Field | Value |\n|---|---|\n{line}\n" + "".join(
            f"| {k} | {v} |\n"
            for k, v in (
                ("Version", "1.2"),
                ("Date", "2026-02-03"),
                ("Owner", "Payments Team"),
                ("Status", "Approved"),
            )
        )
    else:
        header = re.sub(rf"\*\*{label}:\*\* [^\n]*", lambda _: line, CLEAN_HEADER)
    text = with_header(header)
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    field = prd.metadata.get(key)
    assert field is not None and field.value == value and field.written
    assert lint(text) == lint(CLEAN)  # no PRD105 "not a slug", the trace ids are there
    assert prd.metadata.header_replaceable


@pytest.mark.parametrize(
    ("written", "html"),
    [
        ("[Ana](mailto:ana@example.com)", '<a href="mailto:ana@example.com">Ana</a>'),
        ("[Ana](https://example.com/a?b=1&c=2)", '<a href="https://example.com/a?b=1&amp;c=2">Ana</a>'),
        ("`invoice-export`", "<code>invoice-export</code>"),
        ("`<b>x</b>`", "<code>&lt;b&gt;x&lt;/b&gt;</code>"),
        # A link (Python-Markdown reads balanced parentheses in a URL) the card does not follow.
        ("[Ana](javascript:alert(1))", "Ana"),
        ("[Ana](JaVaScRiPt:alert)", "Ana"),
        ("[Ana](../people/ana.md)", "Ana"),  # relative: would point elsewhere from the card
        ('[x" onmouseover="a](https://e.org)', "x&#34; onmouseover=&#34;a"),
        ("<https://e.org/a>", '<a href="https://e.org/a">https://e.org/a</a>'),
        ("**Ana** <script>alert(1)</script>", "Ana &lt;script&gt;alert(1)&lt;/script&gt;"),  # HTML: escaped
        ("<ana@example.com>", '<a href="mailto:ana@example.com">ana@example.com</a>'),
        ("1 < 2 & 3", "1 &lt; 2 &amp; 3"),
    ],
)
def test_the_card_shows_inline_markup_rendered_and_safe(written: str, html: str) -> None:
    got = str(inline_value(written))
    assert html in got
    assert "<script" not in got and "javascript:" not in got.casefold()


LINKS = CLEAN.replace("**Track ID:** saved-payment-methods", "**Track ID:** `links`").replace(
    "**Owner:** Payments Team", "**Owner:** [Marta Lopez](mailto:marta@example.com)"
)
ONE_LINE = with_header(
    "**Version:** 1.2 | **Date:** 2026-02-03 | **Track ID:** one-line | "
    "**Owner:** Marta Lopez / Billing | **Status:** Approved\n"
)
OVERVIEW = with_header("## 0. Metadata\n\n" + CLEAN_HEADER.replace("saved-payment-methods", "overview"))


@pytest.fixture(scope="module")
def header_site(tmp_path_factory: pytest.TempPathFactory) -> object:
    root = tmp_path_factory.mktemp("headers")
    files = {"prds/links.md": LINKS, "prds/one-line.md": ONE_LINE, "prds/overview.md": OVERVIEW}
    files["prds/upper.md"] = CLEAN.replace("**Status:** Approved", "**Status:** APPROVED").replace(
        "saved-payment-methods", "upper"
    )
    files["prds/badge.md"] = (
        "![build](https://img.shields.io/badge/build-passing-green.svg)\n\n"
        + CLEAN.replace("saved-payment-methods", "badge")
    )
    return build_site(root, files, {"paths": ["prds/**"]})


def test_build_shows_header_values_rendered_on_the_card(header_site: object) -> None:
    site = header_site
    assert [m for m in site.messages() if "PRD1" in m or "PRD202" in m] == []  # type: ignore[attr-defined]
    html = site.html("prds/links/index.html")  # type: ignore[attr-defined]
    title, card, first = card_position(html)
    body = html[card:first]
    assert '<a href="mailto:marta@example.com">Marta Lopez</a>' in body
    assert "<code>links</code>" in body
    assert "`links`" not in html and "](mailto:" not in html  # nothing raw, the header replaced
    one = site.html("prds/one-line/index.html")  # type: ignore[attr-defined]
    title, card, first = card_position(one)
    assert "Marta Lopez / Billing" in one[card:first] and "**" not in one[title:first]
    assert 'prd-status--approved"' in one[card:first]
    over = site.html("prds/overview/index.html")  # type: ignore[attr-defined]
    title, card, first = card_position(over)
    assert over[title:first].count("Payments Team") == 1
    data = json.loads((site.root / "site" / "prd-index.json").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    rows = {r["src_path"]: r for r in (data["prds"] if isinstance(data, dict) else data)}
    assert rows["prds/links.md"]["track_id"] == "links"
    assert rows["prds/links.md"]["owner"] == "Marta Lopez"
    assert rows["prds/one-line.md"]["owner"] == "Marta Lopez / Billing"
    assert rows["prds/overview.md"]["status"] == "Approved"
    # APPROVED is the site's Approved on the badge and in the JSON (fresh2 #16a).
    upper = site.html("prds/upper/index.html")  # type: ignore[attr-defined]
    title, card, first = card_position(upper)
    assert re.search(r'prd-status--approved"[^>]*>Approved<', upper[card:first])
    assert rows["prds/upper.md"]["status"] == "Approved"
    # A badge line above the title: still a PRD, its card under the title (fresh2 #13).
    badge = site.html("prds/badge/index.html")  # type: ignore[attr-defined]
    title, card, first = card_position(badge)
    assert badge.index('alt="build"') < title
    assert rows["prds/badge.md"]["track_id"] == "badge"


@pytest.mark.parametrize(
    ("word", "statuses", "shown"),
    [
        ("APPROVED", ("Draft", "Approved"), "Approved"),
        ("approved", ("Draft", "Approved"), "Approved"),
        ("in progress", ("Draft", "In Progress"), "In Progress"),
        ("Shipped", ("Draft", "Approved"), "Shipped"),  # not the site's: as written
        (None, ("Draft",), None),
    ],
)
def test_a_status_is_shown_in_the_sites_spelling(
    word: str | None, statuses: tuple[str, ...], shown: str | None
) -> None:
    assert site_status(word, statuses) == shown
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {word}") if word else CLEAN
    (row,) = index_rows([parse_prd(text, "prd.md")], page_url, statuses=statuses)
    assert row.status == (shown if word else "Approved")


@pytest.mark.parametrize(
    ("status", "near"),
    [("In Review", "Review"), ("Shipped", "Implemented"), ("WIP", "Draft"), ("Aproved", "Approved"),
     ("Signed off", "Approved"), ("Stage 2", None), ("Implementation", None)],
)  # fmt: skip
def test_prd102_names_the_nearest_status_and_status_aliases(status: str, near: str | None) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {status}")
    (finding,) = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD102"]
    if near is None:
        assert "status_aliases" in finding.hint and "Did you mean" not in finding.hint
    else:
        assert (
            finding.hint.startswith(f"Did you mean `{near}`?") and f"`{{{status}: {near}}}`" in finding.hint
        )


def test_prd103_hint_is_in_the_authors_form() -> None:
    table = "| Field | Value |\n|---|---|\n| Version | 1.2 |\n| Date | Jan 5, 2026 |\n| Track ID | t |\n"
    table += "| Owner | Ann |\n| Status | Approved |\n"
    text = CLEAN.replace(CLEAN[CLEAN.index("**Version:**") : CLEAN.index("---")], table + "\n")
    (finding,) = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD103"]
    assert finding.hint.endswith("e.g. `| Date | 2026-01-05 |`")


# A value on the line under its label, in the same paragraph (Markdown joins the lines): typed so,
# or as include-markdown's comments=true writes a shared value (its comments on lines of their own).
NEXT_LINE_HEADERS = {
    "value under the label": "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    "**Owner:**\nPayments Team\n**Status:**\nApproved\n",
    "include-markdown comments": "**Version:** 1.2\n**Date:** 2026-02-03\n"
    "**Track ID:** saved-payment-methods\n"
    "**Owner:** <!-- BEGIN INCLUDE ../_shared/owner.md -->\nPayments Team\n<!-- END INCLUDE -->\n"
    "**Status:** <!-- BEGIN INCLUDE ../_shared/status.md -->\nApproved\n\n<!-- END INCLUDE -->\n",
    "plain labels, comments": "Version: 1.2\nDate: 2026-02-03\nTrack ID: saved-payment-methods\n"
    "Owner: <!-- BEGIN INCLUDE o.md 'a' '' -->\nPayments Team\n<!-- END INCLUDE -->\n"
    "Status: <!-- BEGIN INCLUDE s.md -->\nApproved\n<!-- END INCLUDE -->\n",
}


@pytest.mark.parametrize("form", list(NEXT_LINE_HEADERS))
def test_a_value_on_the_line_under_its_label_is_its_value(form: str) -> None:
    text = with_header(NEXT_LINE_HEADERS[form])
    prd = parse_prd(text, "prd.md")
    assert values(prd) == EXPECTED
    assert prd.metadata.header_replaceable
    lines = text.splitlines()
    assert "Approved" in lines[prd.metadata.header_end - 1]  # the card replaces every value line
    # ... and the page's rewrite agrees that every line of the span is the header's (no repeat under the card)
    assert is_header_span(lines, prd.metadata.header_start - 1, prd.metadata.header_end - 1)
    assert lint(text) == lint(CLEAN)


def test_prose_under_a_label_with_its_value_is_not_the_header() -> None:
    lines = ["**Owner:** Payments Team", "see the wiki for the RACI", "**Owner:** <!-- x -->", "<!-- END -->"]
    assert not is_header_span(lines, 0, 1)
    assert is_header_span(lines, 2, 3)


def test_a_label_without_a_value_over_another_label_is_still_empty() -> None:
    text = with_header(CLEAN_HEADER.replace("**Owner:** Payments Team\n", "**Owner:**\n"))
    assert [(rule, "Owner" in message) for rule, _, message in lint(text)] == [("PRD101", True)]


# drift10: PRD101's hint asks for the missing field in the header's own form and language.
@pytest.mark.parametrize(
    ("header", "hint"),
    [
        (HEADERS["key-value table"], "a `| Owner | Payments Team |` row"),
        (HEADERS["plain lines, dashes"], "a `Owner - Payments Team` line"),
        (HEADERS["bullet list"], "a `- **Owner:** Payments Team` line"),
        (HEADERS["blockquote"], "a `> **Owner:** Payments Team` line"),
        (CLEAN_HEADER, "a `**Owner:** Payments Team` line"),
        (  # several fields a line: the template's line
            "**Version:** 1.2 | **Date:** 2026-02-03 | **Track ID:** saved-payment-methods | "
            "**Status:** Approved\n",
            "a `**Owner:** Payments Team` line",
        ),
        (
            "| Feld | Wert |\n|---|---|\n| Version | 1.2 |\n| Datum | 2026-02-03 |\n"
            "| Track ID | saved-payment-methods |\n| Owner | Payments Team |\n| Status | Approved |\n",
            "a `| Verantwortlich | Payments Team |` row",
        ),
        (
            "**Versión:** 1.2\n**Fecha:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
            "**Owner:** Payments Team\n**Estado:** Approved\n",
            "a `**Responsable:** Payments Team` line",
        ),
    ],
)
def test_a_missing_field_is_asked_for_in_the_headers_form(header: str, hint: str) -> None:
    text = with_header(re.sub(r"^.*Owner.*Payments Team.*\n", "", header, flags=re.MULTILINE))
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD101"]
    assert [f.hint for f in found] == [f"Add {hint} below the title (or `owner:` in the front matter)"]
