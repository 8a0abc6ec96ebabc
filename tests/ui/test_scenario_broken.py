"""``agen play BAD.toml``: the loader's lines on the terminal, and in the window a red panel
that lists them in the player's language until the player picks a scenario that loads."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pygame

from game.session import Player
from game.ui.app import App
from game.ui.screens.scenario_choice import ScenarioScreen
from tests.files import ROOT
from tests.ui.driving import SIZE, key, make_options

BAD = 'id = "punyaku"\nturns = "empat"\n'


def broken_app(tmp_path: Path, lang: str) -> App:
    tmp_path.mkdir(parents=True, exist_ok=True)
    bad = tmp_path / "punyaku.toml"
    bad.write_text(BAD, encoding="utf-8")
    options = dataclasses.replace(make_options(tmp_path), scenario=bad)
    app = App(options, headless_size=SIZE)
    app.lang = lang
    app.switch(app.go("scenario", Player("Ani", None, "K1")))
    app.render()
    return app


def test_the_window_lists_the_lines_in_the_players_language(tmp_path: Path) -> None:
    for lang, words in (("id", "wajib diisi"), ("en", "required key is missing")):
        app = broken_app(tmp_path / lang, lang)
        screen = app.screen
        assert isinstance(screen, ScenarioScreen) and screen.broken is not None
        lines = screen.broken.lines(lang)
        assert any("punyaku.toml:2: turns:" in line for line in lines)
        assert any(words in line for line in lines)
        view = screen.briefing_view()
        assert view is not None and view.block.height > 0  # the lines, not a briefing
        assert not screen.buttons()[1].enabled  # nothing to start while they show


def test_the_panel_is_red_and_tab_leaves_it_for_the_shipped_list(tmp_path: Path) -> None:
    app = broken_app(tmp_path, "id")
    screen = app.screen
    assert isinstance(screen, ScenarioScreen)
    right = screen._right_rect()
    frame = app.render().get_at((right.centerx, right.top + 1))
    assert frame.r > 200 and frame.g < 160  # theme.BAD, not a faint note
    key(app, pygame.K_RETURN)
    assert app.screen.name == "scenario" and app.session is None  # Enter starts nothing
    key(app, pygame.K_TAB)
    chooser = app.screen
    assert isinstance(chooser, ScenarioScreen)
    assert chooser.broken is None and chooser.selected == 0 and chooser.buttons()[1].enabled
    key(app, pygame.K_RETURN)
    assert app.screen.name != "scenario" and app.session is not None


def test_agen_play_prints_the_loader_lines_first(tmp_path: Path) -> None:
    bad = tmp_path / "punyaku.toml"
    bad.write_text(BAD, encoding="utf-8")
    env = {**os.environ, "SDL_VIDEODRIVER": "offscreen", "AGEN_VIDEODRIVER_IS_FALLBACK": "1"}
    env["AGEN_LANG"] = "id"
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", str(bad)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stderr.splitlines()
    assert f"{bad}:2: turns: " in done.stderr
    assert lines[0].startswith(f"{bad}:1: ") and "wajib diisi" in lines[0]
    assert any(
        line.startswith(f"agen play: {bad} tidak bisa dimuat") and "could not be loaded" in line
        for line in lines
    )
    assert "Traceback" not in done.stderr


def test_agen_play_folder_and_missing_file_are_one_line(tmp_path: Path) -> None:
    for given, words in (
        (tmp_path, ("folder", "is a folder, not a scenario file")),
        (tmp_path / "nope.toml", ("berkas tidak ditemukan", "file not found", "dukcapil")),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "game", "play", str(given)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"agen play: {given}: "), lines
        assert all(w in lines[0] for w in words)


def test_with_no_display_the_games_line_is_the_only_one() -> None:
    """No DISPLAY, no WAYLAND_DISPLAY, no XDG_RUNTIME_DIR and no driver chosen: SDL finds
    nothing, and says nothing before the game does."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "SDL_VIDEODRIVER")
        and not k.startswith("AGEN_")
    }
    env.pop("SDL_AUDIODRIVER", None)
    done = subprocess.run(
        [sys.executable, "-m", "game", "play"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Tidak ada layar untuk membuka jendela permainan; gunakan agen simulate untuk bermain "
        "tanpa layar. / No display found to open the game window; use agen simulate for "
        "headless play."
    ]
    assert done.stdout == ""
