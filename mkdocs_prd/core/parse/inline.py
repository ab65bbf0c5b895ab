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

from mkdocs_prd.core.decoration import without_tags
from mkdocs_prd.core.model import Field, MetaSource

__all__ = ["InlinePiece", "code_spans", "inline_pieces", "meta_field", "plain_value"]

InlinePiece: TypeAlias = tuple[Literal["text", "code", "link"], str, str]
"""``(kind, text, url)``: ``url`` is the link target for ``link`` pieces, else ''."""

_MARKUP = frozenset("`[<*_")
_MARKUP_FIRST = "`[<*_"
"""A code span, link, autolink, HTML tag or emphasis needs one of these characters."""
_RUN = re.compile(r"`+")
_MAX_TICKS = 10  # the longest backtick run that opens a code span
_MAX_CODE = 300  # the longest code span's text
# [text](url), [text](<url> "title"), ![alt](src): the text (alt) is what it says.
_LINK = re.compile(
    r"!?\[([^\[\]\n]{0,300})\]\(\s*<?([^()\s<>]{0,2000})>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
# [text][ref] and [text][] (reference links): the text is what the value says.
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,300}\]")
_AUTOLINK = re.compile(
    r"<((?:https?|mailto):[^<>\s]{1,2000}|[^<>\s@:/]{1,200}@[^<>\s@]{1,200})>", re.IGNORECASE
)
# <a href="url">text</a>, as a plugin writes a value (git-authors' {{ git_page_authors }})
# or an author does: the same as a Markdown link.  Bounded, and [^<>] stops at the next tag.
_HTML_LINK = re.compile(
    r"<a\s[^<>]{0,2000}?\bhref\s*=\s*(?:\"([^\"<>]{0,2000})\"|'([^'<>]{0,2000})'|([^\s\"'<>]{1,2000}))"
    r"[^<>]{0,2000}>([^<>]{0,300})</a\s*>",
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
    value: :func:`~mkdocs_prd.core.model.status_word` reads its word (``**Approved**``)."""
    value = written if key == "status" else plain_value(written)
    return Field(key, label, value, line, source, written if value != written else "")


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
    autolinks, then ``**strong**``/``*emphasis*`` in what is left.
    """
    if not any(mark in text for mark in _MARKUP_FIRST):
        return [("text", text, "")] if text else []  # plain words (most values): nothing to read
    out: list[InlinePiece] = []
    pos = 0
    for start, code_start, code_end, end in code_spans(text):
        _links(text[pos:start], out)
        code = text[code_start:code_end]
        out.append(("code", code.strip() or code, ""))
        pos = end
    _links(text[pos:], out)
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
        _text(text[pos : m.start()], out)
        if m.re is _HTML_LINK:
            url = html.unescape(next(g for g in m.groups()[:3] if g is not None))
            out.append(("link", _unemphasised(html.unescape(m.group(4)).strip()), url.strip()))
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
            out.append(("link", _unemphasised(m.group(1)), m.group(2)))
        pos = m.end()
    _text(text[pos:], out)


def _text(text: str, out: list[InlinePiece]) -> None:
    text = without_tags(text)  # "<b>1.2</b>", "Ana<br>Bo": the words the page shows
    if text:
        out.append(("text", _unemphasised(text), ""))


def _unemphasised(text: str) -> str:
    if "*" not in text and "_" not in text:
        return text
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
