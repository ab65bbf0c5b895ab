"""The Python-Markdown extension: PRD pages on any host that runs Python-Markdown.

``markdown_extensions: [mkdocs_prd.extension]`` gives a PRD page what the MkDocs
plugin gives it (header card, badges, IOSM table with actuals, findings panel) and
fills ``<!-- prd-index -->`` listing markers, on Zensical, MkDocs without the
plugin, or any other Python-Markdown host.  It is a thin adapter: the pages are
rewritten by :class:`~mkdocs_prd.html.page.PageRenderer` and the listings come from
:class:`~mkdocs_prd.html.site_index.SiteIndex`, exactly as the plugin uses them.

Which page is being converted: the host's own record when it has one (Zensical's
rendering context, MkDocs' page file), else the page text itself is matched
against the site's PRDs.  A host that gives an extension no way to add files gets
no generated index page, ``prd-index.json`` or stylesheet: see ``docs/hosts.md``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.util import Registry

from mkdocs_prd.adapters.markdown.lists import PrdListsExtension
from mkdocs_prd.adapters.markdown.sites import HOST_OPTIONS, Host, Site, log, site_for
from mkdocs_prd.adapters.mkdocs.config import PrdConfig, validate_options
from mkdocs_prd.adapters.mkdocs.meta_lines import keep_first_lines
from mkdocs_prd.core.fidelity import Features, features_from_extensions
from mkdocs_prd.core.parse.prd import is_prd
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.core.sitewide.listing import MARKER_NAME
from mkdocs_prd.html.page import line_offset

PLUGIN_TOKEN = "<!--prd-fragment-"
"""The plugin's placeholders: a page that holds them was rendered by the plugin already."""


def host_of(md: Markdown) -> Host:
    """What the host says about the page ``md`` converts (found by duck typing, no host import)."""
    serve = "serve" in sys.argv[1:3]
    context = _named(md.preprocessors, "rendering_context")
    page = getattr(context, "page", None)
    if page is not None and isinstance(getattr(page, "path", None), str):
        # Zensical: the page's path below docs_dir and URL; the project's config as a dict.
        config = getattr(context, "config", None) or {}
        root = str(config.get("root_dir") or ".")
        docs = config.get("docs_dir")
        yml = os.path.join(root, "mkdocs.yml")
        theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return Host(
            src_path=page.path.replace(os.sep, "/"),
            url=str(getattr(page, "url", "") or ""),
            docs_dir=os.path.abspath(os.path.join(root, docs)) if isinstance(docs, str) else None,
            config_file=yml if os.path.isfile(yml) else None,
            use_directory_urls=config.get("use_directory_urls") is not False,
            material=True,  # Zensical's theme is Material's: admonitions style the findings panel
            custom_dir=os.path.join(root, custom) if isinstance(custom, str) else None,
            serve=serve,
            shared_cache=True,  # its .cache holds pages rendered by serve and build alike
            build=config or None,
        )
    relpath = _named(md.treeprocessors, "relpath")
    file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
    if file is not None and config is not None:
        # MkDocs and ProperDocs: the page's File and the validated config of the build.
        theme = getattr(config, "theme", None)
        return Host(
            src_path=str(file.src_uri),
            url=str(file.url),
            docs_dir=str(config.docs_dir),
            config_file=config.config_file_path,
            use_directory_urls=bool(config.use_directory_urls),
            material=getattr(theme, "name", None) == "material",
            custom_dir=getattr(theme, "custom_dir", None),
            serve=serve,
            build=config,
        )
    return Host(serve=serve)


def features_of(md: Markdown) -> Features:
    """What the page's own Markdown instance renders (the same :class:`Features` the plugin
    computes from ``mkdocs.yml``): its registered extensions, plus two that register none."""
    names: list[object] = list(md.registeredExtensions)
    configs: dict[str, Any] = {}
    if "markdown_block" in md.parser.blockprocessors:
        names.append("md_in_html")
    olist = _named(md.parser.blockprocessors, "olist")
    if olist is not None and type(olist).__module__.startswith("mdx_truly_sane_lists"):
        names.append("mdx_truly_sane_lists")
        configs["mdx_truly_sane_lists"] = {"nested_indent": getattr(olist, "tab_length", 2)}
    return features_from_extensions(names, configs)


def _named(registry: Registry[Any], name: str) -> Any:
    """The processor registered as ``name``, or None (a Registry has no ``get``)."""
    try:
        return registry[name]
    except KeyError:
        return None


