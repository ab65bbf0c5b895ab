"""Linear-time checks that hold on a busy machine and still catch a quadratic step.

The measure is CPU time of this process (``time.process_time``): other processes,
another pytest worker on the other core included, do not count.  The garbage
collector is paused while timing (when it runs is no part of the algorithm's cost).
The work at ``n`` and at ``4n`` is timed alternately, best of up to ``repeat`` pairs:
linear work grows at most 4x (less with a fixed part), quadratic work 16x, and the
limit of 10 stands between them.  It is above their geometric middle (8) because the
noise is one-sided: under a parallel test run the 4x larger input (tens of megabytes)
loses more to cache and memory contention than the small one, and linear parses were
seen at x8.6 and x9.2.  Sizes are chosen so the smaller run takes tens of milliseconds and the part
that grows outweighs the fixed cost.  A pair under the limit ends
the measurement early; a ratio over it is confirmed by every repeat before the
check fails.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

GROWTH = 4
"""The large input is ``GROWTH`` times the small one."""
LIMIT = 10.0
"""Largest accepted ratio of the two times: linear is at most 4, quadratic about 16."""


def clear_caches() -> None:
    """Empty every ``functools.lru_cache`` of the package (parsed targets, headings, front
    matter ...), so each timed run does the whole work: the second run of the same input
    would otherwise be served from the caches, and the best of several runs would hide a
    quadratic step inside a cached function."""
    for name, module in list(sys.modules.items()):
        if name == "mkdocs_prd" or name.startswith("mkdocs_prd."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU seconds this process spends in ``work()``, with the garbage collector paused and
    the package's caches empty (:func:`clear_caches`)."""
    clear_caches()
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.process_time()
        work()
        return time.process_time() - start
    finally:
        if enabled:
            gc.enable()


def growth(small: Callable[[], object], large: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best CPU seconds of ``small()`` and ``large()``, timed alternately.

    Stops after the first pair whose best times are within :data:`LIMIT` of each other.
    """
    t_small = t_large = float("inf")
    for _ in range(repeat):
        t_small = min(t_small, cpu_seconds(small))
        t_large = min(t_large, cpu_seconds(large))
        if ratio(t_small, t_large) < LIMIT:
            break
    return t_small, t_large


def ratio(t_small: float, t_large: float) -> float:
    """``t_large / t_small``, with the small time taken as at least 10 milliseconds.

    Below that a busy machine's noise (cache and page-fault costs of a 4x larger input)
    decides the ratio; a quadratic step still shows, as 16x of 10 ms is far over the limit.
    """
    return t_large / max(t_small, 1e-2)


def assert_linear(
    name: str, small: Callable[[], object], large: Callable[[], object], repeat: int = 3
) -> None:
    """Fail unless ``large()`` (input :data:`GROWTH` x larger) costs under :data:`LIMIT` x ``small()``."""
    t_small, t_large = growth(small, large, repeat)
    assert ratio(t_small, t_large) < LIMIT, (
        f"{name}: {t_small:.4f} s CPU at n, {t_large:.4f} s at {GROWTH}n (x{ratio(t_small, t_large):.1f}, "
        f"linear is at most x{GROWTH}, quadratic about x{GROWTH**2})"
    )
