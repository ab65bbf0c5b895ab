"""Real builds with the plugins sites use beside ``prd``, with and without PRDs.

mkdocs-static-i18n (suffix and folder layouts), mkdocs-awesome-nav, mkdocs-awesome-pages,
mkdocs-macros and Material's blog, tags, privacy and offline plugins.  Each build must
finish, find the PRDs the site has (none when it has none), render them, and never
report a PRD and its translation as a duplicate Track ID.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site


@pytest.fixture(autouse=True)
def _info_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")


GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
FRENCH = CLEAN.replace("Saved Payment Methods", "Moyens de paiement enregistrés")
BADGE = 'class="prd-status prd-status--approved"'

# No web fonts: Material's privacy plugin would otherwise fetch them (tests never use the network).
MATERIAL = {"name": "material", "font": False}


def _i18n(structure: str) -> dict[str, Any]:
    return {
        "i18n": {
            "docs_structure": structure,
            "languages": [
                {"locale": "en", "default": True, "name": "English", "build": True},
                {"locale": "fr", "name": "Français", "build": True},
            ],
        }
    }


BLOG_POST = "---\ndate: 2026-01-15\ncategories: [News]\ntags: [prd]\n---\n\n# Hello\n\nA post.\n"

# name: (plugins before prd, extra files, pages that must exist in the site)
SETUPS: dict[str, tuple[list[Any], dict[str, str], list[str]]] = {
    "i18n-suffix": (
        [_i18n("suffix")],
        {"prds/x.fr.md": FRENCH, "index.fr.md": "# Accueil\n"},
        ["prds/x/index.html", "fr/prds/x/index.html", "fr/prds/index.html", "fr/prd-index.json"],
    ),
    "awesome-nav": (
        ["awesome-nav"],
        {".nav.yml": "nav:\n  - index.md\n  - PRDs: prds\n"},
        ["prds/x/index.html"],
    ),
    "awesome-pages": (
        ["awesome-pages"],
        {".pages": "nav:\n  - index.md\n  - prds\n"},
        ["prds/x/index.html"],
    ),
    "macros": (
        [{"macros": {"on_error_fail": True}}],
        {"about.md": "# About\n\nSite: {{ config.site_name }}\n"},
        ["prds/x/index.html", "about/index.html"],
    ),
    "material-blog-tags": (
        [{"blog": {"blog_dir": "blog"}}, "tags"],
        {"blog/index.md": "# Blog\n", "blog/posts/hello.md": BLOG_POST, "tags.md": "# Tags\n"},
        ["prds/x/index.html", "blog/index.html", "blog/2026/01/15/hello/index.html"],
    ),
    "material-privacy-offline": (
        [{"privacy": {"assets_fetch": False}}, "offline"],
        {},
        ["prds/x.html"],  # offline turns directory URLs off
    ),
}


_BUILT: dict[tuple[str, bool], Site] = {}


def _build(tmp_path: Path, setup: str, with_prds: bool) -> Site:
    """The site of ``setup`` built once per test session (the i18n one serves two tests)."""
    key = (setup, with_prds)
    if key not in _BUILT:
        _BUILT[key] = _build_now(tmp_path, setup, with_prds)
    return _BUILT[key]


def _build_now(tmp_path: Path, setup: str, with_prds: bool) -> Site:
    plugins, extra, _ = SETUPS[setup]
    files: dict[str, str] = {"index.md": "# Home\n\nWelcome.\n", **extra}
    if not with_prds:
        files = {k: v for k, v in files.items() if not k.startswith("prds/")}
    else:
        files["prds/x.md"] = CLEAN
    config = {"plugins": [*plugins, "prd"]}
    return build_site(tmp_path, files, {}, theme=MATERIAL, config=config)


@pytest.mark.parametrize("setup", sorted(SETUPS))
def test_build_with_prds(tmp_path: Path, setup: str) -> None:
    site = _build(tmp_path, setup, with_prds=True)
    for page in SETUPS[setup][2]:
        assert (site.site_dir / page).is_file(), page
    assert BADGE in site.html(SETUPS[setup][2][0])
    assert "mkdocs_prd: 1 PRD page found" in site.messages()
    assert not [m for m in site.messages() if "PRD106" in m]
    assert not site.messages(logging.ERROR)
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert [r["src_path"] for r in rows] == ["prds/x.md"]


@pytest.mark.parametrize("setup", sorted(SETUPS))
def test_build_without_prds(tmp_path: Path, setup: str) -> None:
    site = _build(tmp_path, setup, with_prds=False)
    assert "mkdocs_prd: 0 PRD pages found" in site.messages()
    index = "prds/index.html" if setup != "material-privacy-offline" else "prds.html"
    assert (site.site_dir / index).is_file() or (site.site_dir / "prds/index.html").is_file()
    assert json.loads(site.html("prd-index.json"))["prds"] == []
    assert not site.messages(logging.ERROR)


def test_i18n_translations_are_one_prd_per_language_build(tmp_path: Path) -> None:
    site = _build(tmp_path, "i18n-suffix", with_prds=True)
    found = [r.getMessage() for r in site.records if "PRD page found" in r.getMessage()]
    assert found == ["mkdocs_prd: 1 PRD page found"] * 2  # one per language build
    french = json.loads(site.html("fr/prd-index.json"))["prds"]
    assert [(r["src_path"], r["url"], r["title"]) for r in french] == [
        ("prds/x.fr.md", "fr/prds/x/", "Moyens de paiement enregistrés")
    ]
    assert "Moyens de paiement enregistrés" in site.html("fr/prds/index.html")
    assert "Moyens de paiement" not in site.html("prds/index.html")


HOOK = """
import os
from mkdocs.structure.files import File

def on_files(files, config):
    # A page another plugin generates (no source file), an asset without one, and a
    # page whose source file is gone: none of them may stop the build or the prd plugin.
    files.append(File.generated(config, "gen/prd.md", content=GENERATED))
    files.append(File.generated(config, "gen/data.json", content=b"{}"))
    gone = File("gone.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    gone.inclusion = gone.inclusion.EXCLUDED
    files.append(gone)
    return files
"""


def test_pages_other_plugins_generate(tmp_path: Path) -> None:
    generated = CLEAN.replace("Saved Payment Methods", "Generated").replace("saved-payment-methods", "gen-1")
    (tmp_path / "hooks.py").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "hooks.py").write_text(f"GENERATED = {generated!r}\n{HOOK}", encoding="utf-8")
    config = {"plugins": ["prd"], "hooks": ["hooks.py"]}
    site = build_site(
        tmp_path, {"index.md": "# Home\n", "prds/x.md": CLEAN}, {}, theme=MATERIAL, config=config
    )
    assert "mkdocs_prd: 2 PRD pages found" in site.messages()
    assert BADGE in site.html("gen/prd/index.html")
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert [r["src_path"] for r in rows] == ["gen/prd.md", "prds/x.md"]


def test_i18n_folder_layout(tmp_path: Path) -> None:
    files = {"en/index.md": "# Home\n", "fr/index.md": "# Accueil\n"}
    files |= {"en/prds/x.md": CLEAN, "fr/prds/x.md": FRENCH}
    config = {"plugins": [_i18n("folder"), "prd"]}
    site = build_site(tmp_path, files, {}, theme=MATERIAL, config=config)
    assert not [m for m in site.messages() if "PRD106" in m]
    assert BADGE in site.html("prds/x/index.html")
    assert BADGE in site.html("fr/prds/x/index.html")
    assert [r["title"] for r in json.loads(site.html("fr/prd-index.json"))["prds"]] == [
        "Moyens de paiement enregistrés"
    ]
