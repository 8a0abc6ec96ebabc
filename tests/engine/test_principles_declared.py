"""The "Netflix culture" page reads what a scenario declares: metric roles, safeguards."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import play_plan
from game.engine.principles import CultureText, aspect_metrics, culture_verdict, principle_uses
from game.errors import ScenarioError
from game.i18n import say
from game.scenario import LoadedScenario, load_scenario
from game.scenario.format_model import PlanStep
from tests.engine.carry_scenario import CARRY
from tests.files import SCENARIOS

DASHBOARD = 'id = "service_dashboard"\ncategory = "communication"\n'
PURIST = (
    PlanStep(turn=1, adopt=("full_wfa", "volume_bonus")),
    PlanStep(turn=2, adopt=("keeper_test", "output_skp")),
)


def _dukcapil(tmp_path: Path, old: str, new: str) -> LoadedScenario:
    text = (SCENARIOS / "dukcapil.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "dukcapil.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_scenario(path)


def test_a_metric_declares_its_role(tmp_path: Path) -> None:
    path = tmp_path / "carry.toml"
    path.write_text(CARRY.replace('label = "X"\n', 'label = "X"\nrole = "quality"\n'), "utf-8")
    assert aspect_metrics(load_scenario(path).scenario) == {"quality": "x", "staff": "morale"}
    path.write_text(CARRY.replace('label = "X"\n', 'label = "X"\nrole = "staff"\n'), "utf-8")
    assert aspect_metrics(load_scenario(path).scenario) == {"staff": "x"}


def test_one_metric_per_role_and_no_policy_safeguards_itself(tmp_path: Path) -> None:
    path = tmp_path / "carry.toml"
    twice = CARRY.replace('label = "X"\n', 'label = "X"\nrole = "staff"\n').replace(
        'label = "Morale"\n', 'label = "Morale"\nrole = "staff"\n'
    )
    path.write_text(twice, "utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert [str(p).split(".toml:")[1] for p in info.value.problems] == [
        "27: metrics.x.role: role 'staff' is already the role of metric 'morale'; one metric per role"
    ]
    with pytest.raises(ScenarioError) as info:
        _dukcapil(
            tmp_path, 'id = "keeper_test"\n', 'id = "keeper_test"\nsafeguards = ["consequence"]\n'
        )
    (line,) = [str(p) for p in info.value.problems]
    assert "safeguards[0]: a policy cannot safeguard 'consequence'" in line


def test_the_purist_is_told_their_culture_ended_the_game(tmp_path: Path) -> None:
    loaded = _dukcapil(tmp_path, DASHBOARD, DASHBOARD + 'safeguards = ["freedom"]\n')
    game = play_plan(loaded.compiled, PURIST, 1)
    assert game.ending is not None
    uses = {u.principle: u for u in principle_uses(game)}
    freedom = uses["freedom"]
    assert freedom.guards == ("service_dashboard",)
    assert freedom.quarters and freedom.guarded == ()  # the quota bonus no longer counts
    assert freedom.ending == game.ending
    # what the whole game did meanwhile, not only the policies' own effects
    staff = game.history_of("morale")
    assert freedom.effects["staff"] == pytest.approx(staff[-1] - staff[0])
    assert freedom.direct["staff"] > 0 > freedom.effects["staff"]
    verdict = culture_verdict(game)
    assert verdict is not None and verdict.code is CultureText.ENDED_UNGUARDED
    en, id_ = say(verdict, "en"), say(verdict, "id")
    assert en.startswith("Your version of the culture ended your tenure")
    assert "Freedom: flexible place and time" in en and "The Regent" in en
    assert id_.startswith("Versi budaya Anda mengakhiri masa jabatan Anda") and "Bupati" in id_


def test_without_declared_safeguards_the_default_pairing_stands() -> None:
    loaded = load_scenario(SCENARIOS / "dukcapil.toml")
    game = play_plan(loaded.compiled, PURIST, 1)
    freedom = next(u for u in principle_uses(game) if u.principle == "freedom")
    assert freedom.guards == () and freedom.safeguard == "output_measure"
    assert freedom.guarded  # the default: any output-measure policy guards freedom
