"""Build a site's :class:`~mkdocs_prd.core.trace.model.Trace` and its findings (PRD601-603).

MkDocs-free.  Ids and references come from the PRD pages; with a ``trace`` option,
code references from ``trace.sources`` and test outcomes from ``trace.junit``.
Everything is one pass over each page, source file and report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mkdocs_prd.core.model import Finding, Prd, Severity
from mkdocs_prd.core.rules.base import Hit, quote
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.trace.ids import RequirementId, requirement_ids, track_of
from mkdocs_prd.core.trace.model import Reference, RequirementTrace, ResolvedRef, Trace
from mkdocs_prd.core.trace.prose import ProseRef, prose_hits
from mkdocs_prd.core.trace.rules import TRACE_RULES


class Resolver:
    """Looks up ``track:local`` in a site's requirements (Track IDs case-insensitively)."""

    def __init__(self, prds: Iterable[Prd]) -> None:
        self.tracks: dict[str, str] = {}
        self.ids: dict[tuple[str, str], RequirementId] = {}
        self.by_path: dict[str, list[RequirementId]] = {}
        self.locals: dict[str, list[str]] = {}  # per Track ID (case-folded): its local ids
        for prd in sorted(prds, key=lambda p: p.path):
            track = track_of(prd)
            if track is None or track.casefold() in self.tracks:
                continue  # a duplicate Track ID is PRD106's finding; the first PRD owns it
            self.tracks[track.casefold()] = track
            reqs = requirement_ids(prd)
            self.by_path[prd.path] = reqs
            self.locals[track.casefold()] = [r.local for r in reqs]
            for r in reqs:
                self.ids[track.casefold(), r.local] = r

    def resolve(self, track: str, local: str) -> RequirementId | None:
        return self.ids.get((track.casefold(), local.upper()))

    def problem(self, track: str, local: str) -> Hit | None:
        """None when ``track:local`` names a requirement (or, written in lower case, names no
        PRD's Track ID: then it is not taken for an id); else the PRD601 message (line 0)."""
        if self.resolve(track, local) is not None:
            return None
        text = quote(f"{track}:{local}")
        known = self.tracks.get(track.casefold())
        if known is None:
            if local != local.upper():
                return None  # "lang:fr-2": not an id unless a PRD has that Track ID
            return Hit(
                0,
                f"Reference {text} names no PRD: no PRD has Track ID {quote(track)}",
                "Check the Track ID (or put an example id in a code span)",
            )
        ids = self.locals.get(track.casefold(), [])
        choices = ", ".join(ids[:8]) + (" …" if len(ids) > 8 else "")
        return Hit(
            0,
            f"Reference {text} names no requirement: PRD {quote(known)} has no {local.upper()}",
            f"Use one of its ids: {choices}" if ids else "That PRD has no requirement ids",
        )


def resolve_refs(
    prd: Prd, refs: Sequence[ProseRef], resolver: Resolver, unknown: Severity | None
) -> tuple[list[ResolvedRef], list[Finding]]:
    """The references of ``prd``'s prose with what each names, and their PRD601 findings
    (``unknown`` is PRD601's severity on the site, None when it is off)."""
    resolved: list[ResolvedRef] = []
    findings: list[Finding] = []
    for ref in refs:
        target = resolver.resolve(ref.track_id, ref.local)
        resolved.append(ResolvedRef(ref, target))
        if target is None and unknown is not None and "PRD601" not in prd.ignored_rules:
            hit = resolver.problem(ref.track_id, ref.local)
            if hit is not None:
                findings.append(Finding("PRD601", unknown, prd.path, ref.line, hit.message, hit.hint))
    return resolved, findings


def build_trace(pages: Sequence[tuple[Prd, str, Sequence[str] | None]], settings: Settings) -> Trace:
    """The traceability of a site from its PRD pages ``(prd, text, lines)`` and ``settings``."""
    from mkdocs_prd.core.parse.lines import split_lines
    from mkdocs_prd.core.rules.validate import severity_of

    prds = [p for p, _, _ in pages]
    resolver = Resolver(prds)
    trace = Trace(enabled=settings.trace is not None)
    for path, reqs in resolver.by_path.items():
        items = [RequirementTrace(r) for r in reqs]
        trace.by_path[path] = items
        for t in items:
            trace.items[t.req.qualified] = t
    severities = {rid: severity_of(rule, settings) for rid, rule in TRACE_RULES.items()}
    unknown = severities["PRD601"]
    for prd, text, lines in pages:
        refs = prose_hits(text, lines if lines is not None else split_lines(text))
        if not refs:
            continue
        resolved, findings = resolve_refs(prd, refs, resolver, unknown)
        for ref in resolved:
            if ref.target is not None:
                trace.items[ref.target.qualified].referenced_by.append(Reference(prd.path, ref.ref.line))
        trace.findings.extend(findings)
        trace.refs[prd.path] = resolved
    if settings.trace is not None:
        from mkdocs_prd.core.trace.links import link_code_and_tests

        link_code_and_tests(trace, resolver, settings.trace, unknown)
        _coverage_findings(trace, prds, settings, severities)
    return trace


def _coverage_findings(
    trace: Trace, prds: Sequence[Prd], settings: Settings, severities: dict[str, Severity | None]
) -> None:
    """PRD602 (no test for a required priority on a reviewed PRD) and PRD603 (a failing test)."""
    assert settings.trace is not None
    required = {p.casefold() for p in settings.trace.require_verified}
    by_path = {p.path: p for p in prds}
    for path, items in trace.by_path.items():
        prd = by_path.get(path)
        if prd is None:
            continue
        reviewed = settings.is_approved(prd.status)  # Approved or later, in the site's words
        for t in items:
            req = t.req
            sev = severities["PRD602"]
            if (
                sev is not None
                and reviewed
                and "PRD602" not in prd.ignored_rules
                and req.priority is not None
                and req.priority.casefold() in required
                and not t.tests
            ):
                trace.findings.append(
                    Finding(
                        "PRD602",
                        sev,
                        path,
                        req.line,
                        f"{req.priority} requirement {quote(req.qualified)} has no test, "
                        f"and the PRD is {prd.status}",
                        f"Name {req.qualified} in a test (name, class or `requirements` property) "
                        "and add its JUnit report to trace.junit",
                    )
                )
            sev = severities["PRD603"]
            failing = [r for r in t.tests if r.outcome == "failed"]
            if sev is not None and failing and "PRD603" not in prd.ignored_rules:
                first = failing[0]
                more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
                trace.findings.append(
                    Finding(
                        "PRD603",
                        sev,
                        path,
                        req.line,
                        f"Requirement {quote(req.qualified)} has a failing test: {quote(first.name)} "
                        f"at {first.location}{more}",
                        "Fix the code or the test; the requirement is not verified while a test fails",
                    )
                )
