"""What a hostile value could make a browser run: event handlers and script URLs in parsed HTML.

The page is read with :mod:`html.parser` (as a browser tokenises it), never with a
regular expression: an attribute counts only if the parser sees one.
"""

from __future__ import annotations

from html.parser import HTMLParser

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"})
_DANGEROUS = ("javascript:", "data:", "vbscript:")


def _scheme_of(value: str) -> str:
    # As browsers read it: leading blanks and controls stripped, tabs and line breaks removed.
    cleaned = "".join(ch for ch in value.lstrip("".join(map(chr, range(0x21)))) if ch not in "\t\n\r")
    return cleaned.lower()


class _Scan(HTMLParser):
    # Browsers read the inside of <title> and <textarea> as text up to their end tag (RCDATA),
    # as html.parser reads <script> and <style>: a theme's <title> with a page title's
    # decoded `<img onerror=...>` text in it runs nothing.
    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.elements: list[str] = []  # script-capable elements, with their attributes
        self.scripts: list[str] = []  # the text inside <script> elements
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            script_url = name in URL_ATTRIBUTES and value and _scheme_of(value).startswith(_DANGEROUS)
            if name.startswith("on") or script_url:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("script", "iframe", "object", "embed", "base", "meta"):
            self.elements.append(f"<{tag} {attrs!r}>")
        self.in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_script = False

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)


def unsafe_markup(html: str, marker: str | None = None) -> list[str]:
    """Every element with an ``on*`` attribute or a ``javascript:``/``data:``/``vbscript:`` URL.

    With ``marker`` (a word only the hostile values contain), also every script-capable
    element (``script``, ``iframe``, ``base`` ...) whose attributes or script text hold it.
    """
    scan = _Scan()
    scan.feed(html)
    scan.close()
    found = list(scan.found)
    if marker is not None:
        found += [e for e in scan.elements if marker in e]
        found += [f"<script>{s[:80]}" for s in scan.scripts if marker in s]
    return found
