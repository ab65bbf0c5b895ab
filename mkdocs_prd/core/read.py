"""Reading files: one reader for every command, so they all see the same bytes.

MkDocs-free.  ``lint``, ``new``, ``index`` and local ``include_indexes`` sources read
through :func:`read_bytes`: a FIFO or device would block or never end and a
dangling symlink cannot be read, so anything but a regular file is refused up front
(never opened), and a size cap keeps a huge file from filling memory.
"""

from __future__ import annotations

import os
import stat


class UnreadableFile(Exception):
    """A file that cannot be read; ``reason`` says why in words (``not a regular file``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed).

    Raises :class:`UnreadableFile` when it is missing, a dangling link, not a regular
    file (FIFO, socket, device, folder), unreadable (permissions), or larger than
    ``limit`` bytes.
    """
    try:
        # O_NONBLOCK: a FIFO swapped in after the check below must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableFile(path, _why(exc, path)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(path, "not a regular file")
        if limit is not None and info.st_size > limit:
            raise UnreadableFile(path, f"larger than {limit} bytes")
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(path, _why(exc, path)) from exc
    finally:
        os.close(fd)
    if limit is not None and len(data) > limit:
        raise UnreadableFile(path, f"larger than {limit} bytes")
    return data


def _why(exc: OSError, path: str) -> str:
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return "not a regular file (a link to nothing)"
    return exc.strerror or type(exc).__name__
