"""A small site for the readability tests (issue 13, parts 2-4): findings, actuals, charts.

One PRD with many findings of one rule, one with achieved IOSM values (front matter),
one with an emoji and inline HTML in its title, and a few more statuses for the chart.
"""

from __future__ import annotations

from render_sites import prd_text

ACTUALS = """iosm_actuals:
  I: 0.91
  O: 0.5
  index: 0.86
  metrics:
    Code duplication: 3%
    P95 latency: 250ms
"""


def readable_files() -> dict[str, str]:
    """``{path: text}`` of the site."""
    placeholders = (
        prd_text("Skeleton", owner="[name/team]", track="skeleton", status="Draft")
        .replace("**Version:** 1.2", "**Version:** [x.y]")
        .replace("**Date:** 2026-01-17", "**Date:** [YYYY-MM-DD]")
    )
    return {
        "prds/skeleton.md": placeholders,
        "prds/achieved.md": prd_text(
            "Achieved", front_matter=ACTUALS, track="achieved", priorities=("Must", "Should")
        ),
        "prds/launch.md": prd_text("🚀 Launch <em>now</em>", track="launch", status="Review"),
        "prds/done.md": prd_text("Done", track="done", status="Implemented", checked=3, unchecked=0),
        "prds/odd.md": prd_text("Odd", track="odd", status="On Hold", checked=0, unchecked=5),
    }
