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
  ``TBD (Lena)``, ``TBD, pending legal``, ``XXX fill in`` (``TODO`` only with a separator:
  "TODO list sync" is a feature); a note with a figure gives a value (``TBD: rough guess 20%``);
* one or more template variables and nothing else: ``{{impact}}``, ``{{ owner }}``;
* text that starts with "Lorem ipsum".

On a site that renders its pages as templates (mkdocs-macros, :class:`Templating`), a
``{{ owner }}`` is the value the page shows once rendered: neither filler nor a value
whose form a rule can check (:func:`computed`).

A value in a column or under a key about state (``| Status |`` with ``Done`` /
``TODO`` rows) is a workflow state, not filler; in an "Open questions" part a leading
``TBD:`` opens a question.  Linear in the size of the page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.blocks import attribute
from mkdocs_prd.core.parse.cells import split_row
from mkdocs_prd.core.parse.lines import strip_bold
from mkdocs_prd.core.rules.placeholders import prose_lines
from mkdocs_prd.core.settings import Settings, Templating

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
_MARKER = re.compile(
    r"(TBD|TBC|TBA|FIXME|XXX)(?:$|[\s:;,(\-\u2013\u2014])|TODO[ \t]*(?:$|[:(\-\u2013\u2014])"
)
_QUESTIONS = re.compile(r"\?{2,}")
_ELLIPSIS = frozenset({"...", "\u2026", ". . ."})
_VARIABLES = re.compile(r"(?:\{\{[^{}]{0,80}\}\}[ \t]*)+")
_OPERATOR = re.compile(
    r"(?:[<>=~\u2264\u2265]{1,2}|at (?:least|most)|up to|max\.?|min\.?)[ \t]*", re.IGNORECASE
)
_EDGES = " \t*_()[]\u201c\u201d.!,;\\"
_STATE_WORDS = ("status", "state", "progress", "done")
_TIME_WORDS = ("date", "when", "eta", "deadline", "week", "month", "quarter", "sprint", "day")
_TEMPLATE_PARTS = ("template", "variables", "placeholders", "merge fields")
_GLOSSARY_PARTS = ("glossary", "terminology", "definitions", "abbreviations", "acronyms")
_QUESTION_PARTS = ("question", "open issue", "todo", "to do", "decision", "parking")
_WORD_TOKENS: tuple[str, ...] = ("tbd", "tbc", "tba", "todo", "to do", "fixme", "xxx", "to be ")
_WORD_TOKENS += ("fill", "placeholder", "lorem")
_LOWER_TOKENS = (*_WORD_TOKENS, "??", "...", "{{", "\u2026")
_TOKENS = (*_LOWER_TOKENS, *(w.upper() for w in _WORD_TOKENS), *(w.capitalize() for w in _WORD_TOKENS))
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_SEPARATOR = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_TERMS = -1
"""Among a table's skipped columns: the table defines the terms in its first column."""
_DECISION_MARKERS = frozenset({"TBD", "TBC", "TBA"})
_CONTAINER = re.compile(r"(?:\?\?\?\+?|!!!)[ \t]+\S")
"""An admonition's first line (``??? note "Title"``, ``!!! tip``): Markdown syntax, not ``???``."""
_TERM_HEADERS = ("term", "variable", "placeholder", "token", "abbreviation", "acronym", "symbol", "marker")
_DEFINITION_HEADERS = ("meaning", "definition", "means", "stands for", "explanation", "example")
_LITERAL_KEYS = ("placeholder", "mask", "shown", "display", "render", "printed", "variable", "token")
"""Keys whose value is the literal text something shows (``- Placeholder in the UI: XXX``)."""
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
    marker = _MARKER.match(core)
    if marker is None or in_questions:
        return False
    # "TBD (Lena)", "TBD, pending legal", "TBD - waiting on finance": who or why, the value still
    # unwritten (one answer for every separator); "TBD: … Rough guess: 20-30%" gives a figure, a
    # value after all.  (A decision log's "TBD (finance, April)" is judged by its part: open.)
    if marker.group(1) not in _DECISION_MARKERS:
        return True
    return not _content_remark(core[marker.end() :])


def _content_remark(rest: str) -> bool:
    """Whether the text after ``TBD:`` gives a value after all: a figure (``Rough guess:
    20-30%``); a reason alone (``TBD - waiting for the funnel analysis``) is still filler."""
    return any(c.isdigit() for c in rest)


def rendering(prd: Prd, settings: Settings) -> Templating | None:
    """The site's template rendering when it renders the page of ``prd``, else None."""
    templating = settings.templating
    return templating if templating is not None and templating.renders(prd.path, prd.front_matter) else None


