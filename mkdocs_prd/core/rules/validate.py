"""Run the rule catalogue over PRDs and turn rule hits into findings.

This is the one place where the site's severity overrides (``rules:`` option, with
``off``) and a page's own silences (``prd_ignore`` / ``<!-- prd-ignore ... -->``)
apply, and where findings get their order: by path, line, rule.  MkDocs-free.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from mkdocs_prd.core.model import Finding, Prd, Severity
from mkdocs_prd.core.rules.base import Hit, PageCheck, Rule, RuleContext
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.settings import Settings


def severity_of(rule: Rule, settings: Settings) -> Severity | None:
    """The severity ``rule`` has on this site, or None when the site turned it off."""
    override = settings.severities.get(rule.id)
    if override is None:
        return rule.severity
    if override == "off":
        return None
    return Severity(override)


def _finding(rule: Rule, severity: Severity, path: str, hit: Hit) -> Finding:
    return Finding(rule.id, severity, path, max(hit.line, 1), hit.message, hit.hint, hit.fix)


def check_page(prd: Prd, text: str, settings: Settings, lines: Sequence[str] | None = None) -> list[Finding]:
    """The findings of every page rule on one PRD (``text`` is its source), sorted.

    ``lines`` is ``text`` as :func:`~mkdocs_prd.core.parse.lines.split_lines` splits it,
    when the caller has it already (it is split on demand otherwise).
    """
    return _check_page(prd, RuleContext(settings, text, lines), _page_rules(settings))


_ActiveRule = tuple[Rule, PageCheck, Severity]


def _page_rules(settings: Settings) -> list[_ActiveRule]:
    """The page rules that are on for this site, with their check and severity (worked out once)."""
    out = []
    for rule in RULES.values():
        if rule.page is not None and (severity := severity_of(rule, settings)) is not None:
            out.append((rule, rule.page, severity))
    return out


def _check_page(prd: Prd, ctx: RuleContext, rules: list[_ActiveRule]) -> list[Finding]:
    out: list[Finding] = []
    ignored = prd.ignored_rules
    # Bytes that are not UTF-8 are never fixed (``fix_bytes``): no finding of such a page
    # offers a fix, so ``fixable`` in the machine formats says what ``--fix`` does.
    fixable = not any(problem.code == "encoding" for problem in prd.problems)
    for rule, check, severity in rules:
        if rule.id not in ignored:
            for hit in check(prd, ctx):
                finding = _finding(rule, severity, prd.path, hit)
                out.append(finding if fixable or finding.fix is None else replace(finding, fix=None))
    return sort_findings(out)


def check_site(prds: Sequence[Prd], settings: Settings) -> list[Finding]:
    """The findings of the cross-document rules (e.g. PRD106) over all PRDs of a site."""
    by_path = {prd.path: prd for prd in prds}
    out: list[Finding] = []
    for rule in RULES.values():
        if rule.site is None:
            continue
        severity = severity_of(rule, settings)
        if severity is None:
            continue
        for path, hit in rule.site(prds, settings):
            prd = by_path.get(path)
            if prd is not None and rule.id in prd.ignored_rules:
                continue
            out.append(_finding(rule, severity, path, hit))
    return sort_findings(out)


def validate(
    pages: Iterable[tuple[Prd, str, Sequence[str] | None]],
    settings: Settings,
    context: Sequence[Prd] = (),
) -> dict[str, tuple[Finding, ...]]:
    """All findings of a site, by PRD path: page rules on each page, then site rules.

    A page is ``(prd, source text, lines)``: ``lines`` is the text as the parser split
    it (the rules reuse it), or None to split it again.  Every PRD path is a key, with
    an empty tuple when the page is clean.  ``context`` are the site's other PRDs: the
    site rules see them, but only ``pages`` get findings.
    """
    rules = _page_rules(settings)
    prds: list[Prd] = []
    found: dict[str, list[Finding]] = {}
    for prd, text, lines in pages:
        prds.append(prd)
        found.setdefault(prd.path, []).extend(_check_page(prd, RuleContext(settings, text, lines), rules))
    for finding in check_site([*prds, *context] if context else prds, settings):
        if finding.path in found:
            found[finding.path].append(finding)
    return {path: tuple(sort_findings(items)) for path, items in found.items()}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order: path, line, rule id, then message (deterministic).

    Numbers in messages compare as numbers: "section “2. Goals”" comes before
    "section “10. IOSM Targets”".
    """
    return sorted(findings, key=lambda f: (f.path, f.line, f.rule, _numbers_key(f.message), f.message))


_DIGIT_RUN = re.compile(r"(\d{1,18})")


def _numbers_key(text: str) -> tuple[tuple[int, str], ...]:
    parts = _DIGIT_RUN.split(text)
    return tuple((int(p), "") if i % 2 else (0, p) for i, p in enumerate(parts))


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """``{error: n, warning: n, info: n}`` (every severity present, zero when none)."""
    counts = Counter(f.severity for f in findings)
    return {sev: counts.get(sev, 0) for sev in Severity}


def summary_line(findings: Iterable[Finding], pages: int) -> str:
    """``3 errors, 1 warning, 0 infos in 12 PRD pages`` for logs and the CLI."""
    counts = count_by_severity(findings)
    parts = [counted(counts[Severity.ERROR], "error"), counted(counts[Severity.WARNING], "warning")]
    parts.append(counted(counts[Severity.INFO], "info"))
    return f"{', '.join(parts)} in {counted(pages, 'PRD page')}"


def counted(n: int, noun: str, plural: str = "") -> str:
    """``1 error``, ``0 errors``, ``2 entries`` (``plural`` when it is not ``noun`` + ``s``): a
    count in a summary the CLI or the build log prints."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def all_findings(findings: Mapping[str, Sequence[Finding]]) -> list[Finding]:
    """Every finding of a ``validate`` result, in report order."""
    return sort_findings(f for items in findings.values() for f in items)
