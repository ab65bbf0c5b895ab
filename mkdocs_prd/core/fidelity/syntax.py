"""Block syntax as CommonMark reads it: the patterns and line tests the passes share."""

from __future__ import annotations

import re

from mkdocs_prd.core.fidelity.features import Features

# A list item marker: indent, marker (bullet or number with . or )), then a space or the end.
ITEM = re.compile(r"^( *)([-+*]|\d{1,9}[.)])( +|$)")
ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
BLOCKS_FENCE = re.compile(r"/{3,}(?:[ \t]|$)")
"""A pymdownx.blocks line (``/// note``, ``/// details | Title``, the closing ``///``)."""
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
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
MARKDOWN_ATTR = re.compile(r"\smarkdown(?:\s*=|[\s/>]|$)")


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


# Where HTML blocks of kinds 1-5 end (CommonMark 4.6): at the line holding the end marker,
# blank lines or not; kinds 6 and 7 end at a blank line.
_RAW_END = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)
_ENDS = (("<!--", re.compile("-->")), ("<?", re.compile(r"\?>")), ("<![CDATA[", re.compile(r"\]\]>")))
_DECLARATION_END = re.compile(">")


def html_block_end(text: str, kind: int) -> tuple[re.Pattern[str], int] | None:
    """For an HTML block of kind 1-5 that ``text`` (without its indentation) starts: the
    pattern of its end marker and where on ``text`` to look for it.  None for kinds 6 and 7."""
    if kind == 1:
        return _RAW_END, 0
    if kind != 2:
        return None
    for start, end in _ENDS:
        if text.startswith(start):
            return end, len(start)
    return _DECLARATION_END, 2


# A math block as pymdownx.arithmatex and mdx_math read one: a block that opens with ``$$``,
# ``\[`` or ``\begin{env}`` (group 1) and ends at the line ending with its closing mark.
MATH_OPEN = re.compile(r"(\$\$|\\\[|\\begin\{([a-z]+\*?)\})")


def math_end(text: str) -> str | None:
    """The closing mark of the math block that ``text`` (a line without its indentation)
    opens, or None when it opens none or closes it on the same line."""
    m = MATH_OPEN.match(text)
    if m is None:
        return None
    end = "$$" if m.group(1) == "$$" else "\\]" if m.group(1) == "\\[" else f"\\end{{{m.group(2)}}}"
    return None if text.rstrip().endswith(end) and len(text.rstrip()) >= m.end() + len(end) else end


QUOTE = re.compile(r"^ {0,3}>")
QUOTE_BREAK = "<!-- -->"
"""An empty comment between two quotes that only blank lines separate (two quotes in
CommonMark; Python-Markdown makes one of them, and of two lists, without it)."""
TASK = re.compile(r"^\[([ xX])\](?=[ \t]+\S)")
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$", re.IGNORECASE)
FOOTDEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")
LINK_DEF = re.compile(r"\[(?!\^)[^\[\]]{0,999}\]:[ \t]*\S")
"""A link reference definition's start (``[ref]: https://…``, without its indentation): no
paragraph text, where CommonMark reads one (and Python-Markdown reads one anywhere)."""
FOOTREF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DELIM_CELL = re.compile(r"^ *:?-+:? *$")
BLOCK_START = frozenset("#`~*-_>=<+0123456789")
"""First characters of the lines that can start a block (heading, fence, rule, quote, item, HTML)."""

ALERT_KIND = {
    "note": ("note", "Note"),
    "tip": ("tip", "Tip"),
    "important": ("info", "Important"),
    "warning": ("warning", "Warning"),
    "caution": ("danger", "Caution"),
}


# A list marker followed by a tab (``1.<tab>text``): the tab is part of the item's indentation.
_MARKER_TAB = re.compile(r"(?:[-+*]|\d{1,9}[.)])\t")


def _spaces(line: str, i: int, col: int) -> tuple[int, int]:
    """From ``line[i]`` at column ``col``: the index and column after the run of spaces and tabs."""
    while i < len(line) and line[i] in " \t":
        col = col + 4 - col % 4 if line[i] == "\t" else col + 1
        i += 1
    return i, col


