"""Fair chance: a draw fixed by (class seed, turn, event id) through a stable hash."""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # look-ahead bots draw the same (seed, turn, event) again and again
def draw(seed: int, turn: int, event_id: str) -> float:
    """A number in [0, 1) that depends on the seed, the turn and the event id alone."""
    digest = hashlib.blake2b(f"{seed}:{turn}:{event_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 18446744073709551616.0
