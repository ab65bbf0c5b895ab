"""The documented CI recipes: valid YAML, and the commands they run work as documented.

The recipes are read from docs/ci.md (the YAML block after ``<!-- ci-github -->`` and
``<!-- ci-gitlab -->``), so a recipe that drifts from what the tools do fails here.
Their ``pip install`` lines are what ``tests/test_install.py`` checks; every other
command runs for real, from the root of a copy of the sample site, once on the
clean site and once with a defective PRD added.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RECIPES = ROOT / "docs" / "ci.md"
BIN = Path(sys.executable).parent

GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),title=(PRD\d{3})::(.+)$")


def readme_block(marker: str) -> str:
    """The fenced code block right after ``<!-- marker -->`` in docs/ci.md."""
    text = RECIPES.read_text(encoding="utf-8")
    m = re.search(rf"<!-- {re.escape(marker)} -->\n```[a-z]*\n(.*?)\n```", text, re.S)
    assert m, f"docs/ci.md has no code block after <!-- {marker} -->"
    return m.group(1)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one recipe line with bash, the test venv's tools first on PATH (as after ``pip install``)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_site(tmp_path: Path, defective: bool) -> Path:
    site = tmp_path / ("bad" if defective else "good")
    shutil.copytree(ROOT / "sample_site", site, ignore=shutil.ignore_patterns("site"))
    if defective:
        good = (site / "docs/prds/payments/refund-automation.md").read_text(encoding="utf-8")
        bad = good.replace("**Status:** Approved", "**Status:** Done").replace(
            "payments-refund-automation", "payments-chargebacks"
        )
        assert bad != good
        (site / "docs/prds/payments/chargebacks.md").write_text(bad, encoding="utf-8")
    return site


def is_install(command: str) -> bool:
    return command.startswith("pip install")


# --- GitHub Actions -----------------------------------------------------------------


@pytest.fixture(scope="module")
def github_workflow() -> dict[Any, Any]:
    workflow = yaml.safe_load(readme_block("ci-github"))
    assert isinstance(workflow, dict)
    return workflow


def github_runs(workflow: dict[Any, Any]) -> list[str]:
    (job,) = workflow["jobs"].values()
    return [step["run"] for step in job["steps"] if "run" in step]


def test_github_workflow_shape(github_workflow: dict[Any, Any]) -> None:
    # PyYAML reads the bare key `on` as True (YAML 1.1); GitHub reads it as "on".
    assert github_workflow.get("on", github_workflow.get(True)) == ["push", "pull_request"]
    (job,) = github_workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python"]
    runs = github_runs(github_workflow)
    assert runs == [
        "pip install mkdocs-prd mkdocs-material",
        "mkdocs-prd lint --format github",
        "mkdocs build --strict",
    ]


def test_github_recipe_passes_on_a_clean_site(github_workflow: dict[Any, Any], tmp_path: Path) -> None:
    site = copy_site(tmp_path, defective=False)
    for command in github_runs(github_workflow):
        if is_install(command):
            continue
        result = shell(command, site)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert (site / "site" / "index.html").is_file()


def test_github_recipe_annotates_and_fails_on_a_defect(
    github_workflow: dict[Any, Any], tmp_path: Path
) -> None:
    site = copy_site(tmp_path, defective=True)
    lint = next(c for c in github_runs(github_workflow) if c.startswith("mkdocs-prd lint"))
    result = shell(lint, site)
    assert result.returncode == 1  # the step fails, so the job stops before the build
    annotations = [GITHUB_LINE.match(line) for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(annotations)
    hits = {(m.group(1), m.group(2), m.group(4)) for m in annotations if m}
    # The file path is relative to the repository root, as GitHub needs to place the annotation.
    assert ("error", "docs/prds/payments/chargebacks.md", "PRD102") in hits
    assert (site / "docs/prds/payments/chargebacks.md").is_file()
    build = shell("mkdocs build --strict", site)
    assert build.returncode == 1
    assert "PRD102" in build.stderr


# --- GitLab CI -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gitlab_job() -> dict[Any, Any]:
    config = yaml.safe_load(readme_block("ci-gitlab"))
    assert isinstance(config, dict)
    (job,) = config.values()
    assert isinstance(job, dict)
    return job


def run_gitlab_script(job: dict[Any, Any], site: Path) -> list[subprocess.CompletedProcess[str]]:
    """The script lines in order, stopping at the first failure (as GitLab does)."""
    results = []
    for command in job["script"]:
        if is_install(command):
            continue
        result = shell(command, site)
        results.append(result)
        if result.returncode != 0:
            break
    return results


def test_gitlab_job_shape(gitlab_job: dict[Any, Any]) -> None:
    assert gitlab_job["image"].startswith("python:3")
    assert gitlab_job["artifacts"]["when"] == "always"
    report = gitlab_job["artifacts"]["reports"]["codequality"]
    # The report the job uploads is the file its script writes.
    assert any(f"> {report}" in line for line in gitlab_job["script"])


def test_gitlab_recipe_passes_on_a_clean_site(gitlab_job: dict[Any, Any], tmp_path: Path) -> None:
    site = copy_site(tmp_path, defective=False)
    results = run_gitlab_script(gitlab_job, site)
    assert all(r.returncode == 0 for r in results), [(r.args, r.stdout, r.stderr) for r in results]
    assert len(results) == len([c for c in gitlab_job["script"] if not is_install(c)])
    report = site / gitlab_job["artifacts"]["reports"]["codequality"]
    assert json.loads(report.read_text(encoding="utf-8")) == []


def test_gitlab_recipe_reports_and_fails_on_a_defect(gitlab_job: dict[Any, Any], tmp_path: Path) -> None:
    site = copy_site(tmp_path, defective=True)
    results = run_gitlab_script(gitlab_job, site)
    assert results[-1].returncode == 1  # the job fails ...
    assert "PRD102" in results[-1].stdout  # ... with the finding in the job log
    report = json.loads(
        (site / gitlab_job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8")
    )
    issue = next(i for i in report if i["check_name"] == "PRD102")
    # The fields GitLab requires, with the values it accepts.
    assert issue["location"] == {"path": "docs/prds/payments/chargebacks.md", "lines": {"begin": 7}}
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issue["description"].startswith("PRD102 Status `Done`")
    assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in report}) == len(report)
