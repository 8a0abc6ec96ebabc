"""How harsh each seed is: what the draws alone do to a class that plays on that seed.

A seed decides which chance events fire and when. A class seed is fair when no quarter piles
two shocks on the players at once. For each seed checked, a passive game (every event given
its default answer, no policy) shows the events that land in each quarter and the score the
draws leave; a seed is *crowded* when some quarter has two or more events, and its
*shortfall* is how far its passive score falls below the median of the seeds checked.
"""

from __future__ import annotations

import statistics
from typing import Any

from game.engine.bots import passive
from game.engine.game import Game
from game.scenario.loader import LoadedScenario

SEEDS_CHECKED = 30
SHOWN = 5


def seed_profile(loaded: LoadedScenario, seed: int) -> dict[str, Any]:
    """One seed: events per quarter in a passive game, its score and any ending."""
    game = Game(loaded.compiled, seed)
    while not game.over:
        passive(game, None)  # type: ignore[arg-type]
        game.end_turn()
    quarters: dict[int, list[str]] = {}
    for turn, event in game.fired_log:
        quarters.setdefault(turn, []).append(event)
    crowded = {t: evs for t, evs in sorted(quarters.items()) if len(evs) >= 2}
    assert game.outcome is not None
    return {
        "seed": seed,
        "passive_score": game.outcome.score,
        "ending": game.outcome.ending,
        "most_in_one_turn": max((len(e) for e in quarters.values()), default=0),
        "crowded_turns": {str(t): evs for t, evs in crowded.items()},
    }


def harshness(loaded: LoadedScenario, first: int, count: int = SEEDS_CHECKED) -> dict[str, Any]:
    """The scenario's own seed against ``count`` seeds from ``first``: shortfall, crowding,
    and the harshest seeds checked."""
    own = loaded.scenario.seed
    seeds = sorted({*range(first, first + count), own})
    profiles = [seed_profile(loaded, s) for s in seeds]
    median = statistics.median(p["passive_score"] for p in profiles)
    for p in profiles:
        p["shortfall"] = round(median - p["passive_score"], 3)
    ranked = sorted(profiles, key=lambda p: (-len(p["crowded_turns"]), -p["shortfall"]))
    default = next(p for p in profiles if p["seed"] == own)
    return {
        "checked": len(profiles),
        "median_passive": median,
        "default": default,
        "default_fair": not default["crowded_turns"],
        "default_rank": ranked.index(default) + 1,
        "harshest": ranked[:SHOWN],
        "fair_seeds": [p["seed"] for p in profiles if not p["crowded_turns"]],
    }
