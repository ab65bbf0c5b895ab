"""What readers see, in a real browser (Debian's Chromium via Playwright), per theme:
Material light, Material dark and MkDocs' own theme.

The findings panel, the card with actuals, the IOSM table, the index at 1400 px and
400 px, its empty state and its charts.  One site per theme (module-scoped), pages
opened from disk with every non-file request blocked (offline by construction).
Text contrast is computed from the browser's styles (WCAG AA, 4.5:1).
"""

from __future__ import annotations

import base64
import itertools
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site
from readable_sites import readable_files
from render_sites import prd_text
from test_browser_badges import THEMES, contrast, parse_rgba
from test_render import color_distance

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=list(THEMES))
def themed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Site]:
    name: str = request.param
    built = build_site(
        tmp_path_factory.mktemp(f"readable-{name}"),
        readable_files(),
        {"show_findings": "always"},
        theme=THEMES[name],
        config={"use_directory_urls": False},
    )
    return name, built


def open_page(chromium: Any, path: Path, width: int = 1400) -> Any:
    page = chromium.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.goto(path.as_uri(), wait_until="load")
    return page


def our_errors(page: Any, theme: str) -> list[str]:
    """Script errors on the page; MkDocs' own theme loads highlight.js from a CDN (blocked
    here) and its search worker cannot start from file://, so its errors are not ours."""
    return [] if theme == "mkdocs" else list(page.errors)


