#!/usr/bin/env python3
"""Benchmark: the PRD index of a 1,000-PRD site adds at most 2% to its build.

Generates 1,000 PRDs (+ 200 ordinary pages) with ``corpus.py`` (theme ``mkdocs``:
the cheapest theme, so the strictest denominator), then builds, in this one
process and alternating, the site without the plugin (the baseline) and with it
(index page and JSON export on, the defaults).

What the index adds is measured inside the "with" builds rather than as the
difference of two whole-build medians: on a shared 2-core machine two 30-second
builds differ by more than 2% from noise alone.  Counted as index cost:

* the plugin's index step in ``on_files`` (rows, findings counts, actual IOSM
  values, the generated page and assets);
* the whole build of the index page itself: Markdown, the plugin's hooks, the
  theme template and the search plugin indexing its table (MkDocs'
  ``_populate_page`` and ``_build_page`` for that page);
* the index hooks on every other page (marker checks) and the JSON export.

Prints the medians, the ratio index cost / baseline build, the whole-build
difference for reference, and PASS/FAIL; exits 1 on FAIL.

    python benchmarks/bench_index.py [--prds 1000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from mkdocs.commands import build as build_module
from mkdocs.config import load_config

from mkdocs_prd.adapters.mkdocs.plugin import PrdPlugin
from mkdocs_prd.html.site_index import SiteIndex

TARGET = 0.02
INDEX_PAGE = "prds/index.md"


class IndexClock:
    """Accumulates the time spent on the index during one build (see the module docstring)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0  # nested timed calls (a hook inside the index page's build) count once

    def timed(
        self, func: Callable[..., Any], when: Callable[..., bool] = lambda *a, **k: True
    ) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if self._depth or not when(*args, **kwargs):
                return func(*args, **kwargs)
            self._depth += 1
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self._depth -= 1

        return wrapper


@contextmanager
def instrumented(clock: IndexClock) -> Iterator[None]:
    """Wrap the index's code paths with ``clock`` for the duration of one build."""

    def is_index_page(page: Any, *args: Any, **kwargs: Any) -> bool:
        return bool(page.file.src_uri == INDEX_PAGE)

    patches: list[tuple[Any, str, Any]] = [
        (PrdPlugin, "_index_files", clock.timed(PrdPlugin._index_files)),
        (PrdPlugin, "_index_markdown", clock.timed(PrdPlugin._index_markdown)),
        (PrdPlugin, "on_post_build", clock.timed(PrdPlugin.on_post_build)),
        (SiteIndex, "fill", clock.timed(SiteIndex.fill)),
        (build_module, "_populate_page", clock.timed(build_module._populate_page, is_index_page)),
        (build_module, "_build_page", clock.timed(build_module._build_page, is_index_page)),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    try:
        for owner, name, wrapped in patches:
            setattr(owner, name, wrapped)
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def build_once(config_file: Path, site_dir: Path, clock: IndexClock | None) -> float:
    """One real build in this process; returns its wall time in seconds."""
    with instrumented(clock or IndexClock()):
        # Loaded inside: MkDocs binds the plugin's event methods when it loads the config.
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        start = time.perf_counter()
        try:
            build_module.build(config)
        finally:
            config.plugins.on_shutdown()
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 on PASS, 1 on FAIL."""
    ap = argparse.ArgumentParser(description="PRD index cost benchmark")
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2, help="alternating (baseline, plugin) build pairs")
    args = ap.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # A 1,000-PRD corpus logs a finding per broken PRD; the figures are what matter here.
    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory(prefix="prd-bench-index-") as tmp:
        root = Path(tmp)
        with_plugin = write_corpus(root / "corpus", args.prds, theme="mkdocs", plugin=True)
        baseline = root / "corpus" / "mkdocs-baseline.yml"
        write_corpus(root / "baseline-config", 0, theme="mkdocs", plugin=False)
        baseline.write_text((root / "baseline-config" / "mkdocs.yml").read_text(), encoding="utf-8")

        base_s: list[float] = []
        plugin_s: list[float] = []
        index_s: list[float] = []
        build_once(baseline, root / "warm", None)  # imports and template caches, not measured
        for n in range(args.rounds):
            base_s.append(build_once(baseline, root / f"base{n}", None))
            clock = IndexClock()
            plugin_s.append(build_once(with_plugin, root / f"plugin{n}", clock))
            index_s.append(clock.seconds)
            if not (root / f"plugin{n}" / "prds" / "index.html").is_file():
                print("FAIL: bench_index: the index page was not built")
                return 1
            print(
                f"  round {n + 1}: baseline {base_s[-1]:.2f} s, plugin {plugin_s[-1]:.2f} s, "
                f"index {index_s[-1]:.3f} s",
                flush=True,
            )

    base = statistics.median(base_s)
    plugin = statistics.median(plugin_s)
    index = statistics.median(index_s)
    ratio = index / base
    print(
        f"bench_index: {args.prds} PRDs + {args.prds // 5} pages, theme mkdocs, "
        f"{args.rounds} rounds (medians)"
    )
    print(f"  build without the plugin: {base:7.2f} s")
    print(
        f"  build with the plugin:    {plugin:7.2f} s  "
        f"(the whole plugin, for reference: {plugin / base - 1:+.1%})"
    )
    print(f"  index cost in that build: {index:7.3f} s")
    print(f"  ratio index / baseline = {ratio:.4f} ({ratio:.2%}); target <= {TARGET:.0%}")
    ok = ratio <= TARGET
    verdict = "PASS" if ok else "FAIL"
    print(f"{verdict}: bench_index: the index adds {ratio:.2%} to the build (target: at most 2%)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
