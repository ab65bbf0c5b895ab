"""``mkdocs-prd review`` on real git repositories: every rule at its file and line, the summary,
renames, added and deleted PRDs, the working tree, shallow clones and hostile revisions.

One repository per module (``main`` = the base, ``feature`` = the change), so git runs a
handful of times for the whole file.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from git_repos import SITE_CONFIG, Git, line_of, prd

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.parse.inline import code_spans
from mkdocs_prd.core.review.git import GitError, check_rev, parse_batch

FR1_DESC = "- Description: a shopper can save the card they pay with, after an explicit opt-in"
FR2_BLOCK = (
    "**FR-2: Pay with a saved card**\n"
    "- Description: the payment step offers saved cards first\n"
    "- Acceptance: an order paid with a saved card needs only the CVC\n"
    "- Priority: Must\n\n"
)
FR3_PRIORITY = "- Priority: Should"
HOSTILE = "Newcomer <img src=x onerror=alert(1)> *bold* ](javascript:x)"

BASE = {
    "mkdocs.yml": SITE_CONFIG,
    "docs/index.md": "# Home\n",
    "docs/prds/approved.md": prd("Contract", "t-contract"),
    "docs/prds/bumped.md": prd("Bumped", "t-bumped"),
    "docs/prds/status.md": prd("Backwards", "t-status", status="Implemented"),
    "docs/prds/skip.md": prd("Skipper", "t-skip", status="Draft"),
    "docs/prds/old/moved.md": prd("Mover", "t-moved"),
    "docs/prds/deleted.md": prd("Gone", "t-gone", status="Draft"),
    "docs/prds/draft.md": prd("Drafty", "t-draft", status="Draft"),
    "docs/prds/reflow.md": prd("Reflow", "t-reflow"),
    "docs/prds/same.md": prd("Same", "t-same"),
    "docs/prds/formatted.md": prd("Formatted", "t-formatted"),
}


def _reformatted() -> str:
    """The same contract in other clothes: id spelling, emphasis, case, trailing stops, status in bold."""
    text = BASE["docs/prds/formatted.md"]
    out = (
        text.replace("**FR-1: Save a card**", "**FR-01: Save a card**")
        .replace(
            '- Acceptance: after a paid order with "Save this card" ticked, the wallet lists the card',
            '- Acceptance: after a *paid* order with "Save this card" ticked,\n  the wallet lists the card.',
        )
        .replace("- [x] FR-1 to FR-3 met in staging", "- [x] FR-1 to FR-3 met in **Staging**.")
        .replace("**Status:** Approved", "**Status:** **approved**")
    )
    assert out.count("\n") == text.count("\n") + 1
    return out


def _approved_head() -> str:
    text = BASE["docs/prds/approved.md"]
    out = (
        text.replace(FR1_DESC, "- Description: a shopper can save the card they pay with, without an opt-in")
        .replace(FR2_BLOCK, "")
        .replace(FR3_PRIORITY, "- Priority: Must")
        .replace("- [ ] API endpoints return the documented responses\n", "")
        .replace("- [x] API reference published", "- [ ] API reference published")
        .replace("- [ ] On-call runbook reviewed", "- [x] On-call runbook reviewed")  # ticking is progress
        .replace("- P95 latency: ≤300ms", "- P95 latency: ≤400ms")
        .replace("- API surface: ≤3 endpoints", "- API surface: ≤2 endpoints")
    )
    assert out.count("\n") < text.count("\n")
    return out


def _reflowed() -> str:
    text = BASE["docs/prds/reflow.md"]
    out = (
        text.replace(
            "Returning customers type their card details on every purchase. Checkout has no way to\nremember",
            "Returning customers type their card details on every purchase.\nCheckout has no way to remember",
        )
        .replace("## 1. Problem", "<!-- reviewed by legal -->\n\n## 1. Problem")
        .replace("- Priority: Should", "- Priority: **Should**")
        .replace("- [x] API reference published", "- [X] API reference published")
    )
    assert out != text
    return out


HEAD = {
    "docs/prds/approved.md": _approved_head(),
    "docs/prds/bumped.md": BASE["docs/prds/bumped.md"]
    .replace("**Version:** 1.2", "**Version:** 1.3")
    .replace(FR1_DESC, FR1_DESC + " and a consent record"),
    "docs/prds/status.md": BASE["docs/prds/status.md"].replace(
        "**Status:** Implemented", "**Status:** Draft"
    ),
    "docs/prds/skip.md": BASE["docs/prds/skip.md"].replace("**Status:** Draft", "**Status:** Approved"),
    "docs/prds/new/moved-here.md": BASE["docs/prds/old/moved.md"].replace(
        "- Priority: Must", "- Priority: Could", 1
    ),
    "docs/prds/added.md": prd(HOSTILE, "t-new", status="Draft"),
    "docs/prds/draft.md": BASE["docs/prds/draft.md"].replace(FR1_DESC, FR1_DESC + " (changed)"),
    "docs/prds/reflow.md": _reflowed(),
    "docs/prds/formatted.md": _reformatted(),
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Git:
    git = Git(tmp_path_factory.mktemp("review") / "repo").init()
    git.write(BASE)
    git.commit("PRDs approved", when="2026-01-10T10:00:00+00:00")
    git("checkout", "-q", "-b", "feature")
    (git.root / "docs/prds/deleted.md").unlink()
    (git.root / "docs/prds/old/moved.md").unlink()
    git.write(HEAD)
    git.commit("Rework PRDs", when="2026-02-01T09:00:00+00:00", author="Bob Builder")
    git("checkout", "-q", "main")  # the feature branch is reviewed from its own worktree
    return git


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["review", *args])
    out, err = capsys.readouterr()
    return code, out, err


def findings_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert err == ""
    return code, json.loads(out)


def expected() -> set[tuple[str, str, int]]:
    """(rule, file, line) of every finding ``main`` -> ``feature`` must give."""
    a_head = HEAD["docs/prds/approved.md"]
    moved = HEAD["docs/prds/new/moved-here.md"]
    out = {
        # PRD701: changed description, removed FR-2 (at the head's heading of the section it
        # was in: its base line is another line of the head file), raised priority,
        # removed (the same) and unticked criteria.
        ("PRD701", "docs/prds/approved.md", line_of(a_head, "**FR-1: Save a card**")),
        ("PRD701", "docs/prds/approved.md", line_of(a_head, "### Functional Requirements")),
        ("PRD701", "docs/prds/approved.md", line_of(a_head, "- Priority: Must", line_of(a_head, "**FR-3"))),
        ("PRD701", "docs/prds/approved.md", line_of(a_head, "### Functional Acceptance")),
        ("PRD701", "docs/prds/approved.md", line_of(a_head, "- [ ] API reference published")),
        ("PRD704", "docs/prds/approved.md", 1),
        # Moved PRD followed by Track ID: its finding is at the new path.
        ("PRD701", "docs/prds/new/moved-here.md", line_of(moved, "- Priority: Could")),
        ("PRD704", "docs/prds/new/moved-here.md", 1),
        ("PRD702", "docs/prds/bumped.md", line_of(HEAD["docs/prds/bumped.md"], "**Version:** 1.3")),
        ("PRD704", "docs/prds/bumped.md", 1),
        ("PRD703", "docs/prds/status.md", line_of(HEAD["docs/prds/status.md"], "**Status:**")),
        ("PRD704", "docs/prds/status.md", 1),
        ("PRD703", "docs/prds/skip.md", line_of(HEAD["docs/prds/skip.md"], "**Status:**")),
        ("PRD704", "docs/prds/skip.md", 1),
        ("PRD704", "docs/prds/added.md", 1),
        ("PRD704", "docs/prds/deleted.md", 1),
        ("PRD704", "docs/prds/draft.md", 1),
        ("PRD704", "docs/prds/reflow.md", line_of(HEAD["docs/prds/reflow.md"], "# PRD: Reflow")),
        ("PRD704", "docs/prds/formatted.md", 1),
    }
    return out


def test_every_rule_fires_at_its_file_and_line(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code, found = findings_json(capsys, "--base", "main", "--head", "feature")
    assert code == 1  # PRD701 is an error
    got = {(str(f["rule"]), str(f["file"]), int(str(f["line"]))) for f in found}
    assert got == expected()
    severities = {str(f["rule"]): f["severity"] for f in found}
    assert severities == {"PRD701": "error", "PRD702": "warning", "PRD703": "warning", "PRD704": "info"}
    # Unchanged, re-wrapped and merely re-formatted PRDs get no rule finding beyond the summary.
    assert not [f for f in found if f["file"] == "docs/prds/same.md"]
    assert [f["rule"] for f in found if f["file"] == "docs/prds/reflow.md"] == ["PRD704"]
    assert [f["rule"] for f in found if f["file"] == "docs/prds/formatted.md"] == ["PRD704"]
    assert [f["rule"] for f in found if f["file"] == "docs/prds/draft.md"] == ["PRD704"]


def test_messages_name_what_changed(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    _code, found = findings_json(capsys, "--base", "main", "--head", "feature")
    by = {(f["rule"], f["file"], f["line"]): str(f["message"]) for f in found}
    messages = " | ".join(by.values())
    assert (
        "FR-1 `Save a card`: text changed in a PRD that was `Approved`, and the Version is still `1.2`"
        in messages
    )
    assert "FR-2 `Pay with a saved card`: removed" in messages
    assert "FR-3 `Remove a saved card`: priority `Should` → `Must`" in messages
    assert "`API endpoints return the documented responses`: removed" in messages
    assert "`API reference published`: unticked" in messages
    assert "Version `1.2` → `1.3`, but the change log has no row for `1.3`" in messages
    assert "Status moved backwards: `Implemented` → `Draft`" in messages
    assert "Status `Draft` → `Approved` skipped `Review`" in messages
    summary = next(m for (r, f, _), m in by.items() if r == "PRD704" and f == "docs/prds/approved.md")
    assert summary.startswith("Changes: ")
    for part in (
        "1 requirement removed: FR-2 `Pay with a saved card`",
        "1 requirement changed: FR-1 `Save a card` (text changed)",
        "1 priority raised: FR-3 `Remove a saved card` (priority `Should` → `Must`)",
        "1 acceptance criterion removed: `API endpoints return the documented responses`",
        "1 acceptance criterion unticked: `API reference published`",
        "1 IOSM target tightened: S `API surface` (`≤3 endpoints` → `≤2 endpoints`)",
        "1 IOSM target relaxed: O `P95 latency` (`≤300ms` → `≤400ms`)",
    ):
        assert part in summary
    moved = next(m for (r, f, _), m in by.items() if r == "PRD704" and f == "docs/prds/new/moved-here.md")
    assert "moved from `prds/old/moved.md`" in moved and "priority lowered" in moved
    assert "new PRD (status `Draft`)" in by["PRD704", "docs/prds/added.md", 1]
    assert "PRD deleted (was `Draft`, version `1.2`)" in by["PRD704", "docs/prds/deleted.md", 1]
    reflow = next(m for (r, f, _), m in by.items() if r == "PRD704" and f == "docs/prds/reflow.md")
    edited = "text edited (no requirement, acceptance criterion, status, version or IOSM target changed)"
    assert reflow == f"Changes: {edited}"
    assert by["PRD704", "docs/prds/formatted.md", 1] == f"Changes: {edited}"


def test_working_tree_is_the_default_head(
    repo: Git, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wt = tmp_path / "wt"
    repo("worktree", "add", "-q", str(wt), "feature")
    try:
        # An uncommitted edit puts the status back: the working tree is what is reviewed.
        (wt / "docs/prds/status.md").write_text(BASE["docs/prds/status.md"], encoding="utf-8")
        monkeypatch.chdir(wt)
        code, found = findings_json(capsys, "--base", "main")
        got = {(str(f["rule"]), str(f["file"]), int(str(f["line"]))) for f in found}
        assert code == 1
        assert got == {e for e in expected() if e[1] != "docs/prds/status.md"}
        # -f from another folder: paths are shown relative to where the command runs.
        monkeypatch.chdir(tmp_path)
        code, found = findings_json(capsys, "--base", "main", "-f", "wt/mkdocs.yml")
        assert {str(f["file"]) for f in found} >= {"wt/docs/prds/approved.md"}
    finally:
        repo("worktree", "remove", "--force", str(wt))


def test_github_annotations_and_markdown_summary(
    repo: Git, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "--base", "main", "--head", "feature", "--format", "github", "--summary", str(summary)
    )
    assert code == 1
    lines = out.splitlines()
    line = line_of(HEAD["docs/prds/bumped.md"], "**Version:** 1.3")
    assert f"::warning file=docs/prds/bumped.md,line={line},title=PRD702::" in "\n".join(lines)
    assert any(
        x.startswith("::notice file=docs/prds/added.md,line=1,title=PRD704::Changes: new PRD") for x in lines
    )
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("earlier step\n## PRD change review\n")  # appended, not overwritten
    assert "8 changed, 1 added, 1 deleted; 6 errors, 3 warnings." in md
    assert "### Contract (modified)" in md
    assert "- **PRD701 error** (line" in md
    # Every code span is set off by spaces or punctuation, as in the text format (the
    # blanks between code spans were stripped: "moved from`a.md`", "status`A`→`B`").
    for text in md.splitlines():
        for start, _, _, end in code_spans(text):
            assert not text[start - 1 : start].isalnum() and not text[end : end + 1].isalnum(), text
    shown = re.sub(r"\\(.)", r"\1", md)  # as GitHub shows it: the escapes read as their characters
    for form in (
        "- moved from `prds/old/moved.md`",
        "- status `Implemented` → `Draft`",
        "- version `1.2` → `1.3`",
        "- new PRD (status `Draft`)",
        "- PRD deleted (was `Draft`, version `1.2`)",
        "- 1 requirement removed: FR-2 `Pay with a saved card`",
        "- 1 priority raised: FR-3 `Remove a saved card` (priority `Should` → `Must`)",
        "- 1 IOSM target relaxed: O `P95 latency` (`≤300ms` → `≤400ms`)",
        "(line 3): Version `1.2` → `1.3`, but the change log has no row for `1.3`",
    ):
        assert form in shown, form
    # A hostile title cannot inject HTML or links into the job summary.
    assert not re.search(r"(?<!\\)[<>]", md) and "](javascript" not in md
    assert "\\<img src=x onerror=alert\\(1\\)\\> \\*bold\\*" in md


def test_gitlab_code_quality_report(
    repo: Git, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code, out, _ = run(capsys, "--base", "main", "--head", "feature", "--format", "gitlab")
    assert code == 1
    report = json.loads(out)
    issue = next(i for i in report if i["check_name"] == "PRD703" and "backwards" in i["description"])
    assert issue["location"]["path"] == "docs/prds/status.md"
    assert issue["severity"] == "minor"
    assert len({i["fingerprint"] for i in report}) == len(report)


def test_no_change_and_rule_settings(
    repo: Git, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code, out, _ = run(capsys, "--base", "main", "--head", "main")
    assert (code, out) == (0, "0 errors, 0 warnings, 0 infos in 10 PRD pages\n")
    # The site's `rules:` option sets review severities as it does for lint.
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: x\ndocs_dir: {repo.root / 'docs'}\n"
        "plugins:\n  - prd:\n      rules: {PRD701: warning, PRD704: off}\n",
        encoding="utf-8",
    )
    code, found = findings_json(capsys, "--base", "main", "--head", "feature", "-f", str(config))
    assert code == 0
    assert {f["rule"] for f in found} == {"PRD701", "PRD702", "PRD703"}
    code, _ = findings_json(capsys, "--base", "main", "--head", "feature", "-f", str(config), "--strict")
    assert code == 1


def test_shallow_clone_without_the_base_says_how_to_fetch_it(
    repo: Git, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    monkeypatch.chdir(clone)
    main_commit = repo("rev-parse", "main").strip()
    for base in ("origin/main", main_commit):
        code, out, err = run(capsys, "--base", base)
        assert code == 2 and out == ""
        assert "shallow" in err and "fetch-depth: 0" in err, err


def test_bad_revisions_and_places(
    repo: Git, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    for rev in ("--output=/tmp/pwned", "-h", "main..feature", "main feature", "HEAD@{1}", "a\nb", ":/x"):
        code, _, err = run(capsys, f"--base={rev}")
        assert code == 2 and "not a revision" in err, (rev, err)
    code, _, err = run(capsys, "--base", "no-such-branch")
    assert code == 2 and "unknown revision 'no-such-branch'" in err
    assert not Path("/tmp/pwned").exists()
    # Outside any repository.
    plain = tmp_path / "plain"
    shutil.copytree(repo.root / "docs", plain / "docs")
    (plain / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = run(capsys, "--base", "main")
    assert code == 2 and "not inside a git repository" in err


def test_check_rev_accepts_ordinary_revisions() -> None:
    for rev in ("main", "origin/main", "v1.2.0", "HEAD~1", "HEAD^", "feature/x-1", "a" * 40):
        assert check_rev(rev) == rev
    with pytest.raises(GitError):
        check_rev("")


def test_parse_batch_reads_binary_and_missing_objects() -> None:
    data = b"aaa blob 3\nx\ny\nbbb missing\nccc blob 0\n\n"
    assert parse_batch(data) == {"aaa": b"x\ny", "ccc": b""}
