"""Per-requirement records: the ``trace`` list of ``prd-index.json`` and ``mkdocs-prd trace --format json``.

MkDocs-free plain data (JSON-ready dicts, fields in a fixed order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs_prd.core.trace.model import RequirementTrace, Trace


def requirement_record(t: RequirementTrace, url: str | None, enabled: bool) -> dict[str, Any]:
    """One requirement: ``id`` (qualified), ``local``, ``kind``, ``name``, ``priority``
    (the MoSCoW level: ``Must``/``Should``/``Could``/``Won't`` or null), ``url`` (page URL
    with ``#anchor``, site-root relative), ``src_path`` and ``line``, ``referenced_by`` (PRD
    paths), ``code`` (``file`` relative to the project folder, ``line``), ``tests`` (``name``, ``classname``,
    ``outcome``, ``report``, ``line``) and ``state`` (null without the ``trace`` option)."""
    req = t.req
    return {
        "id": req.qualified,
        "local": req.local,
        "kind": req.kind,
        "name": req.name,
        "priority": req.priority,
        "url": url,
        "src_path": req.path,
        "line": req.line,
        "referenced_by": t.referencing_paths(),
        "code": [{"file": c.repo_path, "line": c.line} for c in t.code],
        "tests": [
            {
                "name": x.name,
                "classname": x.classname,
                "outcome": x.outcome,
                "report": x.report,
                "line": x.line,
            }
            for x in t.tests
        ],
        "state": t.state if enabled else None,
    }


def trace_records(trace: Trace, path: str, url_of: Callable[[str], str] | None) -> list[dict[str, Any]]:
    """The records of the PRD at ``path`` in page order; ``url_of`` gives a page's URL."""
    base = url_of(path) if url_of is not None else None
    return [
        requirement_record(t, f"{base}#{t.req.anchor}" if base is not None else None, trace.enabled)
        for t in trace.for_path(path)
    ]


def verified_counts(trace: Trace, path: str) -> tuple[int, int] | None:
    """``(verified, total)`` over the PRD's functional and non-functional requirements with
    ids; None without the ``trace`` option."""
    if not trace.enabled:
        return None
    items = [t for t in trace.for_path(path) if t.req.kind in ("FR", "NFR")]
    return sum(1 for t in items if t.verified), len(items)
