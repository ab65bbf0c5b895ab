"""The site's files as MkDocs' ``get_files`` lists them, without following a symbolic-link loop.

MkDocs walks ``docs_dir`` with ``os.walk(followlinks=True)``: a link to a folder that
contains it (``docs/prds/loop -> .``) is entered again and again, until the path is
too long to resolve (``OSError: Too many levels of symbolic links``) or, with two such
links, for ever (the walk branches two ways 40 levels deep).  The commands that list a
site's pages (``lint``, ``index``, ``new``) walk the same way but enter no folder whose
real path is the real path of a folder they are already inside; such a link is named
in :attr:`SiteFiles.loops` instead.  Everything else (links to other folders, even
twice, ``exclude_docs``, ``draft_docs``, README beside index) is MkDocs' own behaviour.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, Files, _file_sort_key, set_exclusions

log = logging.getLogger("mkdocs.structure.files")


@dataclass(frozen=True)
class SiteFiles:
    """``files``: MkDocs' ``Files`` of the site; ``loops``: each link not followed because it
    leads to a folder it is in, as a ``/``-separated path relative to ``docs_dir``."""

    files: Files
    loops: tuple[str, ...] = ()


def loop_message(link: str, build: bool = False, endless: bool = False) -> str:
    """The warning for a folder link ``link`` (relative to ``docs_dir``) that is a loop: as
    the commands say it (``build`` False: with what a build does with it, which stops when
    the link is one of :func:`endless_loops`), or as the build says it."""
    if build:
        return (
            f"{link}: a symbolic link to a folder it is in (a loop); the files MkDocs listed "
            "through it are left out of the site (remove the link)"
        )
    does = (
        "mkdocs build stops with an error naming it: MkDocs would walk it for ever"
        if endless
        else "mkdocs build leaves out the files MkDocs lists through it"
    )
    return f"{link}: a symbolic link to a folder it is in (a loop); not followed ({does})"


def walk_docs(docs_dir: str, loops: list[str]) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(docs_dir, followlinks=True)``, except that a linked folder whose real path
    is that of the folder itself, of one above it, or holds ``docs_dir`` (``..`` from
    ``docs_dir``, ``/``) is not entered; ``loops`` gets its path relative to ``docs_dir``
    (``/``-separated).  Only folder links are resolved (one ``realpath`` each); a plain
    folder's real path is its parent's plus its name."""
    docs_dir = os.path.normpath(docs_dir)
    home = os.path.join(os.path.realpath(docs_dir), "")
    real_of = {docs_dir: home[:-1]}  # folder as walked -> its real path
    for root, dirs, files in os.walk(docs_dir, followlinks=True):
        real = real_of[root]
        kept = []
        for name in dirs:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                real_of[full] = os.path.join(real, name)
            else:
                target = os.path.realpath(full)
                if _is_loop(target, _chain(root, real_of, docs_dir), home):
                    loops.append(os.path.relpath(full, docs_dir).replace(os.sep, "/"))
                    continue
                real_of[full] = target
            kept.append(name)
        dirs[:] = kept
        yield root, dirs, files


def find_loops(docs_dir: str) -> list[str]:
    """The folder links below ``docs_dir`` that are loops (see :func:`walk_docs`), sorted."""
    loops: list[str] = []
    for _walked in walk_docs(docs_dir, loops):
        pass
    return sorted(loops)


def endless_loops(docs_dir: str) -> list[str]:
    """The folder links below ``docs_dir`` that would keep MkDocs' own walk from ending in
    any reasonable time, sorted: a loop whose folder holds another loop (or itself twice:
    ``loop -> .`` and ``loop2 -> .``), which MkDocs walks two ways at each of 40 levels
    (2**40 folders), and a link to a folder above ``docs_dir`` (``..`` from ``docs_dir``,
    ``/``), which it walks with everything in it (the project, the disk) 40 times over.

    A single loop inside the site (``docs/prds/loop -> .``) is not one: MkDocs lists its
    40 copies and the build leaves them out (:func:`loop_copies`).  One walk of ``docs_dir``
    that enters no loop (:func:`find_loops`)."""
    links = find_loops(docs_dir)
    if not links:
        return []
    home = os.path.realpath(docs_dir)
    placed = []
    for link in links:
        full = os.path.join(docs_dir, *link.split("/"))
        place = os.path.join(os.path.realpath(os.path.dirname(full)), os.path.basename(full))
        placed.append((link, place, os.path.realpath(full)))
    endless = []
    for link, _place, target in placed:
        inside = os.path.join(target, "")
        above_docs = home != target and os.path.join(home, "").startswith(inside)
        if above_docs or sum(place.startswith(inside) for _, place, _ in placed) > 1:
            endless.append(link)
    return endless


