"""Translated labels: a German site shows no English word of the plugin.

The site holds German PRDs (metadata in front matter, so no English header words
in the documents).  It is built three times: with the plugin off (the documents'
own words), with the English defaults, and with every label translated.  Each
English label text may appear in the translated build no more often than the
documents themselves contain it, and the English build must show it more often
(so the comparison can fail).  Finding messages are rule texts, not labels, and
are left out of the comparison.
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from mkdocs_prd.core.labels import DEFAULT_LABELS

BIN = Path(sys.executable).parent

GERMAN: dict[str, str] = {
    "track_id": "Vorgangsnummer",
    "owner": "Verantwortlich",
    "version": "Fassung",
    "date": "Datum",
    "status": "Stand",
    "criteria_met": "{checked} von {total} Kriterien erfüllt",
    "no_criteria": "Keine Abnahmekriterien",
    "criteria_count": "{total} Abnahmekriterien",
    "requirements_by_priority": "Funktionale Anforderungen",
    "open_questions": "Offene Fragen",
    "iosm_index_target": "Ziel-IOSM-Kennzahl",
    "history_since": "{status} seit {date}",
    "history_last_change": "Zuletzt geändert am {date} von {author}",
    "history_timeline": "Statusverlauf",
    "priority_must": "Muss",
    "priority_should": "Soll",
    "priority_could": "Kann",
    "priority_wont": "Nicht jetzt",
    "band_excellent": "Hervorragend",
    "band_good": "Gut",
    "band_acceptable": "Ausreichend",
    "band_needs_work": "Verbesserungsbedürftig",
    "band_poor": "Mangelhaft",
    "encoding_notice": "Die Datei dieser Seite ist nicht UTF-8 ({detail}). Die Website zeigt eine dekodierte "
    "Kopie, nicht lesbare Zeichen als \ufffd. Speichern Sie die Datei als UTF-8.",
    "encoding_saved_as": "sie ist als {encoding} gespeichert",
    "encoding_bad_byte": "das erste nicht lesbare Byte steht in Zeile {line}",
    "findings_title": "Befunde",
    "line": "Zeile",
    "hint": "Abhilfe:",
    "iosm_index_achieved": "Erreicht",
    "chart_status_title": "Verteilung nach Stand",
    "chart_iosm_title": "IOSM-Kennzahl: Ziel und erreicht",
    "chart_iosm_note": "{shown} von {total} PRDs mit IOSM-Kennzahl gezeichnet, niedrigste zuerst",
    "chart_target": "Ziel",
    "chart_actual": "Erreicht",
    "chart_actual_met": "Erreicht, Ziel erfüllt",
    "chart_actual_not_met": "Erreicht, unter dem Ziel",
    "chart_threshold": "Schwelle",
    "chart_data": "Diagrammdaten als Tabelle",
    "chart_count": "Anzahl",
    "chart_scope": "Die Diagramme zeigen alle {total} PRDs; die Auswahl gilt nur für die Tabelle.",
    "lines": "Zeilen",
    "finding_count": "{count}-mal",
    "finding_count_differ": "{count} verschiedene Meldungen",
    "lines_more": "… und {count} weitere",
    "lines_all": "Alle {count} Zeilen",
    "severity_error": "Fehler",
    "severity_warning": "Warnung",
    "severity_info": "Hinweis",
    "status_aria": "Stand: {status}",
    "status_missing": "Ohne Stand",
    "priority_aria": "Priorität: {priority}",
    "priority_other": "Sonstige",
    "not_stated": "nicht angegeben",
    "iosm_table_caption": "IOSM-Ziele",
    "gate": "Stufe",
    "gate_title": "Stufe {gate} ({name})",
    "gate_i": "Verbessern",
    "gate_o": "Optimieren",
    "gate_s": "Verschlanken",
    "gate_m": "Modularisieren",
    "gate_score": "Stufenwert",
    "metric": "Kennzahl",
    "baseline": "Ausgangswert",
    "target": "Zielwert",
    "expected_delta": "Erwartete Änderung",
    "actual": "Istwert",
    "result": "Ergebnis",
    "op_stable": "gleichbleibend",
    "op_reduced_by": "verringert um",
    "mark_met": "Erreicht",
    "mark_not_met": "Verfehlt",
    "mark_unknown": "Offen",
    "iosm_expected_index": "Erwartete IOSM-Kennzahl",
    "iosm_baseline": "Ausgangswert",
    "iosm_target": "Zielwert",
    "iosm_delta": "Differenz",
    "delta_computed": "berechnet",
    "rating": "Einstufung",
    "target_band": "Zielstufe",
    "achieved_band": "Erreichte Stufe",
    "iosm_actual": "Istwert",
    "index_title": "Anforderungsverzeichnis",
    "col_title": "Titel",
    "col_track_id": "Vorgangsnummer",
    "col_status": "Stand",
    "col_owner": "Verantwortlich",
    "col_version": "Fassung",
    "col_date": "Datum",
    "col_iosm": "IOSM-Kennzahl",
    "col_acceptance": "Abnahme",
    "col_requirements": "Anforderungen",
    "col_findings": "Befunde (Fehler / Warnungen)",
    "col_site": "Auftritt",
    "col_approved_on": "Freigegeben am",
    "index_by_status": "PRDs je Stand",
    "index_findings_total": "Befunde: Fehler {error}, Warnungen {warning}, Hinweise {info}",
    "index_iosm_met": "{met} von {total} PRDs haben die IOSM-Schwelle ({threshold}) erreicht",
    "index_iosm_no_actual": "{count} noch ohne erreichten Wert",
    "index_iosm_targets": (
        "Noch kein erreichter IOSM-Index; {met} von {total} zielen auf die Schwelle ({threshold}) oder mehr"
    ),
    "index_shown": "{shown} von {total} PRDs angezeigt",
    "index_filter": "Auswahl",
    "index_sort_by": "Sortieren nach",
    "index_all": "Alle",
    "index_no_status": "Ohne Stand",
    "index_no_owner": "Ohne Verantwortliche",
    "index_iosm_actual": "Istwert {actual}",
    "index_acceptance": "{checked} von {total}",
    "index_requirements": "Muss {must} · Soll {should} · Kann {could}",
    "index_empty": "Keine passenden PRDs.",
    "index_none": 'Noch keine PRDs: `mkdocs-prd new "Titel"` legt eines an.',
    "index_table": "PRD-Tabelle",
    "verified_by_priority": "Durch Tests belegt",
    "verified_count": "{priority} {verified} von {total} belegt",
    "col_verified": "Belegt",
    "index_verified": "{verified} von {total}",
    "trace_title": "Rückverfolgbarkeit",
    "trace_requirement": "Anforderung",
    "trace_referenced_by": "Referenziert von",
    "trace_code": "Quelltext",
    "trace_tests": "Tests",
    "trace_state": "Belegt",
    "trace_state_verified": "belegt",
    "trace_state_failing": "fehlschlagend",
    "trace_state_untested": "ohne Test",
    "trace_state_skipped": "nur übersprungen",
    "trace_outcome_passed": "bestanden",
    "trace_outcome_failed": "fehlgeschlagen",
    "trace_outcome_skipped": "übersprungen",
    "trace_matrix_title": "Rückverfolgbarkeitsmatrix",
    "trace_col_prd": "PRD",
    "trace_col_id": "Kennung",
    "trace_col_name": "Name",
    "trace_col_priority": "Priorität",
    "trace_col_status": "Status",
    "trace_priority": "Priorität",
    "trace_coverage": "Abdeckung",
    "trace_coverage_line": "{priority}: {verified} von {total} belegt ({percent} %)",
    "trace_shown": "{shown} von {total} Anforderungen angezeigt",
    "trace_empty": "Noch keine Anforderungen mit Kennung.",
}

STATUSES = ["Entwurf", "Prüfung", "Freigegeben", "Umgesetzt"]


def german_prd(title: str, track: str, status: str, iosm: str, checked: bool) -> str:
    # Priorities are written in lower case: a badge shows the author's value as written,
    # and "must" cannot be mistaken for the English label "Must" in the comparison.
    box = "[x]" if checked else "[ ]"
    return f"""---
