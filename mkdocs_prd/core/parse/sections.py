"""The section tree: ``## N. Title`` sections, their ``###`` subsections, template keys.

Sections are matched to the template tolerantly: first by a normalised title
("Users & Use-cases", "Scope (MVP / Later)", "Appendix: Related Links",
"Rollout / Migration plan" all match), then by number when the title is unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs_prd.core.model import Section
from mkdocs_prd.core.parse.lines import BLANK, RULE, Heading, Source

TEMPLATE_NUMBERS: dict[str, str] = {
    "1": "problem",
    "2": "goals",
    "3": "users",
    "4": "scope",
    "5": "requirements",
    "6": "ux",
    "7": "risks",
    "8": "acceptance",
    "9": "rollout",
    "10": "iosm",
}
"""The template's section numbers and the keys they stand for."""

# (template key, words a normalised title starts with), tried in order; then the same
# list again for words the title merely contains.
_TITLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("iosm", ("iosm",)),
    ("appendix", ("appendix", "related links", "references")),
    ("acceptance", ("acceptance",)),
    ("goals", ("goals", "goal", "non goals", "objectives")),
    ("ux", ("ux", "user experience", "api", "design", "data model")),
    ("users", ("users", "user", "personas", "use cases", "use case", "stakeholders")),
    ("problem", ("problem", "background", "context", "motivation")),
    ("scope", ("scope",)),
    ("requirements", ("requirements", "functional requirements")),
    ("risks", ("risks", "risk")),
    ("rollout", ("rollout", "roll out", "migration", "deployment", "launch", "release plan")),
)

_EMPTY = (BLANK, RULE)  # line kinds that are not content

_NUMBER = re.compile(r"([0-9]{1,3}(?:\.[0-9]{1,3})*)[.)]?[ \t]+")
_NON_ALNUM = re.compile(r"[\W_]+")

# Subsection keys: a normalised title start -> key (first match wins).
_SUB_KEYS: tuple[tuple[str, str], ...] = (
    ("non goals", "non_goals"),
    ("nongoals", "non_goals"),
    ("out of scope", "non_goals"),
    ("goals", "goals"),
    ("primary personas", "personas"),
    ("personas", "personas"),
    ("persona", "personas"),
    ("use cases", "use_cases"),
    ("use case", "use_cases"),
    ("mvp", "mvp"),
    ("v1 1", "v1_1"),
    ("future", "future"),
    ("later", "later"),
    ("functional acceptance", "functional_acceptance"),
    ("non functional acceptance", "non_functional_acceptance"),
    ("nonfunctional acceptance", "non_functional_acceptance"),
    ("functional requirements", "functional"),
    ("functional", "functional"),
    ("non functional", "non_functional"),
    ("nonfunctional", "non_functional"),
    ("gate i", "gate_i"),
    ("gate o", "gate_o"),
    ("gate s", "gate_s"),
    ("gate m", "gate_m"),
    ("expected iosm", "expected_index"),
    ("iosm index", "expected_index"),
    ("references", "references"),
    ("related links", "references"),
    ("links", "references"),
    ("open questions", "open_questions"),
    ("questions", "open_questions"),
    ("change log", "change_log"),
    ("changelog", "change_log"),
    ("revision history", "change_log"),
    ("history", "change_log"),
)


@lru_cache(maxsize=4096)
def normalise_title(title: str) -> str:
    """Lower case, ``&`` as "and", punctuation as single blanks: ``Use-cases`` -> ``use cases``."""
    text = title.lower().replace("&", " and ").replace("*", "").replace("`", "")
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def split_number(title: str) -> tuple[str | None, str]:
    """``"3. Users"`` / ``"3) Users"`` -> ``("3", "Users")``; ``"Appendix"`` -> ``(None, "Appendix")``."""
    m = _NUMBER.match(title)
    if m is None:
        return None, title
    return m.group(1), title[m.end() :].strip()


@lru_cache(maxsize=4096)
def section_key(number: str | None, title: str) -> str | None:
    """The template key of a ``##`` section: by normalised title, else by number."""
    norm = normalise_title(title)
    for key, words in _TITLE_WORDS:
        if any(norm == w or norm.startswith(w + " ") for w in words):
            return key
    padded = f" {norm} "
    for key, words in _TITLE_WORDS:
        if any(f" {w} " in padded for w in words):
            return key
    if number is not None:
        return TEMPLATE_NUMBERS.get(number)
    return None


@lru_cache(maxsize=4096)
def subsection_key(title: str) -> str | None:
    """A normalised key for a ``###`` title: ``Non-Goals (explicitly …)`` -> ``non_goals``."""
    norm = normalise_title(title)
    for start, key in _SUB_KEYS:
        if norm == start or norm.startswith(start + " "):
            return key
    slug = norm.replace(" ", "_")
    return slug or None


def build_sections(src: Source) -> tuple[Section, ...]:
    """The ``##``/``###`` tree of ``src``.  ``###`` headings before the first ``##`` are ignored.

    A section runs to the next heading of level 1 or 2, a subsection to the next of
    level 1 to 3; deeper headings are content.
    """
    kinds = src.kinds
    sections: list[Section] = []
    subs: list[Section] = []
    sec: Heading | None = None  # the open ## section
    sub: Heading | None = None  # the open ### subsection
    # A level-1 heading after the last line closes whatever is still open.
    closing: Heading = (1, "", len(src.lines) + 1)
    for head in (*src.headings, closing):
        level, _, at = head
        if level > 3:
            continue
        if sub is not None:
            _, text, line = sub
            end = at - 1
            while end > line and kinds[end - 1] in _EMPTY:
                end -= 1
            subs.append(Section(text, None, subsection_key(text), 3, line, end, end > line))
            sub = None
        if level == 3:
            if sec is not None:
                sub = head
            continue
        if sec is not None:
            _, text, line = sec
            number, title = split_number(text)
            end = at - 1
            while end > line and kinds[end - 1] in _EMPTY:
                end -= 1
            key = section_key(number, title)
            sections.append(Section(title, number, key, 2, line, end, end > line, tuple(subs)))
            subs = []
        sec = head if level == 2 else None
    return tuple(sections)
