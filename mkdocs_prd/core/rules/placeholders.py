"""Find unfilled template placeholders (``[Feature Name]``, ``[X]ms``) in Markdown source.

A placeholder is a bracketed text that Markdown would not read as anything else and
that stands where a value should be (see :func:`is_instruction`): one of the
template's own bracketed texts, or an instruction in the template's manner: a format
or variable (``[YYYY-MM-DD]``, ``[X]``), a question, a choice (``[name/team]``,
``[Blue-green / Canary]``), an example list (``e.g.``, ``etc``), an imperative
(``[Describe the rollout]``), or a type or description of the value (``[Feature
name]``, ``[link]``, ``[your team]``).  Ordinary bracketed prose is not: ``[WIP]``,
``[optional]``, ``[ADR-31]``, ``["openid"]``, ``[Smith 2020]``, ``[RFC 6749]``.
Not placeholders either: inline and reference links
(``[text](url)``, ``[text][ref]``, ``[text]`` with a defined ``[text]: url``),
footnotes (``[^1]``), task-list boxes (``- [ ]``, ``- [x]``), GitHub alerts
(``[!NOTE]``), abbreviation and link definitions, ``[TOC]``, and anything in code
spans, fenced code, HTML comments or the front matter.

Linear time in the size of the text: one pass per line, no backtracking regex.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass

from mkdocs_prd.core.rules.template_texts import TEMPLATE_TEXTS, template_text

# Anchored, each quantifier followed by a distinct token: no catastrophic backtracking.
_FENCE = re.compile(r"(`{3,}|~{3,})")
_LINK_DEF = re.compile(r" {0,3}\[([^\]\[]+)\]:")
_TASK_BOX = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]")
_BACKTICKS = re.compile(r"`+")
_BRACKET = re.compile(r"[\[\]]")
_PRIORITY_WORDS = frozenset({"must", "should", "could"})
_MODIFIER_KEYS = frozenset(
    {
        "ctrl",
        "control",
        "cmd",
        "command",
        "alt",
        "option",
        "opt",
        "shift",
        "meta",
        "super",
        "win",
        "fn",
        "\u2318",
    }
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder: its 1-based line and the text as written, brackets included."""

    line: int
    text: str


def find_placeholders(lines: Sequence[str]) -> Iterator[Placeholder]:
    """Every placeholder in the Markdown ``lines`` (without line endings), in source order."""
    prose = list(_prose_lines(lines))
    defined = {_label(m.group(1)) for _, text in prose if (m := _LINK_DEF.match(text))}
    for number, text in prose:
        yield from _placeholders_in_line(number, text, defined)


