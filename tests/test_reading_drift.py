"""Drifted but correct PRDs read right (reading3): headings written as setext headings or one
level too high, IOSM gates stated on one line, several owners, front matter with inline markup.

Each kind is checked against the clean golden PRD written the template's way: the drifted
page must read into the same model (requirements, ids, sections, owners), give the same
findings, and a change review between the two forms must see no change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Site, build_site
from timing import GROWTH, assert_linear

from mkdocs_prd.adapters.cli.main import main as cli
from mkdocs_prd.core.actuals import from_front_matter
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.gate_lines import gate_statement
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.sections import split_number
from mkdocs_prd.core.parse.targets import parse_target
from mkdocs_prd.core.review.diff import compare
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.trace.ids import local_ids
from mkdocs_prd.html.views import card_view

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")
_BOLD_REQ = re.compile(r"^\*\*((?:N?FR)-[0-9]+: [^*]+)\*\*$", re.MULTILINE)
_SECTION = re.compile(r"^(#{1,2}) (.+)$", re.MULTILINE)


def findings(text: str) -> list[tuple[str, str]]:
    """The page's findings without line numbers (a setext heading takes a line more)."""
    return sorted((f.rule, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings()))


def requirements(prd: Prd) -> list[tuple[str | None, str, str | None, tuple[str, ...]]]:
    return [
        (r.id, r.name, r.level, tuple(a.key for a in r.attributes))
        for r in (*prd.functional, *prd.non_functional)
    ]


def req_headings(text: str, form: str) -> str:
    """Every ``**FR-n: Name**`` block title written as a heading of ``form``: ``-``/``=`` setext
    underlines, or ``#``/``##`` ATX marks (one level above the section's subsections)."""

    def one(m: re.Match[str]) -> str:
        title = m.group(1)
        return f"{title}\n{form * len(title)}" if form in ("-", "=") else f"{form} {title}"

    return _BOLD_REQ.sub(one, text)


def req_ids(text: str) -> str:
    """The requirements numbered the way requirement trackers number them: ``REQ-PAY-001``."""
    text = re.sub(r"\*\*FR-([0-9]+): ", lambda m: f"**REQ-PAY-{int(m.group(1)):03d}: ", text)
    return re.sub(r"\*\*NFR-([0-9]+): ", lambda m: f"**REQ-QUAL-{int(m.group(1))}: ", text)


@pytest.mark.parametrize("form", ["-", "=", "##", "#"], ids=["setext-h2", "setext-h1", "atx-h2", "atx-h1"])
def test_a_requirement_heading_in_any_form_is_the_requirement(form: str) -> None:
    text = req_headings(CLEAN, form)
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert requirements(prd) == requirements(BASE)
    assert [(s.key, s.title) for s in prd.sections] == [(s.key, s.title) for s in BASE.sections]
    assert [(r.local, r.name, r.priority) for r in local_ids(prd)] == [
        (r.local, r.name, r.priority) for r in local_ids(BASE)
    ]
    assert compare(BASE, prd) == []  # change review: nothing changed but the form
    assert findings(text) == findings(CLEAN) == []


@pytest.mark.parametrize(
    "closing",
    ["Clerks lose two days a month to it.", "See the support dashboard", "**Why now:** the audit is in May"],
)
def test_a_line_over_a_rule_that_is_no_title_stays_text(closing: str) -> None:
    """``Some sentence.`` right over ``---`` closing a section: a rule to its author (Python-Markdown
    renders a heading), so the section keeps its content and no section is made of it."""
    text = CLEAN.replace("\n\n---\n\n## 2. Goals", f"\n\n{closing}\n---\n\n## 2. Goals")
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.title) for s in prd.sections] == [(s.key, s.title) for s in BASE.sections]
    assert findings(text) == []


def test_a_setext_requirement_with_its_priority_in_the_title() -> None:
    text = CLEAN.replace(
        "**FR-3: Remove a saved card**\n", "FR-3: Remove a saved card (Should)\n---\n"
    ).replace(
        "- Acceptance: a deleted card no longer appears and its vault token is revoked\n- Priority: Should\n",
        "- Acceptance: a deleted card no longer appears and its vault token is revoked\n",
    )
    prd = parse_prd(text, "prd.md")
    fr3 = prd.functional[2]
    assert (fr3.id, fr3.name, fr3.level) == ("FR-3", "Remove a saved card", "Should")
    assert findings(text) == []


def test_every_section_written_as_a_setext_heading() -> None:
    """``1. Problem`` over ``---`` is Python-Markdown's h2 (not a list item); the title over ``===``."""

    def setext(m: re.Match[str]) -> str:
        return f"{m.group(2)}\n{('=' if m.group(1) == '#' else '-') * len(m.group(2))}"

    text = _SECTION.sub(setext, CLEAN)
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.number) for s in prd.sections] == [(s.key, s.number) for s in BASE.sections]
    assert requirements(prd) == requirements(BASE) and prd.title == BASE.title
    # The sections are read; only PRD803 says that a numbered one renders as a list item in
    # CommonMark (GitHub and the PRD pages), once per numbered section (1-10, not the Appendix).
    assert [rule for rule, _ in findings(text)] == ["PRD803"] * 10


@pytest.mark.parametrize(
    "text",
    [
        "FR-4: Export a month\nas CSV, in one file\n---\n",  # a paragraph of two lines over a rule
        "- FR-4: Export a month (Could)\n- FR-5: Import (Could)\n---\n",  # a list over a rule
        "FR-4: Export a month (Could)\n  ---\n",  # an indented underline is text
    ],
    ids=["paragraph", "list", "indented"],
)
def test_a_rule_under_a_longer_block_is_no_heading(text: str) -> None:
    page = CLEAN.replace("### Non-Functional Requirements\n", f"{text}\n### Non-Functional Requirements\n")
    prd = parse_prd(page, "prd.md")
    assert [s.key for s in prd.sections] == [s.key for s in BASE.sections]
    assert "FR-4" not in {s.title.split(":")[0] for s in prd.sections[4].subsections}


