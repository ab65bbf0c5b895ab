"""The ``mkdocs-prd`` command line: subcommands that drive the same library as the plugin.

Each subcommand lives in its own module (``cli_lint.py``, ``cli_rules.py`` …) with a
``register(subparsers)`` function that adds its parser and sets ``func`` to a
callable ``(argparse.Namespace) -> int`` returning the exit status.  A new
subcommand is one more entry in :data:`COMMAND_MODULES`.

Exit statuses are shared by every subcommand: 0 success, 1 the command ran and
found problems (or refused to act), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from mkdocs_prd import __version__
from mkdocs_prd.adapters.mkdocs.config import ConfigurationError
from mkdocs_prd.adapters.mkdocs.site import CONFIG_FILES, SiteConfig, load_site_config
from mkdocs_prd.core.safe import encodable, no_workflow_command, terminal_lines, terminal_text
from mkdocs_prd.core.settings import NO_APPROVED_STATUS

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

COMMAND_MODULES: tuple[str, ...] = (
    "mkdocs_prd.adapters.cli.lint",
    "mkdocs_prd.adapters.cli.rules",
    "mkdocs_prd.adapters.cli.new",
    "mkdocs_prd.adapters.cli.index",
    "mkdocs_prd.adapters.cli.review",
    "mkdocs_prd.adapters.cli.lsp",
    "mkdocs_prd.adapters.cli.trace",
    "mkdocs_prd.adapters.cli.assets",
)
"""Modules that each register one subcommand, in the order ``--help`` lists them."""

DEFAULT_CONFIG_FILES = CONFIG_FILES
"""Where a command looks for the site's config (the language server looks for the same names)."""


class UsageError(Exception):
    """A mistake in the command line or the site's configuration (exit status 2).

    Subcommands raise it; :func:`main` prints the message and returns 2.  With
    ``lines`` (a tool's own message of several lines: MkDocs' YAML error), each ``\n`` of
    the message starts a new line; otherwise it is shown escaped, as every control character.
    """

    def __init__(self, message: str, *, lines: bool = False) -> None:
        super().__init__(message)
        self.lines = lines


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """Add the ``-f/--config-file`` option every site-aware subcommand takes."""
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="CONFIG_FILE",
        default=None,
        help="the site's mkdocs.yml (default: ./mkdocs.yml when it exists)",
    )


def say(message: str) -> None:
    """Print a message for the user on stderr, control characters shown escaped."""
    print(no_workflow_command(terminal_text(message)), file=sys.stderr)


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``-v/--verbose``: show what the site's other plugins log while the command runs them."""
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show what the site's other plugins log while they run (hidden otherwise)",
    )


def show_plugin_log(log: Sequence[str], verbose: bool) -> None:
    """With ``verbose``, print on stderr each message the site's plugins logged."""
    for message in log if verbose else ():
        say(f"mkdocs-prd: plugin log: {message}")


def note_skipped(skipped: Sequence[str]) -> None:
    """Tell the user (stderr) about files a command could not read and left out."""
    for item in skipped:
        say(f"mkdocs-prd: note: skipped {item}")


def find_config_file(config_file: str | None) -> str | None:
    """The config file to use: the one given, else ``mkdocs.yml`` (or ``mkdocs.yaml``,
    ``properdocs.yml``) in the current folder or the nearest parent folder that has one,
    as git and ruff look for theirs; the search stops at a repository root (a folder
    with ``.git``) and at the filesystem root.  None when there is none.

    A file found in a parent folder is announced on stderr (``using ../mkdocs.yml``).
    Raises :class:`UsageError` when a file was given but does not exist.
    """
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise UsageError(f"config file not found: {config_file}")
        return config_file
    for name in DEFAULT_CONFIG_FILES:
        if os.path.isfile(name):
            return name
    folder = os.path.abspath(os.curdir)
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
        for name in DEFAULT_CONFIG_FILES:
            found = os.path.join(folder, name)
            if os.path.isfile(found):
                say(f"mkdocs-prd: note: using {found}")
                return found
    return None


def load_config(config_file: str | None) -> SiteConfig | None:
    """Read and validate the site's config as a build would (see :func:`find_config_file`).

    Bad configuration (unknown rule id, bad severity, unknown option, wrong type,
    broken YAML) raises :class:`UsageError` naming the option.
    """
    path = find_config_file(config_file)
    if path is None:
        return None
    try:
        site = load_site_config(path)
    except ConfigurationError as exc:
        raise UsageError(exc.format_message(), lines=True) from exc
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    for message in (*site.warnings, *site.not_installed):
        say(f"mkdocs-prd: warning: {message}")
    if site.has_plugin and not site.settings.approved_statuses:
        say(f"mkdocs-prd: note: {NO_APPROVED_STATUS}")
    if not site.has_plugin:
        say(
            f"mkdocs-prd: warning: {path} has no `prd` plugin in `plugins:`; "
            "using the default settings (a build would not check PRDs at all)"
        )
    return site


def write_out(text: str) -> None:
    """Write ``text`` to standard output and flush it.

    Every command's standard output goes through here: a lone surrogate (a file name
    that is not UTF-8) is written as U+FFFD, never as an encoding error.  On a terminal,
    every control character of the text (document text in a diff, the index page's
    HTML, a JSON value) is shown escaped (:func:`~mkdocs_prd.core.safe.terminal_lines`);
    into a pipe or a file the text is written exactly, so a diff still applies.

    When the reader has gone (``mkdocs-prd rules | head -1``), the rest of the output is
    dropped quietly: standard output is pointed at the null device, so neither this
    write nor the interpreter's last flush raises, and the command still returns the
    exit status of what it found.
    """
    if is_terminal():
        text = terminal_lines(text)
    try:
        sys.stdout.write(encodable(text))
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()


def is_terminal() -> bool:
    """Whether standard output is a terminal (False when it was replaced or closed)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _drop_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (captured in tests): nothing to silence
        pass


def require_site(config_file: str | None) -> SiteConfig:
    """The site's config (see :func:`load_config`); :class:`UsageError` when there is no
    ``mkdocs.yml`` or its ``docs_dir`` does not exist."""
    site = load_config(config_file)
    if site is None:
        raise UsageError("no mkdocs.yml here: give -f CONFIG_FILE")
    if not os.path.isdir(site.docs_dir):
        raise UsageError(f"docs_dir not found: {site.docs_dir}")
    return site


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand of :data:`COMMAND_MODULES` registered."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-prd",
        description="Lint, create and index product requirement documents of a MkDocs site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # Output into a closed pipe (`mkdocs-prd --help | head -1`): stop quietly.
        _drop_stdout()
        return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        sys.stdout.flush()
    except SystemExit as exc:
        # argparse exits on --help (0) and on usage errors (2); tests call main() directly.
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(func(args))
    except UsageError as exc:
        first, *more = str(exc).split("\n") if exc.lines else [str(exc)]
        say(f"mkdocs-prd: error: {first}")
        for line in more:
            say(line)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover - `python -m mkdocs_prd.adapters.cli.main`
    # Run as a script this file is the module ``__main__``, and the commands raise the
    # UsageError of ``mkdocs_prd.adapters.cli.main`` (a second copy, another class): the
    # copy's main() catches its own, so a usage error is a message, not a traceback.
    from mkdocs_prd.adapters.cli.main import main as _main

    sys.exit(_main())
