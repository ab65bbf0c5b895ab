"""Small real sites for the PRD index tests: PRD texts, a site writer, an in-process build."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config


def prd_text(
    title: str,
    *,
    track: str | None = "t-1",
    status: str | None = "Draft",
    owner: str | None = "Team A",
    version: str = "1.0",
    date: str = "2026-01-17",
    target: str = "0.82",
    baseline: str = "0.65",
    checked: int = 1,
    unchecked: int = 1,
    priorities: tuple[str, ...] = ("Must", "Should"),
) -> str:
    """A PRD that follows the template; ``None`` leaves a metadata line out."""
    meta = [f"**Version:** {version}", f"**Date:** {date}"]
    if track is not None:
        meta.append(f"**Track ID:** {track}")
    if owner is not None:
        meta.append(f"**Owner:** {owner}")
    if status is not None:
        meta.append(f"**Status:** {status}")
    frs = "\n\n".join(
        f"**FR-{i}: Capability {i}**\n- Description: does {i}\n- Acceptance: verified {i}\n- Priority: {p}"
        for i, p in enumerate(priorities, 1)
    )
    categories = ("Performance", "Security", "Reliability", "Scalability", "Maintainability")
    nfrs = "\n\n".join(f"**NFR-{i}: {name}**\n- Target: fine" for i, name in enumerate(categories, 1))
    boxes = "\n".join(["- [x] done item"] * checked + ["- [ ] open item"] * unchecked)
    delta = f"{float(target) - float(baseline):+.2f}"
    return f"""# PRD: {title}

{chr(10).join(meta)}

---

## 1. Problem

**Current state:** slow.

**Impact:** users.

**Why now:** budget.

## 2. Goals / Non-goals

### Goals
1. Faster

### Non-Goals (explicitly out of scope for MVP)
- Nothing else

## 3. Users & Use Cases

### Primary Personas
1. **Operator**
   - Role: runs it
   - Pain point: waits
   - Value: time

### Use Cases
1. **UC-1: Run**
   - Actor: operator
   - Trigger: click
   - Flow: runs
   - Outcome: done

## 4. Scope

### MVP (Must-Have)
- Core

### V1.1 (Should-Have)
- More

### Future (Could-Have)
- Later

## 5. Requirements

### Functional Requirements

{frs}

### Non-Functional Requirements

{nfrs}

## 6. UX / API / Data

Plain API.

## 7. Risks & Mitigations

| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |
|------|----------------|---------------------|------------|
| Latency | H | M | Cache |

## 8. Acceptance Criteria

### Functional Acceptance
{boxes}

## 9. Rollout / Migration Plan

Canary.

## 10. IOSM Targets

### Gate-I (Improve) Targets
- Semantic clarity: ≥0.95

### Gate-O (Optimize) Targets
- P95 latency: ≤200ms

### Gate-S (Shrink) Targets
- API surface: ≤5 endpoints

### Gate-M (Modularize) Targets
- Change surface: ≤20%

### Expected IOSM-Index
**Current baseline:** {baseline}
**Target post-implementation:** {target}
**Delta:** {delta}

## Appendix

### Open Questions
- None

### Change Log
| Version | Date | Author | Changes |
|---------|------|--------|---------|
| {version} | {date} | Me | Initial |
"""


def write_site(
    root: Path, pages: dict[str, str], plugin: dict[str, Any] | None = None, **options: Any
) -> Path:
    """Write ``mkdocs.yml`` and ``docs/`` under ``root``; returns the config path."""
    docs = root / "docs"
    for rel, text in pages.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = {
        "site_name": "Index test",
        "theme": {"name": "mkdocs"},
        "plugins": [{"prd": plugin or {}}],
        "markdown_extensions": ["tables"],
        **options,
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class Built:
    site_dir: Path
    messages: list[tuple[int, str]]

    def page(self, rel: str) -> str:
        return (self.site_dir / rel).read_text(encoding="utf-8")

    def logged(self, level: int, needle: str) -> list[str]:
        return [m for lvl, m in self.messages if lvl == level and needle in m]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


@contextmanager
def _collecting() -> Iterator[_Collect]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)


def build_site(config: Path, site_dir: Path, *, strict: bool = False) -> Built:
    """A real ``mkdocs build`` in this process (fresh plugin instances), logs collected."""
    with _collecting() as handler:
        cfg = load_config(config_file=str(config), site_dir=str(site_dir), strict=strict)
        build(cfg)
    return Built(site_dir, handler.records)
