"""MoSCoW priorities as PRDs write them.

A priority is one of the four MoSCoW levels.  Authors write it as the short word
(``Must``), as MoSCoW's own long form (``Must have``, ``should-have``, ``Won't have``),
in any case and emphasis (``**MUST**``); :func:`moscow` reads all of them as the level.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    ``Must / Should / Could``, ``Urgent`` and ``P1`` are not.
    """
    s = text.strip(_MARKS).rstrip(".").strip(_MARKS)
    m = _LEVEL.fullmatch(s)
    if m is None:
        return None
    word = m.group(1).casefold().replace("’", "'")
    return _LEVEL_WORDS.get(word)
