"""The site a Python-Markdown host is building, read once per process.

A Markdown extension sees one page at a time and hosts make a new extension for
every page (Zensical, MkDocs), so the site's PRDs cannot live on the extension:
they are kept here, per ``docs_dir`` and options, and read again only when a
Markdown file below ``docs_dir`` was added, removed or modified (paths, sizes and
modification times).  ``docs_dir`` is walked once when the site is read; it is walked
again only when a page's text differs from what was read, when the host starts a new
build in the same process, or, while serving and for hosts that say nothing about
the build, at most every :data:`CHECK_INTERVAL` seconds.  A 1,000-PRD site is thus
read and parsed once per build, not once per page, and ``mkdocs.yml`` is read once.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from mkdocs_prd.adapters.mkdocs.config import (
    ConfigurationError,
    PrdConfig,
    index_settings,
    plugin_options,
    read_raw_config,
    to_settings,
    validate_options,
)
from mkdocs_prd.adapters.mkdocs.includes import raw_includes
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.parse.prd import decode_source
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.safe import TerminalFilter
from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog, freeze_for_build, paused_gc
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.html.render import Renderer, override_dirs
from mkdocs_prd.html.site import SiteRender, finding_log, render_site

log = logging.getLogger("mkdocs.prd")
"""Findings go to Python logging (under ``mkdocs`` so MkDocs' ``--strict`` counts them);
Zensical prints warnings of loggers it does not configure on standard error.  Control
characters in them are shown escaped, as in the plugin's build log."""
log.addFilter(TerminalFilter())

CHECK_INTERVAL = 2.0
"""Seconds between two checks of ``docs_dir`` for changed files during one process."""

HOST_OPTIONS = ("config_file", "docs_dir")
"""Extension options that say where the site is; the others are the plugin's options."""

FingerPrint = tuple[tuple[str, int, int], ...]
"""``(src_path, size in bytes, modification time in ns)`` of each Markdown file, in MkDocs' order."""


@dataclass(frozen=True)
class Host:
    """What the host tells about the page being converted (all optional).

    ``src_path`` is relative to ``docs_dir`` (``prds/a.md``), ``url`` relative to
    the site root; ``config_file``/``docs_dir`` are absolute when known.
    """

    src_path: str | None = None
    url: str | None = None
    docs_dir: str | None = None
    config_file: str | None = None
    use_directory_urls: bool | None = None
    material: bool = False
    custom_dir: str | None = None
    serve: bool = False
    shared_cache: bool = False
    """The host keeps rendered pages in a cache that ``serve`` and ``build`` share and
    that does not know the command (Zensical's ``.cache``): a page must not differ
    between them, so ``show_findings: serve`` shows no panel there."""
    build: object | None = field(default=None, compare=False)
    """The host's config object of the current build (a new one per build), if it has one."""


@dataclass
class Site:
    """One site's PRDs and what a build renders from them; see :func:`site_for`."""

    docs_dir: str
    config: PrdConfig
    use_directory_urls: bool
    fingerprint: FingerPrint
    catalog: Catalog
    render: SiteRender
    sources: dict[str, str]
    """Each PRD's decoded text by ``src_path``."""
    build: object | None = None
    """:attr:`Host.build` when the files were last checked (held, so its identity stays unique)."""
    checked: float = field(default_factory=time.monotonic)
    _by_tail: dict[str, list[str]] | None = None

    def identify(self, text: str) -> str | None:
        """The ``src_path`` of the PRD whose source ends with ``text`` (front matter removed)."""
        body = text.strip()
        if not body:
            return None
        if self._by_tail is None:
            self._by_tail = {}
            for path, source in self.sources.items():
                self._by_tail.setdefault(_tail(source), []).append(path)
        for path in self._by_tail.get(_tail(body), ()):
            if _normal(self.sources[path]).endswith(_normal(body)):
                return path
        return None


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _tail(text: str) -> str:
    return _normal(text)[-120:]


_SITES: dict[tuple[str, str | None, str], Site] = {}
_WHERE: dict[tuple[str, str | None, str | None, str], tuple[str | None, str | None]] = {}
_LOCK = threading.Lock()


def site_for(options: Mapping[str, Any], host: Host, changed_page: bool = False) -> Site | None:
    """The site of this page, read on first use and again when its files changed.

    ``changed_page``: the page's text differs from what was read (check now).
    None when no ``docs_dir`` can be found (no option, no host, no ``mkdocs.yml``
    here).  Raises ``ConfigurationError`` on bad options, as a build would.
    """
    opts = repr(sorted(options.items()))
    with _LOCK:
        where_key = (opts, host.docs_dir, host.config_file, os.getcwd())
        where = _WHERE.get(where_key)
        if where is None:
            where = _WHERE[where_key] = _where(options, host)
        config_file, docs_dir = where
        if docs_dir is None or not os.path.isdir(docs_dir):
            return None
        key = (docs_dir, config_file, opts)
        site = _SITES.get(key)
        now = time.monotonic()
        if site is not None and not changed_page and _current(site, host, now):
            return site
        fingerprint = _fingerprint(docs_dir)
        if site is not None and fingerprint == site.fingerprint:
            site.checked, site.build = now, host.build
            return site
        with paused_gc():
            site = _SITES[key] = _read_site(options, host, config_file, docs_dir, fingerprint)
            if host.build is not None and not host.serve:
                freeze_for_build()  # a build process ends after the build
        return site


def _current(site: Site, host: Host, now: float) -> bool:
    """Whether ``site`` may be used without looking at ``docs_dir`` again.

    Within one build (the host's build object is the one seen last) the files stand
    still; while serving, or when the host says nothing about its build, they are
    looked at again after :data:`CHECK_INTERVAL` seconds.
    """
    if host.build is not None and host.build is site.build and not host.serve:
        return True
    return now - site.checked < CHECK_INTERVAL


def _where(options: Mapping[str, Any], host: Host) -> tuple[str | None, str | None]:
    """(config file, docs_dir), both absolute: the options first, then the host, then ./mkdocs.yml."""
    given = options.get("config_file")
    path = host.config_file
    if given or not path:
        # Only here: the command line's module is not loaded in a host's build otherwise.
        from mkdocs_prd.adapters.cli.main import UsageError, find_config_file

        try:
            path = find_config_file(str(given) if given else None)
        except UsageError as exc:
            raise ConfigurationError(f"markdown extension 'mkdocs_prd.extension': {exc}") from exc
    config_file = os.path.abspath(path) if path and os.path.isfile(path) else None
    docs = options.get("docs_dir")
    if docs:
        base = os.path.dirname(config_file) if config_file else os.getcwd()
        return config_file, os.path.normpath(os.path.join(base, str(docs)))
    if host.docs_dir:
        return config_file, host.docs_dir
    if config_file is not None:
        raw = _load(config_file)
        base = os.path.dirname(os.path.abspath(config_file))
        return config_file, os.path.normpath(os.path.join(base, str(raw.get("docs_dir") or "docs")))
    return None, None


_RAW: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}


