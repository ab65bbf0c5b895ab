"""Acceptance criteria written as Gherkin steps, one item per step, and subsections of
section 8 that say their items are not acceptance criteria.

Each snippet replaces the acceptance section of the clean PRD; the model's criteria, the
card's count and PRD401 (an Implemented PRD with unchecked criteria) must agree.
"""

from __future__ import annotations

import pytest
from git_repos import prd

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

_START = "## 8. Acceptance Criteria\n"
_END = "## 9. Rollout"


def _page(acceptance: str, status: str = "Approved") -> str:
    text = prd("Scenarios", "scenarios", status=status)
    return (
        text[: text.index(_START) + len(_START)] + "\n" + acceptance + "\n---\n\n" + text[text.index(_END) :]
    )


def _criteria(acceptance: str, status: str = "Approved") -> list[tuple[int, bool, str]]:
    text = _page(acceptance, status)
    lines = text.split("\n")
    return [(c.line, c.checked, lines[c.line - 1]) for c in parse_prd(text, "x.md").criteria]


STEPS = "- Given a month with 3 invoices\n- When the clerk exports\n- Then the CSV has 3 rows\n"


@pytest.mark.parametrize(
    ("acceptance", "count"),
    [
        (STEPS, 1),
        ("**Scenario: month export**\n" + STEPS, 1),
        ("### Functional Acceptance\n**Scenario: A**\n" + STEPS + "\n**Scenario: B**\n" + STEPS, 2),
        (
            "- Scenario: month export\n  - **Given** a month\n  - **When** the clerk exports\n"
            "  - **And** the month is closed\n  - **Then** the CSV has 3 rows\n  - **But** no PDF\n",
            1,
        ),
        ("1. Given a month\n2. When the clerk exports\n3. Then the CSV has 3 rows\n", 1),
        (STEPS + "- Given an empty month\n- Then the CSV has a header only\n", 2),
        (
            "**Scenario: month export**  \nGiven a month with 3 invoices  \nWhen the clerk exports  \n"
            "Then the CSV has 3 rows\n",
            1,
        ),
        ("- Given a month\n\n- When the clerk exports\n\n- Then the CSV has 3 rows\n", 1),
    ],
)
def test_one_criterion_per_scenario(acceptance: str, count: int) -> None:
    found = _criteria(acceptance)
    assert len(found) == count
    assert all("Given" in line and not checked for _, checked, line in found)


def test_steps_without_a_then_or_outside_a_scenario_are_not_criteria() -> None:
    assert _criteria("- Given the current exporter, clerks wait a day.\n- When it fails, they retry.\n") == []
    assert _criteria("- When the clerk exports\n- Then the CSV opens\n") == []


def test_a_scenario_marked_done_is_met_and_prd401_reads_it() -> None:
    done = "- Given a month\n- When the clerk exports\n- Then the CSV has 3 rows ✅\n"
    assert [c for _, c, _ in _criteria(done)] == [True]
    text = _page(STEPS, status="Implemented")
    rules = [f.rule for f in check_page(parse_prd(text, "x.md"), text, Settings())]
    assert rules == ["PRD401"]
    text = _page(done, status="Implemented")
    assert check_page(parse_prd(text, "x.md"), text, Settings()) == []


@pytest.mark.parametrize(
    "title",
    ["### Follow-ups (not part of acceptance)", "### Follow up tasks", "### Out of scope", "### Next steps"],
)
def test_follow_up_tasks_are_not_criteria(title: str) -> None:
    acceptance = "### Functional Acceptance\n- [x] FR-1 met\n- [x] UC-1 verified\n\n"
    acceptance += f"{title}\n- [ ] XLSX export (V1.1)\n"
    assert [line for _, _, line in _criteria(acceptance)] == ["- [x] FR-1 met", "- [x] UC-1 verified"]
    text = _page(acceptance, status="Implemented")
    assert check_page(parse_prd(text, "x.md"), text, Settings()) == []
    # A group of criteria that merely mentions later work still counts.
    kept = acceptance.replace(title, "### Acceptance for the V1.1 export")
    assert len(_criteria(kept)) == 3


