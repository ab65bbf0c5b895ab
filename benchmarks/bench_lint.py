#!/usr/bin/env python3
"""Benchmark: linting PRDs must cost under 1/20 of rendering them, and stay linear on hostile input.

1. Generates 1,000 PRDs with ``corpus.py`` (about 1 in 8 with a deliberate defect),
   then, in this one process, times a whole ``mkdocs-prd lint`` run over the site
   (read files, detect, parse, every rule including the cross-document ones) against
   rendering the same files with Python-Markdown as MkDocs 1.6 does (``Page.render``:
   read the file, strip the front matter, a new ``markdown.Markdown`` per page with
   MkDocs' default extensions toc, tables and fenced_code; MkDocs' own tree
   processors are left out, so the baseline under-states a build's rendering).  A
   reused ``Markdown`` instance (cheaper; MkDocs does not do that) is shown for
   information.  CPU time (``time.process_time``), best of N, the runs alternated so
   that machine load hits each alike.
2. Lints an adversarial PRD (one 1 MB line of ``[ `` pairs, thousands of unclosed
   ``**``, a long line of backtick runs) at size n and 2n: the time ratio must stay
   near 2 (linear), under 3.

Prints the figures and PASS/FAIL lines; exits 1 on any FAIL.

    python benchmarks/bench_lint.py [--prds 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from mkdocs_prd.core.lint import lint
from mkdocs_prd.core.parse.lines import front_matter_end, split_lines
from mkdocs_prd.core.settings import Settings

TARGET = 1 / 20
LINEAR_LIMIT = 3.0
# MkDocs' default ``markdown_extensions`` (mkdocs/config/defaults.py, "builtins").
EXTENSIONS = ["toc", "tables", "fenced_code"]


def _cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def _best(repeat: int, run: Callable[[], object]) -> float:
    return min(_cpu(run) for _ in range(repeat))


def _markdown_body(text: str) -> str:
    # MkDocs hands Python-Markdown the page without its YAML front matter.
    lines = split_lines(text)
    return "\n".join(lines[front_matter_end(lines) :])


def bench_corpus(prds: int, repeat: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="prd-bench-lint-") as tmp:
        write_corpus(Path(tmp), prds, other=0)
        docs = Path(tmp) / "docs"
        files = sorted(docs.rglob("*.md"))
        size = sum(p.stat().st_size for p in files)
        result = lint([], Settings(), str(docs))

        def render_per_page() -> None:
            # As MkDocs' Page.render: read the file, a fresh Markdown instance per page.
            for path in files:
                body = _markdown_body(path.read_text(encoding="utf-8"))
                markdown.Markdown(extensions=EXTENSIONS, extension_configs={}).convert(body)

        def render_reused() -> None:
            md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={})
            for path in files:
                md.reset()
                md.convert(_markdown_body(path.read_text(encoding="utf-8")))

        runs: dict[str, Callable[[], object]] = {
            "lint": lambda: lint([], Settings(), str(docs)),
            "per_page": render_per_page,
            "reused": render_reused,
        }
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(repeat):
            for name, run in runs.items():
                best[name] = min(best[name], _cpu(run))
    lint_s, per_page_s, reused_s = best["lint"], best["per_page"], best["reused"]
    ratio = lint_s / per_page_s
    ratio_reused = lint_s / reused_s
    n = result.pages
    print(
        f"bench_lint: {n} PRDs ({size / 1e6:.1f} MB), {len(result.findings)} findings, "
        f"CPU time, best of {repeat}"
    )
    print(f"  mkdocs-prd lint:                     {lint_s:7.3f} s  ({lint_s / n * 1e3:.3f} ms/PRD)")
    print(f"  Python-Markdown, instance per page:  {per_page_s:7.3f} s  ({per_page_s / n * 1e3:.3f} ms/PRD)")
    print(f"  Python-Markdown, reused instance:    {reused_s:7.3f} s  ({reused_s / n * 1e3:.3f} ms/PRD)")
    print(f"  ratio lint/render (per page, as MkDocs) = {ratio:.4f} (1/{1 / ratio:.1f}); target < 1/20")
    print(f"  ratio lint/render (reused, information) = {ratio_reused:.4f} (1/{1 / ratio_reused:.1f})")
    ok = ratio < TARGET and n == prds
    verdict = "PASS" if ok else "FAIL"
    print(
        f"{verdict}: bench_lint: linting costs 1/{1 / ratio:.1f} of rendering as MkDocs does "
        "(target: under 1/20)"
    )
    return ok


def hostile_prd(scale: int) -> str:
    """A PRD whose body is built to hurt backtracking scanners; ``scale=1`` is about 1.1 MB."""
    return (
        "# PRD: Hostile input\n\n**Status:** Draft\n\n## 1. Problem\n\n"
        + "[ " * (500_000 * scale)
        + "\n\n"
        + "**unclosed " * (5_000 * scale)
        + "\n\n"
        + "`[a]` `` ` [" * (8_000 * scale)
        + "\n"
    )


def bench_hostile(repeat: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="prd-bench-hostile-") as tmp:
        paths = []
        for scale in (1, 2):
            path = Path(tmp) / f"hostile-{scale}.md"
            path.write_text(hostile_prd(scale), encoding="utf-8")
            paths.append(path)
        # Interleave n and 2n so that a busy machine slows both alike; keep the best of each.
        times = [float("inf"), float("inf")]
        for _ in range(max(repeat, 5)):
            for i, path in enumerate(paths):
                times[i] = min(times[i], _best(1, lambda p=path: lint([str(p)], Settings())))
        for path, seconds in zip(paths, times, strict=True):
            print(f"  hostile PRD {path.stat().st_size / 1e6:4.1f} MB: lint {seconds:6.3f} s")
    ratio = times[1] / times[0]
    ok = ratio < LINEAR_LIMIT
    print(f"  time(2n) / time(n) = {ratio:.2f} (linear is 2; limit {LINEAR_LIMIT})")
    print(f"{'PASS' if ok else 'FAIL'}: bench_lint: hostile input lints in linear time (ratio {ratio:.2f})")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks; 0 when both pass."""
    ap = argparse.ArgumentParser(description="lint vs render benchmark, and linearity on hostile input")
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    ok = bench_corpus(args.prds, args.repeat)
    ok = bench_hostile(args.repeat) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
