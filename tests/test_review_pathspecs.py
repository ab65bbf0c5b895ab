"""Paths handed to git are literal: a docs folder whose name is git pathspec syntax
(``:(exclude)docs``, ``docs*``) is that folder, for ``review`` (ls-tree, cat-file) and for
the history of ``history: true`` (log), never pathspec magic or a glob."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from git_repos import Git, prd

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.review.history import collect_history

FOLDERS = [":(exclude)docs", "d*cs", ":!docs", "docs[1]"]


@pytest.mark.parametrize("docs", FOLDERS)
def test_review_reads_the_folder_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], docs: str
) -> None:
    git = Git(tmp_path / "repo").init()
    git.write(
        {
            "mkdocs.yml": f"site_name: T\ndocs_dir: '{docs}'\nplugins:\n  - prd\n",
            f"{docs}/prds/a.md": prd("A", "a-track"),
            # Another folder a glob or an exclusion would take in instead.
            "dacs/prds/b.md": prd("B", "b-track"),
            "docs1/prds/c.md": prd("C", "c-track"),
        }
    )
    git.commit("base", when="2026-01-10T10:00:00+00:00")
    git.write({f"{docs}/prds/a.md": prd("A", "a-track", status="Draft")})  # a status moved backwards
    git.commit("head", when="2026-01-11T10:00:00+00:00")
    monkeypatch.chdir(git.root)
    code = main(["review", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "", err
    found = json.loads(out)
    assert {(f["rule"], f["path"]) for f in found} >= {("PRD703", "prds/a.md")}, found
    assert all(f["path"] == "prds/a.md" for f in found), found
    # The history of the folder's PRD (history: true): both of its commits.
    current = (git.root / docs / "prds" / "a.md").read_bytes()
    result = collect_history(str(git.root / docs), {"prds/a.md": ("Draft", current)})
    assert result.problem is None
    history = result.histories["prds/a.md"]
    steps = [(s.status, s.date) for s in history.steps]
    assert steps == [("Approved", "2026-01-10"), ("Draft", "2026-01-11")]
