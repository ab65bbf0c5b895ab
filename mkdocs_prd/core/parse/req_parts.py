"""The parts of a requirement: what its bullets and label lines are called.

``- Description: …``, ``- AC: …``, ``**Acceptance:** …``: PRDs name a requirement's parts
in many ways.  The rules (PRD301) ask for the Description and Acceptance parts by these
names; the parser lets a bold label line with one of :data:`REQUIREMENT_LABELS` belong to
the requirement above it instead of starting a new one.
"""

from __future__ import annotations

PRIORITY_NAMES: frozenset[str] = frozenset(
    {"priority", "priorität", "prioridad", "priorité", "prioridade"}
    | {"prio", "moscow", "moscow priority", "priority (moscow)", "priority level"}
)
"""What a requirement's priority bullet may be called (case-folded): ``- Priority: Must``,
``- Priorität: Muss``, ``- Prioridad: Debe``, and as a requirement table's column may be
(``- Prio: Must``, ``- MoSCoW: Must``)."""

ATTRIBUTE_NAMES: dict[str, frozenset[str]] = {
    "Description": frozenset(
        {
            "description",
            "desc",
            "details",
            "summary",
            "user story",
            "story",
            "beschreibung",
            "descripción",
            "descripcion",
            "descrição",
            "descricao",
        }
    ),
    "Acceptance": frozenset(
        {
            "acceptance",
            "acceptance criteria",
            "acceptance criterion",
            "acceptance test",
            "acceptance tests",
            "ac",
            "acs",
            "verification",
            "verify",
            "verified by",
            "how to verify",
            "test",
            "tests",
            "done when",
            "definition of done",
            "dod",
            "success criteria",
            # German, Spanish, French and Portuguese, singular and plural, with and
            # without accents (names are compared through part_name).
            "abnahme",
            "abnahmekriterium",
            "abnahmekriterien",
            "akzeptanz",
            "akzeptanzkriterium",
            "akzeptanzkriterien",
            "aceptación",
            "aceptacion",
            "criterio de aceptación",
            "criterios de aceptación",
            "criterio de aceptacion",
            "criterios de aceptacion",
            "acceptation",
            "critère d'acceptation",
            "critères d'acceptation",
            "critere d'acceptation",
            "criteres d'acceptation",
            "aceitação",
            "aceitacao",
            "critério de aceitação",
            "critérios de aceitação",
            "criterio de aceitacao",
            "criterios de aceitacao",
        }
    ),
}
"""What a requirement bullet may be called for each part PRD301 asks for (compared through
:func:`part_name`, emphasis ignored): ``- AC: …`` and ``- **Verification:** …`` are
the Acceptance bullet, in German, Spanish, French and Portuguese too (``- Beschreibung: …``,
``- Criterios de aceptación: …``)."""

REQUIREMENT_LABELS: frozenset[str] = frozenset().union(
    *ATTRIBUTE_NAMES.values(),
    {"rationale", "why", "notes", "note", "dependencies", "depends on", "constraints"},
    PRIORITY_NAMES,
)
"""Keys (case-folded) a bold label line under a requirement has when it is one of its parts:
``**Acceptance:** opens in Excel`` under ``#### FR-1: Export`` is FR-1's acceptance."""


# Apostrophes a name may be typed with: typographic (French ``d’acceptation``), modifier
# letter, acute accent; all read as ``'``.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ´", "'"))


def part_name(key: str) -> str:
    """A part's name as the tables here spell it: blanks (also no-break ones) collapsed,
    case folded, every apostrophe as ``'`` (``Critères d’acceptation\u202f`` ->
    ``critères d'acceptation``)."""
    return " ".join(key.split()).casefold().translate(_APOSTROPHES)
