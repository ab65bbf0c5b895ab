"""PRD303 for acceptance criteria: an id (``AC-n``) that two criteria open with gives both the
anchor ``#ac-n`` and one trace id, so a link or test names the first only.  Every form a
criterion's id is read in (``AC-1:``, ``AC1:``, ``**AC-1:**``, ``[AC-1]``, a criteria table's id
column) counts; distinct ids and ids named in a criterion's text are silent.  In process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
_CRITERION = "- [ ] API endpoints return the documented responses"


def prd303(criteria: str) -> list[str]:
    assert _CRITERION in CLEAN
    text = CLEAN.replace(_CRITERION, criteria, 1)
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [text.splitlines()[f.line - 1] for f in found if f.rule == "PRD303"]


@pytest.mark.parametrize(
    ("criteria", "second"),
    [
        ("- [ ] AC-1: the wallet lists the card\n- [x] AC-1: the CVC is asked once", "- [x] AC-1: the CVC"),
        ("- [ ] AC1: the wallet lists the card\n- [ ] AC-1: the CVC is asked once", "- [ ] AC-1: the CVC"),
        ("- [ ] **AC-2:** the wallet lists the card\n- [ ] [AC-2] the CVC is asked once", "- [ ] [AC-2]"),
        ("AC-3: the wallet lists the card\n\nAC-3: the CVC is asked once", "AC-3: the CVC"),
        (
            "\n| ID | Criterion | Met |\n|---|---|---|\n| AC-1 | the wallet lists the card | ✅ |\n"
            "| AC-1 | the CVC is asked once | |",
            "| AC-1 | the CVC",
        ),
    ],
)
def test_a_criterion_id_used_twice_is_prd303(criteria: str, second: str) -> None:
    found = prd303(criteria)
    assert len(found) == 1 and found[0].startswith(second), found


@pytest.mark.parametrize(
    "criteria",
    [
        "- [ ] AC-1: the wallet lists the card\n- [ ] AC-2: the CVC is asked once",
        "- [ ] AC-1: the wallet lists the card\n- [ ] the CVC is asked once, as AC-1 shows",
        "- [ ] the wallet lists the card (AC-1)\n- [ ] the CVC is asked once (AC-1 again)",
    ],
)
def test_distinct_ids_and_ids_in_the_text_are_silent(criteria: str) -> None:
    assert prd303(criteria) == []
