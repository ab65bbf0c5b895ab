"""Rules about the content of sections 3-8 and the change log: PRD301-PRD306, PRD401-PRD402."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_prd.core.model import Prd, Severity
from mkdocs_prd.core.rules.base import (
    Hit,
    RuleContext,
    is_bracketed,
    page_rule,
    priority_placeholder,
    quote,
    status_placeholder,
    version_key,
)

NFR_CATEGORIES: tuple[str, ...] = ("Performance", "Security", "Reliability", "Scalability", "Maintainability")
RISK_LEVELS: frozenset[str] = frozenset({"h", "m", "l", "high", "medium", "med", "low"})
_KEY_MARKS = re.compile(r"[\s*_`]+")

ATTRIBUTE_NAMES: dict[str, frozenset[str]] = {
    "Description": frozenset({"description", "desc", "details", "summary", "user story", "story"}),
    "Acceptance": frozenset(
        {
            "acceptance",
            "acceptance criteria",
            "acceptance criterion",
            "acceptance test",
            "acceptance tests",
            "ac",
            "acs",
            "verification",
            "verify",
            "verified by",
            "how to verify",
            "test",
            "tests",
            "done when",
            "definition of done",
            "dod",
            "success criteria",
        }
    ),
}
"""What a requirement bullet may be called for each part PRD301 asks for (compared case-
insensitively, emphasis and spacing ignored): ``- AC: …`` and ``- **Verification:** …`` are
the Acceptance bullet."""


@page_rule("PRD301", Severity.WARNING, "a functional requirement lacks a Description, Acceptance or Priority")
def incomplete_requirement(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for req in prd.functional:
        if req.form != "block":
            continue  # a one-line list requirement is its own description; PRD306 asks for its priority
        keys = {" ".join(_KEY_MARKS.sub(" ", a.key).split()).casefold() for a in req.attributes}
        missing = [part for part, names in ATTRIBUTE_NAMES.items() if not keys & names]
        if req.priority is None:
            missing.append("Priority")
        if missing:
            name = req.id or req.name
            bullets = ", ".join(f"`- {m}: …`" for m in missing)
            yield Hit(
                req.line, f"Requirement {quote(name)} has no {' / '.join(missing)}", f"Add {bullets} below it"
            )


@page_rule(
    "PRD302",
    Severity.ERROR,
    "a Priority is not a MoSCoW level: Must, Should, Could or Won't (`Must have`, `MUST` are accepted)",
)
def bad_priority(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for req in (*prd.functional, *prd.non_functional):
        if req.priority is None or not req.priority.strip() or priority_placeholder(req.priority):
            continue
        if req.level is None:
            yield Hit(
                req.priority_line or req.line,
                f"Priority {quote(req.priority)} of {quote(req.id or req.name)} is not Must, Should or Could",
                "Write `Priority: Must`, `Priority: Should` or `Priority: Could` (or `Won't`)",
            )


@page_rule("PRD303", Severity.ERROR, "a requirement id (FR-n, NFR-n, UC-n) is used twice in one PRD")
def duplicate_ids(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    first: dict[str, int] = {}
    items = [(r.id, r.line) for r in (*prd.functional, *prd.non_functional)]
    items += [(u.id, u.line) for u in prd.use_cases]
    for ident, line in sorted(items, key=lambda item: item[1]):
        if not ident:
            continue
        key = ident.upper()
        if key in first:
            yield Hit(
                line, f"{ident} is already used on line {first[key]}", "Give each requirement its own id"
            )
        else:
            first[key] = line


@page_rule(
    "PRD304",
    Severity.WARNING,
    "one of the five NFR categories (Performance, Security, Reliability, Scalability, "
    "Maintainability) is missing",
)
def missing_nfr_categories(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    section = prd.section("requirements")
    if section is None:
        return
    nfr_heading = next((s for s in section.subsections if _is_nfr_heading(s.title)), None)
    if not prd.non_functional and (nfr_heading is None or not nfr_heading.has_content):
        return  # PRD204 / PRD203 report the missing or empty subsection
    named = [r.name for r in prd.non_functional if r.form == "block"]
    # A free-form list NFR names its category only as a "Category: ..." prefix.
    named += [r.name.split(":", 1)[0] for r in prd.non_functional if r.form == "list" and ":" in r.name]
    if prd.non_functional and not named:
        return  # only free-form sentences: there are no categories to compare
    text = " ".join(named).casefold()
    missing = [c for c in NFR_CATEGORIES if c.casefold() not in text]
    if missing:
        line = nfr_heading.line if nfr_heading else section.line
        yield Hit(
            line,
            f"Non-functional requirements do not cover {', '.join(missing)}",
            f"Add a requirement for each, e.g. `**NFR-n: {missing[0]}**`",
        )


def _is_nfr_heading(title: str) -> bool:
    low = title.casefold().replace("-", " ")
    return "non functional" in low or "nonfunctional" in low or "nfr" in low


@page_rule(
    "PRD305", Severity.WARNING, "a risk's impact or probability is not H/M/L (High/Medium/Low accepted)"
)
def bad_risk_level(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for risk in prd.risks:
        bad = [
            f"{name} {quote(value)}"
            for name, value in (("impact", risk.impact), ("probability", risk.probability))
            if not is_bracketed(value) and value.strip().strip("*_").strip().casefold() not in RISK_LEVELS
        ]
        if bad:
            yield Hit(
                risk.line,
                f"Risk {quote(risk.risk, 40)}: {' and '.join(bad)} not H/M/L",
                "Write H, M or L (High, Medium or Low)",
            )


@page_rule("PRD306", Severity.INFO, "a functional requirement written as a list item has no priority")
def list_requirement_priority(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for req in prd.functional:
        if req.form == "list" and req.priority is None:
            yield Hit(
                req.line,
                f"Requirement {quote(req.id or req.name, 50)} has no priority",
                "Add `(Must)`, `(Should)` or `(Could)` after its title (`- FR-1: Export (Must)`), "
                "or write it as a `**FR-n: …**` block with a `- Priority:` bullet",
            )


@page_rule("PRD401", Severity.WARNING, "Status is Implemented but acceptance criteria are unchecked")
def implemented_unchecked(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.status
    if status is None or status_placeholder(status, ctx.settings):
        return
    if status.casefold() != "implemented":
        return
    unchecked = [c for c in prd.criteria if not c.checked]
    if unchecked:
        yield Hit(
            unchecked[0].line,
            f"Status is Implemented but {len(unchecked)} of {len(prd.criteria)} "
            "acceptance criteria are unchecked",
            "Tick the criteria that are met (`- [x]`), or change the Status",
        )


@page_rule("PRD402", Severity.WARNING, "the Version differs from the newest change-log row")
def version_vs_changelog(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    version = prd.metadata.get("version")
    if version is None or not prd.changelog:
        return
    own = version_key(version.value)
    rows = [(key, row) for row in prd.changelog if (key := version_key(row.version)) is not None]
    if own is None or not rows:
        return
    newest_key, newest = max(rows, key=lambda item: item[0])
    if newest_key != own:
        yield Hit(
            version.line,
            f"Version {quote(version.value)} differs from the newest change-log entry "
            f"{quote(newest.version)} (line {newest.line})",
            "Update the Version, or add a change-log row for it",
        )


RULES = (
    incomplete_requirement,
    bad_priority,
    duplicate_ids,
    missing_nfr_categories,
    bad_risk_level,
    list_requirement_priority,
    implemented_unchecked,
    version_vs_changelog,
)
