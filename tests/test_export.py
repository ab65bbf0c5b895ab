"""The JSON export: written by the build, valid against the shipped schema, values as
written, and `mkdocs-prd index` printing the same without building."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import jsonschema
import pytest
from index_sites import Built, build_site, prd_text, write_site

from mkdocs_prd.adapters.cli.main import main
from mkdocs_prd.core.sitewide.export import load_schema

REPORT = """# IOSM Report

**Baseline Index:** 0.61
**Final Index:** 0.86
"""

PAGES = {
    "index.md": "# Home\n",
    "prds/a.md": prd_text(
        'Alpha "quoted" \\ <title>',
        track="0042",
        version="1.10",
        status="Approved",
        owner="Ops & Co",
        target="0.90",
        baseline="0.60",
        checked=2,
        unchecked=3,
        priorities=("Must", "Must", "Could", "Sometimes"),
    ),
    "tracks/t1/PRD.md": prd_text("Track one", track="t1", status="In Progress", date="2026-02-30"),
    "tracks/t1/iosm_report.md": REPORT,
    "prds/sub/README.md": prd_text("Readme PRD", track="r-1", owner=None),
    "notes.md": "# Notes\n\nNot a PRD.\n",
}


@pytest.fixture(scope="module", params=[True, False], ids=["dir-urls", "html-urls"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("export")
    config = write_site(root, PAGES, use_directory_urls=request.param, site_url="https://example.org/docs")
    return build_site(config, root / "site")


def entries(site: Built) -> dict[str, dict[str, object]]:
    data = json.loads(site.page("prd-index.json"))
    return {p["src_path"]: p for p in data["prds"]}


def test_valid_against_the_shipped_schema(site: Built) -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(site.page("prd-index.json"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == 2 and data["site_name"] == "Index test"
    assert data["site_url"] == "https://example.org/docs/"
    assert [p["src_path"] for p in data["prds"]] == ["prds/a.md", "prds/sub/README.md", "tracks/t1/PRD.md"]


def test_schema_rejects_what_is_not_the_format() -> None:
    validator = jsonschema.Draft202012Validator(load_schema())
    good = {"schema_version": 1, "prds": []}
    assert validator.is_valid(good)
    assert validator.is_valid({"schema_version": 2, "prds": []})  # 2 adds optional verified / trace
    assert not validator.is_valid({"schema_version": 3, "prds": []})
    assert not validator.is_valid({"schema_version": 1, "prds": [{"title": "x"}]})


def test_values_stay_strings_as_written(site: Built) -> None:
    a = entries(site)["prds/a.md"]
    assert a["title"] == 'Alpha "quoted" \\ <title>'
    assert (a["track_id"], a["version"], a["owner"], a["status"]) == ("0042", "1.10", "Ops & Co", "Approved")
    assert a["iosm"] == {"baseline": "0.60", "target": "0.90", "delta": "+0.30", "actual": None}
    assert a["acceptance"] == {"checked": 2, "total": 5}
    assert a["requirements"] == {"must": 2, "should": 0, "could": 1, "other": 1}
    t1 = entries(site)["tracks/t1/PRD.md"]
    assert t1["date"] == "2026-02-30" and t1["status"] == "In Progress"
    assert t1["iosm"]["actual"] == "0.86"  # from iosm_report.md beside it


def test_findings_counted(site: Built) -> None:
    e = entries(site)
    assert e["prds/sub/README.md"]["findings"]["error"] >= 1  # Owner missing
    assert e["tracks/t1/PRD.md"]["findings"]["error"] >= 2  # bad date, unknown status
    assert e["prds/a.md"]["findings"] == {"error": 1, "warning": 0, "info": 0}  # PRD302: "Sometimes"


def test_urls_follow_the_url_style(site: Built) -> None:
    e = entries(site)
    flat = (site.site_dir / "prds/a.html").exists()
    assert e["prds/a.md"]["url"] == ("prds/a.html" if flat else "prds/a/")
    assert e["prds/sub/README.md"]["url"] == ("prds/sub/index.html" if flat else "prds/sub/")
    for entry in e.values():
        target = site.site_dir / str(entry["url"])
        assert (target / "index.html" if str(entry["url"]).endswith("/") else target).is_file()


def test_cli_prints_the_same_json_without_building(site: Built) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["index", "-f", str(site.site_dir.parent / "mkdocs.yml")])
    assert status == 0
    assert out.getvalue() == site.page("prd-index.json")


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "-f", str(tmp_path / "missing.yml")]) == 2
    assert "config file not found" in capsys.readouterr().err
    config = write_site(tmp_path, {"index.md": "# x\n"}, {"sort_by": "size"})
    assert main(["index", "-f", str(config)]) == 2
    assert "sort_by" in capsys.readouterr().err
