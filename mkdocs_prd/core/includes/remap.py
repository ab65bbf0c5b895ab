"""Line numbers of an expanded page (:class:`~mkdocs_prd.core.includes.Expanded`) back on the page's own file.

MkDocs-free.  The parser, the rules and traceability read a page with its includes put
in; what they say about it must point into the file the author edits:

* every line field of the model (``line``, ``end_line``, ``header_start`` …) becomes the
  file's line; an included line becomes its directive's line;
* a finding on an included line is reported at the directive, once, and says where the
  included text stands (``in _shared/nfr.md line 3``): the page shows that text, so a
  defect in it is the page's, but the fix is in the other file; no finding there offers a
  fix (an edit of the directive's line would be wrong), nor one whose edits touch a line
  that is not the file's own as written;
* a reference on an included line is not linked in place (it is not in the file's text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from mkdocs_prd.core.includes import Expanded
from mkdocs_prd.core.includes.advice import explain_cuts
from mkdocs_prd.core.model import Finding, Prd
from mkdocs_prd.core.trace.model import Reference, Trace

_LINE_FIELDS = frozenset(
    {
        "line",
        "end_line",
        "priority_line",
        "title_line",
        "header_start",
        "header_end",
        "body_start",
        "body_end",
    }
)

T = TypeVar("T")


def remap_prd(prd: Prd, expanded: Expanded) -> Prd:
    """``prd`` (parsed from ``expanded.text``) with every line on the page's own file."""
    mapped = _remap(prd, expanded)
    meta = prd.metadata
    if meta.header_replaceable and _spills(meta.header_start, meta.header_end, expanded):
        mapped = replace(mapped, metadata=replace(mapped.metadata, header_replaceable=False))
    return replace(mapped, line_count=expanded.line_count)


def _spills(start: int, end: int, expanded: Expanded) -> bool:
    """Whether an own line of the header (lines ``start..end`` of ``expanded.text``) also stands
    for text outside it: a directive in the header that includes more than header lines (the
    card, which replaces the directive's line, would drop that text)."""
    if not 1 <= start <= end <= len(expanded.own):
        return False
    inside = {expanded.own[i - 1] for i in range(start, end + 1) if not expanded.exact[i - 1]}
    if not inside:
        return False  # the header's lines are the page's own, as written
    texts = expanded.text.split("\n")
    return any(
        expanded.own[i] in inside and texts[i].strip() and not texts[i].lstrip().startswith("<!--")
        for i in range(len(expanded.own))
        if not start - 1 <= i <= end - 1
    )


def _remap(value: T, expanded: Expanded) -> T:
    if isinstance(value, tuple):
        return tuple(_remap(v, expanded) for v in value)  # type: ignore[return-value]
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in fields(value):
        if not f.init:
            continue
        old = getattr(value, f.name)
        if f.name in _LINE_FIELDS and isinstance(old, int) and old > 0:
            new: Any = expanded.own_line(old)
        elif f.name == "kept" and isinstance(old, tuple):
            new = tuple((expanded.own_line(a), expanded.own_line(b)) for a, b in old)
        elif isinstance(old, tuple) or (is_dataclass(old) and not isinstance(old, type)):
            new = _remap(old, expanded)
        else:
            continue
        if new != old:
            changes[f.name] = new
    return replace(value, **changes) if changes else value


def remap_findings(findings: Iterable[Finding], expanded: Expanded, prd: Prd | None = None) -> list[Finding]:
    """``findings`` of the expanded page on the page's own lines, each once; with ``prd`` (the
    model parsed from ``expanded.text``) a section an included heading cuts short is explained
    in the hint (:func:`~mkdocs_prd.core.includes.advice.explain_cuts`)."""
    out: list[Finding] = []
    seen: set[tuple[str, int, str]] = set()
    if prd is not None:
        findings = explain_cuts(findings, prd, expanded)
    for f in findings:
        line, message, fix = f.line, f.message, f.fix
        if 1 <= line <= len(expanded.own):
            origin = expanded.origin[line - 1]
            if origin is not None:
                message = f"{message} (in {origin[0]} line {origin[1]}, included here)"
            if fix is not None and not all(_exact(e.line, expanded) for e in fix.edits):
                fix = None
            if fix is not None:
                fix = replace(fix, edits=tuple(replace(e, line=expanded.own_line(e.line)) for e in fix.edits))
            line = expanded.own_line(line)
        key = (f.rule, line, message)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(f, line=line, message=message, fix=fix))
    return out


def _exact(line: int, expanded: Expanded) -> bool:
    return 1 <= line <= len(expanded.exact) and expanded.exact[line - 1]


def remap_trace(trace: Trace, pages: Mapping[str, Expanded]) -> None:
    """Put the lines of the ``pages`` (path to expansion) in ``trace``, built from the expanded
    pages, on their own files, in place."""
    if not pages:
        return
    for path, expanded in pages.items():
        refs = trace.refs.get(path)
        if refs is not None:
            trace.refs[path] = [
                replace(r, ref=replace(r.ref, line=expanded.own_line(r.ref.line)))
                for r in refs
                if _exact(r.ref.line, expanded)
            ]
    for item in trace.items.values():
        own = pages.get(item.req.path)
        if own is not None:
            item.req = replace(item.req, line=own.own_line(item.req.line))
        if any(r.path in pages for r in item.referenced_by):
            item.referenced_by = [
                Reference(r.path, pages[r.path].own_line(r.line)) if r.path in pages else r
                for r in item.referenced_by
            ]
