"""A PRD that pulls a whole section in with mkdocs-macros' own ``{% include %}``.

The built page shows the section, but neither lint nor the build's checks read text that a
template includes (the includes of mkdocs-include-markdown and snippets are read: see
test_includes.py).  So on a page the site renders as a template and that includes a file
through it, PRD201 ("required section missing") is not said: it was an error on a page
that shows every section.  A page the site does not render, or a site without macros,
still gets it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings, Templating

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
IOSM = CLEAN[CLEAN.index("## 10. IOSM") : CLEAN.index("## Appendix")]


def _including(statement: str) -> str:
    return CLEAN.replace(IOSM, statement + "\n\n", 1)


def _prd201(text: str, settings: Settings) -> list[int]:
    found = check_page(parse_prd(text, "prds/vault.md"), text, settings)
    return [f.line for f in found if f.rule == "PRD201"]


@pytest.mark.parametrize(
    "statement",
    [
        "{% include 'shared/iosm.md' %}",
        '{%- include "shared/iosm.md" -%}',
        "{% import 'macros.md' as m %}{{ m.iosm() }}",
        "{% from 'macros.md' import iosm %}{{ iosm() }}",
    ],
)
def test_a_template_include_keeps_prd201_quiet_where_the_site_renders_the_page(statement: str) -> None:
    text = _including(statement)
    assert _prd201(text, Settings(templating=Templating())) == []
    # No templates on the site, or the page kept as written: the section is missing.
    assert len(_prd201(text, Settings())) == 1
    literal = "---\nrender_macros: false\n---\n\n" + text
    assert len(_prd201(literal, Settings(templating=Templating()))) == 1
    # A plugin that fills in a few variables only (git-revision-date) includes nothing.
    assert len(_prd201(text, Settings(templating=Templating(names=("git_revision_date",))))) == 1


def test_a_page_with_no_include_still_gets_prd201_on_a_macros_site() -> None:
    text = CLEAN.replace(IOSM, "{{ iosm_summary }}\n\n", 1)  # a variable, not a file's text
    assert len(_prd201(text, Settings(templating=Templating()))) == 1


def test_a_real_macros_build_shows_the_section_and_reports_no_prd201(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_macros", reason="mkdocs-macros-plugin is not installed")
    docs = str(tmp_path / "docs")  # include_dir is read from the working folder
    plugins: list[Any] = ["search", {"macros": {"on_error_fail": True, "include_dir": docs}}, "prd"]
    files = {
        "index.md": "# Home\n",
        "prds/vault.md": _including("{% include 'shared/iosm.md' %}"),
        "shared/iosm.md": IOSM,
    }
    logger = logging.getLogger("mkdocs")
    saved = logger.level
    logger.setLevel(logging.INFO)
    try:
        site = build_site(
            tmp_path, files, None, theme="mkdocs", config={"plugins": plugins, "exclude_docs": "shared/\n"}
        )
    finally:
        logger.setLevel(saved)
    page = (site.site_dir / "prds" / "vault" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>10\. IOSM", page)  # the page shows the included section
    assert not [m for m in site.messages(logging.WARNING) if "PRD201" in m]
