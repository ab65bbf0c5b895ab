"""Apply the safe fixes that rules attach to their findings (``mkdocs-prd lint --fix``).

A rule that knows the right text for certain puts a :class:`~mkdocs_prd.core.model.Fix`
on its finding (line, column span, replacement; see :mod:`mkdocs_prd.core.rules.edits`).
Here those edits are applied to a page's source:

* everything outside an edited span stays as it was, character for character (line
  endings ``\\r\\n`` / ``\\r`` / ``\\n`` in any mix, a BOM, trailing blanks, a missing
  final newline);
* a fix is applied whole or not at all; when two fixes overlap, the later one waits
  for the next round;
* :func:`fix_text` repeats check-and-fix until nothing changes (a fix can make a
  later one certain, e.g. renumbering sections one after another), at most
  :data:`MAX_ROUNDS` times, so fixing a fixed page changes nothing.

Only page rules carry fixes: cross-document findings (PRD106) need the author.  Bytes
that are not UTF-8 are never fixed (the parser would have replaced them).  Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mkdocs_prd.core.model import Edit, Finding, Fix
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import is_prd, one_line_end, parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

MAX_ROUNDS = 10
"""How often :func:`fix_text` checks and fixes again before it stops (a safety net)."""

_BOM = "\ufeff"
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class FixResult:
    """``text`` after fixing, and the fixes applied (in the order applied)."""

    text: str
    applied: tuple[Fix, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def line_starts(text: str) -> list[int]:
    """Offsets in ``text`` where each line's content starts (index 0 is line 1).

    Lines end as :func:`~mkdocs_prd.core.parse.lines.split_lines` ends them; a BOM is
    not part of line 1.
    """
    starts = [1 if text.startswith(_BOM) else 0]
    starts.extend(m.end() for m in _LINE_END.finditer(text))
    return starts


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, tuple[Fix, ...]]:
    """``text`` with ``fixes`` applied, and the fixes that were.

    A fix is skipped when one of its edits falls outside its line (the text changed
    since the finding) or overlaps an edit already taken.
    """
    starts = line_starts(text)
    taken: list[tuple[int, int, Edit]] = []
    applied: list[Fix] = []
    for fix in fixes:
        spans = [_span(text, starts, edit) for edit in fix.edits]
        if not spans or any(s is None for s in spans):
            continue
        placed = [(s[0], s[1], e) for s, e in zip(spans, fix.edits, strict=True) if s is not None]
        if any(_overlap(p, q) for p in placed for q in taken) or _self_overlap(placed):
            continue
        taken.extend(placed)
        applied.append(fix)
    out: list[str] = []
    at = 0
    for start, end, edit in sorted(taken, key=lambda t: (t[0], t[1])):
        out.append(text[at:start])
        out.append(edit.text)
        at = end
    out.append(text[at:])
    return "".join(out), tuple(applied)


def _span(text: str, starts: Sequence[int], edit: Edit) -> tuple[int, int] | None:
    if not 1 <= edit.line <= len(starts) or not 0 <= edit.start <= edit.end:
        return None
    begin = starts[edit.line - 1]
    line_end = _LINE_END.search(text, begin)
    stop = line_end.start() if line_end else len(text)
    if begin + edit.end > stop or _LINE_END.search(edit.text):
        return None  # past the line, or an edit that would add a line ending
    return begin + edit.start, begin + edit.end


def _overlap(a: tuple[int, int, Edit], b: tuple[int, int, Edit]) -> bool:
    # Two insertions at one place overlap too: their order would be a guess.
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def _self_overlap(placed: list[tuple[int, int, Edit]]) -> bool:
    return any(_overlap(p, q) for i, p in enumerate(placed) for q in placed[i + 1 :])


def page_findings(text: str, path: str, settings: Settings) -> list[Finding]:
    """The page rules' findings on ``text`` (empty when it is not a PRD), as a build reports them."""
    if text.startswith(_BOM):
        text = text[1:]  # as a build reads the page; line 1's columns start after it either way
    text = one_line_end(text)  # the same lines and columns; the edits go to the text as written
    if not is_prd(text):
        return []
    lines = split_lines(text)
    return check_page(parse_prd(text, path, lines), text, settings, lines)


def fix_text(text: str, path: str, settings: Settings) -> FixResult:
    """``text`` with every safe fix applied, repeated until no fix is left (see the module doc)."""
    applied: list[Fix] = []
    for _ in range(MAX_ROUNDS):
        fixes = [f.fix for f in page_findings(text, path, settings) if f.fix is not None]
        if not fixes:
            break
        new, done = apply_fixes(text, fixes)
        if new == text:
            break
        text = new
        applied.extend(done)
    return FixResult(text, tuple(applied))


def fix_bytes(data: bytes, path: str, settings: Settings) -> tuple[bytes, tuple[Fix, ...]]:
    """A page's bytes with the safe fixes applied, and those fixes; ``data`` itself when none
    applies or the bytes are not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data, ()
    result = fix_text(text, path, settings)
    if not result.changed:
        return data, ()
    return result.text.encode("utf-8"), result.applied
