"""mkdocs-prd: parse, validate, render and index product requirement documents."""

from __future__ import annotations

__version__ = "0.1.0"
