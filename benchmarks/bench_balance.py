"""balance_10k_s: ``agen balance`` with 10,000 runs on the largest shipped scenario that loads.

Measured as the command runs it (all cores, a fresh process pool per run, the best-path
search and the report included; nothing printed), the median of three runs.
"""

from __future__ import annotations

import os

from benchmarks.common import largest_scenario, median_time
from game.authoring.balance import build_report, run_balance

RUNS = 10_000


def measure() -> dict[str, float]:
    """{"balance_10k_s": median seconds of a 10,000-run balance on all cores}."""
    loaded = largest_scenario()
    jobs = os.cpu_count() or 1

    def once() -> None:
        build_report(loaded, *run_balance(loaded, RUNS, jobs=jobs), jobs=jobs)

    return {"balance_10k_s": round(median_time(once, repeats=3), 3)}


if __name__ == "__main__":
    print(measure())