# drift10: scenarios written as a table, one step per column, in the languages the sections are read in.
@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| Given | When | Then |\n|---|---|---|\n"
            "| a month with 3 invoices | the clerk exports | the CSV has 3 rows |\n"
            "| an empty month | the clerk exports | the CSV has a header only |\n",
            [
                (
                    "Given a month with 3 invoices, when the clerk exports, then the CSV has 3 rows",
                    False,
                    False,
                ),
                (
                    "Given an empty month, when the clerk exports, then the CSV has a header only",
                    False,
                    False,
                ),
            ],
        ),
        (
            "| # | **Given** | **When** | **Then** | Status |\n|---|---|---|---|---|\n"
            "| 1 | a month | the clerk exports | 3 rows | ✅ Pass |\n"
            "| 2 | no month | the clerk exports | an error | Pending |\n",
            [
                ("Given a month, when the clerk exports, then 3 rows", True, True),
                ("Given no month, when the clerk exports, then an error", False, True),
            ],
        ),
        (
            "| Escenario | Dado | Cuando | Entonces | ✔ |\n|---|---|---|---|---|\n"
            "| Exportar | un mes | el contable exporta | el CSV tiene 3 filas | ✅ |\n",
            [
                (
                    "Exportar: Dado un mes, cuando el contable exporta, entonces el CSV tiene 3 filas",
                    True,
                    True,
                )
            ],
        ),
        (
            "| Angenommen | Wenn | Dann | Erfüllt |\n|---|---|---|---|\n"
            "| ein Monat | die Buchhalterin exportiert | die CSV hat 3 Zeilen | Ja |\n"
            "| kein Monat | sie exportiert | eine Meldung erscheint | Nein |\n",
            [
                (
                    "Angenommen ein Monat, wenn die Buchhalterin exportiert, dann die CSV hat 3 Zeilen",
                    True,
                    True,
                ),
                ("Angenommen kein Monat, wenn sie exportiert, dann eine Meldung erscheint", False, True),
            ],
        ),
        (
            "| Étant donné | Quand | Alors | Statut |\n|---|---|---|---|\n"
            "| un mois | on exporte | 3 lignes | Oui |\n",
            [("Étant donné un mois, quand on exporte, alors 3 lignes", True, True)],
        ),
        (
            "| Dado | Quando | Então | Estado |\n|---|---|---|---|\n| um mês | exporto | 3 linhas | Sim |\n",
            [("Dado um mês, quando exporto, então 3 linhas", True, True)],
        ),
        (
            "| ID | Given | When | Expected result | Result |\n|---|---|---|---|---|\n"
            "| AC-1 | a month | the clerk exports | 3 rows | Passed |\n",
            [("AC-1: Given a month, when the clerk exports, expected result 3 rows", True, True)],
        ),
        (
            "| Kriterium | Erfüllt |\n|---|---|\n| FR-1 im Staging geprüft | ✔ |\n| Lasttest | Nein |\n",
            [("FR-1 im Staging geprüft", True, True), ("Lasttest", False, True)],
        ),
        (
            "| Criterio | Estado |\n|---|---|\n| FR-1 verificado | Sí |\n| Prueba de carga | Pendiente |\n",
            [("FR-1 verificado", True, True), ("Prueba de carga", False, True)],
        ),
    ],
    ids=["en", "en-status", "es-scenario", "de", "fr", "pt", "expected-result", "de-criteria", "es-criteria"],
)
def test_a_scenario_table_gives_one_whole_criterion_per_row(
    table: str, expected: list[tuple[str, bool, bool]]
) -> None:
    text = _page(table)
    prd_ = parse_prd(text, "x.md")
    assert [(c.text, c.checked, c.stated) for c in prd_.criteria] == expected
    open_ = sum(1 for _, done, stated in expected if stated and not done)  # unstated: not open
    implemented = _page(table, "Implemented")
    found = [
        f for f in check_page(parse_prd(implemented, "x.md"), implemented, Settings()) if f.rule == "PRD401"
    ]
    assert len(found) == (1 if open_ else 0)
    assert [f.rule for f in check_page(prd_, text, Settings())] == []


def test_a_table_with_a_given_column_and_no_then_is_read_as_before() -> None:
    """A Given column without a Then column is no scenario table: its cell is the criterion."""
    table = "| Given | Notes |\n|---|---|\n| FR-1 verified in staging | by QA |\n"
    assert [c.text for c in parse_prd(_page(table), "x.md").criteria] == ["FR-1 verified in staging"]
