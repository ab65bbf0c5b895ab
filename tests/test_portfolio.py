"""Portfolio across sites: other sites' prd-index.json merged into the index, from local
files and from a server on 127.0.0.1; unreachable or invalid sources never fail a build."""

from __future__ import annotations

import functools
import json
import re
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from index_sites import build_site, prd_text, write_site

from mkdocs_prd.core.sitewide.portfolio import IndexSource, load_source, merge_rows, parse_sources

OWN = {"index.md": "# Home\n", "prds/own.md": prd_text("Our own", track="own-1", status="Approved")}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real other site, built; its site_dir holds the prd-index.json to merge."""
    root = tmp_path_factory.mktemp("other")
    pages = {
        "index.md": "# Other\n",
        "prds/x.md": prd_text("Remote <X>", track="x-1", status="Review", owner="Billing"),
        "prds/y.md": prd_text("Remote Y", track="x-2", status="Approved", owner="Billing", version="2.10"),
    }
    config = write_site(root, pages, site_name="Billing docs")
    return build_site(config, root / "site").site_dir


@pytest.fixture(scope="module")
def server(other_site: Path) -> Iterator[str]:
    """``other_site`` served on 127.0.0.1 (a free port) under the sub-path /billing/."""
    www = other_site.parent / "www"
    www.mkdir(exist_ok=True)
    if not (www / "billing").exists():
        (www / "billing").symlink_to(other_site, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(www))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def index_links(html: str) -> list[tuple[str, str]]:
    tables = "".join(re.findall(r'<table class="prd-index__table".*?</table>', html, re.S))
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]*)</a>', tables)


def test_merges_local_file_and_remote_url(tmp_path: Path, other_site: Path, server: str) -> None:
    sources = [
        {
            "source": str(other_site / "prd-index.json"),
            "name": "Billing (local)",
            "url": "https://docs.example.org/billing",
        },
        f"{server}/billing/prd-index.json",
    ]
    config = write_site(tmp_path, OWN, {"include_indexes": sources})
    built = build_site(config, tmp_path / "site", strict=True)
    page = built.page("prds/index.html")
    cols = re.findall(r'data-prd-col="(\w+)"', page)
    assert cols[:2] == ["title", "site"]
    links = index_links(page)
    assert ("own/", "Our own") in links
    assert ("https://docs.example.org/billing/prds/x/", "Remote &lt;X&gt;") in links
    assert (f"{server}/billing/prds/y/", "Remote Y") in links
    assert len(links) == 5
    assert page.count('data-prd-site="Billing (local)"') == 2
    assert page.count('data-prd-site="Billing docs"') == 2  # the remote's own site_name
    # Our own PRDs' Site cell names this site (it was empty, which read as "unknown").
    own_rows = [
        row for row in re.findall(r"<tr data-prd-key=.*?</tr>", page, re.S) if "data-prd-site" not in row
    ]
    assert own_rows and all(
        re.search(r'<td data-label="Site" data-prd-sort="Index test">Index test</td>', row)
        for row in own_rows
    ), own_rows
    # The merged PRDs stay with their site: our export holds only our own.
    own = json.loads(built.page("prd-index.json"))
    assert [p["src_path"] for p in own["prds"]] == ["prds/own.md"]


def test_remote_link_targets_exist(other_site: Path, server: str) -> None:
    loaded = load_source(IndexSource(f"{server}/billing/prd-index.json"), ".")
    assert not loaded.messages
    import urllib.request

    for row in loaded.rows:
        assert row.url is not None and row.url.startswith(f"{server}/billing/prds/")
        with urllib.request.urlopen(row.url, timeout=5) as response:
            assert response.status == 200
    assert {r.version for r in loaded.rows} == {"1.0", "2.10"}


def test_unreachable_and_invalid_sources_warn_and_the_strict_build_goes_on(
    tmp_path: Path, server: str
) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "wrong.json").write_text(json.dumps({"schema_version": 7, "prds": []}), encoding="utf-8")
    sources = [
        f"http://127.0.0.1:{closed_port()}/prd-index.json",
        f"{server}/missing/prd-index.json",
        "broken.json",
        "wrong.json",
        "nowhere.json",
    ]
    config = write_site(tmp_path, OWN, {"include_indexes": sources})
    built = build_site(config, tmp_path / "site", strict=True)
    notes = built.logged(20, "warning: include_indexes:")
    assert len(notes) == 5, notes
    assert "HTTP 404" in notes[1] and "not valid JSON" in notes[2] and "schema_version is 7" in notes[3]
    assert all(n.endswith("skipped") for n in notes)
    assert [t for _, t in index_links(built.page("prds/index.html"))] == ["Our own"]


def test_a_silent_server_times_out(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection, never answers
        port = listener.getsockname()[1]
        loaded = load_source(
            IndexSource(f"http://127.0.0.1:{port}/prd-index.json", timeout=0.3), str(tmp_path)
        )
    assert loaded.rows == () and "timed out" in loaded.messages[0]


def test_invalid_entries_are_skipped_not_fatal() -> None:
    data = {
        "schema_version": 1,
        "site_url": "https://s.example/",
        "prds": [
            {"title": "ok", "url": "a/", "src_path": "a.md", "status": "Draft", "findings": {"error": 2}},
            {"title": 5, "url": "b/"},
            "not an entry",
            {"title": "bad status", "url": "c/", "status": 3},
            {"title": "no link", "url": None, "iosm": {"target": "≥0.85"}},
        ],
    }
    loaded = merge_rows(data, IndexSource("s.json"))
    assert [r.title for r in loaded.rows] == ["ok", "no link"]
    assert loaded.rows[0].url == "https://s.example/a/" and loaded.rows[0].findings.error == 2
    assert loaded.rows[1].url is None and loaded.rows[1].iosm.target_value == 0.85
    assert loaded.messages == ("include_indexes: s.json: skipped invalid entries 2, 3, 4",)
    assert merge_rows([1, 2], IndexSource("s.json")).messages[0].endswith("(no 'prds' list); skipped")


def test_parse_sources() -> None:
    assert parse_sources(None) == []
    assert parse_sources(["a.json", {"source": "https://x/prd-index.json", "name": "X", "timeout": 2}]) == [
        IndexSource("a.json"),
        IndexSource("https://x/prd-index.json", "X", None, 2.0),
    ]
    for bad, message in [
        ("a.json", "expected a list"),
        ([{"path": "a"}], "unknown key"),
        ([{"source": ""}], "'source'"),
        ([{"source": "a", "timeout": 0}], "timeout"),
        ([{"source": "a", "name": 3}], "'name'"),
        ([3], "entry 1"),
    ]:
        with pytest.raises(ValueError, match=message):
            parse_sources(bad)


def test_merged_and_unlisted_statuses_get_colours_of_their_own(tmp_path: Path) -> None:
    # The index's status chart shows our statuses and the merged sites': each status that
    # no CSS colours (outside the template's four, not in status_colors) gets a spare colour
    # of its own in the generated stylesheet, so no two segments share the old neutral grey.
    other = tmp_path / "other.json"
    entry = {"url": "s/", "src_path": "s.md", "status": "Sunset"}
    other.write_text(json.dumps({"schema_version": 1, "prds": [{"title": "S", **entry}]}), encoding="utf-8")
    pages = {**OWN, "prds/parked.md": prd_text("Parked", track="p-1", status="Parked")}
    plugin = {
        "include_indexes": [str(other)],
        "statuses": ["Draft", "Review", "Approved", "Implemented", "Retired"],
    }
    built = build_site(write_site(tmp_path, pages, plugin), tmp_path / "site")
    css = built.page("assets/prd/prd.css")
    found = dict(re.findall(r"\.prd-status--([\w-]+), [^{]*\{ --prd-status-bg: (#[0-9a-f]{6});", css))
    assert {"retired", "parked", "sunset"} <= found.keys(), found
    spare = [found[k] for k in ("retired", "parked", "sunset")]
    assert len(set(spare)) == 3 and not set(spare) & {found["draft"], found["approved"]}
    assert 'class="prd-chart__seg prd-status--sunset"' in built.page("prds/index.html")
