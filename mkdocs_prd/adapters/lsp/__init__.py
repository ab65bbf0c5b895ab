"""The language server adapter (``mkdocs-prd lsp``): the only package that imports pygls and lsprotocol."""
