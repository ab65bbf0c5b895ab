"""Finding the files of ``trace.sources`` / ``trace.junit`` and reading source files.

MkDocs-free.  Globs are relative to ``mkdocs.yml``'s folder (``../src/**/*.py``);
``**`` spans folders.  A file whose real path is outside the project folder (the
git work tree that holds ``mkdocs.yml``, else that folder) is refused, so a config
cannot make the build read ``/etc`` or another user's files.  Source files are
read as text in any language: one :func:`~mkdocs_prd.core.trace.ids.find_ids` pass each.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from mkdocs_prd.core.trace.ids import IdHit, find_ids

MAX_FILE_BYTES = 32 * 1024 * 1024
"""A source file or report larger than this is skipped with a message (generated files, dumps)."""


def project_dir(base_dir: str) -> str:
    """The project folder of a site: the nearest folder at or above ``base_dir`` holding
    ``.git``, else ``base_dir`` itself (real paths)."""
    here = os.path.realpath(base_dir)
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return here
        probe = parent


@dataclass
class FoundFiles:
    """Files a list of globs matched: ``(absolute real path, path relative to base_dir)``,
    each once, in glob order; ``messages`` for patterns that matched nothing or files refused."""

    files: list[tuple[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def expand(option: str, patterns: Sequence[str], base_dir: str, root: str) -> FoundFiles:
    """The regular files ``patterns`` match below ``base_dir`` and inside ``root``."""
    found = FoundFiles()
    seen: set[str] = set()
    base = os.path.abspath(base_dir)
    inside = root.rstrip(os.sep) + os.sep
    for pattern in patterns:
        matched = refused = 0
        full_pattern = os.path.join(base, os.path.expanduser(pattern))
        for path in sorted(glob.iglob(full_pattern, recursive=True)):
            if not os.path.isfile(path):
                continue
            real = os.path.realpath(path)
            if real != root and not real.startswith(inside):
                refused += 1
                continue
            matched += 1
            if real not in seen:
                seen.add(real)
                found.files.append((real, relative(path, base)))
        if refused:
            found.messages.append(
                f"{option}: {pattern!r}: refused {refused} file(s) outside the project folder {root}"
            )
        elif not matched:
            found.messages.append(f"{option}: {pattern!r} matches no file")
    return found


def relative(path: str, base: str) -> str:
    """``path`` relative to ``base``, ``/``-separated (``../src/a.py``)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        rel = path
    return rel.replace(os.sep, "/")


def read_bytes(path: str) -> bytes | str:
    """The file's bytes, or a short reason why it cannot be read."""
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        with open(path, "rb") as fd:
            return fd.read()
    except OSError as exc:
        return exc.strerror or type(exc).__name__


def source_ids(data: bytes) -> Iterator[IdHit]:
    """The qualified ids in a source file's bytes; nothing for binary files (a NUL byte)."""
    if b"\0" in data[:8192]:
        return iter(())
    text = data.decode("utf-8", errors="replace")
    if ":" not in text:
        return iter(())
    return find_ids(text)
