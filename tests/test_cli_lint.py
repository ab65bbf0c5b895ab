"""`mkdocs-prd lint` and `mkdocs-prd rules`: formats, exit statuses, config discovery, hostile files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.rules.catalog import RULES

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
BAD_STATUS = CLEAN.replace("**Status:** Approved", "**Status:** Shipped")  # PRD102 error, line 7
PLACEHOLDER = CLEAN.replace("**Owner:** Payments Team", "**Owner:** [name/team]")  # PRD107 warning, line 6
LOW_TARGET = CLEAN.replace(
    "**Target post-implementation:** 0.86", "**Target post-implementation:** 0.75"
).replace("**Delta:** +0.18", "**Delta:** +0.07")  # PRD504 info


def make_site(root: Path, pages: dict[str, str], plugin: str = "  - prd\n") -> Path:
    """A site in ``root``: mkdocs.yml (with ``plugin`` as the plugins entry) and docs pages."""
    (root / "mkdocs.yml").write_text(f"site_name: Test\nplugins:\n  - search\n{plugin}", encoding="utf-8")
    for rel, text in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean PRD, an erroneous one, one with a warning, an ordinary page; cwd is the site root."""
    make_site(
        tmp_path,
        {
            "index.md": "# Home\n\nThis site talks about PRDs but is not one.\n",
            "prds/clean.md": CLEAN,
            "prds/bad.md": BAD_STATUS.replace("saved-payment-methods", "bad-status"),
            "prds/todo.md": PLACEHOLDER.replace("saved-payment-methods", "todo"),
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- formats -----------------------------------------------------------------------------


def test_text_format_lists_findings_with_location_and_summary(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "lint")
    lines = out.splitlines()
    assert "docs/prds/bad.md:7: error PRD102 Status `Shipped` is not one of the site's statuses" in lines[0]
    assert lines[1].startswith(
        "    hint: Did you mean `Implemented`? Write it, or map the word in the plugin's `status_aliases`"
    )
    assert lines[2] == "docs/prds/todo.md:6: warning PRD107 Unfilled template placeholder `[name/team]`"
    assert lines[-1] == "1 error, 1 warning, 0 infos in 3 PRD pages"
    assert code == 1


def test_json_format_is_an_array_of_finding_objects(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [(d["path"], d["line"], d["rule"], d["severity"]) for d in data] == [
        ("prds/bad.md", 7, "PRD102", "error"),
        ("prds/todo.md", 6, "PRD107", "warning"),
    ]
    for d in data:
        assert set(d) >= {"path", "line", "rule", "severity", "message", "hint"}
        assert d["hint"] and d["message"]
        assert d["file"] == "docs/" + d["path"]


def test_github_format_emits_workflow_commands(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--format", "github")
    lines = out.splitlines()
    assert code == 1
    assert re.fullmatch(r"::error file=docs/prds/bad\.md,line=7,title=PRD102::Status `Shipped` .+", lines[0])
    assert re.fullmatch(r"::warning file=docs/prds/todo\.md,line=6,title=PRD107::Unfilled .+", lines[1])
    assert lines[-1].endswith("in 3 PRD pages")


def test_github_format_escapes_properties_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b:c.md").write_text(CLEAN.replace("**Status:** Approved", "**Status:** 100% done"))
    code, out, _ = run(capsys, "lint", "--format", "github", "a,b:c.md")
    assert code == 1
    assert out.startswith("::error file=a%2Cb%3Ac.md,line=7,title=PRD102::Status `100%25 done`")


def test_info_is_reported_with_notice_and_never_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "low.md").write_text(LOW_TARGET)
    code, out, _ = run(capsys, "lint", "--format", "github", "--strict", "low.md")
    assert out.startswith("::notice file=low.md,line=264,title=PRD504::")
    assert code == 0


# --- exit statuses -----------------------------------------------------------------------


def test_clean_files_exit_0(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "docs/prds/clean.md")
    assert code == 0
    assert out == "0 errors, 0 warnings, 0 infos in 1 PRD page\n"


def test_warnings_exit_0_unless_strict(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lint", "docs/prds/todo.md")[0] == 0
    assert run(capsys, "lint", "--strict", "docs/prds/todo.md")[0] == 1


def test_errors_exit_1(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lint", "docs/prds/bad.md")[0] == 1


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ("      rules: {PRD999: error}\n", "PRD999"),
        ("      rules: {PRD107: fatal}\n", "fatal"),
        ("      no_such_option: 1\n", "no_such_option"),
        ("      iosm_threshold: high\n", "iosm_threshold"),
        ("      statuses: Draft\n", "statuses"),
        ("      statuses: []\n", "statuses must name at least one status"),
        ("      statuses: ['', ' ']\n", "statuses must name at least one status"),
    ],
)
def test_bad_config_exits_2_naming_the_option(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    options: str,
    named: str,
) -> None:
    make_site(tmp_path, {"prds/clean.md": CLEAN}, plugin="  - prd:\n" + options)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert code == 2
    assert out == ""
    assert named in err and "Traceback" not in err


def test_usage_errors_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "lint")  # no mkdocs.yml and no PATHs
    assert code == 2 and "no mkdocs.yml" in err
    code, _, err = run(capsys, "lint", "missing.md")
    assert code == 2 and "missing.md" in err
    code, _, err = run(capsys, "lint", "-f", "nowhere.yml")
    assert code == 2 and "nowhere.yml" in err
    code, _, err = run(capsys, "lint", "--format", "xml", ".")
    assert code == 2 and "invalid choice" in err
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n")
    code, _, err = run(capsys, "lint")
    assert code == 2 and "Traceback" not in err


# --- which files, which settings -------------------------------------------------------


def test_config_settings_apply_without_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plugin = "  - prd:\n      paths: ['prds/**']\n      rules: {PRD107: error, PRD102: 'off'}\n"
    make_site(
        tmp_path,
        {
            "prds/todo.md": PLACEHOLDER,
            "prds/bad.md": BAD_STATUS.replace("saved-payment-methods", "bad"),
            "drafts/outside.md": BAD_STATUS.replace("saved-payment-methods", "outside"),
        },
        plugin=plugin,
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "lint", "--format", "json")
    data = json.loads(out)
    # PRD107 raised to error; PRD102 off; drafts/ is outside `paths`, so not a PRD of this site.
    assert [(d["path"], d["rule"], d["severity"]) for d in data] == [("prds/todo.md", "PRD107", "error")]
    assert code == 1
    # The same settings through -f from another folder, with a folder as PATH.
    monkeypatch.chdir(tmp_path / "docs")
    code, out, _ = run(capsys, "lint", "-f", "../mkdocs.yml", "--format", "json", "prds")
    assert [(d["file"], d["rule"]) for d in json.loads(out)] == [("prds/todo.md", "PRD107")]


def test_duplicate_track_id_is_found_when_linting_one_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "docs" / "prds" / "copy.md").write_text(CLEAN.replace("Saved Payment Methods", "Copy"))
    code, out, _ = run(capsys, "lint", "--format", "json", "docs/prds/copy.md")
    data = json.loads(out)
    assert [(d["path"], d["rule"]) for d in data] == [("prds/copy.md", "PRD106")]
    assert "prds/clean.md" in data[0]["message"]
    assert code == 1


def test_paths_outside_docs_dir_and_without_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(BAD_STATUS)
    (tmp_path / "notes" / "readme.md").write_text("# Notes\n\nNot a PRD.\n")
    code, out, _ = run(capsys, "lint", "notes", "notes/a.md")  # the same file twice counts once
    assert code == 1
    assert out.splitlines()[0].startswith("notes/a.md:7: error PRD102")
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 infos in 1 PRD page"


def test_a_folder_named_again_through_a_symlink_counts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes" / "deep").mkdir(parents=True)
    (tmp_path / "notes" / "deep" / "a.md").write_text(BAD_STATUS)
    os.symlink(tmp_path / "notes", tmp_path / "alias")
    code, out, _ = run(capsys, "lint", "notes", "alias", "alias/deep/a.md")
    assert code == 1
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 infos in 1 PRD page"


# --- hostile input -----------------------------------------------------------------------


def test_unreadable_and_hostile_files_are_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    os.mkfifo(tmp_path / "pipe.md")  # reading it would block forever
    (tmp_path / "binary.md").write_bytes(b"# PRD: \xff\xfe\x00 broken\n" + bytes(range(256)) * 40)
    (tmp_path / "brackets.md").write_text(
        "# PRD: Hostile\n\n" + "[ " * 500_000 + "\n" + "**a " * 5_000 + "\n"
    )
    code, out, err = run(capsys, "lint", "--format", "json", ".")
    assert "Traceback" not in err
    data = json.loads(out)
    by_file = {(d["file"], d["rule"]) for d in data}
    assert ("dangling.md", "PRD001") in by_file
    assert ("pipe.md", "PRD001") in by_file
    assert ("binary.md", "PRD001") in by_file  # not UTF-8
    assert ("brackets.md", "PRD101") in by_file  # linted like any PRD, metadata missing
    assert code == 1


# --- rules, help, console script -----------------------------------------------------------


def test_rules_command_prints_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].startswith("PRD001  error    the page cannot be read as a PRD")
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert [r["rule"] for r in rows] == list(RULES)
    assert {r["severity"] for r in rows} == {"error", "warning", "info"}
    assert {r["rule"] for r in rows if r["fixable"]} >= {"PRD102", "PRD103", "PRD202", "PRD503"}
    code, out, _ = run(capsys, "rules", "--format", "markdown")
    assert out.startswith("| id | default | fires when | fixable |\n|---|---|---|---|\n| PRD001 | error |")


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "lint" in out and "rules" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("mkdocs-prd ")
    code, _, err = run(capsys)
    assert code == 2 and "usage:" in err


