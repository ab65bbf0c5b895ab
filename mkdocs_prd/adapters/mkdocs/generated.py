"""The pages a site's plugins add or drop during a build, for ``mkdocs-prd lint`` and ``index``.

mkdocs-gen-files (and a hook's or another plugin's ``on_files``) adds pages that are
no file in ``docs_dir``: a build renders and checks them, so lint must too.  mkdocs-exclude
(and a hook's ``on_files``) drops files of ``docs_dir`` from the build: a build neither
renders nor checks them, so lint and the index leave them out too.  The
plugins' ``startup``, ``config``, ``pre_build`` and ``files`` events run as ``mkdocs
build`` runs them, with ``prd`` itself switched off; no page is rendered and nothing is
written to ``site_dir``.  What the plugins leave in temporary folders until their
``post_build`` (never run here: it writes the site) is removed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from mkdocs_prd.adapters.mkdocs.files import site_files
from mkdocs_prd.adapters.mkdocs.site import captured_log

QUIET_PLUGINS = frozenset({"search", "prd"})
"""Plugins that add no pages: a site with only these needs no plugin run."""


@dataclass(frozen=True)
class Generated:
    """``pages``: ``src_path`` to bytes of each page the plugins add; ``problem``: why they
    could not be asked (a plugin failed), else None."""

    pages: dict[str, bytes] = field(default_factory=dict)
    problem: str | None = None
    removed: frozenset[str] = frozenset()
    """The ``src_path`` of the site's own pages that the plugins drop from the build's files
    (mkdocs-exclude's ``glob``/``regex``): not built, so not checked.  A page only marked
    excluded for a while (Material's blog posts) is not dropped.  Empty with
    mkdocs-static-i18n, whose each language build keeps only that language's pages."""
    log: tuple[str, ...] = ()
    """What the plugins logged (warnings and errors) while they ran: held back, not printed
    (git-revision-date-localized's "has no git logs" for every page is no news to lint)."""


def generated_pages(cfg: Any) -> Generated:
    """The documentation pages the plugins of the loaded config ``cfg`` add in a build.

    The events may change ``cfg`` as they change it in a build: read what you need from it
    first.  Its ``prd`` plugin is switched off while they run.  A plugin's error is
    returned as ``problem``, with the pages found before it; what they log, as ``log``.
    """
    plugins = cfg["plugins"]
    if not set(plugins) - QUIET_PLUGINS and not cfg.get("hooks"):
        return Generated()
    docs_dir = os.path.abspath(cfg["docs_dir"])
    on_disk = {f.src_uri for f in site_files(cfg).files.documentation_pages()}
    prd = [p for p in plugins.values() if type(p).__module__.startswith("mkdocs_prd.")]
    saved = [p.config.get("enabled", True) for p in prd]
    for p in prd:
        p.config["enabled"] = False
    pages: dict[str, bytes] = {}
    kept: set[str] = set()
    i18n = "i18n" in plugins
    try:
        with captured_log("mkdocs") as mkdocs_log, captured_log("") as other_log:
            problem = _run(plugins, cfg, docs_dir, on_disk, pages, kept)
    finally:
        for p, enabled in zip(prd, saved, strict=True):
            p.config["enabled"] = enabled
    log = tuple(message for _level, message in [*mkdocs_log, *other_log])
    removed = frozenset() if problem is not None or i18n else frozenset(on_disk - kept)
    return Generated(pages, problem, removed=removed, log=log)


def _run(
    plugins: Any, cfg: Any, docs_dir: str, on_disk: set[str], pages: dict[str, bytes], kept: set[str]
) -> str | None:
    """Run the events, filling ``pages`` (added) and ``kept`` (the ``src_path`` of every page
    still in the files); a plugin's error as text, else None."""
    try:
        plugins.on_startup(command="build", dirty=False)
        try:
            cfg = plugins.on_config(cfg)
            plugins.on_pre_build(config=cfg)
            files = plugins.on_files(site_files(cfg).files, config=cfg)
            for file in files.documentation_pages(inclusion=lambda _: True):
                kept.add(file.src_uri)
                if file.inclusion.is_excluded():
                    continue  # not rendered (exclude_docs, a draft): no page to add
                if file.src_uri in on_disk or _inside(file.abs_src_path, docs_dir):
                    continue
                data = _content(file)
                if data is not None:
                    pages[file.src_uri] = data
        finally:
            plugins.on_shutdown()
            _clean_up(plugins.values())
    except (SystemExit, Exception) as exc:  # any plugin's error; MkDocs' Abort is a SystemExit
        return f"{type(exc).__name__}: {exc}".rstrip(": ")
    return None


def _inside(path: str | None, folder: str) -> bool:
    return path is not None and os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)


def _content(file: Any) -> bytes | None:
    try:
        data = file.content_bytes
    except Exception:  # a virtual page filled in later, a file gone: not a page to check
        return None
    return data if isinstance(data, bytes) else None


def _clean_up(plugins: Any) -> None:
    """Remove the temporary folders plugins keep for their ``post_build`` (not run here)."""
    for plugin in plugins:
        for value in list(vars(plugin).values()):
            if isinstance(value, tempfile.TemporaryDirectory):
                value.cleanup()
