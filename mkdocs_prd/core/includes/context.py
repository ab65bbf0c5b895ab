"""What one expansion shares: the site's include settings, the files read, the files being
included (a cycle guard), the depth and a budget of lines.  MkDocs-free."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs_prd.core.includes.files import IncludeFiles
from mkdocs_prd.core.settings import Includes

MAX_DEPTH = 10
"""Includes nested deeper than this are not followed."""

MAX_LINES = 200_000
"""A page grows by at most this many included lines: a file that would take it past them is
not followed (a file included twice at each of ten levels would otherwise make a page of a
million copies, and one 4 MB file of a million short lines took seconds to put in and read)."""


class Context:
    """The state of expanding one page (see :func:`mkdocs_prd.core.includes.expand`)."""

    def __init__(self, includes: Includes, files: IncludeFiles) -> None:
        self.includes = includes
        self.files = files
        self.stack: list[str] = []
        self.budget = MAX_LINES
        self.missing: list[tuple[int, str]] = []
        """``(page's own line, path as written)`` of each of the page's own directives whose
        path names no file (a glob that matches none): the tool stops or drops it."""

    def read(self, path: str) -> tuple[str, str] | None:
        """``(text, real path)`` of the file at ``path`` when it may be included here: inside
        the site's folders, readable, not already being included, not too deep, within budget."""
        if len(self.stack) >= MAX_DEPTH or self.budget <= 0:
            return None
        text, real = self.files.read(path)
        if text is None or real in self.stack or text.count("\n") >= self.budget:
            return None
        return text, real

    def outside(self, path: str) -> bool:
        """Whether ``path`` leads out of the site's folders."""
        return self.files.inside(path) is None

    @contextmanager
    def entered(self, real: str, lines: int) -> Iterator[None]:
        """While the file ``real`` (``lines`` long) is being included."""
        self.stack.append(real)
        self.budget -= lines
        try:
            yield
        finally:
            self.stack.pop()
