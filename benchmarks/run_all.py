#!/usr/bin/env python3
"""Run every ``benchmarks/bench_*.py`` in turn, each in its own process.

Each benchmark prints its figures and a PASS/FAIL line and exits non-zero when it
misses its target.  This runner shows their output as it comes, then a summary, and
exits 1 if any benchmark failed (or could not run).

    python benchmarks/run_all.py [NAME_FILTER ...]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks whose file name contains any of the given filters (all by default)."""
    filters = sys.argv[1:] if argv is None else argv
    scripts = sorted(HERE.glob("bench_*.py"))
    if filters:
        scripts = [s for s in scripts if any(f in s.name for f in filters)]
    if not scripts:
        print("run_all: no benchmarks found", file=sys.stderr)
        return 1
    results: list[tuple[str, int, float]] = []
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        results.append((script.name, code, time.perf_counter() - start))
        print(flush=True)
    print("=== summary")
    for name, code, seconds in results:
        print(f"  {'PASS' if code == 0 else 'FAIL'}  {name}  ({seconds:.1f} s)")
    failed = [name for name, code, _ in results if code != 0]
    if failed:
        print(f"run_all: {len(failed)} of {len(results)} benchmarks failed: {', '.join(failed)}")
        return 1
    print(f"run_all: all {len(results)} benchmarks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
