"""Titles that name a PRD in other words than ``PRD: X``, and the header that confirms one.

Teams title their PRDs ``# PRD - Automated Refunds``, ``# PRD — X``, ``# PRD：X``, ``# [PRD] X``,
``# X — PRD``, ``# X (PRD)`` or ``# Product Requirements: X``.  Such a title alone does not
make a page a PRD (``# Writing a PRD - a guide`` is none): a page is one when it also carries
the PRD header, a Status label and a Track ID or Owner label under its title (in any form the
header is read in: ``**Status:** Draft``, ``Status: Draft``, ``| **Status** | Draft |``,
``- **Owner:** Ana``, ``> **Status:** Draft``, several fields on one line, a horizontal
table's keys), or those keys in its front matter.  ``# PRD <Name>`` without a separator
asks for more, as handbook pages carry Owner and Status lines too (``# PRD Review Checklist``,
``# PRD Process``): a Track ID, or a Version line or the template's ``## 1. Problem`` under a
name whose head noun is not a handbook word (:data:`HANDBOOK_NOUNS`).  :func:`prd_name` reads
the name, :func:`has_prd_header` looks for the header.

Linear: anchored patterns without nested quantifiers, and a bounded look at the lines
under the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_prd.core.decoration import emoji_lead
from mkdocs_prd.core.model import FIELD_SYNONYMS
from mkdocs_prd.core.parse.header import HEADER_KEYS, header_key, read_line
from mkdocs_prd.core.parse.sections import split_number, title_key

__all__ = ["HANDBOOK_NOUNS", "has_prd_header", "kept_part", "prd_name", "titled_prd"]

_SEPARATOR = r"[ \t]*(?:[-–—:：|·]|\bfor\b)[ \t]*"
# "PRD - X", "PRD: X", "PRD：X", "PRD X", "[PRD] X", "(PRD) X", "Product Requirements (Document): X".
_BEFORE = re.compile(
    r"(?:(?P<bracketed>\[PRD\]|\(PRD\))|PRD(?=[ \t:：\-–—|·])"
    r"|product[ \t]+requirements?(?:[ \t]+(?:document|spec(?:ification)?))?)"
    rf"(?:(?P<separator>{_SEPARATOR})|[ \t]+)(?P<name>\S.*)",
    re.IGNORECASE,
)
# "X — PRD", "X - PRD", "X (PRD)", "X: PRD", "X | Product Requirements".
_AFTER = re.compile(
    rf"(?P<name>.*\S)(?:{_SEPARATOR}|[ \t]*\()(?:PRD|product[ \t]+requirements?(?:[ \t]+document)?)\)?",
    re.IGNORECASE,
)
_MARKS = "*_ \t"
# "PRD\\: X", "PRD \\- X", "\\[PRD\\] X": exporters escape the punctuation, which shows as written.
_ESCAPED = re.compile(r"\\([-:|\[\]()])")


def _unescaped(title: str) -> str:
    return _ESCAPED.sub(r"\1", title) if "\\" in title else title


def prd_name(title: str) -> str | None:
    """The PRD's name when a heading's ``title`` names a PRD in one of the forms above
    (``PRD - Refunds`` -> ``Refunds``, ``Refunds — PRD`` -> ``Refunds``), else None.
    ``PRD: X`` is one of them.

    Without a separator the PRD words are part of the name: ``PRD Tooling`` (a PRD about
    PRD tooling) is ``PRD Tooling``, and so is ``PRD Checkout Redesign`` (``PRD
    Checkout Redesign``): no reader can tell the two apart, and a name with a word too many
    loses nothing, while ``Tooling`` would lose the word that says what it is.  ``[PRD] X``
    marks the word off as a label, as a separator does: ``X``."""
    lead = emoji_lead(title)
    if lead:  # "📄 PRD · Refunds": the emoji stays before the name
        name = prd_name(title[lead:])
        return None if name is None else f"{title[:lead].rstrip()} {name}"
    t = _unescaped(title)
    s = t.strip(_MARKS)
    m = _BEFORE.fullmatch(s) or _AFTER.fullmatch(s)
    if m is None:
        return None
    if m.re is _BEFORE and m.group("separator") is None and m.group("bracketed") is None:
        return s
    lead = len(t) - len(t.lstrip(_MARKS))
    if m.re is _BEFORE:  # "**PRD - X**": the name runs to the end, with the marks the label opened closed
        name = kept_part(t, lead + m.start("name"), len(t))
    else:
        name = kept_part(t, 0, lead + m.end("name"))
    name = name.strip(" \t:-–—|")
    return name if name.strip(_MARKS) else None


_RUN = re.compile(r"\*+|_+")


def kept_part(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the emphasis marks whose partner lies outside it, so that taking
    a label off a title leaves no stray mark: ``**PRD: Refunds**`` kept from 7 -> ``Refunds``,
    ``PRD: **Automated** Refunds`` from 5 -> ``**Automated** Refunds`` (both marks inside).

    Marks pair as runs of the same characters (``**`` with ``**``), an opener followed and a
    closer preceded by a non-blank (``_`` not inside a word), nearest first; code spans hold
    none.  Linear in ``text``."""
    runs: list[tuple[int, int]] = []  # (start, end) of each mark run outside code spans
    ticks = 0
    for part in re.split(r"(`+)", text):
        if part.startswith("`"):
            ticks += len(part)
            continue
        runs.extend((ticks + m.start(), ticks + m.end()) for m in _RUN.finditer(part))
        ticks += len(part)
    partner: dict[int, int] = {}
    stack: list[tuple[int, int]] = []
    for a, b in runs:
        before, after = text[a - 1 : a], text[b : b + 1]
        word = text[a] == "_"
        can_close = bool(before.strip()) and not (word and after.isalnum())
        can_open = bool(after.strip()) and not (word and before.isalnum())
        if can_close and stack and text[stack[-1][0] : stack[-1][1]] == text[a:b]:
            o = stack.pop()
            partner[o[0]], partner[a] = a, o[0]
        elif can_open:
            stack.append((a, b))
    out: list[str] = []
    pos = start
    for a, b in runs:
        if start <= a < end and a in partner and not start <= partner[a] < end:
            out.append(text[pos:a])
            pos = b
    out.append(text[pos:end])
    return "".join(out)


