"""Adding verified results to the store's ``results`` table: one row per record, a record
whose key is stored already skipped (the same result imported twice is kept once)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from game.results.duplicates import path_sha256
from game.results.record import ResultRecord
from game.results.store_tables import results

# Insert a result unless its key is stored already, returning the keys added (built once per
# dialect: building the statement for every result cost as much as running it).
_INSERT_NEW = {
    name: dialect.insert(results)
    .on_conflict_do_nothing(index_elements=["key"])
    .returning(results.c.key)
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
}


def insert_new(
    conn: Connection,
    backend: str,
    records: Sequence[ResultRecord],
    keyed: Sequence[tuple[str, str]] | None = None,
) -> list[bool]:
    """Insert the records inside the caller's open write transaction; True for each newly
    added one (``keyed``: each record's ``canonical_and_key()`` when the caller has it).

    The rows go in as one batched statement (a statement per row cost more than the rows):
    a key the store already holds is skipped, and of a key given twice only the first is
    new, exactly as if the records had been inserted one by one."""
    if not records:
        return []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    stmt = _INSERT_NEW["postgresql" if backend == "postgresql" else "sqlite"]
    pairs = keyed if keyed is not None else [r.canonical_and_key() for r in records]
    rows = [_row(r, now, pair) for r, pair in zip(records, pairs, strict=True)]
    added = {key for (key,) in conn.execute(stmt, rows)}
    new: list[bool] = []
    for row in rows:
        new.append(row["key"] in added)
        added.discard(row["key"])  # the same key again is not new
    return new


def _row(record: ResultRecord, imported_at: str, keyed: tuple[str, str]) -> dict[str, Any]:
    """The ``results`` row of a record (``keyed``: its canonical text and key)."""
    canonical, key = keyed
    return {
        "key": key,
        "scenario_id": record.scenario_id,
        "scenario_version": record.scenario_version,
        "scenario_sha256": record.scenario_sha256,
        "seed": record.seed,
        "language": record.language,
        "player": record.player,
        "player_id": record.player_id,
        "cohort": record.cohort,
        "started": record.started.isoformat(),
        "ended": record.ended.isoformat(),
        "score": record.score,
        "grade": record.grade,
        "goals_count": len(record.goals),
        "ending": record.ending,
        "record": canonical,
        "imported_at": imported_at,
        "origin": record.origin_label(),
        "path_sha256": path_sha256(record),
    }
