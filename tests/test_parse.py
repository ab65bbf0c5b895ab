"""Unit tests of the parser's public behaviour: decoding, detection, metadata, sections, targets."""

from __future__ import annotations

import pytest
from timing import cpu_seconds

from mkdocs_prd.core.parse.front import normalise_key
from mkdocs_prd.core.parse.iosm import parse_target
from mkdocs_prd.core.parse.prd import decode_source, is_prd, parse_prd
from mkdocs_prd.core.parse.sections import section_key, split_number

# --- decoding -------------------------------------------------------------------


def test_decode_drops_bom_and_reports_nothing() -> None:
    text, problem = decode_source(b"\xef\xbb\xbf# PRD: x\n")
    assert text == "# PRD: x\n"
    assert problem is None


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"# PRD: x\n\nok \xff bad\n", 3),
        (b"# PRD: x\r\n\r\n\xc3(\r\n", 3),  # CRLF counts once per line
        (b"a\rb\rc\xfe", 3),  # old Mac line ends
        (b"\xef\xbb\xbf\x80", 1),
    ],
)
def test_decode_reports_first_bad_byte_line(data: bytes, line: int) -> None:
    text, problem = decode_source(data)
    assert problem is not None
    assert problem.code == "encoding"
    assert problem.line == line
    assert "\ufffd" in text


_CHINESE = (
    "# PRD: 结账流程重新设计\n\n版本: 1.0\n\n## 问题陈述\n\n"
    "用户在结账过程中遇到了很多问题，一些用户放弃了购物车。\n"
)
_RUSSIAN = "# PRD: Оформление заказа\n\nВерсия: 1.0\n\n## Проблема\n\nПользователи бросают корзину.\n"


@pytest.mark.parametrize("text", ["# PRD: Wide — é 🚀\n\nVersion: 1.0\n", _CHINESE, _RUSSIAN])
@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", "UTF-16-LE"),  # with a BOM
        ("utf-16-le", "UTF-16-LE"),
        ("utf-16-be", "UTF-16-BE"),
        ("utf-32", "UTF-32-LE"),  # with a BOM
        ("utf-32-le", "UTF-32-LE"),
        ("utf-32-be", "UTF-32-BE"),
    ],
)
def test_decode_names_a_wide_encoding_with_or_without_bom(text: str, codec: str, name: str) -> None:
    decoded, problem = decode_source(text.encode(codec))
    assert decoded == text  # still read, so the page is still recognised as a PRD
    assert problem is not None and problem.code == "encoding" and problem.line == 1
    assert f"is {name} encoded" in problem.message and "\x00" not in problem.message


@pytest.mark.parametrize(
    "data",
    [
        b"# PRD: ascii\n",
        "# PRD: 中文 Оформление 🚀\n".encode(),
        b"# PRD: a NUL\x00 byte in UTF-8 text\n",
        b"\x00" * 64,  # all zero bytes: not a wide text
    ],
)
def test_decode_never_takes_utf8_for_a_wide_encoding(data: bytes) -> None:
    _text, problem = decode_source(data)
    assert problem is None


# --- detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# PRD: Checkout\n",
        "# prd: lower case\n",
        "#PRD: no blank is needed after the mark (Python-Markdown)\n",
        "PRD: Setext heading\n===\n",
        "\n\n# PRD: after blank lines\n",
        "---\nowner: x\n---\n\n# PRD: after front matter\n",
        "<!-- prd-ignore PRD401 -->\n# PRD: after a comment\n",
        "<!--\nmulti-line\n-->\n\n# PRD: after a long comment\n",
        "---\ntype: prd\n---\n# Checkout revamp\n",
        "---\ntitle: x\ntype: 'PRD'  # says so\n---\nno heading at all\n",
        "\ufeff# PRD: with a BOM\n",
        "# PRD: closing hashes ##\r\n",
    ],
)
def test_is_prd(text: str) -> None:
    assert is_prd(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# Writing a good PRD\n\nA PRD: what it is.\n",
        "# Guide\n\n# PRD: second heading\n",
        "Intro first.\n\n# PRD: then the heading\n",
        "```\n# PRD: in a code block\n```\n",
        "## PRD: level two\n",
        "   # PRD: indented is paragraph text to Python-Markdown\n",
        "    # PRD: four spaces is code\n",
        "# PRD without the colon\n",
        "---\ntype: prd\n\n# PRD: front matter never closes\n",
        "---\ntype: guide\n---\n# Guide\n",
    ],
)
def test_is_not_prd(text: str) -> None:
    assert not is_prd(text)


def test_detection_reads_only_the_top_of_a_large_page() -> None:
    page = "# Guide\n" + "text line\n" * 400_000
    assert not is_prd(page)
    # CPU time, best of three: splitting this page into lines alone takes about 0.03 s.
    assert min(cpu_seconds(lambda: is_prd(page)) for _ in range(3)) < 0.005


