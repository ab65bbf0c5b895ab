"""The language a PRD's section titles are written in, and the template's titles in it, so a
hint asks for a missing section or subsection in the page's own words (``## Anhang`` on a
German page, not ``## Appendix``).  Every title here is one the parser reads as its section or
part (tests/test_hint_languages.py holds them to it)."""

from __future__ import annotations

from collections import Counter

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.parse.sections import normalise_title, split_number

__all__ = ["LOCAL_PARTS", "LOCAL_SECTIONS", "page_language"]

LOCAL_SECTIONS: dict[str, dict[str, str]] = {
    "de": {
        "problem": "Problem", "goals": "Ziele / Nicht-Ziele", "users": "Nutzer und Anwendungsfälle",
        "scope": "Umfang", "requirements": "Anforderungen", "ux": "UX / API / Daten",
        "risks": "Risiken und Gegenmaßnahmen", "acceptance": "Abnahmekriterien",
        "rollout": "Rollout / Migrationsplan", "iosm": "IOSM-Ziele", "appendix": "Anhang",
    },
    "es": {
        "problem": "Problema", "goals": "Objetivos / No objetivos", "users": "Usuarios y casos de uso",
        "scope": "Alcance", "requirements": "Requisitos", "ux": "UX / API / Datos",
        "risks": "Riesgos y mitigaciones", "acceptance": "Criterios de aceptación",
        "rollout": "Plan de despliegue / migración", "iosm": "Objetivos IOSM", "appendix": "Apéndice",
    },
    "fr": {
        "problem": "Problème", "goals": "Objectifs / Non-objectifs",
        "users": "Utilisateurs et cas d’utilisation", "scope": "Périmètre", "requirements": "Exigences",
        "ux": "UX / API / Données", "risks": "Risques et atténuations",
        "acceptance": "Critères d’acceptation", "rollout": "Plan de déploiement / migration",
        "iosm": "Objectifs IOSM", "appendix": "Annexe",
    },
    "pt": {
        "problem": "Problema", "goals": "Objetivos / Não objetivos", "users": "Usuários e casos de uso",
        "scope": "Escopo", "requirements": "Requisitos", "ux": "UX / API / Dados",
        "risks": "Riscos e mitigações", "acceptance": "Critérios de aceitação",
        "rollout": "Plano de implantação / migração", "iosm": "Metas IOSM", "appendix": "Apêndice",
    },
}  # fmt: skip
"""The template's section titles (without their numbers) in German, Spanish, French and Portuguese."""

LOCAL_PARTS: dict[str, dict[str, str]] = {
    "de": {
        "Goals": "Ziele", "Non-Goals": "Nicht-Ziele", "Primary Personas": "Personas",
        "Use Cases": "Anwendungsfälle", "Functional Requirements": "Funktionale Anforderungen",
        "Non-Functional Requirements": "Nicht-funktionale Anforderungen",
    },
    "es": {
        "Goals": "Objetivos", "Non-Goals": "No objetivos", "Primary Personas": "Personas",
        "Use Cases": "Casos de uso", "Functional Requirements": "Requisitos funcionales",
        "Non-Functional Requirements": "Requisitos no funcionales",
    },
    "fr": {
        "Goals": "Objectifs", "Non-Goals": "Non-objectifs", "Primary Personas": "Personas",
        "Use Cases": "Cas d’utilisation", "Functional Requirements": "Exigences fonctionnelles",
        "Non-Functional Requirements": "Exigences non fonctionnelles",
    },
    "pt": {
        "Goals": "Objetivos", "Non-Goals": "Não objetivos", "Primary Personas": "Personas",
        "Use Cases": "Casos de uso", "Functional Requirements": "Requisitos funcionais",
        "Non-Functional Requirements": "Requisitos não funcionais",
    },
}  # fmt: skip
"""The parts PRD204 asks for, in the same languages."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Title words only one of the languages uses (normalised as titles are), to tell them apart:
# "Requisitos" and "Objetivos" are Spanish and Portuguese alike, "Problema" too.
_MARKS: dict[str, frozenset[str]] = {
    "en": _words(
        "problem goals users use cases scope requirements risks mitigations acceptance criteria rollout "
        "migration appendix functional data targets background"
    ),
    "de": _words(
        "anforderungen ziele nutzer umfang risiken abnahmekriterien anhang problemstellung "
        "anwendungsfälle benutzer anwender daten funktionale migrationsplan gegenmaßnahmen "
        "hintergrund ausgangslage akzeptanzkriterien einführung nicht"
    ),
    "es": _words(
        "usuarios alcance riesgos apéndice aceptación datos despliegue mitigaciones funcionales "
        "criterios antecedentes requerimientos migración lanzamiento"
    ),
    "fr": _words(
        "exigences objectifs utilisateurs périmètre risques annexe acceptation données problème "
        "déploiement atténuations fonctionnelles contexte critères"
    ),
    "pt": _words(
        "usuários escopo riscos apêndice aceitação dados implantação mitigações funcionais "
        "critérios metas migração âmbito utilizadores"
    ),
}


def page_language(prd: Prd) -> str:
    """``de``, ``es``, ``fr`` or ``pt`` when more of the page's section titles are in that
    language than in any other, English included; else ``en``."""
    votes: Counter[str] = Counter()
    for section in prd.sections:
        words = set(normalise_title(split_number(section.title)[1]).split())
        for language, marks in _MARKS.items():
            if words & marks:
                votes[language] += 1
    best = max(votes.values(), default=0)
    leaders = [language for language, count in votes.items() if count == best]
    return leaders[0] if best and len(leaders) == 1 else "en"
