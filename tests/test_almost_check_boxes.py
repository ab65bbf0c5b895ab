"""PRD309: a line of the acceptance criteria that looks like a check box but is none.

``- [] x``, ``-[ ] x``, ``[x] x`` (no list marker), ``- [ x] x`` show their brackets as text
on GitHub and on the site, and the card may not count them.  Every GFM task-list item
(1-4 blanks after the marker, a blank, tab or x in the brackets) and the brackets of links,
code and other sections are silent.  In process: parse and check one page.
"""

from __future__ import annotations

import pytest
from render_sites import prd_text

from mkdocs_prd.core.fix import fix_text
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings


def prd309(criteria: str) -> list[tuple[int, str]]:
    text = prd_text().replace("## 8. Acceptance Criteria", f"## 8. Acceptance Criteria\n\n{criteria}\n", 1)
    assert criteria in text
    first = text.splitlines().index(criteria.splitlines()[0]) + 1
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [(f.line - first, f.hint or "") for f in found if f.rule == "PRD309"]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("- [] FR-1 verified", "- [ ] FR-1 verified"),
        ("-[ ] FR-1 verified", "- [ ] FR-1 verified"),
        ("*[x] FR-1 verified", "* [x] FR-1 verified"),
        ("[x] FR-1 verified", "- [x] FR-1 verified"),
        ("[ ] FR-1 verified", "- [ ] FR-1 verified"),
        ("- [ x] FR-1 verified", "- [x] FR-1 verified"),
        ("- [x ] FR-1 verified", "- [x] FR-1 verified"),
        ("- [  ] FR-1 verified", "- [ ] FR-1 verified"),
        ("- [x]FR-1 verified", "- [x] FR-1 verified"),
        ("1.[ ] FR-1 verified", "1. [ ] FR-1 verified"),
        ("  - [] FR-1 nested", "- [ ] FR-1 nested"),
    ],
)
def test_a_line_almost_a_check_box_is_prd309_with_the_box_meant(line: str, meant: str) -> None:
    found = prd309(f"- [ ] FR-2 verified\n{line}")
    assert [at for at, _ in found] == [1], found
    assert f"`{meant}`" in found[0][1]


@pytest.mark.parametrize(
    "criteria",
    [
        "- [ ] FR-1 verified\n- [x] FR-2 verified\n* [X] FR-3 verified\n+ [ ] FR-4\n1. [ ] FR-5\n2) [x] FR-6",
        "-  [ ] FR-1 (two blanks)\n-    [x] FR-2 (four)\n- [\t] FR-3 (a tab)",
        "- [ ]\n- [x]",
        "[x](https://example.com) is the runbook\n[the plan][x] and [x][] are links\n\n[x]: https://example.com",
        "```text\n- [] not this\n[x] nor this\n```",
        "<!--\n[x] hidden\n-->",
        "| Criterion | Met |\n|---|---|\n| [x] FR-1 | yes |",
        "See [x] for the box, and **[x]** in bold.",
    ],
)
def test_check_boxes_as_written_links_and_code_are_silent(criteria: str) -> None:
    assert prd309(criteria) == []


def test_only_the_acceptance_section_is_read() -> None:
    plan = "## 9. Rollout / Migration Plan"
    text = prd_text().replace(plan, f"{plan}\n\n- [] not in section 8\n", 1)
    assert "- [] not in section 8" in text
    assert not [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD309"]


def fixed(criteria: str) -> str:
    """The acceptance lines after ``--fix`` (the criteria put under section 8, as above)."""
    text = prd_text().replace("## 8. Acceptance Criteria", f"## 8. Acceptance Criteria\n\n{criteria}\n", 1)
    after = fix_text(text, "prd.md", Settings()).text
    section = after.split("## 8. Acceptance Criteria\n\n", 1)[1]
    return section[: len(criteria) + 8].split("\n\n#")[0].rstrip("\n")


@pytest.mark.parametrize(
    ("criteria", "after"),
    [
        ("- [ ] FR-2\n- [] FR-1", "- [ ] FR-2\n- [ ] FR-1"),
        ("- [ ] FR-2\n- [  ] FR-1", "- [ ] FR-2\n- [ ] FR-1"),
        ("- [ ] FR-2\n- [ x] FR-1", "- [ ] FR-2\n- [x] FR-1"),
        ("- [ ] FR-2\n- [X ] FR-1", "- [ ] FR-2\n- [X] FR-1"),
        ("- [ ] FR-2\n-[ ] FR-1", "- [ ] FR-2\n- [ ] FR-1"),
        ("- [ ] FR-2\n1.[x] FR-1", "- [ ] FR-2\n1. [x] FR-1"),
        ("- [ ] FR-2\n- [x]FR-1", "- [ ] FR-2\n- [x] FR-1"),
        ("- [ ] FR-2\n-  [] FR-1", "- [ ] FR-2\n-  [ ] FR-1"),
        ("- [ ] FR-2\n[X] FR-1", "- [ ] FR-2\n- [X] FR-1"),
        ("- [ ] FR-2\n\n[x] FR-1", "- [ ] FR-2\n\n- [x] FR-1"),
        ("[x] FR-1\n[ ] FR-2", "- [x] FR-1\n- [ ] FR-2"),
        ("- [ ] FR-2\n  - [] FR-1 nested", "- [ ] FR-2\n  - [ ] FR-1 nested"),
        ("> - [ ] FR-2\n> [x] FR-1", "> - [ ] FR-2\n> - [x] FR-1"),
    ],
)
def test_a_box_whose_meaning_is_certain_is_fixed(criteria: str, after: str) -> None:
    assert fixed(criteria) == after


@pytest.mark.parametrize(
    "criteria",
    [
        "Accepted when:\n[x] FR-1 verified",  # continues the paragraph in Python-Markdown
        "> Accepted when:\n> [x] FR-1 verified",
        "> - [ ] FR-2\n[x] FR-1 verified",  # another quote depth
        "- [ ] FR-2\n-      [ ] FR-1 (five blanks: code in the item)",
        "- [ ] FR-2\n*[x] FR-1 *really* verified",  # the * may open emphasis
    ],
)
def test_a_box_whose_meaning_is_not_certain_is_the_authors(criteria: str) -> None:
    assert prd309(f"{criteria}") != []
    assert fixed(criteria) == criteria


def test_an_almost_box_with_a_capital_x_is_no_template_variable() -> None:
    text = prd_text().replace(
        "## 8. Acceptance Criteria", "## 8. Acceptance Criteria\n\n- [ ] FR-2\n[X] FR-1\n- [ X ] FR-3\n", 1
    )
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    assert not [f for f in found if f.rule == "PRD107"]
    assert len([f for f in found if f.rule == "PRD309"]) == 2
    variable = text.replace("- [ ] FR-2\n", "- [ ] FR-2 within [X] days\n", 1)
    assert [f for f in check_page(parse_prd(variable, "prd.md"), variable, Settings()) if f.rule == "PRD107"]
