"""Markdown blocks the item parsers share: list entries, bold-titled records, tables.

A *record* is a titled thing with ``Key: value`` bullets under it, in either form
seen in PRDs: a bold line (``**FR-1: Export**``) followed by bullets, or a list
item (``1. **UC-1: Pay**``) with nested bullets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from mkdocs_prd.model import Attribute
from mkdocs_prd.parse_lines import (
    BLANK,
    CODE,
    HEADING,
    ITEM,
    RULE,
    TEXT,
    Source,
    bold_label,
    indent_of,
    is_separator_row,
    split_row,
    strip_bold,
)


@dataclass(slots=True)
class Record:
    """A titled block: ``head`` is its title without bold marks, ``attrs`` its bullets."""

    head: str
    line: int
    form: Literal["block", "list"]
    parts: list[str] = field(default_factory=list)
    attrs: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The record's own text as written (continuation lines joined by a blank)."""
        return " ".join(self.parts)

    def attr_lines(self) -> list[tuple[int, str]]:
        """``(line, text)`` of each bullet under the record."""
        return [(n, " ".join(parts)) for n, parts in self.attrs]

    def attributes(self) -> tuple[Attribute, ...]:
        """The bullets that read ``Key: value`` (or ``**Key:** value``)."""
        out = []
        for n, parts in self.attrs:
            attr = attribute(parts[0] if len(parts) == 1 else " ".join(parts), n)
            if attr is not None:
                out.append(attr)
        return tuple(out)


def attribute(text: str, line: int) -> Attribute | None:
    """``Key: value`` / ``**Key:** value`` as an Attribute; None for other text."""
    if text[:2] == "**":
        pair = bold_label(text)
        if pair is not None:
            return Attribute(pair[0], pair[1], line)
    key, sep, value = text.partition(":")
    # "https://…" is a link, not a key; a key is short.
    if not sep or len(key) > 60 or (value and value[0] not in " \t"):
        return None
    key = strip_bold(key)
    if not key:
        return None
    return Attribute(key, value.strip(), line)


def head_of(text: str) -> str:
    """The title of a record line: the bold part (``**Name** (e.g. …)`` -> ``Name``).

    ``**FR-1:** Export`` -> ``FR-1: Export``; text without bold is returned stripped.
    """
    s = text.strip()
    if s.startswith("**"):
        end = s.find("**", 2)
        if end > 2:
            inner = s[2:end].strip()
            rest = s[end + 2 :].strip()
            if inner.endswith(":") and rest:
                return f"{inner} {rest}"
            return inner.rstrip(":").strip()
    return s


def records(src: Source, start: int, end: int) -> list[Record]:
    """The records between lines ``start`` and ``end`` (inclusive), in order."""
    out: list[Record] = []
    cur: Record | None = None
    mode: str | None = None
    base = 0
    prev_blank = True
    kinds, lines, items = src.kinds, src.lines, src.items
    for n in range(max(start, 1), min(end, len(lines)) + 1):
        kind = kinds[n - 1]
        if kind >= CODE:
            continue
        if kind == BLANK:
            prev_blank = True
            continue
        if kind == RULE:
            cur, mode = None, None
        elif kind == ITEM:
            item = items[n]
            if cur is not None and (mode == "block" or item.indent > base + 1):
                cur.attrs.append((n, [item.text]))
            else:
                cur = Record(head=head_of(item.text), line=n, form="list", parts=[item.text])
                out.append(cur)
                mode, base = "list", item.indent
        elif kind == HEADING:
            s = lines[n - 1].strip()
            cur = Record(head=s.lstrip("#").strip(" \t#"), line=n, form="block", parts=[s])
            out.append(cur)
            mode = "block"
        else:
            line = lines[n - 1]
            s = line.lstrip(" \t")
            if s.startswith("**") and len(line) - len(s) < 2 and (prev_blank or mode != "list"):
                cur = Record(head=head_of(s), line=n, form="block", parts=[s.strip()])
                out.append(cur)
                mode = "block"
            elif cur is not None and mode == "list":
                if not prev_blank or indent_of(line) >= 2:
                    target = cur.attrs[-1][1] if cur.attrs else cur.parts
                    target.append(s.strip())
                else:
                    cur, mode = None, None
        prev_blank = False
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """A top-level list item: its text (continuation lines joined) and line."""

    text: str
    line: int


def entries(src: Source, start: int, end: int) -> list[Entry]:
    """The top-level list items between ``start`` and ``end`` (nested items are left out)."""
    out: list[Entry] = []
    parts: list[str] | None = None
    appending = False
    line_no = 0
    base = -1
    prev_blank = True
    kinds, lines, items = src.kinds, src.lines, src.items
    for n in range(max(start, 1), min(end, len(lines)) + 1):
        kind = kinds[n - 1]
        if kind >= CODE:
            continue
        if kind == BLANK:
            prev_blank = True
            continue
        if kind == ITEM:
            item = items[n]
            if parts is not None and item.indent > base + 1:
                appending = False  # a nested item: its lines are not the entry's text
            else:
                if parts is not None:
                    out.append(Entry(text=" ".join(parts), line=line_no))
                parts, line_no, base, appending = [item.text], n, item.indent, True
        elif parts is not None and (kind in (RULE, HEADING) or (prev_blank and indent_of(lines[n - 1]) < 2)):
            out.append(Entry(text=" ".join(parts), line=line_no))
            parts = None
        elif parts is not None and appending:
            parts.append(lines[n - 1].strip())
        prev_blank = False
    if parts is not None:
        out.append(Entry(text=" ".join(parts), line=line_no))
    return out


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: header cells, header line, and ``(line, cells)`` rows."""

    header: tuple[str, ...]
    line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def column(self, *words: str) -> int:
        """Index of the first header cell containing any of ``words`` (case-insensitive), or -1."""
        return _column(self.header, words)

    def line_numbers(self) -> set[int]:
        """Every line the table occupies (header, separator, rows)."""
        numbers = {self.line, self.line + 1}
        numbers.update(n for n, _ in self.rows)
        return numbers


def tables(src: Source, start: int, end: int) -> list[Table]:
    """The pipe tables (header row + separator row + body rows) between ``start`` and ``end``."""
    out: list[Table] = []
    kinds, lines = src.kinds, src.lines
    last = min(end, len(lines))
    n = max(start, 1)
    while n < last:
        line = lines[n - 1]
        if kinds[n - 1] != TEXT or "|" not in line or kinds[n] != TEXT or "-" not in lines[n]:
            n += 1
            continue
        header = split_row(line)
        sep = split_row(lines[n])
        if header is None or sep is None or not is_separator_row(sep):
            n += 1
            continue
        rows: list[tuple[int, tuple[str, ...]]] = []
        r = n + 2
        while r <= last and kinds[r - 1] == TEXT:
            cells = split_row(lines[r - 1])
            if cells is None:
                break
            rows.append((r, tuple(cells)))
            r += 1
        out.append(Table(header=tuple(header), line=n, rows=tuple(rows)))
        n = r
    return out


@lru_cache(maxsize=1024)
def _column(header: tuple[str, ...], words: tuple[str, ...]) -> int:
    # Cached: a site's tables repeat the same few headers.
    for i, name in enumerate(header):
        low = strip_bold(name).lower()
        if any(w in low for w in words):
            return i
    return -1


def cell(cells: tuple[str, ...], index: int) -> str:
    """The cell at ``index`` ('' when the column is missing)."""
    return cells[index] if 0 <= index < len(cells) else ""
