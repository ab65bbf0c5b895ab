"""Every command's standard output, for every format, with control characters in the document.

JSON escapes the C0 controls (ESC, BEL) but leaves DEL, the C1 controls (U+009B is
CSI, U+0085 NEL), U+2028 and the bidirectional overrides as they are: ``lint --format
json`` on a terminal showed a title reordered by U+202E.  The JSON formats (lint's json
and gitlab, ``trace``, ``index`` and ``prd-index.json``) now write them as ``\\uXXXX``
(the same data for a reader), and on a terminal every command's output shows any control
character escaped (the index page's HTML, the trace CSV), as ``lint --diff`` did.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.safe import TerminalFilter, json_inert
from mkdocs_prd.core.sitewide.export import dumps

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
# What a terminal acts on that JSON leaves as it is, and what JSON escapes itself.
JSON_LEAVES = "\x7f\x85\x9b\u2028\u2029\u202a\u202e\u2066\u2069"
HOSTILE = f"\x1b]0;pwned\x07\x7f a\u202eb \x9b2J c\x85d \u2028e {JSON_LEAVES}"
COMMANDS = [
    *(["lint", "--no-cache", "--format", f] for f in ("text", "github", "json", "gitlab")),
    ["index"],
    ["index", "--format", "markdown"],
    *(["trace", "--format", f] for f in ("text", "json", "csv")),
]


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-outputs")
    text = CLEAN.replace("Saved Payment Methods", f"Saved {HOSTILE} Methods", 1)
    text = text.replace("**Owner:** Payments Team", f"**Owner:** Payments {HOSTILE}")
    text = text.replace("**Status:** Approved", f"**Status:** Shipped {HOSTILE}")  # PRD102 quotes it
    (root / "docs" / "prds").mkdir(parents=True)
    (root / "docs" / "prds" / "a.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    return root


def run(monkeypatch: pytest.MonkeyPatch, root: Path, argv: list[str], stream: type[io.TextIOWrapper]) -> str:
    monkeypatch.chdir(root)
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", stream(out, encoding="utf-8", newline=""))
    main(argv)
    sys.stdout.flush()
    return out.getvalue().decode("utf-8")


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_on_a_terminal_no_output_carries_a_control_character(
    site: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    shown = run(monkeypatch, site, argv, Terminal)
    assert "pwned" in shown, shown[:300]
    raw = {
        ch for ch in shown if (ch.isspace() and ch not in "\n\t ") or not (ch.isprintable() or ch in "\n\t")
    }
    assert not raw, sorted(map(hex, map(ord, raw)))


@pytest.mark.parametrize(
    "argv", [a for a in COMMANDS if "json" in a or "gitlab" in a or a == ["index"]], ids=" ".join
)
def test_json_into_a_pipe_escapes_what_a_terminal_acts_on_and_keeps_the_data(
    site: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    text = run(monkeypatch, site, argv, io.TextIOWrapper)
    assert not set(text) & set(JSON_LEAVES + "\x1b\x07")
    assert any("\x7f a\u202eb \x9b2J" in value for value in strings(json.loads(text)))  # the same data


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for v in value for s in strings(v)] if isinstance(value, list) else []


def test_json_inert_changes_how_strings_are_written_not_what_they_are() -> None:
    values = {"title": HOSTILE, "list": [JSON_LEAVES, "é 😀 \u00a0"], "n": 1}
    text = json_inert(json.dumps(values, ensure_ascii=False))
    assert json.loads(text) == values
    assert not set(text) & set(JSON_LEAVES)
    exported = dumps({"schema_version": 2, "prds": [values]})
    assert json.loads(exported)["prds"] == [values] and not set(exported) & set(JSON_LEAVES)


# GitHub Actions reads a line of a step's log as a workflow command when it holds "##[" (the old
# form, anywhere) or starts with "::" after blanks: a document must not forge an annotation.
FORGED = "##[error]forged ##[add-mask]secret"


@pytest.fixture(scope="module")
def forging(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("forging")
    text = CLEAN.replace("Saved Payment Methods", f"Saved {FORGED} Methods", 1)
    text = text.replace("**Status:** Approved", f"**Status:** Shipped {FORGED}")  # PRD102 quotes it
    (root / "docs" / "prds").mkdir(parents=True)
    (root / "docs" / "prds" / "a.md").write_text(text, encoding="utf-8")
    # A file name that starts a lint line with "::" (run in docs/, the path is the name).
    other = text.replace("saved-payment", "other")
    (root / "docs" / "::error title=x::forged.md").write_text(other, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    return root / "docs"


def _commands(output: str, github: bool) -> list[str]:
    """The lines GitHub Actions would run as workflow commands (ours excepted: --format github)."""
    out = []
    for line in output.splitlines():
        ours = github and re.match(r"::(error|warning|notice) file=[^:]*,line=\d+,title=PRD\d{3}::", line)
        if "##[" in line or (line.lstrip().startswith("::") and not ours):
            out.append(line)
    return out


@pytest.mark.parametrize(
    "argv",
    [*COMMANDS[:4], ["index"], ["index", "--format", "markdown"], ["trace"], ["trace", "--format", "json"]],
    ids=" ".join,
)
def test_no_output_line_is_a_github_workflow_command(
    forging: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    monkeypatch.chdir(forging)
    main(argv)
    out, err = capsys.readouterr()
    assert "forged" in out
    assert _commands(out, "github" in argv) == [] and _commands(err, False) == []
    if "json" in argv or argv == ["index"]:
        assert any(FORGED in value for value in strings(json.loads(out)))  # the same data


def test_the_build_log_forges_no_workflow_command() -> None:
    record = logging.LogRecord("mkdocs.prd", logging.WARNING, __file__, 1, "%s: %s", None, None)
    record.args = ("::error title=x::forged.md:5", FORGED)
    TerminalFilter().filter(record)
    assert _commands(record.getMessage(), False) == []
    assert "forged" in record.getMessage()
