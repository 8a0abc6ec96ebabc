"""Bots that play without a window, and the one table of them (:data:`BOTS`).

A bot plays one turn at a time, using only the public actions of :class:`Game`, so its
decisions are recorded and replay like a player's. Registering a bot with :func:`register`
makes it available to ``agen simulate --bot``, to ``agen balance`` (with its share of the
runs) and so to ``agen lint``'s findings from bot games. A bot's own random source is
seeded by :func:`bot_random`, the one rule for it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from game.engine.actions import Action, Adopt, Choose
from game.engine.game import Game
from game.engine.scoring import score
from game.errors import Codes, Message

Bot = Callable[[Game, random.Random], None]
PlayFn = TypeVar("PlayFn", bound=Callable[..., None])


@dataclass(frozen=True)
class RegisteredBot:
    """A bot of the table: how it plays, what it is, and its part of a balance run."""

    name: str
    play: Bot
    about: Message | str  # what it does (a BotText Message; a test's bot: its words as they are)
    share: Callable[[int], int] | None  # its games in a balance run of N; None: the rest
    chunk: int  # games per task of a balance run: many for a cheap bot, few for a dear one

    def __call__(self, game: Game, rng: random.Random) -> None:
        self.play(game, rng)

    @property
    def cheap(self) -> bool:
        """Whether a game of it costs about as little as a random game."""
        return self.chunk >= 100


BOTS: dict[str, RegisteredBot] = {}


class BotText(Codes):
    """What each bot of the table does (the balance report's notes say it)."""

    PASSIVE = "bot.passive"
    RANDOM = "bot.random"
    GREEDY = "bot.greedy"


def register(
    name: str, about: Message | str, share: Callable[[int], int] | None, chunk: int
) -> Callable[[PlayFn], PlayFn]:
    """Add a bot to the table (a decorator); ``share=None`` for the one that takes the rest."""

    def add(play: PlayFn) -> PlayFn:
        BOTS[name] = RegisteredBot(name, play, about, share, chunk)
        return play

    return add


def bot_random(seed: int) -> random.Random:
    """A bot's own random source for a game of seed ``seed``, apart from the events' draws."""
    return random.Random(seed * 7919 + 17)


# The greedy bot picks at random among the adoptions whose gain is within this much of the
# best one, as a thoughtful player would among options of near-equal worth.
NEAR_POINTS = 1.0
NEAR_SHARE = 0.25
FAVOUR_BONUS = 5.0
# The greedy bot's cost per decision is bounded: it weighs at most MAX_OPTIONS adoptions (a
# seeded sample when more are open) and looks at most MAX_HORIZON turns ahead (then scores
# the state reached). Every shipped scenario is within both bounds, so there it looks at
# every option to the end of the game.
MAX_OPTIONS = 40
MAX_HORIZON = 12


@register(
    "passive",
    Message.of(BotText.PASSIVE),
    share=lambda runs: max(1, runs // 20),
    chunk=500,
)
def passive(game: Game, rng: random.Random) -> None:
    """Does nothing; events take their default answer."""


@register(
    "random",
    Message.of(BotText.RANDOM),
    share=None,
    chunk=250,
)
def random_bot(game: Game, rng: random.Random) -> None:
    """Answers events at random among open choices, adopts a random number of open policies."""
    for event_id in game.pending_events():
        game.answer_one(event_id, rng.choice)
    for _ in range(rng.randint(0, game.actions_left)):
        if not game.adopt_one(rng.choice):
            return


# Rollout scores remembered by (the game's future_key, horizon), inside rollouts_remembered().
_REMEMBERED: dict[tuple[object, ...], float] | None = None


@contextmanager
def rollouts_remembered() -> Iterator[None]:
    """Inside it, a rollout from a state already rolled out is not played again: its score is
    remembered by everything the rest of the game depends on (``Game.future_key``) and the
    horizon. Greedy bots playing the same seed (the plain one and the category-favouring
    ones of a balance run) reach the same states until their choices part, and a rollout is
    most of their cost; outside, nothing is kept, so memory stays bounded by the block."""
    global _REMEMBERED
    outer = _REMEMBERED
    _REMEMBERED = {}
    try:
        yield
    finally:
        _REMEMBERED = outer


def rollout_score(game: Game, horizon: int | None = None) -> float:
    """Score if nothing more were done from here (the greedy bot's yardstick): at the end of
    the game, or after ``horizon`` turns when that comes first."""
    return _remembered(game, horizon, spare=False)


def _score_after(game: Game, action: Action, horizon: int) -> float:
    """The rollout score after one action, tried on a copy of the game."""
    probe = game.clone(quiet=True)  # only its values and score are read: no ledger
    probe.act(action)
    return _remembered(probe, horizon, spare=True)


def _remembered(game: Game, horizon: int | None, spare: bool) -> float:
    """The rollout score of ``game``, remembered when asked to; a ``spare`` game (a probe no
    one else holds) is played on itself, saving a copy."""
    memory = _REMEMBERED
    if memory is None or game.over:
        return _rolled_out(game if spare else game.clone(quiet=True), horizon)
    key = (game.future_key(), horizon)
    found = memory.get(key)
    if found is None:
        found = memory[key] = _rolled_out(game if spare else game.clone(quiet=True), horizon)
    return found


def _rolled_out(probe: Game, horizon: int | None) -> float:
    """Play ``probe`` on with no decisions to the end or ``horizon`` turns; its score."""
    turns = 0
    while not probe.over and (horizon is None or turns < horizon):
        probe.end_turn()
        turns += 1
    return probe.outcome.score if probe.outcome is not None else score(probe).score


@register(
    "greedy",
    Message.of(BotText.GREEDY, options=MAX_OPTIONS, horizon=MAX_HORIZON),
    share=lambda runs: max(1, min(runs // 20, 25), runs // 250),
    chunk=2,
)
def greedy(
    game: Game,
    rng: random.Random,
    favour: str | None = None,
    max_options: int = MAX_OPTIONS,
    horizon: int = MAX_HORIZON,
) -> None:
    """Takes, one at a time, an action that (nearly) most improves the passive rollout's score.

    Look-ahead: each open answer and adoption is tried on a copy of the game, which is then
    played on with no further decisions, to the end or ``horizon`` turns; the gain is the
    change of the score reached. When more than ``max_options`` adoptions are open, a seeded
    sample of that many is weighed. Among adoptions within NEAR_POINTS (or NEAR_SHARE of the
    best gain) of the best, it picks at random from its own seeded source.
    """
    for event_id in game.pending_events():
        best, best_score = None, float("-inf")
        for ch in game.open_choices(game.compiled.event_index[event_id]):
            sc = _score_after(game, Choose(event_id, ch.id), horizon)
            if sc > best_score:
                best, best_score = ch.id, sc
        if best is not None:
            game.act(Choose(event_id, best))
    current = rollout_score(game, horizon)
    while game.actions_left > 0:
        gains: list[tuple[float, str]] = []
        reached: dict[str, float] = {}  # the rollout's score after each adoption
        open_ = game.open_policies()
        if len(open_) > max_options:
            open_ = rng.sample(open_, max_options)
        for p in open_:
            reached[p.id] = _score_after(game, Adopt(p.id), horizon)
            gain = reached[p.id] - current
            if favour is not None and game.scenario.policies[p.index].category == favour:
                gain += FAVOUR_BONUS
            if gain > 1e-9:
                gains.append((gain, p.id))
        if not gains:
            return
        top = max(g for g, _ in gains)
        near = [pid for g, pid in gains if g >= top - max(NEAR_POINTS, NEAR_SHARE * top)]
        chosen = rng.choice(near)
        game.act(Adopt(chosen))
        current = reached[chosen]  # the same rollout from the same state: no need to replay


def favouring(category: str) -> Bot:
    """A greedy bot with a bias toward one policy category."""

    def bot(game: Game, rng: random.Random) -> None:
        greedy(game, rng, favour=category)

    return bot


def play_bot(
    game: Game, bot: Bot, rng_seed: int, turn_done: Callable[[], None] | None = None
) -> Game:
    """Play a whole game with a bot; its own random source is seeded apart from the events.
    ``turn_done()`` is called after each turn (for a progress line)."""
    rng = bot_random(rng_seed)
    while not game.over:
        bot(game, rng)
        game.end_turn()
        if turn_done is not None:
            turn_done()
    return game


def passive_score(game: Game) -> float:
    """The score of doing nothing on ``game``'s scenario, form and seed (no policy, every
    event its default answer): what a debrief compares the player's score with."""
    idle = play_bot(Game(game.compiled, game.seed), BOTS["passive"], game.seed)
    assert idle.outcome is not None
    return idle.outcome.score
