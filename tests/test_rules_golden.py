"""Golden tests of the rule catalogue.

Each folder under ``tests/golden/rules/cases/`` is a small site: one or more PRDs
(most are ``../clean.md`` with exactly one defect), an optional ``settings.yml``
holding ``prd`` plugin options, and ``expected.txt``: the findings, one
``path:line: severity PRDnnn message`` line each with its hint below.  A folder
named after a rule id must show that rule firing and nothing else; ``silent-*``
folders must show nothing.

``PRD_UPDATE_GOLDEN=1 pytest tests/test_rules_golden.py`` rewrites the expected
files; review every change by hand.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from mkdocs_prd.adapters.mkdocs.config import PrdConfig, to_settings
from mkdocs_prd.core.model import Finding
from mkdocs_prd.core.rules.catalog import RULES
from mkdocs_prd.core.settings import IncludeMarkdown, Includes, Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog, markdown_files

GOLDEN = Path(__file__).parent / "golden" / "rules"
CASES = sorted(p.name for p in (GOLDEN / "cases").iterdir() if p.is_dir())
UPDATE = os.environ.get("PRD_UPDATE_GOLDEN") == "1"


def site_settings(options: dict[str, object]) -> Settings:
    """Settings from plugin options, validated exactly as a build validates them.

    ``markdown_extensions`` is the site's (top-level in ``mkdocs.yml``), not a plugin option.
    """
    options = dict(options)
    extensions = options.pop("markdown_extensions", None)
    cfg = PrdConfig()
    cfg.load_dict(options)
    failed, warnings = cfg.validate()
    assert not failed and not warnings, (failed, warnings)
    return to_settings(cfg, tuple(extensions) if isinstance(extensions, list) else None)


def lint_folder(folder: Path) -> list[Finding]:
    options_file = folder / "settings.yml"
    options = yaml.safe_load(options_file.read_text()) if options_file.exists() else {}
    include_markdown = options.pop("include_markdown", False)  # the site has include-markdown
    settings = site_settings(options)
    if include_markdown:
        includes = Includes(docs_dir=str(folder), roots=(str(folder),), markdown=IncludeMarkdown())
        settings = replace(settings, includes=includes)
    if settings.trace is not None:  # trace globs are relative to the case folder (its mkdocs.yml)
        settings = replace(settings, trace=replace(settings.trace, base_dir=str(folder)))
    catalog = build_catalog(markdown_files(str(folder)), settings)
    assert len(catalog) > 0, f"no PRD detected in {folder}"
    return catalog.all_findings()


def render(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        lines.append(f"{f.path}:{f.line}: {f.severity.value} {f.rule} {f.message}")
        lines.append(f"    hint: {f.hint}")
    return "\n".join(lines) + ("\n" if lines else "")


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: str) -> None:
    folder = GOLDEN / "cases" / case
    findings = lint_folder(folder)
    expected_file = folder / "expected.txt"
    actual = render(findings)
    if UPDATE:
        expected_file.write_text(actual)
    assert actual == expected_file.read_text()
    rule_id = case.split("-", 1)[0]
    if rule_id in RULES:
        # One defect, one finding kind: the rule the case is named after, and only it.
        assert findings and {f.rule for f in findings} == {rule_id}
    elif case.startswith("silent-"):
        assert findings == []
    for f in findings:
        assert f.hint, f"{f.rule} has no fix hint"
        assert f.line >= 1


def test_every_rule_has_a_firing_case() -> None:
    named = {case.split("-", 1)[0] for case in CASES}
    # The change-review rules (PRD7xx) compare two revisions: tests/test_review.py fires them.
    review = {rid for rid in RULES if rid.startswith("PRD7")}
    assert review == {"PRD701", "PRD702", "PRD703", "PRD704"}
    assert set(RULES) - review <= named, sorted(set(RULES) - review - named)


def test_clean_prd_has_no_finding() -> None:
    text = (GOLDEN / "clean.md").read_bytes()
    catalog = build_catalog([("prds/clean.md", text)], Settings())
    assert len(catalog) == 1
    assert catalog.all_findings() == []


def test_raw_template_only_has_placeholder_warnings() -> None:
    text = (GOLDEN / "template.md").read_bytes()
    findings = build_catalog([("template.md", text)], Settings()).all_findings()
    assert findings, "the raw template must be reported"
    assert {(f.rule, f.severity.value) for f in findings} == {("PRD107", "warning")}
    # The Status line is reported once, as a placeholder, not also as an unknown status.
    status_lines = [f for f in findings if "Draft | Review" in f.message]
    assert len(status_lines) == 1 and status_lines[0].line == 7


def test_findings_are_sorted_by_path_line_rule() -> None:
    findings = lint_folder(GOLDEN / "cases" / "PRD106-duplicate-track-id")
    keys = [(f.path, f.line, f.rule) for f in findings]
    assert keys == sorted(keys)
