#!/usr/bin/env python3
"""Benchmark: traceability costs at most 1.05x: a 1,000-PRD site with 5,000 source files
and a JUnit report builds within 1.05x of the same site built without ``trace``.

``corpus.py`` writes the same generated site twice (same seed, same pages), both with
the ``prd`` plugin; one also gets ``trace: {sources: [src/**/*.py], junit:
[reports/*.xml]}`` and, beside it, 5,000 Python files (one in three naming a
requirement of the site in a comment or string, a few naming unknown ids) and a
JUnit report of 3,000 test cases.  The scan of sources and reports is linear: one
regex pass per file.  Builds alternate pair by pair, each in a fresh process timed
as in ``bench_build.py`` (CPU time of ``load_config`` + ``build``).

    python benchmarks/bench_trace.py [--prds 1000] [--sources 5000] [--pairs 3]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import time_build, verdict
from corpus import write_corpus

TARGET = 1.05
_ID = re.compile(r"^\*\*Track ID:\*\* (\S+)", re.M)
_REQ = re.compile(r"(?:^\*\*|^\d+\. )(FR-\d+)", re.M)


def site_ids(docs: Path) -> list[str]:
    """Qualified ids of the generated PRDs (as the corpus writes them)."""
    out: list[str] = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        track = _ID.search(text)
        if track is not None:
            out += [f"{track.group(1)}:{local}" for local in dict.fromkeys(_REQ.findall(text))]
    return out


def write_sources(root: Path, ids: list[str], count: int, seed: int = 11) -> None:
    """``count`` Python files under ``root/src`` and one JUnit report under ``root/reports``."""
    rng = random.Random(seed)
    body = "".join(f"def f{i}(x):\n    # step {i}: nothing to see\n    return x + {i}\n\n" for i in range(12))
    for n in range(count):
        folder = root / "src" / f"pkg{n % 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        head = f'"""Module {n}."""\n\n'
        if n % 3 == 0 and ids:
            head += f"# Implements {rng.choice(ids)}\n"
        if n % 500 == 7:
            head += "# See nowhere-track:FR-1 (an unknown PRD)\n"
        (folder / f"mod{n:05d}.py").write_text(head + body, encoding="utf-8")
    cases = []
    for n in range(3000):
        rid = rng.choice(ids) if ids else "x:FR-1"
        outcome = "<failure message='x'/>" if n % 40 == 0 else "<skipped/>" if n % 97 == 0 else ""
        cases.append(
            f'<testcase classname="tests.test_m{n % 100}" name="test_{n}" time="0.01">'
            f'<properties><property name="requirements" value="{rid}"/></properties>{outcome}</testcase>'
        )
    (root / "reports").mkdir(exist_ok=True)
    (root / "reports" / "junit.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="pytest">\n'
        + "\n".join(cases)
        + "\n</testsuite></testsuites>\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--sources", type=int, default=5000)
    ap.add_argument("--pairs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-trace-") as tmp:
        root = Path(tmp)
        with_cfg = write_corpus(root / "with", args.prds, theme="material", plugin=True)
        without_cfg = write_corpus(root / "without", args.prds, theme="material", plugin=True)
        ids = site_ids(root / "with" / "docs")
        write_sources(root / "with", ids, args.sources)
        config = with_cfg.read_text(encoding="utf-8").replace(
            "  - prd\n",
            "  - prd:\n      trace:\n        sources: [src/**/*.py]\n        junit: [reports/*.xml]\n",
        )
        with_cfg.write_text(config, encoding="utf-8")
        print(
            f"site: {args.prds} PRDs ({len(ids)} FR ids), {args.sources} source files, 3000 test cases; "
            f"{args.pairs} alternating pairs"
        )
        time_build(with_cfg, root / "site-with")
        time_build(without_cfg, root / "site-without")
        on: list[tuple[float, float]] = []
        off: list[tuple[float, float]] = []
        for i in range(args.pairs):
            order = [(off, without_cfg, "site-without"), (on, with_cfg, "site-with")]
            for bucket, cfg, site in order if i % 2 == 0 else reversed(order):
                bucket.append(time_build(cfg, root / site))
            print(f"  pair {i + 1}: CPU without trace {off[-1][0]:.3f} s, with {on[-1][0]:.3f} s")
    return verdict(on, off, "trace", TARGET)

if __name__ == "__main__":
    raise SystemExit(main())
