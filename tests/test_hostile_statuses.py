"""A ``statuses`` list no page could match is a config error naming the status: an empty
one, one with blanks around it, one with a control character (ESC, a bidi override) or one
listed twice (statuses are matched case-insensitively).  Such a site built, and every PRD
got a PRD102 whose list of statuses read ``(, Draft)``, ``(Approved, Approved )`` or
``(Draft\\x1b[2J, ...)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.mkdocs.config import status_list_problem


@pytest.mark.parametrize(
    ("statuses", "problem"),
    [
        (["", "Draft"], "an empty status; remove it"),
        (["Draft", "  "], "an empty status; remove it"),
        (["Approved", "Approved "], "'Approved ' has blanks at its start or end; write 'Approved'"),
        ([" Draft", "Approved"], "' Draft' has blanks at its start or end; write 'Draft'"),
        (["Draft\x1b[2J", "Approved"], "'Draft\\x1b[2J' holds a control character"),
        (["Review\u202e", "Approved"], "'Review\\u202e' holds a control character"),
        (["Draft\x00"], "holds a control character"),
        (["In\u2028Review"], "holds a control character"),
        (["Draft", "draft", "Approved"], "'draft' repeats 'Draft' (statuses are matched case-insensitively)"),
        (["Draft", "Approved", "Draft"], "'Draft' repeats 'Draft'"),
        (["Straße", "STRASSE"], "'STRASSE' repeats 'Straße'"),
    ],
)
def test_a_status_no_page_could_match_is_a_problem(statuses: list[str], problem: str) -> None:
    found = status_list_problem(statuses)
    assert found is not None and problem in found, found


@pytest.mark.parametrize(
    "statuses",
    [
        ["Draft", "Review", "Approved", "Implemented"],
        ["Entwurf", "Prüfung", "Freigegeben", "Umgesetzt"],
        ["Draft", "In Progress", "Signed off", "Done"],
        ["Borrador", "Revisión", "Aprobado"],
        ["草稿", "已批准"],
    ],
)
def test_ordinary_statuses_pass(statuses: list[str]) -> None:
    assert status_list_problem(statuses) is None


def test_lint_stops_with_the_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        'site_name: T\nplugins:\n  - prd:\n      statuses: [Draft, "Approved ", Implemented]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "option 'statuses': 'Approved ' has blanks at its start or end; write 'Approved'" in err
    assert "Traceback" not in err
