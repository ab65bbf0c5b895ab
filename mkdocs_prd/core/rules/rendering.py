"""Rules about what a PRD page cannot show as its author wrote it: PRD801-PRD806.

PRD pages are normalised so Python-Markdown renders their CommonMark/GFM block
structure (:mod:`mkdocs_prd.core.fidelity`).  What no normalisation can fix depends
on the site's ``markdown_extensions`` and is reported here, with the fix.  When the
extensions are unknown (lint without a config file) nothing is reported: a finding
on a site that renders the construct well would be a false one.

PRD802 is about the other readers of the same file: a ``|`` inside a code span in a
table cell stays in the cell on the site (Python-Markdown) but ends the cell on GitHub
and in editors' previews (GFM), so the row shifts and its last cells are lost there.
Written ``\\|`` it shows ``|`` in both (the site's normalisation unescapes it in code).

PRD803: a section heading written as a numbered line over an underline (``1. Problem``
over ``---``) is a list item and a rule in CommonMark, so GitHub and the site (which renders
PRD pages as CommonMark does) show no heading, while the parser reads the section the
author meant (so the rules about sections apply as written, with no PRD201 on top).

PRD805: the same for a heading with no blank after its ``#`` marks (``##2. Goals``,
``#PRD: Search``): Python-Markdown reads a heading, CommonMark (GitHub, the site's PRD
pages) a paragraph.  Reported where the parser uses the line (the title, or
any ``##`` to ``######`` heading); a ``#1 priority`` or ``#hashtag`` line after the title is
prose to the parser as on the page, and not reported.

PRD806: a table right under a list item's text, indented less than that text (``- Main
risks:`` over the risk table), or right under a quote's text with no ``>`` on its lines (``>
**Note:** estimates`` over the table): its lines are the item's or the quote's lazy text in
CommonMark, so GitHub and the site show pipes there and no table, while the parser reads the
table (its risks and requirements count, as the author meant; lint says how to make the page
show them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mkdocs_prd.core.fidelity import features_from_extensions, fences_in_list_items, fences_in_paragraphs
from mkdocs_prd.core.fidelity.lazy import QuoteReader
from mkdocs_prd.core.fidelity.syntax import ITEM
from mkdocs_prd.core.model import Edit, Fix, Prd, Severity
from mkdocs_prd.core.parse.blocks import Table, tables
from mkdocs_prd.core.parse.bold_sections import setext_as_written
from mkdocs_prd.core.parse.cells import code_span_pipes
from mkdocs_prd.core.parse.lines import ITEM as ITEM_LINE
from mkdocs_prd.core.parse.lines import TEXT, Source, front_matter_end, scan
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote


@page_rule(
    "PRD801",
    Severity.WARNING,
    "a fenced code block inside a list item, quote or admonition, on a site without pymdownx.superfences",
)
def fence_in_list_item(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    extensions = ctx.settings.markdown_extensions
    if extensions is None:
        return
    features = features_from_extensions(extensions)
    if features.superfences:
        return
    for line in fences_in_list_items(list(ctx.lines), features):
        yield Hit(
            line,
            "Fenced code block inside a list item, quote or admonition renders as plain text or indented "
            "code with its fence lines showing",
            "Enable `pymdownx.superfences` in `markdown_extensions`, or start the code block at column 0 "
            "outside the list, quote or admonition",
        )


@page_rule(
    "PRD802",
    Severity.INFO,
    "a pipe character inside a code span in a table cell has no backslash before it: GitHub and other "
    "GFM renderers end the cell there (the row shifts, its last cells are lost), where the site keeps "
    "it in the cell",
    fixable="a backslash goes before the pipe, and the site and GFM both show the pipe in the cell",
)
def pipe_in_code_in_table(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    lines = list(ctx.lines)
    # The lines with such a pipe, if any (most pages have none): then which are table rows.
    found = {
        n: pipes for n, line in enumerate(lines, 1) if "`" in line and "|" in line and (pipes := _pipes(line))
    }
    if not found:
        return
    src = scan(lines, front_matter_end(lines) + 1)
    for table in tables(src, 1, len(lines)):
        for n in (table.line, *(n for n, _ in table.rows)):
            pipes = found.get(n, [])
            if pipes:
                where = (
                    "the table is not read as one"
                    if n == table.line
                    else "the row shifts, its last cells are lost"
                )
                yield Hit(
                    n,
                    "A `|` inside a code span in this table row ends the cell on GitHub and in GFM "
                    f"previews ({where}); the site keeps it in the cell",
                    "Write it as `\\|`: the site and GFM both show `|`",
                    Fix("Escape the `|` as `\\|`", tuple(Edit(n, p, p, "\\") for p in pipes)),
                )


_NUMBERED_SETEXT = re.compile(r"^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])[ \t][^\n]*\n(?:-+|=+)[ \t\r]*$", re.MULTILINE)
"""A list item's line right over a setext underline (most pages have none)."""


