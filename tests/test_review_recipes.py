"""The change-review CI recipes of docs/review.md, run for real on clones of a git repository.

As ``tests/test_recipes.py`` does for the lint recipes: the YAML is read from the
page (the block after ``<!-- ci-review-github -->`` / ``<!-- ci-review-gitlab -->``),
its shape checked, and every command but ``pip install`` run with bash from the root
of a clone whose pull-request branch changes the sample site's approved PRD, with the
variables GitHub or GitLab would set.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from git_repos import Git, line_of
from test_recipes import GITHUB_LINE, ROOT, is_install, shell

PAGE = ROOT / "docs" / "review.md"
REFUND = "docs/prds/payments/refund-automation.md"


def page_block(marker: str) -> dict[Any, Any]:
    text = PAGE.read_text(encoding="utf-8")
    m = re.search(rf"<!-- {re.escape(marker)} -->\n```yaml\n(.*?)\n```", text, re.S)
    assert m, f"docs/review.md has no YAML block after <!-- {marker} -->"
    data = yaml.safe_load(m.group(1))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Git:
    """The project's repository: the sample site on ``main``, and two pull-request branches."""
    git = Git(tmp_path_factory.mktemp("recipes") / "upstream").init()
    shutil.copytree(ROOT / "sample_site", git.root, ignore=shutil.ignore_patterns("site"), dirs_exist_ok=True)
    git.commit("Sample site", when="2026-01-05T12:00:00+00:00")
    text = (git.root / REFUND).read_text(encoding="utf-8")
    fr4 = line_of(text, "- Priority: Should")
    lines = text.splitlines(keepends=True)
    lines[fr4 - 1] = "- Priority: Must\n"
    git("checkout", "-q", "-b", "pr-bad")
    (git.root / REFUND).write_text("".join(lines), encoding="utf-8")
    git.commit("Raise FR-4 to Must", when="2026-01-06T12:00:00+00:00", author="Eve Editor")
    git("checkout", "-q", "-b", "pr-good", "main")
    bumped = "".join(lines).replace("**Version:** 1.2", "**Version:** 1.3").rstrip("\n")
    bumped += "\n| 1.3 | 2026-01-07 | Eve Editor | FR-4 raised to Must |\n"
    (git.root / REFUND).write_text(bumped, encoding="utf-8")
    git.commit("Raise FR-4 to Must, version 1.3", when="2026-01-07T12:00:00+00:00", author="Eve Editor")
    git("checkout", "-q", "main")
    return git


def clone(upstream: Git, branch: str, dest: Path, depth: int = 0) -> Path:
    args = ["git", "clone", "-q", "--branch", branch]
    if depth:
        args += ["--depth", str(depth)]
    subprocess.run([*args, f"file://{upstream.root}", str(dest)], check=True, capture_output=True)
    return dest


# --- GitHub Actions ------------------------------------------------------------------------


def github_steps() -> tuple[list[dict[Any, Any]], list[str]]:
    workflow = page_block("ci-review-github")
    assert workflow.get("on", workflow.get(True)) == "pull_request"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    return steps, [s["run"] for s in steps if "run" in s and not is_install(s["run"])]


def test_github_recipe_shape() -> None:
    steps, runs = github_steps()
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # the base branch must be in the clone
    assert runs == [
        'mkdocs-prd review --base "origin/$GITHUB_BASE_REF" --format github --summary "$GITHUB_STEP_SUMMARY"'
    ]


def test_github_recipe_annotates_a_silent_change_and_writes_the_job_summary(
    upstream: Git, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, runs = github_steps()
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    bad = clone(upstream, "pr-bad", tmp_path / "bad")
    result = shell(runs[0], bad)
    assert result.returncode == 1, result.stderr
    annotations = [GITHUB_LINE.match(x) for x in result.stdout.splitlines() if x.startswith("::")]
    assert annotations and all(annotations)
    hits = {(m.group(1), m.group(2), int(m.group(3)), m.group(4)) for m in annotations if m}
    text = (bad / REFUND).read_text(encoding="utf-8")
    fr4 = line_of(text, "- Priority: Must", line_of(text, "**FR-4"))
    assert ("error", REFUND, fr4, "PRD701") in hits
    assert ("notice", REFUND, 1, "PRD704") in hits
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## PRD change review\n")
    assert "1 priority raised: FR-4" in md
    # The fixed pull request (version bump and change-log row) passes, with the summary only.
    good = clone(upstream, "pr-good", tmp_path / "good")
    result = shell(runs[0], good)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {m.group(4) for x in result.stdout.splitlines() if (m := GITHUB_LINE.match(x))} == {"PRD704"}


def test_github_recipe_without_full_history_says_what_to_fetch(
    upstream: Git, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, runs = github_steps()
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    shallow = clone(upstream, "pr-bad", tmp_path / "shallow", depth=1)
    result = shell(runs[0], shallow)
    assert result.returncode == 2
    assert "fetch-depth: 0" in result.stderr


# --- GitLab CI ----------------------------------------------------------------------------


def gitlab_job() -> dict[Any, Any]:
    (job,) = page_block("ci-review-gitlab").values()
    assert isinstance(job, dict)
    return job


def test_gitlab_recipe_shape() -> None:
    job = gitlab_job()
    assert job["image"].startswith("python:3")
    assert job["variables"]["GIT_DEPTH"] == 0
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"
    assert any(f"> {report}" in line for line in job["script"])


def test_gitlab_recipe_reports_and_fails_on_a_silent_change(
    upstream: Git, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = gitlab_job()
    monkeypatch.setenv("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
    # GitLab clones only the merge request's branch; the script fetches the target itself.
    work = clone(upstream, "pr-bad", tmp_path / "work")
    subprocess.run(["git", "-C", str(work), "update-ref", "-d", "refs/remotes/origin/main"], check=True)
    results = []
    for command in job["script"]:
        if is_install(command):
            continue
        results.append(shell(command, work))
        if results[-1].returncode != 0:
            break
    report = json.loads((work / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert len(results) == len([c for c in job["script"] if not is_install(c)])
    assert all(r.returncode == 0 for r in results[:-1]), [(r.args, r.stderr) for r in results]
    assert results[-1].returncode == 1 and "PRD701" in results[-1].stdout  # the job fails, in its log
    issue = next(i for i in report if i["check_name"] == "PRD701")
    assert issue["location"]["path"] == REFUND and issue["severity"] == "major"
    assert {i["check_name"] for i in report} == {"PRD701", "PRD704"}
