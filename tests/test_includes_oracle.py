"""The page text ``core.includes`` reads is the text the include tools themselves make.

Each directive form is expanded by mkdocs-include-markdown-plugin's own
``get_file_content`` and by pymdownx.snippets' own preprocessor, and by
:class:`~mkdocs_prd.core.includes.Includer`; the two texts must be the same (the tools are
the oracle).  In process, no build.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs_include_markdown_plugin.directive import create_include_tag
from mkdocs_include_markdown_plugin.event import Settings as IncludeSettings
from mkdocs_include_markdown_plugin.event import get_file_content

from mkdocs_prd.core.includes import Includer
from mkdocs_prd.core.settings import IncludeMarkdown, Includes, Snippets

SHARED = {
    "_shared/a.md": "# A title\n\nLine a1\n  indented a2\n<!--s-->\nmid\n<!--e-->\ntail\n",
    "_shared/b.md": "B1\nB2 {% include './sub/c.md' %} after\nB3",
    "_shared/sub/c.md": "C1\nC2\n",
    "_shared/n-1.md": "N1\n",
    "_shared/n-2.md": "N2\n",
    "_shared/v.md": "Approved",
    "_shared/v2.md": "Priya Raman\n",
    "_s/a.md": "A1\n  A2\n--8<-- [start:sec]\nS1\nS2\n--8<-- [end:sec]\nA3\n",
    "_s/b.md": 'B1\n--8<-- "docs/_s/c.md"\nB2\n',
    "_s/c.md": "C1\n",
    "_s/loop.md": 'L1\n--8<-- "docs/_s/loop.md"\n',
    "prds/p.md": "# PRD: X\n",  # the including page (its folder must exist for the plugin)
}

TAG_FORMS = [
    '{% include "../_shared/a.md" %}',
    '{% include-markdown "../_shared/a.md" %}',
    '  {% include-markdown "_shared/a.md" heading-offset=1 %}',
    '- item\n    {% include "../_shared/a.md" %}',
    'text {% include-markdown "../_shared/a.md" start="<!--s-->" end="<!--e-->" %} more',
    '{% include "../_shared/b.md" %}',
    '{% include-markdown "../_shared/b.md" recursive=false %}',
    '{% include-markdown "../_shared/a.md" dedent=true preserve-includer-indent=false %}',
    '{% include-markdown "../_shared/a.md" comments=true %}',
    '{% include "../_shared/n-*.md" %}',
    # comments=true inline, as a shared header value (with and without a final line break)
    '**Owner:** {% include-markdown "../_shared/v2.md" comments=true %}\n'
    '**Status:** {% include-markdown "../_shared/v.md" comments=true %}',
    'text {% include-markdown "../_shared/a.md" start="<!--s-->" end="<!--e-->" comments=true %} more',
    '{% include-markdown "../_shared/a.md" start="<!--s-->" comments=true %}',
    '  {% include-markdown "../_shared/v2.md" comments=true preserve-includer-indent=true %}',
    'x\n{%\n  include-markdown "../_shared/a.md"\n  heading-offset=2\n%}\ny',
]

SNIPPET_FORMS = [
    '--8<-- "docs/_s/a.md"',
    "    --8<-- 'docs/_s/a.md'",
    '--8<-- "docs/_s/a.md:2:3"',
    '--8<-- "docs/_s/a.md:sec"',
    '--8<-- "docs/_s/a.md:-2"',
    '--8<-- "docs/_s/a.md:1:1,3:4"',
    "--8<--\ndocs/_s/a.md\n; docs/_s/b.md\n\ndocs/_s/b.md\n--8<--",
    ';--8<-- "docs/_s/a.md"',
    '--8<-- "docs/_s/none.md"',
    '--8<-- "docs/_s/b.md"',
    '--8<-- "docs/_s/loop.md"',
    '-8<- "docs/_s/c.md"',
    'x --8<-- "docs/_s/c.md"',
    "--8<-- [start:x]\ntext\n--8<-- [end:x]",
    ";--8<-- [start:x]",
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oracle")
    for rel, text in SHARED.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _ours(root: Path, page: str, **tools: object) -> str:
    docs = root / "docs"
    expanded = Includer(Includes(str(docs), (str(root), str(docs)), **tools)).expand("prds/p.md", page)  # type: ignore[arg-type]
    return expanded.text if expanded is not None else page


@pytest.mark.parametrize("form", TAG_FORMS)
def test_include_markdown_text_is_the_plugins(root: Path, form: str) -> None:
    page = f"# PRD: X\n\nbefore\n{form}\nafter\n"
    docs = str(root / "docs")
    tags = {name: create_include_tag("{%", "%}", name) for name in ("include", "include-markdown")}
    defaults = {
        "encoding": "utf-8",
        "preserve-includer-indent": True,
        "dedent": False,
        "trailing-newlines": True,
        "comments": False,
        "rewrite-relative-urls": True,
        "heading-offset": 0,
        "recursive": True,
        "start": None,
        "end": None,
        "order": "alpha-path",
    }
    theirs = get_file_content(page, f"{docs}/prds/p.md", docs, tags, defaults, IncludeSettings(exclude=None))  # type: ignore[arg-type]
    assert _ours(root, page, markdown=IncludeMarkdown()).rstrip("\n") == theirs.rstrip("\n")


@pytest.mark.parametrize("form", SNIPPET_FORMS)
def test_snippets_text_is_the_extensions(root: Path, form: str) -> None:
    page = f"# PRD: X\n\nbefore\n{form}\nafter\n"
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": {"base_path": [str(root)]}}
    )
    theirs = "\n".join(md.preprocessors["snippet"].run(page.split("\n")))
    assert _ours(root, page, snippets=Snippets((str(root),))).rstrip("\n") == theirs.rstrip("\n")
