"""More kinds of PRD Markdown that must render as CommonMark/GFM reads it (issue 13, section 1).

Each kind is checked in several forms against the oracle (markdown-it-py, tests/block_oracle.py)
with the quick start's extensions, the sample site's and a Material site's (details, tabs,
md_in_html, footnotes): the same lists and tables, the same block outline (headings, quotes,
code blocks, rules, nested as the oracle nests them), the same visible words (no author text
lost or repeated) and validly nested HTML.  Admonitions, details blocks and content tabs are
not CommonMark: their body must render as the oracle renders the same Markdown on its own.
"""

from __future__ import annotations

import re
import textwrap
from html import escape as html_escape
from pathlib import Path

import pytest
from block_oracle import (
    MATERIAL,
    MKDOCS_DEFAULT,
    SAMPLE,
    block_tree,
    code_texts,
    mkdocs_html,
    oracle_html,
    outline,
    quote_words,
    visible_words,
    word_sequence,
)
from conftest import build_site
from render_sites import prd_text
from test_fidelity_blocks import nesting_errors

CONFIGS = {"quick-start": MKDOCS_DEFAULT, "sample": SAMPLE, "material": MATERIAL}

# A fenced block inside a container (item, quote) needs superfences: PRD801 reports it on
# the quick start, so only the other configurations are held to the oracle's code blocks.
_FENCE_IN_CONTAINER = re.compile(r"^ *(?:>.*)?(?:[-*+]|\d+[.)])? +(?:```|~~~)|^ *> *(?:```|~~~)", re.M)


def assert_as_oracle(text: str, extensions: list[str]) -> str:
    html = mkdocs_html(text, extensions)
    oracle = oracle_html(text)
    assert nesting_errors(html) == []
    assert block_tree(html) == block_tree(oracle)
    if extensions != MKDOCS_DEFAULT or not _FENCE_IN_CONTAINER.search(text):
        # An alert is an admonition where the site has the extension, a quote in the oracle.
        alerts = html.replace('<div class="admonition', "<blockquote ").replace("</div>", "</blockquote>")
        assert outline(alerts if "[!" in text else html) == outline(oracle)
    if "```" not in text and "~~~" not in text:  # a fence's info string is not visible text
        assert visible_words(html) == visible_words(oracle)
    if extensions != MKDOCS_DEFAULT or not _FENCE_IN_CONTAINER.search(text):
        assert code_texts(html, blocks=True) == code_texts(oracle, blocks=True)  # no fence shown
    if "[!" not in text:  # (an alert is an admonition where the site has the extension)
        assert quote_words(html) == quote_words(oracle)  # no text run into a quote or out of it
    return html