# "Checkout Redesign PRD", "Checkout Product Requirements": the words last, without a separator.
_LAST = re.compile(
    r"(?P<name>.*\S)[ \t]+(?:PRD|product[ \t]+requirements?(?:[ \t]+document)?)", re.IGNORECASE
)
# "Writing a PRD", "Anatomy of a great PRD": a word that makes the title speak *about* a PRD.
_ABOUT = frozenset(
    {"a", "an", "the", "this", "that", "these", "my", "our", "your", "their", "his", "her", "its"}
    | {"each", "every", "any", "one", "no", "good", "great", "better", "best", "bad", "perfect"}
    | {"new", "first", "simple"}
)


def titled_prd(title: str) -> bool:
    """Whether ``title`` names a PRD in any form: :func:`prd_name`'s, or with the PRD words
    last and no separator (``Checkout Redesign PRD``; the name is then the title as written),
    unless the word before them speaks about a PRD (``Writing a PRD``, ``A good PRD``)."""
    if prd_name(title) is not None:
        return True
    m = _LAST.fullmatch(_unescaped(title).strip(_MARKS))
    if m is None:
        return False
    words = m.group("name").split()
    return words[-1].strip(_MARKS).casefold() not in _ABOUT


# A header line's label: "**Status:**", "Status:", "- **Owner**:", "| **Track ID** |".
_LABEL = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\|?[ \t]*[*_]{0,2}([^*_:|\n]{1,40}?)[*_]{0,2}[ \t]*(?::|\|)")
_HEADER_LINES = 40  # the header sits right under the title
_TRACK_ID = frozenset({"track id", "track-id", "trackid"})


def _spellings(key: str) -> frozenset[str]:
    """A field's label and its synonyms as a header line writes them (``product_owner`` ->
    ``product owner``): the parser reads the same words (:data:`FIELD_SYNONYMS`)."""
    return frozenset({key, *(name.replace("_", " ") for name in FIELD_SYNONYMS[key])})


_STATUS = _spellings("status")
_WHO_OR_WHICH = _TRACK_ID | _spellings("owner")
_VERSION = _spellings("version") | {"versione"}
# The head noun of a page *about* PRDs: "PRD Review Checklist", "PRD Process", "PRD Template Guide".
HANDBOOK_NOUNS = frozenset(
    {"process", "processes", "checklist", "checklists", "template", "templates", "guide", "guides"}
    | {"guideline", "guidelines", "faq", "faqs", "review", "reviews", "format", "formats"}
    | {"handbook", "playbook", "workflow", "workflows", "policy", "policies", "standard", "standards"}
    | {"convention", "conventions", "rubric", "primer", "tutorial", "tips", "examples", "lifecycle"}
    | {"glossary", "overview", "index", "practices", "howto", "how-to", "manual", "instructions"}
    | {"tricks", "cheatsheet", "basics", "101", "introduction", "intro", "training", "structure"}
    | {"outline", "anatomy", "writing", "rules", "criteria", "archive", "questions", "example"}
    # "Sample PRD", "Annotated PRD": a page that shows what a PRD looks like.
    | {"sample", "annotated", "blank", "dummy", "mock", "skeleton", "starter", "demo"}
)
# "PRD Checklist for Reviewers", "PRD Tips and Tricks": the head noun comes before these.
_AFTER_HEAD = frozenset({"for", "of", "in", "on", "to", "with", "and", "&", "at", "by", "from", "vs", "vs."})


