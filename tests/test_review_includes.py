"""``mkdocs-prd review`` sees a change that comes through an included file.

A shared file included by approved PRDs (include-markdown, snippets, a glob) is where an
approved contract is weakened silently: review reads each PRD with what it includes at both
revisions (the included files of a commit from git, never from the working tree) and reports
on each including PRD at the directive's line, naming the included file and line.

One real repository per module: ``main`` the base, ``feature`` changes only shared files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from git_repos import Git, line_of, prd

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.includes.files import MISSING, IncludeFiles
from mkdocs_prd.core.review.git import open_repo
from mkdocs_prd.core.review.tree import TreeFiles

CONFIG = """site_name: Review includes
docs_dir: docs
plugins:
  - include-markdown
  - prd:
      paths: [prds/**]
markdown_extensions:
  - pymdownx.snippets:
      base_path: [docs]
"""

CLEAN = prd("X", "t-x")
NFRS = CLEAN[CLEAN.index("**NFR-2: Security**") : CLEAN.index("**NFR-4: Scalability**")]
NFR2, NFR3 = NFRS.split("\n\n", 1)[0] + "\n", NFRS.split("\n\n", 1)[1]
AUTH = "- Authentication: existing session cookie plus CVC on every payment"

MD = '{% include-markdown "../_shared/nfr.md" %}'
SNIP = '--8<-- "_shared/nfr.md"'
GLOB = '{% include-markdown "../_shared/g/*.md" %}'


def _including(title: str, track: str, directive: str, status: str = "Approved") -> str:
    return prd(title, track, status=status).replace(NFRS, directive + "\n\n")


BASE = {
    "mkdocs.yml": CONFIG,
    "docs/_shared/nfr.md": NFRS,
    "docs/_shared/kept.md": NFRS,
    "docs/_shared/g/a.md": NFR2,
    "docs/_shared/g/b.md": NFR3,
    "docs/_shared/g/.h.md": NFR3,  # hidden: no glob matches it
    "docs/_shared/.hidden/h.md": NFR3,
    "docs/prds/md.md": _including("Md", "t-md", MD),
    "docs/prds/sn.md": _including("Sn", "t-sn", SNIP, status="Implemented"),
    "docs/prds/gl.md": _including("Gl", "t-gl", GLOB),
    "docs/prds/draft.md": _including("Drafty", "t-draft", MD, status="Draft"),
    "docs/prds/kept.md": _including("Kept", "t-kept", MD.replace("nfr.md", "kept.md")),
    "docs/prds/plain.md": prd("Plain", "t-plain"),
}
SHARED_HEAD = NFRS.replace(AUTH, "- Authentication: none").replace(NFR3, "")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Git:
    git = Git(tmp_path_factory.mktemp("review-includes") / "repo").init()
    git.write(BASE)
    git.commit("PRDs approved", when="2026-01-10T10:00:00+00:00")
    git("checkout", "-q", "-b", "feature")
    git.write({"docs/_shared/nfr.md": SHARED_HEAD})
    (git.root / "docs/_shared/g/b.md").unlink()
    git.commit("Shared NFRs weakened", when="2026-02-01T09:00:00+00:00")
    git("checkout", "-q", "main")  # the working tree has the old shared files
    return git


def _review(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["review", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


def _expected() -> set[tuple[str, str, int, str]]:
    """(rule, file, line, end of message) of every finding main -> feature must give."""
    out: set[tuple[str, str, int, str]] = set()
    for page, directive in (("md", MD), ("sn", SNIP)):
        path, at = f"docs/prds/{page}.md", line_of(BASE[f"docs/prds/{page}.md"], directive)
        out |= {
            ("PRD701", path, at, "(in _shared/nfr.md line 1, included here)"),
            ("PRD701", path, at, "(in _shared/nfr.md line 7 at the base revision, included here)"),
            ("PRD704", path, 1, "NFR-2 `Security` (authentication changed)"),
        }
    gl = line_of(BASE["docs/prds/gl.md"], GLOB)
    out |= {
        ("PRD701", "docs/prds/gl.md", gl, "(in _shared/g/b.md line 1 at the base revision, included here)"),
        ("PRD704", "docs/prds/gl.md", 1, "1 requirement removed: NFR-3 `Reliability`"),
        ("PRD704", "docs/prds/draft.md", 1, "NFR-2 `Security` (authentication changed)"),
    }
    return out


def _got(found: list[dict[str, object]]) -> set[tuple[str, str, int, str]]:
    """The findings as (rule, file, line, message), the message cut to the expected end it holds."""
    out = set()
    for f in found:
        key = (str(f["rule"]), str(f["file"]), int(str(f["line"])))
        message = str(f["message"])
        ends = [e for r, p, n, e in _expected() if (r, p, n) == key and e in message]
        out.add((*key, ends[0] if ends else message))
    return out


def test_a_change_in_an_included_file_is_reported_on_each_including_prd(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head is read from git (the working tree still has the old shared files)."""
    monkeypatch.chdir(repo.root)
    code, found = _review(capsys, "--base", "main", "--head", "feature")
    assert code == 1
    assert _got(found) == _expected()
    removed = [str(f["message"]) for f in found if "NFR-3" in str(f["message"]) and f["rule"] == "PRD701"]
    assert removed and all("removed in a PRD that was" in m for m in removed)


def test_the_base_revisions_included_files_are_read_from_git(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The head is the working tree of ``feature``: its shared files on disk are the new ones,
    so the base's must come from git for the change to show."""
    worktree = tmp_path / "feature"
    repo("worktree", "add", "-q", str(worktree), "feature")
    try:
        monkeypatch.chdir(worktree)
        code, found = _review(capsys, "--base", "main")
        assert code == 1
        assert _got(found) == _expected()
    finally:
        repo("worktree", "remove", "--force", str(worktree))


def test_unchanged_includes_give_no_finding(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code, found = _review(capsys, "--base", "main", "--head", "main")
    assert (code, found) == (0, [])
    # Working tree = main, with one uncommitted edit of the shared file: the same findings.
    shared = repo.root / "docs/_shared/nfr.md"
    shared.write_text(SHARED_HEAD, encoding="utf-8")
    try:
        code, found = _review(capsys, "--base", "main")
    finally:
        shared.write_text(NFRS, encoding="utf-8")
    assert {(f["rule"], f["file"]) for f in found} == {
        (r, p) for r, p, _, _ in _expected() if "gl.md" not in p
    }


PATTERNS = [
    "*.md",
    "**/*.md",
    "g/*.md",
    "**",
    "g/**/b.md",
    "g/[ab]*",
    ".hidden/*.md",
    "*/.h*.md",
    "../../*.yml",
    "../**/n*.md",
    "g/../*.md",
    "*/../*.md",
]
EMPTY = {"*/../*.md"}  # no ".." after a wildcard


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_glob_in_a_commit_matches_what_it_matches_on_disk(repo: Git, pattern: str) -> None:
    tree = _tree(repo)
    docs = str(repo.root / "docs")
    disk = IncludeFiles((str(repo.root), docs), docs)
    parts = pattern.split("/")
    fixed = next(i for i, p in enumerate(parts) if any(c in "*?[" for c in p))
    base = os.path.join(docs, "_shared", *parts[:fixed])
    on_disk = disk.glob(base, parts[fixed:], lambda folder: disk.inside(folder) is not None)
    assert on_disk or pattern in EMPTY
    assert tree.glob(base, parts[fixed:], lambda folder: True) == [os.path.realpath(p) for p in on_disk]


