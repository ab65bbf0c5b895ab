"""The metadata block under the title, in every form real PRDs write it.

A PRD's header names its Version, Date, Track ID, Owner and Status.  The template
writes ``**Key:** value`` lines; real pages also use

* a key/value table (``| Field | Value |`` over ``| Version | 1.0 |`` rows, or the
  rows alone),
* a horizontal table (the keys in the header row, one row of values),
* a bullet list (``- **Version:** 1.0``, ``* Version: 1.0``),
* plain ``Version: 1.0`` lines,
* a blockquote (``> **Version:** 1.0``),
* several fields on one line, separated by ``|``, ``·`` or ``•``
  (``**Version:** 1.0 | **Status:** Draft``).

A bold label (``**Anything:** value``) is always a field; a plain label only when it
is a metadata word (:data:`HEADER_KEYS`), so ``Note: read this first`` stays prose.
The header is the first run of such lines after the title, before the first section
heading; a later run counts only when it names a metadata word and is among the first
few blocks (an intro paragraph may come first).  :func:`read_header` also says
whether the run can be replaced by the header card: only when every line of it was read.

When nothing is read but the top of the page holds the metadata in a form this
module cannot read (a code block, an HTML table, a definition list …), the result
carries one Problem naming that form, so validation reports one finding, not five
"missing" ones.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from mkdocs_prd.core.model import CORE_FIELDS, FIELD_SYNONYMS, Field, Problem, joined_field
from mkdocs_prd.core.parse.cells import split_row
from mkdocs_prd.core.parse.front import normalise_key
from mkdocs_prd.core.parse.inline import meta_field, without_comments
from mkdocs_prd.core.parse.lines import (
    BLANK,
    CODE,
    COMMENT,
    HEADING,
    ITEM,
    RULE,
    TEXT,
    Source,
    bold_label,
    clean_value,
    is_rule,
)

__all__ = [
    "HEADER_KEYS",
    "Header",
    "header_key",
    "header_over_rule",
    "is_header_line",
    "is_header_span",
    "names_header",
    "read_header",
    "read_line",
]

HEADER_KEYS: frozenset[str] = frozenset(
    {"version", "date", "track_id", "owner", "status", "title", "type"}
    | {alt for alts in FIELD_SYNONYMS.values() for alt in alts}
    | {
        "reviewers",
        "reviewer",
        "approvers",
        "approver",
        "approved_by",
        "team",
        "stakeholders",
        "contributors",
        "target_release",
        "release",
        "epic",
        "jira",
        "ticket",
        "tags",
        "audience",
        "sponsor",
        "engineering_lead",
        "tech_lead",
        "design_lead",
        "designer",
        "due_date",
        "target_date",
    }
)
"""Normalised keys a plain ``Key: value`` line (no bold) is read as metadata for."""

_NON_WORD = re.compile(r"[\W_]+")

# Where one field may end and the next begin on a line of several fields: a
# separator ("|" only outside a table), or blanks before a bold label.  A piece
# after one is a new field only when it starts with a label (see read_line).
# Each alternative starts with its own character, so no run of blanks is scanned twice.
_BREAK = re.compile(r"([|·•;,]|<br\s*/?>|\s[/—–-](?=\s)|\s(?=\*\*|__))")
_BREAK_NO_DASH = re.compile(r"([|·•;,]|<br\s*/?>|\s/(?=\s)|\s(?=\*\*|__))")
_DASHED = re.compile(r"\s[—–-]\s")
# "Owner (PM)", "Date (last edit)", "Owner(s)": a field's name with a qualifier.
_QUALIFIED = re.compile(r"(.+?)\s*\(([^()]{1,30})\)")
# "**Owner** Ana", "**Status** — Draft": a bold metadata word without a colon.
_BOLD_NO_COLON = re.compile(r"(?:\*\*|__)([^*_:]{1,40})(?:\*\*|__)\s*(?:[—–=-]\s*)?(\S.*)")
_PLAIN = re.compile(r"([^\W\d_][\w .'/()-]{0,40}?)\s*:\s+(\S.*)")
# "Version - 1.2", "Owner – Ana", "Status — Draft", "Status = Draft": a metadata word, a dash
# (or an equals sign) between blanks, its value.
_PLAIN_DASH = re.compile(r"([^\W\d_][\w .'/()-]{0,40}?)[ \t]+[-\u2013\u2014=][ \t]+(\S.*)")
_ITALIC = re.compile(r"[*_]([^*_:]{1,40})(?::[*_]|[*_][ \t]?:)\s*(.*)")  # "*Status:*", "*Status*:"
_DELIMITER = re.compile(r"\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?")
_LIST_MARK = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+")
_LABEL_HEADS = frozenset(
    {"field", "fields", "key", "property", "attribute", "item", "name", "metadata", "meta", "document", "prd"}
    | {"info", "detail", "details", "parameter", "document_info", "prd_info"}
)


@dataclass(slots=True)
class Header:
    """What :func:`read_header` found.

    ``start``/``end`` span the header run (0 when none); ``replaceable`` says whether
    every line of that span was read as metadata (a card may then replace it).
    """

    fields: list[Field] = field(default_factory=list)
    start: int = 0
    end: int = 0
    replaceable: bool = False
    problem: Problem | None = None
    unread: tuple[int, str] | None = None  # the first block not read that names a field, and its form
    named: set[str] = field(default_factory=set)  # the field words those blocks name


def read_header(src: Source, title_line: int, end: int, soft_end: int | None = None) -> Header:
    """Read the metadata from the title (or the body start) up to line ``end`` (exclusive).

    From line ``soft_end`` on (a heading that is not a template section, such as
    ``## Overview``) a block is the header only when nothing was read before it and it
    names at least two of the required fields (or their other names), so a
    ``**Current state:**`` line under an own-words heading is never metadata.
    """
    out = Header()
    lines, kinds = src.lines, src.kinds
    stop = min(end, len(lines) + 1)
    soft = stop if soft_end is None else min(soft_end, stop)
    skip = {title_line}
    if 0 < title_line < len(lines) and lines[title_line][:1] == "=":
        skip.add(title_line + 1)  # a setext title's underline
    n = src.body_start
    first_block = True
    blocks = 0
    while n < stop and (out.fields or blocks < _MAX_BLOCKS):
        if n >= soft and out.fields:
            break
        kind = kinds[n - 1]
        if n in skip or kind in (BLANK, RULE, COMMENT, HEADING):
            n += 1
            continue
        if kind == CODE:
            if out.fields:
                break
            _note_form(out, src, n, stop)
            while n < stop and kinds[n - 1] == CODE:
                n += 1
            first_block = False
            blocks += 1
            continue
        block_end = n  # a block: consecutive lines that are text, items or table rows
        while block_end < stop and kinds[block_end - 1] in _BLOCK_KINDS and block_end not in skip:
            block_end += 1
        found, read_all = _read_block(lines, n, block_end)
        if n >= soft and len({_core(f.key) for f in found} - {None}) < 2:
            found = []
        if not found and out.fields and _listed(out.fields[-1], lines, n, block_end):
            # "**Owners:**", a blank line, then the list of owners: the list is its value.
            for i in range(n, block_end):
                out.fields[-1] = _with_item(out.fields[-1], lines[i - 1])
            if out.replaceable and _only_blank_between(kinds, out.end, n):
                out.end = block_end - 1
            n = block_end
            continue
        if found and (first_block or any(f.key in HEADER_KEYS for f in found)):
            if not out.fields:
                out.start, out.end, out.replaceable = n, block_end - 1, read_all
            elif read_all and out.replaceable and _only_blank_between(kinds, out.end, n):
                out.end = block_end - 1
            out.fields.extend(found)
        elif out.fields:
            break
        else:
            _note_form(out, src, n, block_end)
        first_block = False
        blocks += 1
        n = block_end
    if not out.fields and out.unread is not None and len(out.named) >= 2:
        line, form = out.unread
        out.problem = Problem(
            line=line,
            code="meta-form",
            message=f"the metadata on line {line} is written as {form}, which the plugin does not read",
        )
    return out


_BLOCK_KINDS = frozenset({TEXT, ITEM})
# The header is among the first blocks under the title (an intro or a note may come
# first); a "**Owner:** …" line deep in a page without sections is prose, not the header.
_MAX_BLOCKS = 4
_MAX_LINES = 200


_HEADER_TITLES = frozenset(
    {
        "metadata",
        "meta",
        "meta data",
        "document info",
        "document information",
        "document control",
        "document details",
        "document metadata",
        "prd metadata",
        "prd info",
        "header",
        "info",
        "details",
    }
)


def header_over_rule(src: Source) -> None:
    """Header lines over a rule stay header lines, in place: ``**Version:** 1.0 | **Status:**
    Draft`` right over ``---`` is a setext heading to Python-Markdown, but the header card
    replaces that line on the page (the ``---`` stays a rule), so it is read as the header."""
    for level, text, line in list(src.headings):
        if level == 1:
            continue  # the title
        under = src.line(line + 1).strip()
        if level > 2 or under[:1] not in ("-", "=") or under.strip(under[0]) or _LIST_MARK.match(text):
            return
        fields = read_line(text, line)
        if (
            not fields
            or any(f.key not in HEADER_KEYS for f in fields)
            or all(_core(f.key) is None for f in fields)
        ):
            return
        src.kinds[line - 1] = TEXT
        src.kinds[line] = RULE if is_rule(under) else TEXT
        src.headings.remove((level, text, line))


def names_header(title: str) -> bool:
    """Whether a heading titles the metadata block (``## Document info``, ``## 0. Metadata``):
    it does not end the header."""
    words = _NON_WORD.sub(" ", title.lower()).split()
    if words and words[0].isdigit():
        words = words[1:]  # "0. Metadata"
    return " ".join(words) in _HEADER_TITLES


_CORE_OF: dict[str, str] = {
    **{key: key for key in CORE_FIELDS},
    **{alt: key for key, alts in FIELD_SYNONYMS.items() for alt in alts},
}


def _core(key: str) -> str | None:
    """The required field ``key`` stands for (``last_updated`` -> ``date``), else None."""
    return _CORE_OF.get(key)


def field_being_written(line: str) -> str | None:
    """The required field (``status``, ``track_id`` ...) whose value the end of ``line`` is in,
    as the parser reads a header line: ``**Status:** Rev``, ``__Status:__``, ``**Statut :**``,
    ``**Estado:**``, ``- **Version:** 1.2 · **Status:** ``; None when the line ends in no
    field's value or in a field that is not required.  For an editor's completion."""
    fields = read_line(line + "x", 1)  # "x": the value being typed (a field needs a value)
    return _core(fields[-1].key) if fields else None


def _only_blank_between(kinds: list[int], a: int, b: int) -> bool:
    return all(kinds[i - 1] in (BLANK, RULE, COMMENT) for i in range(a + 1, b))


def _read_block(lines: list[str], start: int, end: int) -> tuple[list[Field], bool]:
    """Fields in lines ``start..end-1`` and whether every line was read.

    A header is short: of a longer block only the first :data:`_MAX_LINES` lines are
    read (the block is then not all read), so a huge paragraph costs little.
    """
    cut = end - start > _MAX_LINES
    texts = _without_spanning_comments(
        [_unquote(lines[i - 1]) for i in range(start, min(end, start + _MAX_LINES))]
    )
    if (texts and texts[0].startswith("|")) or (len(texts) > 1 and _DELIMITER.fullmatch(texts[1] or "x")):
        table = _read_table(texts, start)
        if table is not None:
            return table[0], table[1] and not cut
    out: list[Field] = []
    read_all = not cut
    lines_read = 0
    listing = False  # the last field's label stands alone: list items under it are its value
    for offset, text in enumerate(texts):
        if not text:
            continue  # a blank line of a blockquote
        got = read_line(text, start + offset)
        if got:
            out.extend(got)
            lines_read += 1
            listing = not got[-1].value
        elif listing and _LIST_MARK.match(text):
            out[-1] = _with_item(out[-1], text)  # "**Owners:**" over "- Ann" and "- Bo"
        elif listing and _goes_on(out[-1], start + offset, text):
            # "**Status:** <!-- BEGIN INCLUDE status.md -->" over "Approved" (include-markdown's
            # comments=true), "**Owner:**" over "Priya Raman": the value goes on in the paragraph.
            out[-1] = _made(out[-1].key, out[-1].label, clean_value(text), out[-1].line)
            listing = False
        else:
            read_all = listing = False
    if lines_read == 1 and len(out) == 1 and _loose(texts[out[0].line - start]):
        # "**Status** quo: clerks copy invoices by hand." alone: a bold word in a
        # sentence; a bold word without a colon is a field only in a run of header lines.
        return [], False
    return out, read_all


def _without_spanning_comments(texts: list[str]) -> list[str]:
    """``texts`` (a block's lines) without the HTML comments that run over several lines,
    as the page hides them: ``**Owner:** Priya <!-- backup:`` over ``Tom Okafor -->`` is
    ``**Owner:** Priya`` over a blank.  Comments on one line are left to the value reader;
    an ``<!--`` never closed in the block, or in a line with code, stays text."""
    if not any("<!--" in t for t in texts):
        return texts
    out = list(texts)
    i = 0
    while i < len(out):
        seen = without_comments(out[i]) if "<!--" in out[i] else ""
        at = seen.find("<!--") if "`" not in seen else -1
        if at < 0:
            i += 1
            continue
        close = next((j for j in range(i + 1, len(out)) if "-->" in out[j]), -1)
        if close < 0:
            break  # no line below closes it: it stays text
        out[i] = seen[:at].rstrip()
        for j in range(i + 1, close):
            out[j] = ""
        out[close] = out[close][out[close].index("-->") + 3 :].strip()
        i = close
    return out


def _goes_on(last: Field, number: int, text: str) -> bool:
    """Whether ``text`` (line ``number``) is the value of ``last``, a header field with no
    value on the line just above it in the same paragraph (Markdown joins the two lines)."""
    return last.key in HEADER_KEYS and last.line == number - 1 and bool(clean_value(text))


def _listed(last: Field, lines: list[str], start: int, end: int) -> bool:
    """Whether lines ``start..end-1`` are list items that are the value of ``last``, a field
    whose label stands alone (``**Owners:**``); a list of fields is read as fields."""
    return (
        not last.value
        and end - start <= _MAX_LINES
        and all(_LIST_MARK.match(_unquote(lines[i - 1])) for i in range(start, end))
    )


def _with_item(f: Field, item: str) -> Field:
    """``f`` with the text of list item ``item`` added to its value (``Ann`` + ``- Bo`` -> ``Ann, Bo``)."""
    s = _unquote(item)
    m = _LIST_MARK.match(s)
    written = clean_value(s[m.end() :] if m is not None else s)
    if not written:
        return f
    return joined_field(f, _made(f.key, f.label, written, f.line))


def _unquote(line: str) -> str:
    s = line.strip()
    while s.startswith(">"):
        s = s[1:].strip()
    return s


def read_line(text: str, number: int) -> list[Field]:
    """The fields on one header line (list marker and quote already allowed), else [].

    A line of several fields (``**Version:** 1.2 | **Owner:** Ana Lima / Payments``)
    is split where a label starts after a separator, never on the punctuation inside
    a value (``Lopez, Marta``, ``Marta Lopez / Billing``, ``Draft (legal, finance)``).
    """
    s = _unquote(text)
    m = _LIST_MARK.match(s)
    if m is not None:
        s = s[m.end() :]
    if len(s) <= _MAX_SPLIT:
        many = _split_fields(s, number, _BREAK)
        if many is None and _DASHED.search(s) is not None:
            # "Version - 1.2 · Status - Draft": the dashes join labels to values, the dots split.
            many = _split_fields(s, number, _BREAK_NO_DASH)
        if many is not None:
            return many
    one = _field(_trim_breaks(s), number, whole=True)
    return [one] if one is not None else []


def _split_fields(s: str, number: int, breaks: re.Pattern[str]) -> list[Field] | None:
    """The fields of a line of several, split at ``breaks`` where a label starts; None when
    the line is not several fields."""
    pieces = breaks.split(s)
    groups = [[pieces[0]]]
    for i in range(2, len(pieces), 2):
        if _field(pieces[i], number, whole=False) is not None:
            groups.append([pieces[i]])
        else:
            groups[-1] += (pieces[i - 1], pieces[i])
    if len(groups) < 2:
        return None
    many = [_field(_trim_breaks("".join(g)), number, whole=False) for g in groups]
    return [f for f in many if f is not None] if all(f is not None for f in many) else None


# A line longer than this is not split into fields (a header line is short; this keeps
# a hostile line's cost linear).
_MAX_SPLIT = 2000
_BR_ENDS = ("<br>", "<br/>", "<br />")


def _trim_breaks(text: str) -> str:
    """``text`` without separators at its end (``1.2 |``, ``Ana<br>``).

    Walks back by index and copies once: a value of a million ``- `` (each a separator after
    a blank) cost a copy per separator, seconds per line."""
    end = len(text.rstrip())
    while end:
        if text[end - 1] in _TRAILING or text[end - 2 : end] in (" -", " /"):
            end -= 1
        else:
            tail = text[max(end - 6, 0) : end].lower()
            tag = next((t for t in _BR_ENDS if tail.endswith(t)), None)
            if tag is None:
                break
            end -= len(tag)
        while end and text[end - 1].isspace():
            end -= 1
    return text[:end]


_TRAILING = frozenset("|·•;,—–")


def _field(text: str, number: int, *, whole: bool) -> Field | None:
    s = text.strip()
    pair = bold_label(s)
    bold = pair is not None
    if pair is None:
        m = (
            _ITALIC.fullmatch(s)
            or _PLAIN.fullmatch(s)
            or _BOLD_NO_COLON.fullmatch(s)
            or _PLAIN_DASH.fullmatch(s)
        )
        if m is None or (m.re is _BOLD_NO_COLON and _sentence(m.group(2))):
            return None
        pair = m.group(1).strip(), clean_value(m.group(2))
    label, value = pair
    key = header_key(label)
    if not key or (not bold and key not in HEADER_KEYS):
        return None
    if bold and not whole and key not in HEADER_KEYS and not value:
        return None
    return _made(key, label, value, number)


def _sentence(rest: str) -> bool:
    """Whether the text after a bold word without a colon goes on as a sentence: ``**Status**
    quo: clerks copy …`` (the bold word is part of a phrase), ``**Owner** teams must approve
    any change.`` (five words or more ending in a full stop)."""
    words = rest.split()
    return bool(words) and (words[0].endswith(":") or (len(words) >= 5 and rest.rstrip()[-1:] in ".!?"))


def _made(key: str, label: str, written: str, line: int) -> Field:
    """A header Field (see :func:`meta_field`)."""
    return meta_field(key, label, written, line, "header")


def header_key(label: str) -> str:
    """The normalised key of a header label; a metadata word with a qualifier in brackets
    is that word: ``Owner (PM)`` and ``Owner(s)`` are ``owner``, ``Date (last edit)`` is ``date``."""
    key = normalise_key(label)
    if key in HEADER_KEYS:
        return key
    m = _QUALIFIED.fullmatch(label.strip())
    if m is not None:
        base = normalise_key(m.group(1))
        if base in HEADER_KEYS:
            return base
    if "/" in label or "&" in label:  # "Owner / DRI", "PM & Owner": the first field word named
        for part in re.split(r"[/&]", label):
            base = normalise_key(part)
            if _core(base) is not None:
                return base
    return key


def _loose(text: str) -> bool:
    """Whether ``text`` is read only as a bold word without a colon (``**Owner** Ana``)."""
    s = _unquote(text)
    m = _LIST_MARK.match(s)
    s = s[m.end() :] if m is not None else s
    return bold_label(s) is None and _BOLD_NO_COLON.fullmatch(s.strip()) is not None


def _read_table(texts: list[str], start: int) -> tuple[list[Field], bool] | None:
    """A key/value table or a horizontal one; None when ``texts`` is no such table."""
    if len(texts) < 2 or not _DELIMITER.fullmatch(texts[1]):
        return None
    rows = [split_row(t) or [] for t in texts]
    head = [_cell(c) for c in rows[0]]
    body = rows[2:]
    # Horizontal: keys across the header row, values in the next row.
    head_keys = [header_key(c) for c in head]
    if body and sum(k in HEADER_KEYS for k in head_keys) >= 2:
        values = body[0]
        out = [
            _made(k, label, _value(values[i]) if i < len(values) else "", start + 2)
            for i, (k, label) in enumerate(zip(head_keys, head, strict=True))
            if k
        ]
        unread = any(
            not k and (label.strip() or (i < len(values) and values[i].strip()))
            for i, (k, label) in enumerate(zip(head_keys, head, strict=True))
        )
        return out, len(body) == 1 and all(k in HEADER_KEYS for k in head_keys if k) and not unread
    # Key/value: a key in the first cell of each row (the header row too when it is one).
    candidates = [(start, rows[0])] if head_keys and head_keys[0] in HEADER_KEYS else []
    candidates += [(start + 2 + i, r) for i, r in enumerate(body)]
    out = []
    for number, row in candidates:
        if len(row) < 2:
            continue
        label = _cell(row[0])
        key = header_key(label)
        if key:
            out.append(_made(key, label, _value(row[1]), number))
    if not any(f.key in HEADER_KEYS for f in out):
        return None
    first = head_keys[0] if head_keys else ""
    plain_head = not first or first in HEADER_KEYS or first in _LABEL_HEADS
    # A column past the value's with text in its rows (``| Field | Value | Notes |`` over a
    # note) is shown on the page and not on the card: the table is not all read (a column
    # title over empty cells says nothing the card loses).  (Cells past the header row's
    # width are not shown: GFM and Python-Markdown drop them.)
    width = len(rows[0])
    extra = any(c.strip() for _, row in candidates for c in row[2:width])
    return out, plain_head and len(out) == len(candidates) and not extra


def _cell(text: str) -> str:
    """A table cell as a label: without emphasis and a trailing colon."""
    s = text.strip()
    for mark in ("**", "__", "*", "_", "`"):
        if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
            s = s[len(mark) : -len(mark)].strip()
    return s.rstrip(":").strip()


def _value(text: str) -> str:
    return clean_value(text)


_FIELD_WORDS = ("version", "date", "owner", "status", "track")


def _note_form(out: Header, src: Source, start: int, end: int) -> None:
    """Remember a block that names metadata fields in a form not read (see :func:`read_header`)."""
    lines = src.lines
    first = lines[start - 1].strip()
    block = [lines[i - 1].lower() for i in range(start, min(end, start + 40))]
    if src.kinds[start - 1] == CODE or first[:1] in ("<", "|") or first.startswith(("![", "[![")):
        words = {word for word in _FIELD_WORDS if any(word in line for line in block)}
    else:  # prose: only lines that start with a field's name ("Version 1.2", "**Status** - Draft")
        words = {
            word for word in _FIELD_WORDS for line in block if line.lstrip("*_>-+ |:`![").startswith(word)
        }
    if not words:
        return
    out.named |= words
    if out.unread is not None:
        return
    if src.kinds[start - 1] == CODE:
        form = "a code block"
    elif first.startswith("<"):
        form = "HTML"
    elif first.startswith(("![", "[![")):
        form = "badge images"
    elif "|" in first:
        form = "a table"
    elif start < len(lines) and lines[start].lstrip().startswith(":"):
        form = "a definition list"
    else:
        form = "a paragraph"
    out.unread = (start, form)


def is_header_line(line: str) -> bool:
    """Whether ``line`` reads as a line of a metadata header (see :func:`read_line`), a table row included."""
    s = _unquote(line)
    if not s:
        return True
    if "|" in s or _DELIMITER.fullmatch(s):
        return True  # a table row (the parser decided the span is a header table)
    return bool(read_line(s, 0))


def is_header_span(lines: list[str], start: int, end: int, directives: Collection[int] = ()) -> bool:
    """Whether ``lines[start..end]`` (0-based, inclusive) all read as header lines: each a
    :func:`is_header_line`, an HTML comment alone (include-markdown's ``<!-- END INCLUDE -->``),
    the value of a header label with none on the line just above (``**Owner:**`` over
    ``Priya Raman``), or an include directive (index in ``directives``: a snippet whose
    lines were read as header lines, and nothing else); a comment over several lines is
    hidden as the page hides it."""
    above: list[Field] = []
    texts = _without_spanning_comments([_unquote(lines[i]) for i in range(start, end + 1)])
    for i in range(start, end + 1):
        if i in directives:
            above = []
            continue
        s = texts[i - start]
        fields = read_line(s, 0) if s else []
        if fields or not s or "|" in s or _DELIMITER.fullmatch(s):
            above = fields
            continue
        if s.startswith("<!--") and not clean_value(s):
            above = []
            continue
        if not (above and above[-1].key in HEADER_KEYS and not above[-1].value and clean_value(s)):
            return False
        above = []
    return True
