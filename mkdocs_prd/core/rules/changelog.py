"""Rules about the change log's dates: PRD403 (the row of the document's own Version dated after
its Date) and PRD404 (a later version dated before an earlier one).

A row's date is read as PRD103 reads the Date: an ISO date or date-time (a remark after it is
fine), or another form with one possible reading (``17 Jan 2026``); a row whose date is not read
(``TBD``, ``Q1 2026``, ``01/02/2026``) is left out of both checks, never guessed.  The order is the
versions' (``0.9`` < ``1.0`` < ``1.1``; a pre-release such as ``1.3-rc1`` is not compared: it may be
drafted before the release it follows is out), so a table written newest first is in order;
without a version in every row it is the table's, read in either direction.  Pure and linear in the
number of rows (plus one sort).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from packaging.version import Version

from mkdocs_prd.core.model import ChangeLogRow, Prd, Severity
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote, version_key
from mkdocs_prd.core.rules.dates import calendar_day, iso_date


@dataclass(frozen=True, slots=True)
class _Dated:
    row: ChangeLogRow
    day: str
    version: Version | None


def _dated_rows(prd: Prd) -> list[_Dated]:
    out = []
    for row in prd.changelog:
        raw = row.date.strip().strip("*_`").strip()
        day = (calendar_day(raw) or iso_date(raw)) if raw else None
        if day is not None:
            out.append(_Dated(row, day, version_key(row.version)))
    return out


def _name(d: _Dated) -> str:
    return f"row {quote(d.row.version, 20)}" if d.row.version.strip() else f"the row on line {d.row.line}"


@page_rule(
    "PRD403",
    Severity.WARNING,
    "the change-log row of the document's own Version is dated after the header's Date (or Last updated): "
    "`**Version:** 1.2` and `**Date:** 2026-01-10` over a `| 1.2 | 2026-02-01 |` row contradict each other "
    "(a `Created` date, a front-matter `date` and a Version with no row are not compared; a Version older "
    "than the log's newest is PRD402)",
)
def changelog_after_date(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    # Only the header's own Version and Date: many teams keep the Date at the day the PRD was first
    # written while the log goes on, and a front-matter `date` is often a blog post's or a plugin's
    # publication date; a header naming a version whose row is dated later states two dates for it.
    field, version = prd.metadata.get("date"), prd.metadata.get("version")
    if field is None or version is None or not prd.changelog:
        return
    if "creat" in field.key or field.source != "header":
        return  # a creation date comes before later revisions by design
    own_day, own_version = calendar_day(field.value) or iso_date(field.value), version_key(version.value)
    if own_day is None or own_version is None:
        return  # PRD103 / PRD104 / PRD110 report the field itself
    rows = [d for d in _dated_rows(prd) if d.version == own_version]
    if not rows:
        return  # no row for this version: PRD402 compares the Version with the log
    first = min(rows, key=lambda d: d.day)  # several rows of one version: its first day
    if first.day > own_day:
        yield Hit(
            first.row.line,
            f"Change-log {_name(first)}, the document's Version, is dated {quote(first.day)}, after the "
            f"document's {field.label or 'Date'} {quote(field.value)} (line {field.line})",
            f"Write the {field.label or 'Date'} of version {version.value.strip()} as its row does "
            "(or correct the row's date)",
        )


@page_rule(
    "PRD404",
    Severity.WARNING,
    "the change log's dates are out of order: a later version is dated before an earlier one (by version "
    "number; without versions, by the table's order, newest first or last)",
)
def changelog_out_of_order(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    # A pre-release of the next version may be drafted before the last release is out.
    rows = [d for d in _dated_rows(prd) if d.version is None or not d.version.is_prerelease]
    if len(rows) < 2:
        return
    pair = _by_version(rows) if all(d.version is not None for d in rows) else _by_table(rows)
    if pair is not None:
        earlier, later = pair
        yield Hit(
            later.row.line,
            f"Change-log {_name(later)} is dated {quote(later.day)}, before {_name(earlier)} "
            f"(line {earlier.row.line}) dated {quote(earlier.day)}",
            "Correct the dates so that each version is dated on or after the one before it",
        )


def _by_version(rows: Sequence[_Dated]) -> tuple[_Dated, _Dated] | None:
    """The first row, in version order, dated before a row of a lower version (and that row)."""
    ordered = sorted(rows, key=lambda d: d.version or Version("0"))
    latest: _Dated | None = None  # the latest-dated row of the versions below the current one
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j].version == ordered[i].version:
            j += 1  # rows of one version may be in any order among themselves
        for d in ordered[i:j]:
            if latest is not None and d.day < latest.day:
                return latest, d
        for d in ordered[i:j]:
            if latest is None or d.day > latest.day:
                latest = d
        i = j
    return None


def _by_table(rows: Sequence[_Dated]) -> tuple[_Dated, _Dated] | None:
    """The first pair of neighbouring rows against the table's direction (newest last or first)."""
    newest_last = rows[-1].day >= rows[0].day
    for a, b in pairwise(rows):
        if (b.day < a.day) if newest_last else (b.day > a.day):
            return (a, b) if newest_last else (b, a)
    return None


RULES = (changelog_after_date, changelog_out_of_order)
