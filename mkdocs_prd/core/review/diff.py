"""What changed in one PRD between two revisions, compared by parsed model, not by text lines.

MkDocs-free, git-free: :func:`pair_prds` matches the PRDs of two revisions (same
Track ID first, so renamed and moved files are followed; then same path), and
:func:`compare` lists the changes of one pair as :class:`Change` records, each with
the line it is about (in the head revision, or in the base for what was removed).

Texts are compared with their whitespace collapsed, so re-wrapping a paragraph or
moving a section (which only shifts lines) is no change.  Requirements are matched
by id (``FR-3``), or by their text when they have none; acceptance criteria by
their text; IOSM targets by gate and metric.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from mkdocs_prd.core.model import Criterion, IosmTarget, Prd, Requirement, status_word
from mkdocs_prd.core.rules.base import PRIORITIES, is_bracketed

Side = Literal["base", "head"]
ChangeKind = Literal[
    "requirement_added",
    "requirement_removed",
    "requirement_changed",
    "requirement_renamed",
    "priority_raised",
    "priority_lowered",
    "criterion_added",
    "criterion_removed",
    "criterion_unticked",
    "iosm_tightened",
    "iosm_relaxed",
    "iosm_changed",
    "iosm_added",
    "iosm_removed",
]

CONTRACT_KINDS: frozenset[str] = frozenset(
    {
        "requirement_removed",
        "requirement_changed",
        "priority_raised",
        "priority_lowered",
        "criterion_removed",
        "criterion_unticked",
    }
)
"""Changes that alter what an approved PRD promises (PRD701)."""

EDITORIAL_ATTRIBUTES: frozenset[str] = frozenset(
    {"notes", "note", "comment", "comments", "rationale", "links", "see also", "references", "owner"}
)
"""Requirement bullets that explain rather than specify; a change to them is no contract change."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change: ``what`` names the item (``FR-2 `Export```), ``detail`` says how it changed."""

    kind: ChangeKind
    what: str
    detail: str
    side: Side
    line: int


@dataclass(frozen=True, slots=True)
class Pair:
    """A PRD at the base and/or the head revision (None on the side where it does not exist)."""

    base: Prd | None
    head: Prd | None

    @property
    def moved(self) -> bool:
        return self.base is not None and self.head is not None and self.base.path != self.head.path


def norm(text: str | None) -> str:
    """``text`` with runs of whitespace collapsed (None -> "")."""
    return " ".join((text or "").split())


_EMPHASIS = str.maketrans("", "", "*_`")
_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def text_key(text: str | None) -> str:
    """What a text says, for comparing two revisions: case, emphasis marks (``*_` ``), runs of
    whitespace and a trailing ``.;,:`` do not count, so re-formatting is no change."""
    return norm((text or "").translate(_EMPHASIS)).casefold().rstrip(" .;,:")


def status_key(status: str | None) -> str:
    """A Status as PRD102 matches it: ``**Approved**`` and ``approved`` are the same."""
    return status_word(status or "").casefold()


def _track_key(prd: Prd) -> str | None:
    value = norm(prd.track_id).casefold()
    if not value or is_bracketed(value):
        return None
    return value


def pair_prds(base: Sequence[Prd], head: Sequence[Prd]) -> list[Pair]:
    """Match the PRDs of two revisions: by Track ID (unique on both sides), then by path.

    Unmatched base PRDs were deleted (``head`` None), unmatched head PRDs added.
    Pairs come in head path order (base path for deletions).
    """
    base_keys = Counter(k for p in base if (k := _track_key(p)))
    head_keys = Counter(k for p in head if (k := _track_key(p)))
    head_by_key = {k: p for p in head if (k := _track_key(p)) and head_keys[k] == 1}
    pairs: list[Pair] = []
    used: set[str] = set()
    rest: list[Prd] = []
    for prd in base:
        key = _track_key(prd)
        match = head_by_key.get(key) if key and base_keys[key] == 1 else None
        if match is not None:
            pairs.append(Pair(prd, match))
            used.add(match.path)
        else:
            rest.append(prd)
    head_by_path = {p.path: p for p in head if p.path not in used}
    for prd in rest:
        same = head_by_path.pop(prd.path, None)
        pairs.append(Pair(prd, same))
        if same is not None:
            used.add(same.path)
    pairs.extend(Pair(None, p) for p in head if p.path not in used)
    return sorted(pairs, key=_pair_path)


