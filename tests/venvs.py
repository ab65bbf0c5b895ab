"""Virtual environments that tests make for themselves (a clean install, TechDocs' pinned set).

``install_venv(env_dir, *requirements)`` makes a fresh venv and installs into it with
``uv pip install`` when uv is at hand (the test venv has it: ``make setup`` installs
with it), else with the venv's own pip; the result of the install is returned, and
``network_failure`` tells a missing package index from a real install error.

The TechDocs venv takes minutes and is the same for every run until ``pyproject.toml``
changes, so it is kept beside the test venv and made once (``ensure_techdocs_env``),
under a file lock: ``tests/conftest.py`` starts ``python tests/venvs.py techdocs`` in
the background as soon as the TechDocs tests are collected, and the tests' fixture
then waits for the same lock instead of doing the work again.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TECHDOCS_SPEC = "mkdocs-techdocs-core"
TECHDOCS_DIR = Path(sys.prefix) / "techdocs"
_NETWORK_ERRORS = ("NewConnectionError", "Failed to fetch", "error sending request", "dns error")


def clean_env() -> dict[str, str]:
    """This process's environment without the test venv's activation (for child processes)."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run(*cmd: str | Path, cwd: Path = ROOT, timeout: float = 1200) -> subprocess.CompletedProcess[str]:
    """``cmd`` in a child process with :func:`clean_env`; output captured as text."""
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, env=clean_env(), cwd=cwd, timeout=timeout
    )


def uv() -> str | None:
    """The uv executable beside this interpreter (or on PATH); None without one."""
    beside = Path(sys.executable).with_name("uv")
    return str(beside) if beside.is_file() else shutil.which("uv")


def bin_dir(env_dir: Path) -> Path:
    return env_dir / ("Scripts" if sys.platform == "win32" else "bin")


def install_venv(env_dir: Path, *requirements: str | Path) -> subprocess.CompletedProcess[str]:
    """A new venv at ``env_dir`` (emptied first) with ``requirements`` (pip's syntax) installed.

    uv installs when it is there and succeeds; otherwise the venv is made again with pip
    and pip installs, so a broken or missing uv never decides the outcome.
    """
    uv_exe = uv()
    if uv_exe is not None:
        venv.create(env_dir, with_pip=False, clear=True)
        python = bin_dir(env_dir) / "python"
        result = run(uv_exe, "pip", "install", "-q", "--python", python, *requirements)
        if result.returncode == 0:
            return result
    venv.create(env_dir, with_pip=True, clear=True)
    return run(bin_dir(env_dir) / "python", "-m", "pip", "install", "-q", *requirements)


def network_failure(result: subprocess.CompletedProcess[str]) -> bool:
    """Whether a failed install failed for want of a reachable package index."""
    return result.returncode != 0 and any(e in result.stdout + result.stderr for e in _NETWORK_ERRORS)


@contextmanager
def _locked(path: Path, wait: bool) -> Iterator[bool]:
    """Hold an exclusive lock on ``path``; yields False (lock not held) if it is taken and not ``wait``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:  # the lock goes when the file closes
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True


def _techdocs_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + TECHDOCS_SPEC.encode()).hexdigest()


def ensure_techdocs_env(wait: bool = True) -> subprocess.CompletedProcess[str] | None:
    """Make the TechDocs venv unless it is current; None when it already was.

    Holds ``<venv>/techdocs.lock`` throughout, so a second caller waits and then finds
    the venv made (or, not ``wait``ing, returns None at once and leaves it to the
    first).  The stamp is written only after a successful install.
    """
    marker = TECHDOCS_DIR / ".prd-stamp"
    stamp = _techdocs_stamp()
    with _locked(TECHDOCS_DIR.with_name("techdocs.lock"), wait) as held:
        if not held or (marker.is_file() and marker.read_text() == stamp):
            return None
        result = install_venv(TECHDOCS_DIR, "-e", ROOT, TECHDOCS_SPEC)
        if result.returncode == 0:
            marker.write_text(stamp)
        return result


def start_techdocs_env() -> subprocess.Popen[bytes] | None:
    """Start making the TechDocs venv in a background process; None if it is current already.

    The process gives up at once if another one is making the venv already.
    """
    marker = TECHDOCS_DIR / ".prd-stamp"
    if marker.is_file() and marker.read_text() == _techdocs_stamp():
        return None
    log = TECHDOCS_DIR.with_name("techdocs.log").open("wb")
    with log:
        return subprocess.Popen(
            [sys.executable, __file__, "techdocs"], stdout=log, stderr=subprocess.STDOUT, env=clean_env()
        )


if __name__ == "__main__":
    if sys.argv[1:] != ["techdocs"]:
        sys.exit("usage: python tests/venvs.py techdocs")
    done = ensure_techdocs_env(wait=False)
    if done is not None:
        print(done.stdout + done.stderr)
    sys.exit(0 if done is None else done.returncode)
