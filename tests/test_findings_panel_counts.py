"""The findings panel says "(N times)" only for one message repeated; different messages of
one rule are listed each, under a neutral count, never as the first one "(N times)"."""

from __future__ import annotations

import html
import re

from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.html.render import Renderer


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _finding(line: int, message: str, rule: str = "PRD505") -> Finding:
    return Finding(rule, Severity.WARNING, "prds/a.md", line, message, hint="Write a number")


def test_different_messages_are_not_one_message_n_times() -> None:
    panel = str(
        Renderer().findings(
            [
                _finding(147, "IOSM-Index baseline `TBD` is not a number"),
                _finding(149, "IOSM-Index delta `TBD` is not a number"),
            ]
        )
    )
    text = _text(panel)
    assert "times" not in text
    assert "2 different messages" in text
    # Each message is there, with its line.
    assert "line 147 IOSM-Index baseline TBD is not a number" in text
    assert "line 149 IOSM-Index delta TBD is not a number" in text


def test_one_message_repeated_says_how_often() -> None:
    panel = str(Renderer().findings([_finding(3, "Filler `TBD`"), _finding(9, "Filler `TBD`")]))
    text = _text(panel)
    assert "Filler TBD (2 times)" in text and "lines 3, 9" in text
    assert "<details" not in panel  # nothing to unfold: the one message is shown


def test_different_messages_are_counted_once_each() -> None:
    # 10 identical fillers and 3 other messages of one rule: "4 different messages", each
    # listed once with its lines, the repeated one with how often (it read "13 different
    # messages", the same filler ten times over).
    fillers = [_finding(n, "Filler `TBD` where a value should be", "PRD110") for n in range(10, 20)]
    others = [
        _finding(n, f"Filler `{word}` where a value should be", "PRD110")
        for n, word in ((6, "???"), (30, "TODO"), (40, "TBC"))
    ]
    text = _text(str(Renderer().findings([*fillers, *others])))
    assert "4 different messages" in text and "13 different" not in text
    assert (
        "lines 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 Filler TBD where a value should be (10 times)" in text
    )
    assert text.count("Filler TBD where") == 1
    assert "line 6 Filler ??? where a value should be" in text and "line 40 Filler TBC" in text
