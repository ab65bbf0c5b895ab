"""PRD texts for the rendering tests: template-shaped PRDs with the parts a test varies."""

from __future__ import annotations

LIST_IOSM = """### Gate-I (Improve) Targets
- Semantic clarity: ≥0.95 (clear naming, no magic numbers)
- Code duplication: ≤5%
- Invariants documented: 100% of public APIs
- TODOs tracked: All TODOs in issue tracker

### Gate-O (Optimize) Targets
- P95 latency: ≤200ms
- Error budget: 0.1% error rate

### Gate-S (Shrink) Targets
- API surface: ≤4 endpoints
- Dependency count: reduced by 10%

### Gate-M (Modularize) Targets
- Change surface: ≤20%
- Coupling: Low

### Expected IOSM-Index
**Current baseline:** 0.65
**Target post-implementation:** 0.82
**Delta:** +0.17
"""

TABLE_IOSM = """| Gate | Baseline | Target | Expected Δ |
|------|----------|--------|------------|
| **Gate-I** | 0.72 | ≥0.75 | +0.03 |
| **Gate-O** | 0.60 | ≥0.70 | +0.10 |
| **Gate-S** | N/A | Pass | — |
| **Gate-M** | 0.55 | ≥0.65 | +0.10 |

**IOSM-Index target:** ≥0.80
"""


def prd_text(
    title: str = "Checkout Redesign",
    *,
    status: str = "Approved",
    owner: str = "Payments Team",
    track: str = "checkout-redesign",
    extra_meta: str = "",
    front_matter: str = "",
    iosm: str = LIST_IOSM,
    priorities: tuple[str, ...] = ("Must", "Must", "Should"),
    checked: int = 1,
    unchecked: int = 2,
    questions: int = 2,
) -> str:
    """A PRD in the template's format; ``front_matter`` is the YAML between ``---`` lines."""
    head = f"---\n{front_matter.rstrip()}\n---\n\n" if front_matter else ""
    meta = (
        "**Version:** 1.2\n**Date:** 2026-01-17\n"
        f"**Track ID:** {track}\n**Owner:** {owner}\n**Status:** {status}\n" + extra_meta
    )
    frs = "\n\n".join(
        f"**FR-{i}: Capability {i}**\n\n"
        f"- Description: does thing {i}\n- Acceptance: verified {i}\n- Priority: {p}"
        for i, p in enumerate(priorities, 1)
    )
    boxes = "\n".join(["- [x] a checked criterion"] * checked + ["- [ ] an open criterion"] * unchecked)
    open_q = "\n".join(f"- Question {i}?" for i in range(1, questions + 1))
    return f"""{head}# PRD: {title}

{meta}
---

## 1. Problem

**Current state:** checkout is slow.

**Impact:** carts are abandoned.

**Why now:** peak season.

---

## 2. Goals / Non-goals

### Goals
1. Halve checkout time.

### Non-Goals (explicitly out of scope for MVP)
- New payment methods.

---

## 3. Users & Use Cases

### Primary Personas
1. **Shopper**
   - Role: buys things
   - Pain point: slow pages
   - Value: speed

### Use Cases
1. **UC-1: Pay**
   - Actor: Shopper
   - Trigger: clicks pay
   - Flow: enters card, confirms
   - Outcome: order placed

---

## 4. Scope

### MVP (Must-Have)
- One-page checkout

### V1.1 (Should-Have)
- Saved cards

### Future (Could-Have)
- Wallets

---

## 5. Requirements

### Functional Requirements

{frs}

### Non-Functional Requirements

**NFR-1: Performance**
- Latency: P95 < 200ms

**NFR-2: Security**
- Authentication: OAuth2

**NFR-3: Reliability**
- Availability: 99.9%

**NFR-4: Scalability**
- User growth: 10K to 100K users

**NFR-5: Maintainability**
- Code quality: test coverage ≥80%

---

## 6. UX / API / Data

### User Experience (if applicable)
- **User flows:** pay in one page

---

## 7. Risks & Mitigations

| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |
|------|----------------|---------------------|------------|
| Acquirer latency | H | M | Timeouts and retries |

---

## 8. Acceptance Criteria

### Functional Acceptance
{boxes}

---

## 9. Rollout / Migration Plan

### Deployment Strategy
- **Approach:** Canary

---

## 10. IOSM Targets

{iosm}
---

## Appendix

### References
- Design doc

### Open Questions
{open_q}

### Change Log
| Version | Date | Author | Changes |
|---------|------|--------|---------|
| 1.2 | 2026-01-17 | Ann | Initial draft |
"""


ORDINARY_PAGE = """# Team handbook

Some *ordinary* documentation with a [link](other.md), a table and a list.

| Column | Value |
|--------|-------|
| a | 1 |

- one
- two

**Owner:** this bold line is not PRD metadata.
"""

CONSTRUCTS_PAGE = """# Release notes

1. **Rollout**
   ### Scope
   - EU first
  - under the column
2. **Rollback**
   ```bash
   git revert abc
   ````
3) paren
- [x] a task
   - [ ] nested task

Long
title
---

!!! warning "Before launch"
    Checks:
    - load test
      - 2x peak

> [!NOTE]
> A note[^1].

> "Totals are wrong."

<div markdown>

- in a div

</div>

| a | b |
|---|---|
| 1 | 2 |
- right after a table
<!-- a comment -->
**Label:**
- right under a label\\
  hard break\

[^1]: First.

    Second paragraph.
"""

OTHER_PAGE = """# Other page

Status: not a PRD either. Talks about PRD: templates.
"""