KINDS: dict[str, list[str]] = {
    "heading in a list item": [
        "1. item\n   ## Sub heading\n   text\n2. next\n",
        "- Title\n  ---\n- b\n",
        "- Title\n  ===\n- b\n",
        "- **Phase 1**\n  ### Scope\n  - a\n  - b\n- **Phase 2**\n",
        "1. a\n   - b\n     #### Deep\n     text\n",
    ],
    "setext heading in a list item's later paragraph, indented past the item's text": [
        "2. Rollout\n\n     Phase one\n     ===\n",
        "  1. a\n\n      Scope\n      ---\n      text\n",
        "2)  a\n       * b\n\n          Risks\n          -\n",
        "- a\n\n   Two line\n   title\n   ===\n- b\n",
    ],
    "table rows that look like another table's header, or indented 4 columns": [
        "| a | b |\n|---|---|\n| Gate | Target |\n|------|--------|\n| I | 0.9 |\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n| c | d |\n|---|---|\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n    code after the table\n",
        "- x\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n      code\n",
    ],
    "setext heading over several lines": [
        "Long\ntitle\n---\ntext\n",
        "Long\ntitle\n===\n",
        "- a\n\n  Two line\n  title\n  ---\n",
    ],
    "fence that Python-Markdown does not close": [
        "- a\n  ```\n  code\n- b\n",  # unclosed: the item ends it
        "- a\n  ```\n  code\n  `````\n- b\n",  # a longer closing fence
        "1. a\n   ~~~~\n   code\n      ~~~~\n2. b\n",  # a closing fence indented up to 3 more
        "- a\n  ```\n  code\n     ```\n  still\n- b\n",
        "Intro:\n```\nunclosed to the end\n",
    ],
    "fence indented under the list's content column": [
        "- a\n ```\n code\n ```\n- b\n",
        "1. a\n  ```\n  code\n  ```\n2. b\n",
        "   ~~~\n   code\n    more\n   ~~~\n",
        "``` a`b\nnot a fence\n",
    ],
    "tab after a list marker": [
        "1.\ta\n\t- b\n",
        "-\ta\n\t-\tb\n",
    ],
    "tab in a quote's list marker or indentation (tab stops at the page's columns)": [
        "> 2.\tFlow\n>     - lazy, not nested\n",
        ">    2)\tFlow\n>        1) lazy\n",
        ">\t- a\n>\t  - b\n",
        "- a\n  > 1.\tb\n  >     - c\n",
        "> -\tRefunds\n>  \t- partial\n",
    ],
    "quote in a list item under a lazy line of the item's text": [
        "1. **Flow**: the user opens the page and\nthe export starts.\n   > Customer: it is slow\n2. Next\n",
        "- a\nlazy\n  > q\n  > - x\n",
    ],
    "text under a table in a list item, not indented (the table is no paragraph: no lazy row)": [
        "- a\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\nText after the list\n",
        "1. Limits:\n   | a | b |\n   |---|---|\n   | 1 | 2 |\nNot a row\n",
        "- a\n  - b\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n  c\n",
    ],
    "text after a quoted HTML block's line, without > (an HTML block is no paragraph: no lazy line)": [
        "> <details><summary>More</summary>\n> </details>\nSummary\n---\n",
        "> <div>\n> text\n> </div>\nafter the quote\n",
        "> <!-- note -->\nnot quoted\n",
        "- a\n  > <details><summary>S</summary>\n  > </details>\n  text of the item\n",
        "> <b>Goals</b>\nlazy, still quoted\n",
    ],
    "quotes that only blank lines separate": [
        '> "Exports take a day." (Customer A)\n\n> "Totals are wrong." (Customer B)\n',
        "> [!NOTE]\n> a\n\n> [!TIP]\n> b\n",
        "- Evidence:\n\n  > one\n\n  > two\n",
        "> > a\n>\n> > b\n",
    ],
    "alert holding an item that goes on after a blank line": [
        "> [!TIP]\n> - Channels\n>   - email\n>\n>   - chat\n",
        "> [!NOTE]\n> 1. **Flow**\n>    - refund\n>\n>    Outcome: done\n> 2. Next\n",
    ],
    "quote indented under a list, less than its items' text": [
        "1) Totals: 3\n1) alpha\n  > **Why:**\n  > - q\n",
        "- a\n\n > Customer:\n > 1. slow\n",
    ],
    "comment (HTML block ending at its end marker) over or in a list": [
        "### Use Cases\n<!-- TODO(kim): confirm the actors -->\n1. **UC-1: Soft decline**\n   - Actor: x\n",
        "<!-- c -->\n- Goal A\n  - sub-goal A.1\n",
        "<!-- c -->\n- a\n  > text\n  > - item\n",
        "<!-- a\ncomment -->\n1. x\n   - y\n",
        "- A\n  - a1\n  <!-- reviewer: a2 removed -->\n  - a3\n- B\n",
        "1. First\n   <!-- hidden -->\n   - nested one\n   - nested two\n",
        "- a\n  <!-- start\n\n  still comment\n  -->\n  - b\n",
        "1. a\n   <!--\n   - hidden\n   -->\n   - shown\n2. b\n",
        "<?php echo 1; ?>\n- a\n  - b\n",
        "<!DOCTYPE html>\n- a\n  - b\n",
        "<![CDATA[\nx\n]]>\n- a\n  - b\n",
        "<script>\nvar a;\n\n</script>\n- a\n  - b\n",
        "<pre>\n- x\n</pre>\n1. a\n   - b\n",
        "<!-- c -->\n> q\n> - a\n",
    ],
    "table under a list item's text, not indented": [
        "- a\n| x | y |\n|---|---|\n| 1 | 2 |\n",
        "- a\n  - b\n| x | y |\n|---|---|\n",
    ],
    "a block right after a table's rows": [
        "| Metric | Target |\n|---|---|\n| P95 | 200ms |\n- Note: measured weekly\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n2. second\n3. third\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n> quoted\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n### Next\nmore row text\n",
        "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n  - sub\n",
    ],
    "heading indented 1-3 spaces": [
        "Text\n ### Risks\n1. one\n",
        "- a\n\n   ## Deep\n",
    ],
    "rule under a list item, less indented than its text": [
        "   - Totals: 3\n  ---\n",
        "1. a\n  ***\n",
    ],
    "html block with a markdown attribute, no md_in_html": [
        "<div markdown>\n\n- a\n- b\n\n</div>\n",
        '- a\n\n  <div markdown="1">\n\n  - x\n\n  </div>\n',
    ],
    "fence, HTML block, list or indented code opening on an item's own line": [
        "1. ```bash\n   make migrate\n   ```\n2. Deploy\n",
        "- ```\n  POST /refunds\n  ```\n  returns 202\n",
        "1) ~~~yaml\n   retries: 3\n   ~~~\n2) b\n",
        "- a\n  - ```\n    x\n    ```\n- b\n",
        "- ```\n  unclosed, the item ends it\n- b\n",
        "> - ```\n>   x\n>   ```\n",
        "- <div class='note'>\n  text\n  </div>\n- b\n",
        "- <details><summary>S</summary>\n\n  - x\n\n  </details>\n- b\n",
        "- 1. nested\n  2. two\n- b\n",
        "1. - a\n   - b\n2. c\n",
        "-     SELECT 1;\n- b\n",  # 5 spaces after the marker: indented code in the item
        "1.      code\n        more code\n2. b\n",
        "-     x = 1\n  text after the code\n",
    ],
    "text after a quote's empty last line, a heading or a fence": [
        '> "Exports take a day."\n>\nSource: interview with Customer A\n',
        "> | a | b |\n> |---|---|\n> | 1 | 2 |\n>\n### Next\n",
        "> ## Quoted heading\nnot quoted\n",
        "> ```\n> x\n> ```\nnot quoted\n",
        "> > nested\n>\nnot quoted\n",
        "> - a\n>\nnot quoted\n",
        "- a\n  > q\n  >\n  text of the item\n- b\n",
        "- a\n  > | x | y |\n  > |---|---|\n  > | 1 | 2 |\n  >\n- b\n",
        "> still\nquoted (lazy)\n> and this\n",
    ],
    "text under a quote in a list item, not indented (lazy text of the quote)": [
        "- Evidence:\n  > exports take a day\n  > totals are wrong\nSource: interviews\n",
        "1.  a\n    > P95 is 2s\n    > more\n**Next:**\n",
        "- a\n  > q\nNext\n- b\n",
        "- a\n  > - q\nlazy\n",
        "- a\n  > q\n## Heading ends it\n",
        "- a\n  > q\n1. an item ends it\n",
    ],
    "a # that opens no heading (no space after it)": [
        "#482 tracks the rollout.\n- a\n  - b\n",
        "Context\n#blocked on legal review\n",
        "- a\n  #5 priority in the item\n- b\n",
        "- #5 blocked on legal\n1. #482 tracks it\n",
        "- # A heading in an item\n",
        "- a\n#5 lazy text of the item\n",
        "##Goals\n",
        "> #5 in a quote\n",
        "| #a | b |\n|---|---|\n| #1 | 2 |\n",
        "# Real heading\n#tag\n",
    ],
    "a marker 4 columns into the item around it, under an item whose text starts further in": [
        " 7.  Admin\n    - role\n",  # lazy text of the item (no nested list)
        "10.  Admin\n    - role: setup\n    - value: time\n",
        "   4.\tAdmin\n    - [x] role\n",  # a tab after an indented marker: the text at column 8
        "- a\n  8)\tb\n      1. c\n",
        " 7.  Admin\n\n    - role\n",  # after a blank line: indented code after the list
        "7.   Admin\n\n    SELECT 1;\n",
        "- a\n\n  7.   b\n\n      code\n- c\n",
        "   8)\tAdmin\n    ### not a heading\n",  # right under the text: code, as markdown-it reads it
        "   1. Admin\n\t> not a quote\n",
        "5. a\n    1.\tb\n       ***\n",
    ],
    "a spaced rule in a nested list item": [
        "1. a\n   - b\n\n     - - -\n",
        "- a\n  - b\n    * * *\n- c\n",
        "* [x] a\n     1. b\n        <details><summary>More</summary>\n\n        - - -\n        </details>\n",
        "1. a\n   - b\n     _ _ _\n",
    ],
    "alert lines that continue its marker's paragraph": [
        "> [!WARNING]\n>     not code\n",
        "> > [!TIP]\n> > 7. not a list\n",
        "> [!NOTE]\n> 0.\tnot a list\n> more\n",
        "> [!NOTE]\n> Reviewed:\n>     more\n",
        "> [!CAUTION]\n\n    code after the alert\n",
    ],
    "alert in a list item, indented past the item's text": [
        "5. Rollout\n    > [!NOTE]\n    > Finance signs off.\n",
        "- Rollout\n   > [!NOTE]\n   > - finance\n   > - legal\n- Next\n",
        "1. a\n   - b\n       > [!TIP]\n       > c\n",
    ],
    "a rule right under a rule": [
        "---\n---\n",
        "***\n---\n",
        "- - -\n---\n",
        "___\n===\n",
        "Text\n\n---\n---\n\n## Next\n",
        "- a\n\n---\n---\n",
    ],
    "footnote definition in a quote, in a list item or indented 1-3 spaces": [
        "- Refunds[^1]\n\n  [^1]: Finance asked for it.\n- Credits\n",
        "> Totals are wrong[^q].\n> [^q]: Customer B, 2026-03.\n",
        "Exports take a day[^1].\n\n   [^1]: Measured in March.\n",
        "1. a[^1]\n   - b\n\n     [^1]: nested note\n",
        "> a[^1]\n>\n> [^1]: one\n>\n>     two\n",
        "- a[^1]\n\n  ```\n  [^1]: in code\n  ```\n",  # in a code block: no definition
        "- a[^1]\n\n      [^1]: indented code in the item\n",
        "* [x] Refunds\n\tvia the ledger[^1]\n\n\t[^1]: a tab-indented note in the item\n",
    ],
    "footnote of several paragraphs": [
        "Text[^a].\n\n[^a]: First para.\n\n    Second para.\n\nAfter.\n",
        "Text[^a].\n\n[^a]: One.\n\n    Two.\n    More of two.\n- list after\n",
        "Text[^a].\n\n[^a]:\n",
        "Text[^1]\n\n[^1]: note\n\n```\ncode never closed\n\n",  # the notes go after the block
    ],
}


