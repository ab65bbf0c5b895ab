"""What traceability knows about each requirement: references, code, tests, verification.

MkDocs-free plain data, built by :func:`mkdocs_prd.core.trace.build.build_trace`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.trace.ids import RequirementId
from mkdocs_prd.core.trace.prose import ProseRef

Outcome = Literal["passed", "failed", "skipped"]
State = Literal["verified", "failing", "untested", "skipped"]

COVERED_PRIORITIES: tuple[str, ...] = ("Must", "Should", "Could")


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A qualified id in a source file: ``file`` relative to ``mkdocs.yml``'s folder
    (``../src/refund.py``), ``repo_path`` relative to the project folder (for links)."""

    file: str
    line: int
    repo_path: str


@dataclass(frozen=True, slots=True)
class TestRun:
    """One JUnit ``testcase`` naming the requirement: its outcome and where it is in the report."""

    name: str
    classname: str
    outcome: Outcome
    report: str
    line: int

    @property
    def location(self) -> str:
        """``report:line``; just ``report`` when the line says nothing (line 1: a report written
        on one line, as pytest writes its JUnit XML)."""
        return f"{self.report}:{self.line}" if self.line > 1 else self.report


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference from a PRD page (``path``, 1-based ``line``) to a requirement."""

    path: str
    line: int


@dataclass
class RequirementTrace:
    """Everything known about one requirement."""

    req: RequirementId
    referenced_by: list[Reference] = field(default_factory=list)
    code: list[CodeRef] = field(default_factory=list)
    tests: list[TestRun] = field(default_factory=list)

    @property
    def state(self) -> State:
        """``verified`` (a passing test, no failing one), ``failing``, ``skipped`` (only
        skipped tests) or ``untested``."""
        outcomes = {t.outcome for t in self.tests}
        if "failed" in outcomes:
            return "failing"
        if "passed" in outcomes:
            return "verified"
        return "skipped" if outcomes else "untested"

    @property
    def verified(self) -> bool:
        return self.state == "verified"

    def referencing_paths(self) -> list[str]:
        """The other PRD pages that reference this requirement, once each, in path order."""
        return sorted({r.path for r in self.referenced_by if r.path != self.req.path})


@dataclass(frozen=True, slots=True)
class ResolvedRef:
    """A reference on a page and the requirement it names (None: unknown)."""

    ref: ProseRef
    target: RequirementId | None


@dataclass(frozen=True, slots=True)
class Coverage:
    """Verified requirements of one priority on one PRD: ``Must 2 of 3 verified``."""

    priority: str
    verified: int
    total: int


@dataclass
class Trace:
    """The traceability of one site.

    ``enabled`` is True when the site has a ``trace`` option (code, tests and
    coverage are shown and checked only then).  ``items`` holds every requirement by
    qualified id, in PRD path and line order; ``refs`` the references of each PRD
    page; ``findings`` PRD601-603 (before page silences are applied by the caller
    for non-PRD files); ``messages`` notes about sources and reports (missing,
    refused, unreadable) for the log.  ``files`` lists the source files and reports
    read, relative to ``mkdocs.yml``'s folder.
    """

    enabled: bool = False
    items: dict[str, RequirementTrace] = field(default_factory=dict)
    refs: dict[str, list[ResolvedRef]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    project_dir: str = ""
    by_path: dict[str, list[RequirementTrace]] = field(default_factory=dict)

    def for_path(self, path: str) -> list[RequirementTrace]:
        """The requirements of the PRD at ``path``, in page order."""
        return self.by_path.get(path, [])

    def coverage(self, path: str) -> list[Coverage]:
        """Per priority (Must, Should, Could) with requirements: how many of the PRD's are verified."""
        return coverage_of(self.for_path(path))


def coverage_of(items: Iterable[RequirementTrace]) -> list[Coverage]:
    """Per priority (Must, Should, Could) that ``items`` have: how many are verified."""
    counts: dict[str, list[int]] = {}
    for t in items:
        if t.req.priority in COVERED_PRIORITIES:
            c = counts.setdefault(t.req.priority, [0, 0])
            c[1] += 1
            c[0] += t.verified
    return [Coverage(p, *counts[p]) for p in COVERED_PRIORITIES if p in counts]
