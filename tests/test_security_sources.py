"""Hostile ``include_indexes`` sources: a tiny threaded socket server on 127.0.0.1 sends
malformed, endless and slow answers; deeply nested JSON and huge local files.  Each
source is skipped with one message, the rest of the build is unchanged, and the build
ends within the configured timeout plus a small margin."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from index_sites import build_site, prd_text, write_site

from mkdocs_prd.core.sitewide.portfolio import IndexSource, load_source

GOOD = json.dumps(
    {"schema_version": 1, "site_url": "https://ok.example/", "prds": [{"title": "Fine", "url": "f/"}]}
).encode()
NESTED = b'{"schema_version":1,"prds":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
STOP_AFTER = 20.0  # no answer of the server lasts longer than this, whatever the client does


def _drip(conn: socket.socket, data: bytes, every: float) -> None:
    for i in range(len(data)):
        conn.sendall(data[i : i + 1])
        time.sleep(every)


def _chunked_truncated(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n")
    conn.sendall(b"1000\r\n" + GOOD[:20])  # promises 4096 bytes, sends 20 and hangs up


def _redirect(conn: socket.socket, location: str) -> None:
    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % location.encode())


ANSWERS: dict[str, Callable[[socket.socket], None]] = {
    "garbage status line": lambda c: c.sendall(b"\x00\xffNOT HTTP AT ALL\r\n\r\n" + GOOD),
    "over 100 headers": lambda c: c.sendall(
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(150)) + b"\r\n" + GOOD
    ),
    "100 KB header line": lambda c: c.sendall(
        b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n" + GOOD
    ),
    "truncated chunked body": _chunked_truncated,
    "drip feed": lambda c: (
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % (len(GOOD) * 100)),
        _drip(c, GOOD * 100, 0.3),
    ),
    "slow start": lambda c: _drip(
        c, b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(GOOD) + GOOD, 0.3
    ),
    "deeply nested JSON": lambda c: c.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(NESTED) + NESTED
    ),
    # A redirect leads to http(s) only, and says so on one line.
    "redirect to ftp": lambda c: _redirect(c, "ftp://127.0.0.1:9/prd-index.json"),
    "redirect to file": lambda c: _redirect(c, "file:///etc/passwd"),
    "redirect loop": lambda c: _redirect(c, "/redirect-loop"),
    "good": lambda c: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(GOOD) + GOOD),
}


def _answer(conn: socket.socket) -> None:
    with conn:
        conn.settimeout(STOP_AFTER)
        try:
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                part = conn.recv(4096)
                if not part:
                    return
                request += part
            path = request.split(b" ", 2)[1].decode()
            kind = path.strip("/").replace("-", " ")
            deadline = threading.Timer(STOP_AFTER, conn.close)
            deadline.start()
            try:
                ANSWERS[kind](conn)
            finally:
                deadline.cancel()
        except (OSError, KeyError, IndexError):
            pass  # the client gave up, which is the point


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    """``http://127.0.0.1:<port>``; ``/<kind>`` answers as :data:`ANSWERS` says."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    started = time.monotonic()

    def serve() -> None:
        # Stops itself when the tests are done, or after two minutes whatever happens.
        while not stop.is_set() and time.monotonic() - started < 120:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


BAD = [k for k in ANSWERS if k != "good"]


@pytest.mark.parametrize("kind", BAD)
def test_each_hostile_answer_is_skipped_within_the_timeout(hostile: str, kind: str) -> None:
    start = time.monotonic()
    loaded = load_source(IndexSource(f"{hostile}/{kind.replace(' ', '-')}", timeout=1.5), ".")
    took = time.monotonic() - start
    assert loaded.rows == ()
    assert len(loaded.messages) == 1 and loaded.messages[0].endswith("; skipped"), loaded.messages
    assert took < 1.5 + 1.5, f"{kind}: {took:.1f} s"
    assert "\n" not in loaded.messages[0]
    if kind.startswith("redirect"):  # refused at once, not followed until the time is up
        assert "redirect" in loaded.messages[0].lower() and "timed out" not in loaded.messages[0]


def test_the_good_answer_still_merges(hostile: str) -> None:
    loaded = load_source(IndexSource(f"{hostile}/good", timeout=2), ".")
    assert [r.title for r in loaded.rows] == ["Fine"] and loaded.messages == ()


def _rows(html: str) -> list[str]:
    tables = "".join(re.findall(r'<table class="prd-index__table".*?</table>', html, re.S))
    return re.findall(r"<tr[^>]*data-prd-row[^>]*>.*?</tr>", tables, re.S) or re.findall(
        r"<tr.*?</tr>", tables, re.S
    )


def test_a_build_with_every_hostile_source_finishes_in_time_and_changes_nothing_else(
    tmp_path: Path, hostile: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    (tmp_path / "nested.json").write_bytes(NESTED)
    (tmp_path / "huge.json").write_bytes(b" " * (33 * 1024 * 1024))  # over the 32 MB cap
    timeout = 2.0
    hostile_sources = [
        {"source": f"{hostile}/{kind.replace(' ', '-')}", "timeout": timeout} for kind in BAD
    ] + [str(tmp_path / "nested.json"), str(tmp_path / "huge.json")]
    good = {"source": f"{hostile}/good", "timeout": timeout}
    pages = {"index.md": "# Home\n", "prds/own.md": prd_text("Own")}

    plain = tmp_path / "plain"
    start = time.monotonic()
    expected = build_site(write_site(plain, pages, {"include_indexes": [good]}), plain / "site")
    baseline = time.monotonic() - start

    root = tmp_path / "hostile"
    start = time.monotonic()
    built = build_site(write_site(root, pages, {"include_indexes": [good, *hostile_sources]}), root / "site")
    took = time.monotonic() - start

    assert took < baseline + timeout + 3.0, f"{took:.1f} s (without hostile sources {baseline:.1f} s)"
    notes = built.logged(logging.INFO, "include_indexes:")
    assert len(notes) == len(hostile_sources), notes
    assert all(n.endswith("skipped") for n in notes)
    assert "nested too deeply" in " ".join(notes) and "larger than" in " ".join(notes)
    assert _rows(built.page("prds/index.html")) == _rows(expected.page("prds/index.html"))
    assert "Fine" in built.page("prds/index.html")


@pytest.mark.parametrize(
    ("source", "rows", "message"),
    [
        # A file: URL on this machine is its path (it gave "No such file or directory").
        ("file://{dir}/good.json", 1, None),
        ("FILE://localhost{dir}/good.json", 1, None),
        ("file://{dir}/no%20such.json", 0, "No such file or directory"),
        # Other schemes and hosts are said to be unread, not "No such file".
        ("file://elsewhere/good.json", 0, "file: URLs of another host are not read"),
        ("ftp://127.0.0.1/prd-index.json", 0, "ftp: URLs are not read"),
        ("data:application/json,{}", 0, "data: URLs are not read"),
        ("javascript:alert(1)", 0, "javascript: URLs are not read"),
    ],
)
def test_a_source_url_is_read_only_as_a_local_file_or_over_http(
    tmp_path: Path, source: str, rows: int, message: str | None
) -> None:
    (tmp_path / "good.json").write_bytes(GOOD)
    loaded = load_source(IndexSource(source.replace("{dir}", tmp_path.as_posix())), str(tmp_path))
    assert len(loaded.rows) == rows
    if message is None:
        assert loaded.messages == ()
    else:
        assert len(loaded.messages) == 1 and message in loaded.messages[0], loaded.messages
