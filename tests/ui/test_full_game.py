"""A whole game driven through the real screens with posted keys and clicks."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import replay
from game.results.record import read_result
from game.scenario import load_scenario
from game.ui.app import App
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.player import PlayerScreen
from game.ui.screens.policy_dialog import PolicyDialog
from game.ui.screens.title import TitleScreen
from game.ui.screens.turn import TurnScreen
from game.ui.screens.turn_report import TurnReportScreen
from tests.ui.driving import click, current, key
from tests.ui.players import enter_player


def test_title_to_debrief_writes_a_result_that_replays(app: App) -> None:
    assert isinstance(app.screen, TitleScreen)
    enter_player(app)
    key(app, pygame.K_RETURN)
    assert app.session is not None
    assert app.session.player.name == "Budi Santoso" and app.session.player.cohort == "PKA-01"
    game = app.session.game
    turns_seen = set()
    for _ in range(200):
        screen = app.screen
        if isinstance(screen, DebriefScreen):
            break
        if isinstance(screen, EventDialog):
            key(app, pygame.K_1 if screen.chosen is None else pygame.K_RETURN)
            if (
                isinstance(app.screen, EventDialog)
                and app.screen.chosen is None
                and screen is app.screen
            ):
                key(app, pygame.K_2)  # the first choice was refused (a message): take another
        elif isinstance(screen, TurnScreen):
            turns_seen.add(game.turn)
            if game.turn % 2 == 1:  # keyboard: find an adoptable card, adopt it, end the turn
                for _ in range(len(screen.categories())):
                    if game.why_not_adopt(screen.policies()[0].id) is None:
                        break
                    key(app, pygame.K_RIGHT)
                key(app, pygame.K_1)
                assert isinstance(app.screen, PolicyDialog)
                key(app, pygame.K_RETURN)
                if current(app) is not screen:  # refused (shown as a message): close the card
                    assert app.toasts
                    key(app, pygame.K_ESCAPE)
                assert current(app) is screen
                key(app, pygame.K_RIGHT)
                key(app, pygame.K_RETURN)
            else:  # mouse alone: the end-turn button
                click(app, screen.layout().end_turn.center)
        elif isinstance(screen, TurnReportScreen):
            click(app, screen.buttons()[0].rect.center)
        else:
            raise AssertionError(f"unexpected screen {screen}")
    assert isinstance(app.screen, DebriefScreen)
    assert (game.over and turns_seen == set(range(1, game.scenario.turns + 1))) or game.ending
    assert any(d.action.__class__.__name__ == "Adopt" for d in game.decisions)
    files = list((app.results_dir).glob("*.json"))
    assert len(files) == 1
    record = read_result(files[0])
    assert (
        record.player == "Budi Santoso" and record.player_id == "1987" and record.cohort == "PKA-01"
    )
    loaded = load_scenario(app.session.path)
    again = replay(loaded.compiled, record.seed, record.decision_objects())
    assert again.outcome is not None and game.outcome is not None
    assert again.outcome.score == record.score == game.outcome.score
    assert not app.save_path.exists()  # a finished game leaves no autosave


def test_refused_action_is_a_message_not_a_crash(app: App) -> None:
    enter_player(app)
    key(app, pygame.K_RETURN)
    while isinstance(app.screen, EventDialog):
        key(app, pygame.K_RETURN)
    turn = app.screen
    assert isinstance(turn, TurnScreen) and app.session is not None
    game = app.session.game
    cats = turn.categories()
    refused = [
        (ci, i)
        for ci, cat in enumerate(cats)
        for i, p in enumerate(q for q in game.scenario.policies if q.category == cat)
        if game.why_not_adopt(p.id) is not None
    ]
    assert refused, "the fixture has a policy that needs another first"
    ci, index = refused[0]
    turn.category = ci
    before = list(game.decisions)
    key(app, pygame.K_1 + index)
    assert isinstance(app.screen, PolicyDialog)
    app.toasts = []
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, PolicyDialog)
    assert app.toasts and app.toasts[-1].text
    assert game.decisions == before


def test_the_key_that_opens_the_player_screen_is_not_typed_into_it(app: App) -> None:
    """SDL sends KEYDOWN then TEXTINPUT for one key press; 'n' on the title must not type 'n'."""
    from tests.ui.driving import pump

    assert isinstance(app.screen, TitleScreen)
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_n, mod=0, unicode="n", scancode=0)
    )
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="n"))
    pump(app)
    assert isinstance(app.screen, PlayerScreen)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Budi"))
    pump(app)
    assert app.screen.values()["name"] == "Budi"


def test_the_same_message_twice_is_shown_once(app: App) -> None:
    app.toast("Jatah tindakan giliran ini habis.")
    app.toast("Anggaran tidak cukup.")
    app.toast("Jatah tindakan giliran ini habis.")
    assert [t.text for t in app.toasts] == [
        "Anggaran tidak cukup.",
        "Jatah tindakan giliran ini habis.",
    ]


def test_a_result_that_cannot_be_written_is_not_lost(app: App, tmp_path: Path) -> None:
    """A results folder that cannot be written: the result goes to the local folder."""
    from game.scenario import load_scenario
    from game.session import Player, Session

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the class drive should be")
    app.options.results_dir = blocked / "results"
    scenario = Path(__file__).parents[2] / "scenarios" / "tutorial.toml"
    loaded = load_scenario(scenario)
    session = Session(scenario, loaded, Player("Ani", None, "K1"), "id", loaded.scenario.seed)
    app.session = session
    game = session.game
    while not game.over:
        game.end_turn()
        app.autosave()
    app.finish_game()
    assert session.result_path is not None
    assert session.result_path.parent == app.data_dir / "results"
    assert not app.save_path.exists()


def test_when_no_folder_can_be_written_the_save_is_kept(app: App, tmp_path: Path) -> None:
    from game.scenario import load_scenario
    from game.session import Player, Session

    scenario = Path(__file__).parents[2] / "scenarios" / "tutorial.toml"
    loaded = load_scenario(scenario)
    session = Session(scenario, loaded, Player("Ani", None, "K1"), "id", loaded.scenario.seed)
    app.session = session
    game = session.game
    while game.turn < loaded.scenario.turns:
        game.end_turn()
    app.autosave()
    assert app.save_path.exists()
    blocked = tmp_path / "blocked"
    blocked.write_text("x")
    app.options.results_dir = blocked / "a"
    (app.data_dir / "results").parent.mkdir(parents=True, exist_ok=True)
    (app.data_dir / "results").write_text("a file in the way")
    game.end_turn()
    app.autosave()
    app.finish_game()
    assert session.result_path is None
    assert app.save_path.exists()  # "continue" brings the player back to the last turn
    resumed = Session.resume(app.save_path)
    assert resumed.game.turn == loaded.scenario.turns and not resumed.game.over
