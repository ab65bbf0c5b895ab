"""Pipe-table rows split into cells exactly as Python-Markdown's ``tables`` extension splits them.

A ``|`` separates cells unless it is escaped (``\\|``) or inside a code span
(`` `HIT|MISS` ``).  Code spans are paired the way the extension pairs them: a run
of backticks is closed by the next run of the same length (an escaped opening run
counts one backtick less), so ``a ` b | c`` still splits.  ``\\\\`` is an escaped
backslash, so in ``\\\\|`` the pipe separates.  The outer pipes of a bordered table
are dropped, and cells lose their surrounding blanks.  An escaped pipe outside code
reads as ``|`` in a cell (what the page shows); inside a code span it stays ``\\|``.

Linear apart from a binary search per backtick run: hostile rows cannot stall a build.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from mkdocs_prd.core.parse.inline import without_comments

# The extension's own token pattern: \\ | \`+ | `+ | \| | |
_TOKENS = re.compile(r"(\\\\)|(\\`+)|(`+)|(\\\|)|(\|)")
_END_BORDER = re.compile(r"(?<!\\)(?:\\\\)*\|$")


def has_border(row: str) -> bool:
    """Whether a header row has an outer pipe on either side (the table is bordered)."""
    s = row.strip(" ")
    return s.startswith("|") or _END_BORDER.search(s) is not None


def split_row(line: str, border: bool | None = None) -> list[str] | None:
    """The cells of a pipe-table row, or None when the line has no ``|`` at all.

    ``border`` is the table's (see :func:`has_border`, decided on its header row);
    None decides it from ``line`` itself.
    """
    s = line.strip()
    if "|" not in s:
        return None
    if border is None:
        border = has_border(s)
    if border:
        if s.startswith("|"):
            s = s[1:]
        s = _END_BORDER.sub("", s)
    return [_cell_text(c) for c in _split(s)]


def code_span_pipes(row: str) -> list[int]:
    """Offsets in ``row`` of the unescaped pipes inside its code spans (`` `HIT|MISS` ``):
    Python-Markdown keeps them in the cell, GFM ends the cell at each one."""
    return _pipes(row)[1]


def _split(row: str) -> list[str]:
    if "`" not in row and "\\" not in row:
        return row.split("|")  # no code span and no escape (most rows): every pipe separates
    cells: list[str] = []
    pos = 0
    for pipe in _pipes(row)[0]:
        cells.append(row[pos:pipe])
        pos = pipe + 1
    cells.append(row[pos:])
    return cells


def _pipes(row: str) -> tuple[list[int], list[int]]:
    """The unescaped pipes of ``row``: ``(separators, inside code spans)``."""
    pipes, regions = _scan(row)
    separators: list[int] = []
    inside: list[int] = []
    r = 0
    for pipe in pipes:
        while r < len(regions) and regions[r][1] < pipe:
            r += 1
        (inside if r < len(regions) and regions[r][0] <= pipe else separators).append(pipe)
    return separators, inside


def _scan(row: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The unescaped pipes of ``row`` and its code spans as ``(first, last)`` offsets."""
    pipes: list[int] = []
    sizes: list[int] = []  # per backtick run: its length (an escaped run counts one less)
    points: list[tuple[int, int, int]] = []  # per run: (start, last, escape length)
    for m in _TOKENS.finditer(row):
        if m.group(2):
            sizes.append(len(m.group(2)) - 1)
            points.append((m.start(2), m.end(2) - 1, 1))
        elif m.group(3):
            sizes.append(len(m.group(3)))
            points.append((m.start(3), m.end(3) - 1, 0))
        elif m.group(5):
            pipes.append(m.start(5))
    return pipes, _code_regions(sizes, points)


def _code_regions(sizes: list[int], points: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Each code span: a run paired with the next run of its size (the extension's pairing).

    The size wanted is the opener's size less its escape length, as in the extension.
    Positions of each size are kept sorted, so the closer is a binary search away.
    """
    by_size: dict[int, list[int]] = {}
    for i, size in enumerate(sizes):
        by_size.setdefault(size, []).append(i)
    regions: list[tuple[int, int]] = []
    pos = 0
    while pos < len(sizes):
        wanted = sizes[pos] - points[pos][2]
        same = by_size.get(wanted, []) if wanted > 0 else []
        k = bisect_right(same, pos)
        if k < len(same):
            regions.append((points[pos][0], points[same[k]][1]))
            pos = same[k] + 1
        else:
            pos += 1
    return regions


def _cell_text(cell: str) -> str:
    text = cell.strip()
    if "<!--" in text:
        text = without_comments(text)  # "| H <!-- was M --> |" is H: the page hides the note
    if "\\|" not in text:
        return text
    # "\|" reads as "|" outside code spans (Markdown's escape); inside one it stays.
    out: list[str] = []
    pos = 0
    for first, last in _scan(text)[1]:
        out.append(text[pos:first].replace("\\|", "|"))
        out.append(text[first : last + 1])
        pos = last + 1
    out.append(text[pos:].replace("\\|", "|"))
    return "".join(out)


def is_separator_row(cells: list[str], header: list[str]) -> bool:
    """Whether ``cells`` form the ``|---|:---:|`` row under ``header``.

    As the extension decides: as many cells as the header, of ``-``, ``:`` and blanks only.
    """
    return len(cells) == len(header) and not "".join(cells).strip(":- ")
