"""In the window, short and full games are never ranked or compared together: the
leaderboard of a short game shows short games only, that of a full game (or of the title
screen) full games only, and the debrief's "had you done nothing" plays the same form."""

from __future__ import annotations

from pathlib import Path

from game.engine import BOTS, Game, play_bot
from game.results.record import record_from_game, write_result
from game.scenario import load_scenario
from game.scenario.forms import played_as
from game.session import Player, Session
from game.ui.app import App
from game.ui.screens.leaderboard import LeaderboardScreen
from game.ui.screens.title import TitleScreen
from tests.files import EXAMPLE
from tests.ui.driving import SIZE, make_options, pump

SHORT = ["Sari", "Tono"]
FULL = ["Ani", "Budi"]


def _app(tmp: Path) -> tuple[App, Path]:
    """An app whose results folder holds two full and two short games of class K."""
    scenarios = tmp / "scenarios"
    scenarios.mkdir()
    path = scenarios / "example.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n[short_form]\nturns = 3\n")
    loaded = load_scenario(path)
    for i, name in enumerate(FULL + SHORT):
        form = played_as(loaded, 3 if name in SHORT else None)
        game = play_bot(Game(form.compiled, 4), BOTS["random"], i)
        record = record_from_game(
            game, loaded, player=name, player_id=None, cohort="K", language="id"
        )
        write_result(record, tmp / "results")
    return App(make_options(tmp), headless_size=SIZE), path


def _board(app: App) -> list[str]:
    app.switch(LeaderboardScreen(app, TitleScreen(app)))
    pump(app)
    screen = app.screen
    assert isinstance(screen, LeaderboardScreen) and screen.message is None
    app.render()
    return sorted(r.player for r in screen.rows)


def test_the_leaderboard_shows_only_games_of_the_same_length(tmp_path: Path) -> None:
    app, path = _app(tmp_path)
    assert _board(app) == FULL  # from the title screen: full games, never the short ones
    app.session = Session.start(path, Player("Rina", None, "K"), "id", quarters=3)
    assert _board(app) == SHORT
    app.session = Session.start(path, Player("Rina", None, "K"), "id")
    assert _board(app) == FULL


def test_the_debrief_compares_with_doing_nothing_in_the_same_form(tmp_path: Path) -> None:
    _, path = _app(tmp_path)
    session = Session.start(path, Player("Rina", None, "K"), "id", seed=4, quarters=3)
    loaded = load_scenario(path)
    short = play_bot(Game(played_as(loaded, 3).compiled, 4), BOTS["passive"], 4).outcome
    full = play_bot(Game(loaded.compiled, 4), BOTS["passive"], 4).outcome
    assert short is not None and full is not None and short.score != full.score
    assert session.passive_score() == short.score
