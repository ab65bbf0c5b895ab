"""Rules about the content of sections 3-8 and the change log: PRD301-PRD306, PRD401-PRD402."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mkdocs_prd.core.decoration import without_struck
from mkdocs_prd.core.model import Attribute, Prd, Requirement, Severity
from mkdocs_prd.core.parse.inline import plain_value
from mkdocs_prd.core.parse.lines import indent_of
from mkdocs_prd.core.parse.req_parts import ATTRIBUTE_NAMES, PRIORITY_NAMES, part_name
from mkdocs_prd.core.parse.sections import subsection_key
from mkdocs_prd.core.rules.base import (
    Hit,
    RuleContext,
    is_bracketed,
    page_rule,
    priority_placeholder,
    quote,
    status_placeholder,
    version_key,
)
from mkdocs_prd.core.rules.filler import computed, is_filler
from mkdocs_prd.core.settings import IMPLEMENTED_WORDS
from mkdocs_prd.core.trace.ids import criterion_id

NFR_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Performance": ("performance", "latency", "throughput", "response time", "response times", "speed",
                    "load time", "page load", "resource usage", "efficiency", "perf"),
    "Security": ("security", "authentication", "authorization", "authorisation", "privacy", "data protection",
                 "encryption", "access control"),
    "Reliability": ("reliability", "availability", "uptime", "durability", "resilience", "fault tolerance",
                    "disaster recovery", "recoverability", "error budget"),
    "Scalability": ("scalability", "scale", "scaling", "capacity", "growth", "elasticity"),
    "Maintainability": ("maintainability", "maintenance", "observability", "code quality", "testability",
                        "supportability", "operability", "documentation", "monitoring", "test coverage"),
}  # fmt: skip
"""The five NFR categories of the template, each with the sub-terms that name it (the template's
own bullets, ``Latency`` under Performance, and their usual synonyms), compared as whole words."""
_NFR_TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "Performance": ("leistung", "rendimiento", "desempeño", "desempenho", "latenz", "latencia", "latência"),
    "Security": ("sicherheit", "datenschutz", "seguridad", "sécurité", "segurança", "privacidad"),
    "Reliability": ("zuverlässigkeit", "verfügbarkeit", "fiabilidad", "disponibilidad", "fiabilité",
                    "disponibilité", "confiabilidade", "disponibilidade"),
    "Scalability": ("skalierbarkeit", "escalabilidad", "scalabilité", "escalabilidade"),
    "Maintainability": ("wartbarkeit", "mantenibilidad", "maintenabilité", "manutenibilidade",
                        "beobachtbarkeit", "observabilidad"),
}  # fmt: skip
"""The categories' names in German, Spanish, French and Portuguese (data: add a language here)."""
NFR_CATEGORIES = {name: terms + _NFR_TRANSLATIONS[name] for name, terms in NFR_CATEGORIES.items()}
RISK_LEVELS: frozenset[str] = frozenset(
    {"h", "m", "l", "high", "medium", "med", "low"}
    # German, Spanish, French, Portuguese
    | {"hoch", "mittel", "niedrig", "gering", "alto", "alta", "medio", "media", "bajo", "baja"}
    | {
        "élevé",
        "élevée",
        "haut",
        "haute",
        "moyen",
        "moyenne",
        "faible",
        "bas",
        "médio",
        "média",
        "baixo",
        "baixa",
    }
)
_CATEGORY_KEYS = frozenset(
    {"category", "type", "area", "aspect", "quality attribute", "attribute", "kategorie", "bereich", "art",
     "categoría", "categoria", "tipo", "catégorie", "área", "aspecto"}
)  # fmt: skip
"""Column names of a non-functional requirements table that hold the requirement's category."""
_KEY_MARKS = re.compile(r"[\s*_`]+")
_WORD_CHARS = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_REMARK = re.compile(r"[(\[–—:;,]|- ")
_TRAFFIC_LIGHTS = {"\U0001f534": "high", "\U0001f7e0": "medium", "\U0001f7e1": "medium", "\U0001f7e2": "low"}


