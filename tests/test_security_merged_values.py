"""Merged index rows (``include_indexes``) are validated, not only escaped: v1 and v2 entries.

Hypothesis feeds hostile values into every numeric and text field of another site's
entry; every merged row must then hold sensible values (0 <= checked <= total,
IOSM-Index scores finite in 0-1, no control characters, bounded text), and each
value put right is named in a message with the source and the field.  A real build
shows the fixed values on the index page.
"""

from __future__ import annotations

import json
import logging
import math
import re
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from index_sites import build_site, write_site

from mkdocs_prd.core.sitewide.index import IndexRow
from mkdocs_prd.core.sitewide.merged_values import MAX_COUNT, MAX_ENTRIES, MAX_TEXT, MAX_URL, score_value
from mkdocs_prd.core.sitewide.portfolio import IndexSource, merge_rows

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SOURCE = IndexSource("evil.json")

hostile_number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=5),
    st.sampled_from([2**63, -1, 0, 1, 5, 10**7]),
)
hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\x1b[31mred", "a\u202eb", "x\x00y", "line\nbreak", "\x9b2J", "é" * 700]),
)
score_text = st.one_of(
    hostile_text,
    st.sampled_from(
        ["NaN", "nan", "-inf", "Infinity", "99", "0.85", "+0.10", "-3", "≥ 0.8", "1e400", "85%", "n/a"]
    ),
    st.floats().map(str),
)


def entries(version: int) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, Any] = {
        "title": hostile_text,
        "src_path": hostile_text,
        **{k: st.one_of(st.none(), hostile_text) for k in ("track_id", "status", "owner", "version", "date")},
        "iosm": st.fixed_dictionaries({k: score_text for k in ("baseline", "target", "delta", "actual")}),
        "acceptance": st.fixed_dictionaries({"checked": hostile_number, "total": hostile_number}),
        "requirements": st.fixed_dictionaries(
            {k: hostile_number for k in ("must", "should", "could", "other")}
        ),
        "findings": st.fixed_dictionaries({k: hostile_number for k in ("error", "warning", "info")}),
    }
    if version == 2:
        fields["verified"] = st.one_of(
            st.none(), st.fixed_dictionaries({"verified": hostile_number, "total": hostile_number})
        )
    return st.fixed_dictionaries(fields)


def assert_sensible(row: IndexRow) -> None:
    assert 0 <= row.acceptance_checked <= row.acceptance_total <= MAX_COUNT
    if row.verified is not None:
        assert 0 <= row.verified[0] <= row.verified[1] <= MAX_COUNT
    counts = [*vars_of(row.requirements), *vars_of(row.findings)]
    assert all(type(c) is int and 0 <= c <= MAX_COUNT for c in counts)
    for name in ("baseline", "target", "delta", "actual"):
        value = getattr(row.iosm, name)
        number = score_value(value)
        if number is not None:
            low = -1.0 if name == "delta" else 0.0
            assert math.isfinite(number) and low <= number <= 1.0, (name, value)
    assert row.iosm.target_value == score_value(row.iosm.target)
    texts = [row.title, row.src_path, row.track_id, row.status, row.owner, row.version, row.date, row.site]
    texts += [getattr(row.iosm, k) for k in ("baseline", "target", "delta", "actual")]
    for text in texts:
        assert text is None or (not CONTROL.search(text) and len(text) <= MAX_TEXT), text


def vars_of(counts: object) -> list[int]:
    return [getattr(counts, k) for k in counts.__slots__]  # type: ignore[attr-defined]


@settings(max_examples=80, deadline=None, derandomize=True)
@given(version=st.sampled_from([1, 2]), data=st.data(), site_name=hostile_text)
def test_hostile_entries_merge_into_sensible_rows(version: int, data: st.DataObject, site_name: str) -> None:
    rows = data.draw(st.lists(entries(version), min_size=1, max_size=3))
    document = {"schema_version": version, "site_name": site_name, "prds": rows}
    # Through JSON, as a file would arrive (NaN and Infinity are what Python's json writes for them).
    loaded = merge_rows(json.loads(json.dumps(document)), SOURCE)
    assert len(loaded.rows) == len(rows)
    for row in loaded.rows:
        assert_sensible(row)
    for message in loaded.messages:
        assert message.startswith("include_indexes: evil.json: ")
        assert not CONTROL.search(message)