# --- IOSM gates on one line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Gate-S: no new service without an owner", ("S", "", "no new service without an owner")),
        ("**Gate-I:** p95 < 200 ms", ("I", "p95", "< 200 ms")),
        ("Gate-O — p95 latency: < 200 ms", ("O", "p95 latency", "< 200 ms")),
        ("Gate I: semantic clarity ≥ 0.95", ("I", "semantic clarity", "≥ 0.95")),
        ("**Gate-O (Optimize):** P99 ≤ 2 s", ("O", "P99", "≤ 2 s")),
        ("Gate-M (Modularize): coupling low", ("M", "coupling", "low")),
        ("Shrink: at most 12 endpoints", ("S", "", "at most 12 endpoints")),
        ("Gate-I ≥ 0.75", ("I", "", "≥ 0.75")),
        ("Gate-O: p95 latency under 200 ms", ("O", "p95 latency", "under 200 ms")),
        ("Gate-O: error rate 0.1%", ("O", "error rate", "0.1%")),
        ("Gate-O – p95 latency 180–220 ms", ("O", "p95 latency", "180–220 ms")),
        ("**Gate-S** — API surface ≤ 12 endpoints", ("S", "API surface", "≤ 12 endpoints")),
        ("Gate-M: 100% of modules documented", ("M", "", "100% of modules documented")),
        ("Gate-O: Time under load ≤ 5 s", ("O", "Time under load", "≤ 5 s")),
        ("Gate-O owners agreed on this last week", None),  # a sentence about the gate
        ("Gate-Internal: x", None),
        ("**Gate-I:**", None),  # a gate's label alone
    ],
)
def test_one_line_gate_metric_and_target(line: str, expected: tuple[str, str, str] | None) -> None:
    assert gate_statement(line) == expected


ONE_LINE_GATES = """## 10. IOSM Targets

Gate-S: no new service without an owner

**Gate-I:** p95 < 200 ms

- Gate-O — p95 latency: < 200 ms

Gate M: coupling low

### Expected IOSM-Index
**Current baseline:** 0.68
**Target post-implementation:** 0.86
**Delta:** +0.18
"""

METRIC_TABLE = """## 10. IOSM Targets

| Gate | Metric | Target |
|------|--------|--------|
| Gate-I | Test coverage | ≥ 85% |
| Gate-O | P95 latency | 200 |
| | P99 latency | 450 |
| Gate-S | API surface | ≤ 3 |
| Gate-M | Coupling | Low |

### Expected IOSM-Index
**Current baseline:** 0.68
**Target post-implementation:** 0.86
**Delta:** +0.18
"""


def with_iosm(section: str) -> str:
    start, end = CLEAN.index("## 10. IOSM Targets"), CLEAN.index("---\n\n## Appendix")
    return CLEAN[:start] + section + "\n" + CLEAN[end:]


def test_one_line_gates_never_repeat_the_gate_as_the_metric() -> None:
    prd = parse_prd(with_iosm(ONE_LINE_GATES), "prd.md")
    assert [(t.gate, t.metric, t.raw) for t in prd.iosm.targets] == [
        ("S", "", "no new service without an owner"),
        ("I", "p95", "< 200 ms"),
        ("O", "p95 latency", "< 200 ms"),
        ("M", "coupling", "low"),
    ]
    assert prd.iosm.understood and findings(with_iosm(ONE_LINE_GATES)) == []


def test_a_gate_table_with_a_metric_column_is_read_per_metric() -> None:
    """Its targets are metrics (not gate scores between 0 and 1: no PRD502 on ``200``)."""
    text = with_iosm(METRIC_TABLE)
    prd = parse_prd(text, "prd.md")
    assert prd.iosm.form == "list"
    assert [(t.gate, t.metric, t.raw) for t in prd.iosm.targets] == [
        ("I", "Test coverage", "≥ 85%"),
        ("O", "P95 latency", "200"),
        ("O", "P99 latency", "450"),  # a blank gate cell: the gate above
        ("S", "API surface", "≤ 3"),
        ("M", "Coupling", "Low"),
    ]
    assert findings(text) == []


def test_review_tells_one_line_targets_apart() -> None:
    base = parse_prd(with_iosm(ONE_LINE_GATES), "prd.md")
    head = parse_prd(with_iosm(ONE_LINE_GATES.replace("p95 < 200 ms", "p95 < 150 ms")), "prd.md")
    assert [(c.kind, c.what) for c in compare(base, head)] == [("iosm_tightened", "I `p95`")]


# --- Owners and front matter ------------------------------------------------------------------

OWNER_LINE = "**Owner:** Payments Team\n"
assert OWNER_LINE in CLEAN


@pytest.mark.parametrize(
    "owners",
    [
        "**Owner:** Payments Team, Ravi Shah\n",
        "**Owner:** Payments Team\n**Owner:** Ravi Shah\n",
        "**Owners:**\n- Payments Team\n- Ravi Shah\n",
        "**Owners:**\n\n- Payments Team\n- Ravi Shah\n\n**Status:** Approved\n",
        "- **Owners:**\n  - Payments Team\n  - Ravi Shah\n",
    ],
    ids=["one-line", "two-lines", "list", "list-after-blank", "nested-list"],
)
def test_every_owner_is_the_owner(owners: str) -> None:
    text = CLEAN.replace(OWNER_LINE, owners)
    prd = parse_prd(text, "prd.md")
    assert prd.metadata.value("owner") == "Payments Team, Ravi Shah"
    assert findings(text) == []


