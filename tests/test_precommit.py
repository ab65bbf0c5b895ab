"""The ``mkdocs-prd-lint`` pre-commit hook, on a temporary Git repository.

Three levels: the manifest is valid for pre-commit itself; the hook's entry, run the
way pre-commit runs it (the staged files that match ``files``/``types``, appended to
``entry``), fails a commit with a defective PRD and passes a clean one; and the real
``pre-commit`` (``try-repo`` on this checkout, and ``run`` with the documented config
block) installs the hook into its own environment and runs it.  The last level
needs the package's dependencies from the configured package index; without one it
is skipped, and says so.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import tags_from_path
from pre_commit.clientlib import load_manifest

# Started first in parallel runs (tests/conftest.py): its venv takes tens of seconds.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOOK_ID = "mkdocs-prd-lint"


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=T", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def env_with_venv() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    """The hook as pre-commit reads it (its own manifest loader validates and fills defaults)."""
    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    (found,) = [h for h in hooks if h["id"] == HOOK_ID]
    return dict(found)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A Git repository holding a copy of the sample site, committed."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "sample_site", repo, ignore=shutil.ignore_patterns("site"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    return repo


def stage_defective_prd(repo: Path) -> str:
    """Stage a new PRD with a bad status and an ordinary page; returns the PRD's path."""
    good = (repo / "docs/prds/search/typo-tolerant-search.md").read_text(encoding="utf-8")
    bad = good.replace("**Status:** Review", "**Status:** Finished").replace(
        "search-typo-tolerance", "search-synonyms"
    )
    path = "docs/prds/search/synonyms.md"
    (repo / path).write_text(bad, encoding="utf-8")
    (repo / "docs/guides/notes.md").write_text("# Notes\n\nNot a PRD.\n", encoding="utf-8")
    (repo / "docs/guides/diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    git(repo, "add", "-A")
    return path


def run_hook_entry(hook: dict[str, Any], repo: Path) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry on the staged files the way pre-commit selects and passes them."""
    staged = git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR").split()
    files_re, exclude_re = re.compile(hook["files"]), re.compile(hook["exclude"])
    selected = [
        f
        for f in staged
        if files_re.search(f)
        and not exclude_re.search(f)
        and set(hook["types"]) <= tags_from_path(str(repo / f))
    ]
    cmd = [*shlex.split(hook["entry"]), *hook["args"]]
    if hook["pass_filenames"]:
        cmd += selected
    return subprocess.run(cmd, cwd=repo, env=env_with_venv(), capture_output=True, text=True, timeout=120)


def test_manifest(hook: dict[str, Any]) -> None:
    assert hook["entry"] == "mkdocs-prd lint"
    assert hook["language"] == "python"  # pre-commit pip-installs this repository for it
    assert hook["pass_filenames"] is True
    assert hook["verbose"] is True  # warnings are shown on a commit that passes (pre-commit hides them)
    assert re.search(hook["files"], "docs/prds/a.md") and not re.search(hook["files"], "docs/a.png")


def test_entry_fails_a_commit_with_a_defective_prd(hook: dict[str, Any], repo: Path) -> None:
    path = stage_defective_prd(repo)
    result = run_hook_entry(hook, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{path}:7: error PRD102 Status `Finished`" in result.stdout
    assert "notes.md" not in result.stdout  # not a PRD: skipped silently
    assert "Traceback" not in result.stderr


def test_entry_passes_a_clean_commit(hook: dict[str, Any], repo: Path) -> None:
    (repo / "docs/prds/search/typo-tolerant-search.md").write_text(
        (repo / "docs/prds/search/typo-tolerant-search.md")
        .read_text(encoding="utf-8")
        .replace("0.9", "0.9.1", 1),
        encoding="utf-8",
    )
    git(repo, "add", "-A")
    result = run_hook_entry(hook, repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


# --- the real pre-commit ------------------------------------------------------------


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared by the tests below, so pre-commit builds the hook's environment once.
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = env_with_venv()
    env["PRE_COMMIT_HOME"] = str(home)
    result = subprocess.run(
        [str(BIN / "pre-commit"), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    output = result.stdout + result.stderr
    if result.returncode == 3 and ("Could not find a version" in output or "NewConnectionError" in output):
        pytest.skip("pre-commit could not install the hook's dependencies (no package index reachable)")
    return result


def test_pre_commit_try_repo(repo: Path, pre_commit_home: Path) -> None:
    """``pre-commit try-repo`` with this checkout, as a hook author tries a hook."""
    path = stage_defective_prd(repo)
    result = pre_commit(repo, pre_commit_home, "try-repo", str(ROOT), HOOK_ID)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"mkdocs-prd lint\.+Failed", result.stdout), result.stdout
    assert f"{path}:7: error PRD102" in result.stdout


def test_readme_config_block(repo: Path, pre_commit_home: Path) -> None:
    """The documented ``.pre-commit-config.yaml`` block (docs/lint.md), pointed at this repository's HEAD."""
    text = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- pre-commit-config -->\n```yaml\n(.*?)\n```", text, re.S)
    assert m, "docs/lint.md has no pre-commit config block"
    config = yaml.safe_load(m.group(1))
    (entry,) = config["repos"]
    assert [h["id"] for h in entry["hooks"]] == [HOOK_ID]
    # Only the source changes: the published URL and tag become this checkout and its HEAD.
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    entry["repo"], entry["rev"] = str(ROOT), head
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    path = stage_defective_prd(repo)
    result = pre_commit(repo, pre_commit_home, "run")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"mkdocs-prd lint\.+Failed", result.stdout), result.stdout
    assert f"{path}:7: error PRD102" in result.stdout
    # Fix the status: the same commit now passes (the hook's environment is reused).
    fixed = (repo / path).read_text(encoding="utf-8").replace("**Status:** Finished", "**Status:** Draft")
    (repo / path).write_text(fixed, encoding="utf-8")
    git(repo, "add", "-A")
    result = pre_commit(repo, pre_commit_home, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"mkdocs-prd lint\.+Passed", result.stdout), result.stdout
    assert re.search(r"\n0 errors, \d+ warnings", result.stdout), result.stdout  # shown though it passed
