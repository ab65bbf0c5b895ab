"""The change-review findings (PRD701-PRD704) of two revisions' PRDs, and their summary.

MkDocs-free, git-free: :func:`review` takes the parsed PRDs and sources of a base and
a head revision (see :mod:`mkdocs_prd.core.review.revisions`) and returns
:class:`~mkdocs_prd.core.model.Finding` objects like ``lint`` does, with paths
relative to ``docs_dir``: in the head revision, or in the base one for what was
removed.  Severities follow the site's ``rules:`` option and a page's
``prd_ignore``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from mkdocs_prd.core.includes import Expanded
from mkdocs_prd.core.model import Finding, Prd, Section
from mkdocs_prd.core.parse.prd import decode_source
from mkdocs_prd.core.review import ruleset
from mkdocs_prd.core.review.diff import (
    CONTRACT_KINDS,
    Change,
    Pair,
    compare,
    meta_changed,
    norm,
    pair_prds,
    status_key,
)
from mkdocs_prd.core.rules.base import Rule, heading_line, is_bracketed
from mkdocs_prd.core.rules.validate import counted, severity_of, sort_findings
from mkdocs_prd.core.settings import Settings

ReviewKind = Literal["added", "deleted", "modified", "unchanged"]

_SUMMARY_GROUPS: tuple[tuple[str, str, str], ...] = (
    # (change kind, label for one, label for several): "1 requirement removed", "2 requirements removed"
    ("requirement_added", "requirement added", "requirements added"),
    ("requirement_removed", "requirement removed", "requirements removed"),
    ("requirement_changed", "requirement changed", "requirements changed"),
    ("requirement_renamed", "requirement renamed", "requirements renamed"),
    ("priority_raised", "priority raised", "priorities raised"),
    ("priority_lowered", "priority lowered", "priorities lowered"),
    ("criterion_added", "acceptance criterion added", "acceptance criteria added"),
    ("criterion_removed", "acceptance criterion removed", "acceptance criteria removed"),
    ("criterion_unticked", "acceptance criterion unticked", "acceptance criteria unticked"),
    ("iosm_tightened", "IOSM target tightened", "IOSM targets tightened"),
    ("iosm_relaxed", "IOSM target relaxed", "IOSM targets relaxed"),
    ("iosm_changed", "IOSM target changed", "IOSM targets changed"),
    ("iosm_added", "IOSM target added", "IOSM targets added"),
    ("iosm_removed", "IOSM target removed", "IOSM targets removed"),
)


@dataclass(frozen=True)
class PrdReview:
    """One PRD across the two revisions: what kind of change, and every change in it."""

    pair: Pair
    changes: tuple[Change, ...] = ()
    status: tuple[str, str] | None = None
    version: tuple[str, str] | None = None
    text_changed: bool = False
    read: tuple[Expanded | None, Expanded | None] = (None, None)
    """How the base and the head were read with what they include (None: as written); the
    models' lines are those of the text as read, mapped back to the files when reported."""
    sources: tuple[bytes | None, bytes | None] = (None, None)
    """The files of the base and the head as written, when given (to find a directive again)."""
    gone: str = ""
    """For a PRD missing at the head: why, when its file is still there (``no longer in the
    site's `paths```, ``no longer detected as a PRD …``); empty when the file was deleted or moved."""

    @property
    def kind(self) -> ReviewKind:
        if self.pair.base is None:
            return "added"
        if self.pair.head is None:
            return "deleted"
        changed = self.changes or self.status or self.version or self.text_changed or self.pair.moved
        return "modified" if changed else "unchanged"

    @property
    def prd(self) -> Prd:
        """The head revision of the PRD (the base one when it was deleted)."""
        prd = self.pair.head or self.pair.base
        assert prd is not None
        return prd


@dataclass(frozen=True)
class ReviewResult:
    """Findings sorted by path, line and rule; ``reviews`` every PRD of either revision."""

    findings: list[Finding] = field(default_factory=list)
    reviews: list[PrdReview] = field(default_factory=list)


def version_key(version: str | None) -> str:
    """A Version compared loosely: ``v1.2`` and ``1.2`` are the same version."""
    v = norm(version).casefold()
    return v[1:] if v.startswith("v") and v[1:2].isdigit() else v


