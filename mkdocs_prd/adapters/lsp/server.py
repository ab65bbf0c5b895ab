"""``mkdocs-prd lsp``: a language server for PRDs over stdio, on pygls.

What an author gets in the editor:

* diagnostics for the open PRD while typing (debounced by :data:`DEBOUNCE_SECONDS`),
  exactly the findings ``mkdocs-prd lint`` reports, with the site's settings and its
  other PRDs (duplicate Track IDs);
* a hover on a finding's line: rule id, severity, what the rule checks, the hint;
* code actions: each finding's safe fix (quick fix) and "fix all" for the page
  (``source.fixAll``), the same edits as ``mkdocs-prd lint --fix``;
* completion of the site's statuses on the Status line, and of the other PRDs'
  Track IDs elsewhere.

The site (``mkdocs.yml`` in the workspace root, or ``-f``) is read once at
``initialize`` into a :class:`~mkdocs_prd.core.sitewide.context.SiteContext`; each
change, save, close and watched-file event updates one page of it.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from mkdocs_prd import __version__
from mkdocs_prd.adapters.lsp.convert import SOURCE, DocumentLines, diagnostic, hover_text
from mkdocs_prd.adapters.mkdocs.config import ConfigurationError
from mkdocs_prd.adapters.mkdocs.site import CONFIG_FILES, SiteConfig, load_site_config, site_pages
from mkdocs_prd.core.fix import fix_text
from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.parse.header import field_being_written
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.context import SiteContext

DEBOUNCE_SECONDS = 0.3
"""How long the author must pause before a changed page is checked again."""
MAX_DEBOUNCE_SECONDS = 10.0
"""The longest pause the client's ``initializationOptions.debounce`` may ask for."""


def _field_line(name: str) -> re.Pattern[str]:
    """The start of a line that gives field ``name`` (a regex): ``**Status:**``, ``status:``
    (front matter), or the label cell of a metadata table, ``| **Status** |``.  For the forms
    the header parser does not read on one line (the table cell, an empty ``status:``);
    every other form is read as the parser reads it (``field_being_written``)."""
    label = rf"(?:\*\*{name}:?\*\*:?|{name}\s*:)"
    cell = rf"\|\s*(?:\*\*{name}:?\*\*:?|{name}:?)\s*\|"
    return re.compile(rf"^\s*(?:{label}|{cell})", re.IGNORECASE)


_STATUS_LINE = _field_line("status")
_TRACK_LINE = _field_line("track[ _-]?id")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"


@dataclass
class Checked:
    """The last check of one open document."""

    version: int | None
    text: str
    path: str
    findings: list[Finding]


