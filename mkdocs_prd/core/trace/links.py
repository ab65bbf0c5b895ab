"""Linking requirements to code (``trace.sources``) and tests (``trace.junit``).

MkDocs-free.  Each file is read once and scanned once; an unknown qualified id in
it is PRD601 at that file and line (the path relative to ``mkdocs.yml``'s folder).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.settings import TraceSettings
from mkdocs_prd.core.trace.ids import IdHit
from mkdocs_prd.core.trace.junit import read_report
from mkdocs_prd.core.trace.model import CodeRef, Outcome, TestRun, Trace
from mkdocs_prd.core.trace.sources import expand, project_dir, read_bytes, relative, source_ids

if TYPE_CHECKING:
    from mkdocs_prd.core.trace.build import Resolver


def _read_files(
    trace: Trace, option: str, patterns: Sequence[str], base_dir: str, root: str
) -> Iterator[tuple[str, str, bytes]]:
    """``(real path, path relative to base_dir, bytes)`` of each readable file the globs
    match; what cannot be read (or is refused) becomes a message in ``trace``."""
    found = expand(option, patterns, base_dir, root)
    trace.messages += found.messages
    for real, rel in found.files:
        data = read_bytes(real)
        if isinstance(data, str):
            trace.messages.append(f"{option}: {rel}: cannot read it: {data}")
            continue
        trace.files.append(rel)
        yield real, rel, data


def link_code_and_tests(
    trace: Trace, resolver: Resolver, settings: TraceSettings, unknown: Severity | None
) -> None:
    """Fill code references and test runs into ``trace``; unknown ids become PRD601."""
    root = project_dir(settings.base_dir)
    trace.project_dir = root

    def check(hit: IdHit, file: str, line: int) -> bool:
        if resolver.resolve(hit.track_id, hit.local) is not None:
            return True
        problem = resolver.problem(hit.track_id, hit.local)
        if unknown is not None and problem is not None:
            trace.findings.append(Finding("PRD601", unknown, file, line, problem.message, problem.hint))
        return False

    for real, rel, data in _read_files(trace, "trace.sources", settings.sources, settings.base_dir, root):
        repo_path = relative(real, root)
        for hit in source_ids(data):
            if check(hit, rel, hit.line):
                target = resolver.resolve(hit.track_id, hit.local)
                assert target is not None
                trace.items[target.qualified].code.append(CodeRef(rel, hit.line, repo_path))

    for _real, rel, data in _read_files(trace, "trace.junit", settings.junit, settings.base_dir, root):
        cases, problem = read_report(data)
        if problem is not None:
            trace.messages.append(f"trace.junit: {rel}: {problem}")
        for case in cases:
            named: set[str] = set()
            for hit, line in case.ids:
                key = hit.text.casefold()
                if key in named:
                    continue  # named in its name and a property: one run, one finding
                named.add(key)
                if not check(hit, rel, line):
                    continue
                target = resolver.resolve(hit.track_id, hit.local)
                assert target is not None
                if target.qualified in named:
                    continue  # the same requirement spelled differently
                named.add(target.qualified)
                run = TestRun(case.name, case.classname, cast(Outcome, case.outcome), rel, case.line)
                trace.items[target.qualified].tests.append(run)
