"""Charts of the PRD index, drawn at build time as inline SVG (no script, no CDN, works offline).

MkDocs-free.  Two charts: the status distribution as one stacked bar with counts, and
the IOSM-Index target against the achieved index per PRD.  Each is an ``<svg
role="img">`` with a ``<title>`` and a description, followed by the same numbers as
a table (inside ``<details>``), so a screen reader and a reader without images get
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
"""The IOSM chart draws at most this many PRDs (lowest achieved or target first); the table has them all."""

_WIDTH = 600  # SVG user units; the SVG scales to the column width


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


def status_chart(summary: Summary, labels: Labels, uid: str) -> Markup:
    """The status distribution as one stacked bar; segments coloured as the status badges."""
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
        width = _WIDTH * s.count / total
        text = f"{name}: {s.count}"
        parts.append(
            f'<g class="prd-chart__seg prd-status--{escape(key)}"><title>{escape(text)}</title>'
            f'<rect x="{x:.2f}" y="0" width="{width:.2f}" height="28"></rect>'
            + (
                f'<text x="{x + width / 2:.2f}" y="19" text-anchor="middle">{s.count}</text>'
                if width >= 24
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
        f'<svg class="prd-chart__svg" viewBox="0 0 {_WIDTH} 28" role="img"'
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

    ``title_text`` gives a title's text as its page shows it (emoji rendered, inline HTML read).
    """
    bars = [
        # The title as the page shows it: inline HTML read as text, not shown as source.
        _Bar(_title(r, title_text), _number(r.iosm.target), _number(r.iosm.actual))
        for r in rows
        if _number(r.iosm.target) is not None or _number(r.iosm.actual) is not None
    ]
    if not bars:
        return Markup("")
    # Those furthest from done first: the lowest achieved (or, without one, target) index.
    bars.sort(key=lambda b: (b.actual is None, b.actual if b.actual is not None else (b.target or 0.0)))
    drawn = bars[:MAX_IOSM_ROWS]
    label_w, row_h = 200, 22
    plot_w = _WIDTH - label_w - 40
    height = row_h * len(drawn) + 24
    parts: list[str] = []
    for i, b in enumerate(drawn):
        y = i * row_h
        name = b.title if len(b.title) <= 30 else b.title[:29] + "…"
        tip = _bar_text(b, labels)
        parts.append(f'<g class="prd-chart__row"><title>{escape(tip)}</title>')
        parts.append(
            f'<text class="prd-chart__name" x="{label_w - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(name)}</text>"
        )
        if b.target is not None:
            w = plot_w * min(max(b.target, 0.0), 1.0)
            parts.append(
                f'<rect class="prd-chart__target" x="{label_w}" y="{y + 3}" width="{w:.2f}"'
                ' height="16"></rect>'
            )
        if b.actual is not None:
            w = plot_w * min(max(b.actual, 0.0), 1.0)
            met = b.target is None or b.actual >= b.target - 1e-9
            cls = "prd-chart__actual prd-chart__actual--" + ("met" if met else "not-met")
            parts.append(f'<rect class="{cls}" x="{label_w}" y="{y + 7}" width="{w:.2f}" height="8"></rect>')
            value_x = label_w + w + 4
            parts.append(
                f'<text class="prd-chart__value" x="{value_x:.2f}" y="{y + 15}">{_fmt(b.actual)}</text>'
            )
        parts.append("</g>")
    tx = label_w + plot_w * min(max(threshold, 0.0), 1.0)
    axis_y = row_h * len(drawn)
    parts.append(
        f'<line class="prd-chart__threshold" x1="{tx:.2f}" x2="{tx:.2f}" y1="0" y2="{axis_y + 4}"></line>'
        f'<text class="prd-chart__axis" x="{tx:.2f}" y="{axis_y + 18}" text-anchor="middle">'
        f"{escape(labels.get('chart_threshold'))} {_fmt(threshold)}</text>"
        f'<text class="prd-chart__axis" x="{label_w}" y="{axis_y + 18}">0</text>'
        f'<text class="prd-chart__axis" x="{label_w + plot_w}" y="{axis_y + 18}" text-anchor="end">1</text>'
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
        f'<svg class="prd-chart__svg" viewBox="0 0 {_WIDTH} {height}" role="img"'
        f' aria-labelledby="prd-chart-iosm-{uid} prd-chart-iosm-desc-{uid}">'
        f'<desc id="prd-chart-iosm-desc-{uid}">{escape(note)}</desc>{"".join(parts)}</svg>'
        f'<p class="prd-chart__legend prd-chart__legend--iosm">'
        f'<span class="prd-chart__key prd-chart__key--target" aria-hidden="true"></span>'
        f"{escape(labels.get('chart_target'))} "
        f'<span class="prd-chart__key prd-chart__key--actual" aria-hidden="true"></span>'
        f"{escape(labels.get('chart_actual'))} · {escape(note)}</p>"
        f'<details class="prd-chart__data"><summary>{escape(labels.get("chart_data"))}</summary>'
        f"<table><thead><tr><th>{escape(labels.get('col_title'))}</th><th>{escape(labels.get('chart_target'))}</th>"
        f"<th>{escape(labels.get('chart_actual'))}</th></tr></thead><tbody>{table_rows}</tbody></table>"
        f"</details></figure>"
    )


def _bar_text(b: _Bar, labels: Labels) -> str:
    target = _fmt(b.target) if b.target is not None else "—"
    actual = _fmt(b.actual) if b.actual is not None else "—"
    return f"{b.title}: {labels.get('chart_target')} {target}, {labels.get('chart_actual')} {actual}"


def index_charts(
    rows: Sequence[IndexRow],
    summary: Summary,
    labels: Labels,
    threshold: float,
    title_text: Callable[[str], str] | None = None,
) -> Markup:
    """Both charts and the plain statement that they show all PRDs, not the filtered ones."""
    uid = str(len(rows))
    status = status_chart(summary, labels, uid)
    iosm = iosm_chart(rows, labels, threshold, uid, title_text)
    if not status and not iosm:
        return Markup("")
    note = escape(labels.format("chart_scope", total=len(rows)))
    return Markup(f'<div class="prd-charts">{status}{iosm}<p class="prd-charts__scope">{note}</p></div>')
