"""Line scanning: the Markdown text as numbered lines, with code and comments marked.

Every other parser module works on a :class:`Source`.  The scan is a single pass
that looks at each line's first non-blank character, so it is linear in the input
and cheap enough to run on every page of a large site.  Nothing here uses a regex
that can backtrack: the few patterns are anchored and have no nested quantifiers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from mkdocs_prd.core.model import Problem
from mkdocs_prd.core.parse.inline import without_comments

# What each line is, decided once by :func:`scan`.  Kinds from CODE on are hidden:
# nothing inside fenced code, HTML comments or front matter is structure.
TEXT = 0
BLANK = 1
RULE = 2
HEADING = 3
ITEM = 4
CODE = 5
COMMENT = 6


# Headings and list items are plain tuples: a page has hundreds of them, and a
# NamedTuple costs about twice as much to build (a dataclass several times more).
Heading: TypeAlias = tuple[int, str, int]
"""A heading outside code: ``(level, text, line)``; ``level`` 1-6, ``text`` without the
``#`` marks, ``line`` 1-based.  ATX (``## Goals``) or setext (``Goals`` over ``---``: level
2, over ``===``: level 1; ``line`` is the text's line, the underline counts as BLANK)."""

ListLine: TypeAlias = tuple[int, bool, str]
"""A list item line: ``(indent, ordered, text)``; ``indent`` in columns (tabs count 4),
``ordered`` for ``1.`` items, ``text`` after the marker."""


@dataclass(slots=True)
class Source:
    """The lines of one document (1-based: ``lines[0]`` is line 1).

    ``kinds[i]`` classifies line ``i + 1`` (:data:`TEXT`, :data:`BLANK`, :data:`RULE`,
    :data:`HEADING`, :data:`ITEM`, or hidden: :data:`CODE` for fenced code, fences
    and front matter, :data:`COMMENT` for HTML comments that start a line).
    ``items`` maps the line number of each list item to its parts.
    ``body_start`` is the first line after the front matter.
    """

    lines: list[str]
    kinds: list[int]
    items: dict[int, ListLine] = field(default_factory=dict)
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
        kinds = self.kinds
        lines = self.lines
        return [(n, lines[n - 1]) for n in range(lo, hi + 1) if kinds[n - 1] < CODE]


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


def front_matter_end(lines: Sequence[str]) -> int:
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


_ORDERED_MARKER = re.compile(r"[0-9]{1,9}[.)](?:[ \t]+|$)")
_DIGITS = frozenset("0123456789")
_RULE_CHARS = {"-": "- \t", "*": "* \t", "_": "_ \t"}


