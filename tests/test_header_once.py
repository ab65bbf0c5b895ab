"""A PRD's metadata is on its page once, as the author wrote it, and no text of it is lost.

The header card stands for the author's header (bold lines, a key/value or horizontal table)
when it can show all of it.  When it cannot (a Notes column of a header table, a field written
twice, a relative link, a struck value), the header stays as written, and the card under the
title leaves its fields out: before, the card repeated every value above the author's header
(shown twice), and a header table's Notes column was dropped with the table (text lost).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import build_site

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.html.views import header_stays

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
BOLD = (
    "**Version:** 1.2\n**Date:** 2026-02-03\n**Track ID:** saved-payment-methods\n"
    "**Owner:** Payments Team\n**Status:** Approved\n"
)
TABLE = "| Field | Value |\n|---|---|\n"

STAYS = {
    "notes column": "| Field | Value | Notes |\n|---|---|---|\n| Version | 1.2 | kick-off |\n"
    "| Owner | Payments Team | |\n| Status | Approved | since March |\n",
    "relative link": TABLE + "| Version | 1.2 |\n| Owner | [Payments Team](team.md) |\n"
    "| Status | Approved |\n",
    "field twice": TABLE + "| Version | 1.2 |\n| Date | 2026-02-03 |\n| Date | 2026-03-01 |\n"
    "| Status | Approved |\n",
    "struck value": TABLE + "| Version | 1.2 |\n| Status | ~~Draft~~ Approved |\n",
    "bold lines, relative link": "**Version:** 1.2\n**Owner:** [Payments Team](team.md)\n"
    "**Status:** Approved\n",
    "horizontal, a column of notes": "| Version | Owner | Status | |\n|---|---|---|---|\n"
    "| 1.2 | Payments Team | Approved | kick-off |\n",
}
REPLACED = {
    "bold lines": BOLD,
    "key/value table": TABLE + "| Version | 1.2 |\n| Owner | Payments Team |\n| Status | Approved |\n",
    "empty notes column": "| Field | Value | Notes |\n|---|---|---|\n| Version | 1.2 | |\n"
    "| Owner | Payments Team | |\n| Status | Approved | |\n",
}


def _page(header: str) -> str:
    assert BOLD in CLEAN
    return CLEAN.replace(BOLD, header, 1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The text above section 1 of each page, and its card, from one real build."""
    pages = {f"p{i}.md": _page(h) for i, h in enumerate([*STAYS.values(), *REPLACED.values()])}
    root = tmp_path_factory.mktemp("header-once")
    build_site(root, {"index.md": "# Home\n", "team.md": "# Team\n", **pages}, {}, theme="mkdocs")
    out: dict[str, str] = {}
    for name in pages:
        html = (root / "site" / name[:-3] / "index.html").read_text(encoding="utf-8")
        out[name] = html[html.index("<h1") : html.index("Problem</h2>")]
    return out


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("form", list(STAYS))
def test_a_header_the_card_cannot_stand_for_is_shown_once_as_written(form: str, site: dict[str, str]) -> None:
    header = STAYS[form]
    assert header_stays(parse_prd(_page(header), "p.md"))
    html = site[f"p{list(STAYS).index(form)}.md"]
    assert 'class="prd-card"' in html
    assert "prd-card__field" not in html  # the card repeats none of the header's fields
    text = _text(html)
    assert text.count("1.2") == 1  # once: in the author's header
    for word in ("kick-off", "since March", "Payments Team", "2026-03-01"):
        if word in header:
            assert word in text  # nothing of the header is lost


@pytest.mark.parametrize("form", list(REPLACED))
def test_a_header_the_card_can_stand_for_is_replaced_by_it(form: str, site: dict[str, str]) -> None:
    assert not header_stays(parse_prd(_page(REPLACED[form]), "p.md"))
    html = site[f"p{len(STAYS) + list(REPLACED).index(form)}.md"]
    assert "prd-card__field--version" in html and "<table" not in html.split('class="prd-card"')[0]
    assert _text(html).count("1.2") == 1  # once: on the card
    assert "**" not in html and "| Version" not in html
