"""What the templates show, computed from a :class:`~mkdocs_prd.core.model.Prd`.

MkDocs-free, Jinja-free plain data: the header card, the IOSM table and the
findings panel each get a small view object, so templates stay free of logic and a
site overriding a template gets ready-made values.  Texts from the document are
passed through untouched; escaping happens in the templates (autoescape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mkdocs_prd.core.actuals import Actual, IosmActuals, Mark, gate_threshold, judge
from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.model import (
    GATE_NAMES,
    Finding,
    GateKey,
    IosmTarget,
    Number,
    Prd,
    site_status,
    status_remark,
)
from mkdocs_prd.core.moscow import priority_level
from mkdocs_prd.core.numbers import NUMBER_TEXT, magnitude, written_number
from mkdocs_prd.core.parse.inline import plain_value
from mkdocs_prd.core.parse.lines import strip_bold

CARD_ORDER: tuple[str, ...] = ("track_id", "owner", "version", "date")
"""Metadata shown first on the card, in this order; every other field follows."""

HIDDEN_FRONT_MATTER: frozenset[str] = frozenset(
    {"title", "type", "prd_ignore", "iosm_actuals", "hide", "tags", "search", "template", "icon", "subtitle"}
)
"""Front-matter keys that configure MkDocs / Material or the plugin, not PRD metadata."""

PRIORITIES: tuple[str, ...] = ("must", "should", "could", "wont")

BANDS: tuple[tuple[float, str], ...] = (
    (0.90, "excellent"),
    (0.80, "good"),
    (0.70, "acceptable"),
    (0.60, "needs_work"),
)
"""Lower bounds of the IOSM rating bands (IOSM.md); below the last one is ``poor``."""

OPERATOR_SYMBOLS: dict[str, str] = {">=": "≥", "<=": "≤", "<": "<", ">": ">", "=": "="}


def slug(text: str) -> str:
    """CSS-class slug: lower case, runs of anything but letters/digits -> ``-``.

    ``In Progress`` -> ``in-progress``; an empty result becomes ``unknown``.
    """
    return re.sub(r"[\W_]+", "-", text.lower()).strip("-") or "unknown"


def band(value: float | None) -> str | None:
    """The rating band key (``good``, ``needs_work`` ...) of an IOSM-Index value; None for no
    value and for one outside 0-1 (PRD502: the page rates no figure the linter rejects)."""
    if value is None or not 0.0 <= value <= 1.0:
        return None
    for bound, key in BANDS:
        if value >= bound - 1e-9:
            return key
    return "poor"


def priority_key(priority: str | None) -> str:
    """The MoSCoW level a priority names, as a key: ``Must`` / ``Must have`` -> ``must``,
    ``Won't`` -> ``wont``; anything else (``Must / Should / Could``, ``Urgent``) -> ``other``.
    Read as the checks and the card read a priority (:func:`~mkdocs_prd.core.moscow.priority_level`):
    ``Muss``, ``Debería``, ``🔴 Must``, ``Nice to have``, ``M`` had the grey "other" badge on the
    page while the card counted them as Must, Should or Could."""
    level = priority_level(priority) if priority else None
    return level.casefold().replace("'", "") if level else "other"


def format_number(value: float) -> str:
    """``5.0`` -> ``5``, ``0.950`` -> ``0.95``: numbers as people write them."""
    return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


@dataclass(frozen=True, slots=True)
class FieldView:
    """A metadata row: ``value`` is plain text, ``written`` the same with its inline
    Markdown when it had any (the card shows it through the ``inline_value`` filter)."""

    key: str
    label: str
    value: str
    written: str = ""


@dataclass(frozen=True, slots=True)
class CountView:
    key: str
    label: str
    count: int


def header_stays(prd: Prd) -> bool:
    """Whether the author's metadata header stays on the page as written, the card under the
    title: the card cannot stand for it without losing text (a column of notes in a header
    table, a field written twice, a relative link, a struck value; see
    :func:`mkdocs_prd.core.parse.prd.card_keeps_all`)."""
    meta = prd.metadata
    return meta.header_start > 0 and not meta.header_replaceable


@dataclass(frozen=True, slots=True)
class CardView:
    """The header card: status, metadata, acceptance progress and key counts."""

    status: str | None
    fields: tuple[FieldView, ...]
    checked: int
    total: int
    percent: int
    priorities: tuple[CountView, ...]
    open_questions: int
    index_target: str | None
    index_band: str | None
    index_actual: str | None = None
    index_actual_band: str | None = None
    index_actual_mark: Mark | None = None
    status_note: str = ""
    """What the Status says besides its word (``2026-11-10`` of ``Approved (2026-11-10)``)."""
    listed: int = 0
    """All acceptance criteria, also those whose state is not written (``total`` counts
    the ones that have a state)."""


def card_view(
    prd: Prd, labels: Labels, actuals: IosmActuals | None = None, statuses: Sequence[str] = ()
) -> CardView:
    """Everything the header card shows; every metadata field the author wrote appears.

    With ``actuals`` that hold the achieved IOSM-Index, the card shows it with its band
    and whether it meets the target.  Priorities nobody used are left out (no "Could 0").
    When the author's header stays on the page (:func:`header_stays`), the card leaves out
    the fields it shows: each value is on the page once, as the author wrote it.
    """
    meta = prd.metadata
    stays = header_stays(prd)
    shown: list[FieldView] = []
    # The status is the card's pill, never a row too, whatever its label (**State:**, **Statut:**).
    status_field = meta.get("status")
    seen: set[str] = {"status"} | ({status_field.key} if status_field is not None else set())
    for key in CARD_ORDER:
        f = meta.get(key)
        if f is not None:
            seen.add(f.key)
            if not (stays and f.source == "header"):
                shown.append(
                    FieldView(f.key, labels.get(key) if f.key == key else f.label, f.value, f.written)
                )
    for f in meta.fields:
        if f.key in seen or (f.source == "front_matter" and f.key in HIDDEN_FRONT_MATTER):
            continue
        chosen = meta.get(f.key) or f
        seen.add(f.key)
        if not (stays and chosen.source == "header"):
            shown.append(FieldView(chosen.key, chosen.label, chosen.value, chosen.written))
    checked = sum(1 for c in prd.criteria if c.checked)
    total = sum(1 for c in prd.criteria if c.stated)  # progress only where a state is written
    counts = {key: 0 for key in (*PRIORITIES, "other")}
    for req in prd.functional:
        counts[priority_key(req.level)] += 1
    priorities = tuple(
        CountView(key, labels.get(f"priority_{key}", key.title()), n) for key, n in counts.items() if n
    )
    target = prd.iosm.index.target
    achieved = _index_view(prd, actuals) if actuals is not None and actuals.index is not None else None
    return CardView(
        status=site_status(prd.status, statuses),
        fields=tuple(shown),
        checked=checked,
        total=total,
        percent=round(100 * checked / total) if total else 0,
        priorities=priorities,
        open_questions=len(prd.open_questions),
        listed=len(prd.criteria),
        status_note=status_remark(meta.value("status") or ""),
        index_target=target.raw if target is not None else None,
        index_band=band(target.value) if target is not None else None,
        index_actual=achieved.actual if achieved is not None else None,
        index_actual_band=achieved.actual_band if achieved is not None else None,
        index_actual_mark=achieved.actual_mark if achieved is not None else None,
    )


@dataclass(frozen=True, slots=True)
class GaugeView:
    """Baseline, target and actual as positions (percent of the bar) on one small bar.

    ``met`` says whether the actual reaches the target (None: no actual or not comparable).
    ``text`` is the same in words, for the gauge's accessible name.
    """

    baseline: float | None
    target: float
    actual: float | None
    met: bool | None
    text: str


_FIRST_NUMBER = re.compile(NUMBER_TEXT)


def _leading_number(text: str | None) -> float | None:
    """The first number of a baseline cell with its magnitude (``0.9k`` is 900, as its target's
    ``≥ 1.2k`` is 1200), else None."""
    m = _FIRST_NUMBER.search(text or "")
    value = written_number(m.group()) if m else None
    return value * magnitude((text or "")[m.end() :])[0] if m is not None and value is not None else None


def gauge(baseline: float | None, target: float | None, actual: float | None, text: str) -> GaugeView | None:
    """A :class:`GaugeView` when there is a target and a baseline or an actual to set it against.

    Scores (all values within 0-1) are drawn on 0-1; other figures on 0 to 1.15 times the largest.
    """
    if target is None or (baseline is None and actual is None):
        return None
    values = [v for v in (baseline, target, actual) if v is not None]
    if min(values) < 0:
        return None
    top = 1.0 if max(values) <= 1.0 else max(values) * 1.15
    if top <= 0:
        return None

    def pos(v: float | None) -> float | None:
        return None if v is None else round(100 * v / top, 1)

    met = None if actual is None else actual >= target - 1e-9
    return GaugeView(pos(baseline), pos(target) or 0.0, pos(actual), met, text)


@dataclass(frozen=True, slots=True)
class RowView:
    """One row of the IOSM table; ``kind`` is ``gate`` (a gate heading) or ``target``."""

    kind: str
    gate: GateKey
    gate_title: str
    metric: str
    operator: str
    value: str
    unit: str
    text: str
    baseline: str
    delta: str
    actual: str
    mark: Mark | None
    gauge: GaugeView | None = None

    @property
    def target(self) -> str:
        """The target as the author wrote it (``≥0.70``, ``≤120ms``, ``Stable or reduced by 5%``);
        a gate row's score threshold (not written in the PRD) as ``≥0.75``."""
        if self.text or not self.value:
            return self.text
        sep = "" if self.unit in ("", "%") else " "
        op = f"{self.operator} " if self.operator[:1].isalpha() else self.operator
        return f"{op}{self.value}{sep}{self.unit}"


