"""Rules about what a PRD page cannot show as its author wrote it: PRD801.

PRD pages are normalised so Python-Markdown renders their CommonMark/GFM block
structure (:mod:`mkdocs_prd.core.fidelity`).  What no normalisation can fix depends
on the site's ``markdown_extensions`` and is reported here, with the fix.  When the
extensions are unknown (lint without a config file) nothing is reported: a finding
on a site that renders the construct well would be a false one.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_prd.core.fidelity import features_from_extensions, fences_in_list_items
from mkdocs_prd.core.model import Prd, Severity
from mkdocs_prd.core.rules.base import Hit, RuleContext, page_rule


@page_rule(
    "PRD801",
    Severity.WARNING,
    "a fenced code block inside a list item, quote or admonition, on a site without pymdownx.superfences",
)
def fence_in_list_item(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    extensions = ctx.settings.markdown_extensions
    if extensions is None:
        return
    features = features_from_extensions(extensions)
    if features.superfences:
        return
    for line in fences_in_list_items(list(ctx.lines), features):
        yield Hit(
            line,
            "Fenced code block inside a list item, quote or admonition renders as plain text or indented "
            "code with its fence lines showing",
            "Enable `pymdownx.superfences` in `markdown_extensions`, or start the code block at column 0 "
            "outside the list, quote or admonition",
        )


RULES = (fence_in_list_item,)