def expand(line: str) -> str:
    """``line`` with leading tabs expanded to 4-column stops (the indentation, and the tabs
    right after a list marker at its start, which CommonMark counts as indentation too)."""
    if "\t" not in line:
        return line
    i, col = _spaces(line, 0, 0)
    marker = _MARKER_TAB.match(line, i)
    if marker is None:
        return " " * col + line[i:]
    end = marker.end() - 1  # the tab after the marker
    j, after = _spaces(line, end, col + end - i)
    return " " * col + line[i:end] + " " * (after - col - (end - i)) + line[j:]


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_delimiter_row(line: str) -> bool:
    text = line.strip()
    if "-" not in text or not set(text) <= set("|:- \t"):
        return False
    cells = [c for c in text.strip("|").split("|")]
    return bool(cells) and all(_DELIM_CELL.match(c) for c in cells) and ("|" in text)


_TICKS = re.compile(r"`+")


def code_pipes(row: str) -> str:
    """A table row with the escaped pipes (``\\|``) inside its code spans unescaped.

    GFM takes a pipe's backslash away before it reads a cell, also inside a code span
    (```a \\| b``` shows ``a | b``); Python-Markdown leaves it in the code, and keeps a
    plain pipe inside a code span in its cell.  Code spans pair as both read them: a run
    of backticks with the next run of the same length.  A row with escaped backticks or
    backslashes (where the two differ) is left as written.  Linear in the row's length.
    """
    if "\\`" in row or "\\\\" in row:
        return row
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(row)]
    by_size: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(runs):
        by_size.setdefault(end - start, []).append(k)
    cursor = dict.fromkeys(by_size, 0)  # per size: where to look for the next closing run
    parts: list[str] = []
    last = k = 0
    while k < len(runs):
        size = runs[k][1] - runs[k][0]
        same = by_size[size]
        while cursor[size] < len(same) and same[cursor[size]] <= k:
            cursor[size] += 1
        if cursor[size] == len(same):
            k += 1  # no closing run: literal backticks
            continue
        close = same[cursor[size]]
        parts += [row[last : runs[k][1]], row[runs[k][1] : runs[close][0]].replace("\\|", "|")]
        last, k = runs[close][0], close + 1
    return "".join(parts) + row[last:]


def interrupts(m: re.Match[str]) -> bool:
    """Whether an item can interrupt a paragraph: not empty; ordered only if it starts at 1."""
    rest = m.string[m.end() :]
    if not rest.strip():
        return False
    marker = m.group(2)
    return marker in "-+*" or marker[:-1].lstrip("0") == "1"


_QUOTE_LEAD = re.compile(r"[ \t>]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)?")
"""A quoted line's leading quote marks, indentation and list marker."""


def quote_lead(line: str) -> str:
    """``line`` with the tabs among its leading quote marks, indentation and a list marker's
    spaces expanded at the columns the line has on the page (CommonMark's tab stops, which
    Python-Markdown uses too), so a tab means the same inside the quote as on the page."""
    if "\t" not in line:
        return line
    lead = _QUOTE_LEAD.match(line)
    end = lead.end() if lead is not None else 0
    return line[:end].expandtabs(4) + line[end:]


def lazy_text(line: str) -> str:
    """A lazy continuation line as paragraph text whatever reads it.  One that would be a
    setext underline in the quote or item it continues (``===``, ``--``), or a table's row (it
    starts with a pipe, or is a delimiter row), has its first character written as a character
    reference: in CommonMark an underline cannot be lazy and a lazy line is no table's, where
    Python-Markdown would make the paragraph a heading, or the lines a table."""
    text = line.lstrip(" ")
    underline = text[:1] in ("=", "-") and SETEXT.match(text) and not HR.match(text)
    if underline or text[:1] == "|" or ("|" in text and is_delimiter_row(text)):
        lead = line[: len(line) - len(text)]
        return f"{lead}&#{ord(text[0])};{text[1:]}"
    return line


