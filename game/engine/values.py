"""How often a game expresses, or goes against, each BerAKHLAK value: the one count that the
debrief's radar, the reflection page, the Aksi draft and the class report all read, so the
rule of what counts is written once.
"""

from __future__ import annotations

from game.engine.actions import Adopt, Choose
from game.engine.game import Game
from game.scenario import VALUES


def value_counts(game: Game, breaches: bool = False) -> dict[str, int]:
    """How often each BerAKHLAK value is expressed (or, with ``breaches``, gone against) by
    the policies adopted and the choices made, every value present (0 when never)."""
    counts = dict.fromkeys(VALUES, 0)
    for d in game.decisions:
        a = d.action
        found: tuple[str, ...] = ()
        if isinstance(a, Adopt):
            p = game.policy(a.policy)
            found = tuple(p.breaches if breaches else p.values)
        elif isinstance(a, Choose):
            ev = game.event(a.event)
            choice = next((c for c in ev.choices if c.id == a.choice), None)
            if choice is not None:
                found = tuple(choice.breaches if breaches else choice.values)
        for v in found:
            counts[v] += 1
    return counts


def value_profile(game: Game, breaches: bool = False) -> list[float]:
    """The values expressed (or breached) in VALUES order, each 0..1 of the largest count of
    either kind, so the two shapes of the radar share one scale."""
    shown = value_counts(game, breaches)
    top = max(*value_counts(game).values(), *value_counts(game, True).values()) or 1
    return [shown[v] / top for v in VALUES]
