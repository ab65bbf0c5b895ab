"""A target or actual written with a magnitude (``≥ 1.2k req/s``, ``10K users``, ``1,5 Mio.``) is
read in one scale with the other (drift10): ``1.2k`` was the number 1.2 with the unit ``k``, so
``1500 req/s`` against it was "unknown"; and an actual's unit was read only up to a slash
(``1350 req/s`` was in ``req``), so no ``req/s`` target was ever judged."""

from __future__ import annotations

import pytest

from mkdocs_prd.core.actuals import from_front_matter, judge
from mkdocs_prd.core.parse.prd import parse_prd
from mkdocs_prd.core.parse.targets import parse_target


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("≥ 1.2k req/s", (">=", 1200.0, "req/s")),
        ("≥1.2k", (">=", 1200.0, "")),
        ("≥ 10K users", (">=", 10000.0, "users")),
        ("≥ 3M", (">=", 3000000.0, "")),
        ("≤ 2 Mio. Zeilen", ("<=", 2000000.0, "")),
        ("≤ 1,5 Mio.", ("<=", 1500000.0, "")),
        # not magnitudes: units, minutes, megabytes
        ("≤ 200ms", ("<=", 200.0, "ms")),
        ("≤ 5MB", ("<=", 5.0, "MB")),
        ("≤ 5 min", ("<=", 5.0, "min")),
        ("≤ 3 kb", ("<=", 3.0, "kb")),
        ("≤ 2 Mbit", ("<=", 2.0, "")),
    ],
)
def test_a_target_is_read_in_its_magnitude(raw: str, expected: tuple[str, float, str]) -> None:
    op, value, unit, qualitative = parse_target(raw)
    assert (op, value, unit, qualitative) == (*expected, False)


@pytest.mark.parametrize(
    ("target", "actual", "mark"),
    [
        ("≥ 1.2k req/s", "1500 req/s", "met"),
        ("≥ 1.2k req/s", "1.5k req/s", "met"),
        ("≥ 1.2k req/s", "1.5k", "met"),
        ("≥ 1.2k req/s", "900 req/s", "not_met"),
        ("≥ 1.2k req/s", "0.9k req/s", "not_met"),
        ("≥ 1000 req/s", "1350 req/s", "met"),
        ("≥ 1000 req/s", "1,2k req/s", "met"),
        ("≥ 10K users", "12K users", "met"),
        ("≤ 2 Mio. Zeilen", "1,5 Mio. Zeilen", "met"),
        ("≤ 200 ms", "180ms", "met"),
        ("≤ 200 ms", "1.2 s", "unknown"),  # another unit: not compared
        ("≥ 400 req/s", "450 rps", "unknown"),
        ("≤ 5MB", "4MB", "met"),
    ],
)
def test_an_actual_is_judged_in_its_targets_scale(target: str, actual: str, mark: str) -> None:
    op, value, unit, _ = parse_target(target)
    written = from_front_matter({"metrics": {"Throughput": actual}}).metric("Throughput")
    assert judge(op, value, unit, written) == mark


def test_the_parsed_prd_holds_the_scaled_target() -> None:
    text = (
        "# PRD: X\n\n## 10. IOSM Targets\n\n### Gate-O (Optimize) Targets\n- Throughput: ≥ 1.2k req/s\n"
        "- Users: ≥ 10K users\n"
    )
    targets = parse_prd(text, "x.md").iosm.targets
    assert [(t.metric, t.value, t.unit, t.raw) for t in targets] == [
        ("Throughput", 1200.0, "req/s", "≥ 1.2k req/s"),
        ("Users", 10000.0, "users", "≥ 10K users"),
    ]
