"""The pages that include given files: what a change to a shared file affects.

MkDocs-free.  ``mkdocs-prd lint _shared/status.md`` (the pre-commit hook, when a commit
touches only a shared file) lints the PRDs that include it, read as a build reads them.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable

from mkdocs_prd.core.includes import Includer, might_include
from mkdocs_prd.core.includes.files import IncludeFiles
from mkdocs_prd.core.parse.prd import decode_source
from mkdocs_prd.core.settings import Includes


class _Recording(IncludeFiles):
    """The files on disk, remembering the real paths of those read."""

    def __init__(self, roots: tuple[str, ...], docs_dir: str) -> None:
        super().__init__(roots, docs_dir)
        self.seen: set[str] = set()

    def read(self, path: str) -> tuple[str | None, str]:
        text, real = super().read(path)
        if text is not None:
            self.seen.add(real)
        return text, real


def including_pages(
    pages: Iterable[tuple[str, bytes]], includes: Includes, files: Collection[str]
) -> dict[str, tuple[str, ...]]:
    """For each of ``pages`` (``src_path``, bytes) that includes one of ``files`` (paths, at any
    depth of nesting), the real paths of those it includes; pages without a directive cost a
    substring test.  Never raises."""
    wanted = {os.path.realpath(f) for f in files}
    if not wanted:
        return {}
    recording = _Recording(includes.roots, includes.docs_dir)
    includer = Includer(includes, recording)
    out: dict[str, tuple[str, ...]] = {}
    for src_path, data in pages:
        text = decode_source(data)[0]
        if not might_include(text, includes):
            continue
        recording.seen.clear()
        includer.expand(src_path, text)
        hit = recording.seen & wanted
        if hit:
            out[src_path] = tuple(sorted(hit))
    return out
