"""Lines as the page renders them: the characters exports write instead of plain text.

PRDs exported from Google Docs, Confluence, Notion or Word, or pasted from them, hold
characters that render like ordinary text but are not: no-break spaces (U+00A0, also
written ``&nbsp;``) where a space is, zero-width spaces and joiners, a soft hyphen or a
stray byte order mark inside a word, character references (``&amp;``, ``&ge;``,
``&#8209;``) and backslash escapes (``FR\\-1``, ``## 1\\. Problem``,
``2026\\-02\\-03``), and Markdown an export took for text: a bold title's escaped marks
(``\\*\\*FR-1: Export\\*\\*``, which shows as ``**FR-1: Export**``) and an escaped task box
(``- \\[x\\] done``, which shows as ``[x] done``).  Read as written, ``FR\\-1`` is no
requirement id, ``1.\\u00a0Problem`` no numbered section and ``- Priority:\\u00a0Must`` no priority.

:func:`rendered_lines` gives the parser a copy of the lines with those characters as
the page shows them; the author's lines (what rules quote, fixes edit and the page
renders) are never changed.  Only what cannot change the page's block structure is
turned: an escape at the start of a line (``\\# not a heading``, ``1\\. not a list``)
and a reference to a Markdown mark (``&#124;`` in a table cell, ``&lt;``, ``&#42;``)
keep their meaning by staying as written.

Linear: a page without any such character costs a few substring searches; otherwise
each line holding one is rewritten by one anchored, non-backtracking pattern.
"""

from __future__ import annotations

import re
from html.entities import html5

__all__ = ["rendered_lines"]

# Spaces that render as a space, and characters that render as nothing.
_SPACES = "\u00a0\u2007\u202f"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TRANSLATE = {ord(c): " " for c in _SPACES} | {ord(c): None for c in _INVISIBLE}
_ODD_CHARS = _SPACES + _INVISIBLE

# Escaped punctuation that is plain text to the parser wherever it stands past the block
# marker; a "\\\\" pair is an escaped backslash (kept, and it protects what follows).
# Marks that make inline markup (* ` [ ] | ~ and a leading _) stay escaped.
_ESCAPE = re.compile(r"\\\\|\\([-.+!()<>:%/&'\",;?@^{}=$#])|(?<=[^\W_])\\(_)(?=[^\W_])")
_REFERENCE = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")
# What a reference may not become: Markdown and HTML marks, line ends and controls.
_KEPT = frozenset("<>|`*_[]#\\~\n\r\t\x00")
# A block marker that an escape keeps from being one: "\\# x", "\\- x", "1\\. x", "\\> x".
_ESCAPED_MARKER = re.compile(r"[ \t]*(?:[0-9]{1,9}\\[.)]|\\.)")
# What an export writes for Markdown it took as text: a bold title's marks ("\\*\\*FR-1: Export\\*\\*",
# shown as "**FR-1: Export**") and a task box ("- \\[x\\] done", shown as "[x] done").
_ESCAPED_BOLD = "\\*\\*"
_ESCAPED_BOX = re.compile(r"([ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)\\\[([ xX])\\\]")


def rendered_lines(text: str, lines: list[str], first: int) -> list[str]:
    """``lines`` (of ``text``) from 1-based line ``first`` on with each export character as the
    page renders it: no-break spaces as spaces, zero-width characters and soft hyphens
    dropped, character references (``&nbsp;``, ``&amp;``, ``&#45;``) and backslash
    escapes (``\\-``, ``\\.``) as their character.

    ``lines`` itself is returned when the text has none of them (the common case); the
    lines before ``first`` (front matter) are never changed.  Never raises.
    """
    odd = not text.isascii() and any(c in text for c in _ODD_CHARS)
    escapes = "\\" in text and (
        _ESCAPE.search(text) is not None or _ESCAPED_BOLD in text or _ESCAPED_BOX.search(text) is not None
    )
    references = _has_reference(text)
    if not (odd or escapes or references):
        return lines
    out = lines[: first - 1]
    for line in lines[first - 1 :]:
        if odd and not line.isascii():
            line = line.translate(_TRANSLATE)
        if references and "&" in line:
            line = _REFERENCE.sub(_character, line)
        if escapes and "\\" in line:
            line = _unescaped(line)
        out.append(line)
    return out


def _has_reference(text: str) -> bool:
    # Most pages hold a bare "&" ("Risks & Mitigations"): look only where a name or "#" follows.
    at = text.find("&")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if (after == "#" or after.isalpha()) and _REFERENCE.match(text, at):
            return True
        at = text.find("&", at + 1)
    return False


def _character(m: re.Match[str]) -> str:
    decimal, hexadecimal, name = m.groups()
    if name is not None:
        char = html5.get(name + ";", "")
    else:
        code = int(decimal) if decimal is not None else int(hexadecimal, 16)
        char = chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    if len(char) != 1 or char in _KEPT or char < " ":
        return m.group(0)
    if char in _SPACES:
        return " "
    return "" if char in _INVISIBLE else char


def _unescaped(line: str) -> str:
    marker = _ESCAPED_MARKER.match(line)
    head = marker.end() if marker is not None else 0  # the escape that guards a block marker
    end = len(line) - 2 if line.endswith("\\#") else len(line)  # "## C \\#": a closing mark kept as text
    body = _ESCAPE.sub(lambda m: m.group(1) or m.group(2) or m.group(0), line[head:end])
    line = line[:head] + body + line[end:]
    if _ESCAPED_BOLD in line and line.count(_ESCAPED_BOLD) % 2 == 0:
        line = line.replace(_ESCAPED_BOLD, "**")  # the marks a reader sees round a title
    if "\\[" in line:
        line = _ESCAPED_BOX.sub(r"\1[\2]", line, count=1)
    return line
