"""What is made once per compiled scenario and kept with it (``Compiled.generated``): the
engine's generated turn and rules, a game's action objects, the balance rows' watch lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from game.scenario.compiled import Compiled

T = TypeVar("T")


def kept(compiled: Compiled, key: str, make: Callable[[Compiled], T]) -> T:
    """What ``make`` makes of ``compiled``, made on first use and kept under ``key`` (asked
    many times a turn: one dictionary lookup once made)."""
    found = compiled.generated.get(key)
    if found is None:
        found = compiled.generated[key] = make(compiled)
    return found  # type: ignore[return-value]
