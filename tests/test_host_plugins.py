"""Real builds with plugins that render a page's Markdown before ``prd`` reads it.

mkdocs-macros (listed before or after ``prd``), mkdocs-markdownextradata and
git-revision-date-localized turn ``**Owner:** {{ owner }}`` into the value the page
shows.  Such a ``{{ … }}`` is no filler (PRD110) and its form is not checked
(a ``{{ date }}`` is no bad date); the card shows the rendered value; ``mkdocs-prd lint``
reports exactly what the build reports.  A page the site does not render
(``render_macros: false``) keeps its ``{{ owner }}`` as filler in both.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site, write_files
from git_repos import Git

from mkdocs_prd.adapters.cli.main import main

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
MATERIAL = {"name": "material", "font": False}
FINDING = re.compile(r"(?:^|\s)(?:docs/|content/)?(\S+\.md):(\d+): \w+ (PRD\d+)")


def _prd(title: str, track: str, *edits: tuple[str, str]) -> str:
    text = CLEAN.replace("Saved Payment Methods", title).replace("saved-payment-methods", track)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


WHY_NOW = "holiday season starts in eight weeks."
# References on a line the other plugin changes (its columns move): links all the same.
REUSE = "{{ owner }} reuses saved-payment-methods:FR-2 and **card-vault:FR-1**.\n"
REUSE_LINKS = [("../clean/#fr-2", "saved-payment-methods:FR-2"), ("#fr-1", "card-vault:FR-1")]
PRD_REF = re.compile(r'<a class="?prd-ref"? href="?([^" >]*)"?[^>]*>([^<]*)</a>')  # also minified
TEMPLATED = _prd(
    "Card Vault",
    "card-vault",
    ("**Owner:** Payments Team", "**Owner:** {{ owner }}"),
    ("**Date:** 2026-02-03", "**Date:** {{ release_date }}"),
    ("**Version:** 1.2", "**Version:** {{ version }}"),
    (WHY_NOW, WHY_NOW + "\n\n{{ launch_note }}\n\n" + REUSE),
)
NOT_RENDERED = "---\nrender_macros: false\n---\n\n" + _prd(
    "Literal", "literal", ("**Owner:** Payments Team", "**Owner:** {{ owner }}")
)
EXTRA = {
    "owner": "Card Team",
    "release_date": "2026-03-09",
    "version": "2.0",
    "launch_note": "Launch is planned for the second week of March.",
}


def _findings_of_build(site: Site) -> set[tuple[str, int, str]]:
    found = set()
    for message in site.messages():
        m = FINDING.search(message)
        if m and "PRD findings" not in message:
            found.add((m.group(1), int(m.group(2)), m.group(3)))
    return found


def _findings_of_lint(config: Path, capsys: pytest.CaptureFixture[str]) -> set[tuple[str, int, str]]:
    """``mkdocs-prd lint``'s findings, run beside the site's config (paths shown as docs/...)."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(config.parent)
        main(["lint", "-f", str(config)])
    out = capsys.readouterr().out
    return {(m.group(1), int(m.group(2)), m.group(3)) for m in map(FINDING.search, out.splitlines()) if m}


def _build(root: Path, plugins: list[Any], files: dict[str, str], **config: Any) -> Site:
    """A real build that records the findings (info level, as MkDocs logs them)."""
    files = {"index.md": "# Home\n", **files}
    if "docs_dir" in config:  # build_site writes into docs/
        write_files(root / config["docs_dir"], files)
        files = {}
    logger = logging.getLogger("mkdocs")
    saved = logger.level
    logger.setLevel(logging.INFO)
    try:
        return build_site(root, files, None, theme=MATERIAL, config={"plugins": plugins, **config})
    finally:
        logger.setLevel(saved)


@pytest.fixture(scope="module", params=["macros-after-prd", "macros-before-prd", "markdownextradata"])
def templated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(request.param)
    plugins: list[Any] = {
        "macros-after-prd": ["search", "prd", {"macros": {"on_error_fail": True}}],
        "macros-before-prd": ["search", {"macros": {"on_error_fail": True}}, "prd"],
        "markdownextradata": ["search", "markdownextradata", "prd"],
    }[request.param]
    if request.param == "markdownextradata":
        pytest.importorskip("markdownextradata", reason="mkdocs-markdownextradata-plugin is not installed")
        # It renders {{ owner }} from `extra` but knows no render_macros: the literal page is left out.
        return _build(root, plugins, {"prds/vault.md": TEMPLATED, "prds/clean.md": CLEAN}, extra=EXTRA)
    files = {"prds/vault.md": TEMPLATED, "prds/literal.md": NOT_RENDERED, "prds/clean.md": CLEAN}
    return _build(root, plugins, files, extra=EXTRA)


