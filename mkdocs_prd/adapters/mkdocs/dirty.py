"""``mkdocs serve --dirty`` stays right: pages whose plugin output depends on other pages.

A dirty build renders only the pages whose source changed.  But a PRD page shows
findings that depend on the site's other PRDs (a duplicate Track ID, PRD106) and
on its ``iosm_report.md``, and a page with a ``<!-- prd-index -->`` listing shows
every PRD.  :class:`DependentPages` remembers, between the builds of one process,
a digest of what each such page was rendered from; when the digest changes, the
page's old output is removed from ``site_dir`` so that MkDocs renders it again
(MkDocs re-renders a page whose output is missing).  The generated index page is
always rendered, as are all generated files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping

from mkdocs.structure.files import Files


def digest(*parts: object) -> str:
    """A short stable digest of ``parts`` (their ``repr``: frozen dataclasses and tuples)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class DependentPages:
    """What each dependent page was last rendered from, by ``src_path``."""

    def __init__(self) -> None:
        self._last: dict[str, str] = {}

    def changed(self, inputs: Mapping[str, str]) -> list[str]:
        """The pages of ``inputs`` (``src_path`` → digest) whose digest is new or differs from
        the last build's; remembers ``inputs`` for the next build."""
        out = [src for src, value in inputs.items() if self._last.get(src) != value]
        self._last = dict(inputs)
        return sorted(out)


def force_render(files: Files, src_paths: Iterable[str]) -> list[str]:
    """Remove the built output of ``src_paths`` so a dirty build renders them again.

    Returns the ``src_path`` of the pages whose output was removed.  Only files in
    ``site_dir`` are touched, never the sources.
    """
    removed = []
    for src in src_paths:
        file = files.get_file_from_path(src)
        if file is None or file.abs_src_path is None:
            continue  # generated pages are always rendered
        try:
            os.remove(file.abs_dest_path)
        except FileNotFoundError:
            continue
        except OSError:
            continue  # cannot remove it: MkDocs keeps the old page, as it would without us
        removed.append(src)
    return removed
