"""Portfolio across sites: merge other sites' ``prd-index.json`` into this site's index.

MkDocs-free.  ``include_indexes`` lists sources, each a local path (relative to
``mkdocs.yml``), an ``http(s)`` URL, or a mapping ``{source, name, url, timeout}``.
Reading a source never raises: an unreachable or invalid source gives a message
and no rows, and the build goes on.  Merged rows carry their site's name and an
absolute link to the page on that site (or none when no base URL is known).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs_prd.core.numbers import checked_number
from mkdocs_prd.core.read import UnreadableFile, read_bytes
from mkdocs_prd.core.safe import link_url, strip_controls
from mkdocs_prd.core.sitewide.index import FindingCounts, IndexRow, IosmValues, RequirementCounts
from mkdocs_prd.core.sitewide.merged_values import (
    MAX_ENTRIES,
    MAX_TEXT,
    MAX_URL,
    EntryCheck,
    score_value,
    summary,
)

DEFAULT_TIMEOUT = 5.0
"""Seconds to wait for a remote index, from connecting to the last byte: short, so a
dead or dripping server cannot stall a build."""
MAX_TIMEOUT = 300.0
"""The longest wait for another site's index a build accepts, in seconds."""

MAX_BYTES = 32 * 1024 * 1024
"""An index (remote or local) larger than this is refused rather than read into memory."""

READABLE_VERSIONS = (1, 2)
"""``prd-index.json`` versions this plugin merges (2 added ``verified`` and ``trace``)."""

_SOURCE_KEYS = frozenset({"source", "name", "url", "timeout"})
_TEXT_FIELDS = ("track_id", "status", "owner", "version", "date")


@dataclass(frozen=True, slots=True)
class IndexSource:
    """One ``include_indexes`` entry: where to read, the site name to show, the base URL to link to."""

    source: str
    name: str | None = None
    url: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def is_remote(self) -> bool:
        return urlsplit(self.source).scheme in ("http", "https")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one source gave: merged rows and messages for the author."""

    source: IndexSource
    rows: tuple[IndexRow, ...] = ()
    messages: tuple[str, ...] = field(default_factory=tuple)


def parse_sources(value: object) -> list[IndexSource]:
    """The ``include_indexes`` option as sources; raises ``ValueError`` naming what is wrong."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"expected a list of paths, URLs or mappings, got {type(value).__name__}")
    out: list[IndexSource] = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            out.append(IndexSource(item.strip()))
        elif isinstance(item, dict):
            unknown = sorted(set(map(str, item)) - _SOURCE_KEYS)
            if unknown:
                raise ValueError(
                    f"entry {i + 1}: unknown key(s) {', '.join(unknown)}; expected source, name, url, timeout"
                )
            source = item.get("source")
            if not isinstance(source, str) or not source.strip():
                raise ValueError(f"entry {i + 1}: 'source' must be a path or URL")
            name, url, timeout = item.get("name"), item.get("url"), item.get("timeout", DEFAULT_TIMEOUT)
            if name is not None and not isinstance(name, str):
                raise ValueError(f"entry {i + 1}: 'name' must be text")
            if url is not None and not isinstance(url, str):
                raise ValueError(f"entry {i + 1}: 'url' must be text")
            try:
                seconds = checked_number(timeout, low=0, high=MAX_TIMEOUT, low_inclusive=False, unit=" s")
            except ValueError as exc:
                raise ValueError(f"entry {i + 1}: 'timeout' (seconds): {exc}") from None
            out.append(IndexSource(source.strip(), name, url, seconds))
        else:
            raise ValueError(f"entry {i + 1}: expected a path, a URL or a mapping with 'source'")
    return out


def load_all(sources: Sequence[IndexSource], base_dir: str) -> list[Loaded]:
    """Read every source (paths relative to ``base_dir``); results in the order given.

    Sources are read at the same time, so the slowest one (at most its ``timeout``)
    bounds the wait, not their sum.
    """
    if len(sources) < 2:
        return [load_source(s, base_dir) for s in sources]
    from concurrent.futures import ThreadPoolExecutor  # (a site without merged indexes never loads it)

    with ThreadPoolExecutor(max_workers=min(8, len(sources))) as pool:
        return list(pool.map(lambda s: load_source(s, base_dir), sources))


