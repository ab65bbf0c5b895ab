#!/usr/bin/env python3
"""Benchmark: parsing PRDs must cost under 1/20 of rendering them.

Generates 1,000 PRDs with ``corpus.py``, then, in this one process, times
``parse_prd`` over all of them against Python-Markdown rendering the same texts
(front matter stripped, as MkDocs does), in two variants:

* **per-page instance** (the target comparison): MkDocs 1.6 builds a new
  ``markdown.Markdown(extensions=..., extension_configs=...)`` for every page
  (``mkdocs/structure/pages.py``, ``Page.render``) with its default extensions
  toc, tables and fenced_code; so does this baseline.  MkDocs then registers its
  own tree processors too (links, anchors, title), which are left out here, so the
  baseline still under-states what a build spends on rendering.
* **reused instance** (for information): one ``markdown.Markdown`` with ``reset()``
  between pages, which MkDocs does not do; cheaper, so a stricter comparison.

All three are CPU time (``time.process_time``), best of N, measured in alternation
so machine load hits each alike.  Prints the times, both ratios and a PASS/FAIL line
for the target (per-page instance); exits 1 on FAIL.

    python benchmarks/bench_parse.py [--prds 1000] [--repeat 5]
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

from mkdocs_prd.core.parse.lines import front_matter_end, split_lines
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd

TARGET = 1 / 20
# MkDocs' default ``markdown_extensions`` (mkdocs/config/defaults.py, "builtins").
EXTENSIONS = ["toc", "tables", "fenced_code"]


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


def _cpu(run: Callable[[], None]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 on PASS, 1 on FAIL."""
    ap = argparse.ArgumentParser(description="parse vs render benchmark")
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    pages = _load(args.prds)
    bodies = [_markdown_body(text) for _, text in pages]

    def parse_all() -> None:
        for path, text in pages:
            parse_prd(text, path)

    def render_per_page() -> None:
        # As MkDocs' Page.render: a fresh Markdown instance for every page.
        for body in bodies:
            markdown.Markdown(extensions=EXTENSIONS, extension_configs={}).convert(body)

    def render_reused() -> None:
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={})
        for body in bodies:
            md.reset()
            md.convert(body)

    runs = {"parse": parse_all, "per_page": render_per_page, "reused": render_reused}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.repeat):
        # Alternate the three so that load from other processes hits each alike.
        for name, run in runs.items():
            best[name] = min(best[name], _cpu(run))

    n = len(pages)
    parse_s, per_page_s, reused_s = best["parse"], best["per_page"], best["reused"]
    ratio = parse_s / per_page_s
    ratio_reused = parse_s / reused_s
    size_mb = sum(len(t) for _, t in pages) / 1e6
    print(f"bench_parse: {n} PRDs ({size_mb:.1f} MB), CPU time, best of {args.repeat}")
    print(f"  parse_prd:                           {parse_s:7.3f} s  ({parse_s / n * 1e3:.3f} ms/PRD)")
    print(f"  Python-Markdown, instance per page:  {per_page_s:7.3f} s  ({per_page_s / n * 1e3:.3f} ms/PRD)")
    print(f"  Python-Markdown, reused instance:    {reused_s:7.3f} s  ({reused_s / n * 1e3:.3f} ms/PRD)")
    print(f"  ratio parse/render (per page, as MkDocs) = {ratio:.4f} (1/{1 / ratio:.1f}); target < 1/20")
    print(f"  ratio parse/render (reused, information) = {ratio_reused:.4f} (1/{1 / ratio_reused:.1f})")
    ok = ratio < TARGET
    verdict = "PASS" if ok else "FAIL"
    print(
        f"{verdict}: bench_parse: parsing costs 1/{1 / ratio:.1f} of rendering as MkDocs does "
        f"(1/{1 / ratio_reused:.1f} of a reused instance; target: under 1/20)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
