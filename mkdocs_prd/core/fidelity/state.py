"""The state of the list pass, and the blocks it puts into its output whole: held HTML
blocks, quotes inside list items, admonition/details/tab bodies, fences left open."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs_prd.core.fidelity.boxes import loosen
from mkdocs_prd.core.fidelity.features import Features
from mkdocs_prd.core.fidelity.lazy import QuoteReader
from mkdocs_prd.core.fidelity.syntax import (
    ITEM,
    LINK_DEF,
    MARKDOWN_ATTR,
    expand,
    indent,
    lazy_text,
    quote_inside,
    quote_lead,
)

_Hold = Callable[[str], str] | None
"""Takes the raw text of an HTML block and returns the one-line placeholder that stands for it."""

_Tag = Callable[[str], str] | None
"""Takes a small inline HTML element and returns the word that stands for it until after Markdown."""

_At = tuple[list[int], int] | None
"""Where a container's fences in containers are recorded, and the source line number before its
first line (its lines are the source's, one for one)."""


_NO_QUOTE = QuoteReader()
"""The reader of a pass before its first quote in a list item (never fed: each quote gets its own)."""


@dataclass(slots=True)
class _Item:
    src: int  # content column in the source
    tgt: int  # content column in the output
    kind: str  # the bullet character, or "." / ")" for ordered items


class _State:
    """What one pass over a container has read so far, and its output."""

    def __init__(
        self, features: Features, hold: _Hold = None, tag: _Tag = None, depth: int = 0, at: _At = None
    ) -> None:
        self.features = features
        self.hold = hold
        self.tag = tag
        self.depth = depth  # how many quotes deep the container is
        self.held: list[str] | None = None  # the raw lines of an HTML block being held
        self.held_at = (0, 0)  # the held block's output column, and the content column it needs
        self.quote: list[str] | None = None  # the lines of a quote inside a list item
        self.quote_at = (0, 0)  # its output column, and the item's content column
        self.quote_reader = _NO_QUOTE  # whether its lines leave a paragraph open (a new one per quote)
        self.quote_end = -1  # len(out) when the last quote in an item ended
        self.box: list[str] | None = None  # the body of an admonition, details block or tab
        self.box_at = (0, 0)  # its header's output column, and the body's source column
        self.para_start = 0  # index in out of the first line of the paragraph being read
        self.para_item = False  # whether that line is a list item's first line
        self.md_open = 0  # elements with a markdown attribute open (for md_in_html)
        self.table_rows = False  # the lines being read are a table's (its header row was read)
        self.closed = False  # the line being read closed list items
        self.html_end: re.Pattern[str] | None = None  # the end marker of the comment being read
        self.held_until = 0  # the number of the line that ends the comment being held
        self.raw: list[str] = []
        self.out: list[str] = []
        self._scanned = 0  # self.out[:_scanned] has been searched for blank lines
        self._last_blank = -1  # index of the last blank line found there
        self.stack: list[_Item] = []
        self.prev = "blank"  # blank, item, para (item text or paragraph), other, html, code
        self.para_depth = 0
        self.fence: tuple[str, int, int] | None = None  # opening fence mark, shift, output column
        self.math: str | None = None  # the closing mark of the math block being read
        self.number = 0  # 1-based number of the line being read
        # 1-based source lines of the fences opened in a list item, quote or admonition body
        self.fences_in_items: list[int] = at[0] if at is not None else []
        self.base = at[1] if at is not None else 0  # the source line number before lines[0]
        self.opened_at = 0  # the line number where the quote or box being read started

    def shift_to(self, ind: int) -> int:
        """The output column of a line at source column ``ind`` inside the open items."""
        if not self.stack:
            return ind
        top = self.stack[-1]
        return max(top.tgt + ind - top.src, 0)

    def emit(self, ind: int, text: str) -> None:
        self.out.append(" " * ind + text if text else "")

    def _close_fence(self) -> None:
        """A fenced block still open where its container ends: CommonMark closes it there,
        Python-Markdown needs the closing fence written."""
        if self.fence is not None:
            mark, _, col = self.fence
            self.emit(col, mark)
            self.fence = None
            self.prev = "other"

    def _end_box(self) -> None:
        """Put an admonition's (details block's, tab's) body into the output, normalised as a
        container of its own and indented 4 spaces under its header, as the extension reads it."""
        if self.box is None:
            return
        from mkdocs_prd.core.fidelity.quotes import _container  # a body holds quotes, quotes lists

        lines, col, body = self.box, self.box_at[0], self.box_at[1]
        trailing = 0
        while lines and not lines[-1].strip():
            lines.pop()
            trailing += 1
        at = (self.fences_in_items, self.base + self.opened_at)
        inner = _container([x[body:] for x in lines], self.features, self.hold, self.tag, self.depth + 1, at)
        inner = loosen(inner, self.features.list_indent)
        self.out += [" " * (col + 4) + x if x else "" for x in inner]
        self.out += [""] * max(trailing, 1)  # the block ends: the line after it is not in its body
        self.box = None
        self.prev = "blank"

    def _open_box(self, ind: int, text: str) -> None:
        """An admonition, details block or content tab header at source column ``ind``."""
        while self.stack and ind < self.stack[-1].src:
            self.stack.pop()
        if self.out and self.out[-1]:
            self.out.append("")  # the header starts a block of its own, also under item text
        col = self.stack[-1].tgt if self.stack else 0
        self.emit(col, text)
        self.box = []
        self.box_at = (col, ind + 4)
        self.opened_at = self.number

    def _release(self) -> None:
        """Put the held HTML block into the output as one placeholder line, blank lines around."""
        if self.held is None or self.hold is None:
            return
        if self.out and self.out[-1]:
            self.out.append("")
        col, content = self.held_at
        held = [raw[min(content, indent(raw)) :] for raw in self.held] if content else self.held
        self.out.append(" " * col + self.hold("\n".join(held)))
        self.held = None
        self.prev = "other"

    def _end_quote(self) -> None:
        """Put the quote read inside a list item into the output, its own inside normalised."""
        if self.quote is None:
            return
        from mkdocs_prd.core.fidelity.quotes import _alert, _container  # quotes hold lists, lists quotes

        col, content = self.quote_at
        lines = [quote_lead(line) for line in self.quote]  # (tabs expanded at the page's columns)
        inside = quote_inside([line[min(content, indent(line)) :] for line in lines])
        while inside and not inside[-1].strip():
            inside.pop()  # a last empty ">" line: Python-Markdown would add it to a table as a row
        deeper = self.depth + 1
        at = (self.fences_in_items, self.base + self.opened_at - 1)
        body = _alert(inside, self.features, self.hold, self.tag, deeper, at)
        if body is None:
            body = [
                "> " + x if x else ">"
                for x in _container(inside, self.features, self.hold, self.tag, deeper, at)
            ]
        elif self.features.admonition:
            # An admonition's header is read at the item's content column only (a quote 1-3
            # columns further in is the same quote).
            col -= min(max(indent(self.quote[0]) - content, 0), col)
        self.out += [" " * col + x if x else "" for x in body]
        self.quote_end = len(self.out)
        self.quote = None
        self.prev = "other"

    def _hard_break(self) -> None:
        """The paragraph line just written ends in a backslash and the paragraph goes on:
        CommonMark's hard line break, written the way Python-Markdown reads one (two spaces)."""
        last = self.out[-1] if self.out else ""
        if not last.endswith("\\") or last.count("`") % 2:
            return
        if (len(last) - len(last.rstrip("\\"))) % 2:  # an odd run: the last backslash is not escaped
            self.out[-1] = last[:-1] + "  "

    def _md_in_html(self, text: str) -> bool:
        """Whether the HTML block line ``text`` is md_in_html's: an opening tag with a
        ``markdown`` attribute on a site with the extension, or the closing tag of such an
        element (then the extension needs both tags as written, not held)."""
        if not self.features.md_in_html:
            return False
        if MARKDOWN_ATTR.search(text) is not None:
            self.md_open += text.count("<") - 2 * text.count("</")
            return True
        if self.md_open > 0 and text.lstrip().startswith("</"):
            self.md_open -= 1
            return True
        return False

    def _definitions(self) -> int:
        """How many lines at the start of the paragraph being read are link reference definitions
        (CommonMark takes them out of it): -1 when all are (the next one is a definition too)."""
        lines = self.out[self.para_start :]
        first = lines[0].lstrip(" ") if lines else ""
        if self.para_item and lines:
            marker = ITEM.match(lines[0])
            first = lines[0][marker.end() :] if marker is not None else first
        if first[:1] != "[" or LINK_DEF.match(first) is None:
            return 0  # (most paragraphs: one test)
        k = 1
        while k < len(lines) and LINK_DEF.match(lines[k].lstrip(" ")) is not None:
            k += 1
        return -1 if k == len(lines) else k

    def _definitions_end(self) -> bool:
        """Under an underline: link reference definitions that start the paragraph stay as
        written, a blank line under them, and the rest of the paragraph (if any) is the one the
        underline makes a heading.  True when no text is left (the underline is then a rule, or
        text of its own)."""
        k = self._definitions()
        if k > 0:
            self.out.insert(self.para_start + k, "")
            self.para_start, self.para_item = self.para_start + k + 1, False
        return k < 0

    def _setext(self, underline: str) -> bool:
        """A setext underline under paragraph text that Python-Markdown would not read as one
        (in a list item, or under a paragraph of several lines): the paragraph is rewritten as
        an ATX heading of the same level and text.  False where Python-Markdown reads it right."""
        lines = self.out[self.para_start :]
        if not lines or (not self.stack and len(lines) == 1) or "|" in lines[-1]:
            return False
        head = lines[0]
        marker = ITEM.match(head) if self.para_item else None
        if marker is not None:
            prefix, first = head[: marker.end()], head[marker.end() :]
        else:
            lead = len(head) - len(head.lstrip(" "))
            # (In an item the heading's # starts the item's text column: Python-Markdown reads
            # no heading from "#" 1-3 columns further in.)
            prefix, first = " " * self.stack[-1].tgt if self.stack else head[:lead], head[lead:]
        if first[:1] == ">" and self.stack:
            # The item's text is a quote (``- > a``): the underline is lazy text of its paragraph.
            self.emit(self.stack[-1].tgt, lazy_text(underline.lstrip(" ")))
            self.prev = "para"
            return True
        words = " ".join(x.strip() for x in [first, *lines[1:]] if x.strip())
        level = "#" if underline.strip()[0] == "=" else "##"
        del self.out[self.para_start :]
        self.out.append(f"{prefix}{level} {words}")
        self.prev = "other"
        return True

    def _block_starts_indented(self) -> bool:
        """Whether the output block (since the last blank line) starts with an indented line.

        ``out`` only grows, so each line is searched once: linear over the page.
        """
        for k in range(self._scanned, len(self.out)):
            if not self.out[k]:
                self._last_blank = k
        self._scanned = len(self.out)
        start = self._last_blank + 1
        return start < len(self.out) and self.out[start].startswith(" ")

    def _html_end_line(self, end: re.Pattern[str]) -> int:
        """The number of the line after the current one that ends a comment with ``end`` inside
        the current list item, or 0 when the item (or the page) ends first."""
        src = self.stack[-1].src
        for k in range(self.number, len(self.raw)):
            line = expand(self.raw[k])
            if line.strip() and indent(line) < src:
                return 0
            if end.search(line):
                return k + 1
        return 0

    def _html_ended(self, nxt: str) -> None:
        """A comment (HTML block of kinds 1-5) ended on the line just written: what follows is
        Markdown again (Python-Markdown needs a blank line to see it apart from the comment)."""
        self.html_end = None
        if nxt.strip():
            self.out.append("")
        self.prev = "blank"
