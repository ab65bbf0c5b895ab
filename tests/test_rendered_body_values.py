"""Real builds with mkdocs-macros where the PRD's *body* holds template syntax.

The header values a template renders (``**Owner:** {{ owner }}``) are covered in
test_host_plugins.py.  The same holds for the values further down that the plugin shows
in its own HTML: the IOSM-Index figures (``**Current baseline:** {{ baseline }}``), the
IOSM targets (``P95 latency: ≤{{ p95 }}ms``) and a requirement's ``Priority: {{ prio }}``.
The page shows them rendered, so the card, the IOSM block, the index page and
prd-index.json must too (they showed ``{{ p95 }}`` raw, counted a ``Must`` as "Other"),
and no rule may call a computed figure "not a number" (PRD505), in the build and in
``mkdocs-prd lint`` alike.  A page the site does not render keeps its findings.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, build_site

from mkdocs_prd.adapters.cli.main import main

pytest.importorskip("mkdocs_macros", reason="mkdocs-macros-plugin is not installed")

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")
FINDING = re.compile(r"(?:^|\s)(?:docs/)?(\S+\.md):(\d+): \w+ (PRD\d+)")
EXTRA = {"base": "0.61", "goal": "0.91", "gain": "+0.30", "p95": "280", "prio": "Must"}


def _templated(title: str, track: str, front: str = "") -> str:
    text = CLEAN.replace("Saved Payment Methods", title).replace("saved-payment-methods", track)
    for old, new in (
        ("**Current baseline:** 0.68", "**Current baseline:** {{ base }}"),
        ("**Target post-implementation:** 0.86", "**Target post-implementation:** {{ goal }}"),
        ("**Delta:** +0.18", "**Delta:** {{ gain }}"),
        ("- P95 latency: ≤300ms", "- P95 latency: ≤{{ p95 }}ms"),
        # FR-1's priority (FR-2 says Must, FR-3 Should as written)
        ("- Priority: Must\n\n**FR-2", "- Priority: {{ prio }}\n\n**FR-2"),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    return front + text


@pytest.fixture(scope="module", params=["macros-after-prd", "macros-before-prd"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    macros = {"macros": {"on_error_fail": True}}
    plugins: list[Any] = (
        ["search", "prd", macros] if request.param == "macros-after-prd" else ["search", macros, "prd"]
    )
    files = {
        "index.md": "# Home\n",
        "prds/vault.md": _templated("Card Vault", "card-vault"),
        "prds/literal.md": _templated("Literal", "literal", "---\nrender_macros: false\n---\n\n"),
    }
    logger = logging.getLogger("mkdocs")
    saved = logger.level
    logger.setLevel(logging.INFO)
    try:
        return build_site(
            tmp_path_factory.mktemp(request.param),
            files,
            None,
            theme={"name": "material", "font": False},
            config={"plugins": plugins, "extra": EXTRA},
        )
    finally:
        logger.setLevel(saved)


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_computed_figures_are_no_finding_and_lint_agrees(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    built = {
        (m.group(1), int(m.group(2)), m.group(3))
        for m in map(FINDING.search, site.messages())
        if m and "PRD findings" not in m.string
    }
    literal = (site.docs_dir / "prds/literal.md").read_text(encoding="utf-8")
    # The page the site leaves unrendered shows `{{ base }}`: not a number there, as before.
    unrendered = {
        ("prds/literal.md", _line(literal, f"**{label}:** {{{{"), "PRD505")
        for label in (
            "Current baseline",
            "Target post-implementation",
            "Delta",
        )
    }
    assert unrendered <= built
    assert not [f for f in built if f[0] == "prds/vault.md"], built
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        main(["lint", "-f", str(site.root / "mkdocs.yml")])
    out = capsys.readouterr().out
    linted = {(m.group(1), int(m.group(2)), m.group(3)) for m in map(FINDING.search, out.splitlines()) if m}
    assert linted == built


def test_card_iosm_block_and_index_show_the_rendered_values(site: Site) -> None:
    page = site.html("prds/vault/index.html")
    assert "{{" not in page
    assert page.count('class="prd-card"') == 1
    iosm = page[page.index('class="prd-iosm-block"') :]
    iosm = iosm[: iosm.index("</dl>")]
    assert re.search(r"<td>P95 latency</td><td[^>]*>≤280ms</td>", iosm), iosm
    for figure in ("Baseline 0.61", "Target 0.91", "Delta +0.30"):
        assert figure in iosm, figure
    card = page[page.index('class="prd-card"') :]
    card = card[: card.index("<h2")]
    # FR-1 and FR-2 say Must on the page, FR-3 Should: no "Other" bucket.
    assert re.search(r"Must <b>2</b>", card) and "prd-priority--other" not in card, card
    assert re.search(r"Target IOSM-Index</span>\s*<b[^>]*>0.91</b>", card), card
    rows = {r["src_path"]: r for r in json.loads(site.html("prd-index.json"))["prds"]}
    vault = rows["prds/vault.md"]
    assert vault["iosm"] == {"baseline": "0.61", "target": "0.91", "delta": "+0.30", "actual": None}
    assert vault["requirements"] == {"must": 2, "should": 1, "could": 0, "other": 0}
    priorities = {r["local"]: r["priority"] for r in vault["trace"] if r["kind"] == "FR"}
    assert priorities == {"FR-1": "Must", "FR-2": "Must", "FR-3": "Should"}
    # The unrendered page shows what its file says, and so do its card and row.
    literal = rows["prds/literal.md"]
    assert literal["iosm"]["baseline"] == "{{ base }}" and literal["requirements"]["other"] == 1
    assert [r["priority"] for r in literal["trace"] if r["local"] == "FR-1"] == [None]
    index = site.html("prds/index.html")
    table = index[index.index('<table class="prd-index__table"') :]
    row = table[table.index("Card Vault") :]
    row = row[: row.index("</tr>")]
    assert "0.91" in row and "{{" not in row, row
