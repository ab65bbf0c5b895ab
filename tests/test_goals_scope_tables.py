"""Goals, non-goals, scope and open questions written as tables read as their list forms do
(mend6): ``| G1 | Goal | Metric |``, an "In scope / Out of scope" table, an open-questions
table with a Status or Answer column.  Each form must give the clean PRD's model and no
finding the list form does not give (PRD204 counted no table as a part).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.model import Item, Prd
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")
GOALS = CLEAN[CLEAN.index("## 2. Goals") : CLEAN.index("## 3. ")]
SCOPE = CLEAN[CLEAN.index("## 4. Scope") : CLEAN.index("## 5. ")]
OPEN_Q = "- Should the CVC be skipped for low-value orders once the issuer allows it?\n"
assert OPEN_Q in CLEAN

G = [g.text for g in BASE.goals]
NG = [g.text for g in BASE.non_goals]
assert len(G) == 3 and len(NG) == 3


def rules(text: str) -> list[str]:
    return sorted(f.rule for f in check_page(parse_prd(text, "prd.md"), text, Settings()))


def texts(items: tuple[Item, ...]) -> list[str]:
    return [i.text for i in items]


def table(header: str, rows: list[str]) -> str:
    cells = header.count("|") - 1
    return "\n".join([header, "|" + "---|" * cells, *rows]) + "\n"


GOAL_ROWS = [f"| G{i} | {g} | tracked weekly |" for i, g in enumerate(G, 1)]
NON_GOAL_ROWS = [f"| {g} | later |" for g in NG]
GOALS_AS_TABLES = {
    "a goal and a non-goal table": "## 2. Goals / Non-goals\n\n"
    + table("| ID | Goal | Metric |", GOAL_ROWS)
    + "\n"
    + table("| Non-goal | Why |", NON_GOAL_ROWS),
    "tables under the part headings": "## 2. Goals / Non-goals\n\n### Goals\n"
    + table("| # | Description | Metric |", GOAL_ROWS)
    + "\n### Non-Goals\n"
    + table("| What | Why |", NON_GOAL_ROWS),
    "a Goal column under the Non-Goals heading": "## 2. Goals / Non-goals\n\n### Goals\n"
    + table("| ID | Goal | Metric |", GOAL_ROWS)
    + "\n### Non-Goals\n"
    + table("| Goal | Why not now |", NON_GOAL_ROWS),
    "one table with both parts": "## 2. Goals / Non-goals\n\n"
    + table("| Objective | Out of scope |", [f"| {g} | {n} |" for g, n in zip(G, NG, strict=True)]),
    "bold headers, an id column": "## 2. Goals / Non-goals\n\n"
    + table(
        "| **#** | **Goal** | **Non-goal** |",
        [f"| {i} | {g} | {n} |" for i, (g, n) in enumerate(zip(G, NG, strict=True), 1)],
    ),
}


@pytest.mark.parametrize("written", GOALS_AS_TABLES.values(), ids=GOALS_AS_TABLES.keys())
def test_goals_and_non_goals_as_tables(written: str) -> None:
    text = CLEAN.replace(GOALS, written + "\n")
    prd = parse_prd(text, "prd.md")
    assert (texts(prd.goals), texts(prd.non_goals)) == (G, NG)
    assert rules(text) == rules(CLEAN)  # no PRD204 for parts written as tables


def _listed(items: list[str]) -> str:
    return "".join(f"- {i}\n" for i in items)


GOALS_AS_LABELS = {
    "bold labels over lists": f"**Goals:**\n{_listed(G)}\n**Non-Goals:**\n{_listed(NG)}",
    "an Out of scope label": f"**Goals**\n\n{_listed(G)}\n**Out of scope:**\n\n{_listed(NG)}",
    "translated labels": f"**Ziele:**\n{_listed(G)}\n**Nicht-Ziele:**\n{_listed(NG)}",
    "labelled items": "".join(f"- **Goal:** {g}\n" for g in G) + "".join(f"- Non-goal: {n}\n" for n in NG),
    "plain label lines": "\n\n".join([*(f"Goals: {g}" for g in G), *(f"Out of scope: {n}" for n in NG)])
    + "\n",
}


@pytest.mark.parametrize("written", GOALS_AS_LABELS.values(), ids=GOALS_AS_LABELS.keys())
def test_goals_and_non_goals_under_label_lines(written: str) -> None:
    # attack6: every item went into the goals, the non-goals among them (PRD204 read the
    # labels; the model, the JSON export and the card did not).
    text = CLEAN.replace(GOALS, "## 2. Goals / Non-goals\n\n" + written + "\n")
    prd = parse_prd(text, "prd.md")
    assert (texts(prd.goals), texts(prd.non_goals)) == (G, NG)
    assert rules(text) == rules(CLEAN)


def test_a_goal_with_a_label_of_its_own_stays_whole() -> None:
    written = "## 2. Goals / Non-goals\n\n- Reduce goal-setting time: two days to one\n"
    written += "- **Non-goals:** PDF export\n"
    prd = parse_prd(CLEAN.replace(GOALS, written + "\n"), "prd.md")
    assert (texts(prd.goals), texts(prd.non_goals)) == (
        ["Reduce goal-setting time: two days to one"],
        ["PDF export"],
    )


@pytest.mark.parametrize(
    ("written", "missing"),
    [
        # A table of metrics names neither part: the section still lacks its goals.
        (table("| Metric | Baseline | Target |", ["| Abandonment | 38% | 25% |"]), ["Goals", "Non-Goals"]),
        (table("| Goal | Metric |", ["| Faster | p95 |"]), ["Non-Goals"]),
        (table("| In scope | Out of scope |", ["| Cards | Wallets |"]), ["Goals"]),
    ],
)
def test_a_table_that_names_no_part_is_still_reported(written: str, missing: list[str]) -> None:
    text = CLEAN.replace(GOALS, "## 2. Goals / Non-goals\n\n" + written + "\n")
    found = [f.message for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD204"]
    assert found == [f"Section `Goals / Non-goals` has no {name} subsection" for name in missing]


def buckets(prd: Prd) -> list[tuple[str, list[str]]]:
    return [(b.name, texts(b.items)) for b in prd.scope]


BASE_SCOPE = buckets(BASE)
assert [name for name, _ in BASE_SCOPE] == ["MVP", "V1.1", "Future"]


def _scope_by_phase() -> str:
    rows = [f"| {item} | {name} |" for name, items in BASE_SCOPE for item in items]
    return "## 4. Scope\n\n" + table("| Feature | Phase |", rows)


def _scope_under_headings() -> str:
    parts = [
        f"### {title}\n" + table("| # | Item |", [f"| {i} | {x} |" for i, x in enumerate(items, 1)])
        for title, (_, items) in zip(
            ("MVP (Must-Have)", "V1.1 (Should-Have)", "Future (Could-Have)"), BASE_SCOPE, strict=True
        )
    ]
    return "## 4. Scope\n\n" + "\n".join(parts)


def _scope_marked(mark: str, blank: str) -> str:
    names = [name for name, _ in BASE_SCOPE]
    rows = [
        "| " + " | ".join([item, *(mark if n == name else blank for n in names)]) + " |"
        for name, items in BASE_SCOPE
        for item in items
    ]
    return "## 4. Scope\n\n" + table("| Feature | MVP | V1.1 | Future |", rows)


@pytest.mark.parametrize(
    "written",
    [_scope_by_phase(), _scope_under_headings(), _scope_marked("✓", ""), _scope_marked("Yes", "No")],
    ids=["phase column", "under headings", "marked columns", "yes/no columns"],
)
def test_scope_as_tables(written: str) -> None:
    text = CLEAN.replace(SCOPE, written + "\n")
    assert buckets(parse_prd(text, "prd.md")) == BASE_SCOPE
    assert rules(text) == rules(CLEAN)


def test_in_scope_out_of_scope_table() -> None:
    written = "## 4. Scope\n\n" + table(
        "| In scope | Out of scope |", ["| Save a card | Wallets |", "| Pay | |"]
    )
    text = CLEAN.replace(SCOPE, written + "\n")
    assert buckets(parse_prd(text, "prd.md")) == [
        ("In scope", ["Save a card", "Pay"]),
        ("Out of scope", ["Wallets"]),
    ]
    assert rules(text) == rules(CLEAN)


@pytest.mark.parametrize(
    ("written", "open_"),
    [
        (
            table("| # | Question | Owner | Status |", ["| 1 | Skip the CVC? | Ana | Open |"]),
            ["Skip the CVC?"],
        ),
        (
            table(
                "| # | Question | Owner | Status |",
                [
                    "| 1 | Skip the CVC? | Ana | Open |",
                    "| 2 | Which PSP? | Bo | Resolved |",
                    "| 3 | Keep CSV? | Cy | Resolved (2026-01-05) |",
                    "| 4 | Retention? | Di | Closed – 90 days |",
                    "| 5 | Amex? | Ed | ✅ Answered |",
                    "| 6 | Wallets? | Fi | In progress |",
                ],
            ),
            ["Skip the CVC?", "Wallets?"],
        ),
        (
            table(
                "| Question | Answer |",
                [
                    "| Skip the CVC? | TBD |",
                    "| Which PSP? | Stripe |",
                    "| Wallets? | |",
                    "| Amex? | Pending legal |",
                ],
            ),
            ["Skip the CVC?", "Wallets?", "Amex?"],
        ),
        # No Question column: the first column that is not an id holds the question.
        (
            table(
                "| ID | Topic | Owner | Status |",
                ["| Q1 | Skip the CVC? | Ana | Open |", "| Q2 | PSP | Bo | Decided |"],
            ),
            ["Skip the CVC?"],
        ),
        (table("| Question | Owner |", ["| None | |"]), []),
        (
            table("| Question | Status |", ["| Not resolved yet: skip the CVC? | Unresolved |"]),
            ["Not resolved yet: skip the CVC?"],
        ),
    ],
)
def test_open_questions_as_a_table(written: str, open_: list[str]) -> None:
    """The card counts the open questions of a table as it counts a list's: a row whose Status
    says it is settled, or whose Answer gives one, is not open."""
    text = CLEAN.replace(OPEN_Q, written)
    assert texts(parse_prd(text, "prd.md").open_questions) == open_
