"""Where the plugin writes (``json_export`` below site_dir; ``index_page`` and ``trace.page``
below docs_dir, in memory) is a plain relative path: no ``..``, no absolute path, no
Windows drive (``C:/x.json`` would leave the site there) and no control character (a
NUL byte would stop the build with a traceback).  Anything else is a config error
naming the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort, ConfigurationError

from mkdocs_prd.adapters.mkdocs.config import OutputPath

BAD = ["../x.json", "/abs/x.json", "C:/x.json", "c:x.json", "C:\\x.json", "a\x00.json", "a\nb.json"]
BAD += ["\x1b[2J.json", "a/\udcff.json"]


@pytest.mark.parametrize("value", BAD)
def test_an_output_path_that_could_leave_the_site_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match=r"Expected a relative path ending in \.json"):
        OutputPath("prd-index.json", ".json").run_validation(value)


@pytest.mark.parametrize("value", ["prd-index.json", "./out/prd-index.json", "a.b/x.json", "多言語/x.json"])
def test_plain_relative_paths_pass(value: str) -> None:
    assert OutputPath("prd-index.json", ".json").run_validation(value) == value.removeprefix("./")


@pytest.mark.parametrize("option", [{"json_export": "a\x00.json"}, {"index_page": "C:/i.md"}])
def test_the_build_stops_with_a_config_error_not_a_traceback(tmp_path: Path, option: dict[str, str]) -> None:
    with pytest.raises((ConfigurationError, Abort)):
        build_site(tmp_path, {"index.md": "# Home\n"}, option)
