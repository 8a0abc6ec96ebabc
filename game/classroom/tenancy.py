"""Which server serves a class, and the facilitator tokens a class has had.

A class is served by one live server at a time. The server that serves it writes a heartbeat
into ``class_served`` every few seconds; a second ``agen class serve`` of the same class on the
same store refuses in one line naming the process and the address that serve it, unless it
is started with ``--take-over``. A server whose heartbeat stopped (a laptop that crashed or was
switched off), or whose process is gone from this very machine, does not hold the class.

A restart (same store, same class) issues a new facilitator token for the printed address, and
keeps the earlier ones valid (``class_control_tokens``, SHA-256 only), so a control page left
open in the browser keeps working.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
    update,
)

from game.results.store import ResultStore

BEAT_S = 3.0  # how often the serving process writes its heartbeat
STALE_S = 12.0  # a heartbeat older than this: the server is gone

metadata = MetaData()
served = Table(
    "class_served",
    metadata,
    Column("class_code", String(100), primary_key=True),
    Column("server_id", String(64), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("host", String(200), nullable=False),
    Column("address", String(300), nullable=False),
    Column("since", Float, nullable=False),
    Column("beat", Float, nullable=False),
)
control_tokens = Table(
    "class_control_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("class_code", String(100), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
)


@dataclass(frozen=True)
class Server:
    """This process as a server of classes."""

    server_id: str
    pid: int
    host: str
    address: str

    @classmethod
    def here(cls, address: str) -> Server:
        return cls(secrets.token_hex(8), os.getpid(), socket.gethostname()[:200], address[:300])


@dataclass(frozen=True)
class Holder:
    """The server that holds a class, as its row says."""

    pid: int
    host: str
    address: str
    since: float
    beat: float

    def alive(self, now: float) -> bool:
        """Whether it still serves: a fresh heartbeat, and on this machine a live process."""
        if now - self.beat > STALE_S:
            return False
        if self.host == socket.gethostname()[:200]:
            return _process_alive(self.pid)
        return True

    def since_text(self) -> str:
        return datetime.fromtimestamp(self.since).strftime("%H:%M")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def _writing(store: ResultStore) -> Any:
    return store.engine.connect().execution_options(agen_write=True)


def ensure(store: ResultStore) -> None:
    """Create this module's tables when missing."""
    with _writing(store) as conn, conn.begin():
        metadata.create_all(conn, checkfirst=True)


def holder(conn: Connection, code: str) -> Holder | None:
    """Who holds class ``code`` (alive or not), or None."""
    row = conn.execute(select(served).where(served.c.class_code == code)).first()
    if row is None:
        return None
    return Holder(row.pid, row.host, row.address, row.since, row.beat)


def claim(store: ResultStore, code: str, me: Server, *, take_over: bool) -> Holder | None:
    """Hold class ``code`` for ``me``. Returns the live holder that prevents it (nothing is
    changed then), or None when ``me`` now holds it (taking it over when asked)."""
    ensure(store)
    now = time.time()
    with _writing(store) as conn, conn.begin():
        other = holder(conn, code)
        if other is not None and other.alive(now) and not take_over:
            return other
        conn.execute(delete(served).where(served.c.class_code == code))
        conn.execute(
            insert(served).values(
                class_code=code,
                server_id=me.server_id,
                pid=me.pid,
                host=me.host,
                address=me.address,
                since=now,
                beat=now,
            )
        )
    return None


def beat(store: ResultStore, code: str, me: Server) -> bool:
    """Renew ``me``'s hold on class ``code``; False when another server has taken it over."""
    with _writing(store) as conn, conn.begin():
        done = conn.execute(
            update(served)
            .where(served.c.class_code == code, served.c.server_id == me.server_id)
            .values(beat=time.time())
        )
    return bool(done.rowcount)


def release(store: ResultStore, code: str, me: Server) -> None:
    """Let go of class ``code`` (a clean stop): a restart needs no ``--take-over``."""
    with contextlib.suppress(Exception), _writing(store) as conn, conn.begin():
        conn.execute(
            delete(served).where(served.c.class_code == code, served.c.server_id == me.server_id)
        )


def keep_token_hash(store: ResultStore, code: str, token_hash: str) -> None:
    """Keep a facilitator token (its SHA-256) valid for class ``code``."""
    ensure(store)
    with _writing(store) as conn, conn.begin():
        known = conn.execute(
            select(control_tokens.c.id).where(
                control_tokens.c.class_code == code, control_tokens.c.token_hash == token_hash
            )
        ).first()
        if known is None:
            conn.execute(
                insert(control_tokens).values(
                    class_code=code, token_hash=token_hash, created_at=time.time()
                )
            )


def token_hash_known(conn: Connection, code: str, token_hash: str) -> bool:
    """Whether ``token_hash`` is one of class ``code``'s earlier facilitator tokens."""
    with contextlib.suppress(Exception):  # the table may not exist yet: no earlier tokens
        row = conn.execute(
            select(control_tokens.c.token_hash).where(
                control_tokens.c.class_code == code, control_tokens.c.token_hash == token_hash
            )
        ).first()
        return row is not None
    return False
