"""HTML fragments for PRD pages, from the Jinja templates in ``templates/``.

MkDocs-free.  Escaping happens here: the environment autoescapes, so every value
from a document is escaped in every fragment.  A site overrides a fragment by
putting a file of the same name in ``<theme custom_dir>/prd/`` (for example
``overrides/prd/card.html``); see :data:`TEMPLATE_NAMES`.

One :class:`Renderer` is made per build, so templates are compiled once per build
rather than once per page; the compiled code is also kept between builds in Jinja's
bytecode cache (a folder of the user's own in the system temp folder, see
:func:`bytecode_cache`), so a build loads it instead of compiling the templates again.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    Template,
    TemplateError,
)
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from mkdocs_prd.core.actuals import IosmActuals
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import Finding, Prd
from mkdocs_prd.core.parse.inline import code_spans, inline_pieces
from mkdocs_prd.core.safe import link_url
from mkdocs_prd.core.sitewide.index import owner_names
from mkdocs_prd.html.titles import Titles
from mkdocs_prd.html.views import card_view, findings_view, iosm_view, priority_key, slug

if TYPE_CHECKING:  # (only in annotations: git and its modules load when history is on)
    from mkdocs_prd.core.review.history import PrdHistory

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

TEMPLATE_NAMES: tuple[str, ...] = (
    "card.html",
    "badge.html",
    "priority.html",
    "iosm_table.html",
    "findings.html",
    "mark.html",
    "trace_block.html",
    "trace_matrix.html",
    "history.html",
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


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, where a cache file that cannot be read or written is no error:
    the template is then compiled as it would be without a cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.lru_cache(maxsize=1)
def bytecode_cache() -> FileSystemBytecodeCache | None:
    """The templates' compiled code between builds: Jinja's per-user folder in the temp
    folder (``_jinja2-cache-<uid>``, mode 0700, refused when another user owns it).

    Entries are keyed by template name and checksummed source, so an edited template
    or a site's override is compiled afresh.  None (compile every build) when no safe
    folder can be had.
    """
    try:
        return _QuietBytecodeCache()
    except (OSError, RuntimeError):
        return None


class Renderer:
    """Renders the header card, badges, IOSM table and findings panel of PRD pages.

    ``material`` switches the findings panel to Material's admonition markup.
    """

    def __init__(
        self,
        labels: Labels | None = None,
        overrides: Sequence[str] = (),
        *,
        material: bool = False,
        titles: Titles | None = None,
    ) -> None:
        self.labels = labels if labels is not None else Labels()
        self.material = material
        # PRD titles as their H1 shows them (the site's Markdown), for the index and charts.
        self.titles = titles if titles is not None else Titles()
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(list(overrides)), FileSystemLoader(TEMPLATES_DIR)]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # One Renderer per build: no need to stat template files on every use.
            auto_reload=False,
            bytecode_cache=bytecode_cache(),
        )
        self._templates: dict[str, Template] = {}
        # Badges repeat (a few statuses and priorities over a whole site): render each once.
        self._badges: dict[tuple[str, str | None], Markup] = {}
        # Globals, so the index page's templates (and a site's overrides) can use them.
        self.env.globals.update(
            labels=self.labels,
            status_badge=self.status_badge,
            priority_badge=self.priority_badge,
            mark=self.mark,
            slug=slug,
            owner_names=owner_names,
            title_html=self.titles.html,
            title_text=self.titles.text,
        )
        self.env.filters["inline_code"] = inline_code
        self.env.filters["inline_value"] = functools.partial(inline_value, shown_text=self.titles.with_emoji)

    def _render(self, name: str, **context: object) -> Markup:
        try:
            template = self._templates.get(name)
            if template is None:
                template = self._templates[name] = self.env.get_template(name)
            return Markup(template.render(**context).strip())
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or name
            line = getattr(exc, "lineno", None)
            raise RenderError(f"template {where}{f':{line}' if line else ''}: {exc}") from exc

    def fragment(self, name: str, **context: object) -> Markup:
        """Template ``name`` rendered with ``context`` (autoescaped); raises :class:`RenderError`."""
        return self._render(name, **context)

    def status_badge(self, status: str | None) -> Markup:
        """``<span class="prd-status prd-status--<slug>">`` with the status as written."""
        cached = self._badges.get(("status", status))
        if cached is not None:
            return cached
        text = status if status and status.strip() else self.labels.get("status_missing")
        badge = self._badges["status", status] = self._render(
            "badge.html",
            status=text,
            slug=slug(text) if status and status.strip() else "missing",
            aria=self.labels.format("status_aria", status=text),
        )
        return badge

    def priority_badge(self, priority: str) -> Markup:
        """``<span class="prd-priority prd-priority--must">Must</span>`` (``--other`` if unknown)."""
        cached = self._badges.get(("priority", priority))
        if cached is not None:
            return cached
        badge = self._badges["priority", priority] = self._render(
            "priority.html",
            priority=priority,
            key=priority_key(priority),
            aria=self.labels.format("priority_aria", priority=priority),
        )
        return badge

    def mark(self, mark: str | None) -> Markup:
        """The met / not met / unknown mark: symbol and word, never colour alone."""
        key = mark if mark in ("met", "not_met") else "unknown"
        cached = self._badges.get(("mark", key))
        if cached is not None:
            return cached
        badge = self._badges["mark", key] = self._render("mark.html", mark=key)
        return badge

    def card(
        self,
        prd: Prd,
        coverage: Sequence[object] = (),
        actuals: IosmActuals | None = None,
        history: PrdHistory | None = None,
        statuses: Sequence[str] = (),
    ) -> Markup:
        """The header card that replaces the bold metadata lines.

        ``coverage`` (traceability) lists per priority how many requirements are verified;
        ``actuals`` add the achieved IOSM-Index when known; ``history`` (``history: true``)
        adds when the status was reached, the last change and the status timeline from git.
        The status badge spells the status as the site's ``statuses`` do.
        """
        view = card_view(prd, self.labels, actuals, statuses)
        return self._render(
            "card.html", card=view, prd=prd, coverage=coverage, history=history, status=view.status
        )

    def iosm_table(self, prd: Prd, actuals: IosmActuals | None = None) -> Markup:
        """Section 10 as one ``table.prd-iosm`` plus the expected IOSM-Index."""
        view = iosm_view(prd, actuals or IosmActuals(), self.labels)
        return self._render("iosm_table.html", iosm=view, prd=prd, actuals=actuals)

    def findings(self, findings: Sequence[Finding]) -> Markup:
        """The findings panel; empty markup when there is nothing to show."""
        if not findings:
            return Markup("")
        return self._render("findings.html", findings=findings_view(findings), material=self.material)


def inline_code(text: str) -> Markup:
    """``text`` escaped, with its Markdown code spans (```x```) as ``<code>`` elements
    (found by :func:`~mkdocs_prd.core.parse.inline.code_spans`, linear in the text).

    Rule messages quote the author's text in backticks; on a page that reads as code,
    not as literal backticks.  Everything is escaped first, so nothing else is markup.
    """
    escaped = str(escape(text))
    out: list[str] = []
    pos = 0
    for start, code_start, code_end, end in code_spans(escaped):
        code = escaped[code_start:code_end]
        out.append(f"{escaped[pos:start]}<code>{code.strip() or code}</code>")
        pos = end
    out.append(escaped[pos:])
    return Markup("".join(out))


def inline_value(text: str, shown_text: Callable[[str], Markup] = escape) -> Markup:
    """A metadata value as the page would show it, safe: code spans as ``<code>``, links
    to an ``http(s):`` or ``mailto:`` URL as ``<a>``, any other link and emphasis as
    their text (see :func:`~mkdocs_prd.core.parse.inline.inline_pieces`).  Everything is
    escaped; plain text through ``shown_text`` (a Renderer's shows emoji shortcodes as the
    site's emoji extension does: :meth:`~mkdocs_prd.html.titles.Titles.with_emoji`)."""
    out: list[str] = []
    for kind, shown, url in inline_pieces(text):
        href = _card_href(url) if kind == "link" else None
        if kind == "code":
            out.append(f"<code>{escape(shown)}</code>")
        elif href is not None:
            out.append(f'<a href="{escape(href)}">{shown_text(shown)}</a>')
        else:
            out.append(str(shown_text(shown)))
    return Markup("".join(out))


def _card_href(url: str) -> str | None:
    """``url`` when it may be a link on the card: absolute ``http(s):`` or ``mailto:``
    (a relative link would point elsewhere from the card than from the author's line)."""
    if url[:7].lower() == "mailto:" and not any(c.isspace() or c in "\"'<>" for c in url):
        return url
    href = link_url(url)
    return href if href is not None and href[:6].lower() in ("http:/", "https:") else None


@functools.lru_cache(maxsize=1)
def _default_renderer() -> Renderer:
    return Renderer()


def status_badge(status: str | None, labels: Labels | None = None) -> Markup:
    """A status badge with the package templates, for callers without a :class:`Renderer`.

    In a build prefer ``Renderer.status_badge`` (site labels and overrides, compiled once).
    """
    renderer = _default_renderer() if labels is None else Renderer(labels)
    return renderer.status_badge(status)