version: "2.1"
date: 2026-05-04
track_id: {track}
owner: Jana Schulz / Zahlungsverkehr
status: {status}
---

# PRD: {title}

## 1. Problem

**Current state:**
Rückerstattungen werden von Hand im Portal des Zahlungsdienstleisters erfasst.

**Impact:**
Der Kundendienst braucht dafür rund 190 Stunden pro Woche.

**Why now:**
Das Portal wird im dritten Quartal abgeschaltet.

## 2. Goals / Non-goals

### Goals
1. Bearbeitungszeit je Erstattung unter einer Minute.

### Non-Goals (explicitly out of scope for MVP)
- Erstattungen per Überweisung.

## 3. Users & Use Cases

### Primary Personas
1. **Kundendienst**
   - Role: bearbeitet Anfragen von Kundinnen und Kunden.
   - Pain point: kopiert Daten zwischen drei Werkzeugen.
   - Value: ein Knopf am Auftrag.

### Use Cases
1. **UC-1: Vollständige Erstattung**
   - Actor: Kundendienst
   - Trigger: ein Auftrag wird storniert.
   - Flow: Auftrag öffnen, erstatten, bestätigen.
   - Outcome: der Auftrag zeigt die Erstattung.

## 4. Scope

### MVP (Must-Have)
- Voll- und Teilerstattungen aus der Auftragsansicht.