@pytest.mark.parametrize("text", [t for texts in KINDS.values() for t in texts])
@pytest.mark.parametrize("config", ["quick-start", "sample"])
def test_kinds_render_as_the_oracle(text: str, config: str) -> None:
    assert_as_oracle(text, CONFIGS[config])


def test_kinds_render_as_the_oracle_on_a_material_site() -> None:
    for kind, texts in KINDS.items():
        for text in texts:
            if kind.startswith("html block with a markdown attribute"):
                continue  # with md_in_html the attribute is that extension's (below)
            assert_as_oracle(text, MATERIAL)


def test_a_quote_under_an_items_paragraph_stays_one_quote() -> None:
    # The item's second paragraph is indented 4 spaces; the quote under it is one block, not
    # a quote of one line and a second one from its next line (Python-Markdown merged them).
    from mkdocs_prd.core.fidelity import normalise

    out = normalise("-   b\n\n    text\n> alpha\n>\n> - x\n", hold=str)
    assert "> alpha\n>\n> - x" in out
    assert_as_oracle("-   b\n\n    text\n> alpha\n>\n> - x\n", SAMPLE)


def test_a_markdown_attribute_is_left_to_md_in_html() -> None:
    html = mkdocs_html('<div markdown="1">\n- a\n- b\n</div>\n', MATERIAL)
    assert "<div>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</div>" in html
    html = mkdocs_html("<div markdown>\n\n- a\n\n</div>\n\n- b\n", MATERIAL)
    assert nesting_errors(html) == [] and block_tree(html) == (("ul", None, (("li", None, ()),)),) * 2


