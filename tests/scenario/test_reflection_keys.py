"""The reflection keys: principles, [[debrief]], [short_form], [predictions] — load, refuse
with a located line and a "did you mean", and stay optional."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import ScenarioError
from game.scenario import load_scenario
from game.scenario.reflection_keys import with_turns
from tests.files import EXAMPLE

TEXT = EXAMPLE.read_text(encoding="utf-8")
POLICY = 'id = "output_skp"\ncategory = "output_targets"\n'


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def _refused(tmp_path: Path, text: str) -> str:
    with pytest.raises(ScenarioError) as info:
        _load(tmp_path, text)
    return str(info.value)


def test_reflection_keys_load(tmp_path: Path) -> None:
    text = TEXT.replace(POLICY, POLICY + 'principles = ["output_measure"]\n') + (
        "\n[short_form]\nturns = 4\n\n[predictions]\nfirst = 3\nhorizon = 2\n\n"
        '[[debrief]]\nid = "q"\nmetrics = ["public_trust"]\npolicies = ["online_services"]\n'
        'question = { id = "Dari {public_trust.start} ke {public_trust.end}", '
        'en = "From {public_trust.before.online_services} in {online_services.first}" }\n'
    )
    loaded = _load(tmp_path, text)
    s = loaded.scenario  # type: ignore[attr-defined]
    assert s.policies[0].principles == ("output_measure",)
    assert s.short_form.turns == 4 and s.predictions.first == 3 and s.predictions.horizon == 2
    assert s.debrief[0].policies == ("online_services",)
    short = with_turns(loaded.compiled, 4)  # type: ignore[attr-defined]
    assert short.scenario.turns == 4 and loaded.compiled.scenario.turns == 8  # type: ignore[attr-defined]


def test_unknown_principle_suggests_the_close_one(tmp_path: Path) -> None:
    message = _refused(tmp_path, TEXT.replace(POLICY, POLICY + 'principles = ["freedon"]\n'))
    assert "policies[0].principles[0]" in message
    assert "did you mean 'freedom'?" in message


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("{public_trus.end}", "did you mean 'public_trust'?"),
        ("{public_trust.finish}", "a metric's field is one of"),
        ("{public_trust.before.online_service}", "did you mean 'online_services'?"),
        ("{online_services.turns}", "a policy's field is one of quarters, first"),
        ("{public_trust}", "needs a field"),
    ],
)
def test_bad_placeholder_is_named(tmp_path: Path, question: str, expected: str) -> None:
    text = TEXT + f'\n[[debrief]]\nid = "q"\nquestion = "Why {question}?"\n'
    message = _refused(tmp_path, text)
    assert "debrief[0].question" in message and expected in message


def test_debrief_references_are_checked(tmp_path: Path) -> None:
    text = TEXT + '\n[[debrief]]\nid = "q"\nquestion = "Why?"\nmetrics = ["trust"]\n'
    message = _refused(tmp_path, text)
    assert "debrief[0].metrics[0]" in message and "did you mean 'public_trust'?" in message
    text = TEXT + '\n[[debrief]]\nid = "q"\nquestion = "Why?"\npolicies = ["hybrid"]\n'
    assert "no policy 'hybrid'" in _refused(tmp_path, text)


def test_short_form_must_be_shorter(tmp_path: Path) -> None:
    message = _refused(tmp_path, TEXT + "\n[short_form]\nturns = 8\n")
    assert "short_form.turns" in message and "fewer turns than the game (8)" in message


def test_shipped_scenarios_carry_principles_and_questions() -> None:
    root = Path(__file__).parents[2] / "scenarios"
    for name in ("dukcapil", "basarnas", "dpmptsp"):
        s = load_scenario(root / f"{name}.toml").scenario
        tagged = {p for pol in s.policies for p in pol.principles}
        assert {
            "freedom",
            "output_measure",
            "consequence",
            "tech_literacy",
            "collaboration",
        } <= tagged
        assert len(s.debrief) >= 5 and s.short_form is not None and s.short_form.turns == 4
        for q in s.debrief:
            assert isinstance(q.question, dict) and set(q.question) == {"id", "en"}
