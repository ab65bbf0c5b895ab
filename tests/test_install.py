"""``pip install .`` into a clean venv, then the sample site builds with that venv's MkDocs.

This is the real thing, not a simulation: a fresh virtual environment (no access to
the development venv), the package built from a copy of the working tree by its own
build backend (setuptools, as pip does) and installed with its declared dependencies
resolved from the package index, plus mkdocs-material for the sample site's theme.
The installer is uv when the test venv has it (several times faster than pip), else
pip (``tests/venvs.py``).  The copy keeps setuptools' in-tree build output out of the
checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from venvs import bin_dir, install_venv, network_failure

# Started first in parallel runs (tests/conftest.py): its venv takes tens of seconds.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


def run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` outside the checkout (``python -c`` would import from the cwd)."""
    cwd = cwd or Path(os.path.dirname(str(cmd[0])))
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(bin dir of a fresh venv with the package installed, the copied source tree)."""
    base = tmp_path_factory.mktemp("install")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "mkdocs_prd", src / "mkdocs_prd", ignore=IGNORE)
    shutil.copytree(ROOT / "sample_site", src / "sample_site", ignore=IGNORE)
    env_dir = base / "venv"
    result = install_venv(env_dir, src, "mkdocs-material")
    bindir = bin_dir(env_dir)
    if network_failure(result):
        pytest.skip("no package index reachable to install the dependencies: " + result.stderr[-300:])
    assert result.returncode == 0, result.stdout + result.stderr
    return bindir, src


def test_the_clean_venv_does_not_see_the_checkout(installed: tuple[Path, Path]) -> None:
    bindir, _ = installed
    result = run(
        bindir / "python", "-c", "import mkdocs_prd, os; print(os.path.dirname(mkdocs_prd.__file__))"
    )
    assert result.returncode == 0, result.stderr
    location = Path(result.stdout.strip())
    assert "site-packages" in location.parts
    assert ROOT not in location.parents


def test_package_data_is_installed(installed: tuple[Path, Path]) -> None:
    bindir, _ = installed
    code = (
        "import importlib.resources as r, os; root = r.files('mkdocs_prd');"
        "print(sorted(os.path.relpath(str(p), str(root)) for p in root.rglob('*')))"
    )
    result = run(bindir / "python", "-c", code)
    assert result.returncode == 0, result.stderr
    names = result.stdout
    assert "py.typed" in names
    # Every data folder of the source tree ships in the wheel (templates, assets, ...).
    for folder in ("html/templates", "html/assets", "core/sitewide/schema", "core/skeleton"):
        if (ROOT / "mkdocs_prd" / folder).is_dir() and any((ROOT / "mkdocs_prd" / folder).iterdir()):
            assert folder in names, folder


def test_sample_site_builds_strict_with_the_installed_package(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    bindir, src = installed
    result = run(
        bindir / "mkdocs",
        "build",
        "--strict",
        "-f",
        src / "sample_site" / "mkdocs.yml",
        "-d",
        tmp_path / "site",
    )
    assert result.returncode == 0, result.stderr
    # The sample site holds 7 PRDs (listed in test_build_sample.py).
    assert re.search(r"mkdocs_prd: 7 PRD pages found", result.stderr), result.stderr
    assert (tmp_path / "site" / "prds" / "payments" / "refund-automation" / "index.html").is_file()


def test_the_prd_plugin_entry_point_loads(installed: tuple[Path, Path]) -> None:
    bindir, _ = installed
    code = (
        "from importlib.metadata import entry_points;"
        "ep = entry_points(group='mkdocs.plugins')['prd'];"
        "cls = ep.load(); print(cls.__module__, cls.__name__);"
        "print(entry_points(group='properdocs.plugins')['prd'].value)"
    )
    result = run(bindir / "python", "-c", code)
    assert result.returncode == 0, result.stderr
    plugin = "mkdocs_prd.adapters.mkdocs.plugin"
    assert result.stdout.split() == [plugin, "PrdPlugin", f"{plugin}:PrdPlugin"]


def test_the_console_script_runs(installed: tuple[Path, Path]) -> None:
    bindir, _ = installed
    result = run(bindir / "mkdocs-prd", "--help")
    assert result.returncode == 0, result.stderr
    assert "lint" in result.stdout
