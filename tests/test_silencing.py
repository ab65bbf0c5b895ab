"""A page's silencing names real rules, and findings about the page never point inside its
front matter (reading5, from the new-user report): ``prd_ignore: [PRD999]`` or
``<!-- prd-ignore PRD3O4 -->`` (a letter O) silences nothing and says so (PRD111); a missing
end section of a PRD titled in front matter is reported after the front matter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


@pytest.mark.parametrize(
    ("text", "rule", "line"),
    [
        ("---\nprd_ignore: [PRD999, PRD110]\n---\n" + CLEAN, "PRD999", 2),
        ("---\nprd_ignore:\n  - PRD110\n  - PRD3O4\n---\n" + CLEAN, "PRD3O4", 4),
        ("---\nprd_ignore: prd3o4\n---\n" + CLEAN, "PRD3O4", 2),
        (CLEAN + "\n<!-- prd-ignore PRD3O4 PRD110 -->\n", "PRD3O4", CLEAN.count("\n") + 2),
    ],
    ids=["front-matter-list", "front-matter-items", "lower-case", "comment"],
)
def test_an_unknown_rule_id_in_a_silencing_is_reported(text: str, rule: str, line: int) -> None:
    assert findings(text) == [
        (line, "PRD111", f"`prd-ignore` names `{rule}`, which is no rule: it silences nothing")
    ]


@pytest.mark.parametrize(
    "text",
    [
        CLEAN + "\n<!-- prd-ignore PRD401: criteria tracked in Jira -->\n",  # a reason after the id
        "---\nprd_ignore: [PRD110, PRD304]\n---\n" + CLEAN,
        CLEAN + "\n<!-- prd-ignore PRD111 PRD999 -->\n",  # the page silences this rule too
    ],
)
def test_known_ids_and_reasons_are_fine(text: str) -> None:
    assert findings(text) == []


def test_a_missing_end_section_is_never_reported_inside_front_matter() -> None:
    body = CLEAN.replace("# PRD: Saved Payment Methods\n", "", 1)
    text = "---\ntitle: Saved Payment Methods\n---\n" + body[: body.index("## 10. IOSM")]
    assert [(line, rule) for line, rule, _ in findings(text)] == [(4, "PRD201"), (4, "PRD201")]


@pytest.mark.parametrize(
    "front",
    ['---\ntitle: X\n\tversion: "1.0"\ntrack_id: x\n---\n', '---\ntitle: "X\nowner: [a, b\n---\n'],
    ids=["tab", "unclosed"],
)
def test_invalid_front_matter_is_one_prd001_not_what_follows_from_it(front: str) -> None:
    """Fields or a title that may sit in the unreadable front matter are not also "missing"."""
    body = CLEAN.replace("# PRD: Saved Payment Methods\n", "", 1)
    body = body[: body.index("**Version:**")] + body[body.index("---\n\n## 1.") :]
    rules = [rule for _, rule, _ in findings(front + body)]
    assert "PRD001" in rules
    assert not {"PRD101", "PRD109"} & set(rules)
