"""Bot games for balance and lint, recorded as compact rows.

A row holds what the report needs and nothing more, so thousands of them cross process
boundaries cheaply: score, grade, goals met and policies adopted as bit masks, the events that
fired, the ending, and what was ever *possible* in the game (policies whose ``available`` held,
events whose window and ``when`` held at a draw, metrics that moved).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.actions import Adopt
from game.engine.bots import BOTS, Bot, bot_random, favouring
from game.engine.game import Game
from game.scenario.compiled import Compiled
from game.scenario.expressions import Expression
from game.scenario.kept import kept

FAVOUR = "favour:"


@dataclass(frozen=True)
class Row:
    """One bot game, reduced to what balance and lint read."""

    bot: str
    seed: int
    score: float
    grade: int | None
    goals: int  # bit i: goal i met
    adopted: int  # bit i: policy i adopted at least once
    fired: tuple[int, ...]  # event indices, once per firing
    ending: int  # index into the scenario's endings, -1 when the game ran its course
    offered: int  # bit i: policy i's `available` held at the start of some turn
    eligible: int  # bit i: event i's window and `when` held at some draw
    moved: int  # bit i: metric i differed from its start at some turn
    turns_played: int


def bot_for(name: str) -> Bot:
    """The bot of a name: an engine bot, or ``favour:CATEGORY`` for a favouring greedy bot."""
    if name.startswith(FAVOUR):
        return favouring(name[len(FAVOUR) :])
    return BOTS[name]


def play_row(compiled: Compiled, bot_name: str, seed: int) -> Row:
    """Play one game with a bot (its random source seeded as ``play_bot`` seeds it)."""
    bot = bot_for(bot_name)
    game = Game(compiled, seed, quiet=True)  # a row reads no ledger
    rng = bot_random(seed)
    offered = eligible = 0
    watched, offered_all, windows = _watch(compiled)  # still to be seen: each is asked once
    while not game.over:
        if watched:
            offered, watched = _offered(game, watched, offered)
        if windows:
            eligible, windows = _eligible(game, windows, eligible)
        bot(game, rng)
        game.end_turn()
    return summarize(game, bot_name, offered | offered_all, eligible)


def summarize(game: Game, bot_name: str, offered: int, eligible: int) -> Row:
    """Reduce a finished game to a :class:`Row`."""
    c = game.compiled
    outcome = game.outcome
    assert outcome is not None
    goal_bits = sum(1 << i for i, g in enumerate(c.goals) if g.id in outcome.goals)
    adopted = 0
    for decision in game.decisions:
        if isinstance(decision.action, Adopt):
            adopted |= 1 << c.policy_index[decision.action.policy]
    fired = tuple(c.event_index[eid] for _, eid in game.fired_log)
    ending = -1
    if outcome.ending is not None:
        ending = next(i for i, en in enumerate(c.endings) if en.id == outcome.ending)
    return Row(
        bot=bot_name,
        seed=game.seed,
        score=outcome.score,
        grade=outcome.grade,
        goals=goal_bits,
        adopted=adopted,
        fired=fired,
        ending=ending,
        offered=offered,
        eligible=eligible,
        moved=_moved(game),
        turns_played=outcome.turns_played,
    )


Watched = list[tuple[int, Expression]]
Windows = list[tuple[int, int, int, Expression | None]]


def _watch(compiled: Compiled) -> tuple[Watched, int, Windows]:
    """What a game's row watches (made once per scenario, kept with it): the policies with an
    ``available`` (bit, condition), the bits of those without, the events' windows."""
    return kept(compiled, "row_watch", _make_watch)


def _make_watch(compiled: Compiled) -> tuple[Watched, int, Windows]:
    policies = compiled.policies
    return (
        [(1 << p.index, p.available) for p in policies if p.available is not None],
        sum(1 << p.index for p in policies if p.available is None),
        [(ev.first, ev.last, 1 << ev.index, ev.when) for ev in compiled.events],
    )


def _offered(game: Game, watched: Watched, bits: int) -> tuple[int, Watched]:
    """``bits`` with those of the watched policies (bit, ``available``) whose ``available``
    holds now; and the policies still to be seen."""
    waiting = []
    for item in watched:
        if game.evaluate(item[1]):
            bits |= item[0]
        else:
            waiting.append(item)
    return bits, waiting


def _eligible(game: Game, windows: Windows, bits: int) -> tuple[int, Windows]:
    """``bits`` with those of the events (first, last, bit, ``when``) inside their window
    whose ``when`` holds now; and the events still to be seen (none past its window)."""
    t = game.turn
    waiting = []
    for item in windows:
        first, last, bit, when = item
        if first <= t <= last and (when is None or game.evaluate(when)):
            bits |= bit
        elif t < last:
            waiting.append(item)
    return bits, waiting


def _moved(game: Game) -> int:
    bits = 0
    for m, name in enumerate(game.compiled.metric_ids):
        history = iter(game.history_of(name))
        start = next(history)
        for value in history:
            if value != start:
                bits |= 1 << m
                break
    return bits
