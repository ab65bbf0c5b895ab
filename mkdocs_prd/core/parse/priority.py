"""MoSCoW priorities as PRDs write them, and priorities and ids written inline in a requirement.

How a priority's text names a MoSCoW level is :func:`mkdocs_prd.core.moscow.moscow`.

A requirement written on one line carries its priority inline, in any of these forms
(:func:`inline_priority`)::

    - FR-1: Saved searches (Could)
    - **FR-2: Saved filters** (Could)
    - FR-4: Share (Must) — with a link
    1. **Export** (FR-1, Must): exports a CSV
    - FR-5: Double-sided reward — Priority: Must — Acceptance: both credited.
    1. **FR-6: Policy per dataset** — Must. Acceptance: a policy for every dataset.

and may name its id in parentheses after its title (:func:`inline_id`).
"""

from __future__ import annotations

import re

from mkdocs_prd.core.moscow import moscow
from mkdocs_prd.core.parse.blocks import REQ_FAMILY, canonical_id

_MARKS = "*_` \t"
# An id and/or a level in brackets: "(Must)", "[Should]", "(FR-1, Must)", "(Must have)".
_GROUP = re.compile(r"[(\[]([^()\[\]\n]{1,40})[)\]]")
_GROUP_ID = re.compile(
    r"(N?FR(?:[-\u2010-\u2013]|[ ]?)[0-9][0-9A-Za-z.]*(?![0-9A-Za-z-])|" + REQ_FAMILY + ")", re.IGNORECASE
)
# "Priority: Must", "**Priority:** Must", "Priority - Must" inside a one-line requirement.
_PRIORITY_LABEL = re.compile(
    r"(?:\*\*|__)?priority(?:\*\*|__)?[ \t]*[:=–—-][ \t]*(?:\*\*|__)?[ \t]*"
    r"(must|should|could|won['’]?t|will not)(?:[ \t-]*have)?(?![A-Za-z])(?:\*\*|__)?",
    re.IGNORECASE,
)


# A coloured circle before a level, as teams mark priorities: "🔴 Must", "🟡 Should".
_DOT = "[\U0001f534\U0001f535\U0001f7e0-\U0001f7e3\u26aa\u26ab]\ufe0f?[ \t]*"
_DOT_AT_START = re.compile("^" + _DOT)
# A level closing the item after a separator: "… — Must", "…, Should have", "… | *Could*",
# "… · Should", "… 🟡 Should".
# After it only tags may follow ("… — Must #mvp `@web` [UX]"), or a remark set off by a dash or a
# bar ("… — Must — JIRA: SF-12"): the level is still the one that closes the requirement.
_TAG = r"(?:#[\w-]+|@[\w-]+|`[^`\n]{0,60}`|\[[^\]\n]{0,40}\]|\([^)\n]{0,40}\)|\U0001f3f7\ufe0f?[ \t]*[\w-]+)"
_TRAILING = re.compile(
    rf"(?:[ \t]*[—–|,·]|[ \t]+-|[ \t]+(?={_DOT}))[ \t]*(?:{_DOT})?[*_]{{0,2}}"
    r"((?:must|should|could|won['’]?t|will not)(?:[ \t-]*have)?)[*_]{0,2}"
    rf"(?=(?:[ \t]+{_TAG})*[ \t.]*$|[ \t]*[—–|][ \t])",
    re.IGNORECASE,
)


def inline_priority(text: str) -> tuple[str, int, int] | None:
    """The priority written inside a one-line requirement: ``(level as written, start, end)``.

    ``start``/``end`` span the marker in ``text`` (``(Must)``, ``(FR-1, Must)``,
    ``(Priority: Should)``, ``Priority: Must``, a closing ``— Must``) so a caller can
    cut it out of the name.  The first marker wins; None when ``text`` has none.
    Linear in ``len(text)``.
    """
    found: tuple[str, int, int] | None = None
    for m in _GROUP.finditer(text):
        parts = (_DOT_AT_START.sub("", part.strip()) for part in re.split(r"[,;/|:=]", m.group(1)))
        levels = [part for part in parts if moscow(part) is not None]
        if len(levels) > 1:
            # "(Must / Should / Could)": the template's choice, left unmade (a placeholder).
            found = m.group(1).strip(_MARKS), m.start(), m.end()
        elif levels:
            found = levels[0].strip(_MARKS), m.start(), m.end()
        if found is not None:
            break
    label = _PRIORITY_LABEL.search(text, 0, found[1] if found is not None else len(text))
    if label is not None:
        return label.group(1), label.start(), label.end()
    if found is None and (trailing := _TRAILING.search(text)) is not None:
        return trailing.group(1), trailing.start(), trailing.end()
    if found is None and (title_end := _bold_title_end(text)) > 0:
        # "**FR-1: Policy** — Must. Acceptance: …": a level set off right after the bold title.
        set_off = _SET_OFF.match(text, title_end)
        if set_off is None and _id_only(text, title_end) and (sep := _FIRST_SEP.search(text, title_end)):
            set_off = _SET_OFF.match(text, sep.start())  # "**FR-1:** Policy — Must. …": after the name
        if set_off is not None:
            return set_off.group(1), set_off.start(), set_off.end()
    return found


_SET_OFF = re.compile(
    r"[ \t]*(?:[—–|:]|-(?=[ \t]))[ \t]*[*_]{0,2}((?:must|should|could|won['’]?t|will not)(?:[ \t-]*have)?)"
    r"[*_]{0,2}(?=[ \t]*(?:[.,;:|—–-]|$))",
    re.IGNORECASE,
)


_FIRST_SEP = re.compile(r"[ \t](?:[—–|]|-(?=[ \t]))")


def _id_only(text: str, title_end: int) -> bool:
    """Whether the bold part ending at ``title_end`` is only an id (``**FR-1:**``, ``**[FR-1]**``),
    so the title goes on after it."""
    inner = text.lstrip(" \t")[2 : title_end - (len(text) - len(text.lstrip(" \t"))) - 2]
    return _GROUP_ID.fullmatch(inner.strip(" \t:[]")) is not None


def _bold_title_end(text: str) -> int:
    """Where the bold title a line opens with ends (after its closing marks), else 0."""
    s = text.lstrip(" \t")
    mark = s[:2]
    if mark not in ("**", "__"):
        return 0
    close = s.find(mark, 2)
    return len(text) - len(s) + close + 2 if close > 2 else 0


def leading_level(head: str) -> tuple[str, str] | None:
    """``(level as written, rest)`` when ``head`` opens with a bracketed level: ``[Must] FR-2: Export``."""
    m = _GROUP.match(head)
    if m is None or moscow(m.group(1)) is None:
        return None
    return m.group(1).strip(_MARKS), head[m.end() :].strip(_MARKS)


def inline_id(text: str) -> tuple[str, int, int] | None:
    """A requirement id in brackets in ``text``: ``(FR-1)``, ``[NFR-2]``, ``(FR-1, Must)``.

    Returns ``(id, start, end)`` of the bracketed group, or None.  Only a group that
    starts with the id counts: ``(see FR-1)`` refers to another requirement.
    """
    for m in _GROUP.finditer(text):
        inner = m.group(1).strip(_MARKS)
        found = _GROUP_ID.match(inner)
        if found is None:
            continue
        rest = inner[found.end() :].strip(_MARKS)
        if not rest or rest[0] in ",;/|":
            return canonical_id(found.group(1).rstrip(".")), m.start(), m.end()
    return None
