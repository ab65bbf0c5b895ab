"""Lone surrogates: a file name that is not UTF-8 (Python holds its bytes as U+DC80-U+DCFF)
or a ``"\\ud800"`` in another site's JSON.  No UTF-8 stream can carry one: every output
of the plugin and the CLI must still be written, never end in a UnicodeEncodeError."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
from conftest import build_site
from hypothesis import given, settings
from hypothesis import strategies as st
from index_sites import prd_text

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.safe import encodable, is_encodable, strip_controls, terminal_lines, terminal_text
from mkdocs_prd.core.sitewide.portfolio import merge_rows, parse_sources

BAD_NAME = b"prds/bad\xff\xfe name.md"

pytestmark = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the file system refuses names that are not UTF-8"
)


def test_each_kind_of_text_handles_lone_surrogates() -> None:
    text = "a\udcffb\ud800c"
    assert terminal_text(text) == "a\\xffb\\ud800c"  # the byte of a file name, the code otherwise
    assert strip_controls(text) == "a\ufffdb\ufffdc"
    assert encodable(text) == "a\ufffdb\ufffdc"
    assert not is_encodable(text) and is_encodable("ǅ 多言語 \U0001f680")
    for kept in ("plain", "ǅ 多言語 \U0001f680"):
        assert terminal_text(kept) == strip_controls(kept) == encodable(kept) == kept


def write_site(root: Path) -> Path:
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "prds" / "good.md").write_text(prd_text("Good", track="good"), encoding="utf-8")
    with open(os.fsencode(docs) + b"/" + BAD_NAME, "w", encoding="utf-8") as fd:
        fd.write(prd_text("Bad", track="bad"))
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab"])
def test_lint_writes_every_format_to_a_strict_utf8_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(write_site(tmp_path))
    out = io.BytesIO()
    # What a terminal or pipe is under a UTF-8 locale: strict, unlike pytest's capture.
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", errors="strict"))
    assert main(["lint", "--no-cache", "--format", fmt]) == 1
    sys.stdout.flush()
    text = out.getvalue().decode("utf-8")
    # The page is reported as the build treats it: left out, for its name.
    assert "PRD001" in text and "not UTF-8" in text
    assert ("bad\\xff\\xfe name.md" if fmt in ("text", "github") else "bad\ufffd\ufffd name.md") in text
    if fmt in ("json", "gitlab"):
        assert json.loads(text)


def test_the_build_leaves_the_page_out_and_goes_on(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s")
    site = build_site(root, {}, {})
    assert (site.site_dir / "prds" / "good" / "index.html").is_file()
    assert any("bad\\xff\\xfe name.md: the file name is not UTF-8" in m for m in site.messages())
    export = json.loads((site.site_dir / "prd-index.json").read_text(encoding="utf-8"))
    assert [p["track_id"] for p in export["prds"]] == ["good"]


def test_merged_text_with_lone_surrogates_is_put_right() -> None:
    data = {
        "schema_version": 2,
        "site_name": "Other \udcff",
        "prds": [{"title": "R\ud800", "owner": "o\udfff", "status": "Draft\udc80", "url": "x/"}],
    }
    loaded = merge_rows(data, parse_sources(["other.json"])[0])
    (row,) = loaded.rows
    for value in (row.title, row.owner, row.status, row.site):
        assert value is not None and is_encodable(value), value
    assert row.title == "R\ufffd"
    assert any("entry 1 title 'R\\ud800' is not valid Unicode; put right" in m for m in loaded.messages)


ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),  # every code point, lone surrogates included
        st.sampled_from("\x1b\x07\r\n\t\x00\x9b\u202e\u2066\x7f\ud800\udcff"),
    ),
    max_size=60,
)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=ANY_TEXT)
def test_every_text_leaves_each_sink_safe(text: str) -> None:
    assert not CONTROL.search(terminal_text(text))
    assert not CONTROL.search(strip_controls(text))
    encodable(text).encode("utf-8")  # never raises
    shown = terminal_lines(text)
    shown.encode("utf-8")
    # Only line breaks (a CR only right before its LF) and tabs are left.
    assert not CONTROL.search(shown.replace("\r\n", "").replace("\n", "").replace("\t", ""))
    if not CONTROL.search(text):
        assert terminal_text(text) == strip_controls(text) == encodable(text) == shown == text
