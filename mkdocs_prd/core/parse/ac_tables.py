"""Acceptance criteria written as a table in section 8: one criterion per row.

::

    | ID   | Criterion                      | Status  |
    |------|--------------------------------|---------|
    | AC-1 | FR-1 to FR-3 met in staging    | ✅ Done  |
    | AC-2 | UC-1 and UC-2 verified         | Pending |

A table is a criteria table when a header names the criterion (``Criterion``,
``Acceptance``, ``Description``, ``Condition``, ``Check``, ``Test``, ``Scenario``) or its
first column holds ``AC-n`` ids.  A row is met when its status cell says so (``✅``,
``[x]``, ``Done``, ``Met``, ``Pass``, ``Yes`` …); without a status column it is not.
The row's text is ``AC-n: criterion`` when it has an id, so the id gets its anchor.

A scenario table, one step per column, is read the same way, each row one scenario::

    | # | Given                  | When            | Then                 | Status |
    |---|------------------------|-----------------|----------------------|--------|
    | 1 | a month with 3 invoices| the clerk exports| the CSV has 3 rows  | ✅     |

gives ``Given a month with 3 invoices, when the clerk exports, then the CSV has 3 rows``:
the step words are the columns' own (``Dado | Cuando | Entonces``, ``Angenommen | Wenn |
Dann``, ``Étant donné | Quand | Alors``, ``Dado | Quando | Então``), and a Scenario or
criterion column names the row (``Export: Given …``).  Headers and status words are read in
German, Spanish, French and Portuguese too (``Kriterium``, ``Criterio``, ``Critère``,
``Estado``, ``Erfüllt``, ``Ja``, ``Sí``, ``Oui``, ``Sim`` …).
"""

from __future__ import annotations

import re

from mkdocs_prd.core.model import Criterion
from mkdocs_prd.core.parse.blocks import Table, cell, tables
from mkdocs_prd.core.parse.lines import Source, strip_bold

__all__ = ["table_criteria"]

_TEXT_COLUMNS = (
    *("criteri", "acceptance", "description", "condition", "check", "test", "scenario", "given"),
    *("kriteri", "critère", "critere", "critério", "akzeptanz", "abnahme", "aceptación", "aceitação"),
    *("beschreibung", "descripción", "descrição", "bedingung", "condición", "condição"),
    *("szenario", "escenario", "scénario", "cenário", "prueba", "prüfung"),
)
_STATUS_COLUMNS = (
    *("status", "done", "met", "result", "state", "pass", "verified", "✓", "✔", "☑", "✅"),
    *("estado", "statut", "état", "erfüllt", "cumplido", "ergebnis", "resultado", "résultat", "geprüft"),
    *("verificado", "vérifié", "verificação"),
)
# A column that says what should happen is a step of the scenario, not whether it happened.
_EXPECTED = ("expected", "erwartet", "esperado", "attendu", "soll")
# A scenario table's step columns: the header (emphasis, colon off, case-folded) -> its step.
_STEPS: dict[str, str] = {
    **dict.fromkeys(("given", "dado", "dada", "dados", "angenommen", "gegeben", "gegeben sei"), "given"),
    **dict.fromkeys(("étant donné", "etant donne", "étant donné que", "soit"), "given"),
    **dict.fromkeys(("when", "cuando", "wenn", "quand", "lorsque", "quando"), "when"),
    **dict.fromkeys(("then", "entonces", "dann", "alors", "então", "entao"), "then"),
    **dict.fromkeys(("and", "y", "und", "et", "e", "but", "pero", "aber", "mais", "mas"), "and"),
}
_ID = re.compile(r"\[?AC[-\u2010-\u2013 ]?[0-9]+[A-Za-z]?(?:\.[0-9]+)?\]?", re.IGNORECASE)
_DONE_MARKS = ("✅", "✔", "☑", "✓", "[x]", "[X]")
_DONE_WORDS = frozenset(
    {
        *("done", "met", "pass", "passed", "passing", "yes", "y", "verified", "complete", "completed"),
        *("ok", "true"),
        *("ja", "erfüllt", "erledigt", "bestanden", "geprüft", "fertig"),
        *("sí", "si", "cumplido", "hecho", "verificado", "completado", "superado"),
        *("oui", "fait", "vérifié", "validé", "réussi", "terminé"),
        *("sim", "feito", "concluído", "aprovado", "cumprido"),
    }
)