def endless_message(links: Sequence[str]) -> str:
    """The build's error for :func:`endless_loops`."""
    one = len(links) == 1
    return (
        f"{', '.join(links)}: {'a symbolic link' if one else 'symbolic links'} that MkDocs would "
        "walk for ever before any plugin runs (a loop in a folder that holds another loop: 2**40 "
        "folders; a link to a folder above docs_dir: all it holds, 40 times over). "
        f"Remove {'it' if one else 'them'} (exclude_docs does not help: MkDocs walks excluded "
        "folders too)"
    )


LOOP_DEPTH = 32
"""Folders a file's path goes down in a site walked through a loop (MkDocs goes 40 deep
before the path no longer resolves); no real site nests that deep."""


def loop_copies(files: Iterable[File], docs_dir: str) -> tuple[list[str], list[File]]:
    """The loops below ``docs_dir`` (see :func:`walk_docs`) and the files MkDocs listed through
    them (``prds/loop/a.md``, ``prds/loop/loop/a.md`` ...), for the build to leave out.

    Looked for only when a file lies :data:`LOOP_DEPTH` folders deep, so an ordinary
    build pays one pass over the file names."""
    files = list(files)
    if not any(f.src_uri.count("/") >= LOOP_DEPTH for f in files):
        return [], []
    loops = find_loops(docs_dir)
    inside = tuple(loop + "/" for loop in loops)
    return loops, [f for f in files if inside and f.src_uri.startswith(inside)]


def _chain(folder: str, real_of: dict[str, str], docs_dir: str) -> set[str]:
    """The real paths of ``folder`` and of the folders above it, up to ``docs_dir``."""
    chain = {real_of[folder]}
    while folder != docs_dir and folder != os.path.dirname(folder):
        folder = os.path.dirname(folder)
        chain.add(real_of[folder])
    return chain


def _included(file: File) -> bool:
    return bool(file.inclusion.is_included())  # type: ignore[no-untyped-call]


def _is_loop(target: str, chain: set[str], home: str) -> bool:
    return target in chain or home.startswith(os.path.join(target, ""))


def site_files(config: Any) -> SiteFiles:
    """MkDocs' ``get_files(config)`` (MkDocs 1.6), walked with :func:`walk_docs`."""
    docs_dir = config["docs_dir"]
    files: list[File] = []
    conflicting: list[tuple[File, File]] = []
    loops: list[str] = []
    for source_dir, dirnames, filenames in walk_docs(docs_dir, loops):
        relative_dir = os.path.relpath(source_dir, docs_dir)
        dirnames.sort()
        filenames.sort(key=_file_sort_key)
        by_dest: dict[str, File] = {}
        for filename in filenames:
            file = File(
                os.path.join(relative_dir, filename),
                docs_dir,
                config["site_dir"],
                config["use_directory_urls"],
            )
            first = by_dest.setdefault(file.dest_uri, file)
            if first is not file:
                conflicting.append((first, file))
            files.append(file)
    set_exclusions(files, config)
    # README.md beside index.md: the same choice and warning as get_files.
    for a, b in conflicting:
        drop = b
        if _included(b):
            if _included(a):
                log.warning(f"Excluding '{a.src_uri}' from the site because it conflicts with '{b.src_uri}'.")
            drop = a
        if drop in files:
            files.remove(drop)
    return SiteFiles(Files(files), tuple(sorted(loops)))
