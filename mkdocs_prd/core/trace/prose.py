"""References in a PRD's prose: qualified ids outside code, comments and link targets.

MkDocs-free.  :func:`prose_hits` returns the qualified ids of a page that are
references.  Not references: ids in fenced or indented code blocks, in code spans
(```payments:FR-2```), in HTML comments, in front matter, inside an HTML tag or
autolink (``<…>``) and in a link's destination (``](…)``).  An id that already is a
link's text (``[payments:FR-2](…)``) is a reference but is not linked again
(``linked``).  Linear: one pass over the page's ids, and a line scan only for pages
that have any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_prd.core.parse.lines import front_matter_end
from mkdocs_prd.core.trace.ids import IdHit, find_ids

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True, slots=True)
class ProseRef:
    """A reference in a page: ``line`` 1-based, ``start``/``end`` columns of ``track:local``
    in that line; ``linked`` when the author already made it a link's text."""

    track_id: str
    local: str
    line: int
    start: int
    end: int
    linked: bool = False

    @property
    def text(self) -> str:
        return f"{self.track_id}:{self.local}"


def prose_hits(text: str, lines: Sequence[str]) -> list[ProseRef]:
    """The references of a page (``lines`` is ``text`` split as the parser splits it)."""
    hits = list(find_ids("\n".join(lines) if "\r" in text else text))
    if not hits:
        return []
    hidden = _hidden_lines(lines)
    by_line: dict[int, list[IdHit]] = {}
    for h in hits:
        if h.line <= len(hidden) and not hidden[h.line - 1]:
            by_line.setdefault(h.line, []).append(h)
    out: list[ProseRef] = []
    for number, found in by_line.items():
        line = lines[number - 1]
        masked = _masked_spans(line)
        for h in found:
            text_id = h.text
            # Columns in the line: the hit's text is searched for from the left, in order.
            col = line.find(text_id, out[-1].end if out and out[-1].line == number else 0)
            if col < 0:
                continue
            end = col + len(text_id)
            kind = _inside(masked, col, end)
            if kind == "hidden":
                continue
            out.append(ProseRef(h.track_id, h.local, number, col, end, linked=kind == "link"))
    return out


def _hidden_lines(lines: Sequence[str]) -> list[bool]:
    """Per line: inside front matter, fenced code, an indented code block or an HTML comment."""
    hidden = [False] * len(lines)
    fm = front_matter_end(lines if isinstance(lines, list) else list(lines))
    for i in range(fm):
        hidden[i] = True
    fence: str | None = None
    in_comment = False
    blank_before = True
    in_list = False
    indented_code = False
    for i in range(fm, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if fence is not None:
            hidden[i] = True
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
                fence = None
            continue
        if in_comment:
            hidden[i] = True
            in_comment = "-->" not in line
            continue
        if not stripped:
            blank_before = True
            hidden[i] = indented_code
            continue
        expanded = line.expandtabs(4) if "\t" in line else line
        indent = len(expanded) - len(expanded.lstrip(" "))
        if indented_code and indent >= 4:
            hidden[i] = True
            continue
        indented_code = False
        if indent >= 4 and blank_before and not in_list:
            indented_code = hidden[i] = True
            continue
        m = _FENCE.match(line)
        if m is not None:
            fence = m.group(1)
            hidden[i] = True
            blank_before = False
            continue
        if stripped.startswith("<!--"):
            hidden[i] = True
            in_comment = "-->" not in stripped[4:]
            blank_before = False
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif indent == 0 and blank_before:
            in_list = False
        blank_before = False
    return hidden


def _masked_spans(line: str) -> list[tuple[int, int, str]]:
    """Spans of a line that hold no references (``hidden``) or are link texts (``link``)."""
    spans: list[tuple[int, int, str]] = []
    # Code spans: a run of n backticks up to the next run of exactly n.
    runs = list(_BACKTICKS.finditer(line))
    i = 0
    while i < len(runs):
        opener = runs[i]
        closer = next(
            (j for j in range(i + 1, len(runs)) if len(runs[j].group()) == len(opener.group())), None
        )
        if closer is None:
            i += 1
            continue
        spans.append((opener.start(), runs[closer].end(), "hidden"))
        i = closer + 1
    # Tags, autolinks and inline comments: <...> on the line.
    pos = 0
    while (lt := line.find("<", pos)) >= 0:
        gt = line.find(">", lt + 1)
        if gt < 0:
            break
        if lt + 1 < len(line) and (line[lt + 1].isalpha() or line[lt + 1] in "/!"):
            spans.append((lt, gt + 1, "hidden"))
        pos = gt + 1
    # Links: [text](destination) - the text is a link already, the destination no prose.
    pos = 0
    while (close := line.find("](", pos)) >= 0:
        end = line.find(")", close + 2)
        open_ = line.rfind("[", 0, close)
        if end < 0:
            break
        if open_ >= 0:
            spans.append((open_, close, "link"))
        spans.append((close, end + 1, "hidden"))
        pos = end + 1
    return spans


def _inside(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    found: str | None = None
    for s, e, kind in spans:
        if (s <= start and end <= e) or (s < end and start < e):
            if kind == "hidden":
                return "hidden"
            found = kind
    return found
