"""``outlives_cancel``: what a policy set in motion while in force lands after a cancellation."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Adopt, Cancel, Game
from game.engine import ledger as L
from game.scenario import LoadedScenario, load_scenario
from tests.engine.carry_scenario import CARRY

TURNS = 6


def _loaded() -> LoadedScenario:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "carry.toml"
        path.write_text(CARRY, encoding="utf-8")
        return load_scenario(path)


LOADED = _loaded()


def _landings(game: Game, metric: str, source: str, delta: float) -> list[int]:
    slot = game.compiled.slot(metric)
    return [
        t
        for t, m, kind, s, d in game.ledger.entries
        if m == slot and kind == L.POLICY and s == source and d == delta
    ]


def _spells(game: Game, pid: str) -> list[tuple[int, int]]:
    """(adopted, cancelled) turns; cancelled = TURNS + 1 when in force at the end."""
    out, start = [], 0
    for d in game.decisions:
        a = d.action
        if isinstance(a, Adopt) and a.policy == pid:
            start = d.turn
        elif isinstance(a, Cancel) and a.policy == pid:
            out.append((start, d.turn))
    if game.active(pid):
        out.append((start, TURNS + 1))
    return out


def _play(toggles: list[tuple[int, str]]) -> Game:
    game = Game(LOADED.compiled)
    for turn in range(1, TURNS + 1):
        for when, pid in toggles:
            if when == turn:
                action = Cancel(pid) if game.active(pid) else Adopt(pid)
                allowed = game.can_cancel(pid) if game.active(pid) else game.can_adopt(pid)
                if allowed:
                    game.act(action)
        game.end_turn()
    return game


def test_a_backlash_lands_after_a_one_quarter_pulse() -> None:
    game = _play([(1, "pulse"), (2, "pulse")])  # in force for turn 1's resolution only
    assert _landings(game, "x", "pulse", 4) == [1]
    assert _landings(game, "x", "pulse", -3) == [3]  # delay 2: lands in turn 3 all the same


def test_adopted_and_cancelled_in_one_turn_sets_nothing_in_motion() -> None:
    game = Game(LOADED.compiled)
    game.act(Adopt("pulse"))
    game.act(Cancel("pulse"))
    for _ in range(TURNS):
        game.end_turn()
    assert _landings(game, "x", "pulse", -3) == []


def test_a_habit_with_a_duration_runs_its_whole_course() -> None:
    game = _play([(1, "habit"), (2, "habit")])
    assert _landings(game, "morale", "habit", -1) == [2, 3, 4]


TOGGLES = st.lists(
    st.tuples(st.integers(1, TURNS), st.sampled_from(["pulse", "habit"])), max_size=10
)


@settings(max_examples=80, deadline=None)
@given(TOGGLES)
def test_switching_on_and_off_never_dodges_a_consequence(toggles: list[tuple[int, str]]) -> None:
    """Each turn in force sets one backlash turn in motion (delay 2, no duration); each spell
    of at least one turn sets the habit's whole run (delay 1, duration 3) in motion — whatever
    the player toggles, exactly those land (those the game still has turns for)."""
    game = _play(toggles)
    backlash = sorted(
        r + 2
        for a, c in _spells(game, "pulse")
        for r in range(a, min(c, TURNS + 1))
        if r + 2 <= TURNS
    )
    assert sorted(_landings(game, "x", "pulse", -3)) == backlash
    habit = sorted(
        t for a, c in _spells(game, "habit") if c > a for t in range(a + 1, a + 4) if t <= TURNS
    )
    assert sorted(_landings(game, "morale", "habit", -1)) == habit


def test_a_clone_carries_what_is_still_to_land() -> None:
    game = Game(LOADED.compiled)
    game.act(Adopt("pulse"))
    game.end_turn()
    game.act(Cancel("pulse"))
    copy = game.clone()
    for g in (game, copy):
        while not g.over:
            g.end_turn()
    assert _landings(copy, "x", "pulse", -3) == _landings(game, "x", "pulse", -3) == [3]
