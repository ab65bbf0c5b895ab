"""Typed, immutable records for one PRD and for the findings about it.

Everything here is plain data: no MkDocs, no I/O.  Every record that comes from a
document carries the 1-based line it starts on, so that findings and rendering can
point back at the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, is_dataclass
from dataclasses import fields as dataclass_fields
from enum import Enum
from typing import Literal

from mkdocs_prd.core.decoration import (
    leading_link_end,
    without_link,
    without_struck,
    without_symbols,
    without_tags,
)
from mkdocs_prd.core.moscow import priority_level

MetaSource = Literal["header", "front_matter"]
GateKey = Literal["I", "O", "S", "M"]

GATE_NAMES: dict[str, str] = {"I": "Improve", "O": "Optimize", "S": "Shrink", "M": "Modularize"}
"""The four IOSM gates, in the order the template lists them."""

CORE_FIELDS: tuple[str, ...] = ("version", "date", "track_id", "owner", "status")
"""Normalised keys of the metadata fields every PRD must have."""

# The core fields' names in German, Spanish, French and Portuguese (as the section titles are read).
_TRANSLATED_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("datum", "stand", "fecha", "data", "date_de_mise_à_jour"),
    "owner": (
        "verantwortlich",
        "verantwortliche",
        "eigentümer",
        "autor",
        "autorin",
        "responsable",
        "propietario",
        "propriétaire",
        "auteur",
        "responsável",
        "dono",
    ),
    "status": ("estado", "statut", "situação"),
    "version": ("versión", "versão", "fassung"),
}
TRANSLATED_LABELS: frozenset[str] = frozenset(
    name for names in _TRANSLATED_SYNONYMS.values() for name in names
)
"""Field names (normalised keys) that only a PRD written in German, Spanish, French or
Portuguese uses: ``datum``, ``verantwortlich``, ``estado`` …"""

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (  # the document's date is its last update, before its creation
        "last_updated",
        "last_updated_on",
        "updated",
        "updated_on",
        "updated_at",
        "last_modified",
        "modified",
        "last_update",
        "last_edited",
        "last_edit",
        "last_revised",
        "revised",
        "date_updated",
        "date_modified",
        "created",
        "date_created",
        "created_on",
        "created_at",
        "created_date",
        "creation_date",
        *_TRANSLATED_SYNONYMS["date"],
    ),
    "track_id": ("prd_id", "document_id", "doc_id", "id"),
    "owner": (
        "owner_s",
        "product_owner",
        "prd_owner",
        "document_owner",
        "doc_owner",
        "product_manager",
        "pm",
        "author",
        "authors",
        "owners",
        "dri",
        *_TRANSLATED_SYNONYMS["owner"],
    ),
    "status": (
        "state",
        "current_status",
        "prd_status",
        "document_status",
        "doc_status",
        "approval_status",
        *_TRANSLATED_SYNONYMS["status"],
    ),
    "version": (
        "version_number",
        "revision",
        "rev",
        "doc_version",
        "document_version",
        "prd_version",
        *_TRANSLATED_SYNONYMS["version"],
    ),
}
"""Other names authors give the core fields, in order of preference: a field read for a
core key only when the page has no field of that key itself (``**Last updated:**`` is the
Date of a page without ``**Date:**``; ``ID`` is the Track ID only without a ``Track ID``),
also in German, Spanish, French and Portuguese (``**Datum:**``, ``**Responsable:**``, ``**Estado:**``)."""


class Severity(str, Enum):
    """How bad a finding is.  ``str`` so it serialises as its value."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the parser could not read; validation turns it into a finding.

    ``code`` is a short machine name (``yaml``, ``encoding``, ``iosm-line`` …) that
    rules map to rule ids.
    """

    line: int
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Field:
    """One metadata value as the author wrote it.

    ``key`` is normalised (``track_id``, ``date``, ``created`` …), ``label`` is the
    author's spelling (``Track ID``), ``value`` is always text: ``version: 1.10`` in
    front matter stays ``"1.10"``.  A header value is read without its inline markup
    (`` `invoice-export` `` is ``invoice-export``); ``written`` keeps it for display.
    """

    key: str
    label: str
    value: str
    line: int
    source: MetaSource
    written: str = ""
    """The value with its inline Markdown (`` `x` ``, ``[Ana](mailto:…)``) when ``value``
    is its plain text without it (a header line); '' when the two are the same."""


MULTI_VALUED: frozenset[str] = frozenset(
    {"owner", "owners", "author", "authors", "reviewers", "reviewer", "approvers", "approver"}
    | {"stakeholders", "contributors", "team"}
)
"""Header keys that may hold several people, each on a line of its own (``**Owner:** Ann``
over ``**Owner:** Bo``): all of them are the field's value, not only the first."""


