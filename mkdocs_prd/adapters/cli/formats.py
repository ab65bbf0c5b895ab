"""Output formats of ``mkdocs-prd lint``: text, JSON, GitHub Actions workflow commands.

Each formatter takes a :class:`~mkdocs_prd.core.lint.LintResult` and returns the whole
output as text, so tests and other tools can use them without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs_prd.adapters.cli.gitlab import format_gitlab
from mkdocs_prd.core.lint import LintResult
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.rules.validate import summary_line
from mkdocs_prd.core.safe import json_document, no_workflow_command, terminal_text

FIXABLE_MARK = "[*]"
"""What marks a finding ``--fix`` fixes in the text output (as ruff marks its own)."""


def format_text(result: LintResult) -> str:
    """One ``path:line: severity PRDnnn message`` line per finding, then a summary line.

    A finding that ``--fix`` fixes is marked after its rule id (``PRD103 [*]``), and a last
    line says how many there are (``[*] 2 fixable with --fix ...``; none: no such line).

    A fix hint is indented below the first finding of a file that has it; when later
    findings of the same rule in that file share it, it is written once, saying for how
    many (a fresh skeleton has 80 placeholders and one hint).  Machine formats keep one
    record per finding.
    """
    counts: dict[tuple[str, str, str], int] = {}
    for f in result.findings:
        if f.hint:
            key = (f.path, f.rule, _one_line(f.hint))
            counts[key] = counts.get(key, 0) + 1
    out: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for f in result.findings:
        rule = f"{f.rule} {FIXABLE_MARK}" if f.fixable else f.rule
        out.append(
            f"{_one_line(result.file_of(f))}:{f.line}: {f.severity.value} {rule} {_one_line(f.message)}"
        )
        if not f.hint:
            continue
        key = (f.path, f.rule, _one_line(f.hint))
        if key in seen:
            continue
        seen.add(key)
        n = counts[key]
        label = f"hint (all {n} {f.rule} findings in this file)" if n > 1 else "hint"
        out.append(f"    {label}: {key[2]}")
    out.append(summary_line(result.findings, result.pages))
    fixable = sum(f.fixable for f in result.findings)
    if fixable:
        out.append(f"{FIXABLE_MARK} {fixable} fixable with --fix (--diff shows the changes first)")
    return "\n".join(map(no_workflow_command, out)) + "\n"


def finding_dict(f: Finding, file: str) -> dict[str, object]:
    """A finding as a JSON object: ``path`` (relative to docs_dir) and ``file`` (relative to
    the working directory), ``line``, ``rule``, ``severity``, ``message``, ``hint``, and
    ``fixable`` (bool: whether ``--fix`` fixes it)."""
    return {
        "path": f.path,
        "file": file,
        "line": f.line,
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
        "fixable": f.fixable,
    }


def format_json(result: LintResult) -> str:
    """A JSON array of finding objects (see :func:`finding_dict`)."""
    return json_document([finding_dict(f, result.file_of(f)) for f in result.findings])


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_github(result: LintResult) -> str:
    """GitHub Actions workflow commands (``::error file=...,line=...,title=PRDnnn::message``),
    which GitHub shows as annotations on the pull request, then the summary line."""
    out = []
    for f in result.findings:
        props = f"file={_gh_property(result.file_of(f))},line={f.line},title={_gh_property(f.rule)}"
        text = f"{f.message}. {f.hint}" if f.hint else f.message
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_gh_data(text)}")
    out.append(summary_line(result.findings, result.pages))
    return "\n".join(out) + "\n"


def _gh_data(text: str) -> str:
    # The escaping GitHub's toolkit applies to a command's message; the runner's log is
    # a terminal too, so other control characters are shown escaped.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_text(text)


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _one_line(text: str) -> str:
    return terminal_text(" ".join(text.split()))


FORMATS: dict[str, Callable[[LintResult], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "gitlab": format_gitlab,  # GitLab Code Quality report (lint_gitlab.py)
}
"""Formatter per ``--format`` value."""