# --- admonitions, details blocks and content tabs --------------------------------------

BODIES = {
    "list under a label": "In scope:\n- refunds\n  - partial\n- credits\n",
    "ordered with parenthesis": "Steps:\n1) one\n   - sub\n2) two\n",
    "task items": "- [x] a\n  - [ ] b\n",
    "quote": "> **Why:**\n> - a\n",
    "table under a label": "**T:**\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "fence": "Run:\n```\ncode\n```\nafter\n",
    "fence in an item": "1. a\n   ```\n   x\n   ```\n2. b\n",
    "details element": "<details><summary>S</summary>\n\n- x\n\n</details>\n",
    "heading in an item": "- a\n  ## H\n- b\n",
    # an item going on after a blank line, with a list right under its text: the processors
    # put the item's text after that list (and split a loose one)
    "item going on after a blank line": "1. **Flow**\n   - refund\n   - notify\n\n   Outcome: x\n2. Next\n",
    "loose nested list": "- Channels\n  - email\n\n  - chat\n- Other\n",
    "nested twice": "- a\n  - b\n    - c\n\n    - d\n",
}


def _indent(text: str, pad: str) -> str:
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _wrapped(body: str) -> dict[str, tuple[str, object]]:
    inner = outline(oracle_html(body))
    return {
        "admonition": ('!!! note "Scope"\n' + _indent(body, "    "), inner),
        "admonition under text": ("Text before\n!!! warning\n" + _indent(body, "    "), inner),
        "details": ('??? tip "More"\n' + _indent(body, "    "), inner),
        "open details": ("???+ tip\n" + _indent(body, "    "), inner),
        "two tabs": (
            '=== "Web"\n' + _indent(body, "    ") + '\n=== "API"\n' + _indent(body, "    "),
            inner * 2,
        ),
        "tab in an item": (
            '1. Pick:\n\n    === "CLI"\n' + _indent(body, "        ") + "\n2. Done\n",
            (("ol", (("li", inner), ("li", ()))),),
        ),
        "admonition in an item": (
            "- Pick:\n\n  !!! note\n" + _indent(body, "      ") + "- Done\n",
            (("ul", (("li", inner), ("li", ()))),),
        ),
        "admonition right under item text": (
            "1. Pick:\n   !!! note\n" + _indent(body, "       ") + "2. Done\n",
            (("ol", (("li", inner), ("li", ()))),),
        ),
        "nested admonitions": ("!!! note\n    !!! tip\n" + _indent(body, "        "), inner),
    }


