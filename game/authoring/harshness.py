"""How harsh each seed is: what the draws alone do to a class that plays on that seed.

A seed decides which chance events fire and when. A class seed is fair when no quarter piles
two big shocks on the players at once. A *shock* is an event none of whose answers is free of
harm: every choice moves some metric the wrong way. For each seed checked, a
passive game (every event given its default answer, no policy) shows the shocks that land in
each quarter and the score the draws leave; a seed is *crowded* when some quarter has two or
more shocks, and its *shortfall* is how far its passive score falls below the median of the
seeds checked.
"""

from __future__ import annotations

import statistics
from typing import Any

from game.engine.bots import passive
from game.engine.game import Game
from game.scenario.loader import LoadedScenario

SEEDS_CHECKED = 30
SHOWN = 5


def _harms(loaded: LoadedScenario, effects: Any) -> bool:
    s = loaded.scenario
    for e in effects:
        if not isinstance(e.delta, (int, float)) or e.delta == 0:
            continue
        better = s.metrics[e.metric].higher_is_better if e.metric in s.metrics else True
        if (e.delta < 0) == better:
            return True
    return False


def shocks(loaded: LoadedScenario) -> frozenset[str]:
    """Events every answer of which harms: some fixed effect moves a metric the wrong way (a
    paid remedy with only good effects is an answer, not a shock)."""
    return frozenset(
        ev.id
        for ev in loaded.scenario.events
        if all(_harms(loaded, ch.effects) for ch in ev.choices)
    )


def shocks_by_turn(loaded: LoadedScenario, fired: list[tuple[int, str]]) -> dict[int, list[str]]:
    """The shocks among the events fired, by the turn they fired."""
    big = shocks(loaded)
    out: dict[int, list[str]] = {}
    for turn, event in fired:
        if event in big:
            out.setdefault(turn, []).append(event)
    return out


def seed_profile(loaded: LoadedScenario, seed: int) -> dict[str, Any]:
    """One seed: shocks per quarter in a passive game, its score and any ending."""
    game = Game(loaded.compiled, seed, quiet=True)  # its fired log and score are read
    while not game.over:
        passive(game, None)  # type: ignore[arg-type]
        game.end_turn()
    quarters = shocks_by_turn(loaded, game.fired_log)
    crowded = {t: evs for t, evs in sorted(quarters.items()) if len(evs) >= 2}
    assert game.outcome is not None
    return {
        "seed": seed,
        "passive_score": game.outcome.score,
        "ending": game.outcome.ending,
        "most_shocks_in_one_turn": max((len(e) for e in quarters.values()), default=0),
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
