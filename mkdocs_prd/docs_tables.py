"""The documentation's generated reference tables, from the code they document.

``python -m mkdocs_prd.docs_tables`` rewrites every block of the documentation pages
(``docs/**/*.md``, and ``README.md``) between
``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` for these names:

- ``config-table``: the ``prd`` plugin's options, from ``PrdConfig`` (each
  option's attribute docstring and default);
- ``rules-table``: the rule catalogue (``rules.rule_table_markdown``);
- ``labels-table``: every label key with its English default;
- ``cli-reference``: ``mkdocs-prd COMMAND --help`` of every subcommand.

``--check`` writes nothing and exits 1 when a page is out of date (the test suite
runs it), so the documentation cannot drift from the code.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import itertools
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def documentation_pages() -> list[Path]:
    """The pages that may hold generated blocks: ``README.md`` and ``docs/**/*.md``, sorted."""
    return [README, *sorted(DOCS.rglob("*.md"))]


def option_docstrings(cls: type) -> dict[str, str]:
    """``{attribute: docstring}`` for the attribute docstrings of ``cls`` (as mkdocstrings reads them)."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, after in itertools.pairwise(body):
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
        if (
            isinstance(target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[target.id] = " ".join(inspect.cleandoc(after.value.value).split())
    return docs


def _yaml_default(value: object) -> str:
    if value is None:
        return "`null`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (list, tuple)):
        if not value:
            return "`[]`"
        return "`[" + ", ".join(str(v) for v in value) + "]`"
    if isinstance(value, dict):
        return "`{}`" if not value else f"`{value}`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def config_table() -> str:
    """Markdown table of the plugin options: option, default, description."""
    from mkdocs_prd.adapters.mkdocs.config import PrdConfig

    docs = option_docstrings(PrdConfig)
    rows = ["| Option | Default | Description |", "|---|---|---|"]
    for name, option in PrdConfig._schema:
        rows.append(f"| `{name}` | {_cell(_yaml_default(option.default))} | {_cell(docs.get(name, ''))} |")
    return "\n".join(rows) + "\n"


def labels_table() -> str:
    """Markdown table of the label keys and their English defaults."""
    from mkdocs_prd.core.labels import DEFAULT_LABELS

    rows = ["| Key | English default |", "|---|---|"]
    rows += [f"| `{key}` | {_cell(text)} |" for key, text in DEFAULT_LABELS.items()]
    return "\n".join(rows) + "\n"


def rules_table() -> str:
    """The rule catalogue as a Markdown table (owned by ``rules.py``)."""
    from mkdocs_prd.core.rules.catalog import rule_table_markdown

    return rule_table_markdown()


def cli_reference() -> str:
    """Every ``mkdocs-prd`` subcommand: its description and a table of its arguments.

    Built from the argparse parsers rather than from ``--help`` output, whose layout
    changes between Python versions.
    """
    from mkdocs_prd.adapters.cli import main as cli

    parser = cli.build_parser()
    out: list[str] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            out += [f"### `mkdocs-prd {name}`", "", " ".join((sub.description or "").split()), ""]
            out += ["| Argument | Description |", "|---|---|"]
            for arg in sub._actions:
                if isinstance(arg, argparse._HelpAction) or arg.help == argparse.SUPPRESS:
                    continue
                out.append(f"| `{_cell(_invocation(arg))}` | {_cell(_help_text(arg))} |")
            out.append("")
    return "\n".join(out)


def _invocation(arg: argparse.Action) -> str:
    metavar = arg.metavar or (("{" + ",".join(map(str, arg.choices)) + "}") if arg.choices else None)
    if not arg.option_strings:
        name = str(metavar or arg.dest)
        return f"{name} ..." if arg.nargs in ("*", "+") else name
    flags = ", ".join(arg.option_strings)
    if arg.nargs == 0:
        return flags
    return f"{flags} {metavar or arg.dest.upper()}"


def _help_text(arg: argparse.Action) -> str:
    text = " ".join((arg.help or "").split())
    return text.replace("%(default)s", str(arg.default)).replace("%%", "%")


GENERATORS: dict[str, Callable[[], str]] = {
    "config-table": config_table,
    "rules-table": rules_table,
    "labels-table": labels_table,
    "cli-reference": cli_reference,
}


def update(text: str) -> str:
    """``text`` with every generated block replaced by its current content."""
    for name, generate in GENERATORS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if pattern.search(text):
            content = generate()
            text = pattern.sub(lambda m, c=content: m.group(1) + c + m.group(2), text)  # type: ignore[misc]
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the generated blocks of the pages; with ``--check``, only report drift (exit 1)."""
    parser = argparse.ArgumentParser(
        prog="python -m mkdocs_prd.docs_tables", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a page is out of date; write nothing")
    parser.add_argument(
        "pages", nargs="*", type=Path, help="pages to update (default: README.md and docs/**/*.md)"
    )
    args = parser.parse_args(argv)
    stale = 0
    for page in args.pages or documentation_pages():
        current = page.read_text(encoding="utf-8")
        wanted = update(current)
        if wanted == current:
            continue
        if args.check:
            print(f"{page} is out of date: run `python -m mkdocs_prd.docs_tables`", file=sys.stderr)
            stale += 1
            continue
        page.write_text(wanted, encoding="utf-8")
        print(f"updated {page}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