def text_contrasts(page: Any, selector: str) -> list[tuple[str, float]]:
    """(text, contrast) of each element matching ``selector`` against its own background."""
    styles = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(el => {
            const s = getComputedStyle(el);
            return {text: el.innerText, fg: s.color, bg: s.backgroundColor};
        })""",
        selector,
    )
    return [(s["text"], contrast(parse_rgba(s["fg"]), parse_rgba(s["bg"]))) for s in styles]


def assert_plain_details(page: Any, details: Any) -> None:
    """``details`` has no box of its own and its summary no admonition title bar or icon."""
    border, shadow, bar, icon = page.evaluate(
        """(d) => { const s = getComputedStyle(d), m = d.querySelector('summary');
            const b = getComputedStyle(m, '::before');
            return [s.borderTopWidth, s.boxShadow, getComputedStyle(m).backgroundColor,
                    b.webkitMaskImage || b.maskImage || 'none']; }""",
        details.element_handle(),
    )
    assert border == "0px" and shadow == "none", (border, shadow)
    assert parse_rgba(bar)[3] == 0, bar  # transparent: no tinted title bar
    assert icon == "none", icon


def test_findings_panel(chromium: Any, themed: tuple[str, Site], tmp_path: Path) -> None:
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "skeleton.html")
    try:
        panel = page.locator(".prd-findings").first
        assert panel.is_visible()
        entry = panel.locator(".prd-finding", has=page.locator("code.prd-finding__rule", has_text="PRD107"))
        assert entry.count() == 1
        assert "lines" in entry.locator(".prd-finding__line").first.inner_text()
        # Code spans are code, not literal backticks.
        assert panel.locator(".prd-finding__message code").count() > 0
        assert "`" not in panel.inner_text()
        severities = text_contrasts(page, ".prd-finding__severity")
        assert severities
        for text, ratio in severities:
            assert ratio >= 4.5, f"{theme}: severity {text!r} contrast {ratio:.2f}:1"
            assert text.split()[-1] in ("error", "warning", "info")  # a word, not colour alone
        # Its <details> (different messages of one rule) is part of the panel, not a nested
        # Material "note" admonition: no border, no tinted title bar, no pencil icon.
        assert_plain_details(page, panel.locator("details.prd-finding__details").first)
        page.screenshot(path=str(tmp_path / f"{theme}-findings.png"))
        assert not our_errors(page, theme)
    finally:
        page.close()


def test_card_with_actuals_and_iosm_table(chromium: Any, themed: tuple[str, Site]) -> None:
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html")
    try:
        achieved = page.locator(".prd-card__achieved").first
        assert achieved.is_visible()
        assert "0.86" in achieved.inner_text() and "Met" in achieved.inner_text()
        table = page.locator("table.prd-iosm").first
        assert table.is_visible()
        box = table.bounding_box()
        assert box is not None and box["width"] > 300
        gauges = page.locator(".prd-gauge")
        assert gauges.count() >= 3
        for i in range(gauges.count()):
            g = gauges.nth(i).bounding_box()
            assert g is not None and g["width"] > 20 and g["height"] > 4
        fill = page.locator(".prd-gauge--met .prd-gauge__actual").first.bounding_box()
        assert fill is not None and fill["width"] > 5
        for text, ratio in text_contrasts(page, ".prd-card .prd-mark, .prd-iosm .prd-mark"):
            assert ratio >= 4.5, f"{theme}: {text!r} {ratio:.2f}:1"
    finally:
        page.close()


OVERFLOW = """(sel) => [...document.querySelectorAll(sel)].filter(e => {
    const r = e.getBoundingClientRect();  // a visually hidden header row is clipped to 1px
    return r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !e.closest("thead");
}).map(e => e.tagName + "." + e.className)"""


def test_card_and_iosm_table_fit_a_narrow_screen(
    chromium: Any, themed: tuple[str, Site], tmp_path: Path
) -> None:
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html", width=400)
    try:
        # Long values as real PRDs have them: a status and a Track ID without spaces.
        page.evaluate(
            """() => { document.querySelector('.prd-card__status .prd-status').textContent =
                           'Sometimes-maybe-later-when-we-have-time';
                       document.querySelector('.prd-card__field--track-id dd').textContent =
                           'bulk-invoice-export-with-a-rather-long-feature-name'; }"""
        )
        assert page.evaluate(OVERFLOW, ".prd-card, .prd-card *, .prd-iosm-block, .prd-iosm-block *") == []
        # Every IOSM value is on screen, under its column's name (rows stacked).
        result = page.locator("table.prd-iosm td[data-label='Result'] .prd-mark").first
        box = result.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 400
        label = page.evaluate(
            """() => getComputedStyle(
                document.querySelector("table.prd-iosm td[data-label='Actual']"), '::before').content"""
        )
        assert "Actual" in label
        page.screenshot(path=str(tmp_path / f"{theme}-achieved-narrow.png"), full_page=True)
    finally:
        page.close()


LONG_OWNER = "Priya Raman (Payments), Tom Okafor (Platform), Lena Fischer (Design), Marco Rossi (Growth)"
LONG_LIST = "Finance, Legal, Support, Trust & Safety, Customer Success EMEA"


def test_card_labels_never_break_values_wrap(chromium: Any, themed: tuple[str, Site]) -> None:
    # Long values (four owners, a Stakeholders list): each label stays one unbroken line
    # ("O / w / ne / r:" at 390 px, "Owner" with its ":" on the next line at 1280 px).
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html", width=1280)
    try:
        page.evaluate(
            """([owner, list]) => {
                const field = document.querySelector('.prd-card__field--owner');
                field.querySelector('dd').textContent = owner;
                const more = field.cloneNode(true);
                more.querySelector('dt').textContent = 'Stakeholders';
                more.querySelector('dd').textContent = list;
                field.after(more); }""",
            [LONG_OWNER, LONG_LIST],
        )
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            labels = page.evaluate(
                """() => [...document.querySelectorAll('.prd-card dt, .prd-card .prd-card__stat-label')]
                    .map(e => { const r = document.createRange(); r.selectNodeContents(e);
                        const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
                        // One line box, the ":" (the dt's ::after) included: the box is one line high.
                        const one = e.getBoundingClientRect().height < 1.5 * r.getClientRects()[0].height + 8;
                        return [e.textContent, lines, one]; })"""
            )
            broken = [(text, n) for text, n, one in labels if n != 1 or not one]
            assert broken == [], (theme, width, broken)
            # The values wrap inside the card instead.
            assert page.evaluate(OVERFLOW, ".prd-card, .prd-card *") == []
    finally:
        page.close()


def test_index_wide_with_charts(chromium: Any, themed: tuple[str, Site], tmp_path: Path) -> None:
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        for chart in (".prd-chart--status svg", ".prd-chart--iosm .prd-chart__plot"):
            box = page.locator(chart).first.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 15, chart
        # Counts in the status bar are readable on their segment.
        pairs = page.evaluate(
            """() => [...document.querySelectorAll('.prd-chart__seg')].filter(g => g.querySelector('text'))
                .map(g => [getComputedStyle(g.querySelector('text')).fill,
                           getComputedStyle(g.querySelector('rect')).fill])"""
        )
        assert pairs
        for fg, bg in pairs:
            assert contrast(parse_rgba(fg), parse_rgba(bg)) >= 4.5, (theme, fg, bg)
        # The whole header cell sorts.
        th = page.locator("th[data-prd-col='title']").first
        box = th.bounding_box()
        button = th.locator("button").bounding_box()
        assert box is not None and button is not None and button["width"] >= box["width"] - 2
        # Also below the button when another header wraps to more lines: a click anywhere
        # in each header cell lands on its sort button.
        missed = page.evaluate(
            """() => [...document.querySelectorAll('th')].filter(th => th.querySelector('button'))
                .filter(th => { const r = th.getBoundingClientRect();
                    return ![r.top + 2, r.top + r.height / 2, r.bottom - 2].every(y => {
                        const hit = document.elementFromPoint(r.left + r.width / 2, y);
                        return hit && hit.closest('button') === th.querySelector('button'); }); })
                .map(th => th.getAttribute('data-prd-col'))"""
        )
        assert missed == [], (theme, missed)
        # "IOSM-Index" on one line: its text has one line box.
        lines = page.evaluate(
            """() => { const r = document.createRange();
                r.selectNodeContents(document.querySelector("th[data-prd-col='iosm'] button"));
                return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"""
        )
        assert lines == 1
        assert_plain_details(page, page.locator("details.prd-chart__data").first)
        assert_legend_keys_match_the_chart(page, theme)
        assert_status_segments_told_apart(page, theme)
        # A heading button is as tall as its text's lines: no empty line (a space kept for the
        # sort arrow on every heading wrapped "Version" onto a second, empty line).
        slack = page.evaluate(
            """() => Math.max(...[...document.querySelectorAll('.prd-index__table thead button')].map(b => {
                const r = document.createRange(); r.selectNodeContents(b);
                const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
                const s = getComputedStyle(b);
                const lh = parseFloat(s.lineHeight) || 1.2 * parseFloat(s.fontSize);
                const pad = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
                return b.clientHeight - pad - lines * lh; }))"""
        )
        assert slack < 4, (theme, slack)
        page.screenshot(path=str(tmp_path / f"{theme}-index.png"), full_page=True)
        assert not our_errors(page, theme)
    finally:
        page.close()


EDGE_COLUMNS = """async ([png, xs]) => {
    const img = new Image();
    img.src = "data:image/png;base64," + png;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width; canvas.height = img.height;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const all = g.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map();  // the most common colour is the page's background
    for (let i = 0; i < all.length; i += 4) {
        const key = all[i] + "," + all[i + 1] + "," + all[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
    }
    const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
    // For each column x: the share of its pixels that differ from the background.
    return xs.map(x => {
        const col = g.getImageData(x, 0, 1, img.height).data;
        let off = 0;
        for (let i = 0; i < col.length; i += 4) {
            if (Math.max(...[0, 1, 2].map(c => Math.abs(col[i + c] - bg[c]))) > 20) off += 1;
        }
        return off / img.height;
    });
}"""


def edge_shading(page: Any, box: Any) -> tuple[float, float]:
    """(left, right): the share of the pixels in the outermost columns of ``box`` that are
    not the page's background (a scroll shadow tints nearly all of them)."""
    png = base64.b64encode(box.screenshot()).decode("ascii")
    width = round(box.bounding_box()["width"])
    left, right = page.evaluate(EDGE_COLUMNS, [png, [1, width - 2]])
    return left, right


def test_index_too_wide_scrolls_in_its_own_box_with_a_cue(chromium: Any, themed: tuple[str, Site]) -> None:
    # A table wider than the column (here a long Track ID, which never wraps at desktop
    # widths) scrolls inside its own labelled box, never the page or the charts; a shadow
    # marks each edge with more, and the keyboard reaches and scrolls it.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        page.evaluate(
            """() => { document.querySelector('.prd-index__table td.prd-index__nowrap code').textContent =
                'bulk-invoice-export-for-enterprise-tenants-with-several-currencies-and-tax-regions'; }"""
        )
        box = page.locator(".prd-index__scroll").first
        page.wait_for_function("(b) => b.getAttribute('tabindex') === '0'", arg=box.element_handle())
        sizes = page.evaluate(
            """(b) => ({box: b.scrollWidth - b.clientWidth, doc: document.documentElement.scrollWidth
                - document.documentElement.clientWidth, index: b.closest('.prd-index').scrollWidth
                - b.closest('.prd-index').clientWidth})""",
            box.element_handle(),
        )
        assert sizes["box"] > 100 and sizes["doc"] <= 0 and sizes["index"] <= 0, sizes
        assert box.get_attribute("role") == "region" and box.get_attribute("aria-label") == "PRD table"
        left, right = edge_shading(page, box)
        assert right > 0.6 and left < 0.3, (theme, left, right)  # more on the right only

        box.focus()
        assert page.evaluate("document.activeElement.classList.contains('prd-index__scroll')")
        page.keyboard.press("End")
        for _ in range(40):
            page.keyboard.press("ArrowRight")
        scrolled = page.evaluate("(b) => [b.scrollLeft, b.scrollWidth - b.clientWidth]", box.element_handle())
        assert scrolled[0] > 0, scrolled
        box.evaluate("(b) => { b.scrollLeft = b.scrollWidth; }")
        left, right = edge_shading(page, box)
        assert left > 0.6 and right < 0.3, (theme, left, right)  # now more on the left only
        assert not our_errors(page, theme)
    finally:
        page.close()


LOOKS = """(sel) => { const e = document.querySelector(sel); if (!e) return null;
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return {w: r.width, h: r.height, bg: s.backgroundColor, border: s.borderTopWidth + " " + s.borderTopStyle,
            borderColor: s.borderTopColor, opacity: s.opacity}; }"""


def assert_legend_keys_match_the_chart(page: Any, theme: str) -> None:
    """Each key of the IOSM legend is drawn as the shape it stands for: the target an
    outlined bar (wider than high: not a check box), the achieved values filled bars in
    their bars' colours, the threshold a dashed line."""
    target, key = page.evaluate(LOOKS, ".prd-chart__target"), page.evaluate(LOOKS, ".prd-chart__key--target")
    assert parse_rgba(key["bg"])[3] == 0 and key["w"] >= 1.5 * key["h"], (theme, key)
    for prop in ("bg", "border", "borderColor", "opacity"):
        assert key[prop] == target[prop], (theme, prop, key, target)
    for state in ("met", "not-met"):
        bar, key = (
            page.evaluate(LOOKS, f".prd-chart__actual--{state}"),
            page.evaluate(LOOKS, f".prd-chart__key--{state}"),
        )
        if bar is None:
            assert key is None, (theme, state)  # no key for what is not drawn
            continue
        assert key is not None and key["bg"] == bar["bg"] and key["w"] >= 2 * key["h"], (
            theme,
            state,
            key,
            bar,
        )
    line = page.evaluate(
        "() => getComputedStyle(document.querySelector('.prd-chart__key--threshold')).borderInlineStartStyle"
    )
    assert line == "dashed", (theme, line)


SEGMENTS = """() => [...document.querySelectorAll('.prd-chart__seg')].map(g => {
    const r = getComputedStyle(g.querySelector('rect'));
    const key = g.getAttribute('class').match(/prd-status--(\\S+)/)[1];
    const sw = document.querySelector('.prd-chart__swatch.prd-status--' + key);
    return {key, fill: r.fill, stroke: r.stroke, dash: r.strokeDasharray,
            swatch: getComputedStyle(sw).backgroundColor, border: getComputedStyle(sw).borderTopStyle}; })"""


def assert_status_segments_told_apart(page: Any, theme: str) -> None:
    """Every segment of the status bar has a colour of its own, the same as its legend key:
    a status beyond the template's four (On Hold) was the neutral grey, 8 from Draft's.
    A segment for PRDs without a status is outlined (dashed), not one more grey."""
    segments = page.evaluate(SEGMENTS)
    assert len(segments) >= 5, segments
    for seg in segments:
        assert seg["swatch"] == seg["fill"], (theme, seg)
    for a, b in itertools.combinations(segments, 2):
        distance = color_distance(parse_rgba(a["fill"]), parse_rgba(b["fill"]))
        assert distance >= 20, (theme, a, b, distance)
    # No PRD of this site lacks a status: the outlined look, on a copy of a segment and key.
    page.evaluate(
        """() => { const g = document.querySelector('.prd-chart__seg'), c = g.cloneNode(true);
            c.setAttribute('class', 'prd-chart__seg prd-status--missing'); g.parentNode.appendChild(c);
            const k = document.querySelector('.prd-chart__swatch'), d = k.cloneNode(true);
            d.setAttribute('class', 'prd-chart__swatch prd-status--missing');
            k.parentNode.appendChild(d); }"""
    )
    missing = next(s for s in page.evaluate(SEGMENTS) if s["key"] == "missing")
    assert parse_rgba(missing["fill"])[3] == 0 and missing["dash"] not in ("none", ""), (theme, missing)
    assert parse_rgba(missing["swatch"])[3] == 0 and missing["border"] == "dashed", (theme, missing)


CHART_TEXT = """() => {
    // Rendered text size: an SVG text's font size times its scale on screen; HTML text as set.
    const svg = [...document.querySelectorAll('.prd-chart text')].map(t =>
        [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a]);
    const html = [...document.querySelectorAll('.prd-chart__plot span, .prd-chart__legend li')]
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize)]);
    return [...svg, ...html];
}"""


def test_chart_text_is_readable_on_a_narrow_screen(
    chromium: Any, themed: tuple[str, Site], tmp_path: Path
) -> None:
    # The charts were SVGs scaled to the column: at 400 px their labels were ~5-8 px high.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html", width=400)
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        sizes = page.evaluate(CHART_TEXT)
        assert any("Launch" in text for text, _ in sizes) and any(text == "0.86" for text, _ in sizes)
        small = [(text, round(px, 1)) for text, px in sizes if px < 11]
        assert small == [], (theme, small)
        # Each name stands above its bar, whole or cut with an ellipsis, never over the bars.
        rows = page.evaluate(
            """() => [...document.querySelectorAll('.prd-chart__row:not(.prd-chart__row--axis)')].map(r => {
                const n = r.querySelector('.prd-chart__name').getBoundingClientRect();
                const t = r.querySelector('.prd-chart__track').getBoundingClientRect();
                return [n.bottom <= t.top + 1, n.right <= document.documentElement.clientWidth,
                        t.width > 150]; })"""
        )
        assert rows and all(all(r) for r in rows), (theme, rows)
        assert page.evaluate(OVERFLOW, ".prd-charts, .prd-charts *") == []
        page.locator(".prd-charts").first.screenshot(path=str(tmp_path / f"{theme}-charts-narrow.png"))
        # On a right-to-left page the status bar starts at the right, as its legend does, and
        # its counts still read (not mirrored).
        page.evaluate("document.documentElement.dir = 'rtl'")
        segments = page.evaluate(
            """() => [...document.querySelectorAll('.prd-chart__seg')].map(g => [
                g.querySelector('rect').getBoundingClientRect().left,
                g.querySelector('text') ? g.querySelector('text').getScreenCTM().a : 1])"""
        )
        lefts = [left for left, _ in segments]
        assert lefts == sorted(lefts, reverse=True) and all(scale > 0 for _, scale in segments), (
            theme,
            segments,
        )
    finally:
        page.close()


def test_index_narrow_and_empty_state(chromium: Any, themed: tuple[str, Site], tmp_path: Path) -> None:
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html", width=400)
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        # Rows become stacked cards, every column readable without scrolling sideways.
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.prd-index__table tbody tr')).display"
        ) == ("block")
        index = page.locator(".prd-index").first
        assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1", index.element_handle())
        # The header row above the cards is a labelled row of sort buttons.
        label = page.evaluate(
            "getComputedStyle(document.querySelector('.prd-index__table thead tr'), '::before').content"
        )
        assert "Sort by" in label, label
        # A long owner name as an Owner filter option: the select (as wide as its longest
        # option) stays inside the column.
        page.evaluate(
            """() => { const o = document.createElement('option');
                o.textContent = 'Maximilian Alexander Featherstonehaugh-Wolfeschlegelsteinhausen (Risk)';
                document.querySelector('select[data-prd-filter="owner"]').appendChild(o); }"""
        )
        assert page.evaluate(OVERFLOW, ".prd-index__controls, .prd-index__controls *") == [], theme
        # Long values without spaces (an unrendered {{ … }} Date, a URL as owner, a long title)
        # wrap inside their card.
        page.evaluate(
            """() => { const row = document.querySelector('.prd-index__table tbody tr');
                row.querySelector("td[data-label='Date']").textContent =
                    '&lt;span class="git-revision-date-localized-plugin"&gt;2026-12-01&lt;/span&gt;';
                row.querySelector("td[data-label='Owner']").textContent =
                    'https://people.example.com/teams/payments-and-risk/members/priya-natarajan';
                row.querySelector("td[data-label='Title'] a").textContent = 'Supercalifragilistic'.repeat(4);
            }"""
        )
        assert page.evaluate(OVERFLOW, ".prd-index, .prd-index *") == [], theme
        # Stacked cards fit: their scroll box has nothing to scroll and is no tab stop.
        box = page.locator(".prd-index__scroll").first
        assert page.evaluate("(b) => b.scrollWidth <= b.clientWidth + 1", box.element_handle())
        assert box.get_attribute("tabindex") is None
        left, right = edge_shading(page, box)
        assert left < 0.3 and right < 0.3, (theme, left, right)  # and shows no shadow
        owner = page.locator(".prd-index__table tbody tr td[data-label='Owner']").first
        assert owner.is_visible()
        page.screenshot(path=str(tmp_path / f"{theme}-narrow.png"), full_page=True)

        empty = page.locator(".prd-index__empty")
        assert not empty.is_visible()
        page.fill("input[data-prd-filter='text']", "no such prd anywhere")
        assert empty.is_visible() and empty.inner_text().strip() == "No PRDs match."
        page.fill("input[data-prd-filter='text']", "")
        assert not empty.is_visible()
        assert not our_errors(page, theme)
    finally:
        page.close()


