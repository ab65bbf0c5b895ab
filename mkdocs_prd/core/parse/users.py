"""Section 3, Users & Use Cases: personas and use cases, and the words that name them.

One source of truth for the parser and PRD204: :func:`users_part` says which part of
section 3 a title or bold label names (``### Primary Personas``, ``**Target users:**``,
``**Use Cases**``), and the parser reads what follows such a label as that part, so a
persona PRD204 counts is a persona of the model, and the other way round.

Personas come in the forms PRDs use: list items or bold lines (``1. **API Consumer**``,
``**Support Agent**``) with ``- Role: …`` bullets, under a personas heading or label or
in a section without one; and explicitly named ones, ``**Persona: Support Agent**``,
``#### Persona 2 - Admin`` or ``### Persona: Support Agent`` (the bullets below are its
attributes, the name is what follows the separator).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Literal

from mkdocs_prd.core.model import Persona, Section, UseCase
from mkdocs_prd.core.parse.blocks import leading_id, records
from mkdocs_prd.core.parse.lines import Source, strip_bold
from mkdocs_prd.core.parse.user_tables import table_users

Part = Literal["personas", "use_cases"]

_WORDS = re.compile(r"[a-z0-9]+")
# "UC-1", and a user story's "US-12" (a story is the use case a team writes it as).
_UC_ID = re.compile(r"(?:UC-[0-9A-Za-z]|US-[0-9])[0-9A-Za-z.]*", re.IGNORECASE)
# "Persona: Support Agent", "Persona 2 - Admin", "Persona #1 — Maria"; not "Personas" alone.
_NAMED_PERSONA = re.compile(r"persona\s*#?\s*[0-9]*\s*[:\-–—]\s*(?P<name>\S.*)", re.IGNORECASE)

USE_CASE_WORDS = (
    "case",
    "cases",
    "usecase",
    "usecases",
    "story",
    "stories",
    "scenario",
    "scenarios",
    "journey",
    "journeys",
    "flow",
    "flows",
    "workflow",
    "workflows",
)
_PERSONA_WORDS = frozenset(
    {"persona", "personas", "users", "audience", "audiences", "actors", "customers", "roles", "segments"}
)


@lru_cache(maxsize=1024)
def title_words(title: str) -> tuple[str, ...]:
    """The lower-case ASCII words of a title (``Users & Use-Cases`` -> ``users, use, cases``)."""
    # Cached: the same few subsection titles recur in every PRD of a site.
    return tuple(_WORDS.findall(title.casefold()))


def has_word(words: tuple[str, ...], target: tuple[str, ...], negated: bool) -> bool:
    """Whether ``words`` holds one of ``target``, preceded by ``non`` exactly when ``negated``."""
    for i, w in enumerate(words):
        if w in target and (i > 0 and words[i - 1] == "non") == negated:
            return True
        if negated and w.startswith("non") and w[3:] in target:
            return True
    return False


def names_personas(words: tuple[str, ...]) -> bool:
    """Whether a title's words name the personas part: ``Primary users``, ``Target audience``,
    ``Personas``; ``user`` alone too, but not ``User stories``."""
    if any(w in _PERSONA_WORDS for w in words):
        return True
    return "user" in words and not any(w in USE_CASE_WORDS for w in words)


def names_use_cases(words: tuple[str, ...]) -> bool:
    """Whether a title's words name the use-cases part (``Use Cases``, ``User stories``, ``Journeys``)."""
    return has_word(words, USE_CASE_WORDS, False)


def named_persona(title: str) -> str | None:
    """``Support Agent`` for ``Persona: Support Agent`` (bold marks aside), else None."""
    m = _NAMED_PERSONA.fullmatch(strip_bold(title.strip()))
    return strip_bold(m.group("name").strip()) or None if m is not None else None


def users_part(title: str) -> Part | None:
    """The part of section 3 that ``title`` names, or None (a persona's own name, other text).

    A named persona (``Persona: Support Agent``) is a persona, not the personas part.
    """
    if named_persona(title) is not None:
        return None
    words = title_words(title)
    if names_use_cases(words):
        return "use_cases"
    if names_personas(words):
        return "personas"
    return None