def review(
    base: Sequence[Prd],
    head: Sequence[Prd],
    settings: Settings,
    base_sources: Mapping[str, bytes] | None = None,
    head_sources: Mapping[str, bytes] | None = None,
    *,
    base_expanded: Mapping[str, Expanded] | None = None,
    head_expanded: Mapping[str, Expanded] | None = None,
) -> ReviewResult:
    """Compare the PRDs of two revisions; ``*_sources`` (path -> bytes) tell edits outside the model.

    ``*_expanded`` (path -> :class:`~mkdocs_prd.core.includes.Expanded`) are the PRDs that
    were parsed with what they include (:class:`~mkdocs_prd.core.review.revisions.Revision`):
    a change that comes through an included file is reported on the including PRD, at the
    directive's line, naming the file and line it stands on.
    """
    reviews: list[PrdReview] = []
    for pair in pair_prds(base, head):
        read = (
            (base_expanded or {}).get(pair.base.path) if pair.base is not None else None,
            (head_expanded or {}).get(pair.head.path) if pair.head is not None else None,
        )
        if pair.base is None or pair.head is None:
            gone = ""
            if pair.base is not None and head_sources is not None and pair.base.path in head_sources:
                gone = _why_not_a_prd(pair.base.path, settings)
            reviews.append(PrdReview(pair, read=read, gone=gone))
            continue
        text_changed = True
        sources: tuple[bytes | None, bytes | None] = (None, None)
        if base_sources is not None and head_sources is not None:
            sources = (base_sources.get(pair.base.path), head_sources.get(pair.head.path))
            text_changed = base_sources.get(pair.base.path) != head_sources.get(pair.head.path) or (
                (read[0].text if read[0] else None) != (read[1].text if read[1] else None)
            )
        reviews.append(
            PrdReview(
                pair,
                tuple(compare(pair.base, pair.head)),
                meta_changed(pair.base, pair.head, "status"),
                None
                if version_key(pair.base.metadata.value("version"))
                == version_key(pair.head.metadata.value("version"))
                else (norm(pair.base.metadata.value("version")), norm(pair.head.metadata.value("version"))),
                text_changed,
                read,
                sources,
            )
        )
    findings: list[Finding] = []
    for r in reviews:
        findings += _findings(r, settings)
    return ReviewResult(sort_findings(findings), reviews)


def _findings(r: PrdReview, settings: Settings) -> list[Finding]:
    out: list[Finding] = []
    emit = _Emitter(r, settings, out)
    base, head = r.pair.base, r.pair.head
    if base is not None and head is not None:
        if _is_approved(base.status, settings) and r.version is None:
            for c in one_per_requirement(r.changes):
                if c.kind in CONTRACT_KINDS:
                    message = (
                        f"{c.what}: {c.detail} in a PRD that was `{norm(base.status)}`, "
                        f"and the Version is still `{norm(head.metadata.value('version')) or 'none'}`"
                    )
                    hint = "Bump the Version, add a change-log row for it, and send the PRD for review again"
                    if c.side == "head":
                        emit(ruleset.CONTRACT, "head", c.line, message, hint)
                        continue
                    # What was removed is reported on the head file, at the section it was in
                    # (its base line number would point at another line of the head file), or,
                    # when it came through an include, where the head includes that file.
                    origin = _origin(r.read[0], c.line)
                    if origin is None:
                        emit(ruleset.CONTRACT, "head", removed_at(base, head, c.line), message, hint)
                        continue
                    at = _included_from(r.read[1], origin[0]) or _same_directive(r, c.line)
                    message += f" (in {origin[0]} line {origin[1]} at the base revision, included here)"
                    at = at or removed_at(base, head, c.line)
                    emit(ruleset.CONTRACT, "head", at, message, hint, note=False)
        if r.version is not None:
            _check_changelog(r, head, emit)
        if r.status is not None:
            _check_status(r.status, head, settings, emit, _re_reviewed(r, head))
    elif base is not None and _is_approved(base.status, settings) and not _retires(base.status):
        _approved_prd_gone(r, base, emit)
    if r.kind != "unchanged":
        emit(
            ruleset.SUMMARY, "head" if head is not None else "base", heading_line(r.prd), summary_text(r), ""
        )
    return out


_REQUIREMENT_EDITS = frozenset({"requirement_changed", "priority_raised", "priority_lowered"})


