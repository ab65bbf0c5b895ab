"""A page that is not UTF-8 gets PRD001 and the build goes on: real MkDocs builds in tmp_path.

MkDocs reads every page as UTF-8 and stops the whole build with a traceback at the
first one that is not (Latin-1, Windows-1252, UTF-16 with a byte order mark).  The
plugin gives MkDocs a decoded copy with a notice instead, in memory: docs_dir is
never written.  A UTF-16 PRD gets PRD001 and nothing that only follows from it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_site
from git_repos import Git

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.html.encoding import host_cannot_read, readable_copy

ROOT = Path(__file__).resolve().parent.parent
PRD = (ROOT / "sample_site" / "docs" / "prds" / "payments" / "refund-automation.md").read_text(
    encoding="utf-8"
)
LATIN1_PRD = (
    "# PRD: Caf\xe9 checkout\n\n**Version:** 1.0\n**Date:** 2026-01-17\n**Track ID:** cafe\n"
    "**Owner:** Jos\xe9 / Payments\n**Status:** Draft\n\n## 1. Problem\n\nSe\xf1or's order.\n"
).encode("latin-1")
NOTES_CP1252 = "# Notes\n\n\u201cQuoted\u201d \u2014 s\xe9ance.\n".encode("cp1252")


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "notes.md": NOTES_CP1252,
        "prds/latin1.md": LATIN1_PRD,
        "prds/u16-bom.md": PRD.replace("payments-refund-automation", "u16-bom").encode("utf-16"),
        "prds/u16-be.md": PRD.replace("payments-refund-automation", "u16-be").encode("utf-16-be"),
        "prds/u16-le.md": PRD.replace("payments-refund-automation", "u16-le").encode("utf-16-le"),
        "prds/utf8.md": PRD,
    }
    root = tmp_path_factory.mktemp("encodings")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        site = build_site(root, files, {"paths": ["prds/**"]}, theme="mkdocs")
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)
    return site, files


def logged(site, level: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The plugin's log lines without its logger's ``mkdocs_prd:`` prefix."""
    return [m.removeprefix("mkdocs_prd: ") for m in site.messages(level)]


def findings_of(site, src: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The build's finding lines for ``src``, as ``RULE message`` (line numbers left out)."""
    out = []
    for message in logged(site, logging.INFO):
        head, sep, rest = message.partition(": ")
        if sep and head.startswith(f"{src}:"):
            out.append(rest.split(" (hint:")[0].split(" ", 1)[1])
    return out


def test_the_build_goes_on_and_shows_every_page(built) -> None:  # type: ignore[no-untyped-def]
    site, _ = built
    for page in ("notes", "prds/latin1", "prds/u16-bom", "prds/u16-be", "prds/u16-le", "prds/utf8"):
        assert (site.site_dir / page / "index.html").is_file(), page
    latin1 = site.html("prds/latin1/index.html")
    assert "Caf\ufffd checkout" in latin1 and "Se\ufffdor" in latin1  # the rest of the text is there
    assert 'class="prd-card' in latin1  # still rendered as a PRD
    for page in ("prds/u16-bom", "prds/u16-be", "prds/u16-le"):
        html = site.html(f"{page}/index.html")
        assert "Automated Refunds for Card Payments" in html and "\x00" not in html
        assert "it is saved as UTF-16" in html
    notes = site.html("notes/index.html")
    assert "Quoted" in notes and "the first unreadable byte is on line 3" in notes
    # A page that is fine gets no notice.
    assert "prd-encoding-notice" not in site.html("prds/utf8/index.html")


def test_docs_dir_is_never_written(built) -> None:  # type: ignore[no-untyped-def]
    site, files = built
    on_disk = digests(site.docs_dir)
    assert on_disk == {
        rel: hashlib.sha256(v if isinstance(v, bytes) else v.encode("utf-8")).hexdigest()
        for rel, v in files.items()
    }


def test_a_utf16_prd_gets_prd001_and_nothing_that_follows_from_it(built) -> None:  # type: ignore[no-untyped-def]
    site, _ = built
    utf8 = [f for f in findings_of(site, "prds/utf8.md") if "PRD106" not in f]
    for page in ("prds/u16-bom.md", "prds/u16-be.md", "prds/u16-le.md"):
        found = findings_of(site, page)
        extra = [f for f in found if f not in utf8]
        assert len(extra) == 1 and extra[0].startswith("PRD001 the page is UTF-16"), (page, extra)


def test_the_log_names_each_page(built) -> None:  # type: ignore[no-untyped-def]
    site, _ = built
    warnings = logged(site, logging.WARNING)
    assert any(m.startswith("prds/latin1.md:1: error PRD001 the page is not valid UTF-8") for m in warnings)
    # A page that is not a PRD has no PRD001, but the build says what it did with it.
    (notes,) = [m for m in warnings if m.startswith("notes.md:")]
    assert "not valid UTF-8" in notes and "decoded copy" in notes
    assert not any("Traceback" in m or "UnicodeDecodeError" in m for m in site.messages())


def test_the_mkdocs_command_exits_0(tmp_path: Path) -> None:
    """The command users run: before, a UnicodeDecodeError traceback and exit 1."""
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "prds" / "latin1.md").write_bytes(LATIN1_PRD)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: mkdocs}\nplugins: [{prd: {paths: ['prds/**']}}]\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "prds" / "latin1" / "index.html").is_file()


