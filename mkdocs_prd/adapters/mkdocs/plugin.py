"""The MkDocs plugin: thin glue from MkDocs events to the PRD library.

Only this module and ``config.py`` import MkDocs.  All state a build needs is
rebuilt in ``on_config``/``on_files`` so ``mkdocs serve`` rebuilds never see
stale data, and nothing is ever written into ``docs_dir``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_prd.adapters.markdown.lists import PrdListsExtension
from mkdocs_prd.adapters.markdown.titles import title_markup
from mkdocs_prd.adapters.mkdocs.anchors import note_anchors, rename_toc_ids
from mkdocs_prd.adapters.mkdocs.config import (
    PrdConfig,
    extension_names,
    index_settings,
    templating_of,
    to_settings,
    translations_of,
)
from mkdocs_prd.adapters.mkdocs.dirty import DependentPages, digest, force_render
from mkdocs_prd.adapters.mkdocs.files import endless_loops, endless_message, loop_copies, loop_message
from mkdocs_prd.adapters.mkdocs.hidden import hidden_by_plugins, still_excluded
from mkdocs_prd.adapters.mkdocs.includes import includes_of
from mkdocs_prd.adapters.mkdocs.meta_lines import keep_first_lines, without_front_matter
from mkdocs_prd.core.fidelity import features_from_extensions
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.parse.front import CUT_SHORT
from mkdocs_prd.core.rules.validate import counted
from mkdocs_prd.core.safe import TerminalFilter, is_encodable, terminal_text
from mkdocs_prd.core.settings import NO_APPROVED_STATUS, Settings
from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog, freeze_for_build, paused_gc, thaw
from mkdocs_prd.core.sitewide.index import with_shown_values
from mkdocs_prd.core.sitewide.listing import MARKER_NAME
from mkdocs_prd.html.encoding import host_cannot_read, readable_copy
from mkdocs_prd.html.page import PageRenderer, material_meta
from mkdocs_prd.html.render import Renderer, RenderError, override_dirs
from mkdocs_prd.html.site import finding_log, render_site
from mkdocs_prd.html.site_index import SiteIndex
from mkdocs_prd.html.stylesheet import ASSETS_DIR, CSS_URI, INDEX_ASSETS, stylesheet
from mkdocs_prd.html.theme import status_titles
from mkdocs_prd.html.titles import Titles
from mkdocs_prd.html.trace_html import fill_matrix, matrix_page_markdown, render_matrix, repo_links

if TYPE_CHECKING:  # (only in annotations: git and its modules load when history is on)
    from mkdocs_prd.core.review.history import PrdHistory

log = get_plugin_logger(__name__)

log.logger.addFilter(TerminalFilter())

ASSET_DIR = "assets/prd"


# MkDocs' Config.__init_subclass__ is untyped; mypy --strict flags the class statement.
class PrdPlugin(BasePlugin[PrdConfig]):  # type: ignore[no-untyped-call]
    """Recognise, validate, render and index the PRD pages of a site."""

    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.settings = Settings()
        self.catalog = Catalog()
        self.site_index: SiteIndex | None = None
        self.pages: PageRenderer | None = None
        self.lists = PrdListsExtension()
        self.histories: dict[str, PrdHistory] = {}
        self.dirty = False
        self.frozen = False  # whether this build froze the collector's view (see on_shutdown)
        # Kept across the rebuilds of `mkdocs serve --dirty` (on_config does not reset it).
        self.dependents = DependentPages()
        self._sources: dict[str, str] = {}
        """Each PRD page's text as read in on_page_read_source, until on_page_markdown."""

    def on_shutdown(self) -> None:
        if self.frozen:
            thaw()
            self.frozen = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Serve shows findings on pages by default; a published build does not.
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        extensions = extension_names(config.markdown_extensions)
        self.settings = replace(
            to_settings(self.config, extensions, translations_of(config), templating_of(config)),
            includes=includes_of(config, extensions),
        )
        self.catalog = Catalog()
        self.site_index = None
        self.pages = None
        self.histories = {}
        if self.config.enabled:
            # MkDocs walks docs_dir right after this event: links that make that walk endless
            # are an error now, not a hang (one walk that enters no loop: ~2 ms for 1,000 PRDs).
            endless = endless_loops(config.docs_dir)
            if endless:
                raise PluginError(terminal_text(f"prd: {endless_message(endless)}"))
            if not self.settings.approved_statuses:
                log.info(NO_APPROVED_STATUS)  # a valid site: not a warning, --strict passes
            _drop_extension(config)
            # PRD page styles go first, so the site's own extra_css overrides them.
            if CSS_URI not in config.extra_css:
                config.extra_css.insert(0, CSS_URI)
            # Shipped with the plugin and served from the site: no manual extra_css, no CDN.
            # (Not twice when a site that also builds with Zensical lists them itself.)
            if f"{ASSET_DIR}/prd-index.css" not in config.extra_css:
                config.extra_css.append(f"{ASSET_DIR}/prd-index.css")
            if f"{ASSET_DIR}/prd-index.js" not in map(str, config.extra_javascript):
                config.extra_javascript.append(f"{ASSET_DIR}/prd-index.js")
            # CommonMark list numbering on PRD pages only: inert while ``active`` is false.
            self.lists = PrdListsExtension()
            config.markdown_extensions.append(self.lists)  # type: ignore[arg-type]  # MkDocs takes objects too
        return config

    # Last, after every plugin that adds or rearranges files: gen-files and blog pages
    # are seen, and mkdocs-static-i18n (-100) has already picked this language's pages
    # (and never meets our generated files, which it cannot handle).
    @event_priority(-200)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        _leave_out_unnamed(files)
        _leave_out_loops(files, config)
        undecodable: list[tuple[File, bytes]] = []
        # `mkdocs serve` renders the site's draft_docs too: a draft PRD gets its card there.
        serve = self.command == "serve"
        rendered = files.documentation_pages(
            inclusion=InclusionLevel.is_in_serve if serve else InclusionLevel.is_included
        )
        pages = [*rendered, *hidden_by_plugins(files, config)]
        with paused_gc():
            self.catalog = build_catalog(_page_bytes(pages, undecodable), self.settings)
            if self.command in ("build", "gh-deploy") and not self.frozen:
                # A one-off build: the catalog lives until the end, so the collector need not
                # walk it at every pass while the pages render (thawed at shutdown).  Frozen
                # before the collector is back on, whose first pass would walk it all once more.
                self.frozen = freeze_for_build()
        count = len(self.catalog)
        log.info(f"{counted(count, 'PRD page')} found")
        for pattern in self.settings.unmatched_paths(f.src_uri for f in pages):
            log.warning(
                terminal_text(f"paths: the pattern {pattern!r} matches no page (hint: check its folder)")
            )
        self._log_findings()
        if self.config.history:
            self.histories = self._history(files, config)  # the files' own bytes, as git has them
        self._readable_copies(undecodable)
        self._prepare_site(files, config)
        trace = self.settings.trace
        page = trace.page if trace is not None else None
        if page is not None and self.pages is not None and files.get_file_from_path(page) is None:
            title = self.pages.renderer.labels.get("trace_matrix_title")
            files.append(File.generated(config, page, content=matrix_page_markdown(title)))
        files = self._index_files(files, config)
        if self.dirty:
            self._render_dependents(files)
        return files

    def _readable_copies(self, pages: list[tuple[File, bytes]]) -> None:
        """Give MkDocs a decoded copy of each page it cannot read (see :mod:`mkdocs_prd.html.encoding`),
        so one page saved as Latin-1 or UTF-16 does not stop the build with a traceback."""
        labels = Labels(self.settings.labels)
        for file, data in pages:
            copy = readable_copy(data, labels)
            if copy is None:
                continue
            file.content_string = copy.text  # in memory only: docs_dir is never written
            if self.catalog.get(file.src_uri) is None:  # a PRD has its PRD001 finding already
                log.warning(
                    terminal_text(
                        f"{file.src_uri}: {copy.problem}; the page is built from a decoded copy "
                        "(hint: save the file as UTF-8)"
                    )
                )

    def _render_dependents(self, files: Files) -> None:
        """In a dirty build, have MkDocs render again every page whose plugin output changed
        because another page changed (see :mod:`.dirty`)."""
        reports = self.pages.reports if self.pages is not None else {}
        inputs = {
            prd.path: digest(self.catalog.findings_for(prd.path), reports.get(prd.path))
            for prd in self.catalog
        }
        if self.site_index is not None:
            rows = digest(self.site_index.rows)
            for file in files.documentation_pages():
                if file.src_uri in inputs or file.abs_src_path is None:
                    continue
                data = _bytes_of(file)
                if file.src_uri == self.site_index.index_page or (data and MARKER_NAME.encode() in data):
                    inputs[file.src_uri] = rows
        for src in force_render(files, self.dependents.changed(inputs)):
            log.debug(f"{src} is rendered again: a page it shows changed")

    def _log_findings(self) -> None:
        # Once per build, from the catalog just rebuilt: a serve rebuild never repeats
        # a finding that is gone.  Errors and warnings go out as MkDocs warnings so
        # `mkdocs build --strict` fails on them.
        for level, message in finding_log(self.catalog):
            log.log(level, message)
        for message in self.catalog.trace.messages:
            # Info, not warning: a report missing before the tests ran must not fail `--strict`.
            log.info(f"warning: {message}")

    def _history(self, files: Files, config: MkDocsConfig) -> dict[str, PrdHistory]:
        """Every PRD's history from git, asked once for the whole site (issue 16)."""
        from mkdocs_prd.core.review.history import collect_history  # (git's modules: only with history on)

        current: dict[str, tuple[str | None, bytes]] = {}
        for prd in self.catalog:
            file = _file(files, prd.path)
            if file is None or file.generated_by is not None:
                continue  # a generated page has no history in git
            try:
                current[prd.path] = (prd.status, file.content_bytes)
            except OSError:
                continue
        result = collect_history(config.docs_dir, current, self.settings.approved_statuses)
        if result.problem:
            # Info, not a warning: a shallow CI clone must not fail `--strict` builds.
            log.info(f"No PRD history on the pages: {result.problem}")
        return dict(result.histories)

    # --- PRD pages (issue 4) and the PRD index (issue 5) -------------------------

    def _prepare_site(self, files: Files, config: MkDocsConfig) -> None:
        """The stylesheet, the page renderer and the index of this build (shared core:
        :func:`~mkdocs_prd.html.site.render_site`, as the Markdown extension uses it)."""
        show = self.config.show_findings == "always" or (
            self.config.show_findings == "serve" and self.command == "serve"
        )
        renderer = Renderer(
            Labels(self.settings.labels),
            override_dirs(config.theme.custom_dir),
            material=config.theme.name == "material",
            # Titles in the index as their H1 shows them: the site's own Markdown extensions.
            titles=Titles(title_markup(config.markdown_extensions, config.mdx_configs)),
        )
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        site = render_site(
            self.catalog,
            renderer,
            index_settings(self.config, self.settings, base_dir, config.site_name),
            read_text=lambda src: _read_text(files, src),
            url_of=lambda src: _url_of(files, src),
            show_findings=show,
            repo=repo_links(config.repo_url, config.edit_uri),
            features=features_from_extensions(self.settings.markdown_extensions or (), config.mdx_configs),
            histories=self.histories,
        )
        self.pages, self.site_index = site.pages, site.index
        # A site file at the stylesheet's path replaces ours (an override); else ours is generated,
        # with a colour for each status of the site and its merged indexes.
        if files.get_file_from_path(CSS_URI) is None:
            statuses = (*self.settings.statuses, *(row.status for row in site.index.rows))
            css = stylesheet(self.config.status_colors, statuses, self.settings.approved_name)
            files.append(File.generated(config, CSS_URI, content=css))
        for message in site.warnings:
            log.warning(message)
        for message in site.notes:
            # Info, not warning: another site being down must not fail `--strict` builds.
            log.info(f"warning: {message}")
        if self.config.nav_status:
            # Tooltips of Material's page-status icons; the site's own definitions win.
            titles = status_titles(self.catalog, renderer.labels)
            config.extra["status"] = {**titles, **(config.extra.get("status") or {})}

    # After Material's blog (-50) has included its posts again: a PRD whose page is still
    # excluded (a draft post) is not rendered, so the index must not link to it.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.site_index is not None:
            gone = still_excluded(files, (prd.path for prd in self.catalog), serve=self.command == "serve")
            if gone:
                self.site_index.rows = tuple(r for r in self.site_index.rows if r.src_path not in gone)
        return nav

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # A PRD's first lines are its text, never MultiMarkdown metadata (a setext title
        # ``PRD: X`` over ``===`` would vanish): see :mod:`.meta_lines`.
        prd = self.catalog.get(page.file.src_uri)
        if prd is None:
            return None
        try:
            source = page.file.content_string
        except Exception:  # MkDocs reads it again and reports what is wrong
            return None
        # Read once: MkDocs gets this text instead of reading the file again, and
        # on_page_markdown maps line numbers with it.
        self._sources[page.file.src_uri] = source
        if any(p.code == "yaml" and p.message == CUT_SHORT for p in prd.problems):
            # Front matter whose aliases expand too far (PRD001 says so): MkDocs builds the
            # page without it, as after a YAML error (the theme would print it for ever).
            return without_front_matter(source) or source
        return keep_first_lines(source) or source

    # After the plugins that render or rewrite the page's Markdown (mkdocs-macros, include
    # plugins, a git date's {{ git_revision_date_localized }}) wherever they are listed:
    # the card shows the page's values as rendered, and nothing renders our fragments.
    @event_priority(-50)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        markdown = self._index_markdown(markdown, page)
        source = self._sources.pop(page.file.src_uri, None)
        self.lists.active = False
        if self.pages is None:
            return markdown
        prd = self.catalog.get(page.file.src_uri)
        if prd is None:
            return markdown  # not a PRD: the page stays exactly as it was
        material_meta(
            page.meta, prd.status, nav_status=self.config.nav_status, defined=config.extra.get("status") or {}
        )
        self.lists.active = True
        try:
            if source is None:
                source = page.file.content_string
            out = self.pages.markdown(page.file.src_uri, markdown, source)
        except RenderError as exc:
            raise PluginError(terminal_text(f"prd: {page.file.src_uri}: {exc}")) from exc
        shown = self.pages.shown.get(page.file.src_uri)
        if shown is not None and self.site_index is not None:
            # The index page (generated, so rendered after the site's pages) and prd-index.json
            # show the values the PRD's page shows.
            self.site_index.rows = tuple(
                with_shown_values(r, shown, self.catalog.statuses) if r.src_path == shown.path else r
                for r in self.site_index.rows
            )
        return out

    def _index_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the index page (unless the site has its own there) and the index's browser files."""
        page = self.config.index_page
        if self.site_index is not None and page is not None and files.get_file_from_path(page) is None:
            # In a language build of mkdocs-static-i18n, the page goes below the language's folder.
            generated = File.generated(config, page, content=self.site_index.page_markdown())
            prefix = language_prefix(config)
            if prefix:
                generated.dest_uri = prefix + generated.dest_uri
            files.append(generated)
        for name in INDEX_ASSETS:
            if files.get_file_from_path(f"{ASSET_DIR}/{name}") is not None:
                continue  # the site's own copy (`mkdocs-prd assets`) is served
            with open(os.path.join(ASSETS_DIR, name), "rb") as fd:
                files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=fd.read()))
        return files

    def _index_markdown(self, markdown: str, page: Page) -> str:
        if self.site_index is None:
            return markdown
        src = page.file.src_uri
        if MARKER_NAME not in markdown and src != self.site_index.index_page:
            return markdown
        source = page.file.content_string
        # Markers are reported at their line in the file, front matter included.
        offset = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
        result = self.site_index.prepare_markdown(src, markdown, offset)
        for problem in result.problems:
            log.warning(f"{src}:{problem.line}: {problem.message}")
        return result.markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.pages is not None:
            # PRD fragments: their words now (for search plugins), their HTML in on_post_page.
            html = self.pages.html(page.file.src_uri, html)
            rename_toc_ids(page, self.pages.heading_ids.pop(page.file.src_uri, {}))
            views = self.pages.trace_views
            html = fill_matrix(html, lambda: render_matrix(views, page.file.url, self.settings.statuses))
        # After Markdown: markers in code blocks are escaped text by now and stay examples.
        if self.site_index is None:
            return html
        pages, src = self.pages, page.file.src_uri
        return self.site_index.fill(page.file.url, html, (lambda h: pages.defer(src, h)) if pages else None)

    # After search plugins (priority 0) have taken the page's words: the fragments' HTML
    # goes into ``page.content`` (a few kilobytes) before the theme renders the page,
    # rather than into the finished page (with its whole navigation) in on_post_page.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.pages is not None and page.content:
            page.content = self.pages.output(page.file.src_uri, page.content)
            if self.catalog.get(page.file.src_uri) is not None:
                note_anchors(page, page.content)
        return context

    # Early, so the page is complete before other plugins post-process it (minifiers).
    # Only what on_page_context could not place is left (a theme without page.content).
    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.pages is None:
            return output
        if self.catalog.get(page.file.src_uri) is None:
            return self.pages.output(page.file.src_uri, self.pages.foreign(output))  # a post's excerpt
        output = self.pages.output(page.file.src_uri, output)
        if not page.content:  # a theme without page.content: the anchors are known only now
            note_anchors(page, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site_index is None or self.config.json_export is None:
            return
        # One export per language build of mkdocs-static-i18n, beside that language's pages.
        export = language_prefix(config) + self.config.json_export
        path = os.path.join(config.site_dir, *export.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fd:
            fd.write(self.site_index.export_text(config.site_name, config.site_url))


EXTENSION_NAMES: frozenset[str] = frozenset({"mkdocs_prd.extension", "mkdocs_prd.adapters.markdown"})
"""The names under which ``markdown_extensions`` may list the PRD Markdown extension."""


def _drop_extension(config: MkDocsConfig) -> None:
    """Take the PRD Markdown extension out of this build: the plugin renders the PRD pages.

    A site that lists both (one ``mkdocs.yml`` for MkDocs and Zensical) gets each
    fragment once, from the plugin, which also adds the index page and stylesheet.
    """
    kept = [
        ext
        for ext in config.markdown_extensions
        if not (isinstance(ext, str) and ext in EXTENSION_NAMES)
        and not type(ext).__module__.startswith("mkdocs_prd.adapters.markdown")
    ]
    if len(kept) != len(config.markdown_extensions):
        config.markdown_extensions[:] = kept
        for name in EXTENSION_NAMES:
            config.mdx_configs.pop(name, None)
        log.debug("the prd plugin renders the PRD pages here; mkdocs_prd.extension is left out")


def _leave_out_unnamed(files: Files) -> None:
    """Remove each file whose name is not UTF-8 (no URL can name it: MkDocs would stop with
    a traceback), with one warning per file naming it, so the build goes on."""
    for file in [f for f in files if not is_encodable(f.src_uri)]:
        files.remove(file)
        name = terminal_text(file.src_uri)
        log.warning(f"{name}: the file name is not UTF-8; left out of the site (rename it)")


def _leave_out_loops(files: Files, config: MkDocsConfig) -> None:
    """Remove the copies of the site MkDocs listed through a folder link that is a loop
    (``docs/prds/loop -> .``: it stops copying them with "Too many levels of symbolic
    links"), with one warning per loop naming it, so the build goes on."""
    loops, copies = loop_copies(files, config.docs_dir)
    for file in copies:
        files.remove(file)
    for loop in loops:
        log.warning(terminal_text(loop_message(loop, build=True)))


def _file(files: Files, src_path: str) -> File | None:
    """The file at ``src_path`` (a ``src_uri``): a dictionary lookup, where
    ``Files.get_file_from_path`` builds a path object at each of a site's many calls."""
    file = files.src_uris.get(src_path)
    return file if file is not None else files.get_file_from_path(src_path)


def _url_of(files: Files, src_path: str) -> str:
    file = _file(files, src_path)
    return file.url if file is not None else src_path


def _read_text(files: Files, src_path: str) -> str | None:
    file = _file(files, src_path)
    if file is None:
        return None
    try:
        return file.content_string
    except Exception:  # any file another plugin made; MkDocs reports it if it matters
        return None  # an unreadable report is the render module's finding to report, not ours


def _page_bytes(pages: Iterable[File], undecodable: list[tuple[File, bytes]]) -> Iterator[tuple[str, bytes]]:
    """``(src_uri, bytes)`` of every page of ``pages`` that has bytes; the pages MkDocs
    cannot read as UTF-8 are also put in ``undecodable``."""
    for file in pages:
        data = _bytes_of(file)
        if data is None:
            continue
        if host_cannot_read(data):
            undecodable.append((file, data))
        yield file.src_uri, data


def _bytes_of(file: File) -> bytes | None:
    """A page's bytes, or None when it has none to give.

    Other plugins add pages without a source file (``File.generated`` with content, or
    virtual pages filled in later); those without content, and files that vanished
    or cannot be read, are not PRDs to us and must not stop the build.
    """
    try:
        data = file.content_bytes
    except Exception:  # MkDocs asserts, a plugin's File subclass may raise anything
        return None
    return data if isinstance(data, bytes) else None


def language_prefix(config: MkDocsConfig) -> str:
    """``"fr/"`` while mkdocs-static-i18n builds its French pages, else ``""``.

    That plugin builds the site once per language, the other languages below a folder
    named after their locale; the pages we generate must follow.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "is_default_language_build", True):
        return ""
    locale = getattr(i18n, "current_language", None)
    return f"{locale}/" if isinstance(locale, str) and locale and "/" not in locale else ""
