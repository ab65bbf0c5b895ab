"""`mkdocs-prd lint`, `index` and `new` see exactly the pages `mkdocs build` builds.

The config is loaded by MkDocs itself (a config MkDocs rejects is exit 2 with its
message), the pages come from MkDocs' file collection (``exclude_docs``,
``draft_docs``, ``templates/`` and dot-folders left out), and translations made with
mkdocs-static-i18n are one PRD.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import build_site

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.mkdocs.config import ConfigurationError, read_raw_config
from mkdocs_prd.core.yaml_size import expanded_size

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
TID = "saved-payment-methods"


def prd(track_id: str, title: str = "Saved Payment Methods", **replace: str) -> str:
    text = CLEAN.replace(TID, track_id).replace("Saved Payment Methods", title)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


TEMPLATE = (
    "# PRD: [Feature Name]\n\n**Owner:** [name/team]\n**Status:** Draft | Review | Approved | Implemented\n"
)

# A site whose build passes --strict: the excluded pages would each fail lint if it read them.
PAGES = {
    "index.md": "# Home\n",
    "prds/a.md": prd("alpha", "Alpha"),
    "prds/b.md": prd("bravo", "Bravo", **{"**Status:** Approved": "**Status:** Shipped"}),  # PRD102
    "prds/c.md": prd("charlie", "Charlie"),
    "drafts/a-copy.md": prd("alpha", "Alpha copy"),  # exclude_docs: would be a PRD106
    "templates/prd.md": TEMPLATE,  # MkDocs leaves templates/ out by default: placeholders
    ".archive/old.md": prd("archived-1", "Old alpha"),  # dot-folder
    "prds/wip.md": prd("charlie", "WIP"),  # draft_docs: not in a build either
}
CONFIG = {
    "exclude_docs": "drafts/\n",
    "draft_docs": "prds/wip.md\n",
    "not_in_nav": "prds/c.md\n",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("excluded")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        return build_site(root, PAGES, {}, theme="mkdocs", config=CONFIG)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def _build_findings(site) -> list[str]:  # type: ignore[no-untyped-def]
    # The build log says the severity ("prds/b.md:7: error PRD102 ...") and the hint;
    # lint's JSON has them apart.
    return sorted(
        re.sub(
            r" \(hint: .*\)$",
            "",
            re.sub(r": (?:error|warning|info) (PRD\d{3}) ", r": \1 ", m.removeprefix("mkdocs_prd: ")),
        )
        for m in site.messages(logging.INFO)
        if re.search(r": (?:error |warning |info )?PRD\d{3} ", m)
    )


def test_lint_reports_what_the_build_reports(
    built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(built.root)
    code, out, err = run(capsys, "lint", "--format", "json")
    findings = json.loads(out)
    from_lint = sorted(f"{f['path']}:{f['line']}: {f['rule']} {f['message']}" for f in findings)
    assert from_lint == _build_findings(built)
    assert {f["path"] for f in findings} == {"prds/b.md"}
    assert code == 1  # the PRD102 error
    assert "Traceback" not in err
    code, out, _ = run(capsys, "lint")
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 infos in 3 PRD pages"


def test_index_lists_what_the_build_exports(
    built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(built.root)
    code, out, _ = run(capsys, "index")
    assert code == 0
    exported = json.loads(built.html("prd-index.json"))
    printed = json.loads(out)
    assert printed == exported
    assert [r["src_path"] for r in printed["prds"]] == ["prds/a.md", "prds/b.md", "prds/c.md"]


def test_new_checks_track_ids_against_built_pages_only(
    built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(built.root)
    # Inside docs_dir (`new` writes nowhere else), in a folder no build sees.
    drafts = built.docs_dir / ".drafts"
    code, _, err = run(capsys, "new", "Again", "--track-id", "ALPHA", "--dir", str(drafts))
    assert code == 1 and "prds/a.md" in err
    # The dot-folder's Track ID is not the site's: a build never sees that page.
    code, out, err = run(capsys, "new", "Old", "--track-id", "archived-1", "--dir", str(drafts))
    assert code == 0, err
    assert out.strip().endswith(".md")
    shutil.rmtree(drafts)


def test_an_excluded_file_named_on_the_command_line_is_skipped_with_a_note(
    built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """pre-commit passes every changed file: templates and drafts must not block commits."""
    monkeypatch.chdir(built.root)
    code, out, err = run(
        capsys, "lint", "--strict", "docs/templates/prd.md", "docs/drafts/a-copy.md", "docs/prds/a.md"
    )
    assert code == 0
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 0 infos in 1 PRD page"
    assert "skipped docs/templates/prd.md" in err and "skipped docs/drafts/a-copy.md" in err
    # A file outside docs_dir is not the site's to exclude: it is linted with the site's settings.
    outside = built.root / "elsewhere.md"
    outside.write_text(prd("alpha", "Outside"), encoding="utf-8")
    code, out, _ = run(capsys, "lint", "elsewhere.md")
    assert "elsewhere.md:5: error PRD106 Track ID `alpha` is also used by prds/a.md" in out
    assert code == 1


def write(root: Path, config: str, pages: dict[str, str]) -> None:
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for rel, text in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        # The prd options indented under the list item, not under `prd:`.
        ("site_name: T\nplugins:\n  - prd:\n    paths: [prds/**]\n", "Invalid Plugins configuration"),
        ("site_name: T\nplugins:\n  - prd:\n      iosm_threshold: 80\n", "for 80% write 0.8"),
        ("site_name: T\nplugins:\n  - prd:\n      iosm_threshold: 1.5\n", "1.5 is out of range"),
        ("site_name: T\nplugins:\n  - prd:\n      iosm_threshold: 85%\n", "for 85% write 0.85"),
        (
            "site_name: T\nplugins:\n  - prd:\n      iosm_threshold: '0.8'\n",
            "write the number without quotes",
        ),
        ("site_name: T\nplugins:\n  - prd:\n      iosm_threshold: .nan\n", "out of range"),
        ("site_name: T\nplugins:\n  - prd:\n      iosm_threshold: true\n", "expected a number from 0 to 1"),
        (
            "site_name: T\nplugins:\n  - prd:\n      include_indexes: [{source: a.json, timeout: 0}]\n",
            "'timeout' (seconds)",
        ),
        (
            "site_name: T\nplugins:\n  - prd:\n      include_indexes: [{source: a.json, timeout: 1e9}]\n",
            "at most 300 s",
        ),
        # Not installed, and another problem: the config is rejected as MkDocs rejects it.
        (
            "site_name: T\ntheme: {name: no-such-theme}\nplugins:\n  - prd:\n      iosm_threshold: 2\n",
            "option 'iosm_threshold': 2 is out of range",
        ),
        ("site_name: [unclosed\n", "mkdocs.yml"),
        # Aliases that expand to 2**30 values: MkDocs logs each value's repr and never ends.
        (
            "site_name: T\nextra:\n  a0: &a0 [x, x]\n"
            + "".join(f"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 30)),
            '4,294,967,297 values, more than 1,000,000 (a "billion laughs")',
        ),
        # Nested deeper than the YAML reader goes: MkDocs' message, no traceback.
        ("site_name: T\nextra:\n  x: " + "[" * 5000 + "]" * 5000 + "\n", "mkdocs.yml"),
        # A name missing from a module that is installed here is the build's error too.
        ("site_name: T\nextra:\n  x: !!python/name:os.no_such_name\n", "cannot find 'no_such_name'"),
    ],
)
def test_configs_mkdocs_rejects_exit_2_with_its_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    message: str,
) -> None:
    write(tmp_path, config, {"prds/a.md": CLEAN})
    monkeypatch.chdir(tmp_path)
    for command in (["lint"], ["index"], ["new", "X", "--dir", str(tmp_path / "out")]):
        code, out, err = run(capsys, *command)
        assert code == 2, command
        assert out == ""
        assert message in err and "Traceback" not in err
        assert "\\n" not in err  # MkDocs' message of several lines is shown as lines


def test_aliases_are_counted_once_per_node_and_a_node_inside_itself_once() -> None:
    assert expanded_size("a: &a [1, 2]\nb: *a\nc: *a\n") == 1 + 2 * 3 + 3 * 2  # map, keys, 3 x [1, 2]
    assert expanded_size("a: &a [1, *a]\n") == 5  # the sequence inside itself counts once
    assert expanded_size("a: !ENV X\nb: !!python/object/apply:os.system [exit 1]\n") == 6  # nothing runs
    assert expanded_size("a: [unclosed\n") is None
    assert expanded_size(Path(__file__).parents[1].joinpath("mkdocs.yml").read_bytes()) < 10_000


def test_every_reader_of_the_config_refuses_an_alias_bomb(tmp_path: Path) -> None:
    # The Markdown extension (Zensical) and lint's host checks read mkdocs.yml themselves;
    # a bomb under the plugin's options would be walked when they are validated.
    config = tmp_path / "mkdocs.yml"
    levels = "".join(f"      a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 30))
    config.write_text(
        "site_name: T\nplugins:\n  - prd:\n      a0: &a0 [x, x]\n" + levels + "      statuses: *a29\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigurationError, match="billion laughs"):
        read_raw_config(str(config))
    # A config that INHERITs the bomb: MkDocs reads the parent first.
    child = tmp_path / "child" / "mkdocs.yml"
    child.parent.mkdir()
    child.write_text("INHERIT: ../mkdocs.yml\nsite_name: C\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"INHERIT: .*mkdocs.yml\): its YAML aliases expand"):
        read_raw_config(str(child))
    assert expanded_size("") == 0 and expanded_size("a: 1\n") == 3


# Material's documented emoji setup, on a machine without the module (a pre-commit hook's env).
EMOJI = (
    "markdown_extensions:\n  - attr_list\n  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:no_material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:no_material.extensions.emoji.to_svg\n"
)


@pytest.mark.parametrize(
    ("config", "missing"),
    [
        (
            EMOJI,
            [
                "!!python/name:no_material.extensions.emoji.twemoji",
                "!!python/name:no_material.extensions.emoji.to_svg",
            ],
        ),
        ("extra:\n  icon: !!python/module:no_such_module\n", ["!!python/module:no_such_module"]),
        ("extra:\n  obj: !!python/object:no_such.Thing {a: 1}\n", ["!!python/object:no_such.Thing"]),
        ("extra:\n  made: !!python/object/apply:no_such.make [1]\n", ["!!python/object/apply:no_such.make"]),
        ("extra:\n  made: !!python/object/new:no_such.Thing [1]\n", ["!!python/object/new:no_such.Thing"]),
        # Beside a real Python value, which is constructed as in a build.
        (
            "extra:\n  join: !!python/name:os.path.join\n  gone: !!python/name:no_such.f\n",
            ["!!python/name:no_such.f"],
        ),
    ],
)
@pytest.mark.parametrize("name", ["mkdocs.yml", "properdocs.yml"])
def test_a_python_value_not_installed_here_is_a_warning(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    missing: list[str],
    name: str,
) -> None:
    """A ``!!python/...`` tag whose module is missing is read as a placeholder (as a missing
    theme or plugin is left out), with the same warning; the extension that holds it stays."""
    write(tmp_path, f"site_name: T\nplugins:\n  - prd\n{config}", {"prds/a.md": CLEAN})
    if name != "mkdocs.yml":
        (tmp_path / "mkdocs.yml").rename(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for command in (["lint"], ["index"]):
        code, out, err = run(capsys, *command)
        assert code == 0, err
        warned = re.findall(r"warning: Python value '([^']+)' is not installed here", err)
        assert warned == missing, err
        assert "extension 'pymdownx.emoji'" not in err and "Traceback" not in err
        assert "0 errors, 0 warnings" in out or json.loads(out)["prds"]


@pytest.mark.parametrize("value", ["1", "0", "0.85", "1.0"])
def test_numbers_are_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    write(
        tmp_path, f"site_name: T\nplugins:\n  - prd:\n      iosm_threshold: {value}\n", {"prds/a.md": CLEAN}
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "lint")
    assert code == 0, err


def test_a_theme_or_plugin_not_installed_here_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-commit hook's environment has mkdocs-prd but not the site's theme or every plugin."""
    config = (
        "site_name: T\ntheme: {name: no-such-theme, features: [x]}\nexclude_docs: old/\n"
        "plugins:\n  - no-such-plugin: {a: 1}\n  - prd:\n      statuses: [Approved]\n"
        "markdown_extensions:\n  - tables\n  - no_such.extension: {x: 1}\n  - toc: {permalink: true}\n"
        "  - no_such.other: {y: 2}\n"
    )
    write(tmp_path, config, {"prds/a.md": CLEAN, "old/b.md": CLEAN.replace("Approved", "Shipped")})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert code == 0, err
    assert "theme 'no-such-theme' is not installed here" in err
    assert "plugin 'no-such-plugin' is not installed here" in err
    assert "extension 'no_such.extension' is not installed here" in err
    assert "extension 'no_such.other' is not installed here" in err
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 0 infos in 1 PRD page"
    # The prd options are still MkDocs-validated: a bad one is exit 2.
    write(tmp_path, config.replace("[Approved]", "Approved"), {})
    assert run(capsys, "lint")[0] == 2


