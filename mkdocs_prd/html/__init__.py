"""The HTML mkdocs-prd produces: views, Jinja templates, assets, the stylesheet.

Every value from a document, a config or another site is escaped here.
"""
