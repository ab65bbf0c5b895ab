#!/usr/bin/env python3
"""Benchmark: on Zensical, a 1,000-PRD site builds at most 1.05x as long with the extension.

``corpus.py`` writes the same generated site twice (same seed, same pages: PRDs,
ordinary pages, and a listing page holding the ``<!-- prd-index -->`` marker), once
with ``mkdocs_prd.extension`` under ``markdown_extensions`` and once without; the
``prd`` plugin is listed in neither (Zensical would ignore it).  The two are built
alternately with ``zensical build --clean`` (no page cache from the previous run),
each in a fresh process, and the CPU time of that process and its threads is
compared (Zensical renders on several threads; on a shared machine the wall clock
mostly measures the neighbours, so it is printed for reference only).  Prints the
size, each pair, the medians and their ratio (``bench_build.verdict``), and
PASS/FAIL against 1.05.  Skips (exit 0) when Zensical is not installed.

Python's bytecode is cached for the builds (in the temporary folder, as an installed
package has it) even where ``PYTHONDONTWRITEBYTECODE`` is set: otherwise every build
would compile this package from source and measure the compiler, not the extension.

    python benchmarks/bench_zensical.py [--prds 1000] [--pairs 5]
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
from pairs import alternate, child_env

TARGET = 1.05
ZENSICAL = str(Path(sys.executable).parent / "zensical")


def build_env(pycache: Path) -> dict[str, str]:
    """The builds' environment: no colours, bytecode cached below ``pycache``."""
    return child_env(pycache, NO_COLOR="1")


def time_build(config: Path, env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``zensical build --clean`` of ``config``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(
        [ZENSICAL if os.path.exists(ZENSICAL) else "zensical", "build", "--clean", "-f", str(config)],
        check=True,
        capture_output=True,
        cwd=config.parent,
        env=env,
    )
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


MARKDOWN_EXTENSIONS = ("tables", "attr_list", "admonition", "toc", "pymdownx.superfences", "pymdownx.details")
"""The same Markdown extensions on both sides (without a list Zensical would use its own defaults)."""

LISTING_PAGE = """# All PRDs

Every product requirement of the site, grouped by status.

<!-- prd-index -->
"""
"""``docs/prds/index.md``: on Zensical the listing is a page the author writes (the
plugin's generated index page needs the plugin); without the extension the marker is
an HTML comment and the page shows only its text."""


def write_site(root: Path, prds: int, extension: bool) -> Path:
    config = write_corpus(root, prds, theme="material", plugin=False)
    # Zensical stops the whole build on front matter that is not YAML (before any
    # extension runs): leave the corpus's deliberately broken ones out, on both sides.
    defects = json.loads((root / "defects.json").read_text(encoding="utf-8"))
    for rel, kind in defects.items():
        if kind == "broken_yaml":
            (root / "docs" / rel).unlink()
    (root / "docs" / "prds" / "index.md").write_text(LISTING_PAGE, encoding="utf-8")
    names = (*MARKDOWN_EXTENSIONS, "mkdocs_prd.extension") if extension else MARKDOWN_EXTENSIONS
    with config.open("a", encoding="utf-8") as fd:
        fd.write("markdown_extensions:\n" + "".join(f"  - {name}\n" for name in names))
    return config


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=1000, help="PRDs in the site (default: the issue's 1,000)")
    ap.add_argument("--pairs", type=int, default=5)
    args = ap.parse_args(argv)
    zensical = ZENSICAL if os.path.exists(ZENSICAL) else shutil.which("zensical")
    if zensical is None:
        print("SKIP: zensical is not installed (pip install -e '.[test]')")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-zensical-") as tmp:
        root = Path(tmp)
        with_cfg = write_site(root / "with", args.prds, extension=True)
        without_cfg = write_site(root / "without", args.prds, extension=False)
        env = build_env(root / "pycache")
        pages = sum(1 for _ in (root / "with" / "docs").rglob("*.md"))
        print(
            f"size: {args.prds} PRDs, {pages} Markdown files (with the listing page), Zensical; "
            f"{args.pairs} alternating pairs"
        )
        # One untimed build each: warm the file cache and Python's bytecode cache.
        time_build(with_cfg, env)
        time_build(without_cfg, env)
        pages_html = (root / "with" / "site" / "prds").rglob("index.html")
        assert any('<div class="prd-card">' in p.read_text(encoding="utf-8") for p in pages_html), (
            "the extension rendered no PRD page"
        )
        listing = (root / "with" / "site" / "prds" / "index.html").read_text(encoding="utf-8")
        assert 'class="prd-index' in listing, "the extension filled no listing"
        on, off = alternate(
            args.pairs, lambda: time_build(without_cfg, env), lambda: time_build(with_cfg, env)
        )
    print(f"size: {args.prds} PRDs")
    return verdict(on, off, "extension", TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
