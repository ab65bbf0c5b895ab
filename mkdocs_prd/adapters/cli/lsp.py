"""``mkdocs-prd lsp``: run the language server over stdio (needs the ``lsp`` extra, pygls)."""

from __future__ import annotations

import argparse
import importlib.util
from typing import Any

from mkdocs_prd.adapters.cli.main import EXIT_OK, UsageError, add_config_argument, find_config_file

INSTALL_HINT = "the language server needs pygls: pip install 'mkdocs-prd[lsp]'"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``lsp`` subcommand."""
    parser = subparsers.add_parser(
        "lsp",
        help="run the language server (stdio) for editors",
        description=(
            "Run a language server over stdin/stdout: findings as you type, hovers, quick fixes, "
            "completion of statuses and Track IDs. Editors start it; see docs/editor.md. "
            "Needs the lsp extra: pip install 'mkdocs-prd[lsp]'."
        ),
    )
    add_config_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until the editor exits; a missing pygls is a usage error naming the extra."""
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        raise UsageError(INSTALL_HINT)
    config = find_config_file(args.config_file) if args.config_file else None
    from mkdocs_prd.adapters.lsp.server import main

    main(config)
    return EXIT_OK
