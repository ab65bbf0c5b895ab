"""The language server under hostile documents, over stdio with a real client: each one
gets its diagnostics (a finding, never a crash or silence), hovers and code actions
answer on it, and the server still serves an ordinary page afterwards."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from test_lsp import CLEAN, Session, run_session, version, write_site

# Each level refers to the one before twice: 2**40 values if the aliases were expanded.
ALIASES = "a0: &a0 [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 40))
HOSTILE = {
    "nul.md": CLEAN.replace("## 1. Problem", "## 1. Pro\x00blem\x00"),
    "surrogate.md": CLEAN.replace("**Status:** Approved", "**Status:** Appr\ud800oved\udcff"),
    "cr.md": CLEAN.replace("\n", "\r"),
    "mixed.md": CLEAN.replace("\n\n", "\r\n\r"),
    "bidi.md": CLEAN.replace("**Owner:**", "**Owner:** \u202e\x1b]0;x\x07"),
    # The second line ends in a blank, where the completion below asks: no word typed.
    "long-line.md": CLEAN + "x" * 300_000 + "\n" + "x" * 100_000 + " \n",
    "deep-list.md": CLEAN + "".join("  " * i + "- a\n" for i in range(500)),  # 250 kB
    "deep-quote.md": CLEAN + ">" * 20_000 + " a\n",
    "yaml-broken.md": "---\ntitle: [unclosed\n  : - :\n---\n" + CLEAN,
    "yaml-aliases.md": "---\n" + ALIASES + "---\n" + CLEAN,
    "utf16-read-as-latin1.md": CLEAN.encode("utf-16").decode("latin-1"),
    "empty.md": "",
}


def test_hostile_documents_get_diagnostics_and_the_server_goes_on(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": "# Home\n"})

    async def body(s: Session) -> dict[str, object]:
        got: dict[str, object] = {}
        for name, text in HOSTILE.items():
            # Each its own Track ID: no page's check waits on the others' (PRD106).
            uri = s.open(f"prds/{name}", text.replace("saved-payment-methods", name[:-3]))
            got[name] = await s.wait_for(uri, version(1))
            hover = await s.client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
            )
            actions = await s.client.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(uri),
                    types.Range(types.Position(0, 0), types.Position(3, 0)),
                    types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
                )
            )
            lines = text.split("\n")
            last = len(lines) - 2  # the last line ending in "\n", at its end
            at_end = types.Position(last, len(lines[last])) if last >= 0 else types.Position(0, 0)
            completion = await asyncio.wait_for(
                s.client.text_document_completion_async(
                    types.CompletionParams(types.TextDocumentIdentifier(uri), at_end)
                ),
                10,  # the word before the cursor was searched for from each start: 30 s CPU
            )
            assert completion is None or isinstance(completion, (types.CompletionList, list))
            assert hover is None or isinstance(hover, types.Hover)
            assert actions is None or isinstance(actions, (list, tuple))
            # Closed again, so it is not checked again with every later page (a new Track ID
            # elsewhere re-checks the open pages).
            s.client.text_document_did_close(
                types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
            )
        uri = s.open("prds/ordinary.md", CLEAN.replace("**Status:** Approved", "**Status:** Shipped"))
        got["ordinary"] = await s.wait_for(uri, version(1))
        return got

    got = run_session(tmp_path, body)
    assert [d.code for d in got["ordinary"]] == ["PRD102"]  # type: ignore[attr-defined]
    codes = {name: {d.code for d in found} for name, found in got.items()}  # type: ignore[attr-defined]
    assert "PRD102" in codes["surrogate.md"]
    assert "PRD001" in codes["yaml-aliases.md"] and "PRD001" in codes["yaml-broken.md"]


def test_requests_about_documents_never_opened_get_empty_answers(tmp_path: Path) -> None:
    # pygls reads a document it was not given from its URI's path: a missing file, a folder,
    # an untitled: or http: URI or a NUL in the path answered hover, code actions and
    # completion with an internal error (a traceback in the editor's log), and a file
    # outside the site (/etc/passwd) was read and got the site's Track ID completions.
    write_site(tmp_path, {"index.md": "# Home\n", "prds/a.md": CLEAN})
    (tmp_path / "docs" / "folder").mkdir()

    async def body(s: Session) -> dict[str, object]:
        got: dict[str, object] = {}
        uris = [
            s.uri("prds/missing.md"),
            s.uri("folder"),
            "untitled:Untitled-1",
            s.uri("prds/a") + "%00.md",
            "http://example.com/a.md",
            "file:///etc/passwd",
            s.uri("prds/a.md"),  # on disk, in the site, but not opened
        ]
        for uri in uris:
            doc = types.TextDocumentIdentifier(uri)
            hover = await s.client.text_document_hover_async(types.HoverParams(doc, types.Position(6, 0)))
            actions = await s.client.text_document_code_action_async(
                types.CodeActionParams(
                    doc,
                    types.Range(types.Position(0, 0), types.Position(40, 0)),
                    types.CodeActionContext(diagnostics=[]),
                )
            )
            completion = await s.client.text_document_completion_async(
                types.CompletionParams(doc, types.Position(6, 12))
            )
            got[uri] = (hover, list(actions or []), list(completion.items) if completion else [])
        text = CLEAN.replace("saved-payment-methods", "ordinary")
        text = text.replace("**Status:** Approved", "**Status:** Shipped")
        uri = s.open("prds/ordinary.md", text)
        got["ordinary"] = await s.wait_for(uri, version(1))
        got["ordinary hover"] = await s.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(6, 0))
        )
        return got

    got = run_session(tmp_path, body)
    assert [d.code for d in got.pop("ordinary")] == ["PRD102"]  # type: ignore[attr-defined]
    assert isinstance(got.pop("ordinary hover"), types.Hover)
    assert all(answer == (None, [], []) for answer in got.values()), got
