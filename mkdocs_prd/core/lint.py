"""Lint PRD files without building: the MkDocs-free core of ``mkdocs-prd lint``.

It reads the files (or folders) asked for, applies the site's settings exactly as a
build does (same detection, same rules, same severities), and returns findings.
When the site's ``docs_dir`` is known, cross-document rules (duplicate Track IDs)
also see the site's other PRDs, but only the files asked for are reported.

A file that cannot be read (permissions, not a regular file) is a PRD001 finding,
never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from mkdocs_prd.core.includes import might_include
from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import decode_source
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.rules.validate import severity_of, sort_findings
from mkdocs_prd.core.safe import is_encodable
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog, paused_gc
from mkdocs_prd.core.sitewide.facts import FactCache, site_models
from mkdocs_prd.core.trace.prose import prose_hits


@dataclass(frozen=True)
class LintResult:
    """What a lint run found.

    ``findings`` have ``path`` relative to ``docs_dir`` (as in the build log) for files
    inside it, else relative to the working directory.  ``files`` maps each finding
    path to the file as the user can open it (relative to the working directory),
    which is what editors and GitHub annotations need.
    """

    findings: list[Finding] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    skipped: tuple[str, ...] = ()
    """Files asked for by name that the site's build leaves out (``exclude_docs``,
    ``draft_docs``, ``templates/``, dot-folders), as the user gave them: not linted."""
    unmatched_paths: tuple[str, ...] = ()
    """The site's ``paths`` patterns that match no page (a whole-site lint only)."""
    not_prds: tuple[str, ...] = ()
    """Files asked for by name (not through a folder) that are no PRD: outside the site's
    ``paths``, or without a PRD title (see :func:`~mkdocs_prd.core.parse.prd.is_prd`)."""
    includers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Pages linted because they include files asked for (a shared file): ``(page as
    shown, the files asked for that it includes, as shown)``."""

    def file_of(self, finding: Finding) -> str:
        """The working-directory path of the file ``finding`` is about."""
        return self.files.get(finding.path, finding.path)


@dataclass(frozen=True)
class _Target:
    full: str  # absolute path
    src_path: str  # finding path
    shown: str  # path relative to the working directory
    in_docs: bool


def markdown_below(folder: str) -> Iterator[str]:
    """Every ``.md`` file below ``folder``, sorted, skipping hidden files and folders (as MkDocs does)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                yield os.path.join(root, name)


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The Markdown files that ``paths`` (files or folders) name, in order, without repeats.

    Paths come back absolute.  A file named twice (directly, through its folder, or
    through a symlinked folder) is kept once.  Raises ``FileNotFoundError`` for a
    path that does not exist.
    """
    out: list[str] = []
    seen: set[str] = set()
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            # One realpath per folder, not per file: a site has far more files than folders.
            real_roots: dict[str, str] = {}
            for full in markdown_below(path):
                root, name = os.path.split(full)
                real = real_roots.get(root)
                if real is None:
                    real = real_roots[root] = os.path.realpath(root)
                _add_once(full, os.path.join(real, name), seen, out)
        elif os.path.lexists(path):
            _add_once(path, os.path.realpath(path), seen, out)
        else:
            raise FileNotFoundError(given)
    return out


def _add_once(full: str, key: str, seen: set[str], out: list[str]) -> None:
    if key not in seen:
        seen.add(key)
        out.append(full)


def lint(
    paths: Sequence[str],
    settings: Settings,
    docs_dir: str | None = None,
    site_pages: Collection[str] | None = None,
    cache: FactCache | None = None,
    generated: Mapping[str, bytes] | None = None,
) -> LintResult:
    """Lint ``paths`` (files or folders; empty: the whole site) with ``settings``.

    ``site_pages`` are the pages a build of the site renders (``src_path`` relative to
    ``docs_dir``, from MkDocs' own file collection); when given, they are the site:
    linting without paths lints them, the other PRDs a file is checked against are
    theirs, and a file inside ``docs_dir`` that is not among them is skipped (listed in
    ``LintResult.skipped``).  Without it, every ``.md`` file below ``docs_dir`` is a page.

    The site's other PRDs are only needed for the cross-document rules (their Track
    IDs): ``cache`` (a :class:`~mkdocs_prd.core.sitewide.facts.FactCache`) keeps
    those by content between runs, so linting one file inside a big site costs
    little more than linting it alone.  The findings are the same with or without it.

    ``generated`` are pages the site's plugins add during a build, with no file in
    ``docs_dir`` (``src_path`` to bytes): linted with the whole site, else part of the site
    the files asked for are checked against.  Their findings' file is their ``src_path``.

    Raises ``FileNotFoundError`` when a path (or, without paths, ``docs_dir``) does not exist.
    """
    docs = os.path.abspath(docs_dir) if docs_dir else None
    whole_site = not paths
    if whole_site:
        if docs is None or not os.path.isdir(docs):
            raise FileNotFoundError(docs_dir or "docs_dir")
        paths = [docs]
    cwd = os.getcwd()
    if whole_site and site_pages is not None and docs is not None:
        # The build's own page list: no folder walk, no symlink resolution per file.
        targets = [_target(os.path.join(docs, *p.split("/")), docs, cwd) for p in sorted(site_pages)]
    else:
        targets = [_target(p, docs, cwd) for p in expand_paths(paths)]
    every_asked = () if whole_site else tuple(targets)
    skipped: list[str] = []
    if site_pages is not None and not whole_site:
        built = site_pages if isinstance(site_pages, (set, frozenset)) else frozenset(site_pages)
        skipped = [t.shown for t in targets if t.in_docs and t.src_path not in built]
        targets = [t for t in targets if not t.in_docs or t.src_path in built]
    # Detection applies the site's `paths` globs to files in docs_dir; a file outside
    # docs_dir was asked for by name, so only the PRD heading decides.
    named = set() if whole_site else {os.path.abspath(p) for p in paths if not os.path.isdir(p)}
    every = targets
    outside = [t for t in targets if t.in_docs and not settings.in_scope(t.src_path)]
    targets = [t for t in targets if not t.in_docs or settings.in_scope(t.src_path)]
    unreadable: list[Finding] = []
    pages: dict[str, bytes] = {}
    for t in targets:
        data = _read(t, unreadable, settings)
        if data is not None:
            pages[t.src_path] = data
    if settings.includes is not None:
        # A file outside docs_dir includes relative to where it is.
        located = {t.src_path: t.full for t in targets if not t.in_docs}
        if located:
            settings = replace(settings, includes=replace(settings.includes, located=located))
    made = {
        src: data for src, data in (generated or {}).items() if src not in pages and settings.in_scope(src)
    }
    if whole_site:
        pages.update(made)
    wanted = set(pages)
    # The rest of the site, so that a Track ID used elsewhere is still a duplicate.
    others: list[tuple[str, bytes]] = []
    if docs is not None and not whole_site and os.path.isdir(docs):
        for src in _site_sources(docs, site_pages):
            if src not in pages and settings.in_scope(src):
                data = _read(_Target(os.path.join(docs, *src.split("/")), src, src, True), [], settings)
                if data is not None:
                    others.append((src, data))
    includers: dict[str, tuple[str, ...]] = {}
    if settings.includes is not None and docs is not None and others:
        # A shared file asked for: the PRDs that include it are what a change to it affects.
        from mkdocs_prd.core.includes.users import including_pages

        asked = {os.path.realpath(t.full): t.shown for t in every_asked}
        found_in = including_pages(others, settings.includes, asked)
        if found_in:
            data_of = dict(others)
            for src, shared in found_in.items():
                t = _target(os.path.join(docs, *src.split("/")), docs, cwd)
                targets.append(t)
                pages[src] = data_of[src]
                includers[t.shown] = tuple(asked[f] for f in shared)
            others = [(src, data) for src, data in others if src not in found_in]
            wanted = set(pages)
    if not whole_site:
        others += made.items()
    # Only the findings outlive this block: the models are dropped while the cyclic
    # collector is still paused, so it never walks them (see ``paused_gc``).
    with paused_gc():
        if _needs_full_models(pages, settings):
            # Traceability resolves references to other PRDs' requirements: full models.
            catalog = build_catalog([*pages.items(), *others], replace(settings, paths=()))
        else:
            context = site_models(others, cache)
            catalog = build_catalog(pages.items(), replace(settings, paths=()), context)
            del context
        found = [f for f in catalog.all_findings() if f.path in wanted]
        linted = sum(1 for prd in catalog if prd.path in wanted)
        prds = {prd.path for prd in catalog}
        # Traceability findings in source files and test reports (PRD601), on a whole-site lint.
        trace_files = set(catalog.trace.files) if whole_site else set()
        found += [f for f in catalog.all_findings() if f.path in trace_files]
        del catalog
    if cache is not None:
        cache.save()
    files = {t.src_path: t.shown for t in targets}
    if whole_site:
        files.update({src: src for src in made})
    if trace_files and settings.trace is not None:
        base = settings.trace.base_dir
        files.update({p: _relative(os.path.normpath(os.path.join(base, p)), cwd) for p in trace_files})
    unread = {f.path for f in unreadable}
    not_prds = tuple(
        t.shown
        for t in [*outside, *targets]
        if t.full in named and t.src_path not in prds and t.src_path not in unread
    )
    unmatched = tuple(settings.unmatched_paths(t.src_path for t in every if t.in_docs)) if whole_site else ()
    return LintResult(
        sort_findings([*found, *unreadable]),
        files,
        linted + len(unreadable),
        tuple(skipped),
        unmatched,
        not_prds,
        tuple(sorted(includers.items())),
    )


def _needs_full_models(pages: dict[str, bytes], settings: Settings) -> bool:
    """Whether the files linted refer to other PRDs' requirements (or traceability is on):
    then the other PRDs are parsed in full, else their Track IDs are enough."""
    if settings.trace is not None:
        return True
    for data in pages.values():
        text = decode_source(data)[0]
        if prose_hits(text, split_lines(text)):
            return True
        if settings.includes is not None and might_include(text, settings.includes):
            return True  # a reference may stand in what it includes
    return False


def _site_sources(docs: str, site_pages: Collection[str] | None) -> Iterator[str]:
    """The site's pages as ``src_path``: ``site_pages`` when known, else every ``.md`` below ``docs``."""
    if site_pages is not None:
        yield from sorted(site_pages)
    else:
        for full in markdown_below(docs):
            yield _relative(full, docs)


