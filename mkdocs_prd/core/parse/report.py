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

Values are read as plain values (see :func:`plain_value`): ``**Final IOSM-Index:** **0.85** ✅``
gives ``0.85``; the emphasis is Markdown and the ✅ is a status, neither is part of the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_prd.core.model import GATE_NAMES, GateKey, Number, Problem
from mkdocs_prd.core.numbers import NUMBER_TEXT, written_number
from mkdocs_prd.core.parse.cells import split_row
from mkdocs_prd.core.parse.inline import without_comments

_NUMBER = re.compile(NUMBER_TEXT)
_INDEX_LINE = re.compile(
    r"\*\*\s*(baseline|final)\s+(?:iosm[- ]?)?index\s*:?\s*\*\*\s*:?\s*(.*)", re.IGNORECASE
)
_GATE_WORD = re.compile(r"^(?:gate[-\s]*)?([iosm])\b", re.IGNORECASE)
# Status markers written beside a value: check marks, crosses, traffic lights, warning signs.
_MARKERS = re.compile(
    "[\u2705\u2714\u2713\u2611\u274c\u274e\u2717\u2718\u26a0\u26aa\u26ab\U0001f7e0-\U0001f7eb\U0001f534-\U0001f535\ufe0f]"
)
# Markdown inline marks: emphasis runs (not underscores inside words), code ticks.
_INLINE_MARKS = re.compile(r"\*+|`+|(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
# A number and a status word after it: "0.78 (PASS)", "0.9 - met".  Matched against text
# whose blanks are already single, so no two quantifiers compete for the same blanks.
_STATUS_WORD = re.compile(
    r"([-+\u2212]?\d+(?:\.\d+)?%?) ?[:,\u2014-]? ?"
    r"\(?(?:pass(?:ed)?|fail(?:ed)?|met|not met|ok|skip(?:ped)?)\)?",
    re.IGNORECASE,
)


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
    """The first decimal number in ``text`` (``≥0.80`` -> 0.8, ``−0.1`` -> -0.1, ``0,71`` -> 0.71),
    else None."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    return written_number(m.group(0))


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


def plain_value(text: str) -> str:
    """A value as a reader means it: no Markdown marks, no status marker next to it.

    ``**0.85** ✅`` -> ``0.85``; ``0.78 (PASS)`` -> ``0.78``; ``[0.9](run.html)`` -> ``0.9``;
    ``All pass`` stays ``All pass`` (a word is the value there), and a marker alone
    (``✅``) stays: then it is the value.
    """
    text = _LINK.sub(r"\1", without_comments(text))  # "0.85 <!-- rerun -->": the page hides the note
    text = " ".join(_INLINE_MARKS.sub("", text).split())
    bare = " ".join(_MARKERS.sub(" ", text).split())
    if not bare:
        return text
    status = _STATUS_WORD.fullmatch(bare)
    return status.group(1).strip() if status else bare


def _cells(line: str) -> list[str]:
    return split_row(line) or []


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
                value_text = plain_value(m.group(2))
                number = Number(raw=value_text, value=first_number(value_text), line=lineno)
                if number.value is None:
                    problems.append(Problem(lineno, "iosm-report", f"no number in {value_text!r}"))
                # The first line that states a number wins: later lines restate it.
                if m.group(1).lower() == "baseline":
                    if baseline is None or baseline.value is None:
                        baseline = number
                elif final is None or final.value is None:
                    final = number
            continue
        cells = _cells(line)
        if columns is None:
            heads = {_COLUMNS.get(plain_value(c).lower()): i for i, c in enumerate(cells)}
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
            text = cells[i] if i is not None and i < len(cells) else ""
            # The Status cell is a status: its marker stays, only the Markdown goes.
            return " ".join(_INLINE_MARKS.sub("", text).split()) if name == "status" else plain_value(text)

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
