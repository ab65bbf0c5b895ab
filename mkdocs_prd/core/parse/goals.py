"""Section 2, Goals / Non-goals, and section 4, Scope, written as tables.

One source of truth for the parser and PRD204: :func:`names_goals` and
:func:`names_non_goals` say which part a title, bold label or column header names, and
the parser reads a table column so named as that part::

    | ID | Goal            | Metric     |        | In scope   | Out of scope   |
    |----|-----------------|------------|        |------------|----------------|
    | G1 | Cut export time | p95 < 2 s  |        | CSV export | PDF export     |

A table under a part's own heading (``### Non-Goals``) is that part whatever its
columns: each row's first column that is not an id (``G1``, ``#``) is one item.  Scope
tables give a bucket per named column (``MVP``, ``V1.1``, ``Later``, ``In scope``,
``Out of scope``), or per value of a phase column (``| Feature | Phase |`` with ``MVP``
rows).  Linear in the table sizes; never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs_prd.core.model import Item, ScopeBucket
from mkdocs_prd.core.parse.blocks import Table, cell, entries, item_column, tables
from mkdocs_prd.core.parse.lines import ITEM, Source, bold_label, strip_bold
from mkdocs_prd.core.parse.sections import normalise_title, subsection_key
from mkdocs_prd.core.parse.users import has_word, title_words

_GOAL_WORDS = ("goal", "goals", "objectives", "objective")
_PHASE_HEADERS = frozenset({"phase", "release", "milestone", "stage", "bucket", "scope", "target release"})
_EMPTY_CELLS = frozenset({"", "-", "–", "—", "n/a"})
_MARK = re.compile(r"[✓✔✅☑xX●•✗✘❌]|yes|no|y|n", re.IGNORECASE)
"""A cell that only marks whether the row's item is in the column's bucket."""
_BUCKETS = frozenset({"MVP", "V1.1", "Future", "Later"})
_NOT_MARKED = frozenset({"✗", "✘", "❌", "no", "n"})


def names_goals(words: tuple[str, ...]) -> bool:
    """Whether a title's words name the goals part: ``Goals``, ``Business objective``; not ``Non-goals``."""
    return has_word(words, _GOAL_WORDS, False)


def names_non_goals(words: tuple[str, ...]) -> bool:
    """Whether a title's words name the non-goals part: ``Non-goals``, ``Out of scope``,
    ``Not in scope``, ``Exclusions``."""
    return (
        has_word(words, ("goal", "goals"), True)
        or ("scope" in words and ("out" in words or "not" in words))
        or "exclusions" in words
    )


def part_named(title: str) -> str | None:
    """``goals`` or ``non_goals`` when a title, label or column header names that part (the
    parser's subsection keys count too: ``Nicht-Ziele``, ``Objetivos``), else None."""
    key = subsection_key(strip_bold(title))
    if key in ("goals", "non_goals"):
        return key
    words = title_words(title)
    goals, non_goals = names_goals(words), names_non_goals(words)
    if goals == non_goals:
        return None
    return "goals" if goals else "non_goals"


_PLAIN_LABEL = re.compile(r"([^\W\d_][\w /&()'-]{0,40}?)[ \t]*:[ \t]*(.*)")
LATER_LABEL = re.compile(
    r"[.;!?][ \t]+(?:\*\*|__)?([^\W\d_][\w/&()-]{0,20}(?:[ \t][\w/&()-]{1,20}){0,2})"
    r"(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+(?=\S)"
)
"""A label after the end of a sentence on the same line: ``… follows the OS. Non-goals: themes``
(one to three words, bold or not); the text after it is that label's."""


def _later_parts(part: str, text: str) -> list[tuple[str, str]]:
    """``[(part, text)]``, split where a later label on the line names the other part:
    ``("goals", "a dark theme. Non-goals: custom themes.")`` -> goals ``a dark theme.`` and
    non-goals ``custom themes.``."""
    for m in LATER_LABEL.finditer(text):
        other = part_named(m.group(1))
        if other is not None and other != part:
            return [(part, text[: m.start() + 1].strip()), *_later_parts(other, text[m.end() :])]
    return [(part, text.strip())]


def labelled_part(text: str, item: bool = False) -> tuple[str, str] | None:
    """``(part, the text after the label)`` when ``text`` opens with a label naming the goals
    or the non-goals (``**Non-Goals:**``, ``Out of scope: PDF export``, ``**Ziele:**``), else None.

    A plain label, and a label opening a list ``item``, only when it is the part's name
    (``Goals:``, ``Goal:``, ``Out of scope:``), so that a goal such as ``Reduce goal-setting time: 2 days``
    stays one goal."""
    s = text.strip()
    pair = bold_label(s) if s[:2] in ("**", "__") else None
    if pair is None and (m := _PLAIN_LABEL.fullmatch(s)) is not None:
        pair = m.group(1), m.group(2)
    if pair is None and not item and (inner := strip_bold(s)) != s and not any(m in inner for m in "*_:"):
        pair = inner, ""  # "**Non-goals**" alone on its line over the list (Notion, Google Docs)
    if pair is None:
        return None
    if s[:2] in ("**", "__") and not item:
        part = part_named(pair[0])
    else:
        key = subsection_key(strip_bold(pair[0]))
        named = part_named(pair[0]) if len(title_words(pair[0])) <= 2 else None  # "Goal", "Non-goal"
        part = key if key in ("goals", "non_goals") else named
    return (part, pair[1].strip()) if part is not None else None