# --- metadata -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Track ID", "track_id"),
        ("track-id", "track_id"),
        ("TrackID", "track_id"),
        ("Date", "date"),
        ("Created", "created"),
        ("Last Updated", "last_updated"),
        (" Owner ", "owner"),
    ],
)
def test_normalise_key(label: str, key: str) -> None:
    assert normalise_key(label) == key


def test_front_matter_scalars_stay_as_written() -> None:
    prd = parse_prd(
        "---\nversion: 1.10\ntrack_id: 0042\ndate: 2026-01-17\nflag: yes\nempty:\n---\n# PRD: x\n", "p.md"
    )
    assert prd.front_matter == {
        "version": "1.10",
        "track_id": "0042",
        "date": "2026-01-17",
        "flag": "yes",
        "empty": "",
    }
    assert prd.metadata.value("version") == "1.10"
    assert prd.metadata.get("track_id") is not None
    assert [f.line for f in prd.metadata.fields] == [2, 3, 4, 5, 6]


def test_created_serves_as_date_and_header_disagreement_is_kept() -> None:
    text = (
        "---\nversion: '2.0'\n---\n# PRD: x\n\n**Version:** 1.0\n**Created:** 2026-03-01\n\n## 1. Problem\n"
    )
    prd = parse_prd(text, "p.md")
    assert prd.metadata.value("date") == "2026-03-01"
    assert prd.metadata.value("version") == "2.0"  # front matter wins
    (pair,) = prd.metadata.disagreements()
    assert (pair[0].line, pair[1].line) == (2, 6)
    assert (prd.metadata.header_start, prd.metadata.header_end) == (6, 7)


def test_header_lines_after_the_first_section_are_not_metadata() -> None:
    prd = parse_prd("# PRD: x\n**Status:** Draft\n## 1. Problem\n**Impact:** high\n", "p.md")
    assert [f.key for f in prd.metadata.fields] == ["status"]


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("a: [1, 2\nb: c\n", 2),
        ("a: b\n  c: d\n", 3),
        ("a: 'open\n", 2),
        ("- just\n- a list\n", 2),
        ("a: \x07\n", 2),
    ],
)
def test_bad_front_matter_is_a_problem_and_the_body_is_still_read(yaml_text: str, line: int) -> None:
    prd = parse_prd(f"---\n{yaml_text}---\n# PRD: Still here\n\n## 1. Problem\ntext\n", "p.md")
    (problem,) = [p for p in prd.problems if p.code == "yaml"]
    assert problem.line == line
    assert prd.title == "Still here"
    assert prd.section("problem") is not None


def test_yaml_alias_bomb_is_cut_short_quickly() -> None:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghij"):
        prev = "a" if i == 0 else "bcdefghij"[i - 1]
        rows.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 8)}]")
    text = "---\n" + "\n".join(rows) + "\n---\n# PRD: bomb\n"
    spent = cpu_seconds(lambda: parse_prd(text, "p.md"))
    assert spent < 2, f"{spent:.1f} s of CPU"
    prd = parse_prd(text, "p.md")
    assert any(p.code == "yaml" and "too large" in p.message for p in prd.problems)


def test_recursive_and_deep_yaml_do_not_hang_or_raise() -> None:
    prd = parse_prd("---\na: &a [*a]\n---\n# PRD: r\n", "p.md")
    assert prd.title == "r"
    deep = parse_prd("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n# PRD: d\n", "p.md")
    assert deep.title == "d"


def test_ignored_rules_from_front_matter_and_comments() -> None:
    text = (
        "---\nprd_ignore: prd101, PRD102\n---\n<!-- prd-ignore PRD201 -->\n# PRD: x\n"
        "Text <!-- prd-ignore prd202 prd203 --> more\n```\n<!-- prd-ignore PRD999 -->\n```\n"
    )
    assert parse_prd(text, "p.md").ignored_rules == {"PRD101", "PRD102", "PRD201", "PRD202", "PRD203"}


# --- sections -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("1. Problem", "problem"),
        ("2. Goals / Non-goals", "goals"),
        ("3. Users & Use-cases", "users"),
        ("3. Users and use cases", "users"),
        ("4. Scope (MVP / Later)", "scope"),
        ("5. Requirements", "requirements"),
        ("6. UX / API / Data", "ux"),
        ("7. Risks & Mitigations", "risks"),
        ("8. Acceptance Criteria", "acceptance"),
        ("9. Rollout / Migration plan", "rollout"),
        ("10. IOSM Targets", "iosm"),
        ("Appendix", "appendix"),
        ("Appendix: Related Links", "appendix"),
        ("7. Something else entirely", "risks"),  # unknown title: by number
        ("3. Risks", "risks"),  # a known title wins over the number
        ("11. Success Metrics", None),
        ("Glossary", None),
    ],
)
def test_section_key(heading: str, key: str | None) -> None:
    number, title = split_number(heading)
    assert section_key(number, title) == key


def test_headings_in_fences_are_not_sections_and_end_lines_skip_rules() -> None:
    text = "# PRD: x\n\n## 1. Problem\n\ntext\n\n---\n\n~~~\n## 2. Not a section\n~~~\n\n## 3. Users\n\n---\n"
    prd = parse_prd(text, "p.md")
    assert [(s.number, s.line, s.end_line, s.has_content) for s in prd.sections] == [
        ("1", 3, 11, True),
        ("3", 13, 13, False),
    ]


