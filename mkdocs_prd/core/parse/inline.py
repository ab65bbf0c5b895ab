"""Inline Markdown in a metadata value: its meaning as plain text, and its pieces.

A header value may carry inline markup: ``**Track ID:** `invoice-export` ``,
``**Owner:** [Marta Lopez](mailto:marta@example.com)``, ``**Owner:** *Marta*``.  What
the value *means* (the Track ID slug, the Owner in the JSON export) is its text without
the markup: :func:`plain_value`.  The header card shows the value as the page would,
from :func:`inline_pieces`: code spans as code, links as links (the renderer decides
which URLs may be links), emphasis as its text.

Linear in the value: code spans are found in one pass over the backtick runs; each
other pattern is anchored on a delimiter and has no nested quantifiers.
"""

from __future__ import annotations

import html
import re
from typing import Literal, TypeAlias

from mkdocs_prd.core.decoration import (
    ANGLED_URL,
    BARE_URL,
    LINE_BREAK,
    LINK_TITLE,
    machine_value,
    without_emoji,
    without_struck,
    without_tags,
)
from mkdocs_prd.core.model import FIELD_SYNONYMS, Field, MetaSource

__all__ = ["InlinePiece", "code_spans", "inline_pieces", "meta_field", "plain_value", "without_comments"]

InlinePiece: TypeAlias = tuple[Literal["text", "code", "link"], str, str]
"""``(kind, text, url)``: ``url`` is the link target for ``link`` pieces, else ''."""

_MARKUP = frozenset("`[<*_~")
_MARKUP_FIRST = "`[<*_~"
"""A code span, link, autolink, HTML tag, emphasis or strike-through needs one of these characters."""
_RUN = re.compile(r"`+")
_MAX_TICKS = 10  # the longest backtick run that opens a code span
_MAX_CODE = 300  # the longest code span's text
# [text](url), [text](<url> "title"), ![alt](src): the text (alt) is what it says.
# The URL: group 2 in angle brackets (spaces, parentheses), else group 3 (balanced parentheses).
_LINK = re.compile(rf"!?\[([^\[\]\n]{{0,300}})\]\(\s*(?:{ANGLED_URL}|{BARE_URL}){LINK_TITLE}\s*\)")
# [text][ref] and [text][] (reference links): the text is what the value says.
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,300}\]")
_AUTOLINK = re.compile(
    r"<((?:https?|mailto):[^<>\s]{1,2000}|[^<>\s@:/]{1,200}@[^<>\s@]{1,200})>", re.IGNORECASE
)
# <a href="url">text</a>, as a plugin writes a value (git-authors' {{ git_page_authors }})
# or an author does: the same as a Markdown link.  Bounded, and [^<>] stops at the next tag.
_HTML_LINK = re.compile(
    r"<a\s[^<>]{0,2000}?\bhref\s*=\s*(?:\"([^\"<>]{0,2000})\"|'([^'<>]{0,2000})'|([^\s\"'<>]{1,2000}))"
    r"[^<>]{0,2000}>((?:[^<>]|<(?!/?a[\s>])[^<>]{0,200}>){0,300})</a\s*>",  # text: inline tags allowed
    re.IGNORECASE,
)
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,300}?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])"
)


def meta_field(key: str, label: str, written: str, line: int, source: MetaSource) -> Field:
    """A metadata Field read the same way from a header line and from front matter: its
    value is the text without inline markup (see :func:`plain_value`; ``"[Ann](mailto:…)"``
    is ``Ann``), ``written`` keeps the markup when there is any.  A Status keeps it in its
    value: :func:`~mkdocs_prd.core.model.status_word` reads its word (``**Approved**``).  A
    Date written as ``<time datetime="2026-03-14">14 Mar 2026</time>`` is the date the element
    states, ``2026-03-14`` (the card shows its words).  HTML comments are no part of either."""
    written = without_comments(written)  # front matter's too: the card shows no author's note
    if key == "status":
        value = written
    elif key == "title":
        value = plain_value(written)  # a title keeps its emoji: the index shows them as the H1 does
    else:
        value = without_emoji(plain_value(written))  # ":bust_in_silhouette: Ana" is Ana
    if written[:1] == "<" and (key == "date" or key in FIELD_SYNONYMS["date"]):
        value = machine_value(written) or value  # <time datetime="2026-03-14">14 Mar 2026</time>
    return Field(key, label, value, line, source, written if value != written else "")


