"""``mkdocs-prd review``: what a change does to the site's PRDs, between two git revisions."""

from __future__ import annotations

import argparse
import os
from typing import Any

from mkdocs_prd.adapters.cli.formats import FORMATS
from mkdocs_prd.adapters.cli.main import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_config_argument,
    require_site,
    write_out,
)
from mkdocs_prd.core.lint import LintResult
from mkdocs_prd.core.model import Severity
from mkdocs_prd.core.review.git import GitError, check_rev, open_repo, relative_folder
from mkdocs_prd.core.review.revisions import read_commit, read_worktree
from mkdocs_prd.core.review.rules import review, summary_markdown
from mkdocs_prd.core.safe import encodable


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``review`` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help="compare every PRD between two git revisions (change review)",
        description=(
            "Compare the site's PRDs at --base with --head (default: the working tree) by their parsed "
            "content: changed requirements of approved PRDs (PRD701), a new Version without a change-log "
            "row (PRD702), a Status moved backwards or skipping a step (PRD703), and a summary of each "
            "changed PRD (PRD704).  Renamed and moved PRDs are followed by Track ID.  Needs git and the "
            "base revision in the clone (in CI: fetch-depth: 0).  "
            "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage, configuration or "
            "git error."
        ),
    )
    parser.add_argument(
        "--base", required=True, metavar="REV", help="the revision to compare with (origin/main)"
    )
    parser.add_argument(
        "--head", default=None, metavar="REV", help="the revision to review (default: the working tree)"
    )
    add_config_argument(parser)
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--summary",
        metavar="FILE",
        default=None,
        help="also append the change summary as Markdown to FILE (in GitHub Actions: $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Review, print the findings in the chosen format, and return the exit status."""
    site = require_site(args.config_file)
    settings = site.settings
    try:
        check_rev(args.base)
        if args.head is not None:
            check_rev(args.head)
        repo = open_repo(site.docs_dir)
        folder = relative_folder(repo, site.docs_dir)
        base = read_commit(repo, args.base, folder, settings)
        if args.head is None:
            head = read_worktree(site.docs_dir, settings)
        else:
            head = read_commit(repo, args.head, folder, settings)
    except GitError as exc:
        raise UsageError(str(exc)) from exc
    result = review(
        base.prds,
        head.prds,
        settings,
        base.sources,
        head.sources,
        base_expanded=base.expanded,
        head_expanded=head.expanded,
    )
    cwd = os.getcwd()
    files = {f.path: _shown(os.path.join(site.docs_dir, *f.path.split("/")), cwd) for f in result.findings}
    write_out(FORMATS[args.format](LintResult(result.findings, files, len(result.reviews))))
    if args.summary:
        try:
            with open(args.summary, "a", encoding="utf-8") as fd:
                fd.write(encodable(summary_markdown(result, base.label, head.label)))
        except OSError as exc:
            raise UsageError(f"cannot write the summary to {args.summary}: {exc.strerror or exc}") from exc
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_PROBLEMS if any(f.severity in failing for f in result.findings) else EXIT_OK


def _shown(path: str, cwd: str) -> str:
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        rel = path
    return rel.replace(os.sep, "/")
