"""Core messages (a code and its fields) turned into words only by the front ends' render."""

from __future__ import annotations

import pytest

from game.engine import Adopt, Cancel, Game, play_plan, replay
from game.engine.actions import Decision
from game.errors import ActionRefused, Message, PlanError
from game.i18n import both, catalog, render, render_error
from game.scenario import LoadedScenario
from game.scenario.format_model import PlanStep


def test_render_fills_fields_from_the_catalog_of_each_language() -> None:
    said = Message("refused.no_budget", cost=12.5, budget=3.0)
    assert render(said, "en") == "Not enough budget: needs 12.5, 3 left."
    assert render(said, "id") == "Anggaran tidak cukup: perlu 12.5, tersedia 3."
    assert both(said) == f"{render(said, 'id')} / {render(said, 'en')}"


def test_scenario_texts_inner_messages_and_lists_follow_the_reader() -> None:
    name = {"id": "Layanan daring", "en": "Online services"}
    said = Message("refused.requires", policy="x", missing=[name, "Plain"])
    assert render(said, "en") == "Needs Online services, Plain in force first."
    assert render(said, "id") == "Perlu Layanan daring, Plain berjalan lebih dulu."
    only_id = Message("refused.already_active", policy={"id": "Hanya"})
    assert render(only_id, "en") == "Hanya is already in force."
    step = Message("plan.refused", turn=2, action=Message("plan.cancel", policy="p"), reason=said)
    assert render(step, "id") == (
        "giliran 2: batalkan 'p': Perlu Layanan daring, Plain berjalan lebih dulu."
    )


def test_a_message_compares_by_code_and_fields_and_logs_as_code() -> None:
    assert Message("plan.adopt", policy="a") == Message("plan.adopt", policy="a")
    assert Message("plan.adopt", policy="a") != Message("plan.adopt", policy="b")
    assert str(Message("plan.adopt", policy="a")) == "plan.adopt(policy=a)"
    refusal = ActionRefused("game_over")
    assert refusal.reason == "game_over" and refusal.said == Message("refused.game_over")
    assert render_error(refusal, "en") == "The game is over."
    assert render_error(ValueError("plain"), "en") == "plain"


def test_every_refusal_the_engine_gives_has_words(example: LoadedScenario) -> None:
    game = Game(example.compiled)
    seen: set[str] = set()
    for policy in example.compiled.policies:
        for verdict in (game.can_adopt(policy.id), game.can_cancel(policy.id)):
            if verdict.reason is not None:
                seen.add(verdict.reason.said.code)
    seen.add(game.why_not_adopt("nope").said.code)  # type: ignore[union-attr]
    seen.add(game.why_not_choose("nope", "x").said.code)  # type: ignore[union-attr]
    assert {"refused.not_active", "refused.unknown_policy", "refused.no_event"} <= seen
    for code in seen:
        assert code in catalog("id") and code in catalog("en")


def test_a_plan_error_names_the_refused_entry(example: LoadedScenario) -> None:
    first = example.compiled.policies[0].id
    twice = (PlanStep(turn=1, adopt=(first,)), PlanStep(turn=2, adopt=(first,)))
    with pytest.raises(PlanError) as caught:
        play_plan(example.compiled, twice)
    assert caught.value.path == ("plan", 1, "adopt", 0)
    assert caught.value.said.code == "plan.refused"
    assert (
        caught.value.said.fields["reason"]
        == ActionRefused("already_active", policy=example.scenario.policies[0].name).said
    )
    assert render(caught.value.said, "en").startswith(f"turn 2: adopt '{first}': ")
    not_in_force = (PlanStep(turn=1, cancel=(first,)),)
    with pytest.raises(PlanError) as caught:
        play_plan(example.compiled, not_in_force)
    assert caught.value.path == ("plan", 0, "cancel", 0)


def test_a_recorded_decision_out_of_turn_has_no_plan_path(example: LoadedScenario) -> None:
    first = example.compiled.policies[0].id
    decisions = [Decision(2, Adopt(first)), Decision(1, Cancel(first))]
    with pytest.raises(PlanError) as caught:
        replay(example.compiled, example.scenario.seed, decisions)
    assert caught.value.path == ()
    assert render(caught.value.said, "id") == (
        f"giliran 1: batalkan '{first}': permainan sudah melewati giliran itu"
    )
