"""The sample site with traceability: its src/ and tests/ tree, a JUnit report made by
really running those tests, a real build; and the matrix sorted and filtered in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from trace_project import run_pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_site"
TRACK = "payments-refund-automation"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site copied into a git work tree, tests run, built; returns its site_dir."""
    root = tmp_path_factory.mktemp("sample-trace")
    shutil.copytree(SAMPLE, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("site", "reports"))
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    run_pytest(root, cwd=root)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "prd" in plugin:
            plugin["prd"]["trace"] = {"sources": ["src/**/*.py", "src/**/*.ts"], "junit": ["reports/*.xml"]}
    config["repo_url"] = "https://github.com/acme/product"
    config["edit_uri"] = "edit/main/docs/"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cfg = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "www"))
    build(cfg)
    return root / "www"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_card_matrix_and_json(sample: Path) -> None:
    page = (sample / "prds" / "payments" / "refund-automation" / "index.html").read_text(encoding="utf-8")
    card = text_of(page[page.index('class="prd-card"') : page.index("prd-card__stat--questions")])
    assert "Must 3 of 3 verified" in card and "Should 0 of 1 verified" in card
    matrix = (sample / "prds" / "traceability" / "index.html").read_text(encoding="utf-8")
    row = matrix[matrix.index(f"<code>{TRACK}:FR-1</code>") :]
    row = row[: row.index("</tr>")]
    assert 'href="https://github.com/acme/product/blob/main/src/refunds.py#L3"' in row
    assert "test_full_refund_of_a_cancelled_order" in row and "prd-trace__state--verified" in row
    fr4 = matrix[matrix.index(f"<code>{TRACK}:FR-4</code>") :]
    assert "prd-trace__state--skipped" in fr4[: fr4.index("</tr>")]
    data = json.loads((sample / "prd-index.json").read_text(encoding="utf-8"))
    prd = next(p for p in data["prds"] if p["track_id"] == TRACK)
    states = {r["local"]: r["state"] for r in prd["trace"]}
    assert states["FR-1"] == states["FR-2"] == states["FR-3"] == "verified"
    assert states["FR-4"] == "skipped" and states["UC-1"] == "verified" and states["NFR-1"] == "untested"


@pytest.mark.browser
def test_matrix_sorts_and_filters_in_chromium(sample: Path, chromium: Any) -> None:
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((sample / "prds" / "traceability" / "index.html").as_uri())
    visible_ids = """els => els.filter(r => !r.hidden).map(r => r.cells[1].textContent.trim())"""
    rows = "table[data-prd-table] tbody tr"
    total = len(page.eval_on_selector_all(rows, visible_ids))
    assert total > 10
    page.select_option('select[data-prd-filter="state"]', "verified")
    verified = page.eval_on_selector_all(rows, visible_ids)
    assert verified[:3] == [f"{TRACK}:UC-1", f"{TRACK}:UC-2", f"{TRACK}:FR-1"]
    assert page.text_content("[data-prd-count]") == f"{len(verified)} of {total} requirements shown"
    page.select_option('select[data-prd-filter="state"]', "")
    page.fill('input[data-prd-filter="text"]', TRACK)
    page.click('th[data-prd-col="id"] button')  # ascending by id
    ascending = page.eval_on_selector_all(rows, visible_ids)
    page.click('th[data-prd-col="id"] button')  # descending
    descending = page.eval_on_selector_all(rows, visible_ids)
    assert ascending == sorted(ascending, key=natural) and descending == ascending[::-1]
    assert all(i.startswith(TRACK) for i in ascending) and len(ascending) == 11
    # Ids are one unbroken line (never split at a hyphen); the PRD's title shows once per
    # run of its rows, also after a sort and a filter, and stays in every cell as text.
    lines = page.eval_on_selector_all(
        "td.prd-index__nowrap code",
        "cs => cs.filter(c => !c.closest('tr').hidden).map(c => c.getClientRects().length)",
    )
    assert lines and set(lines) == {1}, lines
    titles = """els => els.filter(r => !r.hidden).map(r => r.cells[0].checkVisibility() &&
        r.cells[0].querySelector('a').getBoundingClientRect().width > 2)"""
    assert page.eval_on_selector_all(rows, titles) == [True] + [False] * 10
    page.fill('input[data-prd-filter="text"]', "")
    shown = page.eval_on_selector_all(rows, titles)
    prds = page.eval_on_selector_all(rows, "els => els.map(r => r.cells[0].getAttribute('data-prd-run'))")
    runs = sum(1 for i, prd in enumerate(prds) if i == 0 or prds[i - 1] != prd)
    assert sum(shown) == runs > 1
    assert all(page.eval_on_selector_all(rows, "els => els.map(r => r.cells[0].textContent.trim() !== '')"))
    # On a narrow screen each requirement is a card of labelled values, without empty ones.
    page.set_viewport_size({"width": 400, "height": 900})
    card = page.eval_on_selector_all(
        rows,
        """els => els.filter(r => !r.hidden)[0].querySelectorAll('td').length
            && [...els.filter(r => !r.hidden)[0].querySelectorAll('td')].filter(td => td.checkVisibility())
                .map(td => [getComputedStyle(td, '::before').content, td.textContent.trim() !== ''])""",
    )
    assert card and all(label.startswith('"') and filled for label, filled in card), card
    assert page.evaluate("document.documentElement.scrollWidth <= 400")
    assert not [e for e in errors if "search" not in e]  # file:// has no search worker


def natural(text: str) -> list[object]:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]
