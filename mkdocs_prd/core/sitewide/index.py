"""The site-wide PRD index as data: rows, order, filters, groups and a summary.

MkDocs-free.  The plugin, the CLI and the JSON export all start from
:func:`index_rows`; rendering lives in ``index_html.py``.  Every value the author
wrote stays the text as written: the index never reformats a Version or a Date.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args
from urllib.parse import quote

from mkdocs_prd.core.model import Finding, Prd, Requirement, Severity, site_status
from mkdocs_prd.core.numbers import NUMBER_TEXT, written_number
from mkdocs_prd.core.parse.inline import plain_value
from mkdocs_prd.core.rules.dates import calendar_day, iso_date
from mkdocs_prd.core.rules.filler import is_filler

SortKey = Literal["track_id", "date", "status", "title", "approved_on"]
GroupKey = Literal["status", "owner"]
Column = Literal[
    "title",
    "track_id",
    "status",
    "owner",
    "version",
    "date",
    "iosm",
    "acceptance",
    "requirements",
    "findings",
    "verified",
    "site",
    "approved_on",
]

SORT_KEYS: tuple[str, ...] = get_args(SortKey)
"""The values ``sort_by`` accepts."""

GROUP_KEYS: tuple[str, ...] = get_args(GroupKey)
"""The values ``group_by`` accepts (besides none)."""

COLUMNS: tuple[str, ...] = get_args(Column)
"""Every column the index table can show."""

DEFAULT_COLUMNS: tuple[str, ...] = tuple(
    c for c in COLUMNS if c not in ("requirements", "verified", "site", "approved_on")
)
"""The columns shown when a site configures none (``site`` is added for merged indexes,
``verified`` with traceability, ``approved_on`` when PRD history from git is on)."""


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many findings of each severity a PRD has."""

    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info

    def __add__(self, other: FindingCounts) -> FindingCounts:
        return FindingCounts(self.error + other.error, self.warning + other.warning, self.info + other.info)


@dataclass(frozen=True, slots=True)
class IosmValues:
    """The IOSM-Index figures as the author wrote them (``"0.82"``, ``"+0.17"``).

    ``target_value`` is the parsed target, used for sorting and the threshold count.
    """

    baseline: str | None = None
    target: str | None = None
    delta: str | None = None
    actual: str | None = None
    target_value: float | None = None


