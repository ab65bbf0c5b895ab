"""A small project with PRDs, Python and TypeScript sources, and two JUnit reports.

``make_project(root)`` writes::

    root/.git/                      (a real, empty git repository: the project folder)
    root/site/mkdocs.yml            trace: sources ../src/**/*.py, ../web/**/*.ts; junit ../reports/*.xml
    root/site/docs/prds/refunds.md  pay-refunds, Approved: FR-1/FR-2/NFR-1 Must, FR-3 Should
    root/site/docs/prds/ledger.md   Track ID fin-ledger, Draft, references pay-refunds:FR-1
    root/src/refunds.py             code naming pay-refunds:FR-1 / FR-2 and an unknown id
    root/web/refund.ts              TypeScript naming pay-refunds:FR-3
    root/tests/test_refunds.py      pytest tests that call record_property("requirements", ...)
    root/reports/pytest.xml         written by really running pytest on tests/ (``run_pytest``)
    root/reports/jest.xml           a jest-junit report (another runner's format)

Outcomes: FR-1 passes (pytest) -> verified; FR-2 has a passing and a failing test
-> failing (PRD603); FR-3 passes in jest -> verified; NFR-1 has no test -> PRD602
(Must, Approved); fin-ledger:FR-1 is skipped in jest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REFUNDS = """\
# PRD: Refund automation

**Version:** 1.0
**Date:** 2026-01-10
**Track ID:** pay-refunds
**Owner:** Payments Team
**Status:** Approved

## 5. Requirements

### 5.1 Functional Requirements

**FR-1: Issue a refund**

- Description: The agent issues a refund from the order page.
- Priority: Must

**FR-2: Compute refundable amounts**

- Description: Amounts come from the order.
- Priority: Must

**FR-3: Show refund state**

- Description: The customer sees the state.
- Priority: Should

### 5.2 Non-Functional Requirements

**NFR-1: Performance**

- Description: p95 under 2 s.
- Priority: Must

## 8. Acceptance Criteria

- [x] AC-1: A refund of a paid order succeeds
- [ ] The audit log lists refunds
"""

LEDGER = """\
# PRD: Ledger postings

**Version:** 0.3
**Date:** 2026-02-01
**Track ID:** fin-ledger
**Owner:** Finance
**Status:** Draft

## 5. Requirements

**FR-1: Post refunds**

- Description: Every refund of pay-refunds:FR-1 is posted to the ledger.
- Priority: Must
"""

REFUNDS_PY = """\
\"\"\"Refunds.  Implements pay-refunds:FR-1 (issue) and pay-refunds:FR-2 (amounts).\"\"\"


def refundable(total: int, refunded: int) -> int:
    # pay-refunds:FR-2: never more than what was paid
    return max(total - refunded, 0)


def issue(order: dict) -> dict:  # pay-refunds:FR-1
    # See pay-refunds:FR-7 (a typo: no such requirement)
    return {"order": order["id"], "amount": refundable(order["total"], order.get("refunded", 0))}
"""

REFUND_TS = """\
// Refund state badge: fin-ledger:FR-1 is not implemented here.
/** Implements pay-refunds:FR-3. */
export function refundState(paid: boolean): string {
  return paid ? "refunded" : "pending";
}
"""

TEST_PY = """\
import pytest

from refunds import issue, refundable


def test_issue(record_property):
    record_property("requirements", "pay-refunds:FR-1, pay-refunds:AC-1")
    assert issue({"id": 1, "total": 10})["amount"] == 10


def test_amounts(record_property):
    record_property("requirements", "pay-refunds:FR-2")
    assert refundable(10, 4) == 6


def test_amounts_never_negative(record_property):
    record_property("requirements", "pay-refunds:FR-2")
    assert refundable(10, 14) == -4  # fails on purpose: FR-2 has a failing test


@pytest.mark.parametrize("case", ["pay-refunds:NFR-9"])
def test_unknown(case, record_property):
    record_property("requirements", case)
"""

JEST_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="0" errors="0" time="0.8">
  <testsuite name="refund state" errors="0" failures="0" skipped="1" time="0.5" tests="3">
    <testcase classname="refund state pay-refunds:FR-3"
              name="refund state pay-refunds:FR-3 shows refunded" time="0.01">
    </testcase>
    <testcase classname="ledger" name="fin-ledger:FR-1 posts refunds" time="0">
      <skipped/>
    </testcase>
    <testcase classname="misc" name="renders without ids" time="0.002">
    </testcase>
  </testsuite>
</testsuites>
"""


def make_project(root: Path, trace: dict[str, object] | None = None) -> Path:
    """Write the project under ``root``; returns the path of its ``mkdocs.yml``."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    files = {
        "site/docs/index.md": "# Home\n",
        "site/docs/prds/refunds.md": REFUNDS,
        "site/docs/prds/ledger.md": LEDGER,
        "src/refunds.py": REFUNDS_PY,
        "web/refund.ts": REFUND_TS,
        "tests/test_refunds.py": TEST_PY,
        "reports/jest.xml": JEST_XML,
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    options = (
        trace
        if trace is not None
        else {
            "sources": ["../src/**/*.py", "../web/**/*.ts"],
            "junit": ["../reports/*.xml"],
        }
    )
    config = {
        "site_name": "Trace project",
        "docs_dir": "docs",
        "site_dir": "build",
        "repo_url": "https://github.com/acme/shop",
        "edit_uri": "edit/main/site/docs/",
        "theme": "mkdocs",
        "plugins": [{"prd": {"trace": options}}],
        "markdown_extensions": ["tables", "attr_list"],
    }
    config_file = root / "site" / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def run_pytest(root: Path, cwd: Path | None = None) -> Path:
    """Run ``root/tests`` with pytest for real (``root/src`` importable); returns the JUnit
    report it wrote, ``root/reports/pytest.xml`` (``record_property`` needs ``xunit1``)."""
    report = root / "reports" / "pytest.xml"
    tests = str(root / "tests")
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "filterwarnings=",
         f"--junitxml={report}", "-o", "junit_family=xunit1", "--rootdir", tests, tests],
        cwd=cwd or root / "src",
        env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        check=False,
    )  # fmt: skip
    assert report.is_file()
    return report


def project_with_report(factory: pytest.TempPathFactory, name: str) -> Path:
    """A fresh project (``make_project``) whose pytest report has been written; its root."""
    root = factory.mktemp(name)
    make_project(root)
    run_pytest(root)
    return root
