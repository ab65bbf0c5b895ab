"""Text from documents, configs and other sites, made safe for URLs and terminals.

MkDocs-free.  These are the host-independent halves of the sink inventory
(``docs/security.md``): :func:`link_url` decides whether a URL may become a link,
:func:`terminal_text` makes any text safe to print.  HTML escaping lives in
``mkdocs_prd.html`` (Jinja autoescape and :func:`mkdocs_prd.html.theme.theme_text`).
"""

from __future__ import annotations

import json
import logging
import re

LINK_SCHEMES: frozenset[str] = frozenset({"http", "https"})
"""URL schemes that may become links; a URL without a scheme (relative) may too."""

# What browsers do before they read a URL (WHATWG URL standard): strip leading and
# trailing C0 controls and spaces, remove every tab and line break.
_EDGES = "".join(map(chr, range(0x21)))
_INNER = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def link_url(url: str) -> str | None:
    """``url`` as it may go into an ``href``, or None when it must not become a link.

    Only ``http:``, ``https:`` and relative URLs (no scheme: ``a/b/``, ``/a``,
    ``//host/a``) pass.  The scheme is read the way a browser reads it (any case,
    after leading blanks and control characters, with tabs and line breaks removed),
    so ``JaVaScRiPt:``, `` javascript:`` and ``java\\tscript:`` are all refused.
    The returned text is the cleaned URL (a lone surrogate in it as U+FFFD); it still
    needs HTML escaping.
    """
    cleaned = encodable(_INNER.sub("", url.strip(_EDGES)))
    scheme = _SCHEME.match(cleaned)
    if scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES:
        return None
    return cleaned


