"""``mkdocs-prd new TITLE``: start a PRD from the site's skeleton.

Reads the site's config like a build (``-f``, else ``./mkdocs.yml``), picks the
folder from ``paths``, makes the Track ID unique among the site's PRDs, writes the
file and prints its path.  Refuses to overwrite (exit 1, nothing written) and to
write anywhere that resolves, symbolic links followed, outside the site's
``docs_dir`` (the working directory without a config): exit 2, nothing written.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from typing import Any, NoReturn

from mkdocs_prd.adapters.cli.main import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_config_argument,
    load_config,
    note_skipped,
    say,
    write_out,
)
from mkdocs_prd.adapters.mkdocs.site import SiteConfig
from mkdocs_prd.core.new import (
    OutsideSite,
    builtin_skeleton,
    check_inside,
    default_location,
    device_name,
    feature_name,
    new_prd,
    write_new,
)
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.rules.meta import is_track_id
from mkdocs_prd.core.safe import terminal_text
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import markdown_files, read_pages
from mkdocs_prd.core.sitewide.facts import site_models


def register(subparsers: Any) -> None:
    """Add the ``new`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new",
        help="create a new PRD from the skeleton",
        description=(
            "Write a new PRD in the template's format with today's date and print its path. "
            "Never overwrites an existing file and never writes outside the site's docs_dir "
            "(symbolic links followed)."
        ),
    )
    parser.add_argument("title", metavar="TITLE", help='the feature name, e.g. "Bulk invoice export"')
    parser.add_argument(
        "--owner", help='who owns the PRD, e.g. "Ana Costa / Billing" (default: a placeholder)'
    )
    parser.add_argument(
        "--track-id", help="the Track ID (default: a slug of the title, unique among the site's Track IDs)"
    )
    parser.add_argument("--status", default=None, help="the initial status (default: Draft)")
    parser.add_argument(
        "--dir",
        dest="directory",
        metavar="DIR",
        help="folder to write into, from the working directory or else from docs_dir "
        "(default: where the site's PRDs live, from the config's paths)",
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        help="skeleton file to start from (default: the config's template, else the built-in skeleton)",
    )
    add_config_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Create the PRD; 0 on success, 1 when the file or Track ID already exists."""
    title = _one_line(args.title, "TITLE")
    if any(ch.isalnum() for ch in title) and not feature_name(title):
        raise UsageError(
            f'TITLE {title!r} is only the PRD label; name the feature, e.g. "Bulk invoice export"'
        )
    if not any(ch.isalnum() for ch in title):
        raise UsageError(
            f'TITLE {title!r} has no letters or digits; name the feature, e.g. "Bulk invoice export"'
        )
    owner = _one_line(args.owner, "--owner") if args.owner is not None else None
    track_id = _one_line(args.track_id, "--track-id") if args.track_id is not None else None
    if track_id is not None and not is_track_id(track_id):
        # It becomes a folder name: "../x" or "/x" would write outside the site.
        raise UsageError(
            f"--track-id {track_id!r} is not a Track ID: use letters, digits, '.', '_' and '-' "
            "(not '.' or '..' alone), e.g. checkout-redesign"
        )
    site = load_config(args.config_file)
    settings = site.settings if site else Settings()
    status = _status(args.status, settings)
    template = _template(
        args.template, site.plugin.template if site else None, site.config_file if site else None
    )

    docs_dir = site.docs_dir if site else None
    root = docs_dir if docs_dir is not None else "."
    if args.directory is not None:
        if docs_dir is not None:
            args.directory = _below_docs_dir(args.directory, docs_dir)
        _refuse_outside(args.directory, root, docs_dir)
    # The PRDs a build sees (MkDocs' own file list), else every Markdown file of the folder;
    # never a file that a symbolic link leads to outside the site.
    skipped: list[str] = []
    if site is not None:
        listed = (src for src in site.pages if _inside(os.path.join(site.docs_dir, *src.split("/")), root))
        pages: Iterable[tuple[str, bytes]] = read_pages(site.docs_dir, listed, skipped)
    else:
        scan_dir = args.directory or "."
        pages = markdown_files(scan_dir, skipped) if os.path.isdir(scan_dir) else ()
        pages = (p for p in pages if _inside(os.path.join(scan_dir, *p[0].split("/")), root))
    catalog = site_models((p for p in pages if settings.in_scope(p[0])), None)
    note_skipped(skipped)
    taken = {prd.track_id: prd.path for prd in catalog if prd.track_id}
    if track_id is not None:
        clash = next((path for tid, path in taken.items() if tid.casefold() == track_id.casefold()), None)
        if clash is not None:
            say(f"mkdocs-prd: Track ID {track_id!r} is already used by {clash}; nothing written")
            return EXIT_PROBLEMS

    if args.directory is not None:
        folder, file_name = args.directory, None
    elif docs_dir is not None:
        folder, file_name = default_location(docs_dir, settings, (prd.path for prd in catalog))
    else:
        folder, file_name = ".", None

    if track_id is not None and file_name is not None and device_name(track_id):
        raise UsageError(
            f"--track-id {track_id!r} cannot name a folder: Windows refuses device names (CON, NUL, "
            "COM1 ...) and names ending with '.'; choose another Track ID"
        )
    prd = new_prd(
        template,
        title=title,
        folder=folder,
        file_name=file_name,
        owner=owner,
        track_id=track_id,
        status=status,
        taken_track_ids=taken,
        reserved_paths=_generated_pages(site),
    )
    try:
        write_new(prd, root)
    except OutsideSite as exc:
        _refuse(exc, docs_dir)
    except FileExistsError:
        say(f"mkdocs-prd: {_shown(prd.path)} already exists; nothing written")
        return EXIT_PROBLEMS
    except OSError as exc:
        raise UsageError(f"cannot write {prd.path}: {exc.strerror or exc}") from exc
    write_out(terminal_text(_shown(prd.path)) + "\n")
    _note_scope(prd.path, docs_dir, settings)
    return EXIT_OK


def _generated_pages(site: SiteConfig | None) -> list[str]:
    """The paths of the pages the plugin generates (index page, traceability matrix): not for a PRD."""
    if site is None:
        return []
    trace = site.settings.trace
    pages = [site.plugin.index_page, trace.page if trace is not None else None]
    return [os.path.join(site.docs_dir, *page.split("/")) for page in pages if page]


def _inside(path: str, root: str) -> bool:
    try:
        check_inside(path, root)
    except OutsideSite:
        return False
    return True


def _below_docs_dir(directory: str, docs_dir: str) -> str:
    """``--dir`` as given, or below ``docs_dir`` when it is a plain relative path (no ``.``,
    ``..``, not naming ``docs_dir`` itself) that, read from the working directory, is
    outside the site: ``prds/billing`` typed beside ``mkdocs.yml`` means ``docs/prds/billing``.
    The result is checked like any ``--dir`` (symbolic links followed)."""
    parts = directory.replace("\\", "/").rstrip("/").split("/")
    if os.path.isabs(directory) or any(p in ("", ".", "..") for p in parts) or _inside(directory, docs_dir):
        return directory
    own = os.path.relpath(docs_dir).replace("\\", "/").split("/")  # docs_dir as typed from here: ["docs"]
    if ".." not in own and parts[: len(own)] == own:
        return directory  # it names a folder below docs_dir already (that resolves elsewhere)
    below = os.path.join(docs_dir, *parts)
    return below if _inside(below, docs_dir) else directory


def _refuse_outside(path: str, root: str, docs_dir: str | None) -> None:
    try:
        check_inside(path, root)
    except OutsideSite as exc:
        _refuse(exc, docs_dir)


def _refuse(exc: OutsideSite, docs_dir: str | None) -> NoReturn:
    """Exit 2: ``new`` never writes outside the site."""
    where = f"the site's docs_dir ({docs_dir})" if docs_dir is not None else "the working directory"
    raise UsageError(
        f"{terminal_text(_shown(exc.path))} resolves to {terminal_text(exc.resolved)}, "
        f"outside {terminal_text(where)}: `new` writes only inside the site; nothing written"
    ) from exc


def _shown(path: str) -> str:
    """``path`` relative to the working directory when it lies below it (what users type)."""
    rel = os.path.relpath(os.path.abspath(path))
    return path if rel.startswith("..") else rel


def _one_line(value: str, what: str) -> str:
    # A control character (ESC, NUL, U+2028 ...) would be written into the new page
    # as it is: refused like a line break, which it can be for an editor.
    text = value.strip()
    if not text or terminal_text(text) != text:
        raise UsageError(f"{what} must be one non-empty line without control characters")
    return text


def _status(value: str | None, settings: Settings) -> str:
    """The status as the site spells it; an unknown status is a usage error."""
    wanted = value if value is not None else "Draft"
    for status in settings.statuses:
        if status.casefold() == wanted.strip().casefold():
            return status
    if value is None:
        # The site has no "Draft": start in its first status rather than failing.
        return settings.statuses[0] if settings.statuses else "Draft"
    raise UsageError(f"unknown status {value!r}; the site allows {', '.join(settings.statuses)}")


def _template(option: str | None, configured: str | None, config_file: str | None) -> str:
    """The skeleton: ``--template``, else the config's ``template`` (relative to mkdocs.yml), else ours."""
    if option is not None:
        path = option
    elif configured:
        path = os.path.join(os.path.dirname(os.path.abspath(config_file or ".")), configured)
    else:
        return builtin_skeleton()
    try:
        return read_bytes(path).decode("utf-8-sig")
    except (UnreadableFile, UnicodeDecodeError) as exc:
        reason = exc.reason if isinstance(exc, UnreadableFile) else str(exc)
        raise UsageError(f"cannot read template {path}: {reason}") from exc


def _note_scope(path: str, docs_dir: str | None, settings: Settings) -> None:
    """Warn when the new file lies where the site will not look for PRDs."""
    if docs_dir is None:
        return
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(docs_dir))
    if not settings.in_scope(rel.replace(os.sep, "/")):
        say(
            f"mkdocs-prd: note: {path} is outside the site's PRD paths ({', '.join(settings.paths)}); "
            "the plugin will not treat it as a PRD"
        )