def _labels(line: str) -> set[str]:
    """The labels a header line names, in every form the header is read in: the first one
    (``**Status:**``, ``| **Track ID** |``), each field of a line of several
    (``**Version:** 1.2 | **Owner:** Ana | **Status:** Draft``), a quoted line
    (``> **Status:** Draft``) and the cells of a table row that are all header keys (a
    horizontal table, ``| Version | Owner | Status |``; not ``| Step | Owner | Status |``)."""
    out = set()
    m = _LABEL.match(line)
    if m is not None:
        out.add(m.group(1))
    s = line.strip()
    while s.startswith(">"):
        s = s[1:].strip()
    if s.startswith("|"):
        cells = [c.strip(_MARKS + ":") for c in s.strip("|").split("|")]
        if all(header_key(c) in HEADER_KEYS for c in cells if c):
            out.update(cells)
    elif ":" in s:
        out.update(f.label for f in read_line(s, 0))
    return {" ".join(label.split()).casefold() for label in out}


def has_prd_header(lines: Sequence[str], start: int, front: Sequence[str] = (), title: str = "") -> bool:
    """Whether the lines from 0-based ``start`` on open with a PRD header (a Status label and a
    Track ID or Owner label, before the first ``##`` heading and within 40 lines), counting
    the front matter's keys (``front``, its lines) too.

    Under a ``title`` of the form ``PRD <Name>`` without a separator (``PRD Review Checklist``)
    Status and Owner are not enough, as handbook pages carry them too: the header also needs a
    Track ID, or a Version line or a first section ``## 1. Problem`` (or ``## Problem``) with a
    ``Name`` whose head noun is no handbook noun (:data:`HANDBOOK_NOUNS`: Process, Checklist, Guide...)."""
    labels: set[str] = set()
    for line in front:
        key, sep, _ = line.partition(":")
        if sep and line[:1] not in (" ", "\t", "-"):
            labels.add(key.strip().strip("'\"").replace("_", " ").casefold())
    first_section = ""
    for line in lines[start : start + _HEADER_LINES]:
        if line.startswith("##"):
            first_section = line.lstrip("#").strip()
            break
        labels |= _labels(line)
    if not (labels & _STATUS and labels & _WHO_OR_WHICH):
        return False
    if not _unlabelled(title) or labels & _TRACK_ID:
        return True
    if _head_noun(title) in HANDBOOK_NOUNS:
        return False
    return bool(labels & _VERSION) or _opens_template(first_section)


def _unlabelled(title: str) -> bool:
    """``PRD Review Checklist``, ``Sample PRD``: the PRD words first or last, no separator or
    brackets setting them off as a label."""
    s = _unescaped(title).strip(_MARKS)
    m = _BEFORE.fullmatch(s)
    if m is not None:
        return m.group("separator") is None and m.group("bracketed") is None
    return prd_name(title) is None and _LAST.fullmatch(s) is not None


def _head_noun(title: str) -> str:
    """``PRD Review Checklist`` -> ``checklist``; ``PRD Checklist for Reviewers`` -> ``checklist``;
    ``Sample PRD`` -> ``sample`` (the word before PRD words that come last)."""
    s = _unescaped(title).strip(_MARKS)
    last = _LAST.fullmatch(s) if _BEFORE.fullmatch(s) is None else None
    words = [w.strip(_MARKS + ".:!?()[]\"'").casefold() for w in (last.group("name") if last else s).split()]
    cut = next((i for i, w in enumerate(words) if i > 1 and w in _AFTER_HEAD), len(words))
    return words[cut - 1] if cut else ""


def _opens_template(heading: str) -> bool:
    """``1. Problem``, ``Problem``, ``Background`` (any language the section titles are read in):
    the template's first section."""
    number, rest = split_number(heading)
    return number in (None, "1") and title_key(rest) == "problem"
