"""Charts of the PRD index, drawn at build time (no script, no CDN, works offline).

MkDocs-free.  Two charts: the status distribution as one stacked bar with counts (an
SVG in percent, without a viewBox, so its text is never scaled down), and the
IOSM-Index target against the achieved index per PRD (HTML and CSS: names and values
keep the page's text size, and stand above their bars on a narrow screen).  Each is a
``role="img"`` labelled by its caption and a description, followed by the same numbers
as a table (inside ``<details>``), so a screen reader and a reader without images get
the data too.  The charts show every PRD of the index: the filters act on the table
only, and the chart says so.  Every document value is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.sitewide.index import IndexRow, Summary, index_number
from mkdocs_prd.html.views import slug

MAX_IOSM_ROWS = 40
"""The IOSM chart draws at most this many PRDs (the lowest achieved first, then those with only a
target, lowest first); the table has them all."""

_NARROW_PX = 300  # the narrowest the status bar is drawn (a 400 px screen's column, less margins)
_DIGIT_PX = 9  # the width of one digit of a segment's count (bold 14px), with a margin


@dataclass(frozen=True, slots=True)
class _Bar:
    title: str
    target: float | None
    actual: float | None


_number = index_number


def _title(row: IndexRow, title_text: Callable[[str], str] | None) -> str:
    """A title as the page shows it, as text (``title_text``, see
    :class:`~mkdocs_prd.html.titles.Titles`); another site's index already holds text."""
    if row.site:
        return row.title
    return title_text(row.title) if title_text is not None else Markup(row.title).striptags()


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.2f}%"


def status_chart(summary: Summary, labels: Labels, uid: str) -> Markup:
    """The status distribution as one stacked bar; segments coloured as the status badges.

    The SVG has no viewBox: it spans the column and its geometry is in percent, so its
    text keeps its CSS size at any width (a scaled drawing's counts shrank to ~8 px on a
    phone).  A segment shows its count only where that fits at :data:`_NARROW_PX`.
    """
    total = sum(s.count for s in summary.statuses)
    if not total:
        return Markup("")
    title = labels.get("chart_status_title")
    parts: list[str] = []
    rows: list[str] = []
    x = 0.0
    for s in summary.statuses:
        name = s.status or labels.get("index_no_status")
        key = slug(s.status) if s.status else "missing"
        width = s.count / total
        text = f"{name}: {s.count}"
        fits = width * _NARROW_PX >= _DIGIT_PX * len(str(s.count)) + 6
        parts.append(
            f'<g class="prd-chart__seg prd-status--{escape(key)}"><title>{escape(text)}</title>'
            f'<rect x="{_pct(x)}" y="0" width="{_pct(width)}" height="28"></rect>'
            + (
                f'<text x="{_pct(x + width / 2)}" y="19" text-anchor="middle">{s.count}</text>'
                if fits
                else ""
            )
            + "</g>"
        )
        rows.append(f"<tr><td>{escape(name)}</td><td>{s.count}</td></tr>")
        x += width
    legend = "".join(
        f'<li><span class="prd-chart__swatch prd-status--{escape(slug(s.status) if s.status else "missing")}"'
        f' aria-hidden="true"></span>{escape(s.status or labels.get("index_no_status"))} {s.count}</li>'
        for s in summary.statuses
    )
    desc = ", ".join(f"{s.status or labels.get('index_no_status')} {s.count}" for s in summary.statuses)
    return Markup(
        f'<figure class="prd-chart prd-chart--status">'
        f'<figcaption class="prd-chart__title" id="prd-chart-status-{uid}">{escape(title)}</figcaption>'
        f'<svg class="prd-chart__svg" width="100%" height="28" role="img"'
        f' aria-labelledby="prd-chart-status-{uid} prd-chart-status-desc-{uid}">'
        f'<desc id="prd-chart-status-desc-{uid}">{escape(desc)}</desc>{"".join(parts)}</svg>'
        f'<ul class="prd-chart__legend">{legend}</ul>'
        f'<details class="prd-chart__data"><summary>{escape(labels.get("chart_data"))}</summary>'
        f"<table><thead><tr><th>{escape(labels.get('status'))}</th><th>{escape(labels.get('chart_count'))}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></details></figure>"
    )


