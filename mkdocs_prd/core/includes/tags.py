"""``{% include-markdown "x.md" %}`` and ``{% include "x.md" %}``, read as include-markdown reads them.

MkDocs-free.  A path is resolved as that plugin does: ``./`` or ``../`` relative to the
including file, ``/…`` as an absolute path, anything else relative to ``docs_dir``.  The
arguments that decide which lines are included and how they read are applied (``start``,
``end``, ``recursive``, ``preserve-includer-indent``, ``dedent``, ``heading-offset``,
``comments``).  A URL, a glob, a file outside the site's folders, a missing file and a file
already being included (a cycle) are not followed: the directive stays as text.  The
patterns are bounded, so the scan is linear in the page.
"""

from __future__ import annotations

import bisect
import html
import itertools
import os
import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache

from mkdocs_prd.core.includes.context import Context
from mkdocs_prd.core.includes.text import Line, LineBuilder, nested, own_lines
from mkdocs_prd.core.settings import IncludeMarkdown

_QUOTED = r"""(?:"(?P<dq>(?:[^"\\\n]|\\.){1,1000})"|'(?P<sq>(?:[^'\\\n]|\\.){1,1000})')"""
_ARG = re.compile(r"""([\w-]{1,40})=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.+-]*))""")
_GLOB = frozenset("*?[{")
MAX_GLOB = 100
"""The most files one glob includes here."""


@lru_cache(maxsize=8)
def directive_pattern(opening: str, closing: str, names: tuple[str, str]) -> re.Pattern[str]:
    """The directives of one configuration (either name), with their file and arguments."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"{re.escape(opening)}\s*(?P<name>{alternatives})\s+{_QUOTED}"
        rf"(?P<args>.{{0,2000}}?)\s*{re.escape(closing)}",
        re.DOTALL,
    )


def has_directive(text: str, options: IncludeMarkdown) -> bool:
    """Whether ``text`` may hold a directive (a cheap test before any work)."""
    return options.opening in text and any(name in text for name in options.names)


@dataclass(frozen=True)
class _Args:
    start: str | None
    end: str | None
    recursive: bool
    preserve: bool
    dedent: bool
    offset: int
    comments: bool
    marked: str
    """What the plugin's opening comment says of ``start``/``end`` (``'a' '' ``), as written."""


def expand_tags(text: str, first: int, file: str, ctx: Context, options: IncludeMarkdown) -> list[Line]:
    """``text`` (own lines numbered from ``first``, no final line break) of ``file`` with its
    directives expanded; an included line stands for the directive's line."""
    pattern = directive_pattern(options.opening, options.closing, options.names)
    if not has_directive(text, options):
        return own_lines(text.split("\n"), first)
    starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line_of(pos: int) -> int:
        return first + bisect.bisect_right(starts, pos) - 1

    out = LineBuilder()
    cursor = 0
    for m in pattern.finditer(text):
        quoted = m.group("dq") if m.group("dq") is not None else m.group("sq")
        start = m.start()
        while start > cursor and (
            text[start - 1] in " \t\\." or text[start - 1].isalnum() or text[start - 1] == "_"
        ):
            start -= 1  # the includer's indent: what the plugin's pattern takes before the tag
        args = _arguments(m.group("args"), options)
        written = re.sub(r"\\(.)", r"\1", quoted)
        found = _included(written, file, ctx, options, args)
        if found is None:
            if not ctx.stack and _missing(written, file, ctx):
                ctx.missing.append((line_of(m.start()), written))
            continue
        # Each file as the directive shapes it, one after the other (a glob names several).
        joined, ends = LineBuilder(), False
        for file_lines, ends in found:
            indent = text[start : m.start()]
            joined.included(_shaped(file_lines, indent, m.group("name") == options.names[1], args), 0, ends)
        lines = joined.lines()
        if cursor < start:
            out.own(text[cursor:start], line_of(cursor), cursor == 0 or text[cursor - 1] == "\n")
        out.included(lines, line_of(m.start()), ends)
        cursor = m.end()
    if cursor == 0:
        return own_lines(text.split("\n"), first)
    if cursor < len(text):
        out.own(text[cursor:], line_of(cursor), text[cursor - 1] == "\n")
    return out.lines()


def _included(
    filename: str, file: str, ctx: Context, options: IncludeMarkdown, args: _Args
) -> list[tuple[list[Line], bool]] | None:
    """For each file the directive includes: its lines (numbered in it) and whether they end
    with a line break; None when the directive is not followed."""
    paths, many = _resolve(filename, file, ctx)
    readable = (read for read in map(ctx.read, paths) if read is not None)
    reads = list(readable) if many else list(itertools.islice(readable, 1))
    if not reads:
        return None
    return [_file_lines(whole, real, filename, ctx, options, args) for whole, real in reads]


def _file_lines(
    whole: str, real: str, filename: str, ctx: Context, options: IncludeMarkdown, args: _Args
) -> tuple[list[Line], bool]:
    text, at = _selected(whole, args.start, args.end)
    ends = text.endswith("\n")
    body = text[:-1] if ends else text
    if not text:
        return [], False
    first = whole.count("\n", 0, at) + 1
    with ctx.entered(real, body.count("\n") + 1):
        if args.recursive:
            lines = expand_tags(body, first, real, ctx, options)
        else:
            lines = own_lines(body.split("\n"), first)
    lines = nested(lines, ctx.files.name(real))
    if args.comments:
        origin = (ctx.files.name(real), first)
        # As the plugin writes them: a line break after the opening comment and before the closing one.
        blank: list[Line] = [("", 0, origin, False)] if ends else []
        opening = f"<!-- BEGIN INCLUDE {html.escape(filename)} {args.marked}-->"
        lines = [(opening, 0, origin, False), *lines, *blank]
        lines.append(("<!-- END INCLUDE -->", 0, origin, False))
    return lines, ends and not args.comments


