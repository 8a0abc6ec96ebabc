"""`agen shots`: every screen rendered to PNG without a window, in both languages and in a
mid-game state (an event dialog open, a turn report, the debrief of a finished game).
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import pygame

from game import paths
from game.engine import BOTS, Choose
from game.errors import AgenError, ScenarioError
from game.i18n import LANGUAGES
from game.scenario import load_scenario
from game.ui import class_shots
from game.ui.app import App, Options
from game.ui.screens.base import Screen
from game.ui.screens.scenario_choice import ScenarioScreen
from game.ui.session import Player, Session
from game.ui.theme import MIN_SIZE

SIZE = (1280, 720)
PLAYER = Player("Siti Rahmawati", "198703122010012004", "PKA-2026-B")


def pick_scenario(given: Path | None = None) -> Path:
    """The scenario to show: the given one, else dukcapil, tutorial, the test fixture."""
    candidates = (
        [given]
        if given is not None
        else [
            paths.SCENARIOS / "dukcapil.toml",
            paths.SCENARIOS / "tutorial.toml",
            paths.SCENARIOS.parent / "tests" / "fixtures" / "format_example.toml",
        ]
    )
    for path in candidates:
        if path is None:
            continue
        try:
            load_scenario(path)
        except (ScenarioError, OSError):
            continue
        return path
    raise AgenError("no scenario loads / tidak ada skenario yang bisa dimuat")


def mid_game(session: Session, until: int = 3) -> None:
    """Play a few turns with the random bot, stopping at a turn with an event if one comes."""
    game = session.game
    rng = random.Random(7)
    while not game.over and game.turn < until + 3:
        if game.turn >= until and game.pending_events():
            return
        for event in game.pending_events():
            game.act(Choose(event, game.default_choice(event)))
        BOTS["random"](game, rng)
        if game.turn >= until + 2:
            return
        game.end_turn()


def finish(session: Session) -> None:
    """Play the rest with the greedy bot."""
    game = session.game
    rng = random.Random(11)
    while not game.over:
        BOTS["greedy"](game, rng)
        game.end_turn()


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` as (1920, 1080); raise AgenError naming the problem otherwise."""
    w, sep, h = text.lower().replace("×", "x").partition("x")
    if not sep or not w.strip().isdigit() or not h.strip().isdigit():
        raise AgenError(f"--size {text}: give WIDTHxHEIGHT, e.g. 1920x1080 / tulis LEBARxTINGGI")
    size = (int(w), int(h))
    if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1] or size[0] > 7680 or size[1] > 4320:
        raise AgenError(
            f"--size {text}: from {MIN_SIZE[0]}x{MIN_SIZE[1]} up to 7680x4320 / ukuran di luar batas"
        )
    return size


def render_shots(
    out: Path, scenario: Path | None = None, size: tuple[int, int] = SIZE
) -> list[Path]:
    """Write the PNGs into ``out``; return their paths.

    Saves, settings and results go to a temporary folder that is removed afterwards, so
    the player's own data folders are never read or written. Each language starts from a
    fresh data folder (the same title screen in both); the results folder is shared, so
    the leaderboard holds a game finished in each language.
    """
    out.mkdir(parents=True, exist_ok=True)
    path = pick_scenario(scenario).resolve()
    files: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="agen-shots-") as tmp:
        pygame.display.init()
        pygame.display.set_mode((1, 1))
        for lang in LANGUAGES:
            options = Options(
                scenario=path,
                data_dir=Path(tmp) / lang / "data",
                config_dir=Path(tmp) / lang / "config",
                results_dir=Path(tmp) / "results",
            )
            app = App(options, headless_size=size)
            app.lang = lang
            files += _all_screens(app, path, out, lang)
    return files


def _scrolled_to_end(screen: ScenarioScreen) -> Screen:
    view = screen.briefing_view()
    screen.offset = view.limit if view is not None else 0
    return screen


def _all_screens(app: App, path: Path, out: Path, lang: str) -> list[Path]:
    from game.ui.screens.briefing import BriefingOverlay
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.event_dialog import EventDialog
    from game.ui.screens.leaderboard import LeaderboardScreen
    from game.ui.screens.menu import MenuOverlay
    from game.ui.screens.player import PlayerScreen
    from game.ui.screens.policy_dialog import PolicyDialog
    from game.ui.screens.title import TitleScreen
    from game.ui.screens.turn import TurnScreen
    from game.ui.screens.turn_report import TurnReportScreen

    files: list[Path] = []

    def shot(name: str, make: Callable[[], Screen], mouse: tuple[int, int] = (-1, -1)) -> None:
        screen = make()
        app.screen = screen
        app.mouse = mouse
        surface = app.render()
        target = out / f"{lang}-{name}.png"
        pygame.image.save(surface, str(target))
        files.append(target)
        app.toasts = []

    app.session = None
    shot("01-title", lambda: TitleScreen(app), (200, 420))
    player = PlayerScreen(app, PLAYER)
    player.tick(0.01)
    shot("02-player", lambda: player)
    class_shots.join_shots(app, PLAYER, shot)
    shot("03-scenario", lambda: ScenarioScreen(app, PLAYER))
    shot("03b-scenario-end", lambda: _scrolled_to_end(ScenarioScreen(app, PLAYER)))
    session = Session(path, load_scenario(path), PLAYER, lang, load_scenario(path).scenario.seed)
    app.session = session
    first = TurnScreen(app)
    events = session.game.pending_events()
    if events:
        shot("04-event-turn1", lambda: EventDialog(app, first, events[0]))
        for e in events:
            session.game.act(Choose(e, session.game.default_choice(e)))
    shot("05-turn1", lambda: TurnScreen(app))
    mid_game(session)
    game = session.game
    turn = TurnScreen(app)
    pending = game.pending_events()
    if pending:
        shot("06-event-mid", lambda: EventDialog(app, turn, pending[0]))
        dialog = EventDialog(app, turn, pending[0])
        dialog.choose(game.default_choice(pending[0]))
        shot("07-event-outcome", lambda: dialog)
        for e in game.pending_events():
            game.act(Choose(e, game.default_choice(e)))
    class_shots.play_shots(app, path, session, shot)
    tiles = turn.layout().tiles(len(turn.metric_names()))
    shot("08-turn-mid-why", lambda: turn, tiles[0].center)
    turn.category = 2
    shot(
        "09-turn-mid-cards",
        lambda: turn,
        turn.layout().card_rects(len(turn.policies()))[0].center if turn.policies() else (-1, -1),
    )
    shot("10-policy", lambda: PolicyDialog(app, turn, turn.policies()[0].id, 1))
    shot("11-menu", lambda: MenuOverlay(app, turn))
    shot("11b-briefing", lambda: BriefingOverlay(app, turn))
    reported = game.turn
    game.end_turn()
    shot("12-report", lambda: TurnReportScreen(app, reported))
    finish(session)
    session.write_result(app.results_dir)
    shot("13-debrief", lambda: DebriefScreen(app))
    shot("14-debrief-decisions", lambda: DebriefScreen(app, page=1))
    shot("15-leaderboard", lambda: LeaderboardScreen(app, TitleScreen(app)))
    return files
