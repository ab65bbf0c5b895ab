"""The package layout is the architecture: the core knows no host, only adapters import theirs.

Checked on the source (every ``import`` statement, including those inside functions), so a
lazy import cannot slip past: ``mkdocs_prd.core`` imports no ``mkdocs``, ``markdown`` or
``jinja2``; ``mkdocs_prd.html`` no ``mkdocs``; nothing outside ``adapters`` imports an
adapter, and only ``adapters/mkdocs`` imports ``mkdocs``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_prd"


def imported_modules(path: Path) -> set[str]:
    """Top-level dotted names of every module ``path`` imports (absolute imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", modules_under("core"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_imports_no_host_and_no_template_engine(path: Path) -> None:
    names = imported_modules(path)
    assert not _roots(names) & {"mkdocs", "properdocs", "markdown", "jinja2", "markupsafe", "zensical"}
    assert not {n for n in names if n.startswith(("mkdocs_prd.html", "mkdocs_prd.adapters"))}


@pytest.mark.parametrize("path", modules_under("html"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_html_imports_no_host_and_no_adapter(path: Path) -> None:
    names = imported_modules(path)
    assert not _roots(names) & {"mkdocs", "properdocs", "zensical"}
    assert not {n for n in names if n.startswith("mkdocs_prd.adapters")}


def test_only_the_mkdocs_adapter_imports_mkdocs() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "mkdocs" in _roots(imported_modules(path))
        and (PACKAGE / "adapters" / "mkdocs") not in path.parents
        and path.parent != PACKAGE / "adapters" / "cli"  # the CLI loads mkdocs.yml as a build does
    ]
    assert offenders == []


def test_public_api_is_importable_from_the_package_top() -> None:
    import mkdocs_prd

    for name in ("parse_prd", "build_catalog", "lint", "Finding", "Prd"):
        assert name in mkdocs_prd.__all__
        assert getattr(mkdocs_prd, name) is not None
    prd = mkdocs_prd.parse_prd("# PRD: Example\n\n**Status:** Draft\n", "example.md")
    assert isinstance(prd, mkdocs_prd.Prd)


def test_every_public_name_is_the_object_its_module_defines() -> None:
    import importlib

    import mkdocs_prd

    for name in mkdocs_prd.__all__:
        if name == "__version__":
            continue
        module = importlib.import_module(mkdocs_prd._API[name])
        assert getattr(mkdocs_prd, name) is getattr(module, name)
    assert set(mkdocs_prd.__all__) <= set(dir(mkdocs_prd))
    with pytest.raises(AttributeError):
        mkdocs_prd.no_such_name  # noqa: B018


def test_loading_the_plugin_leaves_the_linter_and_the_include_tools_unloaded() -> None:
    """A build imports what it runs: the public API loads on first use, the include tools'
    modules only for a site that configures one (each import is CPU time of every build)."""
    unwanted = (
        "mkdocs_prd.core.lint",
        "mkdocs_prd.core.sitewide.facts",
        "mkdocs_prd.core.includes",
        "mkdocs_prd.core.review.git",
        "mkdocs_prd.core.sitewide.fetch",
    )
    code = (
        "import sys, mkdocs_prd.adapters.mkdocs.plugin\n"
        f"print(sorted(m for m in sys.modules if m.startswith({unwanted!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_lsp_adapter_imports_pygls() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if _roots(imported_modules(path)) & {"pygls", "lsprotocol"}
        and (PACKAGE / "adapters" / "lsp") not in path.parents
    ]
    assert offenders == []
    assert _roots(imported_modules(PACKAGE / "adapters" / "lsp" / "server.py")) >= {"pygls", "lsprotocol"}


def test_only_the_markdown_adapter_imports_markdown() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "markdown" in _roots(imported_modules(path))
        and (PACKAGE / "adapters" / "markdown") not in path.parents
    ]
    assert offenders == []


def test_the_extension_module_only_re_exports_the_adapter() -> None:
    import mkdocs_prd.extension as ext
    from mkdocs_prd.adapters.markdown import extension as adapter

    names = imported_modules(PACKAGE / "extension.py")
    assert names == {"__future__", "mkdocs_prd.adapters.markdown.extension"}
    assert ext.makeExtension is adapter.makeExtension