def one_per_requirement(changes: Sequence[Change]) -> list[Change]:
    """``changes`` with the edits of one requirement in head (its text, parts, priority) joined
    into one: ``text changed and priority `Must` → `Should```, at the first one's line, so a
    requirement whose text and priority changed is one finding, not two."""
    out: list[Change] = []
    at: dict[str, int] = {}
    for c in changes:
        if c.side == "head" and c.kind in _REQUIREMENT_EDITS:
            i = at.get(c.what)
            if i is not None:
                out[i] = replace(out[i], detail=f"{out[i].detail} and {c.detail}")
                continue
            at[c.what] = len(out)
        out.append(c)
    return out


def removed_at(base: Prd, head: Prd, line: int) -> int:
    """Where in ``head`` something is gone that was on ``line`` of ``base``: the head line of
    the innermost section that held it and is still there (matched by template key, else by
    title, case ignored), else the head's title line."""
    chain: list[Section] = []
    sections: Sequence[Section] = base.sections
    while True:
        inner = next((x for x in sections if x.line <= line <= x.end_line), None)
        if inner is None:
            break
        chain.append(inner)
        sections = inner.subsections
    for wanted in reversed(chain):
        found = _same_section(head.sections, wanted)
        if found is not None:
            return found.line
    return heading_line(head)


def _same_section(sections: Sequence[Section], wanted: Section) -> Section | None:
    for x in sections:
        same_key = wanted.key is not None and x.key == wanted.key and x.level == wanted.level
        if same_key or norm(x.title).casefold() == norm(wanted.title).casefold():
            return x
        found = _same_section(x.subsections, wanted)
        if found is not None:
            return found
    return None


class _Emitter:
    """Adds a finding of ``rule`` for one reviewed PRD, unless the site or the page silences it."""

    def __init__(self, r: PrdReview, settings: Settings, out: list[Finding]) -> None:
        self.r, self.settings, self.out = r, settings, out

    def __call__(self, rule: Rule, side: str, line: int, message: str, hint: str, note: bool = True) -> None:
        """Report at ``line`` of the ``side``'s model: on its file's own line; a line that came
        through an include is its directive's, and (with ``note``) the message says from where."""
        base = side == "base" and self.r.pair.base is not None
        prd = self.r.pair.base if base and self.r.pair.base is not None else self.r.prd
        severity = severity_of(rule, self.settings)
        if severity is None or rule.id in self.r.prd.ignored_rules:
            return
        read = self.r.read[0] if base else self.r.read[1] if self.r.pair.head is not None else self.r.read[0]
        if read is not None:
            origin = _origin(read, line)
            if note and origin is not None:
                message += f" (in {origin[0]} line {origin[1]}, included here)"
            line = read.own_line(line)
        self.out.append(Finding(rule.id, severity, prd.path, max(line, 1), message, hint))


def _origin(read: Expanded | None, line: int) -> tuple[str, int] | None:
    """The included ``(file, line)`` that ``line`` of a page as read came from; None for the page's own."""
    return read.origin[line - 1] if read is not None and 1 <= line <= len(read.origin) else None


def _same_directive(r: PrdReview, line: int) -> int | None:
    """The line of the head as read where its file has the base's directive that included
    ``line`` of the base as read (the same text), or None."""
    base_read, (base_source, head_source) = r.read[0], r.sources
    if base_read is None or base_source is None or head_source is None:
        return None
    base_lines = decode_source(base_source)[0].split("\n")
    own = base_read.own_line(line)
    directive = base_lines[own - 1].strip() if 1 <= own <= len(base_lines) else ""
    if not directive:
        return None
    head_lines = decode_source(head_source)[0].split("\n")
    at = next((n for n, text in enumerate(head_lines, 1) if text.strip() == directive), None)
    head_read = r.read[1]
    if at is None or head_read is None:
        return at
    return next((n for n, own_ in enumerate(head_read.own, 1) if own_ == at), None)


def _included_from(read: Expanded | None, file: str) -> int | None:
    """The first line of a page as read that came from the included ``file`` (its directive's
    line once reported); None when the page does not include it."""
    if read is None:
        return None
    lines = (i for i, origin in enumerate(read.origin, 1) if origin is not None and origin[0] == file)
    return next(lines, None)


