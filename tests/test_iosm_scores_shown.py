"""A gate score or IOSM-Index outside 0-1 (PRD502's error) is shown as written and judged
nowhere: no met / not met mark and no gauge in the IOSM table, as the card and the index
chart already treat the achieved index.  Before, a gate score of 1.5 was "Met" with a full
green gauge, and an achieved index of 1.3 a green gauge beside "Achieved band: Unknown".
In process: the parser, the actuals and the renderer, no build."""

from __future__ import annotations

import re

import pytest
from render_sites import LIST_IOSM, TABLE_IOSM, prd_text

from mkdocs_prd.core.actuals import from_front_matter
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.html.render import Renderer

OUT_OF_RANGE = [1.5, -0.2, 85, "85%", 1.0001]


def rows(iosm: str, actuals: dict[str, object]) -> dict[str, str]:
    """``{row heading: the row's HTML}`` of the IOSM table, and ``index``: the expected index."""
    prd = parse_prd(prd_text(iosm=iosm), "prd.md")
    html = str(Renderer().iosm_table(prd, from_front_matter(actuals)))
    found = {
        re.sub(r"<[^>]+>", "", m.group(1)).strip(): m.group(0)
        for m in re.finditer(r"<tr[^>]*>\s*<t[hd][^>]*>(.*?)</t[hd]>.*?</tr>", html, re.DOTALL)
    }
    found["index"] = html[html.index('<dl class="prd-iosm-index') :]
    return found


def judged(row: str) -> set[str]:
    return set(re.findall(r"prd-mark--([\w-]+)", row)) | set(re.findall(r"prd-gauge--([\w-]+)", row))


@pytest.mark.parametrize("score", OUT_OF_RANGE)
@pytest.mark.parametrize("iosm", [LIST_IOSM, TABLE_IOSM], ids=["list", "table"])
def test_a_gate_score_outside_0_1_is_shown_and_judged_nowhere(iosm: str, score: object) -> None:
    table = rows(iosm, {"I": score, "O": 0.75})
    gate_i = next(row for head, row in table.items() if head.startswith("Gate-I"))
    gate_o = next(row for head, row in table.items() if head.startswith("Gate-O"))
    assert f">{score}<" in gate_i  # as written
    assert judged(gate_i) == set(), gate_i
    assert judged(gate_o) >= {"met"}, gate_o  # a score within 0-1 beside it still is


@pytest.mark.parametrize("score", [0, 0.5, 1])
@pytest.mark.parametrize("iosm", [LIST_IOSM, TABLE_IOSM], ids=["list", "table"])
def test_gate_scores_within_0_1_are_judged_at_both_ends(iosm: str, score: float) -> None:
    table = rows(iosm, {"I": score})
    gate_i = next(row for head, row in table.items() if head.startswith("Gate-I"))
    assert judged(gate_i) & {"met", "not-met"}, gate_i
    assert 'class="prd-gauge' in gate_i


@pytest.mark.parametrize("index", OUT_OF_RANGE)
def test_an_achieved_index_outside_0_1_gets_no_gauge(index: object) -> None:
    shown = rows(LIST_IOSM, {"index": index})["index"]
    assert f"Actual {index}" in shown
    # The baseline -> target gauge stays; the figure is on no bar and neither met nor not.
    assert "prd-gauge__actual" not in shown and not judged(shown) & {"met", "not-met"}, shown


def test_an_index_target_outside_0_1_draws_no_gauge() -> None:
    iosm = LIST_IOSM.replace("**Target post-implementation:** 0.82", "**Target post-implementation:** 82")
    shown = rows(iosm, {"index": 0.7})["index"]
    assert "prd-gauge" not in shown and "Actual 0.7" in shown


@pytest.mark.parametrize("score", OUT_OF_RANGE)
def test_a_gate_score_outside_0_1_in_front_matter_is_prd502(score: object) -> None:
    text = prd_text(front_matter=f"iosm_actuals:\n  I: {score!r}\n  O: 0.7\n")
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD502"]
    assert [f.line for f in found] == [3], found  # the `I:` entry's line, under `iosm_actuals:`
    assert "Gate-I actual" in found[0].message


