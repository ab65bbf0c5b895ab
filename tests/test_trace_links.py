"""Links from code and tests: a project with Python and TypeScript sources, a JUnit report
really written by pytest (``record_property``) and one in jest-junit's format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from trace_project import make_project, project_with_report

from mkdocs_prd.adapters.mkdocs.config import load_site_config
from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog, markdown_files


def catalog_of(config_file: Path) -> Catalog:
    site = load_site_config(str(config_file))
    return build_catalog(markdown_files(site.docs_dir), site.settings)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_with_report(tmp_path_factory, "project")


def test_matrix_coverage_and_findings(project: Path) -> None:
    catalog = catalog_of(project / "site" / "mkdocs.yml")
    trace = catalog.trace
    assert trace.enabled
    states = {q: t.state for q, t in trace.items.items()}
    assert states == {
        "fin-ledger:FR-1": "skipped",
        "pay-refunds:FR-1": "verified",
        "pay-refunds:FR-2": "failing",
        "pay-refunds:FR-3": "verified",
        "pay-refunds:NFR-1": "untested",
        "pay-refunds:AC-1": "verified",
    }
    fr1 = trace.items["pay-refunds:FR-1"]
    assert [(c.file, c.line) for c in fr1.code] == [("../src/refunds.py", 1), ("../src/refunds.py", 9)]
    assert [c.repo_path for c in fr1.code] == ["src/refunds.py", "src/refunds.py"]
    assert [(t.name, t.outcome, t.report) for t in fr1.tests] == [
        ("test_issue", "passed", "../reports/pytest.xml")
    ]
    assert fr1.referencing_paths() == ["prds/ledger.md"]
    fr2 = trace.items["pay-refunds:FR-2"]
    assert sorted((t.name, t.outcome) for t in fr2.tests) == [
        ("test_amounts", "passed"),
        ("test_amounts_never_negative", "failed"),
    ]
    fr3 = trace.items["pay-refunds:FR-3"]
    assert [(c.file, c.line) for c in fr3.code] == [("../web/refund.ts", 2)]
    # Named in both its classname and its name: one run.
    assert [(t.name, t.outcome, t.report) for t in fr3.tests] == [
        ("refund state pay-refunds:FR-3 shows refunded", "passed", "../reports/jest.xml")
    ]
    coverage = [(c.priority, c.verified, c.total) for c in trace.coverage("prds/refunds.md")]
    assert coverage == [("Must", 1, 3), ("Should", 1, 1)]
    found = [
        (f.path, f.line, f.rule, f.severity.value) for f in catalog.all_findings() if f.rule[:4] == "PRD6"
    ]
    assert sorted(found) == [
        ("../reports/pytest.xml", found_line(project, "pay-refunds:NFR-9"), "PRD601", "error"),
        ("../src/refunds.py", 10, "PRD601", "error"),
        ("prds/refunds.md", 18, "PRD603", "warning"),
        ("prds/refunds.md", 30, "PRD602", "warning"),
    ]
    messages = {f.rule: f.message for f in catalog.all_findings()}
    assert "pay-refunds:FR-7" in str(catalog.findings_for("../src/refunds.py")[0].message)
    assert "test_amounts_never_negative" in messages["PRD603"]
    # Draft PRD: no PRD602 for fin-ledger:FR-1 although it has no passing test.
    assert not [f for f in catalog.findings_for("prds/ledger.md") if f.rule == "PRD602"]


def found_line(project: Path, text: str) -> int:
    lines = (project / "reports" / "pytest.xml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_without_trace_option_nothing_is_checked_against_code(tmp_path: Path) -> None:
    config_file = make_project(tmp_path)
    config_file.write_text("site_name: T\ndocs_dir: docs\nplugins:\n  - prd\n", encoding="utf-8")
    catalog = catalog_of(config_file)
    assert not catalog.trace.enabled
    assert not [f for f in catalog.all_findings() if f.rule in ("PRD602", "PRD603")]
    assert all(not t.code and not t.tests for t in catalog.trace.items.values())
    assert catalog.trace.items["pay-refunds:FR-1"].referencing_paths() == ["prds/ledger.md"]


def test_hostile_missing_and_outside_files_give_messages(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text("pay-refunds:FR-1\n", encoding="utf-8")
    root = tmp_path / "project"
    config_file = make_project(
        root,
        {
            "sources": ["../../outside/*.py", "../src/**/*.py", "../linked/*.py"],
            "junit": ["../reports/bomb.xml", "../reports/broken.xml", "../reports/none-*.xml"],
        },
    )
    os.symlink(outside, root / "linked")
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        '<testsuite><testcase name="pay-refunds:FR-1 &lol2;"/></testsuite>\n'
    )
    (root / "reports" / "bomb.xml").write_text(bomb, encoding="utf-8")
    external = '<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "file:///etc/passwd">\n<testsuite/>\n'
    (root / "reports" / "broken.xml").write_text(
        '<testsuite>\n<testcase name="pay-refunds:FR-2 ok"/>\n<testcase name="x"\n', encoding="utf-8"
    )
    (root / "reports" / "external.xml").write_text(external, encoding="utf-8")
    catalog = catalog_of(config_file)
    messages = "\n".join(catalog.trace.messages)
    assert "'../../outside/*.py': refused 1 file(s) outside the project folder" in messages
    assert "'../linked/*.py': refused 1 file(s)" in messages
    assert "../reports/bomb.xml: refused: the report declares a DTD or entities" in messages
    assert "../reports/broken.xml: not valid XML (line 3" in messages
    assert "'../reports/none-*.xml' matches no file" in messages
    fr1 = catalog.trace.items["pay-refunds:FR-1"]
    assert not fr1.tests and all(c.file == "../src/refunds.py" for c in fr1.code)
    # The cases read before the XML broke still count.
    assert [t.name for t in catalog.trace.items["pay-refunds:FR-2"].tests] == ["pay-refunds:FR-2 ok"]