def _contains(words: list[str], run: list[str]) -> bool:
    return any(words[k : k + len(run)] == run for k in range(len(words) - len(run) + 1))


@pytest.mark.parametrize("body", BODIES)
def test_admonition_details_and_tab_bodies_render_as_the_oracle(body: str) -> None:
    in_order = word_sequence(oracle_html(BODIES[body]))
    for form, (text, expected) in _wrapped(BODIES[body]).items():
        html = mkdocs_html(text, MATERIAL)
        assert nesting_errors(html) == [], form
        assert outline(html) == expected, form
        assert _contains(word_sequence(html), in_order), form  # the body's text in its order
        assert not re.search(r"^(?:!!!|\?\?\?|===)", html, re.M), form  # every header was read
        assert "\\-" not in html and "\\)" not in html, form  # no marker escaped as lazy text


BLOCKS = [*SAMPLE, "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab"]


@pytest.mark.parametrize("body", BODIES)
def test_pymdownx_blocks_bodies_render_as_the_oracle(body: str) -> None:
    # A "///" block's body is not indented: its closing line must never be read as lazy text
    # of the list, quote or HTML block above it.
    expected = outline(oracle_html(BODIES[body] + "\nafter\n"))
    heads = ("/// note\n", "/// details | More\n    type: warning\n\n", "/// tab | Web\n")
    for head in heads:
        html = mkdocs_html(head + BODIES[body] + "///\nafter\n", BLOCKS)
        assert nesting_errors(html) == [] and outline(html) == expected, head
        assert "///" not in html and "<p>after</p>" in html, head


def test_without_the_extensions_their_syntax_is_plain_text() -> None:
    # On a site without admonition/details/tabbed the lines are paragraphs, as in the oracle.
    texts = (
        "!!! note\n    - a\n\n??? tip\n    - b\n",
        '=== "Tab"\n\n    - a\n',
        "Before\n!!! note\n- a\n",
        "/// note\n- a\n  - b\n///\n",
    )
    for text in texts:
        assert_as_oracle(text, MKDOCS_DEFAULT)


def test_golden_admonition_with_a_list_under_a_label() -> None:
    html = mkdocs_html('!!! note "Scope"\n    In scope:\n    - refunds\n      - partial\n', SAMPLE)
    assert html == (
        '<div class="admonition note">\n<p class="admonition-title">Scope</p>\n<p>In scope:</p>\n'
        "<ul>\n<li>refunds<ul>\n<li>partial</li>\n</ul>\n</li>\n</ul>\n</div>"
    )


# --- escaped pipes in code spans in table cells -----------------------------------------

TABLE_PIPES = [
    '| Field | Type |\n|---|---|\n| `status` | `"draft" \\| "final"` |\n',
    "| `a \\| b` | c |\n|---|---|\n| 1 | 2 |\n",
    "Type\n--|--\n`x \\| y` | ``a \\| ` b``\n",
    "- Fields:\n\n  | f | t |\n  |---|---|\n  | `s` | `int \\| null` |\n",
    "> | f | t |\n> |---|---|\n> | `s` | `int \\| null` |\n",
    "| a | b |\n|---|---|\n| x \\| y | `z` |\n",
]


@pytest.mark.parametrize("text", TABLE_PIPES)
def test_escaped_pipes_in_code_in_table_cells_show_as_in_gfm(text: str) -> None:
    for config in CONFIGS.values():
        html = assert_as_oracle(text, config)
        assert code_texts(html) == code_texts(oracle_html(text))


def test_escaped_pipes_in_code_outside_tables_are_left_alone() -> None:
    for text in ("Type: `int \\| null`\n", "| not | a table |\n`a \\| b`\n", "```\n| `a \\| b` |\n```\n"):
        html = mkdocs_html(text, SAMPLE)
        assert code_texts(html) == code_texts(oracle_html(text)) and "\\|" in code_texts(html)[-1]


