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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.rules.validate import severity_of, sort_findings
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog, paused_gc


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


def lint(paths: Sequence[str], settings: Settings, docs_dir: str | None = None) -> LintResult:
    """Lint ``paths`` (files or folders; empty: the whole ``docs_dir``) with ``settings``.

    Raises ``FileNotFoundError`` when a path (or, without paths, ``docs_dir``) does not exist.
    """
    docs = os.path.abspath(docs_dir) if docs_dir else None
    whole_site = not paths
    if whole_site:
        if docs is None or not os.path.isdir(docs):
            raise FileNotFoundError(docs_dir or "docs_dir")
        paths = [docs]
    cwd = os.getcwd()
    targets = [_target(p, docs, cwd) for p in expand_paths(paths)]
    # Detection applies the site's `paths` globs to files in docs_dir; a file outside
    # docs_dir was asked for by name, so only the PRD heading decides.
    targets = [t for t in targets if not t.in_docs or settings.in_scope(t.src_path)]
    unreadable: list[Finding] = []
    pages: dict[str, bytes] = {}
    for t in targets:
        data = _read(t, unreadable, settings)
        if data is not None:
            pages[t.src_path] = data
    wanted = set(pages)
    # The rest of the site, so that a Track ID used elsewhere is still a duplicate.
    if docs is not None and not whole_site and os.path.isdir(docs):
        for full in markdown_below(docs):
            src = _relative(full, docs)
            if src not in pages and settings.in_scope(src):
                data = _read(_Target(full, src, src, True), [], settings)
                if data is not None:
                    pages[src] = data
    # Only the findings outlive this block: the models are dropped while the cyclic
    # collector is still paused, so it never walks them (see ``paused_gc``).
    with paused_gc():
        catalog = build_catalog(pages.items(), replace(settings, paths=()))
        found = [f for f in catalog.all_findings() if f.path in wanted]
        linted = sum(1 for prd in catalog if prd.path in wanted)
        # Traceability findings in source files and test reports (PRD601), on a whole-site lint.
        trace_files = set(catalog.trace.files) if whole_site else set()
        found += [f for f in catalog.all_findings() if f.path in trace_files]
        del catalog
    files = {t.src_path: t.shown for t in targets}
    if trace_files and settings.trace is not None:
        base = settings.trace.base_dir
        files.update({p: _relative(os.path.normpath(os.path.join(base, p)), cwd) for p in trace_files})
    return LintResult(sort_findings([*found, *unreadable]), files, linted + len(unreadable))


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
    """The file's bytes, or None with a PRD001 finding in ``unreadable`` when it cannot be read."""
    try:
        return read_bytes(t.full)
    except UnreadableFile as exc:
        reason = exc.reason
    severity = severity_of(RULES["PRD001"], settings)
    if severity is not None:
        unreadable.append(
            Finding(
                "PRD001",
                severity,
                t.src_path,
                1,
                f"Cannot read the file: {reason}",
                "Check the file's permissions",
            )
        )
    return None
