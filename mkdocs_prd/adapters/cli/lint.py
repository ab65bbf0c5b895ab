"""``mkdocs-prd lint``: check PRDs with the site's rules and settings, without building."""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import replace
from typing import Any

from mkdocs_prd.adapters.cli.fixing import planned_fixes, unified_diff, write_atomically
from mkdocs_prd.adapters.cli.formats import FORMATS
from mkdocs_prd.adapters.cli.main import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_config_argument,
    add_verbose_argument,
    load_config,
    say,
    show_plugin_log,
    write_out,
)
from mkdocs_prd.adapters.mkdocs.config import ConfigurationError, read_raw_config
from mkdocs_prd.adapters.mkdocs.generated import generated_pages
from mkdocs_prd.adapters.mkdocs.site import SiteConfig
from mkdocs_prd.core.lint import lint
from mkdocs_prd.core.model import Severity
from mkdocs_prd.core.rules.validate import counted
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.facts import FactCache
from mkdocs_prd.html.stylesheet import INDEX_ASSETS


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``lint`` subcommand."""
    parser = subparsers.add_parser(
        "lint",
        help="check PRD files against the rule catalogue",
        description=(
            "Check PRDs with the same rules and settings as `mkdocs build`, without building. "
            "Exit status: 0 no errors, 1 errors (or warnings with --strict, the site's own included: a paths "
            "pattern that matches no page, the plugin listed on a Zensical site, a missing stylesheet), "
            "2 usage or configuration error."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to lint (default: the docs_dir of the config file)",
    )
    add_config_argument(parser)
    add_verbose_argument(parser)
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, the site's own included"
    )
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes (see the rule table's fixable column) to the files, "
        "then report the findings that are left",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print the safe fixes as a unified diff and write nothing "
        "(exit 1 when there is something to fix, else 0)",
    )
    parser.add_argument(
        "--host",
        choices=("auto", "mkdocs", "zensical"),
        default="auto",
        help="the tool that builds the site, for the plugin-on-Zensical warning (default: auto, "
        "Zensical when a zensical.toml is beside mkdocs.yml or theme.variant is set)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the cache of the site's Track IDs (results are the same, only slower)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Lint, print the findings in the chosen format, and return the exit status."""
    site = load_config(args.config_file)
    if site is None and not args.paths:
        raise UsageError("no mkdocs.yml here: give PATHs to lint, or -f CONFIG_FILE")
    if site is None:
        say("mkdocs-prd: note: no mkdocs.yml found (here or in a parent folder); default settings")
    # What is wrong with the site rather than with a page: said on stderr, and with --strict it
    # fails the check as it fails `mkdocs build --strict` (on Zensical, lint is the only gate).
    site_warnings: list[str] = list(site.warnings) if site is not None else []
    if site is not None:
        warning = zensical_warning(site, args.host)
        site_warnings += [warning] if warning is not None else []
        site_warnings += missing_assets(site, args.host)
        for shown in site_warnings[len(site.warnings) :]:
            say(f"mkdocs-prd: warning: {shown}")
    settings = site.settings if site is not None else Settings()
    if site is not None and settings.templating is not None and _zensical(site, args.host):
        # Zensical runs no MkDocs plugins: a `{{ owner }}` stays on the page as written.
        settings = replace(settings, templating=None)
    docs_dir = site.docs_dir if site is not None else None
    pages = site.page_set() if site is not None else None
    cache = FactCache.for_site(docs_dir) if docs_dir is not None and not args.no_cache else None
    made: dict[str, bytes] = {}
    if site is not None:
        # PATHs given (pre-commit): a page the plugins leave out is still not checked.
        made, removed = _generated(site, args.verbose, quiet=bool(args.paths))
        made = {} if args.paths else made
        pages = pages - removed if pages is not None else None
    try:
        result = lint(args.paths, settings, docs_dir, pages, cache, made)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc.args[0]}") from exc
    for shown in result.skipped:
        say(
            f"mkdocs-prd: note: skipped {shown}: the site does not build it "
            "(exclude_docs, draft_docs, templates/, a dot-folder, or a plugin such as mkdocs-exclude)"
        )
    for pattern in result.unmatched_paths:
        site_warnings.append(f"paths: the pattern {pattern!r} matches no page (check its folder)")
        say(f"mkdocs-prd: warning: {site_warnings[-1]}")
    for shown in result.not_prds:
        say(
            f"mkdocs-prd: note: skipped {shown}: not a PRD (it does not open with a `# PRD: X` title, "
            "or `# PRD - X` over Status and Owner lines, nor say `type: prd`; "
            "or it is outside the site's `paths`)"
        )
    for page, shared in result.includers:
        say(f"mkdocs-prd: note: also linted {page}: it includes {', '.join(shared)}")
    if args.fix or args.diff:
        changes = planned_fixes(result, settings)
        if args.diff:
            # On a terminal the document's control characters are shown; into a pipe or
            # file the diff stays exact, so `git apply` still applies it (write_out).
            write_out(unified_diff(changes))
            return EXIT_PROBLEMS if changes else EXIT_OK
        root = os.path.realpath(docs_dir if docs_dir is not None else os.getcwd())
        inside = []
        for change in changes:
            real = os.path.realpath(change.file)
            if _inside(real, root):
                inside.append(change)
                continue
            say(
                f"mkdocs-prd: not fixed: {change.file} resolves to {real}, outside {root} "
                "(a symbolic link): --fix writes only inside the site"
            )
        changes = inside
        for change in changes:
            try:
                write_atomically(change.file, change.after)
            except OSError as exc:
                say(f"mkdocs-prd: cannot write {change.file}: {exc.strerror or exc}")
        if changes:
            fixed = sum(c.fixes for c in changes)
            files = len(changes)
            say(f"Fixed {counted(fixed, 'finding')} in {counted(files, 'file')}")
            result = lint(args.paths, settings, docs_dir, pages, cache, made)
    write_out(FORMATS[args.format](result))
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    if args.strict and site_warnings:
        say(f"mkdocs-prd: --strict: failed on {counted(len(site_warnings), 'site warning')} (above)")
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if any(f.severity in failing for f in result.findings) else EXIT_OK


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(os.path.join(root, ""))