def table_criteria(src: Source, group: str, start: int, end: int) -> list[Criterion]:
    """The criteria of the criteria tables between lines ``start`` and ``end``."""
    out: list[Criterion] = []
    for table in tables(src, start, end):
        columns = _columns(table)
        if columns is None:
            continue
        col_id, col_text, col_status = columns
        steps = _step_columns(table)
        for n, cells in table.rows:
            text = strip_bold(cell(cells, col_text)) if col_text >= 0 else ""
            if steps:
                scenario = _scenario(table, steps, cells)
                text = f"{text}: {scenario}" if text and scenario else text or scenario
            ident = strip_bold(cell(cells, col_id)) if col_id >= 0 else ""
            if not text and not ident:
                continue
            if ident and _ID.fullmatch(ident) is not None and col_id != col_text:
                text = f"{ident.strip('[]')}: {text}" if text else ident
            stated = col_status >= 0  # without a Status column the state is not written
            out.append(Criterion(text, _done(cell(cells, col_status)) if stated else False, group, n, stated))
    return out


def _columns(table: Table) -> tuple[int, int, int] | None:
    """``(id, text, status)`` column indexes of a criteria table (-1: none), or None."""
    first_ids = bool(table.rows) and all(
        _ID.fullmatch(strip_bold(cell(cells, 0))) is not None for _, cells in table.rows if cell(cells, 0)
    )
    steps = _step_columns(table)
    col_text = _column(table, _TEXT_COLUMNS, set(steps))
    col_id = 0 if first_ids else table.column("id")
    if col_text < 0 and not steps:
        if not first_ids or len(table.header) < 2:
            return None
        col_text = 1
    if col_text == col_id:
        col_id = -1
    col_status = next(
        (
            i
            for i, h in enumerate(table.header)
            if i != col_text
            and i not in steps
            and any(w in h.casefold() for w in _STATUS_COLUMNS)
            and not any(w in h.casefold() for w in _EXPECTED)
        ),
        -1,
    )
    return col_id, col_text, col_status


def _column(table: Table, words: tuple[str, ...], skip: set[int]) -> int:
    """The first header cell, not in ``skip``, that contains one of ``words``; -1 when none."""
    return next(
        (
            i
            for i, h in enumerate(table.header)
            if i not in skip and any(w in strip_bold(h).casefold() for w in words)
        ),
        -1,
    )


def _step_columns(table: Table) -> dict[int, str]:
    """The step columns of a scenario table (column -> step), when it has a Given and a
    Then column (``| Given | When | Then |``, ``| Dado | Cuando | Entonces |``, or ``| Given |
    When | Expected result |``); empty for any other table."""
    steps = {i: _STEPS.get(_header_word(h), "") for i, h in enumerate(table.header)}
    found = {i: step for i, step in steps.items() if step}
    named = set(found.values())
    if "given" in named and "then" not in named and "when" in named:
        expected = next(
            (
                i
                for i, h in enumerate(table.header)
                if i not in found and any(w in h.casefold() for w in _EXPECTED)
            ),
            -1,
        )
        if expected > max(found):
            found[expected] = "then"  # "| Given | When | Expected result |"
            named.add("then")
    return found if {"given", "then"} <= named else {}


def _header_word(header: str) -> str:
    return strip_bold(header).strip(" \t:*_`").casefold()


def _scenario(table: Table, steps: dict[int, str], cells: tuple[str, ...]) -> str:
    """One row of a scenario table as a scenario: each step's word (the column's own) and its cell."""
    parts: list[str] = []
    for i in sorted(steps):
        value = strip_bold(cell(cells, i)).strip()
        if not value:
            continue
        word = strip_bold(table.header[i]).strip(" \t:*_`")
        parts.append(f"{word if not parts else word[:1].lower() + word[1:]} {value}")
    return ", ".join(parts)


def _done(status: str) -> bool:
    """Whether a status cell says the criterion is met: ``✅``, ``[x]``, ``Done``, ``Pass`` …"""
    s = status.strip()
    if any(mark in s for mark in _DONE_MARKS):
        return True
    words = re.findall(r"[^\W\d_]+", s.casefold())
    return bool(words) and words[0] in _DONE_WORDS
