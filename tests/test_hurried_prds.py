"""What a PM in a hurry writes reads right (reading5): requirements as task-list items
(``- [ ] FR-1: Send a magic link (must)``), the IOSM-Index figures on one line
(``**Baseline:** 0.61 → **Target:** 0.80 (Δ +0.19)``) and NFRs named by their usual
shorthand (``- perf: p95 send < 2s``).  Each form must read into the clean PRD's model and
give no finding; a wrong figure on such a line is still reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")
INDEX = "**Current baseline:** 0.68\n**Target post-implementation:** 0.86\n**Delta:** +0.18\n"
assert INDEX in CLEAN


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


def figures(text: str) -> tuple[float | None, ...]:
    index = parse_prd(text, "prd.md").iosm.index
    return tuple(n.value if n is not None else None for n in (index.baseline, index.target, index.delta))


@pytest.mark.parametrize(
    "line",
    [
        "**Current baseline:** 0.68 → **Target post-implementation:** 0.86 (Δ +0.18)",
        "**Current baseline:** 0.68 · **Target post-implementation:** 0.86 · **Delta:** +0.18",
        "**Baseline:** 0.68 | **Target:** 0.86 | **Delta:** +0.18",
        "**Baseline**: 0.68, **Target**: 0.86, **Delta**: +0.18",
        "**Target:** 0.86 (delta: +0.18), **Baseline:** 0.68",
    ],
)
def test_the_index_figures_on_one_line(line: str) -> None:
    text = CLEAN.replace(INDEX, line + "\n")
    assert figures(text) == figures(CLEAN) == (0.68, 0.86, 0.18)
    assert findings(text) == []


def test_a_wrong_delta_on_one_line_is_still_reported_on_it() -> None:
    text = CLEAN.replace(INDEX, "**Baseline:** 0.68 → **Target:** 0.86 (Δ +0.20)\n")
    prd = parse_prd(text, "prd.md")
    assert [(f.rule, f.line) for f in check_page(prd, text, Settings())] == [
        ("PRD503", text.split("\n").index("**Baseline:** 0.68 → **Target:** 0.86 (Δ +0.20)") + 1)
    ]


def test_a_negative_delta_keeps_its_sign() -> None:
    text = CLEAN.replace(INDEX, "**Baseline:** 0.90 · **Target:** 0.86 · **Delta:** -0.04\n")
    assert figures(text) == (0.90, 0.86, -0.04)
    assert findings(text) == []


TASKS = re.sub(
    r"\*\*(FR-[0-9]): ([^*]+)\*\*\n- Description: [^\n]*\n- Acceptance: [^\n]*\n- Priority: (\w+)\n",
    lambda m: f"- [ ] {m.group(1)}: {m.group(2)} ({m.group(3).lower()})\n",
    CLEAN,
)


@pytest.mark.parametrize("box", ["[ ]", "[x]", "[X]"])
def test_requirements_as_task_list_items(box: str) -> None:
    text = TASKS.replace("- [ ] FR-", f"- {box} FR-")
    assert text.count(f"- {box} FR-") >= 3
    prd = parse_prd(text, "prd.md")
    assert [(r.id, r.name, r.level, r.form) for r in prd.functional] == [
        (r.id, r.name, r.level, "list") for r in BASE.functional
    ]
    assert findings(text) == []


def test_a_task_about_a_requirement_is_no_requirement() -> None:
    text = CLEAN.replace(
        "- Priority: Must\n\n**FR-2", "- Priority: Must\n- [ ] FR-1 verified in staging\n\n**FR-2"
    )
    assert [r.id for r in parse_prd(text, "prd.md").functional] == ["FR-1", "FR-2", "FR-3"]


NFR_LIST = (
    "### Non-Functional Requirements\n"
    "- perf: p95 send < 2 s\n- security: single-use tokens\n- reliability: 99.9% delivery\n"
    "- scale: 10k logins a day\n- test coverage: 80%\n\n---\n\n## 6."
)


def test_nfr_shorthand_names_its_category() -> None:
    """``perf:`` is Performance, ``test coverage:`` Maintainability (as ``scale:`` is Scalability)."""
    start, end = CLEAN.index("### Non-Functional Requirements"), CLEAN.index("## 6.")
    text = CLEAN[:start] + NFR_LIST + CLEAN[end + len("## 6.") :]
    assert len(parse_prd(text, "prd.md").non_functional) == 5
    assert findings(text) == []
    assert findings(text.replace("- perf: p95", "- speedy: p95")) == [
        ("PRD304", "Non-functional requirements do not cover Performance")
    ]


OPEN_Q = "- Should the CVC be skipped for low-value orders once the issuer allows it?"
assert OPEN_Q in CLEAN


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("- None; all resolved at launch review.", 0),
        ("- None (all answered in the review)", 0),
        ("- N/A — see the FAQ", 0),
        ("- All resolved at launch review.", 0),
        ("- All open questions were answered.", 0),
        ("- Nothing open.", 0),
        ("- Partial refunds? — **Resolved:** no", 0),
        ("- Q: Keep passwords at all? / A: No, see Non-Goals.", 0),
        ("- Which PSP? **Decision:** Stripe", 0),
        (OPEN_Q, 1),
        ("- Do we need a second vault? Answer pending", 1),  # no answer given yet
        ("- None of the vaults supports Amex yet; do we wait?", 1),  # a question about none
        ("- All cards or only Visa?", 1),
        ("- None; all resolved.\n- Do we keep the old flow?", 1),  # the question beside it is open
    ],
)
def test_open_questions_as_written(written: str, count: int) -> None:
    """The open questions the card counts: a lone "None …" or "All resolved …" says there are
    none, a question with its answer after it is answered (new-user report)."""
    prd = parse_prd(CLEAN.replace(OPEN_Q, written), "prd.md")
    assert len(prd.open_questions) == count


ACCEPTANCE = CLEAN[CLEAN.index("## 8. Acceptance Criteria") : CLEAN.index("## 9.")]


@pytest.mark.parametrize(
    ("body", "criteria"),
    [
        ("- [ ] TBD\n", []),
        ("- [ ] **TBD**\n- [ ] ???\n", []),
        ("- [ ] TODO\n- [x] FR-1 verified in staging\n", [("FR-1 verified in staging", True)]),
        ("- [ ] TBD: ask QA for the cases\n", [("TBD: ask QA for the cases", False)]),  # a note: a criterion
    ],
)
def test_a_filler_criterion_is_no_criterion(body: str, criteria: list[tuple[str, bool]]) -> None:
    """``- [ ] TBD`` alone is not "0 of 1 criteria met" on the card: PRD110 reports it instead."""
    text = CLEAN.replace(ACCEPTANCE, f"## 8. Acceptance Criteria\n\n{body}\n---\n\n")
    prd = parse_prd(text, "prd.md")
    assert [(c.text, c.checked) for c in prd.criteria] == criteria
    assert "PRD110" in [rule for rule, _ in findings(text)]


@pytest.mark.parametrize(
    ("item", "name"),
    [
        ("- **FR-9 Export:** a monthly CSV (Could)", "Export"),
        ("- **FR-9: Export:** a monthly CSV (Could)", "Export"),
        ("- **FR-9:** Export a monthly CSV (Could)", "Export a monthly CSV"),
        ("- **FR-9 (Could):** Export", "Export"),
    ],
)
def test_a_bold_title_with_a_colon_ends_the_name(item: str, name: str) -> None:
    """``- **NFR-1 Performance:** SSO round trip adds < 300 ms`` is named Performance; the text
    after the bold title is its statement (was: all of it the name, in the trace and JSON)."""
    text = CLEAN.replace("### Non-Functional Requirements", f"{item}\n\n### Non-Functional Requirements")
    fr9 = parse_prd(text, "prd.md").functional[3]
    assert (fr9.id, fr9.name, fr9.level) == ("FR-9", name, "Could")


@pytest.mark.parametrize("placeholder", ["[the index after this work, at least 0.80]", "[e.g., 0.82]"])
def test_a_bracketed_instruction_is_no_target_index(placeholder: str) -> None:
    """The skeleton's ``[the index after this work, at least 0.80]`` is PRD107's, not the card's target."""
    text = CLEAN.replace(
        "**Target post-implementation:** 0.86", f"**Target post-implementation:** {placeholder}"
    )
    assert parse_prd(text, "prd.md").iosm.index.target is None
    assert "PRD107" in [rule for rule, _ in findings(text)]


