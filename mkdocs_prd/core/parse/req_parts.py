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
            "abnahme",
            "abnahmekriterien",
            "akzeptanz",
            "akzeptanzkriterien",
            "aceptación",
            "aceptacion",
            "criterios de aceptación",
            "criterio de aceptación",
            "acceptation",
            "critères d'acceptation",
            "critère d'acceptation",
            "aceitação",
            "critérios de aceitação",
        }
    ),
}
"""What a requirement bullet may be called for each part PRD301 asks for (compared case-
insensitively, emphasis and spacing ignored): ``- AC: …`` and ``- **Verification:** …`` are
the Acceptance bullet, in German, Spanish, French and Portuguese too (``- Beschreibung: …``,
``- Criterios de aceptación: …``)."""

REQUIREMENT_LABELS: frozenset[str] = frozenset().union(
    *ATTRIBUTE_NAMES.values(),
    {"rationale", "why", "notes", "note", "dependencies", "depends on", "constraints"},
    PRIORITY_NAMES,
)
"""Keys (case-folded) a bold label line under a requirement has when it is one of its parts:
``**Acceptance:** opens in Excel`` under ``#### FR-1: Export`` is FR-1's acceptance."""
