"""Markdown fidelity: a PRD page's Markdown rewritten so Python-Markdown reads it as CommonMark/GFM does.

Host-free (no MkDocs, no Python-Markdown): a text -> text normalisation that the MkDocs
plugin and the Python-Markdown extension for other hosts both run on a PRD page after
the fragments are in place.  Authors write PRDs against GitHub or their editor
(CommonMark/GFM); Python-Markdown differs on a few constructs the template itself uses:

* nested list items need 4 spaces per level (CommonMark: the parent's content column,
  2 or 3 spaces after ``-`` or ``1.``), so 2- and 3-space nesting came out flat;
* a list or table directly under a paragraph line (``**Error handling:**`` then
  ``- 400: ...``) needs a blank line in between, else it is run into the paragraph;
* a list or block that ends a list without a blank line needs one;
* ``1)`` ordered items are not list items to Python-Markdown;
* task items, footnotes and ``> [!NOTE]`` alerts need extensions a site may not enable
  (:class:`Features`): without them they become inline HTML, a footnote list and a
  titled quote, with the extension they are left to it (alerts become admonitions when
  ``admonition`` is on).

Only lines are re-indented, blank lines inserted and markers rewritten: no author text
is dropped.  Line numbers of findings refer to the source and are not affected (this
runs on the page after the findings were made).  Ordered-list start numbers and the
separation of a bullet list from an ordered list need the sane-list behaviour that the
Python-Markdown extension piece (:mod:`mkdocs_prd.adapters.markdown.lists`) switches on for PRD pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Features", "features_from_extensions", "fences_in_list_items", "normalise"]


@dataclass(frozen=True)
class Features:
    """Which Markdown extensions the site enables (then their syntax is left to them)."""

    tasklist: bool = False
    footnotes: bool = False
    admonition: bool = False
    superfences: bool = False


_TASKLIST = {"pymdownx.tasklist", "markdown_checklist.extension", "mdx_tasklist"}
_FOOTNOTES = {"footnotes", "markdown.extensions.footnotes", "pymdownx.extra", "extra"}
_ADMONITION = {"admonition", "markdown.extensions.admonition"}
_SUPERFENCES = {"pymdownx.superfences"}


def features_from_extensions(names: Iterable[object]) -> Features:
    """:class:`Features` from a site's ``markdown_extensions`` (names or extension objects)."""
    found: set[str] = set()
    for name in names:
        text = name if isinstance(name, str) else f"{type(name).__module__}"
        found.add(text.strip())
    mods = {n.rsplit(".", 1)[0] if n.startswith("pymdownx.") and n.count(".") > 1 else n for n in found}
    return Features(
        tasklist=bool(mods & _TASKLIST),
        footnotes=bool(mods & _FOOTNOTES),
        admonition=bool(mods & _ADMONITION),
        superfences=bool(mods & _SUPERFENCES),
    )


