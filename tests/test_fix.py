"""Safe fixes: golden cases per fixable rule, properties, and `mkdocs-prd lint --fix / --diff`.

Each folder under ``tests/golden/fix/`` holds ``input.md``, ``expected.md`` (byte for
byte what ``--fix`` must write; equal to the input when nothing is certain) and an
optional ``settings.yml`` with ``prd`` plugin options.  The folder name starts with the
rule the case is about.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rules_golden import site_settings

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.fix import apply_fixes, fix_bytes, fix_text, page_findings
from mkdocs_prd.core.model import Edit, Fix
from mkdocs_prd.core.rules.catalog import RULES, rule_table_markdown
from mkdocs_prd.core.settings import Settings

GOLDEN = Path(__file__).parent / "golden" / "fix"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
ROOT = Path(__file__).resolve().parent.parent


def case_settings(folder: Path) -> Settings:
    options_file = folder / "settings.yml"
    return site_settings(yaml.safe_load(options_file.read_text()) if options_file.exists() else {})


@pytest.mark.parametrize("case", CASES)
def test_golden_fix(case: str) -> None:
    folder = GOLDEN / case
    before = (folder / "input.md").read_bytes()
    expected = (folder / "expected.md").read_bytes()
    config = case_settings(folder)
    after, applied = fix_bytes(before, "prd.md", config)
    assert after == expected
    assert bool(applied) == (before != expected)
    # Fixing the fixed page changes nothing.
    assert fix_bytes(after, "prd.md", config) == (after, ())
    rule = case.split("-", 1)[0]
    assert RULES[rule].fixable, f"{rule} has golden fix cases but the rule table says it is not fixable"
    text_after = after.decode("utf-8")
    findings_before = [f for f in page_findings(before.decode("utf-8"), "prd.md", config) if f.rule == rule]
    remaining = [f for f in page_findings(text_after, "prd.md", config) if f.rule == rule]
    if before != expected:
        assert findings_before and not remaining  # the rule's finding is what got fixed
    else:
        assert all(f.fix is None for f in remaining)  # nothing offered that was not applied


def test_every_fixable_rule_has_golden_cases() -> None:
    fixable = {rule.id for rule in RULES.values() if rule.fixable}
    assert fixable == {case.split("-", 1)[0] for case in CASES}
    for rule_id in fixable:
        assert f"| {rule_id} |" in rule_table_markdown()


def test_fix_edits_point_at_the_finding_line() -> None:
    text = (GOLDEN / "PRD202-shifted-numbers" / "input.md").read_text(encoding="utf-8")
    for finding in page_findings(text, "prd.md", Settings()):
        if finding.fix is not None:
            assert {edit.line for edit in finding.fix.edits} == {finding.line}


# --- properties --------------------------------------------------------------------------

_CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
_VALUES = {
    "**Date:** 2026-02-03": ["**Date:** 2026/02/03", "**Date:** 3 Feb 2026", "**Date:** 01/02/2026"],
    "**Status:** Approved": ["**Status:** `approved`", "**Status:** Shipped", "**Status:** app-roved"],
    "**Version:** 1.2": ["**Version:** v1.2", "**Version:** V 2"],
    "**Delta:** +0.18": ["**Delta:** 0.5", "**Delta:** -1"],
    "## 9. Rollout": ["## 12. Rollout", "## 9) Rollout"],
    "- Priority: Should": ["- Priority: could have", "- Priority: MUST-HAVE"],
}


@st.composite
def drifted_pages(draw: st.DrawFn) -> str:
    text = _CLEAN
    for original, variants in _VALUES.items():
        choice = draw(st.sampled_from([original, *variants]))
        text = text.replace(original, choice, 1)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = text.split("\n")
    trailing = draw(
        st.lists(st.sampled_from(["", " ", "\t", "  "]), min_size=len(lines), max_size=len(lines))
    )
    text = ending.join(line + pad for line, pad in zip(lines, trailing, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\r\n ")
    return ("\ufeff" if draw(st.booleans()) else "") + text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drifted_pages())
def test_fixing_is_idempotent_and_keeps_everything_outside_the_spans(text: str) -> None:
    config = Settings()
    result = fix_text(text, "prd.md", config)
    assert fix_text(result.text, "prd.md", config).text == result.text
    assert not [f for f in page_findings(result.text, "prd.md", config) if f.fix is not None]
    # Outside the edited spans nothing moved: line endings, blanks, BOM, final newline.
    assert result.text.startswith("\ufeff") == text.startswith("\ufeff")
    assert _skeleton(result.text) == _skeleton(text)


def _skeleton(text: str) -> list[tuple[str, str]]:
    """Each line's ending and trailing blanks, which no fix may touch."""
    import re

    return [(m.group(1), m.group(2)) for m in re.finditer(r"([ \t]*)(\r\n|\r|\n|$)", text) if m.group(0)]


