"""Everything a PRD holds is linear: lint (catalog: parse and every rule) and the page
rewrite (Markdown, placeholders, final HTML) at n and 4n grow about 4x in CPU time,
not 16x, also for thousands of metadata fields or requirements (``tests/timing.py``).
Each n is large enough that the varying part outweighs the fixed cost of a page."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_site
from index_sites import prd_text
from timing import GROWTH, LIMIT, assert_linear, cpu_seconds, growth, ratio

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


def long_line(n: int) -> str:
    # One paragraph line of n * 100 characters with inline markup scattered through it.
    line = "word **b** `c` [d](e) " * (n * 5)
    return BASE.replace("## 5. Requirements\n", "## 5. Requirements\n" + line + "\n", 1)


def table_rows(n: int) -> str:
    rows = "".join(f"| FR-{i} | Requirement {i} | Must |\n" for i in range(n))
    table = "| ID | Requirement | Priority |\n|----|----|----|\n" + rows
    return BASE.replace("### Non-Functional Requirements", table + "\n### Non-Functional Requirements", 1)


def nesting(n: int) -> str:
    # Lists and quotes nested up to 100 deep, again and again.
    lines = "".join("  " * (i % 100) + "- item\n" for i in range(n))
    quotes = "".join(">" * (i % 100) + " quote\n" for i in range(n))
    return BASE.replace("## 5. Requirements\n", "## 5. Requirements\n" + lines + "\n" + quotes, 1)


def header_separators(n: int) -> str:
    # A header value of separators ("- - - …", "| | …", "<br><br>…"): each one trimmed off the
    # end of the value copied the rest of it (a million `- ` in the Owner: 24 s).
    owner = "- " * n + "| " * n + "<br>" * n + " /" * n
    return BASE.replace("**Owner:** Team A", "**Owner:** Team A " + owner, 1)


def undefined_ids(n: int) -> str:
    # Ids the page does not define (PRD311), on one line and on lines of their own, beside unclosed
    # code, strike and <s> marks: each line is read once, not once per id on it.
    one_line = "- [ ] " + " ".join(f"FR-{i % 9000 + 100}" for i in range(n)) + " `x <s>y ~~z\n"
    lines = "".join(f"- [ ] see UC-{i % 9000 + 100} `x <s>y\n" for i in range(n))
    return BASE.replace("- [ ] open item\n", "- [ ] open item\n" + one_line + lines, 1)


def almost_boxes(n: int) -> str:
    # A run of boxes without list markers (PRD309): whether a list may start is asked once per line.
    return BASE.replace("- [ ] open item\n", "- [ ] open item\n" + "[x] done\n" * n, 1)


INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    # (input, n): at n the input costs at least twice the rest of the page, so a scan
    # per item shows as a ratio near 16.
    "front matter keys": (front_matter_keys, 4000),
    "header lines": (header_lines, 4000),
    "front matter and header lines": (both_sources, 2000),
    "requirements": (requirements, 3000),
    "risk rows": (risk_rows, 4000),
    "acceptance criteria": (criteria, 6000),
    "a line of a million characters (at 4n)": (long_line, 2500),
    "requirement table rows": (table_rows, 1000),
    "nested lists and quotes": (nesting, 800),
    "separators at the end of a header value": (header_separators, 25_000),
    "ids referred to but not defined": (undefined_ids, 1500),
    "check boxes without list markers": (almost_boxes, 4000),
}


def _lint_and_render(text: str) -> None:
    catalog = build_catalog([("p.md", text.encode())], Settings())
    pages = PageRenderer(catalog, Renderer(), show_findings=True)
    # The Markdown stands in for its HTML: the placeholders are what html/output look for.
    html = pages.html("p.md", pages.markdown("p.md", text, text))
    assert "prd-fragment" not in pages.output("p.md", html)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_lint_and_page_rewrite_are_linear(name: str) -> None:
    make, n = INPUTS[name]
    small, large = make(n), make(GROWTH * n)
    assert_linear(name, lambda: _lint_and_render(small), lambda: _lint_and_render(large))


_CALLS = itertools.count()


def blanks_in_targets(n: int) -> str:
    """A run of ``n`` blanks after a target's number, where a range (``180 - 220 ms``) could
    go on: the IOSM-Index target, gate targets.  Each call's targets are new texts, so a
    cache of parsed targets cannot hide the cost of the second and later runs."""
    blanks, tag = " " * n, next(_CALLS)
    text = BASE.replace(
        "**Target post-implementation:** 0.82", f"**Target post-implementation:** 0.82{blanks}x{tag}"
    )
    text = text.replace("- P95 latency: ≤200ms", f"- P95 latency: ≤200{blanks}ms{tag}")
    return text.replace("- API surface: ≤5 endpoints", f"- API surface: ≤5 {blanks}to x{tag}")


def test_a_run_of_blanks_inside_iosm_targets_is_linear() -> None:
    # The range check after a target's number tried every split of the blanks (0.4 s CPU
    # at 4,000 blanks, 6.7 s at 16,000).
    n = 4000
    assert_linear(
        "blanks inside IOSM targets",
        lambda: _lint_and_render(blanks_in_targets(n)),
        lambda: _lint_and_render(blanks_in_targets(GROWTH * n)),
    )


def test_a_run_of_backticks_in_values_costs_one_pass() -> None:
    # Code spans in a value (the card's Owner, an IOSM target) were found by a regex that
    # tried up to 10 x 300 characters from each backtick: linear, but 0.12 ms a character
    # (a ratio test cannot see it; 100,000 backticks took 12 s CPU).
    run = "`" * 100_000
    text = BASE.replace("**Owner:** Team A", f"**Owner:** {run}", 1)
    text = text.replace("- P95 latency: ≤200ms", f"- P95 latency: ≤{run}", 1)
    spent = cpu_seconds(lambda: _lint_and_render(text))
    assert spent < 2.5, f"{spent:.1f} s of CPU"


def test_cli_lint_and_real_build_are_linear(tmp_path: Path) -> None:
    # Fault 6 of issue 11: 20k front-matter keys took 11 s to lint, 100k header lines
    # did not build in 90 s.  Both sources at once, so every lookup meets both.
    n = 3_000
    sites: list[Path] = []
    for k in (n, GROWTH * n):
        root = tmp_path / str(k)
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "p.md").write_text(both_sources(k), encoding="utf-8")
        sites.append(root)
    small, large = sites
    lint_small, lint_large = growth(
        functools.partial(lint, [str(small / "docs" / "p.md")], Settings()),
        functools.partial(lint, [str(large / "docs" / "p.md")], Settings()),
    )
    assert ratio(lint_small, lint_large) < LIMIT, (lint_small, lint_large)
    # A real build (the same folders, built again each time) adds MkDocs' own work per page.
    build_small, build_large = growth(
        functools.partial(build_site, small, {}, {}, theme="mkdocs"),
        functools.partial(build_site, large, {}, {}, theme="mkdocs"),
    )
    assert ratio(build_small, build_large) < LIMIT, (build_small, build_large)


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
    spent = cpu_seconds(lambda: _lint_and_render(text))
    catalog = build_catalog([("p.md", text.encode())], Settings())
    rules = [f.rule for f in catalog.findings_for("p.md")]
    assert "PRD001" in rules
    assert spent < 5, f"{spent:.1f} s of CPU"