@pytest.mark.parametrize(
    ("front", "status", "owner"),
    [
        ('status: "**Approved**"\nowner: "[Ann Lee](mailto:ann@x.io)"\n', "Approved", "Ann Lee"),
        ("status: '`Approved`'\nowner: '*Ann Lee*'\n", "Approved", "Ann Lee"),
        ("owner:\n  - '[Ann Lee](mailto:ann@x.io)'\n  - Bo Chen\n", "Approved", "Ann Lee, Bo Chen"),
    ],
)
def test_front_matter_values_are_read_like_header_values(front: str, status: str, owner: str) -> None:
    header_text = CLEAN.replace(OWNER_LINE, "")
    if "status" in front:
        header_text = header_text.replace("**Status:** Approved\n", "")
    text = f"---\n{front}---\n{header_text}"
    prd = parse_prd(text, "prd.md")
    assert (prd.status, prd.metadata.value("owner")) == (status, owner)
    assert findings(text) == []


# --- One real build: page, card, anchors, export and lint agree -------------------------------

GATE_HEADINGS = """## 10. IOSM Targets

### Gate-I: branch coverage ≥ 85%
### Gate-O: p95 latency < 300 ms
### Gate-S: no new service without an owner
### Gate-M (Modularize): coupling low

### Expected IOSM-Index
**Current baseline:** 0.68
**Target post-implementation:** 0.86
**Delta:** +0.18
"""


CLEAN_HEADER = (
    "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    "**Owner:** Payments Team\n**Status:** Approved\n\n---\n"
)
assert CLEAN_HEADER in CLEAN
ONE_LINE_HEADER = CLEAN.replace(
    CLEAN_HEADER,
    "**Version:** 1.2 | **Date:** 2026-02-03 | **Track ID:** one-line | **Owner:** Payments Team"
    " | **Status:** Approved\n---\n",
)

LISTED = re.sub(
    r"## 8\. Acceptance Criteria.*?(?=## 9\.)",
    "## 8. Acceptance Criteria\n\n1. FR-1 verified in staging\n2. UC-1 verified\n\n",
    CLEAN,
    flags=re.DOTALL,
).replace("saved-payment-methods", "listed-criteria")

