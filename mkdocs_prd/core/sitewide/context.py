"""The rest of the site one PRD is checked against, kept up to date page by page.

An editor checks one page many times a second while the author types; reading and
validating the whole site each time would not do.  :class:`SiteContext` parses every
PRD of ``docs_dir`` once (no validation) and is then updated one page at a time
(:meth:`SiteContext.update`, :meth:`SiteContext.forget`).  :meth:`SiteContext.check`
gives the findings of one page exactly as a build would report them: its page rules,
and the cross-document rules (duplicate Track IDs, and any rule that looks at the
other PRDs, e.g. requirement ids for traceability) run with the other PRDs' models.

MkDocs-free.  Never raises on page content: unreadable files are skipped (the page
itself reports PRD001 when it is checked).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from mkdocs_prd.core.includes import Expanded, Includer
from mkdocs_prd.core.includes.remap import remap_findings, remap_prd
from mkdocs_prd.core.lint import markdown_below
from mkdocs_prd.core.model import Finding, Prd
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import decode_source, is_prd, one_line_end, parse_prd
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.rules.validate import check_page, check_site, severity_of, sort_findings
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import paused_gc
from mkdocs_prd.core.trace.build import Resolver, resolve_refs
from mkdocs_prd.core.trace.prose import prose_hits


@dataclass
class SiteContext:
    """Every PRD of a site by path (relative to ``docs_dir``, ``/``-separated), with the settings.

    ``docs_dir`` is None for a lone file outside any site: then only page rules apply.
    """

    settings: Settings
    docs_dir: str | None = None
    prds: dict[str, Prd] = field(default_factory=dict)
    pages: frozenset[str] | None = None
    """The site's pages as a build collects them (None: every ``.md`` below ``docs_dir``)."""

    @classmethod
    def load(
        cls, docs_dir: str | None, settings: Settings, pages: Iterable[str] | None = None
    ) -> SiteContext:
        """Parse every PRD of the site once (an absent folder gives an empty site).

        ``pages`` are the pages a build renders (``src_path``, from MkDocs' own file
        collection: ``exclude_docs``, ``draft_docs`` and ``templates/`` left out), as the
        CLI collects them; None: every ``.md`` file below ``docs_dir``.  Files are read as
        every command reads them (:func:`~mkdocs_prd.core.read.read_bytes`): a FIFO or a
        dangling link is never opened and is not a page.
        """
        context = cls(settings, os.path.abspath(docs_dir) if docs_dir else None)
        context.pages = frozenset(pages) if pages is not None else None
        if context.docs_dir is not None and os.path.isdir(context.docs_dir):
            docs = context.docs_dir
            found: Iterable[str] = (
                (os.path.join(docs, *p.split("/")) for p in sorted(context.pages))
                if context.pages is not None
                else markdown_below(docs)
            )
            with paused_gc():
                for full in found:
                    path = context.path_of(full)
                    if path is not None:
                        context.update(path, _read(full))
        return context

    def relative(self, file: str) -> str | None:
        """``file`` relative to ``docs_dir`` (``/``-separated), or None when it is outside."""
        if self.docs_dir is None:
            return None
        full = os.path.abspath(file)
        prefix = self.docs_dir.rstrip(os.sep) + os.sep
        return full[len(prefix) :].replace(os.sep, "/") if full.startswith(prefix) else None

    def path_of(self, file: str) -> str | None:
        """``file`` relative to ``docs_dir`` when it may hold one of the site's PRDs (inside
        ``docs_dir``, in the ``paths`` scope, and one of the build's ``pages``, or a new
        page not yet on disk), else None."""
        path = self.relative(file)
        if path is None:
            return None
        if self.pages is not None and path not in self.pages and os.path.lexists(file):
            return None  # on disk but left out of the build (exclude_docs, draft_docs, templates/)
        return path if self.settings.in_scope(path) else None

    def update(self, path: str, source: str | bytes | None) -> Prd | None:
        """Record the page at ``path`` with its current ``source`` (None: it is gone).

        Returns its model when it is a PRD, else None (and it is no longer one of the site's PRDs).
        """
        if isinstance(source, bytes):
            source = decode_source(source)[0]
        prd = None
        if source is not None:
            text, done = self._expanded(path, source)
            prd = parse_page(text, path)
            if prd is not None and done is not None:
                prd = remap_prd(prd, done)
        if prd is None:
            self.prds.pop(path, None)
        else:
            self.prds[path] = prd
        return prd

    def forget(self, path: str) -> None:
        """The page at ``path`` was deleted."""
        self.prds.pop(path, None)

    def reload(self, path: str) -> Prd | None:
        """Read the page at ``path`` from disk again (an editor closed it without saving)."""
        if self.docs_dir is None:
            return None
        return self.update(path, _read(os.path.join(self.docs_dir, *path.split("/"))))

    def track_ids(self) -> dict[str, str]:
        """``{path: Track ID}`` of every PRD that has one."""
        return {path: prd.track_id.strip() for path, prd in self.prds.items() if prd.track_id}

    def others(self, path: str) -> Iterator[Prd]:
        """The site's PRDs except the one at ``path``."""
        return (prd for p, prd in self.prds.items() if p != path)

    def check(self, path: str, text: str) -> list[Finding]:
        """The findings of the page at ``path`` with source ``text`` against the rest of the site.

        Empty when ``text`` is not a PRD.  The context itself is not changed (call
        :meth:`update` for that).
        """
        if text.startswith("\ufeff"):
            text = text[1:]
        text, done = self._expanded(path, one_line_end(text))
        if not is_prd(text):
            return []
        lines = split_lines(text)
        prd = parse_prd(text, path, lines)
        if done is not None and done.missing:
            prd = replace(prd, problems=(*done.problems(), *prd.problems))
        found = check_page(prd, text, self.settings, lines)
        site = [prd, *self.others(path)] if self.docs_dir is not None else [prd]
        if self.docs_dir is not None:
            found += [f for f in check_site(site, self.settings) if f.path == path]
        refs = prose_hits(text, lines)
        if refs:
            # References to requirements (PRD601), as the build resolves them: only pages
            # that have any pay for the site's requirement ids.
            unknown = severity_of(RULES["PRD601"], self.settings)
            found += resolve_refs(prd, refs, Resolver(site), unknown)[1]
        if done is not None:
            found = remap_findings(found, done, prd)
        return sort_findings(found)

    def _expanded(self, path: str, text: str) -> tuple[str, Expanded | None]:
        """``text`` with what it includes put in (see :mod:`mkdocs_prd.core.includes`), read
        afresh each time: an editor changes the included files too."""
        if self.settings.includes is None:
            return text, None
        done = Includer(self.settings.includes).expand(path, text)
        return (done.text, done) if done is not None else (text, None)


def parse_page(text: str, path: str) -> Prd | None:
    """The model of ``text`` when it is a PRD, else None."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = one_line_end(text)  # an editor's text as MkDocs reads the file (decode_source)
    if not is_prd(text):
        return None
    return parse_prd(text, path, split_lines(text))


def _read(full: str) -> bytes | None:
    """The file's bytes, or None when it cannot be read (a FIFO, a dangling link, gone):
    the page itself reports PRD001 when it is linted."""
    try:
        return read_bytes(full)
    except UnreadableFile:
        return None
