"""Real MkDocs builds of small sites: what a PRD page looks like in the generated HTML."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import Site, build_site
from mkdocs.exceptions import Abort, ConfigurationError
from render_sites import CONSTRUCTS_PAGE, LIST_IOSM, ORDINARY_PAGE, OTHER_PAGE, TABLE_IOSM, prd_text

from mkdocs_prd.adapters.mkdocs.plugin import ASSET_DIR
from mkdocs_prd.html.stylesheet import CSS_URI

STATUSES = {
    "prds/draft.md": ("Draft", "draft"),
    "prds/review.md": ("Review", "review"),
    "prds/approved.md": ("Approved", "approved"),
    "prds/implemented.md": ("Implemented", "implemented"),
    "prds/in-progress.md": ("In Progress", "in-progress"),
}

REPORT = """# IOSM Report: Checkout

**Baseline Index:** 0.72
**Final Index:** 0.78

| Gate | Target | Baseline | Final | Status | Δ |
|------|--------|----------|-------|--------|---|
| **Gate-I** | ≥0.75 | 0.70 | 0.81 | ✅ PASS | +0.11 |
| **Gate-O** | ≥0.70 | 0.60 | 0.64 | ❌ FAIL | +0.04 |
| **Gate-S** | ≥0.65 | 0.66 | 0.70 | ✅ PASS | +0.04 |
| **Gate-M** | ≥0.65 | 0.50 | 0.90 | ✅ PASS | +0.40 |
"""

HOSTILE = "<script>alert(1)</script>"


def site_files() -> dict[str, str]:
    files = {
        rel: prd_text(f"{status} thing", status=status, track=f"t-{slug}")
        for rel, (status, slug) in STATUSES.items()
    }
    files["prds/extra.md"] = prd_text(
        "Extra fields", track="t-extra", extra_meta="**Sponsor:** VP Sales\n**Created:** 2026-01-02\n"
    )
    files["prds/table.md"] = prd_text("Table form", track="t-table", iosm=TABLE_IOSM)
    files["tracks/t-report/PRD.md"] = prd_text("Tracked", track="t-report", iosm=TABLE_IOSM)
    files["tracks/t-report/iosm_report.md"] = REPORT
    files["prds/front.md"] = prd_text(
        "Front matter actuals",
        track="t-front",
        front_matter=(
            "iosm_actuals:\n  I: 0.91\n  O: 0.5\n  index: 0.86\n  metrics:\n"
            "    Code duplication: 3%\n    P95 latency: 250ms\n    API surface: 4\n    coupling: medium"
        ),
    )
    files["prds/drift.md"] = prd_text(
        "Drifted section 10",
        track="t-drift",
        iosm=LIST_IOSM.replace(
            "### Expected IOSM-Index", "Some prose the parser cannot place.\n\n### Expected IOSM-Index"
        ),
    )
    files["index.md"] = ORDINARY_PAGE
    files["other.md"] = OTHER_PAGE
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("render"), site_files(), {})


@pytest.fixture(scope="module")
def serve_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = {
        "prds/bad.md": prd_text("Bad", status="Approved", priorities=("Must", "Sometimes")),
        "index.md": "# Home\n",
    }
    return build_site(tmp_path_factory.mktemp("serve"), files, {}, command="serve")


def page(site: Site, src: str) -> str:
    return site.html(src.removesuffix(".md") + "/index.html")


def article(text: str) -> str:
    start = text.index("<article")
    return text[start : text.index("</article>", start)]


# --- badges -----------------------------------------------------------------------


@pytest.mark.parametrize("src", list(STATUSES))
def test_status_badge_has_slug_class_text_and_label(site: Site, src: str) -> None:
    status, slug = STATUSES[src]
    body = article(page(site, src))
    badge = f'<span class="prd-status prd-status--{slug}" aria-label="Status: {status}">{status}</span>'
    assert badge in body


def test_priority_badges_replace_priority_values(site: Site) -> None:
    body = article(page(site, "prds/approved.md"))
    assert (
        body.count('<span class="prd-priority prd-priority--must" aria-label="Priority: Must">Must</span>')
        == 2
    )
    assert (
        '<span class="prd-priority prd-priority--should" aria-label="Priority: Should">Should</span>' in body
    )
    assert re.search(r"<li>Priority: <span class=\"prd-priority prd-priority--must\"", body)


# --- header card ------------------------------------------------------------------


def test_card_replaces_the_bold_header_lines(site: Site) -> None:
    body = article(page(site, "prds/approved.md"))
    assert body.index("<h1") < body.index('<div class="prd-card">')
    for label, value in [
        ("Track ID", "t-approved"),
        ("Owner", "Payments Team"),
        ("Version", "1.2"),
        ("Date", "2026-01-17"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in body
    assert "<strong>Track ID:</strong>" not in body
    assert "<strong>Status:</strong>" not in body


def test_card_keeps_every_other_field_the_author_wrote(site: Site) -> None:
    body = article(page(site, "prds/extra.md"))
    assert "<dt>Sponsor</dt><dd>VP Sales</dd>" in body
    assert "<dt>Created</dt><dd>2026-01-02</dd>" in body


def test_card_shows_progress_priorities_questions_and_target_index(site: Site) -> None:
    body = article(page(site, "prds/approved.md"))
    assert "1 of 3 criteria met" in body
    assert 'role="progressbar"' in body and 'aria-valuenow="1"' in body and 'aria-valuemax="3"' in body
    counts = re.findall(r'prd-priority--(\w+)">(\w+) <b>(\d+)</b>', body)
    # Priorities nobody used are left out: no "Could 0" badge.
    assert counts == [("must", "Must", "2"), ("should", "Should", "1")]
    assert re.search(r'Open questions</span> <b class="prd-card__number">2</b>', body)
    assert re.search(
        r'<b class="prd-card__number">0.82</b>\s*<span class="prd-band prd-band--good">Good</span>', body
    )


def test_card_is_built_from_front_matter_metadata(tmp_path: Path) -> None:
    text = prd_text("FM", track="t-fm").replace(
        "**Version:** 1.2\n**Date:** 2026-01-17\n**Track ID:** t-fm\n"
        "**Owner:** Payments Team\n**Status:** Approved\n",
        "",
    )
    text = (
        "---\nversion: '1.10'\ndate: 2026-02-01\ntrack_id: '0042'\nowner: Front Team\nstatus: Review\n---\n\n"
        + text
    )
    built = build_site(tmp_path, {"prds/fm.md": text}, {})
    body = article(page(built, "prds/fm.md"))
    assert "<dt>Version</dt><dd>1.10</dd>" in body
    assert "<dt>Track ID</dt><dd>0042</dd>" in body
    assert 'prd-status prd-status--review"' in body
    assert body.index("<h1") < body.index('<div class="prd-card">') < body.index("<h2")


# --- IOSM table -------------------------------------------------------------------


def rows(body: str) -> list[list[str]]:
    start = body.index('<table class="prd-iosm')
    table = body[start : body.index("</table>", start)]
    out = []
    body_rows = table[table.index("<tbody>") :]
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body_rows, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        out.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells])
    return out


def test_list_form_becomes_one_table_and_replaces_the_lists(site: Site) -> None:
    body = article(page(site, "prds/approved.md"))
    assert body.count('<table class="prd-iosm prd-iosm--list">') == 1
    got = rows(body)
    assert got[0] == ["Gate-I (Improve)", ""]
    # No Gate column repeating I, I, I: the gate's group row says it once.
    assert got[1] == ["Semantic clarity", "≥0.95 (clear naming, no magic numbers)"]  # as written
    assert ["Code duplication", "≤5%"] in got
    assert ["Invariants documented", "100% of public APIs"] in got
    assert ["P95 latency", "≤200ms"] in got
    assert ["Dependency count", "reduced by 10%"] in got
    assert ["Coupling", "Low"] in got
    assert '<th scope="rowgroup">Gate-I (Improve)</th>' in body
    assert [r[0] for r in got if r[0].startswith("Gate-")] == [
        "Gate-I (Improve)",
        "Gate-O (Optimize)",
        "Gate-S (Shrink)",
        "Gate-M (Modularize)",
    ]
    assert len(got) == 4 + 10
    # Understood: the author's bullet lists are replaced, nothing is shown twice.
    assert "<li>Semantic clarity" not in body
    assert "Current baseline" not in body
    index = body[body.index('<dl class="prd-iosm-index') :]
    assert "Baseline 0.65" in index and "Target 0.82" in index and "Delta +0.17" in index
    assert 'prd-band--good">Good' in index


def test_table_form_rows(site: Site) -> None:
    body = article(page(site, "prds/table.md"))
    assert '<table class="prd-iosm prd-iosm--table">' in body
    heads = re.findall(r'<th scope="col">(.*?)</th>', body)
    assert heads == ["Gate", "Baseline", "Target", "Expected Δ"]
    got = rows(body)
    assert got[0][:2] == ["Gate-I (Improve)", "0.72"] and got[0][3] == "+0.03"
    assert [r[0] for r in got] == [
        "Gate-I (Improve)",
        "Gate-O (Optimize)",
        "Gate-S (Shrink)",
        "Gate-M (Modularize)",
    ]
    assert got[2][2] == "Pass"
    assert "Target ≥0.80" in body


def test_actuals_from_iosm_report(site: Site) -> None:
    body = article(site.html("tracks/t-report/PRD/index.html"))
    heads = re.findall(r'<th scope="col">(.*?)</th>', body)
    assert heads[-2:] == ["Actual", "Result"]
    got = {r[0]: r for r in rows(body)}
    assert got["Gate-I (Improve)"][-2:] == ["0.81", "✓ Met"]
    assert got["Gate-O (Optimize)"][-2:] == ["0.64", "✗ Not met"]
    index = body[body.index('<dl class="prd-iosm-index') :]
    assert re.search(r"Actual 0.78 .*Acceptable.*✗ Not met", " ".join(re.sub(r"<[^>]+>", " ", index).split()))


def test_actuals_from_front_matter_per_gate_and_metric(site: Site) -> None:
    body = article(page(site, "prds/front.md"))
    got = rows(body)
    by_metric = {r[0]: r for r in got if not r[0].startswith("Gate-")}
    assert by_metric["Code duplication"][-2:] == ["3%", "✓ Met"]
    assert by_metric["P95 latency"][-2:] == ["250ms", "✗ Not met"]
    assert by_metric["API surface"][-2:] == ["4", "✓ Met"]
    assert by_metric["Coupling"][-2:] == ["medium", "? Unknown"]  # known, but no number to compare
    assert by_metric["Change surface"][-2:] == ["", ""]  # no actual known: no mark either
    gate_i = next(r for r in got if r[0] == "Gate-I (Improve)")
    gate_o = next(r for r in got if r[0] == "Gate-O (Optimize)")
    assert gate_i[-2:] == ["0.91", "✓ Met"] and gate_o[-2:] == ["0.5", "✗ Not met"]
    assert "Actual 0.86" in body


def test_section_not_understood_keeps_author_content_below_the_table(site: Site) -> None:
    body = article(page(site, "prds/drift.md"))
    table = body.index('<table class="prd-iosm')
    # The prose and the heading it is under stay as written, below the table ...
    assert table < body.index("Modularize) Targets</h3>") < body.index("Some prose the parser cannot place.")
    # ... and every value the table shows is on the page once (fresh2 item 18).
    assert "<li>Semantic clarity" not in body and body.count("Semantic clarity") == 1
    assert body.count("Coupling") == 1 and body.count("+0.17") == 1


# --- escaping ---------------------------------------------------------------------


def test_hostile_values_are_escaped_everywhere(tmp_path: Path) -> None:
    iosm = LIST_IOSM.replace("- Coupling: Low", f"- {HOSTILE}: {HOSTILE}")
    text = prd_text(HOSTILE, status=HOSTILE, owner=HOSTILE, iosm=iosm, extra_meta=f"**Sponsor:** {HOSTILE}\n")
    built = build_site(tmp_path, {"prds/evil.md": text}, {}, command="serve")
    body = article(page(built, "prds/evil.md"))
    # Only the author's own H1 holds raw HTML (Markdown passes it through, as without the plugin).
    assert body.count("<script>alert(1)</script>") == 1
    assert body.index("<script>alert(1)</script>") < body.index("</h1>")
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    card = body[body.index('<div class="prd-card">') : body.index('<div class="prd-card__stats">')]
    assert (
        '<span class="prd-status prd-status--script-alert-1-script" '
        f'aria-label="Status: {escaped}">{escaped}</span>' in card
    )
    assert f"<dt>Owner</dt><dd>{escaped}</dd>" in card
    assert f"<dt>Sponsor</dt><dd>{escaped}</dd>" in card
    start = body.index('<table class="prd-iosm')
    table = body[start : body.index("</table>", start)]
    assert f'<tr><td>{escaped}</td><td data-label="Target">{escaped}</td></tr>' in table


# --- findings panel ---------------------------------------------------------------


def test_findings_panel_under_serve_with_material_admonition(serve_site: Site) -> None:
    body = article(page(serve_site, "prds/bad.md"))
    assert '<div class="admonition warning prd-findings" role="note">' in body
    assert body.index("<h1") < body.index("prd-findings") < body.index('<div class="prd-card">')
    item = re.search(r'<li class="prd-finding prd-finding--error">(.*?)</li>', body, re.S)
    assert item is not None
    text = " ".join(re.sub(r"<[^>]+>", " ", item.group(1)).split())
    assert re.match(r"✖ error PRD302 line \d+ ", text)
    assert "Fix:" in text


def test_no_findings_panel_in_a_default_build(tmp_path: Path) -> None:
    files = {"prds/bad.md": prd_text("Bad", priorities=("Must", "Sometimes"))}
    built = build_site(tmp_path, files, {})
    assert any("PRD302" in m for m in built.messages())  # the finding exists ...
    assert "prd-findings" not in page(built, "prds/bad.md")  # ... but a published page does not show it


def test_findings_always_in_the_mkdocs_theme_is_a_plain_box(tmp_path: Path) -> None:
    files = {"prds/bad.md": prd_text("Bad", priorities=("Must", "Sometimes"))}
    built = build_site(tmp_path, files, {"show_findings": "always"}, theme="mkdocs")
    body = page(built, "prds/bad.md")
    assert '<div class="prd-findings prd-findings--plain" role="note">' in body
    assert "admonition" not in body[body.index("prd-findings") - 50 : body.index("prd-findings") + 200]


def test_show_findings_never_hides_them_under_serve(tmp_path: Path) -> None:
    files = {"prds/bad.md": prd_text("Bad", priorities=("Must", "Sometimes"))}
    built = build_site(tmp_path, files, {"show_findings": "never"}, command="serve")
    assert "prd-findings" not in page(built, "prds/bad.md")


def test_a_clean_prd_under_serve_has_no_panel(tmp_path: Path) -> None:
    built = build_site(tmp_path, {"prds/ok.md": prd_text("OK")}, {}, command="serve")
    assert "prd-findings" not in page(built, "prds/ok.md")


# --- pages that are not PRDs ------------------------------------------------------


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_ordinary_pages_are_unchanged(tmp_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the mkdocs theme stamps the build time
    # The plugin's site-wide assets (its stylesheets and the index script) are the one
    # intended difference, so the build without the plugin lists the same files by hand.
    files = {"index.md": ORDINARY_PAGE, "other.md": OTHER_PAGE, "prds/a.md": prd_text("A")}
    files["constructs.md"] = CONSTRUCTS_PAGE  # what PRD pages get rewritten for, on a page that is not one
    assets = {
        "extra_css": [CSS_URI, f"{ASSET_DIR}/prd-index.css"],
        # MkDocs' own search script comes first in the mkdocs theme (the search plugin's on_config).
        "extra_javascript": [*(["search/main.js"] if theme == "mkdocs" else []), f"{ASSET_DIR}/prd-index.js"],
    }
    off = build_site(tmp_path / "off", files, None, theme=theme, config=assets)
    on = build_site(tmp_path / "on", files, {"index_page": None}, theme=theme)
    assert CSS_URI in on.html("index.html")
    for built_page in ("index.html", "other/index.html", "constructs/index.html"):
        assert on.html(built_page) == off.html(built_page)


# --- assets, URLs -----------------------------------------------------------------


def css_href(text: str) -> str:
    m = re.search(r'<link rel="stylesheet" href="([^"]*assets/prd/prd\.css)">', text)
    assert m is not None, "the PRD stylesheet is linked"
    return m.group(1)


def test_stylesheet_is_served_from_the_site_and_linked_before_site_css(tmp_path: Path) -> None:
    files = {"prds/a.md": prd_text("A"), "extra.css": ".x{}"}
    built = build_site(tmp_path, files, {}, config={"extra_css": ["extra.css"]})
    text = page(built, "prds/a.md")
    href = css_href(text)
    assert href == "../../assets/prd/prd.css"
    assert (built.site_dir / "prds/a" / href).resolve().is_file()
    assert text.index("assets/prd/prd.css") < text.index('href="../../extra.css"')
    assert not (built.docs_dir / "assets").exists()  # nothing written into docs_dir


def test_urls_work_without_directory_urls_and_under_a_sub_path(tmp_path: Path) -> None:
    files = {"prds/deep/a.md": prd_text("A"), "index.md": "# Home\n"}
    built = build_site(
        tmp_path, files, {}, config={"use_directory_urls": False, "site_url": "https://example.com/docs/sub/"}
    )
    text = built.html("prds/deep/a.html")
    href = css_href(text)
    assert href == "../../assets/prd/prd.css"
    assert (built.site_dir / "prds/deep" / href).resolve().is_file()
    assert css_href(built.html("index.html")) == "assets/prd/prd.css"


def test_status_colors_option_sets_background_and_readable_text(tmp_path: Path) -> None:
    built = build_site(
        tmp_path,
        {"prds/a.md": prd_text("A")},
        {"status_colors": {"Approved": "#ffeb3b", "In Progress": "rgb(0, 0, 128)"}},
    )
    css = built.html("assets/prd/prd.css")
    assert (
        ".prd-status--approved, .md-status--prd-approved { --prd-status-bg: #ffeb3b; --prd-status-fg: #000; }"
        in css
    )
    assert (
        ".prd-status--in-progress, .md-status--prd-in-progress "
        "{ --prd-status-bg: #000080; --prd-status-fg: #fff; }" in css
    )


def test_a_bad_status_color_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises((Abort, ConfigurationError)):
        build_site(tmp_path, {"prds/a.md": prd_text("A")}, {"status_colors": {"Approved": "red; } body { x"}})


# --- Material navigation ----------------------------------------------------------


def nav_statuses(text: str) -> list[str]:
    return re.findall(r'<span class="(md-status[^"]*)"', text)


def test_nav_status_shows_namespaced_material_status(tmp_path: Path) -> None:
    files = {
        "prds/a.md": prd_text("A", status="Approved"),
        "prds/b.md": prd_text("B", status="In Progress", track="b"),
    }
    built = build_site(tmp_path, files, {"nav_status": True}, config={"nav": ["prds/a.md", "prds/b.md"]})
    text = page(built, "prds/a.md")
    assert "md-status md-status--prd-approved" in nav_statuses(text)
    assert "md-status md-status--prd-in-progress" in nav_statuses(text)
    assert 'title="Status: Approved"' in text


def test_front_matter_status_does_not_break_material_without_nav_status(tmp_path: Path) -> None:
    text = "---\nstatus: Approved\n---\n\n" + prd_text("A").replace("**Status:** Approved\n", "")
    files = {"prds/a.md": text, "index.md": "# Home\n"}
    built = build_site(tmp_path, files, {})
    home = built.html("index.html")
    assert nav_statuses(home) == []  # no md-status--Approved icon without a definition
    assert 'prd-status prd-status--approved"' in page(built, "prds/a.md")  # the PRD still has its status


def test_a_material_status_the_site_defines_is_kept(tmp_path: Path) -> None:
    files = {"prds/a.md": "---\nstatus: new\n---\n\n" + prd_text("A"), "index.md": "# Home\n"}
    built = build_site(tmp_path, files, {}, config={"extra": {"status": {"new": "Recently added"}}})
    assert "md-status md-status--new" in nav_statuses(built.html("index.html"))


def test_nav_status_without_material_builds_cleanly(tmp_path: Path) -> None:
    built = build_site(
        tmp_path, {"prds/a.md": prd_text("A"), "index.md": "# Home\n"}, {"nav_status": True}, theme="mkdocs"
    )
    assert "md-status" not in built.html("index.html")
    assert 'prd-status prd-status--approved"' in page(built, "prds/a.md")


# --- Markdown extensions, overrides -----------------------------------------------


@pytest.mark.parametrize(
    "extensions", [[], ["md_in_html", "attr_list"], ["md_in_html", "pymdownx.superfences"]]
)
def test_fragments_pass_through_python_markdown(tmp_path: Path, extensions: list[str]) -> None:
    built = build_site(
        tmp_path, {"prds/a.md": prd_text("A")}, {}, config={"markdown_extensions": ["tables", *extensions]}
    )
    body = article(page(built, "prds/a.md"))
    assert '<div class="prd-card">' in body
    assert "<p><div" not in body and "&lt;div" not in body
    assert '<table class="prd-iosm prd-iosm--list">' in body
    assert body.index('<div class="prd-card">') > body.index("</h1>")


def test_site_overrides_a_template_from_custom_dir(tmp_path: Path) -> None:
    override = tmp_path / "overrides" / "prd"
    override.mkdir(parents=True)
    (override / "badge.html").write_text(
        '<span class="my-badge prd-status--{{ slug }}">{{ status }}!</span>\n'
    )
    built = build_site(
        tmp_path, {"prds/a.md": prd_text("A")}, {}, theme={"name": "material", "custom_dir": "overrides"}
    )
    body = article(page(built, "prds/a.md"))
    assert '<span class="my-badge prd-status--approved">Approved!</span>' in body
    assert '<div class="prd-card">' in body  # the other templates still come from the package


def test_build_writes_nothing_into_docs_dir(site: Site) -> None:
    written = sorted(p.relative_to(site.docs_dir).as_posix() for p in site.docs_dir.rglob("*") if p.is_file())
    assert written == sorted(site_files())


def test_card_and_table_words_are_searchable_and_no_placeholder_remains(site: Site) -> None:
    index = json.loads(site.html("search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("prds/approved/"))
    assert "Payments Team" in text and "t-approved" in text  # the card's words
    assert "Semantic clarity" in text and "Gate-I (Improve)" in text  # the IOSM table's words
    assert "prdtag" not in text and "prdinline" not in text  # held words are gone before search
    for built in site.site_dir.rglob("*.html"):
        assert "prd-fragment" not in built.read_text(encoding="utf-8"), built


def test_a_broken_override_template_stops_the_build_with_its_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    override = tmp_path / "overrides" / "prd"
    override.mkdir(parents=True)
    (override / "card.html").write_text("<div>{{ card.status </div>\n")
    theme = {"name": "mkdocs", "custom_dir": "overrides"}
    with pytest.raises(Abort):  # how MkDocs ends a build on a PluginError: a message, no traceback
        build_site(tmp_path, {"prds/a.md": prd_text("A")}, {}, theme=theme)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(re.search(r"prds/a\.md: template .*overrides/prd/card\.html:1: ", m) for m in errors), errors


FREEZE_HOOK = """import gc, pathlib
def on_post_build(config):
    pathlib.Path(config.config_file_path).with_name("frozen.txt").write_text(str(gc.get_freeze_count()))
"""


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_keeps_the_catalog_out_of_collections_until_shutdown(tmp_path: Path, command: str) -> None:
    """``mkdocs build``: the catalog is frozen for the collector while pages render (its passes
    walked every PRD record again), and thawed at shutdown; ``serve`` rebuilds: never frozen."""
    import gc

    hook = tmp_path / "freeze_hook.py"
    hook.write_text(FREEZE_HOOK, encoding="utf-8")
    files = {"index.md": "# Home\n", "prds/a.md": prd_text("A"), "prds/b.md": prd_text("B")}
    build_site(tmp_path, files, {}, config={"hooks": [str(hook)]}, command=command)
    frozen = int((tmp_path / "frozen.txt").read_text(encoding="utf-8"))
    assert (frozen > 0) == (command == "build")
    assert gc.get_freeze_count() == 0