def _check_changelog(r: PrdReview, head: Prd, emit: _Emitter) -> None:
    assert r.version is not None
    new = r.version[1]
    if not new or is_bracketed(new):
        return
    if any(version_key(row.version) == version_key(new) for row in head.changelog):
        return
    field_ = head.metadata.get("version")
    emit(
        ruleset.CHANGELOG,
        "head",
        field_.line if field_ else heading_line(head),
        f"Version `{r.version[0] or 'none'}` → `{new}`, but the change log has no row for `{new}`",
        f"Add a row `| {new} | date | author | what changed |` to the Change Log table of the Appendix",
    )


def _re_reviewed(r: PrdReview, head: Prd) -> bool:
    """Whether the change is the documented re-review: the Version was raised and the change log
    has a row for the new one ("raise the version, add a row to the change log and move the
    status back to Review when the scope changes")."""
    if r.version is None or not r.version[1] or r.version[0] == r.version[1]:
        return False
    return any(version_key(row.version) == version_key(r.version[1]) for row in head.changelog)


def _check_status(
    status: tuple[str, str], head: Prd, settings: Settings, emit: _Emitter, re_reviewed: bool = False
) -> None:
    order = [s.casefold() for s in settings.statuses]
    before, after = status_key(status[0]), status_key(status[1])
    if before not in order or after not in order:
        return  # an unknown status is PRD102's to report
    i, j = order.index(before), order.index(after)
    field_ = head.metadata.get("status")
    line = field_.line if field_ else heading_line(head)
    if j < i:
        if re_reviewed:
            return  # a new Version with its change-log row: the re-review, said in the summary
        emit(
            ruleset.STATUS,
            "head",
            line,
            f"Status moved backwards: `{status[0]}` → `{status[1]}`",
            "A PRD goes back for review with a new Version and a change-log row for it (then this is "
            "no finding); else keep the status. The order is the site's `statuses` option",
        )
    elif j > i + 1:
        skipped = ", ".join(f"`{s}`" for s in settings.statuses[i + 1 : j])
        hint = "Move through each status in turn; the order is the site's `statuses` option"
        emit(ruleset.STATUS, "head", line, f"Status `{status[0]}` → `{status[1]}` skipped {skipped}", hint)


RETIRED_WORDS: frozenset[str] = frozenset(
    {"retired", "deprecated", "superseded", "obsolete", "archived", "withdrawn", "cancelled"}
    | {"canceled", "rejected", "abandoned", "zurückgezogen", "veraltet", "obsolète", "retiré", "retirée"}
    | {"obsoleto", "obsoleta", "retirado", "retirada"}
)
"""Status words (case-folded) that retire a PRD: such a PRD may be deleted, even where the
site's ``statuses`` list the status after the approved one."""


def _retires(status: str | None) -> bool:
    return (status or "").casefold() in RETIRED_WORDS


def _why_not_a_prd(path: str, settings: Settings) -> str:
    """Why a page that was a PRD at the base, and is still there, is not one at the head."""
    if not settings.in_scope(path):
        return "its file is still there but no longer in the site's `paths`"
    return "its file is still there but no longer detected as a PRD (no `PRD:` title, no `type: prd`)"


def _approved_prd_gone(r: PrdReview, base: Prd, emit: _Emitter) -> None:
    """PRD701 for an approved PRD missing at the head: the whole contract removed, each
    requirement with it (named, as a removed requirement is)."""
    ids = [q.id or q.name for q in (*base.functional, *base.non_functional)]
    named = ", ".join(ids[:8]) + (f", … ({len(ids)} in all)" if len(ids) > 8 else "")
    parts = [f"requirements {named}" if len(ids) > 1 else f"requirement {named}"] if ids else []
    if base.criteria:
        parts.append(f"{len(base.criteria)} acceptance criteri{'a' if len(base.criteria) > 1 else 'on'}")
    lost = f"; its {' and '.join(parts)} go with it" if parts else ""
    version = norm(base.metadata.value("version")) or "none"
    was = f"PRD `{norm(base.title)}` was `{norm(base.status)}` (Version `{version}`)"
    if r.gone:
        message = f"{was} and {r.gone}{lost}"
        hint = (
            "Give the page back what makes it a PRD (its `PRD:` title or `type: prd`, a path in `paths`), "
            "or retire it with a status (e.g. `Retired`) instead"
        )
    else:
        message = f"{was} and is deleted{lost}"
        hint = (
            "Retire an approved PRD with a status (e.g. `Retired`, listed in the site's `statuses`) "
            "instead of deleting it; if it was moved, keep its Track ID so review follows it"
        )
    emit(ruleset.CONTRACT, "base", heading_line(base), message, hint)


