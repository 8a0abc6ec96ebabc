"""Fair chance: a draw fixed by (class seed, turn, event id) through a stable hash; the events
that fire at a turn ("Chance is fair" and "Timing, exactly" in docs/format-reference.md)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from game.engine.state import State
from game.scenario.compiled import Compiled


class SeedDraws(dict[bytes, float]):
    """The draws of one seed made so far, by ``"turn:event_id"`` as bytes.

    A game draws many times per seed, and a look-ahead bot draws the same (turn, event) of
    its seed again and again: each is hashed once, then read back (the generated turn reads
    this table itself)."""

    __slots__ = ("seeded",)

    def __init__(self, seed: int) -> None:
        super().__init__()
        # BLAKE2b (8-byte digest) having read "seed:"; a copy reads the rest: the same hash
        self.seeded = hashlib.blake2b(f"{seed}:".encode(), digest_size=8)

    def new(self, rest: bytes) -> float:
        """The draw of ``rest`` (``b"turn:event_id"``), hashed now and kept."""
        digest = self.seeded.copy()
        digest.update(rest)
        found = self[rest] = int.from_bytes(digest.digest(), "big") / 18446744073709551616.0
        return found


@lru_cache(maxsize=256)
def seed_draws(seed: int) -> SeedDraws:
    """The table of a seed's draws (the last 256 seeds' are kept)."""
    return SeedDraws(seed)


def draw_key(turn: int, event_id: str) -> bytes:
    """What a seed's table files the draw of (turn, event) under."""
    return f"{turn}:{event_id}".encode()


def draw(seed: int, turn: int, event_id: str) -> float:
    """A number in [0, 1) that depends on the seed, the turn and the event id alone: the
    first 8 bytes of BLAKE2b(``"seed:turn:event_id"``) over 2**64."""
    table, rest = seed_draws(seed), draw_key(turn, event_id)
    found = table.get(rest)
    return found if found is not None else table.new(rest)


def events_drawn(
    compiled: Compiled, state: State, seed: int, fired_at: dict[int, int]
) -> list[int]:
    """The events that fire for the state's turn: inside their window, rested since they last
    fired (``fired_at``: event index -> turn), their ``when`` met and the draw under their
    chance (a chance of 1 or more fires without a draw)."""
    t, v, h, ch = state.turn, state.values, state.held, state.answers
    fired = []
    for ev in compiled.events:
        if not ev.first <= t <= ev.last:
            continue
        last = fired_at.get(ev.index)
        if last is not None and (not ev.repeats or t <= last + ev.cooldown):
            continue
        if ev.when is not None and not ev.when.fn(v, h, ch):
            continue
        chance = ev.chance.fn(v, h, ch)
        if chance <= 0:
            continue
        if chance >= 1 or draw(seed, t, ev.id) < chance:
            fired.append(ev.index)
    return fired
