"""The block structure of rendered HTML, and the CommonMark/GFM oracle to compare it with.

The oracle is markdown-it-py (CommonMark) with GFM tables and mdit-py-plugins' task
lists and footnotes.  :func:`block_tree` reduces HTML to what both must agree on:
lists (kind, start number, items, task state), their nesting, and tables (rows,
columns); footnote sections are left out (compared separately).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import markdown
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from mkdocs_prd.adapters.markdown.lists import PrdListsExtension
from mkdocs_prd.core.fidelity import Features, normalise

Node = tuple[Any, ...]

_ORACLE = MarkdownIt("commonmark").enable("table").use(tasklists_plugin).use(footnote_plugin)

MKDOCS_DEFAULT = ["toc", "tables", "fenced_code"]
"""The extensions MkDocs enables with no ``markdown_extensions`` (the quick start)."""

SAMPLE = [*MKDOCS_DEFAULT, "attr_list", "admonition", "pymdownx.tasklist", "pymdownx.superfences"]
"""The sample site's extensions."""


def oracle_html(text: str) -> str:
    return _ORACLE.render(text)


def mkdocs_html(text: str, extensions: list[str], *, fidelity: bool = True) -> str:
    """``text`` rendered by Python-Markdown as a PRD page (normalised, lists extension on)."""
    ext = PrdListsExtension()
    ext.active = fidelity
    features = _features(extensions)
    held: dict[str, str] = {}

    def hold(block: str) -> str:  # as the page renderer does: a placeholder, the HTML back after
        token = f"<!--held-{len(held)}-->"
        held[token] = block
        return token

    source = normalise(text, features, hold) if fidelity else text
    html = markdown.markdown(source, extensions=[*extensions, ext])
    for token, block in held.items():
        html = html.replace(token, block)
    return html


def _features(extensions: list[str]) -> Features:
    from mkdocs_prd.core.fidelity import features_from_extensions

    return features_from_extensions(extensions)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = []
        self.stack: list[list[Any]] = [self.root]
        self.open: list[str] = []
        self.skip = 0
        self.table: list[int] | None = None  # rows, max cols
        self.cols = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if self.skip:
            if tag in ("div", "section"):
                self.skip += 1
            return
        if tag in ("div", "section") and ("footnote" in cls or "footnotes" in cls):
            self.skip = 1
            return
        if tag in ("ul", "ol"):
            start = int(a.get("start") or 1) if tag == "ol" else None
            node: list[Any] = [tag, start, []]
            self.stack[-1].append(node)
            self.stack.append(node[2])
            self.open.append(tag)
        elif tag == "li":
            item: list[Any] = ["li", None, []]
            self.stack[-1].append(item)
            self.stack.append(item[2])
            self.open.append(tag)
        elif tag == "input" and a.get("type") == "checkbox" and self.open and self.open[-1] == "li":
            item = self._current_item()
            if item is not None and item[1] is None and not item[2]:
                item[1] = "checked" if "checked" in a else "unchecked"
        elif tag == "table":
            self.table = [0, 0]
        elif tag == "tr" and self.table is not None:
            self.table[0] += 1
            self.cols = 0
        elif tag in ("td", "th") and self.table is not None:
            self.cols += 1
            self.table[1] = max(self.table[1], self.cols)

    def _current_item(self) -> list[Any] | None:
        parent = self.stack[-2] if len(self.stack) > 1 else None
        return parent[-1] if parent else None

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in ("div", "section"):
                self.skip -= 1
            return
        if tag in ("ul", "ol", "li") and self.open and self.open[-1] == tag:
            self.open.pop()
            self.stack.pop()
        elif tag == "table" and self.table is not None:
            self.stack[-1].append(["table", self.table[0], self.table[1]])
            self.table = None

    def handle_data(self, data: str) -> None:
        # Text before a checkbox means the item is not a task item.
        if data.strip() and self.open and self.open[-1] == "li":
            item = self._current_item()
            if item is not None and item[1] is None:
                item[1] = "text"


def _freeze(nodes: list[Any]) -> tuple[Any, ...]:
    out = []
    for n in nodes:
        if n[0] == "table":
            out.append(tuple(n))
        elif n[0] == "li":
            out.append(("li", n[1] if n[1] in ("checked", "unchecked") else None, _freeze(n[2])))
        else:
            out.append((n[0], n[1], _freeze(n[2])))
    return tuple(out)


