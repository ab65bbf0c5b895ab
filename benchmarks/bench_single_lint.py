#!/usr/bin/env python3
"""Benchmark: linting one PRD inside a big site costs at most twice linting it alone.

What a pre-commit hook runs: ``mkdocs-prd lint docs/prds/x.md`` as its own process,
in a site of 300, 1,000 and 3,000 PRDs (``corpus.py``), against the same command in a
site that holds only that PRD (same ``mkdocs.yml``).  Both runs load the config with
MkDocs and start Python; the big site also has MkDocs list its files and the
other PRDs' Track IDs read (from the content-keyed cache after the first run: the
"warm" figure, which is the one with a target; the first run, which fills the
cache, is shown for information, as is ``--no-cache``).

CPU time of the child process (user + system), best of N, the runs alternated so
that machine load hits each alike.  The findings must be identical in both sites.
Prints the figures and a PASS/FAIL line; exits 1 on FAIL.

    python benchmarks/bench_single_lint.py [--sizes 300 1000 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

TARGET = 2.0
CLI = Path(sys.executable).with_name("mkdocs-prd")
TRACK = re.compile(r"^(\*\*Track ID:\*\*\s*|track_id:\s*)(\S+)", re.M)


def _cpu_of(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, bytes]:
    """CPU seconds (user + system) of one run of ``argv``, and its standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench_single_lint: {' '.join(argv)} failed:\n{proc.stderr.decode()}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout


def _target_text(site: Path) -> str:
    """A PRD of the corpus without a deliberate defect, given a Track ID no other PRD has."""
    defects = set((site / "defects.json").read_text(encoding="utf-8").split('"'))
    docs = site / "docs"
    for path in sorted((docs / "prds").rglob("*.md")):
        if path.relative_to(docs).as_posix() not in defects:
            text = path.read_text(encoding="utf-8")
            if TRACK.search(text):
                return TRACK.sub(lambda m: m.group(1) + "bench-single-target", text, count=1)
    raise SystemExit("bench_single_lint: no clean PRD in the corpus")


def bench(sizes: list[int], repeat: int) -> bool:
    ok = True
    with tempfile.TemporaryDirectory(prefix="prd-bench-single-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "MKDOCS_PRD_CACHE_DIR": str(root / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        rel = "docs/prds/bench/target.md"
        print(f"bench_single_lint: `mkdocs-prd lint {rel}`, CPU time of the process, best of {repeat}")
        for size in sizes:
            site = root / f"site-{size}"
            write_corpus(site, size, other=0)
            text = _target_text(site)
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text, encoding="utf-8")
            alone = root / f"alone-{size}"
            (alone / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(site / "mkdocs.yml", alone / "mkdocs.yml")
            (alone / rel).write_text(text, encoding="utf-8")
            argv = [str(CLI), "lint", "--format", "json", rel]
            cold, cold_out = _cpu_of(argv, site, env)  # fills the cache
            no_cache, _ = _cpu_of([*argv, "--no-cache"], site, env)
            best_alone = best_site = float("inf")
            out_alone = out_site = b""
            for _ in range(repeat):
                t, out_alone = _cpu_of(argv, alone, env)
                best_alone = min(best_alone, t)
                t, out_site = _cpu_of(argv, site, env)
                best_site = min(best_site, t)
            same = out_site == out_alone == cold_out
            ratio = best_site / best_alone
            print(
                f"  {size:5d} PRDs: alone {best_alone:6.3f} s, in the site {best_site:6.3f} s "
                f"-> ratio {ratio:4.2f}  (first run {cold / best_alone:4.2f}, --no-cache "
                f"{no_cache / best_alone:4.2f}); findings identical: {'yes' if same else 'NO'}"
            )
            ok = ok and same and ratio <= TARGET
            shutil.rmtree(site)
            shutil.rmtree(alone)
    verdict = "PASS" if ok else "FAIL"
    print(f"{verdict}: bench_single_lint: one file in a big site costs at most {TARGET:g}x linting it alone")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="single-file lint in big sites vs alone")
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    return 0 if bench(args.sizes, args.repeat) else 1


if __name__ == "__main__":
    raise SystemExit(main())
