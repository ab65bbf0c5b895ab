"""Section 10, the IOSM targets, in both forms PRDs use.

* list form: ``### Gate-I (Improve) Targets`` with ``- Metric: target`` bullets, then
  ``### Expected IOSM-Index`` with ``**Current baseline:**`` / ``**Target
  post-implementation:**`` / ``**Delta:**`` lines;
* table form: ``| Gate | Baseline | Target | Expected Δ |`` with ``**Gate-I**`` rows,
  then ``**IOSM-Index target:** ≥0.80``.

Each target is split into operator, value and unit where it has them.  Every
non-blank line of the section must be recognised for ``Iosm.understood``; the
others become ``iosm-line`` problems.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from mkdocs_prd.core.model import GATE_NAMES, GateKey, Iosm, IosmIndex, IosmTarget, Number, Problem, Section
from mkdocs_prd.core.parse.blocks import Table, attribute, cell, tables
from mkdocs_prd.core.parse.gate_lines import gate_statement, metric_target
from mkdocs_prd.core.parse.inline import plain_value
from mkdocs_prd.core.parse.lines import (
    BLANK,
    CODE,
    COMMENT,
    HEADING,
    ITEM,
    RULE,
    TEXT,
    ListLine,
    Source,
    bold_label,
    strip_bold,
)
from mkdocs_prd.core.parse.sections import normalise_title
from mkdocs_prd.core.parse.targets import parse_target

__all__ = ["gate_of", "parse_iosm", "parse_target", "shown_in_block"]

_MAX_PROBLEMS = 20


@lru_cache(maxsize=4096)
def gate_of(text: str) -> GateKey | None:
    """``Gate-I (Improve) Targets`` / ``**Gate-O**`` / ``Shrink`` -> the gate key."""
    norm = normalise_title(strip_bold(text))
    words = norm.split(" ")
    if len(words) >= 2 and words[0] == "gate" and words[1] in ("i", "o", "s", "m"):
        return _key(words[1].upper())
    if words and words[0] in ("i", "o", "s", "m") and len(words) == 1:
        return _key(words[0].upper())
    for key, name in GATE_NAMES.items():
        if words and words[0] == name.lower():
            return _key(key)
    return None


def _key(letter: str) -> GateKey | None:
    if letter == "I":
        return "I"
    if letter == "O":
        return "O"
    if letter == "S":
        return "S"
    if letter == "M":
        return "M"
    return None


# The words that name each IOSM-Index figure, in English, German, Spanish, French and Portuguese
# ("Aktueller Ausgangswert", "Línea base actual", "Valeur actuelle", "Linha de base atual";
# "Ziel nach Umsetzung", "Objetivo tras la implementación", "Cible", "Meta"): a word ending in
# "*" matches the start of a word of the label, any other a whole word (or words); the first
# part that matches wins, in this order.  So "current" (aktuell, actuel, atual), "today" or
# "before" beside "index" name the baseline ("Indice actuel", "Index today"), not the target.
_INDEX = ("index*", "índice", "indice")
"""The words for "index" itself, which alone name the target ("IOSM-Index: 0.84")."""

INDEX_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("baseline", ("baseline*", "current*", "ausgangs*", "basiswert*", "aktuell*", "istwert*", "ist wert")),
    ("baseline", ("basislinie*", "startwert*", "valor inicial", "valeur de départ", "valeur initiale")),
    ("baseline", ("línea base", "linea base", "línea de base", "linea de base", "valor base")),
    ("baseline", ("valor actual", "référence", "valeur actuelle", "niveau actuel", "ligne de base")),
    ("baseline", ("point de départ", "linha de base", "valor atual", "valor de partida")),
    ("delta", ("delta*", "δ*", "change*", "änderung*", "veränderung*", "differenz*", "cambio")),
    ("delta", ("diferencia", "écart", "ecart", "variation", "différence", "variação", "diferença")),
    ("delta", ("mudança",)),
    ("target", ("target*", "index*", "expected*", "ziel*", "sollwert*", "erwartet*", "objetivo*")),
    ("target", ("meta", "metas", "esperad*", "índice", "indice", "cible*", "objectif*", "attendu*")),
    ("target", ("alvo",)),
)


@lru_cache(maxsize=4096)
def index_part(label: str, among_figures: bool = False) -> str | None:
    """Which IOSM-Index figure a label names: ``baseline``, ``target`` or ``delta``
    (:data:`INDEX_WORDS`), else None.

    A word for "now" (:data:`_NOW_WORDS`: "Indice actuel", "Index today", "Índice actual")
    beside "index" names the baseline; alone ("Before", "Base actuelle") only
    ``among_figures``: under the expected index, outside any gate, in a table of figures,
    where no gate's metric can be meant."""
    padded = f" {normalise_title(label)} "
    part = next((part for part, words in INDEX_WORDS if _has(padded, words)), None)
    if part == "target" and not _has(padded, _TARGET_WORDS):  # only "index" names the target
        # In Spanish "actual" is current; in English it is the achieved index.
        spanish = " actual " in padded and (" índice " in padded or " indice " in padded)
        if spanish or _has(padded, _NOW_WORDS):
            return "baseline"
    if part is None and among_figures and _has(padded, _NOW_WORDS):
        return "baseline"
    return part


