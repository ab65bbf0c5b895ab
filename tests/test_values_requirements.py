"""Requirements and values from a new user's site (fix7b, from fresh6's report).

Each kind is a set of written forms that must read as the clean PRD's model reads: the
export of every priority form fits the shipped schema, and so on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from timing import GROWTH, assert_linear

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.decoration import without_link
from mkdocs_prd.core.parse.inline import inline_pieces, plain_value
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.core.sitewide.export import export_entry, load_schema
from mkdocs_prd.core.sitewide.index import index_row, requirement_counts
from mkdocs_prd.core.sitewide.listing import ListingSpec
from mkdocs_prd.html.index_html import IndexOptions, render_listing
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.views import header_stays

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")

# Every spelling of every MoSCoW level a Priority may have, and no level at all.
PRIORITY_FORMS = (
    "Must",
    "MUST",
    "Must have",
    "should-have",
    "Could",
    "Won't",
    "Won’t",
    "won't have",
    "WONT",
    "Will not",
    "Won't-have",
    "🟡 Won't",
    "Later",
)


def test_the_export_of_every_priority_form_fits_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heads = "".join(
        f"**FR-{i}: Thing {i}**\n\n- Acceptance: it works\n- Priority: {form}\n\n"
        for i, form in enumerate(PRIORITY_FORMS, start=1)
    )
    start = CLEAN.index("**FR-1: Save a card**")
    text = CLEAN[:start] + heads + CLEAN[CLEAN.index("### Non-Functional Requirements") :]
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - prd:\n      paths: [prds/**]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["index"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    (prd,) = data["prds"]
    levels = [r["priority"] for r in prd["trace"] if r["kind"] == "FR"]
    assert levels == [
        *["Must"] * 3,
        "Should",
        "Could",
        *["Won't"] * 7,
        None,
    ]
    assert prd["requirements"] == {"must": 3, "should": 1, "could": 1, "other": 8}


def findings(text: str) -> list[tuple[str, int, str]]:
    prd = parse_prd(text, "prd.md")
    return [(f.rule, f.line, f.message) for f in check_page(prd, text, Settings())]


def every_acceptance(label: str, *, heading: bool = False) -> str:
    """The clean PRD with each requirement's ``- Acceptance:`` bullet named ``label`` (and,
    with ``heading``, the requirement under a heading and its parts as bold label lines)."""
    text = CLEAN.replace("- Acceptance:", f"- {label}")
    if heading:
        for n in (1, 2, 3):
            start = text.index(f"**FR-{n}: ")
            end = text.index("- Priority:", start)
            head, _, parts = text[start:end].partition("\n")
            parts = re.sub(r"^- ([^:]+?\s?:) ", r"**\1** ", parts, flags=re.M)
            text = text[:start] + "#### " + head.strip("*") + "\n\n" + parts + text[end:]
    assert text != CLEAN
    return text


# Acceptance named in each language the plugin reads, singular and plural, with French
# typography (a typographic apostrophe, a space or no-break space before the colon).
ACCEPTANCE_NAMES = (
    "Critères d’acceptation :",
    "Critère d’acceptation :",
    "Critères d’acceptation\u00a0:",
    "Critères d’acceptation\u202f:",
    "Critères d'acceptation:",
    "Criteres d‘acceptation :",
    "Akzeptanzkriterium:",
    "Akzeptanzkriterien:",
    "Abnahmekriterium:",
    "Critério de aceitação:",
    "Critérios de aceitação :",
    "Criterio de aceitacao:",
    "Criterio de aceptación:",
    "Criterios de aceptacion:",
    "Acceptance criterion:",
)


@pytest.mark.parametrize("label", ACCEPTANCE_NAMES)
@pytest.mark.parametrize("heading", [False, True], ids=["bullet", "label-line"])
def test_an_acceptance_named_in_any_language_is_the_acceptance(label: str, heading: bool) -> None:
    assert findings(every_acceptance(label, heading=heading)) == []


@pytest.mark.parametrize("label", ["Akzeptanz der Kunden:", "Critères :", "Aceitar:"])
def test_a_part_with_another_name_is_still_no_acceptance(label: str) -> None:
    assert [f[0] for f in findings(every_acceptance(label))] == ["PRD301"] * 3


def with_fr4(head: str) -> str:
    """The clean PRD with a fourth functional requirement headed ``head``, its parts struck."""
    fr4 = f"{head}\n- ~~Description: Offer store credit instead of cash.~~\n- ~~Priority: Should~~\n\n"
    return CLEAN.replace("### Non-Functional Requirements", fr4 + "### Non-Functional Requirements")


@pytest.mark.parametrize(
    "head",
    [
        "**~~FR-4: Store credit~~** (dropped 2026-02-01)",
        "~~**FR-4: Store credit**~~ — dropped",
        "**~~FR-4: Store credit~~**",
        "__~~FR-4: Store credit~~__",
        "**~~FR-4~~: Store credit**",
        "**FR-4: ~~Store credit~~** (dropped)",
        "**<del>FR-4: Store credit</del>**",
        "**<s>FR-4: Store credit</s>** — withdrawn",
        "#### ~~FR-4: Store credit~~",
        "- ~~FR-4: Store credit~~",
    ],
)
def test_a_requirement_struck_out_in_its_head_is_withdrawn(head: str) -> None:
    text = with_fr4(head)
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name) for r in prd.functional] == [(r.id, r.name) for r in BASE.functional]
    assert requirement_counts(prd.functional) == requirement_counts(BASE.functional)
    assert findings(text) == []


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("**FR-4: ~~Store~~ Wallet credit**", "Wallet credit"),  # renamed: the old name struck
        ("**FR-4: ~~Store credit~~ → Wallet credit**", "Wallet credit"),
        ("**FR-4: <del>Store credit</del> Wallet credit**", "Wallet credit"),
        ("#### FR-4: ~~Store~~ Wallet credit", "Wallet credit"),
        ("**FR-4: Store credit** (~~Could~~)", "Store credit"),
    ],
)
def test_struck_words_beside_others_keep_the_requirement(head: str, name: str) -> None:
    prd = parse_prd(with_fr4(head), "prd.md")
    assert [(r.id, r.name) for r in prd.functional][3:] == [("FR-4", name)]


# Destinations Python-Markdown reads as a link's URL (Confluence and wiki pages hold "_(…)").
URLS = [
    ("https://wiki.example.com/People/Sign-off_(2026)", "https://wiki.example.com/People/Sign-off_(2026)"),
    ("https://x.example/a_(b)_c_(d)", "https://x.example/a_(b)_c_(d)"),
    ("<https://wiki.example.com/x y>", "https://wiki.example.com/x y"),
    ("<https://wiki.example.com/Priya (PM)>", "https://wiki.example.com/Priya (PM)"),
    ('https://x.example/a_(b) "Sign-off (CAB)"', "https://x.example/a_(b)"),
    ("<https://x.example/a (b)> 'title'", "https://x.example/a (b)"),
]


@pytest.mark.parametrize(("written", "url"), URLS)
@pytest.mark.parametrize(
    ("old", "value"),
    [
        ("**Status:** Approved", "Approved"),
        ("**Owner:** Payments Team", "Payments Team"),
        ("**Version:** 1.2", "1.2"),
        ("**Date:** 2026-02-03", "2026-02-03"),
    ],
)
def test_a_link_whose_url_has_parentheses_or_angle_brackets_is_a_link(
    old: str, value: str, written: str, url: str
) -> None:
    label = old[: old.index(":**") + 3]
    text = CLEAN.replace(old, f"{label} [{value}]({written})", 1)
    prd = parse_prd(text, "prd.md")
    assert findings(text) == []
    assert prd.status == "Approved"
    assert {k: prd.metadata.value(k) for k in ("version", "date", "owner")} == {
        k: BASE.metadata.value(k) for k in ("version", "date", "owner")
    }
    field = prd.metadata.get(label[2:-3].lower())
    assert field is not None and inline_pieces(field.written or field.value)[-1] == ("link", value, url)
    card = str(Renderer().card(prd))
    assert "](" not in card and "&lt;https" not in card


def test_a_bracket_that_is_not_balanced_is_not_a_link() -> None:
    # Python-Markdown reads no link here either: the value stays as written, and is reported.
    text = CLEAN.replace("**Status:** Approved", "**Status:** [Approved](https://x.example/a_(b)", 1)
    assert [f[0] for f in findings(text)] == ["PRD102"]


@pytest.mark.parametrize(
    "piece",
    ["[a](b_(c", "[a](<b (c", "[a](b_(c)_(", "[a](b_(((((", "[a](<b>", "[a](b (c "],
)
def test_reading_link_destinations_is_linear(piece: str) -> None:
    def run(n: int) -> Callable[[], object]:
        value = piece * n
        text = CLEAN.replace("**Owner:** Payments Team", f"**Owner:** {value}", 1)
        return lambda: (inline_pieces(value), without_link(value), parse_prd(text, "prd.md"))

    assert_linear(piece, run(2000), run(2000 * GROWTH))


OWNERS = [
    "[Dana Kim](mailto:dana@example.com)<br>[Lee Park](mailto:lee@example.com)",
    "[Dana Kim](mailto:dana@example.com) <br /> [Lee Park](mailto:lee@example.com)",
    "Dana Kim<BR>[Lee Park](mailto:lee@example.com)",
    "[Dana Kim](mailto:dana@example.com)<br>Lee Park",
    '<a href="mailto:dana@example.com">Dana Kim</a><br><a href="#lee">Lee Park</a>',
    "**[Dana Kim](#dana)**<br>**[Lee Park](#lee)**",
    "[`Dana Kim`](#dana)<br>[`Lee Park`](#lee)",
    "Dana Kim<br>Lee Park",
]


@pytest.mark.parametrize("owner", OWNERS)
@pytest.mark.parametrize("form", ["line", "table"])
def test_owners_separated_by_a_line_break_are_two_people(owner: str, form: str) -> None:
    if form == "line":
        text = CLEAN.replace("**Owner:** Payments Team", f"**Owner:** {owner}", 1)
    else:
        text = CLEAN.replace(
            "**Owner:** Payments Team\n", f"\n| Field | Value |\n|---|---|\n| **Owner** | {owner} |\n\n", 1
        )
    prd = parse_prd(text, "prd.md")
    assert prd.metadata.value("owner") == "Dana Kim, Lee Park"
    row = index_row(prd, "prd/")
    assert export_entry(row)["owner"] == "Dana Kim, Lee Park"
    card = " ".join(re.sub(r"<[^>]+>", "", str(Renderer().card(prd))).split())  # the words shown
    if "](#" in owner or 'href="#' in owner:
        # A link to an anchor shows as text on the card, so the author's header stays on the page
        # as written (the two people on their lines) and the card leaves the owner out: once.
        assert header_stays(prd) and "Dana Kim" not in card
    else:
        assert not header_stays(prd)
        assert "Dana Kim, Lee Park" in card and "KimLee" not in card
    listing = str(render_listing([row], ListingSpec(), IndexOptions(), link=lambda r: r.url))
    assert "kimlee" not in listing.casefold()


@pytest.mark.parametrize("owner", ["[Dana Kim](#d)<br>", "<br>[Dana Kim](#d)", " <br> [Dana Kim](#d) <br>"])
def test_a_line_break_at_the_edge_of_an_owner_separates_nothing(owner: str) -> None:
    assert plain_value(owner) == "Dana Kim"
    assert inline_pieces(owner) == [("link", "Dana Kim", "#d")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("**Owner:** Payments Team", "**Owner:** Payments Team <!-- backup:\nTom Okafor -->"),
        ("**Owner:** Payments Team", "**Owner:** Payments Team <!-- backup:\nTom Okafor\nor Ana -->"),
        ("**Owner:** Payments Team", "**Owner:** Payments Team<!--\n  backup: Tom -->"),
        ("**Status:** Approved", "**Status:** Approved <!-- CAB\n2026-03-14 -->"),
        ("**Version:** 1.2", "**Version:** 1.2 <!-- x --> <!-- bump\non scope change -->"),
        ("**Date:** 2026-02-03", "**Date:** 2026-02-03 <!-- approval\n-->"),
        ("**Track ID:** saved-payment-methods", "**Track ID:** saved-payment-methods <!--\nPAY-1\n-->"),
    ],
)
def test_a_comment_over_several_header_lines_is_hidden(old: str, new: str) -> None:
    text = CLEAN.replace(old, new, 1)
    assert text != CLEAN
    prd = parse_prd(text, "prd.md")
    assert findings(text) == []
    fields = ("version", "date", "track_id", "owner")
    assert {k: prd.metadata.value(k) for k in fields} == {k: BASE.metadata.value(k) for k in fields}
    assert prd.status == BASE.status
    assert prd.metadata.header_replaceable  # the card replaces the header: it is not shown twice
    row = index_row(prd, "prd/")
    shown = str(Renderer().card(prd)) + json.dumps(export_entry(row))
    assert "!--" not in shown and "Tom" not in shown and "bump" not in shown
    # The page's Markdown: the card in place of the header, nothing of it left below.
    pages = PageRenderer(
        build_catalog([("prd.md", text.encode())], Settings()), Renderer(), show_findings=False
    )
    page = pages.markdown("prd.md", text, text)
    head = [line for line in page[: page.index("\n---\n")].split("\n") if line.strip()]
    assert len(head) == 2 and head[1].startswith("<!--prd-fragment-")  # the title, then the card
    assert "Tom" not in page and "bump" not in page


def test_a_comment_the_header_never_closes_stays_text() -> None:
    text = CLEAN.replace("**Owner:** Payments Team", "**Owner:** Payments Team <!-- backup: Tom", 1)
    assert parse_prd(text, "prd.md").metadata.value("owner") == "Payments Team <!-- backup: Tom"


def with_fr4_parts(head: str) -> str:
    """The clean PRD with a fourth functional requirement headed ``head``, with its parts."""
    parts = "- Description: Offer store credit.\n- Acceptance: a refund as credit.\n- Priority: Should"
    fr4 = f"{head}\n{parts}\n\n"
    return CLEAN.replace("### Non-Functional Requirements", fr4 + "### Non-Functional Requirements")


@pytest.mark.parametrize(
    "head",
    [
        "**~~FR-4~~ FR-5: Store credit**",
        "**~~FR-4~~ → FR-5: Store credit**",
        "**<del>FR-4</del> FR-5: Store credit**",
        "**~~FR-4~~ -> FR-5: Store credit**",
        "#### ~~FR-4~~ FR-5: Store credit",
        "**<s>FR-4</s> FR-5 — Store credit**",
    ],
)
def test_a_requirement_renumbered_by_striking_its_old_id_has_the_new_id(head: str) -> None:
    """A renumbering keeps the requirement, under its new id: no PRD301, and the trace, the
    card and review read FR-5 (before: no id, named ``FR-5: Store credit``)."""
    text = with_fr4_parts(head)
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name, r.priority) for r in prd.functional][3:] == [("FR-5", "Store credit", "Should")]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("written", "local"),
    [
        ("**NFR-PERF-1: Performance**", "NFR-PERF-1"),
        ("#### NFR-PERF-1: Performance", "NFR-PERF-1"),
        ("**NFR-PERF-01 – Performance**", "NFR-PERF-01"),
        ("**NFR-API-PERF-2: Performance**", "NFR-API-PERF-2"),
    ],
)
def test_an_nfr_id_with_its_category_is_the_id(written: str, local: str) -> None:
    """``NFR-PERF-1`` (an id with its category, as requirement trackers number them) is the id,
    not ``NFR-PERF`` with a name ``1: Performance``; the trace finds it in prose."""
    text = CLEAN.replace("**NFR-1: Performance**", written)
    text = text.replace(
        "- [x] FR-1 to FR-3 met in staging",
        f"- [x] FR-1 to FR-3 met in staging, saved-payment-methods:{local} too",
    )
    prd = parse_prd(text, "prd.md")
    first = prd.non_functional[0]
    assert (first.id, first.name, first.kind) == (local, "Performance", "non-functional")
    assert findings(text) == []
    catalog = build_catalog([("prd.md", text.encode())], Settings())
    assert catalog.findings["prd.md"] == ()
    assert f"saved-payment-methods:{local}" in catalog.trace.items
    assert [r.target.local for r in catalog.trace.refs["prd.md"] if r.target] == [local]


@pytest.mark.parametrize(
    ("row", "local"),
    [
        ("| NFR-PERF-1 | Performance | P95 < 300 ms |", "NFR-PERF-1"),
        ("| FR-PAY-7 | Export | CSV |", "FR-PAY-7"),
    ],
)
def test_an_id_with_its_category_in_a_table_is_the_id(row: str, local: str) -> None:
    table = f"| ID | Requirement | Target |\n|---|---|---|\n{row}\n\n"
    text = CLEAN.replace("### Non-Functional Requirements\n", "### Non-Functional Requirements\n\n" + table)
    prd = parse_prd(text, "prd.md")
    assert local in [r.id for r in (*prd.functional, *prd.non_functional)]


@pytest.mark.parametrize(
    "item",
    [
        "- [x] **FR-4:** Store credit — Should",
        "- [ ] **FR-4: Store credit** (Should)",
        "- [X] __FR-4:__ Store credit · Should",
        "* [ ] **`FR-4`**: Store credit (Should)",
    ],
)
def test_a_task_item_with_a_bold_id_is_the_requirement(item: str) -> None:
    """A checklist of requirements whose ids are bold (``- [x] **FR-1:** Export — Must``) is read
    as the task item without bold is (before: no id, the box and marks in the name)."""
    text = CLEAN.replace("### Non-Functional Requirements", item + "\n\n### Non-Functional Requirements")
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name, r.priority) for r in prd.functional][3:] == [("FR-4", "Store credit", "Should")]


@pytest.mark.parametrize("sep", ["·", "•", "|", "—", "–"])
@pytest.mark.parametrize("form", ["#### FR-4 {sep} Store credit", "**FR-4 {sep} Store credit**"])
def test_a_separator_between_id_and_name_is_not_the_name(form: str, sep: str) -> None:
    text = with_fr4_parts(form.format(sep=sep))
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name) for r in prd.functional][3:] == [("FR-4", "Store credit")]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("#### 5.1.{n} FR-{n}: {t}", True),  # Confluence's numbered headings
        ("#### 5.1.{n}. FR-{n}: {t}", True),
        ("### 5.{n} FR-{n} – {t}", True),
        ("**FR-{n}:** *{t}*", True),  # the name in italics
        ("**FR-{n}:** _{t}_", True),
        ("#### 5.1.{n} Notes on FR-{n}", False),  # a numbered heading about an id stays prose
    ],
)
def test_numbered_and_italic_requirement_titles(form: str, expected: bool) -> None:
    """``#### 5.1.2 FR-2: Pay`` is FR-2 named Pay (was: no id, named ``5.1.2 FR-2: Pay``), and
    ``**FR-2:** *Pay*`` is named Pay (was: ``*Pay*`` on the card and in the trace)."""
    text = re.sub(
        r"^\*\*FR-(\d): ([^*]+)\*\*$",
        lambda m: form.format(n=m.group(1), t=m.group(2)),
        CLEAN,
        flags=re.MULTILINE,
    )
    prd = parse_prd(text, "prd.md")
    read = [(r.id, r.name) for r in prd.functional]
    assert (read == [(r.id, r.name) for r in BASE.functional]) is expected
    assert findings(text) == []
