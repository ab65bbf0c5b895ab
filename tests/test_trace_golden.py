"""Golden tests of site-wide requirement ids, anchors and references.

Each folder under ``tests/golden/trace/`` is a small site of PRDs; ``expected.txt``
lists the qualified ids with their anchors, every reference with what it resolves
to, the PRD6xx findings, and the rewritten Markdown lines (anchors and reference
links) of each page.  ``PRD_UPDATE_GOLDEN=1`` rewrites the expected files; review
every change by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog, markdown_files
from mkdocs_prd.core.trace import qualified_ids
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer

GOLDEN = Path(__file__).parent / "golden" / "trace"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
UPDATE = os.environ.get("PRD_UPDATE_GOLDEN") == "1"


def describe(folder: Path) -> str:
    catalog = build_catalog(markdown_files(str(folder)), Settings())
    trace = catalog.trace
    out = ["ids:"]
    for t in trace.items.values():
        r = t.req
        out.append(f"  {r.path}:{r.line} {r.qualified} #{r.anchor} {r.kind} {r.priority or '-'} {r.name!r}")
    out.append("refs:")
    for path, refs in trace.refs.items():
        for x in refs:
            target = f"{x.target.path}#{x.target.anchor}" if x.target else "unknown"
            linked = " (already a link)" if x.ref.linked else ""
            out.append(f"  {path}:{x.ref.line}:{x.ref.start} {x.ref.text} -> {target}{linked}")
    out.append("referenced by:")
    for t in trace.items.values():
        if t.referencing_paths():
            out.append(f"  {t.req.qualified} <- {', '.join(t.referencing_paths())}")
    out.append("findings:")
    for f in catalog.all_findings():
        if f.rule.startswith("PRD6"):
            out.append(f"  {f.path}:{f.line}: {f.severity.value} {f.rule} {f.message}")
            out.append(f"      hint: {f.hint}")
    out.append("markdown:")
    pages = PageRenderer(catalog, Renderer(), show_findings=False)
    for prd in catalog:
        source = (folder / prd.path).read_text(encoding="utf-8")
        markdown = pages.markdown(prd.path, source, source)
        # Priority badges, anchors and links are held as per-build placeholders: show the HTML.
        for token, html in pages._pending.get(prd.path, {}).items():
            if token.startswith(("prdinline", "prdtag")):
                markdown = markdown.replace(token, html)
        for line in markdown.splitlines():
            if "prd-anchor" in line or "prd-ref" in line:
                out.append(f"  {prd.path}: {line}")
    assert qualified_ids(catalog) == sorted(trace.items)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("case", CASES)
def test_trace_golden(case: str) -> None:
    folder = GOLDEN / case
    got = describe(folder)
    expected = folder / "expected.txt"
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
