"""Values the plugin hands to the theme (``extra.status``, ``page.meta``), made safe.

MkDocs renders themes without autoescape, and Material prints ``extra.status``
titles straight into a ``title="..."`` attribute of every page's navigation.  So
every text the plugin puts into a theme variable goes through :func:`theme_text`.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import Prd
from mkdocs_prd.html.views import slug


def theme_text(text: str) -> Markup:
    """``text`` HTML-escaped (quotes included), as Markup.

    Safe in element text and in quoted attributes whether or not the theme's
    environment autoescapes: Markup is printed as-is by an autoescaping template,
    and is already escaped text for one that does not.
    """
    return escape(text)


def nav_status_id(status: str) -> str:
    """The namespaced Material page-status id of a PRD status: ``Approved`` -> ``prd-approved``.

    Letters, digits and ``-`` only (see :func:`~mkdocs_prd.html.views.slug`), so it is
    safe as a CSS class and as a key in ``extra.status``.
    """
    return "prd-" + slug(status)


def status_titles(prds: Iterable[Prd], labels: Labels) -> dict[str, Markup]:
    """``{nav status id: tooltip}`` for Material's ``extra.status``; every tooltip escaped."""
    return {
        nav_status_id(p.status): theme_text(labels.format("status_aria", status=p.status))
        for p in prds
        if p.status
    }
