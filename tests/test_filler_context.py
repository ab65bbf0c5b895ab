"""PRD110 (filler) on text that documents, defines or tracks undecided values, and PRD307 on
mitigations written beside the risk table.

Each snippet goes into the clean PRD (0 findings).  Text that *talks about* filler (a
glossary's term column, a template's variables, the literal text a UI shows, a heading), an
open question's unanswered value, a TBD with who decides and when, and a draft's undecided
dates are no finding; the same slots holding filler where a value is due still are.
"""

from __future__ import annotations

import re

import pytest
from git_repos import prd

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

_APPENDIX = "### Open Questions\n"
_TIMELINE = (
    "### Timeline\n\n| Phase | Date | Owner |\n|---|---|---|\n| Staging | 2026-03-10 | Ops |\n"
    "| Canary | TBD | Ops |\n| GA | TBD | Marta |\n\n"
)
_RISKS = (
    "| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |\n"
    "|------|----------------|---------------------|------------|\n"
)
_RISK_ROWS = (
    "| Vault API latency at peak | H | M | Cache the card list per session; "
    "circuit breaker to manual entry |\n"
    "| Shoppers distrust saving cards | M | M | Clear opt-in copy and a visible delete button |\n"
    "| Token revocation fails on delete | M | L | Retry queue and a daily reconciliation job |\n"
)


def _findings(text: str) -> list[tuple[str, str]]:
    page = parse_prd(text, "x.md")
    return [(f.rule, f.message) for f in check_page(page, text, Settings())]


def _with(snippet: str, status: str = "Approved") -> str:
    """The clean PRD with ``snippet`` in the appendix, before its Open Questions."""
    text = prd("Filler", "filler", status=status, version="1.2")
    return text.replace(_APPENDIX, snippet + "\n" + _APPENDIX, 1)


def _filler(text: str) -> list[str]:
    return [m for rule, m in _findings(text) if rule == "PRD110"]


CORRECT = {
    "glossary": "### Glossary\n\n| Term | Meaning |\n|---|---|\n| TBD | a value finance has not fixed |\n"
    "| ??? | how the old exporter prints an unknown currency |\n",
    "variables": "| Variable | Example |\n|---|---|\n| {{month}} | 2026-03 |\n| {{customer}} | acme |\n",
    "abbreviations": "| Abbreviation | Stands for |\n|---|---|\n| TBC | to be confirmed |\n",
    "decision-log": "### Decisions\n\n| Question | Decision |\n|---|---|\n"
    "| Credit notes in totals? | TBD (finance, April) |\n| Rounding | TBC (owner: Ravi, by 2026-04-01) |\n",
    "open-question-answers": "### Open Questions (export)\n- Retention period: TBD\n"
    "- Time zone of the month: ???\n",
    "open-question-table": "### Open Questions (export)\n\n| Question | Owner | Answer |\n|---|---|---|\n"
    "| Retention period? | Legal | TBD |\n",
    "heading": "### TBD items\n- Time zone of the month (finance decides in April).\n\n"
    "#### TODO list sync\nLater.\n",
    "email-template": "The notification email:\n- Subject: {{subject}}\n- Greeting: Hello {{first_name}},\n",
    "literal-ui-text": "- Card number: XXXX-XXXX-1234\n- Placeholder in the UI: XXX\n- Masked as: ???\n",
    "glossary-list": "### Glossary\n- **TBD**: to be decided\n- TBC: to be confirmed\n- ???: unknown value\n",
    "template-table": "| Field | Value |\n|---|---|\n| Subject | {{subject}} |\n"
    "| Body | Hello {{first_name}}, |\n",
    "template-heading": "#### Email template\n- To: {{email}}\n- Subject: {{subject}}\n",
    "admonition": '??? note "Why the CVC"\n    The issuer asks for it.\n\n???+ tip\n    Open by default.\n',
}
FILLER = {
    "definition-left-blank": ("| Term | Meaning |\n|---|---|\n| Vault | TBD |\n", ["TBD"]),
    "definition-left-blank-in-a-glossary": (
        "### Glossary\n\n| Term | Meaning |\n|---|---|\n| Chargeback window | TBD |\n"
        "| TBC | to be confirmed |\n",
        ["TBD"],
    ),
    "decision-without-owner": ("| Question | Decision |\n|---|---|\n| Credit notes? | TBD |\n", ["TBD"]),
    "lone-variable": ("- Owner of the export: {{owner}}\n", ["{{owner}}"]),
    "variable-cell": (
        "| Field | Value |\n|---|---|\n| Owner | {{owner}} |\n| Team | Billing |\n",
        ["{{owner}}"],
    ),
    "heading-wholly-filler": ("### TBD\nText.\n", ["TBD"]),
    "placeholder-key-with-word": ("- Placeholder in the UI: TBD\n", ["TBD"]),
    "bracketed-tbd": ("- Retention: [TBD]\n", ["[TBD]"]),
}