def test_grouped_index_hides_groups_the_filter_empties(chromium: Any, tmp_path: Path) -> None:
    # group_by: a filter that leaves a group no row hides its heading AND its table, in
    # every layout (the theme-proof table rule once outranked the [hidden] rule).
    site = build_site(tmp_path / "grouped", readable_files(), {"group_by": "status"})
    for width in (1400, 400):
        page = open_page(chromium, site.site_dir / "prds" / "index.html", width=width)
        try:
            page.wait_for_selector("[data-prd-index][data-prd-ready]")
            tables = page.locator("table[data-prd-table]")
            groups = page.locator(".prd-index__group")
            assert tables.count() == groups.count() >= 4
            page.locator('.prd-index__status-filter[data-prd-value="review"]').first.click()
            visible_tables = [i for i in range(tables.count()) if tables.nth(i).is_visible()]
            visible_groups = [
                groups.nth(i).inner_text() for i in range(groups.count()) if groups.nth(i).is_visible()
            ]
            assert len(visible_tables) == 1 and len(visible_groups) == 1 and "Review" in visible_groups[0]
            page.fill("input[data-prd-filter='text']", "no such prd anywhere")
            assert not any(tables.nth(i).is_visible() for i in range(tables.count()))
            assert page.locator(".prd-index__empty").is_visible()
            assert not page.errors
        finally:
            page.close()


