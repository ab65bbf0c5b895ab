"""Block quotes and GitHub alerts: each quote's inside normalised as a container of its own."""

from __future__ import annotations

from mkdocs_prd.core.fidelity.boxes import loosen
from mkdocs_prd.core.fidelity.features import Features
from mkdocs_prd.core.fidelity.lazy import QuoteReader
from mkdocs_prd.core.fidelity.lists import _At, _Hold, _Lists, _Tag
from mkdocs_prd.core.fidelity.syntax import (
    ALERT,
    ALERT_KIND,
    ATX,
    FENCE,
    HR,
    ITEM,
    QUOTE,
    QUOTE_BREAK,
    expand,
    html_block_kind,
    in_quote,
    indent,
    quote_inside,
)


def _alert(
    inside: list[str], features: Features, hold: _Hold, tag: _Tag, depth: int = 0, at: _At = None
) -> list[str] | None:
    """A GFM alert (``[!NOTE]`` on the quote's first line) as an admonition or titled quote."""
    if not inside:
        return None
    m = ALERT.match(inside[0].strip())
    if m is None:
        return None
    kind, title = ALERT_KIND[m.group(1).lower()]
    # The marker line is paragraph text (GFM reads the alert as a quote first): the lines under
    # it continue that paragraph where they cannot interrupt one (``7. x``, indented lines).
    body = _container(["[!]", *inside[1:]], features, hold, tag, depth, at)[1:]
    while body and not body[0].strip():
        body.pop(0)
    if body and body[0][:1] == " ":  # lazy text of the marker's paragraph: the body's first paragraph
        body[0] = body[0].lstrip(" ")
    if features.admonition:
        body = loosen(body, features.list_indent)
        return [f'!!! {kind} "{title}"', *("    " + line if line else "" for line in body)]
    head = f'<strong class="prd-alert__title prd-alert__title--{kind}">{title}</strong>'
    return ["> " + head, ">", *("> " + line if line else ">" for line in body)]


_MAX_DEPTH = 40
"""Quotes nested deeper than this are left as written (a hostile page must not exhaust the stack)."""


def _may_quote(text: str) -> bool:
    """Whether a line of ``text`` has a ``>`` among its first 8 characters: where a quote (also
    one in a list item) can start.  The first ``>`` of each line that has one is looked at
    (substring searches; a regex would test every line start)."""
    at = text.find(">")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if at - start <= 7:
            return True
        end = text.find("\n", at)
        if end < 0:
            return False
        at = text.find(">", end)
    return False


