"""A status with a number and a word in it ("Stage 1 Sizing", "Phase 2 Pilot") is the status.

The dated-remark reader took any "<number> <three letters>" for a day and a month ("3 Nov"),
so "Stage 1 Sizing" was the status "Stage": the badge, the index's status filter and chart
(41 PRDs of a 50-status site in one "Stage" segment) showed it, and PRD102 reported every
such PRD of a site whose ``statuses`` list them.  A date after the status is still a remark,
in the template's languages.
"""

from __future__ import annotations

import pytest

from mkdocs_prd.core.model import status_remark, status_word
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

WHOLE = [
    "Stage 1 Sizing",
    "Phase 2 Pilot",
    "Stage 2 Legal-review",
    "Phase 1 Marketing",  # "Mar…" is no month here
    "Stage 4 Set-up",  # nor "Set" (Portuguese September)
    "Stage 3 May-be",
    "Wave 3 Launch",
    "Review 2 Maintainers",
    "Draft 1 Augmented",
    "Gate 3 Octopus",
]

DATED = [
    ("Approved 3 Nov 2026", "Approved", "3 Nov 2026"),
    ("Approved 3 November", "Approved", "3 November"),
    ("Approved 1st Dec", "Approved", "1st Dec"),
    ("Approved Nov 3, 2026", "Approved", "Nov 3, 2026"),
    ("Approved 3 Nov, 2026", "Approved", "3 Nov, 2026"),
    ("Approved 3 Oct.", "Approved", "3 Oct"),
    ("Approved 3 Sept 2026", "Approved", "3 Sept 2026"),
    ("Freigegeben 3. März 2026", "Freigegeben", "3. März 2026"),
    ("Freigegeben am 3. März 2026", "Freigegeben", "am 3. März 2026"),
    ("Genehmigt seit 3. Mai", "Genehmigt", "seit 3. Mai"),
    ("Approuvé le 3 avril", "Approuvé", "le 3 avril"),
    ("Approuvé 12 déc. 2026", "Approuvé", "12 déc. 2026"),
    ("Aprobado 3 de marzo de 2026", "Aprobado", "3 de marzo de 2026"),
    ("Aprobado el 3 de marzo", "Aprobado", "el 3 de marzo"),
    ("Aprovado em 3 de março", "Aprovado", "em 3 de março"),
    ("Approved 2026-11-03", "Approved", "2026-11-03"),
    ("Approved (3 Nov)", "Approved", "3 Nov"),
]


@pytest.mark.parametrize("status", WHOLE)
def test_a_number_and_a_word_are_part_of_the_status(status: str) -> None:
    assert status_word(status) == status
    assert status_word(f"**{status}**") == status
    assert status_word(f"{status} (since 3 Nov 2026)") == status
    assert status_remark(status) == ""


@pytest.mark.parametrize(("written", "word", "remark"), DATED)
def test_a_date_after_the_status_is_a_remark(written: str, word: str, remark: str) -> None:
    assert status_word(written) == word
    assert status_remark(written) == remark


PAGE = """# PRD: Staged

**Version:** 1.0
**Date:** 2026-01-17
**Track ID:** staged
**Owner:** Ana
**Status:** {status}
"""


@pytest.mark.parametrize("status", WHOLE[:3])
def test_a_site_listing_the_status_gets_no_prd102(status: str) -> None:
    settings = Settings(statuses=("Draft", "Review", *WHOLE, "Approved", "Implemented"))
    text = PAGE.format(status=status)
    prd = parse_prd(text, "staged.md")
    assert prd.status == status
    rules = {f.rule for f in check_page(prd, text, settings)}
    assert "PRD102" not in rules
    # Another site's statuses: the whole status is named, not its first word.
    other = [f.message for f in check_page(prd, text, Settings()) if f.rule == "PRD102"]
    assert other and status in other[0], other