def goal_items(src: Source, start: int, end: int, default: str) -> tuple[list[Item], list[Item]]:
    """``(goals, non_goals)``: the list items between ``start`` and ``end``, each in the part
    whose label line stands last above it (``**Non-Goals:**`` over a list; ``default`` before
    any), and the text of a label line or item that names its part (``Goals: cut export
    time``, ``- **Out of scope:** PDF export``), as PRD204 reads those parts."""
    out: dict[str, list[Item]] = {"goals": [], "non_goals": []}
    opened: list[tuple[int, str]] = []  # (line, part) where a label line opens a part
    for n, line in src.visible(start, end):
        if src.kinds[n - 1] != ITEM and (found := labelled_part(line)) is not None:
            parts = _later_parts(*found)  # "Goals: a dark theme. Non-goals: custom themes."
            opened.append((n, parts[-1][0]))
            for part, text in parts:
                if text:
                    out[part].append(Item(text, n))
    for item in entries(src, start, end):
        found = labelled_part(item.text, item=True)
        if found is not None:
            if found[1]:
                out[found[0]].append(Item(found[1], item.line))
            continue
        part = next((p for n, p in reversed(opened) if n < item.line), default)
        out[part].append(item)
    return sorted(out["goals"], key=lambda i: i.line), sorted(out["non_goals"], key=lambda i: i.line)


def goal_tables(src: Source, start: int, end: int, part: str | None) -> tuple[list[Item], list[Item]]:
    """``(goals, non_goals)`` read from the tables between ``start`` and ``end``.

    ``part`` is what the region is (``goals``, ``non_goals``, or None for a section's own
    text that names both or neither): a table there without a named column is that part,
    and under the non-goals' heading a column named ``Goal`` holds non-goals.
    """
    goals: list[Item] = []
    non_goals: list[Item] = []
    into = {"goals": goals, "non_goals": non_goals}
    for table in tables(src, start, end):
        named = [(i, p) for i, h in enumerate(table.header) if (p := part_named(h)) is not None]
        if part == "non_goals":
            # Under "### Non-Goals" a "| Goal | Why not |" column is one of them.
            named = [(i, part) for i, _ in named]
        if not named and part in into:
            named = [(item_column(table), part)]
        for col, p in named:
            if col >= 0:
                into[p] += _column_items(table, col)
    return goals, non_goals


def scope_tables(
    src: Source, start: int, end: int, bucket: Callable[[str], str], own: ScopeBucket | None = None
) -> list[ScopeBucket]:
    """The scope buckets the tables between ``start`` and ``end`` give.

    Under a bucket's own heading (``own``), a table's rows are items of that bucket.
    Elsewhere a column headed by a bucket (``MVP``, ``V1.1``, ``Future``, ``Later``, ``In
    scope``, ``Out of scope``) is one, and a phase column (``Phase``, ``Release``) sorts
    the rows into buckets by its value.  ``bucket`` names a title's bucket (``MVP (Must)``
    -> ``MVP``).
    """
    out: list[ScopeBucket] = []
    for table in tables(src, start, end):
        if own is not None:
            col = item_column(table)
            if col >= 0:
                out.append(ScopeBucket(own.name, own.title, own.line, tuple(_column_items(table, col))))
            continue
        phase = next((i for i, h in enumerate(table.header) if normalise_title(h) in _PHASE_HEADERS), -1)
        if phase >= 0:
            out += _by_phase(table, phase, bucket)
            continue
        named = [
            (i, name)
            for i, header in enumerate(table.header)
            if (name := bucket(header)) in _BUCKETS or "scope" in title_words(header)
        ]
        # | Feature | MVP | V1.1 | with ✓ in the cells: a row is an item of each bucket it marks.
        items_at = item_column(table, skip={i for i, _ in named})
        for i, name in named:
            title = strip_bold(table.header[i]).strip()
            marks = _column_items(table, i)
            if items_at >= 0 and marks and all(_MARK.fullmatch(m.text) for m in marks):
                marked = {m.line for m in marks if m.text.lower() not in _NOT_MARKED}
                rows = [m for m in _column_items(table, items_at) if m.line in marked]
                out.append(ScopeBucket(name, title, table.line, tuple(rows)))
            else:
                out.append(ScopeBucket(name, title, table.line, tuple(marks)))
    return out


def _by_phase(table: Table, phase: int, bucket: Callable[[str], str]) -> list[ScopeBucket]:
    col = item_column(table, skip=phase)
    if col < 0:
        return []
    order: dict[str, tuple[str, int, list[Item]]] = {}
    for n, cells in table.rows:
        value, text = cell(cells, phase).strip(), strip_bold(cell(cells, col)).strip()
        if value.lower() in _EMPTY_CELLS or text.lower() in _EMPTY_CELLS:
            continue
        name = bucket(value)
        order.setdefault(name, (value, n, []))[2].append(Item(text, n))
    return [ScopeBucket(name, title, line, tuple(items)) for name, (title, line, items) in order.items()]


def _column_items(table: Table, col: int) -> list[Item]:
    out = []
    for n, cells in table.rows:
        text = strip_bold(cell(cells, col)).strip()
        if text.lower() not in _EMPTY_CELLS:
            out.append(Item(text, n))
    return out
