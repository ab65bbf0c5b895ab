"""The acceptance criteria of section 8: check boxes and Given/When/Then scenarios.

A criterion is a check box in any list (``- [ ]``, ``1. [x]``), a Given/When/Then
scenario on one item (``- **Given** a cart, **when** I pay, **then** an order exists``), or
a scenario written as one step per item::

    **Scenario: month export**
    - Given a month with 3 invoices
    - When the clerk exports
    - Then the CSV has 3 rows

which is one criterion (at its Given line); so are the same steps as the lines of a
paragraph.  A subsection that says its items are not
acceptance criteria (``### Follow-ups (not part of acceptance)``, ``### Out of scope``) is
left out.
"""

from __future__ import annotations

import re

from mkdocs_prd.core.model import Criterion, Section
from mkdocs_prd.core.parse.ac_tables import table_criteria
from mkdocs_prd.core.parse.lines import BLANK, ITEM, TEXT, Source
from mkdocs_prd.core.parse.sections import normalise_title

_NOT_CRITERIA: tuple[str, ...] = (
    "follow up",
    "follow ups",
    "followup",
    "followups",
    "not part of acceptance",
    "not acceptance",
    "not acceptance criteria",
    "out of scope",
    "next steps",
    "future work",
    "deferred",
    "backlog",
)
"""Words of a subsection title (normalised) that say its items are not acceptance criteria."""
_GIVEN = re.compile(r"\bgiven\b", re.IGNORECASE)
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)
_DONE_MARKS = ("✅", "✔", "☑", "✓")
_DONE_WORDS = re.compile(r"[(\[](?:done|met|passed|verified)[)\]]\s*$", re.IGNORECASE)
_STEP = re.compile(r"[*_~ \t]*(given|when|then|and|but)\b", re.IGNORECASE)
# "AC1:", "AC-2 -", "**AC 3.**", "[AC-4]": a line or item that opens with a criterion's id.
_AC_LEAD = re.compile(
    r"[*_]{0,3}\[?AC[-\u2010-\u2013 ]?[0-9]+[A-Za-z]?(?:\.[0-9]+)?\]?[*_]{0,3}[ \t]*[:.)\]\u2013\u2014-]"
)


def criteria(src: Source, sec: Section) -> tuple[Criterion, ...]:
    """Check boxes, Given/When/Then scenarios, ``AC-1:`` lines and criteria table rows of the
    acceptance section ``sec``, in order."""
    out: list[Criterion] = []
    regions = [("", sec.line + 1, _own_end(sec))]
    regions += [(s.title, s.line + 1, s.end_line) for s in sec.subsections if not _excluded(s.title)]
    for group, start, end in regions:
        out += _region(src, group, start, min(end, len(src.lines)))
        out += table_criteria(src, group, start, min(end, len(src.lines)))
    # "- [ ] TBD" holds no criterion yet (PRD110 says so): the card counts none, not "0 of 1".
    return tuple(sorted((c for c in out if not _unwritten(c.text)), key=lambda c: c.line))


_WITHDRAWN = re.compile(r"~~[^~]+~~[ \t]*(?:$|[(\[–—:;,-])")
_UNWRITTEN = frozenset({"tbd", "tbc", "tba", "todo", "fixme", "xxx", "???", "??", "to be defined"})


def _unwritten(text: str) -> bool:
    """Whether a criterion's text is only a filler word (``TBD``, ``TODO``, ``???``)."""
    return text.strip(" \t*_`.:").casefold() in _UNWRITTEN or text.strip() in ("...", "…")