def without_comments(text: str) -> str:
    """``text`` without the HTML comments in it, as the page shows it: ``Implemented
    <!-- CAB 2026-03-14 -->`` -> ``Implemented``, ``<!-- was Review --> Implemented`` ->
    ``Implemented``, ``Must<!---->`` -> ``Must``, ``Ann <!-- x --> Bo`` -> ``Ann Bo``.

    A comment is Python-Markdown's: ``<!--`` up to the next ``-->`` (``<!-->`` and
    ``<!--->`` are none), holding no other ``<!--``; one that starts or ends inside a code
    span is code, not a comment (`` `<!-- x -->` ``).  An unclosed ``<!--`` stays text.
    Text without ``<!--`` is returned as it is (the usual case: one substring test);
    otherwise linear in the text.
    """
    if "<!--" not in text:
        return text
    masked = text
    if "`" in text:  # a comment mark inside a code span is code: hide the spans from the search
        parts, pos = [], 0
        for start, _, _, end in code_spans(text):
            parts += [text[pos:start], " " * (end - start)]
            pos = end
        masked = "".join([*parts, text[pos:]])
    kept: list[str] = []
    pos = 0
    at = masked.find("<!--")
    while at >= 0:
        close = masked.find("-->", at + 4)
        if close < 0:
            break
        inner = masked.rfind("<!--", at + 1, close + 3)
        if inner >= 0:  # "<!-- a <!-- b -->": the comment is the second; "<!-- a " stays text
            at = inner
            if inner + 4 > close:
                continue  # "<!-- <!-->": that close is the inner opener's own dashes
        kept.append(text[pos:at])
        pos = close + 3
        at = masked.find("<!--", pos)
    if not kept:
        return text
    kept.append(text[pos:])
    out = kept[0]
    for part in kept[1:]:
        # "Ann <!-- x --> Bo": the blanks on both sides show as one
        out = out.rstrip() + " " + part.lstrip() if out[-1:].isspace() or part[:1].isspace() else out + part
    return out.strip()


def plain_value(text: str) -> str:
    """``text`` without its inline markup: `` `invoice-export` `` -> ``invoice-export``,
    ``[Marta](mailto:m@x.org)`` -> ``Marta``, ``<mailto:m@x.org>`` -> ``m@x.org``,
    ``<a href="mailto:m@x.org">Marta</a>`` -> ``Marta``,
    ``**Marta**`` -> ``Marta``, ``<b>1.2</b>`` -> ``1.2``.  Text without markup is returned as it is."""
    if not _MARKUP.intersection(text):
        return text
    return "".join(piece[1] for piece in inline_pieces(text)).strip()


def inline_pieces(text: str) -> list[InlinePiece]:
    """``text`` split into plain text, code spans and links, emphasis marks dropped.

    Code spans are read first (nothing inside them is markup), then links and
    autolinks, then ``**strong**``/``*emphasis*`` in what is left.  As in Python-Markdown,
    a code span may be a link's text: ``[`2.1`](#log)`` is a link reading ``2.1``.
    """
    if not any(mark in text for mark in _MARKUP_FIRST):
        return [("text", text, "")] if text else []  # plain words (most values): nothing to read
    out: list[InlinePiece] = []
    spans = code_spans(text) if "`" in text else []
    if not spans:
        _links(without_struck(text), out)  # "~~2026-02-01~~ 2026-03-14": the old value is struck out
        return out
    if _HOLD in text or _RELEASE in text:  # no room for placeholders: each part on its own
        pos = 0
        for start, code_start, code_end, end in spans:
            _links(text[pos:start], out)
            out.append(_code(text[code_start:code_end]))
            pos = end
        _links(text[pos:], out)
        return out
    # Each code span held as a placeholder while links and emphasis are read round it.
    held: list[tuple[str, str]] = []  # (code, as written with its backticks)
    parts: list[str] = []
    pos = 0
    for start, code_start, code_end, end in spans:
        parts += [text[pos:start], f"{_HOLD}{len(held)}{_RELEASE}"]
        held.append((text[code_start:code_end], text[start:end]))
        pos = end
    parts.append(text[pos:])
    _links(without_struck("".join(parts)), out)
    return [piece for found in out for piece in _released(found, held)]


_HOLD, _RELEASE = "\x02", "\x03"  # Python-Markdown's own placeholder marks: no text holds them
_HELD = re.compile("\x02([0-9]+)\x03")


def _code(code: str) -> InlinePiece:
    return ("code", code.strip() or code, "")


def _released(piece: InlinePiece, held: list[tuple[str, str]]) -> list[InlinePiece]:
    """``piece`` with its held code spans back: a text piece splits round them; a link's text
    reads the code as text (``[`2.1`](#log)`` shows ``2.1``); a URL gets them as written."""
    kind, shown, url = piece
    if kind == "link":
        code_text = _HELD.sub(lambda m: _code(held[int(m.group(1))][0])[1], shown)
        return [("link", code_text, _HELD.sub(lambda m: held[int(m.group(1))][1], url))]
    out: list[InlinePiece] = []
    pos = 0
    for m in _HELD.finditer(shown):
        if m.start() > pos:
            out.append(("text", shown[pos : m.start()], ""))
        out.append(_code(held[int(m.group(1))][0]))
        pos = m.end()
    if pos < len(shown):
        out.append(("text", shown[pos:], ""))
    return out