@dataclass(frozen=True, slots=True)
class RequirementCounts:
    """Functional requirements by priority; ``other`` has none or one outside Must/Should/Could."""

    must: int = 0
    should: int = 0
    could: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.must + self.should + self.could + self.other


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One PRD in the index.

    ``url`` is relative to the site root for this site's PRDs (as MkDocs computes
    it) and absolute for PRDs merged from another site's index (``site`` names that
    site; None for this site).  ``url`` is None when a merged PRD has no link.
    ``approved_on`` (``YYYY-MM-DD``) is when it reached Approved, from git (``history: true``).
    """

    title: str
    url: str | None
    src_path: str
    track_id: str | None = None
    status: str | None = None
    owner: str | None = None
    version: str | None = None
    date: str | None = None
    iosm: IosmValues = field(default_factory=IosmValues)
    acceptance_checked: int = 0
    acceptance_total: int = 0
    requirements: RequirementCounts = field(default_factory=RequirementCounts)
    findings: FindingCounts = field(default_factory=FindingCounts)
    site: str | None = None
    verified: tuple[int, int] | None = None
    """``(verified, total)`` requirements with ids (traceability); None when not traced."""
    trace: tuple[dict[str, Any], ...] = ()
    """Per-requirement records for ``prd-index.json`` (:mod:`mkdocs_prd.core.trace.export`)."""
    approved_on: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """Rows sharing a status or an owner; ``key`` is None for rows without one."""

    key: str | None
    rows: tuple[IndexRow, ...]


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many PRDs have a status (compared case-insensitively; ``status`` as first written)."""

    status: str | None
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What the index says above its table.

    ``meets_threshold`` counts PRDs whose *target* reaches ``threshold`` (of
    ``with_target``); ``reached`` those whose *achieved* index does (of ``with_actual``,
    the PRDs with a known achieved value).
    """

    total: int
    statuses: tuple[StatusCount, ...]
    findings: FindingCounts
    meets_threshold: int
    with_target: int
    threshold: float
    reached: int = 0
    with_actual: int = 0

    @property
    def without_actual(self) -> int:
        """PRDs with no achieved IOSM-Index yet."""
        return self.total - self.with_actual


# --- rows -------------------------------------------------------------------


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL of a Markdown page relative to the site root, exactly as MkDocs computes it.

    ``prds/a.md`` -> ``prds/a/`` (or ``prds/a.html``); ``README.md`` counts as ``index.md``.
    """
    parent, filename = posixpath.split(src_path)
    stem = posixpath.splitext(filename)[0]
    if stem == "README":
        stem = "index"
    if not use_directory_urls or stem == "index":
        dest = posixpath.join(parent, stem + ".html")
    else:
        dest = posixpath.join(parent, stem, "index.html")
    dirname, name = posixpath.split(dest)
    if use_directory_urls and name == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def relative_url(url: str, from_url: str) -> str:
    """``url`` (site-root relative) as seen from the page at ``from_url``; MkDocs' rule.

    The last part of ``from_url`` is dropped when it names a file (has a dot).
    """
    dirname, _, basename = from_url.rpartition("/")
    if "." in basename:
        from_url = dirname
    other = _norm_parts(from_url)
    dest = _norm_parts(url)
    common = 0
    for a, b in zip(other, dest, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other) - common) + dest[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def _norm_parts(path: str) -> list[str]:
    # Exactly MkDocs' normalisation (posixpath.normpath), so links match its own.
    path = posixpath.normpath("/" + path if not path.startswith("/") else path)[1:]
    return path.split("/") if path else []


def sortable_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a Date sorts by: an ISO date (or date-time), or one date written
    unambiguously in words (``Jan 5, 2026``, ``December 1, 2026``: the reading of ``lint
    --fix``, :func:`~mkdocs_prd.core.rules.dates.iso_date`).  None for anything else
    (``05/01/2026``, an unrendered ``{{ … }}``, ``TBD``): such a row sorts with the rows
    without a date, last in either direction, on the server and in the browser alike."""
    if not value:
        return None
    return calendar_day(value) or iso_date(value)


def _day(value: str | None) -> str | None:
    """A Date as the index shows and sorts it: the day of an ISO date-time, else as written."""
    if value is None:
        return None
    return calendar_day(value) or value


def finding_counts(findings: Iterable[Finding]) -> dict[str, FindingCounts]:
    """Findings per ``path``, counted by severity."""
    tally: dict[str, list[int]] = {}
    for f in findings:
        counts = tally.setdefault(f.path, [0, 0, 0])
        sev = Severity(f.severity)
        counts[0 if sev is Severity.ERROR else 1 if sev is Severity.WARNING else 2] += 1
    return {path: FindingCounts(*c) for path, c in tally.items()}


def index_row(
    prd: Prd,
    url: str,
    *,
    findings: FindingCounts | None = None,
    actual: str | None = None,
    statuses: Sequence[str] = (),
) -> IndexRow:
    """The index row of one PRD; ``actual`` is the actual IOSM-Index as written, when known;
    the status is in the spelling of the site's ``statuses`` (``APPROVED`` -> ``Approved``)."""
    return IndexRow(
        url=url,
        src_path=prd.path,
        **_header_values(prd, statuses),
        iosm=_iosm_values(prd, actual),
        acceptance_checked=sum(1 for c in prd.criteria if c.checked),
        acceptance_total=sum(1 for c in prd.criteria if c.stated),
        requirements=requirement_counts(prd.functional),
        findings=findings or FindingCounts(),
    )


def _iosm_values(prd: Prd, actual: str | None) -> IosmValues:
    """The row's IOSM-Index figures as written in section 10 of ``prd``."""
    idx = prd.iosm.index
    return IosmValues(
        baseline=idx.baseline.raw if idx.baseline else None,
        target=idx.target.raw if idx.target else None,
        delta=idx.delta.raw if idx.delta else None,
        actual=actual,
        target_value=idx.target.value if idx.target else None,
    )


def _header_values(prd: Prd, statuses: Sequence[str]) -> dict[str, Any]:
    """The row's fields read from the PRD's title and metadata."""
    meta = prd.metadata
    return {
        "title": prd.title or prd.path,
        "track_id": prd.track_id,
        "status": site_status(prd.status, statuses),
        "owner": meta.value("owner"),
        "version": meta.value("version"),
        "date": _day(meta.value("date")),
    }


def with_shown_values(row: IndexRow, prd: Prd, statuses: Sequence[str] = ()) -> IndexRow:
    """``row`` with the title, metadata values, IOSM-Index figures and requirement priorities of
    ``prd``: the same PRD as its page shows it once another plugin rendered it
    (:func:`mkdocs_prd.core.rendered.as_shown`)."""
    return replace(
        row,
        **_header_values(prd, statuses),
        iosm=_iosm_values(prd, row.iosm.actual),
        requirements=requirement_counts(prd.functional),
        trace=_shown_priorities(row.trace, prd),
    )


def _shown_priorities(records: tuple[dict[str, Any], ...], prd: Prd) -> tuple[dict[str, Any], ...]:
    """The trace ``records`` with each requirement's priority (its MoSCoW level) as ``prd`` has it;
    the first requirement of an id is the one traced, as :mod:`mkdocs_prd.core.trace.ids` reads it."""
    levels: dict[str, str | None] = {}
    for req in (*prd.functional, *prd.non_functional):
        if req.id:
            levels.setdefault(req.id.upper(), req.level)
    return tuple(
        {**r, "priority": levels[r["local"]]}
        if r.get("kind") in ("FR", "NFR")
        and r.get("local") in levels
        and levels[r["local"]] != r.get("priority")
        else r
        for r in records
    )


def index_rows(
    prds: Iterable[Prd],
    url_of: Callable[[str], str],
    *,
    findings: Mapping[str, FindingCounts] | None = None,
    actuals: Mapping[str, str] | None = None,
    statuses: Sequence[str] = (),
) -> list[IndexRow]:
    """Rows for ``prds``; ``url_of(src_path)`` gives each page's site-root-relative URL;
    statuses are spelled as the site's ``statuses`` spell them."""
    findings = findings or {}
    actuals = actuals or {}
    return [
        index_row(
            p, url_of(p.path), findings=findings.get(p.path), actual=actuals.get(p.path), statuses=statuses
        )
        for p in prds
    ]


def requirement_counts(requirements: Iterable[Requirement]) -> RequirementCounts:
    """Requirements by their Priority (``Must``, ``Should``, ``Could``; anything else is ``other``)."""
    counts = {"must": 0, "should": 0, "could": 0, "other": 0}
    for req in requirements:
        # The MoSCoW level (``Must have`` is Must); Won't and none count as other.
        key = (req.level or "").casefold()
        counts[key if key in counts and key != "other" else "other"] += 1
    return RequirementCounts(**counts)


# --- order ------------------------------------------------------------------

# At most 18 digits a number: a longer run is several numbers, never an int past
# Python's 4,300-digit limit (int() raises ValueError there).
_DIGITS = re.compile(r"(\d{1,18})")


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """A key that orders ``prd-2`` before ``prd-10`` and ignores case (a run of digits
    compares as a number, 18 digits at a time)."""
    parts = _DIGITS.split(text.strip().casefold())
    # re.split with a group alternates text and digits, so positions never mix types.
    return tuple((int(p), p) if i % 2 else (0, p) for i, p in enumerate(parts))


def sort_rows(
    rows: Iterable[IndexRow],
    sort_by: str = "track_id",
    reverse: bool = False,
    statuses: Sequence[str] = (),
) -> list[IndexRow]:
    """Rows in the configured order; deterministic and stable.

    Rows without the sort value come last in either direction; ties keep
    ``(site, src_path)`` order.  ``status`` sorts by the site's workflow
    (``statuses`` order), unknown statuses after it alphabetically.
    """
    ordered = sorted(rows, key=lambda r: (r.site or "", r.src_path))
    value = _sort_value(sort_by, statuses)
    keyed = [(value(r), r) for r in ordered]
    present = [(k, r) for k, r in keyed if k is not None]
    missing = [r for k, r in keyed if k is None]
    # sorted() is stable even with reverse=True, so ties keep the src_path order.
    present.sort(key=lambda kr: kr[0], reverse=reverse)
    return [r for _, r in present] + missing


def _sort_value(sort_by: str, statuses: Sequence[str]) -> Callable[[IndexRow], tuple[object, ...] | None]:
    if sort_by == "status":
        rank = status_rank(statuses)
        return lambda r: rank(r.status) if r.status and r.status.strip() else None
    if sort_by == "date":
        return lambda r: (day,) if (day := sortable_day(r.date)) else None
    if sort_by == "approved_on":
        return lambda r: (r.approved_on,) if r.approved_on else None
    if sort_by == "title":
        # By the title as the reader sees it: "*Automated* Refunds" among the A's, not before them.
        return lambda r: natural_key(plain_value(r.title)) if r.title.strip() else None
    if sort_by == "track_id":
        return lambda r: natural_key(r.track_id) if r.track_id and r.track_id.strip() else None
    raise ValueError(f"unknown sort key {sort_by!r}; expected one of {', '.join(SORT_KEYS)}")


def status_rank(statuses: Sequence[str]) -> Callable[[str | None], tuple[int, str]]:
    """A key ordering statuses as the site's workflow lists them, others after by name."""
    positions = {s.casefold(): i for i, s in enumerate(statuses)}
    end = len(positions)

    def rank(status: str | None) -> tuple[int, str]:
        key = (status or "").strip().casefold()
        if not key:
            return (end + 1, "")
        return (positions.get(key, end), key)

    return rank


# --- filters, groups, summary -------------------------------------------------


def filter_rows(
    rows: Iterable[IndexRow],
    *,
    statuses: Sequence[str] = (),
    owners: Sequence[str] = (),
) -> list[IndexRow]:
    """Rows whose status / owner is one of the given values (case-insensitive; empty: any)."""
    want_status = {s.strip().casefold() for s in statuses}
    want_owner = {o.strip().casefold() for o in owners}
    return [
        r
        for r in rows
        if (not want_status or (r.status or "").strip().casefold() in want_status)
        and (not want_owner or bool(want_owner & _owner_keys(r.owner)))
    ]


_OWNER_SEPARATORS = ",;"
_OPENERS, _CLOSERS = "([{", ")]}"


def owner_names(owner: str | None) -> tuple[str, ...]:
    """The people (or teams) of an Owner value, in order, each once (case-insensitive):
    ``Kim Lee, Raj Patel`` -> ``("Kim Lee", "Raj Patel")``; ``Mei (Product), Luis (Design)``
    -> two; a comma inside brackets (``Ana (PM, Payments)``) does not split, and
    ``Kim Lee / Payments`` or ``Research & Development`` are one name.  Filler is nobody
    (``TBD``, ``{{ owner }}``, ``???``: :func:`~mkdocs_prd.core.rules.filler.is_filler`): it is
    no filter option and no group, and a PRD owned by filler alone has no owner."""
    names: list[str] = []
    seen: set[str] = set()  # a set, not a scan of the names so far: 10,000 owners stay linear
    depth, start = 0, 0
    text = owner or ""
    for i, ch in enumerate(text + ","):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        elif (ch in _OWNER_SEPARATORS and depth == 0) or i == len(text):
            name = text[start:i].strip()
            if name and name.casefold() not in seen and not is_filler(name):
                names.append(name)
                seen.add(name.casefold())
            start = i + 1
    return tuple(names)


def _owner_keys(owner: str | None) -> set[str]:
    """What an owner filter matches: each name and the whole value, case-folded."""
    return {n.casefold() for n in owner_names(owner)} | {(owner or "").strip().casefold()}


MAX_OWNER_GROUPS = 20
"""``group_by: owner`` lists a PRD under at most this many of its owners (its first ones)."""


def group_rows(rows: Sequence[IndexRow], group_by: str | None, statuses: Sequence[str] = ()) -> list[Group]:
    """``rows`` split by status (workflow order) or owner (by name, each of a row's
    :func:`owner_names`, at most :data:`MAX_OWNER_GROUPS`); one group when ``group_by`` is None.

    Values are compared case-insensitively; a status group is labelled with the site's
    word for it (``statuses``: "Approved", not the first spelling met), other groups
    with the spelling of their first row.  Rows without the value form the last group.
    Rows keep their order.
    """
    if group_by is None:
        return [Group(None, tuple(rows))]
    if group_by not in GROUP_KEYS:
        raise ValueError(f"unknown group key {group_by!r}; expected one of {', '.join(GROUP_KEYS)}")
    buckets: dict[str, list[IndexRow]] = {}
    shown: dict[str, str] = (
        {s.strip().casefold(): s.strip() for s in statuses} if group_by == "status" else {}
    )
    for r in rows:
        # A PRD with several owners is listed under each of them (the first MAX_OWNER_GROUPS:
        # each listing repeats the whole row, owners included, so 10,000 owners would make
        # the page grow with their square).
        owners = owner_names(r.owner)[:MAX_OWNER_GROUPS] if group_by == "owner" else ()
        values = [r.status or ""] if group_by == "status" else list(owners) or [""]
        for raw in values:
            key = raw.strip().casefold()
            buckets.setdefault(key, []).append(r)
            shown.setdefault(key, raw.strip())
    rank = status_rank(statuses) if group_by == "status" else lambda s: (0 if s else 1, natural_key(s or ""))
    keys = sorted(buckets, key=lambda k: rank(k or None))
    return [Group(shown[k] or None, tuple(buckets[k])) for k in keys]


def summarize(rows: Sequence[IndexRow], statuses: Sequence[str] = (), threshold: float = 0.80) -> Summary:
    """PRDs per status (workflow order), total findings, and how many targets and how
    many achieved values reach ``threshold``."""
    status_groups = group_rows(rows, "status", statuses)
    total_findings = FindingCounts()
    meets = with_target = reached = with_actual = 0
    for r in rows:
        total_findings += r.findings
        if r.iosm.target_value is not None and 0.0 <= r.iosm.target_value <= 1.0:  # else PRD502
            with_target += 1
            # A tiny tolerance so a written 0.80 meets a threshold of 0.8 despite float noise.
            if r.iosm.target_value >= threshold - 1e-9:
                meets += 1
        actual = index_number(r.iosm.actual)
        if actual is not None and 0.0 <= actual <= 1.0:  # else PRD502: counted as no figure
            with_actual += 1
            if actual >= threshold - 1e-9:
                reached += 1
    return Summary(
        total=len(rows),
        statuses=tuple(StatusCount(g.key, len(g.rows)) for g in status_groups),
        findings=total_findings,
        meets_threshold=meets,
        with_target=with_target,
        threshold=threshold,
        reached=reached,
        with_actual=with_actual,
    )


_INDEX_FIGURE = re.compile(rf"[≥>=~ ]*({NUMBER_TEXT})\s*%?")


def index_number(text: str | None) -> float | None:
    """An IOSM-Index as written (``0.82``, ``≥0.80``, ``~0.8``, ``0,82`` with a decimal comma)
    as a number, or None; read as the card reads it (:func:`~mkdocs_prd.core.numbers.written_number`),
    so the chart, its table and the summary count every figure the card rates.  ``85%`` is 85:
    outside 0-1, PRD502's error, as on the card."""
    found = _INDEX_FIGURE.fullmatch(text.strip()) if text else None
    return written_number(found.group(1)) if found else None
