"""The Python-Markdown adapter: the ``mkdocs_prd.extension`` Markdown extension (Zensical and others)."""