def test_track_ids_never_break_mid_slug(chromium: Any, tmp_path: Path) -> None:
    # MkDocs' own theme sets `code { white-space: pre-wrap; overflow-wrap: break-word }`,
    # which beat the cell's nowrap: a long Track ID broke over lines at its hyphens.
    files = readable_files()
    long_id = "bulk-invoice-export-for-enterprise-tenants"
    files["prds/long.md"] = prd_text(
        "Long", track=long_id, owner="Mei Tanaka (Product), Luis Ortega (Design)"
    )
    site = build_site(tmp_path / "long-ids", files, {}, theme=THEMES["mkdocs"])
    for width in (1400, 400):
        page = open_page(chromium, site.site_dir / "prds" / "index.html", width=width)
        try:
            page.wait_for_selector("[data-prd-index][data-prd-ready]")
            lines = page.evaluate(
                """() => [...document.querySelectorAll('.prd-index__table td code')]
                    .map(el => [el.textContent, el.getClientRects().length])"""
            )
            if width == 1400:
                assert [long_id, 1] in lines and all(n == 1 for _, n in lines), lines
            else:  # inside its stacked card: it may wrap (at its hyphens) rather than overflow
                index = page.locator(".prd-index").first
                assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1", index.element_handle())
        finally:
            page.close()


