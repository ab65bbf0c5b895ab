"""hosts.md's "one mkdocs.yml for every host" recipe: the index page written by
``mkdocs-prd index --format markdown`` and committed at ``index_page``; MkDocs with the
plugin then shows the index once (the live one), not the static copy plus the live one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site
from render_sites import prd_text

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.sitewide.listing import FULL_MARKER, unwrap_generated, wrap_generated

FILES = {
    "index.md": "# Home\n",
    "prds/a.md": prd_text("Alpha", track="alpha-1"),
    "prds/b.md": prd_text("Beta", track="beta-2", status="Draft"),
}


def test_committed_markdown_export_is_replaced_not_appended(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "s"
    build_site(root, FILES, {})  # writes mkdocs.yml and docs/; a first build, index generated
    assert main(["index", "--format", "markdown", "-f", str(root / "mkdocs.yml")]) == 0
    export = capsys.readouterr().out
    assert export.count("data-prd-table") == 1
    page = {**FILES, "prds/index.md": export + "\nWritten by the team after the index.\n"}
    site = build_site(root, page, {})
    html = (site.site_dir / "prds" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-prd-table") == 1 and html.count('class="prd-index__totals"') == 1
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate element ids"
    assert "Written by the team after the index." in html  # the author's own text stays
    assert (root / "docs" / "prds" / "index.md").read_text(encoding="utf-8").startswith(export)  # untouched


def test_unwrap_keeps_lines_examples_and_unclosed_blocks() -> None:
    block = "\n".join(wrap_generated(["<div>x</div>", "<p>y</p>"]))
    text = f"# Index\n{block}\nafter\n"
    out = unwrap_generated(text)
    assert out.count(FULL_MARKER) == 1 and "<div>x</div>" not in out
    assert out.count("\n") == text.count("\n") and out.endswith("after\n")
    example = f"```markdown\n{block}\n```\n"
    assert unwrap_generated(example) == example  # documentation showing the export
    unclosed = text.replace("<!-- prd-index:end -->", "")
    assert unwrap_generated(unclosed) == unclosed  # no end: nothing the author wrote is dropped