# --- math blocks (pymdownx.arithmatex): TeX, not Markdown -------------------------------

MATH = [*SAMPLE, "pymdownx.arithmatex"]
MATH_BLOCKS = {
    # text, the TeX of its math block, the text with the math block taken out
    "a term on a line of its own": (
        "$$\nscore = 0.4 a\n+ 0.6 b\n- c\n$$\n",
        "\nscore = 0.4 a\n+ 0.6 b\n- c\n",
        "",
    ),
    "brackets": ("\\[\na\n- b\n\\]\n", "\na\n- b\n", ""),
    "an environment": (
        "\\begin{align}\na &= b\\\\\n- c &= d\n\\end{align}\n",
        "\\begin{align}\na &= b\\\\\n- c &= d\n\\end{align}",
        "",
    ),
    "in a list item": (
        "- Score:\n\n  $$\n  s = 0.4 a\n  + 0.6 b\n  $$\n- next\n",
        "\ns = 0.4 a\n+ 0.6 b\n",
        "- Score:\n\n- next\n",
    ),
    "under a heading, a list right after": (
        "## Formula\n$$\na\n- b\n$$\n- list\n  - nested\n",
        "\na\n- b\n",
        "## Formula\n- list\n  - nested\n",
    ),
}


@pytest.mark.parametrize("case", MATH_BLOCKS)
def test_math_blocks_are_left_as_written_where_the_site_renders_math(case: str) -> None:
    text, tex, rest = MATH_BLOCKS[case]
    html = mkdocs_html(text, MATH)
    assert f'<script type="math/tex; mode=display">{html_escape(tex, quote=False)}</script>' in html
    assert block_tree(html) == block_tree(oracle_html(rest))


def test_without_a_math_extension_dollar_lines_are_markdown() -> None:
    from mkdocs_prd.core.fidelity import features_from_extensions

    assert features_from_extensions(MATH).math and not features_from_extensions(SAMPLE).math
    assert features_from_extensions(["mdx_math"]).math
    assert_as_oracle("$$\nx = a\n- b\n  - c\n$$\n", SAMPLE)


# --- a real build ----------------------------------------------------------------------

CONSTRUCTS = """### Notes

1. **Rollout**
   ### Scope
   - EU first
2. **Rollback**
   ```bash
   git revert abc
   ````

!!! warning "Before launch"
    Checks:
    - load test
      - 2x peak

=== "Web"

    Steps:
    1) open
    2) pay

> "Exports take a day." (Customer A)

> "Totals are wrong." (Customer B)
>
Source: interviews, May

1. ```bash
   make migrate
   ```
2. Deploy

| Field | Type |
|---|---|
| `status` | `"draft" \\| "final"` |

"""


def test_a_material_build_renders_the_constructs(tmp_path: Path) -> None:
    prd = prd_text("Kinds").replace("## 2.", CONSTRUCTS + "## 2.", 1)
    config = {"markdown_extensions": [*MATERIAL, "toc"]}
    files = {"prds/kinds.md": prd, "guide.md": "# Guide\n\n" + CONSTRUCTS}
    built = build_site(tmp_path, files, {}, config=config)
    page = built.html("prds/kinds/index.html")
    article = page[page.index("<article") : page.index("</article>")]
    assert nesting_errors(article) == []
    assert '<p><strong>Rollout</strong></p>\n<h3 id="scope">Scope</h3>\n<ul>\n<li>EU first</li>' in article
    assert '<p><strong>Rollback</strong></p>\n<div class="highlight"><pre>' in article
    assert "<p>Checks:</p>\n<ul>\n<li>load test<ul>\n<li>2x peak</li>" in article
    assert "<p>Steps:</p>\n<ol>\n<li>open</li>\n<li>pay</li>\n</ol>" in article
    assert article.count("<blockquote>") == 2
    assert "</blockquote>\n<p>Source: interviews, May</p>" in article
    assert '<li>\n<!-- -->\n<div class="highlight"><pre><span></span><code>make' in article
    assert '<td><code>"draft" | "final"</code></td>' in article
    # The same Markdown on a page that is not a PRD keeps Python-Markdown's reading.
    guide = built.html("guide/index.html")
    assert "<p>Checks:\n- load test" in guide and guide.count("<blockquote>") == 1


# --- PRD801: a fence the site cannot render where it stands -----------------------------

