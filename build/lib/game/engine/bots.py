"""Bots that play without a window: passive, random, greedy (and a category-favouring one).

A bot plays one turn at a time through :func:`play_turn`, using only the public actions of
:class:`Game`, so its decisions are recorded and replay like a player's.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.engine.actions import Adopt, Choose
from game.engine.game import Game

Bot = Callable[[Game, random.Random], None]

# The greedy bot picks at random among the adoptions whose gain is within this much of the
# best one, as a thoughtful player would among options of near-equal worth.
NEAR_POINTS = 1.0
NEAR_SHARE = 0.25
FAVOUR_BONUS = 5.0


def passive(game: Game, rng: random.Random) -> None:
    """Does nothing; events take their default answer."""


def random_bot(game: Game, rng: random.Random) -> None:
    """Answers events at random among open choices, adopts a random number of open policies."""
    for event_id in game.pending_events():
        ev = game.c.events[game.c.event_index[event_id]]
        open_choices = [ch.id for ch in ev.choices if game.why_not_choose(event_id, ch.id) is None]
        if open_choices:
            game.act(Choose(event_id, rng.choice(open_choices)))
    for _ in range(rng.randint(0, game.actions_left)):
        options = [p.id for p in game.c.policies if game.adopt_blocker(p.index) is None]
        if not options:
            return
        game.act(Adopt(rng.choice(options)))


def rollout_score(game: Game) -> float:
    """Final score if nothing more were done from here (the greedy bot's yardstick)."""
    probe = game.clone()
    while not probe.over:
        probe.end_turn()
    assert probe.outcome is not None
    return probe.outcome.score


def greedy(game: Game, rng: random.Random, favour: str | None = None) -> None:
    """Takes, one at a time, an action that (nearly) most improves the passive rollout's score.

    Look-ahead: each open answer and adoption is tried on a copy of the game, which is then
    played to the end with no further decisions; the gain is that final score's change.
    Among adoptions within NEAR_POINTS (or NEAR_SHARE of the best gain) of the best, it picks
    at random from its own seeded source.
    """
    for event_id in game.pending_events():
        ev = game.c.events[game.c.event_index[event_id]]
        best, best_score = None, float("-inf")
        for ch in ev.choices:
            if game.why_not_choose(event_id, ch.id) is None:
                probe = game.clone()
                probe.act(Choose(event_id, ch.id))
                sc = rollout_score(probe)
                if sc > best_score:
                    best, best_score = ch.id, sc
        if best is not None:
            game.act(Choose(event_id, best))
    while game.actions_left > 0:
        current = rollout_score(game)
        gains: list[tuple[float, str]] = []
        for p in game.c.policies:
            if game.adopt_blocker(p.index) is not None:
                continue
            probe = game.clone()
            probe.act(Adopt(p.id))
            gain = rollout_score(probe) - current
            if favour is not None and game.c.scenario.policies[p.index].category == favour:
                gain += FAVOUR_BONUS
            if gain > 1e-9:
                gains.append((gain, p.id))
        if not gains:
            return
        top = max(g for g, _ in gains)
        near = [pid for g, pid in gains if g >= top - max(NEAR_POINTS, NEAR_SHARE * top)]
        game.act(Adopt(rng.choice(near)))


def favouring(category: str) -> Bot:
    """A greedy bot with a bias toward one policy category."""

    def bot(game: Game, rng: random.Random) -> None:
        greedy(game, rng, favour=category)

    return bot


BOTS: dict[str, Bot] = {"passive": passive, "random": random_bot, "greedy": greedy}


def play_bot(game: Game, bot: Bot, rng_seed: int) -> Game:
    """Play a whole game with a bot; its own random source is seeded apart from the events."""
    rng = random.Random(rng_seed * 7919 + 17)
    while not game.over:
        bot(game, rng)
        game.end_turn()
    return game
