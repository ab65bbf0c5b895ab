"""Actual IOSM values of a PRD, and whether each target is met.

MkDocs-free.  Actuals come from two places, front matter winning key by key:

* ``iosm_actuals:`` in the PRD's front matter::

      iosm_actuals:
        I: 0.82            # gate scores, 0-1 (keys I, O, S, M, or Gate-I ...)
        O: 0.74
        index: 0.80        # the achieved IOSM-Index
        metrics:           # optional: per metric, named as in section 10
          P95 latency: 180ms
          Code duplication: 3%

* an ``iosm_report.md`` beside the PRD (see :mod:`mkdocs_prd.core.parse.report`): its Final
  column gives the gate scores, ``**Final Index:**`` the index.

A value may be a number (with or without unit) or a word: ``pass``/``met``/``✓``
count as met, ``fail``/``not met``/``✗`` as not met.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from mkdocs_prd.core.model import GateKey
from mkdocs_prd.core.numbers import NUMBER_TEXT, magnitude, written_number
from mkdocs_prd.core.parse.report import IosmReport, first_number, gate_key, plain_value

Mark = Literal["met", "not_met", "unknown"]

GATE_THRESHOLDS: dict[str, float] = {"I": 0.70, "O": 0.60, "S": 0.65, "M": 0.65}
"""swarm-iosm's pass threshold per gate score (IOSM.md)."""

_NOT_MET = re.compile(r"[✗✘❌]|\bfail|\bnot met\b|\bmissed\b")
_MET = re.compile(r"[✓✔✅]|\bpass|\bmet\b|\bdone\b")
_SHAPE = "gates (I, O, S, M), index and metrics"
# The unit after an actual's number (and its magnitude), as a target's is read: "180ms" is ms,
# "1350 req/s" and "1.5k req/s" are req/s.
_UNIT = re.compile(r"\s*([A-Za-z%µ]+(?:/[A-Za-z]+)?)")
_FIRST = re.compile(NUMBER_TEXT)
_EXPONENT = re.compile(r"[-+−]?(?:\d+\.?\d*|\.\d+)[eE][-+−]?\d+")
_FRACTION = re.compile(r"(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)")
_MAPPING_HINT = "Write `iosm_actuals:` as a mapping: `index: 0.82`, `I: 0.75` on their own indented lines"


class ActualsProblem(NamedTuple):
    """What could not be read in ``iosm_actuals``, and how to write it (PRD505's message and hint)."""

    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class Actual:
    """One actual value as written, its number (if any) and where it came from."""

    raw: str
    value: float | None
    source: str

    @property
    def unit(self) -> str:
        """The unit written right after the number (``180ms`` -> ``ms``, ``1.5k req/s`` ->
        ``req/s``), or ""."""
        number = _FIRST.search(self.raw)
        if number is None:
            return ""
        after = self.raw[number.end() :]
        m = _UNIT.match(after, magnitude(after)[1])
        return m.group(1) if m else ""


@dataclass(frozen=True)
class IosmActuals:
    """The known actual values of one PRD; empty when nothing is known."""

    gates: dict[str, Actual] = field(default_factory=dict)
    metrics: dict[str, Actual] = field(default_factory=dict)
    index: Actual | None = None
    baseline_index: Actual | None = None
    report: IosmReport | None = None
    problems: tuple[ActualsProblem, ...] = ()

    @property
    def known(self) -> bool:
        """Whether any actual value is known (the table then shows its Actual column)."""
        return bool(self.gates or self.metrics or self.index)

    def metric(self, name: str) -> Actual | None:
        """The actual of the metric called ``name`` (case and spacing ignored)."""
        return self.metrics.get(metric_key(name))


def metric_key(name: str) -> str:
    """How metric names are matched: lower case, single spaces, no trailing colon."""
    return " ".join(name.replace("*", "").lower().split()).rstrip(":").strip()


def _actual(value: object, source: str) -> Actual:
    raw = plain_value(str(value))
    return Actual(raw=raw, value=scaled_number(raw), source=source)


def scaled_number(text: str) -> float | None:
    """The first number in ``text`` with its magnitude: ``1.5k req/s`` -> 1500, ``180ms`` -> 180."""
    m = _FIRST.search(text)
    value = written_number(m.group()) if m is not None else None
    return value * magnitude(text[m.end() :])[0] if m is not None and value is not None else None


def _score(value: object, source: str) -> Actual:
    """A gate score or index as written: a list, mapping or date is no number (PRD505); ``1e-1``
    and ``1e400`` (strings to YAML) are 0.1 and infinity, ``7/10`` is 0.7, not their first digits."""
    raw = plain_value(str(value))
    if isinstance(value, (Mapping, list, tuple, set, datetime.date)):
        return Actual(raw=raw, value=None, source=source)
    text = raw.strip().replace("−", "-")
    if _EXPONENT.fullmatch(text):
        return Actual(raw=raw, value=float(text), source=source)
    m = _FRACTION.fullmatch(text)
    if m:
        over = first_number(m.group(2))
        if over:
            return Actual(raw=raw, value=(first_number(m.group(1)) or 0.0) / over, source=source)
    return _actual(value, source)


_INDEX_KEYS = ("index", "iosm_index", "iosm-index", "final")


