"""Writing ``lint --fix`` results to disk, or showing them as a diff (``lint --diff``).

The edits come from the core (:mod:`mkdocs_prd.core.fix`); this module only reads
and writes files.  A file is written only when its content changes, atomically
(a temporary file in the same folder, then ``os.replace``), keeping its mode; a
symbolic link keeps pointing at the file it named, which is the one rewritten.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_prd.core.fix import fix_bytes
from mkdocs_prd.core.lint import LintResult
from mkdocs_prd.core.settings import Settings

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass(frozen=True)
class FileFix:
    """One file's content before and after fixing, and how many fixes made the difference."""

    file: str
    before: bytes
    after: bytes
    fixes: int


def planned_fixes(result: LintResult, settings: Settings) -> list[FileFix]:
    """The files among ``result``'s findings that a safe fix changes, with their new content.

    Files that cannot be read now are skipped (their findings stay as reported).
    """
    out: list[FileFix] = []
    for path in sorted({f.path for f in result.findings if f.fix is not None}):
        file = result.files.get(path, path)
        try:
            with open(file, "rb") as fd:
                before = fd.read()
        except OSError:
            continue
        after, applied = fix_bytes(before, path, settings)
        if after != before:
            out.append(FileFix(file, before, after, len(applied)))
    return out


def write_atomically(path: str, data: bytes) -> None:
    """Replace the content of ``path`` by ``data`` in one step, keeping its permission bits.

    Raises ``OSError`` when the folder is not writable; the file is then unchanged.
    """
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    folder, name = os.path.split(target)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def unified_diff(fixes: Iterable[FileFix]) -> str:
    """The changes as one unified diff (``--- a/file`` / ``+++ b/file``), line endings kept."""
    out: list[str] = []
    for fix in fixes:
        before = _LINES.findall(fix.before.decode("utf-8"))
        after = _LINES.findall(fix.after.decode("utf-8"))
        for line in difflib.unified_diff(before, after, f"a/{fix.file}", f"b/{fix.file}"):
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
