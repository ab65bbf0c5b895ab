"""The Markdown-level rewrite of a PRD page, before MkDocs renders it.

MkDocs-free.  The parser already knows where things are (1-based source lines), so
the page is changed as Markdown, line by line, instead of parsing its HTML after
rendering (which would cost about as much as rendering itself):

* the findings panel goes right below the H1 (the H1 must stay the first element:
  MkDocs takes the page title from it);
* the bold ``**Key:** value`` header lines become the header card (or the card is
  inserted below the H1 when the metadata is in front matter);
* section 10's body becomes the IOSM table when the parser understood all of it,
  otherwise the table is inserted above the author's content;
* ``- Priority: Must`` lines get a priority badge in place of the value.

Each fragment is a raw HTML block: it starts at column 0, holds no blank line, and
has a blank line on each side, so Python-Markdown passes it through untouched.
Nothing the author wrote is dropped unless it is shown by a fragment instead.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from mkdocs_prd.core.actuals import IosmActuals, collect
from mkdocs_prd.core.fidelity import Features, normalise
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.header import is_header_span
from mkdocs_prd.core.parse.iosm import shown_in_block
from mkdocs_prd.core.parse.lines import is_blank, is_rule, split_lines
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.report import IosmReport
from mkdocs_prd.core.rendered import as_shown
from mkdocs_prd.core.sitewide.catalog import Catalog
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.core.trace.ids import local_ids
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.theme import nav_status_id
from mkdocs_prd.html.trace_html import (
    RepoLinks,
    TraceViews,
    anchor_html,
    inline_edits,
    render_page_trace,
    separate_heading_ids,
)
from mkdocs_prd.html.views import header_stays

if TYPE_CHECKING:  # (only in annotations: git and its modules load when history is on)
    from mkdocs_prd.core.review.history import PrdHistory


@dataclass(frozen=True)
class Fragments:
    """The HTML the page gets; an empty string leaves that part of the page alone."""

    findings: str = ""
    card: str = ""
    iosm: str = ""
    priority_badge: Callable[[str], Markup] | None = None
    heading_badge: Callable[[str], Markup] | None = None
    """The badge's own HTML, for a priority written in a heading (``#### FR-1: x (Must)``): a
    placeholder word there would become part of the heading's id and TOC entry.  None: a
    heading keeps the word as written."""
    trace: str = ""
    """The requirements' traceability table, put at the end of the Requirements section."""
    inline: Mapping[int, Sequence[tuple[int, int, str]]] | None = None
    """Per source line, ``(start, end, html)`` replacements (reference links)."""
    anchors: Sequence[tuple[int, str, str]] = ()
    """``(source line, local id as written, anchor html)``: put before the id on that line."""
    tag: Callable[[str], str] | None = None
    """Stands in for an anchor or reference link on a line that is not a heading: a word
    swapped back after Markdown (a heading keeps the HTML, which its TOC entry drops)."""
    card_partial: bool = False
    """The card leaves out the header's fields (the header stays on the page): it never takes
    the header's place."""
    kept: Collection[int] = ()
    """Source lines no anchor, link or badge may change: an include tool rewrites them later
    (``--8<-- "fr-2.md"``: an anchor before ``fr-2`` would break the path)."""


def html_block(html: str) -> list[str]:
    """``html`` as lines of one raw HTML block: no blank or indented line, blank lines around it.

    An indented line could be read as code by a Markdown extension, and a blank line
    would end the raw block early; neither can occur in what this returns.
    """
    body = [line.strip() for line in html.splitlines() if line.strip()]
    return ["", *body, ""] if body else []


def line_offset(source: str, markdown: str) -> int | None:
    """How many source lines come before ``markdown`` (the front matter MkDocs removed).

    None when ``markdown`` is not the tail of ``source`` (another plugin changed it).
    """
    source = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not source.endswith(markdown):
        return None
    return source[: len(source) - len(markdown)].count("\n")


