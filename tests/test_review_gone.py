"""``review``: an approved PRD that is deleted, or stays but is no longer a PRD, is PRD701.

Removing one requirement of an Approved PRD fails the review; removing the whole PRD, or
taking away what makes it one (its ``PRD:`` title, its place in ``paths``), must fail it
too, naming the requirements that go with it.  A retired PRD (its Status says so), or one
never approved, may go: only the PRD704 summary says so.  In-process (the git reading is
tested in ``test_review.py``).
"""

from __future__ import annotations

import pytest
from git_repos import prd

from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.review.revisions import parse_pages
from mkdocs_prd.core.review.rules import review
from mkdocs_prd.core.settings import Settings

PATH = "prds/audit.md"
APPROVED = prd("Audit log", "audit-log")


def findings(base: dict[str, str], head: dict[str, str], settings: Settings | None = None) -> list[Finding]:
    settings = settings or Settings(paths=("prds/**",))
    old = parse_pages({k: v.encode() for k, v in base.items()}, settings, "base")
    new = parse_pages({k: v.encode() for k, v in head.items()}, settings, "head")
    return review(old.prds, new.prds, settings, old.sources, new.sources).findings


def errors(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.rule == "PRD701"]


@pytest.mark.parametrize(
    ("head", "says"),
    [
        ({}, "is deleted"),
        ({"other/audit.md": APPROVED}, "is deleted"),  # moved out of paths
        ({PATH: APPROVED.replace("# PRD: Audit log", "# Audit log", 1)}, "no longer detected as a PRD"),
        (
            {PATH: APPROVED.replace("# PRD: Audit log", "# Audit log", 1).replace("FR-1", "FR-9")},
            "no longer detected as a PRD",
        ),
        ({"prds/audit2.md": APPROVED.replace("audit-log", "audit-2")}, "is deleted"),  # new path and Track ID
    ],
)
def test_an_approved_prd_that_goes_is_an_error_naming_its_requirements(
    head: dict[str, str], says: str
) -> None:
    found = errors(findings({PATH: APPROVED}, head))
    assert len(found) == 1, found
    f = found[0]
    assert (f.path, f.line, f.severity.value) == (PATH, 1, "error")
    assert says in f.message and "`Approved` (Version `1.2`)" in f.message
    assert "FR-1" in f.message and "acceptance criteri" in f.message
    assert "Retired" in (f.hint or "")


def test_a_page_out_of_paths_says_so() -> None:
    settings = Settings(paths=("prds/**",))
    found = errors(findings({PATH: APPROVED}, {PATH: APPROVED}, Settings(paths=("prds/*.md",))))
    assert not found  # still in paths
    moved = Settings(paths=("tracks/**",))
    base = parse_pages({PATH: APPROVED.encode()}, settings, "base")
    head = parse_pages({PATH: APPROVED.encode()}, moved, "head")
    found = errors(review(base.prds, head.prds, moved, base.sources, head.sources).findings)
    assert len(found) == 1 and "no longer in the site's `paths`" in found[0].message


@pytest.mark.parametrize("status", ["Draft", "Review", "Retired", "Deprecated", "Superseded"])
def test_a_prd_not_approved_or_retired_may_go(status: str) -> None:
    settings = Settings(paths=("prds/**",), statuses=("Draft", "Review", "Approved", "Retired", "Deprecated"))
    found = findings({PATH: prd("Audit log", "audit-log", status=status)}, {}, settings)
    assert not errors(found)
    assert [f.rule for f in found] == ["PRD704"]


def test_implemented_and_a_translated_approved_status_are_protected() -> None:
    assert errors(findings({PATH: prd("Audit log", "audit-log", status="Implemented")}, {}))
    german = Settings(paths=("prds/**",), statuses=("Entwurf", "Freigegeben", "Umgesetzt"))
    assert errors(findings({PATH: prd("Audit log", "audit-log", status="Freigegeben")}, {}, german))


def test_a_moved_prd_that_keeps_its_track_id_is_no_deletion() -> None:
    assert not errors(findings({PATH: APPROVED}, {"prds/platform/audit.md": APPROVED}))


def test_the_rule_follows_the_sites_severity() -> None:
    settings = Settings(paths=("prds/**",), severities={"PRD701": "warning"})
    found = errors(findings({PATH: APPROVED}, {}, settings))
    assert [f.severity.value for f in found] == ["warning"]
