"""Findings in real `mkdocs build` runs: logged once with path:line, --strict fails on them,
info does not, and bad plugin configuration stops the build naming the option."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_prd.adapters.cli.main import main

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
SAMPLE_CONFIG = Path(__file__).resolve().parent.parent / "sample_site" / "mkdocs.yml"

BAD_SITE = {
    "index.md": "# Home\n\nOur PRDs live under prds/.\n",
    "prds/clean.md": CLEAN,
    # PRD102 (error) on line 7
    "prds/bad.md": CLEAN.replace("**Status:** Approved", "**Status:** Shipped").replace(
        "saved-payment-methods", "bad"
    ),
    # PRD107 (warning) on line 6
    "prds/todo.md": CLEAN.replace("**Owner:** Payments Team", "**Owner:** [name/team]").replace(
        "saved-payment-methods", "todo"
    ),
    # PRD504 (info) on line 264
    "prds/low.md": CLEAN.replace(
        "**Target post-implementation:** 0.86", "**Target post-implementation:** 0.75"
    )
    .replace("**Delta:** +0.18", "**Delta:** +0.07")
    .replace("saved-payment-methods", "low"),
}

PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_prd.adapters.mkdocs.plugin"
PREFIX = "mkdocs_prd: "  # MkDocs' plugin logger puts the plugin's name before each message


class Record:
    """A log record of the plugin: level and message without the plugin-name prefix."""

    def __init__(self, record: logging.LogRecord) -> None:
        self.levelno = record.levelno
        message = record.getMessage()
        assert message.startswith(PREFIX), message
        self.message = message[len(PREFIX) :]

    def getMessage(self) -> str:  # the name logging.LogRecord uses
        return self.message


def prd_records(caplog: pytest.LogCaptureFixture) -> list[Record]:
    return [Record(r) for r in caplog.records if r.name == PLUGIN_LOGGER]


def test_strict_build_fails_on_findings_with_path_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    with pytest.raises(Abort, match="strict mode"):
        build_site(tmp_path, BAD_SITE, {}, theme="mkdocs", strict=True)
    records = prd_records(caplog)
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    assert [w.split(" (hint: ")[0] for w in warnings] == [
        "prds/bad.md:7: error PRD102 Status `Shipped` is not one of the site's statuses "
        "(Draft, Review, Approved, Implemented)",
        "prds/todo.md:6: warning PRD107 Unfilled template placeholder `[name/team]`",
    ]
    # Each line carries its fix.
    assert (
        "(hint: Did you mean `Implemented`? Write it, or map the word in the plugin's `status_aliases`"
        in warnings[0]
    )
    assert all(w.endswith(")") and "(hint: " in w for w in warnings)
    infos = [r.getMessage() for r in records if r.levelno == logging.INFO]
    assert any(
        m.startswith(
            "prds/low.md:264: info PRD504 Target IOSM-Index `0.75` is below the site's threshold 0.80"
        )
        for m in infos
    )
    assert "PRD findings: 1 error, 1 warning, 1 info in 4 PRD pages" in infos


def test_each_finding_is_logged_once_per_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = build_site(tmp_path, BAD_SITE, {}, theme="mkdocs")
    messages = [r.getMessage() for r in prd_records(caplog)]
    findings = [m for m in messages if re.search(r"\.md:\d+: (error|warning|info) PRD", m)]
    assert len(findings) == len(set(findings)) == 3
    summaries = [m for m in messages if m.startswith("PRD findings:")]
    assert len(summaries) == 1
    assert (site.site_dir / "prds" / "bad" / "index.html").exists()  # a non-strict build still completes


def test_info_findings_and_severity_overrides_do_not_fail_strict(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    options: dict[str, Any] = {"rules": {"PRD102": "info", "PRD107": "off"}}
    build_site(tmp_path, BAD_SITE, options, theme="mkdocs", strict=True)  # does not raise
    messages = [(r.levelno, r.getMessage()) for r in prd_records(caplog)]
    assert (logging.INFO, "PRD findings: 0 errors, 0 warnings, 2 infos in 4 PRD pages") in messages
    assert not any("PRD107" in m for _, m in messages)
    assert all(level == logging.INFO for level, _ in messages)


def test_page_can_silence_a_rule(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    files = {
        "prds/bad.md": "---\nprd_ignore: [PRD102]\n---\n" + BAD_SITE["prds/bad.md"],
        "prds/todo.md": BAD_SITE["prds/todo.md"] + "\n<!-- prd-ignore PRD107 -->\n",
    }
    build_site(tmp_path, files, {}, theme="mkdocs", strict=True)
    assert "PRD findings: 0 errors, 0 warnings, 0 infos in 2 PRD pages" in [
        r.getMessage() for r in prd_records(caplog)
    ]


def test_clean_site_passes_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    build_site(tmp_path, {"prds/clean.md": CLEAN, "index.md": "# Home\n"}, {}, theme="mkdocs", strict=True)
    assert "PRD findings: 0 errors, 0 warnings, 0 infos in 1 PRD page" in [
        r.getMessage() for r in prd_records(caplog)
    ]


def test_sample_site_has_no_finding(capsys: pytest.CaptureFixture[str]) -> None:
    # Its strict build is tests/test_build_sample.py; the lint of the same config is the cheap proof.
    assert main(["lint", "-f", str(SAMPLE_CONFIG)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("0 errors, 0 warnings, 0 infos in ")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"rules": {"PRD999": "error"}}, "PRD999"),
        ({"rules": {"PRD107": "fatal"}}, "fatal"),
        ({"rules": ["PRD107"]}, "rules"),
        ({"no_such_option": 1}, "no_such_option"),
        ({"iosm_threshold": "high"}, "iosm_threshold"),
        ({"statuses": "Draft"}, "statuses"),
    ],
)
def test_bad_plugin_config_stops_the_build_naming_the_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], named: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    lines = ["site_name: Bad config", "plugins:", "  - prd:"]
    lines += [f"      {key}: {value!r}" for key, value in options.items()]
    config.write_text("\n".join(lines).replace("'", '"') + "\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    caplog.set_level(logging.ERROR, logger="mkdocs")
    with pytest.raises(Abort, match="configuration error"):
        load_config(str(config))
    errors = " ".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "Plugin 'prd' option" in errors and named in errors, errors
