"""PRDs exported from Google Docs, Confluence, Notion or Word read as the page renders them
(reading5): no-break spaces (``\\u00a0``, ``&nbsp;``), zero-width characters, soft hyphens,
character references (``&amp;``, ``&ge;``) and backslash escapes (``FR\\-1``, ``## 1\\. Problem``,
``2026\\-02\\-03``) are the characters they show.

Each form is checked against the clean golden PRD: the exported page must read into the same
model and give the same findings (none); an escape that keeps a line from being a list item or
heading keeps doing so; a defect written with export characters is still reported on its line,
by lint and by the build alike.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Site, build_site

from mkdocs_prd.adapters.cli.main import main as cli
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.rendered import rendered_lines
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")


def model(prd: Prd) -> dict[str, object]:
    """What the card, the index and the rules read from a PRD."""
    return {
        "title": prd.title,
        "meta": {k: prd.metadata.value(k) for k in ("version", "date", "track_id", "owner", "status")},
        "sections": [(s.key, s.number) for s in prd.sections],
        "requirements": [
            (r.id, r.name, r.level, tuple(a.key for a in r.attributes))
            for r in (*prd.functional, *prd.non_functional)
        ],
        "use_cases": [(u.id, u.name) for u in prd.use_cases],
        "risks": [(r.risk, r.impact, r.probability) for r in prd.risks],
        "iosm": [(t.gate, t.metric, t.operator, t.value, t.unit) for t in prd.iosm.targets],
        "changelog": [(c.version, c.date) for c in prd.changelog],
        "criteria": [(c.text, c.checked) for c in prd.criteria],
    }


BASE_META = model(BASE)["meta"]


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


def numbered_headings(text: str, after: str) -> str:
    return re.sub(r"^## ([0-9]+)\. ", lambda m: f"## {m.group(1)}{after}", text, flags=re.MULTILINE)


EXPORTED = {
    # Google Docs' Markdown download and pandoc escape punctuation.
    "escaped-ids": CLEAN.replace("FR-", "FR\\-").replace("UC-", "UC\\-"),
    "escaped-section-numbers": numbered_headings(CLEAN, "\\. "),
    "escaped-track-id": CLEAN.replace("saved-payment-methods", "saved\\-payment\\-methods"),
    "escaped-snake-track-id": CLEAN.replace(
        "**Track ID:** saved-payment-methods", "**Track ID:** saved\\_payment\\_methods"
    ),
    "escaped-bold-titles": re.sub(r"^\*\*((?:N?FR|UC)-[^*]+)\*\*$", r"\\*\\*\1\\*\\*", CLEAN, flags=re.M),
    "escaped-bold-labels": re.sub(r"^\*\*([A-Za-z ]+:)\*\* ", r"\\*\\*\1\\*\\* ", CLEAN, flags=re.M),
    "escaped-task-boxes": re.sub(r"^- \[([ x])\] ", r"- \\[\1\\] ", CLEAN, flags=re.M),
    "escaped-date": CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026\\-02\\-03"),
    "escaped-changelog": CLEAN.replace("| 1.2 | 2026-02-03 |", "| 1\\.2 | 2026\\-02\\-03 |"),
    "escaped-label-colon": CLEAN.replace("**Version:**", "**Version\\:**"),
    # Confluence and Word: no-break spaces as characters and as references.
    "nbsp-after-labels": CLEAN.replace(":** ", ":**\u00a0"),
    "nbsp-reference-in-value": CLEAN.replace(
        "**Owner:** Payments Team", "**Owner:**&nbsp;Payments&nbsp;Team"
    ),
    "nbsp-in-section-headings": numbered_headings(CLEAN, ".\u00a0"),
    "nbsp-before-priority": CLEAN.replace("- Priority: ", "- Priority:\u00a0"),
    "nbsp-in-requirement-title": CLEAN.replace("**FR-1: ", "**FR-1:\u00a0").replace(
        "**NFR-2: ", "**NFR-2:&#160;"
    ),
    "narrow-nbsp-before-unit": CLEAN.replace("≤5%", "≤5\u202f%").replace("≤120ms", "≤120\u00a0ms"),
    "references-in-headings": CLEAN.replace(" & ", " &amp; "),
    "references-for-operators": CLEAN.replace("≥0.95", "&ge;0.95").replace("≤5%", "&le;5%"),
    # Notion and pasted text: zero-width characters, soft hyphens, a BOM inside the page.
    "zero-width-before-requirement": CLEAN.replace("**FR-2: Pay", "\u200b**FR-2: Pay"),
    "zero-width-after-status": CLEAN.replace("**Status:** Approved", "**Status:** Approved\u200b"),
    "zero-width-in-headings": CLEAN.replace("## 5. Requirements", "## 5. Requirements\u200b").replace(
        "## 1. Problem", "## \u20601. Problem"
    ),
    "word-joiner-in-track-id": CLEAN.replace("saved-payment-methods", "saved-\u2060payment-methods"),
    "soft-hyphen-in-owner": CLEAN.replace("**Owner:** Payments Team", "**Owner:** Pay\u00adments Team"),
    "bom-inside": CLEAN.replace("## 10. IOSM Targets", "\ufeff## 10. IOSM Targets"),
}


@pytest.mark.parametrize("form", list(EXPORTED))
def test_an_exported_prd_reads_as_it_renders(form: str) -> None:
    text = EXPORTED[form]
    assert text != CLEAN
    expected = model(BASE)
    if form == "escaped-snake-track-id":
        expected["meta"] = {**BASE_META, "track_id": "saved_payment_methods"}  # type: ignore[dict-item]
    assert model(parse_prd(text, "prd.md")) == expected
    assert findings(text) == []


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\\- not an item", "\\- not an item"),  # the escape keeps the line a paragraph
        ("1\\. not an item", "1\\. not an item"),
        ("  3\\) not an item", "  3\\) not an item"),
        ("\\# not a heading", "\\# not a heading"),
        ("## 1\\. Problem", "## 1. Problem"),
        ("## Channel \\#", "## Channel \\#"),  # an escaped closing mark stays text
        ("**FR\\-1: Save**", "**FR-1: Save**"),
        ("a \\\\- b", "a \\\\- b"),  # an escaped backslash, then a plain dash
        ("\\_private\\_", "\\_private\\_"),  # a leading underscore could open emphasis
        ("snake\\_case", "snake_case"),
        # Escaped bold marks in pairs are what an export wrote for a bold title the page shows
        # with its asterisks ("**FR-1: Save**"); one escaped mark stays ("2 \\* 3").
        ("\\*\\*FR-1: Save\\*\\*", "**FR-1: Save**"),
        ("\\*\\*odd\\*\\* \\*\\*", "\\*\\*odd\\*\\* \\*\\*"),
        ("2 \\* 3 \\*", "2 \\* 3 \\*"),
        ("- \\[x\\] FR-1 met", "- [x] FR-1 met"),
        ("1. \\[ \\] open", "1. [ ] open"),
        ("see \\[x\\] here", "see \\[x\\] here"),  # not a box: no list marker before it
        ("cell &#124; pipe &lt;b&gt; &#42;", "cell &#124; pipe &lt;b&gt; &#42;"),  # marks stay references
        ("&amp;nbsp; &bogus; &#0; &#xD800;", "&nbsp; &bogus; &#0; &#xD800;"),
        ("P95&nbsp;&lt;&nbsp;200&#8239;ms", "P95 &lt; 200 ms"),
        ("a\u200bb\u200cc\u200dd\u2060e\u00adf\ufeffg", "abcdefg"),
    ],
)
def test_rendered_lines(written: str, read: str) -> None:
    assert rendered_lines(written, [written], 1) == [read]


def test_a_page_without_export_characters_is_not_copied() -> None:
    lines = CLEAN.split("\n")
    assert rendered_lines(CLEAN, lines, 1) is lines


def test_front_matter_is_read_as_written() -> None:
    lines = ["---", "owner: Ana\u00a0Lee", "---", "# PRD: X\u00a0Y"]
    assert rendered_lines("\u00a0", lines, 4) == ["---", "owner: Ana\u00a0Lee", "---", "# PRD: X Y"]


def test_escaped_block_markers_keep_their_meaning() -> None:
    """``1\\. Problem`` is a paragraph and ``\\- FR-4`` no list item: no section, no requirement."""
    text = CLEAN.replace("## 1. Problem", "1\\. Problem").replace(
        "### Non-Functional Requirements", "\\- FR-4: Export (Could)\n\n### Non-Functional Requirements"
    )
    prd = parse_prd(text, "prd.md")
    assert prd.section("problem") is None
    assert [r.id for r in prd.functional] == ["FR-1", "FR-2", "FR-3"]


DEFECTS = {
    # (page, the line the finding is on, rule)
    "escaped-priority-not-moscow": (
        EXPORTED["escaped-ids"].replace("- Priority: Should", "- Priority: High"),
        "- Priority: High",
        "PRD302",
    ),
    "nbsp-empty-acceptance": (
        EXPORTED["nbsp-before-priority"].replace(
            '- Acceptance: after a paid order with "Save this card" ticked, the wallet lists the card',
            "- Acceptance:\u00a0",
        ),
        "- Acceptance:\u00a0",
        "PRD301",
    ),
    "escaped-impossible-date": (
        CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026\\-02\\-30"),
        "**Date:** 2026\\-02\\-30",
        "PRD103",
    ),
    "zero-width-duplicate-id": (
        CLEAN.replace("**FR-3: Remove", "\u200b**FR-2: Remove"),
        "\u200b**FR-2: Remove a saved card**",
        "PRD303",
    ),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_a_defect_written_with_export_characters_is_reported_on_its_line(defect: str) -> None:
    text, line, rule = DEFECTS[defect]
    expected = text.split("\n").index(line) + 1
    assert [(n, r) for n, r, _ in findings(text)] == [(expected, rule)]


# --- One real build: lint and build agree; ids keep their anchors -----------------------------

PAGES = {
    "prds/gdoc.md": EXPORTED["escaped-ids"].replace("saved-payment-methods", "gdoc-export"),
    "prds/confluence.md": EXPORTED["nbsp-reference-in-value"].replace("saved-payment-methods", "confluence"),
    "prds/defects.md": DEFECTS["escaped-priority-not-moscow"][0].replace("saved-payment-methods", "defects"),
    "index.md": "# Home\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("exported"), PAGES, {"paths": ["prds/**"]})


def test_build_escaped_ids_have_their_anchors(site: Site) -> None:
    html = site.html("prds/gdoc/index.html")
    for anchor in ("fr-1", "fr-3", "nfr-1", "nfr-5", "uc-1"):
        assert html.count(f'id="{anchor}"') == 1, anchor


def test_build_card_shows_the_value_as_rendered(site: Site) -> None:
    html = site.html("prds/confluence/index.html")
    card = html[html.index('class="prd-card') :]
    card = card[: card.index("1. Problem")]
    assert "Payments Team" in " ".join(re.sub(r"<[^>]+>", " ", card).split())
    assert "nbsp" not in card


def test_build_and_lint_agree(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    logged = sorted(m for m in site.messages() if re.search(r"\bPRD[0-9]{3}\b", m))
    assert cli(["lint", "--format", "json", "-f", str(site.root / "mkdocs.yml")]) == 1
    data = json.loads(capsys.readouterr().out)
    linted = [(f["path"], f["line"], f["rule"]) for f in data]
    line = PAGES["prds/defects.md"].split("\n").index("- Priority: High") + 1
    assert linted == [("prds/defects.md", line, "PRD302")]
    assert len(logged) == 1 and f"prds/defects.md:{line}" in logged[0] and "PRD302" in logged[0]
    owners = {p["src_path"]: p["owner"] for p in json.loads(site.html("prd-index.json"))["prds"]}
    assert owners["prds/confluence.md"] == "Payments Team"
