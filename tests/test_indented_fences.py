"""A fence line is a fence to the parser exactly where it is one on the page (CommonMark).

Indented 4 or more columns past the margin, or past the content column of the list item it is
in, a ```` ``` ```` line opens no fenced block: it is text of the paragraph above (PRD804 says
so) or indented code.  The parser read any such line as an opening fence, so a stray one under
``**Migrations:**`` hid the rest of the page from the checks: PRD002 "never closed" and a
PRD201 for every later section, while the page shows them all (REPORT-fresh10 §2).  Fences in
list items (2, 3, 4 or 6 columns in, at the item's text) stay fences: their lines are code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from block_oracle import oracle_html

from mkdocs_prd.core.fix import page_findings
from mkdocs_prd.core.parse.lines import CODE, scan
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
ANCHOR = "## 2. Goals / Non-goals"
SETTINGS = Settings(markdown_extensions=("pymdownx.superfences",))


def _page(block: str) -> str:
    assert ANCHOR in CLEAN
    return CLEAN.replace(ANCHOR, block + "\n" + ANCHOR, 1)


STRAY = [
    "**Migrations:**\n    ```\n- New table; rollback drops it.\n",  # REPORT-fresh10's form
    "**Migrations:**\n    ~~~\n- New table; rollback drops it.\n",
    '**Request:**\n    ```json\n    {"a": 1}\n',  # never closed
    "Text\n\n    ```\n    indented code, not a fence\n",
    "- **Request:**\n      ```\n      body\n",  # 4 past the item's text
    "1. **Request:**\n       ~~~\n       body\n",
]


@pytest.mark.parametrize("block", STRAY)
def test_an_over_indented_fence_hides_nothing_from_the_checks(block: str) -> None:
    text = _page(block)
    rules = [f.rule for f in page_findings(text, "p.md", SETTINGS)]
    assert "PRD002" not in rules and "PRD201" not in rules, rules
    assert "<h2>2. Goals / Non-goals</h2>" in oracle_html(text)  # the page shows what follows


IN_ITEMS = [
    "- step\n  ```\n  ## not a heading\n  ```\n",
    "1. step\n   ```\n   ## not a heading\n   ```\n",
    "- a\n    - nested\n      ```\n      ## not a heading\n      ```\n",
    "- a\n  - nested\n    ```\n    ## not a heading\n    ```\n",
]


@pytest.mark.parametrize("block", IN_ITEMS)
def test_a_fence_in_a_list_item_is_still_read_as_code(block: str) -> None:
    lines = _page(block).split("\n")
    src = scan(lines, 1)
    at = lines.index(next(x for x in lines if x.strip() == "## not a heading"))
    assert src.kinds[at] == CODE
    assert "<h2>not a heading</h2>" not in oracle_html("\n".join(lines))