def rewrite(
    markdown: str, prd: Prd, fragments: Fragments, offset: int | None, rendered: Prd | None = None
) -> str:
    """The page's Markdown with the fragments put in place.

    ``prd`` supplies the line spans; ``offset`` is :func:`line_offset`.  When it is
    None the spans are taken from a parse of ``markdown`` itself (``rendered``, when the
    caller has it), so a page that another plugin changed still gets its fragments in
    the right places; then ``fragments.anchors`` and ``fragments.inline`` must be
    ``markdown``'s own lines and columns (:meth:`PageRenderer.markdown` finds them there).
    """
    spans = prd
    if offset is None:
        spans = rendered if rendered is not None else parse_prd(markdown, prd.path)
        offset = 0
    lines = split_lines(markdown)
    n = len(lines)

    def index(line: int) -> int:
        """0-based index into ``lines`` of 1-based source ``line`` (may be out of range)."""
        return line - 1 - offset

    edits: list[tuple[int, int, list[str]]] = []  # (start, end exclusive, new lines)

    _inline_edits(lines, fragments, index)

    if fragments.priority_badge is not None:
        for req in (*spans.functional, *spans.non_functional):
            i = index(req.priority_line)
            if req.priority and 0 <= i < n and req.priority_line not in fragments.kept:
                line = lines[i]
                at = line.rfind(req.priority)
                make = fragments.heading_badge if _heading_line(lines, i) else fragments.priority_badge
                if at >= 0 and make is not None:
                    badge = make(req.priority)
                    edits.append((i, i + 1, [line[:at] + str(badge) + line[at + len(req.priority) :]]))

    iosm = spans.iosm
    whole = _iosm_through_include(spans, prd, fragments.kept)
    if fragments.iosm and iosm.body_start and whole is not None:
        start, end = index(iosm.body_start), index(iosm.body_end)
        if 0 <= start <= end < n:
            # Keep the trailing rule (``---``) and blank lines that separate sections.
            last = end
            while last >= start and (is_blank(lines[last]) or is_rule(lines[last])):
                last -= 1
            if iosm.understood or whole:
                edits.append((start, last + 1, html_block(fragments.iosm)))
            elif iosm.kept:
                kept = [(index(first), index(end_)) for first, end_ in iosm.kept]
                edits += _partial_iosm(lines, start, last, kept, html_block(fragments.iosm))
            else:
                edits.append((start, start, html_block(fragments.iosm)))

    req_section = spans.section("requirements")
    if fragments.trace and req_section is not None:
        last = index(req_section.end_line)
        first = index(req_section.line)
        if 0 <= first <= last < n:
            while last > first and (is_blank(lines[last]) or is_rule(lines[last])):
                last -= 1
            edits.append((last + 1, last + 1, html_block(fragments.trace)))

    below_title = _below_title(lines, index(spans.title_line) if spans.title_line else -1)
    top: list[str] = []
    if fragments.findings:
        top += html_block(fragments.findings)
    if fragments.card:
        meta = spans.metadata
        start, end = index(meta.header_start), index(meta.header_end)
        header_ok = (
            meta.header_start > 0
            and meta.header_replaceable
            and not fragments.card_partial
            and 0 <= start <= end < n
            and is_header_span(lines, start, end, {index(k) for k in fragments.kept})
        )
        if header_ok and start >= below_title:
            edits.append((start, end + 1, html_block(fragments.card)))
        else:
            top += html_block(fragments.card)
    if top:
        edits.append((below_title, below_title, top))

    # Apply from the bottom up so earlier indices stay valid; inserts at the same
    # place keep their order (the findings/card block is added last, goes first).
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = new
    out = "\n".join(lines)
    return out + "\n" if markdown.endswith("\n") else out


def _iosm_through_include(spans: Prd, prd: Prd, rewritten: Collection[int]) -> bool | None:
    """How the IOSM table goes into section 10 of ``spans`` (the lines of the Markdown being
    rewritten; ``prd`` the page read with what it includes): False as usual (no include
    directive in its body), True in place of the whole body, None not at all.

    A body that holds a directive (a line in ``rewritten``: snippets' ``--8<--`` is still in
    the Markdown) is replaced whole when its heading is the page's own and the section as
    read with the included text was understood in full: the table then shows every included
    gate once, as it does for include-markdown (whose text is already in the Markdown) and
    for gates written in place, with the actual scores beside them.  Otherwise (an included
    heading, text the table would not show) the section stays as written, without the table,
    which would repeat the included gates."""
    iosm = spans.iosm
    if not any(iosm.body_start <= k <= iosm.body_end for k in rewritten):
        return False
    heading = spans.section("iosm")
    return True if prd.iosm.understood and heading is not None and heading.line not in rewritten else None