def _region(src: Source, group: str, start: int, end: int) -> list[Criterion]:
    out: list[Criterion] = []
    steps: list[tuple[int, str, str]] = []  # the scenario being read: (line, step word, text)
    items, kinds, lines = src.items, src.kinds, src.lines
    for n in range(start, end + 1):
        kind = kinds[n - 1]
        if kind == BLANK:
            continue  # a loose list, or a blank between steps, goes on with the scenario
        if kind == ITEM:
            text = items[n][2]
        elif kind == TEXT:
            text = lines[n - 1].strip().rstrip("\\").rstrip()  # a line of a paragraph, hard break off
        else:
            _scenario(steps, group, out)
            steps = []
            continue
        step = _STEP.match(text)
        word = step.group(1).casefold() if step is not None else ""
        if steps and word in ("when", "then", "and", "but"):
            steps.append((n, word, text))
            continue
        _scenario(steps, group, out)
        steps = []
        mark = text[1:2]
        if kind != ITEM and _AC_LEAD.match(text) is None:
            if word == "given" and given_when_then(text) is None:
                steps.append((n, word, text))  # "Given …" opening a paragraph of steps
        elif (
            text[:1] == "["
            and len(text) >= 3
            and text[2] == "]"
            and mark in (" ", "x", "X")
            and text[3:4] in ("", " ", "\t")
        ):
            box = text[3:].strip()
            # "- [ ] ~~Video walkthrough~~ (dropped)": a criterion struck out is withdrawn, not open.
            out.append(Criterion(box, mark != " ", group, n, mark != " " or _WITHDRAWN.match(box) is None))
        elif (scenario := given_when_then(text)) is not None:
            out.append(Criterion(scenario[0], scenario[1], group, n))
        elif word == "given":
            steps.append((n, word, text))
        elif _AC_LEAD.match(text) is not None:
            # "AC1: the CSV opens in Excel", "- **AC-2:** …": a criterion named by its id
            plain = text.replace("**", "").replace("__", "")
            out.append(Criterion(text.strip(), marked_done(plain), group, n))
        elif items[n][0] < 2 and text and not word and _SCENARIO_LABEL.match(text) is None:
            # (a step word opens a scenario's fragment; "- Scenario: …" labels the steps under it)
            # "1. FR-1 verified", "- ✅ Export tested", "- ❌ Load test": a criterion, its state
            # as far as it is written.
            plain = text.replace("**", "").replace("__", "")
            done = marked_done(plain)
            out.append(Criterion(text.strip(), done, group, n, done or _marked_open(plain)))
    _scenario(steps, group, out)
    return out


def _scenario(steps: list[tuple[int, str, str]], group: str, out: list[Criterion]) -> None:
    """Add the scenario of ``steps`` (its Given item first) when it has a Then step; it is
    done when its last step is marked so."""
    if not any(word == "then" for _, word, _ in steps):
        return
    text = " ".join(t.strip() for _, _, t in steps)
    last = steps[-1][2].replace("**", "").replace("__", "")
    out.append(Criterion(text, marked_done(last), group, steps[0][0]))


def _excluded(title: str) -> bool:
    padded = f" {normalise_title(title)} "
    return any(f" {w} " in padded for w in _NOT_CRITERIA)


def _own_end(sec: Section) -> int:
    return sec.subsections[0].line - 1 if sec.subsections else sec.end_line


def given_when_then(text: str) -> tuple[str, bool] | None:
    """``(text, done)`` when a list item without a check box is a Given/When/Then scenario.

    ``- **Given** a cart, **when** I pay, **then** an order exists``: "Given" opens the
    item (after an optional ``AC-1:`` / ``Scenario:`` label) and "then" follows it.  It
    is done when marked so: ``✅`` at either end, struck through (``~~…~~``) or ending
    ``(done)``; otherwise it is unchecked, like ``- [ ]``.
    """
    plain = text.replace("**", "").replace("__", "")
    given = _GIVEN.search(plain, 0, 60)
    if given is None or _THEN.search(plain, given.end()) is None:
        return None
    return text.strip(), marked_done(plain)


_SCENARIO_LABEL = re.compile(r"[*_ \t]*(?:scenario|feature|example|background)\b", re.IGNORECASE)
_OPEN_MARKS = ("❌", "✗", "✘", "⏳", "⌛", "☐", "⬜", "🔲", "🚧", "[ ]")
_OPEN_WORDS = re.compile(r"[(\[](?:open|pending|todo|to do|not met|failed|blocked)[)\]]\s*$", re.IGNORECASE)


def _marked_open(plain: str) -> bool:
    """Whether an item says it is not met yet: ``❌``/``⏳`` at either end, ``(pending)``."""
    s = plain.strip()
    return s.startswith(_OPEN_MARKS) or s.endswith(_OPEN_MARKS) or _OPEN_WORDS.search(s) is not None


def marked_done(plain: str) -> bool:
    """Whether a scenario's text (emphasis removed) is marked done: ✅, struck through, ``(done)``."""
    s = plain.strip()
    done = s.startswith(_DONE_MARKS) or s.endswith(_DONE_MARKS) or _DONE_WORDS.search(s) is not None
    return done or (s.startswith("~~") and s.endswith("~~") and len(s) > 4)
