"""Results: result files, their verification by replay, the store and the facilitator's tools.

Depends on ``game.engine`` and ``game.scenario``; nothing here imports pygame.
"""

from game.results.record import ResultRecord, read_result, record_from_game, write_result
from game.results.store import ImportReport, LeaderRow, ResultStore, default_results_dir, open_store
from game.results.verify import ScenarioLibrary, verify

__all__ = [
    "ImportReport",
    "LeaderRow",
    "ResultRecord",
    "ResultStore",
    "ScenarioLibrary",
    "default_results_dir",
    "open_store",
    "read_result",
    "record_from_game",
    "verify",
    "write_result",
]
