"""Values of another site's ``prd-index.json`` entry, validated before they join this site's index.

MkDocs-free.  Escaping makes a merged value harmless in HTML; this module makes it
*sensible*: counts are whole numbers from 0 to :data:`MAX_COUNT`, a part is never
more than its whole (``checked <= total``), IOSM-Index values are finite scores in
0-1 (the delta in -1-1), and text has no control characters and at most
:data:`MAX_TEXT` characters.  Each value put right or dropped gets a note naming the
entry and the field; the caller reports the notes with the source's name.
"""

from __future__ import annotations

import math
import re

from mkdocs_prd.core.numbers import NUMBER_TEXT, written_number
from mkdocs_prd.core.safe import is_encodable, strip_controls, terminal_text

MAX_COUNT = 1_000_000
"""The largest count (criteria, requirements, findings) a merged entry may state."""
MAX_TEXT = 500
"""The longest text value (title, owner, status ...) a merged entry may state, in characters."""
MAX_URL = 2048
"""The longest link (an entry's ``url``, the index's ``site_url``) that may become a link, in characters."""
MAX_ENTRIES = 10_000
"""The most entries merged from one source; a portfolio of other teams' PRDs is far smaller,
and each entry becomes a table row on the index page."""

_NUMBER = re.compile(r"[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?")
_SCORE = re.compile(NUMBER_TEXT)
_NON_FINITE = re.compile(r"[+\-]?(?:nan|inf(?:inity)?)", re.IGNORECASE)


class EntryCheck:
    """Checks the values of one merged entry (``number`` counts from 1), noting what it changed.

    ``notes`` receives sentences such as ``"entry 3 acceptance.checked 5 is more than
    acceptance.total 2; shown as 2"``.
    """

    def __init__(self, number: int, notes: list[str]) -> None:
        self.number = number
        self.notes = notes

    def _note(self, field: str, value: object, what: str) -> None:
        shown = value if isinstance(value, str) else repr(value)
        if len(shown) > 40:
            shown = shown[:39] + "\u2026"
        shown = repr(shown) if isinstance(value, str) else shown
        self.notes.append(f"entry {self.number} {field} {terminal_text(shown)} {what}")

    def text(self, value: str | None, field: str) -> str | None:
        """``value`` without control characters, cut at :data:`MAX_TEXT`; None stays None."""
        if value is None:
            return None
        clean = strip_controls(value)
        if clean != value:
            bad = "has control characters; removed"
            self._note(field, value, bad if is_encodable(value) else "is not valid Unicode; put right")
        if len(clean) > MAX_TEXT:
            self._note(field, clean, f"is longer than {MAX_TEXT} characters; cut")
            clean = clean[: MAX_TEXT - 1] + "\u2026"
        return clean

    def url(self, value: str | None, field: str = "url") -> str | None:
        """``value`` when it is at most :data:`MAX_URL` characters long, else None with a note."""
        if value is not None and len(value) > MAX_URL:
            self._note(field, value, f"is longer than {MAX_URL} characters; shown without a link")
            return None
        return value

    def count(self, value: object, field: str) -> int:
        """A whole number from 0 to :data:`MAX_COUNT`; a missing value is 0, anything else 0 with a note."""
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self._note(field, value, "is not a count; shown as 0")
            return 0
        if value > MAX_COUNT:
            self._note(field, value, f"is more than {MAX_COUNT}; shown as {MAX_COUNT}")
            return MAX_COUNT
        return value

    def part(self, part: int, whole: int, field: str, whole_field: str) -> int:
        """``part`` clamped to ``whole`` (checked criteria of all criteria)."""
        if part > whole:
            self.notes.append(
                f"entry {self.number} {field} {part} is more than {whole_field} {whole}; shown as {whole}"
            )
            return whole
        return part

    def score(self, value: str | None, field: str, *, low: float = 0.0, high: float = 1.0) -> str | None:
        """An IOSM-Index value as text when its number is finite and in ``[low, high]``, else None.

        Text with no number at all (``n/a``, a placeholder) is kept as text; ``NaN``,
        infinities and numbers out of range are dropped with a note.
        """
        clean = self.text(value, field)
        if clean is None or not clean.strip():
            return None
        if _NON_FINITE.search(clean) and not _NUMBER.search(clean):
            self._note(field, clean, "is not a finite number; dropped")
            return None
        number = score_value(clean)
        if number is None:
            return clean
        if not math.isfinite(number) or not low <= number <= high:
            self._note(field, clean, f"is outside {_bound(low)}-{_bound(high)}; dropped")
            return None
        return clean


def score_value(text: str | None) -> float | None:
    """The first number in ``text`` as a score (``"≥ 0.85"`` -> 0.85, ``"85%"`` -> 0.85); None without one."""
    found = _SCORE.search(text) if text else None
    if found is None or text is None:
        return None
    number = written_number(found.group())  # 0,85 is 0.85 (a decimal comma), as on the card
    if number is None:
        return None
    return number / 100 if text[found.end() :].lstrip().startswith("%") else number


def _bound(x: float) -> str:
    return str(int(x)) if x.is_integer() else str(x)


def summary(source: str, notes: list[str], limit: int = 10) -> str | None:
    """One message for all of a source's notes (the first ``limit`` spelled out), or None."""
    if not notes:
        return None
    shown = "; ".join(notes[:limit])
    more = f"; and {len(notes) - limit} more" if len(notes) > limit else ""
    return f"include_indexes: {source}: values put right: {shown}{more}"
