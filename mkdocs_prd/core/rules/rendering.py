"""Rules about what a PRD page cannot show as its author wrote it: PRD801, PRD802.

PRD pages are normalised so Python-Markdown renders their CommonMark/GFM block
structure (:mod:`mkdocs_prd.core.fidelity`).  What no normalisation can fix depends
on the site's ``markdown_extensions`` and is reported here, with the fix.  When the
extensions are unknown (lint without a config file) nothing is reported: a finding
on a site that renders the construct well would be a false one.

PRD802 is about the other readers of the same file: a ``|`` inside a code span in a
table cell stays in the cell on the site (Python-Markdown) but ends the cell on GitHub
and in editors' previews (GFM), so the row shifts and its last cells are lost there.
Written ``\\|`` it shows ``|`` in both (the site's normalisation unescapes it in code).
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_prd.core.fidelity import features_from_extensions, fences_in_list_items
from mkdocs_prd.core.model import Edit, Fix, Prd, Severity
from mkdocs_prd.core.parse.blocks import tables
from mkdocs_prd.core.parse.cells import code_span_pipes
from mkdocs_prd.core.parse.lines import front_matter_end, scan
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


@page_rule(
    "PRD802",
    Severity.INFO,
    "a pipe character inside a code span in a table cell has no backslash before it: GitHub and other "
    "GFM renderers end the cell there (the row shifts, its last cells are lost), where the site keeps "
    "it in the cell",
    fixable="a backslash goes before the pipe, and the site and GFM both show the pipe in the cell",
)
def pipe_in_code_in_table(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    lines = list(ctx.lines)
    # The lines with such a pipe, if any (most pages have none): then which are table rows.
    found = {
        n: pipes for n, line in enumerate(lines, 1) if "`" in line and "|" in line and (pipes := _pipes(line))
    }
    if not found:
        return
    src = scan(lines, front_matter_end(lines) + 1)
    for table in tables(src, 1, len(lines)):
        for n in (table.line, *(n for n, _ in table.rows)):
            pipes = found.get(n, [])
            if pipes:
                where = (
                    "the table is not read as one"
                    if n == table.line
                    else "the row shifts, its last cells are lost"
                )
                yield Hit(
                    n,
                    "A `|` inside a code span in this table row ends the cell on GitHub and in GFM "
                    f"previews ({where}); the site keeps it in the cell",
                    "Write it as `\\|`: the site and GFM both show `|`",
                    Fix("Escape the `|` as `\\|`", tuple(Edit(n, p, p, "\\") for p in pipes)),
                )


def _pipes(row: str) -> list[int]:
    """The pipes in ``row``'s code spans that PRD802 fixes; none in a row with escaped
    backticks or backslashes, where the site would show a ``\\|`` in code as written."""
    return [] if "\\`" in row or "\\\\" in row else code_span_pipes(row)


RULES = (fence_in_list_item, pipe_in_code_in_table)