def _missing(filename: str, file: str, ctx: Context) -> bool:
    """Whether ``filename`` (a directive's path in ``file``) surely names no file: no path the
    plugin tries exists, or a glob's fixed folder does not (the plugin then stops the build).
    A glob whose folder exists is never called missing: the plugin's walk may reach files
    that ours does not (through a symlink, past a ``..``)."""
    paths, many = _resolve(filename, file, ctx)
    if many:
        root = os.path.dirname(file) if filename.startswith(("./", "../")) else ctx.includes.docs_dir
        fixed = itertools.takewhile(lambda part: not any(c in _GLOB for c in part), filename.split("/"))
        return not paths and not ctx.files.exists(os.path.join(root, *fixed))
    return bool(paths) and not any(ctx.files.exists(p) for p in paths)


def _resolve(filename: str, file: str, ctx: Context) -> tuple[tuple[str, ...], bool]:
    """The paths the plugin reads for ``filename`` in ``file``, and whether it reads them all
    (a glob) or the first that is a file.  No path for a URL.

    An absolute path that names no file of the site is also tried below ``docs_dir``
    (``/_shared/x.md``, as a site-absolute link is written): the plugin then stops the
    build with its own error, and the page is read as its author meant it, not with a
    finding of ours.  A glob (``*``, ``?``, ``[…]``, ``**``; not braces or an absolute one)
    is matched below the including file's folder or ``docs_dir`` as the plugin matches it,
    in path order, only when its fixed part lies inside the site's folders."""
    docs_dir = ctx.includes.docs_dir
    scheme = filename.find(":")
    if scheme > 1 and all(c.isalnum() or c in "+-." for c in filename[:scheme]):
        return (), False  # a URL: never fetched here
    if filename.startswith(("/", os.sep)):
        if any(c in _GLOB for c in filename):
            return (), False
        return (filename, os.path.join(docs_dir, filename.lstrip("/" + os.sep))), False
    root = os.path.dirname(file) if filename.startswith(("./", "../")) else docs_dir
    if not any(c in _GLOB for c in filename):
        return (os.path.join(root, filename),), False
    if "{" in filename:
        return (), False
    parts = filename.split("/")
    fixed = list(itertools.takewhile(lambda part: not any(c in _GLOB for c in part), parts))
    base = os.path.join(root, *fixed)
    if ctx.outside(base):
        return (), False  # never walk folders outside the site
    found = ctx.files.glob(base, parts[len(fixed) :], lambda folder: not ctx.outside(folder))
    return tuple(found[:MAX_GLOB]), True


def _selected(text: str, start: str | None, end: str | None) -> tuple[str, int]:
    """The part of ``text`` between ``start`` and ``end`` (each optional) and where it begins;
    the whole text when a given ``start`` is not in it (the plugin then warns)."""
    at = 0
    if start:
        found = text.find(start)
        if found >= 0:
            at = found + len(start)
    stop = text.find(end, at) if end else -1
    return (text[at:stop] if stop >= 0 else text[at:]), at


def _arguments(raw: str, options: IncludeMarkdown) -> _Args:
    values: dict[str, str] = {}
    for m in _ARG.finditer(raw):
        quoted = m.group(2) if m.group(2) is not None else m.group(3)
        value = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else m.group(4)
        values[m.group(1)] = value

    def flag(name: str, default: bool) -> bool:
        said = values.get(name)
        return default if said not in ("true", "false") else said == "true"

    start = values.get("start", options.start)
    end = values.get("end", options.end)
    marked = "".join(f"'{html.escape(v)}' " if v else "'' " for v in (start, end)) if start or end else ""
    try:
        offset = max(-6, min(6, int(str(values.get("heading-offset", options.heading_offset))[:4])))
    except ValueError:
        offset = options.heading_offset
    return _Args(
        start=_unescaped(start) if "start" in values and start is not None else start,
        end=_unescaped(end) if "end" in values and end is not None else end,
        recursive=flag("recursive", options.recursive),
        preserve=flag("preserve-includer-indent", options.preserve_includer_indent),
        dedent=flag("dedent", options.dedent),
        offset=offset,
        comments=flag("comments", options.comments),
        marked=marked,
    )


def _unescaped(value: str) -> str:
    """A ``start``/``end`` value with its escapes (``\\n``) read, as the plugin reads them."""
    try:
        return value.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return value


def _shaped(lines: list[Line], indent: str, markdown: bool, args: _Args) -> list[Line]:
    """The included lines as the directive puts them in: dedented, indented like the
    directive, headings moved by ``heading-offset`` (``include-markdown`` only)."""
    texts = [text for text, *_ in lines]
    if args.dedent:
        texts = textwrap.dedent("\n".join(texts)).split("\n")
    if args.preserve:
        rest = " " * len(indent) if markdown else indent
        texts = [indent + t if k == 0 else rest + t for k, t in enumerate(texts)]
    elif texts:
        texts[0] = indent + texts[0]
    if markdown and args.offset:
        texts = _offset_headings(texts, args.offset)
    return [(t, own, origin, exact) for t, (_, own, origin, exact) in zip(texts, lines, strict=True)]


def _offset_headings(texts: list[str], offset: int) -> list[str]:
    out: list[str] = []
    fence = ""
    for t in texts:
        stripped = t.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif t.startswith("#"):
            level = len(t) - len(t.lstrip("#"))
            t = "#" * max(level + offset, 1) + t[level:]
        out.append(t)
    return out
