"""The class tables' connections: write transactions (one writer at a time on SQLite, the
classes changed told to listeners once committed) and reads. The stores of rooms and seats
build on it (:mod:`.seat_store`, :mod:`.class_store`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from game.classroom import change_feed
from game.classroom import tables as T
from game.classroom.rate_limit import RATE, RateLimit
from game.errors import Message, ResultError
from game.results.result_text import ResultText
from game.results.store import ResultStore

_PG_LOCK = 7_301_956  # advisory lock held while creating the class tables


class ClassDb:
    """The class tables of one results store, and how to read and write them."""

    def __init__(self, store: ResultStore, rate: tuple[int, float] = RATE) -> None:
        self.store = store
        self.engine = store.engine
        self.rate = rate
        self.limit = RateLimit(store.backend, rate)
        # SQLite lets one writer in at a time and makes the others sleep and retry: the
        # threads of one process queue here instead (other processes still retry).
        self._write_lock = threading.Lock() if store.backend == "sqlite" else None
        self.on_change: list[Callable[[str], None]] = []  # told after a change is committed
        if store.backend == "sqlite":
            event.listen(self.engine, "connect", _fast_sqlite)
            self.engine.dispose()  # connections opened before get the settings too
        with self.writing() as conn:
            if store.backend == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            T.ensure_tables(conn)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction (SQLite takes its lock at once, so no writer is lost); the
        classes it changed are told to ``on_change`` once it is committed."""
        changed: set[str] = set()
        lock = self._write_lock
        try:
            if lock is not None:
                lock.acquire()
            with self.engine.connect().execution_options(agen_write=True) as conn:
                conn.info[change_feed.CHANGED] = changed
                with conn.begin():
                    yield conn
                conn.info.pop(change_feed.CHANGED, None)
        except SQLAlchemyError as exc:
            if isinstance(exc, IntegrityError):
                raise
            raise ResultError(Message.of(ResultText.DB_WRITE, reason=str(exc))) from None
        finally:
            if lock is not None:
                lock.release()
        for code in changed:
            for tell in self.on_change:
                tell(code)

    def reading(self) -> Any:
        """A read connection."""
        return self.engine.connect()


def _fast_sqlite(dbapi_conn: Any, _record: Any) -> None:
    """Write-ahead log, and no disk flush at every commit (only at checkpoints): a class
    server commits at every move. A power cut can lose the last moves, never corrupt."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