def _pair_path(pair: Pair) -> str:
    prd = pair.head or pair.base
    return prd.path if prd is not None else ""


# --- requirements -------------------------------------------------------------------


def _req_key(req: Requirement) -> tuple[str, str]:
    if req.id:
        return (req.kind, _LEADING_ZEROS.sub("", req.id.casefold()))  # FR-01 is FR-1
    return (req.kind, "text:" + text_key(req.name))


def _req_label(req: Requirement) -> str:
    name = norm(req.name)
    if len(name) > 60:
        name = name[:59] + "…"
    return f"{req.id} `{name}`" if req.id else f"`{name}`"


def _priority(req: Requirement) -> str:
    return req.level or norm(req.priority)


def _contents(req: Requirement) -> dict[str, str]:
    """The requirement's specifying texts by lower-case key (``description``, ``acceptance`` …).

    Every form the parser reads is compared: a one-line item by its whole text (its
    :attr:`~Requirement.statement`), a block or heading by its bullets, label lines and the
    text under or after its title, a table row by its cells."""
    out: dict[str, str] = {}
    if req.form == "list":
        out["description"] = text_key(req.statement or req.name)
    elif req.statement:
        out["description"] = text_key(req.statement)  # the paragraph under "#### FR-1: Export"
    for a in req.attributes:
        key = norm(a.key).casefold()
        if key == "priority" or key in EDITORIAL_ATTRIBUTES:
            continue
        out[key] = (out.get(key, "") + " " + text_key(a.value)).strip()
    return out


def _requirement_changes(base: Sequence[Requirement], head: Sequence[Requirement]) -> list[Change]:
    out: list[Change] = []
    base_by = _first_by_key(base)
    head_by = _first_by_key(head)
    for key, req in head_by.items():
        old = base_by.get(key)
        if old is None:
            out.append(Change("requirement_added", _req_label(req), "added", "head", req.line))
            continue
        old_c, new_c = _contents(old), _contents(req)
        changed = sorted(k for k in old_c.keys() | new_c.keys() if old_c.get(k, "") != new_c.get(k, ""))
        if changed:
            out.append(Change("requirement_changed", _req_label(req), _changed(changed), "head", req.line))
        elif req.form == "block" and text_key(old.name) != text_key(req.name):
            out.append(
                Change("requirement_renamed", _req_label(req), f"was `{norm(old.name)}`", "head", req.line)
            )
        before, after = _priority(old), _priority(req)
        if before != after:
            out.append(_priority_change(req, before, after))
    for key, req in base_by.items():
        if key not in head_by:
            out.append(Change("requirement_removed", _req_label(req), "removed", "base", req.line))
    return out


_TEXT_PARTS = frozenset({"description", "requirement", "statement", "text", "name", "title"})
"""Parts of a requirement that are its text: a table's Requirement column, a list item's whole line."""


def _changed(parts: Sequence[str]) -> str:
    """``text changed``, ``text and acceptance changed``: what changed in a requirement."""
    names = list(dict.fromkeys("text" if p in _TEXT_PARTS else p for p in parts))
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{said} changed"


def _first_by_key(reqs: Iterable[Requirement]) -> dict[tuple[str, str], Requirement]:
    out: dict[tuple[str, str], Requirement] = {}
    for req in reqs:
        out.setdefault(_req_key(req), req)
    return out


def _priority_change(req: Requirement, before: str, after: str) -> Change:
    line = req.priority_line or req.line
    detail = f"priority `{before or 'none'}` → `{after or 'none'}`"
    rank = {p: i for i, p in enumerate(PRIORITIES)}  # Must first: a lower index is a higher priority
    if before in rank and after in rank:
        kind: ChangeKind = "priority_raised" if rank[after] < rank[before] else "priority_lowered"
    else:
        kind = "priority_raised" if after in rank and before not in rank else "priority_lowered"
    return Change(kind, _req_label(req), detail, "head", line)


# --- acceptance criteria ---------------------------------------------------------------


