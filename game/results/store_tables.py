"""The store's tables (SQLAlchemy Core), their version and the migrations between versions.

Version history:

1. ``results`` (one row per verified game, the full record as JSON) and ``schema_version``.
2. adds ``results.goals_count`` (filled from the records) and the leaderboard indexes.
3. adds ``results.origin`` (how the result was made: ``game``, ``simulate:BOT`` or
   ``simulate:plan:FILE``; NULL for a result file older than the field: unknown) and
   ``results.path_sha256`` (the hash of the decisions alone, to find identical paths).

:func:`ensure_schema` creates a fresh database at the current version or upgrades an older
one step by step, inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
    update,
)

from game.errors import Message, ResultError
from game.i18n import english_first
from game.results.result_text import ResultText

SCHEMA_VERSION = 3

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, nullable=False),
)

results = Table(
    "results",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("scenario_id", String(200), nullable=False),
    Column("scenario_version", String(100), nullable=False),
    Column("scenario_sha256", String(64), nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("language", String(20), nullable=False),
    Column("player", String(200), nullable=False),
    Column("player_id", String(100), nullable=True),
    Column("cohort", String(100), nullable=False),
    Column("started", String(40), nullable=False),
    Column("ended", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("grade", String(200), nullable=True),
    Column("goals_count", Integer, nullable=False, server_default="0"),
    Column("ending", String(200), nullable=True),
    Column("record", Text, nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("origin", String(400), nullable=True),
    Column("path_sha256", String(64), nullable=True),
)

Index("ix_results_board", results.c.scenario_id, results.c.cohort, results.c.score)
Index("ix_results_cohort", results.c.cohort, results.c.score)
Index("ix_results_path", results.c.cohort, results.c.scenario_id, results.c.path_sha256)


def _v1_to_v2(conn: Connection) -> None:
    """Add ``goals_count`` (from each stored record) and the leaderboard indexes."""
    conn.execute(text("ALTER TABLE results ADD COLUMN goals_count INTEGER NOT NULL DEFAULT 0"))
    rows = conn.execute(select(results.c.id, results.c.record)).all()
    for row_id, record in rows:
        goals = json.loads(record).get("goals", [])
        conn.execute(update(results).where(results.c.id == row_id).values(goals_count=len(goals)))
    for index in results.indexes:
        if index.name in ("ix_results_board", "ix_results_cohort"):
            index.create(conn, checkfirst=True)


def _v2_to_v3(conn: Connection) -> None:
    """Add ``origin`` and ``path_sha256``, filled from each stored record."""
    from game.results.duplicates import path_sha256
    from game.results.record import ResultRecord

    conn.execute(text("ALTER TABLE results ADD COLUMN origin VARCHAR(400)"))
    conn.execute(text("ALTER TABLE results ADD COLUMN path_sha256 VARCHAR(64)"))
    rows = conn.execute(select(results.c.id, results.c.record)).all()
    for row_id, stored in rows:
        record = ResultRecord.model_validate(json.loads(stored))
        conn.execute(
            update(results)
            .where(results.c.id == row_id)
            .values(origin=record.origin_label(), path_sha256=path_sha256(record))
        )
    for index in results.indexes:
        if index.name == "ix_results_path":
            index.create(conn, checkfirst=True)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 when it holds no store yet)."""
    names = set(inspect(conn).get_table_names())
    if "schema_version" not in names:
        if "results" in names:
            raise ResultError(Message.of(ResultText.DB_NOT_OURS))
        return 0
    value = conn.execute(select(schema_version.c.version)).scalar()
    return int(value or 0)


def ensure_schema(conn: Connection) -> int:
    """Create or upgrade the schema to SCHEMA_VERSION inside the open transaction."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise ResultError(
            f"the results database has schema version {version}, newer than this app knows "
            f"({SCHEMA_VERSION}): {english_first(ResultText.UPDATE_APP)}"
        )
    if version == 0:
        metadata.create_all(conn)
        conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
        return SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(update(schema_version).values(version=version))
    return version
