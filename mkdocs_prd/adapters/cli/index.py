"""``mkdocs-prd index``: print the site's ``prd-index.json`` without building."""

from __future__ import annotations

import argparse
import os
from typing import Any

from mkdocs_prd.adapters.cli.main import EXIT_OK, add_config_argument, require_site, write_out
from mkdocs_prd.adapters.mkdocs.site import SiteConfig
from mkdocs_prd.core.sitewide.catalog import build_catalog, read_pages
from mkdocs_prd.core.sitewide.export import dumps, export_document
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.html.site_index import catalog_rows


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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the site's PRDs, print the export to stdout, return the exit status."""
    site = require_site(args.config_file)
    raw = site.site
    use_directory_urls = raw.get("use_directory_urls", True) is not False
    catalog = build_catalog(read_pages(site.docs_dir, default_language_pages(site)), site.settings)

    def read_text(src_path: str) -> str | None:
        try:
            with open(os.path.join(site.docs_dir, *src_path.split("/")), encoding="utf-8-sig") as fd:
                return fd.read()
        except (OSError, UnicodeDecodeError):
            return None

    rows = catalog_rows(catalog, lambda src: page_url(src, use_directory_urls), read_text)
    site_url = _text(raw.get("site_url"))
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # MkDocs' site_url option adds it too, and the build exports that
    document = export_document(rows, site_name=_text(raw.get("site_name")), site_url=site_url)
    write_out(dumps(document))
    return EXIT_OK


def default_language_pages(site: SiteConfig) -> list[str]:
    """The pages of the build the site's ``prd-index.json`` comes from: on a site translated
    with mkdocs-static-i18n, the default language's (each language build exports its own)."""
    translations = site.settings.translations
    if translations is None:
        return list(site.pages)
    return [p for p in site.pages if translations.page_of(p)[1] == translations.default]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
