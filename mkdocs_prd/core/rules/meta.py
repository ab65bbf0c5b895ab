"""Rules about reading the page and its metadata: PRD001, PRD101-PRD110.

A value that is still a template placeholder (``[YYYY-MM-DD]``, ``Draft | Review |
Approved | Implemented``) is reported once, by PRD107, and a filler (``TBD``, ``{{owner}}``)
once, by PRD110; the rules that check the value's form skip both: one problem, one finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from difflib import get_close_matches
from itertools import islice

from mkdocs_prd.core.model import CORE_FIELDS, TRANSLATED_LABELS, Field, Fix, Prd, Severity, status_word
from mkdocs_prd.core.parse.front import normalise_key
from mkdocs_prd.core.parse.header import read_line
from mkdocs_prd.core.parse.inline import without_comments
from mkdocs_prd.core.parse.sections import translated_title
from mkdocs_prd.core.rules.base import (
    Hit,
    RuleContext,
    code,
    heading_line,
    is_bracketed,
    page_rule,
    priority_placeholder,
    quote,
    site_rule,
    status_placeholder,
    version_text,
)
from mkdocs_prd.core.rules.dates import calendar_day, iso_date, split_time
from mkdocs_prd.core.rules.edits import core_value, replace_text
from mkdocs_prd.core.rules.filler import computed, find_fillers, is_filler, not_applicable, rendering
from mkdocs_prd.core.rules.gaps import approved, unmitigated, untestable
from mkdocs_prd.core.rules.placeholders import find_placeholders
from mkdocs_prd.core.settings import Settings

PROBLEM_RULES: dict[str, str] = {"yaml": "PRD001", "encoding": "PRD001"}
"""Parser problem codes that are findings.  Other codes (e.g. an IOSM line the parser
did not understand) are not: the author's text is still rendered as written."""

FIELD_LABELS: dict[str, str] = {
    "version": "Version",
    "date": "Date",
    "track_id": "Track ID",
    "owner": "Owner",
    "status": "Status",
}
_EXAMPLES: dict[str, str] = {
    "version": "1.0",
    "date": "2026-01-17",
    "track_id": "checkout-redesign",
    "owner": "Payments Team",
    "status": "Draft",
}

_VERSION = re.compile(
    r"\d+(?:\.\d+){0,2}"
    r"(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*|(?:a|b|rc|alpha|beta|dev|pre)\.?\d*)?"  # 0.3-rc1, 2.0rc1
    r"(?:\+[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?"  # SemVer build metadata
)
_PREFIXED_VERSION = re.compile(r"[vV][ .]?(\d+(?:\.\d+){0,2})")