def test_a_config_without_the_prd_plugin_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "site_name: T\nplugins:\n  - search\n", {"prds/a.md": CLEAN})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert code == 0
    assert "has no `prd` plugin" in err
    assert out.splitlines()[-1].endswith("in 1 PRD page")


def test_a_properdocs_config_is_found_and_read_like_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = "site_name: T\ntheme: {name: material}\nexclude_docs: old/\nplugins:\n  - prd\n"
    write(tmp_path, config, {"prds/a.md": CLEAN})
    (tmp_path / "mkdocs.yml").rename(tmp_path / "properdocs.yml")
    (tmp_path / "docs" / "old").mkdir()
    (tmp_path / "docs" / "old" / "a.md").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert code == 0, err
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 0 infos in 1 PRD page"


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_translations_are_one_prd_to_lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], structure: str
) -> None:
    config = (
        "site_name: T\nplugins:\n  - i18n:\n      docs_structure: STRUCTURE\n      languages:\n"
        "        - {locale: en, default: true, name: English}\n        - {locale: fr, name: Français}\n"
        "  - prd:\n      paths: ['prds/**']\n"
    ).replace("STRUCTURE", structure)

    def at(lang: str, path: str) -> str:
        if structure == "folder":
            return f"{lang}/{path}"
        return path if lang == "en" else path.replace(".md", f".{lang}.md")

    pages = {
        at("en", "index.md"): "# Home\n",
        at("en", "prds/x.md"): CLEAN,
        at("fr", "prds/x.md"): CLEAN.replace("Saved Payment Methods", "Moyens de paiement"),
        at("fr", "prds/y.md"): prd(TID, "Autre"),  # another page, same Track ID: a real duplicate
    }
    write(tmp_path, config, pages)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "lint", "--format", "json")
    found = sorted((f["path"], f["rule"], f["message"]) for f in json.loads(out))
    y, x_en, x_fr = at("fr", "prds/y.md"), at("en", "prds/x.md"), at("fr", "prds/x.md")
    assert found == sorted(
        [
            (x_en, "PRD106", f"Track ID `{TID}` is also used by {y}"),
            (x_fr, "PRD106", f"Track ID `{TID}` is also used by {y}"),
            (y, "PRD106", f"Track ID `{TID}` is also used by {', '.join(sorted([x_en, x_fr]))}"),
        ]
    )
    # The index is the default language's build: one row for x.
    code, out, _ = run(capsys, "index")
    assert code == 0
    assert [r["src_path"] for r in json.loads(out)["prds"]] == [x_en]