def test_each_correction_names_the_entry_and_field() -> None:
    entry = {
        "title": "T\x1b[2J",
        "owner": "\x1b[31mred",
        "iosm": {"target": "99", "actual": "NaN", "baseline": "0.7", "delta": "+0.10"},
        "acceptance": {"checked": 5, "total": 2},
        "verified": {"verified": 3, "total": 1},
        "findings": {"error": -4, "warning": 1.5, "info": True},
    }
    loaded = merge_rows({"schema_version": 2, "prds": [{"title": "fine"}, entry]}, SOURCE)
    fine, row = loaded.rows
    assert (fine.acceptance_checked, fine.acceptance_total, fine.iosm.target) == (0, 0, None)
    assert (row.acceptance_checked, row.acceptance_total, row.verified) == (2, 2, (1, 1))
    assert (row.iosm.target, row.iosm.actual, row.iosm.baseline, row.iosm.delta) == (
        None,
        None,
        "0.7",
        "+0.10",
    )
    assert row.iosm.target_value is None
    assert (row.title, row.owner) == ("T[2J", "[31mred")
    assert (row.findings.error, row.findings.warning, row.findings.info) == (0, 0, 0)
    (message,) = loaded.messages
    for part in (
        "entry 2 acceptance.checked 5 is more than acceptance.total 2; shown as 2",
        "entry 2 verified.verified 3 is more than verified.total 1",
        "entry 2 iosm.target '99' is outside 0-1; dropped",
        "entry 2 iosm.actual 'NaN' is not a finite number; dropped",
        "entry 2 owner '\\x1b[31mred' has control characters; removed",
        "entry 2 findings.error -4 is not a count",
        "entry 2 findings.info True is not a count",
    ):
        assert part in message, part
    assert "entry 1" not in message  # a missing group is no error (older, hand-written indexes)
    assert "\x1b" not in message


def test_correct_values_pass_unchanged_and_quietly() -> None:
    entry = {
        "title": "Ünïcode — 多言語 title",
        "owner": "Ana / Billing",
        "iosm": {"baseline": "0.71", "target": "≥ 0.85", "delta": "-0.05", "actual": "85%"},
        "acceptance": {"checked": 3, "total": 3},
        "requirements": {"must": 2, "should": 0, "could": 1, "other": 0},
        "verified": {"verified": 0, "total": 4},
    }
    loaded = merge_rows({"schema_version": 2, "prds": [entry]}, SOURCE)
    (row,) = loaded.rows
    assert loaded.messages == ()
    assert (row.title, row.owner) == (entry["title"], entry["owner"])
    assert (row.iosm.baseline, row.iosm.target, row.iosm.delta, row.iosm.actual) == (
        "0.71",
        "≥ 0.85",
        "-0.05",
        "85%",
    )
    assert row.iosm.target_value == 0.85
    assert (row.acceptance_checked, row.acceptance_total, row.verified) == (3, 3, (0, 4))


def test_a_real_build_shows_the_validated_values(tmp_path: Path) -> None:
    evil = {
        "schema_version": 1,
        "site_name": "Other\x1b]0;title\x07",
        "prds": [
            {
                "title": "Evil",
                "url": "evil/",
                "owner": "\x1b[31mred",
                "status": "Approved",
                "acceptance": {"checked": 5, "total": 2},
                "iosm": {"target": "99", "actual": "NaN"},
            }
        ],
    }
    (tmp_path / "evil.json").write_text(json.dumps(evil), encoding="utf-8")
    config = write_site(
        tmp_path, {"index.md": "# Home\n\n<!-- prd-index -->\n"}, {"include_indexes": ["evil.json"]}
    )
    built = build_site(config, tmp_path / "site")
    html = built.page("index.html")
    assert "Evil" in html and "[31mred" in html
    assert "width: 100%" in html and "250%" not in html
    assert "NaN" not in html and ">99" not in html
    assert not CONTROL.search(html.replace("\n", "").replace("\t", "").replace("\r", ""))
    # Logged as info, like an unreachable source: another site's data must not fail `--strict`.
    warnings = "\n".join(built.logged(logging.INFO, "include_indexes: evil.json"))
    assert "evil.json" in warnings and "acceptance.checked 5 is more than acceptance.total 2" in warnings
    assert "iosm.target '99' is outside 0-1" in warnings


def test_a_huge_index_is_bounded_in_entries_and_link_length() -> None:
    # 1e6 one-field entries are 14 MB of JSON, under the size cap: at 0.1 ms an entry
    # they would take minutes to merge and make a page of a million rows.
    entries: list[Any] = [{"title": "a", "url": "x/"}] * 1_000_000
    entries[0] = {"title": "long", "url": "x/" * MAX_URL}
    entries[1] = {"title": "deep", "url": {"nested": [{"a": "b"}]}, "owner": ["x"]}
    loaded = merge_rows({"schema_version": 2, "site_url": "https://a.example/", "prds": entries}, SOURCE)
    assert len(loaded.rows) == MAX_ENTRIES - 1  # the nested entry is skipped, no entry after the cap read
    assert loaded.rows[0].url is None and loaded.rows[1].url == "https://a.example/x/"
    message = " | ".join(loaded.messages)
    assert f"1000000 entries; the first {MAX_ENTRIES} merged, the rest left out" in message
    assert f"entry 1 url '{'x/' * 19}x…' is longer than {MAX_URL} characters" in message
    assert "skipped invalid entry 2" in message
    assert "is not an http(s)" not in message  # the long link is named once, for its length


def test_a_site_url_longer_than_a_link_gives_no_links() -> None:
    site_url = "https://a.example/" + "x" * MAX_URL
    data = {"schema_version": 2, "site_url": site_url, "prds": [{"title": "A", "url": "a/"}]}
    loaded = merge_rows(data, SOURCE)
    assert loaded.rows[0].url is None
    assert any("the site URL is not http(s) (or is longer than" in m for m in loaded.messages)
