"""Read a swarm-iosm track's ``iosm_report.md``: the achieved gate scores and index.

MkDocs-free and total: :func:`parse_report` never raises; what it cannot read is
listed in ``IosmReport.problems`` with its line.  The lines it understands are

    **Baseline Index:** 0.72
    **Final Index:** 0.85
    | Gate | Target | Baseline | Final | Status | Δ |
    |------|--------|----------|-------|--------|---|
    | Gate-I | ≥0.70 | 0.65 | 0.78 | ✅ PASS | +0.13 |

Columns are found by their heading, so their order may vary; the gate cell may read
``Gate-I``, ``**Gate-I (Improve)**``, ``I`` or ``Improve``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_prd.core.model import GATE_NAMES, GateKey, Number, Problem

_NUMBER = re.compile(r"[-+−]?\d+(?:\.\d+)?")
_INDEX_LINE = re.compile(
    r"\*\*\s*(baseline|final)\s+(?:iosm[- ]?)?index\s*:?\s*\*\*\s*:?\s*(.*)", re.IGNORECASE
)
_GATE_WORD = re.compile(r"^(?:gate[-\s]*)?([iosm])\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportGate:
    """One row of the report's gate table, texts as written (stripped of ``**``)."""

    gate: GateKey
    line: int
    target: str = ""
    baseline: str = ""
    final: str = ""
    status: str = ""
    delta: str = ""

    @property
    def final_value(self) -> float | None:
        """The achieved gate score as a number, when the Final cell holds one."""
        return first_number(self.final)


@dataclass(frozen=True, slots=True)
class IosmReport:
    """What an ``iosm_report.md`` says: index before/after and per-gate scores."""

    path: str
    baseline_index: Number | None = None
    final_index: Number | None = None
    gates: dict[str, ReportGate] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def first_number(text: str) -> float | None:
    """The first decimal number in ``text`` (``≥0.80`` -> 0.8, ``−0.1`` -> -0.1), else None."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    try:
        return float(m.group(0).replace("−", "-"))
    except ValueError:  # pragma: no cover - the pattern only matches numbers
        return None


_GATE_LETTERS: dict[str, GateKey] = {"I": "I", "O": "O", "S": "S", "M": "M"}


def gate_key(cell: str) -> GateKey | None:
    """``Gate-I``, ``**Gate-O (Optimize)**``, ``S`` or ``Modularize`` -> the gate letter."""
    text = cell.replace("*", "").strip()
    m = _GATE_WORD.match(text)
    if m:
        return _GATE_LETTERS.get(m.group(1).upper())
    low = text.lower()
    for key, name in GATE_NAMES.items():
        if low.startswith(name.lower()):
            return _GATE_LETTERS[key]
    return None


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip().replace("**", "").strip() for c in inner.split("|")]


def _is_separator(cells: list[str]) -> bool:
    return bool(cells) and all(c and set(c) <= set(":- ") for c in cells)


_COLUMNS = {
    "gate": "gate",
    "target": "target",
    "baseline": "baseline",
    "final": "final",
    "actual": "final",
    "status": "status",
    "δ": "delta",
    "delta": "delta",
}


def parse_report(text: str, path: str = "iosm_report.md") -> IosmReport:
    """Parse the text of an ``iosm_report.md``; never raises."""
    baseline: Number | None = None
    final: Number | None = None
    gates: dict[str, ReportGate] = {}
    problems: list[Problem] = []
    columns: dict[str, int] | None = None
    for lineno, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line.startswith("|"):
            columns = None
            m = _INDEX_LINE.match(line)
            if m:
                value_text = m.group(2).strip()
                number = Number(raw=value_text, value=first_number(value_text), line=lineno)
                if number.value is None:
                    problems.append(Problem(lineno, "iosm-report", f"no number in {value_text!r}"))
                if m.group(1).lower() == "baseline":
                    baseline = number
                else:
                    final = number
            continue
        cells = _cells(line)
        if columns is None:
            heads = {_COLUMNS.get(c.lower().strip()): i for i, c in enumerate(cells)}
            heads.pop(None, None)
            if "gate" in heads and "final" in heads:
                columns = {k: v for k, v in heads.items() if k is not None}
            continue
        if _is_separator(cells):
            continue
        gate = gate_key(cells[columns["gate"]]) if columns["gate"] < len(cells) else None
        if gate is None:
            # Rows such as "**Overall**" or an index row are not gates: skip, quietly.
            continue

        def cell(name: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
            i = columns.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        gates[gate] = ReportGate(
            gate=gate,
            line=lineno,
            target=cell("target"),
            baseline=cell("baseline"),
            final=cell("final"),
            status=cell("status"),
            delta=cell("delta"),
        )
    return IosmReport(
        path=path, baseline_index=baseline, final_index=final, gates=gates, problems=tuple(problems)
    )