@page_rule(
    "PRD001",
    Severity.ERROR,
    "the page cannot be read as a PRD: invalid YAML front matter, bytes that are not UTF-8",
)
def unreadable(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for problem in prd.problems:
        if PROBLEM_RULES.get(problem.code) == "PRD001":
            # Say what each host does with the page until it is fixed (docs/hosts.md).
            hint = (
                "Fix the YAML between the `---` lines at the top of the page (MkDocs builds the page "
                "without its front matter; a Zensical build stops at this page)"
                if problem.code == "yaml"
                else "Save the file as UTF-8 (MkDocs or ProperDocs with this plugin builds the page from "
                "a decoded copy with a notice on it; a Zensical build stops at this page)"
            )
            yield Hit(max(problem.line, 1), problem.message, hint)


def _front_matter_broken(prd: Prd) -> bool:
    """Whether the front matter is invalid YAML (PRD001): what it held is unknown, so a field or
    title missing may only follow from it."""
    return any(problem.code == "yaml" for problem in prd.problems)


@page_rule(
    "PRD101",
    Severity.ERROR,
    "a required metadata field is missing: Version, Date, Track ID, Owner, Status "
    "(from the header under the title in any form, or front matter; `Created`, `Last updated` count as Date, "
    "`Author`, `PM` as Owner, `State` as Status, also in German, Spanish, French and Portuguese: `Datum`, "
    "`Fecha`, `Verantwortlich`, `Responsable`, `Estado`; a header in a form that is not read is one finding)",
)
def required_fields(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    unread = next((p for p in prd.problems if p.code == "meta-form"), None)
    if unread is not None and all(prd.metadata.get(key) is None for key in CORE_FIELDS):
        # One finding for the form, not one per field it holds.
        yield Hit(
            unread.line,
            f"Required metadata is missing: {unread.message}",
            "Write the fields as `**Version:** 1.0` lines, a `| Field | Value |` table or a bullet list "
            "below the title (or in the front matter)",
        )
        return
    broken_front = _front_matter_broken(prd)
    for key in CORE_FIELDS:
        label = FIELD_LABELS[key]
        found = prd.metadata.get(key)
        hint = (
            f"Add {_header_line(prd, ctx, key)} below the title (or `{key}:` in the front matter)"
            if found is None
            else ""
        )
        if found is None:
            if broken_front:
                continue  # it may be in the front matter PRD001 cannot read: that finding says it all
            yield Hit(heading_line(prd), f"Required metadata field {label} is missing", hint)
        elif not found.value.strip():
            yield Hit(
                found.line, f"Required metadata field {label} is empty", f"Write a value after `{label}:`"
            )


_LOCAL_LABELS: dict[str, dict[str, str]] = {
    "de": {"version": "Version", "date": "Datum", "owner": "Verantwortlich", "status": "Status"},
    "es": {"version": "Versión", "date": "Fecha", "owner": "Responsable", "status": "Estado"},
    "fr": {"version": "Version", "date": "Date", "owner": "Propriétaire", "status": "Statut"},
    "pt": {"version": "Versão", "date": "Data", "owner": "Responsável", "status": "Situação"},
}
"""The required fields' labels in the languages the header is read in (Track ID is Track ID)."""
_LABEL_LANGUAGES: dict[str, str] = {
    **dict.fromkeys(("datum", "verantwortlich", "verantwortliche", "fassung", "stand", "eigentümer"), "de"),
    **dict.fromkeys(("fecha", "responsable", "estado", "versión", "propietario"), "es"),
    **dict.fromkeys(("statut", "propriétaire", "auteur"), "fr"),
    **dict.fromkeys(("versão", "responsável", "situação", "dono", "data"), "pt"),
}


def _header_line(prd: Prd, ctx: RuleContext, key: str) -> str:
    """The line to add for a missing field, as the page writes its header: the label in the
    language of its other labels (``Verantwortlich`` beside ``Datum``), in the form of one of its
    one-field lines (``| Verantwortlich | Payments Team |``, ``Owner - Payments Team``), else the
    template's ``**Owner:** Payments Team`` line."""
    header = [f for f in prd.metadata.fields if f.source == "header"]
    languages = [_LABEL_LANGUAGES[k] for f in header if (k := normalise_key(f.label)) in _LABEL_LANGUAGES]
    language = max(set(languages), key=languages.count) if languages else ""
    label = _LOCAL_LABELS.get(language, {}).get(key, FIELD_LABELS[key])
    example = _EXAMPLES[key]
    for f in header:
        line = without_comments(ctx.lines[f.line - 1].strip()) if 0 < f.line <= len(ctx.lines) else ""
        value = f.value.strip()
        if (
            value
            and len(line) <= 120
            and line.count(f.label) == 1
            and line.count(value) == 1
            and line.index(f.label) < line.index(value)
            and ((line.startswith("|") and line.count("|") == 3) or len(read_line(line, f.line)) == 1)
        ):
            written = line.replace(value, example).replace(f.label, label, 1)
            return f"a {code(written)} line" if not line.startswith("|") else f"a {code(written)} row"
    return f"a `**{label}:** {example}` line"


def _listed(statuses: Sequence[str], most: int = 10) -> str:
    """The site's statuses for a message: all of them, or the first ``most - 2`` and how many
    more (a site with 50 statuses filled the findings panel with them, twice)."""
    if len(statuses) <= most:
        return ", ".join(statuses)
    return ", ".join(statuses[: most - 2]) + f" and {len(statuses) - most + 2} more (the plugin's `statuses`)"


@page_rule(
    "PRD102",
    Severity.ERROR,
    "Status is not one of the site's statuses "
    "(default Draft, Review, Approved, Implemented; configurable; matched case-insensitively; "
    "emphasis, backticks, emoji, a link round it and a remark after the word are not part of it: "
    "`**Approved**`, `✅ Approved`, `[Approved](#)`, `Draft (awaiting review)` are fine)",
    fixable="a status written with other separators (`in-review`, `IN_REVIEW` for `In Review`), "
    "or a word the site's `status_aliases` maps to a status",
)
def unknown_status(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    found = prd.metadata.get("status")
    if found is None or not found.value.strip() or status_placeholder(found.value, ctx.settings):
        return
    if is_filler(found.value) or computed(found.value, prd, ctx.settings):
        return  # PRD110's finding, or a value the site's templates compute
    allowed = {s.casefold() for s in ctx.settings.statuses}
    word = status_word(found.value)
    if word.casefold() not in allowed:
        choices = _listed(ctx.settings.statuses)
        near = nearest_status(word, ctx.settings.statuses)
        alias = f" (`{{{word}: {near}}}`)" if near is not None and _plain_word(word) else ""
        hint = (
            f"Did you mean `{near}`? Write it, or map the word in the plugin's `status_aliases`"
            f"{alias}, or add it to `statuses`"
            if near is not None
            else f"Use one of {choices}, or add the status to the plugin's `statuses` option "
            f"(or map it to one in `status_aliases`)"
        )
        yield Hit(
            found.line,
            f"Status {quote(found.value)} is not one of the site's statuses ({choices})",
            hint,
            _status_fix(found, ctx),
        )


# Words teams use for the default statuses (the site's own spelling is looked up).
_STATUS_KIN: dict[str, tuple[str, ...]] = {
    "draft": ("wip", "proposed", "proposal", "idea", "new"),
    "review": ("in review", "under review", "pending review", "review pending", "reviewing", "for review"),
    "approved": ("accepted", "signed off", "agreed", "ready"),
    "implemented": ("done", "shipped", "released", "live", "launched", "complete", "completed", "delivered"),
}


def nearest_status(word: str, statuses: Sequence[str]) -> str | None:
    """The site status a status word most likely means: one it contains (``In Review`` ->
    ``Review``), one a team's usual word names (``Shipped`` -> ``Implemented``, ``WIP`` ->
    ``Draft``), or the closest spelling (``Aproved`` -> ``Approved``); None when none is near."""
    low = " ".join(_SEPARATORS.sub(" ", word).split()).casefold()
    for status in statuses:
        if re.search(rf"\b{re.escape(status.casefold())}\b", low):
            return status
    for status in statuses:
        if low in _STATUS_KIN.get(status.casefold(), ()):
            return status
    close = get_close_matches(low, [s.casefold() for s in statuses], n=1, cutoff=0.75)
    return next((s for s in statuses if close and s.casefold() == close[0]), None)


_SEPARATORS = re.compile(r"[\s\-_.`*]+")
_REMARK = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _filler_with_remark(field: Field) -> bool:
    """A required field whose value is filler with a remark in brackets (``**Owner:** TBD
    (Search team)``): still unfilled; a remark names a guess, not the value."""
    if field.key not in CORE_FIELDS:
        return False
    bare = _REMARK.sub("", field.value)
    return bare != field.value and bool(bare.strip()) and is_filler(bare, identifier=field.key == "track_id")


def _plain_word(word: str) -> bool:
    """Whether ``word`` can stand as written as a key of ``status_aliases`` in the hint's
    YAML (``{Shipped: Implemented}``): letters, digits, blanks and ``-./&+'?!``, a letter or
    digit first; a word with markup or YAML's marks (``<``, ``*``, ``:``, ``#``, ``{``) is
    not offered as a key."""
    return bool(word) and word[0].isalnum() and all(c.isalnum() or c in " -./&+'?!" for c in word)


def _status_key(text: str) -> str:
    return _SEPARATORS.sub("", text).casefold()


def _status_fix(found: Field, ctx: RuleContext) -> Fix | None:
    """The site's status ``found`` certainly means: same letters (other case, separators,
    backticks), or a word of ``status_aliases``; None when no single status fits."""
    written = found.value.strip().strip("*_").strip()  # backticks are part of what the fix rewrites
    key = _status_key(written)
    if not key:
        return None
    statuses = ctx.settings.statuses
    candidates = {s for s in statuses if _status_key(s) == key}
    for alias, status in ctx.settings.status_aliases.items():
        if _status_key(alias) == key:
            candidates.update(s for s in statuses if s.casefold() == status.casefold())
    if len(candidates) != 1:
        return None
    (status,) = candidates
    return replace_text(ctx.lines, found.line, written, status, f"Write `{status}`")


@page_rule(
    "PRD103",
    Severity.ERROR,
    "Date is not a real calendar date in ISO form (YYYY-MM-DD; an ISO 8601 date-time such as "
    "`2026-01-17T10:30:00Z`, `2026-01-17 10:30` or `2026-01-17 14:00 CET` is fine)",
    fixable="a date in another unambiguous form (`2026/01/17`, `17 January 2026`, `Jan 17, 2026`, "
    "`17. Januar 2026`, `17 de enero de 2026`, "
    "`17/01/2026`, `17.01.2026`; `12.03.2026` and `03/02/2026` day first in a PRD written in German, "
    "Spanish, French or Portuguese; never `01/02/2026` in an English one), also with a time after it "
    "(`April 2, 2026 9:15 AM` becomes `2026-04-02 9:15 AM`)",
)
def bad_date(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    found = prd.metadata.get("date")
    if found is None or _unwritten(found.value, prd, ctx):
        return
    value = found.value.strip()
    if calendar_day(value) is None:
        iso = iso_date(core_value(value)) or (
            iso_date(core_value(value), day_first=True) if _day_first(prd) else None
        )
        time = split_time(core_value(value))[1]
        if iso is not None and time:
            # "April 2, 2026 9:15 AM": the day in ISO form, the time kept; a time ISO 8601 does
            # not write ("14:30 Uhr", "14h30") gets no fix, as the fix would drop it.
            iso = f"{iso} {time}" if calendar_day(f"{iso} {time}") is not None else None
        yield Hit(
            found.line,
            f"{found.label} {quote(value)} is not a calendar date in ISO form (YYYY-MM-DD)",
            f"Write the date as YYYY-MM-DD, e.g. {code(_as_written(ctx, found, value, iso or '2026-01-17'))}",
            replace_text(ctx.lines, found.line, value, iso, f"Write `{iso}`") if iso else None,
        )


def _day_first(prd: Prd) -> bool:
    """Whether the PRD is written in a language that writes the day first (``12.03.2026`` is
    12 March): German, Spanish, French or Portuguese field names (``**Datum:**``,
    ``**Verantwortlich:**``) or section titles (``## 1. Problemstellung``)."""
    return any(normalise_key(f.label) in TRANSLATED_LABELS for f in prd.metadata.fields) or any(
        translated_title(s.title) for s in prd.sections
    )


def _as_written(ctx: RuleContext, found: Field, value: str, right: str) -> str:
    """The field's line in the author's form with ``right`` for ``value``: ``| Date | 2026-01-05 |``
    in a table, ``date: 2026-01-05`` in front matter, else ``**Date:** 2026-01-05``."""
    line = without_comments(ctx.lines[found.line - 1].strip()) if 0 < found.line <= len(ctx.lines) else ""
    if value and line.count(value) == 1 and len(line) <= 120:
        return line.replace(value, right)
    return f"**{found.label}:** {right}"


def _unwritten(value: str, prd: Prd, ctx: RuleContext, identifier: bool = False) -> bool:
    """Empty (PRD101), a placeholder (PRD107) or filler (PRD110): another rule's finding;
    or computed by the site's templates (``{{ date }}``): not written here to be checked."""
    return (
        not value.strip()
        or is_bracketed(value)
        or is_filler(value, identifier=identifier)
        or computed(value, prd, ctx.settings)
    )


@page_rule(
    "PRD104",
    Severity.WARNING,
    "Version is not like `1`, `1.2` or `1.2.3` (a pre-release such as `0.3-rc1` or `1.0.0-beta.2`, and a "
    "remark in brackets after it, `1.2 (approved)`, are fine)",
    fixable="a version with a `v` before it (`v1.2`, `V 1.2`)",
)
def bad_version(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    found = prd.metadata.get("version")
    if found is None or _unwritten(found.value, prd, ctx):
        return
    value = version_text(found.value)  # "1.2 (approved)": the remark is not the version
    if not _VERSION.fullmatch(value):
        prefixed = _PREFIXED_VERSION.fullmatch(core_value(value))
        fix = None
        if prefixed:
            number = prefixed.group(1)
            fix = replace_text(ctx.lines, found.line, value, number, f"Write `{number}`")
        yield Hit(
            found.line,
            f"Version {quote(found.value)} is not like 1, 1.2 or 1.2.3",
            "Write the version as numbers separated by dots, e.g. `**Version:** 1.2`",
            fix,
        )


def is_track_id(text: str) -> bool:
    """Whether ``text`` is a Track ID as PRD105 defines it (:func:`is_slug`).

    ``.`` and ``..`` alone are not: a Track ID names a folder in track layouts, and
    those would name the folder itself or its parent.
    """
    return is_slug(text) and text.strip(".") != ""


@page_rule(
    "PRD105",
    Severity.WARNING,
    "Track ID is not a slug (letters and digits of any script, `.`, `_`, `-`; a remark in brackets or "
    "after a dash, `pay-t8 (PAY-1)`, `pay-t8 — see PAY-1`, is not part of it)",
)
def bad_track_id(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    found = prd.metadata.get("track_id")
    if found is None or _unwritten(found.value, prd, ctx, identifier=True):
        return
    if not is_slug(prd.track_id or ""):  # "pay-t8 (PAY-1)": the remark is not the Track ID
        yield Hit(
            found.line,
            f"Track ID {quote(found.value)} is not a slug (letters and digits of any script, `.`, `_`, `-`)",
            "Use only letters, digits, `.`, `_` and `-`, e.g. `checkout-redesign`",
        )


def is_slug(value: str) -> bool:
    """Letters and digits of any script (``трек-1``, ``트랙-7``), ``.``, ``_`` and ``-``; nothing else.

    A letter may carry combining marks (Devanagari vowel signs, Thai tone marks), which
    are part of how those scripts write a letter.
    """
    return bool(value) and all(
        ch.isalnum() or ch in "._-" or unicodedata.category(ch) in ("Mn", "Mc") for ch in value
    )


MAX_NAMED = 5
"""How many of the other files with the same Track ID a PRD106 message names (the rest are counted)."""


@site_rule(
    "PRD106",
    Severity.ERROR,
    "another PRD of the site has the same Track ID (reported on each, naming the other files: "
    "the first five, then how many more)",
)
def duplicate_track_ids(prds: Sequence[Prd], settings: Settings) -> Iterator[tuple[str, Hit]]:
    # Case-insensitive: "Auth-01" and "auth-01" name the same track on a case-insensitive disk.
    owners: dict[str, list[Prd]] = {}
    for prd in prds:
        tid = (prd.track_id or "").strip()
        if tid and not is_bracketed(tid):
            owners.setdefault(tid.casefold(), []).append(prd)
    for group in owners.values():
        if len(group) < 2:
            continue
        # A translation of the page is the same PRD in another language, not a duplicate.
        pages = [settings.translations.page_of(p.path)[0] if settings.translations else p.path for p in group]
        per_page = Counter(pages)
        for prd, page in zip(group, pages, strict=True):
            clashing = len(group) - per_page[page]
            if not clashing:
                continue
            # The first few by name: a message naming every other file of a big group made
            # the output grow with the square of the group (4,000 copies: 256 MB).
            named = list(islice((o.path for o, p in zip(group, pages, strict=True) if p != page), MAX_NAMED))
            field = prd.metadata.get("track_id")
            others = ", ".join(named)
            if clashing > len(named):
                others += f" and {clashing - len(named)} other PRDs"
            yield (
                prd.path,
                Hit(
                    field.line if field else heading_line(prd),
                    f"Track ID {quote(prd.track_id or '')} is also used by {others}",
                    "Give each PRD its own Track ID",
                ),
            )


@page_rule(
    "PRD107",
    Severity.WARNING,
    "an unfilled template placeholder remains: the template's own bracketed texts, and bracketed "
    "instructions such as `[Feature Name]`, `[YYYY-MM-DD]`, `[name/team]`, `[X]ms`, `[Describe …]`, "
    "or a Status still reading `Draft | Review | Approved | Implemented`. Bracketed prose (`[WIP]`, "
    '`[ADR-31]`, `["openid"]`, citations), links, footnotes and task-list boxes are not placeholders',
)
def placeholders(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    by_line: dict[int, list[str]] = {}
    for p in find_placeholders(ctx.lines):
        by_line.setdefault(p.line, []).append(p.text)
    status = prd.metadata.get("status")
    if (
        status is not None
        and status_placeholder(status.value, ctx.settings)
        and not is_bracketed(status.value)
    ):
        by_line.setdefault(status.line, []).append(status.value.strip())
    for req in (*prd.functional, *prd.non_functional):
        if req.priority and priority_placeholder(req.priority) and not is_bracketed(req.priority):
            by_line.setdefault(req.priority_line or req.line, []).append(req.priority.strip())
    for line in sorted(by_line):
        texts = by_line[line]
        shown = ", ".join(quote(t) for t in texts[:3])
        more = f" and {len(texts) - 3} more" if len(texts) > 3 else ""
        noun = "placeholder" if len(texts) == 1 else "placeholders"
        yield Hit(
            line,
            f"Unfilled template {noun} {shown}{more}",
            "Replace the placeholder with the real content; brackets meant as text are escaped: `\\[WIP\\]`",
        )


@page_rule("PRD108", Severity.WARNING, "front matter and header lines disagree on a field")
def disagreement(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for fm, header in prd.metadata.disagreements():
        yield Hit(
            header.line,
            f"{header.label} {quote(header.value)} disagrees with front matter "
            f"{fm.key}: {quote(fm.value)} (line {fm.line})",
            "Keep the field in one place, or make both values the same",
        )


@page_rule("PRD109", Severity.WARNING, "the PRD has no title (`# PRD: Title` or front matter `title`)")
def missing_title(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if not prd.title.strip() and not _front_matter_broken(prd):  # else PRD001's finding
        yield Hit(heading_line(prd), "The PRD has no title", "Start the page with `# PRD: Feature name`")


@page_rule(
    "PRD110",
    # Info by default: a draft holds undecided values on purpose, and a `--strict`
    # build must not fail on them; a site that wants none left raises it in `rules:`.
    Severity.INFO,
    "filler stands where a value should be: `TBD`, `TBC`, `TODO`, `XXX`, `???`, `{{variable}}` or "
    "lorem ipsum as the whole of a field, list item, table cell or line (also `≤ TBD`, and `N/A` as a "
    "requirement's Description or Acceptance; on an Approved PRD an Acceptance of filler is PRD310). "
    "The same words inside a sentence or in code are prose",
)
def filler_values(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.metadata.get("status")
    first = ctx.settings.statuses[0].casefold() if ctx.settings.statuses else "draft"
    draft = status is not None and status_word(status.value).casefold() == first
    templating = rendering(prd, ctx.settings)
    found = {f.line: f.text for f in find_fillers(ctx.lines, draft=draft, templating=templating)}
    for fm in prd.metadata.fields:
        if fm.source == "header" and templating is not None and templating.expression(fm.value):
            continue  # rendered with the page; front matter is not
        if is_filler(fm.value, identifier=fm.key == "track_id") or _filler_with_remark(fm):
            found.setdefault(fm.line, fm.value)
    for req in prd.functional:
        for attr in req.attributes:
            required = attr.key.strip("*_ ").casefold() in ("description", "acceptance")
            if required and not_applicable(attr.value):
                found.setdefault(attr.line, attr.value)
    if _untestable_reported(prd, ctx):
        for *_, filler_lines in untestable(prd, ctx.lines):
            for n in filler_lines:
                found.pop(n, None)  # an approved requirement's `Acceptance: TBD` is PRD310's finding
    index = prd.iosm.index
    for number in (index.baseline, index.target, index.delta):
        if number is not None:
            found.pop(number.line, None)  # an IOSM-Index `TBD` is PRD505's finding
    for risk in prd.risks:
        if found.get(risk.line) == risk.mitigation.strip() and unmitigated(risk):
            del found[risk.line]  # a `TBD` mitigation is PRD307's finding
    for line in sorted(found):
        yield Hit(
            line,
            f"Filler {quote(found[line])} where a value should be",
            "Write the real value; keep undecided points as questions under `### Open Questions`",
        )


def _untestable_reported(prd: Prd, ctx: RuleContext) -> bool:
    """Whether PRD310 reports an approved requirement's filler Acceptance (so PRD110 does not): the
    PRD is Approved or later, and neither the site nor the page turned PRD310 off."""
    status = prd.metadata.get("status")
    return (
        status is not None
        and approved(status.value, ctx.settings)
        and ctx.settings.severities.get("PRD310") != "off"
        and "PRD310" not in prd.ignored_rules
    )


RULES = (
    unreadable,
    required_fields,
    unknown_status,
    bad_date,
    bad_version,
    bad_track_id,
    duplicate_track_ids,
    placeholders,
    disagreement,
    missing_title,
    filler_values,
)
