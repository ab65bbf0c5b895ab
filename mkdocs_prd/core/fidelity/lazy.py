"""Where a quote may take a line without its ``>`` mark: CommonMark's lazy continuation.

A line without the mark continues a quote only as text of a paragraph left open in it.  What
the quote's last line was does not say whether one is open: after the rows of a table, the
lines of a fenced or indented code block, of an HTML block (a comment of several lines, a
``<div>``), or a setext underline, none is, and such a line ends the quote (markdown-it reads
``> | a |`` ``> |---|`` then ``Goals`` as a quote holding a table, then a paragraph).
:class:`QuoteReader` follows the quote's lines and knows.

Host-free, one step per quoted line (quotes are rare: most pages never build one).
"""

from __future__ import annotations

import re

from mkdocs_prd.core.fidelity.syntax import (
    ATX,
    FENCE,
    HR,
    ITEM,
    SETEXT,
    html_block_end,
    html_block_kind,
    indent,
    is_delimiter_row,
)

__all__ = ["QuoteReader"]

_MARK = re.compile(r" {0,3}> ?")
"""One quote mark with up to 3 spaces before it and the optional space after it."""

_ITEM_FIRST = frozenset("-+*0123456789")
_BLOCK_FIRST = frozenset("#*-_=`~<")
"""First characters of the lines :meth:`QuoteReader._starts_block` looks at."""

_BLANK_ENDS = re.compile(r"\A\Z")
"""The end of an HTML block of kind 6 or 7: a blank line (no line matches this pattern)."""


def _strip_marks(line: str, most: int = 1_000) -> tuple[str, int]:
    """``line`` without its leading quote marks (at most ``most``), and how many it had."""
    depth = 0
    at = 0
    while depth < most:
        m = _MARK.match(line, at)
        if m is None:
            break
        at = m.end()
        depth += 1
    return line[at:], depth


class QuoteReader:
    """What the lines of a quote read so far leave open: a paragraph (:attr:`para`), which a
    line without the quote mark may continue, or a block that such a line ends.

    Lines are given from the quote's column on, their tabs expanded.  The state is that of
    the innermost quote of the last line (a change of depth starts afresh, except inside a
    code or HTML block, whose lines may hold ``>`` themselves).  Inside a list item in the
    quote, indented lines are taken as paragraph text (never indented code), as before.
    """

    __slots__ = ("depth", "fence", "html", "items", "para", "row", "table")

    def __init__(self) -> None:
        self.para = False  # a paragraph is open
        self.depth = 0  # quote marks of the last quoted line
        self.fence: str | None = None  # the mark of the fenced block open
        self.html: re.Pattern[str] | None = None  # the end of the HTML block open
        self.table = False  # the lines are a table's rows
        self.items = 0  # the content column of the last list item read at this depth (0: none)
        self.row = ""  # the last paragraph line with a pipe (a table's header, if a delimiter row follows)

    def feed(self, line: str) -> None:
        """Read the next line of the quote (its own mark or a lazy line without one)."""
        open_block = self.fence is not None or self.html is not None
        content = line[2:] if line[1:2] == " " else line[1:]
        if line[:1] == ">" and (self.depth == 1 if open_block else content.lstrip(" ")[:1] != ">"):
            depth = 1  # one mark at the line's start (most quoted lines): no pattern needed
        else:
            content, depth = _strip_marks(line, self.depth if open_block else 1_000)
        if depth == 0:
            return  # lazy text: the paragraph goes on
        if depth != self.depth:
            self.fence, self.html, self.table, self.items, self.para, self.row = (
                None,
                None,
                False,
                0,
                False,
                "",
            )
            self.depth = depth
        if self.fence is not None:
            stripped = content.strip()
            if indent(content) < 4 and stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
                self.fence = None
            return
        if self.html is not None:
            ended = not content.strip() if self.html is _BLANK_ENDS else self.html.search(content) is not None
            if ended:
                self.html = None
            return
        self._block(content)

    def _block(self, content: str) -> None:
        """A line outside code and HTML blocks: what it opens or ends."""
        para, self.para = self.para, False
        if not content.strip():
            self.table, self.row = False, ""
            return
        ind = indent(content)
        text = content[ind:]
        if ind >= 4 and not para and not self.items:
            return  # indented code
        if ind >= 4:
            self.para = True
            return
        # (An underline less indented than an item's text is lazy text of the item's paragraph.)
        if text[0] in _BLOCK_FIRST and self._starts_block(
            text, para and not self.table and ind >= self.items
        ):
            self.table, self.row = False, ""
            return
        item = ITEM.match(text) if text[0] in _ITEM_FIRST else None
        if self.table and item is None:
            return  # one more row (a table ends at a blank line or a block)
        if para and self.row and "|" in text and is_delimiter_row(text):
            self.table, self.row = True, ""  # the line above was the header of a table
            return
        if item is not None:
            self.items = ind + item.end() if text[item.end() :].strip() else ind + len(item.group(2)) + 1
            text = text[item.end() :]
            if not text.strip():
                return  # an empty item: no paragraph open
        self.table = False
        self.para = True
        self.row = text if "|" in text else ""

    def _starts_block(self, text: str, para: bool) -> bool:
        """Whether ``text`` (without its indentation) is a line of a block that leaves no
        paragraph open: a heading, a rule, a setext underline, a fence, an HTML block."""
        first = text[0]
        if first == "#" and ATX.match(text):
            return True
        if first in "*-_" and HR.match(text):
            return True
        if para and first in "=-" and SETEXT.match(text):
            return True
        if first in "`~":
            fence = FENCE.match(text)
            if fence is not None and not (fence.group(2)[0] == "`" and "`" in text[fence.end() :]):
                self.fence = fence.group(2)
                return True
        if first == "<":
            kind = html_block_kind(text)
            if kind and (kind != 7 or not para):
                end = html_block_end(text, kind)
                if end is None:
                    self.html = _BLANK_ENDS
                elif not end[0].search(text, end[1]):
                    self.html = end[0]
                return True
        return False
