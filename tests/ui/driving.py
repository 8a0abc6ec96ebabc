"""Driving the real game in tests: its options in a test folder, posted keys, clicks, text."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.options import Options
from game.ui.screens.base import Screen
from tests.files import EXAMPLE

SIZE = (1280, 720)


def make_options(tmp: Path, *, playtest: bool = False) -> Options:
    """Options that keep every file inside the test's folder."""
    scen = tmp / "scenarios"
    scen.mkdir(exist_ok=True)
    target = scen / "example.toml"
    if not target.exists():
        target.write_bytes(EXAMPLE.read_bytes())
    return Options(
        data_dir=tmp / "data",
        config_dir=tmp / "config",
        results_dir=tmp / "results",
        scenarios_dir=scen,
        playtest=playtest,
    )


def key(app: App, k: int, mod: int = 0, unicode: str = "") -> None:
    """Post a key press and let the app handle it."""
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)
    )
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0))
    pump(app)


def click(app: App, pos: tuple[int, int]) -> None:
    """Post a left click at ``pos``."""
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app)


def type_text(app: App, text: str) -> None:
    """Post typed text."""
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    pump(app)


def current(app: App) -> Screen:
    """The screen now (read anew after posted input: not narrowed by an earlier isinstance)."""
    return app.screen


def pump(app: App) -> None:
    """Dispatch every queued event, then draw (as the loop would)."""
    for event in pygame.event.get():
        app.dispatch(event)
    if app.screen.wants_ticks():
        app.screen.tick(0.05)
    app.render()