def _is_approved(status: str | None, settings: Settings) -> bool:
    """Approved, or a status after it in the site's order (see ``Settings.approved_statuses``)."""
    return settings.is_approved(status)


def summary_parts(r: PrdReview) -> list[str]:
    """The summary of one PRD's changes as short phrases, most important first."""
    base, head = r.pair.base, r.pair.head
    if base is None:
        return [f"new PRD (status `{norm(r.prd.status) or 'none'}`)"]
    if head is None:
        version = norm(base.metadata.value("version")) or "none"
        gone = "no longer a PRD" if r.gone else "PRD deleted"
        return [f"{gone} (was `{norm(base.status) or 'none'}`, version `{version}`)"]
    parts: list[str] = []
    if r.pair.moved:
        parts.append(f"moved from `{base.path}`")
    if r.status:
        parts.append(f"status `{r.status[0] or 'none'}` → `{r.status[1] or 'none'}`")
    if r.version:
        parts.append(f"version `{r.version[0] or 'none'}` → `{r.version[1] or 'none'}`")
    for kind, one, several in _SUMMARY_GROUPS:
        items = [c for c in r.changes if c.kind == kind]
        if items:
            shown = "; ".join(_phrase(c) for c in items[:5])
            more = f"; and {len(items) - 5} more" if len(items) > 5 else ""
            parts.append(f"{len(items)} {one if len(items) == 1 else several}: {shown}{more}")
    if not parts and r.text_changed:
        parts.append(
            "text edited (no requirement, acceptance criterion, status, version or IOSM target changed)"
        )
    return parts


def _phrase(c: Change) -> str:
    return c.what if c.detail in ("added", "removed", "unticked") else f"{c.what} ({c.detail})"


def summary_text(r: PrdReview) -> str:
    """One line: ``Changes: status `Draft` → `Review`; 1 requirement added: FR-4 `Export` …``."""
    return "Changes: " + "; ".join(summary_parts(r))


def summary_markdown(result: ReviewResult, base_label: str, head_label: str) -> str:
    """The PRD704 summary as Markdown (a GitHub job summary): one section per changed PRD.

    Every text from a document is put in code spans or escaped, so a PRD cannot
    inject Markdown or HTML into the summary.
    """
    changed = [r for r in result.reviews if r.kind != "unchanged"]
    counts = {k: sum(1 for r in changed if r.kind == k) for k in ("added", "modified", "deleted")}
    errors = sum(1 for f in result.findings if f.severity.value == "error")
    warnings = sum(1 for f in result.findings if f.severity.value == "warning")
    out = [
        "## PRD change review",
        "",
        f"{_md(base_label)} → {_md(head_label)}: {counts['modified']} changed, {counts['added']} added, "
        f"{counts['deleted']} deleted; {counted(errors, 'error')}, {counted(warnings, 'warning')}.",
    ]
    if not changed:
        out += ["", "No PRD changed."]
    for r in changed:
        out += ["", f"### {_md(r.prd.title or r.prd.path)} ({r.kind})", "", f"`{_code(r.prd.path)}`", ""]
        out += [f"- {_md_phrase(p)}" for p in summary_parts(r)]
        for f in result.findings:
            if f.rule != "PRD704" and f.path in {p.path for p in (r.pair.base, r.pair.head) if p}:
                out.append(f"- **{f.rule} {f.severity.value}** (line {f.line}): {_md_phrase(f.message)}")
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    return text.replace("`", "'").replace("\n", " ")


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\*_[]()<>#!|~`"})


_BLANKS = re.compile(r"\s+")


def _md(text: str) -> str:
    """Plain text made inert in Markdown: every character Markdown or HTML would act on is
    escaped, and each run of blanks or line breaks is one space (kept at the ends too: the
    text between two code spans keeps the spaces that separate it from them)."""
    return _BLANKS.sub(" ", text).translate(_MD_SPECIAL).replace("&", "&amp;")


def _md_phrase(text: str) -> str:
    """A phrase whose document texts are in backticks: code spans kept, the rest escaped."""
    pieces = text.split("`")
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 and i < len(pieces) - 1:
            code = _BLANKS.sub(" ", piece)  # a line break would end the list item
            out.append(f"`{code}`" if code.strip() else "``")
        else:
            out.append(_md(piece))
    return "".join(out)