def _criterion_changes(base: Sequence[Criterion], head: Sequence[Criterion]) -> list[Change]:
    out: list[Change] = []
    head_count = Counter(text_key(c.text) for c in head)
    head_checked = Counter(text_key(c.text) for c in head if c.checked)
    base_count = Counter(text_key(c.text) for c in base)
    seen: Counter[str] = Counter()
    seen_checked: Counter[str] = Counter()
    for c in base:
        key = text_key(c.text)
        seen[key] += 1
        if seen[key] > head_count[key]:
            out.append(Change("criterion_removed", _quote(c.text), "removed", "base", c.line))
        elif c.checked:
            seen_checked[key] += 1
            if seen_checked[key] > head_checked[key]:
                out.append(
                    Change("criterion_unticked", _quote(c.text), "unticked", "head", _line_of(head, key))
                )
    added: Counter[str] = Counter()
    for c in head:
        key = text_key(c.text)
        added[key] += 1
        if added[key] > base_count[key]:
            out.append(Change("criterion_added", _quote(c.text), "added", "head", c.line))
    return out


def _line_of(criteria: Sequence[Criterion], key: str) -> int:
    for c in criteria:
        if text_key(c.text) == key and not c.checked:
            return c.line
    return next((c.line for c in criteria if text_key(c.text) == key), 1)


def _quote(text: str, limit: int = 60) -> str:
    flat = norm(text)
    return f"`{flat[: limit - 1]}…`" if len(flat) > limit else f"`{flat}`"


# --- IOSM targets --------------------------------------------------------------------------

_HIGHER_IS_TIGHTER = {">=": True, ">": True, "reduced by": True, "<=": False, "<": False}


def _target_key(t: IosmTarget) -> tuple[str, str]:
    # A target that names no metric ("Gate-S: no new service without an owner") is known by its text.
    return (t.gate, norm(t.metric or t.raw).casefold())


def _target_name(t: IosmTarget) -> str:
    return f"{t.gate} `{norm(t.metric)}`" if t.metric else f"Gate-{t.gate}"


def _iosm_changes(base: Prd, head: Prd) -> list[Change]:
    out: list[Change] = []
    old = {_target_key(t): t for t in base.iosm.targets}
    new = {_target_key(t): t for t in head.iosm.targets}
    for key, t in new.items():
        what = _target_name(t)
        before = old.get(key)
        if before is None:
            out.append(Change("iosm_added", what, f"target `{norm(t.raw)}` added", "head", t.line))
        elif norm(before.raw) != norm(t.raw):
            out.append(
                Change(_direction(before, t), what, f"`{norm(before.raw)}` → `{norm(t.raw)}`", "head", t.line)
            )
    for key, t in old.items():
        if key not in new:
            what = _target_name(t)
            out.append(Change("iosm_removed", what, f"target `{norm(t.raw)}` removed", "base", t.line))
    bt, ht = base.iosm.index.target, head.iosm.index.target
    if bt is not None and ht is not None and norm(bt.raw) != norm(ht.raw):
        kind: ChangeKind = "iosm_changed"
        if bt.value is not None and ht.value is not None and bt.value != ht.value:
            kind = "iosm_tightened" if ht.value > bt.value else "iosm_relaxed"
        out.append(Change(kind, "IOSM-Index target", f"`{norm(bt.raw)}` → `{norm(ht.raw)}`", "head", ht.line))
    return out


def _direction(before: IosmTarget, after: IosmTarget) -> ChangeKind:
    """Tightened or relaxed when both targets compare one number the same way, else changed."""
    if (
        before.operator == after.operator
        and before.operator in _HIGHER_IS_TIGHTER
        and before.unit == after.unit
        and before.value is not None
        and after.value is not None
        and before.value != after.value
    ):
        higher = after.value > before.value
        return "iosm_tightened" if higher == _HIGHER_IS_TIGHTER[before.operator] else "iosm_relaxed"
    return "iosm_changed"


# --- one PRD -------------------------------------------------------------------------------


def compare(base: Prd, head: Prd) -> list[Change]:
    """Every change from ``base`` to ``head`` (two revisions of one PRD), in a stable order."""
    changes = _requirement_changes(
        (*base.functional, *base.non_functional), (*head.functional, *head.non_functional)
    )
    changes += _criterion_changes(base.criteria, head.criteria)
    changes += _iosm_changes(base, head)
    return changes


def meta_changed(base: Prd, head: Prd, key: str) -> tuple[str, str] | None:
    """``(before, after)`` when metadata ``key`` (``status``, ``version`` …) changed, else None."""
    before, after = norm(base.metadata.value(key)), norm(head.metadata.value(key))
    if (status_key(before) if key == "status" else before.casefold()) == (
        status_key(after) if key == "status" else after.casefold()
    ):
        return None
    return before, after
