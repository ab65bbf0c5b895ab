"""The files an include-markdown glob names, matched as its glob library (wcmatch) matches them.

MkDocs-free.  ``*``, ``?`` and ``[…]`` match within one name, ``**`` any run of folders;
neither matches a hidden name (one starting with ``.``) unless the pattern's part does, and
``**`` does not enter a symlinked folder (wcmatch's ``GLOBSTAR`` without ``FOLLOW``).  Unlike
Python's :func:`glob.glob`, the walk never leaves the site: a folder whose real path lies
outside the site's folders is not listed (``*/../../../**/x.md`` once walked the whole disk,
a folder symlinked to ``.`` twice made ``**`` branch without end), a ``.`` or ``..`` after a
wildcard is not followed, and the walk stops after :data:`MAX_SCANNED` folder entries.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable

MAX_SCANNED = 20_000
"""The most folder entries one glob looks at (a site's shared folder holds far fewer)."""


def glob_files(
    base: str,
    parts: list[str],
    inside: Callable[[str], bool],
    *,
    follow: bool = False,
    limit: int = MAX_SCANNED,
) -> list[str]:
    """The files below the folder ``base`` that the pattern ``parts`` (its names, the first
    holding a wildcard) matches, in path order; ``inside(path)`` tells whether a folder may be
    listed.  [] for a pattern with ``.`` or ``..`` among its wildcard parts.

    ``follow``: ``**`` enters symlinked folders too (as Python's :func:`glob.glob` does), each
    real folder once, so a link to a folder above it is no loop; ``limit``: the most folder
    entries looked at."""
    parts = [p for p in parts if p]
    if not parts or any(p in (".", "..") for p in parts):
        return []
    found: list[str] = []
    budget = [limit]
    _walk(base, parts, inside, found, budget, set(), follow)
    return sorted(found)


def _walk(
    folder: str,
    parts: list[str],
    inside: Callable[[str], bool],
    found: list[str],
    budget: list[int],
    seen: set[tuple[str, int]],
    follow: bool = False,
) -> None:
    key = (os.path.realpath(folder) if follow else folder, len(parts))
    if key in seen or budget[0] <= 0 or not inside(folder):
        return
    seen.add(key)
    part, rest = parts[0], parts[1:]
    if part == "**":
        if rest:
            _walk(folder, rest, inside, found, budget, seen, follow)  # ** matches no folder too
        for entry in _entries(folder, budget):
            if entry.name.startswith("."):
                continue
            if _is_dir(entry, follow=follow):
                _walk(entry.path, parts, inside, found, budget, seen, follow)
            elif not rest and _is_file(entry):
                found.append(entry.path)
        return
    literal = not any(c in "*?[" for c in part)
    if literal:  # a fixed name after a wildcard: no listing needed
        path = os.path.join(folder, part)
        if rest and os.path.isdir(path):
            _walk(path, rest, inside, found, budget, seen, follow)
        elif not rest and os.path.isfile(path):
            found.append(path)
        return
    hidden = part.startswith(".")
    for entry in _entries(folder, budget):
        if entry.name.startswith(".") and not hidden:
            continue
        if not fnmatch.fnmatchcase(entry.name, part):
            continue
        if rest:
            if _is_dir(entry, follow=True):
                _walk(entry.path, rest, inside, found, budget, seen, follow)
        elif _is_file(entry):
            found.append(entry.path)


def _entries(folder: str, budget: list[int]) -> list[os.DirEntry[str]]:
    """The entries of ``folder`` in name order, at most what is left of the budget."""
    try:
        with os.scandir(folder) as listing:
            entries = []
            for entry in listing:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
                entries.append(entry)
    except (OSError, ValueError):
        return []
    return sorted(entries, key=lambda e: e.name)


def _is_dir(entry: os.DirEntry[str], follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
