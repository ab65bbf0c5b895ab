"""A PRD written in German, Spanish, French or Portuguese throughout reads like the English one
(reading5): besides the section titles (test_sections_languages.py), its header labels
(``**Datum:**``, ``**Responsable:**``, ``**Estado:**``), its requirements' parts
(``- Beschreibung:``, ``- Criterios de aceptación:``, ``- Priorité:``), their MoSCoW levels
(``Muss``, ``Debería``, ``Pourrait``) and its risk levels (``Hoch``, ``Bajo``, ``Élevé``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_prd.core.parse.iosm import index_part
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BASE = parse_prd(CLEAN, "prd.md")

# (English, translated) pairs; levels: Must, Should, and the risks' H, M, L.
WORDS = {
    "german": {
        "**Version:**": "**Fassung:**", "**Date:**": "**Datum:**", "**Owner:**": "**Verantwortlich:**",
        "- Description:": "- Beschreibung:", "- Acceptance:": "- Abnahmekriterien:",
        "- Priority: Must": "- Priorität: Muss", "- Priority: Should": "- Priorität: Soll",
        "| H | M |": "| Hoch | Mittel |", "| M | M |": "| Mittel | Mittel |",
        "| M | L |": "| Mittel | Niedrig |",
        "### Expected IOSM-Index": "### Erwarteter IOSM-Index",
        "**Current baseline:**": "**Aktueller Ausgangswert:**",
        "**Target post-implementation:**": "**Ziel nach Umsetzung:**",
    },
    "spanish": {
        "**Version:**": "**Versión:**", "**Date:**": "**Fecha:**", "**Owner:**": "**Responsable:**",
        "**Status:**": "**Estado:**", "- Description:": "- Descripción:",
        "- Acceptance:": "- Criterios de aceptación:",
        "- Priority: Must": "- Prioridad: Debe", "- Priority: Should": "- Prioridad: Debería",
        "| H | M |": "| Alto | Medio |", "| M | M |": "| Media | Media |",
        "| M | L |": "| Medio | Bajo |",
        "### Expected IOSM-Index": "### Índice IOSM esperado",
        "**Current baseline:**": "**Línea base actual:**",
        "**Target post-implementation:**": "**Objetivo tras la implementación:**",
    },
    "french": {
        "**Owner:**": "**Propriétaire:**", "**Status:**": "**Statut:**",
        "- Acceptance:": "- Critères d'acceptation:",
        "- Priority: Must": "- Priorité: Doit", "- Priority: Should": "- Priorité: Devrait",
        "| H | M |": "| Élevé | Moyen |", "| M | M |": "| Moyen | Moyen |",
        "| M | L |": "| Moyen | Faible |",
        "### Expected IOSM-Index": "### Indice IOSM attendu",
        "**Current baseline:**": "**Valeur actuelle :**",
        "**Target post-implementation:**": "**Cible après mise en œuvre :**",
        "**Delta:**": "**Écart :**",
    },
    "portuguese": {
        "**Version:**": "**Versão:**", "**Date:**": "**Data:**", "**Owner:**": "**Responsável:**",
        "**Status:**": "**Situação:**", "- Description:": "- Descrição:",
        "- Acceptance:": "- Critérios de aceitação:",
        "- Priority: Must": "- Prioridade: Deve", "- Priority: Should": "- Prioridade: Deveria",
        "| H | M |": "| Alto | Médio |", "| M | M |": "| Média | Média |",
        "| M | L |": "| Médio | Baixo |",
        "### Expected IOSM-Index": "### Índice IOSM esperado",
        "**Current baseline:**": "**Linha de base atual:**",
        "**Target post-implementation:**": "**Meta pós-implementação:**",
        "**Delta:**": "**Variação:**",
    },
}  # fmt: skip


def translated(language: str) -> str:
    text = CLEAN
    for english, word in WORDS[language].items():
        assert english in text, english
        text = text.replace(english, word)
    return text


def findings(text: str) -> list[str]:
    return [f.rule for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


@pytest.mark.parametrize("language", list(WORDS))
def test_a_prd_in_another_language_reads_like_the_english_one(language: str) -> None:
    prd = parse_prd(translated(language), "prd.md")
    for key in ("version", "date", "track_id", "owner", "status"):
        assert prd.metadata.value(key) == BASE.metadata.value(key), key
    index, base = prd.iosm.index, BASE.iosm.index  # "**Ziel nach Umsetzung:** 0.86" (fresh6 item 7)
    for part in ("baseline", "target", "delta"):
        assert getattr(index, part) == getattr(base, part), part
    assert [(r.id, r.level, len(r.attributes)) for r in prd.functional] == [
        (r.id, r.level, len(r.attributes)) for r in BASE.functional
    ]
    assert findings(translated(language)) == []


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (("- Priorität: Soll", "- Priorität: Hoch"), "PRD302"),  # a risk word is no MoSCoW level
        (("| Mittel | Niedrig |", "| Sehr hoch | Niedrig |"), "PRD305"),
        (("- Abnahmekriterien: a deleted card", "- Notiz: a deleted card"), "PRD301"),
        (("**Aktueller Ausgangswert:** 0.68", "**Aktueller Ausgangswert:** 0.58"), "PRD503"),
        # A target under a label that is not read: the delta says there is one (was silence).
        (("**Ziel nach Umsetzung:** 0.86", "**Nach dem Projekt:** 0.86"), "PRD503"),
        (("**Ziel nach Umsetzung:** 0.86", "**Ziel nach Umsetzung:** 0.96"), "PRD503"),
    ],
)
def test_a_defect_in_another_language_is_still_reported(change: tuple[str, str], rule: str) -> None:
    text = translated("german")
    assert change[0] in text
    assert findings(text.replace(*change)) == [rule]


def test_translated_levels_are_read_only_in_a_priority_field() -> None:
    """``Kann`` names a level only as a Priority's value: a list requirement's remark
    ``(kann warten)`` gives it no priority."""
    text = CLEAN.replace(
        "### Non-Functional Requirements", "- FR-4: Export (kann warten)\n\n### Non-Functional Requirements"
    )
    fr4 = parse_prd(text, "prd.md").functional[3]
    assert (fr4.id, fr4.level) == ("FR-4", None)


TABLE_FORM = (
    Path(__file__).parent / "golden" / "rules" / "cases" / "silent-iosm-table-form" / "prd.md"
).read_text(encoding="utf-8")
GATE_HEADER = "| Gate | Baseline | Target | Expected Δ |"


@pytest.mark.parametrize(
    "header",
    [
        "| Gate | Ausgangswert | Ziel | Erwartetes Δ |",
        "| Gate | Línea base | Objetivo | Δ esperado |",
        "| Gate | Valeur actuelle | Cible | Écart |",
        "| Gate | Linha de base | Meta | Variação |",
    ],
)
def test_a_gate_table_headed_in_another_language_reads_like_the_english_one(header: str) -> None:
    """The gate table's columns are named with the IOSM-Index words too (was: no target read)."""
    english = parse_prd(TABLE_FORM, "prd.md").iosm
    text = TABLE_FORM.replace(GATE_HEADER, header, 1)
    iosm = parse_prd(text, "prd.md").iosm
    assert iosm.targets == english.targets and iosm.understood == english.understood
    first = iosm.targets[0]
    assert (first.gate, first.raw, first.baseline, first.delta) == ("I", "≥0.80", "0.72", "+0.08")
    assert findings(text) == []


