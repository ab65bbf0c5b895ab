"""Reading a git repository through the ``git`` command (a plain subprocess module).

Why the command and not a binding: ``git`` is already on every machine that has a
clone (CI runners, laptops), it understands every repository feature the user's
clone may use (worktrees, partial and shallow clones, alternates, ``safe.directory``),
and it adds no compiled dependency.  A binding (pygit2, dulwich) would duplicate it,
and GitPython shells out to the same command anyway.  Cost is kept down by batching:
a revision's PRDs are read with one ``git ls-tree`` plus one ``git cat-file --batch``,
never one process per file.

Nothing from the user reaches git as an option: revisions are checked by
:func:`check_rev` (no leading ``-``, no control characters, no ``..`` ranges), paths
are passed after ``--`` and read literally (``GIT_LITERAL_PATHSPECS``: a docs folder
named ``:(exclude)docs`` or ``d*cs`` is that folder, not pathspec magic or a glob),
and commands never go through a shell.

Errors are :class:`GitError` with a message for people (``shallow clone``, ``not a
git repository``, ``unknown revision``), never a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FETCH_HINT = (
    "the clone is shallow and does not have it: fetch the full history "
    "(`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
)

_BAD_REV = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{")
_RELATIVE = re.compile(r"(?:[~^]\d*)+$")


class GitError(Exception):
    """git is missing, the folder is no repository, or a revision cannot be read."""


def check_rev(rev: str) -> str:
    """``rev`` when it is safe to hand to git as one revision, else :class:`GitError`.

    Allowed: branch and tag names, ``origin/main``, commit ids, ``HEAD``, and a
    trailing ``~n`` / ``^`` (``HEAD~1``).  Refused: anything starting with ``-`` (it
    would be read as an option), ranges (``a..b``), reflog and pathspec syntax,
    whitespace and control characters.
    """
    if not rev or rev.startswith("-") or len(rev) > 250:
        raise GitError(f"not a revision: {rev!r}")
    suffix = _RELATIVE.search(rev)
    base = rev[: suffix.start()] if suffix else rev
    if not base or _BAD_REV.search(base) or base.endswith((".", "/", ".lock")):
        raise GitError(f"not a revision: {rev!r}")
    return rev


@dataclass(frozen=True)
class Repo:
    """A git working tree: ``root`` is its top folder (absolute); ``shallow`` whether the clone is shallow."""

    root: str
    shallow: bool

    def run(self, args: Sequence[str], stdin: bytes | None = None) -> bytes:
        """``git -C root ARGS`` with ``stdin``; its standard output.  Raises :class:`GitError`."""
        return run_git(self.root, args, stdin)

    def commit_of(self, rev: str) -> str:
        """The full commit id of ``rev``; :class:`GitError` naming the fix when it is missing."""
        check_rev(rev)
        try:
            out = self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"])
        except GitError:
            out = b""
        commit = out.decode("ascii", "replace").strip()
        if not commit:
            if self.shallow:
                raise GitError(f"revision {rev!r} is not in this repository: {FETCH_HINT}")
            raise GitError(
                f"unknown revision {rev!r}: name a branch, tag or commit of this repository "
                "(for a remote branch, fetch it first: `git fetch origin BRANCH`)"
            )
        return commit

    def markdown_blobs(self, commit: str, folder: str) -> dict[str, str]:
        """``{path below folder: blob id}`` of every ``.md`` file of ``commit`` under ``folder``.

        ``folder`` is relative to the repository root (``""`` for the root).  Hidden
        files and folders are left out, as MkDocs leaves them out.
        """
        prefix = folder.strip("/") + "/" if folder.strip("/") else ""
        out: dict[str, str] = {}
        for path, (_mode, blob) in self.files(commit, [folder]).items():
            rel = path[len(prefix) :]
            if rel.endswith(".md") and not any(part.startswith(".") for part in rel.split("/")):
                out[rel] = blob
        return out

    def files(self, commit: str, folders: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``{path: (mode, blob id)}`` of every file of ``commit`` under ``folders`` (relative to
        the repository root, ``""`` for the root; paths too), by one ``git ls-tree``.  ``mode``
        is git's (``100644``, ``100755``, ``120000`` for a symlink)."""
        prefixes = sorted({f.strip("/") + "/" if f.strip("/") else "" for f in folders})
        args = ["ls-tree", "-r", "-z", "--full-tree", commit, "--"]
        if "" not in prefixes:
            args += prefixes
        out: dict[str, tuple[str, str]] = {}
        for entry in self.run(args).split(b"\0"):
            meta, _, raw_path = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) != 3 or parts[1] != b"blob":
                continue
            path = raw_path.decode("utf-8", "surrogateescape")
            if any(path.startswith(p) for p in prefixes):
                out[path] = (parts[0].decode("ascii"), parts[2].decode("ascii"))
        return out

    def read_blobs(self, blob_ids: Iterable[str]) -> dict[str, bytes]:
        """``{blob id: content}`` for ``blob_ids``, all read by one ``git cat-file --batch``."""
        wanted = list(dict.fromkeys(blob_ids))
        if not wanted:
            return {}
        data = self.run(["cat-file", "--batch"], stdin="".join(f"{b}\n" for b in wanted).encode("ascii"))
        return parse_batch(data)


def parse_batch(data: bytes) -> dict[str, bytes]:
    """The objects in ``git cat-file --batch`` output (``<id> <type> <size>\\n<bytes>\\n`` each)."""
    out: dict[str, bytes] = {}
    pos = 0
    while pos < len(data):
        end = data.find(b"\n", pos)
        if end < 0:
            break
        header = data[pos:end].split()
        pos = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue  # "<id> missing": nothing follows
        size = int(header[2])
        out[header[0].decode("ascii")] = data[pos : pos + size]
        pos += size + 1
    return out


def run_git(cwd: str, args: Sequence[str], stdin: bytes | None = None) -> bytes:
    """Run ``git -C cwd ARGS`` (no shell, no pager, no prompts, English messages); stdout bytes."""
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "LC_ALL": "C",
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_LITERAL_PATHSPECS": "1",  # a path is that path: no `:(magic)`, no globs
    }
    try:
        done = subprocess.run(
            ["git", "-C", cwd, "-c", "core.quotePath=false", *args],
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("the `git` command is not installed (or not on PATH)") from exc
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def open_repo(folder: str) -> Repo:
    """The repository that contains ``folder``; :class:`GitError` when there is none."""
    try:
        out = run_git(folder, ["rev-parse", "--show-toplevel", "--is-shallow-repository"])
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            raise GitError(f"{folder} is not inside a git repository") from exc
        raise
    lines = out.decode("utf-8", "surrogateescape").splitlines()
    if len(lines) < 2:
        raise GitError(f"{folder} is not inside a git working tree")
    return Repo(os.path.normpath(lines[0]), lines[1].strip() == "true")


def relative_folder(repo: Repo, folder: str) -> str:
    """``folder`` relative to the repository root, ``/``-separated (``""`` for the root).

    Raises :class:`GitError` when ``folder`` is outside the repository.
    """
    real_root = os.path.realpath(repo.root)
    real = os.path.realpath(folder)
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        raise GitError(f"{folder} is outside the git repository at {repo.root}")
    rel = os.path.relpath(real, real_root)
    return "" if rel == "." else rel.replace(os.sep, "/")
