"""`mkdocs-prd lsp`, driven over stdio by pygls' own language client in a real subprocess.

The server runs as an editor starts it (``python -m mkdocs_prd.adapters.cli.main lsp``
in the workspace).  Diagnostics are compared with ``lint()`` on the same files.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.lint import lint

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
TIMEOUT = 20.0
T = TypeVar("T")


def write_site(root: Path, pages: dict[str, str]) -> None:
    (root / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - prd:\n      statuses: [Draft, In Review, Approved, Implemented]\n",
        encoding="utf-8",
    )
    for rel, text in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class Session:
    """A client connected to a server subprocess, collecting published diagnostics per uri."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.client = LanguageClient("mkdocs-prd-tests", "1")
        self.diagnostics: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics.setdefault(params.uri, []).append(params)
            self.arrived.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

    async def start(self) -> None:
        await self.client.start_io(sys.executable, "-m", "mkdocs_prd.adapters.cli.main", "lsp", cwd=self.root)
        watched = types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    workspace=types.WorkspaceClientCapabilities(did_change_watched_files=watched)
                ),
                root_uri=from_fs_path(str(self.root)),
                initialization_options={"debounce": 0.05},
            )
        )
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def uri(self, rel: str) -> str:
        uri = from_fs_path(str(self.root / "docs" / rel))
        assert uri is not None
        return uri

    def open(self, rel: str, text: str) -> str:
        uri = self.uri(rel)
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def wait_for(
        self, uri: str, accept: Callable[[types.PublishDiagnosticsParams], bool]
    ) -> list[types.Diagnostic]:
        """The first published diagnostics for ``uri`` (from now on or already received) that ``accept``."""

        async def poll() -> list[types.Diagnostic]:
            while True:
                for params in reversed(self.diagnostics.get(uri, [])):
                    if accept(params):
                        return list(params.diagnostics)
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(poll(), TIMEOUT)


def run_session(root: Path, body: Callable[[Session], Awaitable[T]]) -> T:
    async def go() -> T:
        session = Session(root)
        await session.start()
        try:
            return await body(session)
        finally:
            await session.stop()

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result()


def as_findings(diagnostics: list[types.Diagnostic]) -> list[tuple[int, Any, str]]:
    return sorted((d.range.start.line + 1, d.code, d.message.split("\n")[0]) for d in diagnostics)


def version(v: int) -> Callable[[types.PublishDiagnosticsParams], bool]:
    return lambda params: params.version == v


def test_diagnostics_equal_the_lint_findings_with_the_site_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (
        CLEAN.replace("**Date:** 2026-02-03", "**Date:** 3 February 2026")
        .replace("## 9. Rollout", "## 11. Rollout")
        .replace("**Status:** Approved", "**Status:** in-review")
    )
    other = CLEAN.replace("# PRD: Saved Payment Methods", "# PRD: Other")  # same Track ID: PRD106
    write_site(tmp_path, {"prds/a.md": page, "prds/b.md": other, "index.md": "# Home\n"})
    monkeypatch.chdir(tmp_path)
    from mkdocs_prd.adapters.mkdocs.site import load_site_config

    site = load_site_config(str(tmp_path / "mkdocs.yml"))
    expected = lint(["docs/prds/a.md"], site.settings, site.docs_dir).findings

    async def body(s: Session) -> list[types.Diagnostic]:
        uri = s.open("prds/a.md", page)
        return await s.wait_for(uri, version(1))

    diagnostics = run_session(tmp_path, body)
    assert {f.rule for f in expected} >= {"PRD102", "PRD103", "PRD106", "PRD202"}
    assert as_findings(diagnostics) == sorted((f.line, f.rule, f.message) for f in expected)
    by_rule = {d.code: d for d in diagnostics}
    # A finding with a fix points at the text the fix replaces (0-based line, UTF-16 columns).
    date = by_rule["PRD103"].range
    assert (date.start.line, date.start.character, date.end.character) == (3, 10, 10 + len("3 February 2026"))
    assert by_rule["PRD103"].severity == types.DiagnosticSeverity.Error
    assert by_rule["PRD106"].source == "mkdocs-prd"


