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
    for line in lines:
        if FENCE.match(line.lstrip(" ")) and indent(line) < 4:
            fence = not fence
        if not fence:
            m = FOOTDEF.match(line)
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
        if FENCE.match(line.lstrip(" ")):
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

        parts[k] = FOOTREF.sub(ref, parts[k])
    return "".join(parts)
