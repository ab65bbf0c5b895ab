#!/usr/bin/env python3
"""What a build with the plugin would cost if reading the PRDs cost nothing: the floor under ``bench_build``.

Not a benchmark with a target of its own: the evidence for how far parsing, the rules
and the Markdown normalisation alone could move ``bench_build``'s ratio.  It builds
``bench_build``'s Material site (``corpus.py``; ``--prds 100`` by default) twice in one
process and counts the second build's instructions under valgrind's cachegrind (the
count of a process building twice, minus that of one building once), in three ways:

* without the plugin;
* with the plugin;
* with the plugin, its parser (``parse_prd``), its rules (``validate``) and its
  normalisation (``normalise``) *replayed*: the second build gets the first build's
  results back without computing them, so their cost is taken out and everything
  else the plugin does (the card, the IOSM table, the findings panel, anchors, the
  index page, its charts and JSON, the stylesheet, and MkDocs' work on all of it:
  Python-Markdown, the theme, search) is left in.

The second build of a process is used on all sides so that the replayed results exist;
it leaves imports out (the first build has done them).  A call whose result depends on
callbacks it makes (``normalise`` holding an HTML block) is not replayed but run.  The
replayed build writes the same site as the plain one (checked: the two ``site``
folders are compared and the benchmark fails if they differ).

    python benchmarks/bench_floor.py [--prds 100]

Needs valgrind (a system program; Debian: ``apt-get install valgrind``); skips without it.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_instructions import count
from corpus import write_corpus
from pairs import child_env

# Runs in the child: build argv[1] argv[3] times into argv[2]; with argv[4] == "replay", the
# second and later builds get parse_prd's, validate's and normalise's results from the first.
REPLAY_CHILD = """
import logging, sys
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
config, site, runs, replay = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "replay"
recorders = []
if replay:
    import mkdocs_prd.core.sitewide.catalog as catalog
    import mkdocs_prd.html.page as page

    def recorded(owner, name):
        real = getattr(owner, name)
        results, state = [], {"at": 0, "replaying": False}

        def call(*args, **kwargs):
            if state["replaying"]:
                at = state["at"]
                state["at"] += 1
                if at < len(results) and results[at] is not None:
                    return results[at]
                return real(*args, **kwargs)
            called = []
            def watch(f):
                return lambda *a: (called.append(1), f(*a))[1]
            args = [watch(a) if callable(a) else a for a in args]
            kwargs = {k: watch(v) if callable(v) else v for k, v in kwargs.items()}
            result = real(*args, **kwargs)
            results.append(None if called else result)  # a result made with callbacks is not kept
            return result

        setattr(owner, name, call)
        return state

    recorders = [recorded(catalog, "parse_prd"), recorded(catalog, "validate"), recorded(page, "normalise")]
for n in range(runs):
    if n == 1:
        for state in recorders:
            state["replaying"] = True
    cfg = load_config(config, site_dir=site)
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    cfg.plugins.on_shutdown()
"""


def second_build(config: Path, site: Path, replay: bool, cwd: Path, env: dict[str, str]) -> int:
    """Instructions of the second of two builds of ``config`` in one process."""
    mode = "replay" if replay else "plain"

    def command(runs: int) -> list[str]:
        return [sys.executable, "-c", REPLAY_CHILD, str(config), str(site), str(runs), mode]

    return count(command(2), cwd, env) - count(command(1), cwd, env)


def same_site(a: Path, b: Path) -> bool:
    """Whether two built sites hold the same files with the same bytes (``sitemap.xml.gz`` aside)."""
    cmp = filecmp.dircmp(a, b)
    pending = [cmp]
    while pending:
        d = pending.pop()
        if d.left_only or d.right_only or d.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(d.left, d.right, d.common_files, shallow=False)
        if errors or [m for m in mismatch if m != "sitemap.xml.gz"]:
            return False
        pending.extend(d.subdirs.values())
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=100)
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("SKIP: valgrind is not installed (Debian: apt-get install valgrind)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        root = Path(tmp)
        with_cfg = write_corpus(root / "with", args.prds, theme="material", plugin=True)
        without_cfg = write_corpus(root / "without", args.prds, theme="material", plugin=False)
        env = child_env(root / "pycache", PYTHONHASHSEED="0", NO_COLOR="1")
        bare = second_build(without_cfg, root / "site-without", False, root, env)
        plain = second_build(with_cfg, root / "site-plain", False, root, env)
        replayed = second_build(with_cfg, root / "site-replayed", True, root, env)
        if not same_site(root / "site-plain", root / "site-replayed"):
            print("FAIL: the build with replayed results wrote a different site")
            return 1
    print(f"{args.prds} PRDs, Material; instructions of a second build in one process:")
    print(f"  without the plugin:                                {bare:,}")
    print(f"  with the plugin:                                   {plain:,}  {plain / bare:.3f}")
    print(f"  with parse_prd, validate and normalise replayed:  {replayed:,}  {replayed / bare:.3f}")
    print(
        f"parsing, rules and normalisation: {(plain - replayed) / (plain - bare):.0%} of the plugin's cost; "
        f"the rest alone is {replayed / bare:.3f} x the bare build"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