def quote_inside(lines: list[str]) -> list[str]:
    """The inside of a quote: each line without its first quote mark and the space after it
    (tabs at its start expanded first, :func:`quote_lead`).  Lazy lines (without the mark) are
    paragraph text (:func:`lazy_text`), and so is a delimiter row right under one: a lazy line
    is no table's header."""
    inside = []
    lazy = False
    for line in lines:
        line = quote_lead(line)
        m = QUOTE.match(line)
        if m is None:
            inside.append(lazy_text(line))
            lazy = True
            continue
        rest = line[m.end() :]
        rest = rest[1:] if rest.startswith(" ") else rest
        inside.append(lazy_text(rest) if lazy and "|" in rest and is_delimiter_row(rest) else rest)
        lazy = False
    return inside


def in_quote(line: str, column: int, prev: str, blocks: bool = False, para: bool = True) -> bool:
    """Whether ``line``, after the quote's line ``prev``, is still in the quote (its content
    column ``column``): it has the quote mark, or continues the paragraph ``prev`` leaves open
    (it starts no block).  After an empty ``>`` line, a heading, a fence or a rule no paragraph
    is open, and a line without the mark ends the quote (Python-Markdown would run it on);
    so after a line of an HTML block (a tag alone, a comment).  With ``blocks``
    (pymdownx.blocks), a ``///`` line ends it too.  ``para``: whether the quote's lines leave a
    paragraph open (:class:`~mkdocs_prd.core.fidelity.lazy.QuoteReader`; not after a table's
    rows, a code or HTML block of several lines)."""
    text = line[column:]
    ind = indent(text)
    if text[ind : ind + 1] == ">":
        return True
    if not para:
        return False
    inside = prev[column:].lstrip(" >")
    if not inside:
        return False  # no paragraph open: only a line with the mark is in the quote
    if inside[0] in "#`~*-_" and (ATX.match(inside) or FENCE.match(inside) or HR.match(inside)):
        return False
    if inside[0] == "<" and html_block_kind(inside) not in (0, 7):
        return False  # a line of an HTML block (``</details>``): no paragraph, nothing lazy
    if ind >= 4:
        return True
    probe = text[ind:]
    if probe[:1] not in BLOCK_START:
        return not (blocks and probe[0] == "/" and BLOCKS_FENCE.match(probe))
    item = ITEM.match(probe)
    if item is not None and probe[item.end() :].strip():  # any item ends a quote (as markdown-it reads it)
        return False
    return not (
        ATX.match(probe) or FENCE.match(probe) or HR.match(probe) or html_block_kind(probe) not in (0, 7)
    )


# The first line of a block that a Python-Markdown extension reads with its body indented
# 4 spaces under it: an admonition, a pymdownx.details block, a pymdownx.tabbed tab.
_ADMONITION_HEAD = re.compile(r'!!! ?[\w-]+(?: +[\w-]+)*(?: +"[^"]*")? *$')
_DETAILS_HEAD = re.compile(r'\?\?\?\+? ?(?:[\w-]+(?: +[\w-]+)*(?: +"[^"]*")?|"[^"]*") *$')
_TAB_HEAD = re.compile(r'===[!+]{0,2} +".*" *$')


def block_head(text: str, features: Features) -> bool:
    """Whether ``text`` (a line without its indentation) opens an admonition, a details block
    or a content tab that the site's extensions render (their body is indented 4 spaces)."""
    first = text[:1]
    if first == "!":
        return features.admonition and _ADMONITION_HEAD.match(text) is not None
    if first == "?":
        return features.details and _DETAILS_HEAD.match(text) is not None
    return first == "=" and features.tabbed and _TAB_HEAD.match(text) is not None


OPENERS = frozenset("`~<-+*0123456789")
"""First characters of the blocks that :func:`opens_block` looks for on an item's line."""


def opens_block(rest: str) -> bool:
    """Whether an item's text ``rest`` (after its marker) opens a fenced code block, an HTML
    block of a block-level kind or another list item, which CommonMark reads as the item's
    first block."""
    fence = FENCE.match(rest)
    if fence is not None:
        return not (fence.group(2)[0] == "`" and "`" in rest[fence.end() :])
    if rest[0] == "<":
        return 0 < html_block_kind(rest) < 7
    item = ITEM.match(rest)
    return item is not None and not HR.match(rest)
