"""The class's reflection: shared wrong expectations, principle groups, questions with the
class's numbers."""

from __future__ import annotations

from pathlib import Path

from game.engine import BOTS, Adopt, Choose, Game, play_bot
from game.engine.prediction import Prediction
from game.results.class_reflection import class_reflection, describe_wrong, wrong_expectations
from game.results.record import ResultRecord, record_from_game
from game.scenario import LoadedScenario, load_scenario

DUKCAPIL = Path(__file__).parents[2] / "scenarios" / "dukcapil.toml"


def _game(loaded: LoadedScenario, turn1: list[str], seed: int) -> Game:
    game = Game(loaded.compiled, seed)
    while not game.over:
        for e in game.pending_events():
            game.act(Choose(e, game.default_choice(e)))
        if game.turn == 1:
            for pid in turn1:
                game.act(Adopt(pid))
        game.end_turn()
    return game


def _class() -> tuple[LoadedScenario, list[tuple[ResultRecord, Game]]]:
    loaded = load_scenario(DUKCAPIL)
    played = []
    for i in range(10):
        plan = ["full_wfa"] if i < 6 else ["hybrid_backoffice", "service_dashboard"]
        game = _game(loaded, plan, seed=i)
        first = plan[0]
        preds = (Prediction(1, first, "capacity", 2, "up"),)
        record = record_from_game(
            game,
            loaded,
            player=f"P{i}",
            player_id=None,
            cohort="K",
            language="en",
            predictions=preds,
        )
        played.append((record, game))
    return loaded, played


def test_shared_wrong_expectation_is_counted_with_its_share() -> None:
    loaded, played = _class()
    wrong, total, right = wrong_expectations(played)
    assert total == 10 and right <= 4  # the six WFA players were all wrong
    wfa = next(w for w in wrong if w.policy == "full_wfa")
    assert (wfa.wrong, wfa.asked, wfa.actual) == (6, 6, "down")
    text = describe_wrong(wfa, loaded.scenario, "en")
    assert text.startswith("100% expected Work from anywhere") and "it went down" in text
    assert "menduga" in describe_wrong(wfa, loaded.scenario, "id")


def test_freedom_groups_and_questions_with_the_class_numbers() -> None:
    loaded, played = _class()
    refl = class_reflection(played, loaded.scenario, "en")
    freedom = {g.group: g for g in refl.groups if g.principle == "freedom"}
    assert freedom["alone"].players == 6 and freedom["guarded"].players == 4
    assert freedom["guarded"].mean_score > freedom["alone"].mean_score
    assert refl.questions and all("{" not in q for q in refl.questions)
    assert bots_unaffected()


def bots_unaffected() -> bool:
    """A game without predictions adds nothing to the class's counts."""
    loaded = load_scenario(DUKCAPIL)
    game = play_bot(Game(loaded.compiled, 1), BOTS["random"], 1)
    record = record_from_game(game, loaded, player="B", player_id=None, cohort="K", language="id")
    return wrong_expectations([(record, game)]) == ([], 0, 0)
