"""Reading JUnit XML reports: which requirements each test case names, and its outcome.

MkDocs-free.  Every test runner writes JUnit XML (pytest ``--junitxml``, jest-junit,
Vitest, Maven Surefire, Go's gotestsum …).  A ``testcase`` names the ids it verifies
in its ``name``, its ``classname``, or a ``<property name="requirements"
value="id, id"/>`` (what pytest's ``record_property("requirements", …)`` writes).
Its outcome is ``failed`` with a ``failure`` or ``error`` child, ``skipped`` with a
``skipped`` child, else ``passed``.

Reports are parsed with ``defusedxml``'s SAX parser: a report that declares
entities or a DTD is refused (no entity expansion, no external fetches), and a
malformed one is reported, never raised.  One streaming pass per report.
"""

from __future__ import annotations

import xml.sax
import xml.sax.handler
from dataclasses import dataclass, field
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml
import defusedxml.sax

from mkdocs_prd.core.trace.ids import IdHit, find_ids

REQUIREMENT_PROPERTIES = frozenset({"requirements", "requirement", "verifies"})
"""``property`` names whose value lists requirement ids."""


@dataclass
class Case:
    """One test case: ``name``, ``classname``, 1-based ``line`` of its element, ``outcome``,
    and the qualified ids it names with the line each was written on."""

    name: str
    classname: str
    line: int
    outcome: str = "passed"
    ids: list[tuple[IdHit, int]] = field(default_factory=list)


class _Handler(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.cases: list[Case] = []
        self.current: Case | None = None
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def _line(self) -> int:
        return (self.locator.getLineNumber() or 1) if self.locator is not None else 1

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        local = name.rsplit(":", 1)[-1]
        if local == "testcase":
            case = Case(attrs.get("name", ""), attrs.get("classname", ""), self._line())
            for text in (case.name, case.classname):
                case.ids.extend((hit, case.line) for hit in find_ids(text))
            self.current = case
            self.cases.append(case)
        elif self.current is None:
            return
        elif local in ("failure", "error"):
            self.current.outcome = "failed"
        elif local == "skipped" and self.current.outcome != "failed":
            self.current.outcome = "skipped"
        elif local == "property" and attrs.get("name", "").strip().lower() in REQUIREMENT_PROPERTIES:
            line = self._line()
            self.current.ids.extend((hit, line) for hit in find_ids(attrs.get("value", "")))

    def endElement(self, name: str) -> None:
        if name.rsplit(":", 1)[-1] == "testcase":
            self.current = None


def read_report(data: bytes) -> tuple[list[Case], str | None]:
    """The test cases of a JUnit XML report, and a problem text when it could not all be read."""
    handler = _Handler()
    try:
        defusedxml.sax.parseString(data, handler, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        return handler.cases, "refused: the report declares a DTD or entities"
    except xml.sax.SAXParseException as exc:
        return handler.cases, f"not valid XML (line {exc.getLineNumber()}: {exc.getMessage()})"
    except (xml.sax.SAXException, ValueError) as exc:
        return handler.cases, f"cannot be read ({exc})"
    return handler.cases, None
