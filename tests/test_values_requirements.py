"""Requirements and values from a new user's site (fix7b, from fresh6's report).

Each kind is a set of written forms that must read as the clean PRD's model reads: the
export of every priority form fits the shipped schema, and so on.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.sitewide.export import load_schema

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")

# Every spelling of every MoSCoW level a Priority may have, and no level at all.
PRIORITY_FORMS = (
    "Must",
    "MUST",
    "Must have",
    "should-have",
    "Could",
    "Won't",
    "Won’t",
    "won't have",
    "WONT",
    "Will not",
    "Won't-have",
    "🟡 Won't",
    "Later",
)


def test_the_export_of_every_priority_form_fits_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heads = "".join(
        f"**FR-{i}: Thing {i}**\n\n- Acceptance: it works\n- Priority: {form}\n\n"
        for i, form in enumerate(PRIORITY_FORMS, start=1)
    )
    start = CLEAN.index("**FR-1: Save a card**")
    text = CLEAN[:start] + heads + CLEAN[CLEAN.index("### Non-Functional Requirements") :]
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - prd:\n      paths: [prds/**]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["index"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    (prd,) = data["prds"]
    levels = [r["priority"] for r in prd["trace"] if r["kind"] == "FR"]
    assert levels == [
        *["Must"] * 3,
        "Should",
        "Could",
        *["Won't"] * 7,
        None,
    ]
    assert prd["requirements"] == {"must": 3, "should": 1, "could": 1, "other": 8}