# A list item marker: indent, marker (bullet or number with . or )), then a space or the end.
_ITEM = re.compile(r"^( *)([-+*]|\d{1,9}[.)])( +|$)")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# CommonMark's HTML blocks (spec 4.6), by kind: 1 raw text elements, 2-5 comments,
# processing instructions, declarations and CDATA, 6 block-level tags, 7 any other
# complete tag alone on its line (which cannot interrupt a paragraph).
_HTML_RAW = re.compile(r"^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_HTML_SPECIAL = re.compile(r"^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[)")
_HTML_TAG = re.compile(r"^ {0,3}</?([A-Za-z][A-Za-z0-9-]*)(?:[\s>]|/>|$)")
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_HTML_ALONE = re.compile(
    rf"^ {{0,3}}(?:<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$"
)
_BLOCK_TAG_NAMES = """
address article aside base basefont blockquote body caption center col colgroup dd details dialog dir
div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html
iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary
table tbody td tfoot th thead title tr track ul
"""
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_MARKDOWN_ATTR = re.compile(r"\smarkdown(?:\s*=|[\s/>]|$)")


def html_block_kind(text: str) -> int:
    """The CommonMark kind (1-7) of the HTML block ``text`` starts, or 0 when it starts none.

    A line that merely begins with inline HTML (``<span id="x"></span>**FR-1**``,
    ``<b>Goals</b>``) starts a paragraph, not an HTML block.
    """
    if not text.lstrip(" ").startswith("<"):
        return 0
    if _HTML_RAW.match(text):
        return 1
    if _HTML_SPECIAL.match(text):
        return 2
    tag = _HTML_TAG.match(text)
    if tag is not None and tag.group(1).lower() in _BLOCK_TAGS:
        return 6
    return 7 if _HTML_ALONE.match(text) else 0


_QUOTE = re.compile(r"^ {0,3}>")
_TASK = re.compile(r"^\[([ xX])\](?=[ \t]+\S)")
_ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$", re.IGNORECASE)
_FOOTDEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_FOOTREF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DELIM_CELL = re.compile(r"^ *:?-+:? *$")
_BLOCK_START = frozenset("#`~*-_>=<+0123456789")
"""First characters of the lines that can start a block (heading, fence, rule, quote, item, HTML)."""

_ALERT_KIND = {
    "note": ("note", "Note"),
    "tip": ("tip", "Tip"),
    "important": ("info", "Important"),
    "warning": ("warning", "Warning"),
    "caution": ("danger", "Caution"),
}


def _expand(line: str) -> str:
    """``line`` with leading tabs expanded to 4-column stops (only the indentation)."""
    if "\t" not in line:
        return line
    i, col = 0, 0
    while i < len(line) and line[i] in " \t":
        col = col + 4 - col % 4 if line[i] == "\t" else col + 1
        i += 1
    return " " * col + line[i:]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_delimiter_row(line: str) -> bool:
    text = line.strip()
    if "-" not in text or not set(text) <= set("|:- \t"):
        return False
    cells = [c for c in text.strip("|").split("|")]
    return bool(cells) and all(_DELIM_CELL.match(c) for c in cells) and ("|" in text)


def _interrupts(m: re.Match[str]) -> bool:
    """Whether an item can interrupt a paragraph: not empty; ordered only if it starts at 1."""
    rest = m.string[m.end() :]
    if not rest.strip():
        return False
    marker = m.group(2)
    return marker in "-+*" or marker[:-1].lstrip("0") == "1"


_Hold = Callable[[str], str] | None
"""Takes the raw text of an HTML block and returns the one-line placeholder that stands for it."""

_Tag = Callable[[str], str] | None
"""Takes a small inline HTML element and returns the word that stands for it until after Markdown."""


@dataclass(slots=True)
class _Item:
    src: int  # content column in the source
    tgt: int  # content column in the output
    kind: str  # the bullet character, or "." / ")" for ordered items


class _Lists:
    """One pass over the lines of a container (the page, or a quote's inside)."""

    def __init__(self, features: Features, hold: _Hold = None, tag: _Tag = None, depth: int = 0) -> None:
        self.features = features
        self.hold = hold
        self.tag = tag
        self.depth = depth  # how many quotes deep the container is
        self.held: list[str] | None = None  # the raw lines of an HTML block being held
        self.held_at = (0, 0)  # the held block's output column, and the content column it needs
        self.quote: list[str] | None = None  # the lines of a quote inside a list item
        self.quote_at = (0, 0)  # its output column, and the item's content column
        self.raw: list[str] = []
        self.out: list[str] = []
        self._scanned = 0  # self.out[:_scanned] has been searched for blank lines
        self._last_blank = -1  # index of the last blank line found there
        self.stack: list[_Item] = []
        self.prev = "blank"  # blank, item, para (item text or paragraph), other, html, code
        self.para_depth = 0
        self.fence: tuple[str, int] | None = None  # closing fence mark, shift
        self.number = 0  # 1-based number of the line being read
        self.fences_in_items: list[int] = []

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
        expanded = [_expand(raw) if "\t" in raw else raw for raw in lines]
        expanded.append("")
        for i in range(len(lines)):
            self.number = i + 1
            self.line(expanded[i], expanded[i + 1])
        self._release()
        self._end_quote()
        return self.out

    def _release(self) -> None:
        """Put the held HTML block into the output as one placeholder line, blank lines around."""
        if self.held is None or self.hold is None:
            return
        if self.out and self.out[-1]:
            self.out.append("")
        col, content = self.held_at
        held = [raw[min(content, _indent(raw)) :] for raw in self.held] if content else self.held
        self.out.append(" " * col + self.hold("\n".join(held)))
        self.held = None
        self.prev = "other"

    def _end_quote(self) -> None:
        """Put the quote read inside a list item into the output, its own inside normalised."""
        if self.quote is None:
            return
        col, content = self.quote_at
        inside = _quote_inside([line[min(content, _indent(line)) :] for line in self.quote])
        deeper = self.depth + 1
        body = _alert(inside, self.features, self.hold, self.tag, deeper) or [
            "> " + x if x else ">" for x in _container(inside, self.features, self.hold, self.tag, deeper)
        ]
        self.out += [" " * col + x if x else "" for x in body]
        self.quote = None
        self.prev = "other"

    def line(self, line: str, nxt: str) -> None:
        if self.quote is not None:
            # A quote in an item runs on to a blank line or a block start, or ends with the item.
            inside = bool(line.strip()) and _indent(line) >= self.quote_at[1]
            if inside and _in_quote(line, self.quote_at[1]):
                self.quote.append(line)
                return
            self._end_quote()
            if inside:  # a block of the item right under the quote: Python-Markdown would run it on
                self.out.append("")
                self.prev = "blank"
        if self.held is not None:
            # The block ends at a blank line, or with the list item it is in.
            if line.strip() and _indent(line) >= self.held_at[1]:
                self.held.append(self.raw[self.number - 1])
                return
            self._release()
        if self.fence is not None:
            mark, shift = self.fence
            ind = _indent(line)
            self.emit(max(ind + shift, 0), line.lstrip(" "))
            if line.strip().startswith(mark) and set(line.strip()) == {mark[0]}:
                self.fence = None
                self.prev = "other"
                if self._superfence_in_item() and nxt.strip() and _indent(nxt) >= self.stack[-1].src:
                    self.out.append("")  # the item's text after the block is a paragraph of its own
            return
        if not line or line.isspace():
            self.out.append("")
            self.prev = "blank"
            return
        if self.prev == "html":
            self.out.append(line)  # inside a raw HTML block: untouched until a blank line
            return
        if not self.stack and line[0].isalpha() and self.prev != "code" and "|" not in line:
            # Most lines of a page: paragraph text outside lists, nothing to change.
            if self.prev == "para":
                self._hard_break()
            self.out.append(line)
            if self.prev != "para":
                self.para_depth = 0
            self.prev = "para"
            return
        ind = _indent(line)
        text = line[ind:]
        if self.prev == "code" and ind - (self.stack[-1].src if self.stack else 0) < 4:
            self.out.append("")  # indented code ends: Python-Markdown needs a blank line
            self.prev = "blank"
        if self.prev in ("para", "item") and self._lazy(ind, text, nxt):
            base = self.stack[-1].tgt if self.stack and ind < self.stack[-1].src else self.shift_to(ind)
            marker = _ITEM.match(text)
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
        if sibling is not None and self.prev != "blank" and self._block_starts_indented():
            # Python-Markdown would file this line under the indented block it follows.
            self.out.append("")
            self.prev = "blank"
        rel = ind - (self.stack[-1].src if self.stack else 0)
        item = _ITEM.match(line) if rel < 4 and not _HR.match(line) else None
        # An item can interrupt paragraph text of its own container only on CommonMark's terms;
        # after items were closed (a sibling or an outer item) it starts freely.
        if item is not None and sibling is None and self.prev in ("para", "item") and not _interrupts(item):
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

    def _superfence_in_item(self) -> bool:
        return bool(self.stack) and self.features.superfences

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
        if probe[0] in _BLOCK_START:  # other lines (most prose) can start no block
            m = _ITEM.match(probe)  # first: most lines that get here are list items
            if m is not None and (_interrupts(m) or (self.stack and ind < self.stack[-1].src)):
                return False
            if _ATX.match(probe) or _FENCE.match(probe) or _HR.match(probe) or _QUOTE.match(probe):
                return False
            if _SETEXT.match(probe) and not self.stack:
                return False
            if html_block_kind(probe) not in (0, 7):  # kind 7 cannot interrupt a paragraph
                return False
        return not ("|" in probe and _is_delimiter_row(nxt))

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
        out_marker = marker[:-1] + "." if marker.endswith(")") else marker
        if not self.features.tasklist and rest[:1] == "[":
            task = _TASK.match(rest)
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
            self.quote = [" " * ind + text]
            self.quote_at = (col, self.stack[-1].src)
            return
        fence = _FENCE.match(text)
        if fence is not None:
            if self.stack:
                self.fences_in_items.append(self.number)
            if self._superfence_in_item() and self.prev in ("para", "item"):
                # Right under the item's text superfences would put the block inside its <p>.
                self.out.append("")
            self.fence = (fence.group(2), col - ind)
            self.emit(col, text)
            self.prev = "other"
            return
        if _ATX.match(text) or _HR.match(text) or (self.prev in ("para", "item") and _SETEXT.match(text)):
            self.emit(col, text)
            self.prev = "other"
            return
        kind = html_block_kind(text) if text[0] == "<" else 0
        if kind and (kind != 7 or self.prev not in ("para", "item")):
            if self.stack and self.prev in ("para", "item"):
                # In a list item Python-Markdown would run the item's text on into the block
                # (a <details> opening inside a <p>); CommonMark ends the paragraph here.
                self.out.append("")
            if kind >= 6 and self.hold is not None and not _MARKDOWN_ATTR.search(text):
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
        if "|" in text and _is_delimiter_row(nxt) and self.prev in ("para", "item"):
            self.out.append("")  # a table right under a paragraph line
        self.emit(col, text)
        if self.prev != "item":
            self.para_depth = len(self.stack)
        # A table's header row: the rows after it are not paragraph text.
        self.prev = "table" if "|" in text and _is_delimiter_row(nxt) else "para"


def _quote_inside(lines: list[str]) -> list[str]:
    inside = []
    for line in lines:
        m = _QUOTE.match(line)
        if m is None:
            inside.append(line)
            continue
        rest = line[m.end() :]
        inside.append(rest[1:] if rest.startswith(" ") else rest)
    return inside


def _alert(inside: list[str], features: Features, hold: _Hold, tag: _Tag, depth: int = 0) -> list[str] | None:
    """A GFM alert (``[!NOTE]`` on the quote's first line) as an admonition or titled quote."""
    if not inside:
        return None
    m = _ALERT.match(inside[0].strip())
    if m is None:
        return None
    kind, title = _ALERT_KIND[m.group(1).lower()]
    body = _container(inside[1:], features, hold, tag, depth)
    if features.admonition:
        return [f'!!! {kind} "{title}"', *("    " + line if line else "" for line in body)]
    head = f'<strong class="prd-alert__title prd-alert__title--{kind}">{title}</strong>'
    return ["> " + head, ">", *("> " + line if line else ">" for line in body)]


_MAX_DEPTH = 40
"""Quotes nested deeper than this are left as written (a hostile page must not exhaust the stack)."""


def _container(
    lines: list[str], features: Features, hold: _Hold = None, tag: _Tag = None, depth: int = 0
) -> list[str]:
    """Normalise the lines of one container (``depth`` quotes deep): lists, and quotes at its top level."""
    if depth > _MAX_DEPTH:
        return lines
    if not any(">" in line[:8] for line in lines):  # no quote (most pages): one list pass
        return _Lists(features, hold, tag, depth).run(lines)
    out: list[str] = []
    chunk: list[str] = []
    run_first = ""  # the first line of the run of non-blank lines that ends the chunk
    i = 0
    prev_blank = True
    fence: str | None = None  # the closing mark of the fenced block the scan is in
    while i < len(lines):
        line = lines[i]
        fence = _fence_after(line, fence)
        # A quote starts after a blank line or right under paragraph text (it interrupts
        # a paragraph in CommonMark); never inside a fenced block.
        quote = fence is None and ">" in line[:8] and _QUOTE.match(_expand(line))
        if (
            quote
            and (prev_blank or _interruptible(chunk, run_first))
            and (not _indent(_expand(line)) or not _in_open_list(chunk))
        ):
            j = i + 1
            while j < len(lines) and lines[j].strip() and _in_quote(_expand(lines[j]), 0):
                j += 1
            out += _Lists(features, hold, tag, depth).run(chunk) if chunk else []
            if chunk and not prev_blank:
                out.append("")  # Python-Markdown would run the text above into the quote
            chunk, run_first = [], ""
            inside = _quote_inside(lines[i:j])
            alert = _alert(inside, features, hold, tag, depth + 1)
            if alert is not None:
                out += alert
            else:
                out += ["> " + x if x else ">" for x in _container(inside, features, hold, tag, depth + 1)]
            if j < len(lines) and lines[j].strip():
                out.append("")  # the quote ended at a block: Python-Markdown would run it on
                prev_blank = True
            i = j
            continue
        chunk.append(line)
        prev_blank = not line.strip()
        run_first = "" if prev_blank else run_first or line
        i += 1
    if chunk:
        out += _Lists(features, hold, tag, depth).run(chunk)
    return out


def _in_quote(line: str, column: int) -> bool:
    """Whether ``line``, after a quote's line, is still in the quote (its content column
    ``column``): it has the quote mark, or continues the quote's paragraph (it starts no block)."""
    text = line[column:]
    ind = _indent(text)
    if ind >= 4:
        return True
    probe = text[ind:]
    if probe[:1] not in _BLOCK_START:
        return True
    if probe[0] == ">":
        return True
    item = _ITEM.match(probe)
    if item is not None and probe[item.end() :].strip():  # any item ends a quote (as markdown-it reads it)
        return False
    return not (
        _ATX.match(probe) or _FENCE.match(probe) or _HR.match(probe) or html_block_kind(probe) not in (0, 7)
    )


def _fence_after(line: str, fence: str | None) -> str | None:
    """The fence open after ``line`` (its closing mark), given the one open before it."""
    if line[:1] not in (" ", "`", "~") or _indent(line) > 3:
        return fence
    m = _FENCE.match(line)
    if m is None:
        return fence
    mark = m.group(2)
    if fence is None:
        return mark if mark[0] == "~" or "`" not in line[m.end() :] else None
    closes = mark[0] == fence[0] and len(mark) >= len(fence) and not line.strip().strip(mark[0])
    return None if closes else fence


def _interruptible(chunk: list[str], run_first: str) -> bool:
    """Whether the last line of ``chunk`` is text a quote may interrupt (a paragraph, heading,
    item or table row; not indented code, not a line of an HTML block)."""
    last = _expand(chunk[-1]) if chunk else ""
    if not last.strip() or _indent(last) >= 4:
        return False
    return html_block_kind(_expand(run_first)) == 0  # an HTML block runs on to a blank line


def _in_open_list(chunk: list[str]) -> bool:
    """Whether a quote starting after ``chunk`` would sit inside a list item (then it is left there)."""
    for line in reversed(chunk):
        if line.strip():
            return _indent(_expand(line)) > 0 or _ITEM.match(_expand(line)) is not None
    return False


def _footnotes(lines: list[str]) -> list[str]:
    """Footnotes without the ``footnotes`` extension: references as links, definitions at the end."""
    if not any("[^" in line for line in lines):
        return lines
    defs: dict[str, list[str]] = {}
    body: list[str] = []
    current: str | None = None
    fence = False
    for line in lines:
        if _FENCE.match(line.lstrip(" ")) and _indent(line) < 4:
            fence = not fence
        if not fence:
            m = _FOOTDEF.match(line)
            if m is not None:
                current = m.group(1)
                defs.setdefault(current, []).append(m.group(2))
                continue
            if current is not None and line.startswith("    ") and line.strip():
                defs[current].append(line.strip())
                continue
        current = None
        body.append(line)
    if not defs:
        return lines
    order: list[str] = []
    fence = False
    for n, line in enumerate(body):
        if _FENCE.match(line.lstrip(" ")):
            fence = not fence
        if fence or "[^" not in line:
            continue
        body[n] = _link_refs(line, defs, order)
    items = []
    for label in order:
        ident = _fn_id(label)
        text = html.escape(" ".join(defs[label]), quote=False)
        back = f'<a class="footnote-backref" href="#fnref:{ident}">&#8617;</a>'
        items.append(f'<li id="fn:{ident}"><p>{text}&#160;{back}</p></li>')
    unused = [label for label in defs if label not in order]
    for label in unused:  # never lose author text: an unreferenced note is still listed
        text = html.escape(" ".join(defs[label]), quote=False)
        items.append(f'<li id="fn:{_fn_id(label)}"><p>{text}</p></li>')
    return [*body, "", '<div class="footnote prd-footnotes"><hr><ol>', *items, "</ol></div>", ""]


def _fn_id(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "-", label)


def _link_refs(line: str, defs: dict[str, list[str]], order: list[str]) -> str:
    parts = re.split(r"(`+[^`]*`+)", line)  # leave code spans alone
    for k in range(0, len(parts), 2):

        def ref(m: re.Match[str]) -> str:
            label = m.group(1)
            if label not in defs:
                return m.group(0)
            if label not in order:
                order.append(label)
            ident = _fn_id(label)
            number = order.index(label) + 1
            return f'<sup id="fnref:{ident}"><a class="footnote-ref" href="#fn:{ident}">{number}</a></sup>'

        parts[k] = _FOOTREF.sub(ref, parts[k])
    return "".join(parts)


def normalise(markdown: str, features: Features | None = None, hold: _Hold = None, tag: _Tag = None) -> str:
    """``markdown`` (a PRD page) rewritten so Python-Markdown renders its CommonMark/GFM block structure.

    ``features`` says which extensions the site enables (default: none, MkDocs'
    built-in set).  ``hold``, when given, takes the raw text of each HTML block that
    starts with a block-level tag (or is a tag alone on its line) and returns a
    one-line placeholder (an HTML comment) to put in its place; the caller swaps the
    text back after Markdown.  Python-Markdown would otherwise run such a block on to
    its closing tag, reading the Markdown between (a list inside ``<details>``) as
    raw HTML.  ``tag``, when given, does the same for the small inline elements the
    pass writes itself (a task item's checkbox on a site without a task-list
    extension): a word in the text costs Python-Markdown nothing, where each raw tag
    goes through its HTML parsers twice.  Returns the text unchanged where nothing differs.
    """
    features = features or Features()
    lines = markdown.split("\n")
    if not features.footnotes:
        lines = _footnotes(lines)
    out = _container(lines, features, hold, tag)
    return "\n".join(out)


def fences_in_list_items(lines: list[str]) -> list[int]:
    """1-based numbers of the lines that open a fenced code block inside a list item.

    Python-Markdown's ``fenced_code`` only sees fences at the start of a line: inside
    a list item such a block renders as indented code with its fence lines showing,
    unless the site enables ``pymdownx.superfences``.
    """
    # Such a fence is indented (to the item's content column): a page without an
    # indented fence line has none, and most pages are skipped without the scan.
    if not any(line[:1] in (" ", "\t") and line.lstrip(" \t")[:3] in ("```", "~~~") for line in lines):
        return []
    scan = _Lists(Features())
    scan.run(lines)
    return scan.fences_in_items
