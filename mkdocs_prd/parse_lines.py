"""Line scanning: the Markdown text as numbered lines, with code and comments marked.

Every other parser module works on a :class:`Source`.  The scan is a single pass
that looks at each line's first non-blank character, so it is linear in the input
and cheap enough to run on every page of a large site.  Nothing here uses a regex
that can backtrack: the few patterns are anchored and have no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_prd.model import Problem

CODE = 1
COMMENT = 2


@dataclass(frozen=True, slots=True)
class Heading:
    """An ATX heading outside code: ``level`` 1-6, ``text`` without the ``#`` marks."""

    level: int
    text: str
    line: int


@dataclass(slots=True)
class Source:
    """The lines of one document (1-based: ``lines[0]`` is line 1).

    ``hidden[i]`` is :data:`CODE` for lines of fenced code blocks (fences included),
    :data:`COMMENT` for HTML comments that start a line, 0 for other lines (and
    :data:`CODE` for front matter): nothing in hidden lines is structure.
    ``body_start`` is the first line after the front matter.
    """

    lines: list[str]
    hidden: list[int]
    headings: list[Heading] = field(default_factory=list)
    body_start: int = 1
    problems: list[Problem] = field(default_factory=list)
    ignore_comments: list[str] = field(default_factory=list)
    """Text of the hidden comments that mention ``prd-ignore``."""

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` ('' outside the document)."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""

    def visible(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(line number, text)`` for the lines ``start..end`` (inclusive) that are not hidden."""
        lo = max(start, 1)
        hi = min(end, len(self.lines))
        hidden = self.hidden
        lines = self.lines
        return [(n, lines[n - 1]) for n in range(lo, hi + 1) if not hidden[n - 1]]


def split_lines(text: str) -> list[str]:
    """Lines as Markdown sees them: ``\\r\\n``, ``\\r`` and ``\\n`` end a line; a BOM is dropped.

    ``str.splitlines`` is not used because it also breaks on form feeds and Unicode
    separators, which Markdown treats as ordinary characters (line numbers would drift).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def front_matter_end(lines: list[str]) -> int:
    """The 1-based line that closes YAML front matter, or 0 when there is none.

    Front matter starts with ``---`` on line 1 and ends at the next ``---`` or ``...``
    line, as in MkDocs.  Without a closing line the ``---`` is a thematic break.
    """
    if not lines or lines[0].rstrip(" \t") != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip(" \t") in ("---", "..."):
            return i + 1
    return 0


def scan(lines: list[str], body_start: int) -> Source:
    """Mark fenced code and HTML comments and collect the headings of ``lines[body_start-1:]``."""
    count = len(lines)
    hidden = [0] * count
    for i in range(min(body_start - 1, count)):
        hidden[i] = CODE
    src = Source(lines=lines, hidden=hidden, body_start=body_start)
    headings = src.headings
    i = body_start - 1
    while i < count:
        line = lines[i]
        s = line.lstrip(" \t")
        c = s[:1]
        if c == "#":
            heading = _heading(line, s, i + 1)
            if heading is not None:
                headings.append(heading)
        elif c == "`" or c == "~":
            run = len(s) - len(s.lstrip(c))
            if run >= 3 and not (c == "`" and "`" in s[run:]):
                i = _skip_fence(src, i, c, run)
                continue
        elif c == "<" and s.startswith("<!--"):
            i = _skip_comment(src, i)
            continue
        i += 1
    return src


def _skip_fence(src: Source, start: int, char: str, run: int) -> int:
    """Hide the fenced block opened at index ``start``; return the index after it."""
    lines, hidden = src.lines, src.hidden
    hidden[start] = CODE
    i = start + 1
    while i < len(lines):
        hidden[i] = CODE
        s = lines[i].strip(" \t")
        if s[:1] == char and len(s) >= run and s.count(char) == len(s):
            return i + 1
        i += 1
    src.problems.append(
        Problem(
            line=start + 1, code="fence", message="code block is never closed: it runs to the end of the page"
        )
    )
    return i


def _skip_comment(src: Source, start: int) -> int:
    """Hide the HTML comment that starts line index ``start``; return the index after it."""
    lines, hidden = src.lines, src.hidden
    i = start
    first = lines[start]
    offset = first.find("<!--") + 4
    mentions_ignore = False
    while i < len(lines):
        hidden[i] = COMMENT
        text = lines[i] if i != start else first[offset:]
        mentions_ignore = mentions_ignore or "prd-ignore" in text
        if "-->" in text:
            if mentions_ignore:
                src.ignore_comments.append("\n".join(lines[start : i + 1]))
            return i + 1
        i += 1
    src.problems.append(
        Problem(
            line=start + 1,
            code="html-comment",
            message="HTML comment is never closed: it hides the rest of the page",
        )
    )
    return i


