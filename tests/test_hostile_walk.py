"""A site's folders walked by the commands: symbolic-link loops end the walk, not the command.

MkDocs follows folder links (``os.walk(followlinks=True)``); a link to a folder it is
in (``docs/prds/loop -> .``) made ``mkdocs-prd lint`` report 41 copies of each page (each
PRD106 naming the 40 others), and two such links made it walk 2**40 folders.  The
commands now list what ``get_files`` lists, without entering a loop, and name each loop;
a build leaves out the copies MkDocs listed through a loop (it stopped with a traceback).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import build_site, write_files
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.mkdocs.files import endless_loops, site_files
from mkdocs_prd.core.trace.sources import expand

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
CONFIG = "site_name: T\nexclude_docs: 'drafts/'\nplugins:\n  - prd:\n      paths: ['prds/**']\n"


class Hang(Exception):
    """Raised by :func:`deadline` (not an OSError: a walk that catches OSError would swallow it)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this (main) thread after ``seconds``: a hang fails the test."""

    def _raise(_sig: int, _frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    saved = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, saved)


def site(root: Path, links: dict[str, str]) -> Path:
    docs = root / "docs"
    (docs / "prds").mkdir(parents=True)
    (docs / "shared").mkdir()
    (docs / "drafts").mkdir()
    (docs / "prds" / "a.md").write_text(CLEAN, encoding="utf-8")
    (docs / "shared" / "README.md").write_text("# Shared\n", encoding="utf-8")
    (docs / "shared" / "index.md").write_text("# Shared index\n", encoding="utf-8")
    (docs / "drafts" / "d.md").write_text("# Draft\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for link, target in links.items():
        (docs / link).symlink_to(target, target_is_directory=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root


def _listing(files: object) -> list[tuple[str, str]]:
    return [(f.src_uri, f.inclusion.name) for f in files]  # type: ignore[attr-defined]


def test_without_a_loop_the_files_are_mkdocs_own(tmp_path: Path) -> None:
    # Links to other folders (twice), README beside index, exclude_docs: as get_files.
    root = site(tmp_path, {"prds/shared": "../shared", "again": "shared", "drafts/p": "../prds"})
    cfg = load_config(str(root / "mkdocs.yml"))
    found = site_files(cfg)
    assert _listing(found.files) == _listing(get_files(cfg))
    assert "prds/shared/index.md" in [f.src_uri for f in found.files]
    assert found.loops == ()


@pytest.mark.parametrize(
    "links",
    [
        {"prds/loop": "."},  # the form that gave 41 copies
        {"prds/loop": ".", "prds/loop2": "."},  # two: 2**40 folders
        {"prds/up": ".."},  # a link to the folder above
        {"prds/x": "../shared", "shared/y": "../prds"},  # two links that lead to each other
        {"up": ".."},  # from docs_dir to the site's folder, which holds docs_dir
        {"prds/abs": "/"},  # the whole disk holds docs_dir too
    ],
    ids=["self", "two-self", "parent", "cycle-of-two", "above-docs", "root"],
)
def test_lint_ends_on_a_loop_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], links: dict[str, str]
) -> None:
    root = site(tmp_path, links)
    monkeypatch.chdir(root)
    with deadline(20):
        code = main(["lint", "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert out.strip().endswith("0 errors, 0 warnings, 0 infos in 1 PRD page")
    warned = [line for line in err.splitlines() if "symbolic link to a folder it is in" in line]
    loops = [line.split("warning: ", 1)[1].split(":", 1)[0] for line in warned]
    names = {link.rsplit("/", 1)[-1] for link in links}
    assert loops and all(loop.rsplit("/", 1)[-1] in names for loop in loops), err
    assert "PRD106" not in out


def test_a_build_leaves_out_the_copies_through_a_loop_and_names_it(tmp_path: Path) -> None:
    # MkDocs lists prds/loop/a.md ... 40 links deep, then stops copying the deepest with
    # OSError "Too many levels of symbolic links": a traceback, no site.
    write_files(tmp_path / "docs", {"prds/a.md": CLEAN, "prds/img/x.png": b"png", "index.md": "# Home\n"})
    (tmp_path / "docs" / "prds" / "loop").symlink_to(".", target_is_directory=True)
    with deadline(60):
        site = build_site(tmp_path, {}, {"paths": ["prds/**"]}, theme="mkdocs")
    warnings = site.messages(logging.WARNING)
    assert [m for m in warnings if "loop" in m] == [
        "mkdocs_prd: prds/loop: a symbolic link to a folder it is in (a loop); the files MkDocs "
        "listed through it are left out of the site (remove the link)"
    ]
    assert (site.site_dir / "prds" / "a" / "index.html").is_file()
    assert (site.site_dir / "prds" / "img" / "x.png").is_file()
    assert not (site.site_dir / "prds" / "loop").exists()


def test_trace_sources_end_on_loops_and_never_walk_outside_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python's glob followed src/loop and src/loop2 (both -> .) 2**40 ways: `mkdocs-prd trace`
    # and a build with trace.sources never ended.
    (tmp_path / ".git").mkdir()
    src = tmp_path / "src"
    (src / "pkg").mkdir(parents=True)
    (src / "pkg" / "a.py").write_text("# alpha:FR-1\n", encoding="utf-8")
    (src / "shared").mkdir()
    (src / "shared" / "b.py").write_text("# alpha:FR-2\n", encoding="utf-8")
    for link, target in {"loop": ".", "loop2": ".", "pkg/up": "..", "also": "shared"}.items():
        (src / link).symlink_to(target, target_is_directory=True)
    listed: list[str] = []
    scandir = os.scandir

    def spy(path: str) -> object:
        listed.append(os.path.realpath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", spy)
    root = str(tmp_path.resolve())
    with deadline(20):
        found = expand("trace.sources", ["src/**/*.py"], str(tmp_path), root)
        wide = expand("trace.sources", ["../../../../../../**/*.py"], str(tmp_path), root)
    # Each file once, by the first path to it in path order (as glob did: also/ before shared/).
    assert sorted(rel for _, rel in found.files) == ["src/also/b.py", "src/pkg/a.py"]
    assert found.messages == []
    assert sorted(rel for _, rel in wide.files) == ["src/also/b.py", "src/pkg/a.py"]
    # Only the project folder and the folders on the way down to it were listed.
    assert all(p == root or p.startswith(root + os.sep) or root.startswith(p) for p in listed), listed


@pytest.mark.parametrize(
    ("links", "endless"),
    [
        ({"prds/loop": "."}, []),  # 40 copies, left out by the build
        ({"prds/up": ".."}, []),  # docs_dir itself: 40 copies of the site
        ({"prds/x": "../shared", "shared/y": "../prds"}, []),  # one chain each way
        ({"prds/l": ".", "shared/l": "."}, []),  # two loops apart: a chain each
        ({"prds/loop": ".", "prds/loop2": "."}, ["prds/loop", "prds/loop2"]),  # 2**40
        ({"prds/loop": ".", "prds/up": ".."}, ["prds/loop", "prds/up"]),  # docs holds both
        ({"prds/loop": ".", "shared/up": ".."}, ["shared/up"]),  # docs holds both (prds only one)
        ({"up": ".."}, ["up"]),  # the project, .git and all, 40 times
        ({"prds/abs": "/"}, ["prds/abs"]),  # the whole disk
    ],
    ids=["self", "docs", "cycle-of-two", "apart", "two-self", "self-docs", "self-docs-2", "above", "root"],
)
def test_the_links_that_would_make_mkdocs_walk_for_ever_are_found(
    tmp_path: Path, links: dict[str, str], endless: list[str]
) -> None:
    root = site(tmp_path, links)
    with deadline(20):
        assert endless_loops(str(root / "docs")) == endless


def test_a_build_with_links_mkdocs_would_walk_for_ever_stops_with_an_error_naming_them(
    tmp_path: Path,
) -> None:
    # MkDocs walks docs_dir right after on_config: with two loops it walked 2**40 folders
    # (no output, for ever); the plugin's on_config stops the build first, naming the links.
    root = site(tmp_path, {"prds/loop": ".", "prds/loop2": "."})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1, result.stderr
    assert (
        "prd: prds/loop, prds/loop2: symbolic links that MkDocs would walk for ever before any plugin runs"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("links", "says"),
    [
        ({"prds/loop": "."}, {"prds/loop": "mkdocs build leaves out the files MkDocs lists through it"}),
        (
            {"prds/loop": ".", "prds/loop2": "."},
            {
                "prds/loop": "mkdocs build stops with an error naming it: MkDocs would walk it for ever",
                "prds/loop2": "mkdocs build stops with an error naming it: MkDocs would walk it for ever",
            },
        ),
    ],
    ids=["one", "two"],
)
def test_lint_says_what_the_build_does_with_each_loop(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    links: dict[str, str],
    says: dict[str, str],
) -> None:
    # It said "mkdocs build stops on it with 'Too many levels of symbolic links'", which the
    # build no longer does: it leaves out one loop's copies, and stops at once on endless ones.
    monkeypatch.chdir(site(tmp_path, links))
    with deadline(20):
        main(["lint", "--no-cache"])
    err = capsys.readouterr().err
    for link, does in says.items():
        assert f"{link}: a symbolic link to a folder it is in (a loop); not followed ({does})" in err, err
