"""Rules about the section tree: PRD002, PRD201-PRD204."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from mkdocs_prd.core.model import Edit, Fix, Prd, Section, Severity
from mkdocs_prd.core.parse.goals import LATER_LABEL, names_goals, names_non_goals
from mkdocs_prd.core.parse.header import names_header
from mkdocs_prd.core.parse.lines import HEADING, TEXT, bold_label, front_matter_end, heading_text, scan
from mkdocs_prd.core.parse.sections import normalise_title, split_number, subsection_key, title_key
from mkdocs_prd.core.parse.users import has_word, names_personas, names_use_cases, title_words
from mkdocs_prd.core.rules.base import Hit, RuleContext, code, heading_line, page_rule, quote
from mkdocs_prd.core.rules.edits import line_text, replace_match
from mkdocs_prd.core.rules.filler import rendering
from mkdocs_prd.core.rules.languages import LOCAL_PARTS, LOCAL_SECTIONS, page_language

TEMPLATE_SECTIONS: dict[str, tuple[int | None, str]] = {
    "problem": (1, "Problem"),
    "goals": (2, "Goals / Non-goals"),
    "users": (3, "Users & Use Cases"),
    "scope": (4, "Scope"),
    "requirements": (5, "Requirements"),
    "ux": (6, "UX / API / Data"),
    "risks": (7, "Risks & Mitigations"),
    "acceptance": (8, "Acceptance Criteria"),
    "rollout": (9, "Rollout / Migration Plan"),
    "iosm": (10, "IOSM Targets"),
    "appendix": (None, "Appendix"),
}
"""Template section keys in template order, with their number and title."""

_ORDER = {key: i for i, key in enumerate(TEMPLATE_SECTIONS)}


def template_heading(key: str) -> str:
    """The heading the template uses for section ``key`` (``5. Requirements``)."""
    number, title = TEMPLATE_SECTIONS[key]
    return f"{number}. {title}" if number is not None else title


@page_rule(
    "PRD002",
    Severity.WARNING,
    "a code block or HTML comment is never closed, so it hides the rest of the page",
)
def unclosed_block(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for problem in prd.problems:
        if problem.code == "fence":
            yield Hit(
                problem.line,
                "Code block is never closed: it hides the rest of the page",
                "Close the code block with ```",
            )
        elif problem.code == "html-comment":
            yield Hit(
                problem.line,
                "HTML comment is never closed: it hides the rest of the page",
                "Close the comment with `-->`",
            )


@page_rule(
    "PRD003",
    Severity.ERROR,
    "an include directive's path names no file (include-markdown stops the build there)",
)
def missing_include(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    said = "the page is read without it, and its missing sections are not reported until the path is right"
    hint = "Paths without `./` or `../` are relative to docs_dir; for a file beside the page write `./`"
    missing = [p for p in prd.problems if p.code == "include-missing"]
    return iter([Hit(p.line, f"Include path {code(p.message)} names no file: {said}", hint) for p in missing])


def _page_line(prd: Prd, ctx: RuleContext) -> int:
    """The title's line, or, when the title is front matter's, the first line after it: a
    finding about the page never points inside the front matter."""
    line = heading_line(prd)
    lines = ctx.lines
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(2, len(lines) + 1) if lines[n - 1].strip() in ("---", "...")), 0)
        if end and line <= end:
            return min(end + 1, len(lines))
    return line


@page_rule(
    "PRD201",
    Severity.ERROR,
    "a required section is missing (default: the template's sections 1-10 and the Appendix; configurable), "
    "or is written one level too deep (### 5. Requirements) or with one # (# 2. Goals, #2. Goals)",
    fixable="a required section written as a ### subsection or with one # gets ## marks",
)
def missing_sections(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    if any(p.code == "include-missing" for p in prd.problems):
        return  # PRD003 names the cause; the sections may well be in the file it meant
    present = {s.key for s in prd.sections if s.key}
    missing = [k for k in ctx.settings.required_sections if k not in present and k in TEMPLATE_SECTIONS]
    if not missing or _template_includes(prd, ctx):
        return  # (the site's templates may include the text here: no one reads it before the build)
    too_deep = _written_too_deep(prd, ctx)
    too_high: dict[str, tuple[int, str]] | None = None
    for key in missing:
        deep = too_deep.get(key)
        if deep is not None:
            sub, parent = deep
            yield Hit(
                sub.line,
                f"Required section “{template_heading(key)}” is written one level too deep: "
                f"{quote(sub.title)} is a subsection of {quote(parent.title)}",
                "Make it a section: write its heading with `##`",
                _raise_heading(ctx, sub),
            )
            continue
        if too_high is None:
            too_high = _level_one_lines(prd, ctx)  # (once per page, only when a section is missing)
        high = too_high.get(key)
        if high is not None:
            yield _written_too_high(ctx, key, *high)
            continue
        # Point at the place the section belongs: the next template section that exists,
        # else the title (the last line of the page helps nobody in an editor).
        later = [s.line for s in prd.sections if s.key in _ORDER and _ORDER[s.key] > _ORDER[key]]
        line = min(later) if later else _page_line(prd, ctx)
        heading = template_heading(key)
        yield Hit(
            line,
            f"Required section “{heading}” is missing",
            f"Add a `## {_local_heading(prd, key)}` section (see the PRD template), "
            f"or drop `{key}` from `required_sections`",
        )


def _template_includes(prd: Prd, ctx: RuleContext) -> bool:
    """Whether the site renders this page as a template (mkdocs-macros) and the page includes
    another file through it (``{% include 'shared/iosm.md' %}``, ``{% import %}``, ``{% extends %}``).

    The included text is on the built page but is read by neither lint nor the build's
    checks (mkdocs-include-markdown's and snippets' includes are, see ``core.includes``):
    a section it brings would be reported missing on a page that shows it.
    """
    templating = rendering(prd, ctx.settings)
    if templating is None or templating.names:
        return False
    text = ctx.text
    for start in templating.starts:  # the statement openings: {% by default, [% and the like
        statement = re.escape(start) + r"-?\s*(?:include|import|from|extends)\b"
        if start.endswith("%") and start in text and re.search(statement, text):
            return True
    return False


def _local_heading(prd: Prd, key: str) -> str:
    """The heading to ask for: the template's, in the language the page's titles are in
    (``10. IOSM-Ziele`` on a German page), numbered only when the page numbers its sections."""
    language = page_language(prd)
    if language == "en":
        return template_heading(key)
    number, _ = TEMPLATE_SECTIONS[key]
    title = LOCAL_SECTIONS[language][key]
    numbered = number is not None and any(s.number for s in prd.sections)
    return f"{number}. {title}" if numbered else title


def _written_too_deep(prd: Prd, ctx: RuleContext) -> dict[str, tuple[Section, Section]]:
    """The required sections missing at level 2 that are written a level too deep (see
    :func:`_too_deep`), by template key."""
    present = {s.key for s in prd.sections if s.key}
    found: dict[str, tuple[Section, Section]] = {}
    for key in ctx.settings.required_sections:
        deep = _too_deep(prd, key) if key not in present and key in TEMPLATE_SECTIONS else None
        if deep is not None:
            found[key] = deep
    return found


def _too_deep(prd: Prd, key: str) -> tuple[Section, Section] | None:
    """The first ``###`` subsection that is template section ``key`` written a level too deep
    (``### 5. Requirements``), with its section: its title names the section and carries
    the section's number, or is the template's title itself (``### Appendix``).  A subsection
    that only shares a word with it (``### Risks`` in the rollout plan) is not one."""
    number, title = TEMPLATE_SECTIONS[key]
    for section in prd.sections:
        for sub in section.subsections:
            sub_number, sub_title = split_number(sub.title)
            if title_key(sub_title) != key:
                continue
            if sub_number == str(number) or normalise_title(sub_title) == normalise_title(title):
                return sub, section
    return None


_LEVEL_ONE = re.compile(r"(#)(?!#)[ \t]*(?=\S)")
"""One ``#`` at the start of a line, with or without a blank after it (``# 2. Goals``,
``#2. Goals``)."""


def _level_one_lines(prd: Prd, ctx: RuleContext) -> dict[str, tuple[int, str]]:
    """The required sections written with one ``#`` (a level-1 heading, or a paragraph when no
    blank follows the mark): by template key, the first such line's number and text.  Its title
    names the section and carries its number, or is the template's title itself."""
    found: dict[str, tuple[int, str]] = {}
    if "\n#" not in ctx.text:
        return found
    lines = list(ctx.lines)
    src = scan(lines, front_matter_end(lines) + 1)
    for n, line in enumerate(lines, 1):
        if line[:1] != "#" or n == prd.title_line or src.kinds[n - 1] not in (TEXT, HEADING):
            continue
        mark = _LEVEL_ONE.match(line)
        if mark is None:
            continue
        number, title = split_number(heading_text(line[mark.end() :].strip()))
        key = title_key(title)
        if key is None or key in found or key not in TEMPLATE_SECTIONS:
            continue
        template_number, template_title = TEMPLATE_SECTIONS[key]
        if number == str(template_number) or normalise_title(title) == normalise_title(template_title):
            found[key] = (n, line)
    return found


def _written_too_high(ctx: RuleContext, key: str, n: int, line: str) -> Hit:
    """PRD201 for a required section written with one ``#``: a level-1 heading (the title's
    level), or with no blank after the mark a paragraph on GitHub and the site."""
    mark = _LEVEL_ONE.match(line)
    end = mark.end() if mark is not None else 1
    how = (
        "a level-1 heading, the title's level, not a section"
        if line[1:2] in (" ", "\t")
        else "a paragraph on GitHub and on this site (no blank after the `#`), and no section"
    )
    return Hit(
        n,
        f"Required section “{template_heading(key)}” is written with one `#`: {quote(line.strip())} is {how}",
        "Make it a section: write its heading with `## ` (two `#` marks and a blank)",
        Fix("Write its heading with `## `", (Edit(n, 0, end, "## "),)),
    )


_ATX_MARKS = re.compile(r"^ {0,3}(#{3,6})(?=[ \t])")


def _raise_heading(ctx: RuleContext, sub: Section) -> Fix | None:
    text = line_text(ctx.lines, sub.line)
    match = _ATX_MARKS.match(text) if text is not None else None
    if match is None:
        return None
    return replace_match(sub.line, match, 1, "##", "Write its heading with `##`")


@page_rule(
    "PRD202",
    Severity.WARNING,
    "sections are out of order or misnumbered",
    fixable="a misnumbered section gets its number (out-of-order sections are left to the author)",
)
def section_order(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[str, Section] = {}
    furthest: Section | None = None
    previous_number = 0
    for s in prd.sections:
        if s.level != 2 or (s.key is None and names_header(s.title)):
            continue  # "## 0. Metadata" holds the header: it is not numbered among the sections
        number = _int(s.number)
        if s.key in _ORDER:
            if s.key in seen and split_part(seen[s.key], s):
                continue  # the second half of a split section: see PRD204
            if s.key in seen:
                yield Hit(
                    s.line,
                    f"Section {quote(s.title)} appears twice (first on line {seen[s.key].line})",
                    "Merge the two sections into one",
                )
                continue
            seen[s.key] = s
            if furthest is not None and _ORDER[s.key] < _ORDER[str(furthest.key)]:
                yield Hit(
                    s.line,
                    f"Section {quote(s.title)} comes after {quote(furthest.title)}; "
                    "the template puts it before",
                    f"Move it to its place in the template order ({template_heading(s.key)})",
                )
                if number is not None:
                    previous_number = number
                continue
            furthest = s
        if number is None:
            continue
        expected = TEMPLATE_SECTIONS[s.key][0] if s.key in TEMPLATE_SECTIONS else None
        # The template's own number is right, and so is a consecutive renumbering
        # (a site that drops a section and numbers the rest 1, 2, 3 ...).
        if number != expected and number != previous_number + 1:
            wanted = expected if expected is not None else previous_number + 1
            yield Hit(
                s.line,
                f"Section {quote(s.title)} is numbered {number}; expected {wanted}",
                f"Number it `## {wanted}. …`",
                _renumber(ctx, s, number, wanted),
            )
        previous_number = number


def _heading_number(number: int) -> re.Pattern[str]:
    # The number right after the heading's `##` (or at the start of a setext heading),
    # possibly inside emphasis, and followed by `.`, `)` or a blank as the parser reads it.
    return re.compile(rf"^ {{0,3}}(?:#{{2}}[ \t]+)?[*_]*(0*{number})(?=[.)]?[ \t])")


def _renumber(ctx: RuleContext, section: Section, number: int, wanted: int) -> Fix | None:
    text = line_text(ctx.lines, section.line)
    match = _heading_number(number).match(text) if text is not None else None
    if match is None:
        return None
    return replace_match(section.line, match, 1, str(wanted), f"Number it {wanted}")


def _int(number: str | None) -> int | None:
    if number is None:
        return None
    digits = number.strip().rstrip(".")
    return int(digits) if digits.isdigit() and len(digits) < 6 else None


@page_rule("PRD203", Severity.WARNING, "a section has no content")
def empty_section(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    stated = {t.line for t in prd.iosm.targets}  # "### Gate-O: p95 < 300 ms" states its target
    # A required section written one level too deep is PRD201's (its subsections follow it)
    stated.update(sub.line for sub, _ in _written_too_deep(prd, ctx).values())
    for s in prd.sections:
        empty = [s] if not s.has_content else []
        empty += [
            sub
            for i, sub in enumerate(s.subsections)
            if not sub.has_content and sub.line not in stated and not _titles_group(prd, s, i)
        ]
        for e in empty:
            yield Hit(
                e.line, f"Section {quote(e.title)} has no content", "Write the section, or remove the heading"
            )


def _titles_group(prd: Prd, section: Section, index: int) -> bool:
    """Whether the empty subsection ``index`` of ``section`` is the title of the headings after it:
    ``### Functional Requirements`` over ``### FR-1: Export`` (the requirements are its content).

    It is when the next heading holds a requirement the parser read (one source of truth
    with the model)."""
    sub = section.subsections[index]
    if section.key != "requirements" or sub.key not in ("functional", "non_functional"):
        return False
    following = section.subsections[index + 1 : index + 2]
    if not following or following[0].key in ("functional", "non_functional"):
        return False
    start, end = following[0].line, following[0].end_line
    return any(start <= r.line <= end for r in (*prd.functional, *prd.non_functional))


def _subsection_checks() -> dict[str, tuple[tuple[str, Callable[[tuple[str, ...]], bool]], ...]]:
    return {
        "goals": (("Goals", names_goals), ("Non-Goals", names_non_goals)),
        "users": (
            ("Primary Personas", names_personas),
            ("Use Cases", names_use_cases),
        ),
        "requirements": (
            ("Functional Requirements", lambda w: has_word(w, ("functional",), False) or "frs" in w),
            (
                "Non-Functional Requirements",
                lambda w: has_word(w, ("functional",), True) or "nfr" in w or "nfrs" in w,
            ),
        ),
    }


EXPECTED_SUBSECTIONS = _subsection_checks()
"""Per section key, the subsections a PRD is expected to have and how to recognise them."""
_PART_KEYS = {
    "Goals": "goals",
    "Non-Goals": "non_goals",
    "Primary Personas": "personas",
    "Use Cases": "use_cases",
    "Functional Requirements": "functional",
    "Non-Functional Requirements": "non_functional",
}
"""The :func:`~mkdocs_prd.core.parse.sections.subsection_key` of each expected part."""


@page_rule(
    "PRD204",
    Severity.WARNING,
    "an expected subsection is missing (Goals / Non-Goals; Personas / Use Cases; "
    "Functional / Non-Functional Requirements)",
)
def missing_subsections(prd: Prd, ctx: RuleContext) -> Iterator[Hit]:
    for key, expected in EXPECTED_SUBSECTIONS.items():
        section = prd.section(key)
        if section is None or not section.has_content:
            continue  # PRD201 / PRD203 already say so
        # A part may be a ### subsection, a bold label line (``**Primary users:**``), or
        # a section of its own: ``## Non-Goals`` beside ``## 2. Goals``.
        parts = [s for s in prd.sections if s.key == key]
        titles = [title_words(sub.title) for p in parts for sub in p.subsections]
        titles += [title_words(label.text) for p in parts for label in p.labels]
        titles += [w for p in parts if len(_parts_named(expected, w := title_words(p.title))) == 1]
        found = _found_in_model(prd, key)
        # A subsection the parser names in any language it knows ("### Nicht-Ziele", "### Casos de uso").
        keys = {subsection_key(sub.title) for p in parts for sub in p.subsections}
        found |= {name for name, _ in expected if _PART_KEYS[name] in keys}
        inline: list[tuple[str, ...]] | None = None  # label lines with their text, read when needed
        # A label line names a part as a subsection title does, in any language ("**Ziele:**").
        keys |= {subsection_key(label.text) for p in parts for label in p.labels}
        for name, matches in expected:
            if name in found or _PART_KEYS[name] in keys or any(matches(words) for words in titles):
                continue
            if inline is None:
                labels = [label for p in parts for label in inline_labels(ctx.rendered, p)]
                inline = [title_words(label) for label in labels]
                keys |= {subsection_key(label) for label in labels}
            if _PART_KEYS[name] not in keys and not any(matches(words) for words in inline):
                language = page_language(prd)
                local = LOCAL_PARTS[language][name] if language in LOCAL_PARTS else name
                yield Hit(
                    section.line,
                    f"Section {quote(section.title)} has no {name} subsection",
                    f"Add a `### {local}` subsection (or a `**{local}:**` line over its list)",
                )


def _found_in_model(prd: Prd, key: str) -> frozenset[str]:
    """The expected parts of section ``key`` that the parser found content of, whatever the
    headings (one source of truth with the model): a persona (``**Persona: Support Agent**``
    and its ``- Role:`` bullets, a list of personas), a use case, a functional or
    non-functional requirement (``### FR-1: Export`` right under ``## 5. Requirements``), a
    non-goal (``- Non-goal: PDF export``)."""
    found = set()
    if key == "requirements":
        if prd.functional:
            found.add("Functional Requirements")
        if prd.non_functional:
            found.add("Non-Functional Requirements")
        return frozenset(found)
    if key == "goals":  # non-goals are read only where something names them (a label, a column)
        return frozenset({"Non-Goals"} if prd.non_goals else ())
    if key != "users":
        return frozenset()
    if prd.personas:
        found.add("Primary Personas")
    if prd.use_cases:
        found.add("Use Cases")
    return frozenset(found)


_PLAIN_LABEL = re.compile(r"([^\W\d_][\w /&()-]{0,40}?)[ \t]*:[ \t]+\S")
_ITEM_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")


def inline_labels(lines: Sequence[str], section: Section) -> Iterator[str]:
    """The labels that open a line of ``section`` with their text after them: ``**Personas:** finance
    clerks …``, ``- **Goals:** …`` or a plain ``Non-goals: a points system.`` (a plain label only on
    a line of text, not in a list item, where ``Key: value`` is an ordinary bullet)."""
    for n in range(section.line + 1, min(section.end_line, len(lines)) + 1):
        s = lines[n - 1].strip()
        item = _ITEM_MARKER.match(s)
        if item:
            s = s[item.end() :]
        if s[:2] in ("**", "__"):
            pair = bold_label(s)
            if pair is None:
                continue
            yield pair[0]
        elif not item and (plain := _PLAIN_LABEL.match(s)):
            yield plain.group(1)
        else:
            continue
        # "Goals: follow the OS theme. Non-goals: custom themes.": a second label after a sentence.
        yield from (m.group(1) for m in LATER_LABEL.finditer(s))


def _parts_named(
    expected: tuple[tuple[str, Callable[[tuple[str, ...]], bool]], ...], words: tuple[str, ...]
) -> list[str]:
    """The expected parts a title names: ``Non-Goals`` names one, ``Goals / Non-goals`` both."""
    return [name for name, matches in expected if matches(words)]


def split_part(first: Section, second: Section) -> bool:
    """Whether two sections with one key are the halves of a split template section.

    ``## 2. Goals`` then ``## Non-Goals``: each title names one part, and not the same.
    """
    expected = EXPECTED_SUBSECTIONS.get(str(first.key))
    if expected is None:
        return False
    a = _parts_named(expected, title_words(first.title))
    b = _parts_named(expected, title_words(second.title))
    return len(a) == 1 and len(b) == 1 and a != b


RULES = (unclosed_block, missing_include, missing_sections, section_order, empty_section, missing_subsections)
