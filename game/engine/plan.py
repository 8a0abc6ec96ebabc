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
from game.errors import ActionRefused, Codes, Message, PlanError
from game.scenario.compiled import Compiled
from game.scenario.format_model import PlanStep

Where = tuple[str | int, ...]


class PlanCode(Codes):
    """Why a plan step or a recorded decision could not be carried out (a PlanError's Message)."""

    REFUSED = "plan.refused"
    MOVED_ON = "plan.moved_on"
    ADOPT = "plan.adopt"
    CANCEL = "plan.cancel"
    CHOOSE = "plan.choose"


def play_plan(compiled: Compiled, steps: Sequence[PlanStep], seed: int | None = None) -> Game:
    """Play a plan to the end; raise PlanError naming the turn and the refused step, with the
    step's key path in the plan (``("plan", i, "adopt", j)``) so its line can be named."""
    game = Game(compiled, seed)
    by_turn: dict[int, list[tuple[int, PlanStep]]] = {}
    for i, step in enumerate(steps):
        by_turn.setdefault(step.turn, []).append((i, step))
    standing: dict[str, tuple[str, Where]] = {}
    while not game.over:
        todo = by_turn.get(game.turn, [])
        for i, step in todo:
            standing.update({e: (c, ("plan", i, "choose", e)) for e, c in step.choose.items()})
        # every event that fired is answered first, one after another: the plan's standing
        # answer, else the default worked out after the earlier answers are paid (the last
        # choice, forced, when none is open), exactly as the game does
        for event_id in game.pending_events():
            given = standing.get(event_id)
            choice, where = given if given else (game.default_choice(event_id), ())
            answer = Choose(event_id, choice)
            try:
                game.act(answer)
            except ActionRefused as exc:
                raise _refused(game.turn, answer, exc, where) from None
        actions: list[tuple[Action, Where]] = []
        for i, step in todo:
            actions += [(Cancel(p), ("plan", i, "cancel", j)) for j, p in enumerate(step.cancel)]
        for i, step in todo:
            actions += [(Adopt(p), ("plan", i, "adopt", j)) for j, p in enumerate(step.adopt)]
        for action, where in actions:
            try:
                game.act(action)
            except ActionRefused as exc:
                raise _refused(game.turn, action, exc, where) from None
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
                Message.of(PlanCode.MOVED_ON, turn=decision.turn, action=describe(decision.action))
            )
        try:
            game.act(decision.action)
        except ActionRefused as exc:
            raise _refused(decision.turn, decision.action, exc) from None
    while not game.over and (until_turn is None or game.turn < until_turn):
        game.end_turn()
    return game


def describe(action: Action) -> Message:
    """A short description of an action, for messages ("adopt 'x'")."""
    if isinstance(action, Adopt):
        return Message.of(PlanCode.ADOPT, policy=action.policy)
    if isinstance(action, Cancel):
        return Message.of(PlanCode.CANCEL, policy=action.policy)
    return Message.of(PlanCode.CHOOSE, event=action.event, choice=action.choice)


def _refused(turn: int, action: Action, exc: ActionRefused, where: Where = ()) -> PlanError:
    return PlanError(
        Message.of(PlanCode.REFUSED, turn=turn, action=describe(action), reason=exc.said), where
    )
