"""``mkdocs-prd trace`` and ``mkdocs-prd lint`` on the traceability project."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from trace_project import make_project, project_with_report

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.cli.trace import format_text, matrix_records
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.rules.validate import counted
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_with_report(tmp_path_factory, "cli-project")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_trace_text_json_csv_and_exit_status(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    config = "site/mkdocs.yml"
    code, out, _ = run(capsys, "trace", "-f", config)
    assert code == 1  # PRD601 in src/refunds.py and in pytest's report
    assert "pay-refunds:FR-2  Must  [failing]  Compute refundable amounts" in out
    # Paths as lint prints them (relative to the working directory); no ':1' for a one-line report.
    assert "    test: failed test_amounts_never_negative (reports/pytest.xml)" in out
    assert "src/refunds.py:10: error PRD601" in out
    assert "    page: site/docs/prds/refunds.md:" in out and "    code: src/refunds.py:1, " in out
    _, linted, _ = run(capsys, "lint", "-f", config)
    finding = re.compile(r"^(\S+:\d+: \w+ PRD6\d\d) ", re.M)
    assert sorted(finding.findall(out)) == sorted(finding.findall(linted)) != []
    assert out.rstrip().endswith(
        "6 requirements; Must 1 of 4 verified, Should 1 of 1 verified; 2 errors, 2 other findings"
    )

    code, out, _ = run(capsys, "trace", "-f", config, "--format", "json")
    data = json.loads(out)
    fr1 = next(r for r in data["requirements"] if r["id"] == "pay-refunds:FR-1")
    assert fr1["url"] == "prds/refunds/#fr-1" and fr1["state"] == "verified"
    assert fr1["code"] == [{"file": "src/refunds.py", "line": 1}, {"file": "src/refunds.py", "line": 9}]
    assert fr1["referenced_by"] == ["prds/ledger.md"]
    assert sorted(f["rule"] for f in data["findings"]) == ["PRD601", "PRD601", "PRD602", "PRD603"]

    code, out, _ = run(capsys, "trace", "-f", config, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows][:2] == ["fin-ledger:FR-1", "pay-refunds:FR-1"]
    assert rows[1]["tests"] == "passed test_issue" and rows[1]["state"] == "verified"


def test_lint_github_carries_trace_findings(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    code, out, _ = run(capsys, "lint", "-f", "site/mkdocs.yml", "--format", "github")
    assert code == 1
    assert "::error file=src/refunds.py,line=10,title=PRD601::Reference `pay-refunds:FR-7`" in out
    assert "::warning file=site/docs/prds/refunds.md,line=30,title=PRD602::" in out
    assert "::warning file=site/docs/prds/refunds.md,line=18,title=PRD603::" in out


def test_csv_cells_cannot_be_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {})
    prd = tmp_path / "site" / "docs" / "prds" / "refunds.md"
    prd.write_text(prd.read_text(encoding="utf-8").replace("FR-1: Issue a refund", "FR-1: =HYPERLINK(1)"))
    _, out, _ = run(capsys, "trace", "-f", str(tmp_path / "site" / "mkdocs.yml"), "--format", "csv")
    assert ",'=HYPERLINK(1)," in out


def test_the_summary_counts_in_the_singular_for_one() -> None:
    """``1 requirement; 1 error, 1 other finding`` (was ``1 errors``, fresh6 item 15)."""
    page = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_bytes()
    catalog = build_catalog([("prds/a.md", page)], Settings())
    records = matrix_records(catalog, lambda src: src)[:1]
    error = Finding("PRD601", Severity.ERROR, "prds/a.md", 1, "x")
    warning = Finding("PRD602", Severity.WARNING, "prds/a.md", 2, "y")
    last = format_text(catalog, records, [error, warning]).splitlines()[-1]
    assert last == "1 requirement; 1 error, 1 other finding"
    assert (
        format_text(catalog, records * 2, []).splitlines()[-1] == "2 requirements; 0 errors, 0 other findings"
    )


@pytest.mark.parametrize(
    ("n", "noun", "shown"),
    [(0, "error", "0 errors"), (1, "error", "1 error"), (2, "info", "2 infos"), (1, "entry", "1 entry")],
)
def test_counted(n: int, noun: str, shown: str) -> None:
    assert counted(n, noun) == shown
    assert counted(2, "entry", "entries") == "2 entries"
