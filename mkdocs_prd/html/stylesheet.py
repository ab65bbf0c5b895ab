"""The stylesheet the plugin adds to a site: ``assets/prd.css`` plus the site's badge colours.

MkDocs-free.  Colours from the ``status_colors`` option become CSS custom
properties on ``.prd-status--<slug>`` (and Material's ``.md-status--prd-<slug>``
navigation icon); the text colour is computed so each badge reaches WCAG AA.  Every
other status of the site (in its ``statuses`` list or written on a page) without a
colour of its own gets one of :data:`SPARE_COLORS`, so no two statuses side by side
(the index's status chart, its legend, the summary) share one grey.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping

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


SPARE_COLORS: tuple[str, ...] = ("#6a1b9a", "#00796b", "#ad1457", "#827717", "#ef6c00", "#c62828")
"""Badge colours for statuses without one of their own, in turn: purple, teal, magenta,
olive, orange, red.  Chosen apart from each other and from the template statuses' grey,
amber, green and blue (CIE76 distance 30 or more, where the old neutral grey was 8 from
Draft's); each has a text colour at 4.5:1 or more (:func:`~mkdocs_prd.html.colors.text_color_for`)."""

_OWN_COLOR = re.compile(r"\.prd-status--([\w-]+)\s*[,{]")


@functools.lru_cache(maxsize=1)
def _colored_in_css() -> frozenset[str]:
    """The status slugs ``prd.css`` colours itself (the template's four, ``missing``)."""
    return frozenset(_OWN_COLOR.findall(base_css()))


def spare_colors(statuses: Iterable[str | None], status_colors: Mapping[str, str]) -> dict[str, str]:
    """``{slug: colour}`` for each of ``statuses`` (in order, each once) that neither
    ``prd.css`` nor ``status_colors`` colours: :data:`SPARE_COLORS` in turn."""
    taken = _colored_in_css() | {slug(s) for s in status_colors}
    out: dict[str, str] = {}
    for status in statuses:
        key = slug(status) if status else ""
        if key and key not in taken and key not in out:
            out[key] = SPARE_COLORS[len(out) % len(SPARE_COLORS)]
    return out


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


_APPROVED_LOOK = re.compile(r"\.prd-status--approved, \.md-status--prd-approved \{([^}]*)\}")
_APPROVED_ICON = re.compile(r"\.md-status--prd-approved \{ (--prd-nav-icon: url\(\"[^\"]*\"\);) \}")


def approved_rules(approved: str | None, status_colors: Mapping[str, str]) -> str:
    """Approved's badge colours and navigation icon for the site's approved status when it has
    another name (``approved_status: Freigegeben``, or ``Genehmigt`` meaning Approved): it had a
    spare colour and the neutral icon, unlike the PRDs approved on an English site.  Nothing
    when it is ``Approved`` or ``status_colors`` gives it a colour (the icon still follows)."""
    key = slug(approved) if approved else ""
    if not key or key == "approved":
        return ""
    look = _APPROVED_LOOK.search(base_css())
    icon = _APPROVED_ICON.search(base_css())
    parts = [] if look is None or key in {slug(s) for s in status_colors} else [look.group(1).strip()]
    parts += [icon.group(1)] if icon is not None else []
    return f".prd-status--{key}, .md-status--prd-{key} {{ {' '.join(parts)} }}" if parts else ""


def stylesheet(
    status_colors: Mapping[str, str], statuses: Iterable[str | None] = (), approved: str | None = None
) -> str:
    """The full stylesheet for a site; ``statuses``: the site's (its ``statuses`` option,
    then those its PRDs and merged indexes state), for :func:`spare_colors`; ``approved``: the
    site's approved status, which looks as Approved does (:func:`approved_rules`)."""
    approved_key = slug(approved) if approved else ""
    spare = spare_colors((s for s in statuses if not s or slug(s) != approved_key), status_colors)
    out = base_css()
    own = approved_rules(approved, status_colors)
    if own:
        out += f"\n/* the site's approved status */\n{own}\n"
    if spare:
        out += "\n/* statuses without a colour of their own */\n" + status_color_rules(spare) + "\n"
    rules = status_color_rules(status_colors)
    if rules:
        out += f"\n/* status_colors from mkdocs.yml */\n{rules}\n"
    return out
