"""The PRDs of a revision: a commit read through git, or the working tree.

A commit's Markdown files under ``docs_dir`` are listed by one ``git ls-tree`` and
read by one ``git cat-file --batch``.  Detection and parsing are the build's own
(the site's ``paths`` globs, the PRD heading or ``type: prd``), so a page is a PRD
at a revision exactly when a build of that revision would say so.  On a site with
include tools a page is read with what it includes (:mod:`mkdocs_prd.core.includes`), at
a commit the included files as they were in that commit (:mod:`.tree`); a site without
them, or a revision whose pages hold no directive, reads nothing more.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs_prd.core.includes import Expanded, Includer, might_include
from mkdocs_prd.core.includes.files import IncludeFiles
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd
from mkdocs_prd.core.review.git import GitError, Repo
from mkdocs_prd.core.review.tree import TreeFiles
from mkdocs_prd.core.settings import Includes, Settings
from mkdocs_prd.core.sitewide.catalog import markdown_files, paused_gc


@dataclass(frozen=True)
class Revision:
    """The PRDs of one revision (path order) and every Markdown page's bytes by docs path.

    A PRD read with what it includes is parsed from its page as read: its lines are those
    of ``expanded[path].text``, and ``expanded[path]`` maps them to the file's own lines
    (an included line to its directive's line) and names where included lines came from.
    """

    label: str
    prds: tuple[Prd, ...] = ()
    sources: Mapping[str, bytes] = field(default_factory=dict)
    expanded: Mapping[str, Expanded] = field(default_factory=dict)


def parse_pages(
    pages: Mapping[str, bytes], settings: Settings, label: str, includer: Includer | None = None
) -> Revision:
    """Detect and parse the PRDs among ``pages`` (docs path -> bytes), with ``includer``
    each read with what it includes."""
    prds: list[Prd] = []
    expanded: dict[str, Expanded] = {}
    with paused_gc():
        for path in sorted(pages):
            if not settings.in_scope(path):
                continue
            text, _problem = decode_source(pages[path])
            done = includer.expand(path, text) if includer is not None else None
            if done is not None:
                text = done.text
            if is_prd(text):
                prds.append(parse_prd(text, path))
                if done is not None:
                    expanded[path] = done
    return Revision(label, tuple(prds), pages, expanded)


def _includes_directives(pages: Mapping[str, bytes], settings: Settings) -> Includes | None:
    """The site's include tools when a page in scope may hold a directive, else None."""
    includes = settings.includes
    if includes is None:
        return None
    for path, data in pages.items():
        if settings.in_scope(path) and might_include(decode_source(data)[0], includes):
            return includes
    return None


def read_commit(repo: Repo, rev: str, docs_folder: str, settings: Settings) -> Revision:
    """The PRDs of revision ``rev`` below ``docs_folder`` (relative to the repository root).

    Raises :class:`~mkdocs_prd.core.review.git.GitError` when ``rev`` is not there
    (with the shallow-clone advice when the clone is shallow).
    """
    commit = repo.commit_of(rev)
    blobs = repo.markdown_blobs(commit, docs_folder)
    contents = repo.read_blobs(blobs.values())
    missing = [p for p, b in blobs.items() if b not in contents]
    if missing:
        raise GitError(
            f"cannot read {missing[0]} at {rev}: the object is missing (partial or shallow clone?)"
        )
    pages = {path: contents[blob] for path, blob in blobs.items()}
    includes = _includes_directives(pages, settings)
    includer = None
    if includes is not None:
        includer = Includer(includes, _commit_files(repo, commit, includes, contents))
    return parse_pages(pages, settings, f"{rev} ({commit[:10]})", includer)


def _commit_files(repo: Repo, commit: str, includes: Includes, known: Mapping[str, bytes]) -> IncludeFiles:
    """The files of ``commit`` below the site's folders, for its includes (listed when first asked)."""
    root = os.path.realpath(repo.root)
    folders = []
    for folder in includes.roots:
        real = os.path.realpath(folder)
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            rel = os.path.relpath(real, root).replace(os.sep, "/")
            folders.append("" if rel == "." else rel)
    return TreeFiles(
        includes.roots,
        includes.docs_dir,
        root,
        lambda: repo.files(commit, folders) if folders else {},
        lambda blob: repo.read_blobs([blob]).get(blob),
        known,
    )


def read_worktree(docs_dir: str, settings: Settings) -> Revision:
    """The PRDs of the working tree's ``docs_dir``, as they are on disk now (with what they
    include, from disk)."""
    pages = dict(markdown_files(docs_dir))
    includes = _includes_directives(pages, settings)
    return parse_pages(pages, settings, "working tree", Includer(includes) if includes is not None else None)
