"""The documented re-review is no PRD703 (reading5, from the new-user report): "raise the version,
add a row to the change log and move the status back to Review when the scope changes" gives no
warning; a status moved back without a new Version and its change-log row still does, and its
hint says what makes it right.  In process, without git (``review`` on two parsed revisions).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.review.rules import review
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
IMPLEMENTED = CLEAN.replace("**Status:** Approved", "**Status:** Implemented")
ROW = "| 1.2 | 2026-02-03 | Dana Whitfield | Approved after security review |\n"
assert ROW in CLEAN


def rules(head: str) -> list[str]:
    base = parse_prd(IMPLEMENTED, "prds/a.md")
    return [f.rule for f in review([base], [parse_prd(head, "prds/a.md")], Settings()).findings]


BACK = IMPLEMENTED.replace("**Status:** Implemented", "**Status:** Review")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (  # the guide's re-review: new Version, its change-log row, back to Review
            BACK.replace("**Version:** 1.2", "**Version:** 2.0").replace(
                ROW, ROW + "| 2.0 | 2026-12-01 | Tom Okafor | Scope change; back to review |\n"
            ),
            ["PRD704"],
        ),
        (BACK, ["PRD703", "PRD704"]),  # back without a new Version
        (BACK.replace("**Version:** 1.2", "**Version:** 2.0"), ["PRD702", "PRD703", "PRD704"]),  # no row
    ],
    ids=["re-review", "no-new-version", "no-change-log-row"],
)
def test_the_documented_re_review_is_no_prd703(head: str, expected: list[str]) -> None:
    assert sorted(rules(head)) == expected


def test_the_prd703_hint_says_what_makes_it_right() -> None:
    base = parse_prd(IMPLEMENTED, "prds/a.md")
    (finding,) = [
        f for f in review([base], [parse_prd(BACK, "prds/a.md")], Settings()).findings if f.rule == "PRD703"
    ]
    assert (
        "new Version and a change-log row" in finding.hint and "say why in the change log" not in finding.hint
    )
