"""A PRD as its page shows it after another plugin rendered the page's Markdown.

Template plugins (mkdocs-macros, a git-date plugin's ``{{ git_revision_date_localized }}``)
turn ``**Owner:** {{ owner }}`` into ``**Owner:** Payments Team`` before the PRD
plugin sees the page.  The site's catalog (rules, index) is read from the file; the
page's own card shows what the page says.
"""

from __future__ import annotations

from dataclasses import replace

from mkdocs_prd.core.model import Prd


def as_shown(prd: Prd, rendered: Prd) -> Prd:
    """``prd`` with the title and header-line values of ``rendered`` (the same page parsed from
    its rendered Markdown); ``prd`` itself when they are the same.  Front matter fields are
    kept: no plugin renders them."""
    shown = {f.key: f for f in rendered.metadata.fields if f.source == "header"}
    fields = tuple(
        replace(f, value=shown[f.key].value, written=shown[f.key].written)
        if f.source == "header" and f.key in shown
        else f
        for f in prd.metadata.fields
    )
    title = rendered.title or prd.title
    if fields == prd.metadata.fields and title == prd.title:
        return prd
    return replace(prd, title=title, metadata=replace(prd.metadata, fields=fields))
