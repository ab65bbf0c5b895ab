"""PRD403 (the change-log row of the document's own Version dated after its Date) and PRD404 (a
later version dated before an earlier one), over the forms a change log and a Date are written in:
tables newest first or last, versions or none, ISO dates, date-times and other unambiguous forms, a
`Last updated` label.  A `Created` or front-matter date, a Version older than the log's newest
(PRD402's), a row whose date is not read, pre-releases and rows of one version are silent.  In
process: parse and check one page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
_LOG = """| 1.0 | 2026-01-12 | Dana Whitfield | Initial draft |
| 1.1 | 2026-01-26 | Dana Whitfield | Added delete flow and NFRs |
| 1.2 | 2026-02-03 | Dana Whitfield | Approved after security review |"""


def findings(
    rows: str,
    date: str = "**Date:** 2026-02-03",
    rules: tuple[str, ...] = ("PRD403", "PRD404"),
    version: str = "1.2",
) -> list[str]:
    assert _LOG in CLEAN and "**Date:** 2026-02-03" in CLEAN and "**Version:** 1.2" in CLEAN
    text = CLEAN.replace(_LOG, rows, 1).replace("**Date:** 2026-02-03", date, 1)
    text = text.replace("**Version:** 1.2", f"**Version:** {version}", 1)
    found = check_page(parse_prd(text, "prd.md"), text, Settings())
    return [f"{f.rule} {text.splitlines()[f.line - 1]}" for f in found if f.rule in rules]


def rows(*cells: tuple[str, str]) -> str:
    return "\n".join(f"| {version} | {day} | Dana | change |" for version, day in cells)


@pytest.mark.parametrize(
    ("log", "date"),
    [
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Date:** 2026-02-03"),
        (rows(("1.1", "2026-03-01"), ("1.0", "2026-01-12")), "**Date:** 2026-02-03"),  # newest first
        (rows(("1.0", "2026-01-12"), ("1.1", "1 Mar 2026")), "**Date:** 2026-02-03"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01T10:00Z")), "**Date:** 2026-02-03 (approved)"),
        (rows(("1.0", "2026-01-12"), ("1.1", "**2026-03-01**")), "**Last updated:** 2026-02-03"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-02-04")), "**Datum:** 2026-02-03"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-02-20"), ("1.1", "2026-03-01")), "**Date:** 2026-02-03"),
    ],
)
def test_the_row_of_the_document_s_version_dated_after_its_date_is_prd403(log: str, date: str) -> None:
    found = findings(log, date, ("PRD403",), "1.1")
    assert len(found) == 1 and found[0].startswith("PRD403 | 1.1 |"), found


@pytest.mark.parametrize(
    ("log", "date", "version"),
    [
        (_LOG, "**Date:** 2026-02-03", "1.2"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-02-03")), "**Date:** 2026-02-03", "1.1"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Created:** 2026-01-12", "1.1"),
        # the Date of the first version while the log goes on: the header's Version is older (PRD402's)
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Date:** 2026-01-12", "1.0"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Date:** 2026-02-03", "1.3"),  # no row
        (rows(("1.0", "2026-01-12"), ("1.1", "TBD")), "**Date:** 2026-02-03", "1.1"),
        (rows(("1.0", "2026-01-12"), ("1.1", "Q2 2026")), "**Date:** 2026-02-03", "1.1"),
        (
            rows(("1.0", "2026-01-12"), ("1.1", "03/04/2026")),
            "**Date:** 2026-02-03",
            "1.1",
        ),  # 3 April or 4 March
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Date:** TBD", "1.1"),
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-03-01")), "**Date:** [YYYY-MM-DD]", "1.1"),
    ],
)
def test_other_dates_and_versions_are_silent(log: str, date: str, version: str) -> None:
    assert findings(log, date, ("PRD403",), version) == []


def test_a_front_matter_date_is_not_compared() -> None:
    # A blog post's or a plugin's `date:` is when the page was published, not the version's date.
    text = CLEAN.replace("**Date:** 2026-02-03\n", "", 1)
    text = "---\ndate: 2026-01-20\n---\n" + text
    assert not [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD403"]


@pytest.mark.parametrize(
    ("log", "flagged"),
    [
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-01-30"), ("1.2", "2026-01-20")), "| 1.2 |"),
        (
            rows(("1.2", "2026-01-20"), ("1.1", "2026-01-30"), ("1.0", "2026-01-12")),
            "| 1.2 |",
        ),  # newest first
        (rows(("1.0", "2026-01-12"), ("1.1", "2026-02-26"), ("1.2", "2026-02-03")), "| 1.2 |"),
        (rows(("0.9", "2026-01-12"), ("1.0", "5 Jan 2026")), "| 1.0 |"),
        (rows(("Draft", "2026-01-12"), ("Review", "2026-01-30"), ("Final", "2026-01-20")), "| Final |"),
        (rows(("Final", "2026-01-20"), ("Review", "2026-01-30"), ("Draft", "2026-01-12")), "| Final |"),
    ],
)
def test_a_later_version_dated_before_an_earlier_one_is_prd404(log: str, flagged: str) -> None:
    found = findings(log, "**Date:** 2026-03-01", ("PRD404",))
    assert len(found) == 1 and flagged in found[0], found


@pytest.mark.parametrize(
    "log",
    [
        _LOG,
        rows(("1.2", "2026-02-03"), ("1.1", "2026-01-26"), ("1.0", "2026-01-12")),
        rows(("1.0", "2026-01-12"), ("1.0", "2026-01-10"), ("1.1", "2026-01-26")),  # one version, two rows
        rows(("1.2", "2026-02-03"), ("1.3-rc1", "2026-02-01"), ("1.3", "2026-02-20")),
        rows(("1.0", "2026-01-12"), ("1.1", "TBD"), ("1.2", "2026-01-26")),
        rows(("1.0", "2026-01-12"), ("1.1", "2026-01-12")),
        rows(("Draft", "2026-01-12"), ("Review", "2026-01-12"), ("Final", "2026-01-30")),
    ],
)
def test_a_change_log_in_order_is_silent(log: str) -> None:
    assert findings(log, "**Date:** 2026-03-01", ("PRD404",)) == []
