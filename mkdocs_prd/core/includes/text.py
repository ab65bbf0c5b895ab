"""Expanded text as lines that remember where each came from.

MkDocs-free.  An include tool puts another file's lines into a page; every line of the
result is a :data:`Line`: its text, the page's own line it stands for, the included
file and line it came from (None for the page's own text), and whether it is the
page's own line exactly as written (same text, same columns: a fix may edit it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

Origin: TypeAlias = "tuple[str, int] | None"
"""``(file, 1-based line)`` of an included line (the innermost file); None for own text."""

Line: TypeAlias = "tuple[str, int, tuple[str, int] | None, bool]"
"""``(text, own line, origin, exact)``: ``own line`` is 1-based in the file being expanded
(a directive's line for what it included); ``exact`` when the text is that line as written."""


def own_lines(lines: Sequence[str], first: int = 1) -> list[Line]:
    """``lines`` as the file's own lines, numbered from ``first``."""
    return [(text, n, None, True) for n, text in enumerate(lines, first)]


class LineBuilder:
    """Builds :data:`Line` s from pieces of own text (with the line they start on) and included lines.

    A line made of more than one piece is not ``exact``; it stands for the own line (or
    the included line) of its first piece.
    """

    def __init__(self) -> None:
        self.out: list[Line] = []
        self._parts: list[str] = []
        self._head: tuple[int, tuple[str, int] | None, bool] | None = None

    def _add(self, part: str, own: int, origin: tuple[str, int] | None, exact: bool) -> None:
        if not self._parts:
            if part or self._head is None:  # the line stands for its first non-empty piece
                self._head = (own, origin, exact and self._head is None)
        elif part and self._head is not None:
            line, first, _ = self._head
            self._head = (line, first, False)
        if part:
            self._parts.append(part)

    def newline(self) -> None:
        """End the current line (an empty one when nothing was added to it)."""
        own, origin, exact = self._head if self._head is not None else (0, None, False)
        self.out.append(("".join(self._parts), own, origin, exact))
        self._parts = []
        self._head = None

    def own(self, text: str, line: int, at_line_start: bool) -> None:
        """Own ``text`` (may hold line breaks) that starts on own ``line``."""
        for k, part in enumerate(text.split("\n")):
            if k:
                self.newline()
            self._add(part, line + k, None, at_line_start or k > 0)

    def included(self, lines: Sequence[Line], at: int, ends_with_newline: bool) -> None:
        """Included ``lines`` (mapped to their file) put in for the directive on own line ``at``."""
        for k, (text, _own, origin, _exact) in enumerate(lines):
            if k:
                self.newline()
            self._add(text, at, origin, False)
        if lines and ends_with_newline:
            self.newline()

    def lines(self) -> list[Line]:
        """What was built; a last line without a line break is kept."""
        if self._head is not None:
            self.newline()
        return self.out


def nested(lines: Sequence[Line], file: str) -> list[Line]:
    """Lines of ``file`` (own lines numbered in it) as lines included from it: each keeps
    its innermost origin, an own line of ``file`` becomes ``(file, line)``."""
    return [
        (text, own, origin if origin is not None else (file, own), False) for text, own, origin, _ in lines
    ]