@pytest.mark.parametrize(
    ("label", "part"),
    [
        ("Aktueller Ausgangswert", "baseline"),
        ("Ziel nach Umsetzung", "target"),
        ("Línea base actual", "baseline"),
        ("Objetivo tras la implementación", "target"),
        ("Valeur actuelle", "baseline"),
        ("Écart", "delta"),
        ("Meta pós-implementação", "target"),
        ("Expected Δ", "delta"),
        ("IOSM-Index target", "target"),
        # Words that only look like them: a gate's metric stays a metric.
        ("Metadata coverage", None),
        ("Metric", None),
        ("Reference architecture", None),
        ("Alvorada", None),
    ],
)
def test_index_labels_are_read_by_whole_words_or_stems(label: str, part: str | None) -> None:
    assert index_part(label) == part


@pytest.mark.parametrize(
    "acceptance",
    ["- Critères d\u2019acceptation :", "- **Critères d\u2019acceptation :**", "- critères d’Acceptation:"],
)
def test_a_typographic_apostrophe_in_a_parts_name(acceptance: str) -> None:
    """French typography writes ``d’acceptation`` (U+2019) and a blank before the colon."""
    text = translated("french").replace("- Critères d'acceptation:", acceptance)
    assert acceptance in text
    assert findings(text) == []


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_a_french_colon_outside_the_bold_label(space: str) -> None:
    """French typography puts a (no-break) space before the colon, also after a bold label:
    ``**Cible après mise en œuvre** : 0,86`` reads as ``**Cible après mise en œuvre:** 0,86``,
    in the header and in section 10 (was: not a label, so the target was silently missing)."""
    french = translated("french")
    spaced = re.sub(r"\*\*([^*\n]+?):\*\*", lambda m: f"**{m.group(1)}**{space}:", french)
    assert spaced != french and ":**" not in spaced
    prd = parse_prd(spaced, "prd.md")
    for key in ("version", "date", "track_id", "owner", "status"):
        assert prd.metadata.value(key) == BASE.metadata.value(key), key
    index, base = prd.iosm.index, BASE.iosm.index
    for part in ("baseline", "target", "delta"):
        assert getattr(index, part) == getattr(base, part), part
    assert findings(spaced) == findings(french) == []


