"""One IOSM target written on one line: its gate, its metric and its target, told apart.

Section 10 names a gate and its target on one line in many ways::

    Gate-S: no new service without an owner
    **Gate-I:** p95 < 200 ms
    - Gate-O — p95 latency: < 200 ms
    Gate M (Modularize): coupling low
    Shrink: at most 12 endpoints

The gate's name (with its bracketed name, ``Targets``, bold marks and a separator) is
not the metric: the metric is the text before the target's ``:``, its operator
(``≤``, ``<``, ``at most`` …) or its first number; a line that names no metric
(``Gate-S: no new service without an owner``, ``Gate-I: ≥ 0.75``) has metric ``""``
and the whole text as its target.  No regex here can backtrack.
"""

from __future__ import annotations

import re

from mkdocs_prd.core.model import GATE_NAMES, GateKey
from mkdocs_prd.core.parse.inline import without_comments
from mkdocs_prd.core.parse.lines import bold_label, strip_bold
from mkdocs_prd.core.parse.targets import OPERATOR_SPELLINGS, WORD_OPERATORS

__all__ = ["gate_statement", "metric_target"]

_GATE_NAMES = "|".join(
    [*(n.lower() for n in GATE_NAMES.values()), "optimise", "modularise", "modularization", "modularisation"]
)
# "Gate-I", "Gate I", "Gate‑O", "GATE_S", then an optional "(Improve)" and "Targets".
_GATE_LEAD = re.compile(
    r"gate[ \t]?[-\u2010-\u2014_]?[ \t]?(?P<letter>[iosm])(?![\w])"
    r"(?:[ \t]*\((?:" + _GATE_NAMES + r")\))?(?:[ \t]+targets?\b)?",
    re.IGNORECASE,
)
# "Improve:", "Optimize —": a gate's name alone needs a separator after it.
_NAME_LEAD = re.compile(
    r"(?P<name>" + _GATE_NAMES + r")(?:[ \t]+targets?)?(?=[ \t]*[:\u2013\u2014|])", re.IGNORECASE
)
_SEPARATORS = " \t:|-\u2010\u2011\u2012\u2013\u2014"
_STANDALONE_NUMBER = re.compile(r"(?<![\w.])[-+−~≈]?[0-9]+(?:[.,][0-9]+)*")
_COMPARISON = "≥≤<>="
# A qualitative target written after its metric: "Coupling low", "Cohesion high"; also in
# German, Spanish, French and Portuguese ("Kopplung niedrig", "acoplamiento bajo", "couplage faible").
_LEVELS = frozenset(
    {"low", "high", "medium", "minimal", "stable", "reduced", "none", "zero"}
    | {"niedrig", "gering", "hoch", "mittel", "minimal", "stabil", "reduziert", "keine", "null"}
    | {"bajo", "baja", "alto", "alta", "medio", "media", "mínimo", "mínima", "estable", "reducido", "ninguno"}
    | {"faible", "élevé", "élevée", "moyen", "moyenne", "minimal", "minimale", "stable", "réduit", "aucun"}
    | {"baixo", "baixa", "alto", "alta", "médio", "média", "mínimo", "estável", "reduzido", "nenhum"}
)
# "p95 latency under 200 ms": an operator word after the metric, a number after it.
_WORD_OPERATOR = re.compile(
    r"(?<=[ \t])(?:" + "|".join(re.escape(w) for w in WORD_OPERATORS) + r")[ \t]*(?=[-+−~≈]?[0-9.])",
    re.IGNORECASE,
)