def _generated(
    site: SiteConfig, verbose: bool, quiet: bool = False
) -> tuple[dict[str, bytes], frozenset[str]]:
    """The pages the site's plugins add in a build (mkdocs-gen-files), as the build checks them,
    and the site's pages they drop from it (mkdocs-exclude), which the build does not check;
    what the plugins log while they run is shown only when ``verbose``; ``quiet``: no note
    on what they add or leave out (the command was given PATHs: it says what it skips)."""
    made = generated_pages(site.site)
    show_plugin_log(made.log, verbose)
    if made.problem is not None and not quiet:
        say(
            f"mkdocs-prd: note: the site's plugins could not be run ({made.problem}); "
            "PRDs they generate during a build are not checked here"
        )
    elif made.pages and not quiet:
        names = ", ".join(sorted(made.pages)[:5]) + (", ..." if len(made.pages) > 5 else "")
        count = counted(len(made.pages), "page")
        say(f"mkdocs-prd: note: also checked {count} the site's plugins generate in a build: {names}")
    if made.removed and not quiet:
        names = ", ".join(sorted(made.removed)[:5]) + (", ..." if len(made.removed) > 5 else "")
        count = counted(len(made.removed), "page")
        say(f"mkdocs-prd: note: skipped {count} the site's plugins leave out of a build: {names}")
    return made.pages, made.removed


EXTENSION = "mkdocs_prd.extension"


