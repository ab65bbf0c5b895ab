"""``mkdocs-prd lint --diff`` prints document text: on a terminal its control characters
(ESC sequences, OSC 8 links and titles, bidirectional overrides, a carriage return inside
a line) are shown escaped; into a pipe or file the diff stays byte-exact, so ``git apply``
can still apply it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from index_sites import prd_text

from mkdocs_prd.adapters.cli.main import main

HOSTILE = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[2J\x1b]0;title\x07 a\u202eb"
CR = "rm -rf / \rsafe"  # on a terminal, "safe" would hide what comes before it


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def site(root: Path, cr: bool = False) -> bytes:
    # A date with slashes has a safe fix (PRD103): the diff shows the lines around it.
    text = prd_text("Diff", date="2026/01/17").replace(
        "**Current state:** slow.", f"**Current state:** {HOSTILE}"
    )
    text = text.replace("**Date:** 2026/01/17\n", "**Date:** 2026/01/17\n\n" + HOSTILE + "\n")
    if cr:
        text = text.replace("**Version:** 1.0\n", "**Version:** 1.0\n" + CR + "\n")
    (root / "docs" / "prds").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    data = text.encode("utf-8")
    (root / "docs" / "prds" / "a.md").write_bytes(data)
    return data


def run_diff(monkeypatch: pytest.MonkeyPatch, stream: type[io.TextIOWrapper]) -> str:
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", stream(out, encoding="utf-8", newline=""))
    assert main(["lint", "--no-cache", "--diff"]) == 1
    sys.stdout.flush()
    return out.getvalue().decode("utf-8")


def test_on_a_terminal_the_diff_shows_control_characters_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site(tmp_path, cr=True)
    monkeypatch.chdir(tmp_path)
    shown = run_diff(monkeypatch, Terminal)
    assert "+**Date:** 2026-01-17\n" in shown
    assert "\\x1b]8;;https://evil.example\\x07click" in shown and "\\u202e" in shown
    assert "rm -rf / \\r\n safe" in shown  # a lone CR ends a line for the diff: shown, then a new line
    assert not any(ch in shown for ch in "\x1b\x07\u202e\r")


def test_into_a_pipe_the_diff_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = site(tmp_path)
    monkeypatch.chdir(tmp_path)
    diff = run_diff(monkeypatch, io.TextIOWrapper)
    assert HOSTILE in diff
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "-"], cwd=tmp_path, input=diff.encode("utf-8"), check=True)
    fixed = (tmp_path / "docs" / "prds" / "a.md").read_bytes()
    assert fixed == data.replace(b"**Date:** 2026/01/17", b"**Date:** 2026-01-17")