_NOW_WORDS = ("actuel*", "atual", "heute", "vorher", "today", "before", "hoy", "antes", "avant", "hoje")
"""Words for "now" that make a label name the baseline (see :func:`index_part`): "current" in
French and Portuguese, "today", "before"."""
_TARGET_WORDS = tuple(w for part, words in INDEX_WORDS if part == "target" for w in words if w not in _INDEX)


def _has(padded: str, words: tuple[str, ...]) -> bool:
    """Whether the label (normalised, one blank at each end) holds one of ``words`` (see
    :data:`INDEX_WORDS`: ``*`` matches the start of a word)."""
    return any(f" {w[:-1]}" in padded if w[-1] == "*" else f" {w} " in padded for w in words)


_ENGLISH_COLUMNS = {
    "baseline": ("baseline", "current"),
    "target": ("target",),
    "delta": ("δ", "delta", "change"),
}


_METRIC_COLUMNS = ("metri", "métri", "measure", "kpi", "indicat", "indicad", "kennzahl", "messgröße")
"""A gate table's Metric column, in the languages section titles are read in: ``Metric``,
``Metrik``, ``Métrica``, ``Métrique``, ``Kennzahl``, ``Indicador``, ``KPI``."""


def _column(table: Table, part: str) -> int:
    """The column of a gate table holding one figure (``baseline``, ``target``, ``delta``): by its
    English words first, else by the words of :data:`INDEX_WORDS` (``| Ausgangswert | Ziel |``,
    ``| Línea base | Objetivo |``); ``Expected`` alone names no column here (the English reading
    takes it for the delta)."""
    found = table.column(*_ENGLISH_COLUMNS[part])
    if found >= 0:
        return found
    for i, head in enumerate(table.header):
        norm = f" {normalise_title(head)}"
        if index_part(head, True) == part and " expected" not in norm and " index" not in norm:
            return i
    return -1


def _names_index(title: str) -> bool:
    """``Expected IOSM-Index``, ``Erwarteter IOSM-Index``, ``Índice IOSM esperado``: a heading over
    the index figures."""
    padded = f" {normalise_title(title)}"
    return index_part(title) is not None and any(f" {w}" in padded for w in ("index", "índice", "indice"))


def _differ(first: Number, later: Number) -> bool:
    """Whether two statements of a figure say different things: two numbers that differ, or a
    number and a text that is none (``TBD``); ``0.84``, ``**0.84**`` and ``0,84`` are one value."""
    if first.value is None and later.value is None:
        return False
    if first.value is None or later.value is None:
        return True
    return abs(first.value - later.value) > 1e-9


def _number(raw: str, line: int) -> Number:
    _, value, _, _ = parse_target(raw)
    return Number(raw=plain_value(raw), value=value, line=line)  # "**0.86**" is shown as 0.86


