"""The ``mkdocs-prd`` command line: one module per subcommand, :mod:`.main` dispatches."""
