"""The sample site under ``properdocs build --strict``: the plugin works unchanged.

ProperDocs loads the plugin through its own ``properdocs.plugins`` entry point.  The
test builds the sample site with both tools and checks that ProperDocs built it,
that the plugin ran, and that every PRD page's content is the same as under MkDocs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "sample_site" / "mkdocs.yml"
BIN = Path(sys.executable).parent
PRD_PAGES = (
    "prds/payments/refund-automation",
    "prds/search/typo-tolerant-search",
    "prds/platform/audit-log-export",
    "prds/growth/referral-program",
    "tracks/2026-03-notification-digest/PRD",
)
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def build(tool: str, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(BIN / tool), "build", "--strict", "-f", str(CONFIG), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def sites(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    if not (BIN / "properdocs").exists():
        pytest.fail("properdocs is not installed (it is in the test extras: pip install -e '.[test]')")
    out = {}
    for tool in ("properdocs", "mkdocs"):
        site = tmp_path_factory.mktemp(tool) / "site"
        out[tool] = (build(tool, site), site)
    return out


def test_the_plugin_is_registered_for_properdocs() -> None:
    (ep,) = [e for e in entry_points(group="properdocs.plugins") if e.name == "prd"]
    assert ep.value == "mkdocs_prd.adapters.mkdocs.plugin:PrdPlugin"


def test_properdocs_builds_the_sample_site_strict(
    sites: dict[str, tuple[subprocess.CompletedProcess[str], Path]],
) -> None:
    result, site = sites["properdocs"]
    assert result.returncode == 0, result.stderr
    assert "mkdocs_prd: 7 PRD pages found" in result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    # The generator tag proves which tool built the site.
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs', home)


def test_prd_pages_render_the_same_under_both(
    sites: dict[str, tuple[subprocess.CompletedProcess[str], Path]],
) -> None:
    (pd_result, pd_site), (mk_result, mk_site) = sites["properdocs"], sites["mkdocs"]
    assert pd_result.returncode == 0 and mk_result.returncode == 0
    for page in PRD_PAGES:
        pd_html = (pd_site / page / "index.html").read_text(encoding="utf-8")
        mk_html = (mk_site / page / "index.html").read_text(encoding="utf-8")
        pd_article, mk_article = ARTICLE.search(pd_html), ARTICLE.search(mk_html)
        assert pd_article and mk_article, page
        # The plugin's header card is on the page ...
        assert 'class="prd-card' in pd_article.group(1), page
        # ... and the page body is exactly what MkDocs renders.
        assert pd_article.group(1) == mk_article.group(1), page


def test_generated_index_and_export_under_properdocs(
    sites: dict[str, tuple[subprocess.CompletedProcess[str], Path]],
) -> None:
    _, pd_site = sites["properdocs"]
    _, mk_site = sites["mkdocs"]
    assert (pd_site / "prds" / "index.html").is_file()
    assert (pd_site / "prd-index.json").read_text(encoding="utf-8") == (mk_site / "prd-index.json").read_text(
        encoding="utf-8"
    )
