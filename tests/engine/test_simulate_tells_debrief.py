"""``agen simulate --json`` prints what the debrief tells, so a trainer can check lessons in batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.engine import play_plan
from game.engine.debrief_questions import questions
from game.engine.principles import principle_uses
from game.engine.values import value_counts
from game.scenario import load_plan, load_scenario
from tests.files import SCENARIOS

PURIST = 'plan = [{ turn = 1, adopt = ["full_wfa", "volume_bonus"] }, { turn = 2, adopt = ["keeper_test", "output_skp"] }]\n'


def test_simulate_json_tells_values_principles_culture_and_questions(tmp_path: Path) -> None:
    plan = tmp_path / "purist.toml"
    plan.write_text(PURIST, encoding="utf-8")
    scenario = SCENARIOS / "dukcapil.toml"
    args = ["simulate", str(scenario), "--plan", str(plan), "--seed", "1", "--json", "--lang", "en"]
    run = subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(run.stdout)
    loaded = load_scenario(scenario)
    game = play_plan(loaded.compiled, load_plan(plan, loaded.scenario), 1)
    assert report["values"] == {
        "shown": value_counts(game),
        "breached": value_counts(game, breaches=True),
    }
    uses = {u.principle: u for u in principle_uses(game)}
    for row in report["principles"]:
        use = uses[row["principle"]]
        assert row["quarters"] == len(use.quarters)
        assert row["safeguarded"] == len(use.guarded)
        assert row["ending"] == use.ending
    assert report["principles"][0]["principle"] == "freedom"
    assert report["principles"][0]["ending"] == game.ending == report["ending"]
    assert report["culture"]["code"].startswith("culture.ended")
    # the shipped Dukcapil declares the real safeguards: the purist's freedom went unguarded
    assert report["culture"]["text"].startswith(
        ("Your game ended early", "Your version of the culture ended your tenure")
    )
    assert [q["text"] for q in report["questions"]] == questions(game, "en")
    assert all(t["arrears"] == game.arrears_after(t["turn"]) for t in report["turns"])
    assert report["earned"] == report["score"] and report["held_below"] is None
