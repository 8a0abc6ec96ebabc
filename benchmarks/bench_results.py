"""import_results_per_s and leaderboard_ms, on SQLite in a temporary folder.

import_results_per_s: 1,000 result files of random-bot games on the largest shipped scenario
that loads, imported as ``agen results import`` does (read, parse, replay-verify, one
transaction), in a fresh store; the median of three imports.

report_s: ``agen results report`` (replay, charts, HTML) for a class of 500 of those results,
one run (it takes seconds, so the median of several would cost more than it tells).

leaderboard_ms: the class leaderboard (top 50) when one scenario and one cohort hold
100,000 results: ``store.leaderboard(scenario, cohort)``, the median of 21 calls.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.common import largest_scenario, median_time
from game.engine import BOTS, Game, play_bot
from game.results.class_report import write_report
from game.results.record import ResultRecord, record_from_game, write_result
from game.results.store import open_store
from game.results.store_tables import results
from game.results.verify import ScenarioLibrary

FILES = 1_000
ROWS = 100_000
CLASS = 500


def measure() -> dict[str, float]:
    """{"import_results_per_s": ..., "report_s": ..., "leaderboard_ms": ...}."""
    loaded = largest_scenario()
    library_dir = Path(loaded.path).parent
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        for seed in range(FILES):
            game = play_bot(Game(loaded.compiled, seed), BOTS["random"], seed)
            record = record_from_game(
                game, loaded, player=f"P{seed}", player_id=None, cohort="BENCH", language="id"
            )
            write_result(record, folder / f"{seed}.json")
        runs = []
        for i in range(3):
            store = open_store(str(Path(tmp) / f"import{i}.sqlite"))
            start = time.perf_counter()
            report = store.import_files([folder], ScenarioLibrary.of(library_dir))
            runs.append(time.perf_counter() - start)
            assert len(report.imported) == FILES, report.refused[:3]
            if i == 0:
                items = store.results(["BENCH"], None)[:CLASS]
                start = time.perf_counter()
                write_report(items, "BENCH", Path(tmp) / "report", ScenarioLibrary.of(library_dir))
                report_s = time.perf_counter() - start
            store.close()
        per_s = FILES / sorted(runs)[1]
        leader_ms = _leaderboard_ms(Path(tmp) / "big.sqlite", record)
    return {
        "import_results_per_s": round(per_s, 1),
        "report_s": round(report_s, 2),
        "leaderboard_ms": round(leader_ms, 3),
    }


def _leaderboard_ms(path: Path, template: ResultRecord) -> float:
    store = open_store(str(path))
    text = template.canonical()
    now = datetime.now(timezone.utc).isoformat()
    rows = [
        {
            "key": f"{i:064x}",
            "scenario_id": template.scenario_id,
            "scenario_version": template.scenario_version,
            "scenario_sha256": template.scenario_sha256,
            "seed": i,
            "language": "id",
            "player": f"Pemain {i}",
            "player_id": None,
            "cohort": "BIG",
            "started": now,
            "ended": now,
            "score": (i * 7919 % 100_003) / 1000,
            "grade": "B",
            "goals_count": i % 4,
            "ending": None,
            "record": text,
            "imported_at": now,
        }
        for i in range(ROWS)
    ]
    with store.engine.begin() as conn:
        conn.execute(results.insert(), rows)
    board = store.leaderboard(template.scenario_id, "BIG")
    assert len(board) == 50 and board[0].score >= board[-1].score
    ms = 1000 * median_time(lambda: store.leaderboard(template.scenario_id, "BIG"), repeats=21)
    store.close()
    return ms


if __name__ == "__main__":
    print(measure())
