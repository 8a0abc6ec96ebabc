"""How the game was started: the command line's choices, read by the app and its screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game import paths


@dataclass
class Options:
    """How the game was started (command line)."""

    scenario: Path | None = None
    results_dir: Path | None = None
    data_dir: Path | None = None
    config_dir: Path | None = None
    scenarios_dir: Path = field(default_factory=lambda: paths.SCENARIOS)
    playtest: bool = False
    plan: Path | None = None
    start_turn: int | None = None
    quarters: int | None = None  # play the scenario's short form of this many turns
    predict_first: int | None = None  # predictions asked: None the scenario's, 0 never, N first N