@pytest.mark.parametrize(
    ("delta", "rules"),
    [
        ("+18 points", []),
        ("+18 pts", []),
        ("+18 pp", []),
        ("18 percentage points", []),
        ("+18 Punkte", []),  # German, Spanish, Portuguese and French points (fresh8)
        ("+18 Prozentpunkte", []),
        ("+18 Pkt.", []),
        ("+18 puntos", []),
        ("+18 puntos porcentuales", []),
        ("+18 pontos", []),
        ("+18 points de pourcentage", []),
        ("+18 p.p.", []),
        ("+20 Punkte", ["PRD503"]),
        ("+18 Punktestand", ["PRD503"]),  # a longer word is not points
        ("+20 points", ["PRD503"]),  # 0.20 is not 0.86 - 0.68
        ("+18", ["PRD503"]),  # a bare 18 is no score difference
    ],
)
def test_a_delta_in_points_is_hundredths(delta: str, rules: list[str]) -> None:
    """``**Delta:** +23 points`` (baseline 0.61, target 0.84) is +0.23 (new-user report)."""
    text = CLEAN.replace("**Delta:** +0.18", f"**Delta:** {delta}")
    assert [rule for rule, _ in findings(text)] == rules


@pytest.mark.parametrize(
    ("line", "expected", "rules"),
    [
        ("IOSM-Index: 0.68 → 0.86 (+0.18)", (0.68, 0.86, 0.18), []),
        ("**IOSM-Index:** 0.68 -> 0.86 (Δ +0.18)", (0.68, 0.86, 0.18), []),
        ("**Expected IOSM-Index:** 0.68 → 0.86", (0.68, 0.86, None), []),
        ("**IOSM-Index:** 0.68 → 0.86 (+0.20)", (0.68, 0.86, 0.20), ["PRD503"]),
        ("**Target:** 0.80 to 0.86", (None, None, None), ["PRD505"]),  # a range: no baseline, no figure
    ],
)
def test_an_index_written_as_baseline_arrow_target(
    line: str, expected: tuple[float | None, ...], rules: list[str]
) -> None:
    """``IOSM-Index: 0.61 → 0.84 (+0.23)`` is baseline, target and delta (was: target 0.61, a
    false PRD504 and the card's band of 0.61; new-user report)."""
    text = CLEAN.replace(INDEX, line + "\n")
    assert figures(text) == expected
    assert [rule for rule, _ in findings(text)] == rules


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| | Value |\n|---|---|\n| Baseline | 0.68 |\n| Target | 0.86 |\n| Delta | +0.18 |\n",
            (0.68, 0.86, 0.18),
        ),
        (
            "| Figure | Value |\n|---|---|\n| **Current baseline** | 0.68 |\n| **Target** | 0.86 |\n",
            (0.68, 0.86, None),
        ),
        # The first pair in the header row, as Markdown has no table without one (attack6: the
        # baseline was dropped, and with it the delta's check).
        ("| Baseline | 0.68 |\n|---|---|\n| Target | 0.86 |\n| Delta | +0.18 |\n", (0.68, 0.86, 0.18)),
        ("| **Current baseline** | 0.68 |\n|:--|--:|\n| **Target** | 0.86 |\n", (0.68, 0.86, None)),
    ],
)
def test_the_index_figures_in_a_two_column_table(table: str, expected: tuple[float | None, ...]) -> None:
    """A ``| Baseline | 0.61 |`` table under the expected index states the figures (was: silently
    "not stated"; new-user report)."""
    text = CLEAN.replace(INDEX, table)
    assert figures(text) == expected
    assert findings(text) == []


