"""Classes, seats and progress in the results store; every change also goes to the change feed.

All that matters lives in the database (tokens only as SHA-256), so several server
processes can share one class. The scenario's bytes are stored with the class: every
process plays, and hands out, exactly the file the facilitator started the class with.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Float,
    Integer,
    bindparam,
    case,
    delete,
    event,
    func,
    insert,
    inspect,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from game.classroom import tables as T
from game.classroom.refusal import Refusal
from game.classroom.words import ServeText
from game.errors import Message, ResultError
from game.i18n import english_first
from game.results.record import ResultRecord
from game.results.store import ResultStore
from game.results.store_tables import results
from game.results.words import ResultText
from game.scenario import LoadedScenario, load_scenario
from game.scenario.reflection import with_turns

_PG_LOCK = 7_301_956  # advisory lock held while creating the class tables
STATES = ("open", "paused", "closed")
RATE = (8, 1.0)  # at most 8 requests per seat in any window of 1 second (AGEN_CLASS_RATE)
# Every column of a class but the scenario file, which only the scenario request needs.
_ROOM = [c for c in T.rooms.c if c.name != "scenario_bytes"]
# A seat (by token hash :h, in class :code) and its class in one row (built once: a
# statement built per request costs more than running it).
_SEAT_IN = (
    select(
        T.seats,
        *[c.label(f"room_{c.name}") for c in _ROOM],
        T.rate.c.n.label("rate_n"),
        T.rate.c.since.label("rate_since"),
    )
    .join(T.rooms, T.rooms.c.code == T.seats.c.class_code)
    .outerjoin(T.rate, T.rate.c.seat_id == T.seats.c.id)
    .where(T.seats.c.token_hash == bindparam("h"), T.seats.c.class_code == bindparam("code"))
)
_RESULT_SEAT = (
    update(T.seats)
    .where(T.seats.c.id == bindparam("b_id"), T.seats.c.result_key.is_(None))
    .values(
        result_key=bindparam("b_key"),
        score=bindparam("b_score"),
        turn_done=bindparam("b_turns"),
        decisions=bindparam("b_decisions"),
        updated_at=bindparam("b_at"),
    )
)
_CHANGE = insert(T.changes).values(
    class_code=bindparam("b_code"),
    kind=bindparam("b_kind"),
    seat_id=bindparam("b_seat", type_=Integer),
    at=bindparam("b_at", type_=Float),
)


def token_hash(token: str) -> str:
    """How a token is kept: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Room:
    """One class as stored."""

    code: str
    scenario_id: str
    scenario_version: str
    scenario_sha256: str
    scenario_name: str
    seed: int
    language: str
    lockstep: bool
    minutes_per_quarter: float | None
    allow_bots: bool
    state: str
    open_quarter: int
    deadline: float | None
    remaining: float | None
    join_url: str
    quarters: int | None = None  # the short form's turns; None: the full game
    predict_first: int | None = None  # None: the scenario's; 0: never; N: the first N adoptions

    def seconds_left(self, now: float | None = None) -> float | None:
        """Seconds left on the timer (kept while paused), or None without a timer."""
        if self.deadline is not None:
            return max(0.0, self.deadline - (now or time.time()))
        return self.remaining


@dataclass(frozen=True)
class SeatRow:
    """One seat as stored."""

    id: int
    class_code: str
    player: str
    player_id: str | None
    members: tuple[str, ...]
    removed: bool
    turn_done: int
    decisions: list[dict[str, Any]]
    result_key: str | None
    score: float | None


def _seat(row: Any) -> SeatRow:
    return SeatRow(
        row.id,
        row.class_code,
        row.player,
        row.player_id,
        tuple(json.loads(row.members)),
        bool(row.removed),
        row.turn_done,
        json.loads(row.decisions),
        row.result_key,
        row.score,
    )


