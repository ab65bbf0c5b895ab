"""PRD107's placeholder scanner: what is a placeholder, what is not, and linear time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import GROWTH, assert_linear

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
        ("a [Name] b [Describe it]", [(1, "[Name]"), (1, "[Describe it]")]),
        (
            '| [Technical risk, e.g., "API latency"] | H | M | [Strategy, e.g. retries] |',
            [(1, '[Technical risk, e.g., "API latency"]'), (1, "[Strategy, e.g. retries]")],
        ),
        ("outer [a [name] b", [(1, "[name]")]),
        ("- [x] done but [Add later] is a placeholder", [(1, "[Add later]")]),
        ("mid-text [X] is a placeholder too", [(1, "[X]")]),
        ("the [ ] in the UI becomes [x] when done", []),  # check boxes named in prose
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


def _scan(lines: list[str]) -> None:
    for _p in find_placeholders(lines):
        pass


@pytest.mark.parametrize("unit", ["[ ", "[a]` ", "``` [", "`` ` [x] "])
def test_linear_time_on_hostile_lines(unit: str) -> None:
    # One long line of a repeated hostile unit at n and 4n: linear time grows 4x,
    # quadratic 16x (CPU time, best of alternated runs: tests/timing.py).
    n = 150_000 // len(unit)
    small, large = [unit * n], [unit * (GROWTH * n)]
    assert_linear(repr(unit), lambda: _scan(small), lambda: _scan(large), repeat=5)


# --- instructions versus bracketed prose (issue 12, kind 1) ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Status of the importer: [WIP]",
        "the `--since` flag is [optional]",
        "- [ADR-31] asynchronous jobs",
        'Sessions default to the scope ["openid"] when none is requested.',
        "Tokens follow the spec [RFC 6749] and the profile [OIDC Core 1.0].",
        "Churn fell by a third [Smith et al., 2020].",
        "See the pandoc citation [@doe2020, p. 4] and issue [#123].",
        'The payload is [{"id": 1}, {"id": 2}] or [true, false].',
        "Labels: [beta] [deprecated] [experimental] [breaking]",
        "The quote [sic] stays, and so does [citation needed].",
        "Press [Enter] to confirm; the owner is [TBD].",
        "Runs over [TCP/IP] and reports [N/A] when unknown.",
        "Ticket [PAY-1234] and [JIRA: CHK-7] track it.",
        "A link [https://example.com/a/b] in brackets.",
        "Fields [id, name, status] are returned.",
    ],
)
def test_bracketed_prose_is_not_a_placeholder(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("**Owner:** [Your name]", "[Your name]"),
        ("**Date:** [DD/MM/YYYY]", "[DD/MM/YYYY]"),
        ("Launch in [Q? YYYY]", "[Q? YYYY]"),
        ("- [Describe the rollout in two sentences]", "[Describe the rollout in two sentences]"),
        ("- [Insert architecture diagram]", "[Insert architecture diagram]"),
        ("# PRD: [Product Name]", "[Product Name]"),
        ("Docs: [link]", "[link]"),
        ("Contact: [URL]", "[URL]"),
        ("Approach: [Team A | Team B]", "[Team A | Team B]"),
        ("Owner: [owner/squad]", "[owner/squad]"),
        ("Latency: [e.g. 200ms at P95]", "[e.g. 200ms at P95]"),
        ("Regions: [EU, US, etc]", "[EU, US, etc]"),
        ("- [Who signs off on this?]", "[Who signs off on this?]"),
        ("Budget: [N] engineers for [X] weeks", "[N]"),
        ("- [Add details here]", "[Add details here]"),
        ("- [Rollback plan]", "[Rollback plan]"),  # the template's own text
        ("- Role: [DESCRIPTION]", "[DESCRIPTION]"),  # the template's own text, any case
        ("**Version:** [x.y]", "[x.y]"),  # a version format
        ("**Version:** [X.Y.Z]", "[X.Y.Z]"),
    ],
)
def test_instructions_are_placeholders(text: str, placeholder: str) -> None:
    assert placeholder in [t for _, t in found(text)]


def test_every_placeholder_of_the_template_is_found() -> None:
    # The template (a copy of the project's PRD template): every bracketed text in it
    # that is not a link, task box or code is a placeholder, and each is reported.
    lines = (Path(__file__).parent / "golden" / "rules" / "template.md").read_text().split("\n")
    expected = set()
    for number, line in enumerate(lines, 1):
        for m in re.finditer(r"\[([^\[\]]+)\](?![(\[:])", line):
            if m.group(1) not in (" ", "x") and "`" not in line and any(c.isalpha() for c in m.group(1)):
                expected.add((number, m.group(0)))
    got = set(found("\n".join(lines)))
    assert expected - got == set()
    assert len(got) >= 100


@pytest.mark.parametrize(
    "text",
    [
        "- Should the bulk tool ask [Y/n] before it starts, or take a `--yes` flag?",
        "- Is a [yes/no] answer enough for the second approver?",
        "The installer prompts `Continue?` and then [y/N], defaulting to no.",
        "Proceed? [y/N]",
        "- Delete the card? [Yes/No]",
        "The wizard shows [Y / N] buttons.",
        "| Confirm step | asks [y/n] before each batch |",
    ],
)
def test_a_yes_no_prompt_a_page_describes_is_no_placeholder(text: str) -> None:
    """``[Y/n]`` in a sentence or after a question is the prompt a page describes (the last
    session's open item): a reader sees the convention of command-line prompts, not a blank."""
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "**Breaking change:** [yes/no]",
        "- GDPR relevant: [Yes/No]",
        "| PII stored | [Y/N] |",
        "- [yes/no]",
        "1. [y/n] (default)",
        "**Needs legal review:** **[Yes/No]**",
    ],
)
def test_a_yes_no_choice_standing_as_a_value_is_a_placeholder(text: str) -> None:
    """The same choice standing where a value goes is the template's choice, still to be made."""
    assert len(found(text)) == 1
