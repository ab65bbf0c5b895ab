"""The rest of a site, as cross-document rules need it: each other PRD's Track ID.

Linting one file checks it against every other PRD of the site (PRD106, duplicate
Track IDs), which needs those PRDs' identities, not their full validation.  A
:class:`SiteFacts` entry holds exactly that (path, title, the Track ID fields, the
rules the page silences), and a :class:`FactCache` keeps the entries between runs,
keyed by the page's content, so a pre-commit run in a 3,000-PRD site parses only
the pages that changed.

The cache is an optimisation and never needed for correctness: a missing, stale,
corrupt or unwritable cache file means the pages are parsed again.  It is one JSON
file per site, replaced atomically (write to a temporary file, then rename), so
concurrent runs never read half a file; the last writer wins and both are right.
Entries also carry a fingerprint of the parser's code, so a changed parser never
reads an old answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs_prd.core.model import Field, Metadata, Prd
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd

CACHE_ENV = "MKDOCS_PRD_CACHE_DIR"
"""Environment variable naming the cache folder (default: the user's cache folder)."""

_SITE_KEYS = ("track_id",)
"""Metadata keys the cross-document rules read from other PRDs (traceability adds its ids here)."""


@dataclass(frozen=True)
class SiteFacts:
    """What cross-document rules need of one PRD: a small stand-in for its parsed model."""

    title: str
    title_line: int
    fields: tuple[Field, ...]
    ignored_rules: frozenset[str]

    @classmethod
    def of(cls, prd: Prd) -> SiteFacts:
        """The facts of a fully parsed PRD."""
        fields = tuple(f for f in prd.metadata.fields if f.key in _SITE_KEYS)
        return cls(prd.title, prd.title_line, fields, prd.ignored_rules)

    def model(self, path: str) -> Prd:
        """A ``Prd`` at ``path`` carrying only these facts (enough for the site rules)."""
        return Prd(
            path=path,
            title=self.title,
            title_line=self.title_line,
            metadata=Metadata(fields=self.fields),
            ignored_rules=self.ignored_rules,
        )

    def to_json(self) -> list[object]:
        fields = [[f.key, f.label, f.value, f.line, f.source] for f in self.fields]
        return [self.title, self.title_line, fields, sorted(self.ignored_rules)]

    @classmethod
    def from_json(cls, data: object) -> SiteFacts | None:
        """The facts stored by :meth:`to_json`, or None when ``data`` is not such an entry."""
        if not isinstance(data, list) or len(data) != 4:
            return None
        title, title_line, fields, ignored = data
        if not isinstance(title, str) or not isinstance(title_line, int) or not isinstance(fields, list):
            return None
        try:
            parsed = tuple(
                Field(str(k), str(label), str(value), int(line), source)
                for k, label, value, line, source in fields
                if source in ("header", "front_matter")
            )
            rules = frozenset(str(r) for r in ignored)
        except (TypeError, ValueError):
            return None
        return cls(title, title_line, parsed, rules) if len(parsed) == len(fields) else None


def facts_of(data: bytes) -> SiteFacts | None:
    """The facts of a page's bytes, or None when the page is not a PRD (full parse, no rules)."""
    text, _problem = decode_source(data)
    if not is_prd(text):
        return None
    return SiteFacts.of(parse_prd(text, "", split_lines(text)))


class FactCache:
    """Content-keyed :class:`SiteFacts` of one site, in a JSON file outside ``docs_dir``.

    ``FactCache.for_site(docs_dir)`` puts the file in ``$MKDOCS_PRD_CACHE_DIR`` or the
    user's cache folder (``$XDG_CACHE_HOME/mkdocs-prd``, ``~/.cache/mkdocs-prd``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._old: dict[str, object] = {}
        self._new: dict[str, object] = {}
        self._loaded = False

    @classmethod
    def for_site(cls, docs_dir: str) -> FactCache:
        """The cache of the site whose pages are in ``docs_dir``."""
        base = os.environ.get(CACHE_ENV) or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "mkdocs-prd"
        )
        site = hashlib.blake2b(os.path.realpath(docs_dir).encode("utf-8", "surrogatepass"), digest_size=12)
        return cls(Path(base) / f"site-{site.hexdigest()}.json")

    def facts(self, data: bytes) -> SiteFacts | None:
        """The facts of a page with content ``data``: from the cache when known, else parsed."""
        if not self._loaded:
            self._load()
        key = hashlib.blake2b(data, digest_size=16).hexdigest()
        stored = self._old.get(key, self._new.get(key, False))
        if stored is None:
            self._new[key] = None
            return None
        if stored is not False:
            found = SiteFacts.from_json(stored)
            if found is not None:
                self._new[key] = stored
                return found
        facts = facts_of(data)
        self._new[key] = facts.to_json() if facts is not None else None
        return facts

    def save(self) -> None:
        """Keep this run's entries (only those: pages that are gone drop out); never raises."""
        if not self._loaded or self._new == self._old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".facts-", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump({"code": _code_fingerprint(), "pages": self._new}, out, separators=(",", ":"))
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only home or a full disk: the next run parses again

    def _load(self) -> None:
        self._loaded = True
        try:
            with open(self.path, encoding="utf-8") as fd:
                data = json.load(fd)
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("code") == _code_fingerprint():
            pages = data.get("pages")
            if isinstance(pages, dict):
                self._old = pages


def site_models(pages: Iterable[tuple[str, bytes]], cache: FactCache | None = None) -> list[Prd]:
    """Stand-in models of the PRDs among ``(src_path, bytes)`` pages, for the site rules."""
    out: list[Prd] = []
    for path, data in pages:
        facts = cache.facts(data) if cache is not None else facts_of(data)
        if facts is not None:
            out.append(facts.model(path))
    return out


_FINGERPRINT: list[str] = []


def _code_fingerprint() -> str:
    """The package version and the size and time of every parser module: a changed parser
    (an upgrade, or a checkout during development) never reads entries of the old one."""
    if not _FINGERPRINT:
        from mkdocs_prd import __version__  # the package top imports this module: not at import time

        core = Path(__file__).resolve().parent.parent
        stamp = [__version__]
        for module in sorted([*core.glob("parse/*.py"), core / "model.py", Path(__file__).resolve()]):
            st = module.stat()
            stamp.append(f"{module.name}:{st.st_size}:{st.st_mtime_ns}")
        _FINGERPRINT.append(hashlib.blake2b("|".join(stamp).encode(), digest_size=12).hexdigest())
    return _FINGERPRINT[0]
