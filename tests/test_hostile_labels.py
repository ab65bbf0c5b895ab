"""Label texts from the config are filled as ``{name}`` only: a conversion or a format in a
translation (``{checked:>99999999999}``) is a config error, and a label that gets past the
config is never formatted with it (``str.format`` padded to 100 GB: a MemoryError traceback
in the build, or hundreds of MB of blanks on every PRD page)."""

from __future__ import annotations

import string
import time

import pytest

from mkdocs_prd.core.labels import DEFAULT_LABELS, Labels, fill, placeholder_problem

ALLOWED = {"checked", "total"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{checked:>99999999999} of {total}", "writes {checked:>99999999999}: a placeholder takes no"),
        ("{checked:>9} of {total}", "writes {checked:>9}"),
        ("{checked:{total}}", "writes {checked:{total}}"),
        ("{checked!r} of {total}", "writes {checked!r}"),
        ("{checked!s:^99} of {total}", "writes {checked!s:^99}"),
        (
            "{checked.real} of {total}",
            "uses {checked.real}, which it cannot fill; available: {checked}, {total}",
        ),
        ("{checked[0]} of {total}", "uses {checked[0]}"),
        ("{0} of {total}", "uses {0}"),
        ("{} of {total}", "uses {}"),
        ("{checked of {total}", "cannot be read"),
        ("{checked} of {total}}", "cannot be read"),
    ],
)
def test_a_placeholder_with_more_than_a_name_is_a_problem(text: str, problem: str) -> None:
    found = placeholder_problem(text, ALLOWED)
    assert found is not None and problem in found, found


@pytest.mark.parametrize(
    "text", ["{checked} of {total}", "{total}: {checked}", "{{checked}} {checked}", "no placeholder", ""]
)
def test_plain_placeholders_and_escaped_braces_pass(text: str) -> None:
    assert placeholder_problem(text, ALLOWED) is None


@pytest.mark.parametrize(
    "text",
    [
        "{checked:>99999999999} of {total}",
        "{checked:>300000000} of {total}",
        "{checked!r} of {total}",
        "{checked.__class__} of {total}",
        "{checked[0]} of {total}",
        "{checked of {total}",
        "{other} of {total}",
    ],
)
def test_fill_shows_such_a_label_as_written_at_once(text: str) -> None:
    start = time.perf_counter()
    assert fill(text, {"checked": 1, "total": 2}) == text
    assert Labels({"criteria_met": text}).format("criteria_met", checked=1, total=2) == text
    assert time.perf_counter() - start < 0.5


def test_fill_fills_names_and_keeps_braces() -> None:
    assert (
        fill("{checked} von {total} ({{Kriterien}})", {"checked": 3, "total": 7}) == "3 von 7 ({Kriterien})"
    )
    assert Labels().format("criteria_met", checked=1, total=2) == "1 of 2 criteria met"


@pytest.mark.parametrize("key", sorted(DEFAULT_LABELS))
def test_every_default_label_passes_and_fills(key: str) -> None:
    text = DEFAULT_LABELS[key]
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    assert placeholder_problem(text, names) is None
    filled = fill(text, {name: f"<{name}>" for name in names})
    assert "{" not in filled and all(f"<{name}>" in filled for name in names)
