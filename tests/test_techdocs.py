"""A real Backstage TechDocs build: ``techdocs-core`` (its theme, extensions and plugins) plus ``prd``.

``mkdocs-techdocs-core`` pins its own Markdown, Material and pymdown-extensions, older
than the test extras', so it gets a virtual environment of its own: made on first use
beside the test venv (``<venv>/techdocs``, the package installed editable, so code
changes need no reinstall) and made again when ``pyproject.toml`` changes.  It is
started in the background when these tests are collected (``tests/venvs.py``), so
it is made while other tests run.  The sample site and a site with findings are
built once each, with that venv's MkDocs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from venvs import TECHDOCS_DIR, TECHDOCS_SPEC, bin_dir, ensure_techdocs_env, network_failure, run

# Started first in parallel runs (tests/conftest.py): its venv takes tens of seconds.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
PRD_PAGES = (
    "prds/payments/refund-automation",
    "prds/growth/referral-program",
    "tracks/2026-03-notification-digest/PRD",
)


@pytest.fixture(scope="module")
def techdocs_bin() -> Path:
    """The bin folder of a venv with mkdocs-techdocs-core and this package (made once)."""
    result = ensure_techdocs_env()
    if result is not None and network_failure(result):
        pytest.skip(
            f"{TECHDOCS_SPEC} cannot be installed (no package index reachable): " + result.stderr[-300:]
        )
    assert result is None or result.returncode == 0, result.stdout + result.stderr
    return bin_dir(TECHDOCS_DIR)


def techdocs_site(root: Path, docs: Path, prd_options: str) -> Path:
    shutil.copytree(docs, root / "docs")
    (root / "mkdocs.yml").write_text(
        f"site_name: Acme PRDs\nplugins:\n  - techdocs-core\n  - prd:\n{prd_options}", encoding="utf-8"
    )
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def sample(techdocs_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("techdocs")
    config = techdocs_site(root, SAMPLE / "docs", "      paths: [prds/**, tracks/*/PRD.md]\n")
    result = run(techdocs_bin / "mkdocs", "build", "--strict", "-f", config, "-d", root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 PRD pages found" in result.stderr
    return root / "site"


def test_techdocs_core_is_what_builds(sample: Path) -> None:
    assert (sample / "techdocs_metadata.json").is_file()  # written by techdocs-core


@pytest.mark.parametrize("url", PRD_PAGES)
def test_prd_pages(sample: Path, url: str) -> None:
    html = (sample / url / "index.html").read_text(encoding="utf-8")
    assert html.count('<div class="prd-card">') == 1
    assert html.count('<div class="prd-iosm-block">') == 1
    assert "prd-fragment" not in html
    # techdocs-core's mdx_truly_sane_lists reads nesting at 2 spaces: the template's nested
    # lists (personas, use cases, phases) stay nested, none is left as literal hyphens.
    article = html[html.index("<article") : html.index("</article>")]
    assert not re.search(r"\n\s*[-*] \S", re.sub(r"<pre.*?</pre>", "", article, flags=re.S))
    assert re.search(r"<li>(?:(?!</li>).)*<ul>\n<li>", article, flags=re.S)


def test_index_page_listings_and_export(sample: Path) -> None:
    index = (sample / "prds" / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-prd-key=") == 7
    home = (sample / "index.html").read_text(encoding="utf-8")
    assert "<tr data-prd-key=" in home and "<!-- prd-index" not in home
    assert (sample / "prd-index.json").is_file()
    assert (sample / "assets" / "prd" / "prd.css").is_file()


def test_findings(techdocs_bin: Path, tmp_path: Path) -> None:
    docs = tmp_path / "src"
    (docs / "prds").mkdir(parents=True)
    text = (SAMPLE / "docs" / "prds" / "growth" / "referral-program.md").read_text(encoding="utf-8")
    (docs / "prds" / "referral.md").write_text(text.replace("**Status:** Review", "**Status:** Pending", 1))
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = techdocs_site(tmp_path / "site", docs, "      show_findings: always\n")
    strict = run(techdocs_bin / "mkdocs", "build", "--strict", "-f", config, "-d", tmp_path / "out")
    assert strict.returncode != 0  # an error finding fails a strict TechDocs build
    assert "prds/referral.md:7: error PRD102 Status `Pending`" in strict.stderr
    result = run(techdocs_bin / "mkdocs", "build", "-f", config, "-d", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "prds" / "referral" / "index.html").read_text(encoding="utf-8")
    assert "admonition warning prd-findings" in html and "PRD102" in html
