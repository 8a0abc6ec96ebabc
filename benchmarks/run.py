"""Print the project's figures as one JSON object: ``python benchmarks/run.py --json``.

Each area adds a ``benchmarks/bench_<area>.py`` with ``measure() -> dict``. A figure whose
part does not exist yet, or whose measurement fails, is null (the reason goes to stderr).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KEYS = {
    "engine": ["playthroughs_per_s", "turn_us"],
    "balance": ["balance_10k_s"],
    "ui": ["frame_ms", "idle_cpu_pct", "startup_s", "bare_pygame_startup_s"],
    "results": ["import_results_per_s", "report_s", "leaderboard_ms"],
    "greedy": ["greedy_game_ms"],
    "classroom": [
        "class_results_per_s",
        "class_update_ms",
        "class_control_to_player_ms",
        "class_participants_ok",
    ],
    "web": ["web_action_ms", "web_first_load_kb", "web_players_ok"],
}


def collect(areas: list[str]) -> dict[str, Any]:
    """Run each area's measure(); keys of missing or failing areas are null."""
    figures: dict[str, Any] = {key: None for keys in KEYS.values() for key in keys}
    for area in areas:
        try:
            module = importlib.import_module(f"benchmarks.bench_{area}")
            figures.update(module.measure())
        except Exception as exc:  # a figure that cannot be measured is reported as null
            print(f"benchmarks: {area}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the figures of DESIGN.md")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only", choices=list(KEYS), action="append", help="measure only these areas"
    )
    args = parser.parse_args()
    figures = collect(args.only or list(KEYS))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