@dataclass(frozen=True, slots=True)
class IndexView:
    baseline: str | None
    target: str | None
    delta: str | None
    delta_computed: bool
    band: str | None
    actual: str | None
    actual_band: str | None
    actual_mark: Mark | None
    gauge: GaugeView | None = None


@dataclass(frozen=True, slots=True)
class IosmView:
    """Section 10 as one table plus the expected index."""

    form: str
    rows: tuple[RowView, ...]
    show_metric: bool
    show_baseline: bool
    show_delta: bool
    show_actual: bool
    index: IndexView


def gate_title(gate: GateKey, labels: Labels) -> str:
    """``Gate-I (Improve)`` in the site's words."""
    return labels.format("gate_title", gate=gate, name=labels.get(f"gate_{gate.lower()}", GATE_NAMES[gate]))


def _operator_text(op: str | None, labels: Labels) -> str:
    if op is None:
        return ""
    if op in OPERATOR_SYMBOLS:
        return OPERATOR_SYMBOLS[op]
    return labels.get("op_" + slug(op).replace("-", "_"), op)


def _target_row(
    t: IosmTarget, actual: Actual | None, op: str | None, labels: Labels, title: str, scores: bool = False
) -> RowView:
    """A target's row; ``scores``: the target is a gate score (the table form), which a
    figure outside 0-1 (PRD502's error) cannot meet or miss."""
    has_value = t.value is not None and not t.qualitative and not (scores and not 0.0 <= t.value <= 1.0)
    return RowView(
        kind="target",
        gate=t.gate,
        gate_title=title,
        metric=t.metric,
        operator=_operator_text(t.operator, labels) if has_value else "",
        value=format_number(t.value) if has_value and t.value is not None else "",
        unit=t.unit if has_value else "",
        text=as_written(t.raw),
        baseline=t.baseline or "",
        delta=t.delta or "",
        actual=actual.raw if actual is not None else "",
        mark=judge(op, t.value if has_value else None, t.unit, actual) if actual is not None else None,
        gauge=_row_gauge(t, actual, op, labels) if has_value else None,
    )


