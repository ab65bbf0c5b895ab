"""Reading a date written in another unambiguous form, for PRD103's safe fix.

:func:`iso_date` accepts only forms with a single possible reading:

* year first, numeric: ``2026/01/17``, ``2026.1.17``, ``2026-1-7``, ``20260117``;
* a month name (English, full or abbreviated, any case, optional ordinal and commas):
  ``17 January 2026``, ``Jan 17, 2026``, ``17th of Jan. 2026``, ``17-Jan-2026``,
  ``2026 January 17``, optionally after a weekday that agrees with the date; or in German,
  Spanish, French or Portuguese (``17. Januar 2026``, ``17 de enero de 2026``, ``17 janv. 2026``);
* day and month numeric with the year last only when one reading is a real date
  (``17/01/2026``, ``17.01.2026``) or both readings are the same day (``05/05/2026``),
  or, for a PRD written in a language that puts the day first (``day_first``: German,
  Spanish, French, Portuguese), day first (``12.03.2026`` is 12 March).

Everything else is None: ``01/02/2026`` (1 February or 2 January?), two-digit years,
times, words we do not know, impossible dates.  Pure and linear in the input.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""English month names and abbreviations (casefolded) -> month number."""

# The months in German, Spanish, French and Portuguese, as PRDs written in them date
# themselves (``12. März 2026``, ``12 de marzo de 2026``, ``12 mars 2026``, ``12 de março de 2026``).
MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                ("januar", "jänner", "enero", "janvier", "janv", "janeiro"),
                ("februar", "febrero", "février", "févr", "fevereiro"),
                ("märz", "mär", "marzo", "mars", "março"),
                ("abril", "avril", "avr"),
                ("mai", "mayo", "maio"),
                ("juni", "junio", "juin", "junho"),
                ("juli", "julio", "juillet", "juil", "julho"),
                ("agosto", "août"),
                ("septiembre", "setiembre", "septembre", "setembro"),
                ("oktober", "okt", "octubre", "octobre", "outubro"),
                ("noviembre", "novembre", "novembro"),
                ("dezember", "dez", "diciembre", "décembre", "déc", "dezembro"),
            ),
            start=1,
        )
        for name in names
    }
)
_FILLER = frozenset({"of", "de", "del"})  # "17th of Jan", "12 de marzo de 2026"

WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
"""English weekday names (casefolded) -> ``date.weekday()``."""

_ALLOWED = re.compile(r"[^\W_]|[ ,./\-\u00a0\u2010-\u2014\u2212]")
_TOKEN = re.compile(r"[^\W\d_]+|[0-9]+")
_ORDINALS = frozenset({"st", "nd", "rd", "th", "er", "º"})  # "1er janvier", "1º de enero"


# A time after a date, as Notion, Confluence and Google Docs write one: "April 2, 2026 9:15 AM",
# "17.03.2026, 14:30", "Jan 17, 2026 at 10:30 CET".
_TIME_AFTER = re.compile(
    r",?[ \t]+(?:at[ \t]+|um[ \t]+|à[ \t]+|às[ \t]+|a las[ \t]+)?"
    r"(?P<time>([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])(?::[0-5][0-9])?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]?(?:Uhr|UTC|GMT|[A-Z]{2,5})(?:[+-][0-9]{1,2})?)?)[ \t]*$"
)


def split_time(text: str) -> tuple[str, str]:
    """``(date, time)``: ``text`` without a time written after the date, and that time (the
    time as written, or "" when there is none): ``April 2, 2026 9:15 AM`` -> ``("April 2,
    2026", "9:15 AM")``."""
    if len(text) > 80 or (":" not in text and "h" not in text):
        return text, ""  # a date with its time is short; a long value is not scanned
    m = _TIME_AFTER.search(text)
    if m is None or m.start() == 0:
        return text, ""
    return text[: m.start()], m.group("time")