def _load(config_file: str) -> dict[str, Any]:
    """``mkdocs.yml`` as YAML: the extension runs inside a build (MkDocs or Zensical) and
    must not load the whole config again (that would load this extension and the plugins).

    Read once while the file is unchanged (modification time and size); not modified.
    """
    try:
        info = os.stat(config_file)
        stamp: tuple[int, int] | None = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None
    cached = _RAW.get(config_file)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        raw = read_raw_config(config_file)
    except ConfigurationError as exc:
        raise ConfigurationError(f"markdown extension 'mkdocs_prd.extension': {exc}") from exc
    if stamp is not None:
        _RAW[config_file] = (stamp, raw)
    return raw


def _fingerprint(docs_dir: str) -> FingerPrint:
    """Every Markdown file below ``docs_dir`` (one walk), in the order MkDocs lists them
    (:func:`~mkdocs_prd.core.sitewide.catalog.markdown_files`); a file that cannot be
    stat'ed (dangling link) is left out."""
    out: list[tuple[str, int, int]] = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = os.path.relpath(root, docs_dir).replace(os.sep, "/")
        prefix = "" if folder == "." else folder + "/"
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                out.append((prefix + name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _read_files(docs_dir: str, fingerprint: FingerPrint) -> dict[str, bytes]:
    """The bytes of each file of ``fingerprint`` by ``src_path`` (no second walk);
    unreadable ones (FIFO, permissions) are left out, as a build leaves them out."""
    files: dict[str, bytes] = {}
    for src_path, _size, _mtime in fingerprint:
        try:
            files[src_path] = read_bytes(os.path.join(docs_dir, *src_path.split("/")))
        except UnreadableFile:
            continue
    return files


def _read_site(
    options: Mapping[str, Any], host: Host, config_file: str | None, docs_dir: str, fingerprint: FingerPrint
) -> Site:
    raw: dict[str, Any] = {}
    site_options: dict[str, Any] = {}
    if config_file is not None:
        raw = _load(config_file)
        site_options = plugin_options(raw.get("plugins"))[0]
    own = {k: v for k, v in options.items() if k not in HOST_OPTIONS}
    cfg = validate_options({**site_options, **own}, config_file, "markdown extension 'mkdocs_prd.extension'")
    # The snippets a page includes are read with it (a host without plugins: no include-markdown).
    settings = replace(to_settings(cfg), includes=raw_includes(raw, config_file, docs_dir))
    use_directory_urls = (
        host.use_directory_urls
        if host.use_directory_urls is not None
        else raw.get("use_directory_urls", True) is not False
    )
    files = _read_files(docs_dir, fingerprint)
    catalog = build_catalog(files.items(), settings)
    for level, message in finding_log(catalog):
        log.log(level, f"prd: {message}")

    def read_text(src_path: str) -> str | None:
        data = files.get(src_path)
        return decode_source(data)[0] if data is not None else None

    show = cfg.show_findings == "always" or (
        cfg.show_findings == "serve" and host.serve and not host.shared_cache
    )
    if cfg.show_findings == "serve" and host.serve and host.shared_cache:
        log.info(
            "prd: no findings panel while serving: this host's page cache is shared with its "
            "build, which would publish it (set `show_findings: always` for local previews only, "
            "or run `mkdocs-prd lint`)"
        )
    renderer = Renderer(Labels(settings.labels), override_dirs(host.custom_dir), material=host.material)
    base_dir = os.path.dirname(config_file) if config_file else os.getcwd()
    render = render_site(
        catalog,
        renderer,
        index_settings(cfg, settings, base_dir),
        read_text=read_text,
        url_of=lambda src: page_url(src, use_directory_urls),
        show_findings=show,
    )
    for message in render.warnings:
        log.warning(f"prd: {message}")
    for message in render.notes:
        log.info(f"prd: warning: {message}")
    sources = {prd.path: decode_source(files[prd.path])[0] for prd in catalog}
    return Site(docs_dir, cfg, use_directory_urls, fingerprint, catalog, render, sources, host.build)


def forget() -> None:
    """Drop every site read so far (the next page reads its site again)."""
    with _LOCK:
        _SITES.clear()
        _WHERE.clear()
        _RAW.clear()
