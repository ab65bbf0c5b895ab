"""Personas and use cases written as table rows in section 3.

::

    | ID   | Use case                | Actor             | Outcome        |
    |------|-------------------------|-------------------|----------------|
    | UC-1 | Save a card at checkout | Returning shopper | Card in wallet |

    | Persona           | Role          | Pain point   |
    |-------------------|---------------|--------------|
    | Returning shopper | Buys monthly  | Retypes card |

A row whose first cell is a ``UC-n`` id is a use case anywhere in the section; in the
use-cases part a row named by a ``Use case`` / ``Name`` / ``Scenario`` / ``Story`` column is
one too.  In the personas part a row named by a ``Persona`` / ``Name`` / ``User`` column is
a persona.  Every other cell is an attribute named by its column (``Actor``, ``Role`` …).
"""

from __future__ import annotations

import re

from mkdocs_prd.core.model import Attribute, Persona, UseCase
from mkdocs_prd.core.parse.blocks import Table, canonical_id, cell, tables
from mkdocs_prd.core.parse.lines import Source, strip_bold

__all__ = ["table_users"]

# A use case's id in a table's first column: "UC-1", a user story's "US-12", or a tracker key
# ("PAY-101", "SF-12"; not a requirement's or criterion's own FR-, NFR-, AC- or REQ- id).
_UC_CELL = re.compile(
    r"\[?((?i:UC|US)(?:[-\u2010-\u2013]|[ ]?)[0-9][0-9A-Za-z.]*"
    r"|(?!(?:N?FR|AC|REQ)-)[A-Z][A-Z0-9]{1,9}-[0-9]{1,6})\]?"
)
_USE_CASE_NAMES = (
    *("use case", "usecase", "name", "title", "scenario", "story", "journey", "flow"),
    *("caso de uso", "cas d", "anwendungsfall", "historia", "história", "histoire", "geschichte"),
    *("escenario", "szenario", "scénario", "cenário", "nombre", "titel", "titre", "título"),
)
_PERSONA_NAMES = (
    *("persona", "name", "user", "who", "segment", "role"),
    *("nutzer", "usuario", "usuário", "utilisateur", "rolle", "rol", "rôle", "papel", "nombre"),
)


def table_users(src: Source, part: str | None, start: int, end: int) -> tuple[list[Persona], list[UseCase]]:
    """The personas and use cases of the tables between ``start`` and ``end``; ``part`` is
    ``personas``, ``use_cases`` or None (a section that does not split them)."""
    personas: list[Persona] = []
    use_cases: list[UseCase] = []
    for table in tables(src, start, end):
        ids = bool(table.rows) and all(
            _UC_CELL.fullmatch(strip_bold(cell(cells, 0))) is not None for _, cells in table.rows
        )
        if ids or part == "use_cases":
            name_col = _name_column(table, _USE_CASE_NAMES, 1 if ids else -1)
            if name_col < 0 and not ids:
                continue
            for n, cells in table.rows:
                found = _UC_CELL.fullmatch(strip_bold(cell(cells, 0))) if ids else None
                uc_id = canonical_id(found.group(1)) if found is not None else None
                name = strip_bold(cell(cells, name_col)) if name_col >= 0 else ""
                use_cases.append(
                    UseCase(uc_id, name, n, _attributes(table, cells, n, {0 if ids else -1, name_col}))
                )
        elif part == "personas" or part is None:
            name_col = _name_column(table, _PERSONA_NAMES, -1)
            if name_col < 0:
                continue
            for n, cells in table.rows:
                name = strip_bold(cell(cells, name_col))
                if name:
                    personas.append(Persona(name, n, _attributes(table, cells, n, {name_col})))
    return personas, use_cases


def _name_column(table: Table, words: tuple[str, ...], default: int) -> int:
    """The first column whose header holds one of ``words`` (in their order), else ``default``."""
    for word in words:
        at = table.column(word)
        if at >= 0:
            return at
    return default


def _attributes(table: Table, cells: tuple[str, ...], line: int, skip: set[int]) -> tuple[Attribute, ...]:
    return tuple(
        Attribute(strip_bold(head).strip(), cell(cells, i), line)
        for i, head in enumerate(table.header)
        if i not in skip and head.strip() and cell(cells, i)
    )
