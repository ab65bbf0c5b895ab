"""Reading the files a page includes: only inside the site's folders, each file once.

MkDocs-free.  A path that leads out of the site's folders (``../../../etc/passwd``, a
symlink to elsewhere) is never read; neither is a file over :data:`MAX_BYTES` or one
that is not UTF-8.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from mkdocs_prd.core.includes.globs import glob_files
from mkdocs_prd.core.read import UnreadableFile, read_bytes

MAX_BYTES = 4 * 1024 * 1024
"""The largest file an include is followed to (the page's own size cap)."""

MAX_PATH = 4096
"""The longest path followed."""

OUTSIDE = "outside"
MISSING = "missing"


class IncludeFiles:
    """The files includes read, confined to ``roots`` (absolute folders); ``docs_dir`` names them.

    These are the files on disk; a subclass reads another tree with the same paths (a git
    revision: :class:`mkdocs_prd.core.review.tree.TreeFiles`) by overriding :meth:`load`,
    :meth:`isdir`, :meth:`exists`, :meth:`samefile` and :meth:`glob`.
    """

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
            data = self.load(real)
            try:
                text = None if data is None else data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = None
            self._texts[real] = None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")
        found = self._texts[real]
        return (found, real) if found is not None else (None, MISSING)

    def load(self, real: str) -> bytes | None:
        """The bytes of the regular file ``real`` (at most :data:`MAX_BYTES`), else None."""
        try:
            return read_bytes(real, MAX_BYTES)
        except UnreadableFile:
            return None

    def isdir(self, path: str) -> bool:
        """Whether ``path`` is a folder."""
        return os.path.isdir(path)

    def exists(self, path: str) -> bool:
        """Whether ``path`` is a file or a folder."""
        return os.path.exists(path)

    def samefile(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are the same existing file."""
        try:
            return os.path.exists(a) and os.path.samefile(a, b)
        except (OSError, ValueError):
            return False

    def glob(self, base: str, parts: list[str], inside: Callable[[str], bool]) -> list[str]:
        """The files below the folder ``base`` that the pattern ``parts`` matches, in path order
        (see :func:`~mkdocs_prd.core.includes.globs.glob_files`)."""
        return glob_files(base, parts, inside)

    def name(self, real: str) -> str:
        """``real`` as findings name it: relative to ``docs_dir`` when inside it, else to the first root."""
        for base in (self.docs_dir, *self.roots):
            if real.startswith(base.rstrip(os.sep) + os.sep):
                return os.path.relpath(real, base).replace(os.sep, "/")
        return os.path.basename(real)
