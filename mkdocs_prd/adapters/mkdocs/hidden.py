"""Pages another plugin hides from the build only until later.

Material's blog marks its posts *excluded* during ``on_files`` (so that they stay out of
the navigation it is about to build) and includes them again in ``on_nav``; the posts
are rendered like any page.  A PRD written as a post is a PRD of the build, as
``mkdocs-prd lint`` (which sees the site's files) says.  So the PRD plugin reads, beside
the included pages, the excluded ones that the site itself does not exclude
(``exclude_docs``, ``draft_docs``, dot-files, ``templates/``), and drops from the index
those still excluded once the navigation is made (a post the blog leaves out as a draft).
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions


def hidden_by_plugins(files: Files, config: MkDocsConfig) -> list[File]:
    """The documentation pages of ``files`` that are excluded now although the site's own
    patterns include them: another plugin excluded them, for now or for good."""
    excluded = [f for f in files if f.is_documentation_page() and _excluded(f)]
    if not excluded:
        return []
    probes = [File(f.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls) for f in excluded]
    set_exclusions(probes, config)  # what MkDocs' own file collection says about each
    return [f for f, probe in zip(excluded, probes, strict=True) if not _excluded(probe)]


def still_excluded(files: Files, src_paths: Iterable[str], *, serve: bool = False) -> set[str]:
    """The ``src_paths`` whose page is excluded from the build (not rendered), or gone;
    ``serve``: ``mkdocs serve`` renders the site's drafts (``draft_docs``)."""
    out = set()
    for src in src_paths:
        file = files.get_file_from_path(src)
        if file is None or (_excluded(file) and not (serve and file.inclusion == InclusionLevel.DRAFT)):
            out.add(src)
    return out


def _excluded(file: File) -> bool:
    """``file.inclusion.is_excluded()`` (EXCLUDED or DRAFT; MkDocs leaves that method untyped)."""
    return bool(file.inclusion.value <= InclusionLevel.DRAFT.value)
