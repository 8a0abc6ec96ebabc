"""The seats of the class tables: joining (and taking a seat back), a seat by its token
(with the rate limit counted in the same transaction), progress, the result, removal. Every
write adds its change to the change feed; refusals are domain errors (:mod:`.refusal`).
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from game.classroom import change_feed
from game.classroom import tables as T
from game.classroom.api_text import ApiText
from game.classroom.class_db import ClassDb
from game.classroom.refusal import Conflict, Invalid, NotAllowed, NotFound
from game.classroom.rooms import Prefixed, Room, SeatRow, room_of, seat_of, token_hash
from game.results.record import ResultRecord
from game.results.store_tables import results

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


class SeatStore(ClassDb):
    """The seats of every class of one results store."""

    def _class_must_exist(self, code: str) -> None:
        """NotFound when there is no class ``code``."""
        with self.reading() as conn:
            found = conn.execute(select(T.rooms.c.code).where(T.rooms.c.code == code)).first()
        if found is None:
            raise NotFound(ApiText.NO_CLASS, code=code)

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
            raise Invalid(ApiText.CLOSED)
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
                change_feed.record(conn, room.code, "join", seat_id)
        except IntegrityError:
            back = self._take_back(room.code, player, player_id, members, token)
            if back is None:
                raise Conflict(ApiText.NAME_TAKEN, player=player) from None
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
            change_feed.record(conn, code, "join", row.id)
        return SeatRow(row.id, code, player, player_id, members, False, 0, [], None, None)

    def seat_by_token(self, code: str, token: str | None) -> SeatRow:
        """The seat whose token this is, in this class; else NotAllowed."""
        return self.seat_in(code, token)[1]

    def seat_in(
        self, code: str, token: str | None, *, count: bool = False, rate: bool = False
    ) -> tuple[Room, SeatRow]:
        """The class and the seat whose token this is, read together; a 404 refusal without
        the class, NotAllowed without the seat. With ``count`` the request is counted
        against the seat's rate limit in the same transaction (see :meth:`count_request`).
        With ``rate`` (and no ``count``) nothing is written: a seat whose current window is
        already full is refused (TooFast), and the caller counts the request when it writes
        (see :meth:`save_result`) or is refused (:meth:`count_request`)."""
        if not token:
            self._class_must_exist(code)
            raise NotAllowed(ApiText.NO_TOKEN)
        where = {"h": token_hash(token), "code": code}
        now = time.time()
        if count:
            with self.writing() as conn:
                n = conn.execute(self.limit.by_token, {**where, "now": now}).scalar()
                row = conn.execute(_SEAT_IN, where).first()
        else:
            with self.reading() as conn:
                n, row = None, conn.execute(_SEAT_IN, where).first()
        if row is None:
            self._class_must_exist(code)
            raise NotAllowed(ApiText.BAD_TOKEN)
        if row.removed:
            raise NotAllowed(ApiText.REMOVED)
        if rate and n is None:
            n = self.limit.if_counted(row.rate_n, row.rate_since, now)
        self.limit.check(n)
        return room_of(Prefixed(row, "room_")), seat_of(row)

    def count_request(self, seat_id: int) -> None:
        """Count one request of the seat in the store, so every server process shares the
        limit; refuse (TooFast) the one too many in the seat's current window."""
        with self.writing() as conn:
            n = conn.execute(self.limit.by_id, {"sid": seat_id, "now": time.time()}).scalar()
        self.limit.check(n)

    def seats(self, code: str) -> list[SeatRow]:
        """The seats of a class in the order they joined (removed ones left out)."""
        with self.reading() as conn:
            rows = conn.execute(
                select(T.seats)
                .where(T.seats.c.class_code == code, T.seats.c.removed.is_(False))
                .order_by(T.seats.c.id)
            ).all()
        return [seat_of(r) for r in rows]

    def save_progress(self, seat: SeatRow, turn: int, decisions: list[dict[str, Any]]) -> bool:
        """Store progress after ``turn`` quarters; False when exactly this was stored before.

        Progress only moves forward, and what was sent before must begin what is sent now."""
        now = time.time()
        text_ = json.dumps(decisions, ensure_ascii=False, separators=(",", ":"))
        with self.writing() as conn:
            row = conn.execute(select(T.seats).where(T.seats.c.id == seat.id)).first()
            assert row is not None
            current = seat_of(row)
            if current.result_key is not None or (
                turn == current.turn_done and decisions == current.decisions
            ):
                return False
            if turn <= current.turn_done:
                raise Invalid(ApiText.WENT_BACK, turn=turn, done=current.turn_done)
            if decisions[: len(current.decisions)] != current.decisions:
                raise Invalid(ApiText.HISTORY_CHANGED)
            conn.execute(
                update(T.seats)
                .where(T.seats.c.id == seat.id)
                .values(turn_done=turn, decisions=text_, updated_at=now)
            )
            conn.execute(
                insert(T.progress).values(seat_id=seat.id, turn=turn, decisions=text_, at=now)
            )
            change_feed.record(conn, seat.class_code, "progress", seat.id)
        return True

    def save_result(
        self,
        seat: SeatRow,
        record: ResultRecord,
        keyed: tuple[str, str] | None = None,
        *,
        count: bool = False,
    ) -> bool:
        """Store a verified result for the seat (``keyed``: its ``record.canonical_and_key()``
        if known: the canonical text costs as much to make again as the rest of the write);
        False when this very result was stored. With ``count`` the request is counted against
        the seat's rate limit in the same transaction (one write for the whole request)."""
        keyed = keyed or record.canonical_and_key()
        key = keyed[1]
        if seat.result_key is not None:
            if seat.result_key == key:
                return False
            raise Invalid(ApiText.ONE_RESULT)
        now = time.time()
        with self.writing() as conn:
            if count:
                conn.execute(self.limit.by_id, {"sid": seat.id, "now": now})
            new = self.store.insert_within(conn, [record], [keyed])[0]
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
            change_feed.record(conn, seat.class_code, "result", seat.id)
        return new

    def remove_seat(self, code: str, seat_id: int | None) -> None:
        """The facilitator removes a seat (its stored result too); NotFound without it."""
        with self.writing() as conn:
            row = conn.execute(
                select(T.seats).where(T.seats.c.id == (seat_id or -1), T.seats.c.class_code == code)
            ).first()
            if row is None or row.removed:
                raise NotFound(ApiText.NO_SEAT, seat=seat_id)
            conn.execute(
                update(T.seats)
                .where(T.seats.c.id == row.id)
                .values(removed=True, player_key=f"~removed~{row.id}", updated_at=time.time())
            )
            if row.result_key is not None:
                conn.execute(delete(results).where(results.c.key == row.result_key))
            change_feed.record(conn, code, "remove", row.id)
