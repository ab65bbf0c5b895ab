"""``mkdocs-prd rules``: print the rule catalogue (ids, default severities, descriptions)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from mkdocs_prd.adapters.cli.main import EXIT_OK, write_out
from mkdocs_prd.core.rules.catalog import RULES, rule_table_markdown


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser(
        "rules",
        help="print the rule catalogue",
        description="Print every rule with its id, default severity, description and safe fix (if any).",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default), a Markdown table (as in the documentation), or JSON",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the catalogue in the chosen format."""
    if args.format == "markdown":
        write_out(rule_table_markdown())
    elif args.format == "json":
        rows = [
            {"rule": r.id, "severity": r.severity.value, "description": r.summary, "fixable": r.fixable}
            for r in RULES.values()
        ]
        write_out(json.dumps(rows, indent=2) + "\n")
    else:
        write_out(
            "".join(
                f"{r.id}  {r.severity.value:<7}  {r.summary}{f' [fix: {r.fixable}]' if r.fixable else ''}\n"
                for r in RULES.values()
            )
        )
    return EXIT_OK
