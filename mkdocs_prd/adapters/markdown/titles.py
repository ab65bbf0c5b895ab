"""PRD titles rendered by the site's own Markdown extensions, as the page's H1 is.

``# PRD: 🚀 Launch :rocket:`` shows an emoji in the H1 where the site lists
``pymdownx.emoji``, and the text ``:rocket:`` where it does not; the index must show
the same.  :func:`title_markup` builds one Python-Markdown instance with the site's
``markdown_extensions`` and their configs (ours left out) and returns a function that
renders a title with it.  The HTML it returns is untrusted:
:class:`~mkdocs_prd.html.titles.Titles` sanitises it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import markdown

from mkdocs_prd.core.safe import TerminalFilter
from mkdocs_prd.html.titles import TitleMarkup

log = logging.getLogger(__name__)
log.addFilter(TerminalFilter())  # an extension's error may quote the title

_OURS = ("mkdocs_prd", "prd_lists")
"""Extensions of this package (by name or class module): they act on PRD pages, not titles."""


def title_markup(extensions: Sequence[object], configs: Mapping[str, object] | None = None) -> TitleMarkup:
    """A renderer of titles with ``extensions`` (names or Extension objects, as MkDocs lists
    them) configured by ``configs``.  It raises ``ValueError`` when Python-Markdown cannot
    load them (then :class:`~mkdocs_prd.html.titles.Titles` reads titles as text)."""
    kept = [
        ext
        for ext in extensions
        if not (isinstance(ext, str) and ext.startswith(_OURS))
        and not (not isinstance(ext, str) and type(ext).__module__.startswith(_OURS))
    ]
    names = {ext for ext in kept if isinstance(ext, str)}
    wanted = {k: v for k, v in (configs or {}).items() if k in names and isinstance(v, Mapping)}
    made: list[markdown.Markdown | None] = []

    def render(title: str) -> str:
        # Built on first use: a site whose titles are plain text never pays for it.
        if not made:
            try:
                made.append(markdown.Markdown(extensions=kept, extension_configs=wanted))  # type: ignore[arg-type]
            except Exception as exc:  # an extension of the site that does not load here
                log.debug(f"prd: titles read as text: {exc}")
                made.append(None)
        md = made[0]
        if md is None:
            raise ValueError("the site's Markdown extensions do not load here")
        return md.reset().convert(title)

    return render
