"""Footnotes on a site without the ``footnotes`` extension: references as links, definitions at the end."""

from __future__ import annotations

import html
import re

from mkdocs_prd.core.fidelity.syntax import (
    FENCE,
    FOOTDEF,
    FOOTREF,
    indent,
)


def _footnotes(lines: list[str]) -> list[str]:
    """Footnotes without the ``footnotes`` extension: references as links, definitions at the end."""
    if not any("[^" in line for line in lines):
        return lines
    defs: dict[str, list[str]] = {}
    body: list[str] = []
    current: str | None = None
    fence = False
    mark = ""  # the last fence mark seen
    for n, line in enumerate(lines):
        opening = FENCE.match(line.lstrip(" ")) if indent(line) < 4 else None
        if opening is not None:
            fence, mark = not fence, opening.group(2)
        if not fence:
            m = FOOTDEF.match(line)
            if m is not None:
                current = m.group(1)
                defs.setdefault(current, []).append(m.group(2))
                continue
            if current is not None and line.startswith("    ") and line.strip():
                defs[current].append(line.strip())
                continue
            if current is not None and not line.strip() and _continues(lines, n + 1):
                defs[current].append("")  # a blank line between two paragraphs of the note
                continue
        current = None
        body.append(line)
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


def _continues(lines: list[str], start: int) -> bool:
    """Whether the note goes on after blank lines: the next text line is indented 4 spaces."""
    for line in lines[start:]:
        if line.strip():
            return line.startswith(("    ", "\t"))
    return False


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
