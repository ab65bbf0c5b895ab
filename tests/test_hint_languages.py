"""A hint asks for a missing section or subsection in the language the page's section titles are
written in (drift10): ``Add a `## Anhang` section`` on a German page, not ``## Appendix``; and
what it asks for is what the parser reads as that section or part, so following it fixes the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.sections import subsection_key, title_key
from mkdocs_prd.core.rules.languages import LOCAL_PARTS, LOCAL_SECTIONS
from mkdocs_prd.core.rules.structure import _PART_KEYS, TEMPLATE_SECTIONS
from mkdocs_prd.core.rules.validate import check_page
from mkdocs_prd.core.settings import Settings

CLEAN = (Path(__file__).parent / "golden" / "rules" / "clean.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", list(LOCAL_SECTIONS))
def test_every_local_title_is_read_as_its_section_and_part(language: str) -> None:
    for key, title in LOCAL_SECTIONS[language].items():
        assert title_key(title) == key, title
    for part, title in LOCAL_PARTS[language].items():
        assert subsection_key(title) == _PART_KEYS[part], title


def localised(language: str) -> str:
    """The clean PRD with its section titles in ``language``."""
    titles = {title: key for key, (_, title) in TEMPLATE_SECTIONS.items()}

    def one(m: re.Match[str]) -> str:
        key = titles[m.group(2)]
        return f"## {m.group(1) or ''}{LOCAL_SECTIONS[language][key]}"

    return re.sub(r"^## ((?:[0-9]+\. )?)(.+)$", one, CLEAN, flags=re.MULTILINE)


def hints(text: str, rule: str) -> list[str]:
    return [f.hint for f in check_page(parse_prd(text, "prd.md"), text, Settings()) if f.rule == rule]


@pytest.mark.parametrize("language", list(LOCAL_SECTIONS))
def test_a_localised_page_gets_no_finding(language: str) -> None:
    assert hints(localised(language), "PRD201") == hints(localised(language), "PRD204") == []


@pytest.mark.parametrize("language", list(LOCAL_SECTIONS))
@pytest.mark.parametrize("key", ["appendix", "risks"])
def test_a_missing_section_is_asked_for_in_the_pages_language(language: str, key: str) -> None:
    text = localised(language)
    title = LOCAL_SECTIONS[language][key]
    start = text.index(f"{'7. ' if key == 'risks' else ''}{title}\n") - 3
    end = text.find("\n## ", start + 3)
    gap = text[:start] + (text[end + 1 :] if end > 0 else "")
    heading = f"{'7. ' if key == 'risks' else ''}{title}"
    assert hints(gap, "PRD201") == [
        f"Add a `## {heading}` section (see the PRD template), or drop `{key}` from `required_sections`"
    ]


@pytest.mark.parametrize("language", list(LOCAL_SECTIONS))
def test_a_missing_part_is_asked_for_in_the_pages_language(language: str) -> None:
    text = localised(language)
    start = text.index("### Use Cases")
    text = text[:start] + text[text.index("\n## ", start) + 1 :]
    local = LOCAL_PARTS[language]["Use Cases"]
    assert hints(text, "PRD204") == [
        f"Add a `### {local}` subsection (or a `**{local}:**` line over its list)"
    ]


def test_an_english_page_is_asked_in_the_templates_words() -> None:
    start = CLEAN.index("## Appendix")
    assert hints(CLEAN[:start], "PRD201") == [
        "Add a `## Appendix` section (see the PRD template), or drop `appendix` from `required_sections`"
    ]
