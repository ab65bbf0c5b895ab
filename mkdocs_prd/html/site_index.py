"""One site's PRD index during a build or a CLI run: rows, the page, listings, the export.

MkDocs-free: the plugin hands in each page's URL and source; the CLI computes the
same URLs with :func:`~mkdocs_prd.core.sitewide.index.page_url`.  A :class:`SiteIndex` is made
afresh for each build (``mkdocs serve`` rebuilds never see stale rows).
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from mkdocs_prd.core.actuals import collect
from mkdocs_prd.core.parse.report import parse_report
from mkdocs_prd.core.safe import link_url
from mkdocs_prd.core.sitewide.catalog import Catalog
from mkdocs_prd.core.sitewide.export import dumps, export_document
from mkdocs_prd.core.sitewide.index import IndexRow, finding_counts, index_rows, relative_url
from mkdocs_prd.core.sitewide.listing import (
    FULL_MARKER,
    MARKER_NAME,
    Marker,
    MarkerProblem,
    find_markers,
    replace_markers,
    unwrap_generated,
)
from mkdocs_prd.core.trace.export import trace_records, verified_counts
from mkdocs_prd.html.index_html import IndexOptions, render_listing
from mkdocs_prd.html.markdown_text import page_head
from mkdocs_prd.html.render import Renderer

REPORT_NAME = "iosm_report.md"
"""The swarm-iosm report beside a PRD that states its achieved IOSM-Index."""

INDEX_MARKER = FULL_MARKER


def actual_index(
    prd_path: str, front_matter: dict[str, object], read_text: Callable[[str], str | None]
) -> str | None:
    """The achieved IOSM-Index as written: front matter ``iosm_actuals.index`` over an
    ``iosm_report.md`` in the PRD's folder (``read_text`` reads a docs-relative path)."""
    report_path = posixpath.join(posixpath.dirname(prd_path), REPORT_NAME)
    text = read_text(report_path)
    report = parse_report(text, report_path) if text is not None else None
    actual = collect(front_matter, report).index
    return actual.raw if actual is not None else None


def catalog_rows(
    catalog: Catalog,
    url_of: Callable[[str], str],
    read_text: Callable[[str], str | None],
) -> list[IndexRow]:
    """Index rows of every PRD of ``catalog``, with findings and actual IOSM-Index."""
    counts = finding_counts(f for prd in catalog for f in catalog.findings_for(prd.path))
    actuals = {}
    for prd in catalog:
        actual = actual_index(prd.path, prd.front_matter, read_text)
        if actual is not None:
            actuals[prd.path] = actual
    rows = index_rows(catalog, url_of, findings=counts, actuals=actuals, statuses=catalog.statuses)
    trace = catalog.trace
    return [
        replace(
            row,
            verified=verified_counts(trace, row.src_path),
            trace=tuple(trace_records(trace, row.src_path, url_of)),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class PageMarkers:
    """What :meth:`SiteIndex.prepare_markdown` found: the (possibly extended) Markdown and
    the problems of its markers, with lines counted in the page's source file."""

    markdown: str
    problems: tuple[MarkerProblem, ...]


class SiteIndex:
    """The index of one build: fills markers, makes the generated page, writes the export."""

    def __init__(
        self,
        rows: Sequence[IndexRow],
        options: IndexOptions,
        *,
        renderer: Renderer | None = None,
        index_page: str | None = "prds/index.md",
        title: str | None = None,
    ) -> None:
        self.rows = tuple(rows)
        self.options = options
        self.renderer = renderer or Renderer()
        self.index_page = index_page
        self.title = title or self.renderer.labels.get("index_title")

    def page_markdown(self) -> str:
        """The Markdown of the generated index page: its title and the marker, nothing from documents."""
        # Config text, shown as written (see page_head); ungrouped, the page has no headings.
        title = self.title if self.title.strip() else self.renderer.labels.get("index_title")
        return page_head(title, hide_toc=not self.options.group_by) + f"{INDEX_MARKER}\n"

    def prepare_markdown(self, src_path: str, markdown: str, line_offset: int = 0) -> PageMarkers:
        """Check a page's markers; the index page gets the marker appended when it has none.

        ``line_offset`` is how many source lines (front matter) precede ``markdown``.
        """
        markdown = unwrap_generated(markdown)  # a static copy of the index (hosts.md's recipe)
        markers = find_markers(markdown)
        problems = tuple(MarkerProblem(p.line + line_offset, p.message) for m in markers for p in m.problems)
        if src_path == self.index_page and not markers:
            markdown = markdown.rstrip("\n") + "\n\n" + INDEX_MARKER + "\n"
        return PageMarkers(markdown, problems)

    def fill(self, page_url: str, html: str, hold: Callable[[str], str] | None = None) -> str:
        """``html`` (a page's content) with its markers replaced by listings.

        ``page_url`` is the page's URL relative to the site root; title links are made
        relative to it, so they work with either URL style and under any sub-path.
        ``hold``, when given, takes each listing's HTML and returns what stands in the
        content for it until later (see :meth:`mkdocs_prd.html.page.PageRenderer.defer`).
        """
        if MARKER_NAME not in html:
            return html

        def link(row: IndexRow) -> str | None:
            if row.url is None:
                return None
            if row.site is not None:
                return link_url(row.url)  # merged rows link to their own site, absolutely
            return relative_url(row.url, page_url)

        ordinals = itertools.count(1)  # the page's listings in order: their ids stay unique

        def listing(marker: Marker) -> str:
            out = render_listing(
                self.rows,
                marker.spec,
                self.options,
                link=link,
                renderer=self.renderer,
                ordinal=next(ordinals),
            )
            return hold(out) if hold is not None else out

        return replace_markers(html, listing)

    def export_text(self, site_name: str | None = None, site_url: str | None = None) -> str:
        """The ``prd-index.json`` text of this site's own PRDs."""
        return dumps(export_document(self.rows, site_name=site_name, site_url=site_url))