def parse_users(src: Source, sec: Section, own: str | None) -> tuple[list[Persona], list[UseCase]]:
    """The personas and use cases of section 3 ``sec``; ``own`` is the part its own title
    names when it is one half of a split section (``## Personas`` beside ``## Use Cases``)."""
    regions: list[tuple[str | None, int, int]] = [(own, sec.line + 1, _own_end(sec))]
    personas: list[Persona] = []
    for sub in sec.subsections:
        if named_persona(sub.title) is not None or leading_id(_UC_ID, sub.title) is not None:
            # "### Persona: Support Agent", "### UC-1: Reply": the subsection is the persona or
            # use case (its heading is the record), its bullets its attributes.
            regions.append((None, sub.line, sub.end_line))
        else:
            regions.append((users_part(sub.title) or sub.key, sub.line + 1, sub.end_line))
    # Bold labels naming a part (``**Use Cases:**``) split the regions: what follows is that part.
    parts = {label.line: part for label in sec.labels if (part := users_part(label.text)) is not None}
    at = sorted(parts)
    split = [piece for region in regions for piece in _split(region, parts, at)]
    has_persona_part = any(key == "personas" for key, _, _ in split)
    use_cases: list[UseCase] = []
    for key, start, end in split:
        for rec in records(src, start, end):
            labelled = _labelled_item(rec.text) if rec.form == "list" else None
            if labelled is not None:
                # "- **Use cases:** UC-1 a shopper finds …": the item is that part, not a persona.
                part, text = labelled
                found = leading_id(_UC_ID, text)
                if part == "use_cases" and text:
                    case = UseCase(found[0], found[1], rec.line) if found else UseCase(None, text, rec.line)
                    use_cases.append(case)
                elif text:
                    personas.append(Persona(text, rec.line))
                continue
            found = leading_id(_UC_ID, rec.head)
            name = named_persona(rec.head)
            if name is not None:
                personas.append(Persona(name, rec.line, rec.attributes()))
            elif found is not None:
                use_cases.append(UseCase(found[0], found[1], rec.line, rec.attributes()))
            elif key == "use_cases":
                use_cases.append(UseCase(None, strip_bold(rec.head.strip()), rec.line, rec.attributes()))
            elif key == "personas" or (key is None and not has_persona_part):
                personas.append(Persona(rec.head, rec.line, rec.attributes()))
        more_personas, more_cases = table_users(src, key if key or not has_persona_part else "", start, end)
        personas += more_personas
        use_cases += more_cases
    personas.sort(key=lambda p: p.line)
    use_cases.sort(key=lambda u: u.line)
    return personas, use_cases


_ITEM_LABEL = re.compile(
    r"(?:(\*\*|__)([^\W\d_][\w /&-]{0,30}?)[ \t]*(?::\1|\1[ \t]*:)|([^\W\d_][\w /&-]{0,30}?)[ \t]*:)"
    r"[ \t]*(.*)"
)


def _labelled_item(text: str) -> tuple[Part, str] | None:
    """``(part, the text after the label)`` for a list item that opens with a label naming a part
    of section 3 (``**Use cases:** UC-1 …``, ``Personas: shoppers``), else None."""
    m = _ITEM_LABEL.fullmatch(text.strip())
    if m is None:
        return None
    part = users_part(m.group(2) or m.group(3))  # "**Persona: Ana**" is a persona, no label
    return (part, m.group(4).strip()) if part is not None else None


def _own_end(sec: Section) -> int:
    return sec.subsections[0].line - 1 if sec.subsections else sec.end_line


def _split(
    region: tuple[str | None, int, int], parts: dict[int, Part], at: list[int]
) -> list[tuple[str | None, int, int]]:
    """``region`` cut at the part labels inside it (``at``: their lines, sorted); each piece
    starts after its label.  Binary search: linear over many regions and labels."""
    key, start, end = region
    out: list[tuple[str | None, int, int]] = []
    for line in at[bisect_left(at, start) : bisect_right(at, end)]:
        out.append((key, start, line - 1))
        key, start = parts[line], line + 1
    out.append((key, start, end))
    return [piece for piece in out if piece[1] <= piece[2]]