def iosm_chart(
    rows: Sequence[IndexRow],
    labels: Labels,
    threshold: float,
    uid: str,
    title_text: Callable[[str], str] | None = None,
) -> Markup:
    """IOSM-Index target (outlined bar) against the achieved index (filled bar) per PRD, on 0-1.

    Drawn in HTML and CSS, not a scaled SVG, so the names and values keep the page's text
    size at any width (on a narrow screen each name stands above its bar); the plot is
    one ``role="img"`` labelled by the caption and the note.  The legend's keys are the
    chart's own shapes.  ``title_text`` gives a title's text as its page shows it (emoji
    rendered, inline HTML read).
    """
    charted = [r for r in rows if _number(r.iosm.target) is not None or _number(r.iosm.actual) is not None]
    if not charted:
        return Markup("")
    # The title as the page shows it: inline HTML read as text, not shown as source.
    titles = [_title(r, title_text) for r in charted]
    bars = [
        _Bar(name, _number(r.iosm.target), _number(r.iosm.actual))
        for name, r in zip(_told_apart(titles, charted), charted, strict=True)
    ]
    # Those furthest from done first: the lowest achieved (or, without one, target) index.
    bars.sort(key=lambda b: (b.actual is None, b.actual if b.actual is not None else (b.target or 0.0)))
    drawn = bars[:MAX_IOSM_ROWS]
    states = {_state(b) for b in drawn if _drawn(b.actual) is not None}
    axis = (
        '<div class="prd-chart__row prd-chart__row--axis"><span class="prd-chart__name"></span>'
        '<span class="prd-chart__axis"><span>0</span><span>0.5</span><span>1</span></span>'
        '<span class="prd-chart__value"></span></div>'
    )
    keys = [("target", labels.get("chart_target"))]
    keys += [
        (state, labels.get(f"chart_actual_{state.replace('-', '_')}"))
        for state in ("met", "not-met")
        if state in states
    ]
    keys.append(("threshold", f"{labels.get('chart_threshold')} {_fmt(threshold)}"))
    legend = "".join(
        f'<li><span class="prd-chart__key prd-chart__key--{key}" aria-hidden="true"></span>'
        f"{escape(text)}</li>"
        for key, text in keys
    )
    table_rows = "".join(
        f"<tr><td>{escape(b.title)}</td><td>{_fmt(b.target) if b.target is not None else '—'}</td>"
        f"<td>{_fmt(b.actual) if b.actual is not None else '—'}</td></tr>"
        for b in bars
    )
    note = labels.format("chart_iosm_note", shown=len(drawn), total=len(bars))
    title = labels.get("chart_iosm_title")
    return Markup(
        f'<figure class="prd-chart prd-chart--iosm">'
        f'<figcaption class="prd-chart__title" id="prd-chart-iosm-{uid}">{escape(title)}</figcaption>'
        f'<div class="prd-chart__plot" role="img" style="--prd-threshold: {_pct(_clamp(threshold))}"'
        f' aria-labelledby="prd-chart-iosm-{uid} prd-chart-iosm-desc-{uid}">'
        f"{''.join(_iosm_row(b, labels) for b in drawn)}{axis}</div>"
        f'<ul class="prd-chart__legend prd-chart__legend--iosm">{legend}</ul>'
        f'<p class="prd-chart__note" id="prd-chart-iosm-desc-{uid}">{escape(note)}</p>'
        f'<details class="prd-chart__data"><summary>{escape(labels.get("chart_data"))}</summary>'
        f"<table><thead><tr><th>{escape(labels.get('col_title'))}</th><th>{escape(labels.get('chart_target'))}</th>"
        f"<th>{escape(labels.get('chart_actual'))}</th></tr></thead><tbody>{table_rows}</tbody></table>"
        f"</details></figure>"
    )


