"""Traceability as HTML: reference links, anchors, a PRD's trace table and the matrix page.

MkDocs-free.  Every value from a document, source file or report is escaped here
(``markupsafe.escape`` for inline pieces, Jinja autoescape for the templates), and
repository links are made only from an ``http(s)`` ``repo_url``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.sitewide.catalog import Catalog
from mkdocs_prd.core.sitewide.index import relative_url
from mkdocs_prd.core.trace.ids import RequirementId
from mkdocs_prd.core.trace.model import COVERED_PRIORITIES, RequirementTrace, ResolvedRef, Trace, coverage_of
from mkdocs_prd.core.trace.prose import prose_hits
from mkdocs_prd.html.markdown_text import page_head
from mkdocs_prd.html.render import Renderer

TRACE_MARKER = "<!-- prd-trace -->"
"""Where a page wants the traceability matrix."""

_EDIT_URI = re.compile(r"^(.*?)(?:edit|blob)/([^/]+)/")


@dataclass(frozen=True, slots=True)
class RepoLinks:
    """Links to files in the repository: ``base`` ends with ``/`` (``https://github.com/o/r/blob/main/``)."""

    base: str

    def url(self, repo_path: str, line: int) -> str:
        return f"{self.base}{quote(repo_path)}#L{line}"


def repo_links(repo_url: str | None, edit_uri: str | None) -> RepoLinks | None:
    """How to link a project file, from MkDocs' ``repo_url`` and ``edit_uri`` (``edit/main/docs/``).

    None when either is missing, ``repo_url`` is not ``http(s)``, or ``edit_uri`` names no branch.
    """
    if not repo_url or not edit_uri or urlsplit(repo_url).scheme not in ("http", "https"):
        return None
    if urlsplit(edit_uri).scheme:
        if not edit_uri.startswith(repo_url.rstrip("/") + "/"):
            return None
        edit_uri = edit_uri[len(repo_url.rstrip("/")) + 1 :]
    m = _EDIT_URI.match(edit_uri.lstrip("/"))
    if m is None:
        return None
    prefix, branch = m.groups()  # GitLab's "-/" stays before blob/
    return RepoLinks(f"{repo_url.rstrip('/')}/{prefix}blob/{quote(branch)}/")


@dataclass(frozen=True, slots=True)
class LinkView:
    text: str
    url: str | None


@dataclass(frozen=True, slots=True)
class TestView:
    name: str
    outcome: str
    where: str


@dataclass(frozen=True, slots=True)
class TraceRowView:
    """One requirement in the page's trace table and in the matrix."""

    qualified: str
    local: str
    kind: str
    name: str
    priority: str
    url: str
    prd: LinkView
    status: str
    referenced_by: tuple[LinkView, ...]
    code: tuple[LinkView, ...]
    tests: tuple[TestView, ...]
    state: str


@dataclass(frozen=True, slots=True)
class CoverageView:
    key: str
    label: str
    verified: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.verified / self.total) if self.total else 0


