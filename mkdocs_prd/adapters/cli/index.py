"""``mkdocs-prd index``: print the site's ``prd-index.json`` (or its index page) without building.

``--format markdown`` prints the index page itself, its listing rendered: the page
a host without plugins (Zensical) cannot generate, for the author to commit or CI
to write into ``docs_dir`` before the build.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from mkdocs_prd.adapters.cli.main import (
    EXIT_OK,
    add_config_argument,
    add_verbose_argument,
    note_skipped,
    require_site,
    say,
    show_plugin_log,
    write_out,
)
from mkdocs_prd.adapters.markdown.titles import title_markup
from mkdocs_prd.adapters.mkdocs.config import index_settings
from mkdocs_prd.adapters.mkdocs.generated import Generated, generated_pages
from mkdocs_prd.adapters.mkdocs.site import SiteConfig
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog, read_pages
from mkdocs_prd.core.sitewide.export import dumps, export_document
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.core.sitewide.listing import wrap_generated
from mkdocs_prd.html.page import html_block
from mkdocs_prd.html.render import Renderer
from mkdocs_prd.html.site import render_site
from mkdocs_prd.html.site_index import INDEX_MARKER, catalog_rows
from mkdocs_prd.html.titles import Titles


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``index`` subcommand."""
    parser = subparsers.add_parser(
        "index",
        help="print the site's PRD index as JSON (the build's prd-index.json)",
        description=(
            "Print the same JSON that `mkdocs build` writes to prd-index.json, without building: "
            "URLs as MkDocs computes them (use_directory_urls honoured), findings from the site's rules. "
            "Exit status: 0 success, 2 usage or configuration error."
        ),
    )
    add_config_argument(parser)
    add_verbose_argument(parser)
    parser.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json (default): the build's prd-index.json; markdown: the index page with its table, "
        "for hosts that cannot generate it (Zensical)",
    )
    parser.add_argument(
        "--page",
        metavar="PATH",
        default=None,
        help="with --format markdown: where the page goes below docs_dir, for its links "
        "(default: the index_page option, prds/index.md)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the site's PRDs, print the export to stdout, return the exit status."""
    site = require_site(args.config_file)
    raw = site.site
    use_directory_urls = raw.get("use_directory_urls", True) is not False
    skipped: list[str] = []
    # The build's export lists the PRDs plugins generate, not those they leave out
    # (mkdocs-exclude); the Markdown page is for Zensical, which runs no MkDocs plugins.
    made = generated_pages(site.site) if args.format != "markdown" else Generated()
    show_plugin_log(made.log, args.verbose)
    wanted = [src for src in default_language_pages(site) if src not in made.removed]
    pages = list(read_pages(site.docs_dir, wanted, skipped))
    note_skipped(skipped)
    if args.format != "markdown":  # the build's export also lists the PRDs plugins generate
        if made.problem is not None:
            say(
                f"mkdocs-prd: note: the site's plugins could not be run ({made.problem}); "
                "PRDs they generate are left out"
            )
        pages += made.pages.items()
    catalog = build_catalog(pages, site.settings)

    def read_text(src_path: str) -> str | None:
        try:
            return read_bytes(os.path.join(site.docs_dir, *src_path.split("/"))).decode("utf-8-sig")
        except (UnreadableFile, UnicodeDecodeError):
            return None

    url_of = lambda src: page_url(src, use_directory_urls)  # noqa: E731 - named for both uses
    if args.format == "markdown":
        write_out(_index_page(site, catalog, args.page, url_of, read_text))
        return EXIT_OK
    rows = catalog_rows(catalog, url_of, read_text)
    site_url = _text(raw.get("site_url"))
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # MkDocs' site_url option adds it too, and the build exports that
    document = export_document(rows, site_name=_text(raw.get("site_name")), site_url=site_url)
    write_out(dumps(document))
    return EXIT_OK


def _index_page(
    site: SiteConfig,
    catalog: Catalog,
    page: str | None,
    url_of: Callable[[str], str],
    read_text: Callable[[str], str | None],
) -> str:
    """The index page's Markdown with the listing filled in (a raw HTML block)."""
    page = (page or site.plugin.index_page or "prds/index.md").replace("\\", "/").lstrip("/")
    base_dir = os.path.dirname(os.path.abspath(site.config_file))
    renderer = Renderer(
        Labels(site.settings.labels),
        material=_theme_name(site.site) == "material",
        titles=Titles(title_markup(site.site["markdown_extensions"], site.site["mdx_configs"])),
    )
    index = render_site(
        catalog,
        renderer,
        index_settings(site.plugin, site.settings, base_dir, site.site["site_name"]),
        read_text=read_text,
        url_of=url_of,
        show_findings=False,
    ).index
    markdown = index.page_markdown()
    # "##[" as "##&#91;" (the same text on the page): a line holding "##[" that reaches a
    # GitHub Actions log is a workflow command ("##[error]" from a PRD title).
    listing = index.fill(url_of(page), INDEX_MARKER).replace("##[", "##&#91;")
    # Wrapped so the prd plugin recognises it and shows its live index there instead (not twice).
    return markdown.replace(INDEX_MARKER, "\n".join(wrap_generated(html_block(listing))).strip("\n"))


def _theme_name(raw: Any) -> str | None:
    theme = raw.get("theme")
    if isinstance(theme, dict):
        theme = theme.get("name")
    elif theme is not None and not isinstance(theme, str):
        theme = getattr(theme, "name", None)  # MkDocs' Theme
    return theme if isinstance(theme, str) else None


def default_language_pages(site: SiteConfig) -> list[str]:
    """The pages of the build the site's ``prd-index.json`` comes from: on a site translated
    with mkdocs-static-i18n, the default language's (each language build exports its own)."""
    translations = site.settings.translations
    if translations is None:
        return list(site.pages)
    return [p for p in site.pages if translations.page_of(p)[1] == translations.default]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
