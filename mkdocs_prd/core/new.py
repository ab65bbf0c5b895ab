"""Create a new PRD from a skeleton: the MkDocs-free core of ``mkdocs-prd new``.

A skeleton is Markdown in the template's format.  It may use the tokens
``{{title}}``, ``{{date}}``, ``{{track_id}}``, ``{{owner}}``, ``{{status}}`` and
``{{author}}``; independently of tokens, the title heading, the bold header lines
(``**Date:**``, ``**Track ID:**`` …) and the matching front-matter keys are set, so a
plain copy of the PRD template works as a site template too.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from mkdocs_prd.core.parse.prd_titles import prd_name
from mkdocs_prd.core.rules.meta import is_track_id
from mkdocs_prd.core.settings import Settings

OWNER_PLACEHOLDER = "[name / team]"
"""What stands in the Owner field when no owner is given: a placeholder, so lint warns."""

MAX_SLUG = 60

_TOKEN = re.compile(r"\{\{\s*(title|date|track_id|owner|status|author)\s*\}\}")
_HEADER = re.compile(r"\*\*([^*\n]{1,40}?):\*\*")
_FRONT_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:")
_GLOB = re.compile(r"[*?\[]")

# Header-line labels (normalised) and front-matter keys -> the value they receive.
_HEADER_FIELDS = {
    "date": "date",
    "created": "date",
    "track id": "track_id",
    "owner": "owner",
    "status": "status",
}
_FRONT_FIELDS = {
    "title": "title",
    "date": "date",
    "track_id": "track_id",
    "owner": "owner",
    "status": "status",
}


@dataclass(frozen=True)
class NewPrd:
    """A PRD ready to be written: where, with which Track ID, and its text."""

    path: str
    track_id: str
    text: str


def builtin_skeleton() -> str:
    """The skeleton that ships with the package (``mkdocs_prd/core/skeleton/prd.md``)."""
    return resources.files("mkdocs_prd").joinpath("core/skeleton/prd.md").read_text(encoding="utf-8")


def feature_name(title: str) -> str:
    """The feature's name in a title given to ``new``: one that carries the PRD label already
    (``PRD: Dark mode``, ``PRD - Dark mode``, ``[PRD] Dark mode``, ``Dark mode — PRD``) gives
    ``Dark mode``, so the page is not titled ``# PRD: PRD: Dark mode`` nor its Track ID
    ``prd-dark-mode``; the label alone (``PRD:``) gives ``""``; any other title is kept
    (``PRD Tooling``: without a separator the word is part of the name)."""
    name = prd_name(title)
    if name is not None:
        return name
    bare = title.strip().strip("*_").rstrip(":：-–—| \t*_")
    return "" if bare.casefold() in ("prd", "[prd]", "(prd)") else title.strip()


def slugify(text: str) -> str:
    """A lowercase slug of ``text`` in its own script (``"Bulk Export: v2"`` -> ``bulk-export-v2``).

    Latin accents are folded (``é`` -> ``e``); letters and digits of other scripts are
    kept with their combining marks (``多言語検索`` -> ``多言語検索``, ``Straße`` ->
    ``straße``), as PRD105 accepts them in a Track ID.  At most :data:`MAX_SLUG`
    characters, cut at a word boundary; ``prd`` when the title has no letter or digit.
    """
    words = _words(text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    return slug or (words[0][:MAX_SLUG] if words else "prd")


def _words(text: str) -> list[str]:
    """The lowercase words of ``text``, each character with an ASCII form (``é``, ``ﬁ``) folded to it.

    Other letters and digits stay, with the combining marks that belong to them
    (Devanagari vowel signs, Thai tone marks).  Anything else separates words.
    """
    words: list[str] = []
    word = ""
    for ch in unicodedata.normalize("NFC", text):
        ascii_form = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        if ascii_form.isalnum():
            word += ascii_form.lower()
        elif ch.isalnum() or (word and unicodedata.category(ch) in ("Mn", "Mc")):
            word += ch.lower()
        elif word:
            words.append(word)
            word = ""
    return [*words, word] if word else words


# Device names Windows refuses as a file or folder name, in any case and with any extension
# (CON.md, nul.tar.gz): a clone there could not check the file out.
_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]]
)
# MkDocs makes index.md and README.md the page of their folder.
_FOLDER_PAGES = frozenset({"index", "readme"})


def device_name(name: str) -> bool:
    """Whether Windows refuses ``name`` as a file or folder name: a device name (``CON``,
    ``nul.md``, ``COM1``, ``LPT¹`` ...) or a name ending with ``.`` or a space."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in _DEVICES or name.endswith((".", " "))


