"""The class server's store: classes, seats and their progress in the results store (SQL
reads and writes). Every change also goes to the change feed (:mod:`.change_feed`) in the
same transaction; the lifecycle's rules are :mod:`.lifecycle`'s, the rate limit's
:mod:`.rate_limit`'s. Refusals are domain errors (:mod:`.refusal`); HTTP is not known here.

All that matters lives in the database (tokens only as SHA-256), so several server
processes can share one class. The scenario's bytes are stored with the class: every
process plays, and hands out, exactly the file the facilitator started the class with.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Row, insert, inspect, select, update

from game.classroom import change_feed, tenancy
from game.classroom import tables as T
from game.classroom.api_text import ApiText
from game.classroom.lifecycle import changed_columns, next_state
from game.classroom.rate_limit import RATE
from game.classroom.refusal import NotAllowed, NotFound
from game.classroom.rooms import Room, room_of, token_hash
from game.classroom.scenario_cache import ScenarioCache
from game.classroom.seat_store import SeatStore
from game.classroom.serve_text import ServeText
from game.errors import ResultError
from game.i18n import english_first
from game.results.store import ResultStore
from game.scenario import LoadedScenario
from game.scenario.reflection_keys import with_turns

_ROOM = [c for c in T.rooms.c if c.name != "scenario_bytes"]  # all but the file


class ClassStore(SeatStore):
    """The classes of one results store (their seats: :class:`SeatStore`)."""

    def __init__(self, store: ResultStore, rate: tuple[int, float] = RATE) -> None:
        super().__init__(store, rate)
        self._scenarios = ScenarioCache()

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
        with self.writing() as conn:
            old = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
            if old is not None:
                _refuse_another_class(old, loaded, code, seed=seed, quarters=quarters)
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
                room = _new_room(loaded, data, code, seed=seed, quarters=quarters, now=now)
                conn.execute(insert(T.rooms).values(**room, **values))
            else:
                conn.execute(update(T.rooms).where(T.rooms.c.code == code).values(**values))
            change_feed.record(conn, code, "class")
        self._scenarios.keep(loaded)
        return token

    def room(self, code: str) -> Room:
        """The class (NotFound without it)."""
        with self.reading() as conn:
            row = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
        if row is None:
            raise NotFound(ApiText.NO_CLASS, code=code)
        return room_of(row)

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
            raise NotFound(ApiText.NO_CLASS, code=code)
        return bytes(data)

    def loaded(self, room: Room) -> LoadedScenario:
        """The class's scenario, loaded once per process from the stored bytes."""
        return self._scenarios.get(
            room.scenario_sha256, room.scenario_name, lambda: self.scenario_bytes(room.code)
        )

    def turns(self, room: Room) -> int:
        """How many turns the class plays (its short form's, when it plays short)."""
        return room.quarters or self.loaded(room).scenario.turns

    def compiled(self, room: Room) -> Any:
        """The compiled scenario as the class plays it (short or full)."""
        return with_turns(self.loaded(room).compiled, room.quarters)

    def check_control(self, code: str, token: str | None) -> Room:
        """The class if ``token`` is its control token; else NotAllowed (NotFound without
        the class)."""
        with self.reading() as conn:
            row = conn.execute(select(*_ROOM).where(T.rooms.c.code == code)).first()
        if row is None:
            raise NotFound(ApiText.NO_CLASS, code=code)
        if not token:
            raise NotAllowed(ApiText.BAD_CONTROL)
        given = token_hash(token)
        if not secrets.compare_digest(row.control_hash, given):
            with self.reading() as conn:  # a token of an earlier start (the page left open)
                if not tenancy.token_hash_known(conn, code, given):
                    raise NotAllowed(ApiText.BAD_CONTROL)
        return room_of(row)

    # -- seats ----------------------------------------------------------------------------

    # -- the facilitator ------------------------------------------------------------------

    def control(self, room: Room, action: str, seat_id: int | None = None) -> Room:
        """Open, pause, open the next quarter, close (the rules: :func:`next_state`), or
        remove a seat; return the class as stored now."""
        if action == "remove":
            self.remove_seat(room.code, seat_id)
            return self.room(room.code)
        new = next_state(room, action, time.time(), self.turns(room))
        with self.writing() as conn:
            conn.execute(
                update(T.rooms)
                .where(T.rooms.c.code == room.code)
                .values(**changed_columns(room, new))
            )
            change_feed.record(conn, room.code, action)
        return self.room(room.code)

    def last_change(self, code: str) -> int:
        """The id of the class's latest change (0 before any)."""
        with self.reading() as conn:
            return change_feed.last_change(conn, code)

    def latest_changes(self, codes: list[str]) -> dict[str, int]:
        """The latest change id of each of these classes (one query for a process's feed)."""
        with self.reading() as conn:
            return change_feed.latest(conn, codes)


def stored_scenario(store: ResultStore, code: str) -> bytes | None:
    """The scenario file class ``code`` of this store plays, or None (no such class)."""
    if not inspect(store.engine).has_table(T.rooms.name):
        return None
    with store.engine.connect() as conn:
        data = conn.execute(select(T.rooms.c.scenario_bytes).where(T.rooms.c.code == code)).scalar()
    return None if data is None else bytes(data)


def _refuse_another_class(
    old: Row[Any], loaded: LoadedScenario, code: str, *, seed: int, quarters: int | None
) -> None:
    """Refuse a code already held by a class of another scenario file, seed or form: taking
    it up again would mix two different games in one class's results."""
    if old.scenario_sha256 != loaded.sha256 or old.seed != seed or old.quarters != quarters:
        raise ResultError(
            english_first(
                ServeText.TAKEN,
                code=code,
                scenario=f"{old.scenario_id}@{old.scenario_version}",
                seed=old.seed,
                turns=old.quarters or loaded.scenario.turns,
            )
        )


def _new_room(
    loaded: LoadedScenario, data: bytes, code: str, *, seed: int, quarters: int | None, now: float
) -> dict[str, Any]:
    """A new class's row but its settings: the scenario file itself, open at quarter one,
    its timer not yet started."""
    return {
        "code": code,
        "scenario_id": loaded.scenario.id,
        "scenario_version": loaded.scenario.version,
        "scenario_sha256": loaded.sha256,
        "scenario_name": Path(loaded.path).name,
        "scenario_bytes": data,
        "seed": seed,
        "state": "open",
        "open_quarter": 1,
        "deadline": None,  # the timer runs once the facilitator starts it
        "remaining": None,
        "timer_running": 0,
        "timer_round": 0,
        "on_expiry": "nothing",
        "created_at": now,
        "quarters": quarters,
    }
