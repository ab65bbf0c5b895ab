"""The risks of section 7: the rows of its risk table, with mitigations written in the table
or beside it (``**Mitigations:** …`` under a table without a Mitigation column)."""

from __future__ import annotations

import re

from mkdocs_prd.core.model import Risk, Section
from mkdocs_prd.core.parse.blocks import Table, tables
from mkdocs_prd.core.parse.lines import Source, bold_label, strip_bold


def risks(src: Source, sec: Section) -> tuple[Risk, ...]:
    """The rows of the section's risk table (the table with a Risk column, else its first)."""
    found = tables(src, sec.line + 1, sec.end_line)
    table = next((t for t in found if t.column("risk") >= 0), found[0] if found else None)
    if table is None:
        return ()
    columns = template_columns(
        table, ("risk",), ("impact", "severity"), ("probab", "likelihood"), _MITIGATION_WORDS
    )
    shared = _mitigations_beside(src, sec, table) if table.column(*_MITIGATION_WORDS) < 0 else ""
    header = table.header
    scales = tuple(_scale(header[i]) if 0 <= i < len(header) else () for i in columns[1:3])
    out = []
    for n, cells in table.rows:
        if any(cells):
            risk, impact, probability, mitigation = pick(cells, columns)
            out.append(
                Risk(risk, impact, probability, mitigation.strip() or shared, n, (scales[0], scales[1]))
            )
    return tuple(out)


_SCALE = re.compile(r"\(([^\W\d_]{1,12}(?:[ \t]*/[ \t]*[^\W\d_]{1,12}){1,4})\)")


def _scale(header: str) -> tuple[str, ...]:
    """The levels a column header declares in brackets, highest first: ``Impact (H/M/L)``,
    ``Impacto (A/M/B)``, ``Auswirkung (H/M/N)``; ``()`` for none."""
    m = _SCALE.search(header)
    return tuple(part.strip() for part in m.group(1).split("/")) if m is not None else ()


_MITIGATION_WORDS = ("mitigat", "response", "strategy", "plan")
_MITIGATION_TITLES = (
    "mitigation", "risk mitigation", "risk response", "response", "countermeasure", "contingency",
)  # fmt: skip
"""How a label or heading over mitigations written beside the risk table starts (case-folded)."""


def _mitigations_beside(src: Source, sec: Section, table: Table) -> str:
    """The mitigations a section writes outside its risk table, for a table without a Mitigation
    column: a ``**Mitigations:** …`` label (or a ``Mitigation`` heading) and the text or list
    under it; "" when there is none."""
    rows = table.line_numbers()
    found: list[str] = []
    for n, line in src.visible(sec.line + 1, sec.end_line):
        if n in rows:
            continue
        s = line.strip()
        if found:
            if not s and found == [""]:
                continue  # a blank line between "**Mitigations:**" and its list
            if not s or s[:1] == "#" or (s[:2] == "**" and bold_label(s) is not None):
                break
            found.append(s)
            continue
        title = strip_bold(s.lstrip("#").strip()).rstrip(":").strip().casefold()
        pair = bold_label(s) if s[:2] == "**" else None
        if pair is not None:
            title = pair[0].casefold()
        if title.startswith(_MITIGATION_TITLES):
            found.append(pair[1] if pair is not None else "")
    return " ".join(" ".join(found).split())


def pick(cells: tuple[str, ...], columns: tuple[int, ...]) -> list[str]:
    """The cells at ``columns`` ('' for a column the row lacks)."""
    count = len(cells)
    return [cells[i] if 0 <= i < count else "" for i in columns]


def template_columns(table: Table, *names: tuple[str, ...]) -> tuple[int, ...]:
    """For each role (the words naming its column, in the template's column order) its column:
    the one its words name, else the role's template position, unless another role's words
    name that column (``| Risk | Mitigation |`` has no impact column, not the mitigation as
    its impact); -1 for none."""
    named = [table.column(*words) for words in names]
    taken = {i for i in named if i >= 0}
    return tuple(i if i >= 0 else (k if k not in taken else -1) for k, i in enumerate(named))
