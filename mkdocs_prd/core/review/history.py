"""Each PRD's history from git: when it reached its status, who changed it last, its status timeline.

MkDocs-free.  git is asked once per build for all PRDs, never once per page: one
``git log --raw`` over ``docs_dir`` lists every commit that touched a Markdown file
there (renames detected), which is replayed newest first to follow each PRD back
through its renames; then one ``git cat-file --batch`` reads the older versions whose
Status is needed.  A version whose content is the page's current content is not read
or parsed again: its Status is the one the build already knows.

Without git, outside a repository or in a shallow clone there is no history, and
:func:`collect_history` says why once (``problem``) instead of failing the build.
Commit authors and dates are untrusted text: they are kept as text and escaped where
they are shown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from mkdocs_prd.core.parse.prd import decode_source, parse_prd
from mkdocs_prd.core.review.diff import status_key
from mkdocs_prd.core.review.git import GitError, Repo, open_repo, relative_folder
from mkdocs_prd.core.settings import Settings

DEFAULT_APPROVED = Settings().approved_statuses
"""The approved statuses of the default ``statuses``: ``approved``, ``implemented``."""

MAX_STEPS = 8
"""The timeline shows at most this many (the latest) status steps."""


@dataclass(frozen=True, slots=True)
class Version:
    """One commit that changed a PRD's file: ``date`` is ``YYYY-MM-DD`` (author date)."""

    commit: str
    date: str
    author: str
    blob: str


@dataclass(frozen=True, slots=True)
class StatusStep:
    """The PRD reached ``status`` on ``date`` in a commit by ``author``."""

    status: str
    date: str
    author: str


@dataclass(frozen=True, slots=True)
class PrdHistory:
    """What git says about one PRD (``path`` relative to ``docs_dir``).

    ``since`` is the date it reached its current status (None when the status is not
    committed yet); ``last_date``/``last_author`` the last commit that changed it;
    ``approved_on`` the date it reached Approved (or a later status) for good, when
    its status is Approved or later; ``steps`` the status timeline, oldest first.
    """

    path: str
    steps: tuple[StatusStep, ...] = ()
    since: str | None = None
    last_date: str | None = None
    last_author: str | None = None
    approved_on: str | None = None


@dataclass(frozen=True)
class HistoryResult:
    """Histories by PRD path, or ``problem``: why there is none (said once per build)."""

    histories: Mapping[str, PrdHistory] = field(default_factory=dict)
    problem: str | None = None


def blob_id(data: bytes) -> str:
    """The git blob id of ``data`` (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def collect_history(
    docs_dir: str,
    current: Mapping[str, tuple[str | None, bytes]],
    approved: Collection[str] = DEFAULT_APPROVED,
) -> HistoryResult:
    """The history of each PRD in ``current`` (docs path -> (current status, current bytes));
    ``approved`` the site's approved statuses, case-folded (``Settings.approved_statuses``).

    Never raises for git problems: they become ``problem``.
    """
    try:
        repo = open_repo(docs_dir)
        if repo.shallow:
            return HistoryResult(
                problem="the git clone is shallow; PRD history needs the full history "
                "(`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
            )
        folder = relative_folder(repo, docs_dir)
        versions = _versions(repo, folder, set(current))
        here = {path: blob_id(data) for path, (_, data) in current.items()}
        wanted = {v.blob for path, vs in versions.items() for v in vs if v.blob != here[path]}
        blobs = repo.read_blobs(sorted(wanted))
    except GitError as exc:
        return HistoryResult(problem=str(exc))
    cache: dict[str, str | None] = {}
    out: dict[str, PrdHistory] = {}
    for path, vs in versions.items():
        status = current[path][0]

        def status_at(v: Version, status: str | None = status, now: str = here[path]) -> str | None:
            if v.blob == now:
                return status
            if v.blob not in cache:
                cache[v.blob] = _status_of(blobs.get(v.blob))
            return cache[v.blob]

        out[path] = history_of(path, vs, status_at, status, approved)
    return HistoryResult(out)


def _status_of(data: bytes | None) -> str | None:
    if data is None:
        return None
    text, _ = decode_source(data)
    status = parse_prd(text, "").status
    return " ".join(status.split()) if status else None


def history_of(
    path: str,
    versions: Sequence[Version],
    status_at: Callable[[Version], str | None],
    current: str | None,
    approved: Collection[str] = DEFAULT_APPROVED,
) -> PrdHistory:
    """A PRD's history from its versions (newest first) and ``status_at(version)``."""
    if not versions:
        return PrdHistory(path)
    steps: list[StatusStep] = []
    for v in reversed(versions):
        status = status_at(v)
        if not status:
            continue
        if not steps or status_key(steps[-1].status) != status_key(status):
            steps.append(StatusStep(status, v.date, v.author))
    now = status_key(current)
    since = steps[-1].date if steps and now and status_key(steps[-1].status) == now else None
    return PrdHistory(
        path,
        tuple(steps[-MAX_STEPS:]),
        since,
        versions[0].date,
        versions[0].author,
        _approved_on(steps, now, approved) if since else None,
    )


def _approved_on(steps: Sequence[StatusStep], now: str, approved: Collection[str]) -> str | None:
    """The date of the first step of the last run of steps at Approved or later (``approved``:
    the site's approved statuses, case-folded, see ``Settings.approved_statuses``)."""
    if now not in approved:
        return None
    found: str | None = None
    for step in reversed(steps):
        if status_key(step.status) in approved:
            found = step.date
        else:
            break
    return found


def _versions(repo: Repo, folder: str, paths: set[str]) -> dict[str, list[Version]]:
    """Each wanted docs path's versions, newest first, following renames back in time."""
    prefix = folder + "/" if folder else ""
    # The name each PRD has at the point of the history being replayed -> the PRD.
    names = {prefix + p: p for p in paths}
    out: dict[str, list[Version]] = {p: [] for p in paths}
    data = repo.run(
        [
            "log",
            "-M",
            "--raw",
            "--no-abbrev",
            "-z",
            "--no-color",
            "--format=%x1e%H%x1f%as%x1f%an",
            "--",
            folder or ".",
        ]
    )
    for record in data.split(b"\x1e")[1:]:
        header, _, rest = record.partition(b"\0")
        parts = header.decode("utf-8", "replace").split("\x1f")
        if len(parts) != 3:
            continue
        commit, date, author = parts
        tokens = rest.lstrip(b"\n").split(b"\0")
        i = 0
        while i < len(tokens):
            meta = tokens[i]
            if not meta.startswith(b":"):
                i += 1
                continue
            fields = meta.split()
            kind = fields[-1][:1] if fields else b""
            if kind in (b"R", b"C") and i + 2 < len(tokens):
                old = tokens[i + 1].decode("utf-8", "surrogateescape")
                new = tokens[i + 2].decode("utf-8", "surrogateescape")
                i += 3
            else:
                old = new = tokens[i + 1].decode("utf-8", "surrogateescape") if i + 1 < len(tokens) else ""
                i += 2
            prd = names.get(new)
            if prd is None or kind == b"D" or len(fields) < 4:
                continue
            out[prd].append(Version(commit, date, author, fields[3].decode("ascii", "replace")))
            if kind == b"R":
                del names[new]
                names[old] = prd  # older commits know it by its old name
            elif kind in (b"A", b"C"):
                del names[new]  # it starts here; an older file of that name was another one
    return out
