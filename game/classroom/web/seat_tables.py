"""The browser seats' action log (SQLAlchemy Core, in the class tables' metadata).

``class_web_actions`` holds every action a browser seat took, in order (``seq`` 1, 2, ...):
adopt, cancel, choose, end (of the quarter). The seat's game is the replay of its log, so
any server process rebuilds it from the store. Every row carries the idempotency key of the
form it came from: a key seen before is the same action, answered again, never applied
twice. A refused action is kept too (``seq`` NULL, its reason in ``words``), so a double tap
of a refused form shows the same reason. Unique (seat, seq) stops two processes from
appending the same step at once; unique (seat, key) stops the same form twice.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Float, Integer, String, Table, Text, UniqueConstraint

from game.classroom.tables import metadata

web_actions = Table(
    "class_web_actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seat_id", Integer, nullable=False),
    Column("seq", Integer, nullable=True),  # NULL: a refused action (nothing applied)
    Column("key", String(64), nullable=False),  # the form's idempotency key
    Column("kind", String(10), nullable=False),  # adopt, cancel, choose, end, refused
    Column("payload", Text, nullable=False, default="{}"),  # JSON: policy, event, predictions
    Column("words", Text, nullable=True),  # JSON {"id":..., "en":...}: why it was refused
    Column("at", Float, nullable=False),
    UniqueConstraint("seat_id", "key", name="ux_class_web_actions_key"),
    UniqueConstraint("seat_id", "seq", name="ux_class_web_actions_seq"),
)


def ensure_web_tables(conn: Connection) -> None:
    """Create the log table when missing (inside the caller's write transaction)."""
    metadata.create_all(conn, tables=[web_actions], checkfirst=True)
