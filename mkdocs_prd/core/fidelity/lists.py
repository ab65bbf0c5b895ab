"""The list pass: one walk over a container's lines that re-indents nested items,
separates blocks with blank lines and holds HTML blocks, as CommonMark nests them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs_prd.core.fidelity.features import Features
from mkdocs_prd.core.fidelity.syntax import (
    ATX,
    BLOCK_START,
    FENCE,
    HR,
    ITEM,
    MARKDOWN_ATTR,
    QUOTE,
    QUOTE_BREAK,
    SETEXT,
    TASK,
    block_head,
    expand,
    html_block_kind,
    in_quote,
    indent,
    interrupts,
    is_delimiter_row,
    quote_inside,
)

_Hold = Callable[[str], str] | None
"""Takes the raw text of an HTML block and returns the one-line placeholder that stands for it."""

_Tag = Callable[[str], str] | None
"""Takes a small inline HTML element and returns the word that stands for it until after Markdown."""

_At = tuple[list[int], int] | None
"""Where a container's fences in containers are recorded, and the source line number before its
first line (its lines are the source's, one for one)."""


@dataclass(slots=True)
class _Item:
    src: int  # content column in the source
    tgt: int  # content column in the output
    kind: str  # the bullet character, or "." / ")" for ordered items


class _Lists:
    """One pass over the lines of a container (the page, or a quote's inside)."""

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
        self.quote_end = -1  # len(out) when the last quote in an item ended
        self.box: list[str] | None = None  # the body of an admonition, details block or tab
        self.box_at = (0, 0)  # its header's output column, and the body's source column
        self.para_start = 0  # index in out of the first line of the paragraph being read
        self.para_item = False  # whether that line is a list item's first line
        self.md_open = 0  # elements with a markdown attribute open (for md_in_html)
        self.table_rows = False  # the lines being read are a table's (its header row was read)
        self.closed = False  # the line being read closed list items
        self.raw: list[str] = []
        self.out: list[str] = []
        self._scanned = 0  # self.out[:_scanned] has been searched for blank lines
        self._last_blank = -1  # index of the last blank line found there
        self.stack: list[_Item] = []
        self.prev = "blank"  # blank, item, para (item text or paragraph), other, html, code
        self.para_depth = 0
        self.fence: tuple[str, int, int] | None = None  # opening fence mark, shift, output column
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

    def run(self, lines: list[str]) -> list[str]:
        self.raw = lines
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
        inside = quote_inside([line[min(content, indent(line)) :] for line in self.quote])
        deeper = self.depth + 1
        at = (self.fences_in_items, self.base + self.opened_at - 1)
        body = _alert(inside, self.features, self.hold, self.tag, deeper, at) or [
            "> " + x if x else ">" for x in _container(inside, self.features, self.hold, self.tag, deeper, at)
        ]
        self.out += [" " * col + x if x else "" for x in body]
        self.quote_end = len(self.out)
        self.quote = None
        self.prev = "other"

    def line(self, line: str, nxt: str) -> None:
        if self.box is not None:
            if not line.strip() or indent(line) >= self.box_at[1]:
                self.box.append(line)
                return
            self._end_box()
        if self.quote is not None:
            # A quote in an item runs on to a blank line or a block start, or ends with the item.
            inside = bool(line.strip()) and indent(line) >= self.quote_at[1]
            if inside and in_quote(line, self.quote_at[1]):
                self.quote.append(line)
                return
            self._end_quote()
            if inside:  # a block of the item right under the quote: Python-Markdown would run it on
                self.out.append("")
                self.prev = "blank"
        if self.held is not None:
            # The block ends at a blank line, or with the list item it is in.
            if line.strip() and indent(line) >= self.held_at[1]:
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
        if not line or line.isspace():
            self.out.append("")
            self.prev = "blank"
            self.table_rows = False
            return
        if self.prev == "html":
            self.out.append(line)  # inside a raw HTML block: untouched until a blank line
            return
        if not self.stack and line[0].isalpha() and self.prev != "code" and "|" not in line:
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
            self._hard_break()
            self.emit(base, text)
            return
        had_list = bool(self.stack)
        sibling: _Item | None = None
        while self.stack and ind < self.stack[-1].src:
            sibling = self.stack.pop()
        depth = len(self.stack)
        self.closed = sibling is not None  # the items (and their paragraph) just ended
        if sibling is not None and self.prev != "blank" and self._block_starts_indented():
            # Python-Markdown would file this line under the indented block it follows.
            self.out.append("")
            self.prev = "blank"
        rel = ind - (self.stack[-1].src if self.stack else 0)
        item = ITEM.match(line) if rel < 4 and not HR.match(line) else None
        # An item can interrupt paragraph text of its own container only on CommonMark's terms;
        # after items were closed (a sibling or an outer item) it starts freely.
        if item is not None and sibling is None and self.prev in ("para", "item") and not interrupts(item):
            item = None
        if item is not None:
            self._item(item, line, depth, sibling)
            return
        if self.prev in ("para", "item") and had_list and not self.stack:
            self.out.append("")  # a block that ends a list: Python-Markdown needs a blank line
        elif self.prev == "code" and rel >= 4:
            self.emit(self.shift_to(ind), text)
            return
        self._block(ind, text, nxt, rel)

    def _hard_break(self) -> None:
        """The paragraph line just written ends in a backslash and the paragraph goes on:
        CommonMark's hard line break, written the way Python-Markdown reads one (two spaces)."""
        last = self.out[-1] if self.out else ""
        if not last.endswith("\\") or last.count("`") % 2:
            return
        if (len(last) - len(last.rstrip("\\"))) % 2:  # an odd run: the last backslash is not escaped
            self.out[-1] = last[:-1] + "  "

    def _ends_table(self, ind: int, text: str) -> bool:
        """Whether a line after a table's rows starts a block that ends the table (GFM, as
        markdown-it reads it): any list item, a quote, heading, fence, rule or HTML block."""
        if text[:1] not in BLOCK_START or ind - (self.stack[-1].src if self.stack else 0) >= 4:
            return False
        if ITEM.match(text) or text[0] == ">" or ATX.match(text) or FENCE.match(text) or HR.match(text):
            return True
        return html_block_kind(text) not in (0, 7)

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
            prefix, first = head[:lead], head[lead:]
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

    def _lazy(self, ind: int, text: str, nxt: str) -> bool:
        """Whether a line after paragraph text continues it (CommonMark's lazy continuation)."""
        if self.stack and ind >= self.stack[-1].src:
            rel = ind - self.stack[-1].src
        else:
            rel = ind if not self.stack else 0
        if rel >= 4 and not self.stack:
            return True
        probe = text if rel < 4 else ""
        if not probe:
            return True
        if probe[0] in BLOCK_START:  # other lines (most prose) can start no block
            m = ITEM.match(probe)  # first: most lines that get here are list items
            if m is not None and (interrupts(m) or (self.stack and ind < self.stack[-1].src)):
                return False
            if ATX.match(probe) or FENCE.match(probe) or HR.match(probe) or QUOTE.match(probe):
                return False
            if SETEXT.match(probe) and (not self.stack or ind >= self.stack[-1].src):
                return False
            if html_block_kind(probe) not in (0, 7):  # kind 7 cannot interrupt a paragraph
                return False
        # A table starts under paragraph text of its own container; under an item's text at a
        # smaller indent its lines are lazy text (CommonMark/GFM).
        return not ("|" in probe and is_delimiter_row(nxt)) or bool(self.stack and ind < self.stack[-1].src)

    def _item(self, m: re.Match[str], line: str, depth: int, sibling: _Item | None) -> None:
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
        if spaces > 4 or not rest:
            spaces = 1
            rest = line[ind + len(marker) + 1 :] if len(line) > ind + len(marker) + 1 else ""
            rest = (" " * max(len(m.group(3)) - 1, 0)) + rest if rest else rest
        tgt = self.stack[-1].tgt if self.stack else 0
        self.para_start, self.para_item = len(self.out), True
        out_marker = marker[:-1] + "." if marker.endswith(")") else marker
        if not self.features.tasklist and rest[:1] == "[":
            task = TASK.match(rest)
            if task is not None:
                checked = " checked" if task.group(1) in "xX" else ""
                box = f'<input type="checkbox" class="task-list-item-checkbox" disabled{checked}>'
                rest = (self.tag(box) if self.tag is not None else box) + rest[3:]
        self.stack.append(_Item(src=ind + len(marker) + spaces, tgt=tgt + 4, kind=kind))
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
        if text[0] == ">" and self.stack:
            # A quote in a list item: its inside is a container of its own (lists under a label).
            if self.prev in ("para", "item"):
                self.out.append("")  # Python-Markdown would run the item's text into it
            elif len(self.out) > self.quote_end >= 0 and not any(self.out[self.quote_end :]):
                self.out += [" " * col + QUOTE_BREAK, ""]  # two quotes, not one
            self.quote = [" " * ind + text]
            self.quote_at = (col, self.stack[-1].src)
            self.opened_at = self.number
            return
        fence = FENCE.match(text)
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
        if self.prev in ("para", "item") and SETEXT.match(text) and not self.closed:
            if not self._setext(text):
                self.emit(col, text)
                self.prev = "other"
            return
        if ATX.match(text) or HR.match(text):
            if self.stack and self.prev in ("para", "item"):
                self.out.append("")  # in a list item Python-Markdown would read it as the item's text
            if text[0] == "#":  # Python-Markdown reads a heading whose # starts its line
                col = self.stack[-1].tgt if self.stack else 0
            self.emit(col, text)
            self.prev = "other"
            return
        kind = html_block_kind(text) if text[0] == "<" else 0
        if kind and (kind != 7 or self.prev not in ("para", "item")):
            if self.stack and self.prev in ("para", "item"):
                # In a list item Python-Markdown would run the item's text on into the block
                # (a <details> opening inside a <p>); CommonMark ends the paragraph here.
                self.out.append("")
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
        if "|" in text and is_delimiter_row(nxt) and self.prev in ("para", "item"):
            self.out.append("")  # a table right under a paragraph line
        if self.prev not in ("para", "item"):
            self.para_start, self.para_item = len(self.out), False
        self.emit(col, text)
        if self.prev != "item":
            self.para_depth = len(self.stack)
        # A table's header row: the rows after it are not paragraph text.
        self.prev = "table" if "|" in text and is_delimiter_row(nxt) else "para"
        self.table_rows = self.prev == "table" or (self.table_rows and self.prev == "para")