def _unknown_key(name: str) -> ActualsProblem:
    """PRD505 for a key that names nothing: the key meant when it is close (``gate_i``, ``Index``)."""
    squeezed = re.sub(r"[\s_.]+", "-", name.strip())
    guess: str | None = gate_key(squeezed)
    low = squeezed.casefold().strip("-")
    if guess is None and "index" in low:
        guess = "index"
    elif guess is None and low.startswith("metric"):
        guess = "metrics"
    message = f"iosm_actuals: unknown key {name!r} (expected I, O, S, M, index or metrics)"
    if guess is not None:
        return ActualsProblem(f"{message}: did you mean `{guess}`?", f"Rename the key `{guess}`")
    return ActualsProblem(
        message, "Name each key `I`, `O`, `S`, `M`, `index` or `metrics` (a mapping of metric names)"
    )


def from_front_matter(value: object, source: str = "front matter") -> IosmActuals:
    """Read an ``iosm_actuals:`` front-matter value; bad shapes become ``problems``."""
    if value is None:
        return IosmActuals()
    if not isinstance(value, Mapping):
        return IosmActuals(
            problems=(ActualsProblem(f"iosm_actuals: expected a mapping of {_SHAPE}", _MAPPING_HINT),)
        )
    gates: dict[str, Actual] = {}
    metrics: dict[str, Actual] = {}
    index: Actual | None = None
    problems: list[ActualsProblem] = []
    for key, item in value.items():
        name = str(key).strip()
        if name.lower() in _INDEX_KEYS:
            index = _score(item, source)
        elif name.lower() == "metrics":
            if isinstance(item, Mapping):
                metrics.update({metric_key(str(k)): _actual(v, source) for k, v in item.items()})
            else:
                problems.append(
                    ActualsProblem(
                        "iosm_actuals.metrics: expected a mapping of metric name to value",
                        "Write `metrics:` as a mapping: `P95 latency: 180ms` on its own indented line",
                    )
                )
        elif (gate := gate_key(name)) is not None:
            gates[gate] = _score(item, source)
        else:
            problems.append(_unknown_key(name))
    return IosmActuals(gates=gates, metrics=metrics, index=index, problems=tuple(problems))


def from_report(report: IosmReport) -> IosmActuals:
    """The actuals an ``iosm_report.md`` states: gate Final scores and the Final Index."""
    gates = {key: Actual(g.final, g.final_value, report.path) for key, g in report.gates.items() if g.final}
    index = baseline = None
    if report.final_index is not None:
        index = Actual(report.final_index.raw, report.final_index.value, report.path)
    if report.baseline_index is not None:
        baseline = Actual(report.baseline_index.raw, report.baseline_index.value, report.path)
    return IosmActuals(gates=gates, index=index, baseline_index=baseline, report=report)


def merge(front: IosmActuals, report: IosmActuals) -> IosmActuals:
    """Front-matter values win over report values, key by key."""
    return IosmActuals(
        gates={**report.gates, **front.gates},
        metrics={**report.metrics, **front.metrics},
        index=front.index or report.index,
        baseline_index=front.baseline_index or report.baseline_index,
        report=report.report,
        problems=front.problems + report.problems,
    )


def collect(front_matter: Mapping[str, object], report: IosmReport | None) -> IosmActuals:
    """All actuals of a PRD: its ``iosm_actuals`` front matter over its ``iosm_report.md``."""
    front = from_front_matter(front_matter.get("iosm_actuals"))
    if report is None:
        return front
    return merge(front, from_report(report))


def word_mark(text: str) -> Mark | None:
    """``pass`` / ``✅`` -> met, ``fail`` / ``2 tests failing`` -> not met, else None."""
    low = text.lower().strip()
    if _NOT_MET.search(low) or low == "no":
        return "not_met"
    if _MET.search(low) or low in ("ok", "yes"):
        return "met"
    return None


def judge(operator: str | None, target: float | None, unit: str, actual: Actual | None) -> Mark:
    """Whether ``actual`` meets a target ``operator target unit``.

    Unknown when there is no actual, no numeric target, an operator that cannot be
    checked from one number (``stable``), or when the actual's unit differs from the
    target's.  Without an operator only an actual equal to the target is met.  For
    ``reduced by`` the actual is the reduction achieved.
    """
    if actual is None:
        return "unknown"
    if actual.value is None or target is None:
        return word_mark(actual.raw) or "unknown"
    if actual.unit and unit and actual.unit.lower() != unit.lower():
        return "unknown"
    value = actual.value
    if operator is None:
        # A bare number (``0.1% error rate``) does not say floor or ceiling: only
        # reaching it exactly is surely met.
        return "met" if abs(value - target) <= 1e-9 else "unknown"
    op = operator
    checks = {
        ">=": value >= target - 1e-9,
        "<=": value <= target + 1e-9,
        ">": value > target,
        "<": value < target,
        "=": abs(value - target) <= 1e-9,
        "reduced by": value >= target - 1e-9,
    }
    if op not in checks:
        return "unknown"
    return "met" if checks[op] else "not_met"


def gate_threshold(gate: GateKey, report: IosmReport | None) -> float:
    """The score a gate must reach: the report's Target when it states one, else swarm-iosm's."""
    if report is not None and gate in report.gates:
        stated = first_number(report.gates[gate].target)
        if stated is not None:
            return stated
    return GATE_THRESHOLDS[gate]
