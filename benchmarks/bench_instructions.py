#!/usr/bin/env python3
"""Benchmark: the same builds as ``bench_build`` and ``bench_zensical``, counted in instructions.

CPU-time ratios scatter by several points from run to run on a shared machine, and
Zensical renders on several threads whose summed CPU time does not grow as one
thread's would.  An instruction count does not depend on either: valgrind's
cachegrind counts every instruction the build runs, in every thread, and gives the
same count for the same build whatever else the machine is doing.

For each host (``mkdocs``: ``bench_build``'s Material site with and without the
``prd`` plugin; ``zensical``: ``bench_zensical``'s site with and without
``mkdocs_prd.extension``) the two sites are built once each natively (to fill
Python's bytecode cache, which both sides then use) and once each under
``valgrind --tool=cachegrind``.  Prints the two counts, their ratio, and PASS/FAIL
against the hosts' target of 1.05.  Skips (exit 0) without valgrind, and skips
Zensical when it is not installed.  Under valgrind a build runs about 30 times
slower: the default 100 PRDs take a few minutes per host.

Interpreter start-up is counted on both sides (the same for both); hash
randomisation is off (``PYTHONHASHSEED=0``) so that two runs count the same.

    python benchmarks/bench_instructions.py [--prds 100] [--host mkdocs] [--host zensical]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import BUILD_CHILD
from bench_zensical import ZENSICAL, write_site
from corpus import write_corpus
from pairs import child_env

TARGET = 1.05

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(valgrind_output: str) -> int:
    """The instruction count in cachegrind's summary (``==12== I   refs:  17,400,000,000``).

    Raises ValueError when the output has no summary (valgrind failed to run the command).
    """
    found = _REFS.findall(valgrind_output)
    if not found:
        raise ValueError("no 'I refs' line in valgrind's output")
    return int(found[-1].replace(",", ""))


def count(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Instructions that ``command`` runs (all its threads), built once natively first."""
    subprocess.run(command, check=True, capture_output=True, cwd=cwd, env=env)  # bytecode cache
    out = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--branch-sim=no",
            "--cachegrind-out-file=/dev/null",
            *command,
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    return instructions(out.stderr)


def _mkdocs(root: Path, prds: int) -> tuple[Callable[[bool], list[str]], Path]:
    for side in ("with", "without"):
        write_corpus(root / side, prds, theme="material", plugin=side == "with")

    def command(on: bool) -> list[str]:
        side = "with" if on else "without"
        config, site = root / side / "mkdocs.yml", root / f"site-{side}"
        return [sys.executable, "-c", BUILD_CHILD, str(config), str(site)]

    return command, root


def _zensical(root: Path, prds: int) -> tuple[Callable[[bool], list[str]], Path]:
    for side in ("with", "without"):
        write_site(root / side, prds, extension=side == "with")
    zensical = ZENSICAL if os.path.exists(ZENSICAL) else "zensical"

    def command(on: bool) -> list[str]:
        side = "with" if on else "without"
        return [zensical, "build", "--clean", "-f", str(root / side / "mkdocs.yml")]

    return command, root


def measure(host: str, prds: int, root: Path) -> float:
    """Instructions of a build with mkdocs-prd over one without, on ``host``; prints both."""
    make = _mkdocs if host == "mkdocs" else _zensical
    command, cwd = make(root, prds)
    env = child_env(root / "pycache", PYTHONHASHSEED="0", NO_COLOR="1")
    without = count(command(False), cwd, env)
    with_ = count(command(True), cwd, env)
    ratio = with_ / without
    print(f"{host}, {prds} PRDs: {without:,} instructions without mkdocs-prd, {with_:,} with: {ratio:.3f}")
    return ratio


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=100)
    ap.add_argument("--host", action="append", choices=("mkdocs", "zensical"))
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("SKIP: valgrind is not installed (Debian: apt-get install valgrind)")
        return 0
    hosts = args.host or ["mkdocs", "zensical"]
    if "zensical" in hosts and not (os.path.exists(ZENSICAL) or shutil.which("zensical")):
        print("SKIP zensical: it is not installed (pip install -e '.[test]')")
        hosts.remove("zensical")
    failed = []
    for host in hosts:
        with tempfile.TemporaryDirectory(prefix=f"bench-instructions-{host}-") as tmp:
            ratio = measure(host, args.prds, Path(tmp))
        result = "PASS" if ratio <= TARGET else "FAIL"
        print(f"{result}: {host}, with / without mkdocs-prd, instructions: {ratio:.3f} (target <= {TARGET})")
        if ratio > TARGET:
            failed.append(host)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
