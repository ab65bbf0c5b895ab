"""What one build of a site renders, for every host: the PRD pages and the index.

Host-free.  The MkDocs plugin and the Python-Markdown extension both call
:func:`render_site` with their own ways to read a docs file and to name a page's
URL, so a PRD page and a listing come out the same whichever host builds them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mkdocs_prd.core.fidelity import Features
from mkdocs_prd.core.model import Severity
from mkdocs_prd.core.parse.report import IosmReport, parse_report
from mkdocs_prd.core.rules.validate import summary_line
from mkdocs_prd.core.sitewide.catalog import Catalog
from mkdocs_prd.core.sitewide.portfolio import IndexSource, load_all
from mkdocs_prd.html.index_html import IndexOptions
from mkdocs_prd.html.page import PageRenderer, report_path
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.site_index import SiteIndex, catalog_rows
from mkdocs_prd.html.trace_html import RepoLinks

if TYPE_CHECKING:  # (only in annotations: git and its modules load when history is on)
    from mkdocs_prd.core.review.history import PrdHistory


@dataclass(frozen=True)
class IndexSettings:
    """The index options of a site: listing defaults, merged sites, the generated page."""

    options: IndexOptions
    include: Sequence[IndexSource] = ()
    base_dir: str = "."
    """Where relative ``include_indexes`` paths start (the folder of ``mkdocs.yml``)."""
    index_page: str | None = "prds/index.md"
    title: str | None = None


@dataclass(frozen=True)
class SiteRender:
    """The page renderer and index of one build, and what to tell the author about them.

    ``warnings`` are ``path:line: message`` texts (unreadable actual IOSM values);
    ``notes`` are informational (another site's index could not be merged: a site
    being down must not fail a strict build).
    """

    pages: PageRenderer
    index: SiteIndex
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def render_site(
    catalog: Catalog,
    renderer: Renderer,
    index: IndexSettings,
    *,
    read_text: Callable[[str], str | None],
    url_of: Callable[[str], str],
    show_findings: bool,
    repo: RepoLinks | None = None,
    features: Features | None = None,
    histories: Mapping[str, PrdHistory] | None = None,
) -> SiteRender:
    """The :class:`PageRenderer` and :class:`SiteIndex` of ``catalog``.

    ``read_text(src_path)`` returns a docs file's text or None (missing, unreadable);
    it supplies each PRD's ``iosm_report.md``.  ``url_of(src_path)`` is a page's URL
    relative to the site root; ``repo`` links traceability references to the
    repository; ``histories`` (``history: true``) maps a PRD's ``src_path`` to its
    history from git, for the card and the index's ``approved_on``.  Merged sites
    are read here (paths or URLs of ``index.include``); their problems become
    :attr:`SiteRender.notes`.
    """
    reports: dict[str, IosmReport] = {}
    for prd in catalog:
        path = report_path(prd.path)
        text = read_text(path)
        if text is not None:
            reports[prd.path] = parse_report(text, path)
    pages = PageRenderer(
        catalog,
        renderer,
        show_findings=show_findings,
        reports=reports,
        url_of=url_of,
        repo=repo,
        features=features,
        histories=histories,
    )
    rows = catalog_rows(catalog, url_of, read_text)
    if histories:
        rows = [
            replace(r, approved_on=h.approved_on) if (h := histories.get(r.src_path)) else r for r in rows
        ]
    notes: list[str] = []
    for loaded in load_all(index.include, index.base_dir):
        rows.extend(loaded.rows)
        notes.extend(loaded.messages)
    site_index = SiteIndex(
        rows, index.options, renderer=renderer, index_page=index.index_page, title=index.title
    )
    return SiteRender(pages, site_index, list(pages.problems), notes)


def finding_log(catalog: Catalog) -> list[tuple[int, str]]:
    """``(logging level, message)`` for each finding of ``catalog``, then the summary line.

    Errors and warnings are ``logging.WARNING`` (a host's strict mode fails on them),
    infos ``logging.INFO``.
    """
    findings = catalog.all_findings()
    out = [
        (
            logging.INFO if f.severity is Severity.INFO else logging.WARNING,
            # As `mkdocs-prd lint` writes them: severity first (an error logged as a
            # WARNING still says "error"), the fix on the same line.
            f"{f.location()}: {f.severity.value} {f.rule} {' '.join(f.message.split())}"
            + (f" (hint: {' '.join(f.hint.split())})" if f.hint else ""),
        )
        for f in findings
    ]
    out.append((logging.INFO, f"PRD findings: {summary_line(findings, len(catalog))}"))
    return out
