"""``mkdocs-prd assets DIR``: write the stylesheet and index scripts a build would serve.

For hosts where an extension cannot add files to the site (Zensical, any
Python-Markdown host): the author writes them once (or CI before each build) into
a folder of ``docs_dir`` and lists them under ``extra_css``/``extra_javascript``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from mkdocs_prd.adapters.cli.main import EXIT_OK, UsageError, add_config_argument, load_config, write_out
from mkdocs_prd.core.safe import terminal_text
from mkdocs_prd.html.stylesheet import ASSETS_DIR, INDEX_ASSETS, stylesheet


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``assets`` subcommand."""
    parser = subparsers.add_parser(
        "assets",
        help="write prd.css, prd-index.css and prd-index.js into a folder (for extra_css on Zensical)",
        description=(
            "Write the files the plugin serves under assets/prd/ into DIR: prd.css with the site's "
            "status_colors, prd-index.css and prd-index.js. For hosts where the Markdown extension "
            "cannot add files (Zensical): list them under extra_css and extra_javascript. "
            "Exit status: 0 written, 2 usage or configuration error."
        ),
    )
    parser.add_argument("directory", metavar="DIR", help="the folder to write into (created if missing)")
    add_config_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the three files, print their paths, return the exit status."""
    site = load_config(args.config_file)
    colors = site.plugin.status_colors if site is not None else {}
    statuses = site.settings.statuses if site is not None else ()
    approved = site.settings.approved_name if site is not None else None
    files = {"prd.css": stylesheet(colors, statuses, approved).encode("utf-8")}
    for name in INDEX_ASSETS:
        with open(os.path.join(ASSETS_DIR, name), "rb") as fd:
            files[name] = fd.read()
    try:
        os.makedirs(args.directory, exist_ok=True)
        for name, data in files.items():
            path = os.path.join(args.directory, name)
            with open(path, "wb") as fd:
                fd.write(data)
            write_out(terminal_text(path) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write into {args.directory}: {exc.strerror or exc}") from exc
    return EXIT_OK