def load_source(source: IndexSource, base_dir: str) -> Loaded:
    """Read and validate one source; never raises."""
    # urllib and ssl load only for a site that merges another site's index over HTTP.
    from mkdocs_prd.core.sitewide.fetch import FetchError

    try:
        text = _read(source, base_dir)
    except (FetchError, UnreadableFile) as exc:
        return _skipped(source, f"cannot read it: {exc.reason if isinstance(exc, UnreadableFile) else exc}")
    except UnicodeDecodeError as exc:
        return _skipped(source, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})")
    try:
        data = json.loads(text)
    except ValueError as exc:
        return _skipped(source, f"not valid JSON ({exc})")
    except RecursionError:
        return _skipped(source, "not valid JSON (nested too deeply)")
    return merge_rows(data, source)


def _read(source: IndexSource, base_dir: str) -> str:
    if source.is_remote:
        from mkdocs_prd.core.sitewide.fetch import fetch

        data = fetch(source.source, source.timeout, MAX_BYTES)
    else:
        data = read_bytes(os.path.join(base_dir, os.path.expanduser(local_path(source.source))), MAX_BYTES)
    return data.decode("utf-8-sig")


def local_path(source: str) -> str:
    """The path a local ``include_indexes`` source names: itself, or the path of a ``file:``
    URL on this machine (``file:///srv/a/prd-index.json``).  Raises :class:`UnreadableFile`
    for a URL of another scheme (``ftp:``, ``data:``) or a ``file:`` URL of another host:
    only local paths and ``http(s)`` URLs are read.  A Windows drive (``C:/x.json``) is a path."""
    parts = urlsplit(source)
    scheme = parts.scheme.lower()
    if len(scheme) <= 1 or source[len(scheme) : len(scheme) + 1] != ":":
        return source
    if scheme == "file" and parts.netloc in ("", "localhost"):
        from urllib.request import url2pathname  # (only for a file: URL: urllib.request is slow to load)

        return url2pathname(parts.path)
    what = "file: URLs of another host" if scheme == "file" else f"{scheme}: URLs"
    raise UnreadableFile(
        source, f"{what} are not read; include_indexes reads local paths (file: URLs too) and http(s) URLs"
    )


