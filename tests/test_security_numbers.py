"""Numbers a document writes that no float holds: a figure of 400 digits (float() gives
infinity), ``NaN``, ``inf``, ``Infinity``.  Wherever a number is read from a PRD, its
IOSM report or another site's index (IOSM-Index, gate targets, actuals, the charts),
such a value is no number: the build goes on, no ``nan``/``inf`` reaches a style or an
SVG coordinate, and lint says what is wrong instead of a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site
from index_sites import prd_text

from mkdocs_prd.core.numbers import finite_number
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.core.sitewide.index import group_rows, index_rows, sort_rows
from mkdocs_prd.core.sitewide.listing import ListingSpec
from mkdocs_prd.html.index_html import IndexOptions, render_listing

HUGE = "1" + "0" * 400
HUGE_PERCENT = "9" * 400 + "%"
VALUES = (HUGE, HUGE_PERCENT, "NaN", "inf", "-Infinity", "1e999")


def hostile_prd(i: int, value: str) -> str:
    text = prd_text(f"N{i}", track=f"n-{i}")
    text = text.replace("**Current baseline:** 0.65", f"**Current baseline:** {value}")
    text = text.replace("**Target post-implementation:** 0.82", f"**Target post-implementation:** {value}")
    return text.replace("- P95 latency: ≤200ms", f"- P95 latency: ≤{value}ms")


@pytest.mark.parametrize("text", [*VALUES, "1e308", "0x10", "½"])
def test_finite_number_is_a_float_or_none(text: str) -> None:
    number = finite_number(text)
    assert number is None or number == 1e308


def test_a_build_with_numbers_no_float_holds_goes_on(tmp_path: Path) -> None:
    files = {"index.md": "# Home\n\n<!-- prd-index -->\n"}
    for i, value in enumerate(VALUES):
        files[f"prds/n{i}/PRD.md"] = hostile_prd(i, value)
        files[f"prds/n{i}/iosm_report.md"] = (
            f"# IOSM Report\n\n**Baseline Index:** {value}\n**Final Index:** {value}\n"
        )
    site = build_site(tmp_path, files, {"show_findings": "always"})
    pages = {p: p.read_text(encoding="utf-8") for p in site.site_dir.rglob("*.html")}
    assert len([p for p in pages if p.parent.name == "PRD"]) == len(VALUES)
    numbers = re.compile(r'(?:style|width|x|x1|x2|left)="([^"]*)"')
    for path, html in pages.items():
        bad = [v for v in numbers.findall(html) if re.search(r"nan|inf", v, re.IGNORECASE)]
        assert bad == [], (path, bad)


def test_lint_reads_them_as_no_number() -> None:
    for i, value in enumerate(VALUES[:-1]):  # "1e999" reads as its first number, 1
        catalog = build_catalog([("p.md", hostile_prd(i, value).encode())], Settings())
        prd = catalog.get("p.md")
        assert prd is not None and prd.iosm.index is not None
        assert prd.iosm.index.target is not None and prd.iosm.index.target.value is None, value


# Python's int() refuses a run of more than 4,300 digits (ValueError), where float() gives inf.
LONG_DIGITS = "9" * 5000


@pytest.mark.parametrize(
    "where",
    ["version", "front matter version", "track id", "title", "owner"],
)
def test_a_run_of_digits_past_ints_limit_is_read_and_sorted(where: str) -> None:
    long = f"1.{LONG_DIGITS}" if "version" in where else f"x-{LONG_DIGITS}"
    values = {"version": long} if where == "version" else {}
    values |= {"track": long} if where == "track id" else {}
    values |= {"owner": f"Ana {long}, Bo"} if where == "owner" else {}
    text = prd_text(long if where == "title" else "Long", **values)  # type: ignore[arg-type]
    if where == "front matter version":
        text = f"---\nversion: '{long}'\n---\n" + text
    other = prd_text("Other 7", track=f"x-{LONG_DIGITS}8", version="1.0", owner=f"Ana {long}")
    catalog = build_catalog([("a.md", text.encode()), ("b.md", other.encode())], Settings())
    assert catalog.get("a.md") is not None
    assert not [f for f in catalog.all_findings() if "Traceback" in f.message]
    rows = index_rows(catalog.prds, lambda src: src)
    for key in ("track_id", "title", "date", "status"):
        assert len(sort_rows(rows, key)) == 2
    assert {r.src_path for g in group_rows(rows, "owner") for r in g.rows} == {"a.md", "b.md"}
    html = render_listing(rows, ListingSpec(), IndexOptions(), link=lambda r: r.url)
    assert "prd-index" in html
