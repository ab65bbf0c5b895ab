"""The site as a build sees it, for the command line: MkDocs' own config loading and file collection.

``mkdocs-prd lint``, ``index`` and ``new`` must check exactly the pages ``mkdocs build``
builds.  So the config is loaded and validated by MkDocs itself (ProperDocs for a
``properdocs.yml``), which rejects what a build rejects, and the pages are MkDocs'
``get_files`` with the site's ``exclude_docs``, ``draft_docs`` and the default
exclusions (``templates/``, dot-files and dot-folders) applied.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from mkdocs_prd.adapters.mkdocs.config import (
    PrdConfig,
    check_size,
    extension_names,
    plugin_entries,
    read_raw_config,
    templating_of,
    templating_of_missing,
    to_settings,
    translations_of,
)
from mkdocs_prd.adapters.mkdocs.files import endless_loops, loop_message, site_files
from mkdocs_prd.adapters.mkdocs.includes import includes_of
from mkdocs_prd.adapters.mkdocs.python_tags import PythonTag, python_tags_as_placeholders
from mkdocs_prd.core.settings import Settings

CONFIG_FILES: tuple[str, ...] = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
"""The names of a site's config file, in the order every command (and the language server) looks."""


@dataclass(frozen=True)
class SiteConfig:
    """What the CLI needs from the site's config.

    ``config`` is the validated MkDocs (or ProperDocs) config; ``pages`` the
    documentation pages a build renders, as ``src_path`` relative to ``docs_dir``
    (``/``-separated, sorted); ``warnings`` what the tool warned about while loading (a
    build warns about the same, so ``lint --strict`` fails on them); ``not_installed`` the
    warnings about a theme, plugin or extension missing where the command runs (a
    pre-commit hook's own environment: not the site's fault, so no failure).
    """

    config_file: str
    docs_dir: str
    plugin: PrdConfig
    settings: Settings
    has_plugin: bool
    site: Any
    pages: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    not_installed: tuple[str, ...] = field(default_factory=tuple)

    def page_set(self) -> frozenset[str]:
        """``pages`` as a set, for membership tests."""
        return frozenset(self.pages)


def load_site_config(config_file: str) -> SiteConfig:
    """Load and validate ``config_file`` as ``mkdocs build`` does, and list the pages it builds.

    Raises ``ConfigurationError`` with MkDocs' own messages when it rejects the config
    (YAML errors, badly indented plugin blocks, bad options of any plugin).  A theme or
    plugin or Markdown extension that is not installed where the command runs (a
    pre-commit hook's own environment has no Material) is a warning, not an error: the
    config is read again without it.
    """
    with captured_log("mkdocs") as messages:
        cfg, missing = _load(config_file, messages)
        pages, loops = site_pages(cfg)
    plugin, has_plugin = _prd_plugin(cfg, config_file)
    docs_dir = os.path.abspath(cfg["docs_dir"])
    # What is configured but not installed here still counts as the build has it: the same
    # findings as the build (PRD801 knows superfences, PRD110 knows a {{ }} is rendered).
    absent = [name for kind, name in missing if kind == "extension"]
    extensions = (*extension_names(cfg["markdown_extensions"]), *absent)
    templating = templating_of(cfg) or templating_of_missing(_missing_plugins(config_file, missing))
    missing_plugins = [n for k, n in missing if k == "plugin"]
    settings = replace(
        to_settings(plugin, extensions, translations_of(cfg), templating),
        includes=includes_of(cfg, extensions, missing_plugins),
    )
    warnings = [m for level, m in messages if logging.WARNING <= level < logging.ERROR]
    endless = set(endless_loops(docs_dir)) if loops else set()
    warnings += [loop_message(loop, endless=loop in endless) for loop in loops]
    absent_here = tuple(
        f"{kind} {name!r} is not installed here; read the config without it (a build needs it)"
        for kind, name in missing
    )
    return SiteConfig(
        config_file, docs_dir, plugin, settings, has_plugin, cfg, pages, tuple(warnings), absent_here
    )


