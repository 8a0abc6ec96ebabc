"""Fair chance: a draw fixed by (class seed, turn, event id) through a stable hash; the events
that fire at a turn ("Chance is fair" and "Timing, exactly" in docs/format-reference.md)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from game.engine.state import State
from game.scenario.compiled import Compiled


@lru_cache(maxsize=1 << 16)  # look-ahead bots draw the same (seed, turn, event) again and again
def draw(seed: int, turn: int, event_id: str) -> float:
    """A number in [0, 1) that depends on the seed, the turn and the event id alone: the
    first 8 bytes of BLAKE2b(``"seed:turn:event_id"``) over 2**64."""
    digest = _seeded(seed).copy()  # the hash of "seed:" so far, then the rest: the same hash
    digest.update(f"{turn}:{event_id}".encode())
    return int.from_bytes(digest.digest(), "big") / 18446744073709551616.0


@lru_cache(maxsize=256)
def _seeded(seed: int) -> hashlib.blake2b:
    """BLAKE2b (8-byte digest) having read ``"seed:"``: a game draws many times per seed."""
    return hashlib.blake2b(f"{seed}:".encode(), digest_size=8)


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
