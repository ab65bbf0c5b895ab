"""Rules about section 10, the IOSM targets: PRD501-PRD506, PRD508."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_prd.core.actuals import IosmActuals, from_front_matter, word_mark
from mkdocs_prd.core.model import GATE_NAMES, Fix, Number, Prd, Severity
from mkdocs_prd.core.numbers import written_number
from mkdocs_prd.core.parse.iosm import index_part
from mkdocs_prd.core.parse.lines import bold_label
from mkdocs_prd.core.rules.base import Hit, RuleContext, is_bracketed, page_rule, quote
from mkdocs_prd.core.rules.edits import core_value, replace_text
from mkdocs_prd.core.rules.filler import computed

DELTA_TOLERANCE = 0.005
# Words that say plainly there is no figure ("no baseline yet"): not a defect.
_NO_FIGURE = frozenset({"n/a", "na", "none", "-", "\u2013", "\u2014"})
_SCORE = re.compile(r"[^0-9+\-]{0,4}([+-]?\d{1,6}(?:[.,]\d{1,9})?)")
_POINTS = re.compile(
    r"\d\s*(?:points?(?: de pourcentage)?|pts?\.?|pp\.?|p\.\s?p\.|percentage points?|(?:prozent)?punkte?"
    r"|pkte?\.?|puntos?(?: porcentuales)?|pontos?(?: percentuais)?)(?!\w)",
    re.IGNORECASE,
)
"""A delta in points of the 0-100 scale, in the languages PRDs are read in (``+23 points``,
``+23 pp``, ``+23 Punkte``, ``+23 Prozentpunkte``, ``+23 Pkt.``, ``+23 puntos``, ``+23 pontos``)."""
_PLAIN = re.compile(r"[+\-\u2212]?\d{1,6}(?:[.,](\d{1,9}))?")


@page_rule("PRD501", Severity.WARNING, "the IOSM targets lack one of the four gates")
def missing_gates(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    section = prd.section("iosm")
    if section is None or not section.has_content:
        return  # PRD201 / PRD203 say so
    missing = [f"Gate-{g} ({name})" for g, name in GATE_NAMES.items() if g not in prd.iosm.gates]
    if missing:
        yield Hit(
            prd.iosm.line or section.line,
            f"IOSM targets lack {', '.join(missing)}",
            f"Add a `### {missing[0]} Targets` list (or a row for it in the gate table)",
        )


def _index_numbers(prd: Prd, ctx: RuleContext) -> Iterator[tuple[str, Number]]:
    index = prd.iosm.index
    if index.baseline is not None:
        yield "baseline", index.baseline
    if index.target is not None:
        yield "target", index.target
    actual = _front_actuals(prd).index
    if actual is not None:
        yield "actual (iosm_actuals index)", Number(actual.raw, actual.value, _actuals_line(ctx, actual.raw))


def _front_actuals(prd: Prd) -> IosmActuals:
    return from_front_matter(prd.front_matter.get("iosm_actuals"))


def _actuals_line(ctx: RuleContext, raw: str | None = None) -> int:
    """The front-matter line of ``iosm_actuals:``, or of its entry whose value is written ``raw``
    (``  I: 81`` under it, when exactly one entry has that value); 1 when it cannot be found."""
    lines = ctx.lines
    if not lines or lines[0].strip() != "---":
        return 1
    parent = 0
    entries: list[int] = []
    for n, line in enumerate(lines[1:], 2):
        if line.strip() in ("---", "..."):
            break
        if parent and line[:1] in (" ", "\t", "-"):
            _, colon, value = line.strip().lstrip("- ").partition(":")
            if colon and raw is not None and value.strip().strip("\"'") == raw.strip():
                entries.append(n)
        elif parent:
            break
        elif line.startswith("iosm_actuals"):
            parent = n
    if not parent:
        return 1
    return entries[0] if len(entries) == 1 else parent


@page_rule(
    "PRD502",
    Severity.ERROR,
    "an IOSM-Index value or gate score (baseline, target, actual: also `iosm_actuals` in the front matter) "
    "is outside 0-1, or a gate target that is such a score: a gate's own target (`Gate-I: ≥ 1.2`) or a "
    "0-1 metric's (`Semantic clarity: ≥1.5`)",
)
def index_out_of_range(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for name, number in _index_numbers(prd, ctx):
        if number.value is not None and not 0.0 <= number.value <= 1.0:
            percent = "%" in number.raw and 0 < number.value <= 100
            yield Hit(
                number.line,
                f"IOSM-Index {name} {quote(number.raw)} is outside 0-1",
                f"Write {quote(number.raw)} as `{number.value / 100:.2f}`: the index is a score from 0 to 1"
                if percent
                else "Write the index as a score between 0 and 1, e.g. `0.82`",
            )
    # Gate scores achieved (front matter ``iosm_actuals: {I: 0.91}``) are scores too.
    for gate, actual in _front_actuals(prd).gates.items():
        if actual.value is not None and not 0.0 <= actual.value <= 1.0:
            yield Hit(
                _actuals_line(ctx, actual.raw),
                f"Gate-{gate} actual (iosm_actuals {gate}) {quote(actual.raw)} is outside 0-1",
                "Write gate scores between 0 and 1, e.g. `0.75`",
            )
    # The table form states a score per gate (baseline and target columns).
    if prd.iosm.form == "table":
        for t in prd.iosm.targets:
            for name, raw in (("baseline", t.baseline), ("target", t.raw)):
                value = _score(raw)
                if value is not None and not 0.0 <= value <= 1.0:
                    yield Hit(
                        t.line,
                        f"Gate-{t.gate} {name} {quote(raw or '')} is outside 0-1",
                        "Write gate scores between 0 and 1, e.g. `0.75`",
                    )

    yield from _score_targets_out_of_range(prd)


_SCORE_METRICS = re.compile(
    r"semantic(?:al)? clarity|semantische klarheit|claridad sem[aá]ntica|clart[eé] s[eé]mantique"
    r"|clareza sem[aâ]ntica|\b(?:gate(?:[- ]?[iosm])?|iosm)[- ]?(?:score|index)\b",
    re.IGNORECASE,
)
"""Metrics that are 0-1 scores, as IOSM defines them: semantic clarity (Gate-I's first target, in the
languages PRDs are read in), a gate's score and the IOSM-Index.  Other metrics with a bare number
(``API surface: ≤ 4``, ``P95 latency: 200``) are counts and times, not scores."""


def _score_targets_out_of_range(prd: Prd) -> Iterator[Hit]:
    """List-form and metric-table targets that are 0-1 scores: a gate's own target with a bare
    number (``- Gate-I: ≥ 1.2``: the gate's score) and a score metric's (``Semantic clarity: ≥1.5``).
    A percentage (``≥ 95%``) is a score written another way; a unit or words make it a metric."""
    if prd.iosm.form == "table":
        return  # the gate table's score cells: checked above
    for t in prd.iosm.targets:
        if t.value is None or t.unit or 0.0 <= t.value <= 1.0 or "%" in t.raw:
            continue
        if t.metric:
            if _SCORE_METRICS.search(t.metric) is None:
                continue
            what = f"Gate-{t.gate} target {quote(t.raw)} for {quote(t.metric, 40)}"
        elif _score(t.raw) is None:
            continue  # "≤ 3 new dependencies": a count, not the gate's score
        else:
            what = f"Gate-{t.gate} target {quote(t.raw)}"
        yield Hit(
            t.line,
            f"{what} is outside 0-1: IOSM scores run from 0 to 1",
            f"Write it as a score between 0 and 1 (`{t.value / 100:.2f}` for {t.value:g} of 100)"
            if 10.0 <= t.value <= 100.0
            else "Write it as a score between 0 and 1, e.g. `≥0.95`",
        )


def _score(raw: str | None) -> float | None:
    """The number in a short score cell (``0.72``, ``≥0.75``); None for ``Pass``, ``N/A``, ``80%``."""
    if not raw or "%" in raw:
        return None
    m = _SCORE.fullmatch(raw.strip().strip("*_`").strip())
    return written_number(m.group(1)) if m else None


@page_rule(
    "PRD503",
    Severity.WARNING,
    "the stated delta is not target minus baseline (tolerance 0.005), or no baseline or target is read "
    "beside it",
    fixable="a delta written as a plain number gets target minus baseline",
)
def wrong_delta(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    index = prd.iosm.index
    if index.delta is None:
        return
    if index.baseline is None or index.target is None:
        yield from _delta_alone(prd, ctx)
        return
    b, t, d = index.baseline.value, index.target.value, index.delta.value
    if b is None or t is None or d is None:
        return
    if _POINTS.search(index.delta.raw):
        d /= 100  # "+23 points", "+23 pts", "+23 pp": hundredths of the 0-1 index
    if not (0.0 <= b <= 1.0 and 0.0 <= t <= 1.0):
        return  # PRD502 reports the figure; a delta computed from it would be a second, wrong finding
    if abs((t - b) - d) > DELTA_TOLERANCE:
        right = _delta_text(t - b, index.baseline.raw, index.target.raw)
        sum_ = f"{t:g} - {b:g} = {t - b:+.2f}"
        if _decimal_comma(index.baseline.raw, index.target.raw, index.delta.raw):
            sum_ = sum_.replace(".", ",")  # "0,82 - 0,65 = +0,17", as the page writes its figures
        yield Hit(
            index.delta.line,
            f"Delta {quote(index.delta.raw)} is not target minus baseline ({sum_})",
            f"Write `**Delta:** {right}`",
            _delta_fix(ctx, index.delta, right),
        )


def _delta_alone(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    """A delta with no baseline or target read beside it: the label it stands under is not read
    (``**Ziel:**`` in a language the plugin does not know), so the index shows no target."""
    index = prd.iosm.index
    if index.delta is None or index.delta.value is None:
        return  # "TBD" is PRD505's
    missing = [n for n, v in (("baseline", index.baseline), ("target", index.target)) if v is None]
    if _placeholders(prd, ctx) & set(missing):
        return  # "**Target post-implementation:** [e.g., 0.82]": PRD107 reports the placeholder
    yield Hit(
        index.delta.line,
        f"Delta {quote(index.delta.raw)} is stated, but no IOSM-Index {' and '.join(missing)} is read: "
        "the card and the index show none",
        "Label the figures as the template does (`**Current baseline:** 0.65`, "
        "`**Target post-implementation:** 0.82`), or in German, Spanish, French or Portuguese "
        "(`**Aktueller Ausgangswert:**`, `**Objetivo tras la implementación:**`)",
    )


def _placeholders(prd: Prd, ctx: RuleContext) -> set[str]:
    """The index figures section 10 states as a bracketed placeholder
    (``**Current baseline:** [e.g., 0.65]``)."""
    parts: set[str] = set()
    for line in ctx.lines[max(prd.iosm.body_start - 1, 0) : prd.iosm.body_end]:
        pair = bold_label(line.strip()) if "[" in line else None
        if pair is not None and is_bracketed(pair[1]):
            parts.add(index_part(pair[0], True) or "")
    return parts


def _decimals(raw: str) -> int:
    m = _PLAIN.search(raw)
    return len(m.group(1) or "") if m else 0


def _delta_text(delta: float, baseline: str, target: str) -> str:
    """``+0.17``: signed, with as many decimals as the more precise figure (at least two), and
    with a decimal comma (``+0,17``) when both figures are written with one."""
    places = max(_decimals(baseline), _decimals(target), 2)
    text = f"{delta:+.{places}f}"
    text = "+" + text[1:] if text.startswith("-") and float(text) == 0 else text
    return text.replace(".", ",") if _decimal_comma(baseline, target) else text


def _decimal_comma(*figures: str) -> bool:
    """Whether ``figures`` are written with a decimal comma (``0,65`` beside ``1``): one has a
    comma, none a point."""
    cores = [core_value(f) for f in figures]
    return any("," in c for c in cores) and not any("." in c for c in cores)


def _delta_fix(ctx: RuleContext, delta: Number, right: str) -> Fix | None:
    # Only a delta that is just a number: in `+17%` or `0.15 (approx.)` the right text is not certain.
    written = core_value(delta.raw)
    if not _PLAIN.fullmatch(written):
        return None
    return replace_text(ctx.lines, delta.line, written, right, f"Write `{right}`")


@page_rule(
    "PRD505",
    Severity.WARNING,
    "an IOSM-Index value (baseline, target, delta) is not a number, e.g. `TBD` or `target minus baseline`; "
    "or `iosm_actuals` in the front matter is not a mapping of gates (I, O, S, M), index and metrics, "
    "or holds an index or gate score that is no number (`.nan`, `abc`; a gate may say `Pass` / `Fail`)",
)
def index_not_a_number(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for problem in _front_actuals(prd).problems:
        yield Hit(_actuals_line(ctx), problem.message, problem.hint)
    yield from _actuals_not_numbers(prd, ctx)
    index = prd.iosm.index
    for name, number in (("baseline", index.baseline), ("target", index.target), ("delta", index.delta)):
        if number is None or number.value is not None:
            continue
        raw = number.raw.strip().strip("*_`").strip()
        if raw.lower() in _NO_FIGURE or is_bracketed(raw):
            continue  # an explicit "N/A"; a [placeholder] is PRD107's finding
        if computed(number.raw, prd, ctx.settings):
            continue  # `{{ baseline }}`: the site's templates compute it (mkdocs-macros)
        yield Hit(
            number.line,
            f"IOSM-Index {name} {quote(number.raw)} is not a number",
            "Write the index as a score between 0 and 1 (e.g. `0.82`, a delta as `+0.17`), or `N/A`",
        )


def _actuals_not_numbers(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    """Front-matter actual scores that are no number (YAML's ``.nan``, ``abc``): the card and
    the IOSM table could only say "? Unknown".  A gate's ``Pass`` / ``Fail`` is a result in
    words, ``N/A`` says there is none."""
    actuals = _front_actuals(prd)
    scores = [("IOSM-Index actual (iosm_actuals index)", actuals.index, False)]
    scores += [(f"Gate-{g} actual (iosm_actuals {g})", a, True) for g, a in actuals.gates.items()]
    for name, actual, words in scores:
        if actual is None or actual.value is not None:
            continue
        raw = actual.raw.strip()
        if not raw or raw.lower() in _NO_FIGURE or (words and word_mark(raw) is not None):
            continue
        yield Hit(
            _actuals_line(ctx),
            f"{name} {quote(raw)} is not a number",
            "Write the score between 0 and 1, e.g. `0.82` (a gate may also say `Pass` or `Fail`), or `N/A`",
        )


@page_rule(
    "PRD506",
    Severity.WARNING,
    "an IOSM-Index figure (baseline, target, delta) is stated twice with different values; the first "
    "is the one read",
)
def index_stated_twice(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    index = prd.iosm.index
    for part, number in index.repeated:
        first = getattr(index, part)
        yield Hit(
            number.line,
            f"IOSM-Index {part} {quote(number.raw)} is stated again here, but line {first.line} says "
            f"{quote(first.raw)}: the card and the index show {quote(first.raw)}",
            "State each figure once; if this line names another figure, label it so (`**Current "
            "baseline:**`, `**Índice actual:**` and `**Indice actuel:**` are the baseline)",
        )


@page_rule("PRD504", Severity.INFO, "the target IOSM-Index is below the site's threshold (default 0.80)")
def below_threshold(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    target = prd.iosm.index.target
    if target is None or target.value is None or not 0.0 <= target.value <= 1.0:
        return  # out of range is PRD502's finding
    threshold = ctx.settings.iosm_threshold
    if target.value < threshold:
        figure = f"{threshold:.2f}"
        if _decimal_comma(target.raw):
            figure = figure.replace(".", ",")  # "0,80" beside a target written "0,72"
        yield Hit(
            target.line,
            f"Target IOSM-Index {quote(target.raw)} is below the site's threshold {figure}",
            f"Aim for at least {figure}, or explain why in the PRD",
        )


_INDEX_WORD = re.compile(r"\bindex|\b[ií]ndic[ee]|\bindice", re.IGNORECASE)


@page_rule(
    "PRD508",
    Severity.WARNING,
    "the IOSM targets name no IOSM-Index at all: gate targets, but no baseline, target or delta and no "
    "line about the index (the template's `### Expected IOSM-Index`)",
)
def no_index(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    # A warning, as PRD501 (a missing gate) is: the expected index is what the gates add up to, and
    # without it neither PRD504 nor a reader can tell whether the work clears the merge threshold.
    index = prd.iosm.index
    if index.baseline is not None or index.target is not None or index.delta is not None:
        return
    sections = [s for s in prd.sections if s.key == "iosm"]
    if not sections or not prd.iosm.targets or not any(s.has_content for s in sections):
        return  # no section (PRD201), an empty one (PRD203), or one the parser does not read: the author's
    lines = ctx.lines
    if any(
        _INDEX_WORD.search(lines[n - 1])
        for s in sections
        for n in range(s.line, min(s.end_line, len(lines)) + 1)
    ):
        return  # the index is named, in words or a form not read: not guessed at
    yield Hit(
        sections[0].line,
        "The IOSM targets state no expected IOSM-Index (baseline, target and delta)",
        "Add `### Expected IOSM-Index` with `**Current baseline:** …`, `**Target post-implementation:** …` "
        "and `**Delta:** …`",
    )


RULES = (
    missing_gates,
    index_out_of_range,
    wrong_delta,
    index_not_a_number,
    index_stated_twice,
    below_threshold,
    no_index,
)