class ClassStore:
    """The classes of one results store."""

    def __init__(self, store: ResultStore, rate: tuple[int, float] = RATE) -> None:
        self.store = store
        self.engine = store.engine
        self.rate = rate
        self._scenarios: dict[str, LoadedScenario] = {}
        # SQLite lets one writer in at a time and makes the others sleep and retry: the
        # threads of one process queue here instead (other processes still retry).
        self._write_lock = threading.Lock() if store.backend == "sqlite" else None
        self.on_change: list[Callable[[str], None]] = []  # told after a change is committed
        now = bindparam("now", type_=Float)
        one = literal(1, Integer)
        sc = T.seats.c
        self._count_by_token = self._counting(
            select(sc.id, now, one).where(
                sc.token_hash == bindparam("h"), sc.class_code == bindparam("code")
            )
        )
        self._count_by_id = self._counting(select(sc.id, now, one).where(sc.id == bindparam("sid")))
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
                conn.info["agen_changed"] = changed
                with conn.begin():
                    yield conn
                conn.info.pop("agen_changed", None)
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

    # -- classes --------------------------------------------------------------------------

    def create(
        self,
        loaded: LoadedScenario,
        code: str,
        *,
        seed: int,
        language: str,
        lockstep: bool = False,
        minutes_per_quarter: float | None = None,
        allow_bots: bool = False,
        join_url: str = "",
        quarters: int | None = None,
        predict_first: int | None = None,
    ) -> str:
        """Create the class (or take up again the same class after a restart); return the
        new control token. The same code with another scenario file, seed or form (short or
        full) is refused; ``quarters`` must be a form the scenario offers (checked by the
        caller with ``check_quarters``), None or the full length meaning the full game."""
        data = Path(loaded.path).read_bytes()
        token = secrets.token_urlsafe(18)
        now = time.time()
        if quarters == loaded.scenario.turns:
            quarters = None
        turns = quarters or loaded.scenario.turns
        per = minutes_per_quarter * 60 if minutes_per_quarter else None
        first = None if per is None else per * (1 if lockstep else turns)
        with self.writing() as conn:
            old = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
            if old is not None and (
                old.scenario_sha256 != loaded.sha256 or old.seed != seed or old.quarters != quarters
            ):
                raise ResultError(
                    english_first(
                        ServeText.TAKEN,
                        code=code,
                        scenario=f"{old.scenario_id}@{old.scenario_version}",
                        seed=old.seed,
                        turns=old.quarters or loaded.scenario.turns,
                    )
                )
            values = {
                "language": language,
                "lockstep": lockstep,
                "minutes_per_quarter": minutes_per_quarter,
                "allow_bots": allow_bots,
                "join_url": join_url,
                "control_hash": token_hash(token),
                "predict_first": predict_first,
            }
            if old is None:
                conn.execute(
                    insert(T.rooms).values(
                        code=code,
                        scenario_id=loaded.scenario.id,
                        scenario_version=loaded.scenario.version,
                        scenario_sha256=loaded.sha256,
                        scenario_name=Path(loaded.path).name,
                        scenario_bytes=data,
                        seed=seed,
                        state="open",
                        open_quarter=1,
                        deadline=None if first is None else now + first,
                        remaining=None,
                        created_at=now,
                        quarters=quarters,
                        **values,
                    )
                )
            else:
                conn.execute(update(T.rooms).where(T.rooms.c.code == code).values(**values))
            self._change(conn, code, "class")
        self._scenarios[loaded.sha256] = loaded
        return token

    def room(self, code: str) -> Room:
        """The class, or a 404 refusal."""
        with self.reading() as conn:
            row = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
        if row is None:
            raise Refusal(404, "class.api.no_class", code=code)
        return _room(row)

    def codes(self) -> list[str]:
        """Every class in the store, newest first."""
        with self.reading() as conn:
            rows = conn.execute(select(T.rooms.c.code).order_by(T.rooms.c.created_at.desc()))
            return [r.code for r in rows]

    def scenario_bytes(self, code: str) -> bytes:
        """The scenario file of the class."""
        with self.reading() as conn:
            data = conn.execute(
                select(T.rooms.c.scenario_bytes).where(T.rooms.c.code == code)
            ).scalar()
        if data is None:
            raise Refusal(404, "class.api.no_class", code=code)
        return bytes(data)

    def loaded(self, room: Room) -> LoadedScenario:
        """The class's scenario, loaded once per process from the stored bytes."""
        found = self._scenarios.get(room.scenario_sha256)
        if found is None:
            folder = Path(tempfile.mkdtemp(prefix="agen-class-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / room.scenario_name
            path.write_bytes(self.scenario_bytes(room.code))
            found = load_scenario(path)
            self._scenarios[room.scenario_sha256] = found
        return found

    def turns(self, room: Room) -> int:
        """How many turns the class plays (its short form's, when it plays short)."""
        return room.quarters or self.loaded(room).scenario.turns

    def compiled(self, room: Room) -> Any:
        """The compiled scenario as the class plays it (short or full)."""
        return with_turns(self.loaded(room).compiled, room.quarters)

    def check_control(self, code: str, token: str | None) -> Room:
        """The class if ``token`` is its control token; else a 401 refusal."""
        with self.reading() as conn:
            row = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
        if row is None:
            raise Refusal(404, "class.api.no_class", code=code)
        if not token or not secrets.compare_digest(row.control_hash, token_hash(token)):
            raise Refusal(401, "class.api.bad_control")
        return _room(row)

    # -- seats ----------------------------------------------------------------------------

    def join(
        self,
        room: Room,
        player: str,
        player_id: str | None,
        members: tuple[str, ...],
        resume: str | None = None,
    ) -> tuple[SeatRow, str]:
        """Take a seat (or retake one with its token); return it and its token.

        A name already seated is refused, except when the same name and NIP come back to a
        seat that has sent nothing yet (the participant backed out while joining and lost
        its token): that seat is handed back with a new token, and the old one stops working.
        """
        if room.state == "closed":
            raise Refusal(422, "class.api.closed")
        if resume:
            seat = self.seat_by_token(room.code, resume)
            self.count_request(seat.id)
            return seat, resume
        token = secrets.token_urlsafe(24)
        now = time.time()
        try:
            with self.writing() as conn:
                result = conn.execute(
                    insert(T.seats)
                    .values(
                        class_code=room.code,
                        player=player,
                        player_key=player.casefold(),
                        player_id=player_id,
                        members=json.dumps(list(members), ensure_ascii=False),
                        token_hash=token_hash(token),
                        joined_at=now,
                        removed=False,
                        turn_done=0,
                        decisions="[]",
                        updated_at=now,
                    )
                    .returning(T.seats.c.id)
                )
                seat_id = int(result.scalar_one())
                self._change(conn, room.code, "join", seat_id)
        except IntegrityError:
            back = self._take_back(room.code, player, player_id, members, token)
            if back is None:
                raise Refusal(409, "class.api.name_taken", player=player) from None
            return back, token
        return SeatRow(
            seat_id, room.code, player, player_id, members, False, 0, [], None, None
        ), token

    def _take_back(
        self, code: str, player: str, player_id: str | None, members: tuple[str, ...], token: str
    ) -> SeatRow | None:
        """The untouched seat of the same name and NIP, now under ``token``; else None."""
        c = T.seats.c
        with self.writing() as conn:
            row = conn.execute(
                select(T.seats).where(c.class_code == code, c.player_key == player.casefold())
            ).first()
            if (
                row is None
                or row.removed
                or row.turn_done != 0
                or row.result_key is not None
                or row.decisions != "[]"
                or (row.player_id or None) != player_id
            ):
                return None
            conn.execute(
                update(T.seats)
                .where(c.id == row.id, c.turn_done == 0, c.result_key.is_(None))
                .values(
                    token_hash=token_hash(token),
                    player=player,
                    members=json.dumps(list(members), ensure_ascii=False),
                    updated_at=time.time(),
                )
            )
            self._change(conn, code, "join", row.id)
        return SeatRow(row.id, code, player, player_id, members, False, 0, [], None, None)

    def seat_by_token(self, code: str, token: str | None) -> SeatRow:
        """The seat whose token this is, in this class; else a 401 refusal."""
        return self.seat_in(code, token)[1]

    def seat_in(
        self, code: str, token: str | None, *, count: bool = False, rate: bool = False
    ) -> tuple[Room, SeatRow]:
        """The class and the seat whose token this is, read together; a 404 refusal without
        the class, a 401 refusal without the seat. With ``count`` the request is counted
        against the seat's rate limit in the same transaction (see :meth:`count_request`).
        With ``rate`` (and no ``count``) nothing is written: a seat whose current window is
        already full is refused (429), and the caller counts the request when it writes
        (see :meth:`save_result`) or is refused (:meth:`count_request`)."""
        if not token:
            self.room(code)
            raise Refusal(401, "class.api.no_token")
        where = {"h": token_hash(token), "code": code}
        now = time.time()
        if count:
            with self.writing() as conn:
                n = conn.execute(self._count_by_token, {**where, "now": now}).scalar()
                row = conn.execute(_SEAT_IN, where).first()
        else:
            with self.reading() as conn:
                n, row = None, conn.execute(_SEAT_IN, where).first()
        if row is None:
            self.room(code)
            raise Refusal(401, "class.api.bad_token")
        if row.removed:
            raise Refusal(401, "class.api.removed")
        if (
            rate
            and n is None
            and row.rate_since is not None
            and now - row.rate_since < self.rate[1]
        ):
            n = row.rate_n + 1  # this request, were it counted now
        if n is not None and n > self.rate[0]:
            raise Refusal(429, "class.api.too_fast", n=self.rate[0])
        return _room(_Prefixed(row, "room_")), _seat(row)

    def count_request(self, seat_id: int) -> None:
        """Count one request of the seat in the store, so every server process shares the
        limit; refuse (429) the one too many in the seat's current window."""
        with self.writing() as conn:
            n = conn.execute(self._count_by_id, {"sid": seat_id, "now": time.time()}).scalar()
        if n is not None and n > self.rate[0]:
            raise Refusal(429, "class.api.too_fast", n=self.rate[0])

    def _counting(self, seats: Any) -> Any:
        """The upsert that counts a request of the seat ``seats`` selects (its id, then the
        time as ``:now``): a new window when the last began ``span`` seconds ago or more."""
        r = T.rate.c
        span = self.rate[1]
        now = bindparam("now", type_=Float)
        fresh = (now - r.since) >= span
        dialect = postgresql if self.store.backend == "postgresql" else sqlite
        return (
            dialect.insert(T.rate)
            .from_select(["seat_id", "since", "n"], seats)
            .on_conflict_do_update(
                index_elements=[r.seat_id],
                set_={
                    "n": case((fresh, 1), else_=r.n + 1),
                    "since": case((fresh, now), else_=r.since),
                },
            )
            .returning(r.n)
        )

    def seats(self, code: str) -> list[SeatRow]:
        """The seats of a class in the order they joined (removed ones left out)."""
        with self.reading() as conn:
            rows = conn.execute(
                select(T.seats)
                .where(T.seats.c.class_code == code, T.seats.c.removed.is_(False))
                .order_by(T.seats.c.id)
            ).all()
        return [_seat(r) for r in rows]

    def save_progress(self, seat: SeatRow, turn: int, decisions: list[dict[str, Any]]) -> bool:
        """Store progress after ``turn`` quarters; False when exactly this was stored before.

        Progress only moves forward, and what was sent before must begin what is sent now."""
        now = time.time()
        text_ = json.dumps(decisions, ensure_ascii=False, separators=(",", ":"))
        with self.writing() as conn:
            row = conn.execute(select(T.seats).where(T.seats.c.id == seat.id)).first()
            assert row is not None
            current = _seat(row)
            if current.result_key is not None or (
                turn == current.turn_done and decisions == current.decisions
            ):
                return False
            if turn <= current.turn_done:
                raise Refusal(422, "class.api.went_back", turn=turn, done=current.turn_done)
            if decisions[: len(current.decisions)] != current.decisions:
                raise Refusal(422, "class.api.history_changed")
            conn.execute(
                update(T.seats)
                .where(T.seats.c.id == seat.id)
                .values(turn_done=turn, decisions=text_, updated_at=now)
            )
            conn.execute(
                insert(T.progress).values(seat_id=seat.id, turn=turn, decisions=text_, at=now)
            )
            self._change(conn, seat.class_code, "progress", seat.id)
        return True

    def save_result(
        self, seat: SeatRow, record: ResultRecord, key: str | None = None, *, count: bool = False
    ) -> bool:
        """Store a verified result for the seat (``key``: its ``record.key()`` if known);
        False when this very result was stored. With ``count`` the request is counted against
        the seat's rate limit in the same transaction (one write for the whole request)."""
        key = key or record.key()
        if seat.result_key is not None:
            if seat.result_key == key:
                return False
            raise Refusal(422, "class.api.one_result")
        now = time.time()
        with self.writing() as conn:
            if count:
                conn.execute(self._count_by_id, {"sid": seat.id, "now": now})
            new = self.store.insert_within(conn, [record])[0]
            conn.execute(
                _RESULT_SEAT,
                {
                    "b_id": seat.id,
                    "b_key": key,
                    "b_score": record.score,
                    "b_turns": record.turns_played,
                    "b_decisions": json.dumps(list(record.decisions), separators=(",", ":")),
                    "b_at": now,
                },
            )
            self._change(conn, seat.class_code, "result", seat.id)
        return new

    # -- the facilitator ------------------------------------------------------------------

    def control(self, room: Room, action: str, seat_id: int | None = None) -> Room:
        """Open, pause, open the next quarter, close, or remove a seat; return the class."""
        now = time.time()
        per = room.minutes_per_quarter * 60 if room.minutes_per_quarter else None
        values: dict[str, Any] = {}
        left = room.seconds_left(now)
        if room.state == "closed" and action != "remove":
            raise Refusal(422, "class.api.closed")
        if action == "open":
            values = {"state": "open", "remaining": None}
            values["deadline"] = None if left is None else now + left
        elif action == "pause":
            values = {"state": "paused", "deadline": None, "remaining": left}
        elif action == "next":
            if not room.lockstep:
                raise Refusal(422, "class.api.not_lockstep")
            turns = self.turns(room)
            if room.open_quarter >= turns:
                raise Refusal(422, "class.api.last_quarter", turns=turns)
            values = {"open_quarter": room.open_quarter + 1}
            if per is not None:
                running = room.state == "open"
                values |= {
                    "deadline": now + per if running else None,
                    "remaining": None if running else per,
                }
        elif action == "close":
            values = {"state": "closed", "deadline": None, "remaining": None}
        elif action == "remove":
            self._remove(room.code, seat_id)
            return self.room(room.code)
        else:
            raise Refusal(422, "class.api.bad_action", action=action)
        with self.writing() as conn:
            conn.execute(update(T.rooms).where(T.rooms.c.code == room.code).values(**values))
            self._change(conn, room.code, action)
        return self.room(room.code)

    def _remove(self, code: str, seat_id: int | None) -> None:
        with self.writing() as conn:
            row = conn.execute(
                select(T.seats).where(T.seats.c.id == (seat_id or -1), T.seats.c.class_code == code)
            ).first()
            if row is None or row.removed:
                raise Refusal(404, "class.api.no_seat", seat=seat_id)
            conn.execute(
                update(T.seats)
                .where(T.seats.c.id == row.id)
                .values(removed=True, player_key=f"~removed~{row.id}", updated_at=time.time())
            )
            if row.result_key is not None:
                conn.execute(delete(results).where(results.c.key == row.result_key))
            self._change(conn, code, "remove", row.id)

    # -- the change feed ------------------------------------------------------------------

    def _change(self, conn: Connection, code: str, kind: str, seat_id: int | None = None) -> None:
        conn.execute(
            _CHANGE, {"b_code": code, "b_kind": kind, "b_seat": seat_id, "b_at": time.time()}
        )
        changed = conn.info.get("agen_changed")
        if changed is not None:
            changed.add(code)

    def last_change(self, code: str) -> int:
        """The id of the class's latest change (0 before any)."""
        with self.reading() as conn:
            value = conn.execute(
                select(func.max(T.changes.c.id)).where(T.changes.c.class_code == code)
            ).scalar()
        return int(value or 0)

    def last_changes(self) -> dict[str, int]:
        """The latest change id of every class (one query for a process's whole feed)."""
        with self.reading() as conn:
            rows = conn.execute(
                select(T.changes.c.class_code, func.max(T.changes.c.id)).group_by(
                    T.changes.c.class_code
                )
            ).all()
        return {code: int(n) for code, n in rows}


def stored_scenario(store: ResultStore, code: str) -> bytes | None:
    """The scenario file class ``code`` of this store plays, or None (no such class)."""
    if not inspect(store.engine).has_table(T.rooms.name):
        return None
    with store.engine.connect() as conn:
        data = conn.execute(select(T.rooms.c.scenario_bytes).where(T.rooms.c.code == code)).scalar()
    return None if data is None else bytes(data)


def _fast_sqlite(dbapi_conn: Any, _record: Any) -> None:
    """Write-ahead log, and no disk flush at every commit (only at checkpoints): a class
    server commits at every move. A power cut can lose the last moves, never corrupt."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _room(row: Any) -> Room:
    return Room(
        row.code,
        row.scenario_id,
        row.scenario_version,
        row.scenario_sha256,
        row.scenario_name,
        int(row.seed),
        row.language,
        bool(row.lockstep),
        row.minutes_per_quarter,
        bool(row.allow_bots),
        row.state,
        int(row.open_quarter),
        row.deadline,
        row.remaining,
        row.join_url,
        None if row.quarters is None else int(row.quarters),
        None if row.predict_first is None else int(row.predict_first),
    )


class _Prefixed:
    """A row's ``room_*`` columns under their own names (a seat and its class read at once)."""

    def __init__(self, row: Any, prefix: str) -> None:
        self._row = row
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, self._prefix + name)