class _PagePrep(Preprocessor):
    """Before any other preprocessor: find the PRD, put its fragments' placeholders in."""

    def __init__(self, md: Markdown, ext: PrdExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.page = None
        self.ext.lists.active = False
        text = "\n".join(lines)
        if PLUGIN_TOKEN in text:
            return lines  # the prd plugin rendered this page (it drops the extension; an old copy may not)
        host = host_of(self.md)
        site = site_for(self.ext.options, host)
        if site is None:
            return lines
        src = host.src_path
        if src is None:
            src = site.identify(text)
            if src is None and is_prd(text):
                # A PRD the site does not hold as it is now (changed since it was read)?
                site = site_for(self.ext.options, host, changed_page=True) or site
                src = site.identify(text)
        elif src in site.sources and line_offset(site.sources[src], text) is None:
            # The page changed since the site was read (serve): read it again now.
            site = site_for(self.ext.options, host, changed_page=True) or site
        url = host.url if host.url is not None else page_url(src or "index.md", site.use_directory_urls)
        self.ext.page = (site, src, url)
        if src is not None and site.catalog.get(src) is not None:
            # As on the plugin's path: the site's extensions decide the rewrite, and the
            # list numbering and separation of CommonMark are on for this page.
            site.render.pages.features = features_of(self.md)
            self.ext.lists.active = True
            text = _first_lines_back(site.sources.get(src), text)
            text = site.render.pages.markdown(src, text, site.sources.get(src))
        if MARKER_NAME in text and src is not None:
            offset = line_offset(site.sources.get(src, ""), text) or 0
            result = site.render.index.prepare_markdown(src, text, offset)
            for problem in result.problems:
                log.warning(f"prd: {src}:{problem.line}: {problem.message}")
        return text.split("\n")


def _first_lines_back(source: str | None, text: str) -> str:
    """``text`` (a PRD page as the host gives it) with the first lines of ``source`` that the
    host's MultiMarkdown metadata reader took (MkDocs without the plugin) put back."""
    if source is None or keep_first_lines(source.lstrip("\ufeff")) is None:
        return text
    whole = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return whole if len(whole) > len(text) and whole.endswith(text) else text


class _PageFinish(Postprocessor):
    """Last: the fragments' real HTML for their placeholders, listings for their markers."""

    def __init__(self, md: Markdown, ext: PrdExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        # Extensions run the postprocessors on pieces too (toc on each heading): act
        # only on the text that holds the page's placeholders or markers.
        if self.ext.page is None:
            return text
        site, src, url = self.ext.page
        if src is not None and PLUGIN_TOKEN in text:
            pages = site.render.pages
            text = pages.output(src, pages.html(src, text))
            _rename_toc(self.md, pages.heading_ids.pop(src, {}))
        return site.render.index.fill(url, text)


def _rename_toc(md: Markdown, renamed: dict[str, str]) -> None:
    """The toc extension's table of contents follows the headings whose ids changed
    (:func:`mkdocs_prd.html.trace_html.separate_heading_ids`): its tokens and its HTML."""
    if not renamed:
        return
    stack = list(getattr(md, "toc_tokens", None) or [])
    while stack:
        token = stack.pop()
        if isinstance(token, dict):
            token["id"] = renamed.get(token.get("id", ""), token.get("id", ""))
            stack.extend(token.get("children") or [])
    toc = getattr(md, "toc", None)
    if isinstance(toc, str):
        for old, new in renamed.items():
            toc = toc.replace(f'href="#{old}"', f'href="#{new}"')
        md.toc = toc  # type: ignore[attr-defined]


_CHECKED: dict[str, PrdConfig] = {}


class PrdExtension(Extension):
    """``mkdocs_prd.extension``: the options are the plugin's, plus ``config_file`` and ``docs_dir``.

    ``config_file``: the site's ``mkdocs.yml`` (default: the host's, else ``./mkdocs.yml``);
    its ``prd`` plugin entry, if any, gives the defaults.  ``docs_dir``: where the
    Markdown files are (default: the host's, else the config file's).  Bad options raise
    ``mkdocs.exceptions.ConfigurationError`` naming the option, when the extension is made.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.options: Mapping[str, Any] = dict(kwargs)
        self.config: dict[str, list[Any]] = {}
        self.page: tuple[Site, str | None, str] | None = None
        super().__init__()
        key = repr(sorted(kwargs.items()))
        checked = _CHECKED.get(key)
        if checked is None:
            # Hosts make an extension per page: validate each set of options once.
            own = {k: v for k, v in kwargs.items() if k not in HOST_OPTIONS}
            checked = validate_options(own, None, "markdown extension 'mkdocs_prd.extension'")
            _CHECKED[key] = checked
        self.checked: PrdConfig = checked
        self.lists = PrdListsExtension()
        self.lists.priority = 34  # after the page prep (35) has said whether the page is a PRD

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before normalize_whitespace (30): the lines are the page's own, so the
        # parser's line numbers map onto them and nothing is parsed twice.
        md.preprocessors.register(_PagePrep(md, self), "prd_page", 35)
        self.lists.extendMarkdown(md)
        # After raw HTML is restored (30) and everything else: placeholders are in the text.
        md.postprocessors.register(_PageFinish(md, self), "prd_page", 1)

    def reset(self) -> None:
        self.page = None


def makeExtension(**kwargs: Any) -> PrdExtension:
    """The extension with ``kwargs`` as its options (see :class:`PrdExtension`)."""
    return PrdExtension(**kwargs)
