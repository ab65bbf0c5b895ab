"""MoSCoW priorities as PRDs write them.

A priority is one of the four MoSCoW levels.  Authors write it as the short word
(``Must``), as MoSCoW's own long form (``Must have``, ``should-have``, ``Won't have``),
in any case and emphasis (``**MUST**``); :func:`moscow` reads all of them as the level.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs_prd.core.decoration import without_link, without_struck, without_symbols, without_tags

LEVELS: tuple[str, ...] = ("Must", "Should", "Could", "Won't")
"""The MoSCoW levels, as the model spells them."""

_LEVEL_WORDS: dict[str, str] = {
    "must": "Must",
    "should": "Should",
    "could": "Could",
    "won't": "Won't",
    "wont": "Won't",
    "will not": "Won't",
}
_MARKS = "*_` \t"
# "Must", "must-have", "Won’t have", "WILL NOT HAVE": the level word and MoSCoW's "have".
_LEVEL = re.compile(r"(must|should|could|won['’]?t|will not)(?:[ \t-]*have)?", re.IGNORECASE)


@lru_cache(maxsize=1024)
def moscow(text: str) -> str | None:
    """The MoSCoW level ``text`` names (``Must``, ``Should``, ``Could`` or ``Won't``), else None.

    Case, emphasis, backticks, a trailing full stop and MoSCoW's "have" are ignored:
    ``**MUST**``, ``Must have``, ``should-have``, ``Won’t have`` are levels;
    a remark after the level (``Should — nice for v1``, ``Must (launch blocker)``) and a
    numbered priority that names its level (``P0 (Must)``, ``P1 - Should``) are read as
    the level; ``Must / Should / Could``, ``Urgent`` and a bare ``P1`` are not (teams
    number from P0 or from P1, so the number alone does not say the level).
    """
    s = text.strip(_MARKS).rstrip(".").strip(_MARKS)
    m = _LEVEL.fullmatch(s) or _with_remark(s)
    if m is None:
        return None
    word = m.group(1).casefold().replace("’", "'")
    return _LEVEL_WORDS.get(word)


_LETTERS: dict[str, str] = {"M": "Must", "S": "Should", "C": "Could", "W": "Won't"}
_NICE = re.compile(r"nice[ \t-]*to[ \t-]*have(?:$|[ \t]*[(\[—–:;,-])", re.IGNORECASE)
# The levels as German, Spanish, French and Portuguese PRDs write them in a priority field.
_TRANSLATED: dict[str, str] = {
    "muss": "Must",
    "soll": "Should",
    "sollte": "Should",
    "kann": "Could",
    "könnte": "Could",
    "debe": "Must",
    "debería": "Should",
    "podría": "Could",
    "doit": "Must",
    "devrait": "Should",
    "pourrait": "Could",
    "deve": "Must",
    "deveria": "Should",
    "poderia": "Could",
}


def priority_level(value: str) -> str | None:
    """The MoSCoW level of a value that is a priority (a ``Priority:`` attribute, a Priority or
    MoSCoW column): :func:`moscow`, and MoSCoW's own letters, ``M``, ``S``, ``C``, ``W`` (in
    capitals, alone), which only a priority field gives that meaning, and the levels in German,
    Spanish, French and Portuguese (``Muss``, ``Debería``, ``Pourrait``), and ``Nice to have`` as
    Could.  Emoji, symbols, inline HTML and a link round the level are not part of it (``🔴 Must``,
    ``Must ✅``, ``<b>Must</b>``, ``[Must](#moscow)``)."""
    level = moscow(value)
    if level is None:
        # Decoration round the level: "🔴 Must", "Must ✅", ":red_circle: Must", "<b>Must</b>".
        value = without_symbols(without_link(without_tags(without_struck(value)).strip(_MARKS)).strip(_MARKS))
        bare = value.strip(_MARKS).rstrip(".").strip(_MARKS)
        level = moscow(value) or _LETTERS.get(bare) or _TRANSLATED.get(bare.casefold())
        if level is None and _NICE.match(bare) is not None:
            level = "Could"  # "Nice to have", "nice-to-have (v2)": MoSCoW's Could
    return level


_WORDS = r"(must|should|could|won['’]?t|will not)"
# A level with a remark after it ("Should — nice for v1", "Must (launch blocker)"), or
# after a numbered priority ("P0 (Must)", "P1 - Should"): the level is the MoSCoW word.
_LOOSE = re.compile(
    r"(?:p[0-9][ \t]*(?:[—–:/-][ \t]*)?[(\[]?[ \t]*[*_`]*)?" + _WORDS + r"(?:[ \t-]*have)?[*_`]*[)\]]?(.*)",
    re.IGNORECASE,
)
_REMARK_START = re.compile(r"[ \t]*[(\[—–:;,.]|[ \t]+--?[ \t]")
_ANY_LEVEL = re.compile(r"(?<![\w'’])" + _WORDS + r"(?![\w'’])", re.IGNORECASE)


def _with_remark(s: str) -> re.Match[str] | None:
    """``s`` as a level followed by a remark, or a numbered priority with its level; a
    remark naming another level (``Must, Should or Could``: the choice left unmade) is none."""
    m = _LOOSE.match(s)
    if m is None:
        return None
    rest = m.group(2)
    numbered = m.start(1) > 0
    if rest and _REMARK_START.match(rest) is None:
        return None  # "Could be nice": a sentence, not a level
    if not rest and not numbered:
        return None
    if _ANY_LEVEL.search(rest) is not None:
        return None
    return m