class _Reader:
    """Collects what section 10 holds while walking its lines once."""

    def __init__(self) -> None:
        self.targets: list[IosmTarget] = []
        self.gates: list[GateKey] = []
        self.index: dict[str, Number] = {}
        self.repeated: list[tuple[str, Number]] = []
        self.form: str = "none"
        self.unrecognised: list[int] = []

    def gate_seen(self, gate: GateKey) -> None:
        if gate not in self.gates:
            self.gates.append(gate)

    def index_value(self, part: str, raw: str, line: int) -> None:
        # The first statement of a figure wins; a repeat is still recognised.  A bracketed
        # instruction ("[the index after this work, at least 0.80]", the skeleton's) states
        # no figure: PRD107 reports it, and no card or index shows it as the target.
        bare = raw.strip().strip("*_`")
        if bare[:1] == "[" and bare[-1:] == "]" and any(c.isalpha() for c in bare):
            return
        arrow = _ARROW.fullmatch(bare) if part == "target" else None
        if arrow is not None:
            # "IOSM-Index: 0.61 → 0.84 (+0.23)": baseline, target and delta in one figure.
            for name, figure in zip(("baseline", "target", "delta"), arrow.groups(), strict=True):
                if figure is not None:
                    self._figure(name, _number(figure, line))
            return
        self._figure(part, _number(raw, line))

    def _figure(self, part: str, number: Number) -> None:
        """The first statement of ``part``; a later one with another value is kept as repeated."""
        first = self.index.setdefault(part, number)
        if first is not number and _differ(first, number):
            self.repeated.append((part, number))

    def target(
        self,
        gate: GateKey,
        metric: str,
        raw: str,
        line: int,
        form: str,
        baseline: str | None = None,
        delta: str | None = None,
    ) -> None:
        op, value, unit, qualitative = parse_target(raw)
        target = IosmTarget(gate, metric, raw, line, op, value, unit, qualitative, baseline, delta)
        self.targets.append(target)
        if gate not in self.gates:
            self.gates.append(gate)
        if self.form == "none":
            self.form = form


def parse_iosm(src: Source, sections: tuple[Section, ...]) -> tuple[Iosm, list[Problem]]:
    """Read the first section matched to ``iosm``; ``Iosm()`` when there is none."""
    sec = next((s for s in sections if s.key == "iosm"), None)
    if sec is None:
        return Iosm(), []
    if sec.end_line <= sec.line:
        return Iosm(line=sec.line), []
    start, end = sec.line + 1, sec.end_line
    reader = _Reader()
    table_lines: set[int] = set()
    gate_tables: dict[int, Table] = {}  # by header line: a gate's own table of metrics and targets
    for table in tables(src, start, end):
        if table.column("gate") >= 0:
            table_lines |= _read_table(table, reader)
        elif len(table.header) == 2 and _figure_rows(table, reader):
            table_lines |= table.line_numbers()  # "| Baseline | 0.61 |", "| Target | 0.84 |"
        else:
            gate_tables[table.line] = table
    gate: GateKey | None = None  # the gate whose subsection we are in
    in_index = False  # inside "### Expected IOSM-Index"
    kinds, items, lines = src.kinds, src.items, src.lines
    for n, kind in enumerate(kinds[start - 1 : end], start):
        if kind == ITEM:
            if not _read_item(items[n], n, gate, in_index, reader):
                reader.unrecognised.append(n)
        elif kind >= CODE:
            # A code block is reported once, at its first line.
            if kind != COMMENT and kinds[n - 2] != kind:
                reader.unrecognised.append(n)
        elif kind == HEADING:
            title = lines[n - 1].strip().lstrip("#").strip()
            gate = gate_of(title)
            if gate is not None and _gate_target(title, n, reader):
                continue  # "### Gate-O: p95 latency < 300 ms": the heading states the target
            in_index = gate is None and _names_index(title)
            if gate is not None:
                reader.gate_seen(gate)
            elif not in_index:
                reader.unrecognised.append(n)
        elif kind == TEXT and n in gate_tables and gate is not None:
            table_lines |= _read_gate_table(gate_tables[n], gate, reader)
        elif kind == TEXT and n not in table_lines:
            text = lines[n - 1].strip()
            label = _gate_label(text)
            if label is not None:
                gate, in_index = label, False
                reader.gate_seen(label)
            elif not _read_text(text, n, gate, in_index, reader):
                reader.unrecognised.append(n)
    problems = [
        Problem(
            line=n,
            code="iosm-line",
            message=f"line in section 10 not understood: {src.lines[n - 1].strip()[:80]}",
        )
        for n in reader.unrecognised[:_MAX_PROBLEMS]
    ]
    found_something = bool(reader.targets or reader.index)
    index = IosmIndex(
        baseline=reader.index.get("baseline"),
        target=reader.index.get("target"),
        delta=reader.index.get("delta"),
        repeated=tuple(reader.repeated),
    )
    iosm = Iosm(
        form="table" if reader.form == "table" else "list" if reader.form == "list" else "none",
        targets=tuple(reader.targets),
        gates=tuple(reader.gates),
        index=index,
        understood=found_something and not reader.unrecognised,
        line=sec.line,
        body_start=start,
        body_end=end,
        kept=_kept_spans(src, start, end, set(reader.unrecognised)) if found_something else (),
    )
    return iosm, problems