@page_rule(
    "PRD301",
    Severity.WARNING,
    "a functional requirement lacks a Description, Acceptance or Priority, or one of them is empty "
    "(`- Acceptance:` with nothing after or below it)",
)
def incomplete_requirement(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    found_labels: dict[str, str] | None = None  # worked out once per page: it reads every requirement
    for req in prd.functional:
        if req.form == "table":
            yield from _empty_cells(req)
        if req.form != "block":
            continue  # a one-line list requirement is its own description; PRD306 asks for its priority
        keys = {attribute_key(a.key) for a in req.attributes}
        if req.statement:
            keys.add("description")  # the paragraph under "#### FR-1: Export" describes it
        missing = [part for part, names in ATTRIBUTE_NAMES.items() if not keys & names]
        if req.priority is None:
            missing.append("Priority")
        empty = [
            part
            for part, names in ATTRIBUTE_NAMES.items()
            if part not in missing
            and not (part == "Description" and req.statement)
            and all(empty_value(ctx.lines, a) for a in req.attributes if attribute_key(a.key) in names)
        ]
        name = req.id or req.name
        if (missing or empty) and found_labels is None:
            found_labels = page_labels(prd)  # only a finding's hint needs them
        labels = found_labels or {}
        if missing:
            bullets = ", ".join(f"`- {labels[m]}: …`" for m in missing)
            yield Hit(
                req.line, f"Requirement {quote(name)} has no {' / '.join(missing)}", f"Add {bullets} below it"
            )
        if empty:
            first = next(a.line for a in req.attributes if attribute_key(a.key) in ATTRIBUTE_NAMES[empty[0]])
            yield Hit(
                first,
                f"Requirement {quote(name)} has an empty {' / '.join(empty)}",
                f"Write the {empty[0].casefold()} after `{labels[empty[0]]}:` (or as a list below it)",
            )


_PART_LABELS: dict[str, dict[str, str]] = {
    "en": {"Description": "Description", "Acceptance": "Acceptance", "Priority": "Priority"},
    "de": {"Description": "Beschreibung", "Acceptance": "Akzeptanzkriterien", "Priority": "Priorität"},
    "es": {"Description": "Descripción", "Acceptance": "Criterios de aceptación", "Priority": "Prioridad"},
    "fr": {"Description": "Description", "Acceptance": "Critères d’acceptation", "Priority": "Priorité"},
    "pt": {"Description": "Descrição", "Acceptance": "Critérios de aceitação", "Priority": "Prioridade"},
}
"""A requirement's parts as each language the parser reads names them (the hints' words)."""
_LABEL_LANGUAGE: dict[str, str] = {
    **dict.fromkeys(("beschreibung", "priorität", "abnahme", "abnahmekriterium", "abnahmekriterien"), "de"),
    **dict.fromkeys(("akzeptanz", "akzeptanzkriterium", "akzeptanzkriterien"), "de"),
    **dict.fromkeys(("descripción", "descripcion", "prioridad", "aceptación", "aceptacion"), "es"),
    **dict.fromkeys(("criterio de aceptación", "criterios de aceptación", "criterio de aceptacion"), "es"),
    **dict.fromkeys(("criterios de aceptacion",), "es"),
    **dict.fromkeys(("priorité", "acceptation", "critère d'acceptation", "critères d'acceptation"), "fr"),
    **dict.fromkeys(("critere d'acceptation", "criteres d'acceptation"), "fr"),
    **dict.fromkeys(("descrição", "descricao", "prioridade", "aceitação", "aceitacao"), "pt"),
    **dict.fromkeys(("critério de aceitação", "critérios de aceitação", "criterio de aceitacao"), "pt"),
    **dict.fromkeys(("criterios de aceitacao",), "pt"),
}


def page_labels(prd: Prd) -> dict[str, str]:
    """What the page calls a requirement's Description, Acceptance and Priority, for a hint to
    quote: the label its other requirements use most (``Priorität``), else the word of the
    language the page's labels are in (``Akzeptanzkriterien`` beside ``Beschreibung``), else the
    template's."""
    seen: dict[str, dict[str, int]] = {part: {} for part in _PART_LABELS["en"]}
    languages: dict[str, int] = {}
    for req in prd.functional:
        for a in req.attributes:
            key = attribute_key(a.key)
            part = (
                "Priority"
                if key in PRIORITY_NAMES
                else next((p for p, names in ATTRIBUTE_NAMES.items() if key in names), None)
            )
            if part is None:
                continue
            written = " ".join(a.key.strip(" \t*_").split())
            seen[part][written] = seen[part].get(written, 0) + 1
            if key in _LABEL_LANGUAGE:
                languages[_LABEL_LANGUAGE[key]] = languages.get(_LABEL_LANGUAGE[key], 0) + 1
    fallback = _PART_LABELS[max(languages, key=languages.__getitem__) if languages else "en"]
    return {
        part: max(counts, key=counts.__getitem__) if counts else fallback[part]
        for part, counts in seen.items()
    }


def _empty_cells(req: Requirement) -> Iterator[Hit]:
    """A table row whose table has a Description or Acceptance column, with that cell empty: the
    row is its own description, but an empty Acceptance cell states no acceptance."""
    empty = [
        part
        for part in ("Description", "Acceptance")
        if (cells := [a for a in req.attributes if attribute_key(a.key) in ATTRIBUTE_NAMES[part]])
        and not any(a.value.strip(" \t*_") for a in cells)
    ]
    if empty:
        yield Hit(
            req.line,
            f"Requirement {quote(req.id or req.name)} has an empty {' / '.join(empty)}",
            f"Write the {empty[0].casefold()} in its cell of the row",
        )


def attribute_key(key: str) -> str:
    """A requirement part's name as :data:`ATTRIBUTE_NAMES` spell it: marks left out, then
    :func:`part_name` (``Critères d’acceptation`` is ``critères d'acceptation``)."""
    return part_name(_KEY_MARKS.sub(" ", key))


def empty_value(lines: Sequence[str], attr: Attribute) -> bool:
    """Whether the bullet ``attr`` (``- Acceptance:``) has no value on its line and nothing nested."""
    if attr.value.strip(" \t*_"):
        return False
    if not 1 <= attr.line <= len(lines):
        return True
    line = lines[attr.line - 1]
    own = indent_of(line)
    # Under a label line ("**Acceptance:**") a list at the same indent is its value.
    label = line.lstrip(" \t")[:2] in ("**", "__")
    for text in lines[attr.line : attr.line + 2]:  # a nested list may follow one blank line
        if text.strip():
            if label and text.lstrip(" \t")[:2] in ("- ", "* ", "+ "):
                return indent_of(text) < own
            return indent_of(text) <= own
    return True


@page_rule(
    "PRD302",
    Severity.ERROR,
    "a Priority is not a MoSCoW level: Must, Should, Could or Won't (`Must have`, `MUST`, "
    "`Should — nice for v1`, `P0 (Must)`, `🔴 Must`, `<b>Must</b>`, `Nice to have` (Could), "
    "and `Muss`, `Debe`, `Doit`, `Deve` and their kin in a priority field are accepted; a bare `P0` is not)",
)
def bad_priority(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for req in (*prd.functional, *prd.non_functional):
        priority = req.priority
        if priority is None or priority_placeholder(priority) or is_filler(priority):
            continue  # missing: PRD301; a placeholder: PRD107; filler: PRD110
        if computed(priority, prd, ctx.settings):
            continue  # `{{ priority }}`: the site's templates compute it
        if not priority.strip(" \t*_"):
            yield Hit(
                req.priority_line or req.line,
                f"Priority of {quote(req.id or req.name)} is empty",
                "Write `Priority: Must`, `Priority: Should` or `Priority: Could`",
            )
            continue
        if req.level is None:
            yield Hit(
                req.priority_line or req.line,
                f"Priority {quote(priority)} of {quote(req.id or req.name)} is not Must, Should or Could",
                "Write `Priority: Must`, `Priority: Should` or `Priority: Could` (or `Won't`)",
            )


@page_rule(
    "PRD303",
    Severity.ERROR,
    "a requirement id (FR-n, NFR-n, UC-n) or an acceptance criterion's id (AC-n) is used twice in one PRD",
)
def duplicate_ids(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    first: dict[str, int] = {}
    items = [(r.id, r.line) for r in (*prd.functional, *prd.non_functional)]
    items += [(u.id, u.line) for u in prd.use_cases]
    # A criterion's id is its anchor (#ac-3) and its qualified id too: two AC-3 link to the first.
    items += [(criterion_id(c.text), c.line) for c in prd.criteria]
    for ident, line in sorted(items, key=lambda item: item[1]):
        if not ident:
            continue
        key = ident.upper()
        if key in first:
            yield Hit(
                line, f"{ident} is already used on line {first[key]}", "Give each requirement its own id"
            )
        else:
            first[key] = line


@page_rule(
    "PRD304",
    Severity.WARNING,
    "one of the five NFR categories (Performance, Security, Reliability, Scalability, "
    "Maintainability) is missing",
)
def missing_nfr_categories(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    section = prd.section("requirements")
    if section is None:
        return
    nfr_heading = next((s for s in section.subsections if is_nfr_heading(s.title)), None)
    if not prd.non_functional and (nfr_heading is None or not nfr_heading.has_content):
        return  # PRD204 / PRD203 report the missing or empty subsection
    named = [r.name for r in prd.non_functional if r.form == "block"]
    # A free-form list NFR names its category only as a "Category: ..." prefix.
    named += [r.name.split(":", 1)[0] for r in prd.non_functional if r.form == "list" and ":" in r.name]
    # A table names it in a Category column (`| NFR-1 | Performance | … |`) or before a colon in its cell.
    for r in prd.non_functional:
        if r.form == "table":
            named += [
                a.value
                for a in r.attributes
                if _KEY_MARKS.sub(" ", a.key).strip().casefold() in _CATEGORY_KEYS
            ]
            if ":" in r.name:
                named.append(r.name.split(":", 1)[0])
    if prd.non_functional and not named:
        return  # only free-form sentences: there are no categories to compare
    text = " " + " ".join(_WORD_CHARS.findall(" ".join(named).casefold())) + " "
    missing = [c for c, terms in NFR_CATEGORIES.items() if not any(f" {t} " in text for t in terms)]
    if missing:
        line = nfr_heading.line if nfr_heading else section.line
        yield Hit(
            line,
            f"Non-functional requirements do not cover {', '.join(missing)}",
            f"Add a requirement for each, e.g. `**NFR-n: {missing[0]}**`",
        )


def is_nfr_heading(title: str) -> bool:
    """Whether a subsection title names the non-functional requirements."""
    low = title.casefold().replace("-", " ")
    if "non functional" in low or "nonfunctional" in low or "nfr" in low:
        return True
    return subsection_key(title) == "non_functional"  # "Nicht-funktionale Anforderungen"


@page_rule(
    "PRD305",
    Severity.WARNING,
    "a risk's impact or probability is not H/M/L (High/Medium/Low accepted, and `Hoch`/`Mittel`/`Niedrig`, "
    "`Alto`/`Medio`/`Bajo`, `Élevé`/`Moyen`/`Faible`, `Alto`/`Médio`/`Baixo`)",
)
def bad_risk_level(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for risk in prd.risks:
        bad = [
            (name, value, scale)
            for name, value, scale in (
                ("impact", risk.impact, risk.scales[0]),
                ("probability", risk.probability, risk.scales[1]),
            )
            if not is_bracketed(value)
            and risk_level(value, scale) is None
            and not is_filler(value)
            and not computed(value, prd, ctx.settings)
        ]
        if bad:
            # A scale of the header's own (``Impacto (A/M/B)``) is the hint's; the template's is H/M/L.
            declared = next((sc for *_, sc in bad if len(sc) == 3 and "".join(sc).casefold() != "hml"), ())
            yield Hit(
                risk.line,
                f"Risk {quote(risk.risk, 40)}: {_levels_wrong(bad)}",
                f"Write {', '.join(declared[:2])} or {declared[2]}, as the column's header declares"
                if declared
                else "Write H, M or L (High, Medium or Low)",
            )


def _levels_wrong(bad: list[tuple[str, str, tuple[str, ...]]]) -> str:
    """What is wrong with a risk's levels: ``impact `Very high` not H/M/L``; an empty cell is
    said to be empty (``impact is empty``), not quoted as an empty code span."""
    empty = [name for name, value, _ in bad if not value.strip()]
    wrong = [f"{name} {quote(value)}" for name, value, _ in bad if value.strip()]
    said = [f"{' and '.join(wrong)} not H/M/L"] if wrong else []
    said += [f"{' and '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty"] if empty else []
    return " and ".join(said if bad[0][1].strip() else said[::-1])  # in the columns' order


def risk_level(value: str, scale: tuple[str, ...] = ()) -> str | None:
    """The level a risk cell states (``H``, ``high``, ``🔴 High``, ``🟢``), casefolded; None for other text.

    ``scale`` are the levels the column's header declares (``Impacto (A/M/B)``: ``A``, ``M``,
    ``B``): each of them is a level too, as the template's ``(H/M/L)`` declares H, M and L.

    Emphasis, emoji, punctuation and a struck-out old level (``~~M~~ H``) around the word are
    decoration, and so is a remark after it in brackets or after a dash, colon or line break
    (``High (revenue)``, ``H – revenue``, ``H<br>revenue``); a traffic-light emoji alone is its
    colour's level (red High, orange or yellow Medium, green Low).
    """
    value = _BREAK.sub(" — ", without_struck(value))  # "~~M~~ H": the old level is struck out
    if "[" in value or "<" in value or "`" in value:
        value = plain_value(value)  # "[H](#scale)", "<b>H</b>", "`H`": the level shown
    words = _WORD_CHARS.findall(value.casefold())
    levels = RISK_LEVELS | {level.casefold() for level in scale} if scale else RISK_LEVELS
    if len(words) == 1:
        return words[0] if words[0] in levels else None
    if words and words[0] in levels:
        # "High (revenue)", "H – revenue", "H<br>revenue": a remark after the level, as a
        # Status or Priority may carry one ("Very high" and "Medium-High" name no level).
        first = _WORD_CHARS.search(value.casefold())
        rest = value[first.end() :].lstrip("*_` \t") if first is not None else ""
        return words[0] if _REMARK.match(rest) else None
    lights = {_TRAFFIC_LIGHTS[ch] for ch in value if ch in _TRAFFIC_LIGHTS}
    return lights.pop() if not words and len(lights) == 1 else None


@page_rule("PRD306", Severity.INFO, "a functional requirement written as a list item has no priority")
def list_requirement_priority(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for req in prd.functional:
        if req.form == "list" and req.priority is None:
            yield Hit(
                req.line,
                f"Requirement {quote(req.id or req.name, 50)} has no priority",
                "Add `(Must)`, `(Should)` or `(Could)` after its title (`- FR-1: Export (Must)`), "
                f"or write it as a `**FR-n: …**` block with a `- {page_labels(prd)['Priority']}:` bullet",
            )


@page_rule(
    "PRD401",
    Severity.WARNING,
    "Status is Implemented (or the site's word for it: `Umgesetzt`, `Implementado`, `Implémenté`) but "
    "acceptance criteria are unchecked",
)
def implemented_unchecked(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.status
    if status is None or status_placeholder(status, ctx.settings):
        return
    if status.casefold() not in IMPLEMENTED_WORDS:
        return  # "Implemented", or the site's word for it ("Umgesetzt")
    stated = [c for c in prd.criteria if c.stated]  # a criterion whose state is not written: no finding
    unchecked = [c for c in stated if not c.checked]
    if unchecked:
        yield Hit(
            unchecked[0].line,
            f"Status is Implemented but {len(unchecked)} of {len(stated)} acceptance criteria "
            f"{'is' if len(unchecked) == 1 else 'are'} unchecked",
            "Tick the criteria that are met (`- [x]`), or change the Status",
        )


@page_rule("PRD402", Severity.WARNING, "the Version differs from the newest change-log row")
def version_vs_changelog(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    version = prd.metadata.get("version")
    if version is None or not prd.changelog:
        return
    own = version_key(version.value)
    rows = [(key, row) for row in prd.changelog if (key := version_key(row.version)) is not None]
    if own is None or not rows:
        return
    newest_key, newest = max(rows, key=lambda item: item[0])
    if newest_key != own:
        yield Hit(
            version.line,
            f"Version {quote(version.value)} differs from the newest change-log entry "
            f"{quote(newest.version)} (line {newest.line})",
            "Update the Version, or add a change-log row for it",
        )


RULES = (
    incomplete_requirement,
    bad_priority,
    duplicate_ids,
    missing_nfr_categories,
    bad_risk_level,
    list_requirement_priority,
    implemented_unchecked,
    version_vs_changelog,
)