def block_tree(html: str) -> tuple[Any, ...]:
    """The lists and tables of ``html``: ``("ul", None, items)``, ``("ol", start, items)``,
    ``("li", task, children)`` (task: "checked", "unchecked" or None), ``("table", rows, cols)``."""
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return _freeze(parser.root)


MATERIAL = [*SAMPLE, "footnotes", "md_in_html", "pymdownx.details", "pymdownx.tabbed", "pymdownx.highlight"]
"""A Material site's usual extensions: the sample's, plus footnotes, details, tabs and md_in_html."""

_OUTLINE = {"pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol", "li", "table"}


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = []
        self.stack: list[list[Any]] = [self.root]
        self.skip = 0  # inside a footnote section, or a table or code block (kept as one node)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = (dict(attrs).get("class") or "").split()
        if self.skip:
            self.skip += tag in ("div", "section", "table", "pre")
            return
        if tag in ("div", "section") and ("footnote" in cls or "footnotes" in cls):
            self.skip = 1
        elif tag in _OUTLINE:
            node: list[Any] = [tag, []]
            self.stack[-1].append(node)
            if tag in ("table", "pre"):
                self.skip = 1
            elif tag != "hr":
                self.stack.append(node[1])

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag in ("div", "section", "table", "pre")
            return
        if tag in _OUTLINE and tag != "hr" and len(self.stack) > 1:
            self.stack.pop()


def outline(html: str) -> tuple[Any, ...]:
    """The block outline of ``html``: lists, items, quotes, headings, rules, code blocks and
    tables, nested as in the HTML (paragraphs and ``<div>`` wrappers left out, footnotes
    too): ``("h2", ())``, ``("ul", (("li", (...)),))``, ``("pre", ())``."""
    html = html.replace('<hr class="footnotes-sep" />', "")  # the oracle's rule above its footnotes
    parser = _Outline()
    parser.feed(html)
    parser.close()

    def freeze(nodes: list[Any]) -> tuple[Any, ...]:
        return tuple((n[0], freeze(n[1])) for n in nodes)

    return freeze(parser.root)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.sup = 0  # footnote reference numbers differ in form ([1] and 1), not in text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.sup += tag == "sup"

    def handle_endtag(self, tag: str) -> None:
        self.sup -= tag == "sup" and self.sup > 0

    def handle_data(self, data: str) -> None:
        if not self.sup:
            self.parts.append(data)


def word_sequence(html: str) -> list[str]:
    """The words (letters and digits, lower case) of the visible text of ``html``, in order."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return re.findall(r"[a-z0-9]+", " ".join(parser.parts).lower())


def visible_words(html: str) -> dict[str, int]:
    """How often each word (letters and digits, lower case) of the visible text of ``html`` occurs."""
    counts: dict[str, int] = {}
    for word in word_sequence(html):
        counts[word] = counts.get(word, 0) + 1
    return counts


class _Code(HTMLParser):
    def __init__(self, blocks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = blocks  # only the code of code blocks (<pre>)
        self.pre = 0
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pre += tag == "pre"
        if tag == "code" and (self.pre or not self.blocks):
            self.depth += 1
            if self.depth == 1:
                self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "code" and self.depth > 0
        self.pre -= tag == "pre" and self.pre > 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


def code_texts(html: str, *, blocks: bool = False) -> list[str]:
    """The text of each ``<code>`` element of ``html`` in order (``blocks``: of code blocks
    only), without leading and trailing line breaks (Python-Markdown drops a code block's
    first blank lines): what the reader sees as code, character for character."""
    parser = _Code(blocks)
    parser.feed(html)
    parser.close()
    return [text.strip("\n") for text in parser.texts]


class _Quotes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list[str]] = []
        self.done: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open += [[]] if tag == "blockquote" else []

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote" and self.open:
            self.done.append(" ".join(self.open.pop()))

    def handle_data(self, data: str) -> None:
        for words in self.open:
            words += re.findall(r"[a-z0-9]+", data.lower())


def quote_words(html: str) -> list[str]:
    """The words inside each ``<blockquote>`` of ``html`` (a nested quote's in its own and in its
    parents'), in the order the quotes end: what is quoted, and what is not."""
    parser = _Quotes()
    parser.feed(html)
    parser.close()
    return parser.done
