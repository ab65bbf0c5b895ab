"""A ``|`` inside a code span in a table cell (PRD802): the site (Python-Markdown, after the
page's normalisation) keeps it in the cell, GFM (GitHub, editors' previews; markdown-it-py
as the oracle) ends the cell there.  The fix, ``\\|``, shows ``|`` in the cell in both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from block_oracle import SAMPLE, mkdocs_html, oracle_html

from mkdocs_prd.core.fix import fix_text
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
RISKS = "| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |\n"
assert RISKS in CLEAN


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh]>(.*?)</t[dh]>", r, re.S)] for r in rows]


def risk_table(page: str) -> str:
    """The lines of the risks table of ``page``."""
    lines = page.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| Risk"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return "\n".join(lines[start:end]) + "\n"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("| Vault API latency at peak |", "| `X-Cache: HIT|MISS` headers |"),
        ("| Vault API latency at peak |", "| Retries on `429|503` and ``a|b|c`` |"),
        (RISKS, "| Risk `a|b` | Impact (H/M/L) | Probability (H/M/L) | Mitigation |\n"),  # in the header
    ],
)
def test_the_fix_shows_the_same_cells_on_the_site_and_in_gfm(old: str, new: str) -> None:
    page = CLEAN.replace(old, new, 1)
    fixed = fix_text(page, "prd.md", Settings()).text
    before, after = risk_table(page), risk_table(fixed)
    assert after != before and after.count("\\|") == new.count("|") - old.count("|")
    site = cells(mkdocs_html(before, SAMPLE))
    assert cells(mkdocs_html(after, SAMPLE)) == site  # the site showed it right and still does
    assert cells(oracle_html(after)) == site  # GFM now shows the same cells
    assert cells(oracle_html(before)) != site  # what the finding says: GFM ended the cell there
