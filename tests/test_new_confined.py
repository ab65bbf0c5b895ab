"""``mkdocs-prd new`` never writes outside the site: real folders and symbolic links in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.new import OutsideSite, check_inside, slugify
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.meta import is_track_id


def tree(root: Path) -> list[str]:
    """Every path below ``root`` (links not followed), with file contents: what 'nothing written' means."""
    found = []
    for path in sorted(root.rglob("*")):
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found.append(f"{path.relative_to(root).as_posix()}:{data!r}")
    return found


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A site (``site/``) with one PRD, and a folder outside it (``outside/``) holding a PRD-like file."""
    site, outside = tmp_path / "site", tmp_path / "outside"
    (site / "docs" / "prds").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - prd:\n      paths: ['prds/**']\n", encoding="utf-8"
    )
    outside.mkdir()
    # A PRD out there whose Track ID would clash if `new` read it.
    (outside / "far.md").write_text(
        "# PRD: Far\n\n**Version:** 1.0\n**Date:** 2026-01-01\n**Track ID:** via-link\n"
        "**Owner:** A\n**Status:** Draft\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(site)
    return site, outside


def run_new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["new", *args])
    out, err = capsys.readouterr()
    return code, out.strip(), err


@pytest.mark.parametrize(
    "where",
    [
        "ABS_OUTSIDE",  # an absolute folder elsewhere
        "docs/prds/../../..",  # climbing out with ..
        "..",  # the site's root is not docs_dir either
        ".",
        "docs/prds/link",  # a symbolic link inside docs_dir leading out
        "docs/prds/link/deeper/still",  # ... and folders below it that do not exist yet
        "docs/prds/dangling",  # a dangling link whose target is outside
        "docs/prds/chain",  # a link to a link to outside
    ],
)
def test_refuses_any_folder_that_resolves_outside_docs_dir(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str], where: str
) -> None:
    site, outside = layout
    links = site / "docs" / "prds"
    (links / "link").symlink_to(outside, target_is_directory=True)
    (links / "dangling").symlink_to(outside / "not-yet")
    (links / "chain").symlink_to(links / "link")
    before_site, before_out = tree(site), tree(outside)
    folder = str(outside) if where == "ABS_OUTSIDE" else where
    code, out, err = run_new(capsys, "Via link", "--dir", folder)
    assert code == 2
    assert out == ""
    assert "outside the site's docs_dir" in err and "nothing written" in err
    assert "Traceback" not in err
    assert tree(site) == before_site
    assert tree(outside) == before_out
    assert not (outside / "not-yet").exists()


@pytest.mark.parametrize(
    ("where", "written"),
    [
        ("prds/billing", "docs/prds/billing/bulk-export.md"),  # the guide's command, beside mkdocs.yml
        ("prds/billing/", "docs/prds/billing/bulk-export.md"),
        ("prds", "docs/prds/bulk-export.md"),
        ("docs/prds/billing", "docs/prds/billing/bulk-export.md"),  # from the working directory, as before
    ],
)
def test_a_dir_below_docs_dir_may_be_given_from_docs_dir(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str], where: str, written: str
) -> None:
    """A plain relative ``--dir`` that would leave the site, read from the working directory,
    is read from ``docs_dir``: ``prds/billing`` typed in the site's folder."""
    site, _ = layout
    code, out, err = run_new(capsys, "Bulk export", "--dir", where)
    assert (code, out) == (0, written), err
    assert (site / written).is_file()
    assert not (site / "prds").exists()


def test_a_dir_from_docs_dir_still_never_leaves_the_site(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Read from ``docs_dir``, a folder through a link that leads out is refused as any other."""
    site, outside = layout
    (site / "docs" / "out").symlink_to(outside, target_is_directory=True)
    before_site, before_out = tree(site), tree(outside)
    code, out, err = run_new(capsys, "Via link", "--dir", "out/deeper")
    assert code == 2 and out == "" and "nothing written" in err
    assert (tree(site), tree(outside)) == (before_site, before_out)


def test_a_linked_page_outside_is_not_read_for_track_ids(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, outside = layout
    (site / "docs" / "prds" / "link").symlink_to(outside, target_is_directory=True)
    (outside / "unreadable.md").mkdir()  # would be a "skipped" note if it were read
    code, out, err = run_new(capsys, "Via Link")
    assert code == 0, err
    assert out == "docs/prds/via-link.md"
    # The far PRD's Track ID was not seen: no "-2"; and nothing out there was read.
    assert parse_prd((site / out).read_text(encoding="utf-8"), out).track_id == "via-link"
    assert "skipped" not in err and "outside" not in err


def test_a_link_that_stays_inside_docs_dir_is_followed(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = layout
    (site / "docs" / "prds" / "real").mkdir()
    (site / "docs" / "prds" / "alias").symlink_to(site / "docs" / "prds" / "real", target_is_directory=True)
    code, out, err = run_new(capsys, "Alias", "--dir", "docs/prds/alias")
    assert out == "docs/prds/alias/alias.md"
    assert code == 0, err
    assert (site / "docs" / "prds" / "real" / "alias.md").is_file()


def test_a_dangling_link_in_place_of_the_file_is_never_followed(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, outside = layout
    # The file name `new` picks is a dangling link pointing outside: not followed, not replaced.
    (site / "docs" / "prds" / "trap.md").symlink_to(outside / "written-through.md")
    code, _, err = run_new(capsys, "Trap")
    assert code == 2
    assert "outside the site's docs_dir" in err
    assert not (outside / "written-through.md").exists()
    # Even inside docs_dir, a link in place of the file is not written through.
    (site / "docs" / "prds" / "inner.md").symlink_to(site / "docs" / "prds" / "target.md")
    code, _, err = run_new(capsys, "Inner")
    assert code == 1
    assert "already exists; nothing written" in err
    assert not (site / "docs" / "prds" / "target.md").exists()


def test_without_a_config_the_working_directory_is_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    code, _, err = run_new(capsys, "Dark Mode", "--dir", "..")
    assert code == 2 and "outside the working directory" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["here"]
    code, out, err = run_new(capsys, "Dark Mode", "--dir", "sub")
    assert code == 0, err
    assert out == "sub/dark-mode.md"


def test_title_in_any_script_gives_a_slug_in_that_script(
    layout: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = layout
    code, out, err = run_new(capsys, "多言語検索")
    assert code == 0, err
    assert out == "docs/prds/多言語検索.md"
    assert parse_prd((site / out).read_text(encoding="utf-8"), out).track_id == "多言語検索"
    # Made unique the same way as an ASCII slug.
    code, _, err = run_new(capsys, "多言語検索!")
    assert code == 1 and "already exists" in err  # same file name: never overwritten
    code, out, err = run_new(capsys, "多言語検索", "--dir", "docs/prds/other")
    assert code == 0, err
    assert parse_prd((site / out).read_text(encoding="utf-8"), out).track_id == "多言語検索-2"


def test_check_inside() -> None:
    check_inside("/a/b/c.md", "/a/b")
    check_inside("/a/b", "/a/b")
    for path in ("/a/bc/x.md", "/a/b/../c.md", "/x"):
        with pytest.raises(OutsideSite):
            check_inside(path, "/a/b")


@given(st.text(max_size=80))
def test_every_slug_is_a_track_id_and_a_plain_file_name(title: str) -> None:
    slug = slugify(title)
    assert is_track_id(slug)
    assert os.sep not in slug and "/" not in slug and slug not in (".", "..")
    assert len(slug) <= 60
