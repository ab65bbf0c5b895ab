"""The MkDocs plugin: thin glue from MkDocs events to the PRD library.

Only this module and ``config.py`` import MkDocs.  All state a build needs is
rebuilt in ``on_config``/``on_files`` so ``mkdocs serve`` rebuilds never see
stale data, and nothing is ever written into ``docs_dir``.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from mkdocs_prd.catalog import Catalog, build_catalog
from mkdocs_prd.config import PrdConfig, to_settings
from mkdocs_prd.model import Severity
from mkdocs_prd.settings import Settings
from mkdocs_prd.validate import summary_line

log = get_plugin_logger(__name__)


class PrdPlugin(BasePlugin[PrdConfig]):
    """Recognise, validate, render and index the PRD pages of a site."""

    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.settings = Settings()
        self.catalog = Catalog()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Serve shows findings on pages by default; a published build does not.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = to_settings(self.config)
        self.catalog = Catalog()
        return config

    # Late, so files that other plugins generate (gen-files, blog) are seen too.
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        docs = ((f.src_uri, f.content_bytes) for f in files.documentation_pages())
        self.catalog = build_catalog(docs, self.settings)
        log.info(f"{len(self.catalog)} PRD pages found")
        self._log_findings()
        return files

    def _log_findings(self) -> None:
        # Once per build, from the catalog just rebuilt: a serve rebuild never repeats
        # a finding that is gone.  Errors and warnings go out as MkDocs warnings so
        # `mkdocs build --strict` fails on them.
        findings = self.catalog.all_findings()
        for f in findings:
            message = f"{f.location()}: {f.rule} {f.message}"
            if f.severity is Severity.INFO:
                log.info(message)
            else:
                log.warning(message)
        log.info(f"PRD findings: {summary_line(findings, len(self.catalog))}")