def _kept_spans(src: Source, start: int, end: int, unread: set[int]) -> tuple[tuple[int, int], ...]:
    """The blocks of lines ``start``-``end`` that stay as written: those holding a line not understood.

    A block is a run of lines up to a blank line or heading; an indented run after a blank
    line belongs to the block before it (a list item's next paragraph).  A heading, or a
    gate's label alone on its line, stays when a block under it does; a rule always stays.
    """
    if not unread:
        return ()
    kinds, lines = src.kinds, src.lines
    blocks: list[list[int]] = []  # [first, last, kept, title]
    n = start
    while n <= end:
        kind = kinds[n - 1]
        if kind == BLANK:
            n += 1
            continue
        if kind in (HEADING, RULE):
            blocks.append([n, n, int(n in unread or kind == RULE), int(kind == HEADING)])
            n += 1
            continue
        first = n
        while n <= end and kinds[n - 1] not in (BLANK, HEADING, RULE):
            n += 1
        kept = int(any(k in unread for k in range(first, n)))
        if blocks and not blocks[-1][3] and lines[first - 1][:1] in (" ", "\t"):
            blocks[-1][1], blocks[-1][2] = n - 1, blocks[-1][2] | kept
        else:
            title = int(first == n - 1 and _gate_label(lines[first - 1].strip()) is not None)
            blocks.append([first, n - 1, kept, title])
    under = 0  # whether a block after the current title (up to the next one) stays
    for block in reversed(blocks):
        if block[3]:
            block[2] |= under
            under = 0
        else:
            under |= block[2]
    return tuple((b[0], b[1]) for b in blocks if b[2])


def shown_in_block(iosm: Iosm) -> Iosm:
    """What the plugin's IOSM block shows of ``iosm``: the targets and index figures that are
    not on lines kept as written (:attr:`Iosm.kept`), so no value is shown twice."""
    if not iosm.kept:
        return iosm
    firsts = [first for first, _ in iosm.kept]  # in order: the spans are made top down

    def shown(line: int) -> bool:
        at = bisect_right(firsts, line) - 1
        return at < 0 or iosm.kept[at][1] < line

    targets = tuple(t for t in iosm.targets if shown(t.line))
    idx = iosm.index
    index = IosmIndex(
        baseline=idx.baseline if idx.baseline is not None and shown(idx.baseline.line) else None,
        target=idx.target if idx.target is not None and shown(idx.target.line) else None,
        delta=idx.delta if idx.delta is not None and shown(idx.delta.line) else None,
    )
    gates = tuple(g for g in iosm.gates if any(t.gate == g for t in targets))
    return replace(iosm, targets=targets, index=index, gates=gates)


def _gate_label(text: str) -> GateKey | None:
    """The gate a bold label line alone names (``**Gate-I (Improve) Targets**``, ``**Gate-O:**``)."""
    if text[:2] not in ("**", "__"):
        return None
    pair = bold_label(text)
    if pair is not None:
        return gate_of(pair[0]) if not pair[1] else None
    inner = strip_bold(text)
    return gate_of(inner) if inner != text else None


def _gate_target(text: str, n: int, reader: _Reader) -> bool:
    """A gate named with its target in one line (``Gate-S: no new service without an owner``,
    ``**Gate-I:** p95 < 200 ms``; see :func:`gate_statement`); False when it is not one."""
    found = gate_statement(text)
    if found is None:
        return False
    reader.target(found[0], found[1], found[2], n, "list")
    return True


