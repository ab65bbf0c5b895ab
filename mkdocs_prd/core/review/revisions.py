"""The PRDs of a revision: a commit read through git, or the working tree.

A commit's Markdown files under ``docs_dir`` are listed by one ``git ls-tree`` and
read by one ``git cat-file --batch``.  Detection and parsing are the build's own
(the site's ``paths`` globs, the PRD heading or ``type: prd``), so a page is a PRD
at a revision exactly when a build of that revision would say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd
from mkdocs_prd.core.review.git import GitError, Repo
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import markdown_files, paused_gc


@dataclass(frozen=True)
class Revision:
    """The PRDs of one revision (path order) and every Markdown page's bytes by docs path."""

    label: str
    prds: tuple[Prd, ...] = ()
    sources: Mapping[str, bytes] = field(default_factory=dict)


def parse_pages(pages: Mapping[str, bytes], settings: Settings, label: str) -> Revision:
    """Detect and parse the PRDs among ``pages`` (docs path -> bytes)."""
    prds: list[Prd] = []
    with paused_gc():
        for path in sorted(pages):
            if not settings.in_scope(path):
                continue
            text, _problem = decode_source(pages[path])
            if is_prd(text):
                prds.append(parse_prd(text, path))
    return Revision(label, tuple(prds), pages)


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
    return parse_pages(pages, settings, f"{rev} ({commit[:10]})")


def read_worktree(docs_dir: str, settings: Settings) -> Revision:
    """The PRDs of the working tree's ``docs_dir``, as they are on disk now."""
    pages = dict(markdown_files(docs_dir))
    return parse_pages(pages, settings, "working tree")