def _prose_lines(lines: Sequence[str], wanted: Container[int] | None = None) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of the lines with a ``[`` outside front matter, fences and HTML comments.

    Text inside an HTML comment that starts or ends mid-line is blanked out.  Cheap
    substring tests come first: most lines have no fence, comment or bracket.  With
    ``wanted`` (0-based line indexes), those lines are yielded instead of the ones with a ``[``.
    """
    start = 0
    if lines and lines[0].rstrip(" \t") == "---":
        for i in range(1, len(lines)):
            if lines[i].rstrip(" \t") in ("---", "..."):
                start = i + 1
                break
    fence: str | None = None
    in_comment = False
    for i in _lines_that_matter(lines, start, wanted):
        text = lines[i]
        if fence is not None:
            if fence in text:
                stripped = text.strip()
                if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                    fence = None
            continue
        if in_comment:
            if "-->" not in text:
                continue
            text, in_comment = _strip_comments(text, True)
        elif "```" in text or "~~~" in text:
            # Fences may be indented (inside list items) or quoted; a backtick fence's
            # info string has no backtick (otherwise it is an inline code span).
            lead = text.lstrip(" \t>")
            m = _FENCE.match(lead)
            if m is not None and not (m.group(1)[0] == "`" and "`" in lead[m.end() :]):
                fence = m.group(1)
                continue
        if "<!--" in text:
            text, in_comment = _strip_comments(text, in_comment)
        if ("[" in text) if wanted is None else (i in wanted):
            yield i + 1, text


def prose_lines(lines: Sequence[str], wanted: Container[int]) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of the ``wanted`` lines (0-based indexes) that are prose: not in
    front matter, fenced code or an HTML comment (comment parts of a line blanked out)."""
    return _prose_lines(lines, wanted)


def _lines_that_matter(lines: Sequence[str], start: int, wanted: Container[int] | None = None) -> list[int]:
    """Indexes (from ``start``) of the lines that can hold a placeholder or open or close a fence or comment.

    A line with none of ``[``, a backtick, ``~``, ``<!--`` or ``-->`` changes no state
    and yields nothing, and most lines are like that: one comprehension of substring
    tests skips them faster than the state machine could look at each.
    """
    if wanted is not None:
        return [
            i
            for i in range(start, len(lines))
            if i in wanted or "`" in (text := lines[i]) or "~" in text or "<!--" in text or "-->" in text
        ]
    return [
        i
        for i in range(start, len(lines))
        if "[" in (text := lines[i]) or "`" in text or "~" in text or "<!--" in text or "-->" in text
    ]


def _strip_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    """``text`` with HTML comments removed, and whether a comment is still open at its end."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        if in_comment:
            end = text.find("-->", pos)
            if end < 0:
                return "".join(out), True
            pos = end + 3
            in_comment = False
        else:
            begin = text.find("<!--", pos)
            if begin < 0:
                out.append(text[pos:])
                break
            out.append(text[pos:begin])
            pos = begin + 4
            in_comment = True
    return "".join(out), in_comment


def code_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the code spans of one line, in O(n log n) (see :func:`_code_spans`)."""
    return _code_spans(text)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the code spans of one line: a backtick run closed by a run of equal length.

    Each run length keeps a sorted list of positions, so finding the closer is a
    binary search instead of a rescan: O(n log n) even for hostile lines.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return []
    by_length: dict[int, list[int]] = {}
    for idx, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(idx)
    spans: list[tuple[int, int]] = []
    idx = 0
    while idx < len(runs):
        s, e = runs[idx]
        same = by_length[e - s]
        k = bisect_right(same, idx)
        if k < len(same):
            closer = same[k]
            spans.append((s, runs[closer][1]))
            idx = closer + 1
        else:
            idx += 1
    return spans


def _placeholders_in_line(number: int, text: str, defined: set[str]) -> Iterator[Placeholder]:
    stripped = text.lstrip()
    if _LINK_DEF.match(text) or stripped.startswith("*["):
        return  # a link reference or abbreviation definition
    box = _TASK_BOX.match(text)
    box_end = box.end() if box else -1
    if box_end > 0 and "[" not in text[box_end:]:
        return  # a task-list item with no other bracket: most of section 8
    spans = _code_spans(text) if "`" in text else []
    span_i = 0
    open_at = -1
    for m in _BRACKET.finditer(text):
        pos = m.start()
        while span_i < len(spans) and spans[span_i][1] <= pos:
            span_i += 1
        if span_i < len(spans) and spans[span_i][0] <= pos:
            open_at = -1  # brackets never pair across a code span
            continue
        if pos > 0 and text[pos - 1] == "\\":
            continue  # an escaped bracket is literal text
        if m.group() == "[":
            open_at = pos  # innermost bracket wins: "[a [b]" pairs "[b]"
            continue
        if open_at < 0:
            continue
        start, open_at = open_at, -1
        if pos + 1 == box_end:
            continue
        if _is_placeholder(text, start, pos, defined):
            yield Placeholder(number, text[start : pos + 1])


def _is_placeholder(text: str, start: int, end: int, defined: set[str]) -> bool:
    """Whether ``text[start:end+1]`` (``[...]``) is an unfilled placeholder."""
    inner = text[start + 1 : end]
    if not any(ch.isalpha() for ch in inner) or inner.strip(" \t") == "x":
        return False  # "[ ]", "[x]", "[ x]" (a box, named in prose too; "[X]" is a variable), "[1]"
    if inner.strip(" \t") == "X" and _BOX_START.fullmatch(text, 0, start):
        return False  # "[X] sent", "- [ X ] sent", "-[X] sent": a check box written almost right (PRD309)
    if inner[0] in "^!" or inner.strip() == "TOC":
        return False  # footnote, GitHub alert, Python-Markdown's table of contents
    if inner.strip().casefold() in _PRIORITY_WORDS:
        return False  # "... [Must]": the inline priority of a list requirement
    if start > 0 and text[start - 1] == "!":
        return False  # image alt text: "![alt]" followed by (src) or [ref]
    after = text[end + 1 : end + 2]
    if after in ("(", "[", ":"):
        return False  # inline link, full/collapsed reference link, definition
    if after == "]" and start > 0 and text[start - 1] == "[":
        return False  # a [[wiki link]] of the roamlinks / ezlinks plugins
    if start > 0 and text[start - 1] == "]":
        return False  # the [ref] part of "[text][ref]"
    if _label(inner) in defined or _key_chord(text, start, end):
        return False
    if template_text(" ".join(inner.split())) in TEMPLATE_TEXTS:
        return True
    if _YES_NO.fullmatch(inner):
        return _whole_value(text, start, end)  # "asks [Y/n] first" is the prompt, "GDPR: [yes/no]" a choice
    return is_instruction(inner) and not (_in_sentence(text, start, end) and _proper_noun(inner))


_BOX_START = re.compile(r"[ \t>]*(?:[-*+]|[0-9]{1,9}[.)])?[ \t]*")
"""What may stand before a check box on its line: indent, quote marks, a list marker."""
_YES_NO = re.compile(r"[ \t]*(?:y|yes)[ \t]*/[ \t]*(?:n|no)[ \t]*", re.IGNORECASE)
"""A yes/no choice as command-line prompts write it: ``Y/n``, ``y/N``, ``yes/no``."""
_ORDINAL = re.compile(r"[0-9]{1,9}[.)]")


def _whole_value(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end+1]`` stands alone where a value goes: the whole line or list item,
    after a label (``**GDPR relevant:** [yes/no]``) or as a table cell (``| [Y/N] |``), with at
    most a remark in brackets after it; not inside a sentence (``the CLI asks [Y/n] first``) or
    after a question (``Proceed? [y/N]``), where it is the prompt a page describes."""
    before = text[:start].rstrip(" \t*_")
    after = text[end + 1 :].strip(" \t*_")
    if after and after[0] not in "|(":
        return False
    return not before or before[-1] in ":|-+>" or before == "*" or _ORDINAL.fullmatch(before) is not None


def _key_chord(text: str, start: int, end: int) -> bool:
    """``[Ctrl]+[S]``, ``[Cmd] + [K]``: a modifier key joined to a key by ``+``, not a variable ``[S]``."""
    if text[start + 1 : end].casefold() in _MODIFIER_KEYS:
        after = text[end + 1 : end + 5].lstrip()
        return after.startswith("+") and after[1:].lstrip().startswith("[")
    before = text[max(0, start - 4) : start].rstrip()
    if not (before.endswith("+") and before[:-1].rstrip().endswith("]")):
        return False
    opening = text.rfind("[", 0, start)
    return opening >= 0 and text[opening + 1 : text.find("]", opening)].casefold() in _MODIFIER_KEYS


def _in_sentence(text: str, start: int, end: int) -> bool:
    """The brackets sit between words of a running sentence: ``Owner [Payments team] signs off``."""
    before, after = text[max(0, start - 2) : start], text[end + 1 : end + 3]
    return (
        len(before) == 2 and before[1] == " " and before[0].isalnum()
        and len(after) == 2 and after[0] == " " and after[1].islower()
    )  # fmt: skip


def _proper_noun(inner: str) -> bool:
    """``Payments team``, ``Platform owner``: a capitalised name before a kind word, not ``Team name``."""
    words = inner.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].isalpha():
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    return first not in _KIND_WORDS and first not in _IMPERATIVES and first != "your" and last in _KIND_WORDS


def _label(text: str) -> str:
    """A link label normalised as CommonMark matches them: case-folded, whitespace collapsed."""
    return " ".join(text.split()).casefold()


# --- what a bracketed text is ------------------------------------------------------

_IMPERATIVES = frozenset(
    {
        "add",
        "attach",
        "choose",
        "define",
        "describe",
        "enter",
        "explain",
        "fill",
        "give",
        "identify",
        "include",
        "insert",
        "link",
        "list",
        "mention",
        "outline",
        "paste",
        "pick",
        "provide",
        "put",
        "replace",
        "select",
        "specify",
        "state",
        "summarise",
        "summarize",
        "write",
    }
)
"""First words of a bracketed instruction (``[Describe the rollout]``) when more words follow
(``[Enter]`` alone is a key on the keyboard)."""

_KIND_WORDS = frozenset(
    {
        "name",
        "names",
        "description",
        "title",
        "date",
        "owner",
        "team",
        "link",
        "url",
        "email",
        "number",
        "value",
        "amount",
        "target",
        "placeholder",
        "details",
        "summary",
        "text",
        "version",
        "percentage",
        "reason",
        "explanation",
        "here",
    }
)
"""Last words of a type or description written in place of a value (``[Feature name]``, ``[URL]``)."""

_WORD = re.compile(r"[^\W\d_]+")
_FORMAT = re.compile(r"\b(?:Y{2,4}|MM|DD|HH)\b")
_VARIABLE = re.compile(r"[A-Za-z]|X{2,}|N{2,}|[xXyYzZnN](?:\.[xXyYzZnN]){1,3}")  # X, XX, x.y.z
_CHOICE = re.compile(r"([^\W\d_][\w-]*) ?([/|]) ?([^\W\d_][\w-]*)")
_FIGURE_BEFORE = re.compile(r"\d[\w.,]*[ \t]?$")
_EXAMPLE = re.compile(r"\b(?:e\.g|i\.e|etc)\b|\beg\.|\bfor example\b|\.\.\.|…", re.IGNORECASE)


def is_instruction(inner: str) -> bool:
    """Whether the text between a pair of brackets stands where a value should be.

    True for the template's own bracketed texts, and for an instruction in their
    manner: a format or variable (``YYYY-MM-DD``, ``X``, ``x.y``), a question (``Who is
    affected?``), a choice (``name/team``, ``Draft | Review``), an example list
    (``e.g.``, ``etc``, ``...``), an imperative of two words or more (``Describe the
    rollout``), a phrase addressed to the author (``your team``), or a type or
    description of the value (``Feature name``, ``link``).  False for the prose authors
    bracket: ``WIP``, ``optional``, ``ADR-31``, ``"openid"``, ``Smith 2020``, ``TCP/IP``,
    a figure with its unit (``400 req/s``, ``~2k EUR/month``).
    """
    text = " ".join(inner.split())
    if template_text(text) in TEMPLATE_TEXTS:
        return True
    if text[0] in "\"'\u201c\u2018{@#<" or "://" in text:
        return False  # a quoted value, JSON, a citation key, an issue number, a URL
    if _VARIABLE.fullmatch(text) or _FORMAT.search(text):
        return True
    if text.endswith("?") or _EXAMPLE.search(text):
        return True
    words = _WORD.findall(text.casefold())
    if not words:
        return False
    if "your" in words or "you" in words:
        return True
    if any(
        m.group(2) == "|" or not (m.group(1).isupper() and m.group(3).isupper())
        for m in _CHOICE.finditer(text)
        if not (m.group(2) == "/" and _FIGURE_BEFORE.search(text, 0, m.start()))
    ):
        return True  # [name/team], [Must | Should]; an acronym pair like [TCP/IP] is a name,
        # and a unit after a figure ([400 req/s], [~2k EUR/month]) is a value
    if len(words) > 1 and words[0] in _IMPERATIVES:
        return True
    return words[-1] in _KIND_WORDS