def _missing_plugins(config_file: str, missing: list[tuple[str, str]]) -> list[tuple[str, Any]]:
    """``(name, options as written)`` of the plugins configured but not installed here."""
    names = {name for kind, name in missing if kind == "plugin"}
    if not names:
        return []
    try:
        raw = read_raw_config(config_file)
    except ConfigurationError:
        return [(name, None) for name in sorted(names)]
    return [(name, options) for name, options in plugin_entries(raw.get("plugins")) if name in names]


def site_pages(cfg: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The documentation pages a build of the loaded config ``cfg`` renders, as sorted
    ``src_path``s: MkDocs' ``get_files`` (``exclude_docs``, ``draft_docs``, ``templates/``
    and dot-files left out), and the folder links not followed because they are loops
    (see :func:`~mkdocs_prd.adapters.mkdocs.files.site_files`)."""
    found = site_files(cfg)
    return tuple(sorted(f.src_uri for f in found.files.documentation_pages())), found.loops


_NOT_INSTALLED = re.compile(r"""^Config value 'plugins': The "([^"]+)" plugin is not installed""")
_NO_THEME = re.compile(r"^Config value 'theme': Unrecognised theme name: '([^']+)'")
_NO_THEME_NAME = re.compile(r"^Config value 'theme': No theme name set")
"""A theme without ``name``: Zensical's ``theme: {variant: ...}``."""
_NO_EXTENSION = re.compile(r"^Config value 'markdown_extensions': Failed to load extension '([^']+)'")
_LISTS = {"plugin": "plugins", "extension": "markdown_extensions"}
"""The config keys whose entries may name a package not installed here."""


def _load(config_file: str, messages: list[tuple[int, str]]) -> tuple[Any, list[tuple[str, str]]]:
    """MkDocs' ``load_config``; again without each theme or plugin that is not installed here.

    A Python tag whose module is not installed here (``!!python/name:material...``) is read
    as a placeholder (:mod:`~mkdocs_prd.adapters.mkdocs.python_tags`).  The list names what
    was left out: ``(kind, name)``, kind ``theme``, ``plugin``, ``extension`` or ``Python value``.
    A config whose aliases expand past :data:`~mkdocs_prd.core.yaml_size.MAX_VALUES`
    values is refused before MkDocs reads it (MkDocs would not finish).
    """
    check_size(config_file)
    with python_tags_as_placeholders() as tags:
        cfg, missing = _load_config(config_file, messages)
    return cfg, [*(("Python value", tag) for tag in tags), *missing]


def _load_config(config_file: str, messages: list[tuple[int, str]]) -> tuple[Any, list[tuple[str, str]]]:
    overrides: dict[str, Any] = {}
    missing: list[tuple[str, str]] = []
    cleaned: set[str] = set()
    for _attempt in range(16):  # MkDocs reports one missing package per attempt
        start = len(messages)
        try:
            # A copy: MkDocs' validation consumes the entries it reads (dict.popitem).
            return load_config(config_file, **copy.deepcopy(overrides)), missing
        except (SystemExit, Exception) as exc:  # MkDocs' Abort is a SystemExit; plugins raise anything
            problems = [m for level, m in messages[start:] if level >= logging.ERROR]
            found = _not_installed(problems)
            if found is None or not _override(config_file, found, overrides, cleaned):
                detail = "\n".join(problems) or str(exc) or type(exc).__name__
                raise ConfigurationError(f"{config_file}: {detail}") from None
            # An extension that failed only on a placeholder option was kept without that option.
            missing += [(kind, name) for kind, name in found if name not in cleaned]
    raise ConfigurationError(f"{config_file}: the themes and plugins it needs are not installed")


