"""Every word the plugin puts on a page, with English defaults.

A site translates them with the ``labels:`` option; ``Labels`` merges the site's
values over these defaults.  Keys are stable public interface (documented in the
README).  Templates use ``labels.get("key")``; ``{n}``-style placeholders are
filled with ``labels.format("key", n=...)``.
"""

from __future__ import annotations

import string
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
    "criteria_count": "{total} acceptance criteria",
    "requirements_by_priority": "Functional requirements",
    "open_questions": "Open questions",
    "iosm_index_target": "Target IOSM-Index",
    "verified_by_priority": "Verified by tests",
    "verified_count": "{priority} {verified} of {total} verified",
    "iosm_index_achieved": "Achieved",
    # history from git (history: true)
    "history_since": "{status} since {date}",
    "history_last_change": "Last changed on {date} by {author}",
    "history_timeline": "Status history",
    # priorities
    "priority_must": "Must",
    "priority_should": "Should",
    "priority_could": "Could",
    "priority_wont": "Won't",
    # IOSM rating bands
    "band_excellent": "Excellent",
    "band_good": "Good",
    "band_acceptable": "Acceptable",
    "band_needs_work": "Needs work",
    "band_poor": "Poor",
    # a page that is not UTF-8, shown from a decoded copy (html/encoding.py)
    "encoding_notice": "This page's file is not UTF-8 ({detail}). The site shows a decoded copy, "
    "with characters that could not be read as \ufffd. Save the file as UTF-8.",
    "encoding_saved_as": "it is saved as {encoding}",
    "encoding_bad_byte": "the first unreadable byte is on line {line}",
    # findings panel
    "findings_title": "PRD findings",
    "line": "line",
    "hint": "Fix:",
    "lines": "lines",
    "finding_count": "{count} times",
    "finding_count_differ": "{count} different messages",
    "lines_more": "… and {count} more",
    "lines_all": "All {count} lines",
    "severity_error": "error",
    "severity_warning": "warning",
    "severity_info": "info",
    # badges and the rest of the PRD page (render.py, templates/)
    "status_aria": "Status: {status}",
    "status_missing": "No status",
    "priority_aria": "Priority: {priority}",
    "priority_other": "Other",
    "not_stated": "not stated",
    "iosm_table_caption": "IOSM targets",
    "gate": "Gate",
    "gate_title": "Gate-{gate} ({name})",
    "gate_i": "Improve",
    "gate_o": "Optimize",
    "gate_s": "Shrink",
    "gate_m": "Modularize",
    "gate_score": "Gate score",
    "metric": "Metric",
    "baseline": "Baseline",
    "target": "Target",
    "expected_delta": "Expected Δ",
    "actual": "Actual",
    "result": "Result",
    "op_stable": "stable",
    "op_reduced_by": "reduced by",
    "mark_met": "Met",
    "mark_not_met": "Not met",
    "mark_unknown": "Unknown",
    "iosm_expected_index": "Expected IOSM-Index",
    "iosm_baseline": "Baseline",
    "iosm_target": "Target",
    "iosm_delta": "Delta",
    "delta_computed": "computed",
    "rating": "Rating",
    "target_band": "Target band",
    "achieved_band": "Achieved band",
    "iosm_actual": "Actual",
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
    "col_findings": "Errors / warnings",
    "col_site": "Site",
    "col_approved_on": "Approved on",
    "index_by_status": "PRDs per status",
    "index_findings_total": "Findings: errors {error}, warnings {warning}, info {info}",
    "index_iosm_met": "{met} of {total} PRDs reached the IOSM-Index threshold ({threshold})",
    "index_iosm_no_actual": "{count} have no achieved value yet",
    "index_iosm_targets": (
        "No PRD has an achieved IOSM-Index yet; {met} of {total} target the threshold ({threshold}) or more"
    ),
    "index_shown": "{shown} of {total} PRDs shown",
    "index_filter": "Filter",
    "index_sort_by": "Sort by",
    "index_all": "All",
    "index_no_status": "No status",
    "index_no_owner": "No owner",
    "index_iosm_actual": "actual {actual}",
    "index_acceptance": "{checked} of {total}",
    "index_requirements": "Must {must} · Should {should} · Could {could}",
    "index_empty": "No PRDs match.",
    "index_none": 'No PRDs yet: `mkdocs-prd new "Title"` starts one.',
    "index_table": "PRD table",
    "col_verified": "Verified",
    "index_verified": "{verified} of {total}",
    # traceability (trace_block.html, trace_matrix.html)
    "trace_title": "Traceability",
    "trace_requirement": "Requirement",
    "trace_referenced_by": "Referenced by",
    "trace_code": "Code",
    "trace_tests": "Tests",
    "trace_state": "Verified",
    "trace_state_verified": "verified",
    "trace_state_failing": "failing",
    "trace_state_untested": "no test",
    "trace_state_skipped": "skipped only",
    "trace_outcome_passed": "passed",
    "trace_outcome_failed": "failed",
    "trace_outcome_skipped": "skipped",
    "trace_matrix_title": "Traceability matrix",
    "trace_col_prd": "PRD",
    "trace_col_id": "ID",
    "trace_col_name": "Name",
    "trace_col_priority": "Priority",
    "trace_col_status": "Status",
    "trace_priority": "Priority",
    "trace_coverage": "Coverage",
    "trace_coverage_line": "{priority}: {verified} of {total} verified ({percent}%)",
    "trace_shown": "{shown} of {total} requirements shown",
    "trace_empty": "No requirements with ids yet.",
    "chart_status_title": "PRDs by status",
    "chart_iosm_title": "Target and achieved IOSM-Index",
    "chart_iosm_note": (
        "{shown} of {total} PRDs with an IOSM-Index drawn: the lowest achieved first, then the lowest targets"
    ),
    "chart_target": "Target",
    "chart_actual": "Achieved",
    "chart_actual_met": "Achieved, target met",
    "chart_actual_not_met": "Achieved, below target",
    "chart_threshold": "Threshold",
    "chart_data": "Chart data as a table",
    "chart_count": "Number of PRDs",
    "chart_scope": "The charts show all {total} PRDs; the filters apply to the table.",
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
        """The label for ``key`` with ``{name}`` placeholders filled in (see :func:`fill`)."""
        return fill(self.get(key), values)


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` placeholder replaced by ``str(values[name])`` (``{{`` and
    ``}}`` are braces).

    Only plain names are filled: a conversion, a format (``{checked:>99999999999}`` would
    pad to 100 GB: a MemoryError, or a page of blanks), an attribute or an index is never
    applied; a text holding one, or a name ``values`` lacks, is shown as written, so a
    translation with a broken placeholder still shows something readable.  The config
    refuses such labels (:func:`placeholder_problem`); this keeps any other caller safe.
    """
    out: list[str] = []
    try:
        for literal, name, spec, conversion in string.Formatter().parse(text):
            out.append(literal)
            if name is None:
                continue
            if spec or conversion or name not in values:
                return text
            out.append(str(values[name]))
    except ValueError:  # a lone brace
        return text
    return "".join(out)


def placeholder_problem(text: str, allowed: frozenset[str] | set[str]) -> str | None:
    """What is wrong with the placeholders of a label ``text`` that may use ``allowed``
    (``{checked}``, ``{total}`` ...), or None.  A placeholder is a plain name: no
    conversion (``!r``) and no format (``:>9``), which :func:`fill` never applies."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError as exc:  # a lone brace
        return f"cannot be read: {exc} in {text!r} (write {{{{ and }}}} for braces)"
    for name, spec, conversion in fields:
        if name is None:
            continue
        if name not in allowed:
            available = ", ".join("{" + f + "}" for f in sorted(allowed))
            return f"uses {{{name}}}, which it cannot fill; available: {available}"
        if spec or conversion:
            written = (
                "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            )
            return f"writes {written}: a placeholder takes no conversion or format; write {{{name}}}"
    return None
