#!/usr/bin/env python3
"""Benchmark: with ``history: true`` a 300-PRD site in git builds at most 1.10x as long as without.

``corpus.py`` writes the generated site (300 PRDs and guide pages, Material) once;
it becomes a git repository with one commit per PRD (made by one ``git fast-import``,
dated a day apart, by a few authors), so the history has as many commits as PRDs.
The same site is then built alternately with ``history: false`` and ``history:
true``, each build in a fresh Python process timing ``load_config`` + ``build``.
Time is CPU time of the build process *and of the git processes it runs* (git's
work is part of the cost); wall time is printed for reference.

    python benchmarks/bench_history.py [--prds 300] [--pairs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from pairs import child_env

TARGET = 1.10

_CHILD = """
import logging, resource, sys, time
logging.disable(logging.WARNING)
def cpu():
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime
wall, start = time.perf_counter(), cpu()
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
cfg.plugins.on_startup(command="build", dirty=False)
build(cfg)
cfg.plugins.on_shutdown()
print(cpu() - start, time.perf_counter() - wall)
"""

AUTHORS = ("Dana Whitfield", "Priya Natarajan", "Tomás Ruiz", "Mei Chen")


def _env() -> dict[str, str]:
    return child_env(Path(tempfile.gettempdir()) / "mkdocs-prd-bench-pycache", GIT_CONFIG_NOSYSTEM="1")


def make_repository(root: Path) -> int:
    """Commit every file under ``root``: the non-PRD files first, then one commit per PRD."""
    docs = root / "docs"
    prds = sorted(p for p in docs.rglob("*.md") if "guides" not in p.parts and p.name != "index.md")
    others = sorted(p for p in root.rglob("*") if p.is_file() and p not in set(prds))
    stream = bytearray()
    when = 1_767_225_600  # 2026-01-01

    def commit(number: int, files: list[Path], message: str) -> None:
        author = AUTHORS[number % len(AUTHORS)]
        email = author.split()[0].lower() + "@example.com"
        who = f"{author} <{email}> {when + number * 86_400} +0000".encode()
        msg = message.encode()
        stream.extend(b"commit refs/heads/main\n")
        stream.extend(b"author " + who + b"\ncommitter " + who + b"\n")
        stream.extend(b"data %d\n%s\n" % (len(msg), msg))
        for path in files:
            data = path.read_bytes()
            rel = path.relative_to(root).as_posix().encode()
            stream.extend(b"M 100644 inline " + rel + b"\ndata %d\n" % len(data) + data + b"\n")

    commit(0, [p for p in others if ".git" not in p.parts], "Site")
    for n, path in enumerate(prds, 1):
        commit(n, [path], f"Add {path.name}")
    run = {"cwd": root, "env": _env(), "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q", "-b", "main"], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "fast-import", "--quiet"], input=bytes(stream), **run)  # type: ignore[call-overload]
    subprocess.run(["git", "reset", "-q"], **run)  # type: ignore[call-overload]
    return len(prds)


def time_build(config: Path, site_dir: Path) -> tuple[float, float]:
    """(CPU seconds including git's, wall seconds) of one build, measured in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(config), str(site_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    cpu, wall = out.stdout.strip().splitlines()[-1].split()
    return float(cpu), float(wall)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--prds", type=int, default=300)
    ap.add_argument("--pairs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-history-") as tmp:
        root = Path(tmp) / "repo"
        plain = write_corpus(root, args.prds, theme="material", plugin=True)
        history = root / "mkdocs-history.yml"
        text = plain.read_text(encoding="utf-8")
        history.write_text(text.replace("  - prd\n", "  - prd:\n      history: true\n"), encoding="utf-8")
        plain.write_text(text.replace("  - prd\n", "  - prd:\n      history: false\n"), encoding="utf-8")
        commits = make_repository(root)
        print(f"site: {args.prds} PRDs in a git repository with {commits + 1} commits; {args.pairs} pairs")
        time_build(plain, Path(tmp) / "site-off")
        time_build(history, Path(tmp) / "site-on")
        on: list[tuple[float, float]] = []
        off: list[tuple[float, float]] = []
        for i in range(args.pairs):
            first, second = (plain, history) if i % 2 == 0 else (history, plain)
            for config in (first, second):
                result = time_build(config, Path(tmp) / ("site-on" if config == history else "site-off"))
                (on if config == history else off).append(result)
            print(
                f"  pair {i + 1}: CPU without history {off[-1][0]:.3f} s, with {on[-1][0]:.3f} s "
                f"(wall {off[-1][1]:.3f} s / {on[-1][1]:.3f} s)"
            )
    cpu_on, cpu_off = statistics.median(c for c, _ in on), statistics.median(c for c, _ in off)
    wall_on, wall_off = statistics.median(w for _, w in on), statistics.median(w for _, w in off)
    ratio = cpu_on / cpu_off
    print(f"median without history: CPU {cpu_off:.3f} s, wall {wall_off:.3f} s")
    print(f"median with history:    CPU {cpu_on:.3f} s, wall {wall_on:.3f} s")
    print(f"wall-clock ratio (for reference): {wall_on / wall_off:.3f}")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(
        f"{verdict}: build with history / without (median CPU time, git included) = {ratio:.3f} "
        f"(target <= {TARGET})"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
