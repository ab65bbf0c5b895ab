"""Section and subsection titles in German, Spanish, French and Portuguese, with and
without the template's numbers, are the template's sections.

The clean PRD (0 findings) with its headings translated must still get 0 findings and
the same model: every section keyed, the same requirements, criteria and open questions.
"""

from __future__ import annotations

import pytest
from git_repos import prd

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

ENGLISH = (
    "## 1. Problem", "## 2. Goals / Non-goals", "### Goals",
    "### Non-Goals (explicitly out of scope for MVP)", "## 3. Users & Use Cases", "### Primary Personas",
    "### Use Cases", "## 4. Scope", "## 5. Requirements",
    "### Functional Requirements", "### Non-Functional Requirements", "## 6. UX / API / Data",
    "## 7. Risks & Mitigations", "## 8. Acceptance Criteria", "## 9. Rollout / Migration Plan",
    "## 10. IOSM Targets", "## Appendix", "### Open Questions", "### Change Log",
)  # fmt: skip
LANGUAGES = {
    "german": (
        "## Problemstellung", "## Ziele / Nicht-Ziele", "### Ziele", "### Nicht-Ziele",
        "## Nutzer und Anwendungsfälle", "### Personas", "### Anwendungsfälle", "## Umfang",
        "## Anforderungen",
        "### Funktionale Anforderungen", "### Nicht-funktionale Anforderungen", "## UX / API / Daten",
        "## Risiken und Gegenmaßnahmen", "## Abnahmekriterien", "## Einführung", "## IOSM-Ziele", "## Anhang",
        "### Offene Fragen", "### Änderungshistorie",
    ),
    "spanish": (
        "## Problema", "## Objetivos / No objetivos", "### Objetivos", "### No objetivos",
        "## Usuarios y casos de uso", "### Personas principales", "### Casos de uso", "## Alcance",
        "## Requisitos", "### Requisitos funcionales", "### Requisitos no funcionales",
        "## Diseño / API / Datos", "## Riesgos y mitigaciones", "## Criterios de aceptación",
        "## Plan de despliegue", "## Objetivos IOSM",
        "## Apéndice", "### Preguntas abiertas", "### Historial de cambios",
    ),
    "french": (
        "## 1. Problème", "## 2. Objectifs", "### Objectifs", "### Non-objectifs",
        "## 3. Utilisateurs et cas d'utilisation", "### Personas", "### Cas d'utilisation", "## 4. Périmètre",
        "## 5. Exigences", "### Exigences fonctionnelles", "### Exigences non fonctionnelles",
        "## 6. UX / API / Données", "## 7. Risques", "## 8. Critères d'acceptation", "## 9. Déploiement",
        "## 10. Objectifs IOSM", "## Annexe", "### Questions ouvertes", "### Historique des modifications",
    ),
    "portuguese": (
        "## Problema", "## Objetivos e não objetivos", "### Objetivos", "### Não objetivos",
        "## Usuários e casos de uso", "### Personas", "### Casos de uso", "## Escopo", "## Requisitos",
        "### Requisitos funcionais", "### Requisitos não funcionais", "## UX / API / Dados", "## Riscos",
        "## Critérios de aceitação", "## Implantação", "## Metas IOSM", "## Apêndice",
        "### Questões em aberto", "### Histórico de alterações",
    ),
}  # fmt: skip


def _translated(titles: tuple[str, ...]) -> str:
    text = prd("Sprachen", "languages")
    for english, other in zip(ENGLISH, titles, strict=True):
        assert english + "\n" in text
        text = text.replace(english + "\n", other + "\n", 1)
    return text


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_translated_titles_are_the_template_sections(language: str) -> None:
    english_text = prd("Sprachen", "languages")
    english = parse_prd(english_text, "x.md")
    text = _translated(LANGUAGES[language])
    page = parse_prd(text, "x.md")
    assert [f"{f.rule} {f.message}" for f in check_page(page, text, Settings())] == []
    assert [s.key for s in page.sections] == [s.key for s in english.sections]
    assert [(r.id, r.level) for r in page.functional] == [(r.id, r.level) for r in english.functional]
    assert len(page.non_functional) == len(english.non_functional) > 0
    assert len(page.criteria) == len(english.criteria)
    assert len(page.open_questions) == len(english.open_questions) == 1
    assert len(page.goals) == len(english.goals) and len(page.non_goals) == len(english.non_goals)


def test_an_unknown_language_still_falls_back_to_numbers_only() -> None:
    """Words of no listed language are matched by their template numbers, as before."""
    text = _translated(tuple(t.replace("1. Problem", "1. Ongelma") for t in ENGLISH))
    page = parse_prd(text, "x.md")
    assert page.sections[0].key == "problem"


@pytest.mark.parametrize(
    "names",
    [
        ("Leistung", "Sicherheit", "Zuverlässigkeit", "Skalierbarkeit", "Wartbarkeit"),
        ("Rendimiento", "Seguridad", "Disponibilidad", "Escalabilidad", "Mantenibilidad"),
    ],
)
def test_nfr_categories_named_in_the_page_language(names: tuple[str, ...]) -> None:
    """PRD304 reads an NFR's category in the page's language (``**NFR-1: Leistung**``)."""
    text = _translated(LANGUAGES["german"])
    for english, other in zip(
        ("Performance", "Security", "Reliability", "Scalability", "Maintainability"), names, strict=True
    ):
        text = text.replace(f": {english}**", f": {other}**", 1)
    page = parse_prd(text, "x.md")
    assert [r.name for r in page.non_functional] == list(names)
    assert check_page(page, text, Settings()) == []
    # A category really missing is still reported.
    gone = text.replace(f"**NFR-4: {names[3]}**", "**NFR-4: Kosten**")
    rules = [f.message for f in check_page(parse_prd(gone, "x.md"), gone, Settings())]
    assert rules == ["Non-functional requirements do not cover Scalability"]
