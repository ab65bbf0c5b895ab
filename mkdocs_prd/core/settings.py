"""The site's PRD settings as plain data, shared by the plugin and the CLI.

``config.py`` turns the validated ``mkdocs.yml`` options into a :class:`Settings`;
the CLI does the same without building.  The core library only ever sees this.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pathspec

from mkdocs_prd.core.model import status_word

DEFAULT_STATUSES: tuple[str, ...] = ("Draft", "Review", "Approved", "Implemented")

APPROVED_WORDS: frozenset[str] = frozenset(
    {"approved", "freigegeben", "genehmigt", "aprobado", "aprobada", "approuvé", "approuvée", "approuve"}
    | {"aprovado", "aprovada"}
)
"""The status that means Approved in the languages the plugin reads (case-folded): a site whose
``statuses`` list one of them needs no ``approved_status``."""
IMPLEMENTED_WORDS: frozenset[str] = frozenset(
    {"implemented", "umgesetzt", "implementiert", "implementado", "implementada", "implémenté"}
    | {"implémentée", "implemente", "implantado", "implantada"}
)
"""The status that means Implemented in those languages (case-folded): PRD401's status."""

DEFAULT_REQUIRED_SECTIONS: tuple[str, ...] = (
    "problem",
    "goals",
    "users",
    "scope",
    "requirements",
    "ux",
    "risks",
    "acceptance",
    "rollout",
    "iosm",
    "appendix",
)
"""Template keys of the sections a PRD must have (the template's 1-10 and Appendix)."""


@dataclass(frozen=True)
class TraceSettings:
    """The ``trace`` option: where code and test reports are, relative to ``base_dir``.

    ``base_dir`` is the folder of ``mkdocs.yml`` (absolute); ``sources`` and ``junit``
    are globs relative to it (``../src/**/*.py``); ``require_verified`` lists the
    priorities PRD602 asks tests for; ``page`` is the matrix page (relative to
    ``docs_dir``, None: no generated page).
    """

    base_dir: str = "."
    sources: tuple[str, ...] = ()
    junit: tuple[str, ...] = ()
    require_verified: tuple[str, ...] = ("Must",)
    page: str | None = "prds/traceability.md"


