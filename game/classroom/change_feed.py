"""The change feed (``class_changes``): every write to a class adds a row in the same
transaction, and every server process polls the latest row id per class to know when to push
a fresh snapshot (:mod:`.live`). The one place that writes and reads it.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, Float, Integer, bindparam, func, insert, select

from game.classroom import tables as T

CHANGED = "agen_changed"  # a write connection's info key: the classes it changed
_CHANGE = insert(T.changes).values(
    class_code=bindparam("b_code"),
    kind=bindparam("b_kind"),
    seat_id=bindparam("b_seat", type_=Integer),
    at=bindparam("b_at", type_=Float),
)


def record(conn: Connection, code: str, kind: str, seat_id: int | None = None) -> None:
    """Add a change of class ``code`` inside the caller's write transaction (``kind``: what
    changed, e.g. "join", "progress", "result", or the facilitator's action)."""
    conn.execute(_CHANGE, {"b_code": code, "b_kind": kind, "b_seat": seat_id, "b_at": time.time()})
    changed = conn.info.get(CHANGED)
    if changed is not None:
        changed.add(code)


def last_change(conn: Connection, code: str) -> int:
    """The id of the class's latest change (0 before any)."""
    value = conn.execute(
        select(func.max(T.changes.c.id)).where(T.changes.c.class_code == code)
    ).scalar()
    return int(value or 0)


def latest(conn: Connection, codes: list[str]) -> dict[str, int]:
    """The latest change id of each of these classes (those with any change), in one query."""
    c = T.changes.c
    rows = conn.execute(
        select(c.class_code, func.max(c.id)).where(c.class_code.in_(codes)).group_by(c.class_code)
    ).all()
    return {code: int(n) for code, n in rows}