class TraceViews:
    """Row views of a catalogue's requirements, with links relative to a page."""

    def __init__(
        self, catalog: Catalog, url_of: Callable[[str], str], repo: RepoLinks | None, renderer: Renderer
    ) -> None:
        self.catalog = catalog
        self.trace: Trace = catalog.trace
        self.url_of = url_of
        self.repo = repo
        self.renderer = renderer
        self._ids: dict[tuple[str, str], RequirementId] | None = None  # built on first use

    def resolve_in(self, text: str) -> list[ResolvedRef]:
        """The references in ``text`` (Markdown without front matter) with what each names,
        found as the site's pages' references are (:func:`~mkdocs_prd.core.trace.prose.prose_hits`)."""
        refs = prose_hits(text, split_lines(text))
        if not refs:
            return []
        if self._ids is None:
            self._ids = {(t.req.track_id.casefold(), t.req.local): t.req for t in self.trace.items.values()}
        ids = self._ids
        return [ResolvedRef(ref, ids.get((ref.track_id.casefold(), ref.local.upper()))) for ref in refs]

    def _page_link(self, path: str, from_url: str, anchor: str = "") -> str:
        target = self.url_of(path)
        if anchor and target == from_url:
            return f"#{anchor}"
        url = relative_url(target, from_url)
        return f"{url}#{anchor}" if anchor else url

    def row(self, t: RequirementTrace, from_url: str) -> TraceRowView:
        req = t.req
        prd = self.catalog.get(req.path)
        return TraceRowView(
            qualified=req.qualified,
            local=req.local,
            kind=req.kind,
            name=req.name,
            priority=req.priority or "",
            url=self._page_link(req.path, from_url, req.anchor),
            prd=LinkView(self._title(req.path), self._page_link(req.path, from_url)),
            status=(prd.status or "") if prd is not None else "",
            referenced_by=tuple(
                LinkView(self._title(p), self._page_link(p, from_url)) for p in t.referencing_paths()
            ),
            code=tuple(
                LinkView(f"{c.repo_path}:{c.line}", self.repo.url(c.repo_path, c.line) if self.repo else None)
                for c in t.code
            ),
            tests=tuple(TestView(x.name, x.outcome, x.location) for x in t.tests),
            state=t.state if self.trace.enabled else "",
        )

    def _title(self, path: str) -> str:
        prd = self.catalog.get(path)
        # As its H1 shows it (emoji, inline HTML read), as text: the link is the element.
        return (self.renderer.titles.text(prd.title) if prd is not None and prd.title else "") or path

    def rows(self, items: Iterable[RequirementTrace], from_url: str) -> list[TraceRowView]:
        return [self.row(t, from_url) for t in items]

    def coverage(self, items: Iterable[RequirementTrace]) -> list[CoverageView]:
        """Verified requirements per priority, with the site's word for each priority."""
        labels = self.renderer.labels
        return [
            CoverageView(
                c.priority.lower(), labels.get(f"priority_{c.priority.lower()}"), c.verified, c.total
            )
            for c in coverage_of(items)
        ]


def anchor_html(anchor: str) -> str:
    """The empty element that gives a requirement its fragment id on the page."""
    return f'<span class="prd-anchor" id="{escape(anchor)}"></span>'


_ANCHOR_ID = re.compile(r'<span class="prd-anchor" id="([^"]+)"></span>')
# A heading's content is looked at up to 4,000 characters: linear on pages of unclosed tags.
_HEADING = re.compile(r'<h([1-6])\b([^>]*?)\sid="([^"]+)"([^>]*)>(.{0,4000}?)</h\1>', re.DOTALL)
_ANY_ID = re.compile(r'id="([^"]+)"')  # its literal first: a fast substring search


def separate_heading_ids(html: str) -> tuple[str, dict[str, str]]:
    """``html`` (a PRD page's content) where a heading has the id of a requirement's anchor
    (``### FR-1`` in the notes, while ``**FR-1: Export**`` in section 5 has the anchor
    ``fr-1``) gets another id, the toc extension's way (``fr-1_1``), its permalink too;
    returns the new HTML and ``{old id: new id}`` of the headings changed.

    The anchor keeps its id: links to ``#fr-1`` (references, the traceability table) mean
    the requirement.  Linear in the size of the page.
    """
    anchors = set(_ANCHOR_ID.findall(html)) if "prd-anchor" in html else set()
    if not anchors:
        return html, {}
    used: set[str] = set()
    twice: set[str] = set()
    for found in _ANY_ID.findall(html):
        (twice if found in used else used).add(found)
    if anchors.isdisjoint(twice):
        return html, {}  # no id of an anchor stands twice (most pages): no heading to rename
    renamed: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        level, before, old, after, inner = m.groups()
        if old not in anchors or ("prd-anchor" in inner and f'id="{old}"' in inner):
            return m.group(0)  # another id, or the requirement's own heading holding its anchor
        n = 1
        while f"{old}_{n}" in used:
            n += 1
        new = renamed[old] = f"{old}_{n}"
        used.add(new)
        inner = inner.replace(f'href="#{old}"', f'href="#{new}"')
        return f'<h{level}{before} id="{new}"{after}>{inner}</h{level}>'

    return _HEADING.sub(rename, html), renamed


