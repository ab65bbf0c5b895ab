"""``mkdocs-prd new``: defaults, unique Track IDs, no overwriting, custom templates, lint-clean output."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.new import builtin_skeleton, fill_template, new_prd, slugify, unique_track_id
from mkdocs_prd.core.parse.prd import is_prd, parse_prd

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date.today().isoformat()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the sample site; the working directory is its root."""
    dest = tmp_path / "site"
    shutil.copytree(ROOT / "sample_site", dest, ignore=shutil.ignore_patterns("site"))
    monkeypatch.chdir(dest)
    return dest


def new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["new", *args])
    out, err = capsys.readouterr()
    return code, out.strip(), err


def lint_findings(capsys: pytest.CaptureFixture[str], path: str, *args: str) -> list[dict[str, object]]:
    """The real ``mkdocs-prd lint --format json`` findings for ``path``."""
    code = main(["lint", "--format", "json", path, *args])
    out, _ = capsys.readouterr()
    findings: list[dict[str, object]] = json.loads(out)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    return findings


def test_defaults(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, "Bulk Invoice Export")
    assert code == 0, err
    # The site's paths start with prds/**: the PRD goes to docs/prds, named after the title.
    assert out == "docs/prds/bulk-invoice-export.md"
    text = (site / out).read_text(encoding="utf-8")
    prd = parse_prd(text, "prds/bulk-invoice-export.md")
    assert prd.title == "Bulk Invoice Export"
    assert prd.metadata.value("date") == TODAY
    assert prd.metadata.value("status") == "Draft"
    assert prd.track_id == "bulk-invoice-export"
    assert prd.metadata.value("owner") == "[name / team]"
    assert prd.metadata.value("version") == "0.1"
    # Every template section is there, numbered as in the template.
    keys = [s.key for s in prd.sections]
    assert keys == [
        "problem",
        "goals",
        "users",
        "scope",
        "requirements",
        "ux",
        "risks",
        "acceptance",
        "rollout",
        "iosm",
        "appendix",
    ]
    assert "{{" not in text


