"""Pages a site's plugins drop from the build are not checked, listed or exported by the CLI.

mkdocs-exclude (``glob``/``regex``) and a hook's ``on_files`` remove files of ``docs_dir``
from the build: ``mkdocs build`` neither renders nor checks them, and its prd-index.json
leaves them out.  ``mkdocs-prd lint`` (whole site and with PATHs, as pre-commit runs it) and
``mkdocs-prd index`` reported and listed them all the same.  A page a plugin only marks
excluded for a while (Material's blog posts, test_host_plugins.py) is no dropped page.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site

from mkdocs_prd.adapters.cli.main import main

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
FINDING = re.compile(r"(?:^|\s)(?:docs/)?(\S+\.md):(\d+): \w+ (PRD\d+)")
WHY_NOW = "holiday season starts in eight weeks."

HOOK = """
def on_files(files, config, **kwargs):
    for src in ("prds/secret.md", "prds/internal/notes.md"):
        dropped = files.get_file_from_path(src)
        if dropped is not None:
            files.remove(dropped)
    return files
"""


def _prd(title: str, track: str) -> str:
    text = CLEAN.replace("Saved Payment Methods", title).replace("saved-payment-methods", track)
    return text.replace(WHY_NOW, WHY_NOW + "\n\nTBD\n", 1)  # one PRD110 each


FILES = {
    "index.md": "# Home\n",
    "prds/open.md": _prd("Open", "open"),
    "prds/secret.md": _prd("Secret", "secret"),
    "prds/internal/notes.md": _prd("Notes", "notes"),
}
SETUPS: dict[str, list[Any]] = {
    "hook": ["search", "prd"],
    "mkdocs-exclude": ["search", {"exclude": {"glob": ["prds/secret.md", "prds/internal/*"]}}, "prd"],
}


@pytest.fixture(scope="module", params=sorted(SETUPS))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    config: dict[str, Any] = {"plugins": SETUPS[request.param]}
    root = tmp_path_factory.mktemp(request.param)
    if request.param == "hook":
        (root / "drop.py").write_text(HOOK, encoding="utf-8")
        config["hooks"] = ["drop.py"]
    else:
        pytest.importorskip("mkdocs_exclude", reason="mkdocs-exclude is not installed")
    logger = logging.getLogger("mkdocs")
    saved = logger.level
    logger.setLevel(logging.INFO)
    try:
        return build_site(root, FILES, None, theme={"name": "material", "font": False}, config=config)
    finally:
        logger.setLevel(saved)


def _cli(site: Site, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        main(list(argv))
    captured = capsys.readouterr()
    return captured.out, captured.err


def _findings(lines: list[str]) -> set[tuple[str, int, str]]:
    return {
        (m.group(1), int(m.group(2)), m.group(3))
        for m in map(FINDING.search, lines)
        if m and "PRD findings" not in m.string
    }


def test_the_build_leaves_the_dropped_pages_out(site: Site) -> None:
    assert not (site.site_dir / "prds/secret").exists()
    assert not (site.site_dir / "prds/internal").exists()
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert [r["src_path"] for r in rows] == ["prds/open.md"]
    tbd = FILES["prds/open.md"].splitlines().index("TBD") + 1
    assert _findings(site.messages()) == {("prds/open.md", tbd, "PRD110")}


def test_lint_checks_what_the_build_checks(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    built = _findings(site.messages())
    out, err = _cli(site, capsys, "lint", "-f", "mkdocs.yml")
    assert _findings(out.splitlines()) == built
    assert "prds/internal/notes.md" in err and "prds/secret.md" in err  # said, not silently
    # PATHs given (pre-commit): the dropped pages are skipped, with a note.
    out, err = _cli(site, capsys, "lint", "docs/prds/secret.md", "docs/prds/open.md")
    assert _findings(out.splitlines()) == built
    assert "skipped docs/prds/secret.md: the site does not build it" in err


def test_index_lists_what_the_build_exports(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    out, _err = _cli(site, capsys, "index", "-f", "mkdocs.yml")
    printed = json.loads(out)["prds"]
    built = json.loads(site.html("prd-index.json"))["prds"]
    assert [(r["src_path"], r["url"]) for r in printed] == [(r["src_path"], r["url"]) for r in built]


def test_usage_errors_of_the_module_entry_point_are_messages(tmp_path: Path) -> None:
    """``python -m mkdocs_prd.adapters.cli.main`` (how hooks and CI scripts often run it):
    its module is ``__main__``, a second copy whose UsageError the commands never raise, so
    a missing file was a traceback there, and a message from the ``mkdocs-prd`` script."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins: [prd]\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs_prd.adapters.cli.main", "lint", "no-such.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "mkdocs-prd: error: no such file or folder: no-such.md" in run.stderr
