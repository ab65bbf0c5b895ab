"""Odd files and odd arguments: every command reads files the same way (dangling links,
FIFOs, UTF-16), and ``new --track-id`` never writes outside the site."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path

import pytest
import yaml
from index_sites import prd_text

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.read import UnreadableFile, read_bytes


def write_site(root: Path, plugin: dict[str, object] | None = None) -> Path:
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "prds" / "a.md").write_text(prd_text("A", track="a-1"), encoding="utf-8")
    config = {"site_name": "S", "plugins": [{"prd": plugin or {}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return docs


def run_bounded(args: list[str], seconds: float = 60) -> int:
    """``main(args)`` in a thread: a command that blocks on a FIFO fails the test, not the run."""
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"mkdocs-prd {' '.join(args)} did not finish in {seconds} s"
    return result[0]


@pytest.fixture
def odd_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    docs = write_site(tmp_path, {"paths": ["prds/**"]})
    os.symlink(tmp_path / "gone.md", docs / "prds" / "dangling.md")
    os.mkfifo(docs / "prds" / "pipe.md")
    monkeypatch.chdir(tmp_path)
    return docs


def test_new_and_index_skip_dangling_links_and_fifos(
    odd_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_bounded(["index"]) == 0
    out, err = capsys.readouterr()
    assert [p["src_path"] for p in json.loads(out)["prds"]] == ["prds/a.md"]
    assert "prds/dangling.md: not a regular file" in err and "prds/pipe.md: not a regular file" in err
    assert run_bounded(["new", "Feature B"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "docs/prds/feature-b.md" and "Traceback" not in err
    assert run_bounded(["lint"]) == 1  # lint reports both (PRD001), as before
    out, _ = capsys.readouterr()
    assert out.count("PRD001 Cannot read the file: not a regular file") == 2


def test_a_fifo_template_is_a_usage_error(odd_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bounded(["new", "X", "--template", "docs/prds/pipe.md"]) == 2
    assert "cannot read template docs/prds/pipe.md: not a regular file" in capsys.readouterr().err


def test_read_bytes_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling")
    (tmp_path / "big").write_bytes(b"x" * 100)
    for name, reason in [
        ("fifo", "not a regular file"),
        ("dangling", "a link to nothing"),
        ("big", "larger"),
    ]:
        with pytest.raises(UnreadableFile, match=reason):
            read_bytes(str(tmp_path / name), limit=10)
    with pytest.raises(UnreadableFile, match="not a regular file"):
        read_bytes(str(tmp_path))
    assert read_bytes(str(tmp_path / "big")) == b"x" * 100


@pytest.mark.parametrize(
    "track_id",
    ["../../../escaped", "../escaped", "..", ".", "/tmp/absolute", "a/b", "a\\b", "C:evil", "x y", "é/../x"],
)
def test_new_refuses_a_track_id_that_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], track_id: str
) -> None:
    root = tmp_path / "deep" / "site"
    write_site(root, {"paths": ["tracks/*/PRD.md"]})
    monkeypatch.chdir(root)
    before = sorted(p for p in tmp_path.rglob("*"))
    assert main(["new", "Escape", "--track-id", track_id]) == 2
    assert "is not a Track ID" in capsys.readouterr().err
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing written anywhere


def test_new_with_a_valid_track_id_writes_inside_the_track_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"paths": ["tracks/*/PRD.md"]})
    (tmp_path / "docs" / "tracks" / "t-0").mkdir(parents=True)
    (tmp_path / "docs" / "tracks" / "t-0" / "PRD.md").write_text(
        prd_text("T0", track="t-0"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Good", "--track-id", "v1.2_beta-3"]) == 0
    assert capsys.readouterr().out.strip() == "docs/tracks/v1.2_beta-3/PRD.md"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_lint_reports_a_utf16_prd_like_the_build_fails_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    docs = write_site(tmp_path)
    (docs / "prds" / "wide.md").write_bytes(prd_text("Wide — é").encode(encoding))
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "docs/prds/wide.md"]) == 1
    out = capsys.readouterr().out
    assert "docs/prds/wide.md:1: error PRD001" in out and encoding[:6].upper() in out
    assert "in 1 PRD page" in out  # never "0 PRD pages"
    assert main(["lint"]) == 1
    assert "in 2 PRD pages" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-16-le"])
def test_build_names_the_wide_encoding_of_a_prd_without_bom(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encoding: str
) -> None:
    """The build's PRD001 names the encoding (UTF-32 without a BOM included), before MkDocs
    itself fails to read the page or publishes its NUL characters."""
    from conftest import build_site

    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "prds/wide.md": prd_text("Wide — é", track="wide-1").encode(encoding),
    }
    with contextlib.suppress(UnicodeDecodeError):  # MkDocs' own error: the page is not UTF-8
        build_site(tmp_path, files, {}, theme="mkdocs")
    warnings = [r.getMessage() for r in caplog.records if "PRD001" in r.getMessage()]
    assert len(warnings) == 1 and "prds/wide.md:1" in warnings[0]
    assert f"{encoding.upper()} encoded" in warnings[0]
