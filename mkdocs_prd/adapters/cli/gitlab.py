"""``mkdocs-prd lint --format gitlab``: a GitLab Code Quality report.

GitLab reads this JSON (a subset of the Code Climate issue format) from a job's
``artifacts:reports:codequality`` file and shows the findings in the merge
request, on the changed lines.  The fields GitLab requires are ``description``,
``check_name``, ``fingerprint``, ``severity`` and ``location.path`` /
``location.lines.begin``.  Each issue also says ``fixable`` (whether ``mkdocs-prd lint
--fix`` fixes it; GitLab ignores fields it does not know) and says so in its body.
"""

from __future__ import annotations

import hashlib

from mkdocs_prd.core.lint import LintResult
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.safe import json_document

# Code Climate severities GitLab knows: info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def code_quality_issue(f: Finding, file: str) -> dict[str, object]:
    """One finding as a Code Quality issue; ``file`` is the path from the repository root."""
    # Stable across runs, so GitLab can tell new findings from ones already on the target branch.
    key = "\0".join((f.rule, file, str(f.line), f.message))
    body = [f.hint] if f.hint else []
    if f.fixable:
        body.append("Fixed by `mkdocs-prd lint --fix`.")
    return {
        "type": "issue",
        "check_name": f.rule,
        "description": f"{f.rule} {f.message}",
        "content": {"body": " ".join(body)},
        "categories": ["Style"],
        "severity": _SEVERITY[f.severity],
        # surrogatepass: a file name that is not UTF-8 still has a stable fingerprint.
        "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
        "location": {"path": file, "lines": {"begin": f.line}},
        "fixable": f.fixable,
    }


def format_gitlab(result: LintResult) -> str:
    """The findings as a GitLab Code Quality JSON array."""
    issues = [code_quality_issue(f, result.file_of(f)) for f in result.findings]
    return json_document(issues)
