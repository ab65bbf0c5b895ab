"""Hostile values in every field of PRDs and merged index rows, through a real build.

Hypothesis writes PRDs (header lines, front matter, requirements, priorities, risks,
criteria, IOSM targets, change log) and a merged ``prd-index.json`` (every row field,
site name and URL) from hostile fragments, builds the site with Material and
``nav_status: true`` (findings shown), and reads every page with ``html.parser``: no
element may have an ``on*`` attribute or a ``javascript:``/``data:`` URL, and no
script element may hold the payload, unless the author wrote it as raw HTML in the
page's own Markdown (what Python-Markdown makes of the page without the plugin).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import markdown
from conftest import build_site
from html_safety import unsafe_markup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAYLOADS = (
    '" onmouseover="alert(1)',
    "' onfocus='alert(2)' autofocus '",
    "<img src=x onerror=alert(3)>",
    "<svg onload=alert(4)>",
    "<script>alert(5)</script>",
    "[a](javascript:alert(6))",
    "[a](onmouseover=alert(7)//)",
    "](data:text/html,alert(8))",
    "javascript:alert(9)",
    " JaVa\tScRiPt:alert(10)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=",
    '<a href="javascript:alert(12)">x</a>',
    "`",
    "``",
    "**",
    "<!--",
    "-->",
    "|",
    "{{ alert(13) }}",
    "&lt;img src=x onerror=alert(14)&gt;",
    "&#x22; onclick=&#x22;alert(15)",
    "\x1b]0;alert(16)\x07",
    "<!--prd-fragment-0-0-->",
    "prdinline0x0x",
    "Must",
)

fragment = st.one_of(st.sampled_from(PAYLOADS), st.text(alphabet="ab <>\"'=:/()[]`&;#", max_size=6))
value = (
    st.lists(fragment, min_size=1, max_size=3).map("".join).map(lambda s: s.replace("\n", " ").strip() or "x")
)

FIELDS = (
    "title", "version", "date", "track", "owner", "status", "sponsor", "fm_owner", "fm_key", "fm_value",
    "fr_title", "description", "priority", "nfr", "risk", "criterion", "metric", "target", "baseline",
    "index_target", "change",
)  # fmt: skip
ROW_FIELDS = (
    "title",
    "url",
    "src_path",
    "track_id",
    "status",
    "owner",
    "version",
    "date",
    "site_url",
    "site_name",
)


def prd_page(v: dict[str, str]) -> str:
    fm_value = json.dumps(v["fm_value"])
    return f"""---
owner: {json.dumps(v["fm_owner"])}
{json.dumps(v["fm_key"])}: {fm_value}
---
# PRD: {v["title"]}

**Version:** {v["version"]}
**Date:** {v["date"]}
**Track ID:** {v["track"]}
**Owner:** {v["owner"]}
**Status:** {v["status"]}
**Sponsor:** {v["sponsor"]}

## 5. Requirements

### Functional Requirements

**FR-1: {v["fr_title"]}**
- Description: {v["description"]}
- Priority: {v["priority"]}

**FR-2: Plain**
- Priority: Must

### Non-Functional Requirements

**NFR-1: {v["nfr"]}**
- Target: {v["target"]}

## 7. Risks & Mitigations

| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |
|------|----------------|---------------------|------------|
| {v["risk"]} | H | M | {v["risk"]} |

## 8. Acceptance Criteria

- [ ] {v["criterion"]}
- [x] done

## 10. IOSM Targets

### Gate-I (Improve) Targets
- {v["metric"]}: {v["target"]}

### Expected IOSM-Index
**Current baseline:** {v["baseline"]}
**Target post-implementation:** {v["index_target"]}
**Delta:** {v["baseline"]}

## Appendix

### Change Log
| Version | Date | Author | Changes |
|---------|------|--------|---------|
| {v["version"]} | {v["date"]} | Me | {v["change"]} |
"""


EXTENSIONS = ["tables", "attr_list", "admonition"]


def authored(page_text: str) -> Counter[str]:
    """Unsafe markup the author wrote: the page's own Markdown rendered without the plugin."""
    body = page_text.split("\n---\n", 1)[1] if page_text.startswith("---\n") else page_text
    return Counter(unsafe_markup(markdown.markdown(body, extensions=EXTENSIONS), marker="alert"))


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    page=st.fixed_dictionaries({k: value for k in FIELDS}),
    row=st.fixed_dictionaries({k: value for k in ROW_FIELDS}),
)
def test_no_hostile_value_becomes_script_in_a_real_build(page: dict[str, str], row: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site_url = row.pop("site_url")
        site_name = row.pop("site_name")
        index = {"schema_version": 1, "site_name": site_name, "site_url": site_url, "prds": [row]}
        (root / "other.json").write_text(json.dumps(index), encoding="utf-8")
        text = prd_page(page)
        files = {"index.md": "# Home\n\n<!-- prd-index -->\n", "prds/p.md": text}
        options = {
            "nav_status": True,
            "show_findings": "always",
            "statuses": ["Approved"],
            "include_indexes": [{"source": str(root / "other.json"), "name": page["owner"]}],
        }
        built = build_site(root, files, options)
        allowed = authored(text)
        for html_file in sorted(built.site_dir.rglob("*.html")):
            found = Counter(unsafe_markup(html_file.read_text(encoding="utf-8"), marker="alert"))
            extra = found - allowed
            assert not extra, f"{html_file.relative_to(built.site_dir)}: {sorted(extra)}"
