"""Markdown blocks the item parsers share: list entries, bold-titled records, tables.

A *record* is a titled thing with ``Key: value`` bullets under it, in either form
seen in PRDs: a bold line (``**FR-1: Export**``) followed by bullets, or a list
item (``1. **UC-1: Pay**``) with nested bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from mkdocs_prd.core.model import Attribute, Item
from mkdocs_prd.core.parse.cells import has_border, is_separator_row, split_row
from mkdocs_prd.core.parse.lines import (
    BLANK,
    CODE,
    HEADING,
    ITEM,
    RULE,
    TEXT,
    Source,
    bold_label,
    clean_value,
    heading_text,
    indent_of,
    strip_bold,
)
from mkdocs_prd.core.parse.req_parts import part_name

_BOLD_MARKS = ("**", "__")
_SHORT_ID = re.compile(r"#?[A-Za-z]{0,4}[-_.]?[0-9]{1,4}[.)]?")
_ID_HEADERS = frozenset({"", "id", "no", "nr", "number", "ref", "key", "n", "q"})


@dataclass(slots=True)
class Record:
    """A titled block: ``head`` is its title without bold marks, ``attrs`` its bullets.

    Each bullet is ``(line, text)``, continuation lines joined to its text by a blank;
    a plain ``Key: value`` line under a bold or heading title counts as a bullet too, and
    so does a bold label line whose key the caller names (see :func:`records`).
    ``text`` is the title line's whole text (after the list marker or ``#`` marks).
    """

    head: str
    line: int
    form: Literal["block", "list"]
    attrs: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""
    body: list[str] = field(default_factory=list)
    """Text under (or after) the title that is not a bullet: the paragraph under a heading,
    ``— exports a month`` after a bold title."""

    def attributes(self) -> tuple[Attribute, ...]:
        """The bullets that read ``Key: value`` (or ``**Key:** value``); see :func:`attribute`."""
        out = []
        for n, text in self.attrs:
            if text[:2] == "**":
                attr = attribute(text, n)
                if attr is not None:
                    out.append(attr)
                continue
            # The plain "Key: value" case of attribute(), inline: records have many bullets.
            key, sep, value = text.partition(":")
            if not sep or len(key) > 60 or (value and value[0] not in " \t") or _in_brackets(key):
                continue
            key = key.strip()
            if key[:2] in _BOLD_MARKS:
                key = strip_bold(key)
            if key:
                out.append(Attribute(key, clean_value(value), n))
        return tuple(out)


def attribute(text: str, line: int) -> Attribute | None:
    """``Key: value`` / ``**Key:** value`` as an Attribute; None for other text."""
    if text[:2] == "**":
        pair = bold_label(text)
        if pair is not None:
            return Attribute(pair[0], pair[1], line)
    key, sep, value = text.partition(":")
    # "https://…" is a link, not a key; a key is short; "Fewer tickets (target: TBD)" has no key.
    if not sep or len(key) > 60 or (value and value[0] not in " \t") or _in_brackets(key):
        return None
    key = strip_bold(key)
    if not key:
        return None
    return Attribute(key, clean_value(value), line)


def _in_brackets(key: str) -> bool:
    """Whether the text before a colon leaves a bracket open: the colon is inside the brackets
    (``Fewer tickets (target: TBD)``), so the line is no ``Key: value``."""
    return key.count("(") > key.count(")") or key.count("[") > key.count("]")


_NAME_SEPARATORS = " \t:.-–—·•|"
_BRACKETED = re.compile(r"[ \t]*(?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_BOLD_ID = re.compile(
    r"\[?[A-Za-z]{1,4}(?:-[A-Za-z]{1,12}){0,2}(?:[-\u2010-\u2013]|[ ]?(?=[0-9]))[0-9][0-9A-Za-z.]*\]?"
)
REQ_FAMILY = (
    r"(?:(?-i:REQ)-(?:[A-Za-z]{1,12}-){0,3}|(?-i:N?FR)-(?:[A-Za-z]{1,12}-){1,3})"
    r"[0-9][0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*(?![0-9A-Za-z-])"
)
"""A ``REQ-`` id, as requirement trackers number them: ``REQ-7``, ``REQ-AUTH-003``, ``REQ-12.1``
(``REQ`` in capitals and a number: ``Req-based access`` is a word); or an ``FR``/``NFR`` id with
its category: ``NFR-PERF-1``, ``FR-AUTH-2`` (in capitals)."""
REQ_ID = r"(?:" + REQ_FAMILY + r"|N?FR(?:-[0-9A-Za-z][0-9A-Za-z.]*|[ \u2010-\u2013]?[0-9][0-9A-Za-z.]*))"
"""A requirement id as PRDs write it: ``FR-1``, ``NFR-2``, ``FR-1.2``, and the spellings
``FR1`` / ``FR 1`` / ``FR‑1`` with a Unicode hyphen or dash (read as ``FR-1``: see
:func:`canonical_id`); or a ``REQ-`` id (:data:`REQ_FAMILY`), functional or not by where it stands."""
# A requirement or use case id starting a list item: "- FR-3: …", "- **[UC-2]** …".
_LEADING_ID = re.compile(
    r"(?:\*\*|__)?\[?(?:(?:N?FR|UC)(?:[-\u2010-\u2013]|[ ]?)[0-9][0-9A-Za-z.]*(?![0-9A-Za-z-])|"
    + REQ_FAMILY
    + ")",
    re.IGNORECASE,
)
_SPELLED_ID = re.compile(r"(N?FR|UC)[ \u2010-\u2013]?(?=[0-9])", re.IGNORECASE)


def canonical_id(written: str) -> str:
    """An id in the form ids are defined in: ``FR1``, ``FR 1``, ``FR–1`` -> ``FR-1``; others as written
    (case kept, so ``fr-2`` stays ``fr-2``)."""
    m = _SPELLED_ID.match(written)
    return f"{m.group(1)}-{written[m.end() :]}" if m is not None else written


# An id the page shows as a link or code: "[FR-1](https://jira/PAY-1)", "[**FR-1**][pay-1]", "`FR-1`".
_WRAPPED = re.compile(
    r"(\*\*|__)?(?:`([^`\n]{1,60})`|\[(?:\*\*|__|`)?([^\[\]`*\n]{1,60}?)(?:\*\*|__|`)?\]"
    r"(?:\(([^()\s]{0,2000})(?:[ \t]+\"[^\"\n]{0,300}\")?\)|\[[^\[\]\n]{0,100}\]))"
)


def unwrapped_id(text: str, any_link: bool = False) -> str:
    """``text`` with the requirement or use-case id it starts with as plain text, when the page
    shows it as code or as a link to its ticket: ``[FR-1](https://jira/PAY-1): Export`` ->
    ``FR-1: Export``, ``**`FR-1`**: Export`` -> ``**FR-1**: Export``.  A link into the site
    (``[FR-1](#fr-1)``, ``[FR-1](pay.md#fr-1)``) refers to the id defined there, so it stays,
    unless ``any_link`` (a table's id column: the cell is the row's id).  Other text is
    returned as it is."""
    if text[:1] not in ("`", "[", "*", "_"):
        return text
    m = _WRAPPED.match(text)
    if m is None:
        return text
    url = m.group(4)
    if url is not None and not any_link and not url.lower().startswith(("http://", "https://")):
        return text
    inner = (m.group(2) or m.group(3)).strip()
    if _ID_HEAD.fullmatch(inner) is None:
        return text
    return (m.group(1) or "") + inner + text[m.end() :]


def _without_box(text: str) -> str:
    """``[ ] FR-1: Send`` / ``[x] FR-1: Send`` (a task-list item) -> ``FR-1: Send``."""
    if text[:1] == "[" and text[1:2] in (" ", "x", "X") and text[2:4] == "] ":
        return text[4:].lstrip()
    return text


def leading_id(pattern: re.Pattern[str], head: str) -> tuple[str, str] | None:
    """``(id, name)`` when a record's ``head`` starts with an id ``pattern`` matches, else None.

    The forms PRDs use: ``FR-2: Name``, ``FR-2 - Name``, ``FR-2 — Name``, ``FR-2. Name``
    and ``[FR-2] Name``, also after a task box (``[ ] FR-2: Name``) or with the id as a link
    or code (``[FR-2](https://jira/…): Name``,
    ```FR-2` Name``: see :func:`unwrapped_id`); the id keeps its case (``fr-2``), a trailing
    ``.`` is dropped, bold marks around the name are removed.
    """
    s = unwrapped_id(_without_box(head))
    bracketed = s[:1] == "["
    if bracketed:
        s = s[1:].lstrip()
    m = pattern.match(s)
    if m is None:
        return None
    rest = s[m.end() :]
    if not bracketed and rest[:1] in (" ", "\t") and rest.lstrip(" \t*_")[:1].islower():
        return None  # "FR-1 and FR-2 together", "FR-2 depends on FR-1": a sentence about it
    if bracketed:
        rest = rest.lstrip()
        if rest[:1] != "]" or rest[1:2] in ("(", "["):
            return None  # "[FR-2" unclosed, or a link "[FR-2](…)"
        rest = rest[1:]
    return canonical_id(m.group().rstrip(".")), _plain_name(strip_bold(rest.strip(_NAME_SEPARATORS)))


def _plain_name(name: str) -> str:
    """A name without italic marks round all of it: ``*Save a card*`` -> ``Save a card``."""
    mark = name[:1]
    if mark in ("*", "_") and len(name) > 2 and name.endswith(mark) and name[1] not in (mark, " "):
        inner = name[1:-1]
        if mark not in inner and inner[-1:] != " ":
            return inner
    return name


_PLAIN_KEY = re.compile(r"[^\W\d_][\w'’/&()-]*(?:[ \t][\w'’/&()-]+){0,3}[ \t]*:(?:[ \t]|$)")


def _plain_key(text: str) -> bool:
    """Whether a plain line reads ``Key: value`` (a key of one to four words), as
    ``Description: does a`` / ``Acceptance:`` do; ``https://…`` and prose sentences do not."""
    return _PLAIN_KEY.match(text) is not None


def head_of(text: str) -> str:
    """The title of a record line: the bold part (``**Name** (e.g. …)`` -> ``Name``).

    ``**FR-1:** Export`` -> ``FR-1: Export``, ``**[FR-1]** Export`` -> ``[FR-1] Export``
    (a bold id alone keeps the name after it); text without bold is returned stripped.
    """
    return _split_title(text)[0]


def title_rest(text: str) -> str:
    """What follows the bold title on a record line and is not part of the title:
    ``**FR-1: Export** (Must) — as CSV`` -> ``(Must) — as CSV``; "" when nothing does."""
    return _split_title(text)[1]


def _split_title(text: str) -> tuple[str, str]:
    s = text.strip()
    unboxed = _without_box(s)
    if unboxed is not s and unboxed[:2] in _BOLD_MARKS:
        # "[x] **FR-1:** Export — Must": a task item's title is the bold part after its box.
        title, rest = _split_title(unboxed)
        return f"{s[: len(s) - len(unboxed)]}{title}", rest
    mark = s[:2]
    if mark in _BOLD_MARKS:  # "**FR-1: Export**" or "__FR-1: Export__"
        end = s.find(mark, 2)
        if end > 2:
            inner = unwrapped_id(s[2:end].strip(" \t*_"))  # "***FR-1: Export***": bold italic
            rest = s[end + 2 :].strip()
            named = (
                inner.endswith(":")
                and _ID_HEAD.match(inner) is not None
                and _BOLD_ID.fullmatch(_BRACKETED.sub("", inner[:-1]).strip()) is None
            )  # "**FR-1 (Must):** Export" is only the id, with its priority
            if rest and not named and (inner.endswith(":") or _BOLD_ID.fullmatch(inner) is not None):
                return f"{inner} {rest}", ""  # "**FR-1:** Export", "**[FR-1]** Export"
            # "**NFR-1 Performance:** adds < 300 ms": the bold part is the title, the rest its text
            return inner.rstrip(":").strip(), rest
    elif s[:1] in ("*", "_") and s[-1:] == s[0] and len(s) > 2 and s[1:2] not in (" ", s[0]):
        return s[1:-1].strip(), ""  # "#### *FR-1: Export*": an italic title
    return s, ""


def records(src: Source, start: int, end: int, labels: frozenset[str] = frozenset()) -> list[Record]:
    """The records between lines ``start`` and ``end`` (inclusive), in order.

    ``labels`` are the keys (case-folded) a bold label line (``**Acceptance:** …``) may have to
    belong to the record above it (when that is titled by an id: ``#### FR-1: Export``), as its
    bullets do; other bold lines open a record of their own.
    The body of an admonition or content tab (``!!! note`` / ``=== "Tab"`` and the lines indented
    under it) is read as if it were not indented.
    """
    out: list[Record] = []
    cur: Record | None = None
    mode: str | None = None
    base = 0
    prev_blank = True
    last_bullet = 0  # the line of the last bullet (or of its continuation)
    shift = 0  # the indent of the admonition body being read (0: none)
    quote_record = False  # the record being read was opened inside a quote
    lines, items = src.lines, src.items
    first = max(start, 1)
    for n, kind in enumerate(src.kinds[first - 1 : min(end, len(lines))], first):
        if kind == BLANK:
            prev_blank = True
            continue
        if kind >= CODE:
            continue
        line = lines[n - 1]
        lead = indent_of(line) if line[:1] in (" ", "\t") else 0
        if shift and lead < shift:
            shift = 0  # the admonition ended; this line is outside it
        lead -= shift
        s = line.lstrip(" \t")
        quoted: tuple[int, str] | None = None  # (indent, text) of a list item inside a quote
        if kind == TEXT and s[:1] == ">":
            # A quote (or a GitHub alert, "> [!NOTE]"): its lines read without the quote marks.
            s = _unquote(s)
            if not s.strip() or s[:2] == "[!":
                prev_blank = True
                continue
            lead = indent_of(s)
            s = s.lstrip(" \t")
            item = _QUOTED_ITEM.match(s)
            if item is not None:
                kind, quoted = ITEM, (lead, s[item.end() :].strip())
            elif s[:1] == "#" and s.lstrip("#")[:1] in (" ", "\t"):
                kind = HEADING
            titled = kind != ITEM and titled_by_id(head_of(s.lstrip("#")))
            if titled:
                quote_record = True  # "> **FR-2: Totals**": a requirement in a quote or alert
            elif not quote_record or kind == HEADING:
                continue  # a quote of prose ("> - exports take a day"): no record, no part of one
        elif quote_record:
            quote_record = False  # the quote ended
        if kind == TEXT and lead < 4 and s[:3] in _CONTAINERS and s[3:4] in (" ", "+", "\t"):
            shift += lead + 4
            cur, mode = None, None
            continue
        if shift and kind == TEXT and s[:1] == "#" and s.lstrip("#")[:1] in (" ", "\t") and lead < 4:
            kind = HEADING  # a heading in an admonition
        if kind == ITEM:
            indent, text = quoted if quoted is not None else (items[n][0] - shift, items[n][2])
            # A top-level item that starts with a requirement or use case id (``- FR-3: …``) is
            # a record of its own, even below a bold or heading block (no attribute key is one).
            own = mode == "block" and indent < 2 and _own_item(text)
            if cur is not None and not own and (mode == "block" or indent > base + 1):
                cur.attrs.append((n, text))
                last_bullet = n
            else:
                cur = Record(head_of(text), n, "list", [], text)
                out.append(cur)
                mode, base = "list", indent
        elif kind == RULE:
            cur, mode = None, None
        elif kind == HEADING:
            s = heading_text(s.lstrip("#").strip(" \t#"))  # "### FR-2: Export {#fr-2}"
            s = without_outline(s)  # "#### 5.1.2 FR-2: Export": Confluence numbers its headings
            cur = Record(head_of(s), n, "block", [], s)
            out.append(cur)
            mode = "block"
        elif s[:2] in _BOLD_MARKS and lead < 2 and (prev_blank or mode != "list"):
            if cur is not None and mode == "block" and _label_of(s) in labels and titled_by_id(cur.head):
                cur.attrs.append((n, s.strip()))  # "**Acceptance:** opens in Excel" under FR-1
                last_bullet = n
            else:
                cur = Record(head_of(s), n, "block", [], s.strip())
                rest = title_rest(s)
                if rest:
                    cur.body.append(rest)  # "**FR-1: Export** — exports a month as CSV"
                out.append(cur)
                mode = "block"
        elif s[:1] == ":" and s[1:2] in (" ", "\t") and lead < 4 and cur is not None and mode == "block":
            # A definition under its term (``FR-1: Export`` over ``:   Exports a month``): a
            # ``Key: value`` part of the record, or its statement.
            d = s[1:].strip()
            if _plain_key(d) or bold_label(d) is not None:
                cur.attrs.append((n, d))
                last_bullet = n
            else:
                cur.body.append(d)
        elif kind == TEXT and lead < 4 and prev_blank and _defines(lines, n):
            # A definition list's term: ``FR-1: Export (Must)`` over ``:   Exports a month``.
            cur = Record(head_of(s), n, "block", [], s.strip())
            out.append(cur)
            mode = "block"
        elif kind == TEXT and lead < 2 and prev_blank and s[:1] in _ID_STARTS and titled_by_id(s):
            # A plain line titled by an id over its parts: "FR-1: Export" or "`FR-1` **Export**",
            # as a hurried author writes it (a sentence about an id is none: see leading_id).
            cur = Record(head_of(s), n, "block", [], s.strip())
            out.append(cur)
            mode = "block"
        elif cur is not None and mode == "block" and lead < 4 and _plain_key(s):
            # "Description: does a" without a list marker, under a bold or heading title.
            cur.attrs.append((n, s.strip()))
            last_bullet = n
        elif cur is not None and mode == "block" and cur.attrs and last_bullet == n - 1:
            # A lazy continuation line of a block's bullet (Markdown joins it to the bullet).
            bullet_line, bullet = cur.attrs[-1]
            cur.attrs[-1] = (bullet_line, f"{bullet} {s.strip()}")
            last_bullet = n
        elif cur is not None and mode == "block":
            if not cur.attrs or cur.text[:2] not in _BOLD_MARKS:
                # The paragraphs under "#### FR-1: Export", or right under a bold title: its
                # statement (a paragraph after a bold block's bullets may be the section's own).
                cur.body.append(s.strip())
        elif cur is not None and mode == "list":
            if not prev_blank or lead >= 2:
                # A continuation line: part of the last bullet, or of the item's own text.
                if cur.attrs:
                    bullet_line, bullet = cur.attrs[-1]
                    cur.attrs[-1] = (bullet_line, f"{bullet} {s.strip()}")
                else:
                    cur.body.append(s.strip())
            else:
                cur, mode = None, None
        prev_blank = False
    return out


_OUTLINE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){1,4}\.?[ \t]+")


def without_outline(title: str) -> str:
    """A heading's title without the outline number before a requirement id (``5.1.2 FR-2:
    Export`` -> ``FR-2: Export``, as Confluence numbers headings); any other title as it is."""
    outline = _OUTLINE.match(title)
    if outline is not None and titled_by_id(head_of(title[outline.end() :])):
        return title[outline.end() :]
    return title


def _own_item(text: str) -> bool:
    """Whether a list item opens a record of its own: it starts with a requirement or use-case id
    (``- FR-3: …``, ``- [FR-3](https://jira/…): …``), also as a task (``- [ ] FR-3: Send``:
    then titled by it, not a sentence about it such as ``- [ ] FR-3 verified``)."""
    unboxed = _without_box(text)
    if unboxed is not text:
        return titled_by_id(head_of(unboxed))  # "- [x] **FR-3:** Send": the bold id too
    return _LEADING_ID.match(unwrapped_id(text)) is not None


_ID_STARTS = frozenset("FNURfnur`[")


def _defines(lines: list[str], n: int) -> bool:
    """Whether line ``n`` (1-based) is a definition list's term: the next line is ``:`` and a blank."""
    following = lines[n].lstrip(" \t") if n < len(lines) else ""
    return following[:1] == ":" and following[1:2] in (" ", "\t")


_QUOTED_ITEM = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")


def _unquote(text: str) -> str:
    """``text`` (a line starting with ``>``) without its quote marks: ``> > - a`` -> ``- a``.

    One walk over the marks (a line of a million ``>`` is read in linear time).
    """
    i, end = 0, len(text)
    while i < end and text[i] == ">":
        i += 1
        if i < end and text[i] == " ":
            i += 1
        j = i
        while j < end and j - i < 3 and text[j] == " ":
            j += 1
        if j < end and text[j] == ">":
            i = j
    return text[i:]


_CONTAINERS = frozenset({"!!!", "???", "==="})
"""How an admonition (``!!! note``, collapsible ``??? note`` / ``???+``) or a content tab
(``=== "Tab"``) opens: its body is the lines indented under it."""


_ID_HEAD = re.compile(
    r"(?:(?:N?FR|UC)(?:[-\u2010-\u2013]|[ ]?)[0-9][0-9A-Za-z.]*(?![0-9A-Za-z-])|" + REQ_FAMILY + ")",
    re.IGNORECASE,
)


def titled_by_id(head: str) -> bool:
    """Whether a record's title is an id and a name (``FR-1: Export``), not a sentence about ids."""
    return leading_id(_ID_HEAD, head) is not None


def _label_of(line: str) -> str:
    """The key of a bold label line (``**Acceptance:** x`` -> ``acceptance``), or ""."""
    pair = bold_label(line) if line[:2] == "**" else None
    return part_name(pair[0].strip("*_")) if pair is not None else ""


def entries(src: Source, start: int, end: int) -> list[Item]:
    """The top-level list items between ``start`` and ``end`` (nested items are left out).

    An item's continuation lines are joined to its text by a blank.
    """
    out: list[Item] = []
    parts: list[str] | None = None
    appending = False
    line_no = 0
    base = -1
    prev_blank = True
    lines, items = src.lines, src.items
    first = max(start, 1)
    for n, kind in enumerate(src.kinds[first - 1 : min(end, len(lines))], first):
        if kind == ITEM:
            indent, _, text = items[n]
            if parts is not None and indent > base + 1:
                appending = False  # a nested item: its lines are not the entry's text
            else:
                if parts is not None:
                    out.append(Item(parts[0] if len(parts) == 1 else " ".join(parts), line_no))
                parts, line_no, base, appending = [text], n, indent, True
        elif kind == BLANK:
            prev_blank = True
            continue
        elif kind >= CODE:
            continue
        elif parts is not None and (kind in (RULE, HEADING) or (prev_blank and indent_of(lines[n - 1]) < 2)):
            out.append(Item(parts[0] if len(parts) == 1 else " ".join(parts), line_no))
            parts = None
        elif parts is not None and appending:
            parts.append(lines[n - 1].strip())
        prev_blank = False
    if parts is not None:
        out.append(Item(parts[0] if len(parts) == 1 else " ".join(parts), line_no))
    return out


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: header cells, header line, and ``(line, cells)`` rows."""

    header: tuple[str, ...]
    line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def column(self, *words: str) -> int:
        """Index of the first header cell containing any of ``words`` (case-insensitive), or -1."""
        return _column(self.header, words)

    def line_numbers(self) -> set[int]:
        """Every line the table occupies (header, separator, rows)."""
        numbers = {self.line, self.line + 1}
        numbers.update(n for n, _ in self.rows)
        return numbers


def tables(src: Source, start: int, end: int) -> list[Table]:
    """The pipe tables (header row + separator row + body rows) between ``start`` and ``end``."""
    out: list[Table] = []
    kinds, lines = src.kinds, src.lines
    last = min(end, len(lines))
    n = max(start, 1)
    while n < last:
        line = lines[n - 1]
        if kinds[n - 1] != TEXT or "|" not in line or kinds[n] != TEXT or "-" not in lines[n]:
            n += 1
            continue
        border = has_border(line)
        header = split_row(line, border)
        sep = split_row(lines[n], border)
        # Python-Markdown's test: two or more header cells (one needs a border), a
        # separator row with as many cells.
        if (
            header is None
            or sep is None
            or not is_separator_row(sep, header)
            or not (len(header) > 1 or border)
        ):
            n += 1
            continue
        rows: list[tuple[int, tuple[str, ...]]] = []
        r = n + 2
        while r <= last and kinds[r - 1] == TEXT:
            cells = split_row(lines[r - 1], border)
            if cells is None:
                break
            rows.append((r, tuple(cells)))
            r += 1
        out.append(Table(tuple(header), n, tuple(rows)))
        n = r
    return out


@lru_cache(maxsize=1024)
def _column(header: tuple[str, ...], words: tuple[str, ...]) -> int:
    # Cached: a site's tables repeat the same few headers.
    for i, name in enumerate(header):
        low = strip_bold(name).lower()
        if any(w in low for w in words):
            return i
    return -1


def item_column(table: Table, skip: int | set[int] = -1) -> int:
    """The first column that holds items: not an id column (``#``, ``ID``, all cells ``G1``),
    nor one of ``skip`` (a column or a set of them)."""
    skipped = skip if isinstance(skip, set) else {skip}
    for i, header in enumerate(table.header):
        if i in skipped or strip_bold(header).strip(" \t#.:").lower() in _ID_HEADERS:
            continue
        values = [cell(c, i).strip() for _, c in table.rows]
        if values and all(_is_id(v) for v in values if v):
            continue
        return i
    return -1


def _is_id(value: str) -> bool:
    """``G1``, ``NG-2``, ``3``, ``Q4``: a short code, not a goal."""
    return _SHORT_ID.fullmatch(strip_bold(value).strip("`").strip()) is not None


def cell(cells: tuple[str, ...], index: int) -> str:
    """The cell at ``index`` ('' when the column is missing)."""
    return cells[index] if 0 <= index < len(cells) else ""