FENCED_ITEM = CLEAN.replace(
    "**FR-2: Pay with a saved card**\n",
    "**FR-2: Pay with a saved card**\n- Example:\n\n    ```bash\n    curl -X POST /pay\n    ```\n",
    1,
)
TEMPLATED_OWNER = CLEAN.replace("**Owner:** Payments Team", "**Owner:** {{ team_lead }}", 1)


@pytest.mark.parametrize(
    ("config", "hidden", "page", "rule"),
    [
        # A fence in a list item renders as code with superfences (PRD801 only without it).
        ("markdown_extensions: [pymdownx.superfences]\n", "ext:pymdownx.superfences", FENCED_ITEM, "PRD801"),
        # A {{ }} that a templating plugin renders is no filler (PRD110).
        ("plugins: [macros, prd]\nextra: {team_lead: Ana}\n", "plugin:macros", TEMPLATED_OWNER, "PRD110"),
        (
            "plugins: [git-revision-date-localized, prd]\n",
            "plugin:git-revision-date-localized",
            CLEAN.replace("**Date:** 2026-02-03", "**Date:** {{ git_revision_date_localized }}", 1),
            "PRD110",
        ),
    ],
)
def test_what_is_configured_but_not_installed_here_counts_as_in_the_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    hidden: str,
    page: str,
    rule: str,
) -> None:
    """A pre-commit hook's environment lacks the site's extensions and plugins: lint warns, and
    gives the findings the build gives (not those of a site without them)."""
    assert CLEAN.count("**Owner:** Payments Team") == CLEAN.count("**Date:** 2026-02-03") == 1
    write(
        tmp_path,
        f"site_name: T\n{config}" + ("plugins: [prd]\n" if "plugins" not in config else ""),
        {"prds/a.md": page},
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert code == 0 and rule not in out, out + err  # as in the build, where it is installed
    kind, name = hidden.split(":")
    if kind == "ext":
        monkeypatch.setitem(sys.modules, name, None)  # import fails: not installed here
    else:  # MkDocs lists the installed plugins once, at import: that list without it
        from mkdocs.config.defaults import MkDocsConfig

        monkeypatch.delitem(dict(MkDocsConfig._schema)["plugins"].installed_plugins, name)
    code, out, err = run(capsys, "lint")
    assert "is not installed here" in err and name in err, err
    assert code == 0 and rule not in out, out + err


MACROS_OFF = "plugins:\n  - macros:\n      render_by_default: false\n  - prd\nextra: {team_lead: Ana}\n"


@pytest.mark.parametrize(
    ("config", "front", "rendered"),
    [
        (MACROS_OFF, "", False),  # macros renders only the pages that ask for it
        (MACROS_OFF, "---\nrender_macros: true\n---\n", True),
        (
            MACROS_OFF.replace("false\n", "false\n      force_render_paths: prds/*.md\n", 1),
            "",
            True,
        ),
        # force_render_paths are gitignore patterns, as macros reads them: a folder, a file name
        # at any depth; "*" stays within one folder.
        (MACROS_OFF.replace("false\n", "false\n      force_render_paths: prds/\n", 1), "", True),
        (MACROS_OFF.replace("false\n", "false\n      force_render_paths: a.md\n", 1), "", True),
        (MACROS_OFF.replace("false\n", "false\n      force_render_paths: '*/b.md'\n", 1), "", False),
        (MACROS_OFF.replace("false\n", "false\n      force_render_paths: '/*.md'\n", 1), "", False),
        ("plugins:\n  - macros:\n      enabled: false\n  - prd\n", "", False),
        ("plugins: {macros: {}, prd: {}}\n", "", True),
        # markdownextradata renders every page, with its own delimiters (jinja_options).
        ("plugins: [markdownextradata, prd]\n", "", True),
        (
            "plugins:\n  - markdownextradata:\n      jinja_options: {variable_start_string: '[['}\n  - prd\n",
            "",
            False,
        ),
    ],
)
@pytest.mark.parametrize("installed", [True, False], ids=["installed", "not installed here"])
def test_macros_options_decide_which_pages_are_rendered(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    front: str,
    rendered: bool,
    installed: bool,
) -> None:
    """A ``{{ team_lead }}`` Owner is filler (PRD110) only on a page macros does not render:
    ``render_by_default: false`` renders the pages with ``render_macros: true`` or under
    ``force_render_paths``; read from the config also where macros is not installed (it was
    taken to render every page there)."""
    write(tmp_path, f"site_name: T\n{config}", {"prds/a.md": front + TEMPLATED_OWNER})
    monkeypatch.chdir(tmp_path)
    if not installed:
        from mkdocs.config.defaults import MkDocsConfig

        name = "markdownextradata" if "markdownextradata" in config else "macros"
        monkeypatch.delitem(dict(MkDocsConfig._schema)["plugins"].installed_plugins, name)
    code, out, err = run(capsys, "lint")
    assert ("is not installed here" in err) is not installed, err
    assert code == 0 and ("PRD110" in out) is not rendered, out + err


MERMAID = (
    "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
    "        - name: mermaid\n          class: mermaid\n          format: !!python/name:not_installed.fmt\n"
)


@pytest.mark.parametrize("strict", [False, True], ids=["as installed", "checking its options"])
def test_a_python_value_inside_an_extension_option_keeps_the_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], strict: bool
) -> None:
    """Material's Mermaid fence (``custom_fences: [{format: !!python/name:…}]``) with the module
    not installed here: the extension stays (PRD801 knows superfences), only the option is
    unknown, also for an extension that checks its options when it loads (it was dropped as
    "not installed here", and lint gave the PRD801 the build does not)."""
    if strict:
        import pymdownx.superfences as superfences

        loads = superfences.SuperFencesCodeExtension.extendMarkdown

        def checked(self: superfences.SuperFencesCodeExtension, md: object) -> None:
            if not all(callable(f.get("format", print)) for f in self.getConfigs()["custom_fences"]):
                raise TypeError("a custom fence's format must be callable")
            loads(self, md)  # type: ignore[arg-type]

        monkeypatch.setattr(superfences.SuperFencesCodeExtension, "extendMarkdown", checked)
    write(tmp_path, f"site_name: T\nplugins: [prd]\n{MERMAID}", {"prds/a.md": FENCED_ITEM})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "lint")
    assert re.findall(r"warning: (.*) is not installed here", err) == [
        "Python value '!!python/name:not_installed.fmt'"
    ], err
    assert code == 0 and "PRD801" not in out, out + err


NOISY_HOOK = """import logging

def on_files(files, config):
    logging.getLogger("mkdocs.plugins.noisy").warning("prds/a.md has no git logs, using current timestamp")
    logging.getLogger("noisy").warning("Unable to find a git directory")
    return files
"""


@pytest.mark.parametrize("command", ["lint", "index"])
def test_other_plugins_log_is_shown_only_with_verbose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """lint and index run the site's plugins (for the pages they generate); what those log
    (git-revision-date-localized: a line per page) is not lint's output unless asked for."""
    write(tmp_path, "site_name: T\nhooks: [noisy.py]\nplugins: [prd]\n", {"prds/a.md": CLEAN})
    (tmp_path / "noisy.py").write_text(NOISY_HOOK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, command)
    assert code == 0 and "git" not in err, err
    code, _out, err = run(capsys, command, "--verbose")
    assert code == 0
    assert "mkdocs-prd: plugin log: prds/a.md has no git logs, using current timestamp" in err
    assert "mkdocs-prd: plugin log: Unable to find a git directory" in err
