"""HTML fragments for PRD pages, from the Jinja templates in ``templates/``.

MkDocs-free.  Escaping happens here: the environment autoescapes, so every value
from a document is escaped in every fragment.  A site overrides a fragment by
putting a file of the same name in ``<theme custom_dir>/prd/`` (for example
``overrides/prd/card.html``); see :data:`TEMPLATE_NAMES`.

One :class:`Renderer` is made per build, so templates are compiled once per build
rather than once per page.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, TemplateError
from markupsafe import Markup

from mkdocs_prd.actuals import IosmActuals
from mkdocs_prd.labels import Labels
from mkdocs_prd.model import Finding, Prd
from mkdocs_prd.views import card_view, findings_view, iosm_view, priority_key, slug

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

TEMPLATE_NAMES: tuple[str, ...] = (
    "card.html",
    "badge.html",
    "priority.html",
    "iosm_table.html",
    "findings.html",
)
"""The fragments a site may override, each by a file of this name."""

OVERRIDE_SUBDIR = "prd"
"""Overrides live in this folder of the theme's ``custom_dir``."""


class RenderError(Exception):
    """A template (usually a site's override) failed to load or render."""


def override_dirs(custom_dir: str | None) -> tuple[str, ...]:
    """The override folders for a theme ``custom_dir``: ``<custom_dir>/prd`` if it exists."""
    if not custom_dir:
        return ()
    path = os.path.join(custom_dir, OVERRIDE_SUBDIR)
    return (path,) if os.path.isdir(path) else ()


class Renderer:
    """Renders the header card, badges, IOSM table and findings panel of PRD pages.

    ``material`` switches the findings panel to Material's admonition markup.
    """

    def __init__(
        self, labels: Labels | None = None, overrides: Sequence[str] = (), *, material: bool = False
    ) -> None:
        self.labels = labels if labels is not None else Labels()
        self.material = material
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(list(overrides)), FileSystemLoader(TEMPLATES_DIR)]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        # Globals, so the index page's templates (and a site's overrides) can use them.
        self.env.globals.update(
            labels=self.labels,
            status_badge=self.status_badge,
            priority_badge=self.priority_badge,
            slug=slug,
        )

    def _render(self, name: str, **context: object) -> Markup:
        try:
            return Markup(self.env.get_template(name).render(**context).strip())
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or name
            line = getattr(exc, "lineno", None)
            raise RenderError(f"template {where}{f':{line}' if line else ''}: {exc}") from exc

    def status_badge(self, status: str | None) -> Markup:
        """``<span class="prd-status prd-status--<slug>">`` with the status as written."""
        text = status if status and status.strip() else self.labels.get("status_missing")
        return self._render(
            "badge.html",
            status=text,
            slug=slug(text) if status and status.strip() else "missing",
            aria=self.labels.format("status_aria", status=text),
        )

    def priority_badge(self, priority: str) -> Markup:
        """``<span class="prd-priority prd-priority--must">Must</span>`` (``--other`` if unknown)."""
        return self._render(
            "priority.html",
            priority=priority,
            key=priority_key(priority),
            aria=self.labels.format("priority_aria", priority=priority),
        )

    def card(self, prd: Prd) -> Markup:
        """The header card that replaces the bold metadata lines."""
        return self._render("card.html", card=card_view(prd, self.labels), prd=prd)

    def iosm_table(self, prd: Prd, actuals: IosmActuals | None = None) -> Markup:
        """Section 10 as one ``table.prd-iosm`` plus the expected IOSM-Index."""
        view = iosm_view(prd, actuals or IosmActuals(), self.labels)
        return self._render("iosm_table.html", iosm=view, prd=prd, actuals=actuals)

    def findings(self, findings: Sequence[Finding]) -> Markup:
        """The findings panel; empty markup when there is nothing to show."""
        if not findings:
            return Markup("")
        return self._render("findings.html", findings=findings_view(findings), material=self.material)


@functools.lru_cache(maxsize=1)
def _default_renderer() -> Renderer:
    return Renderer()


def status_badge(status: str | None, labels: Labels | None = None) -> Markup:
    """A status badge with the package templates, for callers without a :class:`Renderer`.

    In a build prefer ``Renderer.status_badge`` (site labels and overrides, compiled once).
    """
    renderer = _default_renderer() if labels is None else Renderer(labels)
    return renderer.status_badge(status)
