"""Any name a participant can type (or a result file can hold) shows on the leaderboard:
no crash, the stored name stays as given, the drawn row is one clean line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.engine import BOTS, Game, play_bot
from game.results.record import record_from_game, write_result
from game.scenario import load_scenario
from game.ui.app import App
from game.ui.screens.leaderboard import LeaderboardScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets import Ink
from tests.files import EXAMPLE
from tests.ui.driving import SIZE, make_options, pump

LOADED = load_scenario(EXAMPLE)
GAME = play_bot(Game(LOADED.compiled, 3), BOTS["random"], 3)
NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=200).filter(str.strip)
CODES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=100).filter(str.strip)


def _board(tmp: Path, names: list[str], cohort: str) -> App:
    for name in names:
        record = record_from_game(
            GAME, LOADED, player=name, player_id=name[:100], cohort=cohort, language="id"
        )
        write_result(record, tmp / "results")
    app = App(make_options(tmp), headless_size=SIZE)
    app.switch(LeaderboardScreen(app, TitleScreen(app)))
    pump(app)
    return app


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(names=st.lists(NAMES, min_size=1, max_size=3), cohort=CODES)
@example(names=["NUL\x00byte", "baris\nbaru", "Vert\x0bTab"], cohort="PKA\x00")
@example(names=["\x1b[31mmerah", "\u202eabc", "أحمد بن علي"], cohort="\u200b")
@example(names=["x" * 200, "\u200b", "😀🇮🇩"], cohort="K" * 100)
def test_the_leaderboard_shows_any_name(names: list[str], cohort: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = _board(Path(tmp), names, cohort)
        screen = app.screen
        assert isinstance(screen, LeaderboardScreen)
        assert screen.message is None
        # one row per player: names that share a NIP are one participant
        players = {n[:100].strip() for n in names}
        assert len(screen.rows) == len(players)
        assert {r.player for r in screen.rows} <= {n.strip() for n in names}
        assert {r.cohort for r in screen.rows} == {cohort.strip()}
        for lang in ("id", "en"):
            app.lang = lang
            app.render()
        # the same screen opened again (the folder is imported again) still draws
        app.switch(LeaderboardScreen(app, TitleScreen(app)))
        pump(app)


def test_a_name_is_drawn_as_one_line_of_its_visible_characters(app: App) -> None:
    ink = Ink(app.render())
    one = ink.text("Ani", (0, 0), 19)
    for name in ("Ani\nBudi\nCitra", "NUL\x00", "\u200b"):
        rect = ink.text(name, (0, 0), 19)
        assert rect.height == one.height