def _read_gate_table(table: Table, gate: GateKey, reader: _Reader) -> set[int]:
    """A ``| Metric | Target |`` table under a gate's heading: one target per row.

    The lines count as understood (the plugin's table replaces them) only when the plugin's
    table shows every column: a table with an Owner or Notes column stays as written.
    """
    col_target = table.column("target", "goal", "threshold")
    if col_target < 0:
        col_target = 1 if len(table.header) > 1 else -1
    if col_target < 0:
        return set()
    col_metric = next((i for i in range(len(table.header)) if i != col_target), col_target)
    col_base = _column(table, "baseline")
    for n, cells in table.rows:
        target = cell(cells, col_target)
        if target:
            base = cell(cells, col_base) if col_base >= 0 else None
            reader.target(gate, strip_bold(cell(cells, col_metric)), target, n, "list", baseline=base)
    width = len(table.header)
    shown = {col_metric, col_target, col_base}
    complete = all(i in shown for i in range(width)) and all(len(c) <= width for _, c in table.rows)
    return table.line_numbers() if complete else set()


def _read_item(item: ListLine, n: int, gate: GateKey | None, in_index: bool, reader: _Reader) -> bool:
    """Record what a list item says (a gate's target, or an index figure); False if nothing known."""
    indent, _, text = item
    if in_index:
        return _index_attribute(text, n, reader)
    if indent <= 1 and _gate_target(text, n, reader):
        return True
    if gate is None or indent > 1:
        return False
    split = metric_target(text)
    if split is None:
        return False
    reader.target(gate, split[0], split[1], n, "list")
    return True


def _read_text(s: str, n: int, gate: GateKey | None, in_index: bool, reader: _Reader) -> bool:
    """Record what a line of text (``s``, without surrounding blanks) says; False if nothing known."""
    if _gate_target(s, n, reader):
        return True
    if s[:2] == "**":
        pair = bold_label(s)
        if pair is not None:
            among = in_index or gate is None
            part = index_part(pair[0], among)
            if part is not None and pair[1]:
                for part, value in _index_figures(pair[0], pair[1], among):
                    reader.index_value(part, value, n)
                return True
            return False
    if in_index or gate is None:
        return _index_attribute(s, n, reader)
    return False


_FIGURE = r"([+\-−]?[0-9][0-9.,]*)"
# A delta's figure, with the points it may be counted in ("+18 pts", "+18 pp", "+18 Punkte").
_DELTA_FIGURE = (
    r"([+\-−±]?[0-9][0-9.,]*(?:[ \t]?(?:points?|pts?\.?|pp\.?|p\.[ ]?p\.|punkte|pkte?\.?|puntos|pontos)"
    r"(?![^\W\d_]))?)"
)
_ARROW = re.compile(
    rf"{_FIGURE}[ \t]*(?:→|->|⟶|=>)[ \t]*{_FIGURE}"
    rf"(?:[ \t]*\([ \t]*(?:Δ|delta)?[: \t]*{_DELTA_FIGURE}[ \t]*\))?",
    re.IGNORECASE,
)
# A further bold label on an index line: "**Baseline:** 0.61 → **Target:** 0.80".
_NEXT_LABEL = re.compile(r"\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)")
# A delta stated in brackets after a figure: "0.80 (Δ +0.19)", "0.80 (delta: +0.19)".
_DELTA_REMARK = re.compile(rf"\((?:Δ|delta)[: \t]*{_DELTA_FIGURE}[ \t]*\)", re.IGNORECASE)
_LEAD = " \t→·|;,/"
_TRAIL = _LEAD + "–—-"


def _index_figures(label: str, value: str, among_figures: bool) -> list[tuple[str, str]]:
    """The index figures an index line states: one (``**Target:** 0.86``), or several on one
    line (``**Baseline:** 0.61 → **Target:** 0.80 (Δ +0.19)``, ``**Current baseline:** 0.68 ·
    **Target post-implementation:** 0.86 · **Delta:** +0.18``), as ``(part, figure)`` pairs."""
    first = index_part(label, among_figures) or "target"
    pieces: list[tuple[str, str]] = []
    if "**" in value:
        for m in reversed(list(_NEXT_LABEL.finditer(value))):
            part = index_part(m.group(1), among_figures)
            if part is not None:
                pieces.append((part, value[m.end() :]))
                value = value[: m.start()]
    pieces.append((first, value))
    out = []
    for part, figure in reversed(pieces):
        delta = _DELTA_REMARK.search(figure) if "(" in figure and part != "delta" else None
        if delta is not None:
            out.append((part, figure[: delta.start()]))
            out.append(("delta", delta.group(1)))
        else:
            out.append((part, figure))
    if len(out) == 1:
        return out  # the figure as written, as before
    return [(part, figure.lstrip(_LEAD).rstrip(_TRAIL)) for part, figure in out if figure.strip(_TRAIL)]


