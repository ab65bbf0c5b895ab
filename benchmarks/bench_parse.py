#!/usr/bin/env python3
"""Benchmark: parsing PRDs must cost under 1/20 of rendering them.

Generates 1,000 PRDs with ``corpus.py``, then, in this one process, times
``parse_prd`` over all of them and Python-Markdown (the extensions MkDocs enables by
default: toc, tables, fenced_code) over the same texts, front matter stripped as
MkDocs does.  Each side is timed best-of-N to damp noise on a shared machine.
Prints both times, the ratio and a PASS/FAIL line; exits 1 on FAIL.

    python benchmarks/bench_parse.py [--prds 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from mkdocs_prd.parse import decode_source, is_prd, parse_prd
from mkdocs_prd.parse_lines import front_matter_end, split_lines

TARGET = 1 / 20


def _load(prds: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="prd-bench-") as tmp:
        write_corpus(Path(tmp), prds, other=0)
        docs = Path(tmp) / "docs"
        pages = []
        for path in sorted(docs.rglob("*.md")):
            text, _ = decode_source(path.read_bytes())
            if is_prd(text):
                pages.append((path.relative_to(docs).as_posix(), text))
        return pages


def _markdown_body(text: str) -> str:
    # MkDocs hands Python-Markdown the page without its YAML front matter.
    lines = split_lines(text)
    end = front_matter_end(lines)
    return "\n".join(lines[end:])


def _best(repeat: int, run: object) -> float:
    assert callable(run)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 on PASS, 1 on FAIL."""
    ap = argparse.ArgumentParser(description="parse vs render benchmark")
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    pages = _load(args.prds)
    bodies = [_markdown_body(text) for _, text in pages]
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])

    def parse_all() -> None:
        for path, text in pages:
            parse_prd(text, path)

    def render_all() -> None:
        for body in bodies:
            md.reset()
            md.convert(body)

    parse_s = _best(args.repeat, parse_all)
    render_s = _best(args.repeat, render_all)
    ratio = parse_s / render_s
    n = len(pages)
    print(f"bench_parse: {n} PRDs ({sum(len(t) for _, t in pages) / 1e6:.1f} MB)")
    print(f"  parse_prd:       {parse_s:7.3f} s  ({parse_s / n * 1e3:.3f} ms/PRD)")
    print(f"  Python-Markdown: {render_s:7.3f} s  ({render_s / n * 1e3:.3f} ms/PRD)")
    print(f"  ratio parse/render = {ratio:.4f} (1/{1 / ratio:.1f}); target < {TARGET:.4f} (1/20)")
    ok = ratio < TARGET
    verdict = "PASS" if ok else "FAIL"
    print(f"{verdict}: bench_parse: parsing costs 1/{1 / ratio:.1f} of rendering (target: under 1/20)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
