"""Numeric configuration values: a number is a number (``80`` as well as ``0.8``), in range.

MkDocs-free, so the plugin's options and ``include_indexes`` entries share one check
and one wording.  Booleans (``true`` is an ``int`` to Python), text, NaN and
infinities are refused.
"""

from __future__ import annotations

import math
import re

NUMBER_TEXT = (
    r"[-+\u2212]?(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:[.,][0-9]+)?|\.[0-9]+)"
)
"""A number as documents write it, for a regex: ``0.85``, ``−3``, ``1,250`` (thousands),
``0,85`` (a decimal comma); read the text it matches with :func:`written_number`."""
_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def checked_number(
    value: object, *, low: float, high: float, low_inclusive: bool = True, unit: str = ""
) -> float:
    """``value`` as a float when it is a finite number in ``[low, high]`` (``(low, high]`` when
    ``low_inclusive`` is false).

    Raises ``ValueError`` with a sentence for people: what was given, what range is
    allowed (``unit`` is appended to the bounds, e.g. ``" s"``).
    """
    shown = f"{value!r}" if isinstance(value, str) else str(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        quoted = isinstance(value, str) and _parses(value)
        note = " (text: write the number without quotes)" if quoted else ""
        raise ValueError(f"expected a number {_range(low, high, low_inclusive, unit)}, got {shown}{note}")
    number = float(value)
    below = number < low if low_inclusive else number <= low
    if not math.isfinite(number) or below or number > high:
        raise ValueError(
            f"{shown} is out of range: expected a number {_range(low, high, low_inclusive, unit)}"
        )
    return number


def finite_number(text: str) -> float | None:
    """``text`` (a number as a document writes it: ``0.85``, ``-3``, ``1e5``) as a finite float,
    else None.

    Every number read from a document or another site goes through here: ``float()``
    turns ``NaN``, ``inf`` and a figure of 400 digits into values no width, bar or
    format can use (``int(inf)`` raises), so those are no number at all.
    """
    try:
        number = float(text)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def written_number(token: str) -> float | None:
    """The value of a number matched by :data:`NUMBER_TEXT`: ``1,250`` and ``2,000`` are
    thousands (1250, 2000); any other comma is a decimal comma (``0,85`` is 0.85, ``12,5`` is
    12.5); ``−0.1`` (a minus sign) is -0.1.  None when no finite float holds it."""
    text = token.replace("\u2212", "-")
    if "," in text:
        text = text.replace(",", "") if _THOUSANDS.fullmatch(text) else text.replace(",", ".")
    return finite_number(text)


# A magnitude written right after a number: "1.2k", "10K", "3M", "1,5 Mio.", "2 Mrd." (not "5MB",
# "200ms" or "5 m": a unit, minutes or metres).
_MAGNITUDE = re.compile(r"(?:([kK])|(M)|[ \t\u00a0]?(Mio|Mrd)\.?)(?![A-Za-z0-9])")
_FACTORS = {"k": 1e3, "K": 1e3, "M": 1e6, "Mio": 1e6, "Mrd": 1e9}


def magnitude(after: str) -> tuple[float, int]:
    """``(factor, length)`` of the magnitude written at the start of ``after``, the text right
    after a number: ``k req/s`` -> ``(1000.0, 1)``, `` Mio. Nutzer`` -> ``(1000000.0, 5)``;
    ``(1.0, 0)`` when there is none (``ms``, ``MB``, `` min``).  So ``1.2k`` is 1200, and a
    target and its actual are compared in one scale whichever way each is written."""
    m = _MAGNITUDE.match(after)
    if m is None:
        return 1.0, 0
    return _FACTORS[next(g for g in m.groups() if g)], m.end()


def _range(low: float, high: float, low_inclusive: bool, unit: str) -> str:
    first = f"{_num(low)}{unit}"
    if low_inclusive:
        return f"from {first} to {_num(high)}{unit}"
    return f"above {first}, at most {_num(high)}{unit}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _parses(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
