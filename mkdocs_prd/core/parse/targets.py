"""IOSM target texts split into operator, value and unit: ``≤15 min`` -> ``("<=", 15.0, "min")``."""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs_prd.core.numbers import NUMBER_TEXT, magnitude, written_number
from mkdocs_prd.core.parse.inline import plain_value
from mkdocs_prd.core.parse.lines import strip_bold

# Longest spellings first, so ">=" is not read as ">".
_OPERATORS: tuple[tuple[str, str], ...] = (
    ("at least ", ">="),
    ("no less than ", ">="),
    ("minimum ", ">="),
    ("min. ", ">="),
    ("at most ", "<="),
    ("no more than ", "<="),
    ("maximum ", "<="),
    ("max. ", "<="),
    ("max ", "<="),
    ("up to ", "<="),
    ("less than ", "<"),
    ("fewer than ", "<"),
    ("under ", "<"),
    ("below ", "<"),
    ("within ", "<="),
    ("more than ", ">"),
    ("greater than ", ">"),
    ("above ", ">"),
    ("reduced by ", "reduced by"),
    ("reduce by ", "reduced by"),
    (">=", ">="),
    ("=>", ">="),
    ("<=", "<="),
    ("=<", "<="),
    ("==", "="),
    ("≥", ">="),
    ("≤", "<="),
    ("<", "<"),
    (">", ">"),
    ("=", "="),
    ("~", "="),
    ("≈", "="),
)
WORD_OPERATORS: tuple[str, ...] = tuple(w.strip() for w, _ in _OPERATORS if w[0].isalpha())
"""The operators written as words (``at most``, ``under`` …), longest first."""
OPERATOR_SPELLINGS: frozenset[str] = frozenset(w.strip() for w, _ in _OPERATORS) | {"", "max", "min"}
"""Every way a target's operator is written (``≥``, ``at least`` …; "" for none)."""
_NUMBER = re.compile(NUMBER_TEXT)
# After a target's first number: a second one that closes a range ("–220 ms", "-20%", " to 2 s").
# The blanks after a unit belong to the unit's group, so no two runs of blanks meet: one
# match is linear (``[ \t]*[a-z]{0,8}[ \t]*`` tried every split of a long run of blanks).
_RANGE = re.compile(r"[ \t]*(?:[A-Za-z%µ/]{1,8}[ \t]*)?(?:[-\u2010-\u2014]|to[ \t])[ \t]*[0-9.]")
_KNOWN_UNITS = frozenset(
    [
        "µs",
        "us",
        "ns",
        "kib",
        "mib",
        "gib",
        "tib",
        "replicas",
        "pods",
        "nodes",
        "instances",
        "services",
        "ops/s",
        "tps",
        "rpm",
        "ms",
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "min",
        "mins",
        "minute",
        "minutes",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "endpoints",
        "endpoint",
        "tests",
        "test",
        "modules",
        "module",
        "deps",
        "dependencies",
        "files",
        "lines",
        "loc",
        "req/s",
        "rps",
        "qps",
        "users",
        "mb",
        "gb",
        "kb",
        "tb",
        "x",
        "points",
        "pts",
    ]
)
_PERCENT = frozenset(("percent", "pct", "procent", "prozent"))
_PER_CENT = ("per cent", "por ciento", "pour cent")


@lru_cache(maxsize=4096)
def parse_target(raw: str) -> tuple[str | None, float | None, str, bool]:
    """Split a target text into ``(operator, value, unit, qualitative)``.

    ``≤15 min for new contributor`` -> ``("<=", 15.0, "min", False)``;
    ``Stable or reduced by 10%`` -> ``("reduced by", 10.0, "%", False)``;
    ``Low`` -> ``(None, None, "", True)``; a ``[placeholder]`` has no value and is not
    qualitative.
    """
    s = strip_bold(raw.strip())
    if "`" in s or "*" in s or "_" in s or "<" in s or "~" in s:
        s = plain_value(s)  # "`≤5%`", "*0.86*", "_0.86_", "<b>0.86</b>", "~~0.80~~ 0.86": the figure shown
    low = s.lower()
    if not s or s.startswith("["):
        return None, None, "", False
    op: str | None = None
    rest = s
    for spelling, norm in _OPERATORS:
        if low.startswith(spelling):
            op, rest = norm, s[len(spelling) :].lstrip()
            break
    if op is None and low.startswith("stable"):
        at = low.find("reduced by")
        if at < 0:
            return "stable", None, "", False
        op, rest = "reduced by", s[at + len("reduced by") :].lstrip()
    m = _NUMBER.match(rest)
    if m is None:
        return op, None, "", op is None
    if _RANGE.match(rest, m.end()) is not None:
        return op, None, "", True  # "180–220 ms", "10-20%", "1 to 2 s": a range, shown as written
    value = written_number(m.group())
    if value is None:  # a figure no float holds (400 digits): no number
        return op, None, "", op is None
    factor, width = magnitude(rest[m.end() :])  # "1.2k req/s": 1200 req/s
    return op, value * factor, _unit(rest[m.end() + width :]), False


def _unit(after: str) -> str:
    if not after:
        return ""
    if after[0] == "%":
        return "%"
    if after[0] in " \t":
        word = after.strip().split(" ", 1)[0].rstrip(".,;:)")
        if word.startswith("%") or word.lower() in _PERCENT or after.lstrip().lower().startswith(_PER_CENT):
            return "%"  # "95 %", "95 percent", "95 per cent", "95 pct", "95 Prozent"
        return word if word.lower() in _KNOWN_UNITS else ""
    # Attached to the number ("200ms", "3x"): whatever runs up to a blank or bracket.
    end = len(after)
    for stop in " \t(,;)":
        at = after.find(stop)
        if 0 <= at < end:
            end = at
    return after[:end].rstrip(".:")