LEGEND_OFFSETS = """() => [...document.querySelectorAll('.prd-chart__legend li')].map(li => {
    const key = li.querySelector('span').getBoundingClientRect();
    const r = document.createRange(); r.selectNodeContents(li);
    const text = [...r.getClientRects()].pop();
    return Math.abs((key.top + key.bottom) / 2 - (text.top + text.bottom) / 2); })"""


def test_readthedocs_theme_keeps_legends_tables_and_lists_ours(chromium: Any, tmp_path: Path) -> None:
    # MkDocs' readthedocs theme styles prose: 12px margins on every child of a list item (the
    # legend keys sat above their words), a blue API-signature box on the dt of any classed dl
    # (the card's fields, "Expected IOSM-Index"), cells that never wrap in every table (the IOSM
    # table's Result column, marks and gauges, went out of sight).
    site = build_site(tmp_path / "rtd", readable_files(), {}, theme={"name": "readthedocs"})
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        offsets = page.evaluate(LEGEND_OFFSETS)
        assert offsets and max(offsets) < 3, offsets
        # Its table wrapper (.wy-table-responsive) was a second scroll box inside ours, whose
        # cells never wrap: titles on one line pushed the last columns out of sight, without
        # our edge shadow or keyboard stop (ours had nothing to scroll).
        page.set_viewport_size({"width": 1280, "height": 900})
        page.evaluate(
            """() => { document.querySelector('.prd-index__table td.prd-index__nowrap code').textContent =
                'bulk-invoice-export-for-enterprise-tenants'; }"""
        )
        boxes = page.evaluate(
            """() => { const ours = document.querySelector('.prd-index__scroll');
                const theirs = ours.querySelector('.wy-table-responsive');
                const title = ours.querySelector("td[data-label='Title']");
                return {wrapper: !!theirs, theirs: theirs ? getComputedStyle(theirs).overflowX : '',
                        ours: ours.scrollWidth - ours.clientWidth, tab: ours.getAttribute('tabindex'),
                        title: getComputedStyle(title).whiteSpace,
                        id: getComputedStyle(ours.querySelector('td.prd-index__nowrap code')).whiteSpace};
            }"""
        )
        assert boxes["wrapper"] and boxes["theirs"] == "visible", boxes  # the theme's box does not scroll
        assert boxes["title"] == "normal" and boxes["id"] == "nowrap", boxes
        assert boxes["ours"] > 0 and boxes["tab"] == "0", boxes  # ours does, reachable by keyboard
        # Its code is 75% of the text: a Track ID in the index's smaller table was 9px high.
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('.prd-index__table code')]"
            ".map(c => getComputedStyle(c).fontSize)"
        )
        assert sizes and min(float(px[:-2]) for px in sizes) >= 11, sizes
    finally:
        page.close()
    page = open_page(chromium, site.site_dir / "prds" / "achieved" / "index.html", width=1280)
    try:
        looks = page.evaluate(
            """() => [...document.querySelectorAll('.prd-iosm-index dt, .prd-card__fields dt')].map(dt => {
                const s = getComputedStyle(dt);
                return [dt.textContent, s.backgroundColor, s.borderTopWidth]; })"""
        )
        assert len(looks) >= 5
        for text, bg, border in looks:
            assert parse_rgba(bg)[3] == 0 and border == "0px", (text, bg, border)
        table = page.evaluate(
            """() => { const t = document.querySelector('table.prd-iosm'), box = t.parentElement;
                return [t.getBoundingClientRect().right, box.getBoundingClientRect().right]; }"""
        )
        assert table[0] <= table[1] + 1, table  # the whole table, Result column included, in view
    finally:
        page.close()


def test_printed_index_keeps_every_column_on_the_page(chromium: Any, themed: tuple[str, Site]) -> None:
    # Paper cannot scroll: the table's scroll box cut off its last columns when printed.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html", width=700)
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        page.evaluate(
            """() => { document.querySelector('.prd-index__table td.prd-index__nowrap code').textContent =
                'bulk-invoice-export-for-enterprise-tenants'; }"""
        )
        page.emulate_media(media="print")
        fits = page.evaluate(
            """() => [...document.querySelectorAll('.prd-index__scroll')].map(b => {
                const t = b.querySelector('table').getBoundingClientRect();
                const page = document.documentElement.clientWidth;
                return [t.right <= page + 1, b.scrollWidth <= b.clientWidth + 1]; })"""
        )
        assert fits and all(all(f) for f in fits), (theme, fits)
        assert not page.locator(".prd-index__controls").first.is_visible()
    finally:
        page.close()


FORCED_LOOKS = """() => {
    // The reader's canvas colour in forced colours, from a probe the browser forces too.
    const probe = document.createElement('div');
    probe.style.background = 'Canvas'; document.body.appendChild(probe);
    const canvas = getComputedStyle(probe).backgroundColor; probe.remove();
    const all = (sel) => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length);
    const look = (e) => { const s = getComputedStyle(e);
        return {cls: e.getAttribute('class'), bg: s.backgroundColor, image: s.backgroundImage,
                border: s.borderTopStyle, borderColor: s.borderTopColor}; };
    return {canvas,
        badges: all('.prd-status, .prd-priority, .prd-band, .prd-mark, .prd-finding__severity').map(look),
        fills: all('.prd-progress__bar, .prd-gauge__actual, .prd-gauge__target, '
                   + '.prd-chart__actual--met, .prd-chart__key--met').map(look),
        hatched: all('.prd-chart__actual--not-met, .prd-chart__key--not-met').map(look),
        tracks: all('.prd-progress, .prd-gauge').map(look),
        segments: all('.prd-chart__seg rect').map(e => getComputedStyle(e).fill),
        swatches: all('.prd-chart__swatch').map(look)};
}"""


