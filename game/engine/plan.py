"""Plans and replay: a game is fully given by (scenario, seed, decisions).

A plan (``[[expect]]`` or ``agen simulate --plan``) lists, by turn, policies to adopt and
cancel and events to answer. An answer given for an event stands from its turn on: when the
event fires at that turn or later, it is taken; otherwise the default choice is taken, before
the turn's cancellations and adoptions, so an event never blocks a plan.
Within a turn: events are answered first, then cancellations, then adoptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.engine.actions import Action, Adopt, Cancel, Choose, Decision
from game.engine.game import Game
from game.errors import ActionRefused, PlanError
from game.scenario.compiled import Compiled
from game.scenario.format_model import PlanStep


def play_plan(compiled: Compiled, steps: Sequence[PlanStep], seed: int | None = None) -> Game:
    """Play a plan to the end; raise PlanError naming the turn and the refused step."""
    game = Game(compiled, seed)
    by_turn: dict[int, list[PlanStep]] = {}
    for step in steps:
        by_turn.setdefault(step.turn, []).append(step)
    standing: dict[str, str] = {}
    while not game.over:
        todo = by_turn.get(game.turn, [])
        for step in todo:
            standing.update(step.choose)
        # every event that fired is answered first, one after another: the plan's standing
        # answer, else the default worked out after the earlier answers are paid (the last
        # choice, forced, when none is open), exactly as the game does
        for event_id in game.pending_events():
            answer = Choose(event_id, standing.get(event_id) or game.default_choice(event_id))
            try:
                game.act(answer)
            except ActionRefused as exc:
                raise _refused(game.turn, answer, exc) from None
        actions: list[Action] = []
        for step in todo:
            actions += [Cancel(p) for p in step.cancel]
        for step in todo:
            actions += [Adopt(p) for p in step.adopt]
        for action in actions:
            try:
                game.act(action)
            except ActionRefused as exc:
                raise _refused(game.turn, action, exc) from None
        game.end_turn()
    return game


def replay(
    compiled: Compiled, seed: int, decisions: Iterable[Decision], until_turn: int | None = None
) -> Game:
    """Replay recorded decisions in order; raise PlanError if any is refused or out of turn.

    Without ``until_turn`` the game is played to its end; with it, the game stops at the
    start of that turn (after the decisions recorded for it), as a saved game resumes.
    """
    game = Game(compiled, seed)
    for decision in decisions:
        while not game.over and game.turn < decision.turn:
            game.end_turn()
        if game.over or game.turn != decision.turn:
            raise PlanError(
                f"turn {decision.turn}: {describe(decision.action)}: the game had already moved on",
                f"giliran {decision.turn}: {describe(decision.action, 'id')}: permainan sudah melewati giliran itu",
            )
        try:
            game.act(decision.action)
        except ActionRefused as exc:
            raise _refused(decision.turn, decision.action, exc) from None
    while not game.over and (until_turn is None or game.turn < until_turn):
        game.end_turn()
    return game


def describe(action: Action, lang: str = "en") -> str:
    """A short description of an action, for messages."""
    if isinstance(action, Adopt):
        return f"ambil '{action.policy}'" if lang == "id" else f"adopt '{action.policy}'"
    if isinstance(action, Cancel):
        return f"batalkan '{action.policy}'" if lang == "id" else f"cancel '{action.policy}'"
    if lang == "id":
        return f"pilih '{action.choice}' untuk peristiwa '{action.event}'"
    return f"choose '{action.choice}' for event '{action.event}'"


def _refused(turn: int, action: Action, exc: ActionRefused) -> PlanError:
    return PlanError(
        f"turn {turn}: {describe(action)}: {exc.message_en}",
        f"giliran {turn}: {describe(action, 'id')}: {exc.message_id}",
    )
