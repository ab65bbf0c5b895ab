"""Shared test fixtures: real in-process MkDocs builds of small sites, and the system Chromium.

``build_site(root, files, plugin_options, theme=...)`` writes a site under ``root``
and runs a real ``mkdocs build`` in this process (several times faster than a
subprocess).  ``plugin_options=None`` builds the same site without the plugin, for
comparisons.  ``chromium`` is a Playwright browser driving Debian's
``/usr/bin/chromium`` (never a downloaded browser); tests using it skip with a plain
message when it is absent.
"""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from venvs import start_techdocs_env

# Material prints an end-of-life notice on every build; keep test output readable.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# `mkdocs-prd lint` keeps a cache of Track IDs in the user's cache folder: never the real one in tests
# (set here, so subprocesses inherit it too).
os.environ["MKDOCS_PRD_CACHE_DIR"] = tempfile.mkdtemp(prefix="mkdocs-prd-test-cache-")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass
class Site:
    """A built site: where it is and what the build logged."""

    root: Path
    docs_dir: Path
    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def html(self, path: str) -> str:
        """The text of a built file, ``path`` relative to the site directory."""
        return (self.site_dir / path).read_text(encoding="utf-8")

    def messages(self, level: int = logging.DEBUG) -> list[str]:
        """Logged messages at ``level`` or above."""
        return [r.getMessage() for r in self.records if r.levelno >= level]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_files(docs_dir: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``{relative path: text or bytes}`` below ``docs_dir``."""
    for rel, content in files.items():
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def build_site(
    root: Path,
    files: Mapping[str, str | bytes],
    plugin_options: Mapping[str, Any] | None = None,
    *,
    theme: str | Mapping[str, Any] = "material",
    config: Mapping[str, Any] | None = None,
    command: str = "build",
    strict: bool = False,
) -> Site:
    """Write a site under ``root`` and build it with MkDocs, in process.

    ``plugin_options`` are the ``prd`` plugin's options (None: no ``prd`` plugin at
    all).  ``config`` adds or overrides top-level ``mkdocs.yml`` keys.  ``command``
    is what plugins are told in ``on_startup`` (``serve`` to test serve behaviour).
    """
    root.mkdir(parents=True, exist_ok=True)
    docs_dir = root / "docs"
    write_files(docs_dir, files)
    plugins: list[Any] = ["search"]
    if plugin_options is not None:
        plugins.append({"prd": dict(plugin_options)})
    cfg: dict[str, Any] = {
        "site_name": "Test site",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme if isinstance(theme, str) else dict(theme),
        "plugins": plugins,
        "markdown_extensions": ["tables", "attr_list", "admonition"],
    }
    cfg.update(config or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        mk_config = load_config(str(config_file), strict=strict)
        mk_config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
        try:
            build(mk_config)
        finally:
            mk_config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return Site(root, docs_dir, root / "site", handler.records)


_background: list[subprocess.Popen[bytes]] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules marked ``slow`` first: on parallel workers (``make test``) they then start at
    once instead of finishing alone at the end.  The order within a module is kept."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start making the TechDocs venv (minutes, mostly waiting on the package index) at once
    if its tests are to run, so it overlaps the other tests (see ``tests/venvs.py``)."""
    if any(item.path.name == "test_techdocs.py" for item in session.items):
        started = start_techdocs_env()
        if started is not None:
            _background.append(started)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Let the background venv build finish (another test process may be waiting for it),
    or stop it when the run was cut short."""
    cut_short = exitstatus == pytest.ExitCode.INTERRUPTED or bool(session.shouldstop or session.shouldfail)
    for proc in _background:
        if cut_short:
            proc.terminate()
        proc.wait(timeout=1200)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium (Debian's ``/usr/bin/chromium``) driven by Playwright."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the test extra
        pytest.skip("The playwright package is not installed: browser tests skipped")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
