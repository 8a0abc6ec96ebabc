"""Autosave and resume: a game killed mid-turn comes back at the same turn, nothing lost."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.screens.title import TitleScreen
from game.ui.screens.turn import TurnScreen
from tests.files import ROOT
from tests.ui.driving import SIZE, key, make_options

PLAY_THEN_DIE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    sys.path.insert(0, {root!r})
    import pygame
    from tests.ui.driving import SIZE, key, make_options
    from tests.ui.players import enter_player
    from game.ui.app import App
    pygame.display.init(); pygame.display.set_mode((1, 1))
    app = App(make_options(Path({tmp!r})), headless_size=SIZE)
    enter_player(app)
    key(app, pygame.K_RETURN)
    game = app.session.game
    for _ in range(2):                       # two turns: end, read the report, continue
        while app.screen.__class__.__name__ == "EventDialog":
            key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)            # end turn
        key(app, pygame.K_RETURN)            # leave the report
    while app.screen.__class__.__name__ == "EventDialog":
        key(app, pygame.K_RETURN)
    screen = app.screen
    for _ in range(len(screen.categories())):
        if game.why_not_adopt(screen.policies()[0].id) is None:
            break
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_1); key(app, pygame.K_RETURN)   # adopt in turn 3, then die mid-turn
    print(game.turn, len(game.decisions), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_killed_mid_game_resumes_at_the_same_turn(tmp_path: Path) -> None:
    script = PLAY_THEN_DIE.format(root=str(ROOT), tmp=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    turn, n_decisions = (int(x) for x in proc.stdout.split())
    assert turn == 3 and n_decisions >= 1
    saved = json.loads((tmp_path / "data" / "autosave.json").read_text(encoding="utf-8"))
    assert saved["turn"] == 3 and len(saved["decisions"]) == n_decisions

    app = App(make_options(tmp_path), headless_size=SIZE)
    assert isinstance(app.screen, TitleScreen)
    key(app, pygame.K_c)
    assert isinstance(app.screen, TurnScreen)
    assert app.session is not None
    game = app.session.game
    assert game.turn == 3
    assert [d.to_json() for d in game.decisions] == saved["decisions"]
    assert game.decisions[-1].turn == 3 and game.actions_left < game.scenario.actions_per_turn
    assert app.session.player.name == "Budi Santoso"


def test_save_and_quit_then_continue(app: App, tmp_path: Path) -> None:
    from tests.ui.players import enter_player

    enter_player(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # end turn 1
    key(app, pygame.K_RETURN)  # leave the report
    assert app.session is not None
    turn, decisions = app.session.game.turn, list(app.session.game.decisions)
    while app.screen.__class__.__name__ == "EventDialog":
        key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)  # menu
    key(app, pygame.K_q)  # save & quit to title
    assert isinstance(app.screen, TitleScreen) and app.session is None
    key(app, pygame.K_c)
    assert app.session is not None
    assert app.session.game.turn == turn
    assert app.session.game.decisions[: len(decisions)] == decisions


def test_a_changed_scenario_refuses_to_continue(app: App, tmp_path: Path) -> None:
    from tests.ui.players import enter_player

    enter_player(app)
    key(app, pygame.K_RETURN)
    assert app.session is not None
    path = app.session.path
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    fresh = App(make_options(tmp_path), headless_size=SIZE)
    key(fresh, pygame.K_c)
    assert isinstance(fresh.screen, TitleScreen)
    assert fresh.toasts and "changed" in fresh.toasts[-1].text
