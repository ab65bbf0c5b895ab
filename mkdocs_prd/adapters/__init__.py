"""Thin adapters from hosts to the core: the MkDocs plugin and its config, the command line."""
