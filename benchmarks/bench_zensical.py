#!/usr/bin/env python3
"""Benchmark: on Zensical, a site of 300 PRDs builds at most 1.05x as long with the extension.

``corpus.py`` writes the same generated site twice (same seed, same pages), once
with ``mkdocs_prd.extension`` under ``markdown_extensions`` and once without; the
``prd`` plugin is listed in neither (Zensical would ignore it).  The two are built
alternately with ``zensical build --clean`` (no page cache from the previous run),
each in a fresh process, and the CPU time of that process and its threads is
compared (Zensical renders on several threads; on a shared machine the wall clock
mostly measures the neighbours, so it is printed for reference only).  Prints each
pair, the medians and their ratio, and PASS/FAIL against 1.05.  Skips (exit 0) when
Zensical is not installed.

    python benchmarks/bench_zensical.py [--prds 300] [--pairs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import verdict
from corpus import write_corpus
from pairs import alternate

TARGET = 1.05
ZENSICAL = str(Path(sys.executable).parent / "zensical")


def time_build(config: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``zensical build --clean`` of ``config``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(
        [ZENSICAL if os.path.exists(ZENSICAL) else "zensical", "build", "--clean", "-f", str(config)],
        check=True,
        capture_output=True,
        cwd=config.parent,
        env={**os.environ, "NO_COLOR": "1"},
    )
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


MARKDOWN_EXTENSIONS = ("tables", "attr_list", "admonition", "toc", "pymdownx.superfences", "pymdownx.details")
"""The same Markdown extensions on both sides (without a list Zensical would use its own defaults)."""


def write_site(root: Path, prds: int, extension: bool) -> Path:
    config = write_corpus(root, prds, theme="material", plugin=False)
    # Zensical stops the whole build on front matter that is not YAML (before any
    # extension runs): leave the corpus's deliberately broken ones out, on both sides.
    defects = json.loads((root / "defects.json").read_text(encoding="utf-8"))
    for rel, kind in defects.items():
        if kind == "broken_yaml":
            (root / "docs" / rel).unlink()
    names = (*MARKDOWN_EXTENSIONS, "mkdocs_prd.extension") if extension else MARKDOWN_EXTENSIONS
    with config.open("a", encoding="utf-8") as fd:
        fd.write("markdown_extensions:\n" + "".join(f"  - {name}\n" for name in names))
    return config


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=300)
    ap.add_argument("--pairs", type=int, default=7)
    args = ap.parse_args(argv)
    zensical = ZENSICAL if os.path.exists(ZENSICAL) else shutil.which("zensical")
    if zensical is None:
        print("SKIP: zensical is not installed (pip install -e '.[test]')")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-zensical-") as tmp:
        root = Path(tmp)
        with_cfg = write_site(root / "with", args.prds, extension=True)
        without_cfg = write_site(root / "without", args.prds, extension=False)
        pages = sum(1 for _ in (root / "with" / "docs").rglob("*.md"))
        print(f"site: {args.prds} PRDs, {pages} Markdown files, Zensical; {args.pairs} alternating pairs")
        # One untimed build each: warm the file cache and Python's bytecode cache.
        time_build(with_cfg)
        time_build(without_cfg)
        pages_html = (root / "with" / "site" / "prds").rglob("index.html")
        assert any('<div class="prd-card">' in p.read_text(encoding="utf-8") for p in pages_html), (
            "the extension rendered no PRD page"
        )
        on, off = alternate(args.pairs, lambda: time_build(without_cfg), lambda: time_build(with_cfg))
    return verdict(on, off, "extension", TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