def reference_html(text: str, href: str, title: str) -> str:
    """A reference as a link to the requirement, its name as the link's title."""
    return f'<a class="prd-ref" href="{escape(href)}" title="{escape(title)}">{escape(text)}</a>'


def inline_edits(
    prd: Prd, views: TraceViews, page_url: str, shown: str | None = None
) -> dict[int, list[tuple[int, int, str]]]:
    """Per 1-based line: ``(start, end, html)`` edits (columns) that make references links.

    Lines and columns are those of ``prd``'s file; with ``shown`` (the page's Markdown as
    another plugin changed it: a template rendered, a file included) they are that text's,
    its references found in it by content and resolved against the site's requirements.
    """
    refs = views.trace.refs.get(prd.path, []) if shown is None else views.resolve_in(shown)
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for resolved in refs:
        ref, target = resolved.ref, resolved.target
        if target is None or ref.linked:
            continue
        if target.path == prd.path:
            href = f"#{target.anchor}"
        else:
            href = f"{relative_url(views.url_of(target.path), page_url)}#{target.anchor}"
        title = target.name or target.qualified
        edits.setdefault(ref.line, []).append((ref.start, ref.end, reference_html(ref.text, href, title)))
    return edits


def render_page_trace(rows: Sequence[TraceRowView], renderer: Renderer, enabled: bool) -> Markup:
    """The PRD page's table of its requirements: referenced by, and with ``trace`` code and tests."""
    return renderer.fragment("trace_block.html", rows=rows, enabled=enabled)


_STATE_ORDER = ("failing", "untested", "skipped", "verified")


def render_matrix(views: TraceViews, page_url: str, statuses: Sequence[str] = ()) -> str:
    """The traceability matrix as seen from the page at ``page_url`` (site-root relative)."""
    trace = views.trace
    items = list(trace.items.values())
    rows = views.rows(items, page_url)
    columns = ["prd", "id", "name", "priority", "status", "referenced_by"]
    if trace.enabled:
        columns += ["code", "tests", "state"]
    seen_status = {r.status.strip().casefold(): r.status.strip() for r in rows if r.status.strip()}
    ordered = [s for s in statuses if s.casefold() in seen_status]
    ordered += sorted(v for k, v in seen_status.items() if k not in {s.casefold() for s in statuses})
    return str(
        views.renderer.fragment(
            "trace_matrix.html",
            rows=rows,
            coverage=views.coverage(items),
            enabled=trace.enabled,
            statuses=ordered,
            priorities=[p for p in COVERED_PRIORITIES if any(r.priority == p for r in rows)],
            states=[s for s in _STATE_ORDER if any(r.state == s for r in rows)],
            columns=columns,
            priority_rank=lambda p: str(COVERED_PRIORITIES.index(p)) if p in COVERED_PRIORITIES else "",
            state_rank=lambda s: str(_STATE_ORDER.index(s)) if s in _STATE_ORDER else "",
        )
    )


def fill_matrix(html: str, render: Callable[[], str]) -> str:
    """``html`` with each :data:`TRACE_MARKER` replaced by the matrix (rendered once)."""
    if TRACE_MARKER not in html:
        return html
    return html.replace(TRACE_MARKER, render())


def matrix_page_markdown(title: str) -> str:
    """The Markdown of the generated matrix page: the site's title text (shown as written) and the marker."""
    return page_head(title if title.strip() else "Traceability matrix", hide_toc=True) + f"{TRACE_MARKER}\n"
