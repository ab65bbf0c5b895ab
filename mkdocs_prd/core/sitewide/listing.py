"""``<!-- prd-index ... -->`` markers: where a page wants a PRD listing, and which one.

MkDocs-free.  ``<!-- prd-index -->`` asks for the full index (summary, filters and
table); with arguments it asks for a filtered listing::

    <!-- prd-index status=Approved owner="Platform Team" sort=date columns=title,status,owner -->

Arguments: ``status`` (comma-separated, repeatable), ``owner`` (repeatable),
``sort`` (``track_id | date | status | title``), ``reverse`` (flag or
``true``/``false``), ``columns`` (comma-separated), ``group`` (``status | owner |
none``), ``summary`` (``true``/``false``).  Scanning is linear in the text and
never raises: a bad argument becomes a :class:`MarkerProblem` and the rest of the
marker still applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mkdocs_prd.core.sitewide.index import COLUMNS, GROUP_KEYS, SORT_KEYS

MARKER_NAME = "prd-index"
_OPEN, _CLOSE = "<!--", "-->"
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


@dataclass(frozen=True, slots=True)
class ListingSpec:
    """What one marker asks for; None means "the site's default"."""

    statuses: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    sort_by: str | None = None
    reverse: bool | None = None
    columns: tuple[str, ...] | None = None
    group_by: str | None = None
    group_set: bool = False
    summary: bool | None = None
    arguments: bool = False

    @property
    def is_full_index(self) -> bool:
        """A bare marker: the whole index with its summary and filters.

        A marker with arguments is a listing even when none of them was valid."""
        return not self.arguments


@dataclass(frozen=True, slots=True)
class MarkerProblem:
    """A marker argument that could not be used; ``line`` is 1-based in the scanned text."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Marker:
    """One marker: its span ``[start, end)`` in the scanned text, 1-based ``line``, and spec."""

    start: int
    end: int
    line: int
    spec: ListingSpec
    problems: tuple[MarkerProblem, ...] = ()


def find_markers(text: str, *, skip_code: bool = True) -> list[Marker]:
    """Every ``<!-- prd-index ... -->`` marker in ``text``, in order.

    With ``skip_code`` (for Markdown source), markers inside fenced code blocks are
    examples, not markers, and are skipped.
    """
    if MARKER_NAME not in text:  # the common case: one substring search and done
        return []
    fences = _fenced_ranges(text) if skip_code else []
    markers: list[Marker] = []
    line, counted_to, fence_i = 1, 0, 0
    pos = text.find(_OPEN)
    while pos != -1:
        close = text.find(_CLOSE, pos + len(_OPEN))
        if close == -1:
            break
        end = close + len(_CLOSE)
        while fence_i < len(fences) and fences[fence_i][1] <= pos:
            fence_i += 1
        in_fence = fence_i < len(fences) and fences[fence_i][0] <= pos
        body = text[pos + len(_OPEN) : close].strip()
        if not in_fence and _is_marker(body):
            line += text.count("\n", counted_to, pos)
            counted_to = pos
            spec, problems = parse_arguments(body[len(MARKER_NAME) :], line)
            markers.append(Marker(pos, end, line, spec, problems))
        pos = text.find(_OPEN, end)
    return markers