def _container(
    lines: list[str], features: Features, hold: _Hold = None, tag: _Tag = None, depth: int = 0, at: _At = None
) -> list[str]:
    """Normalise the lines of one container (``depth`` quotes deep): lists, and quotes at its top level.

    ``at`` (a list and a line number): where to record the source lines of fences inside
    list items, quotes and admonitions, and the source line number before ``lines[0]``.
    """
    if depth > _MAX_DEPTH:
        return lines
    sink, base = at if at is not None else ([], 0)
    if not _may_quote("\n".join(lines)):  # no quote (most pages): one list pass
        return _Lists(features, hold, tag, depth, (sink, base)).run(lines)
    start = 0  # the index of the chunk's first line
    out: list[str] = []
    chunk: list[str] = []
    html_open = False  # an HTML block opened in the run of non-blank lines that ends the chunk
    code_above = False  # the line above is a fenced block's
    i = 0
    prev_blank = True
    after_quote = False  # only blank lines since the last quote
    fence: str | None = None  # the closing mark of the fenced block the scan is in
    while i < len(lines):
        line = lines[i]
        fence_before, fence = fence, _fence_after(line, fence)
        # A quote starts after a blank line or right under paragraph text (it interrupts
        # a paragraph in CommonMark); never inside a fenced block.
        quote = fence is None and ">" in line[:8] and QUOTE.match(expand(line))
        if (
            quote
            and (prev_blank or (not html_open and _interruptible(chunk)))
            and (not indent(expand(line)) or not _in_open_list(chunk))
        ):
            reader = QuoteReader()
            reader.feed(expand(line))
            j = i + 1
            while j < len(lines) and lines[j].strip():
                following = expand(lines[j])
                if not in_quote(following, 0, expand(lines[j - 1]), features.blocks, reader.para):
                    break
                reader.feed(following)
                j += 1
            out += _Lists(features, hold, tag, depth, (sink, base + start)).run(chunk) if chunk else []
            if chunk and not prev_blank:
                out.append("")  # Python-Markdown would run the text above into the quote
            elif after_quote or (chunk and _ends_with_quote(out)):
                # Python-Markdown would make one quote of the two (also of one the list pass read,
                # under a comment, and this one)
                out += [QUOTE_BREAK, ""]
            chunk, html_open = [], False
            inside = quote_inside(lines[i:j])
            while inside and not inside[-1].strip():
                inside.pop()  # a last empty ">" line: Python-Markdown would add it to a table as a row
            alert = _alert(inside, features, hold, tag, depth + 1, (sink, base + i))
            if alert is not None:
                out += alert
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if features.admonition and k > j and k < len(lines) and indent(expand(lines[k])) >= 4:
                    out += ["", "<!-- -->"]  # indented code after it: not the admonition's body
            else:
                inner = _container(inside, features, hold, tag, depth + 1, (sink, base + i))
                out += ["> " + x if x else ">" for x in inner]
            if j < len(lines) and lines[j].strip():
                out.append("")  # the quote ended at a block: Python-Markdown would run it on
                prev_blank = True
            after_quote = True
            i = start = j
            continue
        chunk.append(line)
        prev_blank = not line.strip()
        after_quote = after_quote and prev_blank
        code = fence_before is not None or fence is not None
        if prev_blank:
            html_open = False
        elif not code and not html_open and "<" in line[:4]:
            # An HTML block runs on to a blank line: it starts at any line of the run (under a
            # heading, a rule, a fence), a complete tag alone (kind 7) not under paragraph text.
            kind = html_block_kind(expand(line))
            html_open = kind > 0 and (kind != 7 or not _text_above(chunk, code_above))
        code_above = code
        i += 1
    if chunk:
        out += _Lists(features, hold, tag, depth, (sink, base + start)).run(chunk)
    return out


def _fence_after(line: str, fence: str | None) -> str | None:
    """The fence open after ``line`` (its closing mark), given the one open before it."""
    if line[:1] not in (" ", "`", "~") or indent(line) > 3:
        return fence
    m = FENCE.match(line)
    if m is None:
        return fence
    mark = m.group(2)
    if fence is None:
        return mark if mark[0] == "~" or "`" not in line[m.end() :] else None
    closes = mark[0] == fence[0] and len(mark) >= len(fence) and not line.strip().strip(mark[0])
    return None if closes else fence


def _text_above(chunk: list[str], code: bool) -> bool:
    """Whether the line above the last of ``chunk`` is paragraph text (``code``: it is a fenced
    block's): not blank, no heading, no rule, no indented code (4 columns in, not under text)."""
    if code or len(chunk) < 2 or not chunk[-2].strip():
        return False
    line = expand(chunk[-2])
    if ATX.match(line) or HR.match(line):
        return False
    return indent(line) < 4 or (len(chunk) > 2 and bool(chunk[-3].strip()))


def _interruptible(chunk: list[str]) -> bool:
    """Whether the last line of ``chunk`` is text a quote may interrupt (a paragraph, heading,
    item or table row; not indented code)."""
    last = expand(chunk[-1]) if chunk else ""
    # (a quote the list pass reads goes on: the line is not a new one)
    return bool(last.strip()) and indent(last) < 4 and QUOTE.match(last) is None


def _in_open_list(chunk: list[str]) -> bool:
    """Whether a quote starting after ``chunk`` would sit inside a list item (then it is left there)."""
    seen = False  # a line of the paragraph the quote would follow was seen
    for line in reversed(chunk):
        if not line.strip():
            if seen:
                return False
            continue
        seen = True
        if indent(expand(line)) > 0 or ITEM.match(expand(line)) is not None:
            return True
        # (an unindented line may be lazy text of an item's paragraph: the lines above tell)
    return False


def _ends_with_quote(out: list[str]) -> bool:
    """Whether the last line of ``out`` that is not blank is a quote's, at the container's top
    level."""
    for line in reversed(out):
        if line.strip():
            return line[:1] == ">"
    return False
