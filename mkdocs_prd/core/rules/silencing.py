"""The page's own silencing: PRD111, a ``prd_ignore`` naming a rule that does not exist.

A page silences rules with front matter ``prd_ignore: [PRD401]`` or an HTML comment
``<!-- prd-ignore PRD401 -->``.  A typo there (``PRD3O4`` with a letter O, ``PRD999``)
silences nothing, without a word; the site-wide ``rules`` option rejects such an id, and
this rule says so for the page.  A word of a comment's reason (``<!-- prd-ignore PRD401:
tracked in Jira -->``) is no rule id: only words that start with ``PRD`` are looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mkdocs_prd.core.model import Prd, Severity
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule, quote

_MENTIONS = ("prd-ignore", "prd_ignore", "prd ignore")
_ID_LIKE = re.compile(r"PRD\w{1,8}")


@page_rule(
    "PRD111",
    Severity.WARNING,
    "a page's `prd_ignore` (front matter) or `<!-- prd-ignore … -->` names a rule id that does not "
    "exist (`PRD3O4`, `PRD999`): it silences nothing",
)
def unknown_ignored_rule(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if not prd.ignored_rules:
        return
    from mkdocs_prd.core.rules.catalog import RULES  # the catalogue holds this module's rule

    unknown = sorted(
        rule
        for rule in (r.strip(".,;:") for r in prd.ignored_rules)
        if _ID_LIKE.fullmatch(rule) and rule not in RULES
    )
    for rule in unknown:
        yield Hit(
            _line_of(ctx.lines, rule),
            f"`prd-ignore` names {quote(rule)}, which is no rule: it silences nothing",
            "Write the rule's id as `mkdocs-prd rules` lists it (PRD and three digits, e.g. `PRD304`)",
        )


def _line_of(lines: Sequence[str], rule: str) -> int:
    """The line that names ``rule`` in a silencing, else the first silencing line, else 1."""
    first = 0
    folded = rule.casefold()
    for n, line in enumerate(lines, 1):
        low = line.casefold()
        if any(m in low for m in _MENTIONS) or (first and low.lstrip().startswith("-")):
            first = first or n
            if folded in low:
                return n
        elif first and folded in low:
            return n  # a front-matter list item under `prd_ignore:`
    return first or 1


RULES = (unknown_ignored_rule,)
