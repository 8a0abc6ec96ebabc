"""Results: result files, their verification by replay, the store and the facilitator's tools.

Depends on ``game.engine`` and ``game.scenario``; nothing here imports pygame.
"""

from importlib import import_module
from typing import Any

# name -> module; imported on first use so that `agen` commands that never touch the store
# do not pay for SQLAlchemy at start-up
_WHERE = {
    "ImportReport": "store",
    "LeaderRow": "store",
    "ResultRecord": "record",
    "ResultStore": "store",
    "ScenarioLibrary": "verify",
    "default_results_dir": "store",
    "open_store": "store",
    "read_result": "record",
    "record_from_game": "record",
    "verify": "verify",
    "write_result": "record",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"game.results.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'game.results' has no attribute {name!r}")