# --- requirements ---------------------------------------------------------------


def test_duplicate_requirement_ids_are_kept_exactly() -> None:
    text = (
        "# PRD: x\n## 5. Requirements\n### Functional Requirements\n"
        "**FR-1: A**\n- Priority: Must\n\n**FR-1: B**\n- Priority: Urgent\n\n**fr-02: C**\n"
    )
    prd = parse_prd(text, "p.md")
    assert [(r.id, r.name, r.priority, r.priority_line) for r in prd.functional] == [
        ("FR-1", "A", "Must", 5),
        ("FR-1", "B", "Urgent", 8),
        ("fr-02", "C", None, 0),
    ]


# --- IOSM targets -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("≥0.95 (clear naming)", (">=", 0.95, "", False)),
        (">= 0.95", (">=", 0.95, "", False)),
        ("≤5%", ("<=", 5.0, "%", False)),
        ("<= 200 ms", ("<=", 200.0, "ms", False)),
        ("≤15 min for new contributor", ("<=", 15.0, "min", False)),
        ("≤12 endpoints (or justify growth)", ("<=", 12.0, "endpoints", False)),
        ("at least 99.9%", (">=", 99.9, "%", False)),
        ("at most 3 s", ("<=", 3.0, "s", False)),
        ("Stable or reduced by 10%", ("reduced by", 10.0, "%", False)),
        ("Stable", ("stable", None, "", False)),
        ("< 1,000 req/s", ("<", 1000.0, "req/s", False)),
        ("= 0", ("=", 0.0, "", False)),
        ("100% of public APIs", (None, 100.0, "%", False)),
        ("0.1% error rate", (None, 0.1, "%", False)),
        ("Low", (None, None, "", True)),
        ("All TODOs in issue tracker", (None, None, "", True)),
        ("≤[X]ms", ("<=", None, "", False)),
        ("[e.g., 0.65]", (None, None, "", False)),
        ("", (None, None, "", False)),
        ("+0.17", (None, 0.17, "", False)),
        ("−0.05", (None, -0.05, "", False)),
    ],
)
def test_parse_target(raw: str, expected: tuple[str | None, float | None, str, bool]) -> None:
    assert parse_target(raw) == expected


def test_iosm_body_span_and_understood() -> None:
    text = (
        "# PRD: x\n## 10. IOSM Targets\n\n### Gate-S (Shrink) Targets\n- API surface: ≤4 endpoints\n\n"
        "**IOSM-Index target:** ≥0.80\n\n---\n\n## Appendix\n"
    )
    iosm = parse_prd(text, "p.md").iosm
    assert (iosm.line, iosm.body_start, iosm.body_end) == (2, 3, 7)
    assert iosm.understood
    assert iosm.gates == ("S",)
    assert iosm.index.target is not None and iosm.index.target.value == 0.8


def test_empty_iosm_section_is_not_understood() -> None:
    iosm = parse_prd("# PRD: x\n## 10. IOSM Targets\n\n---\n", "p.md").iosm
    assert not iosm.understood
    assert iosm.line == 2
    assert iosm.form == "none"


# --- odd inputs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line_count"),
    [
        ("", 0),
        ("\n", 1),
        ("\ufeff", 0),
        ("---", 1),
        ("---\n---", 2),
        ("#", 1),
        ("# PRD:", 1),
        ("\x00\x0b\x0c\u2028", 1),
        ("|\n|-\n|", 3),
        ("- [", 1),
        ("**", 1),
        ("```", 1),
        ("a\r\nb\rc\n", 3),
    ],
)
def test_odd_inputs_parse(text: str, line_count: int) -> None:
    prd = parse_prd(text, "odd.md")
    assert prd.path == "odd.md"
    assert prd.line_count == line_count


def test_form_feed_and_unicode_separators_do_not_break_lines() -> None:
    prd = parse_prd("# PRD: a\x0cb\u2028c\n\n## 1. Problem\n", "p.md")
    assert prd.title == "a\x0cb\u2028c"
    assert prd.sections[0].line == 3
    assert prd.line_count == 3


def test_a_wrapped_requirement_bullet_keeps_its_continuation_line() -> None:
    # Markdown's lazy continuation: the second line belongs to the bullet above it.
    text = (
        "# PRD: Wrap\n\n## 5. Requirements\n\n### Functional Requirements\n\n"
        "**FR-1: Export**\n- Description: exports the report\n  as CSV and PDF\n"
        "- Acceptance: a file downloads\nwithin two seconds\n- Priority: Must\n\n"
        "A paragraph after the block.\n"
    )
    (req,) = parse_prd(text, "w.md").functional
    values = {a.key: a.value for a in req.attributes}
    assert values == {
        "Description": "exports the report as CSV and PDF",
        "Acceptance": "a file downloads within two seconds",
        "Priority": "Must",
    }
    assert req.priority == "Must"
