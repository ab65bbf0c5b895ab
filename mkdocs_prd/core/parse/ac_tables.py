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
"""

from __future__ import annotations

import re

from mkdocs_prd.core.model import Criterion
from mkdocs_prd.core.parse.blocks import Table, cell, tables
from mkdocs_prd.core.parse.lines import Source, strip_bold

__all__ = ["table_criteria"]

_TEXT_COLUMNS = ("criteri", "acceptance", "description", "condition", "check", "test", "scenario", "given")
_STATUS_COLUMNS = ("status", "done", "met", "result", "state", "pass", "verified", "✓", "✅")
_ID = re.compile(r"\[?AC[-\u2010-\u2013 ]?[0-9]+[A-Za-z]?(?:\.[0-9]+)?\]?", re.IGNORECASE)
_DONE_MARKS = ("✅", "✔", "☑", "✓", "[x]", "[X]")
_DONE_WORDS = frozenset(
    {
        "done",
        "met",
        "pass",
        "passed",
        "passing",
        "yes",
        "y",
        "verified",
        "complete",
        "completed",
        "ok",
        "true",
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
        for n, cells in table.rows:
            text = strip_bold(cell(cells, col_text))
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
    col_text = table.column(*_TEXT_COLUMNS)
    col_id = 0 if first_ids else table.column("id")
    if col_text < 0:
        if not first_ids or len(table.header) < 2:
            return None
        col_text = 1
    if col_text == col_id:
        col_id = -1
    col_status = next(
        (
            i
            for i, h in enumerate(table.header)
            if i != col_text and any(w in h.casefold() for w in _STATUS_COLUMNS)
        ),
        -1,
    )
    return col_id, col_text, col_status


def _done(status: str) -> bool:
    """Whether a status cell says the criterion is met: ``✅``, ``[x]``, ``Done``, ``Pass`` …"""
    s = status.strip()
    if any(mark in s for mark in _DONE_MARKS):
        return True
    words = re.findall(r"[a-z]+", s.casefold())
    return bool(words) and words[0] in _DONE_WORDS