PRD801_CASES: dict[str, tuple[str, list[int]]] = {
    # text, the lines PRD801 reports on the quick start (plus admonition)
    "in a list item": ("- a\n  ```\n  x\n  ```\n", [2]),
    "in a quote": ("Intro\n\n> ```\n> x\n> ```\n", [3]),
    "in an alert": ("> [!NOTE]\n> Run:\n> ~~~\n> x\n> ~~~\n", [3]),
    "in a quote in an item": ("1. a\n   > ```\n   > x\n   > ```\n", [2]),
    "in a nested quote": ("> a\n>\n> > ```\n> > x\n> > ```\n", [3]),
    "in an admonition": ("!!! note\n    Run:\n\n    ```\n    x\n    ```\n", [4]),
    "two, after a quote": ("> q\n\n- a\n\n  ```\n  x\n  ```\n\n> ```\n> y\n> ```\n", [5, 9]),
    "at the top, indented 1-3 spaces": ("   ```\n   x\n   ```\n", []),
    "under a list, less indented than its text": ("- a\n ```\n x\n ```\n", []),
    "a quote mark inside a fenced block": ("```\n> ```\n```\n", []),
    "at the top after a quote": ("> q\n\n```\nx\n```\n", []),
    "on an item's line": ("Steps:\n\n1. ```bash\n   make\n   ```\n", [3]),
    "on an item's line, never closed": ("- ```\n  x\n- b\n", [1]),
}


def _prd801(text: str, extensions: tuple[str, ...] | None) -> list[int]:
    from mkdocs_prd.core.parse.prd import parse_prd
    from mkdocs_prd.core.rules.validate import check_page
    from mkdocs_prd.core.settings import Settings

    page = "# PRD: X\n\n" + text  # two lines above the case
    found = check_page(parse_prd(page, "x.md"), page, Settings(markdown_extensions=extensions))
    return [f.line - 2 for f in found if f.rule == "PRD801"]


@pytest.mark.parametrize("case", PRD801_CASES)
def test_prd801_reports_the_fences_the_site_cannot_render_and_only_those(case: str) -> None:
    text, lines = PRD801_CASES[case]
    quick_start = (*MKDOCS_DEFAULT, "admonition")
    assert _prd801(text, quick_start) == lines
    assert _prd801(text, (*quick_start, "pymdownx.superfences")) == []
    assert _prd801(text, None) == []  # extensions unknown: no guess
    # A report exactly where the code block is lost, silence where it renders.
    html = mkdocs_html(text, list(quick_start))
    expected = outline(oracle_html(textwrap.dedent(text.replace("!!! note\n", ""))))
    rendered = outline(html.replace('<div class="admonition note">', "").replace("</div>", ""))
    assert (rendered != expected) == bool(lines)


def test_footnotes_go_after_a_fence_left_open_to_the_end() -> None:
    html = mkdocs_html("Text[^1]\n\n[^1]: note\n\n```\ncode never closed\n", MKDOCS_DEFAULT)
    assert "<pre><code>code never closed\n</code></pre>" in html
    assert '<li id="fn:1"><p>note' in html  # the notes as HTML, not as code text


# --- a list extension that reads nesting at 2 spaces (TechDocs) -----------------------

TRULY_SANE = [*MKDOCS_DEFAULT, "mdx_truly_sane_lists"]


@pytest.mark.parametrize(
    "text",
    [
        "### Primary Personas\n1. **Finance admin**\n   - Role: closes the books\n   - Pain point: by hand\n",
        "- Phase 1\n  - build\n    - test\n- Phase 2\n",
        "1. a\n   1. b\n      - c\n2. d\n",
        "**Rollback:**\n1. Flip the flag\n2. Revert:\n   - service\n   - data\n",
        "<!-- TODO -->\n1. **UC-1**\n   - Actor: system\n",
        # a loose bullet list is one list (the extension starts one per blank-line-separated item)
        "- Refunds\n\n- Credits\n\n- Chargebacks\n",
        "- Refunds\n\n  A second paragraph.\n- Credits\n",
        "- Evidence:\n  > slow exports\n- Credits\n",
        "**Goals:**\n\n- one\n\n  - one.a\n\n- two\n",
    ],
)
def test_nesting_follows_mdx_truly_sane_lists(text: str) -> None:
    assert_as_oracle(text, TRULY_SANE)


def test_truly_sane_lists_nested_indent_is_read_from_the_config_or_the_object() -> None:
    from mdx_truly_sane_lists.mdx_truly_sane_lists import TrulySaneListExtension

    from mkdocs_prd.core.fidelity import features_from_extensions

    assert features_from_extensions(["toc"]).list_indent == 4
    assert features_from_extensions(["mdx_truly_sane_lists"]).list_indent == 2
    configs = {"mdx_truly_sane_lists": {"nested_indent": 4}}
    assert features_from_extensions(["mdx_truly_sane_lists"], configs).list_indent == 4
    assert features_from_extensions(
        ["mdx_truly_sane_lists"], {"mdx_truly_sane_lists": {"nested_indent": "x"}}
    ) == (features_from_extensions(["mdx_truly_sane_lists"]))
    assert features_from_extensions([TrulySaneListExtension(nested_indent=3)]).list_indent == 3


