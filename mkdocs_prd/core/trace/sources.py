"""Finding the files of ``trace.sources`` / ``trace.junit`` and reading source files.

MkDocs-free.  Globs are relative to ``mkdocs.yml``'s folder (``../src/**/*.py``);
``**`` spans folders.  A file whose real path is outside the project folder (the
git work tree that holds ``mkdocs.yml``, else that folder) is refused, so a config
cannot make the build read ``/etc`` or another user's files.  Source files are
read as text in any language: one :func:`~mkdocs_prd.core.trace.ids.find_ids` pass each.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from mkdocs_prd.core.includes.globs import glob_files
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
        for path in matching(full_pattern, lambda folder: _inside(folder, root, inside)):
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


MAX_ENTRIES = 1_000_000
"""The most folder entries one pattern looks at (a big monorepo has a few hundred thousand)."""


def matching(full_pattern: str, inside: Callable[[str], bool]) -> list[str]:
    """The paths the absolute glob ``full_pattern`` matches (``**`` spans folders; ``*``, ``?``
    and ``[…]`` do not match a hidden name), in path order, listing only the pattern's own
    folder and folders for which ``inside(folder)`` holds.  ``**`` follows symlinked folders,
    each real folder once: a link to a folder above it (``src/loop -> .``) is no loop.
    Python's :func:`glob.glob` walked two such links 2**40 ways (``mkdocs-prd trace`` and
    the build never ended)."""
    parts = full_pattern.replace(os.sep, "/").split("/")
    first = next((i for i, p in enumerate(parts) if any(c in p for c in "*?[")), None)
    if first is None:
        return [full_pattern] if os.path.lexists(full_pattern) else []
    folder = os.path.normpath("/".join(parts[:first]) or "/")
    # The pattern's own folder is listed even when it is outside (one listing): what it
    # names there is refused by name, with a message, rather than matching nothing.
    return glob_files(
        folder, parts[first:], lambda f: f == folder or inside(f), follow=True, limit=MAX_ENTRIES
    )


def _inside(folder: str, root: str, prefix: str) -> bool:
    real = os.path.realpath(folder)
    return real == root or real.startswith(prefix) or root.startswith(os.path.join(real, ""))


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