def test_the_notice_is_escaped_and_translated() -> None:
    labels = Labels({"encoding_notice": '<img src=x onerror="alert(1)"> {detail}'})
    copy = readable_copy(LATIN1_PRD, labels)
    assert copy is not None
    assert "<img" not in copy.text and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in copy.text
    assert copy.text.startswith("# PRD: Caf\ufffd checkout\n")  # the page's own text first, lines kept


@pytest.mark.parametrize(
    ("data", "cannot"),
    [
        (b"# Plain ASCII\n", False),
        ("# Caf\xe9 \u2014 \u591a\u8a00\u8a9e\n".encode(), False),
        (b"\xef\xbb\xbf# BOM and UTF-8\n", False),
        (b"# Caf\xe9\n", True),
        ("# Wide\n".encode("utf-16-le"), True),
        ("# Wide\n".encode("utf-16"), True),
        (b"\xef\xbb\xbf# BOM then \xff\n", True),
    ],
)
def test_host_cannot_read(data: bytes, cannot: bool) -> None:
    assert host_cannot_read(data) is cannot


def test_lint_agrees_and_hints_what_each_host_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "latin1.md").write_bytes(LATIN1_PRD)
    (tmp_path / "docs" / "prds" / "yaml.md").write_text(
        "---\ntitle: [unclosed\n---\n# PRD: Y\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins: [{prd: {paths: ['prds/**']}}]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    main(["lint", "--format", "json"])
    findings = [f for f in json.loads(capsys.readouterr().out) if f["rule"] == "PRD001"]
    assert len(findings) == 2
    for finding in findings:
        assert "a Zensical build stops at this page" in finding["hint"]
    encoding = next(f for f in findings if "latin1" in f["path"])
    assert "decoded copy" in encoding["hint"]


def test_history_reads_the_file_as_git_has_it(tmp_path: Path) -> None:
    """``history: true`` on a page built from a decoded copy: status dates from git as for any page."""
    git = Git(tmp_path / "repo").init()
    git.write({".gitignore": "site/\nmkdocs.yml\n", "docs/index.md": "# Home\n"})
    (git.root / "docs" / "prds").mkdir(parents=True)
    (git.root / "docs" / "prds" / "latin1.md").write_bytes(LATIN1_PRD.replace(b"Draft", b"Approved"))
    git.commit("Approved", when="2026-01-05T09:00:00+00:00")
    site = build_site(git.root, {}, {"history": True, "paths": ["prds/**"]}, theme="mkdocs")
    html = site.html("prds/latin1/index.html")
    assert "Approved since" in html and "2026-01-05" in html
    assert "prd-encoding-notice" in html
