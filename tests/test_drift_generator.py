"""Correct PRDs that drift from the template as real teams drift get no finding (attack6).

Two hundred pages from :mod:`drift_prds` (seeded, about a second in process): each part in a
form docs/rules.md says is read, in English, German and Spanish, some with export artefacts.
A finding on any of them is a false finding; the model must also hold what each page states
(requirements, risks, criteria, the IOSM index, goals and non-goals, status, change log).
"""

from __future__ import annotations

import pytest
from drift_prds import drifted_prd

from mkdocs_prd import build_catalog
from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.settings import Settings

PAGES = 200


@pytest.fixture(scope="module")
def site() -> tuple[dict[str, object], object]:
    drifted = {f"prds/p{i:03}.md": drifted_prd(i) for i in range(PAGES)}
    pages = [(path, d.text.encode("utf-8")) for path, d in drifted.items()]
    return drifted, build_catalog(pages, Settings(paths=("prds/**",)))


def test_the_generator_is_deterministic() -> None:
    assert drifted_prd(7).text == drifted_prd(7).text
    assert len({drifted_prd(i).text for i in range(20)}) == 20


def test_no_finding_on_a_correct_drifted_prd(site: tuple[dict, object]) -> None:
    drifted, catalog = site
    found = {
        path: [(f.rule, f.line, f.message) for f in catalog.findings_for(path)]  # type: ignore[attr-defined]
        for path in drifted
    }
    assert {path: f for path, f in found.items() if f} == {}


def _mismatches(prd: Prd, status: str, expect: dict[str, float | int]) -> list[str]:
    index = prd.iosm.index
    checks = {
        "status": (prd.status or "").casefold() == status.casefold(),
        "functional": len(prd.functional) == 2,
        "non-functional": not expect["nfr"] or len(prd.non_functional) == expect["nfr"],
        "risks": len(prd.risks) == 2,
        "criteria": len(prd.criteria) == expect["criteria"],
        "baseline": index.baseline is not None and index.baseline.value == expect["baseline"],
        "target": index.target is not None and index.target.value == expect["target"],
        "goals": bool(prd.goals),
        "non-goals": bool(prd.non_goals),
        "personas": bool(prd.personas),
        "use cases": bool(prd.use_cases),
        "change log": len(prd.changelog) == 2,
        "owner": not any(c in (prd.metadata.value("owner") or "[") for c in "[]*`<"),
    }
    return [name for name, ok in checks.items() if not ok]


def test_the_model_holds_what_the_page_states(site: tuple[dict, object]) -> None:
    drifted, catalog = site
    wrong = {}
    for path, d in drifted.items():
        prd = catalog.get(path)  # type: ignore[attr-defined]
        wrong[path] = ["not a PRD"] if prd is None else _mismatches(prd, d.status, d.expect)
    assert {path: w for path, w in wrong.items() if w} == {}
