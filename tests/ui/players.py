"""Scripted players for the UI tests: type into the forms, play turns through the screens."""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.screens.class_join import ClassJoinScreen
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.player import PlayerScreen
from game.ui.screens.scenario_choice import ScenarioScreen
from game.ui.screens.turn import TurnScreen
from game.ui.screens.turn_report import TurnReportScreen
from tests.ui.driving import key, type_text


def enter_player(app: App) -> None:
    key(app, pygame.K_n)
    assert isinstance(app.screen, PlayerScreen)
    type_text(app, "Budi Santoso")
    key(app, pygame.K_TAB)
    type_text(app, "1987")
    key(app, pygame.K_TAB)
    type_text(app, "PKA-01")
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, ScenarioScreen), app.screen


def fill(app: App, address: str, code: str, name: str, nip: str = "", members: str = "") -> None:
    """Type into the join form, field by field (Tab moves on)."""
    screen = app.screen
    assert isinstance(screen, ClassJoinScreen)
    for entry in screen.form.entries.values():
        entry.set_text("")
        entry.unfocus()
    screen.form.entries["address"].focus()
    for i, text in enumerate((address, code, name, nip, members)):
        if text:
            type_text(app, text)
        if i < 4:
            key(app, pygame.K_TAB)


def step(app: App) -> None:
    """One move of a player who takes the first choice and ends every turn."""
    screen = app.screen
    if isinstance(screen, EventDialog):
        key(app, pygame.K_1 if screen.chosen is None else pygame.K_RETURN)
        if app.screen is screen and screen.chosen is None:
            key(app, pygame.K_2)
    elif isinstance(screen, (TurnScreen, TurnReportScreen)):
        key(app, pygame.K_RETURN)
    else:
        raise AssertionError(f"unexpected screen {screen}")


def play_to(app: App, done: object) -> None:
    for _ in range(300):
        if callable(done) and done():
            return
        step(app)
    raise AssertionError("the game did not get there")