def test_rendered_values_are_no_filler_and_lint_agrees(
    templated: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    built = _findings_of_build(templated)
    assert not [f for f in built if f[0] == "prds/vault.md"], built
    assert not templated.messages(logging.ERROR)
    if (templated.docs_dir / "prds/literal.md").exists():
        # Not rendered (render_macros: false): the page shows `{{ owner }}`, which is filler.
        assert ("prds/literal.md", 10, "PRD110") in built
    assert _findings_of_lint(templated.root / "mkdocs.yml", capsys) == built
    # One test per build (parallel workers would each build the site of a second test again).
    _card_index_and_export_show_the_rendered_values(templated)


def _card_index_and_export_show_the_rendered_values(templated: Site) -> None:
    page = templated.html("prds/vault/index.html")
    assert page.count('class="prd-card"') == 1
    card = page[page.index('class="prd-card"') :]
    for value in ("Card Team", "2026-03-09", "2.0"):
        assert value in card[: card.index("</dl>")], value
    assert "{{" not in page and "Launch is planned for the second week of March." in page
    assert 'id="fr-1"' in page  # ids keep their anchors on a page another plugin changed
    assert PRD_REF.findall(page) == REUSE_LINKS  # and references are links, as on any page
    rows = json.loads(templated.html("prd-index.json"))["prds"]
    assert sorted(r["url"] for r in rows) == sorted(
        f"prds/{name}/"
        for name in ("vault", "literal", "clean")
        if (templated.docs_dir / f"prds/{name}.md").exists()
    )
    vault = next(r for r in rows if r["src_path"] == "prds/vault.md")
    assert (vault["owner"], vault["date"], vault["version"]) == ("Card Team", "2026-03-09", "2.0")
    index = templated.html("prds/index.html")
    table = index[index.index('<table class="prd-index__table"') :]
    assert "Card Team" in table[: table.index("</table>")]
    if (templated.docs_dir / "prds/literal.md").exists():
        assert "{{ owner }}" in templated.html("prds/literal/index.html")  # shown as written, escaped


def test_git_revision_date_variable_is_the_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = "mkdocs_git_revision_date_localized_plugin"
    pytest.importorskip(plugin, reason="mkdocs-git-revision-date-localized is not installed")
    dated = _prd("Dated", "dated", ("**Date:** 2026-02-03", "**Date:** {{ git_revision_date_localized }}"))
    # Only its own variables are rendered: any other {{ x }} stays filler.
    other = _prd("Other", "other", ("**Owner:** Payments Team", "**Owner:** {{ owner }}"))
    files = {"index.md": "# Home\n", "prds/dated.md": dated, "prds/other.md": other}
    root = tmp_path / "s"
    git = Git(root).init()
    git.write({f"docs/{name}": text for name, text in files.items()})
    git.commit("PRDs", when="2026-04-01T12:00:00+00:00")
    plugins = ["search", {"git-revision-date-localized": {"type": "iso_date"}}, "prd"]
    site = _build(root, plugins, files)
    built = _findings_of_build(site)
    assert built == {("prds/other.md", 6, "PRD110")}
    assert _findings_of_lint(root / "mkdocs.yml", capsys) == built
    page = site.html("prds/dated/index.html")
    card = page[page.index('class="prd-card"') :]
    card = card[: card.index("</dl>")]
    # The plugin renders the variable as <span class="git-revision-date-localized-plugin …">:
    # the card, the index and the export hold the date it says, not the span as text.
    assert re.search(r"<dt>Date</dt>\s*<dd[^>]*>2026-04-01</dd>", card), card
    index = site.html("prds/index.html")
    assert 'data-prd-sort="2026-04-01">2026-04-01</td>' in index
    assert "git-revision-date-localized-plugin" not in card
    assert "&lt;span" not in card + index and "&#34;git-revision" not in index
    export = json.loads((site.site_dir / "prd-index.json").read_text(encoding="utf-8"))
    assert [p["date"] for p in export["prds"] if p["src_path"] == "prds/dated.md"] == ["2026-04-01"]


GEN_SCRIPT = """
import mkdocs_gen_files

with mkdocs_gen_files.open("prds/generated.md", "w") as f:
    f.write(TEXT)
"""


@pytest.fixture(scope="module")
def gen_files_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    pytest.importorskip("mkdocs_gen_files", reason="mkdocs-gen-files is not installed")
    root = tmp_path_factory.mktemp("gen-files")
    text = _prd("Generated", "generated", (WHY_NOW, WHY_NOW + "\n\nTBD\n"))
    (root / "gen.py").write_text(f"TEXT = {text!r}\n{GEN_SCRIPT}", encoding="utf-8")
    # A docs_dir not named docs, no directory URLs, a site in a subfolder of its host.
    config = {"docs_dir": "content", "use_directory_urls": False, "site_url": "https://example.com/a/b/"}
    plugins = ["search", {"gen-files": {"scripts": ["gen.py"]}}, "prd"]
    return _build(root, plugins, {"prds/clean.md": CLEAN}, **config)


def test_generated_prds_are_linted_as_the_build_checks_them(
    gen_files_site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site = gen_files_site
    assert not (site.root / "content" / "prds" / "generated.md").exists()  # never written into docs_dir
    built = _findings_of_build(site)
    assert built == {("prds/generated.md", 25, "PRD110")}
    assert _findings_of_lint(site.root / "mkdocs.yml", capsys) == built
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert sorted((r["src_path"], r["url"]) for r in rows) == [
        ("prds/clean.md", "prds/clean.html"),
        ("prds/generated.md", "prds/generated.html"),
    ]
    capsys.readouterr()  # `mkdocs-prd index` prints the build's export
    assert main(["index", "-f", str(site.root / "mkdocs.yml")]) == 0
    printed = json.loads(capsys.readouterr().out)["prds"]
    assert [(r["src_path"], r["url"]) for r in printed] == [(r["src_path"], r["url"]) for r in rows]
    page = site.html("prds/index.html")
    start = page.index('<table class="prd-index__table"')
    table = page[start : page.index("</table>", start)]
    assert table.count('href="generated.html"') == 1 and table.count('href="clean.html"') == 1
    for target in ("generated.html", "clean.html"):  # the links resolve in the built site
        assert (site.root / "site" / "prds" / target).is_file()
    assert site.html("prds/generated.html").count('class="prd-card"') == 1


def _post(title: str, track: str, meta: str) -> str:
    text = _prd(
        title,
        track,
        ("**Date:** 2026-02-03\n", ""),
        ("\n---\n\n## 1. Problem", "\n<!-- more -->\n\n## 1. Problem"),
    )
    return f"---\ndate: 2026-01-15\n{meta}---\n\n{text}"


WALLET = _post("Wallet", "wallet", "categories: [PRDs]\n").replace(WHY_NOW, WHY_NOW + "\n\nTBD\n")


@pytest.fixture(scope="module")
def blog_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = {
        "blog/index.md": "# Blog\n",
        "blog/posts/wallet.md": WALLET,
        "blog/posts/later.md": _post("Later", "later", "draft: true\n"),  # left out of the build
    }
    return _build(tmp_path_factory.mktemp("blog"), ["search", {"blog": {"blog_dir": "blog"}}, "prd"], files)


def test_a_prd_written_as_a_blog_post_is_a_prd_of_the_build(
    blog_site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site = blog_site
    post = site.html("blog/2026/01/15/prd-wallet/index.html")
    assert post.count('class="prd-card"') == 1
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert [(r["src_path"], r["url"]) for r in rows] == [
        ("blog/posts/wallet.md", "blog/2026/01/15/prd-wallet/")
    ]
    page = site.html("prds/index.html")
    start = page.index('<table class="prd-index__table"')
    assert page.count('href="../blog/2026/01/15/prd-wallet/"', start) == 1
    assert "Later" not in page[start:]  # the draft post is not built: not listed
    assert not (site.site_dir / "blog/2026/01/15/prd-later").exists()
    # The blog's excerpt of the post (rendered from its Markdown) has the card, no placeholder.
    blog = site.html("blog/index.html")
    assert blog.count('class="prd-card"') == 1
    assert not re.search(r"prd-fragment-|prdinline|prdtag", blog)
    assert not site.messages(logging.ERROR)
    # lint checks the posts as the build does (the draft too: it is a file of the site)
    built = _findings_of_build(site)
    tbd = WALLET.splitlines().index("TBD") + 1
    assert built == {("blog/posts/wallet.md", tbd, "PRD110")}
    assert {f for f in _findings_of_lint(site.root / "mkdocs.yml", capsys) if "later" not in f[0]} == built


INCLUDED = _prd(
    "Included",
    "included",
    (
        "\n---\n\n## 1. Problem",
        '\n{%\n  include-markdown "../shared/glossary.md"\n%}\n\n---\n\n## 1. Problem',
    ),
    (WHY_NOW, WHY_NOW + '\n\n--8<-- "shared/note.md"\n\nTBD\n\nIt reuses saved-payment-methods:FR-2.\n'),
)
NAV_PLUGINS = [
    "search",
    {"literate-nav": {"nav_file": "SUMMARY.md"}},
    "section-index",
    "include-markdown",
    {"redirects": {"redirect_maps": {"old.md": "prds/included.md"}}},
    "prd",
    {"minify": {"minify_html": True}},
]


NAV_FILES = {
    "SUMMARY.md": "- [Home](index.md)\n- [PRDs](prds/index.md)\n    - [Included](prds/included.md)\n"
    "    - [Clean](prds/clean.md)\n",
    "prds/included.md": INCLUDED,
    "prds/clean.md": CLEAN,
    "shared/glossary.md": "## Glossary\n\n| Term | Meaning |\n|---|---|\n| Vault | provider store |\n",
    "shared/note.md": "!!! note\n    A shared note.\n",
}


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    for module in ("mkdocs_literate_nav", "mkdocs_section_index", "mkdocs_include_markdown_plugin"):
        pytest.importorskip(module, reason=f"{module} is not installed")
    for module in ("mkdocs_redirects", "mkdocs_minify_plugin"):
        pytest.importorskip(module, reason=f"{module} is not installed")
    files = dict(NAV_FILES)
    root = tmp_path_factory.mktemp("nav")
    snippets = {"pymdownx.snippets": {"base_path": [str(root / "content")], "check_paths": True}}
    config = {
        "docs_dir": "content",
        "use_directory_urls": False,
        "site_url": "https://example.com/docs/prd/",
        "markdown_extensions": ["tables", "attr_list", "admonition", snippets],
    }
    return _build(root, NAV_PLUGINS, files, **config)


def test_includes_nav_plugins_and_a_site_in_a_subfolder(
    nav_site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site = nav_site
    # Findings name the PRD's own file and line (an include counts as the lines it is written on).
    built = _findings_of_build(site)
    assert built == {("prds/included.md", INCLUDED.splitlines().index("TBD") + 1, "PRD110")}
    assert _findings_of_lint(site.root / "mkdocs.yml", capsys) == built
    page = site.html("prds/included.html")
    assert len(re.findall(r'class="?prd-card"?[ >]', page)) == 1
    assert "provider store" in page and "A shared note." in page  # both includes rendered
    # A reference below the included lines is a link (the page's lines moved).
    assert PRD_REF.findall(page) == [("clean.html#fr-2", "saved-payment-methods:FR-2")]
    rows = json.loads(site.html("prd-index.json"))["prds"]
    assert sorted(r["url"] for r in rows) == ["prds/clean.html", "prds/included.html"]
    index = site.html("prds/index.html")
    table = index[index.index("prd-index__table") : index.index("</table>", index.index("prd-index__table"))]
    links = re.findall(r'href="?([^" >]+)', table)
    assert sorted(links) == ["clean.html", "included.html"]
    for link in links:  # the links resolve in the built site
        assert (site.root / "site" / "prds" / link).is_file()
    assert "prds/included.html" in site.html("old.html")  # the redirect page
    content = site.root / "content"  # nothing was written into docs_dir
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()) == sorted(
        ["index.md", *NAV_FILES]
    )


def test_serve_renders_a_draft_prd_with_its_card(tmp_path: Path) -> None:
    """``mkdocs serve`` renders the site's ``draft_docs``: a draft PRD is a PRD there (card,
    index), as the published build leaves it out (see the blog's draft post above)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_files(tmp_path / "docs", {"index.md": "# Home\n", "prds/wip.md": _prd("Work in progress", "wip")})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\ndraft_docs: prds/wip.md\ntheme: {name: material, font: false}\nplugins: [prd]\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    site = tmp_path / "site"
    assert (site / "prds/wip/index.html").read_text(encoding="utf-8").count('class="prd-card"') == 1
    assert [r["url"] for r in json.loads((site / "prd-index.json").read_text(encoding="utf-8"))["prds"]] == [
        "prds/wip/"
    ]