def test_a_symlink_in_a_commit_is_not_followed(repo: Git, tmp_path: Path) -> None:
    """A symlink of the commit is neither followed nor read as a file (its blob is the target's path)."""
    outside = tmp_path / "secret.md"
    outside.write_text("**NFR-9: Secret**\n", encoding="utf-8")
    link = repo.root / "docs/_shared/link.md"
    link.symlink_to(outside)
    try:
        repo("add", "docs/_shared/link.md")
        link.unlink()  # only in the tree now: the disk cannot answer for it
        tree = _tree(repo, "--cached")
        assert tree.read(str(link)) == (None, MISSING)
        assert not tree.exists(str(link))
        assert str(link) not in tree.glob(str(link.parent), ["*.md"], lambda folder: True)
        assert tree.read(str(repo.root / "docs/_shared/nfr.md"))[0] == NFRS
    finally:
        repo("rm", "-q", "--cached", "docs/_shared/link.md")


def _tree(repo: Git, index: str = "") -> TreeFiles:
    """The files of ``main`` (``--cached``: of the index, through a tree written from it)."""
    git = open_repo(str(repo.root))
    commit = repo("write-tree").strip() if index else "main"
    docs = str(repo.root / "docs")
    return TreeFiles(
        (str(repo.root), docs),
        docs,
        git.root,
        lambda: git.files(commit, [""]),
        lambda blob: git.read_blobs([blob]).get(blob),
    )
