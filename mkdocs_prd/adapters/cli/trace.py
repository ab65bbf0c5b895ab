"""``mkdocs-prd trace``: print the traceability matrix without building; exit 1 on errors."""

from __future__ import annotations

import argparse
import csv
import io
import os
from dataclasses import dataclass
from typing import Any

from mkdocs_prd.adapters.cli.formats import finding_dict
from mkdocs_prd.adapters.cli.main import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_config_argument,
    require_site,
    say,
    write_out,
)
from mkdocs_prd.core.model import Finding, Severity
from mkdocs_prd.core.rules.validate import counted
from mkdocs_prd.core.safe import json_document, no_workflow_command, terminal_text
from mkdocs_prd.core.sitewide.catalog import Catalog, build_catalog, markdown_files
from mkdocs_prd.core.sitewide.index import page_url
from mkdocs_prd.core.trace.export import requirement_record
from mkdocs_prd.core.trace.model import COVERED_PRIORITIES

FORMATS = ("text", "json", "csv")
CSV_COLUMNS = (
    "id", "prd", "src_path", "line", "name", "priority", "status",
    "referenced_by", "code", "tests", "state",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``trace`` subcommand."""
    parser = subparsers.add_parser(
        "trace",
        help="print the traceability matrix: requirements, references, code, tests",
        description=(
            "Print every requirement with a site-wide id, the PRDs that reference it and, with the "
            "plugin's trace option, its code references and tests, without building. "
            "Exit status: 0 no traceability errors, 1 errors (PRD601), 2 usage or configuration error."
        ),
    )
    add_config_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the site, print the matrix in the chosen format, return the exit status."""
    site = require_site(args.config_file)
    use_directory_urls = site.site.get("use_directory_urls", True) is not False
    catalog = build_catalog(markdown_files(site.docs_dir), site.settings)
    findings = [f for f in catalog.all_findings() if f.rule.startswith("PRD6")]
    records = matrix_records(catalog, lambda src: page_url(src, use_directory_urls))
    for message in catalog.trace.messages:
        say(f"mkdocs-prd: {message}")
    if args.format == "text":
        base = os.path.dirname(os.path.abspath(site.config_file))
        paths = Paths(site.docs_dir, base, catalog.trace.project_dir or base)
        out = format_text(catalog, records, findings, paths)
    else:
        out = {"json": format_json, "csv": format_csv}[args.format](catalog, records, findings)
    write_out(out)
    return EXIT_PROBLEMS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def matrix_records(catalog: Catalog, url_of: Any) -> list[dict[str, Any]]:
    """One record per requirement (see :func:`requirement_record`) plus its PRD's title and status."""
    trace = catalog.trace
    out = []
    for t in trace.items.values():
        prd = catalog.get(t.req.path)
        record = requirement_record(t, f"{url_of(t.req.path)}#{t.req.anchor}", trace.enabled)
        record["prd"] = (prd.title if prd else "") or t.req.path
        record["status"] = prd.status if prd else None
        out.append(record)
    return out


def safe(text: object) -> str:
    """``text`` without control characters (a document cannot drive the terminal), ``##[``
    shown as ``terminal_text`` shows it (no GitHub Actions workflow command)."""
    return terminal_text("".join(ch if ch.isprintable() else " " for ch in str(text)))


def coverage_line(catalog: Catalog) -> str:
    """``Must 2 of 3 verified, Should 1 of 1 verified`` over the whole site."""
    counts: dict[str, list[int]] = {}
    for t in catalog.trace.items.values():
        if t.req.priority in COVERED_PRIORITIES:
            c = counts.setdefault(t.req.priority, [0, 0])
            c[1] += 1
            c[0] += t.verified
    return ", ".join(
        f"{p} {counts[p][0]} of {counts[p][1]} verified" for p in COVERED_PRIORITIES if p in counts
    )


@dataclass(frozen=True)
class Paths:
    """How the matrix's paths are printed: as ``mkdocs-prd lint`` prints them, relative to the
    working directory.  A page's path is relative to ``docs_dir``, a source file's or report's
    to the config's folder (``base_dir``), a code reference's ``file`` to the project folder."""

    docs_dir: str = ""
    base_dir: str = ""
    project_dir: str = ""

    def page(self, path: str) -> str:
        return _from(self.docs_dir, path)

    def file(self, path: str) -> str:
        return _from(self.base_dir, path)

    def code(self, path: str) -> str:
        return _from(self.project_dir, path)


def _from(base: str, path: str) -> str:
    if not base:
        return path
    full = os.path.join(base, *path.split("/"))
    try:
        return os.path.relpath(full).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return full


def format_text(
    catalog: Catalog, records: list[dict[str, Any]], findings: list[Finding], paths: Paths | None = None
) -> str:
    """A block per requirement, then the findings and a summary line; paths as ``paths`` prints
    them (the command: relative to the working directory, as lint; default: as recorded)."""
    paths = paths or Paths()
    out: list[str] = []
    for r in records:
        state = f"  [{r['state']}]" if r["state"] else ""
        out.append(f"{r['id']}  {r['priority'] or '-'}{state}  {safe(r['name'])}")
        page = f"{paths.page(r['src_path'])}:{r['line']}"
        out.append(f"    page: {safe(page)}  ({safe(r['prd'])}, {safe(r['status'] or '-')})")
        if r["referenced_by"]:
            out.append(f"    referenced by: {safe(', '.join(map(paths.page, r['referenced_by'])))}")
        if r["code"]:
            out.append(
                "    code: " + safe(", ".join(f"{paths.code(c['file'])}:{c['line']}" for c in r["code"]))
            )
        for x in r["tests"]:
            where = paths.file(x["report"]) + (f":{x['line']}" if x["line"] > 1 else "")
            out.append(f"    test: {x['outcome']} {safe(x['name'])} ({safe(where)})")
    for f in findings:
        where = paths.page(f.path) if catalog.get(f.path) is not None else paths.file(f.path)
        out.append(f"{safe(where)}:{f.line}: {f.severity.value} {f.rule} {safe(f.message)}")
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    summary = counted(len(records), "requirement")
    if catalog.trace.enabled:
        summary += f"; {coverage_line(catalog) or 'no requirement with a priority'}"
    out.append(f"{summary}; {counted(errors, 'error')}, {counted(len(findings) - errors, 'other finding')}")
    return "\n".join(map(no_workflow_command, out)) + "\n"


def format_json(catalog: Catalog, records: list[dict[str, Any]], findings: list[Finding]) -> str:
    """``{"requirements": [...], "findings": [...], "messages": [...]}``."""
    document = {
        "requirements": records,
        "findings": [finding_dict(f, f.path) for f in findings],
        "messages": list(catalog.trace.messages),
    }
    return json_document(document)


def _cell(value: object) -> str:
    # Spreadsheets run a cell starting with = + - @ as a formula: make it text.
    text = safe(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def format_csv(catalog: Catalog, records: list[dict[str, Any]], findings: list[Finding]) -> str:
    """One row per requirement; lists joined with ``; `` (tests as ``outcome name``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        row = {
            **r,
            "referenced_by": "; ".join(r["referenced_by"]),
            "code": "; ".join(f"{c['file']}:{c['line']}" for c in r["code"]),
            "tests": "; ".join(f"{x['outcome']} {x['name']}" for x in r["tests"]),
            "state": r["state"] or "",
            "priority": r["priority"] or "",
            "status": r["status"] or "",
        }
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return buffer.getvalue()
