"""The command line for hosts without plugins: the index page, the assets, the Zensical warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.html.stylesheet import ASSETS_DIR

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
PLUGIN_ONLY = "site_name: S\nplugins:\n  - prd\n"


def site(tmp_path: Path, config: str, **files: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_lint_warns_when_the_plugin_is_listed_on_a_zensical_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site(tmp_path, PLUGIN_ONLY, **{"zensical.toml": "[project]\nsite_name = 'S'\n"})
    assert main(["lint", "-f", str(config)]) == 0  # a warning about the host, not a failing lint
    err = capsys.readouterr().err
    assert "warning:" in err and "Zensical" in err and "zensical.toml beside it" in err
    assert "mkdocs_prd.extension" in err


@pytest.mark.parametrize(
    ("config", "args"),
    [
        (PLUGIN_ONLY, []),  # a MkDocs site: the plugin runs
        (PLUGIN_ONLY + "theme:\n  name: material\n", []),
        (PLUGIN_ONLY + "markdown_extensions:\n  - mkdocs_prd.extension\n", ["--host", "zensical"]),
        (PLUGIN_ONLY + "theme:\n  variant: classic\n", ["--host", "mkdocs"]),
    ],
)
def test_no_warning_where_the_pages_are_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, args: list[str]
) -> None:
    main(["lint", "-f", str(site(tmp_path, config)), *args])
    assert "Zensical" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("config", "args", "why"),
    [
        (PLUGIN_ONLY + "theme:\n  variant: classic\n", [], "theme.variant"),
        (PLUGIN_ONLY, ["--host", "zensical"], "--host zensical"),
    ],
)
def test_other_signs_of_zensical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, args: list[str], why: str
) -> None:
    main(["lint", "-f", str(site(tmp_path, config)), *args])
    assert why in capsys.readouterr().err


def test_index_markdown_is_the_index_page_with_its_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SAMPLE, tmp_path / "s", ignore=shutil.ignore_patterns("site"))
    assert main(["index", "--format", "markdown", "-f", str(tmp_path / "s" / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "# PRD index" in out
    assert out.count("<tr data-prd-key=") == 7
    # Links relative to prds/index.md, as MkDocs would serve it.
    assert 'href="payments/refund-automation/"' in out
    # One raw HTML block: no blank line inside it, nothing indented (it would be code).
    block = out[out.index("<div") :]
    assert "\n\n" not in block.strip() and "\n " not in block
    config = str(tmp_path / "s" / "mkdocs.yml")
    assert main(["index", "--format", "markdown", "--page", "all.md", "-f", config]) == 0
    assert 'href="../prds/payments/refund-automation/"' in capsys.readouterr().out  # all.md is all/


def test_assets_writes_the_stylesheet_with_the_site_colours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = site(tmp_path, "site_name: S\nplugins:\n  - prd:\n      status_colors: {Approved: '#1b5e20'}\n")
    out = tmp_path / "docs" / "assets" / "prd"
    assert main(["assets", str(out), "-f", str(config)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["prd-index.css", "prd-index.js", "prd.css"]
    css = (out / "prd.css").read_text(encoding="utf-8")
    assert ".prd-status--approved" in css and "#1b5e20" in css
    assert (out / "prd-index.js").read_bytes() == (Path(ASSETS_DIR) / "prd-index.js").read_bytes()
    assert str(out / "prd.css") in capsys.readouterr().out


ZENSICAL_PAGE = '<html><head><meta name="generator" content="zensical-0.0.73"></head></html>'
MKDOCS_PAGE = '<html><head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.6"></head></html>'


@pytest.mark.parametrize(("page", "zensical"), [(ZENSICAL_PAGE, True), (MKDOCS_PAGE, False)])
def test_a_site_zensical_built_last_is_a_zensical_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, zensical: bool
) -> None:
    # No zensical.toml, no theme.variant (hosts.md's own Zensical config): the built site says it.
    config = site(tmp_path, PLUGIN_ONLY)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(page, encoding="utf-8")
    main(["lint", "-f", str(config)])
    err = capsys.readouterr().err
    assert ("site/index.html was built by Zensical" in err) is zensical, err


ASSETS = (
    "extra_css:\n  - assets/prd/prd.css\n  - assets/prd/prd-index.css\n"
    "extra_javascript:\n  - assets/prd/prd-index.js\n"
)


@pytest.mark.parametrize(
    ("config", "args", "missing"),
    [
        # Zensical serves what docs_dir holds: all three are missing until `mkdocs-prd assets`.
        (
            PLUGIN_ONLY + "markdown_extensions:\n  - mkdocs_prd.extension\n" + ASSETS,
            ["--host", "zensical"],
            3,
        ),
        # MkDocs with the plugin serves assets/prd/ itself; another folder it does not.
        (PLUGIN_ONLY + ASSETS, [], 0),
        (PLUGIN_ONLY + "extra_css:\n  - css/prd.css\n  - https://cdn.example/prd.css\n", [], 1),
    ],
)
def test_lint_names_the_plugin_assets_the_build_will_lack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, args: list[str], missing: int
) -> None:
    path = site(tmp_path, config)
    main(["lint", "-f", str(path), *args])
    warned = [line for line in capsys.readouterr().err.splitlines() if "not in docs_dir" in line]
    assert len(warned) == min(missing, 1)
    if missing:
        named = warned[0].split("extra_javascript: ")[1].split(" not in docs_dir")[0].split(", ")
        assert len(named) == missing and all(
            n.endswith(("prd.css", ".js")) or "prd-index" in n for n in named
        )
        folder = "docs/assets/prd" if missing == 3 else "docs/css"
        assert warned[0].endswith(f"mkdocs-prd assets {tmp_path / folder}")
        # Written where the warning says: the warning goes.
        main(["assets", str(tmp_path / folder), "-f", str(path)])
        capsys.readouterr()
        main(["lint", "-f", str(path), *args])
        assert "not in docs_dir" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("config", "files", "args", "said"),
    [
        # A paths pattern that matches nothing: `mkdocs build --strict` fails on it too.
        ("site_name: S\nplugins:\n  - prd:\n      paths: [prd/**]\n", {}, [], "matches no page"),
        # The plugin on a Zensical site: lint is the only gate there (hosts.md).
        (PLUGIN_ONLY, {"zensical.toml": "[project]\nsite_name = 'S'\n"}, [], "does not run MkDocs plugins"),
        (PLUGIN_ONLY, {}, ["--host", "zensical"], "does not run MkDocs plugins"),
        # The plugin's stylesheet named in extra_css but not written: cards unstyled on Zensical.
        (
            PLUGIN_ONLY
            + "markdown_extensions:\n  - mkdocs_prd.extension\n"
            + "extra_css:\n  - assets/prd/prd.css\n",
            {},
            ["--host", "zensical"],
            "not in docs_dir",
        ),
    ],
)
def test_site_warnings_fail_lint_strict_as_they_fail_a_strict_build(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    files: dict[str, str],
    args: list[str],
    said: str,
) -> None:
    """A site-level warning is said without --strict (exit 0) and fails the check with it (exit 1)."""
    path = site(tmp_path, config, **files)
    assert main(["lint", "-f", str(path), *args]) == 0
    assert said in capsys.readouterr().err
    assert main(["lint", "--strict", "-f", str(path), *args]) == 1
    err = capsys.readouterr().err
    assert said in err and "--strict: failed on 1 site warning" in err


def test_a_package_missing_where_lint_runs_does_not_fail_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-commit hook's own environment lacks the site's other plugins: said, not failed."""
    path = site(tmp_path, "site_name: S\nplugins:\n  - no-such-plugin-here\n  - prd\n")
    assert main(["lint", "--strict", "-f", str(path)]) == 0
    err = capsys.readouterr().err
    assert "'no-such-plugin-here' is not installed here" in err and "--strict: failed" not in err
