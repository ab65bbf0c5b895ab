"""The Python-Markdown extension ``mkdocs_prd.extension`` on plain Python-Markdown and MkDocs.

Zensical builds are in ``test_zensical.py``.  Here: the extension finds the site
from ``./mkdocs.yml``, renders PRD pages and listings, reads the site once per
process (parse calls counted on a 1,000-PRD site), and on a MkDocs site that
enables both the plugin and the extension each fragment comes once.
"""

from __future__ import annotations

import gc
import importlib.util
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import build_site
from mkdocs.exceptions import ConfigurationError

from mkdocs_prd.adapters.markdown import sites
from mkdocs_prd.core.parse import prd as parse_module
from mkdocs_prd.core.sitewide import catalog as catalog_module

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
PRD_PAGE = "prds/growth/referral-program.md"


@pytest.fixture(autouse=True)
def fresh_sites() -> None:
    sites.forget()


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample site as the working directory (the extension reads ./mkdocs.yml)."""
    shutil.copytree(SAMPLE, tmp_path / "site", ignore=shutil.ignore_patterns("site"))
    monkeypatch.chdir(tmp_path / "site")
    return tmp_path / "site"


def convert(text: str, **options: object) -> str:
    md = markdown.Markdown(
        extensions=["mkdocs_prd.extension", "meta", "tables", "toc"],
        extension_configs={"mkdocs_prd.extension": dict(options)},
    )
    return md.convert(text)


def test_a_prd_page_gets_card_badges_and_iosm_table(sample: Path) -> None:
    html = convert((sample / "docs" / PRD_PAGE).read_text(encoding="utf-8"))
    assert html.count('<div class="prd-card">') == 1
    assert "prd-iosm" in html
    assert 'class="prd-priority prd-priority--must"' in html
    assert "<!--prd-fragment" not in html  # every placeholder was replaced
    # The author's text stays.
    assert "Customer Referral Program" in html


def test_an_ordinary_page_is_left_alone(sample: Path) -> None:
    text = (sample / "docs" / "guides" / "writing-a-prd.md").read_text(encoding="utf-8")
    assert convert(text) == markdown.Markdown(extensions=["meta", "tables", "toc"]).convert(text)


def test_a_listing_marker_is_filled(sample: Path) -> None:
    html = convert("# Home\n\n<!-- prd-index status=Approved -->\n")
    assert 'class="prd-index' in html
    assert "refund-automation/" in html
    assert "<!-- prd-index" not in html


def test_findings_panel_is_configurable(sample: Path) -> None:
    page = sample / "docs" / PRD_PAGE
    text = page.read_text(encoding="utf-8").replace("**Status:** Review", "**Status:** Pending", 1)
    page.write_text(text, encoding="utf-8")
    assert "prd-findings" in convert(text, show_findings="always")
    sites.forget()
    assert "prd-findings" not in convert(text, show_findings="never")


class _ZensicalContext(markdown.Extension):
    """What Zensical registers: a ``rendering_context`` preprocessor with the page and config."""

    def __init__(self, path: str, root: Path) -> None:
        super().__init__()
        self.page = type("Page", (), {"path": path, "url": path[:-3] + "/"})()
        self.config = {"root_dir": str(root), "docs_dir": "docs"}

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        context = markdown.preprocessors.Preprocessor(md)
        context.page, context.config = self.page, self.config  # type: ignore[attr-defined]
        context.run = lambda lines: lines  # type: ignore[method-assign]
        md.preprocessors.register(context, "rendering_context", 100)


@pytest.mark.parametrize(
    ("argv", "zensical", "option", "panel"),
    [
        (["mkdocs", "serve"], False, "serve", True),
        (["mkdocs", "build"], False, "serve", False),
        # Zensical's .cache is shared by serve and build and does not know the command:
        # a page served with the panel would be published by the next build.
        (["zensical", "serve"], True, "serve", False),
        (["zensical", "build"], True, "serve", False),
        (["zensical", "serve"], True, "always", True),
        (["zensical", "build"], True, "never", False),
    ],
)
def test_the_panel_never_depends_on_the_command_on_a_host_whose_cache_ignores_it(
    sample: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], zensical: bool, option: str, panel: bool
) -> None:
    page = sample / "docs" / PRD_PAGE
    text = page.read_text(encoding="utf-8").replace("**Status:** Review", "**Status:** Pending", 1)
    page.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", argv)
    extensions: list[Any] = ["mkdocs_prd.extension", "meta", "tables", "toc"]
    if zensical:
        extensions.append(_ZensicalContext(PRD_PAGE, sample))
    md = markdown.Markdown(
        extensions=extensions, extension_configs={"mkdocs_prd.extension": {"show_findings": option}}
    )
    html = md.convert(text)
    assert '<div class="prd-card">' in html
    assert ("prd-findings" in html) is panel


def test_findings_are_logged(sample: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = sample / "docs" / PRD_PAGE
    text = page.read_text(encoding="utf-8").replace("**Status:** Review", "**Status:** Pending", 1)
    page.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.prd"):
        convert(text)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith(f"prd: {PRD_PAGE}:7: error PRD102 Status `Pending`") for m in warnings), warnings


def test_bad_option_is_a_configuration_error_naming_it(sample: Path) -> None:
    with pytest.raises(ConfigurationError, match="show_findings"):
        convert("# x\n", show_findings="sometimes")
    with pytest.raises(ConfigurationError, match="Unknown option 'colour'"):
        convert("# x\n", colour="red")


def test_without_a_site_nothing_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml, no docs_dir option
    text = (SAMPLE / "docs" / PRD_PAGE).read_text(encoding="utf-8")
    assert "prd-card" not in convert(text)


def test_the_site_is_read_again_when_a_file_changes(sample: Path) -> None:
    page = sample / "docs" / PRD_PAGE
    text = page.read_text(encoding="utf-8")
    assert "Review" in convert(text)
    changed = text.replace("**Status:** Review", "**Status:** Approved", 1)
    assert changed != text
    page.write_text(changed, encoding="utf-8")
    # The page's own text differs from what was read: read again at once.
    assert 'prd-status--approved" aria-label="Status: Approved"' in convert(changed)


def _corpus() -> object:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus"] = module
    spec.loader.exec_module(module)
    return module


def test_a_1000_prd_site_is_parsed_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus()
    corpus.write_corpus(tmp_path, prds=1000, other=0, plugin=False)  # type: ignore[attr-defined]
    monkeypatch.chdir(tmp_path)
    calls: list[str] = []
    real = parse_module.parse_prd

    def counting(text: str, path: str, *args: object, **kwargs: object) -> object:
        calls.append(path)
        return real(text, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog_module, "parse_prd", counting)
    monkeypatch.setattr("mkdocs_prd.html.page.parse_prd", counting)
    pages = sorted((tmp_path / "docs").rglob("*.md"))
    prd_pages = [p for p in pages if p.name != "index.md"][:10]
    for path in prd_pages:
        html = convert(path.read_text(encoding="utf-8"))
        assert 'class="prd-card"' in html, path
    assert len(calls) == len(set(calls)) == 1000  # each PRD once, not once per page


def test_mkdocs_with_plugin_and_extension_renders_each_fragment_once(tmp_path: Path) -> None:
    files = {"index.md": "# Home\n\n<!-- prd-index -->\n", PRD_PAGE: (SAMPLE / "docs" / PRD_PAGE).read_text()}
    both = build_site(
        tmp_path / "both",
        files,
        {"show_findings": "always"},
        config={"markdown_extensions": ["tables", "attr_list", "admonition", "mkdocs_prd.extension"]},
    )
    page = (both.site_dir / "prds" / "growth" / "referral-program" / "index.html").read_text()
    assert page.count('<div class="prd-card">') == 1
    assert page.count('<div class="prd-iosm-block">') == 1
    home = (both.site_dir / "index.html").read_text()
    assert home.count('<div class="prd-index"') == 1


def test_mkdocs_with_the_extension_alone(tmp_path: Path) -> None:
    files = {"index.md": "# Home\n\n<!-- prd-index -->\n", PRD_PAGE: (SAMPLE / "docs" / PRD_PAGE).read_text()}
    only = build_site(
        tmp_path / "ext",
        files,
        None,
        config={"markdown_extensions": ["tables", "attr_list", "admonition", "mkdocs_prd.extension"]},
    )
    page = (only.site_dir / "prds" / "growth" / "referral-program" / "index.html").read_text()
    assert page.count('<div class="prd-card">') == 1
    home = (only.site_dir / "index.html").read_text()
    # Links relative to the page, from MkDocs' own page URL.
    assert 'href="prds/growth/referral-program/"' in home


def _front_matter_removed(text: str) -> str:
    """The page as Zensical hands it to Python-Markdown (front matter read in Rust first)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def test_a_zensical_build_reads_the_site_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through Zensical's own page renderer, pages as a build hands them over: each PRD is
    parsed once, ``docs_dir`` walked once, ``mkdocs.yml`` read once, however long the build
    takes (a check interval of 0: every page would look at the files again) and however
    many pages; a new build in the same process (a new config) looks once more, parses nothing."""
    render_module = pytest.importorskip("zensical.markdown.render", reason="zensical is not installed")
    from zensical.config import parse_mkdocs_config

    from mkdocs_prd.adapters.mkdocs import config as config_module
    from mkdocs_prd.core import read as read_module

    corpus = _corpus()
    config = corpus.write_corpus(tmp_path, prds=200, other=3, plugin=False)  # type: ignore[attr-defined]
    with config.open("a", encoding="utf-8") as fd:
        fd.write("markdown_extensions:\n  - tables\n  - toc\n  - mkdocs_prd.extension\n")
    (tmp_path / "docs" / "prds" / "index.md").write_text(
        "# All PRDs\n\n<!-- prd-index -->\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sites, "CHECK_INTERVAL", 0.0)
    counts: dict[str, list[object]] = {"parse": [], "walk": [], "yaml": [], "read": []}

    def counted(name: str, real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            counts[name].append(args[0] if args else None)
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(catalog_module, "parse_prd", counted("parse", parse_module.parse_prd))
    monkeypatch.setattr("mkdocs_prd.html.page.parse_prd", counted("parse", parse_module.parse_prd))
    monkeypatch.setattr(sites.os, "walk", counted("walk", sites.os.walk))
    monkeypatch.setattr(sites, "read_raw_config", counted("yaml", config_module.read_raw_config))
    monkeypatch.setattr(sites, "read_bytes", counted("read", read_module.read_bytes))
    docs = tmp_path / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    shown = [*[p for p in pages if p.startswith(("prds/", "guides/"))][:12], "prds/index.md"]

    def build() -> list[str]:
        parse_mkdocs_config(str(config))  # what `zensical build` does first: a new config
        out = []
        for src in shown:
            text = _front_matter_removed((docs / src).read_text(encoding="utf-8"))
            out.append(render_module.render(text, src, src.removesuffix(".md") + "/")["content"])
        return out

    html = build()
    assert sum('class="prd-card"' in page for page in html) >= 8
    assert 'class="prd-index' in html[-1]  # the listing page
    parsed = [str(p) for p in counts["parse"]]
    assert len(parsed) == len(set(parsed)) >= 190  # each PRD once (a few are not PRDs)

    def walks() -> list[object]:
        return [w for w in counts["walk"] if str(w) == str(docs)]  # Zensical walks folders of its own

    assert len(walks()) == 1
    assert len(counts["yaml"]) == 1
    assert len(counts["read"]) == len(set(map(str, counts["read"]))) == len(pages)
    for kind in counts.values():
        kind.clear()
    build()
    # A new build: docs_dir looked at once more (unchanged), nothing parsed or read again.
    assert (len(walks()), counts["parse"], counts["read"]) == (1, [], [])


def test_a_build_keeps_its_site_out_of_garbage_collection_but_serve_does_not(sample: Path) -> None:
    """In a one-off build the site read is frozen (``gc.freeze``: the collector's full passes
    then skip the thousands of long-lived PRD records); while serving, sites are read
    again and again and nothing is frozen."""
    docs = str(sample / "docs")
    config_file = str(sample / "mkdocs.yml")

    def collected(obj: object) -> bool:
        """Whether the collector's passes walk ``obj`` (frozen objects are in no generation)."""
        return any(o is obj for o in gc.get_objects())

    try:
        serve = sites.Host(docs_dir=docs, config_file=config_file, serve=True, build=object())
        site = sites.site_for({}, serve)
        assert site is not None and collected(site.catalog.get(PRD_PAGE))
        sites.forget()
        build = sites.Host(docs_dir=docs, config_file=config_file, build=object())
        site = sites.site_for({}, build)
        prd = site.catalog.get(PRD_PAGE) if site is not None else None
        assert prd is not None and not collected(prd)
    finally:
        gc.unfreeze()


def test_a_heading_named_like_a_requirement_gets_its_own_id(sample: Path) -> None:
    """As in the plugin (tests/test_index_build.py): the requirement keeps ``fr-1``, the
    heading and its entry in the toc extension's table of contents get ``fr-1_1``."""
    page = sample / "docs" / "prds" / "payments" / "refund-automation.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n## Notes\n\n### FR-1\n\nWhy first.\n", encoding="utf-8"
    )
    md = markdown.Markdown(extensions=["mkdocs_prd.extension", "meta", "tables", "toc"])
    html = md.convert(page.read_text(encoding="utf-8"))
    assert html.count('id="fr-1"') == 1 and '<span class="prd-anchor" id="fr-1">' in html
    assert '<h3 id="fr-1_1">FR-1</h3>' in html
    tokens, toc_ids = list(md.toc_tokens), []  # type: ignore[attr-defined]
    while tokens:
        token = tokens.pop()
        toc_ids.append(token["id"])
        tokens += token["children"]
    assert "fr-1_1" in toc_ids and 'href="#fr-1_1"' in md.toc  # type: ignore[attr-defined]