class PrdLanguageServer(LanguageServer):
    """The server, with the site context and the latest findings per open document."""

    def __init__(self, config_file: str | None = None) -> None:
        super().__init__("mkdocs-prd", __version__)
        self.config_file = config_file
        self.context = SiteContext(Settings())
        self.site: SiteConfig | None = None
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = DEBOUNCE_SECONDS

    # --- the site --------------------------------------------------------------------

    def load_site(self, root: str | None) -> None:
        """Read the site's config (``-f``, else the first of :data:`CONFIG_FILES` in ``root``:
        ``mkdocs.yml`` ... ``properdocs.yaml``, as ``mkdocs-prd lint`` looks) and parse the
        site's PRDs once.  Without one, an editor message says the defaults are used."""
        config = self.config_file or _find_config(root)
        if config is None:
            self.context = SiteContext(Settings())
            if root:  # said, as a site's own settings (rules turned off ...) are not used
                names = ", ".join(CONFIG_FILES)
                text = f"mkdocs-prd: no {names} in {root}; checking with the default settings"
                hint = " (start the server with -f path/to/mkdocs.yml to name one)"
                self.window_show_message(types.ShowMessageParams(types.MessageType.Info, text + hint))
            return
        try:
            site = load_site_config(config)
        except (ConfigurationError, OSError) as exc:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"mkdocs-prd: {exc}; using default settings")
            )
            self.context = SiteContext(Settings())
            return
        self.site = site
        # The build's pages, collected as the CLI collects them: the editor sees what the build sees.
        self.context = SiteContext.load(site.docs_dir, site.settings, site.pages)

    def refresh_pages(self) -> None:
        """Collect the site's pages again (a file was created or deleted on disk)."""
        if self.site is not None:
            self.context.pages = frozenset(site_pages(self.site.site)[0])

    def page_path(self, uri: str) -> tuple[str, bool]:
        """The finding path for ``uri`` and whether the site checks it at all.

        Inside ``docs_dir``, pages out of the ``paths`` scope are not PRDs of the site.
        """
        file = to_fs_path(uri) or uri
        relative = self.context.relative(file)
        if relative is not None:
            # Not a page of the build (exclude_docs, draft_docs, templates/, out of `paths`): not checked.
            return relative, self.context.path_of(file) is not None
        return os.path.relpath(file) if os.path.isabs(file) else file, True

    # --- checking --------------------------------------------------------------------

    def check(self, uri: str) -> Checked:
        """Check the open document at ``uri`` now (updating the site with its text)."""
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        path, in_site = self.page_path(uri)
        previous = self.context.prds.get(path)
        before = previous.track_id if previous is not None else None
        findings: list[Finding] = []
        if in_site:
            prd = self.context.update(path, text) if self.context.path_of(to_fs_path(uri) or "") else None
            findings = self.context.check(path, text)
            after = prd.track_id if prd is not None else None
            if before != after:
                # Another open page may have gained or lost a duplicate Track ID.
                for other in list(self.checked):
                    if other != uri:
                        self.schedule(other, 0.0)
        checked = Checked(doc.version, text, path, findings)
        self.checked[uri] = checked
        lines = DocumentLines(text, doc.position_codec)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, [diagnostic(f, lines) for f in findings], doc.version)
        )
        return checked

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check ``uri`` after the author pauses (a new change restarts the wait)."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce if delay is None else delay, self._run, uri)

    def _run(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if uri in self.workspace.text_documents:
            self.check(uri)

    def is_open(self, uri: str) -> bool:
        """Whether the editor has opened ``uri``.  Requests about any other document (a file
        that does not exist, a folder, ``untitled:`` or ``http:`` URIs, a path with a NUL)
        get an empty answer: pygls would read the URI's path from disk and fail with an
        internal error (or read ``/etc/passwd``)."""
        return uri in self.workspace.text_documents

    def current(self, uri: str) -> Checked:
        """The findings for the document's current text (checked now if it changed since)."""
        doc = self.workspace.get_text_document(uri)
        checked = self.checked.get(uri)
        if checked is None or checked.text != doc.source:
            checked = self.check(uri)
        return checked


def client_debounce(options: object, default: float) -> float:
    """The pause ``initializationOptions`` ask for (``{"debounce": 0.5}``), in 0-10 s; ``default``
    when they ask for none or for something that is no number (NaN, ``true``, ``"1"``).  A
    pause of ``1e999`` (JSON reads it as infinity) would hold every check for ever."""
    asked = options.get("debounce") if isinstance(options, dict) else None
    if not isinstance(asked, (int, float)) or isinstance(asked, bool) or asked != asked:
        return default
    return min(MAX_DEBOUNCE_SECONDS, max(0.0, float(asked)))


def _find_config(root: str | None) -> str | None:
    if not root:
        return None
    for name in CONFIG_FILES:
        path = os.path.join(root, name)
        if os.path.isfile(path):
            return path
    return None


def build_server(config_file: str | None = None) -> PrdLanguageServer:
    """The language server with every feature registered (start it with ``start_io()``)."""
    server = PrdLanguageServer(config_file)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PrdLanguageServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        ls.debounce = client_debounce(options, ls.debounce)
        root = ls.workspace.root_path
        if not root and params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        ls.load_site(root)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PrdLanguageServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        dynamic = watch.did_change_watched_files if watch is not None else None
        if dynamic is not None and dynamic.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern="**/*.md")]
            )
            registration = types.Registration(
                "mkdocs-prd-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options
            )
            await ls.client_register_capability_async(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PrdLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PrdLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PrdLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PrdLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.checked.pop(uri, None)
        path = ls.context.path_of(to_fs_path(uri) or "")
        if path is not None:
            ls.context.reload(path)  # unsaved edits are gone: the site is what is on disk
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PrdLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.type != types.FileChangeType.Changed for change in params.changes):
            ls.refresh_pages()  # a page created or deleted: the build's page list changed
        for change in params.changes:
            if change.uri in ls.workspace.text_documents:
                continue  # the editor's buffer is the truth for open pages
            path = ls.context.path_of(to_fs_path(change.uri) or "")
            if path is None:
                continue
            if change.type == types.FileChangeType.Deleted:
                ls.context.forget(path)
            else:
                ls.context.reload(path)
        for uri in list(ls.checked):
            ls.schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PrdLanguageServer, params: types.HoverParams) -> types.Hover | None:
        if not ls.is_open(params.text_document.uri):
            return None
        checked = ls.current(params.text_document.uri)
        line = params.position.line + 1
        here = [f for f in checked.findings if f.line == line]
        if not here:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.PlainText, hover_text(here, RULES)))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    def code_action(ls: PrdLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        if not ls.is_open(uri):
            return []
        checked = ls.current(uri)
        doc = ls.workspace.get_text_document(uri)
        lines = DocumentLines(checked.text, doc.position_codec)
        first, last = params.range.start.line + 1, params.range.end.line + 1
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        if wanted is None or types.CodeActionKind.QuickFix in wanted:
            for f in checked.findings:
                if f.fix is None or not first <= f.line <= last:
                    continue
                actions.append(
                    types.CodeAction(
                        title=f"{f.fix.title} ({f.rule})",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic(f, lines)],
                        edit=types.WorkspaceEdit(changes={uri: lines.text_edits(f.fix)}),
                        is_preferred=True,
                    )
                )
        if wanted is None or any(k.startswith(types.CodeActionKind.SourceFixAll) for k in wanted):
            fixed = fix_text(checked.text, checked.path, ls.context.settings)
            if fixed.changed:
                actions.append(
                    types.CodeAction(
                        title=f"Fix all safe {SOURCE} findings",
                        kind=types.CodeActionKind.SourceFixAll,
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(lines.whole(), fixed.text)]}),
                    )
                )
        return actions

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " "]))
    def completion(ls: PrdLanguageServer, params: types.CompletionParams) -> types.CompletionList:
        if not ls.is_open(params.text_document.uri):
            return types.CompletionList(is_incomplete=False, items=[])
        doc = ls.workspace.get_text_document(params.text_document.uri)
        line_text = doc.lines[params.position.line] if params.position.line < len(doc.lines) else ""
        column = doc.position_from_client_units(params.position).character
        before = line_text[:column]
        return types.CompletionList(
            is_incomplete=False, items=completions(ls, params.text_document.uri, before)
        )

    return server