def test_edit_quick_fix_hover_completion_and_site_updates(tmp_path: Path) -> None:
    write_site(tmp_path, {"prds/a.md": CLEAN, "prds/b.md": CLEAN.replace("saved-payment-methods", "other")})

    async def body(s: Session) -> dict[str, Any]:
        uri = s.open("prds/a.md", CLEAN)
        assert await s.wait_for(uri, version(1)) == []
        edited = CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026/02/03  ")
        s.change(uri, 2, edited)
        found = await s.wait_for(uri, version(2))
        assert [d.code for d in found] == ["PRD103"]
        actions = await s.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                found[0].range,
                types.CodeActionContext(diagnostics=found),
            )
        )
        assert actions is not None
        quick = [
            a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix
        ]
        assert len(quick) == 1 and quick[0].title == "Write `2026-02-03` (PRD103)"
        assert quick[0].edit is not None and quick[0].edit.changes is not None
        fixed = apply_edits(edited, quick[0].edit.changes[uri])
        assert fixed == CLEAN.replace(
            "**Date:** 2026-02-03", "**Date:** 2026-02-03  "
        )  # trailing blanks kept
        s.change(uri, 3, fixed)
        after = await s.wait_for(uri, version(3))
        hover_line = CLEAN.splitlines().index("**Status:** Approved")
        s.change(uri, 4, fixed.replace("**Status:** Approved", "**Status:** approved-"))
        await s.wait_for(uri, version(4))
        hover = await s.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(hover_line, 3))
        )
        status_items = await s.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(hover_line, 12))
        )
        other_items = await s.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
        )
        # The same fields in a metadata table: statuses in the Status row, nothing in the
        # Track ID row (fresh5 item 29: the Status row offered Track IDs).
        table = "# PRD: Table\n\n| Field | Value |\n|---|---|\n| **Status** | In Re\n| Track ID | t\n"
        uri_t = s.open("prds/table.md", table)
        in_table = {
            row: await s.client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(uri_t), types.Position(row, column))
            )
            for row, column in ((4, 19), (5, 14))
        }
        s.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri_t))
        )
        result = {"after": after, "hover": hover, "status": status_items, "other": other_items}
        result["table"] = in_table
        await site_updates(s, tmp_path, uri, fixed)
        return result

    result = run_session(tmp_path, body)
    assert result["after"] == []
    hover = result["hover"]
    assert isinstance(hover, types.Hover) and isinstance(hover.contents, types.MarkupContent)
    assert "PRD102 (error)" in hover.contents.value
    assert "Status is not one of the site's statuses" in hover.contents.value  # the rule's description
    assert "Fix: Did you mean `Approved`?" in hover.contents.value  # the hint
    assert "Quick fix available: Write `Approved`" in hover.contents.value
    assert [i.label for i in result["status"].items] == ["Draft", "In Review", "Approved", "Implemented"]
    assert [i.label for i in result["other"].items] == ["other"]  # the other PRD's Track ID, not its own
    assert [i.label for i in result["table"][4].items] == ["Draft", "In Review", "Approved", "Implemented"]
    assert not result["table"][5].items


async def site_updates(s: Session, root: Path, uri: str, text: str) -> None:
    """The site follows changes of other pages: on disk (the file watcher) and in the editor."""
    s.change(uri, 5, text)
    assert await s.wait_for(uri, version(5)) == []
    # A new file on disk with the same Track ID, announced by the editor's file watcher.
    (root / "docs" / "prds" / "c.md").write_text(CLEAN, encoding="utf-8")
    s.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=s.uri("prds/c.md"), type=types.FileChangeType.Created)]
        )
    )
    found = await s.wait_for(uri, lambda p: bool(p.diagnostics) and p.version == 5)
    assert [d.code for d in found] == ["PRD106"] and "prds/c.md" in found[0].message
    # Open c.md and give it its own Track ID while typing: a.md's duplicate goes away.
    uri_c = s.open("prds/c.md", CLEAN)
    await s.wait_for(uri_c, version(1))
    s.diagnostics.pop(uri, None)
    s.change(uri_c, 2, CLEAN.replace("saved-payment-methods", "renamed"))
    assert await s.wait_for(uri, lambda p: not p.diagnostics) == []


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits to ASCII text with ``\\n`` line ends (columns are characters then)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line
        line = lines[start.line]
        lines[start.line] = line[: start.character] + edit.new_text + line[end.character :]
    return "\n".join(lines)


def test_lsp_without_pygls_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a)
    )
    assert main(["lsp"]) == 2
    assert "pip install 'mkdocs-prd[lsp]'" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml", None])
def test_the_server_reads_the_config_lint_reads(tmp_path: Path, name: str | None) -> None:
    """Every config name ``mkdocs-prd lint`` finds (a ProperDocs site's rule settings were
    ignored); without one the editor is told that the defaults are used."""
    from mkdocs_prd.adapters.lsp.server import PrdLanguageServer

    write_site(tmp_path, {"prds/a.md": CLEAN.replace("**Version:** 1.2", "**Version:** v1.2")})
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - prd:\n      rules: {PRD104: 'off'}\n", encoding="utf-8")
    if name is None:
        config.unlink()
    else:
        config.rename(tmp_path / name)
    server = PrdLanguageServer()
    shown: list[types.ShowMessageParams] = []
    server.window_show_message = shown.append  # type: ignore[method-assign]
    server.load_site(str(tmp_path))
    path = str(tmp_path / "docs" / "prds" / "a.md")
    rules = {f.rule for f in lint([path], server.context.settings, str(tmp_path / "docs")).findings}
    if name is None:
        assert "PRD104" in rules
        assert [m.type for m in shown] == [types.MessageType.Info]
        assert "default settings" in shown[0].message and "properdocs.yml" in shown[0].message
    else:
        assert "PRD104" not in rules and not shown