def computed(value: str, prd: Prd, settings: Settings) -> bool:
    """Whether ``value`` (a field, a priority) holds template syntax the site renders on the page
    of ``prd`` (``{{ owner }}`` with mkdocs-macros): the page shows the result, so no rule can
    call it filler or check its form.  Front matter is not rendered: never its values."""
    templating = rendering(prd, settings)
    return templating is not None and templating.expression(value)


def not_applicable(value: str) -> bool:
    """``N/A``, ``none``, ``-``: fine for an optional field, filler where a value is required."""
    return value.strip().strip("*_ .").casefold() in _NOT_APPLICABLE


def find_fillers(
    lines: Sequence[str], *, draft: bool = False, templating: Templating | None = None
) -> Iterator[Filler]:
    """Every filler value in the Markdown ``lines`` (front matter excluded), in source order.

    ``draft``: the PRD is a draft, whose schedule is not fixed yet: a ``TBD`` in a table's
    date column (``| Canary | TBD | Ops |`` under ``| Phase | Date | Owner |``) is no filler.
    ``templating``: the site renders the page as a template, whose expressions are no filler.

    Looks at list items, headings, lines of text, ``Key: value`` pairs on them, and
    table cells; fenced code and HTML comments are skipped.  One regex pass over the page
    picks the few lines that can hold filler; only those are looked at closely.
    """
    candidates = _candidate_lines(lines)
    if not candidates:
        return
    headings: list[int] | None = None  # found at the first filler, to read the title of its part
    tables = _TableHeaders(lines, draft)
    for n, text in prose_lines(lines, candidates):
        state = tables.state_columns(n - 1)
        found = _line_filler(text, False, state)
        if found is None:
            continue
        value, keyed = found
        if templating is not None and templating.expression(value):
            continue  # `{{ owner }}` on a page mkdocs-macros renders: the page shows the value
        if headings is None:
            headings = [i for i, t in enumerate(lines) if t[:1] == "#" or t[:4].lstrip(" ")[:1] == "#"]
        part = _part_title(lines, headings, n - 1)
        if state is None and any(w in part for w in _GLOSSARY_PARTS):
            continue  # a glossary defines its terms: "- TBD: to be decided" is about the word
            # (a glossary table's rows are judged by their columns: `| Vault | TBD |` is filler)
        if (state is not None or keyed or _line_filler(text, True, None) is None) and any(
            w in part for w in _QUESTION_PARTS
        ):
            continue  # `TBD: which PSP?` opens a question; `- Retention: TBD` is one unanswered,
            # as is a `| Retention? | TBD |` row of a questions or decisions table
        if _VARIABLES.fullmatch(value) and any(w in part for w in _TEMPLATE_PARTS):
            continue  # under "### Email template": its variables are what the template holds
        if (keyed or state is not None) and _VARIABLES.fullmatch(value) and _in_template(lines, n - 1):
            continue  # "- Subject: {{subject}}" beside "- Greeting: Hello {{first_name}},": a template
        yield Filler(n, value)


def _candidate_lines(lines: Sequence[str]) -> set[int]:
    """0-based indexes of the lines with a filler-like word (most pages have a handful).

    Plain substring searches (C speed) for each spelling, then the line of each hit by bisection.
    """
    text = "\n".join(lines)
    hits: list[int] = []
    tokens = _TOKENS
    lower = text.lower()
    if len(lower) == len(text):
        # Every character lowered to one (as in all ASCII text, and most other text), so every
        # offset is kept: one spelling per word is enough.
        text, tokens = lower, _LOWER_TOKENS
    for token in tokens:
        at = text.find(token)
        while at >= 0:
            hits.append(at)
            at = text.find(token, at + len(token))
    if not hits:
        return set()
    starts = list(accumulate((len(t) + 1 for t in lines), initial=0))
    return {bisect_right(starts, at) - 1 for at in hits}


def _part_title(lines: Sequence[str], headings: list[int], index: int) -> str:
    """The title of the heading line ``index`` is under, case-folded ("" above the first)."""
    at = bisect_right(headings, index) - 1
    return lines[headings[at]].strip().lstrip("#").casefold() if at >= 0 else ""


def _in_template(lines: Sequence[str], index: int) -> bool:
    """Whether a line of the block around line ``index`` uses ``{{variables}}`` inside its text,
    so the block specifies a template (an email, a file name) and its variables are content."""
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(lines) and lines[i].strip() and abs(i - index) <= 20:
            if "{{" in lines[i] and _line_filler(lines[i], True, None) is None:
                return True
            i += step
    return False


