"""The class-mode tables, beside the results of the same store (SQLAlchemy Core).

``class_rooms`` (one row per class: scenario bytes, seed, state, lockstep quarter, timer,
hashed control token), ``class_seats`` (one per participant or team: hashed seat token,
quarters completed, decisions so far, the stored result's key), ``class_progress`` (every
accepted progress, for the record), ``class_rate`` (each seat's requests in its current
window: the rate limit every server process shares) and ``class_changes`` (the change feed every server
process polls to push live updates). They have their own metadata, created if missing, so
the results schema and its migrations stay as they are.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)

metadata = MetaData()

rooms = Table(
    "class_rooms",
    metadata,
    Column("code", String(100), primary_key=True),
    Column("scenario_id", String(200), nullable=False),
    Column("scenario_version", String(100), nullable=False),
    Column("scenario_sha256", String(64), nullable=False),
    Column("scenario_name", String(300), nullable=False),
    Column("scenario_bytes", LargeBinary, nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("language", String(20), nullable=False),
    Column("lockstep", Boolean, nullable=False, default=False),
    Column("minutes_per_quarter", Float, nullable=True),
    Column("allow_bots", Boolean, nullable=False, default=False),
    Column("state", String(20), nullable=False, default="open"),
    Column("open_quarter", Integer, nullable=False, default=1),
    Column("deadline", Float, nullable=True),  # epoch seconds when the timer runs out
    Column("remaining", Float, nullable=True),  # seconds left, kept while paused
    Column("join_url", String(300), nullable=False, default=""),
    Column("control_hash", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("quarters", Integer, nullable=True),  # the short form's turns; None: the full game
    Column("predict_first", Integer, nullable=True),  # None: the scenario's; 0 off; N first N
    Column("timer_running", Integer, nullable=True),  # 1: the facilitator started the timer
    Column("timer_round", Integer, nullable=True),  # how many times it was started
    Column("on_expiry", String(20), nullable=True),  # "nothing" or "end_quarter"
)

seats = Table(
    "class_seats",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("class_code", String(100), nullable=False),
    Column("player", String(200), nullable=False),
    Column("player_key", String(220), nullable=False),  # casefolded name; freed on removal
    Column("player_id", String(100), nullable=True),
    Column("members", Text, nullable=False, default="[]"),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("joined_at", Float, nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
    Column("turn_done", Integer, nullable=False, default=0),
    Column("decisions", Text, nullable=False, default="[]"),
    Column("result_key", String(64), nullable=True),
    Column("score", Float, nullable=True),
    Column("updated_at", Float, nullable=False),
)
Index("ux_class_seats_player", seats.c.class_code, seats.c.player_key, unique=True)

progress = Table(
    "class_progress",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seat_id", Integer, nullable=False, index=True),
    Column("turn", Integer, nullable=False),
    Column("decisions", Text, nullable=False),
    Column("at", Float, nullable=False),
)

rate = Table(
    "class_rate",
    metadata,
    Column("seat_id", Integer, primary_key=True),
    Column("since", Float, nullable=False),  # when the seat's current window began
    Column("n", Integer, nullable=False),  # requests in it
)

changes = Table(
    "class_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("class_code", String(100), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("seat_id", Integer, nullable=True),
    Column("at", Float, nullable=False),
)
Index("ix_class_changes_code", changes.c.class_code, changes.c.id)


def ensure_tables(conn: Connection) -> None:
    """Create the class tables that are missing (inside the caller's transaction)."""
    metadata.create_all(conn, checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns(rooms.name)}
    added = (  # columns added after the first release
        (rooms.c.quarters, "INTEGER"),
        (rooms.c.predict_first, "INTEGER"),
        (rooms.c.timer_running, "INTEGER"),
        (rooms.c.timer_round, "INTEGER"),
        (rooms.c.on_expiry, "VARCHAR(20)"),
    )
    for column, kind in added:
        if column.name not in have:
            conn.execute(text(f"ALTER TABLE {rooms.name} ADD COLUMN {column.name} {kind}"))