def test_a_wrong_delta_in_a_table_with_its_first_pair_in_the_header_row_is_reported() -> None:
    text = CLEAN.replace(INDEX, "| Baseline | 0.68 |\n|---|---|\n| Target | 0.86 |\n| Delta | +0.30 |\n")
    assert [rule for rule, _ in findings(text)] == ["PRD503"]


# drift10: PRD503 says the sum in the page's decimal separator, as its hint and fix write the delta.
@pytest.mark.parametrize(
    ("index", "sum_", "right"),
    [
        ("**Baseline:** 0,68\n**Target:** 0,86\n**Delta:** +0,20\n", "(0,86 - 0,68 = +0,18)", "+0,18"),
        ("**Baseline:** 0,68 → **Target:** 1 (Δ +0,30)\n", "(1 - 0,68 = +0,32)", "+0,32"),
        ("**Baseline:** 0.68\n**Target:** 0.86\n**Delta:** +0.20\n", "(0.86 - 0.68 = +0.18)", "+0.18"),
        ("**Baseline:** 0,68\n**Target:** 0.86\n**Delta:** +0,20\n", "(0.86 - 0.68 = +0.18)", "+0.18"),
    ],
    ids=["commas", "comma-and-integer", "points", "mixed"],
)
def test_a_wrong_delta_is_reported_in_the_pages_decimal_separator(index: str, sum_: str, right: str) -> None:
    text = CLEAN.replace(INDEX, index)
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD503"]
    assert len(found) == 1
    assert found[0].message.endswith(f"is not target minus baseline {sum_}")
    assert found[0].hint == f"Write `**Delta:** {right}`"


