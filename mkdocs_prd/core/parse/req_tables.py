"""Requirements written as a table: one requirement per row.

::

    | ID   | Requirement | Acceptance      | Priority |
    |------|-------------|-----------------|----------|
    | FR-1 | Export      | Opens in Excel  | Must     |

Column names vary (``Description``, ``Criteria``, ``MoSCoW``, ``Req ID`` ...).  A table
is read as requirements when a row starts with a requirement id (``FR-1``, ``NFR-2``,
``[FR-3]``), or, under a Functional / Non-Functional Requirements heading, when a
column is named as requirements are (``Requirement``, ``Feature``, ``User story``).
Every other cell becomes an attribute named by its column header, so the rules, the
card, trace and review read a row as they read a ``**FR-n: …**`` block's bullets.
"""

from __future__ import annotations

import re
from typing import Literal

from mkdocs_prd.core.model import Attribute, Requirement
from mkdocs_prd.core.parse.blocks import (
    REQ_FAMILY,
    REQ_ID,
    Table,
    canonical_id,
    leading_id,
    tables,
    unwrapped_id,
)
from mkdocs_prd.core.parse.lines import Source, strip_bold

_ID_CELL = re.compile(
    r"\[?(N?FR(?:[-\u2010-\u2013]|[ ]?)[0-9][0-9A-Za-z.]*(?![0-9A-Za-z-])|" + REQ_FAMILY + r")\]?",
    re.IGNORECASE,
)
_REQ_ID = re.compile(REQ_ID, re.IGNORECASE)
# A tracker's key in a requirements table's ID column ("SF-101", "PAY-12"): the row's id, as
# teams that keep requirements in Jira write them; not another item's id (UC-, US-, AC-).
_TRACKER_KEY = re.compile(r"\[?((?!(?:UC|US|AC)-)[A-Z][A-Z0-9]{1,9}-[0-9]{1,6})\]?")
_ID_HEADERS = frozenset(
    {"id", "#", "ref", "key", "no", "fr", "nfr", "req", "req id", "requirement id", "fr id"}
)
_NAME_WORDS = ("requirement", "title", "name", "feature", "story", "capability", "description", "summary")
_PRIORITY_WORDS = ("priority", "moscow", "prio")


def table_requirements(src: Source, start: int, end: int, region: str | None) -> list[Requirement]:
    """The requirements in the tables between lines ``start`` and ``end`` (inclusive).

    ``region`` is the key of the subsection the lines belong to (``functional``,
    ``non_functional`` or another/None): it gives the kind of a row without an id.
    """
    out: list[Requirement] = []
    for table in tables(src, start, end):
        out += _rows(table, region)
    return out


def _header_key(cell: str) -> str:
    return " ".join(strip_bold(cell).replace(".", " ").split()).casefold()


def _rows(table: Table, region: str | None) -> list[Requirement]:
    header = table.header
    keys = [_header_key(h) for h in header]
    id_col = next((i for i, k in enumerate(keys) if k in _ID_HEADERS), -1)
    name_col = next(
        (i for i, k in enumerate(keys) if i != id_col and any(w in k for w in _NAME_WORDS)),
        -1,
    )
    prio_col = next((i for i, k in enumerate(keys) if any(w in k for w in _PRIORITY_WORDS)), -1)
    grouped = region in ("functional", "non_functional") and name_col >= 0
    out: list[Requirement] = []
    for line, cells in table.rows:
        if not any(c.strip() for c in cells):
            continue
        found = _row_id(cells, id_col)
        if found is None and grouped and 0 <= id_col < len(cells):
            key = _TRACKER_KEY.fullmatch(
                unwrapped_id(strip_bold(cells[id_col]).strip(), any_link=True).strip("`")
            )
            tracked = key.group(1) if key is not None else None
        else:
            tracked = None
        if found is None and not grouped:
            continue
        at, req_id = found if found is not None else (id_col, tracked) if tracked else (-1, None)
        named = None
        if found is None and not tracked and 0 <= name_col < len(cells):
            # "| FR-1: Export a month | … |" in the Requirement column of a table without ids.
            named = leading_id(_REQ_ID, strip_bold(cells[name_col]).strip().strip("`"))
            req_id = named[0] if named is not None else None
        kind: Literal["functional", "non-functional"]
        if req_id is not None and not tracked:
            kind = "non-functional" if req_id[0] in "nN" else "functional"
        else:
            kind = "non-functional" if region == "non_functional" else "functional"
        name_at = name_col if name_col >= 0 else next((i for i in range(len(cells)) if i != at), -1)
        name = strip_bold(cells[name_at]).strip() if 0 <= name_at < len(cells) else ""
        if named is not None:
            name = named[1]
        attrs = tuple(
            Attribute(strip_bold(header[i]).strip(), cell.strip(), line)
            for i, cell in enumerate(cells)
            if i != at and i < len(header) and strip_bold(header[i]).strip()
        )
        # An empty cell of a Priority column is an empty priority (PRD302), as `- Priority:` is.
        priority = cells[prio_col].strip() if 0 <= prio_col < len(cells) else None
        priority_line = line if priority is not None else 0
        out.append(Requirement(kind, req_id, name, line, "table", attrs, priority, priority_line))
    return out


def _row_id(cells: tuple[str, ...], id_col: int) -> tuple[int, str] | None:
    """``(column, id)`` of the row's requirement id: in the id column, else in the first cell."""
    for i in (id_col, 0) if id_col > 0 else (0,):
        if 0 <= i < len(cells):
            m = _ID_CELL.fullmatch(unwrapped_id(strip_bold(cells[i]).strip(), any_link=True).strip("`"))
            if m is not None:
                return i, canonical_id(m.group(1).rstrip("."))
    return None
