"""A search for the best decision path on one seed: hill climbing with random restarts.

A candidate path is a *genome*: for each turn, up to ``actions_per_turn`` policy slots (each
toggles its policy: cancel it if in force, else adopt it; -1 = do nothing) and, for each event,
the choice to take if it fires in that turn (-1 = the default). Playing a genome follows a plan's order
within a turn (answers, cancellations, adoptions) and skips any step the rules refuse, so every
genome is playable and the path actually played replays as a plan with ``agen check``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.engine.actions import Adopt, Cancel, Choose, Decision
from game.engine.bots import greedy, play_bot
from game.engine.game import Game
from game.scenario.compiled import Compiled

GREEDY_COST = 50


@dataclass
class Genome:
    """Decisions by turn: policy slots, and a choice index per event (-1 = the default)."""

    slots: list[list[int]]
    answers: list[list[int]]

    def copy(self) -> Genome:
        """An independent copy."""
        return Genome([list(s) for s in self.slots], [list(a) for a in self.answers])


@dataclass(frozen=True)
class Found:
    """The best path one search task found."""

    score: float
    decisions: tuple[Decision, ...]
    evaluations: int
    seed: int


def play_genome_marked(c: Compiled, genome: Genome, seed: int, forced: list[int]) -> Game:
    """Play a genome; the indices of decisions the engine took by default go to ``forced``."""
    game = Game(c, seed)
    while not game.over:
        _play_turn(c, genome, game)
        mark = len(game.decisions)
        game.end_turn()
        forced.extend(range(mark, len(game.decisions)))
    return game


def _play_turn(c: Compiled, genome: Genome, game: Game) -> None:
    """A genome's decisions for the turn being played (not its end): answers, cancellations,
    adoptions, each step the rules refuse skipped."""
    for eid in game.pending_events():
        ev = c.events[c.event_index[eid]]
        pick = genome.answers[game.turn - 1][ev.index]
        open_now = game.open_choices(ev.index)  # asked without building refusals
        if pick >= 0 and ev.choices[pick] in open_now:
            game.act(Choose(eid, ev.choices[pick].id))
        elif open_now:  # the default answer, when the rules allow it
            game.act(Choose(eid, open_now[0].id))
    wanted = [c.policies[p].id for p in genome.slots[game.turn - 1] if p >= 0]
    cancels = [pid for pid in wanted if game.active(pid)]
    adopts = [pid for pid in wanted if not game.active(pid)]
    for pid in cancels:
        if game.why_not_cancel(pid) is None:
            game.act(Cancel(pid))
    for pid in adopts:
        if game.adopt_blocker(c.policy_index[pid]) is None:
            game.act(Adopt(pid))


def play_genome(c: Compiled, genome: Genome, seed: int) -> Game:
    """Play a genome to the end, skipping refused steps."""
    return play_genome_marked(c, genome, seed, [])


@dataclass(frozen=True)
class Played:
    """A genome, its score, and its game at the start of each turn it played (before that
    turn's decisions): a neighbour that first differs at turn t plays on from there, since
    what happens before a turn depends only on the decisions of the turns before it."""

    genome: Genome
    score: float
    starts: list[Game]  # turn t's at [t - 1]; never played on (copies are)


def play_scored(c: Compiled, genome: Genome, seed: int, base: Played | None = None) -> Played:
    """Play a genome to its score, as :func:`play_genome` would, from the first turn where it
    differs from the genome ``base`` played (the one it was mutated from)."""
    turn = 1 if base is None else base_turn(c, genome, base)
    if base is not None and turn > len(base.starts):
        return Played(genome, base.score, base.starts)  # no difference a game reads
    starts = [Game(c, seed, quiet=True)] if base is None else base.starts[:turn]
    game = starts[-1].clone()
    while not game.over:
        if game.turn > turn:
            starts.append(game.clone())
        _play_turn(c, genome, game)
        game.end_turn()
    return Played(genome, _score(game), starts)


def base_turn(c: Compiled, genome: Genome, base: Played) -> int:
    """The first turn at which ``genome`` and the genome ``base`` played differ in a decision
    the game reads (an answer counts only while its event awaits one), or one past the last
    turn ``base`` played when they never do."""
    old = base.genome
    for t, start in enumerate(base.starts):
        if genome.slots[t] != old.slots[t]:
            return t + 1
        now, then = genome.answers[t], old.answers[t]
        if now != then:
            for eid in start.pending_events():
                e = c.event_index[eid]
                if now[e] != then[e]:
                    return t + 1
    return len(base.starts) + 1


def genome_of(c: Compiled, decisions: list[Decision]) -> Genome:
    """The genome that reproduces a recorded game's adoptions, cancellations and answers."""
    s = c.scenario
    g = empty_genome(c)
    for d in decisions:
        a = d.action
        if isinstance(a, Choose):
            ev = c.events[c.event_index[a.event]]
            g.answers[d.turn - 1][ev.index] = next(
                ch.index for ch in ev.choices if ch.id == a.choice
            )
            continue
        row = g.slots[d.turn - 1]
        free = [i for i, p in enumerate(row) if p < 0]
        if free and d.turn <= s.turns:
            row[free[0]] = c.policy_index[a.policy]
    return g


def empty_genome(c: Compiled) -> Genome:
    """A genome that does nothing."""
    s = c.scenario
    return Genome(
        [[-1] * s.actions_per_turn for _ in range(s.turns)],
        [[-1] * len(c.events) for _ in range(s.turns)],
    )


def random_genome(c: Compiled, rng: random.Random) -> Genome:
    """A genome with random adoptions (about half the slots used)."""
    g = empty_genome(c)
    n = len(c.policies)
    for row in g.slots:
        for i in range(len(row)):
            if n and rng.random() < 0.5:
                row[i] = rng.randrange(n)
    return g


def mutate(c: Compiled, g: Genome, rng: random.Random) -> Genome:
    """A neighbour: one to three slots or answers changed at random."""
    out = g.copy()
    n = len(c.policies)
    for _ in range(rng.randint(1, 3)):
        if c.events and rng.random() < 0.2:
            e = rng.randrange(len(c.events))
            turn = rng.randrange(len(out.answers))
            out.answers[turn][e] = rng.randrange(-1, len(c.events[e].choices))
        elif n:
            row = out.slots[rng.randrange(len(out.slots))]
            row[rng.randrange(len(row))] = rng.randrange(-1, n)
    return out


def search(c: Compiled, seed: int, evaluations: int, task_seed: int, start_greedy: bool) -> Found:
    """Hill-climb from restarts (the greedy bot's path first when asked); keep the best.

    The greedy start costs about as much as ``GREEDY_COST`` plays and is counted so.
    """
    rng = random.Random(task_seed)
    best_score = float("-inf")
    best_genome: Genome | None = None
    used = 0
    per_restart = max(20, evaluations // 4)
    first = True
    while used < evaluations:
        if first and start_greedy:
            played = play_bot(Game(c, seed, quiet=True), greedy, seed)
            current = play_scored(c, genome_of(c, played.decisions), seed)
            used += GREEDY_COST
        else:
            current = play_scored(c, random_genome(c, rng), seed)
        first = False
        used += 1
        for _ in range(per_restart):
            if used >= evaluations:
                break
            candidate = play_scored(c, mutate(c, current.genome, rng), seed, current)
            used += 1
            if candidate.score >= current.score:
                current = candidate
        if current.score > best_score:
            best_score, best_genome = current.score, current.genome.copy()
    assert best_genome is not None
    forced: list[int] = []
    final = play_genome_marked(c, best_genome, seed, forced)
    skip = set(forced)
    chosen = tuple(d for i, d in enumerate(final.decisions) if i not in skip)
    return Found(_score(final), chosen, used, seed)


def _score(game: Game) -> float:
    assert game.outcome is not None
    return game.outcome.score
