"""Which statuses count as approved: one notion from the site's settings (fresh7 item 2).

With ``statuses: [Entwurf, Prüfung, Freigegeben, Umgesetzt]`` (configuration.md's own German
example) a ``Freigegeben`` PRD was treated as a draft: "approved" was the English word, hard-coded
in review (PRD701), PRD308, trace (PRD602) and the history's "Approved on".  Now
``Settings.approved_statuses`` says it everywhere: the status meaning Approved in a language the
plugin reads, or the ``approved_status`` option, and the statuses after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.adapters.mkdocs.config import PrdConfig, to_settings
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.review.history import Version, history_of
from mkdocs_prd.core.review.rules import review
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings, TraceSettings
from mkdocs_prd.core.sitewide.catalog import build_catalog

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
GERMAN = ("Entwurf", "Prüfung", "Freigegeben", "Umgesetzt")


def with_status(status: str, text: str = CLEAN) -> str:
    return text.replace("**Status:** Approved", f"**Status:** {status}", 1)


@pytest.mark.parametrize(
    ("statuses", "approved_status", "expected"),
    [
        (("Draft", "Review", "Approved", "Implemented"), None, ("approved", "implemented")),
        (GERMAN, None, ("freigegeben", "umgesetzt")),
        (("Borrador", "Revisión", "Aprobado", "Implementado"), None, ("aprobado", "implementado")),
        (("Brouillon", "Relecture", "Approuvé", "Implémenté"), None, ("approuvé", "implémenté")),
        (("Rascunho", "Revisão", "Aprovado", "Implementado"), None, ("aprovado", "implementado")),
        (
            ("Draft", "Review", "Approved", "Implemented", "Retired"),
            None,
            ("approved", "implemented", "retired"),
        ),
        (("Draft", "In Progress", "Signed off", "Done"), "signed off", ("signed off", "done")),
        (GERMAN, "Umgesetzt", ("umgesetzt",)),  # the option wins over the word
        (("Draft", "In Progress", "Done"), None, ()),
    ],
)
def test_approved_statuses(
    statuses: tuple[str, ...], approved_status: str | None, expected: tuple[str, ...]
) -> None:
    assert Settings(statuses=statuses, approved_status=approved_status).approved_statuses == expected


def test_is_approved_reads_the_status_as_the_rules_do() -> None:
    settings = Settings(statuses=GERMAN, status_aliases={"Released": "Umgesetzt"})
    assert [
        settings.is_approved(s) for s in ("**Freigegeben**", "freigegeben (CFO)", "Released", "Prüfung", None)
    ] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_review_protects_a_freigegeben_prd() -> None:
    """A priority changed in an approved German PRD without a new Version is PRD701, as in English."""
    settings = Settings(statuses=GERMAN)
    base_text = with_status("Freigegeben")
    head_text = base_text.replace("- Priority: Must", "- Priority: Should", 1)
    base, head = parse_prd(base_text, "prd.md"), parse_prd(head_text, "prd.md")
    rules = [f.rule for f in review([base], [head], settings).findings]
    assert "PRD701" in rules
    draft = parse_prd(with_status("Entwurf"), "prd.md")
    changed = parse_prd(with_status("Entwurf", head_text), "prd.md")
    assert "PRD701" not in [f.rule for f in review([draft], [changed], settings).findings]


@pytest.mark.parametrize("status", ["Freigegeben", "Umgesetzt"])
def test_prd308_for_an_approved_german_prd_without_requirements(status: str) -> None:
    start, end = CLEAN.index("### Functional Requirements"), CLEAN.index("### Non-Functional Requirements")
    text = with_status(status, CLEAN[:start] + CLEAN[end:])
    found = check_page(parse_prd(text, "prd.md"), text, Settings(statuses=GERMAN))
    assert "PRD308" in [f.rule for f in found]


def test_prd602_for_an_untested_must_in_a_freigegeben_prd(tmp_path: Path) -> None:
    trace = TraceSettings(base_dir=str(tmp_path), sources=(), junit=(), require_verified=("Must",), page=None)
    for statuses, status, expected in ((GERMAN, "Freigegeben", True), (GERMAN, "Prüfung", False)):
        settings = Settings(statuses=statuses, trace=trace)
        catalog = build_catalog([("prd.md", with_status(status).encode())], settings)
        assert ("PRD602" in {f.rule for f in catalog.findings["prd.md"]}) is expected, status


def test_history_approved_on_in_the_sites_words() -> None:
    versions = [Version("c2", "2026-02-01", "Bo", "b2"), Version("c1", "2026-01-01", "Al", "b1")]
    statuses = {"b1": "Entwurf", "b2": "Freigegeben"}
    approved = Settings(statuses=GERMAN).approved_statuses
    h = history_of("p.md", versions, lambda v: statuses[v.blob], "Freigegeben", approved)
    assert h.approved_on == "2026-02-01"


def _validate(options: dict[str, object]) -> tuple[list[str], list[str]]:
    cfg = PrdConfig()
    cfg.load_dict(options)
    failed, warnings = cfg.validate()
    return [str(e) for _, e in failed], [str(w) for _, w in warnings]


def test_config_approved_status() -> None:
    assert _validate({"statuses": list(GERMAN)}) == ([], [])
    assert _validate({"statuses": ["Draft", "Done"], "approved_status": "Done"}) == ([], [])
    failed, _ = _validate({"statuses": list(GERMAN), "approved_status": "Approved"})
    assert failed == ["approved_status 'Approved' is not one of the statuses"]
    # A site without an approved status is valid: no config warning (--strict passes), a note.
    assert _validate({"statuses": ["Draft", "In Progress", "Done"]}) == ([], [])
    cfg = PrdConfig()
    cfg.load_dict({"statuses": ["Draft", "Signed", "Done"], "approved_status": "Signed"})
    cfg.validate()
    assert to_settings(cfg).approved_statuses == ("signed", "done")


@pytest.mark.parametrize("status", ["Umgesetzt", "Implementado", "Implémenté", "implemented"])
def test_prd401_for_an_implemented_prd_in_the_sites_words(status: str) -> None:
    """PRD401 (Implemented with unchecked criteria) reads the status in the languages the plugin
    reads, as approval does (was: ``implemented`` only)."""
    statuses = (*GERMAN[:3], status)
    text = with_status(status)
    found = check_page(parse_prd(text, "prd.md"), text, Settings(statuses=statuses))
    assert "PRD401" in [f.rule for f in found]


def test_a_site_without_an_approved_status_passes_strict_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``statuses: [Draft, Done]`` is a valid site: the commands say that nothing counts as
    approved in a note, and ``lint --strict`` passes on its correct PRD (a config warning made
    every such site fail ``mkdocs build --strict``)."""
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "a.md").write_text(with_status("Done"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - prd:\n      statuses: [Draft, Done]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--strict"]) == 0
    _, err = capsys.readouterr()
    assert "note: None of the statuses means Approved" in err and "warning" not in err