@pytest.mark.parametrize(("target", "threshold"), [("0,72", "0,80"), ("0.72", "0.80"), ("**0,72**", "0,80")])
def test_the_threshold_is_written_as_the_target_is(target: str, threshold: str) -> None:
    text = CLEAN.replace(INDEX, f"**Current baseline:** 0,68\n**Target post-implementation:** {target}\n")
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD504"]
    assert [(f.message.rsplit(" ", 1)[1], f.hint) for f in found] == [
        (threshold, f"Aim for at least {threshold}, or explain why in the PRD")
    ]


# drift10: a delta in points in brackets after the target, as the index line writes it.
@pytest.mark.parametrize(
    ("line", "rules"),
    [
        ("**Current baseline:** 0.68 → **Target:** 0.86 (Δ +18 pts)", []),
        ("**Baseline:** 0.68 · **Target:** 0.86 (delta: +18 pp)", []),
        ("IOSM-Index: 0.68 → 0.86 (Δ +18 Punkte)", []),
        ("**Current baseline:** 0.68 → **Target:** 0.86 (Δ +20 pts)", ["PRD503"]),
        ("IOSM-Index: 0.68 → 0.86 (+20 points)", ["PRD503"]),
    ],
)
def test_a_delta_in_points_in_brackets_is_the_delta(line: str, rules: list[str]) -> None:
    text = CLEAN.replace(INDEX, line + "\n")
    index = parse_prd(text, "prd.md").iosm.index
    assert (index.baseline and index.baseline.raw, index.target and index.target.raw) == ("0.68", "0.86")
    assert index.delta is not None and index.delta.raw.startswith(("+18", "+20"))
    assert [rule for rule, _ in findings(text)] == rules