@page_rule(
    "PRD803",
    Severity.WARNING,
    "a heading written as a numbered line over an underline (1. Problem over ---): GitHub and the site "
    "show a list item and a rule, no heading",
    fixable="the heading is written with # marks (## 1. Problem)",
)
def numbered_setext_heading(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if _NUMBERED_SETEXT.search(ctx.text) is None:
        return
    lines, src = _scanned(ctx)
    setext_as_written(src)  # the setext headings the parser keeps (as the page's model has them)
    for level, _, n in src.headings:
        if n >= len(lines) or ITEM.match(lines[n - 1]) is None or not _underline(lines[n]):
            continue  # a heading written with # marks, or text that starts no list item
        written = lines[n - 1].strip()
        # (a bullet is no part of the title; a number is the section's)
        text = written[1:].strip() if written[0] in "-+*" else written
        marks = "#" * level
        yield Hit(
            n,
            f"{quote(written)} over `{lines[n].strip()[:3]}` renders as a list item, not as a heading (on "
            "GitHub and on this site): the page and its table of contents show no heading here",
            f"Write it as `{marks} {text}`",
            Fix(
                f"Write `{marks} {text}`",
                (Edit(n, 0, len(lines[n - 1]), f"{marks} {text}"), Edit(n + 1, 0, len(lines[n]), "")),
            ),
        )


@page_rule(
    "PRD804",
    Severity.WARNING,
    "a fenced code block indented 4 or more columns past the text right above it: CommonMark reads "
    "its lines as that text (GitHub shows inline code), pymdownx.superfences a block inside the paragraph",
)
def fence_in_paragraph(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for line in fences_in_paragraphs(list(ctx.lines)):
        yield Hit(
            line,
            "This fence is indented 4 or more columns past the text right above it, so it opens no code "
            "block: GitHub shows the code as that text's continuation (inline code)",
            "Start the fence at the column of the text above it (at most 3 columns further in), and "
            "its closing fence too",
        )


_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
"""An ATX heading's start: a heading right over a table's header leaves no item above it."""

_NO_BLANK_ATX = re.compile(r"^#{1,6}[^#\s]", re.MULTILINE)
"""A line that opens with ``#`` marks and no blank after them (most pages have none)."""


@page_rule(
    "PRD805",
    Severity.WARNING,
    "a heading with no blank after its # marks (##2. Goals, #PRD: Search): GitHub and the site show a "
    "paragraph, no heading",
    fixable="a blank goes after the # marks (## 2. Goals)",
)
def heading_without_blank(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if not _may_lack_blank(ctx.text):
        return
    lines, src = _scanned(ctx)
    for level, _, n in src.headings:
        line = lines[n - 1]
        marks = line[:level]
        if marks != "#" * level or line[level : level + 1] in ("", " ", "\t", "#") or line[0] != "#":
            continue  # a heading written with a blank, a setext heading, or no text
        if level == 1 and n != prd.title_line:
            continue  # (the parser reads no other such line as a heading: see parse.lines.scan)
        written = line.rstrip()
        yield Hit(
            n,
            f"{quote(written)} has no blank after its `#` marks: it renders as a paragraph, not as a "
            "heading (on GitHub and on this site), so the page and its table of contents show no "
            "heading here",
            f"Write it as `{marks} {written[level:].strip()}`",
            Fix(f"Put a blank after `{marks}`", (Edit(n, level, level, " "),)),
        )


@page_rule(
    "PRD806",
    Severity.WARNING,
    "a table right under a list item's text, indented less than it or 4 columns past it (- Main risks: "
    "over the table), or under a quote's text without > marks: GitHub and the site show its rows as the "
    "item's or quote's text, no table",
    fixable="the table is indented to the item's text (or gets the quote's > marks): the page shows it",
)
def table_under_item(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if "|" not in ctx.text or not _may_sit_under_text(ctx.lines):
        return
    lines, src = _scanned(ctx)
    for table in tables(src, 1, len(lines)):
        quoted = _quote_above(lines, table.line)
        if quoted is not None:
            yield _table_under_quote(lines, table, *quoted)
            continue
        item = _item_above(src.kinds, lines, table.line)
        if item is None:
            continue
        line, column = item
        header = lines[table.line - 1]
        indent = _indent(header)
        if column <= indent < column + 4 or "\t" in header[: indent + 1]:
            continue  # in the item: a table there (or a tab, left alone)
        where = "not indented to its text" if indent < column else "indented 4 or more columns past its text"
        rows = (table.line, table.line + 1, *(n for n, _ in table.rows))
        edits = tuple(Edit(n, 0, _indent(lines[n - 1]), " " * column) for n in rows)
        yield Hit(
            table.line,
            f"This table is right under the text of the list item on line {line} and {where}: it renders "
            "as more text of the item (on GitHub and on this site), so the page shows its rows as pipes, "
            "no table",
            f"Indent the table's lines by exactly {column} spaces, as the item's text, to put it in the "
            "item, or put a blank line before it to have it after the list",
            Fix("Indent the table as the item's text", edits),
        )


def _table_under_quote(lines: list[str], table: Table, line: int, marks: str) -> Hit:
    """PRD806 for a table whose lines continue the text of the quote on 1-based ``line`` (its
    quote marks ``marks``, ``> `` or ``> > ``, with the indentation before them)."""
    rows = (table.line, table.line + 1, *(n for n, _ in table.rows))
    edits = tuple(Edit(n, 0, _indent(lines[n - 1]), marks) for n in rows)
    mark = marks.strip()
    return Hit(
        table.line,
        f"This table is right under the text of the quote on line {line} and its lines have no `{mark}`: "
        "it renders as more text of the quote (on GitHub and on this site), so the page shows its rows "
        "as pipes, no table",
        f"Start each of the table's lines with `{mark}` to put it in the quote, or put a blank line "
        "before it to have it after the quote",
        Fix("Put the table in the quote", edits),
    )


def _quote_above(lines: list[str], header: int) -> tuple[int, str] | None:
    """The 1-based line and quote marks of the quote whose paragraph runs on, with no blank line,
    into the table whose header is on 1-based line ``header`` (its lines lazy text of the quote's
    paragraph in CommonMark); None when there is none."""
    n = header - 1
    while n >= 1 and lines[n - 1].strip() and not _QUOTED.match(lines[n - 1]):
        n -= 1  # lazy lines of the paragraph, up to a quoted line
    if n < 1 or not lines[n - 1].strip():
        return None
    start = n
    while start > 1 and lines[start - 2].strip():
        start -= 1  # the quote's first line (a run without blank lines)
    while start < n and not _QUOTED.match(lines[start - 1]):
        start += 1
    column = _indent(lines[start - 1])
    reader = QuoteReader()
    for k in range(start, header):
        text = lines[k - 1]
        reader.feed(text[min(column, _indent(text)) :])
    if not reader.para:
        return None  # the quote ended before the table: a table of its own
    marks = _QUOTED.match(lines[n - 1])
    return (n, marks.group(0)) if marks is not None else None


_QUOTED = re.compile(r" *(?:> ?)+")
"""A quoted line's indentation and quote marks."""


def _may_lack_blank(text: str) -> bool:
    """Whether :data:`_NO_BLANK_ATX` matches in ``text``: its match tried only at the start and
    after each ``\\n#`` (a substring search), not at every line start of the page."""
    if _NO_BLANK_ATX.match(text):
        return True
    at = text.find("\n#")
    while at >= 0:
        if _NO_BLANK_ATX.match(text, at + 1):
            return True
        at = text.find("\n#", at + 1)
    return False


def _may_sit_under_text(lines: Sequence[str]) -> bool:
    """Whether a line that could be a table's separator row (only ``|``, ``:``, ``-`` and blanks)
    has non-blank lines right above it, the header and text over the header: PRD806 can fire only
    then (most pages' tables have a blank line or a heading above them), so only then is the
    page scanned."""
    rows = [i for i, line in enumerate(lines) if not line.strip(" \t|:-") and line.strip()]
    if not rows:
        return False
    body = front_matter_end(lines)  # (0-based, the first line after any front matter)
    return any(
        i - 2 >= body and lines[i - 1].strip() and lines[i - 2].strip() and not _ATX.match(lines[i - 2])
        for i in rows
    )


def _indent(line: str) -> int:
    """How many blanks ``line`` starts with."""
    return len(line) - len(line.lstrip(" "))


def _scanned(ctx: RuleContext) -> tuple[list[str], Source]:
    """The page's lines and their block scan (after any front matter), as the parser reads them."""
    lines = list(ctx.lines)
    return lines, scan(lines, front_matter_end(lines) + 1)


def _item_above(kinds: list[int], lines: list[str], header: int) -> tuple[int, int] | None:
    """The 1-based line and text column of the list item whose text runs, with no blank line,
    into the table whose header is on 1-based line ``header`` (the item's first paragraph or a
    later one, indented into it); None when there is none."""
    n = header - 1
    while n >= 1 and kinds[n - 1] in (TEXT, ITEM_LINE) and lines[n - 1].strip():
        item = _item_at(kinds, lines, n)
        if item is not None:
            return item
        n -= 1
    if n == header - 1:
        return None  # no text right above the table
    para = _indent(lines[n])  # the first line of the paragraph above the table
    while para and n >= 1 and (not lines[n - 1].strip() or _indent(lines[n - 1]) >= para):
        n -= 1  # blank lines and the item's lines indented as far as the paragraph, or further
    item = _item_at(kinds, lines, n) if para and n >= 1 else None
    return item if item is not None and item[1] <= para < item[1] + 4 else None


def _item_at(kinds: list[int], lines: list[str], n: int) -> tuple[int, int] | None:
    """``(n, the column of its text)`` when 1-based line ``n`` starts a list item, else None."""
    m = ITEM.match(lines[n - 1]) if kinds[n - 1] == ITEM_LINE else None
    if m is None:
        return None
    spaces = len(m.group(3))
    return n, len(m.group(1)) + len(m.group(2)) + (spaces if 0 < spaces <= 4 else 1)


def _underline(line: str) -> bool:
    """Whether ``line`` is a setext underline in the first column (``---``, ``===``)."""
    text = line.rstrip(" \t")
    return bool(text) and text[0] in "-=" and not text.strip(text[0])


def _pipes(row: str) -> list[int]:
    """The pipes in ``row``'s code spans that PRD802 fixes; none in a row with escaped
    backticks or backslashes, where the site would show a ``\\|`` in code as written."""
    return [] if "\\`" in row or "\\\\" in row else code_span_pipes(row)


RULES = (
    fence_in_list_item,
    pipe_in_code_in_table,
    numbered_setext_heading,
    fence_in_paragraph,
    heading_without_blank,
    table_under_item,
)
