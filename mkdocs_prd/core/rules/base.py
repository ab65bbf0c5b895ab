"""What a validation rule is, and the small value checks several rules share.

A page rule is a function ``(prd, context) -> Iterable[Hit]``; a site rule (cross-
document, e.g. duplicate Track IDs) is ``(prds, settings) -> Iterable[(path, Hit)]``.
Rules only say *where* and *what*; :mod:`mkdocs_prd.core.rules.validate` turns hits into
:class:`~mkdocs_prd.core.model.Finding` objects with the site's severity, and drops the
rules a page or site silences.  MkDocs-free.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from packaging.version import Version

from mkdocs_prd.core.decoration import without_link
from mkdocs_prd.core.model import Fix, Prd, Severity
from mkdocs_prd.core.moscow import priority_level
from mkdocs_prd.core.parse.lines import front_matter_end, split_lines
from mkdocs_prd.core.parse.rendered import rendered_lines
from mkdocs_prd.core.settings import DEFAULT_STATUSES, Settings


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a rule fires: 1-based line, message naming the value, fix hint,
    and the safe fix when the rule knows the right text (see :mod:`mkdocs_prd.core.rules.edits`)."""

    line: int
    message: str
    hint: str
    fix: Fix | None = None


class RuleContext:
    """What a page rule may look at besides the model: the site settings and the source text.

    ``lines`` (the text split as the parser splits it, so line numbers agree) is
    computed on first use, unless the caller already has them from parsing (pass
    ``lines``: a catalog does, so a page is not split twice).
    """

    def __init__(self, settings: Settings, text: str, lines: Sequence[str] | None = None) -> None:
        self.settings = settings
        self.text = text
        if lines is not None:
            self.__dict__["lines"] = lines  # fills the cached property below

    @cached_property
    def lines(self) -> Sequence[str]:
        """The source lines, without line endings (1-based line n is ``lines[n - 1]``)."""
        return split_lines(self.text)

    @cached_property
    def rendered(self) -> Sequence[str]:
        """The source lines as the parser read them: as the page renders them, no-break spaces
        as spaces, zero-width characters dropped, references and escapes as their character
        (see :func:`~mkdocs_prd.core.parse.rendered.rendered_lines`); the same numbering as
        :attr:`lines`, which quotes and fixes use."""
        lines = list(self.lines)
        return rendered_lines(self.text, lines, front_matter_end(lines) + 1)


PageCheck = Callable[[Prd, RuleContext], Iterable[Hit]]
SiteCheck = Callable[[Sequence[Prd], Settings], Iterable[tuple[str, Hit]]]


@dataclass(frozen=True)
class Rule:
    """One catalogue entry.  At most one of ``page`` / ``site`` is set; neither for the
    traceability rules, which :mod:`mkdocs_prd.core.trace` checks with the site's code and tests,
    nor for the change-review rules (PRD7xx), which compare two revisions in ``mkdocs-prd review``."""

    id: str
    severity: Severity
    summary: str
    page: PageCheck | None = None
    site: SiteCheck | None = None
    fixable: str = ""
    """What the rule's safe fix does (empty: the rule has none); the rule table shows it."""


def page_rule(
    rule_id: str, severity: Severity, summary: str, fixable: str = ""
) -> Callable[[PageCheck], Rule]:
    """Decorator turning a page check function into a :class:`Rule` (``fixable``: see :class:`Rule`)."""

    def wrap(check: PageCheck) -> Rule:
        return Rule(rule_id, severity, summary, page=check, fixable=fixable)

    return wrap


def site_rule(rule_id: str, severity: Severity, summary: str) -> Callable[[SiteCheck], Rule]:
    """Decorator turning a cross-document check function into a :class:`Rule`."""

    def wrap(check: SiteCheck) -> Rule:
        return Rule(rule_id, severity, summary, site=check)

    return wrap


# --- shared value checks -------------------------------------------------------------

PRIORITIES: tuple[str, ...] = ("Must", "Should", "Could")

_ALTERNATIVES = re.compile(r"\s*[|/]\s*")


