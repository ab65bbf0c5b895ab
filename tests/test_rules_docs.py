"""The rule table of docs/rules.md is generated from the catalogue and must not drift from it."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_prd.core.rules.catalog import RULES, rule_table_markdown

RULES_PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def readme_rule_table() -> str:
    text = RULES_PAGE.read_text(encoding="utf-8")
    m = re.search(r"<!-- rules-table:start -->\n(.*?)<!-- rules-table:end -->", text, re.S)
    assert m, "docs/rules.md lacks the <!-- rules-table:start --> / <!-- rules-table:end --> markers"
    return m.group(1)


def test_readme_rule_table_matches_the_catalogue() -> None:
    # On failure: python -m mkdocs_prd.docs_tables (rewrites the generated blocks of the documentation).
    assert readme_rule_table() == rule_table_markdown()


def test_rule_table_lists_every_rule_with_its_default_severity() -> None:
    rows = [line for line in rule_table_markdown().splitlines() if line.startswith("| PRD")]
    assert [row.split(" | ")[0][2:] for row in rows] == list(RULES)
    for row, rule in zip(rows, RULES.values(), strict=True):
        assert row.startswith(f"| {rule.id} | {rule.severity.value} | ")
        assert rule.summary and "\n" not in rule.summary


def test_catalogue_keeps_the_public_ids_and_defaults() -> None:
    # The ids and default severities of issue 3 are public interface: users configure them.
    public = {
        "PRD001": "error", "PRD101": "error", "PRD102": "error", "PRD103": "error",
        "PRD104": "warning", "PRD105": "warning", "PRD106": "error", "PRD107": "warning",
        "PRD108": "warning", "PRD201": "error", "PRD202": "warning", "PRD203": "warning",
        "PRD204": "warning", "PRD301": "warning", "PRD302": "error", "PRD303": "error",
        "PRD304": "warning", "PRD305": "warning", "PRD401": "warning", "PRD402": "warning",
        "PRD501": "warning", "PRD502": "error", "PRD503": "warning", "PRD504": "info",
        # Added beyond the list: PRD505 (an IOSM-Index value that is not a number).
        "PRD505": "warning",
    }  # fmt: skip
    assert {rid: RULES[rid].severity.value for rid in public} == public