def reserved_name(name: str) -> bool:
    """Whether a new PRD's file may not be called ``name`` (with or without ``.md``): a
    :func:`device_name`, or ``index``/``README``, which MkDocs makes its folder's page."""
    return device_name(name) or name.split(".", 1)[0].casefold() in _FOLDER_PAGES


def unique_track_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever no existing Track ID uses (case-insensitive)."""
    used = {t.casefold() for t in taken}
    candidate, n = base, 2
    while candidate.casefold() in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def default_location(docs_dir: str, settings: Settings, prd_paths: Iterable[str]) -> tuple[str, str | None]:
    """Where a new PRD goes when ``--dir`` is not given: ``(folder, file name or None)``.

    From the site's ``paths`` patterns: ``prds/**`` gives ``docs_dir/prds``; a track
    layout like ``tracks/*/PRD.md`` gives ``docs_dir/tracks`` with one folder per
    Track ID and the file name ``PRD.md``.  Without patterns, the folder that holds
    most of the site's PRDs, else ``docs_dir`` itself.  ``None`` as file name means
    "``<slug>.md``".
    """
    for pattern in settings.paths:
        parts = [p for p in pattern.strip("/").split("/") if p not in ("", ".")]
        static = 0
        while static < len(parts) and not _GLOB.search(parts[static]):
            static += 1
        prefix, rest = parts[:static], parts[static:]
        folder = os.path.join(docs_dir, *prefix)
        if (
            len(rest) == 2
            and rest[0] in ("*", "**")
            and not _GLOB.search(rest[1])
            and rest[1].endswith(".md")
        ):
            return folder, rest[1]
        if rest and all(p in ("*", "**", "*.md", "**.md") for p in rest):
            return folder, None
    counts: dict[str, int] = {}
    for path in prd_paths:
        folder_rel = os.path.dirname(path)
        counts[folder_rel] = counts.get(folder_rel, 0) + 1
    if counts:
        best = min(counts, key=lambda f: (-counts[f], f.count("/"), f))
        return os.path.join(docs_dir, *best.split("/")) if best else docs_dir, None
    return docs_dir, None


def new_prd(
    template: str,
    *,
    title: str,
    folder: str,
    file_name: str | None = None,
    owner: str | None = None,
    track_id: str | None = None,
    status: str = "Draft",
    today: dt.date | None = None,
    taken_track_ids: Iterable[str] = (),
    reserved_paths: Iterable[str] = (),
) -> NewPrd:
    """Fill ``template`` for a new PRD and decide its path.

    A ``title`` carrying the PRD label is its :func:`feature_name` (``PRD: X`` -> ``X``).
    ``track_id`` defaults to the title's slug made unique against
    ``taken_track_ids``.  With ``file_name`` (a track layout) the path is
    ``folder/<track id>/<file_name>``, otherwise ``folder/<slug>.md``.  A slug that is a
    :func:`reserved_name`, or whose file would be one of ``reserved_paths`` (pages the
    plugin generates, compared as absolute paths), gets ``-prd`` appended.
    """
    title = feature_name(title) or title
    slug = slugify(title)
    reserved = {os.path.abspath(p) for p in reserved_paths}
    if reserved_name(slug) or os.path.abspath(os.path.join(folder, f"{slug}.md")) in reserved:
        slug += "-prd"
    tid = track_id if track_id is not None else unique_track_id(slug, taken_track_ids)
    if file_name and not is_track_id(tid):
        raise ValueError(f"{tid!r} is not a Track ID; as a folder name it could leave {folder}")
    day = (today or dt.date.today()).isoformat()
    values = {
        "title": title,
        "date": day,
        "track_id": tid,
        "owner": owner or OWNER_PLACEHOLDER,
        "status": status,
        # The change log's author is a person: the part of "Name / Team" before the slash.
        "author": owner.split("/")[0].strip() or owner if owner else "[author]",
    }
    path = os.path.join(folder, tid, file_name) if file_name else os.path.join(folder, f"{slug}.md")
    return NewPrd(path, tid, fill_template(template, values, set_owner=owner is not None))


def fill_template(template: str, values: Mapping[str, str], *, set_owner: bool = True) -> str:
    """``template`` with tokens replaced and the title, header lines and front matter set.

    ``values`` has ``title``, ``date``, ``track_id``, ``owner``, ``status`` and
    ``author``.  With ``set_owner`` False an existing Owner value (the template's
    own placeholder) is kept.
    """
    text = _TOKEN.sub(lambda m: values[m.group(1)], template.replace("\r\n", "\n").lstrip("\ufeff"))
    lines = text.split("\n")
    fields = {k: v for k, v in values.items() if set_owner or k != "owner"}
    body, titled = _fill_front_matter(lines, fields)
    h1 = _set_title(lines, body, values["title"], insert=not titled)
    _fill_header(lines, h1 + 1, fields)
    return "\n".join(lines)


def _fill_front_matter(lines: list[str], values: Mapping[str, str]) -> tuple[int, bool]:
    """Set known keys of a leading front-matter block; returns the first line after it, and
    whether the block gives the title (a ``title:`` key)."""
    if not lines or lines[0].strip() != "---":
        return 0, False
    titled = False
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return i + 1, titled
        m = _FRONT_KEY.match(lines[i])
        field = _FRONT_FIELDS.get(m.group(1).lower()) if m else None
        titled = titled or field == "title"
        if m and field is not None and field in values:
            value = values[field]
            # JSON strings are valid YAML scalars: "0042" stays a string, quotes are escaped.
            lines[i] = f"{m.group(1)}: {value if field == 'date' else json.dumps(value, ensure_ascii=False)}"
    return 0, False  # unterminated: not front matter


def _set_title(lines: list[str], start: int, title: str, *, insert: bool = True) -> int:
    """Make the first level-1 heading ``# PRD: title`` (insert one if missing and ``insert``);
    its index (``start - 1`` when there is none: the template's title is in its front matter)."""
    heading = f"# PRD: {title}"
    for i in range(start, len(lines)):
        if lines[i].startswith("## "):
            break
        if lines[i].startswith("# ") or lines[i] == "#":
            lines[i] = heading
            return i
    if not insert:
        return start - 1
    lines[start:start] = [heading, ""]
    return start


def _fill_header(lines: list[str], start: int, values: Mapping[str, str]) -> None:
    """Set the ``**Key:** value`` lines between the title and the first section."""
    for i in range(start, len(lines)):
        if lines[i].startswith("## "):
            return
        m = _HEADER.match(lines[i].strip())
        field = _HEADER_FIELDS.get(" ".join(m.group(1).lower().split())) if m else None
        if m and field is not None and field in values:
            lines[i] = f"**{m.group(1)}:** {values[field]}"


class OutsideSite(ValueError):
    """A new PRD's path resolves (symbolic links followed) outside the folder it must stay in.

    ``path`` is the path asked for, ``resolved`` where it really leads, ``root`` the
    folder (the site's ``docs_dir``).
    """

    def __init__(self, path: str, resolved: str, root: str) -> None:
        super().__init__(f"{path} resolves to {resolved}, outside {root}")
        self.path, self.resolved, self.root = path, resolved, root


def check_inside(path: str, root: str) -> None:
    """Raise :class:`OutsideSite` unless ``path`` resolves to ``root`` or below it.

    Both are resolved as the file system would (symbolic links, ``..``); parts that
    do not exist yet are taken literally.
    """
    resolved, real_root = os.path.realpath(path), os.path.realpath(root)
    try:
        inside = os.path.commonpath([resolved, real_root]) == real_root
    except ValueError:  # another drive
        inside = False
    if not inside:
        raise OutsideSite(path, resolved, root)


def write_new(prd: NewPrd, root: str | None = None) -> None:
    """Write ``prd`` to its path, creating folders; never overwrites, never leaves ``root``.

    Raises ``FileExistsError`` when the file exists (also a dangling symbolic link),
    :class:`OutsideSite` when the path resolves outside ``root``; nothing is written
    then.  The file is created exclusively and not through a symbolic link, so a file
    or link appearing since the checks is not followed or clobbered.
    """
    if root is not None:
        check_inside(prd.path, root)
    if os.path.lexists(prd.path):
        raise FileExistsError(prd.path)
    folder = os.path.dirname(prd.path)
    if folder:
        os.makedirs(folder, exist_ok=True)
        if root is not None:
            check_inside(prd.path, root)  # a folder swapped for a link meanwhile
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(prd.path, flags, 0o666), "w", encoding="utf-8", newline="\n") as fd:
        fd.write(prd.text if prd.text.endswith("\n") else prd.text + "\n")
