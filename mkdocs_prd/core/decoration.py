"""What surrounds a value's words on the page but is not part of them.

Exports and hand-styled PRDs decorate values: inline HTML (``<b>Approved</b>``,
Confluence's ``<span class="status-macro">APPROVED</span>``, ``1.2<br>``), emoji and
symbols (``🔴 Must``, ``Must ✅``, ``:red_circle: Must``), a struck-out old value
(``~~2026-02-01~~ 2026-03-14``).  The page renders the words; the status, priority, version
or date is the words.  These helpers return them.

Pure and linear: one anchored pattern without nested quantifiers, and a scan of the
ends of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "leading_link_end",
    "machine_value",
    "without_emoji",
    "without_link",
    "without_struck",
    "without_symbols",
    "without_tags",
]

# Inline HTML elements an author or an export puts round a value's words; a block element
# (<p>, <div>) or a link (<a>) is not decoration, and "<TBD>" or "<name>" is no HTML.
_INLINE = (
    "abbr|b|big|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|nobr|q|s|samp|small|span|"
    "strike|strong|sub|sup|time|tt|u|var|wbr"
)
_TAG = re.compile(rf"</?(?:{_INLINE})(?:[ \t][^<>\n]{{0,500}})?/?>", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
"""An HTML line break, ``<br>``, ``<br/>``, ``<BR />``: between people it separates them."""


def without_tags(text: str) -> str:
    """``text`` without inline HTML tags, keeping what they hold: ``<b>Approved</b>`` ->
    ``Approved``, ``<span class="x">1.2</span>`` -> ``1.2``; a line break between words
    (``Ana Costa<br>Bo Chen``) is a list separator, ``, ``.  Other text is returned as it is."""
    if "<" not in text:
        return text
    text = LINE_BREAK.sub("\0", text)
    text = _TAG.sub("", text)
    if "\0" in text:
        text = ", ".join(part.strip() for part in text.split("\0") if part.strip())
    return text


# <time datetime="2026-03-14">14 Mar 2026</time> round a whole value (Confluence, hand-written HTML).
_TIME = re.compile(
    r"<time[ \t][^<>\n]{0,500}?\bdatetime[ \t]*=[ \t]*"
    r"(?:\"([^\"<>\n]{1,100})\"|'([^'<>\n]{1,100})'|([^\s\"'<>]{1,100}))"
    r"[^<>\n]{0,500}>[^<>\n]{0,300}</time[ \t]*>",
    re.IGNORECASE,
)


def machine_value(text: str) -> str | None:
    """The machine-readable value of a ``<time datetime="…">`` element that is the whole of
    ``text``: ``<time datetime="2026-03-14">14 Mar 2026</time>`` -> ``2026-03-14`` (the page
    shows the words, the element states the date); None for any other text."""
    if "<time" not in text[:6].lower():
        return None
    m = _TIME.fullmatch(text.strip())
    if m is None:
        return None
    return next(g for g in m.groups() if g is not None).strip() or None


# <del>, <s> or <strike> with its text, on one line: struck-out words.
_STRUCK_TAG = re.compile(r"<(del|s|strike)(?:[ \t][^<>\n]{0,500})?>[^<>\n]{0,300}</\1[ \t]*>", re.IGNORECASE)


def without_struck(text: str) -> str:
    """``text`` without its struck-out words, when others are left: ``~~2026-02-01~~
    2026-03-14`` -> ``2026-03-14``, ``<del>Approved</del> Implemented`` -> ``Implemented``,
    ``~~Ana~~ Bo`` -> ``Bo``.  The old value an author strikes through is not the value.
    Text struck out whole (``~~Ana~~``), unbalanced ``~~`` or none at all is returned as it is."""
    if "~~" not in text and "<" not in text:
        return text
    s = _STRUCK_TAG.sub("~~~~", text) if "<" in text else text  # an empty struck span
    if "~~" not in s:
        return text
    parts = s.split("~~")
    if len(parts) % 2 == 0:
        return text  # unbalanced: no strike-through
    kept = parts[0::2]
    # An arrow or dash between the old value and the new one ("~~Review~~ → Approved") goes with it.
    kept = [p.lstrip(_JUNCTION) if i else p for i, p in enumerate(kept)]
    kept = [p.rstrip(_JUNCTION) if i < len(kept) - 1 else p for i, p in enumerate(kept)]
    joined = " ".join(p.strip() for p in kept if p.strip())
    return joined if any(c.isalnum() for c in joined) else text


_JUNCTION = " \t→⇒➔➜⟶->=–—"


ANGLED_URL = r"<([^<>\n]{0,2000})>"
"""A link's destination in angle brackets, as Python-Markdown reads it: spaces and
parentheses allowed (``[Priya](<https://wiki/Priya (PM)>)``); group 1 is the URL."""
BARE_URL = r"((?:[^()\s<>]|\([^()\s<>]{0,500}\)){0,2000})"
"""A link's destination without brackets: no blanks, parentheses only in balanced pairs
(``https://wiki/Sign-off_(2026)``); group 1 is the URL.  Bounded, one way to match each
character (linear)."""
LINK_TITLE = r"(?:\s+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?"
"""A link's optional title after its destination: ``"…"``, ``'…'`` or ``(…)``."""

# A link round a whole value: [Approved](#), [Approved](<url> "title"), [Approved][ref],
# [Approved][] (reference links), <a href="…">Approved</a>.  Anchored and bounded.
_WHOLE_LINK = re.compile(
    r"\[([^\[\]\n]{1,300})\]"
    rf"(?:\(\s*(?:{ANGLED_URL}|{BARE_URL}){LINK_TITLE}\s*\)"
    r"|\[[^\[\]\n]{0,300}\])"
    r"|<a[ \t][^<>\n]{0,2000}>([^<>\n]{1,300})</a[ \t]*>",
    re.IGNORECASE,
)


def without_link(s: str) -> str:
    """The text of a link that wraps the whole of ``s``: ``[Approved](#)``,
    ``[Approved](#s "Signed off")``, ``[Approved][s]``, ``[Jane](mailto:jane@example.com)``,
    ``<a href="#">Approved</a>`` -> its text.  The page shows the text (as a link); the value
    is the text.  Anything else (``[Approved]`` alone, a template placeholder) is returned as it is."""
    if "[" not in s and "<" not in s:
        return s
    m = _WHOLE_LINK.fullmatch(s.strip())
    if m is None:
        return s
    return (m.group(1) if m.group(1) is not None else m.group(4)).strip() or s


def leading_link_end(s: str) -> int:
    """Where a link that opens ``s`` ends (``[Approved](#) (since May)`` -> 13); 0 when none does."""
    if not s.startswith(("[", "<")):
        return 0
    m = _WHOLE_LINK.match(s)
    return m.end() if m is not None else 0


def without_symbols(s: str) -> str:
    """``s`` without emoji, symbols and ``:shortcode:`` before or after its words:
    ``✅ Approved`` -> ``Approved``, ``Must 🔥`` -> ``Must``, ``:red_circle: Must`` -> ``Must``.
    A text of symbols only is returned as it is."""
    return _trimmed(s, _is_symbol)


def without_emoji(s: str) -> str:
    """``s`` without emoji and ``:shortcode:`` before or after its words, its punctuation
    kept: ``:bust_in_silhouette: Priya Raman`` -> ``Priya Raman``, ``Payments Inc. 🚀`` ->
    ``Payments Inc.``.  A text of emoji only, or with none at its ends, is returned as it is."""
    if not s or (":" not in s and s[0] < "\x80" and s[-1] < "\x80"):
        return s  # most values: no shortcode and plain characters at both ends
    return _trimmed(s, _is_emoji)


def emoji_lead(s: str) -> int:
    """How many characters of ``s`` the emoji before its first word take, with the blanks after
    them (``🚀 PRD: X`` -> 2); 0 when it starts with a word or holds emoji only."""
    if not s or s[0] < "\x80":
        return 0
    at = 0
    while at < len(s) and _is_emoji(s[at]):
        at += 1
    return at if at < len(s) and s[:at].strip() else 0


def _trimmed(s: str, symbol: Callable[[str], bool]) -> str:
    if s.startswith(":") and s.count(":") >= 2:
        code, _, rest = s[1:].partition(":")
        if code and all(c.isalnum() or c in "_+-" for c in code) and rest.strip():
            s = rest.strip()
    if s.endswith(":") and s.count(":") >= 2:
        rest, _, code = s[:-1].rpartition(":")
        if code and all(c.isalnum() or c in "_+-" for c in code) and rest.strip():
            s = rest.strip()
    start, end = 0, len(s)
    while start < end and symbol(s[start]):
        start += 1
    while end > start and symbol(s[end - 1]):
        end -= 1
    return s[start:end].strip() if start < end else s


def _is_symbol(c: str) -> bool:
    if c.isspace():
        return True
    if c.isalnum():
        return False
    if c < "\x80":
        return c in "!."  # other ASCII punctuation is text ("(draft)", "[WIP]")
    return unicodedata.category(c) in ("So", "Sk", "Sm", "Cf", "Mn", "Me", "Co", "Po")


def _is_emoji(c: str) -> bool:
    """An emoji or a part of one (skin tone, joiner, variation selector, keycap), or a blank."""
    if c.isspace():
        return True
    return c >= "\x80" and unicodedata.category(c) in ("So", "Sk", "Cf", "Mn", "Me")
