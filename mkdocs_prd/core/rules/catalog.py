"""The rule catalogue: every check mkdocs-prd runs, by public id.

The ids are public interface (users configure them, CI greps them); their meaning
never changes.  Each rule is one small function in a family module:

* :mod:`mkdocs_prd.core.rules.meta`: PRD0xx/PRD1xx, reading the page and its metadata;
* :mod:`mkdocs_prd.core.rules.structure`: PRD2xx, sections and subsections;
* :mod:`mkdocs_prd.core.rules.content`: PRD3xx/PRD4xx, requirements, risks, acceptance, change log;
* :mod:`mkdocs_prd.core.rules.changelog`: PRD403/PRD404, the change log's dates;
* :mod:`mkdocs_prd.core.rules.references`: PRD311, local ids referred to but not defined;
* :mod:`mkdocs_prd.core.rules.gaps`: PRD307/PRD308, content a PRD leaves out;
* :mod:`mkdocs_prd.core.rules.iosm`: PRD5xx, section 10;
* :mod:`mkdocs_prd.core.trace.rules`: PRD6xx, traceability (checked by ``core.trace``);
* :mod:`mkdocs_prd.core.review.ruleset`: PRD7xx, change review (two revisions, run by
  ``mkdocs-prd review``, not by a build);
* :mod:`mkdocs_prd.core.rules.rendering`: PRD8xx, what a page cannot show as written.

The documentation's rule table (docs/rules.md) is generated from :data:`RULES` (``mkdocs-prd rules
--format markdown``), and a test fails when the two drift apart.
"""

from __future__ import annotations

from mkdocs_prd.core.review import ruleset as rules_review
from mkdocs_prd.core.rules import changelog as rules_changelog
from mkdocs_prd.core.rules import content as rules_content
from mkdocs_prd.core.rules import gaps as rules_gaps
from mkdocs_prd.core.rules import iosm as rules_iosm
from mkdocs_prd.core.rules import meta as rules_meta
from mkdocs_prd.core.rules import references as rules_references
from mkdocs_prd.core.rules import rendering as rules_rendering
from mkdocs_prd.core.rules import silencing as rules_silencing
from mkdocs_prd.core.rules import structure as rules_structure
from mkdocs_prd.core.rules.base import Rule
from mkdocs_prd.core.trace.rules import TRACE_RULES

RULES: dict[str, Rule] = {
    r.id: r
    for r in sorted(
        (
            *rules_meta.RULES,
            *rules_structure.RULES,
            *rules_content.RULES,
            *rules_changelog.RULES,
            *rules_references.RULES,
            *rules_gaps.RULES,
            *rules_iosm.RULES,
            *TRACE_RULES.values(),
            *rules_review.RULES,
            *rules_rendering.RULES,
            *rules_silencing.RULES,
        ),
        key=lambda r: r.id,
    )
}
"""Every rule by id, in id order."""


def rule_table_markdown() -> str:
    """The catalogue as a Markdown table (the rule table of docs/rules.md); ``fixable`` says what
    ``mkdocs-prd lint --fix`` rewrites (empty: nothing, the author decides)."""
    rows = ["| id | default | fires when | fixable |", "|---|---|---|---|"]
    for rule in RULES.values():
        summary = rule.summary.replace("|", "\\|")
        fixable = rule.fixable.replace("|", "\\|")
        rows.append(f"| {rule.id} | {rule.severity.value} | {summary} | {fixable} |")
    return "\n".join(rows) + "\n"
