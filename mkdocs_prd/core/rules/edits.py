"""Building safe fixes: where, on a source line, a rule's known right text goes.

Rules find values in the model (a Status, a Date, a section number) but the model
keeps the text, not its column.  These helpers find that text on its line and
return a :class:`~mkdocs_prd.core.model.Fix`, or None whenever the place is not
certain (the text is not on the line, or appears there more than once): a fix that
cannot be placed for sure is not offered.  MkDocs-free, pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_prd.core.model import Edit, Fix


def line_text(lines: Sequence[str], line: int) -> str | None:
    """The text of 1-based ``line``, or None when it is not in ``lines``."""
    return lines[line - 1] if 1 <= line <= len(lines) else None


def unique_span(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of ``needle`` in ``text[start:]`` when it occurs there exactly once."""
    if not needle:
        return None
    at = text.find(needle, start)
    if at < 0 or text.find(needle, at + 1) >= 0:
        return None
    return at, at + len(needle)


def replace_text(lines: Sequence[str], line: int, old: str, new: str, title: str) -> Fix | None:
    """A fix writing ``new`` instead of ``old`` on 1-based ``line``.

    ``old`` must occur once on the line after the field's label, if the line has one
    (``**Date:** …``, ``date: …``, a table row); otherwise no fix (None).  None too
    when ``old == new``.
    """
    text = line_text(lines, line)
    if text is None or old == new:
        return None
    colon = text.find(":")
    # The value follows the label's colon, when the label's own text could also hold it.
    start = colon + 1 if 0 <= colon < text.find(old) else 0
    span = unique_span(text, old, start)
    if span is None:
        return None
    return Fix(title, (Edit(line, span[0], span[1], new),))


def replace_match(line: int, match: re.Match[str], group: int, new: str, title: str) -> Fix | None:
    """A fix writing ``new`` over ``group`` of ``match`` (made on 1-based ``line``'s text)."""
    if match.group(group) == new:
        return None
    return Fix(title, (Edit(line, match.start(group), match.end(group), new),))


def core_value(value: str) -> str:
    """A field value without surrounding blanks, emphasis (``**``, ``_``) and code backticks."""
    return value.strip().strip("*_`").strip()
