"""The card shows each core field once, under whatever label the author gave it: a status
under a synonym label (**State:**, **Estado:**, **Statut:**, **Situação:**) was the pill
and again a row "State Approved".  Every synonym of every core field, as a header line
and in front matter; in process (parser and renderer, no build)."""

from __future__ import annotations

import pytest
from render_sites import prd_text

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import FIELD_SYNONYMS
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.html.views import card_view

VALUES = {
    "status": "Approved",
    "owner": "Ana Costa",
    "version": "1.4",
    "date": "2026-10-20",
    "track_id": "t-77",
}
LABELS = {"status": "Status", "owner": "Owner", "version": "Version", "date": "Date", "track_id": "Track ID"}
CASES = [(key, alt) for key, alts in FIELD_SYNONYMS.items() for alt in alts if key in VALUES]


def with_synonym(key: str, alt: str, front_matter: bool) -> str:
    """The test PRD with ``key``'s header line written under the synonym ``alt`` (or as
    ``alt:`` in front matter, without the header line)."""
    text = prd_text(status="Approved", owner="Ana Costa", track="t-77")
    text = text.replace("**Version:** 1.2", "**Version:** 1.4").replace("2026-01-17", "2026-10-20", 1)
    line = f"**{LABELS[key]}:** {VALUES[key]}\n"
    assert line in text
    if front_matter:
        return f"---\n{alt}: {VALUES[key]!r}\n---\n\n" + text.replace(line, "")
    label = alt.replace("_", " ").title()
    return text.replace(line, f"**{label}:** {VALUES[key]}\n")


@pytest.mark.parametrize("front_matter", [False, True], ids=["header", "front-matter"])
@pytest.mark.parametrize(("key", "alt"), CASES, ids=[f"{k}-{a}" for k, a in CASES])
def test_a_core_field_under_a_synonym_shows_once(key: str, alt: str, front_matter: bool) -> None:
    prd = parse_prd(with_synonym(key, alt, front_matter), "prd.md")
    card = card_view(prd, Labels())
    shown = [f.value for f in card.fields]
    if key == "status":
        assert card.status == "Approved" and "Approved" not in shown, (alt, shown)
    else:
        assert shown.count(VALUES[key]) == 1, (alt, shown)
    # Every value once on the card: the pill and the four rows.
    everything = [card.status, *shown]
    for value in VALUES.values():
        assert everything.count(value) == 1, (alt, everything)
