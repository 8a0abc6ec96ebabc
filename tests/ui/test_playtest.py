"""The trainer's playtest: F5 reloads the file and replays the decisions; start at a turn."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import Adopt
from game.ui.app import App
from game.ui.playtest import start_playtest
from game.ui.screens.turn import TurnScreen
from tests.ui.driving import SIZE, key, make_options


def playtest_app(tmp_path: Path) -> App:
    options = make_options(tmp_path, playtest=True)
    app = App(options, headless_size=SIZE)
    return app


def test_f5_reloads_and_replays(tmp_path: Path) -> None:
    app = playtest_app(tmp_path)
    path = tmp_path / "scenarios" / "example.toml"
    start_playtest(app, path, None, None)
    app.switch(TurnScreen.enter(app))
    assert app.session is not None
    app.session.game.act(Adopt("output_skp"))
    app.session.game.end_turn()
    app.switch(TurnScreen.enter(app))
    old_sha = app.session.loaded.sha256
    path.write_text(
        path.read_text(encoding="utf-8").replace("start = 71", "start = 72"), encoding="utf-8"
    )
    key(app, pygame.K_F5)
    assert app.session.loaded.sha256 != old_sha
    assert app.session.game.turn == 2
    assert app.session.game.decisions[0].action == Adopt("output_skp")
    assert app.toasts[-1].good

    path.write_text(
        "format = 1\nid = 'broken'\n", encoding="utf-8"
    )  # a broken edit: nothing changes
    before = app.session
    key(app, pygame.K_F5)
    assert app.session is before and not app.toasts[-1].good


def test_start_at_a_turn_with_a_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('plan = [{ turn = 1, adopt = ["output_skp"] }]\n', encoding="utf-8")
    app = playtest_app(tmp_path)
    session = start_playtest(app, tmp_path / "scenarios" / "example.toml", plan, 3)
    assert session.game.turn == 3
    assert session.game.active("output_skp")
    app.session = session
    app.autosave()
    assert app.save_path.name == "playtest-autosave.json"
