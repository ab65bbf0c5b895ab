"""The change-review rules (PRD7xx) as catalogue entries.

They compare two revisions of a PRD, so they have neither a page nor a site check:
:mod:`mkdocs_prd.core.review.rules` runs them for ``mkdocs-prd review``.  They sit in
the catalogue so that ``rules:`` can set their severity and ``mkdocs-prd rules``
lists them.
"""

from __future__ import annotations

from mkdocs_prd.core.model import Severity
from mkdocs_prd.core.rules.base import Rule

CONTRACT = Rule(
    "PRD701",
    Severity.ERROR,
    "review: an Approved or Implemented PRD changed or removed a requirement or acceptance criterion "
    "and kept its Version, or was deleted or stopped being a PRD",
)
CHANGELOG = Rule(
    "PRD702", Severity.WARNING, "review: the Version changed but the change log has no row for it"
)
STATUS = Rule(
    "PRD703",
    Severity.WARNING,
    "review: the Status moved backwards or skipped a step of the site's `statuses` order",
)
SUMMARY = Rule(
    "PRD704", Severity.INFO, "review: what changed in a PRD (requirements, priorities, IOSM targets)"
)

RULES: tuple[Rule, ...] = (CONTRACT, CHANGELOG, STATUS, SUMMARY)
