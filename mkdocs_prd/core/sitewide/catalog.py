"""All PRDs of a site together: reading, detection, and the site-wide view.

MkDocs-free: the plugin hands in ``(src_path, bytes)`` pairs from its ``Files``,
the CLI the files it finds under ``docs_dir``; both get the same :class:`Catalog`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from mkdocs_prd.core.model import Finding, Prd, Problem
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.rules.validate import sort_findings, validate
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.trace.build import build_trace
from mkdocs_prd.core.trace.model import Trace

if TYPE_CHECKING:  # (the include tools' modules load only for a site that configures one)
    from mkdocs_prd.core.includes import Expanded


@dataclass(frozen=True)
class Catalog:
    """The PRDs of one site, in ``src_path`` order (deterministic), with their findings.

    ``findings`` maps each PRD's path to its findings, sorted by line and rule, after
    the site's severity overrides and the page's ``prd_ignore`` (empty tuple when the
    page is clean).  :func:`build_catalog` fills it; renderers and the index read it
    through :meth:`findings_for`.  ``trace`` is the site's traceability (requirement
    ids, references, and with a ``trace`` option code and tests); its findings
    (PRD601-603) are in ``findings`` too, under the PRD's path or, for a source
    file or test report, under its path relative to ``mkdocs.yml``'s folder.
    """

    prds: tuple[Prd, ...] = ()
    findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    trace: Trace = field(default_factory=Trace)
    statuses: tuple[str, ...] = ()
    """The site's statuses (``statuses`` option), in its spelling: badges and the index use it."""
    included: Mapping[str, frozenset[int]] = field(default_factory=dict)
    """For each PRD read with what it includes (:mod:`mkdocs_prd.core.includes`), the lines of
    its file that an include tool rewrites (directives): the model's lines point there for
    what they included, so a renderer must leave them as written."""

    def __len__(self) -> int:
        return len(self.prds)

    def __iter__(self) -> Iterator[Prd]:
        return iter(self.prds)

    @cached_property
    def _by_path(self) -> dict[str, Prd]:
        return {prd.path: prd for prd in self.prds}

    def get(self, src_path: str) -> Prd | None:
        """The PRD parsed from ``src_path``, if that page is one."""
        return self._by_path.get(src_path)

    def findings_for(self, src_path: str) -> tuple[Finding, ...]:
        """The findings of the PRD at ``src_path`` (empty when clean or not a PRD)."""
        return self.findings.get(src_path, ())

    def all_findings(self) -> list[Finding]:
        """Every finding of the site, sorted by path, line and rule."""
        return sorted(
            (f for items in self.findings.values() for f in items),
            key=lambda f: (f.path, f.line, f.rule, f.message),
        )


def build_catalog(
    docs: Iterable[tuple[str, bytes]], settings: Settings, context: Sequence[Prd] = ()
) -> Catalog:
    """Detect, parse and validate the PRDs among ``(src_path, raw bytes)`` Markdown pages.

    Page rules run on each PRD with its source text, cross-document rules (PRD106)
    on all of them together, so the findings are those of this set of pages only.
    ``context`` are other PRDs of the site (e.g. stand-ins from
    :func:`~mkdocs_prd.core.sitewide.facts.site_models`): the cross-document rules
    see them, but they are not in the catalog and get no findings.
    """
    with paused_gc():
        # In a function of its own so that the per-page working data (source lines)
        # is freed before the collector is back on, which would otherwise walk it.
        return _build(docs, settings, context)


