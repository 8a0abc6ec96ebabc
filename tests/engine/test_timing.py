"""Turn resolution exactly as SCENARIO-FORMAT.md's 'Timing, exactly' and 'What a turn does'."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Adopt, Cancel, Choose, Game
from game.errors import ActionRefused
from game.i18n import say
from game.scenario import LoadedScenario, load_scenario
from tests.engine.timing_scenario import BASE


@pytest.fixture()
def timing(tmp_path: Path) -> LoadedScenario:
    path = tmp_path / "timing.toml"
    path.write_text(BASE, encoding="utf-8")
    return load_scenario(path)


def _run(game: Game, turns: int) -> list[float]:
    xs = []
    for _ in range(turns):
        if game.pending_events():
            game.act(Choose("shock", "ignore"))
        game.end_turn()
        xs.append(game.value_at(game.turns_played, game.compiled.metric_ids[0]))
    return xs


def test_delay_ramp_duration(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.act(Adopt("slow"))  # turn 1: delay 2 -> first acts in turn 3, ramp 2 -> 5 then 10, 3 turns
    assert game.value("money") == 90
    xs = _run(game, 6)
    ignore = [0, -1, -1, 0, 0, 0]  # the 'ignore' answer at turn 2 acts in turns 2 and 3
    slow = [0, 0, 5, 10, 10, 0]
    expected, total = [], 0.0
    for a, b in zip(ignore, slow):
        total += a + b
        expected.append(total)
    assert xs == expected
    assert game.value("money") == 90 - 6  # upkeep 1 per turn while in force


def test_held_counts_the_current_resolution(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.act(Adopt("counter"))
    assert game.held("counter") == 1
    game.end_turn()  # +1 (held 1)
    assert game.held("counter") == 2
    game.act(Choose("shock", "ignore"))
    game.end_turn()  # +2 - 1
    assert game.value("x") == 1 + 2 - 1
    assert game.value("double_x") == 2 * game.value("x")


def test_cancel_stops_and_readopting_restarts(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.act(Adopt("counter"))
    game.end_turn()
    game.act(Choose("shock", "ignore"))
    game.act(Cancel("counter"))
    assert game.held("counter") == 0
    game.act(Adopt("counter"))
    assert game.held("counter") == 1
    with pytest.raises(ActionRefused) as info:
        game.act(Adopt("slow"))
    assert info.value.reason == "no_actions"


def _reason(refusal: ActionRefused | None) -> str | None:
    return None if refusal is None else refusal.reason


def test_refusals_name_the_reason(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    reasons = {pid: game.why_not_adopt(pid) for pid in ("needs_slow", "later", "slow")}
    assert reasons["needs_slow"] is not None and reasons["needs_slow"].reason == "requires"
    assert reasons["later"] is not None and reasons["later"].reason == "not_available"
    assert reasons["slow"] is None
    game.act(Adopt("counter"))
    game.act(Adopt("slow"))
    game.end_turn()
    game.act(Choose("shock", "ignore"))
    refusal = game.why_not_adopt("needs_slow")
    assert refusal is not None and refusal.reason == "excluded"
    assert "Counter" in say(refusal.said, "en")
    assert _reason(game.why_not_adopt("dear")) == "no_budget"
    assert _reason(game.why_not_adopt("slow")) == "already_active"
    assert _reason(game.why_not_cancel("later")) == "not_active"


def test_events_must_be_answered_before_acting_and_default(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.end_turn()
    assert game.pending_events() == ["shock"]
    refusal = game.why_not_adopt("counter")
    assert refusal is not None and refusal.reason == "event_pending"
    assert game.default_choice("shock") == "pay"
    game.end_turn()  # default: pay (requires money >= 50 holds), effect +100 at turn 3
    assert game.value("money") == 50
    assert game.decisions[-1].action == Choose("shock", "pay")
    game.end_turn()
    assert game.value("x") == 100


def test_unaffordable_choice_is_refused(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.act(Adopt("dear"))
    game.end_turn()
    refusal = game.why_not_choose("shock", "pay")
    assert refusal is not None and refusal.reason == "requires"
    assert game.default_choice("shock") == "ignore"


def test_score_goals_grade(timing: LoadedScenario) -> None:
    game = Game(timing.compiled)
    game.act(Adopt("slow"))
    _run(game, 8)
    assert game.over and game.outcome is not None
    assert game.outcome.base == 25 - 2
    assert game.outcome.goals == ("big",)
    assert game.outcome.score == 25 - 2 + 5
    assert timing.scenario.scoring.grades[game.outcome.grade or 0].name == "Good"
    with pytest.raises(ActionRefused):
        game.end_turn()


def test_limits_are_recorded(timing: LoadedScenario, tmp_path: Path) -> None:
    text = BASE.replace(
        '[[policies]]\nid = "later"',
        '[[rules]]\nid = "grow"\nmetric = "y"\ndelta = 4\n\n[[policies]]\nid = "later"',
    )
    path = tmp_path / "lim.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    game = Game(loaded.compiled)
    for _ in range(3):
        if game.pending_events():
            game.act(Choose("shock", "ignore"))
        game.end_turn()
    assert game.value("y") == 10
    causes = game.causes(3, "y")
    assert {c.kind for c in causes} == {"rule", "limit"}
    assert sum(c.delta for c in causes) == 2


def test_ending_stops_early(timing: LoadedScenario, tmp_path: Path) -> None:
    text = BASE + '\n[[endings]]\nid = "broke"\ncondition = "money < 60"\ntext = "Out of money"\n'
    path = tmp_path / "end.toml"
    path.write_text(text, encoding="utf-8")
    game = Game(load_scenario(path).compiled)
    game.act(Adopt("dear"))
    game.end_turn()
    assert game.over and game.ending == "broke"
    assert game.outcome is not None and game.outcome.turns_played == 1


def test_forced_last_choice_replays(timing: LoadedScenario, tmp_path: Path) -> None:
    from game.engine import replay

    text = BASE.replace(
        'id = "ignore"\nlabel = "Ignore"', 'id = "ignore"\nlabel = "Ignore"\ncost = 30'
    )
    path = tmp_path / "forced.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    game = Game(loaded.compiled)
    game.act(Adopt("dear"))  # money 5: neither 'pay' (requires 50) nor 'ignore' (costs 30) is open
    game.end_turn()
    assert game.why_not_choose("shock", "ignore") is not None
    game.end_turn()  # the last choice is taken anyway, paid as far as the budget allows
    assert game.decisions[-1].action == Choose("shock", "ignore")
    assert game.value("money") == 0
    while not game.over:
        game.end_turn()
    again = replay(loaded.compiled, game.seed, game.decisions)
    assert again.outcome == game.outcome and again.ledger.entries == game.ledger.entries
    halfway = replay(loaded.compiled, game.seed, game.decisions, until_turn=3)
    assert halfway.turn == 3 and not halfway.over
