"""Several owners of one PRD (``Kim Lee, Raj Patel`` or two ``**Owner:**`` lines) are
separate people in the index's Owner filter, listing markers and ``group_by: owner``;
the findings column sorts by what it shows (errors, then warnings; infos are not shown)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site
from render_sites import prd_text
from test_browser_render import open_page
from timing import GROWTH, assert_linear

from mkdocs_prd.core.sitewide.index import (
    MAX_OWNER_GROUPS,
    FindingCounts,
    IndexRow,
    filter_rows,
    group_rows,
    owner_names,
)
from mkdocs_prd.core.sitewide.listing import ListingSpec
from mkdocs_prd.html.index_html import IndexOptions, render_listing


@pytest.mark.parametrize(
    ("owner", "names"),
    [
        ("Kim Lee, Raj Patel", ("Kim Lee", "Raj Patel")),
        ("Mei Tanaka (Product), Luis Ortega (Design)", ("Mei Tanaka (Product)", "Luis Ortega (Design)")),
        ("Ana (PM, Payments); Bo", ("Ana (PM, Payments)", "Bo")),
        ("Kim Lee / Payments", ("Kim Lee / Payments",)),
        ("Research & Development", ("Research & Development",)),
        ("Kim, kim, ", ("Kim",)),
        ("", ()),
        (None, ()),
        # Filler is nobody: no Owner option, no group of its own.
        ("TBD", ()),
        ("Kim Lee, TBD", ("Kim Lee",)),
        ("{{ owner }}", ()),
        ("???; Ana", ("Ana",)),
        ("To be determined", ()),
        ("TODO: ask Raj", ()),
        ("Todd Lee, Tobias", ("Todd Lee", "Tobias")),
    ],
)
def test_owner_names(owner: str | None, names: tuple[str, ...]) -> None:
    assert owner_names(owner) == names


NONE = FindingCounts()


def _row(src: str, owner: str, findings: FindingCounts = NONE) -> IndexRow:
    return IndexRow(title=src.upper(), url=src, src_path=src, owner=owner, findings=findings)


ROWS = [_row("a.md", "Kim Lee, Raj Patel"), _row("b.md", "raj patel"), _row("c.md", "Ana")]


def test_filter_and_group_by_each_owner() -> None:
    assert [r.src_path for r in filter_rows(ROWS, owners=["Raj Patel"])] == ["a.md", "b.md"]
    assert [r.src_path for r in filter_rows(ROWS, owners=["kim lee, raj patel"])] == ["a.md"]  # as written
    groups = {g.key: [r.src_path for r in g.rows] for g in group_rows(ROWS, "owner")}
    assert groups == {"Ana": ["c.md"], "Kim Lee": ["a.md"], "Raj Patel": ["a.md", "b.md"]}


def test_owner_options_are_people_and_findings_sort_as_shown() -> None:
    rows = [*ROWS, _row("d.md", "Zoe", FindingCounts(0, 0, 5))]
    out = render_listing(rows, ListingSpec(), IndexOptions(), link=lambda r: r.url)
    select = out[
        out.index('data-prd-filter="owner"') : out.index("</select>", out.index('data-prd-filter="owner"'))
    ]
    assert re.findall(r"<option value=\"([^\"]*)\">", select) == ["", "ana", "kim lee", "raj patel", "zoe"]
    assert 'data-prd-owner="kim lee;raj patel"' in out
    # "0 / 0" with 5 infos sorts like any other "0 / 0".
    sorts = re.findall(r'data-label="Errors / warnings"[^>]*data-prd-sort="(\d+)"', out)
    assert len(sorts) == len(rows) and set(sorts) == {"0"}


@pytest.mark.browser
def test_owner_filter_in_the_browser(chromium: Any, tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "prds/a.md": prd_text("Alpha", track="alpha-1", owner="Kim Lee, Raj Patel"),
        "prds/b.md": prd_text("Beta", track="beta-2", owner="Raj Patel"),
    }
    site = build_site(tmp_path, files, {}, config={"use_directory_urls": False})
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        shown = "(rows) => rows.filter(r => !r.hidden).map(r => r.querySelector('a').textContent.trim())"
        page.select_option('select[data-prd-filter="owner"]', "raj patel")
        assert page.eval_on_selector_all("table[data-prd-table] tbody tr", shown) == ["Alpha", "Beta"]
        page.select_option('select[data-prd-filter="owner"]', "kim lee")
        assert page.eval_on_selector_all("table[data-prd-table] tbody tr", shown) == ["Alpha"]
    finally:
        page.close()


@pytest.mark.browser
def test_grouped_by_owner_counts_prds_not_rows(chromium: Any, tmp_path: Path) -> None:
    # A PRD of two owners has a row in each owner's group: the count says 3 PRDs, not 4
    # rows; a filler owner is no group and no Owner option.
    files = {
        "index.md": "# Home\n",
        "prds/a.md": prd_text("Alpha", track="alpha-1", owner="Dana Kim, Identity team"),
        "prds/b.md": prd_text("Beta", track="beta-2", owner="Dana Kim"),
        "prds/c.md": prd_text("Gamma", track="gamma-3", owner="TBD"),
    }
    site = build_site(tmp_path, files, {"group_by": "owner"}, config={"use_directory_urls": False})
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        count = "[data-prd-count]"
        assert page.locator("table[data-prd-table] tbody tr").count() == 4
        assert page.inner_text(count) == "3 of 3 PRDs shown"
        options = page.eval_on_selector_all(
            'select[data-prd-filter="owner"] option', "os => os.map(o => o.value)"
        )
        assert options == ["", "dana kim", "identity team"]
        groups = page.eval_on_selector_all(".prd-index__group", "hs => hs.map(h => h.textContent.trim())")
        assert groups == ["Dana Kim (2)", "Identity team (1)", "No owner (1)"]
        page.fill('input[data-prd-filter="text"]', "alpha")
        assert page.inner_text(count) == "1 of 3 PRDs shown"  # two rows, one PRD
        page.fill('input[data-prd-filter="text"]', "")
        page.select_option('select[data-prd-filter="owner"]', "dana kim")
        assert page.inner_text(count) == "2 of 3 PRDs shown"
        assert not page.errors
    finally:
        page.close()


def _many_owners(n: int) -> list[IndexRow]:
    return [_row("a.md", ", ".join(f"Person {i}" for i in range(n))), _row("b.md", "Person 3")]


def test_ten_thousand_owners_stay_linear() -> None:
    # Each group repeats the whole row (its owner cell too), so a PRD listed under each of
    # n owners made the page grow with n squared (500 owners: 9.7 MB, 5 s); and each name
    # was compared with all names before it.
    assert len(owner_names(", ".join(f"P{i}" for i in range(10_000)))) == 10_000
    groups = group_rows(_many_owners(1000), "owner")
    assert len(groups) == MAX_OWNER_GROUPS
    assert [r.src_path for r in groups[3].rows] == ["a.md", "b.md"]  # Person 3, by name
    n = 250
    assert_linear(
        "group_by: owner with n owners",
        lambda: render_listing(
            _many_owners(n), ListingSpec(), IndexOptions(group_by="owner"), link=lambda r: r.url
        ),
        lambda: render_listing(
            _many_owners(GROWTH * n), ListingSpec(), IndexOptions(group_by="owner"), link=lambda r: r.url
        ),
    )
    assert_linear(
        "owner names",
        lambda: owner_names(", ".join(f"P{i}" for i in range(20 * n))),
        lambda: owner_names(", ".join(f"P{i}" for i in range(20 * GROWTH * n))),
    )
