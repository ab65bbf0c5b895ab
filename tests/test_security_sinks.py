"""Hostile document and merged-index text at every sink: theme variables, links, inline
fragments, terminal output.  Real Material builds; the HTML is read with html.parser."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import markdown
import pytest
from conftest import build_site
from html_safety import unsafe_markup
from index_sites import prd_text

from mkdocs_prd.adapters.cli.formats import format_github, format_text
from mkdocs_prd.adapters.markdown import sites
from mkdocs_prd.core.lint import LintResult
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.safe import link_url, strip_controls, terminal_text

HOSTILE_STATUS = 'Draft" onmouseover="alert(1)'


def all_pages(site_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(site_dir)): p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}


def test_nav_status_tooltips_are_escaped_on_every_page(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "prds/a.md": prd_text("A", status=HOSTILE_STATUS),
        "prds/b.md": prd_text("B", status="<img src=x onerror=alert(2)>"),
    }
    built = build_site(tmp_path, files, {"nav_status": True, "statuses": ["Approved"]})
    pages = all_pages(built.site_dir)
    assert len(pages) >= 3
    for name, text in pages.items():
        assert unsafe_markup(text) == [], name
    home = pages["index.html"]
    # The tooltip still says what the status is, as text (the status word, which drops a
    # trailing remark in brackets: here "(1)").
    assert 'title="Status: Draft&#34; onmouseover=&#34;alert"' in home
    assert "&lt;img src=x onerror=alert(2)&gt;" in home


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "jav\rascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_link_url_refuses_every_scheme_but_http(url: str) -> None:
    assert link_url(url) is None


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://a.example/x/", "https://a.example/x/"),
        ("HTTP://a.example/", "HTTP://a.example/"),
        ("prds/a/", "prds/a/"),
        ("/abs/path", "/abs/path"),
        ("//host/a", "//host/a"),
        ("a/b?c=d:e#f", "a/b?c=d:e#f"),
        (" https://a.example/ ", "https://a.example/"),
    ],
)
def test_link_url_keeps_http_and_relative_links(url: str, shown: str) -> None:
    assert link_url(url) == shown


def test_merged_index_script_links_are_shown_as_text_and_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    bad = [
        "javascript:alert(document.domain)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:x",
    ]
    prds = [{"title": f"Click me {i}", "url": url, "src_path": f"{i}.md"} for i, url in enumerate(bad)]
    prds.append({"title": "Fine", "url": "fine/", "src_path": "fine.md"})
    (tmp_path / "other.json").write_text(
        json.dumps({"schema_version": 1, "site_url": "https://other.example/", "prds": prds}),
        encoding="utf-8",
    )
    (tmp_path / "evil-base.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "site_url": "javascript:alert(3)//",
                "prds": [{"title": "Based", "url": "x/", "src_path": "x.md"}],
            }
        ),
        encoding="utf-8",
    )
    files = {
        "index.md": "# Home\n\n<!-- prd-index -->\n",
        "prds/own.md": prd_text("Own"),
    }
    sources = [str(tmp_path / "other.json"), str(tmp_path / "evil-base.json")]
    built = build_site(tmp_path, files, {"include_indexes": sources})
    for name in ("prds/index.html", "index.html"):
        page = built.html(name)
        assert unsafe_markup(page) == [], name
        assert "Click me 0" in page and "Based" in page
        assert 'href="https://other.example/fine/"' in page
    notes = [m for m in built.messages(logging.INFO) if "include_indexes" in m]
    assert any("entries 1, 2, 3, 4" in m and "shown as text" in m for m in notes), notes
    assert any("evil-base.json" in m and "not http(s)" in m for m in notes), notes


def test_priority_value_cannot_inject_markdown_or_html(tmp_path: Path) -> None:
    text = prd_text("P").replace("- Priority: Should", "- Priority: [a](onmouseover=alert(1)//)", 1) + "\n"
    text = text.replace("- Priority: Must", "- Priority: Must `x", 1)
    built = build_site(tmp_path, {"prds/p.md": text, "index.md": "# Home\n"}, {})
    page = built.html("prds/p/index.html")
    assert unsafe_markup(page) == []
    assert 'aria-label="Priority: [a](onmouseover=alert(1)//)"' in page
    # A stray backtick no longer turns the badge into literal text.
    assert "&lt;span class" not in page
    assert 'aria-label="Priority: Must `x"' in page
    assert "prdinline" not in page and "prd-fragment" not in page


ESCAPES = "\x1b[8mhidden\x1b[0m \x1b]0;owned title\x07 \x9b31m \u202eevil"


def test_terminal_text_escapes_every_control_character() -> None:
    shown = terminal_text(ESCAPES + "\r\nnext line\tdé")
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in shown)
    assert "\\x1b[8mhidden" in shown and "\\x1b]0;owned title\\x07" in shown and "\\u202e" in shown
    assert shown.endswith("\\r\\nnext line\\tdé")
    assert terminal_text("plain — text") == "plain — text"


# Every character str.splitlines() ends a line at: a log viewer, an editor or a terminal
# may start a new line there too, so a value could forge a line of its own.
LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=[f"U+{ord(b):04X}" for b in LINE_BREAKS])
def test_no_line_break_of_any_kind_reaches_a_terminal_or_a_merged_value(brk: str) -> None:
    forged = f"Draft{brk}docs/prds/x.md:1: error PRD101 forged"
    assert len(forged.splitlines()) == 2
    assert len(terminal_text(forged).splitlines()) == 1
    assert strip_controls(forged) == "Draft docs/prds/x.md:1: error PRD101 forged"
    finding = Finding("PRD102", Severity.ERROR, f"a{brk}b.md", 3, f"Status `{forged}` is unknown", forged)
    result = LintResult([finding], {}, 1)
    for output in (format_text(result), format_github(result)):
        # One line for the finding (and its hint), one for the summary.
        assert len(output.splitlines()) == output.count("\n"), repr(output)


def test_lint_text_and_github_formats_escape_document_text() -> None:
    finding = Finding("PRD103", Severity.ERROR, "a\x1b[2J.md", 3, f"Status {ESCAPES!s} is unknown", ESCAPES)
    result = LintResult([finding], {}, 1)
    for output in (format_text(result), format_github(result)):
        assert (
            "\x1b" not in output and "\x07" not in output and "\x9b" not in output and "\u202e" not in output
        )
        assert "\\x1b[8mhidden" in output


def test_build_log_escapes_document_text(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    built = build_site(
        tmp_path, {"prds/a.md": prd_text("A", status=f"Odd{ESCAPES}"), "index.md": "# H\n"}, {}
    )
    messages = [m for m in built.messages() if "PRD103" in m or "Odd" in m]
    assert messages, built.messages()
    for m in messages:
        assert "\x1b" not in m and "\x07" not in m and "\u202e" not in m
    assert any("\\x1b[8mhidden" in m for m in messages)


def test_markdown_extension_log_escapes_document_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Zensical (any Python-Markdown host) prints the extension's findings: the same sink.
    text = prd_text("A", status=f"Odd{ESCAPES}")
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - prd\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.INFO, logger="mkdocs")
    sites.forget()
    try:
        markdown.Markdown(extensions=["mkdocs_prd.extension", "meta", "tables"]).convert(text)
    finally:
        sites.forget()
    messages = [r.getMessage() for r in caplog.records if "PRD102" in r.getMessage()]
    assert messages, [r.getMessage() for r in caplog.records]
    for m in messages:
        assert "\x1b" not in m and "\x07" not in m and "\u202e" not in m
        assert "\\x1b[8mhidden" in m


def test_the_detector_reads_title_and_textarea_as_browsers_do() -> None:
    # Text inside <title> (Material writes the page title there, entities decoded) is no markup;
    # the same tag anywhere else is.
    hostile = "<img src=x onerror=alert(1)>"
    assert unsafe_markup(f"<head><title>PRD: {hostile} - Site</title></head>") == []
    assert unsafe_markup(f"<textarea>{hostile}</textarea>") == []
    assert unsafe_markup(f"<title>t</title><p>{hostile}</p>") == ["<img onerror='alert(1)'>"]
    assert unsafe_markup(f"<p>{hostile}</p><title>x</title>") == ["<img onerror='alert(1)'>"]