def _build(docs: Iterable[tuple[str, bytes]], settings: Settings, context: Sequence[Prd]) -> Catalog:
    pages: list[tuple[Prd, str, list[str]]] = []
    includer = None
    if settings.includes is not None:
        from mkdocs_prd.core.includes import Includer

        includer = Includer(settings.includes)
    expanded: dict[str, Expanded] = {}
    for src_path, data in sorted(docs):
        if not settings.in_scope(src_path):
            continue
        text, problem = decode_source(data)
        if includer is not None and (done := includer.expand(src_path, text)) is not None:
            # Read with what it includes; lines go back onto the file below.
            expanded[src_path] = done
            text = done.text
        if not is_prd(text):
            continue
        # Split once: the parser and the rules that read the source share the lines.
        lines = split_lines(text)
        prd = parse_prd(text, src_path, lines)
        if problem is not None:
            prd = _with_problem(prd, problem)
        done = expanded.get(src_path)
        if done is not None and done.missing:
            prd = replace(prd, problems=(*done.problems(), *prd.problems))
        pages.append((prd, text, lines))
    findings = validate(pages, settings, context)
    trace = build_trace(pages, settings)
    if trace.findings:
        extra: dict[str, list[Finding]] = {}
        for f in trace.findings:
            extra.setdefault(f.path, []).append(f)
        for path, items in extra.items():
            findings[path] = tuple(sort_findings([*findings.get(path, ()), *items]))
    prds = tuple(prd for prd, _, _ in pages)
    included: dict[str, frozenset[int]] = {}
    if expanded:
        prds, findings = _on_own_lines(prds, findings, trace, expanded)
        included = {path: done.rewritten() for path, done in expanded.items()}
    return Catalog(prds, findings, trace, tuple(settings.statuses), included)


def _on_own_lines(
    prds: tuple[Prd, ...],
    findings: dict[str, tuple[Finding, ...]],
    trace: Trace,
    expanded: dict[str, Expanded],
) -> tuple[tuple[Prd, ...], dict[str, tuple[Finding, ...]]]:
    """The models, findings and trace of the pages read with their includes, on their own files' lines."""
    from mkdocs_prd.core.includes.remap import remap_findings, remap_prd, remap_trace

    by_path = {p.path: p for p in prds}
    for path, done in expanded.items():
        if path in findings:
            findings[path] = tuple(sort_findings(remap_findings(findings[path], done, by_path.get(path))))
    remap_trace(trace, expanded)
    return tuple(remap_prd(p, expanded[p.path]) if p.path in expanded else p for p in prds), findings


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a catalog is built (or used and dropped).

    A catalog keeps every PRD's model alive: over a hundred small immutable records
    per page that hold no reference cycles.  With the collector on, each of its passes
    walks all of them again; on a 1,000-PRD site that was about a quarter of the time
    to build the catalog.  Reference counting still frees everything that is dropped;
    cycles made meanwhile are collected once it is back on.  The collector is turned
    back on (if it was on) even when the block raises; nested pauses are fine.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_for_build() -> bool:
    """Exempt every object that exists now (a catalog just built above all) from the cyclic
    garbage collector until :func:`thaw`: for a one-off build, never while serving.

    A catalog is a large set of long-lived objects (over a hundred records per PRD).
    While the host renders the pages, each full pass of Python's collector walks all of
    them again; with a 1,000-PRD site held, a pass cost about as much as a page.  Frozen
    objects are still freed when their last reference goes.  Returns True (the caller
    thaws at the end of the build, so a process that builds again collects as usual).
    """
    gc.freeze()
    return True


def thaw() -> None:
    """Undo :func:`freeze_for_build`: the frozen objects are collected as usual again."""
    gc.unfreeze()


def _with_problem(prd: Prd, problem: Problem) -> Prd:
    return replace(prd, problems=(problem, *prd.problems))


def read_pages(
    docs_dir: str, src_paths: Iterable[str], skipped: list[str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """``(src_path, bytes)`` of the given pages of ``docs_dir``.

    A page that cannot be read (see :func:`~mkdocs_prd.core.read.read_bytes`) is left
    out; ``skipped`` gets ``"src_path: reason"`` for each.
    """
    for src in src_paths:
        try:
            data = read_bytes(os.path.join(docs_dir, *src.split("/")))
        except UnreadableFile as exc:
            if skipped is not None:
                skipped.append(f"{src}: {exc.reason}")
            continue
        yield src, data


def markdown_files(docs_dir: str, skipped: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """``(src_path, bytes)`` for every ``.md`` file below ``docs_dir``, as MkDocs would see them.

    A file that cannot be read (dangling link, FIFO, permissions: see
    :func:`~mkdocs_prd.core.read.read_bytes`) is left out; ``skipped`` gets
    ``"src_path: reason"`` for each.
    """
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, docs_dir).replace(os.sep, "/")
                try:
                    data = read_bytes(full)
                except UnreadableFile as exc:
                    if skipped is not None:
                        skipped.append(f"{rel}: {exc.reason}")
                    continue
                yield rel, data
