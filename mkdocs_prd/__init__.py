"""mkdocs-prd: parse, validate, render and index product requirement documents.

The package is laid out by architecture:

* :mod:`mkdocs_prd.core` understands PRDs and knows no host: the typed model, the
  parser, the rule catalogue, the site catalogue, index data and export.  It imports
  no ``mkdocs``, no ``markdown`` and no ``jinja2``.
* :mod:`mkdocs_prd.html` turns the core's data into HTML (views, Jinja templates,
  assets); every escape happens there.
* :mod:`mkdocs_prd.adapters` connects both to a host: the MkDocs plugin and its
  config, the command line.

The public API below is importable from the package top::

    from mkdocs_prd import parse_prd, build_catalog, lint, Finding, Prd
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs_prd.core.lint import LintResult, lint
    from mkdocs_prd.core.model import Finding, Prd, Severity
    from mkdocs_prd.core.parse.prd import is_prd, parse_prd
    from mkdocs_prd.core.settings import Settings
    from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog

__version__ = "0.1.0"

_API = {
    "Catalog": "mkdocs_prd.core.sitewide.catalog",
    "Finding": "mkdocs_prd.core.model",
    "LintResult": "mkdocs_prd.core.lint",
    "Prd": "mkdocs_prd.core.model",
    "Settings": "mkdocs_prd.core.settings",
    "Severity": "mkdocs_prd.core.model",
    "build_catalog": "mkdocs_prd.core.sitewide.catalog",
    "is_prd": "mkdocs_prd.core.parse.prd",
    "lint": "mkdocs_prd.core.lint",
    "parse_prd": "mkdocs_prd.core.parse.prd",
}
"""Where each public name lives.  Loaded on first use (PEP 562): a host that loads only the
plugin or the Markdown extension does not import the linter and its modules with the package."""


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'mkdocs_prd' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # found once; later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


__all__ = [
    "Catalog",
    "Finding",
    "LintResult",
    "Prd",
    "Settings",
    "Severity",
    "__version__",
    "build_catalog",
    "is_prd",
    "lint",
    "parse_prd",
]
