"""Real ``mkdocs build`` runs of small sites: the generated index page, markers in an
existing page, appending, embedded listings, order, grouping, both URL styles,
escaping, determinism, and option errors."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from index_sites import Built, build_site, prd_text, write_site
from markupsafe import Markup, escape
from mkdocs.exceptions import ConfigurationError

from mkdocs_prd.adapters.mkdocs.site import load_site_config

HOSTILE_TITLE = '<script>alert("t")</script>'
HOSTILE_OWNER = "<img src=x onerror=alert(1)>"


def shown(title: str) -> str:
    """A title as the index shows it: its text, inline HTML read as on the page (never a
    script's tags; quotes in text need no escaping)."""
    return str(escape(Markup(title).striptags())).replace("&#34;", '"').replace("&#39;", "'")


PRDS = {
    "prds/a.md": prd_text(
        "Alpha", track="prd-2", status="Approved", owner="Platform Team", date="2026-03-01", version="1.10"
    ),
    "prds/b.md": prd_text("Bravo", track="prd-10", status="Draft", owner="Growth", date="2026-01-05"),
    "prds/c.md": prd_text(
        "Charlie",
        track="0042",
        status="Implemented",
        owner="platform team",
        date="2026-02-01",
        checked=3,
        unchecked=0,
    ),
    "prds/evil.md": prd_text(
        HOSTILE_TITLE, track="prd-3", status="<script>Review</script>", owner=HOSTILE_OWNER, date="2026-04-01"
    ),
    "prds/noowner.md": prd_text("Echo", track="prd-1", status="Review", owner=None, date="2025-12-01"),
}

LISTING_PAGE = """---
title: Platform listing
---

# Platform work

Example of the syntax:

```md
<!-- prd-index status=Approved -->
```

<!-- prd-index status=Approved,Implemented owner="Platform Team" sort=date columns=title,status,owner -->

<!-- prd-index sort=size -->
"""

TWICE_PAGE = """# Two of each

<!-- prd-index -->

<!-- prd-index -->

<!-- prd-index group=status -->

<!-- prd-index group=status summary=true -->

<!-- prd-index group=owner summary=true -->
"""

# The track_id order of PRDS (natural: digits compare as numbers).
TRACK_ORDER = ["Charlie", "Echo", "Alpha", HOSTILE_TITLE, "Bravo"]


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of the title links in the index tables of a page (or of one listing)."""
    tables = "".join(re.findall(r"<table class=\"prd-index__table\".*?</table>", html, re.S))
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]*)</a>', tables)


def listings(html: str) -> list[str]:
    """The HTML of each index / listing on a page, in order."""
    return re.split(r'<div class="prd-index[ "]', html)[1:]


def resolve(site_dir: Path, page_dest: str, href: str) -> Path:
    """The file a relative ``href`` on the page written at ``page_dest`` opens."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_dest), href))
    path = site_dir / target
    return path / "index.html" if href.endswith("/") else path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("index-site")
    pages = {**PRDS, "index.md": "# Home\n", "guides/listing.md": LISTING_PAGE, "guides/twice.md": TWICE_PAGE}
    config = write_site(root, pages, {"index_title": "All PRDs"})
    return build_site(config, root / "site")


class TestGeneratedIndexPage:
    def test_lists_every_prd_in_track_id_order(self, site: Built) -> None:
        page = site.page("prds/index.html")
        assert "<h1" in page and "All PRDs" in page
        assert [shown(t) for t in TRACK_ORDER] == [text for _, text in links(page)]

    def test_title_links_open_the_prd_pages(self, site: Built) -> None:
        page = site.page("prds/index.html")
        hrefs = [h for h, _ in links(page)]
        assert hrefs[0] == "c/" and hrefs[2] == "a/"
        for href in hrefs:
            assert resolve(site.site_dir, "prds/index.html", href).is_file(), href

    def test_columns_summary_and_findings(self, site: Built) -> None:
        page = site.page("prds/index.html")
        cols = re.findall(r'data-prd-col="(\w+)"', page)
        assert cols == [
            "title",
            "track_id",
            "status",
            "owner",
            "version",
            "date",
            "iosm",
            "acceptance",
            "findings",
        ]
        assert "1.10" in page and "<code>0042</code>" in page
        # Each cell names its column (stacked cards on narrow screens).
        assert page.count('data-label="Owner"') == len(TRACK_ORDER) and 'data-label=""' not in page
        # Summary: statuses in workflow order, unknown ones after, as filters.
        assert re.findall(r'data-prd-filter-status="([^"]*)"', page) == [
            "draft",
            "review",
            "approved",
            "implemented",
            str(escape("<script>review</script>")),
        ]
        data = json.loads(site.page("prd-index.json"))
        errors = sum(p["findings"]["error"] for p in data["prds"])
        noowner = next(p for p in data["prds"] if p["src_path"] == "prds/noowner.md")
        assert noowner["findings"]["error"] >= 1  # PRD101: Owner missing
        assert f"errors {errors}," in page
        assert "No PRD has an achieved IOSM-Index yet; 5 of 5 target the threshold (0.80) or more" in page
        assert "3 of 3" in page  # Charlie's acceptance progress

    def test_escapes_document_values(self, site: Built) -> None:
        page = site.page("prds/index.html")
        assert "<script>alert" not in page and "<img src=x" not in page and "<script>Review" not in page
        assert shown(HOSTILE_TITLE) in page and str(escape(HOSTILE_OWNER)) in page
        assert str(escape("<script>Review</script>")) in page

    def test_ships_its_script_and_styles(self, site: Built) -> None:
        page = site.page("prds/index.html")
        assert re.search(r'<script src="\.\./assets/prd/prd-index\.js', page)
        assert 'href="../assets/prd/prd-index.css"' in page
        assert (site.site_dir / "assets/prd/prd-index.js").read_text().startswith("/* mkdocs-prd")

    def test_same_site_same_bytes(self, site: Built, tmp_path: Path) -> None:
        again = build_site(site.site_dir.parent / "mkdocs.yml", tmp_path / "again")
        for rel in (
            "prds/index.html",
            "guides/listing/index.html",
            "guides/twice/index.html",
            "prd-index.json",
        ):
            assert (again.site_dir / rel).read_bytes() == (site.site_dir / rel).read_bytes(), rel


class TestEmbeddedListing:
    def test_filtered_sorted_with_chosen_columns(self, site: Built) -> None:
        filtered, invalid = listings(site.page("guides/listing/index.html"))
        assert [text for _, text in links(filtered)] == ["Charlie", "Alpha"]  # by date
        assert [h for h, _ in links(filtered)] == ["../../prds/c/", "../../prds/a/"]
        assert re.findall(r'data-prd-col="(\w+)"', filtered) == ["title", "status", "owner"]
        assert "prd-index__summary" not in filtered
        # The invalid marker still gives a (plain, unfiltered) listing, not the full index.
        assert len(links(invalid)) == 5 and "prd-index__summary" not in invalid

    def test_marker_in_code_stays_an_example(self, site: Built) -> None:
        page = site.page("guides/listing/index.html")
        assert "&lt;!-- prd-index status=Approved --&gt;" in page

    def test_bad_marker_is_a_warning_with_file_and_line(self, site: Built) -> None:
        warnings = site.logged(30, "prd-index marker")
        assert warnings == [
            "mkdocs_prd: guides/listing.md:15: prd-index marker: sort='size' is not one of "
            "track_id, date, status, title, approved_on"
        ]


class _Ids(HTMLParser):
    """Every element id of a page and every attribute that names one."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1
            elif name in ("for", "aria-labelledby", "aria-describedby", "aria-controls") and value:
                self.refs += value.split()


class TestIdsOnAPage:
    @pytest.mark.parametrize(
        "rel", ["guides/twice/index.html", "prds/index.html", "guides/listing/index.html"]
    )
    def test_no_id_twice_and_every_reference_names_one(self, site: Built, rel: str) -> None:
        ids = _Ids()
        ids.feed(site.page(rel))
        assert [i for i, n in ids.ids.items() if n > 1] == []
        assert [r for r in ids.refs if r not in ids.ids] == []

    def test_each_index_s_charts_are_labelled_by_their_own_captions(self, site: Built) -> None:
        page = site.page("guides/twice/index.html")
        labelled = re.findall(r'<svg[^>]*aria-labelledby="([^"]+)"', page)
        assert len(labelled) == 2 and labelled[0] != labelled[1]


def test_a_heading_named_like_a_requirement_gets_its_own_id(tmp_path: Path) -> None:
    """``### FR-1`` in the notes, with ``**FR-1: …**`` in section 5: the requirement keeps
    ``fr-1`` (what links to it mean), the heading gets ``fr-1_1`` with its permalink and its
    entry in the table of contents, as the toc extension numbers repeated headings."""
    notes = "\n## Notes\n\n### FR-1\n\nWhy it is first.\n\n### Open\n\nx\n"
    pages = {"index.md": "# Home\n", "prds/a.md": prd_text("Alpha", track="a-1") + notes}
    extensions = ["tables", "attr_list", {"toc": {"permalink": True}}]
    config = write_site(root := tmp_path, pages, markdown_extensions=extensions, theme={"name": "material"})
    page = build_site(config, root / "site").page("prds/a/index.html")
    ids = _Ids()
    ids.feed(page)
    assert [i for i, n in ids.ids.items() if n > 1] == []
    assert '<span class="prd-anchor" id="fr-1"></span>' in page
    heading = re.search(r'<h3 id="fr-1_1">FR-1<a class="headerlink" href="#fr-1_1"', page)
    assert heading is not None, re.findall(r"<h3[^>]*>.{0,80}", page)
    assert 'href="#fr-1_1"' in page[: heading.start()]  # the table of contents links to the heading


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """use_directory_urls false, an author's index page with a marker, grouping and reverse date order."""
    root = tmp_path_factory.mktemp("flat-site")
    existing = "---\ntitle: Our PRDs\n---\n\n# Our PRDs\n\nBefore the list.\n\n"
    existing += "<!-- prd-index -->\n\nAfter the list.\n"
    pages = {**PRDS, "index.md": "# Home\n", "prds/index.md": existing}
    options = {"sort_by": "date", "reverse": True, "group_by": "status"}
    config = write_site(root, pages, options, use_directory_urls=False)
    return build_site(config, root / "site")


class TestExistingIndexPage:
    def test_marker_filled_in_place(self, flat_site: Built) -> None:
        page = flat_site.page("prds/index.html")
        before, after = page.index("Before the list."), page.index("After the list.")
        table = page.index('class="prd-index__table"')
        assert before < table < after
        assert page.count("data-prd-index ") == 1

    def test_groups_by_status_in_workflow_order_with_reverse_dates(self, flat_site: Built) -> None:
        page = flat_site.page("prds/index.html")
        groups = re.findall(
            r'<h2 class="prd-index__group"><span class="prd-status prd-status--([\w-]+)"', page
        )
        assert groups == ["draft", "review", "approved", "implemented", "script-review-script"]
        # Review group: evil (2026-04-01) before noowner (2025-12-01): newest first.
        assert [t for _, t in links(page)] == [
            "Bravo",
            "Echo",
            "Alpha",
            "Charlie",
            shown(HOSTILE_TITLE),
        ]
        assert 'aria-sort="descending"' in page

    def test_links_with_html_urls(self, flat_site: Built) -> None:
        page = flat_site.page("prds/index.html")
        hrefs = [h for h, _ in links(page)]
        assert "a.html" in hrefs and all(h.endswith(".html") for h in hrefs)
        for href in hrefs:
            assert resolve(flat_site.site_dir, "prds/index.html", href).is_file()
        data = json.loads(flat_site.page("prd-index.json"))
        assert {p["url"] for p in data["prds"]} >= {"prds/a.html", "prds/c.html"}


def test_appends_to_a_page_without_marker_custom_paths_and_columns(tmp_path: Path) -> None:
    pages = {**PRDS, "index.md": "# Home\n", "portfolio.md": "# Portfolio\n\nAuthor text.\n"}
    options = {
        "index_page": "portfolio.md",
        "index_columns": ["title", "owner"],
        "json_export": "data/prds.json",
        "group_by": "owner",
    }
    config = write_site(tmp_path, pages, options, site_url="https://example.org/sub/")
    built = build_site(config, tmp_path / "site", strict=False)
    page = built.page("portfolio/index.html")
    assert page.index("Author text.") < page.index('class="prd-index__table"')
    assert re.findall(r'data-prd-col="(\w+)"', page)[:2] == ["title", "owner"]
    groups = re.findall(r'<h2 class="prd-index__group">([^<]*) <span', page)
    # Owners by name ("<" sorts before letters), case-insensitively merged, missing last.
    assert groups == [
        str(escape(HOSTILE_OWNER)),
        "Growth",
        "platform team",
        "No owner",
    ]  # first row's spelling
    assert [h for h, _ in links(page)][:2] == ["../prds/evil/", "../prds/b/"]
    assert not (tmp_path / "site/prds/index.html").exists()
    data = json.loads(built.page("data/prds.json"))
    assert data["site_url"] == "https://example.org/sub/" and len(data["prds"]) == 5
    assert not (tmp_path / "site/prd-index.json").exists()


def test_index_and_export_off_bare_marker_still_works(tmp_path: Path) -> None:
    pages = {**PRDS, "index.md": "# Home\n\n<!-- prd-index -->\n"}
    config = write_site(tmp_path, pages, {"index_page": None, "json_export": None})
    built = build_site(config, tmp_path / "site")
    assert not (tmp_path / "site/prds/index.html").exists()
    assert not (tmp_path / "site/prd-index.json").exists()
    page = built.page("index.html")
    assert "prd-index__summary" in page and links(page)[0][0] == "prds/c/"


def test_docs_dir_untouched(tmp_path: Path) -> None:
    config = write_site(tmp_path, {**PRDS, "index.md": "# Home\n"})
    before = sorted(p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*"))
    build_site(config, tmp_path / "site")
    assert sorted(p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*")) == before


@pytest.mark.parametrize(
    ("options", "names"),
    [
        ({"sort_by": "size"}, "sort_by"),
        ({"group_by": "team"}, "group_by"),
        ({"index_columns": ["title", "colour"]}, "index_columns"),
        ({"index_page": "/abs/index.md"}, "index_page"),
        ({"index_page": "../out.md"}, "index_page"),
        ({"json_export": "index.html"}, "json_export"),
        ({"include_indexes": [{"path": "x.json"}]}, "include_indexes"),
        ({"include_indexes": "x.json"}, "include_indexes"),
        ({"reverse": "yes please"}, "reverse"),
    ],
)
def test_bad_options_are_config_errors_naming_the_option(
    tmp_path: Path, options: dict[str, object], names: str
) -> None:
    config = write_site(tmp_path, {"index.md": "# Home\n"}, options)
    with pytest.raises(ConfigurationError, match=f"option '{names}'"):
        load_site_config(str(config))


@pytest.mark.parametrize(("group_by", "toc_hidden"), [("none", True), ("status", False)])
def test_material_index_page_gives_the_table_the_toc_column(
    tmp_path: Path, group_by: str, toc_hidden: bool
) -> None:
    """Ungrouped, the generated page has no headings: it hides Material's empty TOC sidebar."""
    pages = {**PRDS, "index.md": "# Home\n"}
    config = write_site(tmp_path, pages, {"group_by": group_by}, theme={"name": "material"})
    page = build_site(config, tmp_path / "site").page("prds/index.html")
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>', page)
    assert sidebar is not None
    assert sidebar.group(0).endswith(" hidden>") is toc_hidden
    assert page.count('class="prd-index__table"') == (1 if toc_hidden else 5)


def test_search_indexes_the_listing_words_not_its_markup(tmp_path: Path) -> None:
    """Search plugins read the index page's words; its table and charts reach the page
    after them (parsing that markup was a tenth of the search plugin's work)."""
    import conftest

    files = {f"prds/{k}.md": prd_text(k.upper(), track=f"t-{k}", owner=f"Owner {k}") for k in "ab"}
    built = conftest.build_site(tmp_path, {**files, "index.md": "# Home\n"}, {})
    index = json.loads(built.html("search/search_index.json"))
    text = " ".join(d["text"] for d in index["docs"] if d["location"].split("#")[0] == "prds/")
    assert "Owner a" in text and "Owner b" in text and "t-b" in text
    assert "prd-fragment" not in text and "<svg" not in text
    page = built.html("prds/index.html")
    assert 'class="prd-index__table"' in page and "<svg" in page and "prd-fragment" not in page
