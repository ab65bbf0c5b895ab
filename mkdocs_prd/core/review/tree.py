"""The files a PRD includes, as they were at a git revision (for ``mkdocs-prd review``).

MkDocs-free.  A change review reads each PRD with what it includes
(:mod:`mkdocs_prd.core.includes`) at both revisions, so a shared file that drops a
requirement from approved PRDs is seen.  At a commit the included files must be the
commit's, not the working tree's: :class:`TreeFiles` answers the include tools' questions
(is there such a file, what does it hold, what does a glob match) from the commit's tree,
with the working tree's absolute paths as names, so the site's settings apply unchanged.

Only regular files of the commit below the site's folders are read (a symlink in the
tree is not followed; nothing on disk is read).  The tree is listed once, on the first
question (one ``git ls-tree``); each file's bytes are read once (the Markdown pages the
review already holds are not read again).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from fnmatch import fnmatchcase
from functools import cached_property, lru_cache

from mkdocs_prd.core.includes.files import MAX_BYTES, IncludeFiles

_SYMLINK = "120000"


class TreeFiles(IncludeFiles):
    """The files of one commit, named by absolute paths below the repository's ``root``.

    ``list_files()`` gives ``{path relative to root: (mode, blob id)}`` (git's
    :meth:`~mkdocs_prd.core.review.git.Repo.files`); ``load_blob(blob)`` its bytes or None;
    ``known`` bytes by blob id already read.
    """

    def __init__(
        self,
        roots: Sequence[str],
        docs_dir: str,
        root: str,
        list_files: Callable[[], Mapping[str, tuple[str, str]]],
        load_blob: Callable[[str], bytes | None],
        known: Mapping[str, bytes] | None = None,
    ) -> None:
        super().__init__(roots, docs_dir)
        self.root = os.path.realpath(root)
        self._list_files = list_files
        self._load_blob = load_blob
        self._known: dict[str, bytes | None] = dict(known or {})

    @cached_property
    def _files(self) -> Mapping[str, tuple[str, str]]:
        return {p: entry for p, entry in self._list_files().items() if entry[0] != _SYMLINK}

    @cached_property
    def _folders(self) -> frozenset[str]:
        folders = {""}
        for path in self._files:
            parts = path.split("/")
            folders.update("/".join(parts[:k]) for k in range(1, len(parts)))
        return frozenset(folders)

    def _rel(self, path: str) -> str | None:
        """``path`` relative to the repository root, ``/``-separated; None outside it."""
        real = os.path.realpath(path)
        if real == self.root:
            return ""
        if not real.startswith(self.root.rstrip(os.sep) + os.sep):
            return None
        return os.path.relpath(real, self.root).replace(os.sep, "/")

    def load(self, real: str) -> bytes | None:
        rel = self._rel(real)
        entry = self._files.get(rel) if rel is not None else None
        if entry is None:
            return None
        blob = entry[1]
        if blob not in self._known:
            data = self._load_blob(blob)
            self._known[blob] = data if data is not None and len(data) <= MAX_BYTES else None
        return self._known[blob]

    def isdir(self, path: str) -> bool:
        rel = self._rel(path)
        return rel is not None and rel in self._folders

    def exists(self, path: str) -> bool:
        rel = self._rel(path)
        return rel is not None and (rel in self._files or rel in self._folders)

    def samefile(self, a: str, b: str) -> bool:
        ra, rb = self._rel(a), self._rel(b)
        return ra is not None and ra == rb and ra in self._files

    def glob(self, base: str, parts: list[str], inside: Callable[[str], bool]) -> list[str]:
        """The files of the tree below the folder ``base`` that the pattern ``parts`` matches,
        in path order, as :func:`~mkdocs_prd.core.includes.globs.glob_files` matches them on
        disk: a wildcard within one name, ``**`` any run of folders, neither a hidden name
        unless the pattern's part is hidden too; no ``.`` or ``..`` among the parts."""
        parts = [p for p in parts if p]
        start = self._rel(base)
        if start is None or not parts or any(p in (".", "..") for p in parts) or not inside(base):
            return []
        prefix = start + "/" if start else ""
        wanted = tuple(parts)
        found = [
            os.path.join(self.root, *path.split("/"))
            for path in self._files
            if path.startswith(prefix) and _matches(wanted, tuple(path[len(prefix) :].split("/")))
        ]
        return sorted(found)


@lru_cache(maxsize=4096)
def _matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether the path ``parts`` matches the glob ``pattern`` (both split at ``/``)."""
    if not pattern:
        return not parts
    head = pattern[0]
    if head == "**":
        for k in range(len(parts) + 1):
            if _matches(pattern[1:], parts[k:]):
                return True
            if k < len(parts) and parts[k].startswith("."):
                return False
        return False
    if not parts or (parts[0].startswith(".") and not head.startswith(".")):
        return False
    return fnmatchcase(parts[0], head) and _matches(pattern[1:], parts[1:])
