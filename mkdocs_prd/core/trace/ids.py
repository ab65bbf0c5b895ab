"""Site-wide requirement ids: ``<Track ID>:<local id>``, and finding them in any text.

MkDocs-free.  A PRD's functional and non-functional requirements (``FR-2``,
``NFR-1``), use cases (``UC-3``) and acceptance criteria that carry an id
(``- [ ] AC-3: …``) each get a qualified id such as
``payments-refund-automation:FR-2`` and an anchor on their page (``fr-2``, the
local id in lower case).

:func:`find_ids` finds qualified ids in a text with one regex pass (the pattern
starts with a literal ``:``, so the engine skips ahead with a fast search) and a
short bounded walk back over the Track ID of each hit: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from mkdocs_prd.core.model import Prd
from mkdocs_prd.core.rules.base import is_bracketed

Kind = Literal["FR", "NFR", "UC", "AC"]

TRACK_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?", re.ASCII)
"""What a Track ID must look like to qualify ids (``payments-refund-automation``)."""

_HIT = re.compile(
    r":((?:REQ|N?FR)-(?:[A-Za-z]{1,12}-){0,3}[0-9][0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*"
    r"|(?:NFR|FR|UC|AC)-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)"
    r"(?![A-Za-z0-9-])",
    re.ASCII | re.IGNORECASE,
)
_TRACK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NOT_BEFORE = frozenset("/:@\\#?&=%$")
"""A Track ID right after one of these is part of a path, URL or address, not an id."""
_MAX_TRACK = 128
# "AC-3: …", "AC-3 - …", "[AC-3] …", "**AC-3:** …", "AC3: …" at the start of a criterion.
_AC_ID = re.compile(
    r"[*_]{0,3}(?:\[\s*(AC(?:-[0-9A-Za-z]+|[0-9][0-9A-Za-z]*)(?:\.[0-9A-Za-z]+)*)\s*\]"
    r"|(AC(?:-[0-9A-Za-z]+|[0-9][0-9A-Za-z]*)(?:\.[0-9A-Za-z]+)*)[*_]{0,3}\s*[:.\-–—)])[*_]{0,3}\s*",
    re.ASCII | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RequirementId:
    """One addressable item of a PRD.

    ``qualified`` is ``<Track ID>:<local>``; ``local`` is upper case (``FR-2``);
    ``written`` the local id as the author wrote it (to find it on its line);
    ``priority`` is the MoSCoW level, ``Must``/``Should``/``Could``/``Won't``, or None;
    ``line`` 1-based in ``path``.
    """

    qualified: str
    track_id: str
    local: str
    written: str
    kind: Kind
    name: str
    priority: str | None
    path: str
    line: int

    @property
    def anchor(self) -> str:
        """The fragment id on the PRD page: ``fr-2``."""
        return self.local.lower()


@dataclass(frozen=True, slots=True)
class IdHit:
    """A qualified id found in a text: ``start``/``end`` offsets of ``track:local``, 1-based ``line``."""

    track_id: str
    local: str
    start: int
    end: int
    line: int

    @property
    def text(self) -> str:
        return f"{self.track_id}:{self.local}"

    @property
    def exact(self) -> bool:
        """Whether the local id is written in capitals (``FR-2``), as ids are defined; ``fr-2``
        is an id only where its Track ID is a known PRD's (``lang:fr-2`` may be anything)."""
        return self.local == self.local.upper()


def track_of(prd: Prd) -> str | None:
    """The PRD's Track ID when it can qualify ids (None when missing, a placeholder or odd)."""
    value = (prd.track_id or "").strip()
    if not value or is_bracketed(value) or TRACK_ID.fullmatch(value) is None:
        return None
    return value


def _kind(local: str) -> Kind:
    head = local.split("-", 1)[0]
    return "NFR" if head == "NFR" else "FR" if head == "FR" else "UC" if head == "UC" else "AC"


def requirement_ids(prd: Prd) -> list[RequirementId]:
    """The qualified ids of one PRD in page order; empty when it has no usable Track ID.

    A local id used twice on a page keeps its first item.
    """
    track = track_of(prd)
    return [] if track is None else _ids(prd, track)