def _partial_iosm(
    lines: list[str], start: int, last: int, kept: list[tuple[int, int]], block: list[str]
) -> list[tuple[int, int, list[str]]]:
    """Edits of a section 10 the parser understood in part: the blocks in ``kept`` (0-based
    spans) stay as written, the others go, the IOSM block (which shows what they said)
    standing where the first of them was."""
    edits: list[tuple[int, int, list[str]]] = []
    pos = start
    for first, end in [*sorted(kept), (last + 1, last + 1)]:
        stop = min(first, last + 1)
        if stop > pos and any(not is_blank(lines[k]) for k in range(pos, stop)):
            edits.append((pos, stop, [""] if edits else block))
        pos = max(pos, end + 1)
    return edits


def _below_title(lines: list[str], title: int) -> int:
    """The index of the line after the H1 at ``title`` (after a setext title's ``===`` line);
    0 when ``title`` is no heading line of ``lines``."""
    if not 0 <= title < len(lines):
        return 0
    if lines[title].lstrip().startswith("#"):
        return title + 1
    return title + 2 if _underline(lines, title + 1, "=") else 0


_ID_DASHES = ("", " ", "\u2010", "\u2011", "\u2012", "\u2013", "\\-")


def _find_id(text: str, written: str) -> int:
    """Where the id ``written`` (``fr-1``) stands in ``text``, also when spelled ``fr1`` / ``fr 1``
    / ``fr‑1`` / ``fr\\-1`` (ids are read in those spellings too, the last as exports escape the
    dash); -1 when it is not on the line."""
    at = text.find(written)
    prefix, sep, number = written.partition("-")
    for spelled in (f"{prefix}{dash}{number}" for dash in _ID_DASHES) if sep and at < 0 else ():
        at = text.find(spelled)
        if at >= 0:
            break
    return at


def _inline_edits(lines: list[str], fragments: Fragments, index: Callable[[int], int]) -> None:
    """Anchors before requirement ids and reference links, in place (columns from the right).

    With ``fragments.tag`` each element goes in as a word (see :attr:`Fragments.tag`),
    right before the id: inside any emphasis around it, so no emphasis that needs a
    non-word character before its opening mark (``__FR-1__``, smart emphasis) is broken.
    A heading line keeps the raw HTML before the emphasis, as its TOC entry needs.
    """
    tag = fragments.tag
    per_line: dict[int, list[tuple[int, int, str]]] = {}
    kept = fragments.kept
    for line, written, html in fragments.anchors:
        i = index(line)
        if not 0 <= i < len(lines) or line in kept:
            continue
        text = lines[i]
        at = _find_id(text.casefold(), written.casefold())
        if at < 0 or text.lstrip().lstrip("#").strip().casefold() == written.casefold():
            continue  # not on its line, or a heading of just the id (its own anchor already)
        if at > 0 and text[at - 1] == "`":
            at -= 1  # "`FR-1`": the anchor before the code span, not shown inside it
        if tag is None or _heading_line(lines, i):
            while at > 0 and text[at - 1] in "*_":
                at -= 1  # before the emphasis that opens around the id
        per_line.setdefault(i, []).append((at, at, html))
    for line, items in (fragments.inline or {}).items():
        i = index(line)
        if 0 <= i < len(lines) and line not in kept:
            per_line.setdefault(i, []).extend(items)
    for i, items in per_line.items():
        text = lines[i]
        if tag is not None and not _heading_line(lines, i):
            items = [(start, end, tag(html)) for start, end, html in items]
        for start, end, html in sorted(items, key=lambda e: (e[0], e[1]), reverse=True):
            if 0 <= start <= end <= len(text):
                text = text[:start] + html + text[end:]
        lines[i] = text


REPORT_NAME = "iosm_report.md"
"""The swarm-iosm report read from a PRD's folder for actual IOSM values."""

MATERIAL_STATUSES: frozenset[str] = frozenset({"new", "deprecated"})
"""Page statuses Material for MkDocs defines itself."""


def report_path(prd_path: str) -> str:
    """Where the ``iosm_report.md`` of the PRD at ``prd_path`` would be (same folder)."""
    folder = prd_path.rsplit("/", 1)[0] if "/" in prd_path else ""
    return f"{folder}/{REPORT_NAME}" if folder else REPORT_NAME


