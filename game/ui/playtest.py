"""The trainer's playtest mode: reload the scenario from disk (F5) and replay the decisions
so far onto the changed file; start at any turn with a plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.engine import Action, Adopt, Cancel, Choose, Game, replay
from game.errors import AgenError, ScenarioError
from game.i18n import say, say_error, tr_n
from game.scenario import PlanStep, load_plan, load_scenario
from game.session import Player, Session


def play_to(game: Game, steps: Sequence[PlanStep], turn: int) -> Game:
    """Play a plan's steps until the game reaches ``turn`` (unanswered events take defaults)."""
    standing: dict[str, str] = {}
    while not game.over and game.turn < turn:
        todo = [s for s in steps if s.turn == game.turn]
        for step in todo:
            standing.update(step.choose)
        actions: list[Action] = [
            Choose(e, standing[e]) for e in game.pending_events() if e in standing
        ]
        actions += [Cancel(p) for step in todo for p in step.cancel]
        actions += [Adopt(p) for step in todo for p in step.adopt]
        for action in actions:
            game.act(action)
        game.end_turn()
    return game


def start_playtest(app: Any, path: Path, plan: Path | None, start_turn: int | None) -> Session:
    """A playtest session, already at ``start_turn`` when a plan (or none: defaults) is given."""
    session = Session.start(path, Player("Playtest", None, "PLAYTEST"), app.lang)
    if start_turn is not None and start_turn > 1:
        steps = load_plan(plan, session.loaded.scenario) if plan is not None else ()
        play_to(session.game, steps, min(start_turn, session.loaded.scenario.turns))
    app.session = session
    return session


def reload_scenario(app: Any) -> bool:
    """F5: load the file again and replay this game's decisions onto it (same turn).

    When the changed file refuses a decision, or does not load, the game goes on unchanged
    and a message says why.
    """
    session = app.session
    if session is None:
        return False
    try:
        loaded = load_scenario(session.path)
        fresh = Session(session.path, loaded, session.player, session.language, session.seed)
        fresh.game = replay(
            loaded.compiled,
            session.seed,
            list(session.game.decisions),
            until_turn=session.game.turn,
        )
    except ScenarioError as exc:
        first = say(exc.problems[0], app.lang) if exc.problems else str(exc)
        app.toast(app.t("playtest.reload_failed", reason=first))
        return False
    except AgenError as exc:
        app.toast(app.t("playtest.replay_failed", reason=say_error(exc, app.lang)))
        return False
    fresh.started = session.started
    app.session = fresh
    app.toast(tr_n("playtest.reloaded", len(fresh.game.decisions), app.lang), good=True)
    return True
