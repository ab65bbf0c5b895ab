"""Reading a remote ``prd-index.json``, bounded in time and size as a whole.

MkDocs-free.  A socket timeout bounds each read, not the download: a server that
sends a byte just before each timeout, or its headers one byte at a time, could hold
a build for ever.  Here a deadline covers everything from connecting to the last
byte: when it passes, the connection's socket is shut down, which ends whatever read
is waiting.  Malformed responses (garbage status line, too many or too long headers,
a truncated chunked body) and oversized bodies all become one :class:`FetchError`.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

_CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a URL could not be read, in words for the author (``HTTP 404 Not Found``...)."""


class _Deadline:
    """Shuts down every socket it was given once ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener whose every connection (redirects too) is watched by ``deadline``."""

    class Http(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Https(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            context: Any = getattr(self, "_context", None) or ssl.create_default_context()
            return self.do_open(Https, req, context=context)

    opener = urllib.request.OpenerDirector()
    # Only what an http(s) source needs: no ftp:, file: or data: handler for a redirect to reach.
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        HttpHandler(),
        HttpsHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another ``http:`` or ``https:`` URL (urllib would follow
    one to ``ftp:``, whose connections no deadline watches)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(
                req.full_url, code, f"redirected to a URL that is not http(s): {newurl[:200]}", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float, limit: int) -> bytes:
    """The body at ``url``, read within ``timeout`` seconds in all, at most ``limit`` bytes.

    Raises :class:`FetchError` for anything that goes wrong: the deadline, a refused
    or reset connection, an HTTP error status, a malformed response, a body over the
    limit.  Never raises anything else for network or protocol problems.
    """
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    started = time.monotonic()
    with _Deadline(timeout) as deadline:
        try:
            with _opener(deadline).open(request, timeout=timeout) as response:
                data = bytearray()
                while len(data) <= limit:
                    chunk = response.read1(_CHUNK)
                    if not chunk:
                        break
                    data += chunk
        except urllib.error.HTTPError as exc:
            # The reason is the server's text (urllib's for a redirect loop has line breaks).
            raise FetchError(f"HTTP {exc.code} {_one_line(str(exc.reason), 300)}") from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.expired or time.monotonic() - started >= timeout:
                raise FetchError(f"no complete answer within {timeout:g} s (timed out)") from exc
            raise FetchError(_reason(exc)) from exc
    if deadline.expired:
        raise FetchError(f"no complete answer within {timeout:g} s (timed out)")
    if len(data) > limit:
        raise FetchError(f"larger than {limit} bytes")
    return bytes(data)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    if isinstance(exc, http.client.HTTPException):
        text = _one_line(str(exc), 120)  # the server's own bytes (a bad status line)
        kind = type(exc).__name__
        return f"malformed HTTP response ({kind}{': ' + text if text else ''})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)[:200] or type(exc).__name__


def _one_line(text: str, limit: int) -> str:
    """``text`` on one line (each run of blanks and line breaks one space), at most ``limit`` characters."""
    return " ".join(text.split())[:limit]
