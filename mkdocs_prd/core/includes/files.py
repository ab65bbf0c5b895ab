"""Reading the files a page includes: only inside the site's folders, each file once.

MkDocs-free.  A path that leads out of the site's folders (``../../../etc/passwd``, a
symlink to elsewhere) is never read; neither is a file over :data:`MAX_BYTES` or one
that is not UTF-8.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from mkdocs_prd.core.read import UnreadableFile, read_bytes

MAX_BYTES = 4 * 1024 * 1024
"""The largest file an include is followed to (the page's own size cap)."""

MAX_PATH = 4096
"""The longest path followed."""

OUTSIDE = "outside"
MISSING = "missing"


class IncludeFiles:
    """The files includes read, confined to ``roots`` (absolute folders); ``docs_dir`` names them."""

    def __init__(self, roots: Sequence[str], docs_dir: str) -> None:
        self.roots = tuple(os.path.realpath(r) for r in roots)
        self.docs_dir = os.path.realpath(docs_dir)
        self._texts: dict[str, str | None] = {}

    def inside(self, path: str) -> str | None:
        """The real path of ``path`` when it lies inside one of the roots, else None."""
        if "\0" in path or len(path) > MAX_PATH:
            return None  # no file has such a name
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            return None
        for root in self.roots:
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                return real
        return None

    def read(self, path: str) -> tuple[str | None, str]:
        """``(text, real path)``, or ``(None, OUTSIDE)`` for a path out of the roots and
        ``(None, MISSING)`` for one that is no readable UTF-8 file."""
        real = self.inside(path)
        if real is None:
            return None, OUTSIDE
        if real not in self._texts:
            try:
                data = read_bytes(real, MAX_BYTES)
                text: str | None = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            except (UnreadableFile, UnicodeDecodeError):
                text = None
            self._texts[real] = text
        text = self._texts[real]
        return (text, real) if text is not None else (None, MISSING)

    def name(self, real: str) -> str:
        """``real`` as findings name it: relative to ``docs_dir`` when inside it, else to the first root."""
        for base in (self.docs_dir, *self.roots):
            if real.startswith(base.rstrip(os.sep) + os.sep):
                return os.path.relpath(real, base).replace(os.sep, "/")
        return os.path.basename(real)
