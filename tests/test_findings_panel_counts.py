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