def _is_marker(body: str) -> bool:
    rest = body[len(MARKER_NAME) :]
    return body.startswith(MARKER_NAME) and (not rest or rest[0].isspace())


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` character spans of fenced code blocks (``` or ~~~), in order."""
    ranges: list[tuple[int, int]] = []
    fence = ""
    start = offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if indent <= 3 and stripped[:3] in ("```", "~~~"):
            char = stripped[0]
            run = len(stripped) - len(stripped.lstrip(char))
            if not fence:
                fence, start = char * run, offset
            elif stripped.startswith(fence) and not stripped[run:].strip():
                ranges.append((start, offset + len(raw)))
                fence = ""
        offset += len(raw)
    if fence:  # an unclosed fence runs to the end, as in CommonMark
        ranges.append((start, offset))
    return ranges


def parse_arguments(args: str, line: int = 1) -> tuple[ListingSpec, tuple[MarkerProblem, ...]]:
    """The :class:`ListingSpec` of a marker's argument text, and what was wrong with it."""
    problems: list[MarkerProblem] = []
    values: dict[str, object] = {}
    statuses: list[str] = []
    owners: list[str] = []

    def bad(message: str) -> None:
        problems.append(MarkerProblem(line, f"prd-index marker: {message}"))

    tokens = _tokens(args, bad)
    for key, value in tokens:
        if key == "status":
            statuses.extend(_split(value) if value else [])
            if not value:
                bad("status needs a value, e.g. status=Approved")
        elif key == "owner":
            if value:
                owners.append(value.strip())
            else:
                bad('owner needs a value, e.g. owner="Platform Team"')
        elif key == "sort":
            if value in SORT_KEYS:
                values["sort_by"] = value
            else:
                bad(f"sort={value!r} is not one of {', '.join(SORT_KEYS)}")
        elif key in ("reverse", "summary"):
            flag = _flag(value)
            if flag is None:
                bad(f"{key}={value!r} is not true or false")
            else:
                values[key] = flag
        elif key == "columns":
            cols = _split(value)
            unknown = [c for c in cols if c not in COLUMNS]
            if unknown or not cols:
                named = ", ".join(map(repr, unknown)) or "(none)"
                bad(f"unknown column(s) {named}; expected {', '.join(COLUMNS)}")
            known = tuple(dict.fromkeys(c for c in cols if c in COLUMNS))
            if known:
                values["columns"] = known
        elif key in ("group", "group_by"):
            if value in GROUP_KEYS or value in ("none", ""):
                values["group_by"] = value if value in GROUP_KEYS else None
                values["group_set"] = True
            else:
                bad(f"group={value!r} is not one of {', '.join(GROUP_KEYS)}, none")
        else:
            bad(f"unknown argument {key!r}; expected status, owner, sort, reverse, columns, group, summary")
    spec = ListingSpec(
        statuses=tuple(statuses),
        owners=tuple(owners),
        arguments=bool(tokens or args.strip()),
        **values,  # type: ignore[arg-type]
    )
    return spec, tuple(problems)


def _tokens(args: str, bad: Callable[[str], None]) -> list[tuple[str, str]]:
    """``key=value`` pairs; values may be quoted with ``"`` or ``'``.  A bare word is ``word=""``
    except ``reverse``, which as a flag means ``reverse=true``."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(args)
    while i < n:
        if args[i].isspace():
            i += 1
            continue
        start = i
        while i < n and not args[i].isspace() and args[i] != "=":
            i += 1
        key = args[start:i].strip().lower()
        if i >= n or args[i] != "=":
            out.append((key, "true" if key in ("reverse", "summary") else ""))
            continue
        i += 1  # past "="
        if i < n and args[i] in "\"'":
            quote = args[i]
            close = args.find(quote, i + 1)
            if close == -1:
                bad(f"unterminated quote in {key}=")
                out.append((key, args[i + 1 :]))
                break
            out.append((key, args[i + 1 : close]))
            i = close + 1
        else:
            start = i
            while i < n and not args[i].isspace():
                i += 1
            out.append((key, args[start:i]))
    return out


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _flag(value: str) -> bool | None:
    low = value.strip().lower()
    return True if low in _TRUE else False if low in _FALSE else None


def replace_markers(html: str, render: Callable[[Marker], str]) -> str:
    """``html`` with every marker comment replaced by ``render(marker)``.

    A marker that Markdown wrapped alone in a paragraph (``<p><!-- prd-index --></p>``)
    is replaced together with the paragraph, so the listing's block HTML stays valid.
    """
    markers = find_markers(html, skip_code=False)
    if not markers:
        return html
    out: list[str] = []
    pos = 0
    for m in markers:
        start, end = m.start, m.end
        if html.endswith("<p>", 0, start) and html.startswith("</p>", end):
            start, end = start - 3, end + 4
        out.append(html[pos:start])
        out.append(render(m))
        pos = end
    out.append(html[pos:])
    return "".join(out)
