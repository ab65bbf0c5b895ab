"""The PRD index and listings as HTML, from the Jinja templates ``index*.html``.

MkDocs-free.  The table is rendered as HTML directly (never as a Markdown table:
a 1,000-row Markdown table is slow to convert), with every document value escaped
by Jinja's autoescape.  Output depends only on its inputs, so the same site gives
the same page byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jinja2 import Environment

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.sitewide.index import (
    DEFAULT_COLUMNS,
    IndexRow,
    filter_rows,
    group_rows,
    natural_key,
    owner_names,
    sort_rows,
    sortable_day,
    status_rank,
    summarize,
)
from mkdocs_prd.core.sitewide.listing import ListingSpec
from mkdocs_prd.html.charts import index_charts
from mkdocs_prd.html.render import Renderer

NUMERIC_COLUMNS = frozenset({"iosm", "acceptance", "requirements", "findings", "verified"})
"""Columns the browser sorts as numbers (the others as text, digits compared as numbers)."""

SORTABLE_COLUMNS = frozenset({"track_id", "date", "status", "title", "approved_on"})
"""Columns that a ``sort_by`` value names."""


@dataclass(frozen=True, slots=True)
class IndexOptions:
    """The site's defaults for the index and for listings (the ``index_*`` options)."""

    columns: tuple[str, ...] | None = None
    sort_by: str = "track_id"
    reverse: bool = False
    group_by: str | None = None
    statuses: tuple[str, ...] = ()
    threshold: float = 0.80
    site_name: str | None = None
    """This site's name (``site_name``): the Site column of its own PRDs beside merged ones."""


def render_listing(
    rows: Sequence[IndexRow],
    spec: ListingSpec,
    options: IndexOptions,
    *,
    link: Callable[[IndexRow], str | None],
    renderer: Renderer | None = None,
    ordinal: int = 1,
) -> str:
    """The HTML a marker asks for: the full index for a bare marker, else a filtered listing.

    ``link(row)`` gives the href of a row's title as seen from the page (None: no link).
    ``renderer`` supplies the site's labels, template overrides and the status badge
    shared with PRD pages (``index.html`` / ``index_macros.html`` can be overridden too).
    ``ordinal`` is the listing's place among its page's listings (1-based): it keeps the
    element ids it emits unique on the page, the same on every build.
    """
    renderer = renderer or Renderer()
    labels: Labels = renderer.labels
    full = spec.is_full_index
    selected = filter_rows(rows, statuses=spec.statuses, owners=spec.owners)
    sort_by = spec.sort_by or options.sort_by
    reverse = options.reverse if spec.reverse is None else spec.reverse
    group_by = spec.group_by if spec.group_set else options.group_by
    columns = spec.columns or options.columns or _default_columns(selected)
    ordered = sort_rows(selected, sort_by, reverse, options.statuses)
    show_summary = full if spec.summary is None else spec.summary
    summary = summarize(ordered, options.statuses, options.threshold)
    rank = status_rank(options.statuses)
    env: Environment = renderer.env
    template = env.get_template("index.html")
    return template.render(
        labels=labels,
        full=full,
        summary=summary if show_summary else None,
        charts=(
            index_charts(ordered, summary, labels, options.threshold, renderer.titles.text, str(ordinal))
            if show_summary and full
            else ""
        ),
        summary_statuses=summary.statuses,
        threshold_text=f"{options.threshold:.2f}",
        controls=full,
        owners=_owners(ordered),
        total=len(ordered),
        groups=group_rows(ordered, group_by, options.statuses),
        group_by=group_by,
        heading_level=2 if full else 3,
        columns=columns,
        numeric_columns=NUMERIC_COLUMNS,
        sort_column=sort_by if sort_by in columns else None,
        reverse=reverse,
        own_site=options.site_name or "",
        link=link,
        filter_key=filter_key,
        sortable_day=sortable_day,
        status_sort=lambda s: "" if not (s or "").strip() else "{:04d} {}".format(*rank(s)),
    )


def filter_key(status: str | None) -> str:
    """The value the browser filters a status by: lower case, ``-`` for PRDs without one
    (so the summary's "no status" badge filters too; "" means "any")."""
    return (status or "").strip().lower() or "-"


def _default_columns(rows: Sequence[IndexRow]) -> tuple[str, ...]:
    columns = DEFAULT_COLUMNS
    if any(r.approved_on for r in rows):
        at = columns.index("date") + 1
        columns = (*columns[:at], "approved_on", *columns[at:])
    # PRDs merged from other sites need their site named, or they look like our own.
    if any(r.site for r in rows):
        columns = (columns[0], "site", *columns[1:])
    # With traceability, how many requirements tests verify (after acceptance, self-reported).
    if any(r.verified is not None for r in rows):
        at = columns.index("acceptance") + 1 if "acceptance" in columns else len(columns)
        columns = (*columns[:at], "verified", *columns[at:])
    return columns


def _owners(rows: Sequence[IndexRow]) -> list[str]:
    """Distinct owners, each person of a row's Owner on its own (case-insensitive, first
    spelling), in natural order."""
    seen: dict[str, str] = {}
    for r in rows:
        for owner in owner_names(r.owner):
            seen.setdefault(owner.casefold(), owner)
    return sorted(seen.values(), key=natural_key)