def local_ids(prd: Prd) -> list[RequirementId]:
    """The ids of one PRD in page order, with or without a usable Track ID: each item's
    anchor on its page (``#fr-2``) needs no Track ID.  Without one, ``qualified`` is the
    local id and ``track_id`` is empty.
    """
    return _ids(prd, track_of(prd) or "")


def _ids(prd: Prd, track: str) -> list[RequirementId]:
    out: dict[str, RequirementId] = {}

    def add(written: str, name: str, priority: str | None, line: int, kind: Kind | None = None) -> None:
        local = written.upper()
        if local[:2] == "AC" and local[2:3].isdigit():
            local = f"AC-{local[2:]}"  # "AC1" is AC-1, as "FR1" is FR-1
        if local not in out:
            qualified = f"{track}:{local}" if track else local
            out[local] = RequirementId(
                qualified, track, local, written, kind or _kind(local), name, priority, prd.path, line
            )

    for req in (*prd.functional, *prd.non_functional):
        if req.id:
            # A "REQ-…" id is functional or not by where it stands: the requirement knows.
            add(req.id, req.name, req.level, req.line, "NFR" if req.kind == "non-functional" else "FR")
    for uc in prd.use_cases:
        if uc.id and uc.id[:2].upper() == "UC":  # a story's "US-12" or "PAY-101" is no trace id
            add(uc.id, uc.name, None, uc.line)
    for c in prd.criteria:
        m = _AC_ID.match(c.text)
        if m is not None:
            add(m.group(1) or m.group(2), c.text[m.end() :].strip(), None, c.line)
    return sorted(out.values(), key=lambda r: r.line)


def criterion_id(text: str) -> str | None:
    """The id an acceptance criterion opens with, as its anchor and qualified id name it (``AC-3``
    for ``AC-3: …``, ``**AC3:** …``, ``[AC-3] …``), or None."""
    m = _AC_ID.match(text)
    if m is None:
        return None
    local = (m.group(1) or m.group(2)).upper()
    return f"AC-{local[2:]}" if local[2:3].isdigit() else local


def qualified_ids(prds: Iterable[Prd]) -> list[str]:
    """All qualified requirement ids of a catalogue (any iterable of PRDs), sorted.

    A plain list of strings such as ``payments-refund-automation:FR-2``, for tools
    (the language server) that complete or check references.  When two PRDs share
    a Track ID, the first by path owns it (as for references).
    """
    seen_tracks: set[str] = set()
    out: list[str] = []
    for prd in sorted(prds, key=lambda p: p.path):
        track = track_of(prd)
        if track is None or track.casefold() in seen_tracks:
            continue
        seen_tracks.add(track.casefold())
        out.extend(r.qualified for r in requirement_ids(prd))
    return sorted(out)


def find_ids(text: str) -> Iterator[IdHit]:
    """Every qualified id in ``text``, in order, with its 1-based line.

    An id is ``<Track ID>:<FR|NFR|UC|AC>-<n>`` where the Track ID is not part of a
    path, URL or e-mail address (``docs/a:FR-1`` and ``http://h:FR-1`` are not ids).
    The id's letters may be in any case (``track:fr-2``; see :attr:`IdHit.exact`), but
    then its number starts with a digit: ``locale:fr-CA`` is a language tag.
    Linear: one regex pass, lines counted between hits.
    """
    line = 1
    counted = 0
    for m in _HIT.finditer(text):
        local = m.group(1)
        if local != local.upper() and not local[local.index("-") + 1].isdigit():
            continue  # "fr-CA", "ac-dc": not written as an id
        colon = m.start()
        i = colon
        low = max(0, colon - _MAX_TRACK)
        while i > low and text[i - 1] in _TRACK_CHARS:
            i -= 1
        if i > 0 and (text[i - 1] in _NOT_BEFORE or text[i - 1] in _TRACK_CHARS):
            continue  # part of a path, URL or address, or far too long to be a Track ID
        # A Track ID starts and ends with a letter or digit (``_a:FR-1_`` is emphasis).
        while i < colon and text[i] not in _ALNUM:
            i += 1
        if i == colon or text[colon - 1] not in _ALNUM:
            continue
        line += text.count("\n", counted, i)
        counted = i
        yield IdHit(text[i:colon], m.group(1), i, m.end(), line)