def test_result_lints_with_no_error_and_placeholders_warn(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = new(capsys, "Bulk Invoice Export", "--owner", "Ana Costa / Billing")
    assert code == 0
    findings = lint_findings(capsys, out)
    assert findings, "the skeleton's placeholders must be reported"
    assert {f["severity"] for f in findings} == {"warning"}
    assert {f["rule"] for f in findings} == {"PRD107"}  # only the unfilled placeholders
    # The owner was given, so it is not a placeholder.
    text = (site / out).read_text(encoding="utf-8")
    assert "**Owner:** Ana Costa / Billing" in text
    assert f"| 0.1 | {TODAY} | Ana Costa | First draft |" in text


def test_options(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(
        capsys,
        "SSO for Partners",
        "--owner",
        "Jonas Berg",
        "--track-id",
        "IDN-7",
        "--status",
        "review",
        "--dir",
        "docs/x/y",
    )
    assert code == 0, err
    assert out == "docs/x/y/sso-for-partners.md"
    prd = parse_prd((site / out).read_text(encoding="utf-8"), out)
    assert (prd.track_id, prd.metadata.value("status"), prd.metadata.value("owner")) == (
        "IDN-7",
        "Review",
        "Jonas Berg",
    )
    # Outside the PRD paths: said so, because the plugin will not treat it as a PRD.
    assert "outside the site's PRD paths" in err


def test_track_id_is_made_unique_against_the_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The search PRD of the sample site already uses Track ID "search-typo-tolerance".
    code, out, _ = new(capsys, "Search Typo Tolerance")
    assert code == 0
    assert parse_prd((site / out).read_text(encoding="utf-8"), out).track_id == "search-typo-tolerance-2"
    code, out2, _ = new(capsys, "Search: typo tolerance!", "--dir", "docs/prds/search")
    assert code == 0
    assert parse_prd((site / out2).read_text(encoding="utf-8"), out2).track_id == "search-typo-tolerance-3"
    # Cross-document checks (duplicate Track IDs) see the whole site: still no error.
    for path in (out, out2):
        assert not [f for f in lint_findings(capsys, path) if f["severity"] == "error"]


def test_explicit_track_id_clash_is_refused(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.as_posix() for p in site.rglob("*"))
    code, out, err = new(capsys, "Anything", "--track-id", "0042")  # the audit log PRD's, from front matter
    assert code == 1
    assert out == ""
    assert "0042" in err and "prds/platform/audit-log-export.md" in err
    assert sorted(p.as_posix() for p in site.rglob("*")) == before


def test_never_overwrites(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = new(capsys, "Bulk Invoice Export")
    assert code == 0
    target = site / out
    target.write_text("my edits\n", encoding="utf-8")
    before = sorted(p.as_posix() for p in site.rglob("*"))
    code, out2, err = new(capsys, "Bulk Invoice Export", "--track-id", "other-id")
    assert code == 1
    assert out2 == ""
    assert "already exists; nothing written" in err
    assert target.read_text(encoding="utf-8") == "my edits\n"
    assert sorted(p.as_posix() for p in site.rglob("*")) == before


def test_track_layout_from_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - prd:\n      paths: ['tracks/*/PRD.md']\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = new(capsys, "Usage Metering")
    assert code == 0, err
    assert out == "docs/tracks/usage-metering/PRD.md"
    assert err == ""  # inside the site's paths: no note
    assert not [f for f in lint_findings(capsys, out) if f["severity"] == "error"]


def test_without_paths_uses_the_folder_with_most_prds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "sample_site" / "docs" / "prds" / "payments", docs / "product" / "reqs")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - prd\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = new(capsys, "Gift Cards")
    assert code == 0
    assert out == "docs/product/reqs/gift-cards.md"


def test_without_a_config_writes_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = new(capsys, "Dark Mode")
    assert code == 0
    assert out == "dark-mode.md"
    assert is_prd((tmp_path / out).read_text(encoding="utf-8"))


COMPANY_TEMPLATE = """\
# PRD: [Feature Name]

**Version:** 1.0
**Date:** [YYYY-MM-DD]
**Track ID:** [track-id]
**Owner:** [name/team]
**Status:** Draft | Review | Approved | Implemented

Acme company template: ask #product-ops for help.
"""


def test_custom_template_from_config(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A copy of the PRD template's header works as a template: its fields are set by name.
    body = builtin_skeleton().split("---\n", 1)[1]
    (site / "templates").mkdir()
    (site / "templates" / "prd.md").write_text(COMPANY_TEMPLATE + "\n---\n" + body, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - prd:\n", "  - prd:\n      template: templates/prd.md\n"
        ),
        encoding="utf-8",
    )
    code, out, err = new(capsys, "Gift Cards", "--owner", "Sofia Rossi / Checkout", "--status", "Review")
    assert code == 0, err
    text = (site / out).read_text(encoding="utf-8")
    assert text.startswith("# PRD: Gift Cards\n\n**Version:** 1.0\n")
    assert f"**Date:** {TODAY}\n" in text
    assert "**Track ID:** gift-cards\n" in text
    assert "**Owner:** Sofia Rossi / Checkout\n" in text
    assert "**Status:** Review\n" in text
    assert "Acme company template" in text
    assert not [f for f in lint_findings(capsys, out) if f["severity"] == "error"]


def test_custom_template_option_with_front_matter(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = site / "fm.md"
    template.write_text(
        '---\ntype: prd\ntitle: "{{title}}"\ndate: 2000-01-01\ntrack_id: x\n'
        "owner: nobody\nstatus: Draft\n---\n\n"
        "# {{title}}\n\nBody for {{owner}}.\n",
        encoding="utf-8",
    )
    code, out, err = new(
        capsys, 'Say "hi"', "--template", "fm.md", "--track-id", "0077", "--owner", "Kenji Sato"
    )
    assert code == 0, err
    prd = parse_prd((site / out).read_text(encoding="utf-8"), out)
    assert prd.title == 'Say "hi"'
    assert prd.track_id == "0077"  # quoted in YAML: stays a string with its leading zeros
    assert prd.metadata.value("date") == TODAY
    assert prd.metadata.value("owner") == "Kenji Sato"
    assert "Body for Kenji Sato." in (site / out).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["X", "--status", "Done"], "unknown status 'Done'"),
        (["X", "--template", "missing.md"], "cannot read template missing.md"),
        (["   "], "TITLE must be one non-empty line"),
        (["X\nY"], "TITLE must be one non-empty line"),
        (["X", "--owner", "Ana\r**Status:** Approved"], "--owner must be one non-empty line"),
        (["X", "--owner", "Ana\x1b]0;title\x07"], "--owner must be one non-empty line"),
        (["X", "--owner", "Ana\u2028**Status:** Approved"], "--owner must be one non-empty line"),
        (["X\x00"], "TITLE must be one non-empty line"),
        (["X", "--track-id", "t\u202e1"], "--track-id must be one non-empty line"),
        (["X", "-f", "nope.yml"], "config file not found"),
        (["PRD:"], "TITLE 'PRD:' is only the PRD label"),
        (["[PRD]"], "TITLE '[PRD]' is only the PRD label"),
    ],
)
def test_usage_errors(site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    before = sorted(p.as_posix() for p in site.rglob("*"))
    code, _, err = new(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert sorted(p.as_posix() for p in site.rglob("*")) == before


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Bulk Invoice Export", "bulk-invoice-export"),
        ("  Élan: café crème — v2!  ", "elan-cafe-creme-v2"),
        ("API keys (per team)", "api-keys-per-team"),
        ("日本語", "日本語"),
        ("多言語検索 v2", "多言語検索-v2"),
        ("Straße Ørsted", "straße-ørsted"),
        ("हिन्दी खोज", "हिन्दी-खोज"),  # vowel signs stay with their letters
        ("ﬁle Ⅻ", "file-xii"),
        ("🚀 !!", "prd"),
        ("word " * 40, "-".join(["word"] * 12)),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_unique_track_id() -> None:
    assert unique_track_id("a", []) == "a"
    assert unique_track_id("a", ["A", "a-2", "b"]) == "a-3"


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80)
)
def test_any_title_gives_a_prd_with_that_title(title: str) -> None:
    title = title.strip()
    if not title:
        return
    values = {"title": title, "date": TODAY, "track_id": "t", "owner": "o", "status": "Draft", "author": "o"}
    text = fill_template(builtin_skeleton(), values)
    assert is_prd(text)
    assert parse_prd(text, "p.md").track_id == "t"


