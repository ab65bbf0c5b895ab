"""The command line in a pipe whose reader has gone, titles without words, and the Track ID cache."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.lint import lint
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.facts import FactCache, _code_fingerprint

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
CLI = Path(sys.executable).with_name("mkdocs-prd")


def make_site(root: Path, count: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    prds = root / "docs" / "prds"
    prds.mkdir(parents=True)
    for i in range(count):
        (prds / f"p{i}.md").write_text(CLEAN.replace("saved-payment-methods", f"track-{i}"), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "argv",
    [
        ["rules"],
        ["rules", "--format", "json"],
        ["lint"],
        ["lint", "--format", "json"],
        ["index"],
        ["--help"],
        ["lint", "--help"],
        ["new", "Piped feature", "--dir", "docs/out"],
    ],
)
def test_output_into_a_closed_pipe_exits_quietly(tmp_path: Path, argv: list[str]) -> None:
    make_site(tmp_path, 3)
    (tmp_path / "docs" / "prds" / "bad.md").write_text(
        CLEAN.replace("Approved", "Shipped").replace("saved-payment-methods", "bad"), encoding="utf-8"
    )
    proc = subprocess.Popen(
        [str(CLI), *argv], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes anything (`| head -0`)
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    proc.stderr.close()
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    expected = 1 if argv[:1] == ["lint"] and "--help" not in argv else 0
    assert code == expected


def test_a_real_pipe_to_head(tmp_path: Path) -> None:
    result = subprocess.run(
        f"'{CLI}' rules | head -1", shell=True, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.startswith("PRD001")
    assert result.stderr == ""


@pytest.mark.parametrize("title", ["???", "  --- ", "!!!", "…", "🚀 🚀"])
def test_new_refuses_a_title_without_letters_or_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", title]) == 2
    err = capsys.readouterr().err
    assert "no letters or digits" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("title", ["Ünïcode Søk", "Поиск", "検索の改善", "v2"])
def test_new_takes_titles_in_any_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", title]) == 0, capsys.readouterr().err


# --- the Track ID cache: never needed for correctness -------------------------------------


def _lint_one(root: Path, cache: FactCache | None) -> list[tuple[str, int, str, str]]:
    docs = root / "docs"
    pages = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    result = lint([str(docs / "prds" / "p0.md")], Settings(), str(docs), pages, cache)
    return [(f.path, f.line, f.rule, f.message) for f in result.findings]


def test_the_cache_gives_the_same_findings_and_follows_changes(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", 6)
    cache_file = tmp_path / "cache" / "facts.json"
    cache = FactCache(cache_file)
    assert _lint_one(root, cache) == _lint_one(root, None) == []
    assert cache_file.is_file()
    # Another page now takes p0's Track ID: the cached entry of its old content must not hide it.
    other = root / "docs" / "prds" / "p3.md"
    other.write_text(CLEAN.replace("saved-payment-methods", "track-0"), encoding="utf-8")
    expected = [("prds/p0.md", 5, "PRD106", "Track ID `track-0` is also used by prds/p3.md")]
    assert _lint_one(root, FactCache(cache_file)) == _lint_one(root, None) == expected
    # Back again: the old entry is right again.
    other.write_text(CLEAN.replace("saved-payment-methods", "track-3"), encoding="utf-8")
    assert _lint_one(root, FactCache(cache_file)) == []


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"",
        b'{"code": "x", "pages": {}}',
        b"[1, 2]",
        b'{"code": "CODE", "pages": {"KEY": ["t", "x", [["track_id", "L", 5, "x", "header"]], []]}}',
        b'{"code": "CODE", "pages": {"KEY": {"a": 1}}}',
        b'{"code": "CODE", "pages": {"KEY": [1, 2, 3, 4]}}',
    ],
)
def test_a_corrupt_or_foreign_cache_is_ignored(tmp_path: Path, content: bytes) -> None:
    root = make_site(tmp_path / "site", 3)
    (root / "docs" / "prds" / "p2.md").write_text(CLEAN.replace("saved-payment-methods", "track-0"))
    cache_file = tmp_path / "facts.json"
    key = hashlib.blake2b((root / "docs" / "prds" / "p2.md").read_bytes(), digest_size=16).hexdigest()
    cache_file.write_bytes(
        content.replace(b"CODE", _code_fingerprint().encode()).replace(b"KEY", key.encode())
    )
    found = _lint_one(root, FactCache(cache_file))
    assert found == [("prds/p0.md", 5, "PRD106", "Track ID `track-0` is also used by prds/p2.md")]


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", 3)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    assert _lint_one(root, FactCache(blocked / "sub" / "facts.json")) == []


def test_concurrent_runs_leave_a_valid_cache(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", 40)
    env = {**os.environ, "MKDOCS_PRD_CACHE_DIR": str(tmp_path / "cache")}
    procs = [
        subprocess.Popen(
            [str(CLI), "lint", "--format", "json", f"docs/prds/p{i}.md"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(4)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert json.loads(out) == []
    (cache_file,) = (tmp_path / "cache").iterdir()
    assert len(json.loads(cache_file.read_text())["pages"]) == 39
