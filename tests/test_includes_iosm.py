"""Section 10 partly included by pymdownx.snippets: the gates show once.

``--8<-- "gates.md"`` followed by the author's own ``### Expected IOSM-Index`` used to show
the included gates and then the IOSM table with the same gates again.  Decision: the table
takes the whole body's place when the section, read with what it includes, is understood
in full and its heading is the page's own: the same page as with include-markdown (whose
text is in the Markdown the plugin rewrites) or with the gates written in place, and the
table shows actual scores beside the targets, which the text cannot.  When the heading is
included, or the section holds text the table does not show, the text stays as written and
there is no table.  One real build (Material), module-scoped; page ``b`` is also changed by
a hook, so the plugin reads it by content rather than by line (the re-parse path).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Site, build_site

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
SECTION = CLEAN[CLEAN.index("## 10. IOSM Targets") : CLEAN.index("## Appendix")]
GATES = SECTION[SECTION.index("### Gate-I") : SECTION.index("### Expected IOSM-Index")]
INDEX = SECTION[SECTION.index("### Expected IOSM-Index") :]
NOTE = "Scores are agreed with the SRE guild every quarter."

HOOK = """
def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "prds/b.md":
        return markdown.replace("Returning customers", "Returning shoppers")
    return markdown
"""


def _page(name: str, section: str) -> str:
    text = CLEAN.replace("# PRD: Saved Payment Methods", f"# PRD: {name}").replace(
        "**Track ID:** saved-payment-methods", f"**Track ID:** t-{name.lower()}"
    )
    return text.replace(SECTION, section)


PAGES = {
    # The gates included, the Expected IOSM-Index the author's: the table, once.
    "a": ("## 10. IOSM Targets\n\n" + '--8<-- "gates.md"\n\n' + INDEX, True),
    "b": ("## 10. IOSM Targets\n\n" + '--8<-- "gates.md"\n\n' + INDEX, True),
    # The block form, between two own parts.
    "e": (
        "## 10. IOSM Targets\n\n" + GATES.split("### Gate-S")[0] + "--8<--\ngates-sm.md\n--8<--\n\n" + INDEX,
        True,
    ),
    # A note the table does not show: the text as written, no table.
    "c": ("## 10. IOSM Targets\n\n" + NOTE + "\n\n" + '--8<-- "gates.md"\n\n' + INDEX, False),
    # The heading included: the text as written, no table.
    "d": ('--8<-- "section.md"\n\n', False),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("includes-iosm")
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    files = {f"prds/{name}.md": _page(name.upper(), section) for name, (section, _) in PAGES.items()}
    files |= {
        "_shared/gates.md": GATES,
        "_shared/gates-sm.md": "### Gate-S" + GATES.split("### Gate-S")[1],
        "_shared/section.md": SECTION,
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        return build_site(
            root,
            files,
            {"paths": ["prds/**"]},
            config={
                "exclude_docs": "_shared/\n",
                "hooks": [str(root / "hook.py")],
                "markdown_extensions": ["tables", {"pymdownx.snippets": {"base_path": ["docs/_shared"]}}],
            },
        )


def _section_10(site: Site, name: str) -> str:
    html = (site.site_dir / "prds" / name / "index.html").read_text(encoding="utf-8")
    return html[html.index('id="10-iosm-targets"') : html.index('id="appendix"')]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_gates_show_once(site: Site, name: str) -> None:
    section = _section_10(site, name)
    table = PAGES[name][1]
    assert section.count('class="prd-iosm ') == (1 if table else 0)
    assert "8&lt;" not in section and "8<-" not in section
    for metric in ("Semantic clarity", "P95 latency", "API surface", "Change surface"):
        assert section.count(metric) == 1, metric
    # The included gate headings stand on the page exactly when there is no table.
    assert len(re.findall(r"<h3[^>]*>Gate-I \(Improve\) Targets", section)) == (0 if table else 1)
    # The author's own Expected IOSM-Index: in the table, or as written.
    assert section.count("Target post-implementation") == (0 if table else 1)
    assert section.count("prd-iosm-index__target") == (1 if table else 0)
    if name == "c":
        assert NOTE in section


def test_the_build_reports_no_finding_on_them(site: Site) -> None:
    assert not [m for m in site.messages() if "prds/" in m and "PRD5" in m]
