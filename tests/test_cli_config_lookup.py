"""Commands run below the site's folder find its mkdocs.yml in a parent folder (up to a
repository root), so lint agrees with the build; with none found, lint says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_sites import prd_text

from mkdocs_prd.adapters.cli.main import main

CONFIG = "site_name: S\nplugins:\n  - prd:\n      statuses: [Draft, In Progress, Approved]\n"


def _site(root: Path, config: str | None = CONFIG) -> Path:
    (root / "docs" / "prds").mkdir(parents=True)
    (root / "docs" / "prds" / "x.md").write_text(prd_text(status="In Progress"), encoding="utf-8")
    if config is not None:
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_lint_from_docs_uses_the_config_one_level_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _site(tmp_path / "site")
    (root / ".git").mkdir()
    monkeypatch.chdir(root / "docs" / "prds")  # two levels below
    assert main(["lint", "x.md"]) == 0  # `In Progress` is one of the site's statuses
    out, err = capsys.readouterr()
    assert "PRD102" not in out
    assert f"using {root / 'mkdocs.yml'}" in err


def test_search_stops_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")  # outside the repository
    root = _site(tmp_path / "repo", config=None)
    (root / ".git").mkdir()
    monkeypatch.chdir(root / "docs")
    assert main(["lint", "prds/x.md"]) == 1  # defaults: `In Progress` is not a status
    out, err = capsys.readouterr()
    assert "PRD102" in out
    assert "no mkdocs.yml found" in err and "default settings" in err and "using" not in err
