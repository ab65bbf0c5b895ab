"""The section tree: ``## N. Title`` sections, their ``###`` subsections, template keys.

Sections are matched to the template tolerantly: first by a normalised title
("Users & Use-cases", "Scope (MVP / Later)", "Appendix: Related Links",
"Rollout / Migration plan" all match), then by number when the title is unknown.
The number is only a fallback, and the title is weighed against it: it is not used
when the title names another topic (``10. Architecture Principles`` is not the IOSM
section), when another heading already names that section (``1. Overview`` before
``2. Problem``), or when the page does not number its sections the template's way
(its known titles carry other numbers).  See :func:`assign_keys`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs_prd.core.model import Item, Section
from mkdocs_prd.core.parse.blocks import head_of, tables, titled_by_id, without_outline
from mkdocs_prd.core.parse.lines import BLANK, RULE, TEXT, Heading, Source, bold_label, strip_bold

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
    ("appendix", ("appendix", "appendices", "annex", "annexes", "related links", "references")),
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

# The template's section titles in other languages (normalised: lower case, accents kept),
# German, Spanish, French and Portuguese, so "## Anforderungen" is the requirements section
# without a number. Data only: add a language by adding its words.
_TRANSLATED_TITLES: dict[str, tuple[str, ...]] = {
    "iosm": (),
    "appendix": (
        "anhang", "anhänge", "apéndice", "apéndices", "apendice", "apendices", "anexo", "anexos", "annexe",
        "annexes", "apêndice", "apêndices",
    ),
    "acceptance": (
        "abnahmekriterien", "akzeptanzkriterien", "abnahme", "criterios de aceptación",
        "criterios de aceptacion", "aceptación", "critères d acceptation", "critères d acceptance",
        "critérios de aceitação", "aceitação",
    ),
    "goals": ("ziele", "zielsetzung", "nicht ziele", "objetivos", "metas", "objectifs", "buts"),
    "ux": ("benutzererfahrung", "experiencia de usuario", "diseño", "expérience utilisateur", "conception"),
    "users": (
        "nutzer", "benutzer", "anwender", "zielgruppe", "anwendungsfälle", "usuarios", "casos de uso",
        "utilisateurs", "cas d utilisation", "usuários", "utilizadores",
    ),
    "problem": (
        "problemstellung", "hintergrund", "ausgangslage", "problema", "contexto", "antecedentes",
        "problème", "contexte",
    ),
    "scope": (
        "umfang", "abgrenzung", "leistungsumfang", "alcance", "périmètre", "portée", "escopo", "âmbito",
    ),
    "requirements": ("anforderungen", "requisitos", "requerimientos", "exigences"),
    "risks": ("risiken", "risiko", "riesgos", "riesgo", "risques", "risque", "riscos", "risco"),
    "rollout": (
        "einführung", "bereitstellung", "despliegue", "plan de despliegue", "lanzamiento", "migración",
        "déploiement", "lancement", "implantação", "lançamento", "migração",
    ),
}  # fmt: skip
_TITLE_WORDS = tuple((key, words + _TRANSLATED_TITLES.get(key, ())) for key, words in _TITLE_WORDS)
_TRANSLATED_WORDS = frozenset(word for words in _TRANSLATED_TITLES.values() for word in words)

# Words of titles that name a topic of their own, which the template has no section for:
# such a section keeps no key whatever its number says.
_OTHER_TOPICS: tuple[str, ...] = (
    "architecture",
    "principles",
    "glossary",
    "terminology",
    "definitions",
    "timeline",
    "milestones",
    "schedule",
    "roadmap",
    "budget",
    "cost",
    "costs",
    "pricing",
    "team",
    "staffing",
    "dependencies",
    "assumptions",
    "constraints",
    "alternatives",
    "competitive",
    "competitors",
    "faq",
    "legal",
    "marketing",
    "support",
    "training",
    "analytics",
    "approvals",
    "approval",
    "sign off",
    "signoff",
    "decisions",
    "decision log",
    "open questions",
    "questions",
    "changelog",
    "change log",
    "history",
    "notes",
    "implementation",
    "tech stack",
    "technology",
    "test plan",
    "testing",
    "success metrics",
    "kpis",
    "privacy",
    "documentation",
    "communication",
    "stakeholders",
)

_EMPTY = (BLANK, RULE)  # line kinds that are not content

# "3. Users", "3) Users", "3: Users", "3 - Users", "3.Users", "§3 Users", "Section 3 - Users",
# "III. Users", "III - Users", "III: Users" (a Roman numeral needs its ".", ")", ":" or dash),
# "2.) Users", "03. Users", "2.0 Users", with emoji or bold marks before it.
_NUMBER = re.compile(
    r"(?:(?:§|section|sec\.|part|chapter)[ \t]*)?"
    r"(?:(?P<arabic>[0-9]{1,3}(?:\.[0-9]{1,3})*)"
    r"|(?P<roman>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?=[.):]|[ \t]+[-\u2013\u2014][ \t])))"
    r"(?:(?:\.\)|[.):])(?:[ \t]+|(?=[^\W\d_]))|[ \t]+[-\u2013\u2014][ \t]+|[ \t]+)",
    re.IGNORECASE,
)
# "(3) Users", "[3] Users", "(III) Users": the number in brackets.
_PAREN_NUMBER = re.compile(
    r"[(\[](?:(?P<arabic>[0-9]{1,3})|(?P<roman>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})))[)\]]"
    r"(?:[ \t]*[.:]?[ \t]+|(?=[^\W\d_]))"
)
_ROMAN = {"I": 1, "V": 5, "X": 10}
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
    # The same subsections in German, Spanish, French and Portuguese.
    ("nicht ziele", "non_goals"), ("nichtziele", "non_goals"), ("no objetivos", "non_goals"),
    ("no metas", "non_goals"), ("non objectifs", "non_goals"), ("hors périmètre", "non_goals"),
    ("fuera de alcance", "non_goals"), ("não objetivos", "non_goals"), ("fora do escopo", "non_goals"),
    ("ziele", "goals"), ("objetivos", "goals"), ("metas", "goals"), ("objectifs", "goals"),
    ("personas principales", "personas"), ("hauptpersonas", "personas"),
    ("anwendungsfälle", "use_cases"), ("anwendungsfall", "use_cases"), ("casos de uso", "use_cases"),
    ("cas d utilisation", "use_cases"),
    # User stories and scenarios, the use cases as teams write them.
    ("historias de usuario", "use_cases"), ("historias de usuarios", "use_cases"),
    ("historias de uso", "use_cases"), ("escenarios", "use_cases"), ("nutzergeschichten", "use_cases"),
    ("anwendergeschichten", "use_cases"), ("szenarien", "use_cases"), ("anwendungsszenarien", "use_cases"),
    ("récits utilisateur", "use_cases"), ("récits utilisateurs", "use_cases"),
    ("histoires utilisateur", "use_cases"), ("histoires utilisateurs", "use_cases"),
    ("scénarios", "use_cases"),
    ("histórias de usuário", "use_cases"), ("histórias de usuários", "use_cases"),
    ("histórias de utilizador", "use_cases"), ("cenários", "use_cases"),
    ("zielgruppe", "personas"), ("zielgruppen", "personas"), ("nutzergruppen", "personas"),
    ("público objetivo", "personas"), ("perfiles de usuario", "personas"), ("public cible", "personas"),
    ("público alvo", "personas"), ("perfis de usuário", "personas"),
    ("nicht funktionale", "non_functional"), ("nichtfunktionale", "non_functional"),
    ("requisitos no funcionales", "non_functional"), ("requisitos não funcionais", "non_functional"),
    ("requisitos nao funcionais", "non_functional"), ("exigences non fonctionnelles", "non_functional"),
    ("funktionale", "functional"), ("requisitos funcionales", "functional"),
    ("requisitos funcionais", "functional"), ("exigences fonctionnelles", "functional"),
    ("offene fragen", "open_questions"), ("preguntas abiertas", "open_questions"),
    ("questions ouvertes", "open_questions"), ("questões em aberto", "open_questions"),
    ("perguntas em aberto", "open_questions"), ("perguntas abertas", "open_questions"),
    ("questões abertas", "open_questions"), ("offene punkte", "open_questions"),
    ("preguntas pendientes", "open_questions"), ("cuestiones abiertas", "open_questions"),
    ("questions en suspens", "open_questions"),
    ("referenzen", "references"), ("verweise", "references"), ("referencias", "references"),
    ("références", "references"), ("referências", "references"),
    ("änderungshistorie", "change_log"), ("änderungsprotokoll", "change_log"),
    ("historial de cambios", "change_log"), ("registro de cambios", "change_log"),
    ("historique des modifications", "change_log"), ("histórico de alterações", "change_log"),
)  # fmt: skip


@lru_cache(maxsize=4096)
def normalise_title(title: str) -> str:
    """Lower case, ``&`` as "and", punctuation as single blanks: ``Use-cases`` -> ``use cases``."""
    text = title.lower().replace("&", " and ").replace("*", "").replace("`", "")
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def split_number(title: str) -> tuple[str | None, str]:
    """``"3. Users"`` / ``"3) Users"`` / ``"(3) Users"`` / ``"§3 Users"`` / ``"Section 3 - Users"``
    / ``"III. Users"`` / ``"🎯 3. Users"`` / ``"**3. Users**"`` / ``"3. Users:"`` -> ``("3", "Users")``;
    ``"Appendix"`` -> ``(None, "Appendix")``.  A Roman numeral is given as its number (``III`` -> ``"3"``)."""
    lead = 0
    while lead < len(title) and not title[lead].isalnum() and title[lead] not in "§[(":
        lead += 1  # emoji, blanks, bold marks before the number
    bracketed = title[lead : lead + 1] in ("(", "[")
    m = _PAREN_NUMBER.match(title, lead) if bracketed else _NUMBER.match(title, lead)
    if m is None or (m.group("roman") is not None and not m.group("roman").isupper()):
        mark = title[:2]
        if mark in ("**", "__") and title.endswith(mark) and len(title) > 4 and mark not in title[2:-2]:
            return None, _unlabelled(title[2:-2].strip())  # "**Appendix**": the whole title in bold
        return None, _unlabelled(title)
    rest = title[m.end() :].strip()
    marks = title[:lead].strip()
    if marks[:2] in ("**", "__") and rest.endswith(marks[:2]):
        rest = rest[:-2].rstrip()  # "**3. Users**"
    roman = m.group("roman")
    return (_arabic(m.group("arabic")) if roman is None else str(_roman_value(roman))), _unlabelled(rest)


def _arabic(number: str) -> str:
    """A section number as the template writes it: ``03`` is ``3`` and ``2.0`` is ``2``
    (``2.1`` stays: a subsection's number)."""
    parts = number.split(".")
    if len(parts) == 2 and parts[1].strip("0") == "":
        parts.pop()  # "2.0"; "1.0.0" is a version, not a section number
    return ".".join(part.lstrip("0") or "0" for part in parts)


def _unlabelled(title: str) -> str:
    """A title without the colon a label ends with (``Problem:``, ``Risiken :``): the
    colon is not part of the section's name."""
    if title[-1:] not in (":", "\uff1a") or title[-2:] in ("::",):
        return title
    return title[:-1].rstrip() or title


def _roman_value(numeral: str) -> int:
    total = 0
    for i, c in enumerate(numeral):
        value = _ROMAN[c]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    return total


@lru_cache(maxsize=4096)
def title_key(title: str) -> str | None:
    """The template key a ``##`` title names (``Users & Use-cases`` -> ``users``), else None."""
    norm = normalise_title(title)
    padded = f" {norm} "
    if " iosm " in padded:
        return "iosm"  # "Objetivos IOSM", "IOSM-Ziele": the IOSM targets, whatever the language
    for key, words in _TITLE_WORDS:
        if any(norm == w or norm.startswith(w + " ") for w in words):
            return key
    for key, words in _TITLE_WORDS:
        if any(f" {w} " in padded for w in words):
            return key
    return None


def translated_title(title: str) -> bool:
    """Whether a section title is one of the template's in German, Spanish, French or
    Portuguese (``## 1. Problemstellung``, ``## Riesgos``): the PRD is written in that language."""
    norm = normalise_title(split_number(title)[1])
    return norm in _TRANSLATED_WORDS or norm.split(" ", 1)[0] in _TRANSLATED_WORDS


@lru_cache(maxsize=4096)
def names_other_topic(title: str) -> bool:
    """Whether a title names a topic the template has no section for (``Architecture Principles``)."""
    padded = f" {normalise_title(title)} "
    return any(f" {w} " in padded for w in _OTHER_TOPICS)


@lru_cache(maxsize=4096)
def section_key(number: str | None, title: str) -> str | None:
    """The template key of one ``##`` heading on its own: by title, else by number.

    The number counts only for a title that names no other topic.  Within a page use
    :func:`assign_keys`, which also weighs the other headings.
    """
    key = title_key(title)
    if key is not None or number is None or names_other_topic(title):
        return key
    return TEMPLATE_NUMBERS.get(number)


def assign_keys(heads: list[tuple[str | None, str]]) -> list[str | None]:
    """The template key of each ``(number, title)`` ``##`` heading of one page, in order.

    Titles decide first.  A heading whose title names no template section gets the key
    its number stands for only when (1) its title names no other topic, (2) no heading
    of the page names that section by title, and (3) the page numbers the way the
    template does: more of its title-matched headings carry their template number than
    not (or none is numbered).
    """
    keys = [title_key(title) for _, title in heads]
    agree = disagree = 0
    for (number, _), key in zip(heads, keys, strict=True):
        if key is not None and key in _NUMBERED and number is not None:
            if TEMPLATE_NUMBERS.get(number) == key:
                agree += 1
            else:
                disagree += 1
    if disagree > agree:
        return keys
    named = set(keys)
    for i, (number, title) in enumerate(heads):
        if keys[i] is not None or number is None or names_other_topic(title):
            continue
        by_number = TEMPLATE_NUMBERS.get(number)
        if by_number is not None and by_number not in named:
            keys[i] = by_number
    return keys


_NUMBERED = frozenset(TEMPLATE_NUMBERS.values())


@lru_cache(maxsize=4096)
def subsection_key(title: str) -> str | None:
    """A normalised key for a ``###`` title: ``Non-Goals (explicitly …)`` -> ``non_goals``."""
    norm = normalise_title(title)
    for start, key in _SUB_KEYS:
        if norm == start or norm.startswith(start + " "):
            return key
    slug = norm.replace(" ", "_")
    return slug or None


def section_level(src: Source) -> int:
    """The heading level of the page's sections (see :func:`_levels`)."""
    return _levels(src)[0]


@lru_cache(maxsize=4096)
def _heading_key(text: str) -> str | None:
    return title_key(split_number(text)[1])


def _levels(src: Source) -> tuple[int, int]:
    """``(section level, line of the title heading or 0)``.

    The section level is the level whose headings name the most template sections
    (``1. Problem``, ``Goals``, ``Risks`` …; ``##`` wins a tie): 3 for a page that
    writes ``### 1. Problem`` under its title, 1 for a page that writes every section
    as ``#``.  Without any such heading it is 2, or the highest level below the title
    that the page uses when it has no ``##`` heading.  The title is the first ``#``
    heading unless that names a template section itself.
    """
    keys_at: dict[int, set[str]] = {}
    present: set[int] = set()
    title_line = 0
    first_two = 0  # line of the first ``##`` heading
    loose: dict[int, set[str]] = {}  # keys named at a level before any ``##`` heading
    for level, text, line in src.headings:
        if level > 4:
            continue  # sections are written at level 1 to 4
        key = _heading_key(text)
        if level == 1 and not title_line and not present and key is None:
            title_line = line
            continue
        present.add(level)
        if level == 2 and not first_two:
            first_two = line
        if key is not None:
            keys_at.setdefault(level, set()).add(key)
            if not first_two:
                loose.setdefault(level, set()).add(key)
    level_two = len(keys_at.get(2, ()))
    best = max(keys_at, key=lambda lv: (len(keys_at[lv]), -lv), default=2)
    # Deeper headings under ``##`` headings are their subsections, whatever they are
    # called (``## 1. Problema`` over ``### Goals``): they are the sections only when
    # they stand before any ``##`` (``### 1. Problem`` … then ``## Appendix``).
    deeper_stand_alone = best < 2 or not first_two or len(loose.get(best, ())) >= 2
    if keys_at and len(keys_at[best]) > level_two and len(keys_at[best]) >= 2 and deeper_stand_alone:
        return best, title_line
    if 2 in present:
        return 2, title_line
    deeper = [lv for lv in present if lv > 2]
    return (min(deeper) if deeper else 2), title_line


def build_sections(src: Source) -> tuple[Section, ...]:
    """The section tree of ``src``: ``##`` sections and their ``###`` subsections, or one
    level deeper each when the page has no ``##`` heading (see :func:`section_level`).

    Subsection headings before the first section are ignored.  A section runs to the
    next heading of its level or above, a subsection to the next of its level or
    above; deeper headings are content.  The model calls sections level 2 and
    subsections level 3 whatever their ``#`` marks.
    """
    kinds = src.kinds
    found: list[tuple[str | None, str, int, int, tuple[Section, ...]]] = []
    subs: list[Section] = []
    sec: Heading | None = None  # the open ## section
    sub: Heading | None = None  # the open ### subsection
    # A level-1 heading after the last line closes whatever is still open.
    closing: Heading = (1, "", len(src.lines) + 1)
    top, title_line = _levels(src)
    shift = top - 2
    for head in (*src.headings, closing):
        level, _, at = head
        if at == title_line:
            level = 1  # the title closes whatever is open, whatever the section level
        elif level > 1 or shift < 0:
            level = max(level - shift, 1)
        if level < 3 and sec is not None and titled_by_id(head_of(without_outline(head[1]))):
            # "FR-2: Export" over "---" (an h2), "## UC-1: Pay": an item of the open section
            # written one heading level too high, not a section of its own.
            level = 3
        head = (level, head[1], at)
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
            found.append((number, title, line, end, tuple(subs)))
            subs = []
        sec = head if level == 2 else None
    keys = assign_keys([(number, title) for number, title, *_ in found])
    return tuple(
        Section(
            title,
            number,
            key,
            2,
            line,
            end,
            end > line,
            children,
            label_lines(src, line + 1, end, headers=key == "goals") if key in _LABELLED else (),
        )
        for (number, title, line, end, children), key in zip(found, keys, strict=True)
    )


_LABELLED = frozenset({"goals", "users", "requirements"})


def label_lines(src: Source, start: int, end: int, headers: bool = False) -> tuple[Item, ...]:
    """The lines between ``start`` and ``end`` that are a bold label alone: ``**Use-case:**``, ``**Goals**``.

    List items are not labels (``1. **Returning shopper**`` is a persona), and neither
    is a bold line with a colon inside (``**FR-1: Export**`` is a requirement's title).
    With ``headers``, a table's column headers are labels too (``| Goal | Metric |``:
    the title of the items below it), each on the table's first line.
    """
    out: list[Item] = []
    kinds = src.kinds
    for n in range(max(start, 1), min(end, len(src.lines)) + 1):
        if kinds[n - 1] != TEXT:
            continue
        s = src.lines[n - 1].strip()
        if s[:2] not in ("**", "__"):
            continue
        pair = bold_label(s)
        if pair is not None:
            if not pair[1]:
                out.append(Item(pair[0], n))
        elif (inner := strip_bold(s)) != s and not any(m in inner for m in ("**", "__", ":")):
            out.append(Item(inner, n))  # "**User stories**"; "**FR-1: Export**" is a requirement
    if headers:
        out += [
            Item(strip_bold(h).strip(), t.line)
            for t in tables(src, start, end)
            for h in t.header
            if h.strip()
        ]
        out.sort(key=lambda label: label.line)
    return tuple(out)