def _with_actual(row: RowView, actual: Actual | None) -> RowView:
    """``row`` showing ``actual`` as written, with no mark and no gauge."""
    return replace(row, actual=actual.raw, mark=None, gauge=None) if actual is not None else row


def _words(actual: Actual | None) -> bool:
    """An actual written in words (``Pass``, ``FAIL``): judged by its word, not as a score."""
    return actual is not None and actual.value is None


def _row_gauge(t: IosmTarget, actual: Actual | None, op: str | None, labels: Labels) -> GaugeView | None:
    """A gauge for a target with a number: only a floor (``≥``) is drawn, where more is better."""
    if op not in (">=", ">") or t.value is None:
        return None
    if actual is not None and actual.unit.strip() not in ("", t.unit.strip()):
        actual = None  # another unit: not on the same bar
    base = _leading_number(t.baseline)
    act = actual.value if actual is not None else None
    return gauge(base, t.value, act, _gauge_text(base, t.value, act, labels))


def _gauge_text(baseline: float | None, target: float, actual: float | None, labels: Labels) -> str:
    parts = []
    if baseline is not None:
        parts.append(f"{labels.get('iosm_baseline')} {format_number(baseline)}")
    parts.append(f"{labels.get('iosm_target')} {format_number(target)}")
    if actual is not None:
        parts.append(f"{labels.get('iosm_actual')} {format_number(actual)}")
    return " → ".join(parts)


