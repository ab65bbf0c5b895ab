"""``mkdocs-prd review`` compares every requirement form the parser reads, on a real git repo.

One Approved PRD per form (one-line item, MoSCoW group, heading with a paragraph and an
``**Acceptance:**`` label, ``__FR-1__``, ``FR1``, an admonition, a table with the id in the
Requirement cell ...); the change edits FR-1's words and keeps the Version.  Every form must
give PRD701 on FR-1's line, as the ``**FR-n**`` block form does; a change of emphasis or
wrapping only must give none.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
from git_repos import SITE_CONFIG, Git, line_of, prd

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.review.diff import compare
from mkdocs_prd.core.review.rules import removed_at, review
from mkdocs_prd.core.settings import Settings

_FR_SECTION_START = "**FR-1: Save a card**"
_FR_SECTION_END = "### Non-Functional Requirements"
OLD = "a shopper can save the card they pay with"
NEW = "a shopper can save any card they own"

# name -> the Functional Requirements text (FR-1 only), written with OLD; the head has NEW.
FORMS: dict[str, str] = {
    "block": f"**FR-1: Save a card**\n- Description: {OLD}\n- Acceptance: it is listed\n- Priority: Must\n",
    "inline": f"- **FR-1: Save a card** (Must) — {OLD}.\n- **FR-2**: Remove a card (Should) — it goes.\n",
    "inline-plain": f"1. FR-1: Save a card — {OLD} (Must)\n",
    "grouped": (
        f"#### Must have\n- **FR-1: Save a card** — {OLD}.\n\n"
        "#### Should have\n- **FR-2: Remove** — it goes.\n"
    ),
    "heading-paragraph": f"#### FR-1: Save a card (Must)\n{OLD}.\n\n**Acceptance:** the wallet lists it.\n",
    "heading-label": f"#### FR-1: Save a card (Must)\nSaves cards.\n\n**Acceptance:** {OLD}.\n",
    "paragraph-after-bullets": (
        f"#### FR-1: Save a card\n- Acceptance: the wallet lists it\n- Priority: Must\n\n{OLD}.\n"
    ),
    "id-after-title": f"1. **Save a card** (FR1, Must): {OLD}.\n",
    "after-bold-title": f"**FR-1: Save a card** (Must) — {OLD}.\n",
    "underscore-bold": f"__FR-1: Save a card__\n- Description: {OLD}\n- Priority: Must\n",
    "spelled-id": f"**FR1: Save a card**\n- Description: {OLD}\n- Priority: Must\n",
    "admonition": (
        '!!! note "Added in 1.2"\n    **FR-1: Save a card**\n\n'
        f"    - Description: {OLD}\n    - Priority: Must\n"
    ),
    "table-id-in-cell": (
        f"| Requirement | Acceptance | Priority |\n|---|---|---|\n| FR-1: Save a card | {OLD} | Must |\n"
    ),
}
# Re-formatting only: emphasis and wrapping change, the words do not.
SAME = {
    "inline-reformatted": (
        f"- **FR-1: Save a card** (Must) — {OLD}.\n",
        "- **FR-1: Save a card** (Must) — a shopper can *save* the card\n  they pay with\n",
    ),
    "heading-reformatted": (
        f"#### FR-1: Save a card (Must)\n{OLD}.\n\n**Acceptance:** the wallet lists it.\n",
        "#### FR-1: Save a card (Must)\na shopper can save\nthe card they pay with\n\n"
        "**Acceptance:** the wallet lists it\n",
    ),
}


def _page(title: str, requirements: str) -> str:
    text = prd(title, title.lower())
    start = text.index(_FR_SECTION_START)
    return text[:start] + requirements + "\n" + text[text.index(_FR_SECTION_END) :]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Git:
    git = Git(tmp_path_factory.mktemp("review-forms") / "repo").init()
    base = {"mkdocs.yml": SITE_CONFIG, "docs/index.md": "# Home\n"}
    head: dict[str, str] = {}
    for name, text in FORMS.items():
        base[f"docs/prds/{name}.md"] = _page(name, text)
        head[f"docs/prds/{name}.md"] = _page(name, text.replace(OLD, NEW))
    for name, (before, after) in SAME.items():
        base[f"docs/prds/{name}.md"] = _page(name, before)
        head[f"docs/prds/{name}.md"] = _page(name, after)
    git.write(base)
    git.commit("Approved PRDs", when="2026-01-10T10:00:00+00:00")
    git("checkout", "-q", "-b", "feature")
    git.write(head)
    git.commit("Reword FR-1", when="2026-02-01T09:00:00+00:00")
    git("checkout", "-q", "main")
    return git


def test_every_form_of_a_changed_requirement_is_a_contract_change(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code = main(["review", "--base", "main", "--head", "feature", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    got = {(str(f["file"]), int(str(f["line"]))) for f in found if f["rule"] == "PRD701"}
    expected = set()
    for name, text in FORMS.items():
        page = _page(name, text.replace(OLD, NEW))
        expected.add((f"docs/prds/{name}.md", line_of(page, NEW if "table" in name else "FR")))
    assert got == expected
    messages = {str(f["file"]): str(f["message"]) for f in found if f["rule"] == "PRD701"}
    assert all(m.startswith("FR-1 ") for m in messages.values()), messages
    assert "acceptance" in messages["docs/prds/heading-label.md"]
    assert "text changed" in messages["docs/prds/heading-paragraph.md"]
    # Re-formatting is no contract change; the label line is no requirement of its own.
    for name in SAME:
        mine = [f["rule"] for f in found if f["file"] == f"docs/prds/{name}.md"]
        assert mine == ["PRD704"], (name, mine)
    assert not any("requirements added" in str(f["message"]) for f in found)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_same_model_gives_the_same_change(name: str) -> None:
    """Each form reads as FR-1 with its priority, and the change is one FR-1 change."""
    base = parse_prd(_page(name, FORMS[name]), "x.md")
    head = parse_prd(_page(name, FORMS[name].replace(OLD, NEW)), "x.md")
    assert base.functional[0].id == "FR-1" and base.functional[0].level == "Must"
    changes = compare(base, head)
    assert [(c.kind, c.what.split(" ")[0]) for c in changes] == [("requirement_changed", "FR-1")]


_REMOVAL = """# PRD: Removal