# C0 controls (ESC, BEL, CR, LF ...), DEL, C1 controls (8-bit CSI, OSC, NEL), the Unicode
# line and paragraph separators (a log viewer or editor starts a new line there, so a
# value could forge a log line), and the bidirectional overrides that reorder what a
# terminal shows ("Trojan source").
_CONTROLS = [
    *range(0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_SHOWN = {
    code: {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(
        code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )
    for code in _CONTROLS
}
# Lone surrogates: a file name that is not UTF-8 (Python keeps its bytes as U+DC80-U+DCFF,
# "surrogateescape"), a "\\ud800" in JSON.  No UTF-8 stream can carry them: writing one
# raises UnicodeEncodeError.  A terminal is shown the byte (\\xff) or the code (\\ud800).
_SURROGATES = range(0xD800, 0xE000)
_SHOWN.update({code: f"\\u{code:04x}" for code in _SURROGATES})
_SHOWN.update({code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)})
_SURROGATE = re.compile("[\ud800-\udfff]")
_ANY_CONTROL = re.compile("[" + "".join(map(chr, _CONTROLS)) + "\ud800-\udfff]")


def terminal_text(text: str) -> str:
    """``text`` with every control character shown as an escape (``ESC`` -> ``\\x1b``).

    For every line of terminal output (lint's text and GitHub formats, the build log,
    CLI errors): document text can then neither move the cursor, hide output, set
    the window title (OSC), start a new line nor reorder characters, and a file name
    that is not UTF-8 cannot make the output fail (its bytes are shown: ``\\xff``).
    ``##[`` is shown as ``##\\x5b``: GitHub Actions reads it anywhere in a line as a
    workflow command (``##[error]``, ``##[add-mask]``).  Printable text, including
    non-ASCII letters, is otherwise unchanged.
    """
    if "##[" in text:
        text = text.replace("##[", _V1_SHOWN)
    if _ANY_CONTROL.search(text) is None:
        return text  # the common case: nothing to do, no copy
    return text.translate(_SHOWN)


# GitHub Actions reads a line of a step's output as a workflow command when it holds "##[" (the
# old form, anywhere: "##[error]x" makes an error annotation, "##[add-mask]x" hides text) or
# starts with "::" after blanks ("::error::x").  A document's text must not do either.
_V1_SHOWN = "##\\x5b"


def no_workflow_command(line: str) -> str:
    """``line`` (one whole line of terminal text) so that GitHub Actions does not read it as a
    workflow command: a line that starts with ``::`` after blanks (a file name ``::error::x.md``
    at the start of a lint line) has its first colon shown as ``\\x3a``.  ``##[`` anywhere is
    :func:`terminal_text`'s."""
    stripped = line.lstrip()
    if not stripped.startswith("::"):
        return line
    return line[: len(line) - len(stripped)] + "\\x3a" + stripped[1:]


class TerminalFilter(logging.Filter):
    """A logging filter: every message of the logger it is added to is shown with its
    control characters escaped (:func:`terminal_text`).

    The build log's sink: each logger the plugin or the Markdown extension writes
    findings and merge notes to gets one (a filter acts on its own logger only, not on
    its children or siblings).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = no_workflow_command(terminal_text(record.getMessage())), None
        return True


_LINE_SHOWN = {code: shown for code, shown in _SHOWN.items() if code != 0x09}
_LINE = re.compile(r"([^\n]*?)(\r?\n|\Z)")


def terminal_lines(text: str) -> str:
    """Lines of document text (a diff) for a terminal: like :func:`terminal_text`, but each
    line keeps its line break (``\\n`` or ``\\r\\n``) and its tabs.

    A carriage return anywhere else is shown (``\\r``) and followed by a line break,
    so no text after it can overwrite what came before on the screen.
    """
    if _ANY_CONTROL.search(text.replace("\t", "").replace("\n", "")) is None:
        return text
    out: list[str] = []
    for m in _LINE.finditer(text):
        body, end = m.group(1), m.group(2)
        if end == "\r\n" or (not end and body.endswith("\r")):
            body, end = body.removesuffix("\r"), "\r\n" if end else "\\r"
        shown = body.translate(_LINE_SHOWN).replace("\\r", "\\r\n")
        out.append(shown + end)
        if not end:
            break
    return "".join(out)


def strip_controls(text: str) -> str:
    """``text`` without the control characters :func:`terminal_text` escapes.

    Blanks and line breaks (tab, ``\\n``, ``\\r``, form feed, NEL, U+2028 ...) become
    spaces (they separate words); every other control character and bidirectional override is
    removed, and a lone surrogate (no UTF-8 page can hold one) becomes U+FFFD.  For
    text from another site that becomes one value of this site's page (a merged index
    row): no escape sequence, no hidden reordering reaches the HTML.
    """
    if _ANY_CONTROL.search(text) is None:
        return text
    return text.translate(_STRIPPED)


_STRIPPED: dict[int, str | None] = {code: " " if chr(code).isspace() else None for code in _CONTROLS}
_STRIPPED.update(dict.fromkeys(_SURROGATES, "\ufffd"))


# What JSON leaves as it is (ensure_ascii=False) but a terminal acts on: DEL, the C1 controls
# (U+009B is CSI), the line and paragraph separators, the bidirectional overrides.
_JSON_SHOWN = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}
_JSON_UNESCAPED = re.compile("[" + "".join(map(chr, _JSON_SHOWN)) + "]")


def json_inert(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the control characters that
    JSON does not escape (DEL, C1 such as CSI U+009B, U+2028, bidirectional overrides)
    written as ``\\uXXXX`` escapes, and the ``[`` of ``##[`` as ``\\u005b`` (GitHub Actions
    reads ``##[error]`` anywhere in a line of a step's log as a workflow command).

    Outside strings JSON is ASCII, so this changes only how string values are written, not
    what they are: a reader gets the same data, a terminal or log viewer that shows the
    text cannot be driven or reordered by it.
    """
    if "##[" in text:  # only inside strings: a GitHub Actions workflow command (terminal_text)
        text = text.replace("##[", "##\\u005b")
    if _JSON_UNESCAPED.search(text) is None:
        return text
    return text.translate(_JSON_SHOWN)


def json_document(value: object) -> str:
    """``value`` as indented JSON text ending in a newline: non-ASCII letters as they are,
    control characters escaped (:func:`json_inert`).  The machine formats' writer."""
    return json_inert(json.dumps(value, indent=2, ensure_ascii=False)) + "\n"


def is_encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    return _SURROGATE.search(text) is None


def encodable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be written as UTF-8.

    For machine output (JSON, CSV, a hash of a finding): the text is kept as it is,
    except the characters no UTF-8 file or pipe can hold.
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)
