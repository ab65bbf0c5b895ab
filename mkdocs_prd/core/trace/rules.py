"""Catalogue entries of the traceability rules PRD601-603.

They are checked by :mod:`mkdocs_prd.core.trace.build` (they need the whole site,
its source files and test reports), so their :class:`Rule` has neither a page nor
a site check; the catalogue lists them for severities, ``mkdocs-prd rules`` and the
documentation.
"""

from __future__ import annotations

from mkdocs_prd.core.model import Severity
from mkdocs_prd.core.rules.base import Rule

TRACE_RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "PRD601",
            Severity.ERROR,
            "A qualified requirement id (`track:FR-n`) in a PRD, source file or test report names "
            "an unknown PRD or requirement",
        ),
        Rule(
            "PRD602",
            Severity.WARNING,
            "With `trace`: a requirement of a priority in `trace.require_verified` on an Approved or "
            "Implemented PRD has no test",
        ),
        Rule("PRD603", Severity.WARNING, "With `trace`: a requirement has a failing test"),
    )
}
"""PRD601-603 by id."""