def joined_field(first: Field, more: Field) -> Field:
    """One field holding the values of two (``Ann`` + ``Bo`` -> ``Ann, Bo``), on ``first``'s
    line; a value already in ``first``, or an empty one, adds nothing."""
    values = [v for v in first.value.split(", ") if v]
    if not more.value.strip() or more.value.casefold() in (v.casefold() for v in values):
        return first
    if not first.value.strip():
        return Field(first.key, first.label, more.value, more.line, first.source, more.written)
    written = ""
    if first.written or more.written:
        written = f"{first.written or first.value}, {more.written or more.value}"
    return Field(first.key, first.label, f"{first.value}, {more.value}", first.line, first.source, written)


@dataclass(frozen=True, slots=True)
class Metadata:
    """All metadata fields of a PRD, from header lines and from front matter.

    ``fields`` holds every field from both sources in source order (front matter
    first).  ``header_start``/``header_end`` span the bold ``**Key:** value`` lines
    before the first section (0 when there are none), so a renderer can replace them.
    """

    fields: tuple[Field, ...] = ()
    header_start: int = 0
    header_end: int = 0
    header_replaceable: bool = False
    # key -> (first front-matter field, first header field), built on first use: a PRD
    # may hold thousands of fields, and rules and views look fields up many times.
    _by_key: dict[str, tuple[Field | None, Field | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _index(self) -> dict[str, tuple[Field | None, Field | None]]:
        index = self._by_key
        if index is None:
            index = {}
            for f in self.fields:
                fm, hd = index.get(f.key, (None, None))
                if f.source == "front_matter" and fm is None:
                    index[f.key] = (f, hd)
                elif f.source == "header" and hd is None:
                    index[f.key] = (fm, f)
                elif f.source == "header" and hd is not None and f.key in MULTI_VALUED:
                    index[f.key] = (fm, joined_field(hd, f))  # a second "**Owner:** Bo" line
            object.__setattr__(self, "_by_key", index)
        return index

    def get(self, key: str) -> Field | None:
        """The field for ``key``; front matter wins over a header line.

        A key of :data:`MULTI_VALUED` written on several header lines (``**Owner:** Ann``,
        ``**Owner:** Bo``) is one field: its values joined by ``, `` (``Ann, Bo``), on the
        first line, as a front-matter list is (``owner: [Ann, Bo]``).

        A core key falls back to its :data:`FIELD_SYNONYMS` (``date`` to ``created``,
        ``last_updated`` …; ``owner`` to ``author`` …) when the PRD has no field of
        that key.  Constant time.
        """
        index = self._index()
        fm, hd = index.get(key, (None, None))
        found = fm or hd
        if found is None:
            for alt in FIELD_SYNONYMS.get(key, ()):
                fm, hd = index.get(alt, (None, None))
                if fm or hd:
                    return fm or hd
        return found

    def value(self, key: str) -> str | None:
        """The text of ``get(key)``, or None."""
        f = self.get(key)
        return f.value if f is not None else None

    def disagreements(self) -> tuple[tuple[Field, Field], ...]:
        """Pairs (front matter, header line) that name the same field with different text
        (a Status compared as its :func:`status_word`, in any case)."""
        pairs = []
        index = self._index()
        for fm in self.fields:
            if fm.source != "front_matter":
                continue
            hd = index[fm.key][1]
            if hd is None:
                continue
            if fm.key == "status":  # one status however it is decorated: `**Approved**`, `approved`
                same = status_word(hd.value).casefold() == status_word(fm.value).casefold()
            else:
                same = hd.value.strip() == fm.value.strip()
            if not same:
                pairs.append((fm, hd))
        return tuple(pairs)


@dataclass(frozen=True, slots=True)
class Section:
    """A ``##`` section (level 2) or ``###`` subsection (level 3).

    ``key`` is the template section it matched (``problem``, ``goals``, ``users``,
    ``scope``, ``requirements``, ``ux``, ``risks``, ``acceptance``, ``rollout``,
    ``iosm``, ``appendix``) or a normalised subsection key, None when unknown.
    ``end_line`` is the last line that belongs to it.  ``has_content`` says whether
    anything but blank lines and rules (``---``) stands between its heading and its
    end.  ``labels`` are the bold lines standing alone in it (subsections included),
    such as ``**Primary users:**`` over a list: real PRDs use them as subsection
    titles; in the goals section a table's column headers (``| Goal | Metric |``) too.
    They are read for the sections whose subsections the
    rules ask for (goals, users, requirements) and empty elsewhere.
    """

    title: str
    number: str | None
    key: str | None
    level: int
    line: int
    end_line: int
    has_content: bool
    subsections: tuple[Section, ...] = ()
    labels: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """A list item or a short piece of text, with its line."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Attribute:
    """A ``- Key: value`` bullet under a requirement, persona or use case."""

    key: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Persona:
    """A persona of section 3: its name and its ``- Role: …`` bullets."""

    name: str
    line: int
    attributes: tuple[Attribute, ...] = ()


@dataclass(frozen=True, slots=True)
class UseCase:
    """``UC-n: Name`` with its Actor / Trigger / Flow / Outcome bullets."""

    id: str | None
    name: str
    line: int
    attributes: tuple[Attribute, ...] = ()


@dataclass(frozen=True, slots=True)
class ScopeBucket:
    """One scope subsection: ``name`` is ``MVP``, ``V1.1``, ``Future`` or ``Later``
    (or the author's own title when it matches none), ``title`` the heading as written."""

    name: str
    title: str
    line: int
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    """A functional or non-functional requirement.

    ``id`` is ``FR-3`` / ``NFR-2`` when the author gave one (None for a plain
    numbered-list requirement).  ``priority`` is the Priority text as written (None
    when absent) with ``priority_line``; :attr:`level` is the MoSCoW level it names
    (``Must have`` and ``**MUST**`` are ``Must``).  ``form`` says which source form it came
    from: a bold ``**FR-n: Name**`` block or a heading (``block``), a list item
    (``list``), or a table row (``table``, its cells as attributes named by the
    column headers).
    """

    kind: Literal["functional", "non-functional"]
    id: str | None
    name: str
    line: int
    form: Literal["block", "list", "table"]
    attributes: tuple[Attribute, ...] = ()
    priority: str | None = None
    priority_line: int = 0
    statement: str = field(default="", compare=False)
    """What the requirement says in its own words, besides its bullets: a list item's text
    (``FR-1: Export a month — as CSV``), the text after a bold title or the paragraph under a
    requirement heading; the inline priority marker (``(Must)``) is left out."""

    @property
    def level(self) -> str | None:
        """The MoSCoW level ``priority`` names: ``Must``, ``Should``, ``Could``, ``Won't`` or None."""
        return priority_level(self.priority) if self.priority else None

    def attribute(self, key: str) -> Attribute | None:
        """The first attribute whose key matches ``key`` case-insensitively."""
        low = key.lower()
        for a in self.attributes:
            if a.key.lower() == low:
                return a
        return None


@dataclass(frozen=True, slots=True)
class Risk:
    """A risk table row: the texts as written.

    ``scales`` are the levels the impact and probability columns' headers declare, highest
    first, as written (``Impacto (A/M/B)`` -> ``("A", "M", "B")``; ``()`` when a header
    declares none)."""

    risk: str
    impact: str
    probability: str
    mitigation: str
    line: int
    scales: tuple[tuple[str, ...], tuple[str, ...]] = field(default=((), ()), compare=False)


@dataclass(frozen=True, slots=True)
class Criterion:
    """An acceptance criterion; ``group`` is the ``###`` subsection title (or "").

    A check box (``- [ ]``, ``1. [x]``), or a Given/When/Then item without a box,
    which is unchecked unless it is marked done (``✅``, ``~~…~~``, ``(done)``).
    """

    text: str
    checked: bool
    group: str
    line: int
    stated: bool = field(default=True, compare=False)
    """Whether the criterion's state is written (a box, ``✅``, ``❌``, a Status cell); a plain
    list item (``1. FR-1 verified``) is a criterion whose state is not: it counts among the
    criteria, but neither as met nor as open (no progress, no PRD401)."""


@dataclass(frozen=True, slots=True)
class IosmTarget:
    """One IOSM target.

    ``raw`` is the target text as written (``≥0.95 (clear naming)``); ``operator`` is
    normalised to one of ``>=``, ``<=``, ``<``, ``>``, ``=``, ``stable``,
    ``reduced by`` (None when absent); ``value`` the number when there is one; ``unit``
    ``%``, ``ms``, ``min``, ``endpoints``, ... or "" for a bare score.  ``qualitative``
    targets (``Low``, ``High``, ``All TODOs in issue tracker``) have no value.
    ``baseline``/``delta`` are filled from the table form (``| Gate | Baseline |
    Target | Expected Δ |``), where ``metric`` is the gate name.
    """

    gate: GateKey
    metric: str
    raw: str
    line: int
    operator: str | None = None
    value: float | None = None
    unit: str = ""
    qualitative: bool = False
    baseline: str | None = None
    delta: str | None = None


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written (``raw``, e.g. ``≥0.80``) with its parsed value, if any."""

    raw: str
    value: float | None
    line: int


@dataclass(frozen=True, slots=True)
class IosmIndex:
    """The expected IOSM-Index: baseline, target and stated delta, each optional."""

    baseline: Number | None = None
    target: Number | None = None
    delta: Number | None = None
    repeated: tuple[tuple[str, Number], ...] = ()
    """Figures stated again further down with another value, as ``(part, that statement)``
    (part ``baseline``, ``target`` or ``delta``): the first statement is the one read."""


@dataclass(frozen=True, slots=True)
class Iosm:
    """Section 10.

    ``form`` is ``list`` (per-gate bullet lists), ``table`` (the gate table) or
    ``none``.  ``understood`` is True when every non-blank line of the section was
    recognised, so a renderer may replace it wholesale.  ``body_start``/``body_end``
    span the section body (the lines after its heading).
    """

    form: Literal["list", "table", "none"] = "none"
    targets: tuple[IosmTarget, ...] = ()
    gates: tuple[GateKey, ...] = ()
    index: IosmIndex = field(default_factory=IosmIndex)
    understood: bool = False
    line: int = 0
    body_start: int = 0
    body_end: int = 0
    kept: tuple[tuple[int, int], ...] = ()
    """When not ``understood``: the ``(first, last)`` line spans of the blocks that hold a
    line not understood; a renderer keeps them as written and shows the rest its own way."""


@dataclass(frozen=True, slots=True)
class ChangeLogRow:
    version: str
    date: str
    author: str
    changes: str
    line: int


@dataclass(frozen=True, slots=True)
class Prd:
    """One parsed PRD.

    ``path`` is the path the caller gave (relative to ``docs_dir`` in a build).
    ``front_matter`` holds the front-matter mapping with every scalar as the text
    the author wrote.  ``ignored_rules`` are the rule ids the page silences
    (front matter ``prd_ignore`` and ``<!-- prd-ignore ... -->`` comments).
    ``problems`` lists what could not be read.
    """

    path: str
    title: str
    title_line: int
    metadata: Metadata = field(default_factory=Metadata)
    front_matter: dict[str, object] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    goals: tuple[Item, ...] = ()
    non_goals: tuple[Item, ...] = ()
    personas: tuple[Persona, ...] = ()
    use_cases: tuple[UseCase, ...] = ()
    scope: tuple[ScopeBucket, ...] = ()
    functional: tuple[Requirement, ...] = ()
    non_functional: tuple[Requirement, ...] = ()
    risks: tuple[Risk, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    iosm: Iosm = field(default_factory=Iosm)
    references: tuple[Item, ...] = ()
    open_questions: tuple[Item, ...] = ()
    changelog: tuple[ChangeLogRow, ...] = ()
    ignored_rules: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = ()
    line_count: int = 0

    def section(self, key: str) -> Section | None:
        """The first top-level section matched to template key ``key``."""
        for s in self.sections:
            if s.key == key:
                return s
        return None

    @property
    def status(self) -> str | None:
        """The Status as a plain word (see :func:`status_word`): ``**Approved**``,
        ``✅ Approved`` and ``Approved (signed off)`` are all ``Approved``."""
        raw = self.metadata.value("status")
        return status_word(raw) if raw is not None else None

    @property
    def track_id(self) -> str | None:
        """The Track ID without a remark after it (:func:`track_id_text`): the PRD's identity
        for PRD105/PRD106, trace ids, the index and the JSON export; the field keeps the whole
        value, remark and all, for the card to show."""
        raw = self.metadata.value("track_id")
        return track_id_text(raw) if raw is not None else None


# A Track ID and a remark after it, as Status, Date and Version values may carry one: in
# brackets ("pay-t8 (PAY-1)", "pay-t8 [Jira PAY-1]") or after a dash ("pay-t8 — see PAY-1").
_TRACK_REMARK = re.compile(
    r"([^\s()\[\]]+)[ \t]+(?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\]|(?:—|–|--?)[ \t]+\S[^\n]*)"
)


def track_id_text(value: str) -> str:
    """A Track ID value without a remark in brackets or after a dash: ``pay-t8 (PAY-1)`` and
    ``pay-t8 — see PAY-1`` -> ``pay-t8``; any other text stripped, as it is (``pay t8`` stays,
    and PRD105 reports it)."""
    text = value.strip()
    m = _TRACK_REMARK.fullmatch(text)
    return m.group(1) if m is not None else text


def site_status(word: str | None, statuses: Sequence[str]) -> str | None:
    """A status word in the site's spelling: ``APPROVED`` and ``approved`` are ``Approved``
    when the site's ``statuses`` list it so; a status the site does not list stays as written."""
    if not word:
        return word
    folded = word.casefold()
    return next((s for s in statuses if s.casefold() == folded), word)


def status_word(value: str) -> str:
    """A status value without what surrounds the word: emphasis (``**Approved**``,
    ``*Draft*``), backticks, inline HTML (``<b>Approved</b>``), emoji or symbols
    (``✅ Approved``, ``:white_check_mark:``)
    and a trailing remark (``Draft (awaiting review)``, ``Review — legal``).

    The text is returned stripped but otherwise as written (case is kept); a value
    that would become empty is returned stripped instead.
    """
    s = without_tags(without_struck(value)).strip()
    for _ in range(4):  # nested marks: `**_Draft_**`, `**[Approved](#)**`
        before = s
        s = _strip_marks(without_link(s))
        s = without_link(without_symbols(s))
        s = _strip_remark(s)
        if s == before:
            break
    return s or value.strip()


def status_remark(value: str) -> str:
    """What a Status says besides its word (see :func:`status_word`), for the card to show
    beside the badge: ``Approved (2026-11-10)`` -> ``2026-11-10``, ``Draft (awaiting review)``
    -> ``awaiting review``, ``Approved on 2026-11-03`` -> ``on 2026-11-03``; ``""`` when only
    emphasis or symbols surround the word (``**Approved**``, ``✅ Approved``)."""
    word = status_word(value)
    s = without_tags(without_struck(value)).strip()
    for mark in ("**", "__", "`"):
        s = s.replace(mark, "")
    s = without_link(without_symbols(s))  # "[Approved](#s "Signed off")": the title is no remark
    linked = leading_link_end(s)  # "[Approved](#) (since May)": what follows the link
    at = s.casefold().find(word.casefold())
    rest = s[linked:] if linked else s[at + len(word) :] if at >= 0 and word else ""
    rest = rest.strip(" \t()[]—–-:;,*_")
    return rest if any(c.isalnum() for c in rest) else ""


_MARKS = ("**", "__", "~~", "*", "_", "`")
_REMARK_DASHES = (" — ", " – ", " - ", " -- ", ": ", "; ", ", ")


def _strip_marks(s: str) -> str:
    for mark in _MARKS:
        if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
            return s[len(mark) : -len(mark)].strip()
        if s.startswith(mark) and s.count(mark) >= 2 and mark != "~~":
            # "**Approved** (since May)": keep the emphasised word, the rest is a remark
            inner, _, rest = s[len(mark) :].partition(mark)
            if inner.strip() and rest.strip()[:1] in ("(", "[", "—", "–", "-", ",", ";", ":"):
                return inner.strip()
    return s


def _strip_remark(s: str) -> str:
    """``Draft (awaiting review)`` -> ``Draft``; ``Review — legal`` -> ``Review``;
    ``Approved on 2026-11-03``, ``Approved 3 Nov 2026``, ``Approved by the CFO`` -> ``Approved``."""
    after = leading_link_end(s)  # "[Approved](#) (since May)": the link's "(#)" is no remark
    for opener, closer in (("(", ")"), ("[", "]")):
        at = s.find(opener, after)
        if at > 0 and s.endswith(closer):
            return s[:at].strip()
    for dash in _REMARK_DASHES:
        at = s.find(dash)
        if at > 0:
            return s[:at].strip()
    m = _DATED_REMARK.search(s)
    return s[: m.start()].strip() if m is not None and m.start() > 0 else s


# A month, whole or cut short, in the languages of the template's labels (en, de, fr, es, pt):
# "3 Nov 2026", "3. März", "3 de março", "Nov 3".  Only a month: a status such as "Stage 1 Sizing" or
# "Phase 2 Pilot" has a number and a word after it too (its badge read "Stage").
_MONTH = (
    r"(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar|rero)?|f[ée]v(?:rier|ereiro)?|ene(?:ro)?"
    r"|mar(?:ch|s|zo|ço)?|m[äa]rz|apr(?:il)?|avr(?:il)?|abr(?:il)?|ma[iy]|maio|mayo|jun[ei]?|juin|junho"
    r"|jul[iy]?|juil(?:let)?|julho|julio|aug(?:ust)?|ao[ûu]t?|ago(?:sto)?|sept?(?:ember|embre|iembre)?"
    r"|set(?:embro)?|o[ck]t(?:ober|obre)?|out(?:ubro)?|nov(?:ember|embre|iembre|embro)?"
    r"|d[eé]c(?:ember|embre)?|dez(?:ember|embro)?|dic(?:iembre)?)\.?(?=[\s,;)]|$)"
)
# A remark after the status word that says when, where or by whom: "on 2026-11-03", "since
# May", "by the CFO", "2026-11-03", "3 Nov 2026", "Nov 3, 2026", "in v2.1", "v0.3", "am 3. März",
# "le 3 avril", "el 3 de marzo"; one pass.
_DATED_REMARK = re.compile(
    r"[ \t](?=(?:on|since|as of|by|at|effective|until|till|from|per|pending|signed)[ \t]"
    r"|in[ \t](?:v[0-9]|version[ \t]|release[ \t]|sprint[ \t]|q[1-4])|v[0-9]"
    r"|(?:le|am|el|em|seit|depuis|desde)[ \t][0-9]"
    r"|[0-9]{1,4}[-/.][0-9]|[0-9]{1,2}(?:st|nd|rd|th)?\.?[ \t](?:de[ \t])?"
    + _MONTH
    + r"|"
    + _MONTH
    + r"[ \t][0-9])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace columns ``start`` to ``end`` of 1-based line ``line`` by ``text``.

    Columns are 0-based offsets in code points into the line as
    :func:`~mkdocs_prd.core.parse.lines.split_lines` gives it (without its line ending,
    and without a BOM on line 1), ``start <= end <= len(line)``; an edit never spans
    a line ending, so the file's line endings are never touched.
    """

    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe fix for one finding: ``title`` says what it does (``Write `2026-01-17```),
    ``edits`` are applied together or not at all (they do not overlap)."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation result.  ``path`` is relative to ``docs_dir``; ``line`` is 1-based.

    ``fix`` is set when the rule knows the right text for certain (see
    :mod:`mkdocs_prd.core.fix`); the CLI's ``--fix`` and the language server's code
    actions apply the same edits.
    """

    rule: str
    severity: Severity
    path: str
    line: int
    message: str
    hint: str = ""
    fix: Fix | None = None

    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def fixable(self) -> bool:
        """Whether ``mkdocs-prd lint --fix`` (and the editor's quick fix) fixes this finding."""
        return self.fix is not None


# --- Cheaper construction -----------------------------------------------------------


class _Factory:
    """The default of a field with a default factory in a generated ``__init__``."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _direct_init(cls: type) -> None:
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that fills its slots directly.

    The ``__init__`` that ``dataclasses`` writes for a frozen class calls
    ``object.__setattr__`` per field, which looks the field up by name each time; the
    parser builds over a hundred records per page, so that was a noticeable share of a
    parse.  This ``__init__`` has the same signature, defaults and default factories,
    but calls each slot's descriptor directly (about twice as fast).  Instances stay
    frozen (``__setattr__`` still raises) and ``__eq__``, ``__hash__``, ``__repr__``,
    ``dataclasses.replace`` / ``fields`` / ``asdict`` are the ones ``dataclasses`` made.
    """
    if any(not f.init or f.kw_only for f in dataclass_fields(cls)):
        return  # such fields need dataclasses' own __init__; none here has them yet
    namespace: dict[str, object] = {"_FACTORY": _FACTORY}
    params: list[str] = []
    body: list[str] = []
    for f in dataclass_fields(cls):
        name = f.name
        namespace[f"_set_{name}"] = cls.__dict__[name].__set__
        value = name
        if f.default is not MISSING:
            namespace[f"_default_{name}"] = f.default
            params.append(f"{name}=_default_{name}")
        elif f.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = f.default_factory
            params.append(f"{name}=_FACTORY")
            value = f"_factory_{name}() if {name} is _FACTORY else {name}"
        else:
            params.append(name)
        body.append(f"    _set_{name}(self, {value})\n")
    source = f"def __init__(self, {', '.join(params)}):\n{''.join(body) or '    pass'}\n"
    # As dataclasses itself does: the source is made only of this class's field names.
    exec(source, namespace)
    init = namespace["__init__"]
    assert callable(init)
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]


for _cls in list(globals().values()):
    if (
        isinstance(_cls, type)
        and _cls.__module__ == __name__
        and is_dataclass(_cls)
        and _cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        and "__slots__" in _cls.__dict__
    ):
        _direct_init(_cls)
del _cls