def code_spans(text: str) -> list[tuple[int, int, int, int]]:
    """The code spans of ``text`` as Python-Markdown reads them: ``(start, code_start,
    code_end, end)`` offsets, left to right.

    An opening run of 1-10 backticks (any part of a longer run, its longest part first)
    is closed by the next run of exactly as many, 1-300 characters later on the same
    line.  Found by one pass over the backtick runs, not by a regex: ``(`+)(.+?)\\1``
    retries every split of a long run of backticks (a 16,000-character value took
    7 s CPU).
    """
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    # following[i][k]: the first run after run i that is exactly k backticks long, or -1.
    following: list[list[int]] = [[]] * len(runs)
    ahead = [-1] * (_MAX_TICKS + 1)
    for i in range(len(runs) - 1, -1, -1):
        following[i] = ahead.copy()
        length = runs[i][1] - runs[i][0]
        if length <= _MAX_TICKS:
            ahead[length] = i
    spans: list[tuple[int, int, int, int]] = []
    done = 0
    for i, (start, end) in enumerate(runs):
        if start < done:
            continue  # the closing run of the span before
        line_end = text.find("\n", end)
        span = _opened_at(runs, following[i], start, end, -1 if line_end < 0 else line_end)
        if span is not None:
            spans.append(span)
            done = span[3]
    return spans


def _opened_at(
    runs: list[tuple[int, int]], following: list[int], start: int, end: int, line_end: int
) -> tuple[int, int, int, int] | None:
    """The span opened in the run ``[start, end)``: from its first position, longest opener first."""
    for at in range(start, end):
        for ticks in range(min(_MAX_TICKS, end - at), 0, -1):
            j = following[ticks]
            if j < 0:
                continue
            code_start, code_end = at + ticks, runs[j][0]
            if code_end - code_start <= _MAX_CODE and (line_end < 0 or code_end < line_end):
                return at, code_start, code_end, runs[j][1]
    return None


def _links(text: str, out: list[InlinePiece]) -> None:
    pos = 0
    # The next match of each pattern, searched again only once passed (linear).
    nexts = {pattern: pattern.search(text) for pattern in (_LINK, _REF_LINK, _AUTOLINK, _HTML_LINK)}
    while True:
        for pattern, found in nexts.items():
            if found is not None and found.start() < pos:
                nexts[pattern] = pattern.search(text, pos)
        m = min((x for x in nexts.values() if x is not None), key=lambda x: x.start(), default=None)
        if m is None:
            break
        before = text[pos : m.start()]
        wrap = _wrapping_mark(before, text, m.end())  # "**[1.2](#log)**": the marks are emphasis
        _text(before[: len(before) - len(wrap)], out, followed=True)
        if m.re is _HTML_LINK:
            url = html.unescape(next(g for g in m.groups()[:3] if g is not None))
            shown = html.unescape(without_tags(m.group(4))).strip()  # "<a href=…><code>1.2</code></a>"
            out.append(("link", _unemphasised(shown), url.strip()))
        elif m.re is _AUTOLINK:
            url = m.group(1)
            if "@" in url and ":" not in url:
                url = "mailto:" + url  # <ana@example.com>
            shown = url[len("mailto:") :] if url.lower().startswith("mailto:") else url
            out.append(("link", shown, url))
        elif m.re is _REF_LINK:
            _text(m.group(1), out)  # its target is defined elsewhere on the page
        elif m.group(0).startswith("!"):
            _text(m.group(1), out)  # an image: its alt text
        else:
            url = m.group(2) if m.group(2) is not None else m.group(3)
            out.append(("link", _unemphasised(m.group(1)), url))
        pos = m.end() + len(wrap)
    _text(text[pos:], out)


def _wrapping_mark(before: str, text: str, end: int) -> str:
    """The emphasis mark that ``before`` ends with and ``text`` repeats at ``end`` (round a
    link: ``**[1.2](#log)**``, ``_[Ann](mailto:a@x.org)_``); '' when there is none."""
    for mark in ("**", "__", "*", "_"):
        if before.endswith(mark) and text.startswith(mark, end):
            opening = before[: len(before) - len(mark)]
            closing = text[end + len(mark) : end + len(mark) + 1]
            if opening[-1:] not in ("*", "_") and closing not in ("*", "_"):
                return mark
    return ""


_LAST_BREAK = re.compile(rf"(?:{LINE_BREAK.pattern})\s*$", re.IGNORECASE)


def _text(text: str, out: list[InlinePiece], followed: bool = False) -> None:
    """Append ``text`` as the page shows it; ``followed``: a link comes next.  A line break
    between it and the piece before or the link after separates them as ``, `` does
    (``[Dana Kim](…)<br>[Lee Park](…)`` is two people, not "Dana KimLee Park")."""
    broken = "<" in text
    after = broken and bool(out) and LINE_BREAK.match(text.lstrip()) is not None
    before = broken and followed and _LAST_BREAK.search(text) is not None
    text = without_tags(text)  # "<b>1.2</b>", "Ana<br>Bo": the words the page shows
    if after and (text or followed):
        text = ", " + text
    if before and (text or out) and not text.endswith(", "):
        text += ", "
    if text:
        out.append(("text", _unemphasised(text), ""))


def _unemphasised(text: str) -> str:
    if "*" not in text and "_" not in text:
        return text
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
