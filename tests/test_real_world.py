"""Real PRDs written outside this project: the swarm-iosm demo track, and the drift kinds of issue 12.

The demo track (``tests/golden/rules/cases/realworld-swarm-iosm-demo-track``) is
copied from github.com/rokoss21/swarm-iosm (MIT licence, kept beside it).  Its golden
``expected.txt`` holds its findings; here a real build checks what the page, the index
page and ``prd-index.json`` show of its ``iosm_report.md``, and that table cells are
split as Python-Markdown splits them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import Site, build_site
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.tables import TableProcessor

from mkdocs_prd.core.parse.cells import split_row
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.report import parse_report, plain_value
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog

DEMO = Path(__file__).parent / "golden" / "rules" / "cases" / "realworld-swarm-iosm-demo-track"

# Both index lines of a swarm-iosm report, the second one in Markdown with a status mark.
MARKDOWN_REPORT = """# IOSM Quality Gate Report

**Final IOSM-Index:** **0.85** ✅

| Gate | Target | Baseline | Final | Status | Δ |
|------|--------|----------|-------|--------|---|
| **Gate-I** (Improve) | ≥0.75 | 0.72 | **0.89** ✅ | ✅ PASS | +0.17 |
"""

PIPE_IOSM = """| Gate | Baseline | Target | Expected Δ |
|------|----------|--------|-----------|
| **Gate-I** | 0.72 | ≥0.75 | +0.03 |
| **Gate-O** | `X-Cache: HIT|MISS` wrong | All pass | Fix tests |
| **Gate-M** | Pass | Pass | No new circular deps |
| **Gate-S** | N/A | N/A | No API surface change |
"""


def demo_files() -> dict[str, str]:
    prd = (DEMO / "PRD.md").read_text(encoding="utf-8")
    piped = prd.replace(
        "| **Gate-O** | 2 tests failing | All pass | Fix + add cache integration tests |",
        "| **Gate-O** | `X-Cache: HIT|MISS` wrong | All pass | Fix tests |",
    ).replace("**Track ID:** demo-add-caching", "**Track ID:** demo-pipes")
    assert piped != prd
    return {
        "index.md": "# Home\n",
        "tracks/demo/PRD.md": prd,
        "tracks/demo/iosm_report.md": (DEMO / "iosm_report.md").read_text(encoding="utf-8"),
        "tracks/md/PRD.md": prd.replace("**Track ID:** demo-add-caching", "**Track ID:** demo-md"),
        "tracks/md/iosm_report.md": MARKDOWN_REPORT,
        "tracks/pipes/PRD.md": piped,
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("realworld"), demo_files(), {})


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_demo_track_has_no_subsection_finding_and_reads_its_index() -> None:
    data = (DEMO / "PRD.md").read_bytes()
    findings = build_catalog([("PRD.md", data)], Settings()).all_findings()
    assert "PRD204" not in {f.rule for f in findings}
    report = parse_report((DEMO / "iosm_report.md").read_text(encoding="utf-8"))
    assert report.final_index is not None and report.final_index.raw == "0.85"
    assert report.final_index.value == pytest.approx(0.85)
    assert (DEMO / "LICENSE").read_text().startswith("MIT License")


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("**0.85** ✅", "0.85"),
        ("0.78 (PASS)", "0.78"),
        ("`0.9` ❌ FAIL", "0.9"),
        ("_0.81_ ⚠️", "0.81"),
        ("[0.83](runs/42.html)", "0.83"),
        ("All pass", "All pass"),  # a word is the value here
        ("✅", "✅"),  # a marker alone is the value
        ("snake_case_metric", "snake_case_metric"),
    ],
)
def test_report_values_are_plain(written: str, plain: str) -> None:
    assert plain_value(written) == plain


def test_markdown_report_index_is_plain_on_page_index_and_json(site: Site) -> None:
    page = text_of(site.html("tracks/md/PRD/index.html"))
    assert "Actual 0.85" in page and "**0.85**" not in page
    data = json.loads((site.site_dir / "prd-index.json").read_text(encoding="utf-8"))
    actual = {p["src_path"]: p["iosm"]["actual"] for p in data["prds"]}
    assert actual["tracks/md/PRD.md"] == "0.85"
    assert actual["tracks/demo/PRD.md"] == "0.85"
    index = text_of(site.html("prds/index.html"))
    assert "0.85" in index and "**" not in index and "✅" not in index


def test_pipe_in_code_span_keeps_every_cell_on_the_page(site: Site) -> None:
    page = text_of(site.html("tracks/pipes/PRD/index.html"))
    assert "Fix tests" in page and "X-Cache: HIT|MISS" in page
    prd = parse_prd((DEMO / "PRD.md").read_text(encoding="utf-8").replace("2 tests failing", "`a|b`"), "p.md")
    gate_o = next(t for t in prd.iosm.targets if t.gate == "O")
    assert gate_o.raw == "All pass"


def test_iosm_table_with_a_column_it_cannot_show_is_left_as_written() -> None:
    table = (
        PIPE_IOSM.replace("| Expected Δ |", "| Expected Δ | Owner |")
        .replace("|-----------|", "|-----------|---|")
        .replace("| +0.03 |", "| +0.03 | Dana |")
    )
    text = f"# PRD: x\n\n## 10. IOSM Targets\n\n{table}"
    prd = parse_prd(text, "p.md")
    assert {t.gate for t in prd.iosm.targets} == {"I", "O", "M", "S"}  # still read for the rules
    assert not prd.iosm.understood  # so the page keeps the author's table, Owner column included
    assert parse_prd(f"# PRD: x\n\n## 10. IOSM Targets\n\n{PIPE_IOSM}", "p.md").iosm.understood


def markdown_cells(row: str, border: bool) -> list[str]:
    processor = TableProcessor(markdown.Markdown().parser, {"use_align_attribute": False})
    processor.border = border
    return [c.strip() for c in processor._split_row(row.strip())]


@given(st.text(alphabet="a|`\\ ", max_size=24))
@settings(max_examples=400, deadline=None)
def test_cells_split_exactly_as_python_markdown(row: str) -> None:
    if "|" not in row.strip():
        return
    ours = split_row(row)
    assert ours is not None
    border = row.strip().startswith("|") or bool(re.search(r"(?<!\\)(?:\\\\)*\|$", row.strip()))
    theirs = markdown_cells(row, border)
    assert len(ours) == len(theirs)
    for mine, cell in zip(ours, theirs, strict=True):
        if "\\|" not in cell:
            assert mine == cell


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| a | `X-Cache: HIT|MISS` | c |", ["a", "`X-Cache: HIT|MISS`", "c"]),
        (r"| Retry \| give up | M | L |", ["Retry | give up", "M", "L"]),
        (r"| `a\|b` | c |", [r"`a\|b`", "c"]),  # inside code the backslash stays
        ("| ``a|b`` | `c | d |", ["``a|b``", "`c", "d"]),  # an unclosed tick pairs with nothing
        ("a | b", ["a", "b"]),
    ],
)
def test_cell_examples(row: str, cells: list[str]) -> None:
    assert split_row(row) == cells


def test_cells_split_in_linear_time_on_hostile_rows() -> None:
    # 20,000 unmatched backtick runs of growing length: the extension's own pairing is
    # quadratic here; ours must finish at once.
    row = "|" + " ".join("`" * (i % 50 + 1) + "|" for i in range(20_000))
    assert len(split_row(row) or []) > 1
