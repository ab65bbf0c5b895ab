"""Golden-file tests of the parser: each ``tests/golden/parse/*.md`` -> the ``.yml`` beside it.

The expected file holds whether the page is a PRD and, for PRDs, the whole model
``parse_prd`` builds from it.  To rewrite the expected files after an intended
change run ``PRD_UPDATE_GOLDEN=1 pytest tests/test_parse_golden.py`` and review
every diff by hand: the expected files must be right, not merely current.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd

GOLDEN = Path(__file__).parent / "golden" / "parse"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))
UPDATE = os.environ.get("PRD_UPDATE_GOLDEN") == "1"


def to_plain(value: Any) -> Any:
    """The model as plain YAML-able data (records as mappings, sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def observed(name: str) -> dict[str, Any]:
    """What the parser makes of golden input ``name`` (bytes in, as in a build)."""
    text, problem = decode_source((GOLDEN / f"{name}.md").read_bytes())
    result: dict[str, Any] = {"is_prd": is_prd(text)}
    if problem is not None:
        result["encoding_problem"] = to_plain(problem)
    if result["is_prd"]:
        result["prd"] = to_plain(parse_prd(text, f"{name}.md"))
    return result


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    expected_path = GOLDEN / f"{name}.yml"
    got = observed(name)
    if UPDATE:
        expected_path.write_text(
            yaml.safe_dump(got, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
        )
    assert expected_path.exists(), f"no expected file for {name}; run with PRD_UPDATE_GOLDEN=1 and review it"
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    assert got == expected
