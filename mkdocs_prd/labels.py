"""Every word the plugin puts on a page, with English defaults.

A site translates them with the ``labels:`` option; ``Labels`` merges the site's
values over these defaults.  Keys are stable public interface (documented in the
README).  Templates use ``labels.get("key")``; ``{n}``-style placeholders are
filled with ``labels.format("key", n=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LABELS: dict[str, str] = {
    # header card
    "track_id": "Track ID",
    "owner": "Owner",
    "version": "Version",
    "date": "Date",
    "status": "Status",
    "criteria_met": "{checked} of {total} criteria met",
    "no_criteria": "No acceptance criteria",
    "requirements_by_priority": "Functional requirements",
    "open_questions": "Open questions",
    "iosm_index_target": "Target IOSM-Index",
    # priorities
    "priority_must": "Must",
    "priority_should": "Should",
    "priority_could": "Could",
    # IOSM rating bands
    "band_excellent": "Excellent",
    "band_good": "Good",
    "band_acceptable": "Acceptable",
    "band_needs_work": "Needs work",
    "band_poor": "Poor",
    # findings panel
    "findings_title": "PRD findings",
    "line": "line",
    # the PRD index page and listings
    "index_title": "PRD index",
    "col_title": "Title",
    "col_track_id": "Track ID",
    "col_status": "Status",
    "col_owner": "Owner",
    "col_version": "Version",
    "col_date": "Date",
    "col_iosm": "IOSM-Index",
    "col_acceptance": "Acceptance",
    "col_requirements": "Requirements",
    "col_findings": "Findings (errors / warnings)",
    "col_site": "Site",
    "index_by_status": "PRDs per status",
    "index_findings_total": "Findings: {error} errors, {warning} warnings, {info} info",
    "index_iosm_met": "{met} of {total} PRDs meet the IOSM-Index threshold ({threshold})",
    "index_shown": "{shown} of {total} PRDs shown",
    "index_filter": "Filter",
    "index_all": "All",
    "index_no_status": "No status",
    "index_no_owner": "No owner",
    "index_iosm_actual": "actual {actual}",
    "index_acceptance": "{checked} of {total}",
    "index_requirements": "Must {must} · Should {should} · Could {could}",
    "index_empty": "No PRDs match.",
}


class Labels(Mapping[str, str]):
    """Defaults overlaid with a site's translations; unknown keys fall back to the key."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._labels = {**DEFAULT_LABELS, **(overrides or {})}

    def __getitem__(self, key: str) -> str:
        return self._labels[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def get(self, key: str, default: str | None = None) -> str:  # type: ignore[override]
        return self._labels.get(key, default if default is not None else key)

    def format(self, key: str, **values: object) -> str:
        """The label for ``key`` with ``{name}`` placeholders filled in."""
        text = self.get(key)
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder still shows something readable.
            return text
