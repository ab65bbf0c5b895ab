"""Footnotes on a site without the ``footnotes`` extension: references as links, definitions at the end."""

from __future__ import annotations

import html
import re

from mkdocs_prd.core.fidelity.syntax import (
    FENCE,
    FOOTDEF,
    FOOTREF,
    ITEM,
    indent,
    quote_lead,
)


def _footnotes(lines: list[str]) -> list[str]:
    """Footnotes without the ``footnotes`` extension: references as links, definitions at the end.

    A definition is read where CommonMark's block structure puts one: at the top, in a quote
    (``> [^1]: note``) or in a list item (indented to the item's text), as markdown-it and
    the ``footnotes`` extension read it; in a quote its line becomes an empty quote line.
    """
    if not any("[^" in line for line in lines):
        return lines
    defs: dict[str, list[str]] = {}
    body: list[str] = []
    current: str | None = None
    within = ("", 0)  # the current note's quote prefix and the column its lines go on from
    fence = False
    mark = ""  # the last fence mark seen
    columns: list[int] = []  # the text columns of the open list items
    for n, raw in enumerate(lines):
        line = quote_lead(raw)  # (tabs at its start expanded)
        quoted = _QUOTED.match(line) if line[:4].lstrip(" ")[:1] == ">" else None
        prefix = quoted.group(0) if quoted is not None else ""
        rest = line[len(prefix) :]
        ind = indent(rest)
        if rest.strip():
            while columns and ind < columns[-1]:
                columns.pop()
        base = columns[-1] if columns else 0
        opening = FENCE.match(rest.lstrip(" ")) if ind - base < 4 else None
        if opening is not None:
            fence, mark = not fence, opening.group(2)
        if not fence:
            m = FOOTDEF.match(rest.lstrip(" ")) if "[^" in rest and ind - base < 4 else None
            if m is not None:
                current = m.group(1)
                within = (prefix, ind + 4)
                defs.setdefault(current, []).append(m.group(2))
                if prefix.strip():
                    body.append(prefix.rstrip())  # the quote goes on after it: a paragraph break
                continue
            if current is not None and prefix == within[0] and indent(rest) >= within[1] and rest.strip():
                defs[current].append(rest.strip())
                continue
            if current is not None and not rest.strip() and _continues(lines, n + 1, within):
                defs[current].append("")  # a blank line between two paragraphs of the note
                continue
            item = ITEM.match(rest) if rest.strip() and ind - base < 4 else None
            if item is not None:
                columns.append(len(item.group(0)) if item.end() < len(rest) else ind + len(item.group(2)) + 1)
        current = None
        body.append(raw)
    if not defs:
        return lines
    if fence:  # a fence open to the end of the page ends there, before the notes (CommonMark)
        last = max((k for k, line in enumerate(body) if line.strip()), default=-1)
        body.insert(last + 1, mark)
    order: list[str] = []
    fence = False
    for n, line in enumerate(body):
        if FENCE.match(line.lstrip(" ")):
            fence = not fence
        if fence or "[^" not in line:
            continue
        body[n] = _link_refs(line, defs, order)
    items = []
    for label in order:
        ident = _fn_id(label)
        back = f'<a class="footnote-backref" href="#fnref:{ident}">&#8617;</a>'
        items.append(f'<li id="fn:{ident}">{_paragraphs(defs[label], f"&#160;{back}")}</li>')
    unused = [label for label in defs if label not in order]
    for label in unused:  # never lose author text: an unreferenced note is still listed
        items.append(f'<li id="fn:{_fn_id(label)}">{_paragraphs(defs[label], "")}</li>')
    return [*body, "", '<div class="footnote prd-footnotes"><hr><ol>', *items, "</ol></div>", ""]


def _continues(lines: list[str], start: int, within: tuple[str, int]) -> bool:
    """Whether the note goes on after blank lines: the next text line is indented 4 spaces
    past the note's own column (``within``: its quote prefix and that column)."""
    prefix, col = within
    for line in lines[start:]:
        if line.strip():
            line = quote_lead(line)
            return line.startswith(prefix) and indent(line[len(prefix) :]) >= col
    return False


_QUOTED = re.compile(r"(?: {0,3}> ?)*")
"""The quote markers a line starts with."""


def _paragraphs(parts: list[str], back: str) -> str:
    """A note's lines as escaped paragraphs (split at its blank lines), ``back`` after the last."""
    paras: list[list[str]] = [[]]
    for part in parts:
        if part:
            paras[-1].append(part)
        elif paras[-1]:
            paras.append([])
    texts = [html.escape(" ".join(p), quote=False) for p in paras if p] or [""]
    texts[-1] += back
    return "".join(f"<p>{t}</p>" for t in texts)


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

        parts[k] = FOOTREF.sub(ref, parts[k])
    return "".join(parts)
