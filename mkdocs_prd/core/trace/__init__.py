"""Traceability: site-wide requirement ids, references, links to code and tests, coverage.

MkDocs-free.  :func:`qualified_ids` lists every requirement id of a catalogue.
"""

from mkdocs_prd.core.trace.ids import RequirementId, find_ids, qualified_ids, requirement_ids

__all__ = ["RequirementId", "find_ids", "qualified_ids", "requirement_ids"]
