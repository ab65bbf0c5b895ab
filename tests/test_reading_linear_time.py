"""The patterns drift10 added read a hostile value in linear time: a header line of dashes and
blanks (``Version - … - …``), a requirement's level followed by many tags, a date value of
blanks before an ``h`` (the time after a date), a heading of brackets, a delta in points."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from timing import GROWTH, assert_linear

from mkdocs_prd.core.parse.header import read_line
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.priority import inline_priority
from mkdocs_prd.core.parse.sections import split_number
from mkdocs_prd.core.rules.dates import iso_date

N = 4000

CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "header dashes": lambda n: lambda: read_line("Version" + " -" * n + " x", 1),
    "header dash blanks": lambda n: lambda: read_line("Version" + " " * n + "-" + " " * n + "x", 1),
    "header dashes and dots": lambda n: lambda: read_line("Version - 1 · " * n, 1),
    "level and tags": lambda n: lambda: inline_priority("FR-1: x — Must" + " #a" * n + " y"),
    "levels": lambda n: lambda: inline_priority("— Must x " * n),
    "date blanks": lambda n: lambda: iso_date(" " * n + "h:"),
    "heading brackets": lambda n: lambda: split_number("(" * n + "1) x"),
    "delta points": lambda n: (
        lambda: parse_prd(
            "# PRD: X\n\n## 10. IOSM\n\n**Baseline:** 0.6 → **Target:** 0.8 (Δ +"
            + "1" * n
            + " pts" * n
            + ")\n",
            "x.md",
        )
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_linear(name: str) -> None:
    assert_linear(name, CASES[name](N), CASES[name](N * GROWTH))
