"""The stylesheet the plugin adds to a site: ``assets/prd.css`` plus the site's badge colours.

MkDocs-free.  Colours from the ``status_colors`` option become CSS custom
properties on ``.prd-status--<slug>`` (and Material's ``.md-status--prd-<slug>``
navigation icon); the text colour is computed so each badge reaches WCAG AA.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping

from mkdocs_prd.html.colors import parse_color, text_color_for
from mkdocs_prd.html.views import slug

ASSETS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assets")

CSS_URI = "assets/prd/prd.css"
"""Where the stylesheet is served, relative to the site root."""

INDEX_ASSETS: tuple[str, ...] = ("prd-index.css", "prd-index.js")
"""The index's browser files (in :data:`ASSETS_DIR`), served from the site under ``assets/prd/``."""


def color_problem(value: str) -> str | None:
    """Why ``value`` cannot be a badge colour, or None when it can."""
    if parse_color(value) is None:
        return f"{value!r} is not a colour whose contrast can be checked; use #rrggbb, #rgb or rgb(r, g, b)"
    return None


@functools.lru_cache(maxsize=1)
def base_css() -> str:
    """The package's ``prd.css`` (read once per process)."""
    with open(os.path.join(ASSETS_DIR, "prd.css"), encoding="utf-8") as fd:
        return fd.read()


def status_color_rules(status_colors: Mapping[str, str]) -> str:
    """CSS rules for the site's badge colours; values must pass :func:`color_problem`."""
    rules: list[str] = []
    for status, value in sorted(status_colors.items(), key=lambda kv: slug(kv[0])):
        rgb = parse_color(value)
        if rgb is None:
            continue
        key = slug(status)
        # Re-serialise the parsed colour: nothing from the config reaches the CSS verbatim.
        bg = "#{:02x}{:02x}{:02x}".format(*(round(c) for c in rgb))
        rules.append(
            f".prd-status--{key}, .md-status--prd-{key} "
            f"{{ --prd-status-bg: {bg}; --prd-status-fg: {text_color_for(rgb)}; }}"
        )
    return "\n".join(rules)


def stylesheet(status_colors: Mapping[str, str]) -> str:
    """The full stylesheet for a site."""
    rules = status_color_rules(status_colors)
    if not rules:
        return base_css()
    return f"{base_css()}\n/* status_colors from mkdocs.yml */\n{rules}\n"