def completions(ls: PrdLanguageServer, uri: str, before: str) -> list[types.CompletionItem]:
    """Statuses on the Status line; elsewhere (not on the page's own Track ID line) the
    other PRDs' Track IDs that start with the word being typed."""
    field = field_being_written(before)
    if field == "status" or (field is None and _STATUS_LINE.match(before)):
        return [
            types.CompletionItem(s, kind=types.CompletionItemKind.EnumMember, detail="status")
            for s in ls.context.settings.statuses
        ]
    if field == "track_id" or (field is None and _TRACK_LINE.match(before)):
        return []  # its own Track ID must be new: offering the others' would make duplicates
    prefix = _word_before(before).casefold()
    own, _ = ls.page_path(uri)
    items = []
    for path, track_id in sorted(ls.context.track_ids().items()):
        if path != own and track_id.casefold().startswith(prefix):
            items.append(
                types.CompletionItem(
                    track_id, kind=types.CompletionItemKind.Reference, detail=f"Track ID of {path}"
                )
            )
    return items


def _word_before(before: str) -> str:
    """The Track ID being typed: the letters, digits, ``.``, ``_`` and ``-`` just before the
    cursor.  Read backwards from the cursor, so a line of 100,000 characters costs one pass
    (a regex ``[...]*$`` searched forwards tries each start: quadratic)."""
    return before[len(before.rstrip(_WORD_CHARS)) :]


def main(config_file: str | None = None) -> None:
    """Serve over stdin/stdout until the client exits."""
    build_server(config_file).start_io()
