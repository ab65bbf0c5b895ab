"""Plain text from the config, made safe to place in Markdown the plugin generates.

The index page and the traceability matrix page are Markdown pages the plugin hands
to MkDocs; their titles come from the config (``index_title``, labels).  A title is
text: it must render as exactly what was written, so no tag, link, image, attribute
list (``{: onclick=... }``) or entity in it may come alive.
"""

from __future__ import annotations

import html
import json

# Python-Markdown's backslash escapes (its ESCAPED_CHARS) for the punctuation that starts
# inline markup, attribute lists and emphasis; '&' and '<' as entities (raw HTML, autolinks
# and character references); '>' as an entity too, so no tag can ever be closed by it.
_ESCAPES = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_{}[]()#+-.!"},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)


def markdown_text(text: str) -> str:
    """``text`` on one line, escaped so Python-Markdown renders it as that text.

    Runs of whitespace (line breaks included) become one space.  For Markdown the
    plugin writes itself, e.g. ``f"# {markdown_text(title)}"``.
    """
    return " ".join(text.split()).translate(_ESCAPES)


def page_head(title: str, *, hide_toc: bool = False) -> str:
    """Front matter and H1 of a page the plugin generates, for the config text ``title``.

    The H1 is :func:`markdown_text`.  The front matter's ``title`` is the same text
    HTML-escaped: themes print a page's title into ``<title>`` and the navigation
    without escaping it, and Material's ``striptags`` would turn the entities of a
    title read from the H1 back into tags (``&lt;/title&gt;`` -> ``</title>``).
    """
    text = " ".join(title.split())
    meta = [f"title: {json.dumps(html.escape(text))}"]
    if hide_toc:
        # Material's empty table-of-contents column would only narrow the page (other themes ignore it).
        meta += ["hide:", "  - toc"]
    return "---\n" + "\n".join(meta) + f"\n---\n\n# {markdown_text(text)}\n\n"
