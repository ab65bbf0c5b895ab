"""Markdown text (+ front matter) -> :class:`~mkdocs_prd.core.model.Prd`; PRD detection.

The entry points of the MkDocs-free parser:

* :func:`decode_source` turns a page's bytes into text (UTF-8, optional BOM);
* :func:`is_prd` decides whether a page is a PRD, cheaply;
* :func:`parse_prd` builds the immutable model with 1-based line numbers.

The parser never raises: what it cannot read becomes a :class:`Problem` with its
line.  It runs in time linear in the input (see ``parse_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_prd.core.decoration import emoji_lead, without_struck
from mkdocs_prd.core.model import MULTI_VALUED, Field, Metadata, Prd, Problem, Section
from mkdocs_prd.core.parse.bold_sections import promote_bold_sections, setext_as_written
from mkdocs_prd.core.parse.front import (
    ignored_from_comments,
    ignored_from_front_matter,
    read_front_matter,
)
from mkdocs_prd.core.parse.header import header_over_rule, names_header, read_header
from mkdocs_prd.core.parse.inline import inline_pieces, without_comments
from mkdocs_prd.core.parse.iosm import parse_iosm
from mkdocs_prd.core.parse.items import parse_items
from mkdocs_prd.core.parse.lines import (
    BLANK,
    CODE,
    TEXT,
    Source,
    front_matter_end,
    heading_text,
    scan,
    split_lines,
)
from mkdocs_prd.core.parse.prd_titles import has_prd_header, kept_part, prd_name, titled_prd
from mkdocs_prd.core.parse.preamble import Preamble, decoration
from mkdocs_prd.core.parse.rendered import rendered_lines
from mkdocs_prd.core.parse.sections import build_sections

__all__ = ["decode_source", "is_prd", "one_line_end", "parse_prd", "shown_title"]

# "PRD:", "**PRD:**" (up to the colon), "**PRD**:", "PRD\\:", "PRD : X" (French spacing): the label.
_LABEL = re.compile(r"[*_ ]*prd[*_]*[ \u00a0\u202f]?\\?:", re.IGNORECASE)


def decode_source(data: bytes) -> tuple[str, Problem | None]:
    """Decode a page's bytes as UTF-8 (a leading BOM is dropped).

    Bytes that are not UTF-8 are replaced by U+FFFD and reported as a Problem
    (code ``encoding``) on the line of the first bad byte.  A UTF-16 or UTF-32 page
    (see :func:`wide_encoding`) is decoded as such, so it is still recognised as a
    PRD, and reported as a Problem on line 1: the build cannot read it.

    Line ends are ``\\n``: MkDocs reads a page with universal newlines, so ``\\r\\n`` and a
    lone ``\\r`` (a classic Mac file) end a line there, front matter's included (see
    :func:`one_line_end`).
    """
    text, problem = _decoded(data)
    return one_line_end(text), problem


def one_line_end(text: str) -> str:
    """``text`` with ``\\r\\n`` and lone ``\\r`` written ``\\n``, as MkDocs reads a page.

    Without it, a page saved with lone ``\\r`` line ends was one line to the checks that read
    the text whole: its front matter was not seen (a PRD titled or typed there was no PRD:
    lint and the build skipped it while MkDocs showed it), and the line-start pre-scans
    (PRD803 ...) never matched.  Line numbers are unchanged: :func:`split_lines` ends a line
    at each of them too.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _decoded(data: bytes) -> tuple[str, Problem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = wide_encoding(data)
    if wide is not None:
        text = data.decode(wide, errors="replace").lstrip("\ufeff")
        problem = Problem(
            line=1,
            code="encoding",
            message=f"the page is {wide.upper()} encoded, but MkDocs and Zensical read pages as UTF-8",
        )
        return text, problem
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start]
        # Count line ends the way split_lines does: \r\n, \r and \n each end one line.
        line = 1 + prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n")
        problem = Problem(
            line=line,
            code="encoding",
            message=f"the page is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "bad bytes were replaced",
        )
        return data.decode("utf-8", errors="replace"), problem


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def wide_encoding(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` or ``utf-32-le``/``-be`` when ``data`` is text in that encoding, else None.

    Known by its byte order mark, or without one by where its zero bytes fall in the
    first 4 KB: every character of UTF-32 has a zero high byte (two for the Basic
    Multilingual Plane), and every ASCII character of UTF-16 (spaces, line ends,
    Markdown marks) has one zero byte, all on the same side.  UTF-8 text has no zero
    bytes, so it is never mistaken for either.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return codec
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    return _utf32(sample) or _utf16(sample)


def _utf32(sample: bytes) -> str | None:
    """UTF-32 without a BOM: the sample decodes as UTF-32 (a zero byte in every 4, next to
    a byte of at most 0x10) into characters mostly of the Basic Multilingual Plane and
    not mostly NUL (UTF-16 read as UTF-32 gives characters above U+FFFF)."""
    whole = sample[: len(sample) // 4 * 4]
    for codec in ("utf-32-le", "utf-32-be"):
        try:
            text = whole.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = sum(1 for char in text if char > "\uffff")
        if (text.count("\x00") + wide) * 2 < len(text):
            return codec
    return None


def _utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: a good share of the 2-byte units (at least 1 in 16: the
    ASCII of even a Chinese or Russian page, and at least 4) has its zero byte on one side, and the
    other side has few (U+0100, U+4E00... have a zero low byte)."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    enough = max(4, len(sample) // 32)
    if odd >= enough and even * 4 <= odd:
        return "utf-16-le"
    if even >= enough and odd * 4 <= even:
        return "utf-16-be"
    return None


def is_prd(text: str) -> bool:
    """Whether ``text`` is a PRD page.

    It is when its front matter says ``type: prd``, or when its first heading is a
    level-1 heading starting with ``PRD:`` in any case; or when that heading (or, without
    one, the front matter's ``title``) names a PRD in other words (``PRD - X``, ``X — PRD``,
    ``[PRD] X``, ``Product Requirements: X``, ``X PRD``: see :func:`titled_prd`) and a PRD
    header (Status and Track ID or Owner; under ``PRD <Name>`` without a separator more: see
    :func:`has_prd_header`) stands under it.  Only what shows no text of the page may come
    before that heading (blank lines, HTML comments, badges, ``[TOC]``, admonitions: see
    :mod:`~mkdocs_prd.core.parse.preamble`); a page that opens with prose is not a PRD, and
    neither are pages that merely mention PRDs.
    A level-1 heading is what Python-Markdown renders as ``<h1>`` (see :func:`h1_text`):
    ``# PRD: X``, ``#PRD: X``, ``# PRD\\: X``, ``<h1>PRD: X</h1>`` and ``PRD: X`` over a ``===``
    line, not `` # PRD: X``.
    """
    lines = _head_lines(text)
    start = 0
    end = front_matter_end(lines)
    if end:
        if _front_matter_says_prd(lines[1 : end - 1]):
            return True
        start = end
    heading = _first_heading(lines, start)
    if heading is not None and _is_prd_name(heading[0]):
        return True
    # A title naming a PRD in other words ("# PRD - X", "# X — PRD", front matter
    # "title: PRD: X" without a heading) makes a PRD only over a PRD header.
    front = lines[1 : end - 1] if end else []
    titles = [heading[0]] if heading is not None else _front_titles(front)
    named = next((title for title in titles if titled_prd(title)), None)
    if named is None:
        return False
    after = heading[1] + 1 if heading is not None else start
    return has_prd_header(split_lines(text), after, front, named)


def _front_titles(front: list[str]) -> list[str]:
    return [line.partition(":")[2].strip().strip("'\"") for line in front if line[:6].casefold() == "title:"]


def _first_heading(lines: list[str], start: int) -> tuple[str, int] | None:
    """The text and 0-based line of the H1 the page opens with (after blank lines, comments,
    decoration and admonitions), or None when it opens with anything else."""
    preamble = Preamble()
    paragraph = False  # the previous line is decoration text: no setext heading can start here
    for i in range(start, len(lines)):
        line = lines[i]
        if preamble.hidden(line):
            continue
        if not line.strip():
            paragraph = False
            continue
        following = lines[i + 1] if i + 1 < len(lines) and not paragraph else ""
        title = h1_text(line, following)
        if title is None and decoration(line):
            paragraph = True
            continue
        if title is None:
            return None
        return title, i + (1 if following[:1] == "=" and not line.startswith("#") else 0)
    return None


def h1_text(line: str, following: str = "") -> str | None:
    """The text of a level-1 heading starting at ``line`` (``following`` is the next line), else None.

    As Python-Markdown reads headings: an ATX heading is a ``#`` in the first column
    with no second ``#``, a blank after it being optional (``#PRD: X``); an indented
    ``#`` is paragraph text (``  # X``) or code.  Closing ``#`` marks are dropped.  A
    setext heading is a line of text (indented less than four) over a line of ``=``
    that starts in the first column (trailing blanks allowed).
    """
    if line[:1] == "#":
        if line[1:2] == "#":
            return None
        return heading_text(line[1:].strip().rstrip("#"))  # '# <a name="top"></a>PRD: X'
    if line[:3].lower() == "<h1" and line[3:4] in (">", " ", "\t"):
        return _html_h1(line)
    setext = following[:1] == "=" and not following.rstrip(" ").strip("=")
    if setext and line[:1] != "\t" and len(line) - len(line.lstrip(" ")) < 4:
        return heading_text(line)
    return None


_TAG = re.compile(r"<[^<>\n]{0,2000}>")


def _html_h1(line: str) -> str | None:
    """``<h1>PRD: X</h1>`` (a raw HTML block of one line) -> ``PRD: X``; the tags inside
    (``<img …>``, ``<em>``) show no text of their own and are left out."""
    s = line.rstrip()
    close = s.lower().rfind("</h1>")
    open_end = s.find(">")
    if close < 0 or close + 5 != len(s) or open_end > close:
        return None
    inner = s[open_end + 1 : close]
    return _TAG.sub("", inner).strip() if "<" in inner else inner.strip()


def _is_prd_name(title: str) -> bool:
    """``PRD: X`` in any case, also with emphasis round the prefix (``**PRD:** X``) or the colon
    escaped (``PRD\\: X``, as exporters write it)."""
    return _prefix_length(title) > 0


def _prefix_length(title: str) -> int:
    """How many characters of ``title`` the ``PRD:`` label takes (``**PRD\\:** X`` -> 7,
    ``**PRD**: X`` -> 8), else 0."""
    m = _LABEL.match(title, emoji_lead(title))  # "🚀 PRD: X": the emoji is decoration
    return m.end() if m is not None else 0


_MAX_DECORATION = 20


def _head_lines(text: str) -> list[str]:
    """The lines of ``text`` up to its first line that is not blank, front matter or comment.

    Splitting a large page whole just to look at its top would cost more than needed,
    so lines are cut off lazily.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines: list[str] = []
    pos = 0
    n = len(text)
    in_front = False
    preamble = Preamble()
    decorations = 0
    while pos < n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        line = text[pos:stop].rstrip("\r")
        lines.append(line)
        pos = stop + 1
        s = line.strip()
        if len(lines) == 1 and s == "---":
            in_front = True
            continue
        if in_front:
            if s in ("---", "..."):
                in_front = False
            continue
        if preamble.hidden(line):
            continue  # a comment, or a note before the title ("!!! warning \"Draft\""), with its body
        if s and decorations < _MAX_DECORATION and decoration(line):
            decorations += 1  # a badge line: the first heading may come after it
            continue
        if s:
            # One line more: a "===" under it makes it a setext heading.
            nl = text.find("\n", pos)
            lines.append(text[pos : n if nl < 0 else nl].rstrip("\r"))
            break
    if in_front:
        # No closing line: the leading --- is a thematic break, not front matter.
        return lines[:1]
    return lines


def _front_matter_says_prd(lines: list[str]) -> bool:
    for line in lines:
        if line[:1] not in ("t", "T"):
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() != "type":
            continue
        value = value.split(" #", 1)[0].strip().strip("'\"").strip()
        return value.lower() == "prd"
    return False


def parse_prd(text: str, path: str, lines: list[str] | None = None) -> Prd:
    """Parse one PRD page into the typed model; never raises.

    ``path`` is recorded as given (relative to ``docs_dir`` in a build).  ``lines``
    is ``split_lines(text)`` when the caller needs those too (it is split here otherwise).
    """
    if lines is None:
        lines = split_lines(text)
    fm_end = front_matter_end(lines)
    problems: list[Problem] = []
    front_data: dict[str, object] = {}
    fields: list[Field] = []
    ignored: set[str] = set()
    if fm_end:
        front = read_front_matter(lines, fm_end)
        problems.extend(front.problems)
        front_data = front.data
        fields.extend(front.fields)
        ignored |= ignored_from_front_matter(front_data)
    src = scan(rendered_lines(text, lines, fm_end + 1), fm_end + 1)
    header_over_rule(src)
    setext_as_written(src)
    promote_bold_sections(src)
    problems.extend(src.problems)

    sections = build_sections(src)
    h1 = first_h1(src)
    first_section = next(
        (line for level, text, line in src.headings if level > 1 and not names_header(text)), len(lines) + 1
    )
    if sections and sections[0].line < first_section and not names_header(sections[0].title):
        first_section = sections[0].line  # sections written as "#" headings
    header = read_header(
        src, h1[1] if h1 is not None else 0, _header_end(src, sections, first_section), first_section
    )
    fields.extend(header.fields)
    if header.problem is not None:
        problems.append(header.problem)
    metadata = Metadata(
        fields=tuple(fields),
        header_start=header.start,
        header_end=header.end,
        header_replaceable=header.replaceable and card_keeps_all(header.fields),
    )

    title, title_line = _title(src, fields, h1)
    for comment in src.ignore_comments:
        ignored |= ignored_from_comments(comment)
    if "prd-ignore" in text:
        for _number, line in src.visible(src.body_start, len(lines)):
            if "prd-ignore" in line:
                ignored |= ignored_from_comments(line)

    items = parse_items(src, sections)
    iosm, iosm_problems = parse_iosm(src, sections)
    problems.extend(items.problems)
    problems.extend(iosm_problems)
    problems.sort(key=lambda p: p.line)
    return Prd(
        path=path,
        title=title,
        title_line=title_line,
        metadata=metadata,
        front_matter=front_data,
        sections=sections,
        goals=tuple(items.goals),
        non_goals=tuple(items.non_goals),
        personas=tuple(items.personas),
        use_cases=tuple(items.use_cases),
        scope=tuple(items.scope),
        functional=tuple(items.functional),
        non_functional=tuple(items.non_functional),
        risks=tuple(items.risks),
        criteria=tuple(items.criteria),
        iosm=iosm,
        references=tuple(items.references),
        open_questions=tuple(items.open_questions),
        changelog=tuple(items.changelog),
        ignored_rules=frozenset(ignored),
        problems=tuple(problems),
        line_count=len(lines),
    )


def _header_end(src: Source, sections: Sequence[Section], first_section: int) -> int:
    """Where the header can end at the latest: a first heading that is not a template
    section (``## Overview``, ``## Summary``) may stand over it, so it ends at the
    heading after that one, or at the first template section when that comes first."""
    template = next((s.line for s in sections if s.key is not None), len(src.lines) + 1)
    if template <= first_section:
        return first_section
    after = next(
        (
            line
            for level, text, line in src.headings
            if line > first_section and level > 1 and not names_header(text)
        ),
        len(src.lines) + 1,
    )
    return min(template, after)


def _title(src: Source, fields: list[Field], h1: tuple[str, int] | None) -> tuple[str, int]:
    """The H1 after ``PRD:`` (or the name of a title naming a PRD in other words: ``PRD - X``,
    ``X — PRD``); else front matter ``title`` (its name likewise); else the first H1 as written."""
    if h1 is not None:
        h1_text_, h1_line = h1
        name = shown_title(_after_prefix(h1_text_)) if _is_prd_name(h1_text_) else prd_name(h1_text_)
        if name:
            return shown_title(name), h1_line
    for f in fields:
        if f.key == "title" and f.source == "front_matter" and f.value.strip():
            return prd_name(f.value) or f.value.strip(), f.line
    if h1 is not None:
        return shown_title(_after_prefix(h1_text_) if _is_prd_name(h1_text_) else h1_text_), h1_line
    return "", 0


def shown_title(heading: str) -> str:
    """The text of a heading as its H1 shows it: ``Export {#custom-id}`` -> ``Export``,
    ``Export[^1]`` -> ``Export``, ``Export <!-- v2 -->`` -> ``Export`` (other Markdown is kept
    as written)."""
    return heading_text(without_comments(heading))


def _after_prefix(title: str) -> str:
    """``PRD: Checkout`` / ``**PRD:** Checkout`` / ``PRD\\: Checkout`` -> ``Checkout``; an emoji
    before the label stays before the name (``🚀 PRD: Checkout`` -> ``🚀 Checkout``)."""
    name = kept_part(title, _prefix_length(title), len(title)).strip()
    lead = emoji_lead(title)
    return f"{title[:lead].rstrip()} {name}" if lead else name


def first_h1(src: Source) -> tuple[str, int] | None:
    """The text and line of the first heading Python-Markdown renders as ``<h1>`` (see :func:`h1_text`).

    A setext heading counts only at the start of a paragraph (after a blank line, a
    heading or a hidden block), as Python-Markdown reads it.
    """
    lines, kinds = src.lines, src.kinds
    count = len(lines)
    previous = BLANK
    for n in range(src.body_start, count + 1):
        kind = kinds[n - 1]
        if kind < CODE and kind != BLANK:
            line = lines[n - 1]
            following = lines[n] if n < count and previous != TEXT else ""
            text = h1_text(line, following)
            if text is not None:
                return text, n
        previous = kind if kind < CODE else BLANK
    return None


def card_keeps_all(fields: Sequence[Field]) -> bool:
    """Whether the header card can stand for these header lines without losing text.

    It cannot when a field other than one of several people (:data:`MULTI_VALUED`: the
    card shows two ``Owner:`` lines as one Owner, but not ``Owner (PM)`` beside ``Owner
    (Eng)``) is written twice (a second ``Date:`` line), or
    when a value holds a link the card cannot show as one (a relative link, an image): then
    the card goes under the title and the author's lines stay.  A Status with a remark
    (``Approved (by CFO on 2026-03-01)``) is shown whole: its badge and the remark beside it.
    """
    if len({f.key for f in fields if f.key not in MULTI_VALUED}) != sum(
        1 for f in fields if f.key not in MULTI_VALUED
    ):
        return False
    people = {(f.key, f.label.casefold()) for f in fields if f.key in MULTI_VALUED}
    if len(people) != len({f.key for f in fields if f.key in MULTI_VALUED}):
        return False  # "Owner (PM)" and "Owner (Eng)": the card would lose what the labels say
    if any(without_struck(f.written or f.value) != (f.written or f.value) for f in fields):
        return False  # "~~Draft~~ Approved", "~~2026-02-01~~ 2026-03-14": the card shows no old value
    return not any(f.written and _card_drops_link(f.written) for f in fields)


def _card_drops_link(written: str) -> bool:
    """Whether a value holds an image, or a link that is not ``http(s):``/``mailto:`` (the
    card shows those as text: see ``mkdocs_prd.html.render.inline_value``)."""
    return "![" in written or any(
        kind == "link" and not url.lower().startswith(("http://", "https://", "mailto:"))
        for kind, _, url in inline_pieces(written)
    )
