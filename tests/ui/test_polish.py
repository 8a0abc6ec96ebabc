"""Plurals, the leaderboard's grade language, shots' private data folders, fitting labels,
and the one-line message when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pygame
import pytest

from game.i18n import LANGUAGES, english_plural, tr, tr_n
from game.scenario import Scenario, load_scenario, localize
from game.session import Player, Session
from game.ui import facts
from game.ui.app import App
from game.ui.card import stat_row
from game.ui.screens.leaderboard import LeaderboardScreen, grade_in, shown_grade
from game.ui.screens.menu import MenuOverlay
from game.ui.screens.title import TitleScreen
from game.ui.screens.turn import TurnScreen
from game.ui.shots import finish, parse_size, render_shots
from game.ui.widgets import Ink
from tests.files import EXAMPLE

FIXTURE = EXAMPLE


def test_turn_counts_use_the_scenario_label_and_plural_forms() -> None:
    s = load_scenario(FIXTURE).scenario
    assert facts.turns(s, 1, "en") == "1 quarter"
    assert facts.turns(s, 2, "en") == "2 quarters"
    assert facts.turns(s, 1, "id") == "1 triwulan"
    assert facts.turns(s, 2, "id") == "2 triwulan"
    bare = s.model_copy(update={"turn_label": None})
    assert facts.turn_label(bare, "en") == "Turn" and facts.turn_label(bare, "id") == "Giliran"
    assert facts.turns(bare, 3, "en") == "3 turns" and facts.turns(bare, 3, "id") == "3 giliran"
    assert facts.turns(bare, 1, "en") == "1 turn"


def test_counted_catalog_texts() -> None:
    assert tr_n("count.decisions", 1, "en") == "1 decision"
    assert tr_n("count.decisions", 0, "en") == "0 decisions"
    assert tr_n("count.events", 2, "id") == "2 peristiwa"
    assert tr("card.active", "en", turns="2 quarters") == "In force · 2 quarters"
    assert english_plural("policy") == "policies" and english_plural("day") == "days"
    assert english_plural("batch") == "batches" and english_plural("quarter") == "quarters"


def _finished(app: App, lang: str) -> Session:
    loaded = load_scenario(FIXTURE)
    session = Session(FIXTURE, loaded, Player("Ani", "", "PKA-9"), lang, loaded.scenario.seed)
    app.session = session
    finish(session)
    assert session.game.over and session.write_result(app.results_dir) is not None
    return session


def test_leaderboard_shows_the_grade_in_the_current_language(app: App) -> None:
    session = _finished(app, "en")
    s = session.loaded.scenario
    out = session.game.outcome
    assert out is not None and out.grade is not None
    for lang in LANGUAGES:
        app.lang = lang
        board = LeaderboardScreen(app, TitleScreen(app))
        assert board.rows, board.message
        assert shown_grade(board.rows[0], board.scenarios, lang) == grade_name(s, out.grade, lang)
        app.render()


def grade_name(s: Scenario, index: int, lang: str) -> str:
    return localize(s.scoring.grades[index].name, lang, s.default_language)


def test_grade_lookup_by_name_then_by_score_then_as_stored() -> None:
    s = load_scenario(FIXTURE).scenario
    assert grade_in(s, "Needs work", 10.0, "id") == "Perlu perbaikan"
    assert grade_in(s, "Sangat baik", 10.0, "en") == "Excellent"  # the name wins over the score
    assert (
        grade_in(s, "renamed since", 90.0, "id") == "Sangat baik"
    )  # unknown name: the score decides
    assert grade_in(s, None, 90.0, "id") is None


def test_shots_never_touch_the_users_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(home / "data"))
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(home / "config"))
    files = render_shots(tmp_path / "out", FIXTURE)
    assert files and all(f.parent == tmp_path / "out" for f in files)
    assert not home.exists()
    assert pygame.image.load(str(files[0])).get_size() == (1280, 720)


def test_shots_size_option() -> None:
    assert parse_size("1920x1080") == (1920, 1080)
    for bad in ("big", "1920", "640x480", "x"):
        with pytest.raises(Exception, match="--size"):
            parse_size(bad)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_and_title_labels_fit_their_buttons(app: App, lang: str) -> None:
    app.lang = lang
    ink = Ink(app.surface)
    _finished(app, lang)
    for screen in (TitleScreen(app), MenuOverlay(app, TurnScreen(app))):
        for b in screen.buttons():
            room = b.rect.width - ink.width(b.hint, 16, 600) - ink.px(36)
            assert ink.width(b.label, 24, 700) <= room, (lang, b.label)


def test_card_value_moves_under_a_label_it_would_overlap(app: App) -> None:
    ink = Ink(app.surface)
    one = stat_row(ink, "Takes effect", "at once", 0, 0, 400)
    two = stat_row(ink, "Mulai berdampak", "setelah 1 triwulan", 0, 0, 200)
    assert two > one


def test_no_display_is_one_clear_line() -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "offscreen", "AGEN_VIDEODRIVER_IS_FALLBACK": "1"}
    env.pop("SDL_AUDIODRIVER", None)
    proc = subprocess.run(
        [sys.executable, "-c", "from game.cli import main; main()", "play"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == [line for line in lines if "No display found" in line] and len(lines) == 1
    assert "Tidak ada layar" in lines[0] and "agen simulate" in lines[0]
    assert "Traceback" not in proc.stderr and "ALSA" not in proc.stderr