def test_console_script_runs_lint(site: Path) -> None:
    script = Path(sys.executable).with_name("mkdocs-prd")
    proc = subprocess.run(
        [str(script), "lint", "--format", "json"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1, proc.stderr
    assert [d["rule"] for d in json.loads(proc.stdout)] == ["PRD102", "PRD107"]


def test_text_output_writes_a_repeated_hint_once_per_file(tmp_path: Path) -> None:
    from mkdocs_prd.adapters.cli.formats import format_json, format_text
    from mkdocs_prd.core.lint import lint
    from mkdocs_prd.core.settings import Settings

    text = CLEAN.replace("**Owner:** Payments Team", "**Owner:** [name/team]").replace(
        "**Version:** ", "**Version:** [x.y] "
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = lint([str(tmp_path / "a.md")], Settings())
    lines = format_text(result).splitlines()
    findings = [line for line in lines if ": warning PRD107 " in line]
    hints = [line for line in lines if line.startswith("    hint") and "placeholder" in line]
    assert len(findings) >= 2
    hint = "Replace the placeholder with the real content"
    expected = f"    hint (all {len(findings)} PRD107 findings in this file): {hint}"
    assert len(hints) == 1 and hints[0].startswith(expected)
    assert len([d for d in json.loads(format_json(result)) if d["rule"] == "PRD107"]) == len(findings)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("path", "paths"), ("status", "statuses"), ("show_finding", "show_findings"), ("rule", "rules")],
)
def test_an_unknown_option_names_the_option_meant(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    written: str,
    meant: str,
) -> None:
    """A typo in the plugin's options is a configuration error (exit 2) that says what was meant."""
    make_site(tmp_path, {"prds/a.md": CLEAN}, plugin=f"  - prd:\n      {written}: [x]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert f"Unknown option '{written}' of the prd plugin; did you mean '{meant}'?" in err


def test_an_unknown_option_far_from_any_is_said_without_a_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_site(tmp_path, {"prds/a.md": CLEAN}, plugin="  - prd:\n      colour: red\n")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "Unknown option 'colour' of the prd plugin" in err and "did you mean" not in err


@pytest.mark.parametrize("count", [4, 10, 11, 50])
def test_prd102_names_at_most_ten_statuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], count: int
) -> None:
    """A site with 50 statuses got all 50 in PRD102's message and again in its hint."""
    statuses = ["Approved", *(f"Stage {n} Zq" for n in range(1, count))]
    listed = "".join(f"\n        - {s}" for s in statuses)
    make_site(tmp_path, {"prds/a.md": BAD_STATUS}, plugin=f"  - prd:\n      statuses:{listed}\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "lint", "--format", "json")
    assert code == 1
    (finding,) = [f for f in json.loads(out) if f["rule"] == "PRD102"]
    text = finding["message"] + " " + finding["hint"]
    shown = [s for s in statuses if s in text]
    if count <= 10:
        assert shown == statuses and "more" not in text
    else:
        assert len(shown) == 8 and f"and {count - 8} more (the plugin's `statuses`)" in finding["message"]
