"""PRD107's placeholder scanner: what is a placeholder, what is not, and linear time."""

from __future__ import annotations

import gc
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_prd.core.rules.placeholders import find_placeholders


def found(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.text) for p in find_placeholders(text.split("\n"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# PRD: [Feature Name]", [(1, "[Feature Name]")]),
        ("**Date:** [YYYY-MM-DD]", [(1, "[YYYY-MM-DD]")]),
        ("**Owner:** [name/team]", [(1, "[name/team]")]),
        ("- P50 latency: ≤[X]ms", [(1, "[X]")]),
        ("- Dependency count: Stable or reduced by [X]%", [(1, "[X]")]),
        ("a [one] b [two]", [(1, "[one]"), (1, "[two]")]),
        (
            '| [Technical risk, e.g., "API latency"] | H | M | [Strategy] |',
            [(1, '[Technical risk, e.g., "API latency"]'), (1, "[Strategy]")],
        ),
        ("outer [a [inner] b", [(1, "[inner]")]),
        ("- [x] done but [later] is a placeholder", [(1, "[later]")]),
        ("mid-text [x] is a placeholder too", [(1, "[x]")]),
    ],
)
def test_placeholders_found(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[Vault docs](https://example.com)",
        "![diagram](img/flow.png) and ![alt][img]",
        "[Checkout funnel][funnel]\n\n[funnel]: https://example.com",
        "[Checkout funnel][]\n\n[checkout  FUNNEL]: https://example.com",
        "See [the funnel] for details.\n\n[The Funnel]: https://example.com",
        "Card rules[^1]\n\n[^1]: Visa rules.",
        "- [ ] open criterion\n- [x] done criterion\n* [X] done too\n1. [ ] numbered box",
        "  - [ ] nested box",
        "`[not a placeholder]` in a code span, ``[nor `this`]``",
        "```\n[inside a fence]\n```",
        "~~~~markdown\n[inside a tilde fence]\n~~~~",
        "- item\n\n    ```yaml\n    [indented fence]\n    ```",
        "<!-- [in a comment] -->",
        "<!--\n[in a multi-line\ncomment]\n-->",
        "---\nprd_ignore: [PRD401]\ntags: [a, b]\n---\n# PRD: Real",
        "> [!NOTE]\n> An alert.",
        "[TOC]",
        "*[HTML]: Hyper Text Markup Language",
        "Numbers [1] and [2.5] and [-] are not template prose",
        r"Escaped \[not a placeholder\]",
        "[a] [b]\n\n[a]: https://a.example\n[b]: https://b.example",
        "See [[Checkout Overview]] for the wiki link form",
    ],
)
def test_not_placeholders(text: str) -> None:
    assert found(text) == []


def test_line_numbers_follow_the_source() -> None:
    text = "---\ntitle: x\n---\n\n# PRD: Thing\n\n```\n[x]\n```\n**Owner:** [name]\n"
    assert found(text) == [(10, "[name]")]


def test_unclosed_fence_hides_the_rest() -> None:
    assert found("```\n[hidden]\n[still hidden]") == []


def test_placeholder_after_code_span_on_same_line() -> None:
    assert found("`code [x]` then [Fill me]") == [(1, "[Fill me]")]


def test_unmatched_backticks_do_not_hide_text() -> None:
    assert found("a ` b [Fill me]") == [(1, "[Fill me]")]


@given(st.lists(st.text(alphabet="[]()`!^:*x -\\ab~<>\n", max_size=40), max_size=20))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_finds_only_bracketed_text(lines: list[str]) -> None:
    for p in find_placeholders(lines):
        assert p.text.startswith("[") and p.text.endswith("]")
        assert p.text in lines[p.line - 1]


def _best_times(texts: list[str], repeat: int = 5) -> list[float]:
    # Interleaved best-of-N without the garbage collector: a busy machine slows every
    # size alike, and collections of many small objects would blur the figures.
    inputs = [t.split("\n") for t in texts]
    best = [float("inf")] * len(texts)
    gc.disable()
    try:
        for _ in range(repeat):
            for i, lines in enumerate(inputs):
                start = time.perf_counter()
                for _p in find_placeholders(lines):
                    pass
                best[i] = min(best[i], time.perf_counter() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("unit", ["[ ", "[a]` ", "``` [", "`` ` [x] "])
def test_linear_time_on_hostile_lines(unit: str) -> None:
    # One long line of a repeated hostile unit at n and 4n: linear time grows 4x,
    # quadratic 16x; the limit of 8 leaves room for a noisy shared machine.
    n = 50_000 // len(unit)
    small, large = _best_times([unit * n, unit * (4 * n)])
    assert large / max(small, 1e-6) < 8.0, (unit, small, large)