def _line_filler(text: str, in_questions: bool, state_columns: set[int] | None) -> tuple[str, bool] | None:
    """The filler one prose line holds (as a heading, a table row, a list item or a line of text),
    and whether it is the value of a ``Key: value`` pair on the line."""
    s = text.strip().lstrip(">").strip()
    if s[:1] == "#":
        # A heading is a title: only a wholly filler one ("### TBD") is, not "### TBD items".
        return _slot_filler(s.lstrip("#"), True)
    if state_columns is not None:
        cells = split_row(s) or []
        if _TERMS in state_columns and cells and is_filler(cells[0]):
            return None  # "| TBC | to be confirmed |": the row defines a filler word
        cell = next((c.strip() for i, c in enumerate(cells) if i not in state_columns and is_filler(c)), None)
        return (cell, False) if cell is not None else None
    if _CONTAINER.match(s) is not None:
        return None
    item = _ITEM.match(s)
    if item:
        s = s[item.end() :]
        if s[:3] in ("[ ]", "[x]", "[X]"):
            s = s[3:]
    return _slot_filler(s, in_questions)


class _TableHeaders:
    """For a line, whether it is a pipe table's body row, and its columns about state.

    Lines are asked about in source order; the block of ``|`` lines the last one belonged
    to is remembered, so a long table (or a long run of ``|`` prose) is walked once.
    """

    def __init__(self, lines: Sequence[str], draft: bool = False) -> None:
        self.lines = lines
        self.draft = draft
        self.top = -1  # first line of the current block of `|` lines
        self.end = -1  # the last line known to be in it
        self.state: set[int] | None = None  # its state columns; None: the block is no table

    def state_columns(self, index: int) -> set[int] | None:
        """The state columns of the table whose body row is line ``index``; None if it is no body row."""
        lines = self.lines
        if "|" not in lines[index]:
            return None
        same = self.end >= 0 and all("|" in t for t in lines[self.end + 1 : index + 1])
        if not same:
            top = index
            while top > 0 and "|" in lines[top - 1]:
                top -= 1
            self.top, self.state = top, None
            if top + 1 < len(lines) and _SEPARATOR.fullmatch(lines[top + 1].strip()) is not None:
                header = split_row(lines[top]) or []
                self.state = {i for i, name in enumerate(header) if _about_state(name)}
                if _defines_terms(header):
                    # "| Term | Meaning |": the first column names, it holds no value.
                    self.state.update((0, _TERMS))
                if self.draft:
                    self.state.update(i for i, name in enumerate(header) if _about_time(name))
        self.end = index
        return self.state if index > self.top + 1 else None


def _slot_filler(text: str, in_questions: bool) -> tuple[str, bool] | None:
    """The filler of one line's slots: the whole text, or the value of its ``Key: value``
    (then ``True`` as the second item)."""
    text = text.strip()
    if not text:
        return None
    if is_filler(text, in_questions=in_questions):
        return text, False
    for candidate in (text, strip_bold(text)):
        attr = attribute(candidate, 0)
        if attr is None or _about_state(attr.key):
            continue
        if is_filler(attr.value, in_questions=in_questions, identifier=is_identifier(attr.key)):
            if _literal(attr.key, attr.value) or is_filler(attr.key):
                return None  # "Placeholder: XXX" names shown text; "**TBD**: to be decided" a word
            return attr.value, True
    return None


def _literal(key: str, value: str) -> bool:
    """Whether ``value`` is the literal text a key about shown text names (``Placeholder: XXX``);
    filler words (``TBD``) still are filler there."""
    low = key.casefold()
    return any(w in low for w in _LITERAL_KEYS) and not any(c.isalpha() and c not in "xX" for c in value)


def is_identifier(key: str) -> bool:
    """Whether a field named ``key`` holds an id (``Track ID``, ``Slug``), a value compared as written."""
    words = key.casefold().replace("_", " ").replace("-", " ").split()
    return bool(words) and (words[-1] in ("id", "slug", "key") or words[0] == "track")


def _defines_terms(header: Sequence[str]) -> bool:
    """Whether a table's first column holds the terms it defines: a glossary (``Term | Meaning``),
    a list of variables (``Variable | Example``)."""
    names = [strip_bold(h).casefold() for h in header]
    if not names:
        return False
    return any(w in names[0] for w in _TERM_HEADERS) or any(
        w in name for name in names[1:] for w in _DEFINITION_HEADERS
    )


def _about_time(name: str) -> bool:
    low = strip_bold(name).casefold()
    return any(w in low for w in _TIME_WORDS)


def _about_state(name: str) -> bool:
    low = name.casefold()
    return any(w in low for w in _STATE_WORDS)
