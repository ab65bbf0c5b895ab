"""The IOSM-Index baseline under the labels teams write (fresh7's item 3).

"Ligne de base", "Base actuelle", "Basislinie", "Valor inicial", "Today", "Before" were not
read (a false PRD503 beside the delta); "Índice actual", "Indice actuel", "IOSM-Index
actuel", "Index today" were read as the *target* (the first statement wins), so the real
target line was dropped without a word, PRD504 was false and the card showed the baseline
as the target.  A word for "now" beside "index" names the baseline; a figure stated twice
with different values is PRD506, never a silent choice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.iosm import index_part
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BLOCK = "**Current baseline:** 0.68\n**Target post-implementation:** 0.86\n**Delta:** +0.18\n"
assert BLOCK in CLEAN


def findings(text: str) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.message) for f in check_page(parse_prd(text, "prd.md"), text, Settings())]


BASELINES = [
    # Literal translations of "baseline" and "starting value".
    "Ligne de base",
    "Valeur de départ",
    "Point de départ",
    "Valeur initiale",
    "Basislinie",
    "Startwert",
    "Valor inicial",
    "Valor de partida",
    # "Current", "today", "before", alone or beside "index", in each language.
    "Base actuelle",
    "Situação atual",
    "Today",
    "Before",
    "Índice actual",
    "Índice atual",
    "Indice actuel",
    "Index actuel",
    "IOSM-Index actuel",
    "Index today",
    "Índice IOSM actual",
    # Read before too.
    "Niveau de référence",
    "Référence actuelle",
    "Aktueller Wert",
    "Ausgangslage",
    "Línea base",
    "Current",
    "Current IOSM-Index",
    "Index (current)",
]


@pytest.mark.parametrize("label", BASELINES)
def test_the_baseline_under_each_label_is_the_baseline(label: str) -> None:
    text = CLEAN.replace("**Current baseline:**", f"**{label}:**", 1)
    index = parse_prd(text, "prd.md").iosm.index
    assert index.baseline is not None and index.baseline.raw == "0.68", label
    assert index.target is not None and index.target.raw == "0.86", label
    assert findings(text) == []


@pytest.mark.parametrize(
    ("label", "part"),
    [
        # A target word of its own keeps the target, whatever else the label says.
        ("Objetivo antes de Q3", "target"),
        ("Target before launch", "target"),
        ("Cible après mise en œuvre", "target"),
        ("Index after", "target"),
        ("IOSM-Index", "target"),
        # In English "actual" is the achieved index, not the current one.
        ("Actual IOSM-Index", "target"),
        ("Expected Δ", "delta"),
        ("Avantages", None),
    ],
)
def test_labels_that_name_another_figure_keep_it(label: str, part: str | None) -> None:
    assert index_part(label, True) == part


def test_a_word_for_now_alone_is_no_index_figure_inside_a_gate() -> None:
    # Under a gate, "**Before:** 12 clicks" is the gate's own prose, not the index baseline
    # (which would be out of range: a false PRD502).
    text = CLEAN.replace(
        "- TODOs tracked: All TODOs in issue tracker\n",
        "- TODOs tracked: All TODOs\n\n**Before:** 12 clicks\n",
        1,
    )
    index = parse_prd(text, "prd.md").iosm.index
    assert index.baseline is not None and index.baseline.raw == "0.68"
    assert [rule for rule, _, _ in findings(text)] == []
    assert index_part("Before") is None and index_part("Before", True) == "baseline"


def test_a_figure_stated_twice_with_another_value_is_reported() -> None:
    text = CLEAN.replace(BLOCK, BLOCK + "**IOSM-Index:** 0.70\n", 1)
    line = text.splitlines().index("**IOSM-Index:** 0.70") + 1
    index = parse_prd(text, "prd.md").iosm.index
    assert index.target is not None and index.target.raw == "0.86"  # the first statement
    assert findings(text) == [
        (
            "PRD506",
            line,
            f"IOSM-Index target `0.70` is stated again here, but line {line - 2} says `0.86`: "
            "the card and the index show `0.86`",
        )
    ]


@pytest.mark.parametrize(
    "again",
    [
        "**IOSM-Index:** 0.86\n",  # the same figure again
        "**Target:** **0,86**\n",  # the same value, written otherwise
        "IOSM-Index: 0.68 → 0.86 (+0.18)\n",  # the three figures again, on one line
    ],
)
def test_the_same_figure_stated_again_is_no_finding(again: str) -> None:
    text = CLEAN.replace(BLOCK, BLOCK + again, 1)
    assert findings(text) == []
