"""Real ``zensical build``s: the sample site and a site with findings, through the extension.

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugins; the sample site also lists
``mkdocs_prd.extension``, which takes the ``prd`` plugin entry's options.  The builds
are slow, so each site is built once per module; the index page a host without
plugins cannot generate is written first with ``mkdocs-prd index --format markdown``,
as docs/hosts.md tells authors to.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_browser_render import EDGE_COLUMNS

from mkdocs_prd.adapters.cli.main import main as cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
BIN = Path(sys.executable).parent
ZENSICAL = BIN / "zensical"
PRD_PAGES = (
    "prds/payments/refund-automation",
    "prds/growth/referral-program",
    "tracks/2026-03-notification-digest/PRD",
)


def zensical_build(root: Path) -> subprocess.CompletedProcess[str]:
    if not ZENSICAL.exists():
        pytest.fail("zensical is not installed (it is in the test extras: pip install -e '.[test]')")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"NO_COLOR": "1"}
    return subprocess.run(
        [str(ZENSICAL), "build", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=600,
    )


def write_index_page(root: Path) -> None:
    """``mkdocs-prd index --format markdown > docs/prds/index.md`` (what CI would do)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli(["index", "--format", "markdown", "-f", str(root / "mkdocs.yml")]) == 0
    (root / "docs" / "prds" / "index.md").write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path_factory.mktemp("zensical") / "sample"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("site", ".cache"))
    write_index_page(root)
    # The stylesheets and the index script, as docs/hosts.md and the sample's mkdocs.yml say.
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli(["assets", str(root / "docs" / "assets" / "prd"), "-f", str(root / "mkdocs.yml")]) == 0
    return zensical_build(root), root / "site"


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """A site whose PRD has errors, the extension's own options showing the findings panel."""
    root = tmp_path_factory.mktemp("zensical") / "findings"
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    text = (SAMPLE / "docs" / "prds" / "growth" / "referral-program.md").read_text(encoding="utf-8")
    text = text.replace("**Status:** Review", "**Status:** Pending", 1)
    (docs / "prds" / "referral.md").write_text(text, encoding="utf-8")
    # The same PRD with a setext title (which MkDocs' metadata reader would take).
    setext = text.replace("# PRD: Customer Referral Program", "PRD: Setext Referral\n====================", 1)
    (docs / "prds" / "setext.md").write_text(setext, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n<!-- prd-index -->\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Findings\n"
        "markdown_extensions:\n"
        "  - admonition\n"
        "  - mkdocs_prd.extension:\n"
        "      show_findings: always\n",
        encoding="utf-8",
    )
    return zensical_build(root), root / "site"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_sample_site_builds(sample: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result = sample[0]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "page does not exist" not in result.stdout + result.stderr  # the index page is there


@pytest.mark.parametrize("url", PRD_PAGES)
def test_sample_prd_pages_have_card_and_iosm_table(
    sample: tuple[subprocess.CompletedProcess[str], Path], url: str
) -> None:
    html = page(sample[1], url)
    assert html.count('<div class="prd-card">') == 1
    assert html.count('<div class="prd-iosm-block">') == 1
    assert 'class="prd-priority prd-priority--' in html
    assert "prd-fragment" not in html


@pytest.mark.browser
def test_sample_pages_are_styled_in_a_browser(
    sample: tuple[subprocess.CompletedProcess[str], Path], chromium: Any
) -> None:
    # The sample's mkdocs.yml listed no extra_css: on Zensical (no plugin to add them) its
    # cards, badges, IOSM tables and index were bare HTML (a <dl> of labels, unsorted text).
    site = sample[1]
    for url in (*PRD_PAGES, "prds"):
        html = page(site, url)
        for name in ("prd.css", "prd-index.css"):
            assert f'assets/prd/{name}"' in html, (url, name)
    tab = chromium.new_page(viewport={"width": 1400, "height": 900})
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        tab.goto((site / PRD_PAGES[0] / "index.html").as_uri())
        looks = tab.evaluate(
            """() => { const card = getComputedStyle(document.querySelector('.prd-card'));
                const badge = getComputedStyle(document.querySelector('.prd-card .prd-status'));
                const fields = getComputedStyle(document.querySelector('.prd-card__fields'));
                return [card.borderTopStyle, badge.backgroundColor, badge.borderTopLeftRadius,
                        fields.display]; }"""
        )
        assert looks[0] == "solid" and looks[1] not in ("rgba(0, 0, 0, 0)", "transparent"), looks
        assert looks[2] != "0px" and looks[3] == "flex", looks
        tab.goto((site / "prds" / "index.html").as_uri())
        tab.wait_for_selector("[data-prd-index][data-prd-ready]")  # the sort/filter script ran
        fills = tab.evaluate(
            "() => [...document.querySelectorAll('.prd-chart__seg rect')].map(r => getComputedStyle(r).fill)"
        )
        assert len(fills) == 4 and len(set(fills)) == 4, fills  # one colour per status
        # The table fits: no grey line at the box's right edge (its scroll shadow, which the
        # page-coloured cover hid only up to its anti-aliased edge at x = 348.5).
        box = tab.locator(".prd-index__scroll").first
        tab.wait_for_function("(b) => !b.hasAttribute('tabindex')", arg=box.element_handle())
        png = base64.b64encode(box.screenshot()).decode("ascii")
        width = tab.evaluate(
            "async (png) => { const i = new Image(); i.src = 'data:image/png;base64,' + png;"
            " await i.decode(); return i.width; }",
            png,
        )
        edges = tab.evaluate(EDGE_COLUMNS, [png, [0, width - 1]])
        assert max(edges) < 0.3, edges
    finally:
        tab.close()


def test_sample_listings_and_index_page(sample: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    site = sample[1]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="prd-index' in home and "<!-- prd-index" not in home
    assert 'href="prds/payments/refund-automation/"' in home
    index = page(site, "prds")
    assert index.count("<tr data-prd-key=") == 7  # the sample's seven PRDs
    assert 'href="payments/refund-automation/"' in index


def test_findings_appear_on_the_page_and_in_the_log(
    findings: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, site = findings
    assert result.returncode == 0, result.stdout + result.stderr
    html = page(site, "prds/referral")
    assert "admonition warning prd-findings" in html
    assert "PRD102" in html and "Pending" in html
    assert "prds/referral.md:7: error PRD102 Status `Pending`" in result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="prds/referral/"' in home


def test_a_setext_title_is_the_h1_above_the_findings_and_card(
    findings: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    html = page(findings[1], "prds/setext")
    h1 = html.index('<h1 id="prd-setext-referral">PRD: Setext Referral</h1>')
    assert "<p>====" not in html
    assert h1 < html.index("prd-findings") < html.index('<div class="prd-card">')