def zensical_warning(site: SiteConfig, host: str = "auto") -> str | None:
    """Why the ``prd`` plugin will not run on this site, or None.

    Zensical reads ``mkdocs.yml`` but runs no MkDocs plugins (it ignores them
    silently); the Markdown extension is what works there.  Said only for a site
    built by Zensical (``host``, or ``auto``: :func:`zensical_reason`) that lists the
    plugin and not the extension.
    """
    if not site.has_plugin or _lists_extension(site.site.get("markdown_extensions")):
        return None
    why = "--host zensical" if host == "zensical" else zensical_reason(site) if host == "auto" else None
    if why is None:
        return None
    return (
        f"{site.config_file}: 'prd' is listed under plugins, but this site is built by Zensical ({why}), "
        f"which does not run MkDocs plugins: PRD pages get no card, checks or index. "
        f"Add '{EXTENSION}' under markdown_extensions (docs: Hosts, Zensical)."
    )


def _zensical(site: SiteConfig, host: str) -> bool:
    return host == "zensical" or (host == "auto" and zensical_reason(site) is not None)


def zensical_reason(site: SiteConfig) -> str | None:
    """What shows that Zensical builds this site, or None: a ``zensical.toml`` beside
    ``mkdocs.yml``, or ``theme.variant`` (an option only Zensical has)."""
    base = os.path.dirname(os.path.abspath(site.config_file))
    if os.path.isfile(os.path.join(base, "zensical.toml")):
        return "zensical.toml beside it"
    try:
        theme = read_raw_config(site.config_file).get("theme")  # as written: MkDocs' Theme drops it
    except ConfigurationError:
        theme = None
    if isinstance(theme, dict) and "variant" in theme:
        return "theme.variant is a Zensical option"
    if _generator(os.path.join(base, str(site.site.get("site_dir") or "site"), "index.html")).startswith(
        "zensical"
    ):
        return "site/index.html was built by Zensical"
    return None


_GENERATOR = re.compile(rb'<meta name="generator" content="([^"]{1,200})"')


def _generator(page: str) -> str:
    """The ``generator`` meta tag of a built page (``zensical-0.0.73``, ``mkdocs-1.6.1, ...``), or ''."""
    try:
        with open(page, "rb") as fd:
            m = _GENERATOR.search(fd.read(16384))
    except OSError:
        return ""
    return m.group(1).decode("utf-8", "replace").lower() if m else ""


ASSET_NAMES = frozenset({"prd.css", *INDEX_ASSETS})
"""The files ``mkdocs-prd assets`` writes, by name."""


def missing_assets(site: SiteConfig, host: str = "auto") -> list[str]:
    """Warnings for ``extra_css``/``extra_javascript`` entries naming the plugin's stylesheet or
    index script (:data:`ASSET_NAMES`) that are not in ``docs_dir``, one per folder.

    Under MkDocs or ProperDocs the plugin serves ``assets/prd/<name>`` itself, so only another
    path is missing there; on a host without the plugin (Zensical, ``--host zensical``) any such
    entry is, and the PRD cards are unstyled.  URLs and absolute paths are not checked.
    """
    served = site.has_plugin and not _zensical(site, host)
    missing: dict[str, list[str]] = {}  # folder below docs_dir -> entries
    for key in ("extra_css", "extra_javascript"):
        for entry in site.site.get(key) or ():
            path = str(getattr(entry, "path", entry))
            folder, _, name = path.rpartition("/")
            if name not in ASSET_NAMES or "://" in path or path.startswith("/"):
                continue
            if served and folder == "assets/prd":
                continue
            if not os.path.isfile(os.path.join(site.docs_dir, *path.split("/"))):
                missing.setdefault(folder, []).append(path)
    out = []
    for folder, paths in missing.items():
        where = os.path.join(site.docs_dir, *folder.split("/"))
        where = os.path.relpath(where) if not os.path.relpath(where).startswith("..") else where
        out.append(
            f"extra_css/extra_javascript: {', '.join(paths)} not in docs_dir, so the built pages go "
            f"without them (PRD cards unstyled); write them before the build: mkdocs-prd assets {where}"
        )
    return out


def _lists_extension(extensions: object) -> bool:
    names: list[object] = []
    if isinstance(extensions, dict):
        names = list(extensions)
    elif isinstance(extensions, list):
        for item in extensions:
            names.extend(item if isinstance(item, dict) else [item])
    return any(name in (EXTENSION, "mkdocs_prd.adapters.markdown") for name in names)
