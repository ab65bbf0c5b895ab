"""Rules about content a PRD leaves out: PRD307 (a risk with no mitigation), PRD308 (an approved
PRD with no functional requirement)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_prd.core.model import Prd, Risk, Severity
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote
from mkdocs_prd.core.rules.content import is_nfr_heading
from mkdocs_prd.core.rules.filler import is_filler
from mkdocs_prd.core.settings import Settings

_NO_MITIGATION = frozenset({"", "-", "\u2013", "\u2014"})
# What a requirement not read as one still looks like: an id, a list item, a table row.
_REQUIREMENT_TRACE = re.compile(r"\b(?:FR|REQ|R)-?\d|^\s*(?:[-*+]|\d{1,9}[.)])\s|^\s*\|", re.IGNORECASE)


@page_rule(
    "PRD307",
    Severity.WARNING,
    "a risk has no mitigation (its Mitigation cell is empty, `-`, or filler such as `TBD` or `TODO`)",
)
def unmitigated_risk(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    bare = [r for r in prd.risks if unmitigated(r)]
    if len(bare) > 1 and len(bare) == len(prd.risks):
        hint = "Add a Mitigation column saying how each risk is handled"
        yield Hit(bare[0].line, "No risk has a mitigation", hint)
        return
    for risk in bare:
        yield Hit(
            risk.line,
            f"Risk {quote(risk.risk, 40)} has no mitigation",
            "Say how the risk is avoided, reduced or accepted in its Mitigation cell",
        )


def unmitigated(risk: Risk) -> bool:
    """Whether a risk's Mitigation cell says nothing: empty, ``-``, or filler (``TBD``, ``TODO: ask ops``)."""
    text = risk.mitigation.strip(" \t*_")
    return text in _NO_MITIGATION or is_filler(text)


@page_rule(
    "PRD308",
    Severity.WARNING,
    "Status is Approved (or a later status of the site) but section 5 states no functional requirement",
)
def approved_without_requirements(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    status = prd.metadata.get("status")
    section = prd.section("requirements")
    if prd.functional or status is None or section is None or not approved(status.value, ctx.settings):
        return
    nfr = [(s.line, s.end_line) for s in section.subsections if is_nfr_heading(s.title)]
    for n in range(section.line + 1, min(section.end_line, len(ctx.lines)) + 1):
        if not any(a <= n <= b for a, b in nfr) and _REQUIREMENT_TRACE.search(ctx.lines[n - 1]):
            return  # something is written there, in a form the parser does not read as a requirement
    yield Hit(
        section.line,
        f"Status is {quote(status.value)} but the PRD has no functional requirement",
        "Write the requirements as `**FR-n: Name**` blocks under `### Functional Requirements`, "
        "or set the Status back to Draft",
    )


def approved(status: str, settings: Settings) -> bool:
    """Whether ``status`` is Approved or a status the site lists after it (Implemented), in the
    site's words (``Settings.approved_statuses``: ``Freigegeben``, an ``approved_status``)."""
    return settings.is_approved(status)


RULES = (unmitigated_risk, approved_without_requirements)