@given(
    st.text(alphabet=st.sampled_from("ab \r\n\t\u00e9\U0001f600"), max_size=40),
    st.lists(st.tuples(st.integers(1, 6), st.integers(0, 8), st.integers(0, 8), st.text("xy", max_size=3))),
)
def test_apply_fixes_changes_only_the_spans(text: str, raw_edits: list[tuple[int, int, int, str]]) -> None:
    fixes = [Fix("t", (Edit(line, min(a, b), max(a, b), new),)) for line, a, b, new in raw_edits]
    out, applied = apply_fixes(text, fixes)
    if not applied:
        assert out == text
    # No line ending is ever added, removed or changed.
    assert [c for c in out if c in "\r\n"] == [c for c in text if c in "\r\n"]
    removed = sum(e.end - e.start for f in applied for e in f.edits)
    added = sum(len(e.text) for f in applied for e in f.edits)
    assert len(out) == len(text) - removed + added


def test_overlapping_fixes_are_applied_one_at_a_time() -> None:
    first = Fix("a", (Edit(1, 0, 3, "xyz"),))
    second = Fix("b", (Edit(1, 2, 4, "QQ"),))
    assert apply_fixes("abcdef\n", [first, second]) == ("xyzdef\n", (first,))


def test_non_utf8_bytes_are_never_fixed() -> None:
    data = _CLEAN.replace("**Date:** 2026-02-03", "**Date:** 2026/02/03").encode() + b"\xff\n"
    assert fix_bytes(data, "prd.md", Settings()) == (data, ())


# --- command line ------------------------------------------------------------------------


def _site(root: Path, pages: dict[str, bytes]) -> None:
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    for rel, data in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_lint_fix_writes_atomically_keeps_mode_and_reports_what_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = (GOLDEN / "PRD103-crlf-bom-no-final-newline" / "input.md").read_bytes()
    unfixable = (
        (GOLDEN / "PRD102-unmapped-word" / "input.md")
        .read_bytes()
        .replace(b"saved-payment-methods", b"other")
    )
    _site(tmp_path, {"a.md": broken, "b.md": unfixable})
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "docs" / "a.md"
    os.chmod(target, 0o640)
    untouched = tmp_path / "docs" / "b.md"
    before_b = untouched.stat()
    code = main(["lint", "--fix"])
    out, err = capsys.readouterr()
    assert target.read_bytes() == (GOLDEN / "PRD103-crlf-bom-no-final-newline" / "expected.md").read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert "Fixed 1 finding in 1 file" in err
    assert "PRD103" not in out and "PRD102" in out  # the findings left, after fixing
    assert code == 1
    after_b = untouched.stat()
    assert (after_b.st_ino, after_b.st_mtime_ns) == (before_b.st_ino, before_b.st_mtime_ns)
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["a.md", "b.md"]  # no temp file left
    # Second run: nothing to fix, nothing written.
    inode = target.stat().st_ino
    main(["lint", "--fix"])
    assert "Fixed" not in capsys.readouterr().err
    assert target.stat().st_ino == inode


def test_lint_fix_through_a_symlink_rewrites_the_linked_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.md"
    real.write_bytes((GOLDEN / "PRD104-v-prefix" / "input.md").read_bytes())
    link = tmp_path / "link.md"
    link.symlink_to(real)
    monkeypatch.chdir(tmp_path)
    main(["lint", "--fix", "link.md"])
    capsys.readouterr()
    assert link.is_symlink()
    assert real.read_bytes() == (GOLDEN / "PRD104-v-prefix" / "expected.md").read_bytes()