METRIC_TABLE = """| Gate | Metric | Target |
|---|---|---|
| Gate-I | Semantic clarity | ≥0.95 |
| Gate-O | P95 latency | ≤120ms |
| Gate-S | API surface | ≤4 endpoints |
| Gate-M | Change surface | ≤20% |

"""


@pytest.mark.parametrize(
    "header",
    [
        "| Gate | Metrik | Ziel |",
        "| Gate | Kennzahl | Zielwert |",
        "| Gate | Métrica | Objetivo |",
        "| Gate | Métrique | Cible |",
        "| Gate | Métrica | Meta |",
        "| Gate | Indicador | Meta |",
        "| Gate | KPI | Target |",
    ],
)
def test_a_gate_tables_metric_column_named_in_another_language(header: str) -> None:
    """A ``| Gate | Métrica | Meta |`` table lists each gate's metrics as the English one does
    (was: every metric read as the gate's name, ``Gate-I``)."""
    start, end = CLEAN.index("### Gate-I (Improve) Targets"), CLEAN.index("### Expected IOSM-Index")
    english = CLEAN[:start] + METRIC_TABLE + CLEAN[end:]
    text = english.replace("| Gate | Metric | Target |", header)
    expected = [(t.gate, t.metric, t.raw) for t in parse_prd(english, "prd.md").iosm.targets]
    assert expected[0] == ("I", "Semantic clarity", "≥0.95")
    assert [(t.gate, t.metric, t.raw) for t in parse_prd(text, "prd.md").iosm.targets] == expected
    assert findings(text) == findings(english)


@pytest.mark.parametrize(
    "title",
    [
        "Perguntas em aberto",
        "Perguntas abertas",
        "Questões abertas",
        "Offene Punkte",
        "Preguntas pendientes",
        "Cuestiones abiertas",
        "Questions en suspens",
    ],
)
def test_open_questions_titled_in_another_language(title: str) -> None:
    """The card counts the open questions under their title in the page's language (was: none)."""
    text = CLEAN.replace("### Open Questions", f"### {title}")
    assert len(parse_prd(text, "prd.md").open_questions) == len(BASE.open_questions) > 0
    assert findings(text) == []


RISK_HEADER = "| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |"
RISK_ROW = "| Vault API latency at peak | H | M |"


