"""A PRD page read with the files it includes, as the site's include tools put them in.

MkDocs-free.  With mkdocs-include-markdown-plugin (``{% include-markdown "x.md" %}``,
``{% include "x.md" %}``) or pymdownx.snippets (``--8<-- "x.md"``) a PRD's requirements or
sections may stand in another file; read without them, the page would miss them (false
PRD201, PRD304, PRD601).  :meth:`Includer.expand` gives the page's text with its includes
put in, in the order the tools run (include-markdown before Markdown, snippets during it),
and, for every line of that text, the page's own line it stands for: an included line
stands for its directive's line (:mod:`.remap` maps models and findings back).

Only pages with a directive cost anything: the test for one is a substring search.  Files
are read only inside the site's folders (``Includes.roots``), each once per build; see
:mod:`.tags` and :mod:`.snippets` for what is followed and what stays as text.  Never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_prd.core.includes.context import Context
from mkdocs_prd.core.includes.files import IncludeFiles
from mkdocs_prd.core.includes.snippets import expand_snippets, has_snippet
from mkdocs_prd.core.includes.tags import expand_tags, has_directive
from mkdocs_prd.core.includes.text import Line, own_lines
from mkdocs_prd.core.model import Problem
from mkdocs_prd.core.parse.lines import front_matter_end, split_lines
from mkdocs_prd.core.settings import Includes


@dataclass(frozen=True)
class Expanded:
    """A page's text with its includes put in.

    ``text`` is the expanded page; for each of its lines (0-based index ``i`` is line
    ``i + 1``): ``own[i]`` the page's own 1-based line it stands for, ``origin[i]`` the
    ``(file, line)`` it was included from (None for the page's own text), ``exact[i]``
    whether it is that own line exactly as written (same columns).  ``line_count`` is the
    number of the page's own lines.
    """

    text: str
    own: tuple[int, ...]
    origin: tuple[tuple[str, int] | None, ...]
    exact: tuple[bool, ...]
    line_count: int
    missing: tuple[tuple[int, str], ...] = ()
    """``(own line, path as written)`` of the page's include directives whose path names no
    file (include-markdown stops the build there)."""

    def own_line(self, line: int) -> int:
        """The page's own line for 1-based ``line`` of ``text`` (past its end: as far past the file's end)."""
        if 1 <= line <= len(self.own):
            return self.own[line - 1] or 1
        return line - len(self.own) + self.line_count if line > 0 else line

    def problems(self) -> list[Problem]:
        """A parser problem (``include-missing``, rule PRD003) for each directive in
        :attr:`missing`, on its line of ``text`` (the directive stays there as text)."""
        return [
            Problem(self.own.index(own) + 1 if own in self.own else own, "include-missing", path)
            for own, path in self.missing
        ]

    def rewritten(self) -> frozenset[int]:
        """The page's own lines that do not stand in the text as written (include directives,
        escaped markers, text beside a directive)."""
        return frozenset(own for own, exact in zip(self.own, self.exact, strict=True) if not exact)


def might_include(text: str, includes: Includes) -> bool:
    """Whether ``text`` may hold a directive of the site's include tools (a substring test)."""
    md, sn = includes.markdown, includes.snippets
    return (md is not None and has_directive(text, md)) or (sn is not None and has_snippet(text))


class Includer:
    """Expands the pages of one site (one instance per build: each included file is read once).

    ``files`` reads the included files (default: from disk; a git revision's files for a
    change review), with the site's paths.
    """

    def __init__(self, includes: Includes, files: IncludeFiles | None = None) -> None:
        self.includes = includes
        self.files = files if files is not None else IncludeFiles(includes.roots, includes.docs_dir)

    def expand(self, src_path: str, text: str) -> Expanded | None:
        """``text`` of the page ``src_path`` with its includes put in; None when it includes nothing."""
        md, sn = self.includes.markdown, self.includes.snippets
        tags = md is not None and has_directive(text, md)
        snippets = sn is not None and has_snippet(text)
        if not (tags or snippets):  # as might_include: no directive, nothing read
            return None
        lines = split_lines(text)
        body_start = front_matter_end(lines)  # front matter is never expanded (MkDocs removes it first)
        ctx = Context(self.includes, self.files)
        body: list[Line]
        if tags and md is not None:
            file = self.includes.page_file(src_path)
            body = expand_tags("\n".join(lines[body_start:]), body_start + 1, file, ctx, md)
        else:
            body = own_lines(lines[body_start:], body_start + 1)
        # Snippets run after include-markdown, also on what it included.
        if sn is not None and (snippets or any(has_snippet(t) for t, *_ in body)):
            body = expand_snippets(body, ctx, sn)
        result = [*own_lines(lines[:body_start]), *body]
        if len(result) == len(lines) and all(exact for *_, exact in result) and not ctx.missing:
            return None
        return Expanded(
            "".join(f"{t}\n" for t, *_ in result),
            tuple(own for _, own, _, _ in result),
            tuple(origin for _, _, origin, _ in result),
            tuple(exact for *_, exact in result),
            len(lines),
            tuple(ctx.missing),
        )
