"""The IOSM table shows each target, baseline and actual as its author wrote it (escaped),
each figure once, bands labelled, and the report's baseline when the PRD has none."""

from __future__ import annotations

import html
import re

import pytest
from render_sites import prd_text

from mkdocs_prd.core.parse.report import parse_report
from mkdocs_prd.core.settings import Settings
from mkdocs_prd.core.sitewide.catalog import build_catalog
from mkdocs_prd.html.page import PageRenderer
from mkdocs_prd.html.render import Renderer


def _page(files: dict[str, str], path: str = "prds/a.md", report: str | None = None) -> str:
    catalog = build_catalog([(p, t.encode()) for p, t in files.items()], Settings())
    reports = {path: parse_report(report, "prds/iosm_report.md")} if report is not None else {}
    pages = PageRenderer(catalog, Renderer(), show_findings=False, reports=reports)
    text = files[path]
    content = pages.html(path, "<h1>x</h1>\n" + pages.markdown(path, text, text))
    return pages.output(path, f"<html>{content}</html>")


def _block(page: str) -> str:
    start = page.index('<div class="prd-iosm-block">')
    return page[start : page.index("</dl>", start) if "</dl>" in page[start:] else len(page)]


def _cells(block: str, label: str) -> list[str]:
    """Text of every cell under column ``label`` (its data-label), tags removed."""
    cells = re.findall(rf'<td data-label="{label}">(.*?)</td>', block, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells]
    return [t for t in texts if t]  # a gate row of the list form has no target of its own


LIST_TARGETS = [
    "≥0.70",
    "≥ 0.95",
    "≤120ms",
    "2,000 retries/s at peak",
    "at least 80 %",
    "Stable or reduced by 5%",
    "< 1.5 s",
    "≤ 1,250 KB",
    "0.10% of requests",
    ">= 0.800",
    "≤ 512MiB",
    "≥0,95",
    "100% of <b>public</b> APIs",
]


def test_list_form_targets_are_shown_as_written() -> None:
    metrics = "\n".join(f"- Metric {i}: {t}" for i, t in enumerate(LIST_TARGETS))
    index = "### Expected IOSM-Index\n**Current baseline:** 0.62\n**Target post-implementation:** 0.80\n"
    iosm = f"### Gate-I (Improve) Targets\n{metrics}\n\n{index}"
    block = _block(_page({"prds/a.md": prd_text(iosm=iosm)}))
    # Inline HTML shows as its words, as on the page (never as markup, nor as literal tags).
    assert _cells(block, "Target") == [*LIST_TARGETS[:-1], "100% of public APIs"]
    assert "<b>" not in block and "&lt;b&gt;" not in block
    assert "<small>" not in block[: block.index("<dl")]  # no second copy of the text
    assert block.count("Stable or reduced by 5%") == 1


def test_table_form_keeps_trailing_zeros_and_commas() -> None:
    iosm = (
        "| Gate | Baseline | Target | Expected Δ |\n|---|---|---|---|\n"
        "| **Gate-I** | 0.55 | ≥0.70 | +0.15 |\n"
        "| **Gate-O** | 0,60 | **≥0.80** | +0,20 |\n\n"
        "**IOSM-Index target:** ≥0.80\n"
    )
    block = _block(_page({"prds/a.md": prd_text(iosm=iosm)}))
    assert _cells(block, "Target") == ["≥0.70", "≥0.80"]
    assert _cells(block, "Baseline") == ["0.55", "0,60"]
    assert _cells(block, "Expected Δ") == ["+0.15", "+0,20"]


def _index_text(block: str) -> str:
    dl = block[block.index('<dl class="prd-iosm-index') :]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", dl)).split())


def test_each_index_figure_once_and_bands_labelled() -> None:
    text = prd_text(front_matter="iosm_actuals:\n  index: 0.71")
    text = text.replace("**Target post-implementation:** 0.82", "**Target post-implementation:** 0.80")
    dl = _index_text(_block(_page({"prds/a.md": text})))
    assert dl.count("0.71") == 1 and dl.count("0.80") == 1 and dl.count("0.65") == 1
    assert "Target band Good" in dl and "Achieved band Acceptable" in dl and "Not met" in dl
    assert "Rating" not in dl


@pytest.mark.parametrize("baseline_line", ["", "**Current baseline:** 0.60\n"])
def test_baseline_from_report_when_prd_has_none(baseline_line: str) -> None:
    index = f"### Expected IOSM-Index\n{baseline_line}**Target post-implementation:** 0.80\n"
    iosm = f"### Gate-I (Improve) Targets\n- Clarity: ≥0.9\n\n{index}"
    report = "# IOSM report\n\n**Baseline Index:** 0.67\n**Final Index:** 0.83\n"
    page = _page({"prds/a.md": prd_text(iosm=iosm)}, report=report)
    dl = _index_text(_block(page))
    expected = "0.60" if baseline_line else "0.67"
    assert f"Baseline {expected}" in dl and "Baseline —" not in dl
    assert "Actual 0.83" in dl