@dataclass(frozen=True)
class Translations:
    """The languages of a site translated with mkdocs-static-i18n.

    ``structure`` is ``suffix`` (``x.md`` and ``x.fr.md``) or ``folder`` (``en/x.md``
    and ``fr/x.md``); ``locales`` the configured languages; ``default`` the default one.
    A page and its translations are one document in several languages.
    """

    structure: str
    locales: tuple[str, ...]
    default: str

    def page_of(self, src_path: str) -> tuple[str, str]:
        """``(the page's path without its language, its locale)`` for ``src_path``.

        ``prds/x.fr.md`` gives ``("prds/x.md", "fr")`` in the suffix layout;
        ``fr/prds/x.md`` gives ``("prds/x.md", "fr")`` in the folder layout; a path that
        names no configured language belongs to the default one.
        """
        if self.structure == "folder":
            head, sep, rest = src_path.partition("/")
            if sep and head in self.locales:
                return rest, head
            return src_path, self.default
        folder, sep, name = src_path.rpartition("/")
        stem, dot, ext = name.rpartition(".")
        base, dot2, locale = stem.rpartition(".")
        if dot and dot2 and locale in self.locales:
            return f"{folder}{sep}{base}.{ext}", locale
        return src_path, self.default

    def same_page(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are the same page in two languages."""
        return self.page_of(a)[0] == self.page_of(b)[0]


_YAML_BOOLEANS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


@dataclass(frozen=True)
class Templating:
    """The site renders its pages as Jinja templates before Markdown (mkdocs-macros).

    ``starts`` are the openings of its template syntax (``{{``, ``{%``, ``{#`` unless the
    site configures others); ``by_default`` whether every page is rendered, else only
    the pages matching ``paths`` (gitignore-style patterns relative to ``docs_dir``, as
    mkdocs-macros reads its ``force_render_paths``: ``prds/`` is every page under it,
    ``*.md`` stays in one folder level only after a ``/``) or saying
    ``render_macros: true`` in their front matter.  ``render_macros: false`` always
    keeps a page as written.
    """

    starts: tuple[str, ...] = ("{{", "{%", "{#")
    by_default: bool = True
    paths: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """When set, only these ``{{ name }}`` variables are rendered (a plugin that fills in a few
    of its own, as git-revision-date-localized does), not any template syntax."""

    def renders(self, src_path: str, front_matter: Mapping[str, object]) -> bool:
        """Whether the page ``src_path`` with ``front_matter`` is rendered as a template."""
        said = str(front_matter.get("render_macros", "")).strip().casefold()  # as written: "false"
        if said in _YAML_BOOLEANS:
            return _YAML_BOOLEANS[said]
        return self.by_default or (bool(self.paths) and _path_spec(self.paths)(src_path))

    def expression(self, value: str) -> bool:
        """Whether ``value`` holds template syntax the site renders (``{{ owner }}``)."""
        if self.names:
            return any(
                re.search(r"\{\{\s*" + re.escape(name) + r"\s*\}\}", value, re.IGNORECASE)
                for name in self.names
            )
        return any(start in value for start in self.starts)


@dataclass(frozen=True)
class IncludeMarkdown:
    """mkdocs-include-markdown-plugin's options that decide what ``{% include-markdown "x.md" %}``
    and ``{% include "x.md" %}`` put into a page (its defaults; a directive's own arguments win)."""

    opening: str = "{%"
    closing: str = "%}"
    names: tuple[str, str] = ("include", "include-markdown")
    """The two directives' names (the plugin's ``directives`` option may rename them)."""
    recursive: bool = True
    preserve_includer_indent: bool = True
    dedent: bool = False
    heading_offset: int = 0
    comments: bool = False
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Snippets:
    """pymdownx.snippets' options: ``base_paths`` absolute (its ``base_path``, relative to the
    working directory as the extension resolves it), ``restrict`` its ``restrict_base_path``."""

    base_paths: tuple[str, ...] = ()
    restrict: bool = True
    dedent_subsections: bool = False


@dataclass(frozen=True)
class Includes:
    """The site's include tools, for :mod:`mkdocs_prd.core.includes`: None of each when not configured.

    ``docs_dir`` is absolute; ``roots`` are the folders files may be read from (the site's
    folder and ``docs_dir``, absolute): an include leading elsewhere is not followed.
    ``located`` maps the ``src_path`` of a page outside ``docs_dir`` (a file linted by name)
    to its absolute path.
    """

    docs_dir: str
    roots: tuple[str, ...]
    markdown: IncludeMarkdown | None = None
    snippets: Snippets | None = None
    located: Mapping[str, str] = field(default_factory=dict)

    def page_file(self, src_path: str) -> str:
        """The absolute path of the page ``src_path``."""
        return self.located.get(src_path) or os.path.join(self.docs_dir, *src_path.split("/"))


@lru_cache(maxsize=64)
def _path_spec(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a path matches ``patterns``, as mkdocs-macros compiles ``force_render_paths``
    (git's wildmatch rules)."""
    try:
        return pathspec.PathSpec.from_lines("gitignore", patterns).match_file
    except (KeyError, LookupError):  # pathspec before 0.12 names it only "gitwildmatch"
        return pathspec.PathSpec.from_lines("gitwildmatch", patterns).match_file


@dataclass(frozen=True)
class Settings:
    """Everything the core needs to know about a site's PRD configuration.

    ``severities`` maps rule ids to ``error`` / ``warning`` / ``info`` / ``off`` and
    overrides the catalogue's defaults.  ``paths`` restricts detection to glob
    patterns relative to ``docs_dir`` (empty: every page may be a PRD).
    ``status_aliases`` maps words authors write (``WIP``) to one of ``statuses``
    (``Draft``): PRD102's fix writes the status.
    """

    paths: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    status_aliases: dict[str, str] = field(default_factory=dict)
    required_sections: tuple[str, ...] = DEFAULT_REQUIRED_SECTIONS
    severities: dict[str, str] = field(default_factory=dict)
    iosm_threshold: float = 0.80
    labels: dict[str, str] = field(default_factory=dict)
    trace: TraceSettings | None = None
    """Traceability to code and tests; None when the site has no ``trace`` option."""
    markdown_extensions: tuple[str, ...] | None = None
    """The site's ``markdown_extensions`` by name; None when unknown (no config file)."""
    translations: Translations | None = None
    templating: Templating | None = None
    """Set when the site renders its pages as templates (mkdocs-macros): a ``{{ owner }}``
    there is the value the page shows once rendered, not filler."""
    includes: Includes | None = None
    """Set when the site includes files into pages (mkdocs-include-markdown-plugin,
    pymdownx.snippets): PRDs are read with what they include."""
    approved_status: str | None = None
    """The first of ``statuses`` that counts as approved (the ``approved_status`` option); None:
    the one of ``statuses`` that means Approved (:data:`APPROVED_WORDS`)."""

    @property
    def approved_statuses(self) -> tuple[str, ...]:
        """The statuses (case-folded) that count as approved: the approved status and those after
        it in ``statuses`` (``Implemented``); ``()`` when the site has none (no
        ``approved_status`` and no status meaning Approved).  PRD308, PRD602, PRD701 and the
        history's "Approved on" protect PRDs at these statuses."""
        return _approved_statuses(self.statuses, self.approved_status)

    @property
    def approved_name(self) -> str | None:
        """The site's approved status as ``statuses`` spells it (``Freigegeben``), or None."""
        first = self.approved_statuses[:1]
        return next((s for s in self.statuses if (s.casefold(),) == first), None)

    def is_approved(self, status: str | None) -> bool:
        """Whether a Status value (``**Freigegeben**``, ``approved (CFO)``, a ``status_aliases``
        word) is one of :attr:`approved_statuses`."""
        if not status:
            return False
        word = status_word(status).casefold()
        word = next((s.casefold() for a, s in self.status_aliases.items() if a.casefold() == word), word)
        return word in self.approved_statuses

    def unmatched_paths(self, src_paths: Iterable[str]) -> list[str]:
        """The ``paths`` patterns no page of ``src_paths`` matches (a typo such as ``prd/**``
        for ``prds/**`` makes a site without PRDs, silently): said as a warning by lint and build."""
        pages = list(src_paths)
        return [
            pattern
            for pattern in self.paths
            if not any(glob_match(p, pattern) for p in pages)
            and not (
                self.translations is not None
                and any(glob_match(self.translations.page_of(p)[0], pattern) for p in pages)
            )
        ]

    def in_scope(self, src_path: str) -> bool:
        """Whether ``src_path`` (relative to ``docs_dir``, ``/``-separated) may hold a PRD.

        On a translated site, a translation is in scope when its page is
        (``prds/**`` covers ``prds/x.fr.md`` and, in the folder layout, ``fr/prds/x.md``).
        """
        if not self.paths:
            return True
        if any(glob_match(src_path, pattern) for pattern in self.paths):
            return True
        if self.translations is None:
            return False
        page = self.translations.page_of(src_path)[0]
        return page != src_path and any(glob_match(page, pattern) for pattern in self.paths)

    def same_page(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are one page in two languages (never without translations)."""
        return self.translations is not None and self.translations.same_page(a, b)


NO_APPROVED_STATUS = (
    "None of the statuses means Approved: no PRD counts as approved, so PRD308, PRD602, PRD701 "
    "and the history's 'Approved on' are off. Name the first approved status with the "
    "approved_status option"
)
"""The note for a site whose ``statuses`` name no approved status and that sets no
``approved_status`` (an info, not a warning: such a site is valid, ``--strict`` must pass)."""


@lru_cache(maxsize=64)
def _approved_statuses(statuses: tuple[str, ...], approved_status: str | None) -> tuple[str, ...]:
    order = [s.casefold() for s in statuses]
    first = approved_status.casefold() if approved_status else None
    if first not in order:
        first = next((s for s in order if s in APPROVED_WORDS), None)
    return tuple(order[order.index(first) :]) if first is not None else ()


def glob_match(path: str, pattern: str) -> bool:
    """Match ``path`` against a glob where ``**`` spans folders and ``*`` does not.

    ``prds/**`` matches everything below ``prds/``; ``tracks/*/PRD.md`` matches one
    folder level.
    """
    path = path.replace("\\", "/")
    return _match_parts(path.split("/"), pattern.strip("/").split("/"))


def _match_parts(parts: list[str], pats: list[str]) -> bool:
    # Iterative two-pointer match with backtracking only to the last ``**``,
    # linear in practice and never recursive.
    i = j = 0
    star_j, star_i = -1, -1
    while i < len(parts):
        if j < len(pats) and pats[j] == "**":
            star_j, star_i = j, i
            j += 1
        elif j < len(pats) and fnmatch.fnmatchcase(parts[i], pats[j]):
            i += 1
            j += 1
        elif star_j >= 0:
            star_i += 1
            i, j = star_i, star_j + 1
        else:
            return False
    while j < len(pats) and pats[j] == "**":
        j += 1
    return j == len(pats)
