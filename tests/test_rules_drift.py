"""Missed defects and false findings on drifting PRDs: filler values (PRD110), empty fields
(PRD301/PRD302), risks without mitigation (PRD307), approved PRDs without requirements (PRD308),
and wording a reader calls correct (PRD107, PRD204, PRD304, PRD305, PRD501).

Each defect kind is tested in several forms, and each new check against correct prose that
looks like it (the same words inside a sentence, in code, quoted, in a question list).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


def variant(*pairs: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def findings(text: str, site: Settings | None = None) -> list[tuple[str, int, str]]:
    return [
        (f.rule, f.line, f.message) for f in check_page(parse_prd(text, "prd.md"), text, site or Settings())
    ]


def rules_of(text: str, site: Settings | None = None) -> list[str]:
    return [rule for rule, _, _ in findings(text, site)]


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


GOAL = "1. Cut mobile checkout abandonment at the payment step from 38% to 25%"
NON_GOAL = "- Saving bank accounts or wallets other than cards"
SCOPE = "- Pay with a saved card\n"
DESCRIPTION = "- Description: the payment step offers saved cards first"
ACCEPTANCE = "- Acceptance: an order paid with a saved card needs only the CVC"
MITIGATION = "| Clear opt-in copy and a visible delete button |"
CURRENT_STATE = """Returning customers type their card details on every purchase. Checkout has no way to
remember a card, so 38% of mobile checkouts that reach the payment step are abandoned."""

# (what to replace, filler text, the line that holds the filler after replacement)
FILLERS = [
    ("**Owner:** Payments Team", "**Owner:** TBD", "**Owner:**"),
    ("**Track ID:** saved-payment-methods", "**Track ID:** TBC", "**Track ID:**"),
    ("**Date:** 2026-02-03", "**Date:** TBD", "**Date:**"),  # PRD110, not PRD103 as well
    ("**Status:** Approved", "**Status:** TBD", "**Status:**"),  # PRD110, not PRD102 as well
    (DESCRIPTION, "- Description: TODO", "- Description: TODO"),
    (ACCEPTANCE, "- Acceptance: TBD", "- Acceptance: TBD"),
    (ACCEPTANCE, "- Acceptance: N/A", "- Acceptance: N/A"),
    (ACCEPTANCE, "- Acceptance: ???", "- Acceptance: ???"),
    (ACCEPTANCE, "- **Acceptance:** _to be defined_", "- **Acceptance:**"),
    (CURRENT_STATE, "TBD", "TBD\n"),
    (CURRENT_STATE, "{{current_state}}", "{{current_state}}"),
    (CURRENT_STATE, "{{ current_state }} {{ impact }}", "{{ current_state }}"),
    (CURRENT_STATE, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Lorem ipsum"),
    (GOAL, "1. Lorem ipsum dolor sit amet", "1. Lorem ipsum"),
    (GOAL, "1. XXX fill in", "1. XXX fill in"),
    (GOAL, "1. TODO: agree the target with finance", "1. TODO: agree"),
    (GOAL, "1. TBD - waiting for the funnel analysis", "1. TBD - waiting"),
    (GOAL, "1. [TBD]", "1. [TBD]"),
    (GOAL, "1. ...", "1. ..."),
    (NON_GOAL, "- ???", "- ???"),
    (NON_GOAL, "- *TBD*", "- *TBD*"),
    ("**FR-2: Pay with a saved card**", "**FR-2: TBD**", "**FR-2: TBD**"),
    ("- P50 latency: ≤120ms", "- P50 latency: ≤ TBD", "- P50 latency:"),
    ("- P95 latency: ≤300ms", "- P95 latency: ≤TBD ms", "- P95 latency:"),
    ("- API surface: ≤3 endpoints", "- API surface: at most ??? endpoints", "- API surface:"),
]


@pytest.mark.parametrize(("old", "new", "where"), FILLERS, ids=[f[1][:40] for f in FILLERS])
def test_filler_standing_as_a_value_is_one_prd110_finding(old: str, new: str, where: str) -> None:
    text = variant((old, new))
    # The page is Approved: a requirement's filler Acceptance there is PRD310 (untestable), once.
    rule = "PRD310" if old == ACCEPTANCE else "PRD110"
    assert findings(text) == [
        (rule, line_of(text, where), findings(text)[0][2]),
    ], findings(text)
    assert findings(text)[0][2].startswith("Filler `" if rule == "PRD110" else "Requirement `FR-")


def test_filler_in_front_matter_is_found_on_its_line() -> None:
    header = CLEAN[CLEAN.index("**Version:**") : CLEAN.index("---")]
    front = (
        "---\nversion: '1.2'\ndate: 2026-02-03\ntrack_id: saved-payment-methods\n"
        "owner: TBD\nstatus: Approved\n---\n"
    )
    text = front + CLEAN.replace(header, "")
    assert findings(text) == [("PRD110", 5, "Filler `TBD` where a value should be")]


# Correct prose that looks like filler: the words inside a sentence, in code, quoted,
# as a workflow state, or opening a question in the Open Questions list.
PROSE = [
    (GOAL, "1. Pricing is TBD until finance signs off, so the goal is conversion only"),
    (SCOPE, "- Ship the TODO list feature to every shopper\n"),
    (SCOPE, "- TODO list sync across devices\n"),
    (SCOPE, "- Replace the lorem ipsum copy left in the onboarding screens\n"),
    (SCOPE, '- "Lorem ipsum" placeholder text is removed from every screen\n'),
    (SCOPE, "- E-mail templates render `{{ first_name }}` from the profile\n"),
    (SCOPE, "- `{{ card.brand }}`\n"),
    (SCOPE, "- `TBD`\n"),
    (SCOPE, "- XXL icons for the card brands\n"),
    (SCOPE, "- Card list: loads in two steps, brand first, ...\n"),
    (SCOPE, "- Support answers: why was my card declined??\n"),
    (SCOPE, "- Migrations: N/A\n"),
    (SCOPE, "- Status: TODO\n"),
    (SCOPE, "<!-- TODO: add the wallet screenshots -->\n"),
    (SCOPE, "```\nowner: TBD\nnote: {{ impact }}\n```\n"),
    (
        "- Should the CVC be skipped for low-value orders once the issuer allows it?",
        "- TBD: should the CVC be skipped for low-value orders?\n- TODO: ask the issuer about limits",
    ),
    (
        "### Feature Flags",
        "### Phase status\n| Phase | Status |\n|---|---|\n| Canary | Done |\n| Everyone | TODO |\n\n"
        "### Shortcuts\n| Action | Key |\n|---|---|\n| Help | ? |\n\n### Feature Flags",
    ),
]


@pytest.mark.parametrize(("old", "new"), PROSE, ids=[p[1][:40] for p in PROSE])
def test_filler_words_in_correct_prose_are_not_findings(old: str, new: str) -> None:
    assert findings(variant((old, new))) == []


# --- empty fields --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "rule", "message"),
    [
        (ACCEPTANCE, "- Acceptance:", "PRD301", "Requirement `FR-2` has an empty Acceptance"),
        (ACCEPTANCE, "- **Acceptance:**", "PRD301", "Requirement `FR-2` has an empty Acceptance"),
        (DESCRIPTION, "- Description:  ", "PRD301", "Requirement `FR-2` has an empty Description"),
        (ACCEPTANCE, "- Verification:", "PRD301", "Requirement `FR-2` has an empty Acceptance"),
        ("- Priority: Must\n\n**FR-3", "- Priority:\n\n**FR-3", "PRD302", "Priority of `FR-2` is empty"),
        ("- Priority: Must\n\n**FR-3", "- Priority: **\n\n**FR-3", "PRD302", "Priority of `FR-2` is empty"),
    ],
)
def test_an_empty_field_is_reported_on_its_line(old: str, new: str, rule: str, message: str) -> None:
    text = variant((old, new))
    offset = 3 if rule == "PRD302" else 1 if "Description" in message else 2
    assert findings(text) == [(rule, line_of(text, "**FR-2: Pay") + offset, message)]


def test_an_empty_field_with_its_value_nested_below_is_complete() -> None:
    nested = "- Acceptance:\n    - [x] Given a saved card, when paying, then only the CVC is asked\n"
    assert findings(variant((ACCEPTANCE + "\n", nested))) == []
    nested_after_blank = "- Acceptance:\n\n    only the CVC is asked\n"
    assert findings(variant((ACCEPTANCE + "\n", nested_after_blank))) == []


def test_an_empty_header_field_is_prd101() -> None:
    text = variant(("**Owner:** Payments Team", "**Owner:**"))
    assert findings(text) == [("PRD101", 6, "Required metadata field Owner is empty")]


# --- risks without mitigation ----------------------------------------------------------


def test_a_risk_with_an_empty_dash_or_filler_mitigation_is_prd307() -> None:
    """A filler mitigation (``TBD``, ``TODO: ask ops``) is no mitigation: PRD307, not PRD110 too."""
    for cell in ("|  |", "| - |", "| — |", "| TBD |", "| TODO: ask ops |", "| ??? |", "| TBD (Lena) |"):
        text = variant((MITIGATION, cell))
        line = line_of(text, "| Shoppers distrust")
        assert findings(text) == [("PRD307", line, "Risk `Shoppers distrust saving cards` has no mitigation")]


def test_a_risk_table_without_any_mitigation_is_one_prd307() -> None:
    table = CLEAN[CLEAN.index("| Risk | Impact") : CLEAN.index("\n\n---\n\n## 8.")]
    rows = ["| " + " | ".join(line.strip("|").split("|")[:3]).strip() + " |" for line in table.split("\n")]
    rows[1] = "|---|---|---|"
    text = CLEAN.replace(table, "\n".join(rows))
    assert findings(text) == [("PRD307", line_of(text, "| Vault API"), "No risk has a mitigation")]


# --- approved PRDs without functional requirements --------------------------------------

FR_BODY = CLEAN[CLEAN.index("**FR-1: Save a card**") : CLEAN.index("### Non-Functional Requirements")]


@pytest.mark.parametrize("status", ["Approved", "Implemented", "approved"])
def test_an_approved_prd_with_no_functional_requirement_is_prd308(status: str) -> None:
    text = variant((FR_BODY, "Nothing here yet.\n\n"), ("**Status:** Approved", f"**Status:** {status}"))
    rules = rules_of(text)
    assert "PRD308" in rules
    assert rules_of(text.replace(f"**Status:** {status}", "**Status:** Draft")) == []


def test_requirements_in_a_form_not_read_are_not_called_missing() -> None:
    table = (
        "| ID | Requirement | Acceptance | Priority |\n|---|---|---|---|\n"
        "| FR-1 | Save a card | Listed | Must |\n\n"
    )
    assert "PRD308" not in rules_of(variant((FR_BODY, table)))


def test_a_site_without_an_approved_status_never_gets_prd308() -> None:
    site = Settings(statuses=("Draft", "Signed off"))
    text = variant((FR_BODY, "Nothing here yet.\n\n"), ("**Status:** Approved", "**Status:** Signed off"))
    assert "PRD308" not in rules_of(text, site)


# --- reader-correct wording: PRD204, PRD304, PRD305 ------------------------------------

GOALS = CLEAN[CLEAN.index("### Goals") : CLEAN.index("\n---\n\n## 3.")]
PERSONAS = CLEAN[CLEAN.index("### Primary Personas") : CLEAN.index("### Use Cases")]


@pytest.mark.parametrize(
    "goals",
    [
        "Goals: cut abandonment from 38% to 25%; pay in two taps.\nNon-goals: bank accounts and wallets.\n",
        "**Goals:** cut abandonment from 38% to 25%.\n\n**Non-Goals:** bank accounts and wallets.\n",
        "- **Goals:** cut abandonment from 38% to 25%\n- **Out of scope:** bank accounts and wallets\n",
        # Translated labels, as ### Ziele / ### Objetivos are (attack6).
        "**Ziele:**\n- cut abandonment from 38% to 25%\n\n**Nicht-Ziele:**\n- bank accounts and wallets\n",
        "Objetivos: cut abandonment from 38% to 25%.\n\nNo objetivos: bank accounts and wallets.\n",
        "- **Objectifs :** cut abandonment from 38% to 25%\n- **Non-objectifs :** bank accounts\n",
        # A label line exported with a no-break space after its colon (Google Docs).
        "Goals:\u00a0cut abandonment from 38% to 25%.\nNon-goals:\u00a0bank accounts and wallets.\n",
        "Goals:&nbsp;cut abandonment from 38% to 25%.\nOut of scope:\u202fbank accounts.\n",
    ],
)
def test_goals_written_as_label_lines_with_their_text_are_the_parts(goals: str) -> None:
    assert findings(variant((GOALS, goals))) == []


def test_a_label_line_does_not_stand_in_for_a_part_it_does_not_name() -> None:
    text = variant((GOALS, "Goals: cut abandonment from 38% to 25%.\nBudget: two sprints.\n"))
    assert rules_of(text) == ["PRD204"]
    assert "Non-Goals" in findings(text)[0][2]


def test_personas_as_a_bold_label_with_its_text_is_the_personas_part() -> None:
    text = variant((PERSONAS, "**Personas:** returning shoppers on phones; our support agents.\n\n"))
    assert findings(text) == []


def test_a_translated_label_line_names_only_its_own_part() -> None:
    text = variant((GOALS, "**Ziele:** cut abandonment from 38% to 25%.\n\nBudget: two sprints.\n"))
    assert rules_of(text) == ["PRD204"]
    assert "Non-Goals" in findings(text)[0][2]


NFRS = [
    ("**NFR-1: Performance**", "**NFR-1: Latency**"),
    ("**NFR-3: Reliability**", "**NFR-3: Availability and uptime**"),
    ("**NFR-4: Scalability**", "**NFR-4: Scale**"),
    ("**NFR-5: Maintainability**", "**NFR-5: Observability**"),
    ("**NFR-2: Security**", "**NFR-2: Authentication & data protection**"),
]


def test_nfrs_named_by_the_sub_terms_of_their_category_cover_it() -> None:
    assert findings(variant(*NFRS)) == []
    text = variant(*NFRS[:4], ("**NFR-2: Security**", "**NFR-2: Accessibility**"))
    assert [(r, m) for r, _, m in findings(text)] == [
        ("PRD304", "Non-functional requirements do not cover Security")
    ]


def test_list_nfrs_named_by_sub_terms_cover_their_categories() -> None:
    start = CLEAN.index("**NFR-1: Performance**")
    end = CLEAN.index("\n---\n\n## 6.")
    nfrs = (
        "- **Latency:** P95 < 200 ms\n- **Availability:** 99.9%\n- **Capacity:** 10k rps\n"
        "- **Security:** OAuth2 and encryption at rest\n- **Maintainability:** runbooks for on-call\n"
    )
    assert findings(CLEAN[:start] + nfrs + CLEAN[end:]) == []
    assert "PRD304" in rules_of(CLEAN[:start] + nfrs.replace("Capacity", "Cost") + CLEAN[end:])


@pytest.mark.parametrize(
    ("impact", "probability"),
    [
        ("🔴 High", "🟢 Low"),
        ("Medium", "low"),
        ("🟡", "**M**"),
        ("🟠 Med", "🔴"),
        ("HIGH", "Low."),
        # A remark after the level (attack6), as a Status or Priority may carry one.
        ("High (revenue)", "L – rare"),
        ("H<br>(revenue)", "**M**<br/>"),
        ("H: churn", "Low; seasonal"),
        ("H - revenue", "M [est.]"),
    ],
)
def test_risk_levels_with_traffic_lights_or_words_are_levels(impact: str, probability: str) -> None:
    text = variant(
        (
            "| Shoppers distrust saving cards | M | M |",
            f"| Shoppers distrust saving cards | {impact} | {probability} |",
        )
    )
    assert findings(text) == []


@pytest.mark.parametrize(
    "level", ["Very high", "🔴🟢", "3", "?", "High-ish risk", "Medium-High", "High impact", "M to H", "H/M"]
)
def test_other_risk_levels_are_still_prd305(level: str) -> None:
    text = variant(
        ("| Shoppers distrust saving cards | M | M |", f"| Shoppers distrust saving cards | {level} | M |")
    )
    assert rules_of(text) == ["PRD305"]


# --- PRD107 on bracketed prose ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "- Keys: [Ctrl]+[S] saves the card.",
        "- Press [Cmd] + [K] to search saved cards.",
        "- [Ctrl]+[Shift]+[P] opens the palette.",
        "- Owner [Payments team] signs off each release.",
        "- The [Platform team] reviews the vault integration.",
        # A figure with its unit (attack6: the slash read as a choice).
        "- Peak load [400 req/s] on launch day.",
        "- Vault fees [~2k EUR/month] stay in budget.",
        "- Logs grow [2 GB/day].",
    ],
)
def test_keyboard_keys_and_bracketed_names_in_prose_are_not_placeholders(line: str) -> None:
    assert findings(variant((SCOPE, line + "\n"))) == []


@pytest.mark.parametrize(
    ("line", "placeholder"),
    [
        ("- Contact [team name] for access.", "[team name]"),
        ("- Contact [Team name] for access.", "[Team name]"),
        ("- Owner: [Payments team]", "[Payments team]"),
        ("- The [Feature Name] flow is fast.", "[Feature Name]"),
        ("- Total: [X] + [Y] cards", "[X]"),
        ("- Press [S] to save", "[S]"),
        ("- Cost per [user/month] is fine", "[user/month]"),
        ("- Limit [N req/s]", "[N req/s]"),
    ],
)
def test_placeholders_near_those_forms_are_still_found(line: str, placeholder: str) -> None:
    found = findings(variant((SCOPE, line + "\n")))
    assert [r for r, _, _ in found] == ["PRD107"] and placeholder in found[0][2]


# --- PRD501: the gates in other forms --------------------------------------------------

IOSM = CLEAN[CLEAN.index("### Gate-I (Improve) Targets") : CLEAN.index("### Expected IOSM-Index")]


@pytest.mark.parametrize(
    "gates",
    [
        "- Gate-I: semantic clarity ≥ 0.95\n- Gate-O: P95 ≤ 2000 ms\n- Gate-S: API surface ≤ 2 endpoints\n"
        "- Gate-M: change surface ≤ 20%\n\n",
        "- **Gate-I (Improve):** clarity ≥ 0.95\n- **Gate-O (Optimize):** P95 ≤ 300 ms\n"
        "- **Gate-S (Shrink):** ≤ 3 endpoints\n- **Gate-M (Modularize):** change surface ≤ 20%\n\n",
        "**Gate-I (Improve)**\n- Semantic clarity: ≥0.95\n\n**Gate-O:**\n- P95 latency: ≤300ms\n\n"
        "**Gate-S (Shrink) Targets**\n- API surface: ≤3 endpoints\n\n**Gate-M**\n- Coupling: Low\n\n",
        "### Gate-I (Improve) Targets\n- Semantic clarity: ≥0.95\n\n### Gate-O (Optimize) Targets\n"
        "- P95 latency: ≤300ms\n\n### Gate-S (Shrink) Targets\n| Metric | Target |\n|---|---|\n"
        "| API surface | ≤ 3 endpoints |\n| Dependencies | Stable |\n\n### Gate-M (Modularize) Targets\n"
        "- Coupling: Low\n\n",
    ],
    ids=["list", "bold-list", "bold-labels", "gate-table"],
)
def test_gates_as_list_items_labels_or_tables_are_all_read(gates: str) -> None:
    text = variant((IOSM, gates))
    assert findings(text) == []
    prd = parse_prd(text, "prd.md")
    assert prd.iosm.gates == ("I", "O", "S", "M") and prd.iosm.understood
    assert {t.gate for t in prd.iosm.targets} == {"I", "O", "S", "M"}


def test_a_gate_table_with_more_columns_is_read_but_kept_as_written() -> None:
    table = (
        "### Gate-S (Shrink) Targets\n| Metric | Target | Owner |\n|---|---|---|\n"
        "| API surface | ≤ 3 endpoints | Ana |\n\n"
    )
    old = IOSM[IOSM.index("### Gate-S") : IOSM.index("### Gate-M")]
    prd = parse_prd(variant((old, table)), "prd.md")
    assert [(t.gate, t.metric, t.raw) for t in prd.iosm.targets if t.gate == "S"] == [
        ("S", "API surface", "≤ 3 endpoints")
    ]
    assert not prd.iosm.understood  # the plugin's table goes above it; the Owner column is not lost


def test_a_gate_missing_from_a_list_is_still_prd501() -> None:
    gates = "- Gate-I: semantic clarity ≥ 0.95\n- Gate-O: P95 ≤ 2000 ms\n- Gate-M: change surface ≤ 20%\n\n"
    found = findings(variant((IOSM, gates)))
    assert [(r, m) for r, _, m in found] == [("PRD501", "IOSM targets lack Gate-S (Shrink)")]


def test_a_track_id_is_an_id_where_only_capitals_are_filler() -> None:
    assert findings(variant(("**Track ID:** saved-payment-methods", "**Track ID:** todo"))) == []
    text = variant(("**Track ID:** saved-payment-methods", "**Track ID:** TBD"))
    assert findings(text) == [("PRD110", 5, "Filler `TBD` where a value should be")]


def test_an_approved_status_with_an_emoji_or_remark_is_approved_for_prd308() -> None:
    for status in ("✅ Approved", "**Approved**", "Implemented (March)"):
        text = variant((FR_BODY, "Nothing here yet.\n\n"), ("**Status:** Approved", f"**Status:** {status}"))
        assert "PRD308" in rules_of(text), status


# --- attack6: names a reader calls correct ----------------------------------------------


@pytest.mark.parametrize("label", ["Prio", "MoSCoW", "Priority (MoSCoW)", "MoSCoW priority", "**Prio:**"])
def test_a_priority_bullet_named_as_a_priority_column_is_the_priority(label: str) -> None:
    # A requirement table's Prio or MoSCoW column was its priority, the same bullet was not (PRD301).
    bullet = f"- {label} Must" if label.endswith(":**") else f"- {label}: Must"
    assert findings(variant(("- Priority: Must", bullet))) == []
    wrong = variant(("- Priority: Must", bullet.replace("Must", "Urgent")))
    assert rules_of(wrong) == ["PRD302"]


@pytest.mark.parametrize("title", ["Appendices", "Annex", "Annexes", "Anhänge", "Apéndices", "Apêndices"])
def test_the_appendix_in_the_plural_or_as_an_annex_is_the_appendix(title: str) -> None:
    assert findings(variant(("## Appendix", f"## {title}"))) == []


def _implemented(*more: tuple[str, str]) -> str:
    boxes = [(line, line.replace("[ ]", "[x]")) for line in CLEAN.split("\n") if line.startswith("- [ ]")]
    return variant(("**Status:** Approved", "**Status:** Implemented"), *boxes, *more)


@pytest.mark.parametrize(
    "dropped",
    [
        "- [ ] ~~Video walkthrough~~",
        "- [ ] ~~Video walkthrough~~ (dropped)",
        "- [ ] ~~Video walkthrough~~ — not needed",
    ],
)
def test_a_criterion_struck_out_is_withdrawn_not_open(dropped: str) -> None:
    text = _implemented(("- [x] API reference published", f"- [x] API reference published\n{dropped}"))
    assert findings(text) == []
    prd = parse_prd(text, "prd.md")
    assert [c.stated for c in prd.criteria].count(False) == 1  # not counted as met or open


@pytest.mark.parametrize("open_box", ["- [ ] Video ~~walkthrough~~ recorded", "- [ ] ~~Video~~ walkthrough"])
def test_a_criterion_with_struck_words_is_still_open(open_box: str) -> None:
    text = _implemented(("- [x] API reference published", f"- [x] API reference published\n{open_box}"))
    assert rules_of(text) == ["PRD401"]


HEADER = (
    "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n**Owner:** Payments Team\n"
)


@pytest.mark.parametrize(
    "pairs",
    [
        [(HEADER, HEADER.replace("**", "__"))],  # __Version:__ 1.2, Markdown's other bold
        [(HEADER, HEADER.replace(":**", "__:").replace("**", "__"))],  # __Version__: 1.2
        [(GOALS, "__Goals:__ cut abandonment from 38% to 25%.\n\n__Non-Goals:__ bank accounts.\n")],
    ],
    ids=["header-label-colon-inside", "header-colon-outside", "goals-labels"],
)
def test_labels_in_underscore_bold_are_bold_labels(pairs: list[tuple[str, str]]) -> None:
    text = variant(*pairs)
    assert findings(text) == []
    prd = parse_prd(text, "prd.md")
    assert prd.metadata.value("owner") == "Payments Team"


RISK_TABLE = CLEAN[CLEAN.index("| Risk | Impact (H/M/L)") : CLEAN.index("\n---\n\n## 8.")]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # A named column is never taken for another role by its position (attack6: the mitigation
        # was read as the impact, and the finding quoted it as one).
        ("| Risk | Mitigation |\n|---|---|\n| Vault latency | cache |\n", ("Vault latency", "", "", "cache")),
        (
            "| Risk | Mitigation | Impact |\n|---|---|---|\n| Vault latency | cache | H |\n",
            ("Vault latency", "H", "", "cache"),
        ),
        (
            "| Risk | Impact | Probability | Mitigation |\n|---|---|---|---|\n"
            "| Vault latency | H | M | cache |\n",
            ("Vault latency", "H", "M", "cache"),
        ),
    ],
)
def test_risk_columns_are_read_by_name_before_position(table: str, expected: tuple[str, ...]) -> None:
    prd = parse_prd(variant((RISK_TABLE, table)), "prd.md")
    assert [(r.risk, r.impact, r.probability, r.mitigation) for r in prd.risks] == [expected]


def test_change_log_columns_are_read_by_name_before_position() -> None:
    log = CLEAN[CLEAN.index("| Version | Date | Author | Changes |") :]
    prd = parse_prd(variant((log, "| Version | Changes |\n|---|---|\n| 1.2 | Approved |\n")), "prd.md")
    assert [(r.version, r.date, r.changes) for r in prd.changelog] == [("1.2", "", "Approved")]


@pytest.mark.parametrize(
    "item",
    [
        "- FR-9: Print a receipt 🟡 Should",
        "- FR-9: Print a receipt — 🔴 Must",
        "- FR-9: Print a receipt (🟢 Could)",
        "- FR-9: Print a receipt · Should",
    ],
)
def test_a_list_requirement_with_a_marked_priority_has_it(item: str) -> None:
    # attack6: a coloured circle before the level, or a middle dot before it, gave PRD306.
    anchor = "### Functional Requirements\n\n"
    text = variant((anchor, f"{anchor}{item}\n\n"))
    assert findings(text) == []
    fr9 = next(r for r in parse_prd(text, "prd.md").functional if r.id == "FR-9")
    assert fr9.name == "Print a receipt" and fr9.priority is not None


@pytest.mark.parametrize("item", ["- FR-9: Print a receipt 🟡", "- FR-9: Print a receipt · soon"])
def test_a_list_requirement_without_a_level_still_has_no_priority(item: str) -> None:
    anchor = "### Functional Requirements\n\n"
    assert rules_of(variant((anchor, f"{anchor}{item}\n\n"))) == ["PRD306"]
