"""The JSON export of a site's PRD index (``prd-index.json``).

MkDocs-free.  The format is public interface, described by
``schema/prd-index.schema.json`` (shipped in the package)::

    {"schema_version": 2, "site_name": ..., "site_url": ..., "prds": [
      {"title", "url", "src_path", "track_id", "status", "owner", "version", "date",
       "iosm": {"baseline", "target", "delta", "actual"},
       "acceptance": {"checked", "total"},
       "requirements": {"must", "should", "could", "other"},
       "findings": {"error", "warning", "info"},
       "verified": {"verified", "total"} | null,
       "trace": [{"id", "local", "kind", "name", "priority", "url", "src_path", "line",
                  "referenced_by", "code", "tests", "state"}, ...]}, ...]}

Values the author wrote stay strings exactly as written (``"1.10"``, ``"0042"``,
``"+0.17"``); a missing value is ``null``.  ``url`` is relative to the site root,
which is where the file sits, so a reader resolves it against the file's own URL.
Only this site's PRDs are exported: merged ones stay with their own site, so sites
that include each other do not echo entries back and forth.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from mkdocs_prd.core.safe import json_inert
from mkdocs_prd.core.sitewide.index import IndexRow

SCHEMA_VERSION = 2
"""2 adds ``verified`` and ``trace`` (per-requirement records) to each PRD; readers accept 1 and 2."""
SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "schema", "prd-index.schema.json")


def export_entry(row: IndexRow) -> dict[str, Any]:
    """One PRD as a JSON object, fields in a fixed order."""
    return {
        "title": row.title,
        "url": row.url,
        "src_path": row.src_path,
        "track_id": row.track_id,
        "status": row.status,
        "owner": row.owner,
        "version": row.version,
        "date": row.date,
        "iosm": {
            "baseline": row.iosm.baseline,
            "target": row.iosm.target,
            "delta": row.iosm.delta,
            "actual": row.iosm.actual,
        },
        "acceptance": {"checked": row.acceptance_checked, "total": row.acceptance_total},
        "requirements": {
            "must": row.requirements.must,
            "should": row.requirements.should,
            "could": row.requirements.could,
            "other": row.requirements.other,
        },
        "findings": {"error": row.findings.error, "warning": row.findings.warning, "info": row.findings.info},
        "verified": {"verified": row.verified[0], "total": row.verified[1]} if row.verified else None,
        "trace": list(row.trace),
    }


def export_document(
    rows: Iterable[IndexRow],
    *,
    site_name: str | None = None,
    site_url: str | None = None,
) -> dict[str, Any]:
    """The whole export: this site's rows (merged ones left out) in ``src_path`` order."""
    own = sorted((r for r in rows if r.site is None), key=lambda r: r.src_path)
    return {
        "schema_version": SCHEMA_VERSION,
        "site_name": site_name or None,
        "site_url": site_url or None,
        "prds": [export_entry(r) for r in own],
    }


def dumps(document: dict[str, Any]) -> str:
    """The export as text: UTF-8-friendly, deterministic, newline-terminated.

    Each top-level key is on its own line, and each element of a top-level list
    (one PRD, one trace entry) on its own line in compact form, so a diff of two
    exports shows which PRDs changed.  ``json.dumps(indent=...)`` would be
    simpler, but it runs Python's pure-Python encoder; for a site of 300 PRDs that
    cost more than parsing them.  Compact pieces use the C encoder.
    """
    compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out = ["{"]
    keys = list(document)
    for n, key in enumerate(keys):
        value = document[key]
        comma = "," if n < len(keys) - 1 else ""
        if isinstance(value, list) and value:
            rows = ",\n    ".join(compact(v) for v in value)
            out.append(f"  {compact(key)}: [\n    {rows}\n  ]{comma}")
        else:
            out.append(f"  {compact(key)}: {compact(value)}{comma}")
    out.append("}")
    return json_inert("\n".join(out)) + "\n"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the export, as shipped in the package."""
    with open(SCHEMA_PATH, encoding="utf-8") as fd:
        schema: dict[str, Any] = json.load(fd)
    return schema