@pytest.mark.parametrize("path", ["prds/achieved.html", "prds/index.html", "prds/skeleton.html"])
def test_forced_colors_keep_badges_bars_and_keys(chromium: Any, themed: tuple[str, Site], path: str) -> None:
    # Windows High Contrast (forced colours) drops background colours: badges read as plain
    # words, the progress bars, IOSM gauges and the chart's achieved bars and legend keys
    # vanished (0.85 on the chart was a blank row).  Each must still be drawn.
    theme, site = themed
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        page.emulate_media(forced_colors="active")
        page.goto((site.site_dir / path).as_uri(), wait_until="load")
        # This site's achieved index meets its target: a missed one, as charts.py draws it, too.
        page.evaluate(
            """() => { const bar = document.querySelector('.prd-chart__actual--met');
                if (bar) { const missed = bar.cloneNode(true);
                    missed.setAttribute('class', 'prd-chart__actual prd-chart__actual--not-met');
                    bar.after(missed); } }"""
        )
        looks = page.evaluate(FORCED_LOOKS)
        canvas = parse_rgba(looks["canvas"])
        assert looks["badges"], path
        for badge in looks["badges"]:
            assert badge["border"] == "solid", (theme, path, badge)  # an outlined badge
            assert contrast(parse_rgba(badge["borderColor"]), canvas) >= 3, (theme, path, badge)
        for track in looks["tracks"]:
            assert track["border"] == "solid", (theme, path, track)
        assert looks["fills"] or path.endswith("skeleton.html"), path
        for fill in looks["fills"]:  # a filled shape in a colour that stands out (WCAG 1.4.11)
            assert contrast(parse_rgba(fill["bg"]), canvas) >= 3, (theme, path, fill)
        assert looks["hatched"] or not path.endswith("index.html"), looks
        for bar in looks["hatched"]:
            assert bar["image"].startswith("repeating-linear-gradient") and bar["border"] == "solid", bar
        # Each legend key of the status bar is its segment's colour, outlined.
        assert len(looks["swatches"]) == len(looks["segments"]), looks
        for swatch, fill in zip(looks["swatches"], looks["segments"], strict=True):
            assert swatch["bg"] == fill and swatch["border"] in ("solid", "dashed"), (theme, swatch, fill)
    finally:
        page.close()


VERY_LONG_ID = "bulk-invoice-export-for-enterprise-tenants-with-several-currencies-and-tax-regions-v2"


@pytest.mark.parametrize("theme", ["material-light", "mkdocs"])
def test_a_very_long_track_id_wraps_at_hyphens_and_leaves_the_owners_room(
    chromium: Any, tmp_path: Path, theme: str
) -> None:
    # A Track ID never wraps at desktop widths; an 85-character one took the other columns'
    # width: the owner list was ~6 characters wide (fifteen names one word a line, 40 lines).
    files = readable_files()
    files["prds/long.md"] = prd_text("Long", track=VERY_LONG_ID, owner=", ".join([LONG_OWNER] * 4))
    site = build_site(tmp_path / "very-long-id", files, {}, theme=THEMES[theme])
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        found = page.evaluate(
            """(id) => { const code = [...document.querySelectorAll('.prd-index__table td code')]
                    .find(c => c.textContent === id);
                const r = document.createRange(); r.selectNodeContents(code.firstChild);
                const tops = [...new Set([...r.getClientRects()].map(x => Math.round(x.top)))];
                // Where each line ends: the character before each line's start.
                const ends = [];
                for (let i = 1; i < id.length; i++) {
                    r.setStart(code.firstChild, i); r.setEnd(code.firstChild, i + 1);
                    const prev = document.createRange();
                    prev.setStart(code.firstChild, i - 1); prev.setEnd(code.firstChild, i);
                    if (r.getClientRects()[0].top > prev.getClientRects()[0].top + 1) ends.push(id[i - 1]);
                }
                const th = document.querySelector("th[data-prd-col='track_id']");
                const em = parseFloat(getComputedStyle(th).fontSize);
                return {lines: tops.length, ends, column: th.getBoundingClientRect().width / em}; }""",
            VERY_LONG_ID,
        )
        assert found["lines"] >= 2 and set(found["ends"]) == {"-"}, (theme, found)  # at hyphens only
        assert found["column"] < 25, (theme, found)  # it was 41em, the owners' width
        # The Track IDs of ordinary length stay whole.
        short = page.evaluate(
            """(id) => [...document.querySelectorAll('.prd-index__table td code')]
                .filter(c => c.textContent !== id).map(c => c.getClientRects().length)""",
            VERY_LONG_ID,
        )
        assert short and set(short) == {1}, short
    finally:
        page.close()


def test_card_badges_side_by_side_stand_apart(chromium: Any, themed: tuple[str, Site]) -> None:
    # "Achieved 0.86 Good ✓ Met": the band and the met mark touched ("Good✓ Met").
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html")
    try:
        gaps = page.evaluate(
            """() => [...document.querySelectorAll('.prd-card :is(.prd-band, .prd-mark, .prd-priority)')]
                .map(e => [e, e.nextElementSibling])
                .filter(([, n]) => n && n.matches('.prd-band, .prd-mark, .prd-priority'))
                .map(([a, b]) => [a.textContent + ' | ' + b.textContent,
                    b.getBoundingClientRect().left - a.getBoundingClientRect().right])"""
        )
        assert any("Met" in pair for pair, _ in gaps), gaps
        for pair, gap in gaps:
            assert gap >= 3, (theme, pair, gap)
    finally:
        page.close()


