"""``--8<-- "x.md"`` (and the block form), as pymdownx.snippets reads them.

MkDocs-free.  A line that is only a snippet marker and a quoted path is replaced by the
file's lines (found in the extension's ``base_path`` folders, each line indented like the
marker); a block (``--8<--`` lines around paths, one per line) includes each path; a path
in a block that starts with ``;`` is ignored, a marker that starts with ``;`` is an escape
(the line stays, one ``;`` fewer).  Line ranges (``x.md:3:9``) and sections (``x.md:name``,
``--8<-- [start:name]`` … ``[end:name]``) are applied, nested snippets expanded.  As the
extension does, a file it cannot find and a file already being included vanish; a file
outside the site's folders is not read here and its marker stays as text.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Sequence

from mkdocs_prd.core.includes.context import Context
from mkdocs_prd.core.includes.files import IncludeFiles
from mkdocs_prd.core.includes.text import Line, own_lines
from mkdocs_prd.core.settings import Snippets

_ALL = re.compile(
    r"""^(?P<space>[ \t]*)(?P<escape>;*)(?:(?P<inline>-+8<-+[ \t]+)"""
    r"""(?P<snippet>"(?:\\"|[^"\n\r]){1,1000}?"|'(?:\\'|[^'\n\r]){1,1000}?')(?![ \t])|-+8<-+(?![ \t]))\r?$"""
)
# The lookarounds keep a run of ';' or '-' from being scanned again from each of its characters.
_SECTION = re.compile(
    r"^(?P<pre>.{0,1000}?)(?<!;)(?!(?<=-)-)(?P<escape>;*)(?P<marker>-+8<-+[ \t]+)"
    r"(?P<section>\[[ \t]*(?P<type>start|end)[ \t]*:[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\])(?P<post>.*)$",
    re.IGNORECASE,
)
_MAX_SNIPPET_PATH = 1000  # a longer one is no path (and the patterns below stay cheap)
_RANGES = re.compile(r"^(.+?)((?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*)$")
_NAMED = re.compile(r"^(.+?):([a-z][-_0-9a-z]*)$", re.IGNORECASE)


def has_snippet(text: str) -> bool:
    """Whether ``text`` may hold a snippet marker (a cheap test before any work)."""
    return "8<-" in text


def marker_lines(text: str) -> frozenset[int]:
    """The 1-based lines of ``text`` that snippets replaces: a marker with a path, and a block
    (its ``--8<--`` lines and the paths between them); escapes are left out."""
    if not has_snippet(text):
        return frozenset()
    out: set[int] = set()
    block = False
    for n, line in enumerate(text.split("\n"), 1):
        m = _ALL.match(line) if "8<-" in line else None
        if m is not None and not m.group("escape"):
            out.add(n)
            block = block != (not m.group("inline"))
        elif block:
            out.add(n)
    return frozenset(out)


def expand_snippets(
    lines: Sequence[Line], ctx: Context, options: Snippets, in_section: bool = False
) -> list[Line]:
    """``lines`` with their snippets put in; an included line stands for the marker's line."""
    out: list[Line] = []
    block = False
    for line in lines:
        text, own, origin, _exact = line
        m = _ALL.match(text) if "8<-" in text else None
        inline = False
        if m is not None:
            if m.group("escape"):
                out.append((text.replace(";", "", 1), own, origin, False))
                continue
            if block and m.group("inline"):
                continue
            if not m.group("inline"):
                block = not block
                continue
            inline = True
        elif not block:
            if not in_section and "8<-" in text and (s := _SECTION.match(text)) is not None:
                if s.group("escape"):
                    kept = (
                        s.group("pre")
                        + s.group("escape")[1:]
                        + s.group("marker")
                        + s.group("section")
                        + s.group("post")
                    )
                    out.append((kept, own, origin, False))
                continue  # a section marker is no content
            out.append(line)
            continue
        space = (
            m.group("space") if m is not None else text[: len(text) - len(text.lstrip(" \t"))]
        ).expandtabs(4)
        path = m.group("snippet")[1:-1].strip() if m is not None else text.strip()
        if not inline and not path:
            out.append(("", own, origin, False))
            continue
        if path.startswith(";"):
            continue
        included = _snippet(path, ctx, options)
        if included is None:
            out.append(line)  # outside the site: not read, the marker stays as text
            continue
        out.extend((space + t, own, where, False) for t, _, where, _ in included)
    return out


def _snippet(path: str, ctx: Context, options: Snippets) -> list[Line] | None:
    """The lines ``path`` includes (each with its origin), [] when the extension finds nothing
    to include, None when the file lies outside the site's folders."""
    if len(path) > _MAX_SNIPPET_PATH or "\0" in path:
        return None  # no file has such a name: the line stays as written
    name, ranges, section = _target(path)
    found = _find(name, options, ctx.files)
    if found is None:
        return []
    if ctx.outside(found):
        return None
    read = ctx.read(found)
    if read is None:
        return []
    text, real = read
    shown = ctx.files.name(real)
    lines: list[Line] = [
        (t, n, (shown, n), False) for t, n, _, _ in own_lines(text.split("\n") if text else [])
    ]
    if ranges:
        lines = _in_ranges(lines, ranges)
    elif section:
        lines = _in_section(lines, section)
    if options.dedent_subsections and (ranges or section):
        texts = textwrap.dedent("\n".join(t for t, *_ in lines)).split("\n")
        lines = [(t, *rest) for t, (_, *rest) in zip(texts, lines, strict=True)]  # type: ignore[misc]
    with ctx.entered(real, len(lines)):
        return expand_snippets(lines, ctx, options, in_section=section is not None)


def _target(path: str) -> tuple[str, list[tuple[int | None, int | None]], str | None]:
    """``x.md:1:5,9:`` -> the path, its line ranges (0-based start, end) and section name."""
    if ":" in path and (m := _RANGES.match(path)) is not None:
        spans: list[tuple[int | None, int | None]] = []
        for part in m.group(2)[1:].split(","):
            bits = part.split(":")
            start = int(bits[0]) if bits[0] not in ("", "-") else None
            end = int(bits[1]) if len(bits) > 1 and bits[1] not in ("", "-") else None
            spans.append((start if start is None or start < 0 else max(0, start - 1), end))
        return m.group(1).strip(), spans, None
    if ":" in path and (m := _NAMED.match(path)) is not None:
        return m.group(1).strip(), [], m.group(2)
    return path, [], None


def _in_ranges(lines: list[Line], spans: list[tuple[int | None, int | None]]) -> list[Line]:
    total = len(lines)
    out: list[Line] = []
    for start, end in spans:
        first = min(max(total + start, 0), total) if start is not None and start < 0 else start
        last = min(max(total + 1 + end, 0), total) if end is not None and end < 0 else end
        out.extend(lines[first:last])
    return out


def _in_section(lines: list[Line], name: str) -> list[Line]:
    out: list[Line] = []
    inside = False
    for line in lines:
        m = _SECTION.match(line[0]) if "8<-" in line[0] else None
        if m is not None and m.group("escape"):
            pass
        elif m is not None and m.group("name") == name:
            if m.group("type").lower() == "start":
                inside = True
                continue
            break
        elif m is not None and inside:
            continue
        if inside:
            out.append(line)
    return out


def _find(path: str, options: Snippets, files: IncludeFiles) -> str | None:
    """The file the extension takes for ``path``: the first base path that has it."""
    for base in options.base_paths:
        if files.isdir(base):
            candidate = (
                os.path.abspath(os.path.join(base, path)) if options.restrict else os.path.join(base, path)
            )
            if options.restrict and not candidate.startswith(base.rstrip(os.sep) + os.sep):
                continue
            if files.exists(candidate):
                return candidate
        elif files.exists(base):
            candidate = os.path.join(os.path.dirname(base), path)
            if files.samefile(candidate, base):
                return candidate
    return None
