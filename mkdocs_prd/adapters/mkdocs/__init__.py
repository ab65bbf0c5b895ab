"""The MkDocs (and ProperDocs) plugin and its typed config: the only modules that import mkdocs."""