def iso_date(text: str, *, day_first: bool = False) -> str | None:
    """``text`` as ``YYYY-MM-DD`` when it names exactly one real calendar date, else None;
    ``day_first``: a numeric day and month (``12.03.2026``) are read day first.  A time after
    the date (``April 2, 2026 9:15 AM``) is not part of the day."""
    value = split_time(text.strip())[0].strip()
    if not 0 < len(value) <= 40 or not all(_ALLOWED.match(c) for c in value):
        return None
    tokens = _TOKEN.findall(value.casefold())
    weekday: int | None = None
    if tokens and tokens[0] in WEEKDAYS:
        weekday = WEEKDAYS[tokens.pop(0)]
    parts = _without_filler(tokens)
    if parts is None:
        return None
    found = _read(parts, day_first)
    if found is None or (weekday is not None and found.weekday() != weekday):
        return None
    return found.isoformat()


def _without_filler(tokens: list[str]) -> list[str] | None:
    """Tokens without ordinal suffixes (``17th``) and ``of``; None when a word is unknown."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token in _ORDINALS and i > 0 and tokens[i - 1].isdigit():
            continue
        if token in _FILLER:
            continue
        if not token.isdigit() and token not in MONTHS:
            return None
        out.append(token)
    return out


def _read(parts: list[str], day_first: bool) -> date | None:
    if len(parts) == 1 and len(parts[0]) == 8:  # ISO basic form, 20260117
        return _day(parts[0][:4], parts[0][4:6], parts[0][6:])
    if len(parts) != 3:
        return None
    named = [i for i, p in enumerate(parts) if p in MONTHS]
    if len(named) > 1:
        return None
    if named:
        return _with_month_name(parts, named[0])
    first, second, third = parts
    if len(first) == 4 and len(second) <= 2 and len(third) <= 2:
        return _day(first, second, third)
    if len(third) == 4 and len(first) <= 2 and len(second) <= 2:
        by_day = _day(third, second, first)
        by_month = _day(third, first, second)
        if by_day is None or by_month is None or by_day == by_month:
            return by_day or by_month
        return by_day if day_first else None  # both real: "12.03.2026" reads by the page's language
    return None


def _with_month_name(parts: list[str], at: int) -> date | None:
    month = str(MONTHS[parts[at]])
    numbers = [p for i, p in enumerate(parts) if i != at]
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    # D M Y, M D Y and Y M D are written; Y D M is not, and a year between is no date.
    if parts.index(years[0]) == 1 or (at == 2 and parts[0] == years[0]):
        return None
    return _day(years[0], month, days[0])


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_ISO_DAY_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:(?:T|[ ]|[ ]at[ ]|,[ ])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"  # 10:30, 10:30:00.123
    r"(?:[ ]?([AaPp])\.?[Mm]\.?)?"  # 2:30 PM
    # Z, +02:00, -0500, UTC, UTC+1, a zone's abbreviation (CET, PST, AEST)
    r"(?:[ ]?(?:Z|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})(?![\w]))?)?"
)

# What may follow a date as a remark: a bracket, a dash, or a comma or semicolon and a blank.
_DATE_REMARK = re.compile(r"[ \t]*[(\[]|[ \t]+[—–-]{1,2}[ \t]|[ \t]*[—–][ \t]*|[,;][ \t]")


def calendar_day(value: str) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO 8601 date or date-time, else None.

    ``2026-01-17``, ``2026-01-17T10:30:00Z``, ``2026-01-17 10:30``,
    ``2026-01-17T10:30:00.5+02:00`` and a time as people write it after the day
    (``2026-01-17 14:00 CET``, ``2026-01-17 at 2:30 PM``, ``2026-01-17, 09:00 UTC+1``)
    give ``2026-01-17``; an impossible day or time
    (``2026-02-30``, ``2026-01-17T25:00``) gives None.  A remark after
    the date is allowed, as after a Status: ``2026-03-04 (last edit)``, ``2026-03-04 —
    approved``, ``2026-03-04, reviewed 2026-03-10`` give ``2026-03-04``.
    """
    s = value.strip()
    m = _ISO_DAY_TIME.match(s)
    if m is None or (m.end() < len(s) and _DATE_REMARK.match(s, m.end()) is None):
        return None
    day, hour, minute, second, half = m.groups()
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    if hour is not None and (int(hour) > (12 if half else 23) or int(minute) > 59 or int(second or 0) > 60):
        return None
    return day
