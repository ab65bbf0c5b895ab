"""PRD805 and PRD806: what the parser reads and the PRD page does not show (REPORT-fresh7 item 1).

Each form is checked three ways: lint reports it; the site's PRD page (Python-Markdown after
the fidelity pass) and the CommonMark/GFM oracle (markdown-it-py) show no heading / no table
there; after ``--fix`` both show it and the finding is gone.  Prose that only looks alike
(``#hashtag``, ``#1 priority``, a table indented into the item) gets no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from block_oracle import MKDOCS_DEFAULT, SAMPLE, mkdocs_html, oracle_html

from mkdocs_prd.core.fix import fix_text, page_findings
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
RISKS = "## 7. Risks & Mitigations\n\n| Risk |"


def _page(old: str, new: str) -> str:
    assert old in CLEAN
    return CLEAN.replace(old, new, 1)


def _rules(text: str) -> list[str]:
    return [f.rule for f in page_findings(text, "p.md", Settings())]


HEADINGS = [
    ("# PRD: Saved Payment Methods", "#PRD: Saved Payment Methods", "<h1"),
    ("## 2. Goals / Non-goals", "##2. Goals / Non-goals", "Goals / Non-goals</h2>"),
    ("### Use Cases", "###Use Cases", "Use Cases</h3>"),
    ("## 10. IOSM Targets", "##10. IOSM Targets ##", "IOSM Targets</h2>"),
]


@pytest.mark.parametrize(("good", "bad", "shown"), HEADINGS)
def test_a_heading_without_blank_is_reported_and_fixed(good: str, bad: str, shown: str) -> None:
    text = _page(good, bad)
    assert _rules(text) == ["PRD805"]  # no PRD201 on top: the parser reads the section
    for html in (mkdocs_html(text, MKDOCS_DEFAULT), oracle_html(text)):
        assert shown not in html
    fixed = fix_text(text, "p.md", Settings()).text
    assert _rules(fixed) == []
    for html in (mkdocs_html(fixed, MKDOCS_DEFAULT), oracle_html(fixed)):
        assert shown in html


@pytest.mark.parametrize(
    "prose",
    ["#1 priority for the payments team.", "#checkout #mobile", "#hashtags are how support tags these."],
)
def test_hash_prose_is_not_reported(prose: str) -> None:
    assert _rules(_page("**Why now:**\n", f"**Why now:**\n{prose}\n")) == []
    assert _rules(_page("## 3. Users", f"{prose}\n\n## 3. Users")) == []
    # Not an <h1> that ends the section for the parser (the page shows it as text in it).
    assert _rules(_page("### Functional Requirements\n", f"### Functional Requirements\n\n{prose}\n")) == []


ONE_MARK = [
    ("## 2. Goals / Non-goals", "#2. Goals / Non-goals"),
    ("## 2. Goals / Non-goals", "# 2. Goals / Non-goals"),
    ("## 2. Goals / Non-goals", "#Goals / Non-goals"),
    ("## 7. Risks & Mitigations", "#7. Risks & Mitigations"),
    ("## 10. IOSM Targets", "#10. IOSM Targets #"),
]


@pytest.mark.parametrize(("good", "bad"), ONE_MARK)
def test_a_section_written_with_one_mark_is_said_so_and_fixed(good: str, bad: str) -> None:
    # Not "missing": PRD201 points at the line and says how it reads (a level-1 heading, or a
    # paragraph on GitHub and the site when no blank follows the mark); --fix writes "## ".
    text = _page(good, bad)
    found = page_findings(text, "p.md", Settings())
    assert [f.rule for f in found] == ["PRD201"]
    assert found[0].line == text.split("\n").index(bad) + 1
    assert "written with one `#`" in found[0].message and "missing" not in found[0].message
    fixed = fix_text(text, "p.md", Settings()).text
    assert _rules(fixed) == []
    assert good.split(". ", 1)[-1] in fixed


@pytest.mark.parametrize("line", ["#Goals", "#3. Something else", "#1 priority for the payments team."])
def test_a_one_mark_line_that_is_not_the_missing_section_leaves_it_missing(line: str) -> None:
    text = _page("## 2. Goals / Non-goals", line)
    found = page_findings(text, "p.md", Settings())
    assert [(f.rule, "is missing" in f.message) for f in found] == [("PRD201", True)]


TABLES = [
    _page(RISKS, "## 7. Risks & Mitigations\n\n- Main risks:\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n1. Main risks,\n   as of today\n | Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n- Risks:\n  - Main ones\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n- Risks:\n\n  Main ones, in a later paragraph\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n1. Risks\n\n   ```text\n   x\n   ```\n\n   Main:\n| Risk |"),
]


@pytest.mark.parametrize("text", TABLES)
@pytest.mark.parametrize("extensions", [MKDOCS_DEFAULT, SAMPLE], ids=["quick-start", "sample"])
def test_a_table_under_an_items_text_is_reported_and_fixed(text: str, extensions: list[str]) -> None:
    assert _rules(text) == ["PRD806"]
    for html in (mkdocs_html(text, extensions), oracle_html(text)):
        assert "<td>Vault API latency at peak</td>" not in html
    fixed = fix_text(text, "p.md", Settings()).text
    assert _rules(fixed) == []
    for html in (mkdocs_html(fixed, extensions), oracle_html(fixed)):
        assert "<td>Vault API latency at peak</td>" in html


QUOTED_TABLES = [
    _page(RISKS, "## 7. Risks & Mitigations\n\n> **Note:** likelihoods are estimates.\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n> Note:\nlikelihoods are estimates\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n> > Support says:\n| Risk |"),
    _page(RISKS, "## 7. Risks & Mitigations\n\n- Risks\n  > Note:\n  | Risk |"),
]


@pytest.mark.parametrize("text", QUOTED_TABLES)
@pytest.mark.parametrize("extensions", [MKDOCS_DEFAULT, SAMPLE], ids=["quick-start", "sample"])
def test_a_table_under_a_quotes_text_is_reported_and_fixed(text: str, extensions: list[str]) -> None:
    # Its lines without > are lazy text of the quote's paragraph: pipes on GitHub and the site.
    assert _rules(text) == ["PRD806"]
    for html in (mkdocs_html(text, extensions), oracle_html(text)):
        assert "<td>Vault API latency at peak</td>" not in html
    fixed = fix_text(text, "p.md", Settings()).text
    assert _rules(fixed) == []
    for html in (mkdocs_html(fixed, extensions), oracle_html(fixed)):
        assert "<td>Vault API latency at peak</td>" in html


@pytest.mark.parametrize(
    "text",
    [
        _page(RISKS, "## 7. Risks & Mitigations\n\n> Note: estimates.\n\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n> ## Note\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n> ```\n> x\n> ```\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n> <!--\n> note\n> -->\n| Risk |"),
    ],
)
def test_a_table_after_a_quote_that_ended_is_not_reported(text: str) -> None:
    assert _rules(text) == []
    assert "<td>Vault API latency at peak</td>" in oracle_html(text)
    assert "<td>Vault API latency at peak</td>" in mkdocs_html(text, SAMPLE)


def test_an_over_indented_table_under_an_item_is_reported_and_fixed() -> None:
    lines = _page(RISKS, "## 7. Risks & Mitigations\n\n- Main risks:\n| Risk |").split("\n")
    at = lines.index("- Main risks:") + 1
    for n in range(at, at + 5):
        lines[n] = "      " + lines[n]
    text = "\n".join(lines)
    assert _rules(text) == ["PRD806"]
    assert "<td>Vault API latency at peak</td>" not in oracle_html(text)
    fixed = fix_text(text, "p.md", Settings()).text
    assert _rules(fixed) == []
    assert "<td>Vault API latency at peak</td>" in oracle_html(fixed)
    assert "<td>Vault API latency at peak</td>" in mkdocs_html(fixed, MKDOCS_DEFAULT)


@pytest.mark.parametrize(
    "text",
    [
        _page(RISKS, "## 7. Risks & Mitigations\n\n- Main risks:\n\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n**Main risks:**\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n- Risks\n\nMain ones:\n| Risk |"),
        _page(RISKS, "## 7. Risks & Mitigations\n\n- Risks\n\nThe list ended.\n\n  Main ones:\n| Risk |"),
    ],
)
def test_a_table_after_the_list_or_under_a_label_is_not_reported(text: str) -> None:
    assert _rules(text) == []
    assert "<td>Vault API latency at peak</td>" in oracle_html(text)