@pytest.mark.parametrize("snippet", list(CORRECT.values()), ids=list(CORRECT))
def test_text_about_filler_is_no_finding(snippet: str) -> None:
    assert _findings(_with(snippet)) == []


@pytest.mark.parametrize(("snippet", "values"), list(FILLER.values()), ids=list(FILLER))
def test_filler_where_a_value_is_due_is_found(snippet: str, values: list[str]) -> None:
    assert _filler(_with(snippet)) == [f"Filler `{v}` where a value should be" for v in values]


def test_a_draft_may_leave_its_dates_undecided_but_not_its_owner() -> None:
    draft = _with(_TIMELINE, status="Draft")
    assert _filler(draft) == []
    assert len(_filler(_with(_TIMELINE))) == 2  # Approved: the dates are due
    owner = re.sub(r"\*\*Owner:\*\* .*", "**Owner:** TBD", draft, count=1)
    assert _filler(owner) == ["Filler `TBD` where a value should be"]
    # Not a date column: still filler in a draft.
    assert len(_filler(_with("| Phase | Owner |\n|---|---|\n| GA | TBD |\n", status="Draft"))) == 1


@pytest.mark.parametrize(
    "beside",
    [
        "**Mitigations:** stream the file; alert on exports over 30 s.\n",
        "**Mitigation:**\n\n- stream the file\n- alert on slow exports\n",
        "### Mitigations\n- stream the file\n",
        "**Countermeasures:** stream the file.\n",
    ],
)
def test_mitigations_beside_a_risk_table_count(beside: str) -> None:
    table = "| Risk | Impact | Probability |\n|---|---|---|\n| Large months time out | M | M |\n"
    text = prd("Risks", "risks").replace(_RISKS + _RISK_ROWS, table + "\n" + beside)
    assert [r for r, _ in _findings(text)] == []
    bare = prd("Risks", "risks").replace(_RISKS + _RISK_ROWS, table + "\nWe accept some risk.\n")
    assert _findings(bare) == [("PRD307", "Risk `Large months time out` has no mitigation")]


_SPELLINGS = ["TBD", "Tbd", "tBd", "TODO: ask legal", "Fill In", "Lorem Ipsum dolor", "…"]
_OTHER_TEXT = ["", "Refunds – within 30 days (≥ 95 % of cases).\n", "Ünïcödé café.\n"]


@pytest.mark.parametrize("value", _SPELLINGS)
@pytest.mark.parametrize("other_text", _OTHER_TEXT)
def test_filler_is_found_in_any_spelling_on_any_page(value: str, other_text: str) -> None:
    # The pre-scan lowers the page; a page with non-ASCII text (dashes, ≥, accents) was
    # searched for three spellings per word only, so `Tbd` was found on an ASCII page alone.
    found = _filler(_with(other_text + f"- Retention period of exports: {value}\n"))
    assert found == [f"Filler `{value}` where a value should be"]


_UX = "- **Internationalization:** all 9 shop languages"


@pytest.mark.parametrize(
    ("line", "filler"),
    [
        ("- **UI mockups:** TBD (Lena)", True),
        ("Designs: TBD (Lena)", True),
        ("- Rollout date: TBD, pending legal", True),
        ("- **API owner:** TBD", True),
        ("TBD (waiting on finance for CAC numbers)", True),
        ("- Designs: TBD - waiting on Lena", True),
        ("- Designs: TBD; Lena", True),
        ("- Designs: TBD (rough guess: 3 screens)", False),  # a figure: a value after all
        ("- Designs: pricing is TBD until Q3", False),  # prose
    ],
)
def test_filler_with_a_remark_is_one_shape_whatever_the_separator(line: str, filler: bool) -> None:
    """TBD with who or why after it (brackets, comma, semicolon, dash) leaves the value unwritten:
    the same answer for every separator, in a field, an item or a line (new-user report)."""
    clean = prd("Filler", "filler", status="Approved", version="1.2")
    assert _UX in clean
    text = clean.replace(_UX, f"{_UX}\n\n{line}\n" if not line.startswith("-") else f"{_UX}\n{line}")
    assert [r for r, _ in _findings(text)] == (["PRD110"] if filler else [])