def _not_installed(problems: list[str]) -> list[tuple[str, str]] | None:
    """``[(kind, name)]`` when every problem is a theme or plugin not installed here, else None."""
    found = []
    for problem in problems:
        if m := _NO_THEME.match(problem):
            found.append(("theme", m.group(1)))
        elif _NO_THEME_NAME.match(problem):
            found.append(("theme", "(no name: another tool's theme)"))
        elif m := _NOT_INSTALLED.match(problem):
            found.append(("plugin", m.group(1)))
        elif m := _NO_EXTENSION.match(problem):
            found.append(("extension", m.group(1)))
        else:
            return None
    return found or None


def _override(
    config_file: str, found: list[tuple[str, str]], overrides: dict[str, Any], cleaned: set[str]
) -> bool:
    """Add to ``overrides`` what leaves the ``found`` theme and plugins out; False when it cannot.

    An extension with a placeholder option (:class:`PythonTag`) keeps its place without
    that option (its default applies) and its name is added to ``cleaned``; it is dropped
    only if it fails again.
    """
    for kind, name in found:
        if kind == "theme":
            if "theme" in overrides:
                return False
            overrides["theme"] = {"name": "mkdocs"}
            continue
        key = _LISTS[kind]
        if key not in overrides:
            try:
                with open(config_file, "rb") as fd:
                    raw = yaml_load(fd)
            except (OSError, ConfigurationError):
                return False
            overrides[key] = raw.get(key) if isinstance(raw, dict) else None
        current = overrides[key]
        kept = _without_placeholders(current, name)
        if kept == current:  # no placeholder option (left): the entry is left out
            kept = _drop_entry(current, name)
            cleaned.discard(name)
        else:
            cleaned.add(name)
        if kept == current:
            return False
        overrides[key] = kept
    return True


def _without_placeholders(value: object, name: str) -> object:
    """A ``plugins`` or ``markdown_extensions`` value whose entry ``name`` has no option
    read as a :class:`PythonTag`, at any depth of its options (the same value when it has none)."""

    def clean(options: object) -> object:
        # At any depth: a custom fence's ``format`` in ``custom_fences: [{…}]`` as well as
        # ``emoji_index`` itself.  The extension keeps the rest (its default for what goes).
        if isinstance(options, dict):
            return {k: clean(v) for k, v in options.items() if not isinstance(v, PythonTag)}
        if isinstance(options, list):
            return [clean(v) for v in options if not isinstance(v, PythonTag)]
        return options

    if isinstance(value, dict):
        return {k: clean(v) if k == name else v for k, v in value.items()}
    if isinstance(value, list):
        return [
            {name: clean(item[name])} if isinstance(item, dict) and len(item) == 1 and name in item else item
            for item in value
        ]
    return value


def _drop_entry(value: object, name: str) -> object:
    """A ``plugins`` or ``markdown_extensions`` value without the entry ``name``."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != name}
    if isinstance(value, list):
        return [
            item
            for item in value
            if not (item == name or (isinstance(item, dict) and len(item) == 1 and next(iter(item)) == name))
        ]
    return value


@contextmanager
def captured_log(tool: str) -> Iterator[list[tuple[int, str]]]:
    """Collect what ``tool`` logs at WARNING and above (its own messages, e.g. "Config value
    'plugins': ..."), as ``(level, message)``, instead of printing it; ``""``: every logger."""
    records: list[tuple[int, str]] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.levelno, record.getMessage()))

    logger = logging.getLogger(tool)
    handler = _Collect(logging.WARNING)
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # the CLI prints them itself, once
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


def _prd_plugin(cfg: Any, config_file: str) -> tuple[PrdConfig, bool]:
    from mkdocs_prd.adapters.mkdocs.plugin import PrdPlugin

    for plugin in cfg["plugins"].values():
        if isinstance(plugin, PrdPlugin):
            return plugin.config, True
    default = PrdConfig(config_file_path=config_file)
    default.load_dict({})
    default.validate()
    return default, False
