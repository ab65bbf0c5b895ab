"""Findings and fixes in the language server protocol's terms.

LSP positions are 0-based lines and columns counted in the client's code units
(UTF-16 unless the client chose another encoding); the core counts 1-based lines and
code points in the line as :func:`~mkdocs_prd.core.parse.lines.split_lines` gives
it (after a BOM).  Every conversion goes through :class:`DocumentLines`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

from mkdocs_prd.core.model import Edit, Finding, Fix, Severity
from mkdocs_prd.core.parse.lines import split_lines
from mkdocs_prd.core.rules.base import Rule

SOURCE = "mkdocs-prd"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class DocumentLines:
    """One version of a document's text, for position conversions."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.lines: Sequence[str] = split_lines(text)
        self.codec = codec
        self.bom = text.startswith("\ufeff")

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of 1-based ``line``, code-point ``column`` (clamped to the text)."""
        if not self.lines:
            return types.Position(0, 0)
        index = min(max(line, 1), len(self.lines)) - 1
        content = self.lines[index]
        units = self.codec.client_num_units(content[: max(0, min(column, len(content)))])
        if index == 0 and self.bom:
            units += self.codec.client_num_units("\ufeff")  # the client counts the BOM as a character
        return types.Position(index, units)

    def line_range(self, line: int) -> types.Range:
        """The range of 1-based ``line`` from its first non-blank character to its end."""
        content = self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
        start = len(content) - len(content.lstrip())
        return types.Range(self.position(line, start), self.position(line, len(content)))

    def edit_range(self, edit: Edit) -> types.Range:
        return types.Range(self.position(edit.line, edit.start), self.position(edit.line, edit.end))

    def text_edits(self, fix: Fix) -> list[types.TextEdit]:
        return [types.TextEdit(self.edit_range(e), e.text) for e in fix.edits]

    def whole(self) -> types.Range:
        """The range of the whole document (for a replace-everything edit)."""
        end = len(self.lines)
        last = self.lines[-1] if self.lines else ""
        if self.text.endswith(("\n", "\r")):
            return types.Range(types.Position(0, 0), types.Position(end, 0))
        return types.Range(types.Position(0, 0), self.position(end, len(last)))


def diagnostic(finding: Finding, doc: DocumentLines) -> types.Diagnostic:
    """The diagnostic for ``finding``: its line (or its fix's span, which is more precise)."""
    if (
        finding.fix is not None
        and len(finding.fix.edits) == 1
        and finding.fix.edits[0].start != finding.fix.edits[0].end
    ):
        where = doc.edit_range(finding.fix.edits[0])
    else:
        where = doc.line_range(finding.line)
    message = finding.message + (f"\nFix: {finding.hint}" if finding.hint else "")
    return types.Diagnostic(
        range=where,
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def hover_text(findings: Iterable[Finding], rules: dict[str, Rule]) -> str:
    """Plain text for a hover over findings: rule id, severity, what the rule checks, the hint."""
    blocks: list[str] = []
    for f in findings:
        rule = rules.get(f.rule)
        lines = [f"{f.rule} ({f.severity.value}): {f.message}"]
        if rule is not None:
            lines.append(f"Rule: {rule.summary}")
        if f.hint:
            lines.append(f"Fix: {f.hint}")
        if f.fix is not None:
            lines.append(f"Quick fix available: {f.fix.title}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
