"""The rule catalogue: one small function per rule, with id, severity and description.

:data:`mkdocs_prd.core.rules.catalog.RULES` lists them; :mod:`~mkdocs_prd.core.rules.validate` runs them.
"""
