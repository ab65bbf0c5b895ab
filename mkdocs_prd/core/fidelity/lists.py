"""The list pass: one walk over a container's lines that re-indents nested items,
separates blocks with blank lines and holds HTML blocks, as CommonMark nests them."""

from __future__ import annotations

import re

from mkdocs_prd.core.fidelity.lazy import QuoteReader
from mkdocs_prd.core.fidelity.state import _At, _Hold, _Item, _State, _Tag
from mkdocs_prd.core.fidelity.syntax import (
    ATX,
    BLOCK_START,
    BLOCKS_FENCE,
    FENCE,
    HR,
    ITEM,
    LINK_DEF,
    OPENERS,
    QUOTE,
    QUOTE_BREAK,
    SETEXT,
    TASK,
    block_head,
    code_pipes,
    expand,
    html_block_end,
    html_block_kind,
    in_quote,
    indent,
    interrupts,
    is_delimiter_row,
    lazy_text,
    math_end,
    opens_block,
)

__all__ = ["_At", "_Hold", "_Lists", "_Tag"]  # the state types, for the quote pass


_ITEM_FIRST = frozenset("-+*0123456789")
"""First characters of a list item's marker (``text``: the line without its indentation)."""
_RULE_FIRST = frozenset("*-_")
"""First characters of a thematic break."""


def _plain_text(line: str) -> bool:
    """Whether ``line`` starts as nothing but paragraph text can: a letter, or ``**`` and no
    third ``*`` (a bold label, ``**Date:** …``; ``***`` may be a rule)."""
    first = line[0]
    return first.isalpha() or (first == "*" and line[1:2] == "*" and line[2:3] != "*")


_MAX_NESTING = 40
"""Items nested deeper than this keep a block on their line as text (``- - - ...`` on a
hostile page must not exhaust the stack)."""


