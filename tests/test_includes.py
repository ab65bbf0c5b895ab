"""PRDs whose text comes partly from includes (mkdocs-include-markdown-plugin, pymdownx.snippets).

A requirement, a section or an NFR category that stands in an included file is the page's
(no PRD201, PRD304, PRD601 for it); lines are the file's own (an included line is its
directive's line); a path that leads out of the site, a missing file or a cycle is no
traceback and no finding of ours.  In process through ``build_catalog``; one real build per
include tool at the end, which ``mkdocs-prd lint`` must agree with.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import Site, build_site

from mkdocs_prd import build_catalog
from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.markdown import sites
from mkdocs_prd.core.includes import Includer
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.settings import IncludeMarkdown, Includes, Settings, Snippets
from mkdocs_prd.core.sitewide.catalog import Catalog
from mkdocs_prd.core.sitewide.context import SiteContext

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
NFR2 = CLEAN[CLEAN.index("**NFR-2: Security**") : CLEAN.index("**NFR-3: Reliability**")]
APPENDIX = CLEAN[CLEAN.index("## Appendix") :]
WHY = "**Why now:**"


def _page(*edits: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _catalog(root: Path, markdown: bool = True, snippets: bool = False, **options: object) -> Catalog:
    """The catalog of ``root/docs/prds`` read with the include tools asked for."""
    docs = root / "docs"
    includes = Includes(
        docs_dir=str(docs),
        roots=(str(root), str(docs)),
        markdown=IncludeMarkdown() if markdown else None,
        snippets=Snippets(base_paths=(str(root),), **options) if snippets else None,  # type: ignore[arg-type]
    )
    pages = sorted((p.relative_to(docs).as_posix(), p.read_bytes()) for p in (docs / "prds").rglob("*.md"))
    return build_catalog(pages, Settings(paths=("prds/**",), includes=includes))


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _rules(catalog: Catalog, path: str = "prds/a.md") -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in catalog.findings_for(path)]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# (tool, directive standing for NFR-2 in prds/a.md)
NFR_FORMS = {
    "include-relative": ("markdown", '{% include "../_shared/nfr2.md" %}'),
    "include-markdown-docs-relative": ("markdown", "{% include-markdown '_shared/nfr2.md' %}"),
    "include-markdown-spaced": ("markdown", '{%   include-markdown   "_shared/nfr2.md"   comments=false %}'),
    # Read below docs_dir as written in a site-absolute link (the plugin itself reports it missing).
    "include-site-absolute": ("markdown", '{% include "/_shared/nfr2.md" %}'),
    "snippet": ("snippets", '--8<-- "docs/_shared/nfr2.md"'),
    "snippet-scissors": ("snippets", '-8<- "docs/_shared/nfr2.md"'),
    "snippet-block": ("snippets", "--8<--\n; docs/_shared/ignored.md\ndocs/_shared/nfr2.md\n--8<--"),
}


@pytest.mark.parametrize("form", NFR_FORMS)
def test_an_included_requirement_is_the_pages(tmp_path: Path, form: str) -> None:
    tool, directive = NFR_FORMS[form]
    page = _page((NFR2, directive + "\n\n"))
    _write(tmp_path, {"prds/a.md": page, "_shared/nfr2.md": NFR2, "_shared/ignored.md": "# PRD: Other\n"})
    catalog = _catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")
    assert _rules(catalog) == []  # no PRD304 (Security not covered)
    prd = catalog.get("prds/a.md")
    assert prd is not None
    lines = {r.id: r.line for r in prd.non_functional}
    at = next(line for line in directive.split("\n") if "nfr2.md" in line)  # a block's path line
    assert lines["NFR-2"] == _line_of(page, at)  # the directive's line
    assert lines["NFR-3"] == _line_of(page, "**NFR-3: Reliability**")  # the file's own line
    assert prd.line_count == len(page.splitlines())
    # Without the tool, the directive is text: the requirement is missing, as before.
    other = _catalog(tmp_path, markdown=tool != "markdown", snippets=tool != "snippets")
    assert [r for r, _ in _rules(other)] == ["PRD304"]


@pytest.mark.parametrize(
    ("tool", "directive"),
    [
        ("markdown", '{% include-markdown "../_shared/appendix.md" %}'),
        ("snippets", "--8<-- 'docs/_shared/appendix.md'"),
    ],
)
def test_an_included_section_is_the_pages(tmp_path: Path, tool: str, directive: str) -> None:
    _write(tmp_path, {"prds/a.md": _page((APPENDIX, directive + "\n")), "_shared/appendix.md": APPENDIX})
    assert _rules(_catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")) == []


NFRS23 = CLEAN[CLEAN.index("**NFR-2: Security**") : CLEAN.index("**NFR-4: Scalability**")]
NFR3 = NFRS23[len(NFR2) :]
SECTION10 = CLEAN[CLEAN.index("## 10. IOSM Targets") : CLEAN.index("## Appendix")]
GATES = SECTION10[SECTION10.index("### Gate-I") : SECTION10.index("### Expected IOSM-Index")]
SECTION9 = CLEAN[CLEAN.index("## 9. Rollout") : CLEAN.index("## 10. IOSM Targets")]

# (page edits, shared file, the rule, the included heading named in its hint, or None: the usual hint)
CUTS = {
    "title-include-markdown": (
        ((NFRS23, '{% include-markdown "../_shared/x.md" %}\n\n'),),
        "# Compliance NFRs (shared)\n\n" + NFRS23,
        "PRD304",
        "`# Compliance NFRs (shared)`, line 1 of the included `_shared/x.md`",
    ),
    "history-snippet": (
        ((NFRS23, '--8<-- "docs/_shared/x.md"\n\n'),),
        NFR2 + "## History\n\n" + NFR3,
        "PRD304",
        f"`## History`, line {NFR2.count(chr(10)) + 1} of the included `_shared/x.md`",
    ),
    "gates-under-a-title": (
        ((GATES, '--8<-- "docs/_shared/x.md"\n\n'),),
        "# Shared IOSM gates\n\n" + GATES,
        "PRD203",  # section 10 is empty on the page: its gates stand under the included title
        "`# Shared IOSM gates`, line 1 of the included `_shared/x.md`",
    ),
    # No heading cuts the section: the usual hint.
    "no-cut": (((NFRS23, '--8<-- "docs/_shared/x.md"\n\n'),), NFR2, "PRD304", None),
    # A template section included whole is meant to start there: section 9's emptiness is its own.
    "whole-section": (
        ((SECTION9, "## 9. Rollout / Migration Plan\n\n"), (SECTION10, '--8<-- "docs/_shared/x.md"\n\n')),
        SECTION10,
        "PRD203",
        None,
    ),
}


@pytest.mark.parametrize("case", CUTS)
def test_a_hint_names_the_included_heading_that_cuts_a_section_short(tmp_path: Path, case: str) -> None:
    """An included file's own heading (its title, a ``## History``) ends the section it is
    included into: the finding stands (the page's outline), its hint names that heading and how
    to include only the part needed, and keeps the usual advice for what is still missing."""
    edits, shared, rule, named = CUTS[case]
    _write(tmp_path, {"prds/a.md": _page(*edits), "_shared/x.md": shared})
    tool = "markdown" if "include-markdown" in edits[0][1] else "snippets"
    catalog = _catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")
    found = [f for f in catalog.findings_for("prds/a.md") if f.rule == rule]
    assert len(found) == 1, catalog.findings_for("prds/a.md")
    hint = found[0].hint
    if named is None:
        assert "included" not in hint and hint
    else:
        assert named in hint and "`start`/`end`" in hint
        assert "For what is still missing then: " in hint  # the usual advice follows
    # Including only the part needed (start/end) leaves no such finding.
    if named is not None and tool == "markdown":
        marked = shared.replace(NFRS23, "<!-- start -->\n" + NFRS23 + "<!-- end -->\n")
        _write(tmp_path, {"_shared/x.md": marked + "\n## History\n\n- 2026-01: added Okta\n"})
        page = _page(
            (NFRS23, '{% include-markdown "../_shared/x.md" start="<!-- start -->" end="<!-- end -->" %}\n\n')
        )
        _write(tmp_path, {"prds/a.md": page})
        assert _rules(_catalog(tmp_path)) == []


def test_a_reference_to_an_included_requirement_resolves(tmp_path: Path) -> None:
    other = "# PRD: SSO\n\n**Track ID:** sso\n\nRefund rights follow saved-payment-methods:NFR-2.\n"
    _write(
        tmp_path,
        {
            "prds/a.md": _page((NFR2, '{% include "../_shared/nfr2.md" %}\n\n')),
            "prds/b.md": other,
            "_shared/nfr2.md": NFR2,
        },
    )
    catalog = _catalog(tmp_path)
    assert "PRD601" not in [r for r, _ in _rules(catalog, "prds/b.md")]
    target = catalog.trace.items["saved-payment-methods:NFR-2"]
    assert [r.path for r in target.referenced_by] == ["prds/b.md"]


@pytest.mark.parametrize(
    ("tool", "outer", "inner"),
    [
        ("markdown", '{% include "../_shared/nfrs.md" %}', '{% include-markdown "./nfr2.md" %}'),
        ("snippets", '--8<-- "docs/_shared/nfrs.md"', '--8<-- "docs/_shared/nfr2.md"'),
    ],
)
def test_nested_includes(tmp_path: Path, tool: str, outer: str, inner: str) -> None:
    _write(
        tmp_path,
        {
            "prds/a.md": _page((NFR2, outer + "\n\n")),
            "_shared/nfrs.md": inner + "\n",
            "_shared/nfr2.md": NFR2,
        },
    )
    assert _rules(_catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")) == []


@pytest.mark.parametrize(
    ("tool", "directive"),
    [("markdown", '{% include "../_shared/loop.md" %}'), ("snippets", '--8<-- "docs/_shared/loop.md"')],
)
def test_a_cycle_is_followed_once(tmp_path: Path, tool: str, directive: str) -> None:
    back = directive.replace("../_shared/", "./")
    _write(tmp_path, {"prds/a.md": _page((NFR2, directive + "\n\n")), "_shared/loop.md": NFR2 + back + "\n"})
    catalog = _catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")
    assert _rules(catalog) == []
    prd = catalog.get("prds/a.md")
    assert prd is not None and [r.id for r in prd.non_functional].count("NFR-2") == 1


def _outside(tmp_path: Path) -> Path:
    """A site folder ``tmp_path/site`` and, beside it, a file the site must never read."""
    secret = tmp_path / "secret" / "nfr2.md"
    secret.parent.mkdir()
    secret.write_text(NFR2, encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "directive",
    [
        '{% include "../../../secret/nfr2.md" %}',
        '{% include-markdown "{secret}" %}',
        '{% include "../_shared/link.md" %}',
        '{% include "https://example.com/nfr2.md" %}',
        '{% include "../../../*/nfr2.md" %}',  # a glob is not even matched outside
        '{% include "../../../secret/*.md" %}',
    ],
)
def test_a_path_that_leads_out_is_not_followed(tmp_path: Path, directive: str) -> None:
    secret = _outside(tmp_path)
    root = tmp_path / "site"
    directive = directive.replace("{secret}", str(secret))
    _write(root, {"prds/a.md": _page((NFR2, directive + "\n\n")), "_shared/x.md": "x\n"})
    os.symlink(secret, root / "docs" / "_shared" / "link.md")
    catalog = _catalog(root)
    assert [r for r, _ in _rules(catalog)] == ["PRD304"]  # as if the directive were text: nothing read


def test_a_snippet_outside_the_site_is_not_read(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    root = tmp_path / "site"
    _write(root, {"prds/a.md": _page((NFR2, f'--8<-- "{secret}"\n\n'))})
    catalog = _catalog(root, markdown=False, snippets=True, restrict=False)
    assert [r for r, _ in _rules(catalog)] == ["PRD304"]


@pytest.mark.parametrize(
    ("tool", "directive"),
    [
        ("markdown", '{% include "../_shared/none.md" %}'),
        ("markdown", '{% include "../_shared/latin1.md" %}'),
        ("snippets", '--8<-- "docs/_shared/none.md"'),
        ("snippets", "--8<--\ndocs/_shared/none.md\n--8<--"),
    ],
)
def test_a_missing_file_adds_no_finding_but_the_path(tmp_path: Path, tool: str, directive: str) -> None:
    _write(tmp_path, {"prds/a.md": _page((NFR2, directive + "\n\n")), "_shared/x.md": "x\n"})
    (tmp_path / "docs" / "_shared" / "latin1.md").write_bytes(NFR2.encode("utf-8") + b"caf\xe9\n")
    catalog = _catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets")
    # An include-markdown path that names no file: PRD003 at the directive (the plugin stops the
    # build there); a file that exists but is unreadable, or a snippet, is the tool's own error.
    named = "none.md" in directive and tool == "markdown"
    line = _line_of(_page((NFR2, directive + "\n\n")), directive)
    found = _rules(catalog)
    assert sorted(r for r, _ in found) == (["PRD003", "PRD304"] if named else ["PRD304"])
    assert [n for r, n in found if r == "PRD003"] == ([line] if named else [])


# A page whose sections stand in files a wrong path does not reach: one PRD003 at the directive,
# no PRD201 for each section (the sections may well be in the files it meant; PRD003 is an error,
# so the page still fails until the path is right, and then each missing section is reported).
@pytest.mark.parametrize(
    "directive",
    [
        '{% include-markdown "sections/*.md" %}',  # a glob from docs_dir: the files are beside the page
        '{% include-markdown "sections/all.md" %}',
        "{% include '../sections/all.md' %}",
        '{% include-markdown "/sections/all.md" %}',
    ],
)
def test_a_wrong_include_path_is_one_finding_at_the_directive(tmp_path: Path, directive: str) -> None:
    head = CLEAN[: CLEAN.index("## 1. Problem")]
    body = CLEAN[CLEAN.index("## 1. Problem") :]
    page = head + directive + "\n"
    _write(tmp_path, {"prds/a.md": page, "prds/sections/all.md": body, "prds/sections/01.md": body})
    catalog = _catalog(tmp_path)
    [finding] = catalog.findings_for("prds/a.md")
    assert (finding.rule, finding.line) == ("PRD003", _line_of(page, directive))
    assert "sections/" in finding.message and "names no file" in finding.message
    fixed = page.replace(directive, '{% include-markdown "./sections/all.md" %}')
    _write(tmp_path, {"prds/a.md": fixed})
    assert _rules(_catalog(tmp_path)) == []


def test_findings_in_included_text_are_at_the_directive_and_later_lines_are_the_files(tmp_path: Path) -> None:
    directive = '{% include "../_shared/nfr2.md" %}'
    page = _page(
        (WHY, '{% include "../_shared/why.md" %}\n\n' + WHY),  # three lines become six
        (NFR2, directive + "\n\n"),
        ("- Priority: Should\n", ""),  # PRD301 on FR-3, in the file's own text
        ("**Delta:** +0.18", "**Delta:** +0.19"),  # PRD503, with a fix
    )
    included = NFR2.replace("existing session cookie plus CVC on every payment", "TBD")
    _write(
        tmp_path,
        {"prds/a.md": page, "_shared/nfr2.md": included, "_shared/why.md": "One.\n\nTwo.\n\nThree.\n"},
    )
    found = {f.rule: f for f in _catalog(tmp_path).findings_for("prds/a.md")}
    assert sorted(found) == ["PRD110", "PRD301", "PRD503"]
    filler = found["PRD110"]
    assert filler.line == _line_of(page, directive)
    assert filler.message.endswith("(in _shared/nfr2.md line 2, included here)")
    assert filler.fix is None
    assert found["PRD301"].line == _line_of(page, "**FR-3: Remove a saved card**")
    delta = found["PRD503"]
    assert delta.line == _line_of(page, "**Delta:**")
    assert delta.fix is not None and [e.line for e in delta.fix.edits] == [delta.line]
    line = page.splitlines()[delta.line - 1]
    edit = delta.fix.edits[0]
    assert line[edit.start : edit.end] == "+0.19"  # the edit's columns are the file's


def test_directive_arguments_decide_what_is_included(tmp_path: Path) -> None:
    shared = "# Shared\n\n<!--nfr-->\n" + NFR2 + "<!--/nfr-->\n\n**NFR-9: Other**\n- Other: x\n"
    directive = '{% include-markdown "../_shared/all.md" start="<!--nfr-->" end="<!--/nfr-->" %}'
    _write(tmp_path, {"prds/a.md": _page((NFR2, directive + "\n\n")), "_shared/all.md": shared})
    catalog = _catalog(tmp_path)
    prd = catalog.get("prds/a.md")
    assert prd is not None
    assert [r.id for r in prd.non_functional] == ["NFR-1", "NFR-2", "NFR-3", "NFR-4", "NFR-5"]
    assert _rules(catalog) == []


def test_a_snippet_escape_stays_text(tmp_path: Path) -> None:
    _write(
        tmp_path, {"prds/a.md": _page((NFR2, ';--8<-- "docs/_shared/nfr2.md"\n\n')), "_shared/nfr2.md": NFR2}
    )
    assert [r for r, _ in _rules(_catalog(tmp_path, markdown=False, snippets=True))] == ["PRD304"]


def test_a_page_without_directives_is_not_expanded(tmp_path: Path) -> None:
    includes = Includes(str(tmp_path), (str(tmp_path),), IncludeMarkdown(), Snippets((str(tmp_path),)))
    assert Includer(includes).expand("prds/a.md", CLEAN) is None
    # A directive in front matter is not one (MkDocs removes front matter first).
    assert Includer(includes).expand("prds/a.md", '---\nx: "{% include "a.md" %}"\n---\n' + CLEAN) is None


# --- Real builds, which `mkdocs-prd lint` must agree with -------------------------------

FINDING = re.compile(r"(?:^|\s)(?:docs/)?(prds/\S+\.md):(\d+): \w+ (PRD\d+)")
SHARED = {"_shared/nfr2.md": NFR2, "_shared/appendix.md": APPENDIX}
OTHER = _page(
    ("Saved Payment Methods", "Checkout Redesign"),
    ("saved-payment-methods", "checkout-redesign"),
    (WHY, "Reuses saved-payment-methods:NFR-2.\n\n" + WHY),
)


# Per tool: the directive for NFR-2, the one for the appendix, the site's config.
TOOLS = {
    "include-markdown": (
        '{% include "../_shared/nfr2.md" %}',
        '{% include-markdown "_shared/appendix.md" %}',
        {"plugins": ["search", "include-markdown", {"prd": {"paths": ["prds/**"]}}]},
    ),
    "snippets": (
        '--8<-- "_shared/nfr2.md"',
        "--8<--\n; _shared/none.md\n_shared/appendix.md\n--8<--",
        {"markdown_extensions": ["tables", {"pymdownx.snippets": {"base_path": ["docs"]}}]},
    ),
}


@pytest.fixture(scope="module", params=sorted(TOOLS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """A real build with one include tool (snippets' ``base_path`` relative to the working
    directory, as the extension reads it), and page ``a``'s text."""
    nfr, appendix, config = TOOLS[request.param]
    root = tmp_path_factory.mktemp(request.param)
    # A real defect after the includes, in the file's own text: PRD301 on FR-3.
    page = _page((NFR2, nfr + "\n\n"), ("- Priority: Should\n", ""), (APPENDIX, appendix + "\n"))
    # Page c's whole section 10 is included: its heading and text stay, the table does not take their place.
    iosm = CLEAN[CLEAN.index("## 10. IOSM Targets") : CLEAN.index("## Appendix")]
    vault = _page(("Saved Payment Methods", "Card Vault"), ("saved-payment-methods", "card-vault"))
    vault = vault.replace(iosm, nfr.replace("nfr2.md", "iosm.md") + "\n\n")
    # Pages d and e take Owner and Status from a shared file: d's holds only them (the card
    # replaces the directive's line), e's also a note (the directive stays, with its note).
    values = "**Owner:** Payments Team\n**Status:** Approved\n"
    hdr = {
        name: _page(
            ("Saved Payment Methods", f"Header {name}"), ("saved-payment-methods", f"header-{name}")
        ).replace(values, nfr.replace("nfr2.md", f"{name}.md") + "\n")
        for name in ("d", "e")
    }
    files = {
        "prds/a.md": page,
        "prds/b.md": OTHER,
        "prds/c.md": vault,
        "_shared/iosm.md": iosm,
        **SHARED,
        "prds/d.md": hdr["d"],
        "_shared/d.md": values,
        "prds/e.md": hdr["e"],
        "_shared/e.md": values + "\nThis shared note stays on the page.\n",
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        site = build_site(
            root, files, {"paths": ["prds/**"]}, config={"exclude_docs": "_shared/\n", **config}
        )
    return site, page


def _lint(site: Site, capsys: pytest.CaptureFixture[str], *files: str) -> set[tuple[str, int, str]]:
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        main(["lint", "-f", str(site.root / "mkdocs.yml"), *files])
    out = capsys.readouterr().out
    return {(m[1], int(m[2]), m[3]) for m in map(FINDING.search, out.splitlines()) if m}


def _built(site: Site) -> set[tuple[str, int, str]]:
    return {(m[1], int(m[2]), m[3]) for m in map(FINDING.search, site.messages()) if m}


def test_a_build_reads_includes_and_lint_agrees(
    built: tuple[Site, str], capsys: pytest.CaptureFixture[str]
) -> None:
    site, text = built
    # No PRD304, PRD201, nor PRD601 on b.md; the real defect at its line in the file.
    expected = {("prds/a.md", _line_of(text, "**FR-3: Remove a saved card**"), "PRD301")}
    assert _built(site) == expected
    assert _lint(site, capsys) == expected
    assert _lint(site, capsys, "docs/prds/a.md", "docs/prds/b.md") == expected  # files by name
    page = site.html("prds/a/index.html")
    assert "PCI DSS SAQ A" in page and "Dana Whitfield" in page  # the included text, shown
    assert page.count('id="nfr-3"') == 1
    assert 'href="../a/#nfr-2"' in site.html("prds/b/index.html")
    vault = site.html("prds/c/index.html")
    assert 'id="10-iosm-targets"' in vault and vault.count("Semantic clarity") == 1
    # A header value from a shared file: on the card once, as in a page that writes it (b).
    plain = site.html("prds/b/index.html").count("Payments Team")
    assert site.html("prds/d/index.html").count("Payments Team") == plain
    spilled = site.html("prds/e/index.html")
    assert "This shared note stays on the page." in spilled and "Payments Team" in spilled


def test_linting_a_shared_file_lints_the_prds_that_include_it(
    built: tuple[Site, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # What the pre-commit hook runs when a commit touches only a shared file.
    site, text = built
    assert _lint(site, capsys, "docs/_shared/nfr2.md") == {
        ("prds/a.md", _line_of(text, "**FR-3: Remove a saved card**"), "PRD301")
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        main(["lint", "-f", str(site.root / "mkdocs.yml"), "docs/_shared/d.md", "docs/_shared/iosm.md"])
    err = capsys.readouterr().err
    notes = sorted(line for line in err.splitlines() if "also linted" in line)
    assert notes == [
        "mkdocs-prd: note: also linted docs/prds/c.md: it includes docs/_shared/iosm.md",
        "mkdocs-prd: note: also linted docs/prds/d.md: it includes docs/_shared/d.md",
    ]


# --- The editor and the Markdown extension (Zensical) read includes too -----------------


def test_the_editor_reads_includes_afresh(tmp_path: Path) -> None:
    page = _page((NFR2, '{% include "../_shared/nfr2.md" %}\n\n'))
    _write(tmp_path, {"prds/a.md": page, "prds/b.md": OTHER, "_shared/nfr2.md": NFR2})
    docs = tmp_path / "docs"
    includes = Includes(str(docs), (str(tmp_path), str(docs)), markdown=IncludeMarkdown())
    context = SiteContext.load(str(docs), Settings(paths=("prds/**",), includes=includes))
    assert context.check("prds/a.md", page) == []
    assert context.check("prds/b.md", OTHER) == []  # its reference to a's included NFR-2 resolves
    (docs / "_shared" / "nfr2.md").write_text("Nothing here yet.\n", encoding="utf-8")
    assert [f.rule for f in context.check("prds/a.md", page)] == ["PRD304"]  # the shared file as it is now
    (docs / "_shared" / "nfr2.md").unlink()  # the path now names no file: the editor says so too
    assert [(f.rule, f.line) for f in context.check("prds/a.md", page)] == _rules(_catalog(tmp_path))
    assert ("PRD003", _line_of(page, "{% include")) in _rules(_catalog(tmp_path))


def test_the_markdown_extension_reads_snippets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    page = _page((NFR2, '--8<-- "docs/_shared/nfr2.md"\n\n'))
    _write(tmp_path, {"prds/a.md": page, "_shared/nfr2.md": NFR2})
    snippets = {"pymdownx.snippets": {"base_path": ["."]}}
    (tmp_path / "mkdocs.yml").write_text(
        yaml.safe_dump(
            {"site_name": "x", "markdown_extensions": ["tables", snippets, "mkdocs_prd.extension"]}
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    sites.forget()
    md = markdown.Markdown(
        extensions=["tables", "pymdownx.snippets", "mkdocs_prd.extension"],
        extension_configs={"pymdownx.snippets": {"base_path": ["."]}},
    )
    with caplog.at_level(logging.INFO, logger="mkdocs.prd"):
        html = md.convert(page)
    sites.forget()
    assert "PCI DSS SAQ A" in html and html.count('<div class="prd-card">') == 1
    assert not [
        r.getMessage() for r in caplog.records if "PRD" in r.getMessage() and "prds/a.md:" in r.getMessage()
    ]


@pytest.mark.parametrize(
    "directive",
    [
        '{% include "a\0b.md" %}',
        '{% include "' + "x/" * 3000 + 'a.md" %}',
        '{% include-markdown "../_shared/nfr2.md" heading-offset=99999999999999 start="\\" %}',
        '{% include "../_shared" %}',  # a folder
        '--8<-- "docs/_shared/nfr2.md:99:-99999999999999999999"',
        "--8<--\n" + "docs/_shared/" * 200 + "\n--8<--",
        "--8<-- 'a\0b.md'",
    ],
)
def test_odd_directives_are_no_traceback(tmp_path: Path, directive: str) -> None:
    _write(tmp_path, {"prds/a.md": _page((NFR2, directive + "\n\n" + NFR2)), "_shared/nfr2.md": NFR2})
    catalog = _catalog(tmp_path, markdown=True, snippets=True)
    prd = catalog.get("prds/a.md")
    assert prd is not None and "NFR-2" in [r.id for r in prd.non_functional]
    assert prd.line_count == len(_page((NFR2, directive + "\n\n" + NFR2)).splitlines())


def _line_fields(value: object, where: str = "prd") -> dict[str, int]:
    """Every line field of a model, by where it is (``prd.functional[2].line``)."""
    out: dict[str, int] = {}
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            out.update(_line_fields(item, f"{where}[{i}]"))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if (
                isinstance(item, int)
                and not isinstance(item, bool)
                and (f.name.endswith(("line", "_start", "_end")))
            ):
                out[f"{where}.{f.name}"] = item
            elif isinstance(item, tuple) or dataclasses.is_dataclass(item):
                out.update(_line_fields(item, f"{where}.{f.name}"))
    return out


@pytest.mark.parametrize("tool", ["markdown", "snippets"])
def test_every_line_of_the_model_is_the_files(tmp_path: Path, tool: str) -> None:
    # Sections 6 to 8 (the UX, risks and acceptance criteria) stand in a shared file.
    start, end = CLEAN.index("## 6. UX / API / Data"), CLEAN.index("## 9. Rollout")
    shared = CLEAN[start:end]
    directive = '{% include "../_shared/mid.md" %}' if tool == "markdown" else '--8<-- "docs/_shared/mid.md"'
    page = CLEAN[:start] + directive + "\n" + CLEAN[end:]
    _write(tmp_path, {"prds/a.md": page, "_shared/mid.md": shared})
    prd = _catalog(tmp_path, markdown=tool == "markdown", snippets=tool == "snippets").get("prds/a.md")
    inline = parse_prd(CLEAN, "prds/a.md")
    assert prd is not None and prd.line_count == len(page.splitlines())
    at = _line_of(page, directive)
    first, last = _line_of(CLEAN, "## 6. UX"), _line_of(CLEAN, "## 9. Rollout") - 1
    moved = last - first  # the shared lines minus the directive's own
    expected = {}
    for where, line in _line_fields(inline).items():
        if line < first:
            expected[where] = line
        elif line <= last:
            expected[where] = at  # included: the directive's line
        else:
            expected[where] = line - moved
    assert _line_fields(prd) == expected


@pytest.mark.parametrize(
    ("outer", "inner", "rules"),
    [
        # include-markdown runs first, then snippets over the page, what it included too.
        ('{% include "../_shared/outer.md" %}', '--8<-- "docs/_shared/nfr2.md"', []),
        # A snippet's text is put in after include-markdown ran: its directive stays text (as on the page).
        ('--8<-- "docs/_shared/outer.md"', '{% include "./nfr2.md" %}', ["PRD304"]),
    ],
)
def test_both_tools_in_the_order_they_run(tmp_path: Path, outer: str, inner: str, rules: list[str]) -> None:
    files = {
        "prds/a.md": _page((NFR2, outer + "\n\n")),
        "_shared/outer.md": inner + "\n",
        "_shared/nfr2.md": NFR2,
    }
    _write(tmp_path, files)
    assert [r for r, _ in _rules(_catalog(tmp_path, markdown=True, snippets=True))] == rules


@pytest.mark.parametrize(
    "directive",
    ['{% include-markdown "../_shared/nfr-*.md" %}', '{% include "_shared/**/nfr-?.md" %}'],
)
def test_a_glob_includes_each_file_in_path_order(tmp_path: Path, directive: str) -> None:
    nfr6 = "**NFR-6: Accessibility**\n- Standard: WCAG 2.2 AA\n\n"
    page = _page((NFR2, directive + "\n\n"))
    _write(tmp_path, {"prds/a.md": page, "_shared/nfr-2.md": NFR2, "_shared/nfr-6.md": nfr6})
    catalog = _catalog(tmp_path)
    assert _rules(catalog) == []
    prd = catalog.get("prds/a.md")
    assert prd is not None
    at = _line_of(page, directive)
    assert [(r.id, r.line) for r in prd.non_functional if r.line == at] == [("NFR-2", at), ("NFR-6", at)]


@pytest.mark.parametrize(
    "directive",
    [
        '{% include "*/../../../secret/**/nfr2.md" %}',  # '..' after a wildcard
        '{% include "_shared/**/nfr2.md" %}',  # ** through a symlink to outside and two loops
        '{% include "_shared/*/nfr2.md" %}',  # * through the same symlink
        '{% include "_shared/**/none.md" %}',
    ],
)
def test_a_glob_never_walks_outside_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directive: str
) -> None:
    # Python's glob walked '*/../../..' up to the disk's root and followed symlinked folders
    # with '**' (two links to '.' made it branch without end); wcmatch, the plugin's glob,
    # enters no symlinked folder with '**'.  Every folder listed lies inside the site.
    _outside(tmp_path)
    root = tmp_path / "site"
    _write(root, {"prds/a.md": _page((NFR2, directive + "\n\n")), "_shared/x.md": "x\n"})
    shared = root / "docs" / "_shared"
    os.symlink(tmp_path / "secret", shared / "out")
    os.symlink(".", shared / "loop")
    os.symlink(".", shared / "loop2")
    listed: list[str] = []
    scandir = os.scandir

    def spy(path: str = ".") -> object:
        listed.append(os.path.realpath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", spy)
    catalog = _catalog(root)
    assert [r for r, _ in _rules(catalog)] == ["PRD304"]
    assert len(listed) < 20
    assert all(p.startswith(str(root.resolve())) for p in listed), listed


def test_a_glob_matches_as_the_plugin_does(tmp_path: Path) -> None:
    # '*' enters a symlinked folder inside the site, '**' does not; neither matches a hidden name.
    nfr6 = "**NFR-6: Accessibility**\n- Standard: WCAG 2.2 AA\n\n"
    nfr7 = "**NFR-7: Cost**\n- Budget: 2 k EUR per month\n\n"
    page = _page((NFR2, '{% include "_shared/*/nfr-*.md" %}\n{% include "_shared/**/nfr-*.md" %}\n\n'))
    _write(
        tmp_path,
        {
            "prds/a.md": page,
            "_shared/real/nfr-2.md": NFR2,
            "_shared/.hidden/nfr-6.md": nfr6,
            "_shared/real/.nfr-7.md": nfr7,
            "_other/nfr-6.md": nfr6,
        },
    )
    os.symlink(tmp_path / "docs" / "_other", tmp_path / "docs" / "_shared" / "linked")
    prd = _catalog(tmp_path).get("prds/a.md")
    assert prd is not None
    lines = (_line_of(page, '"_shared/*/'), _line_of(page, '"_shared/**/'))
    ids = [(r.id, r.line) for r in prd.non_functional if r.line in lines]
    # linked/ then real/ (path order); ** only real/
    assert ids == [("NFR-6", lines[0]), ("NFR-2", lines[0]), ("NFR-2", lines[1])]


def test_a_file_past_the_line_budget_is_not_included(tmp_path: Path) -> None:
    huge = NFR2 + "\n" * 200_000
    _write(
        tmp_path, {"prds/a.md": _page((NFR2, '{% include "_shared/huge.md" %}\n\n')), "_shared/huge.md": huge}
    )
    assert [r for r, _ in _rules(_catalog(tmp_path))] == ["PRD304"]