def scan(lines: list[str], body_start: int) -> Source:
    """Classify every line of ``lines`` from ``body_start`` on; collect headings and list items.

    One pass, deciding by each line's first non-blank character.
    """
    count = len(lines)
    kinds = [TEXT] * count
    for i in range(min(body_start - 1, count)):
        kinds[i] = CODE
    src = Source(lines=lines, kinds=kinds, body_start=body_start)
    headings = src.headings
    items = src.items
    match_number = _ORDERED_MARKER.match
    fence = ""  # the opening fence while inside a fenced block
    fence_start = -1
    comment_start = -1  # index of the line that opened an unclosed HTML comment
    hidden = False  # inside a fence or an unclosed comment: one test per line for both
    for i, line in enumerate(lines[body_start - 1 :], body_start - 1):
        if hidden:
            if fence:
                kinds[i] = CODE
                s = line.strip(" \t")
                if s[:1] == fence[0] and len(s) >= len(fence) and not s.strip(fence[0]):
                    fence = ""
                    hidden = False
            else:
                kinds[i] = COMMENT
                if "-->" in line:
                    _comment_closed(src, comment_start, i)
                    comment_start = -1
                    hidden = False
            continue
        s = line.lstrip(" \t")
        if not s:
            kinds[i] = BLANK
            continue
        c = s[0]
        if (c == "=" or c == "-") and s is line and _setext_under(lines, kinds, i, body_start, c):
            # "FR-2: Export" over "---" / "===": the text line is a heading, as Python-Markdown
            # renders it; the underline is part of it (no content, no thematic break).
            kinds[i - 1] = HEADING
            kinds[i] = BLANK
            # "1. Problem" over "----" is Python-Markdown's h2; its items entry stays, read only
            # if the heading is taken back (see parse.bold_sections.setext_as_written).
            headings.append((1 if c == "=" else 2, heading_text(lines[i - 1]), i))
            continue
        if c == "-" or c == "*" or c == "+":
            after = s[1:2]
            if after == " " or after == "\t" or not after:
                # "- - -" and "* * *" are rules; "- item" is told apart by its third character.
                third = s[2:3]
                if (third == c or third == " " or third == "\t") and c != "+" and _is_rule_of(s, c):
                    kinds[i] = RULE
                    continue
                kinds[i] = ITEM
                # lstrip returns the line itself when it has no indent (the common case).
                if s is line:
                    items[i + 1] = (0, False, s[2:].strip())
                else:
                    items[i + 1] = (_indent(line, s), False, s[2:].strip())
            elif after == c and c != "+" and s[2:3] in (c, " ", "\t", "") and _is_rule_of(s, c):
                kinds[i] = RULE
        elif c in _DIGITS:
            m = match_number(s)
            if m is not None:
                kinds[i] = ITEM
                items[i + 1] = (0 if s is line else _indent(line, s), True, s[m.end() :].strip())
        elif c == "#":
            body = s.lstrip("#")
            level = len(s) - len(body)
            # body[:1] in " \t": nothing, a blank or a tab follows the marks.  In the
            # first column no blank is needed: Python-Markdown reads "##Goals" as a heading
            # (PRD805 says the page shows a paragraph).  A "#1 priority" or "#hashtag" line
            # after the first heading is prose: an <h1> there would end the section for the
            # parser while the page (CommonMark) shows the text in it.
            blank = body[:1] in " \t"
            if level <= 6 and (
                (s is line and (blank or not body or level > 1 or not headings))
                or (blank and len(line) - len(s) <= 3)
            ):
                text = body.strip(" \t")
                if text[-1:] == "#":
                    text = _drop_closing_hashes(text)
                headings.append((level, heading_text(text), i + 1))
                kinds[i] = HEADING
        elif c == "`" or c == "~":
            run = len(s) - len(s.lstrip(c))
            if (
                run >= 3
                and not (c == "`" and "`" in s[run:])
                and (s is line or _opens_fence(lines, kinds, line, s, i))
            ):
                kinds[i] = CODE
                fence, fence_start, hidden = c * run, i, True
        elif c == "<":
            if s.startswith("<!--"):
                kinds[i] = COMMENT
                if "-->" in s[4:]:
                    _comment_closed(src, i, i)
                else:
                    comment_start, hidden = i, True
        elif c == "_" and _is_rule_of(s, c):
            kinds[i] = RULE
    if fence:
        src.problems.append(
            Problem(fence_start + 1, "fence", "code block is never closed: it runs to the end of the page")
        )
    if comment_start >= 0:
        src.problems.append(
            Problem(
                comment_start + 1,
                "html-comment",
                "HTML comment is never closed: it hides the rest of the page",
            )
        )
    return src


def _setext_under(lines: list[str], kinds: list[int], i: int, body_start: int, mark: str) -> bool:
    """Whether line ``i`` (0-based, in the first column, starting with ``mark``) underlines a
    setext heading as Python-Markdown reads one: ``mark`` repeated (trailing blanks allowed)
    under a line of text or a list item (``1. Problem``) that starts a block (after a blank
    line, a heading, a rule or a hidden block; indented less than four).  A longer paragraph
    or list over ``---`` is text and a rule.
    """
    if i < body_start or kinds[i - 1] not in (TEXT, ITEM) or lines[i].rstrip(" \t").strip(mark):
        return False
    if i - 1 >= body_start and kinds[i - 2] in (TEXT, ITEM):
        return False
    above = lines[i - 1]
    return above[:1] != "\t" and len(above) - len(above.lstrip(" ")) < 4


def _is_rule_of(s: str, mark: str) -> bool:
    """Whether ``s`` (a line without its indent) is a thematic break made of ``mark``."""
    return not s.strip(_RULE_CHARS[mark]) and s.count(mark) >= 3


_ITEM_START = re.compile(r"[ \t]*(?:[-+*]|[0-9]{1,9}[.)])([ \t]+|$)")

_FENCE_LOOK_BACK = 200
"""How many lines above an indented fence are searched for the list item it may be in."""


def _opens_fence(lines: list[str], kinds: list[int], line: str, rest: str, i: int) -> bool:
    """Whether the indented fence line ``line`` (0-based ``i``; ``rest`` without its indent)
    opens a fenced block as CommonMark (and the page) reads it: indented less than 4 columns
    past the content column of the list item it is in, or past the margin outside lists.  At 4
    or more it is indented code, or text of the paragraph above (PRD804), and no fence: a stray
    ```` ``` ```` under ``**Migrations:**`` must not hide the rest of the page from the checks.
    The item is the nearest list item above whose content column is at most the fence's; the
    search stops where a list has ended (an unindented line after a blank one, a heading)."""
    indent = _indent(line, rest)
    if indent < 4:
        return True
    for k in range(i - 1, max(i - 1 - _FENCE_LOOK_BACK, -1), -1):
        kind = kinds[k]
        if kind == HEADING:
            return False
        if kind == ITEM:
            m = _ITEM_START.match(lines[k])
            if m is not None:
                spaces = len(m.group(1).expandtabs(4))
                column = len(lines[k][: m.start(1)].expandtabs(4)) + (spaces if 0 < spaces <= 4 else 1)
                if column <= indent:
                    return indent - column < 4
            continue
        above = lines[k]
        if kind != BLANK and above[:1] not in (" ", "\t") and k > 0 and kinds[k - 1] == BLANK:
            return False  # an unindented paragraph after a blank line: no list goes on here
    return False


