"""Real git repositories for tests: commits with set authors and dates, branches, renames.

``Git(root)`` runs ``git`` in ``root`` with a clean identity and configuration (no
user or system config, no hooks, no signing), so tests behave the same on any
machine.  ``prd(...)`` makes a full, lint-clean PRD (the golden ``clean.md``) with the
metadata a test needs.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CLEAN = (Path(__file__).resolve().parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")

SITE_CONFIG = "site_name: Review test\ndocs_dir: docs\nplugins:\n  - prd\n"


class Git:
    """A repository at ``root`` (``init`` makes it, with ``main`` as the first branch)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # An empty global config of its own (the user's aliases, hooks or signing must not apply).
        self.config = root.parent / f".{root.name}.gitconfig"

    def __call__(
        self, *args: str, when: str = "2026-01-10T10:00:00+00:00", author: str = "Alice Admin"
    ) -> str:
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": str(self.config),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": f"{author.split()[0].lower()}@example.com",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": f"{author.split()[0].lower()}@example.com",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def init(self) -> Git:
        self.root.mkdir(parents=True, exist_ok=True)
        self.config.write_text("", encoding="utf-8")
        self("init", "-q", "-b", "main")
        self("config", "commit.gpgsign", "false")
        return self

    def write(self, files: dict[str, str]) -> None:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(self, message: str, *, when: str, author: str = "Alice Admin") -> str:
        """Stage everything and commit; returns the commit id."""
        self("add", "-A", when=when, author=author)
        self("commit", "-q", "-m", message, when=when, author=author)
        return self("rev-parse", "HEAD").strip()


def prd(title: str, track: str, status: str = "Approved", version: str = "1.2", extra: str = "") -> str:
    """The clean golden PRD with another title, Track ID, Status and Version (``extra`` appended)."""
    text = (
        CLEAN.replace("# PRD: Saved Payment Methods", f"# PRD: {title}")
        .replace("**Track ID:** saved-payment-methods", f"**Track ID:** {track}")
        .replace("**Status:** Approved", f"**Status:** {status}")
        .replace("**Version:** 1.2", f"**Version:** {version}")
    )
    if version not in ("1.0", "1.1", "1.2"):
        text = text.rstrip("\n") + f"\n| {version} | 2026-02-10 | Dana Whitfield | Review changes |\n"
    return text + extra


def line_of(text: str, needle: str, start: int = 0) -> int:
    """The 1-based line of the first line containing ``needle`` (after line ``start``)."""
    for n, line in enumerate(text.splitlines(), 1):
        if n > start and needle in line:
            return n
    raise AssertionError(f"{needle!r} not in text")