def merge_rows(data: object, source: IndexSource) -> Loaded:
    """Rows from a decoded ``prd-index.json``; entries that do not fit the format are skipped."""
    if not isinstance(data, dict) or not isinstance(data.get("prds"), list):
        return _skipped(source, "not a prd-index.json (no 'prds' list)")
    version = data.get("schema_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        return _skipped(source, f"schema_version is {version!r}, expected 1 or 2")
    notes: list[str] = []
    site_name = _text(data.get("site_name"))
    site = strip_controls(source.name or site_name or source.source)[:MAX_TEXT]
    given = _base_url(source, _text(data.get("site_url")))
    base = link_url(given) if given is not None and len(given) <= MAX_URL else None
    base_given = given is not None
    rows: list[IndexRow] = []
    bad: list[str] = []
    unlinked: list[str] = []
    entries: list[object] = data["prds"]
    messages: list[str] = []
    if len(entries) > MAX_ENTRIES:
        messages.append(
            f"include_indexes: {source.source}: {len(entries)} entries; the first {MAX_ENTRIES} merged, "
            "the rest left out"
        )
    for i, entry in enumerate(entries[:MAX_ENTRIES]):
        row = _row(entry, site, base, EntryCheck(i + 1, notes))
        if row is None:
            bad.append(str(i + 1))
            continue
        rows.append(row)
        url = entry.get("url") if isinstance(entry, dict) else None
        if row.url is None and base and isinstance(url, str) and len(url) <= MAX_URL:
            unlinked.append(str(i + 1))
    corrected = summary(source.source, notes)
    if corrected is not None:
        messages.append(corrected)
    if bad:
        noun = "entry" if len(bad) == 1 else "entries"
        messages.append(f"include_indexes: {source.source}: skipped invalid {noun} {', '.join(bad)}")
    if base is None and base_given:
        messages.append(
            f"include_indexes: {source.source}: the site URL is not http(s) (or is longer than {MAX_URL} "
            "characters); PRDs shown without links"
        )
    if unlinked:
        noun = "entry" if len(unlinked) == 1 else "entries"
        messages.append(
            f"include_indexes: {source.source}: the link of {noun} {', '.join(unlinked)} is not an http(s) "
            "or relative URL; shown as text"
        )
    return Loaded(source, tuple(rows), tuple(messages))


def _skipped(source: IndexSource, why: str) -> Loaded:
    return Loaded(source, messages=(f"include_indexes: {source.source}: {why}; skipped",))


def _base_url(source: IndexSource, site_url: str | None) -> str | None:
    # Prefer what the author configured, then the other site's own site_url; a remote
    # index's entries are relative to the file itself, so its URL is a base too.
    for base in (source.url, site_url):
        if base:
            return base if base.endswith("/") else base + "/"
    return source.source if source.is_remote else None


def _row(entry: object, site: str, base: str | None, check: EntryCheck) -> IndexRow | None:
    """One merged row, every value validated by ``check``; None when the entry's shape is wrong."""
    if not isinstance(entry, dict):
        return None
    title, src_path, url = entry.get("title"), entry.get("src_path", ""), entry.get("url")
    if not isinstance(title, str) or not isinstance(src_path, str):
        return None
    if url is not None and not isinstance(url, str):
        return None
    texts = {k: entry.get(k) for k in _TEXT_FIELDS}
    if any(v is not None and not isinstance(v, str) for v in texts.values()):
        return None
    iosm = _mapping(entry.get("iosm"))
    acceptance = _mapping(entry.get("acceptance"))
    reqs = _mapping(entry.get("requirements"))
    found = _mapping(entry.get("findings"))
    if iosm is None or acceptance is None or reqs is None or found is None:
        return None
    scores = {
        k: check.score(_text(iosm.get(k)), f"iosm.{k}", low=-1.0 if k == "delta" else 0.0)
        for k in ("baseline", "target", "delta", "actual")
    }
    total = check.count(acceptance.get("total"), "acceptance.total")
    checked = check.part(
        check.count(acceptance.get("checked"), "acceptance.checked"),
        total,
        "acceptance.checked",
        "acceptance.total",
    )
    verified = entry.get("verified")
    counts = None
    if isinstance(verified, dict):
        of = check.count(verified.get("total"), "verified.total")
        counts = (
            check.part(
                check.count(verified.get("verified"), "verified.verified"),
                of,
                "verified.verified",
                "verified.total",
            ),
            of,
        )
    return IndexRow(
        title=check.text(title, "title") or "",
        url=link_url(urljoin(base, url)) if base and check.url(url) is not None else None,
        src_path=check.text(src_path, "src_path") or "",
        iosm=IosmValues(**scores, target_value=score_value(scores["target"])),
        acceptance_checked=checked,
        acceptance_total=total,
        requirements=RequirementCounts(
            *(check.count(reqs.get(k), f"requirements.{k}") for k in ("must", "should", "could", "other"))
        ),
        findings=FindingCounts(
            *(check.count(found.get(k), f"findings.{k}") for k in ("error", "warning", "info"))
        ),
        site=site,
        verified=counts,
        track_id=check.text(_as_text(texts["track_id"]), "track_id"),
        status=check.text(_as_text(texts["status"]), "status"),
        owner=check.text(_as_text(texts["owner"]), "owner"),
        version=check.text(_as_text(texts["version"]), "version"),
        date=check.text(_as_text(texts["date"]), "date"),
    )


def _as_text(value: object) -> str | None:
    # Already checked to be text or None.
    return value if isinstance(value, str) else None


def _mapping(value: object) -> Mapping[str, Any] | None:
    # Missing groups are allowed (older or hand-written indexes); wrong types are not.
    if value is None:
        return {}
    return value if isinstance(value, dict) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