@pytest.mark.parametrize(
    ("actuals", "found"),
    [
        ("index: .nan", ["IOSM-Index actual (iosm_actuals index)"]),
        ("index: abc", ["IOSM-Index actual (iosm_actuals index) `abc`"]),
        (
            "I: .nan\n  O: .inf",
            ["Gate-I actual (iosm_actuals I)", "Gate-O actual (iosm_actuals O)"],
        ),
        ("I: Pass\n  O: FAIL\n  S: N/A\n  index: N/A", []),  # results in words, or none
        ("I: 0.7\n  index: 0.8", []),
    ],
)
def test_an_actual_score_that_is_no_number_is_prd505(actuals: str, found: list[str]) -> None:
    text = prd_text(front_matter=f"iosm_actuals:\n  {actuals}\n")
    messages = [
        f.message for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD505"
    ]
    assert len(messages) == len(found), messages
    for message, start in zip(messages, found, strict=True):
        assert message.startswith(start) and message.endswith("is not a number"), messages


# Scores YAML leaves as strings or gives as collections: read as a whole, never by their first digits
# (``1e-1`` was 1 and "✓ Met", ``[1, 2]`` was 1, ``7/10`` was 7 and PRD502).
@pytest.mark.parametrize(
    ("written", "rule", "value"),
    [
        ("1e400", "PRD502", float("inf")),
        ("-1e3", "PRD502", -1000.0),
        ("1.5E+0", "PRD502", 1.5),
        ("1e-1", None, 0.1),
        ("7/10", None, 0.7),
        ("8 / 10", None, 0.8),
        ("[1, 2]", "PRD505", None),
        ("{a: 1}", "PRD505", None),
        ("[0.9]", "PRD505", None),
    ],
)
@pytest.mark.parametrize("key", ["I", "index"])
def test_a_score_is_read_whole(key: str, written: str, rule: str | None, value: float | None) -> None:
    text = prd_text(front_matter=f"iosm_actuals:\n  {key}: {written}\n")
    prd = parse_prd(text, "prd.md")
    found = [f.rule for f in check_page(prd, text, Settings()) if f.rule in ("PRD502", "PRD505")]
    assert found == ([rule] if rule else []), found
    actuals = from_front_matter(prd.front_matter.get("iosm_actuals"))
    actual = actuals.index if key == "index" else actuals.gates["I"]
    assert actual is not None and actual.value == value
    if key == "I":
        shown = rows(LIST_IOSM, dict(prd.front_matter["iosm_actuals"]))  # type: ignore[call-overload]
        gate_i = next(row for head, row in shown.items() if head.startswith("Gate-I"))
        marks = judged(gate_i) & {"met", "not-met"}
        expected = set() if rule else {"met" if (value or 0) >= 0.7 else "not-met"}  # Gate-I: ≥0.7
        assert marks == expected, gate_i


@pytest.mark.parametrize(
    ("key", "meant"),
    [("gate_i", "I"), ("Gate.O", "O"), ("s_score", "S"), ("Index_Actual", "index"), ("metric", "metrics")],
)
def test_an_unknown_actuals_key_says_which_key_was_meant(key: str, meant: str) -> None:
    text = prd_text(front_matter=f"iosm_actuals:\n  {key}: 0.9\n")
    found = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD505"]
    assert len(found) == 1, found
    assert found[0].message.endswith(f"did you mean `{meant}`?")
    assert found[0].hint == f"Rename the key `{meant}`"  # not "write iosm_actuals as a mapping": it is one


def test_an_unknown_key_nothing_like_a_known_one_lists_them_and_a_list_is_told_to_be_a_mapping() -> None:
    text = prd_text(front_matter="iosm_actuals:\n  owner: 0.9\n")
    (found,) = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD505"]
    assert "did you mean" not in found.message and "`metrics`" in (found.hint or "")
    text = prd_text(front_matter="iosm_actuals: [0.9, 0.8]\n")
    (found,) = [f for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == "PRD505"]
    assert "as a mapping" in (found.hint or "")