LOOSE = "### Channels\n\n- Email\n\n- Chat\n\n"


def test_a_real_build_with_mdx_truly_sane_lists_keeps_the_nesting(tmp_path: Path) -> None:
    prd = prd_text("Sane").replace(
        "## 2.", "### Personas\n1. **Admin**\n   - Role: setup\n   - Value: time\n\n" + LOOSE + "## 2.", 1
    )
    config = {"markdown_extensions": ["toc", "tables", "attr_list", "mdx_truly_sane_lists"]}
    built = build_site(tmp_path, {"prds/sane.md": prd, "guide.md": "# Guide\n\n" + LOOSE}, {}, config=config)
    page = built.html("prds/sane/index.html")
    assert "<li><strong>Admin</strong><ul>\n<li>Role: setup</li>\n<li>Value: time</li>\n</ul>" in page
    assert "<ul>\n<li>\n<p>Email</p>\n</li>\n<li>\n<p>Chat</p>\n</li>\n</ul>" in page  # one loose list
    # A page that is not a PRD keeps the extension's reading: a list per item.
    assert "<ul>\n<li>Email</li>\n</ul>\n<ul>\n<li>Chat</li>\n</ul>" in built.html("guide/index.html")


# --- the Python-Markdown extension (Zensical, other hosts) renders as the plugin --------

HOST_NOTES = """### Notes

**Endpoints:**
```
POST /api/v1/refunds
```
after the block

> [!NOTE]
> Reviewed by finance:
> - twice

3. Third
4. Fourth

1. **Admin**
   - Role: setup

"""


def _notes(html: str) -> str:
    start = html.rindex("<h3", 0, html.index('id="notes"'))
    return html[start : html.index("<h2", start)]


def test_the_extension_renders_a_prd_as_the_plugin_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import markdown

    from mkdocs_prd.adapters.markdown import sites

    prd = prd_text("Hosts").replace("## 2.", HOST_NOTES + "## 2.", 1)
    extensions = [*SAMPLE, "footnotes"]
    built = build_site(
        tmp_path / "plugin", {"prds/hosts.md": prd}, {}, config={"markdown_extensions": extensions}
    )
    plugin = _notes(built.html("prds/hosts/index.html"))
    (tmp_path / "ext" / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "ext" / "mkdocs.yml").write_text("site_name: Hosts\n", encoding="utf-8")
    (tmp_path / "ext" / "docs" / "prds" / "hosts.md").write_text(prd, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "ext")
    sites.forget()
    hosted = _notes(markdown.Markdown(extensions=["mkdocs_prd.extension", *extensions]).convert(prd))
    assert nesting_errors(hosted) == []
    assert block_tree(hosted) == block_tree(plugin) and outline(hosted) == outline(plugin)
    assert '<div class="admonition note">' in hosted and '<ol start="3">' in hosted
    assert "<p><strong>Endpoints:</strong></p>" in hosted


# --- a fence that is paragraph text (PRD804) ---------------------------------------------

FENCES_IN_PARAGRAPHS = {
    "under a label line, indented 4": ("**Request:**\n    ```json\n    {}\n    ```\nafter\n", [2]),
    "under an item's text, 4 past it": ("- Request:\n      ```json\n      {}\n      ```\n", [2]),
    "in a quote": ("> Why:\n>     ```\n>     x\n>     ```\n", [2]),
    "in an item's later paragraph": ("1. a\n\n    b\n        ~~~\n        x\n        ~~~\n", [4]),
    "two of them": ("A:\n    ```\n    x\n    ```\nB:\n    ```\n    y\n    ```\n", [2, 6]),
    "in the item (2 past its text)": ("- Request:\n    ```json\n    {}\n    ```\n", []),
    "after a blank line (indented code)": ("Text\n\n    ```\n    code\n    ```\n", []),
    "at the text's column": ("**Request:**\n```\nx\n```\n", []),
}


@pytest.mark.parametrize("case", FENCES_IN_PARAGRAPHS)
def test_prd804_reports_fences_that_are_paragraph_text_and_only_those(case: str) -> None:
    from mkdocs_prd.core.fidelity import fences_in_paragraphs

    text, lines = FENCES_IN_PARAGRAPHS[case]
    assert fences_in_paragraphs(text.splitlines()) == lines
    if lines:  # the oracle agrees: no code block, the fence marks are the paragraph's text
        assert "<pre>" not in oracle_html(text)
