"""The index page in a real browser (Debian's Chromium via Playwright): sort by a column
heading, filter by a status badge, check the visible order and count; with and without
Material's instant navigation, with the site served under a sub-path."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from index_sites import build_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
SUBPATH = "docs"  # the site is served under /docs/, as on a project page

VISIBLE_TITLES = """els => els.filter(r => !r.hidden && !r.closest('table').hidden)
    .map(r => r.querySelector('td').textContent.trim())"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def sample_build(root: Path, instant: bool, base: str) -> Path:
    """The sample site built into ``root/www/docs``; with ``navigation.instant`` when asked."""
    config = yaml.safe_load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(SAMPLE / config.get("docs_dir", "docs"))
    if instant:
        config["theme"]["features"] = [*config["theme"].get("features", []), "navigation.instant"]
        config["site_url"] = base  # Material only loads instantly when it knows the site's URL
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site_dir = root / "www" / SUBPATH
    build_site(config_file, site_dir)
    return site_dir


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "instant"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path, bool]]:
    """(base URL of the site, its site_dir, instant navigation on?) on 127.0.0.1, a free port."""
    root = tmp_path_factory.mktemp("browser-index")
    handler = functools.partial(_Quiet, directory=str(root / "www"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # bound first: the build needs its URL
    base = f"http://127.0.0.1:{httpd.server_address[1]}/{SUBPATH}/"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    try:
        site_dir = sample_build(root, request.param, base)
        thread.start()
        yield base, site_dir, request.param
    finally:
        if thread.is_alive():
            httpd.shutdown()
            thread.join(timeout=5)
        httpd.server_close()


def open_index(chromium: Any, base: str, instant: bool) -> Any:
    """A page showing the PRD index; reached by a click in the navigation under instant loading."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    if not instant:
        page.goto(base + "prds/")
    else:
        page.goto(base)
        page.evaluate("window.__stayed = true")  # survives only if no full page load happens
        page.locator('a.md-nav__link[href$="prds/"]').first.click()
        page.wait_for_url(base + "prds/")
        assert page.evaluate("window.__stayed === true"), "instant navigation did a full page load"
    # The full index, not the home page's Approved listing: under instant loading the URL
    # changes before the content is swapped, and that listing is ready too.
    page.wait_for_selector("[data-prd-index]:not(.prd-index--listing)[data-prd-ready]")
    return page


def titles(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("table[data-prd-table] tbody tr", VISIBLE_TITLES))


def count_text(page: Any) -> str:
    return str(page.text_content("[data-prd-count]")).strip()


def test_sort_by_heading_and_filter_by_status_badge(chromium: Any, served: tuple[str, Path, bool]) -> None:
    base, site_dir, instant = served
    prds = json.loads((site_dir / "prd-index.json").read_text(encoding="utf-8"))["prds"]
    total = len(prds)
    page = open_index(chromium, base, instant)

    assert len(titles(page)) == total and count_text(page) == f"{total} of {total} PRDs shown"
    heading = page.locator('th[data-prd-col="title"] button')
    heading.click()
    by_title = sorted((p["title"] for p in prds), key=str.casefold)
    assert titles(page) == by_title
    assert page.get_attribute('th[data-prd-col="title"]', "aria-sort") == "ascending"
    assert page.get_attribute('th[data-prd-col="track_id"]', "aria-sort") is None
    heading.click()
    assert titles(page) == by_title[::-1]
    assert page.get_attribute('th[data-prd-col="title"]', "aria-sort") == "descending"

    approved = [p["title"] for p in prds if (p["status"] or "").lower() == "approved"]
    assert approved, "the sample site has approved PRDs"
    chip = page.locator('.prd-index__status-filter[data-prd-value="approved"]')
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    assert titles(page) == sorted(approved, key=str.casefold, reverse=True)
    assert count_text(page) == f"{len(approved)} of {total} PRDs shown"
    assert page.input_value('select[data-prd-filter="status"]') == "approved"
    chip.click()  # again: the filter is off
    assert len(titles(page)) == total

    # Free text and owner narrow further; the title link leads to a real page under the sub-path.
    first = prds[0]
    page.fill('input[data-prd-filter="text"]', first["title"].lower())
    assert titles(page) == [first["title"]]
    page.fill('input[data-prd-filter="text"]', "")
    page.select_option('select[data-prd-filter="owner"]', first["owner"].lower())
    assert first["title"] in titles(page) and len(titles(page)) < total
    page.get_by_role("link", name=first["title"], exact=True).first.click()
    page.wait_for_url(base + first["url"])
    assert page.locator("h1").first.is_visible()
    assert page.errors == []
    page.close()


def test_init_is_idempotent_across_navigation(chromium: Any, served: tuple[str, Path, bool]) -> None:
    base, _, instant = served
    page = open_index(chromium, base, instant)
    # Leave and come back (instantly when enabled): one click must still sort once.
    page.go_back() if instant else page.goto(base)
    page.go_forward() if instant else page.goto(base + "prds/")
    page.wait_for_selector("[data-prd-index]:not(.prd-index--listing)[data-prd-ready]")
    assert page.locator("th[data-prd-col] button.prd-index__sort button").count() == 0
    assert page.locator('th[data-prd-col="title"] > button').count() == 1
    page.locator('th[data-prd-col="title"] button').click()
    assert page.get_attribute('th[data-prd-col="title"]', "aria-sort") == "ascending"
    assert page.errors == []
    page.close()
