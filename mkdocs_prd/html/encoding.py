"""A readable copy of a page the host cannot decode, with a notice on it.

MkDocs reads every page as UTF-8 and stops the whole build with a
``UnicodeDecodeError`` traceback at the first page that is not (a Latin-1 or
Windows-1252 file, UTF-16 with a byte order mark); UTF-16 without one it reads as
garbage.  The plugin knows better (PRD001), so it gives the host a decoded copy
instead: the text as :func:`~mkdocs_prd.core.parse.prd.decode_source` reads it
(UTF-16/32 decoded, bytes that are not UTF-8 replaced by U+FFFD), with a visible
notice at the end.  The file in ``docs_dir`` is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from mkdocs_prd.core.labels import Labels
from mkdocs_prd.core.parse.prd import decode_source, wide_encoding

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class ReadableCopy:
    """``text``: the page for the host, notice included; ``problem``: what is wrong, in words."""

    text: str
    problem: str


def host_cannot_read(data: bytes) -> bool:
    """Whether a host that reads pages as UTF-8 (``utf-8-sig``) fails on ``data`` or misreads it:
    UTF-16/32 (with or without byte order mark) or bytes that are not UTF-8.

    Pure ASCII pages, the common case, are passed in one fast check.
    """
    if data.isascii() and b"\x00" not in data:
        return False
    if wide_encoding(data[3:] if data.startswith(_BOM) else data) is not None:
        return True
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return True
    return False


def readable_copy(data: bytes, labels: Labels) -> ReadableCopy | None:
    """The copy to give the host in place of ``data``, or None when the host reads ``data`` right
    (see :func:`host_cannot_read`).  The notice's words are the site's ``labels``."""
    if not host_cannot_read(data):
        return None
    text, problem = decode_source(data)
    if problem is None:  # pragma: no cover - decode_source reports every case above
        return None
    wide = wide_encoding(data[3:] if data.startswith(_BOM) else data)
    detail = (
        labels.format("encoding_saved_as", encoding=wide.upper())
        if wide
        else labels.format("encoding_bad_byte", line=problem.line)
    )
    notice = escape(labels.format("encoding_notice", detail=detail))
    body = text.rstrip("\n")
    return ReadableCopy(
        f'{body}\n\n<p class="prd-encoding-notice" role="note">{notice}</p>\n', problem.message
    )