SITE_PAGES = {
    "prds/remark.md": CLEAN.replace("**Status:** Approved", "**Status:** Approved (2026-11-10)").replace(
        "saved-payment-methods", "status-remark"
    ),
    "prds/listed.md": LISTED,
    "prds/oneline.md": ONE_LINE_HEADER,
    "prds/gates.md": with_iosm(GATE_HEADINGS).replace("saved-payment-methods", "gate-headings"),
    "prds/req.md": req_ids(CLEAN).replace("saved-payment-methods", "req-ids"),
    "prds/setext.md": req_headings(CLEAN, "-").replace(
        OWNER_LINE, "**Owner:** Payments Team\n**Owner:** Ravi Shah\n"
    ),
    "prds/front.md": '---\nowner: "[Ann Lee](mailto:ann@x.io)"\n---\n'
    + with_iosm(ONE_LINE_GATES).replace(OWNER_LINE, "").replace("saved-payment-methods", "front-owner"),
    "index.md": "# Home\n\n<!-- prd-index -->\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("drift"), SITE_PAGES, {"paths": ["prds/**"]})


def article(site: Site, page: str) -> str:
    html = site.html(f"{page}/index.html")
    return html[html.index("<article") : html.index("</article>")]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_build_setext_requirements_have_their_anchor_once_and_text_once(site: Site) -> None:
    body = article(site, "prds/setext")
    for anchor in ("fr-1", "fr-2", "fr-3", "nfr-1", "nfr-5"):
        assert body.count(f'id="{anchor}"') == 1, anchor
    text = text_of(body)
    assert text.count("Remove a saved card") == 1 and "-----" not in text
    assert "Payments Team, Ravi Shah" in text_of(body[: body.index("Problem")])  # the card shows both


def test_build_req_ids_have_their_anchor(site: Site) -> None:
    body = article(site, "prds/req")
    for anchor in ("req-pay-001", "req-pay-003", "req-qual-1", "req-qual-5"):
        assert body.count(f'id="{anchor}"') == 1, anchor
    assert text_of(body).count("REQ-PAY-002") == 1


def test_build_card_and_iosm_table_of_front_matter_and_one_line_gates(site: Site) -> None:
    body = article(site, "prds/front")
    assert 'href="mailto:ann@x.io"' in body and "[Ann Lee]" not in body
    table = body[body.index('class="prd-iosm') :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<td>([^<]*)</td>", table)
    assert "p95 latency" in cells and "Gate-O" not in cells and "Gate-S" not in cells


def test_build_gate_headings_show_each_target_once(site: Site) -> None:
    text = text_of(article(site, "prds/gates"))
    for target in ("branch coverage", "p95 latency", "no new service without an owner", "coupling"):
        assert text.count(target) == 1, target


def test_a_one_line_header_over_a_rule_stays_the_header(site: Site) -> None:
    """Python-Markdown makes it a setext h2, but the card replaces the line: it is the header."""
    prd = parse_prd(ONE_LINE_HEADER, "prd.md")
    assert prd.metadata.value("track_id") == "one-line" and prd.sections[0].key == "problem"
    assert findings(ONE_LINE_HEADER) == []
    body = article(site, "prds/oneline")
    assert "<hr" in body and "Version:" not in body and body.count("one-line") == 1


def test_build_card_counts_criteria_without_a_written_state(site: Site) -> None:
    card = text_of(article(site, "prds/listed"))
    assert "2 acceptance criteria" in card and "No acceptance criteria" not in card
    assert "criteria met" not in card
    rows = {p["src_path"]: p for p in json.loads(site.html("prd-index.json"))["prds"]}
    assert rows["prds/listed.md"]["acceptance"]["total"] == 0  # progress only where a state is written


def test_build_a_status_remark_replaces_the_header(site: Site) -> None:
    body = article(site, "prds/remark")
    assert body.count("status-remark") == 1 and body.count("2026-11-10") == 1
    assert 'class="prd-card__status-note">2026-11-10</span>' in body


def test_build_lint_and_export_agree(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    logged = sorted(m for m in site.messages() if re.search(r"\bPRD[0-9]{3}\b", m))
    assert cli(["lint", "--format", "json", "-f", str(site.root / "mkdocs.yml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["findings"] if isinstance(data, dict) else data) == [] == logged
    export = json.loads(site.html("prd-index.json"))
    owners = {p["src_path"]: p["owner"] for p in export["prds"]}
    assert owners == {
        "prds/setext.md": "Payments Team, Ravi Shah",
        "prds/front.md": "Ann Lee",
        "prds/req.md": "Payments Team",
        "prds/gates.md": "Payments Team",
        "prds/oneline.md": "Payments Team",
        "prds/listed.md": "Payments Team",
        "prds/remark.md": "Payments Team",
    }


# --- Attacked forms: section numbers, status remarks, criteria, definition lists -------------

_NUMBERED = re.compile(r"^## ([0-9]+)\. (.+)$", re.MULTILINE)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@pytest.mark.parametrize(
    "numbered",
    [
        "{n}) {t}",
        "§{n} {t}",
        "Section {n} - {t}",
        "Section {n}: {t}",
        "{n}: {t}",
        "{n}.{t}",
        "{r}. {t}",
        "🎯 {n}. {t}",
        "**{n}. {t}**",
        # drift10: a number in brackets, a label's colon after the title
        "({n}) {t}",
        "({r}) {t}",
        "({n}) {t}:",
        "{n}. {t}:",
        "{r}. {t} :",
        "{n}) {t}：",
        "[{n}] {t}",
        "{r} - {t}",
        "{r}: {t}",
        "Chapter {r}: {t}",
        "{n}.) {t}",
        "0{n}. {t}",
        "{n}.0 {t}",
    ],
)
def test_a_section_number_in_any_form_is_its_number(numbered: str) -> None:
    text = _NUMBERED.sub(
        lambda m: "## " + numbered.format(n=m.group(1), t=m.group(2), r=_ROMAN[int(m.group(1)) - 1]), CLEAN
    )
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.number, s.title) for s in prd.sections] == [
        (s.key, s.number, s.title) for s in BASE.sections
    ]
    assert findings(text) == []


@pytest.mark.parametrize(
    "decorated",
    [
        "## {n}. {t} {{#s{n}}}",
        "## {n}. {t} {{: #s{n} .wide }}",
        '## <a name="s{n}"></a>{n}. {t}',
        '## <a id="s{n}"></a> {n}. {t}',
        '## {n}. {t} <span id="s{n}"></span>',
        "## {n}. {t}[^{n}]",
        "## {n}. {t} {{#s{n}}} ##",
    ],
)
def test_a_heading_with_an_anchor_or_attribute_list_is_its_text(decorated: str) -> None:
    """What a heading carries that the page does not show as its text (an attr_list
    ``{#id}``, an empty ``<a name>`` anchor from a Confluence or pandoc export, a footnote
    reference) is not part of its number or title: sections, requirement headings, PRD202."""

    def one(m: re.Match[str]) -> str:
        return decorated.format(n=m.group(1), t=m.group(2))

    headings = req_headings(CLEAN, "####").replace(
        "#### FR-2: Pay with a saved card", "#### FR-2: Pay with a saved card {#pay}"
    )
    text = _NUMBERED.sub(one, headings)
    text += "".join(f"\n[^{n}]: note {n}\n" for n in range(1, 11))
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.number, s.title) for s in prd.sections] == [
        (s.key, s.number, s.title) for s in BASE.sections
    ]
    assert [(r.id, r.name) for r in prd.functional] == [(r.id, r.name) for r in BASE.functional]
    assert findings(text) == []


@pytest.mark.parametrize(
    "title",
    ["# PRD: Saved Payment Methods {#top}", '# <a name="top"></a>PRD: Saved Payment Methods'],
)
def test_a_title_with_an_anchor_or_attribute_list_is_its_text(title: str) -> None:
    text = CLEAN.replace("# PRD: Saved Payment Methods", title)
    assert parse_prd(text, "prd.md").title == BASE.title
    assert findings(text) == []


def test_an_attribute_list_in_a_long_heading_is_read_in_linear_time() -> None:
    def run(n: int) -> Callable[[], object]:
        text = "# PRD: X\n\n## " + " {" * n + " }\n" + "## " + '<a x="1"' * n + "\n"
        return lambda: parse_prd(text, "prd.md")

    assert_linear("heading attr list", run(5000), run(5000 * GROWTH))


def test_a_misnumbered_section_in_brackets_is_reported_with_its_number() -> None:
    """``(3) Scope`` in the fourth place is numbered 3 (PRD202), not a section without a number."""
    text = _NUMBERED.sub(lambda m: f"## ({m.group(1)}) {m.group(2)}:", CLEAN)
    text = text.replace("## (4) Scope", "## (3) Scope")
    found = [(rule, message) for rule, message in findings(text) if rule == "PRD202"]
    assert len(found) == 1 and "`Scope` is numbered 3; expected 4" in found[0][1], found


def test_a_section_named_by_its_number_alone_in_another_form() -> None:
    """``§8 Definition of Done`` names no template section: its number makes it section 8;
    a PRD really missing a section still gets PRD201."""
    text = CLEAN.replace("## 8. Acceptance Criteria", "## §8 Definition of Done")
    assert parse_prd(text, "prd.md").sections[7].key == "acceptance"
    assert findings(text) == []
    start, end = CLEAN.index("## 7. Risks"), CLEAN.index("## 8. Acceptance")
    gap = re.sub(r"^## ([0-9]+)\. ", r"## §\1 ", CLEAN[:start] + CLEAN[end:], flags=re.MULTILINE)
    assert "PRD201" in {rule for rule, _ in findings(gap)}


@pytest.mark.parametrize(
    "status",
    [
        "Approved (2026-11-03)",
        "Approved on 2026-11-03",
        "Approved 2026-11-03",
        "Approved — 3 Nov 2026",
        "Approved since 3 Nov 2026",
        "Approved by the CFO on 1 Dec 2026",
        "Approved Nov 3, 2026",
        "Approved in v1.2",
    ],
)
def test_a_status_with_a_date_or_remark_is_its_word(status: str) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {status}")
    prd = parse_prd(text, "prd.md")
    assert prd.status == "Approved"
    assert findings(text) == []


@pytest.mark.parametrize("status", ["Stage 2", "In validation", "On hold"])
def test_a_status_that_is_not_a_site_status_is_still_reported(status: str) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {status}")
    assert parse_prd(text, "prd.md").status == status
    assert "PRD102" in {rule for rule, _ in findings(text)}


_ACCEPTANCE = CLEAN[CLEAN.index("## 8. Acceptance Criteria") : CLEAN.index("## 9. Rollout")]
AC_TABLE = """## 8. Acceptance Criteria

| ID | Criterion | Status |
|----|-----------|--------|
| AC-1 | FR-1 to FR-3 met in staging | ✅ Done |
| AC-2 | UC-1 and UC-2 verified | Pass |
| AC-3 | P95 latency below 300 ms | Pending |

"""
AC_LINES = """## 8. Acceptance Criteria

AC1: FR-1 to FR-3 met in staging ✅
AC2: UC-1 and UC-2 verified by the QA team

- **AC-3:** API endpoints return the documented responses
- AC-4 - P95 latency below 300 ms

"""


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (AC_TABLE, [("AC-1", True), ("AC-2", True), ("AC-3", False)]),
        (AC_LINES, [("AC-1", True), ("AC-2", False), ("AC-3", False), ("AC-4", False)]),
    ],
    ids=["table", "lines"],
)
def test_acceptance_criteria_as_a_table_or_ac_lines(section: str, expected: list[tuple[str, bool]]) -> None:
    text = CLEAN.replace(_ACCEPTANCE, section)
    prd = parse_prd(text, "prd.md")
    ids = {r.line: r.local for r in local_ids(prd) if r.kind == "AC"}
    assert [(ids.get(c.line), c.checked) for c in prd.criteria] == expected
    assert findings(text) == []
    implemented = text.replace("**Status:** Approved", "**Status:** Implemented")
    unchecked = sum(1 for _, done in expected if not done)
    assert (
        "PRD401",
        f"Status is Implemented but {unchecked} of {len(expected)} acceptance criteria "
        f"{'is' if unchecked == 1 else 'are'} unchecked",
    ) in (findings(implemented))


def test_requirements_in_a_definition_list() -> None:
    def term(m: re.Match[str]) -> str:
        return f"{m.group(1)} ({m.group(4)})\n:   {m.group(2).capitalize()}.\n:   Acceptance: {m.group(3)}\n"

    text = re.sub(
        r"\*\*(FR-[0-9]+: [^*]+)\*\*\n- Description: (.+)\n- Acceptance: (.+)\n- Priority: (\w+)\n",
        term,
        CLEAN,
    )
    assert ":   Acceptance:" in text
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name, r.level) for r in prd.functional] == [
        (r.id, r.name, r.level) for r in BASE.functional
    ]
    assert prd.functional[0].statement.startswith("A shopper can save the card")
    assert findings(text) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("180–220 ms", (None, None, "", True)),  # a range: shown as written, never "180" in "–220"
        ("10-20%", (None, None, "", True)),
        ("1 to 2 s", (None, None, "", True)),
        ("≤ 2 GiB", ("<=", 2.0, "GiB", False)),
        ("< 300 µs", ("<", 300.0, "µs", False)),
        (">= 3 replicas", (">=", 3.0, "replicas", False)),
        ("under 200 ms", ("<", 200.0, "ms", False)),
        ("within 5 min", ("<=", 5.0, "min", False)),
        ("-5%", (None, -5.0, "%", False)),
    ],
)
def test_iosm_target_units_and_ranges(raw: str, expected: tuple[str | None, float | None, str, bool]) -> None:
    assert parse_target(raw) == expected


def test_sections_written_as_bold_lines() -> None:
    """``**1. Problem**`` alone on its line, the way word-processor exports title sections."""
    text = re.sub(r"^## ([0-9]+\. .+|Appendix)$", r"**\1**", CLEAN, flags=re.MULTILINE)
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.number, s.title) for s in prd.sections] == [
        (s.key, s.number, s.title) for s in BASE.sections
    ]
    assert requirements(prd) == requirements(BASE) and len(prd.iosm.targets) == len(BASE.iosm.targets)
    assert findings(text) == []
    # A page with its sections as headings keeps its bold numbered lines as text.
    mixed = CLEAN.replace("**Current state:**", "**1. Current state**\n\n**2. Scope notes**\n\n**3. Risks**")
    assert [(s.key, s.title) for s in parse_prd(mixed, "prd.md").sections] == [
        (s.key, s.title) for s in BASE.sections
    ]


def test_req_ids_are_requirement_ids() -> None:
    """``REQ-PAY-001`` is an id like ``FR-1``; functional or not by the subsection it stands in."""
    text = req_ids(CLEAN).replace("FR-1 to FR-3 met", "REQ-PAY-001 to REQ-PAY-003 met")
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name, r.level) for r in prd.functional] == [
        (f"REQ-PAY-00{i}", r.name, r.level) for i, r in enumerate(BASE.functional, 1)
    ]
    assert [(r.id, r.kind) for r in prd.non_functional][:2] == [
        ("REQ-QUAL-1", "non-functional"),
        ("REQ-QUAL-2", "non-functional"),
    ]
    kinds = {r.local: r.kind for r in local_ids(prd)}
    assert (kinds["REQ-PAY-002"], kinds["REQ-QUAL-1"]) == ("FR", "NFR")
    assert findings(text) == []
    # "Req-based", "REQ-AUTH" (no number): words, not ids.
    assert gate_statement("Req-based access") is None
    assert parse_prd(text.replace("REQ-PAY-003: ", "REQ-AUTH: "), "prd.md").functional[2].id is None


_USE_CASES = CLEAN[CLEAN.index("### Use Cases") : CLEAN.index("## 4. Scope")]
_PERSONAS = CLEAN[CLEAN.index("### Primary Personas") : CLEAN.index("### Use Cases")]


def test_use_cases_and_personas_as_tables() -> None:
    text = CLEAN.replace(
        _USE_CASES,
        "### Use Cases\n\n| ID | Use case | Actor | Outcome |\n|----|----|----|----|\n"
        "| UC-1 | Save a card at checkout | Returning shopper | Card in wallet |\n"
        "| UC-2 | Pay with a saved card | Returning shopper | Order paid |\n\n---\n\n",
    ).replace(
        _PERSONAS,
        "### Primary Personas\n\n| Persona | Role | Pain point |\n|----|----|----|\n"
        "| Returning shopper | Buys monthly | Retypes the card |\n"
        "| Support agent | Answers tickets | Card questions |\n\n",
    )
    prd = parse_prd(text, "prd.md")
    assert [(u.id, u.name) for u in prd.use_cases] == [(u.id, u.name) for u in BASE.use_cases]
    assert prd.use_cases[0].attributes[0].key == "Actor"
    assert [(p.name, p.attributes[0].value) for p in prd.personas] == [
        ("Returning shopper", "Buys monthly"),
        ("Support agent", "Answers tickets"),
    ]
    assert {r.local for r in local_ids(prd)} >= {"UC-1", "UC-2"}
    assert findings(text) == []


def test_gate_headings_that_state_their_target() -> None:
    """``### Gate-O: p95 latency < 300 ms`` is the gate and its target: no empty section."""
    text = with_iosm(GATE_HEADINGS)
    prd = parse_prd(text, "prd.md")
    assert [(t.gate, t.metric, t.raw) for t in prd.iosm.targets] == [
        ("I", "branch coverage", "≥ 85%"),
        ("O", "p95 latency", "< 300 ms"),
        ("S", "", "no new service without an owner"),
        ("M", "coupling", "low"),
    ]
    assert prd.iosm.understood and findings(text) == []
    # A gate heading with nothing under it and no target is still an empty section.
    bare = with_iosm(
        GATE_HEADINGS.replace("### Gate-S: no new service without an owner", "### Gate-S (Shrink)")
    )
    assert ("PRD203", "Section `Gate-S (Shrink)` has no content") in findings(bare)


@pytest.mark.parametrize(
    ("front", "owner"),
    [
        ("owner:\n  name: Ann Lee\n  email: ann@x.io\n", "Ann Lee"),
        ("authors:\n  - name: Ann Lee\n  - name: Bo Chen\n", "Ann Lee, Bo Chen"),
        ("owners:\n  - Ann Lee\n  - team: Payments\n", "Ann Lee, Payments"),
    ],
)
def test_front_matter_people_written_as_mappings(front: str, owner: str) -> None:
    text = f"---\n{front}---\n" + CLEAN.replace(OWNER_LINE, "")
    assert parse_prd(text, "prd.md").metadata.value("owner") == owner
    assert findings(text) == []


# --- From the new-user report: decimal commas, criteria and questions as written ----------

_INDEX = "**Current baseline:** 0.68\n**Target post-implementation:** 0.86\n**Delta:** +0.18"
assert _INDEX in CLEAN


@pytest.mark.parametrize(
    ("index", "values", "rules"),
    [
        (_INDEX.replace("0.", "0,"), (0.68, 0.86, 0.18), []),  # decimal commas
        (_INDEX.replace("+0.18", "+0,20").replace("0.", "0,"), (0.68, 0.86, 0.2), ["PRD503"]),
        (_INDEX.replace("0.86", "≈0.86"), (0.68, 0.86, 0.18), []),
        (_INDEX.replace("0.86", "**0.86**"), (0.68, 0.86, 0.18), []),
        (_INDEX.replace("0.86", "85%"), (0.68, 85.0, 0.18), ["PRD502"]),  # no follow-on PRD503
        (_INDEX.replace("0.86", "1,250"), (0.68, 1250.0, 0.18), ["PRD502"]),  # thousands, not 1.25
    ],
)
def test_index_figures_as_written(index: str, values: tuple[float, ...], rules: list[str]) -> None:
    text = CLEAN.replace(_INDEX, index)
    idx = parse_prd(text, "prd.md").iosm.index
    assert (idx.baseline.value, idx.target.value, idx.delta.value) == values  # type: ignore[union-attr]
    assert "*" not in idx.target.raw  # type: ignore[union-attr]
    assert [rule for rule, _ in findings(text)] == rules


def test_gate_table_and_targets_with_decimal_commas() -> None:
    assert parse_target("≥0,95") == (">=", 0.95, "", False)
    assert parse_target("2,000 req/s") == (None, 2000.0, "req/s", False)
    text = with_iosm(
        "## 10. IOSM Targets\n\n| Gate | Baseline | Target | Expected Δ |\n|---|---|---|---|\n"
        "| **Gate-I** | 0,72 | ≥0,75 | +0,03 |\n| **Gate-O** | 0,60 | ≥0,70 | +0,10 |\n"
        "| **Gate-S** | 0,65 | ≥0,65 | 0 |\n| **Gate-M** | 0,70 | ≥0,80 | +0,10 |\n"
        "| **IOSM-Index** | 0,68 | 0,86 | +0,18 |\n"
    )
    prd = parse_prd(text, "prd.md")
    assert [t.value for t in prd.iosm.targets] == [0.75, 0.7, 0.65, 0.8]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("body", "expected", "open_when_implemented"),
    [
        ("1. FR-1 verified in staging\n2. UC-1 verified\n", [(False, False), (False, False)], 0),
        (
            "- ✅ FR-1 verified\n- ❌ Load test at peak\n- ⏳ Runbook reviewed\n",
            [(True, True), (False, True), (False, True)],
            2,
        ),
        (
            "| ID | Criterion | Status |\n|---|---|---|\n"
            "| AC-1 | FR-1 verified | ✅ Done |\n| AC-2 | Load test | ⏳ Open |\n",
            [(True, True), (False, True)],
            1,
        ),
        ("| ID | Criterion |\n|---|---|\n| AC-1 | FR-1 verified |\n", [(False, False)], 0),
    ],
    ids=["numbered", "marks", "table", "table-without-status"],
)
def test_criteria_count_as_written(
    body: str, expected: list[tuple[bool, bool]], open_when_implemented: int
) -> None:
    """Every criterion the section lists counts; met or open only where its state is written."""
    text = CLEAN.replace(_ACCEPTANCE, f"## 8. Acceptance Criteria\n\n{body}\n")
    prd = parse_prd(text, "prd.md")
    assert [(c.checked, c.stated) for c in prd.criteria] == expected
    implemented = findings(text.replace("**Status:** Approved", "**Status:** Implemented"))
    assert len([r for r, _ in implemented if r == "PRD401"]) == (1 if open_when_implemented else 0)


@pytest.mark.parametrize(
    ("body", "questions"),
    [
        (
            "| # | Question | Owner |\n|---|---|---|\n"
            "| 1 | Amex at launch? | Ana |\n| 2 | Regions? | Ravi |\n",
            2,
        ),
        ("- [x] Amex at launch? Yes.\n- [ ] Regions first?\n- ~~Store the CVC?~~ Resolved: never.\n", 1),
        ("- Keep tokens two years? Resolved\n- Regions first?\n", 1),
    ],
    ids=["table", "ticked-and-struck", "resolved"],
)
def test_open_questions_as_written(body: str, questions: int) -> None:
    section = CLEAN[CLEAN.index("### Open Questions") : CLEAN.index("### Change Log")]
    text = CLEAN.replace(section, f"### Open Questions\n\n{body}\n")
    assert len(parse_prd(text, "prd.md").open_questions) == questions


@pytest.mark.parametrize(
    ("status", "note"),
    [
        ("Approved (2026-11-10)", "2026-11-10"),
        ("Draft (awaiting review)", "awaiting review"),
        ("Approved on 2026-11-03", "on 2026-11-03"),
        ("✅ **Approved**", ""),
    ],
)
def test_a_status_remark_is_on_the_card_and_the_header_is_replaced(status: str, note: str) -> None:
    text = CLEAN.replace("**Status:** Approved", f"**Status:** {status}")
    prd = parse_prd(text, "prd.md")
    assert prd.metadata.header_replaceable
    assert card_view(prd, Labels()).status_note == note


def test_moscow_letters_in_a_priority_field_are_levels() -> None:
    fr = CLEAN[CLEAN.index("### Functional Requirements") : CLEAN.index("### Non-Functional Requirements")]
    table = (
        "### Functional Requirements\n\n| ID | Requirement | Acceptance | MoSCoW |\n|---|---|---|---|\n"
        "| FR-1 | Save a card | Wallet lists it | M |\n| FR-2 | Pay with a saved card | CVC only | M |\n"
        "| FR-3 | Remove a saved card | Token revoked | S |\n\n"
    )
    for text in (CLEAN.replace(fr, table), CLEAN.replace("Priority: Must", "Priority: M")):
        prd = parse_prd(text, "prd.md")
        assert [r.level for r in prd.functional] == [r.level for r in BASE.functional]
        assert findings(text) == []
    assert parse_prd(CLEAN.replace("Priority: Must", "Priority: X"), "prd.md").functional[0].level is None


@pytest.mark.parametrize(
    ("change", "rules"),
    [
        # A colon inside brackets is no "Key: value": the item is prose, not a filler value.
        (
            ("### Goals\n", "### Goals\n1. Fewer tickets filed right after a failed search (target: TBD)\n"),
            [],
        ),
        # "[ ]" and "[x]" named in prose are check boxes, not template placeholders.
        (("### Goals\n", "### Goals\n1. The [ ] in the wallet becomes [x] when a card is saved\n"), []),
        # A required field that is filler with a remark is still unfilled (PRD110, info).
        (("**Owner:** Payments Team", "**Owner:** TBD (Search team)"), ["PRD110"]),
        # The template's own variables are still placeholders.
        (("- P50 latency: ≤120ms", "- P50 latency: ≤[X]ms"), ["PRD107"]),
    ],
)
def test_brackets_in_prose(change: tuple[str, str], rules: list[str]) -> None:
    text = CLEAN.replace(*change, 1)
    assert text != CLEAN
    assert [rule for rule, _ in findings(text)] == rules


def test_a_decided_later_remark_with_content_is_no_filler_and_euro_actuals() -> None:
    text = CLEAN.replace(
        "### Goals\n", "### Goals\n1. TBD: need numbers from support. Rough guess: 20-30%\n", 1
    )
    assert findings(text) == []
    actuals = from_front_matter({"index": "0,71"})
    assert actuals.index is not None and actuals.index.value == 0.71


@pytest.mark.parametrize("mark", ["**{}**", "__{}__", "**{}:**", "**{}**\n"])
def test_appendix_parts_titled_by_bold_lines(mark: str) -> None:
    """An appendix whose parts are bold lines over their lists (``**References**`` then a blank
    line and the list, as Notion and Google Docs exports write them) reads as under ``###``
    headings: references, open questions and the change log (were: none of the first two)."""
    text = CLEAN
    for title in ("References", "Open Questions", "Change Log"):
        text = text.replace(f"### {title}\n", mark.format(title) + "\n", 1)
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")

    def parts(p: Prd) -> tuple[list[str], list[str], list[str]]:
        return (
            [r.text for r in p.references],
            [q.text for q in p.open_questions],
            [c.version for c in p.changelog],
        )

    assert parts(prd) == parts(BASE)
    assert findings(text) == []


@pytest.mark.parametrize("mark", ["**{}**", "__{}__", "**{}**\n"])
def test_goals_and_non_goals_titled_by_bold_lines(mark: str) -> None:
    """``**Non-Goals**`` alone on its line over the list is the non-goals' title, as
    ``**Non-Goals:**`` is (was: its items counted as goals, and no non-goal)."""
    text = CLEAN.replace("### Goals\n", mark.format("Goals") + "\n", 1)
    text = text.replace(
        "### Non-Goals (explicitly out of scope for MVP)\n", mark.format("Non-Goals") + "\n", 1
    )
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert [g.text for g in prd.goals] == [g.text for g in BASE.goals]
    assert [g.text for g in prd.non_goals] == [g.text for g in BASE.non_goals]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("goals", "users"),
    [
        (
            "Goals: a dark theme that follows the OS. Non-goals: custom themes.",
            "Personas: night-shift agents. Use cases: UC-1 — the admin follows the OS theme.",
        ),
        (
            "**Goals:** a dark theme that follows the OS. **Non-goals:** custom themes.",
            "**Personas:** night-shift agents; **Use cases:** the admin follows the OS theme.",
        ),
        (
            "Goals: a dark theme that follows the OS! Out of scope: custom themes.",
            "Primary users: night-shift agents. User stories: an agent turns the theme on.",
        ),
    ],
)
def test_two_parts_labelled_on_one_line(goals: str, users: str) -> None:
    """A short PRD names both parts of a section on one line, the second after a sentence:
    ``Goals: … Non-goals: …`` (was: PRD204 for the second part, and the non-goals read as goals)."""
    start, end = CLEAN.index("### Goals"), CLEAN.index("## 3. Users")
    text = CLEAN[:start] + goals + "\n\n" + CLEAN[end:]
    start, end = text.index("### Primary Personas"), text.index("## 4. Scope")
    text = text[:start] + users + "\n\n" + text[end:]
    prd = parse_prd(text, "prd.md")
    assert [g.text for g in prd.goals] == ["a dark theme that follows the OS" + goals.split("OS")[1][0]]
    assert [g.text for g in prd.non_goals] == ["custom themes."]
    assert findings(text) == []


def test_a_sentence_with_a_colon_after_a_label_stays_one_part() -> None:
    """A second label that names no part (``Note: …``) or the same part leaves the text whole."""
    start, end = CLEAN.index("### Goals"), CLEAN.index("## 3. Users")
    text = CLEAN[:start] + "Goals: one theme. Note: it follows the OS.\n\n" + CLEAN[end:]
    prd = parse_prd(text, "prd.md")
    assert [g.text for g in prd.goals] == ["one theme. Note: it follows the OS."]
    assert ("PRD204", "Section `Goals / Non-goals` has no Non-Goals subsection") in findings(text)


def test_every_heading_in_bold_as_google_docs_exports_it() -> None:
    """``## **1\\. Problem**`` … ``## **Appendix**``: each section keeps its number and its title
    without the marks, the unnumbered Appendix too (was: titled ``**Appendix**`` in findings)."""
    text = re.sub(r"^(#{2,3}) (.+)$", r"\1 **\2**", CLEAN, flags=re.MULTILINE)
    text = re.sub(r"^## \*\*([0-9]+)\. ", r"## **\1\\. ", text, flags=re.MULTILINE)
    assert "## **Appendix**" in text and "## **1\\. Problem**" in text
    prd = parse_prd(text, "prd.md")
    assert [(s.key, s.number, s.title) for s in prd.sections] == [
        (s.key, s.number, s.title) for s in BASE.sections
    ]
    assert findings(text) == []


@pytest.mark.parametrize(
    "items",
    [
        "- **Personas:** shoppers; merchandisers.\n- **Use cases:** UC-1: a shopper finds trainers.",
        "- Personas: shoppers; merchandisers.\n- Use cases: UC-1: a shopper finds trainers.",
        "* __Primary users:__ shoppers; merchandisers.\n* __User stories:__ UC-1: a shopper finds trainers.",
    ],
)
def test_users_parts_as_labelled_list_items(items: str) -> None:
    """``- **Use cases:** …`` is the use cases, not a persona named ``Use cases: …`` (was: two
    personas, no use case)."""
    start, end = CLEAN.index("### Primary Personas"), CLEAN.index("## 4. Scope")
    text = CLEAN[:start] + items + "\n\n---\n\n" + CLEAN[end:]
    prd = parse_prd(text, "prd.md")
    assert [p.name for p in prd.personas] == ["shoppers; merchandisers."]
    assert [(u.id, u.name) for u in prd.use_cases] == [("UC-1", "a shopper finds trainers")]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("1.0.0 Release notes", "1.0.0"),  # a version, not section 1
        ("I Want Faster Exports", None),  # a word, not a Roman numeral
        ("[Draft] Goals", None),
        ("2.1 Goals", "2.1"),  # a subsection's number stays one
        ("i. lower case", None),
    ],
)
def test_what_is_no_section_number_stays_none(title: str, number: str | None) -> None:
    assert split_number(title)[0] == number


@pytest.mark.parametrize(
    ("line", "metric", "target"),
    [
        ("- Gate-M: Kopplung niedrig", "Kopplung", "niedrig"),
        ("- **Gate-M:** acoplamiento bajo", "acoplamiento", "bajo"),
        ("- Gate-M: couplage faible", "couplage", "faible"),
        ("- Gate-M: acoplamento baixo", "acoplamento", "baixo"),
        ("- Gate-M: Kohäsion hoch", "Kohäsion", "hoch"),
        ("- Gate-S: no new service without an owner", "", "no new service without an owner"),
    ],
)
def test_a_qualitative_gate_target_in_another_language_names_its_metric(
    line: str, metric: str, target: str
) -> None:
    """drift10: a level word closing a gate line in German, Spanish, French or Portuguese is the
    target, as ``coupling low`` is; the metric is the words before it (it was no metric)."""
    text = "# PRD: X\n\n## 10. IOSM Targets\n\n" + line + "\n"
    assert [(t.metric, t.raw, t.qualitative) for t in parse_prd(text, "x.md").iosm.targets] == [
        (metric, target, True)
    ]