**Status:** Approved

## 5. Requirements

### Functional Requirements

**FR-1: Keep**
- Priority: Must

**FR-2: Drop**
- Priority: Must

### Non-Functional Requirements

**NFR-1: Performance**
- Target: fast

## 8. Acceptance Criteria

- [ ] it works
"""


def _drop(*parts: str) -> Any:
    return lambda t: functools.reduce(lambda text, part: text.replace(part, ""), parts, t)


_NFR = "### Non-Functional Requirements\n\n**NFR-1: Performance**\n- Target: fast\n\n"
_ACCEPTANCE = "## 8. Acceptance Criteria\n\n- [ ] it works\n"


@pytest.mark.parametrize(
    ("removed", "head_edit", "at"),
    [
        # The item is gone, its section stays: the head's heading of that section.
        ("**FR-2: Drop**", _drop("**FR-2: Drop**\n- Priority: Must\n\n"), "### Functional"),
        # Its section is gone too: the enclosing section that is still there.
        ("**NFR-1: Performance**", _drop(_NFR), "## 5. Requirements"),
        # No section of it is left: the title line.
        ("- [ ] it works", _drop(_ACCEPTANCE), "# PRD: Removal"),
        # Moved sections are found by their heading, wherever they are now.
        (
            "**FR-2: Drop**",
            lambda t: _drop(_ACCEPTANCE, "**FR-2: Drop**\n")(t).replace("## 5.", _ACCEPTANCE + "\n## 5."),
            "### Functional",
        ),
    ],
)
def test_a_removal_is_reported_at_its_section_in_head(removed: str, head_edit: Any, at: str) -> None:
    base = parse_prd(_REMOVAL, "p.md")
    head_text = head_edit(_REMOVAL)
    head = parse_prd(head_text, "p.md")
    assert removed_at(base, head, line_of(_REMOVAL, removed)) == line_of(head_text, at)


@pytest.mark.parametrize("count", [1, 2])
def test_summary_counts_agree_with_their_nouns(count: int) -> None:
    """PRD704's summary: "1 requirement removed", "2 requirements removed" (was "1 requirements")."""
    from mkdocs_prd.core.review.diff import Change, Pair
    from mkdocs_prd.core.review.rules import PrdReview, summary_parts

    base = parse_prd("# PRD: A\n\n**Status:** Draft\n", "a.md")
    kinds = {
        "requirement_removed": ("requirement removed", "requirements removed"),
        "criterion_unticked": ("acceptance criterion unticked", "acceptance criteria unticked"),
        "priority_raised": ("priority raised", "priorities raised"),
        "iosm_added": ("IOSM target added", "IOSM targets added"),
    }
    changes = tuple(
        Change(kind, f"X-{i}", "removed", "head", 1)  # type: ignore[arg-type]
        for kind in kinds
        for i in range(count)
    )
    parts = summary_parts(PrdReview(Pair(base, base), changes))
    for one, several in kinds.values():
        assert any(p.startswith(f"{count} {one if count == 1 else several}: ") for p in parts), parts


_TABLE_PRD = """# PRD: Table

**Version:** 1.2
**Track ID:** table
**Owner:** Ana
**Status:** Approved

## 5. Requirements

| ID | Requirement | Priority |
|----|----|----|
| FR-1 | Export the ledger as CSV | Must |
| FR-2 | Export the ledger as PDF | Should |
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # Text and priority of one row: one finding naming both (fresh7: two, one reading
        # "FR-1 …: requirement in a PRD that was …", which named no change).
        (
            "| FR-1 | Export the ledger as CSV | Must |",
            "| FR-1 | Export the ledger as CSV files | Should |",
            "FR-1 `Export the ledger as CSV files`: text changed and priority `Must` → `Should` in a PRD "
            "that was `Approved`, and the Version is still `1.2`",
        ),
        (
            "| FR-1 | Export the ledger as CSV | Must |",
            "| FR-1 | Export the ledger as CSV files | Must |",
            "FR-1 `Export the ledger as CSV files`: text changed in a PRD that was `Approved`, and the "
            "Version is still `1.2`",
        ),
    ],
)
def test_one_requirement_changed_is_one_finding_naming_each_change(old: str, new: str, message: str) -> None:
    base = parse_prd(_TABLE_PRD, "x.md")
    head = parse_prd(_TABLE_PRD.replace(old, new), "x.md")
    found = [f for f in review([base], [head], Settings()).findings if f.rule == "PRD701"]
    assert [f.message for f in found] == [message]
