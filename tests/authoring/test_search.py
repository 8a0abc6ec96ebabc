"""The search plays a neighbour on from the first turn where it differs from the genome it
was mutated from: the score is always that of playing the neighbour from the start."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.authoring.search import (
    Genome,
    base_turn,
    empty_genome,
    mutate,
    play_genome,
    play_scored,
    random_genome,
)
from game.scenario import LoadedScenario, load_scenario
from tests.files import EXAMPLE, SCENARIOS

PATHS = [EXAMPLE, *sorted(SCENARIOS.glob("*.toml"))]


@cache
def _loaded(path: Path) -> LoadedScenario:
    return load_scenario(path)


def _full_score(loaded: LoadedScenario, genome: Genome, seed: int) -> float:
    game = play_genome(loaded.compiled, genome, seed)
    assert game.outcome is not None
    return game.outcome.score


@settings(max_examples=25, deadline=None)
@given(path=st.sampled_from(PATHS), seed=st.integers(0, 500), walk=st.integers(0, 10_000))
def test_a_neighbour_played_on_scores_as_played_from_the_start(
    path: Path, seed: int, walk: int
) -> None:
    loaded = _loaded(path)
    c, rng = loaded.compiled, random.Random(walk)
    current = play_scored(c, random_genome(c, rng), seed)
    assert current.score == _full_score(loaded, current.genome, seed)
    for _ in range(12):  # a hill-climbing walk: each neighbour played on from its parent
        neighbour = play_scored(c, mutate(c, current.genome, rng), seed, current)
        assert neighbour.score == _full_score(loaded, neighbour.genome, seed)
        assert [g.turn for g in neighbour.starts] == list(range(1, len(neighbour.starts) + 1))
        if rng.random() < 0.6:
            current = neighbour


def test_the_first_turn_read_is_where_a_neighbour_starts() -> None:
    c = _loaded(SCENARIOS / "dukcapil.toml").compiled
    base = play_scored(c, empty_genome(c), 3)
    assert [g.turn for g in base.starts] == list(range(1, len(base.starts) + 1))
    same = empty_genome(c)
    assert base_turn(c, same, base) == len(base.starts) + 1  # nothing differs
    later = empty_genome(c)
    later.slots[2][0] = 0
    assert base_turn(c, later, base) == 3
    waiting = {t: base.starts[t].pending_events() for t in range(len(base.starts))}
    quiet = next(e for e in c.events if all(e.id not in w for w in waiting.values()))
    unread = empty_genome(c)
    unread.answers[0][quiet.index] = 0  # its event never awaits an answer in this game
    assert base_turn(c, unread, base) == len(base.starts) + 1
    t, eid = next((t, w[0]) for t, w in waiting.items() if w)
    read = empty_genome(c)
    read.answers[t][c.event_index[eid]] = 0
    assert base_turn(c, read, base) == t + 1
