"""Everything a PRD holds is linear: lint (catalog: parse and every rule) and the page
rewrite (Markdown, placeholders, final HTML) at n and 2n grow about 2x in CPU time,
also for thousands of metadata fields or requirements."""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_site
from index_sites import prd_text

from mkdocs_prd.core.lint import lint
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer

BASE = prd_text("Linear")


def front_matter_keys(n: int) -> str:
    return "---\n" + "".join(f"key{i}: value {i}\n" for i in range(n)) + "---\n" + BASE


def header_lines(n: int) -> str:
    lines = "".join(f"**Key {i}:** value {i}\n" for i in range(n))
    return BASE.replace("**Version:** 1.0\n", "**Version:** 1.0\n" + lines, 1)


def both_sources(n: int) -> str:
    # Every key in front matter AND as a header line, half of them disagreeing.
    keys = "".join(f"key{i}: value {i}\n" for i in range(n))
    lines = "".join(f"**Key{i}:** value {i + i % 2}\n" for i in range(n))
    return "---\n" + keys + "---\n" + BASE.replace("**Version:** 1.0\n", "**Version:** 1.0\n" + lines, 1)


def requirements(n: int) -> str:
    frs = "".join(f"\n**FR-{i}: R{i}**\n- Description: d\n- Priority: Must\n" for i in range(n))
    return BASE.replace("### Non-Functional Requirements", frs + "\n### Non-Functional Requirements", 1)


def risk_rows(n: int) -> str:
    return BASE.replace("| Latency | H | M | Cache |\n", "| Latency | H | M | Cache |\n" * n, 1)


def criteria(n: int) -> str:
    return BASE.replace("- [ ] open item\n", "- [ ] open item\n" * n, 1)


INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    # (input, n): metadata at a size where a scan per lookup would dominate.
    "front matter keys": (front_matter_keys, 6000),
    "header lines": (header_lines, 6000),
    "front matter and header lines": (both_sources, 3000),
    "requirements": (requirements, 1500),
    "risk rows": (risk_rows, 2000),
    "acceptance criteria": (criteria, 2000),
}


def _cpu(work: Callable[[], object]) -> float:
    gc.disable()
    try:
        start = time.process_time()
        work()
        return time.process_time() - start
    finally:
        gc.enable()


def _lint_and_render(text: str) -> None:
    catalog = build_catalog([("p.md", text.encode())], Settings())
    pages = PageRenderer(catalog, Renderer(), show_findings=True)
    # The Markdown stands in for its HTML: the placeholders are what html/output look for.
    html = pages.html("p.md", pages.markdown("p.md", text, text))
    assert "prd-fragment" not in pages.output("p.md", html)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_lint_and_page_rewrite_are_linear(name: str) -> None:
    make, n = INPUTS[name]
    small, large = make(n), make(2 * n)
    t_small = t_large = float("inf")
    for _ in range(2):  # alternated, best of two: a slow spell hits both
        t_small = min(t_small, _cpu(lambda: _lint_and_render(small)))
        t_large = min(t_large, _cpu(lambda: _lint_and_render(large)))
    ratio = t_large / max(t_small, 1e-3)
    assert ratio < 3, f"{name}: {t_small:.3f}s at n={n}, {t_large:.3f}s at 2n (x{ratio:.1f})"


def test_cli_lint_and_real_build_are_linear(tmp_path: Path) -> None:
    # Fault 6 of issue 11: 20k front-matter keys took 11 s to lint, 100k header lines
    # did not build in 90 s.  Both sources at once, so every lookup meets both.
    n = 8_000
    times: list[tuple[float, float]] = []
    for k in (n, 2 * n):
        root = tmp_path / str(k)
        docs = root / "docs"
        docs.mkdir(parents=True)
        (docs / "p.md").write_text(both_sources(k), encoding="utf-8")
        t_lint = _cpu(functools.partial(lint, [str(docs / "p.md")], Settings()))
        t_build = _cpu(functools.partial(build_site, root, {}, {}, theme="mkdocs"))
        times.append((t_lint, t_build))
    (lint_n, build_n), (lint_2n, build_2n) = times
    assert lint_2n / max(lint_n, 1e-3) < 3, times
    assert build_2n / max(build_n, 1e-3) < 3, times


def billion_laughs(levels: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + "\n---\n" + BASE


@pytest.mark.parametrize(
    "text",
    [billion_laughs(9), "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n" + BASE],
    ids=["YAML aliases (billion laughs)", "YAML nested 5000 deep"],
)
def test_recursive_front_matter_is_cut_short_with_a_finding(text: str) -> None:
    spent = _cpu(lambda: _lint_and_render(text))
    catalog = build_catalog([("p.md", text.encode())], Settings())
    rules = [f.rule for f in catalog.findings_for("p.md")]
    assert "PRD001" in rules
    assert spent < 5, f"{spent:.1f} s of CPU"