def material_meta(
    meta: MutableMapping[str, Any], status: str | None, *, nav_status: bool, defined: Collection[str]
) -> None:
    """Make ``page.meta['status']`` safe for Material's navigation, in place.

    With ``nav_status`` the PRD's status becomes the namespaced id ``prd-<slug>``
    (icons in ``prd.css``).  Without it, an author's PRD ``status: Approved`` front
    matter is PRD metadata, not a Material status: it is removed from the page's
    meta unless the site defines it (``extra.status``) or Material does, so no icon
    without a definition appears.  The PRD model keeps the value either way.
    """
    if nav_status and status and status.strip():
        meta["status"] = nav_status_id(status)
        return
    value = meta.get("status")
    if isinstance(value, str) and value not in defined and value not in MATERIAL_STATUSES:
        del meta["status"]


_TAG = re.compile(r"<[^>]*>")


def _heading_line(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` is (or may be) a heading: ATX, or text over a setext underline."""
    return lines[i].lstrip()[:1] == "#" or _underline(lines, i + 1, "=-")


def _underline(lines: list[str], i: int, marks: str) -> bool:
    """Whether ``lines[i]`` is a setext underline: one of ``marks`` repeated, nothing else."""
    under = lines[i].strip() if i < len(lines) else ""
    return bool(under) and under[0] in marks and not under.strip(under[0])


def plain_text(html: str) -> str:
    """The words of an HTML fragment, entities left as they are (it stays HTML text)."""
    return " ".join(_TAG.sub(" ", html).split())


def _closing(token: str) -> str:
    return token.replace("<!--prd-fragment-", "<!--/prd-fragment-", 1)


def _has_iosm(prd: Prd) -> bool:
    idx = prd.iosm.index
    return bool(prd.iosm.targets or idx.baseline or idx.target or idx.delta)


class PageRenderer:
    """Rewrites the Markdown of a site's PRD pages; one per build (MkDocs-free).

    ``reports`` maps a PRD's ``src_path`` to its parsed ``iosm_report.md``, ``histories``
    to its history from git (``history: true``).
    ``problems`` lists ``path:line: message`` texts about actual values that could
    not be read (bad ``iosm_actuals`` shape, unreadable report lines), for the
    caller to report once per build.
    """

    def __init__(
        self,
        catalog: Catalog,
        renderer: Renderer,
        *,
        show_findings: bool,
        reports: Mapping[str, IosmReport] | None = None,
        url_of: Callable[[str], str] | None = None,
        repo: RepoLinks | None = None,
        features: Features | None = None,
        histories: Mapping[str, PrdHistory] | None = None,
    ) -> None:
        self.catalog = catalog
        self.features = features or Features()
        self.histories = histories or {}
        self.renderer = renderer
        self.show_findings = show_findings
        # Traceability: each page's URL (site-root relative) for links between PRDs.
        self.url_of: Callable[[str], str] = url_of or page_url
        self.trace_views = TraceViews(catalog, self.url_of, repo, renderer)
        self.actuals: dict[str, IosmActuals] = {}
        self.problems: list[str] = []
        # A per-build random part makes placeholders impossible to forge from a page.
        self._nonce = secrets.token_hex(6)
        self._tokens = re.compile(
            rf"<!--prd-fragment-{self._nonce}-\d+-->|prd(?:inline|tag){self._nonce}x\d+x"
        )
        self._openings = re.compile(
            rf"<!--prd-fragment-(?:{self._nonce}-d?\d+|prdinline{self._nonce}x\d+x)-->"
        )
        self._pending: dict[str, dict[str, str]] = {}
        self.shown: dict[str, Prd] = {}
        """The PRDs whose page shows other header values than their file (a template rendered)."""
        self.heading_ids: dict[str, dict[str, str]] = {}
        """Per page, the headings that had a requirement anchor's id: ``{old: new}`` (the page's
        table of contents is to follow; see :func:`~mkdocs_prd.html.trace_html.separate_heading_ids`)."""
        self._count = 0  # placeholders are numbered across the build: each is one fragment
        self._made: dict[str, str] = {}
        """Every placeholder of the build and its fragment, for copies on other pages (:meth:`foreign`)."""
        self._final: dict[str, dict[str, str]] = {}
        reports = reports or {}
        self.reports = reports
        """The parsed ``iosm_report.md`` of each PRD, by its ``src_path``."""
        for prd in catalog:
            report = reports.get(prd.path)
            actuals = collect(prd.front_matter, report)
            self.actuals[prd.path] = actuals  # its front-matter problems are PRD505 findings
            if report is not None:
                self.problems.extend(f"{report.path}:{p.line}: {p.message}" for p in report.problems)

    def fragments(self, prd: Prd) -> Fragments:
        """The HTML fragments of one PRD page."""
        r = self.renderer
        findings = self.catalog.findings_for(prd.path) if self.show_findings else ()
        trace = self.catalog.trace
        items = trace.for_path(prd.path)
        views = self.trace_views
        page = self.url_of(prd.path)
        shown = replace(prd, iosm=shown_in_block(prd.iosm))  # what the IOSM block shows
        table = ""
        if items and (trace.enabled or any(t.referencing_paths() for t in items)):
            table = str(render_page_trace(views.rows(items, page), r, trace.enabled))
        return Fragments(
            findings=str(r.findings(findings)),
            card=str(
                r.card(
                    prd,
                    views.coverage(items) if trace.enabled else (),
                    actuals=self.actuals.get(prd.path),
                    history=self.histories.get(prd.path),
                    statuses=self.catalog.statuses,
                )
            ),
            iosm=str(r.iosm_table(shown, self.actuals.get(prd.path))) if _has_iosm(shown) else "",
            priority_badge=r.priority_badge,
            trace=table,
            inline=inline_edits(prd, views, page),
            # Every id gets its anchor, also on a PRD without a Track ID (no site-wide id).
            anchors=[(r.line, r.written, anchor_html(r.anchor)) for r in local_ids(prd)],
            card_partial=header_stays(prd),
        )

    def markdown(self, src_path: str, markdown: str, source: str | None) -> str:
        """The page's new Markdown; ``markdown`` itself when the page is not a PRD.

        ``source`` is the page file's full text (front matter included), used to map
        the parser's line numbers onto ``markdown``.  The block fragments go in as
        one-line placeholders (HTML comments) that :meth:`html` swaps for the real
        HTML after Markdown: Python-Markdown runs every raw HTML block through its
        pure-Python HTML parser, which cost more than all the rest of the plugin.
        Then the page is normalised (:func:`mkdocs_prd.core.fidelity.normalise`) so its
        lists, tables, task items, footnotes and alerts render as CommonMark/GFM would.
        """
        prd = self.catalog.get(src_path)
        if prd is None:
            return markdown
        offset = line_offset(source, markdown) if source is not None else None
        # Another plugin changed the page (a template rendered, a file included): the card
        # shows its values as rendered, and ids get their anchors where the page has them.
        rendered = parse_prd(markdown, src_path) if offset is None else None
        shown = prd if rendered is None else as_shown(prd, rendered)
        if shown is not prd:
            self.shown[src_path] = shown
        real = self.fragments(shown)
        if rendered is not None:
            # Anchors and reference links where the changed page has them, found by content.
            real = replace(
                real,
                anchors=[(r.line, r.written, anchor_html(r.anchor)) for r in local_ids(rendered)],
                inline=inline_edits(shown, self.trace_views, self.url_of(src_path), markdown),
            )
        pending: dict[str, str] = {}

        def hold(html: str, inline: bool = False) -> str:
            if not html:
                return ""
            number = self._number()
            # Inline: a word Markdown leaves alone (also in a code span or a link text),
            # so no inline pattern can read the badge's HTML as Markdown.
            token = (
                f"prdinline{self._nonce}x{number}x"
                if inline
                else f"<!--prd-fragment-{self._nonce}-{number}-->"
            )
            pending[token] = html
            return token

        def tag(html: str) -> str:
            # A small element (anchor, link, checkbox) that goes back as it is in
            # :meth:`html`; as raw HTML it would cost Python-Markdown two HTML parses.
            token = f"prdtag{self._nonce}x{self._number()}x"
            pending[token] = html
            return token

        def badge(priority: str) -> Markup:
            return Markup(hold(str(self.renderer.priority_badge(priority)), inline=True))

        held = Fragments(
            findings=hold(real.findings),
            card=hold(real.card),
            iosm=hold(real.iosm),
            priority_badge=badge,
            heading_badge=self.renderer.priority_badge,
            trace=hold(real.trace),
            inline=real.inline,
            anchors=real.anchors,
            tag=tag,
            card_partial=real.card_partial,
            kept=self._directives(src_path, markdown, offset),
        )
        out = rewrite(markdown, prd, held, offset, rendered)
        self._pending[src_path] = pending
        self._made.update(pending)
        # Last: the fragments are single placeholder lines by now, and the findings'
        # line numbers were taken from the source before anything moved.
        return normalise(out, self.features, hold, tag)

    def _directives(self, src_path: str, markdown: str, offset: int | None) -> Collection[int]:
        """The lines of the page's include directives, in the lines ``rewrite`` uses: the
        catalog's (the file's own) when ``offset`` is known, else the snippet markers still in
        ``markdown`` (include-markdown's text is already in it)."""
        included = self.catalog.included.get(src_path, ())
        if offset is not None or not included:
            return included
        from mkdocs_prd.core.includes.snippets import marker_lines  # (only on a site with includes)

        return marker_lines(markdown)

    def _number(self) -> int:
        self._count += 1
        return self._count

    def foreign(self, output: str) -> str:
        """A page that is no PRD with the fragments of PRD pages whose Markdown it shows
        (Material's blog renders a post's excerpt from the post's Markdown, without
        the events that put the fragments in): each placeholder becomes its fragment."""
        if self._nonce not in output:
            return output

        def swap(match: re.Match[str]) -> str:
            fragment = self._made.get(match.group(0))
            if fragment is None:
                return match.group(0)
            return self._tokens.sub(lambda m: self._made.get(m.group(0), m.group(0)), fragment)

        return self._tokens.sub(swap, output)

    def html(self, src_path: str, html: str) -> str:
        """The page's HTML (``on_page_content``): each placeholder gets the text of its fragment.

        Search plugins index this HTML with a pure-Python HTML parser; giving them the
        words without the markup keeps the card and IOSM table searchable at a
        fraction of the cost.  :meth:`output` puts the real HTML in afterwards.
        """
        pending = self._pending.pop(src_path, None)
        if not pending:
            return html
        final: dict[str, str] = {}

        def swap(match: re.Match[str]) -> str:
            token = match.group(0)
            fragment = pending.pop(token, None)
            if fragment is None:
                return token  # a second copy (another plugin duplicated it): left alone
            if token.startswith("prdtag"):
                return fragment
            if "prdtag" in fragment:  # an anchor written into a raw HTML block that was held
                fragment = self._tokens.sub(lambda m: pending.pop(m.group(0), m.group(0)), fragment)
            if token.startswith("<!--"):
                opening, gap = token, "\n"
            else:  # an inline badge: the comment pair stays inside its line
                opening, gap = f"<!--prd-fragment-{token}-->", ""
            final[opening] = fragment  # in document order, as :meth:`output` needs
            return f"{opening}{gap}{plain_text(fragment)}{gap}{_closing(opening)}"

        # One pass over the page, however many badges it has.
        html = self._tokens.sub(swap, html)
        self._final.setdefault(src_path, {}).update(final)  # beside any deferred listing
        html, renamed = separate_heading_ids(html)
        if renamed:
            self.heading_ids[src_path] = renamed
        return html

    def defer(self, src_path: str, html: str) -> str:
        """What stands in a page's content for ``html`` until :meth:`output`: its words
        between two comments.

        For large HTML made after Markdown (an index listing with its charts): search
        plugins index the words without parsing the markup, as for the PRD fragments.
        """
        final = self._final.setdefault(src_path, {})
        opening = f"<!--prd-fragment-{self._nonce}-d{len(final)}-->"
        final[opening] = html
        return f"{opening}\n{plain_text(html)}\n{_closing(opening)}"

    def output(self, src_path: str, output: str) -> str:
        """``page.content`` (``on_page_context``) or the finished page (``on_post_page``) with each
        fragment's real HTML in place; what was placed once is not placed again."""
        pending = self._final.pop(src_path, None)
        if not pending:
            return output
        # One pass, one copy: the page (with a large navigation) is long; the openings are
        # found by one scan, in document order (the traceability table, in section 5,
        # comes before the IOSM table of section 10 though made after it).
        pieces: list[str] = []
        pos = 0
        for match in self._openings.finditer(output):
            token = match.group(0)
            fragment = pending.pop(token, None) if match.start() >= pos else None
            if fragment is None:
                continue  # a copy another plugin made, or text inside a fragment already placed
            closing = _closing(token)
            end = output.find(closing, match.end())
            if end < 0:
                continue
            pieces += (output[pos : match.start()], fragment)
            pos = end + len(closing)
        pieces.append(output[pos:])
        return "".join(pieces)