def iosm_view(prd: Prd, actuals: IosmActuals, labels: Labels) -> IosmView:
    """The IOSM table of a PRD with actuals and met marks where they are known."""
    iosm = prd.iosm
    rows: list[RowView] = []
    titles: dict[GateKey, str] = {}  # each gate's title, formatted once per table

    def title(gate: GateKey) -> str:
        found = titles.get(gate)
        return found if found is not None else titles.setdefault(gate, gate_title(gate, labels))

    if iosm.form == "table":
        for t in iosm.targets:
            # A gate score written bare (``0.75``) is a floor, like ``≥0.75``.
            score = actuals.gates.get(t.gate)
            if score is not None and not _valid(score) and not _words(score):
                score = None  # a gate score outside 0-1 (PRD502): neither met nor not
            row = _target_row(t, score, t.operator or ">=", labels, title(t.gate), scores=True)
            rows.append(row if score is not None else _with_actual(row, actuals.gates.get(t.gate)))
    else:
        # The gate score floor and a score from YAML in the page's decimals (≥0,7 beside ≥0,95).
        idx = iosm.index
        figures = [t.raw for t in iosm.targets] + [
            f.raw for f in (idx.baseline, idx.target) if f is not None and f.raw
        ]
        comma = _decimal_comma(*figures)
        gates_in_order = list(dict.fromkeys([*iosm.gates, *(t.gate for t in iosm.targets)]))
        for gate in gates_in_order:
            score = actuals.gates.get(gate)
            threshold = gate_threshold(gate, actuals.report)
            rows.append(
                RowView(
                    kind="gate",
                    gate=gate,
                    gate_title=title(gate),
                    metric="",
                    operator="≥" if score is not None else "",
                    value=_in_page_decimals(format_number(threshold), comma) if score is not None else "",
                    unit="",
                    text="",
                    baseline="",
                    delta="",
                    actual=_in_page_decimals(score.raw, comma) if score is not None else "",
                    # A score outside 0-1 (PRD502) is shown as written, judged and drawn nowhere.
                    mark=judge(">=", threshold, "", score) if _valid(score) or _words(score) else None,
                    gauge=gauge(
                        None,
                        threshold,
                        score.value,
                        _gauge_text(None, threshold, score.value, labels),
                    )
                    if score is not None and score.value is not None and _valid(score)
                    else None,
                )
            )
            for t in iosm.targets:
                if t.gate == gate:
                    rows.append(_target_row(t, actuals.metric(t.metric), t.operator, labels, title(gate)))
    return IosmView(
        form=iosm.form,
        rows=tuple(rows),
        show_metric=iosm.form != "table",
        show_baseline=any(r.baseline for r in rows),
        show_delta=any(r.delta for r in rows),
        show_actual=actuals.known,
        index=_index_view(prd, actuals, labels),
    )


def as_written(raw: str) -> str:
    """A value as the author wrote it, for display: emphasis around the whole value
    (``**≥0.80**``), surrounding spaces and inline markup the page does not show as text
    (`` `≤5%` ``, ``[≤5%](#sonar)``, a struck-out old figure ``~~10%~~ ≤5%``) are dropped; the
    number, its separators (``2,000``, ``0,95``), spacing and words stay."""
    return plain_value(strip_bold(raw.strip()))