### V1.1 (Should-Have)
- Sammelerstattungen.

### Future (Could-Have)
- Erstattungen auf Guthabenkonten.

## 5. Requirements

### Functional Requirements

**FR-1: Erstattung auslösen**
- Description: Erstattung aus der Auftragsansicht.
- Acceptance: erscheint in der Testumgebung des Dienstleisters.
- Priority: must

**FR-2: Sammelerstattung**
- Description: bis zu 500 Aufträge auf einmal.
- Acceptance: 500 Aufträge in unter zehn Minuten.
- Priority: should

### Non-Functional Requirements

**NFR-1: Performance**
- Latency: P95 unter 800 ms.

**NFR-2: Security**
- Authentication: Anmeldung über das Firmenkonto.

**NFR-3: Reliability**
- Availability: 99,9 %.

**NFR-4: Scalability**
- User growth: 150 bis 400 Beschäftigte.

**NFR-5: Maintainability**
- Code quality: Testabdeckung mindestens 85 %.

## 6. UX / API / Data

### User Experience (if applicable)
- **UI mockups:** Seitenleiste in der Auftragsansicht.

## 7. Risks & Mitigations

| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |
|------|----------------|---------------------|------------|
| Doppelte Rückmeldungen | M | H | Idempotente Verarbeitung |

## 8. Acceptance Criteria

### Functional Acceptance
- {box} FR-1 in der Testumgebung geprüft
- {box} FR-2 mit 500 Aufträgen geprüft

## 9. Rollout / Migration Plan

### Deployment Strategy
- **Approach:** schrittweise
- **Phases:**
  1. Zehn Beschäftigte.
  2. Alle.

### Rollback Plan
- **Trigger:** Fehlerquote über 5 %.
- **Steps:**
  1. Schalter ausschalten.

## 10. IOSM Targets

{iosm}

## Appendix

