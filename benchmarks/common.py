"""What every benchmark shares: the largest shipped scenario that loads, and medians."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from game.errors import ScenarioError
from game.scenario import LoadedScenario, load_scenario

ROOT = Path(__file__).resolve().parent.parent


def largest_scenario() -> LoadedScenario:
    """The largest scenario in scenarios/ that loads (never a test fixture)."""
    candidates = sorted((ROOT / "scenarios").glob("*.toml"), key=lambda p: -p.stat().st_size)
    for path in candidates:
        try:
            return load_scenario(path)
        except ScenarioError:
            continue
    raise ScenarioError([])  # no shipped scenario loads: nothing to measure


def median_time(fn: Callable[[], object], repeats: int = 5) -> float:
    """Median wall time of ``fn`` in seconds over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stop_process(process: subprocess.Popen[str]) -> None:
    """Stop a server the benchmark started: asked first, killed after 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
