"""``mkdocs-prd new`` never takes a name the site or another system reserves: a page the
plugin generates (the index page, the traceability matrix), a folder's own page
(``index``, ``README``), or a device name Windows refuses (``CON``, ``NUL``, ``COM1`` ...,
in any case and with any extension), which no clone there could check out."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.new import reserved_name


def site(root: Path, options: str) -> Path:
    (root / "docs" / "prds").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"site_name: T\nplugins:\n  - prd:\n{options}", encoding="utf-8")
    return root


def run_new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["new", *args])
    out, err = capsys.readouterr()
    return code, out.strip(), err


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("CON", "docs/prds/con-prd.md"),
        ("nul", "docs/prds/nul-prd.md"),
        ("Aux", "docs/prds/aux-prd.md"),
        ("COM1", "docs/prds/com1-prd.md"),
        ("lpt9", "docs/prds/lpt9-prd.md"),
        ("PRN", "docs/prds/prn-prd.md"),
        ("Index", "docs/prds/index-prd.md"),  # the PRD index page (index_page)
        ("README", "docs/prds/readme-prd.md"),
        ("Traceability", "docs/prds/traceability-prd.md"),  # the matrix page (trace.page)
        ("Console", "docs/prds/console.md"),  # only whole names are reserved
        ("Com10", "docs/prds/com10.md"),
        ("Index page redesign", "docs/prds/index-page-redesign.md"),
    ],
)
def test_a_title_never_takes_a_reserved_file_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    title: str,
    written: str,
) -> None:
    monkeypatch.chdir(site(tmp_path, "      paths: ['prds/**']\n      trace: {}\n"))
    code, out, err = run_new(capsys, title)
    assert (code, out) == (0, written), err
    assert sorted(p.name for p in (tmp_path / "docs" / "prds").iterdir()) == [written.rsplit("/", 1)[1]]


def test_a_custom_index_page_is_reserved_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(site(tmp_path, "      paths: ['prds/**']\n      index_page: prds/all.md\n"))
    assert run_new(capsys, "All")[:2] == (0, "docs/prds/all-prd.md")


@pytest.mark.parametrize("track_id", ["CON", "nul", "com1.v2", "Lpt3", "aux.", "release."])
def test_a_track_folder_never_takes_a_reserved_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], track_id: str
) -> None:
    monkeypatch.chdir(site(tmp_path, "      paths: ['tracks/*/PRD.md']\n"))
    code, out, err = run_new(capsys, "Console", "--track-id", track_id)
    assert code == 2 and out == ""
    assert f"--track-id {track_id!r} cannot name a folder" in err
    assert not (tmp_path / "docs" / "tracks").exists()
    # Derived from the title, the folder avoids the name on its own.
    assert run_new(capsys, "CON")[:2] == (0, "docs/tracks/con-prd/PRD.md")


def test_reserved_names() -> None:
    for name in ("con", "CON", "Con.md", "nul.tar.gz", "com1", "COM9", "lpt0", "com¹", "aux ", "x.", "index"):
        assert reserved_name(name), name
    for name in ("console", "com10", "lpt", "null", "auxiliary", "index-page", "a.b", "多言語検索"):
        assert not reserved_name(name), name
