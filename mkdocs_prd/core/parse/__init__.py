"""Markdown text (+ front matter) -> the typed model, with 1-based line numbers.

Entry points: :func:`mkdocs_prd.core.parse.prd.parse_prd`, :func:`~mkdocs_prd.core.parse.prd.is_prd`.
"""
