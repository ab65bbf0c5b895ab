"""A numbered or bulleted sentence right over the template's ``---`` section separator, with the
next section's heading after it, is a list item and a rule, as GitHub and the site show it.

Found by the document fuzzer: ``5. Maintainability: the risk team changes fraud-check rules
without a deployment, …`` with no blank line before the ``---`` that closes its section was
read as a setext heading (Python-Markdown's reading), so the page got PRD803 ("write it as
``## 5. …``"), PRD202 (numbered 5, expected 7), PRD203 (an empty section) and a duplicate
section, and ``--fix`` turned the item into ``## 7. Maintainability: …``.  A section title over
``---`` (``1. Problem``, ``5. Open Questions``), or a line with text under it, is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.fix import fix_text
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
SEPARATOR = "\n\n---\n\n## 4. Scope"
assert SEPARATOR in CLEAN


def _findings(page: str) -> list[tuple[int, str]]:
    catalog = build_catalog([("p.md", page.encode())], Settings())
    return [(f.line, f.rule) for f in catalog.findings_for("p.md")]


def _sections(page: str) -> list[str]:
    prd = build_catalog([("p.md", page.encode())], Settings()).get("p.md")
    assert prd is not None
    return [s.title for s in prd.sections]


@pytest.mark.parametrize(
    "line",
    [
        "3. The risk team changes fraud-check rules without a deployment.",
        "3. Maintainability: the risk team changes fraud-check rules without a deployment, and more",
        "- Every reward booking is traceable to its referral and its order",
        "* A card removed in the wallet is removed at the provider too.",
        "3) Support sees the last four digits.",
    ],
)
def test_a_sentence_item_over_the_separator_is_an_item_and_a_rule(line: str) -> None:
    page = CLEAN.replace(SEPARATOR, f"\n\n{line}\n---\n\n## 4. Scope")
    assert _findings(page) == []
    assert _sections(page) == _sections(CLEAN)
    assert fix_text(page, "p.md", Settings()).text == page


@pytest.mark.parametrize(
    ("page", "rule"),
    [
        # A section title over --- stays a heading, with or without text under it.
        (CLEAN.replace(SEPARATOR, "\n\n4. Open Questions\n---\n\n## 4. Scope"), "PRD803"),
        (
            CLEAN.replace(
                SEPARATOR,
                "\n\n4. The risk team changes fraud-check rules without a deployment.\n---\n\n"
                "Text.\n\n## 4. Scope",
            ),
            "PRD803",
        ),
    ],
    ids=["section-title", "text-under-it"],
)
def test_a_heading_over_the_separator_is_still_reported(page: str, rule: str) -> None:
    assert rule in {r for _, r in _findings(page)}
