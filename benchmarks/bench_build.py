#!/usr/bin/env python3
"""Benchmark: a Material site of 300 PRDs builds at most 1.05x as long with the plugin as without.

``corpus.py`` writes the same generated site twice (same seed, same pages: 300 PRDs
plus ordinary guide pages), once with the ``prd`` plugin in ``mkdocs.yml`` and once
without.  The two are built alternately, each build in a fresh Python process that
times ``load_config`` + ``build`` (plugin loading, parsing, validation, rendering,
the index and its JSON included; interpreter start-up, the same for both, excluded).
The order alternates pair by pair so drift on a shared machine hits both sides.
Prints each pair, the medians and their ratio, and PASS/FAIL against 1.05.

    python benchmarks/bench_build.py [--prds 300] [--pairs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from pairs import alternate, child_env

TARGET = 1.05

# Runs in the child: time one in-process build of the given mkdocs.yml.
BUILD_CHILD = """
import logging, sys, time
logging.disable(logging.WARNING)  # findings of the corpus's deliberate defects are not the point here
wall, cpu = time.perf_counter(), time.process_time()
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
cfg.plugins.on_startup(command="build", dirty=False)
build(cfg)
cfg.plugins.on_shutdown()
print(time.process_time() - cpu, time.perf_counter() - wall)
"""


def time_build(config: Path, site_dir: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one build of ``config``, measured inside a fresh process."""
    env = child_env(site_dir.parent / "pycache")
    out = subprocess.run(
        [sys.executable, "-c", BUILD_CHILD, str(config), str(site_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    cpu, wall = out.stdout.strip().splitlines()[-1].split()
    return float(cpu), float(wall)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=300)
    ap.add_argument("--pairs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        root = Path(tmp)
        with_cfg = write_corpus(root / "with", args.prds, theme="material", plugin=True)
        without_cfg = write_corpus(root / "without", args.prds, theme="material", plugin=False)
        pages = sum(1 for _ in (root / "with" / "docs").rglob("*.md"))
        print(f"site: {args.prds} PRDs, {pages} Markdown files, Material; {args.pairs} alternating pairs")
        # One untimed build each: warm the file cache and Python's bytecode cache.
        time_build(with_cfg, root / "site-with")
        time_build(without_cfg, root / "site-without")
        on, off = alternate(
            args.pairs,
            lambda: time_build(without_cfg, root / "site-without"),
            lambda: time_build(with_cfg, root / "site-with"),
        )
    return verdict(on, off, "plugin", TARGET)


def verdict(on: list[tuple[float, float]], off: list[tuple[float, float]], what: str, target: float) -> int:
    """Print the medians of ``(CPU, wall)`` timings with and without ``what`` and the verdict;
    0 when the median CPU ratio is within ``target``, else 1."""
    # CPU time decides: a build is single-threaded, and on a shared machine the wall
    # clock mostly measures the neighbours.  Wall medians are printed for reference.
    cpu_on, cpu_off = statistics.median(c for c, _ in on), statistics.median(c for c, _ in off)
    wall_on, wall_off = statistics.median(w for _, w in on), statistics.median(w for _, w in off)
    ratio = cpu_on / cpu_off
    print(f"median without {what}: CPU {cpu_off:.3f} s, wall {wall_off:.3f} s")
    print(f"median with {what}:    CPU {cpu_on:.3f} s, wall {wall_on:.3f} s")
    print(f"wall-clock ratio (for reference): {wall_on / wall_off:.3f}")
    result = "PASS" if ratio <= target else "FAIL"
    print(f"{result}: build with {what} / without (median CPU time) = {ratio:.3f} (target <= {target})")
    return 0 if ratio <= target else 1


if __name__ == "__main__":
    raise SystemExit(main())