def test_decoration_glyphs_are_not_read_out(chromium: Any, themed: tuple[str, Site]) -> None:
    # The sort arrow and the <details> markers are CSS text: screen readers read the sorted
    # heading as "Track ID black up-pointing triangle" (aria-sort already says it), each chart's
    # data as "black right-pointing small triangle Chart data as a table".  Still drawn.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        page.locator("th[data-prd-col='title'] button").click()
        read = page.locator(".prd-index").first.aria_snapshot()
        assert 'button "Title"' in read and "Chart data as a table" in read, read
        assert not any(glyph in read for glyph in "▲▼▸▾"), (theme, read)
        drawn = page.evaluate(
            """() => { const q = (sel) => document.querySelector(sel);
                return [getComputedStyle(q("th[aria-sort] button"), '::after').content,
                        getComputedStyle(q('details.prd-chart__data > summary'), '::before').content]; }"""
        )
        assert "▲" in drawn[0] and "▸" in drawn[1], (theme, drawn)
    finally:
        page.close()
    # The met marks' ✓ / ✗ beside their word: "Met", not "check mark Met"; still shown.
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html")
    try:
        marks = page.locator(".prd-mark")
        assert marks.count() >= 3
        for i in range(marks.count()):
            mark = marks.nth(i)
            assert mark.inner_text().strip()[0] in "✓✗?", mark.inner_text()
            read = mark.aria_snapshot()
            assert not any(glyph in read for glyph in "✓✗?"), (theme, read)
            assert any(word in read for word in ("Met", "Not met", "Unknown")), (theme, read)
    finally:
        page.close()


def pdf_fill_colours(pdf: bytes) -> set[tuple[int, int, int]]:
    """The RGB fill colours a PDF (Chromium's, streams deflated) paints with (``r g b rg``)."""
    colours = set()
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream.group(1))
        except zlib.error:
            continue  # a font or an image
        for op in re.finditer(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|scn?)\b", data):
            r, g, b = (round(float(x) * 255) for x in op.groups())
            colours.add((r, g, b))
    return colours


PRINTED = {
    "prds/achieved.html": ".prd-card .prd-status, .prd-priority, .prd-band, .prd-mark, .prd-progress__bar, "
    ".prd-gauge__actual",
    "prds/index.html": ".prd-index__table .prd-status, .prd-chart__actual, .prd-chart__swatch",
}


@pytest.mark.parametrize("path", list(PRINTED))
def test_printed_badges_and_bars_keep_their_colours(
    chromium: Any, themed: tuple[str, Site], path: str
) -> None:
    # A browser prints no background colours unless asked (Chromium's PDF: the default), and
    # the badges, progress bars, gauges and the chart's bars and keys are background colours:
    # on the mkdocs theme the printed card had grey words for badges and blank bars.  (Material
    # sets print-color-adjust: exact on the whole page.)
    theme, site = themed
    page = open_page(chromium, site.site_dir / path)
    try:
        page.emulate_media(media="print")
        wanted = page.evaluate(
            """(sel) => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)
                .map(e => [e.getAttribute('class'), getComputedStyle(e).backgroundColor])""",
            PRINTED[path],
        )
        assert len(wanted) >= 4, wanted
        painted = pdf_fill_colours(page.pdf())
        for cls, colour in wanted:
            rgb = tuple(round(c) for c in parse_rgba(colour)[:3])
            near = any(all(abs(a - b) <= 1 for a, b in zip(rgb, p, strict=True)) for p in painted)
            assert near, (theme, path, cls, colour, sorted(painted))
    finally:
        page.close()


GAUGE_MARKS = """(rtl) => [...document.querySelectorAll('.prd-gauge')].map(g => {
    // How far from the gauge's start edge (left, or right on a right-to-left page) each part is.
    const r = g.getBoundingClientRect(), from = (x) => Math.round(rtl ? r.right - x : x - r.left);
    const mid = (e) => { const b = e.getBoundingClientRect(); return from((b.left + b.right) / 2); };
    const fill = g.querySelector('.prd-gauge__actual'), base = g.querySelector('.prd-gauge__baseline');
    const f = fill && fill.getBoundingClientRect();
    return {target: mid(g.querySelector('.prd-gauge__target')), baseline: base ? mid(base) : null,
            fill: f ? from(rtl ? f.left : f.right) : null}; })"""


def test_gauges_and_lists_on_a_right_to_left_page(chromium: Any, themed: tuple[str, Site]) -> None:
    # The gauge's fill grew from the start edge (logical), its target and baseline ticks were
    # placed from the left (physical): on a right-to-left page a target of 0.83 sat at 0.17,
    # behind an actual of 0.85.  Each part is now as far from the start edge as on a
    # left-to-right page, as the index chart's are; a finding's list of lines is indented
    # on the start side too.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "achieved.html")
    try:
        ltr = page.evaluate(GAUGE_MARKS, False)
        assert ltr and all(g["fill"] is not None for g in ltr), ltr
        page.evaluate("document.documentElement.dir = 'rtl'; document.body.dir = 'rtl'")
        rtl = page.evaluate(GAUGE_MARKS, True)
        for a, b in zip(ltr, rtl, strict=True):
            for part in ("target", "baseline", "fill"):
                if a[part] is not None:
                    assert abs(a[part] - b[part]) <= 1, (theme, part, a, b)
    finally:
        page.close()
    page = open_page(chromium, site.site_dir / "prds" / "skeleton.html")
    try:
        page.evaluate("document.documentElement.dir = 'rtl'; document.body.dir = 'rtl'")
        page.evaluate("document.querySelectorAll('details.prd-finding__details').forEach(d => d.open = true)")
        sides = page.evaluate(
            """() => [...document.querySelectorAll('.prd-finding__all')].map(l => {
                const s = getComputedStyle(l); return [s.marginLeft, s.marginRight]; })"""
        )
        assert sides, "a finding lists its lines"
        for left, right in sides:
            assert float(right[:-2]) > 0 and float(left[:-2]) == 0, (theme, left, right)
    finally:
        page.close()


def test_identifiers_read_left_to_right_on_a_right_to_left_page(
    chromium: Any, themed: tuple[str, Site]
) -> None:
    # In a right-to-left paragraph the digits of "2026-03-notification-digest" are a run of their
    # own: the index showed "notification-digest-2026-03" (and a requirement id FR-1 as 1-FR).
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        page.evaluate("document.documentElement.dir = 'rtl'; document.body.dir = 'rtl'")
        ids = ["2026-03-notification-digest", "FR-1", "42-payments"]
        lefts = page.evaluate(
            """(ids) => { const code = document.querySelector('.prd-index__table td.prd-index__nowrap code');
                return ids.map(id => { code.textContent = id;
                    const r = document.createRange(), x = (i) => {
                        r.setStart(code.firstChild, i); r.setEnd(code.firstChild, i + 1);
                        return r.getBoundingClientRect().left; };
                    return [...id].map((_, i) => x(i)); }); }""",
            ids,
        )
        for text, xs in zip(ids, lefts, strict=True):
            assert xs == sorted(xs), (theme, text, xs)  # each character right of the one before
    finally:
        page.close()