LEAN = (
    '---\ntype: prd\ntitle: "{{title}}"\nstatus: "{{status}}"\n---\n\n## Problem\n\n[Describe the problem]\n'
)


@pytest.mark.parametrize(
    ("template", "h1"),
    [
        (LEAN, None),  # the title is in the front matter: no H1 added (the team's format kept)
        ("---\ntype: prd\ntitle: Old\n---\n# Old\n\n## Problem\n", 4),  # an H1 there: it is set
        ("---\ntype: prd\nstatus: Draft\n---\n\n## Problem\n", 4),  # no title anywhere: an H1 added
        ("**Status:** Draft\n\n## Problem\n", 0),
    ],
)
def test_a_template_titled_in_front_matter_gets_no_h1(template: str, h1: int | None) -> None:
    values = {
        "title": "Lean one",
        "date": TODAY,
        "track_id": "t",
        "owner": "o",
        "status": "Draft",
        "author": "o",
    }
    lines = fill_template(template, values).split("\n")
    headings = [i for i, line in enumerate(lines) if line.startswith("# ")]
    assert headings == ([] if h1 is None else [h1])
    if h1 is not None:
        assert lines[h1] == "# PRD: Lean one"
    text = "\n".join(lines)
    assert parse_prd(text, "p.md").title == "Lean one"
    if h1 is None:
        assert text == LEAN.replace("{{title}}", "Lean one").replace("{{status}}", "Draft")


@pytest.mark.parametrize(
    "title",
    [
        "PRD: Dark mode",
        "prd: Dark mode",
        "**PRD:** Dark mode",
        "PRD - Dark mode",
        "PRD — Dark mode",
        "[PRD] Dark mode",
        "Dark mode (PRD)",
        "Dark mode — PRD",
        "Product Requirements: Dark mode",
    ],
)
def test_a_title_carrying_the_prd_label_is_not_labelled_twice(title: str) -> None:
    """``new "PRD: Dark mode"`` wrote ``# PRD: PRD: Dark mode`` with Track ID ``prd-dark-mode``
    (fresh6 item 14): the label is the page's, the name is the feature's."""
    made = new_prd(builtin_skeleton(), title=title, folder="docs/prds")
    assert made.track_id == "dark-mode"
    assert made.path == "docs/prds/dark-mode.md"
    assert made.text.count("# PRD: Dark mode\n") == 1 and "PRD: PRD" not in made.text
    assert parse_prd(made.text, "p.md").title == "Dark mode"
    # Without a separator the word is part of the name, as the parser reads it.
    assert new_prd(builtin_skeleton(), title="PRD Tooling", folder="d").track_id == "prd-tooling"
