"""Config text on the pages the plugin generates: the index page's title (``index_title``,
the ``index_title`` label) and the traceability matrix page's title (the
``trace_matrix_title`` label) are shown as written, never read as Markdown or HTML.

Real builds (Material); the HTML is read with ``html.parser``.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import build_site
from html_safety import unsafe_markup
from index_sites import prd_text

from mkdocs_prd.html.markdown_text import markdown_text

HOSTILE_TITLES = (
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(2))",
    "<javascript:alert(3)>",
    "Index {: onclick=alert(4) }",
    "![x](data:image/svg+xml,alert(5))",
    "<script>alert(6)</script>",
    "&lt;b onmouseover=alert(7)&gt;",
    "&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt;",
    "</title><script>alert(9)</script>",
    "`code` **bold** _em_ \\ # + - . !",
)


def element_text(page: str, tag: str) -> str:
    """The text of the first ``tag`` element as a browser reads it: no tag may be inside."""
    start = page.index(f"<{tag}")
    start = page.index(">", start) + 1
    content = page[start : page.index(f"</{tag}>", start)]
    assert "<" not in content, content
    return html.unescape(content)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_markdown_text_renders_as_the_text_itself(title: str) -> None:
    import markdown

    shown = markdown.markdown("# " + markdown_text(title), extensions=["attr_list", "toc"])
    assert unsafe_markup(shown) == []
    assert html.unescape(shown[shown.index(">") + 1 : shown.index("</h1>")]) == title


def test_generated_page_titles_from_the_config_are_text(tmp_path: Path) -> None:
    title = " ".join(HOSTILE_TITLES[:9])
    files = {"index.md": "# Home\n", "prds/a.md": prd_text("A")}
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("# implements t-1:FR-1\n", encoding="utf-8")
    options = {
        "index_title": title,
        "labels": {"trace_matrix_title": "Matrix " + HOSTILE_TITLES[1] + " " + HOSTILE_TITLES[3]},
        "trace": {"sources": ["src/*.py"]},
    }
    site = build_site(tmp_path, files, options)
    index = (site.site_dir / "prds" / "index.html").read_text(encoding="utf-8")
    matrix = (site.site_dir / "prds" / "traceability" / "index.html").read_text(encoding="utf-8")
    for page in (index, matrix):
        assert unsafe_markup(page, marker="alert") == []
    matrix_title = "Matrix " + HOSTILE_TITLES[1] + " " + HOSTILE_TITLES[3]
    assert element_text(index, "h1") == title
    assert element_text(matrix, "h1") == matrix_title
    # Material prints the page title into <title> after `striptags`, which decodes entities.
    assert element_text(index, "title") == f"{title} - Test site"
    assert element_text(matrix, "title") == f"{matrix_title} - Test site"
