"""A debrief question with ``when`` is asked only of the games where it holds at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import BOTS, Game, play_bot
from game.engine.debrief_questions import class_question, questions_asked
from game.errors import ScenarioError
from game.scenario import LoadedScenario, load_scenario
from tests.files import SCENARIOS

STING = 'id = "sting"\nmetrics = ["integrity", "morale"]\n'
FIRED = "when = \"fired('sting_operation')\"\n"
CHOSEN = "when = \"chosen('sting_operation', 'hand_over') or chosen('sting_operation', 'protect_staff')\"\n"


def _with(tmp_path: Path, when: str) -> LoadedScenario:
    text = (SCENARIOS / "dpmptsp.toml").read_text(encoding="utf-8")
    text = text.replace(STING + FIRED, STING)  # the shipped question's own condition, set aside
    assert text.count(STING) == 1
    path = tmp_path / "dpmptsp.toml"
    path.write_text(text.replace(STING, STING + when), encoding="utf-8")
    return load_scenario(path)


@pytest.mark.parametrize("when", [FIRED, CHOSEN])
def test_the_sting_question_is_asked_only_where_the_sting_fired(tmp_path: Path, when: str) -> None:
    loaded = _with(tmp_path, when)
    fired: list[Game] = []
    quiet: list[Game] = []
    for seed in range(1, 31):
        game = play_bot(Game(loaded.compiled, seed), BOTS["random"], seed)
        ids = [qid for qid, _text in questions_asked(game, "en")]
        happened = any(ev == "sting_operation" for _t, ev in game.fired_log)
        assert ("sting" in ids) == happened, seed
        (fired if happened else quiet).append(game)
        assert "deemed_approval" in ids  # a question without `when` is asked of every game
    assert fired and quiet  # both kinds of game among seeds 1-30
    q = next(q for q in loaded.scenario.debrief if q.id == "sting")
    assert class_question(loaded.scenario, q, quiet, "en") is None
    asked = class_question(loaded.scenario, q, [*quiet, *fired], "en")
    assert asked is not None and "Your integrity ended at" in asked


def test_a_when_that_breaks_the_language_is_refused_with_its_place(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        _with(tmp_path, "when = \"chosen('sting_operation', 'hand_ovr')\"\n")
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == 1
    assert ".toml:" in lines[0] and "debrief[4].when:" in lines[0] and "hand_over" in lines[0]
