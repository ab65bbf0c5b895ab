"""Alternating with/without runs of a benchmark (the verdict is ``bench_build.verdict``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Timing = tuple[float, float]
"""(CPU seconds, wall seconds) of one run."""


def child_env(pycache: Path, **extra: str) -> dict[str, str]:
    """The environment of a timed child process: Python's bytecode cached below ``pycache``.

    Both sides get it.  Where ``PYTHONDONTWRITEBYTECODE`` is set (CI images often set it)
    an editable install has no cached bytecode, and every timed build would compile this
    package from source: a few hundred milliseconds of the compiler that an installed
    package (pip writes the cache at install time) never pays.  The untimed warm-up
    run fills the cache.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(pycache), "NO_MKDOCS_2_WARNING": "1", **extra}


def alternate(
    pairs: int, run_without: Callable[[], Timing], run_with: Callable[[], Timing]
) -> tuple[list[Timing], list[Timing]]:
    """``pairs`` runs of each, the order swapped pair by pair so drift on a shared machine
    hits both sides; prints each pair.  Returns (with, without)."""
    on: list[Timing] = []
    off: list[Timing] = []
    for i in range(pairs):
        if i % 2 == 0:
            off.append(run_without())
            on.append(run_with())
        else:
            on.append(run_with())
            off.append(run_without())
        print(
            f"  pair {i + 1}: CPU without {off[-1][0]:.3f} s, with {on[-1][0]:.3f} s "
            f"(wall {off[-1][1]:.3f} s / {on[-1][1]:.3f} s)"
        )
    return on, off
