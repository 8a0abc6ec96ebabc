"""The per-seat rate limit, kept in the store (``class_rate``) so every server process of a
class shares it: at most ``n`` requests in any window of ``span`` seconds. A request is
counted by one upsert (per database dialect: SQLite's and PostgreSQL's ``ON CONFLICT``),
which returns the count in the seat's current window.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, Integer, bindparam, case, literal, select
from sqlalchemy.dialects import postgresql, sqlite

from game.classroom import tables as T
from game.classroom.api_text import ApiText
from game.classroom.refusal import TooFast

RATE = (8, 1.0)  # at most 8 requests per seat in any window of 1 second (AGEN_CLASS_RATE)


class RateLimit:
    """The limit of one store, with its counting statements built once (a statement built
    per request costs more than running it)."""

    def __init__(self, backend: str, rate: tuple[int, float] = RATE) -> None:
        self.rate = rate
        self.dialect: Any = postgresql if backend == "postgresql" else sqlite
        now = bindparam("now", type_=Float)
        one = literal(1, Integer)
        sc = T.seats.c
        # count a request of the seat with token hash :h in class :code, or of seat :sid
        self.by_token = self._counting(
            select(sc.id, now, one).where(
                sc.token_hash == bindparam("h"), sc.class_code == bindparam("code")
            )
        )
        self.by_id = self._counting(select(sc.id, now, one).where(sc.id == bindparam("sid")))

    def _counting(self, seats: Any) -> Any:
        """The upsert that counts a request of the seat ``seats`` selects (its id, then the
        time as ``:now``): a new window when the last began ``span`` seconds ago or more."""
        r = T.rate.c
        span = self.rate[1]
        now = bindparam("now", type_=Float)
        fresh = (now - r.since) >= span
        return (
            self.dialect.insert(T.rate)
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

    def if_counted(self, n: int, since: float | None, now: float) -> int | None:
        """The seat's count were this request counted now (None: a new window would begin),
        from its stored count ``n`` and window start ``since``."""
        if since is not None and now - since < self.rate[1]:
            return n + 1
        return None

    def check(self, n: int | None) -> None:
        """Refuse (TooFast) the request that made the count ``n`` over the limit."""
        if n is not None and n > self.rate[0]:
            raise TooFast(ApiText.TOO_FAST, n=self.rate[0])