def gate_statement(text: str) -> tuple[GateKey, str, str] | None:
    """``(gate, metric, target)`` for a line that names a gate and its target, else None.

    ``text`` is a line (or list item) without its list marker.  A gate named alone
    (``**Gate-I:**``, ``### Gate-O``) is no statement: None, and so is a sentence that
    starts with a gate's name (``Gate-O owners agreed …``: no separator after the name).
    """
    s = text.strip()
    mark = s[:2]
    if mark in ("**", "__"):
        close = s.find(mark, 2)
        inner = s[2:close].strip() if close > 2 else ""
        lead = _lead(inner.rstrip(":").rstrip())
        if lead is not None and lead[1] == len(inner.rstrip(":").rstrip()):
            return _statement(lead[0], s[close + 2 :], True)  # "**Gate-I:** p95 < 200 ms"
        s = s.replace(mark, "")  # "**Gate-O — p95 latency:** < 200 ms"
    lead = _lead(s)
    return _statement(lead[0], s[lead[1] :], False) if lead is not None else None


def _lead(s: str) -> tuple[GateKey, int] | None:
    """The gate ``s`` starts with and where its name ends, or None."""
    m = _GATE_LEAD.match(s)
    if m is not None:
        gate = _gate_key(m.group("letter"))
    else:
        m = _NAME_LEAD.match(s)
        gate = _name_key(m.group("name")) if m is not None else None
    return (gate, m.end()) if gate is not None and m is not None else None


def _statement(gate: GateKey, rest: str, separated: bool) -> tuple[GateKey, str, str] | None:
    body = rest.lstrip(_SEPARATORS)
    if not body:
        return None
    if not separated and not rest[: len(rest) - len(body)].strip() and body[:1] not in _COMPARISON:
        return None  # "Gate-O owners agreed": a sentence about the gate
    split = metric_target(body)
    metric, target = split if split is not None else ("", body)
    return gate, metric, target


def metric_target(text: str) -> tuple[str, str] | None:
    """``Metric: target`` (also ``**Metric:** target``, ``Metric ≤ 5%``, ``p95 latency under 200 ms``,
    ``Error rate 0.1%``) split in two; None when the text names no metric before a target.

    ``text`` is a list item's or line's text, without surrounding blanks; an HTML comment
    in it is not read (``≤5% <!-- from Sonar -->`` is ``≤5%``).
    """
    text = without_comments(text)
    if text[:2] == "**":
        pair = bold_label(text)
        if pair is not None:
            return (pair[0], pair[1]) if pair[1] else None
    metric, sep, target = text.partition(":")
    if sep:
        metric, target = metric.strip(), target.strip()
        if metric and target:
            return (strip_bold(metric) if metric[:2] in ("**", "__") else metric), target
    at = _first_comparison(text)
    if at > 0:
        return strip_bold(text[:at].strip()), text[at:].strip()
    metric, _, level = text.rstrip().rpartition(" ")
    if metric.strip() and level.rstrip(".").casefold() in _LEVELS:
        return strip_bold(metric.strip()), level  # "Coupling low"
    return None


def _first_comparison(text: str) -> int:
    """Where the target starts: the first comparison sign, operator word (`` under ``, `` at
    most ``) or standalone number after a metric; -1 when there is none."""
    best = -1
    for ch in _COMPARISON:
        at = text.find(ch)
        if at > 0 and (best < 0 or at < best):
            best = at
    if best < 0:
        m = _WORD_OPERATOR.search(text)
        best = m.start() if m is not None else -1
    if best < 0:
        m = _STANDALONE_NUMBER.search(text)
        before = text[: m.start()].strip(" \t:").casefold() if m is not None else ""
        if m is not None and any(c.isalnum() for c in before) and before not in OPERATOR_SPELLINGS:
            best = m.start()  # "error rate 0.1%"; not "at most 12 endpoints"
    return best


def _gate_key(letter: str) -> GateKey | None:
    up = letter.upper()
    return "I" if up == "I" else "O" if up == "O" else "S" if up == "S" else "M" if up == "M" else None


def _name_key(name: str) -> GateKey | None:
    low = name.casefold()
    for key, full in GATE_NAMES.items():
        if low[:5] == full.lower()[:5]:
            return _gate_key(key)
    return None