### References
- [Schnittstelle des Dienstleisters](https://developer.example.com/refunds)

### Open Questions
- Braucht es ab 2.000 EUR eine zweite Freigabe?

### Change Log
| Version | Date | Author | Changes |
|---------|------|--------|---------|
| 2.1 | 2026-05-04 | Jana Schulz | Erste Fassung |
"""


IOSM_LIST = """### Gate-I (Improve) Targets
- Semantic clarity: ≥0.95
- Code duplication: ≤5%

### Gate-O (Optimize) Targets
- P95 latency: ≤800ms

### Gate-S (Shrink) Targets
- API surface: ≤3 endpoints
- Dependency count: Stable

### Gate-M (Modularize) Targets
- Coupling: Low

### Expected IOSM-Index
**Current baseline:** 0.64
**Target post-implementation:** 0.84
**Delta:** +0.20"""

IOSM_TABLE = """| Gate | Baseline | Target | Expected Δ |
|------|----------|--------|------------|
| **Gate-I** | 0.71 | ≥0.85 | +0.14 |
| **Gate-O** | 0.68 | ≥0.80 | +0.12 |
| **Gate-S** | 0.75 | ≥0.80 | +0.05 |
| **Gate-M** | 0.70 | ≥0.80 | +0.10 |

**IOSM-Index target:** ≥0.80"""

IOSM_REPORT = """# IOSM-Bericht

**Baseline Index:** 0.64
**Final Index:** 0.86

| Gate | Target | Baseline | Final | Status | Δ |
|------|--------|----------|-------|--------|---|
| **Gate-I** | ≥0.75 | 0.66 | 0.88 | ✅ Pass | +0.22 |
| **Gate-O** | ≥0.70 | 0.60 | 0.84 | ✅ Pass | +0.24 |
| **Gate-S** | ≥0.70 | 0.65 | 0.86 | ✅ Pass | +0.21 |
| **Gate-M** | ≥0.70 | 0.65 | 0.86 | ✅ Pass | +0.21 |
"""


def write_site(root: Path, plugin: dict[str, object]) -> Path:
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    (docs / "tracks" / "erstattungen").mkdir(parents=True)
    (docs / "index.md").write_text("# Anforderungen\n\nStartseite.\n", encoding="utf-8")
    (docs / "tracks" / "erstattungen" / "PRD.md").write_text(
        german_prd("Automatische Erstattungen", "zv-0042", "Umgesetzt", IOSM_LIST, checked=True),
        encoding="utf-8",
    )
    (docs / "tracks" / "erstattungen" / "iosm_report.md").write_text(IOSM_REPORT, encoding="utf-8")
    # One PRD with a finding (an unchecked criterion is fine, a bad priority is not).
    broken = german_prd("Fehlertolerante Suche", "su-0007", "Prüfung", IOSM_TABLE, checked=False)
    (docs / "prds" / "suche.md").write_text(
        broken.replace("Priority: should", "Priority: Dringend"), encoding="utf-8"
    )
    config = {
        "site_name": "Anforderungen",
        "theme": {"name": "material", "language": "de"},
        "markdown_extensions": ["tables", "attr_list"],
        "plugins": [
            "search",
            {"prd": {"statuses": STATUSES, "show_findings": "always", **plugin}},
        ],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "-f", str(config), "-d", str(config.parent / "site")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


class _Text(HTMLParser):
    """Text and attribute values of an HTML fragment, as one string per piece."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Paths and keys are no words: href, src, data-prd-key (a PRD's src_path).
        skip = ("class", "id", "href", "src", "data-prd-key")
        self.pieces.extend(v for k, v in attrs if v and k not in skip)

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# Finding messages and hints are rule texts (English by design), not labels.
RULE_TEXT = re.compile(r'<span class="prd-finding__(?:message|hint)">.*?</span>', re.S)


def page_text(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    article = ARTICLE.search(html)
    assert article, page
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    parser = _Text()
    parser.feed(RULE_TEXT.sub("", article.group(1)) + (title.group(1) if title else ""))
    return "\n".join(parser.pieces)


def english_chunks() -> set[str]:
    """The literal parts of every English default label (placeholders removed)."""
    chunks = set()
    for text in DEFAULT_LABELS.values():
        for literal, *_ in string.Formatter().parse(text):
            for part in re.split(r"[()·:/,.]", literal):
                if len(part.strip()) >= 3:
                    chunks.add(part.strip())
    return chunks


def count(chunk: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(chunk)}(?![\w-])", text))


PAGES = ("tracks/erstattungen/PRD/index.html", "prds/suche/index.html")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for name, plugin in (("plain", {"enabled": False}), ("english", {}), ("german", {"labels": GERMAN})):
        config = write_site(tmp_path_factory.mktemp(name), plugin)
        result = build(config)
        assert result.returncode == 0, result.stderr
        sites[name] = config.parent / "site"
    return sites


def test_every_label_key_has_a_german_translation() -> None:
    # A new label key needs a translation here, or the test below cannot vouch for it.
    assert set(GERMAN) == set(DEFAULT_LABELS)


def test_no_english_label_on_translated_prd_pages(builds: dict[str, Path]) -> None:
    chunks = english_chunks()
    added_in_english = 0
    for page in PAGES:
        plain, english, german = (page_text(builds[k], page) for k in ("plain", "english", "german"))
        left = {c: count(c, german) for c in chunks if count(c, german) > count(c, plain)}
        assert not left, f"{page}: English label text on the translated page: {left}"
        added_in_english += sum(count(c, english) - count(c, plain) for c in chunks)
    # The comparison has teeth: the same pages in English show many label words.
    assert added_in_english >= 20


def test_translated_words_are_shown(builds: dict[str, Path]) -> None:
    text = page_text(builds["german"], PAGES[0])
    for word in (
        "Vorgangsnummer",
        "Verantwortlich",
        "2 von 2 Kriterien erfüllt",
        "Ziel-IOSM-Kennzahl",
        "Istwert",
    ):
        assert word in text
    findings = page_text(builds["german"], PAGES[1])
    assert "Befunde" in findings and "Zeile" in findings and "Fehler" in findings


def test_no_english_label_on_the_translated_index(builds: dict[str, Path]) -> None:
    german = page_text(builds["german"], "prds/index.html")
    english = page_text(builds["english"], "prds/index.html")
    chunks = english_chunks()
    # The index is all plugin output: apart from document values, no English at all.
    left = {c: count(c, german) for c in chunks if count(c, german)}
    assert not left, left
    assert sum(count(c, english) for c in chunks) >= 10
    assert "Anforderungsverzeichnis" in german


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"ownr": "Verantwortlich"}, "Unknown label key 'ownr'; did you mean 'owner'?"),
        ({"xyz_unheard_of": "x"}, "Unknown label key 'xyz_unheard_of'"),
        ({"criteria_met": "{done} von {total}"}, "Label 'criteria_met' uses {done}"),
        ({"owner": 3}, "Label 'owner': expected text"),
        # A format would be applied to every card: {checked:>99999999999} stopped the build
        # with a MemoryError, {checked:>300000000} wrote 300 MB of blanks per PRD page.
        ({"criteria_met": "{checked:>99999999999} of {total}"}, "writes {checked:>99999999999}"),
        ({"index_shown": "{shown!r} / {total}"}, "writes {shown!r}: a placeholder takes no"),
        ({"criteria_met": "{checked von {total}"}, "Label 'criteria_met' cannot be read"),
    ],
)
def test_bad_labels_are_config_errors(tmp_path: Path, labels: dict[str, object], message: str) -> None:
    config = write_site(tmp_path, {"labels": labels})
    result = build(config)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    lint = subprocess.run(
        [str(BIN / "mkdocs-prd"), "lint", "-f", str(config)], capture_output=True, text=True, timeout=120
    )
    assert lint.returncode == 2
    assert message in lint.stderr
