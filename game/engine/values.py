"""The BerAKHLAK profile of a game: the values a player expressed (or went against), counted by
what they kept doing.

A policy's tags count once for every resolved turn it was in force, so holding a course
weighs more than touching it, and adopting then cancelling (churn) never earns more than
holding the same card; an event choice is a one-off decision and counts its tags once.
One implementation for every page that shows the profile (the debrief's radar, the
"Netflix culture" page, the class report); the Aksi draft lists the decisions themselves.
"""

from __future__ import annotations

from game.engine.actions import Adopt, Choose
from game.engine.game import Game
from game.engine.timeline import turns_in_force
from game.scenario.format_model import VALUES


def value_counts(game: Game, breaches: bool = False) -> dict[str, int]:
    """How often each BerAKHLAK value was expressed (with ``breaches``: gone against, per the
    scenario's ``breaches`` tags): per turn a tagged policy was in force, per choice made."""
    counts = dict.fromkeys(VALUES, 0)
    adopted = {d.action.policy for d in game.decisions if isinstance(d.action, Adopt)}
    for pid in adopted:
        p = game.policy(pid)
        tags = p.breaches if breaches else p.values
        if tags:
            quarters = len(turns_in_force(game, pid))
            for v in tags:
                counts[v] += quarters
    for d in game.decisions:
        a = d.action
        if isinstance(a, Choose):
            choice = next((ch for ch in game.event(a.event).choices if ch.id == a.choice), None)
            if choice is not None:
                for v in choice.breaches if breaches else choice.values:
                    counts[v] += 1
    return counts


def value_profile(game: Game, breaches: bool = False) -> list[float]:
    """The values expressed (or breached) in VALUES order, each 0..1 of the largest count of
    either kind, so the two shapes of the radar share one scale."""
    shown = value_counts(game, breaches)
    top = max(*value_counts(game).values(), *value_counts(game, True).values()) or 1
    return [shown[v] / top for v in VALUES]
