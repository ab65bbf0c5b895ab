"""The README and the documentation site stay true.

Generated tables current, the two commands first, links and screenshots real, and the
documentation site (``mkdocs.yml`` + ``docs/``, built with Material and the plugin
itself) builds with ``--strict``.

The screenshots in ``docs/screenshots/`` come from the browser test at the end: it
builds the sample site, serves it on 127.0.0.1 and photographs a PRD page and the
index with the system Chromium.  With ``PRD_SCREENSHOTS_DIR`` set it also saves
them there (``PRD_SCREENSHOTS_DIR=docs/screenshots``), which is how the committed
PNGs are refreshed.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_prd import docs_tables
from mkdocs_prd.adapters.cli.main import build_parser
from mkdocs_prd.adapters.mkdocs.config import PrdConfig
from mkdocs_prd.core.labels import DEFAULT_LABELS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
PAGES = docs_tables.documentation_pages()
SCREENSHOTS = ROOT / "docs" / "screenshots"
MAX_PNG_BYTES = 400_000


def block(name: str) -> str:
    """The generated block ``name``, from whichever documentation page holds it."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        m = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.S)
        if m:
            return m.group(1)
    raise AssertionError(f"no documentation page has the generated block {name}")


def test_generated_blocks_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    code = docs_tables.main(["--check"])
    assert code == 0, capsys.readouterr().err + " (run: python -m mkdocs_prd.docs_tables)"


def test_drift_is_detected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = ROOT / "docs" / "configuration.md"
    text = page.read_text(encoding="utf-8")
    stale = tmp_path / "configuration.md"
    stale.write_text(text.replace("| `paths` |", "| `pathz` |", 1), encoding="utf-8")
    assert docs_tables.main(["--check", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert docs_tables.main([str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_every_option_is_documented() -> None:
    table = block("config-table")
    docs = docs_tables.option_docstrings(PrdConfig)
    for name, _ in PrdConfig._schema:
        assert f"| `{name}` |" in table, name
        assert docs.get(name), f"option {name} has no attribute docstring"


def test_every_label_key_is_documented() -> None:
    table = block("labels-table")
    for key in DEFAULT_LABELS:
        assert f"| `{key}` |" in table, key


def test_every_subcommand_is_documented() -> None:
    reference = block("cli-reference")
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    assert sub.choices
    for name in sub.choices:
        assert f"## `mkdocs-prd {name}`" in reference, name


def test_the_two_commands_come_first() -> None:
    first_heading = TEXT.index("\n## ")
    assert TEXT[first_heading:].startswith("\n## The two commands")
    code = re.search(r"```bash\n(.*?)```", TEXT, re.S)
    assert code
    lines = code.group(1).splitlines()
    assert lines[0].startswith("make serve") and lines[1].startswith("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "bench", "docs"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert TEXT.index("## The two commands") < TEXT.index("## Quick start") < TEXT.index("## Documentation")


def _local_targets(text: str) -> list[str]:
    prose = re.sub(r"```.*?```", "", text, flags=re.S)  # links inside code blocks are examples
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", prose)
    return [t for t in targets if not re.match(r"[a-z]+:", t)]


def test_local_links_and_images_exist() -> None:
    local = _local_targets(TEXT)
    assert "docs/screenshots/prd-page.png" in local and "docs/screenshots/prd-index.png" in local
    for page in PAGES:
        for target in _local_targets(page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.relative_to(ROOT)}: {target}"


def test_readme_links_every_documentation_page() -> None:
    linked = set(_local_targets(TEXT))
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "index.md":
            assert f"docs/{page.name}" in linked, page.name


def _nav_pages(entry: object) -> Iterator[str]:
    if isinstance(entry, str):
        yield entry
    elif isinstance(entry, dict):
        for value in entry.values():
            yield from _nav_pages(value)
    elif isinstance(entry, list):
        for value in entry:
            yield from _nav_pages(value)


def test_documentation_nav_lists_every_page_once() -> None:
    # The nav gives the reading order (Getting started before the reference, contributors
    # last); a page left out of it would be built but hidden from readers.
    nav = list(_nav_pages(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]))
    pages = sorted(str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md"))
    assert sorted(nav) == pages
    assert nav[:2] == ["index.md", "getting-started.md"]


def test_documentation_site_builds_strict(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(
        [*command, "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    example = (tmp_path / "examples" / "refund-automation" / "index.html").read_text(encoding="utf-8")
    assert 'class="prd-card' in example  # the plugin runs on its own documentation
    assert "refund-automation" in (tmp_path / "examples" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "rules" / "index.html").read_text(encoding="utf-8").count("PRD10") >= 9


@pytest.mark.parametrize("name", ["prd-page.png", "prd-index.png"])
def test_committed_screenshots_are_small_pngs(name: str) -> None:
    data = (SCREENSHOTS / name).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) < MAX_PNG_BYTES


# --- the screenshots ----------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("readme-shots") / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "sample_site/mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
        httpd.server_close()


def save(shot: Path) -> None:
    """Copy ``shot`` to ``$PRD_SCREENSHOTS_DIR`` when it is set (to refresh the committed PNGs)."""
    target = os.environ.get("PRD_SCREENSHOTS_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy2(shot, Path(target) / shot.name)


@pytest.mark.browser
def test_screenshots(chromium: Any, served_sample: str, tmp_path: Path) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 900}, color_scheme="light")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(served_sample + "prds/payments/refund-automation/")
    card = page.locator(".prd-card").first
    card.wait_for(state="visible")
    assert "Priya Natarajan / Payments" in card.inner_text()
    shot = tmp_path / "prd-page.png"
    page.screenshot(path=str(shot))
    save(shot)

    page.goto(served_sample + "prds/")
    page.wait_for_selector("[data-prd-index][data-prd-ready]")
    rows = page.locator("table[data-prd-table] tbody tr")
    assert rows.count() == 7
    shot = tmp_path / "prd-index.png"
    page.screenshot(path=str(shot))
    save(shot)

    page.close()
    assert not errors, errors
    for name in ("prd-page.png", "prd-index.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and 10_000 < len(data) < MAX_PNG_BYTES
