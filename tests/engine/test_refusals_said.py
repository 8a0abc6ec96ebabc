"""Refusals and plan errors are codes with fields; the catalogs give their words."""

from __future__ import annotations

import pytest

from game.engine import Adopt, Cancel, Game, play_plan, replay
from game.engine.actions import Decision, Refusal
from game.engine.plan import PlanCode
from game.errors import ActionRefused, Localized, Message, PlanError
from game.i18n import both, catalog, say, say_error
from game.scenario import LoadedScenario
from game.scenario.format_model import PlanStep


def test_a_refusal_is_said_from_the_catalog_of_each_language() -> None:
    said = Message.of(Refusal.NO_BUDGET, cost=12.5, budget=3.0)
    assert say(said, "en") == "Not enough budget: needs 12.5, 3 left."
    assert say(said, "id") == "Anggaran tidak cukup: perlu 12.5, tersedia 3."
    assert both(said) == f"{say(said, 'id')} / {say(said, 'en')}"
    refusal = ActionRefused("no_budget", said)
    assert say_error(refusal, "id") == say(said, "id") and str(refusal) == say(said, "en")
    assert say_error(ValueError("plain"), "en") == "plain"


def test_scenario_texts_inner_messages_and_tuples_follow_the_reader() -> None:
    name = Localized.of({"id": "Layanan daring", "en": "Online services"})
    said = Message.of(Refusal.REQUIRES, missing=(name, Localized.of("Plain")))
    assert say(said, "en") == "Needs Online services, Plain in force first."
    assert say(said, "id") == "Perlu Layanan daring, Plain berjalan lebih dulu."
    only_id = Message.of(Refusal.ALREADY_ACTIVE, policy=Localized.of({"id": "Hanya"}))
    assert say(only_id, "en") == "Hanya is already in force."
    step = Message.of(
        PlanCode.REFUSED, turn=2, action=Message.of(PlanCode.CANCEL, policy="p"), reason=said
    )
    assert (
        say(step, "id")
        == "giliran 2: batalkan 'p': Perlu Layanan daring, Plain berjalan lebih dulu."
    )


@pytest.mark.parametrize("code", [*Refusal, *PlanCode])
def test_every_refusal_and_plan_code_has_words_in_both_catalogs(code: Refusal) -> None:
    for lang in ("id", "en"):
        assert code.value in catalog(lang)


def test_the_engine_refuses_with_its_codes(example: LoadedScenario) -> None:
    game = Game(example.compiled)
    seen = {
        v.reason.said.code
        for p in example.compiled.policies
        for v in (game.can_adopt(p.id), game.can_cancel(p.id))
        if v.reason is not None
    }
    assert Refusal.NOT_ACTIVE in seen
    assert game.why_not_adopt("nope") is not None
    assert game.why_not_adopt("nope").said.code is Refusal.UNKNOWN_POLICY  # type: ignore[union-attr]
    assert game.why_not_choose("nope", "x").said.code is Refusal.NO_EVENT  # type: ignore[union-attr]


def test_a_plan_error_names_the_refused_entry(example: LoadedScenario) -> None:
    first = example.compiled.policies[0].id
    twice = (PlanStep(turn=1, adopt=(first,)), PlanStep(turn=2, adopt=(first,)))
    with pytest.raises(PlanError) as caught:
        play_plan(example.compiled, twice)
    assert caught.value.path == ("plan", 1, "adopt", 0)
    assert caught.value.said.code is PlanCode.REFUSED
    reason = caught.value.said.field("reason")
    assert isinstance(reason, Message) and reason.code is Refusal.ALREADY_ACTIVE
    assert say(caught.value.said, "en").startswith(f"turn 2: adopt '{first}': ")
    with pytest.raises(PlanError) as caught:
        play_plan(example.compiled, (PlanStep(turn=1, cancel=(first,)),))
    assert caught.value.path == ("plan", 0, "cancel", 0)


def test_a_recorded_decision_out_of_turn_has_no_plan_path(example: LoadedScenario) -> None:
    first = example.compiled.policies[0].id
    decisions = [Decision(2, Adopt(first)), Decision(1, Cancel(first))]
    with pytest.raises(PlanError) as caught:
        replay(example.compiled, example.scenario.seed, decisions)
    assert caught.value.path == ()
    assert say(caught.value.said, "id") == (
        f"giliran 1: batalkan '{first}': permainan sudah melewati giliran itu"
    )


def test_one_vocabulary_the_reason_comes_from_the_code(example: LoadedScenario) -> None:
    """A refusal's program reason is read from its Refusal code (no second list of strings):
    the fast check gives the same code the full refusal carries."""
    game = Game(example.compiled)
    for p in example.compiled.policies:
        blocker = game.adopt_blocker(p.index)
        refused = game.why_not_adopt(p.id)
        assert (blocker is None) == (refused is None)
        if refused is not None:
            assert refused.said.code is blocker and refused.reason == blocker.reason
    assert {code.reason for code in Refusal} >= {"unknown", "requires", "no_budget", "excluded"}
    assert Refusal.CONDITION.reason == "requires" and Refusal.UNKNOWN_CHOICE.reason == "unknown"
