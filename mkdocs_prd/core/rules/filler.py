"""Find filler written where a value should be: ``TBD``, ``TODO: …``, ``???``, ``{{impact}}``, lorem ipsum.

A *filler* is text that says "not written yet" instead of saying something.  It counts
only where it is the whole value of a slot: a field (``**Owner:** TBD``, ``- Acceptance:
TBD``, front matter ``owner: TBD``), a list item, a table cell, a line of its own under a
label (``**Current state:**`` then ``TBD``), or an IOSM target after its operator
(``≤ TBD``).  The same words inside a sentence are prose: "pricing is TBD until Q3",
"the TODO list feature", "replace the lorem ipsum copy", "renders `{{ name }}`", and
anything in code spans, fenced code or HTML comments.

What is filler (:func:`is_filler`):

* a filler word as the whole value: TBD, TBC, TBA, TODO, FIXME, XXX, "to be
  determined/decided/defined/confirmed", "fill in", two or more ``?`` (also before a
  unit: ``??? ms``), ``...``;
* a filler marker in capitals leading a note: ``TODO: ask legal``, ``TBD - vendor``,
  ``XXX fill in`` (``TODO`` only with a separator: "TODO list sync" is a feature);
* one or more template variables and nothing else: ``{{impact}}``, ``{{ owner }}``;
* text that starts with "Lorem ipsum".

A value in a column or under a key about state (``| Status |`` with ``Done`` /
``TODO`` rows) is a workflow state, not filler; in an "Open questions" part a leading
``TBD:`` opens a question.  Linear in the size of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mkdocs_prd.core.parse.blocks import attribute, tables
from mkdocs_prd.core.parse.lines import HEADING, ITEM, TEXT, front_matter_end, scan, strip_bold

_WORDS = frozenset(
    {
        "tbd",
        "tbc",
        "tba",
        "todo",
        "to do",
        "fixme",
        "xxx",
        "to be determined",
        "to be decided",
        "to be defined",
        "to be confirmed",
        "to be announced",
        "to be written",
        "fill in",
        "fill me in",
        "placeholder",
    }
)
_MARKER = re.compile(r"(TBD|TBC|TBA|FIXME|XXX)(?:$|[\s:(\-\u2013\u2014])|TODO[ \t]*(?:$|[:(\-\u2013\u2014])")
_QUESTIONS = re.compile(r"\?{2,}")
_ELLIPSIS = frozenset({"...", "\u2026", ". . ."})
_VARIABLES = re.compile(r"(?:\{\{[^{}]{0,80}\}\}[ \t]*)+")
_OPERATOR = re.compile(
    r"(?:[<>=~\u2264\u2265]{1,2}|at (?:least|most)|up to|max\.?|min\.?)[ \t]*", re.IGNORECASE
)
_EDGES = " \t*_()[]\u201c\u201d.!,;\\"
_STATE_WORDS = ("status", "state", "progress", "done")
_QUESTION_PARTS = ("question", "open issue", "todo", "to do", "decision", "parking")
_NOT_APPLICABLE = frozenset({"n/a", "na", "none", "nothing", "-", "\u2013", "\u2014"})


@dataclass(frozen=True, slots=True)
class Filler:
    """One filler value: its 1-based line and the value as written."""

    line: int
    text: str


def is_filler(value: str, *, in_questions: bool = False, identifier: bool = False) -> bool:
    """Whether ``value`` (a whole field, item, cell or line) is filler, not content.

    ``in_questions``: the value stands in an "Open questions" part, where ``TBD: …``
    introduces a question rather than replacing an answer.  ``identifier``: the value is an
    id (a Track ID), where ``todo`` is a slug and only capitals (``TBD``) are filler.
    """
    raw = value.strip()
    if not raw or "`" in raw or len(raw) > 400:
        return False  # code is the author's literal text; a long text is a sentence
    if identifier and not raw.isupper():
        return False
    if raw[:1] in "\"'\u201c\u2018":
        return False  # a quoted "lorem ipsum" or "TBD" is talked about, not used
    if raw.strip(" \t*_") in _ELLIPSIS:
        return True
    core = raw.strip(_EDGES)
    operator = _OPERATOR.match(core)
    if operator and operator.end() < len(core):
        core = core[operator.end() :].strip(_EDGES)  # an IOSM target "≤ TBD"
    if not core:
        return bool(_QUESTIONS.fullmatch(raw.strip(" \t*_")))
    low = " ".join(core.split()).casefold()
    if low in _WORDS or _QUESTIONS.fullmatch(core) or _VARIABLES.fullmatch(core):
        return True
    if low.startswith("lorem ipsum") or low.startswith("??"):
        return True
    return not in_questions and _MARKER.match(core) is not None


def not_applicable(value: str) -> bool:
    """``N/A``, ``none``, ``-``: fine for an optional field, filler where a value is required."""
    return value.strip().strip("*_ .").casefold() in _NOT_APPLICABLE


def find_fillers(lines: Sequence[str]) -> Iterator[Filler]:
    """Every filler value in the Markdown ``lines`` (front matter excluded), in source order.

    Looks at list items, headings, lines of text, ``Key: value`` pairs on them, and
    table cells; fenced code and HTML comments are skipped.
    """
    src = scan(list(lines), front_matter_end(list(lines)) + 1)
    in_table: set[int] = set()
    by_line: dict[int, str] = {}
    for table in tables(src, 1, len(src.lines)):
        in_table |= table.line_numbers()
        skip = {i for i, name in enumerate(table.header) if _about_state(name)}
        for n, cells in table.rows:
            for i, text in enumerate(cells):
                if i not in skip and is_filler(text):
                    by_line.setdefault(n, text.strip())
                    break
    question_level = 0  # the heading level of an open "Open questions" part, 0 outside one
    for n, kind in enumerate(src.kinds, 1):
        if kind == HEADING:
            level = len(src.lines[n - 1].lstrip()) - len(src.lines[n - 1].lstrip().lstrip("#"))
            title = src.lines[n - 1].strip().lstrip("#").strip()
            if question_level and level <= question_level:
                question_level = 0
            if any(w in title.casefold() for w in _QUESTION_PARTS):
                question_level = level
            found = _slot_filler(title, False)
        elif kind == ITEM:
            text = src.items[n][2]
            if text[:3] in ("[ ]", "[x]", "[X]"):
                text = text[3:]
            found = _slot_filler(text, question_level > 0)
        elif kind == TEXT and n not in in_table:
            found = _slot_filler(src.lines[n - 1].lstrip(" \t>"), question_level > 0)
        else:
            continue
        if found is not None:
            by_line.setdefault(n, found)
    for n in sorted(by_line):
        yield Filler(n, by_line[n])


def _slot_filler(text: str, in_questions: bool) -> str | None:
    """The filler of one line's slots (the whole text, or the value of its ``Key: value``)."""
    text = text.strip()
    if not text:
        return None
    if is_filler(text, in_questions=in_questions):
        return text
    for candidate in (text, strip_bold(text)):
        attr = attribute(candidate, 0)
        if attr is None or _about_state(attr.key):
            continue
        if is_filler(attr.value, in_questions=in_questions, identifier=is_identifier(attr.key)):
            return attr.value
    return None


def is_identifier(key: str) -> bool:
    """Whether a field named ``key`` holds an id (``Track ID``, ``Slug``), a value compared as written."""
    words = key.casefold().replace("_", " ").replace("-", " ").split()
    return bool(words) and (words[-1] in ("id", "slug", "key") or words[0] == "track")


def _about_state(name: str) -> bool:
    low = name.casefold()
    return any(w in low for w in _STATE_WORDS)
