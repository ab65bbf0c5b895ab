"""The MkDocs-free core: what a PRD is, how it is read and checked, and a site's PRDs.

Nothing under this package imports ``mkdocs``, ``markdown`` or ``jinja2`` (a test
enforces it): the plugin, the command line and any other host drive the same code.
"""