@pytest.mark.parametrize(
    ("header", "levels"),
    [
        ("| Riesgo | Impacto (A/M/B) | Probabilidad (A/M/B) | Mitigación |", ("A", "B")),
        ("| Risco | Impacto (A/M/B) | Probabilidade (A/M/B) | Mitigação |", ("a", "b")),
        ("| Risiko | Auswirkung (H/M/N) | Wahrscheinlichkeit (H/M/N) | Maßnahme |", ("H", "N")),
        ("| Risiko | Auswirkung (H/M/G) | Wahrscheinlichkeit (H/M/G) | Maßnahme |", ("M", "G")),
        ("| Risque | Impact (É/M/F) | Probabilité (É/M/F) | Atténuation |", ("É", "F")),
        ("| Risk | Impact (High/Med/Low) | Probability (High/Med/Low) | Mitigation |", ("High", "Low")),
    ],
)
def test_translated_one_letter_risk_levels_the_header_declares(header: str, levels: tuple[str, str]) -> None:
    """``Impacto (A/M/B)`` over ``| A | M |``: the levels the header declares are levels, as the
    template's ``(H/M/L)`` declares H, M and L (fresh7 item 12: a false PRD305 on every row)."""
    assert RISK_HEADER in CLEAN and RISK_ROW in CLEAN
    text = CLEAN.replace(RISK_HEADER, header).replace(
        RISK_ROW, f"| Vault API latency at peak | {levels[0]} | {levels[1]} |"
    )
    assert findings(text) == []


@pytest.mark.parametrize(
    ("header", "level", "hint"),
    [
        ("| Riesgo | Impacto (A/M/B) | Probabilidad (A/M/B) | Mitigación |", "C", "Write A, M or B"),
        ("| Riesgo | Impacto | Probabilidad | Mitigación |", "A", "Write H, M or L"),  # none declared
        (RISK_HEADER, "A", "Write H, M or L"),
    ],
)
def test_a_level_the_header_does_not_declare_is_still_reported(header: str, level: str, hint: str) -> None:
    text = CLEAN.replace(RISK_HEADER, header).replace(
        RISK_ROW, f"| Vault API latency at peak | {level} | M |"
    )
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD305"]
    assert len(found) == 1 and (found[0].hint or "").startswith(hint)


# drift10: a hint names a requirement's part as the page does, not in the template's English.
@pytest.mark.parametrize(
    ("language", "part", "label"),
    [
        ("german", "- Priorität: Muss\n", "Priorität"),
        ("spanish", "- Prioridad: Debe\n", "Prioridad"),
        ("french", "- Priorité: Doit\n", "Priorité"),
        ("portuguese", "- Prioridade: Deve\n", "Prioridade"),
        (
            "german",
            "- Abnahmekriterien: a deleted card no longer appears and its vault token is revoked\n",
            "Abnahmekriterien",
        ),
        ("spanish", "- Descripción: the payment step offers saved cards first\n", "Descripción"),
    ],
)
def test_a_missing_part_is_asked_for_in_the_pages_words(language: str, part: str, label: str) -> None:
    text = translated(language)
    assert part in text, part
    text = text.replace(part, "", 1)
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD301"]
    assert len(found) == 1 and found[0].hint == f"Add `- {label}: …` below it", found


@pytest.mark.parametrize(
    ("language", "label"),
    [("german", "Priorität"), ("spanish", "Prioridad"), ("french", "Priorité"), ("portuguese", "Prioridade")],
)
def test_a_part_no_requirement_names_is_asked_for_in_the_pages_language(language: str, label: str) -> None:
    """No requirement of the page has a priority: the language of its other parts names it."""
    text = re.sub(r"^- Priori\w+: .*\n", "", translated(language), flags=re.MULTILINE)
    hints = {f.hint for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD301"}
    assert hints == {f"Add `- {label}: …` below it"}, hints


def test_an_english_page_is_asked_in_the_templates_words() -> None:
    text = CLEAN.replace("- Priority: Should\n", "", 1)
    hints = [f.hint for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD301"]
    assert hints == ["Add `- Priority: …` below it"]
