"""Front matter whose aliases expand too far ("billion laughs") in a PRD that a theme prints.

MkDocs' own YAML loader builds ``title: *a39`` as shared references, cheaply, but the
theme prints the title with ``str``: 2**40 values, so ``mkdocs build`` never finished
(after the plugin had reported PRD001, whose hint says MkDocs builds the page without its
front matter).  The build now gives MkDocs the page with its front matter emptied, so the
hint holds: the page is built from its Markdown, titled by its H1.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import build_site
from test_hostile_walk import deadline

from mkdocs_prd.adapters.mkdocs.meta_lines import without_front_matter

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
ALIASES = "a0: &a0 [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 40))


@pytest.mark.parametrize(
    ("keys", "theme"),
    [
        ("title: *a39\n", "mkdocs"),
        ("title: *a39\ndescription: *a39\n", "material"),
        ("status: *a39\ntags: *a39\nowner: *a39\n", "material"),
    ],
    ids=["title-mkdocs", "title-description-material", "status-tags-owner-material"],
)
def test_a_prd_whose_front_matter_expands_too_far_is_built_without_it(
    tmp_path: Path, keys: str, theme: str
) -> None:
    files = {"index.md": "# Home\n", "prds/a.md": "---\n" + ALIASES + keys + "---\n" + CLEAN}
    with deadline(60):
        site = build_site(tmp_path, files, {"paths": ["prds/**"]}, theme=theme)
    page = (site.site_dir / "prds" / "a" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and html.unescape(title.group(1)).startswith("PRD: Saved Payment Methods")
    assert "prd-card" in page
    found = [m for m in site.messages() if "PRD001" in m]
    assert len(found) == 1 and "aliases expand too far" in found[0], found


def test_without_front_matter_keeps_the_markdown_mkdocs_reads() -> None:
    from mkdocs.utils import meta

    texts = (
        "---\ntitle: x\n---\n# PRD: A\n\nText\n",
        "---\na: 1\n...\nBody\n",
        "---\ntags: [a, b]\n---\n\n# X\n",
    )
    for text in texts:
        emptied = without_front_matter(text)
        assert emptied is not None
        body, data = meta.get_data(emptied)
        assert data == {} and body == meta.get_data(text)[0]
    assert without_front_matter("# PRD: A\n\n---\nx: 1\n---\n") is None
