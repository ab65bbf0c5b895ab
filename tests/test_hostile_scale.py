"""Site-wide findings stay in proportion to the site.

PRD106 named every other file with the same Track ID in each of its messages: a site of
4,000 copies of one PRD (a template copied with its Track ID) printed 256 MB in 106 s.
Each message now names the first five others and counts the rest.
"""

from __future__ import annotations

from mkdocs_prd.core.rules.meta import MAX_NAMED
from mkdocs_prd.core.settings import Settings, Translations
from mkdocs_prd.core.sitewide.catalog import build_catalog


def page(track_id: str) -> bytes:
    return f"# PRD: Copy\n\n**Track ID:** {track_id}\n**Owner:** Ana\n**Status:** Draft\n".encode()


def prd106(pages: list[tuple[str, bytes]], settings: Settings | None = None) -> dict[str, str]:
    catalog = build_catalog(pages, settings or Settings())
    return {f.path: f.message for f in catalog.all_findings() if f.rule == "PRD106"}


def test_a_big_group_names_the_first_others_and_counts_the_rest() -> None:
    n = 1000
    found = prd106([(f"prds/p{i:04d}.md", page("same")) for i in range(n)])
    assert len(found) == n
    assert found["prds/p0000.md"] == (
        "Track ID `same` is also used by prds/p0001.md, prds/p0002.md, prds/p0003.md, "
        f"prds/p0004.md, prds/p0005.md and {n - 1 - MAX_NAMED} other PRDs"
    )
    assert found[f"prds/p{n - 1:04d}.md"].startswith("Track ID `same` is also used by prds/p0000.md, ")
    assert all(len(message) < 200 for message in found.values())


def test_a_small_group_names_every_other_file() -> None:
    pages = [(f"prds/p{i}.md", page("same")) for i in range(MAX_NAMED + 1)]
    found = prd106(pages)
    assert found["prds/p0.md"] == "Track ID `same` is also used by " + ", ".join(p for p, _ in pages[1:])


def test_translations_of_a_page_are_neither_named_nor_counted() -> None:
    settings = Settings(translations=Translations("suffix", ("en", "fr", "de"), "en"))
    pages = [(f"prds/{name}.md", page("same")) for name in ("a", "a.fr", "a.de", "b", "b.fr")]
    found = prd106(pages, settings)
    named = {path: set(message.split(" used by ")[1].split(", ")) for path, message in found.items()}
    assert named["prds/a.fr.md"] == {"prds/b.md", "prds/b.fr.md"}
    assert named["prds/b.md"] == {"prds/a.md", "prds/a.fr.md", "prds/a.de.md"}
    alone = prd106([(p, t) for p, t in pages if p.startswith("prds/a")], settings)
    assert alone == {}
