"""Drifted but correct PRDs read right (reading3): headings written as setext headings or one
level too high, IOSM gates stated on one line, several owners, front matter with inline markup.

Each kind is checked against the clean golden PRD written the template's way: the drifted
page must read into the same model (requirements, ids, sections, owners), give the same
findings, and a change review between the two forms must see no change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Site, build_site

from mkdocs_prd.adapters.cli.main import main as cli
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.gate_lines import gate_statement
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.review.diff import compare
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.trace.ids import local_ids

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
    assert findings(text) == []


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

SITE_PAGES = {
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


def test_build_card_and_iosm_table_of_front_matter_and_one_line_gates(site: Site) -> None:
    body = article(site, "prds/front")
    assert 'href="mailto:ann@x.io"' in body and "[Ann Lee]" not in body
    table = body[body.index('class="prd-iosm') :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<td>([^<]*)</td>", table)
    assert "p95 latency" in cells and "Gate-O" not in cells and "Gate-S" not in cells


def test_build_lint_and_export_agree(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    logged = sorted(m for m in site.messages() if re.search(r"\bPRD[0-9]{3}\b", m))
    assert cli(["lint", "--format", "json", "-f", str(site.root / "mkdocs.yml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["findings"] if isinstance(data, dict) else data) == [] == logged
    export = json.loads(site.html("prd-index.json"))
    owners = {p["src_path"]: p["owner"] for p in export["prds"]}
    assert owners == {"prds/setext.md": "Payments Team, Ravi Shah", "prds/front.md": "Ann Lee"}
