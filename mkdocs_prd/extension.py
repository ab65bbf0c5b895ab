"""``markdown_extensions: [mkdocs_prd.extension]``: PRD pages on any Python-Markdown host.

Only a name for Python-Markdown to load; the extension is
:mod:`mkdocs_prd.adapters.markdown.extension` (see ``docs/hosts.md``).
"""

from __future__ import annotations

from mkdocs_prd.adapters.markdown.extension import PrdExtension, makeExtension

__all__ = ["PrdExtension", "makeExtension"]
