"""What the body of an admonition, details block or content tab needs that the same
Markdown outside it does not: Python-Markdown's ``admonition``, ``pymdownx.details`` and
``pymdownx.tabbed`` read a list item that goes on after a blank line their own way.

When such an item's text has a nested list right under it (no blank line between) and
the item goes on after a blank line (a second paragraph, a loose nested list), those
processors wrap the item's text in a paragraph *after* the nested list: the author's
text comes out below the list, and a loose nested list splits in two.  A blank line
between the text and the nested list gives the item its paragraph first, as
Python-Markdown does for the same item outside a block.

Host-free text -> text, linear in the body's lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_prd.core.fidelity.syntax import FENCE, ITEM, indent


@dataclass(slots=True)
class _Open:
    content: int  # the item's content column in the body
    text: bool  # only the item's text read so far
    nested: int  # index of the nested list's first line right under the text, or -1


def loosen(lines: list[str], width: int) -> list[str]:
    """``lines`` (a normalised block body, nested lists ``width`` spaces a level) with a blank
    line between an item's text and the list right under it wherever the item goes on after
    a blank line.  The same list when nothing needs one."""
    if "" not in lines:  # nothing goes on after a blank line
        return lines
    stack: list[_Open] = []
    inserts: list[int] = []
    blank = False
    fence = ""  # the mark of the fenced block being read
    for k, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        ind = indent(line)
        text = line[ind:]
        if fence:
            fence = "" if text.startswith(fence) and not text.strip(fence[0]) else fence
            continue
        while stack and ind < stack[-1].content:
            stack.pop()
        top = stack[-1] if stack else None
        if top is not None and blank and top.nested >= 0:
            inserts.append(top.nested)  # the item goes on after a blank line
            top.nested = -1
        item = ITEM.match(line)
        if top is not None:
            if top.text and not blank and item is not None:
                top.nested = k  # a nested list right under the item's text
            top.text = top.text and not blank and item is None
        opening = FENCE.match(text)
        if opening is not None:
            fence = opening.group(2)
        elif item is not None:
            stack.append(_Open(content=ind + width, text=True, nested=-1))
        blank = False
    if not inserts:
        return lines
    out = lines[:]
    for k in sorted(inserts, reverse=True):
        out.insert(k, "")
    return out
