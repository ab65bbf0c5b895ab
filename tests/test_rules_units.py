"""Rule details the golden cases do not pin down: tolerated drift, edge values, robustness."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page, count_by_severity, summary_line
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
TEMPLATE = (GOLDEN / "template.md").read_text(encoding="utf-8")


def lint_text(text: str, site: Settings | None = None) -> list[Finding]:
    return check_page(parse_prd(text, "prd.md"), text, site or Settings())


def rules_of(text: str, site: Settings | None = None) -> list[str]:
    return [f.rule for f in lint_text(text, site)]


def variant(*pairs: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize(
    "pairs",
    [
        [("**Status:** Approved", "**Status:** approved")],  # statuses match case-insensitively
        [("**Version:** 1.2", "**Version:** 1.2.0")],  # 1.2.0 equals change-log 1.2
        [("- Priority: Should", "- Priority: **SHOULD**")],
        [
            (
                "| Shoppers distrust saving cards | M | M |",
                "| Shoppers distrust saving cards | Medium | High |",
            )
        ],
        [("**Delta:** +0.18", "**Delta:** +0.183")],  # within the 0.005 tolerance
        [("## 6. UX / API / Data", "## UX / API / Data")],  # an unnumbered section is not misnumbered
    ],
)
def test_tolerated_variants_stay_clean(pairs: list[tuple[str, str]]) -> None:
    assert rules_of(variant(*pairs)) == []


def test_consecutive_renumbering_after_a_dropped_section_is_not_misnumbered() -> None:
    start, end = CLEAN.index("## 6. UX / API / Data"), CLEAN.index("## 7. Risks")
    text = CLEAN[:start] + CLEAN[end:]
    for old, new in (("## 7. Risks", "## 6. Risks"), ("## 8. Acc", "## 7. Acc"), ("## 9. Roll", "## 8. Roll"),
                     ("## 10. IOSM", "## 9. IOSM")):  # fmt: skip
        text = text.replace(old, new)
    site = Settings(required_sections=("problem", "goals", "users", "scope", "requirements", "risks",
                                       "acceptance", "rollout", "iosm", "appendix"))  # fmt: skip
    assert rules_of(text, site) == []


def test_a_descending_change_log_compares_with_its_newest_row() -> None:
    old_rows = CLEAN[CLEAN.index("| 1.0 | 2026-01-12") : CLEAN.rindex("\n") + 1]
    rows = old_rows.strip("\n").split("\n")
    text = CLEAN.replace(old_rows, "\n".join(reversed(rows)) + "\n")
    assert rules_of(text) == []
    assert rules_of(text.replace("**Version:** 1.2", "**Version:** 1.0")) == ["PRD402"]


def test_duplicate_track_ids_match_case_insensitively_and_ignore_placeholders() -> None:
    pages = [
        ("a.md", CLEAN.encode()),
        ("b.md", CLEAN.replace("saved-payment-methods", "Saved-Payment-Methods").encode()),
        ("t1.md", TEMPLATE.encode()),
        ("t2.md", TEMPLATE.encode()),  # two untouched templates: PRD107, not PRD106
    ]
    found = build_catalog(pages, Settings()).all_findings()
    assert [(f.path, f.rule) for f in found if f.rule == "PRD106"] == [("a.md", "PRD106"), ("b.md", "PRD106")]


def test_site_rules_respect_a_pages_prd_ignore() -> None:
    pages = [
        ("a.md", CLEAN.encode()),
        ("b.md", ("---\nprd_ignore: PRD106\n---\n" + CLEAN).encode()),
    ]
    found = build_catalog(pages, Settings()).all_findings()
    assert [(f.path, f.rule) for f in found] == [("a.md", "PRD106")]


def test_building_a_catalog_pauses_the_cyclic_gc_and_always_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def spy(text: str, path: str, lines: list[str] | None = None) -> object:
        seen.append(gc.isenabled())
        raise RuntimeError("parser bug")

    monkeypatch.setattr("mkdocs_prd.core.sitewide.catalog.parse_prd", spy)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        build_catalog([("a.md", CLEAN.encode())], Settings())
    assert seen == [False]
    assert gc.isenabled()  # back on even though the build raised
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            build_catalog([("a.md", CLEAN.encode())], Settings())
        assert not gc.isenabled()  # a caller's own pause is left alone
    finally:
        gc.enable()


def test_check_page_with_the_parsers_lines_finds_the_same() -> None:
    lines = split_lines(TEMPLATE)
    prd = parse_prd(TEMPLATE, "t.md", lines)
    assert prd == parse_prd(TEMPLATE, "t.md")
    assert check_page(prd, TEMPLATE, Settings(), lines) == check_page(prd, TEMPLATE, Settings())


def test_table_form_gate_scores_outside_0_1_are_reported() -> None:
    start, end = CLEAN.index("## 10. IOSM Targets"), CLEAN.index("## Appendix")
    table = """## 10. IOSM Targets