class _Lists(_State):
    """One pass over the lines of a container (the page, or a quote's inside)."""

    def run(self, lines: list[str]) -> list[str]:
        self.raw = lines[:]  # (an item's line is rewritten where a block opens on it)
        expanded = [expand(raw) if "\t" in raw else raw for raw in lines]
        expanded.append("")
        for i in range(len(lines)):
            self.number = i + 1
            self.line(expanded[i], expanded[i + 1])
        self._release()
        self._end_quote()
        self._end_box()
        self._close_fence()
        return self.out

    def line(self, line: str, nxt: str) -> None:
        if self.box is not None:
            if not line.strip() or indent(line) >= self.box_at[1]:
                self.box.append(line)
                return
            self._end_box()
        if self.quote is not None:
            # A quote in an item runs on to a blank line or a block start, or ends with the item.
            inside = bool(line.strip()) and indent(line) >= self.quote_at[1]
            para = self.quote_reader.para
            if inside and in_quote(line, self.quote_at[1], self.quote[-1], self.features.blocks, para):
                self.quote.append(line)
                self.quote_reader.feed(line[self.quote_at[1] :])
                return
            # Less indented than the item: lazy text of the quote's paragraph (CommonMark), unless
            # it starts a block.  (A line with a pipe stays out: in the quote it would start a
            # table under the paragraph, where CommonMark has lazy text either way.)
            text = line.lstrip(" ")
            lazy = line.strip() and not inside and text[0] != ">" and "|" not in text
            if lazy and in_quote(text, 0, self.quote[-1], self.features.blocks, para):
                self.quote.append(line)
                return
            self._end_quote()
            if inside:  # a block of the item right under the quote: Python-Markdown would run it on
                self.out.append("")
                self.prev = "blank"
        if self.held is not None and self.held_until:
            # A comment held whole: it ends at the line with its end marker.
            self.held.append(self.raw[self.number - 1])
            if self.number == self.held_until:
                self.held_until = 0
                self._release()
                self._html_ended(nxt)
            return
        if self.held is not None:
            # The block ends at a blank line, or with the list item it is in (or at a ``///``
            # line that closes the pymdownx.blocks block it is in).
            if line.strip() and indent(line) >= self.held_at[1] and not self._blocks_line(line):
                self.held.append(self.raw[self.number - 1])
                return
            self._release()
        if self.fence is not None:
            mark, shift, col = self.fence
            ind = indent(line)
            container = self.stack[-1].src if self.stack else 0
            if self.stack and line.strip() and ind < container:
                self._close_fence()  # the list item ends, and the block with it
            else:
                stripped = line.strip()
                closing = ind - container < 4 and stripped.startswith(mark) and set(stripped) == {mark[0]}
                # Python-Markdown closes a block only with the opening fence itself (not a longer
                # one, not further indented).
                self.emit(col if closing else max(ind + shift, 0), mark if closing else line.lstrip(" "))
                if closing:
                    self.fence = None
                    self.prev = "other"
                    inside = not self.stack or indent(nxt) >= self.stack[-1].src
                    if self.features.superfences and nxt.strip() and inside:
                        self.out.append("")  # the text after the block is a paragraph of its own
                return
        if self.math is not None:
            # TeX, not Markdown (a "- b" line is a minus sign): as written, to its closing mark.
            if line.strip() and not (self.stack and indent(line) < self.stack[-1].src):
                self.out.append(" " * self.shift_to(indent(line)) + line.lstrip(" ") if self.stack else line)
                if line.rstrip().endswith(self.math):
                    self.math = None
                    if nxt.strip():
                        self.out.append("")  # the extension reads a block that is the math alone
                return
            self.math = None  # a blank line (or the item's end) ends the block
        if not line or line.isspace():
            self.out.append("")
            self.prev = "blank"
            self.table_rows = False
            return
        if self.html_end is not None and not (
            self.stack and line.strip() and indent(line) < self.stack[-1].src
        ):
            # Inside a comment (or another HTML block of kinds 1-5): raw up to its end marker.
            self.out.append(self.raw[self.number - 1] if not self.stack else " " * self.shift_to(0) + line)
            if self.html_end.search(line):
                self._html_ended(nxt)
            return
        self.html_end = None  # (a list item that ends ends the block in it)
        if self.prev == "html":
            self.out.append(line)  # inside a raw HTML block: untouched until a blank line
            return
        if not self.stack and self.prev != "code" and _plain_text(line) and "|" not in line:
            # Most lines of a page: paragraph text outside lists, nothing to change.
            if self.prev == "para":
                self._hard_break()
            else:
                self.para_start, self.para_item = len(self.out), False
            self.out.append(line)
            if self.prev != "para":
                self.para_depth = 0
            self.prev = "para"
            return
        ind = indent(line)
        text = line[ind:]
        # An admonition, details block or tab header; 4 or more columns into its item is code.
        if (
            text[0] in "!?="
            and block_head(text, self.features)
            and ind - next((it.src for it in reversed(self.stack) if it.src <= ind), 0) < 4
        ):
            self._open_box(ind, text)
            return
        if self.prev == "code" and ind - (self.stack[-1].src if self.stack else 0) < 4:
            self.out.append("")  # indented code ends: Python-Markdown needs a blank line
            self.prev = "blank"
        if self.table_rows and self._ends_table(ind, text):
            self.out.append("")  # Python-Markdown would read the line as one more row
            self.prev = "blank"
            self.table_rows = False
        if self.prev in ("para", "item") and self._lazy(ind, text, nxt):
            base = self.stack[-1].tgt if self.stack and ind < self.stack[-1].src else self.shift_to(ind)
            marker = ITEM.match(text)
            if marker is not None:  # "3. x" continuing a paragraph: text, never an item
                end = marker.end(2)
                text = text[: end - 1] + "\\" + text[end - 1 :]
            elif text[0] == "[" and LINK_DEF.match(text) is not None and self._definitions() >= 0:
                # A link reference definition cannot interrupt a paragraph (CommonMark): text here,
                # where Python-Markdown would take it out of the paragraph as a definition.
                text = "\\" + text
            if text[0] in "`~" and FENCE.match(text) is not None:
                self.fences_in_items.append(-(self.base + self.number))  # a fence that is text here
            self._hard_break()
            self.emit(
                base,
                lazy_text(self._text(text, self.table_rows))
                if text[0] in "=-"
                else self._text(text, self.table_rows),
            )
            return
        had_list = bool(self.stack)
        sibling: _Item | None = None
        while self.stack and ind < self.stack[-1].src:
            sibling = self.stack.pop()
        depth = len(self.stack)
        self.closed = sibling is not None  # the items (and their paragraph) just ended
        if self.closed:
            self.table_rows = False  # (and a table in them)
        if sibling is not None and self.prev != "blank" and self._block_starts_indented():
            # Python-Markdown would file this line under the indented block it follows.
            self.out.append("")
            self.prev = "blank"
        rel = ind - (self.stack[-1].src if self.stack else 0)
        # (First-character tests before the patterns: most lines start neither an item nor a rule.)
        first = text[0]
        item = ITEM.match(line) if rel < 4 and first in _ITEM_FIRST else None
        if item is not None and first in _RULE_FIRST and text.count(first) >= 3 and HR.match(text):
            item = None  # a rule (``- - -``, ``* * *``) is no item
        # An item can interrupt paragraph text of its own container only on CommonMark's terms;
        # after items were closed (a sibling or an outer item) it starts freely.
        if item is not None and sibling is None and self.prev in ("para", "item") and not interrupts(item):
            item = None
        if item is not None:
            self._item(item, line, depth, sibling, nxt)
            return
        if sibling is not None and rel >= 4 and self.prev in ("blank", "para", "item"):
            # Indented code after a list whose text starts 5 or more columns in (``10.  x``, a
            # tab after an indented marker; right under the item's text if the line would start
            # a block in the item, as markdown-it reads it): Python-Markdown would read it into
            # the last item, an empty comment ends the list.
            tgt = self.stack[-1].tgt if self.stack else 0
            self.out += (
                ["", " " * tgt + "<!-- -->", ""] if self.prev != "blank" else [" " * tgt + "<!-- -->", ""]
            )
            self.prev = "blank"
        elif self.prev in ("para", "item") and had_list and not self.stack:
            self.out.append("")  # a block that ends a list: Python-Markdown needs a blank line
        elif self.prev == "code" and rel >= 4:
            self.emit(self.shift_to(ind), text)
            return
        self._block(ind, text, nxt, rel)

    def _blocks_line(self, line: str) -> bool:
        """Whether ``line`` opens or closes a pymdownx.blocks block (``/// note``, ``///``)."""
        text = line.lstrip(" ")
        return text[:1] == "/" and self.features.blocks and BLOCKS_FENCE.match(text) is not None

    @staticmethod
    def _text(text: str, row: bool) -> str:
        """A line of paragraph text, or of a table ``row``, as Python-Markdown must read it:
        a ``#`` that opens no heading in CommonMark (``#5 is the tracking issue``, ``#hashtag``)
        escaped, where Python-Markdown would make the line a heading; in a row, the escaped
        pipes in code spans (:func:`code_pipes`)."""
        if text[0] == "#":
            text = "\\" + text
        return code_pipes(text) if row and "\\|" in text and "`" in text else text

    def _ends_table(self, ind: int, text: str) -> bool:
        """Whether a line after a table's rows starts a block that ends the table (GFM, as
        markdown-it reads it): any list item, a quote, heading, fence, rule or HTML block."""
        if ind - (self.stack[-1].src if self.stack else 0) >= 4:
            return True  # indented code (markdown-it ends a table at a line indented 4 columns)
        if text[:1] not in BLOCK_START:
            return False
        if ITEM.match(text) or text[0] == ">" or ATX.match(text) or FENCE.match(text) or HR.match(text):
            return True
        return html_block_kind(text) not in (0, 7)

    def _lazy(self, ind: int, text: str, nxt: str) -> bool:
        """Whether a line after paragraph text continues it (CommonMark's lazy continuation)."""
        if self.table_rows and self.stack and ind < self.stack[-1].src:
            return False  # a table's rows are no paragraph: a line outside the item ends it
        if self.stack and ind >= self.stack[-1].src:
            rel = ind - self.stack[-1].src
        else:
            rel = ind if not self.stack else 0
        if rel >= 4 and not self.stack:
            return True
        if self.stack and ind >= 4 and ind < self.stack[-1].src and text[0] in _ITEM_FIRST:
            # Under an item whose text starts 5 or more columns in (``10.  x``, a tab after an
            # indented marker), a marker 4 columns into the item around it starts no item.
            outer = next((it.src for it in reversed(self.stack) if it.src <= ind), 0)
            if ind - outer >= 4 and ITEM.match(text) is not None:
                return True
        probe = text if rel < 4 else ""
        if not probe:
            return True
        if self._blocks_line(probe):
            return False  # a block's opening or closing line, never paragraph text
        first = probe[0]  # (``probe`` has no indentation: its first character rules out most patterns)
        if first in BLOCK_START:  # other lines (most prose) can start no block
            m = ITEM.match(probe) if first in _ITEM_FIRST else None  # most lines here are list items
            if m is not None and (interrupts(m) or (self.stack and ind < self.stack[-1].src)):
                return False
            if first == ">" or (first == "#" and ATX.match(probe)) or (first in "`~" and FENCE.match(probe)):
                return False
            if first in _RULE_FIRST and HR.match(probe):
                return False
            if first in "=-" and SETEXT.match(probe) and (not self.stack or ind >= self.stack[-1].src):
                return False
            if html_block_kind(probe) not in (0, 7):  # kind 7 cannot interrupt a paragraph
                return False
        # A table starts under paragraph text of its own container; under an item's text at a
        # smaller indent its lines are lazy text (CommonMark/GFM).
        return not ("|" in probe and is_delimiter_row(nxt)) or bool(self.stack and ind < self.stack[-1].src)

    def _item(self, m: re.Match[str], line: str, depth: int, sibling: _Item | None, nxt: str) -> None:
        ind = len(m.group(1))
        marker = m.group(2)
        kind = marker[-1] if marker[-1] in ".)" else marker
        if sibling is not None and sibling.kind != kind:
            # Another marker starts another list in CommonMark.  A blank line separates an
            # ordered from a bullet list (with the sane-list behaviour of mdext); a comment
            # separates two bullet lists at the top level.
            self.out.append("")
            if (kind in "-+*") == (sibling.kind in "-+*"):
                tgt = self.stack[-1].tgt if self.stack else 0
                self.out += [" " * tgt + "<!-- -->", ""]
        elif self.prev == "para" and self.para_depth >= depth and self.out:
            self.out.append("")  # a list right under a paragraph line
        spaces = len(m.group(3))
        rest = line[m.end() :]
        code = spaces > 4 and bool(rest)  # 5 or more spaces after the marker: indented code
        if spaces > 4 or not rest:
            spaces = 1
            rest = line[ind + len(marker) + 1 :] if len(line) > ind + len(marker) + 1 else ""
            rest = (" " * max(len(m.group(3)) - 1, 0)) + rest if rest else rest
        tgt = self.stack[-1].tgt if self.stack else 0
        self.para_start, self.para_item = len(self.out), True
        out_marker = marker[:-1] + "." if marker.endswith(")") else marker
        if len(self.stack) < _MAX_NESTING and (code or (rest[:1] in OPENERS and opens_block(rest))):
            # A fence, an HTML block, a list or indented code opening on the item's own line:
            # Python-Markdown would read it as the item's text.  It goes on the next line, at
            # the item's content column, and an empty comment stands in for the item's (empty)
            # first line (indented code after a blank line, as Python-Markdown needs).
            src = ind + len(marker) + spaces
            self.stack.append(_Item(src=src, tgt=tgt + self.features.list_indent, kind=kind))
            self.emit(tgt, f"{out_marker} <!-- -->")
            self.para_depth = len(self.stack)
            self.prev = "item"
            if code:
                self.out.append("")
                self.prev = "blank"
            elif rest[:1] in _ITEM_FIRST and ITEM.match(rest) is not None:
                self.prev = "other"  # no paragraph before it: a list starts there at any number
            self.raw[self.number - 1] = " " * src + line[src:]
            self.line(" " * src + line[src:], nxt)
            return
        if rest[:1] == "#" and not ATX.match(rest):
            rest = "\\" + rest  # (#5 blocked): the item's text, Python-Markdown would make it a heading
        if not self.features.tasklist and rest[:1] == "[":
            task = TASK.match(rest)
            if task is not None:
                checked = " checked" if task.group(1) in "xX" else ""
                box = f'<input type="checkbox" class="task-list-item-checkbox" disabled{checked}>'
                rest = (self.tag(box) if self.tag is not None else box) + rest[3:]
        self.stack.append(
            _Item(src=ind + len(marker) + spaces, tgt=tgt + self.features.list_indent, kind=kind)
        )
        # Python-Markdown has no empty item: an empty comment stands in for its content.
        self.emit(tgt, f"{out_marker} {rest}".rstrip(" ") if rest.strip() else f"{out_marker} <!-- -->")
        self.para_depth = len(self.stack)
        self.prev = "item"

    def _block(self, ind: int, text: str, nxt: str, rel: int) -> None:
        col = self.shift_to(ind)
        if rel >= 4 and self.prev in ("blank", "other", "html", "code"):
            self.emit(col, text)
            self.prev = "code"
            return
        if self._blocks_line(text):
            self.emit(col, text)  # pymdownx.blocks reads the line where it stands: never lazy text
            self.prev = "other"
            return
        if text[0] in "$\\" and self.features.math and self.prev in ("blank", "other"):
            self.math = math_end(text)  # a math block of several lines opens
            if self.math is not None:
                self.emit(col if self.stack else ind, text)
                self.prev = "other"
                return
        if text[0] == ">" and QUOTE.match(text):
            # A quote in a list item, or indented right after a list (the quote pass leaves
            # both here): its inside is a container of its own (lists under a label).
            if not self.stack:
                col = 0
            if self.prev in ("para", "item"):
                self.out.append("")  # Python-Markdown would run the item's text into it
            elif len(self.out) > self.quote_end >= 0 and not any(self.out[self.quote_end :]):
                self.out += [" " * col + QUOTE_BREAK, ""]  # two quotes, not one
            self.quote = [" " * ind + text]
            self.quote_reader = QuoteReader()
            self.quote_reader.feed(text)
            self.quote_at = (col, self.stack[-1].src if self.stack else 0)
            self.opened_at = self.number
            return
        fence = FENCE.match(text) if text[0] in "`~" else None
        if fence is not None and not (fence.group(2)[0] == "`" and "`" in text[fence.end() :]):
            if not self.stack:
                col = 0  # Python-Markdown's fenced_code sees fences at the start of a line only
            if self.stack or self.depth:
                self.fences_in_items.append(self.base + self.number)
            if self.features.superfences and self.prev in ("para", "item"):
                # Right under paragraph or item text superfences would put the block inside
                # its <p> (a label line over the template's API fence, at any depth).
                self.out.append("")
            self.fence = (fence.group(2), col - ind, col)
            self.emit(col, text)
            self.prev = "other"
            return
        setext = text[0] in "=-" and not self.table_rows and not self.closed
        if setext and self.prev in ("para", "item") and SETEXT.match(text) and self._definitions_end():
            self.out.append("")  # (an underline under link definitions alone: a rule, or text)
            self.prev = "blank"
            setext = False
        if setext and self.prev in ("para", "item") and SETEXT.match(text):
            if not self._setext(text):
                # Python-Markdown reads an underline at the start of its line only (CommonMark:
                # up to 3 spaces in).
                self.emit(self.stack[-1].tgt if self.stack else 0, text)
                self.prev = "other"
            return
        if (text[0] == "#" and ATX.match(text)) or (text[0] in _RULE_FIRST and HR.match(text)):
            if self.stack and self.prev in ("para", "item"):
                self.out.append("")  # in a list item Python-Markdown would read it as the item's text
            if text[0] == "#" or not self.stack:  # a heading's # starts its line; a rule after a list too
                col = self.stack[-1].tgt if self.stack else 0
            self.emit(col, text)
            if text[0] != "#" and nxt[:1] in " -=" and SETEXT.match(nxt):
                self.out.append("")  # a rule under a rule: Python-Markdown would make the first a heading
            self.prev = "other"
            return
        kind = html_block_kind(text) if text[0] == "<" else 0
        if kind and (kind != 7 or self.prev not in ("para", "item")):
            if self.stack and self.prev in ("para", "item"):
                # In a list item Python-Markdown would run the item's text on into the block
                # (a <details> opening inside a <p>); CommonMark ends the paragraph here.
                self.out.append("")
            end = html_block_end(text, kind)
            if end is not None and self.stack and self.hold is not None and not end[0].search(text, end[1]):
                # A comment of several lines in a list item: held whole (Python-Markdown would show
                # it as text), when it ends inside the item; an unclosed one stays visible text.
                last = self._html_end_line(end[0])
                if last:
                    self.held, self.held_until = [self.raw[self.number - 1]], last
                    self.held_at = (col, self.stack[-1].src)
                    return
            if end is not None:  # a comment: it ends at its end marker, not at a blank line
                self.emit(col if self.stack else ind, text)
                self.html_end = end[0]
                if end[0].search(text, end[1]):
                    self._html_ended(nxt)
                else:
                    self.prev = "html"
                return
            if kind >= 6 and self.hold is not None and not self._md_in_html(text):
                # Held whole: Python-Markdown would run a block-level element on to its closing
                # tag; CommonMark ends the block at a blank line and reads the rest as Markdown.
                self.held = [self.raw[self.number - 1]]
                self.held_at = (col, self.stack[-1].src if self.stack else 0)
                return
            if self.stack:
                self.emit(col, text)
                self.prev = "other"
                return
            self.out.append(" " * ind + text)
            self.prev = "html"
            return
        header = "|" in text and is_delimiter_row(nxt) and not self.table_rows  # (else one more row)
        if header and self.prev in ("para", "item"):
            self.out.append("")  # a table right under a paragraph line
        if self.prev not in ("para", "item"):
            self.para_start, self.para_item = len(self.out), False
        self.emit(col, self._text(text, header or self.table_rows))
        if self.prev != "item":
            self.para_depth = len(self.stack)
        # A table's header row: the rows after it are not paragraph text.
        self.prev = "table" if header else "para"
        self.table_rows = self.prev == "table" or (self.table_rows and self.prev == "para")