def _heading(line: str, stripped: str, number: int) -> Heading | None:
    if len(line) - len(stripped) > 3:
        return None
    level = len(stripped) - len(stripped.lstrip("#"))
    if level > 6:
        return None
    rest = stripped[level:]
    if rest and rest[0] not in " \t":
        return None
    text = rest.strip(" \t")
    # A closing sequence of #'s is dropped only when a space separates it.
    if text.endswith("#"):
        bare = text.rstrip("#")
        if not bare or bare[-1] in " \t":
            text = bare.rstrip(" \t")
    return Heading(level=level, text=text, line=number)


# --- Small line classifiers shared by the item parsers ----------------------------

_LIST_ITEM = re.compile(r"([ \t]*)([-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")


@dataclass(frozen=True, slots=True)
class ListLine:
    """A list item line: ``indent`` in columns (tabs count 4), ``ordered`` for ``1.``."""

    indent: int
    ordered: bool
    text: str


def list_item(line: str) -> ListLine | None:
    """The list item that ``line`` starts, or None."""
    m = _LIST_ITEM.match(line)
    if m is None:
        return None
    lead = m.group(1)
    indent = len(lead.expandtabs(4)) if "\t" in lead else len(lead)
    marker = m.group(2)
    return ListLine(indent=indent, ordered=marker[0].isdigit(), text=line[m.end() :].strip(" \t"))


def indent_of(line: str) -> int:
    """Leading whitespace width in columns (a tab counts 4)."""
    s = line.lstrip(" \t")
    lead = line[: len(line) - len(s)]
    return len(lead.expandtabs(4)) if "\t" in lead else len(lead)


def is_blank(line: str) -> bool:
    """Whether ``line`` holds only whitespace."""
    return not line.strip()


def is_rule(line: str) -> bool:
    """Whether ``line`` is a thematic break (``---``, ``***``, ``___``, spaced or not)."""
    s = line.replace(" ", "").replace("\t", "")
    return len(s) >= 3 and s[0] in "-*_" and s.count(s[0]) == len(s)


def bold_label(text: str) -> tuple[str, str] | None:
    """Split ``**Key:** value`` or ``**Key**: value`` into ``(Key, value)``; None otherwise."""
    s = text.strip()
    if not s.startswith("**"):
        return None
    end = s.find("**", 2)
    if end <= 2:
        return None
    inner = s[2:end].strip()
    rest = s[end + 2 :]
    if inner.endswith(":"):
        label = inner[:-1].strip()
    elif rest.startswith(":"):
        label = inner
        rest = rest[1:]
    else:
        return None
    if not label:
        return None
    return label, clean_value(rest)


def clean_value(text: str) -> str:
    """A value without surrounding blanks or a trailing hard-break backslash."""
    s = text.strip()
    if s.endswith("\\"):
        s = s[:-1].rstrip()
    return s


def strip_bold(text: str) -> str:
    """``**text**`` (or ``__text__``) without the emphasis marks; other text unchanged."""
    s = text.strip()
    for mark in ("**", "__"):
        if len(s) >= 4 and s.startswith(mark) and s.endswith(mark):
            return s[2:-2].strip()
    return s


def split_row(line: str) -> list[str] | None:
    """The cells of a pipe-table row (``\\|`` does not split), or None if it is not one."""
    s = line.strip()
    if "|" not in s:
        return None
    if "\\|" in s:
        # An escaped pipe is cell text: split around a NUL placeholder (real NULs
        # become U+FFFD first, as CommonMark prescribes, so they cannot collide).
        s = s.replace("\0", "\ufffd").replace("\\|", "\0")
        cells = [c.replace("\0", "|").strip() for c in s.split("|")]
    else:
        cells = [c.strip() for c in s.split("|")]
    if s.startswith("|"):
        cells = cells[1:]
    if s.endswith("|") and not s.endswith("\\|") and cells:
        cells = cells[:-1]
    return cells


def is_separator_row(cells: list[str]) -> bool:
    """Whether table cells form the ``|---|:---:|`` row under a header."""
    if not cells:
        return False
    for cell in cells:
        c = cell.strip()
        if not c or c.strip(":-") or "-" not in c:
            return False
    return True
