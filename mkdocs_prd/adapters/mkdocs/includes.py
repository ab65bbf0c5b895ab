"""The site's include tools, from its loaded MkDocs config, as :class:`~mkdocs_prd.core.settings.Includes`.

mkdocs-include-markdown-plugin (``{% include-markdown %}``, ``{% include %}``) and
pymdownx.snippets (``--8<--``) put other files into a page; PRDs are then read with
them (:mod:`mkdocs_prd.core.includes`).  A site with neither gets None: no page pays.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from mkdocs_prd.core.settings import IncludeMarkdown, Includes, Snippets

SNIPPETS = "pymdownx.snippets"
INCLUDE_MARKDOWN = "include-markdown"


def includes_of(cfg: Any, extensions: Sequence[str], missing_plugins: Sequence[str] = ()) -> Includes | None:
    """The include tools of the loaded config ``cfg`` (``extensions`` by name, as the build has
    them; ``missing_plugins`` configured but not installed here, read with their defaults)."""
    markdown = _include_markdown(cfg)
    if markdown is None and INCLUDE_MARKDOWN in missing_plugins:
        markdown = IncludeMarkdown()
    snippets = _snippets(cfg["mdx_configs"].get(SNIPPETS) or {}) if SNIPPETS in extensions else None
    if markdown is None and snippets is None:
        return None
    config_dir = os.path.dirname(os.path.abspath(cfg.config_file_path or "mkdocs.yml"))
    docs_dir = os.path.abspath(cfg["docs_dir"])
    return Includes(docs_dir=docs_dir, roots=(config_dir, docs_dir), markdown=markdown, snippets=snippets)


def _include_markdown(cfg: Any) -> IncludeMarkdown | None:
    for plugin in cfg["plugins"].values():
        if not type(plugin).__module__.startswith("mkdocs_include_markdown_plugin"):
            continue
        options = getattr(plugin, "config", None) or {}
        names = options.get("directives") or {}
        names = names if isinstance(names, Mapping) else {}
        offset = options.get("heading_offset", 0)
        return IncludeMarkdown(
            opening=str(options.get("opening_tag") or "{%"),
            closing=str(options.get("closing_tag") or "%}"),
            names=(
                str(names.get("include") or "include"),
                str(names.get("include-markdown") or "include-markdown"),
            ),
            recursive=options.get("recursive", True) is not False,
            preserve_includer_indent=options.get("preserve_includer_indent", True) is not False,
            dedent=options.get("dedent", False) is True,
            heading_offset=offset if isinstance(offset, int) else 0,
            comments=options.get("comments", False) is True,
            start=_text(options.get("start")),
            end=_text(options.get("end")),
        )
    return None


def _snippets(options: Mapping[str, Any]) -> Snippets:
    base = options.get("base_path", ["."])
    bases = (
        [base]
        if isinstance(base, (str, os.PathLike))
        else list(base)
        if isinstance(base, (list, tuple))
        else ["."]
    )
    return Snippets(
        base_paths=tuple(os.path.abspath(os.fspath(b)) for b in bases if isinstance(b, (str, os.PathLike))),
        restrict=options.get("restrict_base_path", True) is not False,
        dedent_subsections=options.get("dedent_subsections", False) is True,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def raw_includes(raw: Mapping[str, Any], config_file: str | None, docs_dir: str) -> Includes | None:
    """The include tools of a config read as plain YAML (``raw``), for the Markdown extension
    on hosts without MkDocs plugins (Zensical): snippets only, an extension there too."""
    options = _raw_options(raw.get("markdown_extensions"), SNIPPETS)
    if options is None:
        return None
    config_dir = os.path.dirname(os.path.abspath(config_file)) if config_file else os.getcwd()
    docs = os.path.abspath(docs_dir)
    return Includes(docs_dir=docs, roots=(config_dir, docs), snippets=_snippets(options))


def _raw_options(extensions: object, name: str) -> Mapping[str, Any] | None:
    """The options of extension ``name`` in a raw ``markdown_extensions`` value ({} without
    options), or None when it is not listed."""
    items = list(extensions.items()) if isinstance(extensions, Mapping) else extensions
    if not isinstance(items, list):
        return None
    for item in items:
        if item == name:
            return {}
        if isinstance(item, tuple) and item and item[0] == name:
            return item[1] if isinstance(item[1], Mapping) else {}
        if isinstance(item, Mapping) and name in item:
            value = item[name]
            return value if isinstance(value, Mapping) else {}
    return None
