#!/usr/bin/env python3
"""Where the plugin's time goes in a build: CPU seconds per plugin event and per MkDocs step.

Not a benchmark with a target (``bench_build.py`` is): the breakdown behind its figure.
Writes the same generated Material site as ``bench_build.py`` (``corpus.py``, 300 PRDs
by default), builds it once without and ``--runs`` times with the plugin, each build in
a fresh process with bytecode cached, and prints for the fastest build with the plugin
the CPU time (``time.process_time``) of each ``prd`` plugin event, of MkDocs' Markdown
rendering and page templates, and of the search plugin, beside the bare build's.

    python benchmarks/where_time_goes.py [--prds 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from pairs import child_env

# Runs in the child: one build with process_time around each step; prints a JSON object.
_CHILD = r"""
import collections, functools, json, logging, sys, time
logging.disable(logging.WARNING)
T = collections.Counter()
start = time.process_time()

def timed(owner, name, key):
    f = getattr(owner, name)
    @functools.wraps(f)
    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            T[key] += time.process_time() - t
    setattr(owner, name, g)

t = time.process_time()
import mkdocs.commands.build as build_module
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
T["import MkDocs"] = time.process_time() - t
timed(Page, "render", "MkDocs: Markdown to HTML (Python-Markdown)")
timed(build_module, "_build_template", "MkDocs: page templates (Jinja)")
t = time.process_time()
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
T["MkDocs: load_config (plugins imported)"] = time.process_time() - t
for event, methods in cfg.plugins.events.items():
    for i, method in enumerate(methods):
        owner = getattr(method, "__module__", "") or ""
        key = ("prd " if "mkdocs_prd" in owner else "search " if "search" in owner else "")
        if not key:
            continue
        def g(*a, _m=method, _key=key + event, **k):
            t = time.process_time()
            try:
                return _m(*a, **k)
            finally:
                T[_key] += time.process_time() - t
        methods[i] = g
cfg.plugins.on_startup(command="build", dirty=False)
build_module.build(cfg)
cfg.plugins.on_shutdown()
T["whole build (imports included)"] = time.process_time() - start
print(json.dumps(T))
"""


def timed_build(config: Path, site_dir: Path) -> dict[str, float]:
    """CPU seconds by step of one build of ``config`` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(config), str(site_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(site_dir.parent / "pycache"),
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="where-time-goes-") as tmp:
        root = Path(tmp)
        with_cfg = write_corpus(root / "with", args.prds, theme="material", plugin=True)
        without_cfg = write_corpus(root / "without", args.prds, theme="material", plugin=False)
        timed_build(with_cfg, root / "site-with")  # warm-up: file cache, bytecode
        bare = min(
            (timed_build(without_cfg, root / "site-without") for _ in range(args.runs)),
            key=lambda r: r["whole build (imports included)"],
        )
        best = min(
            (timed_build(with_cfg, root / "site-with") for _ in range(args.runs)),
            key=lambda r: r["whole build (imports included)"],
        )
    total = "whole build (imports included)"
    print(f"{args.prds} PRDs, Material; CPU seconds, fastest of {args.runs} builds each")
    print(f"{'step':<48} {'without':>8} {'with':>8}")
    for key in sorted(set(best) | set(bare), key=lambda k: (k == total, k)):
        print(f"{key:<48} {bare.get(key, 0.0):8.3f} {best.get(key, 0.0):8.3f}")
    plugin = sum(v for k, v in best.items() if k.startswith("prd "))
    print(f"{'prd plugin events together':<48} {'':>8} {plugin:8.3f}")
    print(f"ratio of whole builds: {best[total] / bare[total]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
