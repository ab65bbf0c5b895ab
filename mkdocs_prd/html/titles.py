"""PRD titles in the index and its charts, as the page's H1 shows them, made safe.

A title is Markdown: ``🚀 Launch :rocket:``, ``<b>New</b> checkout``, ``The `pay` API``.
The page's H1 shows it rendered by the site's Markdown extensions (``pymdownx.emoji``
turns ``:rocket:`` into an emoji); the index shows the same.  The host adapter renders a
title with the site's extensions (a :data:`TitleMarkup`); :class:`Titles` makes the
result safe with an allow-list sanitiser (``nh3``): inline formatting and inline SVG
icons stay, an image (an emoji's included) is its alt text, anything else (scripts,
event handlers, ``javascript:`` URLs, links inside the title's own link, classes but the
emoji extension's) goes, its text kept.  Without a :data:`TitleMarkup` (no host, or a
title the host cannot render) a title reads as text with its inline HTML removed, as
before.  :meth:`Titles.text` is the plain text (emoji images as their ``alt`` text) for
sorting and for the charts' SVG labels.  Pure and cached: a site has few distinct titles.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import nh3
from markupsafe import Markup, escape

TitleMarkup = Callable[[str], str]
"""A title -> the (untrusted) HTML the site's Markdown makes of it, as in its H1."""

_INLINE = {"b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "code", "kbd"}
_TAGS = _INLINE | {"span", "abbr", "img", "svg", "path", "g", "br"}
# The narrowest list that still shows what titles hold: an emoji image is shown as its alt
# text (the emoji's own character), never fetched (a remote src lets its server see every
# reader of the index, and a relative one points elsewhere from the index's folder); an
# inline SVG icon (Material's ``:material-rocket:`` in ``<span class="twemoji">``) stays,
# with no attribute that can load a resource or resize the row.  Only the emoji
# extension's own span classes stay: another class would borrow the theme's styles.
_ATTRIBUTES = {
    "span": {"title"},
    "abbr": {"title"},
    "img": {"alt"},
    "svg": {"xmlns", "viewBox", "aria-hidden"},
    "path": {"d", "fill-rule", "clip-rule"},
}
_CLASSES = {"span": {"twemoji", "emojione", "gemoji", "joypixels", "emoji"}}
_MARKUP_CHARS = frozenset("*_`<>&:[]~^=\\!{}+")
"""A title without any of these renders as itself (the common case: no Markdown work)."""
_PARAGRAPH = re.compile(r"\A\s*<p>(.*)</p>\s*\Z", re.DOTALL)
_IMG_ALT = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"[^>]*>", re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,80}:")
"""An emoji shortcode as pymdownx.emoji reads one (``:rocket:``, ``:+1:``, ``:material-rocket:``)."""


class Titles:
    """Titles as safe HTML (:meth:`html`) and as plain text (:meth:`text`).

    ``markup`` renders a title with the site's Markdown; None: titles read as text.
    """

    def __init__(self, markup: TitleMarkup | None = None) -> None:
        self.markup = markup
        self._html: dict[str, Markup] = {}

    def html(self, title: str) -> Markup:
        """``title`` as the page's H1 shows it, safe to put in any element's content."""
        done = self._html.get(title)
        if done is None:
            done = self._html[title] = self._render(title)
        return done

    def with_emoji(self, text: str) -> Markup:
        """``text`` escaped, each emoji shortcode in it (``:bust_in_silhouette:``) as the site's
        emoji extension shows it (the emoji, or Material's inline SVG icon), made safe as a
        title is; a shortcode the site's Markdown leaves as it is stays text.  Without a
        :data:`TitleMarkup` or a shortcode: ``text`` escaped."""
        if self.markup is None or ":" not in text:
            return escape(text)
        out: list[str] = []
        pos = 0
        for m in _SHORTCODE.finditer(text):
            shown = self.html(m.group())
            out += [
                str(escape(text[pos : m.start()])),
                shown if plain_text(shown) != m.group() else m.group(),
            ]
            pos = m.end()
        out.append(str(escape(text[pos:])))
        return Markup("".join(out))

    def text(self, title: str) -> str:
        """``title``'s plain text: tags removed, an emoji image read as its ``alt`` text."""
        return plain_text(self.html(title))

    def _render(self, title: str) -> Markup:
        if self.markup is None:
            return escape(Markup(title).striptags())
        if not _MARKUP_CHARS.intersection(title):
            return escape(title)
        try:
            rendered = self.markup(title)
        except Exception:  # a site's extension failing on one title: read it as text
            return escape(Markup(title).striptags())
        return safe_inline_html(rendered)


def safe_inline_html(rendered: str) -> Markup:
    """Rendered title HTML without its paragraph, through the allow-list: safe inline HTML."""
    m = _PARAGRAPH.match(rendered)
    inner = m.group(1) if m is not None else rendered
    clean = nh3.clean(
        inner,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes={"http", "https"},
        link_rel=None,
        strip_comments=True,
        # A <script> or <style> in a title loses its tags but keeps its text, never its effect.
        clean_content_tags=set(),
    )
    # An image as its alt text: the sanitiser's output quotes it as an attribute (``<`` raw).
    clean = _IMG.sub(lambda m: _alt_text(m.group(0)), clean).replace(' class=""', "")
    return Markup(" ".join(clean.split()))


def _alt_text(img: str) -> str:
    m = _IMG_ALT.match(img)
    return str(escape(html.unescape(m.group(1)))) if m is not None else ""


def plain_text(markup: str) -> str:
    """The text of safe inline HTML: ``<img alt="🚀">`` -> ``🚀``, tags removed, entities decoded."""
    with_alt = _IMG_ALT.sub(lambda m: m.group(1), markup)
    return " ".join(html.unescape(_TAG.sub("", with_alt)).split())
