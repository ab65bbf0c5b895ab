"""The language server's completion reads the line as the parser reads it (fresh7's item 14).

On ``__Status:__ Review`` (read as the Status by every command) it offered the site's
Track IDs, and on ``**Statut :** Approuvé`` nothing.  Each form of a Status label the
header parser reads now offers the statuses; each Track ID label offers nothing (its own
Track ID must be new); other text offers the Track IDs.  In process: the completion
function with the site's statuses and Track IDs (tests/test_lsp.py runs it over stdio).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mkdocs_prd.adapters.lsp.server import client_debounce, completions

STATUSES = ["Draft", "In Review", "Approved", "Implemented"]


def _server() -> SimpleNamespace:
    context = SimpleNamespace(
        settings=SimpleNamespace(statuses=STATUSES),
        track_ids=lambda: {"prds/a.md": "alpha", "prds/b.md": "bravo"},
    )
    return SimpleNamespace(context=context, page_path=lambda uri: ("prds/a.md", True))


def offered(before: str) -> list[str]:
    return [item.label for item in completions(_server(), "file:///x/docs/prds/a.md", before)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "before",
    [
        "**Status:** ",
        "**Status:** In Re",
        "__Status:__ Rev",  # underscore bold
        "**Status**: ",
        "**Statut :** Appr",  # French label, French colon
        "**Estado:** ",
        "**Situação:** ",
        "**State:** ",  # a synonym the parser reads as the Status
        "- **Status:** ",
        "> **Status:** ",
        "**Owner:** Ana | **Status:** Dr",  # the last field of a line of several
        "**Version:** 1.2 · **Statut :** ",
        "status: ",  # front matter
        "| **Status** | In Re",  # a metadata table's row
    ],
)
def test_each_status_form_offers_the_statuses(before: str) -> None:
    assert offered(before) == STATUSES


@pytest.mark.parametrize("before", ["**Track ID:** al", "__Track ID:__ ", "| Track ID | a", "track_id: "])
def test_a_track_id_label_offers_nothing(before: str) -> None:
    assert offered(before) == []


@pytest.mark.parametrize("before", ["See ", "Depends on: b", "The status of this PRD depends on b"])
def test_other_text_offers_the_other_prds_track_ids(before: str) -> None:
    assert offered(before) == ["bravo"]  # not its own


@pytest.mark.parametrize(
    ("asked", "debounce"),
    [(0.5, 0.5), (0, 0.0), (-1, 0.0), (1e999, 10.0), (float("nan"), 0.3), (True, 0.3), ("1", 0.3)],
)
def test_the_client_debounce_is_a_pause_of_at_most_ten_seconds(asked: object, debounce: float) -> None:
    # 1e999 (JSON reads it as infinity) or NaN held every check for ever.
    assert client_debounce({"debounce": asked}, 0.3) == debounce
    assert client_debounce(None, 0.3) == 0.3 and client_debounce(["x"], 0.3) == 0.3
