"""Real ``mkdocs build``s with traceability: the project of ``trace_project.py`` (pytest's
own JUnit report plus a jest-junit one), and a site without the ``trace`` option."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import build_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from trace_project import REFUNDS, make_project, run_pytest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("traced")
    config_file = make_project(root)
    run_pytest(root)
    cfg = load_config(str(config_file))
    build(cfg)
    return root / "site" / "build"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_card_shows_verified_coverage_per_priority(built: Path) -> None:
    html = (built / "prds" / "refunds" / "index.html").read_text(encoding="utf-8")
    card = html[html.index('class="prd-card"') : html.index("prd-card__stat--questions")]
    assert "Must 1 of 3 verified" in text_of(card)
    assert "Should 1 of 1 verified" in text_of(card)
    # Anchors on the page for every id, and the page's own traceability table.
    for anchor in ("fr-1", "fr-2", "fr-3", "nfr-1", "ac-1"):
        assert f'id="{anchor}"' in html
    table = html[html.index('<div class="prd-trace">') :]
    table = table[: table.index("</table>")]
    assert "Ledger postings" in table and 'href="../ledger/"' in table
    assert 'href="https://github.com/acme/shop/blob/main/src/refunds.py#L9"' in table
    assert "test_amounts_never_negative" in table


def test_reference_between_prds_is_a_link_with_the_name_as_title(built: Path) -> None:
    html = (built / "prds" / "ledger" / "index.html").read_text(encoding="utf-8")
    assert '<a class="prd-ref" href="../refunds/#fr-1" title="Issue a refund">pay-refunds:FR-1</a>' in html


def test_matrix_page(built: Path) -> None:
    html = (built / "prds" / "traceability" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr data-prd-status="([^"]*)" data-prd-priority="([^"]*)" data-prd-state="([^"]*)">', html
    )
    assert rows == [
        ("draft", "must", "skipped"),
        ("approved", "must", "verified"),
        ("approved", "must", "failing"),
        ("approved", "should", "verified"),
        ("approved", "must", "untested"),
        ("approved", "", "verified"),
    ]
    coverage = text_of(html[html.index("prd-trace-matrix__coverage") : html.index("prd-index__controls")])
    assert "Must: 1 of 4 verified (25%)" in coverage
    assert "Should: 1 of 1 verified (100%)" in coverage
    assert "assets/prd/prd-index.js" in html


def test_without_trace_option_the_card_and_findings_do_not_change(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"prds/refunds.md": REFUNDS}, {})
    html = site.html("prds/refunds/index.html")
    assert "verified" not in text_of(
        html[html.index('class="prd-card"') : html.index("prd-card__stat--questions")]
    )
    assert 'class="prd-trace"' not in html  # nothing references it: no table
    assert not (site.site_dir / "prds" / "traceability").exists()
    assert not [m for m in site.messages(logging.INFO) if "PRD602" in m or "PRD603" in m]
    assert 'id="fr-1"' in html


def test_json_export_has_requirement_records_and_validates(built: Path) -> None:
    import json

    import jsonschema

    from mkdocs_prd.core.sitewide.export import load_schema

    data = json.loads((built / "prd-index.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["schema_version"] == 2
    refunds = next(p for p in data["prds"] if p["src_path"] == "prds/refunds.md")
    assert refunds["verified"] == {"verified": 2, "total": 4}
    fr2 = next(r for r in refunds["trace"] if r["id"] == "pay-refunds:FR-2")
    assert fr2["url"] == "prds/refunds/#fr-2" and fr2["state"] == "failing" and fr2["priority"] == "Must"
    assert sorted((t["name"], t["outcome"]) for t in fr2["tests"]) == [
        ("test_amounts", "passed"),
        ("test_amounts_never_negative", "failed"),
    ]
    index = (built / "prds" / "index.html").read_text(encoding="utf-8")
    assert 'data-prd-col="verified"' in index and "2 of 4" in text_of(index)


def test_merged_portfolios_accept_versions_1_and_2() -> None:
    from mkdocs_prd.core.sitewide.portfolio import IndexSource, merge_rows

    entry = {"title": "A", "url": "a/", "src_path": "a.md"}
    v1 = merge_rows({"schema_version": 1, "prds": [entry]}, IndexSource("one.json"))
    assert [r.title for r in v1.rows] == ["A"] and v1.rows[0].verified is None
    v2 = merge_rows(
        {
            "schema_version": 2,
            "prds": [
                {**entry, "verified": {"verified": 3, "total": 5}, "trace": [{"id": "x:FR-1"}]},
                {**entry, "title": "B", "verified": {"verified": "3", "total": -1}},
                {**entry, "title": "C", "verified": None},
            ],
        },
        IndexSource("two.json"),
    )
    assert [(r.title, r.verified) for r in v2.rows] == [("A", (3, 5)), ("B", (0, 0)), ("C", None)]
    assert merge_rows({"schema_version": True, "prds": []}, IndexSource("t.json")).messages
    newer = merge_rows({"schema_version": 3, "prds": []}, IndexSource("t.json"))
    assert "expected 1 or 2" in newer.messages[0]