TEXT_CONTRAST = r"""() => {
    // Each text node of the plugin's parts: its colour (with its own and its ancestors' opacity)
    // over the background it sits on (translucent layers blended down to the first opaque one).
    const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
        const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
    const blend = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
    const under = el => { const layers = [];
        for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
        let base = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop() : [255, 255, 255, 1];
        for (let i = layers.length - 1; i >= 0; i--) base = blend(layers[i], base);
        return base; };
    const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
        const el = n.parentElement;
        // Links are in the theme's link colour.
        if (!n.textContent.trim() || !el.getClientRects().length || el.closest('a')) continue;
        if (!el.closest('.prd-card, .prd-iosm-block, .prd-findings, .prd-index')) continue;
        let opacity = 1;
        for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
        const fg = parse(getComputedStyle(el).color), bg = under(el);
        out.push([n.textContent.trim().slice(0, 40), el.getAttribute('class') || el.tagName,
                  blend([fg[0], fg[1], fg[2], fg[3] * opacity], bg), bg]);
    }
    return out;
}"""


@pytest.mark.parametrize("path", ["prds/achieved.html", "prds/skeleton.html", "prds/index.html"])
def test_every_text_of_ours_has_aa_contrast(chromium: Any, themed: tuple[str, Site], path: str) -> None:
    # Every word the plugin draws, the author's text in it included, against what it is drawn on:
    # the IOSM table's caption was 4.2:1 on the mkdocs theme (Bootstrap greys captions).
    theme, site = themed
    page = open_page(chromium, site.site_dir / path)
    try:
        texts = page.evaluate(TEXT_CONTRAST)
        assert len(texts) > 20, texts
        low = [(t, cls, round(contrast(tuple(fg), tuple(bg)), 2)) for t, cls, fg, bg in texts]
        low = [item for item in low if item[2] < 4.5]
        assert low == [], (theme, path, low)
    finally:
        page.close()


def test_chart_data_tables_fit_a_phone(chromium: Any, themed: tuple[str, Site]) -> None:
    # "Chart data as a table" opened at 320 px: the charts are grid items, never narrower than
    # their content by default, so a long title in the table widened the page (the sample site
    # scrolled sideways by 10 px on Material, 155 px on readthedocs).
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html", width=320)
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        page.evaluate(
            """() => { document.querySelectorAll('details.prd-chart__data').forEach(d => d.open = true);
                const cell = document.querySelectorAll('details.prd-chart__data tbody td')[0];
                cell.textContent = 'Supercalifragilisticexpialidocious'.repeat(3); }"""
        )
        wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert wide <= 0, (theme, wide)
        cells = page.evaluate(
            """() => { const page = document.documentElement.clientWidth;
                return [...document.querySelectorAll('details.prd-chart__data tbody td')]
                    .map(td => [td.textContent, td.getBoundingClientRect().right <= page + 1]); }"""
        )
        assert cells, theme
        for text, inside in cells:
            assert inside, (theme, text)
        figures = page.evaluate(
            """() => [...document.querySelectorAll('details.prd-chart__data tbody td:not(:first-child)')]
                .filter(td => td.textContent.trim()).map(td => { const r = document.createRange();
                    r.selectNodeContents(td); return [td.textContent,
                    new Set([...r.getClientRects()].map(x => Math.round(x.top))).size]; })"""
        )
        assert all(lines == 1 for _, lines in figures), (theme, figures)  # 0.86 never 0. / 86
    finally:
        page.close()


def test_a_table_that_fits_draws_no_scroll_shadows(chromium: Any, themed: tuple[str, Site]) -> None:
    # The scroll shadows were hidden by covers in the page's colour only up to their anti-aliased
    # edge: on Zensical (a box at x = 348.5) the right shadow showed as a 1 px grey line beside
    # a table that fits (test_zensical checks the pixels).  A box that fits draws none.
    theme, site = themed
    page = open_page(chromium, site.site_dir / "prds" / "index.html")
    try:
        page.wait_for_selector("[data-prd-index][data-prd-ready]")
        box = page.locator(".prd-index__scroll").first
        page.wait_for_function("(b) => !b.hasAttribute('tabindex')", arg=box.element_handle())
        assert box.evaluate("(b) => getComputedStyle(b).backgroundImage") == "none", theme
    finally:
        page.close()


def test_the_sites_approved_status_looks_approved(chromium: Any, tmp_path: Path) -> None:
    # approved_status: Freigegeben had a spare colour (purple) and the neutral nav icon, while an
    # English site's Approved PRDs are green with the check-circle icon (fresh10 §10).
    statuses = ["Entwurf", "Prüfung", "Freigegeben", "Umgesetzt"]
    files = {
        "prds/a.md": prd_text("Freigegeben", status="Freigegeben", track="a"),
        "prds/b.md": prd_text("Entwurf", status="Entwurf", track="b"),
    }
    options = {"statuses": statuses, "approved_status": "Freigegeben", "nav_status": True, "index_page": None}
    site = build_site(tmp_path / "de", files, options, theme=THEMES["material-light"])
    page = open_page(chromium, site.site_dir / "prds" / "a" / "index.html")
    try:
        look = page.evaluate(
            """() => { const badge = getComputedStyle(document.querySelector('.prd-card .prd-status'));
                const nav = document.querySelector('.md-nav .md-status--prd-freigegeben');
                const icon = nav ? getComputedStyle(nav, '::after') : null;
                return [badge.backgroundColor, icon ? (icon.maskImage || icon.webkitMaskImage) : null]; }"""
        )
        assert look[0] == "rgb(27, 94, 32)", look  # Approved's green
        check_circle = "M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10"  # the approved icon's path
        assert look[1] is not None and check_circle in look[1], look
    finally:
        page.close()
    css = (site.site_dir / "assets" / "prd" / "prd.css").read_text(encoding="utf-8")
    assert ".prd-status--freigegeben" in css and ".prd-status--entwurf" in css  # Entwurf: a spare colour