def quote(value: str, limit: int = 60) -> str:
    """``value`` shortened for a message, as a code span (:func:`code`; the renderer escapes
    it for HTML)."""
    flat = " ".join(value.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return code(flat)


def code(text: str) -> str:
    """``text`` as one Markdown code span that shows it as written, backticks included.

    The fence is one backtick longer than the longest run inside (`` `a`b` `` is
    ````` ``a`b`` `````), with a space inside each end where ``text`` begins or ends with a
    backtick (CommonMark and Python-Markdown drop it): a value with backticks of its own
    would otherwise close the span early, and the findings panel show the rest as code.
    """
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def is_bracketed(value: str) -> bool:
    """A whole value in square brackets, the template's way of writing a placeholder
    (a reference link round the value, ``[Approved][s]``, is none)."""
    v = value.strip()
    return len(v) > 2 and v.startswith("[") and v.endswith("]") and without_link(v) == v


def alternatives(value: str, words: Iterable[str]) -> bool:
    """True when ``value`` lists two or more of ``words`` separated by ``|`` or ``/``.

    That is the template's unfilled choice (``Draft | Review | Approved | Implemented``,
    ``Must / Should / Could``), not a real value.
    """
    if "|" not in value and "/" not in value:
        return False  # one part only: the split below would find no alternatives
    parts = [p.strip("* ").casefold() for p in _ALTERNATIVES.split(value.strip())]
    if len(parts) < 2:
        return False
    known = _casefolded(words if isinstance(words, tuple) else tuple(words))
    return all(p in known for p in parts)


@lru_cache(maxsize=64)
def _casefolded(words: tuple[str, ...]) -> frozenset[str]:
    # Cached: the same few word lists (priorities, a site's statuses) are asked about
    # for every requirement of every page.
    return frozenset(w.casefold() for w in words)


def status_placeholder(value: str, settings: Settings) -> bool:
    """The Status still reads like the template's list of choices (or a bracketed text)."""
    return is_bracketed(value) or alternatives(value, _status_words(tuple(settings.statuses)))


@lru_cache(maxsize=64)
def _status_words(statuses: tuple[str, ...]) -> tuple[str, ...]:
    return (*DEFAULT_STATUSES, *statuses)


def priority_placeholder(value: str) -> bool:
    """The Priority still reads ``Must / Should / Could`` (or a bracketed text)."""
    return is_bracketed(value) or alternatives(value, PRIORITIES)


def normal_priority(value: str) -> str | None:
    """The MoSCoW level a priority names in any case and form (``**MUST**``, ``Must have``,
    ``Won't have``): ``Must`` / ``Should`` / ``Could`` / ``Won't``, else None.  See
    :func:`mkdocs_prd.core.parse.priority.moscow`."""
    return priority_level(value)


_VERSION_REMARK = re.compile(r"(\S+)[ \t]+(?:\([^()\n]{1,200}\)|\[[^\[\]\n]{1,200}\])")
"""A version and a remark in brackets after it: ``1.2 (approved)``, ``1.2 [after review]``."""


def version_text(text: str) -> str:
    """A Version value without a remark in brackets after it, as Status and Date values may have
    one: ``1.2 (approved)`` -> ``1.2``; other text stripped, as it is (``1.2 beta`` stays)."""
    text = text.strip()
    m = _VERSION_REMARK.fullmatch(text)
    return m.group(1) if m is not None else text


def version_key(text: str) -> Version | None:
    """The version ``text`` names, to compare as versions: ``0.3-rc1`` < ``0.3`` < ``v0.10``.

    ``packaging.version`` reads PEP 440 and the usual SemVer spellings (``1.0.0-beta.2``,
    ``v2.1``, ``0.3-rc1``) and orders pre-releases before their release, which neither a
    first-number match nor a string comparison does; trailing zeros are equal (``1.0`` ==
    ``1``).  None for text that is not a version (``draft``, ``1.2 beta``), and for one
    whose number has more digits than Python turns into an int (4,300).  A remark in brackets
    after the version is not part of it (:func:`version_text`).
    """
    try:
        return Version(version_text(text).strip("*_`").strip())
    except ValueError:  # InvalidVersion, and int()'s digit limit on a 5,000-digit part
        return None


def heading_line(prd: Prd) -> int:
    """The line findings about the page as a whole point at: the title, else line 1."""
    return prd.title_line if prd.title_line > 0 else 1
