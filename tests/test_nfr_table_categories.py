"""PRD304 for non-functional requirements written as a table: the category is read from a Category
column (any language it is written in) or before a colon in the requirement's cell, as it is for
blocks and list items.  A table naming all five categories, and one of free sentences, are silent.
In process: parse and check one page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


def prd304(table: str) -> list[str]:
    start, end = CLEAN.index("### Non-Functional Requirements"), CLEAN.index("## 6.")
    text = CLEAN[:start] + "### Non-Functional Requirements\n\n" + table + "\n\n---\n\n" + CLEAN[end:]
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [f.message for f in found if f.rule == "PRD304"]


@pytest.mark.parametrize(
    "table",
    [
        "| ID | Category | Requirement |\n|---|---|---|\n| NFR-1 | Performance | P95 under 300 ms |\n"
        "| NFR-2 | Security | OIDC session |",
        "| ID | Requirement |\n|---|---|\n| NFR-1 | Performance: P95 under 300 ms |\n"
        "| NFR-2 | Security: OIDC |",
        "| ID | Kategorie | Anforderung |\n|---|---|---|\n| NFR-1 | Leistung | P95 unter 300 ms |\n"
        "| NFR-2 | Sicherheit | OIDC |",
    ],
)
def test_a_table_with_missing_categories_is_prd304(table: str) -> None:
    found = prd304(table)
    assert len(found) == 1 and "Scalability" in found[0] and "Performance" not in found[0], found


@pytest.mark.parametrize(
    "table",
    [
        "| ID | Category | Requirement |\n|---|---|---|\n| NFR-1 | Performance | P95 < 300 ms |\n"
        "| NFR-2 | Security | OIDC |\n| NFR-3 | Reliability | 99.9% |\n| NFR-4 | Scalability | 10k users |\n"
        "| NFR-5 | Maintainability | 80% coverage |",
        "| ID | Requirement |\n|---|---|\n| NFR-1 | Pages answer fast |\n| NFR-2 | Data stays in the EU |",
    ],
)
def test_a_complete_table_or_free_sentences_are_silent(table: str) -> None:
    assert prd304(table) == []
