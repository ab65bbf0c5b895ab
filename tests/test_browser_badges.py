"""Badges in a real browser: visible, and WCAG AA text contrast from the computed styles.

Debian's Chromium (``/usr/bin/chromium``) via Playwright; skipped with a plain
message when it is not installed.  Pages are opened from disk with every non-file
request blocked, so nothing reaches the network.  Screenshots go to ``tmp_path``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site
from render_sites import prd_text

pytestmark = pytest.mark.browser

STATUSES = {
    "draft": "Draft",
    "review": "Review",
    "approved": "Approved",
    "implemented": "Implemented",
    "odd": "On Hold",
}

THEMES: dict[str, dict[str, Any]] = {
    "material-light": {"name": "material", "font": False, "palette": {"scheme": "default"}},
    "material-dark": {"name": "material", "font": False, "palette": {"scheme": "slate"}},
    "mkdocs": {"name": "mkdocs"},
}

REPORT = """**Baseline Index:** 0.60
**Final Index:** 0.66

| Gate | Target | Baseline | Final | Status | Δ |
|------|--------|----------|-------|--------|---|
| Gate-I | ≥0.70 | 0.60 | 0.91 | PASS | +0.31 |
| Gate-O | ≥0.60 | 0.50 | 0.40 | FAIL | -0.10 |
"""

BADGES = ".prd-status, .prd-priority, .prd-band, .prd-mark"

_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_rgba(text: str) -> tuple[float, float, float, float]:
    """``rgb(1, 2, 3)`` / ``rgba(1, 2, 3, 0.5)`` as computed by the browser."""
    m = _RGB.fullmatch(text.strip())
    assert m is not None, f"unexpected computed colour {text!r}"
    alpha = m.group(4)
    a = 1.0 if alpha is None else (float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha))
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), a


def luminance(r: float, g: float, b: float) -> float:
    """WCAG 2.x relative luminance (independent of the package's own implementation)."""

    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(fg: tuple[float, float, float, float], bg: tuple[float, float, float, float]) -> float:
    hi, lo = sorted((luminance(*fg[:3]), luminance(*bg[:3])), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module", params=list(THEMES))
def themed_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Site]:
    name: str = request.param
    files = {
        f"prds/{slug}.md": prd_text(
            f"{status} PRD", status=status, track=f"t-{slug}", priorities=("Must", "Should", "Could")
        )
        for slug, status in STATUSES.items()
    }
    files["prds/iosm_report.md"] = REPORT
    built = build_site(
        tmp_path_factory.mktemp(name),
        files,
        {"nav_status": True, "show_findings": "never", "index_page": None, "paths": ["prds/*.md"]},
        theme=THEMES[name],
        config={"use_directory_urls": False},
    )
    return name, built


def open_page(chromium: Any, path: Path) -> Any:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    # Offline by construction: only the built files may load.
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.goto(path.as_uri(), wait_until="load")
    return page


@pytest.mark.parametrize("slug", list(STATUSES))
def test_badges_are_visible_with_aa_contrast(
    chromium: Any, themed_site: tuple[str, Site], slug: str, tmp_path: Path
) -> None:
    theme, site = themed_site
    page = open_page(chromium, site.site_dir / "prds" / f"{slug}.html")
    try:
        if theme == "material-dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        badge = page.locator("article .prd-card .prd-status, div[role=main] .prd-card .prd-status").first
        assert badge.is_visible()
        assert badge.inner_text().strip() == STATUSES[slug]
        assert badge.get_attribute("aria-label") == f"Status: {STATUSES[slug]}"
        box = badge.bounding_box()
        assert box is not None and box["width"] > 10 and box["height"] > 8
        badge.screenshot(path=str(tmp_path / f"{theme}-{slug}-badge.png"))
        page.screenshot(path=str(tmp_path / f"{theme}-{slug}.png"), full_page=True)

        styles = page.evaluate(
            """(sel) => [...document.querySelectorAll(sel)].map(el => {
                const s = getComputedStyle(el);
                return {cls: el.className, text: el.innerText, fg: s.color, bg: s.backgroundColor,
                        visible: el.getClientRects().length > 0};
            })""",
            BADGES,
        )
        kinds = {re.sub(r"--.*", "", s["cls"].split()[-1]) for s in styles}
        # status, the three priorities (card and requirements), the rating band, met marks.
        assert {"prd-status", "prd-priority", "prd-band", "prd-mark"} <= kinds, kinds
        for s in styles:
            fg, bg = parse_rgba(s["fg"]), parse_rgba(s["bg"])
            assert bg[3] == 1.0, f"{s['cls']}: badge background must be opaque, got {s['bg']}"
            ratio = contrast(fg, bg)
            assert ratio >= 4.5, f"{theme}: {s['cls']} {s['text']!r}: {s['fg']} on {s['bg']} is {ratio:.2f}:1"
            assert s["visible"], s["cls"]
    finally:
        page.close()
    assert (tmp_path / f"{theme}-{slug}.png").stat().st_size > 1000


@pytest.mark.parametrize("themed_site", ["material-light", "material-dark"], indirect=True)
def test_material_nav_shows_prd_status_icons(chromium: Any, themed_site: tuple[str, Site]) -> None:
    _theme, site = themed_site
    page = open_page(chromium, site.site_dir / "prds" / "approved.html")
    try:
        icon = page.evaluate(
            """() => {
                const el = document.querySelector('.md-nav .md-status--prd-approved');
                if (!el) return null;
                const s = getComputedStyle(el, '::after');
                return {mask: s.maskImage || s.webkitMaskImage, title: el.getAttribute('title'),
                        width: parseFloat(s.width)};
            }"""
        )
        assert icon is not None, "the approved PRD's nav entry has Material's status icon"
        assert icon["mask"].startswith('url("data:image/svg+xml') and icon["width"] > 0
        assert icon["title"] == "Status: Approved"
        odd = page.evaluate("document.querySelectorAll('.md-nav .md-status--prd-on-hold').length")
        assert odd >= 1
    finally:
        page.close()
