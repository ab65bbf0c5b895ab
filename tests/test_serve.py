"""End to end: `mkdocs serve` reports a duplicate Track ID when it appears, and not after it is gone."""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "rules"
CLEAN = (GOLDEN / "clean.md").read_text(encoding="utf-8")
MKDOCS = Path(sys.executable).with_name("mkdocs")
WAIT = 60.0  # seconds; a rebuild of this tiny site takes well under one


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerLog:
    """The server's output, read by a thread so waiting never blocks on a pipe."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._new: queue.Queue[str] = queue.Queue()
        assert proc.stdout is not None
        self._stream = proc.stdout
        self._thread = threading.Thread(target=self._pump, args=(self._stream,), daemon=True)
        self._thread.start()

    def close(self) -> None:
        """After the server exited: let the reader reach the end of the pipe, then close it."""
        self._thread.join(timeout=15)
        self._stream.close()

    def _pump(self, stream: Iterator[str]) -> None:
        for line in stream:
            self._new.put(line.rstrip("\n"))

    def wait_for(self, predicate: Callable[[str], bool], start: int, what: str) -> int:
        """Index of the first line from ``start`` on that matches; fails after ``WAIT`` seconds."""
        deadline = time.monotonic() + WAIT
        index = start
        while True:
            while index < len(self.lines):
                if predicate(self.lines[index]):
                    return index
                index += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                tail = "\n".join(self.lines[-30:])
                pytest.fail(f"timed out waiting for {what}; server output:\n{tail}")
            with contextlib.suppress(queue.Empty):
                self.lines.append(self._new.get(timeout=min(remaining, 0.5)))


@contextlib.contextmanager
def serving(config: Path, *options: str) -> Iterator[tuple[ServerLog, int]]:
    """A real `mkdocs serve` of ``config`` (with ``options``) on a free port; stopped afterwards."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [str(MKDOCS), "serve", *options, "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=config.parent,
    )
    log = ServerLog(proc)
    try:
        yield log, port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


@pytest.mark.serve
def test_serve_reports_then_forgets_a_duplicate_track_id(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "prds"
    docs.mkdir(parents=True)
    (docs / "saved-cards.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Serve test\nplugins:\n  - prd\n", encoding="utf-8")
    with serving(config) as (log, port):
        found = log.wait_for(lambda s: "1 PRD page found" in s, 0, "the first build")
        listening = log.wait_for(lambda s: f"127.0.0.1:{port}" in s, found, "the server to listen")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/prds/saved-cards/", timeout=10) as response:
            assert response.status == 200
        assert not any("PRD106" in line for line in log.lines)

        # A second PRD with the same Track ID: the rebuild reports it on both files.
        (docs / "wallet.md").write_text(CLEAN.replace("Saved Payment Methods", "Wallet"), encoding="utf-8")
        first = log.wait_for(lambda s: "PRD106" in s, listening, "PRD106 after adding a duplicate")
        summary = log.wait_for(lambda s: "PRD findings:" in s, first, "the summary of that rebuild")
        reported = [line for line in log.lines[first:summary] if "PRD106" in line]
        assert len(reported) == 2
        assert any(
            "prds/saved-cards.md:5: error PRD106" in line and "prds/wallet.md" in line for line in reported
        )
        assert any(
            "prds/wallet.md:5: error PRD106" in line and "prds/saved-cards.md" in line for line in reported
        )
        assert "2 errors" in log.lines[summary]

        # Remove it: the next rebuild must not report the finding again.
        (docs / "wallet.md").unlink()
        after = log.wait_for(
            lambda s: "PRD findings:" in s and "in 1 PRD page" in s, summary + 1, "the rebuild after removal"
        )
        assert "0 errors, 0 warnings, 0 infos in 1 PRD page" in log.lines[after]
        assert not any("PRD106" in line for line in log.lines[summary + 1 : after + 1])
    assert not (tmp_path / "docs" / "site").exists()


def _page(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _wait_page(port: int, path: str, predicate: Callable[[str], bool], what: str) -> str:
    """The served page once ``predicate`` holds (the rebuild after a change may still be running)."""
    deadline = time.monotonic() + WAIT
    while True:
        with contextlib.suppress(OSError):
            body = _page(port, path)
            if predicate(body):
                return body
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.3)


@pytest.mark.serve
def test_dirty_serve_renders_the_other_pages_a_change_affects(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` renders only changed pages; the PRD that gains a duplicate because
    *another* file changed, and the page listing the PRDs, must be rendered again too."""
    docs = tmp_path / "docs" / "prds"
    docs.mkdir(parents=True)
    (docs / "saved-cards.md").write_text(CLEAN, encoding="utf-8")
    wallet = CLEAN.replace("Saved Payment Methods", "Wallet").replace("saved-payment-methods", "wallet")
    (docs / "wallet.md").write_text(wallet, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n<!-- prd-index -->\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Serve test\nplugins:\n  - prd\n", encoding="utf-8")
    with serving(config, "--dirty") as (log, port):
        found = log.wait_for(lambda s: "2 PRD pages found" in s, 0, "the first build")
        log.wait_for(lambda s: f"127.0.0.1:{port}" in s, found, "the server to listen")
        assert "PRD106" not in _page(port, "prds/saved-cards/")
        assert "/wallet/" in _page(port, "")  # the listing on the home page

        # Only wallet.md changes (it takes saved-cards' Track ID, and a new title); saved-cards.md
        # and index.md do not, yet their pages must change.
        time.sleep(1.1)  # MkDocs compares modification times
        (docs / "wallet.md").write_text(
            CLEAN.replace("Saved Payment Methods", "Wallet Two"), encoding="utf-8"
        )
        _wait_page(port, "prds/wallet/", lambda b: "PRD106" in b, "PRD106 on the changed page")
        body = _wait_page(port, "prds/saved-cards/", lambda b: "PRD106" in b, "PRD106 on the unchanged page")
        assert "prds/wallet.md" in body
        _wait_page(port, "", lambda b: "Wallet Two" in b, "the listing on the unchanged home page")

        # And back: the unchanged page loses the finding again.
        time.sleep(1.1)
        (docs / "wallet.md").write_text(wallet, encoding="utf-8")
        _wait_page(
            port, "prds/saved-cards/", lambda b: "PRD106" not in b, "PRD106 gone from the unchanged page"
        )
        _wait_page(port, "", lambda b: "Wallet Two" not in b, "the listing updated again")