def _index_view(prd: Prd, actuals: IosmActuals, labels: Labels | None = None) -> IndexView:
    """The expected IOSM-Index; the baseline falls back to the report's ``**Baseline Index:**``."""
    idx = prd.iosm.index
    baseline: Number | Actual | None = idx.baseline or actuals.baseline_index
    target = idx.target
    delta_text: str | None = idx.delta.raw if idx.delta is not None else None
    computed = False
    if delta_text is None and baseline and target and baseline.value is not None and target.value is not None:
        delta_text = f"{target.value - baseline.value:+.2f}"
        computed = True
    actual = actuals.index
    target_value = target.value if target is not None else None
    # A German page writes 0,82: a figure it does not write itself (the achieved index from YAML,
    # the computed delta) takes its decimal comma ("Target 0,82 ... Achieved 0.74" mixed them).
    comma = _decimal_comma(*(f.raw for f in (baseline, target) if f is not None and f.raw))
    if computed and delta_text is not None:
        delta_text = _in_page_decimals(delta_text, comma)
    return IndexView(
        baseline=baseline.raw if baseline is not None else None,
        target=target.raw if target is not None else None,
        delta=delta_text,
        delta_computed=computed,
        band=band(target_value),
        actual=_in_page_decimals(actual.raw, comma) if actual is not None else None,
        actual_band=band(actual.value) if actual is not None else None,
        actual_mark=judge(">=", target_value, "", actual) if _valid(actual) and _valid(target) else None,
        gauge=_index_gauge(baseline.value if baseline is not None else None, target_value, actual, labels),
    )


_POINT_NUMBER = re.compile(r"[+-]?[0-9]+\.[0-9]+")


def _decimal_comma(*figures: str) -> bool:
    """Whether the page writes these figures with a decimal comma: one has one, none a point."""
    return any(re.search(r"[0-9],[0-9]", f) for f in figures) and not any(
        re.search(r"[0-9]\.[0-9]", f) for f in figures
    )


def _in_page_decimals(text: str, comma: bool) -> str:
    """``0.74`` as ``0,74`` on a page of decimal commas; any other text as it is."""
    return text.replace(".", ",") if comma and _POINT_NUMBER.fullmatch(text.strip()) else text


def _valid(figure: Number | Actual | None) -> bool:
    """Whether an IOSM-Index figure is a score the linter accepts (0-1; PRD502, PRD505)."""
    return figure is not None and figure.value is not None and 0.0 <= figure.value <= 1.0


def _index_gauge(
    baseline: float | None, target: float | None, actual: Actual | None, labels: Labels | None
) -> GaugeView | None:
    """The expected index's gauge, of the figures within 0-1 only: one outside (PRD502's
    error) is no score, so it gets no mark and no place on the bar (as on the card and in
    the index chart)."""
    if target is None or labels is None or not 0.0 <= target <= 1.0:
        return None
    act = actual.value if _valid(actual) and actual is not None else None
    base = baseline if baseline is not None and 0.0 <= baseline <= 1.0 else None
    return gauge(base, target, act, _gauge_text(base, target, act, labels))


@dataclass(frozen=True, slots=True)
class FindingView:
    """One entry of the findings panel: a rule's findings on the page, grouped.

    ``lines`` in order; ``messages`` pairs each line with its message; ``message`` is
    the one message when all are the same (else the first); ``same`` says so;
    ``by_message`` lists each different message once with its lines.
    """

    rule: str
    severity: str
    lines: tuple[int, ...]
    messages: tuple[tuple[int, str], ...]
    hint: str

    @property
    def line(self) -> int:
        """The first line."""
        return self.lines[0]

    @property
    def message(self) -> str:
        return self.messages[0][1]

    @property
    def same(self) -> bool:
        return len(self.by_message) == 1

    @property
    def by_message(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Each different message once, with its lines, in order of first line: "13 different
        messages" counted ten identical ones as ten."""
        lines: dict[str, list[int]] = {}
        for line, message in self.messages:
            lines.setdefault(message, []).append(line)
        return tuple((message, tuple(ls)) for message, ls in lines.items())


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def findings_view(findings: Sequence[Finding]) -> tuple[FindingView, ...]:
    """The panel's entries: one per rule and hint (a rule that fires 80 times is one entry
    with its lines), errors first, then in order of first line."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (f.line, f.rule)):
        groups.setdefault((f.rule, f.severity.value, f.hint), []).append(f)
    views = [
        FindingView(rule, severity, tuple(f.line for f in fs), tuple((f.line, f.message) for f in fs), hint)
        for (rule, severity, hint), fs in groups.items()
    ]
    return tuple(sorted(views, key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.lines[0], v.rule)))