def _index_attribute(text: str, n: int, reader: _Reader) -> bool:
    """``Baseline: 0.65`` and the like under the expected index (or outside any gate)."""
    attr = attribute(text, n)
    part = index_part(attr.key, True) if attr is not None else None
    if attr is not None and part is not None and attr.value:
        reader.index_value(part, attr.value, n)
        return True
    return False


def _figure_rows(table: Table, reader: _Reader) -> bool:
    """Read a two-column table of index figures (``| Baseline | 0.61 |``, ``| Target | 0.84 |``,
    ``| Delta | +0.23 |``); False when its rows name no figure.  Markdown has no table without
    a header row, so the first pair may stand in it (``| Baseline | 0.61 |`` over ``|---|---|``),
    as in a metadata table written as rows alone; a header naming two figures
    (``| Baseline | Target |``) is no pair."""
    rows = [
        (n, index_part(strip_bold(cells[0]), True), cells[1]) for n, cells in table.rows if len(cells) >= 2
    ]
    head = [strip_bold(c) for c in table.header]
    if index_part(head[0], True) is not None and index_part(head[1], True) is None and head[1].strip():
        rows.insert(0, (table.line, index_part(head[0], True), table.header[1]))
    parts = {part for _, part, _ in rows}
    if not rows or None in parts or not parts & {"baseline", "target"}:
        return False  # "| Change surface | ≤20% |" alone is a metric, not the index
    for n, part, value in rows:
        if part is not None and value.strip():
            reader.index_value(part, value, n)
    return True


def _read_table(table: Table, reader: _Reader) -> set[int]:
    """Targets and index figures from the gate table; the lines it understood."""
    col_gate = table.column("gate")
    col_base = _column(table, "baseline")
    col_target = _column(table, "target")
    col_delta = _column(table, "delta")
    if col_delta < 0:
        col_delta = next(
            (i for i, h in enumerate(table.header) if "expected" in h.lower() and i != col_target), -1
        )
    # The plugin's table shows the gate, baseline, target and delta columns only: a
    # table with any other column, or a row with more cells than the header, is left
    # as the author wrote it (its targets are still read for the rules).
    # A Metric column makes it a list of each gate's metrics in a table (the list form):
    # | Gate | Metric | Target |, a blank gate cell continuing the gate above.
    col_metric = table.column(*_METRIC_COLUMNS)
    if col_metric == col_gate:
        col_metric = -1
    shown = {col_gate, col_base, col_target, col_delta, col_metric}
    width = len(table.header)
    complete = all(i in shown for i in range(width)) and all(len(c) <= width for _, c in table.rows)
    understood = {table.line, table.line + 1}
    last: GateKey | None = None
    for n, cells in table.rows:
        name = cell(cells, col_gate)
        base = cell(cells, col_base) if col_base >= 0 else None
        delta = cell(cells, col_delta) if col_delta >= 0 else None
        target = cell(cells, col_target) if col_target >= 0 else ""
        gate = gate_of(name) if name.strip() or col_metric < 0 else last
        last = gate or last
        if gate is not None and col_metric >= 0:
            metric = strip_bold(cell(cells, col_metric))
            reader.target(gate, metric, target, n, "list", baseline=base or None, delta=delta or None)
            understood.add(n)
        elif gate is not None:
            reader.target(gate, f"Gate-{gate}", target, n, "table", baseline=base, delta=delta)
            understood.add(n)
        elif "index" in normalise_title(strip_bold(name)):
            if base:
                reader.index_value("baseline", base, n)
            if target:
                reader.index_value("target", target, n)
            if delta:
                reader.index_value("delta", delta, n)
            understood.add(n)
    return understood if complete else set()