def _told_apart(titles: list[str], rows: Sequence[IndexRow]) -> list[str]:
    """Titles that repeat (a merged portfolio, two PRDs of one name) with what tells them
    apart: the site (another site's PRD), else the Track ID, else the page."""
    seen: dict[str, int] = {}
    for title in titles:
        seen[title.casefold()] = seen.get(title.casefold(), 0) + 1
    return [
        f"{title} ({r.site or r.track_id or r.src_path})" if seen[title.casefold()] > 1 else title
        for title, r in zip(titles, rows, strict=True)
    ]


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def _drawn(value: float | None) -> float | None:
    """``value`` where the chart draws it: an index outside 0-1 is PRD502's error, so it gets
    no bar and no met / not met colour (as the card gives it no band); the data table and the
    row's figure keep it as written."""
    return value if value is not None and 0.0 <= value <= 1.0 else None


def _state(b: _Bar) -> str:
    """``met`` or ``not-met``: the achieved index against its target (met without a target)."""
    actual, target = _drawn(b.actual), _drawn(b.target)
    met = actual is None or target is None or actual >= target - 1e-9
    return "met" if met else "not-met"


def _iosm_row(b: _Bar, labels: Labels) -> str:
    """One PRD's row: its name (in its own direction, so a right-to-left title keeps its order
    and is cut at its own end), its bars
    (widths in percent of the track) and its achieved value."""
    drawn_target, drawn_actual = _drawn(b.target), _drawn(b.actual)
    target = (
        f'<span class="prd-chart__target" style="width: {_pct(drawn_target)}"></span>'
        if drawn_target is not None
        else ""
    )
    actual = (
        f'<span class="prd-chart__actual prd-chart__actual--{_state(b)}"'
        f' style="width: {_pct(drawn_actual)}"></span>'
        if drawn_actual is not None
        else ""
    )
    value = _fmt(b.actual) if b.actual is not None else ""
    return (
        f'<div class="prd-chart__row" title="{escape(_bar_text(b, labels))}">'
        f'<span class="prd-chart__name" dir="auto">{escape(b.title)}</span>'
        f'<span class="prd-chart__track">{target}{actual}</span>'
        f'<span class="prd-chart__value">{value}</span></div>'
    )


def _bar_text(b: _Bar, labels: Labels) -> str:
    target = _fmt(b.target) if b.target is not None else "—"
    actual = _fmt(b.actual) if b.actual is not None else "—"
    text = f"{b.title}: {labels.get('chart_target')} {target}, {labels.get('chart_actual')} {actual}"
    if _drawn(b.actual) is None or _drawn(b.target) is None:
        return text  # no target to meet, or a figure outside 0-1 (PRD502): neither met nor not
    return f"{text} ({labels.get('mark_met' if _state(b) == 'met' else 'mark_not_met')})"


def index_charts(
    rows: Sequence[IndexRow],
    summary: Summary,
    labels: Labels,
    threshold: float,
    title_text: Callable[[str], str] | None = None,
    uid: str = "1",
) -> Markup:
    """Both charts and the plain statement that they show all PRDs, not the filtered ones.

    ``uid`` ends the charts' element ids (``prd-chart-status-<uid>``): unique per page, so
    two indexes on one page never share an id (their ``aria-labelledby`` would name the first).
    """
    status = status_chart(summary, labels, uid)
    iosm = iosm_chart(rows, labels, threshold, uid, title_text)
    if not status and not iosm:
        return Markup("")
    note = escape(labels.format("chart_scope", total=len(rows)))
    return Markup(f'<div class="prd-charts">{status}{iosm}<p class="prd-charts__scope">{note}</p></div>')