| Gate | Baseline | Target | Expected Δ |
|------|----------|--------|------------|
| **Gate-I** | 0.72 | ≥1.5 | +0.78 |
| **Gate-O** | 0.61 | ≥0.75 | +0.14 |
| **Gate-S** | Pass | Pass | — |
| **Gate-M** | 70 | 80% | +10 |

**IOSM-Index target:** ≥0.80

"""
    found = lint_text(CLEAN[:start] + table + CLEAN[end:])
    assert [(f.rule, f.line) for f in found] == [("PRD502", start_line(CLEAN, start) + 4),
                                                 ("PRD502", start_line(CLEAN, start) + 7)]  # fmt: skip
    assert "Gate-I target `≥1.5`" in found[0].message
    assert "Gate-M baseline `70`" in found[1].message


def start_line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_unclosed_comment_is_reported_once_where_it_starts() -> None:
    text = CLEAN.replace("### Open Questions", "<!-- TODO: questions\n### Open Questions")
    found = lint_text(text)
    assert [(f.rule, f.line) for f in found] == [
        ("PRD002", CLEAN[: CLEAN.index("### Open Questions")].count("\n") + 1)
    ]
    assert "HTML comment is never closed" in found[0].message


def test_severity_off_and_override() -> None:
    text = variant(("**Status:** Approved", "**Status:** Shipped"))
    assert [f.severity.value for f in lint_text(text)] == ["error"]
    assert [f.severity.value for f in lint_text(text, Settings(severities={"PRD102": "info"}))] == ["info"]
    assert lint_text(text, Settings(severities={"PRD102": "off"})) == []


def test_summary_counts_by_severity() -> None:
    found = lint_text(
        variant(("**Status:** Approved", "**Status:** Shipped"), ("**Version:** 1.2", "**Version:** x"))
    )
    assert {s.value: n for s, n in count_by_severity(found).items()} == {"error": 1, "warning": 1, "info": 0}
    assert summary_line(found, 1) == "1 error, 1 warning, 0 infos in 1 PRD page"


FRAGMENTS = [
    *CLEAN.split("\n")[:80],
    *TEMPLATE.split("\n")[190:300],
    "---", "```", "~~~", "<!--", "-->", "[", "]", "**", "| a | b |", "- [ ] x", "## 5. Requirements",
    "**FR-1: x**", "- Priority: Maybe", "**Delta:** +9", "**Target post-implementation:** 7",
    "\ufeff", "\r", "\t", "**Status:**", "prd_ignore: [", "# PRD: ", "### Gate-I (Improve) Targets",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), max_size=60))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_validation_never_raises(parts: list[str]) -> None:
    text = "# PRD: Fuzz\n" + "\n".join(parts)
    catalog = build_catalog([("fuzz.md", text.encode("utf-8", "surrogatepass"))], Settings())
    for f in catalog.all_findings():
        assert f.line >= 1 and f.rule.startswith("PRD") and f.message and f.hint


def test_one_unchecked_criterion_is_said_in_the_singular() -> None:
    """``1 of 8 acceptance criteria is unchecked`` (was ``are``), as the summaries count."""
    text = CLEAN.replace("**Status:** Approved", "**Status:** Implemented").replace("- [ ]", "- [x]")
    text = text.replace("- [x] On-call runbook reviewed", "- [ ] On-call runbook reviewed")
    (found,) = lint_text(text)
    assert found.rule == "PRD401" and found.message.endswith("1 of 8 acceptance criteria is unchecked")
