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
    "a fenced code block inside a list item, on a site without pymdownx.superfences",
)
def fence_in_list_item(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    extensions = ctx.settings.markdown_extensions
    if extensions is None or features_from_extensions(extensions).superfences:
        return
    for line in fences_in_list_items(list(ctx.lines)):
        yield Hit(
            line,
            "Fenced code block inside a list item renders as indented code with its fence lines showing",
            "Enable `pymdownx.superfences` in `markdown_extensions`, or start the code block at column 0 "
            "after the list",
        )


RULES = (fence_in_list_item,)