def _target(full: str, docs: str | None, cwd: str) -> _Target:
    shown = _relative(full, cwd)
    if docs is not None and (full == docs or full.startswith(docs.rstrip(os.sep) + os.sep)):
        return _Target(full, _relative(full, docs), shown, True)
    return _Target(full, shown, shown, False)


def _relative(full: str, base: str) -> str:
    """``full`` relative to ``base`` (both absolute and normalised), ``/``-separated."""
    prefix = base if base.endswith(os.sep) else base + os.sep
    if full.startswith(prefix):
        rel = full[len(prefix) :]  # the common case, without relpath's normalising work
    else:
        try:
            rel = os.path.relpath(full, base)
        except ValueError:  # another drive on Windows
            rel = full
    return rel.replace(os.sep, "/")


def _read(t: _Target, unreadable: list[Finding], settings: Settings) -> bytes | None:
    """The file's bytes, or None with a PRD001 finding in ``unreadable`` when it cannot be read
    (or has a name that is not UTF-8: the build leaves such a file out, as no URL can name it)."""
    if not is_encodable(t.src_path):
        message, hint = "The file name is not UTF-8: the site leaves this page out", "Rename the file"
    else:
        try:
            return read_bytes(t.full)
        except UnreadableFile as exc:
            message, hint = f"Cannot read the file: {exc.reason}", "Check the file's permissions"
    severity = severity_of(RULES["PRD001"], settings)
    if severity is not None:
        unreadable.append(Finding("PRD001", severity, t.src_path, 1, message, hint))
    return None