def _indent(line: str, rest: str) -> int:
    """Columns of indent before ``rest`` in ``line`` (a tab counts 4)."""
    indent = len(line) - len(rest)
    if "\t" in line[:indent]:
        return len(line[:indent].expandtabs(4))
    return indent


def _comment_closed(src: Source, start: int, end: int) -> None:
    """Remember a comment (lines ``start..end``, 0-based) that names ``prd-ignore``."""
    text = "\n".join(src.lines[start : end + 1])
    if "prd-ignore" in text:
        src.ignore_comments.append(text)


# An empty HTML element before or in a heading's text, as Confluence, pandoc and wiki exports
# write an anchor: ``<a name="goals"></a>2. Goals``, ``<span id="fr-1"></span>``.
_EMPTY_ELEMENT = re.compile(r"<(a|span)[ \t][^<>\n]{0,300}>[ \t]*</\1>[ \t]*", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"(?<!!)\[\^[^\]\n]{0,100}\](?!\s*:)")


def heading_text(text: str) -> str:
    """A heading's text as the page shows it: without an attribute list at its end
    (``Goals {#goals}``, ``Goals { #goals .wide }``: attr_list), empty anchor elements
    (``<a name="goals"></a>Goals``) and footnote references (``Goals[^1]``); stripped.
    Linear: the attribute list is found from the last ``{``."""
    text = text.strip(" \t")
    if text[-1:] == "}":
        at = text.rfind("{")
        inner = text[at + 1 : -1].lstrip(":").strip(" ")
        if at > 0 and text[at - 1] == " " and inner and "{" not in inner:
            text = text[:at].rstrip(" ")
    if "</" in text:
        text = _EMPTY_ELEMENT.sub("", text).strip(" \t")
    if "[^" in text:
        text = _FOOTNOTE_REF.sub("", text).strip(" \t")
    return text


def _drop_closing_hashes(text: str) -> str:
    # A closing sequence of #'s is dropped only when a blank separates it (CommonMark).
    bare = text.rstrip("#")
    if not bare or bare[-1] in " \t":
        return bare.rstrip(" \t")
    return text


# --- Small line classifiers shared by the item parsers ----------------------------


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
    s = line.strip()
    if len(s) < 3 or s[0] not in _RULE_CHARS:
        return False
    return not s.strip(_RULE_CHARS[s[0]]) and s.count(s[0]) >= 3


_FRENCH_SPACES = (" ", "\u00a0", "\u202f")
"""A space, a no-break space or a narrow no-break space: what French typography puts before a colon."""


def bold_label(text: str) -> tuple[str, str] | None:
    """Split ``**Key:** value`` or ``**Key**: value`` into ``(Key, value)``; None otherwise.
    ``__Key:__ value`` is the same bold label (Markdown's other strong mark), and so is
    ``**Key** : value`` (a French colon, a space or no-break space before it)."""
    s = text.strip()
    mark = s[:2]
    if mark not in ("**", "__"):
        return None
    end = s.find(mark, 2)
    if end <= 2:
        return None
    inner = s[2:end].strip()
    if "<!--" in inner:
        inner = without_comments(inner)  # "**Status <!-- CAB -->:** Approved": the label is Status
    rest = s[end + 2 :]
    if inner.endswith((":", "\uff1a")):  # and a fullwidth colon, as CJK input methods type it
        label = inner[:-1].strip()
    elif rest.startswith((":", "\uff1a")):
        label = inner
        rest = rest[1:]
    elif rest[:1] in _FRENCH_SPACES and rest[1:2] == ":":
        label = inner  # "**Cible** : 0,8": French typography puts a (no-break) space before the colon
        rest = rest[2:]
    else:
        return None
    if not label:
        return None
    return label, clean_value(rest)


def clean_value(text: str) -> str:
    """A value without surrounding blanks, a trailing hard-break backslash or HTML comments
    (``Implemented <!-- CAB 2026-03-14 -->`` is ``Implemented``: the page hides the note)."""
    s = without_comments(text.strip())
    if s.endswith("\\"):
        s = s[:-1].rstrip()
    return s


def strip_bold(text: str) -> str:
    """``**text**`` (or ``__text__``) without the emphasis marks; other text unchanged."""
    s = text.strip()
    mark = s[:2]
    if (mark == "**" or mark == "__") and len(s) >= 4 and s.endswith(mark):
        return s[2:-2].strip()
    return s