def test_lint_fix_never_writes_through_a_link_out_of_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A page that is a link to a file outside docs_dir (a pull request can add one): --fix
    # wrote the file it leads to.  A link inside docs_dir is still fixed through.
    broken = (GOLDEN / "PRD104-v-prefix" / "input.md").read_bytes()
    (tmp_path / "site" / "docs" / "shared").mkdir(parents=True)
    (tmp_path / "site" / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(broken)
    inside = tmp_path / "site" / "docs" / "shared" / "b.md"
    inside.write_bytes(broken.replace(b"saved-payment-methods", b"other"))
    (tmp_path / "site" / "docs" / "a.md").symlink_to(outside)
    (tmp_path / "site" / "docs" / "b.md").symlink_to(inside)
    monkeypatch.chdir(tmp_path / "site")
    main(["lint", "--fix", "--no-cache"])
    err = capsys.readouterr().err
    assert outside.read_bytes() == broken
    assert f"not fixed: docs/a.md resolves to {outside}" in err and "outside" in err
    assert inside.read_bytes() == (GOLDEN / "PRD104-v-prefix" / "expected.md").read_bytes().replace(
        b"saved-payment-methods", b"other"
    )
    assert "Fixed " in err  # b.md and shared/b.md: MkDocs lists the link and its file


def test_lint_diff_prints_a_unified_diff_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (GOLDEN / "PRD202-one-wrong" / "input.md").read_bytes()
    _site(tmp_path, {"prds/x.md": data})
    monkeypatch.chdir(tmp_path)
    code = main(["lint", "--diff"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert (tmp_path / "docs" / "prds" / "x.md").read_bytes() == data
    assert "--- a/docs/prds/x.md\n+++ b/docs/prds/x.md\n" in out
    assert "\n-## 11. Rollout / Migration Plan\n+## 9. Rollout / Migration Plan\n" in out
    # Nothing to fix: empty diff, exit 0.
    (tmp_path / "docs" / "prds" / "x.md").write_bytes(
        (GOLDEN / "PRD202-one-wrong" / "expected.md").read_bytes()
    )
    assert main(["lint", "--diff"]) == 0
    assert capsys.readouterr().out == ""


def test_lint_fix_on_the_sample_site_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "sample_site"
    shutil.copytree(ROOT / "sample_site", site, ignore=shutil.ignore_patterns("site"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    monkeypatch.chdir(site)
    main(["lint", "--fix"])
    assert "Fixed" not in capsys.readouterr().err
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()} == before


def test_machine_formats_say_fixable_exactly_for_what_fix_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``fixable`` in ``--format json`` / ``gitlab`` (and ``trace --format json``) is true for
    the findings ``--fix`` removes and false for those it leaves, on every golden case."""
    import json

    _golden_site(tmp_path)
    monkeypatch.chdir(tmp_path)

    def findings(fmt: str = "json") -> list[dict[str, object]]:
        main(["lint", "--format", fmt])
        data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
        return data

    before = findings()
    gitlab = findings("gitlab")
    assert [d["fixable"] for d in gitlab] == [d["fixable"] for d in before]
    assert all(isinstance(d["fixable"], bool) for d in before)
    fixable = {(d["path"], d["rule"], d["line"]) for d in before if d["fixable"]}
    kept = {(d["path"], d["rule"], d["line"]) for d in before if not d["fixable"]}
    assert fixable and kept
    assert not any(d["fixable"] for d in before if d["path"] == "not-utf8.md")
    assert any(d["rule"] == "PRD104" for d in before if d["path"] == "not-utf8.md")
    main(["lint", "--fix"])
    capsys.readouterr()
    after = findings()
    left = {(d["path"], d["rule"], d["line"]) for d in after}
    assert not fixable & left  # every finding said fixable was fixed
    assert kept <= left  # every other one is still there
    assert not any(d["fixable"] for d in after)
    main(["lint"])  # the text format: no mark and no count line once nothing is left to fix
    assert "[*]" not in capsys.readouterr().out


def _golden_site(tmp_path: Path) -> None:
    """A site of every golden case without site settings, plus one page that is not UTF-8
    (never fixed: none of its findings is fixable)."""
    pages = {
        f"{case}.md": (GOLDEN / case / "input.md").read_bytes()
        for case in CASES
        if not (GOLDEN / case / "settings.yml").exists()
    }
    pages["not-utf8.md"] = (GOLDEN / "PRD104-v-prefix" / "input.md").read_bytes() + b"\xff\n"
    _site(tmp_path, pages)


def test_text_format_marks_what_fix_fixes_and_counts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ruff: ``PRD104 [*]`` on each finding ``--fix`` fixes (exactly those the JSON says
    ``fixable``), and a last line ``[*] N fixable with --fix``, on every golden case."""
    import json
    import re

    _golden_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["lint", "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    main(["lint"])
    lines = capsys.readouterr().out.splitlines()
    finding = re.compile(r"docs/(\S+\.md):(\d+): \w+ (PRD\d+)( \[\*\])? ")
    marked = [
        (m.group(1), int(m.group(2)), m.group(3), bool(m.group(4))) for m in map(finding.match, lines) if m
    ]
    assert marked == [(d["path"], d["line"], d["rule"], d["fixable"]) for d in records]
    count = sum(d["fixable"] for d in records)
    assert count and lines[-1] == f"[*] {count} fixable with --fix (--diff shows the changes first)"
    assert re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ infos? in \d+ PRD pages?", lines[-2])
